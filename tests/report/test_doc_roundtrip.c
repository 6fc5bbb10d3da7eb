/* test_doc_roundtrip.c - report documents through the programs people open
 * them with: the workbook through LibreOffice (its cells read back as CSV
 * must show the document's numbers), and the HTML page printed to PDF by
 * headless Chromium and drawn as a PNG by pdftoppm.
 *
 * Each part runs only where its programs are installed (scripts/bootstrap
 * installs them: libreoffice-calc-nogui, chromium, poppler-utils) and is
 * skipped, saying so, elsewhere.
 *
 * HW_DOC_SCREENSHOT=docs/screenshots/report-page.png (a path ending in
 * .png) also keeps the printed first page there, at 80 dpi: that is how
 * the screenshot in docs/reports.md is made.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <cmocka.h>

#include "support/tmpdir.h"

#include "core/monthly.h"
#include "report/doc.h"
#include "report/doc_render.h"

/* A quarterly analysis as a council would print it: placement types this
 * year against last, duration bands as a bar chart, months as line charts
 * (one with a target), and a table of dates. */
static void realistic(struct hw_doc *d)
{
    hw_instant produced;
    assert_int_equal(hw_london_to_instant(2026, 11, 23, 10, 0, 0, &produced), 0);
    hw_doc_init(d, "Quarterly analysis: missing children", "Northshire County Council",
                "2016-17 Q2", produced);

    struct hw_doc_section *s = hw_doc_section(
        d, "placement", "Placement type",
        "Children who went missing from July to September 2016, by where they were living, "
        "against the same quarter a year before. Children placed here by other councils are "
        "left out.");
    static const char *const ids[] = {"type",    "ind_this", "ind_last", "ind_change",
                                      "ep_this", "ep_last",  "ep_change"};
    static const char *const titles[] = {
        "Placement type", "Individuals 2016-17 Q2", "Individuals 2015-16 Q2",
        "Change",         "Episodes 2016-17 Q2",    "Episodes 2015-16 Q2",
        "Change"};
    static const struct {
        const char *type;
        int a, b;
        long change;
        int ea, eb;
        long ep_change;
    } rows[] = {
        {"Foster care", 38, 31, 2258, 96, 80, 2000},
        {"Residential children's home", 21, 24, -1250, 88, 95, -737},
        {"Living with parents", 64, 58, 1034, 102, 91, 1209},
        {"Other", 15, 11, 3636, 31, 20, 5500},
        {"Total", 138, 124, 1129, 317, 286, 1084},
    };
    size_t t = hw_doc_table(s, "by_type", "Individuals and episodes by placement type",
                            "Change: against the same quarter last year; \"-\" where last year "
                            "had none.",
                            7, ids, titles);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct hw_cell *r = hw_doc_row(s, t);
        hw_cell_text(&r[0], rows[i].type);
        hw_cell_int(&r[1], rows[i].a);
        hw_cell_int(&r[2], rows[i].b);
        hw_cell_percent(&r[3], rows[i].change);
        hw_cell_int(&r[4], rows[i].ea);
        hw_cell_int(&r[5], rows[i].eb);
        hw_cell_percent(&r[6], rows[i].ep_change);
    }

    static const size_t both[] = {1, 2};
    s = hw_doc_section(d, "duration", "How long children were missing",
                       "Missing episodes by how long the child was away, from when they were "
                       "last seen to when they came back.");
    static const char *const bids[] = {"band", "this_year", "last_year"};
    static const char *const btitles[] = {"Time missing", "2016-17 Q2", "2015-16 Q2"};
    static const struct {
        const char *band;
        int a, b;
    } bands[] = {{"Under 12 hours", 142, 131},
                 {"12 to 24 hours", 88, 79},
                 {"24 to 48 hours", 49, 44},
                 {"48 to 72 hours", 21, 18},
                 {"72 hours or more", 17, 14}};
    t = hw_doc_table(s, "bands", "Episodes by duration band", NULL, 3, bids, btitles);
    for (size_t i = 0; i < sizeof bands / sizeof bands[0]; i++) {
        struct hw_cell *r = hw_doc_row(s, t);
        hw_cell_text(&r[0], bands[i].band);
        hw_cell_int(&r[1], bands[i].a);
        hw_cell_int(&r[2], bands[i].b);
    }
    hw_doc_chart(s, HW_CHART_BAR,
                 "Episodes by duration band, this quarter and the same quarter last year", t, 0,
                 both, 2, -1);

    s = hw_doc_section(d, "monthly", "Month by month", NULL);
    static const char *const mids[] = {"month", "this_year", "last_year", "rhi_in_time"};
    static const char *const mtitles[] = {"Month", "Episodes 2016-17", "Episodes 2015-16",
                                          "Interviews within 72 hours"};
    static const char *const months[] = {"Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                         "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};
    static const int this_year[] = {98, 105, 114, 101, 112, 104};
    static const int last_year[] = {88, 92, 97, 95, 110, 81, 86, 90, 72, 79, 84, 93};
    static const long in_time[] = {8125, 8410, 7933, 8712, 9045, 8836};
    t = hw_doc_table(s, "episodes_by_month", "Missing episodes per month", NULL, 4, mids, mtitles);
    for (size_t i = 0; i < 12; i++) {
        struct hw_cell *r = hw_doc_row(s, t);
        hw_cell_text(&r[0], months[i]);
        if (i < 6) {
            hw_cell_int(&r[1], this_year[i]);
            hw_cell_percent(&r[3], in_time[i]);
        }
        hw_cell_int(&r[2], last_year[i]);
    }
    hw_doc_chart(s, HW_CHART_LINE, "Missing episodes per month, this year and last", t, 0, both, 2,
                 -1);
    static const size_t rhi[] = {3};
    hw_doc_chart(s, HW_CHART_LINE, "Interviews within 72 hours, against the 90% target", t, 0, rhi,
                 1, 9000);

    static const char *const pids[] = {"year", "from", "to"};
    static const char *const ptitles[] = {"Financial year", "From", "To"};
    t = hw_doc_table(s, "years", "The years compared", NULL, 3, pids, ptitles);
    for (int y = 2016; y >= 2015; y--) {
        struct hw_cell *r = hw_doc_row(s, t);
        char name[16];
        snprintf(name, sizeof name, "%d-%02d", y, (y + 1) % 100);
        hw_cell_text(&r[0], name);
        hw_cell_date(&r[1], hw_date_from_ymd(y, 4, 1));
        hw_cell_date(&r[2], hw_date_from_ymd(y + 1, 3, 31));
    }
}

