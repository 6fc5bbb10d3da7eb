/* action_plan_report.h - action plans as a report document: where every
 * action stands, how its rating moved, what is overdue, and the counts by
 * rating (seeds 000, 002, 004 appendices; docs/scorecard.md).
 *
 * `homeward report plans [--plan NAME] [--date D]`. Built once from the
 * actions and their ratings (app/action_plans.h, struct hw_plan_view) and
 * rendered in any format by report/doc.h.
 *
 * Document layout (stable ids, the JSON keys), one section "action_plans":
 *   table "by_rag": rag (Red, Amber, Green, Complete, Not rated, Total),
 *     actions (by their latest rating), overdue.
 *   table "movement": movement (Improved, Worsened, Same, No earlier
 *     rating), actions: the latest rating against the one before.
 *   table "overdue": ref, plan, area, action, owner, due, latest,
 *     latest_on, days_overdue: due before the report's date and the latest
 *     rating not green or complete; the longest overdue first.
 *   table "actions": ref, plan, area, outcome, action, success_measure,
 *     lead, owner, due, previous, previous_on, latest, latest_on, movement,
 *     overdue ("Yes" or empty), progress: every action in plan order.
 * A rating's date is a DATE cell, or the text "Initial" for an initial
 * rating; a rating is its label (Red ... Complete), empty when none.
 */
#ifndef HW_ACTION_PLAN_REPORT_H
#define HW_ACTION_PLAN_REPORT_H

#include "app/action_plans.h"
#include "report/doc.h"

/* Builds the report of v (for plan, NULL: every plan) into d, which this
 * initialises. */
void hw_action_plan_doc(struct hw_doc *d, const struct hw_plan_view *v, const char *plan,
                        const char *council, hw_instant produced);

/* A file name for the report: "action-plans-2018-03-01.csv", or with the
 * plan's name in it (letters and digits kept, the rest as '-') (owned). */
char *hw_action_plan_filename(const char *plan, hw_date date, enum hw_format fmt);

#endif
