/* auth.c - users, sign-in, sessions, API tokens and the audit chain (auth.h).
 *
 * Secrets (passwords, session, form and API tokens) never reach the store:
 * passwords as argon2id strings, tokens as the SHA-256 of their 32 bytes.
 * Slow work (argon2id) is done before a write transaction begins, so a
 * sign-in does not hold the database's write lock while hashing.
 */
#include "app/auth.h"

#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#define PASSWORD_MIN 12   /* characters (auth.h) */
#define PASSWORD_MAX 1024 /* bytes: bounds what one sign-in can make us hash */
#define TEXT_MAX     200  /* display names and teams (struct hw_principal's team) */
#define SCOPE_MAX    64   /* struct hw_principal's scope */
#define ADDRESS_MAX  100  /* a client address as kept for throttling and the audit */
#define DETAIL_MAX   4000 /* an audit entry's detail */
#define HASH_HEX     65   /* SHA-256 as hex + NUL */
#define TOKEN_BYTES  32

#define WRONG "the user name or password is wrong"

const struct hw_code hw_user_role_codes[] = {
    {HW_USER_ROLE_COORDINATOR, "coordinator", "Coordinator: everything operational"},
    {HW_USER_ROLE_TEAM_MANAGER, "team_manager",
     "Team manager: own team's children; decisions and sign-off"},
    {HW_USER_ROLE_WORKER, "worker", "Worker: children allocated to them or their team"},
    {HW_USER_ROLE_ANALYST, "analyst", "Analyst: reports only, pseudonymised"},
    {HW_USER_ROLE_POLICE_LIAISON, "police_liaison",
     "Police liaison: notifications in; interviews shared with police"},
    {HW_USER_ROLE_ADMIN, "admin", "Administrator: users and settings; no child records"},
    {0, NULL, NULL},
};

void hw_auth_limits_default(struct hw_auth_limits *l)
{
    *l = (struct hw_auth_limits){
        .idle_minutes = 30,
        .absolute_hours = 8,
        .account_failures = 5,
        .address_failures = 20,
        .failure_window_minutes = 15,
    };
}

/* ---- libsodium ---- */

static int sodium_status = -1;
static char dummy_hash[crypto_pwhash_STRBYTES]; /* for sign-ins of unknown users */

static void init_sodium(void)
{
    sodium_status = sodium_init() < 0 ? -1 : 0;
}

static int ready(struct hw_err *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_sodium);
    if (sodium_status < 0)
        return hw_fail(err, HW_EINTERNAL, "libsodium could not be initialised");
    return 0;
}

static void init_dummy(void)
{
    static const char pw[] = "not anyone's password";
    if (crypto_pwhash_str(dummy_hash, pw, sizeof pw - 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        dummy_hash[0] = '\0';
}

/* A stored password hash to check against when the user does not exist, so
 * that the time a refusal takes does not tell whether they do. */
static const char *unknown_user_hash(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_dummy);
    return dummy_hash;
}

static int hash_password(const char *password, char out[crypto_pwhash_STRBYTES], struct hw_err *err)
{
    if (crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return hw_fail(err, HW_EINTERNAL, "hashing the password failed (out of memory?)");
    return 0;
}

static void sha256_hex(const void *in, size_t n, char out[HASH_HEX])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, in, n);
    sodium_bin2hex(out, HASH_HEX, h, sizeof h);
}

/* A new secret: 32 random bytes as 64 lowercase hex (for the client) and
 * the SHA-256 of the bytes (for the store). */
static void new_secret(char hex[HW_TOKEN_HEX], char hash[HASH_HEX])
{
    unsigned char b[TOKEN_BYTES];
    randombytes_buf(b, sizeof b);
    sodium_bin2hex(hex, HW_TOKEN_HEX, b, sizeof b);
    sha256_hex(b, sizeof b, hash);
    sodium_memzero(b, sizeof b);
}

/* The stored form of a secret a client presents. False unless it is
 * exactly 64 lowercase hex characters (what new_secret hands out). */
static bool secret_hash(const char *hex, char hash[HASH_HEX])
{
    unsigned char b[TOKEN_BYTES];
    size_t len = 0;
    if (hex == NULL || strnlen(hex, 2 * TOKEN_BYTES + 1) != 2 * TOKEN_BYTES)
        return false;
    for (const char *p = hex; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    if (sodium_hex2bin(b, sizeof b, hex, 2 * TOKEN_BYTES, NULL, &len, NULL) != 0 || len != sizeof b)
        return false;
    sha256_hex(b, sizeof b, hash);
    sodium_memzero(b, sizeof b);
    return true;
}

/* ---- checking what callers give ---- */

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '@';
}

