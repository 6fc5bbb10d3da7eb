/* care_period_import.h - importing children's periods of care from a CSV
 * file, all or nothing.
 *
 * A period of care is what the SSDA903 return's Episodes table describes
 * (docs/ssda903.md): from decom (the date the child started to be looked
 * after) to dec (the date it ended; blank while still looked after), with
 * rec the reason it ended and the 903 fields of its first placement. The
 * columns, matched by name in any order (without regard to case or
 * surrounding spaces): child_id and decom (required), dec, rec, rne, ls,
 * cin, place, place_provider, reason_place_change, home_post, pl_post, urn.
 * An unknown or repeated column, or a missing required one, rejects the
 * * file. Dates are YYYY-MM-DD or DD/MM/YYYY; codes are kept upper-cased as given (letters
 * and digits; the SSDA903 validator judges the code lists).
 *
 * Each row is checked: the child is in Homeward; decom a date, not before
 * the child's date of birth; dec blank or a date not before decom; rec
 * given exactly when dec is; the child's periods (in the file and already
 * stored) do not overlap, a new one starting only after the previous one
 * ended; the same child and decom not twice in the file. Every bad row is
 * reported as "file:line: column x: ...", and a file with any bad row
 * changes nothing. Periods are matched by child and decom: importing again
 * replaces a changed period and never duplicates one.
 */
#ifndef HW_CARE_PERIOD_IMPORT_H
#define HW_CARE_PERIOD_IMPORT_H

#include <stddef.h>

#include "core/mem.h"
#include "store/store.h"

/* The columns, in the order `homeward generate` writes them. */
#define HW_CARE_PERIOD_COLUMNS 13
extern const char *const hw_care_period_columns[HW_CARE_PERIOD_COLUMNS];

/* At most this many row errors are listed; the count goes on. */
#define HW_CARE_PERIOD_ERRORS_LISTED 1000

struct hw_care_period_import_result {
    size_t rows;          /* data rows read */
    size_t added;         /* periods new to the store */
    size_t updated;       /* stored periods (same child and decom) that changed */
    size_t same;          /* stored periods the file left as they were */
    size_t bad_rows;      /* rows with at least one error (the import was refused if > 0) */
    size_t n_errors;      /* errors found */
    struct hw_buf errors; /* one line per listed error */
};

/* Imports the file at path (or, when data is not NULL, len bytes of an
 * upload named path in messages) in one transaction. Returns 0 when
 * imported; -1 when refused (res->errors lists the row errors, err
 * summarises) or on a fault (err). Free res with
 * hw_care_period_import_result_free. */
int hw_care_period_import(struct hw_store *s, const char *path, const char *data, size_t len,
                          struct hw_care_period_import_result *res, struct hw_err *err);
void hw_care_period_import_result_free(struct hw_care_period_import_result *res);

#endif
