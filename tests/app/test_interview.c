/* test_interview.c - the interview workflow (app/interview.c) and the
 * interview checks that use it (app/check.c): the rules' verdict over the
 * episodes covered, overrides needing a reason, the lateness reason
 * required only when late, reasons checked against the list, and attempts
 * (appended, checked against the return, raising the interview's count). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/check.h"
#include "app/interview.h"
#include "support/testdb.h"

struct fx {
    struct hw_test_db db;
    struct hw_config cfg;
};

static const struct hw_actor AMY = {.user = "amy", .source = "cli", .at = 1500000000};

static hw_instant at(const char *local)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(local, &t, NULL), 0);
    return t;
}

/* Stores a record given as "name=value" pairs, NULL-terminated, unchecked. */
static void put(struct fx *fx, enum hw_rectype t, const char *const *kv)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    void *rec = calloc(1, ti->size);
    struct hw_err err = {0};
    hw_record_init(ti->fields, rec);
    for (; *kv; kv += 2)
        if (hw_field_set(hw_field_find(ti->fields, kv[0]), rec, kv[1], &err) < 0)
            fail_msg("%s: %s", kv[0], err.msg);
    if (hw_store_put(fx->db.s, t, rec, NULL, &err) < 0)
        fail_msg("put: %s", err.msg);
    hw_record_clear(ti->fields, rec);
    free(rec);
}

/* C1 is flagged for exploitation (every missing episode required); C2 has
 * no flags (a short daytime episode is at judgement); C3 was placed by
 * another council (forwarded). E3 is an absence (not required). E6 is
 * still missing, more than 28 days after E4. */
static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    if (!fx || hw_test_db_open(&fx->db) < 0) {
        free(fx);
        return -1;
    }
    hw_config_defaults(&fx->cfg);
    put(fx, HW_REC_CHILD, (const char *const[]){"child_id", "C1", "flags", "cse", NULL});
    put(fx, HW_REC_CHILD, (const char *const[]){"child_id", "C2", NULL});
    put(fx, HW_REC_CHILD,
        (const char *const[]){"child_id", "C3", "responsible_authority", "Elsewhere", NULL});
    static const char *const eps[][5] = {
        {"E1", "C1", "missing", "2017-04-01 22:00", "2017-04-02 07:00"},
        {"E2", "C1", "missing", "2017-04-05 20:00", "2017-04-06 08:00"},
        {"E3", "C1", "absent", "2017-04-06 14:00", "2017-04-06 16:00"},
        {"E4", "C2", "missing", "2017-04-03 10:00", "2017-04-03 12:00"},
        {"E5", "C3", "missing", "2017-04-03 10:00", "2017-04-03 12:00"},
        {"E6", "C2", "missing", "2017-05-10 10:00", ""},
    };
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++)
        put(fx, HW_REC_EPISODE,
            (const char *const[]){"episode_id", eps[i][0], "child_id", eps[i][1], "kind", eps[i][2],
                                  "last_seen", eps[i][3], "returned", eps[i][4], NULL});
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

/* An interview from "name=value" pairs, not stored. */
static void make(struct hw_interview *iv, const char *const *kv)
{
    struct hw_err err = {0};
    hw_record_init(hw_interview_fields, iv);
    for (; *kv; kv += 2)
        if (hw_field_set(hw_field_find(hw_interview_fields, kv[0]), iv, kv[1], &err) < 0)
            fail_msg("%s: %s", kv[0], err.msg);
}

/* Checks the interview: 0, or the exact message. */
static void check_is(struct fx *fx, const char *const *kv, const char *msg)
{
    struct hw_interview iv;
    struct hw_err err = {0};
    make(&iv, kv);
    int rc = hw_check_interview(fx->db.s, &fx->cfg, NULL, &iv, &err);
    if (msg == NULL && rc != 0)
        fail_msg("refused: %s", err.msg);
    if (msg) {
        assert_int_equal(rc, -1);
        assert_int_equal(err.kind, HW_EINPUT);
        assert_string_equal(err.msg, msg);
    }
    hw_record_clear(hw_interview_fields, &iv);
}

