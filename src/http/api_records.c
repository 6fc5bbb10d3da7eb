/* api_records.c - children, episodes and interviews: list, read, add,
 * change; a record's history.
 *
 * Every read of a child's record is checked against the principal
 * (hw_api_visible_child) and audited; every write goes through
 * hw_write_record (checked, stored with its history, notified) and is
 * audited. Analysts get episodes pseudonymised (app/auth.h hw_pseudonym).
 */
#include "http/api.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/associates.h"
#include "core/routing.h"
#include "core/rules.h"
#include "core/strmap.h"
#include "io/record_json.h"
#include "report/record_view.h"

/* ---- query arguments ---- */

/* A whole-number argument in [0, max], def when absent; false with rs filled. */
static bool arg_count(struct hw_request *rq, struct hw_response *rs, const char *name, size_t def,
                      size_t max, size_t *out)
{
    const char *v = rq->arg(rq->conn, name);
    char *end;
    *out = def;
    if (v == NULL)
        return true;
    unsigned long long n = strtoull(v, &end, 10);
    if (*v == '\0' || *end != '\0' || !isdigit((unsigned char)*v) || n > max) {
        hw_http_error(rs, 400, name, "%s: expected a whole number from 0 to %zu", name, max);
        return false;
    }
    *out = (size_t)n;
    return true;
}

/* Case-insensitive: does hay contain needle? */
static bool contains(const char *hay, const char *needle)
{
    if (hay == NULL)
        return false;
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return n == 0;
}

/* The children of a team, as a set of IDs (for scoping episodes and
 * interviews to a manager's or worker's team). */
static int collect_id(void *ctx, const void *rec)
{
    const struct hw_child *c = rec;
    struct hw_strmap *m = ctx;
    hw_strmap_put(m, c->id, 1);
    return 0;
}

/* The team the principal's list is kept to (hw_api_team): its children
 * gathered into set and *scope pointed at it, or *scope NULL for no team.
 * False with rs filled on a bad request or a fault. */
static bool team_scope(struct hw_request *rq, struct hw_response *rs, struct hw_strmap *set,
                       const struct hw_strmap **scope)
{
    const char *team = NULL;
    struct hw_err err = {0};
    *scope = NULL;
    if (!hw_api_team(rq, rs, &team))
        return false;
    if (team == NULL)
        return true;
    struct hw_filter f = {.team = team, .fields = hw_field_mask(hw_child_fields, "child_id", NULL)};
    if (hw_store_list(rq->store, HW_REC_CHILD, &f, collect_id, set, &err) < 0) {
        hw_api_fault(rs, &err);
        return false;
    }
    *scope = set;
    return true;
}

/* ---- children ---- */

struct child_search {
    json_t *list;
    const char *q;
    size_t total, offset, limit;
};

static int search_one(void *ctx, const void *rec)
{
    struct child_search *cs = ctx;
    const struct hw_child *c = rec;
    if (cs->q && *cs->q) {
        char full[512];
        snprintf(full, sizeof full, "%s %s", c->first_name ? c->first_name : "",
                 c->last_name ? c->last_name : "");
        if (!contains(c->id, cs->q) && !contains(full, cs->q))
            return 0;
    }
    if (cs->total >= cs->offset && cs->total - cs->offset < cs->limit)
        json_array_append_new(cs->list, hw_record_json(hw_child_fields, c));
    cs->total++;
    return 0;
}

void hw_api_children(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    const char *team;
    struct child_search cs = {.q = rq->arg(rq->conn, "q")};
    if (!hw_api_team(rq, rs, &team) || !arg_count(rq, rs, "limit", 50, 1000, &cs.limit) ||
        !arg_count(rq, rs, "offset", 0, (size_t)1 << 30, &cs.offset))
        return;
    struct hw_filter f = {.team = team};
    cs.list = json_array();
    if (hw_store_list(rq->store, HW_REC_CHILD, &f, search_one, &cs, &err) < 0) {
        json_decref(cs.list);
        hw_api_fault(rs, &err);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL, "children search", &err);
    json_t *o = json_object();
    json_object_set_new(o, "children", cs.list);
    json_object_set_new(o, "total", json_integer((json_int_t)cs.total));
    hw_http_json(rs, 200, o);
}

