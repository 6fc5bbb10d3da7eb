/* test_records.c - field tables, the generic field parser and formatter,
 * record init/check/copy/clear, ';'-separated lists and the code tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/domain.h"
#include "core/records.h"

/* ---- helpers ---- */

static const struct hw_field *fld(const struct hw_field *table, const char *name)
{
    const struct hw_field *f = hw_field_find(table, name);
    assert_non_null(f);
    return f;
}

/* Sets a field from text, which must be accepted. */
static void set_ok(const struct hw_field *table, void *rec, const char *name, const char *text)
{
    struct hw_err err = {0};
    int rc = hw_field_set(fld(table, name), rec, text, &err);
    if (rc != 0)
        fail_msg("%s = '%s' refused: %s", name, text, err.msg);
}

/* Sets a field from text, which must be refused with exactly `msg`. */
static void set_bad(const struct hw_field *table, void *rec, const char *name, const char *text,
                    const char *msg)
{
    struct hw_err err = {0};
    assert_int_equal(hw_field_set(fld(table, name), rec, text, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, msg);
}

/* Asserts the field's text form. */
static void format_is(const struct hw_field *table, const void *rec, const char *name,
                      const char *expected)
{
    struct hw_buf b = {0};
    hw_field_format(fld(table, name), rec, &b);
    assert_string_equal(b.data ? b.data : "", expected);
    hw_buf_free(&b);
}

/* A valid, non-empty text for any field. */
static const char *sample(const struct hw_field *f)
{
    switch (f->type) {
    case HW_F_ID:
        return "X-1";
    case HW_F_IDLIST:
        return "A;B";
    case HW_F_TEXT:
        return "some text";
    case HW_F_DATE:
        return "2010-01-02";
    case HW_F_TIME:
        return "2024-07-01 10:30";
    case HW_F_ENUM:
        return f->codes[0].code;
    case HW_F_FLAGS:
        return "cse";
    case HW_F_INT:
        return "3";
    }
    return "";
}

/* ---- record types and field tables ---- */

static void test_rectype_find(void **state)
{
    (void)state;
    assert_ptr_equal(hw_rectype_find("child"), &hw_rectypes[HW_REC_CHILD]);
    assert_ptr_equal(hw_rectype_find("children"), &hw_rectypes[HW_REC_CHILD]);
    assert_ptr_equal(hw_rectype_find("episode"), &hw_rectypes[HW_REC_EPISODE]);
    assert_ptr_equal(hw_rectype_find("episodes"), &hw_rectypes[HW_REC_EPISODE]);
    assert_ptr_equal(hw_rectype_find("interview"), &hw_rectypes[HW_REC_INTERVIEW]);
    assert_ptr_equal(hw_rectype_find("interviews"), &hw_rectypes[HW_REC_INTERVIEW]);
    assert_null(hw_rectype_find("Child"));
    assert_null(hw_rectype_find("childs"));
    assert_null(hw_rectype_find("child "));
    assert_null(hw_rectype_find(""));

    assert_ptr_equal(hw_rectypes[HW_REC_CHILD].fields, hw_child_fields);
    assert_ptr_equal(hw_rectypes[HW_REC_EPISODE].fields, hw_episode_fields);
    assert_ptr_equal(hw_rectypes[HW_REC_INTERVIEW].fields, hw_interview_fields);
    assert_int_equal(hw_rectypes[HW_REC_CHILD].size, sizeof(struct hw_child));
    assert_int_equal(hw_rectypes[HW_REC_EPISODE].size, sizeof(struct hw_episode));
    assert_int_equal(hw_rectypes[HW_REC_INTERVIEW].size, sizeof(struct hw_interview));
}

static void test_field_tables(void **state)
{
    (void)state;
    static const char *const ids[HW_REC_COUNT] = {"child_id", "episode_id", "interview_id"};
    static const size_t counts[HW_REC_COUNT] = {18, 18, 18};
    for (int t = 0; t < HW_REC_COUNT; t++) {
        const struct hw_field *table = hw_rectypes[t].fields;
        assert_string_equal(table[0].name, ids[t]);
        assert_int_equal(table[0].type, HW_F_ID);
        assert_true(table[0].required);
        assert_int_equal(table[0].offset, 0);
        size_t n = 0;
        for (const struct hw_field *f = table; f->name; f++, n++) {
            assert_ptr_equal(hw_field_find(table, f->name), f);
            assert_non_null(f->help);
            if (f->type == HW_F_ENUM || f->type == HW_F_FLAGS)
                assert_non_null(f->codes);
            assert_true(f->offset < hw_rectypes[t].size);
        }
        assert_int_equal(n, counts[t]);
        assert_null(hw_field_find(table, "nope"));
        assert_null(hw_field_find(table, ""));
    }
    assert_null(hw_field_find(hw_child_fields, "episode_id"));
    assert_ptr_equal(hw_field_find(hw_episode_fields, "child_id"), &hw_episode_fields[1]);
}

/* ---- one field type at a time ---- */

static void test_id(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    const struct hw_field *f = fld(hw_child_fields, "child_id");
    assert_false(hw_field_is_set(f, &c));
    format_is(hw_child_fields, &c, "child_id", "");

    set_ok(hw_child_fields, &c, "child_id", "Ab-9_z.x/Y");
    assert_true(hw_field_is_set(f, &c));
    assert_string_equal(c.id, "Ab-9_z.x/Y");
    format_is(hw_child_fields, &c, "child_id", "Ab-9_z.x/Y");

    char id[HW_ID_MAX + 2];
    memset(id, 'k', HW_ID_MAX);
    id[HW_ID_MAX] = '\0';
    set_ok(hw_child_fields, &c, "child_id", id);
    assert_int_equal(strlen(c.id), HW_ID_MAX);
    id[HW_ID_MAX] = 'k';
    id[HW_ID_MAX + 1] = '\0';
    set_bad(hw_child_fields, &c, "child_id", id, "an ID is at most 64 characters");
    assert_int_equal(strlen(c.id), HW_ID_MAX); /* unchanged */

    set_ok(hw_child_fields, &c, "child_id", "C1");
    set_bad(hw_child_fields, &c, "child_id", "C 1",
            "an ID may hold only letters, digits and . _ / - (found ' ')");
    set_bad(hw_child_fields, &c, "child_id", "C1;C2",
            "an ID may hold only letters, digits and . _ / - (found ';')");
    set_bad(hw_child_fields, &c, "child_id", " C1",
            "an ID may hold only letters, digits and . _ / - (found ' ')");
    set_bad(hw_child_fields, &c, "child_id", "C1,",
            "an ID may hold only letters, digits and . _ / - (found ',')");
    set_bad(hw_child_fields, &c, "child_id", "a*b",
            "an ID may hold only letters, digits and . _ / - (found '*')");
    struct hw_err err;
    assert_int_equal(hw_field_set(f, &c, "Zo\xc3\xab", &err), -1); /* non-ASCII letter */
    assert_string_equal(c.id, "C1");

    /* empty unsets */
    set_ok(hw_child_fields, &c, "child_id", "");
    assert_null(c.id);
    assert_false(hw_field_is_set(f, &c));
    hw_record_clear(hw_child_fields, &c);
}

static void test_idlist(void **state)
{
    (void)state;
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    const struct hw_field *f = fld(hw_episode_fields, "with_children");

    set_ok(hw_episode_fields, &e, "with_children", "a; b;;c ");
    assert_string_equal(e.with_children, "a;b;c");
    format_is(hw_episode_fields, &e, "with_children", "a;b;c");
    assert_true(hw_field_is_set(f, &e));

    set_ok(hw_episode_fields, &e, "with_children", "  C-1  ");
    assert_string_equal(e.with_children, "C-1");
    set_ok(hw_episode_fields, &e, "with_children", ";x;");
    assert_string_equal(e.with_children, "x");

    /* only separators: nothing recorded, and no error */
    set_ok(hw_episode_fields, &e, "with_children", " ; ;; ");
    assert_null(e.with_children);
    assert_false(hw_field_is_set(f, &e));

    set_ok(hw_episode_fields, &e, "with_children", "a;b");
    set_bad(hw_episode_fields, &e, "with_children", "a;b c",
            "an ID may hold only letters, digits and . _ / - (found ' ')");
    set_bad(hw_episode_fields, &e, "with_children", "a,b",
            "an ID may hold only letters, digits and . _ / - (found ',')");
    char big[100];
    memset(big, 'q', 65);
    strcpy(big + 65, ";a");
    set_bad(hw_episode_fields, &e, "with_children", big, "an ID is at most 64 characters");
    assert_string_equal(e.with_children, "a;b"); /* unchanged */

    /* the list's length limit (1000) applies to the normalised form */
    struct hw_buf b = {0};
    for (int i = 0; i < 99; i++)
        hw_buf_printf(&b, "%sabcdefghi", i ? ";" : "");
    hw_buf_puts(&b, ";abcdefghij");
    assert_int_equal(b.len, 1000);
    set_ok(hw_episode_fields, &e, "with_children", b.data);
    assert_int_equal(strlen(e.with_children), 1000);
    hw_buf_putc(&b, 'k');
    set_bad(hw_episode_fields, &e, "with_children", b.data,
            "the list is longer than 1000 characters");
    assert_int_equal(strlen(e.with_children), 1000);
    hw_buf_reset(&b);
    /* spaces and empty items do not count */
    for (int i = 0; i < 99; i++)
        hw_buf_printf(&b, "%sabcdefghi ;; ", i ? ";" : "");
    hw_buf_puts(&b, ";abcdefghij");
    assert_true(b.len > 1000);
    set_ok(hw_episode_fields, &e, "with_children", b.data);
    assert_int_equal(strlen(e.with_children), 1000);
    hw_buf_free(&b);

    set_ok(hw_episode_fields, &e, "with_children", "");
    assert_null(e.with_children);
    hw_record_clear(hw_episode_fields, &e);
}

static void test_text(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    const struct hw_field *f = fld(hw_child_fields, "first_name");
    assert_int_equal(f->max, 200);

    set_ok(hw_child_fields, &c, "first_name", "Zo\xc3\xab  O'Neil");
    assert_string_equal(c.first_name, "Zo\xc3\xab  O'Neil"); /* kept as given */
    format_is(hw_child_fields, &c, "first_name", "Zo\xc3\xab  O'Neil");
    set_ok(hw_child_fields, &c, "first_name", "a\tb\nc");
    assert_string_equal(c.first_name, "a\tb\nc");

    set_bad(hw_child_fields, &c, "first_name", "a\x01", "text holds a control character (code 1)");
    set_bad(hw_child_fields, &c, "first_name", "\x1b[0m",
            "text holds a control character (code 27)");
    set_bad(hw_child_fields, &c, "first_name", "del\x7f",
            "text holds a control character (code 127)");
    set_bad(hw_child_fields, &c, "first_name", "\x0b", "text holds a control character (code 11)");
    assert_string_equal(c.first_name, "a\tb\nc"); /* unchanged */

    char text[202];
    memset(text, 'x', 200);
    text[200] = '\0';
    set_ok(hw_child_fields, &c, "first_name", text);
    assert_int_equal(strlen(c.first_name), 200);
    text[200] = 'x';
    text[201] = '\0';
    set_bad(hw_child_fields, &c, "first_name", text, "text is longer than 200 bytes");
    assert_int_equal(strlen(c.first_name), 200);

    /* each field has its own limit */
    memset(text, 'g', 41);
    text[41] = '\0';
    set_bad(hw_child_fields, &c, "gender", text, "text is longer than 40 bytes");
    text[40] = '\0';
    set_ok(hw_child_fields, &c, "gender", text);

    set_ok(hw_child_fields, &c, "first_name", "");
    assert_null(c.first_name);
    assert_false(hw_field_is_set(f, &c));
    format_is(hw_child_fields, &c, "first_name", "");
    hw_record_clear(hw_child_fields, &c);
}

static void test_date(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    const struct hw_field *f = fld(hw_child_fields, "date_of_birth");
    assert_int_equal(c.dob, HW_NO_DATE);
    assert_false(hw_field_is_set(f, &c));

    set_ok(hw_child_fields, &c, "date_of_birth", "2010-05-17");
    assert_int_equal(c.dob, hw_date_from_ymd(2010, 5, 17));
    assert_int_equal(c.dob, 14746);
    format_is(hw_child_fields, &c, "date_of_birth", "2010-05-17");
    c.dob = HW_NO_DATE;
    set_ok(hw_child_fields, &c, "date_of_birth", "17/05/2010");
    assert_int_equal(c.dob, 14746);
    format_is(hw_child_fields, &c, "date_of_birth", "2010-05-17");
    set_ok(hw_child_fields, &c, "date_of_birth", "1/2/2012");
    format_is(hw_child_fields, &c, "date_of_birth", "2012-02-01");
    set_ok(hw_child_fields, &c, "date_of_birth", "2012-02-29");
    format_is(hw_child_fields, &c, "date_of_birth", "2012-02-29");

    static const char *const bad[] = {
        "2011-02-29",  "2010-13-01",  "2010-5-17",  "17-05-2010", "2010/05/17", "17/05/10",
        "2010-05-17 ", " 2010-05-17", "1899-12-31", "2200-01-01", "32/01/2010", "tomorrow",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        set_bad(hw_child_fields, &c, "date_of_birth", bad[i],
                "expected a date as YYYY-MM-DD or DD/MM/YYYY");
    format_is(hw_child_fields, &c, "date_of_birth", "2012-02-29"); /* unchanged */

    set_ok(hw_child_fields, &c, "date_of_birth", "");
    assert_int_equal(c.dob, HW_NO_DATE);
    assert_false(hw_field_is_set(f, &c));
    format_is(hw_child_fields, &c, "date_of_birth", "");
    hw_record_clear(hw_child_fields, &c);
}

#define SUMMER_1030 ((hw_instant)1719826200) /* 2024-07-01 10:30 BST = 09:30Z */
#define WINTER_1030 ((hw_instant)1705314600) /* 2024-01-15 10:30 GMT */

static void test_time(void **state)
{
    (void)state;
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    const struct hw_field *f = fld(hw_episode_fields, "last_seen");
    assert_int_equal(e.last_seen, HW_NO_TIME);
    assert_false(hw_field_is_set(f, &e));

    static const char *const forms[] = {
        "2024-07-01 10:30", "2024-07-01T10:30",    "01/07/2024 10:30",
        "1/7/2024 10:30",   "2024-07-01 10:30:00", "01/07/2024 10:30:00",
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        e.last_seen = HW_NO_TIME;
        set_ok(hw_episode_fields, &e, "last_seen", forms[i]);
        assert_int_equal(e.last_seen, SUMMER_1030);
        format_is(hw_episode_fields, &e, "last_seen", "2024-07-01 10:30");
    }
    set_ok(hw_episode_fields, &e, "last_seen", "2024-01-15 10:30");
    assert_int_equal(e.last_seen, WINTER_1030);
    set_ok(hw_episode_fields, &e, "last_seen", "15/01/2024 9:05");
    assert_int_equal(e.last_seen, WINTER_1030 - 85 * HW_MINUTE);
    format_is(hw_episode_fields, &e, "last_seen", "2024-01-15 09:05");

    /* seconds are kept in the value; the text form is to the minute */
    set_ok(hw_episode_fields, &e, "last_seen", "2024-07-01 10:30:15");
    assert_int_equal(e.last_seen, SUMMER_1030 + 15);
    format_is(hw_episode_fields, &e, "last_seen", "2024-07-01 10:30");

    /* round trip through the text form */
    static const char *const trips[] = {
        "2024-07-01 10:30", "2024-01-15 00:00", "2024-03-31 00:59", "2024-03-31 02:00",
        "2024-10-27 00:59", "2024-10-27 02:00", "2024-12-31 23:59", "1900-01-01 00:00",
    };
    for (size_t i = 0; i < sizeof trips / sizeof trips[0]; i++) {
        struct hw_buf b = {0};
        set_ok(hw_episode_fields, &e, "reported", trips[i]);
        hw_instant first = e.reported;
        hw_field_format(fld(hw_episode_fields, "reported"), &e, &b);
        assert_string_equal(b.data, trips[i]);
        e.reported = HW_NO_TIME;
        set_ok(hw_episode_fields, &e, "reported", b.data);
        assert_int_equal(e.reported, first);
        hw_buf_free(&b);
    }

    /* the repeated hour in October is read as its first (BST) occurrence */
    set_ok(hw_episode_fields, &e, "reported", "2024-10-27 01:30");
    assert_int_equal(e.reported, (hw_instant)1729990800 - 30 * HW_MINUTE);

    set_ok(hw_episode_fields, &e, "last_seen", "2024-07-01 10:30");
    /* the hour skipped in March */
    set_bad(hw_episode_fields, &e, "last_seen", "2024-03-31 01:30",
            "this time does not exist in the UK: the clocks go forward from 01:00 to 02:00 that "
            "day");
    set_bad(hw_episode_fields, &e, "last_seen", "31/03/2024 01:00",
            "this time does not exist in the UK: the clocks go forward from 01:00 to 02:00 that "
            "day");
    static const char *const malformed[] = {
        "2024-07-01",       "2024-07-01 10", "2024-07-01 10:3",   "2024-07-01  10:30",
        "01/07/2024T10:30", "10:30",         "2024-07-01 10:30 ", "2024-07-01 10:30:1",
    };
    for (size_t i = 0; i < sizeof malformed / sizeof malformed[0]; i++)
        set_bad(hw_episode_fields, &e, "last_seen", malformed[i],
                "expected a date and time as YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM");
    set_bad(hw_episode_fields, &e, "last_seen", "2024-07-01 24:00",
            "not a real time of day: hours run 00 to 23, minutes and seconds 00 to 59");
    set_bad(hw_episode_fields, &e, "last_seen", "2024-07-01 10:60",
            "not a real time of day: hours run 00 to 23, minutes and seconds 00 to 59");
    set_bad(hw_episode_fields, &e, "last_seen", "2023-02-29 10:00", "not a real date");
    set_bad(hw_episode_fields, &e, "last_seen", "1899-12-31 23:59",
            "the year must be between 1900 and 2199");
    assert_int_equal(e.last_seen, SUMMER_1030); /* unchanged */

    set_ok(hw_episode_fields, &e, "last_seen", "");
    assert_int_equal(e.last_seen, HW_NO_TIME);
    assert_false(hw_field_is_set(f, &e));
    format_is(hw_episode_fields, &e, "last_seen", "");
    hw_record_clear(hw_episode_fields, &e);
}

static void test_enum(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    const struct hw_field *f = fld(hw_child_fields, "case_status");
    assert_int_equal(c.case_status, HW_CS_UNSET);
    assert_false(hw_field_is_set(f, &c));

    set_ok(hw_child_fields, &c, "case_status", "CLA");
    assert_int_equal(c.case_status, HW_CS_CLA);
    format_is(hw_child_fields, &c, "case_status", "cla");
    assert_true(hw_field_is_set(f, &c));
    set_ok(hw_child_fields, &c, "case_status", "Early_Help");
    assert_int_equal(c.case_status, HW_CS_EARLY_HELP);
    format_is(hw_child_fields, &c, "case_status", "early_help");
    set_ok(hw_child_fields, &c, "placement_type", "la_home");
    assert_int_equal(c.placement_type, HW_PL_LA_HOME);

    static const char *const unknown[] = {"looked_after", "cla ", " cla", "c", "early help"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        set_bad(hw_child_fields, &c, "case_status", unknown[i],
                "expected one of not_open|early_help|cin|cpp|cla");
    char longer[80];
    memset(longer, 'a', 70);
    longer[70] = '\0';
    set_bad(hw_child_fields, &c, "case_status", longer,
            "expected one of not_open|early_help|cin|cpp|cla");
    set_bad(hw_child_fields, &c, "placement_type", "hotel",
            "expected one of home|la_home|foster|independent_home|supported|other");
    assert_int_equal(c.case_status, HW_CS_EARLY_HELP); /* unchanged */
    assert_int_equal(c.placement_type, HW_PL_LA_HOME);

    /* yes/no: y, yes, n, no in any case; written as y or n */
    static const struct {
        const char *in;
        int value;
        const char *out;
    } yn[] = {
        {"y", HW_YES, "y"}, {"Y", HW_YES, "y"}, {"yes", HW_YES, "y"}, {"YES", HW_YES, "y"},
        {"n", HW_NO, "n"},  {"N", HW_NO, "n"},  {"no", HW_NO, "n"},   {"No", HW_NO, "n"},
    };
    for (size_t i = 0; i < sizeof yn / sizeof yn[0]; i++) {
        c.out_of_area = HW_YN_UNSET;
        set_ok(hw_child_fields, &c, "out_of_area", yn[i].in);
        assert_int_equal(c.out_of_area, yn[i].value);
        format_is(hw_child_fields, &c, "out_of_area", yn[i].out);
    }
    set_bad(hw_child_fields, &c, "out_of_area", "true", "expected one of y|n|yes|no");
    set_bad(hw_child_fields, &c, "out_of_area", "1", "expected one of y|n|yes|no");
    assert_int_equal(c.out_of_area, HW_NO);

    set_ok(hw_child_fields, &c, "case_status", "");
    assert_int_equal(c.case_status, 0);
    assert_false(hw_field_is_set(f, &c));
    format_is(hw_child_fields, &c, "case_status", "");
    set_ok(hw_child_fields, &c, "out_of_area", "");
    assert_int_equal(c.out_of_area, HW_YN_UNSET);
    hw_record_clear(hw_child_fields, &c);
}

static void test_flags(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    const struct hw_field *f = fld(hw_child_fields, "flags");
    assert_false(hw_field_is_set(f, &c));

    set_ok(hw_child_fields, &c, "flags", "cse;CCE");
    assert_int_equal(c.flags, HW_FLAG_CSE | HW_FLAG_CCE);
    format_is(hw_child_fields, &c, "flags", "cse;cce");
    assert_true(hw_field_is_set(f, &c));

    /* written in table order, whatever the input order; duplicates merge */
    set_ok(hw_child_fields, &c, "flags", " disabled ; drugs;;Gang;cse;drugs ");
    assert_int_equal(c.flags, HW_FLAG_DISABLED | HW_FLAG_DRUGS | HW_FLAG_GANG | HW_FLAG_CSE);
    format_is(hw_child_fields, &c, "flags", "cse;gang;drugs;disabled");

    set_ok(hw_child_fields, &c, "flags",
           "risky_adults;disabled;drugs;crime;gang;trafficking;cce;cse");
    assert_int_equal(c.flags, 0xff);
    format_is(hw_child_fields, &c, "flags",
              "cse;cce;trafficking;gang;crime;drugs;risky_adults;disabled");

    set_ok(hw_child_fields, &c, "flags", "cce");
    set_bad(hw_child_fields, &c, "flags", "cse;bogus",
            "unknown flag 'bogus': expected ';'-separated "
            "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled");
    set_bad(hw_child_fields, &c, "flags", "cse,cce",
            "unknown flag 'cse,cce': expected ';'-separated "
            "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled");
    char longer[120];
    memset(longer, 'z', 100);
    longer[100] = '\0';
    char msg[256];
    snprintf(msg, sizeof msg,
             "unknown flag '%.40s': expected ';'-separated "
             "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled",
             longer);
    set_bad(hw_child_fields, &c, "flags", longer, msg);
    assert_int_equal(c.flags, HW_FLAG_CCE); /* unchanged */

    /* only separators: no flags */
    set_ok(hw_child_fields, &c, "flags", " ; ;");
    assert_int_equal(c.flags, 0);
    assert_false(hw_field_is_set(f, &c));

    set_ok(hw_child_fields, &c, "flags", "gang");
    set_ok(hw_child_fields, &c, "flags", "");
    assert_int_equal(c.flags, 0);
    assert_false(hw_field_is_set(f, &c));
    format_is(hw_child_fields, &c, "flags", "");
    hw_record_clear(hw_child_fields, &c);
}

static void test_int(void **state)
{
    (void)state;
    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    const struct hw_field *f = fld(hw_interview_fields, "attempts");
    assert_int_equal(f->max, 100);
    assert_int_equal(iv.attempts, HW_NO_INT);
    /* not recorded until set: 0 is a value, distinct from "not recorded" */
    assert_false(hw_field_is_set(f, &iv));
    format_is(hw_interview_fields, &iv, "attempts", "");

    set_ok(hw_interview_fields, &iv, "attempts", "3");
    assert_int_equal(iv.attempts, 3);
    format_is(hw_interview_fields, &iv, "attempts", "3");
    set_ok(hw_interview_fields, &iv, "attempts", "100");
    assert_int_equal(iv.attempts, 100);
    set_ok(hw_interview_fields, &iv, "attempts", "007");
    assert_int_equal(iv.attempts, 7);
    set_ok(hw_interview_fields, &iv, "attempts", "0");
    assert_int_equal(iv.attempts, 0);
    assert_true(hw_field_is_set(f, &iv));
    format_is(hw_interview_fields, &iv, "attempts", "0");

    set_ok(hw_interview_fields, &iv, "attempts", "5");
    static const char *const bad[] = {
        "101", "1000", "99999999999999999999", "-1", "+1", "1a", " 1", "1 ", "1.0", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        set_bad(hw_interview_fields, &iv, "attempts", bad[i],
                "expected a whole number from 0 to 100");
    assert_int_equal(iv.attempts, 5); /* unchanged */

    set_ok(hw_interview_fields, &iv, "attempts", "");
    assert_int_equal(iv.attempts, HW_NO_INT);
    format_is(hw_interview_fields, &iv, "attempts", "");
    hw_record_clear(hw_interview_fields, &iv);
}

/* The main reason an interview was late: one code (004 section 10). */
static void test_lateness_reason(void **state)
{
    (void)state;
    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    const struct hw_field *f = fld(hw_interview_fields, "lateness_reason");
    assert_int_equal(f->type, HW_F_ENUM);
    assert_false(f->required);
    assert_ptr_equal(f - hw_interview_fields, 17); /* the last field */
    assert_int_equal(iv.lateness_reason, HW_LATE_UNSET);
    set_ok(hw_interview_fields, &iv, "lateness_reason", "Weekend_Bank_Holiday");
    assert_int_equal(iv.lateness_reason, HW_LATE_WEEKEND_BANK_HOLIDAY);
    format_is(hw_interview_fields, &iv, "lateness_reason", "weekend_bank_holiday");
    set_ok(hw_interview_fields, &iv, "lateness_reason", "missing_again");
    assert_int_equal(iv.lateness_reason, HW_LATE_MISSING_AGAIN);
    set_bad(hw_interview_fields, &iv, "lateness_reason", "missing_again;declined",
            "expected one of missing_again|declined|worker_availability|weekend_bank_holiday|"
            "child_unavailable|other");
    set_bad(hw_interview_fields, &iv, "lateness_reason", "bank holiday",
            "expected one of missing_again|declined|worker_availability|weekend_bank_holiday|"
            "child_unavailable|other");
    assert_int_equal(iv.lateness_reason, HW_LATE_MISSING_AGAIN); /* unchanged */
    set_ok(hw_interview_fields, &iv, "lateness_reason", "");
    assert_int_equal(iv.lateness_reason, HW_LATE_UNSET);
    hw_record_clear(hw_interview_fields, &iv);
}

static void test_text_check(void **state)
{
    (void)state;
    struct hw_err err = {0};
    assert_int_equal(hw_text_check("Nobody in;\tcarer says\r\nback later", 100, &err), 0);
    assert_int_equal(hw_text_check("12345", 5, &err), 0);
    assert_int_equal(hw_text_check("123456", 5, &err), -1);
    assert_string_equal(err.msg, "text is longer than 5 bytes");
    assert_int_equal(hw_text_check("bell\a", 100, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "text holds a control character (code 7)");
}

/* Empty text unsets every field of every record type. */
static void test_empty_unsets_every_field(void **state)
{
    (void)state;
    for (int t = 0; t < HW_REC_COUNT; t++) {
        const struct hw_rectype_info *ti = &hw_rectypes[t];
        void *rec = calloc(1, ti->size);
        assert_non_null(rec);
        hw_record_init(ti->fields, rec);
        for (const struct hw_field *f = ti->fields; f->name; f++) {
            struct hw_err err;
            assert_int_equal(hw_field_set(f, rec, sample(f), &err), 0);
            assert_true(hw_field_is_set(f, rec));
            struct hw_buf b = {0};
            hw_field_format(f, rec, &b);
            assert_true(b.len > 0);
            hw_buf_free(&b);

            assert_int_equal(hw_field_set(f, rec, "", &err), 0);
            hw_field_format(f, rec, &b);
            assert_false(hw_field_is_set(f, rec));
            assert_int_equal(b.len, 0);
            hw_buf_free(&b);
        }
        hw_record_clear(ti->fields, rec);
        free(rec);
    }
}

/* ---- whole records ---- */

static void test_record_init(void **state)
{
    (void)state;
    struct hw_interview iv;
    memset(&iv, 0x5a, sizeof iv);
    hw_record_init(hw_interview_fields, &iv);
    assert_null(iv.id);
    assert_null(iv.episode_ids);
    assert_null(iv.signed_off_by);
    assert_int_equal(iv.offered, HW_NO_TIME);
    assert_int_equal(iv.shared_with_police, HW_NO_DATE);
    assert_int_equal(iv.outcome, 0);
    assert_int_equal(iv.attempts, HW_NO_INT);
    assert_int_equal(iv.lateness_reason, 0);
    for (const struct hw_field *f = hw_interview_fields; f->name; f++)
        assert_false(hw_field_is_set(f, &iv));
    hw_record_clear(hw_interview_fields, &iv);
}

static void test_record_check(void **state)
{
    (void)state;
    struct hw_err err = {0};
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "episode_id is required");
    set_ok(hw_episode_fields, &e, "episode_id", "E1");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), -1);
    assert_string_equal(err.msg, "child_id is required");
    set_ok(hw_episode_fields, &e, "child_id", "C1");
    /* optional fields do not help */
    set_ok(hw_episode_fields, &e, "risk", "high");
    set_ok(hw_episode_fields, &e, "returned", "2024-07-01 12:00");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), -1);
    assert_string_equal(err.msg, "kind is required");
    set_ok(hw_episode_fields, &e, "kind", "Missing");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), -1);
    assert_string_equal(err.msg, "last_seen is required");
    set_ok(hw_episode_fields, &e, "last_seen", "2024-07-01 10:30");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), 0);
    /* unsetting an earlier one names it again */
    set_ok(hw_episode_fields, &e, "child_id", "");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, &err), -1);
    assert_string_equal(err.msg, "child_id is required");
    assert_int_equal(hw_record_check(hw_episode_fields, &e, NULL), -1);
    hw_record_clear(hw_episode_fields, &e);

    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    set_ok(hw_interview_fields, &iv, "interview_id", "I1");
    set_ok(hw_interview_fields, &iv, "child_id", "C1");
    assert_int_equal(hw_record_check(hw_interview_fields, &iv, &err), -1);
    assert_string_equal(err.msg, "episode_ids is required");
    set_ok(hw_interview_fields, &iv, "episode_ids", " ; ");
    assert_int_equal(hw_record_check(hw_interview_fields, &iv, &err), -1);
    assert_string_equal(err.msg, "episode_ids is required");
    set_ok(hw_interview_fields, &iv, "episode_ids", "E1");
    assert_int_equal(hw_record_check(hw_interview_fields, &iv, &err), 0);
    hw_record_clear(hw_interview_fields, &iv);

    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    set_ok(hw_child_fields, &c, "first_name", "Ann");
    assert_int_equal(hw_record_check(hw_child_fields, &c, &err), -1);
    assert_string_equal(err.msg, "child_id is required");
    set_ok(hw_child_fields, &c, "child_id", "C1");
    assert_int_equal(hw_record_check(hw_child_fields, &c, &err), 0);
    hw_record_clear(hw_child_fields, &c);
}

