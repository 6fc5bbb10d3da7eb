#!/usr/bin/env bash
# homeward import care-periods: children's periods of care from Homeward's
# own CSV layout (what `homeward generate` writes); every bad row named with
# its line and column, a bad file changing nothing, a second import
# duplicating nothing, and periods that overlap refused.
. "$(dirname "$0")/lib.bash"
q() { sqlite3 "$HOMEWARD_DB" "$1"; }

expect 0 child add C1 --date-of-birth 2005-06-01 --case-status cla
expect 0 child add C2 --date-of-birth 2006-01-15 --case-status cla

cat >good.csv <<'CSV'
child_id,decom,dec,rec,rne,ls,cin,place,place_provider,reason_place_change,home_post,pl_post,urn
C1,2019-03-01,2020-08-31,e4a,S,C2,N1,U4,PR1,,,,XXXXXXX
C1,2021-02-01,2023-06-01,E8,S,V2,N5,K2,PR4,,de1 2,,SC400037
C2,2020-10-10,,,S,C2,N1,U6,PR1,,,,XXXXXXX
CSV
expect 0 import care-periods good.csv
has "good.csv: 3 rows: 3 periods of care added, 0 updated, 0 unchanged." "$OUT"
# Codes and postcodes are kept upper-cased.
same "$(q "SELECT child_id, decom, ifnull(dec, '-'), ifnull(rec, '-'), ifnull(home_post, '-')
  FROM care_periods ORDER BY child_id, decom")" "C1|2019-03-01|2020-08-31|E4A|-
C1|2021-02-01|2023-06-01|E8|DE1 2
C2|2020-10-10|-|-|-"
expect 0 import care-periods good.csv
has "3 rows: 0 periods of care added, 0 updated, 3 unchanged." "$OUT"

# Columns in another order, one period changed (C2 ended): replaced, not duplicated.
cat >ended.csv <<'CSV'
DECOM, Child_ID ,DEC,REC
2020-10-10,C2,2022-04-30,E4A
CSV
expect 0 import care-periods ended.csv
has "1 rows: 0 periods of care added, 1 updated, 0 unchanged." "$OUT"
same "$(q "SELECT count(*), max(dec) FROM care_periods WHERE child_id = 'C2'")" "1|2022-04-30"

# Every bad row is named, and nothing changes.
before=$(q "SELECT * FROM care_periods ORDER BY 1, 2")
cat >bad.csv <<'CSV'
child_id,decom,dec,rec,ls
C9,2020-01-01,,,C2
C1,2020-13-01,,,C2
C1,2022-01-01,2021-01-01,E8,C2
C1,2024-01-01,2024-02-01,,C2
C1,2024-03-01,,E8,C2
C2,2005-01-01,2005-02-01,E8,C2
C1,2020-06-01,2020-12-31,E8,C2
C2,2023-01-01,,,C 2!
C2,2023-01-01,,,C2
C2,2023-01-01,,,C2
C2,2023-02-01,,,C2
CSV
expect 1 import care-periods bad.csv
has "bad.csv:2: column child_id: 'C9': no such child (import the children first)" "$ERR"
has "bad.csv:3: column decom: '2020-13-01': expected the date care began, YYYY-MM-DD or DD/MM/YYYY" "$ERR"
has "bad.csv:4: column dec: 2021-01-01 is before decom 2022-01-01" "$ERR"
has "bad.csv:5: column rec: '': expected the reason care ended (the period ended 2024-02-01)" "$ERR"
has "bad.csv:6: column rec: 'E8': a reason is given but the period has no end (dec)" "$ERR"
has "bad.csv:7: column decom: 2005-01-01 is before the child's date of birth 2006-01-15" "$ERR"
has "bad.csv:8: column decom: child C1's period from 2020-06-01 to 2020-12-31 overlaps the stored period from 2019-03-01 to 2020-08-31" "$ERR"
has "bad.csv:9: column ls: 'C 2!': expected a code of letters and digits of at most 8 characters" "$ERR"
has "bad.csv:11: column decom: child C2's period from 2023-01-01 appears again (first on line 10)" "$ERR"
has "bad.csv:12: column decom: child C2's period from 2023-02-01 (still open) overlaps the period from 2023-01-01 (still open) on line 10" "$ERR"
has "bad.csv: 10 bad rows (10 errors); nothing was imported" "$ERR"
same "$(q "SELECT * FROM care_periods ORDER BY 1, 2")" "$before"

# A file's header is checked before any row.
printf 'child_id,decom,place_type\nC1,2024-01-01,U4\n' >cols.csv
expect 1 import care-periods cols.csv
has "cols.csv:1: unknown column 'place_type'" "$ERR"
printf 'child_id,dec\nC1,2024-01-01\n' >req.csv
expect 1 import care-periods req.csv
has "req.csv:1: required column decom is missing" "$ERR"
printf 'child_id,decom,DECOM\n' >twice.csv
expect 1 import care-periods twice.csv
has "twice.csv:1: column decom appears twice (columns 2 and 3)" "$ERR"
expect 1 import care-periodz good.csv
has "expected children, episodes, interviews or care-periods, got 'care-periodz'" "$ERR"
same "$(q "SELECT * FROM care_periods ORDER BY 1, 2")" "$before"

# The periods count for the SSDA903 export: C1's missing episode in its
# second period is in the 2022-23 return with both periods' rows.
expect 0 --now "2022-07-02 10:00" episode report E1 --child-id C1 --last-seen "2022-07-01 21:00" --kind missing
expect 0 --now "2022-07-03 10:00" episode return E1 --at "2022-07-02 18:00"
mkdir ret
expect 0 --now "2023-04-10 10:00" ssda903 export --year 2022-23 --out ret
same "$(cat ret/missing.csv | tr -d '\r')" "CHILD,DOB,MISSING,MIS_START,MIS_END
C1,01/06/2005,M,01/07/2022,02/07/2022"
has "C1,01/02/2021,S,V2,N5,K2,PR4,,,,DE1 2,,SC400037" "$(tr -d '\r' <ret/episodes.csv)"
done_checks
