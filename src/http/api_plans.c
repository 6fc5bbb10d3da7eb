/* api_plans.c - the board's action plans: a plan uploaded as CSV, and an
 * action rated. Reading them is a report (api_reports.c). */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/action_plans.h"
#include "core/rag.h"
#include "io/action_plan_import.h"

/* POST /api/v1/action-plans/import?plan=NAME: the plan as CSV; all or
 * nothing, every row error returned. */
void hw_api_plan_import(struct hw_request *rq, struct hw_response *rs)
{
    const char *plan = rq->arg(rq->conn, "plan");
    struct hw_plan_import_result res;
    struct hw_err err = {0};
    if (plan == NULL || *plan == '\0') {
        hw_http_error(rs, 400, "plan", "plan: the plan's name is required");
        return;
    }
    struct hw_actor who = hw_api_actor(rq);
    who.source = "import action plan (upload)";
    if (hw_plan_import_buffer(rq->store, plan, "plan.csv", rq->body ? rq->body : "", rq->body_len,
                              hw_london_date(rq->now), &who, &res, &err) < 0) {
        if (err.kind != HW_EINPUT) {
            hw_api_fault(rs, &err);
        } else {
            json_t *e = json_object(), *errors = json_array();
            json_object_set_new(e, "message", json_string(err.msg));
            json_object_set_new(e, "field", json_null());
            for (const char *p = res.errors.data ? res.errors.data : ""; *p;) {
                size_t n = strcspn(p, "\n");
                json_array_append_new(errors, json_stringn(p, n));
                p += n + (p[n] == '\n');
            }
            json_t *o = json_object();
            json_object_set_new(o, "error", e);
            json_object_set_new(o, "errors", errors);
            hw_http_json(rs, 422, o);
        }
        hw_plan_import_result_free(&res);
        return;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "action plan %.80s: %zu rows", res.plan, res.rows);
    hw_audit(rq->store, rq->who.user, rq->now, "change", "action_plan", NULL, detail, &err);
    json_t *o = json_object();
    json_object_set_new(o, "plan", json_string(res.plan));
    json_object_set_new(o, "rows", json_integer((json_int_t)res.rows));
    json_object_set_new(o, "added", json_integer((json_int_t)res.added));
    json_object_set_new(o, "changed", json_integer((json_int_t)res.updated));
    json_object_set_new(o, "unchanged", json_integer((json_int_t)res.same));
    json_object_set_new(o, "ratings", json_integer((json_int_t)res.ratings));
    hw_plan_import_result_free(&res);
    hw_http_json(rs, 200, o);
}

/* POST /api/v1/action-plans/ratings {"plan", "ref", "rag", "on", "note"}. */
void hw_api_plan_rate(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"plan", "ref", "rag", "on", "note", NULL};
    struct hw_err err = {0};
    const char *plan, *ref, *rag_text, *on_text, *note;
    hw_date on;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((plan = hw_api_text(body, "plan", rs)) == NULL ||
        (ref = hw_api_text(body, "ref", rs)) == NULL ||
        (rag_text = hw_api_text(body, "rag", rs)) == NULL ||
        (on_text = hw_api_text(body, "on", rs)) == NULL ||
        !hw_api_opt_text(body, "note", &note, rs))
        goto done;
    int rag = hw_code_parse(hw_rag_codes, rag_text);
    if (rag <= 0) {
        hw_http_error(rs, 422, "rag", "rag: '%.40s': expected red, amber, green or complete",
                      rag_text);
        goto done;
    }
    if (hw_parse_date(on_text, &on) < 0) {
        hw_http_error(rs, 422, "on", "on: expected a date as YYYY-MM-DD");
        goto done;
    }
    struct hw_actor who = hw_api_actor(rq);
    if (hw_store_begin(rq->store, &err) < 0) {
        hw_api_fault(rs, &err);
        goto done;
    }
    int r = hw_plan_rate(rq->store, plan, ref, on, rag, note && *note ? note : NULL,
                         HW_RATE_SAME_DATE, &who, &err);
    if (r < 0 || hw_store_commit(rq->store, &err) < 0) {
        hw_store_rollback(rq->store);
        hw_http_error(rs, hw_api_status(&err),
                      err.kind == HW_ENOTFOUND                     ? "ref"
                      : strstr(err.msg, "the rating date") != NULL ? "on"
                                                                   : NULL,
                      "%s", err.msg);
        goto done;
    }
    char detail[200];
    snprintf(detail, sizeof detail, "%.80s %.40s rated %s as at %s", plan, ref, rag_text, on_text);
    hw_audit(rq->store, rq->who.user, rq->now, "change", "action_plan", ref, detail, &err);
    json_t *o = json_object();
    json_object_set_new(o, "plan", json_string(plan));
    json_object_set_new(o, "ref", json_string(ref));
    json_object_set_new(o, "rag", json_string(rag_text));
    json_object_set_new(o, "recorded", json_boolean(r == 1));
    hw_http_json(rs, r == 1 ? 201 : 200, o);
done:
    json_decref(body);
}
