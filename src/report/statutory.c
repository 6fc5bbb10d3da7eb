/* statutory.c - Annex A list 8's missing columns and the SSD's ssd_missing
 * table, built from the store and rendered (docs/statutory.md). */
#include "report/statutory.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <xlsxwriter.h>

#include "core/domain.h"
#include "core/records.h"
#include "core/strmap.h"
#include "report/xlsx.h"

#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- what the interviews covering an episode say ---- */

struct rhi {
    bool offered;      /* offered recorded, or completed or declined (the monthly profile's rule) */
    bool completed;    /* outcome completed */
    bool refused;      /* declined, or the child unavailable / missing again */
    bool not_required; /* the decision or the outcome: not required */
};

static void rhi_add(struct rhi *r, const struct hw_interview *iv)
{
    r->offered |= iv->offered != HW_NO_TIME || iv->outcome == HW_OUT_COMPLETED ||
                  iv->outcome == HW_OUT_DECLINED;
    r->completed |= iv->outcome == HW_OUT_COMPLETED;
    r->refused |= iv->outcome == HW_OUT_DECLINED || iv->outcome == HW_OUT_UNAVAILABLE;
    r->not_required |= iv->decision == HW_DEC_NOT_REQUIRED || iv->outcome == HW_OUT_NOT_REQUIRED;
}

/* Calls add(ctx, index, interview) for each episode of each interview that
 * the map knows (episode ID -> index). */
struct rhi_pass {
    const struct hw_strmap *episodes;
    void (*add)(void *ctx, size_t index, const struct hw_interview *iv);
    void *ctx;
};

static int rhi_interview(void *ctx, const void *rec)
{
    const struct rhi_pass *p = ctx;
    const struct hw_interview *iv = rec;
    const char *cursor = iv->episode_ids, *item;
    size_t len, index;
    char id[HW_ID_MAX + 1];
    while (cursor && (len = hw_list_next(&cursor, &item)) > 0) {
        if (len > HW_ID_MAX)
            continue; /* not an ID the store holds */
        memcpy(id, item, len);
        id[len] = '\0';
        if (hw_strmap_get(p->episodes, id, &index))
            p->add(p->ctx, index, iv);
    }
    return 0;
}

static int rhi_load(struct hw_store *s, const struct hw_strmap *episodes,
                    void (*add)(void *ctx, size_t index, const struct hw_interview *iv), void *ctx,
                    struct hw_err *err)
{
    struct rhi_pass p = {episodes, add, ctx};
    struct hw_filter f = {.fields =
                              hw_field_mask(hw_interview_fields, "interview_id", "episode_ids",
                                            "decision", "offered", "outcome", NULL)};
    if (episodes->len == 0)
        return 0;
    return hw_store_list(s, HW_REC_INTERVIEW, &f, rhi_interview, &p, err);
}

static void date_cell(hw_date d, char buf[HW_DATE_LEN])
{
    buf[0] = '\0';
    if (d != HW_NO_DATE)
        hw_format_date(d, buf);
}

static void time_cell(hw_instant t, char buf[HW_LOCAL_LEN])
{
    buf[0] = '\0';
    if (t != HW_NO_TIME)
        hw_format_local(t, buf);
}

/* ---- Annex A, list 8: children in care ---- */

/* liia-tools, liiatools/spec/annex_a/la-agg.yml (sort_order, List 8) and
 * annex-a-merge.yml: the identifying columns first, then the missing ones. */
static const char *const annex_a_titles[] = {
    "Child Unique ID",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
};
static const enum hw_stat_kind annex_a_kinds[NCOLS(annex_a_titles)] = {
    HW_STAT_TEXT,   HW_STAT_TEXT,   HW_STAT_TEXT, HW_STAT_DATE, HW_STAT_NUMBER,
    HW_STAT_NUMBER, HW_STAT_NUMBER, HW_STAT_TEXT, HW_STAT_TEXT,
};

