/* record_view.c - a record with what the rules say of it, as JSON. */
#include "report/record_view.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/assess.h"
#include "app/due.h"
#include "app/interview.h"
#include "io/record_json.h"

struct interviews {
    json_t *json;         /* the interviews covering the episode */
    hw_instant completed; /* the first completion among them */
    bool done, final;     /* one was completed; one has a final outcome */
};

static int collect_interview(void *c, const void *rec)
{
    struct interviews *iv = c;
    const struct hw_interview *r = rec;
    json_array_append_new(iv->json, hw_record_json(hw_interview_fields, rec));
    iv->done |= r->outcome == HW_OUT_COMPLETED;
    iv->final |= r->outcome == HW_OUT_COMPLETED || r->outcome == HW_OUT_DECLINED ||
                 r->outcome == HW_OUT_UNAVAILABLE || r->outcome == HW_OUT_NOT_REQUIRED;
    if (r->outcome == HW_OUT_COMPLETED && r->completed != HW_NO_TIME &&
        (iv->completed == HW_NO_TIME || r->completed < iv->completed))
        iv->completed = r->completed;
    return 0;
}

static int episode_interviews(struct hw_store *s, const char *id, struct interviews *out,
                              struct hw_err *err)
{
    struct hw_filter f = {.episode_id = id};
    out->json = json_array();
    out->completed = HW_NO_TIME;
    if (hw_store_list(s, HW_REC_INTERVIEW, &f, collect_interview, out, err) < 0) {
        json_decref(out->json);
        out->json = NULL;
        return -1;
    }
    return 0;
}

/* The actions recorded for an episode: for the statuses, and as JSON. */
struct recorded {
    struct hw_action_record *list;
    size_t len;
    json_t *json; /* "action#seq" -> {outcome, at, reason, by} */
};

static int collect_action(void *c, const struct hw_action_record *a)
{
    struct recorded *r = c;
    char key[64];
    r->list = hw_reallocarray(r->list, r->len + 1, sizeof *r->list);
    r->list[r->len++] =
        (struct hw_action_record){.kind = a->kind, .seq = a->seq, .outcome = a->outcome};
    json_t *o = json_object();
    json_object_set_new(o, "outcome",
                        json_string(hw_code_name(hw_action_outcome_codes, a->outcome)));
    json_object_set_new(o, "at", hw_time_json(a->at));
    json_object_set_new(o, "reason", a->reason ? json_string(a->reason) : json_null());
    json_object_set_new(o, "by", json_string(a->recorded.user));
    snprintf(key, sizeof key, "%s#%d", hw_code_name(hw_action_codes, a->kind), a->seq);
    json_object_set_new(r->json, key, o);
    return 0;
}

static json_t *assessment_json(const struct hw_config *cfg, const struct hw_episode *e,
                               const struct hw_assessment *as, hw_instant completed,
                               const struct hw_resolution *res, const struct recorded *rec,
                               hw_instant now)
{
    json_t *rhi = json_object(), *criteria = json_array(), *actions = json_array();
    for (const struct hw_code *c = hw_criterion_codes; c->code; c++)
        if (as->rhi.criteria & c->value)
            json_array_append_new(criteria, json_string(c->code));
    /* The first completed interview decides whether it was in timescale. */
    json_object_set_new(rhi, "decision",
                        json_string(hw_code_name(hw_rhi_verdict_codes, as->rhi.verdict)));
    json_object_set_new(rhi, "criteria", criteria);
    json_object_set_new(rhi, "provisional", json_boolean(as->rhi.provisional));
    json_object_set_new(rhi, "due", hw_time_json(as->rhi.due));
    json_object_set_new(rhi, "completed", hw_time_json(completed));
    json_object_set_new(rhi, "in_timescale",
                        completed == HW_NO_TIME || e->returned == HW_NO_TIME
                            ? json_null()
                            : json_boolean(hw_rhi_in_timescale(cfg, e->returned, completed)));
    for (size_t k = 0; k < as->n_actions; k++) {
        const struct hw_action_due *d = &as->actions[k];
        json_t *o = json_object();
        json_object_set_new(o, "action", json_string(hw_code_name(hw_action_codes, d->kind)));
        json_object_set_new(o, "seq", json_integer(d->seq));
        json_object_set_new(o, "due", hw_time_json(d->due));
        json_object_set_new(o, "needed", json_boolean(d->needed));
        json_object_set_new(
            o, "status",
            json_string(hw_code_name(hw_action_status_codes, hw_action_status(res, d, now))));
        char key[64];
        snprintf(key, sizeof key, "%s#%d", hw_code_name(hw_action_codes, d->kind), d->seq);
        json_t *r = json_object_get(rec->json, key);
        if (r)
            json_object_set(o, "recorded", r);
        json_array_append_new(actions, o);
    }
    json_t *pattern = json_object();
    json_object_set_new(pattern, "episodes_in_28_days", json_integer(as->pattern.in_window));
    json_object_set_new(pattern, "episodes_in_quarter", json_integer(as->pattern.in_quarter));
    json_object_set_new(pattern, "episodes_in_month", json_integer(as->pattern.in_month));
    json_object_set_new(pattern, "repeat", json_boolean(as->pattern.repeat));
    json_object_set_new(pattern, "persistent_quarter",
                        json_boolean(as->pattern.persistent_quarter));
    json_object_set_new(pattern, "persistent_month", json_boolean(as->pattern.persistent_month));

    json_t *o = json_object();
    json_object_set_new(o, "rhi", rhi);
    json_object_set_new(o, "escalation", actions);
    json_object_set_new(o, "pattern", pattern);
    return o;
}

