/* test_doc.c - report documents (report/doc.c) and their renderers
 * (report/doc_render_*.c): text and CSV exactly, JSON read back, HTML's
 * parts, the workbook's members; sheet names; builders and their limits.
 *
 * The xlsx tests point TMPDIR at their own directory and check nothing is
 * left in it; ASan's leak checker sees any leak, on error paths too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>

#include <cmocka.h>
#include <jansson.h>

#include "support/tmpdir.h"

#include "core/monthly.h"
#include "report/doc.h"
#include "report/doc_render.h"

/* Two sections; tables with every kind of cell; a bar chart and a line
 * chart with a target. The second section's id is 40 characters. */
static void build(struct hw_doc *d)
{
    hw_instant produced;
    assert_int_equal(hw_london_to_instant(2026, 11, 23, 10, 0, 0, &produced), 0);
    hw_doc_init(d, "Quarterly analysis: missing children", "Northshire County Council",
                "2016-17 Q2", produced);

    struct hw_doc_section *s =
        hw_doc_section(d, "placement", "Placement type",
                       "Episodes by where the child was living when they went missing.\n"
                       "Children placed here by other councils are left out.");
    static const char *const ids[] = {"type", "this_year", "last_year", "change", "first_seen"};
    static const char *const titles[] = {"Placement type", "2016-17 Q2", "2015-16 Q2", "Change",
                                         "First seen"};
    size_t t = hw_doc_table(s, "by_type", "Individuals by placement type",
                            "Change is against the same quarter last year.", 5, ids, titles);
    assert_int_equal(t, 0);
    struct hw_cell *r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "Foster care");
    hw_cell_int(&r[1], 120);
    hw_cell_int(&r[2], 98);
    hw_cell_percent(&r[3], 2245);
    hw_cell_date(&r[4], hw_date_from_ymd(2017, 4, 5));
    r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "Residential, \"children's home\"");
    hw_cell_int(&r[1], 45);
    hw_cell_int(&r[2], 50);
    hw_cell_percent(&r[3], -1000);
    r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "Home & <family>");
    hw_cell_int(&r[1], 7);
    hw_cell_int(&r[2], 0);
    hw_cell_percent(&r[3], HW_NO_RATE);
    hw_cell_date(&r[4], hw_date_from_ymd(2017, 1, 1));
    static const size_t bars[] = {1, 2};
    hw_doc_chart(s, HW_CHART_BAR, "Individuals by placement type", t, 0, bars, 2, -1);

    s = hw_doc_section(d, "a_very_long_section_identifier_of_40_chr", "Monthly", NULL);
    static const char *const ids2[] = {"month", "episodes", "rate"};
    static const char *const titles2[] = {"Month", "Episodes", "RHI done %"};
    t = hw_doc_table(s, "by_month", "Episodes per month", NULL, 3, ids2, titles2);
    r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "Apr 2017");
    hw_cell_int(&r[1], 12);
    hw_cell_percent(&r[2], 3291);
    r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "May 2017");
    hw_cell_int(&r[1], 15);
    hw_cell_percent(&r[2], 1208);
    r = hw_doc_row(s, t);
    hw_cell_text(&r[0], "Jun 2017");
    static const size_t line[] = {2};
    hw_doc_chart(s, HW_CHART_LINE, "RHI done % by month", t, 0, line, 1, 9000);
}

static char *render(const struct hw_doc *d, enum hw_format f)
{
    struct hw_buf out = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(d, f, &out, &err), 0);
    return hw_buf_take(&out);
}

static void test_text(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d);
    char *text = render(&d, HW_FMT_TEXT);
    assert_string_equal(
        text, "Quarterly analysis: missing children\n"
              "====================================\n"
              "Council:  Northshire County Council\n"
              "Period:   2016-17 Q2\n"
              "Produced: 23 November 2026\n"
              "\n"
              "Placement type\n"
              "--------------\n"
              "\n"
              "Episodes by where the child was living when they went missing.\n"
              "Children placed here by other councils are left out.\n"
              "\n"
              "Individuals by placement type\n"
              "Placement type                  2016-17 Q2  2015-16 Q2   Change  First seen\n"
              "---------------------------------------------------------------------------\n"
              "Foster care                            120          98   22.45%  5 Apr 2017\n"
              "Residential, \"children's home\"          45          50  -10.00%           -\n"
              "Home & <family>                          7           0        -  1 Jan 2017\n"
              "Note: Change is against the same quarter last year.\n"
              "\n"
              "Monthly\n"
              "-------\n"
              "\n"
              "Episodes per month\n"
              "Month     Episodes  RHI done %\n"
              "------------------------------\n"
              "Apr 2017        12      32.91%\n"
              "May 2017        15      12.08%\n"
              "Jun 2017         -           -\n");
    free(text);
    hw_doc_free(&d);
}