static void fill_interview(struct hw_interview *iv)
{
    static const char *const kv[][2] = {
        {"interview_id", "I-1"},
        {"child_id", "C1"},
        {"episode_ids", "E1; E2"},
        {"decision", "required"},
        {"decided_by", "Team manager"},
        {"decision_reason", "Second episode\nin 28 days"},
        {"offered", "2024-07-02 09:00"},
        {"outcome", "completed"},
        {"attempts", "2"},
        {"completed", "2024-07-03 15:45:30"},
        {"conducted_by", "independent"},
        {"reasons", "Argument at home"},
        {"risks", "Older peers"},
        {"screening", "emerging"},
        {"shared_with_police", "04/07/2024"},
        {"signed_off", "2024-07-05 11:00"},
        {"signed_off_by", "M. Manager"},
        {"lateness_reason", "declined"},
    };
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        set_ok(hw_interview_fields, iv, kv[i][0], kv[i][1]);
    for (const struct hw_field *f = hw_interview_fields; f->name; f++)
        assert_true(hw_field_is_set(f, iv));
}

static void assert_same_record(const struct hw_field *table, const void *a, const void *b)
{
    for (const struct hw_field *f = table; f->name; f++) {
        struct hw_buf fa = {0}, fb = {0};
        assert_true(hw_field_is_set(f, a) == hw_field_is_set(f, b));
        hw_field_format(f, a, &fa);
        hw_field_format(f, b, &fb);
        assert_string_equal(fa.data ? fa.data : "", fb.data ? fb.data : "");
        hw_buf_free(&fa);
        hw_buf_free(&fb);
    }
}

