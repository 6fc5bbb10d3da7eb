/* notices.c - notices to the responsible council: made, sent, answered. */
#include "app/notices.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rules.h"

const char hw_notice_overdue_reason[] =
    "Derby annual report appendix 1: the standard letter to the responsible council when the "
    "return home interview is not done within 72 hours";

/* ---- the text ---- */

void hw_notice_text(const struct hw_rulebook *rb, const struct hw_child *child,
                    const struct hw_episode *e, int kind, struct hw_buf *out)
{
    const struct hw_notices *t = rb->notices ? rb->notices : hw_notices_builtin();
    struct hw_notice_facts f = {{0}};
    char name[256] = "", dob[HW_DATE_LEN] = "", last_seen[HW_LOCAL_LEN] = "",
         reported[HW_LOCAL_LEN] = "", returned[HW_LOCAL_LEN] = "", due[HW_LOCAL_LEN] = "",
         hours[24], from[400] = "";
    snprintf(name, sizeof name, "%s%s%s", child->first_name ? child->first_name : "",
             child->first_name && child->last_name ? " " : "",
             child->last_name ? child->last_name : "");
    if (child->dob != HW_NO_DATE)
        hw_format_date(child->dob, dob);
    if (e->last_seen != HW_NO_TIME)
        hw_format_local(e->last_seen, last_seen);
    if (e->reported != HW_NO_TIME)
        hw_format_local(e->reported, reported);
    if (e->returned != HW_NO_TIME) {
        hw_format_local(e->returned, returned);
        hw_format_local(hw_rhi_due(rb->cfg, e->returned), due);
    }
    snprintf(hours, sizeof hours, "%d", rb->cfg->rhi_due_hours);
    const char *type = hw_code_label(hw_placement_codes, e->missing_from_type);
    if (e->missing_from_name && *type)
        snprintf(from, sizeof from, "%.200s (%s)", e->missing_from_name, type);
    else
        snprintf(from, sizeof from, "%.200s", e->missing_from_name ? e->missing_from_name : type);

    f.v[HW_NF_COUNCIL] = child->responsible_authority;
    f.v[HW_NF_OUR_COUNCIL] = t->our_council;
    f.v[HW_NF_CHILD_NAME] = name;
    f.v[HW_NF_CHILD_ID] = e->child_id;
    f.v[HW_NF_DATE_OF_BIRTH] = dob;
    f.v[HW_NF_EPISODE_ID] = e->id;
    f.v[HW_NF_LAST_SEEN] = last_seen;
    f.v[HW_NF_REPORTED] = reported;
    f.v[HW_NF_RETURNED] = returned;
    f.v[HW_NF_MISSING_FROM] = from;
    f.v[HW_NF_FOUND_LOCATION] = e->found_location;
    f.v[HW_NF_POLICE_REF] = e->police_ref;
    f.v[HW_NF_RISK] = hw_code_label(hw_risk_codes, e->risk);
    f.v[HW_NF_RHI_DUE] = due;
    f.v[HW_NF_RHI_DUE_HOURS] = hours;
    hw_notice_render(t, kind, &f, out);
}

/* ---- reading ---- */

static int copy_row(void *ctx, const struct hw_notification *n)
{
    struct hw_notice_row *r = ctx;
    r->n = *n;
    r->n.episode_id = hw_strdup(n->episode_id);
    r->n.child_id = hw_strdup(n->child_id);
    r->n.recipient = hw_strdup(n->recipient);
    r->n.reason = hw_strdup(n->reason);
    r->n.created_by = hw_strdup(n->created_by);
    r->n.acknowledged_by = hw_strdup(n->acknowledged_by);
    r->n.notice = hw_strdup(n->notice);
    r->n.sent_by = hw_strdup(n->sent_by);
    r->n.answer = hw_strdup(n->answer);
    r->n.answered_by = hw_strdup(n->answered_by);
    return 1;
}

