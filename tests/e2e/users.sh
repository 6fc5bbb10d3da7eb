#!/usr/bin/env bash
# Users, API tokens and the audit log, through the real binary.
source "$(dirname "$0")/lib.bash"

# expect_in STATUS INPUT CMD...: as expect, with INPUT on standard input.
expect_in() {
  local want=$1 input=$2; shift 2
  set +e
  printf '%s\n' "$input" | "$HW" "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
  [ "$got" -eq "$want" ] || fail "homeward $* exited $got, expected $want
stdout: $OUT
stderr: $ERR"
  pass
}

export HOMEWARD_NOW="2017-04-05 09:00"
expect_in 0 "correct horse battery" user add amy --role worker --team "CiC 1" \
  --display-name "Amy Pond" --password-stdin
same "$OUT" "Added user amy (worker)."
hasnt "correct horse" "$OUT"
# Without --password-stdin a password is made up and shown once.
expect 0 user add police-feed --role police_liaison --team Police
has "Added user police-feed (police_liaison)." "$OUT"
pw=$(sed -n 's/^Password (shown only now): //p' "$WORK/out")
[ "${#pw}" -eq 20 ] || fail "expected a 20-character password, got '$pw'"
pass

expect_in 1 "correct horse battery" user add amy --role admin --password-stdin
same "$ERR" "homeward: user amy already exists"
expect_in 1 "short" user add ben --role worker --password-stdin
same "$ERR" "homeward: password: at least 12 characters are needed, got 5"
expect_in 1 "correct horse battery" user add "ben smith" --role worker --password-stdin
has "user name: expected 1 to 64 letters" "$ERR"
expect 1 user add ben --role king
has "--role: expected one of coordinator|team_manager|worker|analyst|police_liaison|admin" "$ERR"
HOMEWARD_USER= expect_in 1 "correct horse battery" user add ben --role worker --password-stdin
has "say who you are" "$ERR"
expect 0 codes user_roles
has "police_liaison" "$OUT"

expect 0 user list
has "amy          Amy Pond  worker          CiC 1   2017-04-05 09:00" "$OUT"
has "police-feed" "$OUT"
has "(2 users)" "$OUT"
expect 0 user list --format json
has '"user": "amy"' "$OUT"
has '"display_name": "Amy Pond"' "$OUT"
has '"disabled_at": null' "$OUT"
hasnt "argon2" "$OUT"

expect 0 token create police-feed --scope notifications
has "Created an API token for police-feed, scope notifications (shown only now):" "$OUT"
token=$(tail -n 1 "$WORK/out")
[[ "$token" =~ ^[0-9a-f]{64}$ ]] || fail "expected 64 hex characters, got '$token'"
pass
[ "$(sqlite3 "$HOMEWARD_DB" "SELECT count(*) FROM api_tokens WHERE token_hash = '$token'")" = 0 ] ||
  fail "the token is stored in the clear"
pass
expect 1 token create nobody --scope notifications
same "$ERR" "homeward: no user nobody"
expect 1 token create amy
has "--scope is required" "$ERR"

expect_in 0 "another good passphrase" user password amy --password-stdin
has "Set a new password for amy" "$OUT"
expect 0 user disable amy
has "Disabled user amy" "$OUT"
expect 1 user disable amy
same "$ERR" "homeward: user amy is already disabled"
expect 0 user list --format json
has '"disabled_at": "2017-04-05T09:00:00+01:00"' "$OUT"

expect 0 audit verify
same "$OUT" "audit log intact: 5 entries"
expect 0 audit list
has "5    2017-04-05 09:00  e2e   user_disable   user amy          ended 0 sessions, revoked 0 API tokens, via cli" "$OUT"
has "1    2017-04-05 09:00  e2e   user_add       user amy          role worker, team CiC 1, via cli" "$OUT"
has "(5 entries)" "$OUT"
expect 0 audit list --action token_create --format json
has '"record_id": "police-feed"' "$OUT"
has '"detail": "scope notifications, via cli"' "$OUT"
hasnt '"user_add"' "$OUT"
expect 0 audit list --limit 1 --format csv
has "seq,at,user,action,record_type,record_id,detail" "$OUT"
has '5,2017-04-05 09:00,e2e,user_disable,user,amy,"ended 0 sessions, revoked 0 API tokens, via cli"' "$OUT"
hasnt "user_password" "$OUT"
expect 1 audit list --limit 0
has "--limit: expected a whole number" "$ERR"

# The log refuses changes; with the trigger dropped, a change is detected.
if sqlite3 "$HOMEWARD_DB" "UPDATE audit SET detail = 'x' WHERE seq = 2" 2>/dev/null; then
  fail "the audit log accepted an update"
fi
pass
sqlite3 "$HOMEWARD_DB" "DROP TRIGGER audit_kept_u; UPDATE audit SET detail = 'role admin' WHERE seq = 2"
expect 1 audit verify
same "$ERR" "homeward: audit entry 2 does not match its hash: the log was altered"
same "$OUT" ""
done_checks