#define IV(...) ((const char *const[]){"interview_id", "I1", __VA_ARGS__, NULL})

/* ---- pure parts ---- */

static void test_overrides_table(void **state)
{
    (void)state;
    static const struct {
        int verdict, decision;
        bool overrides;
    } cases[] = {
        {HW_RHI_REQUIRED, HW_DEC_REQUIRED, false},
        {HW_RHI_REQUIRED, HW_DEC_NOT_REQUIRED, true},
        {HW_RHI_REQUIRED, HW_DEC_JUDGEMENT, true},
        {HW_RHI_JUDGEMENT, HW_DEC_REQUIRED, false},
        {HW_RHI_JUDGEMENT, HW_DEC_NOT_REQUIRED, false},
        {HW_RHI_JUDGEMENT, HW_DEC_JUDGEMENT, false},
        {HW_RHI_NOT_REQUIRED, HW_DEC_REQUIRED, true},
        {HW_RHI_NOT_REQUIRED, HW_DEC_NOT_REQUIRED, false},
        {HW_RHI_NOT_REQUIRED, HW_DEC_JUDGEMENT, true},
        {HW_RHI_FORWARDED, HW_DEC_REQUIRED, true},
        {HW_RHI_FORWARDED, HW_DEC_NOT_REQUIRED, false},
        {HW_RHI_FORWARDED, HW_DEC_JUDGEMENT, true},
        {HW_RHI_REQUIRED, HW_DEC_UNSET, false},
        {HW_RHI_FORWARDED, HW_DEC_UNSET, false},
        {0, HW_DEC_NOT_REQUIRED, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (hw_decision_overrides(cases[i].verdict, cases[i].decision) != cases[i].overrides)
            fail_msg("case %zu: verdict %d, decision %d", i, cases[i].verdict, cases[i].decision);
}

static void test_strongest(void **state)
{
    (void)state;
    assert_int_equal(hw_rhi_strongest(0, HW_RHI_FORWARDED), HW_RHI_FORWARDED);
    assert_int_equal(hw_rhi_strongest(HW_RHI_FORWARDED, HW_RHI_NOT_REQUIRED), HW_RHI_NOT_REQUIRED);
    assert_int_equal(hw_rhi_strongest(HW_RHI_NOT_REQUIRED, HW_RHI_JUDGEMENT), HW_RHI_JUDGEMENT);
    assert_int_equal(hw_rhi_strongest(HW_RHI_JUDGEMENT, HW_RHI_REQUIRED), HW_RHI_REQUIRED);
    assert_int_equal(hw_rhi_strongest(HW_RHI_REQUIRED, HW_RHI_JUDGEMENT), HW_RHI_REQUIRED);
    assert_int_equal(hw_rhi_strongest(HW_RHI_REQUIRED, 0), HW_RHI_REQUIRED);
    assert_int_equal(hw_rhi_strongest(HW_RHI_NOT_REQUIRED, HW_RHI_FORWARDED), HW_RHI_NOT_REQUIRED);
}

static void test_attempts_short(void **state)
{
    (void)state;
    struct hw_interview iv;
    make(&iv, IV("outcome", "completed"));
    struct hw_attempt_summary none = {0}, one = {1, 1, false}, two = {3, 2, false},
                              seen = {1, 1, true};
    assert_true(hw_interview_attempts_short(&iv, &none));
    assert_true(hw_interview_attempts_short(&iv, &one));
    assert_false(hw_interview_attempts_short(&iv, &two));
    assert_false(hw_interview_attempts_short(&iv, &seen));
    /* A count recorded on the interview (an import) counts. */
    iv.attempts = 2;
    assert_false(hw_interview_attempts_short(&iv, &none));
    iv.attempts = 1;
    assert_true(hw_interview_attempts_short(&iv, &none));
    /* Only a completed interview is short of attempts. */
    iv.outcome = HW_OUT_PENDING;
    assert_false(hw_interview_attempts_short(&iv, &none));
    hw_record_clear(hw_interview_fields, &iv);
}

/* ---- the rules over the episodes covered ---- */

static void test_rules_view(void **state)
{
    struct fx *fx = *state;
    struct hw_interview iv;
    struct hw_interview_view v;
    struct hw_err err = {0};
    make(&iv, IV("child_id", "C1", "episode_ids", "E3;E2;E1"));
    assert_int_equal(hw_interview_load(fx->db.s, &iv, &v, &err), 0);
    assert_int_equal(v.n, 3);
    assert_string_equal(v.eps[0].ep.id, "E3");
    assert_ptr_equal(v.first_return, &v.eps[2]); /* E1 came back first */
    assert_int_equal(v.verdict, 0);
    assert_int_equal(hw_interview_due(&fx->cfg, &v), at("2017-04-05 07:00"));
    assert_int_equal(hw_interview_rules(fx->db.s, &fx->cfg, &iv, HW_NO_TIME, &v, &err), 0);
    assert_int_equal(v.eps[0].rhi.verdict, HW_RHI_NOT_REQUIRED);
    assert_int_equal(v.eps[1].rhi.verdict, HW_RHI_REQUIRED);
    assert_int_equal(v.eps[1].rhi.criteria, HW_CRIT_OVERNIGHT_6H | HW_CRIT_OVER_9H |
                                                HW_CRIT_REPEAT_28D | HW_CRIT_EXPLOITATION_RISK);
    assert_int_equal(v.verdict, HW_RHI_REQUIRED);
    hw_interview_view_free(&v);
    hw_record_clear(hw_interview_fields, &iv);

    /* Still missing: judged at last seen, or as if returned at `now`. */
    make(&iv, IV("child_id", "C2", "episode_ids", "E6"));
    assert_int_equal(hw_interview_load(fx->db.s, &iv, &v, &err), 0);
    assert_null(v.first_return);
    assert_int_equal(hw_interview_due(&fx->cfg, &v), HW_NO_TIME);
    assert_false(hw_interview_late(&fx->cfg, &v, at("2017-05-01 10:00")));
    assert_int_equal(hw_interview_rules(fx->db.s, &fx->cfg, &iv, HW_NO_TIME, &v, &err), 0);
    assert_int_equal(v.verdict, HW_RHI_JUDGEMENT);
    assert_true(v.eps[0].rhi.provisional);
    assert_int_equal(
        hw_interview_rules(fx->db.s, &fx->cfg, &iv, at("2017-05-10 19:00:01"), &v, &err), 0);
    assert_int_equal(v.verdict, HW_RHI_REQUIRED); /* over 9 hours by then */
    assert_int_equal(v.eps[0].rhi.criteria, HW_CRIT_OVER_9H);
    hw_interview_view_free(&v);
    hw_record_clear(hw_interview_fields, &iv);

    /* The episodes must be recorded and the child's. */
    make(&iv, IV("child_id", "C2", "episode_ids", "E4;E1"));
    assert_int_equal(hw_interview_load(fx->db.s, &iv, &v, &err), -1);
    assert_string_equal(err.msg, "episode_ids: episode E1 is of child C1, not C2");
    hw_interview_view_free(&v);
    hw_record_clear(hw_interview_fields, &iv);
    make(&iv, IV("child_id", "C2", "episode_ids", "E4;E9"));
    assert_int_equal(hw_interview_load(fx->db.s, &iv, &v, &err), -1);
    assert_string_equal(err.msg, "episode_ids: no episode E9 is recorded");
    assert_int_equal(v.n, 2);
    hw_interview_view_free(&v);
    assert_int_equal(v.n, 0);
    hw_record_clear(hw_interview_fields, &iv);
}

/* ---- the checks ---- */

static void test_override_needs_a_reason(void **state)
{
    struct fx *fx = *state;
    check_is(fx, IV("child_id", "C1", "episode_ids", "E1", "decision", "required"), NULL);
    check_is(fx, IV("child_id", "C1", "episode_ids", "E1", "decision", "not_required"),
             "decision_reason: is required: the rules say required (episode E1: overnight_6h, "
             "exploitation_risk) and the decision is not_required; record why they are "
             "overridden (--decision-reason)");
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "decision", "not_required",
                "decision_reason", "Seen at length by the police"),
             NULL);
    /* Over several episodes the strongest verdict counts: E3 alone is not
     * required, with E2 it is. */
    check_is(fx, IV("child_id", "C1", "episode_ids", "E3", "decision", "not_required"), NULL);
    check_is(fx, IV("child_id", "C1", "episode_ids", "E3;E2", "decision", "not_required"),
             "decision_reason: is required: the rules say required (episode E2: overnight_6h, "
             "over_9h, repeat_28d, exploitation_risk) and the decision is not_required; record "
             "why they are overridden (--decision-reason)");
    /* Not required unless the child asks: doing one is an override too. */
    check_is(fx, IV("child_id", "C1", "episode_ids", "E3", "decision", "required"),
             "decision_reason: is required: the rules say not_required (episode E3: repeat_28d, "
             "exploitation_risk) and the decision is required; record why they are overridden "
             "(--decision-reason)");
    /* Placed by another council: forwarded, no interview here. */
    check_is(fx, IV("child_id", "C3", "episode_ids", "E5", "decision", "not_required"), NULL);
    check_is(fx, IV("child_id", "C3", "episode_ids", "E5", "decision", "required"),
             "decision_reason: is required: the rules say forwarded (episode E5) and the decision "
             "is required; record why they are overridden (--decision-reason)");
    /* No decision recorded: nothing to override. */
    check_is(fx, IV("child_id", "C1", "episode_ids", "E1"), NULL);
}

