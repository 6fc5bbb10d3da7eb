/* test_save.c - storing a record with its history (app/save.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "app/save.h"
#include "support/testdb.h"

static const struct hw_actor AMY = {.user = "amy", .source = "cli", .at = 1500000000};
static const struct hw_actor BEN = {.user = "ben", .source = "import e.csv", .at = 1500003600};

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    if (!db || hw_test_db_open(db) < 0) {
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

static void set(const struct hw_field *table, void *rec, const char *name, const char *text)
{
    struct hw_err err;
    if (hw_field_set(hw_field_find(table, name), rec, text, &err) < 0)
        fail_msg("%s: %s", name, err.msg);
}

/* The history as "user|field|old|new" lines ("-" for none). */
static int collect(void *ctx, const struct hw_change *c)
{
    struct hw_buf *b = ctx;
    hw_buf_printf(b, "%s|%s|%s|%s\n", c->user, c->field ? c->field : "-",
                  c->old_value ? c->old_value : "-", c->new_value ? c->new_value : "-");
    return 0;
}

static char *history(struct hw_test_db *db, enum hw_rectype t, const char *id)
{
    struct hw_buf b = {0};
    struct hw_err err;
    assert_int_equal(hw_store_list_changes(db->s, t, id, collect, &b, &err), 0);
    return hw_buf_take(&b);
}

static void test_new_same_changed(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    set(hw_child_fields, &c, "child_id", "C1");
    set(hw_child_fields, &c, "team", "North");
    set(hw_child_fields, &c, "flags", "cse");
    assert_int_equal(hw_app_save(db->s, HW_REC_CHILD, &c, &AMY, &err), HW_SAVE_NEW);
    assert_int_equal(hw_app_save(db->s, HW_REC_CHILD, &c, &AMY, &err), HW_SAVE_SAME);
    set(hw_child_fields, &c, "team", "South");
    set(hw_child_fields, &c, "flags", "");
    set(hw_child_fields, &c, "worker", "Sam");
    assert_int_equal(hw_app_save(db->s, HW_REC_CHILD, &c, &BEN, &err), HW_SAVE_CHANGED);
    char *h = history(db, HW_REC_CHILD, "C1");
    assert_string_equal(h, "amy|-|-|-\n"
                           "ben|flags|cse|-\n"
                           "ben|team|North|South\n"
                           "ben|worker|-|Sam\n");
    free(h);
    hw_record_clear(hw_child_fields, &c);
    assert_int_equal(hw_store_get(db->s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_string_equal(c.team, "South");
    assert_string_equal(c.worker, "Sam");
    hw_record_clear(hw_child_fields, &c);
}

/* Times are kept to the second with their offset, so a change of seconds
 * is a change, and the history says exactly what the value was. */
static void test_times_exact(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err;
    struct hw_child c;
    struct hw_episode e;
    hw_record_init(hw_child_fields, &c);
    hw_record_init(hw_episode_fields, &e);
    set(hw_child_fields, &c, "child_id", "C1");
    assert_int_equal(hw_app_save(db->s, HW_REC_CHILD, &c, &AMY, &err), HW_SAVE_NEW);
    set(hw_episode_fields, &e, "episode_id", "E1");
    set(hw_episode_fields, &e, "child_id", "C1");
    set(hw_episode_fields, &e, "kind", "missing");
    set(hw_episode_fields, &e, "last_seen", "2017-07-01 22:00");
    assert_int_equal(hw_app_save(db->s, HW_REC_EPISODE, &e, &AMY, &err), HW_SAVE_NEW);
    e.last_seen += 30;
    assert_int_equal(hw_app_save(db->s, HW_REC_EPISODE, &e, &BEN, &err), HW_SAVE_CHANGED);
    set(hw_episode_fields, &e, "returned", "2017-12-01 08:00");
    assert_int_equal(hw_app_save(db->s, HW_REC_EPISODE, &e, &BEN, &err), HW_SAVE_CHANGED);
    char *h = history(db, HW_REC_EPISODE, "E1");
    assert_string_equal(h, "amy|-|-|-\n"
                           "ben|last_seen|2017-07-01T22:00:00+01:00|2017-07-01T22:00:30+01:00\n"
                           "ben|returned|-|2017-12-01T08:00:00+00:00\n");
    free(h);
    hw_record_clear(hw_child_fields, &c);
    hw_record_clear(hw_episode_fields, &e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_same_changed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_times_exact, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
