#!/usr/bin/env bash
# Who is told, through the real binary: the outbox the live commands fill in
# each branch of the routing table, acknowledging once, a council's own
# routing file, and imports (historical records) that notify nobody.
source "$(dirname "$0")/lib.bash"

# rows FILTER...: the outbox as CSV (no header), one row per line, no CR.
rows() {
  expect 0 outbox --format csv "$@"
  ROWS=$(printf '%s\n' "$OUT" | tail -n +2 | tr -d '\r')
}
count() { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l; fi; }

# The table in force reads back as a routing file.
expect 0 routing show
has "# Homeward routing (defaults)" "$OUT"
has "reported          own,not_open,medium|low|unrecorded  early_help_decision_maker " "$OUT"
printf '%s\n' "$OUT" > defaults.routing
defaults=$(printf '%s\n' "$OUT" | grep -v '^#')
expect 0 --routing defaults.routing routing show
has "# Homeward routing from defaults.routing" "$OUT"
same "$(printf '%s\n' "$OUT" | grep -v '^#')" "$defaults"

# One child per branch: open (looked after), not open, not recorded (not
# open), placed here by another council.
expect 0 child add C1 --first-name Amy --case-status cla --worker "Jo Bloggs" --team "CiC 1"
expect 0 child add C2 --first-name Ben --case-status not_open
expect 0 child add C3 --first-name Cal --case-status cin --worker "Sam Lee" \
  --responsible-authority "Dorset Council"
expect 0 child add C4 --first-name Dee
hasnt "notification" "$OUT"

export HOMEWARD_NOW="2017-04-03 22:30"
expect 0 episode add E1 --child-id C1 --kind missing --last-seen "2017-04-03 22:00" --risk medium
has "3 notifications added: see 'homeward outbox --episode E1'." "$OUT"
expect 0 episode add E2 --child-id C2 --kind missing --last-seen "2017-04-03 21:00" --risk low
has "2 notifications added" "$OUT"
expect 0 episode add E3 --child-id C4 --kind missing --last-seen "2017-04-03 21:30" --risk high
has "3 notifications added" "$OUT"
expect 0 episode add E4 --child-id C3 --kind missing --last-seen "2017-04-03 20:00" --risk medium
has "2 notifications added" "$OUT"
expect 0 episode add E5 --child-id C1 --kind absent --last-seen "2017-04-03 19:00"
hasnt "notification" "$OUT"
expect 1 episode add E9 --child-id C9 --kind missing --last-seen "2017-04-03 19:00"
has "no child C9 is recorded" "$ERR"

rows
same "$ROWS" "$(cat <<'ROWS'
1,2017-04-03 22:30,e2e,reported,E1,C1,allocated_worker,Jo Bloggs,"BCP guidance 7, 12.2: open to children's services: sent at once to the allocated worker and team manager, and to the CE and missing team",,
2,2017-04-03 22:30,e2e,reported,E1,C1,team_manager,,"BCP guidance 7, 12.2: open to children's services: sent at once to the allocated worker and team manager, and to the CE and missing team",,
3,2017-04-03 22:30,e2e,reported,E1,C1,missing_team,,"BCP guidance 7, 12.2: open to children's services: sent at once to the allocated worker and team manager, and to the CE and missing team",,
4,2017-04-03 22:30,e2e,reported,E2,C2,missing_team,,BCP guidance 12.2: not open to services: the CE and missing team complete the missing record and CE screen,,
5,2017-04-03 22:30,e2e,reported,E2,C2,early_help_decision_maker,,"BCP guidance 12.2: not open, medium or low risk: the contact goes to the First Response early-help decision maker",,
6,2017-04-03 22:30,e2e,reported,E3,C4,missing_team,,BCP guidance 12.2: not open to services: the CE and missing team complete the missing record and CE screen,,
7,2017-04-03 22:30,e2e,reported,E3,C4,front_door_triage_manager,,"BCP guidance 7.1, 12.2: high risk: straight to the MASH triage manager; need-to-know to the service manager and directors",,
8,2017-04-03 22:30,e2e,reported,E3,C4,senior_managers,,"BCP guidance 7.1, 12.2: high risk: straight to the MASH triage manager; need-to-know to the service manager and directors",,
9,2017-04-03 22:30,e2e,reported,E4,C3,responsible_council,Dorset Council,BCP guidance 12.1: placed by another council: forwarded to the responsible council and recorded; no RHI from this council,,
10,2017-04-03 22:30,e2e,reported,E4,C3,missing_team,,BCP guidance 12.1: placed by another council: forwarded to the responsible council and recorded; no RHI from this council,,
ROWS
)"

