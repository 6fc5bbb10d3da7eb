#!/usr/bin/env bash
# The statutory exports through the real binary: Annex A list 8's missing
# columns and the SSD's ssd_missing table, their headers exactly as the
# published specifications name the columns, the rows worked out by hand,
# the workbook's counts and dates as numbers, and bad options refused.
source "$(dirname "$0")/lib.bash"
command -v unzip >/dev/null || fail "unzip is needed (scripts/bootstrap installs it)"

# C1 and C2 in care; C3 in care but Anyshire's; C4 a child in need.
cat >children.csv <<'EOF'
child_id,first_name,last_name,date_of_birth,gender,ethnicity,responsible_authority,case_status
C1,Amy,One,2008-04-01,Female,WBRI,,cla
C2,Ben,Two,2009-02-28,Male,AIND,,cla
C3,Cal,Three,2010-05-05,Male,WBRI,Anyshire,cla
C4,Dee,Four,2011-06-06,Female,WBRI,,cin
EOF
# As at 2024-03-31 the 12 months are 2023-04-01 to 2024-03-31, UK time: E1
# (23:30 BST on 31 March 2023) is the day before; E2 (00:30 BST on 1 April,
# 23:30 UTC on 31 March) is in. C1: E2 and E4 missing, E3 absent; E4 is the
# last, offered and completed. C2: E5, offered and declined. E7: C4 still
# missing.
cat >episodes.csv <<'EOF'
episode_id,child_id,kind,last_seen,returned,risk,case_status
E1,C1,missing,2023-03-31 23:30,2023-04-01 02:30,low,cla
E2,C1,missing,2023-04-01 00:30,2023-04-01 03:30,low,cla
E3,C1,absent,2023-08-01 10:00,2023-08-01 13:00,low,cla
E4,C1,missing,2024-03-10 22:00,2024-03-11 08:00,medium,cla
E5,C2,missing,2023-12-01 20:00,2023-12-01 23:00,low,cla
E6,C3,missing,2024-01-01 20:00,2024-01-01 23:00,low,cla
E7,C4,missing,2024-02-02 20:00,,low,cin
EOF
cat >interviews.csv <<'EOF'
interview_id,child_id,episode_ids,decision,offered,outcome,completed,conducted_by
I1,C1,E4,required,2024-03-11 10:00,completed,2024-03-12 10:00,independent
I2,C2,E5,required,2023-12-02 10:00,declined,,
EOF
for f in children episodes interviews; do expect 0 import $f $f.csv; done

# ---- help ----
expect 0 --help
has "export annex-a-missing" "$OUT"
has "export ssd-missing" "$OUT"
expect 0 export annex-a-missing --help
has "--at DATE" "$OUT"

# ---- Annex A, list 8: CSV is the default ----
annex_header="Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months,Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months,Was the child offered a Return Interview after their last missing episode (Y/N)?,Did the child accept a Return Interview after their last missing episode (Y/N)?"
expect 0 export annex-a-missing --at 2024-03-31
same "$(printf '%s\n' "$OUT" | head -n 1)" "$annex_header"$'\r'
same "$(printf '%s\n' "$OUT" | tr -d '\r')" "$annex_header
C1,Female,WBRI,2008-04-01,15,2,1,Y,Y
C2,Male,AIND,2009-02-28,15,1,0,Y,N"
expect 0 export annex-a-missing --at 31/03/2024 --format csv
same "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p)" "C1,Female,WBRI,2008-04-01,15,2,1,Y,Y"
# A day earlier E1 (31 March 2023) is in and E2 is still in: 3 missing.
expect 0 export annex-a-missing --at 2024-03-30
same "$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n 2p)" "C1,Female,WBRI,2008-04-01,15,3,1,Y,Y"

expect 0 export annex-a-missing --at 2024-03-31 --format json
has '"export": "annex-a-missing"' "$OUT"
has '"from": "2023-04-01"' "$OUT"
has "\"Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months\": 2" "$OUT"
has '"Age of Child (Years)": 15' "$OUT"
expect 0 export annex-a-missing --at 2024-03-31 --format text
has "2023-04-01 to 2024-03-31" "$OUT"
has "Child Unique ID" "$OUT"