/* 1-64 of letters, digits, . _ - @; not "-", which the audit log uses for nobody. */
static bool name_ok(const char *s)
{
    size_t n = 0;
    if (s == NULL)
        return false;
    for (; s[n]; n++)
        if (n >= HW_USER_MAX || !name_char(s[n]))
            return false;
    return n > 0 && strcmp(s, "-") != 0;
}

static int check_name(const char *s, struct hw_err *err)
{
    if (name_ok(s))
        return 0;
    return hw_fail(err, HW_EINPUT,
                   "user name: expected 1 to %d letters, digits, '.', '_', '-' or '@', got '%.80s'",
                   HW_USER_MAX, s ? s : "");
}

static int check_password(const char *pw, struct hw_err *err)
{
    size_t chars = 0, bytes = pw ? strnlen(pw, PASSWORD_MAX + 1) : 0;
    if (bytes > PASSWORD_MAX)
        return hw_fail(err, HW_EINPUT, "password: at most %d bytes", PASSWORD_MAX);
    for (size_t i = 0; i < bytes; i++)
        chars += ((unsigned char)pw[i] & 0xC0) != 0x80; /* UTF-8: count lead bytes */
    if (chars < PASSWORD_MIN)
        return hw_fail(err, HW_EINPUT, "password: at least %d characters are needed, got %zu",
                       PASSWORD_MIN, chars);
    return 0;
}

/* Optional text: at most max bytes, no control characters. */
static int check_text(const char *s, const char *what, size_t max, struct hw_err *err)
{
    if (s == NULL)
        return 0;
    size_t n = strnlen(s, max + 1);
    if (n > max)
        return hw_fail(err, HW_EINPUT, "%s: at most %zu characters", what, max);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return hw_fail(err, HW_EINPUT, "%s: control characters are not allowed", what);
    return 0;
}

