/* routes.c - the route table and its handlers. */
#include "http/routes.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app/workflow.h"
#include "io/record_json.h"
#include "report/lists.h"
#include "report/monthly_report.h"

void hw_http_error(struct hw_response *rs, unsigned status, const char *field, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    json_t *e = json_object();
    json_object_set_new(e, "message", json_string(msg));
    json_object_set_new(e, "field", field ? json_string(field) : json_null());
    json_t *root = json_object();
    json_object_set_new(root, "error", e);
    hw_http_json(rs, status, root);
}

void hw_http_json(struct hw_response *rs, unsigned status, json_t *v)
{
    char *text = json_dumps(v, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    rs->status = status;
    rs->content_type = "application/json";
    hw_buf_reset(&rs->body);
    hw_buf_puts(&rs->body, text ? text : "null");
    hw_buf_putc(&rs->body, '\n');
    free(text);
    json_decref(v);
}

/* Parses the body as a JSON object whose keys are all in `allowed`
 * (NULL-terminated). Returns the object (owned) or NULL with rs filled. */
static json_t *json_body(struct hw_request *rq, struct hw_response *rs, const char *const *allowed)
{
    json_error_t jerr;
    if (rq->body == NULL || rq->body_len == 0) {
        hw_http_error(rs, 400, NULL, "expected a JSON object in the request body");
        return NULL;
    }
    json_t *v = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &jerr);
    if (v == NULL) {
        hw_http_error(rs, 400, NULL, "malformed JSON at line %d, column %d: %s", jerr.line,
                      jerr.column, jerr.text);
        return NULL;
    }
    if (!json_is_object(v)) {
        json_decref(v);
        hw_http_error(rs, 400, NULL, "expected a JSON object in the request body");
        return NULL;
    }
    const char *key;
    json_t *value;
    json_object_foreach(v, key, value)
    {
        bool known = false;
        for (const char *const *a = allowed; *a; a++)
            known |= strcmp(*a, key) == 0;
        if (!known) {
            hw_http_error(rs, 400, key, "unknown field '%.60s'", key);
            json_decref(v);
            return NULL;
        }
    }
    return v;
}

/* A required string member of a JSON object, or NULL with rs filled. */
static const char *json_text(json_t *o, const char *key, struct hw_response *rs)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) {
        hw_http_error(rs, 422, key, "%s is required (a string)", key);
        return NULL;
    }
    return json_string_value(v);
}

static json_t *principal_json(const struct hw_principal *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "user", json_string(p->user));
    json_object_set_new(o, "role", json_string(hw_code_name(hw_user_role_codes, p->role)));
    json_object_set_new(o, "team", *p->team ? json_string(p->team) : json_null());
    return o;
}

/* ---- handlers ---- */

static void health(struct hw_request *rq, struct hw_response *rs)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string("ok"));
    json_object_set_new(o, "schema", json_integer(hw_store_schema_version(rq->store)));
    hw_http_json(rs, 200, o);
}

static void sign_in(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"user", "password", NULL};
    char token[HW_TOKEN_HEX], csrf[HW_TOKEN_HEX];
    struct hw_principal who;
    struct hw_err err = {0};
    json_t *body = json_body(rq, rs, allowed);
    if (body == NULL)
        return;
    const char *user = json_text(body, "user", rs), *password;
    if (user == NULL || (password = json_text(body, "password", rs)) == NULL) {
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
    json_t *o = principal_json(&who);
    json_object_set_new(o, "csrf", json_string(csrf));
    hw_http_json(rs, 200, o);
}

static void sign_out(struct hw_request *rq, struct hw_response *rs)
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

static void me(struct hw_request *rq, struct hw_response *rs)
{
    hw_http_json(rs, 200, principal_json(&rq->who));
}

static void monthly(struct hw_request *rq, struct hw_response *rs)
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

/* ---- the team's lists ---- */

