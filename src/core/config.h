/* config.h - rule thresholds, with the guidance's defaults.
 *
 * Every threshold the rules use lives here, not in code. A configuration
 * file holds "key = value" lines ('#' starts a comment); keys not given keep
 * their defaults (BCP missing-children guidance, seed 003, and Derby's
 * annual report, seed 004). Parsing works on text: reading the file is the
 * caller's business, so this module stays pure.
 */
#ifndef HW_CONFIG_H
#define HW_CONFIG_H

#include "core/error.h"
#include "core/mem.h"

struct hw_config {
    /* RHI eligibility (003 section 12.1) */
    int overnight_min_minutes;       /* 360: missing overnight for 6 hours or more */
    int overnight_window_start_hour; /* 0:  ... covering any time between 00:00 */
    int overnight_window_end_hour;   /* 6:  ... and 06:00 local time */
    int long_episode_minutes;        /* 540: an episode of more than 9 hours */
    int repeat_window_days;          /* 28: two or more episodes in 4 weeks */
    int repeat_min_episodes;         /* 2 */
    int rhi_due_hours;               /* 72: interview within 72 hours of return */
    int interview_cover_days;        /* 7: one interview may cover episodes within 7 days */
    /* repeat and persistent missing (003 section 13, 004 section 3) */
    int persistent_quarter_min; /* 3 episodes in a quarter */
    int persistent_month_min;   /* 3 episodes in a calendar month */
    /* escalation while missing (003 section 7; 004 section 7) */
    int high_strategy_hours;          /* 0: strategy discussion immediately */
    int high_ntk_hours;               /* 0: need-to-know immediately */
    int missing_persons_bureau_hours; /* 0: high risk: UK Missing Persons Bureau notified */
    int ceop_hours;                   /* 0: high risk: CEOP notified */
    int high_review_first_hours;      /* 72: review strategy discussion after 3 days */
    int high_review_interval_hours;   /* 72: ... and every 3 days until found */
    int medium_ntk_hours;             /* 24 */
    int medium_meeting_hours;         /* 72: missing risk management meeting */
    int medium_review_interval_hours; /* 120: reviewed at least every 5 days */
    int long_missing_strategy_hours;  /* 72: strategy meeting for 3+ days missing */
    int iro_inform_hours;             /* 0: child in care, medium/high risk: tell the IRO */
    int cpp_conference_working_days;  /* 20: protection plan, not found: conference forward */
    int nrm_referral_hours;           /* 24: trafficked child missing: NRM referral (003 12.3) */
    /* on return (003 sections 11, 14) */
    int safe_well_high_hours;       /* 1 */
    int safe_well_other_hours;      /* 3 */
    int record_update_working_days; /* 5 */
    /* the due list */
    int due_lookback_days;       /* 90: actions of episodes returned longer ago leave the list */
    int high_risk_lookback_days; /* 90: a flagged child with an episode this recent is listed */
    /* the missing profile (003 section 4.1; docs/profile.md) */
    int photo_max_bytes;     /* 2097152: the largest photograph a profile keeps (2 MiB) */
    int police_profile_days; /* 7: police liaison keep a profile sent to them after the return */
};

struct hw_config_key {
    const char *name;
    size_t offset;
    int def, min, max;
    const char *help;
};
/* The table of keys, ending with a NULL name. */
extern const struct hw_config_key hw_config_keys[];

void hw_config_defaults(struct hw_config *c);
/* Sets one key from text; err names the key and the allowed range. */
int hw_config_set(struct hw_config *c, const char *key, const char *value, struct hw_err *err);
/* Parses a whole file's text. On any error nothing is changed and err names
 * file:line. */
int hw_config_parse(struct hw_config *c, const char *text, const char *filename,
                    struct hw_err *err);
/* Writes every key as "key = value  # help", a valid configuration file. */
void hw_config_write(const struct hw_config *c, struct hw_buf *out);

#endif
