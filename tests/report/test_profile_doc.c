/* test_profile_doc.c - the missing profile document (report/profile_doc.c,
 * profile_html.c): previous absences newest first with their durations
 * worked out by hand across the clock changes, the episode open now, the
 * child's details, the text, JSON and A4 page renderings, and how the page
 * is filled (absences shown and left out, text cut). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "app/profile.h"
#include "report/profile_doc.h"
#include "support/testdb.h"

static const unsigned char PNG[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0,    0,
                                    13,   'I', 'H', 'D', 'R',  0,    0,    0,    1,    0,    0,
                                    0,    1,   8,   2,   0,    0,    0,    0x90, 0x77, 0x53, 0xde};

static int setup(void **state)
{
    struct hw_test_db *db = calloc(1, sizeof *db);
    struct hw_err err;
    if (!db || hw_test_db_open(db) < 0) {
        free(db);
        return -1;
    }
    hw_test_put(db, HW_REC_CHILD, (const char *[]){"child_id",
                                                   "C1",
                                                   "first_name",
                                                   "Amy",
                                                   "last_name",
                                                   "Stone",
                                                   "date_of_birth",
                                                   "2005-06-01",
                                                   "gender",
                                                   "Female",
                                                   "placement_type",
                                                   "foster",
                                                   "placement_name",
                                                   "Oak House",
                                                   "out_of_area",
                                                   "y",
                                                   "flags",
                                                   "cse;trafficking",
                                                   "team",
                                                   "CiC",
                                                   "worker",
                                                   "Sam Patel",
                                                   "school",
                                                   "Oakwood Academy",
                                                   "case_status",
                                                   "cla",
                                                   NULL});
    hw_test_put(db, HW_REC_CHILD,
                (const char *[]){"child_id", "C2", "first_name", "Ben", "last_name", "Hill", NULL});
    /* Last seen in GMT, back in BST: the clocks went forward at 01:00 on
     * 26 March 2017, so 22:00 to 10:00 is 11 hours. */
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id",
                                 "E1",
                                 "child_id",
                                 "C1",
                                 "kind",
                                 "missing",
                                 "last_seen",
                                 "2017-03-25 22:00",
                                 "returned",
                                 "2017-03-26 10:00",
                                 "missing_from_type",
                                 "foster",
                                 "missing_from_name",
                                 "Oak House",
                                 "found_location",
                                 "Bus station",
                                 "with_children",
                                 "C2;C9",
                                 "police_ref",
                                 "MP/1",
                                 NULL});
    /* Away, all in BST: 23:30 on 1 July to 02:45 on 4 July is 51 h 15 min. */
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E2", "child_id", "C1", "kind", "absent",
                                 "last_seen", "2017-07-01 23:30", "returned", "2017-07-04 02:45",
                                 "missing_from_name", "Oak House", NULL});
    /* Last seen in BST, back in GMT: the clocks went back at 02:00 BST on
     * 29 October 2017, so 20:00 to 08:00 is 13 hours. */
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E3", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-10-28 20:00", "returned", "2017-10-29 08:00",
                                 "missing_from_type", "home", "missing_from_name", "family home",
                                 NULL});
    /* Missing now. */
    hw_test_put(db, HW_REC_EPISODE,
                (const char *[]){"episode_id", "E4", "child_id", "C1", "kind", "missing",
                                 "last_seen", "2017-11-20 21:00", "risk", "high", "police_ref",
                                 "MP/4", "missing_from_type", "foster", "missing_from_name",
                                 "Oak House", NULL});
    struct hw_profile p;
    hw_profile_init(&p);
    struct hw_actor wes = {.user = "wes", .source = "cli", .at = hw_test_local("2017-11-01 09:00")};
    hw_field_set(hw_field_find(hw_profile_fields, "description"), &p, "5'4\", <slim> & fair", &err);
    hw_field_set(hw_field_find(hw_profile_fields, "mobile"), &p, "07700 900123\n07700 900456",
                 &err);
    if (hw_profile_set(db->s, "C1", &p,
                       hw_field_mask(hw_profile_fields, "description", "mobile", NULL), &wes, NULL,
                       &err) < 0 ||
        hw_profile_set_photo(db->s, "C1", PNG, sizeof PNG, 2048, &wes, &err) < 0) {
        fprintf(stderr, "setup: %s\n", err.msg);
        hw_profile_clear(&p);
        return -1;
    }
    hw_profile_clear(&p);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    hw_test_db_close(*state);
    free(*state);
    return 0;
}

static void build(struct hw_test_db *db, const char *id, const char *now, bool photo,
                  struct hw_profile_doc *d)
{
    struct hw_err err = {0};
    if (hw_profile_doc_build(db->s, id, hw_test_local(now), "coo", photo, d, &err) < 0)
        fail_msg("build: %s", err.msg);
}

