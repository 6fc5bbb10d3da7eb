/* cmd_notices.c - notices to the council that placed a child here
 * (app/notices.h, docs/notices.md): listing them, one in full, making the
 * 72-hour notice, sending, recording the answer; the templates in force. */
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "app/notices.h"
#include "cli/cli.h"
#include "core/routing.h"
#include "core/rules.h"
#include "core/analysis.h"
#include "report/notice_list.h"
#include "report/ola_interviews.h"

/* A notice's number from the command line. */
static int notice_id(const char *s, long long *id, struct hw_err *err)
{
    char *end;
    *id = strtoll(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || *id < 1 || *id == LLONG_MAX)
        return hw_fail(err, HW_EINPUT, "notice ID: expected a whole number from 1, got '%s'", s);
    return 0;
}

static struct hw_rulebook rulebook(const struct hw_ctx *ctx)
{
    return (struct hw_rulebook){&ctx->cfg, &ctx->reasons, &ctx->routing, &ctx->notices};
}

static int cmd_notices(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    struct hw_outbox_filter f = {.notices = true, .state = HW_NOTICES_OPEN};
    struct hw_buf out = {0};
    int fmt, given = hw_flag(a, "all") + hw_flag(a, "unsent") + hw_flag(a, "unanswered");
    if (hw_arg_format(a, &fmt, err) < 0)
        return -1;
    if (given > 1)
        return hw_fail(err, HW_EINPUT, "give one of --all, --unsent and --unanswered");
    if (hw_flag(a, "all"))
        f.state = HW_NOTICES_ANY;
    else if (hw_flag(a, "unsent"))
        f.state = HW_NOTICES_UNSENT;
    else if (hw_flag(a, "unanswered"))
        f.state = HW_NOTICES_UNANSWERED;
    f.episode_id = hw_arg(a, "episode");
    if (hw_ctx_store(ctx, err) < 0 || hw_notice_list(ctx->store, &f, fmt, &out, NULL, err) < 0) {
        hw_buf_free(&out);
        return -1;
    }
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    return 0;
}

static int cmd_notices_templates(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                                 struct hw_err *err)
{
    (void)cmd, (void)a, (void)err;
    struct hw_buf b = {0};
    hw_buf_printf(&b, "# Homeward notices%s%s\n", ctx->notices_path ? " from " : " (defaults)",
                  ctx->notices_path ? ctx->notices_path : "");
    hw_notices_write(&ctx->notices, &b);
    hw_out(ctx, b.data, b.len);
    hw_buf_free(&b);
    return 0;
}

static int cmd_notice_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd;
    long long id;
    int fmt;
    struct hw_notice_row r;
    struct hw_buf out = {0};
    if (notice_id(a->pos[0], &id, err) < 0 || hw_arg_format(a, &fmt, err) < 0)
        return -1;
    if (fmt == HW_FMT_CSV)
        return hw_fail(err, HW_EINPUT, "--format: a notice is shown as text or json");
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    int found = hw_notice_get(ctx->store, id, &r, err);
    if (found < 0)
        return -1;
    if (found == 0 || r.n.notice == NULL) {
        hw_notice_row_free(&r);
        return hw_fail(err, HW_ENOTFOUND, "no notice %lld is recorded (see 'homeward notices')",
                       id);
    }
    if (fmt == HW_FMT_JSON) {
        json_t *o = hw_notice_json(&r.n, true);
        char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        hw_buf_printf(&out, "%s\n", text);
        free(text);
        json_decref(o);
    } else {
        hw_notice_text_view(&r.n, &out);
    }
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_notice_row_free(&r);
    return 0;
}

