/* action_plans.c - action plans: checking, saving with history, rating,
 * and where each action stands. */
#include "app/action_plans.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rag.h"
#include "core/records.h"

const char *const hw_plan_field_names[HW_PF_COUNT] = {
    "position", "area", "outcome", "action", "success_measure", "lead", "owner", "due", "progress",
};

/* ---- checking ---- */

int hw_plan_check_name(const char *plan, struct hw_err *err)
{
    if (plan == NULL || plan[0] == '\0')
        return hw_fail(err, HW_EINPUT, "a plan needs a name");
    if (strlen(plan) > HW_PLAN_NAME_MAX)
        return hw_fail(err, HW_EINPUT, "a plan's name is at most %d bytes", HW_PLAN_NAME_MAX);
    for (const char *p = plan; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return hw_fail(err, HW_EINPUT, "a plan's name is one line of text");
    return 0;
}

int hw_plan_check_ref(const char *ref, struct hw_err *err)
{
    if (ref == NULL || ref[0] == '\0')
        return hw_fail(err, HW_EINPUT, "expected a ref such as 1.2 (letters, digits and . - _ /)");
    if (strlen(ref) > HW_PLAN_REF_MAX)
        return hw_fail(err, HW_EINPUT, "expected a ref of at most %d characters", HW_PLAN_REF_MAX);
    for (const char *p = ref; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr(".-_/", *p))
            return hw_fail(err, HW_EINPUT,
                           "expected a ref such as 1.2 (letters, digits and . - _ /)");
    return 0;
}

/* The text members of an action, by field. */
static const char *const *text_member(const struct hw_plan_action *a, int f)
{
    switch (f) {
    case HW_PF_AREA:
        return &a->area;
    case HW_PF_OUTCOME:
        return &a->outcome;
    case HW_PF_ACTION:
        return &a->action;
    case HW_PF_SUCCESS_MEASURE:
        return &a->success_measure;
    case HW_PF_LEAD:
        return &a->lead;
    case HW_PF_OWNER:
        return &a->owner;
    case HW_PF_PROGRESS:
        return &a->progress;
    default:
        return NULL;
    }
}

static size_t field_max(int f)
{
    return f == HW_PF_AREA || f == HW_PF_LEAD || f == HW_PF_OWNER ? HW_PLAN_SHORT_MAX
                                                                  : HW_PLAN_TEXT_MAX;
}

int hw_plan_check_action(const struct hw_plan_action *a, struct hw_err *err)
{
    struct hw_err why;
    if (hw_plan_check_name(a->plan, &why) < 0)
        return hw_fail(err, HW_EINPUT, "plan: %s", why.msg);
    if (hw_plan_check_ref(a->ref, &why) < 0)
        return hw_fail(err, HW_EINPUT, "ref: '%.60s': %s", a->ref ? a->ref : "", why.msg);
    if (a->action == NULL || a->action[0] == '\0')
        return hw_fail(err, HW_EINPUT, "action: every row needs its action");
    for (int f = HW_PF_AREA; f < HW_PF_COUNT; f++) {
        const char *const *m = text_member(a, f);
        if (m && *m && hw_text_check(*m, field_max(f), &why) < 0)
            return hw_fail(err, HW_EINPUT, "%s: %s", hw_plan_field_names[f], why.msg);
    }
    return 0;
}

/* ---- dates as plans write them ---- */

static int month_word(const char *w, size_t n)
{
    static const char *const names[12] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        if (n <= strlen(names[m]) && strncmp(names[m], w, n) == 0 &&
            (n == 3 || n == strlen(names[m]) || (m == 8 && n == 4))) /* "sept" */
            return m + 1;
    return 0;
}

/* All of [s, s+n) digits, 1 to max of them: the number, else -1. */
static int number(const char *s, size_t n, size_t max)
{
    int v = 0;
    if (n == 0 || n > max)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int year_of(const char *s, size_t n)
{
    int y = (n == 2 || n == 4) ? number(s, n, 4) : -1;
    if (y >= 0 && n == 2)
        y += 2000;
    return y;
}

static int make_date(int y, int m, int d, bool month_end, hw_date *out)
{
    if (y < HW_YEAR_MIN || y > HW_YEAR_MAX || m < 1 || m > 12)
        return -1;
    if (d == 0)
        d = month_end ? hw_days_in_month(y, m) : 1;
    if (!hw_ymd_valid(y, m, d))
        return -1;
    *out = hw_date_from_ymd(y, m, d);
    return 0;
}

int hw_plan_parse_date(const char *s, bool month_end, hw_date *out)
{
    char buf[40];
    size_t n = 0;
    if (s == NULL)
        return -1;
    while (isspace((unsigned char)*s))
        s++;
    for (; s[n] && n < sizeof buf - 1; n++)
        buf[n] = (char)tolower((unsigned char)s[n]);
    if (s[n])
        return -1;
    while (n > 0 && (isspace((unsigned char)buf[n - 1]) || buf[n - 1] == '.'))
        n--;
    buf[n] = '\0';
    if (n == 0)
        return -1;
    if (hw_parse_date(buf, out) == 0)
        return 0;

    /* Split into up to three parts at '.', '/', '-' or blanks. */
    const char *part[4];
    size_t len[4], np = 0;
    char sep = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && strchr("./- ", buf[i])) {
            if (buf[i] != ' ')
                sep = buf[i];
            i++;
        }
        if (i == n)
            break;
        if (np == 3)
            return -1;
        part[np] = buf + i;
        while (i < n && !strchr("./- ", buf[i]))
            i++;
        len[np] = (size_t)(buf + i - part[np]);
        np++;
    }
    if (np == 3 && sep == '.') { /* D.M.YY */
        int d = number(part[0], len[0], 2), m = number(part[1], len[1], 2);
        int y = year_of(part[2], len[2]);
        return d < 1 ? -1 : make_date(y, m, d, month_end, out);
    }
    if (np == 3) { /* 31st December 2015 */
        size_t dl = len[0];
        if (dl > 2 &&
            (strncmp(part[0] + dl - 2, "st", 2) == 0 || strncmp(part[0] + dl - 2, "nd", 2) == 0 ||
             strncmp(part[0] + dl - 2, "rd", 2) == 0 || strncmp(part[0] + dl - 2, "th", 2) == 0))
            dl -= 2;
        int d = number(part[0], dl, 2), m = month_word(part[1], len[1]);
        int y = year_of(part[2], len[2]);
        return d < 1 || m == 0 ? -1 : make_date(y, m, d, month_end, out);
    }
    if (np == 2) {
        int m = month_word(part[0], len[0]);
        if (m) /* Jan-18, January 2018 */
            return make_date(year_of(part[1], len[1]), m, 0, month_end, out);
        if (sep == '/') /* 01/18, 01/2018 */
            return make_date(year_of(part[1], len[1]), number(part[0], len[0], 2), 0, month_end,
                             out);
        if (sep == '-' && len[0] == 4 && len[1] == 2) /* 2018-01 */
            return make_date(number(part[0], 4, 4), number(part[1], 2, 2), 0, month_end, out);
    }
    return -1;
}

