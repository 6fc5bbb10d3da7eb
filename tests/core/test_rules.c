/* test_rules.c - RHI eligibility, timescale, escalation and missing patterns.
 *
 * Instants are written as UTC with the UK offset spelt out (gmt() in winter,
 * bst() in summer), computed here independently of hwtime.c, so a wrong
 * clock-change rule there shows up as a failure here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/rules.h"

/* ---- helpers ---- */

/* Days since 1970-01-01 (Hinnant's days_from_civil), for years after 1970. */
static int64_t civil_days(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = y / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static hw_instant utc(int y, int m, int d, int hh, int mi, int ss)
{
    return civil_days(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss;
}

/* Local wall time in winter (GMT, UTC+0). */
static hw_instant gmt(int y, int m, int d, int hh, int mi, int ss)
{
    return utc(y, m, d, hh, mi, ss);
}

/* Local wall time in summer (BST, UTC+1). */
static hw_instant bst(int y, int m, int d, int hh, int mi, int ss)
{
    return utc(y, m, d, hh, mi, ss) - 3600;
}

static struct hw_config cfg_default(void)
{
    struct hw_config c;
    hw_config_defaults(&c);
    return c;
}

/* A returned missing episode with nothing else to it. */
static struct hw_rhi_input episode(hw_instant last_seen, hw_instant returned)
{
    struct hw_rhi_input in;
    memset(&in, 0, sizeof in);
    in.kind = HW_KIND_MISSING;
    in.last_seen = last_seen;
    in.returned = returned;
    return in;
}

/* Criteria fired for a returned episode under the default configuration. */
static int criteria(hw_instant last_seen, hw_instant returned)
{
    struct hw_config c = cfg_default();
    struct hw_rhi_input in = episode(last_seen, returned);
    struct hw_rhi_decision d;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_false(d.provisional);
    return d.criteria;
}

/* ---- code tables ---- */

static void test_code_tables(void **state)
{
    (void)state;
    static const char *const crit[] = {"overnight_6h",   "over_9h",           "repeat_28d",
                                       "harmed",         "exploitation_risk", "crime_drugs_risk",
                                       "risky_contacts", "crime_while_absent"};
    for (int i = 0; i < 8; i++) {
        assert_string_equal(hw_code_name(hw_criterion_codes, 1 << i), crit[i]);
        assert_int_equal(hw_code_parse(hw_criterion_codes, crit[i]), 1 << i);
        assert_true(strlen(hw_code_label(hw_criterion_codes, 1 << i)) > 5);
    }
    assert_null(hw_criterion_codes[8].code);

    assert_int_equal(hw_code_parse(hw_rhi_verdict_codes, "required"), HW_RHI_REQUIRED);
    assert_int_equal(hw_code_parse(hw_rhi_verdict_codes, "judgement"), HW_RHI_JUDGEMENT);
    assert_int_equal(hw_code_parse(hw_rhi_verdict_codes, "not_required"), HW_RHI_NOT_REQUIRED);
    assert_int_equal(hw_code_parse(hw_rhi_verdict_codes, "forwarded"), HW_RHI_FORWARDED);
    assert_null(hw_rhi_verdict_codes[4].code);

    static const char *const act[] = {"strategy_discussion",
                                      "need_to_know",
                                      "review_strategy",
                                      "risk_meeting",
                                      "risk_meeting_review",
                                      "strategy_meeting_3d",
                                      "iro_informed",
                                      "conference_forward",
                                      "safe_well_check",
                                      "record_updated",
                                      "rhi",
                                      "missing_persons_bureau",
                                      "ceop",
                                      "nrm_referral",
                                      "ola_notice"};
    for (int i = 0; i < 15; i++) {
        assert_string_equal(hw_code_name(hw_action_codes, HW_ACT_STRATEGY_DISCUSSION + i), act[i]);
        assert_true(strlen(hw_code_label(hw_action_codes, HW_ACT_STRATEGY_DISCUSSION + i)) > 2);
    }
    assert_int_equal(HW_ACT_RHI, HW_ACT_STRATEGY_DISCUSSION + 10);
    assert_int_equal(HW_ACT_OLA_NOTICE, HW_ACT_STRATEGY_DISCUSSION + 14);
    assert_null(hw_action_codes[15].code);
}

/* ---- overnight ---- */

static void test_overnight_gmt(void **state)
{
    (void)state;
    /* 00:00-06:00: exactly 6 hours, all of it in the window */
    assert_int_equal(criteria(gmt(2017, 1, 10, 0, 0, 0), gmt(2017, 1, 10, 6, 0, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 00:00-05:59: in the window but short of 6 hours */
    assert_int_equal(criteria(gmt(2017, 1, 10, 0, 0, 0), gmt(2017, 1, 10, 5, 59, 0)), 0);
    /* 17:59-23:59: 6 hours, none of it overnight */
    assert_int_equal(criteria(gmt(2017, 1, 10, 17, 59, 0), gmt(2017, 1, 10, 23, 59, 0)), 0);
    /* 18:00-00:00: ends just as the window opens, so it does not cover it */
    assert_int_equal(criteria(gmt(2017, 1, 10, 18, 0, 0), gmt(2017, 1, 11, 0, 0, 0)), 0);
    /* 18:00:01-00:00:01 covers one second of the window */
    assert_int_equal(criteria(gmt(2017, 1, 10, 18, 0, 1), gmt(2017, 1, 11, 0, 0, 1)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 23:00-04:59:59: overnight but a second under 6 hours */
    assert_int_equal(criteria(gmt(2017, 1, 10, 23, 0, 0), gmt(2017, 1, 11, 4, 59, 59)), 0);
    /* 20:00-02:00: 6 hours covering 00:00-02:00 */
    assert_int_equal(criteria(gmt(2017, 1, 10, 20, 0, 0), gmt(2017, 1, 11, 2, 0, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 06:00-12:00 starts as the window closes: not overnight */
    assert_int_equal(criteria(gmt(2017, 1, 10, 6, 0, 0), gmt(2017, 1, 10, 12, 0, 0)), 0);
    /* 05:59:59-11:59:59 has its first second in the window */
    assert_int_equal(criteria(gmt(2017, 1, 10, 5, 59, 59), gmt(2017, 1, 10, 11, 59, 59)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 06:00 to 00:00 next day: 18 hours, never in a window */
    assert_int_equal(criteria(gmt(2017, 1, 10, 6, 0, 0), gmt(2017, 1, 11, 0, 0, 0)),
                     HW_CRIT_OVER_9H);
    /* ... one more second reaches the next night */
    assert_int_equal(criteria(gmt(2017, 1, 10, 6, 0, 0), gmt(2017, 1, 11, 0, 0, 1)),
                     HW_CRIT_OVER_9H | HW_CRIT_OVERNIGHT_6H);
    /* multi-day episodes always cover a night */
    assert_int_equal(criteria(gmt(2017, 1, 10, 8, 0, 0), gmt(2017, 1, 12, 20, 0, 0)),
                     HW_CRIT_OVER_9H | HW_CRIT_OVERNIGHT_6H);
    assert_int_equal(criteria(gmt(2016, 12, 1, 12, 0, 0), gmt(2017, 2, 20, 12, 0, 0)),
                     HW_CRIT_OVER_9H | HW_CRIT_OVERNIGHT_6H);
    /* returned before last seen (bad data): nothing fires */
    assert_int_equal(criteria(gmt(2017, 1, 10, 6, 0, 0), gmt(2017, 1, 10, 0, 0, 0)), 0);
}

static void test_overnight_bst(void **state)
{
    (void)state;
    /* a summer night: 00:00-06:00 BST is 23:00-05:00 UTC */
    assert_int_equal(criteria(bst(2017, 7, 10, 0, 0, 0), bst(2017, 7, 10, 6, 0, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 06:30-12:30 BST (05:30-11:30 UTC) covers 05:30 UTC but not local night */
    assert_int_equal(criteria(bst(2017, 7, 10, 6, 30, 0), bst(2017, 7, 10, 12, 30, 0)), 0);
    /* 18:30-00:30 BST (17:30-23:30 UTC) covers local midnight only */
    assert_int_equal(criteria(bst(2017, 7, 9, 18, 30, 0), bst(2017, 7, 10, 0, 30, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* the same clock times in winter */
    assert_int_equal(criteria(gmt(2017, 1, 9, 18, 30, 0), gmt(2017, 1, 10, 0, 30, 0)),
                     HW_CRIT_OVERNIGHT_6H);
}

static void test_overnight_clock_change(void **state)
{
    (void)state;
    /* 2017-03-26, clocks go forward at 01:00 GMT. 00:00 GMT to 07:00 BST
     * (06:00 UTC) is 6 hours elapsed: fires. */
    assert_int_equal(criteria(gmt(2017, 3, 26, 0, 0, 0), bst(2017, 3, 26, 7, 0, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 00:00 to 06:00 local that night is only 5 hours elapsed: no. */
    assert_int_equal(criteria(gmt(2017, 3, 26, 0, 0, 0), bst(2017, 3, 26, 6, 0, 0)), 0);
    /* 2017-10-29, clocks go back at 02:00 BST. 00:00 BST (28th 23:00 UTC) to
     * 05:00 GMT is 6 hours elapsed: fires. */
    assert_int_equal(criteria(bst(2017, 10, 29, 0, 0, 0), gmt(2017, 10, 29, 5, 0, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* 18:00 BST on the 28th to 00:00 BST on the 29th ends as the window opens */
    assert_int_equal(criteria(bst(2017, 10, 28, 18, 0, 0), bst(2017, 10, 29, 0, 0, 0)), 0);
    /* 00:00 BST to 04:00 GMT is 5 hours: no */
    assert_int_equal(criteria(bst(2017, 10, 29, 0, 0, 0), gmt(2017, 10, 29, 4, 0, 0)), 0);
    /* the window closes at 06:00 GMT that morning: 06:00-12:00 GMT is not overnight,
     * 05:59-11:59 GMT is */
    assert_int_equal(criteria(gmt(2017, 10, 29, 6, 0, 0), gmt(2017, 10, 29, 12, 0, 0)), 0);
    assert_int_equal(criteria(gmt(2017, 10, 29, 5, 59, 0), gmt(2017, 10, 29, 11, 59, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    /* the window opens at 00:00 GMT on 2017-03-26: 18:00-00:00 GMT on the 25th is not */
    assert_int_equal(criteria(gmt(2017, 3, 25, 18, 0, 0), gmt(2017, 3, 26, 0, 0, 0)), 0);
}

static void test_overnight_configured(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_rhi_decision d;
    /* a window of 01:00-02:00 local only */
    c.overnight_window_start_hour = 1;
    c.overnight_window_end_hour = 2;
    struct hw_rhi_input in = episode(gmt(2017, 1, 10, 19, 0, 0), gmt(2017, 1, 11, 1, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, 0); /* ends as 01:00 starts */
    in = episode(gmt(2017, 1, 10, 20, 0, 0), gmt(2017, 1, 11, 2, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H);
    /* on 2017-03-26 the hour 01:00-02:00 local does not exist: 20:00 GMT on
     * the 25th to 03:00 BST (02:00 UTC) is 6 hours but covers no such hour */
    in = episode(gmt(2017, 3, 25, 20, 0, 0), bst(2017, 3, 26, 3, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, 0);
    /* the same the week after does */
    in = episode(bst(2017, 4, 1, 20, 0, 0), bst(2017, 4, 2, 2, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H);

    /* a 2-hour threshold and a window running to midnight */
    c = cfg_default();
    c.overnight_min_minutes = 120;
    c.overnight_window_start_hour = 22;
    c.overnight_window_end_hour = 24;
    in = episode(gmt(2017, 1, 10, 21, 0, 0), gmt(2017, 1, 10, 23, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H);
    in = episode(gmt(2017, 1, 11, 0, 0, 0), gmt(2017, 1, 11, 3, 0, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, 0);
}

/* ---- over 9 hours ---- */

static void test_over_9h(void **state)
{
    (void)state;
    assert_int_equal(criteria(gmt(2017, 1, 10, 8, 0, 0), gmt(2017, 1, 10, 17, 0, 0)), 0);
    assert_int_equal(criteria(gmt(2017, 1, 10, 8, 0, 0), gmt(2017, 1, 10, 17, 0, 1)),
                     HW_CRIT_OVER_9H);
    /* across the October change, 00:30 BST to 08:30 GMT on 2017-10-29 reads
     * 8 hours on the clock but is 9 hours elapsed: not more than 9 */
    assert_int_equal(criteria(bst(2017, 10, 29, 0, 30, 0), gmt(2017, 10, 29, 8, 30, 0)),
                     HW_CRIT_OVERNIGHT_6H);
    assert_int_equal(criteria(bst(2017, 10, 29, 0, 30, 0), gmt(2017, 10, 29, 8, 30, 1)),
                     HW_CRIT_OVERNIGHT_6H | HW_CRIT_OVER_9H);
}

/* ---- repeat within 28 days ---- */

static int repeat_criteria(const struct hw_config *c, const hw_instant *hist, size_t n)
{
    hw_instant ls = gmt(2017, 1, 30, 8, 0, 0);
    struct hw_rhi_input in = episode(ls, ls + 2 * HW_HOUR);
    struct hw_rhi_decision d;
    in.history = hist;
    in.history_len = n;
    hw_rhi_decide(c, &in, 0, &d);
    return d.criteria;
}

static void test_repeat_28d(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    hw_instant ls = gmt(2017, 1, 30, 8, 0, 0);
    hw_instant h[4];

    assert_int_equal(repeat_criteria(&c, NULL, 0), 0);
    /* exactly 28 days earlier counts */
    h[0] = ls - 28 * HW_DAY;
    assert_int_equal(repeat_criteria(&c, h, 1), HW_CRIT_REPEAT_28D);
    /* 28 days and a second earlier does not */
    h[0] = ls - 28 * HW_DAY - 1;
    assert_int_equal(repeat_criteria(&c, h, 1), 0);
    /* an episode after this one does not */
    h[0] = ls + HW_HOUR;
    assert_int_equal(repeat_criteria(&c, h, 1), 0);
    /* this episode in the history is not counted twice */
    h[0] = ls;
    assert_int_equal(repeat_criteria(&c, h, 1), 0);
    h[1] = ls;
    assert_int_equal(repeat_criteria(&c, h, 2), 0);
    /* this one plus one a day earlier, in any order */
    h[0] = ls;
    h[1] = ls - HW_DAY;
    assert_int_equal(repeat_criteria(&c, h, 2), HW_CRIT_REPEAT_28D);
    h[0] = ls - HW_DAY;
    h[1] = ls;
    assert_int_equal(repeat_criteria(&c, h, 2), HW_CRIT_REPEAT_28D);
    /* unrecorded instants are ignored */
    h[0] = HW_NO_TIME;
    h[1] = ls;
    assert_int_equal(repeat_criteria(&c, h, 2), 0);

    /* a threshold of 3 */
    c.repeat_min_episodes = 3;
    h[0] = ls;
    h[1] = ls - HW_DAY;
    assert_int_equal(repeat_criteria(&c, h, 2), 0);
    h[2] = ls - 2 * HW_DAY;
    assert_int_equal(repeat_criteria(&c, h, 3), HW_CRIT_REPEAT_28D);
    /* without this one listed it is still counted: 2 earlier + this = 3 */
    assert_int_equal(repeat_criteria(&c, h + 1, 2), HW_CRIT_REPEAT_28D);
    /* a shorter window */
    c.repeat_window_days = 1;
    assert_int_equal(repeat_criteria(&c, h, 3), 0);
}

/* ---- the other criteria, one at a time ---- */

static void test_input_criteria(void **state)
{
    (void)state;
    static const struct {
        int flags, want;
    } flag_cases[] = {
        {HW_FLAG_CSE, HW_CRIT_EXPLOITATION_RISK},
        {HW_FLAG_CCE, HW_CRIT_EXPLOITATION_RISK},
        {HW_FLAG_TRAFFICKING, HW_CRIT_EXPLOITATION_RISK},
        {HW_FLAG_CRIME, HW_CRIT_CRIME_DRUGS_RISK},
        {HW_FLAG_DRUGS, HW_CRIT_CRIME_DRUGS_RISK},
        {HW_FLAG_GANG, HW_CRIT_CRIME_DRUGS_RISK},
        {HW_FLAG_RISKY_ADULTS, HW_CRIT_RISKY_CONTACTS},
        {HW_FLAG_DISABLED, 0},
        {HW_FLAG_CSE | HW_FLAG_DRUGS | HW_FLAG_RISKY_ADULTS,
         HW_CRIT_EXPLOITATION_RISK | HW_CRIT_CRIME_DRUGS_RISK | HW_CRIT_RISKY_CONTACTS},
    };
    struct hw_config c = cfg_default();
    struct hw_rhi_decision d;
    hw_instant ls = gmt(2017, 1, 10, 14, 0, 0), ret = gmt(2017, 1, 10, 16, 0, 0);

    for (size_t i = 0; i < sizeof flag_cases / sizeof flag_cases[0]; i++) {
        struct hw_rhi_input in = episode(ls, ret);
        in.child_flags = flag_cases[i].flags;
        hw_rhi_decide(&c, &in, 0, &d);
        assert_int_equal(d.criteria, flag_cases[i].want);
        assert_int_equal(d.verdict, flag_cases[i].want ? HW_RHI_REQUIRED : HW_RHI_JUDGEMENT);
    }

    struct hw_rhi_input in = episode(ls, ret);
    in.harmed = true;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, HW_CRIT_HARMED);
    assert_int_equal(d.verdict, HW_RHI_REQUIRED);
    assert_int_equal(d.due, ret + 72 * HW_HOUR);

    in = episode(ls, ret);
    in.crime_while_absent = true;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.criteria, HW_CRIT_CRIME_WHILE_ABSENT);
    assert_int_equal(d.verdict, HW_RHI_REQUIRED);
}

/* ---- verdicts ---- */

static void test_verdicts(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_rhi_decision d;
    hw_instant ls = gmt(2017, 1, 10, 0, 0, 0), ret = gmt(2017, 1, 10, 6, 0, 0);

    /* required: overnight */
    struct hw_rhi_input in = episode(ls, ret);
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.verdict, HW_RHI_REQUIRED);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H);
    assert_false(d.provisional);
    assert_int_equal(d.due, gmt(2017, 1, 13, 6, 0, 0));

    /* OLA: forwarded even with criteria, which are still reported */
    in.ola = true;
    in.harmed = true;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.verdict, HW_RHI_FORWARDED);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H | HW_CRIT_HARMED);
    assert_int_equal(d.due, HW_NO_TIME);

    /* OLA wins over away without authorisation too */
    in.kind = HW_KIND_ABSENT;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.verdict, HW_RHI_FORWARDED);

    /* away without authorisation: not required, criteria still reported */
    in.ola = false;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.verdict, HW_RHI_NOT_REQUIRED);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H | HW_CRIT_HARMED);
    assert_int_equal(d.due, HW_NO_TIME);

    /* nothing fired: professional judgement, still due in 72 hours */
    in = episode(gmt(2017, 1, 10, 14, 0, 0), gmt(2017, 1, 10, 15, 30, 0));
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.verdict, HW_RHI_JUDGEMENT);
    assert_int_equal(d.criteria, 0);
    assert_int_equal(d.due, gmt(2017, 1, 13, 15, 30, 0));

    /* a configured due time */
    c.rhi_due_hours = 48;
    hw_rhi_decide(&c, &in, 0, &d);
    assert_int_equal(d.due, gmt(2017, 1, 12, 15, 30, 0));
}

static void test_provisional(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_rhi_decision d;
    struct hw_rhi_input in = episode(gmt(2017, 1, 10, 20, 0, 0), HW_NO_TIME);

    /* still missing at 01:59: 5h59m so far */
    hw_rhi_decide(&c, &in, gmt(2017, 1, 11, 1, 59, 0), &d);
    assert_true(d.provisional);
    assert_int_equal(d.criteria, 0);
    assert_int_equal(d.verdict, HW_RHI_JUDGEMENT);
    assert_int_equal(d.due, HW_NO_TIME);

    /* at 02:00: 6 hours over midnight */
    hw_rhi_decide(&c, &in, gmt(2017, 1, 11, 2, 0, 0), &d);
    assert_true(d.provisional);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H);
    assert_int_equal(d.verdict, HW_RHI_REQUIRED);
    assert_int_equal(d.due, HW_NO_TIME);

    /* at 05:00:01: over 9 hours as well */
    hw_rhi_decide(&c, &in, gmt(2017, 1, 11, 5, 0, 1), &d);
    assert_int_equal(d.criteria, HW_CRIT_OVERNIGHT_6H | HW_CRIT_OVER_9H);

    /* once returned, `now` no longer matters */
    in.returned = gmt(2017, 1, 10, 21, 0, 0);
    hw_rhi_decide(&c, &in, gmt(2017, 1, 20, 0, 0, 0), &d);
    assert_false(d.provisional);
    assert_int_equal(d.criteria, 0);
    assert_int_equal(d.due, gmt(2017, 1, 13, 21, 0, 0));
}

/* ---- timescale ---- */

static void test_timescale(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    hw_instant ret = bst(2017, 10, 27, 9, 0, 0);
    /* 72 elapsed hours across the October change: 08:00 GMT on the 30th */
    hw_instant due = gmt(2017, 10, 30, 8, 0, 0);
    assert_int_equal(hw_rhi_due(&c, ret), due);
    assert_int_equal(hw_rhi_due(&c, HW_NO_TIME), HW_NO_TIME);
    assert_true(hw_rhi_in_timescale(&c, ret, ret + HW_HOUR));
    assert_true(hw_rhi_in_timescale(&c, ret, due));
    assert_false(hw_rhi_in_timescale(&c, ret, due + 1));
    assert_false(hw_rhi_in_timescale(&c, ret, HW_NO_TIME));
    assert_false(hw_rhi_in_timescale(&c, HW_NO_TIME, due));
}

/* ---- escalation ---- */

#define CHECK_ACTION(a, k, s, d, n)                                                                \
    do {                                                                                           \
        assert_int_equal((a).kind, (k));                                                           \
        assert_int_equal((a).seq, (s));                                                            \
        assert_int_equal((a).due, (d));                                                            \
        assert_int_equal((a).needed, (n));                                                         \
    } while (0)

static struct hw_escalation_input esc(int risk, int status, hw_instant ls, hw_instant ret)
{
    struct hw_escalation_input in;
    memset(&in, 0, sizeof in);
    in.kind = HW_KIND_MISSING;
    in.risk = risk;
    in.case_status = status;
    in.last_seen = ls;
    in.returned = ret;
    return in;
}

static void test_escalation_high_missing(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_HIGH, HW_CS_CIN, ls, HW_NO_TIME);

    /* missing 7 days: strategy discussion, NTK, the Missing Persons Bureau
     * and CEOP at once, reviews at 72h and 144h, the next review at 216h,
     * and the 3-day strategy meeting */
    size_t n = hw_escalation_schedule(&c, &in, ls + 7 * HW_DAY, a, 16);
    assert_int_equal(n, 8);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ls, true);
    CHECK_ACTION(a[2], HW_ACT_MISSING_PERSONS_BUREAU, 1, ls, true);
    CHECK_ACTION(a[3], HW_ACT_CEOP, 1, ls, true);
    CHECK_ACTION(a[4], HW_ACT_REVIEW_STRATEGY, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[5], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[6], HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, true);
    CHECK_ACTION(a[7], HW_ACT_REVIEW_STRATEGY, 3, ls + 216 * HW_HOUR, true);

    /* at the very moment of the second review, the third is the next one */
    n = hw_escalation_schedule(&c, &in, ls + 144 * HW_HOUR, a, 16);
    assert_int_equal(n, 8);
    CHECK_ACTION(a[6], HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, true);
    CHECK_ACTION(a[7], HW_ACT_REVIEW_STRATEGY, 3, ls + 216 * HW_HOUR, true);

    /* found at that moment: the second review was needed, the third not */
    in.returned = ls + 144 * HW_HOUR;
    n = hw_escalation_schedule(&c, &in, ls + 300 * HW_HOUR, a, 16);
    assert_int_equal(n, 10);
    CHECK_ACTION(a[6], HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, true);
    CHECK_ACTION(a[7], HW_ACT_SAFE_WELL_CHECK, 1, ls + 145 * HW_HOUR, true);
    CHECK_ACTION(a[8], HW_ACT_REVIEW_STRATEGY, 3, ls + 216 * HW_HOUR, false);
    /* returned Sun 8 Jan 10:00; 5 working days on: Mon 9 ... Fri 13 Jan 10:00 */
    CHECK_ACTION(a[9], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 13, 10, 0, 0), true);
    in.returned = HW_NO_TIME;

    /* an hour before the second review it is the next one */
    n = hw_escalation_schedule(&c, &in, ls + 143 * HW_HOUR, a, 16);
    assert_int_equal(n, 7);
    CHECK_ACTION(a[6], HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, true);

    /* just reported: the 72h items are in the future but listed */
    n = hw_escalation_schedule(&c, &in, ls + HW_MINUTE, a, 16);
    assert_int_equal(n, 6);
    CHECK_ACTION(a[4], HW_ACT_REVIEW_STRATEGY, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[5], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);

    /* child in care: the IRO is told at once */
    in.case_status = HW_CS_CLA;
    n = hw_escalation_schedule(&c, &in, ls + HW_MINUTE, a, 16);
    assert_int_equal(n, 7);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ls, true);
    CHECK_ACTION(a[2], HW_ACT_IRO_INFORMED, 1, ls, true);
    CHECK_ACTION(a[3], HW_ACT_MISSING_PERSONS_BUREAU, 1, ls, true);
    CHECK_ACTION(a[4], HW_ACT_CEOP, 1, ls, true);
}

static void test_escalation_high_returned(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);  /* Monday (a bank holiday) */
    hw_instant ret = gmt(2017, 1, 6, 10, 0, 0); /* Friday, 96h later */
    struct hw_escalation_input in = esc(HW_RISK_HIGH, HW_CS_CLA, ls, ret);
    in.rhi_required = true;

    size_t n = hw_escalation_schedule(&c, &in, ret + 30 * HW_DAY, a, 16);
    assert_int_equal(n, 11);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ls, true);
    CHECK_ACTION(a[2], HW_ACT_IRO_INFORMED, 1, ls, true);
    CHECK_ACTION(a[3], HW_ACT_MISSING_PERSONS_BUREAU, 1, ls, true);
    CHECK_ACTION(a[4], HW_ACT_CEOP, 1, ls, true);
    CHECK_ACTION(a[5], HW_ACT_REVIEW_STRATEGY, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[6], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    /* high risk: safe and well within 1 hour */
    CHECK_ACTION(a[7], HW_ACT_SAFE_WELL_CHECK, 1, ret + HW_HOUR, true);
    /* the review at 144h was not needed: found first */
    CHECK_ACTION(a[8], HW_ACT_REVIEW_STRATEGY, 2, ls + 144 * HW_HOUR, false);
    CHECK_ACTION(a[9], HW_ACT_RHI, 1, ret + 72 * HW_HOUR, true);
    /* 5 working days after Fri 6 Jan: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13 */
    CHECK_ACTION(a[10], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 13, 10, 0, 0), true);
}

static void test_escalation_medium(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_MEDIUM, HW_CS_CIN, ls, HW_NO_TIME);

    /* missing 72h + 120h + 1h: NTK 24h, meeting 72h, review 192h, next review 312h */
    size_t n = hw_escalation_schedule(&c, &in, ls + 193 * HW_HOUR, a, 16);
    assert_int_equal(n, 5);
    CHECK_ACTION(a[0], HW_ACT_NEED_TO_KNOW, 1, ls + 24 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_RISK_MEETING, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[2], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[3], HW_ACT_RISK_MEETING_REVIEW, 1, ls + 192 * HW_HOUR, true);
    CHECK_ACTION(a[4], HW_ACT_RISK_MEETING_REVIEW, 2, ls + 312 * HW_HOUR, true);

    /* returned at 200h (Tue 10 Jan 18:00), interview required */
    hw_instant ret = ls + 200 * HW_HOUR;
    assert_int_equal(ret, gmt(2017, 1, 10, 18, 0, 0));
    in.returned = ret;
    in.rhi_required = true;
    n = hw_escalation_schedule(&c, &in, ret + 60 * HW_DAY, a, 16);
    assert_int_equal(n, 8);
    CHECK_ACTION(a[0], HW_ACT_NEED_TO_KNOW, 1, ls + 24 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_RISK_MEETING, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[2], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[3], HW_ACT_RISK_MEETING_REVIEW, 1, ls + 192 * HW_HOUR, true);
    CHECK_ACTION(a[4], HW_ACT_SAFE_WELL_CHECK, 1, ret + 3 * HW_HOUR, true);
    CHECK_ACTION(a[5], HW_ACT_RHI, 1, ret + 72 * HW_HOUR, true);
    CHECK_ACTION(a[6], HW_ACT_RISK_MEETING_REVIEW, 2, ls + 312 * HW_HOUR, false);
    /* 5 working days after Tue 10 Jan: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17 */
    CHECK_ACTION(a[7], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 17, 18, 0, 0), true);
}

static void test_escalation_found_first(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0); /* Mon 2 Jan 2017, a bank holiday */
    hw_instant ret = ls + 10 * HW_HOUR;        /* found before the 24h NTK */
    struct hw_escalation_input in = esc(HW_RISK_MEDIUM, HW_CS_CIN, ls, ret);

    size_t n = hw_escalation_schedule(&c, &in, ret + HW_DAY, a, 16);
    assert_int_equal(n, 6);
    CHECK_ACTION(a[0], HW_ACT_SAFE_WELL_CHECK, 1, ret + 3 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ls + 24 * HW_HOUR, false);
    CHECK_ACTION(a[2], HW_ACT_RISK_MEETING, 1, ls + 72 * HW_HOUR, false);
    CHECK_ACTION(a[3], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, false);
    /* 5 working days after Mon 2 Jan: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 */
    CHECK_ACTION(a[4], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 9, 20, 0, 0), true);
    CHECK_ACTION(a[5], HW_ACT_RISK_MEETING_REVIEW, 1, ls + 192 * HW_HOUR, false);

    /* found at the very moment the NTK fell due: it was needed */
    in.returned = ls + 24 * HW_HOUR;
    n = hw_escalation_schedule(&c, &in, ret + 30 * HW_DAY, a, 16);
    assert_int_equal(n, 6);
    CHECK_ACTION(a[0], HW_ACT_NEED_TO_KNOW, 1, ls + 24 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_SAFE_WELL_CHECK, 1, ls + 27 * HW_HOUR, true);
    CHECK_ACTION(a[2], HW_ACT_RISK_MEETING, 1, ls + 72 * HW_HOUR, false);
}

static void test_escalation_low(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[8];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_LOW, HW_CS_CLA, ls, HW_NO_TIME);

    /* low risk, even in care: only the 3-day strategy meeting */
    size_t n = hw_escalation_schedule(&c, &in, ls + 100 * HW_HOUR, a, 8);
    assert_int_equal(n, 1);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    n = hw_escalation_schedule(&c, &in, ls + HW_HOUR, a, 8);
    assert_int_equal(n, 1);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);

    /* risk not recorded: the same */
    in.risk = HW_RISK_UNSET;
    n = hw_escalation_schedule(&c, &in, ls + 100 * HW_HOUR, a, 8);
    assert_int_equal(n, 1);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);

    /* found after 2 hours: safe and well in 3 hours, no RHI asked for */
    in.risk = HW_RISK_LOW;
    in.returned = ls + 2 * HW_HOUR;
    n = hw_escalation_schedule(&c, &in, ls + 100 * HW_HOUR, a, 8);
    assert_int_equal(n, 3);
    CHECK_ACTION(a[0], HW_ACT_SAFE_WELL_CHECK, 1, ls + 5 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, false);
    /* Mon 2 Jan 12:00 + 5 working days: Mon 9 Jan 12:00 */
    CHECK_ACTION(a[2], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 9, 12, 0, 0), true);

    /* away without authorisation: no escalation at all */
    in = esc(HW_RISK_HIGH, HW_CS_CPP, ls, HW_NO_TIME);
    in.kind = HW_KIND_ABSENT;
    assert_int_equal(hw_escalation_schedule(&c, &in, ls + 100 * HW_HOUR, a, 8), 0);
    in.returned = ls + HW_HOUR;
    in.rhi_required = true;
    assert_int_equal(hw_escalation_schedule(&c, &in, ls + 100 * HW_HOUR, a, 8), 0);
}

static void test_escalation_cpp(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[8];
    /* Last seen Thu 2017-04-06 10:00 BST. Working days after it:
     *  Fri 7 Apr (1), Mon 10 (2), Tue 11 (3), Wed 12 (4), Thu 13 (5),
     *  [Fri 14 Good Friday, Mon 17 Easter Monday: bank holidays]
     *  Tue 18 (6), Wed 19 (7), Thu 20 (8), Fri 21 (9),
     *  Mon 24 (10), Tue 25 (11), Wed 26 (12), Thu 27 (13), Fri 28 (14),
     *  [Mon 1 May: early May bank holiday]
     *  Tue 2 May (15), Wed 3 (16), Thu 4 (17), Fri 5 (18), Mon 8 (19), Tue 9 May (20).
     * So the conference is brought forward at 10:00 BST on Tue 2017-05-09. */
    hw_instant ls = bst(2017, 4, 6, 10, 0, 0);
    hw_instant conf = bst(2017, 5, 9, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_LOW, HW_CS_CPP, ls, HW_NO_TIME);

    size_t n = hw_escalation_schedule(&c, &in, ls + HW_HOUR, a, 8);
    assert_int_equal(n, 2);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_CONFERENCE_FORWARD, 1, conf, true);

    n = hw_escalation_schedule(&c, &in, conf, a, 8);
    assert_int_equal(n, 2);
    CHECK_ACTION(a[1], HW_ACT_CONFERENCE_FORWARD, 1, conf, true);

    /* found on Tue 2 May at 09:00 BST: the conference was not needed.
     * Record update: Wed 3 (1), Thu 4, Fri 5, Mon 8, Tue 9 May (5). */
    in.returned = bst(2017, 5, 2, 9, 0, 0);
    n = hw_escalation_schedule(&c, &in, conf + HW_DAY, a, 8);
    assert_int_equal(n, 4);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_SAFE_WELL_CHECK, 1, bst(2017, 5, 2, 12, 0, 0), true);
    CHECK_ACTION(a[2], HW_ACT_RECORD_UPDATED, 1, bst(2017, 5, 9, 9, 0, 0), true);
    CHECK_ACTION(a[3], HW_ACT_CONFERENCE_FORWARD, 1, conf, false);
}

static void test_escalation_on_return(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    /* found on Friday 2017-01-13 at 22:00; missing since 21:00 */
    hw_instant ret = gmt(2017, 1, 13, 22, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_HIGH, HW_CS_CIN, ret - HW_HOUR, ret);
    in.rhi_required = true;

    size_t n = hw_escalation_schedule(&c, &in, ret, a, 16);
    assert_int_equal(n, 9);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ret - HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ret - HW_HOUR, true);
    CHECK_ACTION(a[2], HW_ACT_MISSING_PERSONS_BUREAU, 1, ret - HW_HOUR, true);
    CHECK_ACTION(a[3], HW_ACT_CEOP, 1, ret - HW_HOUR, true);
    /* high risk: within 1 hour */
    CHECK_ACTION(a[4], HW_ACT_SAFE_WELL_CHECK, 1, ret + HW_HOUR, true);
    CHECK_ACTION(a[5], HW_ACT_REVIEW_STRATEGY, 1, ret + 71 * HW_HOUR, false);
    CHECK_ACTION(a[6], HW_ACT_STRATEGY_MEETING_3D, 1, ret + 71 * HW_HOUR, false);
    CHECK_ACTION(a[7], HW_ACT_RHI, 1, ret + 72 * HW_HOUR, true);
    /* over the weekend: Mon 16 (1), Tue 17, Wed 18, Thu 19, Fri 20 Jan (5) */
    CHECK_ACTION(a[8], HW_ACT_RECORD_UPDATED, 1, gmt(2017, 1, 20, 22, 0, 0), true);

    /* medium risk: within 3 hours */
    in.risk = HW_RISK_MEDIUM;
    in.rhi_required = false;
    n = hw_escalation_schedule(&c, &in, ret, a, 16);
    assert_int_equal(n, 6);
    CHECK_ACTION(a[0], HW_ACT_SAFE_WELL_CHECK, 1, ret + 3 * HW_HOUR, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ret + 23 * HW_HOUR, false);
}

static void test_escalation_limits(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[8];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_HIGH, HW_CS_CIN, ls, HW_NO_TIME);
    const struct hw_action_due marker = {.kind = 99, .seq = 99, .due = 99, .needed = true};

    for (size_t i = 0; i < 8; i++)
        a[i] = marker;
    /* only 3 asked for: the earliest 3, nothing written beyond */
    size_t n = hw_escalation_schedule(&c, &in, ls + 7 * HW_DAY, a, 3);
    assert_int_equal(n, 3);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);
    CHECK_ACTION(a[1], HW_ACT_NEED_TO_KNOW, 1, ls, true);
    CHECK_ACTION(a[2], HW_ACT_MISSING_PERSONS_BUREAU, 1, ls, true);
    CHECK_ACTION(a[3], 99, 99, 99, true);
    assert_int_equal(hw_escalation_schedule(&c, &in, ls + 7 * HW_DAY, a, 0), 0);
    CHECK_ACTION(a[0], HW_ACT_STRATEGY_DISCUSSION, 1, ls, true);

    /* missing ten years with hourly reviews: stops at max, quickly */
    c.high_review_interval_hours = 1;
    n = hw_escalation_schedule(&c, &in, ls + 3650 * HW_DAY, a, 8);
    assert_int_equal(n, 8);
    CHECK_ACTION(a[3], HW_ACT_CEOP, 1, ls, true);
    CHECK_ACTION(a[5], HW_ACT_STRATEGY_MEETING_3D, 1, ls + 72 * HW_HOUR, true);
    CHECK_ACTION(a[7], HW_ACT_REVIEW_STRATEGY, 3, ls + 74 * HW_HOUR, true);

    /* the items come out sorted by due, then kind, then seq */
    for (size_t i = 1; i < n; i++) {
        assert_true(a[i - 1].due <= a[i].due);
        if (a[i - 1].due == a[i].due)
            assert_true(a[i - 1].kind < a[i].kind ||
                        (a[i - 1].kind == a[i].kind && a[i - 1].seq < a[i].seq));
    }
}

/* ---- repeat and persistent patterns ---- */

static void test_pattern_month_quarter_bst(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_pattern p;
    hw_instant at = bst(2017, 7, 20, 12, 0, 0);
    hw_instant s[] = {
        bst(2017, 7, 1, 0, 30, 0),    /* 30 Jun 23:30 UTC, but July and Q2 locally */
        bst(2017, 6, 30, 23, 30, 0),  /* June, Q1 */
        bst(2017, 7, 15, 10, 0, 0),   /* July */
        bst(2017, 7, 21, 9, 0, 0),    /* after `at`: never counted */
        bst(2017, 6, 22, 12, 0, 0),   /* exactly 28 days before `at` */
        bst(2017, 6, 22, 11, 59, 59), /* 28 days and a second before */
        HW_NO_TIME,
    };
    size_t n = sizeof s / sizeof s[0];

    hw_missing_pattern(&c, s, n, at, &p);
    assert_int_equal(p.in_window, 4);
    assert_int_equal(p.in_quarter, 2);
    assert_int_equal(p.in_month, 2);
    assert_true(p.repeat);
    assert_false(p.persistent_quarter);
    assert_false(p.persistent_month);

    /* an episode exactly at `at` counts everywhere */
    s[6] = at;
    hw_missing_pattern(&c, s, n, at, &p);
    assert_int_equal(p.in_window, 5);
    assert_int_equal(p.in_quarter, 3);
    assert_int_equal(p.in_month, 3);
    assert_true(p.repeat);
    assert_true(p.persistent_quarter);
    assert_true(p.persistent_month);

    /* nothing to count */
    hw_missing_pattern(&c, NULL, 0, at, &p);
    assert_int_equal(p.in_window, 0);
    assert_false(p.repeat);
    hw_missing_pattern(&c, s + 3, 1, at, &p);
    assert_int_equal(p.in_window + p.in_quarter + p.in_month, 0);
}

static void test_pattern_quarter_not_month(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_pattern p;
    hw_instant at = bst(2017, 8, 10, 12, 0, 0);
    hw_instant s[] = {
        bst(2017, 7, 1, 0, 30, 0),   /* Q2 (July), not August */
        bst(2017, 6, 30, 23, 30, 0), /* Q1 */
        bst(2017, 8, 1, 0, 15, 0),   /* 31 Jul 23:15 UTC: August locally */
        bst(2017, 7, 31, 23, 45, 0), /* July */
    };
    hw_missing_pattern(&c, s, 4, at, &p);
    assert_int_equal(p.in_quarter, 3);
    assert_int_equal(p.in_month, 1);
    assert_int_equal(p.in_window, 2); /* from 13 Jul 12:00 BST */
    assert_true(p.repeat);
    assert_true(p.persistent_quarter);
    assert_false(p.persistent_month);

    /* thresholds are configuration */
    c.persistent_quarter_min = 4;
    c.repeat_min_episodes = 3;
    hw_missing_pattern(&c, s, 4, at, &p);
    assert_false(p.persistent_quarter);
    assert_false(p.repeat);
}

static void test_pattern_year_ends(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_pattern p;
    /* Q4 is January to March */
    hw_instant at = gmt(2017, 2, 10, 12, 0, 0);
    hw_instant s[] = {
        gmt(2017, 1, 1, 0, 0, 0),
        gmt(2016, 12, 31, 23, 59, 59),
        gmt(2017, 2, 1, 0, 0, 0),
    };
    hw_missing_pattern(&c, s, 3, at, &p);
    assert_int_equal(p.in_quarter, 2);
    assert_int_equal(p.in_month, 1);
    assert_int_equal(p.in_window, 1);

    /* 00:30 on 1 April BST belongs to April and Q1 of the new year */
    at = bst(2017, 4, 10, 12, 0, 0);
    hw_instant t[] = {
        bst(2017, 4, 1, 0, 30, 0), bst(2017, 3, 31, 23, 30, 0),
        gmt(2017, 3, 26, 0, 30, 0), /* before the clocks changed that night */
    };
    hw_missing_pattern(&c, t, 3, at, &p);
    assert_int_equal(p.in_quarter, 1);
    assert_int_equal(p.in_month, 1);
    assert_int_equal(p.in_window, 3);
}

/* ---- risk changed while missing ---- */

static hw_instant lt(int y, int mo, int d, int h, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, mo, d, h, mi, 0, &t), 0);
    return t;
}

/* The schedule as "action#seq@YYYY-MM-DD HH:MM[!]" (! = not needed). */
static void schedule_is(const struct hw_escalation_input *in, hw_instant now, const char *want)
{
    struct hw_config cfg;
    struct hw_action_due out[64];
    char buf[2048] = "", when[HW_LOCAL_LEN];
    hw_config_defaults(&cfg);
    size_t n = hw_escalation_schedule(&cfg, in, now, out, 64);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(buf);
        hw_format_local(out[i].due, when);
        snprintf(buf + len, sizeof buf - len, "%s%s#%d@%s%s", i ? " " : "",
                 hw_code_name(hw_action_codes, out[i].kind), out[i].seq, when,
                 out[i].needed ? "" : "!");
    }
    assert_string_equal(buf, want);
}

