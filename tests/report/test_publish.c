/* test_publish.c - a report document marked for publication
 * (report/publish.c): small counts withheld, secondary suppression
 * against totals, numbers worked out from withheld counts, tables naming
 * children and charts of withheld numbers left out, and "c" in every
 * format. Every expected cell is worked out by hand from the tables
 * below. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/doc.h"
#include "report/doc_render.h"
#include "report/publish.h"

#define C (-1) /* an expected withheld cell */
#define E (-2) /* an expected empty cell */

static const char *const ids3[] = {"label", "a", "b"};

/* A table "t" of rows of two counts: label, a, b. */
static size_t counts_table(struct hw_doc_section *s, const char *id, const char *const *labels,
                           const long long (*v)[2], size_t n)
{
    size_t t = hw_doc_table(s, id, id, NULL, 3, ids3, ids3);
    for (size_t r = 0; r < n; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], labels[r]);
        hw_cell_int(&row[1], v[r][0]);
        hw_cell_int(&row[2], v[r][1]);
    }
    return t;
}

/* Checks column col of table t against want (C: withheld, E: empty). */
static void check_col(const struct hw_doc_section *s, size_t t, size_t col, const long long *want,
                      size_t n)
{
    const struct hw_doc_table *tb = &s->tables[t];
    assert_int_equal(tb->nrows, n);
    for (size_t r = 0; r < n; r++) {
        const struct hw_cell *c = &tb->cells[r * tb->ncols + col];
        if (want[r] == C) {
            if (c->kind != HW_CELL_SUPPRESSED || c->n != 0 || c->text != NULL)
                fail_msg("%s row %zu col %zu: expected c, got %lld (kind %d)", tb->id, r, col, c->n,
                         (int)c->kind);
        } else if (want[r] == E) {
            if (c->kind != HW_CELL_EMPTY)
                fail_msg("%s row %zu col %zu: expected empty, got kind %d", tb->id, r, col,
                         (int)c->kind);
        } else if ((c->kind != HW_CELL_INT && c->kind != HW_CELL_PERCENT) || c->n != want[r]) {
            fail_msg("%s row %zu col %zu: expected %lld, got %lld (kind %d)", tb->id, r, col,
                     want[r], c->n, (int)c->kind);
        }
    }
}

static void test_primary_and_secondary(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", "Intro.");
    static const char *const labels[] = {"w", "x", "y", "z", "Total"};
    /* a: 3 + 10 + 7 + 0 = 20: 3 is withheld, and so is 7 (the smallest
     * other shown and not 0), else 3 = 20 - 10 - 7 - 0.
     * b: 1 + 2 + 6 + 9 = 18: two withheld already, nothing more. */
    static const long long v[][2] = {{3, 1}, {10, 2}, {7, 6}, {0, 9}, {20, 18}};
    size_t t = counts_table(s, "t", labels, v, 5);
    hw_doc_total_range(s, t, false, 4, 0, 4);
    /* The same without a total declared: only the small ones go. */
    size_t u = counts_table(s, "u", labels, v, 5);
    hw_doc_publish(&d);
    check_col(s, t, 1, (const long long[]){C, 10, C, 0, 20}, 5);
    check_col(s, t, 2, (const long long[]){C, C, 6, 9, 18}, 5);
    check_col(s, u, 1, (const long long[]){C, 10, 7, 0, 20}, 5);
    assert_true(d.publication);
    /* The labels are text: untouched. */
    assert_string_equal(s->tables[t].cells[0].text, "w");
    hw_doc_free(&d);
}

