/* test_calendar.c - bank holidays and working days.
 *
 * The expected holiday lists are the published England and Wales lists
 * (gov.uk and the proclamations for earlier years), typed in by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/calendar.h"

#define D(y, m, d) hw_date_from_ymd(y, m, d)

static hw_instant utc(int y, int m, int d, int hh, int mi, int ss)
{
    return (hw_instant)D(y, m, d) * HW_DAY + hh * HW_HOUR + mi * HW_MINUTE + ss;
}

/* Compares year y's computed holidays with want[0..n-1] ({month, day} pairs). */
static void check_year(int y, const int want[][2], int n)
{
    hw_date got[16];
    int count = hw_bank_holidays(y, got);
    for (int i = 0; i < n && i < count; i++) {
        hw_date w = D(y, want[i][0], want[i][1]);
        if (got[i] != w) {
            int gy, gm, gd;
            hw_date_to_ymd(got[i], &gy, &gm, &gd);
            fail_msg("%d holiday %d: got %04d-%02d-%02d, want %04d-%02d-%02d", y, i, gy, gm, gd, y,
                     want[i][0], want[i][1]);
        }
        assert_true(hw_is_bank_holiday(w));
        assert_false(hw_is_working_day(w));
    }
    assert_int_equal(count, n);
}

#define CHECK_YEAR(y, ...)                                                                         \
    do {                                                                                           \
        static const int want_[][2] = {__VA_ARGS__};                                               \
        check_year(y, want_, (int)(sizeof(want_) / sizeof(want_[0])));                             \
    } while (0)

static void test_easter(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
    } cases[] = {
        {1818, 3, 22}, {1943, 4, 25}, {1961, 4, 2},  {2000, 4, 23}, {2001, 4, 15}, {2002, 3, 31},
        {2008, 3, 23}, {2010, 4, 4},  {2011, 4, 24}, {2016, 3, 27}, {2017, 4, 16}, {2018, 4, 1},
        {2019, 4, 21}, {2020, 4, 12}, {2021, 4, 4},  {2022, 4, 17}, {2023, 4, 9},  {2024, 3, 31},
        {2025, 4, 20}, {2027, 3, 28}, {2038, 4, 25}, {2285, 3, 22},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        hw_date e = hw_easter_sunday(cases[i].y);
        if (e != D(cases[i].y, cases[i].m, cases[i].d))
            fail_msg("Easter %d wrong", cases[i].y);
    }
    /* Always a Sunday between 22 March and 25 April. */
    for (int y = 1583; y <= 2400; y++) {
        hw_date e = hw_easter_sunday(y);
        assert_int_equal(hw_date_weekday(e), 6);
        assert_true(e >= D(y, 3, 22));
        assert_true(e <= D(y, 4, 25));
    }
}

static void test_holidays_ordinary_years(void **state)
{
    (void)state;
    /* Christmas on a Sunday: Boxing Day Monday 26, substitute Tuesday 27. */
    CHECK_YEAR(2016, {1, 1}, {3, 25}, {3, 28}, {5, 2}, {5, 30}, {8, 29}, {12, 26}, {12, 27});
    /* New Year's Day on a Sunday: Monday 2 January. */
    CHECK_YEAR(2017, {1, 2}, {4, 14}, {4, 17}, {5, 1}, {5, 29}, {8, 28}, {12, 25}, {12, 26});
    CHECK_YEAR(2018, {1, 1}, {3, 30}, {4, 2}, {5, 7}, {5, 28}, {8, 27}, {12, 25}, {12, 26});
    CHECK_YEAR(2019, {1, 1}, {4, 19}, {4, 22}, {5, 6}, {5, 27}, {8, 26}, {12, 25}, {12, 26});
    /* Christmas on a Friday: Boxing Day substitute Monday 28. */
    CHECK_YEAR(2015, {1, 1}, {4, 3}, {4, 6}, {5, 4}, {5, 25}, {8, 31}, {12, 25}, {12, 28});
    /* Christmas on a Saturday: Monday 27 and Tuesday 28. */
    CHECK_YEAR(2010, {1, 1}, {4, 2}, {4, 5}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28});
    CHECK_YEAR(2021, {1, 1}, {4, 2}, {4, 5}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28});
    CHECK_YEAR(2024, {1, 1}, {3, 29}, {4, 1}, {5, 6}, {5, 27}, {8, 26}, {12, 25}, {12, 26});
    CHECK_YEAR(2025, {1, 1}, {4, 18}, {4, 21}, {5, 5}, {5, 26}, {8, 25}, {12, 25}, {12, 26});
    CHECK_YEAR(2026, {1, 1}, {4, 3}, {4, 6}, {5, 4}, {5, 25}, {8, 31}, {12, 25}, {12, 28});
    CHECK_YEAR(2027, {1, 1}, {3, 26}, {3, 29}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28});
}

