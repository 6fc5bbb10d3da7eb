#!/usr/bin/env bash
# The record commands through the real binary: add, update, show, list,
# return, offer, complete; their errors, exit status and help.
source "$(dirname "$0")/lib.bash"

# Help on every level.
expect 0 --help
has "report monthly" "$OUT"
has "import" "$OUT"
expect 1
has "Usage: homeward" "$ERR"
expect 0 child add --help
has "--first-name TEXT" "$OUT"
has "--case-status CODE" "$OUT"
expect 0 episode return --help
has "--at TIME" "$OUT"
expect 0 help report monthly
has "--from YYYY-MM" "$OUT"
expect 1 frobnicate
has "unknown command 'frobnicate'" "$ERR"
expect 1 child frobnicate
has "unknown command 'child frobnicate'" "$ERR"
expect 1 child add C1 --colour blue
has "unknown option --colour" "$ERR"

# Every write says who makes it.
HOMEWARD_USER= expect 1 child add C0
has "say who you are with --user NAME or HOMEWARD_USER" "$ERR"
HOMEWARD_USER= expect 0 child list

# A child, an episode with a return, an interview.
expect 0 child add C1 --first-name Amy --last-name Smith --date-of-birth 01/05/2003 \
  --case-status CLA --flags "cse;gang" --placement-type la_home --placement-name "Ashdown House" \
  --team "Children in Care 1"
has "Added child C1." "$OUT"
expect 1 child add C1
has "child C1 is already recorded" "$ERR"
expect 1 child add C2 --date-of-birth 2003-02-30
has "--date-of-birth: '2003-02-30'" "$ERR"
expect 1 child add "C 2"
has "an ID may hold only letters" "$ERR"
expect 0 child show C1 --format json
has '"flags": [' "$OUT"
has '"cse"' "$OUT"
has '"date_of_birth": "2003-05-01"' "$OUT"
has '"case_status": "cla"' "$OUT"

expect 1 episode add E1 --child-id C9 --kind missing --last-seen "2017-04-01 22:00"
has "no child C9 is recorded" "$ERR"
expect 1 episode add E1 --child-id C1 --last-seen "2017-04-01 22:00"
has "kind is required" "$ERR"
expect 1 episode add E1 --child-id C1 --kind missing --last-seen "2017-03-26 01:30"
has "does not exist in the UK" "$ERR"
expect 0 episode add E1 --child-id C1 --kind missing --last-seen "2017-04-01 22:00" --risk medium
expect 0 --now "2017-04-02 06:00" episode show E1 --format json
has '"provisional": true' "$OUT"
has '"missing_from_name": "Ashdown House"' "$OUT"
has '"need_to_know"' "$OUT"
expect 0 --now "2017-04-02 06:00" episode list --open
has "8.0 so far" "$OUT"

expect 1 episode return E1
has "--at is required" "$ERR"
expect 1 episode return E1 --at "2017-04-01 21:00"
has "returned: is before last_seen" "$ERR"
expect 0 --now "2017-04-02 08:00" episode return E1 --at "2017-04-02 07:00" --found-location "Town centre"
has "after 9.0 hours" "$OUT"
has "required - overnight_6h exploitation_risk crime_drugs_risk" "$OUT"
has "due by 2017-04-05 07:00" "$OUT"
expect 1 episode return E1 --at "2017-04-02 07:00"
has "already has a return time" "$ERR"

expect 0 --now "2017-04-02 08:00" episode show E1 --format json
has '"decision": "required"' "$OUT"
has '"criteria": [' "$OUT"
has '"overnight_6h"' "$OUT"
has '"due": "2017-04-05T07:00:00+01:00"' "$OUT"
has '"found_location": "Town centre"' "$OUT"
has '"escalation": [' "$OUT"
has '"action": "safe_well_check"' "$OUT"
has '"provisional": false' "$OUT"

expect 0 interview add I1 --child-id C1 --episode-ids E1 --decision required
expect 0 interview offer I1 --at "2017-04-03 10:00"
has "Interview I1 offered at 2017-04-03 10:00." "$OUT"
expect 1 interview complete I1 --at "2017-04-06 10:00" --screening awful
has "--screening: 'awful': expected one of none|emerging|moderate|significant" "$ERR"
expect 0 interview complete I1 --at "2017-04-05 07:00" --conducted-by independent \
  --screening emerging --reasons "with_friends"
