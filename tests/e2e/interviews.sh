#!/usr/bin/env bash
# The interview workflow through the real binary (docs/rules.md,
# "Interviews"): the rules' decision with its criteria beside the recorded
# one; an override needs a reason, professional judgement does not; one
# interview covering two episodes within 7 days (7 days is allowed, 7 days
# and a minute is not); attempts; a lateness reason when completed after 72
# hours (72 hours exactly is in time); reasons from a list that a file can
# replace; CSV round trip and import checks.
source "$(dirname "$0")/lib.bash"

# C1 is flagged for exploitation: every missing episode needs an interview.
# C2 is not: a short daytime episode is at professional judgement.
expect 0 child add C1 --first-name Amy --flags cse --case-status cla --team "CiC 1"
expect 0 child add C2 --first-name Ben
expect 0 episode add E1 --child-id C1 --kind missing --last-seen "2017-04-01 22:00" \
  --returned "2017-04-02 07:00"
expect 0 episode add E2 --child-id C1 --kind missing --last-seen "2017-04-05 20:00" \
  --returned "2017-04-06 08:00"
expect 0 episode add E3 --child-id C1 --kind missing --last-seen "2017-04-08 22:01" \
  --returned "2017-04-09 07:00"
expect 0 episode add E4 --child-id C2 --kind missing --last-seen "2017-04-03 10:00" \
  --returned "2017-04-03 12:00"
expect 0 episode add E5 --child-id C2 --kind absent --last-seen "2017-04-10 10:00" \
  --returned "2017-04-10 11:00"

# One interview may cover several episodes last seen within 7 days.
expect 1 interview add I1 --child-id C1 --episode-ids "E1;E3"
same "$ERR" "homeward: episode_ids: one interview may cover episodes within 7 days of each other"
expect 1 interview add I1 --child-id C1 --episode-ids "E1;E4"
same "$ERR" "homeward: episode_ids: episode E4 is of child C2, not C1"
expect 0 interview add I1 --child-id C1 --episode-ids "E1;E2" --decision required
same "$OUT" "Added interview I1."
expect 0 --now "2017-04-04 09:00" interview show I1
has "Rules: required
  E1         required - overnight_6h, exploitation_risk
  E2         required - overnight_6h, over_9h, repeat_28d, exploitation_risk
Decision: required, as the rules say
Timescale: due by 2017-04-05 07:00 (72 hours after episode E1 returned); not completed yet
Attempts: none recorded" "$OUT"
expect 0 --now "2017-04-05 07:01" interview show I1
has "(72 hours after episode E1 returned); not completed, overdue" "$OUT"
# Exactly 7 days apart (C2's E4 and E5): allowed. Judgement needs no reason.
expect 0 interview add I3 --child-id C2 --episode-ids "E4;E5" --decision not_required
expect 0 --now "2017-04-11 09:00" interview show I3
has "Rules: judgement
  E4         judgement
  E5         not_required - repeat_28d
Decision: not_required, on professional judgement
Timescale: due by 2017-04-06 12:00 (72 hours after episode E4 returned); not held: decided not required" "$OUT"

# A manager may override the rules, with a reason.
expect 1 interview add I2 --child-id C1 --episode-ids E3 --decision not_required
same "$ERR" "homeward: decision_reason: is required: the rules say required (episode E3: overnight_6h, repeat_28d, exploitation_risk) and the decision is not_required; record why they are overridden (--decision-reason)"
expect 0 interview add I2 --child-id C1 --episode-ids E3 --decision not_required \
  --decision-reason "Third episode this week: covered by I1's work, agreed with carers (12.3)" \
  --decided-by "Pat Jones (team manager)"
expect 0 --now "2017-04-10 09:00" interview show I2
has "Decision: not_required, overriding the rules: Third episode this week: covered by I1's work, agreed with carers (12.3)" "$OUT"
expect 0 --now "2017-04-10 09:00" interview show I2 --format json
has '"override": true' "$OUT"
has '"decided_by": "Pat Jones (team manager)"' "$OUT"
has '"criteria": [' "$OUT"
# ... and changed back to what the rules say, the reason may go.
expect 0 interview update I2 --decision required --decision-reason ""
expect 0 --now "2017-04-10 09:00" interview show I2 --format json
has '"override": false' "$OUT"
expect 1 interview update I2 --decision judgement
has "the rules say required (episode E3: overnight_6h, repeat_28d, exploitation_risk) and the decision is judgement" "$ERR"

