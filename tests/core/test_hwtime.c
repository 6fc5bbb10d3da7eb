/* test_hwtime.c - civil dates, Europe/London time, parsing and formatting.
 *
 * Expected instants were worked out independently (Python's datetime and the
 * IANA Europe/London zone for 1996 onwards), not with the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/hwtime.h"

/* 1970-01-01T00:00:00Z + the given UTC fields, computed the slow way. */
static hw_instant utc(int y, int m, int d, int hh, int mi, int ss)
{
    return (hw_instant)hw_date_from_ymd(y, m, d) * HW_DAY + hh * HW_HOUR + mi * HW_MINUTE + ss;
}

static void assert_local(hw_instant t, int y, int m, int d, int hh, int mi, int ss, int offset)
{
    struct hw_local l;
    hw_london_from_instant(t, &l);
    assert_int_equal(l.year, y);
    assert_int_equal(l.month, m);
    assert_int_equal(l.day, d);
    assert_int_equal(l.hour, hh);
    assert_int_equal(l.minute, mi);
    assert_int_equal(l.second, ss);
    assert_int_equal(l.utc_offset, offset);
    assert_int_equal(l.weekday, hw_date_weekday(hw_date_from_ymd(y, m, d)));
}

static void assert_ymd(hw_date d, int y, int m, int day)
{
    int yy, mm, dd;
    hw_date_to_ymd(d, &yy, &mm, &dd);
    assert_int_equal(yy, y);
    assert_int_equal(mm, m);
    assert_int_equal(dd, day);
}

/* ---- civil dates ---- */

static void test_date_known_values(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        hw_date days;
    } cases[] = {
        {1970, 1, 1, 0},      {1969, 12, 31, -1},    {2000, 3, 1, 11017},   {1960, 1, 1, -3653},
        {1900, 1, 1, -25567}, {2199, 12, 31, 84005}, {1600, 1, 1, -135140}, {1600, 2, 29, -135081},
        {1, 1, 1, -719162},   {2017, 4, 1, 17257},   {0, 3, 1, -719468},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(hw_date_from_ymd(cases[i].y, cases[i].m, cases[i].d), cases[i].days);
        assert_ymd(cases[i].days, cases[i].y, cases[i].m, cases[i].d);
    }
}

/* Walk every day from 1600 to 2400 with a naive counter. */
static void test_date_walk(void **state)
{
    (void)state;
    int y = 1600, m = 1, d = 1;
    hw_date days = -135140;
    while (y < 2400) {
        assert_int_equal(hw_date_from_ymd(y, m, d), days);
        assert_ymd(days, y, m, d);
        days++;
        if (++d > hw_days_in_month(y, m)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                y++;
            }
        }
    }
    assert_int_equal(days, hw_date_from_ymd(2400, 1, 1));
}

static void test_date_rollover(void **state)
{
    (void)state;
    assert_int_equal(hw_date_from_ymd(2017, 1, 32), hw_date_from_ymd(2017, 2, 1));
    assert_int_equal(hw_date_from_ymd(2016, 2, 30), hw_date_from_ymd(2016, 3, 1));
    assert_int_equal(hw_date_from_ymd(2017, 2, 29), hw_date_from_ymd(2017, 3, 1));
    assert_int_equal(hw_date_from_ymd(2017, 12, 32), hw_date_from_ymd(2018, 1, 1));
    assert_int_equal(hw_date_from_ymd(2017, 1, 1 + 365), hw_date_from_ymd(2018, 1, 1));
}

