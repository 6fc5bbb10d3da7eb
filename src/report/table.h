/* table.h - a table of text cells and its text, CSV and HTML renderers.
 *
 * Report builders compute numbers; they then lay them out as a hw_table
 * (the first row is the header) and any renderer presents it. Cells are
 * owned by the table. (report/xlsx.h writes tables as a spreadsheet.)
 */
#ifndef HW_TABLE_H
#define HW_TABLE_H

#include <stddef.h>

#include "core/mem.h"

enum hw_format { HW_FMT_TEXT = 0, HW_FMT_CSV, HW_FMT_JSON, HW_FMT_HTML, HW_FMT_XLSX };
/* "text", "csv" or "json" -> format; -1 otherwise. What lists and records
 * can be shown as: "html" and "xlsx" are -1 here too, so every caller that
 * cannot render them keeps refusing them. */
int hw_format_parse(const char *s);
/* For reports, which also render as a web page or a spreadsheet: "text",
 * "csv", "json", "html" or "xlsx" -> format; -1 otherwise. */
int hw_format_parse_report(const char *s);
/* The formats hw_format_parse_report accepts, for messages. */
#define HW_REPORT_FORMATS "text, csv, json, html or xlsx"
/* The media type to serve a format as: "text/plain; charset=utf-8",
 * "text/csv; charset=utf-8", "application/json", "text/html; charset=utf-8",
 * "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet". */
const char *hw_format_content_type(enum hw_format f);
/* A file name's extension for a format, without the dot: "txt", "csv",
 * "json", "html", "xlsx". */
const char *hw_format_extension(enum hw_format f);

struct hw_table {
    size_t ncols, nrows; /* rows include the header */
    char **cells;        /* nrows * ncols */
    size_t cap;
};

/* Starts a table with the given header (ncols names). */
void hw_table_init(struct hw_table *t, size_t ncols, const char *const *header);
/* Adds a row; cells are copied; NULL is an empty cell. */
void hw_table_add(struct hw_table *t, const char *const *cells);
void hw_table_free(struct hw_table *t);

/* Aligned columns for a terminal, a rule under the header: columns of
 * numbers (and dates) right-aligned, the first column and words left. */
void hw_table_text(const struct hw_table *t, struct hw_buf *out);
void hw_table_csv(const struct hw_table *t, struct hw_buf *out);
/* An accessible HTML <table> fragment: the caption (none when NULL), the
 * header row in <thead> as <th scope="col">, each body row's first cell as
 * <th scope="row">; cells that are numbers (12, -3, 4.5, 32.91%) get
 * class="num", and so do "-" and empty cells in a column of numbers (and
 * the header of such a column). Every cell is escaped (hw_html_text). */
void hw_table_html(const struct hw_table *t, const char *caption, struct hw_buf *out);
/* Appends s escaped for HTML text or a quoted attribute: & < > " '. */
void hw_html_text(struct hw_buf *out, const char *s);

#endif
