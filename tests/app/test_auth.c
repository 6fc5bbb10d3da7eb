/* test_auth.c - users, sign-in, throttling, sessions, API tokens and the
 * audit chain (app/auth.c), against a real database. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sodium.h>
#include <sqlite3.h>

#include "app/auth.h"
#include "core/mem.h"
#include "support/testdb.h"

#define PW     "correct horse battery"
#define WRONG  "the user name or password is wrong"
#define ADDR   "192.0.2.10"
#define ZEROES "0000000000000000000000000000000000000000000000000000000000000000"

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

/* ---- helpers ---- */

static hw_instant at(const char *local)
{
    hw_instant t;
    assert_int_equal(hw_parse_local_time(local, &t, NULL), 0);
    return t;
}

static void add_user(struct hw_test_db *db, const char *name, int role, const char *team)
{
    struct hw_err err = {0};
    struct hw_stamp by = {.at = at("2017-04-01 09:00"), .user = "admin", .source = "test"};
    if (hw_user_add(db->s, name, NULL, role, team, PW, &by, &err) != 0)
        fail_msg("adding %s: %s", name, err.msg);
}

/* Runs SQL on a second connection to the database file; the rows as
 * "a|b\n" lines (NULL as "-"), or "ERROR: message". Owned by the caller. */
static int row(void *ctx, int n, char **v, char **names)
{
    (void)names;
    struct hw_buf *b = ctx;
    for (int i = 0; i < n; i++)
        hw_buf_printf(b, "%s%s", i ? "|" : "", v[i] ? v[i] : "-");
    hw_buf_putc(b, '\n');
    return 0;
}

static char *sql(struct hw_test_db *db, const char *text)
{
    struct hw_buf b = {0};
    sqlite3 *c;
    char *msg = NULL;
    assert_int_equal(sqlite3_open(db->path, &c), SQLITE_OK);
    if (sqlite3_exec(c, text, row, &b, &msg) != SQLITE_OK) {
        hw_buf_reset(&b);
        hw_buf_printf(&b, "ERROR: %s", msg ? msg : "?");
    }
    sqlite3_free(msg);
    sqlite3_close(c);
    return hw_buf_take(&b);
}

static void sql_is(struct hw_test_db *db, const char *text, const char *want)
{
    char *got = sql(db, text);
    assert_string_equal(got, want);
    free(got);
}

struct signin {
    int rc;
    struct hw_err err;
    char token[HW_TOKEN_HEX], csrf[HW_TOKEN_HEX];
    struct hw_principal who;
};

static struct signin signin(struct hw_test_db *db, const struct hw_auth_limits *l, const char *user,
                            const char *pw, const char *addr, hw_instant now)
{
    struct signin r;
    memset(&r, 0, sizeof r);
    r.rc = hw_signin(db->s, l, user, pw, addr, now, r.token, r.csrf, &r.who, &r.err);
    return r;
}

static void refused(const struct signin *r, const char *msg)
{
    assert_int_equal(r->rc, -1);
    assert_int_equal(r->err.kind, HW_EINPUT);
    assert_string_equal(r->err.msg, msg);
    assert_string_equal(r->token, "");
}

static bool is_hex64(const char *s)
{
    if (strlen(s) != 64)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static int session(struct hw_test_db *db, const struct hw_auth_limits *l, const char *token,
                   hw_instant now)
{
    struct hw_principal who;
    struct hw_err err = {0};
    int rc = hw_session_check(db->s, l, token, now, &who, &err);
    if (rc < 0)
        fail_msg("session check: %s", err.msg);
    return rc;
}

static int collect_user(void *ctx, const struct hw_user_info *u)
{
    char created[HW_LOCAL_LEN], disabled[HW_LOCAL_LEN] = "-";
    hw_format_local(u->created_at, created);
    if (u->disabled_at != HW_NO_TIME)
        hw_format_local(u->disabled_at, disabled);
    hw_buf_printf(ctx, "%s|%s|%s|%s|%s|%s\n", u->user, u->display_name ? u->display_name : "-",
                  hw_code_name(hw_user_role_codes, u->role), u->team ? u->team : "-", created,
                  disabled);
    return 0;
}

static char *users(struct hw_test_db *db)
{
    struct hw_buf b = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_user_list(db->s, collect_user, &b, &err), 0);
    return b.data ? hw_buf_take(&b) : hw_strdup("");
}

static int collect_audit(void *ctx, const struct hw_audit_entry *e)
{
    hw_buf_printf(ctx, "%lld|%s|%s|%s|%s|%s\n", e->seq, e->user, e->action,
                  e->record_type ? e->record_type : "-", e->record_id ? e->record_id : "-",
                  e->detail ? e->detail : "-");
    return 0;
}