static void test_csv(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d);
    char *csv = render(&d, HW_FMT_CSV);
    assert_string_equal(csv, "# Placement type: Individuals by placement type\r\n"
                             "Placement type,2016-17 Q2,2015-16 Q2,Change,First seen\r\n"
                             "Foster care,120,98,22.45,2017-04-05\r\n"
                             "\"Residential, \"\"children's home\"\"\",45,50,-10.00,\r\n"
                             "Home & <family>,7,0,,2017-01-01\r\n"
                             "\r\n"
                             "# Monthly: Episodes per month\r\n"
                             "Month,Episodes,RHI done %\r\n"
                             "Apr 2017,12,32.91\r\n"
                             "May 2017,15,12.08\r\n"
                             "Jun 2017,,\r\n"
                             "\r\n");
    free(csv);

    /* A title with a comma is one quoted field; a lone empty cell is "". */
    struct hw_doc e;
    hw_doc_init(&e, "T", "", "", HW_NO_TIME);
    struct hw_doc_section *s = hw_doc_section(&e, "s", "Reasons, given", NULL);
    static const char *const one[] = {"reason"};
    size_t t = hw_doc_table(s, "t", "By reason", NULL, 1, one, NULL);
    hw_doc_row(s, t);
    csv = render(&e, HW_FMT_CSV);
    assert_string_equal(csv, "\"# Reasons, given: By reason\"\r\nreason\r\n\"\"\r\n\r\n");
    free(csv);
    hw_doc_free(&e);
    hw_doc_free(&d);
}

