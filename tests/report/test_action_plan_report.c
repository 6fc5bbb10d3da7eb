/* test_action_plan_report.c - the action plans' document
 * (report/action_plan_report.c) on a hand-built view, as at 1 March 2018.
 *
 *   1  due 31 Jan 2018: initial red, 01/18 green     Green, improved
 *   2  due 31 Jan 2018: initial amber, 01/18 amber   Amber, same, overdue 29 days
 *   3  due 31 Dec 2015: initial red                  Red, overdue 791 days
 *                       (366 to 31 Dec 2016, 365 to 31 Dec 2017, 60 to 1 Mar)
 *   4  no due date, never rated                      not rated, never overdue
 *   5  due 30 Jun 2018: 02/18 complete               Complete
 *   6  due 28 Feb 2018: 01/18 green, 02/18 red       Red, worsened, overdue 1 day
 * By rating: red 2 (2 overdue), amber 1 (1), green 1, complete 1, not rated
 * 1; total 6 (3 overdue). Moved: improved 1, worsened 1, same 1, no
 * earlier rating 3. Overdue, longest first: 3, 2, 6.
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
#include "report/action_plan_report.h"
#include "support/doccheck.h"

static hw_date ymd(int y, int m, int d)
{
    return hw_date_from_ymd(y, m, d);
}

static void add(struct hw_plan_view *v, const char *ref, hw_date due,
                const struct hw_plan_rating *r, size_t n)
{
    v->rows = realloc(v->rows, (v->n + 1) * sizeof *v->rows);
    struct hw_plan_status *st = &v->rows[v->n++];
    memset(st, 0, sizeof *st);
    st->plan = hw_strdup("Missing improvement plan");
    st->ref = hw_strdup(ref);
    st->area = hw_strdup("Performance/Data");
    st->action = hw_asprintf("Action %s", ref);
    st->owner = hw_strdup("AK");
    st->position = (int)v->n;
    st->due = due;
    hw_plan_status_rate(st, r, n, v->date);
}

static struct hw_plan_rating r(hw_date on, int rag)
{
    static int seq;
    return (struct hw_plan_rating){
        .plan = "P", .ref = "x", .seq = ++seq, .rated_on = on, .rag = rag};
}

static void view(struct hw_plan_view *v)
{
    memset(v, 0, sizeof *v);
    v->date = ymd(2018, 3, 1);
    hw_date jan = ymd(2018, 1, 1), feb = ymd(2018, 2, 1);
    struct hw_plan_rating a[] = {r(HW_NO_DATE, HW_RAG_RED), r(jan, HW_RAG_GREEN)};
    add(v, "1", ymd(2018, 1, 31), a, 2);
    struct hw_plan_rating b[] = {r(HW_NO_DATE, HW_RAG_AMBER), r(jan, HW_RAG_AMBER)};
    add(v, "2", ymd(2018, 1, 31), b, 2);
    struct hw_plan_rating c[] = {r(HW_NO_DATE, HW_RAG_RED)};
    add(v, "3", ymd(2015, 12, 31), c, 1);
    add(v, "4", HW_NO_DATE, NULL, 0);
    struct hw_plan_rating e[] = {r(feb, HW_RAG_COMPLETE)};
    add(v, "5", ymd(2018, 6, 30), e, 1);
    struct hw_plan_rating f[] = {r(jan, HW_RAG_GREEN), r(feb, HW_RAG_RED)};
    add(v, "6", ymd(2018, 2, 28), f, 2);
}

static long long num(const struct hw_doc *d, const char *table, const char *row, const char *col)
{
    return hw_test_num(d, "action_plans", table, row, col);
}

static const char *text(const struct hw_doc *d, const char *table, const char *row, const char *col)
{
    const struct hw_cell *c = hw_test_cell(d, "action_plans", table, row, col);
    assert_non_null(c);
    return c->kind == HW_CELL_TEXT ? c->text : NULL;
}

static void test_counts(void **state)
{
    (void)state;
    struct hw_plan_view v;
    struct hw_doc d;
    view(&v);
    hw_action_plan_doc(&d, &v, "Missing improvement plan", "Derby", 0);
    assert_string_equal(d.title, "Action plan: Missing improvement plan");
    assert_string_equal(d.period, "as at 2018-03-01");
    assert_int_equal(num(&d, "by_rag", "Red", "actions"), 2);
    assert_int_equal(num(&d, "by_rag", "Red", "overdue"), 2);
    assert_int_equal(num(&d, "by_rag", "Amber", "actions"), 1);
    assert_int_equal(num(&d, "by_rag", "Amber", "overdue"), 1);
    assert_int_equal(num(&d, "by_rag", "Green", "actions"), 1);
    assert_int_equal(num(&d, "by_rag", "Green", "overdue"), 0);
    assert_int_equal(num(&d, "by_rag", "Complete", "actions"), 1);
    assert_int_equal(num(&d, "by_rag", "Not rated", "actions"), 1);
    assert_int_equal(num(&d, "by_rag", "Total", "actions"), 6);
    assert_int_equal(num(&d, "by_rag", "Total", "overdue"), 3);
    assert_int_equal(num(&d, "movement", "Improved", "actions"), 1);
    assert_int_equal(num(&d, "movement", "Worsened", "actions"), 1);
    assert_int_equal(num(&d, "movement", "Same", "actions"), 1);
    assert_int_equal(num(&d, "movement", "No earlier rating", "actions"), 3);
    hw_doc_free(&d);
    hw_plan_view_free(&v);
}

static void test_overdue(void **state)
{
    (void)state;
    struct hw_plan_view v;
    struct hw_doc d;
    view(&v);
    hw_action_plan_doc(&d, &v, NULL, NULL, 0);
    assert_string_equal(d.title, "Action plans");
    const struct hw_doc_table *t = hw_test_table(&d, "action_plans", "overdue");
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    /* Longest overdue first. */
    assert_string_equal(t->cells[0].text, "3");
    assert_string_equal(t->cells[t->ncols].text, "2");
    assert_string_equal(t->cells[2 * t->ncols].text, "6");
    assert_int_equal(num(&d, "overdue", "3", "days_overdue"), 791);
    assert_int_equal(num(&d, "overdue", "2", "days_overdue"), 29);
    assert_int_equal(num(&d, "overdue", "6", "days_overdue"), 1);
    assert_int_equal(num(&d, "overdue", "2", "due"), ymd(2018, 1, 31));
    assert_string_equal(text(&d, "overdue", "3", "latest"), "Red");
    assert_string_equal(text(&d, "overdue", "3", "latest_on"), "Initial");
    assert_int_equal(num(&d, "overdue", "6", "latest_on"), ymd(2018, 2, 1));
    hw_doc_free(&d);
    hw_plan_view_free(&v);
}

