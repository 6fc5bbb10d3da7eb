/* test_action_plans.c - action plans: dates, refs, ratings and where each
 * action stands (app/action_plans.c), their import from CSV
 * (io/action_plan_import.c) and their storage (migration 9). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "app/action_plans.h"
#include "core/rag.h"
#include "io/action_plan_import.h"
#include "support/testdb.h"

static hw_date ymd(int y, int m, int d)
{
    return hw_date_from_ymd(y, m, d);
}

static void expect_date(const char *text, bool month_end, hw_date want)
{
    hw_date got = HW_NO_DATE;
    if (hw_plan_parse_date(text, month_end, &got) != 0)
        fail_msg("'%s' was refused", text);
    if (got != want) {
        char a[HW_DATE_LEN], b[HW_DATE_LEN];
        hw_format_date(got, a);
        hw_format_date(want, b);
        fail_msg("'%s': got %s, expected %s", text, a, b);
    }
}

static void test_dates(void **state)
{
    (void)state;
    expect_date("2018-01-31", true, ymd(2018, 1, 31));
    expect_date("31/12/2015", true, ymd(2015, 12, 31));
    expect_date("01/02/2016", true, ymd(2016, 2, 1)); /* day first, as in the UK */
    expect_date("1.7.16.", true, ymd(2016, 7, 1));    /* seed 004 */
    expect_date("24.5.2017", true, ymd(2017, 5, 24));
    expect_date("31st December 2015", true, ymd(2015, 12, 31)); /* seed 002 */
    expect_date("2 Sept 2016", true, ymd(2016, 9, 2));
    /* A month alone: its last day for a due date, its first for a rating. */
    expect_date("Jan-18", true, ymd(2018, 1, 31)); /* seed 000 */
    expect_date("Jan-18", false, ymd(2018, 1, 1));
    expect_date("September 2016.", true, ymd(2016, 9, 30)); /* seed 004 */
    expect_date("Feb 2016", true, ymd(2016, 2, 29));
    expect_date("01/18", false, ymd(2018, 1, 1)); /* seed 000's "RAG 01/18" */
    expect_date("05/2018", true, ymd(2018, 5, 31));
    expect_date("2018-03", false, ymd(2018, 3, 1));
    expect_date("  December 2017 ", true, ymd(2017, 12, 31));
    static const char *const bad[] = {"",      "Ongoing",     "From 1.7.16", "31/02/2016",
                                      "13/18", "Smarch 2018", "31 Foo 2015", "Yearly by 20/03/2016",
                                      "2018",  "32.1.18",     "Ja-18",       "Jan-123"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hw_date d;
        if (hw_plan_parse_date(bad[i], true, &d) == 0)
            fail_msg("'%s' was accepted", bad[i]);
    }
}

static void test_refs_and_names(void **state)
{
    (void)state;
    struct hw_err err;
    assert_int_equal(hw_plan_check_ref("1.2", &err), 0);
    assert_int_equal(hw_plan_check_ref("P6-a/3_b", &err), 0);
    assert_int_equal(hw_plan_check_ref("", &err), -1);
    assert_int_equal(hw_plan_check_ref("1 2", &err), -1);
    assert_int_equal(hw_plan_check_ref("12345678901234567890123456789012345678901", &err), -1);
    assert_int_equal(hw_plan_check_name("Missing improvement plan 2017-18", &err), 0);
    assert_int_equal(hw_plan_check_name("", &err), -1);
    assert_int_equal(hw_plan_check_name("two\nlines", &err), -1);
    struct hw_plan_action a = {.plan = "P", .ref = "1", .action = "Act", .due = HW_NO_DATE};
    assert_int_equal(hw_plan_check_action(&a, &err), 0);
    a.action = "";
    assert_int_equal(hw_plan_check_action(&a, &err), -1);
    assert_non_null(strstr(err.msg, "action"));
    a.action = "Act";
    a.owner = "bell\a";
    assert_int_equal(hw_plan_check_action(&a, &err), -1);
    assert_non_null(strstr(err.msg, "owner"));
    a.owner = NULL;
    a.ref = "1 1";
    assert_int_equal(hw_plan_check_action(&a, &err), -1);
    assert_non_null(strstr(err.msg, "ref"));
}

/* ---- where an action stands, from its ratings (pure) ---- */

