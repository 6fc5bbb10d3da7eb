/* api_lists.c - the team's lists, the weekly figures, the dashboard. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "core/routing.h"
#include "io/record_json.h"
#include "report/dashboard.h"
#include "report/lists.h"

void hw_api_team_list(struct hw_request *rq, struct hw_response *rs)
{
    const struct hw_list_kind *k = rq->route_data;
    struct hw_err err = {0};
    const char *team;
    hw_instant at;
    int fmt;
    if (!hw_api_team(rq, rs, &team) || !hw_api_list_args(rq, rs, k->csv, &at, &fmt))
        return;
    hw_buf_reset(&rs->body);
    if (hw_list_run(k, rq->store, rq->cfg, at, team, fmt, &rs->body, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_api_list_answer(rq, rs, fmt, k->name);
}

/* The weekly figures are per team and hold no names: every role that runs
 * the service sees them. */
void hw_api_weekly(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_weekly w;
    struct hw_err err = {0};
    hw_instant at;
    int fmt;
    hw_date day;
    if (!hw_api_list_args(rq, rs, true, &at, &fmt))
        return;
    const char *v = rq->arg(rq->conn, "week_of");
    day = hw_london_date(at);
    if (v && hw_parse_date(v, &day) < 0) {
        hw_http_error(rs, 400, "week_of", "week_of: expected a date as YYYY-MM-DD");
        return;
    }
    if (hw_weekly_build(rq->store, rq->cfg, day, at, &w, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_api_list_answer(rq, rs, fmt, "weekly list");
    hw_weekly_render(&w, fmt, &rs->body);
    hw_weekly_free(&w);
}

/* The dashboard: the team's (or, for a coordinator, every team's or the
 * asked team's) missing children, actions overdue and due, and returns
 * awaiting an interview decision. */
void hw_api_dashboard(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    const char *team;
    json_t *o;
    if (!hw_api_team(rq, rs, &team))
        return;
    if (hw_dashboard_json(rq->store, rq->cfg, rq->now, team, &o, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, "dashboard", &err);
    hw_http_json(rs, 200, o);
}

static int notification_json(void *ctx, const struct hw_notification *n)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(n->id));
    json_object_set_new(o, "episode_id", json_string(n->episode_id));
    json_object_set_new(o, "child_id", n->child_id ? json_string(n->child_id) : json_null());
    json_object_set_new(o, "event", json_string(hw_code_name(hw_outbox_event_codes, n->event)));
    json_object_set_new(o, "role", json_string(hw_code_name(hw_role_codes, n->role)));
    json_object_set_new(o, "recipient", n->recipient ? json_string(n->recipient) : json_null());
    json_object_set_new(o, "reason", n->reason ? json_string(n->reason) : json_null());
    json_object_set_new(o, "created_at", hw_time_json(n->created_at));
    json_object_set_new(o, "acknowledged_at", hw_time_json(n->acknowledged_at));
    json_object_set_new(o, "acknowledged_by",
                        n->acknowledged_by ? json_string(n->acknowledged_by) : json_null());
    json_array_append_new(ctx, o);
    return 0;
}

/* The notifications outbox: status=waiting (not yet acknowledged, the
 * default) or all. */
void hw_api_outbox(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    const char *status = rq->arg(rq->conn, "status");
    struct hw_outbox_filter f = {.unacknowledged = true};
    if (status && strcmp(status, "all") == 0)
        f.unacknowledged = false;
    else if (status && strcmp(status, "waiting") != 0) {
        hw_http_error(rs, 400, "status", "status: expected waiting or all");
        return;
    }
    json_t *list = json_array();
    if (hw_store_list_notifications(rq->store, &f, notification_json, list, &err) < 0) {
        json_decref(list);
        hw_api_fault(rs, &err);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, "outbox", &err);
    json_t *o = json_object();
    json_object_set_new(o, "notifications", list);
    hw_http_json(rs, 200, o);
}
