/* test_store.c - the storage interface on SQLite: opening and migrating,
 * put/get round trips, listing filters and order, transactions, the link
 * tables and the queries behind the rules and the monthly report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support/testdb.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/records.h"
#include "store/migrations.h"
#include "store/store.h"

/* ---- fixture: a new database in a fresh directory ---- */

struct fx {
    struct hw_test_db db;
};

static int setup(void **state)
{
    struct fx *fx = calloc(1, sizeof *fx);
    if (!fx || hw_test_db_open(&fx->db) < 0) {
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    hw_test_db_close(&fx->db);
    free(fx);
    return 0;
}

/* ---- helpers ---- */

static void set(const struct hw_field *table, void *rec, const char *name, const char *text)
{
    struct hw_err err = {0};
    const struct hw_field *f = hw_field_find(table, name);
    assert_non_null(f);
    if (hw_field_set(f, rec, text, &err) != 0)
        fail_msg("%s = '%s' refused: %s", name, text, err.msg);
}

static hw_instant at(const char *local)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(local, &t, NULL), 0);
    return t;
}

static void begin(struct fx *fx)
{
    struct hw_err err = {0};
    if (hw_store_begin(fx->db.s, &err) != 0)
        fail_msg("begin: %s", err.msg);
}

static void commit(struct fx *fx)
{
    struct hw_err err = {0};
    if (hw_store_commit(fx->db.s, &err) != 0)
        fail_msg("commit: %s", err.msg);
}

static void put(struct fx *fx, enum hw_rectype t, const void *rec)
{
    struct hw_err err = {0};
    if (hw_store_put(fx->db.s, t, rec, NULL, &err) < 0)
        fail_msg("put %s: %s", hw_rectypes[t].name, err.msg);
}

/* Stores a child with the given team (NULL: none) and responsible authority. */
static void put_child(struct fx *fx, const char *id, const char *team, const char *ra)
{
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    set(hw_child_fields, &c, "child_id", id);
    if (team)
        set(hw_child_fields, &c, "team", team);
    if (ra)
        set(hw_child_fields, &c, "responsible_authority", ra);
    put(fx, HW_REC_CHILD, &c);
    hw_record_clear(hw_child_fields, &c);
}

/* Stores an episode; returned and case_status may be NULL. */
static void put_episode(struct fx *fx, const char *id, const char *child, const char *kind,
                        const char *last_seen, const char *returned, const char *case_status)
{
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    set(hw_episode_fields, &e, "episode_id", id);
    set(hw_episode_fields, &e, "child_id", child);
    set(hw_episode_fields, &e, "kind", kind);
    set(hw_episode_fields, &e, "last_seen", last_seen);
    if (returned)
        set(hw_episode_fields, &e, "returned", returned);
    if (case_status)
        set(hw_episode_fields, &e, "case_status", case_status);
    put(fx, HW_REC_EPISODE, &e);
    hw_record_clear(hw_episode_fields, &e);
}

/* Stores an interview; offered and outcome may be NULL. */
static void put_interview(struct fx *fx, const char *id, const char *child, const char *episodes,
                          const char *offered, const char *outcome)
{
    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    set(hw_interview_fields, &iv, "interview_id", id);
    set(hw_interview_fields, &iv, "child_id", child);
    set(hw_interview_fields, &iv, "episode_ids", episodes);
    if (offered)
        set(hw_interview_fields, &iv, "offered", offered);
    if (outcome)
        set(hw_interview_fields, &iv, "outcome", outcome);
    put(fx, HW_REC_INTERVIEW, &iv);
    hw_record_clear(hw_interview_fields, &iv);
}

/* Collects the IDs a listing hands out, joined by ','. */
struct seen {
    char ids[512];
    int calls;
    int stop_after; /* 0: never stop */
};

static int collect(void *ctx, const void *rec)
{
    struct seen *s = ctx;
    const char *id = *(char *const *)rec; /* the ID is every record's first member */
    size_t len = strlen(s->ids);
    snprintf(s->ids + len, sizeof s->ids - len, "%s%s", len ? "," : "", id);
    s->calls++;
    return s->stop_after && s->calls >= s->stop_after;
}

static const char *list_ids(struct fx *fx, enum hw_rectype t, const struct hw_filter *f,
                            struct seen *s)
{
    struct hw_err err = {0};
    memset(s->ids, 0, sizeof s->ids);
    s->calls = 0;
    if (hw_store_list(fx->db.s, t, f, collect, s, &err) != 0)
        fail_msg("list: %s", err.msg);
    return s->ids;
}

/* Runs a query on a second connection; the first column of each row is
 * joined by ','. */
static void query(const char *path, const char *sql, char *out, size_t size)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t len = strlen(out);
        const unsigned char *v = sqlite3_column_text(st, 0);
        snprintf(out + len, size - len, "%s%s", len ? "," : "", v ? (const char *)v : "NULL");
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void assert_same_record(const struct hw_field *table, const void *a, const void *b)
{
    for (const struct hw_field *f = table; f->name; f++) {
        struct hw_buf fa = {0}, fb = {0};
        if (hw_field_is_set(f, a) != hw_field_is_set(f, b))
            fail_msg("%s: set differs", f->name);
        hw_field_format(f, a, &fa);
        hw_field_format(f, b, &fb);
        if (strcmp(fa.data ? fa.data : "", fb.data ? fb.data : "") != 0)
            fail_msg("%s: '%s' != '%s'", f->name, fa.data ? fa.data : "", fb.data ? fb.data : "");
        hw_buf_free(&fa);
        hw_buf_free(&fb);
        /* the text form of a time is to the minute; the value is exact */
        if (f->type == HW_F_TIME)
            assert_int_equal(*(const hw_instant *)((const char *)a + f->offset),
                             *(const hw_instant *)((const char *)b + f->offset));
    }
}

