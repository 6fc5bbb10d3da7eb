/* test_ola_interviews.c - the interviews of children placed here by other
 * councils (report/ola_interviews.c), on hand-built facts, as at Monday
 * 1 May 2017 09:00 (times UK local, BST).
 *
 * Dorset Council
 *   E1 back 4 Apr 10:00. Missing notice sent 3 Apr 21:10, answered 22:10
 *      (60 min). Found notice sent 4 Apr 11:00, answered 6 Apr 16:00 (53h
 *      = 3180 min) saying done 6 Apr 15:00: 53h after the return, in time.
 *   E2 back 10 Apr 08:00. Missing notice sent 9 Apr 20:00, not answered.
 *      Found notice sent 10 Apr 09:00, answered 12:30 (210 min), nothing
 *      done. 72-hour notice sent 13 Apr 09:00, answered 14 Apr 10:00 (25h =
 *      1500 min) saying done 13 Apr 16:30: 80h 30m = 4830 min, late.
 *   E3 back 20 Apr 12:00. Found notice made, not sent: outstanding.
 * Derby City Council
 *   E4 back 15 Apr 18:00. Found notice sent 19:00, answered 18 Apr 19:30
 *      (72h 30m = 4350 min) saying done 18 Apr 18:00: 72h exactly, in time.
 *   E5 back 25 Apr 09:00. Found notice sent 10:00, answered 2 May (after
 *      the report's time): unanswered as at then, and outstanding.
 *
 *            returned missing found 72h done within   %     median out unans answers
 *   Derby        2       0      2    0    1     1   50.00   72.0    1    1    72.5
 *   Dorset       3       2      2    1    2     1   33.33   66.8    1    1    14.3
 *   Total        5       2      4    1    3     2   40.00   72.0    2    2    25.0
 * Dorset's median: (3180 + 4830) / 2 = 4005 min = 66.75h, shown 66.8; its
 * answers 60, 210, 1500, 3180: (210 + 1500) / 2 = 855 min = 14.25h, 14.3.
 * Total: 3180, 4320, 4830: 4320 = 72.0h; answers 60, 210, 1500, 3180,
 * 4350: 1500 = 25.0h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/routing.h"
#include "report/ola_interviews.h"
#include "support/doccheck.h"

static hw_instant lt(const char *text)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(text, &t, NULL), 0);
    return t;
}

/* A notice: kind, sent, answered, done ("" for none). */
static void notice(struct hw_ola_episode *e, int kind, const char *sent, const char *answered,
                   const char *done)
{
    struct hw_ola_notice n = {.kind = kind,
                              .sent_at = *sent ? lt(sent) : HW_NO_TIME,
                              .answered_at = *answered ? lt(answered) : HW_NO_TIME,
                              .interview_completed = *done ? lt(done) : HW_NO_TIME};
    hw_ola_add_notice(e, &n);
}

static void facts(struct hw_ola_facts *f)
{
    memset(f, 0, sizeof *f);
    struct hw_ola_episode *e;
    /* added out of order: the report sorts */
    e = hw_ola_add_episode(f, "Derby City Council", "E5", "C5", lt("2017-04-25 09:00"));
    notice(e, HW_EVENT_RETURNED, "2017-04-25 10:00", "2017-05-02 10:00", "2017-04-27 09:00");
    e = hw_ola_add_episode(f, "Dorset Council", "E2", "C2", lt("2017-04-10 08:00"));
    notice(e, HW_EVENT_REPORTED, "2017-04-09 20:00", "", "");
    notice(e, HW_EVENT_RETURNED, "2017-04-10 09:00", "2017-04-10 12:30", "");
    notice(e, HW_EVENT_RHI_OVERDUE, "2017-04-13 09:00", "2017-04-14 10:00", "2017-04-13 16:30");
    e = hw_ola_add_episode(f, "Dorset Council", "E1", "C1", lt("2017-04-04 10:00"));
    notice(e, HW_EVENT_REPORTED, "2017-04-03 21:10", "2017-04-03 22:10", "");
    notice(e, HW_EVENT_RETURNED, "2017-04-04 11:00", "2017-04-06 16:00", "2017-04-06 15:00");
    e = hw_ola_add_episode(f, "Dorset Council", "E3", "C1", lt("2017-04-20 12:00"));
    notice(e, HW_EVENT_RETURNED, "", "", "");
    e = hw_ola_add_episode(f, "Derby City Council", "E4", "C4", lt("2017-04-15 18:00"));
    notice(e, HW_EVENT_RETURNED, "2017-04-15 19:00", "2017-04-18 19:30", "2017-04-18 18:00");
}

static char *csv_of(const struct hw_doc *d)
{
    struct hw_buf b = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(d, HW_FMT_CSV, &b, &err), 0);
    for (size_t i = 0, j = 0; i <= b.len; i++) /* drop the CRs */
        if (i == b.len || b.data[i] != '\r')
            b.data[j++] = b.data[i];
    return hw_buf_take(&b);
}