/* An episode's ID with when the child was last seen, to order them. */
struct ep_ref {
    char *id;
    hw_instant last_seen;
};

struct ep_refs {
    struct ep_ref *items;
    size_t len;
};

static int collect_ep_ref(void *ctx, const void *rec)
{
    struct ep_refs *r = ctx;
    const struct hw_episode *e = rec;
    r->items = hw_reallocarray(r->items, r->len + 1, sizeof *r->items);
    r->items[r->len++] = (struct ep_ref){hw_strdup(e->id), e->last_seen};
    return 0;
}

static int newest_first(const void *a, const void *b)
{
    const struct ep_ref *x = a, *y = b;
    return x->last_seen < y->last_seen ? 1 : x->last_seen > y->last_seen ? -1 : 0;
}

static void ep_refs_free(struct ep_refs *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(r->items[i].id);
    free(r->items);
}

static int action_json(void *ctx, const struct hw_action_record *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "episode_id", json_string(a->episode_id));
    json_object_set_new(o, "action", json_string(hw_code_name(hw_action_codes, a->kind)));
    json_object_set_new(o, "seq", json_integer(a->seq));
    json_object_set_new(o, "outcome",
                        json_string(hw_code_name(hw_action_outcome_codes, a->outcome)));
    json_object_set_new(o, "at", hw_time_json(a->at));
    json_object_set_new(o, "reason", a->reason ? json_string(a->reason) : json_null());
    json_object_set_new(o, "by", json_string(a->recorded.user));
    json_array_append_new(ctx, o);
    return 0;
}

static int notification_json(void *ctx, const struct hw_notification *n)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(n->id));
    json_object_set_new(o, "episode_id", json_string(n->episode_id));
    json_object_set_new(o, "event", json_string(hw_code_name(hw_outbox_event_codes, n->event)));
    json_object_set_new(o, "role", json_string(hw_code_name(hw_role_codes, n->role)));
    json_object_set_new(o, "recipient", n->recipient ? json_string(n->recipient) : json_null());
    json_object_set_new(o, "reason", n->reason ? json_string(n->reason) : json_null());
    json_object_set_new(o, "created_at", hw_time_json(n->created_at));
    json_object_set_new(o, "acknowledged_at", hw_time_json(n->acknowledged_at));
    json_array_append_new(ctx, o);
    return 0;
}

static int interview_json(void *ctx, const void *rec)
{
    json_array_append_new(ctx, hw_record_json(hw_interview_fields, rec));
    return 0;
}

static json_t *associates_json(const struct hw_associate_list *l)
{
    json_t *list = json_array();
    for (size_t i = 0; i < l->len; i++) {
        const struct hw_associate *a = &l->items[i];
        json_t *o = json_object();
        char first[HW_DATE_LEN], last[HW_DATE_LEN];
        hw_format_date(a->first, first);
        hw_format_date(a->last, last);
        json_object_set_new(o, "child_id", json_string(a->child_id));
        json_object_set_new(o, "recorded", json_boolean(a->recorded));
        json_object_set_new(o, "first_name",
                            a->first_name ? json_string(a->first_name) : json_null());
        json_object_set_new(o, "last_name", a->last_name ? json_string(a->last_name) : json_null());
        json_object_set_new(o, "episodes", json_integer((json_int_t)a->episodes));
        json_object_set_new(o, "first", json_string(first));
        json_object_set_new(o, "last", json_string(last));
        json_array_append_new(list, o);
    }
    return list;
}

/* The child's page: the child, the plan review, every episode (newest
 * first) with what the rules say of it, interviews, actions, notifications
 * and associates. */
