/* test_associates.c - associates and groups (app/associates.c) on hand-built data.
 *
 * April 2017 (BST, UTC+1):
 *   A group of four (as in 004 section 4), linked through different episodes:
 *     E1  A1 Mon  3 Apr 22:00 with A2, found "Bus station"
 *     E2  A2 Mon  3 Apr 22:30 with A1, found "bus station" (the other side)
 *     E3  A2 Mon 10 Apr 21:00 with A3, found "Gables"
 *     E4  A3 Mon 17 Apr 23:00 with A4, found: not recorded
 *     E5  A4 Mon 24 Apr 20:00 with A3, found "Gables" (away, not missing)
 *   Three named together in one child's episode:
 *     E11 T1 Sat 15 Apr 12:00 with T2 and T3, found "Park"
 *   A pair, with episodes either side of April:
 *     E0  P1 Fri 31 Mar 23:59 with P2
 *     E6  P2 Wed 12 Apr 19:00 with P1, found "Home address"
 *     E7  P1 Sun 30 Apr 23:30 with P2, found "Home address" (the last day)
 *     E8  P2 Mon  1 May 00:00 with P1 (the day after: 23:00 UTC on the 30th)
 *   A child linked to a child who is not recorded:
 *     E9  S1 Sat  1 Apr 00:00 with X9, found "Railway station"
 *   A child who went missing alone:
 *     E10 L1 Wed  5 Apr 20:00
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/associates.h"
#include "support/testdb.h"

static void put(struct hw_test_db *db, enum hw_rectype t, const char *const *kv)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    void *rec = calloc(1, ti->size);
    struct hw_err err;
    hw_record_init(ti->fields, rec);
    for (; *kv; kv += 2)
        if (hw_field_set(hw_field_find(ti->fields, kv[0]), rec, kv[1], &err) < 0)
            fail_msg("%s: %s", kv[0], err.msg);
    if (hw_store_put(db->s, t, rec, NULL, &err) < 0)
        fail_msg("put: %s", err.msg);
    hw_record_clear(ti->fields, rec);
    free(rec);
}

static void child(struct hw_test_db *db, const char *id, const char *first, const char *last)
{
    put(db, HW_REC_CHILD,
        (const char *[]){"child_id", id, "first_name", first, "last_name", last ? last : "", NULL});
}

static void episode(struct hw_test_db *db, const char *id, const char *child_id, const char *kind,
                    const char *last_seen, const char *with, const char *found)
{
    put(db, HW_REC_EPISODE,
        (const char *[]){"episode_id", id, "child_id", child_id, "kind", kind, "last_seen",
                         last_seen, "with_children", with, "found_location", found, NULL});
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    child(db, "A1", "Amy", "Archer");
    child(db, "A2", "Ben", "Archer");
    child(db, "A3", "Cat", NULL);
    child(db, "A4", "Dan", "Dale");
    child(db, "T1", "Tia", NULL);
    child(db, "T2", "Tom", NULL);
    child(db, "T3", "Ted", NULL);
    child(db, "P1", "Eve", "Price");
    child(db, "P2", "Fay", "Price");
    child(db, "S1", "Gus", "Shaw");
    child(db, "L1", "Hal", "Lone");
    episode(db, "E1", "A1", "missing", "2017-04-03 22:00", "A2", "Bus station");
    episode(db, "E2", "A2", "missing", "2017-04-03 22:30", "A1", "bus station");
    episode(db, "E3", "A2", "missing", "2017-04-10 21:00", "A3", "Gables");
    episode(db, "E4", "A3", "missing", "2017-04-17 23:00", "A4", "");
    episode(db, "E5", "A4", "absent", "2017-04-24 20:00", "A3", "Gables");
    episode(db, "E11", "T1", "missing", "2017-04-15 12:00", "T2;T3", "Park");
    episode(db, "E0", "P1", "missing", "2017-03-31 23:59", "P2", "");
    episode(db, "E6", "P2", "missing", "2017-04-12 19:00", "P1", "Home address");
    episode(db, "E7", "P1", "missing", "2017-04-30 23:30", "P2", "Home address");
    episode(db, "E8", "P2", "missing", "2017-05-01 00:00", "P1", "");
    episode(db, "E9", "S1", "missing", "2017-04-01 00:00", "X9", "Railway station");
    episode(db, "E10", "L1", "missing", "2017-04-05 20:00", "", "Home address");
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static hw_instant day_start(int y, int m, int d)
{
    return hw_london_day_start(hw_date_from_ymd(y, m, d));
}

/* April 2017, local dates, inclusive: [1 April 00:00 BST, 1 May 00:00 BST). */
#define APRIL_FROM day_start(2017, 4, 1)
#define APRIL_TO   day_start(2017, 5, 1)

