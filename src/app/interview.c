/* interview.c - an interview's episodes, the rules' verdict on them, attempts. */
#include "app/interview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"

int hw_interview_load(struct hw_store *s, const struct hw_interview *iv,
                      struct hw_interview_view *v, struct hw_err *err)
{
    /* What the checks and the rules (app/assess.c) read of an episode. */
    uint64_t want = hw_field_mask(hw_episode_fields, "child_id", "kind", "last_seen", "returned",
                                  "risk", "case_status", "harmed", "crime_while_absent", NULL);
    const char *cur = iv->episode_ids ? iv->episode_ids : "", *item;
    size_t n, cap = 0;
    memset(v, 0, sizeof *v);
    while ((n = hw_list_next(&cur, &item)) > 0) {
        char id[HW_ID_MAX + 1];
        snprintf(id, sizeof id, "%.*s", (int)n, item);
        if (v->n == cap) {
            cap = cap ? 2 * cap : 4;
            v->eps = hw_reallocarray(v->eps, cap, sizeof *v->eps);
        }
        struct hw_covered *c = &v->eps[v->n];
        memset(c, 0, sizeof *c);
        hw_record_init(hw_episode_fields, &c->ep);
        v->n++;
        c->ep.id = hw_strdup(id);
        int found = hw_store_get_some(s, HW_REC_EPISODE, id, want, &c->ep, err);
        if (found < 0)
            return -1;
        if (found == 0)
            return hw_fail(err, HW_EINPUT, "episode_ids: no episode %s is recorded", id);
        if (strcmp(c->ep.child_id, iv->child_id) != 0)
            return hw_fail(err, HW_EINPUT, "episode_ids: episode %s is of child %s, not %s", id,
                           c->ep.child_id, iv->child_id);
    }
    /* The array is final now (it moved while growing). */
    for (size_t i = 0; i < v->n; i++)
        if (v->eps[i].ep.returned != HW_NO_TIME &&
            (v->first_return == NULL || v->eps[i].ep.returned < v->first_return->ep.returned))
            v->first_return = &v->eps[i];
    return 0;
}

/* Reads what the rules need of the interview's child (app/assess.c). */
static int load_child(struct hw_store *s, const struct hw_interview *iv, struct hw_child *child,
                      struct hw_err *err)
{
    uint64_t want = hw_field_mask(hw_child_fields, "flags", "responsible_authority", NULL);
    int found = hw_store_get_some(s, HW_REC_CHILD, iv->child_id, want, child, err);
    if (found == 0)
        return hw_fail(err, HW_EINPUT, "child_id: no child %s is recorded", iv->child_id);
    return found < 0 ? -1 : 0;
}

/* Runs the rules on every episode of v with the child's missing-episode
 * starts (NULL, 0: none known) and sets v->verdict. */
static void run_rules(const struct hw_config *cfg, const struct hw_child *child,
                      const hw_instant *starts, size_t n, hw_instant now,
                      struct hw_interview_view *v)
{
    v->verdict = 0;
    for (size_t i = 0; i < v->n; i++) {
        struct hw_covered *c = &v->eps[i];
        hw_instant at = now;
        if (at == HW_NO_TIME)
            at = c->ep.returned != HW_NO_TIME ? c->ep.returned : c->ep.last_seen;
        struct hw_assessment as;
        hw_assess_with_history(cfg, child, &c->ep, starts, n, NULL, 0, at, &as);
        c->rhi = as.rhi;
        v->verdict = hw_rhi_strongest(v->verdict, c->rhi.verdict);
    }
}

/* Runs the rules with the child's missing episodes read from the store. */
static int rules_with_history(struct hw_store *s, const struct hw_config *cfg,
                              const struct hw_interview *iv, const struct hw_child *child,
                              hw_instant now, struct hw_interview_view *v, struct hw_err *err)
{
    hw_instant *starts = NULL;
    size_t n = 0;
    if (hw_store_missing_starts(s, iv->child_id, &starts, &n, err) < 0)
        return -1;
    run_rules(cfg, child, starts, n, now, v);
    free(starts);
    return 0;
}

