/* strmap.h - a string-keyed hash map to size_t (open addressing).
 * Keys are copied; the map owns them. */
#ifndef HW_STRMAP_H
#define HW_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct hw_strmap {
    char **keys;
    size_t *values;
    size_t cap, len;
};

/* Sets key to value. Returns true when the key was new. */
bool hw_strmap_put(struct hw_strmap *m, const char *key, size_t value);
/* Returns true and fills *value when key is present. */
bool hw_strmap_get(const struct hw_strmap *m, const char *key, size_t *value);
void hw_strmap_free(struct hw_strmap *m);

#endif
