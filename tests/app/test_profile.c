/* test_profile.c - keeping a missing profile (app/profile.c): only the
 * fields given change, each change in the child's history; refusals change
 * nothing; the photograph replaced with its history; a send needs an open
 * episode and is audited; who may read a profile, police liaison above
 * all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "app/profile.h"
#include "support/testdb.h"

static struct hw_actor actor(const char *user, const char *when)
{
    return (struct hw_actor){.user = user, .source = "cli", .at = hw_test_local(when)};
}

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0) {
        free(db);
        return -1;
    }
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C1", "team", "CiC", NULL});
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C2", "team", "CiC", NULL});
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C3", "team", "North", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-04-03 22:00", "police_ref", "MP/1", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E3", "child_id", "C3", "kind", "missing",
                                 "last_seen", "2017-04-01 20:00", "returned", "2017-04-02 08:00",
                                 NULL});
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

/* The history as "user|field|old|new" lines ("-" for none), creation left out. */
static int collect(void *ctx, const struct hw_change *c)
{
    struct hw_buf *b = ctx;
    if (c->field)
        hw_buf_printf(b, "%s|%s|%s|%s\n", c->user, c->field, c->old_value ? c->old_value : "-",
                      c->new_value ? c->new_value : "-");
    return 0;
}

static char *history(struct hw_test_db *db, const char *id)
{
    struct hw_buf b = {0};
    struct hw_err err;
    assert_int_equal(hw_store_list_changes(db->s, HW_REC_CHILD, id, collect, &b, &err), 0);
    return b.data ? hw_buf_take(&b) : hw_strdup("");
}

static void set(struct hw_profile *p, const char *name, const char *text)
{
    struct hw_err err;
    if (hw_field_set(hw_field_find(hw_profile_fields, name), p, text, &err) < 0)
        fail_msg("%s: %s", name, err.msg);
}

static uint64_t mask2(const char *a, const char *b)
{
    return hw_field_mask(hw_profile_fields, a, b, NULL);
}

static void test_set_history(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_profile p, after;
    hw_profile_init(&p);
    hw_profile_init(&after);
    struct hw_actor amy = actor("amy", "2017-03-01 10:00"), ben = actor("ben", "2017-07-01 09:30");

    set(&p, "description", "  Tall, dark hair\n");
    set(&p, "mobile", "07700 900123");
    set(&p, "risks", "not given: must not be written");
    assert_int_equal(
        hw_profile_set(db->s, "C1", &p, mask2("description", "mobile"), &amy, &after, &err),
        HW_SAVE_NEW);
    assert_string_equal(after.description, "Tall, dark hair"); /* spaces and breaks around: gone */
    assert_null(after.risks);
    assert_int_equal(after.updated_at, amy.at);
    assert_string_equal(after.updated_by, "amy");

    /* The description given again as it is; risks and a cleared mobile are changes. */
    hw_profile_clear(&p);
    hw_profile_init(&p);
    set(&p, "description", "Tall, dark hair");
    set(&p, "risks", "CSE");
    uint64_t three = mask2("description", "risks") | mask2("mobile", "mobile");
    assert_int_equal(hw_profile_set(db->s, "C1", &p, three, &ben, &after, &err), HW_SAVE_CHANGED);
    assert_null(after.mobile);
    assert_string_equal(after.risks, "CSE");
    assert_int_equal(after.updated_at, ben.at);
    assert_string_equal(after.updated_by, "ben");

    /* Nothing different: nothing written, the last change stands. */
    struct hw_actor cat = actor("cat", "2017-08-01 09:00");
    set(&p, "description", "Tall, dark hair   ");
    assert_int_equal(
        hw_profile_set(db->s, "C1", &p, mask2("description", "risks"), &cat, &after, &err),
        HW_SAVE_SAME);
    assert_string_equal(after.updated_by, "ben");
    assert_int_equal(after.updated_at, ben.at);

    char *h = history(db, "C1");
    assert_string_equal(h, "amy|profile.description|-|Tall, dark hair\n"
                           "amy|profile.mobile|-|07700 900123\n"
                           "ben|profile.mobile|07700 900123|-\n"
                           "ben|profile.risks|-|CSE\n");
    free(h);
    hw_profile_clear(&after);
    assert_int_equal(hw_store_get_profile(db->s, "C1", &after, &err), 1);
    assert_string_equal(after.description, "Tall, dark hair");
    assert_string_equal(after.risks, "CSE");
    assert_string_equal(after.updated_by, "ben");
    hw_profile_clear(&p);
    hw_profile_clear(&after);
}