static char *audit(struct hw_test_db *db, const char *user, const char *action, bool newest,
                   size_t limit)
{
    struct hw_buf b = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_audit_list(db->s, user, action, newest, limit, collect_audit, &b, &err), 0);
    return b.data ? hw_buf_take(&b) : hw_strdup("");
}

static void audit_is(struct hw_test_db *db, const char *user, const char *action, bool newest,
                     size_t limit, const char *want)
{
    char *got = audit(db, user, action, newest, limit);
    assert_string_equal(got, want);
    free(got);
}

/* ---- users ---- */

static void test_users_add_list_disable(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_stamp by = {.at = at("2017-04-01 09:00"), .user = "admin", .source = "cli"};
    char *list;

    assert_int_equal(hw_user_add(db->s, "zoe.price@example.org", "Zoe Price",
                                 HW_USER_ROLE_TEAM_MANAGER, "CiC 1", PW, &by, &err),
                     0);
    assert_int_equal(hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL, PW, &by, &err), 0);
    assert_int_equal(hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_ADMIN, NULL, PW, &by, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_string_equal(err.msg, "user amy already exists");

    list = users(db);
    assert_string_equal(list, "amy|-|worker|-|2017-04-01 09:00|-\n"
                              "zoe.price@example.org|Zoe Price|team_manager|CiC 1|"
                              "2017-04-01 09:00|-\n");
    free(list);
    /* only the hash is kept: argon2id */
    sql_is(db,
           "SELECT substr(password_hash, 1, 10), instr(password_hash, 'horse') FROM users "
           "WHERE user = 'amy'",
           "$argon2id$|0\n");

    by.at = at("2017-04-02 10:30");
    assert_int_equal(hw_user_disable(db->s, "amy", &by, &err), 0);
    list = users(db);
    assert_string_equal(list, "amy|-|worker|-|2017-04-01 09:00|2017-04-02 10:30\n"
                              "zoe.price@example.org|Zoe Price|team_manager|CiC 1|"
                              "2017-04-01 09:00|-\n");
    free(list);
    assert_int_equal(hw_user_disable(db->s, "amy", &by, &err), -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_string_equal(err.msg, "user amy is already disabled");
    assert_int_equal(hw_user_disable(db->s, "nobody", &by, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_string_equal(err.msg, "no user nobody");
    assert_int_equal(hw_user_set_password(db->s, "nobody", PW, &by, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);

    audit_is(db, NULL, NULL, false, 0,
             "1|admin|user_add|user|zoe.price@example.org|role team_manager, team CiC 1, via cli\n"
             "2|admin|user_add|user|amy|role worker, via cli\n"
             "3|admin|user_disable|user|amy|ended 0 sessions, revoked 0 API tokens, via cli\n");
}

static void test_bad_names_roles_passwords(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_stamp by = {.at = at("2017-04-01 09:00"), .user = "admin", .source = "cli"};
    char long_name[HW_USER_MAX + 2];
    static const char *const bad_names[] = {"", "a b", "amy;", "-", "am\xc3\xa9", "a/b", NULL};

    for (int i = 0; bad_names[i]; i++) {
        assert_int_equal(
            hw_user_add(db->s, bad_names[i], NULL, HW_USER_ROLE_WORKER, NULL, PW, &by, &err), -1);
        assert_int_equal(err.kind, HW_EINPUT);
        assert_non_null(strstr(err.msg, "user name: expected 1 to 64 letters"));
    }
    memset(long_name, 'a', sizeof long_name);
    long_name[HW_USER_MAX + 1] = '\0';
    assert_int_equal(hw_user_add(db->s, long_name, NULL, HW_USER_ROLE_WORKER, NULL, PW, &by, &err),
                     -1);
    long_name[HW_USER_MAX] = '\0'; /* 64 is allowed */
    assert_int_equal(hw_user_add(db->s, long_name, NULL, HW_USER_ROLE_WORKER, NULL, PW, &by, &err),
                     0);

    assert_int_equal(hw_user_add(db->s, "amy", NULL, 0, NULL, PW, &by, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "role: expected one of "
                                 "coordinator|team_manager|worker|analyst|police_liaison|admin");
    assert_int_equal(hw_user_add(db->s, "amy", NULL, 7, NULL, PW, &by, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);

    /* 11 characters are too few; 12 are enough; characters, not bytes */
    assert_int_equal(
        hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL, "abcdefghijk", &by, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "password: at least 12 characters are needed, got 11");
    assert_int_equal(hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL,
                                 "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                                 "\xc3\xa9\xc3\xa9\xc3\xa9",
                                 &by, &err),
                     -1);
    assert_string_equal(err.msg, "password: at least 12 characters are needed, got 11");
    assert_int_equal(hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL, NULL, &by, &err),
                     -1);
    assert_int_equal(hw_user_add(db->s, "amy", "A\nB", HW_USER_ROLE_WORKER, NULL, PW, &by, &err),
                     -1);
    assert_string_equal(err.msg, "display name: control characters are not allowed");
    assert_int_equal(hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL, PW, NULL, &err),
                     -1);
    assert_int_equal(
        hw_user_add(db->s, "amy", NULL, HW_USER_ROLE_WORKER, NULL, "abcdefghijkl", &by, &err), 0);
    assert_int_equal(hw_user_set_password(db->s, "amy", "short", &by, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);

    /* Nothing refused was stored or audited. */
    sql_is(db, "SELECT count(*) FROM users", "2\n");
    sql_is(db, "SELECT count(*) FROM audit", "2\n");
}

/* ---- sign-in ---- */

static void test_signin_right_and_wrong(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_stamp by = {.at = at("2017-04-01 09:00"), .user = "admin", .source = "cli"};
    hw_instant now = at("2017-04-05 09:00");
    struct signin r;

    add_user(db, "amy", HW_USER_ROLE_WORKER, "CiC 1");
    add_user(db, "ben", HW_USER_ROLE_ANALYST, NULL);

    r = signin(db, NULL, "amy", PW, ADDR, now);
    assert_int_equal(r.rc, 0);
    assert_true(is_hex64(r.token));
    assert_true(is_hex64(r.csrf));
    assert_string_not_equal(r.token, r.csrf);
    assert_string_equal(r.who.user, "amy");
    assert_int_equal(r.who.role, HW_USER_ROLE_WORKER);
    assert_string_equal(r.who.team, "CiC 1");
    assert_false(r.who.by_token);
    assert_int_equal(session(db, NULL, r.token, now + 60), 1);
    /* only hashes are stored */
    char q[200];
    snprintf(q, sizeof q,
             "SELECT count(*) FROM sessions WHERE token_hash = '%s' OR csrf_hash = '%s'", r.token,
             r.csrf);
    sql_is(db, q, "0\n");
    sql_is(db, "SELECT user, address, length(token_hash), length(csrf_hash) FROM sessions",
           "amy|" ADDR "|64|64\n");

    /* The same answer for a wrong password, an unknown user, a disabled one. */
    r = signin(db, NULL, "amy", "not the password", ADDR, now);
    refused(&r, WRONG);
    r = signin(db, NULL, "nobody", PW, ADDR, now);
    refused(&r, WRONG);
    r = signin(db, NULL, "not a name!", PW, ADDR, now);
    refused(&r, WRONG);
    r = signin(db, NULL, "amy", NULL, NULL, now);
    refused(&r, WRONG);
    assert_int_equal(hw_user_disable(db->s, "ben", &by, &err), 0);
    r = signin(db, NULL, "ben", PW, NULL, now);
    refused(&r, WRONG);

    audit_is(db, NULL, "signin", false, 0, "3|amy|signin|-|-|from " ADDR "\n");
    audit_is(db, NULL, "signin_failed", false, 0,
             "4|amy|signin_failed|-|-|wrong password, from " ADDR "\n"
             "5|-|signin_failed|-|-|unknown user, from " ADDR "\n"
             "6|-|signin_failed|-|-|unknown user, from " ADDR "\n"
             "7|amy|signin_failed|-|-|wrong password\n"
             "9|ben|signin_failed|-|-|disabled user\n");
    /* the name tried is kept for throttling only, never in the log */
    sql_is(db, "SELECT count(*) FROM audit WHERE detail LIKE '%nobody%'", "0\n");
}

static void test_throttle_account(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_auth_limits l;
    hw_instant t0 = at("2017-04-05 09:00");
    struct signin r;

    hw_auth_limits_default(&l);
    assert_int_equal(l.account_failures, 5);
    assert_int_equal(l.failure_window_minutes, 15);
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);

    /* Five failures, each from a different address: the fifth still fails
     * as a wrong password. */
    for (int i = 0; i < 5; i++) {
        char addr[32];
        snprintf(addr, sizeof addr, "198.51.100.%d", i);
        r = signin(db, &l, "amy", "guess guess guess", addr, t0 + i * 60);
        refused(&r, WRONG);
    }
    /* The sixth attempt is refused even with the right password, until the
     * first failure leaves the window at 09:15. */
    r = signin(db, &l, "amy", PW, "203.0.113.1", t0 + 5 * 60);
    refused(&r, "too many failed sign-ins: try again after 09:15");
    r = signin(db, &l, "amy", PW, "203.0.113.1", t0 + 15 * 60 - 1);
    refused(&r, "too many failed sign-ins: try again after 09:15");
    /* Other accounts are not affected. */
    add_user(db, "ben", HW_USER_ROLE_WORKER, NULL);
    r = signin(db, &l, "ben", PW, "203.0.113.1", t0 + 6 * 60);
    assert_int_equal(r.rc, 0);
    /* Refusals while locked are not failures: the lock does not grow. */
    r = signin(db, &l, "amy", PW, "203.0.113.1", t0 + 15 * 60);
    assert_int_equal(r.rc, 0);
    audit_is(db, "amy", "signin_refused", false, 0,
             "7|amy|signin_refused|-|-|locked until 2017-04-05 09:15, from 203.0.113.1\n"
             "8|amy|signin_refused|-|-|locked until 2017-04-05 09:15, from 203.0.113.1\n");

    /* A successful sign-in clears the account's failures. */
    for (int i = 0; i < 4; i++) {
        r = signin(db, &l, "amy", "guess guess guess", NULL, t0 + 16 * 60 + i);
        refused(&r, WRONG);
    }
    r = signin(db, &l, "amy", PW, NULL, t0 + 17 * 60);
    assert_int_equal(r.rc, 0);
    r = signin(db, &l, "amy", "guess guess guess", NULL, t0 + 17 * 60 + 1);
    refused(&r, WRONG);
    r = signin(db, &l, "amy", PW, NULL, t0 + 17 * 60 + 2);
    assert_int_equal(r.rc, 0);

    /* An unknown name is throttled the same way, so a lock does not tell
     * whether the account exists; a lock at an odd second is shown rounded
     * up to the minute. */
    hw_instant t1 = at("2017-04-05 10:00") + 30;
    for (int i = 0; i < 5; i++) {
        r = signin(db, &l, "nobody", PW, NULL, t1 + i);
        refused(&r, WRONG);
    }
    r = signin(db, &l, "nobody", PW, NULL, t1 + 5);
    refused(&r, "too many failed sign-ins: try again after 10:16");
}

static void test_throttle_address(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_auth_limits l;
    hw_instant t0 = at("2017-01-10 14:00"); /* GMT */
    struct signin r;

    hw_auth_limits_default(&l);
    l.address_failures = 3;
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);

    /* Three failures from one address, each for a different name. */
    r = signin(db, &l, "x1", PW, ADDR, t0);
    refused(&r, WRONG);
    r = signin(db, &l, "x2", PW, ADDR, t0 + 120);
    refused(&r, WRONG);
    r = signin(db, &l, "x3", PW, ADDR, t0 + 240);
    refused(&r, WRONG);
    /* The address is locked, for any account; other addresses are not. */
    r = signin(db, &l, "amy", PW, ADDR, t0 + 300);
    refused(&r, "too many failed sign-ins: try again after 14:15");
    r = signin(db, &l, "amy", PW, "192.0.2.99", t0 + 300);
    assert_int_equal(r.rc, 0);
    /* The first failure leaves the window at 14:15 exactly. */
    r = signin(db, &l, "amy", PW, ADDR, t0 + 15 * 60 - 1);
    refused(&r, "too many failed sign-ins: try again after 14:15");
    r = signin(db, &l, "amy", PW, ADDR, t0 + 15 * 60);
    assert_int_equal(r.rc, 0);
    /* Failures that have left the window are forgotten. */
    sql_is(db, "SELECT key FROM signin_failures ORDER BY at, key",
           "addr:" ADDR "\nuser:x2\naddr:" ADDR "\nuser:x3\n");
}

/* ---- sessions ---- */

static void test_session_idle_expiry(void **state)
{
    struct hw_test_db *db = *state;
    hw_instant t = at("2017-04-05 09:00");
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);
    struct signin r = signin(db, NULL, "amy", PW, NULL, t);
    assert_int_equal(r.rc, 0);

    /* Each use restarts the 30 minutes. */
    assert_int_equal(session(db, NULL, r.token, t + 30 * 60 - 1), 1);
    t += 30 * 60 - 1;
    assert_int_equal(session(db, NULL, r.token, t + 30 * 60 - 1), 1);
    t += 30 * 60 - 1;
    sql_is(db, "SELECT last_used_at - created_at FROM sessions", "3598\n");
    /* Unused for 30 minutes exactly: ended, for good. */
    assert_int_equal(session(db, NULL, r.token, t + 30 * 60), 0);
    assert_int_equal(session(db, NULL, r.token, t + 60), 0);
    sql_is(db, "SELECT ended_at - created_at FROM sessions", "5398\n");

    /* The limit is the caller's. */
    struct hw_auth_limits l;
    hw_auth_limits_default(&l);
    l.idle_minutes = 5;
    r = signin(db, &l, "amy", PW, NULL, t);
    assert_int_equal(r.rc, 0);
    assert_int_equal(session(db, &l, r.token, t + 5 * 60 - 1), 1);
    assert_int_equal(session(db, &l, r.token, t + 5 * 60 - 1 + 5 * 60), 0);
}

static void test_session_absolute_expiry(void **state)
{
    struct hw_test_db *db = *state;
    hw_instant t = at("2017-04-05 09:00");
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);
    struct signin r = signin(db, NULL, "amy", PW, NULL, t);
    assert_int_equal(r.rc, 0);

    /* Used every 29 minutes, it still ends 8 hours after sign-in. */
    hw_instant used = t;
    for (int k = 1; used + 29 * 60 < t + 8 * HW_HOUR; k++) {
        used = t + k * 29 * 60;
        assert_int_equal(session(db, NULL, r.token, used), 1);
    }
    assert_int_equal(session(db, NULL, r.token, t + 8 * HW_HOUR - 1), 1);
    assert_int_equal(session(db, NULL, r.token, t + 8 * HW_HOUR), 0);
}

