/* test_csv_read.c - the CSV reader: rows, line numbers, quoting, limits, UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/mem.h"
#include "io/csv_read.h"

/* Every row seen, one line each: "LINE:field|field|...", with " bad=N" when
 * bad_utf8 is set. Fields are written as they are (tests avoid '|' in data). */
struct collect {
    struct hw_buf out;
    size_t rows;
    size_t stop_after; /* 0: never stop; else stop (return -1) at this row */
};

static int collect_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct collect *c = ctx;
    c->rows++;
    hw_buf_printf(&c->out, "%zu:", row->line);
    for (size_t i = 0; i < row->nfields; i++)
        hw_buf_printf(&c->out, "%s%s", i ? "|" : "", row->fields[i]);
    if (row->bad_utf8)
        hw_buf_printf(&c->out, " bad=%zu", row->bad_utf8);
    hw_buf_putc(&c->out, '\n');
    if (c->stop_after && c->rows == c->stop_after)
        return hw_fail(err, HW_EINPUT, "stopped at line %zu", row->line);
    return 0;
}

/* Reads text (NUL-terminated) as a buffer named "t.csv". */
static int read_text(const char *text, struct collect *c, struct hw_err *err)
{
    return hw_csv_read_buffer(text, strlen(text), "t.csv", collect_row, c, err);
}

/* Reads text and expects success with exactly the rows in want. */
static void expect_rows(const char *text, const char *want)
{
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(read_text(text, &c, &err), 0);
    assert_int_equal(err.kind, HW_OK);
    assert_string_equal(c.out.data ? c.out.data : "", want);
    hw_buf_free(&c.out);
}

