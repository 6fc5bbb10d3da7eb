/* test_monthly_report.c - the monthly profile from stored records.
 *
 * Hand-built data that reproduces the April 2017 column of the Croydon
 * table (seed 001): 79 children missing, 26 offered, 14 done, 149 episodes,
 * 18 done, 32.91%, 12.08%, 10.66%. How the numbers arise:
 *
 *   children C01-C60 looked after, 2 episodes each, C01 and C02 a third:
 *                                           122 LAC episodes
 *   children C61-C79 at home, 1 episode each, C61-C68 a second:
 *                                            27 other episodes -> 149
 *   completed interviews: C01 all 3 (one interview covers two of them),
 *     C02 2, C03-C10 1 each                  13 LAC episodes done (10.66%)
 *     C61 both, C62-C64 1 each                5 others -> 18 done (12.08%)
 *     children done: 10 + 4                  14
 *   offered but not done: C11-C20 declined, C65-C66 offered and pending
 *     children offered: 14 + 12              26 of 79 (32.91%)
 *
 * And what must not count: C80, placed by another council, with five
 * episodes and completed interviews; three away-without-authorisation
 * episodes of C21; an episode at 23:59 on 31 March (March) and one at 00:00
 * on 1 May (May). C01's first April episode starts at 00:30 on 1 April BST
 * (23:30 UTC on 31 March) and counts in April.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "support/tmpdir.h"

#include "report/monthly_report.h"

struct fixture {
    char dir[64];
    char path[96];
    struct hw_store *store;
    int episodes, interviews;
};

static hw_instant local(int y, int m, int d, int hh, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, m, d, hh, mi, 0, &t), 0);
    return t;
}

static void put_child(struct fixture *fx, const char *id, int status, const char *ola)
{
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    c.id = strdup(id);
    c.case_status = status;
    c.responsible_authority = ola ? strdup(ola) : NULL;
    assert_int_equal(hw_store_put(fx->store, HW_REC_CHILD, &c, NULL, NULL), 0);
    hw_record_clear(hw_child_fields, &c);
}

/* Stores an episode and returns its ID in id (at least 16 bytes). */
static void put_episode(struct fixture *fx, const char *child, int kind, int status,
                        hw_instant last_seen, char *id)
{
    struct hw_episode e;
    hw_record_init(hw_episode_fields, &e);
    snprintf(id, 16, "E%04d", ++fx->episodes);
    e.id = strdup(id);
    e.child_id = strdup(child);
    e.kind = kind;
    e.case_status = status;
    e.last_seen = last_seen;
    e.returned = last_seen + 2 * HW_HOUR;
    assert_int_equal(hw_store_put(fx->store, HW_REC_EPISODE, &e, NULL, NULL), 0);
    hw_record_clear(hw_episode_fields, &e);
}

