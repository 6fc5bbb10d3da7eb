/* test_config.c - rule thresholds: defaults, strict setting, parsing, writing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/config.h"

static void test_defaults(void **state)
{
    (void)state;
    struct hw_config c;
    memset(&c, 0x5a, sizeof c);
    hw_config_defaults(&c);
    assert_int_equal(c.overnight_min_minutes, 360);
    assert_int_equal(c.overnight_window_start_hour, 0);
    assert_int_equal(c.overnight_window_end_hour, 6);
    assert_int_equal(c.long_episode_minutes, 540);
    assert_int_equal(c.repeat_window_days, 28);
    assert_int_equal(c.repeat_min_episodes, 2);
    assert_int_equal(c.rhi_due_hours, 72);
    assert_int_equal(c.interview_cover_days, 7);
    assert_int_equal(c.persistent_quarter_min, 3);
    assert_int_equal(c.persistent_month_min, 3);
    assert_int_equal(c.high_strategy_hours, 0);
    assert_int_equal(c.high_ntk_hours, 0);
    assert_int_equal(c.missing_persons_bureau_hours, 0);
    assert_int_equal(c.ceop_hours, 0);
    assert_int_equal(c.high_review_first_hours, 72);
    assert_int_equal(c.high_review_interval_hours, 72);
    assert_int_equal(c.medium_ntk_hours, 24);
    assert_int_equal(c.medium_meeting_hours, 72);
    assert_int_equal(c.medium_review_interval_hours, 120);
    assert_int_equal(c.long_missing_strategy_hours, 72);
    assert_int_equal(c.iro_inform_hours, 0);
    assert_int_equal(c.cpp_conference_working_days, 20);
    assert_int_equal(c.nrm_referral_hours, 24);
    assert_int_equal(c.safe_well_high_hours, 1);
    assert_int_equal(c.photo_max_bytes, 2 * 1024 * 1024);
    assert_int_equal(c.police_profile_days, 7);
    assert_int_equal(c.safe_well_other_hours, 3);
    assert_int_equal(c.record_update_working_days, 5);
}

/* Every member is in the table exactly once, with a sane range and help. */
static void test_key_table(void **state)
{
    (void)state;
    size_t n = 0;
    unsigned char covered[sizeof(struct hw_config)];
    memset(covered, 0, sizeof covered);
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++, n++) {
        assert_true(k->min <= k->def);
        assert_true(k->def <= k->max);
        assert_non_null(k->help);
        assert_true(strlen(k->help) > 10);
        assert_null(strchr(k->help, '\n'));
        assert_true(k->offset % sizeof(int) == 0);
        assert_true(k->offset + sizeof(int) <= sizeof(struct hw_config));
        assert_int_equal(covered[k->offset], 0);
        covered[k->offset] = 1;
        for (const struct hw_config_key *j = hw_config_keys; j != k; j++)
            assert_string_not_equal(j->name, k->name);
    }
    assert_int_equal(n, sizeof(struct hw_config) / sizeof(int));
    assert_int_equal(n, 30);
    /* intervals must be at least an hour, or escalation could loop */
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++)
        if (strstr(k->name, "interval"))
            assert_true(k->min >= 1);
}

static void test_set_ok(void **state)
{
    (void)state;
    struct hw_config c;
    struct hw_err err;
    hw_config_defaults(&c);
    assert_int_equal(hw_config_set(&c, "rhi_due_hours", "48", &err), 0);
    assert_int_equal(c.rhi_due_hours, 48);
    assert_int_equal(hw_config_set(&c, "rhi_due_hours", "0", &err), 0);
    assert_int_equal(c.rhi_due_hours, 0);
    assert_int_equal(hw_config_set(&c, "rhi_due_hours", "8760", &err), 0);
    assert_int_equal(c.rhi_due_hours, 8760);
    assert_int_equal(hw_config_set(&c, "overnight_window_end_hour", "24", &err), 0);
    assert_int_equal(c.overnight_window_end_hour, 24);
    assert_int_equal(hw_config_set(&c, "repeat_min_episodes", "007", &err), 0);
    assert_int_equal(c.repeat_min_episodes, 7);
    /* the rest is untouched */
    assert_int_equal(c.long_episode_minutes, 540);
}

