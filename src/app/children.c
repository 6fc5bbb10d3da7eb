/* children.c - the per-build child cache. */
#include "app/children.h"

#include <stdlib.h>
#include <string.h>

struct hw_child_entry *hw_child_cache_get(struct hw_child_cache *c, const char *id,
                                          struct hw_err *err)
{
    size_t pos;
    if (hw_strmap_get(&c->index, id, &pos))
        return c->entries[pos - 1];
    struct hw_child_entry *e = hw_calloc(1, sizeof *e);
    hw_record_init(hw_child_fields, &e->child);
    int found = hw_store_get(c->store, HW_REC_CHILD, id, &e->child, err);
    if (found <= 0 || hw_store_missing_starts(c->store, id, &e->starts, &e->n, err) < 0) {
        if (found == 0)
            hw_fail(err, HW_EINTERNAL, "episode's child %s is not stored", id);
        hw_record_clear(hw_child_fields, &e->child);
        free(e);
        return NULL;
    }
    if (c->len == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->entries = hw_reallocarray(c->entries, c->cap, sizeof *c->entries);
    }
    c->entries[c->len++] = e;
    hw_strmap_put(&c->index, id, c->len);
    return e;
}

void hw_child_cache_free(struct hw_child_cache *c)
{
    for (size_t i = 0; i < c->len; i++) {
        hw_record_clear(hw_child_fields, &c->entries[i]->child);
        free(c->entries[i]->starts);
        free(c->entries[i]);
    }
    free(c->entries);
    hw_strmap_free(&c->index);
    c->entries = NULL;
    c->len = c->cap = 0;
}
