/* assess.c - running the rules on a stored episode. */
#include "app/assess.h"

#include <stdlib.h>
#include <string.h>

void hw_assess_with_history(const struct hw_config *cfg, const struct hw_child *child,
                            const struct hw_episode *e, const hw_instant *starts, size_t n,
                            const struct hw_risk_change *risks, size_t n_risks, hw_instant now,
                            struct hw_assessment *out)
{
    struct hw_rhi_input in = {
        .kind = e->kind,
        .last_seen = e->last_seen,
        .returned = e->returned,
        .harmed = e->harmed == HW_YES,
        .crime_while_absent = e->crime_while_absent == HW_YES,
        .child_flags = child->flags,
        .ola = child->responsible_authority != NULL,
        .history = starts,
        .history_len = n,
    };
    hw_rhi_decide(cfg, &in, now, &out->rhi);
    hw_missing_pattern(cfg, starts, n, e->last_seen, &out->pattern);

    struct hw_escalation_input esc = {
        .kind = e->kind,
        .risk = e->risk,
        .risk_history = risks,
        .risk_history_len = n_risks,
        .case_status = e->case_status,
        .child_flags = child->flags,
        .ola = in.ola,
        .rhi_required = out->rhi.verdict == HW_RHI_REQUIRED,
        .last_seen = e->last_seen,
        .returned = e->returned,
    };
    out->n_actions = hw_escalation_schedule(cfg, &esc, now, out->actions, HW_ASSESS_MAX_ACTIONS);
}

struct risk_collect {
    struct hw_risk_change *v;
    size_t n;
    hw_instant last_seen;
};

static int risk_change(void *ctx, const struct hw_change *c)
{
    struct risk_collect *rc = ctx;
    if (c->field == NULL || strcmp(c->field, "risk") != 0)
        return 0;
    /* The level before the first change held from last seen. */
    if (rc->n == 0) {
        rc->v = hw_reallocarray(rc->v, 1, sizeof *rc->v);
        int old = c->old_value ? hw_code_parse(hw_risk_codes, c->old_value) : 0;
        rc->v[rc->n++] = (struct hw_risk_change){rc->last_seen, old > 0 ? old : 0};
    }
    int risk = c->new_value ? hw_code_parse(hw_risk_codes, c->new_value) : 0;
    rc->v = hw_reallocarray(rc->v, rc->n + 1, sizeof *rc->v);
    rc->v[rc->n++] = (struct hw_risk_change){c->at, risk > 0 ? risk : 0};
    return 0;
}

int hw_risk_history(struct hw_store *s, const struct hw_episode *e, struct hw_risk_change **out,
                    size_t *n, struct hw_err *err)
{
    struct risk_collect rc = {NULL, 0, e->last_seen};
    if (hw_store_list_changes(s, HW_REC_EPISODE, e->id, risk_change, &rc, err) < 0) {
        free(rc.v);
        return -1;
    }
    *out = rc.v;
    *n = rc.n;
    return 0;
}

int hw_assess_episode(struct hw_store *s, const struct hw_config *cfg, const struct hw_child *child,
                      const struct hw_episode *e, hw_instant now, struct hw_assessment *out,
                      struct hw_err *err)
{
    hw_instant *starts = NULL;
    struct hw_risk_change *risks = NULL;
    size_t n = 0, n_risks = 0;
    if (hw_store_missing_starts(s, e->child_id, &starts, &n, err) < 0)
        return -1;
    if (hw_risk_history(s, e, &risks, &n_risks, err) < 0) {
        free(starts);
        return -1;
    }
    hw_assess_with_history(cfg, child, e, starts, n, risks, n_risks, now, out);
    free(starts);
    free(risks);
    return 0;
}