static void test_json(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d);
    char *text = render(&d, HW_FMT_JSON);
    /* Percentages print with their two decimals, not as binary fractions. */
    assert_non_null(strstr(text, "22.45"));
    assert_non_null(strstr(text, "32.91"));
    assert_null(strstr(text, "32.909"));
    assert_null(strstr(text, "22.449"));

    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (root == NULL)
        fail_msg("bad JSON at line %d: %s", jerr.line, jerr.text);
    assert_string_equal(json_string_value(json_object_get(root, "title")),
                        "Quarterly analysis: missing children");
    assert_string_equal(json_string_value(json_object_get(root, "council")),
                        "Northshire County Council");
    assert_string_equal(json_string_value(json_object_get(root, "period")), "2016-17 Q2");
    assert_string_equal(json_string_value(json_object_get(root, "produced")),
                        "2026-11-23T10:00:00+00:00");
    /* The keys come in the documented order. */
    const char *order[] = {"title", "council", "period", "produced", "sections"};
    int i = 0;
    const char *key;
    json_t *value;
    json_object_foreach(root, key, value)
    {
        assert_true(i < 5);
        assert_string_equal(key, order[i++]);
    }
    json_t *sections = json_object_get(root, "sections");
    assert_int_equal(json_array_size(sections), 2);
    json_t *s0 = json_array_get(sections, 0);
    assert_string_equal(json_string_value(json_object_get(s0, "id")), "placement");
    assert_string_equal(json_string_value(json_object_get(s0, "intro")),
                        "Episodes by where the child was living when they went missing.\n"
                        "Children placed here by other councils are left out.");
    json_t *t0 = json_array_get(json_object_get(s0, "tables"), 0);
    assert_string_equal(json_string_value(json_object_get(t0, "id")), "by_type");
    assert_string_equal(json_string_value(json_object_get(t0, "note")),
                        "Change is against the same quarter last year.");
    json_t *cols = json_object_get(t0, "columns");
    assert_int_equal(json_array_size(cols), 5);
    const char *kinds[] = {"text", "integer", "integer", "percent", "date"};
    for (size_t c = 0; c < 5; c++)
        assert_string_equal(json_string_value(json_object_get(json_array_get(cols, c), "kind")),
                            kinds[c]);
    assert_string_equal(json_string_value(json_object_get(json_array_get(cols, 1), "title")),
                        "2016-17 Q2");

    json_t *rows = json_object_get(t0, "rows");
    assert_int_equal(json_array_size(rows), 3);
    json_t *r0 = json_array_get(rows, 0), *r1 = json_array_get(rows, 1),
           *r2 = json_array_get(rows, 2);
    assert_string_equal(json_string_value(json_object_get(r0, "type")), "Foster care");
    assert_true(json_is_integer(json_object_get(r0, "this_year")));
    assert_int_equal(json_integer_value(json_object_get(r0, "this_year")), 120);
    assert_true(json_is_real(json_object_get(r0, "change")));
    assert_true(json_real_value(json_object_get(r0, "change")) == 22.45);
    assert_string_equal(json_string_value(json_object_get(r0, "first_seen")), "2017-04-05");
    assert_string_equal(json_string_value(json_object_get(r1, "type")),
                        "Residential, \"children's home\"");
    assert_true(json_real_value(json_object_get(r1, "change")) == -10.0);
    assert_true(json_is_null(json_object_get(r1, "first_seen")));
    assert_true(json_is_null(json_object_get(r2, "change")));
    assert_int_equal(json_integer_value(json_object_get(r2, "last_year")), 0);
    assert_int_equal(json_object_size(r2), 5);

    json_t *s1 = json_array_get(sections, 1);
    assert_string_equal(json_string_value(json_object_get(s1, "id")),
                        "a_very_long_section_identifier_of_40_chr");
    assert_true(json_is_null(json_object_get(s1, "intro")));
    json_t *t1 = json_array_get(json_object_get(s1, "tables"), 0);
    assert_true(json_is_null(json_object_get(t1, "note")));
    json_t *m0 = json_array_get(json_object_get(t1, "rows"), 0);
    assert_true(json_real_value(json_object_get(m0, "rate")) == 32.91);
    json_t *m2 = json_array_get(json_object_get(t1, "rows"), 2);
    assert_true(json_is_null(json_object_get(m2, "episodes")));
    assert_true(json_is_null(json_object_get(m2, "rate")));

    /* A section's keys in order, its charts last; a chart names its table
     * and columns by id, and its target is in the series' unit. */
    const char *sorder[] = {"id", "title", "intro", "tables", "charts"};
    i = 0;
    json_object_foreach(s0, key, value)
    {
        assert_true(i < 5);
        assert_string_equal(key, sorder[i++]);
    }
    assert_int_equal(i, 5);
    json_t *charts = json_object_get(s0, "charts");
    assert_int_equal(json_array_size(charts), 1);
    json_t *c0 = json_array_get(charts, 0);
    const char *corder[] = {"kind", "title", "table", "label", "series", "target", "rows"};
    i = 0;
    json_object_foreach(c0, key, value)
    {
        assert_true(i < 7);
        assert_string_equal(key, corder[i++]);
    }
    assert_int_equal(i, 7);
    assert_string_equal(json_string_value(json_object_get(c0, "kind")), "bar");
    assert_string_equal(json_string_value(json_object_get(c0, "title")),
                        "Individuals by placement type");
    assert_string_equal(json_string_value(json_object_get(c0, "table")), "by_type");
    assert_string_equal(json_string_value(json_object_get(c0, "label")), "type");
    json_t *series = json_object_get(c0, "series");
    assert_int_equal(json_array_size(series), 2);
    assert_string_equal(json_string_value(json_array_get(series, 0)), "this_year");
    assert_string_equal(json_string_value(json_array_get(series, 1)), "last_year");
    assert_true(json_is_null(json_object_get(c0, "target")));
    charts = json_object_get(s1, "charts");
    assert_int_equal(json_array_size(charts), 1);
    json_t *c1 = json_array_get(charts, 0);
    assert_string_equal(json_string_value(json_object_get(c1, "kind")), "line");
    assert_string_equal(json_string_value(json_object_get(c1, "title")), "RHI done % by month");
    assert_string_equal(json_string_value(json_object_get(c1, "table")), "by_month");
    assert_string_equal(json_string_value(json_object_get(c1, "label")), "month");
    assert_int_equal(json_array_size(json_object_get(c1, "series")), 1);
    assert_string_equal(json_string_value(json_array_get(json_object_get(c1, "series"), 0)),
                        "rate");
    /* 9000 hundredths is 90.0, like the cells' 32.91. */
    assert_true(json_is_real(json_object_get(c1, "target")));
    assert_true(json_real_value(json_object_get(c1, "target")) == 90.0);
    assert_non_null(strstr(text, "\"target\": 90.0,\n"));
    /* Every row is plotted unless the builder says otherwise. */
    assert_int_equal(json_integer_value(json_object_get(c0, "rows")), 3);
    json_decref(root);
    free(text);
    hw_doc_free(&d);
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static void assert_has(const char *s, const char *what)
{
    if (strstr(s, what) == NULL)
        fail_msg("expected \"%s\" in the output", what);
}