# Attempts: after the return, face to face or not, with an outcome.
expect 1 interview attempt I1 --at "2017-04-02 06:30" --face-to-face y --outcome not_in
same "$ERR" "homeward: the attempt at 2017-04-02 06:30 is before the child's return (episode E1 returned 2017-04-02 07:00)"
expect 1 interview attempt I1 --at "2017-04-02 16:00" --outcome not_in
same "$ERR" "homeward: --face-to-face is required: whether it was face to face (y|n|yes|no)"
expect 1 interview attempt I1 --at "2017-04-02 16:00" --face-to-face perhaps --outcome not_in
same "$ERR" "homeward: --face-to-face: 'perhaps': expected one of y|n|yes|no"
expect 1 interview attempt I1 --at "2017-04-02 16:00" --face-to-face y --outcome chat
same "$ERR" "homeward: --outcome: 'chat': expected one of seen|not_in|refused|missing_again|other"
expect 1 interview attempt I1 --face-to-face y --outcome seen
same "$ERR" "homeward: --at is required: when the attempt was made"
expect 1 interview attempt I9 --at "2017-04-02 16:00" --face-to-face y --outcome seen
same "$ERR" "homeward: no interview I9 is recorded"
HOMEWARD_USER= expect 1 interview attempt I1 --at "2017-04-02 16:00" --face-to-face y --outcome seen
has "say who you are" "$ERR"
expect 0 --now "2017-04-02 17:00" interview attempt I1 --at "2017-04-02 16:00" --face-to-face Y \
  --outcome NOT_IN --note "Nobody in at the home"
same "$OUT" "Recorded attempt #1 of interview I1: 2017-04-02 16:00, face to face, not_in."
expect 0 interview attempt I1 --at "2017-04-03 11:00" --face-to-face n --outcome other \
  --note "Phoned the carer"
same "$OUT" "Recorded attempt #2 of interview I1: 2017-04-03 11:00, not face to face, other."

# Completed a minute after the 72 hours: the reason it was late is required.
expect 1 interview complete I1 --at "2017-04-05 07:01" --reasons "with_friends"
same "$ERR" "homeward: lateness_reason: is required: completed 2017-04-05 07:01, after the 72 hours from the return of episode E1 (due by 2017-04-05 07:00); give the main reason it was late (--lateness-reason): missing_again|declined|worker_availability|weekend_bank_holiday|child_unavailable|other"
expect 1 interview complete I1 --at "2017-04-05 07:01" --lateness-reason late
has "--lateness-reason: 'late': expected one of missing_again|declined|worker_availability" "$ERR"
# Reasons are codes of the list.
expect 1 interview complete I1 --at "2017-04-05 07:01" --lateness-reason missing_again \
  --reasons "with_friends;boredom"
same "$ERR" "homeward: reasons: unknown reason 'boredom': expected ';'-separated codes of the reasons list ('homeward reasons show'): criminal_activity|return_to_family|behaviour_problems|with_friends|independence|drugs|miscommunication|cse|housing_problems|other"
expect 0 --now "2017-04-05 08:00" interview complete I1 --at "2017-04-05 07:01" \
  --lateness-reason missing_again --reasons " With_Friends; independence;with_friends" \
  --risks "Older peers at the park" --screening emerging --conducted-by independent
same "$OUT" "Interview I1 completed at 2017-04-05 07:01."
expect 0 --now "2017-04-06 09:00" interview show I1
has "  attempts               1" "$OUT"
has "  reasons                with_friends;independence" "$OUT"
has "  lateness_reason        missing_again" "$OUT"
has "Timescale: due by 2017-04-05 07:00 (72 hours after episode E1 returned); completed 2017-04-05 07:01, late: missing_again
Attempts: 2 recorded, 1 face to face
  #1  2017-04-02 16:00  face to face  not_in         Nobody in at the home (e2e)
  #2  2017-04-03 11:00  other         other          Phoned the carer (e2e)
Warning: completed with fewer than 2 face-to-face attempts recorded and the child not seen face to face (004 section 10: try twice face to face before completing from carers' and agencies' information)" "$OUT"
expect 0 --now "2017-04-06 09:00" interview show I1 --format json
has '"in_timescale": false' "$OUT"
has '"lateness_reason": "missing_again"' "$OUT"
has '"face_to_face_attempts": 1' "$OUT"
has '"outcome": "not_in"' "$OUT"
has '"note": "Phoned the carer"' "$OUT"
# The history keeps who changed the count of attempts and the lateness reason.
expect 0 interview history I1 --format json
flat=$(printf '%s' "$OUT" | tr -d '\n' | sed 's/  */ /g')
has '"field": "attempts", "old": null, "new": "1"' "$flat"
has '"field": "lateness_reason", "old": null, "new": "missing_again"' "$flat"
has '"field": "reasons", "old": null, "new": "with_friends;independence"' "$flat"
# A second face-to-face attempt clears the warning.
expect 0 interview attempt I1 --at "2017-04-05 06:00" --face-to-face y --outcome missing_again
expect 0 interview show I1
has "Attempts: 3 recorded, 2 face to face" "$OUT"
has "  attempts               2" "$OUT"
hasnt "Warning" "$OUT"

