/* test_scorecard.c - the scorecard's measures, direction of travel, RAG and
 * file format (core/scorecard.c), on hand-built facts.
 *
 * Financial year 2016-17; the report is as at Thu 30 June 2016 12:00.
 * Children: C1, C2, C4 the council's own; C3 placed here by another council.
 *
 * April 2016
 *   E1  C1 looked after, 5 Apr 10:00 - 20:00; offered, completed 7 Apr
 *       10:00 (38 hours after the return: in timescale).
 *   E2  C1 looked after, placed out of area, 20 Apr 22:00 - 24 Apr 23:00
 *       (97 hours: 72h+); offered, completed 29 Apr 10:00 (late).
 *   E3  C2 child in need (at home), 10 Apr; decided not needed, not offered.
 *   E4  C3 (placed by another council), 12 Apr.
 *   E5  C4, away without authorisation (not missing), 15 Apr: not counted.
 * May 2016: nothing.
 * June 2016
 *   E6  C2 at home, last seen 1 Jun 00:30 BST (31 May 23:30 UTC: June);
 *       offered, not completed.
 *   E7  C4 at home, 15 Jun 09:00, still missing at the report (15 days: 72h+);
 *       not offered.
 *
 * By hand:
 *   April: episodes 3 (E1 E2 E3), children 2 (C1 C2), repeat 1 (C1), 72h+ 1
 *     (E2), out of area 1 (E2), OLA 1 (E4); offered 1 of 2 children =
 *     50.00%; home (C2) 0 of 1 = 0.00%; care (C1) 1 of 1 = 100.00%; done 2
 *     of the 2 needing one (E3 not needed) = 100.00%; in timescale 1 of 2
 *     done = 50.00%.
 *   May: every count 0, every rate none.
 *   June: episodes 2, children 2 (C2 C4), repeat 0, 72h+ 1 (E7); offered 1
 *     of 2 = 50.00%; home 1 of 2 = 50.00%; care none; done 0 of 2 = 0.00%;
 *     in timescale none (nothing done).
 *   April to June as one period: episodes 5; children 3 (not 2 + 0 + 2);
 *     repeat 2 (C1 twice in April, C2 once in April and once in June: not
 *     1 + 0 + 0); offered 2 of 3 = 66.67% (not the average of 50% and 50%);
 *     home (C2 C4) 1 of 2 = 50.00%; care 1 of 1 = 100.00%; done 2 of 4
 *     needing = 50.00%; in timescale 1 of 2 = 50.00%; 72h+ 2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/rag.h"
#include "core/scorecard.h"

static hw_instant local(int y, int m, int d, int hh, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, m, d, hh, mi, 0, &t), 0);
    return t;
}

static void child(struct hw_afacts *f, const char *id, bool ola)
{
    struct hw_achild c = {.id = (char *)id, .ola = ola, .first_ever = HW_NO_TIME};
    hw_afacts_add_child(f, &c);
}

static struct hw_afact ep(size_t c, const char *id, hw_instant seen, hw_instant back)
{
    struct hw_afact e = {.child = c,
                         .episode_id = id,
                         .kind = HW_KIND_MISSING,
                         .last_seen = seen,
                         .returned = back,
                         .case_status = HW_CS_CIN,
                         .rhi_completed = HW_NO_TIME};
    return e;
}

static void facts(struct hw_afacts *f)
{
    hw_afacts_init(f, local(2016, 4, 1, 0, 0), local(2017, 4, 1, 0, 0), local(2016, 6, 30, 12, 0),
                   72);
    child(f, "C1", false);
    child(f, "C2", false);
    child(f, "C3", true);
    child(f, "C4", false);

    struct hw_afact e = ep(0, "E1", local(2016, 4, 5, 10, 0), local(2016, 4, 5, 20, 0));
    e.case_status = HW_CS_CLA;
    e.offered = e.done = true;
    e.rhi_completed = local(2016, 4, 7, 10, 0);
    hw_afacts_add(f, &e);

    e = ep(0, "E2", local(2016, 4, 20, 22, 0), local(2016, 4, 24, 23, 0));
    e.case_status = HW_CS_CLA;
    e.out_of_area = true;
    e.offered = e.done = true;
    e.rhi_completed = local(2016, 4, 29, 10, 0);
    hw_afacts_add(f, &e);

    e = ep(1, "E3", local(2016, 4, 10, 15, 0), local(2016, 4, 10, 18, 0));
    e.rhi_not_needed = true;
    hw_afacts_add(f, &e);

    e = ep(2, "E4", local(2016, 4, 12, 15, 0), local(2016, 4, 12, 18, 0));
    e.offered = true;
    hw_afacts_add(f, &e);

    e = ep(3, "E5", local(2016, 4, 15, 15, 0), local(2016, 4, 15, 18, 0));
    e.kind = HW_KIND_ABSENT;
    hw_afacts_add(f, &e);

    e = ep(1, "E6", local(2016, 6, 1, 0, 30), local(2016, 6, 1, 8, 0));
    e.offered = true;
    hw_afacts_add(f, &e);

    e = ep(3, "E7", local(2016, 6, 15, 9, 0), HW_NO_TIME);
    hw_afacts_add(f, &e);
    hw_afacts_finish(f);
}

static long value(const struct hw_afacts *f, int measure, int first, int last)
{
    struct hw_sc_tally t;
    hw_sc_tally(f, 2016, first, last, &t);
    return hw_sc_measure_value(&t, measure);
}

static void test_april(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts(&f);
    assert_int_equal(value(&f, HW_SCM_MISSING_EPISODES, 0, 0), 3);
    assert_int_equal(value(&f, HW_SCM_CHILDREN_MISSING, 0, 0), 2);
    assert_int_equal(value(&f, HW_SCM_REPEAT_CHILDREN, 0, 0), 1);
    assert_int_equal(value(&f, HW_SCM_EPISODES_72H_PLUS, 0, 0), 1);
    assert_int_equal(value(&f, HW_SCM_OUT_OF_AREA_EPISODES, 0, 0), 1);
    assert_int_equal(value(&f, HW_SCM_OLA_EPISODES, 0, 0), 1);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE, 0, 0), 5000);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_HOME, 0, 0), 0);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_CARE, 0, 0), 10000);
    assert_int_equal(value(&f, HW_SCM_RHI_DONE_RATE, 0, 0), 10000);
    assert_int_equal(value(&f, HW_SCM_RHI_IN_TIMESCALE_RATE, 0, 0), 5000);
    hw_afacts_free(&f);
}

/* A month with no episodes: counts are 0 and rates have no value. */
static void test_empty_month(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts(&f);
    for (int m = 0; m < HW_SCM_COUNT; m++) {
        long v = value(&f, m, 1, 1);
        if (hw_sc_measures[m].unit == HW_SCU_RATE)
            assert_int_equal(v, HW_SC_NONE);
        else
            assert_int_equal(v, 0);
    }
    hw_afacts_free(&f);
}

