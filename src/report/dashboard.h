/* dashboard.h - what the missing team sees first: who is missing now and
 * for how long, the actions overdue and due in the next 24 hours, and the
 * children back whose interview has not been decided.
 *
 * The dashboard is computed from the same builders as the daily and due
 * lists (app/daily.h, app/due.h), so it never disagrees with them.
 */
#ifndef HW_DASHBOARD_H
#define HW_DASHBOARD_H

#include <jansson.h>

#include "core/config.h"
#include "store/store.h"

/* The dashboard at `at` for a team (NULL: every team), as JSON:
 * {"at", "team", "counts": {"missing", "absent", "overdue", "due_soon",
 * "awaiting_decision"}, "missing": [daily rows, longest first], "overdue":
 * [due items], "due_soon": [due items], "awaiting_decision": [daily rows]}.
 * "awaiting_decision" holds episodes returned within the interview's
 * timescale (rhi_due_hours) for which the rules say an interview is
 * required or a matter of judgement and no interview is recorded yet. */
/* The overdue and due-soon lists hold at most this many actions, the
 * earliest due first; the counts are of them all. */
#define HW_DASHBOARD_ITEMS 100

int hw_dashboard_json(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                      const char *team, json_t **out, struct hw_err *err);

#endif
