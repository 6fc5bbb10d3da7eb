/* cmd_report.c - `homeward report monthly`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* --format for a report: text (default), csv, json, html or xlsx. */
static int report_format(const struct hw_args *a, int *fmt, struct hw_err *err)
{
    const char *s = hw_arg(a, "format");
    *fmt = HW_FMT_TEXT;
    if (s && (*fmt = hw_format_parse_report(s)) < 0)
        return hw_fail(err, HW_EINPUT, "--format: expected " HW_REPORT_FORMATS ", got '%s'", s);
    return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Writes n bytes to path whole or not at all: into path.tmp-XXXXXX in the
 * same directory, flushed to disk, then renamed over path; the temporary
 * file is removed on any error. */
static int write_file_atomic(const char *path, const char *s, size_t n, struct hw_err *err)
{
    char *tmp = hw_asprintf("%s.tmp-XXXXXX", path);
    int rc = -1;
    int fd = mkstemp(tmp);
    bool made = fd >= 0;
    if (!made) {
        hw_fail(err, HW_EINPUT, "--out: cannot write %s: %s", path, strerror(errno));
        goto done;
    }
    /* mkstemp makes it 0600; give the file the mode any new file gets. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || write_all(fd, s, n) != 0 || fsync(fd) != 0) {
        hw_fail(err, HW_EINTERNAL, "--out: cannot write %s: %s", path, strerror(errno));
        goto done;
    }
    int closed = close(fd);
    fd = -1;
    if (closed != 0) {
        hw_fail(err, HW_EINTERNAL, "--out: cannot write %s: %s", path, strerror(errno));
        goto done;
    }
    if (rename(tmp, path) != 0) {
        hw_fail(err, HW_EINPUT, "--out: cannot write %s: %s", path, strerror(errno));
        goto done;
    }
    rc = 0;
done:
    if (fd >= 0)
        close(fd);
    if (rc < 0 && made)
        unlink(tmp);
    free(tmp);
    return rc;
}

static int cmd_monthly(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    int fy, fm, ty, tm, fmt, rc = -1;
    const char *path = hw_arg(a, "out");
    struct hw_monthly m;
    struct hw_buf out = {0};
    if (month_arg(a, "from", &fy, &fm, err) < 0 || month_arg(a, "to", &ty, &tm, err) < 0 ||
        report_format(a, &fmt, err) < 0)
        return -1;
    if (path && path[0] == '\0')
        return hw_fail(err, HW_EINPUT, "--out: expected a file name");
    if (fmt == HW_FMT_XLSX && path == NULL && isatty(fileno(ctx->out)))
        return hw_fail(err, HW_EINPUT,
                       "--format xlsx is a binary file, not for a terminal: use --out FILE (or "
                       "redirect the output to a file)");
    if (hw_ctx_store(ctx, err) < 0 || hw_monthly_build(ctx->store, fy, fm, ty, tm, &m, err) < 0)
        return -1;
    if (hw_monthly_write(&m, fmt, &out, err) < 0)
        goto done;
    if (path == NULL)
        hw_out(ctx, out.data, out.len);
    else if (write_file_atomic(path, out.data, out.len, err) < 0)
        goto done;
    else
        fprintf(ctx->out, "%s: the monthly data profile (%s, %zu bytes).\n", path,
                hw_format_extension(fmt), out.len);
    rc = 0;
done:
    hw_buf_free(&out);
    hw_monthly_free(&m);
    return rc;
}

static const struct hw_opt monthly_opts[] = {
    {"from", "YYYY-MM", "first month (required)"},
    {"to", "YYYY-MM", "last month (required)"},
    {"format", "FMT",
     "text (default), csv, json, html (a web page with a chart) or xlsx (an Excel workbook; "
     "needs --out unless the output is redirected)"},
    {"out", "FILE",
     "write the report to FILE (replaced only once complete) instead of standard output"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_report_cmds[] = {
    {.noun = "report",
     .verb = "monthly",
     .usage = "--from YYYY-MM --to YYYY-MM [--format text|csv|json|html|xlsx] [--out FILE]",
     .summary = "the monthly data profile: children missing, offered and done, episodes, rates",
     .opts = monthly_opts,
     .fn = cmd_monthly,
     .rectype = -1},
    {.noun = NULL},
};