# xlsx: a zip (PK), sheet "List 8", the header in row 1, counts and dates
# as numbers (<v> with no t="s"), words as shared strings.
expect 0 export annex-a-missing --at 2024-03-31 --format xlsx --out annex.xlsx
has "annex.xlsx" "$OUT"
same "$(head -c 4 annex.xlsx | od -An -c | tr -d ' \n')" 'PK003004'
hasnt ".tmp-" "$(ls -A)"
has '<sheet name="List 8"' "$(unzip -p annex.xlsx xl/workbook.xml)"
sheet=$(unzip -p annex.xlsx xl/worksheets/sheet1.xml)
has '<c r="E2"><v>15</v></c>' "$sheet" # age
has '<c r="F2"><v>2</v></c>' "$sheet" # missing
has '<c r="G2"><v>1</v></c>' "$sheet" # absent
has '<c r="F3"><v>1</v></c>' "$sheet"
has '<c r="G3"><v>0</v></c>' "$sheet"
[[ $sheet =~ \<c\ r=\"D2\"\ s=\"[0-9]+\"\>\<v\>39539\</v\> ]] || fail "D2 is not the date 2008-04-01: $sheet"
pass
has '<c r="A2" t="s">' "$sheet" # the child's ID is text
has "Did the child accept a Return Interview after their last missing episode (Y/N)?" \
  "$(unzip -p annex.xlsx xl/sharedStrings.xml)"

# ---- ssd_missing ----
ssd_header="miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted"
expect 0 export ssd-missing
same "$(printf '%s\n' "$OUT" | head -n 1)" "$ssd_header"$'\r'
same "$(printf '%s\n' "$OUT" | tr -d '\r')" "$ssd_header
E1,C1,2023-03-31 23:30,Missing,2023-04-01 02:30,N,NA
E2,C1,2023-04-01 00:30,Missing,2023-04-01 03:30,N,NA
E3,C1,2023-08-01 10:00,Away,2023-08-01 13:00,N,NA
E5,C2,2023-12-01 20:00,Missing,2023-12-01 23:00,Y,N
E7,C4,2024-02-02 20:00,Missing,,,
E4,C1,2024-03-10 22:00,Missing,2024-03-11 08:00,Y,Y"
expect 0 export ssd-missing --from 2023-04-01 --to 2023-12-31
same "$(printf '%s\n' "$OUT" | tr -d '\r' | cut -d, -f1 | tail -n +2 | tr '\n' ' ')" "E2 E3 E5 "
expect 0 export ssd-missing --to 2023-03-31 --format json
has '"to": "2023-03-31"' "$OUT"
has '"from": null' "$OUT"
has '"miss_table_id": "E1"' "$OUT"
hasnt '"E2"' "$OUT"

expect 0 export ssd-missing --format xlsx --out ssd.xlsx
same "$(head -c 2 ssd.xlsx)" "PK"
has '<sheet name="ssd_missing"' "$(unzip -p ssd.xlsx xl/workbook.xml)"
sheet=$(unzip -p ssd.xlsx xl/worksheets/sheet1.xml)
# 2023-03-31 23:30 is Excel's day 45016 and 23.5 hours.
[[ $sheet =~ \<c\ r=\"C2\"\ s=\"[0-9]+\"\>\<v\>45016\.97916 ]] || fail "C2 is not a date-time: $sheet"
pass
hasnt '<c r="E6"' "$sheet" # still missing: no end

# ---- refusals ----
expect 1 export annex-a-missing
has "--at is required" "$ERR"
expect 1 export annex-a-missing --at 2024-02-30
has "--at: '2024-02-30'" "$ERR"
has "expected a date" "$ERR"
expect 1 export annex-a-missing --at yesterday
has "--at: 'yesterday'" "$ERR"
expect 1 export annex-a-missing --at 2024-03-31 --format html
has "--format: expected csv, xlsx, text or json, got 'html'" "$ERR"
expect 1 export ssd-missing --from 2024-13-01
has "--from: '2024-13-01'" "$ERR"
expect 1 export ssd-missing --from 2024-04-01 --to 2024-03-31
has "--from 2024-04-01 is after --to 2024-03-31" "$ERR"
expect 1 export ssd-missing --out ""
has "--out: expected a file name" "$ERR"
hasnt "Child" "$OUT"

done_checks
