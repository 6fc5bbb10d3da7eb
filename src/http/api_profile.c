/* api_profile.c - the missing profile (seed 003 section 4.1): read and
 * change it, the photograph, the printable page, the record that it was
 * sent to the police, and the profiles of the children missing now.
 *
 * Who may read a profile and its photograph is app/profile.h's
 * hw_profile_may_read: casework roles as for the child (their team's, for
 * managers and workers), police liaison only while the child is missing or
 * for a while after the profile was sent to them, analysts and admins
 * never (the routes do not let them in). Every read is audited as a view,
 * the printable page as a print, and every refusal as view_refused.
 */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/profile.h"
#include "report/profile_doc.h"

/* What the printable page may load: its own style and the photograph it
 * holds as a data: URI; no scripts, nothing fetched. */
#define PRINT_CSP                                                                                  \
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "       \
    "base-uri 'none'; form-action 'none'"

/* Loads child id and checks the principal may read their profile; false
 * with rs filled: 404 unknown, 403 not theirs (audited), 500 fault. */
static bool readable(struct hw_request *rq, struct hw_response *rs, const char *id,
                     struct hw_child *c)
{
    struct hw_err err = {0};
    if (rq->who.role != HW_USER_ROLE_POLICE_LIAISON)
        return hw_api_visible_child(rq, rs, id, c);
    int found = hw_store_get(rq->store, HW_REC_CHILD, id, c, &err);
    if (found <= 0) {
        if (found < 0)
            hw_api_fault(rs, &err);
        else
            hw_http_error(rs, 404, NULL, "no child %.64s is recorded", id);
        return false;
    }
    int may = hw_profile_may_read(rq->store, rq->cfg, &rq->who, c, rq->now, &err);
    if (may < 0) {
        hw_api_fault(rs, &err);
        return false;
    }
    if (!may) {
        hw_audit(rq->store, rq->who.user, rq->now, "view_refused", "child", id, "missing profile",
                 &err);
        hw_http_error(rs, 403, NULL,
                      "child %.64s is not missing now, and their profile has not been sent to "
                      "the police",
                      id);
        return false;
    }
    return true;
}

/* The limits a form needs: each field's bytes and lines, the photograph's
 * bytes. */
static json_t *limits_json(const struct hw_config *cfg)
{
    json_t *o = json_object();
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        json_t *f = json_object();
        json_object_set_new(f, "label", json_string(hw_profile_labels[i].label));
        json_object_set_new(f, "bytes", json_integer(hw_profile_fields[i + 1].max));
        json_object_set_new(f, "lines", json_integer(hw_profile_labels[i].max_lines));
        json_object_set_new(o, hw_profile_fields[i + 1].name, f);
    }
    json_object_set_new(o, "photo_bytes", json_integer(cfg->photo_max_bytes));
    return o;
}

static char *photo_url(const char *child_id)
{
    return hw_asprintf("/api/v1/children/%s/photo", child_id);
}

/* The profile document of child c as JSON, with the limits (for forms). */
static bool profile_answer(struct hw_request *rq, struct hw_response *rs, const char *child_id,
                           unsigned status)
{
    struct hw_profile_doc d;
    struct hw_err err = {0};
    if (hw_profile_doc_build(rq->store, child_id, rq->now, rq->who.user, false, &d, &err) < 0) {
        hw_api_fail(rs, &err, NULL);
        return false;
    }
    char *url = photo_url(d.child.id);
    json_t *o = hw_profile_doc_json(&d, url);
    json_object_set_new(o, "limits", limits_json(rq->cfg));
    free(url);
    hw_profile_doc_free(&d);
    hw_http_json(rs, status, o);
    return true;
}