static void test_june(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts(&f);
    assert_int_equal(value(&f, HW_SCM_MISSING_EPISODES, 2, 2), 2);
    assert_int_equal(value(&f, HW_SCM_CHILDREN_MISSING, 2, 2), 2);
    assert_int_equal(value(&f, HW_SCM_REPEAT_CHILDREN, 2, 2), 0);
    assert_int_equal(value(&f, HW_SCM_EPISODES_72H_PLUS, 2, 2), 1);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE, 2, 2), 5000);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_HOME, 2, 2), 5000);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_CARE, 2, 2), HW_SC_NONE);
    assert_int_equal(value(&f, HW_SCM_RHI_DONE_RATE, 2, 2), 0);
    assert_int_equal(value(&f, HW_SCM_RHI_IN_TIMESCALE_RATE, 2, 2), HW_SC_NONE);
    /* E6 was last seen at 00:30 BST on 1 June: June, not May. */
    assert_int_equal(value(&f, HW_SCM_MISSING_EPISODES, 1, 1), 0);
    hw_afacts_free(&f);
}

/* The year to date is one period: distinct children once, repeat children
 * over the whole span, rates from the totals. */
static void test_year_to_date(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts(&f);
    assert_int_equal(value(&f, HW_SCM_MISSING_EPISODES, 0, 2), 5);
    assert_int_equal(value(&f, HW_SCM_CHILDREN_MISSING, 0, 2), 3);
    assert_int_equal(value(&f, HW_SCM_REPEAT_CHILDREN, 0, 2), 2);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE, 0, 2), 6667);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_HOME, 0, 2), 5000);
    assert_int_equal(value(&f, HW_SCM_RHI_OFFER_RATE_CARE, 0, 2), 10000);
    assert_int_equal(value(&f, HW_SCM_RHI_DONE_RATE, 0, 2), 5000);
    assert_int_equal(value(&f, HW_SCM_RHI_IN_TIMESCALE_RATE, 0, 2), 5000);
    assert_int_equal(value(&f, HW_SCM_EPISODES_72H_PLUS, 0, 2), 2);
    assert_int_equal(value(&f, HW_SCM_OLA_EPISODES, 0, 2), 1);
    hw_afacts_free(&f);
}

