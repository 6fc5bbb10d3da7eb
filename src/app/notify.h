/* notify.h - putting who must be told into the outbox.
 *
 * When a child is reported missing, their risk is raised to high while
 * missing, or they are found, the routing table (core/routing.h) names who
 * must be told; each becomes a row of the outbox (store/store.h, struct
 * hw_notification) with the named person or council when the records know
 * them. The live commands call this inside their write transaction, so a
 * change and its notifications are stored together or not at all. Imports
 * of historical records do not call it.
 */
#ifndef HW_NOTIFY_H
#define HW_NOTIFY_H

#include "core/config.h"
#include "core/notices.h"
#include "core/reasons.h"
#include "core/records.h"
#include "core/routing.h"
#include "store/store.h"

/* What the checks, notifications and notices need to know. */
struct hw_rulebook {
    const struct hw_config *cfg;
    const struct hw_reasons *reasons; /* NULL: the default list */
    const struct hw_routing *routing;
    const struct hw_notices *notices; /* NULL: the default templates */
};

/* Adds the notifications of event (enum hw_route_event) for episode e of
 * child (required: the episode's child, at least its case status,
 * responsible authority and worker, and for a notice its name and date of
 * birth): one per role rb's routing names, with its reason. The recipient
 * is the child's worker for the allocated worker and the child's
 * responsible authority for the responsible council; other roles have none
 * (NULL). The row to the responsible council carries its notice, made from
 * rb's template of the event (app/notices.h). stamp says who and when.
 * Returns how many were added, or -1. */
int hw_notify(struct hw_store *s, const struct hw_rulebook *rb, const struct hw_child *child,
              const struct hw_episode *e, int event, const struct hw_stamp *stamp,
              struct hw_err *err);

/* The notifications a change of an episode calls for (hw_route_events):
 * before is the stored episode (NULL when new), after the one being saved
 * (checked: its child exists). Loads the child when there is an event.
 * Returns how many notifications were added, or -1. */
int hw_notify_change(struct hw_store *s, const struct hw_rulebook *rb,
                     const struct hw_episode *before, const struct hw_episode *after,
                     const struct hw_stamp *stamp, struct hw_err *err);

#endif
