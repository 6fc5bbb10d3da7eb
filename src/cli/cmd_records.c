/* cmd_records.c - add, update, show and list children, episodes and
 * interviews; record a return; offer an interview, record attempts to hold
 * it, complete it.
 *
 * Every write: parse the options through the record's field table, check the
 * record against the store (app/check.h), then store it in one transaction.
 * A write that fails changes nothing.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/check.h"
#include "app/due.h"
#include "app/interview.h"
#include "app/notify.h"
#include "app/workflow.h"
#include "cli/cli.h"
#include "io/csv_write.h"
#include "io/record_json.h"
#include "report/record_view.h"
#include "report/table.h"

/* ---- helpers ---- */

static void *record_new(enum hw_rectype t)
{
    void *rec = hw_calloc(1, hw_rectypes[t].size);
    hw_record_init(hw_rectypes[t].fields, rec);
    return rec;
}

static void record_free(enum hw_rectype t, void *rec)
{
    if (rec) {
        hw_record_clear(hw_rectypes[t].fields, rec);
        free(rec);
    }
}

/* Sets each field given as an option (--first-name for first_name). */
static int apply_options(enum hw_rectype t, void *rec, const struct hw_args *a, struct hw_err *err)
{
    for (const struct hw_field *f = hw_rectypes[t].fields + 1; f->name; f++)
        if (hw_arg_field(a, f, rec, err) < 0)
            return -1;
    return 0;
}

/* Loads record id of type t into rec; a missing record is an input error. */
static int load(struct hw_ctx *ctx, enum hw_rectype t, const char *id, void *rec,
                struct hw_err *err)
{
    int found = hw_store_get(ctx->store, t, id, rec, err);
    if (found < 0)
        return -1;
    if (found == 0)
        return hw_fail(err, HW_ENOTFOUND, "no %s %s is recorded", hw_rectypes[t].name, id);
    return 0;
}

/* Checks and stores rec in one transaction, with the notifications a change
 * of an episode calls for (app/notify.h); before is the stored record (NULL
 * when new). Returns how many notifications were added, or -1. */
static int save(struct hw_ctx *ctx, enum hw_rectype t, void *rec, const void *before,
                struct hw_err *err)
{
    struct hw_rulebook rb = {&ctx->cfg, &ctx->reasons, &ctx->routing, &ctx->notices};
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    return hw_write_record(ctx->store, &rb, t, rec, before, &who, err);
}

/* Says where the notifications a save added are. */
static void print_told(struct hw_ctx *ctx, int told, const char *episode_id)
{
    if (told > 0)
        fprintf(ctx->out, "%d notification%s added: see 'homeward outbox --episode %s'.\n", told,
                told == 1 ? "" : "s", episode_id);
}

