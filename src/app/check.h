/* check.h - consistency of a record with what is already stored.
 *
 * Field values are checked as they are parsed (core/records.c); these
 * checks need the store: that a child exists, that an interview's episodes
 * belong to its child, and so on. They also fill defaults an episode takes
 * from its child (case status and placement at the time). Every command
 * that writes a record (import, CLI, HTTP) calls them before hw_store_put.
 * Errors are HW_EINPUT and name the field at fault.
 */
#ifndef HW_CHECK_H
#define HW_CHECK_H

#include "core/config.h"
#include "core/reasons.h"
#include "core/records.h"
#include "store/store.h"

/* On failure err->msg begins with the field name and a colon. */
int hw_check_child(struct hw_store *s, struct hw_child *c, struct hw_err *err);
int hw_check_episode(struct hw_store *s, struct hw_episode *e, struct hw_err *err);
/* An interview (docs/rules.md, "Interviews"): its episodes are recorded, are
 * its child's and were last seen within interview_cover_days of each other;
 * completed goes with outcome completed, and not before offered; a decision
 * that overrides the rules' verdict on its episodes (app/interview.h) has a
 * decision_reason; completed after rhi_due_hours from the first return, a
 * lateness_reason. Reasons new or changed from the stored interview's must
 * be codes of the reasons list (NULL: the defaults) and are normalised
 * (core/reasons.h); reasons as stored are kept as they are. */
int hw_check_interview(struct hw_store *s, const struct hw_config *cfg,
                       const struct hw_reasons *reasons, struct hw_interview *iv,
                       struct hw_err *err);
/* Dispatches on the record type; reasons as for hw_check_interview. */
int hw_check_record(struct hw_store *s, const struct hw_config *cfg,
                    const struct hw_reasons *reasons, enum hw_rectype t, void *rec,
                    struct hw_err *err);

#endif
