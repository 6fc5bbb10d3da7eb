/* check.c - cross-record checks and defaults. */
#include "app/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/interview.h"
#include "core/rules.h"

int hw_check_child(struct hw_store *s, struct hw_child *c, struct hw_err *err)
{
    (void)s;
    if (c->dob != HW_NO_DATE && c->dob > hw_date_from_ymd(HW_YEAR_MAX, 1, 1))
        return hw_fail(err, HW_EINPUT, "date_of_birth: is not a plausible date");
    return 0;
}

int hw_check_episode(struct hw_store *s, struct hw_episode *e, struct hw_err *err)
{
    struct hw_child child;
    int rc = -1;
    hw_record_init(hw_child_fields, &child);

    if (e->returned != HW_NO_TIME && e->returned < e->last_seen) {
        hw_fail(err, HW_EINPUT, "returned: is before last_seen");
        goto done;
    }
    if (e->reported != HW_NO_TIME && e->reported < e->last_seen) {
        hw_fail(err, HW_EINPUT, "reported: is before last_seen");
        goto done;
    }
    if (hw_list_contains(e->with_children, e->child_id)) {
        hw_fail(err, HW_EINPUT, "with_children: lists the child %s themself", e->child_id);
        goto done;
    }
    /* Only what the defaults need: the child's status and placement. */
    uint64_t want = hw_field_mask(hw_child_fields, "case_status", "placement_type",
                                  "placement_name", "out_of_area", NULL);
    int found = hw_store_get_some(s, HW_REC_CHILD, e->child_id, want, &child, err);
    if (found < 0)
        goto done;
    if (found == 0) {
        hw_fail(err, HW_EINPUT, "child_id: no child %s is recorded (import or add the child first)",
                e->child_id);
        goto done;
    }
    /* What the episode does not say is taken from the child as they are now. */
    if (!e->case_status)
        e->case_status = child.case_status;
    if (!e->missing_from_type) {
        e->missing_from_type = child.placement_type;
        if (!e->missing_from_name)
            e->missing_from_name = hw_strdup(child.placement_name);
    }
    if (!e->out_of_area)
        e->out_of_area = child.out_of_area;
    rc = 0;
done:
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

/* Reasons given anew must be codes of the list; those stored are kept as
 * they are (a council may retire a code without making old interviews
 * impossible to change). */
static int check_reasons(struct hw_store *s, const struct hw_reasons *list, struct hw_interview *iv,
                         struct hw_err *err)
{
    struct hw_interview stored;
    struct hw_err why;
    char *norm = NULL;
    int rc = -1;
    hw_record_init(hw_interview_fields, &stored);
    uint64_t want = hw_field_mask(hw_interview_fields, "reasons", NULL);
    int found = hw_store_get_some(s, HW_REC_INTERVIEW, iv->id, want, &stored, err);
    if (found < 0)
        goto done;
    if (found && stored.reasons && strcmp(stored.reasons, iv->reasons) == 0) {
        rc = 0;
        goto done;
    }
    if (hw_reasons_normalise(list ? list : hw_reasons_builtin(), iv->reasons, &norm, &why) < 0) {
        hw_fail(err, HW_EINPUT, "reasons: %s", why.msg);
        goto done;
    }
    free(iv->reasons);
    iv->reasons = norm;
    rc = 0;
done:
    hw_record_clear(hw_interview_fields, &stored);
    return rc;
}

/* A local time for a message: to the minute, with the seconds when there
 * are any (UK offsets are whole hours, so they are the instant's). */
static void when_text(hw_instant t, char buf[HW_LOCAL_LEN + 3])
{
    char m[HW_LOCAL_LEN];
    hw_format_local(t, m);
    int sec = (int)(((t % 60) + 60) % 60);
    if (sec)
        snprintf(buf, HW_LOCAL_LEN + 3, "%s:%02d", m, sec);
    else
        snprintf(buf, HW_LOCAL_LEN + 3, "%s", m);
}

/* "required (episode E1: overnight_6h, harmed)": what the rules say and why. */
static void verdict_text(const struct hw_interview_view *v, struct hw_buf *b)
{
    hw_buf_puts(b, hw_code_name(hw_rhi_verdict_codes, v->verdict));
    for (size_t i = 0; i < v->n; i++) {
        const struct hw_covered *c = &v->eps[i];
        if (c->rhi.verdict != v->verdict)
            continue;
        hw_buf_printf(b, " (episode %s", c->ep.id);
        bool first = true;
        for (const struct hw_code *k = hw_criterion_codes; k->code; k++)
            if (c->rhi.criteria & k->value) {
                hw_buf_printf(b, "%s%s", first ? ": " : ", ", k->code);
                first = false;
            }
        hw_buf_putc(b, ')');
        break;
    }
}

int hw_check_interview(struct hw_store *s, const struct hw_config *cfg,
                       const struct hw_reasons *reasons, struct hw_interview *iv,
                       struct hw_err *err)
{
    struct hw_interview_view v = {0};
    struct hw_buf b = {0};
    hw_instant first = HW_NO_TIME, last = HW_NO_TIME;
    char t1[HW_LOCAL_LEN + 3], t2[HW_LOCAL_LEN + 3], list[256];
    bool overrides = false;
    int rc = -1;

    if (iv->completed != HW_NO_TIME && iv->outcome != HW_OUT_COMPLETED) {
        hw_fail(err, HW_EINPUT, "outcome: must be completed when a completed time is given");
        goto done;
    }
    if (iv->outcome == HW_OUT_COMPLETED && iv->completed == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "completed: a completed interview needs its completed time");
        goto done;
    }
    if (iv->offered != HW_NO_TIME && iv->completed != HW_NO_TIME && iv->completed < iv->offered) {
        hw_fail(err, HW_EINPUT, "completed: is before offered");
        goto done;
    }
    if (hw_interview_load(s, iv, &v, err) < 0)
        goto done;
    for (size_t i = 0; i < v.n; i++) {
        hw_instant ls = v.eps[i].ep.last_seen;
        if (first == HW_NO_TIME || ls < first)
            first = ls;
        if (last == HW_NO_TIME || ls > last)
            last = ls;
    }
    /* One interview may cover several episodes within 7 days (003 12.3). */
    if (first != HW_NO_TIME && last - first > (hw_instant)cfg->interview_cover_days * HW_DAY) {
        hw_fail(err, HW_EINPUT,
                "episode_ids: one interview may cover episodes within %d days of each other",
                cfg->interview_cover_days);
        goto done;
    }
    /* Why it was late is recorded, never guessed (004 section 10). */
    if (!iv->lateness_reason && hw_interview_late(cfg, &v, iv->completed)) {
        when_text(iv->completed, t1);
        when_text(hw_interview_due(cfg, &v), t2);
        hw_code_list(hw_lateness_codes, list, sizeof list);
        hw_fail(err, HW_EINPUT,
                "lateness_reason: is required: completed %s, after the %d hours from the return "
                "of episode %s (due by %s); give the main reason it was late "
                "(--lateness-reason): %s",
                t1, cfg->rhi_due_hours, v.first_return->ep.id, t2, list);
        goto done;
    }
    /* A manager may override the rules, with a reason. */
    if (iv->decision && !iv->decision_reason) {
        if (hw_interview_overrides(s, cfg, iv, &v, &overrides, err) < 0)
            goto done;
        if (overrides) {
            verdict_text(&v, &b);
            hw_fail(err, HW_EINPUT,
                    "decision_reason: is required: the rules say %s and the decision is %s; "
                    "record why they are overridden (--decision-reason)",
                    b.data, hw_code_name(hw_decision_codes, iv->decision));
            goto done;
        }
    }
    if (iv->reasons && check_reasons(s, reasons, iv, err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&b);
    hw_interview_view_free(&v);
    return rc;
}

int hw_check_record(struct hw_store *s, const struct hw_config *cfg,
                    const struct hw_reasons *reasons, enum hw_rectype t, void *rec,
                    struct hw_err *err)
{
    switch (t) {
    case HW_REC_CHILD:
        return hw_check_child(s, rec, err);
    case HW_REC_EPISODE:
        return hw_check_episode(s, rec, err);
    case HW_REC_INTERVIEW:
        return hw_check_interview(s, cfg, reasons, rec, err);
    case HW_REC_COUNT:
        break;
    }
    return hw_fail(err, HW_EINTERNAL, "unknown record type");
}
