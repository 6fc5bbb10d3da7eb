/* store.h - the storage interface.
 *
 * Everything Homeward keeps goes through these functions. A backend (SQLite
 * now, PostgreSQL later) fills a struct hw_store_ops; callers see only this
 * header. One store handle per thread.
 *
 * Conventions: functions return 0 on success and -1 on failure with err
 * filled (HW_EINTERNAL for storage faults). Getters return 1 when found, 0
 * when not, -1 on failure. Records handed out are owned by the caller, who
 * frees them with hw_record_clear(). Records handed in are borrowed.
 */
#ifndef HW_STORE_H
#define HW_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "core/hwtime.h"
#include "core/profile.h"
#include "core/records.h"

struct hw_store;

/* Which records a list returns. Zero-initialise, then set what matters;
 * fields a record type does not have are ignored. */
struct hw_filter {
    const char *child_id;    /* episodes, interviews: of this child */
    const char *episode_id;  /* interviews: covering this episode */
    const char *team;        /* children: of this team */
    bool open_only;          /* episodes: not yet returned (missing now) */
    hw_instant active_since; /* episodes: open, or returned at or after this; 0 = any */
    int kind;                /* episodes: enum hw_kind, 0 = any */
    hw_instant from, to;     /* episodes: last seen in [from, to); 0 = no bound */
    size_t limit;            /* 0 = no limit */
    uint64_t fields;         /* read only these (hw_field_mask); 0 = every field */
};

/* Called for each record listed; the record is borrowed for the call.
 * Return non-zero to stop the listing early (not an error). */
typedef int (*hw_record_cb)(void *ctx, const void *rec);

/* Who made a change, how, and when. */
struct hw_stamp {
    hw_instant at;
    const char *user;   /* a person or system account */
    const char *source; /* how: "cli", "import FILE", ... */
};

/* One entry of a record's history. A record's creation is one entry with
 * no field (kept on the record itself); each later change of a field is one
 * entry with its old and new text (NULL when not recorded). */
struct hw_change {
    long long id; /* set by the store, ascending */
    hw_instant at;
    const char *user;   /* who */
    const char *source; /* how: "cli", "import FILE", ... */
    enum hw_rectype type;
    const char *record_id;
    const char *field; /* NULL: the record was created */
    const char *old_value, *new_value;
};
typedef int (*hw_change_cb)(void *ctx, const struct hw_change *c);

/* An action the rules call for, as resolved by someone: done at a time, or
 * not needed with a reason. Recorded once, never changed. */
struct hw_action_record {
    const char *episode_id;
    int kind; /* enum hw_action_kind */
    int seq;
    int outcome; /* enum hw_action_outcome */
    hw_instant at;
    const char *reason; /* required when not needed */
    struct hw_stamp recorded;
};
typedef int (*hw_action_cb)(void *ctx, const struct hw_action_record *a);

/* A notification in the outbox: someone who must be told of an event of an
 * episode (core/routing.h, app/notify.h). Kept for good; only its
 * acknowledgement is set, once. */
struct hw_notification {
    long long id; /* set by the store, ascending */
    const char *episode_id, *child_id;
    int event;             /* enum hw_route_event */
    int role;              /* enum hw_role */
    const char *recipient; /* the named person or council; NULL when not known */
    const char *reason;
    hw_instant created_at;
    const char *created_by;
    hw_instant acknowledged_at; /* HW_NO_TIME until acknowledged */
    const char *acknowledged_by;
    /* A notice to the responsible council (core/notices.h): its text, made
     * with the row (NULL: the row is no notice); then each set once. */
    const char *notice;
    hw_instant sent_at; /* HW_NO_TIME until sent */
    const char *sent_by;
    const char *answer;             /* what the responsible council answered */
    hw_instant answered_at;         /* when the answer was recorded; HW_NO_TIME: none */
    const char *answered_by;        /* who recorded it */
    hw_instant interview_completed; /* the interview done then, as the council reports */
};
typedef int (*hw_notification_cb)(void *ctx, const struct hw_notification *n);

/* Where a notice stands, for listings. */
enum hw_notice_state {
    HW_NOTICES_ANY = 0,
    HW_NOTICES_UNSENT,     /* not yet sent */
    HW_NOTICES_UNANSWERED, /* sent, not answered */
    HW_NOTICES_OPEN        /* not answered: unsent, or sent and waiting */
};

