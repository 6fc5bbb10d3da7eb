/* import.h - importing children, episodes and interviews from CSV files.
 *
 * Columns are matched by name, in any order (header names are compared
 * without regard to case or surrounding spaces); an unknown or repeated
 * column, or a missing required one, rejects the file. Every row is checked
 * - each field's value, then the record against what is stored - and every
 * bad row is reported with its line, column, value and what was expected.
 * A file with any bad row changes nothing. Records are matched on their own
 * IDs: importing again updates, never duplicates; every change goes into the
 * history as made by who (app/save.h).
 */
#ifndef HW_IMPORT_H
#define HW_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/reasons.h"
#include "core/mem.h"
#include "app/save.h"
#include "core/records.h"
#include "io/csv_read.h"
#include "store/store.h"

/* At most this many row errors are listed; the count goes on. */
#define HW_IMPORT_ERRORS_LISTED 1000

struct hw_import_result {
    size_t rows;          /* data rows read */
    size_t added;         /* records new to the store */
    size_t updated;       /* stored records that changed */
    size_t same;          /* stored records the file left as they were */
    size_t bad_rows;      /* rows with at least one error (the import was refused if > 0) */
    size_t n_errors;      /* errors found (a bad row may have several) */
    struct hw_buf errors; /* one line per listed error: "file:line: column x: ..." */
};

/* Imports the file at path as records of type t, in one transaction,
 * checking interviews' reasons against the reasons list (NULL: the
 * defaults). Returns 0 when imported; -1 when refused (res->errors lists the
 * row errors; err summarises) or on a storage fault (err). Free res with
 * hw_import_result_free. */
int hw_import_csv(struct hw_store *s, const struct hw_config *cfg, const struct hw_reasons *reasons,
                  enum hw_rectype t, const char *path, const struct hw_actor *who,
                  struct hw_import_result *res, struct hw_err *err);
/* The same from a file's contents in memory (an upload); name stands for
 * the file in messages. */
int hw_import_csv_buffer(struct hw_store *s, const struct hw_config *cfg,
                         const struct hw_reasons *reasons, enum hw_rectype t, const char *name,
                         const char *data, size_t len, const struct hw_actor *who,
                         struct hw_import_result *res, struct hw_err *err);
/* Where an importer's row callback keeps its counts, for hw_import_rows. */
struct hw_import_counts {
    const bool *have_header; /* a header row was read */
    const size_t *bad_rows, *n_errors;
};
/* The all-or-nothing part every importer shares: reads the CSV file at
 * path (or data, len bytes, named path in messages, when data is not NULL)
 * row by row through `row` inside one write transaction, and commits only
 * when a header was read and no row was bad; else nothing changes and err
 * says why ("FILE: 3 bad rows (4 errors); nothing was imported"). */
int hw_import_rows(struct hw_store *s, const char *path, const char *data, size_t len,
                   hw_csv_row_cb row, void *ctx, const struct hw_import_counts *counts,
                   struct hw_err *err);
void hw_import_result_free(struct hw_import_result *res);

/* Where an importer lists its row errors: each as "path:line: ..." on a
 * line of *errors, the first `listed` of them; every error counted in
 * *n_errors and each row with any in *bad_rows (rows are reported in order,
 * so a row is counted once). */
struct hw_row_errors {
    const char *path;
    struct hw_buf *errors;
    size_t *n_errors, *bad_rows;
    size_t listed;
    size_t last_bad; /* line of the last row counted bad */
};
void hw_row_error(struct hw_row_errors *e, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
