/* doc.h - a report as data: sections of typed tables and charts, and the
 * renderers that present it as text, CSV, JSON, Excel and a printable HTML
 * page.
 *
 * A report builder (the quarterly and annual analyses, the scorecard, the
 * action plans) computes its numbers once and lays them out as a struct
 * hw_doc; every format is a renderer of the same doc, so the numbers
 * cannot differ between formats. Cells are typed, so Excel gets real
 * numbers, percentages and dates, JSON gets numbers, and text aligns them.
 *
 * Shapes:
 *   text  each section a heading, each table an aligned block with a rule
 *         under its header; charts are left out (their tables are there)
 *   csv   each table as a block: a line "# SECTION TITLE: TABLE TITLE", the
 *         header row (column titles), the rows, a blank line
 *   json  {"title", "council", "period", "produced", "sections": [{"id",
 *         "title", "intro", "tables": [{"id", "title", "note", "columns":
 *         [{"id", "title", "kind"}], "rows": [{COLUMN ID: value, ...}]}],
 *         "charts": [{"kind", "title", "table", "label", "series", "target",
 *         "rows"}]}]}:
 *         each row an object holding all its figures; integers as numbers,
 *         percentages as numbers with two decimals (32.91), dates as
 *         "YYYY-MM-DD", empty cells null
 *   xlsx  one sheet per section (its id, at most 31 characters), the
 *         section's tables one under another with their titles; numbers as
 *         numbers, percentages with a 0.00% format, dates as dates
 *   html  one self-contained page (no scripts, nothing fetched): title,
 *         council, period and date produced; each section's tables and
 *         charts (inline SVG); print styles for A4
 */
#ifndef HW_DOC_H
#define HW_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/hwtime.h"
#include "core/mem.h"
#include "report/table.h"

enum hw_cell_kind {
    HW_CELL_EMPTY = 0, /* nothing recorded, or not applicable: shown as "-" or null */
    HW_CELL_TEXT,
    HW_CELL_INT,     /* a count */
    HW_CELL_PERCENT, /* hundredths of a percent: 3291 is 32.91% */
    HW_CELL_DATE     /* an hw_date */
};

struct hw_cell {
    enum hw_cell_kind kind;
    long long n; /* INT, PERCENT, DATE */
    char *text;  /* TEXT (owned by the doc) */
};

struct hw_doc_table {
    char *id, *title, *note; /* id: JSON key and CSV block name; note may be NULL */
    size_t ncols, nrows;
    char **col_ids, **col_titles;
    struct hw_cell *cells; /* nrows * ncols, row by row */
    size_t cap;
};

enum hw_chart_kind { HW_CHART_BAR = 0, HW_CHART_LINE };

/* A chart of one of the section's tables: one series per chosen column,
 * one point per row, labelled by label_col. */
struct hw_doc_chart {
    enum hw_chart_kind kind;
    char *title;
    size_t table;     /* index into the section's tables */
    size_t label_col; /* the column naming each point (e.g. the month) */
    size_t *series;   /* columns to plot (INT or PERCENT cells) */
    size_t nseries;
    long long target; /* a target line in the series' unit (e.g. 9000 = 90.00%); -1: none */
    size_t rows;      /* plot the table's first `rows` rows (0: every row): a Total left out */
};

struct hw_doc_section {
    char *id, *title, *intro; /* intro may be NULL */
    struct hw_doc_table *tables;
    size_t ntables;
    struct hw_doc_chart *charts;
    size_t ncharts;
};

struct hw_doc {
    char *title;   /* "Quarterly analysis: missing children" */
    char *council; /* the council's name (configuration) */
    char *period;  /* "2016-17 Q2" */
    hw_instant produced;
    struct hw_doc_section *sections;
    size_t nsections;
};

/* ---- building ---- */

void hw_doc_init(struct hw_doc *d, const char *title, const char *council, const char *period,
                 hw_instant produced);
void hw_doc_free(struct hw_doc *d);
/* Adds a section; returns it (valid until the next section is added). */
struct hw_doc_section *hw_doc_section(struct hw_doc *d, const char *id, const char *title,
                                      const char *intro);
/* Adds a table with ncols columns given as ids and titles; returns its
 * index in the section. */
size_t hw_doc_table(struct hw_doc_section *s, const char *id, const char *title, const char *note,
                    size_t ncols, const char *const *col_ids, const char *const *col_titles);
/* Adds an empty row to table t of s; returns the row's cells to fill with
 * the setters below. */
struct hw_cell *hw_doc_row(struct hw_doc_section *s, size_t t);
void hw_cell_text(struct hw_cell *c, const char *text); /* NULL: empty */
void hw_cell_int(struct hw_cell *c, long long n);
void hw_cell_percent(struct hw_cell *c, long hundredths); /* HW_NO_RATE: empty */
void hw_cell_date(struct hw_cell *c, hw_date d);
/* Adds a chart of table t (series: nseries column indexes, copied). */
void hw_doc_chart(struct hw_doc_section *s, enum hw_chart_kind kind, const char *title, size_t t,
                  size_t label_col, const size_t *series, size_t nseries, long long target);

/* Plots only the first `rows` rows of the table of the section's latest
 * chart (e.g. every row but a Total, which would dwarf the rest). */
void hw_doc_chart_rows(struct hw_doc_section *s, size_t rows);

/* ---- presenting ---- */

/* Renders d in fmt (text, csv, json, html or xlsx) onto out. Returns 0, or
 * -1 with err set and out unchanged (only xlsx can fail: it needs a
 * temporary file). */
int hw_doc_render(const struct hw_doc *d, enum hw_format fmt, struct hw_buf *out,
                  struct hw_err *err);

#endif
