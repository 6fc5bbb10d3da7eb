/* doc_render_xlsx.c - a report document as an Excel workbook: one sheet
 * per section, its tables one under another with their titles, real
 * numbers, percentages and dates, and native Excel charts. Built through
 * report/xlsx.h (a private temporary file, removed on every path). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "report/doc_render.h"
#include "report/xlsx.h"

/* Column widths in characters. */
#define MIN_WIDTH    8
#define MAX_WIDTH    50
#define HEADER_WIDTH 24 /* a longer column title wraps */
/* Charts: libxlsxwriter's default 480 x 288 pixels, scaled; rows are 20
 * pixels high. */
#define CHART_X_SCALE 1.25
#define CHART_Y_SCALE 1.1
#define CHART_ROWS    17 /* 288 * 1.1 / 20, and a row of space */
#define BESIDE_COLS   6  /* tables this narrow have their charts beside them */

struct formats {
    lxw_format *sheet_title, *doc_line, *table_title, *header, *header_num, *percent, *date, *note,
        *wrap, *doc_line_wrap, *note_wrap, *suppressed;
};

struct ctx {
    const struct hw_doc *d;
    char (*names)[HW_DOC_SHEET_NAME_LEN];
    struct formats f;
    size_t *widths; /* the current sheet's column widths, in characters */
    size_t nwidths;
    /* Strings libxlsxwriter may keep pointers to until the workbook is
     * closed: freed after hw_xlsx_build returns. */
    char **keep;
    size_t nkeep;
};

static const char *keep(struct ctx *x, char *s)
{
    x->keep = hw_reallocarray(x->keep, x->nkeep + 1, sizeof *x->keep);
    x->keep[x->nkeep++] = s;
    return s;
}

static int lxw_fail(struct hw_err *err, lxw_error e, const char *sheet, const char *what)
{
    return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: sheet '%.64s': %s: %s", sheet,
                   what, lxw_strerror(e));
}

static int oom(struct hw_err *err)
{
    return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: %s",
                   lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
}

/* The formats; "c" (a number withheld) only for a publication, so that
 * other workbooks stay as they were. */
static int make_formats(lxw_workbook *wb, struct formats *f, bool publication, struct hw_err *err)
{
    lxw_format **all[] = {&f->sheet_title, &f->doc_line,  &f->table_title,  &f->header,
                          &f->header_num,  &f->percent,   &f->date,         &f->note,
                          &f->wrap,        &f->note_wrap, &f->doc_line_wrap};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if ((*all[i] = workbook_add_format(wb)) == NULL)
            return oom(err);
    format_set_bold(f->sheet_title);
    format_set_font_size(f->sheet_title, 14);
    format_set_font_color(f->doc_line, 0x484949);
    format_set_bold(f->table_title);
    format_set_font_size(f->table_title, 12);
    lxw_format *headers[] = {f->header, f->header_num};
    for (int i = 0; i < 2; i++) {
        format_set_bold(headers[i]);
        format_set_bottom(headers[i], LXW_BORDER_THIN);
        format_set_text_wrap(headers[i]);
        format_set_align(headers[i], LXW_ALIGN_VERTICAL_BOTTOM);
    }
    format_set_align(f->header_num, LXW_ALIGN_RIGHT);
    if (publication) {
        if ((f->suppressed = workbook_add_format(wb)) == NULL)
            return oom(err);
        format_set_align(f->suppressed, LXW_ALIGN_RIGHT); /* "c", among numbers */
    }
    format_set_num_format(f->percent, "0.00%");
    format_set_num_format(f->date, "dd/mm/yyyy");
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x484949);
    format_set_italic(f->note_wrap);
    format_set_font_color(f->note_wrap, 0x484949);
    format_set_font_color(f->doc_line_wrap, 0x484949);
    lxw_format *wraps[] = {f->wrap, f->note_wrap, f->doc_line_wrap};
    for (int i = 0; i < 3; i++) {
        format_set_text_wrap(wraps[i]);
        format_set_align(wraps[i], LXW_ALIGN_VERTICAL_TOP);
    }
    return 0;
}

/* The width a cell shows at, in characters. */
static size_t cell_width(const struct hw_cell *c)
{
    char buf[HW_DOC_CELL_LEN];
    switch (c->kind) {
    case HW_CELL_DATE:
        return 10; /* dd/mm/yyyy */
    case HW_CELL_TEXT:
        return c->text ? hw_doc_width(c->text) : 0;
    case HW_CELL_EMPTY:
        return 0;
    default:
        return strlen(hw_doc_cell_text(c, buf, sizeof buf));
    }
}

