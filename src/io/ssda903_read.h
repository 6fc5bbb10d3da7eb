/* ssda903_read.h - reading the SSDA903 return's tables from CSV files.
 *
 * Each file is one table with a header row (io/csv_read.h: UTF-8, a byte
 * order mark skipped, RFC 4180 quoting, blank lines skipped). Columns are
 * matched by name without regard to case or surrounding spaces, in any
 * order; every column of the table's DfE layout is required and extra
 * columns are ignored. Values are kept as core/ssda903.h says (text
 * upper-cased, dates parsed into blank, invalid or valid): a value is never
 * an error here, only the file's shape is.
 */
#ifndef HW_SSDA903_READ_H
#define HW_SSDA903_READ_H

#include "core/error.h"
#include "core/ssda903.h"

/* Reads the table t (HW_903_MISSING_LAST: last year's Missing table) from
 * the file at path, appending its rows to d. Returns 0, or -1 with err
 * (HW_EINPUT) naming the file, and the line and column where there is one:
 * a file that cannot be read, bad quoting, no header, a required column
 * absent or a column given twice, a row whose number of fields differs from
 * the header's, text that is not UTF-8 or holds a NUL byte. On error d may
 * hold some of the file's rows; free it as usual. */
int hw_903_read(const char *path, enum hw_903_table t, struct hw_903_data *d, struct hw_err *err);

#endif
