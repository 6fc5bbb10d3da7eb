/* test_analysis.c - periods, duration bands, changes and the facts'
 * bookkeeping (core/analysis.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/analysis.h"
#include "core/monthly.h"
#include "support/testdb.h"

static hw_instant local(const char *s)
{
    return hw_test_local(s);
}

static void test_periods(void **state)
{
    (void)state;
    struct hw_period p;
    assert_int_equal(hw_period_init(&p, 2016, 0), 0);
    assert_string_equal(p.label, "2016-17");
    assert_string_equal(p.prev_label, "2015-16");
    assert_true(p.from == local("2016-04-01 00:00"));
    assert_true(p.to == local("2017-04-01 00:00"));
    assert_true(p.prev_from == local("2015-04-01 00:00"));
    /* Q4 is January to March of the next calendar year; Q1 starts in BST. */
    assert_int_equal(hw_period_init(&p, 2016, 4), 0);
    assert_string_equal(p.label, "2016-17 Q4");
    assert_true(p.from == local("2017-01-01 00:00"));
    assert_true(p.to == local("2017-04-01 00:00"));
    assert_int_equal(hw_period_init(&p, 2016, 1), 0);
    assert_true(p.to - p.from == (hw_instant)91 * 24 * HW_HOUR);
    assert_int_equal(hw_period_init(&p, 2016, 5), -1);
    assert_int_equal(hw_period_init(&p, 1800, 1), -1);
    /* Year 1999-00 is named by its last two digits. */
    assert_int_equal(hw_period_init(&p, 1999, 2), 0);
    assert_string_equal(p.label, "1999-00 Q2");
}

/* A year or quarter still going: only the quarters and months begun. */
static void test_periods_so_far(void **state)
{
    (void)state;
    struct hw_period y, q3;
    hw_period_init(&y, 2016, 0);
    hw_period_init(&q3, 2016, 3);
    assert_int_equal(hw_period_quarters(&y, local("2017-06-01 00:00")), 4);
    assert_int_equal(hw_period_months(&y, local("2017-06-01 00:00")), 12);
    assert_int_equal(hw_period_quarters(&y, local("2016-10-01 00:00")), 3);
    assert_int_equal(hw_period_quarters(&y, local("2016-09-30 23:59")), 2);
    assert_int_equal(hw_period_months(&y, local("2016-09-30 23:59")), 6);
    assert_int_equal(hw_period_quarters(&y, local("2016-01-01 00:00")), 1); /* at least one */
    assert_int_equal(hw_period_months(&y, local("2016-01-01 00:00")), 1);
    assert_int_equal(hw_period_quarters(&q3, local("2016-11-15 12:00")), 3);
    assert_int_equal(hw_period_months(&q3, local("2016-11-15 12:00")), 2);
    assert_int_equal(hw_period_months(&q3, local("2017-05-01 12:00")), 3);
}

static void test_parse_fy(void **state)
{
    (void)state;
    int fy = 0;
    assert_int_equal(hw_parse_fy("2016-17", &fy), 0);
    assert_int_equal(fy, 2016);
    assert_int_equal(hw_parse_fy("1999-00", &fy), 0);
    assert_int_equal(fy, 1999);
    assert_int_equal(hw_parse_fy("2016-18", &fy), -1);
    assert_int_equal(hw_parse_fy("2016/17", &fy), -1);
    assert_int_equal(hw_parse_fy("2016-1", &fy), -1);
    assert_int_equal(hw_parse_fy("20a6-17", &fy), -1);
    assert_int_equal(hw_parse_fy(NULL, &fy), -1);
}

static void test_quarters_and_months(void **state)
{
    (void)state;
    int fy, q;
    /* 00:30 on 1 April BST is April (23:30 on 31 March UTC). */
    hw_fq_of(local("2017-04-01 00:30"), &fy, &q);
    assert_int_equal(fy, 2017);
    assert_int_equal(q, 1);
    hw_fq_of(local("2017-03-31 23:59"), &fy, &q);
    assert_int_equal(fy, 2016);
    assert_int_equal(q, 4);
    assert_int_equal(hw_fy_month_index(local("2016-04-01 00:00"), 2016), 0);
    assert_int_equal(hw_fy_month_index(local("2017-03-31 23:00"), 2016), 11);
    assert_int_equal(hw_fy_month_index(local("2017-04-01 00:30"), 2016), -1);
    assert_int_equal(hw_fy_month_index(local("2016-10-30 01:30"), 2016), 6);
}

