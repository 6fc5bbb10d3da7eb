/* rules.c - the guidance's rules as pure functions (BCP guidance, seed 003;
 * Derby annual report, seed 004). No I/O, no clock: `now` is a parameter. */
#include "core/rules.h"

#include "core/calendar.h"

const struct hw_code hw_criterion_codes[] = {
    {HW_CRIT_OVERNIGHT_6H, "overnight_6h", "Missing overnight for 6 hours or more"},
    {HW_CRIT_OVER_9H, "over_9h", "Missing for more than 9 hours"},
    {HW_CRIT_REPEAT_28D, "repeat_28d", "2 or more episodes in 28 days"},
    {HW_CRIT_HARMED, "harmed", "Hurt or harmed while missing"},
    {HW_CRIT_EXPLOITATION_RISK, "exploitation_risk",
     "Risk of sexual or criminal exploitation, or trafficking"},
    {HW_CRIT_CRIME_DRUGS_RISK, "crime_drugs_risk", "Risk of involvement in crime or drugs"},
    {HW_CRIT_RISKY_CONTACTS, "risky_contacts", "Contact with people who pose a risk to children"},
    {HW_CRIT_CRIME_WHILE_ABSENT, "crime_while_absent", "Engaged in crime while absent"},
    {0, NULL, NULL},
};

const struct hw_code hw_rhi_verdict_codes[] = {
    {HW_RHI_REQUIRED, "required", "Interview required"},
    {HW_RHI_JUDGEMENT, "judgement", "Professional judgement"},
    {HW_RHI_NOT_REQUIRED, "not_required", "Not required unless the child asks"},
    {HW_RHI_FORWARDED, "forwarded", "Forwarded to the placing council"},
    {0, NULL, NULL},
};

const struct hw_code hw_action_codes[] = {
    {HW_ACT_STRATEGY_DISCUSSION, "strategy_discussion", "Strategy discussion"},
    {HW_ACT_NEED_TO_KNOW, "need_to_know", "Need-to-know notification"},
    {HW_ACT_REVIEW_STRATEGY, "review_strategy", "Review strategy discussion"},
    {HW_ACT_RISK_MEETING, "risk_meeting", "Missing risk management meeting"},
    {HW_ACT_RISK_MEETING_REVIEW, "risk_meeting_review", "Review of the risk management meeting"},
    {HW_ACT_STRATEGY_MEETING_3D, "strategy_meeting_3d", "Strategy meeting (missing 3 days)"},
    {HW_ACT_IRO_INFORMED, "iro_informed", "Independent reviewing officer informed"},
    {HW_ACT_CONFERENCE_FORWARD, "conference_forward", "Review conference brought forward"},
    {HW_ACT_SAFE_WELL_CHECK, "safe_well_check", "Police safe and well check"},
    {HW_ACT_RECORD_UPDATED, "record_updated", "Record updated by the team manager"},
    {HW_ACT_RHI, "rhi", "Return home interview"},
    {HW_ACT_MISSING_PERSONS_BUREAU, "missing_persons_bureau", "UK Missing Persons Bureau notified"},
    {HW_ACT_CEOP, "ceop", "CEOP notified"},
    {HW_ACT_NRM_REFERRAL, "nrm_referral", "National Referral Mechanism referral"},
    {HW_ACT_OLA_NOTICE, "ola_notice",
     "Notice to the responsible council: interview not reported done in 72 hours"},
    {0, NULL, NULL},
};

/* A recurring action is listed at most this many times, whatever the
 * episode's length (a runaway guard: intervals are at least an hour). */
#define SERIES_MAX 10000

/* ---- RHI eligibility ---- */

/* The instant local hour h (0-24) starts on local date d. An hour skipped when
 * the clocks go forward starts when the clock jumps past it. */