# Exactly 72 hours after the return is in time: no reason needed; seen at
# the first attempt, no warning.
expect 0 interview attempt I2 --at "2017-04-10 10:00" --face-to-face y --outcome seen
expect 0 interview complete I2 --at "2017-04-12 07:00" --reasons cse
expect 0 interview show I2
has "completed 2017-04-12 07:00, in timescale" "$OUT"
hasnt "Warning" "$OUT"
# Moved a minute later through update: the option is named.
expect 1 interview update I2 --completed "2017-04-12 07:01"
has "give the main reason it was late (--lateness-reason)" "$ERR"
expect 0 interview update I2 --completed "2017-04-12 07:01" --lateness-reason worker_availability
expect 0 interview show I2
has "completed 2017-04-12 07:01, late: worker_availability" "$OUT"

# Attempts are never changed or deleted.
if command -v sqlite3 >/dev/null; then
  set +e
  msg=$(sqlite3 "$HOMEWARD_DB" "UPDATE interview_attempts SET note = 'x'" 2>&1)
  rc=$?
  set -e
  [ "$rc" -ne 0 ] || fail "an attempt was changed"
  has "a recorded attempt is never changed" "$msg"
  set +e
  sqlite3 "$HOMEWARD_DB" "DELETE FROM interview_attempts" 2>/dev/null
  rc=$?
  set -e
  [ "$rc" -ne 0 ] || fail "an attempt was deleted"
  same "$(sqlite3 "$HOMEWARD_DB" "SELECT count(*) FROM interview_attempts")" 4
fi

# The reasons list: the defaults, or a council's own file.
expect 0 reasons show
has "# Homeward reasons for going missing (defaults: Derby's categories, seed 004 section 9)" "$OUT"
has "with_friends        Wanting to be with friends" "$OUT"
has "housing_problems    Housing problems" "$OUT"
same "$(printf '%s\n' "$OUT" | grep -vc '^#')" 10
printf '# Our categories\nboredom        Boredom\npeer_pressure  Peer pressure\n\n' > reasons.txt
expect 0 --reasons reasons.txt reasons show
has "# Homeward reasons for going missing from reasons.txt" "$OUT"
has "peer_pressure  Peer pressure" "$OUT"
hasnt "with_friends" "$OUT"
# What reasons show writes reads back the same.
printf '%s\n' "$OUT" > again.txt
expect 0 --reasons again.txt reasons show
has "peer_pressure  Peer pressure" "$OUT"
HOMEWARD_REASONS=reasons.txt expect 0 interview update I3 --reasons "Peer_Pressure;boredom"
expect 0 interview show I3 --format json
has '"reasons": "peer_pressure;boredom"' "$OUT"
# Stored reasons stand when the list changes; a change must fit the list.
expect 0 interview update I3 --risks "Older peers"
HOMEWARD_REASONS=reasons.txt expect 1 interview update I3 --reasons with_friends
same "$ERR" "homeward: reasons: unknown reason 'with_friends': expected ';'-separated codes of the reasons list ('homeward reasons show'): boredom|peer_pressure"
printf 'boredom Boredom\nBad code\n' > bad.txt
expect 1 --reasons bad.txt reasons show
same "$ERR" "homeward: bad.txt:2: code 'Bad': use lower-case letters, digits and '_', starting with a letter"
printf '# none\n' > empty.txt
HOMEWARD_REASONS=empty.txt expect 1 reasons show
same "$ERR" "homeward: empty.txt: no reasons: an interview could not record any"
expect 1 --reasons nope.txt reasons show
has "cannot read reasons nope.txt" "$ERR"
expect 0 codes lateness_reason
has "weekend_bank_holiday A weekend or bank holiday" "$OUT"
expect 0 codes attempt_outcome
has "missing_again        The child was missing again" "$OUT"

# What list exports, import takes back unchanged; import checks the same.
expect 0 interview list --format csv
has "signed_off_by,lateness_reason" "$OUT"
printf '%s\n' "$OUT" > interviews.csv
HOMEWARD_REASONS=reasons.txt expect 0 import interviews interviews.csv
has "3 rows: 0 interviews added, 0 updated, 3 unchanged." "$OUT"
cat > more.csv <<'CSV'
interview_id,child_id,episode_ids,decision,outcome,completed,reasons,lateness_reason
I4,C1,E3,not_required,,,,
I5,C1,E1,required,completed,2017-04-05 07:00:01,drugs,
I6,C1,E2,required,completed,2017-04-09 08:00,drugs;boredom,declined
CSV
expect 1 import interviews more.csv
has "more.csv:2: column decision_reason: is required: the rules say required (episode E3" "$ERR"
has "more.csv:3: column lateness_reason: is required: completed 2017-04-05 07:00:01" "$ERR"
has "more.csv:4: column reasons: unknown reason 'boredom'" "$ERR"
has "3 bad rows (3 errors); nothing was imported" "$ERR"
done_checks
