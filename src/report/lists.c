/* lists.c - the team's lists as text, CSV and JSON: one rendering for the
 * command line and the HTTP API. */
#include "report/lists.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"
#include "io/record_json.h"
#include "report/table.h"

/* Writes a JSON document, indented, and drops it. */
static void emit_json(struct hw_buf *out, json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    hw_buf_printf(out, "%s\n", text);
    free(text);
    json_decref(root);
}

/* Writes a list of children: CSV as it is; for a terminal, "TITLE at TIME",
 * the table and how many children. */
static void emit_table(struct hw_buf *out, const struct hw_table *t, int fmt, const char *title,
                       hw_instant at, size_t n)
{
    if (fmt == HW_FMT_CSV) {
        hw_table_csv(t, out);
        return;
    }
    char when[HW_LOCAL_LEN];
    hw_format_local(at, when);
    hw_buf_printf(out, "%s at %s\n\n", title, when);
    hw_table_text(t, out);
    hw_buf_printf(out, "(%zu %s)\n", n, n == 1 ? "child" : "children");
}

/* "3d 4h overdue", "due in 5h", "due now": how a person reads a deadline. */
static void relative(hw_instant due, hw_instant now, char *buf, size_t size)
{
    hw_instant d = now - due;
    hw_instant a = d < 0 ? -d : d;
    long days = (long)(a / HW_DAY), hours = (long)((a % HW_DAY) / HW_HOUR),
         mins = (long)((a % HW_HOUR) / HW_MINUTE);
    char span[32];
    if (days)
        snprintf(span, sizeof span, "%ldd %ldh", days, hours);
    else if (hours)
        snprintf(span, sizeof span, "%ldh %ldm", hours, mins);
    else
        snprintf(span, sizeof span, "%ldm", mins);
    if (a < HW_MINUTE)
        snprintf(buf, size, "due now");
    else if (d > 0)
        snprintf(buf, size, "%s overdue", span);
    else
        snprintf(buf, size, "due in %s", span);
}

/* "First Last", either part possibly unrecorded. */
static void person_name(const char *first, const char *last, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s", first ? first : "", first && last ? " " : "", last ? last : "");
}

static void full_name(const struct hw_due_item *it, char *buf, size_t size)
{
    person_name(it->first_name, it->last_name, buf, size);
}

/* The due items as a table for a terminal. */
static void due_table(const struct hw_due_list *l, hw_instant now, struct hw_table *t)
{
    static const char *const header[] = {"due",   "",     "action", "#",    "episode",
                                         "child", "name", "team",   "risk", "status"};
    char due[HW_LOCAL_LEN], rel[48], name[420], seq[16];
    hw_table_init(t, 10, header);
    for (size_t i = 0; i < l->len; i++) {
        const struct hw_due_item *it = &l->items[i];
        hw_format_local(it->due, due);
        relative(it->due, now, rel, sizeof rel);
        full_name(it, name, sizeof name);
        snprintf(seq, sizeof seq, "%d", it->seq);
        const char *cells[] = {due,
                               rel,
                               hw_code_name(hw_action_codes, it->kind),
                               seq,
                               it->episode_id,
                               it->child_id,
                               name,
                               it->team,
                               hw_code_name(hw_risk_codes, it->risk),
                               it->missing ? "missing" : "returned"};
        hw_table_add(t, cells);
    }
}

json_t *hw_due_item_json(const struct hw_due_item *it, hw_instant now)
{
    char name[420];
    json_t *o = json_object();
    full_name(it, name, sizeof name);
    json_object_set_new(o, "due", hw_time_json(it->due));
    json_object_set_new(o, "overdue_minutes", json_integer((now - it->due) / HW_MINUTE));
    json_object_set_new(o, "action", json_string(hw_code_name(hw_action_codes, it->kind)));
    json_object_set_new(o, "seq", json_integer(it->seq));
    json_object_set_new(o, "episode_id", json_string(it->episode_id));
    json_object_set_new(o, "child_id", json_string(it->child_id));
    json_object_set_new(o, "name", json_string(name));
    json_object_set_new(o, "team", it->team ? json_string(it->team) : json_null());
    json_object_set_new(o, "worker", it->worker ? json_string(it->worker) : json_null());
    json_object_set_new(
        o, "risk", it->risk ? json_string(hw_code_name(hw_risk_codes, it->risk)) : json_null());
    json_object_set_new(o, "missing", json_boolean(it->missing));
    return o;
}