struct aa_child {
    char *id, *gender, *ethnicity;
    hw_date dob;
    int missing, absent;
    char *last_missing; /* the latest counted missing episode; NULL: none */
    hw_instant last_seen;
    struct rhi rhi;
};

struct aa {
    struct aa_child *c;
    size_t n;
    struct hw_strmap by_id;
};

hw_date hw_annex_a_first_day(hw_date at)
{
    int y, m, d;
    hw_date_to_ymd(at, &y, &m, &d);
    int days = hw_days_in_month(y - 1, m);
    return hw_date_from_ymd(y - 1, m, d > days ? days : d) + 1;
}

/* Whole years from dob to at (a 29 February birthday is reached on
 * 1 March in other years); -1 when either is unknown or dob is after at. */
static int age_at(hw_date dob, hw_date at)
{
    int by, bm, bd, y, m, d;
    if (dob == HW_NO_DATE || dob > at)
        return -1;
    hw_date_to_ymd(dob, &by, &bm, &bd);
    hw_date_to_ymd(at, &y, &m, &d);
    return y - by - (m < bm || (m == bm && d < bd));
}

static int aa_child_cb(void *ctx, const void *rec)
{
    struct aa *a = ctx;
    const struct hw_child *c = rec;
    if (c->case_status != HW_CS_CLA || c->responsible_authority != NULL)
        return 0;
    a->c = hw_reallocarray(a->c, a->n + 1, sizeof *a->c);
    a->c[a->n] = (struct aa_child){.id = hw_strdup(c->id),
                                   .gender = hw_strdup(c->gender),
                                   .ethnicity = hw_strdup(c->ethnicity),
                                   .dob = c->dob,
                                   .last_seen = HW_NO_TIME};
    hw_strmap_put(&a->by_id, c->id, a->n);
    a->n++;
    return 0;
}

static int aa_episode_cb(void *ctx, const void *rec)
{
    struct aa *a = ctx;
    const struct hw_episode *e = rec;
    size_t i;
    /* Annex A counts episodes "from their Placement": those of the child's
     * time in care, as far as the episode says (an unrecorded status counts). */
    if (!hw_strmap_get(&a->by_id, e->child_id, &i) ||
        (e->case_status != HW_CS_UNSET && e->case_status != HW_CS_CLA))
        return 0;
    struct aa_child *c = &a->c[i];
    if (e->kind == HW_KIND_ABSENT) {
        c->absent++;
    } else if (e->kind == HW_KIND_MISSING) {
        c->missing++;
        if (c->last_missing == NULL || e->last_seen > c->last_seen ||
            (e->last_seen == c->last_seen && strcmp(e->id, c->last_missing) > 0)) {
            free(c->last_missing);
            c->last_missing = hw_strdup(e->id);
            c->last_seen = e->last_seen;
        }
    }
    return 0;
}

static void aa_rhi(void *ctx, size_t index, const struct hw_interview *iv)
{
    struct aa *a = ctx;
    rhi_add(&a->c[index].rhi, iv);
}

static void aa_free(struct aa *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->c[i].id);
        free(a->c[i].gender);
        free(a->c[i].ethnicity);
        free(a->c[i].last_missing);
    }
    free(a->c);
    hw_strmap_free(&a->by_id);
}

static void aa_table(const struct aa *a, hw_date at, struct hw_table *t)
{
    hw_table_init(t, NCOLS(annex_a_titles), annex_a_titles);
    for (size_t i = 0; i < a->n; i++) {
        const struct aa_child *c = &a->c[i];
        char dob[HW_DATE_LEN], age[16] = "", missing[16], absent[16];
        int years = age_at(c->dob, at);
        date_cell(c->dob, dob);
        if (years >= 0)
            snprintf(age, sizeof age, "%d", years);
        snprintf(missing, sizeof missing, "%d", c->missing);
        snprintf(absent, sizeof absent, "%d", c->absent);
        bool any = c->last_missing != NULL; /* no missing episode: both left empty */
        const char *row[] = {
            c->id,
            c->gender,
            c->ethnicity,
            dob,
            age,
            missing,
            absent,
            !any             ? ""
            : c->rhi.offered ? "Y"
                             : "N",
            !any               ? ""
            : c->rhi.completed ? "Y"
                               : "N",
        };
        hw_table_add(t, row);
    }
}

