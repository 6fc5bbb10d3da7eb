/* due.c - the rules' schedule less what has been resolved. */
#include "app/due.h"

#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "core/rules.h"
#include "app/children.h"
#include "core/strmap.h"

struct builder {
    struct hw_store *store;
    const struct hw_config *cfg;
    const struct hw_due_query *q;
    struct hw_due_list *out;
    struct hw_err *err;
    struct hw_child_cache children;
    struct hw_strmap risk_changed;    /* episodes whose risk ever changed */
    struct hw_action_record *actions; /* the current episode's */
    size_t nactions, capactions;
    bool rhi_done, rhi_final;
    int rc;
};

const struct hw_code hw_action_status_codes[] = {
    {HW_STATUS_DONE, "done", "Done"},
    {HW_STATUS_NOT_NEEDED, "not_needed", "Not needed"},
    {HW_STATUS_CLOSED, "closed", "Closed: interview declined, child unavailable or not required"},
    {HW_STATUS_FOUND_FIRST, "found_first", "Not needed: found first"},
    {HW_STATUS_OVERDUE, "overdue", "Overdue"},
    {HW_STATUS_UPCOMING, "upcoming", "Upcoming"},
    {0, NULL, NULL},
};

int hw_action_status(const struct hw_resolution *r, const struct hw_action_due *d, hw_instant now)
{
    for (size_t i = 0; i < r->n_actions; i++)
        if (r->actions[i].kind == d->kind && r->actions[i].seq == d->seq)
            return r->actions[i].outcome == HW_ACTION_DONE ? HW_STATUS_DONE : HW_STATUS_NOT_NEEDED;
    if (d->kind == HW_ACT_RHI && r->rhi_done)
        return HW_STATUS_DONE;
    if (d->kind == HW_ACT_RHI && r->rhi_final)
        return HW_STATUS_CLOSED;
    if (d->kind == HW_ACT_SAFE_WELL_CHECK && r->safe_well)
        return HW_STATUS_DONE;
    if (!d->needed)
        return HW_STATUS_FOUND_FIRST;
    return d->due <= now ? HW_STATUS_OVERDUE : HW_STATUS_UPCOMING;
}

static int keep_action(void *ctx, const struct hw_action_record *a)
{
    struct builder *b = ctx;
    if (b->nactions == b->capactions) {
        b->capactions = b->capactions ? b->capactions * 2 : 16;
        b->actions = hw_reallocarray(b->actions, b->capactions, sizeof *b->actions);
    }
    /* Kind, sequence and outcome are enough; the strings are the store's. */
    b->actions[b->nactions++] =
        (struct hw_action_record){.kind = a->kind, .seq = a->seq, .outcome = a->outcome};
    return 0;
}

static int note_interview(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    const struct hw_interview *iv = rec;
    b->rhi_done |= iv->outcome == HW_OUT_COMPLETED;
    b->rhi_final |= iv->outcome == HW_OUT_COMPLETED || iv->outcome == HW_OUT_DECLINED ||
                    iv->outcome == HW_OUT_UNAVAILABLE || iv->outcome == HW_OUT_NOT_REQUIRED;
    return 0;
}

static void push(struct builder *b, const struct hw_episode *e, const struct hw_child *c,
                 const struct hw_action_due *d)
{
    struct hw_due_list *l = b->out;
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = hw_reallocarray(l->items, l->cap, sizeof *l->items);
    }
    l->items[l->len++] = (struct hw_due_item){
        .due = d->due,
        .kind = d->kind,
        .seq = d->seq,
        .episode_id = hw_strdup(e->id),
        .child_id = hw_strdup(e->child_id),
        .first_name = hw_strdup(c->first_name),
        .last_name = hw_strdup(c->last_name),
        .team = hw_strdup(c->team),
        .worker = hw_strdup(c->worker),
        .risk = e->risk,
        .missing = e->returned == HW_NO_TIME,
    };
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
    if (b->q->team && (ce->child.team == NULL || strcmp(ce->child.team, b->q->team) != 0))
        return 0;

    struct hw_assessment as;
    /* The schedule follows the episode's risk over time (the interview
     * decision alone, in daily and weekly, does not depend on it). */
    struct hw_risk_change *risks = NULL;
    size_t n_risks = 0;
    if (hw_strmap_get(&b->risk_changed, e->id, NULL) &&
        hw_risk_history(b->store, e, &risks, &n_risks, b->err) < 0) {
        b->rc = -1;
        return 1;
    }
    hw_assess_with_history(b->cfg, &ce->child, e, ce->starts, ce->n, risks, n_risks, b->q->now,
                           &as);
    free(risks);
    if (as.n_actions == 0)
        return 0;

    struct hw_filter covering = {.episode_id = e->id,
                                 .fields = hw_field_mask(hw_interview_fields, "outcome", NULL)};
    b->nactions = 0;
    b->rhi_done = b->rhi_final = false;
    if (hw_store_list_actions(b->store, e->id, keep_action, b, b->err) < 0 ||
        hw_store_list(b->store, HW_REC_INTERVIEW, &covering, note_interview, b, b->err) < 0) {
        b->rc = -1;
        return 1;
    }
    struct hw_resolution r = {.actions = b->actions,
                              .n_actions = b->nactions,
                              .rhi_done = b->rhi_done,
                              .rhi_final = b->rhi_final,
                              .safe_well = e->safe_well_at != HW_NO_TIME};
    for (size_t i = 0; i < as.n_actions; i++) {
        int status = hw_action_status(&r, &as.actions[i], b->q->now);
        if (status == HW_STATUS_OVERDUE || status == HW_STATUS_UPCOMING)
            push(b, e, &ce->child, &as.actions[i]);
    }
    return 0;
}

static int note_changed(void *ctx, const char *id)
{
    hw_strmap_put(ctx, id, 1);
    return 0;
}

static int cmp_item(const void *pa, const void *pb)
{
    const struct hw_due_item *a = pa, *b = pb;
    if (a->due != b->due)
        return a->due < b->due ? -1 : 1;
    int c = strcmp(a->episode_id, b->episode_id);
    if (c)
        return c;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return a->seq - b->seq;
}

int hw_due_build(struct hw_store *s, const struct hw_config *cfg, const struct hw_due_query *q,
                 struct hw_due_list *out, struct hw_err *err)
{
    struct builder b = {
        .store = s, .cfg = cfg, .q = q, .out = out, .err = err, .children = {.store = s}};
    struct hw_filter active = {
        .kind = HW_KIND_MISSING,
        .active_since = q->now - (hw_instant)cfg->due_lookback_days * HW_DAY,
        .to = q->now + 1, /* nothing that starts after `now` */
    };
    memset(out, 0, sizeof *out);
    if (hw_store_changed_ids(s, HW_REC_EPISODE, "risk", note_changed, &b.risk_changed, err) < 0 ||
        hw_store_list(s, HW_REC_EPISODE, &active, one_episode, &b, err) < 0)
        b.rc = -1;
    hw_strmap_free(&b.risk_changed);
    hw_child_cache_free(&b.children);
    free(b.actions);
    if (b.rc < 0) {
        hw_due_free(out);
        return -1;
    }
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, cmp_item);
    return 0;
}

void hw_due_item_free(struct hw_due_item *it)
{
    free(it->episode_id);
    free(it->child_id);
    free(it->first_name);
    free(it->last_name);
    free(it->team);
    free(it->worker);
}

void hw_due_free(struct hw_due_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        hw_due_item_free(&l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}