expect 0 episode show E1 --format json
has '"in_timescale": true' "$OUT"
has '"outcome": "completed"' "$OUT"
expect 0 episode show E1
has "in timescale" "$OUT"

# Update keeps what is not given; '' clears.
expect 0 child update C1 --team "Children in Care 2" --flags ""
expect 0 child show C1 --format json
has '"team": "Children in Care 2"' "$OUT"
has '"flags": []' "$OUT"
has '"first_name": "Amy"' "$OUT"
expect 1 child update C7 --team X
has "no child C7 is recorded" "$ERR"

# The history: who, when, what changed; nothing for an update that changes nothing.
expect 0 --user amy.coordinator --now "2017-04-10 09:30" child update C1 --worker "Sam Patel" --team "Children in Care 2"
expect 0 child history C1 --format json
has '"change": "create"' "$OUT"
has '"user": "e2e"' "$OUT"
has '"source": "cli"' "$OUT"
has '"field": "team", "old": "Children in Care 1", "new": "Children in Care 2"' "$(printf '%s' "$OUT" | tr -d '\n' | sed 's/  */ /g; s/{ /{/g; s/ }/}/g')"
has '"field": "flags", "old": "cse;gang", "new": null' "$(printf '%s' "$OUT" | tr -d '\n' | sed 's/  */ /g')"
has '"user": "amy.coordinator"' "$OUT"
has '"at": "2017-04-10T09:30:00+01:00"' "$OUT"
has '"new": "Sam Patel"' "$OUT"
same "$(printf '%s\n' "$OUT" | grep -c '"field": "team"')" 1
expect 0 episode history E1
has "(created)" "$OUT"
has "returned" "$OUT"
has "2017-04-02T07:00:00+01:00" "$OUT"
expect 1 child history C9
has "no child C9 is recorded" "$ERR"
# What list exports, import takes back unchanged.
for t in child episode interview; do
  expect 0 $t list --format csv
  printf '%s\n' "$OUT" > $t.csv
done
expect 0 import children child.csv
has "1 rows: 0 children added, 0 updated, 1 unchanged." "$OUT"
expect 0 import episodes episode.csv
has "1 rows: 0 episodes added, 0 updated, 1 unchanged." "$OUT"
expect 0 import interviews interview.csv
has "1 rows: 0 interviews added, 0 updated, 1 unchanged." "$OUT"

# Lists.
expect 0 child list --format csv
has "child_id,first_name,last_name,date_of_birth" "$OUT"
expect 0 episode list --child C1 --format json
has '"episodes": [' "$OUT"
expect 0 interview list --episode E1
has "(1 interview)" "$OUT"
expect 0 episode list --from 2017-04-01
has "(1 episode)" "$OUT"
expect 0 episode list --to 2017-03-31
has "(0 episodes)" "$OUT"
expect 1 episode list --from 2017-13-01
has "--from: '2017-13-01'" "$ERR"
expect 1 report monthly --from 2017-04
has "--to is required" "$ERR"
expect 1 report monthly --from 2017-04 --to 2017-04 --format pdf
has "--format: expected text, csv, json, html or xlsx" "$ERR"

# The configuration changes the rules, and a bad one is refused with its line.
printf 'rhi_due_hours = 48\n' > rules.conf
expect 0 --config rules.conf --now "2017-04-02 08:00" episode show E1 --format json
has '"due": "2017-04-04T07:00:00+01:00"' "$OUT"
printf 'rhi_due_hours = 48\nrhi_due_hourz = 1\n' > bad.conf
expect 1 --config bad.conf episode show E1
has "bad.conf:2" "$ERR"
expect 0 config show
has "rhi_due_hours = 72" "$OUT"
expect 0 codes risk
has "high" "$OUT"
expect 0 db status
# The number grows with every migration: never written into a test.
printf '%s\n' "$OUT" | grep -Eq "^database .*: sqlite, schema version [1-9][0-9]*$" ||
  fail "db status: $OUT"; pass
done_checks