/* Medium from Mon 3 Apr 2017 10:00, raised to high at 06:00 on Tuesday:
 * the high actions count from 06:00 Tuesday; the medium need-to-know (24h,
 * Tue 10:00) and risk meeting (72h, Thu 10:00) fall while high, so they go. */
static void test_risk_raised_to_high(void **state)
{
    (void)state;
    const struct hw_risk_change h[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_MEDIUM},
                                       {lt(2017, 4, 4, 6, 0), HW_RISK_HIGH}};
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_HIGH,
                                     .risk_history = h,
                                     .risk_history_len = 2,
                                     .last_seen = lt(2017, 4, 3, 10, 0),
                                     .returned = HW_NO_TIME};
    schedule_is(&in, lt(2017, 4, 6, 12, 0),
                "strategy_discussion#1@2017-04-04 06:00 need_to_know#1@2017-04-04 06:00 "
                "missing_persons_bureau#1@2017-04-04 06:00 ceop#1@2017-04-04 06:00 "
                "strategy_meeting_3d#1@2017-04-06 10:00 review_strategy#1@2017-04-07 06:00");
    /* Raised at exactly 24 hours: the medium need-to-know is not due then
     * (the level at that instant is high); the high one is. */
    const struct hw_risk_change h24[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_MEDIUM},
                                         {lt(2017, 4, 4, 10, 0), HW_RISK_HIGH}};
    in.risk_history = h24;
    schedule_is(&in, lt(2017, 4, 4, 11, 0),
                "strategy_discussion#1@2017-04-04 10:00 need_to_know#1@2017-04-04 10:00 "
                "missing_persons_bureau#1@2017-04-04 10:00 ceop#1@2017-04-04 10:00 "
                "strategy_meeting_3d#1@2017-04-06 10:00 review_strategy#1@2017-04-07 10:00");
    /* One second later than that, the medium need-to-know had fallen due. */
    const struct hw_risk_change h24b[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_MEDIUM},
                                          {lt(2017, 4, 4, 10, 0) + 1, HW_RISK_HIGH}};
    in.risk_history = h24b;
    schedule_is(&in, lt(2017, 4, 4, 11, 0),
                "need_to_know#1@2017-04-04 10:00 strategy_discussion#1@2017-04-04 10:00 "
                "need_to_know#1@2017-04-04 10:00 missing_persons_bureau#1@2017-04-04 10:00 "
                "ceop#1@2017-04-04 10:00 strategy_meeting_3d#1@2017-04-06 10:00 "
                "review_strategy#1@2017-04-07 10:00");
}

