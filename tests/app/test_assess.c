/* test_assess.c - hw_assess_episode's wiring: the history comes from the
 * store (the child's missing episodes only), flags and OLA from the child,
 * the rest from the episode. The rules themselves are tested in
 * tests/core/test_rules.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/testdb.h"

#include <unistd.h>

#include "app/assess.h"
#include "core/calendar.h"

/* ---- fixture: a new store in a fresh directory ---- */

struct fx {
    struct hw_test_db db;
    struct hw_config cfg;
};

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    if (!fx || hw_test_db_open(&fx->db) < 0) {
        free(fx);
        return -1;
    }
    hw_config_defaults(&fx->cfg);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    hw_test_db_close(&fx->db);
    free(fx);
    return 0;
}

/* ---- helpers ---- */

static hw_instant at(const char *local)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(local, &t, NULL), 0);
    return t;
}

/* Stores a record given as "name=value" pairs, NULL-terminated. */
static void put(struct fx *fx, enum hw_rectype t, const char *const *kv)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    struct hw_err err = {0};
    void *rec = calloc(1, ti->size);
    assert_non_null(rec);
    hw_record_init(ti->fields, rec);
    for (; *kv; kv++) {
        const char *eq = strchr(*kv, '=');
        char name[64];
        assert_non_null(eq);
        snprintf(name, sizeof name, "%.*s", (int)(eq - *kv), *kv);
        const struct hw_field *f = hw_field_find(ti->fields, name);
        assert_non_null(f);
        if (hw_field_set(f, rec, eq + 1, &err) != 0)
            fail_msg("%s: %s", *kv, err.msg);
    }
    if (hw_store_put(fx->db.s, t, rec, NULL, &err) < 0)
        fail_msg("put: %s", err.msg);
    hw_record_clear(ti->fields, rec);
    free(rec);
}

#define CHILD(...)   put(fx, HW_REC_CHILD, (const char *const[]){__VA_ARGS__, NULL})
#define EPISODE(...) put(fx, HW_REC_EPISODE, (const char *const[]){__VA_ARGS__, NULL})

/* Loads the episode and its child from the store and assesses it. */
static void assess(struct fx *fx, const char *episode_id, hw_instant now, struct hw_assessment *out)
{
    struct hw_err err = {0};
    struct hw_episode e;
    struct hw_child c;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &c);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, episode_id, &e, &err), 1);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, e.child_id, &c, &err), 1);
    memset(out, 0x5a, sizeof *out);
    if (hw_assess_episode(fx->db.s, &fx->cfg, &c, &e, now, out, &err) != 0)
        fail_msg("assess: %s", err.msg);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &c);
}

static void action_is(const struct hw_assessment *a, size_t i, int kind, int seq, hw_instant due,
                      bool needed)
{
    assert_true(i < a->n_actions);
    assert_int_equal(a->actions[i].kind, kind);
    assert_int_equal(a->actions[i].seq, seq);
    assert_int_equal(a->actions[i].due, due);
    assert_true(a->actions[i].needed == needed);
}

/* ---- tests ---- */

/* A second missing episode within 28 days fires repeat_28d; the first does
 * not, as later episodes are not history. */
static void test_repeat_from_store(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=C1");
    CHILD("child_id=C2");
    EPISODE("episode_id=E1", "child_id=C1", "kind=missing", "last_seen=2024-03-01 10:00",
            "returned=2024-03-01 12:00");
    EPISODE("episode_id=E2", "child_id=C1", "kind=missing", "last_seen=2024-03-20 10:00",
            "returned=2024-03-20 12:00");
    hw_instant now = at("2024-04-10 09:00");

    assess(fx, "E2", now, &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_REQUIRED);
    assert_int_equal(a.rhi.criteria, HW_CRIT_REPEAT_28D);
    assert_false(a.rhi.provisional);
    hw_instant r = at("2024-03-20 12:00");
    assert_int_equal(a.rhi.due, r + 72 * HW_HOUR);
    assert_int_equal(a.pattern.in_window, 2);
    assert_int_equal(a.pattern.in_month, 2);
    assert_int_equal(a.pattern.in_quarter, 2);
    assert_true(a.pattern.repeat);
    assert_false(a.pattern.persistent_month);
    assert_false(a.pattern.persistent_quarter);
    /* returned after 2 hours, no risk level: on-return actions and the RHI */
    assert_int_equal(a.n_actions, 4);
    action_is(&a, 0, HW_ACT_SAFE_WELL_CHECK, 1, r + 3 * HW_HOUR, true);
    action_is(&a, 1, HW_ACT_STRATEGY_MEETING_3D, 1, at("2024-03-23 10:00"), false);
    action_is(&a, 2, HW_ACT_RHI, 1, r + 72 * HW_HOUR, true);
    action_is(&a, 3, HW_ACT_RECORD_UPDATED, 1, at("2024-03-27 12:00"), true);
    assert_int_equal(a.actions[3].due, hw_add_working_days_at(r, 5));

    assess(fx, "E1", now, &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_JUDGEMENT);
    assert_int_equal(a.rhi.criteria, 0);
    assert_int_equal(a.rhi.due, at("2024-03-04 12:00"));
    assert_int_equal(a.pattern.in_window, 1);
    assert_false(a.pattern.repeat);
    assert_int_equal(a.n_actions, 3); /* no RHI action without a required RHI */

    /* a third episode in the month makes the pattern persistent */
    EPISODE("episode_id=E3", "child_id=C1", "kind=missing", "last_seen=2024-03-25 10:00",
            "returned=2024-03-25 11:00");
    assess(fx, "E3", now, &a);
    assert_int_equal(a.pattern.in_window, 3);
    assert_int_equal(a.pattern.in_month, 3);
    assert_true(a.pattern.persistent_month);
    assert_true(a.pattern.persistent_quarter);
}