static void test_days_in_month_and_valid(void **state)
{
    (void)state;
    assert_int_equal(hw_days_in_month(2017, 2), 28);
    assert_int_equal(hw_days_in_month(2016, 2), 29);
    assert_int_equal(hw_days_in_month(2000, 2), 29);
    assert_int_equal(hw_days_in_month(1900, 2), 28);
    assert_int_equal(hw_days_in_month(2100, 2), 28);
    assert_int_equal(hw_days_in_month(2017, 4), 30);
    assert_int_equal(hw_days_in_month(2017, 12), 31);
    assert_true(hw_ymd_valid(2016, 2, 29));
    assert_false(hw_ymd_valid(2017, 2, 29));
    assert_false(hw_ymd_valid(2017, 4, 31));
    assert_false(hw_ymd_valid(2017, 0, 1));
    assert_false(hw_ymd_valid(2017, 13, 1));
    assert_false(hw_ymd_valid(2017, 1, 0));
    assert_true(hw_ymd_valid(2017, 12, 31));
}

static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(1970, 1, 1)), 3); /* Thursday */
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(2017, 4, 1)), 5); /* Saturday */
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(2017, 3, 26)), 6);
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(2000, 1, 1)), 5);
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(1960, 1, 1)), 4); /* Friday */
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(1969, 12, 29)), 0);
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(1900, 1, 1)), 0); /* Monday */
    assert_int_equal(hw_date_weekday(hw_date_from_ymd(2024, 12, 25)), 2);
}

/* ---- Europe/London ---- */

/* Clock changes from the IANA zone: {year, BST starts, BST ends} in UTC. */
static const struct {
    int year;
    hw_instant start, end;
} bst[] = {
    {1996, 828234000, 846378000},   {1997, 859683600, 877827600},   {1998, 891133200, 909277200},
    {1999, 922582800, 941331600},   {2000, 954032400, 972781200},   {2001, 985482000, 1004230800},
    {2002, 1017536400, 1035680400}, {2003, 1048986000, 1067130000}, {2004, 1080435600, 1099184400},
    {2005, 1111885200, 1130634000}, {2006, 1143334800, 1162083600}, {2007, 1174784400, 1193533200},
    {2008, 1206838800, 1224982800}, {2009, 1238288400, 1256432400}, {2010, 1269738000, 1288486800},
    {2011, 1301187600, 1319936400}, {2012, 1332637200, 1351386000}, {2013, 1364691600, 1382835600},
    {2014, 1396141200, 1414285200}, {2015, 1427590800, 1445734800}, {2016, 1459040400, 1477789200},
    {2017, 1490490000, 1509238800}, {2018, 1521939600, 1540688400}, {2019, 1553994000, 1572138000},
    {2020, 1585443600, 1603587600}, {2021, 1616893200, 1635642000}, {2022, 1648342800, 1667091600},
    {2023, 1679792400, 1698541200}, {2024, 1711846800, 1729990800}, {2025, 1743296400, 1761440400},
    {2026, 1774746000, 1792890000}, {2027, 1806195600, 1824944400}, {2028, 1837645200, 1856394000},
    {2029, 1869094800, 1887843600}, {2030, 1901149200, 1919293200}, {2031, 1932598800, 1950742800},
    {2032, 1964048400, 1982797200}, {2033, 1995498000, 2014246800}, {2034, 2026947600, 2045696400},
    {2035, 2058397200, 2077146000}, {2036, 2090451600, 2108595600}, {2037, 2121901200, 2140045200},
    {1960, -308185200, -289436400}, /* the rule applied to 1960 */
};

static void test_bst_boundaries_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(bst) / sizeof(bst[0]); i++) {
        assert_int_equal(hw_london_offset(bst[i].start - 1), 0);
        assert_int_equal(hw_london_offset(bst[i].start), 3600);
        assert_int_equal(hw_london_offset(bst[i].end - 1), 3600);
        assert_int_equal(hw_london_offset(bst[i].end), 0);
        /* Midsummer and midwinter of the same year. */
        assert_int_equal(hw_london_offset(utc(bst[i].year, 7, 1, 12, 0, 0)), 3600);
        assert_int_equal(hw_london_offset(utc(bst[i].year, 1, 15, 12, 0, 0)), 0);
        assert_int_equal(hw_london_offset(utc(bst[i].year, 12, 31, 23, 59, 59)), 0);
    }
}