static void assert_all_set(const struct hw_field *table, const void *rec)
{
    for (const struct hw_field *f = table; f->name; f++)
        if (!hw_field_is_set(f, rec))
            fail_msg("%s is not set", f->name);
}

/* ---- opening ---- */

static void test_new_database(void **state)
{
    struct fx *fx = *state;
    char out[256];
    assert_true(hw_migration_count >= 1);
    assert_int_equal(hw_store_schema_version(fx->db.s), (int)hw_migration_count);
    assert_string_equal(hw_store_backend(fx->db.s), "sqlite");

    snprintf(out, sizeof out, "%zu", hw_migration_count);
    char v[256];
    query(fx->db.path, "PRAGMA user_version", v, sizeof v);
    assert_string_equal(v, out);
    query(fx->db.path, "PRAGMA journal_mode", v, sizeof v);
    assert_string_equal(v, "wal");
    query(fx->db.path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", v,
          sizeof v);
    assert_string_equal(
        v, "actions,api_tokens,audit,care_periods,changes,children,episode_with,episodes,"
           "interview_attempts,"
           "interview_episodes,interviews,outbox,plan_actions,plan_changes,plan_ratings,"
           "profile_photos,profile_sends,profiles,secrets,sessions,signin_failures,users");
}

/* Foreign keys are enforced on the store's connection. */
static void test_foreign_keys_on(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    set(hw_episode_fields, &e, "episode_id", "E1");
    set(hw_episode_fields, &e, "child_id", "NOBODY");
    set(hw_episode_fields, &e, "kind", "missing");
    set(hw_episode_fields, &e, "last_seen", "2024-05-01 10:00");
    begin(fx);
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_EPISODE, &e, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_non_null(strstr(err.msg, fx->db.path));
    assert_non_null(strstr(err.msg, "FOREIGN KEY"));
    hw_store_rollback(fx->db.s);

    /* and the schema's checks hold: returned before last seen is refused */
    put_child(fx, "C1", NULL, NULL);
    set(hw_episode_fields, &e, "child_id", "C1");
    set(hw_episode_fields, &e, "returned", "2024-05-01 09:59");
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_EPISODE, &e, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_non_null(strstr(err.msg, "CHECK"));
    hw_record_clear(hw_episode_fields, &e);
}

/* Runs statements on a second, writable connection; returns SQLite's code. */
static int exec_other(const char *path, const char *sql)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

/* A database made by the first schema is brought up to date on open, and
 * keeps its records. */
static void test_upgrade_from_version_1(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    char path[160], v[256];
    snprintf(path, sizeof path, "%s/v1.db", fx->db.dir);
    assert_int_equal(exec_other(path, hw_migrations[0]), SQLITE_OK);
    assert_int_equal(exec_other(path,
                                "PRAGMA user_version = 1;"
                                "INSERT INTO children(child_id, team) VALUES ('C1', 'North')"),
                     SQLITE_OK);
    struct hw_store *s;
    assert_int_equal(hw_store_open(path, &s, &err), 0);
    assert_int_equal(hw_store_schema_version(s), (int)hw_migration_count);
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    assert_int_equal(hw_store_get(s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_string_equal(c.team, "North");
    hw_record_clear(hw_child_fields, &c);
    hw_store_close(s);
    query(path, "SELECT count(*) FROM changes", v, sizeof v);
    assert_string_equal(v, "0");
}

/* The history only grows, and records are never deleted. */
static int history_line(void *ctx, const struct hw_change *c)
{
    struct hw_buf *b = ctx;
    hw_buf_printf(b, "%lld %s %s %s %s>%s;", (long long)c->at, c->user, c->source,
                  c->field ? c->field : "(created)", c->old_value ? c->old_value : "-",
                  c->new_value ? c->new_value : "-");
    return 0;
}

/* The history only grows; who created a record never changes; records are
 * never deleted. */
static void test_history_append_only(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_child child;
    const struct hw_stamp amy = {.at = 1500000000, .user = "amy", .source = "cli"};
    const struct hw_stamp ben = {.at = 1500000100, .user = "ben", .source = "cli"};
    hw_record_init(hw_child_fields, &child);
    set(hw_child_fields, &child, "child_id", "C1");
    set(hw_child_fields, &child, "team", "North");
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_CHILD, &child, &amy, &err), 0);
    /* replacing keeps the creator: ben's stamp is not used */
    set(hw_child_fields, &child, "team", "South");
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_CHILD, &child, &ben, &err), 1);
    hw_record_clear(hw_child_fields, &child);

    struct hw_change c = {.at = 1500000100,
                          .user = "ben",
                          .source = "cli",
                          .type = HW_REC_CHILD,
                          .record_id = "C1",
                          .field = "team",
                          .old_value = "North",
                          .new_value = "South"};
    assert_int_equal(hw_store_add_change(fx->db.s, &c, &err), 0);
    struct hw_buf b = {0};
    assert_int_equal(hw_store_list_changes(fx->db.s, HW_REC_CHILD, "C1", history_line, &b, &err),
                     0);
    assert_string_equal(b.data,
                        "1500000000 amy cli (created) ->-;1500000100 ben cli team North>South;");
    hw_buf_free(&b);

    assert_int_not_equal(exec_other(fx->db.path, "UPDATE changes SET user = 'x'"), SQLITE_OK);
    assert_int_not_equal(exec_other(fx->db.path, "DELETE FROM changes"), SQLITE_OK);
    assert_int_not_equal(exec_other(fx->db.path, "DELETE FROM children"), SQLITE_OK);
    assert_int_not_equal(exec_other(fx->db.path, "UPDATE children SET created_by = 'x'"),
                         SQLITE_OK);
    assert_int_equal(exec_other(fx->db.path, "UPDATE children SET team = 'West'"), SQLITE_OK);
    char v[256];
    query(fx->db.path, "SELECT created_by || '/' || team FROM children", v, sizeof v);
    assert_string_equal(v, "amy/West");
    query(fx->db.path, "SELECT count(*) FROM changes", v, sizeof v);
    assert_string_equal(v, "1");
}

