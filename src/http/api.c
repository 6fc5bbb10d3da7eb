/* api.c - what every handler shares: JSON bodies and errors, the team a
 * request may see, record visibility, the actor of a change. */
#include "http/api.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
json_t *hw_api_body(struct hw_request *rq, struct hw_response *rs, const char *const *allowed)
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
        bool known = allowed == NULL;
        for (const char *const *a = allowed; a && *a; a++)
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
const char *hw_api_text(json_t *o, const char *key, struct hw_response *rs)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v) || json_string_length(v) == 0) {
        hw_http_error(rs, 422, key, "%s is required (a string)", key);
        return NULL;
    }
    return json_string_value(v);
}

json_t *hw_api_principal_json(const struct hw_principal *p)
{
    json_t *o = json_object();
    json_object_set_new(o, "user", json_string(p->user));
    json_object_set_new(o, "display_name",
                        json_string(*p->display_name ? p->display_name : p->user));
    json_object_set_new(o, "role", json_string(hw_code_name(hw_user_role_codes, p->role)));
    json_object_set_new(o, "team", *p->team ? json_string(p->team) : json_null());
    return o;
}

void hw_api_fault(struct hw_response *rs, const struct hw_err *err)
{
    hw_http_error(rs, err->kind == HW_EINPUT ? 400 : 500, NULL, "%s", err->msg);
}

/* ---- the team's lists ---- */

/* The team a list is for: a coordinator may ask for any team (or all);
 * a team manager or worker sees their own team only. */
bool hw_api_team(struct hw_request *rq, struct hw_response *rs, const char **team)
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
bool hw_api_list_args(struct hw_request *rq, struct hw_response *rs, bool csv, hw_instant *at,
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

void hw_api_list_answer(struct hw_request *rq, struct hw_response *rs, int fmt, const char *what)
{
    struct hw_err err = {0};
    /* A CSV file leaves Homeward: an export, not only a view. */
    hw_audit(rq->store, rq->who.user, rq->now, fmt == HW_FMT_CSV ? "export" : "view", NULL, NULL,
             what, &err);
    rs->status = 200;
    rs->content_type = fmt == HW_FMT_JSON  ? "application/json"
                       : fmt == HW_FMT_CSV ? "text/csv; charset=utf-8"
                                           : "text/plain; charset=utf-8";
}

/* ---- records ---- */

/* Loads child id into c and checks the principal may see them; false with
 * rs filled (404 unknown, 403 not theirs, 500 fault). */
bool hw_api_visible_child(struct hw_request *rq, struct hw_response *rs, const char *id,
                          struct hw_child *c)
{
    struct hw_err err = {0};
    int found = hw_store_get(rq->store, HW_REC_CHILD, id, c, &err);
    if (found < 0) {
        hw_api_fault(rs, &err);
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

/* ---- writes ---- */

/* A time member of a JSON object (local "YYYY-MM-DD HH:MM"), def when
 * absent; false with rs filled when malformed. */
bool hw_api_time(json_t *o, const char *key, hw_instant def, hw_instant *out,
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
bool hw_api_opt_text(json_t *o, const char *key, const char **out, struct hw_response *rs)
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
bool hw_api_fields(json_t *o, const struct hw_field *table, const char *const *names, void *rec,
                   struct hw_response *rs)
{
    for (const char *const *n = names; *n; n++) {
        const char *v;
        struct hw_err why;
        if (!hw_api_opt_text(o, *n, &v, rs))
            return false;
        if (v && hw_field_set(hw_field_find(table, *n), rec, v, &why) < 0) {
            hw_http_error(rs, 422, *n, "%s: '%.80s': %s", *n, v, why.msg);
            return false;
        }
    }
    return true;
}

unsigned hw_api_status(const struct hw_err *err)
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
bool hw_api_may_change_episode(struct hw_request *rq, struct hw_response *rs, const char *id)
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
        hw_api_fault(rs, &err);
    else if (found == 0)
        hw_http_error(rs, 404, "episode_id", "no episode %.64s is recorded", id);
    else
        ok = hw_api_visible_child(rq, rs, e.child_id, &c);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &c);
    return ok;
}

struct hw_actor hw_api_actor(struct hw_request *rq)
{
    return (struct hw_actor){
        .user = rq->who.user, .source = rq->who.by_token ? "api token" : "web", .at = rq->now};
}

bool hw_api_record_fields(json_t *o, const struct hw_field *table, void *rec,
                          const char *const *skip, struct hw_response *rs)
{
    const char *key;
    json_t *v;
    struct hw_buf text = {0};
    bool ok = true;
    json_object_foreach(o, key, v)
    {
        bool skipped = false;
        for (const char *const *k = skip; k && *k; k++)
            skipped |= strcmp(*k, key) == 0;
        if (skipped)
            continue;
        const struct hw_field *f = hw_field_find(table, key);
        if (f == NULL) {
            hw_http_error(rs, 400, key, "unknown field '%.60s'", key);
            ok = false;
            break;
        }
        hw_buf_reset(&text);
        if (json_is_string(v)) {
            hw_buf_puts(&text, json_string_value(v));
        } else if (json_is_integer(v) && f->type == HW_F_INT) {
            hw_buf_printf(&text, "%lld", (long long)json_integer_value(v));
        } else if (json_is_array(v) && (f->type == HW_F_IDLIST || f->type == HW_F_FLAGS)) {
            size_t i;
            json_t *item;
            json_array_foreach(v, i, item)
            {
                if (!json_is_string(item)) {
                    hw_http_error(rs, 422, key, "%s: expected an array of strings", key);
                    ok = false;
                    break;
                }
                hw_buf_printf(&text, "%s%s", i ? ";" : "", json_string_value(item));
            }
            if (!ok)
                break;
        } else if (!json_is_null(v)) {
            hw_http_error(rs, 422, key, "%s: expected a string%s or null", key,
                          f->type == HW_F_IDLIST || f->type == HW_F_FLAGS ? " or an array" : "");
            ok = false;
            break;
        }
        struct hw_err why = {0};
        if (hw_field_set(f, rec, text.data ? text.data : "", &why) < 0) {
            hw_http_error(rs, 422, key, "%s: '%.80s': %s", key, text.data ? text.data : "",
                          why.msg);
            ok = false;
            break;
        }
    }
    hw_buf_free(&text);
    return ok;
}

void hw_api_fail(struct hw_response *rs, const struct hw_err *err, const struct hw_field *table)
{
    const char *field = NULL;
    const char *colon = strchr(err->msg, ':');
    char name[64];
    size_t n = colon ? (size_t)(colon - err->msg) : 0;
    if (table && n > 0 && n < sizeof name) {
        memcpy(name, err->msg, n);
        name[n] = '\0';
        const struct hw_field *f = hw_field_find(table, name);
        if (f)
            field = f->name;
    }
    hw_http_error(rs, hw_api_status(err), field, "%s", err->msg);
}

struct hw_rulebook hw_api_rulebook(const struct hw_request *rq)
{
    return (struct hw_rulebook){rq->cfg, rq->reasons, rq->routing, rq->notices};
}
