/* store_sqlite.c - the storage interface on embedded SQLite.
 *
 * SQL for put and get is generated from the records' field tables, so a
 * field added to core/records.c (and a migration adding its column) is
 * stored without further code here. Every value is bound; no SQL is built
 * from data.
 */
#include "store/store_sqlite.h"

#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/rag.h"
#include "core/routing.h"
#include "core/rules.h"
#include "store/migrations.h"

#define BUSY_TIMEOUT_MS 5000
#define HW_XSTR(x)      #x
#define HW_STR(x)       HW_XSTR(x)
#define LIST_CACHE      16         /* prepared list statements kept: one per filter shape in use */
#define MMAP_BYTES      1073741824 /* read pages in place, not copied: lists scan a lot */
#define CACHE_KIB       32768      /* page cache per connection: imports touch four indexes */
#define AUTH_STMTS      24         /* room for enum auth_stmt's statements */

struct sqlite_store {
    struct hw_store base; /* first: the interface */
    sqlite3 *db;
    char *path;
    sqlite3_stmt *insert[HW_REC_COUNT]; /* a new record */
    sqlite3_stmt *update[HW_REC_COUNT]; /* one that exists */
    sqlite3_stmt *get[HW_REC_COUNT];
    sqlite3_stmt *link_delete[HW_REC_COUNT];
    sqlite3_stmt *link_insert[HW_REC_COUNT];
    sqlite3_stmt *missing_starts;
    sqlite3_stmt *add_change, *list_changes;
    sqlite3_stmt *add_action, *list_actions;
    sqlite3_stmt *add_notification, *ack_notification, *notification_known; /* on first use */
    sqlite3_stmt *send_notice, *answer_notice;                              /* on first use */
    sqlite3_stmt *add_attempt, *list_attempts;                              /* on first use */
    sqlite3_stmt *created[HW_REC_COUNT]; /* who created a record */
    struct {
        uint64_t mask;
        sqlite3_stmt *stmt;
    } some[HW_REC_COUNT][4]; /* statements of hw_store_get_some, by field set */
    struct {
        char *sql;
        sqlite3_stmt *stmt;
        bool busy;                  /* in use by a listing that is still running */
    } lists[LIST_CACHE];            /* statements of hw_store_list, by their SQL */
    unsigned list_clock;            /* which cached list statement to replace next */
    sqlite3_stmt *auth[AUTH_STMTS]; /* users, sessions, tokens, failures, audit: on first use */
    char audit_prev[65], audit_hash[65]; /* of the last entry appended */
};

static const struct hw_store_ops sqlite_ops;

/* The link table that mirrors a record's ID list, if it has one. */
static const struct {
    const char *list_field;
    const char *delete_sql;
    const char *insert_sql;
} links[HW_REC_COUNT] = {
    [HW_REC_EPISODE] = {"with_children", "DELETE FROM episode_with WHERE episode_id = ?1",
                        "INSERT OR IGNORE INTO episode_with(episode_id, child_id) VALUES (?1, ?2)"},
    [HW_REC_INTERVIEW] = {"episode_ids", "DELETE FROM interview_episodes WHERE interview_id = ?1",
                          "INSERT OR IGNORE INTO interview_episodes(interview_id, episode_id) "
                          "VALUES (?1, ?2)"},
};

static struct sqlite_store *cast(struct hw_store *s)
{
    return (struct sqlite_store *)s;
}

static int db_fail(struct sqlite_store *st, struct hw_err *err, const char *what)
{
    return hw_fail(err, HW_EINTERNAL, "database %s: %s: %s", st->path, what,
                   sqlite3_errmsg(st->db));
}

