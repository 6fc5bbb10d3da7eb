/* api_reports.c - the reports, in each of their formats. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/analysis.h"
#include "report/analysis_facts.h"
#include "report/action_plan_report.h"
#include "report/monthly_report.h"
#include "report/ola_interviews.h"
#include "report/publish.h"
#include "report/scorecard_report.h"
#include "report/statutory.h"

/* The reports there are, with the formats each comes in. */
void hw_api_reports(struct hw_request *rq, struct hw_response *rs)
{
    (void)rq;
    static const struct {
        const char *id, *title, *about;
    } reports[] = {
        {"monthly", "Monthly data profile",
         "Children and episodes missing each month, interviews offered and completed in "
         "timescale, and the rates (children placed by other councils not counted)."},
        {"quarterly", "Quarterly analysis",
         "A quarter against the same quarter last year: where children went missing from, how "
         "long, who, interviews in timescale, strategy meetings, what children said."},
        {"annual", "Annual analysis",
         "The financial year against the year before, with the same sections quarter by "
         "quarter."},
        {"scorecard", "Scorecard",
         "The board's indicators month by month: year to date, direction of travel, and red, "
         "amber or green against target."},
        {"plans", "Action plans",
         "Every action with its latest rating and how it moved, and the actions overdue."},
        {"ola-interviews", "Other councils' interviews",
         "Children placed here by other councils: by responsible council, interviews reported "
         "done and within 72 hours, how long each took, notices sent and answered."},
    };
    static const char *const formats[] = {"json", "csv", "text", "html", "xlsx"};
    json_t *list = json_array();
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++) {
        json_t *o = json_object(), *f = json_array();
        for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++)
            json_array_append_new(f, json_string(formats[k]));
        json_object_set_new(o, "id", json_string(reports[i].id));
        json_object_set_new(o, "title", json_string(reports[i].title));
        json_object_set_new(o, "about", json_string(reports[i].about));
        json_object_set_new(o, "formats", f);
        json_array_append_new(list, o);
    }
    json_t *o = json_object();
    json_object_set_new(o, "reports", list);
    hw_http_json(rs, 200, o);
}

/* The monthly data profile, from=YYYY-MM to=YYYY-MM, in any format; csv,
 * html and xlsx come as downloads. Every run is audited as an export. */
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
    int fmt = format ? hw_format_parse_report(format) : HW_FMT_JSON;
    if (fmt < 0) {
        hw_http_error(rs, 400, "format", "format: expected " HW_REPORT_FORMATS);
        return;
    }
    if (hw_monthly_build(rq->store, fy, fm, ty, tm, &m, &err) < 0) {
        hw_http_error(rs, err.kind == HW_EINPUT ? 400 : 500, NULL, "%s", err.msg);
        return;
    }
    hw_buf_reset(&rs->body);
    if (hw_monthly_write(&m, fmt, &rs->body, &err) < 0) {
        hw_monthly_free(&m);
        hw_api_fault(rs, &err);
        return;
    }
    char detail[64];
    snprintf(detail, sizeof detail, "monthly %s to %s as %s", from, to, hw_format_extension(fmt));
    hw_audit(rq->store, rq->who.user, rq->now, fmt == HW_FMT_JSON ? "report" : "export", NULL, NULL,
             detail, &err);
    rs->status = 200;
    rs->content_type = hw_format_content_type(fmt);
    if (fmt == HW_FMT_CSV || fmt == HW_FMT_HTML || fmt == HW_FMT_XLSX) {
        char *name = hw_monthly_filename(&m, fmt);
        snprintf(rs->filename, sizeof rs->filename, "%s", name);
        free(name);
    }
    hw_monthly_free(&m);
}

/* Renders d as asked and answers it (a download but for JSON), auditing
 * the report as `what`. */
