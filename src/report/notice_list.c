/* notice_list.c - notices to the responsible council as a list. */
#include "report/notice_list.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/routing.h"
#include "io/record_json.h"

static json_t *opt_string(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *hw_notice_json(const struct hw_notification *n, bool with_text)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(n->id));
    json_object_set_new(o, "kind", json_string(hw_code_name(hw_outbox_event_codes, n->event)));
    json_object_set_new(o, "episode_id", json_string(n->episode_id));
    json_object_set_new(o, "child_id", json_string(n->child_id));
    json_object_set_new(o, "council", opt_string(n->recipient));
    json_object_set_new(o, "reason", opt_string(n->reason));
    json_object_set_new(o, "created_at", hw_time_json(n->created_at));
    json_object_set_new(o, "created_by", opt_string(n->created_by));
    json_object_set_new(o, "sent_at", hw_time_json(n->sent_at));
    json_object_set_new(o, "sent_by", opt_string(n->sent_by));
    json_object_set_new(o, "answer", opt_string(n->answer));
    json_object_set_new(o, "answered_at", hw_time_json(n->answered_at));
    json_object_set_new(o, "answered_by", opt_string(n->answered_by));
    json_object_set_new(o, "interview_completed", hw_time_json(n->interview_completed));
    if (with_text)
        json_object_set_new(o, "notice", opt_string(n->notice));
    return o;
}

struct listing {
    enum hw_format fmt;
    struct hw_table table;
    json_t *json;
    size_t count;
};

static const char *const csv_header[] = {"id",
                                         "kind",
                                         "episode_id",
                                         "child_id",
                                         "council",
                                         "created_at",
                                         "created_by",
                                         "sent_at",
                                         "sent_by",
                                         "answered_at",
                                         "answered_by",
                                         "answer",
                                         "interview_completed"};
static const char *const text_header[] = {"id",   "notice", "episode",  "child",         "council",
                                          "made", "sent",   "answered", "interview done"};

/* "2017-04-04 12:00" of t, or "" when not recorded. */
static void when(hw_instant t, char buf[HW_LOCAL_LEN])
{
    buf[0] = '\0';
    if (t != HW_NO_TIME)
        hw_format_local(t, buf);
}

static int list_one(void *ctx, const struct hw_notification *n)
{
    struct listing *l = ctx;
    char id[24], made[HW_LOCAL_LEN], sent[HW_LOCAL_LEN], answered[HW_LOCAL_LEN], done[HW_LOCAL_LEN];
    l->count++;
    if (l->fmt == HW_FMT_JSON) {
        json_array_append_new(l->json, hw_notice_json(n, true));
        return 0;
    }
    snprintf(id, sizeof id, "%lld", n->id);
    when(n->created_at, made);
    when(n->sent_at, sent);
    when(n->answered_at, answered);
    when(n->interview_completed, done);
    const char *kind = hw_code_name(hw_outbox_event_codes, n->event);
    if (l->fmt == HW_FMT_CSV) {
        const char *cells[] = {
            id,   kind,       n->episode_id, n->child_id,    n->recipient, made, n->created_by,
            sent, n->sent_by, answered,      n->answered_by, n->answer,    done};
        hw_table_add(&l->table, cells);
        return 0;
    }
    char sent_note[HW_LOCAL_LEN + 80], answer_note[HW_LOCAL_LEN + 80];
    snprintf(sent_note, sizeof sent_note, "%s%s%.60s", *sent ? sent : "not sent",
             *sent ? " by " : "", *sent ? n->sent_by : "");
    snprintf(answer_note, sizeof answer_note, "%s%s%.60s", *answered ? answered : "",
             *answered ? " by " : "", *answered ? n->answered_by : "");
    const char *cells[] = {id,   kind,      n->episode_id, n->child_id, n->recipient,
                           made, sent_note, answer_note,   done};
    hw_table_add(&l->table, cells);
    return 0;
}

int hw_notice_list(struct hw_store *s, const struct hw_outbox_filter *f, enum hw_format fmt,
                   struct hw_buf *out, size_t *count, struct hw_err *err)
{
    struct listing l = {.fmt = fmt};
    struct hw_outbox_filter g = *f;
    int rc = -1;
    g.notices = true;
    if (fmt == HW_FMT_JSON)
        l.json = json_array();
    else if (fmt == HW_FMT_CSV)
        hw_table_init(&l.table, 13, csv_header);
    else
        hw_table_init(&l.table, 9, text_header);
    if (hw_store_list_notifications(s, &g, list_one, &l, err) < 0)
        goto done;
    if (fmt == HW_FMT_JSON) {
        json_t *root = json_object();
        json_object_set_new(root, "notices", l.json);
        l.json = NULL;
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(out, "%s\n", text);
        free(text);
        json_decref(root);
    } else if (fmt == HW_FMT_CSV) {
        hw_table_csv(&l.table, out);
    } else {
        hw_table_text(&l.table, out);
        hw_buf_printf(out, "(%zu notice%s)\n", l.count, l.count == 1 ? "" : "s");
    }
    if (count)
        *count = l.count;
    rc = 0;
done:
    json_decref(l.json);
    hw_table_free(&l.table);
    return rc;
}

void hw_notice_text_view(const struct hw_notification *n, struct hw_buf *out)
{
    char t[HW_LOCAL_LEN];
    hw_buf_printf(out, "Notice %lld: %s, episode %s of child %s, to %s\n", n->id,
                  hw_code_label(hw_outbox_event_codes, n->event), n->episode_id, n->child_id,
                  n->recipient ? n->recipient : "(no council recorded)");
    hw_format_local(n->created_at, t);
    hw_buf_printf(out, "  made      %s by %s\n", t, n->created_by);
    hw_buf_printf(out, "  why       %s\n", n->reason);
    if (n->sent_at != HW_NO_TIME) {
        hw_format_local(n->sent_at, t);
        hw_buf_printf(out, "  sent      %s by %s\n", t, n->sent_by);
    } else {
        hw_buf_puts(out, "  sent      not yet\n");
    }
    if (n->answered_at != HW_NO_TIME) {
        hw_format_local(n->answered_at, t);
        hw_buf_printf(out, "  answered  %s (recorded by %s): %s\n", t, n->answered_by, n->answer);
    } else {
        hw_buf_puts(out, "  answered  not yet\n");
    }
    if (n->interview_completed != HW_NO_TIME) {
        hw_format_local(n->interview_completed, t);
        hw_buf_printf(out, "  interview done %s, as the council reports\n", t);
    }
    hw_buf_printf(out, "\n%s\n", n->notice ? n->notice : "");
}
