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

#include "core/records.h"
#include "core/routing.h"
#include "store/store.h"

/* Adds the notifications of event (enum hw_route_event) for episode e of
 * child (required: the episode's child, at least its case status,
 * responsible authority and worker): one per role the routing names, with
 * its reason. The recipient is
 * the child's worker for the allocated worker and the child's responsible
 * authority for the responsible council; other roles have none (NULL).
 * stamp says who and when. Returns how many were added, or -1. */
int hw_notify(struct hw_store *s, const struct hw_routing *routing, const struct hw_child *child,
              const struct hw_episode *e, int event, const struct hw_stamp *stamp,
              struct hw_err *err);

/* The notifications a change of an episode calls for (hw_route_events):
 * before is the stored episode (NULL when new), after the one being saved
 * (checked: its child exists). Loads the child when there is an event.
 * Returns how many notifications were added, or -1. */
int hw_notify_change(struct hw_store *s, const struct hw_routing *routing,
                     const struct hw_episode *before, const struct hw_episode *after,
                     const struct hw_stamp *stamp, struct hw_err *err);

#endif