/* ---- helpers ---- */

static bool have(const char *program)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", program);
    return system(cmd) == 0;
}

static void write_file(const char *path, const struct hw_buf *b)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b->data, 1, b->len, f), b->len);
    assert_int_equal(fclose(f), 0);
}

/* The file's bytes (owned), or NULL when it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    struct hw_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        hw_buf_append(&b, chunk, n);
    fclose(f);
    if (len)
        *len = b.len;
    return hw_buf_take(&b);
}

static int run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int run(const char *fmt, ...)
{
    struct hw_buf cmd = {0};
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd.data);
    if (rc != 0)
        print_message("failed (%d): %s\n", rc, cmd.data);
    hw_buf_free(&cmd);
    return rc;
}

static void render_to(const struct hw_doc *d, enum hw_format f, const char *path)
{
    struct hw_buf out = {0};
    struct hw_err err = {0};
    if (hw_doc_render(d, f, &out, &err) < 0)
        fail_msg("render: %s", err.msg);
    write_file(path, &out);
    hw_buf_free(&out);
}

/* Splits one CSV line (no line breaks inside fields) into at most max
 * fields, unquoting; returns how many. The fields are owned. */
static size_t csv_split(const char *line, char **fields, size_t max)
{
    size_t n = 0;
    const char *p = line;
    for (;;) {
        struct hw_buf f = {0};
        hw_buf_puts(&f, "");
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"')
                    hw_buf_putc(&f, *p++);
                else if (*p == '"')
                    break;
                else
                    hw_buf_putc(&f, *p);
            }
            if (*p == '"')
                p++;
        }
        while (*p && *p != ',')
            hw_buf_putc(&f, *p++);
        if (n < max)
            fields[n++] = hw_buf_take(&f);
        hw_buf_free(&f);
        if (*p != ',')
            return n;
        p++;
    }
}

