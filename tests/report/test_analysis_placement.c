/* test_analysis_placement.c - the analyses' first five sections
 * (report/analysis_placement.c) on hand-built facts.
 *
 * The facts cover 2015-16 and 2016-17; "now" is 20:00 on 2 April 2017.
 * Children (first episode ever in brackets):
 *   A (2014, before the window)   B (T4)   C (T6)   D (L3)   E (L4)
 *   F (T9)   G (2013)   H (T12, an absence)   J (L6)
 *   X and Y placed here by another council (T11, L5)
 *
 * 2015-16                                  placement        status
 *   L1  A  10 May 2015 14:00, 3h           home             CIN
 *   L2  A  10 Jun 2015 14:00, 3h           home             CIN
 *   L3  D   1 Sep 2015 10:00, 5h           council "Willows"   CLA
 *   L11 D  20 Sep 2015 10:00, 1h           council "Moorfields" CLA
 *   L5  Y   1 Jul 2015 (OLA)               home             CIN
 *   L6  J  11 Nov 2015, L7 12 Nov, L8 1 Dec  home           early help
 *   L9  J  10 Jan 2016, L10 10 Feb 2016    foster           CLA
 *   L4  E  31 Mar 2016 23:30 BST (March: last year)  foster  CLA
 * 2016-17
 *   T1  A   1 Apr 2016 00:30 BST (April: this year), 2.5h   home   CIN
 *   T2  A  15 May 22:00 to 16 May 11:00 (13h)   home        CPP  (A changes in Q1)
 *   T11 X   1 Jun (OLA)                         home        CIN
 *   T4  B   1 Jul 00:30 BST (Q2), 30h           independent "The Gables"  CLA
 *   T5  B  20 Jul, 1h                           independent "The Gables"  CLA
 *   T12 H   1 Aug, an absence                   foster      CLA
 *   T17 B  20 Aug, 1h                           independent "The Gables"  not recorded
 *   T13 E   5 Sep, 4h                           not recorded  not open
 *   T6  C  29 Oct 20:00 BST to 30 Oct 07:59 GMT (12h59m across the clock change)
 *                                               council "Willows"  CLA
 *   T3  A   2 Nov, 2h                           foster "Smith carers"  CLA
 *   T15 A  20 Nov, 2h                           home        CLA
 *   T7  D  31 Dec 23:59 (Q3), 50h               council "Coronation Avenue"  CLA
 *   T8  D   1 Jan 2017 00:00 (Q4), 2h           council "Willows"  CLA
 *   T16 E  15 Jan, 3h                           home        early help  (E changes across Q2-Q4)
 *   T14 D   1 Feb, 1h                           independent "Rowan House"  CLA
 *   T9  F  30 Mar 12:00 BST, still missing (80h at now)   home   not recorded
 *   T10 G  31 Mar 10:00 BST, still missing (58h at now)   supported "Hostel"  early help
 *
 * Every expected number below is worked out from this list by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/doccheck.h"
#include "support/testdb.h"

#include "core/domain.h"
#include "report/analysis.h"

#define EMPTY (-1000000000LL) /* an expected empty cell */

enum { MIS = HW_KIND_MISSING, ABS = HW_KIND_ABSENT };
enum { NR = 0 };

struct child_spec {
    const char *id;
    bool ola;
    const char *first_ever;
};

static const struct child_spec children[] = {
    {"A", false, "2014-06-01 10:00"}, {"B", false, "2016-07-01 00:30"},
    {"C", false, "2016-10-29 20:00"}, {"D", false, "2015-09-01 10:00"},
    {"E", false, "2016-03-31 23:30"}, {"F", false, "2017-03-30 12:00"},
    {"G", false, "2013-01-01 10:00"}, {"H", false, "2016-08-01 10:00"},
    {"J", false, "2015-11-11 10:00"}, {"X", true, "2016-06-01 10:00"},
    {"Y", true, "2015-07-01 10:00"},
};

struct ep_spec {
    const char *child, *id;
    int kind;
    const char *seen, *back; /* back NULL: still missing */
    int placement;
    const char *home;
    int status;
};

