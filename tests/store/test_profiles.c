/* test_profiles.c - the missing profile on SQLite: a profile, a
 * photograph's bytes and the sends to the police kept and read back as
 * written; writes only inside a transaction; the schema refusing to
 * delete them or to change a send. */
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
    if (!db || hw_test_db_open(db) < 0) {
        free(db);
        return -1;
    }
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C1", NULL});
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id", "C2", NULL});
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E1", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-04-03 22:00", NULL});
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static void set(struct hw_profile *p, const char *name, const char *text)
{
    struct hw_err err;
    if (hw_field_set(hw_field_find(hw_profile_fields, name), p, text, &err) < 0)
        fail_msg("%s: %s", name, err.msg);
}

static void test_profile_round_trip(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_profile p, got;
    hw_profile_init(&p);
    hw_profile_init(&got);
    assert_int_equal(hw_store_get_profile(db->s, "C1", &got, &err), 0);

    set(&p, "child_id", "C1");
    set(&p, "description", "Tall; \"dark\" hair\nscar on left hand");
    set(&p, "medical", "Asthma: blue inhaler");
    p.updated_at = 1491253200;
    p.updated_by = hw_strdup("amy");
    /* Only inside a transaction. */
    assert_int_equal(hw_store_put_profile(db->s, &p, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_store_put_profile(db->s, &p, &err), 0); /* new */
    set(&p, "medical", "");
    set(&p, "risks", "CSE");
    assert_int_equal(hw_store_put_profile(db->s, &p, &err), 1); /* replaced */
    assert_int_equal(hw_store_commit(db->s, &err), 0);

    assert_int_equal(hw_store_get_profile(db->s, "C1", &got, &err), 1);
    assert_string_equal(got.child_id, "C1");
    assert_string_equal(got.description, "Tall; \"dark\" hair\nscar on left hand");
    assert_null(got.medical);
    assert_string_equal(got.risks, "CSE");
    assert_null(got.mobile);
    assert_int_equal(got.updated_at, 1491253200);
    assert_string_equal(got.updated_by, "amy");
    /* Reading again into the same struct frees what it held. */
    assert_int_equal(hw_store_get_profile(db->s, "C1", &got, &err), 1);
    assert_int_equal(hw_store_get_profile(db->s, "C2", &got, &err), 0);
    sqlite3 *raw;
    char *msg = NULL;
    assert_int_equal(sqlite3_open(db->path, &raw), SQLITE_OK);
    assert_int_not_equal(sqlite3_exec(raw, "DELETE FROM profiles", NULL, NULL, &msg), SQLITE_OK);
    assert_non_null(strstr(msg, "never deleted"));
    sqlite3_free(msg);
    sqlite3_close(raw);
    hw_profile_clear(&p);
    hw_profile_clear(&got);
}

struct seen {
    int calls;
    char type[32], by[32];
    size_t size;
    unsigned char data[64];
    bool had_data;
    hw_instant at;
};

static int seen_photo(void *ctx, const struct hw_photo *p)
{
    struct seen *s = ctx;
    s->calls++;
    snprintf(s->type, sizeof s->type, "%s", p->content_type);
    snprintf(s->by, sizeof s->by, "%s", p->uploaded_by);
    s->size = p->size;
    s->at = p->uploaded_at;
    s->had_data = p->data != NULL;
    if (p->data && p->size <= sizeof s->data)
        memcpy(s->data, p->data, p->size);
    return 0;
}

static void test_photo_round_trip(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    /* Bytes with a NUL in them: a blob, not text. */
    static const unsigned char jpeg[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 0x00, 0xd9};
    struct hw_photo p = {.child_id = "C1",
                         .content_type = "image/jpeg",
                         .size = sizeof jpeg,
                         .data = jpeg,
                         .uploaded_at = 1491253200,
                         .uploaded_by = "wes"};
    struct seen s = {0};
    assert_int_equal(hw_store_get_photo(db->s, "C1", true, seen_photo, &s, &err), 0);
    assert_int_equal(s.calls, 0);
    assert_int_equal(hw_store_put_photo(db->s, &p, &err), -1); /* outside a transaction */
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_store_put_photo(db->s, &p, &err), 0);
    assert_int_equal(hw_store_commit(db->s, &err), 0);

    assert_int_equal(hw_store_get_photo(db->s, "C1", true, seen_photo, &s, &err), 1);
    assert_int_equal(s.calls, 1);
    assert_string_equal(s.type, "image/jpeg");
    assert_string_equal(s.by, "wes");
    assert_int_equal(s.size, sizeof jpeg);
    assert_int_equal(s.at, 1491253200);
    assert_true(s.had_data);
    assert_memory_equal(s.data, jpeg, sizeof jpeg);
    /* The details only: no bytes read. */
    memset(&s, 0, sizeof s);
    assert_int_equal(hw_store_get_photo(db->s, "C1", false, seen_photo, &s, &err), 1);
    assert_false(s.had_data);
    assert_int_equal(s.size, sizeof jpeg);

    /* Replaced: the new one is what is kept. */
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    p.content_type = "image/png";
    p.data = png;
    p.size = sizeof png;
    p.uploaded_by = "man";
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_store_put_photo(db->s, &p, &err), 1);
    assert_int_equal(hw_store_commit(db->s, &err), 0);
    memset(&s, 0, sizeof s);
    assert_int_equal(hw_store_get_photo(db->s, "C1", true, seen_photo, &s, &err), 1);
    assert_string_equal(s.type, "image/png");
    assert_string_equal(s.by, "man");
    assert_memory_equal(s.data, png, sizeof png);

    /* The schema keeps only JPEG and PNG, and never deletes one. */
    sqlite3 *raw;
    char *msg = NULL;
    assert_int_equal(sqlite3_open(db->path, &raw), SQLITE_OK);
    assert_int_not_equal(
        sqlite3_exec(raw, "UPDATE profile_photos SET content_type = 'image/gif'", NULL, NULL, &msg),
        SQLITE_OK);
    sqlite3_free(msg);
    assert_int_not_equal(sqlite3_exec(raw, "DELETE FROM profile_photos", NULL, NULL, &msg),
                         SQLITE_OK);
    assert_non_null(strstr(msg, "never deleted"));
    sqlite3_free(msg);
    sqlite3_close(raw);
}

