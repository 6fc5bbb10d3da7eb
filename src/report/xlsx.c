/* xlsx.c - tables as an Excel workbook, through libxlsxwriter. */
#include "report/xlsx.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* The workbook's formats (owned by it), shared by every sheet. */
struct formats {
    lxw_format *title, *header, *header_right, *percent, *right;
};

/* libxlsxwriter 1.1.4 is not thread-safe while it packages a workbook: it
 * calls gmtime() for the document's date and names its scratch files from a
 * static seed. The HTTP server renders reports on several threads, so
 * workbooks are packaged one at a time. */
static pthread_mutex_t package_lock = PTHREAD_MUTEX_INITIALIZER;

/* Column widths in characters: room for the widest cell, within reason. */
#define MIN_WIDTH 8
#define MAX_WIDTH 60

static int lxw_fail(struct hw_err *err, lxw_error e, const char *sheet, const char *what)
{
    return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: sheet '%.64s': %s: %s", sheet,
                   what, lxw_strerror(e));
}

/* Reads a number as the renderers write one: -?digits(.digits)?, and for a
 * percentage an optional "%" after it. A percentage becomes a fraction by
 * appending "e-2" rather than dividing, so 32.91 is the double nearest
 * 0.3291 (strtod rounds correctly) and Excel shows 32.91%, not 32.909999. */
static bool parse_number(const char *s, bool percent, double *v)
{
    char buf[64];
    size_t n = strlen(s);
    if (percent && n > 0 && s[n - 1] == '%')
        n--;
    if (n == 0 || n + sizeof "e-2" > sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    const char *p = buf + (buf[0] == '-');
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return false;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return false;
    if (percent)
        memcpy(buf + n, "e-2", sizeof "e-2");
    char *end;
    errno = 0;
    *v = strtod(buf, &end);
    return *end == '\0' && errno == 0 && isfinite(*v);
}

static enum hw_xlsx_kind cell_kind(const struct hw_xlsx_sheet *sh, size_t r, size_t c)
{
    if (r == 0)
        return HW_XLSX_TEXT;
    if (sh->row_kinds && sh->row_kinds[r] != HW_XLSX_TEXT && c >= 1)
        return sh->row_kinds[r];
    return sh->col_kinds ? sh->col_kinds[c] : HW_XLSX_TEXT;
}

/* Display width: counts UTF-8 code points, not bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int add_chart(lxw_workbook *wb, lxw_worksheet *ws, const struct hw_xlsx_sheet *sh,
                     lxw_row_t hdr, struct hw_err *err)
{
    const struct hw_xlsx_chart *ch = sh->chart;
    const struct hw_table *t = sh->table;
    size_t limit = ch->by_column ? t->ncols : t->nrows; /* series are rows or columns */
    size_t span = ch->by_column ? t->nrows : t->ncols;  /* each needs a value past the names */
    if (ch->nseries == 0 || ch->series == NULL || span < 2)
        return hw_fail(err, HW_EINTERNAL,
                       "cannot write the spreadsheet: sheet '%.64s': the chart has nothing to plot",
                       sh->name);
    for (size_t i = 0; i < ch->nseries; i++)
        if (ch->series[i] == 0 || ch->series[i] >= limit)
            return hw_fail(err, HW_EINTERNAL,
                           "cannot write the spreadsheet: sheet '%.64s': the chart plots %s %zu, "
                           "which is not in the table",
                           sh->name, ch->by_column ? "column" : "row", ch->series[i]);

    lxw_chart *chart = workbook_add_chart(wb, LXW_CHART_LINE); /* freed with the workbook */
    if (chart == NULL)
        return lxw_fail(err, LXW_ERROR_MEMORY_MALLOC_FAILED, sh->name, "the chart");
    if (ch->title)
        chart_title_set_name(chart, ch->title);
    if (ch->y_title)
        chart_axis_set_name(chart->y_axis, ch->y_title);
    lxw_row_t last_row = hdr + (lxw_row_t)t->nrows - 1;
    lxw_col_t last_col = (lxw_col_t)(t->ncols - 1);
    for (size_t i = 0; i < ch->nseries; i++) {
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (s == NULL)
            return lxw_fail(err, LXW_ERROR_MEMORY_MALLOC_FAILED, sh->name, "the chart");
        if (!ch->by_column) {
            lxw_row_t r = hdr + (lxw_row_t)ch->series[i];
            chart_series_set_categories(s, sh->name, hdr, 1, hdr, last_col);
            chart_series_set_values(s, sh->name, r, 1, r, last_col);
            chart_series_set_name_range(s, sh->name, r, 0);
        } else {
            lxw_col_t c = (lxw_col_t)ch->series[i];
            chart_series_set_categories(s, sh->name, hdr + 1, 0, last_row, 0);
            chart_series_set_values(s, sh->name, hdr + 1, c, last_row, c);
            chart_series_set_name_range(s, sh->name, hdr, c);
        }
    }
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    /* The title doubles as the chart's alternative text. */
    lxw_chart_options opt = {.x_scale = 2, .y_scale = 1.5, .description = (char *)ch->title};
    lxw_error e = worksheet_insert_chart_opt(ws, last_row + 2, 0, chart, &opt);
    return e ? lxw_fail(err, e, sh->name, "the chart") : 0;
}

