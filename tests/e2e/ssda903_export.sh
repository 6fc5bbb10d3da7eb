#!/usr/bin/env bash
# homeward ssda903 export: the Missing table written from Homeward's records,
# checked by the command's own validation and by `ssda903 validate`.
. "$(dirname "$0")/lib.bash"

# validate_export DIR: runs `ssda903 validate` on DIR/missing.csv with a
# Header table made from it and an empty Episodes table, and prints the
# rule,row pairs of the rules that need no Episodes table.
validate_export() {
  local dir=$1
  {
    echo "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
    tail -n +2 "$dir/missing.csv" | tr -d '\r' | cut -d, -f1,2 | sort -u |
      awk -F, '{print $1 ",1," $2 ",WBRI,,,"}'
  } >"$WORK/header.csv"
  echo "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN" \
    >"$WORK/episodes.csv"
  set +e
  "$HW" ssda903 validate --year 2022-23 --header "$WORK/header.csv" --episodes "$WORK/episodes.csv" \
    --missing "$dir/missing.csv" --format json >"$WORK/vout" 2>/dev/null
  set -e
  sed 's/},{/}\n{/g' "$WORK/vout" |
    sed -n 's/.*"rule":"\([0-9A-Z]*\)","table":"[a-z_]*","row":\([0-9]*\),.*/\1,\2/p' |
    grep -Ev '^(575|577|578|580|581|1012),' || true
}

# ---- a synthetic council ----
mkdir gen
expect 0 --now "2023-03-20 12:00" generate --seed 11 --years 2 --scale 0.3 --end-year 2022 --out gen
for f in children episodes interviews; do
  expect 0 import $f gen/$f.csv
done
expect 0 ssda903 export --year 2022-23 --out council
has "Wrote to council: header.csv " "$OUT"
has "575, 577, 578, 580, 581 and 1012 need the periods of care" "$OUT"
[ -f council/missing.csv ] || fail "no council/missing.csv"
pass
same "$(head -1 council/missing.csv | tr -d '\r')" "CHILD,DOB,MISSING,MIS_START,MIS_END"
rows=$(($(wc -l <council/missing.csv) - 1))
[ "$rows" -gt 20 ] || fail "expected more than 20 rows, got $rows"
pass
# Every row: an ID, dd/mm/yyyy dates, M or A, the end blank or a date.
bad=$(tail -n +2 council/missing.csv | tr -d '\r' |
  grep -Ev '^[A-Za-z0-9._/-]+,[0-9]{2}/[0-9]{2}/[0-9]{4},[MA],[0-9]{2}/[0-9]{2}/[0-9]{4},([0-9]{2}/[0-9]{2}/[0-9]{4})?$' || true)
same "$bad" ""
grep -q ',A,' council/missing.csv || fail "no absent (A) rows"
pass
# Rows are ordered by child (the IDs of the generator sort as text).
same "$(tail -n +2 council/missing.csv | cut -d, -f1)" "$(tail -n +2 council/missing.csv | cut -d, -f1 | sort)"
same "$(validate_export council)" ""
# The same again gives the same bytes.
expect 0 ssda903 export --year 2022-23 --out council2
cmp -s council/missing.csv council2/missing.csv || fail "a second export differs"
pass

# ---- which episodes, and their dates, by hand ----
export HOMEWARD_DB="$WORK/hand.db"
expect 0 child add K1 --date-of-birth 2008-05-04 --case-status cla --gender female
expect 0 child add K2 --date-of-birth 2009-01-02 --case-status cin
expect 0 child add K3 --date-of-birth 2007-07-07 --case-status cla --responsible-authority "Eastmoor Borough Council"
expect 0 child add K4 --date-of-birth 2010-02-03 --case-status cin
# K1: returned before the year (out), carried over (in), in BST after
# midnight (local date), absent, open at 31 March (end blank), after the year (out).
expect 0 episode add P1 --child-id K1 --kind missing --last-seen "2022-03-01 10:00" --returned "2022-03-02 10:00"
expect 0 episode add P2 --child-id K1 --kind missing --last-seen "2022-03-30 10:00" --returned "2022-04-02 09:00"
expect 0 episode add P3 --child-id K1 --kind missing --last-seen "2022-07-01 00:30" --returned "2022-07-01 08:00"
expect 0 episode add P4 --child-id K1 --kind absent --last-seen "2022-10-10 21:00" --returned "2022-10-11 01:00"
expect 0 episode add P5 --child-id K1 --kind missing --last-seen "2023-03-30 22:00" --returned "2023-04-02 10:00"
expect 0 episode add P6 --child-id K1 --kind missing --last-seen "2023-04-05 22:00" --returned "2023-04-06 10:00"
expect 0 episode add P7 --child-id K2 --kind missing --last-seen "2022-08-01 10:00" --returned "2022-08-02 10:00"
expect 0 episode add P8 --child-id K3 --kind missing --last-seen "2022-08-01 10:00" --returned "2022-08-02 10:00"
# K2 is not looked after (nor was at the time: the episode does not say);
# K3 is another council's child; K4 is not looked after now but was then.
expect 0 episode add P13 --child-id K4 --kind absent --last-seen "2022-09-01 10:00" --returned "2022-09-01 12:00" --case-status cla
expect 0 ssda903 export --year 2022-23 --out hand
has "SSDA903 2022-23: 2 children, 5 missing rows." "$OUT"
same "$(tr -d '\r' <hand/missing.csv)" "CHILD,DOB,MISSING,MIS_START,MIS_END
K1,04/05/2008,M,30/03/2022,02/04/2022
K1,04/05/2008,M,01/07/2022,01/07/2022
K1,04/05/2008,A,10/10/2022,11/10/2022
K1,04/05/2008,M,30/03/2023,
K4,03/02/2010,A,01/09/2022,01/09/2022"
same "$(validate_export hand)" ""

