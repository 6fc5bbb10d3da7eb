/* store.c - dispatch from the storage interface to the backend. */
#include "store/store.h"

#include <stdlib.h>

#include "core/rules.h"

#include "store/store_sqlite.h"

int hw_store_open(const char *path, struct hw_store **out, struct hw_err *err)
{
    /* One backend today; a "postgresql://" path will pick the next. */
    return hw_sqlite_open(path, out, err);
}

void hw_store_close(struct hw_store *s)
{
    if (s)
        s->ops->close(s);
}

const char *hw_store_backend(const struct hw_store *s)
{
    return s->ops->backend;
}

int hw_store_schema_version(struct hw_store *s)
{
    return s->ops->schema_version(s);
}

int hw_store_begin(struct hw_store *s, struct hw_err *err)
{
    return s->ops->begin(s, err);
}

int hw_store_commit(struct hw_store *s, struct hw_err *err)
{
    return s->ops->commit(s, err);
}

void hw_store_rollback(struct hw_store *s)
{
    s->ops->rollback(s);
}

int hw_store_put(struct hw_store *s, enum hw_rectype t, const void *rec,
                 const struct hw_stamp *created, struct hw_err *err)
{
    return s->ops->put(s, t, rec, created, err);
}

int hw_store_add(struct hw_store *s, enum hw_rectype t, const void *rec,
                 const struct hw_stamp *created, struct hw_err *err)
{
    return s->ops->add(s, t, rec, created, err);
}

int hw_store_get(struct hw_store *s, enum hw_rectype t, const char *id, void *out,
                 struct hw_err *err)
{
    return s->ops->get(s, t, id, out, err);
}

int hw_store_get_some(struct hw_store *s, enum hw_rectype t, const char *id, uint64_t fields,
                      void *out, struct hw_err *err)
{
    return s->ops->get_some(s, t, id, fields, out, err);
}

int hw_store_list(struct hw_store *s, enum hw_rectype t, const struct hw_filter *f, hw_record_cb cb,
                  void *ctx, struct hw_err *err)
{
    return s->ops->list(s, t, f, cb, ctx, err);
}

int hw_store_add_change(struct hw_store *s, const struct hw_change *c, struct hw_err *err)
{
    return s->ops->add_change(s, c, err);
}

int hw_store_changed_ids(struct hw_store *s, enum hw_rectype t, const char *field,
                         int (*cb)(void *ctx, const char *id), void *ctx, struct hw_err *err)
{
    return s->ops->changed_ids(s, t, field, cb, ctx, err);
}

int hw_store_list_changes(struct hw_store *s, enum hw_rectype t, const char *id, hw_change_cb cb,
                          void *ctx, struct hw_err *err)
{
    return s->ops->list_changes(s, t, id, cb, ctx, err);
}

int hw_store_add_action(struct hw_store *s, const struct hw_action_record *a, struct hw_err *err)
{
    return s->ops->add_action(s, a, err);
}

int hw_store_list_actions(struct hw_store *s, const char *episode_id, hw_action_cb cb, void *ctx,
                          struct hw_err *err)
{
    return s->ops->list_actions(s, episode_id, cb, ctx, err);
}

int hw_store_missing_starts(struct hw_store *s, const char *child_id, hw_instant **out, size_t *n,
                            struct hw_err *err)
{
    return s->ops->missing_starts(s, child_id, out, n, err);
}

int hw_store_episode_links(struct hw_store *s, const char *child_id, hw_instant from, hw_instant to,
                           hw_link_cb cb, void *ctx, struct hw_err *err)
{
    return s->ops->episode_links(s, child_id, from, to, cb, ctx, err);
}

int hw_store_episode_facts(struct hw_store *s, hw_instant from, hw_instant to, hw_fact_cb cb,
                           void *ctx, struct hw_err *err)
{
    return s->ops->episode_facts(s, from, to, cb, ctx, err);
}

int hw_store_add_notification(struct hw_store *s, const struct hw_notification *n, long long *id,
                              struct hw_err *err)
{
    return s->ops->add_notification(s, n, id, err);
}

int hw_store_list_notifications(struct hw_store *s, const struct hw_outbox_filter *f,
                                hw_notification_cb cb, void *ctx, struct hw_err *err)
{
    return s->ops->list_notifications(s, f, cb, ctx, err);
}

