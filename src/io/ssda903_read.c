/* ssda903_read.c - a 903 table's CSV rows into core/ssda903.h's rows, by
 * a table of each layout's columns. */
#include "io/ssda903_read.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/mem.h"
#include "io/csv_read.h"

enum kind { TEXT, DATE, SKIP };

struct col {
    const char *name;
    enum kind kind;
    size_t off; /* of the field in the row's struct */
};

#define MAX_COLS 16

struct layout {
    const char *title; /* for messages */
    struct col cols[MAX_COLS];
};

#define H(f) offsetof(struct hw_903_header, f)
#define E(f) offsetof(struct hw_903_episode, f)
#define M(f) offsetof(struct hw_903_missing, f)

/* The DfE's layouts (the validator's config.py), in enum hw_903_table's
 * order; columns the rules do not use are checked for and skipped. */
static const struct layout layouts[] = {
    [HW_903_HEADER] = {"Header",
                       {{"CHILD", TEXT, H(child)},
                        {"SEX", TEXT, H(sex)},
                        {"DOB", DATE, H(dob)},
                        {"ETHNIC", SKIP, 0},
                        {"UPN", SKIP, 0},
                        {"MOTHER", SKIP, 0},
                        {"MC_DOB", SKIP, 0}}},
    [HW_903_EPISODES] = {"Episodes",
                         {{"CHILD", TEXT, E(child)},
                          {"DECOM", DATE, E(decom)},
                          {"RNE", TEXT, E(rne)},
                          {"LS", TEXT, E(ls)},
                          {"CIN", SKIP, 0},
                          {"PLACE", SKIP, 0},
                          {"PLACE_PROVIDER", SKIP, 0},
                          {"DEC", DATE, E(dec)},
                          {"REC", TEXT, E(rec)},
                          {"REASON_PLACE_CHANGE", SKIP, 0},
                          {"HOME_POST", SKIP, 0},
                          {"PL_POST", SKIP, 0},
                          {"URN", SKIP, 0}}},
    [HW_903_MISSING] = {"Missing",
                        {{"CHILD", TEXT, M(child)},
                         {"DOB", DATE, M(dob)},
                         {"MISSING", TEXT, M(missing)},
                         {"MIS_START", DATE, M(start)},
                         {"MIS_END", DATE, M(end)}}},
    [HW_903_MISSING_LAST] = {"Missing",
                             {{"CHILD", TEXT, M(child)},
                              {"DOB", DATE, M(dob)},
                              {"MISSING", TEXT, M(missing)},
                              {"MIS_START", DATE, M(start)},
                              {"MIS_END", DATE, M(end)}}},
};

struct reader {
    const char *path;
    enum hw_903_table table;
    const struct layout *lay;
    struct hw_903_data *d;
    bool have_header;
    size_t ncolumns;
    char **names; /* each column's name as the header gives it */
    int *col;     /* each column's index in lay->cols, or -1 */
};

static size_t ncols(const struct layout *lay)
{
    size_t n = 0;
    while (n < MAX_COLS && lay->cols[n].name)
        n++;
    return n;
}

static void columns_list(const struct layout *lay, struct hw_buf *b)
{
    for (size_t k = 0; k < ncols(lay); k++)
        hw_buf_printf(b, "%s%s", k ? ", " : "", lay->cols[k].name);
}

