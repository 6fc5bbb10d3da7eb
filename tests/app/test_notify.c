/* test_notify.c - the outbox rows the routing writes (app/notify.c): one per
 * role, with the named worker or council as recipient, who and when, and
 * the reason; the events a change of an episode calls for.
 *
 *   C1  looked after (open), worker Jo Bloggs, team CiC 1
 *   C2  not open to services, no worker
 *   C3  placed here by Dorset Council (OLA), looked after, worker Sam Lee,
 *       Cal Reed born 2003-02-14: the row to the council carries a notice
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/notify.h"
#include "support/testdb.h"

static const struct hw_stamp amy = {.at = 1491253800, .user = "amy", .source = "test"};

static void *record(enum hw_rectype t, const char *const *kv)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    void *rec = calloc(1, ti->size);
    struct hw_err err;
    hw_record_init(ti->fields, rec);
    for (; *kv; kv += 2)
        if (hw_field_set(hw_field_find(ti->fields, kv[0]), rec, kv[1], &err) < 0)
            fail_msg("%s: %s", kv[0], err.msg);
    return rec;
}

static void free_record(enum hw_rectype t, void *rec)
{
    hw_record_clear(hw_rectypes[t].fields, rec);
    free(rec);
}

static void put(struct hw_test_db *db, enum hw_rectype t, const char *const *kv)
{
    struct hw_err err;
    void *rec = record(t, kv);
    assert_true(hw_store_put(db->s, t, rec, NULL, &err) >= 0);
    free_record(t, rec);
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0) {
        free(db);
        return -1;
    }
    put(db, HW_REC_CHILD,
        (const char *[]){"child_id", "C1", "case_status", "cla", "worker", "Jo Bloggs", "team",
                         "CiC 1", NULL});
    put(db, HW_REC_CHILD, (const char *[]){"child_id", "C2", "case_status", "not_open", NULL});
    put(db, HW_REC_CHILD,
        (const char *[]){"child_id", "C3", "case_status", "cla", "worker", "Sam Lee",
                         "responsible_authority", "Dorset Council", "first_name", "Cal",
                         "last_name", "Reed", "date_of_birth", "2003-02-14", NULL});
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static int line(void *ctx, const struct hw_notification *n)
{
    struct hw_buf *b = ctx;
    /* the reason up to its first ':', the guidance section */
    hw_buf_printf(b, "%lld %s %s %s %s [%s] %lld %s | %.*s\n", n->id, n->episode_id, n->child_id,
                  hw_code_name(hw_outbox_event_codes, n->event),
                  hw_code_name(hw_role_codes, n->role), n->recipient ? n->recipient : "-",
                  (long long)n->created_at, n->created_by, (int)strcspn(n->reason, ":"), n->reason);
    assert_int_equal(n->acknowledged_at, HW_NO_TIME);
    /* only the row to the responsible council carries a notice */
    assert_true((n->notice != NULL) == (n->role == HW_ROLE_RESPONSIBLE_COUNCIL));
    return 0;
}

/* The notices of the outbox, one after another. */
static int notice_text(void *ctx, const struct hw_notification *n)
{
    hw_buf_printf(ctx, "#%lld\n%s\n", n->id, n->notice);
    return 0;
}

static char *outbox(struct hw_test_db *db)
{
    struct hw_outbox_filter f = {0};
    struct hw_err err = {0};
    struct hw_buf b = {0};
    if (hw_store_list_notifications(db->s, &f, line, &b, &err) != 0)
        fail_msg("list: %s", err.msg);
    return hw_buf_take(&b);
}

/* Stores the episode and calls hw_notify_change as the CLI does: one
 * transaction. Returns the number added. */
static int change(struct hw_test_db *db, const struct hw_routing *r, const char *const *before_kv,
                  const char *const *after_kv)
{
    struct hw_err err = {0};
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    struct hw_rulebook rb = {&cfg, NULL, r, NULL};
    struct hw_episode *before = before_kv ? record(HW_REC_EPISODE, before_kv) : NULL;
    struct hw_episode *after = record(HW_REC_EPISODE, after_kv);
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_true(hw_store_put(db->s, HW_REC_EPISODE, after, NULL, &err) >= 0);
    int n = hw_notify_change(db->s, &rb, before, after, &amy, &err);
    if (n < 0)
        fail_msg("notify: %s", err.msg);
    assert_int_equal(hw_store_commit(db->s, &err), 0);
    if (before)
        free_record(HW_REC_EPISODE, before);
    free_record(HW_REC_EPISODE, after);
    return n;
}

