/* test_notices.c - notices to the responsible council (app/notices.c): the
 * notices the routing makes on the report and the return, the 72-hour
 * notice (made only when due, once, for a child placed by another council
 * whose interview is not reported done), sending and answering once, and
 * the episode's ola_notice action each resolves.
 *
 *   O1  Cal Reed, placed here by Dorset Council; E1 missing from Monday
 *       3 April 2017 20:00, found Tuesday 10:00: interview due Friday 10:00
 *   C1  our own child; E2 missing and found the same days
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/due.h"
#include "app/notices.h"
#include "app/workflow.h"
#include "core/rules.h"
#include "support/testdb.h"

struct fx {
    struct hw_test_db db;
    struct hw_config cfg;
    struct hw_routing routing;
    struct hw_rulebook rb;
};

static void episode(struct fx *fx, const char *id, const char *child)
{
    struct hw_err err = {0};
    struct hw_episode e;
    bool added;
    struct hw_actor who = {
        .user = "amy", .source = "test", .at = hw_test_local("2017-04-03 21:00")};
    hw_record_init(hw_episode_fields, &e);
    e.id = strdup(id);
    e.child_id = strdup(child);
    e.kind = HW_KIND_MISSING;
    e.risk = HW_RISK_MEDIUM;
    e.last_seen = hw_test_local("2017-04-03 20:00");
    if (hw_report_missing(fx->db.s, &fx->rb, &e, NULL, &who, &added, &err) < 0)
        fail_msg("report: %s", err.msg);
    who.at = hw_test_local("2017-04-04 10:30");
    if (hw_record_return(fx->db.s, &fx->rb, id, hw_test_local("2017-04-04 10:00"), "Poole",
                         HW_NO_TIME, &who, &err) < 0)
        fail_msg("return: %s", err.msg);
    hw_record_clear(hw_episode_fields, &e);
}

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    if (!fx || hw_test_db_open(&fx->db) < 0) {
        free(fx);
        return -1;
    }
    hw_config_defaults(&fx->cfg);
    hw_routing_defaults(&fx->routing);
    fx->rb = (struct hw_rulebook){&fx->cfg, NULL, &fx->routing, NULL};
    hw_test_put(&fx->db, HW_REC_CHILD,
                (const char *[]){"child_id", "O1", "first_name", "Cal", "last_name", "Reed",
                                 "responsible_authority", "Dorset Council", "case_status", "cla",
                                 NULL});
    hw_test_put(&fx->db, HW_REC_CHILD,
                (const char *[]){"child_id", "C1", "case_status", "cla", NULL});
    episode(fx, "E1", "O1"); /* notices 1 (reported) and 3 (returned) to Dorset Council */
    episode(fx, "E2", "C1");
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

static struct hw_stamp at(const char *when)
{
    return (struct hw_stamp){.at = hw_test_local(when), .user = "amy", .source = "test"};
}

/* The notices as "id event [sent] [answered]" lines. */
static int notice_line(void *ctx, const struct hw_notification *n)
{
    char t[HW_LOCAL_LEN];
    hw_buf_printf(ctx, "%lld %s %s", n->id, hw_code_name(hw_outbox_event_codes, n->event),
                  n->recipient);
    if (n->sent_at != HW_NO_TIME) {
        hw_format_local(n->sent_at, t);
        hw_buf_printf(ctx, " sent %s by %s", t, n->sent_by);
    }
    if (n->acknowledged_at != HW_NO_TIME)
        hw_buf_printf(ctx, " ack");
    if (n->answered_at != HW_NO_TIME)
        hw_buf_printf(ctx, " answered '%s'", n->answer);
    if (n->interview_completed != HW_NO_TIME) {
        hw_format_local(n->interview_completed, t);
        hw_buf_printf(ctx, " done %s", t);
    }
    hw_buf_putc(ctx, '\n');
    return 0;
}

static void notices_are(struct fx *fx, const char *want)
{
    struct hw_outbox_filter f = {.notices = true};
    struct hw_err err = {0};
    struct hw_buf b = {0};
    assert_int_equal(hw_store_list_notifications(fx->db.s, &f, notice_line, &b, &err), 0);
    assert_string_equal(b.data ? b.data : "", want);
    hw_buf_free(&b);
}

