# Helpers for black-box tests of the homeward binary. Source it; $HW is the binary.
set -euo pipefail
HW=$(realpath "${1:?usage: test.sh PATH-TO-HOMEWARD}")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export HOMEWARD_DB="$WORK/test.db"
unset HOMEWARD_CONFIG HOMEWARD_NOW HOMEWARD_ROUTING HOMEWARD_REASONS
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