static void statutory_init(struct hw_statutory *x)
{
    memset(x, 0, sizeof *x);
    x->at = x->first = x->last = HW_NO_DATE;
}

int hw_annex_a_missing_build(struct hw_store *s, hw_date at, struct hw_statutory *out,
                             struct hw_err *err)
{
    struct aa a = {0};
    struct hw_strmap episodes = {0};
    int rc = -1;
    statutory_init(out);
    hw_date first = hw_annex_a_first_day(at);
    struct hw_filter cf = {.fields = hw_field_mask(hw_child_fields, "child_id", "date_of_birth",
                                                   "gender", "ethnicity", "responsible_authority",
                                                   "case_status", NULL)};
    struct hw_filter ef = {.from = hw_london_day_start(first),
                           .to = hw_london_day_start(at + 1),
                           .fields = hw_field_mask(hw_episode_fields, "episode_id", "child_id",
                                                   "kind", "last_seen", "case_status", NULL)};
    if (hw_store_list(s, HW_REC_CHILD, &cf, aa_child_cb, &a, err) < 0)
        goto done;
    if (a.n > 0 && hw_store_list(s, HW_REC_EPISODE, &ef, aa_episode_cb, &a, err) < 0)
        goto done;
    for (size_t i = 0; i < a.n; i++)
        if (a.c[i].last_missing)
            hw_strmap_put(&episodes, a.c[i].last_missing, i);
    if (rhi_load(s, &episodes, aa_rhi, &a, err) < 0)
        goto done;
    char from_s[HW_DATE_LEN], at_s[HW_DATE_LEN];
    hw_format_date(first, from_s);
    hw_format_date(at, at_s);
    out->name = "annex-a-missing";
    out->sheet = "List 8";
    out->title = hw_asprintf("Annex A list 8, children in care: missing and absent episodes "
                             "%s to %s, as at %s",
                             from_s, at_s, at_s);
    out->kinds = annex_a_kinds;
    out->at = at;
    out->first = first;
    out->last = at;
    aa_table(&a, at, &out->table);
    rc = 0;
done:
    hw_strmap_free(&episodes);
    aa_free(&a);
    return rc;
}

/* ---- the standard safeguarding dataset: ssd_missing ---- */

/* data-to-insight/ssd-data-model, data/objects/ssd_missing.yml. */
static const char *const ssd_titles[] = {
    "miss_table_id",
    "miss_person_id",
    "miss_missing_episode_start_date",
    "miss_missing_episode_type",
    "miss_missing_episode_end_date",
    "miss_missing_rhi_offered",
    "miss_missing_rhi_accepted",
};
static const enum hw_stat_kind ssd_kinds[NCOLS(ssd_titles)] = {
    HW_STAT_TEXT,     HW_STAT_TEXT, HW_STAT_DATETIME, HW_STAT_TEXT,
    HW_STAT_DATETIME, HW_STAT_TEXT, HW_STAT_TEXT,
};

struct ssd_row {
    char *id, *child_id;
    int kind;
    hw_instant last_seen, returned;
    struct rhi rhi;
};

struct ssd {
    struct hw_strmap ola; /* children placed here by other councils */
    struct ssd_row *r;
    size_t n;
    struct hw_strmap by_id; /* episode ID -> row */
};

static int ssd_child_cb(void *ctx, const void *rec)
{
    struct ssd *d = ctx;
    const struct hw_child *c = rec;
    if (c->responsible_authority != NULL)
        hw_strmap_put(&d->ola, c->id, 0);
    return 0;
}

