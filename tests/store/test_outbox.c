/* test_outbox.c - the outbox on SQLite: adding, listing with filters in
 * order, acknowledging once (unknown and repeated acknowledgements told
 * apart), and the schema refusing to delete or change a notification. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "core/routing.h"
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
    hw_record_init(hw_child_fields, &c);
    hw_record_init(hw_episode_fields, &e);
    c.id = hw_strdup("C1");
    e.id = hw_strdup("E1");
    e.child_id = hw_strdup("C1");
    e.kind = HW_KIND_MISSING;
    e.last_seen = 1491253200; /* 2017-04-03 22:00 BST */
    int rc = hw_store_put(db->s, HW_REC_CHILD, &c, NULL, &err) < 0 ||
                     hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) < 0
                 ? -1
                 : 0;
    free(e.id);
    e.id = hw_strdup("E2");
    if (rc == 0 && hw_store_put(db->s, HW_REC_EPISODE, &e, NULL, &err) < 0)
        rc = -1;
    hw_record_clear(hw_child_fields, &c);
    hw_record_clear(hw_episode_fields, &e);
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

static long long add(struct hw_test_db *db, const char *episode, int event, int role,
                     const char *recipient, long long at)
{
    struct hw_err err = {0};
    long long id = 0;
    struct hw_notification n = {.episode_id = episode,
                                .child_id = "C1",
                                .event = event,
                                .role = role,
                                .recipient = recipient,
                                .reason = "BCP guidance 7",
                                .created_at = at,
                                .created_by = "amy",
                                .acknowledged_at = 99, /* ignored */
                                .acknowledged_by = "nobody"};
    if (hw_store_add_notification(db->s, &n, &id, &err) != 0)
        fail_msg("add: %s", err.msg);
    return id;
}

static int line(void *ctx, const struct hw_notification *n)
{
    struct hw_buf *b = ctx;
    hw_buf_printf(b, "%lld %s %s %s %s %s %s %lld %s", n->id, n->episode_id, n->child_id,
                  hw_code_name(hw_route_event_codes, n->event),
                  hw_code_name(hw_role_codes, n->role), n->recipient ? n->recipient : "-",
                  n->reason, (long long)n->created_at, n->created_by);
    if (n->acknowledged_at != HW_NO_TIME)
        hw_buf_printf(b, " ack %lld %s", (long long)n->acknowledged_at, n->acknowledged_by);
    else
        assert_null(n->acknowledged_by);
    hw_buf_putc(b, '\n');
    return 0;
}

static char *list(struct hw_test_db *db, struct hw_outbox_filter f)
{
    struct hw_err err = {0};
    struct hw_buf b = {0};
    if (hw_store_list_notifications(db->s, &f, line, &b, &err) != 0)
        fail_msg("list: %s", err.msg);
    return hw_buf_take(&b);
}

static void assert_list(struct hw_test_db *db, struct hw_outbox_filter f, const char *want)
{
    char *got = list(db, f);
    assert_string_equal(got, want);
    free(got);
}