static void test_bst_boundaries_2017(void **state)
{
    (void)state;
    hw_instant start = 1490490000; /* 2017-03-26T01:00:00Z */
    hw_instant end = 1509238800;   /* 2017-10-29T01:00:00Z */
    assert_int_equal(utc(2017, 3, 26, 1, 0, 0), start);
    assert_int_equal(utc(2017, 10, 29, 1, 0, 0), end);
    assert_local(start - 1, 2017, 3, 26, 0, 59, 59, 0);
    assert_local(start, 2017, 3, 26, 2, 0, 0, 3600);
    assert_local(end - 1, 2017, 10, 29, 1, 59, 59, 3600);
    assert_local(end, 2017, 10, 29, 1, 0, 0, 0);
    assert_local(end + 3599, 2017, 10, 29, 1, 59, 59, 0);
    assert_local(end + 3600, 2017, 10, 29, 2, 0, 0, 0);
}

static void test_negative_instants(void **state)
{
    (void)state;
    assert_int_equal(utc(1960, 1, 1, 0, 0, 0), -315619200);
    assert_local(-315619200, 1960, 1, 1, 0, 0, 0, 0);
    assert_local(-299851200, 1960, 7, 1, 13, 0, 0, 3600); /* 12:00Z in summer */
    assert_local(-1, 1969, 12, 31, 23, 59, 59, 0);
    assert_local(-86400, 1969, 12, 31, 0, 0, 0, 0);
    assert_local(-86401, 1969, 12, 30, 23, 59, 59, 0);
    assert_local(-308185200 - 1, 1960, 3, 27, 0, 59, 59, 0);
    assert_local(-308185200, 1960, 3, 27, 2, 0, 0, 3600);
    assert_int_equal(hw_london_date(-1), hw_date_from_ymd(1969, 12, 31));
    assert_int_equal(hw_london_date(-299851200), hw_date_from_ymd(1960, 7, 1));
    /* 1960-06-30T23:30Z is already 1 July locally. */
    assert_int_equal(hw_london_date(utc(1960, 6, 30, 23, 30, 0)), hw_date_from_ymd(1960, 7, 1));
    hw_instant t;
    assert_int_equal(hw_london_to_instant(1960, 7, 1, 13, 0, 0, &t), 0);
    assert_int_equal(t, -299851200);
    assert_int_equal(hw_london_to_instant(1960, 1, 1, 0, 0, 0, &t), 0);
    assert_int_equal(t, -315619200);
    assert_int_equal(hw_london_to_instant(1960, 3, 27, 1, 30, 0, &t), -1);
}

static void test_london_date(void **state)
{
    (void)state;
    assert_int_equal(hw_london_date(utc(2017, 6, 30, 23, 30, 0)), hw_date_from_ymd(2017, 7, 1));
    assert_int_equal(hw_london_date(utc(2017, 6, 30, 22, 59, 59)), hw_date_from_ymd(2017, 6, 30));
    assert_int_equal(hw_london_date(utc(2017, 12, 31, 23, 30, 0)), hw_date_from_ymd(2017, 12, 31));
    assert_int_equal(hw_london_date(0), 0);
}