static int check_scope(const char *s, struct hw_err *err)
{
    size_t n = 0;
    for (; s && s[n]; n++)
        if (n >= SCOPE_MAX || !((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') ||
                                s[n] == '_' || s[n] == '.' || s[n] == '-'))
            break;
    if (n == 0 || (s && s[n]))
        return hw_fail(err, HW_EINPUT,
                       "scope: expected 1 to %d lower-case letters, digits, '_', '.' or '-', "
                       "got '%.80s'",
                       SCOPE_MAX, s ? s : "");
    return 0;
}

static int check_by(const struct hw_stamp *by, struct hw_err *err)
{
    if (by == NULL || by->user == NULL || !*by->user)
        return hw_fail(err, HW_EINPUT, "who is making the change is required");
    return 0;
}

static const char *or_null(const char *s)
{
    return s && *s ? s : NULL;
}

/* ---- reading users and sessions ---- */

struct user {
    bool found;
    char *user, *display_name, *team, *password_hash;
    int role;
    hw_instant created_at, disabled_at;
};

static int copy_user(void *ctx, const struct hw_user_row *r)
{
    struct user *u = ctx;
    u->found = true;
    u->user = hw_strdup(r->user);
    u->display_name = hw_strdup(r->display_name);
    u->team = hw_strdup(r->team);
    u->password_hash = hw_strdup(r->password_hash);
    u->role = hw_code_parse(hw_user_role_codes, r->role ? r->role : "");
    u->created_at = r->created_at;
    u->disabled_at = r->disabled_at;
    return 1;
}

static void user_free(struct user *u)
{
    if (u->password_hash)
        sodium_memzero(u->password_hash, strlen(u->password_hash));
    free(u->user);
    free(u->display_name);
    free(u->team);
    free(u->password_hash);
    *u = (struct user){0};
}

/* 1 found, 0 not, -1 fault. */
static int get_user(struct hw_store *s, const char *name, struct user *u, struct hw_err *err)
{
    *u = (struct user){0};
    if (hw_store_list_users(s, name, copy_user, u, err) < 0) {
        user_free(u);
        return -1;
    }
    return u->found;
}

static void principal_of(const struct user *u, struct hw_principal *who)
{
    *who = (struct hw_principal){.role = u->role};
    snprintf(who->user, sizeof who->user, "%s", u->user);
    snprintf(who->team, sizeof who->team, "%s", u->team ? u->team : "");
    snprintf(who->display_name, sizeof who->display_name, "%s",
             u->display_name ? u->display_name : u->user);
}

struct session {
    char user[HW_USER_MAX + 1];
    char csrf_hash[HASH_HEX];
    hw_instant created_at, last_used_at, ended_at;
};

static int copy_session(void *ctx, const struct hw_session_row *r)
{
    struct session *se = ctx;
    snprintf(se->user, sizeof se->user, "%s", r->user ? r->user : "");
    snprintf(se->csrf_hash, sizeof se->csrf_hash, "%s", r->csrf_hash ? r->csrf_hash : "");
    se->created_at = r->created_at;
    se->last_used_at = r->last_used_at;
    se->ended_at = r->ended_at;
    return 0;
}

/* Commits when rc is 0, else rolls back; returns rc, or -1 when the commit fails. */
static int finish(struct hw_store *s, int rc, struct hw_err *err)
{
    if (rc == 0 && hw_store_commit(s, err) < 0)
        rc = -1;
    if (rc < 0)
        hw_store_rollback(s);
    return rc;
}

/* ---- the audit log ---- */

static void hash_field(crypto_hash_sha256_state *h, const char *s, bool last)
{
    if (s)
        crypto_hash_sha256_update(h, (const unsigned char *)s, strlen(s));
    if (!last)
        crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

/* hex(SHA-256(prev_hash "\n" seq "\n" at "\n" user "\n" action "\n"
 * record_type "\n" record_id "\n" detail)); a field not recorded is empty. */
static void audit_hash(const struct hw_audit_row *e, char out[65])
{
    crypto_hash_sha256_state h;
    unsigned char sum[crypto_hash_sha256_BYTES];
    char seq[24], at[24];
    snprintf(seq, sizeof seq, "%lld", e->seq);
    snprintf(at, sizeof at, "%lld", (long long)e->at);
    crypto_hash_sha256_init(&h);
    hash_field(&h, e->prev_hash, false);
    hash_field(&h, seq, false);
    hash_field(&h, at, false);
    hash_field(&h, e->user, false);
    hash_field(&h, e->action, false);
    hash_field(&h, e->record_type, false);
    hash_field(&h, e->record_id, false);
    hash_field(&h, e->detail, true);
    crypto_hash_sha256_final(&h, sum);
    sodium_bin2hex(out, 65, sum, sizeof sum);
}

/* A field before the detail may not hold a newline: the hash separates
 * fields by newlines, so one could otherwise pass for two. */
static int check_audit_field(const char *s, const char *what, size_t max, struct hw_err *err)
{
    if (s == NULL)
        return 0;
    if (strnlen(s, max + 1) > max)
        return hw_fail(err, HW_EINPUT, "audit %s: at most %zu characters", what, max);
    if (strchr(s, '\n'))
        return hw_fail(err, HW_EINPUT, "audit %s: a line break is not allowed", what);
    return 0;
}

int hw_audit(struct hw_store *s, const char *user, hw_instant at, const char *action,
             const char *record_type, const char *record_id, const char *detail, struct hw_err *err)
{
    if (ready(err) < 0)
        return -1;
    user = or_null(user) ? user : "-";
    if (!or_null(action))
        return hw_fail(err, HW_EINPUT, "audit action: required");
    if (check_audit_field(user, "user", TEXT_MAX, err) < 0 ||
        check_audit_field(action, "action", 64, err) < 0 ||
        check_audit_field(record_type, "record type", 64, err) < 0 ||
        check_audit_field(record_id, "record ID", TEXT_MAX, err) < 0)
        return -1;
    if (detail && strnlen(detail, DETAIL_MAX + 1) > DETAIL_MAX)
        return hw_fail(err, HW_EINPUT, "audit detail: at most %d characters", DETAIL_MAX);

    /* In the caller's transaction when there is one, so the entry stands or
     * falls with what it records; else in one of its own. */
    bool own = !hw_store_in_transaction(s);
    if (own && hw_store_begin(s, err) < 0)
        return -1;
    struct hw_audit_row e = {
        .at = at,
        .user = user,
        .action = action,
        .record_type = or_null(record_type),
        .record_id = or_null(record_id),
        .detail = or_null(detail),
    };
    int rc = hw_store_audit_append(s, &e, audit_hash, err);
    return own ? finish(s, rc, err) : rc;
}

struct verify {
    long long checked;
    char prev[65];
    long long bad;
    const char *why;
};

/* Detects an entry changed (its hash), removed or inserted in the middle
 * (the numbering and the previous hash). A log cut short at the end, or
 * rewritten from some entry on with the hashes recomputed, passes: only a
 * copy of the last hash kept elsewhere (an anchor) can show that. */
static int verify_one(void *ctx, const struct hw_audit_row *e)
{
    struct verify *v = ctx;
    char h[65];
    long long want = v->checked + 1;
    if (e->seq != want) {
        v->bad = want;
        v->why = e->seq > want ? "is missing" : "is out of order";
        return 1;
    }
    if (!e->prev_hash || strcmp(e->prev_hash, v->prev) != 0) {
        v->bad = e->seq;
        v->why = "does not follow the entry before it";
        return 1;
    }
    audit_hash(e, h);
    if (!e->hash || strcmp(e->hash, h) != 0) {
        v->bad = e->seq;
        v->why = "does not match its hash";
        return 1;
    }
    memcpy(v->prev, h, sizeof v->prev);
    v->checked++;
    return 0;
}

int hw_audit_verify(struct hw_store *s, long long *checked, struct hw_err *err)
{
    struct hw_audit_filter f = {0};
    struct verify v = {0};
    if (checked)
        *checked = 0;
    if (ready(err) < 0)
        return -1;
    snprintf(v.prev, sizeof v.prev, "%064d", 0);
    if (hw_store_audit_list(s, &f, verify_one, &v, err) < 0)
        return -1;
    if (checked)
        *checked = v.checked;
    if (v.why)
        return hw_fail(err, HW_EINPUT, "audit entry %lld %s: the log was altered", v.bad, v.why);
    return 0;
}

struct audit_list {
    int (*cb)(void *ctx, const struct hw_audit_entry *e);
    void *ctx;
};

static int audit_list_one(void *ctx, const struct hw_audit_row *r)
{
    struct audit_list *l = ctx;
    struct hw_audit_entry e = {
        .seq = r->seq,
        .at = r->at,
        .user = r->user,
        .action = r->action,
        .record_type = r->record_type,
        .record_id = r->record_id,
        .detail = r->detail,
    };
    return l->cb(l->ctx, &e);
}

int hw_audit_list(struct hw_store *s, const char *user, const char *action, bool newest_first,
                  size_t limit, int (*cb)(void *ctx, const struct hw_audit_entry *e), void *ctx,
                  struct hw_err *err)
{
    struct hw_audit_filter f = {
        .user = user, .action = action, .newest_first = newest_first, .limit = limit};
    struct audit_list l = {cb, ctx};
    return hw_store_audit_list(s, &f, audit_list_one, &l, err);
}

/* ---- users ---- */

int hw_user_add(struct hw_store *s, const char *user, const char *display_name, int role,
                const char *team, const char *password, const struct hw_stamp *by,
                struct hw_err *err)
{
    char hash[crypto_pwhash_STRBYTES], detail[TEXT_MAX + 200];
    int rc = -1;
    display_name = or_null(display_name);
    team = or_null(team);
    if (ready(err) < 0 || check_name(user, err) < 0 ||
        check_text(display_name, "display name", TEXT_MAX, err) < 0 ||
        check_text(team, "team", TEXT_MAX, err) < 0 || check_by(by, err) < 0)
        return -1;
    if (hw_code_name(hw_user_role_codes, role)[0] == '\0') {
        char list[200];
        hw_code_list(hw_user_role_codes, list, sizeof list);
        return hw_fail(err, HW_EINPUT, "role: expected one of %s", list);
    }
    if (check_password(password, err) < 0 || hash_password(password, hash, err) < 0)
        return -1;
    if (hw_store_begin(s, err) < 0)
        goto done;
    struct hw_user_row u = {
        .user = user,
        .display_name = display_name,
        .role = hw_code_name(hw_user_role_codes, role),
        .team = team,
        .password_hash = hash,
        .created_at = by->at,
        .created_by = by->user,
        .disabled_at = HW_NO_TIME,
    };
    int added = hw_store_add_user(s, &u, err);
    if (added == 0)
        hw_fail(err, HW_ECONFLICT, "user %s already exists", user);
    snprintf(detail, sizeof detail, "role %s%s%s%s%s", u.role, team ? ", team " : "",
             team ? team : "", by->source ? ", via " : "", by->source ? by->source : "");
    rc = added > 0 ? hw_audit(s, by->user, by->at, "user_add", "user", user, detail, err) : -1;
    rc = finish(s, rc, err);
done:
    sodium_memzero(hash, sizeof hash);
    return rc;
}

int hw_user_disable(struct hw_store *s, const char *user, const struct hw_stamp *by,
                    struct hw_err *err)
{
    struct user u;
    char detail[120];
    int rc = -1, ended, revoked;
    if (ready(err) < 0 || check_name(user, err) < 0 || check_by(by, err) < 0 ||
        hw_store_begin(s, err) < 0)
        return -1;
    int found = get_user(s, user, &u, err);
    if (found < 0)
        goto done;
    if (found == 0) {
        hw_fail(err, HW_ENOTFOUND, "no user %s", user);
        goto done;
    }
    if (u.disabled_at != HW_NO_TIME) {
        hw_fail(err, HW_ECONFLICT, "user %s is already disabled", user);
        goto done;
    }
    /* Their sessions and tokens stop working: checks also look at the
     * user, but ending them here leaves nothing open to find. */
    if (hw_store_update_user(s, user, NULL, by->at, err) < 0 ||
        (ended = hw_store_end_sessions(s, NULL, user, by->at, err)) < 0 ||
        (revoked = hw_store_revoke_tokens(s, user, by->at, err)) < 0)
        goto done;
    snprintf(detail, sizeof detail, "ended %d session%s, revoked %d API token%s%s%.40s", ended,
             ended == 1 ? "" : "s", revoked, revoked == 1 ? "" : "s", by->source ? ", via " : "",
             by->source ? by->source : "");
    rc = hw_audit(s, by->user, by->at, "user_disable", "user", user, detail, err);
done:
    if (found >= 0)
        user_free(&u);
    return finish(s, rc, err);
}

int hw_user_set_password(struct hw_store *s, const char *user, const char *password,
                         const struct hw_stamp *by, struct hw_err *err)
{
    char hash[crypto_pwhash_STRBYTES], detail[120];
    int rc = -1;
    if (ready(err) < 0 || check_name(user, err) < 0 || check_by(by, err) < 0 ||
        check_password(password, err) < 0 || hash_password(password, hash, err) < 0)
        return -1;
    if (hw_store_begin(s, err) < 0)
        goto done;
    int changed = hw_store_update_user(s, user, hash, HW_NO_TIME, err), ended = 0;
    if (changed == 0)
        hw_fail(err, HW_ENOTFOUND, "no user %s", user);
    if (changed > 0 && (ended = hw_store_end_sessions(s, NULL, user, by->at, err)) >= 0) {
        snprintf(detail, sizeof detail, "ended %d session%s%s%.40s", ended, ended == 1 ? "" : "s",
                 by->source ? ", via " : "", by->source ? by->source : "");
        rc = hw_audit(s, by->user, by->at, "user_password", "user", user, detail, err);
    }
    rc = finish(s, rc, err);
done:
    sodium_memzero(hash, sizeof hash);
    return rc;
}

struct user_list {
    int (*cb)(void *ctx, const struct hw_user_info *u);
    void *ctx;
    const char *bad; /* a user with a role this build does not know */
};

static int user_list_one(void *ctx, const struct hw_user_row *r)
{
    struct user_list *l = ctx;
    struct hw_user_info u = {
        .user = r->user,
        .display_name = r->display_name,
        .team = r->team,
        .role = hw_code_parse(hw_user_role_codes, r->role ? r->role : ""),
        .created_at = r->created_at,
        .disabled_at = r->disabled_at,
    };
    if (u.role <= 0) {
        l->bad = r->user;
        return 1;
    }
    return l->cb(l->ctx, &u);
}

int hw_user_list(struct hw_store *s, int (*cb)(void *ctx, const struct hw_user_info *u), void *ctx,
                 struct hw_err *err)
{
    struct user_list l = {cb, ctx, NULL};
    if (hw_store_list_users(s, NULL, user_list_one, &l, err) < 0)
        return -1;
    if (l.bad)
        return hw_fail(err, HW_EINTERNAL, "stored user has an unknown role");
    return 0;
}

/* ---- sign-in and sessions ---- */

/* Whether key is locked out at now: it has at least limit failures in the
 * window. Then *until is when enough of them leave the window (rounded up
 * to the minute, as the message shows minutes). 1 locked, 0 not, -1 fault. */
static int locked(struct hw_store *s, const char *key, int limit, hw_instant window, hw_instant now,
                  hw_instant *until, struct hw_err *err)
{
    hw_instant *t;
    size_t n;
    if (key == NULL || limit <= 0)
        return 0;
    if (hw_store_list_failures(s, key, now - window + 1, &t, &n, err) < 0)
        return -1;
    int rc = 0;
    if (n >= (size_t)limit) {
        hw_instant u = t[n - (size_t)limit] + window;
        if (u % HW_MINUTE)
            u += HW_MINUTE - u % HW_MINUTE;
        if (*until == HW_NO_TIME || u > *until)
            *until = u;
        rc = 1;
    }
    free(t);
    return rc;
}

static int throttled(struct hw_store *s, const struct hw_auth_limits *l, const char *ukey,
                     const char *akey, hw_instant now, hw_instant *until, struct hw_err *err)
{
    hw_instant window = (hw_instant)l->failure_window_minutes * HW_MINUTE;
    int a = locked(s, ukey, l->account_failures, window, now, until, err);
    int b = a < 0 ? -1 : locked(s, akey, l->address_failures, window, now, until, err);
    return a < 0 || b < 0 ? -1 : a || b;
}

int hw_signin(struct hw_store *s, const struct hw_auth_limits *l, const char *user,
              const char *password, const char *address, hw_instant now, char token[HW_TOKEN_HEX],
              char csrf[HW_TOKEN_HEX], struct hw_principal *who, struct hw_err *err)
{
    struct hw_auth_limits defaults;
    struct user u = {0};
    char ukey[HW_USER_MAX + 8], akey[ADDRESS_MAX + 8], addr[ADDRESS_MAX + 1] = "";
    char thash[HASH_HEX], chash[HASH_HEX], detail[ADDRESS_MAX + 80], when[HW_LOCAL_LEN];
    hw_instant until = HW_NO_TIME;
    bool name_valid = name_ok(user), ok = false;
    int rc = -1, lock = 0, found = 0;

    token[0] = csrf[0] = '\0';
    if (ready(err) < 0)
        return -1;
    if (l == NULL)
        hw_auth_limits_default(&defaults), l = &defaults;
    if (address)
        for (size_t i = 0; address[i] && i < ADDRESS_MAX; i++)
            addr[i] = (unsigned char)address[i] < 0x20 || address[i] == 0x7f ? '?' : address[i];
    snprintf(ukey, sizeof ukey, "user:%s", name_valid ? user : "");
    snprintf(akey, sizeof akey, "addr:%s", addr);
    /* A name that cannot be a user's is throttled by address only. */
    const char *uk = name_valid ? ukey : NULL, *ak = *addr ? akey : NULL;

    if (name_valid && (found = get_user(s, user, &u, err)) < 0)
        return -1;
    /* A locked account or address is refused whatever the password, and the
     * password is not checked. */
    if ((lock = throttled(s, l, uk, ak, now, &until, err)) < 0)
        goto done;
    if (!lock) {
        /* The same work whether or not the user exists. */
        const char *hash = found ? u.password_hash : unknown_user_hash();
        bool match = password && strnlen(password, PASSWORD_MAX + 1) <= PASSWORD_MAX &&
                     crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
        ok = found && match && u.disabled_at == HW_NO_TIME;
        snprintf(detail, sizeof detail, "%s%s%s",
                 ok       ? ""
                 : !found ? "unknown user"
                 : !match ? "wrong password"
                          : "disabled user",
                 *addr ? (ok ? "from " : ", from ") : "", addr);
    }

    /* Record the outcome in one transaction. Failures that have left the
     * window are forgotten; the limits are looked at again under the write
     * lock, so sign-ins racing each other cannot pass them. */
    if (hw_store_begin(s, err) < 0)
        goto done;
    int wrc = hw_store_clear_failures(
        s, NULL, now - (hw_instant)l->failure_window_minutes * HW_MINUTE + 1, err);
    if (wrc == 0 && !lock && (lock = throttled(s, l, uk, ak, now, &until, err)) < 0)
        wrc = -1;
    if (wrc == 0 && lock) {
        hw_format_local(until, when);
        snprintf(detail, sizeof detail, "locked until %s%s%s", when, *addr ? ", from " : "", addr);
        wrc = hw_audit(s, found ? user : "-", now, "signin_refused", NULL, NULL, detail, err);
    } else if (wrc == 0 && !ok) {
        if ((uk && hw_store_add_failure(s, uk, now, err) < 0) ||
            (ak && hw_store_add_failure(s, ak, now, err) < 0) ||
            hw_audit(s, found ? user : "-", now, "signin_failed", NULL, NULL, detail, err) < 0)
            wrc = -1;
    } else if (wrc == 0) {
        new_secret(token, thash);
        hw_session_csrf(token, csrf);
        secret_hash(csrf, chash);
        struct hw_session_row r = {
            .token_hash = thash,
            .user = u.user,
            .csrf_hash = chash,
            .address = *addr ? addr : NULL,
            .created_at = now,
            .last_used_at = now,
            .ended_at = HW_NO_TIME,
        };
        if (hw_store_clear_failures(s, uk, INT64_MAX, err) < 0 ||
            hw_store_add_session(s, &r, err) < 0 ||
            hw_audit(s, u.user, now, "signin", NULL, NULL, or_null(detail), err) < 0)
            wrc = -1;
    }
    if (finish(s, wrc, err) < 0)
        goto done;
    if (lock) {
        hw_fail(err, HW_EINPUT, "too many failed sign-ins: try again after %s", when + 11);
    } else if (!ok) {
        hw_fail(err, HW_EINPUT, WRONG);
    } else {
        principal_of(&u, who);
        rc = 0;
    }
done:
    if (rc < 0) {
        sodium_memzero(token, HW_TOKEN_HEX);
        sodium_memzero(csrf, HW_TOKEN_HEX);
    }
    user_free(&u);
    return rc;
}

int hw_session_check(struct hw_store *s, const struct hw_auth_limits *l, const char *token,
                     hw_instant now, struct hw_principal *who, struct hw_err *err)
{
    struct hw_auth_limits defaults;
    struct session se;
    struct user u;
    char thash[HASH_HEX];
    if (ready(err) < 0)
        return -1;
    if (l == NULL)
        hw_auth_limits_default(&defaults), l = &defaults;
    if (!secret_hash(token, thash))
        return 0;
    int found = hw_store_get_session(s, thash, copy_session, &se, err);
    if (found <= 0)
        return found;
    if (se.ended_at != HW_NO_TIME)
        return 0;
    /* Ends when unused for idle_minutes, or absolute_hours after sign-in:
     * at those instants exactly it has ended, and stays ended. */
    if (now - se.last_used_at >= l->idle_minutes * HW_MINUTE ||
        now - se.created_at >= l->absolute_hours * HW_HOUR)
        return hw_store_end_sessions(s, thash, NULL, now, err) < 0 ? -1 : 0;
    if ((found = get_user(s, se.user, &u, err)) <= 0)
        return found;
    int rc = 0;
    if (u.disabled_at == HW_NO_TIME && u.role > 0) {
        rc = now > se.last_used_at && hw_store_touch_session(s, thash, now, err) < 0 ? -1 : 1;
        if (rc > 0)
            principal_of(&u, who);
    }
    user_free(&u);
    return rc;
}

void hw_session_csrf(const char *token, char csrf[HW_TOKEN_HEX])
{
    static const unsigned char label[] = "homeward session form token";
    unsigned char key[TOKEN_BYTES], mac[crypto_auth_hmacsha256_BYTES];
    size_t len = 0;
    csrf[0] = '\0';
    if (token == NULL || strnlen(token, 2 * TOKEN_BYTES + 1) != 2 * TOKEN_BYTES ||
        sodium_hex2bin(key, sizeof key, token, 2 * TOKEN_BYTES, NULL, &len, NULL) != 0 ||
        len != sizeof key)
        return;
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, sizeof key);
    crypto_auth_hmacsha256_update(&st, label, sizeof label - 1);
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(csrf, HW_TOKEN_HEX, mac, sizeof mac);
    sodium_memzero(key, sizeof key);
    sodium_memzero(&st, sizeof st);
}

bool hw_session_csrf_ok(struct hw_store *s, const char *token, const char *csrf)
{
    struct session se;
    struct hw_err err;
    char thash[HASH_HEX], chash[HASH_HEX];
    if (ready(&err) < 0 || !secret_hash(token, thash) || !secret_hash(csrf, chash) ||
        hw_store_get_session(s, thash, copy_session, &se, &err) <= 0 || se.ended_at != HW_NO_TIME ||
        strlen(se.csrf_hash) != HASH_HEX - 1)
        return false;
    return sodium_memcmp(se.csrf_hash, chash, HASH_HEX - 1) == 0;
}

int hw_signout(struct hw_store *s, const char *token, hw_instant now, struct hw_err *err)
{
    struct session se;
    char thash[HASH_HEX];
    if (ready(err) < 0)
        return -1;
    if (!secret_hash(token, thash))
        return 0; /* no such session: nothing to end */
    if (hw_store_begin(s, err) < 0)
        return -1;
    int rc = 0, found = hw_store_get_session(s, thash, copy_session, &se, err);
    if (found < 0)
        rc = -1;
    else if (found > 0 && se.ended_at == HW_NO_TIME)
        rc = hw_store_end_sessions(s, thash, NULL, now, err) < 0 ||
                     hw_audit(s, se.user, now, "signout", NULL, NULL, NULL, err) < 0
                 ? -1
                 : 0;
    return finish(s, rc, err);
}

/* ---- API tokens ---- */

int hw_api_token_create(struct hw_store *s, const char *user, const char *scope,
                        const struct hw_stamp *by, char token[HW_TOKEN_HEX], struct hw_err *err)
{
    struct user u = {0};
    char thash[HASH_HEX], detail[SCOPE_MAX + 60];
    int rc = -1;
    token[0] = '\0';
    if (ready(err) < 0 || check_name(user, err) < 0 || check_scope(scope, err) < 0 ||
        check_by(by, err) < 0 || hw_store_begin(s, err) < 0)
        return -1;
    int found = get_user(s, user, &u, err);
    if (found == 0)
        hw_fail(err, HW_ENOTFOUND, "no user %s", user);
    else if (found > 0 && u.disabled_at != HW_NO_TIME)
        hw_fail(err, HW_ECONFLICT, "user %s is disabled", user);
    else if (found > 0) {
        new_secret(token, thash);
        struct hw_token_row r = {
            .token_hash = thash,
            .user = user,
            .scope = scope,
            .created_at = by->at,
            .created_by = by->user,
            .revoked_at = HW_NO_TIME,
        };
        snprintf(detail, sizeof detail, "scope %s%s%.40s", scope, by->source ? ", via " : "",
                 by->source ? by->source : "");
        if (hw_store_add_token(s, &r, err) == 0 &&
            hw_audit(s, by->user, by->at, "token_create", "user", user, detail, err) == 0)
            rc = 0;
    }
    if (found >= 0)
        user_free(&u);
    rc = finish(s, rc, err);
    if (rc < 0)
        sodium_memzero(token, HW_TOKEN_HEX);
    return rc;
}

struct token {
    char user[HW_USER_MAX + 1];
    char scope[SCOPE_MAX + 1];
    hw_instant revoked_at;
};

static int copy_token(void *ctx, const struct hw_token_row *r)
{
    struct token *t = ctx;
    snprintf(t->user, sizeof t->user, "%s", r->user ? r->user : "");
    snprintf(t->scope, sizeof t->scope, "%s", r->scope ? r->scope : "");
    t->revoked_at = r->revoked_at;
    return 0;
}

int hw_api_token_check(struct hw_store *s, const char *token, struct hw_principal *who,
                       struct hw_err *err)
{
    struct token t;
    struct user u;
    char thash[HASH_HEX];
    if (ready(err) < 0)
        return -1;
    if (!secret_hash(token, thash))
        return 0;
    int found = hw_store_get_token(s, thash, copy_token, &t, err);
    if (found <= 0)
        return found;
    if (t.revoked_at != HW_NO_TIME)
        return 0;
    if ((found = get_user(s, t.user, &u, err)) <= 0)
        return found;
    int rc = 0;
    if (u.disabled_at == HW_NO_TIME && u.role > 0) {
        principal_of(&u, who);
        who->by_token = true;
        snprintf(who->scope, sizeof who->scope, "%s", t.scope);
        rc = 1;
    }
    user_free(&u);
    return rc;
}

bool hw_may_see_child(const struct hw_principal *who, const struct hw_child *child)
{
    switch (who->role) {
    case HW_USER_ROLE_COORDINATOR:
        return true;
    case HW_USER_ROLE_TEAM_MANAGER:
    case HW_USER_ROLE_WORKER:
        return who->team[0] && child->team && strcmp(child->team, who->team) == 0;
    default:
        return false;
    }
}

/* ---- pseudonyms ---- */

int hw_pseudonym_key(struct hw_store *s, unsigned char key[HW_PSEUDONYM_KEY], struct hw_err *err)
{
    unsigned char fresh[HW_PSEUDONYM_KEY];
    randombytes_buf(fresh, sizeof fresh);
    bool own = !hw_store_in_transaction(s);
    int rc = -1;
    if (own && hw_store_begin(s, err) < 0)
        goto done;
    if (hw_store_secret(s, "pseudonym_key", fresh, sizeof fresh, key, err) < 0) {
        if (own)
            hw_store_rollback(s);
        goto done;
    }
    if (own && hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    rc = 0;
done:
    sodium_memzero(fresh, sizeof fresh);
    return rc;
}

void hw_pseudonym(const unsigned char key[HW_PSEUDONYM_KEY], const char *id,
                  char out[HW_PSEUDONYM_LEN])
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key, HW_PSEUDONYM_KEY);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)id, strlen(id));
    crypto_auth_hmacsha256_final(&st, mac);
    out[0] = 'P';
    sodium_bin2hex(out + 1, HW_PSEUDONYM_LEN - 1, mac, (HW_PSEUDONYM_LEN - 2) / 2);
}