static int exec(struct sqlite_store *st, const char *sql, struct hw_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        hw_fail(err, HW_EINTERNAL, "database %s: %s", st->path, msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int prepare(struct sqlite_store *st, const char *sql, sqlite3_stmt **out, struct hw_err *err)
{
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK)
        return db_fail(st, err, "preparing a statement");
    return 0;
}

/* ---- mapping between fields and columns ---- */

static void bind_field(sqlite3_stmt *stmt, int idx, const struct hw_field *f, const void *rec,
                       struct hw_buf *scratch)
{
    const char *base = rec;
    if (!hw_field_is_set(f, rec)) {
        sqlite3_bind_null(stmt, idx);
        return;
    }
    switch (f->type) {
    case HW_F_TIME:
        sqlite3_bind_int64(stmt, idx, *(const hw_instant *)(base + f->offset));
        return;
    case HW_F_INT:
        sqlite3_bind_int(stmt, idx, *(const int *)(base + f->offset));
        return;
    case HW_F_ID:
    case HW_F_IDLIST:
    case HW_F_TEXT:
        sqlite3_bind_text(stmt, idx, *(char *const *)(base + f->offset), -1, SQLITE_STATIC);
        return;
    default:
        /* dates, codes and flags are stored in their text form */
        hw_buf_reset(scratch);
        hw_field_format(f, rec, scratch);
        sqlite3_bind_text(stmt, idx, scratch->data, (int)scratch->len, SQLITE_TRANSIENT);
        return;
    }
}

static int read_field(sqlite3_stmt *stmt, int col, const struct hw_field *f, void *rec,
                      struct hw_err *err)
{
    char *base = rec;
    if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
        return hw_field_set(f, rec, "", err);
    switch (f->type) {
    case HW_F_TIME:
        *(hw_instant *)(base + f->offset) = sqlite3_column_int64(stmt, col);
        return 0;
    case HW_F_INT:
        *(int *)(base + f->offset) = sqlite3_column_int(stmt, col);
        return 0;
    default: {
        const char *text = (const char *)sqlite3_column_text(stmt, col);
        struct hw_err why;
        if (hw_field_set(f, rec, text ? text : "", &why) < 0)
            return hw_fail(err, HW_EINTERNAL, "stored %s value '%.100s' is not valid: %s", f->name,
                           text ? text : "", why.msg);
        return 0;
    }
    }
}

static bool in_mask(const struct hw_field *fields, const struct hw_field *f, uint64_t mask)
{
    return mask == 0 || (mask & (UINT64_C(1) << (f - fields)));
}

/* Reads the columns of the fields in mask (0: all), in table order. */
static int read_record_some(sqlite3_stmt *stmt, const struct hw_field *fields, uint64_t mask,
                            void *rec, struct hw_err *err)
{
    int col = 0;
    for (const struct hw_field *f = fields; f->name; f++)
        if (in_mask(fields, f, mask) && read_field(stmt, col++, f, rec, err) < 0)
            return -1;
    return 0;
}

static int read_record(sqlite3_stmt *stmt, const struct hw_field *fields, void *rec,
                       struct hw_err *err)
{
    return read_record_some(stmt, fields, 0, rec, err);
}

static void column_list(const struct hw_field *fields, struct hw_buf *b)
{
    for (const struct hw_field *f = fields; f->name; f++)
        hw_buf_printf(b, "%s%s", f == fields ? "" : ", ", f->name);
}

static int prepare_record_statements(struct sqlite_store *st, struct hw_err *err)
{
    struct hw_buf b = {0};
    int rc = -1;
    for (int t = 0; t < HW_REC_COUNT; t++) {
        const struct hw_rectype_info *ti = &hw_rectypes[t];
        const struct hw_field *fields = ti->fields;

        hw_buf_reset(&b);
        hw_buf_printf(&b, "INSERT INTO %s(", ti->plural);
        column_list(fields, &b);
        hw_buf_puts(&b, ", created_at, created_by, created_source) VALUES (");
        int n = 0;
        for (const struct hw_field *f = fields; f->name; f++)
            hw_buf_printf(&b, "%s?%d", n ? ", " : "", n + 1), n++;
        hw_buf_printf(&b, ", ?%d, ?%d, ?%d", n + 1, n + 2, n + 3);
        hw_buf_printf(&b, ") ON CONFLICT(%s) DO NOTHING", fields[0].name);
        if (prepare(st, b.data, &st->insert[t], err) < 0)
            goto done;

        hw_buf_reset(&b);
        hw_buf_printf(&b, "UPDATE %s SET ", ti->plural);
        n = 1;
        for (const struct hw_field *f = fields + 1; f->name; f++)
            hw_buf_printf(&b, "%s%s = ?%d", f == fields + 1 ? "" : ", ", f->name, ++n);
        hw_buf_printf(&b, " WHERE %s = ?1", fields[0].name);
        if (prepare(st, b.data, &st->update[t], err) < 0)
            goto done;

        hw_buf_reset(&b);
        hw_buf_puts(&b, "SELECT ");
        column_list(fields, &b);
        hw_buf_printf(&b, " FROM %s WHERE %s = ?1", ti->plural, fields[0].name);
        if (prepare(st, b.data, &st->get[t], err) < 0)
            goto done;

        hw_buf_reset(&b);
        hw_buf_printf(&b,
                      "SELECT created_at, created_by, created_source FROM %s WHERE %s = ?1 "
                      "AND created_at IS NOT NULL",
                      ti->plural, fields[0].name);
        if (prepare(st, b.data, &st->created[t], err) < 0)
            goto done;

        if (links[t].list_field) {
            if (prepare(st, links[t].delete_sql, &st->link_delete[t], err) < 0 ||
                prepare(st, links[t].insert_sql, &st->link_insert[t], err) < 0)
                goto done;
        }
    }
    if (prepare(st,
                "SELECT last_seen FROM episodes WHERE child_id = ?1 AND kind = 'missing' "
                "ORDER BY last_seen",
                &st->missing_starts, err) < 0 ||
        prepare(st,
                "INSERT INTO changes(at, user, source, record_type, record_id, field, old_value, "
                "new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &st->add_change, err) < 0)
        goto done;
    if (prepare(st,
                "INSERT INTO actions(episode_id, action, seq, outcome, at, reason, recorded_by, "
                "recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                "ON CONFLICT(episode_id, action, seq) DO NOTHING",
                &st->add_action, err) < 0 ||
        prepare(st,
                "SELECT action, seq, outcome, at, reason, recorded_by, recorded_at FROM actions "
                "WHERE episode_id = ?1 ORDER BY action, seq",
                &st->list_actions, err) < 0)
        goto done;
    rc = prepare(st,
                 "SELECT change_id, at, user, source, field, old_value, new_value FROM changes "
                 "WHERE record_type = ?1 AND record_id = ?2 ORDER BY change_id",
                 &st->list_changes, err);
done:
    hw_buf_free(&b);
    return rc;
}

/* ---- open, migrate, close ---- */

static int user_version(struct sqlite_store *st)
{
    sqlite3_stmt *stmt;
    int v = -1;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return v;
}

static int check_version(struct sqlite_store *st, struct hw_err *err)
{
    int v = user_version(st);
    if (v < 0)
        return db_fail(st, err, "reading the schema version");
    if ((size_t)v > hw_migration_count)
        return hw_fail(err, HW_EINPUT,
                       "database %s has schema version %d, newer than this homeward (%zu): "
                       "use a newer homeward",
                       st->path, v, hw_migration_count);
    return 0;
}

static int migrate(struct sqlite_store *st, struct hw_err *err)
{
    int v = user_version(st);
    if (check_version(st, err) < 0)
        return -1;
    for (size_t i = (size_t)v; i < hw_migration_count; i++) {
        char pragma[64];
        if (exec(st, "BEGIN IMMEDIATE", err) < 0)
            return -1;
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %zu", i + 1);
        if (exec(st, hw_migrations[i], err) < 0 || exec(st, pragma, err) < 0) {
            exec(st, "ROLLBACK", NULL);
            return -1;
        }
        if (exec(st, "COMMIT", err) < 0)
            return -1;
    }
    return 0;
}

static void sqlite_close(struct hw_store *s)
{
    struct sqlite_store *st = cast(s);
    for (int t = 0; t < HW_REC_COUNT; t++) {
        sqlite3_finalize(st->insert[t]);
        sqlite3_finalize(st->update[t]);
        sqlite3_finalize(st->get[t]);
        sqlite3_finalize(st->link_delete[t]);
        sqlite3_finalize(st->link_insert[t]);
    }
    sqlite3_finalize(st->missing_starts);
    sqlite3_finalize(st->add_change);
    sqlite3_finalize(st->add_action);
    sqlite3_finalize(st->list_actions);
    sqlite3_finalize(st->add_notification);
    sqlite3_finalize(st->ack_notification);
    sqlite3_finalize(st->notification_known);
    sqlite3_finalize(st->send_notice);
    sqlite3_finalize(st->answer_notice);
    sqlite3_finalize(st->add_attempt);
    sqlite3_finalize(st->list_attempts);
    for (int t = 0; t < HW_REC_COUNT; t++)
        sqlite3_finalize(st->created[t]);
    sqlite3_finalize(st->list_changes);
    for (int t = 0; t < HW_REC_COUNT; t++)
        for (int i = 0; i < 4; i++)
            sqlite3_finalize(st->some[t][i].stmt);
    for (int i = 0; i < LIST_CACHE; i++) {
        sqlite3_finalize(st->lists[i].stmt);
        free(st->lists[i].sql);
    }
    for (int i = 0; i < AUTH_STMTS; i++)
        sqlite3_finalize(st->auth[i]);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

/* Process-wide settings, made once before the first connection: no memory
 * statistics (they take a global mutex on every allocation). */
static void configure(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int hw_sqlite_open(const char *path, struct hw_store **out, struct hw_err *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, configure);
    struct sqlite_store *st = hw_calloc(1, sizeof *st);
    st->base.ops = &sqlite_ops;
    st->path = hw_strdup(path);
    *out = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        hw_fail(err, HW_EINPUT, "cannot open database %s: %s", path,
                st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto fail;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    /* Refuse a database from a newer Homeward before changing anything in it. */
    if (check_version(st, err) < 0)
        goto fail;
    if (exec(st, "PRAGMA journal_mode = WAL", err) < 0 ||
        exec(st, "PRAGMA synchronous = FULL", err) < 0 ||
        exec(st, "PRAGMA foreign_keys = ON", err) < 0 ||
        exec(st, "PRAGMA cache_size = -" HW_STR(CACHE_KIB), err) < 0 ||
        exec(st, "PRAGMA mmap_size = " HW_STR(MMAP_BYTES), err) < 0)
        goto fail;
    if (migrate(st, err) < 0 || prepare_record_statements(st, err) < 0)
        goto fail;
    *out = &st->base;
    return 0;
fail:
    sqlite_close(&st->base);
    return -1;
}

static int sqlite_schema_version(struct hw_store *s)
{
    return user_version(cast(s));
}

/* ---- transactions ---- */

static int sqlite_begin(struct hw_store *s, struct hw_err *err)
{
    return exec(cast(s), "BEGIN IMMEDIATE", err);
}

static int sqlite_commit(struct hw_store *s, struct hw_err *err)
{
    return exec(cast(s), "COMMIT", err);
}

static void sqlite_rollback(struct hw_store *s)
{
    struct sqlite_store *st = cast(s);
    if (!sqlite3_get_autocommit(st->db))
        exec(st, "ROLLBACK", NULL);
}

/* ---- records ---- */

static int step_done(struct sqlite_store *st, sqlite3_stmt *stmt, struct hw_err *err,
                     const char *what)
{
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, what);
    return 0;
}

/* Writes the link rows for rec's ID list; a replaced record's old ones go
 * first (a new record has none, and the delete is costly). */
static int put_links(struct sqlite_store *st, enum hw_rectype t, const void *rec, bool replaced,
                     struct hw_err *err)
{
    const struct hw_field *fields = hw_rectypes[t].fields;
    const struct hw_field *lf = hw_field_find(fields, links[t].list_field);
    const char *id = *(char *const *)((const char *)rec + fields[0].offset);
    const char *list = *(char *const *)((const char *)rec + lf->offset);

    if (replaced) {
        sqlite3_bind_text(st->link_delete[t], 1, id, -1, SQLITE_STATIC);
        if (step_done(st, st->link_delete[t], err, "updating links") < 0)
            return -1;
    }
    const char *cur = list ? list : "", *item;
    size_t n;
    while ((n = hw_list_next(&cur, &item)) > 0) {
        sqlite3_bind_text(st->link_insert[t], 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st->link_insert[t], 2, item, (int)n, SQLITE_STATIC);
        if (step_done(st, st->link_insert[t], err, "storing links") < 0)
            return -1;
    }
    return 0;
}

static void bind_opt_text(sqlite3_stmt *stmt, int idx, const char *s)
{
    if (s)
        sqlite3_bind_text(stmt, idx, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(stmt, idx);
}

/* Inserts rec; when its ID is taken, replaces the stored fields, unless
 * add_only. Returns 0 inserted, 1 ID taken, -1 failure. */
static int write_record(struct sqlite_store *st, enum hw_rectype t, const void *rec,
                        const struct hw_stamp *created, bool add_only, struct hw_err *err)
{
    const struct hw_field *fields = hw_rectypes[t].fields;
    struct hw_buf scratch = {0};
    bool replaced = false;

    /* Insert when new (the common case in an import); when the ID is taken
     * the insert changes nothing, and the update replaces the fields. */
    sqlite3_stmt *stmt = st->insert[t];
    int idx = 1;
    for (const struct hw_field *f = fields; f->name; f++, idx++)
        bind_field(stmt, idx, f, rec, &scratch);
    if (created)
        sqlite3_bind_int64(stmt, idx, created->at);
    else
        sqlite3_bind_null(stmt, idx);
    bind_opt_text(stmt, idx + 1, created ? created->user : NULL);
    bind_opt_text(stmt, idx + 2, created ? created->source : NULL);
    int rc = step_done(st, stmt, err, "storing a record");
    if (rc == 0 && sqlite3_changes(st->db) == 0) {
        replaced = true;
        if (add_only) {
            hw_buf_free(&scratch);
            return 1;
        }
        stmt = st->update[t];
        idx = 1;
        for (const struct hw_field *f = fields; f->name; f++, idx++)
            bind_field(stmt, idx, f, rec, &scratch);
        rc = step_done(st, stmt, err, "updating a record");
    }
    hw_buf_free(&scratch);
    if (rc == 0 && links[t].list_field)
        rc = put_links(st, t, rec, replaced, err);
    return rc < 0 ? -1 : replaced;
}

static int sqlite_put(struct hw_store *s, enum hw_rectype t, const void *rec,
                      const struct hw_stamp *created, struct hw_err *err)
{
    return write_record(cast(s), t, rec, created, false, err);
}

static int sqlite_add(struct hw_store *s, enum hw_rectype t, const void *rec,
                      const struct hw_stamp *created, struct hw_err *err)
{
    int rc = write_record(cast(s), t, rec, created, true, err);
    return rc < 0 ? -1 : rc == 0;
}

static int sqlite_get(struct hw_store *s, enum hw_rectype t, const char *id, void *out,
                      struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->get[t];
    int found = 0;
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        found = read_record(stmt, hw_rectypes[t].fields, out, err) < 0 ? -1 : 1;
    } else if (rc != SQLITE_DONE) {
        found = db_fail(st, err, "reading a record");
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return found;
}

/* The statement reading the fields in mask: prepared once per field set
 * (a few sets per record type are in use; the oldest is replaced). */
static sqlite3_stmt *some_statement(struct sqlite_store *st, enum hw_rectype t, uint64_t mask,
                                    struct hw_err *err)
{
    for (int i = 0; i < 4; i++)
        if (st->some[t][i].stmt && st->some[t][i].mask == mask)
            return st->some[t][i].stmt;
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    struct hw_buf b = {0};
    hw_buf_puts(&b, "SELECT ");
    int n = 0;
    for (const struct hw_field *f = ti->fields; f->name; f++)
        if (mask & (UINT64_C(1) << (f - ti->fields)))
            hw_buf_printf(&b, "%s%s", n++ ? ", " : "", f->name);
    if (n == 0)
        hw_buf_puts(&b, "1");
    hw_buf_printf(&b, " FROM %s WHERE %s = ?1", ti->plural, ti->fields[0].name);
    sqlite3_stmt *stmt = NULL;
    int rc = prepare(st, b.data, &stmt, err);
    hw_buf_free(&b);
    if (rc < 0)
        return NULL;
    sqlite3_finalize(st->some[t][3].stmt);
    memmove(&st->some[t][1], &st->some[t][0], 3 * sizeof st->some[t][0]);
    st->some[t][0].mask = mask;
    st->some[t][0].stmt = stmt;
    return stmt;
}

static int sqlite_get_some(struct hw_store *s, enum hw_rectype t, const char *id, uint64_t mask,
                           void *out, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = some_statement(st, t, mask, err);
    if (stmt == NULL)
        return -1;
    int found = 0, col = 0;
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        found = 1;
        for (const struct hw_field *f = hw_rectypes[t].fields; f->name && found > 0; f++)
            if (mask & (UINT64_C(1) << (f - hw_rectypes[t].fields)))
                if (read_field(stmt, col++, f, out, err) < 0)
                    found = -1;
    } else if (rc != SQLITE_DONE) {
        found = db_fail(st, err, "reading a record");
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return found;
}

/* A prepared statement for sql from the cache, or newly prepared and
 * cached. *slot is its cache entry (marked busy), or -1 when the statement
 * is not cached (every entry busy: nested listings) and must be finalized. */
static sqlite3_stmt *list_statement(struct sqlite_store *st, const char *sql, int *slot,
                                    struct hw_err *err)
{
    for (int i = 0; i < LIST_CACHE; i++)
        if (st->lists[i].sql && !st->lists[i].busy && strcmp(st->lists[i].sql, sql) == 0) {
            st->lists[i].busy = true;
            *slot = i;
            return st->lists[i].stmt;
        }
    sqlite3_stmt *stmt = NULL;
    if (prepare(st, sql, &stmt, err) < 0)
        return NULL;
    *slot = -1;
    for (int k = 0; k < LIST_CACHE; k++) {
        int i = (int)((st->list_clock + (unsigned)k) % LIST_CACHE);
        if (st->lists[i].busy)
            continue;
        sqlite3_finalize(st->lists[i].stmt);
        free(st->lists[i].sql);
        st->lists[i].sql = hw_strdup(sql);
        st->lists[i].stmt = stmt;
        st->lists[i].busy = true;
        st->list_clock = (unsigned)i + 1;
        *slot = i;
        break;
    }
    return stmt;
}

static void list_statement_done(struct sqlite_store *st, sqlite3_stmt *stmt, int slot)
{
    if (stmt == NULL)
        return;
    if (slot < 0) {
        sqlite3_finalize(stmt);
        return;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    st->lists[slot].busy = false;
}

static int sqlite_list(struct hw_store *s, enum hw_rectype t, const struct hw_filter *f,
                       hw_record_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    const struct hw_rectype_info *ti = &hw_rectypes[t];
    struct hw_buf sql = {0};
    sqlite3_stmt *stmt = NULL;
    int slot = -1;
    void *rec = hw_calloc(1, ti->size);
    int rc = -1;
    hw_record_init(ti->fields, rec);

    hw_buf_puts(&sql, "SELECT ");
    if (f->fields == 0) {
        column_list(ti->fields, &sql);
    } else {
        int n = 0;
        for (const struct hw_field *fl = ti->fields; fl->name; fl++)
            if (in_mask(ti->fields, fl, f->fields))
                hw_buf_printf(&sql, "%s%s", n++ ? ", " : "", fl->name);
    }
    hw_buf_printf(&sql, " FROM %s WHERE 1", ti->plural);
    /* Parameters are numbered by purpose so clauses can be added freely. */
    if (f->child_id && t != HW_REC_CHILD)
        hw_buf_puts(&sql, " AND child_id = ?1");
    if (f->team && t == HW_REC_CHILD)
        hw_buf_puts(&sql, " AND team = ?2");
    if (t == HW_REC_EPISODE) {
        if (f->open_only)
            hw_buf_puts(&sql, " AND returned IS NULL");
        if (f->kind)
            hw_buf_puts(&sql, " AND kind = ?3");
        if (f->active_since)
            hw_buf_puts(&sql, " AND (returned IS NULL OR returned >= ?8)");
        if (f->from)
            hw_buf_puts(&sql, " AND last_seen >= ?4");
        if (f->to)
            hw_buf_puts(&sql, " AND last_seen < ?5");
    }
    if (f->episode_id && t == HW_REC_INTERVIEW)
        hw_buf_puts(&sql, " AND interview_id IN (SELECT interview_id FROM interview_episodes "
                          "WHERE episode_id = ?6)");
    hw_buf_printf(&sql, " ORDER BY %s%s", t == HW_REC_EPISODE ? "last_seen, " : "",
                  ti->fields[0].name);
    if (f->limit)
        hw_buf_puts(&sql, " LIMIT ?7");

    if ((stmt = list_statement(st, sql.data, &slot, err)) == NULL)
        goto done;
    if (f->child_id)
        sqlite3_bind_text(stmt, 1, f->child_id, -1, SQLITE_STATIC);
    if (f->team)
        sqlite3_bind_text(stmt, 2, f->team, -1, SQLITE_STATIC);
    if (f->kind)
        sqlite3_bind_text(stmt, 3, hw_code_name(hw_kind_codes, f->kind), -1, SQLITE_STATIC);
    if (f->active_since)
        sqlite3_bind_int64(stmt, 8, f->active_since);
    if (f->from)
        sqlite3_bind_int64(stmt, 4, f->from);
    if (f->to)
        sqlite3_bind_int64(stmt, 5, f->to);
    if (f->episode_id)
        sqlite3_bind_text(stmt, 6, f->episode_id, -1, SQLITE_STATIC);
    if (f->limit)
        sqlite3_bind_int64(stmt, 7, (sqlite3_int64)f->limit);

    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (read_record_some(stmt, ti->fields, f->fields, rec, err) < 0)
            goto done;
        if (cb(ctx, rec) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_fail(st, err, "listing records");
        goto done;
    }
    rc = 0;
done:
    list_statement_done(st, stmt, slot);
    hw_record_clear(ti->fields, rec);
    free(rec);
    hw_buf_free(&sql);
    return rc;
}

static int sqlite_missing_starts(struct hw_store *s, const char *child_id, hw_instant **out,
                                 size_t *n, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->missing_starts;
    size_t len = 0, cap = 16;
    hw_instant *v = hw_reallocarray(NULL, cap, sizeof *v);
    int step;
    sqlite3_bind_text(stmt, 1, child_id, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (len == cap)
            v = hw_reallocarray(v, cap *= 2, sizeof *v);
        v[len++] = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (step != SQLITE_DONE) {
        free(v);
        return db_fail(st, err, "reading a child's episodes");
    }
    *out = v;
    *n = len;
    return 0;
}

static int sqlite_add_change(struct hw_store *s, const struct hw_change *c, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->add_change;
    sqlite3_bind_int64(stmt, 1, c->at);
    sqlite3_bind_text(stmt, 2, c->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, c->source, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, hw_rectypes[c->type].name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, c->record_id, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 6, c->field);
    bind_opt_text(stmt, 7, c->old_value);
    bind_opt_text(stmt, 8, c->new_value);
    return step_done(st, stmt, err, "recording the history");
}

static int sqlite_changed_ids(struct hw_store *s, enum hw_rectype t, const char *field,
                              int (*cb)(void *ctx, const char *id), void *ctx, struct hw_err *err)
{
    static const char sql[] =
        "SELECT DISTINCT record_id FROM changes WHERE record_type = ?1 AND field = ?2";
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt;
    int step, rc = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return db_fail(st, err, "reading the history");
    sqlite3_bind_text(stmt, 1, hw_rectypes[t].name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, field, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW)
        if (cb(ctx, (const char *)sqlite3_column_text(stmt, 0)) != 0)
            break;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading the history");
    sqlite3_finalize(stmt);
    return rc;
}

static int sqlite_list_changes(struct hw_store *s, enum hw_rectype t, const char *id,
                               hw_change_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->created[t];
    int step, rc = 0;
    bool stop = false;

    /* First the creation, kept on the record. */
    sqlite3_bind_text(stmt, 1, id, -1, SQLITE_STATIC);
    if ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_change c = {
            .at = sqlite3_column_int64(stmt, 0),
            .user = (const char *)sqlite3_column_text(stmt, 1),
            .source = (const char *)sqlite3_column_text(stmt, 2),
            .type = t,
            .record_id = id,
        };
        stop = cb(ctx, &c) != 0;
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading the history");
    if (stop)
        return 0;

    stmt = st->list_changes;
    sqlite3_bind_text(stmt, 1, hw_rectypes[t].name, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, id, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_change c = {
            .id = sqlite3_column_int64(stmt, 0),
            .at = sqlite3_column_int64(stmt, 1),
            .user = (const char *)sqlite3_column_text(stmt, 2),
            .source = (const char *)sqlite3_column_text(stmt, 3),
            .type = t,
            .record_id = id,
            .field = (const char *)sqlite3_column_text(stmt, 4),
            .old_value = (const char *)sqlite3_column_text(stmt, 5),
            .new_value = (const char *)sqlite3_column_text(stmt, 6),
        };
        if (cb(ctx, &c) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading the history");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

static int sqlite_add_action(struct hw_store *s, const struct hw_action_record *a,
                             struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->add_action;
    sqlite3_bind_text(stmt, 1, a->episode_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, hw_code_name(hw_action_codes, a->kind), -1, SQLITE_STATIC);
    sqlite3_bind_int(stmt, 3, a->seq);
    sqlite3_bind_text(stmt, 4, hw_code_name(hw_action_outcome_codes, a->outcome), -1,
                      SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 5, a->at);
    bind_opt_text(stmt, 6, a->reason);
    sqlite3_bind_text(stmt, 7, a->recorded.user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 8, a->recorded.at);
    if (step_done(st, stmt, err, "recording an action") < 0)
        return -1;
    return sqlite3_changes(st->db) > 0;
}

static int sqlite_list_actions(struct hw_store *s, const char *episode_id, hw_action_cb cb,
                               void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = st->list_actions;
    int step, rc = 0;
    sqlite3_bind_text(stmt, 1, episode_id, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_action_record a = {
            .episode_id = episode_id,
            .kind = hw_code_parse(hw_action_codes, (const char *)sqlite3_column_text(stmt, 0)),
            .seq = sqlite3_column_int(stmt, 1),
            .outcome =
                hw_code_parse(hw_action_outcome_codes, (const char *)sqlite3_column_text(stmt, 2)),
            .at = sqlite3_column_int64(stmt, 3),
            .reason = (const char *)sqlite3_column_text(stmt, 4),
            .recorded = {.user = (const char *)sqlite3_column_text(stmt, 5),
                         .at = sqlite3_column_int64(stmt, 6),
                         .source = NULL},
        };
        if (cb(ctx, &a) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading actions");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

static int sqlite_episode_facts(struct hw_store *s, hw_instant from, hw_instant to, hw_fact_cb cb,
                                void *ctx, struct hw_err *err)
{
    static const char sql[] =
        "SELECT e.last_seen, c.rowid, c.responsible_authority IS NOT NULL,"
        "       e.case_status = 'cla',"
        "       EXISTS (SELECT 1 FROM interview_episodes ie"
        "               JOIN interviews i ON i.interview_id = ie.interview_id"
        "               WHERE ie.episode_id = e.episode_id AND (i.offered IS NOT NULL"
        "                     OR i.outcome IN ('completed', 'declined'))),"
        "       EXISTS (SELECT 1 FROM interview_episodes ie"
        "               JOIN interviews i ON i.interview_id = ie.interview_id"
        "               WHERE ie.episode_id = e.episode_id AND i.outcome = 'completed')"
        "  FROM episodes e JOIN children c ON c.child_id = e.child_id"
        " WHERE e.kind = 'missing' AND e.last_seen >= ?1 AND e.last_seen < ?2"
        " ORDER BY e.last_seen";
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        return db_fail(st, err, "reading episodes for a report");
    sqlite3_bind_int64(stmt, 1, from);
    sqlite3_bind_int64(stmt, 2, to);
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_episode_fact fact = {
            .last_seen = sqlite3_column_int64(stmt, 0),
            .child_key = sqlite3_column_int64(stmt, 1),
            .ola = sqlite3_column_int(stmt, 2) != 0,
            .cla = sqlite3_column_int(stmt, 3) != 0,
            .offered = sqlite3_column_int(stmt, 4) != 0,
            .done = sqlite3_column_int(stmt, 5) != 0,
        };
        cb(ctx, &fact);
    }
    sqlite3_finalize(stmt);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "reading episodes for a report");
    return 0;
}

static int sqlite_episode_links(struct hw_store *s, const char *child_id, hw_instant from,
                                hw_instant to, hw_link_cb cb, void *ctx, struct hw_err *err)
{
    /* The child's episodes by episodes_child, those naming the child by
     * episode_with_child; every episode by episodes_last_seen. */
    static const char all_sql[] =
        "SELECT e.episode_id, e.child_id, w.child_id, e.last_seen, e.found_location"
        "  FROM episodes e JOIN episode_with w ON w.episode_id = e.episode_id"
        " WHERE e.last_seen >= ?2 AND e.last_seen < ?3"
        " ORDER BY e.last_seen, e.episode_id, w.child_id";
    static const char child_sql[] =
        "SELECT e.episode_id, e.child_id, w.child_id, e.last_seen, e.found_location"
        "  FROM episodes e JOIN episode_with w ON w.episode_id = e.episode_id"
        " WHERE e.episode_id IN (SELECT episode_id FROM episodes WHERE child_id = ?1"
        "                        UNION SELECT episode_id FROM episode_with WHERE child_id = ?1)"
        "   AND e.last_seen >= ?2 AND e.last_seen < ?3"
        " ORDER BY e.last_seen, e.episode_id, w.child_id";
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt;
    if (sqlite3_prepare_v2(st->db, child_id ? child_sql : all_sql, -1, &stmt, NULL) != SQLITE_OK)
        return db_fail(st, err, "reading who children went missing with");
    if (child_id)
        sqlite3_bind_text(stmt, 1, child_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, from ? from : INT64_MIN);
    sqlite3_bind_int64(stmt, 3, to ? to : INT64_MAX);
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_episode_link l = {
            .episode_id = (const char *)sqlite3_column_text(stmt, 0),
            .child_id = (const char *)sqlite3_column_text(stmt, 1),
            .with_id = (const char *)sqlite3_column_text(stmt, 2),
            .last_seen = sqlite3_column_int64(stmt, 3),
            .found_location = (const char *)sqlite3_column_text(stmt, 4),
        };
        if (cb(ctx, &l) != 0)
            break;
    }
    int rc = 0;
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading who children went missing with");
    sqlite3_finalize(stmt);
    return rc;
}

/* ---- the outbox ---- */

static hw_instant column_time(sqlite3_stmt *stmt, int col);

/* *stmt, prepared on first use. */
static int prepared(struct sqlite_store *st, sqlite3_stmt **stmt, const char *sql,
                    struct hw_err *err)
{
    return *stmt ? 0 : prepare(st, sql, stmt, err);
}

static int sqlite_add_notification(struct hw_store *s, const struct hw_notification *n,
                                   long long *id, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->add_notification,
                 "INSERT INTO outbox(episode_id, child_id, event, role, recipient, reason, "
                 "created_at, created_by, notice) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->add_notification;
    sqlite3_bind_text(stmt, 1, n->episode_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, n->child_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, hw_code_name(hw_outbox_event_codes, n->event), -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, hw_code_name(hw_role_codes, n->role), -1, SQLITE_STATIC);
    bind_opt_text(stmt, 5, n->recipient);
    sqlite3_bind_text(stmt, 6, n->reason, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 7, n->created_at);
    sqlite3_bind_text(stmt, 8, n->created_by, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 9, n->notice);
    if (step_done(st, stmt, err, "adding a notification") < 0)
        return -1;
    if (id)
        *id = (long long)sqlite3_last_insert_rowid(st->db);
    return 0;
}

static int sqlite_list_notifications(struct hw_store *s, const struct hw_outbox_filter *f,
                                     hw_notification_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    struct hw_buf sql = {0};
    sqlite3_stmt *stmt;
    int slot = -1, rc = -1, step;

    hw_buf_puts(&sql, "SELECT notification_id, episode_id, child_id, event, role, recipient, "
                      "reason, created_at, created_by, acknowledged_at, acknowledged_by, "
                      "notice, sent_at, sent_by, answer, answered_at, answered_by, "
                      "interview_completed FROM outbox WHERE 1");
    if (f->unacknowledged)
        hw_buf_puts(&sql, " AND acknowledged_at IS NULL");
    if (f->notices || f->state)
        hw_buf_puts(&sql, " AND notice IS NOT NULL");
    if (f->state == HW_NOTICES_UNSENT)
        hw_buf_puts(&sql, " AND sent_at IS NULL");
    else if (f->state == HW_NOTICES_UNANSWERED)
        hw_buf_puts(&sql, " AND sent_at IS NOT NULL AND answered_at IS NULL");
    else if (f->state == HW_NOTICES_OPEN)
        hw_buf_puts(&sql, " AND answered_at IS NULL");
    if (f->id)
        hw_buf_puts(&sql, " AND notification_id = ?1");
    if (f->episode_id)
        hw_buf_puts(&sql, " AND episode_id = ?2");
    if (f->role)
        hw_buf_puts(&sql, " AND role = ?3");
    hw_buf_puts(&sql, " ORDER BY notification_id");
    if ((stmt = list_statement(st, sql.data, &slot, err)) == NULL)
        goto done;
    if (f->id)
        sqlite3_bind_int64(stmt, 1, f->id);
    if (f->episode_id)
        sqlite3_bind_text(stmt, 2, f->episode_id, -1, SQLITE_STATIC);
    if (f->role)
        sqlite3_bind_text(stmt, 3, hw_code_name(hw_role_codes, f->role), -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *event = (const char *)sqlite3_column_text(stmt, 3);
        const char *role = (const char *)sqlite3_column_text(stmt, 4);
        struct hw_notification n = {
            .id = sqlite3_column_int64(stmt, 0),
            .episode_id = (const char *)sqlite3_column_text(stmt, 1),
            .child_id = (const char *)sqlite3_column_text(stmt, 2),
            .event = hw_code_parse(hw_outbox_event_codes, event),
            .role = hw_code_parse(hw_role_codes, role),
            .recipient = (const char *)sqlite3_column_text(stmt, 5),
            .reason = (const char *)sqlite3_column_text(stmt, 6),
            .created_at = sqlite3_column_int64(stmt, 7),
            .created_by = (const char *)sqlite3_column_text(stmt, 8),
            .acknowledged_at = sqlite3_column_type(stmt, 9) == SQLITE_NULL
                                   ? HW_NO_TIME
                                   : sqlite3_column_int64(stmt, 9),
            .acknowledged_by = (const char *)sqlite3_column_text(stmt, 10),
            .notice = (const char *)sqlite3_column_text(stmt, 11),
            .sent_at = column_time(stmt, 12),
            .sent_by = (const char *)sqlite3_column_text(stmt, 13),
            .answer = (const char *)sqlite3_column_text(stmt, 14),
            .answered_at = column_time(stmt, 15),
            .answered_by = (const char *)sqlite3_column_text(stmt, 16),
            .interview_completed = column_time(stmt, 17),
        };
        if (n.event <= 0 || n.role <= 0) {
            hw_fail(err, HW_EINTERNAL, "database %s: notification %lld has an unknown %s '%.40s'",
                    st->path, n.id, n.event <= 0 ? "event" : "role", n.event <= 0 ? event : role);
            goto done;
        }
        if (cb(ctx, &n) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_fail(st, err, "reading the outbox");
        goto done;
    }
    rc = 0;
done:
    list_statement_done(st, stmt, slot);
    hw_buf_free(&sql);
    return rc;
}

static int sqlite_ack_notification(struct hw_store *s, long long id, hw_instant at,
                                   const char *user, bool *known, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->ack_notification,
                 "UPDATE outbox SET acknowledged_at = ?2, acknowledged_by = ?3 "
                 "WHERE notification_id = ?1 AND acknowledged_at IS NULL",
                 err) < 0 ||
        prepared(st, &st->notification_known, "SELECT 1 FROM outbox WHERE notification_id = ?1",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->ack_notification;
    sqlite3_bind_int64(stmt, 1, id);
    sqlite3_bind_int64(stmt, 2, at);
    sqlite3_bind_text(stmt, 3, user, -1, SQLITE_STATIC);
    if (step_done(st, stmt, err, "acknowledging a notification") < 0)
        return -1;
    if (sqlite3_changes(st->db) > 0) {
        if (known)
            *known = true;
        return 1;
    }
    stmt = st->notification_known;
    sqlite3_bind_int64(stmt, 1, id);
    int step = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading the outbox");
    if (known)
        *known = step == SQLITE_ROW;
    return 0;
}

static int sqlite_send_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                              struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->send_notice,
                 "UPDATE outbox SET sent_at = ?2, sent_by = ?3 "
                 "WHERE notification_id = ?1 AND notice IS NOT NULL AND sent_at IS NULL",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->send_notice;
    sqlite3_bind_int64(stmt, 1, id);
    sqlite3_bind_int64(stmt, 2, at);
    sqlite3_bind_text(stmt, 3, user, -1, SQLITE_STATIC);
    if (step_done(st, stmt, err, "recording a notice sent") < 0)
        return -1;
    return sqlite3_changes(st->db) > 0;
}

static int sqlite_answer_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                                const char *answer, hw_instant interview_completed,
                                struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->answer_notice,
                 "UPDATE outbox SET answer = ?4, answered_at = ?2, answered_by = ?3, "
                 "interview_completed = ?5 WHERE notification_id = ?1 AND notice IS NOT NULL "
                 "AND sent_at IS NOT NULL AND answered_at IS NULL",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->answer_notice;
    sqlite3_bind_int64(stmt, 1, id);
    sqlite3_bind_int64(stmt, 2, at);
    sqlite3_bind_text(stmt, 3, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, answer, -1, SQLITE_STATIC);
    if (interview_completed == HW_NO_TIME)
        sqlite3_bind_null(stmt, 5);
    else
        sqlite3_bind_int64(stmt, 5, interview_completed);
    if (step_done(st, stmt, err, "recording the answer to a notice") < 0)
        return -1;
    return sqlite3_changes(st->db) > 0;
}

/* ---- interview attempts ---- */

static int sqlite_add_attempt(struct hw_store *s, const struct hw_attempt *a, int *seq,
                              struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->add_attempt,
                 "INSERT INTO interview_attempts(interview_id, seq, at, face_to_face, outcome, "
                 "note, recorded_by, recorded_at) "
                 "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4, ?5, ?6, ?7 "
                 "FROM interview_attempts WHERE interview_id = ?1 RETURNING seq",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->add_attempt;
    sqlite3_bind_text(stmt, 1, a->interview_id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, a->at);
    sqlite3_bind_text(stmt, 3, a->face_to_face ? "y" : "n", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, hw_code_name(hw_attempt_outcome_codes, a->outcome), -1,
                      SQLITE_STATIC);
    bind_opt_text(stmt, 5, a->note);
    sqlite3_bind_text(stmt, 6, a->recorded.user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 7, a->recorded.at);
    int step = sqlite3_step(stmt), n = 0;
    if (step == SQLITE_ROW) {
        n = sqlite3_column_int(stmt, 0);
        step = sqlite3_step(stmt);
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (step != SQLITE_DONE || n < 1)
        return db_fail(st, err, "recording an interview attempt");
    if (seq)
        *seq = n;
    return 0;
}

static int sqlite_list_attempts(struct hw_store *s, const char *interview_id, hw_attempt_cb cb,
                                void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (prepared(st, &st->list_attempts,
                 "SELECT seq, at, face_to_face, outcome, note, recorded_by, recorded_at "
                 "FROM interview_attempts WHERE interview_id = ?1 ORDER BY seq",
                 err) < 0)
        return -1;
    sqlite3_stmt *stmt = st->list_attempts;
    int step, rc = 0;
    sqlite3_bind_text(stmt, 1, interview_id, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *outcome = (const char *)sqlite3_column_text(stmt, 3);
        struct hw_attempt a = {
            .interview_id = interview_id,
            .seq = sqlite3_column_int(stmt, 0),
            .at = sqlite3_column_int64(stmt, 1),
            .face_to_face = strcmp((const char *)sqlite3_column_text(stmt, 2), "y") == 0,
            .outcome = hw_code_parse(hw_attempt_outcome_codes, outcome ? outcome : ""),
            .note = (const char *)sqlite3_column_text(stmt, 4),
            .recorded = {.user = (const char *)sqlite3_column_text(stmt, 5),
                         .at = sqlite3_column_int64(stmt, 6),
                         .source = NULL},
        };
        if (a.outcome <= 0) {
            rc = hw_fail(err, HW_EINTERNAL,
                         "database %s: attempt %d of interview %s has an unknown outcome '%.40s'",
                         st->path, a.seq, interview_id, outcome ? outcome : "");
            break;
        }
        if (cb(ctx, &a) != 0)
            break;
    }
    if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading interview attempts");
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rc;
}

/* ---- users, sessions, API tokens, sign-in failures, the audit log ---- */

enum auth_stmt {
    A_ADD_USER,
    A_GET_USER,
    A_ALL_USERS,
    A_UPDATE_USER,
    A_ADD_SESSION,
    A_GET_SESSION,
    A_TOUCH_SESSION,
    A_END_SESSION,
    A_END_USER_SESSIONS,
    A_ADD_TOKEN,
    A_GET_TOKEN,
    A_REVOKE_TOKENS,
    A_ADD_FAILURE,
    A_LIST_FAILURES,
    A_CLEAR_KEY,
    A_CLEAR_ALL,
    A_AUDIT_LAST,
    A_AUDIT_INSERT,
    A_AUDIT_ASC,
    A_AUDIT_DESC,
    A_COUNT
};

#define USER_COLUMNS                                                                               \
    "user, display_name, role, team, password_hash, created_at, created_by, disabled_at"
#define AUDIT_COLUMNS "seq, at, user, action, record_type, record_id, detail, prev_hash, hash"
#define AUDIT_FILTER  " WHERE (?1 IS NULL OR user = ?1) AND (?2 IS NULL OR action = ?2)"

static const char *const auth_sql[A_COUNT] = {
    [A_ADD_USER] = "INSERT INTO users(" USER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                   "ON CONFLICT(user) DO NOTHING",
    [A_GET_USER] = "SELECT " USER_COLUMNS " FROM users WHERE user = ?1",
    [A_ALL_USERS] = "SELECT " USER_COLUMNS " FROM users ORDER BY user",
    [A_UPDATE_USER] = "UPDATE users SET password_hash = COALESCE(?2, password_hash), "
                      "disabled_at = COALESCE(?3, disabled_at) WHERE user = ?1",
    [A_ADD_SESSION] = "INSERT INTO sessions(token_hash, user, csrf_hash, address, created_at, "
                      "last_used_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [A_GET_SESSION] = "SELECT token_hash, user, csrf_hash, address, created_at, last_used_at, "
                      "ended_at FROM sessions WHERE token_hash = ?1",
    [A_TOUCH_SESSION] = "UPDATE sessions SET last_used_at = ?2 "
                        "WHERE token_hash = ?1 AND ended_at IS NULL",
    [A_END_SESSION] =
        "UPDATE sessions SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL",
    [A_END_USER_SESSIONS] =
        "UPDATE sessions SET ended_at = ?2 WHERE user = ?1 AND ended_at IS NULL",
    [A_ADD_TOKEN] = "INSERT INTO api_tokens(token_hash, user, scope, created_at, created_by) "
                    "VALUES (?1, ?2, ?3, ?4, ?5)",
    [A_GET_TOKEN] = "SELECT token_hash, user, scope, created_at, created_by, revoked_at "
                    "FROM api_tokens WHERE token_hash = ?1",
    [A_REVOKE_TOKENS] =
        "UPDATE api_tokens SET revoked_at = ?2 WHERE user = ?1 AND revoked_at IS NULL",
    [A_ADD_FAILURE] = "INSERT INTO signin_failures(key, at) VALUES (?1, ?2)",
    [A_LIST_FAILURES] = "SELECT at FROM signin_failures WHERE key = ?1 AND at >= ?2 ORDER BY at",
    [A_CLEAR_KEY] = "DELETE FROM signin_failures WHERE key = ?1 AND at < ?2",
    [A_CLEAR_ALL] = "DELETE FROM signin_failures WHERE at < ?2",
    [A_AUDIT_LAST] = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
    [A_AUDIT_INSERT] = "INSERT INTO audit(" AUDIT_COLUMNS ") "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [A_AUDIT_ASC] = "SELECT " AUDIT_COLUMNS " FROM audit" AUDIT_FILTER " ORDER BY seq LIMIT ?3",
    [A_AUDIT_DESC] =
        "SELECT " AUDIT_COLUMNS " FROM audit" AUDIT_FILTER " ORDER BY seq DESC LIMIT ?3",
};

_Static_assert(A_COUNT <= AUTH_STMTS, "room for the auth statements");

/* Statement i, prepared on first use and reset for binding; NULL on failure. */
static sqlite3_stmt *auth_stmt(struct sqlite_store *st, enum auth_stmt i, struct hw_err *err)
{
    if (prepared(st, &st->auth[i], auth_sql[i], err) < 0)
        return NULL;
    return st->auth[i];
}

static void done_stmt(sqlite3_stmt *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}

static hw_instant column_time(sqlite3_stmt *stmt, int col)
{
    return sqlite3_column_type(stmt, col) == SQLITE_NULL ? HW_NO_TIME
                                                         : sqlite3_column_int64(stmt, col);
}

static void bind_opt_time(sqlite3_stmt *stmt, int idx, hw_instant t)
{
    if (t == HW_NO_TIME)
        sqlite3_bind_null(stmt, idx);
    else
        sqlite3_bind_int64(stmt, idx, t);
}

static const char *column_str(sqlite3_stmt *stmt, int col)
{
    return (const char *)sqlite3_column_text(stmt, col);
}

/* Runs a write of one statement; returns the rows it changed, or -1. */
static int auth_write(struct sqlite_store *st, sqlite3_stmt *stmt, struct hw_err *err,
                      const char *what)
{
    if (step_done(st, stmt, err, what) < 0)
        return -1;
    return sqlite3_changes(st->db);
}

static bool sqlite_in_transaction(struct hw_store *s)
{
    return !sqlite3_get_autocommit(cast(s)->db);
}

static int sqlite_add_user(struct hw_store *s, const struct hw_user_row *u, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_ADD_USER, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, u->user, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 2, u->display_name);
    sqlite3_bind_text(stmt, 3, u->role, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 4, u->team);
    sqlite3_bind_text(stmt, 5, u->password_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 6, u->created_at);
    sqlite3_bind_text(stmt, 7, u->created_by, -1, SQLITE_STATIC);
    bind_opt_time(stmt, 8, u->disabled_at);
    int n = auth_write(st, stmt, err, "adding a user");
    return n < 0 ? -1 : n > 0;
}

static int sqlite_list_users(struct hw_store *s, const char *user, hw_user_cb cb, void *ctx,
                             struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, user ? A_GET_USER : A_ALL_USERS, err);
    int step, found = 0;
    if (!stmt)
        return -1;
    if (user)
        sqlite3_bind_text(stmt, 1, user, -1, SQLITE_STATIC);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_user_row u = {
            .user = column_str(stmt, 0),
            .display_name = column_str(stmt, 1),
            .role = column_str(stmt, 2),
            .team = column_str(stmt, 3),
            .password_hash = column_str(stmt, 4),
            .created_at = sqlite3_column_int64(stmt, 5),
            .created_by = column_str(stmt, 6),
            .disabled_at = column_time(stmt, 7),
        };
        found = 1;
        if (cb(ctx, &u) != 0)
            break;
    }
    done_stmt(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading users");
    return found;
}

static int sqlite_update_user(struct hw_store *s, const char *user, const char *password_hash,
                              hw_instant disabled_at, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_UPDATE_USER, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, user, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 2, password_hash);
    bind_opt_time(stmt, 3, disabled_at);
    int n = auth_write(st, stmt, err, "updating a user");
    return n < 0 ? -1 : n > 0;
}

static int sqlite_add_session(struct hw_store *s, const struct hw_session_row *r,
                              struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_ADD_SESSION, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, r->token_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, r->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, r->csrf_hash, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 4, r->address);
    sqlite3_bind_int64(stmt, 5, r->created_at);
    sqlite3_bind_int64(stmt, 6, r->last_used_at);
    return auth_write(st, stmt, err, "starting a session") < 0 ? -1 : 0;
}

static int sqlite_get_session(struct hw_store *s, const char *token_hash, hw_session_cb cb,
                              void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_GET_SESSION, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, token_hash, -1, SQLITE_STATIC);
    int step = sqlite3_step(stmt), found = 0;
    if (step == SQLITE_ROW) {
        struct hw_session_row r = {
            .token_hash = column_str(stmt, 0),
            .user = column_str(stmt, 1),
            .csrf_hash = column_str(stmt, 2),
            .address = column_str(stmt, 3),
            .created_at = sqlite3_column_int64(stmt, 4),
            .last_used_at = sqlite3_column_int64(stmt, 5),
            .ended_at = column_time(stmt, 6),
        };
        found = 1;
        cb(ctx, &r);
    }
    done_stmt(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading a session");
    return found;
}

static int sqlite_touch_session(struct hw_store *s, const char *token_hash, hw_instant at,
                                struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_TOUCH_SESSION, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, token_hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, at);
    return auth_write(st, stmt, err, "recording a session's use") < 0 ? -1 : 0;
}

static int sqlite_end_sessions(struct hw_store *s, const char *token_hash, const char *user,
                               hw_instant at, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, token_hash ? A_END_SESSION : A_END_USER_SESSIONS, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, token_hash ? token_hash : user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, at);
    return auth_write(st, stmt, err, "ending sessions");
}

static int sqlite_add_token(struct hw_store *s, const struct hw_token_row *r, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_ADD_TOKEN, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, r->token_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, r->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 3, r->scope, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 4, r->created_at);
    sqlite3_bind_text(stmt, 5, r->created_by, -1, SQLITE_STATIC);
    return auth_write(st, stmt, err, "adding an API token") < 0 ? -1 : 0;
}

static int sqlite_get_token(struct hw_store *s, const char *token_hash, hw_token_cb cb, void *ctx,
                            struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_GET_TOKEN, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, token_hash, -1, SQLITE_STATIC);
    int step = sqlite3_step(stmt), found = 0;
    if (step == SQLITE_ROW) {
        struct hw_token_row r = {
            .token_hash = column_str(stmt, 0),
            .user = column_str(stmt, 1),
            .scope = column_str(stmt, 2),
            .created_at = sqlite3_column_int64(stmt, 3),
            .created_by = column_str(stmt, 4),
            .revoked_at = column_time(stmt, 5),
        };
        found = 1;
        cb(ctx, &r);
    }
    done_stmt(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading an API token");
    return found;
}

static int sqlite_revoke_tokens(struct hw_store *s, const char *user, hw_instant at,
                                struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_REVOKE_TOKENS, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, at);
    return auth_write(st, stmt, err, "revoking API tokens");
}

static int sqlite_add_failure(struct hw_store *s, const char *key, hw_instant at,
                              struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_ADD_FAILURE, err);
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, at);
    return auth_write(st, stmt, err, "recording a failed sign-in") < 0 ? -1 : 0;
}