/* Reads text and expects failure with message msg, after the rows in want. */
static void expect_error(const char *text, size_t len, const char *want, const char *msg)
{
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(hw_csv_read_buffer(text, len, "t.csv", collect_row, &c, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, msg);
    assert_string_equal(c.out.data ? c.out.data : "", want);
    hw_buf_free(&c.out);
}

static void test_plain_rows(void **state)
{
    (void)state;
    expect_rows("a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n");
    expect_rows("one\n", "1:one\n");
    expect_rows("a,,c\n,,\n", "1:a||c\n2:||\n");
    expect_rows("", "");
}

static void test_header_and_line_numbers(void **state)
{
    (void)state;
    expect_rows("id,name\nC1,Ann\nC2,Bob\nC3,Cat\n", "1:id|name\n2:C1|Ann\n3:C2|Bob\n4:C3|Cat\n");
}

static void test_quoted_fields(void **state)
{
    (void)state;
    /* A comma inside quotes, a doubled quote, an empty quoted field. */
    expect_rows("id,note\n\"C1\",\"a, b\"\nC2,\"say \"\"hi\"\"\"\nC3,\"\"\n",
                "1:id|note\n2:C1|a, b\n3:C2|say \"hi\"\n4:C3|\n");
}

static void test_embedded_newlines(void **state)
{
    (void)state;
    /* Row 2 holds a field spanning lines 2-3: the next row starts on line 4. */
    expect_rows("id,note\nC1,\"line one\nline two\"\nC2,x\n",
                "1:id|note\n2:C1|line one\nline two\n4:C2|x\n");
    /* A field spanning three lines (2-4), then a row on line 5. */
    expect_rows("id,note\nC1,\"a\n\nb\"\nC2,y\n", "1:id|note\n2:C1|a\n\nb\n5:C2|y\n");
    /* Two spanning fields in one row (lines 2-4), next row on line 5. */
    expect_rows("h1,h2,h3\nx,\"p\nq\",\"r\ns\"\nz,1,2\n", "1:h1|h2|h3\n2:x|p\nq|r\ns\n5:z|1|2\n");
}

/* A row whose first field is quoted and spans lines is reported on the line
 * it starts on, and the next row on the line after it ends. */
static void test_first_field_spanning_lines(void **state)
{
    (void)state;
    /* The row starts on line 2 (now reported as 3); the next row is on line 4. */
    expect_rows("id,note\n\"C\n1\",x\nC2,y\n", "1:id|note\n2:C\n1|x\n4:C2|y\n");
}

/* A file ending inside a quoted first field names the line the row began. */
static void test_eof_inside_first_field(void **state)
{
    (void)state;
    const char *text = "id,note\nC1,x\n\"open\nstill open\n";
    expect_error(text, strlen(text), "1:id|note\n2:C1|x\n",
                 "t.csv:3: the file ends inside a quoted field");
}

static void test_crlf(void **state)
{
    (void)state;
    expect_rows("id,name\r\nC1,Ann\r\n\r\nC2,\"Bob\r\nSmith\"\r\nC3,Cat\r\n",
                "1:id|name\n2:C1|Ann\n4:C2|Bob\r\nSmith\n6:C3|Cat\n");
}

static void test_bom_stripped(void **state)
{
    (void)state;
    struct collect c = {0};
    struct hw_err err;
    const char *text = "\xEF\xBB\xBFid,name\nC1,Ann\n";
    assert_int_equal(read_text(text, &c, &err), 0);
    assert_string_equal(c.out.data, "1:id|name\n2:C1|Ann\n");
    hw_buf_free(&c.out);
    /* A BOM anywhere but the very start is data (and valid UTF-8: U+FEFF). */
    expect_rows("id\n\xEF\xBB\xBFx\n", "1:id\n2:\xEF\xBB\xBFx\n");
    /* A BOM alone is an empty file. */
    expect_rows("\xEF\xBB\xBF", "");
}

static void test_blank_lines(void **state)
{
    (void)state;
    expect_rows("\nid\n\nC1\n\n\nC2\n\n", "2:id\n4:C1\n7:C2\n");
    expect_rows("\r\n\r\nid\r\n", "3:id\n");
    expect_rows("\n\n\n", "");
}

/* Reads text with flags and expects success with exactly the rows in want. */
static void expect_rows_flags(const char *text, unsigned flags, const char *want)
{
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(
        hw_csv_read_buffer_flags(text, strlen(text), "t.csv", flags, collect_row, &c, &err), 0);
    assert_int_equal(err.kind, HW_OK);
    assert_string_equal(c.out.data ? c.out.data : "", want);
    hw_buf_free(&c.out);
}

/* Spaces and tabs around unquoted fields are trimmed by default, kept with
 * HW_CSV_KEEP_SPACE; a line of nothing else is skipped either way. */
static void test_spaces(void **state)
{
    (void)state;
    const char *text = "id,type\n C1 ,\tM\n  \n\t \r\nC2,\" A \"\n";
    expect_rows(text, "1:id|type\n2:C1|M\n5:C2| A \n");
    expect_rows_flags(text, 0, "1:id|type\n2:C1|M\n5:C2| A \n");
    expect_rows_flags(text, HW_CSV_KEEP_SPACE, "1:id|type\n2: C1 |\tM\n5:C2| A \n");
    /* A line of spaces inside a quoted field is data. */
    expect_rows_flags("id,note\nC1,\"a\n  \nb\"\n", HW_CSV_KEEP_SPACE,
                      "1:id|note\n2:C1|a\n  \nb\n");
    /* A field of spaces among others is kept. */
    expect_rows_flags("a,b\n  ,x\n", HW_CSV_KEEP_SPACE, "1:a|b\n2:  |x\n");
}

static void test_no_trailing_newline(void **state)
{
    (void)state;
    expect_rows("id,name\nC1,Ann", "1:id|name\n2:C1|Ann\n");
    expect_rows("id,name\nC1,\"Ann\nLee\"", "1:id|name\n2:C1|Ann\nLee\n");
    expect_rows("id", "1:id\n");
}

static void test_malformed_quoting(void **state)
{
    (void)state;
    /* A quote inside an unquoted field, on line 3. */
    const char *msg3 = "t.csv:3: malformed CSV: a quote inside an unquoted field, or text after "
                       "a closing quote";
    const char *t1 = "id,name\nC1,Ann\nC2,Bo\"b\nC3,Cat\n";
    expect_error(t1, strlen(t1), "1:id|name\n2:C1|Ann\n", msg3);
    /* Text after a closing quote, on line 3. */
    const char *t2 = "id,name\nC1,Ann\nC2,\"Bob\"x\nC3,Cat\n";
    expect_error(t2, strlen(t2), "1:id|name\n2:C1|Ann\n", msg3);
    /* The bad quote on the second line of a spanning field: line 4. */
    const char *t3 = "id,name\nC1,Ann\nC2,\"Bob\nSmith\"x\nC3,Cat\n";
    expect_error(t3, strlen(t3), "1:id|name\n2:C1|Ann\n",
                 "t.csv:4: malformed CSV: a quote inside an unquoted field, or text after a "
                 "closing quote");
}

static void test_eof_inside_quotes(void **state)
{
    (void)state;
    /* The row starts on line 3 and the quote opened there never closes. */
    const char *t = "id,name\nC1,Ann\nC2,\"Bob\nmore\nand more\n";
    expect_error(t, strlen(t), "1:id|name\n2:C1|Ann\n",
                 "t.csv:3: the file ends inside a quoted field");
    const char *t2 = "id,name\nC1,\"Ann";
    expect_error(t2, strlen(t2), "1:id|name\n", "t.csv:2: the file ends inside a quoted field");
}

static void test_field_limit(void **state)
{
    (void)state;
    size_t n = HW_CSV_FIELD_MAX;
    char *text = hw_malloc(n + 32);
    /* Exactly the limit: accepted. */
    int k = sprintf(text, "id,note\nC1,");
    memset(text + k, 'a', n);
    strcpy(text + k + n, "\nC2,b\n");
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(read_text(text, &c, &err), 0);
    assert_int_equal(c.rows, 3);
    hw_buf_free(&c.out);

    /* One byte more, on line 3: rejected, naming the line and field 2. */
    k = sprintf(text, "id,note\nC0,x\nC1,");
    memset(text + k, 'a', n + 1);
    strcpy(text + k + n + 1, "\nC2,b\n");
    char msg[200];
    snprintf(msg, sizeof msg, "t.csv:3: field 2 is longer than %d bytes", HW_CSV_FIELD_MAX);
    expect_error(text, strlen(text), "1:id|note\n2:C0|x\n", msg);
    free(text);
}

static void test_columns_limit(void **state)
{
    (void)state;
    struct hw_buf b = {0};
    hw_buf_puts(&b, "h\n");
    for (int i = 0; i < HW_CSV_COLUMNS_MAX; i++)
        hw_buf_puts(&b, i ? ",x" : "x");
    hw_buf_putc(&b, '\n');
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(read_text(b.data, &c, &err), 0);
    assert_int_equal(c.rows, 2);
    hw_buf_free(&c.out);

    /* One field more on line 3 (after a spanning field on line 2). */
    hw_buf_reset(&b);
    hw_buf_puts(&b, "h\nx,\"a\nb\"\n");
    for (int i = 0; i <= HW_CSV_COLUMNS_MAX; i++)
        hw_buf_puts(&b, i ? ",x" : "x");
    hw_buf_puts(&b, "\nlast\n");
    char msg[200];
    snprintf(msg, sizeof msg, "t.csv:4: more than %d fields in a row", HW_CSV_COLUMNS_MAX);
    expect_error(b.data, b.len, "1:h\n2:x|a\nb\n", msg);
    hw_buf_free(&b);
}

static void test_bad_utf8_field(void **state)
{
    (void)state;
    /* Field 3 is bad (a lone continuation byte); field 4 too, but the first counts. */
    expect_rows("a,b,c,d\nok,\xC3\xA9t\xC3\xA9,x\x80y,\xFF\nnext,ok,ok,ok\n",
                "1:a|b|c|d\n2:ok|\xC3\xA9t\xC3\xA9|x\x80y|\xFF bad=3\n3:next|ok|ok|ok\n");
    /* In the first field, and inside quotes. */
    expect_rows("\"\xE2\x82\",b\n", "1:\xE2\x82|b bad=1\n");
}

static void test_utf8_valid(void **state)
{
    (void)state;
    assert_true(hw_utf8_valid("", 0));
    assert_true(hw_utf8_valid("plain ascii", 11));
    assert_true(hw_utf8_valid("a\0b", 3));             /* NUL is ASCII */
    assert_true(hw_utf8_valid("\xC2\x80", 2));         /* U+0080, smallest 2-byte */
    assert_true(hw_utf8_valid("\xC3\xA9", 2));         /* e acute */
    assert_true(hw_utf8_valid("\xE2\x82\xAC", 3));     /* euro sign */
    assert_true(hw_utf8_valid("\xEF\xBF\xBF", 3));     /* U+FFFF */
    assert_true(hw_utf8_valid("\xED\x9F\xBF", 3));     /* U+D7FF, below surrogates */
    assert_true(hw_utf8_valid("\xEE\x80\x80", 3));     /* U+E000, above surrogates */
    assert_true(hw_utf8_valid("\xF0\x9F\x98\x80", 4)); /* U+1F600, 4-byte */
    assert_true(hw_utf8_valid("\xF4\x8F\xBF\xBF", 4)); /* U+10FFFF, the last */
    assert_true(hw_utf8_valid("x\xF0\x9F\x98\x80y", 6));

    assert_false(hw_utf8_valid("\x80", 1)); /* lone continuation */
    assert_false(hw_utf8_valid("\xBF", 1));
    assert_false(hw_utf8_valid("\xC0\x80", 2));             /* overlong NUL */
    assert_false(hw_utf8_valid("\xC1\xBF", 2));             /* overlong 2-byte */
    assert_false(hw_utf8_valid("\xE0\x80\x80", 3));         /* overlong 3-byte */
    assert_false(hw_utf8_valid("\xE0\x9F\xBF", 3));         /* overlong U+07FF */
    assert_false(hw_utf8_valid("\xF0\x80\x80\x80", 4));     /* overlong 4-byte */
    assert_false(hw_utf8_valid("\xF0\x8F\xBF\xBF", 4));     /* overlong U+FFFF */
    assert_false(hw_utf8_valid("\xED\xA0\x80", 3));         /* U+D800 surrogate */
    assert_false(hw_utf8_valid("\xED\xBF\xBF", 3));         /* U+DFFF surrogate */
    assert_false(hw_utf8_valid("\xF4\x90\x80\x80", 4));     /* U+110000 */
    assert_false(hw_utf8_valid("\xF7\xBF\xBF\xBF", 4));     /* U+1FFFFF */
    assert_false(hw_utf8_valid("\xF8\x88\x80\x80\x80", 5)); /* 5-byte form */
    assert_false(hw_utf8_valid("\xFE", 1));
    assert_false(hw_utf8_valid("\xFF", 1));
    assert_false(hw_utf8_valid("\xE2\x82", 2));     /* truncated 3-byte */
    assert_false(hw_utf8_valid("\xF0\x9F\x98", 3)); /* truncated 4-byte */
    assert_false(hw_utf8_valid("\xC3", 1));         /* truncated 2-byte */
    assert_false(hw_utf8_valid("\xE2\x28\xA1", 3)); /* bad continuation */
    assert_false(hw_utf8_valid("\xC3\xA9\xC3", 3)); /* good then truncated */
    /* n is honoured: the valid prefix of a longer, bad string. */
    assert_true(hw_utf8_valid("ab\xFF", 2));
    assert_false(hw_utf8_valid("\xE2\x82\xAC", 2));
}

static void test_callback_stops(void **state)
{
    (void)state;
    struct collect c = {.stop_after = 2};
    struct hw_err err;
    assert_int_equal(read_text("id\nC1\nC2\nC3\n", &c, &err), -1);
    assert_int_equal(c.rows, 2);
    assert_string_equal(c.out.data, "1:id\n2:C1\n");
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "stopped at line 2");
    hw_buf_free(&c.out);

    /* Stopping at the last row, which has no newline (delivered at the end). */
    struct collect d = {.stop_after = 3};
    assert_int_equal(read_text("id\nC1\nC2", &d, &err), -1);
    assert_int_equal(d.rows, 3);
    assert_string_equal(err.msg, "stopped at line 3");
    hw_buf_free(&d.out);
}

