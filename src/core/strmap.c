/* strmap.c - FNV-1a hashing, linear probing, grown at 50% load. */
#include "core/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static size_t slot(const struct hw_strmap *m, const char *key)
{
    size_t i = (size_t)hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void grow(struct hw_strmap *m)
{
    struct hw_strmap bigger = {0};
    bigger.cap = m->cap ? m->cap * 2 : 64;
    bigger.keys = hw_calloc(bigger.cap, sizeof *bigger.keys);
    bigger.values = hw_calloc(bigger.cap, sizeof *bigger.values);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i]) {
            size_t j = slot(&bigger, m->keys[i]);
            bigger.keys[j] = m->keys[i];
            bigger.values[j] = m->values[i];
        }
    bigger.len = m->len;
    free(m->keys);
    free(m->values);
    *m = bigger;
}

bool hw_strmap_put(struct hw_strmap *m, const char *key, size_t value)
{
    if (2 * (m->len + 1) > m->cap)
        grow(m);
    size_t i = slot(m, key);
    bool fresh = m->keys[i] == NULL;
    if (fresh) {
        m->keys[i] = hw_strdup(key);
        m->len++;
    }
    m->values[i] = value;
    return fresh;
}

bool hw_strmap_get(const struct hw_strmap *m, const char *key, size_t *value)
{
    if (m->cap == 0)
        return false;
    size_t i = slot(m, key);
    if (m->keys[i] == NULL)
        return false;
    if (value)
        *value = m->values[i];
    return true;
}

void hw_strmap_free(struct hw_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
