/* interview.h - an interview's episodes as the rules see them; attempts.
 *
 * An interview covers one or more episodes of one child last seen within 7
 * days of each other (003 section 12.3). The rules decide each episode
 * (app/assess.h); the interview's verdict is the strongest of its episodes':
 * required, then judgement, then not_required, then forwarded. A recorded
 * decision that departs from a firm verdict overrides the rules and needs a
 * reason (app/check.h). The interview is due 72 hours after the first return
 * among its episodes, and each attempt to hold it is recorded (004 section
 * 10: at least two face-to-face attempts before completing it from carers'
 * and agencies' information).
 */
#ifndef HW_INTERVIEW_H
#define HW_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app/save.h"
#include "core/config.h"
#include "core/records.h"
#include "core/rules.h"
#include "store/store.h"

/* One covered episode. Only the fields the checks and the rules use are
 * read: id, child_id, kind, last_seen, returned, risk, case_status, harmed,
 * crime_while_absent. */
struct hw_covered {
    struct hw_episode ep;
    struct hw_rhi_decision rhi; /* filled by hw_interview_rules */
};

struct hw_interview_view {
    struct hw_covered *eps; /* in the order of episode_ids */
    size_t n;
    const struct hw_covered *first_return; /* the first to return; NULL: none has yet */
    int verdict; /* the strongest enum hw_rhi_verdict; 0 until hw_interview_rules */
};

/* Reads the episodes iv covers, checking that each is recorded and is iv's
 * child's (HW_EINPUT, the message beginning "episode_ids: "). Free v with
 * hw_interview_view_free, also after a failure. */
int hw_interview_load(struct hw_store *s, const struct hw_interview *iv,
                      struct hw_interview_view *v, struct hw_err *err);
/* Runs the rules on each loaded episode and sets v->verdict. An episode
 * still missing is judged as if returned at now; with now HW_NO_TIME, as at
 * its last seen (the least the rules will say of it). Reads the child once
 * and the child's missing episodes once. */
int hw_interview_rules(struct hw_store *s, const struct hw_config *cfg,
                       const struct hw_interview *iv, hw_instant now, struct hw_interview_view *v,
                       struct hw_err *err);
/* Whether iv's recorded decision overrides the rules' verdict on its loaded
 * episodes (those still missing judged at their last seen), as
 * hw_interview_rules would find it; reads the child's other episodes only
 * when they can change the answer. When it overrides, v is as after
 * hw_interview_rules (every criterion named). */
int hw_interview_overrides(struct hw_store *s, const struct hw_config *cfg,
                           const struct hw_interview *iv, struct hw_interview_view *v,
                           bool *overrides, struct hw_err *err);
void hw_interview_view_free(struct hw_interview_view *v);

/* When the interview is due: rhi_due_hours after the first return;
 * HW_NO_TIME while no covered episode has returned. */
hw_instant hw_interview_due(const struct hw_config *cfg, const struct hw_interview_view *v);
/* Completed later than that (72:00:00 after the return is in time). */
bool hw_interview_late(const struct hw_config *cfg, const struct hw_interview_view *v,
                       hw_instant completed);

/* The stronger of two verdicts (enum hw_rhi_verdict; 0 is weakest). */
int hw_rhi_strongest(int a, int b);
/* Whether a recorded decision (enum hw_decision) overrides the rules'
 * verdict: the rules say required and the decision is anything else; or the
 * rules say not_required or forwarded (no interview here) and the decision
 * is anything but not_required. A verdict of judgement leaves every decision
 * to the professional; an unrecorded decision overrides nothing. */
bool hw_decision_overrides(int verdict, int decision);

/* What the attempts recorded say, for 004 section 10. */
struct hw_attempt_summary {
    int recorded;     /* attempts recorded */
    int face_to_face; /* of which face to face */
    bool seen;        /* the child was seen face to face at one of them */
};
int hw_interview_attempts(struct hw_store *s, const char *interview_id,
                          struct hw_attempt_summary *out, struct hw_err *err);
/* A completed interview that records neither the child seen face to face
 * nor two face-to-face attempts (the more of the attempts recorded and the
 * interview's `attempts` count): worth a warning. */
bool hw_interview_attempts_short(const struct hw_interview *iv,
                                 const struct hw_attempt_summary *sum);

#define HW_ATTEMPT_NOTE_MAX 1000 /* bytes of an attempt's note */

/* Appends attempt a to its interview as who, in the caller's transaction:
 * the interview must be recorded (HW_ENOTFOUND), a covered episode must have
 * returned and a->at must not be before the first return, and the note is
 * text of at most HW_ATTEMPT_NOTE_MAX bytes (HW_EINPUT). Sets
 * a->seq and a->recorded. A face-to-face attempt raises the interview's
 * `attempts` to the number of face-to-face attempts recorded, with its
 * history (app/save.h). */
int hw_app_add_attempt(struct hw_store *s, struct hw_attempt *a, const struct hw_actor *who,
                       struct hw_err *err);

#endif
