/* generate.h - a deterministic synthetic council, written as CSV files.
 *
 * Homeward needs realistic data for demonstrations, tests and benchmarks, and
 * real records about children can never be used. hw_generate() invents a
 * council whose shape follows the council reports in the seeds: at scale 1
 * about 100 children and 200 episodes a month, most children missing once or
 * twice a year while a persistent minority (most of them looked after, many
 * flagged for exploitation) account for about half the episodes; short
 * absences with a long tail; some children going missing together; interview
 * offer, take-up and timeliness rates like those the councils report.
 *
 * The output is four CSV files in the import format (header row first, dates
 * "YYYY-MM-DD", times local "YYYY-MM-DD HH:MM", empty text when not recorded):
 *
 *   children.csv    child_id,first_name,last_name,date_of_birth,gender,ethnicity,
 *                   responsible_authority,case_status,flags,placement_type,
 *                   placement_name,out_of_area,team,worker,school
 *   episodes.csv    episode_id,child_id,kind,last_seen,reported,returned,risk,
 *                   missing_from_type,missing_from_name,out_of_area,case_status,
 *                   police_ref,harmed,crime_while_absent,found_location,with_children
 *   interviews.csv  interview_id,child_id,episode_ids,decision,decision_reason,offered,
 *                   outcome,completed,conducted_by,reasons,risks,screening,
 *                   shared_with_police,lateness_reason
 *   care_periods.csv  child_id,decom,dec,rec,rne,ls,cin,place,place_provider,
 *                   reason_place_change,home_post,pl_post,urn (the SSDA903
 *                   Episodes table's fields, one row per period of care of
 *                   each of this council's looked-after children)
 *
 * Only children with at least one episode are written. Episodes are numbered
 * E0000001... in order of last seen; interviews I0000001... in order of their
 * first episode. No generated value contains a comma.
 *
 * The output depends only on the options: the same options give the same bytes
 * (the generator has its own PRNG and never reads the clock). It relies on the
 * C library's log/exp/cos/sqrt, so a different libm could in principle change a
 * value in the last place; on one machine the output is byte-identical.
 */
#ifndef HW_GENERATE_H
#define HW_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/hwtime.h"
#include "core/mem.h"

struct hw_generate_opts {
    uint64_t seed; /* every value follows from this; any value is fine */
    int years;     /* how many financial years to cover: 1 to 50 */
    double scale;  /* volume multiplier: 1 = about 2,400 episodes a year; > 0, <= 10000 */
    /* The financial year the data ends in: the data covers the `years`
     * financial years ending with FY end_year, i.e. 1 April of
     * end_year - years + 1 up to 31 March of end_year + 1 (local time). */
    int end_year;
    /* The moment the data is "as of". Nothing starts after it: when now falls
     * inside the covered years the data stops there. Episodes whose return
     * would be after now are left open (still missing); when now lies within
     * the covered years the generator keeps their number between 3 x scale
     * and 10 x scale, rounded, and at least one (3 to 10 at scale 1), all
     * last seen in the 17 days before now. Interviews offered or completed
     * after now are left pending. HW_NO_TIME: no cut-off, all episodes are
     * closed. */
    hw_instant now;
};

/* What was written, for a summary. */
struct hw_generate_counts {
    size_t children;      /* rows of children.csv */
    size_t episodes;      /* rows of episodes.csv */
    size_t open_episodes; /* of which still open (no returned time) */
    size_t interviews;    /* rows of interviews.csv */
    size_t care_periods;  /* rows of care_periods.csv */
};

/* Writes children.csv, episodes.csv, interviews.csv and care_periods.csv
 * into dir, which must exist. Each file is first written in full as
 * dir/NAME.tmp; only when all four are complete are they renamed into place (one rename each), so a
 * failure to write leaves no half-written file and replaces no earlier one.
 * Returns 0, or -1 with err naming the file that could not be written
 * (HW_EINPUT for bad options or a missing directory, HW_EINTERNAL for a write
 * failure). Uses no global state: calls may run in parallel threads. Memory
 * and time grow linearly with scale x years (scale 100 for 1 year: ~245,000
 * episodes, well under a second and ~30 MB). */
int hw_generate(const struct hw_generate_opts *o, const char *dir, struct hw_err *err);

/* hw_generate(), also filling *counts (when not NULL) on success. */
int hw_generate_counted(const struct hw_generate_opts *o, const char *dir,
                        struct hw_generate_counts *counts, struct hw_err *err);

/* Appends a one-line summary such as
 * "children.csv: 812 rows, episodes.csv: 2431 rows (5 open), interviews.csv: 1873 rows"
 * (no trailing newline). */
void hw_generate_summary(const struct hw_generate_counts *c, struct hw_buf *out);

#endif