static hw_instant local_hour_start(hw_date d, int h)
{
    if (h <= 0)
        return hw_london_day_start(d);
    if (h >= 24)
        return hw_london_day_start(d + 1);
    int y, m, day;
    hw_instant t;
    hw_date_to_ymd(d, &y, &m, &day);
    if (hw_london_to_instant(y, m, day, h, 0, 0, &t) == 0)
        return t;
    return local_hour_start(d, h + 1);
}

/* Some instant in [from, to) lies in a local window [start_hour, end_hour)
 * of some day (guidance 12.1: "covers any time between 00:00 and 06:00"). */
static bool covers_window(hw_instant from, hw_instant to, int start_hour, int end_hour)
{
    if (start_hour >= end_hour || to <= from)
        return false;
    hw_date d0 = hw_london_date(from), d1 = hw_london_date(to);
    /* Whole local days lie inside, and with them a window (the hour skipped
     * in March can empty a window on one day only). */
    if (d1 - d0 > 3)
        return true;
    for (hw_date d = d0; d <= d1; d++) {
        hw_instant w0 = local_hour_start(d, start_hour), w1 = local_hour_start(d, end_hour);
        if (w0 < w1 && from < w1 && w0 < to)
            return true;
    }
    return false;
}

static int repeat_count(const struct hw_config *cfg, hw_instant last_seen,
                        const hw_instant *history, size_t n)
{
    hw_instant from = last_seen - cfg->repeat_window_days * HW_DAY;
    int count = 1; /* this episode, once, whether or not history holds it */
    for (size_t i = 0; i < n; i++)
        if (history[i] != HW_NO_TIME && history[i] >= from && history[i] < last_seen)
            count++;
    return count;
}

static int criteria_of(const struct hw_config *cfg, const struct hw_rhi_input *in, hw_instant end)
{
    int crit = 0;
    if (in->last_seen != HW_NO_TIME && end != HW_NO_TIME && end > in->last_seen) {
        hw_instant dur = end - in->last_seen;
        if (dur >= cfg->overnight_min_minutes * HW_MINUTE &&
            covers_window(in->last_seen, end, cfg->overnight_window_start_hour,
                          cfg->overnight_window_end_hour))
            crit |= HW_CRIT_OVERNIGHT_6H;
        if (dur > cfg->long_episode_minutes * HW_MINUTE)
            crit |= HW_CRIT_OVER_9H;
    }
    if (in->last_seen != HW_NO_TIME &&
        repeat_count(cfg, in->last_seen, in->history, in->history ? in->history_len : 0) >=
            cfg->repeat_min_episodes)
        crit |= HW_CRIT_REPEAT_28D;
    if (in->harmed)
        crit |= HW_CRIT_HARMED;
    if (in->child_flags & (HW_FLAG_CSE | HW_FLAG_CCE | HW_FLAG_TRAFFICKING))
        crit |= HW_CRIT_EXPLOITATION_RISK;
    if (in->child_flags & (HW_FLAG_CRIME | HW_FLAG_DRUGS | HW_FLAG_GANG))
        crit |= HW_CRIT_CRIME_DRUGS_RISK;
    if (in->child_flags & HW_FLAG_RISKY_ADULTS)
        crit |= HW_CRIT_RISKY_CONTACTS;
    if (in->crime_while_absent)
        crit |= HW_CRIT_CRIME_WHILE_ABSENT;
    return crit;
}

void hw_rhi_decide(const struct hw_config *cfg, const struct hw_rhi_input *in, hw_instant now,
                   struct hw_rhi_decision *out)
{
    bool missing = in->returned == HW_NO_TIME;
    out->provisional = missing;
    out->criteria = criteria_of(cfg, in, missing ? now : in->returned);
    if (in->ola)
        out->verdict = HW_RHI_FORWARDED;
    else if (in->kind == HW_KIND_ABSENT)
        out->verdict = HW_RHI_NOT_REQUIRED;
    else if (out->criteria != 0)
        out->verdict = HW_RHI_REQUIRED;
    else
        out->verdict = HW_RHI_JUDGEMENT;
    if (!missing && (out->verdict == HW_RHI_REQUIRED || out->verdict == HW_RHI_JUDGEMENT))
        out->due = hw_rhi_due(cfg, in->returned);
    else
        out->due = HW_NO_TIME;
}