static void test_by_council(void **state)
{
    (void)state;
    struct hw_ola_facts f;
    struct hw_config cfg;
    struct hw_doc d;
    hw_config_defaults(&cfg);
    facts(&f);
    hw_ola_doc(&d, &f, &cfg, "2017-04-01 to 2017-04-30", lt("2017-05-01 09:00"), "BCP Council",
               lt("2017-05-01 09:00"));
    char *csv = csv_of(&d);
    assert_string_equal(
        csv,
        "# By responsible council: Interviews and notices by responsible council\n"
        "Responsible council,Episodes returned,Missing notices sent,Found notices sent,"
        "72-hour notices sent,Interviews reported done,Done within 72 hours,% within 72 hours,"
        "Median hours to the interview,Interviews outstanding,Notices unanswered,"
        "Median hours to an answer\n"
        "Derby City Council,2,0,2,0,1,1,50.00,72.0,1,1,72.5\n"
        "Dorset Council,3,2,2,1,2,1,33.33,66.8,1,1,14.3\n"
        "Total,5,2,4,1,3,2,40.00,72.0,2,2,25.0\n"
        "\n"
        "# By responsible council: Each episode\n"
        "Responsible council,Episode,Child,Returned,Interview due,Interview done (reported),"
        "Hours from the return,Within 72 hours,Missing notice sent,Found notice sent,"
        "72-hour notice sent,Notices unanswered\n"
        "Derby City Council,E4,C4,2017-04-15 18:00,2017-04-18 18:00,2017-04-18 18:00,72.0,Yes,,"
        "2017-04-15 19:00,,0\n"
        "Derby City Council,E5,C5,2017-04-25 09:00,2017-04-28 09:00,,,,,2017-04-25 10:00,,1\n"
        "Dorset Council,E1,C1,2017-04-04 10:00,2017-04-07 10:00,2017-04-06 15:00,53.0,Yes,"
        "2017-04-03 21:10,2017-04-04 11:00,,0\n"
        "Dorset Council,E2,C2,2017-04-10 08:00,2017-04-13 08:00,2017-04-13 16:30,80.5,No,"
        "2017-04-09 20:00,2017-04-10 09:00,2017-04-13 09:00,1\n"
        "Dorset Council,E3,C1,2017-04-20 12:00,2017-04-23 12:00,,,,,not sent,,0\n"
        "\n");
    free(csv);
    assert_int_equal(
        hw_test_num(&d, "ola_interviews", "by_council", "Dorset Council", "within_72h_pct"), 3333);
    hw_doc_free(&d);

    /* A week later E5's answer is in: done 27 Apr 09:00, 48h, in time;
     * Derby's median of 72h and 48h is 60.0, its answer of E5 took
     * 7 days = 168h (with E4's 72.5h, a median of 120.3h: 7215 min). */
    hw_ola_doc(&d, &f, &cfg, "2017-04-01 to 2017-04-30", lt("2017-05-08 09:00"), "BCP Council",
               lt("2017-05-08 09:00"));
    const char *derby = "Derby City Council";
    assert_int_equal(hw_test_num(&d, "ola_interviews", "by_council", derby, "reported_done"), 2);
    assert_int_equal(hw_test_num(&d, "ola_interviews", "by_council", derby, "within_72h"), 2);
    assert_int_equal(hw_test_num(&d, "ola_interviews", "by_council", derby, "outstanding"), 0);
    assert_int_equal(hw_test_num(&d, "ola_interviews", "by_council", derby, "unanswered"), 0);
    assert_string_equal(
        hw_test_cell(&d, "ola_interviews", "by_council", derby, "median_hours")->text, "60.0");
    assert_string_equal(
        hw_test_cell(&d, "ola_interviews", "by_council", derby, "median_answer_hours")->text,
        "120.3");
    hw_doc_free(&d);
    hw_ola_facts_free(&f);
}

/* Nothing returned: a Total of zeros, no medians, no rate. */
static void test_empty(void **state)
{
    (void)state;
    struct hw_ola_facts f = {0};
    struct hw_config cfg;
    struct hw_doc d;
    hw_config_defaults(&cfg);
    hw_ola_doc(&d, &f, &cfg, "2017-18", lt("2017-05-01 09:00"), "BCP Council",
               lt("2017-05-01 09:00"));
    const struct hw_doc_table *t = hw_test_table(&d, "ola_interviews", "by_council");
    assert_non_null(t);
    assert_int_equal(t->nrows, 1);
    assert_int_equal(hw_test_num(&d, "ola_interviews", "by_council", "Total", "returned"), 0);
    assert_int_equal(
        hw_test_cell(&d, "ola_interviews", "by_council", "Total", "within_72h_pct")->kind,
        HW_CELL_EMPTY);
    assert_int_equal(
        hw_test_cell(&d, "ola_interviews", "by_council", "Total", "median_hours")->kind,
        HW_CELL_EMPTY);
    assert_int_equal(hw_test_table(&d, "ola_interviews", "episodes")->nrows, 0);
    hw_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_by_council),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
