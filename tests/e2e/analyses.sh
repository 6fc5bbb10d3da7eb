#!/usr/bin/env bash
# The quarterly and annual analyses from the command line: on a generated
# council, the figures by placement type (this year and last), by duration
# band, interviews in timescale and by age band (this year and last) agree
# with hand-written SQL in the
# sqlite3 shell (bench/annual.sql); every format comes out; bad options are
# refused with messages that name them.
source "$(dirname "$0")/lib.bash"
bench=$(realpath "$(dirname "$0")/../../bench")

now="2017-11-15 12:00"
"$HW" --now "$now" generate --seed 11 --years 2 --scale 1 --out "$WORK" >/dev/null
for t in children episodes interviews; do "$HW" --now "$now" import $t "$WORK/$t.csv" >/dev/null; done
hw() { "$HW" --now "$now" "$@"; }
epoch=$(TZ=Europe/London date -d "$now" +%s)
sql=$(TZ=Europe/London sqlite3 -csv "$HOMEWARD_DB" ".parameter set :fy 2016" \
  ".parameter set :now $epoch" ".read $bench/annual.sql")
block() { printf '%s\n' "$sql" | sed -n "s/^$1,//p"; }

# By placement type, 2016-17 against 2015-16: individuals and episodes.
expect 0 --now "$now" report annual --year 2016-17 --section placement --format csv
ours=$(printf '%s\n' "$OUT" | sed -n '/^Placement type,/,/^Total,/p' | sed 1d |
  awk -F, '{print $2","$6","$3","$7}')
theirs=$(block placement | awk -F, '{print $2","$3","$4","$5}')
same "$ours" "$theirs"
[ "$(printf '%s\n' "$ours" | wc -l)" = 8 ] || fail "expected 8 placement rows"; pass

# By duration band, per quarter.
expect 0 --now "$now" report annual --year 2016-17 --section duration --format csv
ours=$(printf '%s\n' "$OUT" | sed -n '/^Time missing,/,/^72h+,/p' | sed 1d | cut -d, -f1-5)
same "$ours" "$(block duration)"

# Interviews in timescale, per quarter: needed, completed, within 72 hours.
expect 0 --now "$now" report annual --year 2016-17 --section timescale --format csv
ours=$(printf '%s\n' "$OUT" | sed -n '/^Quarter,Interviews needed/,/^Q4,/p' | sed 1d |
  awk -F, '{print tolower($1)","$2","$3","$4}')
same "$ours" "$(block timescale)"
has "Placed here by other councils" "$OUT"

# By age band at the start of the episode, 2016-17 against 2015-16.
expect 0 --now "$now" report annual --year 2016-17 --section age --format csv
ours=$(printf '%s\n' "$OUT" | tr -d '\r' | sed -n '/by age band/,/^Total,/p' | sed '1,2d;$d' |
  awk -F, '{print $2","$6","$3","$7}')
theirs=$(block age | awk -F, '{print $2","$3","$4","$5}')
same "$ours" "$theirs"
[ "$(printf '%s\n' "$ours" | wc -l)" = 6 ] || fail "expected 6 age bands"; pass

# Every section, every format.
expect 0 --now "$now" report annual --year 2016-17 --council "Anytown Council"
for s in placement monthly case_status duration first_ever age gender ethnicity school persistent \
  timescale reasons strategy_meetings funnel cohort; do
  # The section asked for, and only it: its id is the first id in the JSON.
  same "$(hw report annual --year 2016-17 --section $s --format json | sed -n 's/.*"id": "\([a-z_]*\)".*/\1/p' | head -1)" "$s"
done
has "Anytown Council" "$OUT"
has "Return home interviews in timescale" "$OUT"
expect 0 --now "$now" report annual --year 2016-17 --format json
has '"sections": [' "$OUT"; has '"id": "strategy_meetings"' "$OUT"; has '"in_timescale_pct": ' "$OUT"
expect 0 --now "$now" report annual --year 2016-17 --council "Anytown Council" --format html --out "$WORK/annual.html"
html=$(cat "$WORK/annual.html")
has "<svg" "$html"; has "@page" "$html"; hasnt "<script" "$html"; has "2016-17" "$html"
expect 0 --now "$now" report annual --year 2016-17 --format xlsx --out "$WORK/annual.xlsx"
has "annual.xlsx: the annual analysis (xlsx" "$OUT"
[ "$(head -c 2 "$WORK/annual.xlsx")" = PK ] || fail "not an xlsx file"; pass
# Numbers are numbers in the workbook: the Total row's individuals.
total=$(block placement | awk -F, '$1 == "total" {print $2}')
unzip -p "$WORK/annual.xlsx" xl/worksheets/sheet1.xml | grep -q "<v>$total</v>" ||
  fail "the workbook's first sheet lacks the number $total"
pass

# Sections by a list of ids, in the analyses' order.
expect 0 --now "$now" report annual --year 2016-17 --section timescale,duration --format json
has '"id": "duration"' "$OUT"; has '"id": "timescale"' "$OUT"; hasnt '"id": "placement"' "$OUT"
[ "$(printf '%s' "$OUT" | grep -n '"id": "duration"' | cut -d: -f1)" -lt \
  "$(printf '%s' "$OUT" | grep -n '"id": "timescale"' | cut -d: -f1)" ] || fail "sections out of order"
