/* api_reports.c - the reports, in each of their formats. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

#include "report/monthly_report.h"

void hw_api_monthly(struct hw_request *rq, struct hw_response *rs)
{
    int fy, fm, ty, tm;
    const char *from = rq->arg(rq->conn, "from"), *to = rq->arg(rq->conn, "to");
    const char *format = rq->arg(rq->conn, "format");
    struct hw_monthly m;
    struct hw_err err = {0};
    if (from == NULL || hw_parse_month(from, &fy, &fm) < 0) {
        hw_http_error(rs, 400, "from", "from: expected a month as YYYY-MM");
        return;
    }
    if (to == NULL || hw_parse_month(to, &ty, &tm) < 0) {
        hw_http_error(rs, 400, "to", "to: expected a month as YYYY-MM");
        return;
    }
    int fmt = format ? hw_format_parse(format) : HW_FMT_JSON;
    if (fmt < 0) {
        hw_http_error(rs, 400, "format", "format: expected json, csv or text");
        return;
    }
    if (hw_monthly_build(rq->store, fy, fm, ty, tm, &m, &err) < 0) {
        hw_http_error(rs, err.kind == HW_EINPUT ? 400 : 500, NULL, "%s", err.msg);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "report", NULL, NULL, "monthly", &err);
    rs->status = 200;
    rs->content_type = fmt == HW_FMT_JSON  ? "application/json"
                       : fmt == HW_FMT_CSV ? "text/csv; charset=utf-8"
                                           : "text/plain; charset=utf-8";
    hw_buf_reset(&rs->body);
    hw_monthly_render(&m, fmt, &rs->body);
    hw_monthly_free(&m);
}
