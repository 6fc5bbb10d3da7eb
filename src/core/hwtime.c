/* hwtime.c - instants, civil dates and Europe/London local time, by rule.
 *
 * Everything is integer arithmetic on days and seconds. Internals work in
 * int64_t so that no intermediate can overflow for any int or hw_instant a
 * caller passes, and instants are split into (day, second-of-day) before any
 * comparison with a clock-change boundary, so no multiplication by 86400 can
 * overflow either.
 */
#include "core/hwtime.h"

#include <stddef.h>

#define STR_(x) #x
#define STR(x)  STR_(x)

static const char why_format[] = "expected a date and time as YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM";
static const char why_date[] = "not a real date";
static const char why_year[] =
    "the year must be between " STR(HW_YEAR_MIN) " and " STR(HW_YEAR_MAX);
static const char why_time[] =
    "not a real time of day: hours run 00 to 23, minutes and seconds 00 to 59";
static const char why_gap[] = "this time does not exist in the UK: the clocks go forward from "
                              "01:00 to 02:00 that day";

/* C division truncates toward zero; dates before 1970 need floor division. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

/* Days since 1970-01-01 of y-m-d, for any m (normalised into the year) and
 * any d (counted on from the 1st). Howard Hinnant's days_from_civil: shift
 * the year to start in March so the leap day falls last, then count whole
 * 400-year eras (146097 days each), years, and days within the year. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y += floor_div(m - 1, 12);
    m = floor_mod(m - 1, 12) + 1;
    if (m <= 2)
        y--;
    int64_t era = floor_div(y, 400);
    int64_t yoe = y - era * 400;                         /* 0..399 */
    int64_t mp = m > 2 ? m - 3 : m + 9;                  /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5;                    /* day of the 1st, 0..334 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */
    return era * 146097 + doe - 719468 + (d - 1);
}

/* The inverse of days_from_civil (Hinnant's civil_from_days). */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468; /* days since 0000-03-01 */
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;                                      /* 0..146096 */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
    int64_t mp = (5 * doy + 2) / 153;                                    /* March = 0 */
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int weekday_of(int64_t days)
{
    return (int)floor_mod(days + 3, 7); /* 1970-01-01 was a Thursday (3) */
}

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The day number of the last Sunday of month m (March or October) of y. */
static int64_t last_sunday(int64_t y, int m)
{
    int64_t last = days_from_civil(y, m, 31);
    return last - (weekday_of(last) + 1) % 7; /* Sunday is 6 */
}

/* Offset at the UTC moment (day, sec), 0 <= sec < 86400. BST starts and
 * ends at 01:00 UTC on the clock-change Sundays. */
static int offset_at(int64_t day, int64_t sec)
{
    int64_t y;
    int m, d;
    civil_from_days(day, &y, &m, &d);
    if (m < 3 || m > 10)
        return 0;
    if (m > 3 && m < 10)
        return 3600;
    int64_t change = last_sunday(y, m);
    bool after = day > change || (day == change && sec >= 3600);
    if (m == 3)
        return after ? 3600 : 0;
    return after ? 0 : 3600;
}

/* Local (day, second-of-day) at instant t. */
static void local_split(hw_instant t, int64_t *day, int64_t *sec, int *offset)
{
    int64_t ud = floor_div(t, HW_DAY);
    int64_t us = floor_mod(t, HW_DAY);
    int off = offset_at(ud, us);
    us += off;
    if (us >= HW_DAY) {
        us -= HW_DAY;
        ud++;
    }
    *day = ud;
    *sec = us;
    if (offset)
        *offset = off;
}

/* The instant local day d starts. The clocks change at 01:00 UTC, so
 * midnight is BST exactly when 23:00 UTC the evening before is BST. */
static hw_instant day_start(int64_t d)
{
    if (offset_at(d - 1, 23 * 3600) == 3600)
        return (d - 1) * HW_DAY + 23 * 3600;
    return d * HW_DAY;
}

/* Reads between min and max decimal digits; fails if more digits follow. */
static const char *read_digits(const char *s, int min, int max, int *val)
{
    int n = 0, v = 0;
    while (s[n] >= '0' && s[n] <= '9') {
        if (n == max)
            return NULL;
        v = v * 10 + (s[n] - '0');
        n++;
    }
    if (n < min)
        return NULL;
    *val = v;
    return s + n;
}

/* Reads "YYYY-MM-DD" or "D/M/YYYY" (D and M one or two digits) at the start
 * of s without checking the values. Returns the end, or NULL. */
