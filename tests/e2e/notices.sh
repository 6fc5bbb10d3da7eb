#!/usr/bin/env bash
# Notices to the councils that placed children here (004 appendix 1),
# through the real binary: the templates in force and a council's own file;
# the notices the report and the return make; sending and answering once;
# the 72-hour notice on the due list, made when due and resolving it; an
# interview reported done making it not needed; the report of other
# councils' interviews with numbers worked out by hand.
source "$(dirname "$0")/lib.bash"
export HOMEWARD_COUNCIL="BCP Council"
csv() { printf '%s\n' "$1" | tr -d '\r'; }

# ---- the templates ----
expect 0 notices templates
has "# Homeward notices (defaults)" "$OUT"
has "#   {rhi_due}  when the return home interview is due" "$OUT"
has $'\n[rhi_overdue]\nTo: {council}\n' "$OUT"
printf '%s\n' "$OUT" > defaults.txt
expect 0 --notices defaults.txt notices templates
has "# Homeward notices from defaults.txt" "$OUT"
same "$(printf '%s\n' "$OUT" | tail -n +2)" "$(tail -n +2 defaults.txt)"
printf '[reported]\nx\n[risk_raised_high]\nx\n[returned]\nDear {council},\n\nBorn {dob}\n[rhi_overdue]\nx\n' > bad.txt
expect 1 --notices bad.txt notices templates
has "bad.txt:8: unknown placeholder {dob}: expected one of council|our_council|child_name|" "$ERR"
HOMEWARD_NOTICES=nowhere.txt expect 1 notices
has "cannot read notices nowhere.txt" "$ERR"

# ---- the children ----
expect 0 child add C1 --first-name Amy --case-status cla --team CiC --worker "Jo Bloggs"
expect 0 child add C3 --first-name Cal --last-name Reed --date-of-birth 2003-02-14 \
  --case-status cla --team CiC --worker "Sam Lee" --responsible-authority "Dorset Council"
expect 0 child add C6 --first-name Fay --last-name Holt --date-of-birth 2002-07-01 \
  --case-status cla --team CiC --responsible-authority "Derby City Council"

# Monday 3 April: Cal (placed by Dorset) reported missing at 21:00, last
# seen 20:00 at Ashdown House. The row to Dorset is notice 1; the missing
# team's row 2 is no notice.
expect 0 --now "2017-04-03 21:00" episode report E4 --child-id C3 --last-seen "2017-04-03 20:00" \
  --risk medium --police-ref MP/42 --missing-from-type la_home --missing-from-name "Ashdown House"
expect 0 notices
has "(1 notice)" "$OUT"
has "1   reported  E4       C3     Dorset Council  2017-04-03 21:00  not sent" "$OUT"
expect 0 notice show 1
same "$OUT" "Notice 1: Reported missing, episode E4 of child C3, to Dorset Council
  made      2017-04-03 21:00 by e2e
  why       BCP guidance 12.1: placed by another council: forwarded to the responsible council and recorded; no RHI from this council
  sent      not yet
  answered  not yet

To: Dorset Council
From: BCP Council, children missing from home and care
Subject: Cal Reed (C3), placed here by you, has been reported missing

Cal Reed, born 2003-02-14, whom Dorset Council placed in our area, has been
reported missing to the police.