/* Low at first, medium from 30 hours: no need-to-know (low at 24 hours);
 * the risk meeting at 72 hours; a looked-after child's IRO from 30 hours. */
static void test_risk_raised_to_medium(void **state)
{
    (void)state;
    const struct hw_risk_change h[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_LOW},
                                       {lt(2017, 4, 4, 16, 0), HW_RISK_MEDIUM}};
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_MEDIUM,
                                     .case_status = HW_CS_CLA,
                                     .risk_history = h,
                                     .risk_history_len = 2,
                                     .last_seen = lt(2017, 4, 3, 10, 0),
                                     .returned = lt(2017, 4, 6, 12, 0)};
    schedule_is(&in, lt(2017, 4, 7, 9, 0),
                "iro_informed#1@2017-04-04 16:00 risk_meeting#1@2017-04-06 10:00 "
                "strategy_meeting_3d#1@2017-04-06 10:00 safe_well_check#1@2017-04-06 15:00 "
                "risk_meeting_review#1@2017-04-11 10:00! record_updated#1@2017-04-13 12:00");
}

/* High, then lowered to low after a day: the high actions go on until found;
 * the safe-and-well check follows the level at return (3 hours, not 1). */
static void test_risk_lowered(void **state)
{
    (void)state;
    const struct hw_risk_change h[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_HIGH},
                                       {lt(2017, 4, 4, 10, 0), HW_RISK_LOW}};
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_LOW,
                                     .risk_history = h,
                                     .risk_history_len = 2,
                                     .last_seen = lt(2017, 4, 3, 10, 0),
                                     .returned = lt(2017, 4, 5, 10, 0)};
    schedule_is(&in, lt(2017, 4, 5, 11, 0),
                "strategy_discussion#1@2017-04-03 10:00 need_to_know#1@2017-04-03 10:00 "
                "missing_persons_bureau#1@2017-04-03 10:00 ceop#1@2017-04-03 10:00 "
                "safe_well_check#1@2017-04-05 13:00 review_strategy#1@2017-04-06 10:00! "
                "strategy_meeting_3d#1@2017-04-06 10:00! record_updated#1@2017-04-12 10:00");
}