int hw_interview_rules(struct hw_store *s, const struct hw_config *cfg,
                       const struct hw_interview *iv, hw_instant now, struct hw_interview_view *v,
                       struct hw_err *err)
{
    struct hw_child child;
    hw_record_init(hw_child_fields, &child);
    int rc = load_child(s, iv, &child, err);
    if (rc == 0)
        rc = rules_with_history(s, cfg, iv, &child, now, v, err);
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

int hw_interview_overrides(struct hw_store *s, const struct hw_config *cfg,
                           const struct hw_interview *iv, struct hw_interview_view *v,
                           bool *overrides, struct hw_err *err)
{
    struct hw_child child;
    int rc = -1;
    hw_record_init(hw_child_fields, &child);
    *overrides = false;
    if (load_child(s, iv, &child, err) < 0)
        goto done;
    /* The child's other episodes add only the repeat criterion: they can
     * turn judgement into required, and nothing else. Read them only when
     * that would change the answer, or to name every criterion when the
     * decision overrides the rules (an import of the usual decisions then
     * reads no more than the child). */
    run_rules(cfg, &child, NULL, 0, HW_NO_TIME, v);
    bool history = false;
    if (v->verdict == HW_RHI_JUDGEMENT &&
        hw_decision_overrides(HW_RHI_REQUIRED, iv->decision) !=
            hw_decision_overrides(HW_RHI_JUDGEMENT, iv->decision)) {
        if (rules_with_history(s, cfg, iv, &child, HW_NO_TIME, v, err) < 0)
            goto done;
        history = true;
    }
    *overrides = hw_decision_overrides(v->verdict, iv->decision);
    if (*overrides && !history && rules_with_history(s, cfg, iv, &child, HW_NO_TIME, v, err) < 0)
        goto done;
    rc = 0;
done:
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

void hw_interview_view_free(struct hw_interview_view *v)
{
    for (size_t i = 0; i < v->n; i++)
        hw_record_clear(hw_episode_fields, &v->eps[i].ep);
    free(v->eps);
    memset(v, 0, sizeof *v);
}

hw_instant hw_interview_due(const struct hw_config *cfg, const struct hw_interview_view *v)
{
    return v->first_return ? hw_rhi_due(cfg, v->first_return->ep.returned) : HW_NO_TIME;
}

bool hw_interview_late(const struct hw_config *cfg, const struct hw_interview_view *v,
                       hw_instant completed)
{
    return completed != HW_NO_TIME && v->first_return &&
           !hw_rhi_in_timescale(cfg, v->first_return->ep.returned, completed);
}

static int strength(int verdict)
{
    switch (verdict) {
    case HW_RHI_REQUIRED:
        return 4;
    case HW_RHI_JUDGEMENT:
        return 3;
    case HW_RHI_NOT_REQUIRED:
        return 2;
    case HW_RHI_FORWARDED:
        return 1;
    default:
        return 0;
    }
}

int hw_rhi_strongest(int a, int b)
{
    return strength(b) > strength(a) ? b : a;
}

bool hw_decision_overrides(int verdict, int decision)
{
    if (decision == HW_DEC_UNSET)
        return false;
    switch (verdict) {
    case HW_RHI_REQUIRED:
        return decision != HW_DEC_REQUIRED;
    case HW_RHI_NOT_REQUIRED:
    case HW_RHI_FORWARDED:
        return decision != HW_DEC_NOT_REQUIRED;
    default:
        return false;
    }
}

/* ---- attempts ---- */

static int count_attempt(void *ctx, const struct hw_attempt *a)
{
    struct hw_attempt_summary *sum = ctx;
    sum->recorded++;
    if (a->face_to_face) {
        sum->face_to_face++;
        sum->seen |= a->outcome == HW_ATT_SEEN;
    }
    return 0;
}

int hw_interview_attempts(struct hw_store *s, const char *interview_id,
                          struct hw_attempt_summary *out, struct hw_err *err)
{
    memset(out, 0, sizeof *out);
    return hw_store_list_attempts(s, interview_id, count_attempt, out, err);
}

bool hw_interview_attempts_short(const struct hw_interview *iv,
                                 const struct hw_attempt_summary *sum)
{
    int f2f = sum->face_to_face;
    if (iv->attempts != HW_NO_INT && iv->attempts > f2f)
        f2f = iv->attempts;
    return iv->outcome == HW_OUT_COMPLETED && !sum->seen && f2f < 2;
}

int hw_app_add_attempt(struct hw_store *s, struct hw_attempt *a, const struct hw_actor *who,
                       struct hw_err *err)
{
    struct hw_interview iv;
    struct hw_interview_view v = {0};
    struct hw_attempt_summary sum;
    char t1[HW_LOCAL_LEN], t2[HW_LOCAL_LEN];
    int rc = -1;
    hw_record_init(hw_interview_fields, &iv);

    if (a->at == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "an attempt needs its time");
        goto done;
    }
    if (hw_code_name(hw_attempt_outcome_codes, a->outcome)[0] == '\0') {
        hw_fail(err, HW_EINPUT, "an attempt needs its outcome");
        goto done;
    }
    if (a->note && hw_text_check(a->note, HW_ATTEMPT_NOTE_MAX, err) < 0) {
        char why[sizeof err->msg];
        snprintf(why, sizeof why, "%s", err->msg);
        hw_fail(err, HW_EINPUT, "the note: %s", why);
        goto done;
    }
    int found = hw_store_get(s, HW_REC_INTERVIEW, a->interview_id, &iv, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no interview %s is recorded", a->interview_id);
        goto done;
    }
    if (hw_interview_load(s, &iv, &v, err) < 0)
        goto done;
    if (v.first_return == NULL) {
        hw_fail(err, HW_EINPUT,
                "interview %s covers no episode with a return time yet: attempts follow the "
                "child's return",
                iv.id);
        goto done;
    }
    if (a->at < v.first_return->ep.returned) {
        hw_format_local(a->at, t1);
        hw_format_local(v.first_return->ep.returned, t2);
        hw_fail(err, HW_EINPUT,
                "the attempt at %s is before the child's return (episode %s "
                "returned %s)",
                t1, v.first_return->ep.id, t2);
        goto done;
    }
    a->recorded = (struct hw_stamp){.at = who->at, .user = who->user, .source = who->source};
    if (hw_store_add_attempt(s, a, &a->seq, err) < 0)
        goto done;
    if (a->face_to_face) {
        if (hw_interview_attempts(s, iv.id, &sum, err) < 0)
            goto done;
        /* The interview's count follows the face-to-face attempts recorded;
         * a larger count already recorded (from an import) stands. */
        if (iv.attempts == HW_NO_INT || iv.attempts < sum.face_to_face) {
            iv.attempts = sum.face_to_face;
            if (hw_app_save(s, HW_REC_INTERVIEW, &iv, who, err) < 0)
                goto done;
        }
    }
    rc = 0;
done:
    hw_interview_view_free(&v);
    hw_record_clear(hw_interview_fields, &iv);
    return rc;
}