static void test_record_copy(void **state)
{
    (void)state;
    struct hw_interview src, dst;
    hw_record_init(hw_interview_fields, &src);
    hw_record_init(hw_interview_fields, &dst);
    fill_interview(&src);
    /* dst holds values of its own, which the copy frees or overwrites */
    set_ok(hw_interview_fields, &dst, "interview_id", "OLD");
    set_ok(hw_interview_fields, &dst, "risks", "old risks");
    set_ok(hw_interview_fields, &dst, "attempts", "9");

    hw_record_copy(hw_interview_fields, &dst, &src);
    assert_same_record(hw_interview_fields, &dst, &src);
    assert_string_equal(dst.id, "I-1");
    assert_string_equal(dst.episode_ids, "E1;E2");
    assert_int_equal(dst.completed, src.completed); /* seconds too */
    assert_int_equal(dst.attempts, 2);
    assert_int_equal(dst.shared_with_police, src.shared_with_police);
    /* deep: no string is shared */
    for (const struct hw_field *f = hw_interview_fields; f->name; f++)
        if (f->type == HW_F_ID || f->type == HW_F_IDLIST || f->type == HW_F_TEXT)
            assert_ptr_not_equal(*(char **)((char *)&dst + f->offset),
                                 *(char **)((char *)&src + f->offset));

    /* the copy outlives the original */
    hw_record_clear(hw_interview_fields, &src);
    assert_null(src.id);
    assert_string_equal(dst.decision_reason, "Second episode\nin 28 days");
    assert_string_equal(dst.signed_off_by, "M. Manager");

    /* copying an empty record empties dst */
    hw_record_copy(hw_interview_fields, &dst, &src);
    assert_same_record(hw_interview_fields, &dst, &src);
    assert_null(dst.id);
    assert_int_equal(dst.offered, HW_NO_TIME);
    hw_record_clear(hw_interview_fields, &dst);
    hw_record_clear(hw_interview_fields, &src);
}