static void print_line(struct hw_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void print_line(struct hw_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(ctx->out, fmt, ap);
    va_end(ap);
    fputc('\n', ctx->out);
}

static void print_json(struct hw_ctx *ctx, json_t *v)
{
    char *text = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fprintf(ctx->out, "%s\n", text);
    free(text);
    json_decref(v);
}

/* ---- add and update ---- */

static int cmd_add(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                   struct hw_err *err)
{
    enum hw_rectype t = cmd->rectype;
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    void *rec = record_new(t), *old = record_new(t);
    int rc = -1, told;
    struct hw_err why;

    if (hw_field_set(&ti->fields[0], rec, a->pos[0], &why) < 0) {
        hw_fail(err, HW_EINPUT, "%s '%s': %s", ti->fields[0].name, a->pos[0], why.msg);
        goto done;
    }
    if (apply_options(t, rec, a, err) < 0 || hw_ctx_store(ctx, err) < 0)
        goto done;
    int found = hw_store_get(ctx->store, t, a->pos[0], old, err);
    if (found < 0)
        goto done;
    if (found) {
        hw_fail(err, HW_ECONFLICT, "%s %s is already recorded; use 'homeward %s update'", ti->name,
                a->pos[0], ti->name);
        goto done;
    }
    if ((told = save(ctx, t, rec, NULL, err)) < 0)
        goto done;
    print_line(ctx, "Added %s %s.", ti->name, a->pos[0]);
    print_told(ctx, told, a->pos[0]);
    rc = 0;
done:
    record_free(t, rec);
    record_free(t, old);
    return rc;
}

static int cmd_update(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    enum hw_rectype t = cmd->rectype;
    void *rec = record_new(t), *before = record_new(t);
    int rc = -1, told;
    if (hw_ctx_store(ctx, err) < 0 || load(ctx, t, a->pos[0], rec, err) < 0)
        goto done;
    hw_record_copy(hw_rectypes[t].fields, before, rec);
    if (apply_options(t, rec, a, err) < 0 || (told = save(ctx, t, rec, before, err)) < 0)
        goto done;
    print_line(ctx, "Updated %s %s.", hw_rectypes[t].name, a->pos[0]);
    print_told(ctx, told, a->pos[0]);
    rc = 0;
done:
    record_free(t, rec);
    record_free(t, before);
    return rc;
}

/* ---- show ---- */

static void print_fields(struct hw_ctx *ctx, enum hw_rectype t, const void *rec)
{
    struct hw_buf b = {0};
    for (const struct hw_field *f = hw_rectypes[t].fields; f->name; f++) {
        hw_buf_reset(&b);
        hw_field_format(f, rec, &b);
        if (b.len)
            fprintf(ctx->out, "  %-22s %s\n", f->name, b.data);
    }
    hw_buf_free(&b);
}

/* "2017-04-05T07:00:00+01:00" -> "2017-04-05 07:00" for a person. */
static const char *local_text(json_t *iso, char buf[HW_LOCAL_LEN])
{
    const char *s = json_string_value(iso);
    snprintf(buf, HW_LOCAL_LEN, "%.16s", s ? s : "");
    if (buf[10] == 'T')
        buf[10] = ' ';
    return buf;
}

static void print_assessment(struct hw_ctx *ctx, json_t *as)
{
    char t1[HW_LOCAL_LEN];
    json_t *rhi = json_object_get(as, "rhi");
    size_t i;
    json_t *v;
    fprintf(ctx->out, "Return home interview: %s%s",
            json_string_value(json_object_get(rhi, "decision")),
            json_is_true(json_object_get(rhi, "provisional")) ? " (provisional: still missing)"
                                                              : "");
    json_array_foreach(json_object_get(rhi, "criteria"), i, v)
    {
        fprintf(ctx->out, "%s%s", i ? ", " : " - ", json_string_value(v));
    }
    fputc('\n', ctx->out);
    if (json_is_string(json_object_get(rhi, "due")))
        fprintf(ctx->out, "  due by %s\n", local_text(json_object_get(rhi, "due"), t1));
    json_t *in = json_object_get(rhi, "in_timescale");
    if (!json_is_null(in))
        fprintf(ctx->out, "  completed %s, %s\n", local_text(json_object_get(rhi, "completed"), t1),
                json_is_true(in) ? "in timescale" : "out of timescale");
    fprintf(ctx->out, "Actions:\n");
    json_array_foreach(json_object_get(as, "escalation"), i, v)
    {
        const char *status = json_string_value(json_object_get(v, "status"));
        json_t *r = json_object_get(v, "recorded");
        const char *reason = json_string_value(json_object_get(r, "reason"));
        struct hw_buf note = {0};
        hw_buf_puts(&note, hw_code_label(hw_action_status_codes,
                                         hw_code_parse(hw_action_status_codes, status)));
        if (r)
            hw_buf_printf(&note, " (%s%s%s)", json_string_value(json_object_get(r, "by")),
                          reason ? ": " : "", reason ? reason : "");
        fprintf(ctx->out, "  %-22s #%-2lld due %s  %s\n",
                json_string_value(json_object_get(v, "action")),
                json_integer_value(json_object_get(v, "seq")),
                local_text(json_object_get(v, "due"), t1), note.data);
        hw_buf_free(&note);
    }
    json_t *p = json_object_get(as, "pattern");
    fprintf(ctx->out, "Pattern: %lld in 28 days, %lld this quarter, %lld this month%s%s\n",
            json_integer_value(json_object_get(p, "episodes_in_28_days")),
            json_integer_value(json_object_get(p, "episodes_in_quarter")),
            json_integer_value(json_object_get(p, "episodes_in_month")),
            json_is_true(json_object_get(p, "repeat")) ? "; repeat missing" : "",
            json_is_true(json_object_get(p, "persistent_quarter")) ||
                    json_is_true(json_object_get(p, "persistent_month"))
                ? "; persistent"
                : "");
}

/* ---- an interview's workflow: the rules, the decision, timescale, attempts ---- */

static void print_interview_workflow(struct hw_ctx *ctx, const struct hw_interview *iv, json_t *w)
{
    char t1[HW_LOCAL_LEN], t2[HW_LOCAL_LEN];
    size_t i;
    json_t *x;
    json_t *rules = json_object_get(w, "rules"), *dec = json_object_get(w, "decision");
    const char *verdict = json_string_value(json_object_get(rules, "decision"));
    fprintf(ctx->out, "Rules: %s\n", verdict);
    json_array_foreach(json_object_get(rules, "episodes"), i, x)
    {
        fprintf(ctx->out, "  %-10s %s", json_string_value(json_object_get(x, "episode_id")),
                json_string_value(json_object_get(x, "decision")));
        size_t k;
        json_t *c;
        json_array_foreach(json_object_get(x, "criteria"), k, c)
        {
            fprintf(ctx->out, "%s%s", k ? ", " : " - ", json_string_value(c));
        }
        if (json_is_true(json_object_get(x, "provisional")))
            fputs(" (provisional: still missing)", ctx->out);
        fputc('\n', ctx->out);
    }
    const char *recorded = json_string_value(json_object_get(dec, "recorded"));
    if (recorded == NULL)
        fprintf(ctx->out, "Decision: not recorded\n");
    else if (json_is_true(json_object_get(dec, "override")))
        fprintf(ctx->out, "Decision: %s, overriding the rules: %s\n", recorded,
                iv->decision_reason ? iv->decision_reason : "(no reason recorded)");
    else if (strcmp(verdict, "judgement") == 0)
        fprintf(ctx->out, "Decision: %s, on professional judgement\n", recorded);
    else
        fprintf(ctx->out, "Decision: %s, as the rules say\n", recorded);

    json_t *ts = json_object_get(w, "timescale");
    if (json_is_null(json_object_get(ts, "due"))) {
        fprintf(ctx->out, "Timescale: no episode it covers has returned\n");
    } else {
        fprintf(ctx->out, "Timescale: due by %s (%d hours after episode %s returned)",
                local_text(json_object_get(ts, "due"), t1), ctx->cfg.rhi_due_hours,
                json_string_value(json_object_get(ts, "from_episode")));
        json_t *in = json_object_get(ts, "in_timescale");
        const char *late = json_string_value(json_object_get(ts, "lateness_reason"));
        if (json_is_true(in))
            fprintf(ctx->out, "; completed %s, in timescale\n",
                    local_text(json_object_get(ts, "completed"), t2));
        else if (json_is_false(in))
            fprintf(ctx->out, "; completed %s, late: %s\n",
                    local_text(json_object_get(ts, "completed"), t2),
                    late ? late : "no reason recorded");
        else if (hw_outcome_final(iv->outcome))
            fprintf(ctx->out, "; not held: %s\n", hw_code_name(hw_outcome_codes, iv->outcome));
        else if (iv->decision == HW_DEC_NOT_REQUIRED)
            fprintf(ctx->out, "; not held: decided not required\n");
        else if (json_is_true(json_object_get(ts, "overdue")))
            fprintf(ctx->out, "; not completed, overdue\n");
        else
            fprintf(ctx->out, "; not completed yet\n");
    }

    json_t *attempts = json_object_get(w, "attempts");
    if (json_array_size(attempts) == 0)
        fprintf(ctx->out, "Attempts: none recorded\n");
    else
        fprintf(ctx->out, "Attempts: %zu recorded, %lld face to face\n", json_array_size(attempts),
                json_integer_value(json_object_get(w, "face_to_face_attempts")));
    json_array_foreach(attempts, i, x)
    {
        const char *note = json_string_value(json_object_get(x, "note"));
        fprintf(ctx->out, "  #%-2lld %s  %-12s  %-13s  %s%s(%s)\n",
                json_integer_value(json_object_get(x, "seq")),
                local_text(json_object_get(x, "at"), t1),
                json_is_true(json_object_get(x, "face_to_face")) ? "face to face" : "other",
                json_string_value(json_object_get(x, "outcome")), note ? note : "", note ? " " : "",
                json_string_value(json_object_get(x, "recorded_by")));
    }
    json_array_foreach(json_object_get(w, "warnings"), i, x)
    {
        fprintf(ctx->out, "Warning: %s\n", json_string_value(x));
    }
}

static void print_plan_review(struct hw_ctx *ctx, json_t *o)
{
    json_t *review = json_object_get(o, "missing_plan_review"), *v;
    size_t i;
    if (!json_is_true(json_object_get(review, "needed"))) {
        fprintf(ctx->out, "Missing plan: no review needed\n");
        return;
    }
    fprintf(ctx->out, "Missing plan: review needed -");
    json_array_foreach(json_object_get(review, "reasons"), i, v)
    {
        const char *code = json_string_value(v);
        fprintf(ctx->out, "%s%s", i ? ";" : " ",
                hw_code_label(hw_plan_reason_codes, hw_code_parse(hw_plan_reason_codes, code)));
    }
    fputc('\n', ctx->out);
}

static int cmd_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                    struct hw_err *err)
{
    enum hw_rectype t = cmd->rectype;
    void *rec = record_new(t);
    json_t *view = NULL;
    int fmt, rc = -1;

    if (hw_arg_format(a, &fmt, err) < 0)
        goto done;
    if (fmt == HW_FMT_CSV) {
        hw_fail(err, HW_EINPUT, "--format: show gives text or json");
        goto done;
    }
    if (hw_ctx_store(ctx, err) < 0 || load(ctx, t, a->pos[0], rec, err) < 0 ||
        hw_record_view(ctx->store, &ctx->cfg, t, rec, ctx->now, &view, err) < 0)
        goto done;
    if (fmt == HW_FMT_JSON) {
        print_json(ctx, view);
        view = NULL;
    } else {
        fprintf(ctx->out, "%c%s %s\n", hw_rectypes[t].name[0] - 32, hw_rectypes[t].name + 1,
                a->pos[0]);
        print_fields(ctx, t, rec);
        if (t == HW_REC_EPISODE)
            print_assessment(ctx, view);
        if (t == HW_REC_INTERVIEW)
            print_interview_workflow(ctx, rec, view);
        if (t == HW_REC_CHILD)
            print_plan_review(ctx, view);
    }
    rc = 0;
done:
    json_decref(view);
    record_free(t, rec);
    return rc;
}