static const struct ep_spec episodes[] = {
    {"A", "L1", MIS, "2015-05-10 14:00", "2015-05-10 17:00", HW_PL_HOME, NULL, HW_CS_CIN},
    {"A", "L2", MIS, "2015-06-10 14:00", "2015-06-10 17:00", HW_PL_HOME, NULL, HW_CS_CIN},
    {"D", "L3", MIS, "2015-09-01 10:00", "2015-09-01 15:00", HW_PL_LA_HOME, "Willows", HW_CS_CLA},
    {"D", "L11", MIS, "2015-09-20 10:00", "2015-09-20 11:00", HW_PL_LA_HOME, "Moorfields",
     HW_CS_CLA},
    {"Y", "L5", MIS, "2015-07-01 10:00", "2015-07-01 11:00", HW_PL_HOME, NULL, HW_CS_CIN},
    {"J", "L6", MIS, "2015-11-11 10:00", "2015-11-11 11:00", HW_PL_HOME, NULL, HW_CS_EARLY_HELP},
    {"J", "L7", MIS, "2015-11-12 10:00", "2015-11-12 11:00", HW_PL_HOME, NULL, HW_CS_EARLY_HELP},
    {"J", "L8", MIS, "2015-12-01 10:00", "2015-12-01 11:00", HW_PL_HOME, NULL, HW_CS_EARLY_HELP},
    {"J", "L9", MIS, "2016-01-10 10:00", "2016-01-10 11:00", HW_PL_FOSTER, NULL, HW_CS_CLA},
    {"J", "L10", MIS, "2016-02-10 10:00", "2016-02-10 11:00", HW_PL_FOSTER, NULL, HW_CS_CLA},
    {"E", "L4", MIS, "2016-03-31 23:30", "2016-04-01 01:30", HW_PL_FOSTER, NULL, HW_CS_CLA},
    {"A", "T1", MIS, "2016-04-01 00:30", "2016-04-01 03:00", HW_PL_HOME, NULL, HW_CS_CIN},
    {"A", "T2", MIS, "2016-05-15 22:00", "2016-05-16 11:00", HW_PL_HOME, NULL, HW_CS_CPP},
    {"X", "T11", MIS, "2016-06-01 10:00", "2016-06-01 11:00", HW_PL_HOME, NULL, HW_CS_CIN},
    {"B", "T4", MIS, "2016-07-01 00:30", "2016-07-02 06:30", HW_PL_INDEPENDENT_HOME, "The Gables",
     HW_CS_CLA},
    {"B", "T5", MIS, "2016-07-20 10:00", "2016-07-20 11:00", HW_PL_INDEPENDENT_HOME, "The Gables",
     HW_CS_CLA},
    {"H", "T12", ABS, "2016-08-01 10:00", "2016-08-01 11:00", HW_PL_FOSTER, NULL, HW_CS_CLA},
    {"B", "T17", MIS, "2016-08-20 10:00", "2016-08-20 11:00", HW_PL_INDEPENDENT_HOME, "The Gables",
     NR},
    {"E", "T13", MIS, "2016-09-05 10:00", "2016-09-05 14:00", NR, NULL, HW_CS_NOT_OPEN},
    {"C", "T6", MIS, "2016-10-29 20:00", "2016-10-30 07:59", HW_PL_LA_HOME, "Willows", HW_CS_CLA},
    {"A", "T3", MIS, "2016-11-02 10:00", "2016-11-02 12:00", HW_PL_FOSTER, "Smith carers",
     HW_CS_CLA},
    {"A", "T15", MIS, "2016-11-20 10:00", "2016-11-20 12:00", HW_PL_HOME, NULL, HW_CS_CLA},
    {"D", "T7", MIS, "2016-12-31 23:59", "2017-01-03 01:59", HW_PL_LA_HOME, "Coronation Avenue",
     HW_CS_CLA},
    {"D", "T8", MIS, "2017-01-01 00:00", "2017-01-01 02:00", HW_PL_LA_HOME, "Willows", HW_CS_CLA},
    {"E", "T16", MIS, "2017-01-15 10:00", "2017-01-15 13:00", HW_PL_HOME, NULL, HW_CS_EARLY_HELP},
    {"D", "T14", MIS, "2017-02-01 10:00", "2017-02-01 11:00", HW_PL_INDEPENDENT_HOME, "Rowan House",
     HW_CS_CLA},
    {"F", "T9", MIS, "2017-03-30 12:00", NULL, HW_PL_HOME, NULL, NR},
    {"G", "T10", MIS, "2017-03-31 10:00", NULL, HW_PL_SUPPORTED, "Hostel", HW_CS_EARLY_HELP},
};

