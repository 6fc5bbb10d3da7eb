/* analysis_facts.c - the analyses' facts from the store. */
#include "report/analysis_facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/rules.h"
#include "core/strmap.h"

int hw_sm3d_status(const struct hw_config *cfg, int kind, hw_instant last_seen, hw_instant returned,
                   hw_instant now, int recorded_outcome, hw_instant done_at)
{
    hw_instant due = last_seen + (hw_instant)cfg->long_missing_strategy_hours * HW_HOUR;
    hw_instant end = returned == HW_NO_TIME ? now : returned;
    if (kind != HW_KIND_MISSING || end < due)
        return HW_SM3D_NONE;
    if (recorded_outcome == HW_ACTION_DONE)
        return done_at <= due ? HW_SM3D_HELD_IN_TIME : HW_SM3D_HELD_LATE;
    if (recorded_outcome == HW_ACTION_NOT_NEEDED)
        return HW_SM3D_NOT_NEEDED;
    hw_instant grace = due + HW_SM3D_GRACE_HOURS * HW_HOUR;
    if (returned != HW_NO_TIME)
        return returned <= grace ? HW_SM3D_FOUND_FIRST : HW_SM3D_MISSED;
    return now <= grace ? HW_SM3D_PENDING : HW_SM3D_MISSED;
}

struct loader {
    struct hw_afacts *f;
    const struct hw_config *cfg;
    struct hw_strmap children; /* child key (as text) -> 1 + index */
    struct hw_strmap episodes; /* episode ID -> 1 + index */
    /* The 3-day meeting recorded for each episode: outcome and when. */
    int *sm_outcome;
    hw_instant *sm_at;
};

static void key_text(long long key, char buf[24])
{
    snprintf(buf, 24, "%lld", key);
}

static int code(const struct hw_code *codes, const char *text)
{
    int v = text ? hw_code_parse(codes, text) : 0;
    return v < 0 ? 0 : v;
}

static void on_child(void *ctx, const struct hw_fact_child *c)
{
    struct loader *l = ctx;
    char key[24];
    hw_date dob = HW_NO_DATE;
    if (c->date_of_birth && hw_parse_date(c->date_of_birth, &dob) < 0)
        dob = HW_NO_DATE; /* stored dates are checked when written */
    struct hw_achild a = {.id = (char *)c->id,
                          .first_name = (char *)c->first_name,
                          .last_name = (char *)c->last_name,
                          .ola = c->ola,
                          .first_ever = c->first_ever,
                          .dob = dob,
                          .gender = (char *)c->gender,
                          .ethnicity = (char *)c->ethnicity,
                          .school = (char *)c->school};
    size_t i = hw_afacts_add_child(l->f, &a);
    key_text(c->key, key);
    hw_strmap_put(&l->children, key, i + 1);
}

static void on_episode(void *ctx, const struct hw_fact_episode *e)
{
    struct loader *l = ctx;
    char key[24];
    size_t child;
    key_text(e->child_key, key);
    if (!hw_strmap_get(&l->children, key, &child))
        return; /* cannot happen: every episode's child was listed */
    struct hw_afact a = {.child = child - 1,
                         .episode_id = e->id,
                         .kind = code(hw_kind_codes, e->kind),
                         .last_seen = e->last_seen,
                         .returned = e->returned,
                         .placement = code(hw_placement_codes, e->missing_from_type),
                         .home = e->missing_from_name,
                         .case_status = code(hw_case_status_codes, e->case_status),
                         .out_of_area = e->out_of_area && strcmp(e->out_of_area, "y") == 0,
                         .rhi_completed = HW_NO_TIME};
    hw_afacts_add(l->f, &a);
    hw_strmap_put(&l->episodes, e->id, l->f->neps);
}

/* How far on an interview is: completed over offered over recorded. */
static int progress(const struct hw_afact *a)
{
    return a->done ? 2 : a->offered ? 1 : 0;
}

static void on_interview(void *ctx, const struct hw_fact_interview *i)
{
    struct loader *l = ctx;
    size_t at;
    if (!hw_strmap_get(&l->episodes, i->episode_id, &at))
        return;
    struct hw_afact *ep = &l->f->eps[at - 1];
    int outcome = code(hw_outcome_codes, i->outcome);
    int decision = code(hw_decision_codes, i->decision);
    struct hw_afact mine = {
        .done = outcome == HW_OUT_COMPLETED,
        .offered =
            i->offered != HW_NO_TIME || outcome == HW_OUT_COMPLETED || outcome == HW_OUT_DECLINED,
    };
    if (decision == HW_DEC_NOT_REQUIRED || outcome == HW_OUT_NOT_REQUIRED)
        ep->rhi_not_needed = true;
    /* The interview furthest on speaks for the episode; of two completed,
     * the first completed. */
    bool better = progress(&mine) > progress(ep) ||
                  (mine.done && ep->done && i->completed != HW_NO_TIME &&
                   (ep->rhi_completed == HW_NO_TIME || i->completed < ep->rhi_completed));
    ep->offered |= mine.offered;
    if (!better)
        return;
    ep->done = mine.done;
    ep->rhi_completed = mine.done ? i->completed : HW_NO_TIME;
    ep->lateness_reason = code(hw_lateness_codes, i->lateness_reason);
    ep->reasons = i->reasons && *i->reasons ? hw_afacts_keep(l->f, i->reasons) : NULL;
}

static void on_action(void *ctx, const struct hw_fact_action *a)
{
    struct loader *l = ctx;
    size_t at;
    if (a->seq != 1 || strcmp(a->action, "strategy_meeting_3d") != 0 ||
        !hw_strmap_get(&l->episodes, a->episode_id, &at))
        return;
    if (l->sm_outcome == NULL) { /* every episode is in by now */
        l->sm_outcome = hw_calloc(l->f->neps + 1, sizeof *l->sm_outcome);
        l->sm_at = hw_calloc(l->f->neps + 1, sizeof *l->sm_at);
    }
    l->sm_outcome[at - 1] = code(hw_action_outcome_codes, a->outcome);
    l->sm_at[at - 1] = a->at;
}

int hw_afacts_load(struct hw_store *s, const struct hw_config *cfg, hw_instant from, hw_instant to,
                   hw_instant now, struct hw_afacts *out, struct hw_err *err)
{
    struct loader l = {.f = out, .cfg = cfg};
    struct hw_fact_sink sink = {.ctx = &l,
                                .child = on_child,
                                .episode = on_episode,
                                .interview = on_interview,
                                .action = on_action};
    hw_afacts_init(out, from, to, now, cfg->rhi_due_hours);
    int rc = hw_store_analysis_facts(s, from, to, &sink, err);
    if (rc == 0) {
        for (size_t i = 0; i < out->neps; i++) {
            struct hw_afact *e = &out->eps[i];
            e->sm3d = hw_sm3d_status(cfg, e->kind, e->last_seen, e->returned, now,
                                     l.sm_outcome ? l.sm_outcome[i] : 0,
                                     l.sm_at ? l.sm_at[i] : HW_NO_TIME);
        }
        hw_afacts_finish(out);
    } else {
        hw_afacts_free(out);
    }
    free(l.sm_outcome);
    free(l.sm_at);
    hw_strmap_free(&l.children);
    hw_strmap_free(&l.episodes);
    return rc;
}