/* ---- lists ---- */

static void test_list_next(void **state)
{
    (void)state;
    const char *list = "  a ; bb;;  c d ;", *cur = list, *item = NULL;
    size_t n;
    n = hw_list_next(&cur, &item);
    assert_int_equal(n, 1);
    assert_memory_equal(item, "a", 1);
    assert_ptr_equal(item, list + 2);
    n = hw_list_next(&cur, &item);
    assert_int_equal(n, 2);
    assert_memory_equal(item, "bb", 2);
    n = hw_list_next(&cur, &item);
    assert_int_equal(n, 3);
    assert_memory_equal(item, "c d", 3);
    assert_int_equal(hw_list_next(&cur, &item), 0);
    assert_int_equal(*cur, '\0');
    assert_ptr_equal(cur, list + strlen(list));
    assert_int_equal(hw_list_next(&cur, &item), 0); /* stays at the end */

    static const char *const empty[] = {"", ";", " ; ; ", ";;;"};
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        cur = empty[i];
        assert_int_equal(hw_list_next(&cur, &item), 0);
    }

    cur = "x";
    assert_int_equal(hw_list_next(&cur, &item), 1);
    assert_int_equal(*item, 'x');
    assert_int_equal(hw_list_next(&cur, &item), 0);
}

static void test_list_contains(void **state)
{
    (void)state;
    assert_true(hw_list_contains("a;b;c", "a"));
    assert_true(hw_list_contains("a;b;c", "b"));
    assert_true(hw_list_contains("a;b;c", "c"));
    assert_true(hw_list_contains(" a ; b ", "b"));
    assert_false(hw_list_contains("a;bb", "b"));
    assert_false(hw_list_contains("ab;c", "a"));
    assert_false(hw_list_contains("a;b", "a;b"));
    assert_false(hw_list_contains("a;b", "A"));
    assert_false(hw_list_contains("a;b", ""));
    assert_false(hw_list_contains("", "a"));
    assert_false(hw_list_contains(NULL, "a"));
}

