#!/usr/bin/env bash
# The SSDA903 round trip: a synthetic council exported, validated with no
# errors, imported into an empty database and exported again, byte for byte.
. "$(dirname "$0")/lib.bash"

mkdir gen
expect 0 --now "2023-03-20 12:00" generate --seed 5 --years 2 --scale 0.3 --end-year 2022 --out gen
for f in children episodes interviews; do
  expect 0 import $f gen/$f.csv
done
# The generator does not make periods of care: every child of this council
# is given one, open, from birth (as `ssda903 import` would store it).
sqlite3 "$HOMEWARD_DB" "INSERT INTO care_periods (child_id, decom, rne, ls, cin, place, place_provider)
  SELECT child_id, date_of_birth, 'S', 'C2', 'N1', 'U1', 'PR1' FROM children
  WHERE ifnull(responsible_authority, '') = '' AND date_of_birth IS NOT NULL"
pass

expect 0 ssda903 export --year 2022-23 --out one
has "Checked against every rule but 576" "$OUT"
rows=$(($(wc -l <one/missing.csv) - 1))
[ "$rows" -gt 20 ] || fail "expected more than 20 Missing rows, got $rows"
pass
expect 0 ssda903 validate --year 2022-23 --header one/header.csv --episodes one/episodes.csv \
  --missing one/missing.csv
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
