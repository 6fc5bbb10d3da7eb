/* report_out.c - what every report command shares: --format, --out and
 * writing the result (a file replaced only once complete). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "report/table.h"

/* --format for a report: text (default), csv, json, html or xlsx. */
int hw_report_format(const struct hw_args *a, int *fmt, struct hw_err *err)
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
int hw_write_file_atomic(const char *path, const char *s, size_t n, struct hw_err *err)
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

int hw_report_out_check(struct hw_ctx *ctx, const struct hw_args *a, int fmt, struct hw_err *err)
{
    const char *path = hw_arg(a, "out");
    if (path && path[0] == '\0')
        return hw_fail(err, HW_EINPUT, "--out: expected a file name");
    if (fmt == HW_FMT_XLSX && path == NULL && isatty(fileno(ctx->out)))
        return hw_fail(err, HW_EINPUT,
                       "--format xlsx is a binary file, not for a terminal: use --out FILE (or "
                       "redirect the output to a file)");
    return 0;
}

int hw_report_out_write(struct hw_ctx *ctx, const struct hw_args *a, int fmt,
                        const struct hw_buf *out, const char *what, struct hw_err *err)
{
    const char *path = hw_arg(a, "out");
    if (path == NULL) {
        hw_out(ctx, out->data ? out->data : "", out->len);
        return 0;
    }
    if (hw_write_file_atomic(path, out->data ? out->data : "", out->len, err) < 0)
        return -1;
    fprintf(ctx->out, "%s: %s (%s, %zu bytes).\n", path, what, hw_format_extension(fmt), out->len);
    return 0;
}