static int ssd_episode_cb(void *ctx, const void *rec)
{
    struct ssd *d = ctx;
    const struct hw_episode *e = rec;
    size_t unused;
    if (hw_strmap_get(&d->ola, e->child_id, &unused))
        return 0;
    d->r = hw_reallocarray(d->r, d->n + 1, sizeof *d->r);
    d->r[d->n] = (struct ssd_row){.id = hw_strdup(e->id),
                                  .child_id = hw_strdup(e->child_id),
                                  .kind = e->kind,
                                  .last_seen = e->last_seen,
                                  .returned = e->returned};
    hw_strmap_put(&d->by_id, e->id, d->n);
    d->n++;
    return 0;
}

static void ssd_rhi(void *ctx, size_t index, const struct hw_interview *iv)
{
    struct ssd *d = ctx;
    rhi_add(&d->r[index].rhi, iv);
}

static void ssd_free(struct ssd *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->r[i].id);
        free(d->r[i].child_id);
    }
    free(d->r);
    hw_strmap_free(&d->ola);
    hw_strmap_free(&d->by_id);
}

/* MISS006A and MISS007A take Y, N, NA or NULL (empty). Offered: Y as the
 * monthly profile counts an offer; else NA when an interview was recorded
 * as not required; else empty while the child is still missing (not yet
 * known); else N. Accepted: after an offer, Y when completed, N when
 * declined, unavailable or not required, empty while the outcome is not
 * yet known; with no offer, NA (nothing to accept), or empty while still
 * missing. */
static void ssd_rhi_cells(const struct ssd_row *r, const char **offered, const char **accepted)
{
    const struct rhi *h = &r->rhi;
    if (h->offered) {
        *offered = "Y";
        *accepted = h->completed ? "Y" : h->refused || h->not_required ? "N" : "";
    } else if (h->not_required) {
        *offered = *accepted = "NA";
    } else if (r->returned == HW_NO_TIME) {
        *offered = *accepted = "";
    } else {
        *offered = "N";
        *accepted = "NA";
    }
}

static void ssd_table(const struct ssd *d, struct hw_table *t)
{
    hw_table_init(t, NCOLS(ssd_titles), ssd_titles);
    for (size_t i = 0; i < d->n; i++) {
        const struct ssd_row *r = &d->r[i];
        char start[HW_LOCAL_LEN], end[HW_LOCAL_LEN];
        const char *offered, *accepted;
        time_cell(r->last_seen, start);
        time_cell(r->returned, end);
        ssd_rhi_cells(r, &offered, &accepted);
        const char *row[] = {
            r->id,
            r->child_id,
            start,
            r->kind == HW_KIND_ABSENT ? "Away" : r->kind == HW_KIND_MISSING ? "Missing" : "",
            end,
            offered,
            accepted,
        };
        hw_table_add(t, row);
    }
}