static void test_build(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_profile_doc d;
    build(db, "C1", "2017-11-21 01:15", false, &d);
    assert_int_equal(d.age, 12);
    assert_true(d.has_profile);
    assert_true(d.missing_now);
    assert_string_equal(d.open.id, "E4");
    assert_string_equal(d.open_from, "Foster care: Oak House");
    assert_string_equal(d.photo_type, "image/png");
    assert_int_equal(d.photo_size, sizeof PNG);
    assert_null(d.photo); /* the bytes only when asked for */

    /* Earlier episodes, newest first, with durations by hand. */
    assert_int_equal(d.nabsences, 3);
    assert_string_equal(d.absences[0].episode_id, "E3");
    assert_int_equal(d.absences[0].minutes, 13 * 60);
    /* The type once when the name says no more. */
    assert_string_equal(d.absences[0].missing_from, "Family home");
    assert_string_equal(d.absences[1].episode_id, "E2");
    assert_int_equal(d.absences[1].kind, HW_KIND_ABSENT);
    assert_int_equal(d.absences[1].minutes, 51 * 60 + 15);
    assert_string_equal(d.absences[1].missing_from, "Oak House");
    assert_string_equal(d.absences[2].episode_id, "E1");
    assert_int_equal(d.absences[2].minutes, 11 * 60);
    assert_string_equal(d.absences[2].missing_from, "Foster care: Oak House");
    assert_string_equal(d.absences[2].found_location, "Bus station");
    assert_string_equal(d.absences[2].with, "Ben Hill (C2); C9"); /* C9 is not recorded */

    char cells[7][320];
    hw_profile_absence_cells(&d.absences[2], cells);
    assert_string_equal(cells[0], "25 Mar 2017 22:00");
    assert_string_equal(cells[1], "26 Mar 2017 10:00");
    assert_string_equal(cells[2], "11 h");
    assert_string_equal(cells[3], "Missing");
    hw_profile_absence_cells(&d.absences[1], cells);
    assert_string_equal(cells[2], "2 days 3 h");
    assert_string_equal(cells[3], "Away");
    hw_profile_doc_free(&d);

    /* Before the profile and the episodes: none of them. */
    struct hw_err err = {0};
    assert_int_equal(
        hw_profile_doc_build(db->s, "C9", hw_test_local("2017-11-21 01:15"), NULL, false, &d, &err),
        -1);
    assert_int_equal(err.kind, HW_ENOTFOUND);
    build(db, "C2", "2017-11-21 01:15", true, &d);
    assert_false(d.has_profile);
    assert_false(d.missing_now);
    assert_int_equal(d.nabsences, 0);
    assert_int_equal(d.age, -1);
    assert_null(d.photo_type);
    hw_profile_doc_free(&d);
}

static void test_text(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_profile_doc d;
    struct hw_buf out = {0};
    build(db, "C1", "2017-11-21 01:15", false, &d);
    hw_profile_doc_text(&d, &out);
    const char *t = out.data;
    assert_non_null(strstr(t, "MISSING PROFILE: Amy Stone (C1)\n"));
    assert_non_null(strstr(t, "Produced 21 Nov 2017 01:15 by coo."));
    assert_non_null(strstr(t, "MISSING NOW since 20 Nov 2017 21:00 (4 h 15 min), episode E4, "
                              "high risk, police reference MP/4, missing from Foster care: Oak "
                              "House.\n"));
    assert_non_null(strstr(t, "Date of birth          1 Jun 2005 (age 12)\n"));
    assert_non_null(strstr(t, "Placement              Foster care: Oak House (out of area)\n"));
    assert_non_null(strstr(t, "Case status            Child looked after\n"));
    assert_non_null(strstr(t, "Risk flags             Child sexual exploitation; Trafficked\n"));
    assert_non_null(strstr(t, "Ethnicity              Not recorded\n"));
    assert_non_null(strstr(t, "Photograph             image/png, 33 bytes, uploaded 1 Nov 2017 "
                              "09:00 by wes\n"));
    assert_non_null(strstr(t, "Mobile numbers\n  07700 900123\n  07700 900456\n"));
    assert_non_null(strstr(t, "Medical needs\n  Not recorded\n"));
    assert_non_null(strstr(t, "Previous absences (3), newest first\n"));
    /* The rows, newest first. */
    const char *e3 = strstr(t, "28 Oct 2017 20:00  29 Oct 2017 08:00"),
               *e2 = strstr(t, "1 Jul 2017 23:30"), *e1 = strstr(t, "25 Mar 2017 22:00");
    assert_non_null(e3);
    assert_non_null(e2);
    assert_non_null(e1);
    assert_true(e3 < e2 && e2 < e1);
    assert_non_null(strstr(t, "13 h "));
    assert_non_null(strstr(t, "Ben Hill (C2); C9"));
    assert_non_null(strstr(t, "Profile last updated 1 Nov 2017 09:00 by wes.\n"));
    hw_buf_free(&out);
    hw_profile_doc_free(&d);
}