static int read_header(struct reader *rd, const struct hw_csv_row *row, struct hw_err *err)
{
    const struct layout *lay = rd->lay;
    size_t n = ncols(lay);
    int rc = -1;
    struct hw_buf all = {0};
    rd->have_header = true;
    rd->ncolumns = row->nfields;
    rd->names = hw_calloc(row->nfields ? row->nfields : 1, sizeof *rd->names);
    rd->col = hw_calloc(row->nfields ? row->nfields : 1, sizeof *rd->col);
    for (size_t i = 0; i < row->nfields; i++) {
        const char *s = row->fields[i];
        size_t len = strlen(s);
        while (len && isspace((unsigned char)s[len - 1]))
            len--;
        while (len && isspace((unsigned char)*s)) {
            s++;
            len--;
        }
        rd->names[i] = hw_strndup(s, len);
        rd->col[i] = -1;
        for (size_t k = 0; k < n; k++)
            if (strlen(lay->cols[k].name) == len && strncasecmp(lay->cols[k].name, s, len) == 0)
                rd->col[i] = (int)k;
        for (size_t j = 0; j < i && rd->col[i] >= 0; j++)
            if (rd->col[j] == rd->col[i]) {
                hw_fail(err, HW_EINPUT, "%s:%zu: column %s appears twice (columns %zu and %zu)",
                        rd->path, row->line, lay->cols[rd->col[i]].name, j + 1, i + 1);
                goto done;
            }
    }
    for (size_t k = 0; k < n; k++) {
        bool present = false;
        for (size_t i = 0; i < row->nfields; i++)
            present |= rd->col[i] == (int)k;
        if (!present) {
            columns_list(lay, &all);
            hw_fail(err, HW_EINPUT, "%s:%zu: column %s is missing (the %s table has %s)", rd->path,
                    row->line, lay->cols[k].name, lay->title, all.data);
            goto done;
        }
    }
    rc = 0;
done:
    hw_buf_free(&all);
    return rc;
}

static void *add_row(struct reader *rd)
{
    switch (rd->table) {
    case HW_903_HEADER:
        return hw_903_add_header(rd->d);
    case HW_903_EPISODES:
        return hw_903_add_episode(rd->d);
    case HW_903_MISSING:
        return hw_903_add_missing(rd->d, false);
    case HW_903_MISSING_LAST:
        return hw_903_add_missing(rd->d, true);
    }
    return NULL;
}

static int on_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct reader *rd = ctx;
    if (!rd->have_header)
        return read_header(rd, row, err);
    if (row->nfields != rd->ncolumns)
        return hw_fail(err, HW_EINPUT, "%s:%zu: the row has %zu fields but the header has %zu",
                       rd->path, row->line, row->nfields, rd->ncolumns);
    if (row->nul_byte)
        return hw_fail(err, HW_EINPUT, "%s:%zu: column %s: text holds a control character (code 0)",
                       rd->path, row->line, rd->names[row->nul_byte - 1]);
    if (row->bad_utf8)
        return hw_fail(err, HW_EINPUT,
                       "%s:%zu: column %s: the text is not UTF-8 (save the file as UTF-8)",
                       rd->path, row->line, rd->names[row->bad_utf8 - 1]);
    char *r = add_row(rd);
    /* The line sits first in every row struct. */
    *(size_t *)r = row->line;
    for (size_t i = 0; i < row->nfields; i++) {
        if (rd->col[i] < 0)
            continue;
        const struct col *c = &rd->lay->cols[rd->col[i]];
        const char *s = row->fields[i];
        if (c->kind == TEXT)
            *(const char **)(r + c->off) = hw_903_text(rd->d, s, strlen(s));
        else if (c->kind == DATE)
            *(struct hw_903_date *)(r + c->off) = hw_903_date_parse(rd->d, s);
    }
    return 0;
}

int hw_903_read(const char *path, enum hw_903_table t, struct hw_903_data *d, struct hw_err *err)
{
    struct reader rd = {.path = path, .table = t, .lay = &layouts[t], .d = d};
    struct hw_buf all = {0};
    /* Spaces are kept, as the validator's reader keeps them: " M" is not M. */
    int rc = hw_csv_read_file_flags(path, HW_CSV_KEEP_SPACE, on_row, &rd, err);
    if (rc == 0 && !rd.have_header) {
        columns_list(rd.lay, &all);
        rc = hw_fail(err, HW_EINPUT, "%s: the file is empty: expected a header row with %s", path,
                     all.data);
    }
    if (t == HW_903_MISSING_LAST)
        d->have_last = true;
    for (size_t i = 0; i < rd.ncolumns; i++)
        free(rd.names[i]);
    free(rd.names);
    free(rd.col);
    hw_buf_free(&all);
    return rc;
}