hw_instant hw_rhi_due(const struct hw_config *cfg, hw_instant returned)
{
    if (returned == HW_NO_TIME)
        return HW_NO_TIME;
    return returned + cfg->rhi_due_hours * HW_HOUR;
}

bool hw_rhi_in_timescale(const struct hw_config *cfg, hw_instant returned, hw_instant completed)
{
    if (returned == HW_NO_TIME || completed == HW_NO_TIME)
        return false;
    return completed <= hw_rhi_due(cfg, returned);
}

/* ---- escalation ---- */

struct schedule {
    struct hw_action_due *out;
    size_t max, n;
    bool missing;   /* still missing: end is `now` */
    hw_instant end; /* returned, or now while missing */
};

static bool action_before(const struct hw_action_due *a, const struct hw_action_due *b)
{
    if (a->due != b->due)
        return a->due < b->due;
    if (a->kind != b->kind)
        return a->kind < b->kind;
    return a->seq < b->seq;
}

/* Inserts in order, keeping the `max` earliest. Returns false when the item
 * fell off the end (so every later item of a series would too). */
static bool add(struct schedule *s, int kind, int seq, hw_instant due, bool needed)
{
    struct hw_action_due item = {.kind = kind, .seq = seq, .due = due, .needed = needed};
    size_t i = s->n;
    if (s->max == 0)
        return false;
    if (s->n == s->max) {
        if (!action_before(&item, &s->out[s->n - 1]))
            return false;
        i = --s->n; /* drop the last */
    }
    while (i > 0 && action_before(&item, &s->out[i - 1])) {
        s->out[i] = s->out[i - 1];
        i--;
    }
    s->out[i] = item;
    s->n++;
    return true;
}

/* A one-off action: needed unless the child returned before it fell due (an
 * action due at the very instant of return counts as needed). */
static void one_off(struct schedule *s, int kind, hw_instant due)
{
    add(s, kind, 1, due, s->missing || due <= s->end);
}

/* A recurring action from `first`, every `interval` hours: each that fell due
 * by the end, then the next one (needed while still missing, not needed once
 * the child is found). */
static void series(struct schedule *s, int kind, hw_instant first, int interval_hours)
{
    hw_instant step = (hw_instant)interval_hours * HW_HOUR;
    hw_instant due = first;
    for (int seq = 1; seq <= SERIES_MAX; seq++, due += step) {
        bool past = due <= s->end;
        if (!add(s, kind, seq, due, s->missing || past))
            return;
        if (!past || step <= 0)
            return;
    }
}

/* The risk level in force at t. */
static int risk_at(const struct hw_escalation_input *in, hw_instant t)
{
    if (in->risk_history_len == 0)
        return in->risk;
    int risk = in->risk_history[0].risk;
    for (size_t i = 1; i < in->risk_history_len && in->risk_history[i].at <= t; i++)
        risk = in->risk_history[i].risk;
    return risk;
}

/* The first instant, from last seen, at which the level was at least
 * `level`; HW_NO_TIME when it never was. */
static hw_instant first_at_least(const struct hw_escalation_input *in, int level)
{
    if (in->risk_history_len == 0)
        return in->risk >= level ? in->last_seen : HW_NO_TIME;
    if (in->risk_history[0].risk >= level)
        return in->last_seen;
    for (size_t i = 1; i < in->risk_history_len; i++)
        if (in->risk_history[i].risk >= level)
            return in->risk_history[i].at > in->last_seen ? in->risk_history[i].at : in->last_seen;
    return HW_NO_TIME;
}

/* Medium-risk actions apply while the level in force when each falls due is
 * medium. */
