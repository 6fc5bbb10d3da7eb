/* scorecard.h - the performance scorecard's indicators and arithmetic
 * (seed 000; docs/scorecard.md).
 *
 * A scorecard is a list of indicators, each a named measure Homeward
 * computes (children missing, the interview offer rate, ...) with what the
 * board compares it against: its polarity (higher or lower is better), a
 * target, the statistical neighbours' average and last year's value. For
 * each local month of a financial year the measure is computed from the
 * analyses' facts (core/analysis.h); the year to date is the same measure
 * over the months so far taken as one period (rates from the totals,
 * children counted once); the direction of travel compares the last month
 * shown that has ended with the month before (a month still in progress is
 * not compared); the RAG rating compares the year to date
 * with the target.
 *
 * The built-in scorecard is seed 000's two rows plus one row per other
 * measure; a council replaces it with a scorecard file. Pure: parsing works
 * on text, values on facts already loaded.
 *
 * The file format ('#' starts a comment; blank lines are ignored):
 *
 *     tolerance = 10%          # optional, before the first indicator
 *
 *     [indicator]
 *     priority = P6            # optional
 *     name = Children missing from home offered a return interview %
 *     measure = rhi_offer_rate_home
 *     polarity = higher        # optional: the measure's own by default
 *     last_year = 76%          # optional
 *     sn_average = 85.5%       # optional
 *     target = 100%            # optional: no RAG rating without one
 *     tolerance = 5%           # optional: this indicator's amber band
 *
 * Values of a rate measure are percentages with at most two decimals
 * ("90", "90%", "32.91%"), from 0 to 100; of a count measure, whole
 * numbers. Tolerances are percentages of the target, 0 to 100.
 */
#ifndef HW_SCORECARD_H
#define HW_SCORECARD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analysis.h"
#include "core/domain.h"
#include "core/error.h"
#include "core/mem.h"

#define HW_SC_NONE          (-1L) /* no value: not given, or a rate of nothing */
#define HW_SC_MAX           64    /* indicators in a scorecard */
#define HW_SC_NAME_MAX      200   /* bytes of an indicator's name */
#define HW_SC_PRIORITY_MAX  40    /* bytes of its priority */
#define HW_SC_COUNT_MAX     100000000L
#define HW_SC_TOLERANCE_DEF 1000 /* 10.00% of the target: docs/scorecard.md says why */

/* The measures Homeward computes (docs/scorecard.md defines each). */
enum hw_sc_measure {
    HW_SCM_CHILDREN_MISSING = 0,
    HW_SCM_MISSING_EPISODES,
    HW_SCM_REPEAT_CHILDREN,
    HW_SCM_EPISODES_72H_PLUS,
    HW_SCM_OUT_OF_AREA_EPISODES,
    HW_SCM_OLA_EPISODES,
    HW_SCM_RHI_OFFER_RATE,
    HW_SCM_RHI_OFFER_RATE_HOME,
    HW_SCM_RHI_OFFER_RATE_CARE,
    HW_SCM_RHI_DONE_RATE,
    HW_SCM_RHI_IN_TIMESCALE_RATE,
    HW_SCM_COUNT
};

enum hw_sc_unit { HW_SCU_COUNT = 0, HW_SCU_RATE /* hundredths of a percent */ };

enum hw_polarity { HW_POL_NONE = 0, HW_POL_HIGHER, HW_POL_LOWER };
/* higher, lower ("Higher is better", "Lower is better"). */
extern const struct hw_code hw_polarity_codes[];

/* Direction of travel. */
enum hw_dot { HW_DOT_NONE = 0, HW_DOT_BETTER, HW_DOT_WORSE, HW_DOT_SAME };
/* better, worse, same. */
extern const struct hw_code hw_dot_codes[];

struct hw_sc_measure_info {
    const char *code;       /* as in scorecard files: "rhi_offer_rate" */
    const char *label;      /* a short name for people */
    int unit;               /* enum hw_sc_unit */
    int polarity;           /* enum hw_polarity: what is better, unless the file says */
    const char *definition; /* what is counted, one sentence */
};
/* Indexed by enum hw_sc_measure. */
extern const struct hw_sc_measure_info hw_sc_measures[HW_SCM_COUNT];
/* The measure with this code, or -1. */
int hw_sc_measure_find(const char *code);

struct hw_indicator {
    char priority[HW_SC_PRIORITY_MAX + 1]; /* "" when none */
    char name[HW_SC_NAME_MAX + 1];
    int measure;                        /* enum hw_sc_measure */
    int polarity;                       /* enum hw_polarity */
    long last_year, sn_average, target; /* in the measure's unit; HW_SC_NONE when not given */
    long tolerance; /* hundredths of a percent of the target; HW_SC_NONE: the scorecard's */
};