static int sqlite_list_failures(struct hw_store *s, const char *key, hw_instant since,
                                hw_instant **out, size_t *n, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, A_LIST_FAILURES, err);
    hw_instant *v = NULL;
    size_t len = 0, cap = 0;
    int step;
    *out = NULL;
    *n = 0;
    if (!stmt)
        return -1;
    sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, since);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (len == cap)
            v = hw_reallocarray(v, cap = cap ? cap * 2 : 8, sizeof *v);
        v[len++] = sqlite3_column_int64(stmt, 0);
    }
    done_stmt(stmt);
    if (step != SQLITE_DONE) {
        free(v);
        return db_fail(st, err, "reading failed sign-ins");
    }
    *out = v;
    *n = len;
    return 0;
}

static int sqlite_clear_failures(struct hw_store *s, const char *key, hw_instant before,
                                 struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, key ? A_CLEAR_KEY : A_CLEAR_ALL, err);
    if (!stmt)
        return -1;
    if (key)
        sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, before);
    return auth_write(st, stmt, err, "forgetting failed sign-ins") < 0 ? -1 : 0;
}

static int sqlite_audit_append(struct hw_store *s, struct hw_audit_row *e, hw_audit_hash_fn hash,
                               struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    if (sqlite3_get_autocommit(st->db))
        return hw_fail(err, HW_EINTERNAL, "database %s: the audit log is written in a transaction",
                       st->path);
    sqlite3_stmt *stmt = auth_stmt(st, A_AUDIT_LAST, err);
    if (!stmt)
        return -1;
    /* The write transaction holds the lock, so no other entry can come
     * between reading the last and inserting the next. */
    long long last = 0;
    snprintf(st->audit_prev, sizeof st->audit_prev, "%064d", 0);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        const char *h = column_str(stmt, 1);
        last = sqlite3_column_int64(stmt, 0);
        snprintf(st->audit_prev, sizeof st->audit_prev, "%s", h ? h : "");
    }
    done_stmt(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading the audit log");
    e->seq = last + 1;
    e->prev_hash = st->audit_prev;
    hash(e, st->audit_hash);
    e->hash = st->audit_hash;

    if (!(stmt = auth_stmt(st, A_AUDIT_INSERT, err)))
        return -1;
    sqlite3_bind_int64(stmt, 1, e->seq);
    sqlite3_bind_int64(stmt, 2, e->at);
    sqlite3_bind_text(stmt, 3, e->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 4, e->action, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 5, e->record_type);
    bind_opt_text(stmt, 6, e->record_id);
    bind_opt_text(stmt, 7, e->detail);
    sqlite3_bind_text(stmt, 8, e->prev_hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 9, e->hash, -1, SQLITE_STATIC);
    return auth_write(st, stmt, err, "appending to the audit log") < 0 ? -1 : 0;
}