int hw_ssd_missing_build(struct hw_store *s, hw_date first, hw_date last, struct hw_statutory *out,
                         struct hw_err *err)
{
    struct ssd d = {0};
    int rc = -1;
    statutory_init(out);
    struct hw_filter cf = {
        .fields = hw_field_mask(hw_child_fields, "child_id", "responsible_authority", NULL)};
    struct hw_filter ef = {.from = first == HW_NO_DATE ? 0 : hw_london_day_start(first),
                           .to = last == HW_NO_DATE ? 0 : hw_london_day_start(last + 1),
                           .fields = hw_field_mask(hw_episode_fields, "episode_id", "child_id",
                                                   "kind", "last_seen", "returned", NULL)};
    if (hw_store_list(s, HW_REC_CHILD, &cf, ssd_child_cb, &d, err) < 0 ||
        hw_store_list(s, HW_REC_EPISODE, &ef, ssd_episode_cb, &d, err) < 0 ||
        rhi_load(s, &d.by_id, ssd_rhi, &d, err) < 0)
        goto done;
    char a[HW_DATE_LEN], b[HW_DATE_LEN];
    date_cell(first, a);
    date_cell(last, b);
    out->name = "ssd-missing";
    out->sheet = "ssd_missing";
    out->title = first != HW_NO_DATE && last != HW_NO_DATE
                     ? hw_asprintf("ssd_missing: episodes last seen %s to %s", a, b)
                 : first != HW_NO_DATE ? hw_asprintf("ssd_missing: episodes last seen from %s", a)
                 : last != HW_NO_DATE  ? hw_asprintf("ssd_missing: episodes last seen to %s", b)
                                       : hw_strdup("ssd_missing: every episode");
    out->kinds = ssd_kinds;
    out->first = first;
    out->last = last;
    ssd_table(&d, &out->table);
    rc = 0;
done:
    ssd_free(&d);
    return rc;
}

/* ---- rendering ---- */