void hw_due_render(const struct hw_due_list *l, hw_instant now, int fmt, struct hw_buf *out)
{
    char due[HW_LOCAL_LEN], name[420], seq[16];
    if (fmt == HW_FMT_JSON) {
        json_t *items = json_array();
        for (size_t i = 0; i < l->len; i++)
            json_array_append_new(items, hw_due_item_json(&l->items[i], now));
        json_t *root = json_object();
        json_object_set_new(root, "at", hw_time_json(now));
        json_object_set_new(root, "due", items);
        emit_json(out, root);
    } else {
        static const char *const csv_header[] = {
            "due",  "overdue_minutes", "action", "seq",    "episode_id", "child_id", "name",
            "team", "worker",          "risk",   "missing"};
        struct hw_table t;
        if (fmt == HW_FMT_CSV) {
            hw_table_init(&t, 11, csv_header);
            for (size_t i = 0; i < l->len; i++) {
                const struct hw_due_item *it = &l->items[i];
                char mins[32];
                hw_format_local(it->due, due);
                full_name(it, name, sizeof name);
                snprintf(seq, sizeof seq, "%d", it->seq);
                snprintf(mins, sizeof mins, "%lld", (long long)((now - it->due) / HW_MINUTE));
                const char *cells[] = {due,
                                       mins,
                                       hw_code_name(hw_action_codes, it->kind),
                                       seq,
                                       it->episode_id,
                                       it->child_id,
                                       name,
                                       it->team,
                                       it->worker,
                                       hw_code_name(hw_risk_codes, it->risk),
                                       it->missing ? "y" : "n"};
                hw_table_add(&t, cells);
            }
        } else {
            due_table(l, now, &t);
        }
        if (fmt == HW_FMT_CSV) {
            hw_table_csv(&t, out);
        } else {
            char at[HW_LOCAL_LEN];
            hw_format_local(now, at);
            hw_buf_printf(out, "Due and overdue at %s\n\n", at);
            hw_table_text(&t, out);
            size_t overdue = 0;
            for (size_t i = 0; i < l->len; i++)
                overdue += l->items[i].due <= now;
            hw_buf_printf(out, "(%zu actions, %zu overdue)\n", l->len, overdue);
        }
        hw_table_free(&t);
    }
}

/* ---- the daily list ---- */

static void row_name(const struct hw_daily_row *r, char *buf, size_t size)
{
    person_name(r->first_name, r->last_name, buf, size);
}

static void criteria_text(int criteria, struct hw_buf *b)
{
    for (const struct hw_code *c = hw_criterion_codes; c->code; c++)
        if (criteria & c->value)
            hw_buf_printf(b, "%s%s", b->len ? ";" : "", c->code);
}

json_t *hw_daily_row_json(const struct hw_daily_row *r, hw_instant at)
{
    char name[420];
    json_t *o = json_object();
    row_name(r, name, sizeof name);
    json_object_set_new(o, "episode_id", json_string(r->episode_id));
    json_object_set_new(o, "child_id", json_string(r->child_id));
    json_object_set_new(o, "name", json_string(name));
    json_object_set_new(o, "team", r->team ? json_string(r->team) : json_null());
    json_object_set_new(o, "worker", r->worker ? json_string(r->worker) : json_null());
    json_object_set_new(o, "placement", r->placement ? json_string(r->placement) : json_null());
    json_object_set_new(o, "risk",
                        r->risk ? json_string(hw_code_name(hw_risk_codes, r->risk)) : json_null());
    json_object_set_new(o, "last_seen", hw_time_json(r->last_seen));
    bool back = r->returned != HW_NO_TIME && r->returned <= at;
    json_object_set_new(o, "returned", back ? hw_time_json(r->returned) : json_null());
    json_object_set_new(o, "hours",
                        json_real((double)((back ? r->returned : at) - r->last_seen) / 3600.0));
    if (back) {
        struct hw_buf c = {0};
        criteria_text(r->rhi.criteria, &c);
        json_object_set_new(o, "rhi",
                            json_string(hw_code_name(hw_rhi_verdict_codes, r->rhi.verdict)));
        json_object_set_new(o, "criteria", json_string(c.data ? c.data : ""));
        json_object_set_new(o, "rhi_due", hw_time_json(r->rhi.due));
        json_object_set_new(o, "interview",
                            r->interview ? json_string(hw_code_name(hw_outcome_codes, r->interview))
                                         : json_null());
        hw_buf_free(&c);
    }
    return o;
}

