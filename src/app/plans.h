/* plans.h - missing plans that need review (003 sections 4 and 13).
 *
 * Every child whose missing plan needs review at a moment (core/rules.h,
 * hw_plan_review): the review date has come; missing again, or repeat
 * missing, since the last review; or missing within due_lookback_days with
 * no plan at all.
 */
#ifndef HW_PLANS_H
#define HW_PLANS_H

#include "core/config.h"
#include "store/store.h"

struct hw_plan_row {
    char *child_id, *first_name, *last_name, *team, *worker;
    bool has_plan;
    hw_date reviewed, review_due;
    int reasons;             /* enum hw_plan_reason bits */
    hw_instant last_missing; /* the latest last-seen up to `now` */
};

struct hw_plan_list {
    struct hw_plan_row *rows;
    size_t len, cap;
};

/* Sorted by the latest episode, most recent first. team: NULL for all. */
int hw_plans_build(struct hw_store *s, const struct hw_config *cfg, hw_instant now,
                   const char *team, struct hw_plan_list *out, struct hw_err *err);
void hw_plans_free(struct hw_plan_list *l);

#endif
