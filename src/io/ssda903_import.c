/* ssda903_import.c - an SSDA903 return's tables into Homeward. */
#include "io/ssda903_import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/check.h"
#include "core/domain.h"
#include "core/records.h"
#include "core/ssda903.h"
#include "core/strmap.h"
#include "io/csv_read.h"

#define MAX_COLS 13

static const char *const header_cols[] = {"CHILD", "SEX", "DOB", "ETHNIC", NULL};
static const char *const episode_cols[] = {
    "CHILD",     "DECOM",          "RNE", "LS",  "CIN",
    "PLACE",     "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
    "HOME_POST", "PL_POST",        "URN", NULL};
static const char *const missing_cols[] = {"CHILD", "MISSING", "MIS_START", "MIS_END", NULL};

/* One table as read: the named columns of each row, copied. */
struct trow {
    size_t line;
    char *f[MAX_COLS];
};

struct table {
    const char *path;
    const char *const *cols;
    size_t ncols;
    int idx[MAX_COLS];
    size_t width; /* fields in the header */
    bool have_header;
    struct trow *rows;
    size_t n, cap;
    struct hw_903_import_result *res;
};

static void row_error(struct hw_903_import_result *res, const char *path, size_t line,
                      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void row_error(struct hw_903_import_result *res, const char *path, size_t line,
                      const char *fmt, ...)
{
    if (res->n_errors++ >= 1000)
        return;
    hw_buf_printf(&res->errors, "%s:%zu: ", path, line);
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&res->errors, fmt, ap);
    va_end(ap);
    hw_buf_putc(&res->errors, '\n');
}

static bool name_is(const char *field, const char *name)
{
    while (isspace((unsigned char)*field))
        field++;
    size_t n = strlen(name);
    if (strncasecmp(field, name, n) != 0)
        return false;
    for (field += n; *field; field++)
        if (!isspace((unsigned char)*field))
            return false;
    return true;
}

static int on_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct table *t = ctx;
    if (!t->have_header) {
        t->have_header = true;
        t->width = row->nfields;
        for (size_t c = 0; c < t->ncols; c++) {
            t->idx[c] = -1;
            for (size_t i = 0; i < row->nfields; i++)
                if (name_is(row->fields[i], t->cols[c]) && t->idx[c] < 0)
                    t->idx[c] = (int)i;
            if (t->idx[c] < 0)
                return hw_fail(err, HW_EINPUT, "%s: no column %s", t->path, t->cols[c]);
        }
        return 0;
    }
    if (row->nfields != t->width) {
        row_error(t->res, t->path, row->line, "%zu fields where the header has %zu", row->nfields,
                  t->width);
        return 0;
    }
    if (row->bad_utf8 || row->nul_byte) {
        row_error(t->res, t->path, row->line, "column %s: %s", t->cols[0],
                  row->bad_utf8 ? "text is not UTF-8" : "a NUL byte");
        return 0;
    }
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->rows = hw_reallocarray(t->rows, t->cap, sizeof *t->rows);
    }
    struct trow *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    r->line = row->line;
    for (size_t c = 0; c < t->ncols; c++)
        r->f[c] = hw_strdup(row->fields[t->idx[c]]);
    return 0;
}

static int read_table(const char *path, const char *const *cols, struct table *t,
                      struct hw_903_import_result *res, struct hw_err *err)
{
    t->path = path;
    t->cols = cols;
    t->res = res;
    while (cols[t->ncols])
        t->ncols++;
    if (hw_csv_read_file(path, on_row, t, err) < 0)
        return -1;
    if (!t->have_header)
        return hw_fail(err, HW_EINPUT, "%s: the file is empty (no header)", path);
    return 0;
}

static void table_free(struct table *t)
{
    for (size_t i = 0; i < t->n; i++)
        for (size_t c = 0; c < t->ncols; c++)
            free(t->rows[i].f[c]);
    free(t->rows);
}

/* A 903 date: blank (HW_NO_DATE, 0) or dd/mm/yyyy (1); -1 when invalid. */
/* Reads a 903 date of column col into *out (HW_NO_DATE when blank),
 * reporting a date that is not one, one outside the years Homeward holds,
 * or a blank where one is required. Returns false when reported. */