/* The team a list is for: a coordinator may ask for any team (or all);
 * a team manager or worker sees their own team only. */
static bool list_team(struct hw_request *rq, struct hw_response *rs, const char **team)
{
    const char *asked = rq->arg(rq->conn, "team");
    if (rq->who.role == HW_USER_ROLE_COORDINATOR) {
        *team = asked;
        return true;
    }
    if (asked && strcmp(asked, rq->who.team) != 0) {
        hw_http_error(rs, 403, "team", "you may see your own team's list only (%s)", rq->who.team);
        return false;
    }
    if (rq->who.team[0] == '\0') {
        hw_http_error(rs, 403, NULL, "your account has no team: ask an administrator");
        return false;
    }
    *team = rq->who.team;
    return true;
}

/* The `at` argument (local time), default now; the `format` (json, csv or
 * text; csv only where allowed). */
static bool list_args(struct hw_request *rq, struct hw_response *rs, bool csv, hw_instant *at,
                      int *fmt)
{
    const char *v = rq->arg(rq->conn, "at"), *why = NULL;
    *at = rq->now;
    if (v && hw_parse_local_time(v, at, &why) < 0) {
        hw_http_error(rs, 400, "at", "at: %s", why ? why : "expected YYYY-MM-DD HH:MM");
        return false;
    }
    v = rq->arg(rq->conn, "format");
    *fmt = v ? hw_format_parse(v) : HW_FMT_JSON;
    if (*fmt < 0 || (*fmt == HW_FMT_CSV && !csv)) {
        hw_http_error(rs, 400, "format", "format: expected json%s or text", csv ? ", csv" : "");
        return false;
    }
    return true;
}

static void list_answer(struct hw_request *rq, struct hw_response *rs, int fmt, const char *what)
{
    struct hw_err err = {0};
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, what, &err);
    rs->status = 200;
    rs->content_type = fmt == HW_FMT_JSON  ? "application/json"
                       : fmt == HW_FMT_CSV ? "text/csv; charset=utf-8"
                                           : "text/plain; charset=utf-8";
}

static void fault(struct hw_response *rs, const struct hw_err *err)
{
    hw_http_error(rs, err->kind == HW_EINPUT ? 400 : 500, NULL, "%s", err->msg);
}

/* Any of the team's lists (the route's data is its struct hw_list_kind). */
static void team_list(struct hw_request *rq, struct hw_response *rs)
{
    const struct hw_list_kind *k = rq->route_data;
    struct hw_err err = {0};
    const char *team;
    hw_instant at;
    int fmt;
    if (!list_team(rq, rs, &team) || !list_args(rq, rs, k->csv, &at, &fmt))
        return;
    hw_buf_reset(&rs->body);
    if (hw_list_run(k, rq->store, rq->cfg, at, team, fmt, &rs->body, &err) < 0) {
        fault(rs, &err);
        return;
    }
    list_answer(rq, rs, fmt, k->name);
}

/* The weekly figures are per team and hold no names: every role that runs
 * the service sees them. */
static void weekly(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_weekly w;
    struct hw_err err = {0};
    hw_instant at;
    int fmt;
    hw_date day;
    if (!list_args(rq, rs, true, &at, &fmt))
        return;
    const char *v = rq->arg(rq->conn, "week_of");
    day = hw_london_date(at);
    if (v && hw_parse_date(v, &day) < 0) {
        hw_http_error(rs, 400, "week_of", "week_of: expected a date as YYYY-MM-DD");
        return;
    }
    if (hw_weekly_build(rq->store, rq->cfg, day, at, &w, &err) < 0) {
        fault(rs, &err);
        return;
    }
    list_answer(rq, rs, fmt, "weekly list");
    hw_weekly_render(&w, fmt, &rs->body);
    hw_weekly_free(&w);
}

/* ---- records ---- */

/* Loads child id into c and checks the principal may see them; false with
 * rs filled (404 unknown, 403 not theirs, 500 fault). */