static void test_to_instant_gap(void **state)
{
    (void)state;
    hw_instant t = 12345;
    assert_int_equal(hw_london_to_instant(2017, 3, 26, 1, 0, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 3, 26, 1, 30, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 3, 26, 1, 59, 59, &t), -1);
    assert_int_equal(hw_london_to_instant(2019, 3, 31, 1, 15, 0, &t), -1);
    assert_int_equal(t, 12345); /* untouched on failure */
    assert_int_equal(hw_london_to_instant(2017, 3, 26, 0, 59, 59, &t), 0);
    assert_int_equal(t, utc(2017, 3, 26, 0, 59, 59));
    assert_int_equal(hw_london_to_instant(2017, 3, 26, 2, 0, 0, &t), 0);
    assert_int_equal(t, utc(2017, 3, 26, 1, 0, 0));
    /* The same clock time a week earlier or later exists. */
    assert_int_equal(hw_london_to_instant(2017, 3, 19, 1, 30, 0, &t), 0);
    assert_int_equal(t, utc(2017, 3, 19, 1, 30, 0));
    assert_int_equal(hw_london_to_instant(2017, 4, 2, 1, 30, 0, &t), 0);
    assert_int_equal(t, utc(2017, 4, 2, 0, 30, 0));
}

static void test_to_instant_repeated_hour(void **state)
{
    (void)state;
    hw_instant t;
    assert_int_equal(hw_london_to_instant(2017, 10, 29, 1, 30, 0, &t), 0);
    assert_int_equal(t, utc(2017, 10, 29, 0, 30, 0)); /* BST, the first 01:30 */
    assert_int_equal(hw_london_to_instant(2017, 10, 29, 1, 0, 0, &t), 0);
    assert_int_equal(t, utc(2017, 10, 29, 0, 0, 0));
    assert_int_equal(hw_london_to_instant(2017, 10, 29, 1, 59, 59, &t), 0);
    assert_int_equal(t, utc(2017, 10, 29, 0, 59, 59));
    assert_int_equal(hw_london_to_instant(2017, 10, 29, 0, 59, 0, &t), 0);
    assert_int_equal(t, utc(2017, 10, 28, 23, 59, 0));
    assert_int_equal(hw_london_to_instant(2017, 10, 29, 2, 0, 0, &t), 0);
    assert_int_equal(t, utc(2017, 10, 29, 2, 0, 0));
}

static void test_to_instant_rejects_bad_fields(void **state)
{
    (void)state;
    hw_instant t;
    assert_int_equal(hw_london_to_instant(2017, 2, 29, 12, 0, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 13, 1, 12, 0, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 1, 1, 24, 0, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 1, 1, 12, 60, 0, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 1, 1, 12, 0, 60, &t), -1);
    assert_int_equal(hw_london_to_instant(2017, 1, 1, -1, 0, 0, &t), -1);
}

/* Every instant, read as local time and back, returns to itself, except the
 * second (GMT) pass through a repeated hour, which reads back as the first. */
static void test_round_trip(void **state)
{
    (void)state;
    hw_instant from = utc(1958, 1, 1, 0, 0, 0), to = utc(2045, 1, 1, 0, 0, 0);
    long repeated = 0;
    for (hw_instant t = from; t < to; t += 37 * HW_MINUTE + 1) {
        struct hw_local l;
        hw_instant back;
        hw_london_from_instant(t, &l);
        assert_int_equal(
            hw_london_to_instant(l.year, l.month, l.day, l.hour, l.minute, l.second, &back), 0);
        if (back != t) {
            assert_int_equal(back, t - HW_HOUR);
            assert_int_equal(l.utc_offset, 0);
            assert_int_equal(hw_london_offset(back), 3600);
            assert_int_equal(l.hour, 1);
            repeated++;
        }
    }
    assert_true(repeated > 0);
}

/* Each local day starts at local midnight, and one second earlier is the
 * previous day's 23:59:59. */
