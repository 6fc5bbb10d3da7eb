/* ola_interviews.c - the interviews of children placed here by other
 * councils, by responsible council. */
#include "report/ola_interviews.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "core/monthly.h"
#include "core/routing.h"
#include "core/rules.h"

/* ---- the facts ---- */

struct hw_ola_episode *hw_ola_add_episode(struct hw_ola_facts *f, const char *council,
                                          const char *episode_id, const char *child_id,
                                          hw_instant returned)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 16;
        f->eps = hw_reallocarray(f->eps, f->cap, sizeof *f->eps);
    }
    struct hw_ola_episode *e = &f->eps[f->n++];
    *e = (struct hw_ola_episode){.council = hw_strdup(council),
                                 .episode_id = hw_strdup(episode_id),
                                 .child_id = hw_strdup(child_id),
                                 .returned = returned};
    return e;
}

void hw_ola_add_notice(struct hw_ola_episode *e, const struct hw_ola_notice *n)
{
    e->notices = hw_reallocarray(e->notices, e->nnotices + 1, sizeof *e->notices);
    e->notices[e->nnotices++] = *n;
}

void hw_ola_facts_free(struct hw_ola_facts *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->eps[i].council);
        free(f->eps[i].episode_id);
        free(f->eps[i].child_id);
        free(f->eps[i].notices);
    }
    free(f->eps);
    memset(f, 0, sizeof *f);
}

struct loading {
    struct hw_store *s;
    hw_instant from, to;
    const unsigned char *key;
    struct hw_ola_facts *f;
    struct hw_child *children; /* those placed by another council */
    size_t nchildren;
    const struct hw_child *child; /* whose episodes are being read */
    struct hw_err *err;
    int rc;
};

static int keep_child(void *ctx, const void *rec)
{
    struct loading *l = ctx;
    const struct hw_child *c = rec;
    if (c->responsible_authority == NULL || *c->responsible_authority == '\0')
        return 0;
    l->children = hw_reallocarray(l->children, l->nchildren + 1, sizeof *l->children);
    struct hw_child *copy = &l->children[l->nchildren++];
    hw_record_init(hw_child_fields, copy);
    hw_record_copy(hw_child_fields, copy, c);
    return 0;
}

static int keep_notice(void *ctx, const struct hw_notification *n)
{
    struct hw_ola_notice o = {.kind = n->event,
                              .sent_at = n->sent_at,
                              .answered_at = n->answered_at,
                              .interview_completed = n->interview_completed};
    hw_ola_add_notice(ctx, &o);
    return 0;
}

static int keep_episode(void *ctx, const void *rec)
{
    struct loading *l = ctx;
    const struct hw_episode *e = rec;
    const struct hw_child *c = l->child;
    if (e->returned == HW_NO_TIME || e->returned < l->from || e->returned >= l->to)
        return 0;
    char pseudonym[HW_PSEUDONYM_LEN];
    if (l->key)
        hw_pseudonym(l->key, c->id, pseudonym);
    struct hw_ola_episode *oe = hw_ola_add_episode(l->f, c->responsible_authority, e->id,
                                                   l->key ? pseudonym : c->id, e->returned);
    struct hw_outbox_filter nf = {.episode_id = e->id, .notices = true};
    if (hw_store_list_notifications(l->s, &nf, keep_notice, oe, l->err) < 0) {
        l->rc = -1;
        return 1;
    }
    return 0;
}

int hw_ola_facts_load(struct hw_store *s, hw_instant from, hw_instant to, const unsigned char *key,
                      struct hw_ola_facts *f, struct hw_err *err)
{
    struct loading l = {.s = s, .from = from, .to = to, .key = key, .f = f, .err = err};
    struct hw_filter cf = {
        .fields = hw_field_mask(hw_child_fields, "child_id", "responsible_authority", NULL)};
    memset(f, 0, sizeof *f);
    if (hw_store_list(s, HW_REC_CHILD, &cf, keep_child, &l, err) < 0)
        l.rc = -1;
    for (size_t i = 0; i < l.nchildren && l.rc == 0; i++) {
        struct hw_filter ef = {.child_id = l.children[i].id, .kind = HW_KIND_MISSING};
        l.child = &l.children[i];
        if (hw_store_list(s, HW_REC_EPISODE, &ef, keep_episode, &l, err) < 0)
            l.rc = -1;
    }
    for (size_t i = 0; i < l.nchildren; i++)
        hw_record_clear(hw_child_fields, &l.children[i]);
    free(l.children);
    if (l.rc < 0)
        hw_ola_facts_free(f);
    return l.rc;
}

/* ---- the arithmetic ---- */

/* Minutes, sorted on the way in, for a median. */
struct minutes {
    long long *v;
    size_t n;
};

static void minutes_add(struct minutes *m, long long x)
{
    size_t i = m->n;
    m->v = hw_reallocarray(m->v, m->n + 1, sizeof *m->v);
    while (i > 0 && m->v[i - 1] > x) {
        m->v[i] = m->v[i - 1];
        i--;
    }
    m->v[i] = x;
    m->n++;
}