/* A cell as LibreOffice shows it with the workbook's formats. */
static void shown(const struct hw_cell *c, char *buf, size_t size)
{
    int y, m, day;
    switch (c->kind) {
    case HW_CELL_TEXT:
        snprintf(buf, size, "%s", c->text);
        return;
    case HW_CELL_INT:
        snprintf(buf, size, "%lld", c->n);
        return;
    case HW_CELL_PERCENT:
        hw_doc_percent_text(c->n, true, buf, size);
        return;
    case HW_CELL_DATE:
        hw_date_to_ymd((hw_date)c->n, &y, &m, &day);
        snprintf(buf, size, "%02d/%02d/%04d", day, m, y);
        return;
    case HW_CELL_SUPPRESSED:
        snprintf(buf, size, "%s", "c");
        return;
    case HW_CELL_EMPTY:
        break;
    }
    snprintf(buf, size, "%s", "");
}

/* Checks every table of section s against the sheet's CSV: the header row
 * is found by its titles, and each row under it must show the document's
 * values. Returns how many cells were compared. */
static size_t check_sheet(const struct hw_doc_section *s, char *csv)
{
    enum { MAXF = 64 };
    char *lines[4096];
    size_t nlines = 0, compared = 0;
    for (char *save = NULL, *l = strtok_r(csv, "\r\n", &save); l && nlines < 4096;
         l = strtok_r(NULL, "\r\n", &save))
        lines[nlines++] = l;
    for (size_t t = 0; t < s->ntables; t++) {
        const struct hw_doc_table *tb = &s->tables[t];
        assert_true(tb->ncols <= MAXF);
        size_t at = nlines;
        for (size_t i = 0; i < nlines && at == nlines; i++) {
            char *f[MAXF];
            size_t n = csv_split(lines[i], f, MAXF);
            bool match = n >= tb->ncols;
            for (size_t c = 0; c < tb->ncols && match; c++)
                match = strcmp(f[c], tb->col_titles[c]) == 0;
            for (size_t c = 0; c < n; c++)
                free(f[c]);
            if (match)
                at = i;
        }
        if (at == nlines)
            fail_msg("sheet %s: no header row for table %s", s->id, tb->id);
        assert_true(at + tb->nrows < nlines);
        for (size_t r = 0; r < tb->nrows; r++) {
            char *f[MAXF];
            size_t n = csv_split(lines[at + 1 + r], f, MAXF);
            assert_true(n >= tb->ncols);
            for (size_t c = 0; c < tb->ncols; c++) {
                char want[256];
                shown(&tb->cells[r * tb->ncols + c], want, sizeof want);
                if (strcmp(f[c], want) != 0)
                    fail_msg("sheet %s, table %s, row %zu, column %s: LibreOffice shows "
                             "\"%s\", the document has \"%s\"",
                             s->id, tb->id, r + 1, tb->col_ids[c], f[c], want);
                compared++;
            }
            for (size_t c = 0; c < n; c++)
                free(f[c]);
        }
    }
    return compared;
}

/* ---- the round trips ---- */

static void test_xlsx_libreoffice(void **state)
{
    (void)state;
    if (!have("soffice")) {
        print_message("skipped: soffice (LibreOffice) is not installed\n");
        skip();
    }
    char dir[64], path[256];
    assert_int_equal(hw_test_mkdtemp(dir, sizeof dir), 0);
    struct hw_doc d;
    realistic(&d);
    snprintf(path, sizeof path, "%s/report.xlsx", dir);
    render_to(&d, HW_FMT_XLSX, path);

    /* Every sheet as CSV, cells as shown (token 9), UTF-8 (76), sheet -1:
     * all sheets, as report-SHEET.csv. A private profile keeps it from
     * meeting any other LibreOffice. */
    assert_int_equal(run("cd %s && timeout 300 soffice -env:UserInstallation=file://%s/profile "
                         "--headless --convert-to "
                         "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
                         "false,-1' --outdir %s %s >%s/soffice.log 2>&1",
                         dir, dir, dir, path, dir),
                     0);
    char(*names)[HW_DOC_SHEET_NAME_LEN] = hw_calloc(d.nsections, sizeof *names);
    hw_doc_sheet_names(&d, names);
    size_t compared = 0;
    for (size_t i = 0; i < d.nsections; i++) {
        char csvpath[512];
        snprintf(csvpath, sizeof csvpath, "%s/report-%s.csv", dir, names[i]);
        char *csv = read_file(csvpath, NULL);
        if (csv == NULL && i == 0) { /* a LibreOffice without sheet -1 writes the first */
            snprintf(csvpath, sizeof csvpath, "%s/report.csv", dir);
            csv = read_file(csvpath, NULL);
        }
        if (csv == NULL) {
            if (i == 0)
                fail_msg("LibreOffice wrote no CSV (see %s/soffice.log)", dir);
            print_message("note: only the first sheet was converted\n");
            break;
        }
        compared += check_sheet(&d.sections[i], csv);
        free(csv);
    }
    print_message("LibreOffice: %zu cells match the document\n", compared);
    assert_true(compared >= 35); /* at least the first sheet's table */

    /* The tabs are named from the sections' ids. */
    if (have("unzip")) {
        assert_int_equal(run("unzip -p %s xl/workbook.xml >%s/workbook.xml", path, dir), 0);
        snprintf(path, sizeof path, "%s/workbook.xml", dir);
        char *xml = read_file(path, NULL);
        assert_non_null(xml);
        assert_non_null(strstr(xml, "<sheet name=\"placement\""));
        assert_non_null(strstr(xml, "<sheet name=\"duration\""));
        assert_non_null(strstr(xml, "<sheet name=\"monthly\""));
        free(xml);
    }
    free(names);
    hw_doc_free(&d);
    run("rm -rf %s", dir);
}

