/* test_analysis_who.c - who goes missing (report/analysis_who.c): the
 * sections by age, gender, ethnicity and school on hand-built facts.
 *
 * The facts cover 2015-16 and 2016-17; "now" is 12:00 on 2 April 2017.
 * Children (date of birth; gender; ethnicity; school):
 *   A  15 Jul 2006   "Female"  "White British"        "Northgate Academy"
 *   B  10 Jun 1999   "female"  "Black British"        "Kingsmead School"
 *   D  not recorded  none      "  white   british "   none
 *   E   1 Jan 2000   "Male"    "Mixed"                "northgate  academy"
 *   F   1 Jan 2016   "Male"    none                   none
 *   G   5 May 2013   "Female"  "Mixed"                "Brookfield School"
 *   H   1 Jan 2017   " male"   "Asian British"        "Brookfield School"  (born after H1)
 *   J   1 Apr 1998   "Male"    "Asian British"        "Kingsmead School"
 *   X   1 Jan 2003   "Female"  "White British"        "Northgate Academy"  (placed by another
 * council)
 *
 * 2015-16
 *   B3  B   1 Jun 2015                 15
 *   J1  J   1 Nov 2015                 17
 *   J2  J  31 Mar 2016 23:30 BST       17 (31 March in London: last year)
 * 2016-17
 *   G1  G   1 Apr 2016 00:30 BST        2 (April: this year)
 *   E1  E   1 May 2016                 16
 *   E2  E   2 May 2016, an absence     16
 *   F1  F   1 Jun 2016                  0
 *   B1  B   9 Jun 2016 23:30 UTC       17: 00:30 BST on 10 June, the 17th birthday
 *   A1  A  14 Jul 2016 10:00            9: the day before the 10th birthday
 *   A2  A  15 Jul 2016 09:00           10: the birthday
 *   X1  X   1 Aug 2016 (another council's child)
 *   D1  D   1 Sep 2016                 no date of birth
 *   E3  E   1 Oct 2016                 16
 *   B2  B   1 Dec 2016                 17
 *   H1  H  31 Dec 2016                 born the day after: not recorded
 *   G2  G   1 Feb 2017, an absence
 *
 * Missing episodes of own children: 10 in 2016-17 by 7 children (A, B, D,
 * E, F, G, H), 3 in 2015-16 by 2 (B, J). Every expected number below is
 * worked out from this list by hand.
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
#include "report/publish.h"

#define EMPTY (-1000000000LL) /* an expected empty cell */
#define SUPP  (-1000000001LL) /* an expected withheld cell ("c") */

enum { MIS = HW_KIND_MISSING, ABS = HW_KIND_ABSENT };

struct child_spec {
    const char *id, *dob, *gender, *ethnicity, *school;
    bool ola;
};

static const struct child_spec children[] = {
    {"A", "2006-07-15", "Female", "White British", "Northgate Academy", false},
    {"B", "1999-06-10", "female", "Black British", "Kingsmead School", false},
    {"D", NULL, NULL, "  white   british ", NULL, false},
    {"E", "2000-01-01", "Male", "Mixed", "northgate  academy", false},
    {"F", "2016-01-01", "Male", NULL, NULL, false},
    {"G", "2013-05-05", "Female", "Mixed", "Brookfield School", false},
    {"H", "2017-01-01", " male", "Asian British", "Brookfield School", false},
    {"J", "1998-04-01", "Male", "Asian British", "Kingsmead School", false},
    {"X", "2003-01-01", "Female", "White British", "Northgate Academy", true},
};

struct ep_spec {
    const char *child, *id;
    int kind;
    const char *seen; /* UK local time */
};

static const struct ep_spec episodes[] = {
    {"B", "B3", MIS, "2015-06-01 10:00"}, {"J", "J1", MIS, "2015-11-01 10:00"},
    {"J", "J2", MIS, "2016-03-31 23:30"}, {"G", "G1", MIS, "2016-04-01 00:30"},
    {"E", "E1", MIS, "2016-05-01 10:00"}, {"E", "E2", ABS, "2016-05-02 10:00"},
    {"F", "F1", MIS, "2016-06-01 10:00"}, {"A", "A1", MIS, "2016-07-14 10:00"},
    {"A", "A2", MIS, "2016-07-15 09:00"}, {"X", "X1", MIS, "2016-08-01 10:00"},
    {"D", "D1", MIS, "2016-09-01 10:00"}, {"E", "E3", MIS, "2016-10-01 10:00"},
    {"B", "B2", MIS, "2016-12-01 10:00"}, {"H", "H1", MIS, "2016-12-31 10:00"},
    {"G", "G2", ABS, "2017-02-01 10:00"},
};

