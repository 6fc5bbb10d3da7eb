/* assess.c - running the rules on a stored episode. */
#include "app/assess.h"

#include <stdlib.h>

void hw_assess_with_history(const struct hw_config *cfg, const struct hw_child *child,
                            const struct hw_episode *e, const hw_instant *starts, size_t n,
                            hw_instant now, struct hw_assessment *out)
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
        .case_status = e->case_status,
        .rhi_required = out->rhi.verdict == HW_RHI_REQUIRED,
        .last_seen = e->last_seen,
        .returned = e->returned,
    };
    out->n_actions = hw_escalation_schedule(cfg, &esc, now, out->actions, HW_ASSESS_MAX_ACTIONS);
}

int hw_assess_episode(struct hw_store *s, const struct hw_config *cfg, const struct hw_child *child,
                      const struct hw_episode *e, hw_instant now, struct hw_assessment *out,
                      struct hw_err *err)
{
    hw_instant *starts = NULL;
    size_t n = 0;
    if (hw_store_missing_starts(s, e->child_id, &starts, &n, err) < 0)
        return -1;
    hw_assess_with_history(cfg, child, e, starts, n, now, out);
    free(starts);
    return 0;
}
