/* dashboard.c - the dashboard from the daily and due lists. */
#include "report/dashboard.h"

#include <string.h>

#include "app/assess.h"
#include "app/children.h"
#include "app/daily.h"
#include "app/due.h"
#include "io/record_json.h"
#include "report/lists.h"

/* Returned episodes, to look for an interview decision. */
struct returned {
    char **ids;
    size_t len;
};

static int collect_returned(void *ctx, const void *rec)
{
    struct returned *r = ctx;
    const struct hw_episode *e = rec;
    if (e->returned == HW_NO_TIME)
        return 0;
    r->ids = hw_reallocarray(r->ids, r->len + 1, sizeof *r->ids);
    r->ids[r->len++] = hw_strdup(e->id);
    return 0;
}

static int any_interview(void *ctx, const void *rec)
{
    (void)rec;
    *(bool *)ctx = true;
    return 1;
}

/* One awaiting-decision row, in the daily list's returned shape. */
static json_t *awaiting_row(const struct hw_episode *e, const struct hw_child *c,
                            const struct hw_assessment *as, hw_instant at)
{
    struct hw_daily_row r = {.episode_id = e->id,
                             .child_id = c->id,
                             .first_name = c->first_name,
                             .last_name = c->last_name,
                             .team = c->team,
                             .worker = c->worker,
                             .placement = e->missing_from_name,
                             .kind = e->kind,
                             .risk = e->risk,
                             .last_seen = e->last_seen,
                             .returned = e->returned,
                             .rhi = as->rhi};
    return hw_daily_row_json(&r, at);
}

static int awaiting(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                    const char *team, json_t *out, struct hw_err *err)
{
    struct returned r = {0};
    struct hw_child_cache cache = {.store = s};
    struct hw_episode e;
    int rc = -1;
    hw_record_init(hw_episode_fields, &e);
    struct hw_filter f = {.active_since = at - (hw_instant)cfg->rhi_due_hours * HW_HOUR,
                          .to = at + 1,
                          .fields =
                              hw_field_mask(hw_episode_fields, "episode_id", "returned", NULL)};
    if (hw_store_list(s, HW_REC_EPISODE, &f, collect_returned, &r, err) < 0)
        goto done;
    for (size_t i = 0; i < r.len; i++) {
        bool has = false;
        struct hw_filter fi = {.episode_id = r.ids[i],
                               .fields = hw_field_mask(hw_interview_fields, "interview_id", NULL)};
        if (hw_store_list(s, HW_REC_INTERVIEW, &fi, any_interview, &has, err) < 0)
            goto done;
        if (has)
            continue;
        hw_record_clear(hw_episode_fields, &e);
        hw_record_init(hw_episode_fields, &e);
        if (hw_store_get(s, HW_REC_EPISODE, r.ids[i], &e, err) <= 0)
            goto done;
        if (e.returned == HW_NO_TIME || e.returned > at)
            continue;
        struct hw_child_entry *ce = hw_child_cache_get(&cache, e.child_id, err);
        if (ce == NULL)
            goto done;
        if (team && !(ce->child.team && strcmp(ce->child.team, team) == 0))
            continue;
        struct hw_assessment as;
        if (hw_assess_episode(s, cfg, &ce->child, &e, at, &as, err) < 0)
            goto done;
        if (as.rhi.verdict == HW_RHI_REQUIRED || as.rhi.verdict == HW_RHI_JUDGEMENT)
            json_array_append_new(out, awaiting_row(&e, &ce->child, &as, at));
    }
    rc = 0;
done:
    for (size_t i = 0; i < r.len; i++)
        free(r.ids[i]);
    free(r.ids);
    hw_record_clear(hw_episode_fields, &e);
    hw_child_cache_free(&cache);
    return rc;
}

int hw_dashboard_json(struct hw_store *s, const struct hw_config *cfg, hw_instant at,
                      const char *team, json_t **out, struct hw_err *err)
{
    struct hw_daily d = {0};
    json_t *missing = json_array(), *overdue = json_array(), *soon = json_array(),
           *await = json_array();
    int rc = -1;
    *out = NULL;
    if (hw_daily_build(s, cfg, at, team, &d, err) < 0 || awaiting(s, cfg, at, team, await, err) < 0)
        goto done;
    /* Longest missing first. */
    const struct hw_daily_rows *open[] = {&d.missing, &d.absent};
    size_t total = d.missing.len + d.absent.len;
    const struct hw_daily_row **rows = hw_calloc(total + 1, sizeof *rows);
    size_t n = 0;
    for (size_t k = 0; k < 2; k++)
        for (size_t i = 0; i < open[k]->len; i++)
            rows[n++] = &open[k]->rows[i];
    for (size_t i = 1; i < n; i++) /* insertion sort: a handful of rows */
        for (size_t j = i; j > 0 && rows[j - 1]->last_seen > rows[j]->last_seen; j--) {
            const struct hw_daily_row *t = rows[j];
            rows[j] = rows[j - 1];
            rows[j - 1] = t;
        }
    for (size_t i = 0; i < n; i++) {
        json_t *o = hw_daily_row_json(rows[i], at);
        json_object_set_new(o, "kind", json_string(hw_code_name(hw_kind_codes, rows[i]->kind)));
        json_array_append_new(missing, o);
    }
    free(rows);
    /* The earliest due first, as the due list gives them. */
    for (size_t i = 0; i < d.overdue.len && i < HW_DASHBOARD_ITEMS; i++)
        json_array_append_new(overdue, hw_due_item_json(&d.overdue.items[i], at));
    for (size_t i = 0; i < d.due_soon.len && i < HW_DASHBOARD_ITEMS; i++)
        json_array_append_new(soon, hw_due_item_json(&d.due_soon.items[i], at));
    size_t n_overdue = d.overdue.len, n_soon = d.due_soon.len;
    json_t *counts = json_object();
    json_object_set_new(counts, "missing", json_integer((json_int_t)d.missing.len));
    json_object_set_new(counts, "absent", json_integer((json_int_t)d.absent.len));
    json_object_set_new(counts, "overdue", json_integer((json_int_t)n_overdue));
    json_object_set_new(counts, "due_soon", json_integer((json_int_t)n_soon));
    json_object_set_new(counts, "awaiting_decision",
                        json_integer((json_int_t)json_array_size(await)));
    json_t *o = json_object();
    json_object_set_new(o, "at", hw_time_json(at));
    json_object_set_new(o, "team", team ? json_string(team) : json_null());
    json_object_set_new(o, "counts", counts);
    json_object_set_new(o, "missing", missing);
    json_object_set_new(o, "overdue", overdue);
    json_object_set_new(o, "due_soon", soon);
    json_object_set_new(o, "awaiting_decision", await);
    missing = overdue = soon = await = NULL;
    *out = o;
    rc = 0;
done:
    json_decref(missing);
    json_decref(overdue);
    json_decref(soon);
    json_decref(await);
    hw_daily_free(&d);
    return rc;
}
