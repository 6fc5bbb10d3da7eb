/* cmd_report.c - `homeward report monthly`. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/monthly_report.h"

static int month_arg(const struct hw_args *a, const char *name, int *y, int *m, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    if (v == NULL)
        return hw_fail(err, HW_EINPUT, "--%s is required (YYYY-MM)", name);
    if (hw_parse_month(v, y, m) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': expected a month as YYYY-MM", name, v);
    return 0;
}

static int cmd_monthly(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    int fy, fm, ty, tm, fmt;
    struct hw_monthly m;
    if (month_arg(a, "from", &fy, &fm, err) < 0 || month_arg(a, "to", &ty, &tm, err) < 0 ||
        hw_arg_format(a, &fmt, err) < 0 || hw_ctx_store(ctx, err) < 0)
        return -1;
    if (hw_monthly_build(ctx->store, fy, fm, ty, tm, &m, err) < 0)
        return -1;
    struct hw_buf out = {0};
    hw_monthly_render(&m, fmt, &out);
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_monthly_free(&m);
    return 0;
}

static const struct hw_opt monthly_opts[] = {
    {"from", "YYYY-MM", "first month (required)"},
    {"to", "YYYY-MM", "last month (required)"},
    {"format", "FMT", "text (default), csv or json"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_report_cmds[] = {
    {.noun = "report",
     .verb = "monthly",
     .usage = "--from YYYY-MM --to YYYY-MM [--format text|csv|json]",
     .summary = "the monthly data profile: children missing, offered and done, episodes, rates",
     .opts = monthly_opts,
     .fn = cmd_monthly,
     .rectype = -1},
    {.noun = NULL},
};
