#!/usr/bin/env bash
# The missing profile through the real binary: set only the fields given,
# the photograph judged by its bytes, show in every format (each audited
# with who, when and where to), the record of a send to the police, and
# every refusal changing nothing.
source "$(dirname "$0")/lib.bash"

# A real PNG of one red pixel (69 bytes); the first bytes of a JPEG (enough:
# a photograph is judged by its magic bytes); a GIF, also under a JPEG's name.
printf '\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x38\xa3\xa4\x04\x00\x02\xce\x01\x11\x5a\xea\x98\x59\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82' > face.png
printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01' > face.jpg
printf 'GIF89a\x01\x00\x01\x00' > face.gif
cp face.gif face-renamed.jpg
: > empty.png
head -c 4000 /dev/zero > big.bin && cat face.png big.bin > big.png   # a PNG of 4,069 bytes

# ---- help ----
expect 0 help profile
has "set" "$OUT"; has "photo" "$OUT"; has "show" "$OUT"; has "send" "$OUT"
expect 0 profile set --help
has "--social-media TEXT" "$OUT"; has "--places-found TEXT" "$OUT"; has "(600 bytes, 6 lines)" "$OUT"
expect 0 profile show --help
has "--format FORMAT" "$OUT"; has "html: one printable A4 page" "$OUT"
expect 0 --help
has "profile set" "$OUT"; has "profile photo" "$OUT"

# ---- the child and their episodes ----
expect 0 child add C1 --first-name Amy --last-name Stone --date-of-birth 2005-06-01 --gender Female \
  --team CiC --worker "Sam Patel" --placement-type foster --placement-name "Oak House" --flags "cse;trafficking"
expect 0 child add C2 --first-name Ben --last-name Hill --team CiC
# GMT to BST: 22:00 on 25 March to 10:00 on 26 March 2017 is 11 hours.
expect 0 --now "2017-03-25 23:00" episode report E1 --child-id C1 --last-seen "2017-03-25 22:00" \
  --risk medium --with-children C2 --missing-from-type foster --missing-from-name "Oak House"
expect 0 --now "2017-03-26 11:00" episode return E1 --at "2017-03-26 10:00" --found-location "Bus station"
# BST to GMT: 20:00 on 28 October to 08:00 on 29 October 2017 is 13 hours.
expect 0 --now "2017-10-28 21:00" episode report E2 --child-id C1 --last-seen "2017-10-28 20:00"
expect 0 --now "2017-10-29 09:00" episode return E2 --at "2017-10-29 08:00"

# ---- set: only the fields given change ----
export HOMEWARD_NOW="2017-11-01 09:00"
expect 0 --user wes profile set C1 --description "5'4\", slim, fair hair" --mobile $'07700 900123\n07700 900456'
same "$OUT" "Missing profile of C1 written: description, mobile."
expect 0 --user man profile set C1 --risks "CSE: older men in cars" --mobile ""
same "$OUT" "Missing profile of C1 updated: mobile, risks."
expect 0 --user man profile set C1 --risks "  CSE: older men in cars  "
same "$OUT" "Nothing changed in the missing profile of C1."
expect 0 child history C1
has "profile.description" "$OUT"; has "profile.risks" "$OUT"
has "wes   cli     profile.mobile" "$OUT"

# Refusals name what is wrong and change nothing.
before=$("$HW" child history C1 --format json)
expect 1 --user wes profile set C1 --medical $'a\nb\nc\nd\ne' --description "changed"
has "--medical: at most 4 lines, got 5 (the profile prints on one A4 page)" "$ERR"
expect 1 --user wes profile set C1 --risks "$(head -c 601 /dev/zero | tr '\0' r)"
has "--risks: " "$ERR"; has "text is longer than 600 bytes" "$ERR"
expect 1 --user wes profile set C9 --risks "x"
has "no child C9 is recorded" "$ERR"
expect 1 --user wes profile set C1
has "give at least one field" "$ERR"
HOMEWARD_USER= expect 1 profile set C1 --risks "x"
has "--user" "$ERR"
expect 1 --user wes profile set C1 --shoe-size 5
has "unknown option --shoe-size" "$ERR"
same "$("$HW" child history C1 --format json)" "$before"

# ---- the photograph: JPEG or PNG by its bytes, within the limit ----
expect 0 --user wes profile photo C1 --file face.png
same "$OUT" "Photograph of C1 stored (image/png, $(stat -c %s face.png) bytes)."
expect 1 --user wes profile photo C1 --file face.gif
has "--file face.gif: the photograph is not a JPEG or PNG image (it looks like a GIF image)" "$ERR"
expect 1 --user wes profile photo C1 --file face-renamed.jpg
has "(it looks like a GIF image)" "$ERR"
expect 1 --user wes profile photo C1 --file empty.png
has "the photograph is empty (0 bytes)" "$ERR"
expect 1 --user wes profile photo C1 --file missing.png
has "--file: cannot read missing.png" "$ERR"
expect 1 --user wes profile photo C1
has "--file is required" "$ERR"
printf 'photo_max_bytes = 2048\n' > small.conf
expect 1 --config small.conf --user wes profile photo C1 --file big.png
has "the photograph is 4,069 bytes (4 KiB): the limit is 2,048 bytes (2 KiB)" "$ERR"
expect 1 --user wes profile photo C9 --file face.png
has "no child C9 is recorded" "$ERR"
expect 0 child history C1 --format json
same "$(printf '%s' "$OUT" | grep -c '"profile.photo"')" 1
expect 0 --user man profile photo C1 --file face.jpg
same "$OUT" "Photograph of C1 replaced (image/jpeg, 12 bytes)."
expect 0 child history C1
has "man   cli     profile.photo        image/png, $(stat -c %s face.png) bytes, sha256 $(sha256sum face.png | cut -c1-64)" "$OUT"
has "image/jpeg, 12 bytes, sha256 $(sha256sum face.jpg | cut -c1-64)" "$OUT"
expect 0 --user man profile photo C1 --file face.png