static int cmd_notice_send(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd;
    long long id;
    char when[HW_LOCAL_LEN];
    struct hw_notice_row r;
    struct hw_stamp by = {.at = ctx->now, .user = ctx->user, .source = "cli"};
    if (notice_id(a->pos[0], &id, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        hw_notice_send(ctx->store, id, &by, err) < 0)
        return -1;
    if (hw_notice_get(ctx->store, id, &r, err) <= 0)
        return hw_fail(err, HW_EINTERNAL, "notice %lld could not be read back", id);
    hw_format_local(r.n.sent_at, when);
    fprintf(ctx->out, "Sent notice %lld (%s, episode %s of child %s) to %s, by %s at %s.%s\n\n%s\n",
            id, hw_code_name(hw_outbox_event_codes, r.n.event), r.n.episode_id, r.n.child_id,
            r.n.recipient ? r.n.recipient : "the responsible council", r.n.sent_by, when,
            r.n.event == HW_EVENT_RHI_OVERDUE ? " Its ola_notice action is done." : "", r.n.notice);
    hw_notice_row_free(&r);
    return 0;
}

static int cmd_notice_answer(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                             struct hw_err *err)
{
    (void)cmd;
    long long id;
    hw_instant completed;
    struct hw_notice_row r;
    struct hw_episode e;
    struct hw_stamp by = {.at = ctx->now, .user = ctx->user, .source = "cli"};
    const char *answer = hw_arg(a, "answer");
    if (notice_id(a->pos[0], &id, err) < 0 ||
        hw_arg_time(a, "interview-completed", HW_NO_TIME, &completed, err) < 0)
        return -1;
    if (answer == NULL || *answer == '\0')
        return hw_fail(err, HW_EINPUT, "--answer is required: what the responsible council said");
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_notice_answer(ctx->store, id, answer, completed, &by, err) < 0)
        return -1;
    if (hw_notice_get(ctx->store, id, &r, err) <= 0)
        return hw_fail(err, HW_EINTERNAL, "notice %lld could not be read back", id);
    fprintf(ctx->out, "Recorded the answer to notice %lld (%s, episode %s of child %s) from %s.\n",
            id, hw_code_name(hw_outbox_event_codes, r.n.event), r.n.episode_id, r.n.child_id,
            r.n.recipient ? r.n.recipient : "the responsible council");
    hw_record_init(hw_episode_fields, &e);
    int rc = 0;
    if (completed != HW_NO_TIME) {
        if (hw_store_get(ctx->store, HW_REC_EPISODE, r.n.episode_id, &e, err) <= 0) {
            rc = hw_fail(err, HW_EINTERNAL, "episode %s could not be read", r.n.episode_id);
        } else {
            char done[HW_LOCAL_LEN], due[HW_LOCAL_LEN];
            long long minutes = (completed - e.returned) / HW_MINUTE;
            hw_format_local(completed, done);
            hw_format_local(hw_rhi_due(&ctx->cfg, e.returned), due);
            fprintf(ctx->out,
                    "The interview was done at %s, %lldh %02lldm after the return: %s (due by "
                    "%s).\n",
                    done, minutes / 60, minutes % 60,
                    hw_rhi_in_timescale(&ctx->cfg, e.returned, completed) ? "in time" : "late",
                    due);
        }
    }
    hw_record_clear(hw_episode_fields, &e);
    hw_notice_row_free(&r);
    return rc;
}

static int cmd_notice_overdue(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                              struct hw_err *err)
{
    (void)cmd;
    long long id;
    struct hw_notice_row r;
    struct hw_stamp by = {.at = ctx->now, .user = ctx->user, .source = "cli"};
    struct hw_rulebook rb = rulebook(ctx);
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_notice_overdue(ctx->store, &rb, a->pos[0], &by, &id, err) < 0)
        return -1;
    if (hw_notice_get(ctx->store, id, &r, err) <= 0)
        return hw_fail(err, HW_EINTERNAL, "notice %lld could not be read back", id);
    fprintf(ctx->out,
            "Made notice %lld to %s: the interview for episode %s is not reported done. Send it "
            "with 'homeward notice send %lld'.\n\n%s\n",
            id, r.n.recipient, r.n.episode_id, id, r.n.notice);
    hw_notice_row_free(&r);
    return 0;
}

/* The period of the report: --from and --to (local dates, both
 * included), or --year (a financial year). */
static int report_period(const struct hw_args *a, hw_instant *from, hw_instant *to, char *label,
                         size_t size, struct hw_err *err)
{
    const char *year = hw_arg(a, "year"), *f = hw_arg(a, "from"), *t = hw_arg(a, "to");
    hw_date first, last;
    if (year && (f || t))
        return hw_fail(err, HW_EINPUT, "give --year, or --from and --to, not both");
    if (year) {
        int fy;
        if (hw_parse_fy(year, &fy) < 0)
            return hw_fail(err, HW_EINPUT,
                           "--year: '%s': expected a financial year such as 2016-17", year);
        first = hw_date_from_ymd(fy, 4, 1);
        last = hw_date_from_ymd(fy + 1, 3, 31);
        snprintf(label, size, "%s", year);
    } else {
        if (f == NULL || t == NULL)
            return hw_fail(err, HW_EINPUT, "--from and --to are required (or --year)");
        if (hw_parse_date(f, &first) < 0)
            return hw_fail(err, HW_EINPUT, "--from: '%s': expected a date as YYYY-MM-DD", f);
        if (hw_parse_date(t, &last) < 0)
            return hw_fail(err, HW_EINPUT, "--to: '%s': expected a date as YYYY-MM-DD", t);
        if (first > last)
            return hw_fail(err, HW_EINPUT, "--from: %s is after --to %s", f, t);
        snprintf(label, size, "%s to %s", f, t);
    }
    *from = hw_london_day_start(first);
    *to = hw_london_day_start(last + 1);
    return 0;
}