static int child_page(struct hw_request *rq, const struct hw_child *c, json_t **out,
                      struct hw_err *err)
{
    struct ep_refs refs = {0};
    struct hw_episode e;
    struct hw_associate_list assoc = {0};
    json_t *page = NULL, *episodes = json_array(), *interviews = json_array(),
           *actions = json_array(), *notes = json_array();
    int rc = -1;
    hw_record_init(hw_episode_fields, &e);
    struct hw_filter f = {.child_id = c->id,
                          .fields =
                              hw_field_mask(hw_episode_fields, "episode_id", "last_seen", NULL)};
    if (hw_record_view(rq->store, rq->cfg, HW_REC_CHILD, c, rq->now, &page, err) < 0 ||
        hw_store_list(rq->store, HW_REC_EPISODE, &f, collect_ep_ref, &refs, err) < 0)
        goto done;
    qsort(refs.items, refs.len, sizeof *refs.items, newest_first);
    for (size_t i = 0; i < refs.len; i++) {
        json_t *view;
        struct hw_outbox_filter of = {.episode_id = refs.items[i].id};
        hw_record_clear(hw_episode_fields, &e);
        hw_record_init(hw_episode_fields, &e);
        if (hw_store_get(rq->store, HW_REC_EPISODE, refs.items[i].id, &e, err) <= 0 ||
            hw_record_view(rq->store, rq->cfg, HW_REC_EPISODE, &e, rq->now, &view, err) < 0)
            goto done;
        json_object_del(view, "interviews");
        json_array_append_new(episodes, view);
        if (hw_store_list_actions(rq->store, e.id, action_json, actions, err) < 0 ||
            hw_store_list_notifications(rq->store, &of, notification_json, notes, err) < 0)
            goto done;
    }
    struct hw_filter fi = {.child_id = c->id};
    if (hw_store_list(rq->store, HW_REC_INTERVIEW, &fi, interview_json, interviews, err) < 0 ||
        hw_associates(rq->store, c->id, 0, 0, &assoc, err) < 0)
        goto done;
    json_object_set_new(page, "episodes", episodes);
    json_object_set_new(page, "interviews", interviews);
    json_object_set_new(page, "actions", actions);
    json_object_set_new(page, "notifications", notes);
    json_object_set_new(page, "associates", associates_json(&assoc));
    episodes = interviews = actions = notes = NULL;
    *out = page;
    page = NULL;
    rc = 0;
done:
    json_decref(page);
    json_decref(episodes);
    json_decref(interviews);
    json_decref(actions);
    json_decref(notes);
    hw_associate_list_free(&assoc);
    hw_record_clear(hw_episode_fields, &e);
    ep_refs_free(&refs);
    return rc;
}

void hw_api_child_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    struct hw_err err = {0};
    json_t *page;
    hw_record_init(hw_child_fields, &c);
    if (hw_api_visible_child(rq, rs, rq->id, &c)) {
        if (child_page(rq, &c, &page, &err) < 0) {
            hw_api_fault(rs, &err);
        } else {
            hw_audit(rq->store, rq->who.user, rq->now, "view", "child", c.id, NULL, &err);
            hw_http_json(rs, 200, page);
        }
    }
    hw_record_clear(hw_child_fields, &c);
}

/* Managers may add and change only their own team's children, and may not
 * move a child to another team. */
static bool team_allowed(struct hw_request *rq, struct hw_response *rs, const struct hw_child *c)
{
    if (rq->who.role == HW_USER_ROLE_COORDINATOR)
        return true;
    if (c->team == NULL || strcmp(c->team, rq->who.team) != 0) {
        hw_http_error(rs, 403, "team", "you may add or change only your own team's children (%s)",
                      rq->who.team);
        return false;
    }
    return true;
}