/* Across the clock change on Sunday 26 March 2017: hours are real hours
 * (24 hours after 22:00 GMT Saturday is 23:00 BST Sunday), working days keep
 * the local clock time (18:00 GMT Friday -> 18:00 BST the next Friday). */
static void test_schedule_over_clock_change(void **state)
{
    (void)state;
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_MEDIUM,
                                     .last_seen = lt(2017, 3, 25, 22, 0),
                                     .returned = HW_NO_TIME};
    schedule_is(&in, lt(2017, 3, 28, 12, 0),
                "need_to_know#1@2017-03-26 23:00 risk_meeting#1@2017-03-28 23:00 "
                "strategy_meeting_3d#1@2017-03-28 23:00 risk_meeting_review#1@2017-04-02 23:00");
    struct hw_escalation_input back = {.kind = HW_KIND_MISSING,
                                       .risk = HW_RISK_LOW,
                                       .last_seen = lt(2017, 3, 24, 10, 0),
                                       .returned = lt(2017, 3, 24, 18, 0)};
    schedule_is(&back, lt(2017, 3, 28, 12, 0),
                "safe_well_check#1@2017-03-24 21:00 strategy_meeting_3d#1@2017-03-27 11:00! "
                "record_updated#1@2017-03-31 18:00");
}