/* A whole scorecard: plain data, no allocation (copy it freely). */
struct hw_scorecard {
    long tolerance; /* the default amber band, hundredths of a percent of the target */
    struct hw_indicator items[HW_SC_MAX];
    size_t n;
};

/* The built-in scorecard (docs/scorecard.md), living for the whole program. */
/* How many months of financial year fy a scorecard shows: up to to_year-
 * to_month when given (to_month 0: not given; it must be in fy), else the
 * whole year once it is over, else up to the month `now` is in. -1 with a
 * message naming `what` (e.g. "--to-month") otherwise. */
int hw_sc_months(int fy, int to_year, int to_month, hw_instant now, const char *what, int *nmonths,
                 struct hw_err *err);
/* The facts a scorecard of nmonths of fy needs: [April of fy, the end of
 * its last month). */
void hw_sc_window(int fy, int nmonths, hw_instant *from, hw_instant *to);

const struct hw_scorecard *hw_scorecard_builtin(void);
void hw_scorecard_defaults(struct hw_scorecard *sc);

/* Parses a scorecard file's text into *sc, replacing it. On any error *sc
 * is unchanged and err (HW_EINPUT) names file:line and the key. A file with
 * no indicator is refused. */
int hw_scorecard_parse(const char *text, const char *filename, struct hw_scorecard *sc,
                       struct hw_err *err);
/* Writes sc as a scorecard file that hw_scorecard_parse reads back equal. */
void hw_scorecard_write(const struct hw_scorecard *sc, struct hw_buf *out);

/* A value in a measure's unit as a file writes it: "12", "90%", "32.91%";
 * "" for HW_SC_NONE. */
void hw_sc_value_text(int unit, long v, char *buf, size_t size);

/* ---- the arithmetic ---- */

/* What the measures are made of over a span of local months of a financial
 * year: missing episodes only (not away without authorisation), the
 * council's own children unless said otherwise. */
struct hw_sc_tally {
    long children;        /* own children with a missing episode */
    long episodes;        /* own missing episodes */
    long repeat_children; /* own children with 2 or more of them */
    long episodes_72h;    /* own episodes of 72 hours or more (to `now` when still missing) */
    long ooa_episodes;    /* own episodes while placed out of area */
    long ola_episodes;    /* episodes of children placed here by other councils */
    long offered_children, home_children, home_offered, care_children, care_offered;
    long needing, done; /* own episodes not decided "not needed"; those completed */
    long in_timescale;  /* own episodes completed within the facts' rhi_due_hours */
    long done_any;      /* own episodes with a completed interview */
};

/* Tallies the episodes of f last seen in months first..last (indexes from
 * April: 0 = April, 11 = March) of financial year fy. */
void hw_sc_tally(const struct hw_afacts *f, int fy, int first, int last, struct hw_sc_tally *t);
/* A measure's value from a tally: a count, or a rate in hundredths
 * (HW_SC_NONE when its denominator is 0). */
long hw_sc_measure_value(const struct hw_sc_tally *t, int measure);

/* Direction of travel from `before` to `after` under a polarity;
 * HW_DOT_NONE when either is HW_SC_NONE. */
int hw_sc_dot(int polarity, long before, long after);
/* The RAG rating (core/rag.h) of value against target: green when it meets
 * the target (at least it when higher is better, at most it when lower is),
 * amber when within tolerance (hundredths of a percent of the target) of
 * it, red otherwise; HW_RAG_NONE when either is HW_SC_NONE. */
int hw_sc_rag(int polarity, long value, long target, long tolerance);

/* How many of months 0..nmonths-1 of fy the direction of travel looks at:
 * nmonths, or one fewer when the last is still in progress at `now` (the
 * direction of travel compares months[n-2] with months[n-1]). */
size_t hw_sc_dot_months(int fy, size_t nmonths, hw_instant now);

/* An indicator's row for months 0..nmonths-1 (1..12) of fy. */
struct hw_sc_row {
    long months[12];
    size_t nmonths;
    long ytd; /* months 0..nmonths-1 as one period */
    int dot;  /* enum hw_dot: the last month ended by the facts' `now` against the one before */
    int rag;  /* enum hw_rag: the year to date against the target */
};
void hw_sc_row_compute(const struct hw_afacts *f, const struct hw_scorecard *sc,
                       const struct hw_indicator *ind, int fy, size_t nmonths,
                       struct hw_sc_row *out);

#endif