static void test_actions(void **state)
{
    (void)state;
    struct hw_plan_view v;
    struct hw_doc d;
    view(&v);
    hw_action_plan_doc(&d, &v, NULL, NULL, 0);
    const struct hw_doc_table *t = hw_test_table(&d, "action_plans", "actions");
    assert_int_equal(t->nrows, 6);
    assert_string_equal(text(&d, "actions", "1", "previous"), "Red");
    assert_string_equal(text(&d, "actions", "1", "previous_on"), "Initial");
    assert_string_equal(text(&d, "actions", "1", "latest"), "Green");
    assert_int_equal(num(&d, "actions", "1", "latest_on"), ymd(2018, 1, 1));
    assert_string_equal(text(&d, "actions", "1", "movement"), "Improved");
    assert_null(text(&d, "actions", "1", "overdue"));
    assert_string_equal(text(&d, "actions", "2", "movement"), "Same");
    assert_string_equal(text(&d, "actions", "2", "overdue"), "Yes");
    assert_string_equal(text(&d, "actions", "6", "movement"), "Worsened");
    assert_null(text(&d, "actions", "4", "latest"));
    assert_null(text(&d, "actions", "4", "movement"));
    assert_string_equal(text(&d, "actions", "5", "latest"), "Complete");
    assert_string_equal(text(&d, "actions", "5", "action"), "Action 5");

    /* Every format renders it. */
    for (int fmt = HW_FMT_TEXT; fmt <= HW_FMT_XLSX; fmt++) {
        struct hw_buf out = {0};
        struct hw_err err;
        if (hw_doc_render(&d, (enum hw_format)fmt, &out, &err) != 0)
            fail_msg("format %d: %s", fmt, err.msg);
        if (fmt != HW_FMT_XLSX)
            assert_non_null(strstr(out.data, "791"));
        hw_buf_free(&out);
    }
    hw_doc_free(&d);
    hw_plan_view_free(&v);
}

static void test_empty(void **state)
{
    (void)state;
    struct hw_plan_view v = {.date = ymd(2018, 3, 1)};
    struct hw_doc d;
    hw_action_plan_doc(&d, &v, NULL, NULL, 0);
    assert_int_equal(num(&d, "by_rag", "Total", "actions"), 0);
    assert_int_equal(hw_test_table(&d, "action_plans", "overdue")->nrows, 0);
    hw_doc_free(&d);
}

static void test_filename(void **state)
{
    (void)state;
    char *a = hw_action_plan_filename(NULL, ymd(2018, 3, 1), HW_FMT_CSV);
    char *b =
        hw_action_plan_filename("Missing Improvement Plan 2017/18", ymd(2018, 3, 1), HW_FMT_XLSX);
    assert_string_equal(a, "action-plans-2018-03-01.csv");
    assert_string_equal(b, "action-plan-missing-improvement-plan-2017-18-2018-03-01.xlsx");
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),   cmocka_unit_test(test_overdue),
        cmocka_unit_test(test_actions),  cmocka_unit_test(test_empty),
        cmocka_unit_test(test_filename),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