static int cmd_report_ola(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                          struct hw_err *err)
{
    (void)cmd;
    hw_instant from = 0, to = 0;
    char period[64];
    int fmt, rc = -1;
    const char *council = hw_arg(a, "council");
    struct hw_ola_facts f = {0};
    struct hw_doc d = {0};
    struct hw_buf out = {0};
    if (report_period(a, &from, &to, period, sizeof period, err) < 0 ||
        hw_report_format(a, &fmt, err) < 0 || hw_report_out_check(ctx, a, fmt, err) < 0)
        return -1;
    if (council == NULL)
        council = getenv("HOMEWARD_COUNCIL");
    if (hw_ctx_store(ctx, err) < 0 || hw_ola_facts_load(ctx->store, from, to, NULL, &f, err) < 0)
        goto done;
    hw_ola_doc(&d, &f, &ctx->cfg, period, ctx->now, council && *council ? council : "The council",
               ctx->now);
    if (hw_doc_render(&d, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, "the report of other councils' interviews", err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&out);
    hw_doc_free(&d);
    hw_ola_facts_free(&f);
    return rc;
}

static const struct hw_opt report_opts[] = {
    {"from", "DATE", "the first day of returns counted (with --to)"},
    {"to", "DATE", "the last day of returns counted"},
    {"year", "YYYY-YY", "a financial year instead, e.g. 2017-18"},
    {"council", "NAME", "the council's name on the report (or HOMEWARD_COUNCIL)"},
    {"format", "FMT",
     "text (default), csv, json, html (a printable page) or xlsx (a workbook; needs --out "
     "unless the output is redirected)"},
    {"out", "FILE", "write the report to FILE (replaced only once complete)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt list_opts[] = {
    {"all", NULL, "every notice (default: those not yet answered)"},
    {"unsent", NULL, "only those not yet sent"},
    {"unanswered", NULL, "only those sent and not yet answered"},
    {"episode", "ID", "only this episode's notices"},
    {"format", "FMT", "text (default), csv or json (json with each notice's text)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt show_opts[] = {
    {"format", "FMT", "text (default) or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt answer_opts[] = {
    {"answer", "TEXT", "what the responsible council said (required)"},
    {"interview-completed", "TIME",
     "when the council says the return home interview was done, if it says so"},
    {NULL, NULL, NULL},
};

/* "notices templates" comes before "notices": a command without a verb
 * takes any. */
const struct hw_cmd hw_notices_cmds[] = {
    {.noun = "notices",
     .verb = "templates",
     .usage = "",
     .summary = "print the notice templates in force, as a templates file (--notices FILE)",
     .fn = cmd_notices_templates,
     .rectype = -1},
    {.noun = "notices",
     .usage = "[--all | --unsent | --unanswered] [--episode ID] [--format text|csv|json]",
     .summary = "notices to the councils that placed children here: not yet answered, oldest "
                "first",
     .opts = list_opts,
     .fn = cmd_notices,
     .rectype = -1},
    {.noun = "notice",
     .verb = "show",
     .usage = "N [--format text|json]",
     .summary = "a notice in full: to whom, made, sent, answered, and its text",
     .opts = show_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_notice_show,
     .rectype = -1},
    {.noun = "notice",
     .verb = "send",
     .usage = "N",
     .summary = "record a notice as sent (once; by --user, now) and print its text to send",
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_notice_send,
     .rectype = -1,
     .writes = true},
    {.noun = "notice",
     .verb = "answer",
     .usage = "N --answer TEXT [--interview-completed TIME]",
     .summary = "record the council's answer to a notice sent (once), and when it says the "
                "interview was done",
     .opts = answer_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_notice_answer,
     .rectype = -1,
     .writes = true},
    {.noun = "notice",
     .verb = "overdue",
     .usage = "EPISODE",
     .summary = "make the 72-hour notice: the interview of a child placed here by another "
                "council not reported done in time",
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_notice_overdue,
     .rectype = -1,
     .writes = true},
    {.noun = "report",
     .verb = "ola-interviews",
     .usage = "--from DATE --to DATE | --year YYYY-YY [--format FMT] [--out FILE]",
     .summary = "children placed here by other councils: interviews reported done, in 72 hours, "
                "notices sent and answered, by responsible council",
     .opts = report_opts,
     .fn = cmd_report_ola,
     .rectype = -1},
    {.noun = NULL},
};
