/* test_reasons.c - the reasons list (core/reasons.c): Derby's categories as
 * defaults, the reasons file (parsing every refusal, writing, reading back)
 * and checking an interview's ';'-separated codes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/reasons.h"

static struct hw_reasons *fresh(void)
{
    struct hw_reasons *r = calloc(1, sizeof *r);
    assert_non_null(r);
    return r;
}

/* Parses text, which must be refused with exactly msg, leaving r as it was. */
static void parse_bad(const char *text, const char *msg)
{
    struct hw_reasons *r = fresh(), *before = fresh();
    struct hw_err err = {0};
    hw_reasons_defaults(r);
    *before = *r;
    assert_int_equal(hw_reasons_parse(text, "reasons.txt", r, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, msg);
    assert_memory_equal(r, before, sizeof *r);
    free(r);
    free(before);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void normalise_is(const struct hw_reasons *r, const char *text, const char *want)
{
    struct hw_err err = {0};
    char *out = (char *)1;
    if (hw_reasons_normalise(r, text, &out, &err) != 0)
        fail_msg("'%s' refused: %s", text ? text : "(none)", err.msg);
    if (want == NULL)
        assert_null(out);
    else
        assert_string_equal(out, want);
    free(out);
}

static void test_defaults(void **state)
{
    (void)state;
    struct hw_reasons *r = fresh();
    hw_reasons_defaults(r);
    assert_int_equal(r->n, 10);
    static const char *const codes[] = {"criminal_activity",  "return_to_family",
                                        "behaviour_problems", "with_friends",
                                        "independence",       "drugs",
                                        "miscommunication",   "cse",
                                        "housing_problems",   "other"};
    for (size_t i = 0; i < r->n; i++)
        assert_string_equal(r->items[i].code, codes[i]);
    assert_memory_equal(r, hw_reasons_builtin(), sizeof *r);
    assert_string_equal(hw_reasons_label(r, "with_friends"), "Wanting to be with friends");
    assert_string_equal(hw_reasons_label(r, "return_to_family"), "Wanting to return to family");
    assert_string_equal(hw_reasons_label(r, "cse"), "Child sexual exploitation");
    assert_null(hw_reasons_label(r, "CSE"));
    assert_null(hw_reasons_label(r, "boredom"));
    assert_null(hw_reasons_label(r, ""));
    free(r);
}

static void test_parse(void **state)
{
    (void)state;
    struct hw_reasons *r = fresh();
    struct hw_err err = {0};
    assert_int_equal(hw_reasons_parse("# our council's list\r\n"
                                      "\n"
                                      "   # an indented comment\n"
                                      "family\tWanting to see family   \r\n"
                                      "peer_pressure   Peer pressure #2 (older peers)\n"
                                      "x1 X",
                                      "reasons.txt", r, &err),
                     0);
    assert_int_equal(r->n, 3);
    assert_string_equal(r->items[0].code, "family");
    assert_string_equal(r->items[0].label, "Wanting to see family");
    assert_string_equal(r->items[1].code, "peer_pressure");
    assert_string_equal(r->items[1].label, "Peer pressure #2 (older peers)");
    assert_string_equal(r->items[2].code, "x1");
    assert_string_equal(r->items[2].label, "X");
    /* The longest code and label fit. */
    char text[256];
    snprintf(text, sizeof text, "%s %s\n", "a234567890123456789012345678901234567890",
             "b23456789012345678901234567890123456789012345678901234567890"
             "123456789012345678901234567890123456789012345678901234567890");
    assert_int_equal(hw_reasons_parse(text, NULL, r, &err), 0);
    assert_int_equal(r->n, 1);
    assert_int_equal(strlen(r->items[0].code), HW_REASON_CODE_MAX);
    assert_int_equal(strlen(r->items[0].label), HW_REASON_LABEL_MAX);
    free(r);
}

static void test_parse_refusals(void **state)
{
    (void)state;
    parse_bad("", "reasons.txt: no reasons: an interview could not record any");
    parse_bad("# nothing\n\n", "reasons.txt: no reasons: an interview could not record any");
    parse_bad("family Family\nfriends\n",
              "reasons.txt:2: code 'friends' needs its label: expected 'CODE  LABEL'");
    parse_bad("Family Family\n", "reasons.txt:1: code 'Family': use lower-case letters, digits "
                                 "and '_', starting with a letter");
    parse_bad("1st First\n", "reasons.txt:1: code '1st': use lower-case letters, digits and '_', "
                             "starting with a letter");
    parse_bad("_x X\n", "reasons.txt:1: code '_x': use lower-case letters, digits and '_', "
                        "starting with a letter");
    parse_bad("with-friends Friends\n", "reasons.txt:1: code 'with-friends': use lower-case "
                                        "letters, digits and '_', starting with a letter");
    parse_bad("a2345678901234567890123456789012345678901 Too long\n",
              "reasons.txt:1: code 'a234567890123456789012345678901234567890...' is longer than "
              "40 characters");
    char text[300];
    snprintf(text, sizeof text, "ok %0121d\n", 0);
    parse_bad(text, "reasons.txt:1: the label is longer than 120 bytes");
    parse_bad("a A\nb B\n\na Again\n", "reasons.txt:4: code 'a' is given twice (first on line 1)");
    parse_bad("a Bell\a\n", "reasons.txt:1: text holds a control character (code 7)");
    struct hw_buf b = {0};
    for (int i = 0; i <= HW_REASONS_MAX; i++)
        hw_buf_printf(&b, "r%d Reason %d\n", i, i);
    parse_bad(b.data, "reasons.txt:65: too many reasons (at most 64)");
    hw_buf_free(&b);
    /* Without a file name. */
    struct hw_reasons *r = fresh();
    struct hw_err err = {0};
    assert_int_equal(hw_reasons_parse("x\n", NULL, r, &err), -1);
    assert_string_equal(err.msg, "<reasons>:1: code 'x' needs its label: expected 'CODE  LABEL'");
    free(r);
}

static void test_write_reads_back(void **state)
{
    (void)state;
    struct hw_reasons *r = fresh(), *back = fresh();
    struct hw_buf b = {0};
    struct hw_err err = {0};
    hw_reasons_defaults(r);
    hw_reasons_write(r, &b);
    assert_non_null(strstr(b.data, "\ncriminal_activity   Criminal activity\n"
                                   "return_to_family    Wanting to return to family\n"));
    assert_non_null(strstr(b.data, "\nother               Another reason (describe it under "
                                   "risks)\n"));
    assert_true(b.data[0] == '#');
    assert_int_equal(hw_reasons_parse(b.data, "out", back, &err), 0);
    assert_memory_equal(back, r, sizeof *r);

    hw_buf_reset(&b);
    assert_int_equal(hw_reasons_parse("z Zed\ny_2  Why, two\n", NULL, r, &err), 0);
    hw_reasons_write(r, &b);
    assert_non_null(strstr(b.data, "\nz    Zed\ny_2  Why, two\n"));
    memset(back, 0x5a, sizeof *back);
    assert_int_equal(hw_reasons_parse(b.data, "out", back, &err), 0);
    assert_int_equal(back->n, 2);
    assert_string_equal(back->items[1].label, "Why, two");
    hw_buf_free(&b);
    free(r);
    free(back);
}

static void test_normalise(void **state)
{
    (void)state;
    const struct hw_reasons *r = hw_reasons_builtin();
    normalise_is(r, "with_friends", "with_friends");
    normalise_is(r, " CSE ;With_Friends; cse;;drugs ", "cse;with_friends;drugs");
    normalise_is(r, "", NULL);
    normalise_is(r, " ; ;", NULL);
    normalise_is(r, NULL, NULL);

    struct hw_err err = {0};
    char *out = (char *)1;
    assert_int_equal(hw_reasons_normalise(r, "drugs;peer pressure", &out, &err), -1);
    assert_null(out);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "unknown reason 'peer pressure': expected ';'-separated codes of "
                                 "the reasons list ('homeward reasons show'): criminal_activity|"
                                 "return_to_family|behaviour_problems|with_friends|independence|"
                                 "drugs|miscommunication|cse|housing_problems|other");
    /* A prefix of a code, or a code too long for any, is not a code. */
    assert_int_equal(hw_reasons_normalise(r, "drug", &out, &err), -1);
    assert_true(starts(err.msg, "unknown reason 'drug': expected"));
    assert_int_equal(
        hw_reasons_normalise(r, "with_friends_and_a_very_long_tail_beyond_forty_chars", &out, &err),
        -1);
    assert_true(starts(err.msg, "unknown reason 'with_friends_and_a_very_long_tail_beyond_forty_"
                                "chars': expected"));

    struct hw_reasons *own = fresh();
    assert_int_equal(
        hw_reasons_parse("cse Child sexual exploitation\nfamily Family\n", NULL, own, &err), 0);
    normalise_is(own, "Family;CSE", "family;cse");
    assert_int_equal(hw_reasons_normalise(own, "drugs", &out, &err), -1);
    assert_string_equal(err.msg, "unknown reason 'drugs': expected ';'-separated codes of the "
                                 "reasons list ('homeward reasons show'): cse|family");
    free(own);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),       cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_refusals), cmocka_unit_test(test_write_reads_back),
        cmocka_unit_test(test_normalise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
