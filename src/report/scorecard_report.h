/* scorecard_report.h - the performance scorecard as a report document
 * (seed 000; docs/scorecard.md).
 *
 * `homeward report scorecard --year 2016-17 [--to-month 2016-12]`: one row
 * per indicator of the scorecard (core/scorecard.h) with its priority,
 * name, polarity, last year's value, the statistical neighbours' average,
 * the target, the value of each month from April, the year to date, the
 * direction of travel and the RAG rating; and a table of what each
 * indicator counts. The numbers are computed once (core/scorecard.c) from
 * the facts (core/analysis.h) and every format renders the same document
 * (report/doc.h).
 *
 * Document layout (stable ids, the JSON keys):
 *   section "scorecard"
 *     table "indicators": priority, indicator, polarity, last_year,
 *       sn_average, target, apr, may, ... (the months shown), ytd, dot, rag.
 *       Counts are INT cells, rates PERCENT cells; a rate of nothing, or a
 *       value not given, is an empty cell. polarity is "Higher is better" or
 *       "Lower is better"; dot "Better", "Worse" or "Same"; rag "Red",
 *       "Amber" or "Green" (empty when there is no target or no value).
 *     table "measures": indicator, measure (its code), definition,
 *       tolerance (the amber band used, PERCENT of the target).
 */
#ifndef HW_SCORECARD_REPORT_H
#define HW_SCORECARD_REPORT_H

#include <stddef.h>

#include "core/analysis.h"
#include "core/scorecard.h"
#include "report/doc.h"

/* Builds the scorecard of financial year fy for its first nmonths months
 * (1 = April only ... 12 = the whole year) into d, which this initialises
 * (council: the name shown; produced: when). f holds the facts of at least
 * those months. Returns 0, or -1 with err (HW_EINPUT) when nmonths is not
 * 1 to 12; d is then left empty (safe to free). */
int hw_scorecard_doc(struct hw_doc *d, const struct hw_afacts *f, const struct hw_scorecard *sc,
                     int fy, int nmonths, const char *council, hw_instant produced,
                     struct hw_err *err);

/* A file name for the report: "scorecard-2016-17.xlsx", or
 * "scorecard-2016-17-to-2016-12.csv" for part of a year (owned). */
char *hw_scorecard_filename(int fy, int nmonths, enum hw_format fmt);

#endif