/* Columns as wide as the widest cell any table of the section has there;
 * kept in x->widths (at least TEXT_COLS columns, for running text). */
#define TEXT_COLS 6
static int set_widths(struct ctx *x, lxw_worksheet *ws, const struct hw_doc_section *s,
                      const char *name, struct hw_err *err)
{
    size_t ncols = 0;
    for (size_t t = 0; t < s->ntables; t++)
        ncols = s->tables[t].ncols > ncols ? s->tables[t].ncols : ncols;
    free(x->widths);
    x->nwidths = ncols > TEXT_COLS ? ncols : TEXT_COLS;
    x->widths = hw_calloc(x->nwidths, sizeof *x->widths);
    for (size_t c = ncols; c < x->nwidths; c++)
        x->widths[c] = 9; /* Excel's default, about 8.43 */
    for (size_t c = 0; c < ncols; c++) {
        size_t w = MIN_WIDTH;
        for (size_t t = 0; t < s->ntables; t++) {
            const struct hw_doc_table *tb = &s->tables[t];
            if (c >= tb->ncols)
                continue;
            size_t hw = hw_doc_width(tb->col_titles[c]);
            hw = (hw > HEADER_WIDTH ? HEADER_WIDTH : hw) + 2;
            w = hw > w ? hw : w;
            for (size_t r = 0; r < tb->nrows; r++) {
                size_t cw = cell_width(&tb->cells[r * tb->ncols + c]) + 2;
                w = cw > w ? cw : w;
            }
        }
        x->widths[c] = w > MAX_WIDTH ? MAX_WIDTH : w;
        lxw_error e =
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, (double)x->widths[c], NULL);
        if (e)
            return lxw_fail(err, e, name, "a column");
    }
    return 0;
}

static lxw_error write_cell(lxw_worksheet *ws, const struct formats *f, lxw_row_t row,
                            lxw_col_t col, const struct hw_cell *c)
{
    int y, m, day;
    switch (c->kind) {
    case HW_CELL_TEXT:
        return c->text ? worksheet_write_string(ws, row, col, c->text, NULL) : LXW_NO_ERROR;
    case HW_CELL_INT:
        return worksheet_write_number(ws, row, col, (double)c->n, NULL);
    case HW_CELL_PERCENT:
        /* The division of two exact integers is correctly rounded: the
         * double nearest 0.3291, which Excel shows as 32.91%. */
        return worksheet_write_number(ws, row, col, (double)c->n / 10000.0, f->percent);
    case HW_CELL_DATE:
        hw_date_to_ymd((hw_date)c->n, &y, &m, &day);
        if (y < 1900 || y > 9999) { /* not a date Excel can hold: as text */
            char buf[HW_DATE_LEN];
            hw_format_date((hw_date)c->n, buf);
            return worksheet_write_string(ws, row, col, buf, NULL);
        } else {
            lxw_datetime dt = {.year = y, .month = m, .day = day};
            return worksheet_write_datetime(ws, row, col, &dt, f->date);
        }
    case HW_CELL_SUPPRESSED:
        return worksheet_write_string(ws, row, col, "c", f->suppressed);
    case HW_CELL_EMPTY:
        break;
    }
    return LXW_NO_ERROR; /* left blank, so sums and charts skip it */
}

/* Lines the wrapped header needs in the sheet's columns, for the row's
 * height (Excel does not fit a row to wrapped text it did not lay out
 * itself). */
static unsigned header_lines(const struct ctx *x, const struct hw_doc_table *t)
{
    unsigned lines = 1;
    for (size_t c = 0; c < t->ncols && c < x->nwidths; c++) {
        size_t w = hw_doc_width(t->col_titles[c]), room = x->widths[c] - 1;
        if (w > room) {
            unsigned n = (unsigned)((w + room - 1) / room);
            lines = n > lines ? n : lines;
        }
    }
    return lines > 4 ? 4 : lines;
}

/* A line of running text at (row, 0): as it is when it fits in the
 * sheet's columns, else wrapped in cells merged across them, the row made
 * tall enough. */