static struct hw_plan_rating rating(int seq, hw_date on, int rag)
{
    return (struct hw_plan_rating){.plan = "P", .ref = "1", .seq = seq, .rated_on = on, .rag = rag};
}

static void status_free(struct hw_plan_status *st)
{
    for (size_t i = 0; i < st->nmarks; i++)
        free(st->marks[i].note);
    free(st->marks);
    free(st->latest.note);
    free(st->previous.note);
}

static void test_history(void **state)
{
    (void)state;
    /* Recorded out of order: 03/18 green, initial red, 01/18 amber, then a
     * correction of 03/18 to amber. */
    struct hw_plan_rating r[] = {
        rating(1, ymd(2018, 3, 1), HW_RAG_GREEN),
        rating(2, HW_NO_DATE, HW_RAG_RED),
        rating(3, ymd(2018, 1, 1), HW_RAG_AMBER),
        rating(4, ymd(2018, 3, 1), HW_RAG_AMBER),
    };
    struct hw_plan_status st = {.due = ymd(2018, 1, 31)};
    hw_plan_status_rate(&st, r, 4, ymd(2018, 4, 1));
    assert_int_equal(st.nmarks, 3); /* initial, 01/18, 03/18 (the correction in force) */
    assert_int_equal(st.marks[0].rag, HW_RAG_RED);
    assert_int_equal(st.marks[0].on, HW_NO_DATE);
    assert_int_equal(st.marks[1].on, ymd(2018, 1, 1));
    assert_int_equal(st.marks[2].rag, HW_RAG_AMBER);
    assert_int_equal(st.latest.rag, HW_RAG_AMBER);
    assert_int_equal(st.latest.on, ymd(2018, 3, 1));
    assert_int_equal(st.previous.rag, HW_RAG_AMBER);
    assert_int_equal(st.previous.on, ymd(2018, 1, 1));
    assert_int_equal(st.move, HW_MOVE_SAME);
    assert_true(st.overdue); /* due 31 Jan, amber on 1 Apr */
    status_free(&st);

    /* Initial red, then green: improved; green is not overdue. */
    struct hw_plan_rating r2[] = {rating(1, HW_NO_DATE, HW_RAG_RED),
                                  rating(2, ymd(2018, 1, 1), HW_RAG_GREEN)};
    st = (struct hw_plan_status){.due = ymd(2018, 1, 31)};
    hw_plan_status_rate(&st, r2, 2, ymd(2018, 4, 1));
    assert_int_equal(st.move, HW_MOVE_IMPROVED);
    assert_false(st.overdue);
    status_free(&st);

    /* Green then complete: improved; complete then amber: worsened. */
    struct hw_plan_rating r3[] = {rating(1, ymd(2018, 1, 1), HW_RAG_COMPLETE),
                                  rating(2, ymd(2018, 2, 1), HW_RAG_AMBER)};
    st = (struct hw_plan_status){.due = HW_NO_DATE};
    hw_plan_status_rate(&st, r3, 2, ymd(2018, 4, 1));
    assert_int_equal(st.move, HW_MOVE_WORSENED);
    assert_false(st.overdue); /* no due date: never overdue */
    status_free(&st);

    /* One rating: nothing to compare with. */
    st = (struct hw_plan_status){.due = ymd(2018, 1, 31)};
    hw_plan_status_rate(&st, r3, 1, ymd(2018, 4, 1));
    assert_int_equal(st.move, HW_MOVE_NONE);
    assert_int_equal(st.previous.rag, HW_RAG_NONE);
    assert_false(st.overdue); /* complete */
    status_free(&st);
}

static void test_overdue(void **state)
{
    (void)state;
    struct hw_plan_rating red = rating(1, ymd(2018, 1, 1), HW_RAG_RED);
    struct hw_plan_status st = {.due = ymd(2018, 3, 1)};
    /* Due on the report's date: not yet overdue; the day after: overdue. */
    hw_plan_status_rate(&st, &red, 1, ymd(2018, 3, 1));
    assert_false(st.overdue);
    status_free(&st);
    st = (struct hw_plan_status){.due = ymd(2018, 3, 1)};
    hw_plan_status_rate(&st, &red, 1, ymd(2018, 3, 2));
    assert_true(st.overdue);
    status_free(&st);
    /* Never rated and past due: overdue. */
    st = (struct hw_plan_status){.due = ymd(2018, 3, 1)};
    hw_plan_status_rate(&st, NULL, 0, ymd(2018, 3, 2));
    assert_true(st.overdue);
    assert_int_equal(st.latest.rag, HW_RAG_NONE);
    status_free(&st);
}