# Risk raised to high while missing: the front door and need-to-know for
# our child; only the record for another council's child; nothing when the
# risk does not change.
export HOMEWARD_NOW="2017-04-04 08:00"
expect 0 episode update E1 --risk high --police-ref "PR/1"
has "2 notifications added" "$OUT"
expect 0 episode update E4 --risk high
has "1 notification added" "$OUT"
expect 0 episode update E1 --reported-by "carer"
hasnt "notification" "$OUT"
rows --episode E1
same "$(count "$ROWS")" 5
has "11,2017-04-04 08:00,e2e,risk_raised_high,E1,C1,front_door_triage_manager,," "$ROWS"
has "12,2017-04-04 08:00,e2e,risk_raised_high,E1,C1,senior_managers,," "$ROWS"
rows --episode E4
has "13,2017-04-04 08:00,e2e,risk_raised_high,E4,C3,missing_team,,BCP guidance 12.1: placed by another council: recorded by the CE and missing team,," "$ROWS"

# Returns: the allocated worker and team manager; the missing team for a
# child not open; the responsible council for another council's child.
export HOMEWARD_NOW="2017-04-04 12:00"
expect 0 episode return E1 --at "2017-04-04 11:00"
has "2 notifications added: see 'homeward outbox --episode E1'." "$OUT"
expect 0 episode return E2 --at "2017-04-04 09:00"
has "1 notification added" "$OUT"
expect 0 episode update E4 --returned "2017-04-04 10:00" --found-location "Poole"
has "2 notifications added" "$OUT"
expect 0 episode update E4 --found-location "Poole Quay"
hasnt "notification" "$OUT"
rows --episode E1
has "14,2017-04-04 12:00,e2e,returned,E1,C1,allocated_worker,Jo Bloggs,\"BCP guidance 10, 12.2: returned, open to services: the team manager decides on the RHI and who does it\",," "$ROWS"
has "15,2017-04-04 12:00,e2e,returned,E1,C1,team_manager,," "$ROWS"
rows --role responsible_council
same "$(printf '%s\n' "$ROWS" | cut -d, -f1,4-8)" "9,reported,E4,C3,responsible_council,Dorset Council
17,returned,E4,C3,responsible_council,Dorset Council"
rows --role missing_team --episode E2
same "$(printf '%s\n' "$ROWS" | cut -d, -f1,4-7)" "4,reported,E2,C2,missing_team
16,returned,E2,C2,missing_team"
rows
same "$(count "$ROWS")" 18
expect 1 outbox --role social_worker
has "--role: expected one of allocated_worker|team_manager|missing_team|" "$ERR"

