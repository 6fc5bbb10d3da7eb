#!/usr/bin/env bash
# The JSON API beyond sign-in (server.sh covers that): records, the
# interview workflow, the dashboard, import uploads, reports in every
# format, users and the audit log; for each, the roles allowed and refused,
# a worker kept to their team, an analyst given pseudonyms, police liaison
# given shared interviews only.
source "$(dirname "$0")/lib.bash"

add_user() { printf '%s\n' "password for $1 ok" | "$HW" user add "$1" --role "$2" ${3:+--team "$3"} --password-stdin >/dev/null; }
add_user coo coordinator
add_user man team_manager CiC
add_user wes worker CiC
add_user ann analyst
add_user pol police_liaison
add_user adm admin
"$HW" child add C1 --first-name Amy --last-name Stone --team CiC >/dev/null
"$HW" child add C2 --first-name Ben --last-name Hill --team Assessment >/dev/null
"$HW" --now "2017-04-03 23:00" episode report E1 --child-id C1 --last-seen "2017-04-03 22:00" --risk high --police-ref MP/1 >/dev/null
"$HW" --now "2017-04-03 23:00" episode report E2 --child-id C2 --last-seen "2017-04-03 21:00" --risk low >/dev/null
# Photographs: a real PNG of one pixel (69 bytes).
printf '\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x38\xa3\xa4\x04\x00\x02\xce\x01\x11\x5a\xea\x98\x59\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82' > "$WORK/face.png"
start_server --threads 2

# sign_in USER: a cookie jar per user; sets CSRF.
sign_in() {
  JAR="$WORK/jar-$1" req POST /api/v1/session --data "{\"user\": \"$1\", \"password\": \"password for $1 ok\"}"
  code 200
  CSRF=$(printf '%s' "$BODY" | sed 's/.*"csrf": "\([0-9a-f]*\)".*/\1/')
  eval "CSRF_$1=$CSRF"
}
for u in coo man wes ann pol adm; do sign_in $u; done
as() { local u=$1; shift; JAR="$WORK/jar-$u" req "$@"; }
# change USER METHOD PATH JSON: a change with the user's CSRF token.
change() {
  local u=$1 m=$2 p=$3 d=$4 t
  t=CSRF_$u
  JAR="$WORK/jar-$u" req "$m" "$p" -H "X-CSRF-Token: ${!t}" -H 'Content-Type: application/json' --data "$d"
}

# The page reloads its CSRF token from /me: it is the one sign-in gave.
as coo GET /api/v1/me; code 200; has "\"csrf\": \"$CSRF_coo\"" "$BODY"; has '"display_name"' "$BODY"
as coo GET /api/v1/codes; code 200; has '"risk": [' "$BODY"; has '"reasons": [' "$BODY"
as coo GET /api/v1/teams; code 200; has '"teams": ["Assessment", "CiC"]' "$BODY"
as ann GET /api/v1/teams; code 403

# ---- every route: the roles allowed, and every other role refused ----
# METHOD PATH ALLOWED (users by role: coo coordinator, man team manager,
# wes worker, ann analyst, pol police liaison, adm admin). Changes carry an
# empty object, so an allowed role gets a validation error, never a change.
routes=(
  "GET /api/v1/me coo,man,wes,ann,pol,adm"
  "GET /api/v1/codes coo,man,wes,ann,pol,adm"
  "GET /api/v1/teams coo,man,wes,adm"
  "GET /api/v1/dashboard coo,man,wes"
  "GET /api/v1/children coo,man,wes"
  "POST /api/v1/children coo,man"
  "GET /api/v1/children/C1 coo,man,wes"
  "PATCH /api/v1/children/C1 coo,man,wes"
  "GET /api/v1/children/C1/profile coo,man,wes,pol"
  "PATCH /api/v1/children/C1/profile coo,man,wes"
  "GET /api/v1/children/C1/photo coo,man,wes,pol"
  "PUT /api/v1/children/C1/photo coo,man,wes"
  "GET /api/v1/children/C1/profile/print coo,man,wes,pol"
  "POST /api/v1/children/C1/profile/send coo,man,wes"
  "GET /api/v1/profiles/missing coo,man,wes,pol"
  "GET /api/v1/episodes coo,man,wes,ann"
  "POST /api/v1/episodes coo,pol"
  "GET /api/v1/episodes/E1 coo,man,wes"
  "PATCH /api/v1/episodes/E1 coo,man,wes"
  "POST /api/v1/returns coo,man,wes,pol"
  "POST /api/v1/actions coo,man,wes"
  "GET /api/v1/interviews coo,man,wes,pol"
  "POST /api/v1/interviews coo,man,wes"
  "POST /api/v1/attempts coo,man,wes"
  "GET /api/v1/history?type=child&id=C1 coo,man,wes"
  "GET /api/v1/outbox coo"
  "GET /api/v1/notices coo"
  "GET /api/v1/notices/1 coo"
  "POST /api/v1/notices coo"
  "POST /api/v1/notices/send coo"
  "POST /api/v1/notices/answer coo"
  "GET /api/v1/due coo,man,wes"
  "GET /api/v1/daily coo,man,wes"
  "GET /api/v1/high-risk coo,man,wes"
  "GET /api/v1/plans coo,man,wes"
  "GET /api/v1/weekly coo,man,wes,ann"
  "GET /api/v1/reports coo,man,ann"
  "GET /api/v1/reports/monthly?from=2017-04&to=2017-04 coo,man,ann"
  "GET /api/v1/reports/quarterly?year=2017-18&quarter=1&section=duration coo,man,ann"
  "GET /api/v1/reports/annual?year=2017-18&section=duration coo,man,ann"
  "GET /api/v1/reports/scorecard?year=2017-18&to_month=2017-04 coo,man,ann"
  "GET /api/v1/reports/plans coo,man,ann"
  "GET /api/v1/reports/ola-interviews?year=2017-18 coo,man,ann"
  "POST /api/v1/action-plans/import?plan=P6 coo,man"
  "GET /api/v1/exports/annex-a-missing coo"
  "GET /api/v1/exports/ssd-missing coo"
  "POST /api/v1/action-plans/ratings coo,man"
  "POST /api/v1/import/children coo"
  "GET /api/v1/users adm"
  "POST /api/v1/users adm"
  "PATCH /api/v1/users/pol adm"
  "POST /api/v1/tokens adm"
  "GET /api/v1/audit adm"
  "GET /api/v1/audit/verify adm"
)
for r in "${routes[@]}"; do
  read -r method path allowed <<<"$r"
  for u in coo man wes ann pol adm; do
    t=CSRF_$u
    if [ "$method" = GET ]; then
      JAR="$WORK/jar-$u" req GET "$path"
    else
      JAR="$WORK/jar-$u" req "$method" "$path" -H "X-CSRF-Token: ${!t}" --data '{}'
    fi
    case ",$allowed," in
      *",$u,"*) [ "$CODE" != 403 ] && [ "$CODE" != 401 ] || fail "$u refused $method $path: $CODE $BODY"; pass ;;
      *) [ "$CODE" = 403 ] || fail "$u not refused $method $path: $CODE $BODY"; pass ;;
    esac
  done
  req "$method" "$path"; code 401   # and nobody signed in
