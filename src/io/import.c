/* import.c - CSV rows to records, all or nothing. */
#include "io/import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "app/check.h"
#include "core/strmap.h"
#include "io/csv_read.h"

struct importer {
    struct hw_store *store;
    const struct hw_config *cfg;
    const struct hw_reasons *reasons;
    const struct hw_actor *who;
    const struct hw_rectype_info *type;
    const char *path;
    struct hw_import_result *res;
    const struct hw_field **columns; /* field for each column of the header */
    size_t ncolumns;
    bool have_header;
    struct hw_strmap seen; /* IDs in this file -> line */
    void *rec;
    bool fatal; /* a storage fault: stop reading */
    struct hw_row_errors errs;
};

void hw_row_error(struct hw_row_errors *e, size_t line, const char *fmt, ...)
{
    (*e->n_errors)++;
    if (e->last_bad != line) {
        e->last_bad = line;
        (*e->bad_rows)++;
    }
    if (*e->n_errors > e->listed)
        return;
    hw_buf_printf(e->errors, "%s:%zu: ", e->path, line);
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(e->errors, fmt, ap);
    va_end(ap);
    hw_buf_putc(e->errors, '\n');
}

/* Header names: trimmed and lower-cased. */
static void normalise(const char *s, char *buf, size_t size)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = 0;
    for (; s[n] && n + 1 < size; n++)
        buf[n] = (char)tolower((unsigned char)s[n]);
    while (n > 0 && isspace((unsigned char)buf[n - 1]))
        n--;
    buf[n] = '\0';
}

static int read_header(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    const struct hw_field *fields = im->type->fields;
    struct hw_buf known = {0};
    int rc = -1;
    im->columns = hw_calloc(row->nfields, sizeof *im->columns);
    im->ncolumns = row->nfields;
    for (const struct hw_field *f = fields; f->name; f++)
        hw_buf_printf(&known, "%s%s", f == fields ? "" : ", ", f->name);

    for (size_t i = 0; i < row->nfields; i++) {
        char name[128];
        normalise(row->fields[i], name, sizeof name);
        /* A name too long for the buffer is no field's name. */
        const struct hw_field *f =
            strlen(row->fields[i]) < sizeof name ? hw_field_find(fields, name) : NULL;
        if (f == NULL) {
            hw_fail(err, HW_EINPUT, "%s:%zu: unknown column '%.60s' for %s; the columns are: %s",
                    im->path, row->line, row->fields[i], im->type->plural, known.data);
            goto done;
        }
        for (size_t j = 0; j < i; j++)
            if (im->columns[j] == f) {
                hw_fail(err, HW_EINPUT, "%s:%zu: column %s appears twice (columns %zu and %zu)",
                        im->path, row->line, f->name, j + 1, i + 1);
                goto done;
            }
        im->columns[i] = f;
    }
    for (const struct hw_field *f = fields; f->name; f++) {
        bool present = false;
        for (size_t i = 0; i < im->ncolumns; i++)
            present |= im->columns[i] == f;
        if (f->required && !present) {
            hw_fail(err, HW_EINPUT, "%s:%zu: required column %s is missing", im->path, row->line,
                    f->name);
            goto done;
        }
    }
    im->have_header = true;
    rc = 0;
done:
    hw_buf_free(&known);
    return rc;
}

static bool row_blank(const struct hw_csv_row *row)
{
    for (size_t i = 0; i < row->nfields; i++)
        if (row->fields[i][0])
            return false;
    return true;
}