/* An interview completed exactly rhi_due_hours after the return is in
 * timescale; a second later is not. */
static void test_timescale_boundary(void **state)
{
    (void)state;
    struct hw_afacts f;
    hw_afacts_init(&f, local(2016, 4, 1, 0, 0), local(2017, 4, 1, 0, 0), local(2017, 1, 1, 0, 0),
                   72);
    child(&f, "C1", false);
    hw_instant back = local(2016, 9, 1, 12, 0);
    struct hw_afact e = ep(0, "E1", back - HW_HOUR, back);
    e.offered = e.done = true;
    e.rhi_completed = back + 72 * HW_HOUR;
    hw_afacts_add(&f, &e);
    e = ep(0, "E2", back + HW_DAY, back + HW_DAY + HW_HOUR);
    e.offered = e.done = true;
    e.rhi_completed = back + HW_DAY + HW_HOUR + 72 * HW_HOUR + 1;
    hw_afacts_add(&f, &e);
    hw_afacts_finish(&f);
    assert_int_equal(value(&f, HW_SCM_RHI_IN_TIMESCALE_RATE, 5, 5), 5000);
    hw_afacts_free(&f);
}

static void test_dot(void **state)
{
    (void)state;
    assert_int_equal(hw_sc_dot(HW_POL_HIGHER, 5000, 6000), HW_DOT_BETTER);
    assert_int_equal(hw_sc_dot(HW_POL_HIGHER, 6000, 5000), HW_DOT_WORSE);
    assert_int_equal(hw_sc_dot(HW_POL_HIGHER, 5000, 5000), HW_DOT_SAME);
    assert_int_equal(hw_sc_dot(HW_POL_LOWER, 3, 2), HW_DOT_BETTER);
    assert_int_equal(hw_sc_dot(HW_POL_LOWER, 2, 3), HW_DOT_WORSE);
    assert_int_equal(hw_sc_dot(HW_POL_LOWER, 0, 0), HW_DOT_SAME);
    assert_int_equal(hw_sc_dot(HW_POL_HIGHER, HW_SC_NONE, 5000), HW_DOT_NONE);
    assert_int_equal(hw_sc_dot(HW_POL_LOWER, 4, HW_SC_NONE), HW_DOT_NONE);
    assert_string_equal(hw_code_name(hw_dot_codes, HW_DOT_BETTER), "better");
}

static void test_rag_boundaries(void **state)
{
    (void)state;
    /* Higher is better, target 90.00%, amber within 10% of it: from 81.00%. */
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 10000, 9000, 1000), HW_RAG_GREEN);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 9000, 9000, 1000), HW_RAG_GREEN);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 8999, 9000, 1000), HW_RAG_AMBER);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 8100, 9000, 1000), HW_RAG_AMBER);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 8099, 9000, 1000), HW_RAG_RED);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 0, 9000, 1000), HW_RAG_RED);
    /* No tolerance: anything short of the target is red. */
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 8999, 9000, 0), HW_RAG_RED);
    /* Lower is better, target 20 episodes: amber up to 22 (10% over). */
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 0, 20, 1000), HW_RAG_GREEN);
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 20, 20, 1000), HW_RAG_GREEN);
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 21, 20, 1000), HW_RAG_AMBER);
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 22, 20, 1000), HW_RAG_AMBER);
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 23, 20, 1000), HW_RAG_RED);
    /* A target of 0 to stay under: only 0 meets it, nothing is within 10% of it. */
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 0, 0, 1000), HW_RAG_GREEN);
    assert_int_equal(hw_sc_rag(HW_POL_LOWER, 1, 0, 1000), HW_RAG_RED);
    /* Nothing to rate. */
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, HW_SC_NONE, 9000, 1000), HW_RAG_NONE);
    assert_int_equal(hw_sc_rag(HW_POL_HIGHER, 5000, HW_SC_NONE, 1000), HW_RAG_NONE);
}