/* ---- import and storage ---- */

struct fx {
    struct hw_test_db db;
};

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    if (hw_test_db_open(&fx->db) < 0)
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    hw_test_db_close(&fx->db);
    free(fx);
    return 0;
}

static const struct hw_actor importer = {
    .user = "analyst", .source = "import p6.csv", .at = 1600000000};

/* Seed 000's layout, with refs; a heading row; merged cells left blank. */
static const char p6[] =
    "Ref,Priority 6,Outcome,Action,Success measure(s),Lead,Responsible Officer,Time,"
    "RAG Initial,RAG 01/18,RAG 03/18,RAG 05/18,Progress update\n"
    "1,All children have access to a return interview,,Ensure tracking arrangements,"
    "Clear arrangements,Janet Simon,,Jan-18,1,3,0,0,Meetings fortnightly\n"
    "2,,Ofsted recco 4,Every child offered an interview,Target 100%,Janet Simon,,Jan-18,2,2,,,"
    "\"Audit November 17.\nTake up 38%.\"\n"
    ",Return home interviews,,,,,,,,,,,\n"
    "3,,,Quality assure every interview,,,A Kaiser,31st December 2015,R,,,,\n";

static int import(struct fx *fx, const char *text, struct hw_plan_import_result *res,
                  struct hw_err *err)
{
    return hw_plan_import_buffer(fx->db.s, "Priority 6", "p6.csv", text, strlen(text),
                                 ymd(2018, 2, 15), &importer, res, err);
}

static void view(struct fx *fx, hw_date date, struct hw_plan_view *v)
{
    struct hw_err err;
    if (hw_plan_view_load(fx->db.s, NULL, date, v, &err) < 0)
        fail_msg("%s", err.msg);
}

static void test_import(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    if (import(fx, p6, &res, &err) != 0)
        fail_msg("%s\n%s", err.msg, res.errors.data ? res.errors.data : "");
    assert_string_equal(res.plan, "Priority 6");
    assert_int_equal(res.rows, 3);
    assert_int_equal(res.added, 3);
    assert_int_equal(res.ratings, 5); /* 1: red, green; 2: amber, amber; 3: red */
    hw_plan_import_result_free(&res);

    struct hw_plan_view v;
    view(fx, ymd(2018, 2, 15), &v);
    assert_int_equal(v.n, 3);
    const struct hw_plan_status *a = &v.rows[0], *b = &v.rows[1], *c = &v.rows[2];
    assert_string_equal(a->ref, "1");
    assert_string_equal(a->area, "All children have access to a return interview");
    assert_null(a->outcome);
    assert_string_equal(a->lead, "Janet Simon");
    assert_null(a->owner);
    assert_int_equal(a->due, ymd(2018, 1, 31));
    assert_int_equal(a->latest.rag, HW_RAG_GREEN);
    assert_int_equal(a->latest.on, ymd(2018, 1, 1));
    assert_int_equal(a->previous.rag, HW_RAG_RED);
    assert_int_equal(a->previous.on, HW_NO_DATE);
    assert_int_equal(a->move, HW_MOVE_IMPROVED);
    assert_false(a->overdue);
    /* The blank area is the row above's; the progress keeps its line break. */
    assert_string_equal(b->area, "All children have access to a return interview");
    assert_string_equal(b->outcome, "Ofsted recco 4");
    assert_string_equal(b->progress, "Audit November 17.\nTake up 38%.");
    assert_int_equal(b->move, HW_MOVE_SAME);
    assert_true(b->overdue);
    /* After the heading row: its text is the area, the outcome is not carried. */
    assert_string_equal(c->ref, "3");
    assert_string_equal(c->area, "Return home interviews");
    assert_null(c->outcome);
    assert_string_equal(c->owner, "A Kaiser");
    assert_int_equal(c->due, ymd(2015, 12, 31));
    assert_int_equal(c->latest.rag, HW_RAG_RED);
    assert_int_equal(c->move, HW_MOVE_NONE);
    assert_true(c->overdue);
    assert_int_equal(c->position, 3);
    hw_plan_view_free(&v);
}

