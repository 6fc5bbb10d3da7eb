/* analysis.h - the facts the quarterly and annual analyses count, and the
 * arithmetic they share (seed 004; DOMAIN.md "Reporting definitions").
 *
 * The store's facts for a window of time are loaded once into a struct
 * hw_afacts (report/analysis_facts.c); every section of the analyses is a
 * pure function of those facts and a period (report/analysis_*.c), so the
 * sections can be tested on hand-built facts and every format shows one
 * computation. Pure: no I/O, no clock.
 *
 * Periods are financial years (April to March) and their quarters, in
 * Europe/London local time. An episode belongs to the period in which the
 * child was last seen. Children placed here by other councils (OLA) are
 * kept in the facts, flagged, so each section decides (most leave them out).
 */
#ifndef HW_ANALYSIS_H
#define HW_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/hwtime.h"

/* ---- periods ---- */

/* A financial year, or one of its quarters, and the same period a year
 * before (for "this year against last"). */
struct hw_period {
    int fy;                        /* the year it starts: 2016 for 2016-17 */
    int quarter;                   /* 1-4, or 0 for the whole year */
    hw_instant from, to;           /* [from, to): local midnight boundaries */
    hw_instant prev_from, prev_to; /* the same period a year before */
    char label[24];                /* "2016-17" or "2016-17 Q2" */
    char prev_label[24];           /* "2015-16" or "2015-16 Q2" */
};

/* Fills p for financial year fy (2016 = 2016-17) and quarter (0: the whole
 * year). Returns 0, or -1 for a quarter outside 0-4 or a year outside
 * 1900-9998. */
int hw_period_init(struct hw_period *p, int fy, int quarter);
/* How many quarters "per quarter" tables show for p as at `now`: each
 * quarter of the year up to and including p's (all four for a year), but
 * none that has not begun by `now` (at least one). */
int hw_period_quarters(const struct hw_period *p, hw_instant now);
/* How many months of p monthly tables show as at `now`: p's months (3 or
 * 12), but none that has not begun by `now` (at least one). */
int hw_period_months(const struct hw_period *p, hw_instant now);
/* "2016-17" -> 2016. Returns 0, or -1 unless it is YYYY-YY with YY the year
 * after YYYY. */
int hw_parse_fy(const char *s, int *fy);
/* The financial quarter (1-4) and year of an instant, in local time. */
void hw_fq_of(hw_instant t, int *fy, int *quarter);
/* The local month of an instant as an index from April of fy (0 = April,
 * 11 = March); -1 when outside that financial year. */
int hw_fy_month_index(hw_instant t, int fy);

/* ---- duration bands (004 section 8) ---- */

enum hw_band {
    HW_BAND_0_12 = 0, /* under 12 hours */
    HW_BAND_12_24,    /* 12 to under 24 */
    HW_BAND_24_48,
    HW_BAND_48_72,
    HW_BAND_72_PLUS, /* 72 hours or more */
    HW_BAND_COUNT
};
/* The band of an episode lasting from..to (to HW_NO_TIME: still missing,
 * measured to `now`). */
int hw_band_of(hw_instant from, hw_instant to, hw_instant now);
/* "0-12h", "12-24h", "24-48h", "48-72h", "72h+" */
const char *hw_band_label(int band);

/* ---- age (the "who goes missing" sections) ---- */

/* Ages are hw_age_years (core/hwtime.h). */

/* The DfE's age bands, with "under 1" so the bands cover every age. */
enum hw_age_band {
    HW_AGE_UNDER_1 = 0,
    HW_AGE_1_4,
    HW_AGE_5_9,
    HW_AGE_10_15,
    HW_AGE_16_PLUS,
    HW_AGE_NOT_RECORDED, /* no date of birth, or one after the episode */
    HW_AGE_BAND_COUNT
};
/* The band of an age in years (negative: not recorded). */
int hw_age_band_of(int age);
/* "Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over", "Not recorded" */
const char *hw_age_band_label(int band);

/* ---- the strategy meeting for an episode of 3 days or more (004 section 7) ---- */

