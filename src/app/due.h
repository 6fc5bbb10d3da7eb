/* due.h - what is due or overdue: the coordinator's working list.
 *
 * For every episode still open, or returned within due_lookback_days, the
 * rules' schedule (app/assess.h) is compared with what has been resolved:
 * actions recorded as done or not needed (hw_store_add_action), the RHI by an
 * interview with a final outcome (completed, declined, unavailable or not
 * required), the safe-and-well check by the episode's safe_well_at. What
 * remains is listed, soonest due first. Used by `homeward due` and, later,
 * the web dashboard.
 */
#ifndef HW_DUE_H
#define HW_DUE_H

#include "core/config.h"
#include "core/records.h"
#include "core/rules.h"
#include "store/store.h"

struct hw_due_item {
    hw_instant due;
    int kind, seq; /* enum hw_action_kind, its sequence number */
    char *episode_id, *child_id, *first_name, *last_name, *team, *worker;
    int risk;     /* enum hw_risk */
    bool missing; /* the episode is still open */
};

struct hw_due_list {
    struct hw_due_item *items;
    size_t len, cap;
};

struct hw_due_query {
    hw_instant now;
    const char *team; /* NULL: every team */
};

/* Fills out (sorted by due time, then episode, action and sequence).
 * Returns 0, or -1 on a storage fault (out is then empty). */
int hw_due_build(struct hw_store *s, const struct hw_config *cfg, const struct hw_due_query *q,
                 struct hw_due_list *out, struct hw_err *err);
void hw_due_free(struct hw_due_list *l);
/* Frees one item's strings (for callers that trim a list). */
void hw_due_item_free(struct hw_due_item *it);

/* What is known of how an episode's actions were resolved. */
struct hw_resolution {
    const struct hw_action_record *actions; /* recorded for the episode */
    size_t n_actions;
    bool rhi_done;  /* an interview covering it was completed */
    bool rhi_final; /* ... or declined, unavailable or not required */
    bool safe_well; /* the safe-and-well check is recorded */
};

/* How one action of the schedule stands at `now`. */
enum hw_action_status {
    HW_STATUS_DONE = 1,
    HW_STATUS_NOT_NEEDED,  /* recorded as not needed, with a reason */
    HW_STATUS_CLOSED,      /* the RHI: declined, unavailable or not required */
    HW_STATUS_FOUND_FIRST, /* would have fallen due after the child was found */
    HW_STATUS_OVERDUE,
    HW_STATUS_UPCOMING
};
/* done, not_needed, closed, found_first, overdue, upcoming */
extern const struct hw_code hw_action_status_codes[];
int hw_action_status(const struct hw_resolution *r, const struct hw_action_due *d, hw_instant now);

#endif