static void test_reopen_keeps_data(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    begin(fx);
    put_child(fx, "C1", "North", NULL);
    put_episode(fx, "E1", "C1", "missing", "2024-05-01 10:00", NULL, NULL);
    commit(fx);
    hw_store_close(fx->db.s);
    fx->db.s = NULL;

    assert_int_equal(hw_store_open(fx->db.path, &fx->db.s, &err), 0);
    assert_int_equal(hw_store_schema_version(fx->db.s), (int)hw_migration_count);
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_string_equal(c.team, "North");
    hw_record_clear(hw_child_fields, &c);
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, "E1", &e, &err), 1);
    assert_int_equal(e.last_seen, at("2024-05-01 10:00"));
    assert_int_equal(e.returned, HW_NO_TIME);
    hw_record_clear(hw_episode_fields, &e);
}

static void test_newer_database_refused(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    char path[160], sql[64], expected[512], v[256];
    snprintf(path, sizeof path, "%s/newer.db", fx->db.dir);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    snprintf(sql, sizeof sql, "PRAGMA user_version = %zu", hw_migration_count + 1);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    struct hw_store *s = fx->db.s; /* any non-NULL value: open must clear it */
    assert_int_equal(hw_store_open(path, &s, &err), -1);
    assert_null(s);
    assert_int_equal(err.kind, HW_EINPUT);
    snprintf(expected, sizeof expected,
             "database %s has schema version %zu, newer than this homeward (%zu): "
             "use a newer homeward",
             path, hw_migration_count + 1, hw_migration_count);
    assert_string_equal(err.msg, expected);

    /* nothing was migrated, and no connection is left open: leaving WAL mode
     * needs the only connection */
    snprintf(expected, sizeof expected, "%zu", hw_migration_count + 1);
    query(path, "PRAGMA user_version", v, sizeof v);
    assert_string_equal(v, expected);
    query(path, "SELECT count(*) FROM sqlite_master", v, sizeof v);
    assert_string_equal(v, "0");
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode = DELETE", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "delete");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_open_failure(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    char path[160];
    snprintf(path, sizeof path, "%s/no/such/dir/x.db", fx->db.dir);
    struct hw_store *s = fx->db.s;
    assert_int_equal(hw_store_open(path, &s, &err), -1);
    assert_null(s);
    assert_int_equal(err.kind, HW_EINPUT);
    char prefix[256];
    snprintf(prefix, sizeof prefix, "cannot open database %s: ", path);
    assert_memory_equal(err.msg, prefix, strlen(prefix));
    hw_store_close(NULL); /* harmless */
}

/* ---- put and get ---- */

static void fill_child(struct hw_child *c)
{
    static const char *const kv[][2] = {
        {"child_id", "C-1/a"},
        {"first_name", "Zo\xc3\xab"},
        {"last_name", "O'Neil; \"Jr\""},
        {"date_of_birth", "2010-05-17"},
        {"gender", "Female"},
        {"ethnicity", "White British"},
        {"responsible_authority", "Dorset Council"},
        {"case_status", "cla"},
        {"flags", "cse;cce;risky_adults"},
        {"placement_type", "independent_home"},
        {"placement_name", "Oak House"},
        {"out_of_area", "yes"},
        {"team", "North"},
        {"worker", "A. Worker"},
        {"school", "Hill School\nYear 8"},
        {"missing_plan", "Plan"},
        {"plan_reviewed", "2024-01-02"},
        {"plan_review_due", "2024-02-02"},
    };
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        set(hw_child_fields, c, kv[i][0], kv[i][1]);
    assert_all_set(hw_child_fields, c);
}

static void fill_episode(struct hw_episode *e)
{
    static const char *const kv[][2] = {
        {"episode_id", "E-1"},
        {"child_id", "C-1/a"},
        {"kind", "missing"},
        {"last_seen", "2024-07-01 22:15:30"},
        {"reported", "2024-07-01 23:00"},
        {"returned", "2024-12-02 08:05:59"},
        {"risk", "medium"},
        {"missing_from_type", "foster"},
        {"missing_from_name", "Carers' home"},
        {"out_of_area", "n"},
        {"case_status", "cpp"},
        {"police_ref", "PR/2024/1"},
        {"reported_by", "Carer"},
        {"harmed", "no"},
        {"crime_while_absent", "y"},
        {"found_location", "Town centre"},
        {"with_children", "C-2; C-3"},
        {"safe_well_at", "2024-12-02 09:00"},
    };
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        set(hw_episode_fields, e, kv[i][0], kv[i][1]);
    assert_all_set(hw_episode_fields, e);
}