static void test_row(void **state)
{
    (void)state;
    struct hw_afacts f;
    struct hw_scorecard sc;
    struct hw_sc_row row;
    facts(&f);
    hw_scorecard_defaults(&sc);

    /* Offer rate, target 90%: months 50%, none, 50%; YTD 66.67%, red (under 81%). */
    struct hw_indicator ind = {.measure = HW_SCM_RHI_OFFER_RATE,
                               .polarity = HW_POL_HIGHER,
                               .target = 9000,
                               .tolerance = HW_SC_NONE,
                               .last_year = HW_SC_NONE,
                               .sn_average = HW_SC_NONE};
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.nmonths, 3);
    assert_int_equal(row.months[0], 5000);
    assert_int_equal(row.months[1], HW_SC_NONE);
    assert_int_equal(row.months[2], 5000);
    assert_int_equal(row.ytd, 6667);
    assert_int_equal(row.dot, HW_DOT_NONE); /* May has no rate to compare with */
    assert_int_equal(row.rag, HW_RAG_RED);
    /* Its own tolerance of 30%: amber from 63.00%. */
    ind.tolerance = 3000;
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.rag, HW_RAG_AMBER);

    /* Episodes, lower is better: 3, 0, 2; YTD 5. The facts are as at 30
     * June, so June is still in progress: the direction of travel compares
     * April (3) with May (0), better; once June has ended, May with June,
     * worse. */
    ind = (struct hw_indicator){.measure = HW_SCM_MISSING_EPISODES,
                                .polarity = HW_POL_LOWER,
                                .target = 5,
                                .tolerance = HW_SC_NONE,
                                .last_year = HW_SC_NONE,
                                .sn_average = HW_SC_NONE};
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.months[0], 3);
    assert_int_equal(row.months[1], 0);
    assert_int_equal(row.months[2], 2);
    assert_int_equal(row.ytd, 5);
    assert_int_equal(row.dot, HW_DOT_BETTER);
    assert_int_equal(row.rag, HW_RAG_GREEN);
    hw_instant as_at = f.now;
    f.now = local(2016, 7, 1, 0, 0) - 1; /* the last second of June */
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.dot, HW_DOT_BETTER);
    f.now = local(2016, 7, 1, 0, 0); /* June has ended */
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.dot, HW_DOT_WORSE);
    f.now = as_at;
    ind.target = 4; /* 5 is 25% over 4: red at 10%, amber at 25% */
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.rag, HW_RAG_RED);
    sc.tolerance = 2500;
    hw_sc_row_compute(&f, &sc, &ind, 2016, 3, &row);
    assert_int_equal(row.rag, HW_RAG_AMBER);

    /* Up to May only: April to May better for episodes (3 -> 0). */
    hw_sc_row_compute(&f, &sc, &ind, 2016, 2, &row);
    assert_int_equal(row.nmonths, 2);
    assert_int_equal(row.dot, HW_DOT_BETTER);
    assert_int_equal(row.ytd, 3);
    /* April alone: no direction of travel. */
    hw_sc_row_compute(&f, &sc, &ind, 2016, 1, &row);
    assert_int_equal(row.dot, HW_DOT_NONE);
    hw_afacts_free(&f);
}

static void test_builtin(void **state)
{
    (void)state;
    const struct hw_scorecard *sc = hw_scorecard_builtin();
    assert_int_equal(sc->tolerance, 1000);
    assert_true(sc->n >= 2);
    /* Seed 000's rows come first. */
    assert_string_equal(sc->items[0].priority, "P6");
    assert_int_equal(sc->items[0].measure, HW_SCM_RHI_OFFER_RATE_HOME);
    assert_int_equal(sc->items[0].polarity, HW_POL_HIGHER);
    assert_int_equal(sc->items[0].target, 10000);
    assert_int_equal(sc->items[1].measure, HW_SCM_RHI_OFFER_RATE_CARE);
    /* Every measure appears, with its own polarity. */
    for (int m = 0; m < HW_SCM_COUNT; m++) {
        bool found = false;
        for (size_t i = 0; i < sc->n; i++)
            if (sc->items[i].measure == m) {
                found = true;
                assert_int_equal(sc->items[i].polarity, hw_sc_measures[m].polarity);
            }
        assert_true(found);
        assert_int_equal(hw_sc_measure_find(hw_sc_measures[m].code), m);
    }
    assert_int_equal(hw_sc_measure_find("nope"), -1);
}

