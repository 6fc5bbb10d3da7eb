/* test_due.c - the due list (app/due.c) on hand-built data.
 *
 * At 09:00 on Wednesday 5 April 2017 (BST):
 *   E1  C1 (looked after, team A), high risk, missing since Mon 3 Apr 22:00.
 *       Strategy discussion recorded done. Due: need-to-know and IRO (at
 *       22:00 on the 3rd, overdue), review strategy #1 and the 3-day strategy
 *       meeting (22:00 on Thu 6th).
 *   E2  C2 (team B), medium, Tue 4 Apr 08:00 to 12:00: daytime, 4 hours, so
 *       no RHI. Need-to-know (24h) would have fallen due after the return and
 *       is also recorded as not needed. Due: safe-and-well check (15:00 on
 *       the 4th, 3 hours after return), record update (5 working days:
 *       Tue 11 Apr 12:00).
 *   E4  C1, medium, Fri 31 Mar 20:00 to Sat 1 Apr 03:00: overnight, RHI
 *       required and completed; safe-and-well recorded. Due: IRO (31 Mar
 *       20:00, overdue) and record update (5 working days from Saturday:
 *       Fri 7 Apr 03:00).
 *   E3  C2, returned in December 2016: outside the 90-day look-back.
 *   E5  C2, last seen on the 6th: after "now", not listed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/due.h"
#include "support/testdb.h"

static void action(struct hw_test_db *db, const char *episode, int kind, int outcome,
                   const char *reason)
{
    struct hw_err err;
    struct hw_action_record a = {.episode_id = episode,
                                 .kind = kind,
                                 .seq = 1,
                                 .outcome = outcome,
                                 .at = hw_test_local("2017-04-04 09:00"),
                                 .reason = reason,
                                 .recorded = {.at = 0, .user = "amy", .source = "test"}};
    assert_int_equal(hw_store_add_action(db->s, &a, &err), 1);
    assert_int_equal(hw_store_add_action(db->s, &a, &err), 0); /* once only */
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C1", "first_name", "Amy", "case_status", "cla",
                                 "team", "A", NULL});
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C2", "first_name", "Ben", "case_status", "cin",
                                 "team", "B", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing", "risk",
                                 "high", "case_status", "cla", "last_seen", "2017-04-03 22:00",
                                 NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E2", "child_id", "C2", "kind", "missing", "risk",
                                 "medium", "case_status", "cin", "last_seen", "2017-04-04 08:00",
                                 "returned", "2017-04-04 12:00", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E3", "child_id", "C2", "kind", "missing", "risk",
                                 "low", "last_seen", "2016-12-01 20:00", "returned",
                                 "2016-12-02 08:00", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E4", "child_id", "C1", "kind", "missing", "risk",
                                 "medium", "case_status", "cla", "last_seen", "2017-03-31 20:00",
                                 "returned", "2017-04-01 03:00", "safe_well_at", "2017-04-01 05:00",
                                 NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E5", "child_id", "C2", "kind", "missing", "risk",
                                 "low", "last_seen", "2017-04-06 20:00", NULL});
    hw_test_put(db, HW_REC_INTERVIEW,
                (const char *[]){"interview_id", "I1", "child_id", "C1", "episode_ids", "E4",
                                 "outcome", "completed", "completed", "2017-04-02 10:00", NULL});
    action(db, "E1", HW_ACT_STRATEGY_DISCUSSION, HW_ACTION_DONE, NULL);
    action(db, "E2", HW_ACT_NEED_TO_KNOW, HW_ACTION_NOT_NEEDED, "found before 24 hours");
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