static void test_html_chromium(void **state)
{
    (void)state;
    if (access("/usr/bin/chromium", X_OK) != 0 || !have("pdftoppm")) {
        print_message("skipped: needs /usr/bin/chromium and pdftoppm (poppler-utils)\n");
        skip();
    }
    char dir[64], html[256], pdf[256], png[256];
    assert_int_equal(hw_test_mkdtemp(dir, sizeof dir), 0);
    struct hw_doc d;
    realistic(&d);
    snprintf(html, sizeof html, "%s/report.html", dir);
    snprintf(pdf, sizeof pdf, "%s/report.pdf", dir);
    render_to(&d, HW_FMT_HTML, html);
    assert_int_equal(run("timeout 300 /usr/bin/chromium --headless --no-sandbox --disable-gpu "
                         "--disable-background-networking --disable-component-update "
                         "--disable-sync --no-pdf-header-footer --user-data-dir=%s/chromium "
                         "--print-to-pdf=%s file://%s >%s/chromium.log 2>&1",
                         dir, pdf, html, dir),
                     0);
    size_t len = 0;
    char *bytes = read_file(pdf, &len);
    assert_non_null(bytes);
    assert_true(len > 1000 && memcmp(bytes, "%PDF-", 5) == 0);
    free(bytes);

    assert_int_equal(run("pdftoppm -png -r 60 -f 1 -l 1 -singlefile %s %s/page", pdf, dir), 0);
    snprintf(png, sizeof png, "%s/page.png", dir);
    bytes = read_file(png, &len);
    assert_non_null(bytes);
    assert_true(len > 1000 && memcmp(bytes, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(bytes);

    /* The printed page says what the document says. */
    if (have("pdftotext")) {
        assert_int_equal(run("pdftotext -layout -f 1 -l 1 %s %s/page.txt", pdf, dir), 0);
        snprintf(png, sizeof png, "%s/page.txt", dir);
        char *text = read_file(png, NULL);
        assert_non_null(text);
        const char *want[] = {"Quarterly analysis: missing children",
                              "23 November 2026",
                              "Northshire County Council",
                              "22.58%",
                              "-12.50%",
                              "Page 1 of"};
        for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
            if (strstr(text, want[i]) == NULL)
                fail_msg("the printed first page does not say \"%s\"", want[i]);
        free(text);
    }

    const char *keep = getenv("HW_DOC_SCREENSHOT");
    size_t klen = keep ? strlen(keep) : 0;
    if (klen > 4 && strcmp(keep + klen - 4, ".png") == 0) {
        assert_int_equal(
            run("pdftoppm -png -r 80 -f 1 -l 1 -singlefile %s '%.*s'", pdf, (int)(klen - 4), keep),
            0);
        print_message("kept the first page as %s\n", keep);
    }
    print_message("Chromium printed the page; pdftoppm drew it\n");
    hw_doc_free(&d);
    run("rm -rf %s", dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xlsx_libreoffice),
        cmocka_unit_test(test_html_chromium),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