# Acknowledging: once, by the user, now; the list then leaves it out.
expect 0 --now "2017-04-05 09:00" outbox ack 1
has "Acknowledged notification 1 (reported, episode E1 of child C1, allocated_worker Jo Bloggs)." "$OUT"
expect 1 --now "2017-04-05 10:00" outbox ack 1
has "notification 1 (reported, episode E1 of child C1, allocated_worker Jo Bloggs) was already acknowledged by e2e at 2017-04-05 09:00" "$ERR"
expect 1 --user ben outbox ack 999
has "no notification 999 is recorded" "$ERR"
expect 1 outbox ack one
has "notification ID: expected a whole number from 1, got 'one'" "$ERR"
HOMEWARD_USER= expect 1 outbox ack 2
has "say who you are" "$ERR"
expect 0 --user ben --now "2017-04-05 11:00" outbox ack 2
rows
same "$(count "$ROWS")" 16
hasnt $'\n1,' $'\n'"$ROWS"
rows --all
same "$(count "$ROWS")" 18
has ",2017-04-05 09:00,e2e" "$(printf '%s\n' "$ROWS" | grep '^1,')"
has ",2017-04-05 11:00,ben" "$(printf '%s\n' "$ROWS" | grep '^2,')"
expect 0 outbox
has "(16 unacknowledged notifications)" "$OUT"
has "allocated_worker           Jo Bloggs" "$OUT"
expect 0 outbox --all --episode E1
has "(7 notifications, 5 unacknowledged)" "$OUT"
has "2017-04-05 09:00 by e2e" "$OUT"
expect 0 outbox --all --format json --role team_manager --episode E1
has '"notification_id": 2,' "$OUT"
has '"acknowledged_at": "2017-04-05T11:00:00+01:00",' "$OUT"
has '"acknowledged_by": "ben"' "$OUT"
has '"recipient": null,' "$OUT"

# A council's own routing file replaces the table: here the missing team
# hears of every child, senior managers of high risk, and returns go nowhere.
cat > ours.routing <<'ROUTING'
# Our council's routing
reported any   missing_team     # ours: the missing team hears of every child
reported high  senior_managers  # ours: need-to-know
ROUTING
expect 0 --routing ours.routing routing show
has "# Homeward routing from ours.routing" "$OUT"
has "reported  any   missing_team     # ours: the missing team hears of every child" "$OUT"
has "reported  high  senior_managers  # ours: need-to-know" "$OUT"
export HOMEWARD_NOW="2017-04-06 08:00"
HOMEWARD_ROUTING=ours.routing expect 0 episode add E6 --child-id C1 --kind missing \
  --last-seen "2017-04-06 07:00" --risk high
has "2 notifications added" "$OUT"
rows --episode E6
same "$(printf '%s\n' "$ROWS" | cut -d, -f1,4-9)" "19,reported,E6,C1,missing_team,,ours: the missing team hears of every child
20,reported,E6,C1,senior_managers,,ours: need-to-know"
expect 0 --routing ours.routing episode return E6 --at "2017-04-06 07:30"
hasnt "notification" "$OUT"

# A bad routing file is refused with its line, and nothing is written.
printf 'reported any missing_team # ok\nreported any carer # no such role\n' > bad.routing
expect 1 --routing bad.routing episode add E7 --child-id C1 --kind missing \
  --last-seen "2017-04-06 07:00"
has "bad.routing:2: recipients: unknown role 'carer'" "$ERR"
expect 1 episode show E7
has "no episode E7 is recorded" "$ERR"
HOMEWARD_ROUTING=nowhere.routing expect 1 outbox
has "cannot read routing nowhere.routing" "$ERR"
printf '# nothing\n' > empty.routing
expect 1 --routing empty.routing routing show
has "empty.routing: no routing rules: nobody would be told" "$ERR"

# Imports are historical records: nobody is told, new or changed.
printf 'child_id,first_name,case_status\nC5,Eve,cla\n' > children.csv
printf '%s\n' "episode_id,child_id,kind,last_seen,returned,risk" \
  "E8,C5,missing,2017-03-01 22:00,2017-03-02 09:00,high" \
  "E10,C5,missing,2017-04-06 06:00,,medium" > episodes.csv
expect 0 import children children.csv
expect 0 import episodes episodes.csv
has "2 episodes added" "$OUT"
printf '%s\n' "episode_id,child_id,kind,last_seen,returned,risk" \
  "E8,C5,missing,2017-03-01 22:00,2017-03-02 09:00,high" \
  "E10,C5,missing,2017-04-06 06:00,2017-04-06 09:00,high" > episodes.csv
expect 0 import episodes episodes.csv
has "1 updated" "$OUT"
rows --all
same "$(count "$ROWS")" 20
hasnt ",C5," "$ROWS"
done_checks