# ---- show: text, JSON, one A4 page; each audited ----
export HOMEWARD_NOW="2017-11-21 01:15"
expect 0 --user pc profile show C1
has "MISSING PROFILE: Amy Stone (C1)" "$OUT"
has "Date of birth          1 Jun 2005 (age 12)" "$OUT"
has "Risk flags             Child sexual exploitation; Trafficked" "$OUT"
has "Previous absences (2), newest first" "$OUT"
# row N: the Nth absence's line, its spaces squeezed.
row() { printf '%s\n' "$OUT" | grep -A9 '^Previous absences' | grep '^[0-9]' | sed -n "$1p" | tr -s ' '; }
same "$(row 1)" "28 Oct 2017 20:00 29 Oct 2017 08:00 13 h Missing Foster care: Oak House "
same "$(row 2)" "25 Mar 2017 22:00 26 Mar 2017 10:00 11 h Missing Foster care: Oak House Bus station Ben Hill (C2)"
has "Ben Hill (C2)" "$OUT"
has "Specific risks
  CSE: older men in cars" "$OUT"
hasnt "MISSING NOW" "$OUT"
expect 0 --user pc profile show C1 --format json
json=$OUT
has '"minutes": 780' "$json"; has '"minutes": 660' "$json"
has '"last_seen": "2017-10-28T20:00:00+01:00"' "$json"; has '"returned": "2017-10-29T08:00:00+00:00"' "$json"
has '"missing_now": null' "$json"; has '"age": 12' "$json"
has '"content_type": "image/png"' "$json"
expect 0 --user pc profile show C1 --format html --out amy.html
has "amy.html: the missing profile (html," "$OUT"
page=$(cat amy.html)
has "@page{size:A4;margin:10mm}" "$page"
has "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"" "$page"
has "src=\"data:image/png;base64,$(base64 -w0 face.png)\"" "$page"
hasnt "<script" "$page"
expect 1 --user pc profile show C1 --format csv
has "--format: expected text, json or html, got 'csv'" "$ERR"
HOMEWARD_USER= expect 1 profile show C1
has "homeward profile show is audited" "$ERR"
expect 1 --user pc profile show C9
has "no child C9 is recorded" "$ERR"
expect 0 audit list --user pc
has "export  child C1  missing profile as text" "$OUT"
has "export  child C1  missing profile as json" "$OUT"
has "print   child C1  missing profile as html to amy.html" "$OUT"
has "(3 entries)" "$OUT"     # the refused ones were not audited

# Printed by Chromium: one A4 page, with the name and the absences on it.
if [ -x /usr/bin/chromium ] && command -v pdfinfo >/dev/null; then
  timeout 120 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-pdf-header-footer \
    --user-data-dir="$WORK/chromium" --print-to-pdf="$WORK/amy.pdf" "file://$WORK/amy.html" \
    >"$WORK/chromium.log" 2>&1 || fail "chromium could not print the profile: $(cat "$WORK/chromium.log")"
  has "Pages:           1" "$(pdfinfo "$WORK/amy.pdf")"
  has "pts (A4)" "$(pdfinfo "$WORK/amy.pdf")"
  has "Amy Stone" "$(pdftotext "$WORK/amy.pdf" -)"
else
  echo "chromium or pdfinfo is not installed: the printed page was not checked"
fi

# ---- missing now, and sent to the police ----
expect 1 --user wes profile send C1 --to "PC 12 Smith"
has "child C1 is not missing now: the profile is sent to the police for an open episode" "$ERR"
expect 0 --now "2017-11-20 21:30" episode report E3 --child-id C1 --last-seen "2017-11-20 21:00" \
  --risk high --police-ref MP/26/1234
expect 1 --user wes profile send C1
has "--to is required" "$ERR"
expect 1 --user wes profile send C1 --to $'PC 12\nSmith'
has "--to: one line only" "$ERR"
expect 0 --user wes profile send C1 --to "PC 12 Smith, by email"
same "$OUT" "The missing profile of C1 is recorded as sent to the police for episode E3 (PC 12 Smith, by email)."
expect 0 --user pc profile show C1
has "MISSING NOW since 20 Nov 2017 21:00 (4 h 15 min), episode E3, high risk, police reference MP/26/1234, missing from Foster care: Oak House." "$OUT"
has "Sent to the police     21 Nov 2017 01:15 by wes to PC 12 Smith, by email" "$OUT"
has "Previous absences (2)" "$OUT"   # the open episode is not a previous absence
expect 0 audit list --action profile_sent
has "wes   profile_sent  child C1  missing profile sent to the police for episode E3, police reference MP/26/1234: PC 12 Smith, by email" "$OUT"
expect 0 audit verify
done_checks