static int sqlite_audit_list(struct hw_store *s, const struct hw_audit_filter *f,
                             hw_audit_row_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *stmt = auth_stmt(st, f->newest_first ? A_AUDIT_DESC : A_AUDIT_ASC, err);
    int step;
    if (!stmt)
        return -1;
    bind_opt_text(stmt, 1, f->user);
    bind_opt_text(stmt, 2, f->action);
    sqlite3_bind_int64(stmt, 3, f->limit ? (sqlite3_int64)f->limit : -1);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_audit_row e = {
            .seq = sqlite3_column_int64(stmt, 0),
            .at = sqlite3_column_int64(stmt, 1),
            .user = column_str(stmt, 2),
            .action = column_str(stmt, 3),
            .record_type = column_str(stmt, 4),
            .record_id = column_str(stmt, 5),
            .detail = column_str(stmt, 6),
            .prev_hash = column_str(stmt, 7),
            .hash = column_str(stmt, 8),
        };
        if (cb(ctx, &e) != 0)
            break;
    }
    done_stmt(stmt);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading the audit log");
    return 0;
}

static int sqlite_analysis_facts(struct hw_store *s, hw_instant from, hw_instant to,
                                 const struct hw_fact_sink *sink, struct hw_err *err)
{
    /* Four passes over the window's episodes (episodes_last_seen), each a
     * plain join: the children, the episodes, the interviews covering them
     * (interview_episodes), the actions recorded for them. */
    static const char *const sql[4] = {
        "SELECT c.rowid, c.child_id, c.first_name, c.last_name,"
        "       c.responsible_authority IS NOT NULL,"
        "       (SELECT MIN(x.last_seen) FROM episodes x WHERE x.child_id = c.child_id),"
        "       c.date_of_birth, c.gender, c.ethnicity, c.school"
        "  FROM children c"
        " WHERE c.child_id IN (SELECT child_id FROM episodes"
        "                       WHERE last_seen >= ?1 AND last_seen < ?2)",
        "SELECT c.rowid, e.episode_id, e.kind, e.missing_from_type, e.missing_from_name,"
        "       e.case_status, e.out_of_area, e.last_seen, e.returned"
        "  FROM episodes e JOIN children c ON c.child_id = e.child_id"
        " WHERE e.last_seen >= ?1 AND e.last_seen < ?2"
        " ORDER BY e.last_seen, e.episode_id",
        "SELECT ie.episode_id, i.decision, i.outcome, i.lateness_reason, i.reasons, i.offered,"
        "       i.completed"
        "  FROM episodes e JOIN interview_episodes ie ON ie.episode_id = e.episode_id"
        "  JOIN interviews i ON i.interview_id = ie.interview_id"
        " WHERE e.last_seen >= ?1 AND e.last_seen < ?2",
        "SELECT a.episode_id, a.action, a.outcome, a.seq, a.at"
        "  FROM episodes e JOIN actions a ON a.episode_id = e.episode_id"
        " WHERE e.last_seen >= ?1 AND e.last_seen < ?2",
    };
    struct sqlite_store *st = cast(s);
    for (int pass = 0; pass < 4; pass++) {
        sqlite3_stmt *stmt;
        if (sqlite3_prepare_v2(st->db, sql[pass], -1, &stmt, NULL) != SQLITE_OK)
            return db_fail(st, err, "reading the facts for an analysis");
        sqlite3_bind_int64(stmt, 1, from);
        sqlite3_bind_int64(stmt, 2, to);
        int step;
        while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
            if (pass == 0) {
                struct hw_fact_child c = {.key = sqlite3_column_int64(stmt, 0),
                                          .id = column_str(stmt, 1),
                                          .first_name = column_str(stmt, 2),
                                          .last_name = column_str(stmt, 3),
                                          .ola = sqlite3_column_int(stmt, 4) != 0,
                                          .first_ever = column_time(stmt, 5),
                                          .date_of_birth = column_str(stmt, 6),
                                          .gender = column_str(stmt, 7),
                                          .ethnicity = column_str(stmt, 8),
                                          .school = column_str(stmt, 9)};
                sink->child(sink->ctx, &c);
            } else if (pass == 1) {
                struct hw_fact_episode e = {.child_key = sqlite3_column_int64(stmt, 0),
                                            .id = column_str(stmt, 1),
                                            .kind = column_str(stmt, 2),
                                            .missing_from_type = column_str(stmt, 3),
                                            .missing_from_name = column_str(stmt, 4),
                                            .case_status = column_str(stmt, 5),
                                            .out_of_area = column_str(stmt, 6),
                                            .last_seen = sqlite3_column_int64(stmt, 7),
                                            .returned = column_time(stmt, 8)};
                sink->episode(sink->ctx, &e);
            } else if (pass == 2) {
                struct hw_fact_interview i = {.episode_id = column_str(stmt, 0),
                                              .decision = column_str(stmt, 1),
                                              .outcome = column_str(stmt, 2),
                                              .lateness_reason = column_str(stmt, 3),
                                              .reasons = column_str(stmt, 4),
                                              .offered = column_time(stmt, 5),
                                              .completed = column_time(stmt, 6)};
                sink->interview(sink->ctx, &i);
            } else {
                struct hw_fact_action a = {.episode_id = column_str(stmt, 0),
                                           .action = column_str(stmt, 1),
                                           .outcome = column_str(stmt, 2),
                                           .seq = sqlite3_column_int(stmt, 3),
                                           .at = sqlite3_column_int64(stmt, 4)};
                sink->action(sink->ctx, &a);
            }
        }
        sqlite3_finalize(stmt);
        if (step != SQLITE_DONE)
            return db_fail(st, err, "reading the facts for an analysis");
    }
    return 0;
}

