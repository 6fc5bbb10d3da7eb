#!/usr/bin/env bash
# homeward ssda903 validate: every fixture of tests/data/ssda903 (its
# expected.txt lists the rule,row pairs the JSON must give), the text
# report, exit statuses, and files that cannot be read.
. "$(dirname "$0")/lib.bash"
DATA=${HW_TEST_DATA:?HW_TEST_DATA is not set}/ssda903

# validate DIR [options...]: runs the command on a fixture's files.
validate() {
  local dir=$1; shift
  local last=()
  [ -f "$dir/missing_last.csv" ] && last=(--missing-last "$dir/missing_last.csv")
  "$HW" ssda903 validate --year 2022-23 --header "$dir/header.csv" \
    --episodes "$dir/episodes.csv" --missing "$dir/missing.csv" "${last[@]}" "$@"
}

# pairs: the JSON on stdin as "rule,row" lines, sorted.
pairs() {
  sed 's/},{/}\n{/g' | sed -n 's/.*"rule":"\([0-9A-Z]*\)","table":"[a-z_]*","row":\([0-9]*\),.*/\1,\2/p' |
    sort
}

# ---- every fixture: the JSON's pairs are expected.txt's, and the status ----
n=0
for dir in "$DATA"/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  set +e
  validate "$dir" --format json >"$WORK/out" 2>"$WORK/err"
  status=$?
  set -e
  got=$(pairs <"$WORK/out")
  want=$(sed '/^$/d' "$dir/expected.txt" | sort)
  [ "$got" = "$want" ] || fail "fixture $name: expected
$want
got
$got"
  pass
  if [ -z "$want" ]; then
    [ $status -eq 0 ] || fail "fixture $name: exit $status, expected 0: $(cat "$WORK/err")"
  else
    [ $status -eq 1 ] || fail "fixture $name: exit $status, expected 1"
    count=$(grep -c . <<<"$want")
    has "the return has $count error" "$(cat "$WORK/err")"
  fi
  pass
  # Every row the rules flag is a row of the file (1-based, header not counted).
  n=$((n + 1))
done
[ $n -ge 19 ] || fail "expected at least 19 fixtures, found $n"
pass

# ---- the JSON's exact shape ----
expect 0 ssda903 validate --year 2022-23 --header "$DATA/clean/header.csv" \
  --episodes "$DATA/clean/episodes.csv" --missing "$DATA/clean/missing.csv" \
  --missing-last "$DATA/clean/missing_last.csv" --format json
same "$OUT" '{"errors":[]}'
same "$ERR" ""

set +e
validate "$DATA/1006" --format json >"$WORK/out"
set -e
same "$(cat "$WORK/out")" '{"errors":[{"rule":"565","table":"missing","row":5,"child":"C5","message":"The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed."},{"rule":"566","table":"missing","row":5,"child":"C5","message":"The date that the child'"'"'s episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed."},{"rule":"1006","table":"missing","row":3,"child":"C3","message":"Missing type invalid."},{"rule":"1006","table":"missing","row":4,"child":"C4","message":"Missing type invalid."},{"rule":"1006","table":"missing","row":8,"child":"C8","message":"Missing type invalid."},{"rule":"1006","table":"missing","row":9,"child":"C9","message":"Missing type invalid."},{"rule":"1006","table":"missing","row":10,"child":"C10","message":"Missing type invalid."}]}'

# 580's errors are in the Episodes table; the DfE's quotation marks kept.
set +e
validate "$DATA/580" --format json >"$WORK/out"
set -e
has '{"rule":"580","table":"episodes","row":1,"child":"C1","message":"Child is missing when cease being looked after but reason episode ceased not ‘E8’."}' "$(cat "$WORK/out")"

# ---- the text report: by rule, with counts, rows, lines, children, values ----
expect 0 ssda903 validate --year 2022-23 --header "$DATA/clean/header.csv" \
  --episodes "$DATA/clean/episodes.csv" --missing "$DATA/clean/missing.csv"
has "SSDA903 2022-23: Header 4 rows, Episodes 5 rows, Missing 7 rows." "$OUT"
has "No errors." "$OUT"

set +e
validate "$DATA/574" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
same $status 1
OUT=$(cat "$WORK/out")
has "18 errors under 5 rules." "$OUT"
has "Rule 574: 8 errors in the Missing table
  A new missing/away from placement without authorisation period cannot start when the previous" "$OUT"
has "  To correct: list the child's missing periods in date order" "$OUT"
has "    row 7 (line 8), child C12: MIS_START=05/06/2022 MIS_END=12/06/2022; row 6 before it: MIS_START=01/06/2022 MIS_END=08/06/2022" "$OUT"
has "    row 13 (line 14), child C15: MIS_START=01/09/2022" "$OUT"
has "Rule 1005: 1 error in the Missing table" "$OUT"
has "    row 15 (line 16), child C16: MIS_END=BAD" "$OUT"
# Rules in numerical order.
order=$(grep -o '^Rule [0-9]*' <<<"$OUT" | tr '\n' ' ')
same "$order" "Rule 564 Rule 574 Rule 581 Rule 1004 Rule 1005 "
same "$(cat "$WORK/err")" "homeward: the return has 18 errors"

set +e
validate "$DATA/580" >"$WORK/out" 2>/dev/null
set -e
has "Rule 580: 7 errors in the Episodes table" "$(cat "$WORK/out")"
has "    row 1 (line 2), child C1: DEC=01/06/2022 REC=E7; missing row 1: DOB=01/06/2004 MIS_END=01/06/2022" "$(cat "$WORK/out")"

# Without last year's table rule 576 does not run.
set +e
"$HW" ssda903 validate --year 2022-23 --header "$DATA/576/header.csv" \
  --episodes "$DATA/576/episodes.csv" --missing "$DATA/576/missing.csv" --format json >"$WORK/out"
