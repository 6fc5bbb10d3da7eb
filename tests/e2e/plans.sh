#!/usr/bin/env bash
# The scorecard and the action plans through the real binary: a scorecard
# file, its numbers checked by hand, every format; an action plan imported
# (twice), rated, listed and reported; bad files refused whole.
source "$(dirname "$0")/lib.bash"
export HOMEWARD_NOW="2017-04-10 09:00"

# ---- the scorecard ----
# C1 looked after, C2 at home (child in need), C3 placed here by another council.
cat >children.csv <<'EOF'
child_id,first_name,last_name,responsible_authority,case_status
C1,Amy,One,,cla
C2,Ben,Two,,cin
C3,Cal,Three,Anyshire,cla
EOF
# April: E1 (C1, offered and completed 38 hours after the return), E2 (C2,
# never offered), E3 (C3: not the council's own). June: E4 (C1, offered).
cat >episodes.csv <<'EOF'
episode_id,child_id,kind,last_seen,returned,risk,case_status
E1,C1,missing,2016-04-05 10:00,2016-04-05 20:00,low,cla
E2,C2,missing,2016-04-10 15:00,2016-04-10 18:00,low,cin
E3,C3,missing,2016-04-12 15:00,2016-04-12 18:00,low,cla
E4,C1,missing,2016-06-02 10:00,2016-06-02 12:00,low,cla
EOF
cat >interviews.csv <<'EOF'
interview_id,child_id,episode_ids,decision,offered,outcome,completed,conducted_by
I1,C1,E1,required,2016-04-06 09:00,completed,2016-04-07 10:00,independent
I2,C1,E4,required,2016-06-03 10:00,pending,,
EOF
for f in children episodes interviews; do expect 0 import $f $f.csv; done

cat >card.txt <<'EOF'
# our board's scorecard
tolerance = 10%

[indicator]
priority = P6
name = Children offered an interview %
measure = rhi_offer_rate
last_year = 76%
sn_average = 85.5%
target = 90%

[indicator]
name = Missing episodes
measure = missing_episodes
target = 4

[indicator]
name = Placed here
measure = ola_episodes
EOF

# By hand, April to June: offered 1 of 2 children (50.00%), none, 1 of 1
# (100.00%); the year to date 1 of 2 (C2 never offered) = 50.00%, red
# against 90% (amber from 81%). Episodes 2, 0, 1 = 3: green against 4,
# worse from May to June. Placed here: 1 in April.
expect 0 report scorecard --year 2016-17 --to-month 2016-06 --scorecard card.txt --format csv
csv=$(printf '%s\n' "$OUT" | tr -d '\r')
has "Priority,Indicator,Polarity,Last year (2015-16),SN average,Target,Apr-16,May-16,Jun-16,YTD,DOT,RAG" "$csv"
has "P6,Children offered an interview %,Higher is better,76.00,85.50,90.00,50.00,,100.00,50.00,,Red" "$csv"
has ",Missing episodes,Lower is better,,,4,2,0,1,3,Worse,Green" "$csv"
has ",Placed here,Lower is better,,,,1,0,0,1,Same," "$csv"
# On 20 June, June is still in progress: the direction of travel compares
# April (2) with May (0), better, and says so.
expect 0 --now "2016-06-20 12:00" report scorecard --year 2016-17 --to-month 2016-06 --scorecard card.txt --format csv
has ",Missing episodes,Lower is better,,,4,2,0,1,3,Better,Green" "$(printf '%s\n' "$OUT" | tr -d '\r')"
expect 0 --now "2016-06-20 12:00" report scorecard --year 2016-17 --to-month 2016-06 --scorecard card.txt
has "(May against April, as June is still in progress)" "$(printf '%s' "$OUT" | tr '\n' ' ' | tr -s ' ')"