static void test_add_list_filter(void **state)
{
    struct hw_test_db *db = *state;
    assert_int_equal(add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_ALLOCATED_WORKER, "Jo Bloggs", 100),
                     1);
    assert_int_equal(add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_TEAM_MANAGER, NULL, 100), 2);
    assert_int_equal(add(db, "E2", HW_EVENT_RETURNED, HW_ROLE_TEAM_MANAGER, NULL, 200), 3);
    assert_list(db, (struct hw_outbox_filter){0},
                "1 E1 C1 reported allocated_worker Jo Bloggs BCP guidance 7 100 amy\n"
                "2 E1 C1 reported team_manager - BCP guidance 7 100 amy\n"
                "3 E2 C1 returned team_manager - BCP guidance 7 200 amy\n");
    assert_list(db, (struct hw_outbox_filter){.episode_id = "E2"},
                "3 E2 C1 returned team_manager - BCP guidance 7 200 amy\n");
    assert_list(db, (struct hw_outbox_filter){.role = HW_ROLE_TEAM_MANAGER, .episode_id = "E1"},
                "2 E1 C1 reported team_manager - BCP guidance 7 100 amy\n");
    assert_list(db, (struct hw_outbox_filter){.id = 1},
                "1 E1 C1 reported allocated_worker Jo Bloggs BCP guidance 7 100 amy\n");
    assert_list(db, (struct hw_outbox_filter){.role = HW_ROLE_SENIOR_MANAGERS}, "");
    /* the episode must exist */
    struct hw_err err = {0};
    struct hw_notification n = {.episode_id = "E9",
                                .child_id = "C1",
                                .event = HW_EVENT_REPORTED,
                                .role = HW_ROLE_MISSING_TEAM,
                                .reason = "x",
                                .created_at = 1,
                                .created_by = "amy"};
    assert_int_equal(hw_store_add_notification(db->s, &n, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_non_null(strstr(err.msg, "FOREIGN KEY"));
}

static void test_acknowledge_once(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    bool known = false;
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_ALLOCATED_WORKER, "Jo Bloggs", 100);
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_MISSING_TEAM, NULL, 100);

    assert_int_equal(hw_store_ack_notification(db->s, 2, 300, "ben", &known, &err), 1);
    assert_true(known);
    assert_list(db, (struct hw_outbox_filter){.unacknowledged = true},
                "1 E1 C1 reported allocated_worker Jo Bloggs BCP guidance 7 100 amy\n");
    /* a second acknowledgement changes nothing: the first stands */
    known = false;
    assert_int_equal(hw_store_ack_notification(db->s, 2, 400, "cat", &known, &err), 0);
    assert_true(known);
    /* an unknown notification is told apart */
    known = true;
    assert_int_equal(hw_store_ack_notification(db->s, 7, 400, "cat", &known, &err), 0);
    assert_false(known);
    assert_int_equal(hw_store_ack_notification(db->s, 7, 400, "cat", NULL, &err), 0);
    assert_list(db, (struct hw_outbox_filter){0},
                "1 E1 C1 reported allocated_worker Jo Bloggs BCP guidance 7 100 amy\n"
                "2 E1 C1 reported missing_team - BCP guidance 7 100 amy ack 300 ben\n");
}

static int exec_other(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

/* The database keeps every notification as written; only the
 * acknowledgement is set, once, and both its time and who together. */
static void test_schema_keeps_notifications(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_ALLOCATED_WORKER, "Jo Bloggs", 100);
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_MISSING_TEAM, NULL, 100);
    assert_int_equal(hw_store_ack_notification(db->s, 2, 300, "ben", NULL, &err), 1);

    assert_int_not_equal(exec_other(db->path, "DELETE FROM outbox WHERE notification_id = 1"),
                         SQLITE_OK);
    assert_int_not_equal(exec_other(db->path, "UPDATE outbox SET recipient = 'x'"), SQLITE_OK);
    assert_int_not_equal(exec_other(db->path, "UPDATE outbox SET reason = 'x'"), SQLITE_OK);
    assert_int_not_equal(exec_other(db->path, "UPDATE outbox SET role = 'senior_managers'"),
                         SQLITE_OK);
    assert_int_not_equal(
        exec_other(db->path, "UPDATE outbox SET acknowledged_at = NULL, acknowledged_by = NULL "
                             "WHERE notification_id = 2"),
        SQLITE_OK);
    assert_int_not_equal(exec_other(db->path, "UPDATE outbox SET acknowledged_by = 'eve' "
                                              "WHERE notification_id = 2"),
                         SQLITE_OK);
    assert_int_not_equal(
        exec_other(db->path, "UPDATE outbox SET acknowledged_at = 5 WHERE notification_id = 1"),
        SQLITE_OK);
    assert_int_equal(exec_other(db->path, "UPDATE outbox SET acknowledged_at = 5, "
                                          "acknowledged_by = 'eve' WHERE notification_id = 1"),
                     SQLITE_OK);
    assert_list(db, (struct hw_outbox_filter){0},
                "1 E1 C1 reported allocated_worker Jo Bloggs BCP guidance 7 100 amy ack 5 eve\n"
                "2 E1 C1 reported missing_team - BCP guidance 7 100 amy ack 300 ben\n");
}

