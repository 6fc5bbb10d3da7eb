/* test_xlsx.c - tables as an Excel workbook (report/xlsx.c).
 *
 * An .xlsx is a zip; its central directory stores the member names
 * uncompressed, so the members a workbook has can be seen in its bytes.
 * The cells' values are checked through unzip in tests/e2e/report_formats.sh.
 * Every test points TMPDIR at its own directory and checks that nothing is
 * left in it; ASan's leak checker sees any leak on the error paths.
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

#include "support/tmpdir.h"

#include "report/xlsx.h"

struct fixture {
    char dir[64];
    struct hw_table t;
};

static const enum hw_xlsx_kind row_kinds[] = {HW_XLSX_TEXT, HW_XLSX_NUMBER, HW_XLSX_NUMBER,
                                              HW_XLSX_PERCENT};

static int setup(void **state)
{
    static const char *const header[] = {"Measure", "Apr 2017", "May 2017", "Jun 2017"};
    static const char *const r1[] = {"Children who went missing", "79", "61", "0"};
    static const char *const r2[] = {"Missing episodes", "149", "120", ""};
    static const char *const r3[] = {"RHI offer rate", "32.91%", "12.08%", "-"};
    struct fixture *fx = calloc(1, sizeof *fx);
    assert_int_equal(hw_test_mkdtemp(fx->dir, sizeof fx->dir), 0);
    assert_int_equal(setenv("TMPDIR", fx->dir, 1), 0);
    hw_table_init(&fx->t, 4, header);
    hw_table_add(&fx->t, r1);
    hw_table_add(&fx->t, r2);
    hw_table_add(&fx->t, r3);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    hw_table_free(&fx->t);
    hw_test_rmdir(fx->dir);
    unsetenv("TMPDIR");
    free(fx);
    return 0;
}

/* Whether the n bytes at p contain the bytes of s. */
static bool contains(const char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0)
            return true;
    return false;
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

static void test_workbook(void **state)
{
    struct fixture *fx = *state;
    static const size_t series[] = {1, 2};
    const struct hw_xlsx_chart chart = {
        .title = "Children and episodes", .y_title = "Number", .series = series, .nseries = 2};
    static const char *const h2[] = {"month", "episodes", "rate"};
    static const char *const d2[] = {"2017-04", "149", "12.08"};
    static const enum hw_xlsx_kind col_kinds[] = {HW_XLSX_TEXT, HW_XLSX_NUMBER, HW_XLSX_PERCENT};
    struct hw_table t2;
    hw_table_init(&t2, 3, h2);
    hw_table_add(&t2, d2);
    const struct hw_xlsx_sheet sheets[] = {
        {.name = "Monthly profile",
         .title = "Monthly data profile, Apr 2017 to Jun 2017",
         .note = "A note & <markup>",
         .table = &fx->t,
         .row_kinds = row_kinds,
         .chart = &chart},
        {.name = "By month", .table = &t2, .col_kinds = col_kinds},
    };
    struct hw_buf out = {0};
    struct hw_err err = {0};
    assert_int_equal(hw_xlsx_write(sheets, 2, &out, &err), 0);
    assert_true(out.len > 1000);
    assert_memory_equal(out.data, "PK\x03\x04", 4);
    assert_true(contains(out.data, out.len, "xl/worksheets/sheet1.xml"));
    assert_true(contains(out.data, out.len, "xl/worksheets/sheet2.xml"));
    assert_true(contains(out.data, out.len, "xl/charts/chart1.xml"));
    assert_true(contains(out.data, out.len, "xl/styles.xml"));
    assert_dir_empty(fx->dir);

    /* Appends: what was in the buffer stays in front. */
    hw_buf_reset(&out);
    hw_buf_puts(&out, "before");
    assert_int_equal(hw_xlsx_write(sheets + 1, 1, &out, &err), 0);
    assert_memory_equal(out.data, "beforePK\x03\x04", 10);
    assert_false(contains(out.data, out.len, "xl/charts/chart1.xml"));
    assert_dir_empty(fx->dir);
    hw_buf_free(&out);
    hw_table_free(&t2);
}

/* Fails with err set, out as it was and no file left behind. */
static void expect_failure(struct fixture *fx, const struct hw_xlsx_sheet *sheets, size_t n,
                           const char *want)
{
    struct hw_buf out = {0};
    struct hw_err err = {0};
    hw_buf_puts(&out, "keep");
    assert_int_equal(hw_xlsx_write(sheets, n, &out, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    if (strstr(err.msg, want) == NULL)
        fail_msg("expected \"%s\" in \"%s\"", want, err.msg);
    assert_int_equal(out.len, 4);
    assert_string_equal(out.data, "keep");
    assert_dir_empty(fx->dir);
    hw_buf_free(&out);
}

static void test_bad_sheet_names(void **state)
{
    struct fixture *fx = *state;
    struct hw_xlsx_sheet s = {.table = &fx->t, .row_kinds = row_kinds};

    s.name = "Monthly profile of missing children"; /* 35 characters */
    expect_failure(fx, &s, 1, "31 characters");
    expect_failure(fx, &s, 1, "'Monthly profile of missing children'");
    s.name = "Profile [draft]";
    expect_failure(fx, &s, 1, "invalid characters");
    s.name = "2017/18";
    expect_failure(fx, &s, 1, "invalid characters");
    s.name = "'quoted'";
    expect_failure(fx, &s, 1, "apostrophe");
    s.name = "";
    expect_failure(fx, &s, 1, "no name");
    s.name = NULL;
    expect_failure(fx, &s, 1, "no name");

    /* The second sheet's name is taken: the first sheet, built, is freed. */
    struct hw_xlsx_sheet two[] = {
        {.name = "Profile", .table = &fx->t, .row_kinds = row_kinds},
        {.name = "Profile", .table = &fx->t},
    };
    expect_failure(fx, two, 2, "already");
}

static void test_bad_charts(void **state)
{
    struct fixture *fx = *state;
    static const size_t past_end[] = {1, 4}; /* the table has rows 0-3 */
    static const size_t header_row[] = {0};
    struct hw_xlsx_chart chart = {.series = past_end, .nseries = 2};
    struct hw_xlsx_sheet s = {.name = "P", .table = &fx->t, .chart = &chart};
    expect_failure(fx, &s, 1, "the chart plots row 4");
    chart.series = header_row;
    chart.nseries = 1;
    expect_failure(fx, &s, 1, "the chart plots row 0");
    chart.by_column = true;
    expect_failure(fx, &s, 1, "the chart plots column 0");
    chart.nseries = 0;
    expect_failure(fx, &s, 1, "nothing to plot");
}

static void test_no_sheets_no_tmpdir(void **state)
{
    struct fixture *fx = *state;
    expect_failure(fx, NULL, 0, "no sheets");

    /* A TMPDIR that does not exist is named in the message. */
    struct hw_xlsx_sheet s = {.name = "P", .table = &fx->t};
    char missing[96];
    snprintf(missing, sizeof missing, "%s/nowhere", fx->dir);
    assert_int_equal(setenv("TMPDIR", missing, 1), 0);
    expect_failure(fx, &s, 1, missing);
    assert_int_equal(setenv("TMPDIR", fx->dir, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_workbook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_sheet_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_charts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_sheets_no_tmpdir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
