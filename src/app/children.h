/* children.h - children loaded once for a list or report.
 *
 * Lists walk many episodes of the same children; this cache loads each
 * child, and the last-seen times of the child's missing episodes (what the
 * rules need), once per build.
 */
#ifndef HW_CHILDREN_H
#define HW_CHILDREN_H

#include "core/records.h"
#include "core/strmap.h"
#include "store/store.h"

struct hw_child_entry {
    struct hw_child child;
    hw_instant *starts; /* last seen of the child's missing episodes, ascending */
    size_t n;
};

struct hw_child_cache {
    struct hw_store *store;
    struct hw_strmap index; /* child ID -> 1 + position */
    struct hw_child_entry **entries;
    size_t len, cap;
};

/* Zero-initialise, set store, then look children up. */
/* The child with this ID (borrowed until hw_child_cache_free), or NULL with
 * err set: a storage fault, or no such child (HW_EINTERNAL: an episode's
 * child is always stored). */
struct hw_child_entry *hw_child_cache_get(struct hw_child_cache *c, const char *id,
                                          struct hw_err *err);
void hw_child_cache_free(struct hw_child_cache *c);

#endif