static void test_set_refused(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_profile p;
    hw_profile_init(&p);
    struct hw_actor amy = actor("amy", "2017-03-01 10:00");
    set(&p, "description", "Short");
    assert_int_equal(
        hw_profile_set(db->s, "C1", &p, mask2("description", "description"), &amy, NULL, &err),
        HW_SAVE_NEW);

    assert_int_equal(
        hw_profile_set(db->s, "C9", &p, mask2("description", "description"), &amy, NULL, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_string_equal(err.msg, "no child C9 is recorded");

    /* Too many lines in one field: the other, good, field is not kept either. */
    set(&p, "description", "Changed");
    set(&p, "medical", "a\nb\nc\nd\ne");
    assert_int_equal(
        hw_profile_set(db->s, "C1", &p, mask2("description", "medical"), &amy, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg,
                        "medical: at most 4 lines, got 5 (the profile prints on one A4 page)");
    char *h = history(db, "C1");
    assert_string_equal(h, "amy|profile.description|-|Short\n");
    free(h);
    struct hw_profile got;
    hw_profile_init(&got);
    assert_int_equal(hw_store_get_profile(db->s, "C1", &got, &err), 1);
    assert_string_equal(got.description, "Short");
    assert_null(got.medical);
    assert_false(hw_store_in_transaction(db->s));
    hw_profile_clear(&got);
    hw_profile_clear(&p);
}

static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0,    0,
                                    13,   'I', 'H', 'D', 'R',  0,    0,    0,    1,    0,    0,
                                    0,    1,   8,   2,   0,    0,    0,    0x90, 0x77, 0x53, 0xde};
static const unsigned char JPEG[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F'};

/* "TYPE, N bytes, sha256 HEX" as the history keeps a photograph. */
static void photo_line(const char *type, const char *bytes, const unsigned char *d, size_t n,
                       char *out, size_t size)
{
    unsigned char hash[crypto_hash_sha256_BYTES];
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    crypto_hash_sha256(hash, d, n);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    snprintf(out, size, "%s, %s, sha256 %s", type, bytes, hex);
}

static void test_photo(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_actor amy = actor("amy", "2017-03-01 10:00"), ben = actor("ben", "2017-03-02 10:00");
    char png[200], jpeg[200], want[800];
    photo_line("image/png", "33 bytes", PNG, sizeof PNG, png, sizeof png);
    photo_line("image/jpeg", "10 bytes", JPEG, sizeof JPEG, jpeg, sizeof jpeg);

    assert_int_equal(hw_profile_set_photo(db->s, "C1", PNG, sizeof PNG, 2048, &amy, &err), 0);
    /* Refused: not an image, too large, unknown child. Nothing changes. */
    assert_int_equal(
        hw_profile_set_photo(db->s, "C1", (const unsigned char *)"GIF89a", 6, 2048, &ben, &err),
        -1);
    assert_string_equal(err.msg, "the photograph is not a JPEG or PNG image (it looks like a GIF "
                                 "image)");
    assert_int_equal(hw_profile_set_photo(db->s, "C1", JPEG, sizeof JPEG, 9, &ben, &err), -1);
    assert_string_equal(err.msg, "the photograph is 10 bytes: the limit is 9 bytes");
    assert_int_equal(hw_profile_set_photo(db->s, "C9", JPEG, sizeof JPEG, 2048, &ben, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_false(hw_store_in_transaction(db->s));

    assert_int_equal(hw_profile_set_photo(db->s, "C1", JPEG, sizeof JPEG, 2048, &ben, &err), 1);
    char *h = history(db, "C1");
    snprintf(want, sizeof want, "amy|profile.photo|-|%s\nben|profile.photo|%s|%s\n", png, png,
             jpeg);
    assert_string_equal(h, want);
    free(h);
}

static void test_send_and_police(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_config cfg;
    char episode[HW_ID_MAX + 1] = "";
    hw_config_defaults(&cfg);
    struct hw_actor wes = actor("wes", "2017-04-03 23:30");
    hw_instant now = wes.at;

    /* While missing: yes. Never missing, returned and never sent: no. */
    assert_int_equal(hw_profile_police_may_read(db->s, &cfg, "C1", now, &err), HW_POLICE_MISSING);
    assert_int_equal(hw_profile_police_may_read(db->s, &cfg, "C2", now, &err), HW_POLICE_NO);
    assert_int_equal(hw_profile_police_may_read(db->s, &cfg, "C3", now, &err), HW_POLICE_NO);

    assert_int_equal(hw_profile_send(db->s, "C2", "PC 12 Smith", &wes, episode, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_string_equal(err.msg, "child C2 is not missing now: the profile is sent to the police "
                                 "for an open episode");
    assert_int_equal(hw_profile_send(db->s, "C1", "  ", &wes, episode, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_int_equal(strncmp(err.msg, "sent_to: required", 17), 0);
    assert_int_equal(hw_profile_send(db->s, "C1", "PC 12\nSmith", &wes, episode, &err), -1);
    assert_string_equal(err.msg, "sent_to: one line only");
    assert_int_equal(hw_profile_send(db->s, "C1", "PC 12 Smith, by email", &wes, episode, &err), 0);
    assert_string_equal(episode, "E1");

    /* One entry in the audit log: the send (test_send_audit reads it). */
    long long n = 0;
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 1);

    /* Returned on 5 April at 10:00: police keep it for 7 days after. */
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-04-03 22:00", "returned", "2017-04-05 10:00",
                                 "police_ref", "MP/1", NULL});
    assert_int_equal(
        hw_profile_police_may_read(db->s, &cfg, "C1", hw_test_local("2017-04-12 09:59"), &err),
        HW_POLICE_SENT);
    assert_int_equal(
        hw_profile_police_may_read(db->s, &cfg, "C1", hw_test_local("2017-04-12 10:00"), &err),
        HW_POLICE_NO);
    cfg.police_profile_days = 0;
    assert_int_equal(
        hw_profile_police_may_read(db->s, &cfg, "C1", hw_test_local("2017-04-05 10:00"), &err),
        HW_POLICE_NO);
    /* Not missing now: no more sends. */
    assert_int_equal(hw_profile_send(db->s, "C1", "PC 12", &wes, episode, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
}

static int audit_line(void *ctx, const struct hw_audit_entry *e)
{
    hw_buf_printf(ctx, "%s|%s|%s %s|%s\n", e->user, e->action, e->record_type, e->record_id,
                  e->detail);
    return 0;
}

static void test_send_audit(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_buf b = {0};
    struct hw_actor wes = actor("wes", "2017-04-03 23:30");
    assert_int_equal(hw_profile_send(db->s, "C1", "PC 12 Smith, by email", &wes, NULL, &err), 0);
    assert_int_equal(hw_audit_list(db->s, NULL, NULL, false, 0, audit_line, &b, &err), 0);
    assert_string_equal(b.data, "wes|profile_sent|child C1|missing profile sent to the police for "
                                "episode E1, police reference MP/1: PC 12 Smith, by email\n");
    hw_buf_free(&b);
}

static void test_who_may_read(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_config cfg;
    struct hw_child c1, c3;
    hw_config_defaults(&cfg);
    hw_record_init(hw_child_fields, &c1);
    hw_record_init(hw_child_fields, &c3);
    assert_int_equal(hw_store_get(db->s, HW_REC_CHILD, "C1", &c1, &err), 1);
    assert_int_equal(hw_store_get(db->s, HW_REC_CHILD, "C3", &c3, &err), 1);
    hw_instant now = hw_test_local("2017-04-03 23:30");
    struct hw_principal who = {.user = "x", .role = HW_USER_ROLE_COORDINATOR};
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c3, now, &err), 1);
    who.role = HW_USER_ROLE_WORKER;
    snprintf(who.team, sizeof who.team, "CiC");
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c1, now, &err), 1);
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c3, now, &err), 0); /* North */
    who.role = HW_USER_ROLE_TEAM_MANAGER;
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c3, now, &err), 0);
    who.role = HW_USER_ROLE_ANALYST;
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c1, now, &err), 0);
    who.role = HW_USER_ROLE_ADMIN;
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c1, now, &err), 0);
    who.role = HW_USER_ROLE_POLICE_LIAISON;
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c1, now, &err), 1); /* missing */
    assert_int_equal(hw_profile_may_read(db->s, &cfg, &who, &c3, now, &err), 0); /* returned */
    hw_record_clear(hw_child_fields, &c1);
    hw_record_clear(hw_child_fields, &c3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_set_history, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_photo, setup, teardown),
        cmocka_unit_test_setup_teardown(test_send_and_police, setup, teardown),
        cmocka_unit_test_setup_teardown(test_send_audit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_who_may_read, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