/* "26.5": hours with one decimal, rounded half up, of whole minutes. */
static void hours_text(long long minutes, char buf[32])
{
    long long tenths = (minutes * 10 + 30) / 60;
    snprintf(buf, 32, "%lld.%lld", tenths / 10, tenths % 10);
}

/* The median (the mean of the middle two, rounded down, for an even
 * count) as hours, into c; empty when there is none. */
static void median_cell(struct hw_cell *c, const struct minutes *m)
{
    char buf[32];
    if (m->n == 0)
        return;
    long long med = m->n % 2 ? m->v[m->n / 2] : (m->v[m->n / 2 - 1] + m->v[m->n / 2]) / 2;
    hours_text(med, buf);
    hw_cell_text(c, buf);
}

/* What one council's row counts. */
struct tally {
    const char *council;
    long returned, sent[HW_NOTICE_KINDS + 1], done, in_time, outstanding, unanswered;
    struct minutes took, answered;
};

/* When the episode's interview is reported done, as at as_at. */
static hw_instant completed_of(const struct hw_ola_episode *e, hw_instant as_at)
{
    hw_instant c = HW_NO_TIME;
    for (size_t k = 0; k < e->nnotices; k++) {
        const struct hw_ola_notice *n = &e->notices[k];
        if (n->interview_completed != HW_NO_TIME && n->answered_at != HW_NO_TIME &&
            n->answered_at <= as_at && (c == HW_NO_TIME || n->interview_completed < c))
            c = n->interview_completed;
    }
    return c;
}

static bool sent_by(const struct hw_ola_notice *n, hw_instant as_at)
{
    return n->sent_at != HW_NO_TIME && n->sent_at <= as_at;
}

static bool answered_by(const struct hw_ola_notice *n, hw_instant as_at)
{
    return n->answered_at != HW_NO_TIME && n->answered_at <= as_at;
}

static void count(struct tally *t, const struct hw_ola_episode *e, const struct hw_config *cfg,
                  hw_instant as_at)
{
    t->returned++;
    hw_instant done = completed_of(e, as_at);
    if (done != HW_NO_TIME) {
        t->done++;
        t->in_time += hw_rhi_in_timescale(cfg, e->returned, done);
        minutes_add(&t->took, (done - e->returned) / HW_MINUTE);
    } else {
        t->outstanding++;
    }
    for (size_t k = 0; k < e->nnotices; k++) {
        const struct hw_ola_notice *n = &e->notices[k];
        if (!sent_by(n, as_at))
            continue;
        if (n->kind >= 1 && n->kind <= HW_NOTICE_KINDS)
            t->sent[n->kind]++;
        if (answered_by(n, as_at))
            minutes_add(&t->answered, (n->answered_at - n->sent_at) / HW_MINUTE);
        else
            t->unanswered++;
    }
}

static void tally_row(struct hw_doc_section *s, size_t table, const struct tally *t)
{
    struct hw_cell *c = hw_doc_row(s, table);
    hw_cell_text(&c[0], t->council);
    hw_cell_int(&c[1], t->returned);
    hw_cell_int(&c[2], t->sent[HW_EVENT_REPORTED]);
    hw_cell_int(&c[3], t->sent[HW_EVENT_RETURNED]);
    hw_cell_int(&c[4], t->sent[HW_EVENT_RHI_OVERDUE]);
    hw_cell_int(&c[5], t->done);
    hw_cell_int(&c[6], t->in_time);
    hw_cell_percent(&c[7], hw_rate_hundredths(t->in_time, t->returned));
    median_cell(&c[8], &t->took);
    hw_cell_int(&c[9], t->outstanding);
    hw_cell_int(&c[10], t->unanswered);
    median_cell(&c[11], &t->answered);
}

static int by_council(const void *x, const void *y)
{
    const struct hw_ola_episode *a = *(const struct hw_ola_episode *const *)x;
    const struct hw_ola_episode *b = *(const struct hw_ola_episode *const *)y;
    int c = strcmp(a->council, b->council);
    if (c)
        return c;
    if (a->returned != b->returned)
        return a->returned < b->returned ? -1 : 1;
    return strcmp(a->episode_id, b->episode_id);
}

/* A notice of the episode's kind: when sent, "not sent", or empty. */
static void notice_cell(struct hw_cell *c, const struct hw_ola_episode *e, int kind,
                        hw_instant as_at)
{
    char t[HW_LOCAL_LEN];
    bool made = false;
    for (size_t k = 0; k < e->nnotices; k++) {
        const struct hw_ola_notice *n = &e->notices[k];
        if (n->kind != kind)
            continue;
        made = true;
        if (sent_by(n, as_at)) {
            hw_format_local(n->sent_at, t);
            hw_cell_text(c, t);
            return;
        }
    }
    if (made)
        hw_cell_text(c, "not sent");
}

