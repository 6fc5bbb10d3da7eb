/* cmd_users.c - who may sign in: users, API tokens, and the audit log
 * (app/auth.h). Passwords are read from standard input or generated; they
 * and tokens are shown once and never stored in the clear. */
#include <jansson.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "cli/cli.h"
#include "io/record_json.h"
#include "report/table.h"

#define PASSWORD_LINE   1100 /* a line of standard input: more than auth.c accepts */
#define GENERATED_CHARS 20

static struct hw_stamp stamp(const struct hw_ctx *ctx)
{
    return (struct hw_stamp){.at = ctx->now, .user = ctx->user, .source = "cli"};
}

static int parse_role(const char *v, int *role, struct hw_err *err)
{
    char list[200];
    if ((*role = hw_code_parse(hw_user_role_codes, v ? v : "")) > 0)
        return 0;
    hw_code_list(hw_user_role_codes, list, sizeof list);
    return hw_fail(err, HW_EINPUT, "--role: expected one of %s, got '%s'", list, v ? v : "");
}

/* The first line of standard input, without its line ending. */
static int read_password(char *buf, size_t size, struct hw_err *err)
{
    if (fgets(buf, (int)size, stdin) == NULL)
        return hw_fail(err, HW_EINPUT, "--password-stdin: no password on standard input");
    size_t n = strlen(buf);
    if (n == size - 1 && buf[n - 1] != '\n')
        return hw_fail(err, HW_EINPUT, "--password-stdin: the password is too long");
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        buf[--n] = '\0';
    return 0;
}

/* A random password of letters and digits that are hard to mistake for
 * one another: 57 symbols, 20 of them, about 116 bits. */
static int generate_password(char *buf, size_t size, struct hw_err *err)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    if (sodium_init() < 0)
        return hw_fail(err, HW_EINTERNAL, "libsodium could not be initialised");
    if (size < GENERATED_CHARS + 1)
        return hw_fail(err, HW_EINTERNAL, "no room for a password");
    for (size_t i = 0; i < GENERATED_CHARS; i++)
        buf[i] = alphabet[randombytes_uniform((uint32_t)(sizeof alphabet - 1))];
    buf[GENERATED_CHARS] = '\0';
    return 0;
}

/* The password for a user: from standard input, or made up (and shown). */
static int get_password(struct hw_args *a, char *buf, size_t size, bool *generated,
                        struct hw_err *err)
{
    *generated = !hw_flag(a, "password-stdin");
    return *generated ? generate_password(buf, size, err) : read_password(buf, size, err);
}

