/* analysis.c - periods, duration bands and the facts of the analyses. */
#include "core/analysis.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/mem.h"
#include "core/monthly.h"

/* ---- periods ---- */

static void label(char *buf, size_t size, int fy, int quarter)
{
    if (quarter)
        snprintf(buf, size, "%04d-%02d Q%d", fy, (fy + 1) % 100, quarter);
    else
        snprintf(buf, size, "%04d-%02d", fy, (fy + 1) % 100);
}

/* The instant the financial year's month index i (0 = April) starts. */
static hw_instant fy_month_start(int fy, int i)
{
    int m = 4 + i; /* 4..15 */
    return m > 12 ? hw_london_month_start(fy + 1, m - 12) : hw_london_month_start(fy, m);
}

int hw_period_init(struct hw_period *p, int fy, int quarter)
{
    if (quarter < 0 || quarter > 4 || fy < 1900 || fy > 9998)
        return -1;
    memset(p, 0, sizeof *p);
    p->fy = fy;
    p->quarter = quarter;
    int first = quarter ? (quarter - 1) * 3 : 0, months = quarter ? 3 : 12;
    p->from = fy_month_start(fy, first);
    p->to = fy_month_start(fy, first + months);
    p->prev_from = fy_month_start(fy - 1, first);
    p->prev_to = fy_month_start(fy - 1, first + months);
    label(p->label, sizeof p->label, fy, quarter);
    label(p->prev_label, sizeof p->prev_label, fy - 1, quarter);
    return 0;
}

int hw_period_quarters(const struct hw_period *p, hw_instant now)
{
    int n = p->quarter ? p->quarter : 4;
    while (n > 1 && fy_month_start(p->fy, 3 * (n - 1)) > now)
        n--;
    return n;
}

int hw_period_months(const struct hw_period *p, hw_instant now)
{
    int first = p->quarter ? (p->quarter - 1) * 3 : 0, n = p->quarter ? 3 : 12;
    while (n > 1 && fy_month_start(p->fy, first + n - 1) > now)
        n--;
    return n;
}