/* A whole number as the builders write one: -?[0-9]+. */
static bool parse_count(const char *s, long long *v)
{
    const char *p = s + (*s == '-');
    if (!isdigit((unsigned char)*p))
        return false;
    for (; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return *end == '\0' && errno == 0;
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (a wall time: Excel keeps no zone). */
static bool parse_wall(const char *s, bool with_time, lxw_datetime *dt)
{
    int n = -1;
    *dt = (lxw_datetime){0};
    if (with_time)
        sscanf(s, "%4d-%2d-%2d %2d:%2d%n", &dt->year, &dt->month, &dt->day, &dt->hour, &dt->min,
               &n);
    else
        sscanf(s, "%4d-%2d-%2d%n", &dt->year, &dt->month, &dt->day, &n);
    return n == (int)strlen(s) && n == (with_time ? 16 : 10) &&
           hw_ymd_valid(dt->year, dt->month, dt->day) && dt->year >= 1900 && dt->year <= 9999 &&
           dt->hour >= 0 && dt->hour < 24 && dt->min >= 0 && dt->min < 60;
}

static void render_json(const struct hw_statutory *x, struct hw_buf *out)
{
    const struct hw_table *t = &x->table;
    char buf[HW_DATE_LEN];
    json_t *root = json_object(), *columns = json_array(), *rows = json_array();
    json_object_set_new(root, "export", json_string(x->name));
    if (x->at != HW_NO_DATE) {
        hw_format_date(x->at, buf);
        json_object_set_new(root, "at", json_string(buf));
    }
    date_cell(x->first, buf);
    json_object_set_new(root, "from", x->first == HW_NO_DATE ? json_null() : json_string(buf));
    date_cell(x->last, buf);
    json_object_set_new(root, "to", x->last == HW_NO_DATE ? json_null() : json_string(buf));
    for (size_t c = 0; c < t->ncols; c++)
        json_array_append_new(columns, json_string(t->cells[c]));
    for (size_t r = 1; r < t->nrows; r++) {
        json_t *o = json_object();
        for (size_t c = 0; c < t->ncols; c++) {
            const char *s = t->cells[r * t->ncols + c];
            long long v;
            json_t *j = *s == '\0'                                            ? json_null()
                        : x->kinds[c] == HW_STAT_NUMBER && parse_count(s, &v) ? json_integer(v)
                                                                              : json_string(s);
            json_object_set_new(o, t->cells[c], j);
        }
        json_array_append_new(rows, o);
    }
    json_object_set_new(root, "columns", columns);
    json_object_set_new(root, "rows", rows);
    char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    hw_buf_puts(out, text);
    hw_buf_putc(out, '\n');
    free(text);
    json_decref(root);
}

/* Column widths in characters: room for the widest cell, within reason. */
#define MIN_WIDTH 10
#define MAX_WIDTH 40

static int lxw_failed(struct hw_err *err, lxw_error e, const char *what)
{
    return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: %s: %s", what,
                   lxw_strerror(e));
}

static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int build_sheet(lxw_workbook *wb, void *ctx, struct hw_err *err)
{
    const struct hw_statutory *x = ctx;
    const struct hw_table *t = &x->table;
    lxw_format *header = workbook_add_format(wb), *date = workbook_add_format(wb);
    lxw_format *datetime = workbook_add_format(wb);
    if (header == NULL || date == NULL || datetime == NULL)
        return lxw_failed(err, LXW_ERROR_MEMORY_MALLOC_FAILED, "a format");
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_num_format(date, "dd/mm/yyyy");
    format_set_num_format(datetime, "dd/mm/yyyy hh:mm");
    if (t->ncols == 0 || t->ncols > LXW_COL_MAX || t->nrows > LXW_ROW_MAX)
        return hw_fail(err, HW_EINTERNAL,
                       "cannot write the spreadsheet: the export is larger than a sheet (%d rows)",
                       LXW_ROW_MAX);
    lxw_worksheet *ws = workbook_add_worksheet(wb, x->sheet);
    if (ws == NULL)
        return lxw_failed(err, LXW_ERROR_MEMORY_MALLOC_FAILED, "the sheet");
    lxw_error e;
    for (size_t c = 0; c < t->ncols; c++) {
        lxw_col_t col = (lxw_col_t)c;
        size_t w = MIN_WIDTH;
        for (size_t r = 0; r < t->nrows; r++)
            if (width(t->cells[r * t->ncols + c]) + 2 > w)
                w = width(t->cells[r * t->ncols + c]) + 2;
        if ((e = worksheet_set_column(ws, col, col, (double)(w > MAX_WIDTH ? MAX_WIDTH : w),
                                      NULL)) != 0)
            return lxw_failed(err, e, "a column");
        if ((e = worksheet_write_string(ws, 0, col, t->cells[c], header)) != 0)
            return lxw_failed(err, e, "the header");
        for (size_t r = 1; r < t->nrows; r++) {
            const char *s = t->cells[r * t->ncols + c];
            lxw_row_t row = (lxw_row_t)r;
            long long v;
            lxw_datetime dt;
            enum hw_stat_kind k = x->kinds[c];
            if (*s == '\0')
                continue; /* left blank */
            if (k == HW_STAT_NUMBER && parse_count(s, &v))
                e = worksheet_write_number(ws, row, col, (double)v, NULL);
            else if ((k == HW_STAT_DATE || k == HW_STAT_DATETIME) &&
                     parse_wall(s, k == HW_STAT_DATETIME, &dt))
                e = worksheet_write_datetime(ws, row, col, &dt,
                                             k == HW_STAT_DATE ? date : datetime);
            else
                e = worksheet_write_string(ws, row, col, s, NULL);
            if (e)
                return lxw_failed(err, e, "a cell");
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    return 0;
}

int hw_statutory_write(const struct hw_statutory *x, enum hw_format fmt, struct hw_buf *out,
                       struct hw_err *err)
{
    switch (fmt) {
    case HW_FMT_TEXT:
        hw_buf_printf(out, "%s\n\n", x->title ? x->title : x->name);
        hw_table_text(&x->table, out);
        return 0;
    case HW_FMT_CSV:
        hw_table_csv(&x->table, out);
        return 0;
    case HW_FMT_JSON:
        render_json(x, out);
        return 0;
    case HW_FMT_XLSX:
        return hw_xlsx_build(build_sheet, (void *)x, out, err);
    case HW_FMT_HTML:
        break;
    }
    return hw_fail(err, HW_EINPUT, "%s is made as text, csv, json or xlsx, not as %s", x->name,
                   hw_format_extension(fmt));
}

void hw_statutory_free(struct hw_statutory *x)
{
    hw_table_free(&x->table);
    free(x->title);
    x->title = NULL;
}
