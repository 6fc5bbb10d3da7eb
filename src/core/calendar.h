/* calendar.h - working days: England and Wales bank holidays.
 *
 * Bank holidays are computed, not listed: New Year's Day, Good Friday,
 * Easter Monday, the early May and spring bank holidays, the summer bank
 * holiday, Christmas Day and Boxing Day, with their substitute days, the
 * moved early-May and spring holidays (1995, 2002, 2012, 2020, 2022) and the
 * one-off days (1999-12-31, 2002-06-03, 2011-04-29, 2012-06-05, 2022-06-03,
 * 2022-09-19, 2023-05-08). Pure: no I/O.
 */
#ifndef HW_CALENDAR_H
#define HW_CALENDAR_H

#include <stdbool.h>

#include "core/hwtime.h"

/* Easter Sunday of year y (Gregorian). */
hw_date hw_easter_sunday(int y);
/* Fills out (sorted, at most 16) with year y's bank holidays; returns how many. */
int hw_bank_holidays(int y, hw_date out[16]);
bool hw_is_bank_holiday(hw_date d);
/* Monday to Friday and not a bank holiday. */
bool hw_is_working_day(hw_date d);
/* The n-th working day after date d (n >= 0; n = 0 returns d itself). */
hw_date hw_add_working_days(hw_date d, int n);
/* The same local clock time on the n-th working day after t's local date
 * (the rule for "within N working days" deadlines). */
hw_instant hw_add_working_days_at(hw_instant t, int n);

#endif
