#!/usr/bin/env bash
# An episode from the police notification to the child's return.
source "$(dirname "$0")/lib.bash"

# A child not yet known is added as not open to services.
expect 0 --now "2017-04-03 23:00" episode report E1 --child-id C7 --last-seen "2017-04-03 22:00" \
  --risk high --police-ref MP/17/000123 --reported-by "Police" --first-name Dee --last-name Ray \
  --date-of-birth 2004-02-01
has "Added child C7 (not open to children's services)." "$OUT"
has "Reported episode E1: C7 missing." "$OUT"
has "3 notifications added" "$OUT"
expect 0 child show C7 --format json
has '"case_status": "not_open"' "$OUT"
has '"first_name": "Dee"' "$OUT"
expect 0 episode show E1 --format json
has '"kind": "missing"' "$OUT"
has '"reported": "2017-04-03T23:00:00+01:00"' "$OUT"
has '"police_ref": "MP/17/000123"' "$OUT"
expect 0 child history C7
has "police notification" "$OUT"

# A known child's record is not changed by a notification.
expect 0 child add C8 --first-name Eve --case-status cin --team "Assessment"
expect 1 episode report E2 --child-id C8 --last-seen "2017-04-03 22:00" --first-name X
has "child C8 is already recorded" "$ERR"
expect 0 --now "2017-04-04 09:00" episode report E2 --child-id C8 --last-seen "2017-04-04 08:00" --risk medium
hasnt "Added child" "$OUT"
expect 1 episode report E2 --child-id C8 --last-seen "2017-04-04 08:00"
has "episode E2 is already recorded" "$ERR"
expect 1 episode report E3 --last-seen "2017-04-04 08:00"
has "--child-id is required" "$ERR"
expect 1 episode report E3 --child-id C8
has "--last-seen is required" "$ERR"

# Away without authorisation, then re-classified as missing.
expect 0 --now "2017-04-05 19:00" episode report E4 --child-id C8 --kind absent --last-seen "2017-04-05 18:00"
has "C8 away without authorisation" "$OUT"
expect 0 --now "2017-04-05 23:00" episode update E4 --kind missing
expect 0 episode history E4
has "absent" "$OUT"

# Found, with the safe-and-well check.
expect 1 --now "2017-04-04 09:00" episode return E1 --at "2017-04-04 08:00" --safe-well-at "2017-04-04 07:00"
has "the safe-and-well check is after the return" "$ERR"
expect 0 --now "2017-04-04 09:00" episode return E1 --at "2017-04-04 08:00" --safe-well-at "2017-04-04 08:40" \
  --found-location "Railway station"
has "after 10.0 hours" "$OUT"
expect 0 --now "2017-04-04 09:00" episode show E1
has "safe_well_check        #1  due 2017-04-04 09:00  Done" "$OUT"
# Closing: the record updated after the return.
expect 1 episode close E2
has "episode E2 is still open" "$ERR"
expect 1 episode close E1 --at "2017-04-04 07:00"
has "at: the record is closed after the return" "$ERR"
expect 0 --now "2017-04-06 10:00" episode close E1
has "Closed episode E1: record updated 2017-04-06 10:00." "$OUT"
expect 1 episode close E1
has "episode E1 is already closed" "$ERR"
expect 0 --now "2017-04-06 10:00" episode show E1
has "record_updated         #1  due 2017-04-11 08:00  Done" "$OUT"

# The missing plan: reviewed on 1 April; Eve (C8) went missing again on the
# 4th and 5th, so it needs review; Dee (C7) has none at all.
expect 0 child update C8 --missing-plan "Call carer at 21:00; check Town centre" \
  --plan-reviewed 2017-04-01 --plan-review-due 2017-05-01
expect 0 --now "2017-04-06 09:00" child show C8
has "Missing plan: review needed - Missing again since the last review;Repeat missing since the last review" "$OUT"
expect 0 --now "2017-04-06 09:00" plans --format csv
has "child,name,team,worker,reviewed,review due,why,last missing" "$OUT"
has "C8,Eve,Assessment,,2017-04-01,2017-05-01,missing_again;repeat,2017-04-05 18:00" "$OUT"
has "C7,Dee Ray,,,,,no_plan,2017-04-03 22:00" "$OUT"
expect 0 child update C8 --plan-reviewed 2017-04-06
expect 0 --now "2017-04-06 09:00" child show C8 --format json
has '"needed": false' "$OUT"
done_checks
