/* auth.h - users, roles, sign-in, sessions, API tokens and the audit log.
 *
 * Homeward holds records about vulnerable children: every person signs in,
 * every session and API token is a random secret stored only as a hash,
 * every sign-in (successful or not), view of a child's record, change and
 * export is written to an append-only audit log whose entries are chained
 * by hash, so that altering or removing one is detected.
 *
 * Passwords: argon2id (libsodium crypto_pwhash_str, interactive limits).
 * Tokens: 32 random bytes (randombytes_buf), shown to the client as 64 hex
 * characters, stored as their SHA-256. Comparisons of secrets are constant
 * time. Errors: HW_EINPUT for the caller's mistakes (with a message that
 * names the field), HW_EINTERNAL for faults; sign-in failures never say
 * whether the user or the password was wrong.
 */
#ifndef HW_AUTH_H
#define HW_AUTH_H

#include <stdbool.h>

#include "core/domain.h"
#include "core/hwtime.h"
#include "core/records.h"
#include "store/store.h"

/* Roles (issue: web application, roles and teams). Named hw_user_role, not
 * hw_role: core/routing.h's enum hw_role is who a notification goes to. */
enum hw_user_role {
    HW_USER_ROLE_COORDINATOR = 1, /* everything operational */
    HW_USER_ROLE_TEAM_MANAGER,    /* own team's children; decisions and sign-off */
    HW_USER_ROLE_WORKER,          /* children allocated to them or their team */
    HW_USER_ROLE_ANALYST,         /* reports only, pseudonymised */
    HW_USER_ROLE_POLICE_LIAISON,  /* notifications in; interviews shared with police */
    HW_USER_ROLE_ADMIN            /* users and settings; no child records */
};
/* coordinator, team_manager, worker, analyst, police_liaison, admin */
extern const struct hw_code hw_user_role_codes[];

#define HW_TOKEN_HEX 65 /* 64 hex characters + NUL */
#define HW_USER_MAX  64 /* user names: letters, digits, . _ - @ */

/* Who is acting. */
struct hw_principal {
    char user[HW_USER_MAX + 1];
    int role; /* enum hw_user_role */
    char team[201];
    char display_name[201];
    bool by_token;  /* an API token, not a signed-in person */
    char scope[65]; /* the token's scope, e.g. "notifications" */
};

/* Session and throttling limits. */
struct hw_auth_limits {
    int idle_minutes;           /* 30: a session unused this long ends */
    int absolute_hours;         /* 8: a session ends this long after sign-in, used or not */
    int account_failures;       /* 5 failed sign-ins for one account ... */
    int address_failures;       /* 20 from one address ... */
    int failure_window_minutes; /* 15: ... in this window lock it out for the window */
};
void hw_auth_limits_default(struct hw_auth_limits *l);

/* ---- users ---- */

/* Adds a user. password: at least 12 characters. Returns 0, or -1 (a user
 * of that name exists: HW_ECONFLICT; a bad name, role or password:
 * HW_EINPUT). The change is audited as made by `by`. */
int hw_user_add(struct hw_store *s, const char *user, const char *display_name, int role,
                const char *team, const char *password, const struct hw_stamp *by,
                struct hw_err *err);
/* Disables a user: their sessions and tokens stop working. */
int hw_user_disable(struct hw_store *s, const char *user, const struct hw_stamp *by,
                    struct hw_err *err);
/* Sets a new password (at least 12 characters); ends the user's sessions. */
int hw_user_set_password(struct hw_store *s, const char *user, const char *password,
                         const struct hw_stamp *by, struct hw_err *err);

struct hw_user_info {
    const char *user, *display_name, *team;
    int role;                           /* enum hw_user_role */
    hw_instant created_at, disabled_at; /* disabled_at HW_NO_TIME while active */
};
int hw_user_list(struct hw_store *s, int (*cb)(void *ctx, const struct hw_user_info *u), void *ctx,
                 struct hw_err *err);

/* ---- sign-in and sessions ---- */

