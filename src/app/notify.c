/* notify.c - routing an event to the outbox. */
#include "app/notify.h"

#include "app/notices.h"

/* The named person or body for a role, when the records know one. */
static const char *recipient_of(int role, const struct hw_child *child)
{
    switch (role) {
    case HW_ROLE_ALLOCATED_WORKER:
        return child->worker;
    case HW_ROLE_RESPONSIBLE_COUNCIL:
        return child->responsible_authority;
    default:
        return NULL; /* a role, not a named person: the team manager is not recorded */
    }
}

int hw_notify(struct hw_store *s, const struct hw_rulebook *rb, const struct hw_child *child,
              const struct hw_episode *e, int event, const struct hw_stamp *stamp,
              struct hw_err *err)
{
    struct hw_route routes[HW_ROLE_COUNT];
    struct hw_route_facts facts = hw_route_facts_of(child, e);
    struct hw_buf notice = {0};
    size_t n = hw_route(rb->routing, event, &facts, routes, HW_ROLE_COUNT);
    for (size_t i = 0; i < n; i++) {
        hw_buf_reset(&notice);
        if (routes[i].role == HW_ROLE_RESPONSIBLE_COUNCIL)
            hw_notice_text(rb, child, e, event, &notice);
        struct hw_notification note = {
            .episode_id = e->id,
            .child_id = e->child_id,
            .event = event,
            .role = routes[i].role,
            .recipient = recipient_of(routes[i].role, child),
            .reason = routes[i].reason,
            .created_at = stamp->at,
            .created_by = stamp->user,
            .notice = notice.len ? notice.data : NULL,
        };
        if (hw_store_add_notification(s, &note, NULL, err) < 0) {
            hw_buf_free(&notice);
            return -1;
        }
    }
    hw_buf_free(&notice);
    return (int)n;
}

int hw_notify_change(struct hw_store *s, const struct hw_rulebook *rb,
                     const struct hw_episode *before, const struct hw_episode *after,
                     const struct hw_stamp *stamp, struct hw_err *err)
{
    int events[3], added = 0;
    size_t n = hw_route_events(before, after, events);
    struct hw_child child;
    if (n == 0)
        return 0;
    hw_record_init(hw_child_fields, &child);
    uint64_t want = hw_field_mask(hw_child_fields, "case_status", "responsible_authority", "worker",
                                  "first_name", "last_name", "date_of_birth", NULL);
    int found = hw_store_get_some(s, HW_REC_CHILD, after->child_id, want, &child, err);
    if (found == 0)
        hw_fail(err, HW_EINPUT, "child_id: no child %s is recorded", after->child_id);
    for (size_t i = 0; i < n && found > 0 && added >= 0; i++) {
        int k = hw_notify(s, rb, &child, after, events[i], stamp, err);
        added = k < 0 ? -1 : added + k;
    }
    hw_record_clear(hw_child_fields, &child);
    return found > 0 ? added : -1;
}
