/* api_workflow.c - a police notification, a return, an action. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "app/workflow.h"
#include "app/interview.h"
#include "core/rules.h"
#include "io/record_json.h"
#include "report/record_view.h"

void hw_api_report(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", "child_id",  "kind",          "last_seen",
                                          "reported",   "risk",      "police_ref",    "reported_by",
                                          "first_name", "last_name", "date_of_birth", NULL};
    static const char *const episode_keys[] = {"kind", "risk", "police_ref", "reported_by", NULL};
    static const char *const child_keys[] = {"first_name", "last_name", "date_of_birth", NULL};
    struct hw_episode e;
    struct hw_child if_new;
    struct hw_err err = {0};
    bool added;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &if_new);
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        goto done;
    const char *id = hw_api_text(body, "episode_id", rs), *child;
    struct hw_err why;
    if (id == NULL || (child = hw_api_text(body, "child_id", rs)) == NULL)
        goto done;
    if (hw_field_set(&hw_episode_fields[0], &e, id, &why) < 0) {
        hw_http_error(rs, 422, "episode_id", "episode_id: %s", why.msg);
        goto done;
    }
    if (hw_field_set(hw_field_find(hw_episode_fields, "child_id"), &e, child, &why) < 0) {
        hw_http_error(rs, 422, "child_id", "child_id: %s", why.msg);
        goto done;
    }
    if (!hw_api_fields(body, hw_episode_fields, episode_keys, &e, rs) ||
        !hw_api_fields(body, hw_child_fields, child_keys, &if_new, rs) ||
        !hw_api_time(body, "last_seen", HW_NO_TIME, &e.last_seen, rs) ||
        !hw_api_time(body, "reported", rq->now, &e.reported, rs))
        goto done;
    if (e.last_seen == HW_NO_TIME) {
        hw_http_error(rs, 422, "last_seen", "last_seen is required");
        goto done;
    }
    /* A minute's grace for clocks that differ. */
    if (e.last_seen > rq->now + HW_MINUTE) {
        hw_http_error(rs, 422, "last_seen", "last_seen: is in the future");
        goto done;
    }
    struct hw_rulebook rb = hw_api_rulebook(rq);
    struct hw_actor who = hw_api_actor(rq);
    int told = hw_report_missing(rq->store, &rb, &e, &if_new, &who, &added, &err);
    if (told < 0) {
        if (err.kind == HW_ECONFLICT)
            hw_http_error(rs, 409, "episode_id", "%s", err.msg);
        else
            hw_api_fail(rs, &err, hw_episode_fields);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", "episode", e.id, "reported", &err);
    json_t *o = json_object();
    json_object_set_new(o, "episode", hw_record_json(hw_episode_fields, &e));
    json_object_set_new(o, "child_added", json_boolean(added));
    json_object_set_new(o, "notifications", json_integer(told));
    hw_http_json(rs, 201, o);
done:
    json_decref(body);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &if_new);
}

void hw_api_record_return(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", "at", "found_location", "safe_well_at",
                                          NULL};
    struct hw_err err = {0};
    hw_instant at, safe_well;
    const char *id, *where;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((id = hw_api_text(body, "episode_id", rs)) == NULL ||
        !hw_api_time(body, "at", HW_NO_TIME, &at, rs) ||
        !hw_api_time(body, "safe_well_at", HW_NO_TIME, &safe_well, rs) ||
        !hw_api_opt_text(body, "found_location", &where, rs) ||
        !hw_api_may_change_episode(rq, rs, id))
        goto done;
    if (at == HW_NO_TIME) {
        hw_http_error(rs, 422, "at", "at is required: when the child was found or returned");
        goto done;
    }
    struct hw_rulebook rb = hw_api_rulebook(rq);
    struct hw_actor who = hw_api_actor(rq);
    int told = hw_record_return(rq->store, &rb, id, at, where, safe_well, &who, &err);
    if (told < 0) {
        hw_http_error(rs, hw_api_status(&err), NULL, "%s", err.msg);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", "episode", id, "returned", &err);
    json_t *o = json_object();
    json_object_set_new(o, "episode_id", json_string(id));
    json_object_set_new(o, "notifications", json_integer(told));
    /* What the rules now say: whether an interview is required, and by when. */
    struct hw_episode e;
    json_t *view = NULL;
    hw_record_init(hw_episode_fields, &e);
    if (hw_store_get(rq->store, HW_REC_EPISODE, id, &e, &err) > 0 &&
        hw_record_view(rq->store, rq->cfg, HW_REC_EPISODE, &e, rq->now, &view, &err) == 0)
        json_object_set(o, "rhi", json_object_get(view, "rhi"));
    json_decref(view);
    hw_record_clear(hw_episode_fields, &e);
    hw_http_json(rs, 200, o);
done:
    json_decref(body);
}