done

# ---- children ----
as coo GET "/api/v1/children?q=hill"; code 200; has '"total": 1' "$BODY"; has '"child_id": "C2"' "$BODY"
as wes GET "/api/v1/children"; code 200; has '"total": 1' "$BODY"; hasnt '"C2"' "$BODY"
as wes GET "/api/v1/children?team=Assessment"; code 403
as coo GET "/api/v1/children?limit=x"; code 400; has '"field": "limit"' "$BODY"
as ann GET /api/v1/children; code 403
as adm GET /api/v1/children/C1; code 403
as coo GET /api/v1/children/C1; code 200
has '"missing_plan_review"' "$BODY"; has '"episodes": [' "$BODY"; has '"associates": [' "$BODY"
has '"notifications": [' "$BODY"; has '"escalation"' "$BODY"
as wes GET /api/v1/children/C2; code 403
as coo GET /api/v1/children/C9; code 404
change coo POST /api/v1/children '{"child_id": "C3", "first_name": "Cal", "team": "CiC", "flags": ["cse"]}'
code 201; has '"flags": ["cse"]' "$BODY"
change coo POST /api/v1/children '{"child_id": "C3"}'; code 409
change coo POST /api/v1/children '{"child_id": "C4", "date_of_birth": "2017-02-30"}'
code 422; has '"field": "date_of_birth"' "$BODY"
change coo POST /api/v1/children '{"child_id": "C4", "shoe_size": "5"}'; code 400; has '"field": "shoe_size"' "$BODY"
change man POST /api/v1/children '{"child_id": "C5", "team": "Assessment"}'; code 403
change wes POST /api/v1/children '{"child_id": "C5", "team": "CiC"}'; code 403
change wes PATCH /api/v1/children/C1 '{"school": "Oakwood"}'; code 200; has '"school": "Oakwood"' "$BODY"
change wes PATCH /api/v1/children/C1 '{"team": "Assessment"}'; code 403
change wes PATCH /api/v1/children/C1 '{"child_id": "C7"}'; code 422
change wes PATCH /api/v1/children/C2 '{"school": "x"}'; code 403
as wes PATCH /api/v1/children/C1 -H 'Content-Type: application/json' --data '{"school": "y"}'; code 403; has "CSRF" "$BODY"

# ---- the missing profile and its photograph ----
# C6 is in C1's team and not missing: police liaison may not see their profile.
"$HW" child add C6 --first-name Fay --last-name Moss --team CiC >/dev/null
"$HW" profile photo C6 --file "$WORK/face.png" >/dev/null
"$HW" profile photo C2 --file "$WORK/face.png" >/dev/null
change wes PATCH /api/v1/children/C1/profile '{"description": "Tall, dark hair", "mobile": "07700 900123"}'
code 200; has '"description": "Tall, dark hair"' "$BODY"; has '"updated_by": "wes"' "$BODY"
has '"risks": null' "$BODY"; has '"photo_bytes": 2097152' "$BODY"; has '"missing_now": {' "$BODY"
change wes PATCH /api/v1/children/C1/profile '{"mobile": null, "risks": "CSE"}'
code 200; has '"mobile": null' "$BODY"; has '"description": "Tall, dark hair"' "$BODY"
change wes PATCH /api/v1/children/C1/profile '{"medical": "a\nb\nc\nd\ne"}'
code 422; has '"field": "medical"' "$BODY"; has 'at most 4 lines, got 5' "$BODY"
change wes PATCH /api/v1/children/C1/profile '{"shoe_size": "5"}'; code 400; has '"field": "shoe_size"' "$BODY"
change wes PATCH /api/v1/children/C1/profile '{"child_id": "C2"}'; code 422; has '"field": "child_id"' "$BODY"
change wes PATCH /api/v1/children/C2/profile '{"risks": "x"}'; code 403
change coo PATCH /api/v1/children/C9/profile '{"risks": "x"}'; code 404
as wes GET /api/v1/children/C1/profile; code 200; has '"risks": "CSE"' "$BODY"; has '"mobile": null' "$BODY"
as wes GET "/api/v1/history?type=child&id=C1"; code 200; has '"field": "profile.mobile"' "$BODY"