static void daily_section(struct hw_buf *out, const char *title, const struct hw_daily_rows *l,
                          hw_instant at, bool returned)
{
    static const char *const open_header[] = {"episode", "child", "name",   "hours",
                                              "risk",    "from",  "worker", "team"};
    static const char *const back_header[] = {"episode", "child",    "name", "returned",
                                              "hours",   "risk",     "rhi",  "criteria",
                                              "due by",  "interview"};
    struct hw_table t;
    hw_buf_printf(out, "%s (%zu)\n", title, l->len);
    if (l->len == 0) {
        hw_buf_puts(out, "  none\n\n");
        return;
    }
    if (returned)
        hw_table_init(&t, 10, back_header);
    else
        hw_table_init(&t, 8, open_header);
    for (size_t i = 0; i < l->len; i++) {
        const struct hw_daily_row *r = &l->rows[i];
        char name[420], hours[32], when[HW_LOCAL_LEN], due[HW_LOCAL_LEN] = "";
        struct hw_buf crit = {0};
        row_name(r, name, sizeof name);
        const char *risk = hw_code_name(hw_risk_codes, r->risk);
        if (returned) {
            hw_format_local(r->returned, when);
            snprintf(hours, sizeof hours, "%.1f", (double)(r->returned - r->last_seen) / 3600.0);
            criteria_text(r->rhi.criteria, &crit);
            if (r->rhi.due != HW_NO_TIME)
                hw_format_local(r->rhi.due, due);
            const char *cells[] = {r->episode_id,
                                   r->child_id,
                                   name,
                                   when,
                                   hours,
                                   risk,
                                   hw_code_name(hw_rhi_verdict_codes, r->rhi.verdict),
                                   crit.data ? crit.data : "",
                                   due,
                                   r->interview ? hw_code_name(hw_outcome_codes, r->interview)
                                                : "none yet"};
            hw_table_add(&t, cells);
        } else {
            snprintf(hours, sizeof hours, "%.1f", (double)(at - r->last_seen) / 3600.0);
            const char *cells[] = {r->episode_id, r->child_id,  name,      hours,
                                   risk,          r->placement, r->worker, r->team};
            hw_table_add(&t, cells);
        }
        hw_buf_free(&crit);
    }
    hw_table_text(&t, out);
    hw_buf_putc(out, '\n');
    hw_table_free(&t);
}

void hw_daily_render(const struct hw_daily *d, int fmt, struct hw_buf *out)
{
    char at[HW_LOCAL_LEN];
    hw_format_local(d->at, at);
    if (fmt == HW_FMT_JSON) {
        json_t *root = json_object();
        const struct {
            const char *key;
            const struct hw_daily_rows *rows;
        } lists[] = {{"missing", &d->missing}, {"absent", &d->absent}, {"returned", &d->returned}};
        json_object_set_new(root, "at", hw_time_json(d->at));
        for (size_t k = 0; k < 3; k++) {
            json_t *a = json_array();
            for (size_t i = 0; i < lists[k].rows->len; i++)
                json_array_append_new(a, hw_daily_row_json(&lists[k].rows->rows[i], d->at));
            json_object_set_new(root, lists[k].key, a);
        }
        json_t *overdue = json_array();
        for (size_t i = 0; i < d->overdue.len; i++) {
            const struct hw_due_item *it = &d->overdue.items[i];
            json_t *o = json_object();
            json_object_set_new(o, "due", hw_time_json(it->due));
            json_object_set_new(o, "action", json_string(hw_code_name(hw_action_codes, it->kind)));
            json_object_set_new(o, "seq", json_integer(it->seq));
            json_object_set_new(o, "episode_id", json_string(it->episode_id));
            json_object_set_new(o, "child_id", json_string(it->child_id));
            json_array_append_new(overdue, o);
        }
        json_object_set_new(root, "overdue", overdue);
        emit_json(out, root);
    } else {
        hw_buf_printf(out, "Daily list at %s\n\n", at);
        daily_section(out, "Missing now", &d->missing, d->at, false);
        daily_section(out, "Away without authorisation now", &d->absent, d->at, false);
        daily_section(out, "Returned in the last 24 hours", &d->returned, d->at, true);
        hw_buf_printf(out, "Overdue actions (%zu)\n", d->overdue.len);
        if (d->overdue.len == 0) {
            hw_buf_puts(out, "  none\n");
        } else {
            struct hw_table t;
            due_table(&d->overdue, d->at, &t);
            hw_table_text(&t, out);
            hw_table_free(&t);
        }
    }
}