static int add_sheet(lxw_workbook *wb, const struct formats *f, const struct hw_xlsx_sheet *sh,
                     struct hw_err *err)
{
    const struct hw_table *t = sh->table;
    if (sh->name == NULL || sh->name[0] == '\0')
        return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: a sheet has no name");
    /* Checked first: workbook_add_worksheet would only say NULL (and print). */
    lxw_error e = workbook_validate_sheet_name(wb, sh->name);
    if (e)
        return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: sheet name '%.64s': %s",
                       sh->name, lxw_strerror(e));
    lxw_row_t hdr = (sh->title != NULL) + (sh->note != NULL);
    hdr += hdr > 0; /* a blank row between the title and the table */
    if (t == NULL || t->nrows == 0 || t->ncols == 0 || t->ncols > LXW_COL_MAX ||
        t->nrows > LXW_ROW_MAX - hdr - 1)
        return hw_fail(err, HW_EINTERNAL,
                       "cannot write the spreadsheet: sheet '%.64s': the table is empty or "
                       "larger than a sheet (%d rows, %d columns)",
                       sh->name, LXW_ROW_MAX, LXW_COL_MAX);
    lxw_worksheet *ws = workbook_add_worksheet(wb, sh->name);
    if (ws == NULL)
        return lxw_fail(err, LXW_ERROR_MEMORY_MALLOC_FAILED, sh->name, "the sheet");

    lxw_row_t row = 0;
    if (sh->title && (e = worksheet_write_string(ws, row++, 0, sh->title, f->title)) != 0)
        return lxw_fail(err, e, sh->name, "the title");
    if (sh->note && (e = worksheet_write_string(ws, row++, 0, sh->note, NULL)) != 0)
        return lxw_fail(err, e, sh->name, "the note");

    for (size_t c = 0; c < t->ncols; c++) {
        bool numbers = false; /* a header over numbers lines up with them, on the right */
        size_t w = MIN_WIDTH;
        for (size_t r = 0; r < t->nrows; r++) {
            numbers |= cell_kind(sh, r, c) != HW_XLSX_TEXT;
            if (width(t->cells[r * t->ncols + c]) + 2 > w)
                w = width(t->cells[r * t->ncols + c]) + 2;
        }
        if ((e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                      (double)(w > MAX_WIDTH ? MAX_WIDTH : w), NULL)) != 0)
            return lxw_fail(err, e, sh->name, "a column");
        for (size_t r = 0; r < t->nrows; r++) {
            const char *s = t->cells[r * t->ncols + c];
            enum hw_xlsx_kind k = cell_kind(sh, r, c);
            lxw_row_t at = hdr + (lxw_row_t)r;
            double v;
            if (r == 0) /* blank header cells too, so the header's rule is unbroken */
                e = worksheet_write_string(ws, at, (lxw_col_t)c, s,
                                           numbers && c > 0 ? f->header_right : f->header);
            else if (*s == '\0')
                continue;
            else if (k != HW_XLSX_TEXT && parse_number(s, k == HW_XLSX_PERCENT, &v))
                e = worksheet_write_number(ws, at, (lxw_col_t)c, v,
                                           k == HW_XLSX_PERCENT ? f->percent : NULL);
            else
                e = worksheet_write_string(ws, at, (lxw_col_t)c, s,
                                           k != HW_XLSX_TEXT ? f->right : NULL);
            if (e)
                return lxw_fail(err, e, sh->name, "a cell");
        }
    }
    worksheet_freeze_panes(ws, hdr + 1, 1);
    return sh->chart ? add_chart(wb, ws, sh, hdr, err) : 0;
}

