/* test_analysis_interviews.c - the analyses' sections on reasons,
 * persistence, interviews in timescale, strategy meetings, the funnel and
 * cohorts (report/analysis_interviews.c), on hand-built facts where every
 * number is worked out by hand in the comments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/domain.h"
#include "core/monthly.h"
#include "report/analysis.h"
#include "support/doccheck.h"
#include "support/testdb.h"

static hw_instant local(const char *s)
{
    return hw_test_local(s);
}

/* Facts for 2016-17 and 2017-18, as at `now`, 72-hour interviews. */
static void facts_init(struct hw_afacts *f, const char *now)
{
    hw_afacts_init(f, local("2016-04-01 00:00"), local("2018-04-01 00:00"), local(now), 72);
}

static size_t child(struct hw_afacts *f, const char *id, bool ola)
{
    return hw_afacts_add_child(f, &(struct hw_achild){.id = (char *)id, .ola = ola});
}

/* A missing episode from the family home, back after 5 hours, child in
 * need, no interview. */
static struct hw_afact ep_at(size_t c, const char *id, const char *seen)
{
    hw_instant t = local(seen);
    return (struct hw_afact){.child = c,
                             .episode_id = id,
                             .kind = HW_KIND_MISSING,
                             .last_seen = t,
                             .returned = t + 5 * HW_HOUR,
                             .placement = HW_PL_HOME,
                             .case_status = HW_CS_CIN,
                             .rhi_completed = HW_NO_TIME};
}

/* Completed `hours` (and `secs`) after the return. */
static void done_after(struct hw_afact *e, long hours, long secs)
{
    e->offered = true;
    e->done = true;
    e->rhi_completed = e->returned + hours * HW_HOUR + secs;
}

static long long num(const struct hw_doc *d, const char *sec, const char *table, const char *row,
                     const char *col)
{
    return hw_test_num(d, sec, table, row, col);
}

/* The cell is there and empty (a rate with nothing to divide by). */
static void assert_empty(const struct hw_doc *d, const char *sec, const char *table,
                         const char *row, const char *col)
{
    const struct hw_cell *c = hw_test_cell(d, sec, table, row, col);
    assert_non_null(c);
    assert_int_equal(c->kind, HW_CELL_EMPTY);
}

static const char *row_label(const struct hw_doc *d, const char *sec, const char *table, size_t r)
{
    const struct hw_doc_table *t = hw_test_table(d, sec, table);
    assert_non_null(t);
    assert_true(r < t->nrows);
    assert_int_equal(t->cells[r * t->ncols].kind, HW_CELL_TEXT);
    return t->cells[r * t->ncols].text;
}

static size_t nrows(const struct hw_doc *d, const char *sec, const char *table)
{
    const struct hw_doc_table *t = hw_test_table(d, sec, table);
    assert_non_null(t);
    return t->nrows;
}

static bool snake(const char *s)
{
    if (s == NULL || *s == '\0')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

/* What every section promises: lower_snake_case ids, a title and an
 * intro, every row labelled by text in its first column; and it renders in
 * every format. */
static void check_doc(const struct hw_doc *d)
{
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        assert_true(snake(s->id));
        assert_true(s->title && *s->title);
        assert_true(s->intro && *s->intro);
        for (size_t t = 0; t < s->ntables; t++) {
            const struct hw_doc_table *tb = &s->tables[t];
            assert_true(snake(tb->id));
            assert_true(tb->ncols >= 2);
            for (size_t c = 0; c < tb->ncols; c++)
                assert_true(snake(tb->col_ids[c]));
            for (size_t r = 0; r < tb->nrows; r++) {
                assert_int_equal(tb->cells[r * tb->ncols].kind, HW_CELL_TEXT);
                assert_non_null(tb->cells[r * tb->ncols].text);
            }
        }
        for (size_t c = 0; c < s->ncharts; c++) {
            assert_true(s->charts[c].table < s->ntables);
            for (size_t k = 0; k < s->charts[c].nseries; k++)
                assert_true(s->charts[c].series[k] < s->tables[s->charts[c].table].ncols);
        }
    }
    const enum hw_format fmts[] = {HW_FMT_TEXT, HW_FMT_CSV, HW_FMT_JSON, HW_FMT_HTML, HW_FMT_XLSX};
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        struct hw_buf out = {0};
        struct hw_err err = {0};
        assert_int_equal(hw_doc_render(d, fmts[i], &out, &err), 0);
        /* CSV holds only tables: a doc without any can be empty there. */
        assert_true(out.len > 0 || fmts[i] == HW_FMT_CSV);
        hw_buf_free(&out);
    }
}

static const struct hw_analysis_opts defaults = {.top = 10};

/* ---- timescale ---- */