static void test_day_starts(void **state)
{
    (void)state;
    for (hw_date d = hw_date_from_ymd(1955, 1, 1); d < hw_date_from_ymd(2045, 1, 1); d++) {
        int y, m, day;
        hw_instant t = hw_london_day_start(d);
        hw_date_to_ymd(d, &y, &m, &day);
        struct hw_local l;
        hw_london_from_instant(t, &l);
        assert_int_equal(hw_london_date(t), d);
        assert_int_equal(l.hour * 3600 + l.minute * 60 + l.second, 0);
        assert_int_equal(hw_london_date(t - 1), d - 1);
        hw_london_from_instant(t - 1, &l);
        assert_int_equal(l.hour * 3600 + l.minute * 60 + l.second, 86399);
    }
    assert_int_equal(hw_london_day_start(hw_date_from_ymd(2017, 3, 26)), utc(2017, 3, 26, 0, 0, 0));
    assert_int_equal(hw_london_day_start(hw_date_from_ymd(2017, 3, 27)),
                     utc(2017, 3, 26, 23, 0, 0));
    assert_int_equal(hw_london_day_start(hw_date_from_ymd(2017, 10, 29)),
                     utc(2017, 10, 28, 23, 0, 0));
    assert_int_equal(hw_london_day_start(hw_date_from_ymd(2017, 10, 30)),
                     utc(2017, 10, 30, 0, 0, 0));
}

static void test_month_starts(void **state)
{
    (void)state;
    assert_int_equal(hw_london_month_start(2017, 4), 1491001200); /* 2017-03-31T23:00Z */
    assert_int_equal(hw_london_month_start(2017, 1), utc(2017, 1, 1, 0, 0, 0));
    assert_int_equal(hw_london_month_start(2017, 13), 1514764800); /* 2018-01-01T00:00Z */
    assert_int_equal(hw_london_month_start(2017, 0), 1480550400);  /* 2016-12-01T00:00Z */
    assert_int_equal(hw_london_month_start(2017, 10), 1506812400); /* 2017-09-30T23:00Z */
    assert_int_equal(hw_london_month_start(2017, 11), 1509494400); /* 2017-11-01T00:00Z */
    assert_int_equal(hw_london_month_start(2017, 3), utc(2017, 3, 1, 0, 0, 0));
    assert_int_equal(hw_london_month_start(1960, 7), utc(1960, 6, 30, 23, 0, 0));
    for (int m = 0; m <= 13; m++) {
        int y = 2018 + (m == 0 ? -1 : m == 13 ? 1 : 0);
        int mm = m == 0 ? 12 : m == 13 ? 1 : m;
        assert_int_equal(hw_london_month_start(2018, m),
                         hw_london_day_start(hw_date_from_ymd(y, mm, 1)));
    }
}

/* ---- financial years and quarters ---- */

static void test_financial_year_and_quarter(void **state)
{
    (void)state;
    assert_int_equal(hw_fy_of(2017, 3), 2016);
    assert_int_equal(hw_fy_of(2017, 4), 2017);
    assert_int_equal(hw_fy_of(2017, 12), 2017);
    assert_int_equal(hw_fy_of(2018, 1), 2017);
    assert_int_equal(hw_fy_of(2000, 1), 1999);
    static const int quarter[13] = {0, 4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3};
    for (int m = 1; m <= 12; m++)
        assert_int_equal(hw_fq_of_month(m), quarter[m]);
}

/* ---- parsing ---- */

static void test_parse_date_accepts(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int y, m, d;
    } ok[] = {
        {"2017-04-01", 2017, 4, 1}, {"01/04/2017", 2017, 4, 1},   {"1/4/2017", 2017, 4, 1},
        {"1/04/2017", 2017, 4, 1},  {"29/02/2016", 2016, 2, 29},  {"2016-02-29", 2016, 2, 29},
        {"1900-01-01", 1900, 1, 1}, {"31/12/2199", 2199, 12, 31}, {"31/12/1999", 1999, 12, 31},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        hw_date d = HW_NO_DATE;
        if (hw_parse_date(ok[i].s, &d) != 0)
            fail_msg("rejected \"%s\"", ok[i].s);
        assert_int_equal(d, hw_date_from_ymd(ok[i].y, ok[i].m, ok[i].d));
    }
}

