#!/usr/bin/env bash
# Who goes missing, from the command line and the API: a small council
# recorded by hand (children with dates of birth, gender, ethnicity and
# school; their episodes), the annual analysis's age, gender, ethnicity and
# school sections checked against numbers worked out by hand; the same
# marked for publication (--publish, publish=1): counts under 5 as c, one
# more withheld beside a lone one, the table naming children left out, and
# the API giving the same as the command line.
source "$(dirname "$0")/lib.bash"

now="2017-04-20 12:00"
hw() { "$HW" --now "$now" "$@"; }

# The children (C6 is placed here by another council: never counted).
hw child add C1 --first-name Amy --last-name Stone --date-of-birth 2006-07-15 --gender Female \
  --ethnicity "White British" --school "Northgate Academy" >/dev/null
hw child add C2 --first-name Bea --last-name Hill --date-of-birth 1999-06-10 --gender female \
  --ethnicity "Black British" --school "Kingsmead School" >/dev/null
hw child add C3 --first-name Cal --last-name Moss --gender Male --ethnicity "white  british" >/dev/null
hw child add C4 --first-name Dan --last-name Reed --date-of-birth 2000-01-01 --gender Male \
  --ethnicity Mixed --school "northgate academy" >/dev/null
hw child add C5 --first-name Eve --last-name Lane --date-of-birth 2001-03-03 --gender Male \
  --ethnicity Mixed --school "Northgate Academy" >/dev/null
hw child add C6 --first-name Fay --last-name Cole --date-of-birth 2003-01-01 --gender Female \
  --ethnicity Mixed --school "Northgate Academy" --responsible-authority "Leeds City Council" >/dev/null

# ep ID CHILD KIND LAST-SEEN: an episode of two hours.
ep() {
  local back
  back=$(TZ=Europe/London date -d "$4 2 hours" '+%Y-%m-%d %H:%M')
  hw episode add "$1" --child-id "$2" --kind "$3" --last-seen "$4" --returned "$back" >/dev/null
}
ep E16 C2 missing "2015-06-01 10:00"  # last year: C2 aged 15
ep E1 C1 missing "2016-07-14 10:00"   # 9: the day before C1's 10th birthday
ep E2 C1 missing "2016-07-15 09:00"   # 10: the birthday
ep E3 C2 missing "2016-06-10 00:30"   # 17: 00:30 BST on the birthday (23:30 UTC the eve)
ep E4 C2 missing "2016-12-01 10:00"   # 17
ep E5 C3 missing "2016-09-01 10:00"   # no date of birth
ep E6 C4 missing "2016-05-01 10:00"   # 16
ep E7 C4 absent "2016-05-02 10:00"    # away without authorisation
ep E8 C4 missing "2016-10-01 10:00"   # 16
for d in 01 02 03 04 05 06; do ep "E9$d" C5 missing "2016-08-$d 10:00"; done # 15, six times
ep E15 C6 missing "2016-08-10 10:00"  # another council's child

# csv TITLE: the rows of the table whose title has TITLE (after its
# "# SECTION: TITLE" line and its header).
csv() { printf '%s\n' "$OUT" | tr -d '\r' | sed -n "/^\"\?# .*$1/,/^\$/p" | sed '1,2d;/^$/d'; }

# ---- for the council ----
expect 0 --now "$now" report annual --year 2016-17 --section age,gender,ethnicity,school --format csv
# Age bands: individuals this year and last, change, %; episodes likewise.
same "$(csv 'by age band')" "Under 1,0,0,0,,0,0,0,
1 to 4,0,0,0,,0,0,0,
5 to 9,1,0,1,,1,0,1,
10 to 15,1,1,0,0.00,7,1,6,600.00
16 and over,2,0,2,,4,0,4,
Not recorded,1,0,1,,1,0,1,
Total,5,1,4,400.00,13,1,12,1200.00"
# Year by year: C1 counts at 9 (first episode), E2 at 10; C2 at 17 both times.
same "$(csv 'year by year' | cut -d, -f1,2,3,6,7)" \
  "Under 10,1,0,1,0
10,0,0,1,0
11,0,0,0,0
12,0,0,0,0
13,0,0,0,0
14,0,0,0,0
15,1,1,6,1
16,1,0,2,0
17,1,0,2,0
18 and over,0,0,0,0
Not recorded,1,0,1,0
Total,5,1,13,1"
# Gender: "female" is Female; Male has more individuals.
same "$(csv 'by gender' | cut -d, -f1,2,3,6,7)" "Male,3,0,9,0
Female,2,1,4,1
Not recorded,0,0,0,0
Total,5,1,13,1"
# Ethnicity: Mixed and White British tie on 2 children; Mixed has more
# episodes. C3's "white  british" is White British.
same "$(csv 'by ethnicity' | cut -d, -f1,2,3,6,7)" "Mixed,2,0,8,0
White British,2,0,3,0
Black British,1,1,2,1
Not recorded,0,0,0,0
Total,5,1,13,1"
# Schools: children missing, missing episodes this year and last, away
# without authorisation (children, episodes).
same "$(csv 'Schools with most')" "Northgate Academy,3,10,0,1,1
Kingsmead School,1,2,1,0,0
Not recorded,1,1,0,0,0
Total,5,13,1,1,1"
hasnt "Leeds" "$OUT"

