/* testdb.c - a new database per test. */
#include "support/testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "support/tmpdir.h"

int hw_test_db_open(struct hw_test_db *db)
{
    struct hw_err err = {0};
    if (hw_test_mkdtemp(db->dir, sizeof db->dir) < 0)
        return -1;
    snprintf(db->path, sizeof db->path, "%s/homeward.db", db->dir);
    if (hw_store_open(db->path, &db->s, &err) < 0) {
        fprintf(stderr, "open %s: %s\n", db->path, err.msg);
        hw_test_rmdir(db->dir);
        return -1;
    }
    return 0;
}

void hw_test_db_close(struct hw_test_db *db)
{
    hw_store_close(db->s);
    db->s = NULL;
    hw_test_rmdir(db->dir);
}

hw_instant hw_test_local(const char *text)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(text, &t, NULL), 0);
    return t;
}

void hw_test_put(struct hw_test_db *db, enum hw_rectype t, const char *const *kv)
{
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    void *rec = calloc(1, ti->size);
    struct hw_err err;
    hw_record_init(ti->fields, rec);
    for (; *kv; kv += 2)
        if (hw_field_set(hw_field_find(ti->fields, kv[0]), rec, kv[1], &err) < 0)
            fail_msg("%s: %s", kv[0], err.msg);
    assert_true(hw_store_put(db->s, t, rec, NULL, &err) >= 0);
    hw_record_clear(ti->fields, rec);
    free(rec);
}