/* Writes rec (before: the stored record, NULL when new) and answers it. */
static void write_and_answer(struct hw_request *rq, struct hw_response *rs, enum hw_rectype t,
                             void *rec, const void *before, unsigned status)
{
    struct hw_err err = {0};
    struct hw_rulebook rb = hw_api_rulebook(rq);
    struct hw_actor who = hw_api_actor(rq);
    const struct hw_field *fields = hw_rectypes[t].fields;
    const char *id = *(char *const *)((const char *)rec + fields[0].offset);
    if (hw_write_record(rq->store, &rb, t, rec, before, &who, &err) < 0) {
        hw_api_fail(rs, &err, fields);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "change", hw_rectypes[t].name, id,
             before ? "changed" : "added", &err);
    json_t *o = json_object();
    json_object_set_new(o, hw_rectypes[t].name, hw_record_json(fields, rec));
    hw_http_json(rs, status, o);
}

/* Loads a record that must not exist yet: false with rs filled (409) when
 * it does. */
static bool is_new(struct hw_request *rq, struct hw_response *rs, enum hw_rectype t, const char *id)
{
    struct hw_err err = {0};
    const struct hw_field *fields = hw_rectypes[t].fields;
    void *probe = hw_calloc(1, hw_rectypes[t].size);
    hw_record_init(fields, probe);
    int found = hw_store_get_some(rq->store, t, id, hw_field_mask(fields, fields[0].name, NULL),
                                  probe, &err);
    hw_record_clear(fields, probe);
    free(probe);
    if (found < 0)
        hw_api_fault(rs, &err);
    else if (found > 0)
        hw_http_error(rs, 409, fields[0].name, "%s %.64s is already recorded", hw_rectypes[t].name,
                      id);
    return found == 0;
}

void hw_api_child_add(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child c;
    json_t *body = hw_api_body(rq, rs, NULL);
    hw_record_init(hw_child_fields, &c);
    if (body && hw_api_record_fields(body, hw_child_fields, &c, NULL, rs)) {
        if (c.id == NULL)
            hw_http_error(rs, 422, "child_id", "child_id is required");
        else if (team_allowed(rq, rs, &c) && is_new(rq, rs, HW_REC_CHILD, c.id))
            write_and_answer(rq, rs, HW_REC_CHILD, &c, NULL, 201);
    }
    json_decref(body);
    hw_record_clear(hw_child_fields, &c);
}

/* The body may repeat the record's child but not move it to another. */
static bool same_child(json_t *body, const char *child_id, const char *what, struct hw_response *rs)
{
    json_t *v = json_object_get(body, "child_id");
    if (v && !(json_is_string(v) && strcmp(json_string_value(v), child_id) == 0)) {
        hw_http_error(rs, 422, "child_id", "child_id: %s cannot move to another child", what);
        return false;
    }
    return true;
}

/* The body may repeat the record's ID but not change it. */
static bool same_id(json_t *body, const struct hw_field *fields, const char *id,
                    struct hw_response *rs)
{
    json_t *v = json_object_get(body, fields[0].name);
    if (v && !(json_is_string(v) && strcmp(json_string_value(v), id) == 0)) {
        hw_http_error(rs, 422, fields[0].name, "%s: a record's ID cannot be changed",
                      fields[0].name);
        return false;
    }
    return true;
}

void hw_api_child_patch(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_child before, c;
    json_t *body = NULL;
    hw_record_init(hw_child_fields, &before);
    hw_record_init(hw_child_fields, &c);
    if (!hw_api_visible_child(rq, rs, rq->id, &before))
        goto done;
    if ((body = hw_api_body(rq, rs, NULL)) == NULL ||
        !same_id(body, hw_child_fields, before.id, rs))
        goto done;
    hw_record_copy(hw_child_fields, &c, &before);
    if (hw_api_record_fields(body, hw_child_fields, &c, NULL, rs) && team_allowed(rq, rs, &c))
        write_and_answer(rq, rs, HW_REC_CHILD, &c, &before, 200);
done:
    json_decref(body);
    hw_record_clear(hw_child_fields, &before);
    hw_record_clear(hw_child_fields, &c);
}

/* ---- episodes ---- */

struct episode_list {
    json_t *list;
    const struct hw_strmap *team; /* NULL: every child */
    bool pseudonymise;
    unsigned char key[HW_PSEUDONYM_KEY];
    size_t limit;
};