# photo FILE: the body of a PUT, as the browser sends it (raw bytes).
photo() {
  local u=$1 id=$2 file=$3 t
  t=CSRF_$u
  JAR="$WORK/jar-$u" req PUT "/api/v1/children/$id/photo" -H "X-CSRF-Token: ${!t}" \
    -H 'Content-Type: image/png' --data-binary @"$file"
}
photo wes C1 "$WORK/face.png"; code 201; has '"content_type": "image/png"' "$BODY"; has '"bytes": 69' "$BODY"
curl -s -b "$WORK/jar-wes" -o "$WORK/got.png" -D "$WORK/headers" "$base/api/v1/children/C1/photo"
cmp -s "$WORK/got.png" "$WORK/face.png" || fail "the photograph read back differs"; pass
has "Content-Type: image/png" "$(cat "$WORK/headers")"; has "Cache-Control: no-store" "$(cat "$WORK/headers")"
printf 'GIF89a\x01\x00\x01\x00' > "$WORK/face.gif"
photo wes C1 "$WORK/face.gif"; code 422; has '"field": "photo"' "$BODY"
has 'the photograph is not a JPEG or PNG image (it looks like a GIF image)' "$BODY"
: > "$WORK/empty.png"
photo wes C1 "$WORK/empty.png"; code 422; has 'the photograph is empty (0 bytes)' "$BODY"
{ cat "$WORK/face.png"; head -c 2097100 /dev/zero; } > "$WORK/big.png"   # 2,097,169 bytes
photo wes C1 "$WORK/big.png"; code 413; has 'the photograph is 2,097,169 bytes (2.0 MiB): the limit is 2,097,152 bytes (2 MiB)' "$BODY"
cmp -s <(curl -s -b "$WORK/jar-wes" "$base/api/v1/children/C1/photo") "$WORK/face.png" || fail "a refused photograph changed the stored one"; pass
photo man C1 "$WORK/face.png"; code 200; has '"replaced": true' "$BODY"
photo wes C2 "$WORK/face.png"; code 403
# Who may see a photograph: a worker of another team no, an analyst no,
# police liaison only of a child missing now.
as wes GET /api/v1/children/C2/photo; code 403
as man GET /api/v1/children/C2/photo; code 403
as coo GET /api/v1/children/C2/photo; code 200
as ann GET /api/v1/children/C1/photo; code 403
as ann GET /api/v1/children/C1/profile; code 403
as adm GET /api/v1/children/C1/photo; code 403
as pol GET /api/v1/children/C6/photo; code 403; has 'not missing now' "$BODY"
as pol GET /api/v1/children/C6/profile; code 403
as pol GET /api/v1/children/C6/profile/print; code 403
as pol GET /api/v1/children/C1/photo; code 200
as pol GET /api/v1/children/C2/photo; code 200   # missing now (E2), another team: police see it
as pol GET /api/v1/children/C9/photo; code 404
as wes GET /api/v1/children/C6/photo; code 200
as adm GET "/api/v1/audit?user=pol&action=view_refused"; code 200; has '"record_id": "C6"' "$BODY"
has '"detail": "missing profile"' "$BODY"
# The printable page: one A4 page of HTML with the photograph in it, its
# own CSP (its style, the data: image; nothing else), audited as a print.
curl -s -b "$WORK/jar-pol" -o "$WORK/print.html" -D "$WORK/headers" "$base/api/v1/children/C1/profile/print"
has "Content-Type: text/html; charset=utf-8" "$(cat "$WORK/headers")"
has "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'" "$(cat "$WORK/headers")"
has "data:image/png;base64,$(base64 -w0 "$WORK/face.png")" "$(cat "$WORK/print.html")"
has "@page{size:A4" "$(cat "$WORK/print.html")"; hasnt "<script" "$(cat "$WORK/print.html")"
as adm GET "/api/v1/audit?user=pol&action=print"; code 200; has '"detail": "missing profile as html (A4 page)"' "$BODY"
# The profiles of the children missing now: police liaison every one, a
# worker their team's.
as pol GET /api/v1/profiles/missing; code 200; has '"child_id": "C1"' "$BODY"; has '"child_id": "C2"' "$BODY"
hasnt '"child_id": "C6"' "$BODY"; has '"listed_because": "missing_now"' "$BODY"
as wes GET /api/v1/profiles/missing; code 200; has '"child_id": "C1"' "$BODY"; hasnt '"child_id": "C2"' "$BODY"
# Sent to the police: for the open episode, audited with who sent it.
change wes POST /api/v1/children/C1/profile/send '{"to": "PC 12 Smith, by email"}'
code 201; has '"episode_id": "E1"' "$BODY"
change wes POST /api/v1/children/C6/profile/send '{"to": "PC 12 Smith"}'; code 409; has 'not missing now' "$BODY"
change wes POST /api/v1/children/C1/profile/send '{"to": ""}'; code 422; has '"field": "to"' "$BODY"
change wes POST /api/v1/children/C1/profile/send '{"to": "x", "cc": "y"}'; code 400
change wes POST /api/v1/children/C2/profile/send '{"to": "PC 12"}'; code 403
as adm GET "/api/v1/audit?action=profile_sent"; code 200; has '"user": "wes"' "$BODY"
has 'missing profile sent to the police for episode E1, police reference MP/1: PC 12 Smith, by email' "$BODY"