struct fixture {
    struct hw_afacts f;
    struct hw_period year, q1, q3;
    struct hw_doc d;
};

static size_t child_index(const char *id)
{
    for (size_t i = 0; i < sizeof children / sizeof children[0]; i++)
        if (strcmp(children[i].id, id) == 0)
            return i;
    fail_msg("no child %s", id);
    return 0;
}

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    assert_int_equal(hw_period_init(&fx->year, 2016, 0), 0);
    assert_int_equal(hw_period_init(&fx->q1, 2016, 1), 0);
    assert_int_equal(hw_period_init(&fx->q3, 2016, 3), 0);
    hw_afacts_init(&fx->f, fx->year.prev_from, fx->year.to, hw_test_local("2017-04-02 20:00"), 72);
    for (size_t i = 0; i < sizeof children / sizeof children[0]; i++) {
        struct hw_achild c = {.id = (char *)children[i].id,
                              .ola = children[i].ola,
                              .first_ever = hw_test_local(children[i].first_ever)};
        assert_int_equal(hw_afacts_add_child(&fx->f, &c), i);
    }
    for (size_t i = 0; i < sizeof episodes / sizeof episodes[0]; i++) {
        const struct ep_spec *e = &episodes[i];
        struct hw_afact a = {.child = child_index(e->child),
                             .episode_id = e->id,
                             .kind = e->kind,
                             .last_seen = hw_test_local(e->seen),
                             .returned = e->back ? hw_test_local(e->back) : HW_NO_TIME,
                             .placement = e->placement,
                             .home = e->home,
                             .case_status = e->status,
                             .rhi_completed = HW_NO_TIME};
        hw_afacts_add(&fx->f, &a);
    }
    hw_afacts_finish(&fx->f);
    hw_doc_init(&fx->d, "Analysis", "Council", "2016-17", 0);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    hw_doc_free(&fx->d);
    hw_afacts_free(&fx->f);
    free(fx);
    return 0;
}

/* Checks the numbers of one row, column by column (EMPTY: an empty cell). */
static void check_row(const struct hw_doc *d, const char *section, const char *table,
                      const char *row, const char *const *cols, const long long *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct hw_cell *c = hw_test_cell(d, section, table, row, cols[i]);
        if (c == NULL)
            fail_msg("%s/%s: no cell at row '%s', column %s", section, table, row, cols[i]);
        if (want[i] == EMPTY) {
            if (c->kind != HW_CELL_EMPTY)
                fail_msg("%s/%s '%s' %s: expected empty, got %lld", section, table, row, cols[i],
                         c->n);
        } else if ((c->kind != HW_CELL_INT && c->kind != HW_CELL_PERCENT) || c->n != want[i]) {
            fail_msg("%s/%s '%s' %s: expected %lld, got %lld (kind %d)", section, table, row,
                     cols[i], want[i], c->n, (int)c->kind);
        }
    }
}

static const char *row_label(const struct hw_doc_table *t, size_t r)
{
    const struct hw_cell *c = &t->cells[r * t->ncols];
    assert_int_equal(c->kind, HW_CELL_TEXT);
    return c->text;
}

static const char *const change_cols[8] = {
    "individuals", "individuals_last_year", "individuals_change", "individuals_change_pct",
    "episodes",    "episodes_last_year",    "episodes_change",    "episodes_change_pct"};

/* ---- placement ---- */