static void test_judgement_needs_no_reason(void **state)
{
    struct fx *fx = *state;
    check_is(fx, IV("child_id", "C2", "episode_ids", "E4", "decision", "not_required"), NULL);
    check_is(fx, IV("child_id", "C2", "episode_ids", "E4", "decision", "required"), NULL);
    check_is(fx, IV("child_id", "C2", "episode_ids", "E4", "decision", "judgement"), NULL);
    /* Still missing: judged at last seen (the least the rules will say). */
    check_is(fx, IV("child_id", "C2", "episode_ids", "E6", "decision", "not_required"), NULL);
}

static void test_lateness_reason_only_when_late(void **state)
{
    struct fx *fx = *state;
#define LATE(t)                                                                                    \
    "lateness_reason: is required: completed " t ", after the 72 hours from the return of "        \
    "episode E1 (due by 2017-04-05 07:00); give the main reason it was late "                      \
    "(--lateness-reason): missing_again|declined|worker_availability|weekend_bank_holiday|"        \
    "child_unavailable|other"
    /* 72 hours to the second is in time. */
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-05 07:00:00"),
             NULL);
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-05 07:00:01"),
             LATE("2017-04-05 07:00:01"));
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-05 07:00:01", "lateness_reason", "weekend_bank_holiday"),
             NULL);
    /* The first return among the episodes covered starts the clock. */
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E2;E1", "outcome", "completed", "completed",
                "2017-04-06 09:00"),
             LATE("2017-04-06 09:00"));
    /* Not completed: nothing to explain yet; a reason may still be recorded. */
    check_is(fx, IV("child_id", "C1", "episode_ids", "E1", "outcome", "declined"), NULL);
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "unavailable", "lateness_reason",
                "missing_again"),
             NULL);
    /* In time with a reason: kept (not guessed away). */
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-03 10:00", "lateness_reason", "other"),
             NULL);
    /* No episode has returned: no clock. */
    check_is(fx,
             IV("child_id", "C2", "episode_ids", "E6", "outcome", "completed", "completed",
                "2017-05-20 10:00"),
             NULL);
    /* The hours are configuration. */
    fx->cfg.rhi_due_hours = 48;
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-04 07:00"),
             NULL);
    check_is(fx,
             IV("child_id", "C1", "episode_ids", "E1", "outcome", "completed", "completed",
                "2017-04-04 07:01"),
             "lateness_reason: is required: completed 2017-04-04 07:01, after the 48 hours from "
             "the return of episode E1 (due by 2017-04-04 07:00); give the main reason it was late "
             "(--lateness-reason): missing_again|declined|worker_availability|"
             "weekend_bank_holiday|child_unavailable|other");
}

