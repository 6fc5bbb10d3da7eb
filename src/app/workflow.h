/* workflow.h - the missing team's operations on an episode, for the command
 * line and the HTTP API alike. Each checks what it is given against what is
 * stored, writes in one transaction, and changes nothing on error (HW_EINPUT
 * or HW_ECONFLICT naming what was wrong, HW_ENOTFOUND for an unknown
 * episode, HW_EINTERNAL for faults). */
#ifndef HW_WORKFLOW_H
#define HW_WORKFLOW_H

#include "app/notify.h"
#include "app/save.h"
#include "core/config.h"
#include "core/reasons.h"
#include "core/routing.h"
#include "store/store.h"

/* What the checks and notifications need to know: struct hw_rulebook
 * (app/notify.h). */

/* Checks rec against what is stored (app/check.h), stores it with its
 * history (app/save.h) and, for an episode, adds the notifications the
 * change calls for (app/notify.h; before: the stored episode, NULL when
 * new), all in one transaction. Returns how many notifications were added,
 * or -1 with nothing changed. */
int hw_write_record(struct hw_store *s, const struct hw_rulebook *rb, enum hw_rectype t, void *rec,
                    const void *before, const struct hw_actor *who, struct hw_err *err);

/* Records a missing (or away) episode from a police notification, with its
 * notifications. A child not yet recorded is added as "not open to
 * services" from if_new (its ID is the episode's child; its other fields
 * as the notification gives them); for a recorded child, if_new must carry
 * nothing but may be NULL. *child_added says which. The episode's ID must be
 * new. Returns how many notifications were added, or -1. */
int hw_report_missing(struct hw_store *s, const struct hw_rulebook *rb, struct hw_episode *e,
                      const struct hw_child *if_new, const struct hw_actor *who, bool *child_added,
                      struct hw_err *err);

/* Records that a missing child was found or returned at `at`, where found
 * (NULL: not known) and when the police safe-and-well check was done
 * (HW_NO_TIME: not yet), with the notifications. Returns how many were
 * added, or -1 (an episode already returned is a conflict). */
int hw_record_return(struct hw_store *s, const struct hw_rulebook *rb, const char *episode_id,
                     hw_instant at, const char *found_location, hw_instant safe_well_at,
                     const struct hw_actor *who, struct hw_err *err);

/* Records an action the rules call for (at `by->at`) as done, or as not
 * needed with a reason, once. */
int hw_resolve_action(struct hw_store *s, const struct hw_config *cfg, const char *episode_id,
                      int kind, int seq, int outcome, hw_instant at, const char *reason,
                      const struct hw_stamp *by, struct hw_err *err);

/* Closes a returned episode: the team manager has updated the record (003
 * section 14), i.e. its record_updated action is done at `at`. */
int hw_close_episode(struct hw_store *s, const char *episode_id, hw_instant at,
                     const struct hw_stamp *by, struct hw_err *err);

#endif