static const char good[] = "# our scorecard\n"
                           "tolerance = 5%\n"
                           "\n"
                           "[indicator]\n"
                           "priority = P6  # the board's priority\n"
                           "name = Children missing from home offered return interview %\n"
                           "measure = rhi_offer_rate_home\n"
                           "last_year = 76%\n"
                           "sn_average = 85.5\n"
                           "target = 100%\n"
                           "\n"
                           "[indicator]\n"
                           "name = Missing episodes\n"
                           "measure = missing_episodes\n"
                           "polarity = higher\n"
                           "target = 120\n"
                           "tolerance = 12.5%\n";

static void test_parse_ok(void **state)
{
    (void)state;
    struct hw_scorecard sc;
    struct hw_err err;
    assert_int_equal(hw_scorecard_parse(good, "sc.txt", &sc, &err), 0);
    assert_int_equal(sc.tolerance, 500);
    assert_int_equal(sc.n, 2);
    assert_string_equal(sc.items[0].priority, "P6");
    assert_string_equal(sc.items[0].name, "Children missing from home offered return interview %");
    assert_int_equal(sc.items[0].measure, HW_SCM_RHI_OFFER_RATE_HOME);
    assert_int_equal(sc.items[0].polarity, HW_POL_HIGHER);
    assert_int_equal(sc.items[0].last_year, 7600);
    assert_int_equal(sc.items[0].sn_average, 8550);
    assert_int_equal(sc.items[0].target, 10000);
    assert_int_equal(sc.items[0].tolerance, HW_SC_NONE);
    assert_string_equal(sc.items[1].priority, "");
    assert_int_equal(sc.items[1].measure, HW_SCM_MISSING_EPISODES);
    assert_int_equal(sc.items[1].polarity, HW_POL_HIGHER); /* the file's, over the measure's */
    assert_int_equal(sc.items[1].last_year, HW_SC_NONE);
    assert_int_equal(sc.items[1].target, 120);
    assert_int_equal(sc.items[1].tolerance, 1250);
}

