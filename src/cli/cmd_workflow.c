/* cmd_workflow.c - the missing team's daily work: what is due, and
 * recording actions as done or not needed. */
#include <stdlib.h>
#include <string.h>

#include "app/assess.h"
#include "app/daily.h"
#include "app/due.h"
#include "app/highrisk.h"
#include "app/plans.h"
#include "app/weekly.h"
#include "app/workflow.h"
#include "cli/cli.h"
#include "core/rules.h"
#include "report/lists.h"
#include "report/table.h"

static int cmd_weekly(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    int fmt;
    hw_date day = hw_london_date(ctx->now);
    const char *v = hw_arg(a, "week-of");
    struct hw_weekly w;
    if (hw_arg_format(a, &fmt, err) < 0)
        return -1;
    if (v && hw_parse_date(v, &day) < 0)
        return hw_fail(err, HW_EINPUT, "--week-of: '%s': expected a date as YYYY-MM-DD", v);
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_weekly_build(ctx->store, &ctx->cfg, day, ctx->now, &w, err) < 0)
        return -1;
    struct hw_buf out = {0};
    hw_weekly_render(&w, fmt, &out);
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_weekly_free(&w);
    return 0;
}

/* Any of the team's lists (the command's data is its struct hw_list_kind):
 * as at --at, or 09:00 on --date (the daily meeting), or now. */
static int cmd_team_list(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    const struct hw_list_kind *k = cmd->data;
    const char *date = hw_arg(a, "date");
    hw_instant at;
    int fmt;
    if (hw_arg_format(a, &fmt, err) < 0)
        return -1;
    if (fmt == HW_FMT_CSV && !k->csv)
        return hw_fail(err, HW_EINPUT, "--format: the %s gives text or json", k->name);
    if (date && hw_arg(a, "at"))
        return hw_fail(err, HW_EINPUT, "give --date or --at, not both");
    if (date) {
        hw_date d;
        if (hw_parse_date(date, &d) < 0)
            return hw_fail(err, HW_EINPUT, "--date: '%s': expected a date as YYYY-MM-DD", date);
        at = hw_london_day_start(d) + 9 * HW_HOUR;
    } else if (hw_arg_time(a, "at", ctx->now, &at, err) < 0) {
        return -1;
    }
    struct hw_buf out = {0};
    int rc = -1;
    if (hw_ctx_store(ctx, err) == 0 &&
        hw_list_run(k, ctx->store, &ctx->cfg, at, hw_arg(a, "team"), fmt, &out, err) == 0) {
        hw_out(ctx, out.data, out.len);
        rc = 0;
    }
    hw_buf_free(&out);
    return rc;
}

/* Records an action of an episode as done or not needed, once. */
static int record_action(struct hw_ctx *ctx, struct hw_args *a, int outcome, struct hw_err *err)
{
    const char *episode = a->pos[0], *action = a->pos[1], *v;
    int kind = hw_code_parse(hw_action_codes, action), seq = 1;
    hw_instant at;
    char list[512];
    if (kind < 0) {
        hw_code_list(hw_action_codes, list, sizeof list);
        return hw_fail(err, HW_EINPUT, "unknown action '%s': expected one of %s", action, list);
    }
    if ((v = hw_arg(a, "seq"))) {
        char *end;
        long n = strtol(v, &end, 10);
        if (*v == '\0' || *end || n < 1 || n > 10000)
            return hw_fail(err, HW_EINPUT, "--seq: expected a whole number from 1, got '%s'", v);
        seq = (int)n;
    }
    if (hw_arg_time(a, "at", ctx->now, &at, err) < 0)
        return -1;
    const char *reason = hw_arg(a, "reason");
    if (outcome == HW_ACTION_NOT_NEEDED && (reason == NULL || *reason == '\0'))
        return hw_fail(err, HW_EINPUT, "--reason is required: why the %s was not needed", action);
    struct hw_stamp by = {.at = ctx->now, .user = ctx->user, .source = "cli"};
    if (hw_ctx_store(ctx, err) < 0 || hw_resolve_action(ctx->store, &ctx->cfg, episode, kind, seq,
                                                        outcome, at, reason, &by, err) < 0)
        return -1;
    fprintf(ctx->out, "Recorded %s #%d of episode %s as %s.\n", action, seq, episode,
            hw_code_label(hw_action_outcome_codes, outcome));
    return 0;
}