static void doc_answer(struct hw_request *rq, struct hw_response *rs, const struct hw_doc *d,
                       int fmt, const char *what, const char *filename)
{
    struct hw_err err = {0};
    hw_buf_reset(&rs->body);
    if (hw_doc_render(d, fmt, &rs->body, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    char detail[128];
    snprintf(detail, sizeof detail, "%s as %s", what, hw_format_extension(fmt));
    hw_audit(rq->store, rq->who.user, rq->now, fmt == HW_FMT_JSON ? "report" : "export", NULL, NULL,
             detail, &err);
    rs->status = 200;
    rs->content_type = hw_format_content_type(fmt);
    if (fmt != HW_FMT_JSON && fmt != HW_FMT_TEXT && filename)
        snprintf(rs->filename, sizeof rs->filename, "%s", filename);
}

static bool report_fmt(struct hw_request *rq, struct hw_response *rs, int *fmt)
{
    const char *format = rq->arg(rq->conn, "format");
    *fmt = format ? hw_format_parse_report(format) : HW_FMT_JSON;
    if (*fmt < 0) {
        hw_http_error(rs, 400, "format", "format: expected " HW_REPORT_FORMATS);
        return false;
    }
    return true;
}

/* The quarterly and annual analyses: year=YYYY-YY, quarter=N (quarterly),
 * section=ID[,ID...], publish=1 (marked for publication: small numbers
 * suppressed, report/publish.h), format=. */
void hw_api_analysis(struct hw_request *rq, struct hw_response *rs)
{
    bool quarterly = rq->route_data != NULL;
    const char *year = rq->arg(rq->conn, "year"), *quarter = rq->arg(rq->conn, "quarter");
    struct hw_err err = {0};
    struct hw_period p;
    struct hw_afacts f = {0};
    struct hw_doc d = {0};
    int fy, q = 0, fmt;
    if (year == NULL || hw_parse_fy(year, &fy) < 0) {
        hw_http_error(rs, 400, "year", "year: expected a financial year such as 2016-17");
        return;
    }
    if (quarterly &&
        (quarter == NULL || strlen(quarter) != 1 || quarter[0] < '1' || quarter[0] > '4')) {
        hw_http_error(rs, 400, "quarter", "quarter: expected 1, 2, 3 or 4");
        return;
    }
    if (quarterly)
        q = quarter[0] - '0';
    const char *publish = rq->arg(rq->conn, "publish");
    if (publish && strcmp(publish, "1") != 0 && strcmp(publish, "0") != 0) {
        hw_http_error(rs, 400, "publish", "publish: expected 1 (for publication) or 0");
        return;
    }
    bool publication = publish && strcmp(publish, "1") == 0;
    if (!report_fmt(rq, rs, &fmt))
        return;
    hw_period_init(&p, fy, q);
    struct hw_analysis_opts o = {.reasons = rq->reasons, .top = 10};
    /* Analysts read figures, never people: the top-children table is the
     * one place the analyses name a child. */
    unsigned char key[HW_PSEUDONYM_KEY];
    if (rq->who.role == HW_USER_ROLE_ANALYST) {
        if (hw_pseudonym_key(rq->store, key, &err) < 0) {
            hw_api_fault(rs, &err);
            return;
        }
        o.pseudonym_key = key;
    }
    const char *council = getenv("HOMEWARD_COUNCIL");
    char title[96];
    snprintf(title, sizeof title, "%s analysis: children missing from home and care",
             quarterly ? "Quarterly" : "Annual");
    if (hw_afacts_load(rq->store, rq->cfg, p.prev_from, p.to, rq->now, &f, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_doc_init(&d, title, council && *council ? council : "The council", p.label, rq->now);
    if (hw_analysis_build(&d, &f, &p, &o, rq->arg(rq->conn, "section"), &err) < 0) {
        hw_http_error(rs, err.kind == HW_EINPUT ? 400 : 500,
                      err.kind == HW_EINPUT ? "section" : NULL, "%s", err.msg);
    } else {
        if (publication)
            hw_doc_publish(&d);
        char what[80], filename[96];
        snprintf(what, sizeof what, "%s %s%s", quarterly ? "quarterly" : "annual", p.label,
                 publication ? " for publication" : "");
        snprintf(filename, sizeof filename, "%s-analysis-%s%s%s%s.%s",
                 quarterly ? "quarterly" : "annual", year, quarterly ? "-q" : "",
                 quarterly ? quarter : "", publication ? "-publication" : "",
                 hw_format_extension(fmt));
        doc_answer(rq, rs, &d, fmt, what, filename);
    }
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* The scorecard: year=YYYY-YY, to_month=YYYY-MM (default: the year so
 * far), format=. */
void hw_api_scorecard(struct hw_request *rq, struct hw_response *rs)
{
    const char *year = rq->arg(rq->conn, "year"), *to = rq->arg(rq->conn, "to_month");
    struct hw_err err = {0};
    struct hw_afacts f = {0};
    struct hw_doc d = {0};
    int fy, ty = 0, tm = 0, nmonths, fmt;
    hw_instant from, until;
    if (year == NULL || hw_parse_fy(year, &fy) < 0) {
        hw_http_error(rs, 400, "year", "year: expected a financial year such as 2016-17");
        return;
    }
    if (to && hw_parse_month(to, &ty, &tm) < 0) {
        hw_http_error(rs, 400, "to_month", "to_month: expected a month as YYYY-MM");
        return;
    }
    if (!report_fmt(rq, rs, &fmt))
        return;
    if (hw_sc_months(fy, ty, tm, rq->now, "to_month", &nmonths, &err) < 0) {
        hw_http_error(rs, 400, "to_month", "%s", err.msg);
        return;
    }
    hw_sc_window(fy, nmonths, &from, &until);
    const char *council = getenv("HOMEWARD_COUNCIL");
    if (hw_afacts_load(rq->store, rq->cfg, from, until, rq->now, &f, &err) < 0 ||
        hw_scorecard_doc(&d, &f, rq->scorecard, fy, nmonths,
                         council && *council ? council : "The council", rq->now, &err) < 0) {
        hw_api_fault(rs, &err);
    } else {
        char *name = hw_scorecard_filename(fy, nmonths, fmt);
        doc_answer(rq, rs, &d, fmt, "scorecard", name);
        free(name);
    }
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* The action plans: plan=NAME (default every plan), date=YYYY-MM-DD (what
 * overdue is measured against; default today), format=. */
void hw_api_plans_report(struct hw_request *rq, struct hw_response *rs)
{
    const char *plan = rq->arg(rq->conn, "plan"), *date = rq->arg(rq->conn, "date");
    struct hw_err err = {0};
    struct hw_plan_view v = {0};
    struct hw_doc d = {0};
    hw_date on = hw_london_date(rq->now);
    int fmt;
    if (date && hw_parse_date(date, &on) < 0) {
        hw_http_error(rs, 400, "date", "date: expected a date as YYYY-MM-DD");
        return;
    }
    if (plan && *plan == '\0')
        plan = NULL;
    if (!report_fmt(rq, rs, &fmt))
        return;
    if (hw_plan_view_load(rq->store, plan, on, &v, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    if (plan && v.n == 0) {
        hw_http_error(rs, 404, "plan", "no plan called '%.80s' has any action", plan);
    } else {
        const char *council = getenv("HOMEWARD_COUNCIL");
        hw_action_plan_doc(&d, &v, plan, council && *council ? council : "The council", rq->now);
        char *name = hw_action_plan_filename(plan, on, fmt);
        doc_answer(rq, rs, &d, fmt, "action plans", name);
        free(name);
    }
    hw_doc_free(&d);
    hw_plan_view_free(&v);
}

/* The interviews of children placed here by other councils, by responsible
 * council: from=YYYY-MM-DD&to=YYYY-MM-DD (local dates, both included) or
 * year=YYYY-YY, format=. Analysts see children by pseudonym. */
void hw_api_ola_report(struct hw_request *rq, struct hw_response *rs)
{
    const char *year = rq->arg(rq->conn, "year"), *from = rq->arg(rq->conn, "from"),
               *to = rq->arg(rq->conn, "to");
    struct hw_err err = {0};
    struct hw_ola_facts f = {0};
    struct hw_doc d = {0};
    hw_date first, last;
    char period[64];
    int fmt, fy;
    if (year && (from || to)) {
        hw_http_error(rs, 400, "year", "give year, or from and to, not both");
        return;
    }
    if (year) {
        if (hw_parse_fy(year, &fy) < 0) {
            hw_http_error(rs, 400, "year", "year: expected a financial year such as 2016-17");
            return;
        }
        first = hw_date_from_ymd(fy, 4, 1);
        last = hw_date_from_ymd(fy + 1, 3, 31);
        snprintf(period, sizeof period, "%s", year);
    } else {
        if (from == NULL || hw_parse_date(from, &first) < 0) {
            hw_http_error(rs, 400, "from", "from: expected a date as YYYY-MM-DD (or year)");
            return;
        }
        if (to == NULL || hw_parse_date(to, &last) < 0) {
            hw_http_error(rs, 400, "to", "to: expected a date as YYYY-MM-DD");
            return;
        }
        if (first > last) {
            hw_http_error(rs, 400, "from", "from: is after to");
            return;
        }
        snprintf(period, sizeof period, "%s to %s", from, to);
    }
    if (!report_fmt(rq, rs, &fmt))
        return;
    unsigned char key[HW_PSEUDONYM_KEY];
    bool pseudonyms = rq->who.role == HW_USER_ROLE_ANALYST;
    if (pseudonyms && hw_pseudonym_key(rq->store, key, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    if (hw_ola_facts_load(rq->store, hw_london_day_start(first), hw_london_day_start(last + 1),
                          pseudonyms ? key : NULL, &f, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    const char *council = getenv("HOMEWARD_COUNCIL");
    hw_ola_doc(&d, &f, rq->cfg, period, rq->now, council && *council ? council : "The council",
               rq->now);
    char what[96], filename[96];
    snprintf(what, sizeof what, "other councils' interviews %s", period);
    snprintf(filename, sizeof filename, "ola-interviews-%s.%s", year ? year : from,
             hw_format_extension(fmt));
    doc_answer(rq, rs, &d, fmt, what, filename);
    hw_doc_free(&d);
    hw_ola_facts_free(&f);
}

/* The statutory exports (report/statutory.h): annex-a-missing?at=DATE and
 * ssd-missing?from=DATE&to=DATE, as csv (default), json, text or xlsx.
 * They name children, so only the coordinator may take them; each is
 * audited as an export. */
void hw_api_statutory(struct hw_request *rq, struct hw_response *rs)
{
    bool annex = strcmp((const char *)rq->route_data, "annex-a-missing") == 0;
    const char *format = rq->arg(rq->conn, "format");
    struct hw_statutory x;
    struct hw_err err = {0};
    hw_date at = hw_london_date(rq->now), first = HW_NO_DATE, last = HW_NO_DATE;
    static const char *const names[] = {"at", "from", "to"};
    hw_date *dates[] = {&at, &first, &last};
    for (int i = 0; i < 3; i++) {
        const char *v = rq->arg(rq->conn, names[i]);
        if (v && hw_parse_date(v, dates[i]) < 0) {
            hw_http_error(rs, 400, names[i], "%s: expected a date as YYYY-MM-DD", names[i]);
            return;
        }
    }
    int fmt = format ? hw_format_parse_report(format) : HW_FMT_CSV;
    if (fmt < 0 || fmt == HW_FMT_HTML) {
        hw_http_error(rs, 400, "format", "format: expected csv, json, text or xlsx");
        return;
    }
    if (first != HW_NO_DATE && last != HW_NO_DATE && first > last) {
        hw_http_error(rs, 400, "from", "from: is after to");
        return;
    }
    int rc = annex ? hw_annex_a_missing_build(rq->store, at, &x, &err)
                   : hw_ssd_missing_build(rq->store, first, last, &x, &err);
    if (rc < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_buf_reset(&rs->body);
    if (hw_statutory_write(&x, fmt, &rs->body, &err) < 0) {
        hw_api_fault(rs, &err);
    } else {
        hw_audit(rq->store, rq->who.user, rq->now, "export", NULL, NULL, x.name, &err);
        rs->status = 200;
        rs->content_type = hw_format_content_type(fmt);
        if (fmt == HW_FMT_CSV || fmt == HW_FMT_XLSX)
            snprintf(rs->filename, sizeof rs->filename, "%s.%s", x.name, hw_format_extension(fmt));
    }
    hw_statutory_free(&x);
}
