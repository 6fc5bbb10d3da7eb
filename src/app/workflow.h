/* workflow.h - the missing team's operations on an episode, for the command
 * line and the HTTP API alike. Each checks what it is given against what is
 * stored, writes in one transaction, and changes nothing on error (HW_EINPUT
 * or HW_ECONFLICT naming what was wrong, HW_ENOTFOUND for an unknown
 * episode, HW_EINTERNAL for faults). */
#ifndef HW_WORKFLOW_H
#define HW_WORKFLOW_H

#include "core/config.h"
#include "store/store.h"

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