/* The UK Missing Persons Bureau and CEOP (003 section 7.1): told at once
 * from the moment the episode is high, like the strategy discussion. */
static void test_bureau_and_ceop(void **state)
{
    (void)state;
    /* high from the start: due at last seen (Mon 3 Apr 2017 10:00) */
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_HIGH,
                                     .last_seen = lt(2017, 4, 3, 10, 0),
                                     .returned = HW_NO_TIME};
    schedule_is(&in, lt(2017, 4, 3, 10, 30),
                "strategy_discussion#1@2017-04-03 10:00 need_to_know#1@2017-04-03 10:00 "
                "missing_persons_bureau#1@2017-04-03 10:00 ceop#1@2017-04-03 10:00 "
                "review_strategy#1@2017-04-06 10:00 strategy_meeting_3d#1@2017-04-06 10:00");
    /* low, raised to high at 15:20 the same day: due at 15:20, not before */
    const struct hw_risk_change raised[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_LOW},
                                            {lt(2017, 4, 3, 15, 20), HW_RISK_HIGH}};
    in.risk_history = raised;
    in.risk_history_len = 2;
    schedule_is(&in, lt(2017, 4, 3, 15, 19), "strategy_meeting_3d#1@2017-04-06 10:00");
    schedule_is(&in, lt(2017, 4, 3, 15, 20),
                "strategy_discussion#1@2017-04-03 15:20 need_to_know#1@2017-04-03 15:20 "
                "missing_persons_bureau#1@2017-04-03 15:20 ceop#1@2017-04-03 15:20 "
                "strategy_meeting_3d#1@2017-04-06 10:00 review_strategy#1@2017-04-06 15:20");
    /* found at 15:00, before the rise was recorded: none of the high actions */
    in.returned = lt(2017, 4, 3, 15, 0);
    schedule_is(&in, lt(2017, 4, 4, 9, 0),
                "safe_well_check#1@2017-04-03 18:00 strategy_meeting_3d#1@2017-04-06 10:00! "
                "record_updated#1@2017-04-10 15:00");
    /* high, then lowered: told all the same (from the moment it was high) */
    const struct hw_risk_change lowered[] = {{lt(2017, 4, 3, 10, 0), HW_RISK_HIGH},
                                             {lt(2017, 4, 3, 11, 0), HW_RISK_MEDIUM}};
    in.risk_history = lowered;
    in.returned = lt(2017, 4, 3, 12, 0);
    schedule_is(&in, lt(2017, 4, 4, 9, 0),
                "strategy_discussion#1@2017-04-03 10:00 need_to_know#1@2017-04-03 10:00 "
                "missing_persons_bureau#1@2017-04-03 10:00 ceop#1@2017-04-03 10:00 "
                "safe_well_check#1@2017-04-03 15:00 need_to_know#1@2017-04-04 10:00! "
                "review_strategy#1@2017-04-06 10:00! risk_meeting#1@2017-04-06 10:00! "
                "strategy_meeting_3d#1@2017-04-06 10:00! record_updated#1@2017-04-10 12:00 "
                "risk_meeting_review#1@2017-04-11 10:00!");
}