static int sqlite_secret(struct hw_store *s, const char *name, const unsigned char *fresh,
                         size_t len, unsigned char *out, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    sqlite3_stmt *ins = NULL, *sel = NULL;
    int rc = -1;
    if (sqlite3_get_autocommit(st->db))
        return hw_fail(err, HW_EINTERNAL, "database %s: secrets are kept in a transaction",
                       st->path);
    if (sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO secrets (name, value) VALUES (?1, ?2)",
                           -1, &ins, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, "SELECT value FROM secrets WHERE name = ?1", -1, &sel, NULL) !=
            SQLITE_OK) {
        db_fail(st, err, "reading a secret");
        goto done;
    }
    sqlite3_bind_text(ins, 1, name, -1, SQLITE_STATIC);
    sqlite3_bind_blob(ins, 2, fresh, (int)len, SQLITE_STATIC);
    sqlite3_bind_text(sel, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) {
        db_fail(st, err, "keeping a secret");
        goto done;
    }
    if (sqlite3_step(sel) != SQLITE_ROW) {
        db_fail(st, err, "reading a secret");
        goto done;
    }
    if (sqlite3_column_bytes(sel, 0) != (int)len) {
        hw_fail(err, HW_EINTERNAL, "database %s: the secret %s has the wrong length", st->path,
                name);
        goto done;
    }
    memcpy(out, sqlite3_column_blob(sel, 0), len);
    rc = 0;