expect 0 report scorecard --year 2016-17 --to-month 2016-06 --scorecard card.txt --format json
has '"ytd": 50' "$OUT"
has '"rag": "Red"' "$OUT"
expect 0 report scorecard --year 2016-17 --to-month 2016-06 --scorecard card.txt
has "Apr-16" "$OUT"
has "Jun-16" "$OUT"
hasnt "Jul-16" "$OUT"
has "50.00%" "$OUT"
# The year is over at "now": every month, March last.
expect 0 report scorecard --year 2016-17 --scorecard card.txt --format csv --council Anyshire
has ",Mar-17,YTD," "$OUT"
expect 0 report scorecard --year 2016-17 --scorecard card.txt --format html --out card.html
has "card.html: the scorecard (html" "$OUT"
grep -q "Children offered an interview %" card.html || fail "the page lacks the indicator"
expect 0 report scorecard --year 2016-17 --format xlsx --out card.xlsx
[ "$(head -c 2 card.xlsx)" = "PK" ] || fail "card.xlsx is not a workbook"
# The built-in scorecard starts with seed 000's rows, and is a valid file.
expect 0 scorecard show
has "measure = rhi_offer_rate_home" "$OUT"
printf '%s\n' "$OUT" >builtin.txt
expect 0 report scorecard --year 2016-17 --scorecard builtin.txt --format csv
has "P6,Children missing from home offered return interview %" "$OUT"
HOMEWARD_SCORECARD=card.txt expect 0 report scorecard --year 2016-17 --format csv
has "Placed here" "$OUT"

# Refusals name what was wrong.
expect 1 report scorecard --year 2016-18
has "--year: '2016-18'" "$ERR"
expect 1 report scorecard
has "--year is required" "$ERR"
expect 1 report scorecard --year 2016-17 --to-month 2017-04
has "--to-month: '2017-04' is not in 2016-17" "$ERR"
expect 1 report scorecard --year 2018-19
has "2018-19 has not begun" "$ERR"
expect 1 report scorecard --year 2016-17 --format pdf
has "--format" "$ERR"
printf '[indicator]\nname = X\nmeasure = missing_episodes\ntarget = 90%%\n' >bad.txt
expect 1 report scorecard --year 2016-17 --scorecard bad.txt
has "bad.txt:4: target: '90%': missing_episodes is a count" "$ERR"
expect 1 report scorecard --year 2016-17 --scorecard missing.txt
has "cannot read scorecard missing.txt" "$ERR"

# ---- action plans ----
# Seed 000's layout with a Ref column; a heading row; merged cells blank.
cat >p6.csv <<'EOF'
Ref,Priority 6,Outcome,Action,Success measure(s),Lead,Responsible Officer,Time,RAG Initial,RAG 01/18,RAG 03/18,RAG 05/18,Progress update
1,All children have access to a return interview,,Ensure tracking arrangements,Clear arrangements,Janet Simon,,Jan-18,1,3,0,0,Meetings fortnightly
2,,Ofsted recco 4,Every child offered an interview,Target 100%,Janet Simon,,Jan-18,2,2,,,"Audit November 17.
Take up 38%."
,Return home interviews,,,,,,,,,,,
3,,,Quality assure every interview,,,A Kaiser,31st December 2015,R,,,,
EOF
export HOMEWARD_NOW="2018-02-15 09:00"
expect 0 plan import p6.csv --plan "Priority 6"
has "plan 'Priority 6': 3 rows: 3 actions added, 0 updated, 0 unchanged; 5 ratings recorded." "$OUT"
# Again: nothing changes, no rating is repeated.
expect 0 plan import p6.csv --plan "Priority 6"
has "3 rows: 0 actions added, 0 updated, 3 unchanged; 0 ratings recorded." "$OUT"

expect 0 plan list
has "green 2018-01-01" "$OUT"
has "red (initial)" "$OUT"
expect 0 plan list --plan "Priority 6" --format csv
list=$(printf '%s\n' "$OUT" | tr -d '\r')
has "Priority 6,1,All children have access to a return interview,,Ensure tracking arrangements,Clear arrangements,Janet Simon,,2018-01-31,red,initial,green,2018-01-01,improved,no,Meetings fortnightly" "$list"
has "Priority 6,3,Return home interviews,,Quality assure every interview,,,A Kaiser,2015-12-31,,,red,initial,,yes," "$list"
expect 0 plan list --format json
has '"ratings": [' "$OUT"