/* Own children A and B, C placed here by another council; 2017-18. */
static void timescale_facts(struct hw_afacts *f)
{
    /* now: A6's interview (back 04:30 on 1 April) is still within 72 hours. */
    facts_init(f, "2018-04-02 12:00");
    size_t a = child(f, "A", false), b = child(f, "B", false), o = child(f, "O", true);
    struct hw_afact e;

    /* Before the year: 23:30 on 31 March (BST) is still 2016-17. */
    e = ep_at(a, "A0", "2017-03-31 23:30");
    done_after(&e, 1, 0);
    hw_afacts_add(f, &e);

    /* Q1 */
    e = ep_at(a, "A1", "2017-04-02 20:00"); /* exactly 72 hours: in */
    done_after(&e, 72, 0);
    hw_afacts_add(f, &e);
    e = ep_at(a, "A2", "2017-05-10 10:00"); /* 72 hours and a second: late; out of area */
    done_after(&e, 72, 1);
    e.lateness_reason = HW_LATE_MISSING_AGAIN;
    e.out_of_area = true;
    hw_afacts_add(f, &e);
    e = ep_at(a, "A3", "2017-06-01 10:00"); /* decided not needed */
    e.rhi_not_needed = true;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B1", "2017-06-05 10:00"); /* away without authorisation */
    e.kind = HW_KIND_ABSENT;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B2", "2017-06-20 10:00"); /* never completed */
    e.offered = true;
    hw_afacts_add(f, &e);
    e = ep_at(o, "O1", "2017-05-01 10:00"); /* placed by another council: in */
    done_after(&e, 10, 0);
    hw_afacts_add(f, &e);
    e = ep_at(o, "O2", "2017-05-03 10:00"); /* and late (not in the own lateness table) */
    done_after(&e, 100, 0);
    e.lateness_reason = HW_LATE_DECLINED;
    hw_afacts_add(f, &e);

    /* Q2 */
    e = ep_at(b, "B3", "2017-07-01 10:00"); /* still missing */
    e.returned = HW_NO_TIME;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B4", "2017-09-30 23:30"); /* Q2 though back on 1 October; late, no reason */
    done_after(&e, 80, 0);
    hw_afacts_add(f, &e);

    /* Q3: 00:30 BST on 1 October is 23:30 UTC on 30 September, and Q3. */
    e = ep_at(a, "A4", "2017-10-01 00:30");
    done_after(&e, 24, 0);
    hw_afacts_add(f, &e);
    /* Clocks went back at 02:00 on 29 October: back at 12:00 BST on the
     * 28th, 72 hours later is 11:00 GMT on the 31st, not 12:00. */
    e = ep_at(a, "A5", "2017-10-27 20:00");
    e.returned = local("2017-10-28 12:00");
    e.offered = e.done = true;
    e.rhi_completed = local("2017-10-31 11:00"); /* 72 hours: in */
    e.out_of_area = true;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B5", "2017-10-27 21:00");
    e.returned = local("2017-10-28 12:00");
    e.offered = e.done = true;
    e.rhi_completed = local("2017-10-31 12:00"); /* 73 hours: late */
    e.lateness_reason = HW_LATE_WEEKEND_BANK_HOLIDAY;
    hw_afacts_add(f, &e);

    /* Q4: 23:30 on 31 March 2018 (BST), back 04:30 on 1 April: not yet due. */
    e = ep_at(a, "A6", "2018-03-31 23:30");
    hw_afacts_add(f, &e);
    hw_afacts_finish(f);
}

static void test_timescale_year(void **state)
{
    (void)state;
    struct hw_afacts f;
    timescale_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    struct hw_err err = {0};
    assert_int_equal(hw_section_timescale(&d, &f, &p, &defaults, &err), 0);
    assert_int_equal(d.nsections, 1);
    assert_string_equal(d.sections[0].id, "timescale");
    assert_string_equal(d.sections[0].title, "Return home interviews in timescale");
    const char *S = "timescale";

    /* Q1 own: needed A1 A2 B2 (A3 not needed, B1 absent); A1 in, A2 late,
     * B2 never done: 1/3. */
    assert_int_equal(nrows(&d, S, "by_quarter"), 4);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "needed"), 3);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "completed"), 2);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "in_timescale"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "completed_late"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "not_completed"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "pending"), 0);
    assert_int_equal(num(&d, S, "by_quarter", "Q1", "in_timescale_pct"), 3333);
    /* Q2: B4 late (B3 still missing): 0%, a real zero. */
    assert_int_equal(num(&d, S, "by_quarter", "Q2", "needed"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q2", "in_timescale_pct"), 0);
    /* Q3: A4 and A5 (72h across the clock change) in, B5 (73h) late. */
    assert_int_equal(num(&d, S, "by_quarter", "Q3", "needed"), 3);
    assert_int_equal(num(&d, S, "by_quarter", "Q3", "in_timescale"), 2);
    assert_int_equal(num(&d, S, "by_quarter", "Q3", "completed_late"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q3", "in_timescale_pct"), 6667);
    /* Q4: only A6, not yet due: no rate. */
    assert_int_equal(num(&d, S, "by_quarter", "Q4", "needed"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q4", "pending"), 1);
    assert_int_equal(num(&d, S, "by_quarter", "Q4", "not_completed"), 0);
    assert_empty(&d, S, "by_quarter", "Q4", "in_timescale_pct");

    /* The year by group. Own: 8 needed, 3 in, 3 late, 1 not done, 1 not
     * yet due: 3/7. In area A1 B2 B4 A4 B5 A6: 2 in of 5 due; out of area
     * A2 (late) A5 (in): 1/2. Other councils' O1 in, O2 late: 1/2. All:
     * 4 of 9 due. */
    assert_int_equal(num(&d, S, "by_group", "Own children", "needed"), 8);
    assert_int_equal(num(&d, S, "by_group", "Own children", "completed"), 6);
    assert_int_equal(num(&d, S, "by_group", "Own children", "in_timescale"), 3);
    assert_int_equal(num(&d, S, "by_group", "Own children", "completed_late"), 3);
    assert_int_equal(num(&d, S, "by_group", "Own children", "not_completed"), 1);
    assert_int_equal(num(&d, S, "by_group", "Own children", "pending"), 1);
    assert_int_equal(num(&d, S, "by_group", "Own children", "in_timescale_pct"), 4286);
    assert_int_equal(num(&d, S, "by_group", "Own children placed in area", "needed"), 6);
    assert_int_equal(num(&d, S, "by_group", "Own children placed in area", "in_timescale_pct"),
                     4000);
    assert_int_equal(num(&d, S, "by_group", "Own children placed out of area", "needed"), 2);
    assert_int_equal(num(&d, S, "by_group", "Own children placed out of area", "in_timescale_pct"),
                     5000);
    assert_int_equal(num(&d, S, "by_group", "Placed here by other councils", "needed"), 2);
    assert_int_equal(num(&d, S, "by_group", "Placed here by other councils", "in_timescale"), 1);
    assert_int_equal(num(&d, S, "by_group", "Placed here by other councils", "completed_late"), 1);
    assert_int_equal(num(&d, S, "by_group", "All children", "needed"), 10);
    assert_int_equal(num(&d, S, "by_group", "All children", "in_timescale_pct"), 4444);

    /* Split by quarter. */
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "own_needed"), 3);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "own_in_timescale"), 1);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "own_pct"), 3333);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "ola_needed"), 2);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "ola_in_timescale"), 1);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q1", "ola_pct"), 5000);
    assert_int_equal(num(&d, S, "own_vs_ola", "Q2", "ola_needed"), 0);
    assert_empty(&d, S, "own_vs_ola", "Q2", "ola_pct");
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q1", "in_area_needed"), 2);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q1", "in_area_pct"), 5000);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q1", "out_of_area_needed"), 1);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q1", "out_of_area_pct"), 0);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q3", "in_area_pct"), 5000);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q3", "out_of_area_in_timescale"), 1);
    assert_int_equal(num(&d, S, "in_area_vs_out_of_area", "Q3", "out_of_area_pct"), 10000);

    /* Lateness, own children: A2 missing again (Q1), B4 none recorded
     * (Q2), B5 a weekend (Q3); O2's "declined" is not counted. */
    const char *again = hw_code_label(hw_lateness_codes, HW_LATE_MISSING_AGAIN);
    const char *weekend = hw_code_label(hw_lateness_codes, HW_LATE_WEEKEND_BANK_HOLIDAY);
    const char *declined = hw_code_label(hw_lateness_codes, HW_LATE_DECLINED);
    assert_int_equal(num(&d, S, "lateness", again, "q1"), 1);
    assert_int_equal(num(&d, S, "lateness", again, "total"), 1);
    assert_int_equal(num(&d, S, "lateness", "Not recorded", "q2"), 1);
    assert_int_equal(num(&d, S, "lateness", weekend, "q3"), 1);
    assert_int_equal(num(&d, S, "lateness", declined, "total"), 0);
    assert_int_equal(num(&d, S, "lateness", "Completed late", "total"), 3);
    assert_int_equal(num(&d, S, "lateness", "Completed late", "q4"), 0);

    /* Episodes and need, own children. Q1: A1 A2 A3 B1 B2. */
    assert_int_equal(num(&d, S, "not_needed", "Q1", "episodes"), 5);
    assert_int_equal(num(&d, S, "not_needed", "Q1", "not_needed"), 1);
    assert_int_equal(num(&d, S, "not_needed", "Q1", "absent"), 1);
    assert_int_equal(num(&d, S, "not_needed", "Q1", "needed"), 3);
    assert_int_equal(num(&d, S, "not_needed", "Q2", "still_missing"), 1);
    assert_int_equal(num(&d, S, "not_needed", "Year", "episodes"), 11);
    assert_int_equal(num(&d, S, "not_needed", "Year", "not_needed"), 1);
    assert_int_equal(num(&d, S, "not_needed", "Year", "needed"), 8);

    /* The line chart of the quarterly % against the 90% target. */
    const struct hw_doc_section *s = hw_test_section(&d, S);
    assert_int_equal(s->ncharts, 1);
    assert_int_equal(s->charts[0].kind, HW_CHART_LINE);
    assert_int_equal(s->charts[0].target, 9000);
    assert_int_equal(s->charts[0].nseries, 1);
    const struct hw_doc_table *tq = &s->tables[s->charts[0].table];
    assert_string_equal(tq->id, "by_quarter");
    assert_string_equal(tq->col_ids[s->charts[0].series[0]], "in_timescale_pct");

    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

