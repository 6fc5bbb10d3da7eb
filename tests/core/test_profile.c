/* test_profile.c - the missing profile's limits, the photograph's checks
 * by magic bytes and size, ages and durations (core/profile.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/profile.h"

/* The first bytes of real files of each kind, padded to n bytes. */
static unsigned char *file_of(const unsigned char *head, size_t len, size_t n)
{
    unsigned char *b = calloc(1, n);
    memcpy(b, head, len < n ? len : n);
    return b;
}

static const unsigned char JPEG[] = {0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F'};
/* The PNG signature, then the IHDR chunk: length 13, "IHDR", 1x1, 8-bit RGB. */
static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0,    0,
                                    13,   'I', 'H', 'D', 'R',  0,    0,    0,    1,    0,    0,
                                    0,    1,   8,   2,   0,    0,    0,    0x90, 0x77, 0x53, 0xde};

static void test_photo_types(void **state)
{
    (void)state;
    assert_string_equal(hw_photo_type(JPEG, sizeof JPEG), "image/jpeg");
    assert_string_equal(hw_photo_type(PNG, sizeof PNG), "image/png");
    /* The first three bytes of a JPEG are not a JPEG. */
    assert_null(hw_photo_type(JPEG, 3));
    /* A PNG signature without its IHDR chunk is not a PNG. */
    unsigned char bad[sizeof PNG];
    memcpy(bad, PNG, sizeof PNG);
    memcpy(bad + 12, "IDAT", 4);
    assert_null(hw_photo_type(bad, sizeof bad));
    assert_null(hw_photo_type((const unsigned char *)"GIF89a..", 8));
    assert_null(hw_photo_type(NULL, 0));
}

