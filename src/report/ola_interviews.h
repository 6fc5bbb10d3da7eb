/* ola_interviews.h - the interviews of children placed here by other
 * councils, by responsible council (seed 004 appendix 1 and 2: other
 * councils alerted when the interview is not done in time, and "complete
 * RI's within statutory timescales"; docs/notices.md).
 *
 * `homeward report ola-interviews --from DATE --to DATE | --year YYYY-YY`.
 * The responsible council holds the interview of a child it placed here;
 * Homeward records what it reports back (app/notices.h). Counted: the
 * missing episodes (not away without authorisation) of children whose
 * responsible_authority is set, returned in the period (local dates, both
 * included), each under the child's responsible council; the notices of
 * those episodes whenever sent; an interview as done when the council's
 * answer to one of the episode's notices says when (the earliest).
 *
 * Document layout (stable ids, the JSON keys), one section "ola_interviews":
 *   table "by_council": council, returned (episodes), missing_sent,
 *     found_sent, overdue_sent (notices sent of each kind), reported_done
 *     (interviews reported done), within_72h (of those, no later than the
 *     return + rhi_due_hours), within_72h_pct (of the episodes returned),
 *     median_hours (return to reported completion, over those reported
 *     done), outstanding (returned, no interview reported done as at the
 *     report's time), unanswered (notices sent, not answered as at then),
 *     median_answer_hours (sent to answered, over the notices answered);
 *     a Total row last. Hours are text with one decimal ("26.5"); the median
 *     of an even count is the mean of the middle two, in whole minutes
 *     (rounded down); empty when there is nothing to take it of.
 *   table "episodes": council, episode_id, child_id, returned, due,
 *     completed (times as text, YYYY-MM-DD HH:MM), hours, within_72h
 *     (Yes, No, empty when not reported), missing_notice, found_notice,
 *     overdue_notice (when sent; "not sent" when made and not sent; empty
 *     when none was made), unanswered (notices sent and not answered); by
 *     council, then return, then episode.
 */
#ifndef HW_OLA_INTERVIEWS_H
#define HW_OLA_INTERVIEWS_H

#include "core/config.h"
#include "core/notices.h"
#include "report/doc.h"
#include "store/store.h"

/* One notice of an episode, as the report needs it. */
struct hw_ola_notice {
    int kind;               /* enum hw_route_event (outbox event) */
    hw_instant sent_at;     /* HW_NO_TIME: not sent */
    hw_instant answered_at; /* HW_NO_TIME: not answered */
    hw_instant interview_completed;
};

/* One episode counted, with its notices. Strings owned by the facts. */
struct hw_ola_episode {
    char *council, *episode_id, *child_id; /* child_id: a pseudonym for analysts */
    hw_instant returned;
    struct hw_ola_notice *notices;
    size_t nnotices;
};

struct hw_ola_facts {
    struct hw_ola_episode *eps;
    size_t n, cap;
};

/* Adds an episode (strings copied); returns it to add notices to. */
struct hw_ola_episode *hw_ola_add_episode(struct hw_ola_facts *f, const char *council,
                                          const char *episode_id, const char *child_id,
                                          hw_instant returned);
void hw_ola_add_notice(struct hw_ola_episode *e, const struct hw_ola_notice *n);
void hw_ola_facts_free(struct hw_ola_facts *f);

/* Loads the facts of episodes returned in [from, to) (instants) from the
 * store. With key (NULL: none), children are shown by pseudonym
 * (app/auth.h hw_pseudonym). */
int hw_ola_facts_load(struct hw_store *s, hw_instant from, hw_instant to, const unsigned char *key,
                      struct hw_ola_facts *f, struct hw_err *err);

/* Builds the report of f into d (initialised here): period is shown as
 * given ("2017-04-01 to 2017-06-30"); as_at decides what is outstanding and
 * unanswered. Pure. */
void hw_ola_doc(struct hw_doc *d, const struct hw_ola_facts *f, const struct hw_config *cfg,
                const char *period, hw_instant as_at, const char *council, hw_instant produced);

#endif