/* ---- list ---- */

/* The columns a person wants in a terminal; CSV and JSON give every field. */
static const char *const text_columns[HW_REC_COUNT][8] = {
    [HW_REC_CHILD] = {"child_id", "first_name", "last_name", "date_of_birth", "case_status",
                      "placement_type", "team", NULL},
    [HW_REC_EPISODE] = {"episode_id", "child_id", "kind", "risk", "last_seen", "returned", NULL},
    [HW_REC_INTERVIEW] = {"interview_id", "child_id", "episode_ids", "decision", "offered",
                          "outcome", "completed", NULL},
};

struct lister {
    struct hw_ctx *ctx;
    enum hw_rectype t;
    int fmt;
    struct hw_table table;
    struct hw_csv_out csv;
    json_t *json;
    size_t count;
};

static int list_one(void *c, const void *rec)
{
    struct lister *l = c;
    const struct hw_field *fields = hw_rectypes[l->t].fields;
    l->count++;
    if (l->fmt == HW_FMT_JSON) {
        json_array_append_new(l->json, hw_record_json(fields, rec));
    } else if (l->fmt == HW_FMT_CSV) {
        struct hw_buf b = {0};
        for (const struct hw_field *f = fields; f->name; f++) {
            hw_buf_reset(&b);
            hw_field_format(f, rec, &b);
            hw_csv_field(&l->csv, b.data ? b.data : "");
        }
        hw_csv_end_row(&l->csv);
        hw_buf_free(&b);
        if (l->csv.buf.len > 1 << 16) {
            hw_out(l->ctx, l->csv.buf.data, l->csv.buf.len);
            hw_buf_reset(&l->csv.buf);
        }
    } else {
        const char *cells[9] = {NULL};
        struct hw_buf b[9] = {{0}};
        int n = 0;
        for (; text_columns[l->t][n]; n++) {
            hw_field_format(hw_field_find(fields, text_columns[l->t][n]), rec, &b[n]);
            cells[n] = b[n].data ? b[n].data : "";
        }
        if (l->t == HW_REC_EPISODE) {
            const struct hw_episode *e = rec;
            hw_instant end = e->returned != HW_NO_TIME ? e->returned : l->ctx->now;
            hw_buf_printf(&b[n], "%.1f%s", (double)(end - e->last_seen) / 3600.0,
                          e->returned == HW_NO_TIME ? " so far" : "");
            cells[n] = b[n].data;
            n++;
        }
        hw_table_add(&l->table, cells);
        for (int i = 0; i < n; i++)
            hw_buf_free(&b[i]);
    }
    return 0;
}

