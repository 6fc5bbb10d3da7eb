#!/usr/bin/env bash
# The SSDA903 round trip: a synthetic council exported, validated with no
# errors, imported into an empty database and exported again, byte for byte.
. "$(dirname "$0")/lib.bash"

mkdir gen
expect 0 --now "2023-03-20 12:00" generate --seed 5 --years 2 --scale 0.3 --end-year 2022 --out gen
for f in children episodes interviews; do
  expect 0 import $f gen/$f.csv
done
# The generator gives this council's looked-after children periods of care.
expect 0 import care-periods gen/care_periods.csv
periods=$(($(wc -l <gen/care_periods.csv) - 1))
[ "$periods" -gt 20 ] || fail "expected more than 20 periods of care, got $periods"
has "$periods rows: $periods periods of care added, 0 updated, 0 unchanged." "$OUT"
expect 0 import care-periods gen/care_periods.csv
has "$periods rows: 0 periods of care added, 0 updated, $periods unchanged." "$OUT"
# Some end on the 18th birthday (E8), some on a return home (E4A), and
# some children have two periods with time at home between them.
has ",E8," "$(cat gen/care_periods.csv)"
has ",E4A," "$(cat gen/care_periods.csv)"
twice=$(cut -d, -f1 gen/care_periods.csv | sort | uniq -d | wc -l)
[ "$twice" -ge 1 ] || fail "expected a child with two periods of care"
pass

expect 0 ssda903 export --year 2022-23 --out one
has "Checked against every rule but 576" "$OUT"
rows=$(($(wc -l <one/missing.csv) - 1))
[ "$rows" -gt 20 ] || fail "expected more than 20 Missing rows, got $rows"
pass
expect 0 ssda903 validate --year 2022-23 --header one/header.csv --episodes one/episodes.csv \
  --missing one/missing.csv
has "No errors." "$OUT"
# Last year's return too, and this year's against it (rule 576).
expect 0 ssda903 export --year 2021-22 --out last
expect 0 ssda903 validate --year 2021-22 --header last/header.csv --episodes last/episodes.csv \
  --missing last/missing.csv
has "No errors." "$OUT"
expect 0 ssda903 validate --year 2022-23 --header one/header.csv --episodes one/episodes.csv \
  --missing one/missing.csv --missing-last last/missing.csv
has "No errors." "$OUT"

export HOMEWARD_DB="$WORK/empty.db"
expect 0 ssda903 import --header one/header.csv --episodes one/episodes.csv --missing one/missing.csv
has "Episodes: $rows added, 0 already there." "$OUT"
expect 0 ssda903 export --year 2022-23 --out two
for f in header episodes missing; do
  cmp one/$f.csv two/$f.csv || fail "$f.csv differs after the round trip"
  pass
done
# And once more: importing the export again changes nothing.
expect 0 ssda903 import --header two/header.csv --episodes two/episodes.csv --missing two/missing.csv
has "Episodes: 0 added, $rows already there." "$OUT"
expect 0 ssda903 export --year 2022-23 --out three
cmp one/missing.csv three/missing.csv || fail "missing.csv differs after a second import"
pass
done_checks