/* What an analyst may see of an episode: no names, references or places;
 * the child as a pseudonym. */
static json_t *pseudonymised(const struct hw_episode *e, const unsigned char *key)
{
    static const char *const hidden[] = {"police_ref",        "reported_by",   "found_location",
                                         "missing_from_name", "with_children", NULL};
    char alias[HW_PSEUDONYM_LEN];
    json_t *o = hw_record_json(hw_episode_fields, e);
    for (const char *const *h = hidden; *h; h++)
        json_object_del(o, *h);
    hw_pseudonym(key, e->child_id, alias);
    json_object_set_new(o, "child_id", json_string(alias));
    return o;
}

static int list_episode(void *ctx, const void *rec)
{
    struct episode_list *l = ctx;
    const struct hw_episode *e = rec;
    size_t dummy;
    if (l->team && !hw_strmap_get(l->team, e->child_id, &dummy))
        return 0;
    json_array_append_new(l->list, l->pseudonymise ? pseudonymised(e, l->key)
                                                   : hw_record_json(hw_episode_fields, e));
    return l->limit && json_array_size(l->list) >= l->limit;
}

/* A date argument (local), as the instant its day starts (end: the day
 * after, so the day is included); 0 when absent. */
static bool arg_day(struct hw_request *rq, struct hw_response *rs, const char *name, bool end,
                    hw_instant *out)
{
    const char *v = rq->arg(rq->conn, name);
    hw_date d;
    *out = 0;
    if (v == NULL)
        return true;
    if (hw_parse_date(v, &d) < 0) {
        hw_http_error(rs, 400, name, "%s: expected a date as YYYY-MM-DD", name);
        return false;
    }
    *out = hw_london_day_start(end ? d + 1 : d);
    return true;
}

void hw_api_episodes(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    struct hw_strmap team_set = {0};
    struct episode_list l = {.list = json_array()};
    struct hw_filter f = {.child_id = rq->arg(rq->conn, "child_id")};
    const char *open = rq->arg(rq->conn, "open"), *kind = rq->arg(rq->conn, "kind");
    bool analyst = rq->who.role == HW_USER_ROLE_ANALYST;
    if (!arg_count(rq, rs, "limit", 500, 100000, &l.limit) ||
        !arg_day(rq, rs, "from", false, &f.from) || !arg_day(rq, rs, "to", true, &f.to))
        goto done;
    f.open_only = open && strcmp(open, "1") == 0;
    if (kind && (f.kind = hw_code_parse(hw_kind_codes, kind)) <= 0) {
        hw_http_error(rs, 400, "kind", "kind: expected missing or absent");
        goto done;
    }
    if (analyst) {
        if (f.child_id) {
            hw_http_error(rs, 403, "child_id", "analysts see episodes pseudonymised, not by child");
            goto done;
        }
        l.pseudonymise = true;
        if (hw_pseudonym_key(rq->store, l.key, &err) < 0) {
            hw_api_fault(rs, &err);
            goto done;
        }
    } else if (!team_scope(rq, rs, &team_set, &l.team)) {
        goto done;
    }
    if (hw_store_list(rq->store, HW_REC_EPISODE, &f, list_episode, &l, &err) < 0) {
        hw_api_fault(rs, &err);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, analyst ? "export" : "view", NULL, NULL,
             analyst ? "episodes pseudonymised" : "episodes list", &err);
    json_t *o = json_object();
    json_object_set_new(o, "episodes", l.list);
    l.list = NULL;
    hw_http_json(rs, 200, o);
done:
    json_decref(l.list);
    hw_strmap_free(&team_set);
    sodium_memzero(l.key, sizeof l.key);
}

/* Loads an episode and checks the principal may see its child; false with
 * rs filled. */
