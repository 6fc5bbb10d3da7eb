/* test_analysis_facts.c - the analyses' facts loaded from a real database
 * (report/analysis_facts.c), and the 3-day strategy meeting's status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/domain.h"
#include "core/rules.h"
#include "report/analysis_facts.h"
#include "support/testdb.h"

#define T(s) hw_test_local(s)

static void test_sm3d_status(void **state)
{
    (void)state;
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    hw_instant seen = T("2017-04-01 10:00"), due = T("2017-04-04 10:00");
    hw_instant now = T("2017-06-01 10:00");
    /* Back before 3 days, or away without authorisation: not called for. */
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, due - 60, now, 0, 0),
                     HW_SM3D_NONE);
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_ABSENT, seen, due + 999999, now, 0, 0),
                     HW_SM3D_NONE);
    /* Missing 3 days exactly: due. */
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, due, now, HW_ACTION_DONE, due),
                     HW_SM3D_HELD_IN_TIME);
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, due, now, HW_ACTION_DONE, due + 1),
                     HW_SM3D_HELD_LATE);
    assert_int_equal(
        hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, due + 5, now, HW_ACTION_NOT_NEEDED, due),
        HW_SM3D_NOT_NEEDED);
    /* Nothing recorded: found within a day of it falling due, or not. */
    hw_instant grace = due + HW_SM3D_GRACE_HOURS * HW_HOUR;
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, grace, now, 0, 0),
                     HW_SM3D_FOUND_FIRST);
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, grace + 1, now, 0, 0),
                     HW_SM3D_MISSED);
    /* Still missing. */
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, HW_NO_TIME, due - 1, 0, 0),
                     HW_SM3D_NONE);
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, HW_NO_TIME, grace, 0, 0),
                     HW_SM3D_PENDING);
    assert_int_equal(hw_sm3d_status(&cfg, HW_KIND_MISSING, seen, HW_NO_TIME, grace + 1, 0, 0),
                     HW_SM3D_MISSED);
}

static const struct hw_afact *find(const struct hw_afacts *f, const char *id)
{
    for (size_t i = 0; i < f->neps; i++)
        if (strcmp(f->eps[i].episode_id, id) == 0)
            return &f->eps[i];
    fail_msg("no episode %s in the facts", id);
    return NULL;
}

