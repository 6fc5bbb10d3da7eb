/* notices.h - notices to the council that placed a child here: made,
 * sent and answered (docs/notices.md).
 *
 * A child placed here by another council (the child's responsible_authority)
 * gets a notice to that council when reported missing and when found: the
 * routing's row to the responsible council (app/notify.h) carries it. When
 * the council has not reported the interview done by the time it is due
 * (the episode's `ola_notice` action, core/rules.h), the missing team makes
 * the 72-hour notice (Derby's standard letter, seed 004 appendix 1). Each
 * notice is sent once (recorded: when and by whom; the text is what was
 * sent) and answered once: what the council said, and when it says the
 * interview was done. Sending the 72-hour notice resolves the action; a
 * report of the interview done resolves it as not needed. Every write is
 * one transaction and changes nothing on error (HW_EINPUT, HW_ENOTFOUND,
 * HW_ECONFLICT naming what was wrong; HW_EINTERNAL for faults).
 */
#ifndef HW_APP_NOTICES_H
#define HW_APP_NOTICES_H

#include "app/notify.h"
#include "core/notices.h"
#include "store/store.h"

#define HW_NOTICE_ANSWER_MAX 2000 /* bytes of an answer */

/* The reason kept with a 72-hour notice. */
extern const char hw_notice_overdue_reason[];

/* Appends the notice of kind (enum hw_route_event) for episode e of child
 * (its name, date of birth and responsible authority) to out, from rb's
 * templates (NULL: the defaults) and its council's name. */
void hw_notice_text(const struct hw_rulebook *rb, const struct hw_child *child,
                    const struct hw_episode *e, int kind, struct hw_buf *out);

/* A notification as read from the store, its strings owned. */
struct hw_notice_row {
    struct hw_notification n;
};
/* Reads notification id: 1 found, 0 not, -1 failure. */
int hw_notice_get(struct hw_store *s, long long id, struct hw_notice_row *out, struct hw_err *err);
void hw_notice_row_free(struct hw_notice_row *r);

/* Makes the 72-hour notice of a returned episode of a child placed by
 * another council, whose interview is due and not reported done, once per
 * episode, as by->user at by->at. *id is set to its number. */
int hw_notice_overdue(struct hw_store *s, const struct hw_rulebook *rb, const char *episode_id,
                      const struct hw_stamp *by, long long *id, struct hw_err *err);

/* Records notice id as sent by by->user at by->at, once; acknowledges the
 * notification (if not already); the 72-hour notice resolves the episode's
 * ola_notice action as done then. */
int hw_notice_send(struct hw_store *s, long long id, const struct hw_stamp *by, struct hw_err *err);

/* Records the responsible council's answer to notice id, sent and not yet
 * answered, once, as recorded by by->user at by->at; with completed (not
 * HW_NO_TIME), when the council says the interview was done: after the
 * return and not in the future, once per episode. A reported interview
 * resolves the episode's ola_notice action, when still open, as not
 * needed. */
int hw_notice_answer(struct hw_store *s, long long id, const char *answer, hw_instant completed,
                     const struct hw_stamp *by, struct hw_err *err);

#endif