static void test_html(void **state)
{
    (void)state;
    struct hw_doc d;
    build(&d);
    char *html = render(&d, HW_FMT_HTML);
    assert_true(strncmp(html, "<!DOCTYPE html>\n<html lang=\"en-GB\">", 35) == 0);
    assert_has(html, "<title>Quarterly analysis: missing children - Northshire County Council, "
                     "2016-17 Q2</title>");
    assert_has(html, "<h1>Quarterly analysis: missing children</h1>");
    assert_has(html, "<dt>Council</dt><dd>Northshire County Council</dd>");
    assert_has(html, "<dt>Period</dt><dd>2016-17 Q2</dd>");
    assert_has(html, "<dt>Produced</dt><dd>23 November 2026</dd>");
    assert_has(html, ">Placement type</h2>");
    assert_has(html, "<p class=\"intro\">Children placed here by other councils are left out.</p>");
    /* Tables: caption, scoped headers, numbers on the right, escaped text. */
    assert_has(html, "<caption>Individuals by placement type</caption>");
    assert_has(html, "<th scope=\"col\">Placement type</th>"
                     "<th scope=\"col\" class=\"num\">2016-17 Q2</th>");
    assert_has(html, "<th scope=\"row\">Home &amp; &lt;family&gt;</th><td class=\"num\">7</td>");
    assert_has(html, "Residential, &quot;children&#39;s home&quot;");
    assert_has(html, "<td class=\"num\">22.45%</td><td class=\"num\">5 Apr 2017</td>");
    assert_has(html, "<td class=\"num\">-10.00%</td><td class=\"num\">-</td>");
    assert_has(html, "<p class=\"note\">Note: Change is against the same quarter last year.</p>");
    /* Charts: inline SVG with a title, a description, a legend; the target dashed. */
    assert_int_equal(count(html, "<svg "), 2);
    assert_has(html, "role=\"img\" aria-labelledby=\"s1-c1-title s1-c1-desc\"");
    assert_has(html, "<title id=\"s1-c1-title\">Individuals by placement type</title>");
    assert_has(html, "<desc id=\"s1-c1-desc\">Bar chart. 2016-17 Q2: Foster care 120, "
                     "Residential, &quot;children&#39;s home&quot; 45, Home &amp; &lt;family&gt; "
                     "7. 2015-16 Q2: Foster care 98,");
    assert_has(html, "<title>Foster care, 2016-17 Q2: 120</title></rect>");
    assert_has(html, "<desc id=\"s2-c1-desc\">Line chart. RHI done %: Apr 2017 32.91%, May 2017 "
                     "12.08%, Jun 2017 no value. Target: 90.00%.</desc>");
    assert_has(html, "<polyline points=\"");
    assert_has(html, "class=\"target\"");
    assert_has(html, "stroke-dasharray=\"5 4\"");
    assert_has(html, ">Target 90.00%</text>");
    assert_has(html, "<text x=\"48.0\" y=\"16.0\">2016-17 Q2</text>"); /* the legend */
    assert_int_equal(count(html, "The numbers are in the table above"), 2);
    /* Print styles; nothing that runs or is fetched. */
    assert_has(html, "@page{size:A4;margin:15mm");
    assert_has(html, "break-inside:avoid");
    assert_has(html, "Content-Security-Policy");
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "<link"));
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "url("));
    assert_int_equal(count(html, "http://"), 2); /* the SVGs' namespace only */
    assert_null(strstr(html, "https://"));
    assert_true(strstr(html, "</html>\n") == html + strlen(html) - 8);
    free(html);
    hw_doc_free(&d);
}

struct tmp {
    char dir[64];
};

static int tmp_setup(void **state)
{
    struct tmp *t = calloc(1, sizeof *t);
    assert_int_equal(hw_test_mkdtemp(t->dir, sizeof t->dir), 0);
    assert_int_equal(setenv("TMPDIR", t->dir, 1), 0);
    *state = t;
    return 0;
}

