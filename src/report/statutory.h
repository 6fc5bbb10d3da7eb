/* statutory.h - the statutory exports of missing episodes (docs/statutory.md).
 *
 * Two layouts that other bodies define, with their column titles exactly
 * as published:
 *
 *   Annex A, list 8 (children in care), the missing columns: one row per
 *   child in care at a date (the child's case status is cla and no other
 *   council placed them here), with Annex A's identifying columns, the
 *   numbers of missing and absent episodes in the 12 months to that date,
 *   and whether the child was offered, and accepted, a return interview
 *   after their last missing episode. Titles from SocialFinanceDigitalLabs/
 *   liia-tools, liiatools/spec/annex_a/.
 *
 *   The standard safeguarding dataset's ssd_missing table: one row per
 *   missing or away-without-authorisation episode last seen in a window.
 *   Field names from data-to-insight/ssd-data-model,
 *   data/objects/ssd_missing.yml.
 *
 * Each is built once as a hw_table of text cells (row 0 the titles) with a
 * kind per column, which every format renders: text, CSV, JSON and xlsx
 * (counts as numbers, dates and times as Excel dates).
 */
#ifndef HW_STATUTORY_H
#define HW_STATUTORY_H

#include "core/error.h"
#include "core/hwtime.h"
#include "core/mem.h"
#include "report/table.h"
#include "store/store.h"

/* What a column holds; cells hold its text form ("" when not recorded). */
enum hw_stat_kind {
    HW_STAT_TEXT = 0,
    HW_STAT_NUMBER,  /* a whole number: "3" */
    HW_STAT_DATE,    /* "YYYY-MM-DD" */
    HW_STAT_DATETIME /* UK local time "YYYY-MM-DD HH:MM" */
};

struct hw_statutory {
    const char *name;               /* "annex-a-missing" or "ssd-missing" */
    const char *sheet;              /* the workbook's sheet: "List 8", "ssd_missing" */
    char *title;                    /* a line above the text table (owned) */
    struct hw_table table;          /* row 0: the column titles */
    const enum hw_stat_kind *kinds; /* table.ncols entries (static) */
    hw_date at;                     /* Annex A: the date; HW_NO_DATE otherwise */
    hw_date first, last;            /* the window's days, inclusive; HW_NO_DATE: open */
};

/* The first day of Annex A's 12 months to at, (at - 12 months, at]: the
 * day after the same date a year earlier (a 29 February going back to
 * 28 February): 2024-03-31 -> 2023-04-01, 2024-02-29 -> 2023-03-01. */
hw_date hw_annex_a_first_day(hw_date at);

/* Annex A list 8's missing columns as at the end of day `at` (UK time).
 * Children: case status cla now and responsible_authority not recorded,
 * by ID. Episodes count when last seen on a day of (at - 12 months, at]
 * and the child's case status at the time was cla or not recorded; the
 * interview columns are those of the latest such missing episode (empty
 * when there is none). On error *out is left empty. */
int hw_annex_a_missing_build(struct hw_store *s, hw_date at, struct hw_statutory *out,
                             struct hw_err *err);

/* ssd_missing: every episode (missing and away) of a child no other
 * council placed here, last seen on a day from first to last (UK time;
 * HW_NO_DATE leaves that end open), by last seen then ID. On error *out is
 * left empty. */
int hw_ssd_missing_build(struct hw_store *s, hw_date first, hw_date last, struct hw_statutory *out,
                         struct hw_err *err);

/* Appends the export to out:
 *   text  the title, then aligned columns
 *   csv   RFC 4180, the titles as the header row
 *   json  {"export", "at", "from", "to", "columns": [titles],
 *          "rows": [{title: value}]}: numbers as numbers, dates and times as
 *          in the CSV, null when empty
 *   xlsx  one sheet, the titles in row 1 (bold, frozen), counts as numbers,
 *         dates as dates (dd/mm/yyyy), times as date-times (dd/mm/yyyy hh:mm)
 * html is not an export format. Returns 0, or -1 with err set and out
 * unchanged (xlsx can fail: report/xlsx.h; html is refused). */
int hw_statutory_write(const struct hw_statutory *x, enum hw_format fmt, struct hw_buf *out,
                       struct hw_err *err);
void hw_statutory_free(struct hw_statutory *x);

#endif