static bool visible_child(struct hw_request *rq, struct hw_response *rs, const char *id,
                          struct hw_child *c)
{
    struct hw_err err = {0};
    int found = hw_store_get(rq->store, HW_REC_CHILD, id, c, &err);
    if (found < 0) {
        fault(rs, &err);
        return false;
    }
    if (found == 0) {
        hw_http_error(rs, 404, NULL, "no child %.64s is recorded", id);
        return false;
    }
    if (!hw_may_see_child(&rq->who, c)) {
        hw_audit(rq->store, rq->who.user, rq->now, "view_refused", "child", id, NULL, &err);
        hw_http_error(rs, 403, NULL, "child %.64s is not one of your team's", id);
        return false;
    }
    return true;
}

static void child_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_child_fields, &c);
    if (visible_child(rq, rs, rq->id, &c)) {
        hw_audit(rq->store, rq->who.user, rq->now, "view", "child", c.id, NULL, &err);
        json_t *o = json_object();
        json_object_set_new(o, "child", hw_record_json(hw_child_fields, &c));
        hw_http_json(rs, 200, o);
    }
    hw_record_clear(hw_child_fields, &c);
}

static void episode_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_episode e;
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get(rq->store, HW_REC_EPISODE, rq->id, &e, &err);
    if (found < 0) {
        fault(rs, &err);
    } else if (found == 0) {
        hw_http_error(rs, 404, NULL, "no episode %.64s is recorded", rq->id);
    } else if (visible_child(rq, rs, e.child_id, &c)) {
        hw_audit(rq->store, rq->who.user, rq->now, "view", "episode", e.id, NULL, &err);
        json_t *o = json_object();
        json_object_set_new(o, "episode", hw_record_json(hw_episode_fields, &e));
        hw_http_json(rs, 200, o);
    }
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &c);
}

/* ---- writes ---- */

/* A time member of a JSON object (local "YYYY-MM-DD HH:MM"), def when
 * absent; false with rs filled when malformed. */
static bool json_time(json_t *o, const char *key, hw_instant def, hw_instant *out,
                      struct hw_response *rs)
{
    json_t *v = json_object_get(o, key);
    const char *why = NULL;
    *out = def;
    if (v == NULL || json_is_null(v))
        return true;
    if (!json_is_string(v) || hw_parse_local_time(json_string_value(v), out, &why) < 0) {
        hw_http_error(rs, 422, key, "%s: %s", key,
                      why ? why : "expected a local time as YYYY-MM-DD HH:MM");
        return false;
    }
    return true;
}

/* An optional string member: NULL when absent; false with rs filled when
 * not a string. */
static bool json_opt_text(json_t *o, const char *key, const char **out, struct hw_response *rs)
{
    json_t *v = json_object_get(o, key);
    *out = NULL;
    if (v == NULL || json_is_null(v))
        return true;
    if (!json_is_string(v)) {
        hw_http_error(rs, 422, key, "%s: expected a string", key);
        return false;
    }
    *out = json_string_value(v);
    return true;
}

/* Sets record fields from same-named string members of o. */
static bool json_fields(json_t *o, const struct hw_field *table, const char *const *names,
                        void *rec, struct hw_response *rs)
{
    for (const char *const *n = names; *n; n++) {
        const char *v;
        struct hw_err why;
        if (!json_opt_text(o, *n, &v, rs))
            return false;
        if (v && hw_field_set(hw_field_find(table, *n), rec, v, &why) < 0) {
            hw_http_error(rs, 422, *n, "%s: '%.80s': %s", *n, v, why.msg);
            return false;
        }
    }
    return true;
}

static unsigned status_of(const struct hw_err *err)
{
    switch (err->kind) {
    case HW_EINPUT:
        return 422;
    case HW_ENOTFOUND:
        return 404;
    case HW_ECONFLICT:
        return 409;
    default:
        return 500;
    }
}

