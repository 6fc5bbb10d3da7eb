/* doc_render_text.c - a report document as text for a terminal: headings
 * underlined, tables as aligned columns, paragraphs wrapped. */
#include <stdlib.h>
#include <string.h>

#include "report/doc_render.h"

#define WRAP 78 /* paragraph width, in characters */

static void repeat(struct hw_buf *out, char c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hw_buf_putc(out, c);
}

/* Text on one line: line breaks and tabs in a title or cell become spaces. */
static void put_line(struct hw_buf *out, const char *s)
{
    for (; *s; s++)
        hw_buf_putc(out, *s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s);
}

static void heading(struct hw_buf *out, const char *s, char rule)
{
    put_line(out, s);
    hw_buf_putc(out, '\n');
    repeat(out, rule, hw_doc_width(s));
    hw_buf_putc(out, '\n');
}

/* Words of s, wrapped at WRAP characters after prefix (on the first line);
 * a line break in s starts a new line. */
static void paragraph(struct hw_buf *out, const char *prefix, const char *s)
{
    size_t col = hw_doc_width(prefix);
    hw_buf_puts(out, prefix);
    bool line_empty = true; /* no space after the prefix */
    while (*s) {
        if (*s == '\n') {
            hw_buf_putc(out, '\n');
            col = 0;
            line_empty = true;
            s++;
            continue;
        }
        if (*s == ' ' || *s == '\t' || *s == '\r') {
            s++;
            continue;
        }
        size_t len = strcspn(s, " \t\r\n");
        char *word = hw_strndup(s, len);
        size_t w = hw_doc_width(word);
        if (!line_empty && col + 1 + w > WRAP) {
            hw_buf_putc(out, '\n');
            col = 0;
            line_empty = true;
        }
        if (!line_empty) {
            hw_buf_putc(out, ' ');
            col++;
        }
        hw_buf_puts(out, word);
        col += w;
        line_empty = false;
        free(word);
        s += len;
    }
    hw_buf_putc(out, '\n');
}

static void table(struct hw_buf *out, const struct hw_doc_table *t)
{
    if (t->title[0]) {
        put_line(out, t->title);
        hw_buf_putc(out, '\n');
    }
    if (t->ncols == 0)
        return;
    size_t rows = t->nrows + 1; /* the header first */
    const char **cells = hw_calloc(rows * t->ncols, sizeof *cells);
    char(*buf)[HW_DOC_CELL_LEN] = hw_calloc(t->nrows * t->ncols, sizeof *buf);
    size_t *w = hw_calloc(t->ncols, sizeof *w);
    bool *right = hw_calloc(t->ncols, sizeof *right);
    for (size_t c = 0; c < t->ncols; c++) {
        right[c] = hw_doc_column_numeric(t, c);
        cells[c] = t->col_titles[c];
    }
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t i = r * t->ncols + c;
            cells[t->ncols + i] = hw_doc_cell_text(&t->cells[i], buf[i], sizeof buf[i]);
        }
    for (size_t i = 0; i < rows * t->ncols; i++)
        if (hw_doc_width(cells[i]) > w[i % t->ncols])
            w[i % t->ncols] = hw_doc_width(cells[i]);
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = cells[r * t->ncols + c];
            size_t gap = w[c] - hw_doc_width(cell);
            if (c > 0)
                hw_buf_puts(out, "  ");
            if (right[c])
                repeat(out, ' ', gap);
            put_line(out, cell);
            if (!right[c] && c + 1 < t->ncols)
                repeat(out, ' ', gap);
        }
        hw_buf_putc(out, '\n');
        if (r == 0) {
            size_t total = 0;
            for (size_t c = 0; c < t->ncols; c++)
                total += w[c] + (c ? 2 : 0);
            repeat(out, '-', total);
            hw_buf_putc(out, '\n');
        }
    }
    if (t->nrows == 0)
        hw_buf_puts(out, "(no rows)\n");
    if (t->note)
        paragraph(out, "Note: ", t->note);
    free(right);
    free(w);
    free(buf);
    free(cells);
}

void hw_doc_render_text(const struct hw_doc *d, struct hw_buf *out)
{
    char produced[64];
    hw_doc_produced_text(d->produced, produced, sizeof produced);
    heading(out, d->title, '=');
    const char *labels[] = {"Council:  ", "Period:   ", "Produced: "};
    const char *values[] = {d->council, d->period, produced};
    for (int i = 0; i < 3; i++)
        if (values[i][0]) {
            hw_buf_puts(out, labels[i]);
            put_line(out, values[i]);
            hw_buf_putc(out, '\n');
        }
    if (d->publication)
        paragraph(out, "", HW_DOC_PUBLICATION_NOTICE);
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        hw_buf_putc(out, '\n');
        heading(out, s->title[0] ? s->title : s->id, '-');
        if (s->intro) {
            hw_buf_putc(out, '\n');
            paragraph(out, "", s->intro);
        }
        for (size_t t = 0; t < s->ntables; t++) {
            hw_buf_putc(out, '\n');
            table(out, &s->tables[t]);
        }
    }
    if (d->publication) {
        hw_buf_putc(out, '\n');
        paragraph(out, "", HW_DOC_PUBLICATION_FOOTNOTE);
    }
}