/* Which notifications a listing returns; zero-initialise for all. */
struct hw_outbox_filter {
    bool unacknowledged; /* only those not yet acknowledged */
    long long id;        /* only this one; 0 = any */
    const char *episode_id;
    int role;     /* enum hw_role; 0 = any */
    bool notices; /* only those that carry a notice */
    int state;    /* enum hw_notice_state: notices only, in that state */
};

/* One attempt to hold an interview (004 section 10), as recorded. Numbered
 * per interview in the order recorded; never changed. */
struct hw_attempt {
    const char *interview_id;
    int seq; /* set by the store: 1, 2, ... */
    hw_instant at;
    bool face_to_face;
    int outcome;              /* enum hw_attempt_outcome */
    const char *note;         /* NULL when none */
    struct hw_stamp recorded; /* who recorded it and when (the source is not kept) */
};
typedef int (*hw_attempt_cb)(void *ctx, const struct hw_attempt *a);

/* What the monthly measures need of one missing episode. */
struct hw_episode_fact {
    hw_instant last_seen;
    long long child_key; /* a stable number per child, for distinct counts */
    bool ola;            /* placed by another council */
    bool cla;            /* looked after at the time of the episode */
    bool offered;        /* an interview covering it was offered */
    bool done;           /* an interview covering it was completed */
};
typedef void (*hw_fact_cb)(void *ctx, const struct hw_episode_fact *f);

/* The rows the quarterly and annual analyses are built from
 * (report/analysis_facts.c), as stored: codes as their text. */
struct hw_fact_child {
    long long key; /* a stable number per child */
    const char *id, *first_name, *last_name;
    bool ola;              /* responsible_authority is recorded */
    hw_instant first_ever; /* last seen of their first episode ever */
    const char *date_of_birth, *gender, *ethnicity, *school; /* NULL when not recorded */
};
struct hw_fact_episode {
    long long child_key;
    const char *id, *kind, *missing_from_type, *missing_from_name, *case_status, *out_of_area;
    hw_instant last_seen, returned; /* returned HW_NO_TIME when not back */
};
struct hw_fact_interview {
    const char *episode_id; /* one row per episode the interview covers */
    const char *decision, *outcome, *lateness_reason, *reasons;
    hw_instant offered, completed; /* HW_NO_TIME when not recorded */
};
struct hw_fact_action {
    const char *episode_id, *action, *outcome;
    int seq;
    hw_instant at;
};
/* Where the rows go: every child with an episode last seen in the window,
 * then those episodes (by last seen, then ID), then the interviews
 * covering them, then the actions recorded for them. Strings are borrowed
 * for the call. */
struct hw_fact_sink {
    void *ctx;
    void (*child)(void *ctx, const struct hw_fact_child *c);
    void (*episode)(void *ctx, const struct hw_fact_episode *e);
    void (*interview)(void *ctx, const struct hw_fact_interview *i);
    void (*action)(void *ctx, const struct hw_fact_action *a);
};

/* One child an episode names as someone the episode's child went missing
 * with (a row of the episode's with_children). */
struct hw_episode_link {
    const char *episode_id;
    const char *child_id; /* the episode's child */
    const char *with_id;  /* the child named: may not be a recorded child */
    hw_instant last_seen;
    const char *found_location; /* NULL when not recorded */
};
/* As hw_record_cb: the link is borrowed; non-zero stops the listing. */
typedef int (*hw_link_cb)(void *ctx, const struct hw_episode_link *l);

/* A person or machine account that signs in (app/auth.h). The store keeps
 * the role as its code and the password only as its hash. */
struct hw_user_row {
    const char *user, *display_name, *role, *team; /* display_name, team: NULL when none */
    const char *password_hash;
    hw_instant created_at;
    const char *created_by;
    hw_instant disabled_at; /* HW_NO_TIME while active */
};
typedef int (*hw_user_cb)(void *ctx, const struct hw_user_row *u);

/* A signed-in session, named by the SHA-256 (hex) of its token. */
struct hw_session_row {
    const char *token_hash, *user, *csrf_hash;
    const char *address; /* NULL when not known */
    hw_instant created_at, last_used_at;
    hw_instant ended_at; /* HW_NO_TIME while open */
};
typedef int (*hw_session_cb)(void *ctx, const struct hw_session_row *r);