static char *date_text(hw_date d)
{
    static char buf[4][HW_DATE_LEN];
    static int next;
    char *b = buf[next++ % 4];
    hw_format_date(d, b);
    return b;
}

/* "Bus station:2,Gables:2" */
static char *places_text(const struct hw_found_place *p, size_t n)
{
    struct hw_buf b = {0};
    hw_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        hw_buf_printf(&b, "%s%s:%zu", i ? "," : "", p[i].location, p[i].episodes);
    return hw_buf_take(&b);
}

static char *ids_text(char *const *ids, size_t n)
{
    struct hw_buf b = {0};
    hw_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++)
        hw_buf_printf(&b, "%s%s", i ? "," : "", ids[i]);
    return hw_buf_take(&b);
}

/* One line per associate: "ID name|-  episodes days first..last [ids] places". */
static char *associates_text(struct hw_test_db *db, const char *id, hw_instant from, hw_instant to)
{
    struct hw_associate_list l;
    struct hw_err err;
    struct hw_buf b = {0};
    if (hw_associates(db->s, id, from, to, &l, &err) < 0)
        fail_msg("hw_associates: %s", err.msg);
    assert_string_equal(l.child_id, id);
    hw_buf_puts(&b, "");
    for (size_t i = 0; i < l.len; i++) {
        const struct hw_associate *a = &l.items[i];
        char *ids = ids_text(a->episode_ids, a->episodes);
        char *places = places_text(a->places, a->nplaces);
        if (a->recorded)
            hw_buf_printf(&b, "%s %s%s%s", a->child_id, a->first_name ? a->first_name : "",
                          a->last_name ? " " : "", a->last_name ? a->last_name : "");
        else
            hw_buf_printf(&b, "%s -", a->child_id);
        hw_buf_printf(&b, " %zu %zu %s..%s [%s] %s\n", a->episodes, a->days, date_text(a->first),
                      date_text(a->last), ids, places);
        free(ids);
        free(places);
    }
    hw_associate_list_free(&l);
    return hw_buf_take(&b);
}

/* One line per group: "members(episodes)... | episodes days first..last [ids] places". */
static char *groups_text(struct hw_test_db *db, hw_instant from, hw_instant to)
{
    struct hw_group_list l;
    struct hw_err err;
    struct hw_buf b = {0};
    if (hw_groups(db->s, from, to, &l, &err) < 0)
        fail_msg("hw_groups: %s", err.msg);
    hw_buf_puts(&b, "");
    for (size_t i = 0; i < l.len; i++) {
        const struct hw_group *g = &l.items[i];
        for (size_t m = 0; m < g->nmembers; m++) {
            const struct hw_group_member *mb = &g->members[m];
            hw_buf_printf(&b, "%s%s%s(%zu) ", mb->child_id, mb->recorded ? "" : "?",
                          mb->recorded && mb->first_name ? mb->first_name : "", mb->episodes);
        }
        char *ids = ids_text(g->episode_ids, g->episodes);
        char *places = places_text(g->places, g->nplaces);
        hw_buf_printf(&b, "| %zu %zu %s..%s [%s] %s\n", g->episodes, g->days, date_text(g->first),
                      date_text(g->last), ids, places);
        free(ids);
        free(places);
    }
    hw_group_list_free(&l);
    return hw_buf_take(&b);
}

/* Both sides of one night are two episodes, each counted once; spellings of
 * a place that differ only in case are one place. */
static void test_associates_both_directions(void **state)
{
    char *t = associates_text(*state, "A2", 0, 0);
    assert_string_equal(t, "A1 Amy Archer 2 1 2017-04-03..2017-04-03 [E1,E2] Bus station:2\n"
                           "A3 Cat 1 1 2017-04-10..2017-04-10 [E3] Gables:1\n");
    free(t);
    t = associates_text(*state, "A1", 0, 0);
    assert_string_equal(t, "A2 Ben Archer 2 1 2017-04-03..2017-04-03 [E1,E2] Bus station:2\n");
    free(t);
}

/* An episode with no found location counts as an episode, not as a place;
 * away-without-authorisation episodes count. */
static void test_associates_unrecorded_place(void **state)
{
    char *t = associates_text(*state, "A3", 0, 0);
    assert_string_equal(t, "A4 Dan Dale 2 2 2017-04-17..2017-04-24 [E4,E5] Gables:1\n"
                           "A2 Ben Archer 1 1 2017-04-10..2017-04-10 [E3] Gables:1\n");
    free(t);
}

/* Children named together in someone else's episode went missing together. */
static void test_associates_named_alongside(void **state)
{
    char *t = associates_text(*state, "T2", 0, 0);
    assert_string_equal(t, "T1 Tia 1 1 2017-04-15..2017-04-15 [E11] Park:1\n"
                           "T3 Ted 1 1 2017-04-15..2017-04-15 [E11] Park:1\n");
    free(t);
}

