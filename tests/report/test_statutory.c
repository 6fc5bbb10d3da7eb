/* test_statutory.c - Annex A list 8's missing columns and ssd_missing from
 * stored records, every number worked out by hand below.
 *
 * Annex A as at 2024-03-31: the 12 months are the days 2023-04-01 to
 * 2024-03-31 (UK time), i.e. from 2023-03-31 23:00 UTC (BST began on
 * 26 March 2023) to 2024-03-31 23:00 UTC (BST began on 31 March 2024).
 *
 *   child  status        episodes (local time; "+" counts, "-" does not)
 *   A1     cla           - missing 2023-03-31 23:30 BST (the day before)
 *                        + missing 2023-04-01 00:30 BST (23:30 UTC on the
 *                          31st, but 1 April in the UK), completed interview
 *                        + absent 2023-07-15, + absent 2023-11-02
 *                        + missing 2024-02-10 21:00, offered and completed
 *                        - missing 2024-04-01 00:30 BST (23:30 UTC on the
 *                          31st: the day after)
 *                        -> 2 missing, 2 absent, offered Y, accepted Y
 *   A2     cla           + missing 2023-05-05 (completed interview)
 *                        + missing 2023-12-20 23:30: offered, pending
 *                        -> 2, 0, Y, N (not yet completed is not accepted)
 *   A3     cla           + missing 2023-09-01 (completed interview)
 *                        + missing 2024-03-01: no interview
 *                        + absent 2024-03-20 with a completed interview
 *                          (away: not a "missing episode")
 *                        -> 2, 1, N, N
 *   A4     cla           + missing 2023-10-10: declined, no offer time
 *                        -> 1, 0, Y (a decline was an offer), N
 *   A5     cla           - missing 2023-02-15 (13 months ago; completed)
 *                        + absent 2024-03-31 23:30 BST (22:30 UTC)
 *                        -> 0, 1, empty, empty (no missing episode)
 *   A6     cla           no episodes, no date of birth -> 0, 0, empty, empty
 *   A7     cla           + missing 2023-06-01 (in care): not required
 *                        - missing 2023-09-01 recorded as cin at the time
 *                          (completed interview): not from a placement
 *                        + absent 2023-10-01, status at the time unrecorded
 *                        -> 1, 1, N, N
 *   H1     cin           not in care: left out
 *   O1     cla, Anyshire placed by another council: left out
 *
 * Ages at 2024-03-31: A1 born 2008-04-01 is 15 (16 the next day); A2 born
 * 2008-02-29 is 16; A3 born 2012-06-15 is 11.
 *
 * ssd_missing has every episode of every child but O1: 19 of the 21.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "support/testdb.h"

#include "report/statutory.h"

#define KV(...) ((const char *const[]){__VA_ARGS__, NULL})

static void child(struct hw_test_db *db, const char *id, const char *status, const char *dob,
                  const char *gender, const char *ethnicity, const char *ola)
{
    hw_test_put(db, HW_REC_CHILD,
                KV("child_id", id, "case_status", status, "date_of_birth", dob ? dob : "", "gender",
                   gender ? gender : "", "ethnicity", ethnicity ? ethnicity : "",
                   "responsible_authority", ola ? ola : ""));
}

/* returned "" leaves the child still missing; status "" leaves it unrecorded. */
static void episode(struct hw_test_db *db, const char *id, const char *child_id, const char *kind,
                    const char *last_seen, const char *returned, const char *status)
{
    hw_test_put(db, HW_REC_EPISODE,
                KV("episode_id", id, "child_id", child_id, "kind", kind, "last_seen", last_seen,
                   "returned", returned, "case_status", status));
}

