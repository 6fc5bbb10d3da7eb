/* api_admin.c - users, API tokens and the audit log, for administrators.
 * Administrators see no child records; every change they make is audited
 * by app/auth.c. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/record_json.h"

static int user_json(void *ctx, const struct hw_user_info *u)
{
    json_t *o = json_object();
    json_object_set_new(o, "user", json_string(u->user));
    json_object_set_new(o, "display_name",
                        u->display_name ? json_string(u->display_name) : json_null());
    json_object_set_new(o, "role", json_string(hw_code_name(hw_user_role_codes, u->role)));
    json_object_set_new(o, "team", u->team ? json_string(u->team) : json_null());
    json_object_set_new(o, "created_at", hw_time_json(u->created_at));
    json_object_set_new(o, "disabled_at", hw_time_json(u->disabled_at));
    json_array_append_new(ctx, o);
    return 0;
}

void hw_api_users(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    json_t *list = json_array();
    if (hw_user_list(rq->store, user_json, list, &err) < 0) {
        json_decref(list);
        hw_api_fault(rs, &err);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "users", list);
    hw_http_json(rs, 200, o);
}

static struct hw_stamp stamp(struct hw_request *rq)
{
    return (struct hw_stamp){.at = rq->now, .user = rq->who.user, .source = "web"};
}

/* The field an auth error is about, from the start of its message. */
static const char *auth_field(const char *msg)
{
    static const char *const fields[] = {"user",     "display_name", "role", "team",
                                         "password", "scope",        NULL};
    static const struct {
        const char *prefix, *field;
    } words[] = {{"display name", "display_name"},
                 {"user name", "user"},
                 {"password", "password"},
                 {"role", "role"},
                 {"team", "team"},
                 {"scope", "scope"}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strncmp(msg, words[i].prefix, strlen(words[i].prefix)) == 0)
            return words[i].field;
    for (const char *const *f = fields; *f; f++)
        if (strncmp(msg, *f, strlen(*f)) == 0 && msg[strlen(*f)] == ':')
            return *f;
    return NULL;
}

static void auth_fail(struct hw_response *rs, const struct hw_err *err)
{
    hw_http_error(rs, hw_api_status(err), auth_field(err->msg), "%s", err->msg);
}

void hw_api_user_add(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"user", "display_name", "role", "team", "password", NULL};
    struct hw_err err = {0};
    const char *user, *display, *role, *team, *password;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((user = hw_api_text(body, "user", rs)) == NULL ||
        (role = hw_api_text(body, "role", rs)) == NULL ||
        (password = hw_api_text(body, "password", rs)) == NULL ||
        !hw_api_opt_text(body, "display_name", &display, rs) ||
        !hw_api_opt_text(body, "team", &team, rs))
        goto done;
    int r = hw_code_parse(hw_user_role_codes, role);
    if (r <= 0) {
        char list[200];
        hw_code_list(hw_user_role_codes, list, sizeof list);
        hw_http_error(rs, 422, "role", "role: '%.40s': expected one of %s", role, list);
        goto done;
    }
    if ((r == HW_USER_ROLE_TEAM_MANAGER || r == HW_USER_ROLE_WORKER) && (!team || !*team)) {
        hw_http_error(rs, 422, "team", "team: a team manager or worker needs a team");
        goto done;
    }
    struct hw_stamp by = stamp(rq);
    if (hw_user_add(rq->store, user, display && *display ? display : NULL, r,
                    team && *team ? team : NULL, password, &by, &err) < 0) {
        auth_fail(rs, &err);
        goto done;
    }
    json_t *o = json_object();
    json_object_set_new(o, "user", json_string(user));
    json_object_set_new(o, "role", json_string(hw_code_name(hw_user_role_codes, r)));
    hw_http_json(rs, 201, o);
done:
    json_decref(body);
}