done:
    sqlite3_finalize(ins);
    sqlite3_finalize(sel);
    return rc;
}

/* ---- action plans ---- */

#define PLAN_ACTION_COLUMNS                                                                        \
    "plan, ref, position, area, outcome, action, success_measure, lead, owner, due, progress"

/* Action plans are written only inside the caller's transaction. */
static int plan_in_transaction(struct sqlite_store *st, struct hw_err *err)
{
    if (sqlite3_get_autocommit(st->db))
        return hw_fail(err, HW_EINTERNAL,
                       "database %s: action plans are written inside a transaction", st->path);
    return 0;
}

static void bind_opt_date(sqlite3_stmt *stmt, int idx, hw_date d)
{
    char buf[HW_DATE_LEN];
    if (d == HW_NO_DATE) {
        sqlite3_bind_null(stmt, idx);
        return;
    }
    hw_format_date(d, buf);
    sqlite3_bind_text(stmt, idx, buf, -1, SQLITE_TRANSIENT);
}

/* A stored date column: HW_NO_DATE when NULL; -1 when it is not a date. */
static int column_date(sqlite3_stmt *stmt, int col, hw_date *out)
{
    *out = HW_NO_DATE;
    if (sqlite3_column_type(stmt, col) == SQLITE_NULL)
        return 0;
    return hw_parse_date((const char *)sqlite3_column_text(stmt, col), out);
}

