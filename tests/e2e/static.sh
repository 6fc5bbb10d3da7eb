#!/usr/bin/env bash
# The browser UI's pages, over loopback with curl: the embedded copy of web/
# (byte for byte, with its ETag and 304), index.html for client-side routes,
# content types, 404 and 405 as small pages, the security headers, `--web DIR`
# (edits seen at once, '..' and escapes by symbolic link refused), the access
# log, and the serve options' checks.
web=$(realpath "$(dirname "$0")/../../web")
source "$(dirname "$0")/lib.bash"

# start [ARGS...]: starts the server on a free loopback port; sets pid, base.
start() { start_server --threads 2 "$@"; }
stop() {
  kill -TERM "$pid"
  wait "$pid" || fail "the server did not stop cleanly: $(cat "$WORK/server.log")"
  pass
  cp "$WORK/server.log" "$WORK/server-$1.log"
}

# get [curl args...] PATH: sets CODE, HEAD (the headers) and keeps the body in $WORK/body.
get() {
  local path=${*: -1}
  LAST="$path"
  rm -f "$WORK/body" "$WORK/headers"
  touch "$WORK/body" # curl writes no file for an empty body
  CODE=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "${@:1:$#-1}" "$base$path")
  HEAD=$(tr -d '\r' <"$WORK/headers")
  BODY=$(tr -d '\0' <"$WORK/body")
  pass
}
code() { [ "$CODE" = "$1" ] || fail "$LAST: expected HTTP $1, got $CODE: $HEAD
$BODY"; pass; }
# header NAME: the value of a response header (case-insensitive name).
header() { printf '%s\n' "$HEAD" | sed -n "s/^$1: //Ip" | head -1; }
csp="default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

printf 'correct horse battery\n' | "$HW" user add amy --role coordinator --password-stdin >/dev/null

# ---- The embedded copy -------------------------------------------------
start

get /; code 200
same "$(header Content-Type)" "text/html; charset=utf-8"
same "$(header Cache-Control)" "no-cache"
same "$(header Content-Security-Policy)" "$csp"
same "$(header X-Frame-Options)" "DENY"
same "$(header X-Content-Type-Options)" "nosniff"
same "$(header Referrer-Policy)" "no-referrer"
has "<title>" "$BODY"
cmp -s "$WORK/body" "$web/index.html" || fail "/ is not web/index.html"; pass
cp "$WORK/body" "$WORK/index"
etag=$(header ETag)
case "$etag" in \"?*\") pass ;; *) fail "not a quoted ETag: '$etag'" ;; esac
# The ETag is the SHA-256 of the bytes (its first 32 hex digits).
same "$etag" "\"$(sha256sum "$web/index.html" | cut -c1-32)\""

# Client-side routes get index.html, so the single-page app can route.
for route in /children/C123 /dashboard /episodes/E1/ /a/b/c; do
  get "$route"; code 200
  cmp -s "$WORK/body" "$WORK/index" || fail "$route is not index.html"; pass
  same "$(header ETag)" "$etag"
done
get /index.html; code 200; same "$(header ETag)" "$etag"

# HEAD: the headers, no body (curl -I writes the headers where the body goes).
get -I /; code 200; hasnt "<title>" "$BODY"
same "$(header Content-Length)" "$(wc -c <"$web/index.html" | tr -d ' ')"

# The browser's copy is current: 304, no body; any other ETag: the page.
get -H "If-None-Match: $etag" /; code 304; same "$BODY" ""; same "$(header ETag)" "$etag"
get -H "If-None-Match: \"0000\", W/$etag" /dashboard; code 304
get -H 'If-None-Match: *' /index.html; code 304
get -H 'If-None-Match: "0000"' /; code 200; has "<title>" "$BODY"

# Every file under web/ is served byte for byte, typed by its extension.
n=0
while IFS= read -r -d '' f; do
  rel=${f#"$web"}
  case "$rel" in */.*) continue ;; esac
  # (A file added or changed since the build fails here: rebuild first.)
  get "$rel"; code 200
  cmp -s "$WORK/body" "$f" || fail "$rel is not served as it is in web/ (rebuilt since?)"; pass
  same "$(header ETag)" "\"$(sha256sum "$f" | cut -c1-32)\""
  case "$rel" in
    *.html) same "$(header Content-Type)" "text/html; charset=utf-8" ;;
    *.css) same "$(header Content-Type)" "text/css; charset=utf-8" ;;
    *.js | *.mjs) same "$(header Content-Type)" "text/javascript; charset=utf-8" ;;
    *.svg) same "$(header Content-Type)" "image/svg+xml" ;;
    *.png) same "$(header Content-Type)" "image/png" ;;
    *.json) same "$(header Content-Type)" "application/json" ;;
  esac
  n=$((n + 1))
done < <(find "$web" -type f -print0)
[ "$n" -ge 1 ] || fail "no files under web/"; pass

# A missing asset: a small page, not JSON and not index.html.
get /no-such-file.js; code 404
same "$(header Content-Type)" "text/html; charset=utf-8"
same "$(header Content-Security-Policy)" "$csp"
has "Not found" "$BODY"; hasnt '"error"' "$BODY"
get /css/missing.css; code 404
# Pages are only read.
get -X POST --data 'x=1' /; code 405; same "$(header Allow)" "GET, HEAD"
has "Method not allowed" "$BODY"
get -X PUT /children/C1; code 405
get -X DELETE /index.html; code 405
get --path-as-is /../etc/passwd; code 400
get --path-as-is /%2e%2e/etc/passwd; code 400

