/* cmd_groups.c - who children go missing with: `child associates` and
 * `groups` (app/associates.h). */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/associates.h"
#include "cli/cli.h"
#include "report/table.h"

#define TEXT_PLACES 5 /* a group's text shows its most common found locations */

/* A range of local dates, inclusive; HW_NO_DATE where open. */
struct range {
    hw_date from, to;
};

static int date_arg(const struct hw_args *a, const char *name, hw_date *out, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    *out = HW_NO_DATE;
    if (v && hw_parse_date(v, out) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': expected a date as YYYY-MM-DD or DD/MM/YYYY",
                       name, v);
    return 0;
}

static int range_args(const struct hw_args *a, bool required, struct range *r, struct hw_err *err)
{
    if (date_arg(a, "from", &r->from, err) < 0 || date_arg(a, "to", &r->to, err) < 0)
        return -1;
    if (required && r->from == HW_NO_DATE)
        return hw_fail(err, HW_EINPUT, "--from is required (a date, YYYY-MM-DD)");
    if (required && r->to == HW_NO_DATE)
        return hw_fail(err, HW_EINPUT, "--to is required (a date, YYYY-MM-DD)");
    if (r->from != HW_NO_DATE && r->to != HW_NO_DATE && r->to < r->from)
        return hw_fail(err, HW_EINPUT, "--to %s is before --from %s", hw_arg(a, "to"),
                       hw_arg(a, "from"));
    return 0;
}

/* Episodes last seen from the start of the first local day to the start of
 * the day after the last (0: no bound). */
static hw_instant range_start(const struct range *r)
{
    return r->from == HW_NO_DATE ? 0 : hw_london_day_start(r->from);
}

static hw_instant range_end(const struct range *r)
{
    return r->to == HW_NO_DATE ? 0 : hw_london_day_start(r->to + 1);
}

/* " from 2017-04-01 to 2017-06-30", " from ...", " up to ...", or "". */
static void range_text(const struct range *r, char *buf, size_t size)
{
    char from[HW_DATE_LEN], to[HW_DATE_LEN];
    if (r->from != HW_NO_DATE)
        hw_format_date(r->from, from);
    if (r->to != HW_NO_DATE)
        hw_format_date(r->to, to);
    if (r->from != HW_NO_DATE && r->to != HW_NO_DATE)
        snprintf(buf, size, " from %s to %s", from, to);
    else if (r->from != HW_NO_DATE)
        snprintf(buf, size, " from %s", from);
    else if (r->to != HW_NO_DATE)
        snprintf(buf, size, " up to %s", to);
    else
        snprintf(buf, size, "%s", "");
}

static json_t *date_json(hw_date d)
{
    char buf[HW_DATE_LEN];
    if (d == HW_NO_DATE)
        return json_null();
    hw_format_date(d, buf);
    return json_string(buf);
}

/* "Amy Smith", "Amy", or "" (the caller owns the result). */
static char *full_name(const char *first, const char *last)
{
    return hw_asprintf("%s%s%s", first ? first : "", first && last ? " " : "", last ? last : "");
}

/* What text shows for a child: their name, or that they are not recorded. */
static char *shown_name(bool recorded, const char *first, const char *last)
{
    return recorded ? full_name(first, last) : hw_strdup("(not recorded)");
}

/* "Bus station (2); Gables (1)": places with their episode counts, the
 * first `most` of them, then how many more. */
static void places_text(const struct hw_found_place *p, size_t n, size_t most, struct hw_buf *out)
{
    hw_buf_reset(out);
    hw_buf_puts(out, "");
    for (size_t i = 0; i < n && i < most; i++)
        hw_buf_printf(out, "%s%s (%zu)", i ? "; " : "", p[i].location, p[i].episodes);
    if (n > most)
        hw_buf_printf(out, "; %zu more place%s", n - most, n - most == 1 ? "" : "s");
}

static json_t *places_json(const struct hw_found_place *p, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *o = json_object();
        json_object_set_new(o, "location", json_string(p[i].location));
        json_object_set_new(o, "episodes", json_integer((json_int_t)p[i].episodes));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *ids_json(char *const *ids, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_string(ids[i]));
    return arr;
}

static void out_json(struct hw_ctx *ctx, json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    fprintf(ctx->out, "%s\n", text);
    free(text);
    json_decref(root);
}

/* ---- child associates ---- */

