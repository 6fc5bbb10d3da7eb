/* api_records.c - children, episodes and interviews: read, list, add, change. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "io/record_json.h"

void hw_api_child_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_child_fields, &c);
    if (hw_api_visible_child(rq, rs, rq->id, &c)) {
        hw_audit(rq->store, rq->who.user, rq->now, "view", "child", c.id, NULL, &err);
        json_t *o = json_object();
        json_object_set_new(o, "child", hw_record_json(hw_child_fields, &c));
        hw_http_json(rs, 200, o);
    }
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_episode_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_episode e;
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get(rq->store, HW_REC_EPISODE, rq->id, &e, &err);
    if (found < 0) {
        hw_api_fault(rs, &err);
    } else if (found == 0) {
        hw_http_error(rs, 404, NULL, "no episode %.64s is recorded", rq->id);
    } else if (hw_api_visible_child(rq, rs, e.child_id, &c)) {
        hw_audit(rq->store, rq->who.user, rq->now, "view", "episode", e.id, NULL, &err);
        json_t *o = json_object();
        json_object_set_new(o, "episode", hw_record_json(hw_episode_fields, &e));
        hw_http_json(rs, 200, o);
    }
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &c);
}
