/* action_plan_import.h - importing an action plan from a CSV file (the
 * layouts of seeds 000, 002 and 004's appendices, saved from a
 * spreadsheet), all or nothing.
 *
 * Columns are matched by name, in any order, without regard to case or
 * spacing; each has the names councils give it (docs/scorecard.md, "Action
 * plans"): Ref (required), Area (Key Areas, Priority, Priority 6, Theme),
 * Outcome (What we will do), Action (How we will do it; required), Success
 * measure (How we will know ...), Lead, Owner (Responsible Officer, Who,
 * Who will be responsible), Due (Time, Timescale, By When), Progress
 * (Progress update), and RAG columns: "RAG Initial" (the initial rating),
 * "RAG <date or month>" ("RAG 01/18": the rating as at that date, a month
 * meaning its first day), and "RAG" or "RAG Rating" (the rating now: as at
 * the import's date). An unknown or repeated column rejects the file.
 *
 * Rows: a blank row is skipped. A row with no ref and no action and one
 * cell of text is a heading ("Performance/Data."): that text is the area of
 * the rows after it. A blank area or outcome is the one of the row above
 * (spreadsheets' merged cells). Due dates and RAG values are read as
 * app/action_plans.h and core/rag.h say. Every bad row is reported as
 * "file:line: column X: 'value': expected ...", and a file with any bad row
 * changes nothing. Actions are matched by plan and ref: importing again
 * updates them (each changed field into the history) and records only the
 * ratings not already recorded; actions missing from the file are kept.
 */
#ifndef HW_ACTION_PLAN_IMPORT_H
#define HW_ACTION_PLAN_IMPORT_H

#include <stddef.h>

#include "app/save.h"
#include "core/hwtime.h"
#include "core/mem.h"
#include "store/store.h"

/* At most this many row errors are listed; the count goes on. */
#define HW_PLAN_IMPORT_ERRORS_LISTED 1000

struct hw_plan_import_result {
    char *plan;           /* the plan imported into (owned) */
    size_t rows;          /* action rows read (not headings or blank rows) */
    size_t added;         /* actions new to the plan */
    size_t updated;       /* stored actions that changed */
    size_t same;          /* stored actions the file left as they were */
    size_t ratings;       /* ratings recorded */
    size_t bad_rows;      /* rows with at least one error (the import was refused if > 0) */
    size_t n_errors;      /* errors found */
    struct hw_buf errors; /* one line per listed error */
};

/* Imports the file at path into plan (NULL: the file's name without its
 * directory and extension), in one transaction; today is the date of an
 * undated "RAG" column's ratings. Returns 0 when imported; -1 when refused
 * (res->errors lists the row errors, err summarises) or on a fault (err).
 * Free res with hw_plan_import_result_free. */
int hw_plan_import_csv(struct hw_store *s, const char *plan, const char *path, hw_date today,
                       const struct hw_actor *who, struct hw_plan_import_result *res,
                       struct hw_err *err);
/* The same from a file's contents in memory (an upload); name stands for
 * the file in messages and, when plan is NULL, names the plan. */
int hw_plan_import_buffer(struct hw_store *s, const char *plan, const char *name, const char *data,
                          size_t len, hw_date today, const struct hw_actor *who,
                          struct hw_plan_import_result *res, struct hw_err *err);
void hw_plan_import_result_free(struct hw_plan_import_result *res);

#endif