static void test_load(void **state)
{
    (void)state;
    struct hw_test_db db;
    struct hw_err err = {0};
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    assert_int_equal(hw_test_db_open(&db), 0);
    hw_test_put(&db, HW_REC_CHILD,
                (const char *[]){"child_id", "C1", "first_name", "Amy", "last_name", "Stone",
                                 "date_of_birth", "2003-02-28", "gender", "Female", "ethnicity",
                                 "White Other", "school", "Northgate Academy", NULL});
    hw_test_put(&db, HW_REC_CHILD,
                (const char *[]){"child_id", "C2", "responsible_authority", "Leeds", NULL});
    hw_test_put(&db, HW_REC_CHILD, (const char *[]){"child_id", "C3", NULL});
    /* C1's first episode ever is before the window. */
    hw_test_put(&db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E0", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2016-01-05 10:00", "returned", "2016-01-05 12:00",
                                 NULL});
    hw_test_put(&db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-04-01 00:30", "returned", "2017-04-05 10:00",
                                 "missing_from_type", "la_home", "missing_from_name", "Ashdown",
                                 "case_status", "cla", "out_of_area", "y", NULL});
    hw_test_put(&db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E2", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-04-10 20:00", "returned", "2017-04-11 08:00",
                                 NULL});
    hw_test_put(&db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E3", "child_id", "C2", "kind", "absent",
                                 "last_seen", "2017-05-01 20:00", NULL});
    hw_test_put(&db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E4", "child_id", "C3", "kind", "missing",
                                 "last_seen", "2017-07-01 20:00", NULL}); /* after the window */
    /* One interview offered for E1 and E2, another completed for E2. */
    hw_test_put(&db, HW_REC_INTERVIEW,
                (const char *[]){"interview_id", "I1", "child_id", "C1", "episode_ids", "E1;E2",
                                 "decision", "required", "offered", "2017-04-11 10:00", "outcome",
                                 "pending", NULL});
    hw_test_put(&db, HW_REC_INTERVIEW,
                (const char *[]){"interview_id", "I2", "child_id", "C1", "episode_ids", "E2",
                                 "decision", "required", "offered", "2017-04-11 10:00", "outcome",
                                 "completed", "completed", "2017-04-12 10:00", "reasons",
                                 "with_friends", "lateness_reason", "missing_again", NULL});
    struct hw_action_record sm = {.episode_id = "E1",
                                  .kind = HW_ACT_STRATEGY_MEETING_3D,
                                  .seq = 1,
                                  .outcome = HW_ACTION_DONE,
                                  .at = T("2017-04-04 00:30"),
                                  .recorded = {.at = T("2017-04-04 09:00"), .user = "t"}};
    assert_int_equal(hw_store_begin(db.s, &err), 0);
    assert_int_equal(hw_store_add_action(db.s, &sm, &err), 1);
    assert_int_equal(hw_store_commit(db.s, &err), 0);

    struct hw_afacts f;
    assert_int_equal(hw_afacts_load(db.s, &cfg, T("2017-04-01 00:00"), T("2017-07-01 00:00"),
                                    T("2017-06-30 12:00"), &f, &err),
                     0);
    assert_int_equal(f.nchildren, 2);
    assert_int_equal(f.neps, 3);
    assert_int_equal(f.rhi_due_hours, 72);
    const struct hw_afact *e1 = find(&f, "E1"), *e2 = find(&f, "E2"), *e3 = find(&f, "E3");
    assert_string_equal(f.eps[0].episode_id, "E1"); /* in order of last seen */
    assert_string_equal(f.children[e1->child].id, "C1");
    assert_string_equal(f.children[e1->child].first_name, "Amy");
    assert_false(f.children[e1->child].ola);
    /* Who the child is, from the child's record. */
    assert_int_equal(f.children[e1->child].dob, hw_date_from_ymd(2003, 2, 28));
    assert_string_equal(f.children[e1->child].gender, "Female");
    assert_string_equal(f.children[e1->child].ethnicity, "White Other");
    assert_string_equal(f.children[e1->child].school, "Northgate Academy");
    assert_true(f.children[e3->child].dob == HW_NO_DATE);
    assert_null(f.children[e3->child].gender);
    assert_null(f.children[e3->child].ethnicity);
    assert_null(f.children[e3->child].school);
    assert_true(f.children[e3->child].ola);
    assert_false(e1->first_ever); /* E0 came first */
    assert_true(e3->first_ever);
    assert_int_equal(e1->placement, HW_PL_LA_HOME);
    assert_string_equal(e1->home, "Ashdown");
    assert_int_equal(e1->case_status, HW_CS_CLA);
    assert_true(e1->out_of_area);
    assert_false(e2->out_of_area);
    assert_int_equal(e3->kind, HW_KIND_ABSENT);
    assert_true(e3->returned == HW_NO_TIME);
    /* Interviews: E1 offered only; E2 completed (the furthest on wins). */
    assert_true(e1->offered);
    assert_false(e1->done);
    assert_null(e1->reasons);
    assert_true(e2->done);
    assert_true(e2->rhi_completed == T("2017-04-12 10:00"));
    assert_string_equal(e2->reasons, "with_friends");
    assert_int_equal(e2->lateness_reason, HW_LATE_MISSING_AGAIN);
    assert_true(hw_afact_in_timescale(&f, e2));
    assert_false(e3->offered);
    /* The 3-day meeting: E1 lasted over 3 days and it was held in time. */
    assert_int_equal(e1->sm3d, HW_SM3D_HELD_IN_TIME);
    assert_int_equal(e2->sm3d, HW_SM3D_NONE);
    assert_int_equal(e3->sm3d, HW_SM3D_NONE);
    hw_afacts_free(&f);
    hw_test_db_close(&db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sm3d_status),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