static void interview(struct hw_test_db *db, const char *id, const char *child_id,
                      const char *episodes, const char *decision, const char *offered,
                      const char *outcome, const char *completed)
{
    hw_test_put(db, HW_REC_INTERVIEW,
                KV("interview_id", id, "child_id", child_id, "episode_ids", episodes, "decision",
                   decision, "offered", offered, "outcome", outcome, "completed", completed));
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (db == NULL || hw_test_db_open(db) < 0)
        return -1;
    child(db, "A1", "cla", "2008-04-01", "Female", "WBRI", NULL);
    child(db, "A2", "cla", "2008-02-29", "Male", "MOTH", NULL);
    child(db, "A3", "cla", "2012-06-15", "Male", "WBRI", NULL);
    child(db, "A4", "cla", "2009-09-09", "Female", "BAFR", NULL);
    child(db, "A5", "cla", "2010-01-01", "Female", "WBRI", NULL);
    child(db, "A6", "cla", NULL, NULL, NULL, NULL);
    child(db, "A7", "cla", "2007-07-07", "Male", "AIND", NULL);
    child(db, "H1", "cin", "2009-03-03", "Male", "WBRI", NULL);
    child(db, "O1", "cla", "2008-08-08", "Female", "WBRI", "Anyshire");

    episode(db, "A1E1", "A1", "missing", "2023-03-31 23:30", "2023-04-01 02:30", "cla");
    episode(db, "A1E2", "A1", "missing", "2023-04-01 00:30", "2023-04-01 03:30", "cla");
    episode(db, "A1E3", "A1", "absent", "2023-07-15 14:00", "2023-07-15 17:00", "cla");
    episode(db, "A1E4", "A1", "absent", "2023-11-02 10:00", "2023-11-02 13:00", "cla");
    episode(db, "A1E5", "A1", "missing", "2024-02-10 21:00", "2024-02-11 09:00", "cla");
    episode(db, "A1E6", "A1", "missing", "2024-04-01 00:30", "2024-04-01 03:30", "cla");
    episode(db, "A2E1", "A2", "missing", "2023-05-05 18:00", "2023-05-05 21:00", "cla");
    episode(db, "A2E2", "A2", "missing", "2023-12-20 23:30", "2023-12-21 02:30", "cla");
    episode(db, "A3E1", "A3", "missing", "2023-09-01 16:00", "2023-09-01 19:00", "cla");
    episode(db, "A3E2", "A3", "missing", "2024-03-01 16:00", "2024-03-01 19:00", "cla");
    episode(db, "A3E3", "A3", "absent", "2024-03-20 16:00", "2024-03-20 19:00", "cla");
    episode(db, "A4E1", "A4", "missing", "2023-10-10 20:00", "2023-10-10 23:00", "cla");
    episode(db, "A5E1", "A5", "missing", "2023-02-15 12:00", "2023-02-15 15:00", "cla");
    episode(db, "A5E2", "A5", "absent", "2024-03-31 23:30", "2024-04-01 02:30", "cla");
    episode(db, "A7E1", "A7", "missing", "2023-06-01 12:00", "2023-06-01 15:00", "cla");
    episode(db, "A7E2", "A7", "missing", "2023-09-01 12:00", "2023-09-01 15:00", "cin");
    episode(db, "A7E3", "A7", "absent", "2023-10-01 12:00", "2023-10-01 15:00", "");
    episode(db, "H1E1", "H1", "missing", "2024-03-15 10:00", "", "cin");
    episode(db, "H1E2", "H1", "missing", "2023-08-08 08:00", "2023-08-08 11:00", "cin");
    episode(db, "O1E1", "O1", "missing", "2024-01-12 15:00", "2024-01-12 18:00", "cla");
    episode(db, "O1E2", "O1", "missing", "2023-06-01 15:00", "2023-06-01 18:00", "cla");

    interview(db, "IA1a", "A1", "A1E2", "required", "2023-04-02 10:00", "completed",
              "2023-04-03 10:00");
    interview(db, "IA1b", "A1", "A1E5", "required", "2024-02-11 12:00", "completed",
              "2024-02-12 15:00");
    interview(db, "IA2a", "A2", "A2E1", "required", "2023-05-06 10:00", "completed",
              "2023-05-07 10:00");
    interview(db, "IA2b", "A2", "A2E2", "required", "2023-12-21 10:00", "pending", "");
    interview(db, "IA3a", "A3", "A3E1", "required", "2023-09-02 10:00", "completed",
              "2023-09-03 10:00");
    interview(db, "IA3b", "A3", "A3E3", "judgement", "2024-03-21 10:00", "completed",
              "2024-03-22 10:00");
    interview(db, "IA4", "A4", "A4E1", "required", "", "declined", "");
    interview(db, "IA5", "A5", "A5E1", "required", "2023-02-16 10:00", "completed",
              "2023-02-17 10:00");
    interview(db, "IA7a", "A7", "A7E1", "not_required", "", "", "");
    interview(db, "IA7b", "A7", "A7E2", "required", "2023-09-02 10:00", "completed",
              "2023-09-03 10:00");
    interview(db, "IH1", "H1", "H1E2", "required", "2023-08-09 09:00", "unavailable", "");
    interview(db, "IO1", "O1", "O1E1", "required", "2024-01-13 10:00", "completed",
              "2024-01-14 10:00");
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    struct hw_test_db *db = *state;
    hw_test_db_close(db);
    free(db);
    return 0;
}