/* The ola_notice action on the due list at `when`: "overdue", "upcoming" or
 * "" when it is not there. */
static const char *due_notice(struct fx *fx, const char *when)
{
    struct hw_due_query q = {.now = hw_test_local(when)};
    struct hw_due_list l;
    struct hw_err err = {0};
    const char *state = "";
    assert_int_equal(hw_due_build(fx->db.s, &fx->cfg, &q, &l, &err), 0);
    for (size_t i = 0; i < l.len; i++) {
        assert_false(l.items[i].kind == HW_ACT_OLA_NOTICE && strcmp(l.items[i].episode_id, "E1"));
        if (l.items[i].kind == HW_ACT_OLA_NOTICE)
            state = l.items[i].due <= q.now ? "overdue" : "upcoming";
    }
    hw_due_free(&l);
    return state;
}

static void fails(int rc, const struct hw_err *err, enum hw_err_kind kind, const char *msg)
{
    assert_int_equal(rc, -1);
    assert_int_equal(err->kind, kind);
    assert_string_equal(err->msg, msg);
}

/* The routing's rows to the council carry notices; ours does not get one. */
static void test_notices_made_with_the_routing(void **state)
{
    struct fx *fx = *state;
    notices_are(fx, "1 reported Dorset Council\n"
                    "3 returned Dorset Council\n");
    assert_string_equal(due_notice(fx, "2017-04-07 09:59"), "upcoming");
    assert_string_equal(due_notice(fx, "2017-04-07 10:00"), "overdue");
}

static void test_overdue_notice(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    long long id = 0;
    struct hw_stamp by = at("2017-04-07 09:59");
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E1", &by, &id, &err), &err, HW_ECONFLICT,
          "the interview for episode E1 is not overdue yet: it is due by 2017-04-07 10:00");
    by = at("2017-04-07 10:00");
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E2", &by, &id, &err), &err, HW_EINPUT,
          "child C1 was not placed here by another council (no responsible_authority): their "
          "interview is ours, not the subject of a notice");
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E9", &by, &id, &err), &err, HW_ENOTFOUND,
          "no episode E9 is recorded");
    assert_int_equal(hw_notice_overdue(fx->db.s, &fx->rb, "E1", &by, &id, &err), 0);
    assert_int_equal(id, 10); /* after E2's five rows */
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E1", &by, &id, &err), &err, HW_ECONFLICT,
          "the 72-hour notice of episode E1 is already made: notice 10");
    struct hw_notice_row r;
    assert_int_equal(hw_notice_get(fx->db.s, 10, &r, &err), 1);
    assert_string_equal(r.n.reason, hw_notice_overdue_reason);
    assert_string_equal(r.n.created_by, "amy");
    assert_non_null(strstr(r.n.notice, "Subject: Return home interview for Cal Reed (O1) "
                                       "overdue\n"));
    assert_non_null(strstr(r.n.notice, "was due within 72 hours of the return, by\n2017-04-07 "
                                       "10:00, and we have no report"));
    hw_notice_row_free(&r);
    /* made, not sent: the action is still open */
    assert_string_equal(due_notice(fx, "2017-04-07 11:00"), "overdue");

    /* Sending it resolves the action as done; and acknowledges the row. */
    by = at("2017-04-07 11:00");
    assert_int_equal(hw_notice_send(fx->db.s, 10, &by, &err), 0);
    assert_string_equal(due_notice(fx, "2017-04-07 11:00"), "");
    notices_are(fx, "1 reported Dorset Council\n"
                    "3 returned Dorset Council\n"
                    "10 rhi_overdue Dorset Council sent 2017-04-07 11:00 by amy ack\n");
    by = at("2017-04-07 11:30");
    fails(hw_notice_send(fx->db.s, 10, &by, &err), &err, HW_ECONFLICT,
          "notice 10 was already sent by amy at 2017-04-07 11:00");
}