static const char *read_date(const char *s, int *y, int *m, int *d, bool *slash)
{
    const char *p = read_digits(s, 1, 4, y);
    if (!p)
        return NULL;
    if (p - s == 4 && *p == '-') {
        *slash = false;
        p = read_digits(p + 1, 2, 2, m);
        if (!p || *p != '-')
            return NULL;
        return read_digits(p + 1, 2, 2, d);
    }
    if (p - s > 2 || *p != '/')
        return NULL;
    *slash = true;
    *d = *y;
    p = read_digits(p + 1, 1, 2, m);
    if (!p || *p != '/')
        return NULL;
    return read_digits(p + 1, 4, 4, y);
}

/* Writes v as exactly width zero-padded digits; returns the end. Fixed
 * widths keep every output inside its documented buffer, so a year outside
 * 0000-9999 (never produced by parsed input) is written modulo 10000. */
static char *put_digits(char *p, int64_t v, int width)
{
    v = floor_mod(v, width == 4 ? 10000 : 100);
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

/* Writes "YYYY-MM-DD"; returns the end. */
static char *put_ymd(char *p, int64_t y, int m, int d)
{
    p = put_digits(p, y, 4);
    *p++ = '-';
    p = put_digits(p, m, 2);
    *p++ = '-';
    return put_digits(p, d, 2);
}

/* Writes local "YYYY-MM-DD?HH:MM" with sep between date and time, and
 * ":SS" when asked; returns the end and reports the offset in force. */
static char *put_local(char *p, hw_instant t, char sep, bool seconds, int *offset)
{
    int64_t day, sec, y;
    int m, d;
    local_split(t, &day, &sec, offset);
    civil_from_days(day, &y, &m, &d);
    p = put_ymd(p, y, m, d);
    *p++ = sep;
    p = put_digits(p, sec / 3600, 2);
    *p++ = ':';
    p = put_digits(p, sec / 60 % 60, 2);
    if (!seconds)
        return p;
    *p++ = ':';
    return put_digits(p, sec % 60, 2);
}

/* Checks parsed date values; returns NULL when fine, else why not. */
static const char *check_date(int y, int m, int d)
{
    if (!hw_ymd_valid(y, m, d))
        return why_date;
    if (y < HW_YEAR_MIN || y > HW_YEAR_MAX)
        return why_year;
    return NULL;
}

/* ---- civil dates ---- */

bool hw_ymd_valid(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= hw_days_in_month(y, m);
}

int hw_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

hw_date hw_date_from_ymd(int y, int m, int d)
{
    return (hw_date)days_from_civil(y, m, d);
}

void hw_date_to_ymd(hw_date d, int *y, int *m, int *day)
{
    int64_t yy;
    civil_from_days(d, &yy, m, day);
    *y = (int)yy;
}

int hw_age_years(hw_date dob, hw_date on)
{
    if (dob == HW_NO_DATE || on == HW_NO_DATE || dob > on)
        return -1;
    int by, bm, bd, y, m, d;
    hw_date_to_ymd(dob, &by, &bm, &bd);
    hw_date_to_ymd(on, &y, &m, &d);
    int age = y - by;
    if (m < bm || (m == bm && d < bd))
        age--;
    return age;
}

int hw_date_weekday(hw_date d)
{
    return weekday_of(d);
}

/* ---- Europe/London ---- */

int hw_london_offset(hw_instant t)
{
    return offset_at(floor_div(t, HW_DAY), floor_mod(t, HW_DAY));
}

void hw_london_from_instant(hw_instant t, struct hw_local *out)
{
    int64_t day, sec, y;
    local_split(t, &day, &sec, &out->utc_offset);
    civil_from_days(day, &y, &out->month, &out->day);
    out->year = (int)y;
    out->hour = (int)(sec / 3600);
    out->minute = (int)(sec / 60 % 60);
    out->second = (int)(sec % 60);
    out->weekday = weekday_of(day);
}

hw_date hw_london_date(hw_instant t)
{
    int64_t day, sec;
    local_split(t, &day, &sec, NULL);
    return (hw_date)day;
}

int hw_london_to_instant(int y, int m, int d, int hh, int mi, int ss, hw_instant *out)
{
    if (!hw_ymd_valid(y, m, d) || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59)
        return -1;
    int64_t day = days_from_civil(y, m, d);
    int64_t sec = (int64_t)hh * 3600 + mi * 60 + ss;
    /* Try BST first, so a repeated hour resolves to its first occurrence;
     * a reading is right when the offset in force at the result agrees. */
    int64_t bd = day, bs = sec - 3600;
    if (bs < 0) {
        bs += HW_DAY;
        bd--;
    }
    if (offset_at(bd, bs) == 3600) {
        *out = bd * HW_DAY + bs;
        return 0;
    }
    if (offset_at(day, sec) == 0) {
        *out = day * HW_DAY + sec;
        return 0;
    }
    return -1; /* skipped when the clocks went forward */
}

hw_instant hw_london_day_start(hw_date d)
{
    return day_start(d);
}

hw_instant hw_london_month_start(int y, int m)
{
    return day_start(days_from_civil(y, m, 1));
}

/* ---- financial years and quarters ---- */

int hw_fy_of(int y, int m)
{
    /* Normalise first so month 0 and 13 mean December before and January after. */
    int64_t yy = y + floor_div((int64_t)m - 1, 12);
    int mm = (int)floor_mod((int64_t)m - 1, 12) + 1;
    return (int)(mm >= 4 ? yy : yy - 1);
}

int hw_fq_of_month(int m)
{
    int mm = (int)floor_mod((int64_t)m - 1, 12) + 1;
    return (mm + 8) % 12 / 3 + 1;
}

/* ---- parsing ---- */

int hw_parse_date(const char *s, hw_date *out)
{
    int y, m, d;
    bool slash;
    if (!s)
        return -1;
    const char *p = read_date(s, &y, &m, &d, &slash);
    if (!p || *p != '\0' || check_date(y, m, d))
        return -1;
    *out = hw_date_from_ymd(y, m, d);
    return 0;
}

int hw_parse_local_time(const char *s, hw_instant *out, const char **why)
{
    int y, m, d, hh, mi, ss = 0;
    bool slash;
    const char *err = why_format;
    const char *p = s ? read_date(s, &y, &m, &d, &slash) : NULL;
    if (!p)
        goto fail;
    if (!(*p == ' ' || (*p == 'T' && !slash)))
        goto fail;
    p = read_digits(p + 1, slash ? 1 : 2, 2, &hh);
    if (!p || *p != ':')
        goto fail;
    p = read_digits(p + 1, 2, 2, &mi);
    if (p && *p == ':')
        p = read_digits(p + 1, 2, 2, &ss);
    if (!p || *p != '\0')
        goto fail;
    err = check_date(y, m, d);
    if (err)
        goto fail;
    err = why_time;
    if (hh > 23 || mi > 59 || ss > 59)
        goto fail;
    err = why_gap;
    if (hw_london_to_instant(y, m, d, hh, mi, ss, out) != 0)
        goto fail;
    return 0;
fail:
    if (why)
        *why = err;
    return -1;
}

int hw_parse_month(const char *s, int *y, int *m)
{
    int yy, mm;
    const char *p = s ? read_digits(s, 4, 4, &yy) : NULL;
    if (!p || *p != '-')
        return -1;
    p = read_digits(p + 1, 2, 2, &mm);
    if (!p || *p != '\0' || mm < 1 || mm > 12 || yy < HW_YEAR_MIN || yy > HW_YEAR_MAX)
        return -1;
    *y = yy;
    *m = mm;
    return 0;
}

/* ---- formatting ----
 * An unrecorded value (HW_NO_DATE, HW_NO_TIME) formats as the empty string,
 * so it shows as a blank cell rather than a date far in the past. */

void hw_format_date(hw_date d, char buf[HW_DATE_LEN])
{
    int64_t y;
    int m, day;
    if (d == HW_NO_DATE) {
        buf[0] = '\0';
        return;
    }
    civil_from_days(d, &y, &m, &day);
    put_ymd(buf, y, m, day)[0] = '\0';
}

void hw_format_local(hw_instant t, char buf[HW_LOCAL_LEN])
{
    if (t == HW_NO_TIME) {
        buf[0] = '\0';
        return;
    }
    put_local(buf, t, ' ', false, NULL)[0] = '\0';
}

void hw_format_iso(hw_instant t, char buf[HW_ISO_LEN])
{
    int offset;
    if (t == HW_NO_TIME) {
        buf[0] = '\0';
        return;
    }
    char *p = put_local(buf, t, 'T', true, &offset);
    *p++ = '+';
    p = put_digits(p, offset / 3600, 2);
    *p++ = ':';
    p = put_digits(p, 0, 2);
    *p = '\0';
}
