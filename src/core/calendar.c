/* calendar.c - England and Wales bank holidays and working days, by rule.
 *
 * Each year's holidays are computed afresh (a few dozen integer operations),
 * so there is no table to keep up to date and no cache to share between
 * threads. New one-off days and moved holidays go in the lists below.
 */
#include "core/calendar.h"

#include <stdint.h>

struct ymd {
    int y, m, d;
};

/* Days proclaimed for one year only. */
static const struct ymd one_off_days[] = {
    {1999, 12, 31}, /* millennium */
    {2002, 6, 3},   /* Golden Jubilee */
    {2011, 4, 29},  /* royal wedding */
    {2012, 6, 5},   /* Diamond Jubilee */
    {2022, 6, 3},   /* Platinum Jubilee */
    {2022, 9, 19},  /* state funeral of Queen Elizabeth II */
    {2023, 5, 8},   /* coronation of King Charles III */
};

/* Early May and spring bank holidays moved from their usual Mondays. */
static const struct ymd moved_early_may[] = {
    {1995, 5, 8}, /* VE Day 50th anniversary */
    {2020, 5, 8}, /* VE Day 75th anniversary (a Friday) */
};

static const struct ymd moved_spring[] = {
    {2002, 6, 4}, /* Golden Jubilee */
    {2012, 6, 4}, /* Diamond Jubilee */
    {2022, 6, 2}, /* Platinum Jubilee (a Thursday) */
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* The first Monday on or after date d. */
static hw_date monday_on_or_after(hw_date d)
{
    return d + (7 - hw_date_weekday(d)) % 7;
}

/* d itself on a weekday, else the Monday after. */
static hw_date weekday_or_monday(hw_date d)
{
    return hw_date_weekday(d) >= 5 ? monday_on_or_after(d) : d;
}

/* The last Monday of month m of year y. */
static hw_date last_monday(int y, int m)
{
    hw_date last = hw_date_from_ymd(y, m, hw_days_in_month(y, m));
    return last - hw_date_weekday(last);
}

static void sort_dates(hw_date *a, int n)
{
    for (int i = 1; i < n; i++) {
        hw_date v = a[i];
        int j = i;
        for (; j > 0 && a[j - 1] > v; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}

static bool contains(const hw_date *a, int n, hw_date d)
{
    for (int i = 0; i < n; i++) {
        if (a[i] == d)
            return true;
    }
    return false;
}

hw_date hw_easter_sunday(int y)
{
    /* The anonymous Gregorian computus (Meeus/Jones/Butcher). It needs a
     * positive year; Easter dates repeat every 5,700,000 years, so shift
     * earlier years forward by whole cycles. */
    int64_t yy = y;
    if (yy < 1)
        yy += ((-yy) / 5700000 + 1) * 5700000;
    int64_t a = yy % 19, b = yy / 100, c = yy % 100;
    int64_t d = b / 4, e = b % 4;
    int64_t f = (b + 8) / 25;
    int64_t g = (b - f + 1) / 3;
    int64_t h = (19 * a + b - d - g + 15) % 30;
    int64_t i = c / 4, k = c % 4;
    int64_t l = (32 + 2 * e + 2 * i - h - k) % 7;
    int64_t m = (a + 11 * h + 22 * l) / 451;
    int month = (int)((h + l - 7 * m + 114) / 31);
    int day = (int)((h + l - 7 * m + 114) % 31 + 1);
    return hw_date_from_ymd(y, month, day);
}

int hw_bank_holidays(int y, hw_date out[16])
{
    int n = 0;

    /* New Year's Day, or the Monday after when it falls at a weekend. */
    out[n++] = weekday_or_monday(hw_date_from_ymd(y, 1, 1));

    hw_date easter = hw_easter_sunday(y);
    out[n++] = easter - 2; /* Good Friday */
    out[n++] = easter + 1; /* Easter Monday */

    /* Early May bank holiday: first Monday in May, from 1978. */
    if (y >= 1978) {
        hw_date may = monday_on_or_after(hw_date_from_ymd(y, 5, 1));
        for (int i = 0; i < COUNT(moved_early_may); i++) {
            if (moved_early_may[i].y == y)
                may = hw_date_from_ymd(y, moved_early_may[i].m, moved_early_may[i].d);
        }
        out[n++] = may;
    }

    hw_date spring = last_monday(y, 5);
    for (int i = 0; i < COUNT(moved_spring); i++) {
        if (moved_spring[i].y == y)
            spring = hw_date_from_ymd(y, moved_spring[i].m, moved_spring[i].d);
    }
    out[n++] = spring;

    out[n++] = last_monday(y, 8); /* summer bank holiday */

    /* Christmas and Boxing Day. A day falling at a weekend is replaced by
     * the next weekday not already a holiday: Saturday 25th gives Monday 27
     * and Tuesday 28; Sunday 25th gives Monday 26 (Boxing Day) and Tuesday
     * 27; Friday 25th gives Monday 28 for Boxing Day. */
    hw_date xmas = hw_date_from_ymd(y, 12, 25);
    int wd = hw_date_weekday(xmas);
    if (wd <= 3) { /* Monday to Thursday */
        out[n++] = xmas;
        out[n++] = xmas + 1;
    } else if (wd == 4) { /* Friday */
        out[n++] = xmas;
        out[n++] = xmas + 3;
    } else if (wd == 5) { /* Saturday */
        out[n++] = xmas + 2;
        out[n++] = xmas + 3;
    } else { /* Sunday */
        out[n++] = xmas + 1;
        out[n++] = xmas + 2;
    }

    for (int i = 0; i < COUNT(one_off_days); i++) {
        if (one_off_days[i].y == y)
            out[n++] = hw_date_from_ymd(y, one_off_days[i].m, one_off_days[i].d);
    }

    sort_dates(out, n);
    return n;
}

bool hw_is_bank_holiday(hw_date d)
{
    int y, m, day;
    hw_date hols[16];
    if (d == HW_NO_DATE)
        return false;
    hw_date_to_ymd(d, &y, &m, &day);
    int n = hw_bank_holidays(y, hols);
    return contains(hols, n, d);
}

bool hw_is_working_day(hw_date d)
{
    return d != HW_NO_DATE && hw_date_weekday(d) < 5 && !hw_is_bank_holiday(d);
}

hw_date hw_add_working_days(hw_date d, int n)
{
    /* n < 0 is outside the contract; it is treated as 0. The year's
     * holidays are computed once per year crossed, not once per day. */
    hw_date hols[16];
    int nhols = 0, hols_year = 0;
    bool have = false;
    if (d == HW_NO_DATE)
        return d;
    while (n > 0 && d < INT32_MAX) {
        int y, m, day;
        d++;
        if (hw_date_weekday(d) >= 5)
            continue;
        hw_date_to_ymd(d, &y, &m, &day);
        if (!have || y != hols_year) {
            nhols = hw_bank_holidays(y, hols);
            hols_year = y;
            have = true;
        }
        if (!contains(hols, nhols, d))
            n--;
    }
    return d;
}

hw_instant hw_add_working_days_at(hw_instant t, int n)
{
    struct hw_local l;
    hw_instant out;
    /* n = 0 is t itself; this also keeps the second 01:xx of a repeated
     * hour from being read back as the first. */
    if (t == HW_NO_TIME || n <= 0)
        return t;
    hw_london_from_instant(t, &l);
    hw_date d = hw_add_working_days(hw_london_date(t), n);
    int y, m, day;
    hw_date_to_ymd(d, &y, &m, &day);
    if (hw_london_to_instant(y, m, day, l.hour, l.minute, l.second, &out) == 0)
        return out;
    /* The clock time does not exist that day (clocks went forward). Working
     * days are never Sundays, so this cannot happen today, but if the rules
     * change take the same elapsed time since local midnight: 01:30 becomes
     * 02:30 BST, an hour later on the clock, never earlier than asked. */
    return hw_london_day_start(d) + (hw_instant)l.hour * HW_HOUR + l.minute * HW_MINUTE + l.second;
}
