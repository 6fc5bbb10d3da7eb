/* profile.c - a child's missing profile: set with its history, the
 * photograph, sends to the police, who may read it. */
#include "app/profile.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Loads the child (only its ID): HW_ENOTFOUND when not recorded. */
static int child_exists(struct hw_store *s, const char *child_id, struct hw_err *err)
{
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get_some(s, HW_REC_CHILD, child_id,
                                  hw_field_mask(hw_child_fields, "child_id", NULL), &c, err);
    hw_record_clear(hw_child_fields, &c);
    if (found == 0)
        return hw_fail(err, HW_ENOTFOUND, "no child %s is recorded", child_id);
    return found < 0 ? -1 : 0;
}

static int history(struct hw_store *s, const char *child_id, const char *field, const char *old,
                   const char *new_value, const struct hw_actor *who, struct hw_err *err)
{
    char name[64];
    snprintf(name, sizeof name, HW_PROFILE_HISTORY_PREFIX "%s", field);
    struct hw_change c = {.at = who->at,
                          .user = who->user,
                          .source = who->source,
                          .type = HW_REC_CHILD,
                          .record_id = child_id,
                          .field = name,
                          .old_value = old,
                          .new_value = new_value};
    return hw_store_add_change(s, &c, err);
}

static bool same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

int hw_profile_set(struct hw_store *s, const char *child_id, const struct hw_profile *given,
                   uint64_t fields, const struct hw_actor *who, struct hw_profile *after,
                   struct hw_err *err)
{
    struct hw_profile old, now;
    struct hw_buf text = {0};
    int rc = -1, found;
    hw_profile_init(&old);
    hw_profile_init(&now);
    if (hw_store_begin(s, err) < 0)
        goto done;
    if (child_exists(s, child_id, err) < 0 ||
        (found = hw_store_get_profile(s, child_id, &old, err)) < 0)
        goto rollback;
    hw_record_copy(hw_profile_fields, &now, &old);
    hw_field_set(&hw_profile_fields[0], &now, child_id, err);
    /* The given fields, each checked as hw_field_set checks what it parses. */
    for (size_t i = 1; hw_profile_fields[i].name; i++) {
        const struct hw_field *f = &hw_profile_fields[i];
        if (!(fields & (UINT64_C(1) << i)))
            continue;
        const char *v = hw_profile_text(given, i - 1);
        struct hw_err why;
        /* Blank lines and spaces around the text are not kept: "  " clears. */
        size_t n = v ? strlen(v) : 0;
        while (v && n > 0 && strchr(" \t\r\n", *v))
            v++, n--;
        while (n > 0 && strchr(" \t\r\n", v[n - 1]))
            n--;
        hw_buf_reset(&text);
        hw_buf_append(&text, v ? v : "", n);
        if (hw_field_set(f, &now, text.data ? text.data : "", &why) < 0) {
            hw_fail(err, HW_EINPUT, "%s: %s", f->name, why.msg);
            goto rollback;
        }
    }
    if (hw_profile_check(&now, err) < 0)
        goto rollback;
    rc = HW_SAVE_SAME;
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        const char *a = hw_profile_text(&old, i), *b = hw_profile_text(&now, i);
        if (same_text(a, b))
            continue;
        rc = found ? HW_SAVE_CHANGED : HW_SAVE_NEW;
        if (history(s, child_id, hw_profile_fields[i + 1].name, a, b, who, err) < 0) {
            rc = -1;
            goto rollback;
        }
    }
    if (rc == HW_SAVE_SAME) {
        hw_store_rollback(s); /* nothing was written */
        now.updated_at = old.updated_at;
        now.updated_by = hw_strdup(old.updated_by);
    } else {
        now.updated_at = who->at;
        now.updated_by = hw_strdup(who->user);
        if (hw_store_put_profile(s, &now, err) < 0 || hw_store_commit(s, err) < 0) {
            rc = -1;
            goto rollback;
        }
    }
    if (after) {
        hw_profile_clear(after);
        hw_profile_init(after);
        hw_record_copy(hw_profile_fields, after, &now);
        after->updated_at = now.updated_at;
        after->updated_by = hw_strdup(now.updated_by);
    }
    goto done;