int hw_store_ack_notification(struct hw_store *s, long long id, hw_instant at, const char *user,
                              bool *known, struct hw_err *err)
{
    return s->ops->ack_notification(s, id, at, user, known, err);
}

int hw_store_send_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                         struct hw_err *err)
{
    return s->ops->send_notice(s, id, at, user, err);
}

int hw_store_answer_notice(struct hw_store *s, long long id, hw_instant at, const char *user,
                           const char *answer, hw_instant interview_completed, struct hw_err *err)
{
    return s->ops->answer_notice(s, id, at, user, answer, interview_completed, err);
}

int hw_store_add_attempt(struct hw_store *s, const struct hw_attempt *a, int *seq,
                         struct hw_err *err)
{
    return s->ops->add_attempt(s, a, seq, err);
}

int hw_store_list_attempts(struct hw_store *s, const char *interview_id, hw_attempt_cb cb,
                           void *ctx, struct hw_err *err)
{
    return s->ops->list_attempts(s, interview_id, cb, ctx, err);
}

bool hw_store_in_transaction(struct hw_store *s)
{
    return s->ops->in_transaction(s);
}

int hw_store_add_user(struct hw_store *s, const struct hw_user_row *u, struct hw_err *err)
{
    return s->ops->add_user(s, u, err);
}

int hw_store_list_users(struct hw_store *s, const char *user, hw_user_cb cb, void *ctx,
                        struct hw_err *err)
{
    return s->ops->list_users(s, user, cb, ctx, err);
}

int hw_store_update_user(struct hw_store *s, const char *user, const char *password_hash,
                         hw_instant disabled_at, struct hw_err *err)
{
    return s->ops->update_user(s, user, password_hash, disabled_at, err);
}

int hw_store_add_session(struct hw_store *s, const struct hw_session_row *r, struct hw_err *err)
{
    return s->ops->add_session(s, r, err);
}

int hw_store_get_session(struct hw_store *s, const char *token_hash, hw_session_cb cb, void *ctx,
                         struct hw_err *err)
{
    return s->ops->get_session(s, token_hash, cb, ctx, err);
}

int hw_store_touch_session(struct hw_store *s, const char *token_hash, hw_instant at,
                           struct hw_err *err)
{
    return s->ops->touch_session(s, token_hash, at, err);
}

int hw_store_end_sessions(struct hw_store *s, const char *token_hash, const char *user,
                          hw_instant at, struct hw_err *err)
{
    return s->ops->end_sessions(s, token_hash, user, at, err);
}

int hw_store_add_token(struct hw_store *s, const struct hw_token_row *r, struct hw_err *err)
{
    return s->ops->add_token(s, r, err);
}

int hw_store_get_token(struct hw_store *s, const char *token_hash, hw_token_cb cb, void *ctx,
                       struct hw_err *err)
{
    return s->ops->get_token(s, token_hash, cb, ctx, err);
}

int hw_store_revoke_tokens(struct hw_store *s, const char *user, hw_instant at, struct hw_err *err)
{
    return s->ops->revoke_tokens(s, user, at, err);
}

int hw_store_add_failure(struct hw_store *s, const char *key, hw_instant at, struct hw_err *err)
{
    return s->ops->add_failure(s, key, at, err);
}

int hw_store_list_failures(struct hw_store *s, const char *key, hw_instant since, hw_instant **out,
                           size_t *n, struct hw_err *err)
{
    return s->ops->list_failures(s, key, since, out, n, err);
}

int hw_store_clear_failures(struct hw_store *s, const char *key, hw_instant before,
                            struct hw_err *err)
{
    return s->ops->clear_failures(s, key, before, err);
}

int hw_store_audit_append(struct hw_store *s, struct hw_audit_row *e, hw_audit_hash_fn hash,
                          struct hw_err *err)
{
    return s->ops->audit_append(s, e, hash, err);
}

int hw_store_audit_list(struct hw_store *s, const struct hw_audit_filter *f, hw_audit_row_cb cb,
                        void *ctx, struct hw_err *err)
{
    return s->ops->audit_list(s, f, cb, ctx, err);
}

