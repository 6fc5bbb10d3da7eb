/* test_highrisk.c - the weekly high-risk list (app/highrisk.c).
 *
 * At 09:00 on Wednesday 5 April 2017 (the quarter and the month began on
 * 1 April):
 *   C1  missing now at high risk (since Mon 3 Apr 22:00)        listed first
 *   C3  three episodes on 1, 2, 3 April: repeat and persistent  3 in 28 days
 *   C2  two episodes in March, 10 days apart: repeat            2 in 28 days
 *   C4  flagged cse, one episode on 1 February (63 days ago)    exploitation
 *   C5  flagged cse, one episode on 1 December (125 days ago)   not listed
 *   C6  one episode on 2 April, no flags                        not listed
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/highrisk.h"
#include "support/testdb.h"

static void child(struct hw_test_db *db, const char *id, const char *flags)
{
    struct hw_child c;
    struct hw_err err;
    hw_record_init(hw_child_fields, &c);
    c.id = strdup(id);
    assert_int_equal(hw_field_set(hw_field_find(hw_child_fields, "flags"), &c, flags, &err), 0);
    assert_true(hw_store_put(db->s, HW_REC_CHILD, &c, NULL, &err) >= 0);
    hw_record_clear(hw_child_fields, &c);
}

static void episode(struct hw_test_db *db, const char *id, const char *child, const char *seen,
                    const char *back, int risk)
{
    struct hw_episode e;
    struct hw_err err;
    hw_record_init(hw_episode_fields, &e);
    e.id = strdup(id);
    e.child_id = strdup(child);
    e.kind = HW_KIND_MISSING;
    e.risk = risk;
    e.last_seen = hw_test_local(seen);
    e.returned = back ? hw_test_local(back) : HW_NO_TIME;
    assert_true(hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) >= 0);
    hw_record_clear(hw_episode_fields, &e);
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    child(db, "C1", "");
    child(db, "C2", "");
    child(db, "C3", "");
    child(db, "C4", "cse");
    child(db, "C5", "cse");
    child(db, "C6", "");
    episode(db, "E1", "C1", "2017-04-03 22:00", NULL, HW_RISK_HIGH);
    episode(db, "E21", "C2", "2017-03-20 10:00", "2017-03-20 14:00", HW_RISK_LOW);
    episode(db, "E22", "C2", "2017-03-30 10:00", "2017-03-30 14:00", HW_RISK_LOW);
    episode(db, "E31", "C3", "2017-04-01 08:00", "2017-04-01 10:00", HW_RISK_LOW);
    episode(db, "E32", "C3", "2017-04-02 08:00", "2017-04-02 10:00", HW_RISK_LOW);
    episode(db, "E33", "C3", "2017-04-03 08:00", "2017-04-03 10:00", HW_RISK_MEDIUM);
    episode(db, "E4", "C4", "2017-02-01 20:00", "2017-02-02 08:00", HW_RISK_MEDIUM);
    episode(db, "E5", "C5", "2016-12-01 20:00", "2016-12-02 08:00", HW_RISK_MEDIUM);
    episode(db, "E6", "C6", "2017-04-02 20:00", "2017-04-02 22:00", HW_RISK_LOW);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static void test_high_risk(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_config cfg;
    struct hw_high_risk_list l;
    struct hw_err err;
    hw_config_defaults(&cfg);
    assert_int_equal(
        hw_high_risk_build(db->s, &cfg, hw_test_local("2017-04-05 09:00"), NULL, &l, &err), 0);
    struct hw_buf b = {0};
    for (size_t i = 0; i < l.len; i++) {
        const struct hw_high_risk_child *h = &l.children[i];
        hw_buf_printf(&b, "%s %d %d/%d/%d %s %s\n", h->child_id, h->reasons, h->pattern.in_window,
                      h->pattern.in_quarter, h->pattern.in_month, h->latest_episode,
                      h->latest_returned == HW_NO_TIME ? "missing" : "back");
    }
    assert_string_equal(b.data, "C1 1 1/1/1 E1 missing\n"
                                "C3 6 3/3/3 E33 back\n"
                                "C2 2 2/0/0 E22 back\n"
                                "C4 8 0/0/0 E4 back\n");
    hw_buf_free(&b);
    /* C1's open actions: strategy discussion, need-to-know, the Missing
     * Persons Bureau and CEOP (overdue), review strategy and the 3-day
     * meeting (upcoming). */
    assert_int_equal(l.children[0].open_actions, 6);
    hw_high_risk_free(&l);

    /* A shorter look-back for flags drops C4. */
    cfg.high_risk_lookback_days = 60;
    assert_int_equal(
        hw_high_risk_build(db->s, &cfg, hw_test_local("2017-04-05 09:00"), NULL, &l, &err), 0);
    assert_int_equal(l.len, 3);
    hw_high_risk_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_high_risk, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