static void test_associates_unrecorded_child(void **state)
{
    char *t = associates_text(*state, "S1", 0, 0);
    assert_string_equal(t, "X9 - 1 1 2017-04-01..2017-04-01 [E9] Railway station:1\n");
    free(t);
}

static void test_associates_range(void **state)
{
    /* Every date, then April only: 31 March and 1 May fall outside. */
    char *t = associates_text(*state, "P1", 0, 0);
    assert_string_equal(t,
                        "P2 Fay Price 4 4 2017-03-31..2017-05-01 [E0,E6,E7,E8] Home address:2\n");
    free(t);
    t = associates_text(*state, "P1", APRIL_FROM, APRIL_TO);
    assert_string_equal(t, "P2 Fay Price 2 2 2017-04-12..2017-04-30 [E6,E7] Home address:2\n");
    free(t);
    /* Only a lower bound. */
    t = associates_text(*state, "P2", day_start(2017, 4, 13), 0);
    assert_string_equal(t, "P1 Eve Price 2 2 2017-04-30..2017-05-01 [E7,E8] Home address:1\n");
    free(t);
    /* A range with nothing in it. */
    t = associates_text(*state, "A1", day_start(2017, 4, 4), 0);
    assert_string_equal(t, "");
    free(t);
}

static void test_associates_alone(void **state)
{
    struct hw_associate_list l;
    struct hw_err err;
    assert_int_equal(hw_associates(((struct hw_test_db *)*state)->s, "L1", 0, 0, &l, &err), 0);
    assert_string_equal(l.child_id, "L1");
    assert_string_equal(l.first_name, "Hal");
    assert_string_equal(l.last_name, "Lone");
    assert_int_equal(l.len, 0);
    hw_associate_list_free(&l);
}