# ---- episodes ----
as coo GET "/api/v1/episodes?open=1"; code 200; has '"E1"' "$BODY"; has '"E2"' "$BODY"
as wes GET "/api/v1/episodes"; code 200; has '"E1"' "$BODY"; hasnt '"E2"' "$BODY"
as coo GET "/api/v1/episodes?kind=sideways"; code 400; has '"field": "kind"' "$BODY"
as ann GET "/api/v1/episodes"; code 200
hasnt '"C1"' "$BODY"; hasnt 'MP/1' "$BODY"; has '"child_id": "P' "$BODY"
p1=$(printf '%s' "$BODY" | grep -o '"child_id": "P[0-9a-f]*"' | head -1)
as ann GET "/api/v1/episodes"; has "$p1" "$BODY"   # the same pseudonym every time
as ann GET "/api/v1/episodes?child_id=C1"; code 403
as ann GET /api/v1/episodes/E1; code 403
as coo GET /api/v1/episodes/E1; code 200; has '"rhi"' "$BODY"; has '"pattern"' "$BODY"
as wes GET /api/v1/episodes/E2; code 403
change wes PATCH /api/v1/episodes/E1 '{"risk": "medium"}'; code 200; has '"risk": "medium"' "$BODY"
change wes PATCH /api/v1/episodes/E1 '{"child_id": "C2"}'; code 422; has '"field": "child_id"' "$BODY"
change wes PATCH /api/v1/episodes/E1 '{"risk": "purple"}'; code 422; has '"field": "risk"' "$BODY"
change coo POST /api/v1/returns '{"episode_id": "E1", "at": "2017-04-04 09:00", "found_location": "Park"}'
code 200; has '"rhi": {' "$BODY"; has '"due": "2017-04-07T09:00:00+01:00"' "$BODY"
# Returned, and the profile was sent to the police: they keep it for 7
# days after the return (police_profile_days). E1 came back in 2017: gone.
as pol GET /api/v1/children/C1/photo; code 403
yesterday=$(TZ=Europe/London date -d yesterday '+%Y-%m-%d')   # noon and 18:00 always exist
"$HW" child add C7 --first-name Gil --team CiC >/dev/null
"$HW" episode report E7 --child-id C7 --last-seen "$yesterday 12:00" --police-ref MP/7 >/dev/null
"$HW" profile photo C7 --file "$WORK/face.png" >/dev/null
change wes POST /api/v1/children/C7/profile/send '{"to": "control room"}'; code 201
"$HW" episode return E7 --at "$yesterday 18:00" >/dev/null
as pol GET /api/v1/children/C7/photo; code 200
as pol GET /api/v1/profiles/missing; code 200; has '"listed_because": "sent_to_police"' "$BODY"
hasnt '"child_id": "C1"' "$BODY"

# ---- the interview: decided, offered, attempted, completed ----
change wes POST /api/v1/interviews '{"child_id": "C2", "episode_ids": ["E2"], "decision": "required"}'; code 403
change wes POST /api/v1/interviews '{"child_id": "C1", "episode_ids": ["E1"], "decision": "required", "decision_reason": "over 9 hours"}'
code 201; has '"interview_id": "I-E1"' "$BODY"; has '"decided_by": "wes"' "$BODY"
change wes POST /api/v1/interviews '{"child_id": "C1", "episode_ids": ["E1"], "decision": "maybe"}'
code 422; has '"field": "decision"' "$BODY"
change wes PATCH /api/v1/interviews/I-E1 '{"offered": "2017-04-05 10:00"}'; code 200; has '"outcome": "pending"' "$BODY"
change wes POST /api/v1/attempts '{"interview_id": "I-E1", "at": "2017-04-05 10:00", "face_to_face": true, "outcome": "seen"}'
code 201; has '"seq": 1' "$BODY"
change wes POST /api/v1/attempts '{"interview_id": "I-E1", "at": "2017-04-05 10:00", "face_to_face": "yes", "outcome": "seen"}'
code 422; has '"field": "face_to_face"' "$BODY"
change wes PATCH /api/v1/interviews/I-E1 '{"completed": "2017-04-06 15:00", "conducted_by": "independent", "shared_with_police": "2017-04-07"}'
code 200; has '"outcome": "completed"' "$BODY"
as wes GET /api/v1/interviews/I-E1; code 200; has '"in_timescale": true' "$BODY"; has '"attempts": [' "$BODY"
as wes GET "/api/v1/history?type=interview&id=I-E1"; code 200; has '"field": "completed"' "$BODY"
as wes GET "/api/v1/history?type=pets&id=I-E1"; code 400; has '"field": "type"' "$BODY"
"$HW" interview add I2 --child-id C2 --episode-ids E2 --decision required >/dev/null
as pol GET /api/v1/interviews; code 200; has '"I-E1"' "$BODY"; hasnt '"I2"' "$BODY"
as pol GET /api/v1/interviews/I2; code 403
as pol GET /api/v1/interviews/I-E1; code 200
change pol PATCH /api/v1/interviews/I-E1 '{"risks": "x"}'; code 403
as pol GET /api/v1/children/C1; code 403

