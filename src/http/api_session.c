/* api_session.c - health, sign-in, sign-out, who is signed in. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/reasons.h"
#include "core/routing.h"
#include "core/rules.h"
#include "core/strmap.h"
#include "app/due.h"

/* ---- handlers ---- */

void hw_api_health(struct hw_request *rq, struct hw_response *rs)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string("ok"));
    json_object_set_new(o, "schema", json_integer(hw_store_schema_version(rq->store)));
    hw_http_json(rs, 200, o);
}

void hw_api_sign_in(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"user", "password", NULL};
    char token[HW_TOKEN_HEX], csrf[HW_TOKEN_HEX];
    struct hw_principal who;
    struct hw_err err = {0};
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    const char *user = hw_api_text(body, "user", rs), *password;
    if (user == NULL || (password = hw_api_text(body, "password", rs)) == NULL) {
        json_decref(body);
        return;
    }
    if (hw_signin(rq->store, rq->limits, user, password, rq->address, rq->now, token, csrf, &who,
                  &err) < 0) {
        json_decref(body);
        if (err.kind == HW_EINTERNAL)
            hw_http_error(rs, 500, NULL, "the sign-in could not be recorded");
        else if (strstr(err.msg, "too many"))
            hw_http_error(rs, 429, NULL, "%s", err.msg);
        else
            hw_http_error(rs, 401, NULL, "%s", err.msg);
        return;
    }
    json_decref(body);
    /* The session lives in an HttpOnly cookie; the CSRF token goes to the
     * page, which sends it back in X-CSRF-Token with every change. */
    snprintf(rs->set_cookie, sizeof rs->set_cookie,
             "hw_session=%s; Path=/; HttpOnly; SameSite=Strict", token);
    json_t *o = hw_api_principal_json(&who);
    json_object_set_new(o, "csrf", json_string(csrf));
    hw_http_json(rs, 200, o);
}

void hw_api_sign_out(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    if (rq->token && hw_signout(rq->store, rq->token, rq->now, &err) < 0) {
        hw_http_error(rs, 500, NULL, "the sign-out could not be recorded");
        return;
    }
    snprintf(rs->set_cookie, sizeof rs->set_cookie,
             "hw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    json_t *o = json_object();
    json_object_set_new(o, "signed_out", json_true());
    hw_http_json(rs, 200, o);
}

/* Who is signed in, with the session's form token: a page loaded afresh
 * asks here for the token it must send with every change. */
void hw_api_me(struct hw_request *rq, struct hw_response *rs)
{
    json_t *o = hw_api_principal_json(&rq->who);
    char csrf[HW_TOKEN_HEX] = "";
    if (!rq->who.by_token)
        hw_session_csrf(rq->token, csrf);
    json_object_set_new(o, "csrf", *csrf ? json_string(csrf) : json_null());
    hw_http_json(rs, 200, o);
}

static json_t *code_list(const struct hw_code *codes)
{
    json_t *list = json_array();
    for (const struct hw_code *c = codes; c->code; c++) {
        json_t *o = json_object();
        json_object_set_new(o, "code", json_string(c->code));
        json_object_set_new(o, "label", json_string(c->label ? c->label : c->code));
        json_array_append_new(list, o);
    }
    return list;
}

/* Every code table, for the forms' choices. */
void hw_api_codes(struct hw_request *rq, struct hw_response *rs)
{
    static const struct {
        const char *name;
        const struct hw_code *codes;
    } tables[] = {
        {"case_status", hw_case_status_codes},
        {"placement_type", hw_placement_codes},
        {"kind", hw_kind_codes},
        {"risk", hw_risk_codes},
        {"decision", hw_decision_codes},
        {"outcome", hw_outcome_codes},
        {"conducted_by", hw_conducted_by_codes},
        {"screening", hw_screening_codes},
        {"lateness_reason", hw_lateness_codes},
        {"attempt_outcome", hw_attempt_outcome_codes},
        {"action", hw_action_codes},
        {"action_outcome", hw_action_outcome_codes},
        {"action_status", hw_action_status_codes},
        {"flags", hw_flag_codes},
        {"yesno", hw_yesno_codes},
        {"criterion", hw_criterion_codes},
        {"rhi", hw_rhi_verdict_codes},
        {"plan_reason", hw_plan_reason_codes},
        {"role", hw_user_role_codes},
    };
    json_t *o = json_object();
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        json_object_set_new(o, tables[i].name, code_list(tables[i].codes));
    const struct hw_reasons *r = rq->reasons ? rq->reasons : hw_reasons_builtin();
    json_t *reasons = json_array();
    for (size_t i = 0; i < r->n; i++) {
        json_t *x = json_object();
        json_object_set_new(x, "code", json_string(r->items[i].code));
        json_object_set_new(x, "label", json_string(r->items[i].label));
        json_array_append_new(reasons, x);
    }
    json_object_set_new(o, "reasons", reasons);
    hw_http_json(rs, 200, o);
}

/* ---- teams: those children are allocated to, and those of users ---- */

static int child_team(void *ctx, const void *rec)
{
    const struct hw_child *c = rec;
    if (c->team)
        hw_strmap_put(ctx, c->team, 1);
    return 0;
}

static int user_team(void *ctx, const struct hw_user_info *u)
{
    if (u->team)
        hw_strmap_put(ctx, u->team, 1);
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void hw_api_teams(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_strmap teams = {0};
    struct hw_err err = {0};
    struct hw_filter f = {.fields = hw_field_mask(hw_child_fields, "child_id", "team", NULL)};
    if (hw_store_list(rq->store, HW_REC_CHILD, &f, child_team, &teams, &err) < 0 ||
        hw_user_list(rq->store, user_team, &teams, &err) < 0) {
        hw_strmap_free(&teams);
        hw_api_fault(rs, &err);
        return;
    }
    const char **names = hw_calloc(teams.len + 1, sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < teams.cap; i++)
        if (teams.keys[i])
            names[n++] = teams.keys[i];
    qsort(names, n, sizeof *names, by_name);
    json_t *list = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(list, json_string(names[i]));
    free(names);
    hw_strmap_free(&teams);
    json_t *o = json_object();
    json_object_set_new(o, "teams", list);
    hw_http_json(rs, 200, o);
}