static void test_signout_and_csrf(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    hw_instant t = at("2017-04-05 09:00");
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);
    struct signin a = signin(db, NULL, "amy", PW, NULL, t);
    struct signin b = signin(db, NULL, "amy", PW, NULL, t);
    assert_int_equal(a.rc, 0);
    assert_int_equal(b.rc, 0);
    assert_string_not_equal(a.token, b.token);

    /* Each session's form token is its own. */
    assert_true(hw_session_csrf_ok(db->s, a.token, a.csrf));
    assert_false(hw_session_csrf_ok(db->s, a.token, b.csrf));
    assert_false(hw_session_csrf_ok(db->s, a.token, a.token));
    char near[HW_TOKEN_HEX];
    memcpy(near, a.csrf, sizeof near);
    near[63] = near[63] == '0' ? '1' : '0';
    assert_false(hw_session_csrf_ok(db->s, a.token, near));
    assert_false(hw_session_csrf_ok(db->s, a.token, ""));
    assert_false(hw_session_csrf_ok(db->s, a.token, NULL));

    /* The form token is the session token's keyed hash: the page can ask
     * for it again; a malformed token has none. */
    char again[HW_TOKEN_HEX];
    hw_session_csrf(a.token, again);
    assert_string_equal(again, a.csrf);
    hw_session_csrf("abc", again);
    assert_string_equal(again, "");
    hw_session_csrf(NULL, again);
    assert_string_equal(again, "");

    /* Malformed and unknown tokens are no sessions. */
    char upper[HW_TOKEN_HEX];
    memcpy(upper, a.token, sizeof upper);
    for (char *p = upper; *p; p++)
        if (*p >= 'a' && *p <= 'f')
            *p = (char)(*p - 'a' + 'A');
    assert_int_equal(session(db, NULL, "", t), 0);
    assert_int_equal(session(db, NULL, "abc", t), 0);
    assert_int_equal(session(db, NULL, ZEROES, t), 0);
    assert_int_equal(session(db, NULL, strcmp(upper, a.token) ? upper : ZEROES, t), 0);

    assert_int_equal(hw_signout(db->s, a.token, t + 60, &err), 0);
    assert_int_equal(session(db, NULL, a.token, t + 61), 0);
    assert_false(hw_session_csrf_ok(db->s, a.token, a.csrf));
    assert_int_equal(session(db, NULL, b.token, t + 61), 1);
    /* Signing out again, or with a token that is none, changes nothing. */
    assert_int_equal(hw_signout(db->s, a.token, t + 120, &err), 0);
    assert_int_equal(hw_signout(db->s, "nonsense", t + 120, &err), 0);
    audit_is(db, NULL, "signout", false, 0, "4|amy|signout|-|-|-\n");
}

