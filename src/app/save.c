/* save.c - diff, store, log. */
#include "app/save.h"

#include <stdlib.h>
#include <string.h>

void hw_history_text(const struct hw_field *f, const void *rec, struct hw_buf *out)
{
    if (f->type == HW_F_TIME && hw_field_is_set(f, rec)) {
        char iso[HW_ISO_LEN];
        hw_format_iso(*(const hw_instant *)((const char *)rec + f->offset), iso);
        hw_buf_puts(out, iso);
        return;
    }
    hw_field_format(f, rec, out);
}

int hw_app_save(struct hw_store *s, enum hw_rectype t, const void *rec, const struct hw_actor *who,
                struct hw_err *err)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    const char *id = *(char *const *)((const char *)rec + ti->fields[0].offset);
    void *old = hw_calloc(1, ti->size);
    struct hw_buf a = {0}, b = {0};
    int rc = -1;
    hw_record_init(ti->fields, old);

    /* A new record is added with who created it: one statement, the usual
     * case in an import. Only a stored one is read and compared. */
    struct hw_stamp stamp = {.at = who->at, .user = who->user, .source = who->source};
    int added = hw_store_add(s, t, rec, &stamp, err);
    if (added != 0) {
        rc = added < 0 ? -1 : HW_SAVE_NEW;
        goto done;
    }
    int got = hw_store_get(s, t, id, old, err);
    if (got != 1) {
        if (got == 0) /* records are never deleted: only a fault gets here */
            hw_fail(err, HW_EINTERNAL, "%s %s could not be read back", ti->name, id);
        goto done;
    }
    struct hw_change c = {
        .at = who->at, .user = who->user, .source = who->source, .type = t, .record_id = id};
    /* Log each field whose value differs; store only when one does. */
    rc = HW_SAVE_SAME;
    for (const struct hw_field *f = ti->fields + 1; f->name; f++) {
        hw_buf_reset(&a);
        hw_buf_reset(&b);
        hw_history_text(f, old, &a);
        hw_history_text(f, rec, &b);
        if (a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0))
            continue;
        if (rc == HW_SAVE_SAME && hw_store_put(s, t, rec, &stamp, err) < 0) {
            rc = -1;
            goto done;
        }
        rc = HW_SAVE_CHANGED;
        c.field = f->name;
        c.old_value = a.len ? a.data : NULL;
        c.new_value = b.len ? b.data : NULL;
        if (hw_store_add_change(s, &c, err) < 0) {
            rc = -1;
            goto done;
        }
    }
done:
    hw_buf_free(&a);
    hw_buf_free(&b);
    hw_record_clear(ti->fields, old);
    free(old);
    return rc;
}