static void expect_error(const char *text, const char *want)
{
    struct hw_scorecard sc;
    struct hw_err err;
    hw_scorecard_defaults(&sc);
    hw_err_clear(&err);
    assert_int_equal(hw_scorecard_parse(text, "sc.txt", &sc, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    if (strstr(err.msg, want) == NULL)
        fail_msg("expected '%s' in: %s", want, err.msg);
    /* Nothing changed. */
    assert_int_equal(sc.n, hw_scorecard_builtin()->n);
    assert_int_equal(sc.tolerance, 1000);
}

static void test_parse_errors(void **state)
{
    (void)state;
    expect_error("", "sc.txt: no indicators");
    expect_error("tolerance = 5%\n", "sc.txt: no indicators");
    expect_error("[indicator]\nname = A\nmeasure = children_missing\ncolour = red\n",
                 "sc.txt:4: unknown key 'colour'");
    expect_error("[indicator]\nname = A\nmeasure = children_lost\n",
                 "sc.txt:3: measure: 'children_lost': expected one of children_missing, ");
    expect_error("[indicator]\nname = A\n\n[indicator]\nname = B\nmeasure = missing_episodes\n",
                 "sc.txt:1: the indicator starting here has no measure");
    expect_error("[indicator]\nmeasure = missing_episodes\n",
                 "sc.txt:1: the indicator starting here has no name");
    expect_error("[indicator]\nname = A\nmeasure = missing_episodes\ntarget = 90%\n",
                 "sc.txt:4: target: '90%': missing_episodes is a count: expected a whole number");
    expect_error("[indicator]\ntarget = 12.5\nname = A\nmeasure = missing_episodes\n",
                 "sc.txt:2: target: '12.5': missing_episodes is a count");
    expect_error("[indicator]\nname = A\nmeasure = rhi_done_rate\nsn_average = 101%\n",
                 "sc.txt:4: sn_average: '101%': rhi_done_rate is a rate: expected a percentage");
    expect_error("[indicator]\nname = A\nmeasure = rhi_done_rate\nlast_year = 32.915%\n",
                 "sc.txt:4: last_year: '32.915%'");
    expect_error("[indicator]\nname = A\nmeasure = rhi_done_rate\nlast_year = -3\n",
                 "sc.txt:4: last_year: '-3'");
    expect_error("[indicator]\nname = A\nmeasure = rhi_done_rate\ntolerance = lots\n",
                 "sc.txt:4: tolerance: 'lots': expected a percentage of the target");
    expect_error("[indicator]\nname = A\nmeasure = rhi_done_rate\npolarity = up\n",
                 "sc.txt:4: polarity: 'up': expected higher");
    expect_error("[indicator]\nname = A\nname = B\nmeasure = rhi_done_rate\n",
                 "sc.txt:3: name is given twice in this indicator (first on line 2)");
    expect_error("name = A\n", "sc.txt:1: 'name' before the first [indicator]");
    expect_error("tolerance = 5%\ntolerance = 6%\n[indicator]\n",
                 "sc.txt:2: tolerance is given twice (first on line 1)");
    expect_error("tolerance = 200%\n", "sc.txt:1: tolerance: '200%'");
    expect_error("[indicators]\n", "sc.txt:1: '[indicators]': expected [indicator]");
    expect_error("[indicator]\njust words\n", "sc.txt:2: expected 'key = value'");
    expect_error("[indicator]\nname =\nmeasure = rhi_done_rate\n", "sc.txt:2: name has no value");
    char long_name[400];
    snprintf(long_name, sizeof long_name, "[indicator]\nmeasure = rhi_done_rate\nname = %0250d\n",
             0);
    expect_error(long_name, "sc.txt:3: name is longer than 200 bytes");
}

static void test_write_round_trip(void **state)
{
    (void)state;
    struct hw_scorecard a, b;
    struct hw_err err;
    struct hw_buf out = {0};
    assert_int_equal(hw_scorecard_parse(good, "sc.txt", &a, &err), 0);
    hw_scorecard_write(&a, &out);
    assert_int_equal(hw_scorecard_parse(out.data, "written", &b, &err), 0);
    assert_memory_equal(&a, &b, sizeof a);
    assert_non_null(strstr(out.data, "sn_average = 85.50%\n"));
    hw_buf_free(&out);

    /* The built-in scorecard too. */
    hw_scorecard_write(hw_scorecard_builtin(), &out);
    struct hw_scorecard *c = calloc(1, sizeof *c);
    if (hw_scorecard_parse(out.data, "builtin", c, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(c->n, hw_scorecard_builtin()->n);
    for (size_t i = 0; i < c->n; i++) {
        const struct hw_indicator *x = &c->items[i], *y = &hw_scorecard_builtin()->items[i];
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->priority, y->priority);
        assert_int_equal(x->measure, y->measure);
        assert_int_equal(x->polarity, y->polarity);
        assert_int_equal(x->target, y->target);
    }
    free(c);
    hw_buf_free(&out);
}

static void test_value_text(void **state)
{
    (void)state;
    char buf[32];
    hw_sc_value_text(HW_SCU_RATE, 3291, buf, sizeof buf);
    assert_string_equal(buf, "32.91%");
    hw_sc_value_text(HW_SCU_RATE, 9000, buf, sizeof buf);
    assert_string_equal(buf, "90%");
    hw_sc_value_text(HW_SCU_RATE, 5, buf, sizeof buf);
    assert_string_equal(buf, "0.05%");
    hw_sc_value_text(HW_SCU_COUNT, 12, buf, sizeof buf);
    assert_string_equal(buf, "12");
    hw_sc_value_text(HW_SCU_COUNT, HW_SC_NONE, buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_april),
        cmocka_unit_test(test_empty_month),
        cmocka_unit_test(test_june),
        cmocka_unit_test(test_year_to_date),
        cmocka_unit_test(test_timescale_boundary),
        cmocka_unit_test(test_dot),
        cmocka_unit_test(test_rag_boundaries),
        cmocka_unit_test(test_row),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_write_round_trip),
        cmocka_unit_test(test_value_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