/* An API token of a machine client, named by the SHA-256 (hex) of the token. */
struct hw_token_row {
    const char *token_hash, *user, *scope;
    hw_instant created_at;
    const char *created_by;
    hw_instant revoked_at; /* HW_NO_TIME while in force */
};
typedef int (*hw_token_cb)(void *ctx, const struct hw_token_row *r);

/* An entry of the audit log. seq and prev_hash are set by the store when
 * appending; hash by the caller's function. NULL: not recorded. */
struct hw_audit_row {
    long long seq;
    hw_instant at;
    const char *user, *action, *record_type, *record_id, *detail;
    const char *prev_hash, *hash; /* 64 hex characters each */
};
typedef int (*hw_audit_row_cb)(void *ctx, const struct hw_audit_row *e);
/* Computes e's hash (64 hex + NUL) from its fields, seq and prev_hash. */
typedef void (*hw_audit_hash_fn)(const struct hw_audit_row *e, char out[65]);

/* Which audit entries a listing returns; zero-initialise for all, oldest first. */
struct hw_audit_filter {
    const char *user, *action; /* NULL: any */
    bool newest_first;
    size_t limit; /* 0: all */
};

/* An action of an action plan (seeds 000, 002, 004 appendices;
 * app/action_plans.h), named by its plan and its ref. NULL / HW_NO_DATE:
 * not recorded. */
struct hw_plan_action {
    const char *plan, *ref;
    int position; /* its place in the plan: the order of the rows it was imported from */
    const char *area, *outcome, *action, *success_measure, *lead, *owner;
    hw_date due;
    const char *progress;
    struct hw_stamp created, updated; /* as stored; updated.at HW_NO_TIME: never changed */
};
typedef int (*hw_plan_action_cb)(void *ctx, const struct hw_plan_action *a);

/* A RAG rating given to an action plan's action. Append-only. */
struct hw_plan_rating {
    const char *plan, *ref;
    int seq;          /* set by the store: 1, 2, ... per action, in the order recorded */
    hw_date rated_on; /* the date the rating is as at; HW_NO_DATE: the initial rating */
    int rag;          /* enum hw_rag (core/rag.h), not HW_RAG_NONE */
    const char *note; /* NULL when none */
    struct hw_stamp recorded;
};
typedef int (*hw_plan_rating_cb)(void *ctx, const struct hw_plan_rating *r);

/* A change of one field of an action plan's action (its history, as
 * struct hw_change is a record's). Append-only. */
struct hw_plan_change {
    long long id; /* set by the store, ascending */
    const char *plan, *ref;
    struct hw_stamp made;
    const char *field;
    const char *old_value, *new_value; /* NULL: not recorded */
};
typedef int (*hw_plan_change_cb)(void *ctx, const struct hw_plan_change *c);

/* A child's period of care (the SSDA903 Episodes table, docs/ssda903.md):
 * from decom to dec (HW_NO_DATE while open); rec the reason it ceased; the
 * other 903 fields of its first episode, as given (NULL: not recorded). */
struct hw_care_period {
    const char *child_id;
    hw_date decom, dec;
    const char *rec, *rne, *ls, *cin, *place, *place_provider, *reason_place_change, *home_post,
        *pl_post, *urn;
};
typedef int (*hw_care_period_cb)(void *ctx, const struct hw_care_period *p);
/* A copy of p owning its strings (a list callback's period outlives the
 * call); free with hw_care_period_free. */
struct hw_care_period hw_care_period_copy(const struct hw_care_period *p);
void hw_care_period_free(struct hw_care_period *p);

/* A child's photograph for the missing profile (app/profile.h). data is
 * NULL when only its details were asked for. */
struct hw_photo {
    const char *child_id;
    const char *content_type; /* "image/jpeg" or "image/png" */
    size_t size;              /* bytes */
    const unsigned char *data;
    hw_instant uploaded_at;
    const char *uploaded_by;
};
typedef int (*hw_photo_cb)(void *ctx, const struct hw_photo *p);

/* A time a child's missing profile was sent to the police for an open
 * episode. Append-only. */
struct hw_profile_send {
    long long id; /* set by the store, ascending */
    const char *child_id, *episode_id;
    const char *police_ref; /* the episode's, NULL when it had none */
    const char *sent_to;    /* who it went to, as the sender said */
    hw_instant sent_at;
    const char *sent_by;
};
typedef int (*hw_profile_send_cb)(void *ctx, const struct hw_profile_send *r);