static int tmp_teardown(void **state)
{
    struct tmp *t = *state;
    hw_test_rmdir(t->dir);
    unsetenv("TMPDIR");
    free(t);
    return 0;
}

static void assert_dir_empty(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int files = 0;
    assert_non_null(d);
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
            print_message("left behind: %s\n", de->d_name);
            files++;
        }
    closedir(d);
    assert_int_equal(files, 0);
}

/* Whether the n bytes at p contain the bytes of s (a zip's central
 * directory names its members uncompressed). */
static bool contains(const char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0)
            return true;
    return false;
}

static void test_xlsx(void **state)
{
    struct tmp *tmp = *state;
    struct hw_doc d;
    build(&d);
    struct hw_buf out = {0};
    struct hw_err err = {0};
    hw_buf_puts(&out, "before");
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &out, &err), 0);
    assert_memory_equal(out.data, "beforePK\x03\x04", 10);
    assert_true(contains(out.data, out.len, "xl/worksheets/sheet1.xml"));
    assert_true(contains(out.data, out.len, "xl/worksheets/sheet2.xml"));
    assert_false(contains(out.data, out.len, "xl/worksheets/sheet3.xml"));
    assert_true(contains(out.data, out.len, "xl/charts/chart1.xml"));
    assert_true(contains(out.data, out.len, "xl/charts/chart2.xml"));
    assert_dir_empty(tmp->dir);

    /* The same document makes the same bytes (the creation time is the
     * report's, not the clock's). */
    struct hw_buf again = {0};
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &again, &err), 0);
    assert_int_equal(again.len + 6, out.len);
    assert_memory_equal(again.data, out.data + 6, again.len);
    hw_buf_free(&again);
    hw_buf_free(&out);
    hw_doc_free(&d);
}

static void test_xlsx_no_tmpdir(void **state)
{
    struct tmp *tmp = *state;
    struct hw_doc d;
    build(&d);
    char missing[96];
    snprintf(missing, sizeof missing, "%s/nowhere", tmp->dir);
    assert_int_equal(setenv("TMPDIR", missing, 1), 0);
    struct hw_buf out = {0};
    struct hw_err err = {0};
    hw_buf_puts(&out, "keep");
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &out, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    if (strstr(err.msg, missing) == NULL || strstr(err.msg, "cannot create a file") == NULL)
        fail_msg("unexpected message: %s", err.msg);
    assert_int_equal(out.len, 4);
    assert_string_equal(out.data, "keep");
    assert_int_equal(setenv("TMPDIR", tmp->dir, 1), 0);
    assert_dir_empty(tmp->dir);
    hw_buf_free(&out);
    hw_doc_free(&d);
}

/* The sheet names of a document whose sections have these ids. */
static void names_of(const char *const *ids, size_t n, char (*names)[HW_DOC_SHEET_NAME_LEN])
{
    struct hw_doc d;
    hw_doc_init(&d, "T", NULL, NULL, HW_NO_TIME);
    for (size_t i = 0; i < n; i++)
        hw_doc_section(&d, ids[i], i == 4 ? "Title instead" : "", NULL);
    hw_doc_sheet_names(&d, names);
    hw_doc_free(&d);
}

static void test_sheet_names(void **state)
{
    (void)state;
    static const char *const ids[] = {
        "a_very_long_section_identifier_of_40_chr", /* cut to 31 */
        "a_very_long_section_identifier_of_40_chr", /* taken: numbered, still 31 */
        "2016/17 [Q2]: *why?* \\o/",                /* Excel's forbidden characters */
        "'quoted'",                                 /* no apostrophe at either end */
        "",                                         /* the title instead */
        "",                                         /* nothing: numbered */
        "history",                                  /* Excel's own */
        "PLACEMENT",
        "placement",                               /* taken, whatever the case */
        "Écoles – 𝄞 élèves et enfants placés ici", /* cut by characters, not bytes */
    };
    char names[10][HW_DOC_SHEET_NAME_LEN];
    names_of(ids, 10, names);
    assert_string_equal(names[0], "a_very_long_section_identifier_");
    assert_int_equal(strlen(names[0]), 31);
    assert_string_equal(names[1], "a_very_long_section_identif (2)");
    assert_int_equal(strlen(names[1]), 31);
    assert_string_equal(names[2], "2016_17 _Q2__ _why__ _o_");
    assert_string_equal(names[3], "quoted");
    assert_string_equal(names[4], "Title instead");
    assert_string_equal(names[5], "Sheet 6");
    assert_string_equal(names[6], "History_");
    assert_string_equal(names[7], "PLACEMENT");
    assert_string_equal(names[8], "placement (2)");
    /* 31 UTF-16 units: the musical symbol counts two. */
    assert_string_equal(names[9], "Écoles – 𝄞 élèves et enfants p");

    /* No sections: one sheet. */
    struct hw_doc d;
    hw_doc_init(&d, "T", NULL, NULL, HW_NO_TIME);
    char one[1][HW_DOC_SHEET_NAME_LEN];
    hw_doc_sheet_names(&d, one);
    assert_string_equal(one[0], "Report");
    hw_doc_free(&d);
}