struct fixture {
    struct hw_afacts f;
    struct hw_period year, q1;
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
    hw_afacts_init(&fx->f, fx->year.prev_from, fx->year.to, hw_test_local("2017-04-02 12:00"), 72);
    for (size_t i = 0; i < sizeof children / sizeof children[0]; i++) {
        const struct child_spec *c = &children[i];
        hw_date dob = HW_NO_DATE;
        if (c->dob)
            assert_int_equal(hw_parse_date(c->dob, &dob), 0);
        struct hw_achild a = {.id = (char *)c->id,
                              .ola = c->ola,
                              .first_ever = HW_NO_TIME,
                              .dob = dob,
                              .gender = (char *)c->gender,
                              .ethnicity = (char *)c->ethnicity,
                              .school = (char *)c->school};
        assert_int_equal(hw_afacts_add_child(&fx->f, &a), i);
    }
    for (size_t i = 0; i < sizeof episodes / sizeof episodes[0]; i++) {
        const struct ep_spec *e = &episodes[i];
        hw_instant seen = hw_test_local(e->seen);
        struct hw_afact a = {.child = child_index(e->child),
                             .episode_id = e->id,
                             .kind = e->kind,
                             .last_seen = seen,
                             .returned = seen + HW_HOUR,
                             .rhi_completed = HW_NO_TIME};
        hw_afacts_add(&fx->f, &a);
    }
    /* B1, given in UTC: 23:30 UTC on 9 June 2016, the eve of B's 17th birthday by the
     * UTC date, but 00:30 BST on the birthday in London. */
    hw_instant b1 = (hw_instant)hw_date_from_ymd(2016, 6, 9) * HW_DAY + 23 * HW_HOUR + 30 * 60;
    assert_true(b1 == hw_test_local("2016-06-10 00:30"));
    hw_afacts_add(&fx->f, &(struct hw_afact){.child = child_index("B"),
                                             .episode_id = "B1",
                                             .kind = MIS,
                                             .last_seen = b1,
                                             .returned = b1 + HW_HOUR,
                                             .rhi_completed = HW_NO_TIME});
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

/* The labels of a table's rows, in order, as one string "a|b|c". */
static char *labels(const struct hw_doc_table *t)
{
    struct hw_buf b = {0};
    hw_buf_puts(&b, "");
    for (size_t r = 0; r < t->nrows; r++) {
        const struct hw_cell *c = &t->cells[r * t->ncols];
        assert_int_equal(c->kind, HW_CELL_TEXT);
        hw_buf_printf(&b, "%s%s", r ? "|" : "", c->text);
    }
    return hw_buf_take(&b);
}

static void check_labels(const struct hw_doc *d, const char *section, const char *table,
                         const char *want)
{
    const struct hw_doc_table *t = hw_test_table(d, section, table);
    if (t == NULL)
        fail_msg("no table %s/%s", section, table);
    char *got = labels(t);
    if (strcmp(got, want) != 0)
        fail_msg("%s/%s rows: expected %s, got %s", section, table, want, got);
    free(got);
}

/* Checks the numbers of one row, column by column. */
static void check_row(const struct hw_doc *d, const char *section, const char *table,
                      const char *row, const char *const *cols, const long long *want, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct hw_cell *c = hw_test_cell(d, section, table, row, cols[i]);
        if (c == NULL)
            fail_msg("%s/%s: no cell at row '%s', column %s", section, table, row, cols[i]);
        if (want[i] == EMPTY) {
            if (c->kind != HW_CELL_EMPTY)
                fail_msg("%s/%s '%s' %s: expected empty, got %lld (kind %d)", section, table, row,
                         cols[i], c->n, (int)c->kind);
        } else if (want[i] == SUPP) {
            if (c->kind != HW_CELL_SUPPRESSED || c->n != 0)
                fail_msg("%s/%s '%s' %s: expected c, got %lld (kind %d)", section, table, row,
                         cols[i], c->n, (int)c->kind);
        } else if ((c->kind != HW_CELL_INT && c->kind != HW_CELL_PERCENT) || c->n != want[i]) {
            fail_msg("%s/%s '%s' %s: expected %lld, got %lld (kind %d)", section, table, row,
                     cols[i], want[i], c->n, (int)c->kind);
        }
    }
}

static const char *const change_cols[8] = {
    "individuals", "individuals_last_year", "individuals_change", "individuals_change_pct",
    "episodes",    "episodes_last_year",    "episodes_change",    "episodes_change_pct"};

