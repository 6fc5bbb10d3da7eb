/* record_view.h - a record with what the rules say of it, as JSON.
 *
 * `homeward episode|interview|child show` and the API's record pages show
 * the same view: the record's fields, then
 *   - an episode: "rhi" (the decision, its criteria, due time, timescale),
 *     "escalation" (every action with its due time and status, and what was
 *     recorded), "pattern" (repeat and persistent) and "interviews";
 *   - an interview: "rules" (the verdict on each episode it covers),
 *     "decision" (recorded, override, reason), "timescale", "attempts",
 *     "face_to_face_attempts" and "warnings";
 *   - a child: "missing_plan_review" (needed, reasons).
 */
#ifndef HW_RECORD_VIEW_H
#define HW_RECORD_VIEW_H

#include <jansson.h>
#include <stdbool.h>

#include "core/config.h"
#include "core/records.h"
#include "store/store.h"

/* Builds the view of rec (a record of type t) as it stands at `now`.
 * Returns 0 with *out owned by the caller, or -1 (a fault, or the episode's
 * child missing: HW_ENOTFOUND). */
int hw_record_view(struct hw_store *s, const struct hw_config *cfg, enum hw_rectype t,
                   const void *rec, hw_instant now, json_t **out, struct hw_err *err);

/* True for the outcomes that close an interview without holding it:
 * declined, unavailable, not required. */
bool hw_outcome_final(int outcome);

#endif
