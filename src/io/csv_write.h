/* csv_write.h - writing RFC 4180 CSV.
 *
 * Fields are quoted only when they need it (comma, quote, CR or LF, or
 * leading/trailing space); quotes are doubled. Lines end with "\r\n" as the
 * RFC and spreadsheet tools expect. Output goes to a hw_buf, so the caller
 * decides when and where bytes are written.
 */
#ifndef HW_CSV_WRITE_H
#define HW_CSV_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/mem.h"

struct hw_csv_out {
    struct hw_buf buf;
    bool row_started;
};

void hw_csv_field(struct hw_csv_out *o, const char *s);
void hw_csv_fieldf(struct hw_csv_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void hw_csv_end_row(struct hw_csv_out *o);

#endif
