/* test_weekly.c - the weekly list (app/weekly.c) on hand-built data.
 *
 * The week of Monday 3 to Sunday 9 April 2017; Good Friday is 14 April.
 * Team A (C1, looked after):
 *   E1  back Tue 4 Apr 03:00 after a night out: interview required,
 *       completed Thu 6th (in time); record updated on the 10th, after the
 *       week, and not due until Tue 11th: not due.
 *   E2  back Wed 5 Apr 08:00 after a night: interview completed Sun 9th
 *       12:00 (due Sat 8th 08:00: late); record updated Thu 6th: on time.
 * Team B (C2, C4):
 *   E0  C2, back Fri 31 Mar (the week before): its interview, completed Mon
 *       3rd 09:00, counts as completed in the week; the episode does not.
 *   E3  C4, back Mon 3rd 01:00 after 3 hours: professional judgement.
 *   E4  C2, back Thu 6th 23:00 after 10 hours: required, declined (closed).
 *   E5  C2, back Sat 8th 10:00 after 12 hours: required, still needed.
 *   Their record updates are all still in time at the end of the week (E5's
 *   is due Tue 18th: Good Friday and Easter Monday are skipped).
 * Not counted: E9 (C3, placed by another council); E10 (C2, back Monday
 * 10th 00:00, the next week).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/weekly.h"
#include "core/rules.h"
#include "support/testdb.h"

static void episode(struct hw_test_db *db, const char *id, const char *child, const char *seen,
                    const char *back)
{
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", id, "child_id", child, "kind", "missing", "risk",
                                 "low", "last_seen", seen, "returned", back, NULL});
}

static void interview(struct hw_test_db *db, const char *id, const char *child,
                      const char *episode_id, const char *outcome, const char *completed)
{
    hw_test_put(db, HW_REC_INTERVIEW,
                (const char *[]){"interview_id", id, "child_id", child, "episode_ids", episode_id,
                                 "outcome", outcome, "completed", completed, NULL});
}

static void updated(struct hw_test_db *db, const char *episode_id, const char *at)
{
    struct hw_err err;
    struct hw_action_record a = {
        .episode_id = episode_id,
        .kind = HW_ACT_RECORD_UPDATED,
        .seq = 1,
        .outcome = HW_ACTION_DONE,
        .at = hw_test_local(at),
        .recorded = {.at = hw_test_local(at), .user = "tm", .source = "test"}};
    assert_int_equal(hw_store_add_action(db->s, &a, &err), 1);
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0)
        return -1;
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C1", "team", "A", NULL});
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C2", "team", "B", NULL});
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C3", "team", "B", "responsible_authority",
                                 "Northshire", NULL});
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C4", "team", "B", NULL});
    episode(db, "E1", "C1", "2017-04-03 20:00", "2017-04-04 03:00");
    episode(db, "E2", "C1", "2017-04-04 22:00", "2017-04-05 08:00");
    episode(db, "E0", "C2", "2017-03-31 08:00", "2017-03-31 20:00");
    episode(db, "E3", "C4", "2017-04-02 22:00", "2017-04-03 01:00");
    episode(db, "E4", "C2", "2017-04-06 13:00", "2017-04-06 23:00");
    episode(db, "E5", "C2", "2017-04-07 22:00", "2017-04-08 10:00");
    episode(db, "E9", "C3", "2017-04-04 20:00", "2017-04-05 08:00");
    episode(db, "E10", "C2", "2017-04-09 20:00", "2017-04-10 00:00");
    interview(db, "I1", "C1", "E1", "completed", "2017-04-06 10:00");
    interview(db, "I2", "C1", "E2", "completed", "2017-04-09 12:00");
    interview(db, "I0", "C2", "E0", "completed", "2017-04-03 09:00");
    interview(db, "I4", "C2", "E4", "declined", "");
    updated(db, "E1", "2017-04-10 10:00");
    updated(db, "E2", "2017-04-06 16:00");
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

/* "team: returned required in_time late closed needed completed on_time late overdue not_due" */
static char *weekly_text(struct hw_test_db *db, const char *day, const char *now)
{
    struct hw_config cfg;
    struct hw_weekly w;
    struct hw_err err;
    hw_date d;
    struct hw_buf b = {0};
    hw_config_defaults(&cfg);
    assert_int_equal(hw_parse_date(day, &d), 0);
    assert_int_equal(hw_weekly_build(db->s, &cfg, d, hw_test_local(now), &w, &err), 0);
    for (size_t i = 0; i < w.len; i++) {
        const struct hw_weekly_team *t = &w.teams[i];
        hw_buf_printf(&b, "%s: %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld %ld\n", t->team, t->returned,
                      t->rhi_required, t->rhi_in_time, t->rhi_late, t->rhi_closed, t->rhi_needed,
                      t->completed_in_week, t->update_on_time, t->update_late, t->update_overdue,
                      t->update_not_due);
    }
    hw_weekly_free(&w);
    return hw_buf_take(&b);
}

static void test_whole_week(void **state)
{
    /* Asked about on the Thursday after: as at the end of the week. */
    char *text = weekly_text(*state, "2017-04-06", "2017-04-13 12:00");
    assert_string_equal(text, "A: 2 2 1 1 0 0 2 1 0 0 1\n"
                              "B: 3 2 0 0 1 1 1 0 0 0 3\n");
    free(text);
}

static void test_current_week(void **state)
{
    /* On Wednesday at noon only what had happened by then counts. */
    char *text = weekly_text(*state, "2017-04-03", "2017-04-05 12:00");
    assert_string_equal(text, "A: 2 2 0 0 0 2 0 0 0 0 2\n"
                              "B: 1 0 0 0 0 0 1 0 0 0 1\n");
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_whole_week, setup, teardown),
        cmocka_unit_test_setup_teardown(test_current_week, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