static void fill_interview(struct hw_interview *iv)
{
    static const char *const kv[][2] = {
        {"interview_id", "I-1"},
        {"child_id", "C-1/a"},
        {"episode_ids", "E-1;E-2"},
        {"decision", "judgement"},
        {"decided_by", "Team manager"},
        {"decision_reason", "Reason\twith tab"},
        {"offered", "2024-12-03 09:00"},
        {"outcome", "completed"},
        {"attempts", "2"},
        {"completed", "2024-12-04 15:45:01"},
        {"conducted_by", "allocated_worker"},
        {"reasons", "Argument at home"},
        {"risks", "Older peers"},
        {"screening", "significant"},
        {"shared_with_police", "05/12/2024"},
        {"signed_off", "2024-12-06 11:00"},
        {"signed_off_by", "M. Manager"},
        {"lateness_reason", "weekend_bank_holiday"},
    };
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        set(hw_interview_fields, iv, kv[i][0], kv[i][1]);
    assert_all_set(hw_interview_fields, iv);
}

static void test_round_trip_every_field(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_child c, c2;
    struct hw_episode e, e2, e3;
    struct hw_interview iv, iv2;
    hw_record_init(hw_child_fields, &c);
    hw_record_init(hw_child_fields, &c2);
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_episode_fields, &e2);
    hw_record_init(hw_episode_fields, &e3);
    hw_record_init(hw_interview_fields, &iv);
    hw_record_init(hw_interview_fields, &iv2);
    fill_child(&c);
    fill_episode(&e);
    fill_interview(&iv);

    begin(fx);
    put(fx, HW_REC_CHILD, &c);
    put(fx, HW_REC_EPISODE, &e);
    hw_record_copy(hw_episode_fields, &e3, &e);
    set(hw_episode_fields, &e3, "episode_id", "E-2");
    put(fx, HW_REC_EPISODE, &e3);
    put(fx, HW_REC_INTERVIEW, &iv);
    commit(fx);

    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C-1/a", &c2, &err), 1);
    assert_same_record(hw_child_fields, &c, &c2);
    assert_int_equal(c2.flags, HW_FLAG_CSE | HW_FLAG_CCE | HW_FLAG_RISKY_ADULTS);
    assert_int_equal(c2.dob, c.dob);
    assert_string_equal(c2.school, "Hill School\nYear 8");

    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, "E-1", &e2, &err), 1);
    assert_same_record(hw_episode_fields, &e, &e2);
    assert_int_equal(e2.last_seen, at("2024-07-01 22:15") + 30);
    assert_int_equal(e2.returned, at("2024-12-02 08:05") + 59);
    assert_string_equal(e2.with_children, "C-2;C-3");

    assert_int_equal(hw_store_get(fx->db.s, HW_REC_INTERVIEW, "I-1", &iv2, &err), 1);
    assert_same_record(hw_interview_fields, &iv, &iv2);
    assert_int_equal(iv2.attempts, 2);
    assert_int_equal(iv2.shared_with_police, hw_date_from_ymd(2024, 12, 5));

    /* how values sit in the columns: codes and dates as text, instants as
     * UTC seconds */
    char v[256], want[64];
    query(fx->db.path,
          "SELECT date_of_birth || '|' || case_status || '|' || flags || '|' || "
          "out_of_area FROM children",
          v, sizeof v);
    assert_string_equal(v, "2010-05-17|cla|cse;cce;risky_adults|y");
    query(fx->db.path, "SELECT last_seen FROM episodes WHERE episode_id = 'E-1'", v, sizeof v);
    snprintf(want, sizeof want, "%lld", (long long)e.last_seen);
    assert_string_equal(v, want);

    /* a record with only its required fields comes back with the rest unset */
    struct hw_episode bare, bare2;
    hw_record_init(hw_episode_fields, &bare);
    hw_record_init(hw_episode_fields, &bare2);
    set(hw_episode_fields, &bare, "episode_id", "E-3");
    set(hw_episode_fields, &bare, "child_id", "C-1/a");
    set(hw_episode_fields, &bare, "kind", "absent");
    set(hw_episode_fields, &bare, "last_seen", "2024-01-15 10:30");
    put(fx, HW_REC_EPISODE, &bare);
    /* get into a record that holds another episode: every field replaced */
    hw_record_copy(hw_episode_fields, &bare2, &e);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, "E-3", &bare2, &err), 1);
    assert_same_record(hw_episode_fields, &bare, &bare2);
    assert_null(bare2.with_children);
    assert_int_equal(bare2.returned, HW_NO_TIME);
    assert_int_equal(bare2.risk, 0);
    hw_record_clear(hw_episode_fields, &bare);
    hw_record_clear(hw_episode_fields, &bare2);

    struct hw_interview iv3;
    hw_record_init(hw_interview_fields, &iv3);
    set(hw_interview_fields, &iv3, "interview_id", "I-2");
    set(hw_interview_fields, &iv3, "child_id", "C-1/a");
    set(hw_interview_fields, &iv3, "episode_ids", "E-3");
    put(fx, HW_REC_INTERVIEW, &iv3);
    hw_record_clear(hw_interview_fields, &iv3);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_INTERVIEW, "I-2", &iv3, &err), 1);
    assert_int_equal(iv3.attempts, HW_NO_INT);
    assert_int_equal(iv3.offered, HW_NO_TIME);
    assert_int_equal(iv3.shared_with_police, HW_NO_DATE);
    assert_null(iv3.reasons);
    hw_record_clear(hw_interview_fields, &iv3);

    hw_record_clear(hw_child_fields, &c);
    hw_record_clear(hw_child_fields, &c2);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_episode_fields, &e2);
    hw_record_clear(hw_episode_fields, &e3);
    hw_record_clear(hw_interview_fields, &iv);
    hw_record_clear(hw_interview_fields, &iv2);
}

