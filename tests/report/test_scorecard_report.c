/* test_scorecard_report.c - the scorecard's document (report/scorecard_report.c)
 * on hand-built facts.
 *
 * 2016-17, as at 1 Aug 2016. C1 and C2 are the council's own; C3 was placed
 * here by another council.
 *   April: E1 C1 looked after, offered and completed 10 hours after the
 *          return; E2 C2 at home, not offered; E3 C3 (placed here), offered.
 *   May:   nothing.
 *   June:  E4 C1 looked after, offered; E5 C1 again, offered.
 * By hand, for April to June:
 *   children offered % (higher is better, target 90%, amber from 81%):
 *     April 1 of 2 = 50.00%, May none, June 1 of 1 = 100.00%;
 *     YTD 1 of 2 = 50.00% (C1 offered, C2 not; not the average 75%): Red;
 *     DOT none (May has no rate).
 *   missing episodes (lower is better, target 4, amber up to 4.4):
 *     April 2, May 0, June 2; YTD 4: Green; DOT May -> June worse.
 *   OLA episodes: April 1, YTD 1; no target: no RAG.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/scorecard_report.h"
#include "support/doccheck.h"

static hw_instant local(int y, int m, int d, int hh, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, m, d, hh, mi, 0, &t), 0);
    return t;
}

static void add(struct hw_afacts *f, size_t child, const char *id, hw_instant seen, bool cla,
                bool offered, hw_instant completed)
{
    struct hw_afact e = {.child = child,
                         .episode_id = id,
                         .kind = HW_KIND_MISSING,
                         .last_seen = seen,
                         .returned = seen + 2 * HW_HOUR,
                         .case_status = cla ? HW_CS_CLA : HW_CS_CIN,
                         .offered = offered,
                         .done = completed != HW_NO_TIME,
                         .rhi_completed = completed};
    hw_afacts_add(f, &e);
}

static void facts(struct hw_afacts *f)
{
    hw_afacts_init(f, local(2016, 4, 1, 0, 0), local(2017, 4, 1, 0, 0), local(2016, 8, 1, 0, 0),
                   72);
    const char *ids[] = {"C1", "C2", "C3"};
    for (int i = 0; i < 3; i++) {
        struct hw_achild c = {.id = (char *)ids[i], .ola = i == 2, .first_ever = HW_NO_TIME};
        hw_afacts_add_child(f, &c);
    }
    hw_instant e1 = local(2016, 4, 4, 10, 0);
    add(f, 0, "E1", e1, true, true, e1 + 12 * HW_HOUR);
    add(f, 1, "E2", local(2016, 4, 9, 10, 0), false, false, HW_NO_TIME);
    add(f, 2, "E3", local(2016, 4, 9, 11, 0), false, true, HW_NO_TIME);
    add(f, 0, "E4", local(2016, 6, 2, 10, 0), true, true, HW_NO_TIME);
    add(f, 0, "E5", local(2016, 6, 20, 10, 0), true, true, HW_NO_TIME);
    hw_afacts_finish(f);
}

static const char card[] = "[indicator]\n"
                           "priority = P6\n"
                           "name = Children offered %\n"
                           "measure = rhi_offer_rate\n"
                           "last_year = 76%\n"
                           "sn_average = 85.5%\n"
                           "target = 90%\n"
                           "[indicator]\n"
                           "name = Episodes\n"
                           "measure = missing_episodes\n"
                           "target = 4\n"
                           "[indicator]\n"
                           "name = Placed here\n"
                           "measure = ola_episodes\n"
                           "tolerance = 20%\n";

/* The cell of the indicators table at row r and the column with this id. */
static const struct hw_cell *cell(const struct hw_doc *d, size_t r, const char *col)
{
    const struct hw_doc_table *t = hw_test_table(d, "scorecard", "indicators");
    assert_non_null(t);
    assert_true(r < t->nrows);
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->col_ids[c], col) == 0)
            return &t->cells[r * t->ncols + c];
    fail_msg("no column %s", col);
    return NULL;
}

