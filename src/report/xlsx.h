/* xlsx.h - tables as an Excel workbook (.xlsx), through libxlsxwriter.
 *
 * Each sheet is a hw_table (report/table.h) with a title above it. Cells
 * the caller marks as numbers or percentages are written as numbers, so a
 * spreadsheet can add them up and chart them: a number cell's text is read
 * back strictly ("149", "-3", "4.5"; a percentage may end in "%" and is
 * stored as a fraction, "32.91%" -> 0.3291, shown as 0.00%). Text that is
 * not a number (e.g. "-" for no rate) is written as it is; empty cells are
 * left empty. The header row is bold and frozen with the first column;
 * columns are as wide as their cells; a sheet may carry a line chart.
 *
 * libxlsxwriter 1.1.4 writes only to a named file, so the workbook is built
 * in a private temporary file in $TMPDIR (default /tmp), read back into the
 * buffer and removed, on every path.
 */
#ifndef HW_XLSX_H
#define HW_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"
#include "report/table.h"

enum hw_xlsx_kind {
    HW_XLSX_TEXT = 0, /* written as text */
    HW_XLSX_NUMBER,   /* a number, in Excel's General format */
    HW_XLSX_PERCENT   /* a percentage (32.91 or 32.91%), as 0.3291 in 0.00% format */
};

/* A line chart of some of the table's rows (or columns), placed under it. */
struct hw_xlsx_chart {
    const char *title;    /* NULL for none */
    const char *y_title;  /* the value axis's name; NULL for none */
    bool by_column;       /* false: each series is a table row, named by its first
                             cell, against the header row's cells; true: each is a
                             column, named by its header, against the first column */
    const size_t *series; /* table rows (or columns) to plot: 1 .. nrows-1 (ncols-1) */
    size_t nseries;
};

struct hw_xlsx_sheet {
    const char *name;             /* the tab: 1 to 31 characters, none of [ ] : * ? / \,
                                     not starting or ending with ', unique in the workbook */
    const char *title;            /* bold above the table; NULL for none */
    const char *note;             /* a line under the title; NULL for none */
    const struct hw_table *table; /* row 0 is the header */
    /* What the cells hold. A cell in row r >= 1 and column c is of kind
     * row_kinds[r] when row_kinds is given, that is not HW_XLSX_TEXT and c
     * >= 1 (the first column holds the rows' names), else col_kinds[c] when
     * col_kinds is given, else text. Either may be NULL. */
    const enum hw_xlsx_kind *col_kinds; /* table->ncols entries */
    const enum hw_xlsx_kind *row_kinds; /* table->nrows entries */
    const struct hw_xlsx_chart *chart;  /* NULL for none */
};

/* A workbook built by the caller through libxlsxwriter's own API (for
 * layouts hw_xlsx_write does not make: several tables on a sheet, dates,
 * column charts): build is called once with a new, empty workbook and adds
 * its sheets; it returns 0, or -1 with err set. The workbook is then
 * packaged (one at a time: libxlsxwriter 1.1.4 is not thread-safe there)
 * and its bytes appended to out. The workbook and everything added to it
 * are freed here. Returns 0, or -1 with err set (build's error, or
 * HW_EINTERNAL: no temporary file, a workbook with no sheet,
 * libxlsxwriter's error), out unchanged and no temporary file left. */
struct lxw_workbook;
typedef int (*hw_xlsx_build_fn)(struct lxw_workbook *wb, void *ctx, struct hw_err *err);
int hw_xlsx_build(hw_xlsx_build_fn build, void *ctx, struct hw_buf *out, struct hw_err *err);

/* Writes a workbook of the n sheets (n >= 1) and appends its bytes to out.
 * Returns 0, or -1 with err set (HW_EINTERNAL: a bad sheet name or chart,
 * a table too big for a sheet, libxlsxwriter's error, or no temporary
 * file), out unchanged and no temporary file left behind. */
int hw_xlsx_write(const struct hw_xlsx_sheet *sheets, size_t n, struct hw_buf *out,
                  struct hw_err *err);

#endif