static void test_reasons_checked_and_normalised(void **state)
{
    struct fx *fx = *state;
    struct hw_interview iv;
    struct hw_err err = {0};
    make(&iv, IV("child_id", "C1", "episode_ids", "E1", "reasons", "CSE ; with_friends;cse"));
    assert_int_equal(hw_check_interview(fx->db.s, &fx->cfg, NULL, &iv, &err), 0);
    assert_string_equal(iv.reasons, "cse;with_friends");
    assert_int_equal(hw_app_save(fx->db.s, HW_REC_INTERVIEW, &iv, &AMY, &err), HW_SAVE_NEW);

    /* Against another list: what is stored stands, a change must fit. */
    struct hw_reasons *own = calloc(1, sizeof *own);
    assert_non_null(own);
    assert_int_equal(hw_reasons_parse("family  Family\n", NULL, own, &err), 0);
    assert_int_equal(hw_check_interview(fx->db.s, &fx->cfg, own, &iv, &err), 0);
    assert_string_equal(iv.reasons, "cse;with_friends");
    free(iv.reasons);
    iv.reasons = hw_strdup("cse");
    assert_int_equal(hw_check_interview(fx->db.s, &fx->cfg, own, &iv, &err), -1);
    assert_string_equal(err.msg, "reasons: unknown reason 'cse': expected ';'-separated codes of "
                                 "the reasons list ('homeward reasons show'): family");
    free(iv.reasons);
    iv.reasons = hw_strdup(" ; ");
    assert_int_equal(hw_check_interview(fx->db.s, &fx->cfg, own, &iv, &err), 0);
    assert_null(iv.reasons);
    free(own);
    hw_record_clear(hw_interview_fields, &iv);
}