struct hw_store_ops {
    const char *backend;
    void (*close)(struct hw_store *s);
    int (*begin)(struct hw_store *s, struct hw_err *err);
    int (*commit)(struct hw_store *s, struct hw_err *err);
    void (*rollback)(struct hw_store *s);
    int (*put)(struct hw_store *s, enum hw_rectype t, const void *rec,
               const struct hw_stamp *created, struct hw_err *err);
    int (*add)(struct hw_store *s, enum hw_rectype t, const void *rec,
               const struct hw_stamp *created, struct hw_err *err);
    int (*get)(struct hw_store *s, enum hw_rectype t, const char *id, void *out,
               struct hw_err *err);
    int (*get_some)(struct hw_store *s, enum hw_rectype t, const char *id, uint64_t fields,
                    void *out, struct hw_err *err);
    int (*list)(struct hw_store *s, enum hw_rectype t, const struct hw_filter *f, hw_record_cb cb,
                void *ctx, struct hw_err *err);
    int (*add_change)(struct hw_store *s, const struct hw_change *c, struct hw_err *err);
    int (*list_changes)(struct hw_store *s, enum hw_rectype t, const char *id, hw_change_cb cb,
                        void *ctx, struct hw_err *err);
    int (*changed_ids)(struct hw_store *s, enum hw_rectype t, const char *field,
                       int (*cb)(void *ctx, const char *id), void *ctx, struct hw_err *err);
    int (*add_action)(struct hw_store *s, const struct hw_action_record *a, struct hw_err *err);
    int (*list_actions)(struct hw_store *s, const char *episode_id, hw_action_cb cb, void *ctx,
                        struct hw_err *err);
    int (*missing_starts)(struct hw_store *s, const char *child_id, hw_instant **out, size_t *n,
                          struct hw_err *err);
    int (*episode_links)(struct hw_store *s, const char *child_id, hw_instant from, hw_instant to,
                         hw_link_cb cb, void *ctx, struct hw_err *err);
    int (*episode_facts)(struct hw_store *s, hw_instant from, hw_instant to, hw_fact_cb cb,
                         void *ctx, struct hw_err *err);
    int (*add_notification)(struct hw_store *s, const struct hw_notification *n, long long *id,
                            struct hw_err *err);
    int (*list_notifications)(struct hw_store *s, const struct hw_outbox_filter *f,
                              hw_notification_cb cb, void *ctx, struct hw_err *err);
    int (*ack_notification)(struct hw_store *s, long long id, hw_instant at, const char *user,
                            bool *known, struct hw_err *err);
    int (*send_notice)(struct hw_store *s, long long id, hw_instant at, const char *user,
                       struct hw_err *err);
    int (*answer_notice)(struct hw_store *s, long long id, hw_instant at, const char *user,
                         const char *answer, hw_instant interview_completed, struct hw_err *err);
    int (*schema_version)(struct hw_store *s);
    int (*add_attempt)(struct hw_store *s, const struct hw_attempt *a, int *seq,
                       struct hw_err *err);
    int (*list_attempts)(struct hw_store *s, const char *interview_id, hw_attempt_cb cb, void *ctx,
                         struct hw_err *err);
    bool (*in_transaction)(struct hw_store *s);
    int (*add_user)(struct hw_store *s, const struct hw_user_row *u, struct hw_err *err);
    int (*list_users)(struct hw_store *s, const char *user, hw_user_cb cb, void *ctx,
                      struct hw_err *err);
    int (*update_user)(struct hw_store *s, const char *user, const char *password_hash,
                       hw_instant disabled_at, struct hw_err *err);
    int (*add_session)(struct hw_store *s, const struct hw_session_row *r, struct hw_err *err);
    int (*get_session)(struct hw_store *s, const char *token_hash, hw_session_cb cb, void *ctx,
                       struct hw_err *err);
    int (*touch_session)(struct hw_store *s, const char *token_hash, hw_instant at,
                         struct hw_err *err);
    int (*end_sessions)(struct hw_store *s, const char *token_hash, const char *user, hw_instant at,
                        struct hw_err *err);
    int (*add_token)(struct hw_store *s, const struct hw_token_row *r, struct hw_err *err);
    int (*get_token)(struct hw_store *s, const char *token_hash, hw_token_cb cb, void *ctx,
                     struct hw_err *err);
    int (*revoke_tokens)(struct hw_store *s, const char *user, hw_instant at, struct hw_err *err);
    int (*add_failure)(struct hw_store *s, const char *key, hw_instant at, struct hw_err *err);
    int (*list_failures)(struct hw_store *s, const char *key, hw_instant since, hw_instant **out,
                         size_t *n, struct hw_err *err);
    int (*clear_failures)(struct hw_store *s, const char *key, hw_instant before,
                          struct hw_err *err);
    int (*audit_append)(struct hw_store *s, struct hw_audit_row *e, hw_audit_hash_fn hash,
                        struct hw_err *err);
    int (*audit_list)(struct hw_store *s, const struct hw_audit_filter *f, hw_audit_row_cb cb,
                      void *ctx, struct hw_err *err);
    int (*analysis_facts)(struct hw_store *s, hw_instant from, hw_instant to,
                          const struct hw_fact_sink *sink, struct hw_err *err);
    int (*secret)(struct hw_store *s, const char *name, const unsigned char *fresh, size_t len,
                  unsigned char *out, struct hw_err *err);
    int (*put_plan_action)(struct hw_store *s, const struct hw_plan_action *a,
                           const struct hw_stamp *who, struct hw_err *err);
    int (*list_plan_actions)(struct hw_store *s, const char *plan, const char *ref,
                             hw_plan_action_cb cb, void *ctx, struct hw_err *err);
    int (*add_plan_rating)(struct hw_store *s, const struct hw_plan_rating *r, int *seq,
                           struct hw_err *err);
    int (*list_plan_ratings)(struct hw_store *s, const char *plan, const char *ref,
                             hw_plan_rating_cb cb, void *ctx, struct hw_err *err);
    int (*add_plan_change)(struct hw_store *s, const struct hw_plan_change *c, struct hw_err *err);
    int (*put_care_period)(struct hw_store *s, const struct hw_care_period *p, struct hw_err *err);
    int (*list_care_periods)(struct hw_store *s, const char *child_id, hw_care_period_cb cb,
                             void *ctx, struct hw_err *err);
    int (*list_plan_changes)(struct hw_store *s, const char *plan, const char *ref,
                             hw_plan_change_cb cb, void *ctx, struct hw_err *err);
    int (*get_profile)(struct hw_store *s, const char *child_id, struct hw_profile *out,
                       struct hw_err *err);
    int (*put_profile)(struct hw_store *s, const struct hw_profile *p, struct hw_err *err);
    int (*get_photo)(struct hw_store *s, const char *child_id, bool with_data, hw_photo_cb cb,
                     void *ctx, struct hw_err *err);
    int (*put_photo)(struct hw_store *s, const struct hw_photo *p, struct hw_err *err);
    int (*add_profile_send)(struct hw_store *s, const struct hw_profile_send *r, long long *id,
                            struct hw_err *err);
    int (*list_profile_sends)(struct hw_store *s, const char *child_id, hw_profile_send_cb cb,
                              void *ctx, struct hw_err *err);
};