static void test_holidays_special_years(void **state)
{
    (void)state;
    /* VE Day 50th: early May holiday moved to Monday 8 May. */
    CHECK_YEAR(1995, {1, 2}, {4, 14}, {4, 17}, {5, 8}, {5, 29}, {8, 28}, {12, 25}, {12, 26});
    /* Millennium: Friday 31 December; Christmas on a Saturday. */
    CHECK_YEAR(1999, {1, 1}, {4, 2}, {4, 5}, {5, 3}, {5, 31}, {8, 30}, {12, 27}, {12, 28},
               {12, 31});
    /* Golden Jubilee: spring holiday moved to 4 June, extra day 3 June. */
    CHECK_YEAR(2002, {1, 1}, {3, 29}, {4, 1}, {5, 6}, {6, 3}, {6, 4}, {8, 26}, {12, 25}, {12, 26});
    /* Royal wedding 29 April; New Year's Day on a Saturday; Christmas on a Sunday. */
    CHECK_YEAR(2011, {1, 3}, {4, 22}, {4, 25}, {4, 29}, {5, 2}, {5, 30}, {8, 29}, {12, 26},
               {12, 27});
    /* Diamond Jubilee: spring holiday 4 June, extra day 5 June. */
    CHECK_YEAR(2012, {1, 2}, {4, 6}, {4, 9}, {5, 7}, {6, 4}, {6, 5}, {8, 27}, {12, 25}, {12, 26});
    /* VE Day 75th: early May holiday moved to Friday 8 May. */
    CHECK_YEAR(2020, {1, 1}, {4, 10}, {4, 13}, {5, 8}, {5, 25}, {8, 31}, {12, 25}, {12, 28});
    /* Platinum Jubilee (2 and 3 June), the Queen's funeral (19 September),
     * New Year's Day on a Saturday, Christmas on a Sunday. */
    CHECK_YEAR(2022, {1, 3}, {4, 15}, {4, 18}, {5, 2}, {6, 2}, {6, 3}, {8, 29}, {9, 19}, {12, 26},
               {12, 27});
    /* Coronation: Monday 8 May. */
    CHECK_YEAR(2023, {1, 2}, {4, 7}, {4, 10}, {5, 1}, {5, 8}, {5, 29}, {8, 28}, {12, 25}, {12, 26});
}

static void test_no_early_may_before_1978(void **state)
{
    (void)state;
    /* 1977: no May Day holiday (the first was 1 May 1978). */
    CHECK_YEAR(1977, {1, 3}, {4, 8}, {4, 11}, {5, 30}, {8, 29}, {12, 26}, {12, 27});
    assert_false(hw_is_bank_holiday(D(1977, 5, 2)));
    assert_true(hw_is_bank_holiday(D(1978, 5, 1)));
}

/* Structural checks over many years: sorted, in the year, all weekdays. */
static void test_holidays_invariants(void **state)
{
    (void)state;
    for (int y = 1978; y <= 2199; y++) {
        hw_date h[16];
        int n = hw_bank_holidays(y, h);
        assert_in_range(n, 8, 10);
        for (int i = 0; i < n; i++) {
            int yy, m, d;
            hw_date_to_ymd(h[i], &yy, &m, &d);
            assert_int_equal(yy, y);
            assert_true(hw_date_weekday(h[i]) < 5);
            if (i > 0)
                assert_true(h[i - 1] < h[i]);
        }
    }
}

static void test_working_day(void **state)
{
    (void)state;
    assert_true(hw_is_working_day(D(2017, 4, 13)));   /* Thursday */
    assert_false(hw_is_working_day(D(2017, 4, 14)));  /* Good Friday */
    assert_false(hw_is_working_day(D(2017, 4, 15)));  /* Saturday */
    assert_false(hw_is_working_day(D(2017, 4, 16)));  /* Sunday */
    assert_false(hw_is_working_day(D(2017, 4, 17)));  /* Easter Monday */
    assert_true(hw_is_working_day(D(2017, 4, 18)));   /* Tuesday */
    assert_false(hw_is_bank_holiday(D(2017, 4, 15))); /* a weekend, not a holiday */
    assert_false(hw_is_bank_holiday(D(2016, 12, 25)));
    assert_true(hw_is_bank_holiday(D(2016, 12, 27)));
    assert_false(hw_is_working_day(HW_NO_DATE));
    assert_false(hw_is_bank_holiday(HW_NO_DATE));
}