/* ---- attempts ---- */

static int line(void *ctx, const struct hw_attempt *a)
{
    hw_buf_printf(ctx, "#%d %s %s %s|", a->seq, a->face_to_face ? "f2f" : "other",
                  hw_code_name(hw_attempt_outcome_codes, a->outcome), a->recorded.user);
    return 0;
}

static int history_line(void *ctx, const struct hw_change *c)
{
    hw_buf_printf(ctx, "%s:%s>%s|", c->field ? c->field : "created",
                  c->old_value ? c->old_value : "-", c->new_value ? c->new_value : "-");
    return 0;
}

static void attempt_ok(struct fx *fx, const char *iv, const char *when, bool f2f, int outcome,
                       int seq)
{
    struct hw_err err = {0};
    struct hw_attempt a = {
        .interview_id = iv, .at = at(when), .face_to_face = f2f, .outcome = outcome};
    if (hw_app_add_attempt(fx->db.s, &a, &AMY, &err) != 0)
        fail_msg("attempt: %s", err.msg);
    assert_int_equal(a.seq, seq);
    assert_string_equal(a.recorded.user, "amy");
    assert_int_equal(a.recorded.at, AMY.at);
}

static void attempt_bad(struct fx *fx, const char *iv, hw_instant when, const char *note,
                        enum hw_err_kind kind, const char *msg)
{
    struct hw_err err = {0};
    struct hw_attempt a = {
        .interview_id = iv, .at = when, .face_to_face = true, .outcome = HW_ATT_SEEN, .note = note};
    assert_int_equal(hw_app_add_attempt(fx->db.s, &a, &AMY, &err), -1);
    assert_int_equal(err.kind, kind);
    assert_string_equal(err.msg, msg);
}