static void medium_one_off(struct schedule *s, const struct hw_escalation_input *in, int kind,
                           hw_instant due)
{
    if (risk_at(in, due) == HW_RISK_MEDIUM)
        one_off(s, kind, due);
}

static void medium_series(struct schedule *s, const struct hw_escalation_input *in, int kind,
                          hw_instant first, int interval_hours)
{
    hw_instant step = (hw_instant)interval_hours * HW_HOUR;
    hw_instant due = first;
    for (int seq = 1; seq <= SERIES_MAX && step > 0; seq++, due += step) {
        bool past = due <= s->end;
        if (risk_at(in, due) == HW_RISK_MEDIUM && !add(s, kind, seq, due, s->missing || past))
            return;
        if (!past)
            return;
    }
}

size_t hw_escalation_schedule(const struct hw_config *cfg, const struct hw_escalation_input *in,
                              hw_instant now, struct hw_action_due *out, size_t max)
{
    struct schedule s = {.out = out, .max = max, .n = 0};
    hw_instant ls = in->last_seen;
    if (in->kind == HW_KIND_ABSENT || ls == HW_NO_TIME)
        return 0;
    s.missing = in->returned == HW_NO_TIME;
    s.end = s.missing ? now : in->returned;
    if (s.end == HW_NO_TIME)
        return 0;

    /* High risk: from the moment the episode was high, until found. */
    hw_instant high = first_at_least(in, HW_RISK_HIGH);
    if (high != HW_NO_TIME && high <= s.end) {
        one_off(&s, HW_ACT_STRATEGY_DISCUSSION, high + cfg->high_strategy_hours * HW_HOUR);
        one_off(&s, HW_ACT_NEED_TO_KNOW, high + cfg->high_ntk_hours * HW_HOUR);
        series(&s, HW_ACT_REVIEW_STRATEGY, high + cfg->high_review_first_hours * HW_HOUR,
               cfg->high_review_interval_hours);
        one_off(&s, HW_ACT_MISSING_PERSONS_BUREAU,
                high + cfg->missing_persons_bureau_hours * HW_HOUR);
        one_off(&s, HW_ACT_CEOP, high + cfg->ceop_hours * HW_HOUR);
    }
    /* Medium risk: missing time counts from last seen. */
    hw_instant meeting = ls + cfg->medium_meeting_hours * HW_HOUR;
    medium_one_off(&s, in, HW_ACT_NEED_TO_KNOW, ls + cfg->medium_ntk_hours * HW_HOUR);
    medium_one_off(&s, in, HW_ACT_RISK_MEETING, meeting);
    medium_series(&s, in, HW_ACT_RISK_MEETING_REVIEW,
                  meeting + cfg->medium_review_interval_hours * HW_HOUR,
                  cfg->medium_review_interval_hours);

    one_off(&s, HW_ACT_STRATEGY_MEETING_3D, ls + cfg->long_missing_strategy_hours * HW_HOUR);
    hw_instant raised = first_at_least(in, HW_RISK_MEDIUM);
    if (in->case_status == HW_CS_CLA && raised != HW_NO_TIME && raised <= s.end)
        one_off(&s, HW_ACT_IRO_INFORMED, raised + cfg->iro_inform_hours * HW_HOUR);
    if (in->case_status == HW_CS_CPP)
        one_off(&s, HW_ACT_CONFERENCE_FORWARD,
                hw_add_working_days_at(ls, cfg->cpp_conference_working_days));
    /* Trafficked (003 section 12.3): the referral concerns the trafficking,
     * so it is needed even when the child is found first. */
    if (in->child_flags & HW_FLAG_TRAFFICKING)
        add(&s, HW_ACT_NRM_REFERRAL, 1, ls + cfg->nrm_referral_hours * HW_HOUR, true);

    if (!s.missing) {
        hw_instant r = in->returned;
        int sw =
            risk_at(in, r) == HW_RISK_HIGH ? cfg->safe_well_high_hours : cfg->safe_well_other_hours;
        add(&s, HW_ACT_SAFE_WELL_CHECK, 1, r + sw * HW_HOUR, true);
        add(&s, HW_ACT_RECORD_UPDATED, 1,
            hw_add_working_days_at(r, cfg->record_update_working_days), true);
        if (in->rhi_required)
            add(&s, HW_ACT_RHI, 1, hw_rhi_due(cfg, r), true);
        /* Placed by another council: it holds the interview; ours is the
         * notice when it is not reported done in time (004 appendix 1). */
        if (in->ola)
            add(&s, HW_ACT_OLA_NOTICE, 1, hw_rhi_due(cfg, r), true);
    }
    return s.n;
}