rollback:
    rc = -1;
    hw_store_rollback(s);
done:
    hw_buf_free(&text);
    hw_profile_clear(&old);
    hw_profile_clear(&now);
    return rc;
}

/* ---- the photograph ---- */

/* "image/png, 1,234 bytes, sha256 HEX" (of the bytes when data is not
 * NULL; the stored photograph's details carry no hash). */
static void photo_text(const char *type, size_t size, const unsigned char *data, char *buf,
                       size_t n)
{
    char bytes[64], hex[crypto_hash_sha256_BYTES * 2 + 1];
    unsigned char hash[crypto_hash_sha256_BYTES];
    hw_bytes_text(size, bytes, sizeof bytes);
    if (data == NULL) {
        snprintf(buf, n, "%s, %s", type, bytes);
        return;
    }
    crypto_hash_sha256(hash, data, size);
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    snprintf(buf, n, "%s, %s, sha256 %s", type, bytes, hex);
}

struct photo_was {
    char text[200];
};

static int describe_photo(void *ctx, const struct hw_photo *p)
{
    struct photo_was *w = ctx;
    photo_text(p->content_type, p->size, p->data, w->text, sizeof w->text);
    return 0;
}

int hw_profile_set_photo(struct hw_store *s, const char *child_id, const unsigned char *data,
                         size_t len, size_t max, const struct hw_actor *who, struct hw_err *err)
{
    const char *type;
    struct photo_was was = {{0}};
    char now_text[200];
    int had;
    if (hw_photo_check(data, len, max, &type, err) < 0)
        return -1;
    if (hw_store_begin(s, err) < 0)
        return -1;
    /* The old photograph's hash is read back to name what was replaced. */
    if (child_exists(s, child_id, err) < 0 ||
        (had = hw_store_get_photo(s, child_id, true, describe_photo, &was, err)) < 0)
        goto fail;
    photo_text(type, len, data, now_text, sizeof now_text);
    struct hw_photo p = {.child_id = child_id,
                         .content_type = type,
                         .size = len,
                         .data = data,
                         .uploaded_at = who->at,
                         .uploaded_by = who->user};
    if (hw_store_put_photo(s, &p, err) < 0 ||
        history(s, child_id, "photo", had ? was.text : NULL, now_text, who, err) < 0 ||
        hw_store_commit(s, err) < 0)
        goto fail;
    return had;
fail:
    hw_store_rollback(s);
    return -1;
}

/* ---- the open episode, sends ---- */

static int latest_open(void *ctx, const void *rec)
{
    /* Listed by last seen, then ID: the last one listed is the latest. */
    hw_record_copy(hw_episode_fields, ctx, rec);
    return 0;
}

int hw_open_episode(struct hw_store *s, const char *child_id, struct hw_episode *e,
                    struct hw_err *err)
{
    struct hw_filter f = {.child_id = child_id, .open_only = true};
    hw_record_clear(hw_episode_fields, e);
    hw_record_init(hw_episode_fields, e);
    if (hw_store_list(s, HW_REC_EPISODE, &f, latest_open, e, err) < 0)
        return -1;
    return e->id != NULL;
}