/* ---- saving ---- */

/* An owned copy of a stored action. */
struct held {
    bool found;
    char *text[HW_PF_COUNT];
    int position;
    hw_date due;
};

static int hold(void *ctx, const struct hw_plan_action *a)
{
    struct held *h = ctx;
    h->found = true;
    h->position = a->position;
    h->due = a->due;
    for (int f = HW_PF_AREA; f < HW_PF_COUNT; f++) {
        const char *const *m = text_member(a, f);
        if (m)
            h->text[f] = hw_strdup(*m);
    }
    return 1;
}

static void held_free(struct held *h)
{
    for (int f = 0; f < HW_PF_COUNT; f++)
        free(h->text[f]);
}

/* A field's value as the history keeps it; NULL when not recorded. */
static const char *field_text(int f, int position, hw_date due, const char *text, char *buf,
                              size_t size)
{
    if (f == HW_PF_POSITION) {
        snprintf(buf, size, "%d", position);
        return buf;
    }
    if (f == HW_PF_DUE) {
        if (due == HW_NO_DATE)
            return NULL;
        char d[HW_DATE_LEN];
        hw_format_date(due, d);
        snprintf(buf, size, "%s", d);
        return buf;
    }
    return text && text[0] ? text : NULL;
}

static bool same_text(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

int hw_plan_save(struct hw_store *s, const struct hw_plan_action *a, const struct hw_actor *who,
                 struct hw_err *err)
{
    struct held old = {.found = false};
    struct hw_stamp stamp = {.at = who->at, .user = who->user, .source = who->source};
    int rc = -1;

    if (hw_store_list_plan_actions(s, a->plan, a->ref, hold, &old, err) < 0)
        goto done;
    if (!old.found) {
        rc = hw_store_put_plan_action(s, a, &stamp, err) < 0 ? -1 : HW_SAVE_NEW;
        goto done;
    }
    rc = HW_SAVE_SAME;
    for (int f = 0; f < HW_PF_COUNT; f++) {
        char ob[32], nb[32];
        const char *const *m = text_member(a, f);
        const char *was = field_text(f, old.position, old.due, old.text[f], ob, sizeof ob);
        const char *now = field_text(f, a->position, a->due, m ? *m : NULL, nb, sizeof nb);
        if (same_text(was, now))
            continue;
        if (rc == HW_SAVE_SAME && hw_store_put_plan_action(s, a, &stamp, err) < 0) {
            rc = -1;
            goto done;
        }
        rc = HW_SAVE_CHANGED;
        struct hw_plan_change c = {.plan = a->plan,
                                   .ref = a->ref,
                                   .made = stamp,
                                   .field = hw_plan_field_names[f],
                                   .old_value = was,
                                   .new_value = now};
        if (hw_store_add_plan_change(s, &c, err) < 0) {
            rc = -1;
            goto done;
        }
    }
done:
    held_free(&old);
    return rc;
}

/* ---- rating ---- */

/* The ratings of one action, owned. */
struct rating_list {
    struct hw_plan_rating *r;
    size_t n;
};

static int keep_rating(void *ctx, const struct hw_plan_rating *r)
{
    struct rating_list *l = ctx;
    l->r = hw_reallocarray(l->r, l->n + 1, sizeof *l->r);
    struct hw_plan_rating *dst = &l->r[l->n++];
    *dst = *r;
    dst->plan = hw_strdup(r->plan);
    dst->ref = hw_strdup(r->ref);
    dst->note = hw_strdup(r->note);
    dst->recorded.user = hw_strdup(r->recorded.user);
    dst->recorded.source = hw_strdup(r->recorded.source);
    return 0;
}

static void rating_list_free(struct rating_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free((char *)l->r[i].plan);
        free((char *)l->r[i].ref);
        free((char *)l->r[i].note);
        free((char *)l->r[i].recorded.user);
        free((char *)l->r[i].recorded.source);
    }
    free(l->r);
    l->r = NULL;
    l->n = 0;
}