/* A notice: a row to the responsible council carrying its text. */
static long long add_notice(struct hw_test_db *db, const char *episode, int event, const char *text)
{
    struct hw_err err = {0};
    long long id = 0;
    struct hw_notification n = {.episode_id = episode,
                                .child_id = "C1",
                                .event = event,
                                .role = HW_ROLE_RESPONSIBLE_COUNCIL,
                                .recipient = "Dorset Council",
                                .reason = "BCP guidance 12.1",
                                .created_at = 100,
                                .created_by = "amy",
                                .notice = text,
                                .sent_at = 5, /* ignored: made unsent */
                                .sent_by = "nobody"};
    if (hw_store_add_notification(db->s, &n, &id, &err) != 0)
        fail_msg("add: %s", err.msg);
    return id;
}

static int notice_line(void *ctx, const struct hw_notification *n)
{
    struct hw_buf *b = ctx;
    hw_buf_printf(b, "%lld %s %s [%s]", n->id, n->episode_id,
                  hw_code_name(hw_outbox_event_codes, n->event), n->notice ? n->notice : "-");
    if (n->sent_at != HW_NO_TIME)
        hw_buf_printf(b, " sent %lld %s", (long long)n->sent_at, n->sent_by);
    else
        assert_null(n->sent_by);
    if (n->answered_at != HW_NO_TIME)
        hw_buf_printf(b, " answered %lld %s '%s'", (long long)n->answered_at, n->answered_by,
                      n->answer);
    else
        assert_null(n->answer);
    if (n->interview_completed != HW_NO_TIME)
        hw_buf_printf(b, " done %lld", (long long)n->interview_completed);
    hw_buf_putc(b, '\n');
    return 0;
}

static void assert_notices(struct hw_test_db *db, struct hw_outbox_filter f, const char *want)
{
    struct hw_err err = {0};
    struct hw_buf b = {0};
    if (hw_store_list_notifications(db->s, &f, notice_line, &b, &err) != 0)
        fail_msg("list: %s", err.msg);
    assert_string_equal(b.data ? b.data : "", want);
    hw_buf_free(&b);
}

/* Notices: made unsent; sent once; answered once, only when sent, with when
 * the interview was done or not; listed by where they stand. */
static void test_notices_sent_and_answered_once(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_MISSING_TEAM, NULL, 100); /* 1: no notice */
    assert_int_equal(add_notice(db, "E1", HW_EVENT_REPORTED, "Missing"), 2);
    assert_int_equal(add_notice(db, "E1", HW_EVENT_RETURNED, "Found"), 3);
    assert_int_equal(add_notice(db, "E1", HW_EVENT_RHI_OVERDUE, "Overdue"), 4);

    assert_int_equal(hw_store_send_notice(db->s, 1, 200, "ben", &err), 0); /* no notice */
    assert_int_equal(hw_store_send_notice(db->s, 9, 200, "ben", &err), 0); /* none such */
    assert_int_equal(hw_store_send_notice(db->s, 2, 200, "ben", &err), 1);
    assert_int_equal(hw_store_send_notice(db->s, 2, 250, "cat", &err), 0); /* the first stands */
    assert_int_equal(hw_store_send_notice(db->s, 3, 300, "ben", &err), 1);
    /* an answer only to a notice sent, once */
    assert_int_equal(hw_store_answer_notice(db->s, 4, 400, "ben", "x", HW_NO_TIME, &err), 0);
    assert_int_equal(hw_store_answer_notice(db->s, 2, 400, "ben", "Noted", HW_NO_TIME, &err), 1);
    assert_int_equal(hw_store_answer_notice(db->s, 2, 450, "cat", "Again", 440, &err), 0);
    assert_int_equal(hw_store_answer_notice(db->s, 3, 500, "cat", "RHI done", 480, &err), 1);

    assert_notices(db, (struct hw_outbox_filter){.notices = true},
                   "2 E1 reported [Missing] sent 200 ben answered 400 ben 'Noted'\n"
                   "3 E1 returned [Found] sent 300 ben answered 500 cat 'RHI done' done 480\n"
                   "4 E1 rhi_overdue [Overdue]\n");
    assert_notices(db, (struct hw_outbox_filter){.state = HW_NOTICES_UNSENT},
                   "4 E1 rhi_overdue [Overdue]\n");
    assert_notices(db, (struct hw_outbox_filter){.state = HW_NOTICES_OPEN},
                   "4 E1 rhi_overdue [Overdue]\n");
    assert_notices(db, (struct hw_outbox_filter){.state = HW_NOTICES_UNANSWERED}, "");
    assert_int_equal(hw_store_send_notice(db->s, 4, 600, "ben", &err), 1);
    assert_notices(db, (struct hw_outbox_filter){.state = HW_NOTICES_UNANSWERED},
                   "4 E1 rhi_overdue [Overdue] sent 600 ben\n");
    assert_notices(db, (struct hw_outbox_filter){.episode_id = "E1", .role = HW_ROLE_MISSING_TEAM},
                   "1 E1 reported [-]\n");
}