static void test_placement_year(void **state)
{
    struct fixture *fx = *state;
    struct hw_analysis_opts o = {0};
    assert_int_equal(hw_section_placement(&fx->d, &fx->f, &fx->year, &o, NULL), 0);
    static const struct {
        const char *row;
        long long v[8];
    } want[] = {
        /* A, E, F against A, J; 5 episodes each year. */
        {"Family home", {3, 2, 1, 5000, 5, 5, 0, 0}},
        /* C, D against D (Willows, Moorfields). */
        {"Council children's home", {2, 1, 1, 10000, 3, 2, 1, 5000}},
        /* A against E, J: fewer, and -66.67% episodes. */
        {"Foster care", {1, 2, -1, -5000, 1, 3, -2, -6667}},
        /* B, D against none: no percentage. */
        {"Independent children's home", {2, 0, 2, EMPTY, 4, 0, 4, EMPTY}},
        {"Supported accommodation", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"Other setting", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        {"Not recorded", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        /* A-G once each (A and D count in two rows) against A, D, E, J;
         * not X, Y (OLA) nor H (an absence). */
        {"Total", {7, 4, 3, 7500, 15, 10, 5, 5000}},
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "placement", "by_placement");
    assert_non_null(t);
    assert_int_equal(t->nrows, 8);
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        check_row(&fx->d, "placement", "by_placement", want[i].row, change_cols, want[i].v, 8);
    }
    const struct hw_doc_section *s = hw_test_section(&fx->d, "placement");
    assert_string_equal(s->title, "Where children went missing from");
    assert_non_null(strstr(s->intro, "other councils are not counted"));
    assert_non_null(strstr(s->intro, "last seen"));
    assert_int_equal(s->ncharts, 1);
    assert_int_equal(s->charts[0].kind, HW_CHART_BAR);
    assert_int_equal(s->charts[0].nseries, 2);
    assert_string_equal(t->col_ids[s->charts[0].series[0]], "episodes");
    assert_string_equal(t->col_ids[s->charts[0].series[1]], "episodes_last_year");
    /* The Total row is in the table, not in the chart. */
    assert_int_equal(s->charts[0].rows, t->nrows - 1);
}

static void test_placement_homes(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_placement(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "placement", "by_home");
    assert_non_null(t);
    /* Most episodes first; Coronation Avenue and Rowan House tie on 1 and
     * go by name; Moorfields had episodes only last year. Foster carers
     * ("Smith carers") and supported accommodation ("Hostel") are not
     * homes. */
    static const struct {
        const char *row, *type;
        long long v[8];
    } want[] = {
        {"The Gables", "Independent children's home", {1, 0, 1, EMPTY, 3, 0, 3, EMPTY}},
        {"Willows", "Council children's home", {2, 1, 1, 10000, 2, 1, 1, 10000}},
        {"Coronation Avenue", "Council children's home", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"Rowan House", "Independent children's home", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"Moorfields", "Council children's home", {0, 1, -1, -10000, 0, 1, -1, -10000}},
    };
    assert_int_equal(t->nrows, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        const struct hw_cell *type =
            hw_test_cell(&fx->d, "placement", "by_home", want[i].row, "type");
        assert_non_null(type);
        assert_string_equal(type->text, want[i].type);
        check_row(&fx->d, "placement", "by_home", want[i].row, change_cols, want[i].v, 8);
    }
    assert_null(hw_test_cell(&fx->d, "placement", "by_home", "Other homes", "episodes"));
}

static void test_placement_homes_top(void **state)
{
    struct fixture *fx = *state;
    struct hw_analysis_opts o = {.top = 2};
    assert_int_equal(hw_section_placement(&fx->d, &fx->f, &fx->year, &o, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "placement", "by_home");
    assert_int_equal(t->nrows, 3);
    assert_string_equal(row_label(t, 0), "The Gables");
    assert_string_equal(row_label(t, 1), "Willows");
    assert_string_equal(row_label(t, 2), "Other homes");
    /* Coronation Avenue, Rowan House (both D) and Moorfields (D last
     * year): 2 episodes against 1, one child each year. */
    static const long long other[8] = {1, 1, 0, 0, 2, 1, 1, 10000};
    check_row(&fx->d, "placement", "by_home", "Other homes", change_cols, other, 8);
    const struct hw_cell *type =
        hw_test_cell(&fx->d, "placement", "by_home", "Other homes", "type");
    assert_int_equal(type->kind, HW_CELL_EMPTY);
}

static void test_placement_quarter(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_placement(&fx->d, &fx->f, &fx->q3, NULL, NULL), 0);
    /* Q3 2016-17 (C, A twice, D) against Q3 2015-16 (J three times). */
    static const long long home[8] = {1, 1, 0, 0, 1, 3, -2, -6667};
    static const long long la[8] = {2, 0, 2, EMPTY, 2, 0, 2, EMPTY};
    static const long long total[8] = {3, 1, 2, 20000, 4, 3, 1, 3333};
    check_row(&fx->d, "placement", "by_placement", "Family home", change_cols, home, 8);
    check_row(&fx->d, "placement", "by_placement", "Council children's home", change_cols, la, 8);
    check_row(&fx->d, "placement", "by_placement", "Total", change_cols, total, 8);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "placement", "by_home");
    assert_int_equal(t->nrows, 2); /* Willows (C), Coronation Avenue (D) */
    assert_string_equal(row_label(t, 0), "Coronation Avenue");
    assert_string_equal(row_label(t, 1), "Willows");
    assert_string_equal(t->col_titles[2], "Individuals 2016-17 Q3");
}