static void test_set_unknown(void **state)
{
    (void)state;
    struct hw_config c, before;
    struct hw_err err;
    hw_config_defaults(&c);
    before = c;
    hw_err_clear(&err);
    assert_int_equal(hw_config_set(&c, "rhi_due_days", "3", &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, "unknown setting 'rhi_due_days'");
    assert_int_equal(hw_config_set(&c, "", "3", &err), -1);
    assert_string_equal(err.msg, "unknown setting ''");
    assert_int_equal(hw_config_set(&c, "RHI_DUE_HOURS", "3", &err), -1);
    assert_memory_equal(&c, &before, sizeof c);
    /* NULL err is allowed */
    assert_int_equal(hw_config_set(&c, "nope", "3", NULL), -1);
}

static void test_set_bad_values(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "abc",
        "12a",
        " 12",
        "12 ",
        "+5",
        "-1",
        "-0",
        "1.5",
        "0x10",
        "1e3",
        "8761",
        "2147483647",
        "2147483648",
        "99999999999999999999999",
        "18446744073709551621",
        "-",
        "--1",
    };
    struct hw_config c, before;
    struct hw_err err;
    hw_config_defaults(&c);
    before = c;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hw_err_clear(&err);
        assert_int_equal(hw_config_set(&c, "rhi_due_hours", bad[i], &err), -1);
        assert_int_equal(err.kind, HW_EINPUT);
        char want[200];
        snprintf(want, sizeof want,
                 "setting 'rhi_due_hours' must be a whole number from 0 to 8760, got '%s'", bad[i]);
        assert_string_equal(err.msg, want);
    }
    assert_memory_equal(&c, &before, sizeof c);

    /* ranges are per key */
    assert_int_equal(hw_config_set(&c, "high_review_interval_hours", "0", &err), -1);
    assert_string_equal(err.msg, "setting 'high_review_interval_hours' must be a whole number "
                                 "from 1 to 8760, got '0'");
    assert_int_equal(hw_config_set(&c, "overnight_window_start_hour", "24", &err), -1);
    assert_string_equal(err.msg, "setting 'overnight_window_start_hour' must be a whole number "
                                 "from 0 to 23, got '24'");
    assert_int_equal(hw_config_set(&c, "overnight_window_end_hour", "25", &err), -1);
    assert_int_equal(hw_config_set(&c, "overnight_window_end_hour", "0", &err), -1);
    assert_memory_equal(&c, &before, sizeof c);
}

static void test_parse_ok(void **state)
{
    (void)state;
    const char *text = "# Homeward thresholds\n"
                       "\n"
                       "rhi_due_hours = 48\r\n"
                       "   \t  \n"
                       "\tmedium_ntk_hours\t=\t12   # a local variation\n"
                       "  # indented comment = 5\n"
                       "repeat_min_episodes=3\r\n"
                       "overnight_window_end_hour = 7"; /* no final newline */
    struct hw_config c;
    struct hw_err err;
    hw_config_defaults(&c);
    hw_err_clear(&err);
    assert_int_equal(hw_config_parse(&c, text, "homeward.conf", &err), 0);
    assert_int_equal(c.rhi_due_hours, 48);
    assert_int_equal(c.medium_ntk_hours, 12);
    assert_int_equal(c.repeat_min_episodes, 3);
    assert_int_equal(c.overnight_window_end_hour, 7);
    assert_int_equal(c.long_episode_minutes, 540); /* not given: default kept */

    struct hw_config d, before;
    hw_config_defaults(&d);
    before = d;
    assert_int_equal(hw_config_parse(&d, "", "empty.conf", &err), 0);
    assert_int_equal(hw_config_parse(&d, "\n\r\n# nothing\n", NULL, &err), 0);
    assert_memory_equal(&d, &before, sizeof d);
}