static bool date_903(struct hw_903_data *scratch, const char *s, hw_date *out, bool required,
                     const char *col, struct hw_903_import_result *res, const char *path,
                     size_t line)
{
    struct hw_903_date d = hw_903_date_parse(scratch, s);
    *out = HW_NO_DATE;
    if (d.state == HW_903_BLANK && !required)
        return true;
    if (d.state != HW_903_VALID) {
        row_error(res, path, line, "column %s: '%s' is not a date (dd/mm/yyyy)", col, s);
        return false;
    }
    int y, m, day;
    hw_date_to_ymd(d.date, &y, &m, &day);
    if (y < HW_YEAR_MIN || y > HW_YEAR_MAX) {
        row_error(res, path, line, "column %s: '%s' is outside the years Homeward holds (%d to %d)",
                  col, s, HW_YEAR_MIN, HW_YEAR_MAX);
        return false;
    }
    *out = d.date;
    return true;
}

/* Checks a child ID as Homeward's own IDs are checked. */
static bool id_ok(const char *table, const char *id, struct hw_903_import_result *res,
                  const char *path, size_t line)
{
    struct hw_child c;
    struct hw_err e = {0};
    hw_record_init(hw_child_fields, &c);
    int rc = *id ? hw_field_set(&hw_child_fields[0], &c, id, &e) : -1;
    hw_record_clear(hw_child_fields, &c);
    if (rc < 0)
        row_error(res, path, line, "column CHILD: '%s' is not a child ID%s%s (%s table)", id,
                  *id ? ": " : "", *id ? e.msg : "", table);
    return rc == 0;
}

struct ep {
    size_t row; /* of the Episodes table */
    hw_date decom, dec;
};