static void test_get_unknown(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1", &c, &err), 0);
    assert_null(c.id);
    put_child(fx, "C1", NULL, NULL);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "c1", &c, &err), 0); /* exact */
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1 ", &c, &err), 0);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, "C1", &c, &err), 0);
    assert_null(c.id);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_string_equal(c.id, "C1");
    hw_record_clear(hw_child_fields, &c);
}

static void test_put_updates(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct seen s = {0};
    struct hw_filter all = {0};
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    set(hw_child_fields, &c, "child_id", "C1");
    set(hw_child_fields, &c, "first_name", "Ann");
    set(hw_child_fields, &c, "team", "North");
    set(hw_child_fields, &c, "flags", "gang");
    begin(fx);
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_CHILD, &c, NULL, &err), 0); /* new */
    put_child(fx, "C2", NULL, NULL);
    put_episode(fx, "E1", "C1", "missing", "2024-05-01 10:00", NULL, NULL);
    commit(fx);

    /* the same ID again: fields replaced, unset ones cleared */
    set(hw_child_fields, &c, "first_name", "");
    set(hw_child_fields, &c, "team", "South");
    set(hw_child_fields, &c, "flags", "");
    assert_int_equal(hw_store_put(fx->db.s, HW_REC_CHILD, &c, NULL, &err), 1); /* replaced */
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &all, &s), "C1,C2");
    hw_record_clear(hw_child_fields, &c);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_null(c.first_name);
    assert_string_equal(c.team, "South");
    assert_int_equal(c.flags, 0);
    hw_record_clear(hw_child_fields, &c);

    /* the episode the child has is kept (an update, not delete + insert) */
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &all, &s), "E1");
    put_episode(fx, "E1", "C1", "missing", "2024-05-01 10:00", "2024-05-01 12:00", NULL);
    struct hw_filter open = {.open_only = true};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &open, &s), "");
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &all, &s), "E1");
    char v[64];
    query(fx->db.path, "SELECT count(*) FROM episodes", v, sizeof v);
    assert_string_equal(v, "1");
}

static void test_rollback(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);

    begin(fx);
    put_child(fx, "C1", "North", NULL);
    commit(fx);

    begin(fx);
    put_child(fx, "C2", NULL, NULL);
    put_child(fx, "C1", "South", NULL);
    put_episode(fx, "E1", "C2", "missing", "2024-05-01 10:00", NULL, NULL);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C2", &c, &err), 1); /* seen inside */
    hw_store_rollback(fx->db.s);

    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C2", &c, &err), 0);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C1", &c, &err), 1);
    assert_string_equal(c.team, "North");
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_EPISODE, "E1", &e, &err), 0);
    char v[64];
    query(fx->db.path, "SELECT count(*) FROM episode_with", v, sizeof v);
    assert_string_equal(v, "0");

    /* rollback with no transaction open does nothing; begin works again */
    hw_store_rollback(fx->db.s);
    begin(fx);
    put_child(fx, "C3", NULL, NULL);
    commit(fx);
    assert_int_equal(hw_store_get(fx->db.s, HW_REC_CHILD, "C3", &c, &err), 1);
    /* a second begin inside a transaction is an error */
    begin(fx);
    assert_int_equal(hw_store_begin(fx->db.s, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    hw_store_rollback(fx->db.s);
    hw_record_clear(hw_child_fields, &c);
}

/* ---- listing ---- */

static void put_list_data(struct fx *fx)
{
    begin(fx);
    put_child(fx, "C3", "North", NULL);
    put_child(fx, "C1", "North", NULL);
    put_child(fx, "C2", "South", NULL);
    /* inserted out of order on purpose */
    put_episode(fx, "E4", "C1", "missing", "2024-06-01 00:00", "2024-06-01 02:00", NULL);
    put_episode(fx, "E2", "C1", "absent", "2024-05-03 10:00", NULL, NULL);
    put_episode(fx, "E1", "C1", "missing", "2024-05-01 10:00", "2024-05-01 12:00", NULL);
    put_episode(fx, "E3", "C2", "missing", "2024-05-02 10:00", NULL, NULL);
    put_episode(fx, "E0", "C2", "missing", "2024-05-01 10:00", "2024-05-02 09:00", NULL);
    put_interview(fx, "I2", "C1", "E1;E4", NULL, NULL);
    put_interview(fx, "I1", "C1", "E1", NULL, NULL);
    put_interview(fx, "I3", "C2", "E3", NULL, NULL);
    commit(fx);
}

static void test_list_children(void **state)
{
    struct fx *fx = *state;
    struct seen s = {0};
    put_list_data(fx);
    struct hw_filter f = {0};
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &f, &s), "C1,C2,C3");
    assert_int_equal(s.calls, 3);
    f.team = "North";
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &f, &s), "C1,C3");
    f.team = "north";
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &f, &s), "");
    /* filters children do not have are ignored */
    struct hw_filter g = {.child_id = "C2",
                          .episode_id = "E1",
                          .open_only = true,
                          .kind = HW_KIND_ABSENT,
                          .from = 1,
                          .to = 2};
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &g, &s), "C1,C2,C3");
    g.team = "South";
    g.limit = 5;
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &g, &s), "C2");
}