static int count_action(void *ctx, const struct hw_plan_action *a)
{
    (void)a;
    ++*(size_t *)ctx;
    return 0;
}

int hw_plan_rate(struct hw_store *s, const char *plan, const char *ref, hw_date on, int rag,
                 const char *note, enum hw_rate_mode mode, const struct hw_actor *who,
                 struct hw_err *err)
{
    struct rating_list l = {0};
    struct hw_plan_status st;
    size_t found = 0;
    int rc = -1;
    if (rag <= HW_RAG_NONE || hw_code_name(hw_rag_codes, rag)[0] == '\0')
        return hw_fail(err, HW_EINPUT, "a rating is red, amber, green or complete");
    if (note && hw_text_check(note, HW_PLAN_TEXT_MAX, err) < 0)
        return -1;
    if (on != HW_NO_DATE && who->at != HW_NO_TIME && on > hw_london_date(who->at)) {
        char d[HW_DATE_LEN], today[HW_DATE_LEN];
        hw_format_date(on, d);
        hw_format_date(hw_london_date(who->at), today);
        return hw_fail(err, HW_EINPUT,
                       "the rating date %s is after today (%s): a rating records how an action "
                       "stood on a day that has come",
                       d, today);
    }
    if (hw_store_list_plan_actions(s, plan, ref, count_action, &found, err) < 0)
        return -1;
    if (found == 0)
        return hw_fail(err, HW_ENOTFOUND, "plan '%s' has no action %s", plan, ref);
    if (mode != HW_RATE_ALWAYS) {
        if (hw_store_list_plan_ratings(s, plan, ref, keep_rating, &l, err) < 0)
            goto done;
        memset(&st, 0, sizeof st);
        hw_plan_status_rate(&st, l.r, l.n, HW_NO_DATE);
        bool have = false;
        if (mode == HW_RATE_LATEST) {
            have = st.latest.rag == rag;
        } else {
            for (size_t i = 0; i < st.nmarks; i++)
                if (st.marks[i].on == on)
                    have = st.marks[i].rag == rag && same_text(st.marks[i].note, note);
        }
        for (size_t i = 0; i < st.nmarks; i++)
            free(st.marks[i].note);
        free(st.marks);
        free(st.latest.note);
        free(st.previous.note);
        if (have) {
            rc = 0;
            goto done;
        }
    }
    struct hw_plan_rating r = {
        .plan = plan,
        .ref = ref,
        .rated_on = on,
        .rag = rag,
        .note = note && note[0] ? note : NULL,
        .recorded = {.at = who->at, .user = who->user, .source = who->source},
    };
    rc = hw_store_add_plan_rating(s, &r, NULL, err) < 0 ? -1 : 1;
done:
    rating_list_free(&l);
    return rc;
}