static void test_send_and_answer(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_stamp by = at("2017-04-04 11:00");
    fails(hw_notice_send(fx->db.s, 2, &by, &err), &err, HW_EINPUT,
          "notification 2 (reported, missing_team) is no notice: only those to the responsible "
          "council of a child placed here by another council are");
    fails(hw_notice_send(fx->db.s, 99, &by, &err), &err, HW_ENOTFOUND,
          "no notice 99 is recorded (see 'homeward notices')");
    fails(hw_notice_answer(fx->db.s, 3, "Booked", HW_NO_TIME, &by, &err), &err, HW_ECONFLICT,
          "notice 3 has not been sent: an answer is to a notice sent");
    assert_int_equal(hw_notice_send(fx->db.s, 3, &by, &err), 0);
    assert_int_equal(hw_notice_send(fx->db.s, 1, &by, &err), 0);
    /* the found notice resolves nothing: only the 72-hour one does */
    assert_string_equal(due_notice(fx, "2017-04-05 09:00"), "upcoming");

    by = at("2017-04-06 16:00");
    fails(hw_notice_answer(fx->db.s, 3, "", HW_NO_TIME, &by, &err), &err, HW_EINPUT,
          "answer: required: what the responsible council said");
    fails(hw_notice_answer(fx->db.s, 3, "Done", hw_test_local("2017-04-04 09:59"), &by, &err), &err,
          HW_EINPUT, "interview_completed: before the return at 2017-04-04 10:00");
    fails(hw_notice_answer(fx->db.s, 3, "Done", hw_test_local("2017-04-06 16:01"), &by, &err), &err,
          HW_EINPUT, "interview_completed: is in the future");
    assert_int_equal(
        hw_notice_answer(fx->db.s, 1, "Noted: the worker is Sam Lee", HW_NO_TIME, &by, &err), 0);
    /* the council reports the interview done Thursday 15:00, in time */
    assert_int_equal(hw_notice_answer(fx->db.s, 3, "RHI done by Sam Lee",
                                      hw_test_local("2017-04-06 15:00"), &by, &err),
                     0);
    fails(hw_notice_answer(fx->db.s, 3, "Again", HW_NO_TIME, &by, &err), &err, HW_ECONFLICT,
          "notice 3 was already answered (recorded by amy at 2017-04-06 16:00)");
    notices_are(fx, "1 reported Dorset Council sent 2017-04-04 11:00 by amy ack answered 'Noted: "
                    "the worker is Sam Lee'\n"
                    "3 returned Dorset Council sent 2017-04-04 11:00 by amy ack answered 'RHI "
                    "done by Sam Lee' done 2017-04-06 15:00\n");
    /* no longer on the due list: not needed, with the reason */
    assert_string_equal(due_notice(fx, "2017-04-07 10:00"), "");
    by = at("2017-04-07 10:00");
    long long id;
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E1", &by, &id, &err), &err, HW_ECONFLICT,
          "Dorset Council reported the interview for episode E1 done at 2017-04-06 15:00 "
          "(notice 3): no notice is needed");
}

/* A manual resolution stands: the 72-hour notice is not then made; a
 * second report of the interview done is refused. */
static void test_resolved_by_hand(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_stamp by = at("2017-04-07 12:00");
    long long id;
    assert_int_equal(hw_resolve_action(fx->db.s, &fx->cfg, "E1", HW_ACT_OLA_NOTICE, 1,
                                       HW_ACTION_DONE, by.at, NULL, &by, &err),
                     0);
    fails(hw_notice_overdue(fx->db.s, &fx->rb, "E1", &by, &id, &err), &err, HW_ECONFLICT,
          "the notice action of episode E1 is already recorded as Done ('homeward episode show "
          "E1')");
    assert_int_equal(hw_notice_send(fx->db.s, 1, &by, &err), 0);
    assert_int_equal(hw_notice_send(fx->db.s, 3, &by, &err), 0);
    by = at("2017-04-08 09:00");
    assert_int_equal(
        hw_notice_answer(fx->db.s, 1, "Done", hw_test_local("2017-04-07 18:00"), &by, &err), 0);
    fails(hw_notice_answer(fx->db.s, 3, "Done", hw_test_local("2017-04-07 17:00"), &by, &err), &err,
          HW_ECONFLICT,
          "the interview for episode E1 is already reported done at 2017-04-07 18:00 (notice 1)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_notices_made_with_the_routing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overdue_notice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_send_and_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resolved_by_hand, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
