/* highrisk.c - building the weekly high-risk list. */
#include "app/highrisk.h"

#include <stdlib.h>
#include <string.h>

#include "app/children.h"
#include "app/due.h"
#include "core/strmap.h"

const struct hw_code hw_high_risk_reason_codes[] = {
    {HW_HR_MISSING_HIGH, "missing_high_risk", "Missing now at high risk"},
    {HW_HR_REPEAT, "repeat", "Repeat missing: 2 or more in 28 days"},
    {HW_HR_PERSISTENT, "persistent", "Persistent: 3 or more in the quarter or month"},
    {HW_HR_EXPLOITATION, "exploitation", "Flagged for exploitation or trafficking"},
    {0, NULL, NULL},
};

#define EXPLOITATION_FLAGS (HW_FLAG_CSE | HW_FLAG_CCE | HW_FLAG_TRAFFICKING)

struct builder {
    const struct hw_config *cfg;
    hw_instant at;
    const char *team;
    struct hw_high_risk_list *out;
    struct hw_err *err;
    struct hw_child_cache children;
    struct hw_strmap index; /* child ID -> 1 + position in out */
    int rc;
};

static struct hw_high_risk_child *entry(struct builder *b, const struct hw_child *c)
{
    size_t pos;
    if (hw_strmap_get(&b->index, c->id, &pos))
        return &b->out->children[pos - 1];
    struct hw_high_risk_list *l = b->out;
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->children = hw_reallocarray(l->children, l->cap, sizeof *l->children);
    }
    struct hw_high_risk_child *h = &l->children[l->len++];
    memset(h, 0, sizeof *h);
    h->child_id = hw_strdup(c->id);
    h->first_name = hw_strdup(c->first_name);
    h->last_name = hw_strdup(c->last_name);
    h->team = hw_strdup(c->team);
    h->worker = hw_strdup(c->worker);
    h->case_status = c->case_status;
    h->flags = c->flags;
    h->latest_last_seen = HW_NO_TIME;
    hw_strmap_put(&b->index, c->id, l->len);
    return h;
}

/* Episodes arrive in last-seen order, so the last one seen is the latest. */
static int one_episode(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    const struct hw_episode *e = rec;
    struct hw_child_entry *ce = hw_child_cache_get(&b->children, e->child_id, b->err);
    if (ce == NULL) {
        b->rc = -1;
        return 1;
    }
    const struct hw_child *c = &ce->child;
    if (b->team && (c->team == NULL || strcmp(c->team, b->team) != 0))
        return 0;
    struct hw_pattern p;
    hw_missing_pattern(b->cfg, ce->starts, ce->n, b->at, &p);
    bool open = e->returned == HW_NO_TIME || e->returned > b->at;
    int reasons = 0;
    if (open && e->kind == HW_KIND_MISSING && e->risk == HW_RISK_HIGH)
        reasons |= HW_HR_MISSING_HIGH;
    if (p.repeat)
        reasons |= HW_HR_REPEAT;
    if (p.persistent_quarter || p.persistent_month)
        reasons |= HW_HR_PERSISTENT;
    if ((c->flags & EXPLOITATION_FLAGS) &&
        e->last_seen >= b->at - (hw_instant)b->cfg->high_risk_lookback_days * HW_DAY)
        reasons |= HW_HR_EXPLOITATION;
    size_t pos;
    if (reasons == 0 && !hw_strmap_get(&b->index, c->id, &pos))
        return 0;
    struct hw_high_risk_child *h = entry(b, c);
    h->reasons |= reasons;
    h->pattern = p;
    free(h->latest_episode);
    h->latest_episode = hw_strdup(e->id);
    h->latest_last_seen = e->last_seen;
    h->latest_returned = open ? HW_NO_TIME : e->returned;
    h->latest_risk = e->risk;
    return 0;
}

static int cmp_child(const void *pa, const void *pb)
{
    const struct hw_high_risk_child *a = pa, *b = pb;
    bool ha = a->reasons & HW_HR_MISSING_HIGH, hb = b->reasons & HW_HR_MISSING_HIGH;
    if (ha != hb)
        return ha ? -1 : 1;
    if (a->pattern.in_window != b->pattern.in_window)
        return b->pattern.in_window - a->pattern.in_window;
    if (a->latest_last_seen != b->latest_last_seen)
        return a->latest_last_seen > b->latest_last_seen ? -1 : 1;
    return strcmp(a->child_id, b->child_id);
}

int hw_high_risk_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                       const char *team, struct hw_high_risk_list *out, struct hw_err *err)
{
    struct builder b = {
        .cfg = cfg, .at = at, .team = team, .out = out, .err = err, .children = {.store = s}};
    /* A quarter is at most 92 days: look back far enough for every reason. */
    int days = cfg->high_risk_lookback_days > 92 ? cfg->high_risk_lookback_days : 92;
    if (days < cfg->repeat_window_days)
        days = cfg->repeat_window_days;
    struct hw_filter f = {
        .kind = HW_KIND_MISSING, .active_since = at - (hw_instant)days * HW_DAY, .to = at + 1};
    memset(out, 0, sizeof *out);
    out->at = at;
    if (hw_store_list(s, HW_REC_EPISODE, &f, one_episode, &b, err) < 0)
        b.rc = -1;
    hw_child_cache_free(&b.children);

    /* Only the children a reason put on the list stay (an entry is made by
     * its first reason; later episodes only update it). */
    struct hw_due_list due = {0};
    struct hw_due_query q = {.now = at, .team = team};
    if (b.rc == 0 && hw_due_build(s, cfg, &q, &due, err) < 0)
        b.rc = -1;
    for (size_t i = 0; b.rc == 0 && i < due.len; i++) {
        size_t pos;
        if (hw_strmap_get(&b.index, due.items[i].child_id, &pos))
            out->children[pos - 1].open_actions++;
    }
    hw_due_free(&due);
    hw_strmap_free(&b.index);
    if (b.rc < 0) {
        hw_high_risk_free(out);
        return -1;
    }
    if (out->len)
        qsort(out->children, out->len, sizeof *out->children, cmp_child);
    return 0;
}

void hw_high_risk_free(struct hw_high_risk_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        struct hw_high_risk_child *h = &l->children[i];
        free(h->child_id);
        free(h->first_name);
        free(h->last_name);
        free(h->team);
        free(h->worker);
        free(h->latest_episode);
    }
    free(l->children);
    memset(l, 0, sizeof *l);
}