#define E1_MISSING "episode_id", "E1", "child_id", "C1", "kind", "missing", "case_status", "cla"
#define E1_SEEN    "last_seen", "2017-04-03 22:00"

static void test_open_child_reported_raised_returned(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_routing r;
    hw_routing_defaults(&r);
    assert_int_equal(
        change(db, &r, NULL, (const char *[]){E1_MISSING, E1_SEEN, "risk", "medium", NULL}), 3);
    assert_int_equal(change(db, &r, (const char *[]){E1_MISSING, E1_SEEN, "risk", "medium", NULL},
                            (const char *[]){E1_MISSING, E1_SEEN, "risk", "high", NULL}),
                     2);
    /* nothing new: no row */
    assert_int_equal(change(db, &r, (const char *[]){E1_MISSING, E1_SEEN, "risk", "high", NULL},
                            (const char *[]){E1_MISSING, E1_SEEN, "risk", "high", NULL}),
                     0);
    assert_int_equal(change(db, &r, (const char *[]){E1_MISSING, E1_SEEN, "risk", "high", NULL},
                            (const char *[]){E1_MISSING, E1_SEEN, "risk", "high", "returned",
                                             "2017-04-04 09:00", NULL}),
                     2);
    char *text = outbox(db);
    assert_string_equal(
        text,
        "1 E1 C1 reported allocated_worker [Jo Bloggs] 1491253800 amy | BCP guidance 7, 12.2\n"
        "2 E1 C1 reported team_manager [-] 1491253800 amy | BCP guidance 7, 12.2\n"
        "3 E1 C1 reported missing_team [-] 1491253800 amy | BCP guidance 7, 12.2\n"
        "4 E1 C1 risk_raised_high front_door_triage_manager [-] 1491253800 amy | BCP "
        "guidance 7.1, 7.2\n"
        "5 E1 C1 risk_raised_high senior_managers [-] 1491253800 amy | BCP guidance 7.1, "
        "7.2\n"
        "6 E1 C1 returned allocated_worker [Jo Bloggs] 1491253800 amy | BCP guidance 10, "
        "12.2\n"
        "7 E1 C1 returned team_manager [-] 1491253800 amy | BCP guidance 10, 12.2\n");
    free(text);
}