/* Writes text to a new file in a new temporary directory; returns its path
 * (owned) and the directory in *dir (owned). */
static char *write_temp(const char *text, size_t len, char **dir)
{
    char tmpl[] = "/tmp/hw_csv_XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    *dir = hw_strdup(tmpl);
    char *path = hw_asprintf("%s/in.csv", tmpl);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void remove_temp(char *path, char *dir)
{
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
    free(path);
    free(dir);
}

static void test_read_file(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFid,note\r\nC1,\"a, \"\"b\"\"\r\nc\"\r\n\r\nC2,\xC3\xA9\r\nC3,z";
    char *dir;
    char *path = write_temp(text, strlen(text), &dir);
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(hw_csv_read_file(path, collect_row, &c, &err), 0);
    assert_string_equal(c.out.data, "1:id|note\n2:C1|a, \"b\"\r\nc\n5:C2|\xC3\xA9\n6:C3|z\n");
    hw_buf_free(&c.out);
    remove_temp(path, dir);
}

static void test_read_file_errors(void **state)
{
    (void)state;
    /* Errors name the path (not "t.csv") and the line. */
    const char *text = "id,name\nC1,Ann\n\nC2,\"Bob\n";
    char *dir;
    char *path = write_temp(text, strlen(text), &dir);
    struct collect c = {0};
    struct hw_err err;
    assert_int_equal(hw_csv_read_file(path, collect_row, &c, &err), -1);
    char *want = hw_asprintf("%s:4: the file ends inside a quoted field", path);
    assert_string_equal(err.msg, want);
    assert_string_equal(c.out.data, "1:id|name\n2:C1|Ann\n");
    free(want);
    hw_buf_free(&c.out);
    remove_temp(path, dir);

    /* Malformed quoting read from a file. */
    const char *t2 = "id,name\nC1,A\"nn\n";
    path = write_temp(t2, strlen(t2), &dir);
    struct collect d = {0};
    assert_int_equal(hw_csv_read_file(path, collect_row, &d, &err), -1);
    want = hw_asprintf("%s:2: malformed CSV: a quote inside an unquoted field, or text after a "
                       "closing quote",
                       path);
    assert_string_equal(err.msg, want);
    free(want);
    hw_buf_free(&d.out);
    remove_temp(path, dir);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct collect c = {0};
    struct hw_err err;
    const char *path = "/nonexistent/homeward/children.csv";
    assert_int_equal(hw_csv_read_file(path, collect_row, &c, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(
        err.msg, "cannot read /nonexistent/homeward/children.csv: No such file or directory");
    assert_int_equal(c.rows, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_rows),
        cmocka_unit_test(test_header_and_line_numbers),
        cmocka_unit_test(test_quoted_fields),
        cmocka_unit_test(test_embedded_newlines),
        cmocka_unit_test(test_first_field_spanning_lines),
        cmocka_unit_test(test_eof_inside_first_field),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_bom_stripped),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_no_trailing_newline),
        cmocka_unit_test(test_malformed_quoting),
        cmocka_unit_test(test_eof_inside_quotes),
        cmocka_unit_test(test_field_limit),
        cmocka_unit_test(test_columns_limit),
        cmocka_unit_test(test_bad_utf8_field),
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test(test_read_file_errors),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