/* Parses text into defaults; expects failure with message msg and nothing changed. */
static void expect_parse_error(const char *text, const char *msg)
{
    struct hw_config c, before;
    struct hw_err err;
    hw_config_defaults(&c);
    before = c;
    hw_err_clear(&err);
    assert_int_equal(hw_config_parse(&c, text, "f.conf", &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_string_equal(err.msg, msg);
    assert_memory_equal(&c, &before, sizeof c);
}

static void test_parse_errors(void **state)
{
    (void)state;
    /* the valid first line is not applied either: all or nothing */
    expect_parse_error("rhi_due_hours = 48\n# ok\nmedium_ntk_hours 12\n",
                       "f.conf:3: expected 'key = value', got 'medium_ntk_hours 12'");
    expect_parse_error("rhi_due_hours = 48\r\nmedium_ntk_hourz = 12\r\n",
                       "f.conf:2: unknown setting 'medium_ntk_hourz'");
    expect_parse_error("rhi_due_hours = 48\nrhi_due_hours = 24\n",
                       "f.conf:2: setting 'rhi_due_hours' given twice (first on line 1)");
    expect_parse_error("rhi_due_hours =\n", "f.conf:1: setting 'rhi_due_hours' must be a whole "
                                            "number from 0 to 8760, got ''");
    expect_parse_error("rhi_due_hours = 4 8\n", "f.conf:1: setting 'rhi_due_hours' must be a "
                                                "whole number from 0 to 8760, got '4 8'");
    expect_parse_error("rhi_due_hours = 72 hours\n", "f.conf:1: setting 'rhi_due_hours' must be "
                                                     "a whole number from 0 to 8760, got '72 "
                                                     "hours'");
    expect_parse_error("\n\n= 5\n", "f.conf:3: missing setting name before '='");
    expect_parse_error("rhi due hours = 5\n", "f.conf:1: unknown setting 'rhi due hours'");
    expect_parse_error("overnight_window_start_hour = 6\n",
                       "f.conf:1: overnight_window_start_hour (6) must be before "
                       "overnight_window_end_hour (6)");
    expect_parse_error("overnight_window_start_hour = 2\n\novernight_window_end_hour = 1\n",
                       "f.conf:3: overnight_window_start_hour (2) must be before "
                       "overnight_window_end_hour (1)");

    /* a NULL filename still gives a prefix */
    struct hw_config c;
    struct hw_err err;
    hw_config_defaults(&c);
    assert_int_equal(hw_config_parse(&c, "x = 1", NULL, &err), -1);
    assert_string_equal(err.msg, "<config>:1: unknown setting 'x'");
}

/* The window is checked as a whole: a file may move both ends in any order. */
static void test_parse_window_order(void **state)
{
    (void)state;
    struct hw_config c;
    struct hw_err err;
    hw_config_defaults(&c);
    assert_int_equal(hw_config_parse(&c,
                                     "overnight_window_start_hour = 22\n"
                                     "overnight_window_end_hour = 24\n",
                                     "f.conf", &err),
                     0);
    assert_int_equal(c.overnight_window_start_hour, 22);
    assert_int_equal(c.overnight_window_end_hour, 24);
}

static void test_write_round_trip(void **state)
{
    (void)state;
    struct hw_config c, d, e;
    struct hw_buf buf = {0};
    struct hw_err err;

    /* defaults */
    hw_config_defaults(&c);
    hw_config_write(&c, &buf);
    assert_non_null(strstr(buf.data, "\nrhi_due_hours = 72  # BCP guidance 12.1: "));
    memset(&d, 0, sizeof d);
    d.overnight_window_end_hour = 1; /* a valid starting point */
    assert_int_equal(hw_config_parse(&d, buf.data, "written.conf", &err), 0);
    assert_memory_equal(&c, &d, sizeof c);

    /* every key changed to a different value */
    int i = 0;
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++, i++) {
        char v[16];
        int val = k->def + 1 <= k->max ? k->def + 1 : k->def - 1;
        snprintf(v, sizeof v, "%d", val);
        assert_int_equal(hw_config_set(&c, k->name, v, &err), 0);
    }
    c.overnight_window_start_hour = 2;
    c.overnight_window_end_hour = 5;
    hw_buf_reset(&buf);
    hw_config_write(&c, &buf);
    hw_config_defaults(&e);
    assert_memory_not_equal(&c, &e, sizeof c);
    assert_int_equal(hw_config_parse(&e, buf.data, "written.conf", &err), 0);
    assert_memory_equal(&c, &e, sizeof c);
    assert_int_equal(e.rhi_due_hours, 73);
    assert_int_equal(e.overnight_window_start_hour, 2);

    /* one line per key, plus the heading comment */
    int lines = 0;
    for (const char *p = buf.data; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, i + 1);
    hw_buf_free(&buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),         cmocka_unit_test(test_key_table),
        cmocka_unit_test(test_set_ok),           cmocka_unit_test(test_set_unknown),
        cmocka_unit_test(test_set_bad_values),   cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),     cmocka_unit_test(test_parse_window_order),
        cmocka_unit_test(test_write_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