/* Backends embed this as their first member. */
struct hw_store {
    const struct hw_store_ops *ops;
};

/* Opens (creating if needed) the database at path and brings its schema up
 * to date. On failure *out is NULL and nothing is left open. */
int hw_store_open(const char *path, struct hw_store **out, struct hw_err *err);
void hw_store_close(struct hw_store *s);
const char *hw_store_backend(const struct hw_store *s);
int hw_store_schema_version(struct hw_store *s);

/* A write transaction (SQLite: BEGIN IMMEDIATE). Every write happens in one. */
int hw_store_begin(struct hw_store *s, struct hw_err *err);
int hw_store_commit(struct hw_store *s, struct hw_err *err);
void hw_store_rollback(struct hw_store *s);

/* Inserts, or replaces the record with the same ID (never a duplicate).
 * A new record keeps `created` (may be NULL: not known) as who created it;
 * a replaced one keeps its own. Returns 0 when the record was new, 1 when it
 * replaced one, -1 on failure. The caller has checked references (see
 * app/check.h) and keeps the history (app/save.h); the store only keeps. */
int hw_store_put(struct hw_store *s, enum hw_rectype t, const void *rec,
                 const struct hw_stamp *created, struct hw_err *err);
/* Inserts the record only if its ID is new, keeping `created`. Returns 1
 * when added, 0 when the ID is taken (nothing is changed), -1 on failure. */
int hw_store_add(struct hw_store *s, enum hw_rectype t, const void *rec,
                 const struct hw_stamp *created, struct hw_err *err);