static void test_json(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_profile_doc d;
    build(db, "C1", "2017-11-21 01:15", false, &d);
    json_t *o = hw_profile_doc_json(&d, "/api/v1/children/C1/photo");
    json_t *child = json_object_get(o, "child"), *now = json_object_get(o, "missing_now");
    assert_string_equal(json_string_value(json_object_get(child, "name")), "Amy Stone");
    assert_int_equal(json_integer_value(json_object_get(child, "age")), 12);
    assert_true(json_is_true(json_object_get(child, "out_of_area")));
    assert_string_equal(json_string_value(json_array_get(json_object_get(child, "flags"), 1)),
                        "trafficking");
    assert_string_equal(json_string_value(json_object_get(now, "episode_id")), "E4");
    assert_int_equal(json_integer_value(json_object_get(now, "minutes_so_far")), 255);
    assert_string_equal(json_string_value(json_object_get(now, "last_seen")),
                        "2017-11-20T21:00:00+00:00");
    json_t *abs = json_object_get(o, "previous_absences");
    assert_int_equal(json_array_size(abs), 3);
    json_t *e3 = json_array_get(abs, 0), *e2 = json_array_get(abs, 1), *e1 = json_array_get(abs, 2);
    assert_string_equal(json_string_value(json_object_get(e3, "last_seen")),
                        "2017-10-28T20:00:00+01:00");
    assert_string_equal(json_string_value(json_object_get(e3, "returned")),
                        "2017-10-29T08:00:00+00:00");
    assert_int_equal(json_integer_value(json_object_get(e3, "minutes")), 780);
    assert_int_equal(json_integer_value(json_object_get(e2, "minutes")), 3075);
    assert_string_equal(json_string_value(json_object_get(e2, "kind")), "absent");
    assert_string_equal(json_string_value(json_object_get(e2, "duration")), "2 days 3 h");
    assert_int_equal(json_integer_value(json_object_get(e1, "minutes")), 660);
    assert_string_equal(json_string_value(json_object_get(e1, "with")), "Ben Hill (C2); C9");
    json_t *p = json_object_get(o, "profile");
    assert_string_equal(json_string_value(json_object_get(p, "description")),
                        "5'4\", <slim> & fair");
    assert_true(json_is_null(json_object_get(p, "risks")));
    assert_string_equal(json_string_value(json_object_get(p, "updated_by")), "wes");
    json_t *photo = json_object_get(o, "photo");
    assert_string_equal(json_string_value(json_object_get(photo, "url")),
                        "/api/v1/children/C1/photo");
    assert_int_equal(json_integer_value(json_object_get(photo, "bytes")), 33);
    assert_true(json_is_null(json_object_get(o, "sent_to_police")));
    json_decref(o);
    hw_profile_doc_free(&d);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

static void test_html(void **state)
{
    struct hw_test_db *db = *state;
    struct hw_profile_doc d;
    struct hw_buf out = {0};
    build(db, "C1", "2017-11-21 01:15", true, &d);
    hw_profile_doc_html(&d, &out);
    const char *h = out.data;
    assert_int_equal(strncmp(h, "<!DOCTYPE html>", 15), 0);
    assert_non_null(strstr(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                              "'none'; style-src 'unsafe-inline'; img-src data:\">"));
    assert_non_null(strstr(h, "@page{size:A4;margin:10mm}"));
    /* Self-contained: no scripts, nothing from elsewhere. */
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "http://"));
    assert_null(strstr(h, "https://"));
    assert_null(strstr(h, "onload="));
    assert_null(strstr(h, "onerror="));
    assert_null(strstr(h, "javascript:"));
    /* The photograph, embedded. */
    char b64[128], want[256];
    sodium_bin2base64(b64, sizeof b64, PNG, sizeof PNG, sodium_base64_VARIANT_ORIGINAL);
    snprintf(want, sizeof want,
             "<img src=\"data:image/png;base64,%s\" alt=\"Photograph of Amy "
             "Stone, uploaded 1 Nov 2017 09:00\">",
             b64);
    assert_non_null(strstr(h, want));
    /* Escaped text. */
    assert_non_null(strstr(h, "5&#39;4&quot;, &lt;slim&gt; &amp; fair"));
    assert_null(strstr(h, "<slim>"));
    assert_non_null(strstr(h, "<strong>Missing now</strong>since 20 Nov 2017 21:00 (4 h 15 min) "
                              "\xc2\xb7 High risk \xc2\xb7 Police reference MP/4"));
    assert_non_null(strstr(h, "Previous absences (3), newest first"));
    assert_int_equal(count(h, "<tr>"), 4); /* the header and three absences */
    assert_null(strstr(h, "class=\"more\""));
    assert_non_null(strstr(h, "Printed 21 Nov 2017 01:15 by coo from Homeward."));
    hw_buf_free(&out);
    hw_profile_doc_free(&d);
}