static void put_interview(struct fixture *fx, const char *child, const char *episodes, int outcome,
                          hw_instant offered)
{
    struct hw_interview iv;
    char id[16];
    hw_record_init(hw_interview_fields, &iv);
    snprintf(id, sizeof id, "I%04d", ++fx->interviews);
    iv.id = strdup(id);
    iv.child_id = strdup(child);
    iv.episode_ids = strdup(episodes);
    iv.decision = HW_DEC_REQUIRED;
    iv.outcome = outcome;
    iv.offered = offered;
    if (outcome == HW_OUT_COMPLETED)
        iv.completed = offered + HW_DAY;
    assert_int_equal(hw_store_put(fx->store, HW_REC_INTERVIEW, &iv, NULL, NULL), 0);
    hw_record_clear(hw_interview_fields, &iv);
}

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    struct hw_err err;
    char ids[4][16], child[8];
    assert_int_equal(hw_test_mkdtemp(fx->dir, sizeof fx->dir), 0);
    snprintf(fx->path, sizeof fx->path, "%s/t.db", fx->dir);
    assert_int_equal(hw_store_open(fx->path, &fx->store, &err), 0);
    assert_int_equal(hw_store_begin(fx->store, &err), 0);

    for (int i = 1; i <= 79; i++) {
        snprintf(child, sizeof child, "C%02d", i);
        int status = i <= 60 ? HW_CS_CLA : HW_CS_CIN;
        int n = i <= 60 ? (i <= 2 ? 3 : 2) : (i <= 68 ? 2 : 1);
        put_child(fx, child, status, NULL);
        for (int k = 0; k < n; k++) {
            /* Days 2, 7, 12 of April; C01's first at 00:30 on the 1st. */
            hw_instant t = i == 1 && k == 0 ? local(2017, 4, 1, 0, 30)
                                            : local(2017, 4, 2 + 5 * k, 10 + i / 60, i % 60);
            put_episode(fx, child, HW_KIND_MISSING, status, t, ids[k]);
        }
        hw_instant offer = local(2017, 4, 20, 10, 0);
        char both[40];
        if (i == 1) {
            snprintf(both, sizeof both, "%s;%s", ids[0], ids[1]);
            put_interview(fx, child, both, HW_OUT_COMPLETED, offer);
            put_interview(fx, child, ids[2], HW_OUT_COMPLETED, offer);
        } else if (i == 2 || i == 61) {
            put_interview(fx, child, ids[0], HW_OUT_COMPLETED, offer);
            put_interview(fx, child, ids[1], HW_OUT_COMPLETED, offer);
        } else if (i <= 10 || (i >= 62 && i <= 64)) {
            put_interview(fx, child, ids[0], HW_OUT_COMPLETED, offer);
        } else if (i >= 11 && i <= 20) {
            put_interview(fx, child, ids[0], HW_OUT_DECLINED, offer);
        } else if (i == 65 || i == 66) {
            put_interview(fx, child, ids[0], HW_OUT_PENDING, offer);
        }
        if (i == 21)
            for (int k = 0; k < 3; k++)
                put_episode(fx, child, HW_KIND_ABSENT, status, local(2017, 4, 20 + k, 22, 0),
                            ids[3]);
        if (i == 70) {
            put_episode(fx, child, HW_KIND_MISSING, status, local(2017, 3, 31, 23, 59), ids[3]);
            put_episode(fx, child, HW_KIND_MISSING, status, local(2017, 5, 1, 0, 0), ids[3]);
        }
    }
    put_child(fx, "C80", HW_CS_CLA, "Northshire County Council");
    for (int k = 0; k < 5; k++) {
        put_episode(fx, "C80", HW_KIND_MISSING, HW_CS_CLA, local(2017, 4, 3 + k, 21, 0), ids[0]);
        put_interview(fx, "C80", ids[0], HW_OUT_COMPLETED, local(2017, 4, 10, 9, 0));
    }
    assert_int_equal(hw_store_commit(fx->store, &err), 0);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    hw_store_close(fx->store);
    hw_test_rmdir(fx->dir);
    free(fx);
    return 0;
}

static void test_croydon_april_2017(void **state)
{
    struct fixture *fx = *state;
    struct hw_monthly m;
    struct hw_err err;
    assert_int_equal(hw_monthly_build(fx->store, 2017, 3, 2017, 5, &m, &err), 0);
    assert_int_equal(m.nmonths, 3);
    const struct hw_month_row *apr = &m.rows[1];
    assert_int_equal(apr->year, 2017);
    assert_int_equal(apr->month, 4);
    assert_int_equal(apr->children_missing, 79);
    assert_int_equal(apr->children_offered, 26);
    assert_int_equal(apr->children_done, 14);
    assert_int_equal(apr->episodes, 149);
    assert_int_equal(apr->episodes_done, 18);
    assert_int_equal(apr->offer_rate, 3291);
    assert_int_equal(apr->done_rate, 1208);
    assert_int_equal(apr->lac_done_rate, 1066);
    /* The boundary episodes fall in March and May. */
    assert_int_equal(m.rows[0].episodes, 1);
    assert_int_equal(m.rows[2].episodes, 1);
    assert_int_equal(m.rows[0].children_done, 0);

    struct hw_buf out = {0};
    hw_monthly_render(&m, HW_FMT_JSON, &out);
    assert_non_null(strstr(out.data,
                           "{\"month\": \"2017-04\", \"children_missing\": 79, "
                           "\"children_offered\": 26, \"children_done\": 14, \"episodes\": 149, "
                           "\"episodes_done\": 18, \"offer_rate\": 32.91, \"done_rate\": 12.08, "
                           "\"lac_done_rate\": 10.66}"));
    assert_non_null(strstr(out.data, "\"report\": \"monthly\""));
    /* March: one episode, no interview, no looked-after episode: LAC rate null. */
    assert_non_null(strstr(out.data, "\"month\": \"2017-03\", \"children_missing\": 1, "
                                     "\"children_offered\": 0, \"children_done\": 0, "
                                     "\"episodes\": 1, \"episodes_done\": 0, \"offer_rate\": 0.0, "
                                     "\"done_rate\": 0.0, \"lac_done_rate\": null}"));
    hw_buf_reset(&out);
    hw_monthly_render(&m, HW_FMT_CSV, &out);
    assert_non_null(strstr(out.data, "month,children_missing,children_offered,children_done,"
                                     "episodes,episodes_done,offer_rate,done_rate,lac_done_rate"
                                     "\r\n"));
    assert_non_null(strstr(out.data, "2017-04,79,26,14,149,18,32.91,12.08,10.66\r\n"));
    assert_non_null(strstr(out.data, "2017-03,1,0,0,1,0,0.00,0.00,\r\n"));
    hw_buf_reset(&out);
    hw_monthly_render(&m, HW_FMT_TEXT, &out);
    assert_non_null(strstr(out.data, "Apr-17"));
    assert_non_null(strstr(out.data, "32.91%"));
    assert_non_null(strstr(out.data, "10.66%"));
    hw_buf_free(&out);
    hw_monthly_free(&m);
}

