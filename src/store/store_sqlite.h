/* store_sqlite.h - the embedded SQLite backend of the storage interface. */
#ifndef HW_STORE_SQLITE_H
#define HW_STORE_SQLITE_H

#include "store/store.h"

/* Opens path with WAL, synchronous=FULL, foreign keys on and a busy
 * timeout, and applies pending migrations (store/migrations.h). */
int hw_sqlite_open(const char *path, struct hw_store **out, struct hw_err *err);

#endif
