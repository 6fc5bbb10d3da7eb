/* doc_render_json.c - a report document as JSON (jansson), in the shape
 * report/doc.h describes: each row an object keyed by column id, counts as
 * integers, percentages as numbers (32.91), dates as "YYYY-MM-DD", empty
 * cells null, a number withheld from a publication "c"; each section's charts after its tables,
 * naming the table and columns by id, so a page can draw them from the rows. */
#include <jansson.h>
#include <stdlib.h>

#include "report/doc_render.h"

/* Text in a doc is valid UTF-8 (doc.c makes it so), which is all
 * json_string asks; a NULL is shown as null rather than lost. */
static json_t *str(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    return j ? j : json_null();
}

static const char *kind_name(int kind)
{
    switch (kind) {
    case HW_CELL_TEXT:
        return "text";
    case HW_CELL_INT:
        return "integer";
    case HW_CELL_PERCENT:
        return "percent";
    case HW_CELL_DATE:
        return "date";
    case HW_CELL_EMPTY:
    case HW_CELL_SUPPRESSED: /* not a column's kind (hw_doc_column_kind) */
        return "empty";
    }
    return "mixed";
}

static json_t *cell(const struct hw_cell *c)
{
    char buf[HW_DOC_CELL_LEN];
    switch (c->kind) {
    case HW_CELL_TEXT:
        return str(c->text);
    case HW_CELL_INT:
        return json_integer((json_int_t)c->n);
    case HW_CELL_PERCENT:
        /* Both integers are exact and the division is correctly rounded,
         * so this is the double nearest 32.91, which prints as 32.91 at 15
         * significant digits. */
        return json_real((double)c->n / 100.0);
    case HW_CELL_DATE:
        hw_format_date((hw_date)c->n, buf);
        return json_string(buf);
    case HW_CELL_SUPPRESSED:
        return json_string("c");
    case HW_CELL_EMPTY:
        break;
    }
    return json_null();
}

static json_t *table(const struct hw_doc_table *t)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", str(t->id));
    json_object_set_new(j, "title", str(t->title));
    json_object_set_new(j, "note", str(t->note));
    json_t *cols = json_array();
    for (size_t c = 0; c < t->ncols; c++) {
        json_t *col = json_object();
        json_object_set_new(col, "id", str(t->col_ids[c]));
        json_object_set_new(col, "title", str(t->col_titles[c]));
        json_object_set_new(col, "kind", json_string(kind_name(hw_doc_column_kind(t, c))));
        json_array_append_new(cols, col);
    }
    json_object_set_new(j, "columns", cols);
    json_t *rows = json_array();
    for (size_t r = 0; r < t->nrows; r++) {
        json_t *row = json_object();
        for (size_t c = 0; c < t->ncols; c++)
            json_object_set_new(row, t->col_ids[c], cell(&t->cells[r * t->ncols + c]));
        json_array_append_new(rows, row);
    }
    json_object_set_new(j, "rows", rows);
    return j;
}

/* A chart as {"kind", "title", "table", "label", "series", "target",
 * "rows"}: the table and columns by id; the target in the series' unit
 * (90.0 for 90.00%, like the cells; a count as an integer), null when there
 * is none; how many of the table's rows, from the first, are plotted. */
static json_t *chart(const struct hw_doc_section *s, const struct hw_doc_chart *ch)
{
    const struct hw_doc_table *t = &s->tables[ch->table];
    json_t *j = json_object();
    json_object_set_new(j, "kind", json_string(ch->kind == HW_CHART_LINE ? "line" : "bar"));
    json_object_set_new(j, "title", str(ch->title));
    json_object_set_new(j, "table", str(t->id));
    json_object_set_new(j, "label", str(t->col_ids[ch->label_col]));
    json_t *series = json_array();
    for (size_t i = 0; i < ch->nseries; i++)
        json_array_append_new(series, str(t->col_ids[ch->series[i]]));
    json_object_set_new(j, "series", series);
    if (ch->target < 0)
        json_object_set_new(j, "target", json_null());
    else if (hw_doc_chart_percent(s, ch))
        json_object_set_new(j, "target", json_real((double)ch->target / 100.0));
    else
        json_object_set_new(j, "target", json_integer((json_int_t)ch->target));
    size_t rows = ch->rows && ch->rows < t->nrows ? ch->rows : t->nrows;
    json_object_set_new(j, "rows", json_integer((json_int_t)rows));
    return j;
}

void hw_doc_render_json(const struct hw_doc *d, struct hw_buf *out)
{
    json_t *root = json_object();
    json_object_set_new(root, "title", str(d->title));
    json_object_set_new(root, "council", str(d->council));
    json_object_set_new(root, "period", str(d->period));
    if (d->produced == HW_NO_TIME) {
        json_object_set_new(root, "produced", json_null());
    } else {
        char iso[HW_ISO_LEN];
        hw_format_iso(d->produced, iso);
        json_object_set_new(root, "produced", json_string(iso));
    }
    if (d->publication) { /* only then, so other documents keep their shape */
        json_object_set_new(root, "publication", json_true());
        json_object_set_new(root, "notice", json_string(HW_DOC_PUBLICATION_NOTICE));
        json_object_set_new(root, "footnote", json_string(HW_DOC_PUBLICATION_FOOTNOTE));
    }
    json_t *sections = json_array();
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        json_t *js = json_object();
        json_object_set_new(js, "id", str(s->id));
        json_object_set_new(js, "title", str(s->title));
        json_object_set_new(js, "intro", str(s->intro));
        json_t *tables = json_array();
        for (size_t t = 0; t < s->ntables; t++)
            json_array_append_new(tables, table(&s->tables[t]));
        json_object_set_new(js, "tables", tables);
        /* Only the charts the other formats draw (doc_render.h). */
        json_t *charts = json_array();
        for (size_t k = 0; k < s->ncharts; k++)
            if (hw_doc_chart_ok(s, &s->charts[k]))
                json_array_append_new(charts, chart(s, &s->charts[k]));
        json_object_set_new(js, "charts", charts);
        json_array_append_new(sections, js);
    }
    json_object_set_new(root, "sections", sections);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    if (text) { /* NULL only when jansson runs out of memory */
        hw_buf_puts(out, text);
        hw_buf_putc(out, '\n');
        free(text);
    }
    json_decref(root);
}