/* ---- code tables ---- */

static void test_code_functions(void **state)
{
    (void)state;
    assert_int_equal(hw_code_parse(hw_case_status_codes, "cla"), HW_CS_CLA);
    assert_int_equal(hw_code_parse(hw_case_status_codes, "not_open"), HW_CS_NOT_OPEN);
    assert_int_equal(hw_code_parse(hw_case_status_codes, "CLA"), -1); /* exact */
    assert_int_equal(hw_code_parse(hw_case_status_codes, ""), -1);
    assert_int_equal(hw_code_parse(hw_case_status_codes, "cl"), -1);
    assert_int_equal(hw_code_parse(hw_risk_codes, "low"), HW_RISK_LOW);
    assert_int_equal(hw_code_parse(hw_flag_codes, "risky_adults"), HW_FLAG_RISKY_ADULTS);
    assert_int_equal(hw_code_parse(hw_yesno_codes, "yes"), HW_YES);
    assert_int_equal(hw_code_parse(hw_yesno_codes, "no"), HW_NO);

    assert_string_equal(hw_code_name(hw_case_status_codes, HW_CS_CIN), "cin");
    assert_string_equal(hw_code_name(hw_case_status_codes, 0), "");
    assert_string_equal(hw_code_name(hw_case_status_codes, 99), "");
    assert_string_equal(hw_code_name(hw_outcome_codes, HW_OUT_NOT_REQUIRED), "not_required");
    assert_string_equal(hw_code_name(hw_yesno_codes, HW_YES), "y");
    assert_string_equal(hw_code_name(hw_yesno_codes, HW_NO), "n");

    assert_string_equal(hw_code_label(hw_case_status_codes, HW_CS_CLA), "Child looked after");
    assert_string_equal(hw_code_label(hw_kind_codes, HW_KIND_ABSENT),
                        "Away from placement without authorisation");
    assert_string_equal(hw_code_label(hw_kind_codes, 0), "");
    assert_string_equal(hw_code_label(hw_kind_codes, 7), "");

    char buf[256];
    hw_code_list(hw_risk_codes, buf, sizeof buf);
    assert_string_equal(buf, "high|medium|low");
    hw_code_list(hw_yesno_codes, buf, sizeof buf);
    assert_string_equal(buf, "y|n|yes|no");
    hw_code_list(hw_outcome_codes, buf, sizeof buf);
    assert_string_equal(buf, "pending|completed|declined|unavailable|not_required");
    hw_code_list(hw_kind_codes, buf, 15); /* "missing|absent" exactly fits */
    assert_string_equal(buf, "missing|absent");
    buf[0] = 'x';
    hw_code_list(hw_kind_codes, buf, 0); /* writes nothing */
    assert_int_equal(buf[0], 'x');
    hw_code_list(hw_kind_codes, buf, 1);
    assert_string_equal(buf, "");
}