/* The page and the workbook show the same April 2017 column. */
static void test_html_and_xlsx(void **state)
{
    struct fixture *fx = *state;
    struct hw_monthly m;
    struct hw_err err;
    struct hw_buf out = {0};
    assert_int_equal(hw_monthly_build(fx->store, 2017, 3, 2017, 5, &m, &err), 0);

    assert_int_equal(hw_monthly_write(&m, HW_FMT_HTML, &out, &err), 0);
    const char *h = out.data;
    static const char doctype[] = "<!DOCTYPE html>\n<html lang=\"en-GB\">";
    assert_true(strncmp(h, doctype, sizeof doctype - 1) == 0);
    assert_non_null(strstr(h, "<title>Monthly data profile, Mar 2017 to May 2017</title>"));
    assert_non_null(strstr(h, "<h1>Monthly data profile, Mar 2017 to May 2017</h1>"));
    assert_non_null(strstr(h, "<caption>Measures by month</caption>"));
    assert_non_null(strstr(h, "<th scope=\"col\" class=\"num\">Apr 2017</th>"));
    assert_non_null(strstr(h, "<tr><th scope=\"row\">Children who went missing</th>"
                              "<td class=\"num\">1</td><td class=\"num\">79</td>"));
    assert_non_null(strstr(h, "<tr><th scope=\"row\">Missing episodes</th>"
                              "<td class=\"num\">1</td><td class=\"num\">149</td>"));
    assert_non_null(strstr(h, "<td class=\"num\">32.91%</td>"));
    /* March has no looked-after episode: no LAC rate. */
    assert_non_null(strstr(h, "<tr><th scope=\"row\">RHI done % of episodes, LAC</th>"
                              "<td class=\"num\">-</td><td class=\"num\">10.66%</td>"));
    assert_non_null(strstr(h, "placed here by other councils"));
    assert_non_null(strstr(h, "role=\"img\" aria-labelledby=\"chart-title chart-desc\""));
    assert_non_null(strstr(h, "<desc id=\"chart-desc\">Mar 2017: 1; Apr 2017: 149; May 2017: 1."));
    assert_non_null(strstr(h, "<title>Apr 2017: 149 missing episodes</title>"));
    assert_non_null(strstr(h, "</html>\n"));
    /* Standalone: nothing fetched, nothing run. */
    assert_null(strstr(h, "<script"));
    assert_null(strstr(h, "src="));
    assert_null(strstr(h, "href="));
    for (const char *p = strstr(h, "://"); p; p = strstr(p + 1, "://"))
        assert_true(p - h >= 4 && strncmp(p - 4, "http://www.w3.org/2000/svg\"", 27) == 0);
    hw_buf_reset(&out);
    assert_int_equal(hw_monthly_write(&m, HW_FMT_XLSX, &out, &err), 0);
    assert_true(out.len > 1000);
    assert_memory_equal(out.data, "PK\x03\x04", 4);

    char *name = hw_monthly_filename(&m, HW_FMT_XLSX);
    assert_string_equal(name, "monthly-profile-2017-03-to-2017-05.xlsx");
    free(name);
    hw_buf_free(&out);
    hw_monthly_free(&m);
}

static void test_bad_range(void **state)
{
    struct fixture *fx = *state;
    struct hw_monthly m;
    struct hw_err err;
    assert_int_equal(hw_monthly_build(fx->store, 2017, 5, 2017, 4, &m, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_non_null(strstr(err.msg, "--from"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_croydon_april_2017),
        cmocka_unit_test(test_html_and_xlsx),
        cmocka_unit_test(test_bad_range),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