static void test_add_working_days(void **state)
{
    (void)state;
    static const struct {
        int fy, fm, fd, n, wy, wm, wd; /* from, n, want */
    } cases[] = {
        {2017, 4, 13, 0, 2017, 4, 13},
        {2017, 4, 15, 0, 2017, 4, 15}, /* n = 0 is the day itself, even a Saturday */
        {2017, 4, 13, 1, 2017, 4, 18}, /* over Easter */
        {2017, 4, 12, 2, 2017, 4, 18},
        {2017, 4, 14, 1, 2017, 4, 18},
        {2017, 4, 15, 1, 2017, 4, 18},
        {2017, 4, 10, 5, 2017, 4, 19},
        {2017, 12, 22, 1, 2017, 12, 27}, /* over Christmas */
        {2020, 12, 24, 1, 2020, 12, 29}, /* Boxing Day substitute Monday 28 */
        {2021, 12, 24, 1, 2021, 12, 29}, /* 27 and 28 substitutes */
        {2021, 12, 24, 3, 2021, 12, 31},
        {2021, 12, 24, 4, 2022, 1, 4}, /* 3 January 2022 substitute */
        {2022, 5, 30, 5, 2022, 6, 8},  /* Platinum Jubilee Thursday and Friday */
        {2022, 9, 16, 1, 2022, 9, 20}, /* the Queen's funeral */
        {2017, 6, 5, 20, 2017, 7, 3},
        {2017, 3, 1, 20, 2017, 3, 29},
        {1960, 1, 1, 1, 1960, 1, 4}, /* negative dates */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        hw_date got = hw_add_working_days(D(cases[i].fy, cases[i].fm, cases[i].fd), cases[i].n);
        if (got != D(cases[i].wy, cases[i].wm, cases[i].wd)) {
            int y, m, d;
            hw_date_to_ymd(got, &y, &m, &d);
            fail_msg("%04d-%02d-%02d + %d: got %04d-%02d-%02d, want %04d-%02d-%02d", cases[i].fy,
                     cases[i].fm, cases[i].fd, cases[i].n, y, m, d, cases[i].wy, cases[i].wm,
                     cases[i].wd);
        }
    }
}

/* The result agrees with counting working days one by one. */
static void test_add_working_days_matches_count(void **state)
{
    (void)state;
    for (hw_date d = D(2015, 12, 1); d < D(2023, 2, 1); d += 3) {
        for (int n = 1; n <= 25; n += 4) {
            hw_date got = hw_add_working_days(d, n);
            int seen = 0;
            for (hw_date x = d + 1; x <= got; x++)
                seen += hw_is_working_day(x);
            assert_int_equal(seen, n);
            assert_true(hw_is_working_day(got));
        }
    }
}

static void test_add_working_days_at(void **state)
{
    (void)state;
    /* Friday 10:00 GMT to Monday 10:00 BST, across the clocks going forward. */
    assert_int_equal(hw_add_working_days_at(utc(2017, 3, 24, 10, 0, 0), 1),
                     utc(2017, 3, 27, 9, 0, 0));
    /* Friday 23:30 BST to Monday 23:30 GMT, across the clocks going back. */
    assert_int_equal(hw_add_working_days_at(utc(2017, 10, 27, 22, 30, 0), 1),
                     utc(2017, 10, 30, 23, 30, 0));
    /* 23:30Z on Friday 30 June is 00:30 on Saturday 1 July locally: the count
     * starts from the local date. */
    assert_int_equal(hw_add_working_days_at(utc(2017, 6, 30, 23, 30, 15), 1),
                     utc(2017, 7, 2, 23, 30, 15));
    /* Thursday before Easter 15:05:09 BST, 5 working days on, seconds kept. */
    assert_int_equal(hw_add_working_days_at(utc(2017, 4, 13, 14, 5, 9), 5),
                     utc(2017, 4, 24, 14, 5, 9));
    /* n = 0 gives t back, even in the second pass of a repeated hour. */
    hw_instant second_0130 = utc(2017, 10, 29, 1, 30, 0);
    assert_int_equal(hw_add_working_days_at(second_0130, 0), second_0130);
    /* From the repeated hour on Sunday to Monday 01:30 GMT. */
    assert_int_equal(hw_add_working_days_at(second_0130, 1), utc(2017, 10, 30, 1, 30, 0));
    assert_int_equal(hw_add_working_days_at(utc(2017, 10, 29, 0, 30, 0), 1),
                     utc(2017, 10, 30, 1, 30, 0));
    /* From Sunday 26 March 2017 (clocks forward) 03:00 BST to Monday. */
    assert_int_equal(hw_add_working_days_at(utc(2017, 3, 26, 2, 0, 0), 1),
                     utc(2017, 3, 27, 2, 0, 0));
    /* 1960: negative instants. */
    assert_int_equal(hw_add_working_days_at(utc(1960, 1, 1, 9, 0, 0), 1), utc(1960, 1, 4, 9, 0, 0));
    assert_int_equal(hw_add_working_days_at(HW_NO_TIME, 3), HW_NO_TIME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_easter),
        cmocka_unit_test(test_holidays_ordinary_years),
        cmocka_unit_test(test_holidays_special_years),
        cmocka_unit_test(test_no_early_may_before_1978),
        cmocka_unit_test(test_holidays_invariants),
        cmocka_unit_test(test_working_day),
        cmocka_unit_test(test_add_working_days),
        cmocka_unit_test(test_add_working_days_matches_count),
        cmocka_unit_test(test_add_working_days_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