static int collect_attempt(void *c, const struct hw_attempt *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "seq", json_integer(a->seq));
    json_object_set_new(o, "at", hw_time_json(a->at));
    json_object_set_new(o, "face_to_face", json_boolean(a->face_to_face));
    json_object_set_new(o, "outcome",
                        json_string(hw_code_name(hw_attempt_outcome_codes, a->outcome)));
    json_object_set_new(o, "note", a->note ? json_string(a->note) : json_null());
    json_object_set_new(o, "recorded_by", json_string(a->recorded.user));
    json_object_set_new(o, "recorded_at", hw_time_json(a->recorded.at));
    json_array_append_new(c, o);
    return 0;
}

static json_t *criteria_json(int criteria)
{
    json_t *list = json_array();
    for (const struct hw_code *c = hw_criterion_codes; c->code; c++)
        if (criteria & c->value)
            json_array_append_new(list, json_string(c->code));
    return list;
}

bool hw_outcome_final(int outcome)
{
    return outcome == HW_OUT_DECLINED || outcome == HW_OUT_UNAVAILABLE ||
           outcome == HW_OUT_NOT_REQUIRED;
}

/* What `interview show` adds to the record: the rules' verdict on each
 * covered episode with its criteria beside the recorded decision, the
 * timescale, the attempts, and warnings (004 section 10). */
static int interview_workflow(struct hw_store *s, const struct hw_config *cfg,
                              const struct hw_interview *iv, hw_instant now, json_t **out,
                              struct hw_err *err)
{
    struct hw_interview_view v = {0};
    struct hw_attempt_summary sum;
    json_t *attempts = json_array(), *eps = json_array();
    int rc = -1;
    *out = NULL;
    if (hw_interview_load(s, iv, &v, err) < 0 || hw_interview_rules(s, cfg, iv, now, &v, err) < 0 ||
        hw_store_list_attempts(s, iv->id, collect_attempt, attempts, err) < 0 ||
        hw_interview_attempts(s, iv->id, &sum, err) < 0)
        goto done;

    for (size_t i = 0; i < v.n; i++) {
        const struct hw_covered *c = &v.eps[i];
        json_t *o = json_object();
        json_object_set_new(o, "episode_id", json_string(c->ep.id));
        json_object_set_new(o, "decision",
                            json_string(hw_code_name(hw_rhi_verdict_codes, c->rhi.verdict)));
        json_object_set_new(o, "criteria", criteria_json(c->rhi.criteria));
        json_object_set_new(o, "provisional", json_boolean(c->rhi.provisional));
        json_object_set_new(o, "returned", hw_time_json(c->ep.returned));
        json_array_append_new(eps, o);
    }
    json_t *rules = json_object();
    json_object_set_new(rules, "decision",
                        json_string(hw_code_name(hw_rhi_verdict_codes, v.verdict)));
    json_object_set_new(rules, "episodes", eps);
    eps = NULL;

    json_t *decision = json_object();
    json_object_set_new(decision, "recorded",
                        iv->decision ? json_string(hw_code_name(hw_decision_codes, iv->decision))
                                     : json_null());
    json_object_set_new(decision, "override",
                        json_boolean(hw_decision_overrides(v.verdict, iv->decision)));
    json_object_set_new(decision, "reason",
                        iv->decision_reason ? json_string(iv->decision_reason) : json_null());
    json_object_set_new(decision, "decided_by",
                        iv->decided_by ? json_string(iv->decided_by) : json_null());

