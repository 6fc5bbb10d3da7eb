/* test_workflow.c - resolving actions and closing episodes (app/workflow.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/workflow.h"
#include "core/rules.h"
#include "support/testdb.h"

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    struct hw_err err;
    struct hw_child c;
    struct hw_episode e;
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    hw_record_init(hw_child_fields, &c);
    c.id = strdup("C1");
    assert_true(hw_store_put(db->s, HW_REC_CHILD, &c, NULL, &err) >= 0);
    hw_record_clear(hw_child_fields, &c);
    hw_record_init(hw_episode_fields, &e);
    e.id = strdup("E1");
    e.child_id = strdup("C1");
    e.kind = HW_KIND_MISSING;
    e.risk = HW_RISK_MEDIUM;
    e.last_seen = hw_test_local("2017-04-03 22:00");
    assert_true(hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) >= 0);
    hw_record_clear(hw_episode_fields, &e);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static void test_resolve(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_config cfg;
    struct hw_err err;
    struct hw_stamp by = {.at = hw_test_local("2017-04-05 09:00"), .user = "amy", .source = "test"};
    hw_config_defaults(&cfg);
    /* Medium risk, missing since 22:00 on the 3rd: need-to-know at 24 hours. */
    assert_int_equal(hw_resolve_action(db->s, &cfg, "E1", HW_ACT_NEED_TO_KNOW, 1, HW_ACTION_DONE,
                                       hw_test_local("2017-04-04 22:30"), NULL, &by, &err),
                     0);
    assert_int_equal(hw_resolve_action(db->s, &cfg, "E1", HW_ACT_NEED_TO_KNOW, 1, HW_ACTION_DONE,
                                       hw_test_local("2017-04-04 22:30"), NULL, &by, &err),
                     -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_string_equal(err.msg, "need_to_know #1 of episode E1 is already recorded");
    /* High-risk actions are not called for at medium risk. */
    assert_int_equal(hw_resolve_action(db->s, &cfg, "E1", HW_ACT_STRATEGY_DISCUSSION, 1,
                                       HW_ACTION_DONE, by.at, NULL, &by, &err),
                     -1);
    assert_string_equal(err.msg, "episode E1 does not call for strategy_discussion #1");
    assert_int_equal(hw_resolve_action(db->s, &cfg, "E1", HW_ACT_RISK_MEETING, 1,
                                       HW_ACTION_NOT_NEEDED, by.at, "", &by, &err),
                     -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_int_equal(hw_resolve_action(db->s, &cfg, "E9", HW_ACT_RISK_MEETING, 1,
                                       HW_ACTION_NOT_NEEDED, by.at, "x", &by, &err),
                     -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
}

static void test_close(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err;
    struct hw_episode e;
    struct hw_stamp by = {.at = hw_test_local("2017-04-06 09:00"), .user = "tm", .source = "test"};
    assert_int_equal(hw_close_episode(db->s, "E1", by.at, &by, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT); /* still missing */
    hw_record_init(hw_episode_fields, &e);
    assert_int_equal(hw_store_get(db->s, HW_REC_EPISODE, "E1", &e, &err), 1);
    e.returned = hw_test_local("2017-04-05 07:00");
    assert_true(hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) >= 0);
    hw_record_clear(hw_episode_fields, &e);
    assert_int_equal(hw_close_episode(db->s, "E1", hw_test_local("2017-04-05 06:59"), &by, &err),
                     -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_int_equal(hw_close_episode(db->s, "E1", by.at, &by, &err), 0);
    assert_int_equal(hw_close_episode(db->s, "E1", by.at, &by, &err), -1);
    assert_string_equal(err.msg, "episode E1 is already closed");
}

static void test_report_and_return(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_config cfg;
    struct hw_routing routing;
    struct hw_err err;
    struct hw_episode e;
    struct hw_child if_new, c;
    bool added;
    hw_config_defaults(&cfg);
    hw_routing_defaults(&routing);
    struct hw_rulebook rb = {&cfg, NULL, &routing, NULL};
    struct hw_actor who = {
        .user = "amy", .source = "police notification", .at = hw_test_local("2017-04-05 23:00")};
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &if_new);
    hw_record_init(hw_child_fields, &c);
    e.id = strdup("E7");
    e.child_id = strdup("C7");
    e.last_seen = hw_test_local("2017-04-05 22:00");
    e.risk = HW_RISK_HIGH;
    if_new.first_name = strdup("Dee");
    /* An unknown child is added as not open; high risk, not open: three told. */
    assert_int_equal(hw_report_missing(db->s, &rb, &e, &if_new, &who, &added, &err), 3);
    assert_true(added);
    assert_int_equal(hw_store_get(db->s, HW_REC_CHILD, "C7", &c, &err), 1);
    assert_int_equal(c.case_status, HW_CS_NOT_OPEN);
    assert_string_equal(c.first_name, "Dee");
    /* The same episode again is a conflict; a known child's record is not changed. */
    assert_int_equal(hw_report_missing(db->s, &rb, &e, NULL, &who, &added, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    free(e.id);
    e.id = strdup("E8");
    assert_int_equal(hw_report_missing(db->s, &rb, &e, &if_new, &who, &added, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_false(added);
    /* The return, then a second return refused. */
    assert_true(hw_record_return(db->s, &rb, "E7", hw_test_local("2017-04-06 07:00"), "Bus station",
                                 hw_test_local("2017-04-06 07:40"), &who, &err) >= 0);
    assert_int_equal(hw_record_return(db->s, &rb, "E7", hw_test_local("2017-04-06 08:00"), NULL,
                                      HW_NO_TIME, &who, &err),
                     -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_int_equal(hw_record_return(db->s, &rb, "E1", hw_test_local("2017-04-06 08:00"), NULL,
                                      hw_test_local("2017-04-06 07:00"), &who, &err),
                     -1);
    assert_int_equal(err.kind, HW_EINPUT); /* safe-and-well before the return */
    hw_record_clear(hw_episode_fields, &e);
    hw_record_init(hw_episode_fields, &e);
    assert_int_equal(hw_store_get(db->s, HW_REC_EPISODE, "E7", &e, &err), 1);
    assert_string_equal(e.found_location, "Bus station");
    assert_true(e.safe_well_at == hw_test_local("2017-04-06 07:40"));
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &if_new);
    hw_record_clear(hw_child_fields, &c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resolve, setup, teardown),
        cmocka_unit_test_setup_teardown(test_close, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_and_return, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
