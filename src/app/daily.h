/* daily.h - the daily meeting's list (seed 001 section 1.6; seed 003 section 15).
 *
 * As at a moment: who is missing now (hours missing, risk, placement,
 * worker), who is away without authorisation now, who returned in the last
 * 24 hours with the interview decision and where the interview stands, and
 * every overdue action (app/due.h).
 */
#ifndef HW_DAILY_H
#define HW_DAILY_H

#include "app/due.h"
#include "core/config.h"
#include "core/rules.h"
#include "store/store.h"

/* One episode on the list. Strings are owned by the list. */
struct hw_daily_row {
    char *episode_id, *child_id, *first_name, *last_name, *team, *worker;
    char *placement; /* the named placement missing from, else its type */
    int kind, risk;  /* enum hw_kind, enum hw_risk */
    hw_instant last_seen, returned;
    struct hw_rhi_decision rhi; /* returned rows */
    int interview;              /* enum hw_outcome of the furthest interview, 0 if none */
};

struct hw_daily_rows {
    struct hw_daily_row *rows;
    size_t len, cap;
};

struct hw_daily {
    hw_instant at;
    struct hw_daily_rows missing, absent, returned;
    struct hw_due_list overdue;
    struct hw_due_list due_soon; /* due in the 24 hours after `at` */
};

/* team: NULL for every team. Returns 0, or -1 on a storage fault. */
int hw_daily_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at, const char *team,
                   struct hw_daily *out, struct hw_err *err);
void hw_daily_free(struct hw_daily *d);

#endif