static int sqlite_put_plan_action(struct hw_store *s, const struct hw_plan_action *a,
                                  const struct hw_stamp *who, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    static const char *const sql[2] = {
        "INSERT INTO plan_actions(" PLAN_ACTION_COLUMNS ", created_at, created_by, "
        "created_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT(plan, ref) DO NOTHING",
        "UPDATE plan_actions SET position = ?3, area = ?4, outcome = ?5, action = ?6, "
        "success_measure = ?7, lead = ?8, owner = ?9, due = ?10, progress = ?11, "
        "updated_at = ?12, updated_by = ?13, updated_source = ?14 WHERE plan = ?1 AND ref = ?2",
    };
    if (plan_in_transaction(st, err) < 0)
        return -1;
    for (int pass = 0; pass < 2; pass++) {
        int slot;
        sqlite3_stmt *stmt = list_statement(st, sql[pass], &slot, err);
        if (stmt == NULL)
            return -1;
        sqlite3_bind_text(stmt, 1, a->plan, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, a->ref, -1, SQLITE_STATIC);
        sqlite3_bind_int(stmt, 3, a->position);
        bind_opt_text(stmt, 4, a->area);
        bind_opt_text(stmt, 5, a->outcome);
        sqlite3_bind_text(stmt, 6, a->action, -1, SQLITE_STATIC);
        bind_opt_text(stmt, 7, a->success_measure);
        bind_opt_text(stmt, 8, a->lead);
        bind_opt_text(stmt, 9, a->owner);
        bind_opt_date(stmt, 10, a->due);
        bind_opt_text(stmt, 11, a->progress);
        sqlite3_bind_int64(stmt, 12, who->at);
        sqlite3_bind_text(stmt, 13, who->user, -1, SQLITE_STATIC);
        bind_opt_text(stmt, 14, who->source);
        int step = sqlite3_step(stmt);
        list_statement_done(st, stmt, slot);
        if (step != SQLITE_DONE)
            return db_fail(st, err, "storing an action plan's action");
        if (sqlite3_changes(st->db) > 0)
            return pass;
    }
    return hw_fail(err, HW_EINTERNAL, "database %s: action %s of plan %s was not stored", st->path,
                   a->ref, a->plan);
}

static int sqlite_list_plan_actions(struct hw_store *s, const char *plan, const char *ref,
                                    hw_plan_action_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt = list_statement(
        st,
        "SELECT " PLAN_ACTION_COLUMNS ", created_at, created_by, created_source, updated_at, "
        "updated_by, updated_source FROM plan_actions "
        "WHERE (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR ref = ?2) ORDER BY plan, position, ref",
        &slot, err);
    if (stmt == NULL)
        return -1;
    bind_opt_text(stmt, 1, plan);
    bind_opt_text(stmt, 2, ref);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_plan_action a = {
            .plan = column_str(stmt, 0),
            .ref = column_str(stmt, 1),
            .position = sqlite3_column_int(stmt, 2),
            .area = column_str(stmt, 3),
            .outcome = column_str(stmt, 4),
            .action = column_str(stmt, 5),
            .success_measure = column_str(stmt, 6),
            .lead = column_str(stmt, 7),
            .owner = column_str(stmt, 8),
            .progress = column_str(stmt, 10),
            .created = {.at = column_time(stmt, 11),
                        .user = column_str(stmt, 12),
                        .source = column_str(stmt, 13)},
            .updated = {.at = column_time(stmt, 14),
                        .user = column_str(stmt, 15),
                        .source = column_str(stmt, 16)},
        };
        if (column_date(stmt, 9, &a.due) < 0) {
            rc = hw_fail(err, HW_EINTERNAL, "database %s: action %s of plan %s has a bad due date",
                         st->path, a.ref, a.plan);
            break;
        }
        if (cb(ctx, &a) != 0)
            break;
    }
    if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading action plans");
    list_statement_done(st, stmt, slot);
    return rc;
}

static int sqlite_add_plan_rating(struct hw_store *s, const struct hw_plan_rating *r, int *seq,
                                  struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, n = 0;
    if (plan_in_transaction(st, err) < 0)
        return -1;
    sqlite3_stmt *stmt = list_statement(
        st,
        "INSERT INTO plan_ratings(plan, ref, seq, rated_on, rag, note, recorded_by, recorded_at, "
        "source) SELECT ?1, ?2, COALESCE(MAX(seq), 0) + 1, ?3, ?4, ?5, ?6, ?7, ?8 "
        "FROM plan_ratings WHERE plan = ?1 AND ref = ?2 RETURNING seq",
        &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, r->plan, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, r->ref, -1, SQLITE_STATIC);
    bind_opt_date(stmt, 3, r->rated_on);
    sqlite3_bind_text(stmt, 4, hw_code_name(hw_rag_codes, r->rag), -1, SQLITE_STATIC);
    bind_opt_text(stmt, 5, r->note);
    sqlite3_bind_text(stmt, 6, r->recorded.user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 7, r->recorded.at);
    bind_opt_text(stmt, 8, r->recorded.source);
    int step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        n = sqlite3_column_int(stmt, 0);
        step = sqlite3_step(stmt);
    }
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_DONE || n < 1)
        return db_fail(st, err, "recording an action's rating");
    if (seq)
        *seq = n;
    return 0;
}

static int sqlite_list_plan_ratings(struct hw_store *s, const char *plan, const char *ref,
                                    hw_plan_rating_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt =
        list_statement(st,
                       "SELECT plan, ref, seq, rated_on, rag, note, recorded_by, recorded_at, "
                       "source FROM plan_ratings WHERE (?1 IS NULL OR plan = ?1) "
                       "AND (?2 IS NULL OR ref = ?2) ORDER BY plan, ref, seq",
                       &slot, err);
    if (stmt == NULL)
        return -1;
    bind_opt_text(stmt, 1, plan);
    bind_opt_text(stmt, 2, ref);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        const char *rag = column_str(stmt, 4);
        struct hw_plan_rating r = {
            .plan = column_str(stmt, 0),
            .ref = column_str(stmt, 1),
            .seq = sqlite3_column_int(stmt, 2),
            .rag = hw_code_parse(hw_rag_codes, rag ? rag : ""),
            .note = column_str(stmt, 5),
            .recorded = {.user = column_str(stmt, 6),
                         .at = sqlite3_column_int64(stmt, 7),
                         .source = column_str(stmt, 8)},
        };
        if (r.rag <= 0 || column_date(stmt, 3, &r.rated_on) < 0) {
            rc = hw_fail(err, HW_EINTERNAL,
                         "database %s: rating %d of action %s of plan %s is not readable", st->path,
                         r.seq, r.ref, r.plan);
            break;
        }
        if (cb(ctx, &r) != 0)
            break;
    }
    if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading action ratings");
    list_statement_done(st, stmt, slot);
    return rc;
}

static int sqlite_add_plan_change(struct hw_store *s, const struct hw_plan_change *c,
                                  struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot;
    if (plan_in_transaction(st, err) < 0)
        return -1;
    sqlite3_stmt *stmt =
        list_statement(st,
                       "INSERT INTO plan_changes(plan, ref, at, user, source, field, old_value, "
                       "new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                       &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, c->plan, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, c->ref, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, c->made.at);
    sqlite3_bind_text(stmt, 4, c->made.user, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 5, c->made.source ? c->made.source : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 6, c->field, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 7, c->old_value);
    bind_opt_text(stmt, 8, c->new_value);
    int step = sqlite3_step(stmt);
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "recording a change of an action");
    return 0;
}

static int sqlite_list_plan_changes(struct hw_store *s, const char *plan, const char *ref,
                                    hw_plan_change_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt = list_statement(
        st,
        "SELECT change_id, plan, ref, at, user, source, field, old_value, new_value "
        "FROM plan_changes WHERE plan = ?1 AND (?2 IS NULL OR ref = ?2) ORDER BY change_id",
        &slot, err);
    if (stmt == NULL)
        return -1;
    bind_opt_text(stmt, 1, plan);
    bind_opt_text(stmt, 2, ref);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_plan_change c = {
            .id = sqlite3_column_int64(stmt, 0),
            .plan = column_str(stmt, 1),
            .ref = column_str(stmt, 2),
            .made = {.at = sqlite3_column_int64(stmt, 3),
                     .user = column_str(stmt, 4),
                     .source = column_str(stmt, 5)},
            .field = column_str(stmt, 6),
            .old_value = column_str(stmt, 7),
            .new_value = column_str(stmt, 8),
        };
        if (cb(ctx, &c) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading the history of actions");
    list_statement_done(st, stmt, slot);
    return rc;
}

#define CARE_PERIOD_COLUMNS                                                                        \
    "child_id, decom, dec, rec, rne, ls, cin, place, place_provider, reason_place_change, "        \
    "home_post, pl_post, urn"

static int sqlite_put_care_period(struct hw_store *s, const struct hw_care_period *p,
                                  struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, found = 0;
    if (sqlite3_get_autocommit(st->db))
        return hw_fail(err, HW_EINTERNAL,
                       "database %s: periods of care are written inside a transaction", st->path);
    sqlite3_stmt *stmt = list_statement(
        st, "SELECT 1 FROM care_periods WHERE child_id = ?1 AND decom = ?2", &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, p->child_id, -1, SQLITE_STATIC);
    bind_opt_date(stmt, 2, p->decom);
    int step = sqlite3_step(stmt);
    found = step == SQLITE_ROW;
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading a period of care");
    stmt = list_statement(st,
                          "INSERT OR REPLACE INTO care_periods(" CARE_PERIOD_COLUMNS
                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                          &slot, err);
    if (stmt == NULL)
        return -1;
    const char *text[] = {p->rec,
                          p->rne,
                          p->ls,
                          p->cin,
                          p->place,
                          p->place_provider,
                          p->reason_place_change,
                          p->home_post,
                          p->pl_post,
                          p->urn};
    sqlite3_bind_text(stmt, 1, p->child_id, -1, SQLITE_STATIC);
    bind_opt_date(stmt, 2, p->decom);
    bind_opt_date(stmt, 3, p->dec);
    for (int i = 0; i < 10; i++)
        bind_opt_text(stmt, 4 + i, text[i]);
    step = sqlite3_step(stmt);
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "storing a period of care");
    return found;
}

