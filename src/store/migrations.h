/* migrations.h - the versioned schema.
 *
 * Migration N (1-based) takes a database from user_version N-1 to N. Each
 * is applied in its own transaction on open; a database newer than this
 * binary is refused. Never edit a released migration: add the next one.
 * Column names are the field names of core/records.c.
 */
#ifndef HW_MIGRATIONS_H
#define HW_MIGRATIONS_H

#include <stddef.h>

extern const char *const hw_migrations[];
extern const size_t hw_migration_count;

#endif