/* out must be initialised (hw_record_init); 1 found, 0 not found, -1 error. */
int hw_store_get(struct hw_store *s, enum hw_rectype t, const char *id, void *out,
                 struct hw_err *err);
/* As hw_store_get, but reads only the fields in the mask (hw_field_mask);
 * the others are left as they were. For checks that need a field or two. */
int hw_store_get_some(struct hw_store *s, enum hw_rectype t, const char *id, uint64_t fields,
                      void *out, struct hw_err *err);
/* Lists in a stable order: children by ID, episodes by last seen then ID,
 * interviews by ID. */
int hw_store_list(struct hw_store *s, enum hw_rectype t, const struct hw_filter *f, hw_record_cb cb,
                  void *ctx, struct hw_err *err);

/* Appends a change of a field to the history (c->id is ignored; c->field
 * must be set: creation is kept by hw_store_put). */
int hw_store_add_change(struct hw_store *s, const struct hw_change *c, struct hw_err *err);
/* The IDs of the records of type t whose field has ever changed (each
 * once), for lists that need a field's history only where there is one. */
int hw_store_changed_ids(struct hw_store *s, enum hw_rectype t, const char *field,
                         int (*cb)(void *ctx, const char *id), void *ctx, struct hw_err *err);
/* A record's history, oldest first: its creation (when known), then each
 * change. */
int hw_store_list_changes(struct hw_store *s, enum hw_rectype t, const char *id, hw_change_cb cb,
                          void *ctx, struct hw_err *err);

/* Records how an action was resolved. Returns 1 recorded, 0 when that
 * action of that episode is already recorded (nothing changes), -1 on failure. */
int hw_store_add_action(struct hw_store *s, const struct hw_action_record *a, struct hw_err *err);
/* The actions recorded for an episode, by action and sequence. */
int hw_store_list_actions(struct hw_store *s, const char *episode_id, hw_action_cb cb, void *ctx,
                          struct hw_err *err);

/* The last-seen instants of a child's missing episodes, ascending; *out is
 * owned by the caller (free()). */
int hw_store_missing_starts(struct hw_store *s, const char *child_id, hw_instant **out, size_t *n,
                            struct hw_err *err);
/* The links of episodes (of any kind) last seen in [from, to) (0: no bound),
 * one per child an episode names, ordered by last seen, episode ID, then the
 * child named, so one episode's links are adjacent. With child_id (NULL:
 * every episode), only the episodes the child is part of: the child's own
 * that name others, and other children's that name the child (with all of
 * their links, so the others named alongside the child are listed too). */
int hw_store_episode_links(struct hw_store *s, const char *child_id, hw_instant from, hw_instant to,
                           hw_link_cb cb, void *ctx, struct hw_err *err);
/* One fact per missing episode last seen in [from, to), in last-seen order. */
int hw_store_episode_facts(struct hw_store *s, hw_instant from, hw_instant to, hw_fact_cb cb,
                           void *ctx, struct hw_err *err);

/* Adds a notification to the outbox (n->id and the acknowledgement are
 * ignored); *id (may be NULL) is set to its number. */
int hw_store_add_notification(struct hw_store *s, const struct hw_notification *n, long long *id,
                              struct hw_err *err);
/* The notifications the filter selects, oldest first. */
int hw_store_list_notifications(struct hw_store *s, const struct hw_outbox_filter *f,
                                hw_notification_cb cb, void *ctx, struct hw_err *err);
/* Acknowledges notification id as seen by user at a time. Returns 1 when
 * acknowledged now; 0 when nothing changed, with *known (may be NULL) false
 * when there is no such notification and true when it was already
 * acknowledged (the first acknowledgement stands); -1 on failure. */
int hw_store_ack_notification(struct hw_store *s, long long id, hw_instant at, const char *user,
                              bool *known, struct hw_err *err);
/* Records notification id's notice as sent by user at a time. Returns 1
 * when recorded now, 0 when the row has no notice or it was already sent
 * (nothing changes), -1 on failure. The caller checks which, and writes in
 * a transaction. */
int hw_store_send_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                         struct hw_err *err);
/* Records the answer to notification id's notice, sent and not yet
 * answered, as recorded by user at a time, with when the interview was done
 * (HW_NO_TIME: not reported). Returns 1 when recorded now, 0 when not
 * (no notice, not sent, or already answered), -1 on failure. */
