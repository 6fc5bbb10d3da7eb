/* save.h - storing a record with its history.
 *
 * Every write of a child, episode or interview goes through hw_app_save:
 * it compares the record with the stored one, stores it, and appends to the
 * history who changed what, when and through what (store/store.h,
 * struct hw_change). A new record gets one "created" entry; a changed one an
 * entry per changed field with the old and new values; an identical one is
 * neither written nor logged. The caller has checked the record
 * (app/check.h) and holds a write transaction.
 */
#ifndef HW_SAVE_H
#define HW_SAVE_H

#include "core/records.h"
#include "store/store.h"

/* Who makes a change, how, and when. */
struct hw_actor {
    const char *user;   /* required: a person or system account */
    const char *source; /* "cli", "import children.csv", ... */
    hw_instant at;
};

enum hw_save_result { HW_SAVE_NEW = 0, HW_SAVE_CHANGED, HW_SAVE_SAME };

/* Returns an enum hw_save_result, or -1 with err set. */
int hw_app_save(struct hw_store *s, enum hw_rectype t, const void *rec, const struct hw_actor *who,
                struct hw_err *err);

/* A field's value as the history keeps it: the CSV form, but times as ISO
 * 8601 with seconds and offset, so nothing is lost. Appends nothing when the
 * field is not recorded. */
void hw_history_text(const struct hw_field *f, const void *rec, struct hw_buf *out);

#endif