static void test_secondary_repeats(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    /*        a   b   total
     *   r0   3   8   11
     *   r1   6   9   15
     *   all  9  17   26
     * 3 is withheld; r0's total then takes 8 with it; column a is left
     * with one withheld of 3, 6: 6 goes; column b likewise: 9 goes. r1 now
     * has two withheld and the totals row none: done. */
    static const char *const cids[] = {"label", "a", "b", "total"};
    size_t t = hw_doc_table(s, "t", "t", NULL, 4, cids, cids);
    static const long long v[3][3] = {{3, 8, 11}, {6, 9, 15}, {9, 17, 26}};
    for (int r = 0; r < 3; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], "r");
        for (int c = 0; c < 3; c++)
            hw_cell_int(&row[1 + c], v[r][c]);
    }
    hw_doc_total_range(s, t, true, 3, 1, 3);
    hw_doc_total_range(s, t, false, 2, 0, 2);
    hw_doc_publish(&d);
    check_col(s, t, 1, (const long long[]){C, C, 9}, 3);
    check_col(s, t, 2, (const long long[]){C, C, 17}, 3);
    check_col(s, t, 3, (const long long[]){11, 15, 26}, 3);
    hw_doc_free(&d);
}

static void test_secondary_total(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    /* A total of distinct children (5) over parts that overlap: 3 is
     * withheld and the only other part is 0, so the total goes instead. */
    static const char *const labels[] = {"x", "y", "All"};
    static const long long v[][2] = {{3, 5}, {0, 5}, {5, 10}};
    size_t t = counts_table(s, "t", labels, v, 3);
    hw_doc_total(s, t, false, 2, (const size_t[]){0, 1}, 2);
    hw_doc_publish(&d);
    check_col(s, t, 1, (const long long[]){C, 0, C}, 3);
    check_col(s, t, 2, (const long long[]){5, 5, 10}, 3);
    hw_doc_free(&d);
}

static void test_worked_out(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    static const char *const cids[] = {"label", "now", "before", "change", "pct"};
    size_t t = hw_doc_table(s, "t", "t", NULL, 5, cids, cids);
    /* now, before: the change and its percent are worked out from both. */
    static const long long v[][2] = {{3, 10}, {12, 4}, {12, 10}, {6, 0}, {0, 0}, {33, 24}};
    for (int r = 0; r < 6; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], "r");
        hw_cell_int(&row[1], v[r][0]);
        hw_cell_int(&row[2], v[r][1]);
        hw_cell_int(&row[3], v[r][0] - v[r][1]);
        hw_cell_worked_out(&row[3], v[r][0], v[r][1]);
        hw_cell_from(&row[3], &row[1]);
        hw_cell_from(&row[3], &row[2]);
        hw_cell_rate(&row[4], v[r][0], v[r][1]);
        hw_cell_from(&row[4], &row[1]);
        hw_cell_from(&row[4], &row[2]);
    }
    /* The last row totals the others. In column "now", 3 is withheld and
     * 6 (the smallest other above 0) with it, so row 3's change goes too
     * though its own counts are 6 and 0. In "before", 4 is withheld and
     * the first 10 with it. */
    hw_doc_total_range(s, t, false, 5, 0, 5);
    hw_doc_publish(&d);
    check_col(s, t, 1, (const long long[]){C, 12, 12, C, 0, 33}, 6);
    check_col(s, t, 2, (const long long[]){C, C, 10, 0, 0, 24}, 6);
    /* 12 - 10 and 33 - 24 stay; 6 - 0 goes with the 6; 0 - 0 is 0. */
    check_col(s, t, 3, (const long long[]){C, C, 2, C, 0, 9}, 6);
    /* 12/10 = 120.00%, 33/24 = 137.50%; no rate (/0) stays empty. */
    check_col(s, t, 4, (const long long[]){C, C, 12000, E, E, 13750}, 6);
    hw_doc_free(&d);
}

