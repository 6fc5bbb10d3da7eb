/* cmd_plans.c - the scorecard and the action plans: `report scorecard`,
 * `scorecard show`, `plan import|list|rate|history`, `report plans`
 * (docs/scorecard.md). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/action_plans.h"
#include "cli/cli.h"
#include "core/rag.h"
#include "core/scorecard.h"
#include "io/action_plan_import.h"
#include "report/action_plan_report.h"
#include "report/analysis_facts.h"
#include "report/scorecard_report.h"
#include "report/table.h"

#define SETTINGS_MAX (1 << 20) /* a scorecard file of at most 1 MiB */

static const char *council_of(const struct hw_args *a)
{
    const char *council = hw_arg(a, "council");
    if (council == NULL)
        council = getenv("HOMEWARD_COUNCIL");
    return council && *council ? council : "The council";
}

static hw_date today(const struct hw_ctx *ctx)
{
    return hw_london_date(ctx->now);
}

/* An optional date option; def when absent. */
static int date_arg(const struct hw_args *a, const char *name, hw_date def, hw_date *out,
                    struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    *out = def;
    if (v && hw_parse_date(v, out) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': expected a date as YYYY-MM-DD or DD/MM/YYYY",
                       name, v);
    return 0;
}

/* ---- the scorecard ---- */

int hw_scorecard_load(const char *path, struct hw_scorecard *sc, struct hw_err *err)
{
    struct hw_buf text = {0};
    int rc = -1;
    if (path == NULL)
        path = getenv("HOMEWARD_SCORECARD");
    if (path == NULL || *path == '\0') {
        hw_scorecard_defaults(sc);
        return 0;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return hw_fail(err, HW_EINPUT, "cannot read scorecard %s: %s", path, strerror(errno));
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && text.len <= SETTINGS_MAX)
        hw_buf_append(&text, chunk, n);
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed)
        hw_fail(err, HW_EINPUT, "cannot read scorecard %s", path);
    else if (text.len > SETTINGS_MAX)
        hw_fail(err, HW_EINPUT, "scorecard %s is larger than 1 MiB", path);
    else
        rc = hw_scorecard_parse(text.data ? text.data : "", path, sc, err);
    hw_buf_free(&text);
    return rc;
}

/* How many months of financial year fy to show (hw_sc_months). */
static int scorecard_months(const struct hw_ctx *ctx, const struct hw_args *a, int fy, int *n,
                            struct hw_err *err)
{
    const char *v = hw_arg(a, "to-month");
    int y = 0, m = 0;
    if (v && hw_parse_month(v, &y, &m) < 0)
        return hw_fail(err, HW_EINPUT, "--to-month: '%s': expected a month as YYYY-MM", v);
    return hw_sc_months(fy, y, m, ctx->now, "--to-month", n, err);
}

static int cmd_scorecard(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    (void)cmd;
    const char *year = hw_arg(a, "year");
    int fy, nmonths = 0, fmt, rc = -1;
    struct hw_scorecard *sc = hw_calloc(1, sizeof *sc);
    struct hw_afacts f = {0};
    struct hw_doc d = {0};
    struct hw_buf out = {0};
    if (year == NULL) {
        hw_fail(err, HW_EINPUT, "--year is required: a financial year such as 2016-17");
        goto done;
    }
    if (hw_parse_fy(year, &fy) < 0) {
        hw_fail(err, HW_EINPUT, "--year: '%s': expected a financial year such as 2016-17", year);
        goto done;
    }
    if (scorecard_months(ctx, a, fy, &nmonths, err) < 0 || hw_report_format(a, &fmt, err) < 0 ||
        hw_report_out_check(ctx, a, fmt, err) < 0 ||
        hw_scorecard_load(hw_arg(a, "scorecard"), sc, err) < 0)
        goto done;
    /* The facts of April to the end of the last month shown. */
    hw_instant from, to;
    hw_sc_window(fy, nmonths, &from, &to);
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_afacts_load(ctx->store, &ctx->cfg, from, to, ctx->now, &f, err) < 0 ||
        hw_scorecard_doc(&d, &f, sc, fy, nmonths, council_of(a), ctx->now, err) < 0 ||
        hw_doc_render(&d, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, "the scorecard", err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&out);
    hw_doc_free(&d);
    hw_afacts_free(&f);
    free(sc);
    return rc;
}