static bool visible_episode(struct hw_request *rq, struct hw_response *rs, const char *id,
                            struct hw_episode *e)
{
    struct hw_child c;
    struct hw_err err = {0};
    bool ok = false;
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get(rq->store, HW_REC_EPISODE, id, e, &err);
    if (found < 0)
        hw_api_fault(rs, &err);
    else if (found == 0)
        hw_http_error(rs, 404, NULL, "no episode %.64s is recorded", id);
    else
        ok = hw_api_visible_child(rq, rs, e->child_id, &c);
    hw_record_clear(hw_child_fields, &c);
    return ok;
}

/* Answers rec's view (report/record_view.h) and audits it as viewed. */
static void view_answer(struct hw_request *rq, struct hw_response *rs, enum hw_rectype t,
                        const void *rec, const char *id)
{
    struct hw_err err = {0};
    json_t *view;
    if (hw_record_view(rq->store, rq->cfg, t, rec, rq->now, &view, &err) < 0) {
        hw_api_fault(rs, &err);
        return;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", hw_rectypes[t].name, id, NULL, &err);
    hw_http_json(rs, 200, view);
}

void hw_api_episode_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    if (visible_episode(rq, rs, rq->id, &e))
        view_answer(rq, rs, HW_REC_EPISODE, &e, e.id);
    hw_record_clear(hw_episode_fields, &e);
}

void hw_api_episode_patch(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const fixed[] = {"child_id", NULL};
    struct hw_episode before, e;
    json_t *body = NULL;
    hw_record_init(hw_episode_fields, &before);
    hw_record_init(hw_episode_fields, &e);
    if (!visible_episode(rq, rs, rq->id, &before) || (body = hw_api_body(rq, rs, NULL)) == NULL ||
        !same_id(body, hw_episode_fields, before.id, rs))
        goto done;
    if (!same_child(body, before.child_id, "an episode", rs))
        goto done;
    hw_record_copy(hw_episode_fields, &e, &before);
    if (hw_api_record_fields(body, hw_episode_fields, &e, fixed, rs))
        write_and_answer(rq, rs, HW_REC_EPISODE, &e, &before, 200);
done:
    json_decref(body);
    hw_record_clear(hw_episode_fields, &before);
    hw_record_clear(hw_episode_fields, &e);
}

/* ---- interviews ---- */

struct interview_list {
    json_t *list;
    const struct hw_strmap *team; /* NULL: every child */
    bool shared_only;             /* police liaison: shared with police only */
};

static int list_interview(void *ctx, const void *rec)
{
    struct interview_list *l = ctx;
    const struct hw_interview *iv = rec;
    size_t dummy;
    if ((l->team && !hw_strmap_get(l->team, iv->child_id, &dummy)) ||
        (l->shared_only && iv->shared_with_police == HW_NO_DATE))
        return 0;
    json_array_append_new(l->list, hw_record_json(hw_interview_fields, iv));
    return 0;
}

void hw_api_interviews(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    struct hw_strmap team_set = {0};
    struct interview_list l = {.list = json_array()};
    struct hw_filter f = {.child_id = rq->arg(rq->conn, "child_id"),
                          .episode_id = rq->arg(rq->conn, "episode_id")};
    if (rq->who.role == HW_USER_ROLE_POLICE_LIAISON) {
        l.shared_only = true;
    } else if (!team_scope(rq, rs, &team_set, &l.team)) {
        goto done;
    }
    if (hw_store_list(rq->store, HW_REC_INTERVIEW, &f, list_interview, &l, &err) < 0) {
        hw_api_fault(rs, &err);
        goto done;
    }
    hw_audit(rq->store, rq->who.user, rq->now, "view", NULL, NULL,
             l.shared_only ? "interviews shared with police" : "interviews list", &err);
    json_t *o = json_object();
    json_object_set_new(o, "interviews", l.list);
    l.list = NULL;
    hw_http_json(rs, 200, o);
done:
    json_decref(l.list);
    hw_strmap_free(&team_set);
}

/* Loads an interview the principal may see: casework roles their team's
 * children's, police liaison those shared with police. */