static int sqlite_list_care_periods(struct hw_store *s, const char *child_id, hw_care_period_cb cb,
                                    void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt = list_statement(st,
                                        "SELECT " CARE_PERIOD_COLUMNS " FROM care_periods "
                                        "WHERE (?1 IS NULL OR child_id = ?1) "
                                        "ORDER BY child_id, decom",
                                        &slot, err);
    if (stmt == NULL)
        return -1;
    bind_opt_text(stmt, 1, child_id);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_care_period p = {
            .child_id = column_str(stmt, 0),
            .rec = column_str(stmt, 3),
            .rne = column_str(stmt, 4),
            .ls = column_str(stmt, 5),
            .cin = column_str(stmt, 6),
            .place = column_str(stmt, 7),
            .place_provider = column_str(stmt, 8),
            .reason_place_change = column_str(stmt, 9),
            .home_post = column_str(stmt, 10),
            .pl_post = column_str(stmt, 11),
            .urn = column_str(stmt, 12),
        };
        if (column_date(stmt, 1, &p.decom) < 0 || p.decom == HW_NO_DATE ||
            column_date(stmt, 2, &p.dec) < 0) {
            rc = hw_fail(err, HW_EINTERNAL,
                         "database %s: a period of care of child %s has a bad date", st->path,
                         p.child_id);
            break;
        }
        if (cb(ctx, &p) != 0)
            break;
    }
    if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading periods of care");
    list_statement_done(st, stmt, slot);
    return rc;
}

/* ---- the missing profile ---- */

/* Fails (HW_EINTERNAL) outside a write transaction. */
static int in_write(struct sqlite_store *st, const char *what, struct hw_err *err)
{
    if (sqlite3_get_autocommit(st->db))
        return hw_fail(err, HW_EINTERNAL, "database %s: %s are written inside a transaction",
                       st->path, what);
    return 0;
}

static int sqlite_get_profile(struct hw_store *s, const char *child_id, struct hw_profile *out,
                              struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    struct hw_buf sql = {0};
    int slot, step, rc = -1;
    hw_buf_puts(&sql, "SELECT ");
    column_list(hw_profile_fields, &sql);
    hw_buf_puts(&sql, ", updated_at, updated_by FROM profiles WHERE child_id = ?1");
    sqlite3_stmt *stmt = list_statement(st, sql.data, &slot, err);
    hw_buf_free(&sql);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, child_id, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        int n = 0;
        hw_profile_clear(out);
        hw_profile_init(out);
        for (const struct hw_field *f = hw_profile_fields; f->name; f++)
            n++;
        if (read_record(stmt, hw_profile_fields, out, err) == 0) {
            out->updated_at = column_time(stmt, n);
            out->updated_by = hw_strdup(column_str(stmt, n + 1));
            rc = 1;
        }
    } else if (step == SQLITE_DONE) {
        rc = 0;
    } else {
        db_fail(st, err, "reading a missing profile");
    }
    list_statement_done(st, stmt, slot);
    return rc;
}

static int sqlite_put_profile(struct hw_store *s, const struct hw_profile *p, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    struct hw_buf sql = {0}, scratch = {0};
    int slot, step, n = 0, found;
    if (in_write(st, "missing profiles", err) < 0)
        return -1;
    sqlite3_stmt *stmt =
        list_statement(st, "SELECT 1 FROM profiles WHERE child_id = ?1", &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, p->child_id, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    found = step == SQLITE_ROW;
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading a missing profile");

    hw_buf_puts(&sql, "INSERT OR REPLACE INTO profiles(");
    column_list(hw_profile_fields, &sql);
    hw_buf_puts(&sql, ", updated_at, updated_by) VALUES (");
    for (const struct hw_field *f = hw_profile_fields; f->name; f++)
        hw_buf_printf(&sql, "%s?%d", n ? ", " : "", n + 1), n++;
    hw_buf_printf(&sql, ", ?%d, ?%d)", n + 1, n + 2);
    stmt = list_statement(st, sql.data, &slot, err);
    hw_buf_free(&sql);
    if (stmt == NULL)
        return -1;
    n = 0;
    for (const struct hw_field *f = hw_profile_fields; f->name; f++)
        bind_field(stmt, ++n, f, p, &scratch);
    sqlite3_bind_int64(stmt, n + 1, p->updated_at);
    sqlite3_bind_text(stmt, n + 2, p->updated_by, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    list_statement_done(st, stmt, slot);
    hw_buf_free(&scratch);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "storing a missing profile");
    return found;
}

static int sqlite_get_photo(struct hw_store *s, const char *child_id, bool with_data,
                            hw_photo_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt =
        list_statement(st,
                       with_data ? "SELECT content_type, bytes, uploaded_at, uploaded_by, data "
                                   "FROM profile_photos WHERE child_id = ?1"
                                 : "SELECT content_type, bytes, uploaded_at, uploaded_by "
                                   "FROM profile_photos WHERE child_id = ?1",
                       &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, child_id, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    if (step == SQLITE_ROW) {
        struct hw_photo p = {
            .child_id = child_id,
            .content_type = column_str(stmt, 0),
            .size = (size_t)sqlite3_column_int64(stmt, 1),
            .uploaded_at = sqlite3_column_int64(stmt, 2),
            .uploaded_by = column_str(stmt, 3),
        };
        if (with_data) {
            p.data = sqlite3_column_blob(stmt, 4);
            if ((size_t)sqlite3_column_bytes(stmt, 4) != p.size || p.data == NULL)
                rc = hw_fail(err, HW_EINTERNAL,
                             "database %s: the photograph of child %s is not the size recorded",
                             st->path, child_id);
        }
        if (rc == 0) {
            cb(ctx, &p);
            rc = 1;
        }
    } else if (step != SQLITE_DONE) {
        rc = db_fail(st, err, "reading a photograph");
    }
    list_statement_done(st, stmt, slot);
    return rc;
}

static int sqlite_put_photo(struct hw_store *s, const struct hw_photo *p, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, found;
    if (in_write(st, "photographs", err) < 0)
        return -1;
    if (p->size > INT_MAX)
        return hw_fail(err, HW_EINTERNAL, "a photograph of %zu bytes is too large to store",
                       p->size);
    sqlite3_stmt *stmt =
        list_statement(st, "SELECT 1 FROM profile_photos WHERE child_id = ?1", &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, p->child_id, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    found = step == SQLITE_ROW;
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        return db_fail(st, err, "reading a photograph");
    stmt = list_statement(st,
                          "INSERT OR REPLACE INTO profile_photos(child_id, content_type, bytes, "
                          "data, uploaded_at, uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                          &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, p->child_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, p->content_type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 3, (sqlite3_int64)p->size);
    sqlite3_bind_blob(stmt, 4, p->data, (int)p->size, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 5, p->uploaded_at);
    sqlite3_bind_text(stmt, 6, p->uploaded_by, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "storing a photograph");
    return found;
}

static int sqlite_add_profile_send(struct hw_store *s, const struct hw_profile_send *r,
                                   long long *id, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step;
    if (in_write(st, "sends of missing profiles", err) < 0)
        return -1;
    sqlite3_stmt *stmt = list_statement(
        st,
        "INSERT INTO profile_sends(child_id, episode_id, police_ref, sent_to, sent_at, sent_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &slot, err);
    if (stmt == NULL)
        return -1;
    sqlite3_bind_text(stmt, 1, r->child_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, r->episode_id, -1, SQLITE_STATIC);
    bind_opt_text(stmt, 3, r->police_ref);
    sqlite3_bind_text(stmt, 4, r->sent_to, -1, SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 5, r->sent_at);
    sqlite3_bind_text(stmt, 6, r->sent_by, -1, SQLITE_STATIC);
    step = sqlite3_step(stmt);
    list_statement_done(st, stmt, slot);
    if (step != SQLITE_DONE)
        return db_fail(st, err, "recording a send of a missing profile");
    if (id)
        *id = sqlite3_last_insert_rowid(st->db);
    return 0;
}

static int sqlite_list_profile_sends(struct hw_store *s, const char *child_id,
                                     hw_profile_send_cb cb, void *ctx, struct hw_err *err)
{
    struct sqlite_store *st = cast(s);
    int slot, step, rc = 0;
    sqlite3_stmt *stmt = list_statement(
        st,
        "SELECT send_id, child_id, episode_id, police_ref, sent_to, sent_at, sent_by "
        "FROM profile_sends WHERE (?1 IS NULL OR child_id = ?1) ORDER BY send_id DESC",
        &slot, err);
    if (stmt == NULL)
        return -1;
    bind_opt_text(stmt, 1, child_id);
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
        struct hw_profile_send r = {
            .id = sqlite3_column_int64(stmt, 0),
            .child_id = column_str(stmt, 1),
            .episode_id = column_str(stmt, 2),
            .police_ref = column_str(stmt, 3),
            .sent_to = column_str(stmt, 4),
            .sent_at = sqlite3_column_int64(stmt, 5),
            .sent_by = column_str(stmt, 6),
        };
        if (cb(ctx, &r) != 0)
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        rc = db_fail(st, err, "reading the sends of missing profiles");
    list_statement_done(st, stmt, slot);
    return rc;
}

static const struct hw_store_ops sqlite_ops = {
    .backend = "sqlite",
    .close = sqlite_close,
    .begin = sqlite_begin,
    .commit = sqlite_commit,
    .rollback = sqlite_rollback,
    .put = sqlite_put,
    .add = sqlite_add,
    .get = sqlite_get,
    .get_some = sqlite_get_some,
    .list = sqlite_list,
    .add_change = sqlite_add_change,
    .list_changes = sqlite_list_changes,
    .changed_ids = sqlite_changed_ids,
    .add_action = sqlite_add_action,
    .list_actions = sqlite_list_actions,
    .missing_starts = sqlite_missing_starts,
    .episode_links = sqlite_episode_links,
    .episode_facts = sqlite_episode_facts,
    .add_notification = sqlite_add_notification,
    .list_notifications = sqlite_list_notifications,
    .ack_notification = sqlite_ack_notification,
    .send_notice = sqlite_send_notice,
    .answer_notice = sqlite_answer_notice,
    .schema_version = sqlite_schema_version,
    .add_attempt = sqlite_add_attempt,
    .list_attempts = sqlite_list_attempts,
    .in_transaction = sqlite_in_transaction,
    .add_user = sqlite_add_user,
    .list_users = sqlite_list_users,
    .update_user = sqlite_update_user,
    .add_session = sqlite_add_session,
    .get_session = sqlite_get_session,
    .touch_session = sqlite_touch_session,
    .end_sessions = sqlite_end_sessions,
    .add_token = sqlite_add_token,
    .get_token = sqlite_get_token,
    .revoke_tokens = sqlite_revoke_tokens,
    .add_failure = sqlite_add_failure,
    .list_failures = sqlite_list_failures,
    .clear_failures = sqlite_clear_failures,
    .analysis_facts = sqlite_analysis_facts,
    .secret = sqlite_secret,
    .audit_append = sqlite_audit_append,
    .audit_list = sqlite_audit_list,
    .put_plan_action = sqlite_put_plan_action,
    .list_plan_actions = sqlite_list_plan_actions,
    .add_plan_rating = sqlite_add_plan_rating,
    .list_plan_ratings = sqlite_list_plan_ratings,
    .add_plan_change = sqlite_add_plan_change,
    .list_plan_changes = sqlite_list_plan_changes,
    .put_care_period = sqlite_put_care_period,
    .list_care_periods = sqlite_list_care_periods,
    .get_profile = sqlite_get_profile,
    .put_profile = sqlite_put_profile,
    .get_photo = sqlite_get_photo,
    .put_photo = sqlite_put_photo,
    .add_profile_send = sqlite_add_profile_send,
    .list_profile_sends = sqlite_list_profile_sends,
};