static int cmd_scorecard_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                              struct hw_err *err)
{
    (void)cmd;
    struct hw_scorecard *sc = hw_calloc(1, sizeof *sc);
    struct hw_buf out = {0};
    int rc = hw_scorecard_load(hw_arg(a, "scorecard"), sc, err);
    if (rc == 0) {
        hw_scorecard_write(sc, &out);
        hw_out(ctx, out.data, out.len);
    }
    hw_buf_free(&out);
    free(sc);
    return rc;
}

/* ---- action plans ---- */

static int cmd_plan_import(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd;
    const char *path = a->pos[0], *plan = hw_arg(a, "plan");
    struct hw_plan_import_result res;
    hw_date on;
    if (date_arg(a, "on", today(ctx), &on, err) < 0 || hw_ctx_store(ctx, err) < 0)
        return -1;
    const char *base = strrchr(path, '/');
    char *source = hw_asprintf("import %s", base ? base + 1 : path);
    struct hw_actor who = hw_ctx_actor(ctx, source);
    int rc = hw_plan_import_csv(ctx->store, plan, path, on, &who, &res, err);
    free(source);
    if (rc < 0) {
        if (res.errors.len) {
            fputs(res.errors.data, stderr);
            if (res.n_errors > HW_PLAN_IMPORT_ERRORS_LISTED)
                fprintf(stderr, "... and %zu more\n", res.n_errors - HW_PLAN_IMPORT_ERRORS_LISTED);
        }
        hw_plan_import_result_free(&res);
        return -1;
    }
    fprintf(ctx->out,
            "%s: plan '%s': %zu rows: %zu actions added, %zu updated, %zu unchanged; %zu "
            "rating%s recorded.\n",
            path, res.plan, res.rows, res.added, res.updated, res.same, res.ratings,
            res.ratings == 1 ? "" : "s");
    hw_plan_import_result_free(&res);
    return 0;
}

/* The plan an action is in: --plan, else the only plan with that ref. *out
 * is owned. */
static int plan_of_ref(struct hw_ctx *ctx, const struct hw_args *a, const char *ref, char **out,
                       struct hw_err *err)
{
    const char *plan = hw_arg(a, "plan");
    char **plans;
    size_t n;
    *out = NULL;
    if (plan) {
        *out = hw_strdup(plan);
        return 0;
    }
    if (hw_plan_find_ref(ctx->store, ref, &plans, &n, err) < 0)
        return -1;
    int rc = 0;
    if (n == 1) {
        *out = hw_strdup(plans[0]);
    } else if (n == 0) {
        rc = hw_fail(err, HW_ENOTFOUND, "no plan has an action %s", ref);
    } else {
        struct hw_buf names = {0};
        for (size_t i = 0; i < n; i++)
            hw_buf_printf(&names, "%s'%s'", i ? ", " : "", plans[i]);
        rc = hw_fail(err, HW_EINPUT, "action %s is in plans %.300s: say which with --plan NAME",
                     ref, names.data);
        hw_buf_free(&names);
    }
    hw_plan_names_free(plans, n);
    return rc;
}