static void test_builders(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, NULL, NULL, NULL, HW_NO_TIME);
    assert_string_equal(d.title, "");
    /* Many sections, tables, rows and charts: the arrays grow. */
    for (int i = 0; i < 100; i++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", i);
        struct hw_doc_section *s = hw_doc_section(&d, id, id, NULL);
        for (int k = 0; k < 9; k++) {
            static const char *const ids[] = {"label", "n"};
            size_t t = hw_doc_table(s, NULL, NULL, NULL, 2, ids, NULL);
            assert_int_equal(t, (size_t)k);
            for (int r = 0; r < (i == 0 ? 1000 : 3); r++) {
                struct hw_cell *c = hw_doc_row(s, t);
                hw_cell_text(&c[0], "row");
                hw_cell_int(&c[1], r);
            }
            static const size_t series[] = {1};
            hw_doc_chart(s, HW_CHART_LINE, "c", t, 0, series, 1, -1);
        }
    }
    assert_int_equal(d.nsections, 100);
    const struct hw_doc_section *s0 = &d.sections[0];
    assert_int_equal(s0->ntables, 9);
    assert_int_equal(s0->ncharts, 9);
    assert_int_equal(s0->tables[0].nrows, 1000);
    assert_int_equal(s0->tables[0].cells[999 * 2 + 1].n, 999);
    assert_string_equal(s0->tables[3].id, "table4");       /* ids made up when none */
    assert_string_equal(s0->tables[3].col_titles[1], "n"); /* titles from the ids */
    assert_string_equal(d.sections[99].id, "s99");

    /* Setters replace what was there; the special values are empty. */
    struct hw_doc_section *s = &d.sections[1];
    struct hw_cell *c = hw_doc_row(s, 0);
    hw_cell_text(&c[0], "first");
    hw_cell_text(&c[0], "second");
    assert_string_equal(c[0].text, "second");
    hw_cell_text(&c[0], c[0].text); /* its own text */
    assert_string_equal(c[0].text, "second");
    hw_cell_int(&c[0], 5);
    assert_int_equal(c[0].kind, HW_CELL_INT);
    assert_null(c[0].text);
    hw_cell_text(&c[0], "again");
    hw_cell_text(&c[0], NULL);
    assert_int_equal(c[0].kind, HW_CELL_EMPTY);
    assert_null(c[0].text);
    hw_cell_percent(&c[1], HW_NO_RATE);
    assert_int_equal(c[1].kind, HW_CELL_EMPTY);
    hw_cell_percent(&c[1], 0);
    assert_int_equal(c[1].kind, HW_CELL_PERCENT);
    hw_cell_date(&c[1], HW_NO_DATE);
    assert_int_equal(c[1].kind, HW_CELL_EMPTY);

    /* Text is kept as valid UTF-8: a stray byte becomes U+FFFD. */
    hw_cell_text(&c[0], "caf\xE9 \xC3\xA9t\xC3");
    assert_string_equal(c[0].text, "caf\xEF\xBF\xBD \xC3\xA9t\xEF\xBF\xBD");
    hw_doc_free(&d);
    assert_null(d.sections);
}

/* A chart naming a table or column that is not there is not drawn; the
 * rest of the document is. */