/* A council's own timescale: CEOP within 2 hours of becoming high. Found at
 * 1 hour 59: not needed, found first; at exactly 2 hours: needed. */
static void test_ceop_hours_found_first(void **state)
{
    (void)state;
    struct hw_config c = cfg_default();
    struct hw_action_due a[16];
    hw_instant ls = gmt(2017, 1, 2, 10, 0, 0);
    struct hw_escalation_input in = esc(HW_RISK_HIGH, HW_CS_CIN, ls, ls + 119 * HW_MINUTE);
    c.ceop_hours = 2;
    size_t n = hw_escalation_schedule(&c, &in, ls + HW_DAY, a, 16), k = n;
    for (size_t i = 0; i < n; i++)
        if (a[i].kind == HW_ACT_CEOP)
            k = i;
    assert_true(k < n);
    CHECK_ACTION(a[k], HW_ACT_CEOP, 1, ls + 2 * HW_HOUR, false);
    in.returned = ls + 2 * HW_HOUR;
    n = hw_escalation_schedule(&c, &in, ls + HW_DAY, a, 16);
    for (size_t i = 0, seen = 0; i < n || !seen; i++) {
        assert_true(i < n);
        if (a[i].kind == HW_ACT_CEOP) {
            CHECK_ACTION(a[i], HW_ACT_CEOP, 1, ls + 2 * HW_HOUR, true);
            seen = 1;
        }
    }
}