/* ---- the high-risk list ---- */

static void reasons_text(int reasons, struct hw_buf *b)
{
    for (const struct hw_code *c = hw_high_risk_reason_codes; c->code; c++)
        if (reasons & c->value)
            hw_buf_printf(b, "%s%s", b->len ? ";" : "", c->code);
}

void hw_high_risk_render(const struct hw_high_risk_list *l, int fmt, struct hw_buf *out)
{
    if (fmt == HW_FMT_JSON) {
        json_t *children = json_array();
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_high_risk_child *h = &l->children[i];
            json_t *o = json_object(), *why = json_array();
            for (const struct hw_code *c = hw_high_risk_reason_codes; c->code; c++)
                if (h->reasons & c->value)
                    json_array_append_new(why, json_string(c->code));
            json_object_set_new(o, "child_id", json_string(h->child_id));
            json_object_set_new(o, "first_name",
                                h->first_name ? json_string(h->first_name) : json_null());
            json_object_set_new(o, "last_name",
                                h->last_name ? json_string(h->last_name) : json_null());
            json_object_set_new(o, "team", h->team ? json_string(h->team) : json_null());
            json_object_set_new(o, "worker", h->worker ? json_string(h->worker) : json_null());
            json_object_set_new(o, "reasons", why);
            json_object_set_new(o, "episodes_in_28_days", json_integer(h->pattern.in_window));
            json_object_set_new(o, "episodes_in_quarter", json_integer(h->pattern.in_quarter));
            json_object_set_new(o, "episodes_in_month", json_integer(h->pattern.in_month));
            json_object_set_new(o, "latest_episode", json_string(h->latest_episode));
            json_object_set_new(o, "latest_last_seen", hw_time_json(h->latest_last_seen));
            json_object_set_new(o, "latest_returned", hw_time_json(h->latest_returned));
            json_object_set_new(o, "open_actions", json_integer((json_int_t)h->open_actions));
            json_array_append_new(children, o);
        }
        json_t *root = json_object();
        json_object_set_new(root, "at", hw_time_json(l->at));
        json_object_set_new(root, "children", children);
        emit_json(out, root);
    } else {
        static const char *const header[] = {"child",     "name",    "team",        "why",
                                             "28d",       "quarter", "month",       "latest",
                                             "last seen", "back",    "open actions"};
        struct hw_table t;
        hw_table_init(&t, 11, header);
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_high_risk_child *h = &l->children[i];
            char name[420], n28[16], nq[16], nm[16], seen[HW_LOCAL_LEN], back[HW_LOCAL_LEN],
                open[16];
            struct hw_buf why = {0};
            person_name(h->first_name, h->last_name, name, sizeof name);
            reasons_text(h->reasons, &why);
            snprintf(n28, sizeof n28, "%d", h->pattern.in_window);
            snprintf(nq, sizeof nq, "%d", h->pattern.in_quarter);
            snprintf(nm, sizeof nm, "%d", h->pattern.in_month);
            hw_format_local(h->latest_last_seen, seen);
            if (h->latest_returned == HW_NO_TIME)
                snprintf(back, sizeof back, "missing");
            else
                hw_format_local(h->latest_returned, back);
            snprintf(open, sizeof open, "%zu", h->open_actions);
            const char *cells[] = {h->child_id, name, h->team, why.data ? why.data : "",
                                   n28,         nq,   nm,      h->latest_episode,
                                   seen,        back, open};
            hw_table_add(&t, cells);
            hw_buf_free(&why);
        }
        emit_table(out, &t, fmt, "High-risk list", l->at, l->len);
        hw_table_free(&t);
    }
}

/* ---- the weekly list ---- */

