/* test_table.c - the formats' names and the HTML table (report/table.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/table.h"

static void test_format_parse(void **state)
{
    (void)state;
    assert_int_equal(hw_format_parse("text"), HW_FMT_TEXT);
    assert_int_equal(hw_format_parse("csv"), HW_FMT_CSV);
    assert_int_equal(hw_format_parse("json"), HW_FMT_JSON);
    /* Lists and records cannot be pages or workbooks: still refused there. */
    assert_int_equal(hw_format_parse("html"), -1);
    assert_int_equal(hw_format_parse("xlsx"), -1);
    assert_int_equal(hw_format_parse("JSON"), -1);
    assert_int_equal(hw_format_parse(""), -1);

    assert_int_equal(hw_format_parse_report("text"), HW_FMT_TEXT);
    assert_int_equal(hw_format_parse_report("csv"), HW_FMT_CSV);
    assert_int_equal(hw_format_parse_report("json"), HW_FMT_JSON);
    assert_int_equal(hw_format_parse_report("html"), HW_FMT_HTML);
    assert_int_equal(hw_format_parse_report("xlsx"), HW_FMT_XLSX);
    assert_int_equal(hw_format_parse_report("xls"), -1);
    assert_int_equal(hw_format_parse_report("htm"), -1);
    assert_int_equal(hw_format_parse_report("HTML"), -1);
    assert_int_equal(hw_format_parse_report("xlsx "), -1);
}

static void test_content_types(void **state)
{
    (void)state;
    assert_string_equal(hw_format_content_type(HW_FMT_TEXT), "text/plain; charset=utf-8");
    assert_string_equal(hw_format_content_type(HW_FMT_CSV), "text/csv; charset=utf-8");
    assert_string_equal(hw_format_content_type(HW_FMT_JSON), "application/json");
    assert_string_equal(hw_format_content_type(HW_FMT_HTML), "text/html; charset=utf-8");
    assert_string_equal(hw_format_content_type(HW_FMT_XLSX),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_string_equal(hw_format_extension(HW_FMT_TEXT), "txt");
    assert_string_equal(hw_format_extension(HW_FMT_CSV), "csv");
    assert_string_equal(hw_format_extension(HW_FMT_JSON), "json");
    assert_string_equal(hw_format_extension(HW_FMT_HTML), "html");
    assert_string_equal(hw_format_extension(HW_FMT_XLSX), "xlsx");
}

static void test_html_escape(void **state)
{
    (void)state;
    struct hw_buf b = {0};
    hw_html_text(&b, "<script>alert(\"x\" & 'y')</script>");
    assert_string_equal(b.data,
                        "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
    hw_buf_reset(&b);
    hw_html_text(&b, "Zoë &amp;"); /* UTF-8 kept; an entity is text, escaped again */
    assert_string_equal(b.data, "Zoë &amp;amp;");
    hw_buf_free(&b);
}

static void test_html_table(void **state)
{
    (void)state;
    static const char *const header[] = {"Measure", "Apr <2017>", "Note"};
    static const char *const row1[] = {"Children & \"young\" people", "79", "<b>bold</b>"};
    static const char *const row2[] = {"Rate", "32.91%", "it's"};
    static const char *const row3[] = {"LAC rate", "-", ""};
    static const char *const row4[] = {"Change", "-4.5", "'"};
    struct hw_table t;
    struct hw_buf b = {0};
    hw_table_init(&t, 3, header);
    hw_table_add(&t, row1);
    hw_table_add(&t, row2);
    hw_table_add(&t, row3);
    hw_table_add(&t, row4);
    hw_table_html(&t, "Caption <&>", &b);
    const char *h = b.data;

    assert_non_null(strstr(h, "<table>\n<caption>Caption &lt;&amp;&gt;</caption>\n<thead>\n"));
    /* Column headers: scoped; the column of numbers marked as such. */
    assert_non_null(strstr(h, "<tr><th scope=\"col\">Measure</th>"
                              "<th scope=\"col\" class=\"num\">Apr &lt;2017&gt;</th>"
                              "<th scope=\"col\">Note</th></tr>\n</thead>\n<tbody>\n"));
    /* Row headers scoped; every cell escaped; numbers (and a percentage) num. */
    assert_non_null(strstr(h, "<tr><th scope=\"row\">Children &amp; &quot;young&quot; people</th>"
                              "<td class=\"num\">79</td>"
                              "<td>&lt;b&gt;bold&lt;/b&gt;</td></tr>\n"));
    assert_non_null(strstr(h, "<td class=\"num\">32.91%</td><td>it&#39;s</td>"));
    /* "-" (no rate) in a column of numbers lines up with them; an empty
     * cell in a column of words does not. */
    assert_non_null(strstr(h, "<th scope=\"row\">LAC rate</th><td class=\"num\">-</td><td></td>"));
    assert_non_null(strstr(h, "<td class=\"num\">-4.5</td><td>&#39;</td></tr>\n</tbody>\n"
                              "</table>\n"));
    assert_null(strstr(h, "<b>"));
    assert_null(strstr(h, "it's"));

    /* No caption: none written. */
    hw_buf_reset(&b);
    hw_table_html(&t, NULL, &b);
    assert_null(strstr(b.data, "<caption>"));
    assert_true(strncmp(b.data, "<table>\n<thead>", 15) == 0);
    hw_buf_free(&b);
    hw_table_free(&t);
}

/* Words that start with digits are not numbers: no class, in a column that is not numbers. */
static void test_html_not_numbers(void **state)
{
    (void)state;
    static const char *const header[] = {"month", "where"};
    static const char *const row1[] = {"2017-04", "12 High Street"};
    static const char *const row2[] = {"2017-05", "1.5.3"};
    struct hw_table t;
    struct hw_buf b = {0};
    hw_table_init(&t, 2, header);
    hw_table_add(&t, row1);
    hw_table_add(&t, row2);
    hw_table_html(&t, "c", &b);
    assert_null(strstr(b.data, "class=\"num\""));
    assert_non_null(
        strstr(b.data, "<tr><th scope=\"row\">2017-04</th><td>12 High Street</td></tr>"));
    hw_buf_free(&b);
    hw_table_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_parse),     cmocka_unit_test(test_content_types),
        cmocka_unit_test(test_html_escape),      cmocka_unit_test(test_html_table),
        cmocka_unit_test(test_html_not_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