static int cmd_list(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                    struct hw_err *err)
{
    struct lister l = {.ctx = ctx, .t = cmd->rectype};
    struct hw_filter f = {0};
    const struct hw_field *fields = hw_rectypes[l.t].fields;
    const char *v;
    int rc = -1;

    if (hw_arg_format(a, &l.fmt, err) < 0)
        return -1;
    f.child_id = hw_arg(a, "child");
    f.team = hw_arg(a, "team");
    f.episode_id = hw_arg(a, "episode");
    f.open_only = hw_flag(a, "open");
    if ((v = hw_arg(a, "kind")) && (f.kind = hw_code_parse(hw_kind_codes, v)) <= 0)
        return hw_fail(err, HW_EINPUT, "--kind: expected missing or absent, got '%s'", v);
    hw_date from = HW_NO_DATE, to = HW_NO_DATE;
    if ((v = hw_arg(a, "from")) && hw_parse_date(v, &from) < 0)
        return hw_fail(err, HW_EINPUT, "--from: '%s': expected a date as YYYY-MM-DD", v);
    if ((v = hw_arg(a, "to")) && hw_parse_date(v, &to) < 0)
        return hw_fail(err, HW_EINPUT, "--to: '%s': expected a date as YYYY-MM-DD", v);
    if (from != HW_NO_DATE)
        f.from = hw_london_day_start(from);
    if (to != HW_NO_DATE)
        f.to = hw_london_day_start(to + 1);
    if ((v = hw_arg(a, "limit"))) {
        char *end;
        long n = strtol(v, &end, 10);
        if (*v == '\0' || *end || n < 1 || n > 10000000)
            return hw_fail(err, HW_EINPUT, "--limit: expected a whole number from 1, got '%s'", v);
        f.limit = (size_t)n;
    }
    if (hw_ctx_store(ctx, err) < 0)
        return -1;

    if (l.fmt == HW_FMT_JSON) {
        l.json = json_array();
    } else if (l.fmt == HW_FMT_CSV) {
        for (const struct hw_field *fl = fields; fl->name; fl++)
            hw_csv_field(&l.csv, fl->name);
        hw_csv_end_row(&l.csv);
    } else {
        const char *header[9] = {NULL};
        int n = 0;
        for (; text_columns[l.t][n]; n++)
            header[n] = text_columns[l.t][n];
        if (l.t == HW_REC_EPISODE)
            header[n++] = "hours";
        hw_table_init(&l.table, (size_t)n, header);
    }
    if (hw_store_list(ctx->store, l.t, &f, list_one, &l, err) < 0)
        goto done;
    if (l.fmt == HW_FMT_JSON) {
        json_t *o = json_object();
        json_object_set_new(o, hw_rectypes[l.t].plural, l.json);
        l.json = NULL;
        print_json(ctx, o);
    } else if (l.fmt == HW_FMT_CSV) {
        hw_out(ctx, l.csv.buf.data ? l.csv.buf.data : "", l.csv.buf.len);
    } else {
        struct hw_buf out = {0};
        hw_table_text(&l.table, &out);
        hw_buf_printf(&out, "(%zu %s)\n", l.count,
                      l.count == 1 ? hw_rectypes[l.t].name : hw_rectypes[l.t].plural);
        hw_out(ctx, out.data, out.len);
        hw_buf_free(&out);
    }
    rc = 0;
done:
    json_decref(l.json);
    hw_buf_free(&l.csv.buf);
    hw_table_free(&l.table);
    return rc;
}