static void test_bands(void **state)
{
    (void)state;
    hw_instant t = local("2017-04-01 10:00");
    assert_int_equal(hw_band_of(t, t + 12 * HW_HOUR - 1, 0), HW_BAND_0_12);
    assert_int_equal(hw_band_of(t, t + 12 * HW_HOUR, 0), HW_BAND_12_24);
    assert_int_equal(hw_band_of(t, t + 24 * HW_HOUR, 0), HW_BAND_24_48);
    assert_int_equal(hw_band_of(t, t + 71 * HW_HOUR + 59 * HW_MINUTE, 0), HW_BAND_48_72);
    assert_int_equal(hw_band_of(t, t + 72 * HW_HOUR, 0), HW_BAND_72_PLUS);
    /* Still missing: measured to now. */
    assert_int_equal(hw_band_of(t, HW_NO_TIME, t + 30 * HW_HOUR), HW_BAND_24_48);
    assert_string_equal(hw_band_label(HW_BAND_72_PLUS), "72h+");
    assert_string_equal(hw_band_label(9), "?");
}

static void test_change(void **state)
{
    (void)state;
    assert_int_equal(hw_change_hundredths(80, 100), 2500);
    assert_int_equal(hw_change_hundredths(100, 80), -2000);
    assert_int_equal(hw_change_hundredths(3, 4), 3333);
    assert_int_equal(hw_change_hundredths(3, 2), -3333);
    assert_int_equal(hw_change_hundredths(6, 7), 1667);
    assert_int_equal(hw_change_hundredths(0, 5), HW_NO_RATE);
}

static void test_age(void **state)
{
    (void)state;
    hw_date dob = hw_date_from_ymd(2006, 7, 15);
    /* A year older on the birthday itself: 9 the day before, 10 on it. */
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2016, 7, 14)), 9);
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2016, 7, 15)), 10);
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2017, 1, 1)), 10);
    assert_int_equal(hw_age_years(dob, dob), 0);
    /* Last seen at 23:30 UTC on the eve of the 17th birthday, in British
     * Summer Time: 00:30 on the birthday in London, so 17 (by the UTC date
     * it would be 16). */
    hw_date b = hw_date_from_ymd(1999, 6, 10);
    hw_instant eve = (hw_instant)hw_date_from_ymd(2016, 6, 9) * HW_DAY + 23 * HW_HOUR + 30 * 60;
    assert_int_equal(hw_london_date(eve), hw_date_from_ymd(2016, 6, 10));
    assert_int_equal(hw_age_years(b, hw_london_date(eve)), 17);
    assert_int_equal(hw_age_years(b, hw_date_from_ymd(2016, 6, 9)), 16);
    /* The same time in winter (GMT) is still the eve. */
    hw_date w = hw_date_from_ymd(1999, 12, 10);
    hw_instant winter = (hw_instant)hw_date_from_ymd(2016, 12, 9) * HW_DAY + 23 * HW_HOUR + 30 * 60;
    assert_int_equal(hw_age_years(w, hw_london_date(winter)), 16);
    /* Born on 29 February: a year older on 1 March in other years. */
    hw_date leap = hw_date_from_ymd(2004, 2, 29);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2005, 2, 28)), 0);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2005, 3, 1)), 1);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2007, 2, 28)), 2);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2008, 2, 29)), 4);
    /* Not recorded, or born after the day: no age. */
    assert_int_equal(hw_age_years(HW_NO_DATE, hw_date_from_ymd(2016, 1, 1)), -1);
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2006, 7, 14)), -1);
    assert_int_equal(hw_age_years(dob, HW_NO_DATE), -1);

    /* The DfE's bands, at their edges. */
    static const struct {
        int age, band;
    } bands[] = {{-1, HW_AGE_NOT_RECORDED}, {0, HW_AGE_UNDER_1}, {1, HW_AGE_1_4},
                 {4, HW_AGE_1_4},           {5, HW_AGE_5_9},     {9, HW_AGE_5_9},
                 {10, HW_AGE_10_15},        {15, HW_AGE_10_15},  {16, HW_AGE_16_PLUS},
                 {17, HW_AGE_16_PLUS},      {25, HW_AGE_16_PLUS}};
    for (size_t i = 0; i < sizeof bands / sizeof bands[0]; i++)
        assert_int_equal(hw_age_band_of(bands[i].age), bands[i].band);
    assert_string_equal(hw_age_band_label(HW_AGE_UNDER_1), "Under 1");
    assert_string_equal(hw_age_band_label(HW_AGE_10_15), "10 to 15");
    assert_string_equal(hw_age_band_label(HW_AGE_16_PLUS), "16 and over");
    assert_string_equal(hw_age_band_label(HW_AGE_NOT_RECORDED), "Not recorded");
    assert_string_equal(hw_age_band_label(HW_AGE_BAND_COUNT), "?");
}

