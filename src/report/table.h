/* table.h - a table of text cells and its text and CSV renderers.
 *
 * Report builders compute numbers; they then lay them out as a hw_table
 * (the first row is the header) and any renderer presents it. Cells are
 * owned by the table.
 */
#ifndef HW_TABLE_H
#define HW_TABLE_H

#include <stddef.h>

#include "core/mem.h"

enum hw_format { HW_FMT_TEXT = 0, HW_FMT_CSV, HW_FMT_JSON };
/* "text", "csv" or "json" -> format; -1 when unknown. */
int hw_format_parse(const char *s);

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

#endif