/* A document by hand for the page's plan: child C1 with no name, n
 * absences, each text field `len` bytes of one word (no spaces). */
static void plan_doc(struct hw_profile_doc *d, size_t n, size_t len)
{
    memset(d, 0, sizeof *d);
    hw_record_init(hw_child_fields, &d->child);
    hw_record_init(hw_episode_fields, &d->open);
    hw_profile_init(&d->profile);
    d->child.id = hw_strdup("C1");
    d->absences = calloc(n ? n : 1, sizeof *d->absences);
    d->nabsences = n;
    for (size_t i = 0; len && i < HW_PROFILE_NTEXT; i++) {
        char *s = malloc(len + 1);
        memset(s, 'x', len);
        s[len] = '\0';
        *(char **)((char *)&d->profile + hw_profile_fields[i + 1].offset) = s;
    }
}

static void test_print_plan(void **state)
{
    (void)state;
    struct hw_profile_doc d;
    struct hw_print_plan plan;

    /* No text: 8 labels and 8 "Not recorded" lines; room for 12 absences
     * of 15, so 3 are left out. */
    plan_doc(&d, 15, 0);
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.text_lines, 16);
    assert_int_equal(plan.shown, 12);
    assert_int_equal(plan.more, 3);
    assert_false(plan.cuts);
    hw_profile_doc_free(&d);

    /* Fewer absences than the most the page shows: all of them. */
    plan_doc(&d, 2, 0);
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.shown, 2);
    assert_int_equal(plan.more, 0);
    hw_profile_doc_free(&d);

    /* Every field 600 bytes on one line: 10 lines each and its label, 88
     * lines; the text's columns take 20 + (88 x 36 + 8 x 12 + 1) / 2 + 36
     * = 1688 tenths of a mm. The rest of the page takes 875 (the header
     * 150, the photograph and details 485, the table's heading 110, the
     * "more" line 45, the slack 20, a footer of one line 65), leaving 1895:
     * 207 over the text, room for 4 rows of 45. */
    plan_doc(&d, 15, 600);
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.text_lines, 88);
    assert_int_equal(plan.shown, 4);
    assert_int_equal(plan.more, 11);
    assert_false(plan.cuts);
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++)
        assert_int_equal(plan.cut[i], 600);
    hw_profile_doc_free(&d);

    /* A name of 60 letters takes a second line (70): 3 rows fit, not 4. */
    plan_doc(&d, 15, 600);
    d.child.first_name = calloc(61, 1);
    memset(d.child.first_name, 'A', 60);
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.shown, 3);
    assert_false(plan.cuts);
    hw_profile_doc_free(&d);

    /* 900 bytes each: 128 lines, more than the page holds beside 3 rows.
     * The text may take 1895 - 3 x 45 = 1760, so at most 92 lines: 36
     * lines come off, a line from each field in turn (the first first):
     * four rounds, then four more. A field of 10 lines prints 9 lines (540
     * bytes) and the line that says it was cut; one of 11 lines, 600. */
    plan_doc(&d, 15, 900);
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.text_lines, 92);
    assert_int_equal(plan.shown, 3);
    assert_true(plan.cuts);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(plan.cut[i], 540);
    for (size_t i = 4; i < HW_PROFILE_NTEXT; i++)
        assert_int_equal(plan.cut[i], 600);
    struct hw_buf out = {0};
    hw_profile_doc_html(&d, &out);
    assert_int_equal(count(out.data, "Cut to fit the page: the whole text is in Homeward."), 8);
    assert_non_null(strstr(out.data, "<p class=\"more\">And 12 earlier absences, not shown to keep "
                                     "the profile on one page: the full list is in Homeward.</p>"));
    hw_buf_free(&out);
    hw_profile_doc_free(&d);

    /* A cut falls at a space near the line's end, not inside a word. */
    plan_doc(&d, 3, 900);
    char *desc = d.profile.description;
    desc[530] = ' ';
    hw_profile_print_plan(&d, &plan);
    assert_int_equal(plan.cut[0], 530);
    hw_profile_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_build, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html, setup, teardown),
        cmocka_unit_test(test_print_plan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