/* Trafficked (003 section 12.3): the National Referral Mechanism referral
 * within nrm_referral_hours (24) of last seen, needed even when the child
 * is found first; no flag, no referral; an absence, none at all. */
static void test_nrm_referral(void **state)
{
    (void)state;
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_LOW,
                                     .child_flags = HW_FLAG_TRAFFICKING | HW_FLAG_CSE,
                                     .last_seen = lt(2017, 4, 3, 22, 0),
                                     .returned = HW_NO_TIME};
    schedule_is(&in, lt(2017, 4, 3, 23, 0),
                "nrm_referral#1@2017-04-04 22:00 strategy_meeting_3d#1@2017-04-06 22:00");
    /* found after 2 hours: the referral is still needed */
    in.returned = lt(2017, 4, 4, 0, 0);
    schedule_is(&in, lt(2017, 4, 5, 9, 0),
                "safe_well_check#1@2017-04-04 03:00 nrm_referral#1@2017-04-04 22:00 "
                "strategy_meeting_3d#1@2017-04-06 22:00! record_updated#1@2017-04-11 00:00");
    /* not flagged trafficking (exploitation only): none */
    in.child_flags = HW_FLAG_CSE | HW_FLAG_CCE;
    schedule_is(&in, lt(2017, 4, 5, 9, 0),
                "safe_well_check#1@2017-04-04 03:00 strategy_meeting_3d#1@2017-04-06 22:00! "
                "record_updated#1@2017-04-11 00:00");
    /* a council's timescale of 0 hours: at last seen */
    struct hw_config c = cfg_default();
    struct hw_action_due a[8];
    c.nrm_referral_hours = 0;
    in.child_flags = HW_FLAG_TRAFFICKING;
    in.returned = HW_NO_TIME;
    size_t n = hw_escalation_schedule(&c, &in, in.last_seen, a, 8);
    assert_int_equal(n, 2);
    CHECK_ACTION(a[0], HW_ACT_NRM_REFERRAL, 1, in.last_seen, true);
}