static void render_associates(struct hw_ctx *ctx, const struct hw_associate_list *l,
                              const struct range *r, int fmt)
{
    struct hw_buf out = {0}, places = {0};
    char first[HW_DATE_LEN], last[HW_DATE_LEN], count[32], days[32], span[64];
    char *me = full_name(l->first_name, l->last_name);
    if (fmt == HW_FMT_JSON) {
        json_t *root = json_object(), *items = json_array();
        json_object_set_new(root, "child_id", json_string(l->child_id));
        json_object_set_new(root, "name", json_string(me));
        json_object_set_new(root, "from", date_json(r->from));
        json_object_set_new(root, "to", date_json(r->to));
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_associate *a = &l->items[i];
            json_t *o = json_object();
            char *name = full_name(a->first_name, a->last_name);
            json_object_set_new(o, "child_id", json_string(a->child_id));
            json_object_set_new(o, "recorded", json_boolean(a->recorded));
            json_object_set_new(o, "name", a->recorded ? json_string(name) : json_null());
            json_object_set_new(o, "episodes", json_integer((json_int_t)a->episodes));
            json_object_set_new(o, "days", json_integer((json_int_t)a->days));
            json_object_set_new(o, "episode_ids", ids_json(a->episode_ids, a->episodes));
            json_object_set_new(o, "first", date_json(a->first));
            json_object_set_new(o, "last", date_json(a->last));
            json_object_set_new(o, "found", places_json(a->places, a->nplaces));
            json_array_append_new(items, o);
            free(name);
        }
        json_object_set_new(root, "associates", items);
        out_json(ctx, root);
        free(me);
        return;
    }
    static const char *const text_header[] = {"child", "name", "episodes", "days",
                                              "first", "last", "found at"};
    static const char *const csv_header[] = {"child_id", "with_id",  "with_name",
                                             "recorded", "episodes", "days",
                                             "first",    "last",     "found_at"};
    struct hw_table t;
    if (fmt == HW_FMT_CSV)
        hw_table_init(&t, 9, csv_header);
    else
        hw_table_init(&t, 7, text_header);
    for (size_t i = 0; i < l->len; i++) {
        const struct hw_associate *a = &l->items[i];
        hw_format_date(a->first, first);
        hw_format_date(a->last, last);
        snprintf(count, sizeof count, "%zu", a->episodes);
        snprintf(days, sizeof days, "%zu", a->days);
        places_text(a->places, a->nplaces, SIZE_MAX, &places);
        if (fmt == HW_FMT_CSV) {
            char *name = full_name(a->first_name, a->last_name);
            const char *cells[] = {l->child_id, a->child_id, name,  a->recorded ? "y" : "n",
                                   count,       days,        first, last,
                                   places.data};
            hw_table_add(&t, cells);
            free(name);
        } else {
            char *name = shown_name(a->recorded, a->first_name, a->last_name);
            const char *cells[] = {a->child_id, name, count, days, first, last, places.data};
            hw_table_add(&t, cells);
            free(name);
        }
    }
    range_text(r, span, sizeof span);
    if (fmt == HW_FMT_CSV) {
        hw_table_csv(&t, &out);
    } else if (l->len == 0) {
        hw_buf_printf(&out, "%s%s%s went missing with no other child (episodes last seen%s).\n",
                      l->child_id, *me ? " " : "", me, *span ? span : ": any date");
    } else {
        hw_buf_printf(&out, "%s%s%s went missing with %zu %s (episodes last seen%s)\n\n",
                      l->child_id, *me ? " " : "", me, l->len, l->len == 1 ? "child" : "children",
                      *span ? span : ": any date");
        hw_table_text(&t, &out);
    }
    hw_table_free(&t);
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_buf_free(&places);
    free(me);
}

static int cmd_associates(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                          struct hw_err *err)
{
    (void)cmd;
    int fmt;
    struct range r;
    struct hw_associate_list l;
    if (hw_arg_format(a, &fmt, err) < 0 || range_args(a, false, &r, err) < 0 ||
        hw_ctx_store(ctx, err) < 0 ||
        hw_associates(ctx->store, a->pos[0], range_start(&r), range_end(&r), &l, err) < 0)
        return -1;
    render_associates(ctx, &l, &r, fmt);
    hw_associate_list_free(&l);
    return 0;
}

/* ---- groups ---- */