static void test_not_open_and_ola(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_routing r;
    hw_routing_defaults(&r);
    /* not open, low risk, recorded after the return: reported and returned */
    assert_int_equal(
        change(db, &r, NULL,
               (const char *[]){"episode_id", "E2", "child_id", "C2", "kind", "missing", "risk",
                                "low", "last_seen", "2017-04-03 20:00", "returned",
                                "2017-04-03 23:00", NULL}),
        3);
    /* placed by another council, high risk: only the council and our record */
    assert_int_equal(
        change(db, &r, NULL,
               (const char *[]){"episode_id", "E3", "child_id", "C3", "kind", "missing", "risk",
                                "high", "last_seen", "2017-04-03 21:00", NULL}),
        2);
    /* away without authorisation: nobody */
    assert_int_equal(
        change(db, &r, NULL,
               (const char *[]){"episode_id", "E4", "child_id", "C1", "kind", "absent", "risk",
                                "high", "last_seen", "2017-04-03 21:00", NULL}),
        0);
    char *text = outbox(db);
    assert_string_equal(
        text, "1 E2 C2 reported missing_team [-] 1491253800 amy | BCP guidance 12.2\n"
              "2 E2 C2 reported early_help_decision_maker [-] 1491253800 amy | BCP guidance 12.2\n"
              "3 E2 C2 returned missing_team [-] 1491253800 amy | BCP guidance 12.2\n"
              "4 E3 C3 reported responsible_council [Dorset Council] 1491253800 amy | BCP guidance "
              "12.1\n"
              "5 E3 C3 reported missing_team [-] 1491253800 amy | BCP guidance 12.1\n");
    free(text);

    /* Found: the notice to the council, from the default template, with
     * what the records know and the interview's due time (72 hours on). */
    assert_int_equal(
        change(db, &r,
               (const char *[]){"episode_id", "E3", "child_id", "C3", "kind", "missing", "risk",
                                "high", "last_seen", "2017-04-03 21:00", NULL},
               (const char *[]){"episode_id", "E3", "child_id", "C3", "kind", "missing", "risk",
                                "high", "last_seen", "2017-04-03 21:00", "returned",
                                "2017-04-04 10:15", "found_location", "Poole Quay", "police_ref",
                                "MP/42", NULL}),
        2);
    struct hw_outbox_filter f = {.notices = true};
    struct hw_err err = {0};
    struct hw_buf b = {0};
    assert_int_equal(hw_store_list_notifications(db->s, &f, notice_text, &b, &err), 0);
    assert_string_equal(
        b.data, "#4\n"
                "To: Dorset Council\n"
                "From: The council, children missing from home and care\n"
                "Subject: Cal Reed (C3), placed here by you, has been reported missing\n"
                "\n"
                "Cal Reed, born 2003-02-14, whom Dorset Council placed in our area, has been\n"
                "reported missing to the police.\n"
                "\n"
                "Our episode: E3\n"
                "Last seen: 2017-04-03 21:00\n"
                "Reported to the police: not recorded\n"
                "Missing from: not recorded\n"
                "Police reference: not recorded\n"
                "Police risk level: High\n"
                "\n"
                "Please make sure the child's allocated worker and team manager know, and tell us\n"
                "who we should keep informed. We will tell you when Cal Reed is found.\n"
                "#6\n"
                "To: Dorset Council\n"
                "From: The council, children missing from home and care\n"
                "Subject: Cal Reed (C3), placed here by you, has been found\n"
                "\n"
                "Cal Reed, born 2003-02-14, whom Dorset Council placed in our area,\n"
                "was found or returned at 2017-04-04 10:15, having been missing since\n"
                "2017-04-03 21:00.\n"
                "\n"
                "Our episode: E3\n"
                "Missing from: not recorded\n"
                "Found at: Poole Quay\n"
                "Police reference: MP/42\n"
                "\n"
                "As the responsible council you hold the return home interview, due within\n"
                "72 hours of the return: by 2017-04-07 10:15. Please confirm the interview\n"
                "has been arranged, and tell us when it is done, quoting episode E3.\n");
    hw_buf_free(&b);
}

/* hw_notify itself: the table given decides; the reason is copied. */
static void test_notify_custom_table(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_routing r;
    struct hw_err err = {0};
    assert_int_equal(hw_routing_parse("reported any allocated_worker,senior_managers # ours\n",
                                      "ours", &r, &err),
                     0);
    struct hw_child *c = record(HW_REC_CHILD, (const char *[]){"child_id", "C2", NULL});
    struct hw_episode *e =
        record(HW_REC_EPISODE, (const char *[]){"episode_id", "E5", "child_id", "C2", "kind",
                                                "missing", "last_seen", "2017-04-03 20:00", NULL});
    assert_int_equal(hw_store_put(db->s, HW_REC_EPISODE, e, NULL, &err), 0);
    struct hw_config cfg;
    hw_config_defaults(&cfg);
    struct hw_rulebook rb = {&cfg, NULL, &r, NULL};
    assert_int_equal(hw_notify(db->s, &rb, c, e, HW_EVENT_REPORTED, &amy, &err), 2);
    assert_int_equal(hw_notify(db->s, &rb, c, e, HW_EVENT_RETURNED, &amy, &err), 0);
    char *text = outbox(db);
    assert_string_equal(text, "1 E5 C2 reported allocated_worker [-] 1491253800 amy | ours\n"
                              "2 E5 C2 reported senior_managers [-] 1491253800 amy | ours\n");
    free(text);
    free_record(HW_REC_CHILD, c);
    free_record(HW_REC_EPISODE, e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_child_reported_raised_returned, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_open_and_ola, setup, teardown),
        cmocka_unit_test_setup_teardown(test_notify_custom_table, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