void hw_api_profile_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_child_fields, &c);
    if (readable(rq, rs, rq->id, &c) && profile_answer(rq, rs, c.id, 200))
        hw_audit(rq->store, rq->who.user, rq->now, "view", "child", c.id, "missing profile", &err);
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_profile_patch(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_profile given;
    struct hw_err err = {0};
    json_t *body = NULL;
    uint64_t fields = 0;
    hw_record_init(hw_child_fields, &c);
    hw_profile_init(&given);
    if (!hw_api_visible_child(rq, rs, rq->id, &c) || (body = hw_api_body(rq, rs, NULL)) == NULL)
        goto done;
    if (json_object_get(body, "child_id")) {
        hw_http_error(rs, 422, "child_id",
                      "child_id: the profile's child is the one in the "
                      "address");
        goto done;
    }
    if (!hw_api_record_fields(body, hw_profile_fields, &given, NULL, rs))
        goto done;
    const char *key;
    json_t *v;
    json_object_foreach(body, key, v)
    {
        fields |= UINT64_C(1) << (hw_field_find(hw_profile_fields, key) - hw_profile_fields);
    }
    struct hw_actor who = hw_api_actor(rq);
    int saved = hw_profile_set(rq->store, c.id, &given, fields, &who, NULL, &err);
    if (saved < 0) {
        hw_api_fail(rs, &err, hw_profile_fields);
        goto done;
    }
    if (saved != HW_SAVE_SAME)
        hw_audit(rq->store, rq->who.user, rq->now, "change", "child", c.id,
                 saved == HW_SAVE_NEW ? "missing profile written" : "missing profile changed",
                 &err);
    profile_answer(rq, rs, c.id, 200);
done:
    json_decref(body);
    hw_profile_clear(&given);
    hw_record_clear(hw_child_fields, &c);
}

static int photo_bytes(void *ctx, const struct hw_photo *p)
{
    struct hw_response *rs = ctx;
    hw_buf_reset(&rs->body);
    hw_buf_append(&rs->body, (const char *)p->data, p->size);
    rs->content_type = strcmp(p->content_type, "image/png") == 0 ? "image/png" : "image/jpeg";
    return 0;
}