static void test_bad_chart(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "C", "P", HW_NO_TIME);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    static const char *const ids[] = {"label", "n"};
    size_t t = hw_doc_table(s, "t", "Table", NULL, 2, ids, NULL);
    struct hw_cell *c = hw_doc_row(s, t);
    hw_cell_text(&c[0], "a");
    hw_cell_int(&c[1], 1);
    static const size_t past[] = {2}, ok[] = {1};
    hw_doc_chart(s, HW_CHART_BAR, "past the columns", t, 0, past, 1, -1);
    hw_doc_chart(s, HW_CHART_BAR, "no such table", 3, 0, ok, 1, -1);
    hw_doc_chart(s, HW_CHART_BAR, "no series", t, 0, NULL, 0, -1);
    hw_doc_chart(s, HW_CHART_LINE, "bad label", t, 7, ok, 1, -1);
    char *html = render(&d, HW_FMT_HTML);
    assert_null(strstr(html, "<svg"));
    assert_has(html, "<caption>Table</caption>");
    free(html);
    /* JSON lists only the charts that are drawn: none here. */
    char *text = render(&d, HW_FMT_JSON);
    json_t *root = json_loads(text, 0, NULL);
    assert_non_null(root);
    json_t *js = json_array_get(json_object_get(root, "sections"), 0);
    assert_true(json_is_array(json_object_get(js, "charts")));
    assert_int_equal(json_array_size(json_object_get(js, "charts")), 0);
    assert_int_equal(json_array_size(json_object_get(js, "tables")), 1);
    json_decref(root);
    free(text);

    char dir[64];
    assert_int_equal(hw_test_mkdtemp(dir, sizeof dir), 0);
    assert_int_equal(setenv("TMPDIR", dir, 1), 0);
    struct hw_buf out = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &out, &err), 0);
    assert_false(contains(out.data, out.len, "xl/charts/chart1.xml"));
    assert_dir_empty(dir);
    hw_test_rmdir(dir);
    unsetenv("TMPDIR");
    hw_buf_free(&out);
    hw_doc_free(&d);
}

/* A chart of counts has its target as a count; a section without charts
 * has an empty list. */
static void test_json_chart_counts(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "C", "P", HW_NO_TIME);
    struct hw_doc_section *s = hw_doc_section(&d, "s", "S", NULL);
    static const char *const ids[] = {"quarter", "episodes", "rate"};
    size_t t = hw_doc_table(s, "by_quarter", "Per quarter", NULL, 3, ids, NULL);
    for (int q = 1; q <= 2; q++) {
        struct hw_cell *c = hw_doc_row(s, t);
        hw_cell_text(&c[0], q == 1 ? "Q1" : "Q2");
        hw_cell_int(&c[1], 10 * q);
        hw_cell_percent(&c[2], 5000);
    }
    static const size_t counts[] = {1}, both[] = {1, 2};
    hw_doc_chart(s, HW_CHART_BAR, "Episodes", t, 0, counts, 1, 25);
    hw_doc_chart(s, HW_CHART_LINE, "Mixed", t, 0, both, 2, 1500);
    hw_doc_section(&d, "none", "No charts", NULL);
    char *text = render(&d, HW_FMT_JSON);
    json_t *root = json_loads(text, 0, NULL);
    assert_non_null(root);
    json_t *charts =
        json_object_get(json_array_get(json_object_get(root, "sections"), 0), "charts");
    assert_int_equal(json_array_size(charts), 2);
    json_t *target = json_object_get(json_array_get(charts, 0), "target");
    assert_true(json_is_integer(target));
    assert_int_equal(json_integer_value(target), 25);
    /* Counts and percentages together: the axis is in counts. */
    target = json_object_get(json_array_get(charts, 1), "target");
    assert_true(json_is_integer(target));
    assert_int_equal(json_integer_value(target), 1500);
    json_t *none = json_array_get(json_object_get(root, "sections"), 1);
    assert_true(json_is_array(json_object_get(none, "charts")));
    assert_int_equal(json_array_size(json_object_get(none, "charts")), 0);
    json_decref(root);
    free(text);
    hw_doc_free(&d);
}