static void test_associates_unknown_child(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_associate_list l;
    struct hw_err err = {0};
    assert_int_equal(hw_associates(db->s, "C404", 0, 0, &l, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_string_equal(err.msg, "no child C404 is recorded");
    assert_int_equal(l.len, 0);
    assert_null(l.items);
    /* Named in an episode is not recorded. */
    assert_int_equal(hw_associates(db->s, "X9", 0, 0, &l, &err), -1);
    assert_string_equal(err.msg, "no child X9 is recorded");
}

static void test_groups_april(void **state)
{
    char *t = groups_text(*state, APRIL_FROM, APRIL_TO);
    assert_string_equal(
        t, "A1Amy(2) A2Ben(3) A3Cat(3) A4Dan(2) | 5 4 2017-04-03..2017-04-24 [E1,E2,E3,E4,E5] "
           "Bus station:2,Gables:2\n"
           "T1Tia(1) T2Tom(1) T3Ted(1) | 1 1 2017-04-15..2017-04-15 [E11] Park:1\n"
           "P1Eve(2) P2Fay(2) | 2 2 2017-04-12..2017-04-30 [E6,E7] Home address:2\n"
           "S1Gus(1) X9?(1) | 1 1 2017-04-01..2017-04-01 [E9] Railway station:1\n");
    free(t);
}

/* The range's edges are local days: 1 April 00:00 is in, 31 March 23:59
 * out; 30 April 23:30 is in, 1 May 00:00 BST (23:00 UTC on the 30th) out. */
static void test_groups_edges(void **state)
{
    char *t = groups_text(*state, day_start(2017, 4, 30), day_start(2017, 5, 1));
    assert_string_equal(t, "P1Eve(1) P2Fay(1) | 1 1 2017-04-30..2017-04-30 [E7] Home address:1\n");
    free(t);
    t = groups_text(*state, day_start(2017, 5, 1), day_start(2017, 5, 2));
    assert_string_equal(t, "P1Eve(1) P2Fay(1) | 1 1 2017-05-01..2017-05-01 [E8] \n");
    free(t);
    t = groups_text(*state, day_start(2017, 3, 31), day_start(2017, 4, 1));
    assert_string_equal(t, "P1Eve(1) P2Fay(1) | 1 1 2017-03-31..2017-03-31 [E0] \n");
    free(t);
    t = groups_text(*state, day_start(2017, 5, 2), day_start(2017, 6, 1));
    assert_string_equal(t, "");
    free(t);
}

/* Groups form over the whole range: the chain A1-A2-A3-A4 is one group
 * though no episode names more than two of them; unbounded, the pair has
 * four episodes and comes before the three named together once. */
static void test_groups_unbounded(void **state)
{
    char *t = groups_text(*state, 0, 0);
    assert_string_equal(
        t, "A1Amy(2) A2Ben(3) A3Cat(3) A4Dan(2) | 5 4 2017-04-03..2017-04-24 [E1,E2,E3,E4,E5] "
           "Bus station:2,Gables:2\n"
           "T1Tia(1) T2Tom(1) T3Ted(1) | 1 1 2017-04-15..2017-04-15 [E11] Park:1\n"
           "P1Eve(4) P2Fay(4) | 4 4 2017-03-31..2017-05-01 [E0,E6,E7,E8] Home address:2\n"
           "S1Gus(1) X9?(1) | 1 1 2017-04-01..2017-04-01 [E9] Railway station:1\n");
    free(t);
    /* Only part of the chain in range: two groups of two. */
    t = groups_text(*state, day_start(2017, 4, 3), day_start(2017, 4, 4));
    assert_string_equal(t, "A1Amy(2) A2Ben(2) | 2 1 2017-04-03..2017-04-03 [E1,E2] "
                           "Bus station:2\n");
    free(t);
    t = groups_text(*state, day_start(2017, 4, 10), day_start(2017, 4, 18));
    assert_string_equal(t, "A2Ben(1) A3Cat(2) A4Dan(1) | 2 2 2017-04-10..2017-04-17 [E3,E4] "
                           "Gables:1\n"
                           "T1Tia(1) T2Tom(1) T3Ted(1) | 1 1 2017-04-15..2017-04-15 [E11] "
                           "Park:1\n"
                           "P1Eve(1) P2Fay(1) | 1 1 2017-04-12..2017-04-12 [E6] Home address:1\n");
    free(t);
}

/* A change of an episode's with_children replaces its links. */
static void test_groups_follow_updates(void **state)
{
    struct hw_test_db *db = *state;
    episode(db, "E9", "S1", "missing", "2017-04-01 00:00", "L1", "Railway station");
    char *t = groups_text(db, day_start(2017, 4, 1), day_start(2017, 4, 2));
    assert_string_equal(t, "L1Hal(1) S1Gus(1) | 1 1 2017-04-01..2017-04-01 [E9] "
                           "Railway station:1\n");
    free(t);
    t = associates_text(db, "L1", 0, 0);
    assert_string_equal(t, "S1 Gus Shaw 1 1 2017-04-01..2017-04-01 [E9] Railway station:1\n");
    free(t);
}

/* The store's links for a child: their own episodes' and the episodes naming
 * them, with everyone those name, in last-seen order. */
struct links {
    struct hw_buf b;
    int stop_after;
};

static int one_link(void *ctx, const struct hw_episode_link *l)
{
    struct links *k = ctx;
    char when[HW_LOCAL_LEN];
    hw_format_local(l->last_seen, when);
    hw_buf_printf(&k->b, "%s %s>%s %s %s\n", l->episode_id, l->child_id, l->with_id, when,
                  l->found_location ? l->found_location : "-");
    return --k->stop_after == 0;
}

static void test_store_episode_links(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err;
    struct links k = {.stop_after = -1};
    assert_int_equal(hw_store_episode_links(db->s, "T3", 0, 0, one_link, &k, &err), 0);
    assert_string_equal(k.b.data, "E11 T1>T2 2017-04-15 12:00 Park\n"
                                  "E11 T1>T3 2017-04-15 12:00 Park\n");
    hw_buf_reset(&k.b);
    assert_int_equal(hw_store_episode_links(db->s, "A3", APRIL_FROM, APRIL_TO, one_link, &k, &err),
                     0);
    assert_string_equal(k.b.data, "E3 A2>A3 2017-04-10 21:00 Gables\n"
                                  "E4 A3>A4 2017-04-17 23:00 -\n"
                                  "E5 A4>A3 2017-04-24 20:00 Gables\n");
    hw_buf_reset(&k.b);
    assert_int_equal(hw_store_episode_links(db->s, "L1", 0, 0, one_link, &k, &err), 0);
    assert_string_equal(k.b.data ? k.b.data : "", "");
    /* Every episode in a range; stopping early is not an error. */
    assert_int_equal(hw_store_episode_links(db->s, NULL, day_start(2017, 4, 30),
                                            day_start(2017, 5, 2), one_link, &k, &err),
                     0);
    assert_string_equal(k.b.data, "E7 P1>P2 2017-04-30 23:30 Home address\n"
                                  "E8 P2>P1 2017-05-01 00:00 -\n");
    hw_buf_reset(&k.b);
    k.stop_after = 2;
    assert_int_equal(
        hw_store_episode_links(db->s, NULL, day_start(2017, 4, 3), 0, one_link, &k, &err), 0);
    assert_string_equal(k.b.data, "E1 A1>A2 2017-04-03 22:00 Bus station\n"
                                  "E2 A2>A1 2017-04-03 22:30 bus station\n");
    hw_buf_free(&k.b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_associates_both_directions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_unrecorded_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_named_alongside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_unrecorded_child, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_range, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_associates_unknown_child, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_april, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_unbounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_groups_follow_updates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_store_episode_links, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
