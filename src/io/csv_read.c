/* csv_read.c - libcsv fed one physical line at a time, so that every row
 * knows the line it starts on (a quoted field may span lines). */
#include "io/csv_read.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

struct reader {
    const char *name;
    struct csv_parser parser;
    hw_csv_row_cb cb;
    void *ctx;
    struct hw_err *err;
    size_t line;      /* line being fed */
    size_t row_start; /* line the current row started on */
    bool in_row;
    bool stop;          /* a limit was hit or the callback said stop */
    struct hw_buf text; /* the row's fields, each NUL-terminated */
    size_t *offsets;
    size_t nfields, cap;
    size_t bad_utf8;
    size_t nul_byte;
    unsigned flags;
};

bool hw_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        size_t len;
        unsigned min;
        if (c < 0x80) {
            p++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, min = 0x80, c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, min = 0x800, c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, min = 0x10000, c &= 0x07;
        } else {
            return false;
        }
        if ((size_t)(end - p) < len)
            return false;
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return false;
            c = (c << 6) | (p[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return false;
        p += len;
    }
    return true;
}

static void on_field(void *field, size_t len, void *data)
{
    struct reader *r = data;
    if (r->stop)
        return;
    r->in_row = true;
    if (len > HW_CSV_FIELD_MAX) {
        hw_fail(r->err, HW_EINPUT, "%s:%zu: field %zu is longer than %d bytes", r->name,
                r->row_start, r->nfields + 1, HW_CSV_FIELD_MAX);
        r->stop = true;
        return;
    }
    if (r->nfields == HW_CSV_COLUMNS_MAX) {
        hw_fail(r->err, HW_EINPUT, "%s:%zu: more than %d fields in a row", r->name, r->row_start,
                HW_CSV_COLUMNS_MAX);
        r->stop = true;
        return;
    }
    if (r->nfields == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->offsets = hw_reallocarray(r->offsets, r->cap, sizeof *r->offsets);
    }
    if (!r->bad_utf8 && !hw_utf8_valid(field ? field : "", len))
        r->bad_utf8 = r->nfields + 1;
    /* Fields are handed on NUL-terminated: a NUL inside would cut one short. */
    if (!r->nul_byte && field && memchr(field, '\0', len))
        r->nul_byte = r->nfields + 1;
    r->offsets[r->nfields++] = r->text.len;
    hw_buf_append(&r->text, field ? field : "", len);
    hw_buf_putc(&r->text, '\0');
}

static void on_row(int term, void *data)
{
    (void)term;
    struct reader *r = data;
    if (!r->stop && r->nfields > 0) {
        const char **fields = hw_reallocarray(NULL, r->nfields, sizeof *fields);
        for (size_t i = 0; i < r->nfields; i++)
            fields[i] = r->text.data + r->offsets[i];
        struct hw_csv_row row = {r->row_start, r->nfields, fields, r->bad_utf8, r->nul_byte};
        if (r->cb(r->ctx, &row, r->err) != 0)
            r->stop = true;
        free(fields);
    }
    r->in_row = false;
    r->nfields = 0;
    r->bad_utf8 = 0;
    r->nul_byte = 0;
    hw_buf_reset(&r->text);
}

/* True when line[0..n) holds nothing but spaces, tabs and its line end. */
static bool blank_line(const char *line, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
            return false;
    return true;
}

static int feed(struct reader *r, const char *line, size_t n)
{
    r->line++;
    if (r->line == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0)
        line += 3, n -= 3;
    /* Spaces kept, a line of spaces would be a row of one field: skip it as
     * the trimming parser does. */
    if ((r->flags & HW_CSV_KEEP_SPACE) && !r->in_row && r->parser.pstate == 0 &&
        blank_line(line, n))
        return 0;
    if (!r->in_row)
        r->row_start = r->line;
    size_t used = csv_parse(&r->parser, line, n, on_field, on_row, r);
    /* A row has begun once libcsv has left its "row not begun" state (0),
     * even before its first field ends (a quoted field spanning lines). */
    if (r->parser.pstate != 0)
        r->in_row = true;
    if (used != n && !r->stop) {
        hw_fail(r->err, HW_EINPUT,
                "%s:%zu: malformed CSV: a quote inside an unquoted field, or text after a "
                "closing quote",
                r->name, r->line);
        r->stop = true;
    }
    return r->stop ? -1 : 0;
}

static int finish(struct reader *r)
{
    if (!r->stop && csv_fini(&r->parser, on_field, on_row, r) != 0 && !r->stop) {
        hw_fail(r->err, HW_EINPUT, "%s:%zu: the file ends inside a quoted field", r->name,
                r->row_start);
        r->stop = true;
    }
    return r->stop && r->err->kind != HW_OK ? -1 : 0;
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void reader_init(struct reader *r, const char *name, unsigned flags, hw_csv_row_cb cb,
                        void *ctx, struct hw_err *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->flags = flags;
    r->cb = cb;
    r->ctx = ctx;
    r->err = err;
    hw_err_clear(err);
    csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
    if (flags & HW_CSV_KEEP_SPACE)
        csv_set_space_func(&r->parser, no_space);
}

static void reader_free(struct reader *r)
{
    csv_free(&r->parser);
    hw_buf_free(&r->text);
    free(r->offsets);
}

int hw_csv_read_buffer(const char *data, size_t len, const char *name, hw_csv_row_cb cb, void *ctx,
                       struct hw_err *err)
{
    return hw_csv_read_buffer_flags(data, len, name, 0, cb, ctx, err);
}

int hw_csv_read_buffer_flags(const char *data, size_t len, const char *name, unsigned flags,
                             hw_csv_row_cb cb, void *ctx, struct hw_err *err)
{
    struct reader r;
    reader_init(&r, name, flags, cb, ctx, err);
    const char *p = data, *end = data + len;
    int rc = 0;
    while (p < end && rc == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        rc = feed(&r, p, n);
        p += n;
    }
    if (rc == 0)
        rc = finish(&r);
    reader_free(&r);
    return rc;
}

int hw_csv_read_file(const char *path, hw_csv_row_cb cb, void *ctx, struct hw_err *err)
{
    return hw_csv_read_file_flags(path, 0, cb, ctx, err);
}

int hw_csv_read_file_flags(const char *path, unsigned flags, hw_csv_row_cb cb, void *ctx,
                           struct hw_err *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return hw_fail(err, HW_EINPUT, "cannot read %s: %s", path, strerror(errno));
    struct reader r;
    reader_init(&r, path, flags, cb, ctx, err);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) > 0)
        rc = feed(&r, line, (size_t)n);
    if (rc == 0 && ferror(f))
        rc = hw_fail(err, HW_EINPUT, "%s:%zu: read error: %s", path, r.line + 1, strerror(errno));
    if (rc == 0)
        rc = finish(&r);
    free(line);
    fclose(f);
    reader_free(&r);
    return rc;
}
