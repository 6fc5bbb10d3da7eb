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
# E1 is high risk: the UK Missing Persons Bureau and CEOP too, due at once.
has "2017-04-03 22:00  1d 11h overdue  missing_persons_bureau" "$OUT"
has "2017-04-03 22:00  1d 11h overdue  ceop" "$OUT"
has "(9 actions, 6 overdue)" "$OUT"

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
has "need_to_know           #1  due 2017-04-05 08:00  Not needed (e2e: found before 24 hours)" "$OUT"
has "safe_well_check        #1  due 2017-04-04 15:00  Done" "$OUT"
has "risk_meeting           #1  due 2017-04-07 08:00  Not needed: found first" "$OUT"
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
has "Overdue actions (4)" "$OUT"   # need-to-know, IRO, the Bureau and CEOP
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
# ... and so do the UK Missing Persons Bureau and CEOP (003 7.1).
has "2017-04-04 06:00,360,missing_persons_bureau,1,E3,C3" "$OUT"
has "2017-04-04 06:00,360,ceop,1,E3,C3" "$OUT"

# External notifications (003 7.1, 12.3). Dee is flagged trafficked; she is
# missing from Thursday 6 April 20:00 at medium risk. At 21:00: the
# need-to-know and the National Referral Mechanism referral at 24 hours
# (Friday 20:00, in 23h = 1380 minutes), the risk meeting and 3-day
# strategy meeting on Sunday 20:00 (71h), the meeting's review a week on.
expect 0 child add C4 --first-name Dee --last-name Dale --flags trafficking --team Exploitation \
  --worker "Jo Bloggs"
expect 0 --now "2017-04-06 20:30" episode add E4 --child-id C4 --kind missing \
  --last-seen "2017-04-06 20:00" --risk medium
csv() { printf '%s\n' "$1" | tr -d '\r'; }
expect 0 due --at "2017-04-06 21:00" --team Exploitation --format csv
same "$(csv "$OUT")" "due,overdue_minutes,action,seq,episode_id,child_id,name,team,worker,risk,missing
2017-04-07 20:00,-1380,need_to_know,1,E4,C4,Dee Dale,Exploitation,Jo Bloggs,medium,y
2017-04-07 20:00,-1380,nrm_referral,1,E4,C4,Dee Dale,Exploitation,Jo Bloggs,medium,y
2017-04-09 20:00,-4260,risk_meeting,1,E4,C4,Dee Dale,Exploitation,Jo Bloggs,medium,y
2017-04-09 20:00,-4260,strategy_meeting_3d,1,E4,C4,Dee Dale,Exploitation,Jo Bloggs,medium,y
2017-04-14 20:00,-11460,risk_meeting_review,1,E4,C4,Dee Dale,Exploitation,Jo Bloggs,medium,y"
# Raised to high at 23:15: the strategy discussion, need-to-know, the
# Bureau and CEOP fall due then (at Friday 09:00, 9h 45m = 585 minutes
# overdue); the medium actions go; the referral stays (Friday 20:00); the
# review strategy discussion 72 hours after 23:15, Sunday 23:15 (3735).
expect 0 --now "2017-04-06 23:15" episode update E4 --risk high
expect 0 due --at "2017-04-07 09:00" --team Exploitation --format csv
same "$(csv "$OUT" | cut -d, -f1-5)" "due,overdue_minutes,action,seq,episode_id
2017-04-06 23:15,585,strategy_discussion,1,E4
2017-04-06 23:15,585,need_to_know,1,E4
2017-04-06 23:15,585,missing_persons_bureau,1,E4
2017-04-06 23:15,585,ceop,1,E4
2017-04-07 20:00,-660,nrm_referral,1,E4
2017-04-09 20:00,-3540,strategy_meeting_3d,1,E4
2017-04-09 23:15,-3735,review_strategy,1,E4"
expect 0 --now "2017-04-07 09:00" action done E4 missing_persons_bureau --at "2017-04-06 23:40"
has "Recorded missing_persons_bureau #1 of episode E4 as Done." "$OUT"
expect 0 --now "2017-04-07 09:00" action done E4 ceop --at "2017-04-06 23:50"
expect 0 --user jo --now "2017-04-07 11:05" action done E4 nrm_referral --at "2017-04-07 11:00"
expect 1 --now "2017-04-07 11:05" action done E4 nrm_referral
has "nrm_referral #1 of episode E4 is already recorded" "$ERR"
# Done, they leave the list (12:00: 12h 45m = 765 minutes overdue).
expect 0 due --at "2017-04-07 12:00" --team Exploitation --format csv
same "$(csv "$OUT" | cut -d, -f1-5)" "due,overdue_minutes,action,seq,episode_id
2017-04-06 23:15,765,strategy_discussion,1,E4
2017-04-06 23:15,765,need_to_know,1,E4
2017-04-09 20:00,-3360,strategy_meeting_3d,1,E4
2017-04-09 23:15,-3555,review_strategy,1,E4"
# Found on Saturday: the referral stands, done; the episode shows each.
expect 0 --now "2017-04-08 10:30" episode return E4 --at "2017-04-08 10:00"
expect 0 --now "2017-04-08 10:30" episode show E4
has "missing_persons_bureau #1  due 2017-04-06 23:15  Done" "$OUT"
has "ceop                   #1  due 2017-04-06 23:15  Done" "$OUT"
has "nrm_referral           #1  due 2017-04-07 20:00  Done" "$OUT"
expect 0 --now "2017-04-08 10:30" episode show E4 --format json
has '"action": "nrm_referral",' "$OUT"
has '"by": "jo"' "$OUT"
# A trafficked child not flagged: no referral; away without authorisation
# at high risk, trafficked: no escalation at all, as for every absence.
expect 0 child add C5 --first-name Eve --team Exploitation
expect 0 --now "2017-04-08 12:00" episode add E5 --child-id C5 --kind missing \
  --last-seen "2017-04-08 11:00" --risk low
expect 0 --now "2017-04-08 12:00" episode add A6 --child-id C4 --kind absent \
  --last-seen "2017-04-08 11:30" --risk high
expect 0 due --at "2017-04-08 12:00" --team Exploitation --format csv
hasnt "nrm_referral,1,E5" "$OUT"
hasnt ",A6," "$OUT"
has "strategy_meeting_3d,1,E5" "$OUT"
done_checks