/* ---- repeat and persistent missing ---- */

void hw_missing_pattern(const struct hw_config *cfg, const hw_instant *starts, size_t n,
                        hw_instant at, struct hw_pattern *out)
{
    out->in_window = out->in_quarter = out->in_month = 0;
    if (at != HW_NO_TIME) {
        struct hw_local lt;
        hw_london_from_instant(at, &lt);
        /* financial quarters: Apr-Jun, Jul-Sep, Oct-Dec, Jan-Mar */
        int qmonth = lt.month - (lt.month - 1) % 3;
        hw_instant window_from = at - cfg->repeat_window_days * HW_DAY;
        hw_instant quarter_from = hw_london_month_start(lt.year, qmonth);
        hw_instant month_from = hw_london_month_start(lt.year, lt.month);
        for (size_t i = 0; starts && i < n; i++) {
            hw_instant t = starts[i];
            if (t == HW_NO_TIME || t > at)
                continue;
            out->in_window += t >= window_from;
            out->in_quarter += t >= quarter_from;
            out->in_month += t >= month_from;
        }
    }
    out->repeat = out->in_window >= cfg->repeat_min_episodes;
    out->persistent_quarter = out->in_quarter >= cfg->persistent_quarter_min;
    out->persistent_month = out->in_month >= cfg->persistent_month_min;
}

const struct hw_code hw_plan_reason_codes[] = {
    {HW_PLAN_NONE, "no_plan", "Missing, with no missing plan"},
    {HW_PLAN_REVIEW_DUE, "review_due", "The review date has come"},
    {HW_PLAN_MISSING_AGAIN, "missing_again", "Missing again since the last review"},
    {HW_PLAN_REPEAT, "repeat", "Repeat missing since the last review"},
    {0, NULL, NULL},
};

int hw_plan_review(const struct hw_config *cfg, bool has_plan, hw_date reviewed, hw_date review_due,
                   const hw_instant *starts, size_t n, hw_instant now)
{
    int reasons = 0;
    hw_instant since = reviewed == HW_NO_DATE ? INT64_MIN : hw_london_day_start(reviewed + 1);
    size_t missing = 0;
    for (size_t i = 0; i < n; i++)
        missing += starts[i] <= now;
    if (!has_plan) /* no plan: only a child who has gone missing needs one */
        return missing ? HW_PLAN_NONE : 0;
    if (review_due != HW_NO_DATE && hw_london_day_start(review_due) <= now)
        reasons |= HW_PLAN_REVIEW_DUE;
    for (size_t i = 0; i < n; i++) {
        if (starts[i] < since || starts[i] > now)
            continue;
        reasons |= HW_PLAN_MISSING_AGAIN;
        struct hw_pattern p;
        hw_missing_pattern(cfg, starts, n, starts[i], &p);
        /* The repeat must be made of episodes since the review. */
        size_t recent = 0;
        for (size_t j = 0; j < n; j++)
            recent += starts[j] >= since && starts[j] <= starts[i] &&
                      starts[j] >= starts[i] - (hw_instant)cfg->repeat_window_days * HW_DAY;
        if (p.repeat && (int)recent >= cfg->repeat_min_episodes)
            reasons |= HW_PLAN_REPEAT;
    }
    return reasons;
}
