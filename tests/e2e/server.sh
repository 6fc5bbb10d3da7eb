#!/usr/bin/env bash
# The HTTP server, driven over loopback with curl: sign-in, sessions, roles,
# CSRF, body limits, malformed JSON, unknown fields and routes, the access
# log, and a graceful stop.
source "$(dirname "$0")/lib.bash"

printf 'correct horse battery\n' | "$HW" user add amy --role coordinator --team CiC --password-stdin >/dev/null
printf 'another long password\n' | "$HW" user add wes --role worker --team CiC --password-stdin >/dev/null
printf 'analyst password 1\n' | "$HW" user add ann --role analyst --password-stdin >/dev/null
printf 'police password long\n' | "$HW" user add pol --role police_liaison --password-stdin >/dev/null
police=$("$HW" token create pol --scope notifications | tail -1)
"$HW" child add C1 --first-name Amy --team CiC >/dev/null
"$HW" child add C2 --first-name Ben --team Assessment >/dev/null
"$HW" --now "2017-04-03 23:00" episode report E1 --child-id C1 --last-seen "2017-04-03 22:00" --risk high >/dev/null
"$HW" --now "2017-04-03 23:00" episode report E2 --child-id C2 --last-seen "2017-04-03 21:00" --risk high >/dev/null

start_server --threads 2

req GET /api/v1/health; code 200; has '"status": "ok"' "$BODY"
req GET /api/v1/nowhere; code 404; has "no such page" "$BODY"
req PUT /api/v1/health; code 405
req GET /api/v1/me; code 401; has "sign in first" "$BODY"

# Sign-in: malformed, unknown field, missing field, wrong password, too big.
req POST /api/v1/session -H 'Content-Type: application/json' --data '{"user": "amy",'
code 400; has "malformed JSON" "$BODY"
req POST /api/v1/session --data '{"user": "amy", "password": "x", "colour": "red"}'
code 400; has '"field": "colour"' "$BODY"
req POST /api/v1/session --data '{"user": "amy", "user": "bob", "password": "x"}'
code 400; has "duplicate" "$BODY"
req POST /api/v1/session --data '{"user": "amy"}'
code 422; has '"field": "password"' "$BODY"
req POST /api/v1/session --data '{"user": "amy", "password": "wrong password here"}'
code 401; has "the user name or password is wrong" "$BODY"
req POST /api/v1/session --data "{\"user\": \"amy\", \"password\": \"$(head -c 5000 /dev/zero | tr '\0' x)\"}"
code 413

req POST /api/v1/session --data '{"user": "amy", "password": "correct horse battery"}'
code 200; has '"role": "coordinator"' "$BODY"
grep -q "hw_session" "$WORK/jar" || fail "no session cookie"; pass
grep -qi "httponly" "$WORK/jar" || fail "the cookie is not HttpOnly"; pass
csrf=$(printf '%s' "$BODY" | sed 's/.*"csrf": "\([0-9a-f]*\)".*/\1/')
req GET /api/v1/me; code 200; has '"user": "amy"' "$BODY"
req GET "/api/v1/reports/monthly?from=2017-04&to=2017-05"; code 200
has '"report": "monthly"' "$BODY"
req GET "/api/v1/reports/monthly?from=2017-13&to=2017-05"; code 400; has '"field": "from"' "$BODY"

# The team's lists: a coordinator sees every team, or the one asked for.
req GET "/api/v1/due?at=2017-04-04%2009:00"; code 200
has '"episode_id": "E1"' "$BODY"; has '"episode_id": "E2"' "$BODY"
req GET "/api/v1/due?at=2017-04-04%2009:00&team=Assessment&format=csv"; code 200
has "E2,C2,Ben,Assessment" "$BODY"; hasnt "E1,C1" "$BODY"
req GET "/api/v1/daily?at=2017-04-04%2009:00"; code 200; has '"missing": [' "$BODY"
req GET "/api/v1/daily?format=csv"; code 400; has '"field": "format"' "$BODY"
req GET "/api/v1/high-risk?at=2017-04-04%2009:00"; code 200; has '"missing_high_risk"' "$BODY"
req GET "/api/v1/weekly?week_of=2017-04-03&format=csv"; code 200; has "team,returned" "$BODY"
req GET "/api/v1/plans?at=2017-04-04%2009:00"; code 200; has '"no_plan"' "$BODY"
req GET "/api/v1/due?at=2017-13-01%2009:00"; code 400; has '"field": "at"' "$BODY"

# Writes: a police notification, a return, an action; each needs the CSRF
# token, takes only the fields it knows, and names a bad one.
note='{"episode_id": "E3", "child_id": "C3", "last_seen": "2017-04-04 20:00", "risk": "medium", "first_name": "Cal"}'
req POST /api/v1/episodes --data "$note"; code 403; has "CSRF" "$BODY"
req POST /api/v1/episodes -H "X-CSRF-Token: $csrf" --data "$note"
code 201; has '"child_added": true' "$BODY"; has '"notifications": 2' "$BODY"
req POST /api/v1/episodes -H "X-CSRF-Token: $csrf" --data "$note"; code 409
req POST /api/v1/episodes -H "X-CSRF-Token: $csrf" \
  --data '{"episode_id": "E4", "child_id": "C3", "last_seen": "2017-03-26 01:30"}'