static void test_list_episodes(void **state)
{
    struct fx *fx = *state;
    struct seen s = {0};
    put_list_data(fx);
    struct hw_filter f = {0};
    /* by last seen, then ID (E0 and E1 share a last-seen time) */
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1,E3,E2,E4");

    f = (struct hw_filter){.child_id = "C1"};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E1,E2,E4");
    f = (struct hw_filter){.child_id = "C9"};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "");
    f = (struct hw_filter){.open_only = true};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E3,E2");
    f = (struct hw_filter){.kind = HW_KIND_MISSING};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1,E3,E4");
    f = (struct hw_filter){.kind = HW_KIND_ABSENT};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E2");

    /* [from, to): from is in, to is out */
    f = (struct hw_filter){.from = at("2024-05-01 10:00"), .to = at("2024-06-01 00:00")};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1,E3,E2");
    f = (struct hw_filter){.from = at("2024-05-01 10:00") + 1, .to = at("2024-06-01 00:00") + 1};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E3,E2,E4");
    f = (struct hw_filter){.from = at("2024-05-02 10:00"), .to = at("2024-05-03 10:00")};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E3");
    /* each bound applies on its own */
    f = (struct hw_filter){.from = at("2024-05-01 10:00") + 1};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E3,E2,E4");
    f = (struct hw_filter){.to = at("2024-05-02 10:00")};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1");

    f = (struct hw_filter){.limit = 2};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1");
    f = (struct hw_filter){.limit = 99};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1,E3,E2,E4");

    /* filters combine */
    f = (struct hw_filter){.child_id = "C1", .open_only = true};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E2");
    f = (struct hw_filter){.child_id = "C1", .kind = HW_KIND_MISSING, .limit = 1};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E1");
    f = (struct hw_filter){.open_only = true,
                           .kind = HW_KIND_MISSING,
                           .from = at("2024-05-01 00:00"),
                           .to = at("2024-06-01 00:00")};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E3");
    /* filters episodes do not have are ignored */
    f = (struct hw_filter){.team = "South", .episode_id = "E3"};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1,E3,E2,E4");
}