static int cmd_plan_rate(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    (void)cmd;
    const char *ref = a->pos[0], *rag_text = hw_arg(a, "rag"), *note = hw_arg(a, "note");
    char *plan = NULL, date[HW_DATE_LEN];
    hw_date on;
    int rag, rc = -1;
    if (rag_text == NULL)
        return hw_fail(err, HW_EINPUT, "--rag is required: red, amber, green or complete");
    if ((rag = hw_code_parse(hw_rag_codes, rag_text)) <= 0)
        return hw_fail(err, HW_EINPUT, "--rag: '%s': expected red, amber, green or complete",
                       rag_text);
    if (hw_arg(a, "on") == NULL)
        return hw_fail(err, HW_EINPUT, "--on is required: the date the rating is as at");
    if (date_arg(a, "on", HW_NO_DATE, &on, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        plan_of_ref(ctx, a, ref, &plan, err) < 0)
        goto done;
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    if (hw_store_begin(ctx->store, err) < 0)
        goto done;
    int r = hw_plan_rate(ctx->store, plan, ref, on, rag, note, HW_RATE_SAME_DATE, &who, err);
    if (r < 0 || hw_store_commit(ctx->store, err) < 0) {
        hw_store_rollback(ctx->store);
        goto done;
    }
    hw_format_date(on, date);
    if (r == 1)
        fprintf(ctx->out, "%s: action %s rated %s as at %s.\n", plan, ref, rag_text, date);
    else
        fprintf(ctx->out, "%s: action %s is already rated %s as at %s; nothing recorded.\n", plan,
                ref, rag_text, date);
    rc = 0;
done:
    free(plan);
    return rc;
}

/* A mark as text: "amber 2018-01-01", "red (initial)", "" for none. */
static void mark_text(const struct hw_plan_mark *m, char *buf, size_t size)
{
    char d[HW_DATE_LEN];
    if (m->rag <= HW_RAG_NONE) {
        buf[0] = '\0';
        return;
    }
    if (m->on == HW_NO_DATE) {
        snprintf(buf, size, "%s (initial)", hw_code_name(hw_rag_codes, m->rag));
        return;
    }
    hw_format_date(m->on, d);
    snprintf(buf, size, "%s %s", hw_code_name(hw_rag_codes, m->rag), d);
}

static json_t *opt_string(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *date_json(hw_date d)
{
    char buf[HW_DATE_LEN];
    if (d == HW_NO_DATE)
        return json_null();
    hw_format_date(d, buf);
    return json_string(buf);
}

static json_t *mark_json(const struct hw_plan_mark *m)
{
    if (m->rag <= HW_RAG_NONE)
        return json_null();
    json_t *j = json_object();
    json_object_set_new(j, "rag", json_string(hw_code_name(hw_rag_codes, m->rag)));
    json_object_set_new(j, "on", date_json(m->on)); /* null: the initial rating */
    json_object_set_new(j, "note", opt_string(m->note));
    return j;
}

/* At most max bytes of s on one line for a terminal, cut at a character
 * and marked. */
static void shorten(const char *s, size_t max, char *buf, size_t size)
{
    size_t n = s ? strlen(s) : 0;
    if (n <= max) {
        snprintf(buf, size, "%s", s ? s : "");
    } else {
        while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
            max--;
        snprintf(buf, size, "%.*s...", (int)max, s);
    }
    for (char *p = buf; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
}

static int cmd_plan_list(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    (void)cmd;
    const char *plan = hw_arg(a, "plan");
    struct hw_plan_view v;
    struct hw_buf out = {0};
    int fmt;
    if (hw_arg_format(a, &fmt, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        hw_plan_view_load(ctx->store, plan, today(ctx), &v, err) < 0)
        return -1;
    if (plan && v.n == 0) {
        hw_plan_view_free(&v);
        return hw_fail(err, HW_ENOTFOUND, "no plan called '%s' has any action", plan);
    }
    if (fmt == HW_FMT_JSON) {
        json_t *list = json_array();
        for (size_t i = 0; i < v.n; i++) {
            const struct hw_plan_status *st = &v.rows[i];
            json_t *j = json_object(), *marks = json_array();
            json_object_set_new(j, "plan", json_string(st->plan));
            json_object_set_new(j, "ref", json_string(st->ref));
            json_object_set_new(j, "area", opt_string(st->area));
            json_object_set_new(j, "outcome", opt_string(st->outcome));
            json_object_set_new(j, "action", json_string(st->action));
            json_object_set_new(j, "success_measure", opt_string(st->success_measure));
            json_object_set_new(j, "lead", opt_string(st->lead));
            json_object_set_new(j, "owner", opt_string(st->owner));
            json_object_set_new(j, "due", date_json(st->due));
            json_object_set_new(j, "progress", opt_string(st->progress));
            json_object_set_new(j, "latest", mark_json(&st->latest));
            json_object_set_new(j, "previous", mark_json(&st->previous));
            json_object_set_new(j, "movement",
                                st->move ? json_string(hw_code_name(hw_rag_move_codes, st->move))
                                         : json_null());
            json_object_set_new(j, "overdue", json_boolean(st->overdue));
            for (size_t k = 0; k < st->nmarks; k++)
                json_array_append_new(marks, mark_json(&st->marks[k]));
            json_object_set_new(j, "ratings", marks);
            json_array_append_new(list, j);
        }
        json_t *root = json_object();
        json_object_set_new(root, "date", date_json(v.date));
        json_object_set_new(root, "actions", list);
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(&out, "%s\n", text);
        free(text);
        json_decref(root);
    } else {
        static const char *const csv_header[] = {
            "plan",      "ref",      "area",    "outcome",  "action",      "success_measure",
            "lead",      "owner",    "due",     "previous", "previous_on", "latest",
            "latest_on", "movement", "overdue", "progress"};
        static const char *const text_header[] = {"plan",  "ref",     "due",   "latest",
                                                  "moved", "overdue", "owner", "action"};
        struct hw_table t;
        bool csv = fmt == HW_FMT_CSV;
        hw_table_init(&t, csv ? 16 : 8, csv ? csv_header : text_header);
        for (size_t i = 0; i < v.n; i++) {
            const struct hw_plan_status *st = &v.rows[i];
            char due[HW_DATE_LEN] = "", latest[48], prev_on[HW_DATE_LEN] = "",
                 latest_on[HW_DATE_LEN] = "", action[96], owner[64];
            if (st->due != HW_NO_DATE)
                hw_format_date(st->due, due);
            const char *move = st->move ? hw_code_name(hw_rag_move_codes, st->move) : "";
            if (csv) {
                if (st->previous.rag && st->previous.on != HW_NO_DATE)
                    hw_format_date(st->previous.on, prev_on);
                if (st->latest.rag && st->latest.on != HW_NO_DATE)
                    hw_format_date(st->latest.on, latest_on);
                const char *cells[] = {
                    st->plan,
                    st->ref,
                    st->area,
                    st->outcome,
                    st->action,
                    st->success_measure,
                    st->lead,
                    st->owner,
                    due,
                    hw_code_name(hw_rag_codes, st->previous.rag),
                    st->previous.rag && st->previous.on == HW_NO_DATE ? "initial" : prev_on,
                    hw_code_name(hw_rag_codes, st->latest.rag),
                    st->latest.rag && st->latest.on == HW_NO_DATE ? "initial" : latest_on,
                    move,
                    st->overdue ? "yes" : "no",
                    st->progress};
                hw_table_add(&t, cells);
                continue;
            }
            mark_text(&st->latest, latest, sizeof latest);
            shorten(st->action, 60, action, sizeof action);
            shorten(st->owner, 30, owner, sizeof owner);
            const char *cells[] = {
                st->plan, st->ref, due, latest, move, st->overdue ? "overdue" : "", owner, action};
            hw_table_add(&t, cells);
        }
        if (csv)
            hw_table_csv(&t, &out);
        else
            hw_table_text(&t, &out);
        hw_table_free(&t);
    }
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_plan_view_free(&v);
    return 0;
}

struct history {
    int fmt;
    struct hw_table table;
    json_t *json;
};

static int history_one(void *c, const struct hw_plan_change *ch)
{
    struct history *h = c;
    char when[HW_LOCAL_LEN];
    hw_format_local(ch->made.at, when);
    if (h->fmt == HW_FMT_JSON) {
        json_t *j = json_object();
        char iso[HW_ISO_LEN];
        hw_format_iso(ch->made.at, iso);
        json_object_set_new(j, "at", json_string(iso));
        json_object_set_new(j, "user", json_string(ch->made.user));
        json_object_set_new(j, "source", opt_string(ch->made.source));
        json_object_set_new(j, "field", json_string(ch->field));
        json_object_set_new(j, "old", opt_string(ch->old_value));
        json_object_set_new(j, "new", opt_string(ch->new_value));
        json_array_append_new(h->json, j);
        return 0;
    }
    char was[96], now[96];
    shorten(ch->old_value, 60, was, sizeof was);
    shorten(ch->new_value, 60, now, sizeof now);
    const char *cells[] = {when, ch->made.user, ch->made.source, ch->field, was, now};
    hw_table_add(&h->table, cells);
    return 0;
}

static int cmd_plan_history(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    const char *ref = a->pos[0];
    struct history h = {0};
    struct hw_buf out = {0};
    char *plan = NULL;
    int rc = -1;
    if (hw_arg_format(a, &h.fmt, err) < 0)
        return -1;
    if (h.fmt == HW_FMT_CSV)
        return hw_fail(err, HW_EINPUT, "--format: history gives text or json");
    if (hw_ctx_store(ctx, err) < 0 || plan_of_ref(ctx, a, ref, &plan, err) < 0)
        goto done;
    static const char *const header[] = {"when", "user", "source", "field", "old", "new"};
    if (h.fmt == HW_FMT_JSON)
        h.json = json_array();
    else
        hw_table_init(&h.table, 6, header);
    if (hw_store_list_plan_changes(ctx->store, plan, ref, history_one, &h, err) < 0)
        goto done;
    if (h.fmt == HW_FMT_JSON) {
        json_t *o = json_object();
        json_object_set_new(o, "plan", json_string(plan));
        json_object_set_new(o, "ref", json_string(ref));
        json_object_set_new(o, "history", h.json);
        h.json = NULL;
        char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(&out, "%s\n", text);
        free(text);
        json_decref(o);
    } else {
        hw_table_text(&h.table, &out);
    }
    hw_out(ctx, out.data, out.len);
    rc = 0;
done:
    json_decref(h.json);
    if (h.fmt != HW_FMT_JSON)
        hw_table_free(&h.table);
    hw_buf_free(&out);
    free(plan);
    return rc;
}

static int cmd_report_plans(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    const char *plan = hw_arg(a, "plan");
    struct hw_plan_view v = {0};
    struct hw_doc d = {0};
    struct hw_buf out = {0};
    hw_date date;
    int fmt, rc = -1;
    if (date_arg(a, "date", today(ctx), &date, err) < 0 || hw_report_format(a, &fmt, err) < 0 ||
        hw_report_out_check(ctx, a, fmt, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        hw_plan_view_load(ctx->store, plan, date, &v, err) < 0)
        return -1;
    if (plan && v.n == 0) {
        hw_fail(err, HW_ENOTFOUND, "no plan called '%s' has any action", plan);
        goto done;
    }
    hw_action_plan_doc(&d, &v, plan, council_of(a), ctx->now);
    if (hw_doc_render(&d, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, "the action plan report", err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&out);
    hw_doc_free(&d);
    hw_plan_view_free(&v);
    return rc;
}

/* ---- the table ---- */

#define REPORT_OUT_OPTS                                                                            \
    {"council", "NAME", "the council's name on the report (or HOMEWARD_COUNCIL)"},                 \
        {"format", "FMT",                                                                          \
         "text (default), csv, json, html (a printable page) or xlsx (a workbook; needs --out "    \
         "unless the output is redirected)"},                                                      \
    {                                                                                              \
        "out", "FILE", "write the report to FILE (replaced only once complete)"                    \
    }

static const struct hw_opt scorecard_opts[] = {
    {"year", "YYYY-YY", "the financial year, e.g. 2016-17 (required)"},
    {"to-month", "YYYY-MM",
     "the last month shown (default: March once the year is over, else this month)"},
    {"scorecard", "FILE",
     "the indicators (default: $HOMEWARD_SCORECARD, else the built-in scorecard)"},
    REPORT_OUT_OPTS,
    {NULL, NULL, NULL},
};

static const struct hw_opt scorecard_show_opts[] = {
    {"scorecard", "FILE", "the scorecard to show (default: $HOMEWARD_SCORECARD, else built-in)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt import_opts[] = {
    {"plan", "NAME", "the plan's name (default: the file's name without its extension)"},
    {"on", "DATE", "the date a plain \"RAG\" column's ratings are as at (default: today)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt list_opts[] = {
    {"plan", "NAME", "only this plan's actions"},
    {"format", "FMT", "text (default), csv or json (with every rating)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt rate_opts[] = {
    {"rag", "RAG", "red, amber, green or complete (required)"},
    {"on", "DATE", "the date the rating is as at (required)"},
    {"note", "TEXT", "why, in a few words"},
    {"plan", "NAME", "the action's plan (needed when several plans have this ref)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt history_opts[] = {
    {"plan", "NAME", "the action's plan (needed when several plans have this ref)"},
    {"format", "FMT", "text (default) or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt report_plans_opts[] = {
    {"plan", "NAME", "only this plan (default: every plan)"},
    {"date", "DATE", "what overdue is measured against (default: today)"},
    REPORT_OUT_OPTS,
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_plans_cmds[] = {
    {.noun = "report",
     .verb = "scorecard",
     .usage = "--year YYYY-YY [--to-month YYYY-MM] [--scorecard FILE] "
              "[--format text|csv|json|html|xlsx] [--out FILE]",
     .summary = "the scorecard: each indicator per month, year to date, direction of travel, RAG",
     .opts = scorecard_opts,
     .fn = cmd_scorecard,
     .rectype = -1},
    {.noun = "scorecard",
     .verb = "show",
     .usage = "[--scorecard FILE]",
     .summary = "the scorecard's indicators as a scorecard file (the built-in one to start from)",
     .opts = scorecard_show_opts,
     .fn = cmd_scorecard_show,
     .rectype = -1},
    {.noun = "plan",
     .verb = "import",
     .usage = "FILE [--plan NAME] [--on DATE]",
     .summary = "import an action plan from CSV: actions by ref, ratings from its RAG columns",
     .opts = import_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_plan_import,
     .rectype = -1,
     .writes = true},
    {.noun = "plan",
     .verb = "list",
     .usage = "[--plan NAME] [--format text|csv|json]",
     .summary = "action plans' actions with their latest rating, movement and whether overdue",
     .opts = list_opts,
     .fn = cmd_plan_list,
     .rectype = -1},
    {.noun = "plan",
     .verb = "rate",
     .usage = "REF --rag red|amber|green|complete --on DATE [--note TEXT] [--plan NAME]",
     .summary = "rate an action (ratings are kept, never changed)",
     .opts = rate_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_plan_rate,
     .rectype = -1,
     .writes = true},
    {.noun = "plan",
     .verb = "history",
     .usage = "REF [--plan NAME] [--format text|json]",
     .summary = "an action's changes: who changed which field from what to what",
     .opts = history_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_plan_history,
     .rectype = -1},
    {.noun = "report",
     .verb = "plans",
     .usage = "[--plan NAME] [--date DATE] [--format text|csv|json|html|xlsx] [--out FILE]",
     .summary = "action plans: latest ratings and how they moved, overdue actions, counts",
     .opts = report_plans_opts,
     .fn = cmd_report_plans,
     .rectype = -1},
    {.noun = NULL},
};
