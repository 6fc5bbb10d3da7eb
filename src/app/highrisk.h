/* highrisk.h - the weekly high-risk list (seed 001 section 1.6).
 *
 * The children the weekly multi-agency meeting reviews, as at a moment:
 * missing now at high risk; repeat missing (2 or more in 28 days);
 * persistent (3 or more in the quarter or the calendar month); or flagged for
 * exploitation or trafficking with a missing episode in the look-back
 * (high_risk_lookback_days). Each with why, the latest episode and how many
 * actions are open (app/due.h).
 */
#ifndef HW_HIGHRISK_H
#define HW_HIGHRISK_H

#include "core/config.h"
#include "core/rules.h"
#include "store/store.h"

enum hw_high_risk_reason {
    HW_HR_MISSING_HIGH = 1 << 0, /* missing now, police risk high */
    HW_HR_REPEAT = 1 << 1,
    HW_HR_PERSISTENT = 1 << 2,
    HW_HR_EXPLOITATION = 1 << 3
};
/* missing_high_risk, repeat, persistent, exploitation */
extern const struct hw_code hw_high_risk_reason_codes[];

struct hw_high_risk_child {
    char *child_id, *first_name, *last_name, *team, *worker;
    int case_status, flags; /* the child's now */
    int reasons;            /* enum hw_high_risk_reason bits */
    struct hw_pattern pattern;
    char *latest_episode;                         /* the most recent episode up to `at` */
    hw_instant latest_last_seen, latest_returned; /* returned HW_NO_TIME: still missing */
    int latest_risk;
    size_t open_actions; /* overdue or upcoming on the due list */
};

struct hw_high_risk_list {
    hw_instant at;
    struct hw_high_risk_child *children;
    size_t len, cap;
};

/* Missing now at high risk first, then by episodes in 28 days, then the
 * most recent last seen. team: NULL for every team. */
int hw_high_risk_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                       const char *team, struct hw_high_risk_list *out, struct hw_err *err);
void hw_high_risk_free(struct hw_high_risk_list *l);

#endif