# ---- actions, the dashboard, the outbox ----
change wes POST /api/v1/actions '{"episode_id": "E1", "action": "safe_well_check", "outcome": "done", "at": "2017-04-04 10:00"}'
code 201
# E1 was reported at high risk: the UK Missing Persons Bureau and CEOP are
# due from last seen (003 7.1), recorded through the same route.
as wes GET /api/v1/episodes/E1; code 200
has '"action": "missing_persons_bureau"' "$BODY"; has '"action": "ceop"' "$BODY"
change wes POST /api/v1/actions '{"episode_id": "E1", "action": "ceop", "outcome": "done", "at": "2017-04-03 22:30"}'
code 201
as wes GET /api/v1/episodes/E1; code 200
printf '%s' "$BODY" | grep -A6 '"action": "ceop"' | grep -q '"status": "done"' || fail "ceop not done: $BODY"; pass
change wes POST /api/v1/actions '{"episode_id": "E1", "action": "nrm_referral", "outcome": "done"}'
code 422; has "does not call for nrm_referral" "$BODY"   # C1 is not flagged trafficked
as wes GET /api/v1/dashboard; code 200; has '"counts": {' "$BODY"; has '"team": "CiC"' "$BODY"
as coo GET "/api/v1/dashboard?team=Assessment"; code 200; has '"E2"' "$BODY"; hasnt '"E1"' "$BODY"
as wes GET "/api/v1/dashboard?team=Assessment"; code 403
as ann GET /api/v1/dashboard; code 403
as coo GET /api/v1/outbox; code 200; has '"notifications": [' "$BODY"
as coo GET "/api/v1/due?format=csv"; code 200
as adm GET "/api/v1/audit?user=coo&action=export"; code 200; has '"detail": "due list"' "$BODY"
as coo GET "/api/v1/outbox?status=sideways"; code 400
as man GET /api/v1/outbox; code 403

# ---- import uploads: all or nothing, every row error returned ----
printf 'child_id,first_name,date_of_birth\nC8,Dee,2012-01-01\nC9,Eve,2012-13-01\nC10,Fay,tomorrow\n' >"$WORK/bad.csv"
as coo POST /api/v1/import/children -H "X-CSRF-Token: $CSRF_coo" -H 'Content-Type: text/csv' --data-binary @"$WORK/bad.csv"
code 422; has '"bad_rows": 2' "$BODY"
has '"line": 3, "column": "date_of_birth", "value": "2012-13-01", "message": "column date_of_birth:' "$BODY"
has '"value": "2012-13-01"' "$BODY"
has '"line": 4' "$BODY"
as coo GET /api/v1/children/C8; code 404   # nothing was imported
sed -i 's/2012-13-01/2012-12-01/; s/tomorrow/2012-02-02/' "$WORK/bad.csv"
as coo POST /api/v1/import/children -H "X-CSRF-Token: $CSRF_coo" -H 'Content-Type: text/csv' --data-binary @"$WORK/bad.csv"
code 200; has '"added": 3' "$BODY"
as coo POST /api/v1/import/pets -H "X-CSRF-Token: $CSRF_coo" --data-binary @"$WORK/bad.csv"; code 404
as man POST /api/v1/import/children -H "X-CSRF-Token: $CSRF_man" --data-binary @"$WORK/bad.csv"; code 403
# Periods of care: the same all-or-nothing upload.
printf 'child_id,decom,dec,rec
C8,2016-01-01,,
C9,2016-02-30,,
C10,2016-03-01,2016-02-01,E8
' >"$WORK/periods.csv"
as coo POST /api/v1/import/care-periods -H "X-CSRF-Token: $CSRF_coo" -H 'Content-Type: text/csv' --data-binary @"$WORK/periods.csv"
code 422; has '"bad_rows": 2' "$BODY"
has '"line": 3, "column": "decom", "value": "2016-02-30"' "$BODY"
has '"line": 4, "column": "dec", "value": null, "message": "column dec: 2016-02-01 is before decom 2016-03-01"' "$BODY"
same "$(sqlite3 "$HOMEWARD_DB" 'SELECT count(*) FROM care_periods')" 0
sed -i 's/2016-02-30/2016-02-20/; s/2016-02-01,E8/2016-04-01,E8/' "$WORK/periods.csv"
as coo POST /api/v1/import/care-periods -H "X-CSRF-Token: $CSRF_coo" -H 'Content-Type: text/csv' --data-binary @"$WORK/periods.csv"
code 200; has '"rows": 3, "added": 3, "changed": 0, "unchanged": 0' "$BODY"
same "$(sqlite3 "$HOMEWARD_DB" "SELECT group_concat(child_id || ':' || decom, ' ') FROM care_periods")" \
  "C10:2016-03-01 C8:2016-01-01 C9:2016-02-20"