set -e
hasnt '"rule":"576"' "$(cat "$WORK/out")"
has '"rule":"1004"' "$(cat "$WORK/out")"

# The collection year moves 570 and 571: in 2023-24 the fixture's 2023
# start is inside.
set +e
"$HW" ssda903 validate --year 2023-24 --header "$DATA/570/header.csv" \
  --episodes "$DATA/570/episodes.csv" --missing "$DATA/570/missing.csv" --format json >"$WORK/out"
set -e
same "$(pairs <"$WORK/out" | grep '^57[01],' | tr '\n' ' ')" "570,4 571,3 "

# ---- what a file may look like: BOM, CRLF, any case and order, extra columns ----
mkdir -p "$WORK/f"
printf '\xef\xbb\xbfUrn,dec,Child,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,Note\r\n,,c1,01/04/2022,S,C2,N1,U1,PR1,,,,,"x, y"\r\n' \
  >"$WORK/f/episodes.csv"
printf ' mis_end ,Missing,mis_start,dob,child,Extra\r\n,m,01/05/2022,01/01/2008,c1,\r\n\r\n"02/05/2022",M,02/05/2022,01/01/2008,C1,"two\r\nlines"\r\n' \
  >"$WORK/f/missing.csv"
printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/01/2008,WBRI,,,\n' >"$WORK/f/header.csv"
set +e
validate "$WORK/f" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
same $status 1
# Row 1 is open and row 2 starts the next day: 574 on row 2, which is on
# line 4 (the blank line is skipped and counts as no row).
has "Rule 574: 1 error in the Missing table" "$(cat "$WORK/out")"
has "    row 2 (line 4), child C1:" "$(cat "$WORK/out")"
has "Missing 2 rows" "$(cat "$WORK/out")"

# Spaces are kept, as the validator's reader keeps them: " M" is no type
# (1006) and "C1 " is not child C1 (1012: no episodes); a one-digit day may
# follow a space; a line of spaces is skipped like a blank one.
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2008, M,01/05/2022,02/05/2022\n  \t\nC1 ,01/01/2008,M, 3/05/2022,\n' \
  >"$WORK/f/missing.csv"
set +e
validate "$WORK/f" --format json >"$WORK/out"
set -e
same "$(pairs <"$WORK/out" | tr '\n' ' ')" "1006,1 1012,2 "
set +e
validate "$WORK/f" >"$WORK/out"
set -e
has "    row 2 (line 4), child C1 :" "$(cat "$WORK/out")"

# ---- files that cannot be read: the file, line and column named ----
good() { cp "$DATA/clean/$1.csv" "$WORK/f/$1.csv"; }
good header
good episodes
good missing
bad() { # bad WANT-STATUS TEXT: validates $WORK/f, expecting TEXT on stderr
  set +e
  validate "$WORK/f" >"$WORK/out" 2>"$WORK/err"
  local status=$?
  set -e
  same $status "$1"
  has "$2" "$(cat "$WORK/err")"
  same "$(cat "$WORK/out")" ""
}
printf 'CHILD,DOB,MISSING,MIS_START\nC1,01/01/2008,M,01/05/2022\n' >"$WORK/f/missing.csv"
bad 1 "homeward: $WORK/f/missing.csv:1: column MIS_END is missing (the Missing table has CHILD, DOB, MISSING, MIS_START, MIS_END)"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END,child\n' >"$WORK/f/missing.csv"
bad 1 "$WORK/f/missing.csv:1: column CHILD appears twice (columns 1 and 6)"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2008,M,01/05/2022,\nC1,01/01/2008,M,01/05/2022\n' \
  >"$WORK/f/missing.csv"
bad 1 "$WORK/f/missing.csv:3: the row has 4 fields but the header has 5"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2008,M,\xe9\xe9/05/2022,\n' >"$WORK/f/missing.csv"
bad 1 "$WORK/f/missing.csv:2: column MIS_START: the text is not UTF-8"
printf 'CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2008,"M,01/05/2022,\n' >"$WORK/f/missing.csv"
bad 1 "$WORK/f/missing.csv"
: >"$WORK/f/missing.csv"
bad 1 "$WORK/f/missing.csv: the file is empty: expected a header row with CHILD, DOB, MISSING, MIS_START, MIS_END"
good missing
printf 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' \
  >"$WORK/f/episodes.csv"
bad 1 "$WORK/f/episodes.csv:1: column REC is missing (the Episodes table has CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN)"
good episodes
printf 'CHILD,SEX,DOB\n' >"$WORK/f/header.csv"
bad 1 "$WORK/f/header.csv:1: column ETHNIC is missing (the Header table has CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB)"
rm "$WORK/f/header.csv"
bad 1 "$WORK/f/header.csv"
good header

# ---- the options ----
expect 1 ssda903 validate --header h --episodes e --missing m
has "--year is required" "$ERR"
expect 1 ssda903 validate --year 2022 --header h --episodes e --missing m
has "--year: '2022': expected a collection year such as 2022-23" "$ERR"
expect 1 ssda903 validate --year 2022-24 --header h --episodes e --missing m
expect 1 ssda903 validate --year 2022-23 --header h --episodes e
has "--missing FILE is required" "$ERR"
expect 1 ssda903 validate --year 2022-23 --header "$WORK/f/header.csv" \
  --episodes "$WORK/f/episodes.csv" --missing "$WORK/f/missing.csv" --format csv
has "--format: 'csv': expected text or json" "$ERR"
expect 1 ssda903 validate --year 2022-23 --bogus x
expect 0 ssda903 validate --help
has "--missing-last FILE" "$OUT"
expect 0 --help
has "ssda903 validate" "$OUT"

done_checks
