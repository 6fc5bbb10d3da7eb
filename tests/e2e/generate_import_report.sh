#!/usr/bin/env bash
# generate -> import -> report, through the real binary, checked against the
# same measures computed by hand-written SQL in the sqlite3 shell.
bench=$(cd "$(dirname "$0")/../../bench" && pwd)
source "$(dirname "$0")/lib.bash"

expect 0 --now "2018-03-20 12:00" generate --seed 7 --years 2 --scale 0.5 --end-year 2017 --out .
has "episodes.csv:" "$OUT"
for f in children episodes interviews; do
  expect 0 import $f $f.csv
  has "$f.csv:" "$OUT"
  has " 0 updated, 0 unchanged." "$OUT"
done
rows=$(($(wc -l < episodes.csv) - 1))
expect 0 episode list --format csv
same "$(($(printf '%s\n' "$OUT" | wc -l) - 1))" "$rows"

# Importing the same files again changes nothing and duplicates nothing.
expect 0 import episodes episodes.csv
has "$rows rows: 0 episodes added, 0 updated, $rows unchanged." "$OUT"

# Some children are missing at "now".
expect 0 --now "2018-03-20 12:00" episode list --open
has "so far" "$OUT"

# The monthly profile equals the hand-written SQL, month by month.
expect 0 report monthly --from 2016-04 --to 2018-03 --format csv
mine=$(printf '%s\n' "$OUT" | tail -n +2 | tr -d '\r')
theirs=$(TZ=Europe/London sqlite3 -csv "$HOMEWARD_DB" \
  ".parameter set :from \"'2016-04'\"" ".parameter set :to \"'2018-03'\"" ".read $bench/monthly.sql")
[ -n "$theirs" ] || fail "the SQL gave nothing"
same "$mine" "$theirs"
same "$(printf '%s\n' "$mine" | wc -l)" 24

expect 0 report monthly --from 2017-04 --to 2017-06 --format json
has '{"report": "monthly", "months": [{"month": "2017-04", ' "$OUT"
expect 0 report monthly --from 2017-04 --to 2017-06
has "Apr-17" "$OUT"
has "Children who went missing" "$OUT"
done_checks
