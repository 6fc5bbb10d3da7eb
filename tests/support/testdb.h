/* testdb.h - a new Homeward database in a fresh temporary directory. */
#ifndef HW_TEST_TESTDB_H
#define HW_TEST_TESTDB_H

#include "store/store.h"

struct hw_test_db {
    char dir[64];
    char path[128]; /* dir/homeward.db */
    struct hw_store *s;
};

/* Creates the directory and opens the store; prints why and returns -1 on failure. */
int hw_test_db_open(struct hw_test_db *db);
/* Closes the store and removes the directory. */
void hw_test_db_close(struct hw_test_db *db);

/* A UK local time ("YYYY-MM-DD HH:MM"); fails the test when malformed. */
hw_instant hw_test_local(const char *text);
/* Stores a record of type t from name/value pairs, NULL-terminated:
 * (const char *[]){"child_id", "C1", "team", "A", NULL}. Fails the test on a
 * bad value or a refused put. */
void hw_test_put(struct hw_test_db *db, enum hw_rectype t, const char *const *kv);

#endif