static int ep_cmp(const void *pa, const void *pb)
{
    const struct ep *a = pa, *b = pb;
    if (a->decom != b->decom)
        return a->decom < b->decom ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

static const char *opt(const char *s)
{
    return s && *s ? s : NULL;
}

/* The child: added when new, else its missing DOB, gender and ethnicity
 * filled; returns 0, or -1 on a storage fault. */
static int put_child(struct hw_store *s, const struct trow *r, hw_date dob,
                     const struct hw_actor *who, struct hw_903_import_result *res, const char *path,
                     struct hw_err *err)
{
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    int rc = -1, found = hw_store_get(s, HW_REC_CHILD, r->f[0], &c, err);
    const char *sex = strcmp(r->f[1], "1") == 0   ? "male"
                      : strcmp(r->f[1], "2") == 0 ? "female"
                                                  : NULL;
    if (found < 0)
        goto done;
    if (found == 0) {
        c.id = hw_strdup(r->f[0]);
        c.case_status = HW_CS_CLA;
    }
    if (c.dob == HW_NO_DATE)
        c.dob = dob;
    if (c.gender == NULL && sex)
        c.gender = hw_strdup(sex);
    if (c.ethnicity == NULL && opt(r->f[3]))
        c.ethnicity = hw_strdup(r->f[3]);
    struct hw_err why = {0};
    if (hw_check_child(s, &c, &why) < 0) {
        if (why.kind == HW_EINTERNAL) {
            *err = why;
            goto done;
        }
        row_error(res, path, r->line, "child %s: %s", r->f[0], why.msg);
        rc = 0;
        goto done;
    }
    int saved = hw_app_save(s, HW_REC_CHILD, &c, who, err);
    if (saved < 0)
        goto done;
    res->children_added += saved == HW_SAVE_NEW;
    res->children_filled += saved == HW_SAVE_CHANGED;
    res->children_same += saved == HW_SAVE_SAME;
    rc = 0;
done:
    hw_record_clear(hw_child_fields, &c);
    return rc;
}

static int import_all(struct hw_store *s, struct table *h, struct table *e, struct table *m,
                      const struct hw_actor *who, struct hw_903_import_result *res,
                      struct hw_err *err)
{
    struct hw_903_data scratch = {0};
    struct hw_strmap in_header = {0};
    struct ep *eps = NULL;
    int rc = -1;

    /* ---- Header: the children ---- */
    hw_date *dobs = hw_calloc(h->n ? h->n : 1, sizeof *dobs);
    for (size_t i = 0; i < h->n; i++) {
        const struct trow *r = &h->rows[i];
        size_t first;
        if (!id_ok("Header", r->f[0], res, h->path, r->line))
            continue;
        if (hw_strmap_get(&in_header, r->f[0], &first)) {
            row_error(res, h->path, r->line, "column CHILD: child %s is also on line %zu", r->f[0],
                      h->rows[first].line);
            continue;
        }
        hw_strmap_put(&in_header, r->f[0], i);
        date_903(&scratch, r->f[2], &dobs[i], false, "DOB", res, h->path, r->line);
        if (*r->f[1] && strcmp(r->f[1], "1") != 0 && strcmp(r->f[1], "2") != 0)
            row_error(res, h->path, r->line, "column SEX: '%s': expected 1, 2 or blank", r->f[1]);
    }
    if (res->n_errors == 0)
        for (size_t i = 0; i < h->n; i++)
            if (put_child(s, &h->rows[i], dobs[i], who, res, h->path, err) < 0)
                goto done;

    /* ---- Episodes: the periods of care ---- */
    eps = hw_calloc(e->n ? e->n : 1, sizeof *eps);
    size_t neps = 0;
    for (size_t i = 0; i < e->n; i++) {
        const struct trow *r = &e->rows[i];
        struct ep x = {.row = i};
        bool ok = id_ok("Episodes", r->f[0], res, e->path, r->line);
        if (ok && !hw_strmap_get(&in_header, r->f[0], &(size_t){0})) {
            row_error(res, e->path, r->line, "column CHILD: child %s is not in the Header table",
                      r->f[0]);
            ok = false;
        }
        ok &= date_903(&scratch, r->f[1], &x.decom, true, "DECOM", res, e->path, r->line);
        ok &= date_903(&scratch, r->f[7], &x.dec, false, "DEC", res, e->path, r->line);
        if (ok && x.dec != HW_NO_DATE && x.dec < x.decom) {
            row_error(res, e->path, r->line, "column DEC: %s is before DECOM %s", r->f[7], r->f[1]);
            ok = false;
        }
        if (ok)
            eps[neps++] = x;
    }

    /* ---- Missing: the episodes ---- */
    struct hw_strmap seq = {0};
    struct hw_episode *news = hw_calloc(m->n ? m->n : 1, sizeof *news);
    size_t nnews = 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct trow *r = &m->rows[i];
        hw_date start, end;
        bool ok = id_ok("Missing", r->f[0], res, m->path, r->line);
        if (ok && !hw_strmap_get(&in_header, r->f[0], &(size_t){0})) {
            row_error(res, m->path, r->line, "column CHILD: child %s is not in the Header table",
                      r->f[0]);
            ok = false;
        }
        int kind = strcasecmp(r->f[1], "M") == 0   ? HW_KIND_MISSING
                   : strcasecmp(r->f[1], "A") == 0 ? HW_KIND_ABSENT
                                                   : 0;
        if (kind == 0) {
            row_error(res, m->path, r->line, "column MISSING: '%s': expected M or A", r->f[1]);
            ok = false;
        }
        ok &= date_903(&scratch, r->f[2], &start, true, "MIS_START", res, m->path, r->line);
        ok &= date_903(&scratch, r->f[3], &end, false, "MIS_END", res, m->path, r->line);
        if (ok && end != HW_NO_DATE && end < start) {
            row_error(res, m->path, r->line, "column MIS_END: %s is before MIS_START %s", r->f[3],
                      r->f[2]);
            ok = false;
        }
        if (!ok)
            continue;
        int y, mo, d;
        hw_date_to_ymd(start, &y, &mo, &d);
        char *key = hw_asprintf("903-%s-%04d%02d%02d", r->f[0], y, mo, d);
        size_t n = 0;
        hw_strmap_get(&seq, key, &n);
        hw_strmap_put(&seq, key, ++n);
        struct hw_episode *x = &news[nnews++];
        hw_record_init(hw_episode_fields, x);
        x->id = hw_asprintf("%s-%zu", key, n);
        free(key);
        x->child_id = hw_strdup(r->f[0]);
        x->kind = kind;
        x->case_status = HW_CS_CLA;
        hw_london_to_instant(y, mo, d, 0, 0, 0, &x->last_seen);
        if (end != HW_NO_DATE) {
            hw_date_to_ymd(end, &y, &mo, &d);
            hw_london_to_instant(y, mo, d, 0, 0, 0, &x->returned);
        }
    }
    hw_strmap_free(&seq);

    if (res->n_errors == 0) {
        /* Periods of care: per child, by DECOM; a new period when DECOM is
         * after the previous episode's DEC. */
        /* Sort by child then DECOM then row. */
        for (size_t i = 1; i < neps; i++) {
            struct ep x = eps[i];
            size_t j = i;
            while (j > 0) {
                int c = strcmp(e->rows[eps[j - 1].row].f[0], e->rows[x.row].f[0]);
                if (c < 0 || (c == 0 && ep_cmp(&eps[j - 1], &x) <= 0))
                    break;
                eps[j] = eps[j - 1];
                j--;
            }
            eps[j] = x;
        }
        for (size_t i = 0; i < neps;) {
            const struct trow *first = &e->rows[eps[i].row];
            size_t j = i + 1;
            while (j < neps && strcmp(e->rows[eps[j].row].f[0], first->f[0]) == 0 &&
                   !(eps[j - 1].dec != HW_NO_DATE && eps[j].decom > eps[j - 1].dec))
                j++;
            const struct trow *last = &e->rows[eps[j - 1].row];
            struct hw_care_period p = {
                .child_id = first->f[0],
                .decom = eps[i].decom,
                .dec = eps[j - 1].dec,
                .rec = opt(last->f[8]),
                .rne = opt(first->f[2]),
                .ls = opt(first->f[3]),
                .cin = opt(first->f[4]),
                .place = opt(first->f[5]),
                .place_provider = opt(first->f[6]),
                .reason_place_change = opt(first->f[9]),
                .home_post = opt(first->f[10]),
                .pl_post = opt(first->f[11]),
                .urn = opt(first->f[12]),
            };
            int put = hw_store_put_care_period(s, &p, err);
            if (put < 0)
                goto episodes_done;
            res->periods_added += put == 0;
            res->periods_replaced += put == 1;
            i = j;
        }
        for (size_t i = 0; i < nnews; i++) {
            struct hw_episode old;
            hw_record_init(hw_episode_fields, &old);
            int found = hw_store_get(s, HW_REC_EPISODE, news[i].id, &old, err);
            hw_record_clear(hw_episode_fields, &old);
            if (found < 0)
                goto episodes_done;
            if (found) {
                res->episodes_same++;
                continue;
            }
            struct hw_err why = {0};
            if (hw_check_episode(s, &news[i], &why) < 0) {
                *err = why;
                goto episodes_done;
            }
            int saved = hw_app_save(s, HW_REC_EPISODE, &news[i], who, err);
            if (saved < 0)
                goto episodes_done;
            res->episodes_added++;
        }
    }
    rc = 0;
episodes_done:
    for (size_t i = 0; i < nnews; i++)
        hw_record_clear(hw_episode_fields, &news[i]);
    free(news);
done:
    free(eps);
    free(dobs);
    hw_strmap_free(&in_header);
    hw_903_data_free(&scratch);
    return rc;
}

int hw_903_import(struct hw_store *s, const char *header, const char *episodes, const char *missing,
                  const struct hw_actor *who, struct hw_903_import_result *res, struct hw_err *err)
{
    struct table h = {0}, e = {0}, m = {0};
    int rc = -1;
    memset(res, 0, sizeof *res);
    if (read_table(header, header_cols, &h, res, err) < 0 ||
        read_table(episodes, episode_cols, &e, res, err) < 0 ||
        read_table(missing, missing_cols, &m, res, err) < 0)
        goto done;
    res->header_rows = h.n;
    res->episode_rows = e.n;
    res->missing_rows = m.n;
    if (hw_store_begin(s, err) < 0)
        goto done;
    if (import_all(s, &h, &e, &m, who, res, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    if (res->n_errors) {
        hw_store_rollback(s);
        hw_fail(err, HW_EINPUT, "%zu error%s: nothing imported", res->n_errors,
                res->n_errors == 1 ? "" : "s");
        goto done;
    }
    if (hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    rc = 0;
done:
    table_free(&h);
    table_free(&e);
    table_free(&m);
    return rc;
}

void hw_903_import_result_free(struct hw_903_import_result *res)
{
    hw_buf_free(&res->errors);
}