/* Absences and other children's episodes are not the child's missing
 * history. */
static void test_history_is_the_childs_missing_episodes(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=C1");
    CHILD("child_id=C2");
    EPISODE("episode_id=A1", "child_id=C1", "kind=absent", "last_seen=2024-03-10 10:00",
            "returned=2024-03-10 11:00");
    EPISODE("episode_id=Y1", "child_id=C2", "kind=missing", "last_seen=2024-03-15 10:00",
            "returned=2024-03-15 11:00");
    EPISODE("episode_id=X2", "child_id=C1", "kind=missing", "last_seen=2024-03-20 10:00",
            "returned=2024-03-20 12:00");
    assess(fx, "X2", at("2024-04-10 09:00"), &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_JUDGEMENT);
    assert_int_equal(a.rhi.criteria, 0);
    assert_int_equal(a.pattern.in_window, 1);
    assert_int_equal(a.pattern.in_month, 1);
    assert_false(a.pattern.repeat);

    /* the same assessment once C1 has a missing episode in the window */
    EPISODE("episode_id=X1", "child_id=C1", "kind=missing", "last_seen=2024-02-21 10:00",
            "returned=2024-02-21 11:00"); /* exactly 28 days earlier */
    assess(fx, "X2", at("2024-04-10 09:00"), &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_REQUIRED);
    assert_int_equal(a.rhi.criteria, HW_CRIT_REPEAT_28D);
    assert_int_equal(a.pattern.in_window, 2);
    assert_int_equal(a.pattern.in_month, 1);
}

/* A child placed by another council is forwarded; the criteria (here from the
 * child's flags) are still reported, and there is no RHI due here. */
static void test_ola_forwarded(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=O1", "responsible_authority=Dorset Council", "flags=cse;risky_adults");
    EPISODE("episode_id=E1", "child_id=O1", "kind=missing", "last_seen=2024-03-20 10:00",
            "returned=2024-03-20 12:00");
    assess(fx, "E1", at("2024-04-10 09:00"), &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_FORWARDED);
    assert_int_equal(a.rhi.criteria, HW_CRIT_EXPLOITATION_RISK | HW_CRIT_RISKY_CONTACTS);
    assert_int_equal(a.rhi.due, HW_NO_TIME);
    assert_false(a.rhi.provisional);
    /* safe and well, the 3-day meeting (found first), the record, and the
     * notice to the responsible council when the interview is due */
    assert_int_equal(a.n_actions, 4);
    for (size_t i = 0; i < a.n_actions; i++)
        assert_int_not_equal(a.actions[i].kind, HW_ACT_RHI);
    action_is(&a, 1, HW_ACT_STRATEGY_MEETING_3D, 1, at("2024-03-23 10:00"), false);
    action_is(&a, 2, HW_ACT_OLA_NOTICE, 1, at("2024-03-23 12:00"), true);

    /* the same child once this council's own: required on the same flags */
    CHILD("child_id=O1", "flags=cse;risky_adults");
    assess(fx, "E1", at("2024-04-10 09:00"), &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_REQUIRED);
    assert_int_equal(a.rhi.criteria, HW_CRIT_EXPLOITATION_RISK | HW_CRIT_RISKY_CONTACTS);
    assert_int_equal(a.rhi.due, at("2024-03-23 12:00"));
    assert_int_equal(a.n_actions, 4);
    for (size_t i = 0; i < a.n_actions; i++)
        assert_int_not_equal(a.actions[i].kind, HW_ACT_OLA_NOTICE);
}

/* The child's flags reach the schedule: trafficked, the National Referral
 * Mechanism referral 24 hours after last seen, even when found first; the
 * same child not flagged, none. */
