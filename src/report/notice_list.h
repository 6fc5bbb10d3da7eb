/* notice_list.h - notices to the responsible council as a list, for the
 * command line (`homeward notices`) and the API (GET /api/v1/notices)
 * alike (app/notices.h, docs/notices.md).
 */
#ifndef HW_NOTICE_LIST_H
#define HW_NOTICE_LIST_H

#include <jansson.h>
#include <stdbool.h>

#include "report/table.h"
#include "store/store.h"

/* One notice as JSON: id, kind (its event), episode_id, child_id, council
 * (the recipient), reason, created_at, created_by, sent_at, sent_by,
 * answer, answered_at, answered_by, interview_completed (times as ISO 8601
 * with the UK offset, null when not recorded); and with_text, its text. */
json_t *hw_notice_json(const struct hw_notification *n, bool with_text);

/* The notices f selects (f->notices is implied), oldest first, as fmt:
 * text (a table and a count line), csv (one row each, no text) or json
 * ({"notices": [...]}, with their text). Sets *count (may be NULL). */
int hw_notice_list(struct hw_store *s, const struct hw_outbox_filter *f, enum hw_format fmt,
                   struct hw_buf *out, size_t *count, struct hw_err *err);

/* A notice for a person: a header (number, kind, episode, child, council,
 * made, sent, answered, interview done) and its text. */
void hw_notice_text_view(const struct hw_notification *n, struct hw_buf *out);

#endif