static int collect_send(void *ctx, const struct hw_profile_send *r)
{
    struct hw_buf *b = ctx;
    hw_buf_printf(b, "%lld|%s|%s|%s|%s|%lld|%s\n", r->id, r->child_id, r->episode_id,
                  r->police_ref ? r->police_ref : "-", r->sent_to, (long long)r->sent_at,
                  r->sent_by);
    return 0;
}

static void test_sends(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_buf b = {0};
    long long id = 0;
    struct hw_profile_send r = {.child_id = "C1",
                                .episode_id = "E1",
                                .police_ref = "MP/1",
                                .sent_to = "PC 12 Smith",
                                .sent_at = 1491253300,
                                .sent_by = "wes"};
    assert_int_equal(hw_store_add_profile_send(db->s, &r, &id, &err), -1);
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_store_add_profile_send(db->s, &r, &id, &err), 0);
    assert_int_equal(id, 1);
    r.police_ref = NULL;
    r.sent_to = "control room";
    r.sent_at = 1491253400;
    assert_int_equal(hw_store_add_profile_send(db->s, &r, &id, &err), 0);
    assert_int_equal(id, 2);
    assert_int_equal(hw_store_commit(db->s, &err), 0);

    /* Newest first; none for a child never sent. */
    assert_int_equal(hw_store_list_profile_sends(db->s, "C1", collect_send, &b, &err), 0);
    assert_string_equal(b.data, "2|C1|E1|-|control room|1491253400|wes\n"
                                "1|C1|E1|MP/1|PC 12 Smith|1491253300|wes\n");
    hw_buf_reset(&b);
    assert_int_equal(hw_store_list_profile_sends(db->s, "C2", collect_send, &b, &err), 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(hw_store_list_profile_sends(db->s, NULL, collect_send, &b, &err), 0);
    assert_non_null(strstr(b.data, "1|C1|E1|MP/1"));
    hw_buf_free(&b);

    sqlite3 *raw;
    char *msg = NULL;
    assert_int_equal(sqlite3_open(db->path, &raw), SQLITE_OK);
    assert_int_not_equal(
        sqlite3_exec(raw, "UPDATE profile_sends SET sent_to = 'x'", NULL, NULL, &msg), SQLITE_OK);
    assert_non_null(strstr(msg, "never changed"));
    sqlite3_free(msg);
    assert_int_not_equal(sqlite3_exec(raw, "DELETE FROM profile_sends", NULL, NULL, &msg),
                         SQLITE_OK);
    sqlite3_free(msg);
    sqlite3_close(raw);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_profile_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_photo_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sends, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
