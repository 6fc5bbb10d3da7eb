/* api_notices.c - notices to the councils that placed children here
 * (app/notices.h, docs/notices.md): the list, one notice, making the
 * 72-hour notice, sending, recording the answer. The coordinator's work:
 * the notices name children and go outside the council. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/notices.h"
#include "report/notice_list.h"

/* The notice id of a path or a body, from 1; false with rs filled. */
static bool parse_id(const char *s, long long *id, struct hw_response *rs)
{
    char *end;
    *id = s ? strtoll(s, &end, 10) : 0;
    if (s == NULL || *s < '0' || *s > '9' || *end || *id < 1) {
        hw_http_error(rs, s ? 404 : 422, "id", "no notice '%.40s'", s ? s : "");
        return false;
    }
    return true;
}

/* The notice id member of a body: a whole number from 1. */
static bool body_id(json_t *body, long long *id, struct hw_response *rs)
{
    json_t *v = json_object_get(body, "id");
    if (!json_is_integer(v) || json_integer_value(v) < 1) {
        hw_http_error(rs, 422, "id", "id is required: the notice's number (a whole number)");
        return false;
    }
    *id = json_integer_value(v);
    return true;
}

/* Answers notice id as {"notice": {...}} with status. */
static void answer_notice(struct hw_request *rq, struct hw_response *rs, long long id,
                          unsigned status)
{
    struct hw_err err = {0};
    struct hw_notice_row r;
    int found = hw_notice_get(rq->store, id, &r, &err);
    if (found < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    if (found == 0 || r.n.notice == NULL) {
        hw_notice_row_free(&r);
        hw_http_error(rs, 404, NULL, "no notice %lld is recorded", id);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "notice", hw_notice_json(&r.n, true));
    hw_notice_row_free(&r);
    hw_http_json(rs, status, o);
}

/* status=open (not answered: the default), unsent, unanswered (sent,
 * waiting) or all; episode_id=. */
void hw_api_notices(struct hw_request *rq, struct hw_response *rs)
{
    static const struct {
        const char *name;
        int state;
    } states[] = {{"open", HW_NOTICES_OPEN},
                  {"unsent", HW_NOTICES_UNSENT},
                  {"unanswered", HW_NOTICES_UNANSWERED},
                  {"all", HW_NOTICES_ANY}};
    struct hw_err err = {0};
    const char *status = rq->arg(rq->conn, "status");
    struct hw_outbox_filter f = {
        .notices = true, .state = HW_NOTICES_OPEN, .episode_id = rq->arg(rq->conn, "episode_id")};
    bool known = status == NULL;
    for (size_t i = 0; status && i < sizeof states / sizeof states[0]; i++)
        if (strcmp(status, states[i].name) == 0) {
            f.state = states[i].state;
            known = true;
        }
    if (!known) {
        hw_http_error(rs, 400, "status", "status: expected open, unsent, unanswered or all");
        return;
    }
    hw_buf_reset(&rs->body);
    if (hw_notice_list(rq->store, &f, HW_FMT_JSON, &rs->body, NULL, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, "notices", &err);
    rs->status = 200;
    rs->content_type = "application/json";
}

void hw_api_notice_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    long long id;
    if (!parse_id(rq->id, &id, rs))
        return;
    answer_notice(rq, rs, id, 200);
    if (rs->status == 200) {
        char detail[48];
        snprintf(detail, sizeof detail, "notice %lld", id);
        hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, detail, &err);
    }
}

/* {"episode_id"}: the 72-hour notice of the episode, made now. */
void hw_api_notice_overdue(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", NULL};
    struct hw_err err = {0};
    long long id;
    const char *episode;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL || (episode = hw_api_text(body, "episode_id", rs)) == NULL)
        goto done;
    struct hw_rulebook rb = hw_api_rulebook(rq);
    struct hw_stamp by = {.at = rq->now, .user = rq->who.user, .source = "web"};
    if (hw_notice_overdue(rq->store, &rb, episode, &by, &id, &err) < 0) {
        hw_http_error(rs, hw_api_status(&err), err.kind == HW_ENOTFOUND ? "episode_id" : NULL, "%s",
                      err.msg);
        goto done;
    }
    char detail[48];
    snprintf(detail, sizeof detail, "notice %lld made", id);
    hw_audit(rq->store, rq->who.user, rq->now, "change", "episode", episode, detail, &err);
    answer_notice(rq, rs, id, 201);
done:
    json_decref(body);
}

/* {"id"}: the notice sent now, by the signed-in user. */
void hw_api_notice_send(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"id", NULL};
    struct hw_err err = {0};
    long long id;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL || !body_id(body, &id, rs))
        goto done;
    struct hw_stamp by = {.at = rq->now, .user = rq->who.user, .source = "web"};
    if (hw_notice_send(rq->store, id, &by, &err) < 0) {
        hw_http_error(rs, hw_api_status(&err), err.kind == HW_EINTERNAL ? NULL : "id", "%s",
                      err.msg);
        goto done;
    }
    char detail[48];
    snprintf(detail, sizeof detail, "notice %lld sent", id);
    hw_audit(rq->store, rq->who.user, rq->now, "change", NULL, NULL, detail, &err);
    answer_notice(rq, rs, id, 200);
done:
    json_decref(body);
}

/* {"id", "answer", "interview_completed"}: the council's answer, recorded
 * now by the signed-in user. */
void hw_api_notice_answer(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"id", "answer", "interview_completed", NULL};
    struct hw_err err = {0};
    long long id;
    hw_instant completed;
    const char *answer;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL || !body_id(body, &id, rs) ||
        (answer = hw_api_text(body, "answer", rs)) == NULL ||
        !hw_api_time(body, "interview_completed", HW_NO_TIME, &completed, rs))
        goto done;
    struct hw_stamp by = {.at = rq->now, .user = rq->who.user, .source = "web"};
    if (hw_notice_answer(rq->store, id, answer, completed, &by, &err) < 0) {
        const char *field = strncmp(err.msg, "interview_completed:", 20) == 0
                                ? "interview_completed"
                            : strncmp(err.msg, "answer:", 7) == 0 ? "answer"
                            : err.kind == HW_EINTERNAL            ? NULL
                                                                  : "id";
        hw_http_error(rs, hw_api_status(&err), field, "%s", err.msg);
        goto done;
    }
    char detail[48];
    snprintf(detail, sizeof detail, "notice %lld answered", id);
    hw_audit(rq->store, rq->who.user, rq->now, "change", NULL, NULL, detail, &err);
    answer_notice(rq, rs, id, 200);
done:
    json_decref(body);
}