pass
expect 1 report annual --year 2016-17 --section duration,nope
has "--section: 'nope'" "$ERR"

# The workbook read back by a spreadsheet (LibreOffice, headless): every
# sheet as CSV gives the same rows as the CSV output, for the sections of
# counts (percentages are fractions in a sheet, so they are left out).
if command -v soffice >/dev/null; then
  mkdir -p "$WORK/sheets"
  timeout 300 soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to \
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$WORK/sheets" "$WORK/annual.xlsx" >"$WORK/soffice.log" 2>&1 ||
    fail "LibreOffice could not read the workbook: $(cat "$WORK/soffice.log")"
  for s in placement duration case_status first_ever; do
    sheet="$WORK/sheets/annual-$s.csv"
    [ -s "$sheet" ] || fail "no sheet $s read back: $(ls "$WORK/sheets")"
    rows=$(hw report annual --year 2016-17 --section $s --format csv | tr -d '\r' |
      grep -v '^"\?#' | grep -v '^$' | sed 's/,*$//')
    while IFS= read -r row; do
      grep -qxF "$row" <(tr -d '\r' <"$sheet" | sed 's/,*$//') ||
        fail "sheet $s lacks the row: $row"
    done <<<"$rows"
    pass
  done
else
  echo "LibreOffice (soffice) is not installed: the workbook read-back was skipped"
fi

# The HTML printed to PDF by headless chromium: the title, the period and
# the numbers are on the pages, and a page image can be made of it.
if [ -x /usr/bin/chromium ] && command -v pdftoppm >/dev/null; then
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer \
    --user-data-dir="$WORK/chromium" --print-to-pdf="$WORK/annual.pdf" "file://$WORK/annual.html" \
    >"$WORK/chromium.log" 2>&1 || fail "chromium could not print the report: $(cat "$WORK/chromium.log")"
  pdftotext "$WORK/annual.pdf" "$WORK/annual.txt"
  text=$(cat "$WORK/annual.txt")
  has "Annual analysis: children missing from home and care" "$text"
  has "Anytown Council" "$text"
  has "How long children were missing" "$text"
  has "$(block duration | awk -F, '$1 == "0-12h" {print $2}')" "$text"
  pdftoppm -png -r 40 -f 1 -l 1 "$WORK/annual.pdf" "$WORK/page"
  [ -s "$WORK/page-01.png" ] || [ -s "$WORK/page-1.png" ] || fail "no page image"; pass
else
  echo "chromium or pdftoppm is not installed: the printed report was skipped"
fi

# The quarterly analysis: Q2 only, year-to-date quarter columns.
expect 0 --now "$now" report quarterly --year 2017-18 --quarter 2 --section duration --format csv
has "Q1,Q2," "$(printf '%s\n' "$OUT" | sed -n '/^Time missing,/p')"
hasnt "Q3" "$(printf '%s\n' "$OUT" | sed -n '/^Time missing,/p')"

# A cohort followed from a date.
printf 'child_id\n# reviewed in April\n%s\n%s\nC999999\n' \
  "$(sed -n 2p "$WORK/episodes.csv" | cut -d, -f2)" "$(sed -n 3p "$WORK/episodes.csv" | cut -d, -f2)" >"$WORK/cohort.txt"
expect 0 --now "$now" report annual --year 2016-17 --section cohort --cohort-file "$WORK/cohort.txt" \
  --cohort-from 2016-06-01 --cohort-name "MPMG April" --format csv
has "MPMG April" "$OUT"; has "C999999,0,0" "$OUT"

# Refusals name what was wrong.
expect 1 report annual
has "--year is required" "$ERR"
expect 1 report annual --year 2016-18
has "--year: '2016-18': expected a financial year such as 2016-17" "$ERR"
expect 1 report quarterly --year 2016-17
has "--quarter is required" "$ERR"
expect 1 report quarterly --year 2016-17 --quarter 5
has "--quarter: '5'" "$ERR"
expect 1 report annual --year 2016-17 --section hotspots
has "--section: 'hotspots': expected one of placement, monthly" "$ERR"
expect 1 report annual --year 2016-17 --format pdf
has "--format" "$ERR"
expect 1 report annual --year 2016-17 --cohort-file "$WORK/cohort.txt"
has "--cohort-file and --cohort-from go together" "$ERR"
expect 1 report annual --year 2016-17 --cohort-file "$WORK/none.txt" --cohort-from 2016-06-01
has "cannot read $WORK/none.txt" "$ERR"
printf 'C1\nnot an id!\n' >"$WORK/bad.txt"
expect 1 report annual --year 2016-17 --cohort-file "$WORK/bad.txt" --cohort-from 2016-06-01
has "bad.txt:2: 'not an id!' is not a child ID" "$ERR"
expect 1 report annual --year 2016-17 --format xlsx --out "$WORK/no/such/dir/a.xlsx"
has "--out: cannot write" "$ERR"
[ ! -e "$WORK/no/such/dir/a.xlsx" ] || fail "a file was left"; pass

done_checks