static void test_worked_out_across_rows(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    /* As the funnel: counts in rows, rates of them in rows below. Home
     * and care add up to all: care's 3 offered is withheld, and home's 8
     * with it, so home's "offered, % of needed" goes though 8 and 10 are
     * not small; the rate of a count not shown (den 4) goes too. */
    static const char *const cids[] = {"measure", "home", "care", "all"};
    size_t t = hw_doc_table(s, "t", "t", NULL, 4, cids, cids);
    static const long long v[2][3] = {{10, 6, 16}, {8, 3, 11}};
    for (int r = 0; r < 2; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], r ? "offered" : "needed");
        for (int c = 0; c < 3; c++)
            hw_cell_int(&row[1 + c], v[r][c]);
    }
    struct hw_cell *row = hw_doc_row(s, t);
    hw_cell_text(&row[0], "offered, % of needed");
    for (int c = 1; c <= 3; c++) {
        hw_cell_rate(&row[c], v[1][c - 1], v[0][c - 1]);
        hw_cell_from(&row[c], hw_doc_cell(s, t, 1, (size_t)c));
        hw_cell_from(&row[c], hw_doc_cell(s, t, 0, (size_t)c));
    }
    row = hw_doc_row(s, t);
    hw_cell_text(&row[0], "hidden");
    hw_cell_rate(&row[1], 4, 8);
    hw_cell_rate(&row[2], 6, 9);
    hw_cell_rate(&row[3], 0, 6);
    hw_doc_total(s, t, true, 3, (const size_t[]){1, 2}, 2);
    hw_doc_publish(&d);
    check_col(s, t, 1, (const long long[]){10, C, C, C}, 4);
    check_col(s, t, 2, (const long long[]){6, C, C, 6667}, 4);
    check_col(s, t, 3, (const long long[]){16, 11, 6875, 0}, 4);
    hw_doc_free(&d);
}

static void test_tables_and_charts(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "Council", "2016-17", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", "What it counts.");
    static const char *const labels[] = {"x", "y", "Total"};
    static const long long named[][2] = {{7, 8}, {9, 10}, {16, 18}};
    static const long long few[][2] = {{7, 8}, {9, 2}, {16, 10}};
    size_t t0 = counts_table(s, "first", labels, named, 3);
    size_t t1 = counts_table(s, "children", labels, named, 3);
    size_t t2 = counts_table(s, "last", labels, few, 3);
    hw_doc_table_names_children(s, t1);
    hw_doc_chart(s, HW_CHART_BAR, "first", t0, 0, (const size_t[]){1, 2}, 2, -1);
    hw_doc_chart(s, HW_CHART_BAR, "children", t1, 0, (const size_t[]){1, 2}, 2, -1);
    /* Column b plots the withheld 2: left out. Column a: kept. */
    hw_doc_chart(s, HW_CHART_BAR, "last b", t2, 0, (const size_t[]){2}, 1, -1);
    hw_doc_chart(s, HW_CHART_BAR, "last a", t2, 0, (const size_t[]){1}, 1, -1);
    /* Plots only row x, whose numbers are shown: kept. */
    hw_doc_chart(s, HW_CHART_BAR, "last x", t2, 0, (const size_t[]){2}, 1, -1);
    hw_doc_chart_rows(s, 1);
    hw_doc_publish(&d);
    assert_int_equal(s->ntables, 2);
    assert_string_equal(s->tables[0].id, "first");
    assert_string_equal(s->tables[1].id, "last");
    assert_int_equal(s->ncharts, 3);
    assert_string_equal(s->charts[0].title, "first");
    assert_int_equal(s->charts[0].table, 0);
    assert_string_equal(s->charts[1].title, "last a");
    assert_int_equal(s->charts[1].table, 1); /* renumbered */
    assert_string_equal(s->charts[2].title, "last x");
    assert_string_equal(s->intro, "What it counts.\n" HW_PUBLISH_LEFT_OUT);
    /* Again: nothing more changes. */
    hw_doc_publish(&d);
    assert_int_equal(s->ntables, 2);
    assert_int_equal(s->ncharts, 3);
    assert_string_equal(s->intro, "What it counts.\n" HW_PUBLISH_LEFT_OUT);
    hw_doc_free(&d);
}

/* ---- every format ---- */