/* ---- history ---- */

struct history {
    int fmt;
    struct hw_table table;
    json_t *json;
};

static int history_one(void *c, const struct hw_change *ch)
{
    struct history *h = c;
    char when[HW_LOCAL_LEN];
    if (h->fmt == HW_FMT_JSON) {
        json_t *o = json_object();
        json_object_set_new(o, "at", hw_time_json(ch->at));
        json_object_set_new(o, "user", json_string(ch->user));
        json_object_set_new(o, "source", json_string(ch->source));
        json_object_set_new(o, "change", json_string(ch->field ? "update" : "create"));
        json_object_set_new(o, "field", ch->field ? json_string(ch->field) : json_null());
        json_object_set_new(o, "old", ch->old_value ? json_string(ch->old_value) : json_null());
        json_object_set_new(o, "new", ch->new_value ? json_string(ch->new_value) : json_null());
        json_array_append_new(h->json, o);
        return 0;
    }
    hw_format_local(ch->at, when);
    const char *cells[] = {when,
                           ch->user,
                           ch->source,
                           ch->field ? ch->field : "(created)",
                           ch->old_value ? ch->old_value : "",
                           ch->new_value ? ch->new_value : ""};
    hw_table_add(&h->table, cells);
    return 0;
}

static int cmd_history(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    enum hw_rectype t = cmd->rectype;
    const struct hw_field *fields = hw_rectypes[t].fields;
    struct history h = {0};
    void *rec = record_new(t);
    int rc = -1;
    if (hw_arg_format(a, &h.fmt, err) < 0)
        goto done;
    if (h.fmt == HW_FMT_CSV) {
        hw_fail(err, HW_EINPUT, "--format: history gives text or json");
        goto done;
    }
    if (hw_ctx_store(ctx, err) < 0)
        goto done;
    int found = hw_store_get_some(ctx->store, t, a->pos[0],
                                  hw_field_mask(fields, fields[0].name, NULL), rec, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no %s %s is recorded", hw_rectypes[t].name, a->pos[0]);
        goto done;
    }
    static const char *const header[] = {"when", "user", "source", "field", "old", "new"};
    if (h.fmt == HW_FMT_JSON)
        h.json = json_array();
    else
        hw_table_init(&h.table, 6, header);
    if (hw_store_list_changes(ctx->store, t, a->pos[0], history_one, &h, err) < 0)
        goto done;
    if (h.fmt == HW_FMT_JSON) {
        json_t *o = json_object();
        json_object_set_new(o, hw_rectypes[t].name, json_string(a->pos[0]));
        json_object_set_new(o, "history", h.json);
        h.json = NULL;
        print_json(ctx, o);
    } else {
        struct hw_buf out = {0};
        hw_table_text(&h.table, &out);
        hw_out(ctx, out.data, out.len);
        hw_buf_free(&out);
    }
    rc = 0;
done:
    json_decref(h.json);
    hw_table_free(&h.table);
    record_free(t, rec);
    return rc;
}

