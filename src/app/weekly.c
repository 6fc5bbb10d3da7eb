/* weekly.c - building the weekly list. */
#include "app/weekly.h"

#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/children.h"
#include "core/calendar.h"
#include "core/rules.h"

#define COMPLETED_LOOKBACK_DAYS 30

struct builder {
    struct hw_store *store;
    const struct hw_config *cfg;
    struct hw_weekly *out;
    struct hw_err *err;
    struct hw_child_cache children;
    /* the current episode's interviews */
    hw_instant first_completed;
    bool closed;
    long completed_in_week;
    /* the current episode's record update, if recorded */
    hw_instant updated_at;
    int rc;
};

static struct hw_weekly_team *team_row(struct hw_weekly *w, const char *team)
{
    for (size_t i = 0; i < w->len; i++)
        if ((team == NULL && w->teams[i].team == NULL) ||
            (team && w->teams[i].team && strcmp(team, w->teams[i].team) == 0))
            return &w->teams[i];
    if (w->len == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->teams = hw_reallocarray(w->teams, w->cap, sizeof *w->teams);
    }
    struct hw_weekly_team *t = &w->teams[w->len++];
    memset(t, 0, sizeof *t);
    t->team = hw_strdup(team);
    return t;
}

static int note_interview(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    const struct hw_interview *iv = rec;
    /* Only what was known by the end of the week counts. */
    if (iv->outcome == HW_OUT_COMPLETED && iv->completed != HW_NO_TIME &&
        iv->completed < b->out->as_at) {
        if (b->first_completed == HW_NO_TIME || iv->completed < b->first_completed)
            b->first_completed = iv->completed;
        if (iv->completed >= b->out->from)
            b->completed_in_week++;
    } else if (iv->outcome == HW_OUT_DECLINED || iv->outcome == HW_OUT_UNAVAILABLE ||
               iv->outcome == HW_OUT_NOT_REQUIRED) {
        b->closed = true;
    }
    return 0;
}

static int note_action(void *ctx, const struct hw_action_record *a)
{
    struct builder *b = ctx;
    if (a->kind == HW_ACT_RECORD_UPDATED && a->outcome == HW_ACTION_DONE && a->at < b->out->as_at)
        b->updated_at = a->at;
    return 0;
}

static int one_episode(void *ctx, const void *rec)
{
    struct builder *b = ctx;
    struct hw_weekly *w = b->out;
    const struct hw_episode *e = rec;
    if (e->returned == HW_NO_TIME || e->returned >= w->as_at)
        return 0;
    struct hw_child_entry *ce = hw_child_cache_get(&b->children, e->child_id, b->err);
    if (ce == NULL) {
        b->rc = -1;
        return 1;
    }
    if (ce->child.responsible_authority) /* another council's child: not ours to do */
        return 0;
    struct hw_filter covering = {
        .episode_id = e->id,
        .fields = hw_field_mask(hw_interview_fields, "outcome", "completed", NULL)};
    b->first_completed = HW_NO_TIME;
    b->closed = false;
    b->completed_in_week = 0;
    b->updated_at = HW_NO_TIME;
    if (hw_store_list(b->store, HW_REC_INTERVIEW, &covering, note_interview, b, b->err) < 0 ||
        hw_store_list_actions(b->store, e->id, note_action, b, b->err) < 0) {
        b->rc = -1;
        return 1;
    }
    struct hw_weekly_team *t = team_row(w, ce->child.team);
    /* An interview covering several episodes is counted with each: the
     * teams' figures are per episode returned. */
    t->completed_in_week += b->completed_in_week;
    if (e->returned < w->from)
        return 0; /* an earlier return: only its interviews completed this week count */

    t->returned++;
    struct hw_assessment as;
    hw_assess_with_history(b->cfg, &ce->child, e, ce->starts, ce->n, NULL, 0, w->as_at, &as);
    if (as.rhi.verdict == HW_RHI_REQUIRED) {
        t->rhi_required++;
        if (b->first_completed != HW_NO_TIME) {
            if (hw_rhi_in_timescale(b->cfg, e->returned, b->first_completed))
                t->rhi_in_time++;
            else
                t->rhi_late++;
        } else if (b->closed) {
            t->rhi_closed++;
        } else {
            t->rhi_needed++;
        }
    }
    hw_instant due = hw_add_working_days_at(e->returned, b->cfg->record_update_working_days);
    if (b->updated_at != HW_NO_TIME && b->updated_at <= due)
        t->update_on_time++;
    else if (b->updated_at != HW_NO_TIME)
        t->update_late++;
    else if (due <= w->as_at)
        t->update_overdue++;
    else
        t->update_not_due++;
    return 0;
}

static int cmp_team(const void *pa, const void *pb)
{
    const struct hw_weekly_team *a = pa, *b = pb;
    if (!a->team || !b->team)
        return (a->team == NULL) - (b->team == NULL);
    return strcmp(a->team, b->team);
}

int hw_weekly_build(struct hw_store *s, const struct hw_config *cfg, hw_date day, hw_instant now,
                    struct hw_weekly *out, struct hw_err *err)
{
    struct builder b = {.store = s, .cfg = cfg, .out = out, .err = err, .children = {.store = s}};
    hw_date monday = day - hw_date_weekday(day);
    memset(out, 0, sizeof *out);
    out->from = hw_london_day_start(monday);
    out->to = hw_london_day_start(monday + 7);
    out->as_at = now < out->to ? now : out->to;
    struct hw_filter f = {
        .kind = HW_KIND_MISSING,
        .active_since = out->from - (hw_instant)COMPLETED_LOOKBACK_DAYS * HW_DAY,
        .to = out->as_at,
    };
    if (out->as_at > out->from && hw_store_list(s, HW_REC_EPISODE, &f, one_episode, &b, err) < 0)
        b.rc = -1;
    hw_child_cache_free(&b.children);
    if (b.rc < 0) {
        hw_weekly_free(out);
        return -1;
    }
    if (out->len)
        qsort(out->teams, out->len, sizeof *out->teams, cmp_team);
    return 0;
}

void hw_weekly_free(struct hw_weekly *w)
{
    for (size_t i = 0; i < w->len; i++)
        free(w->teams[i].team);
    free(w->teams);
    memset(w, 0, sizeof *w);
}
