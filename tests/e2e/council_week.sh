#!/usr/bin/env bash
# A week of a council's life, Monday 3 to Sunday 9 April 2017, through the
# CLI; `due`, `daily` and `weekly` at fixed times against expected output
# worked out by hand (the working is in the comments).
source "$(dirname "$0")/lib.bash"
csv() { printf '%s\n' "$1" | tr -d '\r'; }

expect 0 child add A1 --first-name Amy --last-name Adams --case-status cla --team CiC \
  --worker Sam --placement-type la_home --placement-name "Ashdown House"
expect 0 child add B1 --first-name Ben --last-name Brown --case-status cin --team Assessment \
  --worker Kim

# Monday 23:30: Amy reported missing, last seen 22:00, medium risk.
expect 0 --now "2017-04-03 23:30" episode report E1 --child-id A1 --last-seen "2017-04-03 22:00" \
  --risk medium
# Tuesday 07:15: Amy back at 07:00 (9 hours exactly, overnight: interview
# required, due Friday 07:00); safe-and-well check at 08:30.
expect 0 --now "2017-04-04 07:15" episode return E1 --at "2017-04-04 07:00" \
  --found-location "Friend's address" --safe-well-at "2017-04-04 08:30"
has "required - overnight_6h; due by 2017-04-07 07:00" "$OUT"
# Tuesday 16:00: Ben reported missing, last seen 15:00, high risk; the
# strategy discussion and need-to-know follow, and the UK Missing Persons
# Bureau and CEOP are told (all four due at once, at 15:00).
expect 0 --now "2017-04-04 16:00" episode report E2 --child-id B1 --last-seen "2017-04-04 15:00" \
  --risk high
expect 0 --now "2017-04-04 16:10" due --team Assessment --format csv
same "$(csv "$OUT" | cut -d, -f1-5)" "due,overdue_minutes,action,seq,episode_id
2017-04-04 15:00,70,strategy_discussion,1,E2
2017-04-04 15:00,70,need_to_know,1,E2
2017-04-04 15:00,70,missing_persons_bureau,1,E2
2017-04-04 15:00,70,ceop,1,E2
2017-04-07 15:00,-4250,review_strategy,1,E2
2017-04-07 15:00,-4250,strategy_meeting_3d,1,E2"
expect 0 --now "2017-04-04 17:00" action done E2 strategy_discussion --at "2017-04-04 16:30"
expect 0 --now "2017-04-04 17:00" action done E2 need_to_know --at "2017-04-04 17:00"
expect 0 --now "2017-04-04 17:00" action done E2 missing_persons_bureau --at "2017-04-04 16:40"
expect 0 --now "2017-04-04 17:00" action done E2 ceop --at "2017-04-04 16:45"

# Wednesday 09:00. Amy: IRO (due Mon 22:00, 35h overdue), interview (Fri
# 07:00, in 46h), record update (5 working days: Tue 11 Apr 07:00, in 142h);
# her 24-hour need-to-know and later meetings fell after her return.
# Ben: review strategy and 3-day strategy meeting, Fri 15:00 (in 54h).
expect 0 due --at "2017-04-05 09:00" --format csv
same "$(csv "$OUT")" "due,overdue_minutes,action,seq,episode_id,child_id,name,team,worker,risk,missing
2017-04-03 22:00,2100,iro_informed,1,E1,A1,Amy Adams,CiC,Sam,medium,n
2017-04-07 07:00,-2760,rhi,1,E1,A1,Amy Adams,CiC,Sam,medium,n
2017-04-07 15:00,-3240,review_strategy,1,E2,B1,Ben Brown,Assessment,Kim,high,y
2017-04-07 15:00,-3240,strategy_meeting_3d,1,E2,B1,Ben Brown,Assessment,Kim,high,y
2017-04-11 07:00,-8520,record_updated,1,E1,A1,Amy Adams,CiC,Sam,medium,n"

# Wednesday: Amy's interview is offered.
expect 0 interview add I1 --child-id A1 --episode-ids E1 --decision required
expect 0 --now "2017-04-05 10:00" interview offer I1 --at "2017-04-05 10:00"

# Thursday 09:00, the daily meeting: Ben missing 42 hours; nobody back in
# the last 24 hours; one overdue action, Amy's IRO.
expect 0 daily --date 2017-04-06 --format json
has '"missing": [
    {
      "episode_id": "E2",
      "child_id": "B1",
      "name": "Ben Brown",
      "team": "Assessment",
      "worker": "Kim",
      "placement": null,
      "risk": "high",
      "last_seen": "2017-04-04T15:00:00+01:00",
      "returned": null,
      "hours": 42.0
    }
  ],
  "absent": [],
  "returned": [],
  "overdue": [
    {
      "due": "2017-04-03T22:00:00+01:00",
      "action": "iro_informed",
      "seq": 1,
      "episode_id": "E1",
      "child_id": "A1"
    }
  ]' "$OUT"

# Thursday: Ben back at 13:00 (46 hours, overnight: interview required, due
# Sunday 13:00), checked at 13:45; Amy's interview done at 15:00, in time.
expect 0 --now "2017-04-06 14:00" episode return E2 --at "2017-04-06 13:00" \
  --safe-well-at "2017-04-06 13:45"
has "required - overnight_6h over_9h; due by 2017-04-09 13:00" "$OUT"
expect 0 --now "2017-04-06 15:30" interview complete I1 --at "2017-04-06 15:00" \
  --conducted-by independent

# Friday 09:00: Ben back in the last 24 hours, interview not yet arranged.
expect 0 daily --date 2017-04-07
has "Missing now (0)" "$OUT"
has "Returned in the last 24 hours (1)" "$OUT"
has "E2       B1     Ben Brown  2017-04-06 13:00   46.0  high  required  overnight_6h;over_9h  2017-04-09 13:00  none yet" "$OUT"
has "Overdue actions (1)" "$OUT"
expect 0 --now "2017-04-07 09:30" action done E1 iro_informed --at "2017-04-07 09:30"
expect 0 --now "2017-04-07 12:00" action done E1 record_updated --at "2017-04-07 12:00"

# Monday 10 April 09:00, the week looked back on (as at Monday 00:00).
# CiC: Amy back, interview in time, record updated on time.
# Assessment: Ben back, interview still needed, record update due Thursday
# 13 April 13:00 (5 working days), not yet due.
expect 0 --now "2017-04-10 09:00" weekly --week-of 2017-04-05 --format csv
same "$(csv "$OUT")" "team,returned,rhi_required,rhi_in_time,rhi_late,rhi_closed,rhi_needed,completed_in_week,update_on_time,update_late,update_overdue,update_not_due
Assessment,1,1,0,0,0,1,0,0,0,0,1
CiC,1,1,1,0,0,0,1,1,0,0,0
All teams,2,2,1,0,0,1,1,1,0,0,1"

# And what is left: Ben's interview, 20 hours overdue; his record update.
expect 0 due --at "2017-04-10 09:00" --format csv
same "$(csv "$OUT")" "due,overdue_minutes,action,seq,episode_id,child_id,name,team,worker,risk,missing
2017-04-09 13:00,1200,rhi,1,E2,B1,Ben Brown,Assessment,Kim,high,n
2017-04-13 13:00,-4560,record_updated,1,E2,B1,Ben Brown,Assessment,Kim,high,n"
done_checks