static lxw_error long_text(const struct ctx *x, lxw_worksheet *ws, lxw_row_t row, const char *text,
                           lxw_format *plain, lxw_format *wrapped)
{
    size_t total = 0, w = hw_doc_width(text);
    for (size_t c = 0; c < x->nwidths; c++)
        total += x->widths[c];
    if (w <= total || x->nwidths < 2)
        return worksheet_write_string(ws, row, 0, text, plain);
    size_t lines = (w * 11 / 10 + total - 1) / total; /* a tenth more for breaks at words */
    lxw_error e = worksheet_set_row(ws, row, 15.0 * (double)(lines > 20 ? 20 : lines), NULL);
    if (e)
        return e;
    return worksheet_merge_range(ws, row, 0, row, (lxw_col_t)(x->nwidths - 1), text, wrapped);
}

static const lxw_color_t palette[] = {0x003078, 0x5694CA, 0xD4351C,
                                      0x00703C, 0x912B88, 0xB45F06}; /* as the HTML's */
static const uint8_t markers[] = {LXW_CHART_MARKER_CIRCLE, LXW_CHART_MARKER_SQUARE,
                                  LXW_CHART_MARKER_TRIANGLE, LXW_CHART_MARKER_DIAMOND};
static const uint8_t line_dashes[] = {LXW_CHART_LINE_DASH_SOLID, LXW_CHART_LINE_DASH_DASH,
                                      LXW_CHART_LINE_DASH_ROUND_DOT,
                                      LXW_CHART_LINE_DASH_LONG_DASH_DOT};

/* A native chart of a table whose header is at row hdr, placed at (row,
 * col). */