    hw_instant due = hw_interview_due(cfg, &v);
    json_t *ts = json_object();
    json_object_set_new(ts, "due", hw_time_json(due));
    json_object_set_new(ts, "from_episode",
                        v.first_return ? json_string(v.first_return->ep.id) : json_null());
    json_object_set_new(ts, "completed", hw_time_json(iv->completed));
    json_object_set_new(ts, "in_timescale",
                        iv->completed == HW_NO_TIME || due == HW_NO_TIME
                            ? json_null()
                            : json_boolean(!hw_interview_late(cfg, &v, iv->completed)));
    json_object_set_new(
        ts, "overdue",
        json_boolean(iv->completed == HW_NO_TIME && !hw_outcome_final(iv->outcome) &&
                     iv->decision != HW_DEC_NOT_REQUIRED && due != HW_NO_TIME && now > due));
    json_object_set_new(ts, "lateness_reason",
                        iv->lateness_reason
                            ? json_string(hw_code_name(hw_lateness_codes, iv->lateness_reason))
                            : json_null());

    json_t *warnings = json_array();
    if (hw_interview_attempts_short(iv, &sum))
        json_array_append_new(
            warnings, json_string("completed with fewer than 2 face-to-face attempts recorded "
                                  "and the child not seen face to face (004 section 10: try "
                                  "twice face to face before completing from carers' and "
                                  "agencies' information)"));

    json_t *o = json_object();
    json_object_set_new(o, "rules", rules);
    json_object_set_new(o, "decision", decision);
    json_object_set_new(o, "timescale", ts);
    json_object_set_new(o, "attempts", attempts);
    json_object_set_new(o, "face_to_face_attempts", json_integer(sum.face_to_face));
    json_object_set_new(o, "warnings", warnings);
    attempts = NULL;
    *out = o;
    rc = 0;
done:
    json_decref(attempts);
    json_decref(eps);
    hw_interview_view_free(&v);
    return rc;
}

/* Whether the child's missing plan needs review now, and why:
 * {"missing_plan_review": {"needed": bool, "reasons": [...]}}; NULL on a
 * storage fault. */
static json_t *plan_review_json(struct hw_store *s, const struct hw_config *cfg,
                                const struct hw_child *c, hw_instant now, struct hw_err *err)
{
    hw_instant *starts = NULL;
    size_t n = 0;
    if (hw_store_missing_starts(s, c->id, &starts, &n, err) < 0)
        return NULL;
    int reasons = hw_plan_review(cfg, c->missing_plan != NULL, c->plan_reviewed, c->plan_review_due,
                                 starts, n, now);
    free(starts);
    json_t *why = json_array(), *review = json_object(), *o = json_object();
    for (const struct hw_code *code = hw_plan_reason_codes; code->code; code++)
        if (reasons & code->value)
            json_array_append_new(why, json_string(code->code));
    json_object_set_new(review, "needed", json_boolean(reasons != 0));
    json_object_set_new(review, "reasons", why);
    json_object_set_new(o, "missing_plan_review", review);
    return o;
}

int hw_record_view(struct hw_store *s, const struct hw_config *cfg, enum hw_rectype t,
                   const void *rec, hw_instant now, json_t **out, struct hw_err *err)
{
    struct hw_child child;
    json_t *extra = NULL;
    struct interviews interviews = {NULL, HW_NO_TIME, false, false};
    struct recorded recorded = {NULL, 0, json_object()};
    int rc = -1;
    *out = NULL;
    hw_record_init(hw_child_fields, &child);
    if (t == HW_REC_EPISODE) {
        const struct hw_episode *e = rec;
        struct hw_assessment as;
        int found = hw_store_get(s, HW_REC_CHILD, e->child_id, &child, err);
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no child %s is recorded", e->child_id);
        if (found <= 0 || hw_assess_episode(s, cfg, &child, e, now, &as, err) < 0 ||
            episode_interviews(s, e->id, &interviews, err) < 0 ||
            hw_store_list_actions(s, e->id, collect_action, &recorded, err) < 0)
            goto done;
        struct hw_resolution res = {.actions = recorded.list,
                                    .n_actions = recorded.len,
                                    .rhi_done = interviews.done,
                                    .rhi_final = interviews.final,
                                    .safe_well = e->safe_well_at != HW_NO_TIME};
        extra = assessment_json(cfg, e, &as, interviews.completed, &res, &recorded, now);
        json_object_set(extra, "interviews", interviews.json);
    } else if (t == HW_REC_INTERVIEW) {
        if (interview_workflow(s, cfg, rec, now, &extra, err) < 0)
            goto done;
    } else if (t == HW_REC_CHILD) {
        if ((extra = plan_review_json(s, cfg, rec, now, err)) == NULL)
            goto done;
    }
    json_t *o = json_object();
    json_object_set_new(o, hw_rectypes[t].name, hw_record_json(hw_rectypes[t].fields, rec));
    if (extra)
        json_object_update(o, extra);
    *out = o;
    rc = 0;
done:
    json_decref(extra);
    json_decref(interviews.json);
    json_decref(recorded.json);
    free(recorded.list);
    hw_record_clear(hw_child_fields, &child);
    return rc;
}