static const struct {
    const char *name;
    size_t offset;
} weekly_columns[] = {
#define COL(member)                                                                                \
    {                                                                                              \
#member, offsetof(struct hw_weekly_team, member)                                           \
    }
    COL(returned),    COL(rhi_required),   COL(rhi_in_time),       COL(rhi_late),
    COL(rhi_closed),  COL(rhi_needed),     COL(completed_in_week), COL(update_on_time),
    COL(update_late), COL(update_overdue), COL(update_not_due),
#undef COL
};
#define WEEKLY_COLS (sizeof weekly_columns / sizeof weekly_columns[0])

static long weekly_value(const struct hw_weekly_team *t, size_t col)
{
    return *(const long *)((const char *)t + weekly_columns[col].offset);
}

void hw_weekly_render(const struct hw_weekly *w, int fmt, struct hw_buf *out)
{
    struct hw_weekly_team total = {0};
    for (size_t i = 0; i < w->len; i++)
        for (size_t c = 0; c < WEEKLY_COLS; c++)
            *(long *)((char *)&total + weekly_columns[c].offset) += weekly_value(&w->teams[i], c);
    if (fmt == HW_FMT_JSON) {
        json_t *teams = json_array();
        for (size_t i = 0; i <= w->len; i++) {
            const struct hw_weekly_team *t = i < w->len ? &w->teams[i] : &total;
            json_t *o = json_object();
            json_object_set_new(o, "team",
                                i == w->len ? json_string("All teams")
                                : t->team   ? json_string(t->team)
                                            : json_null());
            for (size_t c = 0; c < WEEKLY_COLS; c++)
                json_object_set_new(o, weekly_columns[c].name, json_integer(weekly_value(t, c)));
            json_array_append_new(teams, o);
        }
        json_t *root = json_object();
        json_object_set_new(root, "from", hw_time_json(w->from));
        json_object_set_new(root, "to", hw_time_json(w->to));
        json_object_set_new(root, "as_at", hw_time_json(w->as_at));
        json_object_set_new(root, "teams", teams);
        emit_json(out, root);
    } else {
        const char *header[WEEKLY_COLS + 1] = {"team"};
        for (size_t c = 0; c < WEEKLY_COLS; c++)
            header[c + 1] = weekly_columns[c].name;
        struct hw_table t;
        hw_table_init(&t, WEEKLY_COLS + 1, header);
        for (size_t i = 0; i <= w->len; i++) {
            const struct hw_weekly_team *row = i < w->len ? &w->teams[i] : &total;
            char num[WEEKLY_COLS][24];
            const char *cells[WEEKLY_COLS + 1];
            cells[0] = i == w->len ? "All teams" : row->team ? row->team : "(no team)";
            for (size_t c = 0; c < WEEKLY_COLS; c++) {
                snprintf(num[c], sizeof num[c], "%ld", weekly_value(row, c));
                cells[c + 1] = num[c];
            }
            hw_table_add(&t, cells);
        }
        if (fmt == HW_FMT_CSV) {
            hw_table_csv(&t, out);
        } else {
            char from[HW_DATE_LEN], to[HW_DATE_LEN], as_at[HW_LOCAL_LEN];
            hw_format_date(hw_london_date(w->from), from);
            hw_format_date(hw_london_date(w->to) - 1, to);
            hw_format_local(w->as_at, as_at);
            hw_buf_printf(out,
                          "Return interviews and record updates, week of %s to %s (as at %s)\n\n",
                          from, to, as_at);
            hw_table_text(&t, out);
        }
        hw_table_free(&t);
    }
}

/* ---- missing plans to review ---- */