/* The list as "due action#seq episode child" lines. */
static char *due_text(struct hw_test_db *db, const struct hw_config *cfg, const char *team)
{
    struct hw_due_query q = {.now = hw_test_local("2017-04-05 09:00"), .team = team};
    struct hw_due_list l;
    struct hw_err err;
    struct hw_buf b = {0};
    assert_int_equal(hw_due_build(db->s, cfg, &q, &l, &err), 0);
    for (size_t i = 0; i < l.len; i++) {
        char when[HW_LOCAL_LEN];
        hw_format_local(l.items[i].due, when);
        hw_buf_printf(&b, "%s %s#%d %s %s%s\n", when,
                      hw_code_name(hw_action_codes, l.items[i].kind), l.items[i].seq,
                      l.items[i].episode_id, l.items[i].child_id,
                      l.items[i].missing ? " missing" : "");
    }
    hw_due_free(&l);
    return hw_buf_take(&b);
}

static void test_due_list(void **state)
{
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    char *text = due_text(*state, &cfg, NULL);
    assert_string_equal(text, "2017-03-31 20:00 iro_informed#1 E4 C1\n"
                              "2017-04-03 22:00 need_to_know#1 E1 C1 missing\n"
                              "2017-04-03 22:00 iro_informed#1 E1 C1 missing\n"
                              "2017-04-03 22:00 missing_persons_bureau#1 E1 C1 missing\n"
                              "2017-04-03 22:00 ceop#1 E1 C1 missing\n"
                              "2017-04-04 15:00 safe_well_check#1 E2 C2\n"
                              "2017-04-06 22:00 review_strategy#1 E1 C1 missing\n"
                              "2017-04-06 22:00 strategy_meeting_3d#1 E1 C1 missing\n"
                              "2017-04-07 03:00 record_updated#1 E4 C1\n"
                              "2017-04-11 12:00 record_updated#1 E2 C2\n");
    free(text);
}

static void test_team_and_lookback(void **state)
{
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    char *text = due_text(*state, &cfg, "B");
    assert_string_equal(text, "2017-04-04 15:00 safe_well_check#1 E2 C2\n"
                              "2017-04-11 12:00 record_updated#1 E2 C2\n");
    free(text);
    /* Three days back from the 5th at 09:00 leaves out E4 (back on the 1st). */
    cfg.due_lookback_days = 3;
    text = due_text(*state, &cfg, "A");
    assert_string_equal(text, "2017-04-03 22:00 need_to_know#1 E1 C1 missing\n"
                              "2017-04-03 22:00 iro_informed#1 E1 C1 missing\n"
                              "2017-04-03 22:00 missing_persons_bureau#1 E1 C1 missing\n"
                              "2017-04-03 22:00 ceop#1 E1 C1 missing\n"
                              "2017-04-06 22:00 review_strategy#1 E1 C1 missing\n"
                              "2017-04-06 22:00 strategy_meeting_3d#1 E1 C1 missing\n");
    free(text);
}

static void test_status(void **state)
{
    (void)state;
    struct hw_action_record recorded[] = {
        {.kind = HW_ACT_NEED_TO_KNOW, .seq = 1, .outcome = HW_ACTION_NOT_NEEDED},
        {.kind = HW_ACT_REVIEW_STRATEGY, .seq = 2, .outcome = HW_ACTION_DONE},
    };
    struct hw_resolution r = {.actions = recorded, .n_actions = 2};
    hw_instant now = 1000000;
    struct hw_action_due d = {.kind = HW_ACT_REVIEW_STRATEGY, .seq = 2, .due = now, .needed = true};
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_DONE);
    d.seq = 1;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_OVERDUE); /* due exactly now */
    d.due = now + 1;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_UPCOMING);
    d.needed = false;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_FOUND_FIRST);
    d = (struct hw_action_due){.kind = HW_ACT_NEED_TO_KNOW, .seq = 1, .needed = false};
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_NOT_NEEDED);
    d = (struct hw_action_due){.kind = HW_ACT_RHI, .seq = 1, .due = 0, .needed = true};
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_OVERDUE);
    r.rhi_final = true;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_CLOSED);
    r.rhi_done = true;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_DONE);
    d.kind = HW_ACT_SAFE_WELL_CHECK;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_OVERDUE);
    r.safe_well = true;
    assert_int_equal(hw_action_status(&r, &d, now), HW_STATUS_DONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_due_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_team_and_lookback, setup, teardown),
        cmocka_unit_test(test_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
