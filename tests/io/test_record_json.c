/* test_record_json.c - records as JSON objects through the field tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "io/record_json.h"

static void set(const struct hw_field *table, void *rec, const char *name, const char *text)
{
    struct hw_err err = {0};
    const struct hw_field *f = hw_field_find(table, name);
    assert_non_null(f);
    if (hw_field_set(f, rec, text, &err) != 0)
        fail_msg("%s = '%s' refused: %s", name, text, err.msg);
}

/* Asserts the compact JSON text of v (keys in the order set) and drops v. */
static void dumps_is(json_t *v, const char *expected)
{
    assert_non_null(v);
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
    assert_non_null(s);
    assert_string_equal(s, expected);
    free(s);
    json_decref(v);
}

static void test_full_episode(void **state)
{
    (void)state;
    static const char *const kv[][2] = {
        {"episode_id", "E-1"},
        {"child_id", "C-1/a"},
        {"kind", "Missing"},
        {"last_seen", "2024-07-01 22:15:30"},
        {"reported", "2024-07-01 23:00"},
        {"returned", "02/12/2024 08:05"},
        {"risk", "HIGH"},
        {"missing_from_type", "foster"},
        {"missing_from_name", "Carers' \"home\""},
        {"out_of_area", "yes"},
        {"case_status", "CLA"},
        {"police_ref", "PR/2024/1"},
        {"reported_by", "Carer"},
        {"harmed", "no"},
        {"crime_while_absent", "y"},
        {"found_location", "Zo\xc3\xab's\tflat\nTown"},
        {"with_children", "C-2; C-3;;"},
    };
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
        set(hw_episode_fields, &e, kv[i][0], kv[i][1]);
    dumps_is(hw_record_json(hw_episode_fields, &e),
             "{\"episode_id\":\"E-1\",\"child_id\":\"C-1/a\",\"kind\":\"missing\","
             "\"last_seen\":\"2024-07-01T22:15:30+01:00\","
             "\"reported\":\"2024-07-01T23:00:00+01:00\","
             "\"returned\":\"2024-12-02T08:05:00+00:00\",\"risk\":\"high\","
             "\"missing_from_type\":\"foster\",\"missing_from_name\":\"Carers' \\\"home\\\"\","
             "\"out_of_area\":\"y\",\"case_status\":\"cla\",\"police_ref\":\"PR/2024/1\","
             "\"reported_by\":\"Carer\",\"harmed\":\"n\",\"crime_while_absent\":\"y\","
             "\"found_location\":\"Zo\xc3\xab's\\tflat\\nTown\","
             "\"with_children\":[\"C-2\",\"C-3\"],\"safe_well_at\":null}");
    hw_record_clear(hw_episode_fields, &e);
}

static void test_empty_episode(void **state)
{
    (void)state;
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    dumps_is(hw_record_json(hw_episode_fields, &e),
             "{\"episode_id\":null,\"child_id\":null,\"kind\":null,\"last_seen\":null,"
             "\"reported\":null,\"returned\":null,\"risk\":null,\"missing_from_type\":null,"
             "\"missing_from_name\":null,\"out_of_area\":null,\"case_status\":null,"
             "\"police_ref\":null,\"reported_by\":null,\"harmed\":null,"
             "\"crime_while_absent\":null,\"found_location\":null,\"with_children\":[],\"safe_well_"
             "at\":null}");
}

static void test_child(void **state)
{
    (void)state;
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    json_t *o = hw_record_json(hw_child_fields, &c);
    assert_int_equal(json_object_size(o), 18);
    assert_true(json_is_array(json_object_get(o, "flags")));
    assert_int_equal(json_array_size(json_object_get(o, "flags")), 0);
    assert_true(json_is_null(json_object_get(o, "date_of_birth")));
    assert_true(json_is_null(json_object_get(o, "case_status")));
    json_decref(o);

    set(hw_child_fields, &c, "child_id", "C1");
    set(hw_child_fields, &c, "date_of_birth", "17/05/2010");
    set(hw_child_fields, &c, "flags", "drugs;CSE");
    set(hw_child_fields, &c, "out_of_area", "No");
    set(hw_child_fields, &c, "placement_type", "la_home");
    o = hw_record_json(hw_child_fields, &c);
    dumps_is(json_incref(json_object_get(o, "date_of_birth")), "\"2010-05-17\"");
    dumps_is(json_incref(json_object_get(o, "flags")), "[\"cse\",\"drugs\"]");
    dumps_is(json_incref(json_object_get(o, "out_of_area")), "\"n\"");
    dumps_is(json_incref(json_object_get(o, "placement_type")), "\"la_home\"");
    dumps_is(json_incref(json_object_get(o, "first_name")), "null");
    json_decref(o);
    hw_record_clear(hw_child_fields, &c);
}