static hw_date date(const char *s)
{
    hw_date d;
    assert_int_equal(hw_parse_date(s, &d), 0);
    return d;
}

/* Checks row r of t against the cells given (ncols of them). */
static void row_is(const struct hw_table *t, size_t r, const char *const *want)
{
    assert_true(r < t->nrows);
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->cells[r * t->ncols + c], want[c]) != 0)
            fail_msg("row %zu column %zu (%s): got '%s', expected '%s'", r, c, t->cells[c],
                     t->cells[r * t->ncols + c], want[c]);
}

#define ROW(t, r, ...) row_is((t), (r), (const char *const[]){__VA_ARGS__})

static void test_first_day(void **state)
{
    (void)state;
    assert_int_equal(hw_annex_a_first_day(date("2024-03-31")), date("2023-04-01"));
    assert_int_equal(hw_annex_a_first_day(date("2024-02-29")), date("2023-03-01"));
    assert_int_equal(hw_annex_a_first_day(date("2025-02-28")), date("2024-02-29"));
    assert_int_equal(hw_annex_a_first_day(date("2025-03-01")), date("2024-03-02"));
    assert_int_equal(hw_annex_a_first_day(date("2024-01-01")), date("2023-01-02"));
}

static void test_annex_a(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_statutory x;
    struct hw_err err;
    assert_int_equal(hw_annex_a_missing_build(db->s, date("2024-03-31"), &x, &err), 0);
    const struct hw_table *t = &x.table;
    assert_int_equal(t->ncols, 9);
    ROW(t, 0, "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
        "months",
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        "Was the child offered a Return Interview after their last missing episode (Y/N)?",
        "Did the child accept a Return Interview after their last missing episode (Y/N)?");
    assert_int_equal(t->nrows, 1 + 7); /* A1-A7: not H1 (cin), not O1 (Anyshire's) */
    ROW(t, 1, "A1", "Female", "WBRI", "2008-04-01", "15", "2", "2", "Y", "Y");
    ROW(t, 2, "A2", "Male", "MOTH", "2008-02-29", "16", "2", "0", "Y", "N");
    ROW(t, 3, "A3", "Male", "WBRI", "2012-06-15", "11", "2", "1", "N", "N");
    ROW(t, 4, "A4", "Female", "BAFR", "2009-09-09", "14", "1", "0", "Y", "N");
    ROW(t, 5, "A5", "Female", "WBRI", "2010-01-01", "14", "0", "1", "", "");
    ROW(t, 6, "A6", "", "", "", "", "0", "0", "", "");
    ROW(t, 7, "A7", "Male", "AIND", "2007-07-07", "16", "1", "1", "N", "N");
    assert_int_equal(x.first, date("2023-04-01"));
    assert_int_equal(x.last, date("2024-03-31"));
    hw_statutory_free(&x);
}

/* As at 2024-02-29 the 12 months are 2023-03-01 to 2024-02-29: A1's
 * 31 March 2023 episode is in (3 missing), A3's last missing episode is
 * the September one with its completed interview, A5 has nothing. */