struct ref_search {
    char **plans;
    size_t n;
};

static int note_plan(void *ctx, const struct hw_plan_action *a)
{
    struct ref_search *rs = ctx;
    rs->plans = hw_reallocarray(rs->plans, rs->n + 1, sizeof *rs->plans);
    rs->plans[rs->n++] = hw_strdup(a->plan);
    return 0;
}

/* Every action, to find the plans holding ref: plans are small. */
struct ref_filter {
    const char *ref;
    struct ref_search *rs;
};

static int match_ref(void *ctx, const struct hw_plan_action *a)
{
    struct ref_filter *f = ctx;
    return strcmp(a->ref, f->ref) == 0 ? note_plan(f->rs, a) : 0;
}

int hw_plan_find_ref(struct hw_store *s, const char *ref, char ***plans, size_t *n,
                     struct hw_err *err)
{
    struct ref_search rs = {0};
    struct ref_filter f = {.ref = ref, .rs = &rs};
    *plans = NULL;
    *n = 0;
    if (hw_store_list_plan_actions(s, NULL, NULL, match_ref, &f, err) < 0) {
        hw_plan_names_free(rs.plans, rs.n);
        return -1;
    }
    *plans = rs.plans;
    *n = rs.n;
    return 0;
}

void hw_plan_names_free(char **plans, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(plans[i]);
    free(plans);
}

/* ---- where each action stands ---- */

