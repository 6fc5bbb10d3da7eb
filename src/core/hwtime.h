/* hwtime.h - instants, civil dates and Europe/London local time.
 *
 * Homeward stores instants in UTC (seconds since the Unix epoch) and shows
 * every date, deadline and period boundary in Europe/London local time. The
 * UK rules are computed here, with no dependence on the machine's time zone
 * or zoneinfo files: British Summer Time runs from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October (the rule in
 * force since 1996; Homeward applies it to every year).
 *
 * Pure: no I/O, no clock reads. Dates are proleptic Gregorian.
 */
#ifndef HW_TIME_H
#define HW_TIME_H

#include <stdbool.h>
#include <stdint.h>

typedef int64_t hw_instant; /* seconds since 1970-01-01T00:00:00Z */
typedef int32_t hw_date;    /* days since 1970-01-01 */

#define HW_NO_TIME INT64_MIN /* an instant that is not recorded */
#define HW_NO_DATE INT32_MIN /* a date that is not recorded */

#define HW_MINUTE ((hw_instant)60)
#define HW_HOUR   ((hw_instant)3600)
#define HW_DAY    ((hw_instant)86400)

/* Accepted years for parsed dates and times; anything else is an input error. */
#define HW_YEAR_MIN 1900
#define HW_YEAR_MAX 2199

/* Broken-down local time. */
struct hw_local {
    int year, month, day; /* month 1-12, day 1-31 */
    int hour, minute, second;
    int weekday;    /* 0 = Monday ... 6 = Sunday */
    int utc_offset; /* seconds east of UTC: 0 (GMT) or 3600 (BST) */
};

/* ---- civil dates ---- */
bool hw_ymd_valid(int y, int m, int d);
int hw_days_in_month(int y, int m);
/* Caller guarantees a valid y/m/d (the day may run past the month's end and
 * rolls over, e.g. 2017-01-32 is 2017-02-01, which date arithmetic uses). */
hw_date hw_date_from_ymd(int y, int m, int d);
void hw_date_to_ymd(hw_date d, int *y, int *m, int *day);
/* Age in whole years on the date `on` of someone born on dob: it goes up on
 * the birthday itself (someone born on 29 February is a year older on 1
 * March in a year without one). -1 when dob is HW_NO_DATE or after `on`. */
int hw_age_years(hw_date dob, hw_date on);
int hw_date_weekday(hw_date d); /* 0 = Monday ... 6 = Sunday */

/* ---- Europe/London ---- */
/* Seconds east of UTC in force at t: 0 or 3600. */
int hw_london_offset(hw_instant t);
void hw_london_from_instant(hw_instant t, struct hw_local *out);
hw_date hw_london_date(hw_instant t);
/* Local wall-clock time to an instant. Returns 0, or -1 when the time does
 * not exist in the UK (the hour skipped when clocks go forward). A time that
 * happens twice (the hour repeated when clocks go back) is taken as the
 * first, BST, occurrence. Fields must be in range (hour 0-23 etc). */
int hw_london_to_instant(int y, int m, int d, int hh, int mi, int ss, hw_instant *out);
/* The instant local day d starts (00:00 local; midnight always exists in the UK). */
hw_instant hw_london_day_start(hw_date d);
/* The instant local month y-m starts. m may be 13 (January of y+1). */
hw_instant hw_london_month_start(int y, int m);

/* ---- financial years and quarters (April to March) ---- */
/* The financial year a date falls in, named by its starting year:
 * 2017-03-31 -> 2016, 2017-04-01 -> 2017. */
int hw_fy_of(int y, int m);
/* Financial quarter 1-4 of month m: April-June = 1 ... January-March = 4. */
int hw_fq_of_month(int m);

/* ---- parsing (strict: anything not understood is rejected) ---- */
/* "YYYY-MM-DD" or "DD/MM/YYYY". Returns 0 or -1. */
int hw_parse_date(const char *s, hw_date *out);
/* Local time "YYYY-MM-DD HH:MM", "YYYY-MM-DDTHH:MM", "DD/MM/YYYY HH:MM",
 * each optionally with ":SS". Returns 0, or -1 when the text is malformed or
 * names a time that does not exist in the UK; then *why (if not NULL) points
 * to a static explanation. */
int hw_parse_local_time(const char *s, hw_instant *out, const char **why);
/* "YYYY-MM" -> year and month. Returns 0 or -1. */
int hw_parse_month(const char *s, int *y, int *m);

/* ---- formatting ---- */
#define HW_DATE_LEN  11 /* "YYYY-MM-DD" + NUL */
#define HW_LOCAL_LEN 17 /* "YYYY-MM-DD HH:MM" + NUL */
#define HW_ISO_LEN   26 /* "YYYY-MM-DDTHH:MM:SS+01:00" + NUL */
void hw_format_date(hw_date d, char buf[HW_DATE_LEN]);
/* Local wall time "YYYY-MM-DD HH:MM", the form the CSVs and CLI accept. */
void hw_format_local(hw_instant t, char buf[HW_LOCAL_LEN]);
/* ISO 8601 with the local offset, for JSON: "2017-04-01T00:30:00+01:00". */
void hw_format_iso(hw_instant t, char buf[HW_ISO_LEN]);

#endif