code 422; has '"field": "last_seen"' "$BODY"; has "does not exist in the UK" "$BODY"
req POST /api/v1/episodes -H "X-CSRF-Token: $csrf" \
  --data '{"episode_id": "E4", "child_id": "C3", "last_seen": "2017-04-04 20:00", "risk": "severe"}'
code 422; has '"field": "risk"' "$BODY"
req POST /api/v1/returns -H "X-CSRF-Token: $csrf" \
  --data '{"episode_id": "E3", "at": "2017-04-05 08:00", "safe_well_at": "2017-04-05 09:00", "found_location": "Park"}'
code 200
req POST /api/v1/returns -H "X-CSRF-Token: $csrf" --data '{"episode_id": "E3", "at": "2017-04-05 09:00"}'
code 409; has "already has a return time" "$BODY"
req POST /api/v1/actions -H "X-CSRF-Token: $csrf" \
  --data '{"episode_id": "E3", "action": "need_to_know", "outcome": "not_needed"}'
code 422; has '"field": "reason"' "$BODY"
req POST /api/v1/actions -H "X-CSRF-Token: $csrf" \
  --data '{"episode_id": "E3", "action": "need_to_know", "outcome": "not_needed", "reason": "found first"}'
code 201
req GET /api/v1/episodes/E3; code 200; has '"found_location": "Park"' "$BODY"

# The police feed sends notifications with its API token (no session, no CSRF),
# and may read nothing else.
BODY=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $police" \
  --data '{"episode_id": "E5", "child_id": "C1", "last_seen": "2017-04-05 21:00", "risk": "low"}' \
  "$base/api/v1/episodes"); CODE=${BODY##*$'\n'}; BODY=${BODY%$'\n'*}; pass
code 201; has '"child_added": false' "$BODY"
BODY=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $police" "$base/api/v1/due")
CODE=${BODY##*$'\n'}; pass; code 403
BODY=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer 00$police" "$base/api/v1/me")
CODE=${BODY##*$'\n'}; pass; code 401

# Changes need the CSRF token.
req DELETE /api/v1/session; code 403; has "CSRF" "$BODY"
req DELETE /api/v1/session -H "X-CSRF-Token: 00$csrf"; code 403
req DELETE /api/v1/session -H "X-CSRF-Token: $csrf"; code 200
req GET /api/v1/me; code 401

# A worker may not read the board's reports.
req POST /api/v1/session --data '{"user": "wes", "password": "another long password"}'; code 200
wcsrf=$(printf '%s' "$BODY" | sed 's/.*"csrf": "\([0-9a-f]*\)".*/\1/')
req GET "/api/v1/reports/monthly?from=2017-04&to=2017-05"; code 403
has "the worker role may not use" "$BODY"
# ... and only their own team's children, every look audited.
req GET /api/v1/children/C1; code 200; has '"first_name": "Amy"' "$BODY"
req GET /api/v1/children/C2; code 403; has "not one of your team's" "$BODY"
req GET /api/v1/episodes/E2; code 403
req GET /api/v1/episodes/E1; code 200; has '"child_id": "C1"' "$BODY"
req GET /api/v1/children/C9; code 404
req GET /api/v1/children/; code 404
# ... and sees only their own team's lists.
req GET "/api/v1/due?at=2017-04-04%2009:00"; code 200
has '"episode_id": "E1"' "$BODY"; hasnt '"episode_id": "E2"' "$BODY"
req GET "/api/v1/due?team=Assessment"; code 403; has "your own team" "$BODY"
# ... and may change only their own team's episodes.
req POST /api/v1/returns -H "X-CSRF-Token: $wcsrf" --data '{"episode_id": "E2", "at": "2017-04-05 08:00"}'
code 403
# An analyst sees reports, never the lists with names.
req POST /api/v1/session --data '{"user": "ann", "password": "analyst password 1"}'; code 200
req GET "/api/v1/daily"; code 403
req GET "/api/v1/reports/monthly?from=2017-04&to=2017-05"; code 200

# The access log: a line per request, no query strings, no passwords.
grep -q "amy GET /api/v1/me 200" "$WORK/server.log" || fail "no access log line"; pass
grep -q "from=2017" "$WORK/server.log" && fail "the log holds a query string"; pass
grep -q "correct horse" "$WORK/server.log" && fail "the log holds a password"; pass

# Graceful stop.
kill -TERM $pid
wait $pid; status=$?
same "$status" 0
grep -q "homeward: stopped" "$WORK/server.log" || fail "no clean stop"; pass
expect 0 audit verify
has "intact" "$OUT"
expect 0 audit list --action view_refused --format json
has '"record_id": "C2"' "$OUT"
expect 0 audit list --user wes --action view
has "E1" "$OUT"
done_checks