static bool visible_interview(struct hw_request *rq, struct hw_response *rs, const char *id,
                              struct hw_interview *iv)
{
    struct hw_child c;
    struct hw_err err = {0};
    bool ok = false;
    hw_record_init(hw_child_fields, &c);
    int found = hw_store_get(rq->store, HW_REC_INTERVIEW, id, iv, &err);
    if (found < 0) {
        hw_api_fault(rs, &err);
    } else if (found == 0) {
        hw_http_error(rs, 404, NULL, "no interview %.64s is recorded", id);
    } else if (rq->who.role == HW_USER_ROLE_POLICE_LIAISON) {
        ok = iv->shared_with_police != HW_NO_DATE;
        if (!ok) {
            hw_audit(rq->store, rq->who.user, rq->now, "view_refused", "interview", id, NULL, &err);
            hw_http_error(rs, 403, NULL, "interview %.64s has not been shared with police", id);
        }
    } else {
        ok = hw_api_visible_child(rq, rs, iv->child_id, &c);
    }
    hw_record_clear(hw_child_fields, &c);
    return ok;
}

void hw_api_interview_get(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    if (visible_interview(rq, rs, rq->id, &iv))
        view_answer(rq, rs, HW_REC_INTERVIEW, &iv, iv.id);
    hw_record_clear(hw_interview_fields, &iv);
}

/* An ID for a new interview: "I-" and its first episode, then "-2", ... */
static bool new_interview_id(struct hw_request *rq, struct hw_response *rs, struct hw_interview *iv)
{
    char id[128], first[64];
    struct hw_err err = {0}, why;
    size_t n = strcspn(iv->episode_ids, ";");
    snprintf(first, sizeof first, "%.*s", (int)(n < 60 ? n : 60), iv->episode_ids);
    for (int k = 1; k < 100; k++) {
        if (k == 1)
            snprintf(id, sizeof id, "I-%s", first);
        else
            snprintf(id, sizeof id, "I-%s-%d", first, k);
        struct hw_interview probe;
        hw_record_init(hw_interview_fields, &probe);
        int found = hw_store_get_some(rq->store, HW_REC_INTERVIEW, id,
                                      hw_field_mask(hw_interview_fields, "interview_id", NULL),
                                      &probe, &err);
        hw_record_clear(hw_interview_fields, &probe);
        if (found < 0) {
            hw_api_fault(rs, &err);
            return false;
        }
        if (found == 0) {
            if (hw_field_set(&hw_interview_fields[0], iv, id, &why) < 0) {
                hw_http_error(rs, 422, "episode_ids", "episode_ids: %s", why.msg);
                return false;
            }
            return true;
        }
    }
    hw_http_error(rs, 409, "interview_id", "too many interviews for episode %s: give an ID", first);
    return false;
}

void hw_api_interview_add(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_interview iv;
    struct hw_child c;
    json_t *body = hw_api_body(rq, rs, NULL);
    hw_record_init(hw_interview_fields, &iv);
    hw_record_init(hw_child_fields, &c);
    if (body == NULL || !hw_api_record_fields(body, hw_interview_fields, &iv, NULL, rs))
        goto done;
    if (iv.child_id == NULL) {
        hw_http_error(rs, 422, "child_id", "child_id is required");
        goto done;
    }
    if (iv.episode_ids == NULL) {
        hw_http_error(rs, 422, "episode_ids", "episode_ids: at least one episode is required");
        goto done;
    }
    if (!hw_api_visible_child(rq, rs, iv.child_id, &c))
        goto done;
    if (iv.id ? !is_new(rq, rs, HW_REC_INTERVIEW, iv.id) : !new_interview_id(rq, rs, &iv))
        goto done;
    if (iv.decision && iv.decided_by == NULL)
        iv.decided_by = hw_strdup(rq->who.user);
    write_and_answer(rq, rs, HW_REC_INTERVIEW, &iv, NULL, 201);
done:
    json_decref(body);
    hw_record_clear(hw_interview_fields, &iv);
    hw_record_clear(hw_child_fields, &c);
}