static void test_annex_a_leap_day(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_statutory x;
    struct hw_err err;
    assert_int_equal(hw_annex_a_missing_build(db->s, date("2024-02-29"), &x, &err), 0);
    const struct hw_table *t = &x.table;
    assert_int_equal(t->nrows, 8);
    ROW(t, 1, "A1", "Female", "WBRI", "2008-04-01", "15", "3", "2", "Y", "Y");
    ROW(t, 2, "A2", "Male", "MOTH", "2008-02-29", "16", "2", "0", "Y", "N"); /* 16 that day */
    ROW(t, 3, "A3", "Male", "WBRI", "2012-06-15", "11", "1", "0", "Y", "Y");
    ROW(t, 5, "A5", "Female", "WBRI", "2010-01-01", "14", "0", "0", "", "");
    hw_statutory_free(&x);
    /* A 29 February birthday is reached on 1 March in other years. */
    assert_int_equal(hw_annex_a_missing_build(db->s, date("2025-02-28"), &x, &err), 0);
    assert_string_equal(x.table.cells[2 * x.table.ncols + 4], "16");
    hw_statutory_free(&x);
    assert_int_equal(hw_annex_a_missing_build(db->s, date("2025-03-01"), &x, &err), 0);
    assert_string_equal(x.table.cells[2 * x.table.ncols + 4], "17");
    hw_statutory_free(&x);
}

static void test_ssd_all(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_statutory x;
    struct hw_err err;
    assert_int_equal(hw_ssd_missing_build(db->s, HW_NO_DATE, HW_NO_DATE, &x, &err), 0);
    const struct hw_table *t = &x.table;
    ROW(t, 0, "miss_table_id", "miss_person_id", "miss_missing_episode_start_date",
        "miss_missing_episode_type", "miss_missing_episode_end_date", "miss_missing_rhi_offered",
        "miss_missing_rhi_accepted");
    assert_int_equal(t->nrows, 1 + 19); /* 21 episodes, less O1's two */
    /* By last seen: every offer and outcome Homeward records. */
    ROW(t, 1, "A5E1", "A5", "2023-02-15 12:00", "Missing", "2023-02-15 15:00", "Y", "Y");
    ROW(t, 2, "A1E1", "A1", "2023-03-31 23:30", "Missing", "2023-04-01 02:30", "N", "NA");
    ROW(t, 3, "A1E2", "A1", "2023-04-01 00:30", "Missing", "2023-04-01 03:30", "Y", "Y");
    ROW(t, 4, "A2E1", "A2", "2023-05-05 18:00", "Missing", "2023-05-05 21:00", "Y", "Y");
    ROW(t, 5, "A7E1", "A7", "2023-06-01 12:00", "Missing", "2023-06-01 15:00", "NA", "NA");
    ROW(t, 6, "A1E3", "A1", "2023-07-15 14:00", "Away", "2023-07-15 17:00", "N", "NA");
    ROW(t, 7, "H1E2", "H1", "2023-08-08 08:00", "Missing", "2023-08-08 11:00", "Y", "N");
    ROW(t, 8, "A7E2", "A7", "2023-09-01 12:00", "Missing", "2023-09-01 15:00", "Y", "Y");
    ROW(t, 9, "A3E1", "A3", "2023-09-01 16:00", "Missing", "2023-09-01 19:00", "Y", "Y");
    ROW(t, 10, "A7E3", "A7", "2023-10-01 12:00", "Away", "2023-10-01 15:00", "N", "NA");
    ROW(t, 11, "A4E1", "A4", "2023-10-10 20:00", "Missing", "2023-10-10 23:00", "Y", "N");
    ROW(t, 12, "A1E4", "A1", "2023-11-02 10:00", "Away", "2023-11-02 13:00", "N", "NA");
    ROW(t, 13, "A2E2", "A2", "2023-12-20 23:30", "Missing", "2023-12-21 02:30", "Y", "");
    ROW(t, 14, "A1E5", "A1", "2024-02-10 21:00", "Missing", "2024-02-11 09:00", "Y", "Y");
    ROW(t, 15, "A3E2", "A3", "2024-03-01 16:00", "Missing", "2024-03-01 19:00", "N", "NA");
    ROW(t, 16, "H1E1", "H1", "2024-03-15 10:00", "Missing", "", "", "");
    ROW(t, 17, "A3E3", "A3", "2024-03-20 16:00", "Away", "2024-03-20 19:00", "Y", "Y");
    ROW(t, 18, "A5E2", "A5", "2024-03-31 23:30", "Away", "2024-04-01 02:30", "N", "NA");
    ROW(t, 19, "A1E6", "A1", "2024-04-01 00:30", "Missing", "2024-04-01 03:30", "N", "NA");
    assert_int_equal(x.first, HW_NO_DATE);
    assert_int_equal(x.last, HW_NO_DATE);
    hw_statutory_free(&x);
}