static void test_facts(void **state)
{
    (void)state;
    struct hw_afacts f;
    hw_instant a = local("2017-04-02 20:00"), b = local("2017-05-02 20:00");
    hw_afacts_init(&f, local("2016-04-01 00:00"), local("2018-04-01 00:00"), b, 72);
    size_t c0 = hw_afacts_add_child(&f, &(struct hw_achild){.id = "C1",
                                                            .first_ever = a,
                                                            .dob = hw_date_from_ymd(2003, 5, 1),
                                                            .gender = "Female",
                                                            .ethnicity = "Mixed",
                                                            .school = "Northgate Academy"});
    size_t c1 = hw_afacts_add_child(
        &f, &(struct hw_achild){.id = "C2", .ola = true, .first_ever = local("2015-01-01 10:00")});
    /* Added out of order; 40 more to make the arrays grow. */
    hw_afacts_add(&f, &(struct hw_afact){.child = c0,
                                         .episode_id = "E2",
                                         .last_seen = b,
                                         .returned = HW_NO_TIME,
                                         .home = "Ashdown"});
    hw_afacts_add(&f, &(struct hw_afact){.child = c0,
                                         .episode_id = "E1",
                                         .last_seen = a,
                                         .returned = a + 10 * HW_HOUR,
                                         .done = true,
                                         .rhi_completed = a + 82 * HW_HOUR,
                                         .reasons = "x;y"});
    for (int i = 0; i < 100; i++)
        hw_afacts_add(&f, &(struct hw_afact){.child = c1,
                                             .episode_id = "E9",
                                             .last_seen = b + HW_HOUR * (i + 1),
                                             .returned = HW_NO_TIME});
    hw_afacts_finish(&f);
    assert_int_equal(f.neps, 102);
    assert_string_equal(f.eps[0].episode_id, "E1");
    assert_true(f.eps[0].first_ever);
    assert_false(f.eps[1].first_ever);
    assert_string_equal(f.eps[1].home, "Ashdown");
    assert_string_equal(f.eps[0].reasons, "x;y");
    assert_true(hw_afact_in_timescale(&f, &f.eps[0]));
    f.eps[0].rhi_completed += 1;
    assert_false(hw_afact_in_timescale(&f, &f.eps[0]));
    assert_true(hw_afact_own(&f, &f.eps[0]));
    assert_false(hw_afact_own(&f, &f.eps[5]));
    assert_string_equal(f.children[c1].id, "C2");
    /* Who the child is, kept with the facts. */
    assert_int_equal(f.children[c0].dob, hw_date_from_ymd(2003, 5, 1));
    assert_string_equal(f.children[c0].gender, "Female");
    assert_string_equal(f.children[c0].ethnicity, "Mixed");
    assert_string_equal(f.children[c0].school, "Northgate Academy");
    assert_null(f.children[c1].gender);
    assert_null(f.children[c1].school);
    hw_afacts_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_periods),  cmocka_unit_test(test_periods_so_far),
        cmocka_unit_test(test_parse_fy), cmocka_unit_test(test_quarters_and_months),
        cmocka_unit_test(test_bands),    cmocka_unit_test(test_change),
        cmocka_unit_test(test_facts),    cmocka_unit_test(test_age),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
