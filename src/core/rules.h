/* rules.h - the guidance's rules as pure functions.
 *
 * Each function takes plain values, the configuration and a clock value, and
 * returns a result; none reads the database, the clock or the environment.
 * Missing time counts from last seen. Sources: BCP operational guidance
 * (seed 003) and Derby's annual report (seed 004).
 */
#ifndef HW_RULES_H
#define HW_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/domain.h"
#include "core/hwtime.h"

/* ---- Return Home Interview eligibility (003 section 12.1) ---- */

enum hw_criterion {
    HW_CRIT_OVERNIGHT_6H = 1 << 0,
    HW_CRIT_OVER_9H = 1 << 1,
    HW_CRIT_REPEAT_28D = 1 << 2,
    HW_CRIT_HARMED = 1 << 3,
    HW_CRIT_EXPLOITATION_RISK = 1 << 4,
    HW_CRIT_CRIME_DRUGS_RISK = 1 << 5,
    HW_CRIT_RISKY_CONTACTS = 1 << 6,
    HW_CRIT_CRIME_WHILE_ABSENT = 1 << 7
};
/* overnight_6h, over_9h, repeat_28d, harmed, exploitation_risk,
 * crime_drugs_risk, risky_contacts, crime_while_absent */
extern const struct hw_code hw_criterion_codes[];

enum hw_rhi_verdict {
    HW_RHI_REQUIRED = 1, /* at least one criterion fired */
    HW_RHI_JUDGEMENT,    /* none fired: professional judgement */
    HW_RHI_NOT_REQUIRED, /* away without authorisation: only if the child asks */
    HW_RHI_FORWARDED     /* placed by another council: forwarded to them, no RHI here */
};
/* required, judgement, not_required, forwarded */
extern const struct hw_code hw_rhi_verdict_codes[];

struct hw_rhi_input {
    int kind;             /* enum hw_kind */
    hw_instant last_seen; /* required */
    hw_instant returned;  /* HW_NO_TIME while missing */
    bool harmed, crime_while_absent;
    int child_flags; /* enum hw_flag bits */
    bool ola;        /* placed by another council */
    /* last-seen instants of the child's missing episodes (any order; may
     * include this one, which is counted once whatever). */
    const hw_instant *history;
    size_t history_len;
};

struct hw_rhi_decision {
    int verdict;      /* enum hw_rhi_verdict */
    int criteria;     /* enum hw_criterion bits that fired (reported for every verdict) */
    bool provisional; /* still missing: judged as if returned at `now` */
    hw_instant due;   /* returned + 72h; HW_NO_TIME while missing or with no RHI */
};

/* Decides whether an interview is required. Which criteria fired is always
 * worked out; the verdict then applies the exclusions (OLA first, then away
 * without authorisation). Flags map: cse, cce, trafficking ->
 * exploitation_risk; crime, drugs, gang -> crime_drugs_risk; risky_adults ->
 * risky_contacts. */
void hw_rhi_decide(const struct hw_config *cfg, const struct hw_rhi_input *in, hw_instant now,
                   struct hw_rhi_decision *out);

/* The interview due time: returned + rhi_due_hours. */
hw_instant hw_rhi_due(const struct hw_config *cfg, hw_instant returned);
/* Completed no later than the due time (72h to the second counts as in time). */
bool hw_rhi_in_timescale(const struct hw_config *cfg, hw_instant returned, hw_instant completed);

/* ---- actions due while missing and on return (003 sections 7, 11, 14) ---- */

enum hw_action_kind {
    HW_ACT_STRATEGY_DISCUSSION = 1, /* high risk: immediately */
    HW_ACT_NEED_TO_KNOW,            /* high: immediately; medium: 24h */
    HW_ACT_REVIEW_STRATEGY,         /* high: after 3 days, then every 3 days */
    HW_ACT_RISK_MEETING,            /* medium: missing risk management meeting at 72h */
    HW_ACT_RISK_MEETING_REVIEW,     /* medium: every 5 days after the meeting */
    HW_ACT_STRATEGY_MEETING_3D,     /* any child missing 3 days or more (004 section 7) */
    HW_ACT_IRO_INFORMED,            /* child in care, medium or high risk */
    HW_ACT_CONFERENCE_FORWARD,      /* protection plan, not found in 20 working days */
    HW_ACT_SAFE_WELL_CHECK,         /* police, 1h (high) or 3h of being found */
    HW_ACT_RECORD_UPDATED,          /* team manager, 5 working days after return */
    HW_ACT_RHI,                     /* interview within 72 hours of return */
    HW_ACT_MISSING_PERSONS_BUREAU,  /* high risk: the UK Missing Persons Bureau, immediately */
    HW_ACT_CEOP,                    /* high risk: CEOP, immediately (003 section 7.1) */
    HW_ACT_NRM_REFERRAL,            /* trafficked child missing: National Referral Mechanism */
    HW_ACT_OLA_NOTICE               /* placed by another council: notice to it at 72h of return */
};
extern const struct hw_code hw_action_codes[];