/* Days in UK time: 31 March 2024 23:30 BST is in a window ending that day,
 * 1 April 00:30 BST (23:30 UTC on the 31st) is not. */
static void test_ssd_window(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_statutory x;
    struct hw_err err;
    assert_int_equal(hw_ssd_missing_build(db->s, date("2024-02-01"), date("2024-03-31"), &x, &err),
                     0);
    assert_int_equal(x.table.nrows, 1 + 5);
    ROW(&x.table, 1, "A1E5", "A1", "2024-02-10 21:00", "Missing", "2024-02-11 09:00", "Y", "Y");
    ROW(&x.table, 5, "A5E2", "A5", "2024-03-31 23:30", "Away", "2024-04-01 02:30", "N", "NA");
    hw_statutory_free(&x);

    assert_int_equal(hw_ssd_missing_build(db->s, date("2024-03-20"), HW_NO_DATE, &x, &err), 0);
    assert_int_equal(x.table.nrows, 1 + 3); /* A3E3, A5E2, A1E6 */
    assert_string_equal(x.table.cells[3 * x.table.ncols], "A1E6");
    hw_statutory_free(&x);

    assert_int_equal(hw_ssd_missing_build(db->s, HW_NO_DATE, date("2023-03-31"), &x, &err), 0);
    assert_int_equal(x.table.nrows, 1 + 2); /* A5E1, A1E1; not A1E2 (1 April, BST) */
    assert_string_equal(x.table.cells[2 * x.table.ncols], "A1E1");
    hw_statutory_free(&x);
}

static void test_empty(void **state)
{
    (void)state;
    struct hw_test_db db;
    struct hw_statutory x;
    struct hw_err err;
    struct hw_buf out = {0};
    assert_int_equal(hw_test_db_open(&db), 0);
    assert_int_equal(hw_annex_a_missing_build(db.s, date("2024-03-31"), &x, &err), 0);
    assert_int_equal(x.table.nrows, 1);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_XLSX, &out, &err), 0);
    assert_memory_equal(out.data, "PK", 2);
    hw_statutory_free(&x);
    assert_int_equal(hw_ssd_missing_build(db.s, HW_NO_DATE, HW_NO_DATE, &x, &err), 0);
    assert_int_equal(x.table.nrows, 1);
    hw_statutory_free(&x);
    hw_buf_free(&out);
    hw_test_db_close(&db);
}

