#!/usr/bin/env bash
# The monthly profile as a web page and as an Excel workbook, through the
# real binary: the workbook's cells are numbers (not text) equal to the CSV's,
# the page's table shows the same numbers, --out replaces a file whole or
# leaves nothing, and the formats a report cannot be are refused.
source "$(dirname "$0")/lib.bash"
command -v unzip >/dev/null || fail "unzip is needed (scripts/bootstrap installs it)"

expect 0 --now "2018-03-20 12:00" generate --seed 7 --years 2 --scale 0.5 --end-year 2017 --out .
for f in children episodes interviews; do
  expect 0 import $f $f.csv
done

# The numbers, month by month, from the CSV: month,children_missing,...
expect 0 report monthly --from 2017-04 --to 2017-06 --format csv
csv=$(printf '%s\n' "$OUT" | tail -n +2 | tr -d '\r')
same "$(printf '%s\n' "$csv" | wc -l)" 3
IFS=, read -r -a apr <<<"$(printf '%s\n' "$csv" | sed -n 1p)"
IFS=, read -r -a may <<<"$(printf '%s\n' "$csv" | sed -n 2p)"
IFS=, read -r -a jun <<<"$(printf '%s\n' "$csv" | sed -n 3p)"
same "${apr[0]}" 2017-04
same "${jun[0]}" 2017-06
[ "${apr[4]}" -gt 0 ] || fail "no episodes in April 2017: the test data changed"

# ---- xlsx ----
expect 0 report monthly --from 2017-04 --to 2017-06 --format xlsx --out profile.xlsx
has "profile.xlsx" "$OUT"
[ -s profile.xlsx ] || fail "profile.xlsx was not written"
same "$(head -c 4 profile.xlsx | od -An -c | tr -d ' \n')" 'PK003004'
members=$(unzip -Z1 profile.xlsx)
has "xl/worksheets/sheet1.xml" "$members"
has "xl/worksheets/sheet2.xml" "$members"
has "xl/charts/chart1.xml" "$members"
hasnt ".tmp-" "$(ls -A)"