int hw_notice_get(struct hw_store *s, long long id, struct hw_notice_row *out, struct hw_err *err)
{
    struct hw_outbox_filter f = {.id = id};
    memset(out, 0, sizeof *out);
    if (hw_store_list_notifications(s, &f, copy_row, out, err) < 0)
        return -1;
    return out->n.episode_id != NULL;
}

void hw_notice_row_free(struct hw_notice_row *r)
{
    free((char *)r->n.episode_id);
    free((char *)r->n.child_id);
    free((char *)r->n.recipient);
    free((char *)r->n.reason);
    free((char *)r->n.created_by);
    free((char *)r->n.acknowledged_by);
    free((char *)r->n.notice);
    free((char *)r->n.sent_by);
    free((char *)r->n.answer);
    free((char *)r->n.answered_by);
    memset(r, 0, sizeof *r);
}

/* Reads notice id, which must be one: ENOTFOUND, or EINPUT for a
 * notification that carries no notice. */
static int get_notice(struct hw_store *s, long long id, struct hw_notice_row *r, struct hw_err *err)
{
    int found = hw_notice_get(s, id, r, err);
    if (found < 0)
        return -1;
    if (found == 0)
        return hw_fail(err, HW_ENOTFOUND, "no notice %lld is recorded (see 'homeward notices')",
                       id);
    if (r->n.notice == NULL) {
        hw_fail(err, HW_EINPUT,
                "notification %lld (%s, %s) is no notice: only those to the responsible council "
                "of a child placed here by another council are",
                id, hw_code_name(hw_outbox_event_codes, r->n.event),
                hw_code_name(hw_role_codes, r->n.role));
        hw_notice_row_free(r);
        return -1;
    }
    return 0;
}

/* What is known of an episode's notices. */
struct episode_notices {
    long long overdue;      /* its 72-hour notice; 0: none */
    long long reported_on;  /* the notice whose answer reports the interview done */
    hw_instant completed;   /* when, as reported; HW_NO_TIME: not reported */
    const char *episode_id; /* borrowed */
};

static int note_episode(void *ctx, const struct hw_notification *n)
{
    struct episode_notices *en = ctx;
    if (n->event == HW_EVENT_RHI_OVERDUE && !en->overdue)
        en->overdue = n->id;
    if (n->interview_completed != HW_NO_TIME &&
        (en->completed == HW_NO_TIME || n->interview_completed < en->completed)) {
        en->completed = n->interview_completed;
        en->reported_on = n->id;
    }
    return 0;
}

static int episode_notices(struct hw_store *s, const char *episode_id, struct episode_notices *en,
                           struct hw_err *err)
{
    struct hw_outbox_filter f = {.episode_id = episode_id, .notices = true};
    *en = (struct episode_notices){.completed = HW_NO_TIME, .episode_id = episode_id};
    return hw_store_list_notifications(s, &f, note_episode, en, err);
}

/* How the episode's ola_notice action was resolved: 0 not yet, else
 * enum hw_action_outcome. */
static int note_action(void *ctx, const struct hw_action_record *a)
{
    if (a->kind == HW_ACT_OLA_NOTICE && a->seq == 1)
        *(int *)ctx = a->outcome;
    return 0;
}

/* ---- the 72-hour notice ---- */