/* The schema holds notices to the same: never made sent, never changed,
 * sent and answered once and whole, an answer only to a notice sent. */
static void test_schema_keeps_notices(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    add(db, "E1", HW_EVENT_REPORTED, HW_ROLE_MISSING_TEAM, NULL, 100); /* 1 */
    add_notice(db, "E1", HW_EVENT_REPORTED, "Missing");                /* 2 */
    add_notice(db, "E1", HW_EVENT_RETURNED, "Found");                  /* 3 */
    assert_int_equal(hw_store_send_notice(db->s, 2, 200, "ben", &err), 1);
    assert_int_equal(hw_store_answer_notice(db->s, 2, 300, "ben", "Noted", 250, &err), 1);
    const char *refused[] = {
        "INSERT INTO outbox(episode_id, child_id, event, role, reason, created_at, created_by, "
        "notice, sent_at, sent_by) VALUES ('E1', 'C1', 'reported', 'responsible_council', 'x', "
        "1, 'amy', 'text', 2, 'amy')",
        "UPDATE outbox SET notice = 'other' WHERE notification_id = 3",
        "UPDATE outbox SET notice = 'late' WHERE notification_id = 1",
        "UPDATE outbox SET sent_at = 5, sent_by = 'eve' WHERE notification_id = 1",
        "UPDATE outbox SET sent_at = 5 WHERE notification_id = 3",
        "UPDATE outbox SET sent_at = 5, sent_by = 'eve' WHERE notification_id = 2",
        "UPDATE outbox SET answer = 'x', answered_at = 5, answered_by = 'eve' "
        "WHERE notification_id = 3",
        "UPDATE outbox SET answer = 'x' WHERE notification_id = 2",
        "UPDATE outbox SET interview_completed = NULL WHERE notification_id = 2",
        "UPDATE outbox SET sent_at = NULL, sent_by = NULL WHERE notification_id = 2",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        if (exec_other(db->path, refused[i]) == SQLITE_OK)
            fail_msg("not refused: %s", refused[i]);
    assert_int_equal(exec_other(db->path, "UPDATE outbox SET sent_at = 5, sent_by = 'eve' "
                                          "WHERE notification_id = 3"),
                     SQLITE_OK);
    assert_notices(db, (struct hw_outbox_filter){0},
                   "1 E1 reported [-]\n"
                   "2 E1 reported [Missing] sent 200 ben answered 300 ben 'Noted' done 250\n"
                   "3 E1 returned [Found] sent 5 eve\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add_list_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_acknowledge_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_keeps_notifications, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notices_sent_and_answered_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_keeps_notices, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