int hw_store_answer_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                           const char *answer, hw_instant interview_completed, struct hw_err *err);

/* Appends an attempt to an interview that is recorded (a->seq is ignored);
 * *seq (may be NULL) is set to its number, one more than the interview's
 * last. Attempts are never changed or deleted. */
int hw_store_add_attempt(struct hw_store *s, const struct hw_attempt *a, int *seq,
                         struct hw_err *err);
/* An interview's attempts in the order recorded. */
int hw_store_list_attempts(struct hw_store *s, const char *interview_id, hw_attempt_cb cb,
                           void *ctx, struct hw_err *err);

/* True while a transaction is open on this handle. */
bool hw_store_in_transaction(struct hw_store *s);

/* ---- users, sessions, API tokens, sign-in failures, the audit log ----
 * The policy (who may do what, expiry, throttling, hashing) is app/auth.c's;
 * the store only keeps. Secrets arrive already hashed. */

/* Adds a user. Returns 1 added, 0 when the name is taken (nothing changes). */
int hw_store_add_user(struct hw_store *s, const struct hw_user_row *u, struct hw_err *err);
/* The user named (user not NULL), or every user by name (user NULL). The
 * row is borrowed for the call; non-zero from cb stops. */
int hw_store_list_users(struct hw_store *s, const char *user, hw_user_cb cb, void *ctx,
                        struct hw_err *err);
/* Sets a user's password hash (when not NULL) and disabled_at (when not
 * HW_NO_TIME). Returns 1 changed, 0 no such user, -1 failure. */
int hw_store_update_user(struct hw_store *s, const char *user, const char *password_hash,
                         hw_instant disabled_at, struct hw_err *err);

int hw_store_add_session(struct hw_store *s, const struct hw_session_row *r, struct hw_err *err);
/* Calls cb with the session whose token hash is given: 1 found, 0 not, -1 failure. */
int hw_store_get_session(struct hw_store *s, const char *token_hash, hw_session_cb cb, void *ctx,
                         struct hw_err *err);
/* Records a use of an open session. */
int hw_store_touch_session(struct hw_store *s, const char *token_hash, hw_instant at,
                           struct hw_err *err);
/* Ends the open session of token_hash, or (token_hash NULL) every open
 * session of user. Returns how many were ended, or -1. */
int hw_store_end_sessions(struct hw_store *s, const char *token_hash, const char *user,
                          hw_instant at, struct hw_err *err);

int hw_store_add_token(struct hw_store *s, const struct hw_token_row *r, struct hw_err *err);
/* As hw_store_get_session, for API tokens. */
int hw_store_get_token(struct hw_store *s, const char *token_hash, hw_token_cb cb, void *ctx,
                       struct hw_err *err);
/* Revokes every API token of user still in force. Returns how many, or -1. */
int hw_store_revoke_tokens(struct hw_store *s, const char *user, hw_instant at, struct hw_err *err);

/* Records a failed sign-in under key ("user:NAME", "addr:ADDRESS"). */
int hw_store_add_failure(struct hw_store *s, const char *key, hw_instant at, struct hw_err *err);
/* The times of key's failures at or after since, ascending; *out is owned
 * by the caller (free()), NULL when *n is 0. */
int hw_store_list_failures(struct hw_store *s, const char *key, hw_instant since, hw_instant **out,
                           size_t *n, struct hw_err *err);
/* Forgets the failures of key (NULL: of every key) before an instant. */
int hw_store_clear_failures(struct hw_store *s, const char *key, hw_instant before,
                            struct hw_err *err);

/* Appends e to the audit log inside the caller's write transaction: reads
 * the last entry, sets e->seq to one more (1 for the first) and e->prev_hash
 * to its hash (64 zeros for the first), calls hash(e) and inserts the entry
 * with that hash. e->seq, e->prev_hash and e->hash are valid until the next
 * append on this handle. Fails (HW_EINTERNAL) outside a transaction. */
int hw_store_audit_append(struct hw_store *s, struct hw_audit_row *e, hw_audit_hash_fn hash,
                          struct hw_err *err);
/* The audit entries the filter selects, by seq. */
int hw_store_audit_list(struct hw_store *s, const struct hw_audit_filter *f, hw_audit_row_cb cb,
                        void *ctx, struct hw_err *err);