Our episode: E4
Last seen: 2017-04-03 20:00
Reported to the police: 2017-04-03 21:00
Missing from: Ashdown House (Council children's home)
Police reference: MP/42
Police risk level: Medium

Please make sure the child's allocated worker and team manager know, and tell us
who we should keep informed. We will tell you when Cal Reed is found."
expect 1 notice show 2
has "no notice 2 is recorded (see 'homeward notices')" "$ERR"
expect 1 notice show one
has "notice ID: expected a whole number from 1, got 'one'" "$ERR"

# Our own child Amy: notifications (3, 4, 5), no notice.
expect 0 --now "2017-04-03 22:30" episode report E1 --child-id C1 --last-seen "2017-04-03 22:00" \
  --risk medium
expect 0 notices --all
has "(1 notice)" "$OUT"

# Sent at 21:10: recorded once, and the outbox row acknowledged.
expect 1 --now "2017-04-03 21:10" notice answer 1 --answer "Noted"
has "notice 1 has not been sent: an answer is to a notice sent" "$ERR"
HOMEWARD_USER= expect 1 notice send 1
has "say who you are" "$ERR"
expect 0 --now "2017-04-03 21:10" notice send 1
has "Sent notice 1 (reported, episode E4 of child C3) to Dorset Council, by e2e at 2017-04-03 21:10." "$OUT"
has "Subject: Cal Reed (C3), placed here by you, has been reported missing" "$OUT"
expect 1 --now "2017-04-03 21:20" notice send 1
has "notice 1 was already sent by e2e at 2017-04-03 21:10" "$ERR"
expect 1 notice send 2
has "notification 2 (reported, missing_team) is no notice" "$ERR"
expect 0 outbox --role responsible_council
has "(0 unacknowledged notifications)" "$OUT"

# Tuesday: Cal found at 10:00 (recorded 10:30): the found notice, 6.
expect 0 --now "2017-04-04 10:30" episode return E4 --at "2017-04-04 10:00" \
  --found-location "Poole Quay"
expect 0 notices --unsent
has "(1 notice)" "$OUT"
has "6   returned  E4       C3     Dorset Council  2017-04-04 10:30  not sent" "$OUT"
expect 0 notice show 6
has "was found or returned at 2017-04-04 10:00, having been missing since
2017-04-03 20:00." "$OUT"
has "Found at: Poole Quay" "$OUT"
has "72 hours of the return: by 2017-04-07 10:00. Please confirm the interview" "$OUT"
expect 0 --now "2017-04-04 11:00" notice send 6
expect 0 notices --unanswered
has "(2 notices)" "$OUT"
# The notice action is on the due list, due with the interview (Friday 10:00).
expect 0 due --at "2017-04-06 09:00" --format csv
has "2017-04-07 10:00,-1500,ola_notice,1,E4,C3,Cal Reed,CiC,Sam Lee,medium,n" "$(csv "$OUT")"

# Thursday 16:00: Dorset answers that the interview was done at 15:00, 53
# hours after the return: in time; the notice action is not needed.
expect 1 --now "2017-04-06 16:00" notice answer 6
has "--answer is required" "$ERR"
expect 1 --now "2017-04-06 16:00" notice answer 6 --answer "Done" --interview-completed "2017-04-04 09:00"
has "interview_completed: before the return at 2017-04-04 10:00" "$ERR"
expect 1 --now "2017-04-06 16:00" notice answer 6 --answer "Done" --interview-completed "2017-04-06 17:00"
has "interview_completed: is in the future" "$ERR"
expect 0 --now "2017-04-06 16:00" notice answer 6 --answer "RHI done by Sam Lee" \
  --interview-completed "2017-04-06 15:00"
same "$OUT" "Recorded the answer to notice 6 (returned, episode E4 of child C3) from Dorset Council.
The interview was done at 2017-04-06 15:00, 53h 00m after the return: in time (due by 2017-04-07 10:00)."
expect 1 --now "2017-04-06 16:05" notice answer 6 --answer "Again"
has "notice 6 was already answered (recorded by e2e at 2017-04-06 16:00)" "$ERR"
expect 0 --now "2017-04-07 11:00" episode show E4
has "ola_notice             #1  due 2017-04-07 10:00  Not needed (e2e: the responsible council reported the interview done at 2017-04-06 15:00 (notice 6))" "$OUT"
expect 1 --now "2017-04-07 11:00" notice overdue E4
has "Dorset Council reported the interview for episode E4 done at 2017-04-06 15:00 (notice 6): no notice is needed" "$ERR"
expect 1 --now "2017-04-07 11:00" notice overdue E1
has "child C1 was not placed here by another council" "$ERR"

# ---- Fay, placed by Derby, with our council's own templates ----
cat > ours.txt <<'TEMPLATES'
# BCP's letters to other councils
[reported]
Dear colleagues at {council},
{child_name} ({child_id}) went missing at {last_seen}; police reference {police_ref}.

[risk_raised_high]
{child_name} is now missing at high risk.
[returned]
{child_name} was found at {returned} ({found_location}). The interview is due by {rhi_due}.
[rhi_overdue]
Dear colleagues at {council},

We have no report of {child_name}'s interview, due by {rhi_due}.
{{{our_council}}}
TEMPLATES
export HOMEWARD_NOTICES=ours.txt
# Saturday 8 April 23:00: reported (8, and row 9); sent 23:10.
expect 0 --now "2017-04-08 23:00" episode report E6 --child-id C6 --last-seen "2017-04-08 22:00" \
  --risk low --police-ref DY/7
expect 0 notice show 8
has "Dear colleagues at Derby City Council,
Fay Holt (C6) went missing at 2017-04-08 22:00; police reference DY/7." "$OUT"
expect 0 --now "2017-04-08 23:10" notice send 8
# Sunday: found at 12:00 (10, and row 11), sent 13:00; Derby answers
# Monday 10:00 without the interview done.
expect 0 --now "2017-04-09 12:20" episode return E6 --at "2017-04-09 12:00"
expect 0 notice show 10
has "Fay Holt was found at 2017-04-09 12:00 (not recorded). The interview is due by 2017-04-12 12:00." "$OUT"
expect 0 --now "2017-04-09 13:00" notice send 10
expect 0 --now "2017-04-10 10:00" notice answer 10 --answer "Noted; we will arrange the interview"
has "Recorded the answer to notice 10 (returned, episode E6 of child C6) from Derby City Council." "$OUT"
hasnt "The interview was done" "$OUT"

# Wednesday 12:00 the interview falls due with no report: the notice is
# made when due (not a minute before), once, and sending it resolves it.
expect 1 --now "2017-04-12 11:59" notice overdue E6
has "the interview for episode E6 is not overdue yet: it is due by 2017-04-12 12:00" "$ERR"
expect 0 due --at "2017-04-12 12:30" --format csv
has "2017-04-12 12:00,30,ola_notice,1,E6,C6,Fay Holt,CiC,,low,n" "$(csv "$OUT")"
expect 0 --now "2017-04-12 12:30" notice overdue E6
has "Made notice 12 to Derby City Council: the interview for episode E6 is not reported done. Send it with 'homeward notice send 12'." "$OUT"
has "We have no report of Fay Holt's interview, due by 2017-04-12 12:00.
{BCP Council}" "$OUT"
expect 1 --now "2017-04-12 12:31" notice overdue E6
has "the 72-hour notice of episode E6 is already made: notice 12" "$ERR"
expect 0 due --at "2017-04-12 12:40" --format csv
has ",ola_notice,1,E6," "$OUT"   # made, not yet sent
expect 0 --now "2017-04-12 12:45" notice send 12
has "Sent notice 12 (rhi_overdue, episode E6 of child C6) to Derby City Council, by e2e at 2017-04-12 12:45. Its ola_notice action is done." "$OUT"
expect 0 due --at "2017-04-12 12:50" --format csv
hasnt ",ola_notice," "$OUT"
expect 0 --now "2017-04-12 13:00" episode show E6
has "ola_notice             #1  due 2017-04-12 12:00  Done (e2e)" "$OUT"
# Friday: Derby says it was done Thursday 11:00: 95 hours, late.
expect 0 --now "2017-04-14 09:00" notice answer 12 --answer "Done on Thursday by Derby's worker" \
  --interview-completed "2017-04-13 11:00"
has "The interview was done at 2017-04-13 11:00, 95h 00m after the return: late (due by 2017-04-12 12:00)." "$OUT"
unset HOMEWARD_NOTICES

# The notices, all: 1, 6, 8, 10, 12; those open (not answered): 1 and 8.
expect 0 notices --all --format csv
same "$(csv "$OUT")" "id,kind,episode_id,child_id,council,created_at,created_by,sent_at,sent_by,answered_at,answered_by,answer,interview_completed
1,reported,E4,C3,Dorset Council,2017-04-03 21:00,e2e,2017-04-03 21:10,e2e,,,,
6,returned,E4,C3,Dorset Council,2017-04-04 10:30,e2e,2017-04-04 11:00,e2e,2017-04-06 16:00,e2e,RHI done by Sam Lee,2017-04-06 15:00
8,reported,E6,C6,Derby City Council,2017-04-08 23:00,e2e,2017-04-08 23:10,e2e,,,,
10,returned,E6,C6,Derby City Council,2017-04-09 12:20,e2e,2017-04-09 13:00,e2e,2017-04-10 10:00,e2e,Noted; we will arrange the interview,
12,rhi_overdue,E6,C6,Derby City Council,2017-04-12 12:30,e2e,2017-04-12 12:45,e2e,2017-04-14 09:00,e2e,Done on Thursday by Derby's worker,2017-04-13 11:00"
expect 0 notices
has "(2 notices)" "$OUT"
expect 0 notices --episode E6 --all --format json
has '"kind": "rhi_overdue",' "$OUT"
has '"interview_completed": "2017-04-13T11:00:00+01:00",' "$OUT"
has '"notice": "Dear colleagues at Derby City Council,\n\nWe have no report' "$OUT"
expect 1 notices --all --unsent
has "give one of --all, --unsent and --unanswered" "$ERR"

# ---- the report, as at Friday 14 April 09:30 ----
# Derby: E6 back Sun 9 Apr 12:00; done Thu 11:00 = 95h, late; notices
#   sent: missing, found, 72-hour; answers 21h (1260 min) and 44h 15m (2655
#   min): median 1957 min = 32.6h; the missing notice unanswered.
# Dorset: E4 back Tue 4 Apr 10:00; done Thu 15:00 = 53h, in time; answer
#   53h; the missing notice unanswered.
# Total: medians of 53h and 95h = 74.0h; of 1260, 2655, 3180 min = 2655
#   = 44.3h; 1 of 2 within 72 hours, 50.00%.
expect 0 --now "2017-04-14 09:30" report ola-interviews --from 2017-04-01 --to 2017-04-30 --format csv
same "$(csv "$OUT")" "# By responsible council: Interviews and notices by responsible council
Responsible council,Episodes returned,Missing notices sent,Found notices sent,72-hour notices sent,Interviews reported done,Done within 72 hours,% within 72 hours,Median hours to the interview,Interviews outstanding,Notices unanswered,Median hours to an answer
Derby City Council,1,1,1,1,1,0,0.00,95.0,0,1,32.6
Dorset Council,1,1,1,0,1,1,100.00,53.0,0,1,53.0
Total,2,2,2,1,2,1,50.00,74.0,0,2,44.3

# By responsible council: Each episode
Responsible council,Episode,Child,Returned,Interview due,Interview done (reported),Hours from the return,Within 72 hours,Missing notice sent,Found notice sent,72-hour notice sent,Notices unanswered
Derby City Council,E6,C6,2017-04-09 12:00,2017-04-12 12:00,2017-04-13 11:00,95.0,No,2017-04-08 23:10,2017-04-09 13:00,2017-04-12 12:45,1
Dorset Council,E4,C3,2017-04-04 10:00,2017-04-07 10:00,2017-04-06 15:00,53.0,Yes,2017-04-03 21:10,2017-04-04 11:00,,1"
# As at Wednesday 12:40 Derby's interview was outstanding and the 72-hour
# notice made but not sent.
expect 0 --now "2017-04-12 12:40" report ola-interviews --year 2017-18 --format csv
has "Derby City Council,1,1,1,0,0,0,0.00,,1,1,21.0" "$(csv "$OUT")"
has "Derby City Council,E6,C6,2017-04-09 12:00,2017-04-12 12:00,,,,2017-04-08 23:10,2017-04-09 13:00,not sent,1" "$(csv "$OUT")"
expect 0 --now "2017-04-14 09:30" report ola-interviews --year 2017-18 --format json
has '"council": "BCP Council",' "$OUT"
has '"period": "2017-18",' "$OUT"
has '"within_72h_pct": 50.0' "$OUT"
expect 0 --now "2017-04-14 09:30" report ola-interviews --year 2017-18 --format html --out ola.html
has "<table" "$(cat ola.html)"
has "Derby City Council" "$(cat ola.html)"
expect 0 --now "2017-04-14 09:30" report ola-interviews --year 2017-18 --format xlsx --out ola.xlsx
[ -s ola.xlsx ] || fail "no workbook written"; pass
expect 1 report ola-interviews --year 2017
has "--year: '2017': expected a financial year such as 2016-17" "$ERR"
expect 1 report ola-interviews --from 2017-04-30 --to 2017-04-01
has "--from: 2017-04-30 is after --to 2017-04-01" "$ERR"
expect 1 report ola-interviews --year 2017-18 --from 2017-04-01
has "give --year, or --from and --to, not both" "$ERR"
done_checks