int hw_notice_overdue(struct hw_store *s, const struct hw_rulebook *rb, const char *episode_id,
                      const struct hw_stamp *by, long long *id, struct hw_err *err)
{
    struct hw_episode e;
    struct hw_child child;
    struct hw_buf text = {0};
    struct episode_notices en;
    char when[HW_LOCAL_LEN];
    int rc = -1, resolved = 0;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &child);
    int found = hw_store_get(s, HW_REC_EPISODE, episode_id, &e, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no episode %s is recorded", episode_id);
        goto done;
    }
    if ((found = hw_store_get(s, HW_REC_CHILD, e.child_id, &child, err)) <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no child %s is recorded", e.child_id);
        goto done;
    }
    if (child.responsible_authority == NULL || *child.responsible_authority == '\0') {
        hw_fail(err, HW_EINPUT,
                "child %s was not placed here by another council (no responsible_authority): "
                "their interview is ours, not the subject of a notice",
                child.id);
        goto done;
    }
    if (e.kind != HW_KIND_MISSING) {
        hw_fail(err, HW_EINPUT,
                "episode %s is away without authorisation: no interview is due, so no notice",
                e.id);
        goto done;
    }
    if (e.returned == HW_NO_TIME) {
        hw_fail(err, HW_ECONFLICT,
                "episode %s is still open: the interview is due %d hours "
                "after the return",
                e.id, rb->cfg->rhi_due_hours);
        goto done;
    }
    hw_instant due = hw_rhi_due(rb->cfg, e.returned);
    hw_format_local(due, when);
    if (by->at < due) {
        hw_fail(err, HW_ECONFLICT,
                "the interview for episode %s is not overdue yet: it is due by %s", e.id, when);
        goto done;
    }
    if (episode_notices(s, e.id, &en, err) < 0 ||
        hw_store_list_actions(s, e.id, note_action, &resolved, err) < 0)
        goto done;
    if (en.overdue) {
        hw_fail(err, HW_ECONFLICT, "the 72-hour notice of episode %s is already made: notice %lld",
                e.id, en.overdue);
        goto done;
    }
    if (en.completed != HW_NO_TIME) {
        hw_format_local(en.completed, when);
        hw_fail(err, HW_ECONFLICT,
                "%s reported the interview for episode %s done at %s (notice %lld): no notice is "
                "needed",
                child.responsible_authority, e.id, when, en.reported_on);
        goto done;
    }
    if (resolved) {
        hw_fail(err, HW_ECONFLICT,
                "the notice action of episode %s is already recorded as %s ('homeward episode "
                "show %s')",
                e.id, hw_code_label(hw_action_outcome_codes, resolved), e.id);
        goto done;
    }
    hw_notice_text(rb, &child, &e, HW_EVENT_RHI_OVERDUE, &text);
    struct hw_notification n = {
        .episode_id = e.id,
        .child_id = e.child_id,
        .event = HW_EVENT_RHI_OVERDUE,
        .role = HW_ROLE_RESPONSIBLE_COUNCIL,
        .recipient = child.responsible_authority,
        .reason = hw_notice_overdue_reason,
        .created_at = by->at,
        .created_by = by->user,
        .notice = text.data,
    };
    if (hw_store_begin(s, err) < 0)
        goto done;
    if (hw_store_add_notification(s, &n, id, err) < 0 || hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    rc = 0;
done:
    hw_buf_free(&text);
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

/* ---- sending and answering ---- */

int hw_notice_send(struct hw_store *s, long long id, const struct hw_stamp *by, struct hw_err *err)
{
    struct hw_notice_row r;
    char when[HW_LOCAL_LEN];
    if (get_notice(s, id, &r, err) < 0)
        return -1;
    int rc = -1;
    if (r.n.sent_at != HW_NO_TIME) {
        hw_format_local(r.n.sent_at, when);
        hw_fail(err, HW_ECONFLICT, "notice %lld was already sent by %s at %s", id, r.n.sent_by,
                when);
        goto done;
    }
    if (hw_store_begin(s, err) < 0)
        goto done;
    struct hw_action_record done = {.episode_id = r.n.episode_id,
                                    .kind = HW_ACT_OLA_NOTICE,
                                    .seq = 1,
                                    .outcome = HW_ACTION_DONE,
                                    .at = by->at,
                                    .recorded = *by};
    /* The action may already be recorded by hand: then it stands. */
    int sent = hw_store_send_notice(s, id, by->at, by->user, err);
    if (sent == 0)
        hw_fail(err, HW_ECONFLICT, "notice %lld was sent by someone else just now", id);
    if (sent != 1 || hw_store_ack_notification(s, id, by->at, by->user, NULL, err) < 0 ||
        (r.n.event == HW_EVENT_RHI_OVERDUE && hw_store_add_action(s, &done, err) < 0) ||
        hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    rc = 0;
done:
    hw_notice_row_free(&r);
    return rc;
}

int hw_notice_answer(struct hw_store *s, long long id, const char *answer, hw_instant completed,
                     const struct hw_stamp *by, struct hw_err *err)
{
    struct hw_notice_row r;
    struct hw_episode e;
    struct episode_notices en;
    char when[HW_LOCAL_LEN], what[HW_LOCAL_LEN + 160];
    int rc = -1;
    if (answer == NULL || *answer == '\0')
        return hw_fail(err, HW_EINPUT, "answer: required: what the responsible council said");
    if (strlen(answer) > HW_NOTICE_ANSWER_MAX)
        return hw_fail(err, HW_EINPUT, "answer: longer than %d bytes", HW_NOTICE_ANSWER_MAX);
    if (get_notice(s, id, &r, err) < 0)
        return -1;
    hw_record_init(hw_episode_fields, &e);
    if (r.n.sent_at == HW_NO_TIME) {
        hw_fail(err, HW_ECONFLICT, "notice %lld has not been sent: an answer is to a notice sent",
                id);
        goto done;
    }
    if (r.n.answered_at != HW_NO_TIME) {
        hw_format_local(r.n.answered_at, when);
        hw_fail(err, HW_ECONFLICT, "notice %lld was already answered (recorded by %s at %s)", id,
                r.n.answered_by, when);
        goto done;
    }
    if (completed != HW_NO_TIME) {
        int found = hw_store_get(s, HW_REC_EPISODE, r.n.episode_id, &e, err);
        if (found <= 0) {
            if (found == 0)
                hw_fail(err, HW_EINTERNAL, "episode %s of notice %lld is not recorded",
                        r.n.episode_id, id);
            goto done;
        }
        if (e.returned == HW_NO_TIME) {
            hw_fail(err, HW_EINPUT,
                    "interview_completed: episode %s has no return yet: an interview follows "
                    "the return",
                    e.id);
            goto done;
        }
        hw_format_local(e.returned, when);
        if (completed < e.returned) {
            hw_fail(err, HW_EINPUT, "interview_completed: before the return at %s", when);
            goto done;
        }
        if (completed > by->at) {
            hw_fail(err, HW_EINPUT, "interview_completed: is in the future");
            goto done;
        }
        if (episode_notices(s, e.id, &en, err) < 0)
            goto done;
        if (en.completed != HW_NO_TIME) {
            hw_format_local(en.completed, when);
            hw_fail(err, HW_ECONFLICT,
                    "the interview for episode %s is already reported done at %s (notice %lld)",
                    e.id, when, en.reported_on);
            goto done;
        }
    }
    if (completed != HW_NO_TIME)
        hw_format_local(completed, when);
    snprintf(what, sizeof what,
             "the responsible council reported the interview done at %s (notice %lld)", when, id);
    struct hw_action_record not_needed = {.episode_id = r.n.episode_id,
                                          .kind = HW_ACT_OLA_NOTICE,
                                          .seq = 1,
                                          .outcome = HW_ACTION_NOT_NEEDED,
                                          .at = by->at,
                                          .reason = what,
                                          .recorded = *by};
    if (hw_store_begin(s, err) < 0)
        goto done;
    /* Already resolved (the notice sent, or by hand): that stands. */
    int answered = hw_store_answer_notice(s, id, by->at, by->user, answer, completed, err);
    if (answered == 0)
        hw_fail(err, HW_ECONFLICT, "notice %lld was answered by someone else just now", id);
    if (answered != 1 ||
        (completed != HW_NO_TIME && hw_store_add_action(s, &not_needed, err) < 0) ||
        hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        goto done;
    }
    rc = 0;
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_notice_row_free(&r);
    return rc;
}