static void render_groups(struct hw_ctx *ctx, const struct hw_group_list *l, const struct range *r,
                          int fmt)
{
    struct hw_buf out = {0}, places = {0};
    char first[HW_DATE_LEN], last[HW_DATE_LEN], num[32], size[32], count[32], days[32];
    char span[64];
    if (fmt == HW_FMT_JSON) {
        json_t *root = json_object(), *items = json_array();
        json_object_set_new(root, "from", date_json(r->from));
        json_object_set_new(root, "to", date_json(r->to));
        for (size_t i = 0; i < l->len; i++) {
            const struct hw_group *g = &l->items[i];
            json_t *o = json_object(), *members = json_array();
            json_object_set_new(o, "group", json_integer((json_int_t)i + 1));
            json_object_set_new(o, "children", json_integer((json_int_t)g->nmembers));
            json_object_set_new(o, "episodes", json_integer((json_int_t)g->episodes));
            json_object_set_new(o, "days", json_integer((json_int_t)g->days));
            json_object_set_new(o, "first", date_json(g->first));
            json_object_set_new(o, "last", date_json(g->last));
            for (size_t m = 0; m < g->nmembers; m++) {
                const struct hw_group_member *mb = &g->members[m];
                json_t *mo = json_object();
                char *name = full_name(mb->first_name, mb->last_name);
                json_object_set_new(mo, "child_id", json_string(mb->child_id));
                json_object_set_new(mo, "recorded", json_boolean(mb->recorded));
                json_object_set_new(mo, "name", mb->recorded ? json_string(name) : json_null());
                json_object_set_new(mo, "episodes", json_integer((json_int_t)mb->episodes));
                json_array_append_new(members, mo);
                free(name);
            }
            json_object_set_new(o, "members", members);
            json_object_set_new(o, "episode_ids", ids_json(g->episode_ids, g->episodes));
            json_object_set_new(o, "found", places_json(g->places, g->nplaces));
            json_array_append_new(items, o);
        }
        json_object_set_new(root, "groups", items);
        out_json(ctx, root);
        return;
    }
    range_text(r, span, sizeof span);
    if (fmt == HW_FMT_TEXT)
        hw_buf_printf(&out, "Groups of children missing together (episodes last seen%s)\n", span);
    static const char *const csv_header[] = {"group",    "children",       "episodes", "days",
                                             "first",    "last",           "child_id", "name",
                                             "recorded", "child_episodes", "found_at"};
    static const char *const text_header[] = {"child", "name", "episodes"};
    struct hw_table csv = {0};
    size_t children = 0;
    if (fmt == HW_FMT_CSV)
        hw_table_init(&csv, 11, csv_header);
    for (size_t i = 0; i < l->len; i++) {
        const struct hw_group *g = &l->items[i];
        hw_format_date(g->first, first);
        hw_format_date(g->last, last);
        snprintf(num, sizeof num, "%zu", i + 1);
        snprintf(size, sizeof size, "%zu", g->nmembers);
        snprintf(count, sizeof count, "%zu", g->episodes);
        snprintf(days, sizeof days, "%zu", g->days);
        places_text(g->places, g->nplaces, fmt == HW_FMT_TEXT ? TEXT_PLACES : SIZE_MAX, &places);
        children += g->nmembers;
        struct hw_table t = {0};
        if (fmt == HW_FMT_TEXT) {
            hw_buf_printf(&out, "\nGroup %zu: %zu children, %zu episode%s on %zu day%s, %s to %s\n",
                          i + 1, g->nmembers, g->episodes, g->episodes == 1 ? "" : "s", g->days,
                          g->days == 1 ? "" : "s", first, last);
            hw_buf_printf(&out, "Found at: %s\n\n", g->nplaces ? places.data : "not recorded");
            hw_table_init(&t, 3, text_header);
        }
        for (size_t m = 0; m < g->nmembers; m++) {
            const struct hw_group_member *mb = &g->members[m];
            char mine[32];
            snprintf(mine, sizeof mine, "%zu", mb->episodes);
            if (fmt == HW_FMT_CSV) {
                char *name = full_name(mb->first_name, mb->last_name);
                const char *cells[] = {num,          size,       count,
                                       days,         first,      last,
                                       mb->child_id, name,       mb->recorded ? "y" : "n",
                                       mine,         places.data};
                hw_table_add(&csv, cells);
                free(name);
            } else {
                char *name = shown_name(mb->recorded, mb->first_name, mb->last_name);
                const char *cells[] = {mb->child_id, name, mine};
                hw_table_add(&t, cells);
                free(name);
            }
        }
        if (fmt == HW_FMT_TEXT) {
            hw_table_text(&t, &out);
            hw_table_free(&t);
        }
    }
    if (fmt == HW_FMT_CSV) {
        hw_table_csv(&csv, &out);
        hw_table_free(&csv);
    } else if (l->len == 0) {
        hw_buf_puts(&out, "\nNo children went missing together.\n");
    } else {
        hw_buf_printf(&out, "\n(%zu group%s, %zu children)\n", l->len, l->len == 1 ? "" : "s",
                      children);
    }
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_buf_free(&places);
}

static int cmd_groups(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    int fmt;
    struct range r;
    struct hw_group_list l;
    if (hw_arg_format(a, &fmt, err) < 0 || range_args(a, true, &r, err) < 0 ||
        hw_ctx_store(ctx, err) < 0 ||
        hw_groups(ctx->store, range_start(&r), range_end(&r), &l, err) < 0)
        return -1;
    render_groups(ctx, &l, &r, fmt);
    hw_group_list_free(&l);
    return 0;
}

static const struct hw_opt associates_opts[] = {
    {"from", "DATE", "only episodes last seen on or after this local date"},
    {"to", "DATE", "only episodes last seen on or before this local date"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt groups_opts[] = {
    {"from", "DATE", "first local date of last seen (required)"},
    {"to", "DATE", "last local date of last seen, included (required)"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_groups_cmds[] = {
    {.noun = "child",
     .verb = "associates",
     .usage = "ID [--from DATE] [--to DATE] [--format text|csv|json]",
     .summary = "the children this child went missing with, how often, and where they were found",
     .opts = associates_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_associates,
     .rectype = -1},
    {.noun = "groups",
     .usage = "--from DATE --to DATE [--format text|csv|json]",
     .summary = "groups of children linked by going missing together",
     .opts = groups_opts,
     .fn = cmd_groups,
     .rectype = -1},
    {.noun = NULL},
};
