/* cmd_outbox.c - who must be told: the outbox of notifications, their
 * acknowledgement, and the routing table in force (core/routing.h). */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/routing.h"
#include "io/record_json.h"
#include "report/table.h"

struct outbox {
    int fmt;
    bool all; /* acknowledged ones too: show who acknowledged them */
    struct hw_table table;
    json_t *json;
    size_t count, open;
};

static const char *const csv_header[] = {
    "notification_id", "created_at",      "created_by",     "event",
    "episode_id",      "child_id",        "role",           "recipient",
    "reason",          "acknowledged_at", "acknowledged_by"};
static const char *const text_header[] = {"id",   "created",   "event",  "episode",     "child",
                                          "role", "recipient", "reason", "acknowledged"};

static int outbox_one(void *c, const struct hw_notification *n)
{
    struct outbox *o = c;
    char id[24], created[HW_LOCAL_LEN], acked[HW_LOCAL_LEN] = "", ack_note[HW_LOCAL_LEN + 210];
    const char *event = hw_code_name(hw_outbox_event_codes, n->event);
    const char *role = hw_code_name(hw_role_codes, n->role);
    bool acknowledged = n->acknowledged_at != HW_NO_TIME;

    o->count++;
    o->open += !acknowledged;
    if (o->fmt == HW_FMT_JSON) {
        json_t *j = json_object();
        json_object_set_new(j, "notification_id", json_integer(n->id));
        json_object_set_new(j, "created_at", hw_time_json(n->created_at));
        json_object_set_new(j, "created_by", json_string(n->created_by));
        json_object_set_new(j, "event", json_string(event));
        json_object_set_new(j, "episode_id", json_string(n->episode_id));
        json_object_set_new(j, "child_id", json_string(n->child_id));
        json_object_set_new(j, "role", json_string(role));
        json_object_set_new(j, "recipient", n->recipient ? json_string(n->recipient) : json_null());
        json_object_set_new(j, "reason", json_string(n->reason));
        json_object_set_new(j, "acknowledged_at", hw_time_json(n->acknowledged_at));
        json_object_set_new(j, "acknowledged_by",
                            n->acknowledged_by ? json_string(n->acknowledged_by) : json_null());
        json_array_append_new(o->json, j);
        return 0;
    }
    snprintf(id, sizeof id, "%lld", n->id);
    hw_format_local(n->created_at, created);
    if (acknowledged)
        hw_format_local(n->acknowledged_at, acked);
    if (o->fmt == HW_FMT_CSV) {
        const char *cells[] = {
            id,   created,      n->created_by, event, n->episode_id,     n->child_id,
            role, n->recipient, n->reason,     acked, n->acknowledged_by};
        hw_table_add(&o->table, cells);
        return 0;
    }
    snprintf(ack_note, sizeof ack_note, "%s%s%.200s", acked, acknowledged ? " by " : "",
             acknowledged ? n->acknowledged_by : "");
    const char *cells[] = {id,   created,      event,     n->episode_id, n->child_id,
                           role, n->recipient, n->reason, ack_note};
    hw_table_add(&o->table, cells);
    return 0;
}

static int cmd_outbox(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    struct outbox o = {0};
    struct hw_outbox_filter f = {0};
    struct hw_buf out = {0};
    const char *v;
    char list[256];
    int rc = -1;

    if (hw_arg_format(a, &o.fmt, err) < 0)
        return -1;
    o.all = hw_flag(a, "all");
    f.unacknowledged = !o.all;
    f.episode_id = hw_arg(a, "episode");
    if ((v = hw_arg(a, "role")) && (f.role = hw_code_parse(hw_role_codes, v)) <= 0) {
        hw_code_list(hw_role_codes, list, sizeof list);
        return hw_fail(err, HW_EINPUT, "--role: expected one of %s, got '%s'", list, v);
    }
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    if (o.fmt == HW_FMT_JSON)
        o.json = json_array();
    else if (o.fmt == HW_FMT_CSV)
        hw_table_init(&o.table, 11, csv_header);
    else
        hw_table_init(&o.table, o.all ? 9 : 8, text_header);
    if (hw_store_list_notifications(ctx->store, &f, outbox_one, &o, err) < 0)
        goto done;

    if (o.fmt == HW_FMT_JSON) {
        json_t *root = json_object();
        json_object_set_new(root, "notifications", o.json);
        o.json = NULL;
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(&out, "%s\n", text);
        free(text);
        json_decref(root);
    } else if (o.fmt == HW_FMT_CSV) {
        hw_table_csv(&o.table, &out);
    } else {
        hw_table_text(&o.table, &out);
        if (o.all)
            hw_buf_printf(&out, "(%zu notification%s, %zu unacknowledged)\n", o.count,
                          o.count == 1 ? "" : "s", o.open);
        else
            hw_buf_printf(&out, "(%zu unacknowledged notification%s)\n", o.count,
                          o.count == 1 ? "" : "s");
    }
    hw_out(ctx, out.data, out.len);
    rc = 0;
done:
    hw_buf_free(&out);
    json_decref(o.json);
    hw_table_free(&o.table);
    return rc;
}