static int read_row(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    const struct hw_field *fields = im->type->fields;
    struct hw_err why;
    bool ok = true;

    if (row_blank(row))
        return 0;
    im->res->rows++;
    if (row->nfields != im->ncolumns) {
        hw_row_error(&im->errs, row->line, "has %zu fields but the header has %zu", row->nfields,
                     im->ncolumns);
        return 0;
    }
    if (row->nul_byte) {
        hw_row_error(&im->errs, row->line, "column %s: text holds a control character (code 0)",
                     im->columns[row->nul_byte - 1]->name);
        return 0;
    }
    if (row->bad_utf8) {
        hw_row_error(&im->errs, row->line,
                     "column %s: the text is not UTF-8 (save the file as UTF-8)",
                     im->columns[row->bad_utf8 - 1]->name);
        return 0;
    }
    hw_record_clear(fields, im->rec);
    for (size_t i = 0; i < row->nfields; i++) {
        const struct hw_field *f = im->columns[i];
        if (hw_field_set(f, im->rec, row->fields[i], &why) < 0) {
            hw_row_error(&im->errs, row->line, "column %s: '%.80s': %s", f->name, row->fields[i],
                         why.msg);
            ok = false;
        }
    }
    if (!ok)
        return 0;
    if (hw_record_check(fields, im->rec, &why) < 0) {
        hw_row_error(&im->errs, row->line, "column %s", why.msg);
        return 0;
    }
    const char *id = *(char **)((char *)im->rec + fields[0].offset);
    size_t first;
    if (hw_strmap_get(&im->seen, id, &first)) {
        hw_row_error(&im->errs, row->line, "column %s: '%s' appears again (first on line %zu)",
                     fields[0].name, id, first);
        return 0;
    }
    hw_strmap_put(&im->seen, id, row->line);

    if (hw_check_record(im->store, im->cfg, im->reasons, (enum hw_rectype)(im->type - hw_rectypes),
                        im->rec, &why) < 0) {
        if (why.kind != HW_EINPUT) {
            *err = why;
            im->fatal = true;
            return -1;
        }
        hw_row_error(&im->errs, row->line, "column %s", why.msg);
        return 0;
    }
    /* Once any row is bad the import will be refused: keep checking, stop writing. */
    if (im->res->n_errors)
        return 0;
    int saved =
        hw_app_save(im->store, (enum hw_rectype)(im->type - hw_rectypes), im->rec, im->who, err);
    if (saved < 0) {
        im->fatal = true;
        return -1;
    }
    im->res->added += saved == HW_SAVE_NEW;
    im->res->updated += saved == HW_SAVE_CHANGED;
    im->res->same += saved == HW_SAVE_SAME;
    return 0;
}

static int on_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct importer *im = ctx;
    if (!im->have_header)
        return read_header(im, row, err);
    return read_row(im, row, err);
}

int hw_import_rows(struct hw_store *s, const char *path, const char *data, size_t len,
                   hw_csv_row_cb row, void *ctx, const struct hw_import_counts *counts,
                   struct hw_err *err)
{
    if (hw_store_begin(s, err) < 0)
        return -1;
    if ((data ? hw_csv_read_buffer(data, len, path, row, ctx, err)
              : hw_csv_read_file(path, row, ctx, err)) < 0) {
        hw_store_rollback(s);
        return -1;
    }
    if (!*counts->have_header) {
        hw_store_rollback(s);
        return hw_fail(err, HW_EINPUT, "%s: the file is empty: expected a header row", path);
    }
    size_t bad = *counts->bad_rows, n = *counts->n_errors;
    if (n) {
        hw_store_rollback(s);
        return hw_fail(err, HW_EINPUT, "%s: %zu bad row%s (%zu error%s); nothing was imported",
                       path, bad, bad == 1 ? "" : "s", n, n == 1 ? "" : "s");
    }
    if (hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        return -1;
    }
    return 0;
}

/* Imports from the file at path, or from data (len bytes) named path in
 * messages when data is not NULL. */
static int import_csv(struct hw_store *s, const struct hw_config *cfg,
                      const struct hw_reasons *reasons, enum hw_rectype t, const char *path,
                      const char *data, size_t len, const struct hw_actor *who,
                      struct hw_import_result *res, struct hw_err *err)
{
    struct importer im = {
        .store = s,
        .cfg = cfg,
        .reasons = reasons,
        .who = who,
        .type = &hw_rectypes[t],
        .path = path,
        .res = res,
        .errs = {path, &res->errors, &res->n_errors, &res->bad_rows, HW_IMPORT_ERRORS_LISTED, 0}};
    memset(res, 0, sizeof *res);
    im.rec = hw_calloc(1, im.type->size);
    hw_record_init(im.type->fields, im.rec);
    int rc = -1;

    struct hw_import_counts counts = {&im.have_header, &res->bad_rows, &res->n_errors};
    if (hw_import_rows(s, path, data, len, on_row, &im, &counts, err) < 0)
        goto done;
    rc = 0;
done:
    hw_record_clear(im.type->fields, im.rec);
    free(im.rec);
    free(im.columns);
    hw_strmap_free(&im.seen);
    if (rc < 0) {
        res->added = res->updated = res->same = 0;
    }
    return rc;
}

void hw_import_result_free(struct hw_import_result *res)
{
    hw_buf_free(&res->errors);
}

int hw_import_csv(struct hw_store *s, const struct hw_config *cfg, const struct hw_reasons *reasons,
                  enum hw_rectype t, const char *path, const struct hw_actor *who,
                  struct hw_import_result *res, struct hw_err *err)
{
    return import_csv(s, cfg, reasons, t, path, NULL, 0, who, res, err);
}

int hw_import_csv_buffer(struct hw_store *s, const struct hw_config *cfg,
                         const struct hw_reasons *reasons, enum hw_rectype t, const char *name,
                         const char *data, size_t len, const struct hw_actor *who,
                         struct hw_import_result *res, struct hw_err *err)
{
    return import_csv(s, cfg, reasons, t, name, data ? data : "", len, who, res, err);
}
