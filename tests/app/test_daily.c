/* test_daily.c - the daily list (app/daily.c) on hand-built data.
 *
 * At 09:00 on Wednesday 5 April 2017:
 *   E1  C1, missing since Mon 3 Apr 22:00 (35 hours), high risk, from Ashdown House.
 *   E6  C2, away without authorisation since 07:00 today.
 *   E2  C2, back at 12:00 yesterday (within 24 hours) after 4 hours by day:
 *       interview at professional judgement, due by Fri 7 Apr 12:00; an
 *       interview has been offered (pending).
 *   E4  C1, back on Sat 1 Apr: not on the list (more than 24 hours ago).
 *   E7  C3, back at 09:00 yesterday: exactly 24 hours ago, so not listed.
 * Overdue: only actions due at or before 09:00 today: E1's strategy
 * discussion, need-to-know and IRO (all at once, high risk, looked after);
 * E4's IRO and its interview (due Tue 4 Apr 03:00, none recorded); E2's
 * safe-and-well check (15:00 yesterday). Not yet: E1's 3-day actions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/daily.h"
#include "support/testdb.h"

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C1", "first_name", "Amy", "case_status", "cla",
                                 "team", "A", "worker", "Sam", NULL});
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C2", "first_name", "Ben", "team", "B", NULL});
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C3", "first_name", "Cal", "team", "B", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing", "risk",
                                 "high", "case_status", "cla", "missing_from_name", "Ashdown House",
                                 "last_seen", "2017-04-03 22:00", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E2", "child_id", "C2", "kind", "missing", "risk",
                                 "medium", "last_seen", "2017-04-04 08:00", "returned",
                                 "2017-04-04 12:00", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E4", "child_id", "C1", "kind", "missing", "risk",
                                 "medium", "case_status", "cla", "last_seen", "2017-03-31 20:00",
                                 "returned", "2017-04-01 03:00", "safe_well_at", "2017-04-01 04:00",
                                 NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E6", "child_id", "C2", "kind", "absent",
                                 "last_seen", "2017-04-05 07:00", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E7", "child_id", "C3", "kind", "missing", "risk",
                                 "low", "last_seen", "2017-04-04 06:00", "returned",
                                 "2017-04-04 09:00", "safe_well_at", "2017-04-04 10:00", NULL});
    hw_test_put(db, HW_REC_INTERVIEW,
                (const char *[]){"interview_id", "I2", "child_id", "C2", "episode_ids", "E2",
                                 "outcome", "pending", "offered", "2017-04-04 16:00", NULL});
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static void test_daily(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_config cfg;
    struct hw_daily d;
    struct hw_err err;
    hw_config_defaults(&cfg);
    assert_int_equal(hw_daily_build(db->s, &cfg, hw_test_local("2017-04-05 09:00"), NULL, &d, &err),
                     0);

    assert_int_equal(d.missing.len, 1);
    assert_string_equal(d.missing.rows[0].episode_id, "E1");
    assert_string_equal(d.missing.rows[0].placement, "Ashdown House");
    assert_string_equal(d.missing.rows[0].worker, "Sam");
    assert_int_equal(d.missing.rows[0].risk, HW_RISK_HIGH);
    assert_true(d.missing.rows[0].last_seen == hw_test_local("2017-04-03 22:00"));

    assert_int_equal(d.absent.len, 1);
    assert_string_equal(d.absent.rows[0].episode_id, "E6");
    assert_null(d.absent.rows[0].placement);

    assert_int_equal(d.returned.len, 1);
    const struct hw_daily_row *r = &d.returned.rows[0];
    assert_string_equal(r->episode_id, "E2");
    assert_int_equal(r->rhi.verdict, HW_RHI_JUDGEMENT);
    assert_int_equal(r->rhi.criteria, 0);
    assert_true(r->rhi.due == hw_test_local("2017-04-07 12:00"));
    assert_int_equal(r->interview, HW_OUT_PENDING);

    struct hw_buf b = {0};
    for (size_t i = 0; i < d.overdue.len; i++)
        hw_buf_printf(&b, "%s %s;", d.overdue.items[i].episode_id,
                      hw_code_name(hw_action_codes, d.overdue.items[i].kind));
    /* E1 is high risk: the Missing Persons Bureau and CEOP were due at once. */
    assert_string_equal(b.data, "E4 iro_informed;E1 strategy_discussion;E1 need_to_know;"
                                "E1 iro_informed;E1 missing_persons_bureau;E1 ceop;E4 rhi;"
                                "E2 safe_well_check;");
    hw_buf_free(&b);
    hw_daily_free(&d);

    /* One team only. */
    assert_int_equal(hw_daily_build(db->s, &cfg, hw_test_local("2017-04-05 09:00"), "B", &d, &err),
                     0);
    assert_int_equal(d.missing.len, 0);
    assert_int_equal(d.absent.len, 1);
    assert_int_equal(d.returned.len, 1);
    assert_int_equal(d.overdue.len, 1);
    hw_daily_free(&d);

    /* Earlier: at 10:00 yesterday E2 was still missing and E7 had just come back. */
    assert_int_equal(hw_daily_build(db->s, &cfg, hw_test_local("2017-04-04 10:00"), NULL, &d, &err),
                     0);
    assert_int_equal(d.missing.len, 2);
    assert_string_equal(d.missing.rows[0].episode_id, "E1");
    assert_string_equal(d.missing.rows[1].episode_id, "E2");
    assert_int_equal(d.absent.len, 0);
    assert_int_equal(d.returned.len, 1);
    assert_string_equal(d.returned.rows[0].episode_id, "E7");
    hw_daily_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_daily, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
