#!/usr/bin/env bash
# Who children went missing with, and groups that go missing together,
# through the real binary: `child associates` and `groups`.
source "$(dirname "$0")/lib.bash"
unix() { printf '%s' "${1//$'\r'/}"; } # CSV rows end in CRLF

# Four children at one home who go missing together, in pairs on different
# nights (004 section 4); a separate pair; one child with someone unrecorded.
expect 0 child add C1 --first-name Amy --last-name Smith
expect 0 child add C2 --first-name Ben --last-name Jones
expect 0 child add C3 --first-name Cat --last-name Brown
expect 0 child add C4 --first-name Dan
expect 0 child add P1 --first-name Eve
expect 0 child add P2 --first-name Fay
expect 0 child add S1 --first-name Gus
expect 0 child add L1 --first-name Hal
expect 0 episode add E1 --child-id C1 --kind missing --last-seen "2017-04-03 22:00" \
  --with-children "C2" --found-location "Bus station"
expect 0 episode add E2 --child-id C2 --kind missing --last-seen "2017-04-03 22:30" \
  --with-children "C1" --found-location "bus station"
expect 0 episode add E3 --child-id C2 --kind missing --last-seen "2017-04-10 21:00" \
  --with-children "C3;C4" --found-location "The Gables"
expect 0 episode add E4 --child-id C4 --kind absent --last-seen "2017-04-30 23:30" \
  --with-children "C3" --found-location "The Gables"
expect 0 episode add E5 --child-id P1 --kind missing --last-seen "2017-04-12 19:00" \
  --with-children "P2" --found-location "Home address"
expect 0 episode add E6 --child-id P2 --kind missing --last-seen "2017-05-01 00:00" \
  --with-children "P1" --found-location "Park"
expect 0 episode add E7 --child-id S1 --kind missing --last-seen "2017-04-01 00:00" \
  --with-children "X9"
expect 0 episode add E8 --child-id L1 --kind missing --last-seen "2017-04-05 20:00"
expect 1 episode add E9 --child-id C1 --kind missing --last-seen "2017-04-06 20:00" \
  --with-children "C2;C1"
has "with_children: lists the child C1 themself" "$ERR"

# A child's associates: both sides of one night are two episodes; a place
# spelt two ways is one place; others named in the same episode count.
expect 0 child associates C2
has "C2 Ben Jones went missing with 3 children (episodes last seen: any date)" "$OUT"
has "child  name       episodes  days       first        last  found at" "$OUT"
has "C1     Amy Smith         2     1  2017-04-03  2017-04-03  Bus station (2)" "$OUT"
has "C3     Cat Brown         1     1  2017-04-10  2017-04-10  The Gables (1)" "$OUT"
has "C4     Dan               1     1  2017-04-10  2017-04-10  The Gables (1)" "$OUT"
expect 0 child associates C3 --format csv
same "$(unix "$OUT")" "child_id,with_id,with_name,recorded,episodes,days,first,last,found_at
C3,C4,Dan,y,2,2,2017-04-10,2017-04-30,The Gables (2)
C3,C2,Ben Jones,y,1,1,2017-04-10,2017-04-10,The Gables (1)"
expect 0 child associates S1
has "X9     (not recorded)         1     1  2017-04-01  2017-04-01" "$OUT"
expect 0 child associates S1 --format json
has '"child_id": "X9"' "$OUT"
has '"recorded": false' "$OUT"
has '"name": null' "$OUT"
expect 0 child associates L1
same "$OUT" "L1 Hal went missing with no other child (episodes last seen: any date)."

# Ranges are local dates, both ends included: 30 April 23:30 is in April,
# 1 May 00:00 BST is not (though it is 30 April in UTC).
expect 0 child associates P1 --from 2017-04-01 --to 2017-04-30
has "with 1 child (episodes last seen from 2017-04-01 to 2017-04-30)" "$OUT"
has "P2     Fay          1     1  2017-04-12  2017-04-12  Home address (1)" "$OUT"
expect 0 child associates P1 --from 01/05/2017
has "P2     Fay          1     1  2017-05-01  2017-05-01  Park (1)" "$OUT"
expect 0 child associates C3 --to 2017-04-29 --format json
has '"to": "2017-04-29"' "$OUT"
has '"episode_ids": [
        "E3"
      ]' "$OUT"
hasnt '"E4"' "$OUT"

# Groups: connected through different episodes, largest first.
expect 0 groups --from 2017-04-01 --to 2017-04-30
has "Groups of children missing together (episodes last seen from 2017-04-01 to 2017-04-30)" "$OUT"
has "Group 1: 4 children, 4 episodes on 3 days, 2017-04-03 to 2017-04-30
Found at: Bus station (2); The Gables (2)" "$OUT"
has "C1     Amy Smith         2
C2     Ben Jones         3
C3     Cat Brown         2
C4     Dan               2" "$OUT"
has "Group 2: 2 children, 1 episode on 1 day, 2017-04-01 to 2017-04-01
Found at: not recorded" "$OUT"
has "X9     (not recorded)         1" "$OUT"
has "Group 3: 2 children, 1 episode on 1 day, 2017-04-12 to 2017-04-12" "$OUT"
has "(3 groups, 8 children)" "$OUT"
hasnt "L1" "$OUT"
hasnt "Park" "$OUT"
expect 0 groups --from 2017-04-30 --to 2017-05-01 --format csv
same "$(unix "$OUT")" "group,children,episodes,days,first,last,child_id,name,recorded,child_episodes,found_at
1,2,1,1,2017-04-30,2017-04-30,C3,Cat Brown,y,1,The Gables (1)
1,2,1,1,2017-04-30,2017-04-30,C4,Dan,y,1,The Gables (1)
2,2,1,1,2017-05-01,2017-05-01,P1,Eve,y,1,Park (1)
2,2,1,1,2017-05-01,2017-05-01,P2,Fay,y,1,Park (1)"
expect 0 groups --from 2017-04-01 --to 2017-04-30 --format json
has '"children": 4' "$OUT"
has '"episode_ids": [
        "E1",
        "E2",
        "E3",
        "E4"
      ]' "$OUT"
has '"location": "Bus station",
          "episodes": 2' "$OUT"
expect 0 groups --from 2017-06-01 --to 2017-06-30
has "No children went missing together." "$OUT"
expect 0 groups --from 2017-06-01 --to 2017-06-30 --format json
has '"groups": []' "$OUT"

# Errors.
expect 1 child associates C404
same "$ERR" "homeward: no child C404 is recorded"
expect 1 child associates X9
has "no child X9 is recorded" "$ERR"
expect 1 child associates
has "usage: homeward child associates ID" "$ERR"
expect 1 child associates C1 --from 2017-04-31
has "--from: '2017-04-31': expected a date" "$ERR"
expect 1 groups --to 2017-04-30
has "--from is required" "$ERR"
expect 1 groups --from 2017-04-01
has "--to is required" "$ERR"
expect 1 groups --from 2017-05-01 --to 2017-04-30
has "--to 2017-04-30 is before --from 2017-05-01" "$ERR"
expect 1 groups --from 2017-04-01 --to 2017-04-30 --format xml
has "--format: expected text, csv or json, got 'xml'" "$ERR"
expect 0 groups --help
has "--from DATE" "$OUT"
expect 0 help child
has "associates" "$OUT"
done_checks