static int cmd_user_add(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                        struct hw_err *err)
{
    (void)cmd;
    char pw[PASSWORD_LINE];
    struct hw_stamp by = stamp(ctx);
    bool generated;
    int role, rc = -1;
    if (parse_role(hw_arg(a, "role"), &role, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        get_password(a, pw, sizeof pw, &generated, err) < 0)
        goto done;
    if (hw_user_add(ctx->store, a->pos[0], hw_arg(a, "display-name"), role, hw_arg(a, "team"), pw,
                    &by, err) < 0)
        goto done;
    fprintf(ctx->out, "Added user %s (%s).\n", a->pos[0], hw_code_name(hw_user_role_codes, role));
    if (generated)
        fprintf(ctx->out, "Password (shown only now): %s\n", pw);
    rc = 0;
done:
    sodium_memzero(pw, sizeof pw);
    return rc;
}

static int cmd_user_password(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                             struct hw_err *err)
{
    (void)cmd;
    char pw[PASSWORD_LINE];
    struct hw_stamp by = stamp(ctx);
    bool generated;
    int rc = -1;
    if (hw_ctx_store(ctx, err) < 0 || get_password(a, pw, sizeof pw, &generated, err) < 0 ||
        hw_user_set_password(ctx->store, a->pos[0], pw, &by, err) < 0)
        goto done;
    fprintf(ctx->out, "Set a new password for %s; their sessions have ended.\n", a->pos[0]);
    if (generated)
        fprintf(ctx->out, "Password (shown only now): %s\n", pw);
    rc = 0;
done:
    sodium_memzero(pw, sizeof pw);
    return rc;
}

static int cmd_user_disable(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    struct hw_stamp by = stamp(ctx);
    if (hw_ctx_store(ctx, err) < 0 || hw_user_disable(ctx->store, a->pos[0], &by, err) < 0)
        return -1;
    fprintf(ctx->out, "Disabled user %s: their sessions and API tokens no longer work.\n",
            a->pos[0]);
    return 0;
}

struct listing {
    int fmt;
    struct hw_table table;
    json_t *json;
    size_t count;
};

static int user_one(void *c, const struct hw_user_info *u)
{
    struct listing *l = c;
    char created[HW_LOCAL_LEN], disabled[HW_LOCAL_LEN] = "";
    const char *role = hw_code_name(hw_user_role_codes, u->role);
    l->count++;
    if (l->fmt == HW_FMT_JSON) {
        json_t *j = json_object();
        json_object_set_new(j, "user", json_string(u->user));
        json_object_set_new(j, "display_name",
                            u->display_name ? json_string(u->display_name) : json_null());
        json_object_set_new(j, "role", json_string(role));
        json_object_set_new(j, "team", u->team ? json_string(u->team) : json_null());
        json_object_set_new(j, "created_at", hw_time_json(u->created_at));
        json_object_set_new(j, "disabled_at", hw_time_json(u->disabled_at));
        json_array_append_new(l->json, j);
        return 0;
    }
    hw_format_local(u->created_at, created);
    if (u->disabled_at != HW_NO_TIME)
        hw_format_local(u->disabled_at, disabled);
    const char *cells[] = {u->user, u->display_name, role, u->team, created, disabled};
    hw_table_add(&l->table, cells);
    return 0;
}

/* Writes the listing's JSON root {key: array} or its table, then "(N noun)". */
static void emit_listing(struct hw_ctx *ctx, struct listing *l, const char *key, const char *noun,
                         const char *nouns)
{
    struct hw_buf out = {0};
    if (l->fmt == HW_FMT_JSON) {
        json_t *root = json_object();
        json_object_set_new(root, key, l->json);
        l->json = NULL;
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(&out, "%s\n", text);
        free(text);
        json_decref(root);
    } else if (l->fmt == HW_FMT_CSV) {
        hw_table_csv(&l->table, &out);
    } else {
        hw_table_text(&l->table, &out);
        hw_buf_printf(&out, "(%zu %s)\n", l->count, l->count == 1 ? noun : nouns);
    }
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
}

static int cmd_user_list(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    (void)cmd;
    static const char *const header[] = {"user", "name", "role", "team", "created", "disabled"};
    struct listing l = {0};
    int rc = -1;
    if (hw_arg_format(a, &l.fmt, err) < 0 || hw_ctx_store(ctx, err) < 0)
        return -1;
    if (l.fmt == HW_FMT_JSON)
        l.json = json_array();
    else
        hw_table_init(&l.table, 6, header);
    if (hw_user_list(ctx->store, user_one, &l, err) < 0)
        goto done;
    emit_listing(ctx, &l, "users", "user", "users");
    rc = 0;
done:
    json_decref(l.json);
    hw_table_free(&l.table);
    return rc;
}

static int cmd_token_create(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    char token[HW_TOKEN_HEX];
    struct hw_stamp by = stamp(ctx);
    const char *scope = hw_arg(a, "scope");
    if (scope == NULL)
        return hw_fail(err, HW_EINPUT, "--scope is required (e.g. --scope notifications)");
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_api_token_create(ctx->store, a->pos[0], scope, &by, token, err) < 0)
        return -1;
    fprintf(ctx->out, "Created an API token for %s, scope %s (shown only now):\n%s\n", a->pos[0],
            scope, token);
    sodium_memzero(token, sizeof token);
    return 0;
}

static int cmd_audit_verify(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd, (void)a;
    long long n;
    if (hw_ctx_store(ctx, err) < 0 || hw_audit_verify(ctx->store, &n, err) < 0)
        return -1;
    fprintf(ctx->out, "audit log intact: %lld %s\n", n, n == 1 ? "entry" : "entries");
    return 0;
}

static int audit_one(void *c, const struct hw_audit_entry *e)
{
    struct listing *l = c;
    char seq[24], at[HW_LOCAL_LEN], record[300];
    l->count++;
    if (l->fmt == HW_FMT_JSON) {
        json_t *j = json_object();
        json_object_set_new(j, "seq", json_integer(e->seq));
        json_object_set_new(j, "at", hw_time_json(e->at));
        json_object_set_new(j, "user", json_string(e->user));
        json_object_set_new(j, "action", json_string(e->action));
        json_object_set_new(j, "record_type",
                            e->record_type ? json_string(e->record_type) : json_null());
        json_object_set_new(j, "record_id", e->record_id ? json_string(e->record_id) : json_null());
        json_object_set_new(j, "detail", e->detail ? json_string(e->detail) : json_null());
        json_array_append_new(l->json, j);
        return 0;
    }
    snprintf(seq, sizeof seq, "%lld", e->seq);
    hw_format_local(e->at, at);
    snprintf(record, sizeof record, "%.60s%s%.200s", e->record_type ? e->record_type : "",
             e->record_type && e->record_id ? " " : "", e->record_id ? e->record_id : "");
    if (l->fmt == HW_FMT_CSV) {
        const char *cells[] = {seq,          at,       e->user, e->action, e->record_type,
                               e->record_id, e->detail};
        hw_table_add(&l->table, cells);
        return 0;
    }
    const char *cells[] = {seq, at, e->user, e->action, record, e->detail};
    hw_table_add(&l->table, cells);
    return 0;
}