void hw_plans_render(const struct hw_plan_list *l, hw_instant at, int fmt, struct hw_buf *out)
{
    if (fmt == HW_FMT_JSON) {
        json_t *rows = json_array();
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_plan_row *r = &l->rows[i];
            json_t *o = json_object(), *why = json_array();
            char d[HW_DATE_LEN];
            for (const struct hw_code *c = hw_plan_reason_codes; c->code; c++)
                if (r->reasons & c->value)
                    json_array_append_new(why, json_string(c->code));
            json_object_set_new(o, "child_id", json_string(r->child_id));
            json_object_set_new(o, "team", r->team ? json_string(r->team) : json_null());
            json_object_set_new(o, "worker", r->worker ? json_string(r->worker) : json_null());
            json_object_set_new(o, "has_plan", json_boolean(r->has_plan));
            hw_format_date(r->reviewed, d);
            json_object_set_new(o, "plan_reviewed", *d ? json_string(d) : json_null());
            hw_format_date(r->review_due, d);
            json_object_set_new(o, "plan_review_due", *d ? json_string(d) : json_null());
            json_object_set_new(o, "reasons", why);
            json_object_set_new(o, "last_missing", hw_time_json(r->last_missing));
            json_array_append_new(rows, o);
        }
        json_t *root = json_object();
        json_object_set_new(root, "at", hw_time_json(at));
        json_object_set_new(root, "plans", rows);
        emit_json(out, root);
    } else {
        static const char *const header[] = {"child",    "name",       "team", "worker",
                                             "reviewed", "review due", "why",  "last missing"};
        struct hw_table t;
        hw_table_init(&t, 8, header);
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_plan_row *r = &l->rows[i];
            char name[420], reviewed[HW_DATE_LEN], due[HW_DATE_LEN], last[HW_LOCAL_LEN] = "";
            struct hw_buf why = {0};
            person_name(r->first_name, r->last_name, name, sizeof name);
            hw_format_date(r->reviewed, reviewed);
            hw_format_date(r->review_due, due);
            if (r->last_missing != HW_NO_TIME)
                hw_format_local(r->last_missing, last);
            for (const struct hw_code *c = hw_plan_reason_codes; c->code; c++)
                if (r->reasons & c->value)
                    hw_buf_printf(&why, "%s%s", why.len ? ";" : "", c->code);
            const char *cells[] = {
                r->child_id, name, r->team, r->worker, reviewed, due, why.data ? why.data : "",
                last};
            hw_table_add(&t, cells);
            hw_buf_free(&why);
        }
        emit_table(out, &t, fmt, "Missing plans to review", at, l->len);
        hw_table_free(&t);
    }
}

/* ---- the lists as data ---- */

static int due_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                     const char *team, void *out, struct hw_err *err)
{
    struct hw_due_query q = {.now = at, .team = team};
    return hw_due_build(s, cfg, &q, out, err);
}

static void due_render(const void *l, hw_instant at, int fmt, struct hw_buf *out)
{
    hw_due_render(l, at, fmt, out);
}

static void due_free(void *l)
{
    hw_due_free(l);
}

static int daily_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                       const char *team, void *out, struct hw_err *err)
{
    return hw_daily_build(s, cfg, at, team, out, err);
}

static void daily_render(const void *d, hw_instant at, int fmt, struct hw_buf *out)
{
    (void)at;
    hw_daily_render(d, fmt, out);
}

static void daily_free(void *d)
{
    hw_daily_free(d);
}

static int high_risk_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                           const char *team, void *out, struct hw_err *err)
{
    return hw_high_risk_build(s, cfg, at, team, out, err);
}

static void high_risk_render(const void *l, hw_instant at, int fmt, struct hw_buf *out)
{
    (void)at;
    hw_high_risk_render(l, fmt, out);
}

static void high_risk_free(void *l)
{
    hw_high_risk_free(l);
}

static int plans_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                       const char *team, void *out, struct hw_err *err)
{
    return hw_plans_build(s, cfg, at, team, out, err);
}

static void plans_render(const void *l, hw_instant at, int fmt, struct hw_buf *out)
{
    hw_plans_render(l, at, fmt, out);
}

static void plans_free(void *l)
{
    hw_plans_free(l);
}

const struct hw_list_kind hw_list_due = {"due list", true,       sizeof(struct hw_due_list),
                                         due_build,  due_render, due_free};
const struct hw_list_kind hw_list_daily = {"daily list", false,        sizeof(struct hw_daily),
                                           daily_build,  daily_render, daily_free};
const struct hw_list_kind hw_list_high_risk = {
    "high-risk list", true,          sizeof(struct hw_high_risk_list), high_risk_build,
    high_risk_render, high_risk_free};
const struct hw_list_kind hw_list_plans = {"missing plans to review",
                                           true,
                                           sizeof(struct hw_plan_list),
                                           plans_build,
                                           plans_render,
                                           plans_free};

int hw_list_run(const struct hw_list_kind *k, struct hw_store *s, const struct hw_config *cfg,
                hw_instant at, const char *team, int fmt, struct hw_buf *out, struct hw_err *err)
{
    void *list = hw_calloc(1, k->size);
    int rc = k->build(s, cfg, at, team, list, err);
    if (rc == 0) {
        k->render(list, at, fmt, out);
        k->free(list);
    }
    free(list);
    return rc;
}