static void published(struct hw_doc *d)
{
    hw_doc_init(d, "Quarterly analysis", "Northshire", "2016-17 Q2", 0);
    struct hw_doc_section *s = hw_doc_section(d, "placement", "Placement", "Intro.");
    static const char *const labels[] = {"Foster care", "Home", "Total"};
    static const long long v[][2] = {{2, 40}, {30, 12}, {32, 52}};
    size_t t = counts_table(s, "by_type", labels, v, 3);
    hw_doc_total_range(s, t, false, 2, 0, 2);
    hw_doc_publish(d);
}

static char *render(const struct hw_doc *d, enum hw_format f)
{
    struct hw_buf b = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(d, f, &b, &err), 0);
    hw_buf_putc(&b, '\0');
    return hw_buf_take(&b);
}

static void assert_has(const char *s, const char *what)
{
    if (strstr(s, what) == NULL)
        fail_msg("expected to find \"%s\" in:\n%s", what, s);
}

static void test_formats(void **state)
{
    (void)state;
    struct hw_doc d;
    published(&d);
    /* Foster care's 2 is withheld, and Home's 30 with it (the Total 32). */
    char *text = render(&d, HW_FMT_TEXT);
    assert_has(text, HW_DOC_PUBLICATION_NOTICE);
    assert_has(text, "c: a count from 1 to 4");
    assert_has(text, "Foster care   c  40\n");
    assert_has(text, "Home          c  12\n");
    free(text);
    char *csv = render(&d, HW_FMT_CSV);
    assert_has(csv, "# " HW_DOC_PUBLICATION_NOTICE "\r\n");
    assert_has(csv, "Foster care,c,40\r\nHome,c,12\r\nTotal,32,52\r\n");
    assert_true(strncmp(csv, "# For publication", 17) == 0);
    free(csv);
    char *json = render(&d, HW_FMT_JSON);
    assert_has(json, "\"publication\": true");
    assert_has(json, "\"footnote\": \"c: a count from 1 to 4");
    assert_has(json, "\"a\": \"c\"");
    assert_has(json, "\"kind\": \"integer\""); /* the column is still of counts */
    free(json);
    char *html = render(&d, HW_FMT_HTML);
    assert_has(html, "<p class=\"publication\">For publication");
    assert_has(html, "<p class=\"footnote\" id=\"footnote\">c: a count from 1 to 4");
    assert_has(html, "<td class=\"num\">c</td>");
    free(html);
    struct hw_buf x = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &x, &err), 0);
    assert_memory_equal(x.data, "PK", 2);
    hw_buf_free(&x);
    hw_doc_free(&d);
}

static void test_internal(void **state)
{
    (void)state;
    /* Without hw_doc_publish nothing is withheld and nothing is said. */
    struct hw_doc d;
    hw_doc_init(&d, "Quarterly analysis", "Northshire", "2016-17 Q2", 0);
    struct hw_doc_section *s = hw_doc_section(&d, "placement", "Placement", "Intro.");
    static const char *const labels[] = {"Foster care", "Total"};
    static const long long v[][2] = {{2, 1}, {2, 1}};
    size_t t = counts_table(s, "by_type", labels, v, 2);
    hw_doc_total_range(s, t, false, 1, 0, 1);
    hw_doc_table_names_children(s, t);
    assert_false(d.publication);
    for (enum hw_format f = HW_FMT_TEXT; f <= HW_FMT_HTML; f++) {
        if (f == HW_FMT_XLSX)
            continue;
        char *out = render(&d, f);
        assert_null(strstr(out, "publication"));
        assert_null(strstr(out, "c: a count"));
        free(out);
    }
    char *csv = render(&d, HW_FMT_CSV);
    assert_has(csv, "Foster care,2,1\r\n");
    free(csv);
    hw_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_primary_and_secondary),
        cmocka_unit_test(test_secondary_repeats),
        cmocka_unit_test(test_secondary_total),
        cmocka_unit_test(test_worked_out),
        cmocka_unit_test(test_worked_out_across_rows),
        cmocka_unit_test(test_tables_and_charts),
        cmocka_unit_test(test_formats),
        cmocka_unit_test(test_internal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
