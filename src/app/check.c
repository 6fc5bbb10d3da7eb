/* check.c - cross-record checks and defaults. */
#include "app/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int hw_check_child(struct hw_store *s, struct hw_child *c, struct hw_err *err)
{
    (void)s;
    if (c->dob != HW_NO_DATE && c->dob > hw_date_from_ymd(HW_YEAR_MAX, 1, 1))
        return hw_fail(err, HW_EINPUT, "date_of_birth: is not a plausible date");
    return 0;
}

int hw_check_episode(struct hw_store *s, struct hw_episode *e, struct hw_err *err)
{
    struct hw_child child;
    int rc = -1;
    hw_record_init(hw_child_fields, &child);

    if (e->returned != HW_NO_TIME && e->returned < e->last_seen) {
        hw_fail(err, HW_EINPUT, "returned: is before last_seen");
        goto done;
    }
    if (e->reported != HW_NO_TIME && e->reported < e->last_seen) {
        hw_fail(err, HW_EINPUT, "reported: is before last_seen");
        goto done;
    }
    if (hw_list_contains(e->with_children, e->child_id)) {
        hw_fail(err, HW_EINPUT, "with_children: lists the child %s themself", e->child_id);
        goto done;
    }
    /* Only what the defaults need: the child's status and placement. */
    uint64_t want = hw_field_mask(hw_child_fields, "case_status", "placement_type",
                                  "placement_name", "out_of_area", NULL);
    int found = hw_store_get_some(s, HW_REC_CHILD, e->child_id, want, &child, err);
    if (found < 0)
        goto done;
    if (found == 0) {
        hw_fail(err, HW_EINPUT, "child_id: no child %s is recorded (import or add the child first)",
                e->child_id);
        goto done;
    }
    /* What the episode does not say is taken from the child as they are now. */
    if (!e->case_status)
        e->case_status = child.case_status;
    if (!e->missing_from_type) {
        e->missing_from_type = child.placement_type;
        if (!e->missing_from_name)
            e->missing_from_name = hw_strdup(child.placement_name);
    }
    if (!e->out_of_area)
        e->out_of_area = child.out_of_area;
    rc = 0;
done:
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

int hw_check_interview(struct hw_store *s, const struct hw_config *cfg, struct hw_interview *iv,
                       struct hw_err *err)
{
    struct hw_episode ep;
    hw_instant first = HW_NO_TIME, last = HW_NO_TIME;
    int rc = -1;
    hw_record_init(hw_episode_fields, &ep);

    if (iv->completed != HW_NO_TIME && iv->outcome != HW_OUT_COMPLETED) {
        hw_fail(err, HW_EINPUT, "outcome: must be completed when a completed time is given");
        goto done;
    }
    if (iv->outcome == HW_OUT_COMPLETED && iv->completed == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "completed: a completed interview needs its completed time");
        goto done;
    }
    if (iv->offered != HW_NO_TIME && iv->completed != HW_NO_TIME && iv->completed < iv->offered) {
        hw_fail(err, HW_EINPUT, "completed: is before offered");
        goto done;
    }
    const char *cur = iv->episode_ids ? iv->episode_ids : "", *item;
    size_t n;
    uint64_t want = hw_field_mask(hw_episode_fields, "child_id", "last_seen", NULL);
    while ((n = hw_list_next(&cur, &item)) > 0) {
        char id[HW_ID_MAX + 1];
        snprintf(id, sizeof id, "%.*s", (int)n, item);
        int found = hw_store_get_some(s, HW_REC_EPISODE, id, want, &ep, err);
        if (found < 0)
            goto done;
        if (found == 0) {
            hw_fail(err, HW_EINPUT, "episode_ids: no episode %s is recorded", id);
            goto done;
        }
        if (strcmp(ep.child_id, iv->child_id) != 0) {
            hw_fail(err, HW_EINPUT, "episode_ids: episode %s is of child %s, not %s", id,
                    ep.child_id, iv->child_id);
            goto done;
        }
        if (first == HW_NO_TIME || ep.last_seen < first)
            first = ep.last_seen;
        if (last == HW_NO_TIME || ep.last_seen > last)
            last = ep.last_seen;
    }
    /* One interview may cover several episodes within 7 days (003 12.3). */
    if (first != HW_NO_TIME && last - first > (hw_instant)cfg->interview_cover_days * HW_DAY) {
        hw_fail(err, HW_EINPUT,
                "episode_ids: one interview may cover episodes within %d days of each other",
                cfg->interview_cover_days);
        goto done;
    }
    rc = 0;
done:
    hw_record_clear(hw_episode_fields, &ep);
    return rc;
}

int hw_check_record(struct hw_store *s, const struct hw_config *cfg, enum hw_rectype t, void *rec,
                    struct hw_err *err)
{
    switch (t) {
    case HW_REC_CHILD:
        return hw_check_child(s, rec, err);
    case HW_REC_EPISODE:
        return hw_check_episode(s, rec, err);
    case HW_REC_INTERVIEW:
        return hw_check_interview(s, cfg, rec, err);
    case HW_REC_COUNT:
        break;
    }
    return hw_fail(err, HW_EINTERNAL, "unknown record type");
}
