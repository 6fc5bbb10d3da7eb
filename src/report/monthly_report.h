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
/* Appends the built profile to out in the given format:
 *   text  the council's own table, months as columns ("Apr-17")
 *   csv   one row per month ("2017-04"), one column per measure
 *   json  {"report": "monthly", "months": [...]}
 *   html  a standalone, accessible HTML5 page: the table (months as columns,
 *         "Apr 2017"), what is counted, and a bar chart of episodes per
 *         month as inline SVG; no scripts, nothing fetched
 *   xlsx  a workbook: sheet "Monthly profile" laid out as the text table with
 *         real numbers and percentages and a line chart, and sheet "By month"
 *         laid out as the CSV
 * Returns 0, or -1 with err set and out unchanged: only xlsx can fail (it
 * needs a temporary file; report/xlsx.h). */
int hw_monthly_write(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out,
                     struct hw_err *err);
/* The same for callers that cannot fail: text, csv, json and html always
 * render; when xlsx fails, nothing is appended (hw_monthly_write says why). */
void hw_monthly_render(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out);
/* A file name for the profile in a format: "monthly-profile-2017-04-to-2018-03.xlsx"
 * (owned by the caller), e.g. for Content-Disposition. */
char *hw_monthly_filename(const struct hw_monthly *m, enum hw_format fmt);

#endif
