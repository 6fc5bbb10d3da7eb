/* monthly.c - bucketing episodes by local month, distinct children by sort. */
#include "core/monthly.h"

#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#define MAX_MONTHS 1200

long hw_rate_hundredths(long num, long den)
{
    if (den <= 0)
        return HW_NO_RATE;
    /* 10000 * num / den, rounded half up, in integers: no float error. */
    return (long)((20000LL * num + den) / (2LL * den));
}

static void keyvec_push(struct hw_keyvec *kv, long long key)
{
    if (kv->len == kv->cap) {
        kv->cap = kv->cap ? kv->cap * 2 : 64;
        kv->v = hw_reallocarray(kv->v, kv->cap, sizeof *kv->v);
    }
    kv->v[kv->len++] = key;
}

static int cmp_key(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static long distinct(struct hw_keyvec *kv)
{
    if (kv->len == 0)
        return 0;
    qsort(kv->v, kv->len, sizeof *kv->v, cmp_key);
    long n = 1;
    for (size_t i = 1; i < kv->len; i++)
        n += kv->v[i] != kv->v[i - 1];
    return n;
}

int hw_monthly_init(struct hw_monthly *m, int from_year, int from_month, int to_year, int to_month)
{
    memset(m, 0, sizeof *m);
    long count = (long)(to_year - from_year) * 12 + (to_month - from_month) + 1;
    if (count < 1 || count > MAX_MONTHS)
        return -1;
    m->from_year = from_year;
    m->from_month = from_month;
    m->nmonths = (size_t)count;
    m->starts = hw_calloc(m->nmonths + 1, sizeof *m->starts);
    m->rows = hw_calloc(m->nmonths, sizeof *m->rows);
    m->missing = hw_calloc(m->nmonths, sizeof *m->missing);
    m->offered = hw_calloc(m->nmonths, sizeof *m->offered);
    m->done = hw_calloc(m->nmonths, sizeof *m->done);
    for (size_t i = 0; i <= m->nmonths; i++) {
        int y = from_year + (int)((from_month - 1 + (long)i) / 12);
        int mo = (int)((from_month - 1 + (long)i) % 12) + 1;
        m->starts[i] = hw_london_month_start(y, mo);
        if (i < m->nmonths) {
            m->rows[i].year = y;
            m->rows[i].month = mo;
        }
    }
    return 0;
}

hw_instant hw_monthly_from(const struct hw_monthly *m)
{
    return m->starts[0];
}

hw_instant hw_monthly_to(const struct hw_monthly *m)
{
    return m->starts[m->nmonths];
}

void hw_monthly_add(struct hw_monthly *m, hw_instant last_seen, long long child_key, bool lac,
                    bool offered, bool done)
{
    if (last_seen < m->starts[0] || last_seen >= m->starts[m->nmonths])
        return;
    /* Binary search for the month: starts[i] <= last_seen < starts[i + 1]. */
    size_t lo = 0, hi = m->nmonths;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->starts[mid] <= last_seen)
            lo = mid;
        else
            hi = mid;
    }
    struct hw_month_row *r = &m->rows[lo];
    r->episodes++;
    r->episodes_done += done;
    r->lac_episodes += lac;
    r->lac_done += lac && done;
    keyvec_push(&m->missing[lo], child_key);
    if (offered)
        keyvec_push(&m->offered[lo], child_key);
    if (done)
        keyvec_push(&m->done[lo], child_key);
}

void hw_monthly_finish(struct hw_monthly *m)
{
    for (size_t i = 0; i < m->nmonths; i++) {
        struct hw_month_row *r = &m->rows[i];
        r->children_missing = distinct(&m->missing[i]);
        r->children_offered = distinct(&m->offered[i]);
        r->children_done = distinct(&m->done[i]);
        r->offer_rate = hw_rate_hundredths(r->children_offered, r->children_missing);
        r->done_rate = hw_rate_hundredths(r->episodes_done, r->episodes);
        r->lac_done_rate = hw_rate_hundredths(r->lac_done, r->lac_episodes);
    }
}

void hw_monthly_free(struct hw_monthly *m)
{
    for (size_t i = 0; m->missing && i < m->nmonths; i++) {
        free(m->missing[i].v);
        free(m->offered[i].v);
        free(m->done[i].v);
    }
    free(m->missing);
    free(m->offered);
    free(m->done);
    free(m->rows);
    free(m->starts);
    memset(m, 0, sizeof *m);
}