# ---- a bad record: refused, naming the child and the episode ----
expect 0 episode add P9 --child-id K1 --kind missing --last-seen "2022-06-30 22:00" --returned "2022-07-02 09:00"
expect 0 episode add P10 --child-id K1 --kind missing --last-seen "2008-05-03 10:00" --returned "2008-05-03 12:00"
expect 0 episode add P11 --child-id K1 --kind missing --last-seen "2022-12-01 10:00"
expect 0 episode add P12 --child-id K1 --kind missing --last-seen "2022-12-05 10:00" --returned "2022-12-06 10:00"
expect 1 ssda903 export --year 2022-23 --out bad
has "child K1, episode P9: overlaps another of the child's episodes" "$OUT"
has "child K1, episode P12: overlaps another of the child's episodes" "$OUT"
hasnt "episode P10" "$OUT"
has "2 errors: nothing written to bad (--force writes it anyway)" "$ERR"
[ ! -e bad/missing.csv ] || fail "bad/missing.csv was written"
pass
same "$(ls -A bad)" ""
# --force writes it, and says it has errors.
expect 0 ssda903 export --year 2022-23 --out bad --force
has "(written anyway: --force)" "$OUT"
has "2 children, 8 missing rows; the return has errors (see above)" "$OUT"
[ -f bad/missing.csv ] || fail "--force did not write bad/missing.csv"
pass
same "$(validate_export bad)" "574,2
574,6"

# ---- with periods of care: every rule runs, and the three tables ----
export HOMEWARD_DB="$WORK/care.db"
expect 0 child add K1 --date-of-birth 2008-05-04 --case-status cla --gender female --ethnicity "White British"
expect 0 child add K4 --date-of-birth 2010-02-03 --case-status cin --gender male --ethnicity MWBC
expect 0 child add K5 --date-of-birth 2011-11-11 --case-status cla
expect 0 episode add Q1 --child-id K1 --kind missing --last-seen "2022-07-01 00:30" --returned "2022-07-01 08:00"
expect 0 episode add Q2 --child-id K4 --kind absent --last-seen "2022-09-01 10:00" --returned "2022-09-01 12:00" --case-status cla
# Before migration 10 there is nowhere to keep periods; until
# `ssda903 import` fills them, the test puts them in by hand.
sqlite3 "$HOMEWARD_DB" "INSERT INTO care_periods (child_id, decom, dec, rec, rne, ls, cin, place, place_provider)
  VALUES ('K1', '2020-01-01', NULL, NULL, 'S', 'C2', 'N1', 'U1', 'PR1'),
         ('K4', '2022-08-01', '2022-09-30', 'E11', 'S', 'V2', 'N2', 'K2', 'PR0'),
         ('K5', '2021-01-01', '2023-05-01', 'E4A', 'S', 'C2', 'N1', 'U1', 'PR1'),
         ('K5', '2019-01-01', '2019-06-01', 'E11', 'S', 'C2', 'N1', 'U1', 'PR1')"
pass
expect 0 ssda903 export --year 2022-23 --out care
has "Checked against every rule but 576" "$OUT"
has "Wrote to care: header.csv 3 rows, episodes.csv 3 rows, missing.csv 2 rows." "$OUT"
same "$(tr -d '\r' <care/header.csv)" "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
K1,2,04/05/2008,WBRI,,,
K4,1,03/02/2010,MWBC,,,
K5,,11/11/2011,,,,"
# K5's period runs past 31 March: open in this year's return.
same "$(tr -d '\r' <care/episodes.csv)" "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
K1,01/01/2020,S,C2,N1,U1,PR1,,,,,,
K4,01/08/2022,S,V2,N2,K2,PR0,30/09/2022,E11,,,,
K5,01/01/2021,S,C2,N1,U1,PR1,,,,,,"
expect 0 ssda903 validate --year 2022-23 --header care/header.csv --episodes care/episodes.csv --missing care/missing.csv
has "No errors." "$OUT"
# K4 missing after the period ended: 578 and 581 (and 577) need the periods.
expect 0 episode add Q3 --child-id K4 --kind missing --last-seen "2022-10-05 10:00" --returned "2022-10-05 12:00" --case-status cla
expect 1 ssda903 export --year 2022-23 --out care
has "child K4, episode Q3: last seen is after the child ceased to be looked after (rule 578" "$OUT"
has "child K4, episode Q3: last seen is outside every period of care of the child (rule 581" "$OUT"
has "nothing written to care" "$ERR"
same "$(tail -n +2 care/missing.csv | wc -l)" "2"

# ---- usage ----
expect 1 ssda903 export --out x
has "--year is required" "$ERR"
expect 1 ssda903 export --year 2022-23
has "--out DIR is required" "$ERR"
expect 1 ssda903 export --year 22-23 --out x
has "expected a collection year" "$ERR"
done_checks
