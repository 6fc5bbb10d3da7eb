/* test_notices.c - notices to the responsible council (core/notices.c): the
 * default templates, rendering every placeholder and brace, the templates
 * file (every refusal with its file, line and placeholder, writing and
 * reading back). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/notices.h"
#include "core/routing.h"

static struct hw_notices *fresh(void)
{
    struct hw_notices *n = calloc(1, sizeof *n);
    assert_non_null(n);
    hw_notices_defaults(n);
    return n;
}

/* A file holding every kind, with the given text for [returned]. */
static char *file_with(const char *returned)
{
    struct hw_buf b = {0};
    hw_buf_printf(&b, "[reported]\nR\n[risk_raised_high]\nH\n[returned]\n%s\n[rhi_overdue]\nO\n",
                  returned);
    return hw_buf_take(&b);
}

/* Parses text, which must be refused with exactly msg, leaving n as it was. */
static void parse_bad(const char *text, const char *msg)
{
    struct hw_notices *n = fresh(), *before = fresh();
    struct hw_err err = {0};
    assert_int_equal(hw_notices_parse(text, "notices.txt", n, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, msg);
    assert_memory_equal(n, before, sizeof *n);
    free(n);
    free(before);
}

static char *render(const struct hw_notices *n, int kind, const struct hw_notice_facts *f)
{
    struct hw_buf b = {0};
    hw_notice_render(n, kind, f, &b);
    return hw_buf_take(&b);
}

static void test_placeholder_table(void **state)
{
    (void)state;
    int n = 0;
    for (const struct hw_code *c = hw_notice_placeholders; c->code; c++, n++) {
        assert_int_equal(c->value, n); /* indexed by field */
        assert_true(strlen(c->label) > 5);
    }
    assert_int_equal(n, HW_NF_COUNT);
    assert_string_equal(hw_code_name(hw_notice_placeholders, HW_NF_RHI_DUE), "rhi_due");
}

/* The default notice on return, every placeholder filled, word for word. */
static void test_default_returned(void **state)
{
    (void)state;
    struct hw_notices *n = fresh();
    struct hw_notice_facts f = {{0}};
    f.v[HW_NF_COUNCIL] = "Dorset Council";
    f.v[HW_NF_OUR_COUNCIL] = "BCP Council";
    f.v[HW_NF_CHILD_NAME] = "Cal Reed";
    f.v[HW_NF_CHILD_ID] = "C3";
    f.v[HW_NF_DATE_OF_BIRTH] = "2003-02-14";
    f.v[HW_NF_EPISODE_ID] = "E4";
    f.v[HW_NF_LAST_SEEN] = "2017-04-03 20:00";
    f.v[HW_NF_RETURNED] = "2017-04-04 10:00";
    f.v[HW_NF_MISSING_FROM] = "Ashdown House (Council children's home)";
    f.v[HW_NF_POLICE_REF] = "MP/17/0042";
    f.v[HW_NF_RHI_DUE] = "2017-04-07 10:00";
    f.v[HW_NF_RHI_DUE_HOURS] = "72";
    char *text = render(n, HW_EVENT_RETURNED, &f);
    assert_string_equal(
        text, "To: Dorset Council\n"
              "From: BCP Council, children missing from home and care\n"
              "Subject: Cal Reed (C3), placed here by you, has been found\n"
              "\n"
              "Cal Reed, born 2003-02-14, whom Dorset Council placed in our area,\n"
              "was found or returned at 2017-04-04 10:00, having been missing since\n"
              "2017-04-03 20:00.\n"
              "\n"
              "Our episode: E4\n"
              "Missing from: Ashdown House (Council children's home)\n"
              "Found at: not recorded\n"
              "Police reference: MP/17/0042\n"
              "\n"
              "As the responsible council you hold the return home interview, due within\n"
              "72 hours of the return: by 2017-04-07 10:00. Please confirm the interview\n"
              "has been arranged, and tell us when it is done, quoting episode E4.");
    free(text);

    /* Every kind of the defaults has text naming the council and the child,
     * and every placeholder of them is known (they read back). */
    for (int k = 1; k <= HW_NOTICE_KINDS; k++) {
        text = render(n, k, &f);
        assert_non_null(strstr(text, "To: Dorset Council\n"));
        assert_non_null(strstr(text, "Cal Reed (C3)"));
        assert_null(strchr(text, '{'));
        free(text);
    }
    text = render(n, 0, &f); /* no such kind: nothing */
    assert_string_equal(text, "");
    free(text);
    free(n);
}

/* Not recorded, not yet; braces doubled; a lone closing brace as it is. */
static void test_render_missing_values_and_braces(void **state)
{
    (void)state;
    struct hw_notices *n = fresh();
    struct hw_err err = {0};
    char *file = file_with("{{child_id}} = {child_id}; back {returned}; due {rhi_due}; "
                           "ref {police_ref}; }} and } and {{");
    assert_int_equal(hw_notices_parse(file, "t.txt", n, &err), 0);
    struct hw_notice_facts f = {{0}};
    f.v[HW_NF_CHILD_ID] = "C9";
    f.v[HW_NF_POLICE_REF] = ""; /* empty: as not recorded */
    char *text = render(n, HW_EVENT_RETURNED, &f);
    assert_string_equal(text, "{child_id} = C9; back not yet; due not yet; ref not recorded; "
                              "} and } and {");
    free(text);
    text = render(n, HW_EVENT_RETURNED, NULL);
    assert_string_equal(text, "{child_id} = not recorded; back not yet; due not yet; ref not "
                              "recorded; } and } and {");
    free(text);
    free(file);
    free(n);
}

/* A council's own file: comments anywhere, blank lines at either end of a
 * template dropped (those inside kept), CRLF line ends, kinds in any order;
 * the council's name is kept. */
static void test_parse_own_file(void **state)
{
    (void)state;
    struct hw_notices *n = fresh();
    struct hw_err err = {0};
    snprintf(n->our_council, sizeof n->our_council, "Derby City Council");
    const char *text = "# Derby's standard letters\r\n"
                       "\r\n"
                       "[rhi_overdue]\r\n"
                       "\r\n"
                       "Dear colleague at {council},\r\n"
                       "# not part of the letter\r\n"
                       "\r\n"
                       "The interview for {child_name} was due by {rhi_due}.\r\n"
                       "\r\n"
                       "\r\n"
                       "[reported]\n"
                       "{child_name} is missing.\n"
                       "[returned]\n"
                       "{child_name} is back.\n"
                       "[risk_raised_high]\n"
                       "{child_name} is at high risk.";
    assert_int_equal(hw_notices_parse(text, "derby.txt", n, &err), 0);
    assert_string_equal(n->text[HW_EVENT_RHI_OVERDUE - 1],
                        "Dear colleague at {council},\n\nThe interview for {child_name} was "
                        "due by {rhi_due}.");
    assert_string_equal(n->text[HW_EVENT_REPORTED - 1], "{child_name} is missing.");
    assert_string_equal(n->text[HW_EVENT_RISK_RAISED_HIGH - 1], "{child_name} is at high risk.");
    assert_string_equal(n->our_council, "Derby City Council");
    free(n);
}

static void test_parse_errors(void **state)
{
    (void)state;
    char *f;
    parse_bad((f = file_with("Dear {councl},")),
              "notices.txt:6: unknown placeholder {councl}: expected one of "
              "council|our_council|child_name|child_id|date_of_birth|episode_id|last_seen|"
              "reported|returned|missing_from|found_location|police_ref|risk|rhi_due|"
              "rhi_due_hours");
    free(f);
    parse_bad((f = file_with("first line\nsecond {child_name} and {} too")),
              "notices.txt:7: unknown placeholder {}: expected one of "
              "council|our_council|child_name|child_id|date_of_birth|episode_id|last_seen|"
              "reported|returned|missing_from|found_location|police_ref|risk|rhi_due|"
              "rhi_due_hours");
    free(f);
    parse_bad((f = file_with("Born {date_of_birth")),
              "notices.txt:6: '{' with no closing '}' (write '{{' for a brace in the text)");
    free(f);
    parse_bad((f = file_with("ok\n[letter]\nx")),
              "notices.txt:7: unknown notice [letter]: expected one of "
              "reported|risk_raised_high|returned|rhi_overdue");
    free(f);
    parse_bad((f = file_with("ok\n[reported]\nagain")),
              "notices.txt:7: [reported] given twice (first on line 1)");
    free(f);
    parse_bad("Dear colleague\n[reported]\nx\n",
              "notices.txt:1: text before the first [KIND] line (KIND: "
              "reported|risk_raised_high|returned|rhi_overdue)");
    parse_bad("[reported]\nR\n[risk_raised_high]\nH\n[returned]\n\n# nothing\n\n[rhi_overdue]\nO\n",
              "notices.txt:5: [returned] has no text");
    parse_bad("[reported]\nR\n[risk_raised_high]\nH\n[returned]\nT\n",
              "notices.txt: no [rhi_overdue] template: a file gives every kind (reported, "
              "risk_raised_high, returned, rhi_overdue)");
    parse_bad("", "notices.txt: no [reported] template: a file gives every kind (reported, "
                  "risk_raised_high, returned, rhi_overdue)");
    parse_bad("[reported]\nR\n[risk_raised_high]\nH\n[returned]\nT\n[rhi_overdue]\n",
              "notices.txt:7: [rhi_overdue] has no text");

    /* 4,000 bytes is the most a template holds */
    char *big = malloc(HW_NOTICE_TEXT_MAX + 2);
    memset(big, 'x', HW_NOTICE_TEXT_MAX + 1);
    big[HW_NOTICE_TEXT_MAX + 1] = '\0';
    parse_bad((f = file_with(big)), "notices.txt:5: [returned] is longer than 4000 bytes");
    free(f);
    big[HW_NOTICE_TEXT_MAX] = '\0';
    struct hw_notices *n = fresh();
    struct hw_err err = {0};
    assert_int_equal(hw_notices_parse((f = file_with(big)), "ok.txt", n, &err), 0);
    assert_int_equal(strlen(n->text[HW_EVENT_RETURNED - 1]), HW_NOTICE_TEXT_MAX);
    free(f);
    free(big);
    free(n);
}

/* What the writer writes reads back to the same templates; the defaults'
 * file lists the placeholders. */
static void test_write_reads_back(void **state)
{
    (void)state;
    struct hw_notices *n = fresh(), *back = calloc(1, sizeof *back);
    struct hw_buf b = {0};
    struct hw_err err = {0};
    hw_notices_write(n, &b);
    assert_non_null(strstr(b.data, "#   {rhi_due}  when the return home interview is due\n"));
    assert_non_null(strstr(b.data, "\n[rhi_overdue]\nTo: {council}\n"));
    assert_int_equal(hw_notices_parse(b.data, "back.txt", back, &err), 0);
    assert_memory_equal(back->text, n->text, sizeof n->text);
    assert_memory_equal(hw_notices_builtin()->text, n->text, sizeof n->text);

    /* and a council's own file, blank lines inside and braces */
    char *f = file_with("A {{b}}\n\n\nc }");
    assert_int_equal(hw_notices_parse(f, "own.txt", n, &err), 0);
    hw_buf_reset(&b);
    hw_notices_write(n, &b);
    assert_int_equal(hw_notices_parse(b.data, "back.txt", back, &err), 0);
    assert_memory_equal(back->text, n->text, sizeof n->text);
    assert_string_equal(back->text[HW_EVENT_RETURNED - 1], "A {{b}}\n\n\nc }");
    free(f);
    hw_buf_free(&b);
    free(n);
    free(back);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholder_table),
        cmocka_unit_test(test_default_returned),
        cmocka_unit_test(test_render_missing_values_and_braces),
        cmocka_unit_test(test_parse_own_file),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_write_reads_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