int hw_store_secret(struct hw_store *s, const char *name, const unsigned char *fresh, size_t len,
                    unsigned char *out, struct hw_err *err)
{
    return s->ops->secret(s, name, fresh, len, out, err);
}

int hw_store_analysis_facts(struct hw_store *s, hw_instant from, hw_instant to,
                            const struct hw_fact_sink *sink, struct hw_err *err)
{
    return s->ops->analysis_facts(s, from, to, sink, err);
}

int hw_store_put_plan_action(struct hw_store *s, const struct hw_plan_action *a,
                             const struct hw_stamp *who, struct hw_err *err)
{
    return s->ops->put_plan_action(s, a, who, err);
}

int hw_store_list_plan_actions(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_action_cb cb, void *ctx, struct hw_err *err)
{
    return s->ops->list_plan_actions(s, plan, ref, cb, ctx, err);
}

int hw_store_add_plan_rating(struct hw_store *s, const struct hw_plan_rating *r, int *seq,
                             struct hw_err *err)
{
    return s->ops->add_plan_rating(s, r, seq, err);
}

int hw_store_list_plan_ratings(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_rating_cb cb, void *ctx, struct hw_err *err)
{
    return s->ops->list_plan_ratings(s, plan, ref, cb, ctx, err);
}

int hw_store_add_plan_change(struct hw_store *s, const struct hw_plan_change *c, struct hw_err *err)
{
    return s->ops->add_plan_change(s, c, err);
}

int hw_store_list_plan_changes(struct hw_store *s, const char *plan, const char *ref,
                               hw_plan_change_cb cb, void *ctx, struct hw_err *err)
{
    return s->ops->list_plan_changes(s, plan, ref, cb, ctx, err);
}

int hw_store_put_care_period(struct hw_store *s, const struct hw_care_period *p, struct hw_err *err)
{
    return s->ops->put_care_period(s, p, err);
}

/* The period's strings, in one place for copying and freeing. */
#define CARE_PERIOD_STRINGS(p)                                                                     \
    &(p)->child_id, &(p)->rec, &(p)->rne, &(p)->ls, &(p)->cin, &(p)->place, &(p)->place_provider,  \
        &(p)->reason_place_change, &(p)->home_post, &(p)->pl_post, &(p)->urn

struct hw_care_period hw_care_period_copy(const struct hw_care_period *p)
{
    struct hw_care_period c = *p;
    const char **v[] = {CARE_PERIOD_STRINGS(&c)};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        *v[i] = hw_strdup(*v[i]);
    return c;
}

void hw_care_period_free(struct hw_care_period *p)
{
    const char **v[] = {CARE_PERIOD_STRINGS(p)};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        free((char *)*v[i]);
        *v[i] = NULL;
    }
}

int hw_store_list_care_periods(struct hw_store *s, const char *child_id, hw_care_period_cb cb,
                               void *ctx, struct hw_err *err)
{
    return s->ops->list_care_periods(s, child_id, cb, ctx, err);
}

int hw_store_get_profile(struct hw_store *s, const char *child_id, struct hw_profile *out,
                         struct hw_err *err)
{
    return s->ops->get_profile(s, child_id, out, err);
}

int hw_store_put_profile(struct hw_store *s, const struct hw_profile *p, struct hw_err *err)
{
    return s->ops->put_profile(s, p, err);
}

int hw_store_get_photo(struct hw_store *s, const char *child_id, bool with_data, hw_photo_cb cb,
                       void *ctx, struct hw_err *err)
{
    return s->ops->get_photo(s, child_id, with_data, cb, ctx, err);
}

int hw_store_put_photo(struct hw_store *s, const struct hw_photo *p, struct hw_err *err)
{
    return s->ops->put_photo(s, p, err);
}

int hw_store_add_profile_send(struct hw_store *s, const struct hw_profile_send *r, long long *id,
                              struct hw_err *err)
{
    return s->ops->add_profile_send(s, r, id, err);
}

int hw_store_list_profile_sends(struct hw_store *s, const char *child_id, hw_profile_send_cb cb,
                                void *ctx, struct hw_err *err)
{
    return s->ops->list_profile_sends(s, child_id, cb, ctx, err);
}