static void test_timescale_quarter(void **state)
{
    (void)state;
    struct hw_afacts f;
    timescale_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 2);
    struct hw_doc d;
    hw_doc_init(&d, "Quarterly analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_timescale(&d, &f, &p, &defaults, NULL), 0);
    /* Q1 and Q2 only; the group table is the year to date. */
    assert_int_equal(nrows(&d, "timescale", "by_quarter"), 2);
    assert_null(hw_test_cell(&d, "timescale", "by_quarter", "Q3", "needed"));
    assert_null(hw_test_cell(&d, "timescale", "lateness", "Completed late", "q3"));
    assert_int_equal(num(&d, "timescale", "lateness", "Completed late", "total"), 2);
    assert_int_equal(num(&d, "timescale", "by_group", "Own children", "needed"), 4);
    assert_int_equal(num(&d, "timescale", "by_group", "Own children", "in_timescale_pct"), 2500);
    assert_int_equal(num(&d, "timescale", "not_needed", "Year to date", "episodes"), 7);
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- reasons ---- */

static void reasons_facts(struct hw_afacts *f)
{
    facts_init(f, "2018-06-01 12:00");
    size_t a = child(f, "A", false), b = child(f, "B", false), o = child(f, "O", true);
    struct hw_afact e;
    e = ep_at(a, "P1", "2017-03-01 10:00"); /* last year: not counted */
    done_after(&e, 10, 0);
    e.reasons = "cse";
    hw_afacts_add(f, &e);
    e = ep_at(a, "A1", "2017-04-10 10:00");
    done_after(&e, 10, 0);
    e.reasons = "with_friends;independence";
    hw_afacts_add(f, &e);
    e = ep_at(a, "A2", "2017-04-12 10:00"); /* a reason twice counts once */
    done_after(&e, 10, 0);
    e.reasons = "independence; Independence ;cse";
    hw_afacts_add(f, &e);
    e = ep_at(b, "B1", "2017-05-01 10:00"); /* completed, no reasons */
    done_after(&e, 10, 0);
    hw_afacts_add(f, &e);
    /* One interview covering two episodes (same child, same completed
     * time) counts once, in Q2 with an unknown code. */
    e = ep_at(b, "B2", "2017-07-01 10:00");
    e.offered = e.done = true;
    e.rhi_completed = local("2017-07-03 10:00");
    e.reasons = "made_up_code;with_friends";
    hw_afacts_add(f, &e);
    e.episode_id = "B3";
    e.last_seen = local("2017-07-02 10:00");
    e.returned = e.last_seen + HW_HOUR;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B4", "2017-08-01 10:00"); /* reasons but not completed */
    e.offered = true;
    e.reasons = "drugs";
    hw_afacts_add(f, &e);
    e = ep_at(o, "O1", "2017-10-01 10:00"); /* another council's child */
    done_after(&e, 10, 0);
    e.reasons = "drugs";
    hw_afacts_add(f, &e);
    e = ep_at(a, "A3", "2018-01-10 10:00"); /* empty codes are skipped */
    done_after(&e, 10, 0);
    e.reasons = "zzz_unknown;cse;;";
    hw_afacts_add(f, &e);
    hw_afacts_finish(f);
}

static void test_reasons(void **state)
{
    (void)state;
    struct hw_afacts f;
    reasons_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_reasons(&d, &f, &p, &defaults, NULL), 0);
    const char *S = "reasons", *T = "reasons";
    const struct hw_reasons *r = hw_reasons_builtin();
    const char *friends = hw_reasons_label(r, "with_friends");
    const char *indep = hw_reasons_label(r, "independence");
    const char *cse = hw_reasons_label(r, "cse");
    const char *drugs = hw_reasons_label(r, "drugs");
    assert_int_equal(num(&d, S, T, friends, "q1"), 1);
    assert_int_equal(num(&d, S, T, friends, "q2"), 1);
    assert_int_equal(num(&d, S, T, friends, "total"), 2);
    assert_int_equal(num(&d, S, T, indep, "q1"), 2);
    assert_int_equal(num(&d, S, T, indep, "total"), 2);
    assert_int_equal(num(&d, S, T, cse, "q1"), 1);
    assert_int_equal(num(&d, S, T, cse, "q4"), 1);
    assert_int_equal(num(&d, S, T, cse, "total"), 2);
    assert_int_equal(num(&d, S, T, drugs, "total"), 0);
    assert_int_equal(num(&d, S, T, "made_up_code", "q2"), 1);
    assert_int_equal(num(&d, S, T, "made_up_code", "total"), 1);
    assert_int_equal(num(&d, S, T, "zzz_unknown", "q4"), 1);
    assert_int_equal(num(&d, S, T, "Interviews with reasons recorded", "q1"), 2);
    assert_int_equal(num(&d, S, T, "Interviews with reasons recorded", "q2"), 1);
    assert_int_equal(num(&d, S, T, "Interviews with reasons recorded", "q3"), 0);
    assert_int_equal(num(&d, S, T, "Interviews with reasons recorded", "total"), 4);
    assert_int_equal(num(&d, S, T, "Interviews completed", "q1"), 3);
    assert_int_equal(num(&d, S, T, "Interviews completed", "total"), 5);
    /* Rows: the list in its order, the unknown codes sorted, the counts. */
    size_t n = r->n;
    assert_int_equal(nrows(&d, S, T), n + 4);
    assert_string_equal(row_label(&d, S, T, 0), r->items[0].label);
    assert_string_equal(row_label(&d, S, T, n), "made_up_code");
    assert_string_equal(row_label(&d, S, T, n + 1), "zzz_unknown");
    assert_string_equal(row_label(&d, S, T, n + 2), "Interviews with reasons recorded");
    check_doc(&d);
    hw_doc_free(&d);

    /* A council's own list: its labels; codes not in it shown as codes. */
    struct hw_reasons mine;
    struct hw_err err = {0};
    assert_int_equal(
        hw_reasons_parse("with_friends  Friends\ncse  Exploitation\n", "r.txt", &mine, &err), 0);
    struct hw_analysis_opts o = {.reasons = &mine};
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_reasons(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(num(&d, S, T, "Friends", "total"), 2);
    assert_int_equal(num(&d, S, T, "Exploitation", "total"), 2);
    assert_int_equal(num(&d, S, T, "independence", "q1"), 2);
    assert_null(hw_test_cell(&d, S, T, indep, "total"));
    assert_int_equal(nrows(&d, S, T), 2 + 3 + 2);
    hw_doc_free(&d);

    /* Quarter 2: two quarter columns and the year to date. */
    hw_period_init(&p, 2017, 2);
    hw_doc_init(&d, "Quarterly analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_reasons(&d, &f, &p, NULL, NULL), 0);
    const struct hw_doc_table *t = hw_test_table(&d, S, T);
    assert_int_equal(t->ncols, 4);
    assert_string_equal(t->col_ids[3], "total");
    assert_string_equal(t->col_titles[3], "Year to date");
    assert_int_equal(num(&d, S, T, cse, "total"), 1);
    assert_null(hw_test_cell(&d, S, T, "zzz_unknown", "total"));
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- one-off and persistent ---- */

static void add_n(struct hw_afacts *f, size_t c, const char *day, int n, int placement)
{
    for (int i = 0; i < n; i++) {
        char when[32], id[32];
        snprintf(when, sizeof when, "%s %02d:00", day, 8 + i);
        snprintf(id, sizeof id, "%s-%zu-%d", day, c, i);
        struct hw_afact e = ep_at(c, id, when);
        e.placement = placement;
        hw_afacts_add(f, &e);
    }
}

static void persistent_facts(struct hw_afacts *f)
{
    facts_init(f, "2018-06-01 12:00");
    size_t a = hw_afacts_add_child(
        f, &(struct hw_achild){.id = "A", .first_name = "Amy", .last_name = "Smith"});
    size_t b = hw_afacts_add_child(f, &(struct hw_achild){.id = "B", .first_name = "Ben"});
    size_t c = child(f, "C", false), dd = child(f, "D", false), e = child(f, "E", false);
    size_t o = child(f, "O", true);
    add_n(f, a, "2017-03-20", 4, HW_PL_HOME); /* last year */
    add_n(f, a, "2017-04-05", 2, HW_PL_HOME); /* A: 3 in Q1 (persistent) ... */
    add_n(f, a, "2017-06-30", 1, HW_PL_HOME);
    add_n(f, a, "2017-07-04", 2, HW_PL_FOSTER); /* ... and 2 in Q2 (repeat) */
    add_n(f, b, "2017-05-01", 1, HW_PL_HOME);   /* B: 1 in Q1, 1 in Q2 */
    add_n(f, b, "2017-08-01", 1, HW_PL_HOME);
    add_n(f, c, "2017-09-01", 1, HW_PL_UNSET);            /* C: once */
    add_n(f, dd, "2017-11-01", 4, HW_PL_LA_HOME);         /* D: 4 in Q3 */
    add_n(f, e, "2017-12-01", 2, HW_PL_HOME);             /* E: 2 in Q3 */
    add_n(f, o, "2017-04-10", 5, HW_PL_INDEPENDENT_HOME); /* another council's */
    /* B away without authorisation twice in Q1: not missing, so B stays
     * one-off there (counted, B would be persistent). */
    for (int i = 0; i < 2; i++) {
        struct hw_afact away =
            ep_at(b, i ? "B-away-2" : "B-away-1", i ? "2017-05-03 22:00" : "2017-05-02 22:00");
        away.kind = HW_KIND_ABSENT;
        hw_afacts_add(f, &away);
    }
    hw_afacts_finish(f);
}

static void test_persistent_year(void **state)
{
    (void)state;
    struct hw_afacts f;
    persistent_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    struct hw_analysis_opts o = {.top = 3};
    assert_int_equal(hw_section_persistent(&d, &f, &p, &o, NULL), 0);
    const char *S = "persistent";
    /* Q1: A (3, persistent), B (1): O is another council's. */
    assert_int_equal(num(&d, S, "children", "Q1", "children"), 2);
    assert_int_equal(num(&d, S, "children", "Q1", "one_off"), 1);
    assert_int_equal(num(&d, S, "children", "Q1", "one_off_pct"), 5000);
    assert_int_equal(num(&d, S, "children", "Q1", "repeat"), 0);
    assert_int_equal(num(&d, S, "children", "Q1", "persistent"), 1);
    assert_int_equal(num(&d, S, "children", "Q1", "persistent_pct"), 5000);
    assert_int_equal(num(&d, S, "episodes", "Q1", "episodes"), 4);
    assert_int_equal(num(&d, S, "episodes", "Q1", "persistent"), 3);
    assert_int_equal(num(&d, S, "episodes", "Q1", "persistent_pct"), 7500);
    assert_int_equal(num(&d, S, "episodes", "Q1", "one_off_pct"), 2500);
    /* Q2: A twice (not persistent there), B and C once. */
    assert_int_equal(num(&d, S, "children", "Q2", "children"), 3);
    assert_int_equal(num(&d, S, "children", "Q2", "one_off"), 2);
    assert_int_equal(num(&d, S, "children", "Q2", "one_off_pct"), 6667);
    assert_int_equal(num(&d, S, "children", "Q2", "repeat"), 1);
    assert_int_equal(num(&d, S, "children", "Q2", "persistent"), 0);
    assert_int_equal(num(&d, S, "children", "Q2", "persistent_pct"), 0);
    assert_int_equal(num(&d, S, "episodes", "Q2", "repeat"), 2);
    assert_int_equal(num(&d, S, "episodes", "Q2", "repeat_pct"), 5000);
    /* Q3: D 4, E 2. Q4: nobody, no rates. */
    assert_int_equal(num(&d, S, "children", "Q3", "persistent"), 1);
    assert_int_equal(num(&d, S, "children", "Q3", "repeat"), 1);
    assert_int_equal(num(&d, S, "episodes", "Q3", "persistent_pct"), 6667);
    assert_int_equal(num(&d, S, "children", "Q4", "children"), 0);
    assert_empty(&d, S, "children", "Q4", "one_off_pct");
    /* The year: A and D persistent in a quarter, B (1+1) and E repeat, C
     * one-off: 5 children; 14 episodes (A 5, B 2, C 1, D 4, E 2), 9 of
     * them the persistent ones'. */
    assert_int_equal(num(&d, S, "children", "Year", "children"), 5);
    assert_int_equal(num(&d, S, "children", "Year", "one_off"), 1);
    assert_int_equal(num(&d, S, "children", "Year", "repeat"), 2);
    assert_int_equal(num(&d, S, "children", "Year", "persistent"), 2);
    assert_int_equal(num(&d, S, "children", "Year", "persistent_pct"), 4000);
    assert_int_equal(num(&d, S, "episodes", "Year", "episodes"), 14);
    assert_int_equal(num(&d, S, "episodes", "Year", "persistent"), 9);
    assert_int_equal(num(&d, S, "episodes", "Year", "persistent_pct"), 6429);
    assert_int_equal(num(&d, S, "episodes", "Year", "one_off_pct"), 714);
    assert_int_equal(num(&d, S, "episodes", "Year", "repeat_pct"), 2857);

    /* Top 3: A 5, D 4, then B and E with 2 each: B by ID. */
    assert_int_equal(nrows(&d, S, "top_children"), 3);
    assert_string_equal(row_label(&d, S, "top_children", 0), "A");
    assert_string_equal(row_label(&d, S, "top_children", 1), "D");
    assert_string_equal(row_label(&d, S, "top_children", 2), "B");
    assert_int_equal(num(&d, S, "top_children", "A", "episodes"), 5);
    const struct hw_cell *name = hw_test_cell(&d, S, "top_children", "A", "name");
    assert_string_equal(name->text, "Amy Smith");
    name = hw_test_cell(&d, S, "top_children", "B", "name");
    assert_string_equal(name->text, "Ben");
    assert_int_equal(hw_test_cell(&d, S, "top_children", "D", "name")->kind, HW_CELL_EMPTY);
    assert_int_equal(hw_test_cell(&d, S, "top_children", "A", "first_seen")->kind, HW_CELL_DATE);
    assert_int_equal(num(&d, S, "top_children", "A", "first_seen"), hw_date_from_ymd(2017, 4, 5));
    assert_int_equal(num(&d, S, "top_children", "A", "last_seen"), hw_date_from_ymd(2017, 7, 4));
    assert_string_equal(hw_test_cell(&d, S, "top_children", "A", "placements")->text,
                        "Family home; Foster care");
    assert_string_equal(hw_test_cell(&d, S, "top_children", "D", "placements")->text,
                        "Council children's home");
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

static void test_persistent_quarter(void **state)
{
    (void)state;
    struct hw_afacts f;
    persistent_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 2);
    struct hw_doc d;
    hw_doc_init(&d, "Quarterly analysis", "Council", p.label, 0);
    /* No options: the top 10. */
    assert_int_equal(hw_section_persistent(&d, &f, &p, NULL, NULL), 0);
    const char *S = "persistent";
    assert_int_equal(nrows(&d, S, "children"), 3);
    assert_string_equal(row_label(&d, S, "children", 2), "Year to date");
    /* Year to date: A persistent (Q1), B repeat (1 + 1), C one-off. */
    assert_int_equal(num(&d, S, "children", "Year to date", "children"), 3);
    assert_int_equal(num(&d, S, "children", "Year to date", "persistent"), 1);
    assert_int_equal(num(&d, S, "children", "Year to date", "repeat"), 1);
    assert_int_equal(num(&d, S, "children", "Year to date", "one_off"), 1);
    /* The top list is of the quarter: A 2 (foster only), B 1, C 1. */
    assert_int_equal(nrows(&d, S, "top_children"), 3);
    assert_string_equal(row_label(&d, S, "top_children", 0), "A");
    assert_string_equal(row_label(&d, S, "top_children", 1), "B");
    assert_string_equal(row_label(&d, S, "top_children", 2), "C");
    assert_int_equal(num(&d, S, "top_children", "A", "episodes"), 2);
    assert_string_equal(hw_test_cell(&d, S, "top_children", "A", "placements")->text,
                        "Foster care");
    assert_string_equal(hw_test_cell(&d, S, "top_children", "C", "placements")->text,
                        "Not recorded");
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* A thousand children, the top 10 by a heap: the same as sorting. */
static void test_persistent_top_many(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts_init(&f, "2018-06-01 12:00");
    for (int i = 0; i < 1000; i++) {
        char id[16];
        snprintf(id, sizeof id, "C%04d", i);
        size_t c = child(&f, id, false);
        /* Child i has (i * 7919) % 13 + 1 episodes, spread over days. */
        int n = (i * 7919) % 13 + 1;
        for (int k = 0; k < n; k++) {
            struct hw_afact e = ep_at(c, id, "2017-05-01 10:00");
            e.last_seen += (hw_instant)k * HW_DAY + i;
            hw_afacts_add(&f, &e);
        }
    }
    hw_afacts_finish(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_persistent(&d, &f, &p, &defaults, NULL), 0);
    /* The most is 13 episodes, for every i with i * 7919 % 13 == 12: the
     * list is the first ten of those by ID. */
    const struct hw_doc_table *t = hw_test_table(&d, "persistent", "top_children");
    assert_int_equal(t->nrows, 10);
    char prev[16] = "";
    for (size_t r = 0; r < t->nrows; r++) {
        assert_int_equal(t->cells[r * t->ncols + 2].n, 13);
        assert_true(strcmp(prev, t->cells[r * t->ncols].text) < 0);
        snprintf(prev, sizeof prev, "%s", t->cells[r * t->ncols].text);
    }
    /* The eleventh child with 13 episodes is after the tenth by ID. */
    int found = 0, last = -1;
    for (int i = 0; i < 1000 && found < 10; i++)
        if ((i * 7919) % 13 == 12) {
            found++;
            last = i;
        }
    char want[16];
    snprintf(want, sizeof want, "C%04d", last);
    assert_string_equal(t->cells[9 * t->ncols].text, want);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- strategy meetings ---- */

static void test_strategy_meetings(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts_init(&f, "2018-04-01 12:00");
    size_t a = child(&f, "A", false), o = child(&f, "O", true);
    static const struct {
        const char *seen;
        int sm3d;
        bool ola;
    } eps[] = {
        {"2017-04-01 10:00", HW_SM3D_HELD_IN_TIME, false},
        {"2017-04-20 10:00", HW_SM3D_HELD_IN_TIME, false},
        {"2017-05-01 10:00", HW_SM3D_FOUND_FIRST, false},
        {"2017-05-20 10:00", HW_SM3D_MISSED, false},
        {"2017-06-01 10:00", HW_SM3D_NONE, false},
        {"2017-07-01 10:00", HW_SM3D_HELD_LATE, false},
        {"2017-08-01 10:00", HW_SM3D_NOT_NEEDED, false},
        {"2017-08-10 10:00", HW_SM3D_HELD_IN_TIME, true},
        {"2018-03-30 10:00", HW_SM3D_PENDING, false},
        {"2017-02-01 10:00", HW_SM3D_MISSED, false}, /* last year */
    };
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
        char id[8];
        snprintf(id, sizeof id, "E%zu", i);
        struct hw_afact e = ep_at(eps[i].ola ? o : a, id, eps[i].seen);
        e.returned = e.last_seen + 80 * HW_HOUR;
        e.sm3d = eps[i].sm3d;
        hw_afacts_add(&f, &e);
    }
    hw_afacts_finish(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_strategy_meetings(&d, &f, &p, &defaults, NULL), 0);
    const char *S = "strategy_meetings", *T = "by_quarter";
    /* Q1: 4 due; 2 in time of 4 - 1 found first. */
    assert_int_equal(num(&d, S, T, "Q1", "due"), 4);
    assert_int_equal(num(&d, S, T, "Q1", "held_in_time"), 2);
    assert_int_equal(num(&d, S, T, "Q1", "found_first"), 1);
    assert_int_equal(num(&d, S, T, "Q1", "missed"), 1);
    assert_int_equal(num(&d, S, T, "Q1", "held_in_time_pct"), 6667);
    /* Q2: held late and recorded not needed (both in the denominator);
     * the other council's meeting only in its own column. */
    assert_int_equal(num(&d, S, T, "Q2", "due"), 2);
    assert_int_equal(num(&d, S, T, "Q2", "held_late"), 1);
    assert_int_equal(num(&d, S, T, "Q2", "not_needed"), 1);
    assert_int_equal(num(&d, S, T, "Q2", "held_in_time"), 0);
    assert_int_equal(num(&d, S, T, "Q2", "held_in_time_pct"), 0);
    assert_int_equal(num(&d, S, T, "Q2", "ola_not_counted"), 1);
    assert_int_equal(num(&d, S, T, "Q3", "due"), 0);
    assert_empty(&d, S, T, "Q3", "held_in_time_pct");
    /* Q4: only a meeting not yet due. */
    assert_int_equal(num(&d, S, T, "Q4", "pending"), 1);
    assert_empty(&d, S, T, "Q4", "held_in_time_pct");
    /* The year: 2 in time of 7 - 1 found first - 1 not yet due. */
    assert_int_equal(num(&d, S, T, "Year", "due"), 7);
    assert_int_equal(num(&d, S, T, "Year", "held_in_time_pct"), 4000);
    assert_int_equal(num(&d, S, T, "Year", "ola_not_counted"), 1);
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- the funnel ---- */

static void funnel_facts(struct hw_afacts *f, const char *from)
{
    hw_afacts_init(f, local(from), local("2018-04-01 00:00"), local("2018-06-01 12:00"), 72);
    size_t a = child(f, "A", false), b = child(f, "B", false), c = child(f, "C", false);
    size_t o = child(f, "O", true);
    struct hw_afact e;
    /* From home (B child in need, C no status recorded). */
    e = ep_at(b, "B1", "2017-04-10 10:00"); /* offered, taken up */
    done_after(&e, 20, 0);
    hw_afacts_add(f, &e);
    e = ep_at(b, "B2", "2017-05-10 10:00"); /* offered, not taken up */
    e.offered = true;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B3", "2017-06-10 10:00"); /* needed, not offered */
    hw_afacts_add(f, &e);
    e = ep_at(c, "C1", "2017-07-10 10:00"); /* not needed */
    e.case_status = HW_CS_UNSET;
    e.rhi_not_needed = true;
    hw_afacts_add(f, &e);
    e = ep_at(b, "B4", "2017-08-10 10:00"); /* still missing: not referred */
    e.returned = HW_NO_TIME;
    hw_afacts_add(f, &e);
    /* From care. */
    e = ep_at(a, "A1", "2017-09-10 10:00");
    e.case_status = HW_CS_CLA;
    done_after(&e, 20, 0);
    hw_afacts_add(f, &e);
    e = ep_at(a, "A2", "2017-10-10 10:00"); /* away without authorisation */
    e.case_status = HW_CS_CLA;
    e.kind = HW_KIND_ABSENT;
    done_after(&e, 20, 0);
    hw_afacts_add(f, &e);
    e = ep_at(a, "A3", "2017-11-10 10:00"); /* completed, offer not recorded */
    e.case_status = HW_CS_CLA;
    e.done = true;
    e.rhi_completed = e.returned + HW_HOUR;
    hw_afacts_add(f, &e);
    e = ep_at(o, "O1", "2017-12-10 10:00"); /* another council's */
    e.case_status = HW_CS_CLA;
    done_after(&e, 20, 0);
    hw_afacts_add(f, &e);
    e = ep_at(b, "P1", "2016-06-01 10:00"); /* last year */
    done_after(&e, 20, 0);
    hw_afacts_add(f, &e);
    hw_afacts_finish(f);
}

static void test_funnel(void **state)
{
    (void)state;
    struct hw_afacts f;
    funnel_facts(&f, "2016-04-01 00:00");
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_funnel(&d, &f, &p, &defaults, NULL), 0);
    const char *S = "funnel", *T = "funnel";
    const char *ret = "Episodes returned (referred for an interview)";
    assert_int_equal(num(&d, S, T, ret, "home"), 4);
    assert_int_equal(num(&d, S, T, "Interviews needed", "home"), 3);
    assert_int_equal(num(&d, S, T, "Interviews offered", "home"), 2);
    assert_int_equal(num(&d, S, T, "Interviews taken up", "home"), 1);
    assert_int_equal(num(&d, S, T, "Offered, % of needed", "home"), 6667);
    assert_int_equal(num(&d, S, T, "Taken up, % of offered", "home"), 5000);
    assert_int_equal(num(&d, S, T, ret, "care"), 3);
    assert_int_equal(num(&d, S, T, "Interviews needed", "care"), 2);
    assert_int_equal(num(&d, S, T, "Interviews offered", "care"), 2);
    assert_int_equal(num(&d, S, T, "Interviews taken up", "care"), 2);
    assert_int_equal(num(&d, S, T, "Taken up, % of offered", "care"), 10000);
    assert_int_equal(num(&d, S, T, ret, "total"), 7);
    assert_int_equal(num(&d, S, T, "Interviews needed", "total"), 5);
    assert_int_equal(num(&d, S, T, "Offered, % of needed", "total"), 8000);
    assert_int_equal(num(&d, S, T, "Taken up, % of offered", "total"), 7500);
    /* Last year beside. */
    assert_int_equal(num(&d, S, T, ret, "prev_home"), 1);
    assert_int_equal(num(&d, S, T, "Interviews taken up", "prev_total"), 1);
    assert_int_equal(num(&d, S, T, ret, "prev_care"), 0);
    assert_empty(&d, S, T, "Offered, % of needed", "prev_care");
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);

    /* Facts without last year: its cells are empty, and the note says why. */
    funnel_facts(&f, "2017-04-01 00:00");
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_funnel(&d, &f, &p, &defaults, NULL), 0);
    assert_int_equal(num(&d, S, T, ret, "total"), 7);
    assert_empty(&d, S, T, ret, "prev_home");
    assert_empty(&d, S, T, "Interviews taken up", "prev_total");
    assert_non_null(hw_test_table(&d, S, T)->note);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* ---- cohort ---- */

static void cohort_facts(struct hw_afacts *f)
{
    facts_init(f, "2018-06-01 12:00");
    size_t a = child(f, "A", false), b = child(f, "B", false), o = child(f, "O", true);
    size_t x = child(f, "X", false);
    static const struct {
        int who;
        const char *seen;
    } eps[] = {
        {0, "2017-03-10 10:00"}, /* A before (last year) */
        {0, "2017-08-14 23:30"}, /* A before: the day before */
        {0, "2017-08-15 00:30"}, /* A after: Q2, August */
        {0, "2017-08-20 10:00"}, /* A: Q2, August */
        {0, "2017-10-01 00:30"}, /* A: Q3, October (23:30 UTC on 30 September) */
        {1, "2017-04-10 10:00"}, /* B before */
        {1, "2017-09-30 23:30"}, /* B: Q2, September */
        {1, "2018-03-31 23:30"}, /* B: Q4, March */
        {2, "2017-12-01 10:00"}, /* O (another council's, in the cohort): Q3, December */
        {3, "2017-09-01 10:00"}, /* X: not in the cohort */
    };
    size_t who[4] = {a, b, o, x};
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
        char id[8];
        snprintf(id, sizeof id, "E%zu", i);
        struct hw_afact e = ep_at(who[eps[i].who], id, eps[i].seen);
        hw_afacts_add(f, &e);
    }
    hw_afacts_finish(f);
}

static void test_cohort(void **state)
{
    (void)state;
    struct hw_afacts f;
    cohort_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    /* Z has no episode; A is given twice. */
    const char *ids[] = {"B", "A", "Z", "A", "O"};
    struct hw_analysis_opts o = {.cohort_name = "MPMG July 2017",
                                 .cohort = ids,
                                 .ncohort = 5,
                                 .cohort_from = hw_date_from_ymd(2017, 8, 15)};
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_cohort(&d, &f, &p, &o, NULL), 0);
    const char *S = "cohort";
    const struct hw_doc_section *s = hw_test_section(&d, S);
    assert_non_null(strstr(s->intro, "MPMG July 2017: 4 children"));
    assert_non_null(strstr(s->intro, "In all, 6 episodes by 3 of the 4 children"));

    /* Per quarter from 15 August: Q2 A A B, Q3 A O, Q4 B. */
    assert_int_equal(nrows(&d, S, "by_quarter"), 3);
    assert_string_equal(row_label(&d, S, "by_quarter", 0), "2017-18 Q2");
    assert_int_equal(num(&d, S, "by_quarter", "2017-18 Q2", "episodes"), 3);
    assert_int_equal(num(&d, S, "by_quarter", "2017-18 Q2", "individuals"), 2);
    assert_int_equal(num(&d, S, "by_quarter", "2017-18 Q3", "episodes"), 2);
    assert_int_equal(num(&d, S, "by_quarter", "2017-18 Q3", "individuals"), 2);
    assert_int_equal(num(&d, S, "by_quarter", "2017-18 Q4", "episodes"), 1);
    /* Per month, August to March. */
    assert_int_equal(nrows(&d, S, "by_month"), 8);
    assert_string_equal(row_label(&d, S, "by_month", 0), "Aug 2017");
    assert_int_equal(num(&d, S, "by_month", "Aug 2017", "episodes"), 2);
    assert_int_equal(num(&d, S, "by_month", "Aug 2017", "individuals"), 1);
    assert_int_equal(num(&d, S, "by_month", "Sep 2017", "episodes"), 1);
    assert_int_equal(num(&d, S, "by_month", "Oct 2017", "episodes"), 1);
    assert_int_equal(num(&d, S, "by_month", "Nov 2017", "episodes"), 0);
    assert_int_equal(num(&d, S, "by_month", "Dec 2017", "individuals"), 1);
    assert_int_equal(num(&d, S, "by_month", "Mar 2018", "episodes"), 1);
    /* Each child once, in the order given. */
    assert_int_equal(nrows(&d, S, "children"), 4);
    assert_string_equal(row_label(&d, S, "children", 0), "B");
    assert_string_equal(row_label(&d, S, "children", 1), "A");
    assert_string_equal(row_label(&d, S, "children", 2), "Z");
    assert_string_equal(row_label(&d, S, "children", 3), "O");
    assert_int_equal(num(&d, S, "children", "A", "before"), 2);
    assert_int_equal(num(&d, S, "children", "A", "after"), 3);
    assert_int_equal(num(&d, S, "children", "B", "before"), 1);
    assert_int_equal(num(&d, S, "children", "B", "after"), 2);
    assert_int_equal(num(&d, S, "children", "Z", "before"), 0);
    assert_int_equal(num(&d, S, "children", "Z", "after"), 0);
    assert_int_equal(num(&d, S, "children", "O", "after"), 1);
    const struct hw_doc_table *ct = hw_test_table(&d, S, "children");
    assert_string_equal(ct->col_titles[1], "Episodes 1 Apr 2016 to 14 Aug 2017");
    assert_string_equal(ct->col_titles[2], "Episodes 15 Aug 2017 to 31 Mar 2018");
    assert_int_equal(s->ncharts, 1);
    check_doc(&d);
    hw_doc_free(&d);

    /* Followed from before the facts begin: from where they begin. */
    o.cohort_from = hw_date_from_ymd(2016, 1, 1);
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_cohort(&d, &f, &p, &o, NULL), 0);
    s = hw_test_section(&d, S);
    assert_non_null(strstr(s->intro, "The facts loaded start on 1 Apr 2016"));
    assert_string_equal(row_label(&d, S, "by_quarter", 0), "2016-17 Q1");
    assert_int_equal(nrows(&d, S, "by_quarter"), 8);
    assert_int_equal(nrows(&d, S, "by_month"), 24);
    assert_int_equal(num(&d, S, "children", "A", "before"), 0);
    assert_int_equal(num(&d, S, "children", "A", "after"), 5);
    assert_int_equal(num(&d, S, "by_quarter", "2016-17 Q4", "episodes"), 1);
    hw_doc_free(&d);

    /* A date after the period is a bad option. */
    o.cohort_from = hw_date_from_ymd(2018, 4, 1);
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    struct hw_err err = {0};
    assert_int_equal(hw_section_cohort(&d, &f, &p, &o, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_non_null(strstr(err.msg, "1 Apr 2018"));
    o.cohort_from = HW_NO_DATE;
    assert_int_equal(hw_section_cohort(&d, &f, &p, &o, &err), -1);
    assert_int_equal(d.nsections, 0);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

static void test_no_cohort(void **state)
{
    (void)state;
    struct hw_afacts f;
    cohort_facts(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 0);
    struct hw_doc d;
    hw_doc_init(&d, "Annual analysis", "Council", p.label, 0);
    assert_int_equal(hw_section_cohort(&d, &f, &p, &defaults, NULL), 0);
    const struct hw_doc_section *s = hw_test_section(&d, "cohort");
    assert_non_null(s);
    assert_string_equal(s->title, "A group of children followed over time");
    assert_int_equal(s->ntables, 0);
    assert_non_null(strstr(s->intro, "No cohort was given"));
    assert_non_null(strstr(s->intro, "--cohort-file FILE --cohort-from DATE"));
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

/* No facts at all: every section still lays out its tables, with zeros
 * and empty rates. */
static void test_empty_facts(void **state)
{
    (void)state;
    struct hw_afacts f;
    facts_init(&f, "2018-06-01 12:00");
    hw_afacts_finish(&f);
    struct hw_period p;
    hw_period_init(&p, 2017, 3);
    struct hw_doc d;
    hw_doc_init(&d, "Quarterly analysis", "Council", p.label, 0);
    const char *ids[] = {"A"};
    struct hw_analysis_opts o = {
        .top = 10, .cohort = ids, .ncohort = 1, .cohort_from = hw_date_from_ymd(2017, 4, 1)};
    assert_int_equal(hw_section_reasons(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(hw_section_persistent(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(hw_section_timescale(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(hw_section_strategy_meetings(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(hw_section_funnel(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(hw_section_cohort(&d, &f, &p, &o, NULL), 0);
    assert_int_equal(d.nsections, 6);
    assert_int_equal(num(&d, "timescale", "by_quarter", "Q3", "needed"), 0);
    assert_empty(&d, "timescale", "by_quarter", "Q3", "in_timescale_pct");
    assert_int_equal(nrows(&d, "persistent", "top_children"), 0);
    assert_int_equal(num(&d, "cohort", "children", "A", "after"), 0);
    check_doc(&d);
    hw_doc_free(&d);
    hw_afacts_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timescale_year),
        cmocka_unit_test(test_timescale_quarter),
        cmocka_unit_test(test_reasons),
        cmocka_unit_test(test_persistent_year),
        cmocka_unit_test(test_persistent_quarter),
        cmocka_unit_test(test_persistent_top_many),
        cmocka_unit_test(test_strategy_meetings),
        cmocka_unit_test(test_funnel),
        cmocka_unit_test(test_cohort),
        cmocka_unit_test(test_no_cohort),
        cmocka_unit_test(test_empty_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
