# Helpers for black-box tests of the homeward binary. Source it; $HW is the binary.
set -euo pipefail
HW=$(realpath "${1:?usage: test.sh PATH-TO-HOMEWARD}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export HOMEWARD_DB="$WORK/test.db"
unset HOMEWARD_CONFIG HOMEWARD_NOW HOMEWARD_ROUTING HOMEWARD_REASONS HOMEWARD_NOTICES
export HOMEWARD_USER=e2e
checks=0

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); }

# expect STATUS CMD...: runs homeward, keeps stdout in $OUT and stderr in $ERR.
expect() {
  local want=$1; shift
  set +e
  "$HW" "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  set -e
  OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err")
  [ "$got" -eq "$want" ] || fail "homeward $* exited $got, expected $want
stdout: $OUT
stderr: $ERR"
  pass
}

# has TEXT HAYSTACK: the haystack contains the text.
has() { case "$2" in *"$1"*) pass ;; *) fail "expected to find: $1
in: $2" ;; esac; }
hasnt() { case "$2" in *"$1"*) fail "did not expect: $1
in: $2" ;; *) pass ;; esac; }
same() { [ "$1" = "$2" ] || fail "expected: $2
got:      $1"; pass; }
done_checks() { echo "$checks checks passed"; }

# ---- the HTTP server ----

# start_server [serve options...]: starts `homeward serve` on a free
# loopback port; sets $base, $pid and the access log $WORK/server.log.
start_server() {
  pid=""
  : >"$WORK/server.log"
  for _ in $(seq 20); do
    port=$((20000 + RANDOM % 20000))
    "$HW" serve --listen "127.0.0.1:$port" "$@" 2>"$WORK/server.log" &
    pid=$!
    for _ in $(seq 50); do
      grep -q "serving on" "$WORK/server.log" 2>/dev/null && break
      kill -0 $pid 2>/dev/null || break
      sleep 0.1
    done
    grep -q "serving on" "$WORK/server.log" && break
    wait $pid 2>/dev/null || true
  done
  grep -q "serving on" "$WORK/server.log" || fail "the server did not start: $(cat "$WORK/server.log")"
  trap '[ -z "${pid:-}" ] || kill "$pid" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  base="http://127.0.0.1:$port"
}

# req METHOD PATH [curl args...]: sets CODE and BODY; cookies in $JAR
# (default $WORK/jar).
req() {
  local method=$1 path=$2 jar=${JAR:-$WORK/jar}; shift 2
  BODY=$(curl -s -o - -w '\n%{http_code}' -X "$method" -b "$jar" -c "$jar" "$@" "$base$path")
  CODE=${BODY##*$'\n'}; BODY=${BODY%$'\n'*}
  pass
}
code() { [ "$CODE" = "$1" ] || fail "expected HTTP $1, got $CODE: $BODY"; pass; }