static int add_chart(struct ctx *x, lxw_workbook *wb, lxw_worksheet *ws, const char *name,
                     const struct hw_doc_section *s, const struct hw_doc_chart *ch, lxw_row_t hdr,
                     lxw_row_t row, lxw_col_t col, struct hw_err *err)
{
    const struct hw_doc_table *t = &s->tables[ch->table];
    bool percent = hw_doc_chart_percent(s, ch);
    bool bar = ch->kind == HW_CHART_BAR;
    lxw_chart *chart = workbook_add_chart(wb, bar ? LXW_CHART_COLUMN : LXW_CHART_LINE);
    if (chart == NULL)
        return oom(err);
    const char *title = ch->title;
    if (ch->target >= 0) { /* no target line in Excel's chart: its title says it */
        char v[HW_DOC_CELL_LEN];
        if (percent)
            hw_doc_percent_text(ch->target, true, v, sizeof v);
        else
            snprintf(v, sizeof v, "%lld", ch->target);
        title = keep(x, hw_asprintf("%s (target %s)", ch->title, v));
    }
    if (title[0]) {
        lxw_chart_font font = {.size = 12, .bold = LXW_TRUE};
        chart_title_set_name(chart, title);
        chart_title_set_name_font(chart, &font);
    }
    size_t plotted = ch->rows && ch->rows < t->nrows ? ch->rows : t->nrows;
    lxw_row_t first = hdr + 1, last = hdr + (lxw_row_t)plotted;
    lxw_col_t label = (lxw_col_t)ch->label_col;
    bool labels = bar && plotted * ch->nseries <= 24; /* numbers on the bars, when they fit */
    for (size_t i = 0; i < ch->nseries; i++) {
        lxw_col_t c = (lxw_col_t)ch->series[i];
        lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
        if (se == NULL)
            return oom(err);
        chart_series_set_categories(se, name, first, label, last, label);
        chart_series_set_values(se, name, first, c, last, c);
        chart_series_set_name_range(se, name, hdr, c);
        lxw_color_t colour = palette[i % (sizeof palette / sizeof palette[0])];
        if (bar) {
            lxw_chart_fill fill = {.color = colour};
            chart_series_set_fill(se, &fill);
            if (labels)
                chart_series_set_labels(se);
        } else {
            lxw_chart_line line = {
                .color = colour, .width = 2.25f, .dash_type = line_dashes[i % sizeof line_dashes]};
            lxw_chart_fill fill = {.color = colour};
            chart_series_set_line(se, &line);
            chart_series_set_marker_type(se, markers[i % sizeof markers]);
            chart_series_set_marker_fill(se, &fill);
            chart_series_set_marker_line(se, &(lxw_chart_line){.color = colour});
        }
    }
    if (percent)
        chart_axis_set_num_format(chart->y_axis, "0%");
    /* Category names under the plot, not at zero among bars that go down. */
    chart_axis_set_label_position(chart->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    /* The title doubles as the chart's alternative text. */
    lxw_chart_options opt = {
        .x_scale = CHART_X_SCALE, .y_scale = CHART_Y_SCALE, .description = (char *)title};
    lxw_error e = worksheet_insert_chart_opt(ws, row, col, chart, &opt);
    return e ? lxw_fail(err, e, name, "a chart") : 0;
}

/* The section's table t from *row on; leaves *row under it (and its
 * charts). */
static int add_table(struct ctx *x, lxw_workbook *wb, lxw_worksheet *ws, const char *name,
                     const struct hw_doc_section *s, size_t ti, lxw_row_t *row, struct hw_err *err)
{
    const struct hw_doc_table *t = &s->tables[ti];
    const struct formats *f = &x->f;
    lxw_error e = LXW_NO_ERROR;
    if (t->ncols > LXW_COL_MAX)
        return hw_fail(err, HW_EINTERNAL,
                       "cannot write the spreadsheet: sheet '%.64s': table '%.64s' has %zu "
                       "columns, more than a sheet's %d",
                       name, t->id, t->ncols, LXW_COL_MAX);
    /* Title, header, rows, note and room for charts below. */
    size_t need = 4 + t->nrows + (size_t)CHART_ROWS * s->ncharts;
    if (need > (size_t)LXW_ROW_MAX - *row)
        return hw_fail(err, HW_EINTERNAL,
                       "cannot write the spreadsheet: sheet '%.64s': table '%.64s' does not fit "
                       "in a sheet's %d rows",
                       name, t->id, LXW_ROW_MAX);
    lxw_row_t start = *row;
    if (t->title[0] && (e = worksheet_write_string(ws, (*row)++, 0, t->title, f->table_title)))
        return lxw_fail(err, e, name, "a table's title");
    lxw_row_t hdr = (*row)++;
    unsigned lines = header_lines(x, t);
    if (lines > 1 && (e = worksheet_set_row(ws, hdr, 15.0 * lines, NULL)))
        return lxw_fail(err, e, name, "a header row");
    for (size_t c = 0; c < t->ncols; c++) {
        lxw_format *hf = c > 0 && hw_doc_column_numeric(t, c) ? f->header_num : f->header;
        if ((e = worksheet_write_string(ws, hdr, (lxw_col_t)c, t->col_titles[c], hf)))
            return lxw_fail(err, e, name, "a column title");
    }
    for (size_t r = 0; r < t->nrows; r++, (*row)++)
        for (size_t c = 0; c < t->ncols; c++)
            if ((e = write_cell(ws, f, *row, (lxw_col_t)c, &t->cells[r * t->ncols + c])))
                return lxw_fail(err, e, name, "a cell");
    if (t->nrows == 0 && (e = worksheet_write_string(ws, (*row)++, 0, "No rows.", f->note)))
        return lxw_fail(err, e, name, "a table");
    if (t->note && (e = long_text(x, ws, (*row)++, t->note, f->note, f->note_wrap)))
        return lxw_fail(err, e, name, "a note");

    /* Charts: beside a narrow table, else under it. */
    bool beside = t->ncols <= BESIDE_COLS;
    lxw_row_t at = beside ? start : *row + 1;
    for (size_t k = 0; k < s->ncharts; k++) {
        const struct hw_doc_chart *ch = &s->charts[k];
        if (ch->table != ti || !hw_doc_chart_ok(s, ch))
            continue;
        if (add_chart(x, wb, ws, name, s, ch, hdr, at, beside ? (lxw_col_t)t->ncols + 1 : 0, err) <
            0)
            return -1;
        at += CHART_ROWS;
    }
    if (at > *row)
        *row = at;
    *row += 2; /* two blank rows before the next table */
    return 0;
}

/* The lines at the top of every sheet: its title, the document's. */
static int sheet_head(struct ctx *x, lxw_worksheet *ws, const char *name, const char *title,
                      lxw_row_t *row, struct hw_err *err)
{
    const struct hw_doc *d = x->d;
    char produced[64];
    hw_doc_produced_text(d->produced, produced, sizeof produced);
    struct hw_buf line = {0};
    hw_buf_puts(&line, d->title);
    const char *parts[] = {d->council, d->period};
    for (int i = 0; i < 2; i++)
        if (parts[i][0])
            hw_buf_printf(&line, "%s%s", line.len ? ". " : "", parts[i]);
    if (produced[0])
        hw_buf_printf(&line, "%sProduced %s.", line.len ? ". " : "", produced);
    lxw_error e = worksheet_write_string(ws, (*row)++, 0, title, x->f.sheet_title);
    if (!e && line.len)
        e = long_text(x, ws, (*row)++, line.data, x->f.doc_line, x->f.doc_line_wrap);
    /* A publication says so on every sheet, with what "c" means. */
    if (!e && d->publication)
        e = long_text(x, ws, (*row)++, HW_DOC_PUBLICATION_NOTICE, x->f.table_title, x->f.wrap);
    if (!e && d->publication)
        e = long_text(x, ws, (*row)++, HW_DOC_PUBLICATION_FOOTNOTE, x->f.doc_line,
                      x->f.doc_line_wrap);
    hw_buf_free(&line);
    return e ? lxw_fail(err, e, name, "the title") : 0;
}

static int add_section(struct ctx *x, lxw_workbook *wb, size_t i, struct hw_err *err)
{
    const struct hw_doc_section *s = &x->d->sections[i];
    const char *name = x->names[i];
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (ws == NULL)
        return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: cannot add sheet '%.64s'",
                       name);
    lxw_row_t row = 0;
    if (set_widths(x, ws, s, name, err) < 0)
        return -1;
    /* Printing: A4, as wide as a page, turned for wide tables. */
    size_t total = 0;
    for (size_t c = 0; c < x->nwidths; c++)
        total += x->widths[c];
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    if (total > 100)
        worksheet_set_landscape(ws);
    if (sheet_head(x, ws, name, s->title[0] ? s->title : s->id, &row, err) < 0)
        return -1;
    if (s->intro) { /* a row per line */
        const char *p = s->intro;
        while (*p) {
            size_t n = strcspn(p, "\n");
            char *line = hw_strndup(p, n);
            lxw_error e = line[0] ? long_text(x, ws, row, line, NULL, x->f.wrap) : 0;
            free(line);
            if (e)
                return lxw_fail(err, e, name, "the introduction");
            row++;
            p += n + (p[n] == '\n');
        }
    }
    row++;
    for (size_t t = 0; t < s->ntables; t++)
        if (add_table(x, wb, ws, name, s, t, &row, err) < 0)
            return -1;
    return 0;
}