/* {"disabled": true} or {"password": "..."}. */
void hw_api_user_patch(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"disabled", "password", NULL};
    struct hw_err err = {0};
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    json_t *disabled = json_object_get(body, "disabled");
    const char *password = NULL;
    struct hw_stamp by = stamp(rq);
    if (!hw_api_opt_text(body, "password", &password, rs))
        goto done;
    if (disabled && !json_is_true(disabled)) {
        hw_http_error(rs, 422, "disabled",
                      "disabled: only true (a disabled user stays disabled; add a new one)");
        goto done;
    }
    if (!disabled && !password) {
        hw_http_error(rs, 422, NULL, "expected disabled or password");
        goto done;
    }
    if (disabled && strcmp(rq->id, rq->who.user) == 0) {
        hw_http_error(rs, 409, "disabled", "you cannot disable your own account");
        goto done;
    }
    if ((disabled && hw_user_disable(rq->store, rq->id, &by, &err) < 0) ||
        (password && hw_user_set_password(rq->store, rq->id, password, &by, &err) < 0)) {
        auth_fail(rs, &err);
        goto done;
    }
    json_t *o = json_object();
    json_object_set_new(o, "user", json_string(rq->id));
    json_object_set_new(o, "disabled", json_boolean(disabled != NULL));
    json_object_set_new(o, "password_changed", json_boolean(password != NULL));
    hw_http_json(rs, 200, o);
done:
    json_decref(body);
}

void hw_api_token_add(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"user", "scope", NULL};
    struct hw_err err = {0};
    char token[HW_TOKEN_HEX];
    const char *user, *scope;
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    if ((user = hw_api_text(body, "user", rs)) != NULL &&
        (scope = hw_api_text(body, "scope", rs)) != NULL) {
        struct hw_stamp by = stamp(rq);
        if (hw_api_token_create(rq->store, user, scope, &by, token, &err) < 0) {
            auth_fail(rs, &err);
        } else {
            json_t *o = json_object();
            json_object_set_new(o, "user", json_string(user));
            json_object_set_new(o, "scope", json_string(scope));
            json_object_set_new(o, "token", json_string(token));
            hw_http_json(rs, 201, o);
        }
    }
    json_decref(body);
}

struct audit_search {
    json_t *list;
    const char *record;
    size_t limit;
};

static int audit_json(void *ctx, const struct hw_audit_entry *e)
{
    struct audit_search *a = ctx;
    if (a->record && !(e->record_id && strcmp(e->record_id, a->record) == 0))
        return 0;
    json_t *o = json_object();
    json_object_set_new(o, "seq", json_integer(e->seq));
    json_object_set_new(o, "at", hw_time_json(e->at));
    json_object_set_new(o, "user", json_string(e->user));
    json_object_set_new(o, "action", json_string(e->action));
    json_object_set_new(o, "record_type",
                        e->record_type ? json_string(e->record_type) : json_null());
    json_object_set_new(o, "record_id", e->record_id ? json_string(e->record_id) : json_null());
    json_object_set_new(o, "detail", e->detail ? json_string(e->detail) : json_null());
    json_array_append_new(a->list, o);
    return json_array_size(a->list) >= a->limit;
}

/* The audit log, newest first: user=, action=, record= (an ID), limit=
 * (200, at most 5000). */
void hw_api_audit(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    const char *user = rq->arg(rq->conn, "user"), *action = rq->arg(rq->conn, "action");
    const char *limit = rq->arg(rq->conn, "limit");
    struct audit_search a = {.record = rq->arg(rq->conn, "record"), .limit = 200};
    if (user && !*user)
        user = NULL;
    if (action && !*action)
        action = NULL;
    if (a.record && !*a.record)
        a.record = NULL;
    if (limit) {
        char *end;
        long n = strtol(limit, &end, 10);
        if (*limit == '\0' || *end != '\0' || n < 1 || n > 5000) {
            hw_http_error(rs, 400, "limit", "limit: expected a whole number from 1 to 5000");
            return;
        }
        a.limit = (size_t)n;
    }
    a.list = json_array();
    if (hw_audit_list(rq->store, user, action, true, 0, audit_json, &a, &err) < 0) {
        json_decref(a.list);
        hw_api_fault(rs, &err);
        return;
    }
    json_t *o = json_object();
    json_object_set_new(o, "entries", a.list);
    hw_http_json(rs, 200, o);
}

void hw_api_audit_verify(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    long long checked = 0;
    json_t *o = json_object();
    if (hw_audit_verify(rq->store, &checked, &err) < 0) {
        if (err.kind != HW_EINPUT) {
            json_decref(o);
            hw_api_fault(rs, &err);
            return;
        }
        json_object_set_new(o, "intact", json_false());
        json_object_set_new(o, "message", json_string(err.msg));
    } else {
        json_object_set_new(o, "intact", json_true());
        json_object_set_new(o, "entries", json_integer(checked));
    }
    hw_http_json(rs, 200, o);
}