int hw_profile_send(struct hw_store *s, const char *child_id, const char *sent_to,
                    const struct hw_actor *who, char episode_id[HW_ID_MAX + 1], struct hw_err *err)
{
    struct hw_episode e;
    struct hw_err why;
    char detail[400];
    int rc = -1, open;
    hw_record_init(hw_episode_fields, &e);
    if (sent_to == NULL || sent_to[strspn(sent_to, " \t")] == '\0') {
        hw_fail(err, HW_EINPUT,
                "sent_to: required: who the profile went to, for example \"PC 1234 Smith, by "
                "email\"");
        goto done;
    }
    if (hw_text_check(sent_to, HW_SENT_TO_MAX, &why) < 0 || strpbrk(sent_to, "\r\n")) {
        hw_fail(err, HW_EINPUT, "sent_to: %s",
                strpbrk(sent_to, "\r\n") && strlen(sent_to) <= HW_SENT_TO_MAX ? "one line only"
                                                                              : why.msg);
        goto done;
    }
    if (hw_store_begin(s, err) < 0)
        goto done;
    if (child_exists(s, child_id, err) < 0 || (open = hw_open_episode(s, child_id, &e, err)) < 0)
        goto rollback;
    if (open == 0) {
        hw_fail(err, HW_ECONFLICT,
                "child %s is not missing now: the profile is sent to the police for an open "
                "episode",
                child_id);
        goto rollback;
    }
    struct hw_profile_send r = {.child_id = child_id,
                                .episode_id = e.id,
                                .police_ref = e.police_ref,
                                .sent_to = sent_to,
                                .sent_at = who->at,
                                .sent_by = who->user};
    snprintf(detail, sizeof detail, "missing profile sent to the police for episode %s%s%s: %s",
             e.id, e.police_ref ? ", police reference " : "", e.police_ref ? e.police_ref : "",
             sent_to);
    if (hw_store_add_profile_send(s, &r, NULL, err) < 0 ||
        hw_audit(s, who->user, who->at, "profile_sent", "child", child_id, detail, err) < 0 ||
        hw_store_commit(s, err) < 0)
        goto rollback;
    if (episode_id)
        snprintf(episode_id, HW_ID_MAX + 1, "%s", e.id);
    rc = 0;
    goto done;
rollback:
    hw_store_rollback(s);
done:
    hw_record_clear(hw_episode_fields, &e);
    return rc;
}

/* ---- who may read it ---- */

struct sent_episodes {
    char **ids;
    size_t len;
};

static int collect_sent(void *ctx, const struct hw_profile_send *r)
{
    struct sent_episodes *l = ctx;
    l->ids = hw_reallocarray(l->ids, l->len + 1, sizeof *l->ids);
    l->ids[l->len++] = hw_strdup(r->episode_id);
    return 0;
}

int hw_profile_police_may_read(struct hw_store *s, const struct hw_config *cfg,
                               const char *child_id, hw_instant now, struct hw_err *err)
{
    struct hw_episode e;
    struct sent_episodes sent = {0};
    int rc = -1;
    hw_record_init(hw_episode_fields, &e);
    int open = hw_open_episode(s, child_id, &e, err);
    if (open < 0)
        goto done;
    if (open) {
        rc = HW_POLICE_MISSING;
        goto done;
    }
    if (hw_store_list_profile_sends(s, child_id, collect_sent, &sent, err) < 0)
        goto done;
    rc = HW_POLICE_NO;
    for (size_t i = 0; i < sent.len && rc == HW_POLICE_NO; i++) {
        uint64_t mask = hw_field_mask(hw_episode_fields, "episode_id", "returned", NULL);
        hw_record_clear(hw_episode_fields, &e);
        hw_record_init(hw_episode_fields, &e);
        int found = hw_store_get_some(s, HW_REC_EPISODE, sent.ids[i], mask, &e, err);
        if (found < 0) {
            rc = -1;
            break;
        }
        if (found && (e.returned == HW_NO_TIME ||
                      now - e.returned < (hw_instant)cfg->police_profile_days * HW_DAY))
            rc = HW_POLICE_SENT;
    }
done:
    for (size_t i = 0; i < sent.len; i++)
        free(sent.ids[i]);
    free(sent.ids);
    hw_record_clear(hw_episode_fields, &e);
    return rc;
}

int hw_profile_may_read(struct hw_store *s, const struct hw_config *cfg,
                        const struct hw_principal *who, const struct hw_child *c, hw_instant now,
                        struct hw_err *err)
{
    switch (who->role) {
    case HW_USER_ROLE_COORDINATOR:
    case HW_USER_ROLE_TEAM_MANAGER:
    case HW_USER_ROLE_WORKER:
        return hw_may_see_child(who, c);
    case HW_USER_ROLE_POLICE_LIAISON: {
        int why = hw_profile_police_may_read(s, cfg, c->id, now, err);
        return why < 0 ? -1 : why != HW_POLICE_NO;
    }
    default:
        return 0; /* analysts see no names or photographs; admins no records */
    }
}