static int build(lxw_workbook *wb, void *arg, struct hw_err *err)
{
    struct ctx *x = arg;
    const struct hw_doc *d = x->d;
    if (make_formats(wb, &x->f, d->publication, err) < 0)
        return -1;
    /* A fixed creation time (the report's) keeps the workbook's bytes the
     * same for the same document, and avoids libxlsxwriter's gmtime(). */
    lxw_doc_properties props = {
        .title = d->title,
        .company = d->council,
        .comments = "Produced by Homeward",
        .created = d->produced == HW_NO_TIME ? 0 : (time_t)d->produced,
    };
    lxw_error e = workbook_set_properties(wb, &props);
    if (e)
        return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: %s", lxw_strerror(e));
    if (d->nsections == 0) {
        lxw_worksheet *ws = workbook_add_worksheet(wb, x->names[0]);
        lxw_row_t row = 0;
        if (ws == NULL)
            return oom(err);
        x->nwidths = TEXT_COLS;
        x->widths = hw_calloc(x->nwidths, sizeof *x->widths);
        for (size_t c = 0; c < x->nwidths; c++)
            x->widths[c] = 9;
        return sheet_head(x, ws, x->names[0], d->title, &row, err);
    }
    for (size_t i = 0; i < d->nsections; i++)
        if (add_section(x, wb, i, err) < 0)
            return -1;
    return 0;
}

int hw_doc_render_xlsx(const struct hw_doc *d, struct hw_buf *out, struct hw_err *err)
{
    struct ctx x = {.d = d};
    x.names = hw_calloc(d->nsections ? d->nsections : 1, sizeof *x.names);
    hw_doc_sheet_names(d, x.names);
    int rc = hw_xlsx_build(build, &x, out, err);
    for (size_t i = 0; i < x.nkeep; i++)
        free(x.keep[i]);
    free(x.keep);
    free(x.widths);
    free(x.names);
    return rc;
}