/* Analysts' pseudonyms: stable for a child (the key is kept in the
 * database, also across connections), different between children and
 * between databases, and shaped "P" + 12 hex digits. */
static void test_pseudonyms(void **state)
{
    struct hw_test_db *db = *state, other;
    struct hw_err err = {0};
    unsigned char k1[HW_PSEUDONYM_KEY], k2[HW_PSEUDONYM_KEY], k3[HW_PSEUDONYM_KEY];
    char a[HW_PSEUDONYM_LEN], b[HW_PSEUDONYM_LEN], c[HW_PSEUDONYM_LEN];
    assert_int_equal(hw_pseudonym_key(db->s, k1, &err), 0);
    hw_store_close(db->s);
    assert_int_equal(hw_store_open(db->path, &db->s, &err), 0);
    assert_int_equal(hw_pseudonym_key(db->s, k2, &err), 0);
    assert_memory_equal(k1, k2, sizeof k1);
    hw_pseudonym(k1, "C001194", a);
    hw_pseudonym(k2, "C001194", b);
    assert_string_equal(a, b);
    assert_int_equal(strlen(a), 13);
    assert_int_equal(a[0], 'P');
    assert_int_equal(strspn(a + 1, "0123456789abcdef"), 12);
    hw_pseudonym(k1, "C001195", c);
    assert_string_not_equal(a, c);
    assert_int_equal(hw_test_db_open(&other), 0);
    assert_int_equal(hw_pseudonym_key(other.s, k3, &err), 0);
    assert_memory_not_equal(k1, k3, sizeof k1);
    hw_pseudonym(k3, "C001194", c);
    assert_string_not_equal(a, c);
    hw_test_db_close(&other);
}

