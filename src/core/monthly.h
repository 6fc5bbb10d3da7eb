/* monthly.h - the monthly data profile's arithmetic (seed 001, DOMAIN.md).
 *
 * Pure: the report builder feeds one fact per missing episode of the
 * council's own children; this module buckets them by the local month the
 * episode started in and counts distinct children and episodes:
 *
 *   children missing   distinct children with an episode in the month
 *   children offered   distinct children offered an interview for one
 *   children done      distinct children with a completed interview for one
 *   episodes           episodes in the month
 *   episodes done      episodes with a completed interview
 *   offer rate         children offered / children missing
 *   done rate          episodes done / episodes
 *   LAC done rate      the same over episodes of children looked after then
 *
 * Rates are percentages in hundredths (3291 = 32.91%), rounded half up;
 * HW_NO_RATE where the denominator is 0.
 */
#ifndef HW_MONTHLY_H
#define HW_MONTHLY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/hwtime.h"

#define HW_NO_RATE (-1L)

struct hw_month_row {
    int year, month;
    long children_missing, children_offered, children_done;
    long episodes, episodes_done;
    long lac_episodes, lac_done;
    long offer_rate, done_rate, lac_done_rate; /* hundredths of a percent */
};

struct hw_keyvec {
    long long *v;
    size_t len, cap;
};

struct hw_monthly {
    int from_year, from_month;
    size_t nmonths;
    hw_instant *starts; /* nmonths + 1 local month boundaries */
    struct hw_month_row *rows;
    struct hw_keyvec *missing, *offered, *done; /* per month, until finished */
};

/* Percentage num/den in hundredths, rounded half up; HW_NO_RATE when den is 0. */
long hw_rate_hundredths(long num, long den);

/* Prepares months from_year-from_month to to_year-to_month inclusive (at
 * most 1200 months). Returns 0, or -1 when the range is empty or too long. */
int hw_monthly_init(struct hw_monthly *m, int from_year, int from_month, int to_year, int to_month);
/* The instants the whole range starts and ends at (end exclusive). */
hw_instant hw_monthly_from(const struct hw_monthly *m);
hw_instant hw_monthly_to(const struct hw_monthly *m);
/* Counts one missing episode; ignored when last_seen is outside the range. */
void hw_monthly_add(struct hw_monthly *m, hw_instant last_seen, long long child_key, bool lac,
                    bool offered, bool done);
/* Works out the distinct counts and rates into m->rows. */
void hw_monthly_finish(struct hw_monthly *m);
void hw_monthly_free(struct hw_monthly *m);

#endif
