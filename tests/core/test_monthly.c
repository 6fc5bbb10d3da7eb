/* test_monthly.c - the monthly profile's arithmetic (core/monthly.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/monthly.h"

static hw_instant local(int y, int m, int d, int hh, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, m, d, hh, mi, 0, &t), 0);
    return t;
}

static void test_rate_rounding(void **state)
{
    (void)state;
    assert_int_equal(hw_rate_hundredths(26, 79), 3291);  /* 32.911... */
    assert_int_equal(hw_rate_hundredths(18, 149), 1208); /* 12.080... */
    assert_int_equal(hw_rate_hundredths(13, 122), 1066); /* 10.655... */
    assert_int_equal(hw_rate_hundredths(1, 8), 1250);
    assert_int_equal(hw_rate_hundredths(1, 3), 3333);
    assert_int_equal(hw_rate_hundredths(2, 3), 6667);  /* 66.666... rounds up */
    assert_int_equal(hw_rate_hundredths(1, 20001), 0); /* 0.00499..% rounds down */
    assert_int_equal(hw_rate_hundredths(1, 20000), 1); /* 0.005% rounds half up */
    assert_int_equal(hw_rate_hundredths(5, 5), 10000);
    assert_int_equal(hw_rate_hundredths(0, 5), 0);
    assert_int_equal(hw_rate_hundredths(0, 0), HW_NO_RATE);
}

static void test_range(void **state)
{
    (void)state;
    struct hw_monthly m;
    assert_int_equal(hw_monthly_init(&m, 2017, 5, 2017, 4), -1);
    assert_int_equal(hw_monthly_init(&m, 1900, 1, 2001, 1), -1);
    assert_int_equal(hw_monthly_init(&m, 2016, 11, 2017, 2), 0);
    assert_int_equal(m.nmonths, 4);
    assert_int_equal(m.rows[0].year, 2016);
    assert_int_equal(m.rows[0].month, 11);
    assert_int_equal(m.rows[3].year, 2017);
    assert_int_equal(m.rows[3].month, 2);
    assert_true(hw_monthly_from(&m) == local(2016, 11, 1, 0, 0));
    assert_true(hw_monthly_to(&m) == local(2017, 3, 1, 0, 0));
    hw_monthly_free(&m);
}

/* Months are local: 00:30 on 1 April BST is 23:30 UTC on 31 March. */
static void test_local_month_boundaries(void **state)
{
    (void)state;
    struct hw_monthly m;
    assert_int_equal(hw_monthly_init(&m, 2017, 3, 2017, 4), 0);
    hw_monthly_add(&m, local(2017, 3, 31, 23, 59), 1, false, false, false); /* March */
    hw_monthly_add(&m, local(2017, 4, 1, 0, 30), 2, false, false, false);   /* April */
    hw_monthly_add(&m, local(2017, 4, 30, 23, 59), 3, false, false, false); /* April */
    hw_monthly_add(&m, local(2017, 5, 1, 0, 0), 4, false, false, false);    /* outside */
    hw_monthly_add(&m, local(2017, 2, 28, 23, 59), 5, false, false, false); /* outside */
    hw_monthly_finish(&m);
    assert_int_equal(m.rows[0].episodes, 1);
    assert_int_equal(m.rows[1].episodes, 2);
    assert_int_equal(m.rows[1].children_missing, 2);
    hw_monthly_free(&m);
}

static void test_distinct_children_and_rates(void **state)
{
    (void)state;
    struct hw_monthly m;
    hw_instant t = local(2017, 6, 10, 12, 0);
    assert_int_equal(hw_monthly_init(&m, 2017, 6, 2017, 7), 0);
    /* Child 7: three episodes, one offered, one done. Child 8: one, offered only.
     * Child 9 (looked after): two episodes, both done. */
    hw_monthly_add(&m, t, 7, false, false, false);
    hw_monthly_add(&m, t + 60, 7, false, true, false);
    hw_monthly_add(&m, t + 120, 7, false, true, true);
    hw_monthly_add(&m, t, 8, false, true, false);
    hw_monthly_add(&m, t, 9, true, true, true);
    hw_monthly_add(&m, t + 60, 9, true, true, true);
    hw_monthly_finish(&m);
    const struct hw_month_row *r = &m.rows[0];
    assert_int_equal(r->children_missing, 3);
    assert_int_equal(r->children_offered, 3);
    assert_int_equal(r->children_done, 2);
    assert_int_equal(r->episodes, 6);
    assert_int_equal(r->episodes_done, 3);
    assert_int_equal(r->lac_episodes, 2);
    assert_int_equal(r->lac_done, 2);
    assert_int_equal(r->offer_rate, 10000);
    assert_int_equal(r->done_rate, 5000);
    assert_int_equal(r->lac_done_rate, 10000);
    /* July had nothing: counts 0, rates undefined. */
    assert_int_equal(m.rows[1].episodes, 0);
    assert_int_equal(m.rows[1].offer_rate, HW_NO_RATE);
    assert_int_equal(m.rows[1].done_rate, HW_NO_RATE);
    assert_int_equal(m.rows[1].lac_done_rate, HW_NO_RATE);
    hw_monthly_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rate_rounding),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_local_month_boundaries),
        cmocka_unit_test(test_distinct_children_and_rates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
