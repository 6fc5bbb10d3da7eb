/* monthly_report.h - the monthly data profile (seed 001; DOMAIN.md).
 *
 * `homeward report monthly`: the eight measures for each month of a range,
 * children placed by other councils excluded, away-without-authorisation
 * episodes not counted. The numbers come from core/monthly.c; this module
 * fetches the facts from the store and renders the result.
 */
#ifndef HW_MONTHLY_REPORT_H
#define HW_MONTHLY_REPORT_H

#include "core/monthly.h"
#include "report/table.h"
#include "store/store.h"

/* Builds months from-to inclusive. On error m is left empty. */
int hw_monthly_build(struct hw_store *s, int from_year, int from_month, int to_year, int to_month,
                     struct hw_monthly *m, struct hw_err *err);
/* Renders the built profile in the given format. */
void hw_monthly_render(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out);

#endif
