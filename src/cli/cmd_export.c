/* cmd_export.c - `homeward export annex-a-missing` and `export ssd-missing`:
 * the statutory layouts of missing episodes (report/statutory.h,
 * docs/statutory.md). */
#include <string.h>

#include "cli/cli.h"
#include "report/statutory.h"

#define EXPORT_FORMATS "csv, xlsx, text or json"

/* --format for an export: csv (the default), xlsx, text or json; an export
 * is data for another system, not a page, so html is refused. */
static int export_format(const struct hw_args *a, int *fmt, struct hw_err *err)
{
    const char *s = hw_arg(a, "format");
    *fmt = HW_FMT_CSV;
    if (s && ((*fmt = hw_format_parse_report(s)) < 0 || *fmt == HW_FMT_HTML))
        return hw_fail(err, HW_EINPUT, "--format: expected " EXPORT_FORMATS ", got '%s'", s);
    return 0;
}

/* A date option: HW_NO_DATE when absent (an error when required). */
static int date_arg(const struct hw_args *a, const char *name, bool required, hw_date *out,
                    struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    *out = HW_NO_DATE;
    if (v == NULL)
        return required ? hw_fail(err, HW_EINPUT, "--%s is required: a date as YYYY-MM-DD", name)
                        : 0;
    if (hw_parse_date(v, out) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': expected a date as YYYY-MM-DD or DD/MM/YYYY",
                       name, v);
    return 0;
}

/* Builds with the command's builder, then renders and writes. */
static int export_out(struct hw_ctx *ctx, struct hw_args *a, int fmt, struct hw_statutory *x,
                      const char *what, struct hw_err *err)
{
    struct hw_buf out = {0};
    int rc = -1;
    if (hw_statutory_write(x, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, what, err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&out);
    hw_statutory_free(x);
    return rc;
}

static int cmd_annex_a(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    hw_date at;
    int fmt;
    struct hw_statutory x;
    if (date_arg(a, "at", true, &at, err) < 0 || export_format(a, &fmt, err) < 0 ||
        hw_report_out_check(ctx, a, fmt, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        hw_annex_a_missing_build(ctx->store, at, &x, err) < 0)
        return -1;
    return export_out(ctx, a, fmt, &x, "Annex A list 8, the missing columns", err);
}

static int cmd_ssd(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                   struct hw_err *err)
{
    (void)cmd;
    hw_date from, to;
    int fmt;
    struct hw_statutory x;
    if (date_arg(a, "from", false, &from, err) < 0 || date_arg(a, "to", false, &to, err) < 0)
        return -1;
    if (from != HW_NO_DATE && to != HW_NO_DATE && from > to)
        return hw_fail(err, HW_EINPUT, "--from %s is after --to %s", hw_arg(a, "from"),
                       hw_arg(a, "to"));
    if (export_format(a, &fmt, err) < 0 || hw_report_out_check(ctx, a, fmt, err) < 0 ||
        hw_ctx_store(ctx, err) < 0 || hw_ssd_missing_build(ctx->store, from, to, &x, err) < 0)
        return -1;
    return export_out(ctx, a, fmt, &x, "the SSD's ssd_missing table", err);
}

#define EXPORT_OUT_OPTS                                                                            \
    {"format", "FMT",                                                                              \
     "csv (default), xlsx (a workbook; needs --out unless the output is redirected), text or "     \
     "json"},                                                                                      \
    {                                                                                              \
        "out", "FILE", "write the export to FILE (replaced only once complete)"                    \
    }

static const struct hw_opt annex_a_opts[] = {
    {"at", "DATE", "the date the list is as at; its 12 months end that day (required)"},
    EXPORT_OUT_OPTS,
    {NULL, NULL, NULL},
};

static const struct hw_opt ssd_opts[] = {
    {"from", "DATE", "the first day episodes were last seen on (default: no limit)"},
    {"to", "DATE", "the last day episodes were last seen on (default: no limit)"},
    EXPORT_OUT_OPTS,
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_export_cmds[] = {
    {.noun = "export",
     .verb = "annex-a-missing",
     .usage = "--at DATE [--format csv|xlsx|text|json] [--out FILE]",
     .summary = "Ofsted's Annex A list 8 (children in care): missing and absent episodes in the "
                "12 months, return interview offered and accepted",
     .opts = annex_a_opts,
     .fn = cmd_annex_a,
     .rectype = -1},
    {.noun = "export",
     .verb = "ssd-missing",
     .usage = "[--from DATE] [--to DATE] [--format csv|xlsx|text|json] [--out FILE]",
     .summary = "the standard safeguarding dataset's ssd_missing table: one row per episode",
     .opts = ssd_opts,
     .fn = cmd_ssd,
     .rectype = -1},
    {.noun = NULL},
};