/* What a person needs to recognise a notification, for messages. */
struct described {
    struct hw_buf what; /* "reported, episode E1 of child C1, allocated_worker Jo Bloggs" */
    struct hw_buf ack;  /* "by amy at 2017-04-05 09:00"; empty when not acknowledged */
};

static int describe(void *c, const struct hw_notification *n)
{
    struct described *d = c;
    char when[HW_LOCAL_LEN];
    hw_buf_printf(&d->what, "%s, episode %s of child %s, %s%s%s",
                  hw_code_name(hw_outbox_event_codes, n->event), n->episode_id, n->child_id,
                  hw_code_name(hw_role_codes, n->role), n->recipient ? " " : "",
                  n->recipient ? n->recipient : "");
    if (n->acknowledged_at != HW_NO_TIME) {
        hw_format_local(n->acknowledged_at, when);
        hw_buf_printf(&d->ack, "by %s at %s", n->acknowledged_by, when);
    }
    return 0;
}

static int cmd_outbox_ack(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                          struct hw_err *err)
{
    (void)cmd;
    const char *s = a->pos[0];
    char *end;
    long long id = strtoll(s, &end, 10);
    bool known = false;
    struct described d = {{0}, {0}};
    int rc = -1;

    if (*s < '0' || *s > '9' || *end || id < 1 || id == LLONG_MAX)
        return hw_fail(err, HW_EINPUT, "notification ID: expected a whole number from 1, got '%s'",
                       s);
    if (hw_ctx_store(ctx, err) < 0 || hw_store_begin(ctx->store, err) < 0)
        return -1;
    int acked = hw_store_ack_notification(ctx->store, id, ctx->now, ctx->user, &known, err);
    if (acked > 0 && hw_store_commit(ctx->store, err) < 0)
        acked = -1;
    if (acked <= 0)
        hw_store_rollback(ctx->store);
    if (acked < 0)
        return -1;
    if (!known)
        return hw_fail(err, HW_ENOTFOUND,
                       "no notification %lld is recorded (see 'homeward outbox --all')", id);
    struct hw_outbox_filter f = {.id = id};
    if (hw_store_list_notifications(ctx->store, &f, describe, &d, err) < 0)
        goto done;
    if (d.what.len == 0) {
        hw_fail(err, HW_EINTERNAL, "notification %lld could not be read back", id);
        goto done;
    }
    if (acked == 0) {
        hw_fail(err, HW_ECONFLICT, "notification %lld (%s) was already acknowledged %s", id,
                d.what.data, d.ack.len ? d.ack.data : "");
        goto done;
    }
    fprintf(ctx->out, "Acknowledged notification %lld (%s).\n", id, d.what.data);
    rc = 0;
done:
    hw_buf_free(&d.what);
    hw_buf_free(&d.ack);
    return rc;
}

static int cmd_routing_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd, (void)a, (void)err;
    struct hw_buf b = {0};
    hw_buf_printf(&b, "# Homeward routing%s%s\n", ctx->routing_path ? " from " : " (defaults)",
                  ctx->routing_path ? ctx->routing_path : "");
    hw_routing_write(&ctx->routing, &b);
    hw_out(ctx, b.data, b.len);
    hw_buf_free(&b);
    return 0;
}

static const struct hw_opt outbox_opts[] = {
    {"all", NULL, "acknowledged notifications too (default: only those not acknowledged)"},
    {"episode", "ID", "only this episode's notifications"},
    {"role", "ROLE", "only notifications to this role ('homeward codes roles')"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

/* "outbox ack" comes before "outbox": a command without a verb takes any. */
const struct hw_cmd hw_outbox_cmds[] = {
    {.noun = "outbox",
     .verb = "ack",
     .usage = "ID",
     .summary = "acknowledge a notification as dealt with (once; by --user, now)",
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_outbox_ack,
     .rectype = -1,
     .writes = true},
    {.noun = "outbox",
     .usage = "[--all] [--episode ID] [--role ROLE] [--format text|csv|json]",
     .summary = "who must be told: notifications not yet acknowledged, oldest first",
     .opts = outbox_opts,
     .fn = cmd_outbox,
     .rectype = -1},
    {.noun = "routing",
     .verb = "show",
     .usage = "",
     .summary = "print the routing table in force (who is told), as a routing file",
     .fn = cmd_routing_show,
     .rectype = -1},
    {.noun = NULL},
};
