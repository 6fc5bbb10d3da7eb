/* plans.c - finding the missing plans that need review. */
#include "app/plans.h"

#include <stdlib.h>
#include <string.h>

#include "core/rules.h"

struct builder {
    struct hw_store *store;
    const struct hw_config *cfg;
    hw_instant now;
    struct hw_plan_list *out;
    struct hw_err *err;
    int rc;
};

static int one_child(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    const struct hw_child *c = rec;
    hw_instant *starts = NULL;
    size_t n = 0;
    if (hw_store_missing_starts(b->store, c->id, &starts, &n, b->err) < 0) {
        b->rc = -1;
        return 1;
    }
    hw_instant last = HW_NO_TIME;
    for (size_t i = 0; i < n; i++)
        if (starts[i] <= b->now && (last == HW_NO_TIME || starts[i] > last))
            last = starts[i];
    int reasons = hw_plan_review(b->cfg, c->missing_plan != NULL, c->plan_reviewed,
                                 c->plan_review_due, starts, n, b->now);
    free(starts);
    /* Without a plan, only a child missing recently is listed. */
    if (reasons == HW_PLAN_NONE && last < b->now - (hw_instant)b->cfg->due_lookback_days * HW_DAY)
        reasons = 0;
    if (reasons == 0)
        return 0;
    struct hw_plan_list *l = b->out;
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->rows = hw_reallocarray(l->rows, l->cap, sizeof *l->rows);
    }
    l->rows[l->len++] = (struct hw_plan_row){
        .child_id = hw_strdup(c->id),
        .first_name = hw_strdup(c->first_name),
        .last_name = hw_strdup(c->last_name),
        .team = hw_strdup(c->team),
        .worker = hw_strdup(c->worker),
        .has_plan = c->missing_plan != NULL,
        .reviewed = c->plan_reviewed,
        .review_due = c->plan_review_due,
        .reasons = reasons,
        .last_missing = last,
    };
    return 0;
}

static int cmp_row(const void *pa, const void *pb)
{
    const struct hw_plan_row *a = pa, *b = pb;
    if (a->last_missing != b->last_missing)
        return a->last_missing > b->last_missing ? -1 : 1;
    return strcmp(a->child_id, b->child_id);
}

int hw_plans_build(struct hw_store *s, const struct hw_config *cfg, hw_instant now,
                   const char *team, struct hw_plan_list *out, struct hw_err *err)
{
    struct builder b = {.store = s, .cfg = cfg, .now = now, .out = out, .err = err};
    struct hw_filter f = {.team = team};
    memset(out, 0, sizeof *out);
    if (hw_store_list(s, HW_REC_CHILD, &f, one_child, &b, err) < 0)
        b.rc = -1;
    if (b.rc < 0) {
        hw_plans_free(out);
        return -1;
    }
    if (out->len)
        qsort(out->rows, out->len, sizeof *out->rows, cmp_row);
    return 0;
}

void hw_plans_free(struct hw_plan_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->rows[i].child_id);
        free(l->rows[i].first_name);
        free(l->rows[i].last_name);
        free(l->rows[i].team);
        free(l->rows[i].worker);
    }
    free(l->rows);
    memset(l, 0, sizeof *l);
}