static void test_attempts(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    put(fx, HW_REC_INTERVIEW,
        (const char *const[]){"interview_id", "I1", "child_id", "C1", "episode_ids", "E2;E1",
                              NULL});
    put(fx, HW_REC_INTERVIEW,
        (const char *const[]){"interview_id", "I2", "child_id", "C2", "episode_ids", "E6", NULL});
    put(fx, HW_REC_INTERVIEW,
        (const char *const[]){"interview_id", "I3", "child_id", "C2", "episode_ids", "E4",
                              "attempts", "3", NULL});

    attempt_bad(fx, "I9", at("2017-04-02 08:00"), NULL, HW_ENOTFOUND,
                "no interview I9 is recorded");
    attempt_bad(fx, "I1", at("2017-04-02 06:59"), NULL, HW_EINPUT,
                "the attempt at 2017-04-02 06:59 is before the child's return (episode E1 "
                "returned 2017-04-02 07:00)");
    attempt_bad(fx, "I2", at("2017-04-12 08:00"), NULL, HW_EINPUT,
                "interview I2 covers no episode with a return time yet: attempts follow the "
                "child's return");
    attempt_bad(fx, "I1", HW_NO_TIME, NULL, HW_EINPUT, "an attempt needs its time");
    attempt_bad(fx, "I1", at("2017-04-02 08:00"), "bell\a", HW_EINPUT,
                "the note: text holds a control character (code 7)");
    char *long_note = calloc(1, HW_ATTEMPT_NOTE_MAX + 2);
    memset(long_note, 'x', HW_ATTEMPT_NOTE_MAX + 1);
    attempt_bad(fx, "I1", at("2017-04-02 08:00"), long_note, HW_EINPUT,
                "the note: text is longer than 1000 bytes");
    free(long_note);
    struct hw_attempt a = {.interview_id = "I1", .at = at("2017-04-02 08:00"), .outcome = 0};
    assert_int_equal(hw_app_add_attempt(fx->db.s, &a, &AMY, &err), -1);
    assert_string_equal(err.msg, "an attempt needs its outcome");

    /* Exactly at the return is fine. A face-to-face attempt raises the
     * interview's count to the face-to-face attempts recorded; another
     * does not. */
    attempt_ok(fx, "I1", "2017-04-02 07:00", true, HW_ATT_NOT_IN, 1);
    attempt_ok(fx, "I1", "2017-04-02 12:00", false, HW_ATT_OTHER, 2);
    attempt_ok(fx, "I1", "2017-04-03 12:00", true, HW_ATT_MISSING_AGAIN, 3);
    struct hw_buf b = {0};
    assert_int_equal(hw_store_list_attempts(fx->db.s, "I1", line, &b, &err), 0);
    assert_string_equal(b.data, "#1 f2f not_in amy|#2 other other amy|#3 f2f missing_again amy|");
    hw_buf_reset(&b);
    assert_int_equal(
        hw_store_list_changes(fx->db.s, HW_REC_INTERVIEW, "I1", history_line, &b, &err), 0);
    assert_string_equal(b.data, "attempts:->1|attempts:1>2|");
    hw_buf_reset(&b);
    struct hw_attempt_summary sum;
    assert_int_equal(hw_interview_attempts(fx->db.s, "I1", &sum, &err), 0);
    assert_int_equal(sum.recorded, 3);
    assert_int_equal(sum.face_to_face, 2);
    assert_false(sum.seen);

    /* A larger count recorded already stands. */
    attempt_ok(fx, "I3", "2017-04-04 09:00", true, HW_ATT_SEEN, 1);
    assert_int_equal(
        hw_store_list_changes(fx->db.s, HW_REC_INTERVIEW, "I3", history_line, &b, &err), 0);
    assert_int_equal(b.len, 0); /* no change to the count */
    assert_int_equal(hw_interview_attempts(fx->db.s, "I3", &sum, &err), 0);
    assert_true(sum.seen);
    hw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overrides_table),
        cmocka_unit_test(test_strongest),
        cmocka_unit_test(test_attempts_short),
        cmocka_unit_test_setup_teardown(test_rules_view, setup, teardown),
        cmocka_unit_test_setup_teardown(test_override_needs_a_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_judgement_needs_no_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lateness_reason_only_when_late, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reasons_checked_and_normalised, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attempts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
