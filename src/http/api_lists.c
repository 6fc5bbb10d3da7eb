/* api_lists.c - the team's lists, the weekly figures, the dashboard. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

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
