/* table.c - laying out and rendering text tables. */
#include "report/table.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_write.h"

int hw_format_parse(const char *s)
{
    if (strcmp(s, "text") == 0)
        return HW_FMT_TEXT;
    if (strcmp(s, "csv") == 0)
        return HW_FMT_CSV;
    if (strcmp(s, "json") == 0)
        return HW_FMT_JSON;
    return -1;
}

void hw_table_init(struct hw_table *t, size_t ncols, const char *const *header)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    hw_table_add(t, header);
}

void hw_table_add(struct hw_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = hw_reallocarray(t->cells, t->cap * t->ncols, sizeof *t->cells);
    }
    for (size_t c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = hw_strdup(cells[c] ? cells[c] : "");
    t->nrows++;
}

void hw_table_free(struct hw_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Display width: counts UTF-8 code points, not bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(struct hw_buf *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hw_buf_putc(out, ' ');
}

/* Numbers, dates and rates line up on the right; words on the left. */
static bool numeric_column(const struct hw_table *t, size_t c)
{
    for (size_t r = 1; r < t->nrows; r++) {
        const char *s = t->cells[r * t->ncols + c];
        if (*s && !(isdigit((unsigned char)*s) ||
                    (*s == '-' && (s[1] == '\0' || isdigit((unsigned char)s[1])))))
            return false;
    }
    return true;
}

void hw_table_text(const struct hw_table *t, struct hw_buf *out)
{
    size_t *w = hw_calloc(t->ncols, sizeof *w);
    bool *right = hw_calloc(t->ncols, sizeof *right);
    for (size_t c = 1; c < t->ncols; c++)
        right[c] = numeric_column(t, c);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t cw = width(t->cells[r * t->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            size_t gap = w[c] - width(cell);
            if (c > 0)
                hw_buf_puts(out, "  ");
            if (!right[c]) {
                hw_buf_puts(out, cell);
                if (c + 1 < t->ncols)
                    pad(out, gap);
            } else {
                pad(out, gap);
                hw_buf_puts(out, cell);
            }
        }
        hw_buf_putc(out, '\n');
        if (r == 0) {
            size_t total = 0;
            for (size_t c = 0; c < t->ncols; c++)
                total += w[c] + (c ? 2 : 0);
            for (size_t i = 0; i < total; i++)
                hw_buf_putc(out, '-');
            hw_buf_putc(out, '\n');
        }
    }
    free(right);
    free(w);
}

void hw_table_csv(const struct hw_table *t, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++)
            hw_csv_field(&o, t->cells[r * t->ncols + c]);
        hw_csv_end_row(&o);
    }
    hw_buf_append(out, o.buf.data ? o.buf.data : "", o.buf.len);
    hw_buf_free(&o.buf);
}