static void test_parse_date_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "2017",
        "2017-04",
        "2017-4-01",
        "2017-04-1",
        "17-04-01",
        "02017-04-01",
        "2017-04-01 ",
        " 2017-04-01",
        "2017-04-01x",
        "2017/04/01",
        "01-04-2017",
        "01/04/17",
        "001/04/2017",
        "01/004/2017",
        "01/04/20170",
        "2017-02-29",
        "31/04/2017",
        "00/04/2017",
        "2017-00-10",
        "2017-13-01",
        "32/01/2017",
        "1899-12-31",
        "01/01/2200",
        "+2017-04-01",
        "-2017-04-01",
        "2017-04-01T00:00",
        "1/4/2017 ",
        "2017-o4-01",
        "//",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        hw_date d = 42;
        if (hw_parse_date(bad[i], &d) != -1)
            fail_msg("accepted \"%s\"", bad[i]);
        assert_int_equal(d, 42);
    }
    assert_int_equal(hw_parse_date(NULL, &(hw_date){0}), -1);
}

static void test_parse_local_time_accepts(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        hw_instant want;
    } ok[] = {
        {"2017-04-01 00:30", 1491003000}, /* 2017-03-31T23:30Z */
        {"2017-04-01T00:30", 1491003000},    {"2017-04-01 00:30:00", 1491003000},
        {"01/04/2017 00:30", 1491003000},    {"1/4/2017 0:30", 1491003000},
        {"01/04/2017 00:30:45", 1491003045}, {"2017-01-15 09:05:07", 1484471107},
        {"2017-10-29 01:30", 1509237000}, /* repeated hour: the BST one, 00:30Z */
        {"2017-03-26 02:00", 1490490000},    {"2017-03-26 00:59:59", 1490489999},
        {"1960-01-01 00:00", -315619200},    {"31/12/2199 23:59:59", 7258118399},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        hw_instant t = 0;
        const char *why = NULL;
        if (hw_parse_local_time(ok[i].s, &t, &why) != 0)
            fail_msg("rejected \"%s\": %s", ok[i].s, why ? why : "(no reason)");
        assert_int_equal(t, ok[i].want);
        assert_int_equal(hw_parse_local_time(ok[i].s, &t, NULL), 0);
    }
}

static void test_parse_local_time_rejects(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        const char *why_contains;
    } bad[] = {
        {"", "expected a date and time"},
        {"2017-04-01", "expected a date and time"},
        {"2017-04-01 ", "expected a date and time"},
        {"2017-04-01 9:30", "expected a date and time"},
        {"2017-04-01 09:3", "expected a date and time"},
        {"2017-04-01 09:30:5", "expected a date and time"},
        {"2017-04-01 09:30:00:00", "expected a date and time"},
        {"2017-04-01 09:30 ", "expected a date and time"},
        {"2017-04-01  09:30", "expected a date and time"},
        {"2017-04-01t09:30", "expected a date and time"},
        {"2017-04-01 09.30", "expected a date and time"},
        {"01/04/2017T09:30", "expected a date and time"},
        {"01/04/2017 009:30", "expected a date and time"},
        {"2017-04-01 09:30Z", "expected a date and time"},
        {"2017-04-01 09:30+01:00", "expected a date and time"},
        {"2017-4-01 09:30", "expected a date and time"},
        {"01/04/17 09:30", "expected a date and time"},
        {"2017-02-29 09:30", "not a real date"},
        {"31/04/2017 09:30", "not a real date"},
        {"2017-13-01 09:30", "not a real date"},
        {"1899-12-31 23:00", "year must be between 1900 and 2199"},
        {"2017-04-01 24:00", "not a real time"},
        {"2017-04-01 23:60", "not a real time"},
        {"2017-04-01 23:59:60", "not a real time"},
        {"2017-03-26 01:00", "does not exist in the UK"},
        {"2017-03-26 01:30", "does not exist in the UK"},
        {"26/03/2017 1:59:59", "does not exist in the UK"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        hw_instant t = 42;
        const char *why = NULL;
        if (hw_parse_local_time(bad[i].s, &t, &why) != -1)
            fail_msg("accepted \"%s\"", bad[i].s);
        assert_non_null(why);
        if (!strstr(why, bad[i].why_contains))
            fail_msg("\"%s\": reason \"%s\" lacks \"%s\"", bad[i].s, why, bad[i].why_contains);
        assert_int_equal(hw_parse_local_time(bad[i].s, &t, NULL), -1);
    }
    const char *why = NULL;
    assert_int_equal(hw_parse_local_time(NULL, &(hw_instant){0}, &why), -1);
    assert_non_null(why);
}