static int make_formats(lxw_workbook *wb, struct formats *f, struct hw_err *err)
{
    f->title = workbook_add_format(wb);
    f->header = workbook_add_format(wb);
    f->header_right = workbook_add_format(wb);
    f->percent = workbook_add_format(wb);
    f->right = workbook_add_format(wb);
    if (!f->title || !f->header || !f->header_right || !f->percent || !f->right)
        return hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: %s",
                       lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
    format_set_bold(f->title);
    format_set_font_size(f->title, 14);
    format_set_bold(f->header);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    format_set_bold(f->header_right);
    format_set_bottom(f->header_right, LXW_BORDER_THIN);
    format_set_align(f->header_right, LXW_ALIGN_RIGHT);
    format_set_num_format(f->percent, "0.00%");
    format_set_align(f->right, LXW_ALIGN_RIGHT);
    return 0;
}

/* Appends the whole of the file open as fd to out. */
static int read_back(int fd, const char *path, struct hw_buf *out, struct hw_err *err)
{
    char chunk[16384];
    if (lseek(fd, 0, SEEK_SET) < 0)
        return hw_fail(err, HW_EINTERNAL, "cannot read back %s: %s", path, strerror(errno));
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return hw_fail(err, HW_EINTERNAL, "cannot read back %s: %s", path, strerror(errno));
        if (n == 0)
            return 0;
        hw_buf_append(out, chunk, (size_t)n);
    }
}

int hw_xlsx_build(hw_xlsx_build_fn build, void *ctx, struct hw_buf *out, struct hw_err *err)
{
    const char *dir = getenv("TMPDIR");
    if (dir == NULL || dir[0] == '\0')
        dir = "/tmp";
    size_t start = out->len;
    int rc = -1;
    lxw_workbook *wb = NULL;
    char *tmpdir = hw_strdup(dir);
    char *path = hw_asprintf("%s/homeward-xlsx-XXXXXX", dir);
    /* Only this process can open it (0600); libxlsxwriter reopens it by
     * name and truncates it, and the bytes are read back through fd. */
    int fd = mkstemp(path);
    if (fd < 0) {
        hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: cannot create a file in %s: %s",
                dir, strerror(errno));
        goto done;
    }
    /* libxlsxwriter's own scratch files go in the same place. */
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = tmpdir};
    wb = workbook_new_opt(path, &opt);
    if (wb == NULL) {
        hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: %s",
                lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
        goto done;
    }
    if (build(wb, ctx, err) < 0)
        goto done;
    if (wb->num_sheets == 0) { /* libxlsxwriter would write a workbook Excel refuses */
        hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet: it has no sheets");
        goto done;
    }
    pthread_mutex_lock(&package_lock);
    lxw_error e = workbook_close(wb); /* frees wb, written or not */
    pthread_mutex_unlock(&package_lock);
    wb = NULL;
    if (e) {
        hw_fail(err, HW_EINTERNAL, "cannot write the spreadsheet in %s: %s", dir, lxw_strerror(e));
        goto done;
    }
    if (read_back(fd, path, out, err) < 0)
        goto done;
    rc = 0;
done:
    if (wb)
        lxw_workbook_free(wb);
    if (fd >= 0) {
        close(fd);
        unlink(path);
    }
    if (rc < 0 && out->data) { /* out unchanged */
        out->len = start;
        out->data[start] = '\0';
    }
    free(path);
    free(tmpdir);
    return rc;
}

struct sheets {
    const struct hw_xlsx_sheet *sheets;
    size_t n;
};

static int build_sheets(lxw_workbook *wb, void *ctx, struct hw_err *err)
{
    const struct sheets *s = ctx;
    struct formats f;
    if (make_formats(wb, &f, err) < 0)
        return -1;
    for (size_t i = 0; i < s->n; i++)
        if (add_sheet(wb, &f, &s->sheets[i], err) < 0)
            return -1;
    return 0;
}

int hw_xlsx_write(const struct hw_xlsx_sheet *sheets, size_t n, struct hw_buf *out,
                  struct hw_err *err)
{
    struct sheets s = {sheets, n};
    return hw_xlsx_build(build_sheets, &s, out, err);
}
