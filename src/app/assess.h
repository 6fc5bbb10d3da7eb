/* assess.h - what the rules say about one stored episode.
 *
 * Loads what the pure rules need (the child, the child's other episodes)
 * from the store and runs them: the interview decision with the criteria
 * that fired, the actions due, and the repeat/persistent pattern.
 */
#ifndef HW_ASSESS_H
#define HW_ASSESS_H

#include "core/config.h"
#include "core/records.h"
#include "core/rules.h"
#include "store/store.h"

#define HW_ASSESS_MAX_ACTIONS 64

struct hw_assessment {
    struct hw_rhi_decision rhi;
    struct hw_pattern pattern;
    struct hw_action_due actions[HW_ASSESS_MAX_ACTIONS];
    size_t n_actions;
};

/* The same with the child's missing-episode starts (any order) and the
 * episode's risk history (NULL/0: its current risk throughout) at hand: no
 * storage needed. */
void hw_assess_with_history(const struct hw_config *cfg, const struct hw_child *child,
                            const struct hw_episode *e, const hw_instant *starts, size_t n,
                            const struct hw_risk_change *risks, size_t n_risks, hw_instant now,
                            struct hw_assessment *out);

/* An episode's risk levels over time, from its history of changes: the
 * first level from last seen, then each change at the time it was recorded.
 * *out (owned, free()) is NULL and *n 0 when the risk never changed. */
int hw_risk_history(struct hw_store *s, const struct hw_episode *e, struct hw_risk_change **out,
                    size_t *n, struct hw_err *err);

/* child must be the episode's child. Returns 0, or -1 on a storage fault. */
int hw_assess_episode(struct hw_store *s, const struct hw_config *cfg, const struct hw_child *child,
                      const struct hw_episode *e, hw_instant now, struct hw_assessment *out,
                      struct hw_err *err);

#endif