static void test_interview(void **state)
{
    (void)state;
    struct hw_interview iv;
    hw_record_init(hw_interview_fields, &iv);
    json_t *o = hw_record_json(hw_interview_fields, &iv);
    /* a whole number not recorded is null, like every other field */
    dumps_is(json_incref(json_object_get(o, "attempts")), "null");
    dumps_is(json_incref(json_object_get(o, "episode_ids")), "[]");
    dumps_is(json_incref(json_object_get(o, "shared_with_police")), "null");
    dumps_is(json_incref(json_object_get(o, "offered")), "null");
    dumps_is(json_incref(json_object_get(o, "lateness_reason")), "null");
    json_decref(o);

    set(hw_interview_fields, &iv, "interview_id", "I1");
    set(hw_interview_fields, &iv, "episode_ids", "E2;E1");
    set(hw_interview_fields, &iv, "attempts", "3");
    set(hw_interview_fields, &iv, "offered", "2024-10-27 00:30");   /* BST */
    set(hw_interview_fields, &iv, "completed", "2024-10-27 02:30"); /* GMT */
    set(hw_interview_fields, &iv, "shared_with_police", "2024-10-28");
    set(hw_interview_fields, &iv, "screening", "none");
    set(hw_interview_fields, &iv, "lateness_reason", "Missing_Again");
    o = hw_record_json(hw_interview_fields, &iv);
    assert_int_equal(json_object_size(o), 18);
    dumps_is(json_incref(json_object_get(o, "lateness_reason")), "\"missing_again\"");
    dumps_is(json_incref(json_object_get(o, "attempts")), "3");
    dumps_is(json_incref(json_object_get(o, "episode_ids")), "[\"E2\",\"E1\"]");
    dumps_is(json_incref(json_object_get(o, "offered")), "\"2024-10-27T00:30:00+01:00\"");
    dumps_is(json_incref(json_object_get(o, "completed")), "\"2024-10-27T02:30:00+00:00\"");
    dumps_is(json_incref(json_object_get(o, "shared_with_police")), "\"2024-10-28\"");
    dumps_is(json_incref(json_object_get(o, "screening")), "\"none\"");
    json_decref(o);
    hw_record_clear(hw_interview_fields, &iv);
}

static void test_time_json(void **state)
{
    (void)state;
    dumps_is(hw_time_json(HW_NO_TIME), "null");
    /* the 1996 rule for every year (no 1968-71 British Standard Time) */
    dumps_is(hw_time_json(0), "\"1970-01-01T00:00:00+00:00\"");
    /* summer and winter */
    dumps_is(hw_time_json(1719826200), "\"2024-07-01T10:30:00+01:00\"");
    dumps_is(hw_time_json(1705314600), "\"2024-01-15T10:30:00+00:00\"");
    /* the clock changes of 2024, to the second (01:00 UTC both times) */
    dumps_is(hw_time_json(1711846799), "\"2024-03-31T00:59:59+00:00\"");
    dumps_is(hw_time_json(1711846800), "\"2024-03-31T02:00:00+01:00\"");
    dumps_is(hw_time_json(1729990799), "\"2024-10-27T01:59:59+01:00\"");
    dumps_is(hw_time_json(1729990800), "\"2024-10-27T01:00:00+00:00\"");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_episode), cmocka_unit_test(test_empty_episode),
        cmocka_unit_test(test_child),        cmocka_unit_test(test_interview),
        cmocka_unit_test(test_time_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