static void test_trafficked_nrm(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=T1", "flags=trafficking;cse");
    EPISODE("episode_id=E1", "child_id=T1", "kind=missing", "last_seen=2024-03-20 10:00",
            "returned=2024-03-20 12:00", "risk=low");
    assess(fx, "E1", at("2024-04-10 09:00"), &a);
    size_t k = a.n_actions;
    for (size_t i = 0; i < a.n_actions; i++)
        if (a.actions[i].kind == HW_ACT_NRM_REFERRAL)
            k = i;
    assert_true(k < a.n_actions);
    action_is(&a, k, HW_ACT_NRM_REFERRAL, 1, at("2024-03-21 10:00"), true);

    CHILD("child_id=T1", "flags=cse");
    assess(fx, "E1", at("2024-04-10 09:00"), &a);
    for (size_t i = 0; i < a.n_actions; i++)
        assert_int_not_equal(a.actions[i].kind, HW_ACT_NRM_REFERRAL);
}

/* An absence needs no interview and no escalation, whatever fired. */
static void test_absent_not_required(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=C1", "flags=gang", "case_status=cla");
    EPISODE("episode_id=A1", "child_id=C1", "kind=absent", "last_seen=2024-03-20 10:00",
            "returned=2024-03-20 12:00", "risk=high", "harmed=yes", "crime_while_absent=n");
    assess(fx, "A1", at("2024-04-10 09:00"), &a);
    assert_int_equal(a.rhi.verdict, HW_RHI_NOT_REQUIRED);
    assert_int_equal(a.rhi.criteria, HW_CRIT_HARMED | HW_CRIT_CRIME_DRUGS_RISK);
    assert_int_equal(a.rhi.due, HW_NO_TIME);
    assert_int_equal(a.n_actions, 0);
    assert_int_equal(a.pattern.in_window, 0); /* an absence is not a missing episode */
}

/* Still missing: judged as if returned now, no due time, and the escalation
 * so far (risk and case status from the episode) with the next review. */
static void test_open_episode_provisional(void **state)
{
    struct fx *fx = *state;
    struct hw_assessment a;
    CHILD("child_id=C1", "case_status=cin");
    EPISODE("episode_id=E1", "child_id=C1", "kind=missing", "last_seen=2024-05-01 10:00",
            "risk=high", "case_status=cla", "crime_while_absent=yes");
    hw_instant ls = at("2024-05-01 10:00");

    assess(fx, "E1", ls + 80 * HW_HOUR, &a);
    assert_true(a.rhi.provisional);
    assert_int_equal(a.rhi.verdict, HW_RHI_REQUIRED);
    assert_int_equal(a.rhi.criteria,
                     HW_CRIT_OVERNIGHT_6H | HW_CRIT_OVER_9H | HW_CRIT_CRIME_WHILE_ABSENT);
    assert_int_equal(a.rhi.due, HW_NO_TIME);
    assert_int_equal(a.n_actions, 8);
    action_is(&a, 0, HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);
    action_is(&a, 1, HW_ACT_NEED_TO_KNOW, 1, ls, true);
    action_is(&a, 2, HW_ACT_IRO_INFORMED, 1, ls, true);
    action_is(&a, 3, HW_ACT_MISSING_PERSONS_BUREAU, 1, ls, true);
    action_is(&a, 4, HW_ACT_CEOP, 1, ls, true);
    action_is(&a, 5, HW_ACT_REVIEW_STRATEGY, 1, ls + 72 * HW_HOUR, true);
    action_is(&a, 6, HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    action_is(&a, 7, HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, true);

    /* an hour in, only the immediate actions and the next ones are listed, and
     * nothing has fired from the duration yet */
    assess(fx, "E1", ls + HW_HOUR, &a);
    assert_true(a.rhi.provisional);
    assert_int_equal(a.rhi.criteria, HW_CRIT_CRIME_WHILE_ABSENT);
    assert_int_equal(a.n_actions, 7);
    action_is(&a, 5, HW_ACT_REVIEW_STRATEGY, 1, ls + 72 * HW_HOUR, true);
    action_is(&a, 6, HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);

    /* once returned, the assessment is final and the RHI is due */
    EPISODE("episode_id=E1", "child_id=C1", "kind=missing", "last_seen=2024-05-01 10:00",
            "returned=2024-05-01 20:00", "risk=high", "case_status=cla", "crime_while_absent=yes");
    assess(fx, "E1", ls + 80 * HW_HOUR, &a);
    assert_false(a.rhi.provisional);
    assert_int_equal(a.rhi.criteria, HW_CRIT_OVER_9H | HW_CRIT_CRIME_WHILE_ABSENT);
    assert_int_equal(a.rhi.due, ls + 10 * HW_HOUR + 72 * HW_HOUR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_repeat_from_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_is_the_childs_missing_episodes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ola_forwarded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trafficked_nrm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_absent_not_required, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_episode_provisional, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