/* Every code of every table parses back to its value, and codes are lower
 * case (hw_field_set lowers its input before looking up). */
static void test_code_tables(void **state)
{
    (void)state;
    const struct hw_code *const tables[] = {
        hw_case_status_codes, hw_placement_codes, hw_kind_codes,         hw_risk_codes,
        hw_decision_codes,    hw_outcome_codes,   hw_conducted_by_codes, hw_screening_codes,
        hw_flag_codes,        hw_yesno_codes,     hw_lateness_codes,     hw_attempt_outcome_codes,
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        for (const struct hw_code *c = tables[i]; c->code; c++) {
            assert_int_not_equal(c->value, 0);
            assert_int_equal(hw_code_parse(tables[i], c->code), c->value);
            assert_true(c->label[0] != '\0');
            for (const char *p = c->code; *p; p++)
                assert_false(*p >= 'A' && *p <= 'Z');
        }
    }
    assert_int_equal(hw_code_parse(hw_risk_codes, "high"), HW_RISK_HIGH);
    assert_true(HW_RISK_HIGH > HW_RISK_MEDIUM && HW_RISK_MEDIUM > HW_RISK_LOW);
}

/* hw_code_list on a buffer too small for the whole list should stop at the
 * last code that fits, so an error message never shows a cut-off code. */
static void test_code_list_truncates_whole_codes(void **state)
{
    (void)state;
    char buf[64];
    hw_code_list(hw_kind_codes, buf, 14); /* "missing|absent" needs 15 */
    /* It is at least a prefix of the full list, within the buffer. */
    assert_true(strlen(buf) < 14);
    assert_memory_equal(buf, "missing|absent", strlen(buf));
    /* A list that does not fit stops after the last whole code. */
    assert_string_equal(buf, "missing");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rectype_find),
        cmocka_unit_test(test_field_tables),
        cmocka_unit_test(test_id),
        cmocka_unit_test(test_idlist),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_date),
        cmocka_unit_test(test_time),
        cmocka_unit_test(test_enum),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_int),
        cmocka_unit_test(test_lateness_reason),
        cmocka_unit_test(test_text_check),
        cmocka_unit_test(test_empty_unsets_every_field),
        cmocka_unit_test(test_record_init),
        cmocka_unit_test(test_record_check),
        cmocka_unit_test(test_record_copy),
        cmocka_unit_test(test_list_next),
        cmocka_unit_test(test_list_contains),
        cmocka_unit_test(test_code_functions),
        cmocka_unit_test(test_code_tables),
        cmocka_unit_test(test_code_list_truncates_whole_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