/* The facts of every episode last seen in [from, to), for the analyses. */
int hw_store_analysis_facts(struct hw_store *s, hw_instant from, hw_instant to,
                            const struct hw_fact_sink *sink, struct hw_err *err);

/* The secret called name (len bytes) into out; when none is stored yet,
 * fresh is stored first and returned. Inside the caller's write
 * transaction. */
int hw_store_secret(struct hw_store *s, const char *name, const unsigned char *fresh, size_t len,
                    unsigned char *out, struct hw_err *err);

/* ---- action plans (app/action_plans.h) ----
 * Writes happen inside the caller's write transaction (hw_store_begin);
 * outside one they fail with HW_EINTERNAL. */

/* Inserts the action, or replaces the fields of the one with the same plan
 * and ref. A new action keeps who as its creator; a replaced one keeps its
 * creator and gets who as its last change (a->created and a->updated are
 * ignored). Returns 0 when new, 1 when replaced, -1 on failure. The caller
 * compares and keeps the history (hw_store_add_plan_change). */
int hw_store_put_plan_action(struct hw_store *s, const struct hw_plan_action *a,
                             const struct hw_stamp *who, struct hw_err *err);
/* The actions of plan (NULL: of every plan), or the one with ref (NULL:
 * all), by plan, position, then ref. */
int hw_store_list_plan_actions(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_action_cb cb, void *ctx, struct hw_err *err);
/* Appends a rating to a stored action (r->seq is ignored); *seq (may be
 * NULL) is set to its number. */
int hw_store_add_plan_rating(struct hw_store *s, const struct hw_plan_rating *r, int *seq,
                             struct hw_err *err);
/* The ratings of plan's actions (plan NULL: every plan; ref NULL: every
 * action of the plan), by plan, ref, then seq. */
int hw_store_list_plan_ratings(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_rating_cb cb, void *ctx, struct hw_err *err);
/* Appends a change of an action's field to its history (c->id is ignored). */
int hw_store_add_plan_change(struct hw_store *s, const struct hw_plan_change *c,
                             struct hw_err *err);
/* An action's history (ref NULL: of every action of the plan), oldest first. */
int hw_store_list_plan_changes(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_change_cb cb, void *ctx, struct hw_err *err);

/* ---- periods of care (docs/ssda903.md) ---- */

/* Inserts the period, or replaces the one of the same child and decom.
 * Inside the caller's write transaction. Returns 0 new, 1 replaced. */
int hw_store_put_care_period(struct hw_store *s, const struct hw_care_period *p,
                             struct hw_err *err);
/* The periods of care of child_id (NULL: of every child), by child then
 * decom. */
int hw_store_list_care_periods(struct hw_store *s, const char *child_id, hw_care_period_cb cb,
                               void *ctx, struct hw_err *err);

/* ---- the missing profile (core/profile.h, app/profile.h) ----
 * Writes happen inside the caller's write transaction; outside one they
 * fail with HW_EINTERNAL. The caller checks the values and keeps the
 * history; the store only keeps. */

/* The profile of child_id into out (initialised by hw_profile_init; its
 * old contents are freed). 1 found, 0 none recorded, -1 failure. */
int hw_store_get_profile(struct hw_store *s, const char *child_id, struct hw_profile *out,
                         struct hw_err *err);
/* Inserts the profile, or replaces the one of the same child, with
 * p->updated_at and p->updated_by (both required). 0 new, 1 replaced. */
int hw_store_put_profile(struct hw_store *s, const struct hw_profile *p, struct hw_err *err);
/* Calls cb with the child's photograph (its bytes too when with_data; the
 * photo is borrowed for the call). 1 found, 0 none, -1 failure. */
int hw_store_get_photo(struct hw_store *s, const char *child_id, bool with_data, hw_photo_cb cb,
                       void *ctx, struct hw_err *err);
/* Stores the child's photograph, replacing any before it (whose bytes are
 * not kept). 0 new, 1 replaced. */
int hw_store_put_photo(struct hw_store *s, const struct hw_photo *p, struct hw_err *err);
/* Records a send (r->id is ignored); *id (may be NULL) is set to its number. */
int hw_store_add_profile_send(struct hw_store *s, const struct hw_profile_send *r, long long *id,
                              struct hw_err *err);
/* The sends of child_id (NULL: of every child), newest first. */
int hw_store_list_profile_sends(struct hw_store *s, const char *child_id, hw_profile_send_cb cb,
                                void *ctx, struct hw_err *err);

#endif
