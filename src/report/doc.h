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
    HW_CELL_INT,        /* a count (unless marked worked out: hw_cell_worked_out) */
    HW_CELL_PERCENT,    /* hundredths of a percent: 3291 is 32.91% */
    HW_CELL_DATE,       /* an hw_date */
    HW_CELL_SUPPRESSED, /* a number withheld from a publication (report/publish.h): "c" */
};

/* How many cells a number can be worked out from (hw_cell_from). */
#define HW_CELL_FROM_MAX 4

struct hw_cell {
    enum hw_cell_kind kind;
    long long n; /* INT, PERCENT, DATE */
    char *text;  /* TEXT (owned by the doc) */
    /* For a publication (report/publish.h): a number worked out from counts
     * (a percentage, a change) rather than a count, the values of those
     * counts (-1: none) and the cells of its table that show them (as
     * offsets from this cell), so that it is withheld with them. */
    bool worked_out;
    long long of[2];
    unsigned char nfrom;
    ptrdiff_t from[HW_CELL_FROM_MAX];
};

/* A total shown in a table and the cells it is the total of: for a
 * publication's secondary suppression (report/publish.h). across: the
 * total is a column and its parts are columns (in every row); else the
 * total is a row and its parts are rows (in every column). */
struct hw_doc_total {
    bool across;
    size_t total;
    size_t *parts;
    size_t nparts;
};

struct hw_doc_table {
    char *id, *title, *note; /* id: JSON key and CSV block name; note may be NULL */
    size_t ncols, nrows;
    char **col_ids, **col_titles;
    struct hw_cell *cells; /* nrows * ncols, row by row */
    size_t cap;
    bool names_children; /* names or pseudonymises children: left out of a publication */
    struct hw_doc_total *totals;
    size_t ntotals;
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
    /* Marked for publication (report/publish.h hw_doc_publish): every format
     * says so at the top, and explains "c" (HW_DOC_PUBLICATION_FOOTNOTE). */
    bool publication;
};

/* What a document marked for publication says of itself. */
#define HW_DOC_PUBLICATION_NOTICE "For publication: small numbers are suppressed (shown as c)."
#define HW_DOC_PUBLICATION_FOOTNOTE                                                                \
    "c: a count from 1 to 4, suppressed so that no child can be identified; or a count "           \
    "suppressed with one, so that it cannot be worked out from a total; or a percentage or "       \
    "change worked out from a suppressed count. 0 is shown as 0. Tables that name or "             \
    "identify children are left out."

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
/* The cell at row, col of table t (the row must have been added). */
struct hw_cell *hw_doc_cell(struct hw_doc_section *s, size_t t, size_t row, size_t col);

/* ---- what a publication needs to know (report/publish.h) ----
 * Nothing here changes how a document shows; hw_doc_publish reads it. */

/* A percentage of two counts, hw_rate_hundredths(num, den) (empty when den
 * is 0), marked as worked out from them. */
void hw_cell_rate(struct hw_cell *c, long num, long den);
/* Marks the number in c as worked out from counts a and b (each -1 when
 * there is none), not a count: in a publication it is withheld when either
 * is under 5. */
void hw_cell_worked_out(struct hw_cell *c, long long a, long long b);
/* ... and withheld when the cell `src` of the same table is (src points
 * into the same table's cells, e.g. from hw_doc_cell or the same row).
 * At most HW_CELL_FROM_MAX; more are ignored. */
void hw_cell_from(struct hw_cell *c, const struct hw_cell *src);
/* "This period against last year" in four cells from c: now, before, the
 * change, and the change in percent of before (no rate when before is 0);
 * the changes marked as worked out from the two. */
void hw_cells_change(struct hw_cell c[4], long now, long before);
/* Row `total` of table t is the total of rows parts[0..nparts) (in every
 * column of counts), or with across, column `total` of columns parts. */
void hw_doc_total(struct hw_doc_section *s, size_t t, bool across, size_t total,
                  const size_t *parts, size_t nparts);
/* The same for the parts first, first + 1, ..., last - 1. */
void hw_doc_total_range(struct hw_doc_section *s, size_t t, bool across, size_t total, size_t first,
                        size_t last);
/* Table t names or pseudonymises children: a publication leaves it out. */
void hw_doc_table_names_children(struct hw_doc_section *s, size_t t);

/* Adds a chart of table t (series: nseries column indexes, copied). */
void hw_doc_chart(struct hw_doc_section *s, enum hw_chart_kind kind, const char *title, size_t t,
                  size_t label_col, const size_t *series, size_t nseries, long long target);

/* Takes table t out of section s, with its charts (the other charts keep
 * their tables). */
void hw_doc_drop_table(struct hw_doc_section *s, size_t t);
/* Takes chart k out of section s. */
void hw_doc_drop_chart(struct hw_doc_section *s, size_t k);

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