as man POST /api/v1/import/care-periods -H "X-CSRF-Token: $CSRF_man" --data-binary @"$WORK/periods.csv"; code 403

# ---- reports in every format ----
as ann GET /api/v1/reports; code 200; has '"id": "monthly"' "$BODY"; has '"xlsx"' "$BODY"
as ann GET "/api/v1/reports/monthly?from=2017-04&to=2017-04&format=xlsx" -D "$WORK/headers"
code 200; grep -qi 'Content-Disposition: attachment; filename=".*\.xlsx"' "$WORK/headers" || fail "no download name"; pass
has "PK" "${BODY:0:2}"
as ann GET "/api/v1/reports/monthly?from=2017-04&to=2017-04&format=html"; code 200; has "<table" "$BODY"
as ann GET "/api/v1/reports/monthly?from=2017-04&to=2017-04&format=pdf"; code 400; has '"field": "format"' "$BODY"
as wes GET "/api/v1/reports/monthly?from=2017-04&to=2017-04"; code 403
# The analyses: analysts see the top children by pseudonym, unnamed.
as coo GET "/api/v1/reports/annual?year=2017-18&section=persistent"; code 200
has '"child": "C1"' "$BODY"; has '"name": "Amy Stone"' "$BODY"
as ann GET "/api/v1/reports/annual?year=2017-18&section=persistent"; code 200
has '"id": "top_children"' "$BODY"; hasnt '"C1"' "$BODY"; hasnt 'Amy' "$BODY"; has '"child": "P' "$BODY"
hasnt '"name"' "$BODY"; has '"title": "Child (pseudonym)"' "$BODY"
as ann GET "/api/v1/reports/quarterly?year=2017-18&quarter=1&format=xlsx" -D "$WORK/headers"; code 200
grep -qi 'filename="quarterly-analysis-2017-18-q1.xlsx"' "$WORK/headers" || fail "no download name"; pass
as ann GET "/api/v1/reports/quarterly?year=2017-18&quarter=5"; code 400; has '"field": "quarter"' "$BODY"
as ann GET "/api/v1/reports/annual?year=2017"; code 400; has '"field": "year"' "$BODY"
as ann GET "/api/v1/reports/annual?year=2017-18&section=nope"; code 400; has '"field": "section"' "$BODY"

# ---- the scorecard and the action plans ----
as ann GET "/api/v1/reports/scorecard?year=2017-18&to_month=2017-04"; code 200
has '"sections": [' "$BODY"; has '"period": "2017-18, April' "$BODY"
as ann GET "/api/v1/reports/scorecard?year=2017-18&to_month=2018-05"; code 400; has '"field": "to_month"' "$BODY"
as ann GET "/api/v1/reports/scorecard?year=2017-18&to_month=2017-04&format=xlsx" -D "$WORK/headers"; code 200
grep -qi 'Content-Disposition: attachment' "$WORK/headers" || fail "no download"; pass
printf 'Ref,Priority 6,Outcome,Action,Lead,Time,RAG Initial\n1,Access,,Ensure tracking,Janet,Jan-18,1\n2,,,Offer every child,Janet,31 Dec 2017,Z\n' >"$WORK/plan.csv"
as man POST "/api/v1/action-plans/import?plan=P6" -H "X-CSRF-Token: $CSRF_man" -H 'Content-Type: text/csv' --data-binary @"$WORK/plan.csv"
code 422; has '"errors": [' "$BODY"; has 'plan.csv:3' "$BODY"
sed -i 's/,Z$/,2/' "$WORK/plan.csv"
as man POST "/api/v1/action-plans/import?plan=P6" -H "X-CSRF-Token: $CSRF_man" -H 'Content-Type: text/csv' --data-binary @"$WORK/plan.csv"
code 200; has '"added": 2' "$BODY"
change man POST /api/v1/action-plans/ratings '{"plan": "P6", "ref": "1", "rag": "green", "on": "2018-01-01", "note": "tracking in place"}'
code 201; has '"recorded": true' "$BODY"
change man POST /api/v1/action-plans/ratings '{"plan": "P6", "ref": "9", "rag": "green", "on": "2018-01-01"}'
code 404; has '"field": "ref"' "$BODY"
change man POST /api/v1/action-plans/ratings '{"plan": "P6", "ref": "1", "rag": "purple", "on": "2018-01-01"}'
code 422; has '"field": "rag"' "$BODY"
# Not for a day still to come.
change man POST /api/v1/action-plans/ratings '{"plan": "P6", "ref": "1", "rag": "red", "on": "2099-01-01"}'
code 422; has '"field": "on"' "$BODY"; has 'the rating date 2099-01-01 is after today' "$BODY"
as ann GET "/api/v1/reports/plans?plan=P6&date=2018-02-01"; code 200; has '"Ensure tracking"' "$BODY"
as ann GET "/api/v1/reports/plans?plan=Nope"; code 404
as adm GET "/api/v1/audit?action=change&limit=50"; code 200; has 'P6 1 rated green' "$BODY"

