/* doc_render_csv.c - a report document as CSV (RFC 4180, CRLF): each table
 * a block of a "# SECTION: TABLE" line, the header, the rows and a blank
 * line. Values are what a spreadsheet reads as values: counts as digits,
 * percentages without the sign (32.91), dates as YYYY-MM-DD, nothing for
 * an empty cell, c for a number withheld from a publication (which starts
 * with a block of two "# " lines saying so). */
#include <stdio.h>

#include "io/csv_write.h"
#include "report/doc_render.h"

static void cell(struct hw_csv_out *o, const struct hw_cell *c)
{
    char buf[HW_DOC_CELL_LEN];
    switch (c->kind) {
    case HW_CELL_TEXT:
        hw_csv_field(o, c->text);
        return;
    case HW_CELL_INT:
        hw_csv_fieldf(o, "%lld", c->n);
        return;
    case HW_CELL_PERCENT:
        hw_doc_percent_text(c->n, false, buf, sizeof buf);
        hw_csv_field(o, buf);
        return;
    case HW_CELL_DATE:
        hw_format_date((hw_date)c->n, buf);
        hw_csv_field(o, buf);
        return;
    case HW_CELL_SUPPRESSED:
        hw_csv_field(o, "c");
        return;
    case HW_CELL_EMPTY:
        break;
    }
    hw_csv_field(o, "");
}

void hw_doc_render_csv(const struct hw_doc *d, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    if (d->publication) { /* a block of its own before the tables */
        hw_csv_fieldf(&o, "# %s", HW_DOC_PUBLICATION_NOTICE);
        hw_csv_end_row(&o);
        hw_csv_fieldf(&o, "# %s", HW_DOC_PUBLICATION_FOOTNOTE);
        hw_csv_end_row(&o);
        hw_csv_end_row(&o);
    }
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        const char *section = s->title[0] ? s->title : s->id;
        for (size_t k = 0; k < s->ntables; k++) {
            const struct hw_doc_table *t = &s->tables[k];
            /* One field, so a title with a comma is quoted and the file
             * stays a valid CSV. */
            if (t->title[0])
                hw_csv_fieldf(&o, "# %s: %s", section, t->title);
            else
                hw_csv_fieldf(&o, "# %s", section);
            hw_csv_end_row(&o);
            for (size_t c = 0; c < t->ncols; c++)
                hw_csv_field(&o, t->col_titles[c]);
            hw_csv_end_row(&o);
            for (size_t r = 0; r < t->nrows; r++) {
                size_t before = o.buf.len;
                for (size_t c = 0; c < t->ncols; c++)
                    cell(&o, &t->cells[r * t->ncols + c]);
                if (o.buf.len == before) /* a lone empty field, not a blank line */
                    hw_buf_puts(&o.buf, "\"\"");
                hw_csv_end_row(&o);
            }
            hw_csv_end_row(&o);
        }
    }
    if (o.buf.len)
        hw_buf_append(out, o.buf.data, o.buf.len);
    hw_buf_free(&o.buf);
}
