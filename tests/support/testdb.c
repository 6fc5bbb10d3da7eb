/* testdb.c - a new database per test. */
#include "support/testdb.h"

#include <stdio.h>

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