# ---- the statutory exports: the coordinator only, audited ----
as coo GET "/api/v1/exports/ssd-missing?from=2017-04-01&to=2017-04-30" -D "$WORK/headers"; code 200
has "miss_table_id" "$BODY"; has "E1" "$BODY"
grep -qi 'filename="ssd-missing.csv"' "$WORK/headers" || fail "no download name"; pass
as coo GET "/api/v1/exports/annex-a-missing?at=2017-05-01&format=xlsx"; code 200; has "PK" "${BODY:0:2}"
as coo GET "/api/v1/exports/annex-a-missing?at=2017-02-30"; code 400; has '"field": "at"' "$BODY"
as coo GET "/api/v1/exports/ssd-missing?from=2017-05-01&to=2017-04-01"; code 400
as coo GET "/api/v1/exports/ssd-missing?format=html"; code 400; has '"field": "format"' "$BODY"
as adm GET "/api/v1/audit?action=export&user=coo"; code 200; has '"detail": "ssd-missing"' "$BODY"

# ---- users, tokens and the audit log: admins only ----
as coo GET /api/v1/users; code 403
as adm GET /api/v1/users; code 200; has '"user": "wes"' "$BODY"
change adm POST /api/v1/users '{"user": "new", "role": "worker", "team": "CiC", "password": "short"}'
code 422; has '"field": "password"' "$BODY"
change adm POST /api/v1/users '{"user": "new", "role": "worker", "password": "long enough password"}'
code 422; has '"field": "team"' "$BODY"
change adm POST /api/v1/users '{"user": "new", "role": "wizard", "password": "long enough password"}'
code 422; has '"field": "role"' "$BODY"
change adm POST /api/v1/users '{"user": "new", "role": "worker", "team": "CiC", "password": "long enough password"}'
code 201
change adm POST /api/v1/users '{"user": "new", "role": "worker", "team": "CiC", "password": "long enough password"}'
code 409
change adm PATCH /api/v1/users/wes '{"disabled": true}'; code 200
as wes GET /api/v1/me; code 401
change adm PATCH /api/v1/users/adm '{"disabled": true}'; code 409
change adm POST /api/v1/tokens '{"user": "pol", "scope": "notifications"}'; code 201
token=$(printf '%s' "$BODY" | sed 's/.*"token": "\([0-9a-f]*\)".*/\1/')
req POST /api/v1/episodes -H "Authorization: Bearer $token" --data '{"episode_id": "E9", "child_id": "C9", "kind": "missing", "last_seen": "2017-04-08 20:00"}'
code 201
req POST /api/v1/episodes -H "Authorization: Bearer $token" --data '{"episode_id": "E9", "child_id": "C9", "kind": "missing", "last_seen": "2017-04-08 20:00"}'
code 409; has '"field": "episode_id"' "$BODY"
req POST /api/v1/episodes -H "Authorization: Bearer $token" --data '{"episode_id": "E10", "child_id": "C9", "kind": "missing", "last_seen": "2099-04-08 20:00"}'
code 422; has '"field": "last_seen"' "$BODY"
as adm GET "/api/v1/audit?user=wes&limit=500"; code 200; has '"action": "view"' "$BODY"
has '"record_id": "I-E1"' "$BODY"
as adm GET "/api/v1/audit?record=C2"; code 200; has '"action": "view_refused"' "$BODY"
as adm GET "/api/v1/audit?user=ann&action=refused"; code 200; has '"detail": "GET /api/v1/children"' "$BODY"
as adm GET "/api/v1/audit?limit=0"; code 400
# ---- notices to other councils (docs/notices.md) ----
"$HW" child add O1 --first-name Olly --last-name Vale --team Placed \
  --responsible-authority "Dorset Council" >/dev/null
"$HW" --now "2017-04-03 23:00" episode report OE1 --child-id O1 --last-seen "2017-04-03 21:30" \
  --risk low >/dev/null
as coo GET /api/v1/notices; code 200
has '"kind": "reported"' "$BODY"; has '"council": "Dorset Council"' "$BODY"
has '"notice": "To: Dorset Council\n' "$BODY"; has '"sent_at": null' "$BODY"
nid=$(printf '%s' "$BODY" | grep -o '"id": [0-9]*' | head -1 | tr -dc 0-9)
as coo GET "/api/v1/notices/$nid"; code 200; has '"episode_id": "OE1"' "$BODY"
as coo GET /api/v1/notices/999999; code 404
as coo GET /api/v1/notices/x; code 404
as coo GET "/api/v1/notices?status=sideways"; code 400; has '"field": "status"' "$BODY"
change coo POST /api/v1/notices/answer "{\"id\": $nid, \"answer\": \"Noted\"}"; code 409
has "has not been sent" "$BODY"
change coo POST /api/v1/notices/send '{"id": "one"}'; code 422; has '"field": "id"' "$BODY"
change coo POST /api/v1/notices/send "{\"id\": $nid}"; code 200
has '"sent_by": "coo"' "$BODY"; has '"kind": "reported"' "$BODY"
change coo POST /api/v1/notices/send "{\"id\": $nid}"; code 409; has "already sent by coo" "$BODY"
change coo POST /api/v1/notices/answer "{\"id\": $nid, \"answer\": \"\"}"; code 422
has '"field": "answer"' "$BODY"
change coo POST /api/v1/notices/answer "{\"id\": $nid, \"answer\": \"x\", \"mood\": 1}"; code 400
change coo POST /api/v1/notices/answer \
  "{\"id\": $nid, \"answer\": \"Done\", \"interview_completed\": \"2017-04-03 23:30\"}"