/* No sections, and a section with an empty table: every format renders. */
static void test_empty(void **state)
{
    struct tmp *tmp = *state;
    struct hw_doc d;
    hw_doc_init(&d, "Nothing to show", "", "", HW_NO_TIME);
    char *text = render(&d, HW_FMT_TEXT);
    assert_string_equal(text, "Nothing to show\n===============\n");
    free(text);
    text = render(&d, HW_FMT_CSV);
    assert_string_equal(text, "");
    free(text);
    text = render(&d, HW_FMT_JSON);
    json_t *root = json_loads(text, 0, NULL);
    assert_non_null(root);
    assert_true(json_is_null(json_object_get(root, "produced")));
    assert_int_equal(json_array_size(json_object_get(root, "sections")), 0);
    json_decref(root);
    free(text);
    text = render(&d, HW_FMT_HTML);
    assert_has(text, "<h1>Nothing to show</h1>");
    assert_null(strstr(text, "<dt>"));
    free(text);
    struct hw_buf out = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &out, &err), 0);
    assert_true(contains(out.data, out.len, "xl/worksheets/sheet1.xml"));
    hw_buf_free(&out);

    struct hw_doc_section *s = hw_doc_section(&d, "s", "Section", NULL);
    static const char *const ids[] = {"a", "b"};
    hw_doc_table(s, "t", "Empty", NULL, 2, ids, NULL);
    text = render(&d, HW_FMT_TEXT);
    assert_string_equal(text, "Nothing to show\n===============\n\nSection\n-------\n\n"
                              "Empty\na  b\n----\n(no rows)\n");
    free(text);
    text = render(&d, HW_FMT_CSV);
    assert_string_equal(text, "# Section: Empty\r\na,b\r\n\r\n");
    free(text);
    text = render(&d, HW_FMT_HTML);
    assert_has(text, "<td colspan=\"2\">No rows.</td>");
    free(text);
    assert_int_equal(hw_doc_render(&d, HW_FMT_XLSX, &out, &err), 0);
    hw_buf_free(&out);
    assert_dir_empty(tmp->dir);
    hw_doc_free(&d);
}

/* Paragraphs wrap at 78 characters; a line break in a title is a space. */
static void test_text_wrap(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "", "", HW_NO_TIME);
    hw_doc_section(&d, "s", "Two\nlines",
                   "Missing episodes by how long the child was away, from when they were last "
                   "seen to when they came back, counted in the quarter they were last seen in.");
    char *text = render(&d, HW_FMT_TEXT);
    assert_string_equal(
        text, "T\n=\n\nTwo lines\n---------\n\n"
              "Missing episodes by how long the child was away, from when they were last seen\n"
              "to when they came back, counted in the quarter they were last seen in.\n");
    free(text);
    hw_doc_free(&d);
}

static void test_unknown_format(void **state)
{
    (void)state;
    struct hw_doc d;
    hw_doc_init(&d, "T", "", "", HW_NO_TIME);
    struct hw_buf out = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_doc_render(&d, (enum hw_format)42, &out, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_int_equal(out.len, 0);
    hw_doc_free(&d);
}

static void test_formatting(void **state)
{
    (void)state;
    char buf[HW_DOC_CELL_LEN];
    hw_doc_percent_text(3291, true, buf, sizeof buf);
    assert_string_equal(buf, "32.91%");
    hw_doc_percent_text(-5, true, buf, sizeof buf);
    assert_string_equal(buf, "-0.05%");
    hw_doc_percent_text(-150, false, buf, sizeof buf);
    assert_string_equal(buf, "-1.50");
    hw_doc_percent_text(10000, false, buf, sizeof buf);
    assert_string_equal(buf, "100.00");
    hw_doc_date_text(hw_date_from_ymd(2017, 4, 5), buf, sizeof buf);
    assert_string_equal(buf, "5 Apr 2017");
    hw_instant t;
    /* 23:30 UTC on 30 June is 00:30 on 1 July in London (BST). */
    assert_int_equal(hw_london_to_instant(2026, 7, 1, 0, 30, 0, &t), 0);
    hw_doc_produced_text(t, buf, sizeof buf);
    assert_string_equal(buf, "1 July 2026");
    hw_doc_produced_text(HW_NO_TIME, buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_html),
        cmocka_unit_test_setup_teardown(test_xlsx, tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_xlsx_no_tmpdir, tmp_setup, tmp_teardown),
        cmocka_unit_test(test_sheet_names),
        cmocka_unit_test(test_builders),
        cmocka_unit_test(test_bad_chart),
        cmocka_unit_test(test_json_chart_counts),
        cmocka_unit_test_setup_teardown(test_empty, tmp_setup, tmp_teardown),
        cmocka_unit_test(test_text_wrap),
        cmocka_unit_test(test_unknown_format),
        cmocka_unit_test(test_formatting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