static int cmd_audit_list(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                          struct hw_err *err)
{
    (void)cmd;
    static const char *const text_header[] = {"seq", "at", "user", "action", "record", "detail"};
    static const char *const csv_header[] = {"seq",         "at",        "user",  "action",
                                             "record_type", "record_id", "detail"};
    struct listing l = {0};
    const char *v = hw_arg(a, "limit");
    long limit = 0;
    int rc = -1;
    if (v) {
        char *end;
        limit = strtol(v, &end, 10);
        if (*v < '0' || *v > '9' || *end || limit < 1 || limit > 1000000)
            return hw_fail(err, HW_EINPUT,
                           "--limit: expected a whole number from 1 to 1000000, "
                           "got '%s'",
                           v);
    }
    if (hw_arg_format(a, &l.fmt, err) < 0 || hw_ctx_store(ctx, err) < 0)
        return -1;
    if (l.fmt == HW_FMT_JSON)
        l.json = json_array();
    else if (l.fmt == HW_FMT_CSV)
        hw_table_init(&l.table, 7, csv_header);
    else
        hw_table_init(&l.table, 6, text_header);
    if (hw_audit_list(ctx->store, hw_arg(a, "user"), hw_arg(a, "action"), true, (size_t)limit,
                      audit_one, &l, err) < 0)
        goto done;
    emit_listing(ctx, &l, "audit", "entry", "entries");
    rc = 0;
done:
    json_decref(l.json);
    hw_table_free(&l.table);
    return rc;
}

static const struct hw_opt user_add_opts[] = {
    {"role", "ROLE", "what they may do (required): 'homeward codes user_roles'"},
    {"team", "TEAM", "the team they belong to"},
    {"display-name", "TEXT", "their name as people read it"},
    {"password-stdin", NULL,
     "read the password from the first line of standard input (default: make one up and show "
     "it once)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt password_opts[] = {
    {"password-stdin", NULL,
     "read the password from the first line of standard input (default: make one up and show "
     "it once)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt list_opts[] = {
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt token_opts[] = {
    {"scope", "SCOPE", "what the token is for, e.g. notifications (required)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt audit_list_opts[] = {
    {"user", "NAME", "only entries of this user ('-': of nobody)"},
    {"action", "ACTION", "only entries of this action, e.g. signin_failed"},
    {"limit", "N", "at most N entries (default: all)"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_users_cmds[] = {
    {.noun = "user",
     .verb = "add",
     .usage = "NAME --role ROLE [--team TEAM] [--display-name TEXT] [--password-stdin]",
     .summary = "add a person or machine account that can sign in (audited)",
     .opts = user_add_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_user_add,
     .rectype = -1,
     .writes = true},
    {.noun = "user",
     .verb = "list",
     .usage = "[--format text|csv|json]",
     .summary = "the users, by name, with their roles and teams",
     .opts = list_opts,
     .fn = cmd_user_list,
     .rectype = -1},
    {.noun = "user",
     .verb = "disable",
     .usage = "NAME",
     .summary = "stop a user signing in; ends their sessions and API tokens (audited)",
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_user_disable,
     .rectype = -1,
     .writes = true},
    {.noun = "user",
     .verb = "password",
     .usage = "NAME [--password-stdin]",
     .summary = "set a user's password; ends their sessions (audited)",
     .opts = password_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_user_password,
     .rectype = -1,
     .writes = true},
    {.noun = "token",
     .verb = "create",
     .usage = "USER --scope SCOPE",
     .summary = "create an API token for a machine client of USER; shown once (audited)",
     .opts = token_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_token_create,
     .rectype = -1,
     .writes = true},
    {.noun = "audit",
     .verb = "verify",
     .usage = "",
     .summary = "check the audit log's hash chain: exit 1 naming the first altered entry",
     .fn = cmd_audit_verify,
     .rectype = -1},
    {.noun = "audit",
     .verb = "list",
     .usage = "[--user NAME] [--action ACTION] [--limit N] [--format text|csv|json]",
     .summary = "the audit log, newest first",
     .opts = audit_list_opts,
     .fn = cmd_audit_list,
     .rectype = -1},
    {.noun = NULL},
};