struct hw_action_due {
    int kind; /* enum hw_action_kind */
    int seq;  /* 1 for the first of a recurring kind, 2 for the next ... */
    hw_instant due;
    bool needed; /* false: the child was found before it fell due */
};

/* The police risk level set at an instant. */
struct hw_risk_change {
    hw_instant at;
    int risk; /* enum hw_risk */
};

struct hw_escalation_input {
    int kind; /* enum hw_kind; absences get no escalation */
    int risk; /* enum hw_risk: the level now */
    /* When the level changed while missing, ascending; the first entry's
     * level applies from last seen. Empty: `risk` throughout. */
    const struct hw_risk_change *risk_history;
    size_t risk_history_len;
    int case_status;                /* enum hw_case_status at the time */
    int child_flags;                /* enum hw_flag bits: trafficking calls for the NRM referral */
    bool ola;                       /* placed by another council: the 72-hour notice on return */
    bool rhi_required;              /* add the RHI action on return */
    hw_instant last_seen, returned; /* returned: HW_NO_TIME while missing */
};

/* Fills out (sorted by due time, then kind) with every action the episode
 * calls for. The UK Missing Persons Bureau and CEOP are told from the
 * moment the episode became high, as the strategy discussion is. A child
 * flagged trafficking gets the National Referral Mechanism referral,
 * nrm_referral_hours after last seen, needed whether or not found first
 * (the referral is about the trafficking, 003 section 12.3). A child placed
 * by another council gets, on return, the notice to that council due when
 * the interview is (returned + rhi_due_hours). With a risk history: the high-risk actions count
 * from the moment the episode became high (and go on until found); a medium-risk action applies
 * when the level in force at its due time is medium (so raising the risk to high replaces them,
 * lowering it to low ends them); the IRO is told from the first moment at medium or high; the
 * safe-and-well timescale follows the level at return. The actions are those that fell due before
 * the child returned (or before `now` while missing), the next of each recurring kind while still
 * missing, and the on-return actions once returned. Actions that would have fallen due after the
 * return are listed with needed = false, once (not repeated). Returns the number written, at most
 * max. */
size_t hw_escalation_schedule(const struct hw_config *cfg, const struct hw_escalation_input *in,
                              hw_instant now, struct hw_action_due *out, size_t max);

/* ---- repeat and persistent missing (003 section 13, 004 section 3) ---- */

struct hw_pattern {
    int in_window;  /* episodes in the repeat window ending at `at` */
    int in_quarter; /* episodes in the (financial) quarter containing `at` */
    int in_month;   /* episodes in the calendar month containing `at` */
    bool repeat, persistent_quarter, persistent_month;
};

/* Counts the child's missing episodes (last-seen instants, any order) that
 * started in the repeat window [at - repeat_window_days, at] (exactly 28
 * days earlier counts), the local
 * quarter and the local month containing `at`. Episodes after `at` are not
 * counted. */
void hw_missing_pattern(const struct hw_config *cfg, const hw_instant *starts, size_t n,
                        hw_instant at, struct hw_pattern *out);

/* ---- the missing plan (003 sections 4, 13) ---- */

enum hw_plan_reason {
    HW_PLAN_NONE = 1 << 0,          /* missing, and no plan */
    HW_PLAN_REVIEW_DUE = 1 << 1,    /* the review date has come */
    HW_PLAN_MISSING_AGAIN = 1 << 2, /* missing since the last review */
    HW_PLAN_REPEAT = 1 << 3         /* 2 or more in 28 days since the last review */
};
/* no_plan, review_due, missing_again, repeat */
extern const struct hw_code hw_plan_reason_codes[];

/* Why a child's missing plan needs review at `now` (0: it does not).
 * starts: the last-seen instants of the child's missing episodes (any
 * order). "Since the last review" is from the day after it (an episode on
 * the day of the review is taken to be the one reviewed); with no review
 * date, since the plan was made is unknown, so every episode counts. */
int hw_plan_review(const struct hw_config *cfg, bool has_plan, hw_date reviewed, hw_date review_due,
                   const hw_instant *starts, size_t n, hw_instant now);

#endif
