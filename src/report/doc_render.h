/* doc_render.h - what the report document's renderers share (private to
 * report/doc*.c and their tests; report builders use report/doc.h).
 *
 * One file per format: doc_render_text.c, doc_render_csv.c,
 * doc_render_json.c, doc_render_html.c (with the SVG charts) and
 * doc_render_xlsx.c; doc.c builds documents and dispatches.
 */
#ifndef HW_DOC_RENDER_H
#define HW_DOC_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "report/doc.h"

/* Room for any cell as text: a long long, a percentage or a date. */
#define HW_DOC_CELL_LEN 32

/* A percentage in hundredths as "32.91" (sign false) or "32.91%"; "-1.50",
 * "-0.05%" below zero. */
void hw_doc_percent_text(long long hundredths, bool sign, char *buf, size_t size);
/* A date as "5 Apr 2017". */
void hw_doc_date_text(long long d, char *buf, size_t size);
/* An instant's local (Europe/London) date as "23 November 2026"; "" for
 * HW_NO_TIME. */
void hw_doc_produced_text(hw_instant t, char *buf, size_t size);
/* A cell as a person reads it: "149", "32.91%", "5 Apr 2017", its text, or
 * "-" when empty. Returns buf or the cell's own text. */
const char *hw_doc_cell_text(const struct hw_cell *c, char *buf, size_t size);

/* The kind shared by every non-empty cell of column c: HW_CELL_EMPTY when
 * the column has no value, -1 when its cells are of several kinds. A
 * number withheld from a publication (HW_CELL_SUPPRESSED) is not counted:
 * a column of counts stays one. */
int hw_doc_column_kind(const struct hw_doc_table *t, size_t c);
/* True when column c holds values and all are numbers, percentages,
 * dates or withheld numbers: such columns line up on the right. */
bool hw_doc_column_numeric(const struct hw_doc_table *t, size_t c);
/* True when chart ch names a table of s, and columns of it. Renderers draw
 * only such charts. */
bool hw_doc_chart_ok(const struct hw_doc_section *s, const struct hw_doc_chart *ch);
/* True when each value of the chart's series is a percentage (the axis is
 * in percent); otherwise the values are counts. */
bool hw_doc_chart_percent(const struct hw_doc_section *s, const struct hw_doc_chart *ch);

/* Display width of UTF-8 text: code points, not bytes. */
size_t hw_doc_width(const char *s);

/* Excel's sheet names for the document's sections, in order: section i's
 * id (its title when the id is empty; "Sheet N" when both are), with
 * characters Excel refuses ([ ] : * ? / \ and control characters) as "_",
 * no apostrophe at either end, at most 31 characters, not "History", and
 * unique regardless of case (" (2)", " (3)" ... added). Each name is
 * written into names[i] (HW_DOC_SHEET_NAME_LEN bytes). A document with no
 * sections gets one name, "Report". */
#define HW_DOC_SHEET_NAME_LEN 128 /* 31 characters of up to 4 bytes, and NUL */
void hw_doc_sheet_names(const struct hw_doc *d, char (*names)[HW_DOC_SHEET_NAME_LEN]);

/* The renderers: append to out. */
void hw_doc_render_text(const struct hw_doc *d, struct hw_buf *out);
void hw_doc_render_csv(const struct hw_doc *d, struct hw_buf *out);
void hw_doc_render_json(const struct hw_doc *d, struct hw_buf *out);
void hw_doc_render_html(const struct hw_doc *d, struct hw_buf *out);
/* 0, or -1 with err set and out unchanged. */
int hw_doc_render_xlsx(const struct hw_doc *d, struct hw_buf *out, struct hw_err *err);

#endif