/* ---- workflow steps ---- */

static int cmd_return(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    struct hw_episode e;
    struct hw_child child;
    int rc = -1, told;
    hw_instant at;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &child);

    if (hw_arg_time(a, "at", HW_NO_TIME, &at, err) < 0)
        goto done;
    if (at == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "--at is required: when the child was found or returned");
        goto done;
    }
    hw_instant safe_well = HW_NO_TIME;
    if (hw_arg_time(a, "safe-well-at", HW_NO_TIME, &safe_well, err) < 0 ||
        hw_ctx_store(ctx, err) < 0)
        goto done;
    struct hw_rulebook rb = {&ctx->cfg, &ctx->reasons, &ctx->routing, &ctx->notices};
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    if ((told = hw_record_return(ctx->store, &rb, a->pos[0], at, hw_arg(a, "found-location"),
                                 safe_well, &who, err)) < 0 ||
        load(ctx, HW_REC_EPISODE, a->pos[0], &e, err) < 0)
        goto done;
    struct hw_assessment as;
    if (load(ctx, HW_REC_CHILD, e.child_id, &child, err) < 0 ||
        hw_assess_episode(ctx->store, &ctx->cfg, &child, &e, ctx->now, &as, err) < 0)
        goto done;
    char due[HW_LOCAL_LEN] = "";
    if (as.rhi.due != HW_NO_TIME)
        hw_format_local(as.rhi.due, due);
    fprintf(ctx->out, "Recorded the return of %s (episode %s) after %.1f hours.\n", e.child_id,
            e.id, (double)(e.returned - e.last_seen) / 3600.0);
    fprintf(ctx->out, "Return home interview: %s",
            hw_code_name(hw_rhi_verdict_codes, as.rhi.verdict));
    for (const struct hw_code *c = hw_criterion_codes; c->code; c++)
        if (as.rhi.criteria & c->value)
            fprintf(ctx->out, "%s%s", c == hw_criterion_codes ? " - " : " ", c->code);
    fprintf(ctx->out, "%s%s\n", *due ? "; due by " : "", due);
    print_told(ctx, told, e.id);
    rc = 0;
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

static int interview_step(struct hw_ctx *ctx, struct hw_args *a, bool complete, struct hw_err *err)
{
    struct hw_interview iv;
    hw_instant at;
    int rc = -1;
    hw_record_init(hw_interview_fields, &iv);
    if (hw_arg_time(a, "at", HW_NO_TIME, &at, err) < 0)
        goto done;
    if (at == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "--at is required: when the interview was %s",
                complete ? "completed" : "offered");
        goto done;
    }
    if (hw_ctx_store(ctx, err) < 0 || load(ctx, HW_REC_INTERVIEW, a->pos[0], &iv, err) < 0)
        goto done;
    if (complete) {
        static const char *const extra[] = {"conducted_by", "reasons",         "risks", "screening",
                                            "attempts",     "lateness_reason", NULL};
        for (int i = 0; extra[i]; i++)
            if (hw_arg_field(a, hw_field_find(hw_interview_fields, extra[i]), &iv, err) < 0)
                goto done;
        iv.completed = at;
        iv.outcome = HW_OUT_COMPLETED;
        if (iv.offered == HW_NO_TIME)
            iv.offered = at;
    } else {
        iv.offered = at;
        if (!iv.outcome)
            iv.outcome = HW_OUT_PENDING;
    }
    if (save(ctx, HW_REC_INTERVIEW, &iv, NULL, err) < 0)
        goto done;
    char when[HW_LOCAL_LEN];
    hw_format_local(at, when);
    fprintf(ctx->out, "Interview %s %s at %s.\n", iv.id, complete ? "completed" : "offered", when);
    rc = 0;