code 422; has '"field": "interview_completed"' "$BODY"; has "has no return yet" "$BODY"
change coo POST /api/v1/notices/answer "{\"id\": $nid, \"answer\": \"Noted by Dorset\"}"; code 200
has '"answer": "Noted by Dorset"' "$BODY"; has '"answered_by": "coo"' "$BODY"
as coo GET "/api/v1/notices?status=all&episode_id=OE1"; code 200; has '"answered_by": "coo"' "$BODY"
as coo GET "/api/v1/notices?status=unanswered"; code 200; hasnt '"OE1"' "$BODY"
# The 72-hour notice: refused while the child is missing, for our own
# child, for no episode; made once the interview is overdue.
change coo POST /api/v1/notices '{"episode_id": "OE1"}'; code 409; has "still open" "$BODY"
change coo POST /api/v1/notices '{"episode_id": "E2"}'; code 422
change coo POST /api/v1/notices '{"episode_id": "NOPE"}'; code 404; has '"field": "episode_id"' "$BODY"
change coo POST /api/v1/returns '{"episode_id": "OE1", "at": "2017-04-04 09:00"}'; code 200
as coo GET /api/v1/episodes/OE1; code 200; has '"action": "ola_notice"' "$BODY"
change coo POST /api/v1/notices '{"episode_id": "OE1"}'; code 201
has '"kind": "rhi_overdue"' "$BODY"; has 'Subject: Return home interview for Olly Vale (O1) overdue' "$BODY"
oid=$(printf '%s' "$BODY" | grep -o '"id": [0-9]*' | head -1 | tr -dc 0-9)
change coo POST /api/v1/notices '{"episode_id": "OE1"}'; code 409
change coo POST /api/v1/notices/send "{\"id\": $oid}"; code 200
as coo GET /api/v1/episodes/OE1; code 200
printf '%s' "$BODY" | grep -A4 '"action": "ola_notice"' | grep -q '"status": "done"' || fail "ola_notice not done: $BODY"; pass
change coo POST /api/v1/notices/answer \
  "{\"id\": $oid, \"answer\": \"Done Thursday\", \"interview_completed\": \"2017-04-06 10:00\"}"
code 200; has '"interview_completed": "2017-04-06T10:00:00+01:00"' "$BODY"
# The report: back Tue 4 Apr 09:00, done Thu 10:00 = 49 hours, in time;
# the missing and 72-hour notices sent and answered at once (0 hours), the
# found notice not sent.
as man GET "/api/v1/reports/ola-interviews?from=2017-04-01&to=2017-04-30&format=csv"; code 200
has "Dorset Council,1,1,0,1,1,1,100.00,49.0,0,0,0.0" "$(printf '%s' "$BODY" | tr -d '\r')"
as coo GET "/api/v1/reports/ola-interviews?year=2017-18"; code 200; has '"child_id": "O1"' "$BODY"
as ann GET "/api/v1/reports/ola-interviews?year=2017-18"; code 200
hasnt '"O1"' "$BODY"; has '"child_id": "P' "$BODY"; has '"episode_id": "OE1"' "$BODY"
as coo GET "/api/v1/reports/ola-interviews"; code 400; has '"field": "from"' "$BODY"
as coo GET "/api/v1/reports/ola-interviews?year=2017"; code 400; has '"field": "year"' "$BODY"
as coo GET "/api/v1/reports/ola-interviews?year=2017-18&format=html"; code 200; has "<table" "$BODY"
as coo GET /api/v1/reports; code 200; has '"id": "ola-interviews"' "$BODY"
as adm GET "/api/v1/audit?action=change&limit=50"; code 200; has "notice $oid sent" "$BODY"
has "notice $nid answered" "$BODY"
as adm GET "/api/v1/audit?action=export&limit=50"; code 200; has "other councils' interviews 2017-18 as html" "$BODY"

# ---- expired sessions and throttled sign-ins ----
as man GET /api/v1/me; code 200
sqlite3 "$HOMEWARD_DB" "UPDATE sessions SET last_used_at = last_used_at - 31 * 60 WHERE user = 'man';"
as man GET /api/v1/me; code 401; has "sign in first" "$BODY"
sqlite3 "$HOMEWARD_DB" "UPDATE sessions SET created_at = created_at - 9 * 3600 WHERE user = 'coo';"
as coo GET /api/v1/me; code 401
for _ in 1 2 3 4 5; do
  req POST /api/v1/session --data '{"user": "ann", "password": "not the password at all"}'; code 401
done
req POST /api/v1/session --data '{"user": "ann", "password": "password for ann ok"}'
code 429; has "too many failed sign-ins" "$BODY"
as adm GET "/api/v1/audit?user=ann&action=signin_refused"; code 200; has '"signin_refused"' "$BODY"

as adm GET /api/v1/audit/verify; code 200; has '"intact": true' "$BODY"
sqlite3 "$HOMEWARD_DB" "DROP TRIGGER audit_kept_u; UPDATE audit SET detail = 'edited' WHERE seq = 3;"
as adm GET /api/v1/audit/verify; code 200; has '"intact": false' "$BODY"
expect 1 audit verify

done_checks