enum hw_sm3d {
    HW_SM3D_NONE = 0,     /* not called for: back (or absent) before 3 days */
    HW_SM3D_HELD_IN_TIME, /* recorded done at or before it was due */
    HW_SM3D_HELD_LATE,    /* recorded done after it was due */
    HW_SM3D_NOT_NEEDED,   /* recorded not needed, with a reason */
    HW_SM3D_FOUND_FIRST,  /* the child was found before the meeting was held; not recorded */
    HW_SM3D_MISSED,       /* due, still missing or back after it, never recorded */
    HW_SM3D_PENDING       /* not yet due at the report's `now` */
};

/* ---- the facts ---- */

/* A child, as the analyses need them. */
struct hw_achild {
    char *id;
    char *first_name,
        *last_name;        /* NULL when not recorded; only the top-children table shows them */
    bool ola;              /* placed here by another council (responsible_authority set) */
    hw_instant first_ever; /* last seen of their first episode ever (any kind); HW_NO_TIME: none */
    /* Who they are, as recorded on the child now (the "who goes missing"
     * sections): dob HW_NO_DATE when not recorded (0 is 1 January 1970, so
     * hand-built facts must say so); the texts NULL when not recorded. The
     * school is the one recorded now, not at the time of an episode. */
    hw_date dob;
    char *gender, *ethnicity, *school;
};

/* An episode, with what was recorded about it and its interview. */
struct hw_afact {
    size_t child; /* index into hw_afacts.children */
    const char *episode_id;
    int kind;                       /* enum hw_kind: missing or absent */
    hw_instant last_seen, returned; /* returned HW_NO_TIME: not back at `now` */
    int placement;    /* enum hw_placement: the episode's missing_from_type (0: not recorded) */
    const char *home; /* the named placement (missing_from_name); NULL when none */
    int case_status;  /* enum hw_case_status at the time (0: not recorded) */
    bool out_of_area; /* placed outside the council's area at the time */
    bool first_ever;  /* the child's first episode ever */
    /* The interview covering it (the furthest on: completed over offered). */
    bool rhi_not_needed;      /* decided not required, or the outcome was not required */
    bool offered;             /* an offer is recorded (or it was completed or declined) */
    bool done;                /* completed */
    hw_instant rhi_completed; /* HW_NO_TIME when not completed */
    int lateness_reason;      /* enum hw_lateness recorded (0: none) */
    const char *reasons;      /* the reasons the child gave: ';'-separated codes, NULL when none */
    int sm3d;                 /* enum hw_sm3d */
};

/* The facts of a window of time: every episode last seen in [from, to) and
 * the children they belong to. Strings are owned by the facts (an arena). */
struct hw_afacts {
    hw_instant from, to; /* the window loaded: covers the period and its year before */
    hw_instant now;      /* "still missing", "pending" are as at this instant */
    int rhi_due_hours;   /* 72: an interview is in timescale when completed within this */
    struct hw_achild *children;
    size_t nchildren;
    struct hw_afact *eps; /* in order of last seen */
    size_t neps;
    void *arena; /* owner of the strings */
};

/* True when ep's interview was completed within rhi_due_hours of its return. */
bool hw_afact_in_timescale(const struct hw_afacts *f, const struct hw_afact *ep);
/* True when the episode counts for the council's own measures: not OLA. */
bool hw_afact_own(const struct hw_afacts *f, const struct hw_afact *ep);
/* True when t is in [from, to). */
static inline bool hw_in_window(hw_instant t, hw_instant from, hw_instant to)
{
    return t >= from && t < to;
}

/* Building facts by hand (tests) and from the store (report/analysis_facts.c). */
void hw_afacts_init(struct hw_afacts *f, hw_instant from, hw_instant to, hw_instant now,
                    int rhi_due_hours);
/* Adds a child (strings copied); returns its index. */
size_t hw_afacts_add_child(struct hw_afacts *f, const struct hw_achild *c);
/* Adds an episode (strings copied); episodes may be added in any order:
 * hw_afacts_finish sorts them by last seen. */
void hw_afacts_add(struct hw_afacts *f, const struct hw_afact *ep);
/* A copy of s kept with the facts (freed with them); NULL for NULL. */
const char *hw_afacts_keep(struct hw_afacts *f, const char *s);
/* Sorts the episodes and sets first_ever from the children's first_ever. */
void hw_afacts_finish(struct hw_afacts *f);
void hw_afacts_free(struct hw_afacts *f);

/* A change between two counts, for "this year against last": the
 * difference, and the change in hundredths of a percent of the earlier
 * (HW_NO_RATE when the earlier is 0). */
long hw_change_hundredths(long before, long after);

#endif