static void test_list_interviews(void **state)
{
    struct fx *fx = *state;
    struct seen s = {0};
    put_list_data(fx);
    struct hw_filter f = {0};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I1,I2,I3");
    f = (struct hw_filter){.episode_id = "E1"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I1,I2");
    f = (struct hw_filter){.episode_id = "E4"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I2");
    f = (struct hw_filter){.episode_id = "E2"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "");
    f = (struct hw_filter){.child_id = "C2"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I3");
    f = (struct hw_filter){.child_id = "C2", .episode_id = "E1"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "");
    f = (struct hw_filter){.child_id = "C1", .limit = 1};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I1");
    f = (struct hw_filter){.team = "North", .open_only = true, .kind = HW_KIND_ABSENT};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I1,I2,I3");
}

/* The record handed to the callback is complete. */
struct first_episode {
    struct hw_episode e;
};

static int copy_first(void *ctx, const void *rec)
{
    struct first_episode *fe = ctx;
    hw_record_copy(hw_episode_fields, &fe->e, rec);
    return 1;
}

static void test_list_stops_early(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct seen s = {.stop_after = 2};
    put_list_data(fx);
    struct hw_filter f = {0};
    assert_string_equal(list_ids(fx, HW_REC_EPISODE, &f, &s), "E0,E1");
    assert_int_equal(s.calls, 2);
    s.stop_after = 1;
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &f, &s), "C1");
    assert_int_equal(s.calls, 1);

    struct first_episode fe;
    hw_record_init(hw_episode_fields, &fe.e);
    f.open_only = true;
    assert_int_equal(hw_store_list(fx->db.s, HW_REC_EPISODE, &f, copy_first, &fe, &err), 0);
    assert_string_equal(fe.e.id, "E3");
    assert_string_equal(fe.e.child_id, "C2");
    assert_int_equal(fe.e.kind, HW_KIND_MISSING);
    assert_int_equal(fe.e.last_seen, at("2024-05-02 10:00"));
    assert_int_equal(fe.e.returned, HW_NO_TIME);
    hw_record_clear(hw_episode_fields, &fe.e);

    /* the store is usable after a listing stopped early */
    begin(fx);
    put_child(fx, "C4", NULL, NULL);
    commit(fx);
    s.stop_after = 0;
    assert_string_equal(list_ids(fx, HW_REC_CHILD, &(struct hw_filter){0}, &s), "C1,C2,C3,C4");
}

/* ---- queries for the rules and the report ---- */

static void test_missing_starts(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    hw_instant *v = NULL;
    size_t n = 99;
    put_list_data(fx);
    begin(fx);
    put_episode(fx, "E5", "C1", "missing", "2024-04-01 08:00", "2024-04-01 09:00", NULL);
    commit(fx);

    assert_int_equal(hw_store_missing_starts(fx->db.s, "C1", &v, &n, &err), 0);
    assert_int_equal(n, 3); /* E2 is an absence */
    assert_int_equal(v[0], at("2024-04-01 08:00"));
    assert_int_equal(v[1], at("2024-05-01 10:00"));
    assert_int_equal(v[2], at("2024-06-01 00:00"));
    free(v);

    assert_int_equal(hw_store_missing_starts(fx->db.s, "C2", &v, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(v[0], at("2024-05-01 10:00"));
    assert_int_equal(v[1], at("2024-05-02 10:00"));
    free(v);

    v = NULL;
    assert_int_equal(hw_store_missing_starts(fx->db.s, "C9", &v, &n, &err), 0);
    assert_int_equal(n, 0);
    free(v);

    /* more than the first allocation holds */
    begin(fx);
    put_child(fx, "C7", NULL, NULL);
    for (int i = 40; i >= 1; i--) {
        char id[16], ls[32];
        snprintf(id, sizeof id, "M%02d", i);
        snprintf(ls, sizeof ls, "2023-01-%02d 1%d:00", i % 28 + 1, i / 28);
        put_episode(fx, id, "C7", i % 5 ? "missing" : "absent", ls, NULL, NULL);
    }
    commit(fx);
    assert_int_equal(hw_store_missing_starts(fx->db.s, "C7", &v, &n, &err), 0);
    assert_int_equal(n, 32);
    for (size_t i = 1; i < n; i++)
        assert_true(v[i - 1] <= v[i]);
    free(v);
}

struct facts {
    struct hw_episode_fact f[16];
    int n;
};

static void collect_fact(void *ctx, const struct hw_episode_fact *f)
{
    struct facts *fs = ctx;
    assert_true(fs->n < 16);
    fs->f[fs->n++] = *f;
}

static void test_episode_facts(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    hw_instant from = at("2024-05-01 00:00"), to = at("2024-06-01 00:00");
    begin(fx);
    put_child(fx, "A", NULL, NULL);
    put_child(fx, "B", NULL, "Dorset Council");
    put_child(fx, "Z", NULL, NULL);
    put_episode(fx, "F7", "A", "missing", "2024-04-30 23:59", NULL, "cla"); /* before */
    put_episode(fx, "F1", "A", "missing", "2024-05-01 00:00", NULL, "cla");
    put_episode(fx, "F2", "A", "missing", "2024-05-02 10:00", NULL, "cin");
    put_episode(fx, "F3", "B", "missing", "2024-05-03 10:00", NULL, NULL);
    put_episode(fx, "F4", "B", "absent", "2024-05-04 10:00", NULL, "cla"); /* absence */
    put_episode(fx, "F5", "A", "missing", "2024-05-31 23:59", NULL, NULL);
    put_episode(fx, "F6", "A", "missing", "2024-06-01 00:00", NULL, NULL); /* at `to` */
    put_episode(fx, "F8", "Z", "missing", "2024-05-05 10:00", NULL, "cla");
    put_interview(fx, "I1", "A", "F1", "2024-05-02 09:00", "pending");
    put_interview(fx, "I2", "A", "F2", NULL, "declined");
    put_interview(fx, "I3", "B", "F3", NULL, "completed");
    put_interview(fx, "I5", "A", "F5", NULL, "unavailable");
    put_interview(fx, "I6", "A", "F5", NULL, "not_required");
    put_interview(fx, "I7", "A", "F7;F6", "2024-06-02 09:00", "completed");
    put_interview(fx, "I8", "Z", "F8", "2024-05-06 09:00", "completed");
    commit(fx);

    struct facts fs = {0};
    assert_int_equal(hw_store_episode_facts(fx->db.s, from, to, collect_fact, &fs, &err), 0);
    assert_int_equal(fs.n, 5);
    static const struct {
        const char *last_seen;
        bool ola, cla, offered, done;
    } want[] = {
        {"2024-05-01 00:00", false, true, true, false},   /* F1: offered time */
        {"2024-05-02 10:00", false, false, true, false},  /* F2: declined */
        {"2024-05-03 10:00", true, false, true, true},    /* F3: completed, OLA */
        {"2024-05-05 10:00", false, true, true, true},    /* F8 */
        {"2024-05-31 23:59", false, false, false, false}, /* F5: not offered */
    };
    for (int i = 0; i < 5; i++) {
        assert_int_equal(fs.f[i].last_seen, at(want[i].last_seen));
        assert_true(fs.f[i].ola == want[i].ola);
        assert_true(fs.f[i].cla == want[i].cla);
        assert_true(fs.f[i].offered == want[i].offered);
        assert_true(fs.f[i].done == want[i].done);
    }
    /* one key per child */
    assert_true(fs.f[0].child_key == fs.f[1].child_key);
    assert_true(fs.f[0].child_key == fs.f[4].child_key);
    assert_true(fs.f[0].child_key != fs.f[2].child_key);
    assert_true(fs.f[0].child_key != fs.f[3].child_key);
    assert_true(fs.f[2].child_key != fs.f[3].child_key);

    /* the range edges, to the second */
    memset(&fs, 0, sizeof fs);
    assert_int_equal(
        hw_store_episode_facts(fx->db.s, from + 1, at("2024-05-31 23:59"), collect_fact, &fs, &err),
        0);
    assert_int_equal(fs.n, 3);
    assert_int_equal(fs.f[0].last_seen, at("2024-05-02 10:00"));
    assert_int_equal(fs.f[2].last_seen, at("2024-05-05 10:00"));
    memset(&fs, 0, sizeof fs);
    assert_int_equal(hw_store_episode_facts(fx->db.s, to, to + HW_DAY, collect_fact, &fs, &err), 0);
    assert_int_equal(fs.n, 1);
    assert_int_equal(fs.f[0].last_seen, to);
    assert_true(fs.f[0].offered && fs.f[0].done); /* F6 via I7 */
    memset(&fs, 0, sizeof fs);
    assert_int_equal(hw_store_episode_facts(fx->db.s, from, from, collect_fact, &fs, &err), 0);
    assert_int_equal(fs.n, 0);

    /* OLA follows the child's current record */
    begin(fx);
    put_child(fx, "B", NULL, NULL);
    commit(fx);
    memset(&fs, 0, sizeof fs);
    assert_int_equal(hw_store_episode_facts(fx->db.s, from, to, collect_fact, &fs, &err), 0);
    assert_int_equal(fs.n, 5);
    assert_false(fs.f[2].ola);
}

/* ---- link tables ---- */

static void test_links(void **state)
{
    struct fx *fx = *state;
    char v[256];
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    set(hw_episode_fields, &e, "episode_id", "L1");
    set(hw_episode_fields, &e, "child_id", "C1");
    set(hw_episode_fields, &e, "kind", "missing");
    set(hw_episode_fields, &e, "last_seen", "2024-05-01 10:00");
    set(hw_episode_fields, &e, "with_children", "C3; C2;C3");

    begin(fx);
    put_child(fx, "C1", NULL, NULL);
    put(fx, HW_REC_EPISODE, &e);
    put_episode(fx, "L2", "C1", "missing", "2024-05-02 10:00", NULL, NULL);
    put_episode(fx, "L3", "C1", "missing", "2024-05-03 10:00", NULL, NULL);
    put_interview(fx, "I1", "C1", "L1;L2", NULL, NULL);
    commit(fx);

    const char *with = "SELECT episode_id || ':' || child_id FROM episode_with "
                       "ORDER BY episode_id, child_id";
    const char *covers = "SELECT interview_id || ':' || episode_id FROM interview_episodes "
                         "ORDER BY interview_id, episode_id";
    query(fx->db.path, with, v, sizeof v);
    assert_string_equal(v, "L1:C2,L1:C3");
    query(fx->db.path, covers, v, sizeof v);
    assert_string_equal(v, "I1:L1,I1:L2");

    /* an update replaces the links */
    set(hw_episode_fields, &e, "with_children", "C4;C2");
    begin(fx);
    put(fx, HW_REC_EPISODE, &e);
    put_interview(fx, "I1", "C1", "L3;L2", NULL, NULL);
    put_interview(fx, "I2", "C1", "L1", NULL, NULL);
    commit(fx);
    query(fx->db.path, with, v, sizeof v);
    assert_string_equal(v, "L1:C2,L1:C4");
    query(fx->db.path, covers, v, sizeof v);
    assert_string_equal(v, "I1:L2,I1:L3,I2:L1");

    /* and an empty list removes them */
    set(hw_episode_fields, &e, "with_children", "");
    begin(fx);
    put(fx, HW_REC_EPISODE, &e);
    commit(fx);
    query(fx->db.path, with, v, sizeof v);
    assert_string_equal(v, "");
    hw_record_clear(hw_episode_fields, &e);

    /* the links are what the interview filter uses */
    struct seen s = {0};
    struct hw_filter f = {.episode_id = "L1"};
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I2");
    f.episode_id = "L3";
    assert_string_equal(list_ids(fx, HW_REC_INTERVIEW, &f, &s), "I1");
}

/* ---- periods of care ---- */

static int collect_period(void *ctx, const struct hw_care_period *p)
{
    struct hw_buf *b = ctx;
    char d1[HW_DATE_LEN], d2[HW_DATE_LEN] = "";
    hw_format_date(p->decom, d1);
    if (p->dec != HW_NO_DATE)
        hw_format_date(p->dec, d2);
    hw_buf_printf(b, "%s %s %s %s %s|", p->child_id, d1, d2, p->rec ? p->rec : "-",
                  p->ls ? p->ls : "-");
    return 0;
}

static void test_care_periods(void **state)
{
    struct fx *fx = *state;
    struct hw_err err = {0};
    struct hw_buf b = {0};
    put_child(fx, "C2", NULL, NULL);
    put_child(fx, "C1", NULL, NULL);
    struct hw_care_period p = {.child_id = "C2", .dec = HW_NO_DATE, .ls = "C2"};
    assert_int_equal(hw_parse_date("2022-05-01", &p.decom), 0);
    /* Outside a transaction: refused. */
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), -1);
    begin(fx);
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), 0);
    p.child_id = "C1";
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), 0);
    assert_int_equal(hw_parse_date("2021-01-10", &p.decom), 0);
    assert_int_equal(hw_parse_date("2021-03-01", &p.dec), 0);
    p.rec = "E11";
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), 0);
    /* The same child and start: replaced. */
    p.rec = "E4A";
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), 1);
    commit(fx);
    assert_int_equal(hw_store_list_care_periods(fx->db.s, NULL, collect_period, &b, &err), 0);
    assert_string_equal(b.data, "C1 2021-01-10 2021-03-01 E4A C2|C1 2022-05-01  - C2|"
                                "C2 2022-05-01  - C2|");
    hw_buf_reset(&b);
    assert_int_equal(hw_store_list_care_periods(fx->db.s, "C2", collect_period, &b, &err), 0);
    assert_string_equal(b.data, "C2 2022-05-01  - C2|");
    hw_buf_free(&b);
    /* A period of a child not stored: refused. */
    p.child_id = "C9";
    begin(fx);
    assert_int_equal(hw_store_put_care_period(fx->db.s, &p, &err), -1);
    hw_store_rollback(fx->db.s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_database, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_keys_on, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reopen_keeps_data, setup, teardown),
        cmocka_unit_test_setup_teardown(test_upgrade_from_version_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_append_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_database_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_trip_every_field, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get_unknown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_put_updates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_children, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_episodes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_interviews, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_stops_early, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_starts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_episode_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_care_periods, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