# Rating: recorded once; a second identical rating records nothing.
expect 0 plan rate 2 --rag green --on 2018-02-14 --note "take up rising"
has "Priority 6: action 2 rated green as at 2018-02-14." "$OUT"
expect 0 plan rate 2 --rag green --on 2018-02-14 --note "take up rising"
has "already rated green" "$OUT"
expect 1 plan rate 9 --rag red --on 2018-02-14
has "no plan has an action 9" "$ERR"
expect 1 plan rate 2 --rag purple --on 2018-02-14
has "--rag: 'purple'" "$ERR"
expect 1 plan rate 2 --rag red
has "--on is required" "$ERR"
HOMEWARD_USER= expect 1 plan rate 2 --rag red --on 2018-02-14
has "--user" "$ERR"
# Not for a day still to come (today is 15 February 2018): nothing recorded.
expect 1 plan rate 2 --rag red --on 2018-02-16
has "the rating date 2018-02-16 is after today (2018-02-15)" "$ERR"
expect 0 plan list --plan "Priority 6" --format csv
has "green,2018-02-14" "$OUT"; hasnt "2018-02-16" "$OUT"

# A changed progress note is an update, kept in the history.
sed -i 's/Meetings fortnightly/Meetings every week/' p6.csv
expect 0 plan import p6.csv --plan "Priority 6"
has "0 actions added, 1 updated, 2 unchanged" "$OUT"
expect 0 plan history 1
has "progress" "$OUT"
has "Meetings fortnightly" "$OUT"
has "Meetings every week" "$OUT"
has "import p6.csv" "$OUT"

# The report, as at 1 March 2018: 2 green (1, and 2 rated green on 14 February),
# 1 red (3, overdue since 31 Dec 2015: 791 days).
expect 0 report plans --date 2018-03-01 --format csv
rep=$(printf '%s\n' "$OUT" | tr -d '\r')
has "Red,1,1" "$rep"
has "Green,2,0" "$rep"
has "Total,3,1" "$rep"
has "Improved,2" "$rep"
has "3,Priority 6,Return home interviews,Quality assure every interview,A Kaiser,2015-12-31,Red,Initial,791" "$rep"
expect 0 report plans --plan "Priority 6" --format xlsx --out plans.xlsx
[ "$(head -c 2 plans.xlsx)" = "PK" ] || fail "plans.xlsx is not a workbook"
expect 0 report plans --format html
has "Overdue actions" "$OUT"
expect 1 report plans --plan "Nope"
has "no plan called 'Nope'" "$ERR"

# A bad file: every bad row reported, nothing imported.
cat >bad.csv <<'EOF'
Ref,Action,Due,RAG 01/18,RAG 03/18
1,Do a thing,Ongoing,purple,
1,Do it again,2018-01-01,G,A
x y,,,,
EOF
expect 1 plan import bad.csv
has "bad.csv:2: column Due: 'Ongoing': expected a date" "$ERR"
has "bad.csv:2: column RAG 01/18: 'purple': expected red, amber, green or complete" "$ERR"
has "bad.csv:3: column Ref: '1' appears again (first on line 2)" "$ERR"
has "bad.csv:3: column RAG 03/18: 'A': a rating for a day after today (2018-02-15); leave it empty until then" "$ERR"
has "bad.csv:4: column Ref: 'x y': expected a ref" "$ERR"
has "bad.csv: 3 bad rows (6 errors); nothing was imported" "$ERR"
expect 1 plan list --plan bad
has "no plan called 'bad'" "$ERR"
printf 'Ref,Action,Colour\n' >cols.csv
expect 1 plan import cols.csv
has "cols.csv:1: unknown column 'Colour'" "$ERR"
done_checks