int hw_parse_fy(const char *s, int *fy)
{
    int y = 0;
    if (s == NULL || strlen(s) != 7 || s[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++) {
        if (i == 4)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
    }
    for (int i = 0; i < 4; i++)
        y = y * 10 + (s[i] - '0');
    int next = (s[5] - '0') * 10 + (s[6] - '0');
    if (y < 1900 || y > 9998 || (y + 1) % 100 != next)
        return -1;
    *fy = y;
    return 0;
}

void hw_fq_of(hw_instant t, int *fy, int *quarter)
{
    struct hw_local l;
    hw_london_from_instant(t, &l);
    *fy = hw_fy_of(l.year, l.month);
    *quarter = hw_fq_of_month(l.month);
}

int hw_fy_month_index(hw_instant t, int fy)
{
    struct hw_local l;
    hw_london_from_instant(t, &l);
    if (hw_fy_of(l.year, l.month) != fy)
        return -1;
    return l.month >= 4 ? l.month - 4 : l.month + 8;
}

/* ---- duration bands ---- */

int hw_band_of(hw_instant from, hw_instant to, hw_instant now)
{
    hw_instant end = to == HW_NO_TIME ? now : to;
    hw_instant h = (end - from) / HW_HOUR;
    if (end - from < 12 * HW_HOUR)
        return HW_BAND_0_12;
    if (h < 24)
        return HW_BAND_12_24;
    if (h < 48)
        return HW_BAND_24_48;
    if (h < 72)
        return HW_BAND_48_72;
    return HW_BAND_72_PLUS;
}

const char *hw_band_label(int band)
{
    static const char *const labels[HW_BAND_COUNT] = {"0-12h", "12-24h", "24-48h", "48-72h",
                                                      "72h+"};
    return band >= 0 && band < HW_BAND_COUNT ? labels[band] : "?";
}

/* ---- age ---- */

int hw_age_band_of(int age)
{
    if (age < 0)
        return HW_AGE_NOT_RECORDED;
    if (age < 1)
        return HW_AGE_UNDER_1;
    if (age < 5)
        return HW_AGE_1_4;
    if (age < 10)
        return HW_AGE_5_9;
    if (age < 16)
        return HW_AGE_10_15;
    return HW_AGE_16_PLUS;
}

const char *hw_age_band_label(int band)
{
    static const char *const labels[HW_AGE_BAND_COUNT] = {
        "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Not recorded"};
    return band >= 0 && band < HW_AGE_BAND_COUNT ? labels[band] : "?";
}

/* ---- the facts ---- */

/* The facts' strings live in blocks freed together. */
struct block {
    struct block *next;
    size_t used, size;
    char data[];
};

const char *hw_afacts_keep(struct hw_afacts *f, const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    struct block *b = f->arena;
    if (b == NULL || b->size - b->used < n) {
        size_t size = n > 65536 ? n : 65536;
        struct block *nb = hw_calloc(1, sizeof *nb + size);
        nb->size = size;
        nb->next = b;
        f->arena = b = nb;
    }
    char *out = b->data + b->used;
    memcpy(out, s, n);
    b->used += n;
    return out;
}

void hw_afacts_init(struct hw_afacts *f, hw_instant from, hw_instant to, hw_instant now,
                    int rhi_due_hours)
{
    memset(f, 0, sizeof *f);
    f->from = from;
    f->to = to;
    f->now = now;
    f->rhi_due_hours = rhi_due_hours;
}

size_t hw_afacts_add_child(struct hw_afacts *f, const struct hw_achild *c)
{
    /* Grow by doubling: capacity is the next power of two above the count. */
    if ((f->nchildren & (f->nchildren - 1)) == 0)
        f->children =
            hw_reallocarray(f->children, f->nchildren ? f->nchildren * 2 : 1, sizeof *f->children);
    struct hw_achild *dst = &f->children[f->nchildren];
    *dst = *c;
    dst->id = (char *)hw_afacts_keep(f, c->id);
    dst->first_name = (char *)hw_afacts_keep(f, c->first_name);
    dst->last_name = (char *)hw_afacts_keep(f, c->last_name);
    dst->gender = (char *)hw_afacts_keep(f, c->gender);
    dst->ethnicity = (char *)hw_afacts_keep(f, c->ethnicity);
    dst->school = (char *)hw_afacts_keep(f, c->school);
    return f->nchildren++;
}

void hw_afacts_add(struct hw_afacts *f, const struct hw_afact *ep)
{
    if ((f->neps & (f->neps - 1)) == 0)
        f->eps = hw_reallocarray(f->eps, f->neps ? f->neps * 2 : 1, sizeof *f->eps);
    struct hw_afact *dst = &f->eps[f->neps++];
    *dst = *ep;
    dst->episode_id = hw_afacts_keep(f, ep->episode_id);
    dst->home = hw_afacts_keep(f, ep->home);
    dst->reasons = hw_afacts_keep(f, ep->reasons);
}

static int by_last_seen(const void *a, const void *b)
{
    const struct hw_afact *x = a, *y = b;
    if (x->last_seen != y->last_seen)
        return x->last_seen < y->last_seen ? -1 : 1;
    return strcmp(x->episode_id ? x->episode_id : "", y->episode_id ? y->episode_id : "");
}

void hw_afacts_finish(struct hw_afacts *f)
{
    if (f->neps > 1)
        qsort(f->eps, f->neps, sizeof *f->eps, by_last_seen);
    for (size_t i = 0; i < f->neps; i++) {
        struct hw_afact *e = &f->eps[i];
        e->first_ever = e->child < f->nchildren && f->children[e->child].first_ever == e->last_seen;
    }
}

void hw_afacts_free(struct hw_afacts *f)
{
    struct block *b = f->arena;
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    free(f->children);
    free(f->eps);
    memset(f, 0, sizeof *f);
}

bool hw_afact_in_timescale(const struct hw_afacts *f, const struct hw_afact *ep)
{
    return ep->done && ep->returned != HW_NO_TIME && ep->rhi_completed != HW_NO_TIME &&
           ep->rhi_completed - ep->returned <= (hw_instant)f->rhi_due_hours * HW_HOUR;
}

bool hw_afact_own(const struct hw_afacts *f, const struct hw_afact *ep)
{
    return ep->child < f->nchildren && !f->children[ep->child].ola;
}

long hw_change_hundredths(long before, long after)
{
    if (before <= 0)
        return HW_NO_RATE;
    /* 10000 * (after - before) / before, rounded half away from zero. */
    long long num = 10000LL * (after - before);
    long long q = (2 * num + (num >= 0 ? before : -before)) / (2LL * before);
    return (long)q;
}