# ---- for publication ----
expect 0 --now "$now" report annual --year 2016-17 --section age,gender,school,persistent --format csv --publish
internal_free=$OUT
has "# For publication: small numbers are suppressed (shown as c)." "$(printf '%s\n' "$OUT" | head -1)"
has "# c: a count from 1 to 4" "$OUT"
same "$(csv 'by age band')" "Under 1,0,0,0,,0,0,0,
1 to 4,0,0,0,,0,0,0,
5 to 9,c,0,c,,c,0,c,
10 to 15,c,c,c,c,7,c,c,c
16 and over,c,0,c,,c,0,c,
Not recorded,c,0,c,,c,0,c,
Total,5,c,c,c,13,c,c,c"
# Female's 4 episodes are withheld, and Male's 9 with them: else 13 - 9.
same "$(csv 'by gender' | cut -d, -f1,2,6)" "Male,c,c
Female,c,c
Not recorded,0,0
Total,5,13"
same "$(csv 'Schools with most' | head -1)" "Northgate Academy,c,10,0,c,c"
# The children with most episodes, named, are left out; the rest stays.
hasnt "Eve Lane" "$OUT"; hasnt "C5" "$OUT"; hasnt "children with most episodes" "$OUT"
has "One-off and persistent missing: Children by how often" "$OUT"
# Every format says so; the workbook holds "c" as text.
expect 0 --now "$now" report annual --year 2016-17 --section gender --publish --format json
has '"publication": true' "$OUT"; has '"individuals": "c"' "$OUT"; has '"footnote": "c: a count' "$OUT"
expect 0 --now "$now" report annual --year 2016-17 --section gender --publish
has "For publication: small numbers are suppressed (shown as c)." "$OUT"
expect 0 --now "$now" report annual --year 2016-17 --section gender --publish --format html
has '<p class="publication">For publication' "$OUT"; has '<td class="num">c</td>' "$OUT"
expect 0 --now "$now" report annual --year 2016-17 --section gender --publish --format xlsx --out "$WORK/pub.xlsx"
unzip -p "$WORK/pub.xlsx" xl/sharedStrings.xml | grep -q '<t>c</t>' || fail "no c in the workbook"; pass
unzip -p "$WORK/pub.xlsx" xl/sharedStrings.xml | grep -q 'For publication' || fail "the workbook does not say it is for publication"; pass
# Without --publish nothing is withheld and nothing is said.
expect 0 --now "$now" report annual --year 2016-17 --section gender,persistent --format csv
hasnt "publication" "$OUT"; hasnt ",c," "$OUT"; hasnt ",c"$'\r' "$OUT"; has "Eve Lane" "$OUT"
expect 0 report annual --help
has "--publish" "$OUT"; has "age, gender" "$OUT"

# ---- the API gives the same ----
printf '%s\n' "password for ann ok" | "$HW" user add ann --role analyst --password-stdin >/dev/null
start_server --threads 2
JAR="$WORK/jar" req POST /api/v1/session --data '{"user": "ann", "password": "password for ann ok"}'; code 200
q="year=2016-17&section=age,gender,school,persistent&format=csv"
req GET "/api/v1/reports/annual?$q&publish=1" -D "$WORK/headers"; code 200
same "$(printf '%s' "$BODY" | tr -d '\r')" "$(printf '%s' "$internal_free" | tr -d '\r')"
grep -qi 'filename="annual-analysis-2016-17-publication.csv"' "$WORK/headers" || fail "no publication file name"; pass
req GET "/api/v1/reports/annual?year=2016-17&section=gender&publish=1"; code 200
has '"publication": true' "$BODY"; has '"episodes": "c"' "$BODY"
req GET "/api/v1/reports/quarterly?year=2016-17&quarter=2&section=persistent&publish=1"; code 200
hasnt '"top_children"' "$BODY"; has '"id": "children"' "$BODY"
req GET "/api/v1/reports/annual?year=2016-17&section=persistent&publish=0"; code 200
has '"top_children"' "$BODY"; hasnt '"publication"' "$BODY"
req GET "/api/v1/reports/annual?year=2016-17&section=gender&publish=yes"; code 400
has '"field": "publish"' "$BODY"
# Audited as an export for publication.
"$HW" audit list --user ann --limit 20 >"$WORK/audit.txt"
has "annual 2016-17 for publication as csv" "$(cat "$WORK/audit.txt")"

done_checks