# The API stays JSON, is never cached, and may load nothing.
get /api/v1/nowhere; code 404; has '"error"' "$BODY"
same "$(header Content-Type)" "application/json"
same "$(header Cache-Control)" "no-store"
same "$(header Content-Security-Policy)" "default-src 'none'; frame-ancestors 'none'"
same "$(header Referrer-Policy)" "no-referrer"
same "$(header X-Frame-Options)" "DENY"
get /api; code 404; has '"error"' "$BODY"
get -X POST --data '{"user": "amy", "password": "correct horse battery"}' /api/v1/session; code 200
cookie=$(header Set-Cookie)
has "HttpOnly" "$cookie"; hasnt "Secure" "$cookie"
stop embedded

# The access log: a line per page request, as for the API.
log=$(cat "$WORK/server-embedded.log")
has " - GET / 200 " "$log"
has " - GET /children/C123 200 " "$log"
has " - HEAD / 200 " "$log"
has " - GET / 304 " "$log"
has " - GET /no-such-file.js 404 " "$log"
has " - POST / 405 " "$log"
has " - GET /../etc/passwd 400 " "$log"

# ---- --secure-cookies ----------------------------------------------------
start --secure-cookies
get -X POST --data '{"user": "amy", "password": "correct horse battery"}' /api/v1/session; code 200
cookie=$(header Set-Cookie)
has "HttpOnly" "$cookie"; has "; Secure" "$cookie"
[ "$(printf '%s' "$cookie" | grep -o Secure | wc -l)" -eq 1 ] || fail "Secure twice: $cookie"; pass
stop secure

# ---- --web DIR: the files on disk ----------------------------------------
site="$WORK/site"
mkdir -p "$site/css" "$site/img" "$site/js"
printf '<!doctype html><title>Disk</title>\n' >"$site/index.html"
printf 'export const a = 1;\n' >"$site/js/app.js"
printf 'export const b = 2;\n' >"$site/js/mod.mjs"
printf 'body { margin: 0 }\n' >"$site/css/app.css"
printf '<svg xmlns="http://www.w3.org/2000/svg"/>\n' >"$site/img/logo.svg"
printf '\x89PNG\r\n\x1a\n\0\0' >"$site/img/logo.png"
printf '\0\0\1\0' >"$site/favicon.ico"
printf 'wOF2\0' >"$site/font.woff2"
printf '{"a": 1}\n' >"$site/data.json"
printf 'hello\n' >"$site/notes.txt"
printf 'blob' >"$site/data.bin"
printf 'SECRET outside the folder\n' >"$WORK/secret.txt"
ln -s ../secret.txt "$site/leak.txt"
ln -s "$WORK" "$site/up"
start --web "$site"
has "the UI comes from $site" "$(cat "$WORK/server.log")"
for pair in /:text/html /index.html:text/html /js/app.js:text/javascript \
  /js/mod.mjs:text/javascript /css/app.css:text/css /img/logo.svg:image/svg+xml \
  /img/logo.png:image/png /favicon.ico:image/x-icon /font.woff2:font/woff2 \
  /data.json:application/json /notes.txt:text/plain /data.bin:application/octet-stream; do
  get "${pair%%:*}"; code 200
  case "$(header Content-Type)" in "${pair#*:}"*) pass ;;
    *) fail "${pair%%:*}: expected ${pair#*:}, got $(header Content-Type)" ;; esac
done
get /img/logo.png; cmp -s "$WORK/body" "$site/img/logo.png" || fail "binary file changed"; pass
get /children/C1; code 200; has "<title>Disk</title>" "$BODY"
# An edit shows on the next request, with a new ETag.
get /js/app.js; old=$(header ETag)
get -H "If-None-Match: $old" /js/app.js; code 304
sleep 0.01; printf 'export const a = 2; // edited\n' >"$site/js/app.js"
get -H "If-None-Match: $old" /js/app.js; code 200; has "edited" "$BODY"
[ "$(header ETag)" != "$old" ] || fail "the ETag did not change"; pass
# Nothing outside the folder: not by '..', not by a symbolic link.
for path in /../secret.txt /js/../../secret.txt /%2e%2e/secret.txt /js/..%2f..%2fsecret.txt; do
  get --path-as-is "$path"; code 400; hasnt SECRET "$BODY"
done
get /leak.txt; code 404; hasnt SECRET "$BODY"
get /up/secret.txt; code 404; hasnt SECRET "$BODY"
get /missing.css; code 404
get -X POST /js/app.js; code 405
stop disk
has " - GET /js/app.js 304 " "$(cat "$WORK/server-disk.log")"
has " - GET /leak.txt 404 " "$(cat "$WORK/server-disk.log")"

# ---- The options' checks ----------------------------------------------------
expect 1 serve --web "$WORK/nowhere"
has "--web: '$WORK/nowhere' is not a folder" "$ERR"
expect 1 serve --web "$site/index.html"
has "is not a folder" "$ERR"
expect 1 serve --threads 0
has "--threads: expected a whole number from 1 to 64, got '0'" "$ERR"
expect 1 serve --max-connections many
has "--max-connections: expected a whole number from 1 to 1000, got 'many'" "$ERR"
expect 1 serve --max-connections 1001
has "--max-connections" "$ERR"
expect 1 serve --per-address -1
has "--per-address: expected a whole number from 1 to 1000, got '-1'" "$ERR"
expect 1 serve --max-connections 10 --per-address 20
has "--per-address: 20 is more than the connections in all (--max-connections 10)" "$ERR"
expect 0 serve --help
has "--web DIR" "$OUT"; has "--secure-cookies" "$OUT"; has "--per-address N" "$OUT"
done_checks