static int cmd_action_done(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd;
    if (hw_arg(a, "reason"))
        return hw_fail(err, HW_EINPUT, "--reason goes with 'action not-needed'");
    return record_action(ctx, a, HW_ACTION_DONE, err);
}

static int cmd_action_not_needed(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                                 struct hw_err *err)
{
    (void)cmd;
    return record_action(ctx, a, HW_ACTION_NOT_NEEDED, err);
}

static const struct hw_opt due_opts[] = {
    {"at", "TIME", "as at this local time (default: now)"},
    {"team", "TEAM", "only children of this team"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt daily_opts[] = {
    {"date", "DATE", "the list for 09:00 on this day"},
    {"at", "TIME", "as at this local time (default: now)"},
    {"team", "TEAM", "only children of this team"},
    {"format", "FMT", "text (default) or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt weekly_opts[] = {
    {"week-of", "DATE", "the week (Monday to Sunday) containing this date (default: this week)"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

static const struct hw_opt action_opts[] = {
    {"seq", "N", "which one of a recurring action (default 1)"},
    {"at", "TIME", "when it was done or decided (default: now)"},
    {"reason", "TEXT", "why it was not needed (required for not-needed)"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_workflow_cmds[] = {
    {.noun = "due",
     .usage = "[--at TIME] [--team TEAM] [--format text|csv|json]",
     .summary = "everything due or overdue, soonest first, with how overdue",
     .opts = due_opts,
     .fn = cmd_team_list,
     .rectype = -1,
     .data = &hw_list_due},
    {.noun = "daily",
     .usage = "[--date DATE | --at TIME] [--team TEAM] [--format text|json]",
     .summary = "missing now, returned in the last 24 hours with the interview decision, overdue",
     .opts = daily_opts,
     .fn = cmd_team_list,
     .rectype = -1,
     .data = &hw_list_daily},
    {.noun = "weekly",
     .usage = "[--week-of DATE] [--format text|csv|json]",
     .summary = "per team: interviews done in time, late or still needed; records updated in 5 "
                "working days",
     .opts = weekly_opts,
     .fn = cmd_weekly,
     .rectype = -1},
    {.noun = "plans",
     .usage = "[--at TIME] [--team TEAM] [--format text|csv|json]",
     .summary = "missing plans to review: review date come, missing again or repeat since, or none",
     .opts = due_opts,
     .fn = cmd_team_list,
     .rectype = -1,
     .data = &hw_list_plans},
    {.noun = "high-risk",
     .usage = "[--at TIME] [--team TEAM] [--format text|csv|json]",
     .summary = "the weekly high-risk list: high risk now, repeat or persistent, exploitation",
     .opts = due_opts,
     .fn = cmd_team_list,
     .rectype = -1,
     .data = &hw_list_high_risk},
    {.noun = "action",
     .verb = "done",
     .usage = "EPISODE ACTION [--seq N] [--at TIME]",
     .summary = "record that an action the rules call for was done",
     .opts = action_opts,
     .min_pos = 2,
     .max_pos = 2,
     .fn = cmd_action_done,
     .rectype = -1,
     .writes = true},
    {.noun = "action",
     .verb = "not-needed",
     .usage = "EPISODE ACTION --reason TEXT [--seq N] [--at TIME]",
     .summary = "record that an action was not needed, and why (not the same as missed)",
     .opts = action_opts,
     .min_pos = 2,
     .max_pos = 2,
     .fn = cmd_action_not_needed,
     .rectype = -1,
     .writes = true},
    {.noun = NULL},
};