static void episode_row(struct hw_doc_section *s, size_t table, const struct hw_ola_episode *e,
                        const struct hw_config *cfg, hw_instant as_at)
{
    char returned[HW_LOCAL_LEN], due[HW_LOCAL_LEN], done[HW_LOCAL_LEN], hours[32];
    hw_instant completed = completed_of(e, as_at);
    long unanswered = 0;
    for (size_t k = 0; k < e->nnotices; k++)
        unanswered += sent_by(&e->notices[k], as_at) && !answered_by(&e->notices[k], as_at);
    hw_format_local(e->returned, returned);
    hw_format_local(hw_rhi_due(cfg, e->returned), due);
    struct hw_cell *c = hw_doc_row(s, table);
    hw_cell_text(&c[0], e->council);
    hw_cell_text(&c[1], e->episode_id);
    hw_cell_text(&c[2], e->child_id);
    hw_cell_text(&c[3], returned);
    hw_cell_text(&c[4], due);
    if (completed != HW_NO_TIME) {
        hw_format_local(completed, done);
        hours_text((completed - e->returned) / HW_MINUTE, hours);
        hw_cell_text(&c[5], done);
        hw_cell_text(&c[6], hours);
        hw_cell_text(&c[7], hw_rhi_in_timescale(cfg, e->returned, completed) ? "Yes" : "No");
    }
    notice_cell(&c[8], e, HW_EVENT_REPORTED, as_at);
    notice_cell(&c[9], e, HW_EVENT_RETURNED, as_at);
    notice_cell(&c[10], e, HW_EVENT_RHI_OVERDUE, as_at);
    hw_cell_int(&c[11], unanswered);
}

void hw_ola_doc(struct hw_doc *d, const struct hw_ola_facts *f, const struct hw_config *cfg,
                const char *period, hw_instant as_at, const char *council, hw_instant produced)
{
    static const char *const ids[] = {"council",     "returned",       "missing_sent",
                                      "found_sent",  "overdue_sent",   "reported_done",
                                      "within_72h",  "within_72h_pct", "median_hours",
                                      "outstanding", "unanswered",     "median_answer_hours"};
    static const char *const titles[] = {
        "Responsible council",    "Episodes returned",    "Missing notices sent",
        "Found notices sent",     "72-hour notices sent", "Interviews reported done",
        "Done within 72 hours",   "% within 72 hours",    "Median hours to the interview",
        "Interviews outstanding", "Notices unanswered",   "Median hours to an answer"};
    static const char *const eids[] = {
        "council",        "episode_id", "child_id",   "returned",       "due",
        "completed",      "hours",      "within_72h", "missing_notice", "found_notice",
        "overdue_notice", "unanswered"};
    static const char *const etitles[] = {"Responsible council",
                                          "Episode",
                                          "Child",
                                          "Returned",
                                          "Interview due",
                                          "Interview done (reported)",
                                          "Hours from the return",
                                          "Within 72 hours",
                                          "Missing notice sent",
                                          "Found notice sent",
                                          "72-hour notice sent",
                                          "Notices unanswered"};
    char as_at_text[HW_LOCAL_LEN], intro[640];
    hw_format_local(as_at, as_at_text);
    hw_doc_init(d, "Interviews of children placed here by other councils", council, period,
                produced);
    snprintf(intro, sizeof intro,
             "Missing episodes of children placed here by other councils, returned in the "
             "period, by the council responsible for them, which holds their return home "
             "interview. An interview is counted as done when that council reports it done, in "
             "its answer to one of the episode's notices; within 72 hours when no later than "
             "%d hours after the return. Outstanding and unanswered are as at %s.",
             cfg->rhi_due_hours, as_at_text);
    struct hw_doc_section *s = hw_doc_section(d, "ola_interviews", "By responsible council", intro);
    size_t t = hw_doc_table(s, "by_council", "Interviews and notices by responsible council",
                            "Hours are from the return to the interview as reported, and from "
                            "sending a notice to recording its answer; the median of an even "
                            "count is the mean of the middle two.",
                            12, ids, titles);
    const struct hw_ola_episode **order = hw_calloc(f->n ? f->n : 1, sizeof *order);
    for (size_t i = 0; i < f->n; i++)
        order[i] = &f->eps[i];
    qsort(order, f->n, sizeof *order, by_council);
    struct tally all = {.council = "Total"}, one = {0};
    for (size_t i = 0; i < f->n; i++) {
        if (i == 0 || strcmp(order[i]->council, order[i - 1]->council) != 0) {
            if (i > 0)
                tally_row(s, t, &one);
            free(one.took.v);
            free(one.answered.v);
            one = (struct tally){.council = order[i]->council};
        }
        count(&one, order[i], cfg, as_at);
        count(&all, order[i], cfg, as_at);
    }
    if (f->n > 0)
        tally_row(s, t, &one);
    tally_row(s, t, &all);
    free(one.took.v);
    free(one.answered.v);
    free(all.took.v);
    free(all.answered.v);

    size_t te = hw_doc_table(s, "episodes", "Each episode", NULL, 12, eids, etitles);
    for (size_t i = 0; i < f->n; i++)
        episode_row(s, te, order[i], cfg, as_at);
    free(order);
}