static void test_parse_month(void **state)
{
    (void)state;
    int y = 0, m = 0;
    assert_int_equal(hw_parse_month("2017-04", &y, &m), 0);
    assert_int_equal(y, 2017);
    assert_int_equal(m, 4);
    assert_int_equal(hw_parse_month("1900-12", &y, &m), 0);
    assert_int_equal(y, 1900);
    assert_int_equal(m, 12);
    static const char *const bad[] = {"",           "2017",    "2017-4",   "2017-13", "2017-00",
                                      "2017-04-01", "17-04",   "2017/04",  "04/2017", "2017-04 ",
                                      "1899-12",    "2200-01", "20170-04", NULL};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        y = m = -7;
        if (hw_parse_month(bad[i], &y, &m) != -1)
            fail_msg("accepted \"%s\"", bad[i] ? bad[i] : "(null)");
        assert_int_equal(y, -7);
        assert_int_equal(m, -7);
    }
}

/* ---- formatting ---- */

/* Checks the output and that nothing was written past its terminator. */
static void check_fmt(const char *buf, size_t size, const char *want)
{
    assert_string_equal(buf, want);
    for (size_t i = strlen(want) + 1; i < size; i++)
        assert_int_equal(buf[i], '#');
}

static void test_format_date(void **state)
{
    (void)state;
    char buf[HW_DATE_LEN + 8];
    memset(buf, '#', sizeof buf);
    hw_format_date(0, buf);
    check_fmt(buf, sizeof buf, "1970-01-01");
    hw_format_date(-1, buf);
    check_fmt(buf, sizeof buf, "1969-12-31");
    hw_format_date(hw_date_from_ymd(2017, 4, 1), buf);
    check_fmt(buf, sizeof buf, "2017-04-01");
    hw_format_date(hw_date_from_ymd(1900, 1, 9), buf);
    check_fmt(buf, sizeof buf, "1900-01-09");
    hw_format_date(HW_NO_DATE, buf);
    assert_string_equal(buf, "");
}

