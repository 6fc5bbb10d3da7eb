/* action_plans.h - improvement and action plans (the appendices of seeds
 * 000, 002 and 004): their actions, the RAG ratings given to each over
 * time, and where each action stands.
 *
 * (Not app/plans.h, which is about children's missing plans.)
 *
 * An action is named by its plan ("Missing improvement plan 2017-18") and
 * its ref within the plan ("1.2"); it has an area (or priority), the
 * outcome sought, the action, its success measure, a lead, an owner (the
 * responsible officer), a due date and progress notes. Saving an action
 * compares it with the stored one and keeps every changed field in its
 * history, so progress notes are never lost when a plan is imported again.
 * Ratings are red, amber, green or complete (core/rag.h), each as at a date
 * (or the initial rating), appended and never changed; a later rating for
 * the same date corrects the earlier one.
 *
 * Every write here happens inside the caller's write transaction
 * (hw_store_begin ... hw_store_commit).
 */
#ifndef HW_ACTION_PLANS_H
#define HW_ACTION_PLANS_H

#include <stdbool.h>
#include <stddef.h>

#include "app/save.h"
#include "core/error.h"
#include "core/hwtime.h"
#include "store/store.h"

#define HW_PLAN_NAME_MAX  120  /* bytes of a plan's name */
#define HW_PLAN_REF_MAX   40   /* bytes of an action's ref */
#define HW_PLAN_SHORT_MAX 400  /* area, lead, owner */
#define HW_PLAN_TEXT_MAX  8000 /* outcome, action, success measure, progress, a rating's note */

/* The fields of an action, for messages, comparison and the history. */
enum hw_plan_field {
    HW_PF_POSITION = 0,
    HW_PF_AREA,
    HW_PF_OUTCOME,
    HW_PF_ACTION,
    HW_PF_SUCCESS_MEASURE,
    HW_PF_LEAD,
    HW_PF_OWNER,
    HW_PF_DUE,
    HW_PF_PROGRESS,
    HW_PF_COUNT
};
/* "position", "area", ..., "progress": the names the history keeps. */
extern const char *const hw_plan_field_names[HW_PF_COUNT];

/* Checks a plan's name (1 to HW_PLAN_NAME_MAX bytes of text) and an
 * action's ref (1 to HW_PLAN_REF_MAX bytes: letters, digits and . - _ / ).
 * err says what was expected. */
int hw_plan_check_name(const char *plan, struct hw_err *err);
int hw_plan_check_ref(const char *ref, struct hw_err *err);
/* Checks the text fields of a (the lengths above, no control characters
 * but tab and line ends) and that it has a plan, a ref and an action; err
 * names the field. */
int hw_plan_check_action(const struct hw_plan_action *a, struct hw_err *err);

/* A date as action plans write them: "YYYY-MM-DD", "DD/MM/YYYY",
 * "D.M.YY" or "D.M.YYYY" (a trailing '.' allowed), "31 December 2015" or
 * "31st Dec 2015", or a month alone ("Jan-18", "Jan 2018", "January 2018",
 * "01/18", "01/2018", "2018-01"), which means its last day when month_end
 * and its first otherwise. Two-digit years are 20YY. Returns 0, or -1 for
 * anything else. */
int hw_plan_parse_date(const char *s, bool month_end, hw_date *out);
/* What hw_plan_parse_date accepts, for messages. */
#define HW_PLAN_DATE_FORMS                                                                         \
    "a date (2018-01-31, 31/01/2018, 31.1.18, 31 January 2018) or a month (Jan-18, January "       \
    "2018, 01/18)"

/* Saves a checked action: added when new; when stored and different,
 * stored and each changed field added to its history; else left alone.
 * Returns an enum hw_save_result (app/save.h), or -1 with err. */
int hw_plan_save(struct hw_store *s, const struct hw_plan_action *a, const struct hw_actor *who,
                 struct hw_err *err);

/* How hw_plan_rate decides a rating is already recorded. */
enum hw_rate_mode {
    HW_RATE_ALWAYS = 0, /* record it whatever is stored */
    HW_RATE_SAME_DATE,  /* not when the rating in force for that date (or the initial one) is
                           this rag with this note */
    HW_RATE_LATEST      /* not when the action's latest rating is this rag (a plan's single,
                           undated RAG column: re-importing it does not repeat it) */
};

/* Rates the stored action ref of plan as rag (red..complete) on a date
 * (HW_NO_DATE: its initial rating; never after who->at's day), with a
 * note (NULL: none). Returns 1 when recorded, 0 when the mode finds it already recorded, -1 with
 * err: HW_ENOTFOUND when there is no such action. */
int hw_plan_rate(struct hw_store *s, const char *plan, const char *ref, hw_date on, int rag,
                 const char *note, enum hw_rate_mode mode, const struct hw_actor *who,
                 struct hw_err *err);

/* The plans holding an action with this ref, for a command given a ref
 * without its plan: *plans (owned, free with hw_plan_names_free) holds *n
 * names. */
int hw_plan_find_ref(struct hw_store *s, const char *ref, char ***plans, size_t *n,
                     struct hw_err *err);
void hw_plan_names_free(char **plans, size_t n);

/* ---- where each action stands ---- */

/* One rating occasion: the rating in force for a date (the last recorded
 * for it), or the initial rating. */
struct hw_plan_mark {
    int rag;    /* enum hw_rag; HW_RAG_NONE: none */
    hw_date on; /* HW_NO_DATE: the initial rating */
    char *note; /* NULL when none */
};

struct hw_plan_status {
    char *plan, *ref, *area, *outcome, *action, *success_measure, *lead, *owner, *progress;
    int position;
    hw_date due;
    struct hw_plan_mark *marks; /* every occasion: the initial first, then by date */
    size_t nmarks;
    struct hw_plan_mark latest, previous; /* copies of the last two; rag HW_RAG_NONE if fewer */
    int move;                             /* enum hw_rag_move from previous to latest */
    bool overdue; /* due before the view's date and latest not green or complete */
};

struct hw_plan_view {
    hw_date date;                /* what "overdue" is measured against */
    struct hw_plan_status *rows; /* by plan, position, ref */
    size_t n;
};

/* Loads the actions of plan (NULL: every plan) with their ratings, as at
 * date. Returns 0, or -1 with err (out is then empty). Free with
 * hw_plan_view_free. */
int hw_plan_view_load(struct hw_store *s, const char *plan, hw_date date, struct hw_plan_view *out,
                      struct hw_err *err);
void hw_plan_view_free(struct hw_plan_view *v);

/* Where an action stands from its ratings (any order, as listed by the
 * store) and due date, as at date: fills st's marks, latest, previous,
 * move and overdue. Pure; for tests and hw_plan_view_load. */
void hw_plan_status_rate(struct hw_plan_status *st, const struct hw_plan_rating *ratings, size_t n,
                         hw_date date);

#endif