/* Importing the same file again changes nothing and repeats no rating; a
 * changed progress note is an update with its history; a corrected rating
 * for a date is appended, once. */
static void test_reimport(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    assert_int_equal(import(fx, p6, &res, &err), 0);
    hw_plan_import_result_free(&res);
    assert_int_equal(import(fx, p6, &res, &err), 0);
    assert_int_equal(res.added, 0);
    assert_int_equal(res.updated, 0);
    assert_int_equal(res.same, 3);
    assert_int_equal(res.ratings, 0);
    hw_plan_import_result_free(&res);

    char *changed = hw_strdup(p6);
    char *p = strstr(changed, "Meetings fortnightly");
    memcpy(p, "Meetings every week", strlen("Meetings every week"));
    memmove(p + strlen("Meetings every week"), p + strlen("Meetings fortnightly"),
            strlen(p + strlen("Meetings fortnightly")) + 1);
    /* Action 2's 01/18 rating corrected from amber (2) to red (1). */
    p = strstr(changed, "Jan-18,2,2,,,");
    p[9] = '1';
    assert_int_equal(import(fx, changed, &res, &err), 0);
    assert_int_equal(res.updated, 1);
    assert_int_equal(res.same, 2);
    assert_int_equal(res.ratings, 1);
    hw_plan_import_result_free(&res);
    assert_int_equal(import(fx, changed, &res, &err), 0);
    assert_int_equal(res.ratings, 0);
    assert_int_equal(res.same, 3);
    hw_plan_import_result_free(&res);
    free(changed);

    struct hw_plan_view v;
    view(fx, ymd(2018, 2, 15), &v);
    assert_string_equal(v.rows[0].progress, "Meetings every week");
    assert_int_equal(v.rows[1].latest.rag, HW_RAG_RED);
    assert_int_equal(v.rows[1].previous.rag, HW_RAG_AMBER); /* the initial */
    assert_int_equal(v.rows[1].move, HW_MOVE_WORSENED);
    assert_int_equal(v.rows[1].nmarks, 2);
    hw_plan_view_free(&v);
}

struct changes {
    int n;
    char field[32], old_value[64], new_value[64], source[32];
};

static int one_change(void *ctx, const struct hw_plan_change *c)
{
    struct changes *ch = ctx;
    ch->n++;
    snprintf(ch->field, sizeof ch->field, "%s", c->field);
    snprintf(ch->old_value, sizeof ch->old_value, "%s", c->old_value ? c->old_value : "(null)");
    snprintf(ch->new_value, sizeof ch->new_value, "%s", c->new_value ? c->new_value : "(null)");
    snprintf(ch->source, sizeof ch->source, "%s", c->made.source);
    return 0;
}

static void test_history_kept(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    assert_int_equal(import(fx, p6, &res, &err), 0);
    hw_plan_import_result_free(&res);
    char *changed = hw_strdup(p6);
    char *p = strstr(changed, "31st December 2015");
    memcpy(p, "31st December 2016", strlen("31st December 2016"));
    assert_int_equal(import(fx, changed, &res, &err), 0);
    hw_plan_import_result_free(&res);
    free(changed);
    struct changes ch = {0};
    assert_int_equal(hw_store_list_plan_changes(fx->db.s, "Priority 6", "3", one_change, &ch, &err),
                     0);
    assert_int_equal(ch.n, 1);
    assert_string_equal(ch.field, "due");
    assert_string_equal(ch.old_value, "2015-12-31");
    assert_string_equal(ch.new_value, "2016-12-31");
    assert_string_equal(ch.source, "import p6.csv");
}