static void expect_refused(const unsigned char *d, size_t n, size_t max, const char *msg)
{
    struct hw_err err = {0};
    const char *type = "set";
    assert_int_equal(hw_photo_check(d, n, max, &type, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_null(type);
    assert_string_equal(err.msg, msg);
}

static void test_photo_check(void **state)
{
    (void)state;
    struct hw_err err = {0};
    const char *type;
    unsigned char *png = file_of(PNG, sizeof PNG, 2048);
    /* Exactly at the limit is allowed; a byte more is not. */
    assert_int_equal(hw_photo_check(png, 2048, 2048, &type, &err), 0);
    assert_string_equal(type, "image/png");
    expect_refused(png, 2049, 2048,
                   "the photograph is 2,049 bytes (2 KiB): the limit is 2,048 bytes (2 KiB)");
    expect_refused(png, 3145728, 2097152,
                   "the photograph is 3,145,728 bytes (3 MiB): the limit is 2,097,152 bytes (2 "
                   "MiB)");
    free(png);
    expect_refused(JPEG, 0, 2048, "the photograph is empty (0 bytes): choose a JPEG or PNG image");

    /* Judged by the bytes, whatever the file claims to be. */
    static const struct {
        const char *head;
        size_t len;
        const char *what;
    } others[] = {
        {"GIF89a", 6, "a GIF image"},
        {"%PDF-1.7", 8, "a PDF document"},
        {"RIFF\x10\0\0\0WEBPVP8 ", 16, "a WebP image"},
        {"\0\0\0\x18"
         "ftypheic",
         12, "a HEIC image"},
        {"PK\x03\x04", 4, "a ZIP file (or an Office document)"},
        {"<svg xmlns=", 11, "an SVG drawing"},
        {"\x89PNG\r\n\x1a\n\0\0\0\x0dIDAT", 16, "a damaged PNG image"},
        {"\xff\xd8\x00\x00", 4, "a damaged JPEG image"},
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        unsigned char *b = file_of((const unsigned char *)others[i].head, others[i].len, 64);
        char msg[200];
        snprintf(msg, sizeof msg, "the photograph is not a JPEG or PNG image (it looks like %s)",
                 others[i].what);
        expect_refused(b, 64, 2048, msg);
        free(b);
    }
    expect_refused((const unsigned char *)"hello, world", 12, 2048,
                   "the photograph is not a JPEG or PNG image (its first bytes are neither)");
}

static void test_bytes_text(void **state)
{
    (void)state;
    char b[64];
    hw_bytes_text(0, b, sizeof b);
    assert_string_equal(b, "0 bytes");
    hw_bytes_text(999, b, sizeof b);
    assert_string_equal(b, "999 bytes");
    hw_bytes_text(34567, b, sizeof b); /* 33.76 KiB, to the nearest */
    assert_string_equal(b, "34,567 bytes (34 KiB)");
    hw_bytes_text(1535, b, sizeof b); /* 1.499 KiB */
    assert_string_equal(b, "1,535 bytes (1 KiB)");
    hw_bytes_text(1572864, b, sizeof b); /* 1.5 MiB */
    assert_string_equal(b, "1,572,864 bytes (1.5 MiB)");
    hw_bytes_text(16777216, b, sizeof b);
    assert_string_equal(b, "16,777,216 bytes (16 MiB)");
}

static void set(struct hw_profile *p, const char *name, const char *text)
{
    struct hw_err err;
    if (hw_field_set(hw_field_find(hw_profile_fields, name), p, text, &err) < 0)
        fail_msg("%s: %s", name, err.msg);
}

static void test_limits(void **state)
{
    (void)state;
    struct hw_profile p;
    struct hw_err err = {0};
    hw_profile_init(&p);
    assert_int_equal(hw_text_lines(NULL), 0);
    assert_int_equal(hw_text_lines(""), 0);
    assert_int_equal(hw_text_lines("one"), 1);
    assert_int_equal(hw_text_lines("one\ntwo\r\nthree\rfour"), 4);
    assert_int_equal(hw_text_lines("ends with a break\n"), 2);

    /* 4 lines of mobile numbers are allowed, 5 are not. */
    set(&p, "mobile", "07700 900001\n07700 900002\n07700 900003\n07700 900004");
    assert_int_equal(hw_profile_check(&p, &err), 0);
    set(&p, "mobile", "07700 900001\n07700 900002\n07700 900003\n07700 900004\n07700 900005");
    assert_int_equal(hw_profile_check(&p, &err), -1);
    assert_string_equal(err.msg,
                        "mobile: at most 4 lines, got 5 (the profile prints on one A4 page)");

    /* Bytes are checked as the field is set: 600 for risks. */
    char risks[602];
    memset(risks, 'r', 601);
    risks[601] = '\0';
    assert_int_equal(hw_field_set(hw_field_find(hw_profile_fields, "risks"), &p, risks, &err), -1);
    assert_string_equal(err.msg, "text is longer than 600 bytes");
    risks[600] = '\0';
    assert_int_equal(hw_field_set(hw_field_find(hw_profile_fields, "risks"), &p, risks, &err), 0);
    assert_int_equal(hw_field_set(hw_field_find(hw_profile_fields, "medical"), &p, "bell\a", &err),
                     -1);

    /* Every text field has a label and a line limit; the table's order is
     * hw_profile_text's. */
    assert_null(hw_profile_fields[HW_PROFILE_NTEXT + 1].name);
    set(&p, "places_found", "Bus station");
    assert_string_equal(hw_profile_text(&p, 5), "Bus station");
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        assert_true(hw_profile_labels[i].max_lines >= 4);
        assert_int_equal(hw_profile_fields[i + 1].type, HW_F_TEXT);
    }
    hw_profile_clear(&p);
}

static void test_age(void **state)
{
    (void)state;
    hw_date dob = hw_date_from_ymd(2005, 6, 1);
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2017, 5, 31)), 11);
    assert_int_equal(hw_age_years(dob, hw_date_from_ymd(2017, 6, 1)), 12);
    assert_int_equal(hw_age_years(dob, dob), 0);
    assert_int_equal(hw_age_years(dob, dob - 1), -1);
    assert_int_equal(hw_age_years(HW_NO_DATE, dob), -1);
    /* Born on 29 February: a year older on 1 March in other years. */
    hw_date leap = hw_date_from_ymd(2004, 2, 29);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2017, 2, 28)), 12);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2017, 3, 1)), 13);
    assert_int_equal(hw_age_years(leap, hw_date_from_ymd(2020, 2, 29)), 16);
}

static void test_duration(void **state)
{
    (void)state;
    char b[48];
    hw_duration_text(-5, b, sizeof b);
    assert_string_equal(b, "0 min");
    hw_duration_text(45, b, sizeof b);
    assert_string_equal(b, "45 min");
    hw_duration_text(60, b, sizeof b);
    assert_string_equal(b, "1 h");
    hw_duration_text(13 * 60 + 30, b, sizeof b);
    assert_string_equal(b, "13 h 30 min");
    hw_duration_text(47 * 60 + 59, b, sizeof b);
    assert_string_equal(b, "47 h 59 min");
    hw_duration_text(48 * 60, b, sizeof b);
    assert_string_equal(b, "2 days");
    hw_duration_text(51 * 60 + 15, b, sizeof b); /* minutes are dropped past 48 hours */
    assert_string_equal(b, "2 days 3 h");
    hw_duration_text(10 * 24 * 60 + 23 * 60 + 59, b, sizeof b);
    assert_string_equal(b, "10 days 23 h");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_photo_types), cmocka_unit_test(test_photo_check),
        cmocka_unit_test(test_bytes_text),  cmocka_unit_test(test_limits),
        cmocka_unit_test(test_age),         cmocka_unit_test(test_duration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
