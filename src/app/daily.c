/* daily.c - building the daily list. */
#include "app/daily.h"

#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/children.h"

struct builder {
    struct hw_store *store;
    const struct hw_config *cfg;
    hw_instant at;
    const char *team;
    struct hw_daily *out;
    struct hw_err *err;
    struct hw_child_cache children;
    int interview; /* the current episode's furthest interview outcome */
    int rc;
};

/* How far an interview got: completed beats declined or unavailable, which
 * beat offered (pending), which beats nothing. */
static int rank(int outcome)
{
    switch (outcome) {
    case HW_OUT_COMPLETED:
        return 5;
    case HW_OUT_DECLINED:
    case HW_OUT_UNAVAILABLE:
    case HW_OUT_NOT_REQUIRED:
        return 4;
    case HW_OUT_PENDING:
        return 3;
    default:
        return 0;
    }
}

static int note_interview(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    int outcome = ((const struct hw_interview *)rec)->outcome;
    if (outcome && rank(outcome) > rank(b->interview))
        b->interview = outcome;
    return 0;
}

static struct hw_daily_row *add_row(struct hw_daily_rows *l, const struct hw_episode *e,
                                    const struct hw_child *c)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->rows = hw_reallocarray(l->rows, l->cap, sizeof *l->rows);
    }
    struct hw_daily_row *r = &l->rows[l->len++];
    memset(r, 0, sizeof *r);
    r->episode_id = hw_strdup(e->id);
    r->child_id = hw_strdup(e->child_id);
    r->first_name = hw_strdup(c->first_name);
    r->last_name = hw_strdup(c->last_name);
    r->team = hw_strdup(c->team);
    r->worker = hw_strdup(c->worker);
    r->placement = e->missing_from_name ? hw_strdup(e->missing_from_name)
                   : e->missing_from_type
                       ? hw_strdup(hw_code_label(hw_placement_codes, e->missing_from_type))
                       : NULL;
    r->kind = e->kind;
    r->risk = e->risk;
    r->last_seen = e->last_seen;
    r->returned = e->returned;
    return r;
}

static int one_episode(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    const struct hw_episode *e = rec;
    struct hw_child_entry *ce = hw_child_cache_get(&b->children, e->child_id, b->err);
    if (ce == NULL) {
        b->rc = -1;
        return 1;
    }
    if (b->team && (ce->child.team == NULL || strcmp(ce->child.team, b->team) != 0))
        return 0;
    bool open = e->returned == HW_NO_TIME || e->returned > b->at;
    if (open) {
        add_row(e->kind == HW_KIND_ABSENT ? &b->out->absent : &b->out->missing, e, &ce->child);
        return 0;
    }
    if (e->returned <= b->at - 24 * HW_HOUR)
        return 0;
    struct hw_daily_row *r = add_row(&b->out->returned, e, &ce->child);
    struct hw_assessment as;
    hw_assess_with_history(b->cfg, &ce->child, e, ce->starts, ce->n, NULL, 0, b->at, &as);
    r->rhi = as.rhi;
    struct hw_filter covering = {.episode_id = e->id,
                                 .fields = hw_field_mask(hw_interview_fields, "outcome", NULL)};
    b->interview = 0;
    if (hw_store_list(b->store, HW_REC_INTERVIEW, &covering, note_interview, b, b->err) < 0) {
        b->rc = -1;
        return 1;
    }
    r->interview = b->interview;
    return 0;
}

static void free_rows(struct hw_daily_rows *l)
{
    for (size_t i = 0; i < l->len; i++) {
        struct hw_daily_row *r = &l->rows[i];
        free(r->episode_id);
        free(r->child_id);
        free(r->first_name);
        free(r->last_name);
        free(r->team);
        free(r->worker);
        free(r->placement);
    }
    free(l->rows);
    memset(l, 0, sizeof *l);
}

/* Keeps in l the items due at or before `at`, moves those due in the 24
 * hours after it to soon, and frees the rest. */
static void split_due(struct hw_due_list *l, struct hw_due_list *soon, hw_instant at)
{
    size_t kept = 0;
    for (size_t i = 0; i < l->len; i++) {
        struct hw_due_item *it = &l->items[i];
        if (it->due <= at) {
            l->items[kept++] = *it;
        } else if (it->due <= at + 24 * HW_HOUR) {
            if (soon->len == soon->cap)
                soon->items = hw_reallocarray(
                    soon->items, soon->cap = soon->cap ? soon->cap * 2 : 16, sizeof *soon->items);
            soon->items[soon->len++] = *it;
        } else {
            hw_due_item_free(it);
        }
    }
    l->len = kept;
}

int hw_daily_build(struct hw_store *s, const struct hw_config *cfg, hw_instant at, const char *team,
                   struct hw_daily *out, struct hw_err *err)
{
    struct builder b = {.store = s,
                        .cfg = cfg,
                        .at = at,
                        .team = team,
                        .out = out,
                        .err = err,
                        .children = {.store = s}};
    /* Open at `at`, or returned in the 24 hours before it. */
    struct hw_filter f = {.active_since = at - 24 * HW_HOUR, .to = at + 1};
    memset(out, 0, sizeof *out);
    out->at = at;
    if (hw_store_list(s, HW_REC_EPISODE, &f, one_episode, &b, err) < 0)
        b.rc = -1;
    hw_child_cache_free(&b.children);
    struct hw_due_query q = {.now = at, .team = team};
    if (b.rc == 0 && hw_due_build(s, cfg, &q, &out->overdue, err) < 0)
        b.rc = -1;
    if (b.rc < 0) {
        hw_daily_free(out);
        return -1;
    }
    split_due(&out->overdue, &out->due_soon, at);
    return 0;
}

void hw_daily_free(struct hw_daily *d)
{
    free_rows(&d->missing);
    free_rows(&d->absent);
    free_rows(&d->returned);
    hw_due_free(&d->overdue);
    hw_due_free(&d->due_soon);
}