/* Managers and workers may change only their own team's episodes. */
static bool may_change_episode(struct hw_request *rq, struct hw_response *rs, const char *id)
{
    struct hw_episode e;
    struct hw_child c;
    bool ok = false;
    if (rq->who.role == HW_USER_ROLE_COORDINATOR || rq->who.role == HW_USER_ROLE_POLICE_LIAISON)
        return true;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &c);
    struct hw_err err = {0};
    int found = hw_store_get(rq->store, HW_REC_EPISODE, id, &e, &err);
    if (found < 0)
        fault(rs, &err);
    else if (found == 0)
        hw_http_error(rs, 404, "episode_id", "no episode %.64s is recorded", id);
    else
        ok = visible_child(rq, rs, e.child_id, &c);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &c);
    return ok;
}

static struct hw_actor actor(struct hw_request *rq)
{
    return (struct hw_actor){
        .user = rq->who.user, .source = rq->who.by_token ? "api token" : "web", .at = rq->now};
}

/* A police notification: the child (added when not known) and the episode. */
static void report(struct hw_request *rq, struct hw_response *rs)
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
    json_t *body = json_body(rq, rs, allowed);
    if (body == NULL)
        goto done;
    const char *id = json_text(body, "episode_id", rs), *child;
    struct hw_err why;
    if (id == NULL || (child = json_text(body, "child_id", rs)) == NULL)
        goto done;
    if (hw_field_set(&hw_episode_fields[0], &e, id, &why) < 0) {
        hw_http_error(rs, 422, "episode_id", "episode_id: %s", why.msg);
        goto done;
    }
    if (hw_field_set(hw_field_find(hw_episode_fields, "child_id"), &e, child, &why) < 0) {
        hw_http_error(rs, 422, "child_id", "child_id: %s", why.msg);
        goto done;
    }
    if (!json_fields(body, hw_episode_fields, episode_keys, &e, rs) ||
        !json_fields(body, hw_child_fields, child_keys, &if_new, rs) ||
        !json_time(body, "last_seen", HW_NO_TIME, &e.last_seen, rs) ||
        !json_time(body, "reported", rq->now, &e.reported, rs))
        goto done;
    if (e.last_seen == HW_NO_TIME) {
        hw_http_error(rs, 422, "last_seen", "last_seen is required");
        goto done;
    }
    struct hw_rulebook rb = {rq->cfg, rq->reasons, rq->routing};
    struct hw_actor who = actor(rq);
    int told = hw_report_missing(rq->store, &rb, &e, &if_new, &who, &added, &err);
    if (told < 0) {
        hw_http_error(rs, status_of(&err), NULL, "%s", err.msg);
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

static void record_return(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", "at", "found_location", "safe_well_at",
                                          NULL};
    struct hw_err err = {0};
    hw_instant at, safe_well;
    const char *id, *where;
    json_t *body = json_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((id = json_text(body, "episode_id", rs)) == NULL ||
        !json_time(body, "at", HW_NO_TIME, &at, rs) ||
        !json_time(body, "safe_well_at", HW_NO_TIME, &safe_well, rs) ||
        !json_opt_text(body, "found_location", &where, rs) || !may_change_episode(rq, rs, id))
        goto done;
    if (at == HW_NO_TIME) {
        hw_http_error(rs, 422, "at", "at is required: when the child was found or returned");
        goto done;
    }
    struct hw_rulebook rb = {rq->cfg, rq->reasons, rq->routing};
    struct hw_actor who = actor(rq);
    int told = hw_record_return(rq->store, &rb, id, at, where, safe_well, &who, &err);
    if (told < 0) {
        hw_http_error(rs, status_of(&err), NULL, "%s", err.msg);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", "episode", id, "returned", &err);
    json_t *o = json_object();
    json_object_set_new(o, "episode_id", json_string(id));
    json_object_set_new(o, "notifications", json_integer(told));
    hw_http_json(rs, 200, o);
done:
    json_decref(body);
}

static void resolve_action(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"episode_id", "action", "seq", "outcome",
                                          "at",         "reason", NULL};
    struct hw_err err = {0};
    const char *id, *action, *outcome, *reason;
    hw_instant at;
    json_t *body = json_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((id = json_text(body, "episode_id", rs)) == NULL ||
        (action = json_text(body, "action", rs)) == NULL ||
        (outcome = json_text(body, "outcome", rs)) == NULL ||
        !json_opt_text(body, "reason", &reason, rs) || !json_time(body, "at", rq->now, &at, rs))
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
    if (!may_change_episode(rq, rs, id))
        goto done;
    struct hw_stamp by = {.at = rq->now, .user = rq->who.user, .source = "web"};
    if (hw_resolve_action(rq->store, rq->cfg, id, kind, (int)seq, out, at, reason, &by, &err) < 0) {
        hw_http_error(rs, status_of(&err), strncmp(err.msg, "reason:", 7) == 0 ? "reason" : NULL,
                      "%s", err.msg);
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

#define STAFF                                                                                      \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) |                            \
     HW_R(HW_USER_ROLE_WORKER) | HW_R(HW_USER_ROLE_ANALYST) | HW_R(HW_USER_ROLE_POLICE_LIAISON) |  \
     HW_R(HW_USER_ROLE_ADMIN))
#define LIST_READERS                                                                               \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) | HW_R(HW_USER_ROLE_WORKER))
#define REPORT_READERS                                                                             \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) | HW_R(HW_USER_ROLE_ANALYST))

const struct hw_http_route hw_http_routes[] = {
    {.method = "GET", .path = "/api/v1/health", .roles = HW_ANY_ROLE, .handler = health},
    {.method = "POST",
     .path = "/api/v1/session",
     .roles = HW_ANY_ROLE,
     .body_max = 4096,
     .no_csrf = true,
     .handler = sign_in},
    {.method = "DELETE", .path = "/api/v1/session", .roles = STAFF, .handler = sign_out},
    {.method = "GET", .path = "/api/v1/me", .roles = STAFF, .handler = me},
    {.method = "GET",
     .path = "/api/v1/reports/monthly",
     .roles = REPORT_READERS,
     .handler = monthly},
    {.method = "GET", .path = "/api/v1/children/:id", .roles = LIST_READERS, .handler = child_get},
    {.method = "GET",
     .path = "/api/v1/episodes/:id",
     .roles = LIST_READERS,
     .handler = episode_get},
    {.method = "POST",
     .path = "/api/v1/episodes",
     .roles = HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_POLICE_LIAISON),
     .body_max = 8192,
     .handler = report},
    {.method = "POST",
     .path = "/api/v1/returns",
     .roles = LIST_READERS | HW_R(HW_USER_ROLE_POLICE_LIAISON),
     .body_max = 4096,
     .handler = record_return},
    {.method = "POST",
     .path = "/api/v1/actions",
     .roles = LIST_READERS,
     .body_max = 8192,
     .handler = resolve_action},
    {.method = "GET",
     .path = "/api/v1/due",
     .roles = LIST_READERS,
     .handler = team_list,
     .data = &hw_list_due},
    {.method = "GET",
     .path = "/api/v1/daily",
     .roles = LIST_READERS,
     .handler = team_list,
     .data = &hw_list_daily},
    {.method = "GET",
     .path = "/api/v1/high-risk",
     .roles = LIST_READERS,
     .handler = team_list,
     .data = &hw_list_high_risk},
    {.method = "GET",
     .path = "/api/v1/plans",
     .roles = LIST_READERS,
     .handler = team_list,
     .data = &hw_list_plans},
    {.method = "GET",
     .path = "/api/v1/weekly",
     .roles = REPORT_READERS | LIST_READERS,
     .handler = weekly},
    {.method = NULL},
};