static void test_password_change_ends_sessions(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    hw_instant t = at("2017-04-05 09:00");
    struct hw_stamp by = {.at = t + 60, .user = "admin", .source = "cli"};
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);
    struct signin r = signin(db, NULL, "amy", PW, NULL, t);
    assert_int_equal(r.rc, 0);

    assert_int_equal(hw_user_set_password(db->s, "amy", "a new passphrase", &by, &err), 0);
    assert_int_equal(session(db, NULL, r.token, t + 120), 0);
    r = signin(db, NULL, "amy", PW, NULL, t + 120);
    refused(&r, WRONG);
    r = signin(db, NULL, "amy", "a new passphrase", NULL, t + 180);
    assert_int_equal(r.rc, 0);
    audit_is(db, NULL, "user_password", false, 0,
             "3|admin|user_password|user|amy|ended 1 session, via cli\n");
}

/* ---- API tokens ---- */

static void test_api_tokens(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    struct hw_principal who;
    hw_instant t = at("2017-04-05 09:00");
    struct hw_stamp by = {.at = t, .user = "admin", .source = "cli"};
    char token[HW_TOKEN_HEX], other[HW_TOKEN_HEX];

    add_user(db, "police-feed", HW_USER_ROLE_POLICE_LIAISON, "Police");
    add_user(db, "amy", HW_USER_ROLE_WORKER, NULL);
    assert_int_equal(hw_api_token_create(db->s, "police-feed", "notifications", &by, token, &err),
                     0);
    assert_true(is_hex64(token));
    assert_int_equal(hw_api_token_create(db->s, "police-feed", "notifications", &by, other, &err),
                     0);
    assert_string_not_equal(token, other);

    memset(&who, 0, sizeof who);
    assert_int_equal(hw_api_token_check(db->s, token, &who, &err), 1);
    assert_string_equal(who.user, "police-feed");
    assert_int_equal(who.role, HW_USER_ROLE_POLICE_LIAISON);
    assert_string_equal(who.team, "Police");
    assert_true(who.by_token);
    assert_string_equal(who.scope, "notifications");
    assert_int_equal(hw_api_token_check(db->s, ZEROES, &who, &err), 0);
    assert_int_equal(hw_api_token_check(db->s, "x", &who, &err), 0);
    assert_int_equal(hw_api_token_check(db->s, NULL, &who, &err), 0);
    /* a session token is not an API token, nor the other way round */
    struct signin r = signin(db, NULL, "amy", PW, NULL, t);
    assert_int_equal(r.rc, 0);
    assert_int_equal(hw_api_token_check(db->s, r.token, &who, &err), 0);
    assert_int_equal(session(db, NULL, token, t), 0);

    assert_int_equal(hw_api_token_create(db->s, "nobody", "notifications", &by, other, &err), -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    assert_string_equal(other, "");
    assert_int_equal(hw_api_token_create(db->s, "amy", "Bad Scope", &by, other, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_int_equal(hw_api_token_create(db->s, "amy", "", &by, other, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);

    /* Disabling the user revokes their tokens and ends their sessions. */
    assert_int_equal(hw_user_disable(db->s, "police-feed", &by, &err), 0);
    assert_int_equal(hw_api_token_check(db->s, token, &who, &err), 0);
    assert_int_equal(hw_api_token_check(db->s, other, &who, &err), 0);
    assert_int_equal(hw_api_token_create(db->s, "police-feed", "notifications", &by, other, &err),
                     -1);
    assert_int_equal(err.kind, HW_ECONFLICT);
    assert_int_equal(hw_user_disable(db->s, "amy", &by, &err), 0);
    assert_int_equal(session(db, NULL, r.token, t + 60), 0);
    sql_is(db, "SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL", "0\n");
    audit_is(db, NULL, "user_disable", false, 0,
             "6|admin|user_disable|user|police-feed|ended 0 sessions, revoked 2 API tokens, "
             "via cli\n"
             "7|admin|user_disable|user|amy|ended 1 session, revoked 0 API tokens, via cli\n");
    /* the token itself is in no table */
    char q[200];
    snprintf(q, sizeof q, "SELECT count(*) FROM api_tokens WHERE token_hash = '%s'", token);
    sql_is(db, q, "0\n");
}

/* ---- the audit log ---- */

static void chain_hash(const char *prev, const char *seq, const char *when, const char *user,
                       const char *action, const char *type, const char *id, const char *detail,
                       char out[65])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    char *text = hw_asprintf("%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s", prev, seq, when, user, action, type,
                             id, detail);
    crypto_hash_sha256(h, (const unsigned char *)text, strlen(text));
    sodium_bin2hex(out, 65, h, sizeof h);
    free(text);
}

static void three_entries(struct hw_test_db *db)
{
    struct hw_err err = {0};
    assert_int_equal(hw_audit(db->s, "amy", 1491379200, "view", "child", "C1", NULL, &err), 0);
    assert_int_equal(
        hw_audit(db->s, NULL, 1491379260, "export", NULL, NULL, "monthly 2017-04", &err), 0);
    assert_int_equal(hw_audit(db->s, "ben", 1491379320, "change", "episode", "E1",
                              "risk medium -> high\nsecond line", &err),
                     0);
}

static void test_audit_chain(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    long long n = -1;
    char h1[65], h2[65], h3[65], want[400];

    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 0);
    three_entries(db);
    audit_is(db, NULL, NULL, false, 0,
             "1|amy|view|child|C1|-\n"
             "2|-|export|-|-|monthly 2017-04\n"
             "3|ben|change|episode|E1|risk medium -> high\nsecond line\n");

    /* Each hash covers the fields and the hash before it. */
    chain_hash(ZEROES, "1", "1491379200", "amy", "view", "child", "C1", "", h1);
    chain_hash(h1, "2", "1491379260", "-", "export", "", "", "monthly 2017-04", h2);
    chain_hash(h2, "3", "1491379320", "ben", "change", "episode", "E1",
               "risk medium -> high\nsecond line", h3);
    snprintf(want, sizeof want, "1|%s|%s\n2|%s|%s\n3|%s|%s\n", ZEROES, h1, h1, h2, h2, h3);
    sql_is(db, "SELECT seq, prev_hash, hash FROM audit ORDER BY seq", want);
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 3);

    /* The log refuses changes and deletions. */
    char *got = sql(db, "UPDATE audit SET detail = 'x' WHERE seq = 2");
    assert_string_equal(got, "ERROR: the audit log is never changed");
    free(got);
    got = sql(db, "DELETE FROM audit WHERE seq = 3");
    assert_string_equal(got, "ERROR: the audit log is never changed");
    free(got);

    /* Someone with the file drops the trigger and alters an entry. */
    sql_is(db, "DROP TRIGGER audit_kept_u; UPDATE audit SET detail = 'x' WHERE seq = 2", "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "audit entry 2 does not match its hash: the log was altered");
    assert_int_equal(n, 1);

    /* Altering an entry and its hash breaks the link to the next. */
    sql_is(db, "UPDATE audit SET detail = 'monthly 2017-04' WHERE seq = 2", "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    char forged[65], update[200];
    chain_hash(h1, "2", "1491379260", "eve", "export", "", "", "monthly 2017-04", forged);
    snprintf(update, sizeof update, "UPDATE audit SET user = 'eve', hash = '%s' WHERE seq = 2",
             forged);
    sql_is(db, update, "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), -1);
    assert_string_equal(err.msg,
                        "audit entry 3 does not follow the entry before it: the log was altered");
    assert_int_equal(n, 2);
}

static void test_audit_removal(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    long long n = -1;

    three_entries(db);
    assert_int_equal(hw_audit(db->s, "amy", 1491379380, "view", "child", "C2", NULL, &err), 0);
    sql_is(db, "DROP TRIGGER audit_kept_d", "");

    /* An entry removed from the middle is missed: the numbering has a gap
     * (and the next entry's previous hash no longer matches). */
    sql_is(db, "DELETE FROM audit WHERE seq = 2", "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), -1);
    assert_string_equal(err.msg, "audit entry 2 is missing: the log was altered");
    assert_int_equal(n, 1);

    /* So is the first, whose previous hash is the zeros. */
    sql_is(db, "DELETE FROM audit WHERE seq = 1", "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), -1);
    assert_string_equal(err.msg, "audit entry 1 is missing: the log was altered");
    assert_int_equal(n, 0);
}

/* A log cut short at its end is still a valid chain: nothing inside the
 * database can show that entries after the last were ever there. Detecting
 * that needs an anchor kept elsewhere (the last seq and hash, copied out);
 * docs/security.md says so. */
static void test_audit_truncation_needs_an_anchor(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};
    long long n = -1;

    three_entries(db);
    sql_is(db, "DROP TRIGGER audit_kept_d; DELETE FROM audit WHERE seq = 3", "");
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 2);
    /* the chain goes on from the new last entry */
    assert_int_equal(hw_audit(db->s, "amy", 1491379500, "view", "child", "C1", NULL, &err), 0);
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 3);
}

static void test_audit_in_transactions(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_err err = {0};

    /* In the caller's transaction, the entry stands or falls with it. */
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_audit(db->s, "amy", 1491379200, "change", "child", "C1", NULL, &err), 0);
    assert_true(hw_store_in_transaction(db->s));
    hw_store_rollback(db->s);
    sql_is(db, "SELECT count(*) FROM audit", "0\n");
    assert_int_equal(hw_store_begin(db->s, &err), 0);
    assert_int_equal(hw_audit(db->s, "amy", 1491379200, "change", "child", "C1", NULL, &err), 0);
    assert_int_equal(hw_audit(db->s, "amy", 1491379201, "change", "child", "C2", NULL, &err), 0);
    assert_int_equal(hw_store_commit(db->s, &err), 0);
    /* Alone, it commits its own. */
    assert_false(hw_store_in_transaction(db->s));
    assert_int_equal(hw_audit(db->s, "amy", 1491379202, "view", "child", "C1", "", &err), 0);
    assert_false(hw_store_in_transaction(db->s));
    sql_is(db, "SELECT seq, record_id, detail FROM audit", "1|C1|-\n2|C2|-\n3|C1|-\n");

    /* A line break before the detail could make one field pass for two. */
    assert_int_equal(hw_audit(db->s, "amy\nview", 1491379203, "view", NULL, NULL, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "audit user: a line break is not allowed");
    assert_int_equal(hw_audit(db->s, "amy", 1491379203, "", NULL, NULL, NULL, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    long long n;
    assert_int_equal(hw_audit_verify(db->s, &n, &err), 0);
    assert_int_equal(n, 3);
}

static void test_audit_list_filters(void **state)
{
    struct hw_test_db *db = *state;
    three_entries(db);
    audit_is(db, NULL, NULL, true, 0,
             "3|ben|change|episode|E1|risk medium -> high\nsecond line\n"
             "2|-|export|-|-|monthly 2017-04\n"
             "1|amy|view|child|C1|-\n");
    audit_is(db, NULL, NULL, true, 1, "3|ben|change|episode|E1|risk medium -> high\nsecond line\n");
    audit_is(db, NULL, NULL, false, 2,
             "1|amy|view|child|C1|-\n"
             "2|-|export|-|-|monthly 2017-04\n");
    audit_is(db, "amy", NULL, false, 0, "1|amy|view|child|C1|-\n");
    audit_is(db, "-", NULL, false, 0, "2|-|export|-|-|monthly 2017-04\n");
    audit_is(db, NULL, "export", false, 0, "2|-|export|-|-|monthly 2017-04\n");
    audit_is(db, "amy", "export", false, 0, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_users_add_list_disable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_names_roles_passwords, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signin_right_and_wrong, setup, teardown),
        cmocka_unit_test_setup_teardown(test_throttle_account, setup, teardown),
        cmocka_unit_test_setup_teardown(test_throttle_address, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_idle_expiry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_session_absolute_expiry, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signout_and_csrf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_password_change_ends_sessions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pseudonyms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_api_tokens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_removal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_truncation_needs_an_anchor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_in_transactions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_audit_list_filters, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