void hw_api_resolve_action(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", "action", "seq", "outcome",
                                          "at",         "reason", NULL};
    struct hw_err err = {0};
    const char *id, *action, *outcome, *reason;
    hw_instant at;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((id = hw_api_text(body, "episode_id", rs)) == NULL ||
        (action = hw_api_text(body, "action", rs)) == NULL ||
        (outcome = hw_api_text(body, "outcome", rs)) == NULL ||
        !hw_api_opt_text(body, "reason", &reason, rs) || !hw_api_time(body, "at", rq->now, &at, rs))
        goto done;
    int kind = hw_code_parse(hw_action_codes, action);
    int out = hw_code_parse(hw_action_outcome_codes, outcome);
    json_t *seqv = json_object_get(body, "seq");
    long long seq = seqv ? json_integer_value(seqv) : 1;
    if (kind < 0) {
        hw_http_error(rs, 422, "action", "action: unknown action '%.40s'", action);
        goto done;
    }
    if (out < 0) {
        hw_http_error(rs, 422, "outcome", "outcome: expected done or not_needed");
        goto done;
    }
    if ((seqv && !json_is_integer(seqv)) || seq < 1 || seq > 10000) {
        hw_http_error(rs, 422, "seq", "seq: expected a whole number from 1");
        goto done;
    }
    if (!hw_api_may_change_episode(rq, rs, id))
        goto done;
    struct hw_stamp by = {.at = rq->now, .user = rq->who.user, .source = "web"};
    if (hw_resolve_action(rq->store, rq->cfg, id, kind, (int)seq, out, at, reason, &by, &err) < 0) {
        hw_http_error(rs, hw_api_status(&err),
                      strncmp(err.msg, "reason:", 7) == 0 ? "reason" : NULL, "%s", err.msg);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", "episode", id, action, &err);
    json_t *o = json_object();
    json_object_set_new(o, "episode_id", json_string(id));
    json_object_set_new(o, "action", json_string(action));
    json_object_set_new(o, "seq", json_integer(seq));
    json_object_set_new(o, "outcome", json_string(outcome));
    hw_http_json(rs, 201, o);
done:
    json_decref(body);
}

/* An attempt to hold an interview: when, face to face or not, what came
 * of it. */
void hw_api_attempt(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"interview_id", "at",   "face_to_face",
                                          "outcome",      "note", NULL};
    struct hw_err err = {0};
    struct hw_interview iv;
    struct hw_child c;
    const char *outcome, *note;
    struct hw_attempt a = {0};
    hw_record_init(hw_interview_fields, &iv);
    hw_record_init(hw_child_fields, &c);
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL || (a.interview_id = hw_api_text(body, "interview_id", rs)) == NULL ||
        !hw_api_time(body, "at", HW_NO_TIME, &a.at, rs) ||
        (outcome = hw_api_text(body, "outcome", rs)) == NULL ||
        !hw_api_opt_text(body, "note", &note, rs))
        goto done;
    json_t *f2f = json_object_get(body, "face_to_face");
    if (!json_is_boolean(f2f)) {
        hw_http_error(rs, 422, "face_to_face", "face_to_face: expected true or false");
        goto done;
    }
    a.face_to_face = json_is_true(f2f);
    a.note = note && *note ? note : NULL;
    if (a.at == HW_NO_TIME) {
        hw_http_error(rs, 422, "at", "at is required: when the attempt was made");
        goto done;
    }
    if ((a.outcome = hw_code_parse(hw_attempt_outcome_codes, outcome)) <= 0) {
        char list[256];
        hw_code_list(hw_attempt_outcome_codes, list, sizeof list);
        hw_http_error(rs, 422, "outcome", "outcome: '%.40s': expected one of %s", outcome, list);
        goto done;
    }
    int found = hw_store_get(rq->store, HW_REC_INTERVIEW, a.interview_id, &iv, &err);
    if (found < 0) {
        hw_api_fault(rs, &err);
        goto done;
    }
    if (found == 0) {
        hw_http_error(rs, 404, "interview_id", "no interview %.64s is recorded", a.interview_id);
        goto done;
    }
    if (!hw_api_visible_child(rq, rs, iv.child_id, &c))
        goto done;
    struct hw_actor who = hw_api_actor(rq);
    if (hw_store_begin(rq->store, &err) < 0 || hw_app_add_attempt(rq->store, &a, &who, &err) < 0 ||
        hw_store_commit(rq->store, &err) < 0) {
        hw_store_rollback(rq->store);
        hw_http_error(rs, hw_api_status(&err), NULL, "%s", err.msg);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", "interview", iv.id, "attempt", &err);
    json_t *o = json_object();
    json_object_set_new(o, "interview_id", json_string(iv.id));
    json_object_set_new(o, "seq", json_integer(a.seq));
    hw_http_json(rs, 201, o);
done:
    json_decref(body);
    hw_record_clear(hw_interview_fields, &iv);
    hw_record_clear(hw_child_fields, &c);
}
