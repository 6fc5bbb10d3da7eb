#!/usr/bin/env bash
# The due list and recording actions, through the real binary.
source "$(dirname "$0")/lib.bash"

expect 0 child add C1 --first-name Amy --last-name Smith --case-status cla --team "CiC 1"
expect 0 child add C2 --first-name Ben --team Assessment
expect 0 episode add E1 --child-id C1 --kind missing --last-seen "2017-04-03 22:00" --risk high
expect 0 episode add E2 --child-id C2 --kind missing --last-seen "2017-04-04 08:00" --risk medium
expect 0 --now "2017-04-04 12:30" episode return E2 --at "2017-04-04 12:00"

expect 0 due --at "2017-04-05 09:00"
has "Due and overdue at 2017-04-05 09:00" "$OUT"
has "2017-04-03 22:00  1d 11h overdue  strategy_discussion" "$OUT"
has "2017-04-04 15:00  18h 0m overdue  safe_well_check" "$OUT"
has "2017-04-11 12:00  due in 6d 3h    record_updated" "$OUT"
has "(7 actions, 4 overdue)" "$OUT"

# Done, and not needed with a reason, leave the list; each is recorded once.
expect 0 --now "2017-04-05 09:00" action done E1 strategy_discussion --at "2017-04-03 23:30"
has "Recorded strategy_discussion #1 of episode E1 as Done." "$OUT"
expect 1 --now "2017-04-05 09:00" action done E1 strategy_discussion
has "strategy_discussion #1 of episode E1 is already recorded" "$ERR"
expect 1 --now "2017-04-05 09:00" action not-needed E2 need_to_know
has "--reason is required" "$ERR"
expect 0 --now "2017-04-05 09:00" action not-needed E2 need_to_know --reason "found before 24 hours"
expect 1 --now "2017-04-05 09:00" action done E1 review_strategy --seq 4
has "episode E1 does not call for review_strategy #4" "$ERR"
expect 1 --now "2017-04-05 09:00" action done E1 tea_break
has "unknown action 'tea_break'" "$ERR"
expect 1 --now "2017-04-05 09:00" action done E9 need_to_know
has "no episode E9 is recorded" "$ERR"
HOMEWARD_USER= expect 1 action done E1 need_to_know
has "say who you are" "$ERR"

# The safe-and-well check is done once its time is recorded.
expect 0 episode update E2 --safe-well-at "2017-04-04 14:10"
expect 0 due --at "2017-04-05 09:00" --format csv
has "due,overdue_minutes,action,seq,episode_id,child_id,name,team,worker,risk,missing" "$OUT"
hasnt "strategy_discussion" "$OUT"
hasnt "safe_well_check" "$OUT"
has "2017-04-03 22:00,2100,need_to_know,1,E1,C1,Amy Smith,CiC 1,,high,y" "$OUT"
expect 0 due --at "2017-04-05 09:00" --team Assessment --format json
has '"action": "record_updated"' "$OUT"
hasnt '"E1"' "$OUT"

expect 0 --now "2017-04-05 09:00" episode show E2
has "need_to_know         #1  due 2017-04-05 08:00  Not needed (e2e: found before 24 hours)" "$OUT"
has "safe_well_check      #1  due 2017-04-04 15:00  Done" "$OUT"
has "risk_meeting         #1  due 2017-04-07 08:00  Not needed: found first" "$OUT"
expect 0 --now "2017-04-05 09:00" episode show E1 --format json
has '"status": "done"' "$OUT"
has '"status": "overdue"' "$OUT"
has '"status": "upcoming"' "$OUT"
# The daily list.
expect 0 daily --date 2017-04-05
has "Daily list at 2017-04-05 09:00" "$OUT"
has "Missing now (1)" "$OUT"
has "E1       C1     Amy Smith   35.0  high" "$OUT"
has "Away without authorisation now (0)" "$OUT"
has "Returned in the last 24 hours (1)" "$OUT"
has "judgement" "$OUT"
has "none yet" "$OUT"
has "Overdue actions (2)" "$OUT"
expect 0 daily --at "2017-04-05 09:00" --team Assessment --format json
has '"missing": []' "$OUT"
has '"rhi": "judgement"' "$OUT"
expect 1 daily --date 2017-04-05 --at "2017-04-05 09:00"
has "give --date or --at, not both" "$ERR"
expect 1 daily --format csv
has "text or json" "$ERR"
# The high-risk list.
expect 0 high-risk --at "2017-04-05 09:00"
has "High-risk list at 2017-04-05 09:00" "$OUT"
has "C1     Amy Smith  CiC 1  missing_high_risk" "$OUT"
has "(1 child)" "$OUT"
expect 0 high-risk --at "2017-04-05 09:00" --format json
has '"reasons": [' "$OUT"
has '"missing_high_risk"' "$OUT"
has '"latest_episode": "E1"' "$OUT"
# The weekly list: E2 came back on Tuesday 4 April; its interview was at
# professional judgement, so none is counted as required.
expect 0 --now "2017-04-12 09:00" weekly --week-of 2017-04-05
has "week of 2017-04-03 to 2017-04-09 (as at 2017-04-10 00:00)" "$OUT"
has "Assessment" "$OUT"
has "All teams" "$OUT"
expect 0 --now "2017-04-12 09:00" weekly --week-of 2017-04-05 --format csv
has "team,returned,rhi_required,rhi_in_time,rhi_late,rhi_closed,rhi_needed,completed_in_week,update_on_time,update_late,update_overdue,update_not_due" "$OUT"
has "Assessment,1,0,0,0,0,0,0,0,0,0,1" "$OUT"
expect 1 weekly --week-of 2017-02-30
has "--week-of: '2017-02-30'" "$ERR"
# Risk raised while missing: the high-risk actions count from the moment it
# was raised (recorded at 06:00 on Tuesday); the medium need-to-know, due at
# 24 hours (10:00 Tuesday), is replaced.
expect 0 child add C3 --first-name Cal --team Assessment
expect 0 episode add E3 --child-id C3 --kind missing --last-seen "2017-04-03 10:00" --risk medium
expect 0 --now "2017-04-04 06:00" episode update E3 --risk high
expect 0 episode history E3
has "risk" "$OUT"
has "medium" "$OUT"
expect 0 due --at "2017-04-04 12:00" --team Assessment --format csv
has "2017-04-04 06:00,360,strategy_discussion,1,E3,C3" "$OUT"
has "2017-04-04 06:00,360,need_to_know,1,E3,C3" "$OUT"
hasnt "2017-04-04 10:00,120,need_to_know,1,E3" "$OUT"
has "2017-04-07 06:00,-3960,review_strategy,1,E3,C3" "$OUT"
done_checks