done:
    hw_record_clear(hw_interview_fields, &iv);
    return rc;
}

/* The value of a code option, lower-cased, looked up in codes; required. */
static int code_option(const struct hw_args *a, const char *name, const struct hw_code *codes,
                       const char *what, int *out, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    char low[64], list[256];
    hw_code_list(codes, list, sizeof list);
    if (v == NULL)
        return hw_fail(err, HW_EINPUT, "--%s is required: %s (%s)", name, what, list);
    size_t n = strlen(v);
    for (size_t i = 0; i <= n && i < sizeof low; i++)
        low[i] = (char)tolower((unsigned char)v[i]);
    if (n >= sizeof low || (*out = hw_code_parse(codes, low)) <= 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%.40s': expected one of %s", name, v, list);
    return 0;
}

static int cmd_attempt(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    struct hw_attempt at = {.interview_id = a->pos[0], .note = hw_arg(a, "note")};
    int f2f;
    if (hw_arg_time(a, "at", HW_NO_TIME, &at.at, err) < 0)
        return -1;
    if (at.at == HW_NO_TIME)
        return hw_fail(err, HW_EINPUT, "--at is required: when the attempt was made");
    if (code_option(a, "face-to-face", hw_yesno_codes, "whether it was face to face", &f2f, err) <
            0 ||
        code_option(a, "outcome", hw_attempt_outcome_codes, "what came of it", &at.outcome, err) <
            0)
        return -1;
    at.face_to_face = f2f == HW_YES;
    if (at.note && *at.note == '\0')
        at.note = NULL;
    if (hw_ctx_store(ctx, err) < 0 || hw_store_begin(ctx->store, err) < 0)
        return -1;
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    if (hw_app_add_attempt(ctx->store, &at, &who, err) < 0 ||
        hw_store_commit(ctx->store, err) < 0) {
        hw_store_rollback(ctx->store);
        return -1;
    }
    char when[HW_LOCAL_LEN];
    hw_format_local(at.at, when);
    fprintf(ctx->out, "Recorded attempt #%d of interview %s: %s, %s, %s.\n", at.seq,
            at.interview_id, when, at.face_to_face ? "face to face" : "not face to face",
            hw_code_name(hw_attempt_outcome_codes, at.outcome));
    return 0;
}

static int cmd_offer(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                     struct hw_err *err)
{
    (void)cmd;
    return interview_step(ctx, a, false, err);
}

static int cmd_complete(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                        struct hw_err *err)
{
    (void)cmd;
    return interview_step(ctx, a, true, err);
}

/* ---- the table ---- */

static const struct hw_opt show_opts[] = {
    {"format", "FMT", "text (default) or json"},
    {NULL, NULL, NULL},
};

#define LIST_COMMON                                                                                \
    {"format", "FMT", "text (default), csv (every field, re-importable) or json"},                 \
    {                                                                                              \
        "limit", "N", "at most N records"                                                          \
    }

static const struct hw_opt child_list_opts[] = {
    {"team", "TEAM", "only children of this team"},
    LIST_COMMON,
    {NULL, NULL, NULL},
};

static const struct hw_opt episode_list_opts[] = {
    {"child", "ID", "only this child's episodes"},
    {"open", NULL, "only episodes still open (missing now)"},
    {"kind", "KIND", "missing or absent"},
    {"from", "DATE", "last seen on or after this date"},
    {"to", "DATE", "last seen on or before this date"},
    LIST_COMMON,
    {NULL, NULL, NULL},
};

static const struct hw_opt interview_list_opts[] = {
    {"child", "ID", "only this child's interviews"},
    {"episode", "ID", "only interviews covering this episode"},
    LIST_COMMON,
    {NULL, NULL, NULL},
};

static const struct hw_opt return_opts[] = {
    {"at", "TIME", "when the child was found or returned (required)"},
    {"found-location", "TEXT", "where the child was found"},
    {"safe-well-at", "TIME", "when the police safe-and-well check was done"},
    {NULL, NULL, NULL},
};

static const struct hw_opt offer_opts[] = {
    {"at", "TIME", "when the interview was offered (required)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt complete_opts[] = {
    {"at", "TIME", "when the interview was completed (required)"},
    {"conducted-by", "CODE", "independent, allocated_worker or provider"},
    {"reasons", "CODES",
     "the child's reasons for going missing, ';'-separated (homeward reasons show)"},
    {"risks", "TEXT", "risks identified"},
    {"screening", "CODE", "exploitation screening: none, emerging, moderate or significant"},
    {"attempts", "N", "face-to-face attempts made"},
    {"lateness-reason", "CODE",
     "completed more than 72 hours after the return: missing_again, declined, "
     "worker_availability, weekend_bank_holiday, child_unavailable or other"},
    {NULL, NULL, NULL},
};

static const struct hw_opt attempt_opts[] = {
    {"at", "TIME", "when the attempt was made (required)"},
    {"face-to-face", "y|n", "whether it was face to face (required)"},
    {"outcome", "CODE", "seen, not_in, refused, missing_again or other (required)"},
    {"note", "TEXT", "what happened"},
    {NULL, NULL, NULL},
};

/* add, update, show and list for each record type. */
#define RECORD_CMDS(NOUN, A_NOUN, T, LIST_OPTS)                                                    \
    {.noun = NOUN,                                                                                 \
     .verb = "add",                                                                                \
     .usage = "ID [--FIELD VALUE ...]",                                                            \
     .summary = "record a new " NOUN,                                                              \
     .min_pos = 1,                                                                                 \
     .max_pos = 1,                                                                                 \
     .fn = cmd_add,                                                                                \
     .rectype = T,                                                                                 \
     .field_opts = true,                                                                           \
     .writes = true},                                                                              \
        {.noun = NOUN,                                                                             \
         .verb = "update",                                                                         \
         .usage = "ID [--FIELD VALUE ...]",                                                        \
         .summary = "change a recorded " NOUN,                                                     \
         .min_pos = 1,                                                                             \
         .max_pos = 1,                                                                             \
         .fn = cmd_update,                                                                         \
         .rectype = T,                                                                             \
         .field_opts = true,                                                                       \
         .writes = true},                                                                          \
        {.noun = NOUN,                                                                             \
         .verb = "show",                                                                           \
         .usage = "ID [--format text|json]",                                                       \
         .summary = "show " A_NOUN,                                                                \
         .opts = show_opts,                                                                        \
         .min_pos = 1,                                                                             \
         .max_pos = 1,                                                                             \
         .fn = cmd_show,                                                                           \
         .rectype = T},                                                                            \
        {.noun = NOUN,                                                                             \
         .verb = "list",                                                                           \
         .usage = "[OPTIONS]",                                                                     \
         .summary = "list " NOUN " records",                                                       \
         .opts = LIST_OPTS,                                                                        \
         .fn = cmd_list,                                                                           \
         .rectype = T},                                                                            \
    {                                                                                              \
        .noun = NOUN, .verb = "history", .usage = "ID [--format text|json]",                       \
        .summary = "every change to " A_NOUN ": who, when, old and new values", .opts = show_opts, \
        .min_pos = 1, .max_pos = 1, .fn = cmd_history, .rectype = T                                \
    }

const struct hw_cmd hw_record_cmds[] = {
    RECORD_CMDS("child", "a child", HW_REC_CHILD, child_list_opts),
    RECORD_CMDS("episode", "an episode", HW_REC_EPISODE, episode_list_opts),
    {.noun = "episode",
     .verb = "return",
     .usage = "ID --at TIME [--found-location TEXT] [--safe-well-at TIME]",
     .summary = "record that a missing child was found or returned",
     .opts = return_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_return,
     .rectype = HW_REC_EPISODE,
     .writes = true},
    RECORD_CMDS("interview", "an interview", HW_REC_INTERVIEW, interview_list_opts),
    {.noun = "interview",
     .verb = "offer",
     .usage = "ID --at TIME",
     .summary = "record that an interview was offered",
     .opts = offer_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_offer,
     .rectype = HW_REC_INTERVIEW,
     .writes = true},
    {.noun = "interview",
     .verb = "attempt",
     .usage = "ID --at TIME --face-to-face y|n --outcome CODE [--note TEXT]",
     .summary = "record an attempt to hold an interview: when, face to face or not, outcome",
     .opts = attempt_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_attempt,
     .rectype = HW_REC_INTERVIEW,
     .writes = true},
    {.noun = "interview",
     .verb = "complete",
     .usage = "ID --at TIME [OPTIONS]",
     .summary = "record a completed interview",
     .opts = complete_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_complete,
     .rectype = HW_REC_INTERVIEW,
     .writes = true},
    {.noun = NULL},
};
