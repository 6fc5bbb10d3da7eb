/* analysis_facts.h - the analyses' facts, loaded from the store.
 *
 * One pass per kind of row (store/store.h hw_store_analysis_facts): the
 * children with an episode in the window, their episodes, the interviews
 * covering them and the actions recorded. Codes are turned into their enum
 * values; each episode gets the interview furthest on (a completed one
 * over an offer) and the status of its 3-day strategy meeting.
 */
#ifndef HW_ANALYSIS_FACTS_H
#define HW_ANALYSIS_FACTS_H

#include "core/analysis.h"
#include "core/config.h"
#include "store/store.h"

/* The 3-day strategy meeting's status needs a grace after it fell due: a
 * child found within it with no meeting recorded was found before the
 * meeting could be held (seed 004 section 7), later is a meeting missed. */
#define HW_SM3D_GRACE_HOURS 24

/* Loads the facts of every episode last seen in [from, to), as at `now`.
 * Returns 0, or -1 with err (a storage fault; out is then empty). */
int hw_afacts_load(struct hw_store *s, const struct hw_config *cfg, hw_instant from, hw_instant to,
                   hw_instant now, struct hw_afacts *out, struct hw_err *err);

/* The status of an episode's 3-day strategy meeting: missing (not absent)
 * for long_missing_strategy_hours or more; held (done) in time at or before
 * it fell due, else late; recorded not needed; not recorded: found first
 * when back within HW_SM3D_GRACE_HOURS of it falling due, pending while
 * still missing within that grace, else missed. recorded_outcome: 0 none,
 * else enum hw_action_outcome. Pure. */
int hw_sm3d_status(const struct hw_config *cfg, int kind, hw_instant last_seen, hw_instant returned,
                   hw_instant now, int recorded_outcome, hw_instant done_at);

#endif