/* ---- monthly ---- */

static const char *const month_cols[7] = {"home_individuals",  "home_episodes", "care_individuals",
                                          "care_episodes",     "individuals",   "episodes",
                                          "episodes_last_year"};

static void test_monthly_year(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_monthly(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    static const struct {
        const char *row;
        long long v[7];
    } want[] = {
        {"Apr 2016", {1, 1, 0, 0, 1, 1, 0}}, /* T1 at 00:30 BST on 1 April */
        {"May 2016", {1, 1, 0, 0, 1, 1, 1}},
        {"Jun 2016", {0, 0, 0, 0, 0, 0, 1}}, /* only X (OLA) */
        {"Jul 2016", {0, 0, 1, 2, 1, 2, 0}}, /* T4 at 00:30 BST on 1 July; Y (OLA) last year */
        {"Aug 2016", {0, 0, 1, 1, 1, 1, 0}}, /* not H's absence */
        {"Sep 2016", {0, 0, 0, 0, 1, 1, 2}}, /* no placement recorded: totals only */
        {"Oct 2016", {0, 0, 1, 1, 1, 1, 0}},
        {"Nov 2016", {1, 1, 1, 1, 1, 2, 2}}, /* A from foster care and from home */
        {"Dec 2016", {0, 0, 1, 1, 1, 1, 1}}, /* T7 at 23:59 on 31 December */
        {"Jan 2017", {1, 1, 1, 1, 2, 2, 1}},
        {"Feb 2017", {0, 0, 1, 1, 1, 1, 1}},
        {"Mar 2017", {1, 1, 1, 1, 2, 2, 1}}, /* last year: L4 at 23:30 BST on 31 March */
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "monthly", "by_month");
    assert_non_null(t);
    assert_int_equal(t->nrows, 12);
    for (size_t i = 0; i < 12; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        check_row(&fx->d, "monthly", "by_month", want[i].row, month_cols, want[i].v, 7);
    }
    /* By type: November A in foster care and at home; March F home, G supported. */
    static const char *const types[7] = {"home",      "la_home", "foster",      "independent_home",
                                         "supported", "other",   "not_recorded"};
    static const long long nov[7] = {1, 0, 1, 0, 0, 0, 0};
    static const long long jul_eps[7] = {0, 0, 0, 2, 0, 0, 0};
    static const long long sep_eps[7] = {0, 0, 0, 0, 0, 0, 1};
    check_row(&fx->d, "monthly", "individuals_by_type", "Nov 2016", types, nov, 7);
    check_row(&fx->d, "monthly", "episodes_by_type", "Jul 2016", types, jul_eps, 7);
    check_row(&fx->d, "monthly", "episodes_by_type", "Sep 2016", types, sep_eps, 7);
    const struct hw_doc_section *s = hw_test_section(&fx->d, "monthly");
    assert_string_equal(s->title, "Month by month");
    assert_int_equal(s->ncharts, 3);
    assert_int_equal(s->charts[0].kind, HW_CHART_LINE);
}

static void test_monthly_quarter(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_monthly(&fx->d, &fx->f, &fx->q3, NULL, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "monthly", "by_month");
    assert_int_equal(t->nrows, 3);
    assert_string_equal(row_label(t, 0), "Oct 2016");
    assert_string_equal(row_label(t, 2), "Dec 2016");
    static const long long nov[7] = {1, 1, 1, 1, 1, 2, 2};
    check_row(&fx->d, "monthly", "by_month", "Nov 2016", month_cols, nov, 7);
}

/* ---- case status ---- */

static const char *const q4_cols[5] = {"q1", "q2", "q3", "q4", "total"};

static void test_case_status_year(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_case_status(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    static const struct {
        const char *row;
        long long v[5];
    } want[] = {
        {"Not open to children's services", {0, 1, 0, 0, 1}}, /* E */
        {"Early help", {0, 0, 0, 2, 2}},                      /* E, G */
        {"Child in need", {1, 0, 0, 0, 1}},                   /* A; not X (OLA) */
        {"Child protection plan", {1, 0, 0, 0, 1}},           /* A again in Q1 */
        {"Child looked after", {0, 1, 3, 1, 4}},              /* not H's absence */
        {"Not recorded", {0, 1, 0, 1, 2}},                    /* B, F */
        {"All children", {1, 2, 3, 4, 7}},
        /* A (CIN, CPP in Q1; CLA later), E (not open, then early help);
         * not B (CLA and not recorded). */
        {"Children who changed status", {1, 0, 0, 0, 2}},
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "case_status", "by_quarter");
    assert_non_null(t);
    assert_int_equal(t->nrows, 8);
    assert_int_equal(t->ncols, 6);
    assert_string_equal(t->col_titles[5], "2016-17");
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        check_row(&fx->d, "case_status", "by_quarter", want[i].row, q4_cols, want[i].v, 5);
    }
}

static void test_case_status_quarter(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_case_status(&fx->d, &fx->f, &fx->q3, NULL, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "case_status", "by_quarter");
    assert_int_equal(t->ncols, 5); /* status, q1-q3, the year to date */
    assert_string_equal(t->col_titles[4], "2016-17 to Q3");
    assert_null(hw_test_cell(&fx->d, "case_status", "by_quarter", "All children", "q4"));
    static const long long cla[4] = {0, 1, 3, 4};
    static const long long all[4] = {1, 2, 3, 5};
    static const long long changed[4] = {1, 0, 0, 1}; /* E's change is in Q4 */
    check_row(&fx->d, "case_status", "by_quarter", "Child looked after", q4_cols, cla, 3);
    check_row(&fx->d, "case_status", "by_quarter", "Child looked after", (const char *[]){"total"},
              &cla[3], 1);
    check_row(&fx->d, "case_status", "by_quarter", "All children", q4_cols, all, 3);
    check_row(&fx->d, "case_status", "by_quarter", "All children", (const char *[]){"total"},
              &all[3], 1);
    check_row(&fx->d, "case_status", "by_quarter", "Children who changed status", q4_cols, changed,
              3);
    check_row(&fx->d, "case_status", "by_quarter", "Children who changed status",
              (const char *[]){"total"}, &changed[3], 1);
}

/* ---- duration ---- */

static void test_duration_year(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_duration(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    static const struct {
        const char *row;
        long long v[5];
    } want[] = {
        {"0-12h", {1, 3, 2, 3, 9}},
        /* T2; T6, 11h59m by the clock but 12h59m across the clock change. */
        {"12-24h", {1, 0, 1, 0, 2}},
        {"24-48h", {0, 1, 0, 0, 1}}, /* T4 */
        /* T7 over New Year; T10 still missing, 58 hours at now. */
        {"48-72h", {0, 0, 1, 1, 2}},
        {"72h+", {0, 0, 0, 1, 1}}, /* T9 still missing, 80 hours at now */
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "duration", "by_quarter");
    assert_non_null(t);
    assert_int_equal(t->nrows, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        check_row(&fx->d, "duration", "by_quarter", want[i].row, q4_cols, want[i].v, 5);
    }
    assert_non_null(strstr(t->note, "2 episodes still missing at 2017-04-02 20:00"));
    const struct hw_doc_section *s = hw_test_section(&fx->d, "duration");
    assert_int_equal(s->ncharts, 1);
    assert_int_equal(s->charts[0].nseries, 4);
}

static void test_duration_still_missing_now(void **state)
{
    struct fixture *fx = *state;
    /* A day later T10 has been missing 82 hours: 72h+ with T9. */
    fx->f.now += HW_DAY;
    assert_int_equal(hw_section_duration(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    assert_int_equal(hw_test_num(&fx->d, "duration", "by_quarter", "72h+", "q4"), 2);
    assert_int_equal(hw_test_num(&fx->d, "duration", "by_quarter", "48-72h", "q4"), 0);
}

static void test_duration_quarter(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_duration(&fx->d, &fx->f, &fx->q1, NULL, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "duration", "by_quarter");
    assert_int_equal(t->ncols, 3); /* band, q1, the year to date */
    assert_int_equal(hw_test_num(&fx->d, "duration", "by_quarter", "0-12h", "q1"), 1);
    assert_int_equal(hw_test_num(&fx->d, "duration", "by_quarter", "12-24h", "total"), 1);
    assert_null(hw_test_cell(&fx->d, "duration", "by_quarter", "0-12h", "q2"));
}

/* ---- first ever ---- */

static void test_first_ever(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_first_ever(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    /* This year F (home), C (council home), B (independent); not A or G
     * (first episodes before the window), not X (OLA), not H (an absence).
     * Last year J (home), D (council home), E (foster, 23:30 BST on 31
     * March 2016); not Y (OLA). */
    static const char *const cols[4] = {"individuals", "individuals_last_year",
                                        "individuals_change", "individuals_change_pct"};
    static const struct {
        const char *row;
        long long v[4], q[5];
    } want[] = {
        {"Family home", {1, 1, 0, 0}, {0, 0, 0, 1, 1}},
        {"Council children's home", {1, 1, 0, 0}, {0, 0, 1, 0, 1}},
        {"Foster care", {0, 1, -1, -10000}, {0, 0, 0, 0, 0}},
        {"Independent children's home", {1, 0, 1, EMPTY}, {0, 1, 0, 0, 1}},
        {"Supported accommodation", {0, 0, 0, EMPTY}, {0, 0, 0, 0, 0}},
        {"Other setting", {0, 0, 0, EMPTY}, {0, 0, 0, 0, 0}},
        {"Not recorded", {0, 0, 0, EMPTY}, {0, 0, 0, 0, 0}},
        {"Total", {3, 3, 0, 0}, {0, 1, 1, 1, 3}},
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "first_ever", "by_placement");
    const struct hw_doc_table *tq = hw_test_table(&fx->d, "first_ever", "by_quarter");
    assert_non_null(t);
    assert_non_null(tq);
    assert_int_equal(t->nrows, 8);
    assert_int_equal(tq->nrows, 8);
    for (size_t i = 0; i < 8; i++) {
        assert_string_equal(row_label(t, i), want[i].row);
        assert_string_equal(row_label(tq, i), want[i].row);
        check_row(&fx->d, "first_ever", "by_placement", want[i].row, cols, want[i].v, 4);
        check_row(&fx->d, "first_ever", "by_quarter", want[i].row, q4_cols, want[i].q, 5);
    }
    assert_non_null(strstr(t->note, "however long ago"));
}

/* ---- every section ---- */

typedef int (*section_fn)(struct hw_doc *, const struct hw_afacts *, const struct hw_period *,
                          const struct hw_analysis_opts *, struct hw_err *);

static const struct {
    const char *id, *title;
    section_fn fn;
} sections[] = {
    {"placement", "Where children went missing from", hw_section_placement},
    {"monthly", "Month by month", hw_section_monthly},
    {"case_status", "Children by case status", hw_section_case_status},
    {"duration", "How long children were missing", hw_section_duration},
    {"first_ever", "Children missing for the first time", hw_section_first_ever},
};

/* One section each, in order, with its id and title; every row of every
 * table starts with its label as text; charts name columns that exist. */
static void check_shape(const struct hw_doc *d)
{
    assert_int_equal(d->nsections, 5);
    for (size_t i = 0; i < 5; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        assert_string_equal(s->id, sections[i].id);
        assert_string_equal(s->title, sections[i].title);
        assert_non_null(s->intro);
        assert_non_null(strstr(s->intro, "other councils"));
        assert_true(s->ntables >= 1);
        for (size_t k = 0; k < s->ntables; k++) {
            const struct hw_doc_table *t = &s->tables[k];
            for (size_t r = 0; r < t->nrows; r++)
                assert_int_equal(t->cells[r * t->ncols].kind, HW_CELL_TEXT);
            for (size_t c = 1; c < t->ncols; c++)
                for (size_t r = 0; r < t->nrows; r++) {
                    int kind = t->cells[r * t->ncols + c].kind;
                    if (strcmp(t->col_ids[c], "type") != 0)
                        assert_true(kind == HW_CELL_INT || kind == HW_CELL_PERCENT ||
                                    kind == HW_CELL_EMPTY);
                }
        }
        for (size_t k = 0; k < s->ncharts; k++) {
            const struct hw_doc_chart *ch = &s->charts[k];
            assert_true(ch->table < s->ntables);
            for (size_t j = 0; j < ch->nseries; j++)
                assert_true(ch->series[j] > 0 && ch->series[j] < s->tables[ch->table].ncols);
        }
    }
}

static void test_every_section(void **state)
{
    struct fixture *fx = *state;
    struct hw_err err;
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(sections[i].fn(&fx->d, &fx->f, &fx->q3, NULL, &err), 0);
    check_shape(&fx->d);
}

/* No episodes at all: every section still lays out its tables, with
 * zeros and empty percentages. */
static void test_empty_facts(void **state)
{
    (void)state;
    struct hw_afacts f;
    struct hw_period p;
    struct hw_doc d;
    assert_int_equal(hw_period_init(&p, 2016, 0), 0);
    hw_afacts_init(&f, p.prev_from, p.to, p.to, 72);
    hw_afacts_finish(&f);
    hw_doc_init(&d, "Analysis", "Council", p.label, 0);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(sections[i].fn(&d, &f, &p, NULL, NULL), 0);
    check_shape(&d);
    static const long long zero[8] = {0, 0, 0, EMPTY, 0, 0, 0, EMPTY};
    check_row(&d, "placement", "by_placement", "Total", change_cols, zero, 8);
    assert_int_equal(hw_test_table(&d, "placement", "by_home")->nrows, 0);
    assert_int_equal(hw_test_table(&d, "monthly", "by_month")->nrows, 12);
    assert_int_equal(hw_test_num(&d, "duration", "by_quarter", "72h+", "total"), 0);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* 10,000 episodes last year and 9,999 this year: a change of -0.01%, which
 * must not be taken for "no rate" (HW_NO_RATE is -1). */
static void test_change_of_one_hundredth(void **state)
{
    (void)state;
    struct hw_afacts f;
    struct hw_period p;
    struct hw_doc d;
    assert_int_equal(hw_period_init(&p, 2016, 0), 0);
    hw_afacts_init(&f, p.prev_from, p.to, p.to, 72);
    struct hw_achild c = {.id = "K", .first_ever = p.prev_from};
    hw_afacts_add_child(&f, &c);
    for (int i = 0; i < 19999; i++) {
        hw_instant from = i < 10000 ? p.prev_from : p.from;
        int k = i < 10000 ? i : i - 10000;
        struct hw_afact a = {.child = 0,
                             .kind = HW_KIND_MISSING,
                             .last_seen = from + (hw_instant)k * 30 * HW_MINUTE,
                             .returned = from + (hw_instant)k * 30 * HW_MINUTE + HW_MINUTE,
                             .placement = HW_PL_HOME,
                             .rhi_completed = HW_NO_TIME};
        hw_afacts_add(&f, &a);
    }
    hw_afacts_finish(&f);
    hw_doc_init(&d, "Analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_placement(&d, &f, &p, NULL, NULL), 0);
    static const long long want[8] = {1, 1, 0, 0, 9999, 10000, -1, -1};
    check_row(&d, "placement", "by_placement", "Family home", change_cols, want, 8);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_placement_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_placement_homes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_placement_homes_top, setup, teardown),
        cmocka_unit_test_setup_teardown(test_placement_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_monthly_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_monthly_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_status_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_case_status_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duration_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duration_still_missing_now, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duration_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_ever, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_section, setup, teardown),
        cmocka_unit_test(test_empty_facts),
        cmocka_unit_test(test_change_of_one_hundredth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
