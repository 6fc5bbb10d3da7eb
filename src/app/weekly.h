/* weekly.h - the weekly return-interview and record-update list, per team
 * (seed 003 sections 12 and 14).
 *
 * For a week (Monday 00:00 to the next Monday, local time), per team of the
 * child: the missing episodes of the council's own children that returned
 * that week, where their interviews stand, how many interviews were
 * completed that week (for returns up to 30 days before it), and whether the
 * record was updated within 5 working days of the return. Everything is as
 * at the end of the week, or as at `now` for the current week.
 */
#ifndef HW_WEEKLY_H
#define HW_WEEKLY_H

#include "core/config.h"
#include "store/store.h"

struct hw_weekly_team {
    char *team;             /* NULL: children with no team */
    long returned;          /* missing episodes returned in the week */
    long rhi_required;      /* ... for which an interview is required */
    long rhi_in_time;       /* ... completed within 72 hours */
    long rhi_late;          /* ... completed later, by the end of the week */
    long rhi_closed;        /* ... declined, child unavailable, or not required after all */
    long rhi_needed;        /* ... still needed at the end of the week */
    long completed_in_week; /* interviews completed in the week */
    long update_on_time, update_late, update_overdue, update_not_due;
};

struct hw_weekly {
    hw_instant from, to, as_at;
    struct hw_weekly_team *teams; /* by team name, no team last */
    size_t len, cap;
};

/* The week containing date day. Returns 0, or -1 on a storage fault. */
int hw_weekly_build(struct hw_store *s, const struct hw_config *cfg, hw_date day, hw_instant now,
                    struct hw_weekly *out, struct hw_err *err);
void hw_weekly_free(struct hw_weekly *w);

#endif