static void test_formats(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_statutory x;
    struct hw_err err;
    struct hw_buf out = {0};
    assert_int_equal(hw_annex_a_missing_build(db->s, date("2024-03-31"), &x, &err), 0);

    /* CSV: the titles as they are (no comma or quote in them: no quoting). */
    assert_int_equal(hw_statutory_write(&x, HW_FMT_CSV, &out, &err), 0);
    const char *header =
        "Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),"
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 "
        "months,Number of Episodes the Child has been 'Absent' from their Placement in the last "
        "12 months,Was the child offered a Return Interview after their last missing episode "
        "(Y/N)?,Did the child accept a Return Interview after their last missing episode "
        "(Y/N)?\r\n";
    assert_true(strncmp(out.data, header, strlen(header)) == 0);
    assert_non_null(strstr(out.data, "\r\nA1,Female,WBRI,2008-04-01,15,2,2,Y,Y\r\n"));
    assert_non_null(strstr(out.data, "\r\nA6,,,,,0,0,,\r\n"));

    /* JSON: counts as numbers, empty as null, keyed by the titles. */
    hw_buf_reset(&out);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_JSON, &out, &err), 0);
    json_error_t jerr;
    json_t *root = json_loads(out.data, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "export")), "annex-a-missing");
    assert_string_equal(json_string_value(json_object_get(root, "at")), "2024-03-31");
    assert_string_equal(json_string_value(json_object_get(root, "from")), "2023-04-01");
    assert_int_equal(json_array_size(json_object_get(root, "columns")), 9);
    json_t *rows = json_object_get(root, "rows");
    assert_int_equal(json_array_size(rows), 7);
    json_t *a1 = json_array_get(rows, 0), *a6 = json_array_get(rows, 5);
    assert_int_equal(json_integer_value(json_object_get(
                         a1, "Number of Episodes the Child has been 'Missing' from their "
                             "Placement in the last 12 months")),
                     2);
    assert_true(json_is_integer(json_object_get(a1, "Age of Child (Years)")));
    assert_string_equal(json_string_value(json_object_get(a1, "Date of Birth")), "2008-04-01");
    assert_true(json_is_null(json_object_get(a6, "Date of Birth")));
    assert_true(json_is_null(json_object_get(
        a6, "Was the child offered a Return Interview after their last missing episode (Y/N)?")));
    json_decref(root);

    /* Text: the title, then the table. */
    hw_buf_reset(&out);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_TEXT, &out, &err), 0);
    assert_non_null(strstr(out.data, "2023-04-01 to 2024-03-31"));
    assert_non_null(strstr(out.data, "Child Unique ID"));

    /* xlsx: a zip. */
    hw_buf_reset(&out);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_XLSX, &out, &err), 0);
    assert_true(out.len > 4);
    assert_memory_equal(out.data, "PK\003\004", 4);

    /* Not a page. */
    size_t len = out.len;
    assert_int_equal(hw_statutory_write(&x, HW_FMT_HTML, &out, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_int_equal(out.len, len);
    hw_statutory_free(&x);

    /* ssd_missing's times as in the CSV; the end null while missing. */
    assert_int_equal(hw_ssd_missing_build(db->s, date("2024-03-15"), date("2024-03-15"), &x, &err),
                     0);
    hw_buf_reset(&out);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_CSV, &out, &err), 0);
    assert_string_equal(out.data, "miss_table_id,miss_person_id,miss_missing_episode_start_date,"
                                  "miss_missing_episode_type,miss_missing_episode_end_date,"
                                  "miss_missing_rhi_offered,miss_missing_rhi_accepted\r\n"
                                  "H1E1,H1,2024-03-15 10:00,Missing,,,\r\n");
    hw_buf_reset(&out);
    assert_int_equal(hw_statutory_write(&x, HW_FMT_JSON, &out, &err), 0);
    root = json_loads(out.data, 0, &jerr);
    assert_non_null(root);
    assert_null(json_object_get(root, "at")); /* only Annex A is as at a date */
    json_t *h1 = json_array_get(json_object_get(root, "rows"), 0);
    assert_string_equal(json_string_value(json_object_get(h1, "miss_missing_episode_start_date")),
                        "2024-03-15 10:00");
    assert_true(json_is_null(json_object_get(h1, "miss_missing_episode_end_date")));
    json_decref(root);
    hw_statutory_free(&x);
    hw_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_day),
        cmocka_unit_test_setup_teardown(test_annex_a, setup, teardown),
        cmocka_unit_test_setup_teardown(test_annex_a_leap_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ssd_all, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ssd_window, setup, teardown),
        cmocka_unit_test(test_empty),
        cmocka_unit_test_setup_teardown(test_formats, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