void hw_api_photo_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    hw_record_init(hw_child_fields, &c);
    if (readable(rq, rs, rq->id, &c)) {
        int found = hw_store_get_photo(rq->store, c.id, true, photo_bytes, rs, &err);
        if (found < 0) {
            hw_api_fault(rs, &err);
        } else if (found == 0) {
            hw_http_error(rs, 404, NULL, "no photograph of child %.64s is recorded", c.id);
        } else {
            rs->status = 200;
            hw_audit(rq->store, rq->who.user, rq->now, "view", "child", c.id, "photograph", &err);
        }
    }
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_photo_put(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    size_t max = (size_t)rq->cfg->photo_max_bytes;
    hw_record_init(hw_child_fields, &c);
    if (!hw_api_visible_child(rq, rs, rq->id, &c))
        goto done;
    if (rq->body_len > max) {
        char got[64], limit[64];
        hw_bytes_text(rq->body_len, got, sizeof got);
        hw_bytes_text(max, limit, sizeof limit);
        hw_http_error(rs, 413, "photo", "photo: the photograph is %s: the limit is %s", got, limit);
        goto done;
    }
    struct hw_actor who = hw_api_actor(rq);
    int replaced = hw_profile_set_photo(rq->store, c.id, (const unsigned char *)rq->body,
                                        rq->body_len, max, &who, &err);
    if (replaced < 0) {
        if (err.kind == HW_EINPUT)
            hw_http_error(rs, 422, "photo", "photo: %s", err.msg);
        else
            hw_api_fail(rs, &err, NULL);
        goto done;
    }
    char detail[128], bytes[64];
    const char *type = hw_photo_type((const unsigned char *)rq->body, rq->body_len);
    hw_bytes_text(rq->body_len, bytes, sizeof bytes);
    snprintf(detail, sizeof detail, "photograph %s (%s, %s)", replaced ? "replaced" : "stored",
             type, bytes);
    hw_audit(rq->store, rq->who.user, rq->now, "change", "child", c.id, detail, &err);
    json_t *p = json_object(), *o = json_object();
    char *url = photo_url(c.id);
    json_object_set_new(p, "content_type", json_string(type));
    json_object_set_new(p, "bytes", json_integer((json_int_t)rq->body_len));
    json_object_set_new(p, "uploaded_by", json_string(rq->who.user));
    json_object_set_new(p, "url", json_string(url));
    json_object_set_new(p, "replaced", json_boolean(replaced));
    json_object_set_new(o, "photo", p);
    free(url);
    hw_http_json(rs, replaced ? 200 : 201, o);
done:
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_profile_print(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_profile_doc d;
    struct hw_err err = {0};
    hw_record_init(hw_child_fields, &c);
    if (!readable(rq, rs, rq->id, &c))
        goto done;
    if (hw_profile_doc_build(rq->store, c.id, rq->now, rq->who.user, true, &d, &err) < 0) {
        hw_api_fail(rs, &err, NULL);
        goto done;
    }
    hw_buf_reset(&rs->body);
    hw_profile_doc_html(&d, &rs->body);
    hw_profile_doc_free(&d);
    /* The page is printed from the browser: audited when it is handed out. */
    hw_audit(rq->store, rq->who.user, rq->now, "print", "child", c.id,
             "missing profile as html (A4 page)", &err);
    rs->status = 200;
    rs->content_type = "text/html; charset=utf-8";
    rs->csp = PRINT_CSP;
done:
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_profile_send(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"to", NULL};
    struct hw_child c;
    struct hw_err err = {0};
    char episode[HW_ID_MAX + 1];
    json_t *body = NULL;
    hw_record_init(hw_child_fields, &c);
    const char *to;
    if (!hw_api_visible_child(rq, rs, rq->id, &c) ||
        (body = hw_api_body(rq, rs, allowed)) == NULL || (to = hw_api_text(body, "to", rs)) == NULL)
        goto done;
    struct hw_actor who = hw_api_actor(rq);
    if (hw_profile_send(rq->store, c.id, to, &who, episode, &err) < 0) {
        if (strncmp(err.msg, "sent_to: ", 9) == 0)
            hw_http_error(rs, 422, "to", "to: %s", err.msg + 9);
        else
            hw_api_fail(rs, &err, NULL);
        goto done;
    }
    json_t *o = json_object(), *sent = json_object();
    json_object_set_new(sent, "child_id", json_string(c.id));
    json_object_set_new(sent, "episode_id", json_string(episode));
    json_object_set_new(sent, "sent_to", json_string(to));
    json_object_set_new(sent, "sent_by", json_string(rq->who.user));
    json_object_set_new(o, "sent", sent);
    hw_http_json(rs, 201, o);
done:
    json_decref(body);
    hw_record_clear(hw_child_fields, &c);
}

/* ---- the profiles of the children missing now ---- */

struct missing {
    struct hw_request *rq;
    json_t *list;
    char **ids; /* the children listed so far */
    size_t len;
    struct hw_err *err;
};

static bool listed(const struct missing *m, const char *id)
{
    for (size_t i = 0; i < m->len; i++)
        if (strcmp(m->ids[i], id) == 0)
            return true;
    return false;
}

/* Adds child id's profile when the principal may read it. */
static int add_child(struct missing *m, const char *id, const char *why)
{
    struct hw_child c;
    struct hw_profile_doc d;
    int rc = 0;
    if (listed(m, id))
        return 0;
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get(m->rq->store, HW_REC_CHILD, id, &c, m->err);
    int may = found > 0 ? hw_profile_may_read(m->rq->store, m->rq->cfg, &m->rq->who, &c, m->rq->now,
                                              m->err)
                        : found;
    if (may < 0) {
        rc = -1;
    } else if (may > 0) {
        if (hw_profile_doc_build(m->rq->store, id, m->rq->now, m->rq->who.user, false, &d, m->err) <
            0) {
            rc = -1;
        } else {
            char *url = photo_url(id);
            json_t *o = hw_profile_doc_json(&d, url);
            json_object_set_new(o, "listed_because", json_string(why));
            json_array_append_new(m->list, o);
            free(url);
            hw_profile_doc_free(&d);
            m->ids = hw_reallocarray(m->ids, m->len + 1, sizeof *m->ids);
            m->ids[m->len++] = hw_strdup(id);
        }
    }
    hw_record_clear(hw_child_fields, &c);
    return rc;
}

static int add_open(void *ctx, const void *rec)
{
    const struct hw_episode *e = rec;
    return add_child(ctx, e->child_id, "missing_now") < 0 ? 1 : 0;
}

static int add_sent(void *ctx, const struct hw_profile_send *r)
{
    struct missing *m = ctx;
    return add_child(m, r->child_id, "sent_to_police") < 0 ? 1 : 0;
}

void hw_api_missing_profiles(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    struct missing m = {.rq = rq, .list = json_array(), .err = &err};
    struct hw_filter f = {.open_only = true};
    /* By last seen: the child missing longest first. */
    if (hw_store_list(rq->store, HW_REC_EPISODE, &f, add_open, &m, &err) < 0 || err.kind)
        goto fault;
    if (rq->who.role == HW_USER_ROLE_POLICE_LIAISON &&
        (hw_store_list_profile_sends(rq->store, NULL, add_sent, &m, &err) < 0 || err.kind))
        goto fault;
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, "missing profiles", &err);
    json_t *o = json_object();
    json_object_set_new(o, "profiles", m.list);
    m.list = NULL;
    hw_http_json(rs, 200, o);
    goto done;
fault:
    hw_api_fault(rs, &err);
done:
    json_decref(m.list);
    for (size_t i = 0; i < m.len; i++)
        free(m.ids[i]);
    free(m.ids);
}