# Sheet 1, "Monthly profile", is laid out as the text table: title, note,
# a blank row, the header in row 4, then one row per measure; months in
# columns B, C, D. Counts are numbers: <c r=".."><v>N</v></c>, no t="s".
sheet1=$(unzip -p profile.xlsx xl/worksheets/sheet1.xml)
has '<pane xSplit="1" ySplit="4"' "$sheet1" # the header row and the names, frozen
for col in B:apr C:may D:jun; do
  letter=${col%%:*}
  declare -n month=${col#*:}
  for measure in 1:5 2:6 3:7 4:8 5:9; do # CSV column : sheet row
    has "<c r=\"$letter${measure#*:}\"><v>${month[${measure%%:*}]}</v></c>" "$sheet1"
  done
  unset -n month
done
# Rates are fractions in a 0.00% format: 75.81 in the CSV is 0.7581 here.
rate() { # rate CELL: the value of the cell, as a percentage with 2 decimals
  printf '%s\n' "$sheet1" | grep -o "<c r=\"$1\" s=\"[0-9]*\"><v>[^<]*</v>" |
    sed 's/.*<v>\(.*\)<\/v>/\1/' | awk '{ printf "%.2f", $1 * 100 }'
}
same "$(rate B10)" "${apr[6]}"
same "$(rate C11)" "${may[7]}"
same "$(rate D12)" "${jun[8]}"
styles=$(unzip -p profile.xlsx xl/styles.xml)
has 'formatCode="0.00%"' "$styles"
strings=$(unzip -p profile.xlsx xl/sharedStrings.xml)
has "<t>Monthly data profile, Apr 2017 to Jun 2017</t>" "$strings"
has "<t>Apr 2017</t>" "$strings"
has "<t>Missing episodes</t>" "$strings"
has "placed here by other councils" "$strings"
hasnt "<t>${apr[4]}</t>" "$strings" # the numbers are not text

# Sheet 2, "By month", is laid out as the CSV: April in row 5.
sheet2=$(unzip -p profile.xlsx xl/worksheets/sheet2.xml)
has "<c r=\"B5\"><v>${apr[1]}</v></c>" "$sheet2"
has "<c r=\"E5\"><v>${apr[4]}</v></c>" "$sheet2"
has "<c r=\"F7\"><v>${jun[5]}</v></c>" "$sheet2"

# To a terminal it is refused (where util-linux's script can give us one).
if command -v script >/dev/null && script -qc true /dev/null >/dev/null 2>&1; then
  tty=$(script -qc "'$HW' report monthly --from 2017-04 --to 2017-06 --format xlsx; echo status=\$?" /dev/null </dev/null)
  has "use --out" "$(printf '%s' "$tty" | tr -d '\r')"
  has "status=1" "$tty"
fi
# Redirected, the workbook may go to standard output.
"$HW" report monthly --from 2017-04 --to 2017-06 --format xlsx >piped.xlsx || fail "xlsx to a pipe"
same "$(unzip -p piped.xlsx xl/worksheets/sheet1.xml)" "$sheet1"

# --out replaces what was there, whole.
echo "old report" >profile.xlsx
expect 0 report monthly --from 2017-04 --to 2017-04 --format xlsx --out profile.xlsx
hasnt "<c r=\"C5\">" "$(unzip -p profile.xlsx xl/worksheets/sheet1.xml)" # one month now
hasnt ".tmp-" "$(ls -A)"

# ---- html ----
expect 0 report monthly --from 2017-04 --to 2017-06 --format html
html=$OUT
has "<!DOCTYPE html>" "$html"
has "<title>Monthly data profile, Apr 2017 to Jun 2017</title>" "$html"
has "<h1>Monthly data profile, Apr 2017 to Jun 2017</h1>" "$html"
has "<table>" "$html"
has "<caption>" "$html"
has '<th scope="col" class="num">Apr 2017</th>' "$html"
has "<tr><th scope=\"row\">Children who went missing</th><td class=\"num\">${apr[1]}</td><td class=\"num\">${may[1]}</td><td class=\"num\">${jun[1]}</td></tr>" "$html"
has "<tr><th scope=\"row\">Missing episodes</th><td class=\"num\">${apr[4]}</td><td class=\"num\">${may[4]}</td><td class=\"num\">${jun[4]}</td></tr>" "$html"
has "<td class=\"num\">${apr[6]}%</td>" "$html"
has "<svg " "$html"
has "<title>Apr 2017: ${apr[4]} missing episodes</title>" "$html"
has "placed here by other councils" "$html"
hasnt "<script" "$html"
expect 0 report monthly --from 2017-04 --to 2017-06 --format html --out profile.html
same "$(cat profile.html)" "$html"

# ---- refusals ----
# A directory that does not exist: named, and nothing written.
expect 1 report monthly --from 2017-04 --to 2017-06 --format xlsx --out "$WORK/nowhere/p.xlsx"
has "$WORK/nowhere/p.xlsx" "$ERR"
[ ! -e "$WORK/nowhere" ] || fail "created $WORK/nowhere"
# A directory where the file should be: named, and no temporary file left.
mkdir adir
expect 1 report monthly --from 2017-04 --to 2017-06 --format csv --out adir
has "adir" "$ERR"
same "$(ls -A adir)" ""
hasnt ".tmp-" "$(ls -A)"
expect 1 report monthly --from 2017-04 --to 2017-06 --out ""
has "--out" "$ERR"

expect 1 report monthly --from 2017-04 --to 2017-06 --format xls
has "--format: expected text, csv, json, html or xlsx, got 'xls'" "$ERR"
# What cannot be a page or a workbook still refuses them.
expect 1 episode list --format html
has "expected text, csv or json" "$ERR"
expect 1 episode list --format xlsx
has "expected text, csv or json" "$ERR"

expect 0 report monthly --help
has "--out FILE" "$OUT"
has "xlsx" "$OUT"
done_checks
