/* csv_read.h - reading CSV files row by row, with the line each row starts on.
 *
 * RFC 4180 through libcsv in strict mode: quoted fields, doubled quotes and
 * newlines inside quotes; CRLF or LF line ends; a UTF-8 byte order mark at
 * the start is skipped. Blank lines are skipped, and spaces and tabs around
 * an unquoted field trimmed (unless HW_CSV_KEEP_SPACE). Limits at the edge: a field
 * of at most HW_CSV_FIELD_MAX bytes, a row of at most HW_CSV_COLUMNS_MAX
 * fields.
 */
#ifndef HW_CSV_READ_H
#define HW_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"

#define HW_CSV_FIELD_MAX   65536
#define HW_CSV_COLUMNS_MAX 256

struct hw_csv_row {
    size_t line; /* physical line (1-based) the row starts on */
    size_t nfields;
    const char *const *fields; /* NUL-terminated; borrowed for the callback */
    size_t bad_utf8;           /* 0, or 1 + the index of a field that is not UTF-8 */
    size_t nul_byte;           /* 0, or 1 + the index of a field holding a NUL byte */
};

/* Called per row, the header first. Return 0 to go on, -1 to stop (err set). */
typedef int (*hw_csv_row_cb)(void *ctx, const struct hw_csv_row *row, struct hw_err *err);

/* Reads the file at path. Returns 0, or -1 with err naming path:line for a
 * file that cannot be read, malformed quoting, or a limit exceeded. */
int hw_csv_read_file(const char *path, hw_csv_row_cb cb, void *ctx, struct hw_err *err);
/* The same over a buffer; name is used in messages. */
int hw_csv_read_buffer(const char *data, size_t len, const char *name, hw_csv_row_cb cb, void *ctx,
                       struct hw_err *err);

/* Flags for the _flags readers (the two above pass 0). */
enum {
    /* Unquoted fields keep their leading and trailing spaces and tabs (by
     * default they are trimmed); a line of nothing but spaces and tabs is
     * still skipped as blank. */
    HW_CSV_KEEP_SPACE = 1u
};
int hw_csv_read_file_flags(const char *path, unsigned flags, hw_csv_row_cb cb, void *ctx,
                           struct hw_err *err);
int hw_csv_read_buffer_flags(const char *data, size_t len, const char *name, unsigned flags,
                             hw_csv_row_cb cb, void *ctx, struct hw_err *err);

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool hw_utf8_valid(const char *s, size_t n);

#endif