void hw_api_interview_patch(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const fixed[] = {"child_id", NULL};
    struct hw_interview before, iv;
    json_t *body = NULL;
    hw_record_init(hw_interview_fields, &before);
    hw_record_init(hw_interview_fields, &iv);
    if (rq->who.role == HW_USER_ROLE_POLICE_LIAISON) {
        hw_http_error(rs, 403, NULL, "police liaison may read shared interviews, not change them");
        goto done;
    }
    if (!visible_interview(rq, rs, rq->id, &before) || (body = hw_api_body(rq, rs, NULL)) == NULL ||
        !same_id(body, hw_interview_fields, before.id, rs))
        goto done;
    if (!same_child(body, before.child_id, "an interview", rs))
        goto done;
    hw_record_copy(hw_interview_fields, &iv, &before);
    if (!hw_api_record_fields(body, hw_interview_fields, &iv, fixed, rs))
        goto done;
    /* As on the command line: completing sets the outcome and, if none was
     * recorded, the offer; an offer makes the outcome pending. */
    bool said_outcome = json_object_get(body, "outcome") != NULL;
    if (iv.completed != HW_NO_TIME && before.completed == HW_NO_TIME && !said_outcome)
        iv.outcome = HW_OUT_COMPLETED;
    if (iv.completed != HW_NO_TIME && iv.offered == HW_NO_TIME)
        iv.offered = iv.completed;
    if (iv.offered != HW_NO_TIME && !iv.outcome)
        iv.outcome = HW_OUT_PENDING;
    if (iv.decision != before.decision && !json_object_get(body, "decided_by")) {
        free(iv.decided_by);
        iv.decided_by = hw_strdup(rq->who.user);
    }
    write_and_answer(rq, rs, HW_REC_INTERVIEW, &iv, &before, 200);
done:
    json_decref(body);
    hw_record_clear(hw_interview_fields, &before);
    hw_record_clear(hw_interview_fields, &iv);
}

/* ---- history ---- */

static int change_json(void *ctx, const struct hw_change *c)
{
    json_t *o = json_object();
    json_object_set_new(o, "at", hw_time_json(c->at));
    json_object_set_new(o, "user", json_string(c->user));
    json_object_set_new(o, "source", c->source ? json_string(c->source) : json_null());
    json_object_set_new(o, "field", c->field ? json_string(c->field) : json_null());
    json_object_set_new(o, "old", c->old_value ? json_string(c->old_value) : json_null());
    json_object_set_new(o, "new", c->new_value ? json_string(c->new_value) : json_null());
    json_array_append_new(ctx, o);
    return 0;
}

void hw_api_history(struct hw_request *rq, struct hw_response *rs)
{
    const char *type = rq->arg(rq->conn, "type"), *id = rq->arg(rq->conn, "id");
    const struct hw_rectype_info *t = type ? hw_rectype_find(type) : NULL;
    struct hw_err err = {0};
    if (t == NULL) {
        hw_http_error(rs, 400, "type", "type: expected child, episode or interview");
        return;
    }
    if (id == NULL || *id == '\0') {
        hw_http_error(rs, 400, "id", "id: the record's ID is required");
        return;
    }
    enum hw_rectype rt = (enum hw_rectype)(t - hw_rectypes);
    void *rec = hw_calloc(1, t->size);
    hw_record_init(t->fields, rec);
    bool ok = rt == HW_REC_CHILD     ? hw_api_visible_child(rq, rs, id, rec)
              : rt == HW_REC_EPISODE ? visible_episode(rq, rs, id, rec)
                                     : visible_interview(rq, rs, id, rec);
    if (ok) {
        json_t *list = json_array();
        if (hw_store_list_changes(rq->store, rt, id, change_json, list, &err) < 0) {
            json_decref(list);
            hw_api_fault(rs, &err);
        } else {
            hw_audit(rq->store, rq->who.user, rq->now, "view", t->name, id, "history", &err);
            json_t *o = json_object();
            json_object_set_new(o, "changes", list);
            hw_http_json(rs, 200, o);
        }
    }
    hw_record_clear(t->fields, rec);
    free(rec);
}