static void test_format_local_and_iso(void **state)
{
    (void)state;
    char lbuf[HW_LOCAL_LEN + 8], ibuf[HW_ISO_LEN + 8];
    static const struct {
        hw_instant t;
        const char *local, *iso;
    } cases[] = {
        {1491003000, "2017-04-01 00:30", "2017-04-01T00:30:00+01:00"},
        {1484471107, "2017-01-15 09:05", "2017-01-15T09:05:07+00:00"},
        {0, "1970-01-01 00:00", "1970-01-01T00:00:00+00:00"},
        {-1, "1969-12-31 23:59", "1969-12-31T23:59:59+00:00"},
        {-299851200, "1960-07-01 13:00", "1960-07-01T13:00:00+01:00"},
        {1509238799, "2017-10-29 01:59", "2017-10-29T01:59:59+01:00"},
        {1509238800, "2017-10-29 01:00", "2017-10-29T01:00:00+00:00"},
        {1490489999, "2017-03-26 00:59", "2017-03-26T00:59:59+00:00"},
        {1490490000, "2017-03-26 02:00", "2017-03-26T02:00:00+01:00"},
        {7258118399, "2199-12-31 23:59", "2199-12-31T23:59:59+00:00"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        memset(lbuf, '#', sizeof lbuf);
        memset(ibuf, '#', sizeof ibuf);
        hw_format_local(cases[i].t, lbuf);
        check_fmt(lbuf, sizeof lbuf, cases[i].local);
        hw_format_iso(cases[i].t, ibuf);
        check_fmt(ibuf, sizeof ibuf, cases[i].iso);
        /* What hw_format_local writes, hw_parse_local_time reads back. */
        hw_instant back;
        assert_int_equal(hw_parse_local_time(lbuf, &back, NULL), 0);
    }
    hw_format_local(HW_NO_TIME, lbuf);
    assert_string_equal(lbuf, "");
    hw_format_iso(HW_NO_TIME, ibuf);
    assert_string_equal(ibuf, "");
}

/* Absurd inputs stay defined (the sanitizers check) and within buffers. */
static void test_extremes(void **state)
{
    (void)state;
    static const hw_instant ts[] = {INT64_MIN + 1, INT64_MAX, INT64_MAX - 3600, -HW_DAY * 400000};
    for (size_t i = 0; i < sizeof(ts) / sizeof(ts[0]); i++) {
        char lbuf[HW_LOCAL_LEN + 8], ibuf[HW_ISO_LEN + 8];
        struct hw_local l;
        memset(lbuf, '#', sizeof lbuf);
        memset(ibuf, '#', sizeof ibuf);
        hw_london_from_instant(ts[i], &l);
        assert_true(l.utc_offset == 0 || l.utc_offset == 3600);
        assert_int_equal(l.utc_offset, hw_london_offset(ts[i]));
        hw_format_local(ts[i], lbuf);
        assert_int_equal(strlen(lbuf), HW_LOCAL_LEN - 1);
        hw_format_iso(ts[i], ibuf);
        assert_int_equal(strlen(ibuf), HW_ISO_LEN - 1);
        (void)hw_london_date(ts[i]);
    }
    char dbuf[HW_DATE_LEN];
    hw_format_date(INT32_MAX, dbuf);
    assert_int_equal(strlen(dbuf), HW_DATE_LEN - 1);
    hw_format_date(INT32_MIN + 1, dbuf);
    assert_int_equal(strlen(dbuf), HW_DATE_LEN - 1);
    (void)hw_london_day_start(INT32_MAX);
    (void)hw_london_day_start(INT32_MIN);
    (void)hw_london_month_start(INT32_MAX, INT32_MAX);
    (void)hw_london_month_start(INT32_MIN, INT32_MIN);
    assert_int_equal(hw_fy_of(2017, 13), 2017); /* January 2018 */
    assert_int_equal(hw_fy_of(2017, 0), 2016);  /* December 2016 */
    assert_int_equal(hw_fq_of_month(13), 4);
    assert_int_equal(hw_fq_of_month(0), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_known_values),
        cmocka_unit_test(test_date_walk),
        cmocka_unit_test(test_date_rollover),
        cmocka_unit_test(test_days_in_month_and_valid),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_bst_boundaries_table),
        cmocka_unit_test(test_bst_boundaries_2017),
        cmocka_unit_test(test_negative_instants),
        cmocka_unit_test(test_london_date),
        cmocka_unit_test(test_to_instant_gap),
        cmocka_unit_test(test_to_instant_repeated_hour),
        cmocka_unit_test(test_to_instant_rejects_bad_fields),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_day_starts),
        cmocka_unit_test(test_month_starts),
        cmocka_unit_test(test_financial_year_and_quarter),
        cmocka_unit_test(test_parse_date_accepts),
        cmocka_unit_test(test_parse_date_rejects),
        cmocka_unit_test(test_parse_local_time_accepts),
        cmocka_unit_test(test_parse_local_time_rejects),
        cmocka_unit_test(test_parse_month),
        cmocka_unit_test(test_format_date),
        cmocka_unit_test(test_format_local_and_iso),
        cmocka_unit_test(test_extremes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