/* Checks the password and starts a session. address: the client's address
 * (for throttling and the audit; may be NULL). On success fills token and
 * csrf (hex secrets for the cookie and the form token) and who. Refused
 * (wrong user or password, disabled, or throttled): -1 with HW_EINPUT and
 * "the user name or password is wrong" or "too many failed sign-ins: try
 * again after HH:MM". Every attempt is audited. */
int hw_signin(struct hw_store *s, const struct hw_auth_limits *l, const char *user,
              const char *password, const char *address, hw_instant now, char token[HW_TOKEN_HEX],
              char csrf[HW_TOKEN_HEX], struct hw_principal *who, struct hw_err *err);
/* The session of a token: 1 valid (who filled, last use updated), 0 unknown,
 * expired or signed out, -1 fault. */
int hw_session_check(struct hw_store *s, const struct hw_auth_limits *l, const char *token,
                     hw_instant now, struct hw_principal *who, struct hw_err *err);
/* The form (CSRF) token of a session token: a keyed hash of it, so the
 * page can ask for it again (GET /api/v1/me) without it being stored. ""
 * when token is not a session token's form. */
void hw_session_csrf(const char *token, char csrf[HW_TOKEN_HEX]);
/* True when csrf is the session's form token (constant-time). */
bool hw_session_csrf_ok(struct hw_store *s, const char *token, const char *csrf);
/* Ends a session (audited). */
int hw_signout(struct hw_store *s, const char *token, hw_instant now, struct hw_err *err);

/* ---- API tokens (machine clients, e.g. the police notification feed) ---- */

int hw_api_token_create(struct hw_store *s, const char *user, const char *scope,
                        const struct hw_stamp *by, char token[HW_TOKEN_HEX], struct hw_err *err);
/* 1 valid (who filled, by_token set), 0 unknown or revoked, -1 fault. */
int hw_api_token_check(struct hw_store *s, const char *token, struct hw_principal *who,
                       struct hw_err *err);

/* ---- who may see a child ---- */

/* A coordinator sees every child; a team manager or a worker the children
 * of their own team; analysts (pseudonymised reports only), police liaison
 * (shared interviews only) and admins (no child records) none. */
bool hw_may_see_child(const struct hw_principal *who, const struct hw_child *child);

/* ---- pseudonyms for analysts ---- */

#define HW_PSEUDONYM_KEY 32 /* bytes of the key */
#define HW_PSEUDONYM_LEN 14 /* "P" + 12 hex digits + NUL */

/* The database's pseudonym key: made (randomly) the first time it is
 * asked for and kept, so a child has the same pseudonym in every answer. */
int hw_pseudonym_key(struct hw_store *s, unsigned char key[HW_PSEUDONYM_KEY], struct hw_err *err);
/* The pseudonym of an ID: "P" and 12 hex digits of its keyed hash
 * (HMAC-SHA-256). Without the key it cannot be turned back into the ID. */
void hw_pseudonym(const unsigned char key[HW_PSEUDONYM_KEY], const char *id,
                  char out[HW_PSEUDONYM_LEN]);

/* ---- the audit log ---- */

/* Appends an entry: who (user name, or "-" when none), when, what (a short
 * code: "signin", "signin_failed", "view", "change", "export", ...), the
 * record (type and ID, may be NULL) and a detail (may be NULL; never a
 * password or token). Each entry's hash covers its fields and the hash of
 * the entry before it. */
int hw_audit(struct hw_store *s, const char *user, hw_instant at, const char *action,
             const char *record_type, const char *record_id, const char *detail,
             struct hw_err *err);
/* Checks the whole chain. Returns 0 when intact (*checked entries), or -1
 * with err naming the first entry that does not match (HW_EINPUT: the log
 * was altered) or a fault. */
int hw_audit_verify(struct hw_store *s, long long *checked, struct hw_err *err);

struct hw_audit_entry {
    long long seq;
    hw_instant at;
    const char *user, *action, *record_type, *record_id, *detail;
};
/* Entries in order, filtered by user and/or action (NULL: any), newest
 * first when newest_first; at most limit (0: all). */
int hw_audit_list(struct hw_store *s, const char *user, const char *action, bool newest_first,
                  size_t limit, int (*cb)(void *ctx, const struct hw_audit_entry *e), void *ctx,
                  struct hw_err *err);

#endif
