/* analysis.h - the quarterly and annual analyses (seed 004; DOMAIN.md
 * "Reporting definitions"): each section a builder that adds itself to a
 * report document from the facts of the period, and can be asked for alone.
 *
 * `homeward report quarterly --year 2016-17 --quarter 2` and `homeward
 * report annual --year 2016-17` load the facts of the period and of the
 * year before it (report/analysis_facts.h) and run every section;
 * `--section ID` runs one.
 *
 * Conventions every section follows:
 *   - An episode belongs to the period in which the child was last seen
 *     (hw_in_window(ep->last_seen, p->from, p->to)).
 *   - Children placed here by other councils are left out (hw_afact_own)
 *     unless the section says otherwise in its intro (the interviews
 *     section splits them out).
 *   - "Per quarter" tables show each quarter of the financial year up to
 *     and including the period's (all four for the annual analysis), and a
 *     total column or row where a total means something.
 *   - "Individuals" are distinct children; a child counts once per row.
 *   - Table and column ids are lower_snake_case and stable: they are the
 *     JSON keys analysts' tools read.
 */
#ifndef HW_ANALYSIS_REPORT_H
#define HW_ANALYSIS_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analysis.h"
#include "core/reasons.h"
#include "report/doc.h"

/* What some sections need besides the facts. */
struct hw_analysis_opts {
    const struct hw_reasons *reasons; /* the interview reasons' labels; NULL: the built-in list */
    size_t top;                       /* how many children and homes the top lists show (10) */
    /* Set for readers who see no names or identifiers (analysts): the top
     * children are shown by pseudonym (app/auth.h hw_pseudonym), unnamed. */
    const unsigned char *pseudonym_key;
    /* Cohort tracking: a named group of children and the date from which
     * their episodes are followed (e.g. those reviewed at the monitoring
     * group). No cohort (ncohort 0): the section says so. */
    const char *cohort_name;
    const char *const *cohort; /* child IDs */
    size_t ncohort;
    hw_date cohort_from;
};

/* A section builder: adds one section to d. Returns 0, or -1 with err set
 * (a builder only fails on a bad option, never on the facts). */
typedef int (*hw_section_fn)(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                             const struct hw_analysis_opts *o, struct hw_err *err);

struct hw_section_info {
    const char *id;    /* --section ID */
    const char *title; /* the section's title */
    hw_section_fn build;
};

/* Every section, in the order the analyses show them; ends with id NULL. */
extern const struct hw_section_info hw_analysis_sections[];

/* Builds the analysis of period p into d (initialised by the caller): every
 * section, or only those named in `only`, comma-separated ids (NULL: all),
 * in the analyses' order. -1 with err for an unknown section id (the
 * message lists them). */
int hw_analysis_build(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, const char *only, struct hw_err *err);

/* ---- the sections (report/analysis_placement.c) ---- */

/* "placement": individuals and episodes by placement type this period
 * against the same period last year, with the change; the same by named
 * home ("hotspots"), most episodes first. */
int hw_section_placement(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err);
/* "monthly": individuals and episodes per month by placement type. */
int hw_section_monthly(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                       const struct hw_analysis_opts *o, struct hw_err *err);
/* "case_status": individuals by case status per quarter (status at the time
 * of each episode: a child can count under two), and how many children
 * changed status. */
int hw_section_case_status(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                           const struct hw_analysis_opts *o, struct hw_err *err);
/* "duration": episodes by duration band per quarter. */
int hw_section_duration(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                        const struct hw_analysis_opts *o, struct hw_err *err);
/* "first_ever": first-ever episodes by placement type. */
int hw_section_first_ever(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                          const struct hw_analysis_opts *o, struct hw_err *err);

/* ---- the sections (report/analysis_who.c): who goes missing ---- */

/* "age": individuals and episodes by age at the start of the episode, in
 * the DfE's bands (under 1, 1-4, 5-9, 10-15, 16 and over) and year by year
 * from 10 to 17, this period against the same period last year; a child
 * counts as an individual at their age at their first episode of the
 * period. */
int hw_section_age(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                   const struct hw_analysis_opts *o, struct hw_err *err);
/* "gender", "ethnicity": individuals and episodes by what is recorded on
 * the child, most individuals first, against last year. */
int hw_section_gender(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err);
int hw_section_ethnicity(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err);
/* "school": schools and other education placements (the one recorded on
 * the child now), most missing episodes first (at most `top`, then "Other
 * schools"), with episodes away without authorisation beside them. */
int hw_section_school(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err);

/* ---- the sections (report/analysis_interviews.c) ---- */

/* "reasons": reasons given in interviews per quarter. */
int hw_section_reasons(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                       const struct hw_analysis_opts *o, struct hw_err *err);
/* "persistent": one-off vs persistent children (3+ episodes in a quarter),
 * their share of the cohort and of the episodes; the top children by
 * episodes. */
int hw_section_persistent(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                          const struct hw_analysis_opts *o, struct hw_err *err);
/* "timescale": interviews in timescale by quarter, own children / placed by
 * other councils and in area / out of area; the reasons for lateness; the
 * episodes where none was needed. */
int hw_section_timescale(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err);
/* "strategy_meetings": for episodes of 3 days or more: due, held in time,
 * held late, not needed because found first, recorded not needed, missed. */
int hw_section_strategy_meetings(struct hw_doc *d, const struct hw_afacts *f,
                                 const struct hw_period *p, const struct hw_analysis_opts *o,
                                 struct hw_err *err);
/* "funnel": referral -> offer -> take-up, home vs care (seed 000). */
int hw_section_funnel(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err);
/* "cohort": a named group of children and their episodes per quarter and
 * per month after a date (seed 004 section 12). */
int hw_section_cohort(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err);

#endif