/* Placed by another council: on return, the notice to that council falls
 * due when the interview does (returned + rhi_due_hours); not while
 * missing; not for our own child. */
static void test_ola_notice(void **state)
{
    (void)state;
    struct hw_escalation_input in = {.kind = HW_KIND_MISSING,
                                     .risk = HW_RISK_MEDIUM,
                                     .ola = true,
                                     .last_seen = lt(2017, 4, 3, 22, 0),
                                     .returned = HW_NO_TIME};
    schedule_is(&in, lt(2017, 4, 4, 9, 0),
                "need_to_know#1@2017-04-04 22:00 risk_meeting#1@2017-04-06 22:00 "
                "strategy_meeting_3d#1@2017-04-06 22:00 risk_meeting_review#1@2017-04-11 22:00");
    in.returned = lt(2017, 4, 4, 8, 30);
    schedule_is(&in, lt(2017, 4, 4, 9, 0),
                "safe_well_check#1@2017-04-04 11:30 need_to_know#1@2017-04-04 22:00! "
                "risk_meeting#1@2017-04-06 22:00! strategy_meeting_3d#1@2017-04-06 22:00! "
                "ola_notice#1@2017-04-07 08:30 record_updated#1@2017-04-11 08:30 "
                "risk_meeting_review#1@2017-04-11 22:00!");
    in.ola = false;
    in.rhi_required = true;
    schedule_is(&in, lt(2017, 4, 4, 9, 0),
                "safe_well_check#1@2017-04-04 11:30 need_to_know#1@2017-04-04 22:00! "
                "risk_meeting#1@2017-04-06 22:00! strategy_meeting_3d#1@2017-04-06 22:00! "
                "rhi#1@2017-04-07 08:30 record_updated#1@2017-04-11 08:30 "
                "risk_meeting_review#1@2017-04-11 22:00!");
}

/* Away without authorisation gets no escalation at all, as before: not the
 * Bureau or CEOP at high risk, not the NRM for a trafficked child, not the
 * notice for another council's child. */
static void test_absence_gets_none(void **state)
{
    (void)state;
    struct hw_escalation_input in = {.kind = HW_KIND_ABSENT,
                                     .risk = HW_RISK_HIGH,
                                     .case_status = HW_CS_CLA,
                                     .child_flags = HW_FLAG_TRAFFICKING,
                                     .ola = true,
                                     .last_seen = lt(2017, 4, 3, 22, 0),
                                     .returned = lt(2017, 4, 4, 9, 0)};
    schedule_is(&in, lt(2017, 4, 10, 9, 0), "");
    in.returned = HW_NO_TIME;
    schedule_is(&in, lt(2017, 4, 10, 9, 0), "");
}

/* ---- the missing plan ---- */

static void test_plan_review(void **state)
{
    (void)state;
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    hw_instant now = lt(2017, 4, 10, 12, 0);
    hw_date reviewed = hw_date_from_ymd(2017, 4, 1), due = hw_date_from_ymd(2017, 5, 1);
    const hw_instant before[] = {lt(2017, 3, 20, 22, 0)};
    const hw_instant same_day[] = {lt(2017, 4, 1, 20, 0)};
    const hw_instant next_day[] = {lt(2017, 4, 2, 0, 0)};
    const hw_instant one_since[] = {lt(2017, 3, 30, 22, 0), lt(2017, 4, 5, 22, 0)};
    const hw_instant two_since[] = {lt(2017, 4, 3, 22, 0), lt(2017, 4, 5, 22, 0)};
    const hw_instant future[] = {lt(2017, 4, 11, 22, 0)};

    assert_int_equal(hw_plan_review(&cfg, false, HW_NO_DATE, HW_NO_DATE, NULL, 0, now), 0);
    assert_int_equal(hw_plan_review(&cfg, false, HW_NO_DATE, HW_NO_DATE, before, 1, now),
                     HW_PLAN_NONE);
    assert_int_equal(hw_plan_review(&cfg, false, HW_NO_DATE, HW_NO_DATE, future, 1, now), 0);
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, before, 1, now), 0);
    /* The review date, from its first moment. */
    assert_int_equal(
        hw_plan_review(&cfg, true, reviewed, hw_date_from_ymd(2017, 4, 10), before, 1, now),
        HW_PLAN_REVIEW_DUE);
    assert_int_equal(
        hw_plan_review(&cfg, true, reviewed, hw_date_from_ymd(2017, 4, 11), before, 1, now), 0);
    /* Missing on the day of the review: taken as the episode reviewed. */
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, same_day, 1, now), 0);
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, next_day, 1, now),
                     HW_PLAN_MISSING_AGAIN);
    /* A repeat needs two episodes since the review. */
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, one_since, 2, now),
                     HW_PLAN_MISSING_AGAIN);
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, two_since, 2, now),
                     HW_PLAN_MISSING_AGAIN | HW_PLAN_REPEAT);
    /* Never reviewed: every episode counts. */
    assert_int_equal(hw_plan_review(&cfg, true, HW_NO_DATE, HW_NO_DATE, before, 1, now),
                     HW_PLAN_MISSING_AGAIN);
    assert_int_equal(hw_plan_review(&cfg, true, reviewed, due, future, 1, now), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_tables),
        cmocka_unit_test(test_overnight_gmt),
        cmocka_unit_test(test_overnight_bst),
        cmocka_unit_test(test_overnight_clock_change),
        cmocka_unit_test(test_overnight_configured),
        cmocka_unit_test(test_over_9h),
        cmocka_unit_test(test_repeat_28d),
        cmocka_unit_test(test_input_criteria),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_provisional),
        cmocka_unit_test(test_timescale),
        cmocka_unit_test(test_escalation_high_missing),
        cmocka_unit_test(test_escalation_high_returned),
        cmocka_unit_test(test_escalation_medium),
        cmocka_unit_test(test_escalation_found_first),
        cmocka_unit_test(test_escalation_low),
        cmocka_unit_test(test_escalation_cpp),
        cmocka_unit_test(test_escalation_on_return),
        cmocka_unit_test(test_escalation_limits),
        cmocka_unit_test(test_pattern_month_quarter_bst),
        cmocka_unit_test(test_pattern_quarter_not_month),
        cmocka_unit_test(test_pattern_year_ends),
        cmocka_unit_test(test_risk_raised_to_high),
        cmocka_unit_test(test_risk_raised_to_medium),
        cmocka_unit_test(test_risk_lowered),
        cmocka_unit_test(test_bureau_and_ceop),
        cmocka_unit_test(test_ceop_hours_found_first),
        cmocka_unit_test(test_nrm_referral),
        cmocka_unit_test(test_ola_notice),
        cmocka_unit_test(test_absence_gets_none),
        cmocka_unit_test(test_plan_review),
        cmocka_unit_test(test_schedule_over_clock_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