static void expect_num(const struct hw_doc *d, size_t r, const char *col, enum hw_cell_kind kind,
                       long long n)
{
    const struct hw_cell *c = cell(d, r, col);
    if (c->kind != kind || c->n != n)
        fail_msg("row %zu %s: kind %d value %lld, expected kind %d value %lld", r, col, c->kind,
                 c->n, kind, n);
}

static void expect_text(const struct hw_doc *d, size_t r, const char *col, const char *text)
{
    const struct hw_cell *c = cell(d, r, col);
    if (text == NULL) {
        assert_int_equal(c->kind, HW_CELL_EMPTY);
        return;
    }
    assert_int_equal(c->kind, HW_CELL_TEXT);
    assert_string_equal(c->text, text);
}

static void build(struct hw_doc *d, int nmonths)
{
    struct hw_afacts f;
    struct hw_scorecard sc;
    struct hw_err err;
    facts(&f);
    assert_int_equal(hw_scorecard_parse(card, "card", &sc, &err), 0);
    assert_int_equal(hw_scorecard_doc(d, &f, &sc, 2016, nmonths, "Anyshire", 0, &err), 0);
    hw_afacts_free(&f);
}

static void test_layout(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d, 3);
    assert_string_equal(d.council, "Anyshire");
    assert_string_equal(d.period, "2016-17, April to June 2016");
    const struct hw_doc_table *t = hw_test_table(&d, "scorecard", "indicators");
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    static const char *const cols[] = {"priority",   "indicator", "polarity", "last_year",
                                       "sn_average", "target",    "apr",      "may",
                                       "jun",        "ytd",       "dot",      "rag"};
    assert_int_equal(t->ncols, sizeof cols / sizeof cols[0]);
    for (size_t c = 0; c < t->ncols; c++)
        assert_string_equal(t->col_ids[c], cols[c]);
    assert_string_equal(t->col_titles[3], "Last year (2015-16)");
    assert_string_equal(t->col_titles[6], "Apr-16");
    assert_string_equal(t->col_titles[8], "Jun-16");
    const struct hw_doc_table *m = hw_test_table(&d, "scorecard", "measures");
    assert_non_null(m);
    assert_int_equal(m->nrows, 3);
    assert_int_equal(hw_test_num(&d, "scorecard", "measures", "Children offered %", "tolerance"),
                     1000);
    assert_int_equal(hw_test_num(&d, "scorecard", "measures", "Placed here", "tolerance"), 2000);
    const struct hw_cell *code = hw_test_cell(&d, "scorecard", "measures", "Episodes", "measure");
    assert_non_null(code);
    assert_string_equal(code->text, "missing_episodes");
    hw_doc_free(&d);
}

static void test_numbers(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d, 3);
    /* Children offered % */
    expect_text(&d, 0, "priority", "P6");
    expect_text(&d, 0, "indicator", "Children offered %");
    expect_text(&d, 0, "polarity", "Higher is better");
    expect_num(&d, 0, "last_year", HW_CELL_PERCENT, 7600);
    expect_num(&d, 0, "sn_average", HW_CELL_PERCENT, 8550);
    expect_num(&d, 0, "target", HW_CELL_PERCENT, 9000);
    expect_num(&d, 0, "apr", HW_CELL_PERCENT, 5000);
    expect_num(&d, 0, "may", HW_CELL_EMPTY, 0);
    expect_num(&d, 0, "jun", HW_CELL_PERCENT, 10000);
    expect_num(&d, 0, "ytd", HW_CELL_PERCENT, 5000);
    expect_text(&d, 0, "dot", NULL);
    expect_text(&d, 0, "rag", "Red");
    /* Episodes */
    expect_text(&d, 1, "priority", NULL);
    expect_text(&d, 1, "polarity", "Lower is better");
    expect_num(&d, 1, "last_year", HW_CELL_EMPTY, 0);
    expect_num(&d, 1, "target", HW_CELL_INT, 4);
    expect_num(&d, 1, "apr", HW_CELL_INT, 2);
    expect_num(&d, 1, "may", HW_CELL_INT, 0);
    expect_num(&d, 1, "jun", HW_CELL_INT, 2);
    expect_num(&d, 1, "ytd", HW_CELL_INT, 4);
    expect_text(&d, 1, "dot", "Worse");
    expect_text(&d, 1, "rag", "Green");
    /* Placed here by other councils: no target, no rating. */
    expect_num(&d, 2, "apr", HW_CELL_INT, 1);
    expect_num(&d, 2, "ytd", HW_CELL_INT, 1);
    expect_text(&d, 2, "dot", "Same");
    expect_text(&d, 2, "rag", NULL);
    hw_doc_free(&d);
}