static size_t count_rows(struct fx *fx, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    size_t n = 0;
    assert_int_equal(sqlite3_open(fx->db.path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        n = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Every bad row is reported with its line, column, value and what was
 * expected, and nothing is imported. */
static void test_bad_rows(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    const char *bad = "Ref,Action,Due,RAG 01/18,RAG Initial\n"
                      "1,Do a thing,Ongoing,purple,R\n"
                      "1,Do it again,2018-01-01,G,\n"
                      "x y,,,,\n"
                      "4,Fine,2018-01-01,A,G\n"
                      "5,Short row\n";
    assert_int_equal(import(fx, bad, &res, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_non_null(strstr(err.msg, "4 bad rows (6 errors); nothing was imported"));
    const char *want[] = {
        "p6.csv:2: column Due: 'Ongoing': expected a date",
        "p6.csv:2: column RAG 01/18: 'purple': expected red, amber, green or complete",
        "p6.csv:3: column Ref: '1' appears again (first on line 2)",
        "p6.csv:4: column Ref: 'x y': expected a ref",
        "p6.csv:4: column Action: '': expected the action",
        "p6.csv:6: has 2 fields but the header has 5",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (strstr(res.errors.data, want[i]) == NULL)
            fail_msg("expected '%s' in:\n%s", want[i], res.errors.data);
    assert_int_equal(res.added, 0);
    hw_plan_import_result_free(&res);
    assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM plan_actions"), 0);
    assert_int_equal(count_rows(fx, "SELECT COUNT(*) FROM plan_ratings"), 0);
}

static void expect_header_error(struct fx *fx, const char *text, const char *want)
{
    struct hw_plan_import_result res;
    struct hw_err err;
    assert_int_equal(import(fx, text, &res, &err), -1);
    if (strstr(err.msg, want) == NULL)
        fail_msg("expected '%s' in: %s", want, err.msg);
    hw_plan_import_result_free(&res);
}

static void test_bad_headers(void **state)
{
    struct fx *fx = *state;
    expect_header_error(fx, "Ref,Action,Colour\n", "p6.csv:1: unknown column 'Colour'");
    expect_header_error(fx, "Action,Owner\n", "required column Ref is missing");
    expect_header_error(fx, "Ref,Owner\n", "required column Action");
    expect_header_error(fx, "Ref,Action,Who,Responsible Officer\n",
                        "columns 'Who' and 'Responsible Officer' are the same column");
    expect_header_error(fx, "Ref,Action,RAG 01/18,RAG Jan-18\n",
                        "columns 'RAG 01/18' and 'RAG Jan-18' rate the same occasion");
    expect_header_error(fx, "Ref,Action,RAG sometime\n", "unknown column 'RAG sometime'");
    expect_header_error(fx, "", "the file is empty");
}

/* Seed 002's layout: its own names for the columns and one "RAG Rating"
 * column, the rating as at the import's date. Importing it again another
 * day records nothing new; a changed rating is recorded as at that day. */
static void test_current_rag_column(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    const char *csv = "Ref,Key Areas,What we will do,How we will do it,Who will be responsible,"
                      "How we will know the action has been completed effectively,"
                      "Timescale for completion,RAG Rating\n"
                      "P1,Prevention,Reduce missing,Screen every child,CSE Coordinator,Audit,"
                      "31st December 2015,Amber\n";
    assert_int_equal(hw_plan_import_buffer(fx->db.s, NULL, "slough.csv", csv, strlen(csv),
                                           ymd(2016, 1, 10), &importer, &res, &err),
                     0);
    assert_string_equal(res.plan, "slough");
    assert_int_equal(res.ratings, 1);
    hw_plan_import_result_free(&res);
    assert_int_equal(hw_plan_import_buffer(fx->db.s, NULL, "slough.csv", csv, strlen(csv),
                                           ymd(2016, 2, 10), &importer, &res, &err),
                     0);
    assert_int_equal(res.ratings, 0);
    hw_plan_import_result_free(&res);
    char *green = hw_strdup(csv);
    memcpy(strstr(green, "Amber"), "Green", 5);
    assert_int_equal(hw_plan_import_buffer(fx->db.s, NULL, "slough.csv", green, strlen(green),
                                           ymd(2016, 3, 10), &importer, &res, &err),
                     0);
    assert_int_equal(res.ratings, 1);
    hw_plan_import_result_free(&res);
    free(green);

    struct hw_plan_view v;
    view(fx, ymd(2016, 3, 10), &v);
    assert_int_equal(v.n, 1);
    assert_string_equal(v.rows[0].area, "Prevention");
    assert_string_equal(v.rows[0].outcome, "Reduce missing");
    assert_string_equal(v.rows[0].action, "Screen every child");
    assert_string_equal(v.rows[0].owner, "CSE Coordinator");
    assert_string_equal(v.rows[0].success_measure, "Audit");
    assert_int_equal(v.rows[0].latest.rag, HW_RAG_GREEN);
    assert_int_equal(v.rows[0].latest.on, ymd(2016, 3, 10));
    assert_int_equal(v.rows[0].previous.on, ymd(2016, 1, 10));
    assert_int_equal(v.rows[0].move, HW_MOVE_IMPROVED);
    hw_plan_view_free(&v);
}

static void test_rate(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    struct hw_actor who = {.user = "manager", .source = "cli", .at = 1600001000};
    assert_int_equal(import(fx, p6, &res, &err), 0);
    hw_plan_import_result_free(&res);

    assert_int_equal(hw_store_begin(fx->db.s, &err), 0);
    assert_int_equal(hw_plan_rate(fx->db.s, "Priority 6", "3", ymd(2018, 3, 1), HW_RAG_COMPLETE,
                                  "done", HW_RATE_SAME_DATE, &who, &err),
                     1);
    /* The same again: nothing; with another note: recorded. */
    assert_int_equal(hw_plan_rate(fx->db.s, "Priority 6", "3", ymd(2018, 3, 1), HW_RAG_COMPLETE,
                                  "done", HW_RATE_SAME_DATE, &who, &err),
                     0);
    assert_int_equal(hw_plan_rate(fx->db.s, "Priority 6", "3", ymd(2018, 3, 1), HW_RAG_COMPLETE,
                                  "signed off", HW_RATE_SAME_DATE, &who, &err),
                     1);
    assert_int_equal(hw_plan_rate(fx->db.s, "Priority 6", "9", ymd(2018, 3, 1), HW_RAG_RED, NULL,
                                  HW_RATE_SAME_DATE, &who, &err),
                     -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_int_equal(hw_plan_rate(fx->db.s, "Priority 6", "3", ymd(2018, 3, 1), HW_RAG_NONE, NULL,
                                  HW_RATE_ALWAYS, &who, &err),
                     -1);
    assert_int_equal(hw_store_commit(fx->db.s, &err), 0);

    struct hw_plan_view v;
    view(fx, ymd(2018, 4, 1), &v);
    const struct hw_plan_status *c = &v.rows[2];
    assert_int_equal(c->latest.rag, HW_RAG_COMPLETE);
    assert_string_equal(c->latest.note, "signed off");
    assert_int_equal(c->previous.rag, HW_RAG_RED);
    assert_int_equal(c->move, HW_MOVE_IMPROVED);
    assert_false(c->overdue);
    hw_plan_view_free(&v);

    char **plans;
    size_t n;
    assert_int_equal(hw_plan_find_ref(fx->db.s, "3", &plans, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(plans[0], "Priority 6");
    hw_plan_names_free(plans, n);
    assert_int_equal(hw_plan_find_ref(fx->db.s, "99", &plans, &n, &err), 0);
    assert_int_equal(n, 0);
    hw_plan_names_free(plans, n);
}

/* Ratings and the history are append-only; actions are never deleted;
 * writes need a transaction. */
static void test_append_only(void **state)
{
    struct fx *fx = *state;
    struct hw_plan_import_result res;
    struct hw_err err;
    assert_int_equal(import(fx, p6, &res, &err), 0);
    hw_plan_import_result_free(&res);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(fx->db.path, &db), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "UPDATE plan_ratings SET rag = 'green'", 0, 0, 0),
                         SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "DELETE FROM plan_ratings", 0, 0, 0), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "DELETE FROM plan_actions", 0, 0, 0), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(db, "UPDATE plan_actions SET created_by = 'x'", 0, 0, 0),
                         SQLITE_OK);
    sqlite3_close(db);

    struct hw_plan_rating r = {.plan = "Priority 6",
                               .ref = "1",
                               .rated_on = ymd(2018, 5, 1),
                               .rag = HW_RAG_GREEN,
                               .recorded = {.user = "x", .at = 1}};
    assert_int_equal(hw_store_add_plan_rating(fx->db.s, &r, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    /* A rating of an action that is not stored is refused by the database. */
    assert_int_equal(hw_store_begin(fx->db.s, &err), 0);
    r.ref = "404";
    assert_int_equal(hw_store_add_plan_rating(fx->db.s, &r, NULL, &err), -1);
    hw_store_rollback(fx->db.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_refs_and_names),
        cmocka_unit_test(test_history),
        cmocka_unit_test(test_overdue),
        cmocka_unit_test_setup_teardown(test_import, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reimport, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_current_rag_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_append_only, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