static int by_occasion(const void *x, const void *y)
{
    const struct hw_plan_rating *a = x, *b = y;
    if (a->rated_on != b->rated_on) /* HW_NO_DATE (the initial) is the least */
        return a->rated_on < b->rated_on ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

static struct hw_plan_mark mark_copy(const struct hw_plan_mark *m)
{
    struct hw_plan_mark c = *m;
    c.note = hw_strdup(m->note);
    return c;
}

void hw_plan_status_rate(struct hw_plan_status *st, const struct hw_plan_rating *ratings, size_t n,
                         hw_date date)
{
    struct hw_plan_rating *sorted = hw_calloc(n ? n : 1, sizeof *sorted);
    if (n)
        memcpy(sorted, ratings, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, by_occasion);
    st->marks = hw_calloc(n ? n : 1, sizeof *st->marks);
    st->nmarks = 0;
    for (size_t i = 0; i < n; i++) {
        /* The last recorded for an occasion is the one in force. */
        if (i + 1 < n && sorted[i + 1].rated_on == sorted[i].rated_on)
            continue;
        st->marks[st->nmarks++] = (struct hw_plan_mark){
            .rag = sorted[i].rag, .on = sorted[i].rated_on, .note = hw_strdup(sorted[i].note)};
    }
    free(sorted);
    struct hw_plan_mark none = {.rag = HW_RAG_NONE, .on = HW_NO_DATE, .note = NULL};
    st->latest = st->nmarks >= 1 ? mark_copy(&st->marks[st->nmarks - 1]) : none;
    st->previous = st->nmarks >= 2 ? mark_copy(&st->marks[st->nmarks - 2]) : none;
    st->move = hw_rag_move(st->previous.rag, st->latest.rag);
    st->overdue = date != HW_NO_DATE && st->due != HW_NO_DATE && st->due < date &&
                  st->latest.rag != HW_RAG_GREEN && st->latest.rag != HW_RAG_COMPLETE;
}

struct view_load {
    struct hw_plan_view *v;
    size_t cap;
};

static int add_status(void *ctx, const struct hw_plan_action *a)
{
    struct view_load *vl = ctx;
    struct hw_plan_view *v = vl->v;
    if (v->n == vl->cap) {
        vl->cap = vl->cap ? vl->cap * 2 : 16;
        v->rows = hw_reallocarray(v->rows, vl->cap, sizeof *v->rows);
    }
    struct hw_plan_status *st = &v->rows[v->n++];
    memset(st, 0, sizeof *st);
    st->plan = hw_strdup(a->plan);
    st->ref = hw_strdup(a->ref);
    st->area = hw_strdup(a->area);
    st->outcome = hw_strdup(a->outcome);
    st->action = hw_strdup(a->action);
    st->success_measure = hw_strdup(a->success_measure);
    st->lead = hw_strdup(a->lead);
    st->owner = hw_strdup(a->owner);
    st->progress = hw_strdup(a->progress);
    st->position = a->position;
    st->due = a->due;
    return 0;
}

int hw_plan_view_load(struct hw_store *s, const char *plan, hw_date date, struct hw_plan_view *out,
                      struct hw_err *err)
{
    struct view_load vl = {.v = out};
    struct rating_list all = {0};
    memset(out, 0, sizeof *out);
    out->date = date;
    if (hw_store_list_plan_actions(s, plan, NULL, add_status, &vl, err) < 0 ||
        hw_store_list_plan_ratings(s, plan, NULL, keep_rating, &all, err) < 0)
        goto fail;
    /* The ratings come by plan, ref and seq, so an action's are adjacent;
     * the actions come by plan and position: find each one's run. */
    for (size_t i = 0; i < out->n; i++) {
        struct hw_plan_status *st = &out->rows[i];
        size_t first = all.n, count = 0;
        for (size_t k = 0; k < all.n; k++)
            if (strcmp(all.r[k].plan, st->plan) == 0 && strcmp(all.r[k].ref, st->ref) == 0) {
                if (first == all.n)
                    first = k;
                count++;
            }
        hw_plan_status_rate(st, count ? &all.r[first] : NULL, count, date);
    }
    rating_list_free(&all);
    return 0;
fail:
    rating_list_free(&all);
    hw_plan_view_free(out);
    return -1;
}

static void status_free(struct hw_plan_status *st)
{
    char *texts[] = {st->plan, st->ref,   st->area,    st->outcome, st->action, st->success_measure,
                     st->lead, st->owner, st->progress};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        free(texts[i]);
    for (size_t i = 0; i < st->nmarks; i++)
        free(st->marks[i].note);
    free(st->marks);
    free(st->latest.note);
    free(st->previous.note);
}

void hw_plan_view_free(struct hw_plan_view *v)
{
    for (size_t i = 0; i < v->n; i++)
        status_free(&v->rows[i]);
    free(v->rows);
    memset(v, 0, sizeof *v);
}