struct want_row {
    const char *row;
    long long v[8];
};

static void check_rows(const struct hw_doc *d, const char *section, const char *table,
                       const struct want_row *want, size_t n, const char *const *cols, size_t ncols)
{
    const struct hw_doc_table *t = hw_test_table(d, section, table);
    assert_non_null(t);
    assert_int_equal(t->nrows, n);
    for (size_t i = 0; i < n; i++)
        check_row(d, section, table, want[i].row, cols, want[i].v, ncols);
}

/* ---- age ---- */

static void test_age_bands(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_age(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    check_labels(&fx->d, "age", "by_band",
                 "Under 1|1 to 4|5 to 9|10 to 15|16 and over|Not recorded|Total");
    static const struct want_row want[] = {
        /* F, aged 0. */
        {"Under 1", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        /* G, aged 2 on 1 April (5 May birthday not reached). */
        {"1 to 4", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        /* A at A1, the day before the 10th birthday: A counts here. */
        {"5 to 9", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        /* A2 on the birthday (A is counted once, at 9); last year B at 15. */
        {"10 to 15", {0, 1, -1, -10000, 1, 1, 0, 0}},
        /* E (E1, E3 at 16), B (B1 at 17 on the birthday, B2); last year J
         * (J1, J2 at 17). E2 is an absence. */
        {"16 and over", {2, 1, 1, 10000, 4, 2, 2, 10000}},
        /* D (no date of birth), H (born the day after H1). */
        {"Not recorded", {2, 0, 2, EMPTY, 2, 0, 2, EMPTY}},
        /* Not X (another council's child); 10 / 3 episodes: +233.33%. */
        {"Total", {7, 2, 5, 25000, 10, 3, 7, 23333}},
    };
    check_rows(&fx->d, "age", "by_band", want, 7, change_cols, 8);
    const struct hw_doc_section *s = hw_test_section(&fx->d, "age");
    assert_string_equal(s->title, "Children missing by age");
    assert_non_null(strstr(s->intro, "first episode of the period"));
    assert_non_null(strstr(s->intro, "other councils are not counted"));
    /* Charts: individuals by band, not the Total; episodes by year. */
    assert_int_equal(s->ncharts, 2);
    assert_int_equal(s->charts[0].rows, 6);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "age", "by_band");
    assert_string_equal(t->col_ids[s->charts[0].series[0]], "individuals");
    assert_string_equal(t->col_ids[s->charts[0].series[1]], "individuals_last_year");
    /* The Total row is declared the total of the others (for publication). */
    assert_int_equal(t->ntotals, 1);
    assert_false(t->totals[0].across);
    assert_int_equal(t->totals[0].total, 6);
    assert_int_equal(t->totals[0].nparts, 6);
}

static void test_age_years(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_age(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    check_labels(&fx->d, "age", "by_year",
                 "Under 10|10|11|12|13|14|15|16|17|18 and over|Not recorded|Total");
    static const struct want_row want[] = {
        /* G (2), F (0), A (9 at A1). */
        {"Under 10", {3, 0, 3, EMPTY, 3, 0, 3, EMPTY}},
        /* A2 on A's 10th birthday; A counts as an individual at 9. */
        {"10", {0, 0, 0, EMPTY, 1, 0, 1, EMPTY}},
        {"11", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        {"14", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        /* Last year: B3, B aged 15. */
        {"15", {0, 1, -1, -10000, 0, 1, -1, -10000}},
        /* E1, E3. */
        {"16", {1, 0, 1, EMPTY, 2, 0, 2, EMPTY}},
        /* B1 (17 in London on the day; 16 by the UTC date), B2; last year J1
         * and J2 (31 March at 23:30 BST, the day before J's 18th
         * birthday). */
        {"17", {1, 1, 0, 0, 2, 2, 0, 0}},
        {"18 and over", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        {"Not recorded", {2, 0, 2, EMPTY, 2, 0, 2, EMPTY}},
        {"Total", {7, 2, 5, 25000, 10, 3, 7, 23333}},
    };
    const struct hw_doc_table *t = hw_test_table(&fx->d, "age", "by_year");
    assert_int_equal(t->nrows, 12);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        check_row(&fx->d, "age", "by_year", want[i].row, change_cols, want[i].v, 8);
}

static void test_age_quarter(void **state)
{
    struct fixture *fx = *state;
    /* 2016-17 Q1 against 2015-16 Q1: G1 (1 April, 00:30 BST), E1, F1, B1
     * (10 June in London); last year B3. */
    assert_int_equal(hw_section_age(&fx->d, &fx->f, &fx->q1, NULL, NULL), 0);
    static const struct want_row want[] = {
        {"Under 1", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"1 to 4", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"5 to 9", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        {"10 to 15", {0, 1, -1, -10000, 0, 1, -1, -10000}},
        {"16 and over", {2, 0, 2, EMPTY, 2, 0, 2, EMPTY}},
        {"Not recorded", {0, 0, 0, EMPTY, 0, 0, 0, EMPTY}},
        {"Total", {4, 1, 3, 30000, 4, 1, 3, 30000}},
    };
    check_rows(&fx->d, "age", "by_band", want, 7, change_cols, 8);
    const struct hw_doc_table *t = hw_test_table(&fx->d, "age", "by_band");
    assert_string_equal(t->col_titles[1], "Individuals 2016-17 Q1");
    assert_string_equal(t->col_titles[2], "Individuals 2015-16 Q1");
}

/* ---- gender and ethnicity ---- */

static void test_gender(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_gender(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    /* "Female" and "female" are one row, shown as "Female" (first in byte
     * order); "Male" and " male" likewise. Female and Male tie on 3
     * individuals; Female has more episodes (5 to 4), so comes first. */
    check_labels(&fx->d, "gender", "by_gender", "Female|Male|Not recorded|Total");
    static const struct want_row want[] = {
        /* A (A1, A2), B (B1, B2), G (G1); last year B3. X is not counted. */
        {"Female", {3, 1, 2, 20000, 5, 1, 4, 40000}},
        /* E (E1, E3), F, H; last year J (J1, J2). */
        {"Male", {3, 1, 2, 20000, 4, 2, 2, 10000}},
        {"Not recorded", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"Total", {7, 2, 5, 25000, 10, 3, 7, 23333}},
    };
    check_rows(&fx->d, "gender", "by_gender", want, 4, change_cols, 8);
    const struct hw_doc_section *s = hw_test_section(&fx->d, "gender");
    assert_string_equal(s->title, "Children missing by gender");
    assert_int_equal(s->ncharts, 1);
    assert_int_equal(s->charts[0].rows, 3); /* not the Total */
}

static void test_ethnicity(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_ethnicity(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    /* Mixed and White British tie on 2 individuals, 3 episodes and none
     * last year: by name. Black British (1, 2 episodes) before Asian
     * British (1, 1). D's "  white   british " is White British. */
    check_labels(&fx->d, "ethnicity", "by_ethnicity",
                 "Mixed|White British|Black British|Asian British|Not recorded|Total");
    static const struct want_row want[] = {
        {"Mixed", {2, 0, 2, EMPTY, 3, 0, 3, EMPTY}},
        {"White British", {2, 0, 2, EMPTY, 3, 0, 3, EMPTY}},
        {"Black British", {1, 1, 0, 0, 2, 1, 1, 10000}},
        {"Asian British", {1, 1, 0, 0, 1, 2, -1, -5000}},
        {"Not recorded", {1, 0, 1, EMPTY, 1, 0, 1, EMPTY}},
        {"Total", {7, 2, 5, 25000, 10, 3, 7, 23333}},
    };
    check_rows(&fx->d, "ethnicity", "by_ethnicity", want, 6, change_cols, 8);
}

static void test_nobody(void **state)
{
    (void)state;
    /* No episodes: each table has its Not recorded and Total rows of 0. */
    struct hw_afacts f;
    struct hw_period p;
    struct hw_doc d;
    hw_period_init(&p, 2016, 2);
    hw_afacts_init(&f, p.prev_from, p.to, p.to, 72);
    hw_afacts_finish(&f);
    hw_doc_init(&d, "Analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_age(&d, &f, &p, NULL, NULL), 0);
    assert_int_equal(hw_section_gender(&d, &f, &p, NULL, NULL), 0);
    assert_int_equal(hw_section_ethnicity(&d, &f, &p, NULL, NULL), 0);
    assert_int_equal(hw_section_school(&d, &f, &p, NULL, NULL), 0);
    check_labels(&d, "gender", "by_gender", "Not recorded|Total");
    check_labels(&d, "school", "by_school", "Not recorded|Total");
    assert_int_equal(hw_test_num(&d, "age", "by_band", "Total", "episodes"), 0);
    assert_int_equal(hw_test_num(&d, "school", "by_school", "Total", "episodes"), 0);
    /* No school to chart. */
    assert_int_equal(hw_test_section(&d, "school")->ncharts, 0);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- school ---- */

static const char *const school_cols[5] = {"individuals", "episodes", "episodes_last_year",
                                           "absent_individuals", "absent_episodes"};

static void test_school(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_school(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    /* Northgate (4 episodes) first; Brookfield and Kingsmead tie on 2
     * missing episodes, and Brookfield has an absence. "northgate
     * academy" (E) is Northgate Academy. */
    check_labels(&fx->d, "school", "by_school",
                 "Northgate Academy|Brookfield School|Kingsmead School|Not recorded|Total");
    static const struct want_row want[] = {
        /* A (A1, A2), E (E1, E3); E2 away without authorisation. X not. */
        {"Northgate Academy", {2, 4, 0, 1, 1}},
        /* G1, H1; G2 away without authorisation. */
        {"Brookfield School", {2, 2, 0, 1, 1}},
        /* B1, B2; last year B3, J1, J2. */
        {"Kingsmead School", {1, 2, 3, 0, 0}},
        /* D, F. */
        {"Not recorded", {2, 2, 0, 0, 0}},
        {"Total", {7, 10, 3, 2, 2}},
    };
    check_rows(&fx->d, "school", "by_school", want, 5, school_cols, 5);
    const struct hw_doc_section *s = hw_test_section(&fx->d, "school");
    assert_string_equal(s->title, "Schools and other education placements");
    assert_non_null(strstr(s->intro, "recorded on the child now"));
    assert_int_equal(s->ncharts, 1);
    assert_int_equal(s->charts[0].rows, 3); /* the three schools */
}

static void test_school_top(void **state)
{
    struct fixture *fx = *state;
    struct hw_analysis_opts o = {.top = 2};
    assert_int_equal(hw_section_school(&fx->d, &fx->f, &fx->year, &o, NULL), 0);
    check_labels(&fx->d, "school", "by_school",
                 "Northgate Academy|Brookfield School|Other schools|Not recorded|Total");
    static const struct want_row want[] = {
        {"Other schools", {1, 2, 3, 0, 0}},
        {"Total", {7, 10, 3, 2, 2}},
    };
    for (size_t i = 0; i < 2; i++)
        check_row(&fx->d, "school", "by_school", want[i].row, school_cols, want[i].v, 5);
    assert_int_equal(hw_test_section(&fx->d, "school")->charts[0].rows, 2);
}

/* ---- in the analyses, and for publication ---- */

static void test_in_order(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(
        hw_analysis_build(&fx->d, &fx->f, &fx->year, NULL, "school,gender,ethnicity,age", NULL), 0);
    assert_int_equal(fx->d.nsections, 4);
    static const char *const ids[4] = {"age", "gender", "ethnicity", "school"};
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(fx->d.sections[i].id, ids[i]);
}

static void test_published(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(hw_section_age(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    assert_int_equal(hw_section_school(&fx->d, &fx->f, &fx->year, NULL, NULL), 0);
    hw_doc_publish(&fx->d);
    assert_true(fx->d.publication);
    /* Every count here is under 5 but the totals of 7 and 10. */
    static const struct want_row age[] = {
        {"Under 1", {SUPP, 0, SUPP, EMPTY, SUPP, 0, SUPP, EMPTY}},
        {"10 to 15", {0, SUPP, SUPP, SUPP, SUPP, SUPP, SUPP, SUPP}},
        {"Total", {7, SUPP, SUPP, SUPP, 10, SUPP, SUPP, SUPP}},
    };
    for (size_t i = 0; i < 3; i++)
        check_row(&fx->d, "age", "by_band", age[i].row, change_cols, age[i].v, 8);
    static const struct want_row school[] = {
        {"Northgate Academy", {SUPP, SUPP, 0, SUPP, SUPP}},
        {"Total", {7, 10, SUPP, SUPP, SUPP}},
    };
    for (size_t i = 0; i < 2; i++)
        check_row(&fx->d, "school", "by_school", school[i].row, school_cols, school[i].v, 5);
    /* Every chart plotted a withheld number: left out. */
    assert_int_equal(hw_test_section(&fx->d, "age")->ncharts, 0);
    assert_int_equal(hw_test_section(&fx->d, "school")->ncharts, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_age_bands, setup, teardown),
        cmocka_unit_test_setup_teardown(test_age_years, setup, teardown),
        cmocka_unit_test_setup_teardown(test_age_quarter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gender, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ethnicity, setup, teardown),
        cmocka_unit_test_setup_teardown(test_school, setup, teardown),
        cmocka_unit_test_setup_teardown(test_school_top, setup, teardown),
        cmocka_unit_test_setup_teardown(test_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_published, setup, teardown),
        cmocka_unit_test(test_nobody),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
