/* test_attempts.c - interview attempts on SQLite: appended and numbered per
 * interview in the order recorded, listed in that order, and the schema
 * refusing to change or delete one, or to keep one of an unknown interview. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "support/testdb.h"

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    struct hw_err err;
    if (!db || hw_test_db_open(db) < 0) {
        free(db);
        return -1;
    }
    struct hw_child c;
    struct hw_episode e;
    struct hw_interview iv;
    hw_record_init(hw_child_fields, &c);
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_interview_fields, &iv);
    c.id = hw_strdup("C1");
    e.id = hw_strdup("E1");
    e.child_id = hw_strdup("C1");
    e.kind = HW_KIND_MISSING;
    e.last_seen = 1491253200; /* 2017-04-03 22:00 BST */
    iv.id = hw_strdup("I1");
    iv.child_id = hw_strdup("C1");
    iv.episode_ids = hw_strdup("E1");
    int rc = hw_store_put(db->s, HW_REC_CHILD, &c, NULL, &err) < 0 ||
                     hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) < 0 ||
                     hw_store_put(db->s, HW_REC_INTERVIEW, &iv, NULL, &err) < 0
                 ? -1
                 : 0;
    free(iv.id);
    iv.id = hw_strdup("I2");
    if (rc == 0 && hw_store_put(db->s, HW_REC_INTERVIEW, &iv, NULL, &err) < 0)
        rc = -1;
    hw_record_clear(hw_child_fields, &c);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_interview_fields, &iv);
    if (rc < 0) {
        fprintf(stderr, "setup: %s\n", err.msg);
        hw_test_db_close(db);
        free(db);
        return -1;
    }
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static int add(struct hw_test_db *db, const char *interview, long long at, bool f2f, int outcome,
               const char *note, const char *by)
{
    struct hw_err err = {0};
    int seq = -1;
    struct hw_attempt a = {.interview_id = interview,
                           .seq = 99, /* ignored */
                           .at = at,
                           .face_to_face = f2f,
                           .outcome = outcome,
                           .note = note,
                           .recorded = {.at = at + 60, .user = by, .source = "cli"}};
    if (hw_store_add_attempt(db->s, &a, &seq, &err) != 0)
        fail_msg("add: %s", err.msg);
    return seq;
}

static int line(void *ctx, const struct hw_attempt *a)
{
    struct hw_buf *b = ctx;
    assert_null(a->recorded.source);
    hw_buf_printf(b, "%s #%d %lld %s %s %s %s %lld\n", a->interview_id, a->seq, (long long)a->at,
                  a->face_to_face ? "f2f" : "other",
                  hw_code_name(hw_attempt_outcome_codes, a->outcome), a->note ? a->note : "-",
                  a->recorded.user, (long long)a->recorded.at);
    return 0;
}

static int stop_first(void *ctx, const struct hw_attempt *a)
{
    line(ctx, a);
    return 1;
}

static void assert_list(struct hw_test_db *db, const char *interview, const char *want)
{
    struct hw_err err = {0};
    struct hw_buf b = {0};
    if (hw_store_list_attempts(db->s, interview, line, &b, &err) != 0)
        fail_msg("list: %s", err.msg);
    assert_string_equal(b.data ? b.data : "", want);
    hw_buf_free(&b);
}

static void test_add_and_list(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    assert_list(db, "I1", "");
    assert_int_equal(add(db, "I1", 1000, true, HW_ATT_NOT_IN, "Nobody in", "amy"), 1);
    assert_int_equal(add(db, "I2", 1500, false, HW_ATT_OTHER, NULL, "ben"), 1);
    assert_int_equal(add(db, "I1", 900, false, HW_ATT_REFUSED, "Phoned; said no", "ben"), 2);
    assert_int_equal(add(db, "I1", 2000, true, HW_ATT_SEEN, NULL, "amy"), 3);
    /* In the order recorded, whatever their times. */
    assert_list(db, "I1",
                "I1 #1 1000 f2f not_in Nobody in amy 1060\n"
                "I1 #2 900 other refused Phoned; said no ben 960\n"
                "I1 #3 2000 f2f seen - amy 2060\n");
    assert_list(db, "I2", "I2 #1 1500 other other - ben 1560\n");
    assert_list(db, "I9", "");
    /* The callback stops the listing. */
    struct hw_buf b = {0};
    assert_int_equal(hw_store_list_attempts(db->s, "I1", stop_first, &b, &err), 0);
    assert_string_equal(b.data, "I1 #1 1000 f2f not_in Nobody in amy 1060\n");
    hw_buf_free(&b);
    /* seq may be NULL. */
    struct hw_attempt a = {.interview_id = "I2",
                           .at = 1600,
                           .face_to_face = true,
                           .outcome = HW_ATT_MISSING_AGAIN,
                           .recorded = {.at = 1700, .user = "cat"}};
    assert_int_equal(hw_store_add_attempt(db->s, &a, NULL, &err), 0);
    assert_list(db, "I2",
                "I2 #1 1500 other other - ben 1560\n"
                "I2 #2 1600 f2f missing_again - cat 1700\n");
}

/* An attempt of an interview that is not recorded is refused by the
 * database (the caller checks first: app/interview.h). */
static void test_unknown_interview(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_attempt a = {.interview_id = "I9",
                           .at = 1000,
                           .face_to_face = true,
                           .outcome = HW_ATT_SEEN,
                           .recorded = {.at = 1000, .user = "amy"}};
    assert_int_equal(hw_store_add_attempt(db->s, &a, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_non_null(strstr(err.msg, "recording an interview attempt: FOREIGN KEY constraint"));
    assert_list(db, "I9", "");
}

static int exec_other(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

/* Attempts are appended, never changed or deleted; the codes are checked. */
static void test_schema_keeps_attempts(void **state)
{
    struct hw_test_db *db = *state;
    add(db, "I1", 1000, true, HW_ATT_NOT_IN, "Nobody in", "amy");
    static const char *const refused[] = {
        "UPDATE interview_attempts SET note = 'x'",
        "UPDATE interview_attempts SET outcome = 'seen'",
        "UPDATE interview_attempts SET seq = 2",
        "DELETE FROM interview_attempts",
        "INSERT INTO interview_attempts VALUES ('I1', 1, 5, 'y', 'seen', NULL, 'eve', 5)",
        "INSERT INTO interview_attempts VALUES ('I1', 2, 5, 'maybe', 'seen', NULL, 'eve', 5)",
        "INSERT INTO interview_attempts VALUES ('I1', 2, 5, 'y', 'chatted', NULL, 'eve', 5)",
        "INSERT INTO interview_attempts VALUES ('I1', 0, 5, 'y', 'seen', NULL, 'eve', 5)",
        "INSERT INTO interview_attempts VALUES ('I1', 2, 5, 'y', 'seen', NULL, NULL, 5)",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        if (exec_other(db->path, refused[i]) == SQLITE_OK)
            fail_msg("accepted: %s", refused[i]);
    assert_int_equal(exec_other(db->path, "INSERT INTO interview_attempts VALUES ('I1', 2, 5, "
                                          "'n', 'other', NULL, 'eve', 6)"),
                     SQLITE_OK);
    assert_list(db, "I1",
                "I1 #1 1000 f2f not_in Nobody in amy 1060\n"
                "I1 #2 5 other other - eve 6\n");
    /* The next one follows the last. */
    assert_int_equal(add(db, "I1", 3000, true, HW_ATT_SEEN, NULL, "amy"), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add_and_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_interview, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_keeps_attempts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