/* The whole year: twelve months, March last; the period is the year. */
static void test_whole_year(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d, 12);
    assert_string_equal(d.period, "2016-17");
    const struct hw_doc_table *t = hw_test_table(&d, "scorecard", "indicators");
    assert_int_equal(t->ncols, 6 + 12 + 3);
    assert_string_equal(t->col_ids[6 + 11], "mar");
    assert_string_equal(t->col_titles[6 + 11], "Mar-17");
    expect_num(&d, 1, "mar", HW_CELL_INT, 0);
    expect_num(&d, 1, "ytd", HW_CELL_INT, 4);
    expect_text(&d, 1, "dot", "Same"); /* February 0, March 0 */
    hw_doc_free(&d);
}

static void test_bad_months(void **state)
{
    (void)state;
    struct hw_doc d;
    struct hw_afacts f;
    struct hw_err err;
    facts(&f);
    assert_int_equal(hw_scorecard_doc(&d, &f, hw_scorecard_builtin(), 2016, 0, NULL, 0, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    hw_doc_free(&d);
    assert_int_equal(hw_scorecard_doc(&d, &f, hw_scorecard_builtin(), 2016, 13, NULL, 0, &err), -1);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* Every format renders the one document: the same numbers. */
static void test_formats(void **state)
{
    (void)state;
    struct hw_doc d;
    struct hw_err err;
    build(&d, 3);
    for (int fmt = HW_FMT_TEXT; fmt <= HW_FMT_XLSX; fmt++) {
        struct hw_buf out = {0};
        if (hw_doc_render(&d, (enum hw_format)fmt, &out, &err) != 0)
            fail_msg("format %d: %s", fmt, err.msg);
        assert_true(out.len > 0);
        if (fmt == HW_FMT_XLSX) {
            assert_memory_equal(out.data, "PK", 2); /* a zip */
        } else if (fmt == HW_FMT_JSON) {
            /* Numbers as numbers: the offer rate's YTD and the SN average. */
            assert_non_null(strstr(out.data, "\"ytd\": 50"));
            assert_non_null(strstr(out.data, "\"sn_average\": 85.5"));
            assert_non_null(strstr(out.data, "\"rag\": \"Red\""));
        } else {
            /* As text, CSV and HTML write percentages. */
            assert_non_null(strstr(out.data, "50.00"));
            assert_non_null(strstr(out.data, "85.50"));
            assert_non_null(strstr(out.data, "Children offered %"));
        }
        hw_buf_free(&out);
    }
    hw_doc_free(&d);
}

static void test_filename(void **state)
{
    (void)state;
    char *a = hw_scorecard_filename(2016, 12, HW_FMT_XLSX);
    char *b = hw_scorecard_filename(2016, 9, HW_FMT_CSV);
    char *c = hw_scorecard_filename(2016, 10, HW_FMT_JSON);
    assert_string_equal(a, "scorecard-2016-17.xlsx");
    assert_string_equal(b, "scorecard-2016-17-to-2016-12.csv");
    assert_string_equal(c, "scorecard-2016-17-to-2017-01.json");
    free(a);
    free(b);
    free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout),     cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_whole_year), cmocka_unit_test(test_bad_months),
        cmocka_unit_test(test_formats),    cmocka_unit_test(test_filename),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
