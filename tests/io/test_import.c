/* test_import.c - importing children, episodes and interviews from CSV:
 * counts, updates, column matching, every refusal, defaults and links. */
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

#include "core/config.h"
#include "core/mem.h"
#include "core/reasons.h"
#include "core/records.h"
#include "io/import.h"
#include "store/store.h"

/* ---- fixture: a fresh store in a temporary directory ---- */

struct fx {
    char dir[64];
    struct hw_store *store;
    struct hw_config cfg;
    const struct hw_reasons *reasons; /* NULL: the defaults */
    struct hw_import_result res;
    bool have_res;
    struct hw_err err;
    char path[128]; /* the CSV file last imported */
    int nfiles;
};

static const char CHILDREN[] = "child_id,first_name,last_name,date_of_birth,case_status,flags,"
                               "placement_type,placement_name,out_of_area,team\n"
                               "C1,Ann,Lee,2004-03-02,cla,cse;gang,foster,Oak House,y,North\n"
                               "C2,Bob,Ray,15/07/2005,cin,,home,,n,South\n"
                               "C3,,,,,,,,,\n";

/* E1-E2 3.5 days apart; E6 exactly 7 days after E1, E5 a minute more. */
static const char EPISODES[] = "episode_id,child_id,kind,last_seen,reported,returned,risk\n"
                               "E1,C1,missing,2017-05-01 22:00,2017-05-01 23:00,2017-05-02 "
                               "09:30,medium\n"
                               "E2,C1,absent,2017-05-05 10:00,,2017-05-05 14:00,low\n"
                               "E3,C2,missing,2017-05-03 18:00,,,high\n"
                               "E4,C1,missing,2017-06-01 08:00,,,\n"
                               "E5,C1,missing,2017-05-08 22:01,,,\n"
                               "E6,C1,missing,2017-05-08 22:00,,,\n";

/* I1 covers two episodes of C1 within 7 days and was completed late: more
 * than 72 hours after E1's return. */
static const char INTERVIEWS[] =
    "interview_id,child_id,episode_ids,decision,offered,outcome,completed,lateness_reason\n"
    "I1,C1,E1;E2,required,2017-05-06 10:00,completed,2017-05-07 11:00,missing_again\n"
    "I2,C2,E3,required,,pending,,\n";

/* Who the test's imports are made by, for the history. */
static const struct hw_actor WHO = {.user = "tester", .source = "import test", .at = 1500000000};

static int setup_empty(void **state)
{
    struct fx *fx = hw_calloc(1, sizeof *fx);
    strcpy(fx->dir, "/tmp/hw_import_XXXXXX");
    if (mkdtemp(fx->dir) == NULL)
        return -1;
    char db[128];
    snprintf(db, sizeof db, "%s/t.db", fx->dir);
    if (hw_store_open(db, &fx->store, &fx->err) < 0) {
        fprintf(stderr, "%s\n", fx->err.msg);
        return -1;
    }
    hw_config_defaults(&fx->cfg);
    *state = fx;
    return 0;
}

static void free_res(struct fx *fx)
{
    if (fx->have_res)
        hw_import_result_free(&fx->res);
    fx->have_res = false;
}

static int teardown(void **state)
{
    struct fx *fx = *state;
    free_res(fx);
    hw_store_close(fx->store);
    hw_test_rmdir(fx->dir);
    free(fx);
    return 0;
}

/* Writes len bytes of text to a new CSV file in the fixture's directory and
 * imports it as type t. Returns what hw_import_csv returned; fx->res, fx->err
 * and fx->path hold the rest. */
static int import_n(struct fx *fx, enum hw_rectype t, const char *text, size_t len)
{
    free_res(fx);
    snprintf(fx->path, sizeof fx->path, "%s/%s%d.csv", fx->dir, hw_rectypes[t].plural,
             ++fx->nfiles);
    FILE *f = fopen(fx->path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    int rc = hw_import_csv(fx->store, &fx->cfg, fx->reasons, t, fx->path, &WHO, &fx->res, &fx->err);
    fx->have_res = true;
    return rc;
}

static int import(struct fx *fx, enum hw_rectype t, const char *text)
{
    return import_n(fx, t, text, strlen(text));
}

/* Imports text and expects success with these counts and no errors. */
static void import_ok(struct fx *fx, enum hw_rectype t, const char *text, size_t rows, size_t added,
                      size_t updated, size_t same)
{
    int rc = import(fx, t, text);
    if (rc != 0)
        fprintf(stderr, "%s\n%s", fx->err.msg, fx->res.errors.data ? fx->res.errors.data : "");
    assert_int_equal(rc, 0);
    assert_int_equal(fx->err.kind, HW_OK);
    assert_int_equal(fx->res.rows, rows);
    assert_int_equal(fx->res.added, added);
    assert_int_equal(fx->res.updated, updated);
    assert_int_equal(fx->res.same, same);
    assert_int_equal(fx->res.bad_rows, 0);
    assert_int_equal(fx->res.n_errors, 0);
    assert_int_equal(fx->res.errors.len, 0);
}

static int setup_seeded(void **state)
{
    if (setup_empty(state) < 0)
        return -1;
    struct fx *fx = *state;
    import_ok(fx, HW_REC_CHILD, CHILDREN, 3, 3, 0, 0);
    import_ok(fx, HW_REC_EPISODE, EPISODES, 6, 6, 0, 0);
    import_ok(fx, HW_REC_INTERVIEW, INTERVIEWS, 2, 2, 0, 0);
    free_res(fx);
    return 0;
}

/* ---- looking at the store ---- */

struct dump {
    struct hw_buf out;
    const struct hw_field *fields;
    size_t n;
};

static int dump_record(void *ctx, const void *rec)
{
    struct dump *d = ctx;
    d->n++;
    for (const struct hw_field *f = d->fields; f->name; f++) {
        hw_buf_printf(&d->out, "%s%s=", f == d->fields ? "" : ",", f->name);
        hw_field_format(f, rec, &d->out);
    }
    hw_buf_putc(&d->out, '\n');
    return 0;
}

/* Lists records of type t matching filter into d (appending); returns how many. */
static size_t list_into(struct fx *fx, enum hw_rectype t, const struct hw_filter *filter,
                        struct dump *d)
{
    struct hw_err err;
    size_t before = d->n;
    d->fields = hw_rectypes[t].fields;
    assert_int_equal(hw_store_list(fx->store, t, filter, dump_record, d, &err), 0);
    return d->n - before;
}

static size_t count(struct fx *fx, enum hw_rectype t, const struct hw_filter *filter)
{
    struct dump d = {0};
    size_t n = list_into(fx, t, filter, &d);
    hw_buf_free(&d.out);
    return n;
}

/* IDs of the interviews covering episode id, ';'-separated (owned). */
static char *covering(struct fx *fx, const char *episode_id)
{
    struct dump d = {0};
    struct hw_filter f = {.episode_id = episode_id};
    list_into(fx, HW_REC_INTERVIEW, &f, &d);
    struct hw_buf ids = {0};
    hw_buf_puts(&ids, "");
    for (const char *p = d.out.data; p && *p;) {
        const char *id = p + strlen("interview_id=");
        size_t n = strcspn(id, ",");
        if (ids.len)
            hw_buf_putc(&ids, ';');
        hw_buf_append(&ids, id, n);
        p = strchr(p, '\n') + 1;
    }
    hw_buf_free(&d.out);
    return hw_buf_take(&ids);
}

/* Everything stored, as text: every record of every type with every field,
 * and which interviews cover each episode (the link table). Owned. */
static char *snapshot(struct fx *fx)
{
    struct hw_filter all = {0};
    struct dump d = {0}, eps = {0};
    hw_buf_puts(&d.out, "");
    list_into(fx, HW_REC_CHILD, &all, &d);
    list_into(fx, HW_REC_EPISODE, &all, &eps);
    list_into(fx, HW_REC_INTERVIEW, &all, &d);
    hw_buf_puts(&d.out, eps.out.data ? eps.out.data : "");
    for (const char *p = eps.out.data; p && *p;) {
        const char *id = p + strlen("episode_id=");
        char *eid = hw_strndup(id, strcspn(id, ","));
        char *ivs = covering(fx, eid);
        hw_buf_printf(&d.out, "%s<-%s\n", eid, ivs);
        free(ivs);
        free(eid);
        p = strchr(p, '\n') + 1;
    }
    hw_buf_free(&eps.out);
    return hw_buf_take(&d.out);
}

static void get_child(struct fx *fx, const char *id, struct hw_child *c)
{
    struct hw_err err;
    hw_record_init(hw_child_fields, c);
    assert_int_equal(hw_store_get(fx->store, HW_REC_CHILD, id, c, &err), 1);
}

static void get_episode(struct fx *fx, const char *id, struct hw_episode *e)
{
    struct hw_err err;
    hw_record_init(hw_episode_fields, e);
    assert_int_equal(hw_store_get(fx->store, HW_REC_EPISODE, id, e, &err), 1);
}

static void get_interview(struct fx *fx, const char *id, struct hw_interview *iv)
{
    struct hw_err err;
    hw_record_init(hw_interview_fields, iv);
    assert_int_equal(hw_store_get(fx->store, HW_REC_INTERVIEW, id, iv, &err), 1);
}

static hw_instant at(int y, int m, int d, int hh, int mi)
{
    hw_instant t;
    assert_int_equal(hw_london_to_instant(y, m, d, hh, mi, 0, &t), 0);
    return t;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += *s == '\n';
    return n;
}

/* Asserts that res.errors holds the line "PATH:" + line (the rest of the
 * line exactly: line is "LINE: column NAME: ...", without the newline). */
static void assert_has_error(struct fx *fx, const char *line)
{
    char *want = hw_asprintf("%s:%s\n", fx->path, line);
    const char *errors = fx->res.errors.data ? fx->res.errors.data : "";
    if (strstr(errors, want) == NULL)
        fail_msg("expected error line\n  %s\nin\n%s", want, errors);
    free(want);
}

/* Imports text of type t and expects it refused, having changed nothing,
 * with bad_rows bad rows, n_errors errors, and these error lines (each
 * "LINE: ...", NULL-terminated), which must be all the lines listed when
 * n_errors is at most HW_IMPORT_ERRORS_LISTED. */
static void refuse_n(struct fx *fx, enum hw_rectype t, const char *text, size_t len,
                     size_t bad_rows, size_t n_errors, ...)
{
    char *before = snapshot(fx);
    assert_int_equal(import_n(fx, t, text, len), -1);
    assert_int_equal(fx->err.kind, HW_EINPUT);
    assert_int_equal(fx->res.bad_rows, bad_rows);
    assert_int_equal(fx->res.n_errors, n_errors);
    assert_int_equal(fx->res.added, 0);
    assert_int_equal(fx->res.updated, 0);
    char *msg = hw_asprintf("%s: %zu bad row%s (%zu error%s); nothing was imported", fx->path,
                            bad_rows, bad_rows == 1 ? "" : "s", n_errors, n_errors == 1 ? "" : "s");
    assert_string_equal(fx->err.msg, msg);
    free(msg);

    va_list ap;
    va_start(ap, n_errors);
    size_t listed = 0;
    for (const char *line; (line = va_arg(ap, const char *)) != NULL; listed++)
        assert_has_error(fx, line);
    va_end(ap);
    /* When lines are given for every error, they are all that is listed. */
    if (listed > 0 && n_errors <= HW_IMPORT_ERRORS_LISTED)
        assert_int_equal(listed, n_errors);
    assert_int_equal(count_lines(fx->res.errors.data),
                     n_errors < HW_IMPORT_ERRORS_LISTED ? n_errors : HW_IMPORT_ERRORS_LISTED);

    char *after = snapshot(fx);
    assert_string_equal(after, before);
    free(after);
    free(before);
}

#define refuse(fx, t, text, bad_rows, n_errors, ...)                                               \
    refuse_n(fx, t, text, strlen(text), bad_rows, n_errors, __VA_ARGS__, (const char *)NULL)

/* Imports text and expects a file-level refusal: err.msg is "PATH" + msg,
 * no row errors listed, nothing changed. */
static void refuse_file(struct fx *fx, enum hw_rectype t, const char *text, const char *msg)
{
    char *before = snapshot(fx);
    assert_int_equal(import(fx, t, text), -1);
    assert_int_equal(fx->err.kind, HW_EINPUT);
    char *want = hw_asprintf("%s%s", fx->path, msg);
    assert_string_equal(fx->err.msg, want);
    free(want);
    assert_int_equal(fx->res.added, 0);
    assert_int_equal(fx->res.updated, 0);
    assert_int_equal(fx->res.n_errors, 0);
    assert_int_equal(fx->res.errors.len, 0);
    char *after = snapshot(fx);
    assert_string_equal(after, before);
    free(after);
    free(before);
}

/* ---- importing ---- */

static void test_import_children(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_CHILD, CHILDREN, 3, 3, 0, 0);
    struct hw_filter all = {0};
    assert_int_equal(count(fx, HW_REC_CHILD, &all), 3);

    struct hw_child c;
    get_child(fx, "C1", &c);
    assert_string_equal(c.id, "C1");
    assert_string_equal(c.first_name, "Ann");
    assert_string_equal(c.last_name, "Lee");
    assert_int_equal(c.dob, hw_date_from_ymd(2004, 3, 2));
    assert_int_equal(c.case_status, HW_CS_CLA);
    assert_int_equal(c.flags, HW_FLAG_CSE | HW_FLAG_GANG);
    assert_int_equal(c.placement_type, HW_PL_FOSTER);
    assert_string_equal(c.placement_name, "Oak House");
    assert_int_equal(c.out_of_area, HW_YES);
    assert_string_equal(c.team, "North");
    assert_null(c.worker);
    hw_record_clear(hw_child_fields, &c);

    get_child(fx, "C2", &c);
    assert_int_equal(c.dob, hw_date_from_ymd(2005, 7, 15)); /* DD/MM/YYYY */
    assert_int_equal(c.case_status, HW_CS_CIN);
    assert_int_equal(c.flags, 0);
    assert_null(c.placement_name);
    assert_int_equal(c.out_of_area, HW_NO);
    hw_record_clear(hw_child_fields, &c);

    /* Every optional field empty. */
    get_child(fx, "C3", &c);
    assert_null(c.first_name);
    assert_null(c.last_name);
    assert_int_equal(c.dob, HW_NO_DATE);
    assert_int_equal(c.case_status, HW_CS_UNSET);
    assert_int_equal(c.flags, 0);
    assert_int_equal(c.placement_type, HW_PL_UNSET);
    assert_null(c.placement_name);
    assert_int_equal(c.out_of_area, HW_YN_UNSET);
    assert_null(c.team);
    hw_record_clear(hw_child_fields, &c);
}

static void test_import_episodes_and_interviews(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_CHILD, CHILDREN, 3, 3, 0, 0);
    import_ok(fx, HW_REC_EPISODE, EPISODES, 6, 6, 0, 0);
    import_ok(fx, HW_REC_INTERVIEW, INTERVIEWS, 2, 2, 0, 0);
    struct hw_filter all = {0}, of_c1 = {.child_id = "C1"};
    assert_int_equal(count(fx, HW_REC_EPISODE, &all), 6);
    assert_int_equal(count(fx, HW_REC_EPISODE, &of_c1), 5);
    assert_int_equal(count(fx, HW_REC_INTERVIEW, &all), 2);

    struct hw_episode e;
    get_episode(fx, "E1", &e);
    assert_string_equal(e.child_id, "C1");
    assert_int_equal(e.kind, HW_KIND_MISSING);
    assert_int_equal(e.last_seen, at(2017, 5, 1, 22, 0));
    assert_int_equal(e.reported, at(2017, 5, 1, 23, 0));
    assert_int_equal(e.returned, at(2017, 5, 2, 9, 30));
    assert_int_equal(e.risk, HW_RISK_MEDIUM);
    hw_record_clear(hw_episode_fields, &e);

    get_episode(fx, "E3", &e);
    assert_int_equal(e.kind, HW_KIND_MISSING);
    assert_int_equal(e.reported, HW_NO_TIME);
    assert_int_equal(e.returned, HW_NO_TIME); /* still missing */
    assert_int_equal(e.risk, HW_RISK_HIGH);
    hw_record_clear(hw_episode_fields, &e);

    struct hw_interview iv;
    get_interview(fx, "I1", &iv);
    assert_string_equal(iv.child_id, "C1");
    assert_string_equal(iv.episode_ids, "E1;E2");
    assert_int_equal(iv.decision, HW_DEC_REQUIRED);
    assert_int_equal(iv.offered, at(2017, 5, 6, 10, 0));
    assert_int_equal(iv.outcome, HW_OUT_COMPLETED);
    assert_int_equal(iv.completed, at(2017, 5, 7, 11, 0));
    assert_int_equal(iv.lateness_reason, HW_LATE_MISSING_AGAIN);
    hw_record_clear(hw_interview_fields, &iv);

    get_interview(fx, "I2", &iv);
    assert_int_equal(iv.outcome, HW_OUT_PENDING);
    assert_int_equal(iv.offered, HW_NO_TIME);
    assert_int_equal(iv.completed, HW_NO_TIME);
    assert_null(iv.decided_by);
    hw_record_clear(hw_interview_fields, &iv);

    char *ivs = covering(fx, "E1");
    assert_string_equal(ivs, "I1");
    free(ivs);
    ivs = covering(fx, "E3");
    assert_string_equal(ivs, "I2");
    free(ivs);
    ivs = covering(fx, "E4");
    assert_string_equal(ivs, "");
    free(ivs);
}

static void test_reimport_changes_nothing_twice(void **state)
{
    struct fx *fx = *state;
    char *before = snapshot(fx);
    import_ok(fx, HW_REC_CHILD, CHILDREN, 3, 0, 0, 3);
    import_ok(fx, HW_REC_EPISODE, EPISODES, 6, 0, 0, 6);
    import_ok(fx, HW_REC_INTERVIEW, INTERVIEWS, 2, 0, 0, 2);
    char *after = snapshot(fx);
    assert_string_equal(after, before); /* the same data: the same store */
    free(after);
    free(before);
    struct hw_filter all = {0};
    assert_int_equal(count(fx, HW_REC_CHILD, &all), 3);
    assert_int_equal(count(fx, HW_REC_EPISODE, &all), 6);
    assert_int_equal(count(fx, HW_REC_INTERVIEW, &all), 2);

    /* A mix of new and changed records. */
    import_ok(fx, HW_REC_CHILD,
              "child_id,first_name\n"
              "C2,Robert\n"
              "C4,Dee\n",
              2, 1, 1, 0);
    assert_int_equal(count(fx, HW_REC_CHILD, &all), 4);
    struct hw_child c;
    get_child(fx, "C2", &c);
    assert_string_equal(c.first_name, "Robert");
    /* A replaced record keeps only what the file says. */
    assert_null(c.last_name);
    assert_int_equal(c.case_status, HW_CS_UNSET);
    hw_record_clear(hw_child_fields, &c);
}

static void test_columns_any_order_and_case(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_CHILD,
              "  TEAM ,\" Last_Name\t\",Child_ID,\"FIRST_NAME  \",Date_Of_Birth,CASE_status\n"
              "West,Zed,C7,Yan,01/02/2010,CPP\n",
              1, 1, 0, 0);
    struct hw_child c;
    get_child(fx, "C7", &c);
    assert_string_equal(c.team, "West");
    assert_string_equal(c.last_name, "Zed");
    assert_string_equal(c.first_name, "Yan");
    assert_int_equal(c.dob, hw_date_from_ymd(2010, 2, 1));
    assert_int_equal(c.case_status, HW_CS_CPP); /* codes are case-insensitive too */
    hw_record_clear(hw_child_fields, &c);

    import_ok(fx, HW_REC_EPISODE,
              "Last_Seen,KIND,Child_Id,Episode_ID\n"
              "2017-07-01 10:00,Missing,C7,E70\n",
              1, 1, 0, 0);
    struct hw_episode e;
    get_episode(fx, "E70", &e);
    assert_string_equal(e.child_id, "C7");
    assert_int_equal(e.kind, HW_KIND_MISSING);
    assert_int_equal(e.last_seen, at(2017, 7, 1, 10, 0));
    hw_record_clear(hw_episode_fields, &e);
}

static void test_day_first_forms(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_EPISODE,
              "episode_id,child_id,kind,last_seen,returned\n"
              "E20,C2,missing,01/05/2017 22:00,02/05/2017 09:30\n"
              "E21,C2,missing,2/5/2017 9:05,2017-05-02T10:00\n",
              2, 2, 0, 0);
    struct hw_episode e;
    get_episode(fx, "E20", &e);
    assert_int_equal(e.last_seen, at(2017, 5, 1, 22, 0));
    assert_int_equal(e.returned, at(2017, 5, 2, 9, 30));
    hw_record_clear(hw_episode_fields, &e);
    get_episode(fx, "E21", &e);
    assert_int_equal(e.last_seen, at(2017, 5, 2, 9, 5));
    assert_int_equal(e.returned, at(2017, 5, 2, 10, 0));
    hw_record_clear(hw_episode_fields, &e);

    import_ok(fx, HW_REC_INTERVIEW,
              "interview_id,child_id,episode_ids,shared_with_police,signed_off\n"
              "I20,C2,E20;E21,03/05/2017,04/05/2017 16:45\n",
              1, 1, 0, 0);
    struct hw_interview iv;
    get_interview(fx, "I20", &iv);
    assert_int_equal(iv.shared_with_police, hw_date_from_ymd(2017, 5, 3));
    assert_int_equal(iv.signed_off, at(2017, 5, 4, 16, 45));
    hw_record_clear(hw_interview_fields, &iv);
}

static void test_empty_optional_fields(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_EPISODE,
              "episode_id,child_id,kind,last_seen,reported,returned,risk,police_ref,harmed,"
              "with_children\n"
              "E30,C3,absent,2017-08-01 12:00,,,,,,\n",
              1, 1, 0, 0);
    struct hw_episode e;
    get_episode(fx, "E30", &e);
    assert_int_equal(e.kind, HW_KIND_ABSENT);
    assert_int_equal(e.reported, HW_NO_TIME);
    assert_int_equal(e.returned, HW_NO_TIME);
    assert_int_equal(e.risk, HW_RISK_UNSET);
    assert_null(e.police_ref);
    assert_int_equal(e.harmed, HW_YN_UNSET);
    assert_null(e.with_children);
    hw_record_clear(hw_episode_fields, &e);

    import_ok(fx, HW_REC_INTERVIEW,
              "interview_id,child_id,episode_ids,decision,offered,outcome,attempts,completed,"
              "reasons,screening,shared_with_police\n"
              "I30,C3,E30,,,,,,,,\n",
              1, 1, 0, 0);
    struct hw_interview iv;
    get_interview(fx, "I30", &iv);
    assert_int_equal(iv.decision, HW_DEC_UNSET);
    assert_int_equal(iv.outcome, HW_OUT_UNSET);
    assert_int_equal(iv.attempts, HW_NO_INT);
    assert_int_equal(iv.shared_with_police, HW_NO_DATE);
    assert_null(iv.reasons);
    hw_record_clear(hw_interview_fields, &iv);
}

static void test_header_only(void **state)
{
    struct fx *fx = *state;
    char *before = snapshot(fx);
    import_ok(fx, HW_REC_CHILD, "child_id,first_name\n", 0, 0, 0, 0);
    import_ok(fx, HW_REC_CHILD, "child_id,first_name", 0, 0, 0, 0);
    /* Blank lines and rows of empty fields are not rows. */
    import_ok(fx, HW_REC_CHILD, "child_id,first_name\n\n,\n\r\n", 0, 0, 0, 0);
    char *after = snapshot(fx);
    assert_string_equal(after, before);
    free(after);
    free(before);
}

static void test_episode_defaults(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_EPISODE,
              "episode_id,child_id,kind,last_seen,case_status,missing_from_type,"
              "missing_from_name,out_of_area\n"
              "E40,C1,missing,2017-09-01 10:00,,,,\n"
              "E41,C1,missing,2017-09-02 10:00,cin,la_home,Elm Lodge,n\n"
              "E42,C1,missing,2017-09-03 10:00,,,Gran's flat,\n"
              "E43,C2,missing,2017-09-04 10:00,,,,\n",
              4, 4, 0, 0);
    struct hw_episode e;
    /* Nothing given: all from C1 (cla, foster, Oak House, out of area). */
    get_episode(fx, "E40", &e);
    assert_int_equal(e.case_status, HW_CS_CLA);
    assert_int_equal(e.missing_from_type, HW_PL_FOSTER);
    assert_string_equal(e.missing_from_name, "Oak House");
    assert_int_equal(e.out_of_area, HW_YES);
    hw_record_clear(hw_episode_fields, &e);
    /* Everything given: kept. */
    get_episode(fx, "E41", &e);
    assert_int_equal(e.case_status, HW_CS_CIN);
    assert_int_equal(e.missing_from_type, HW_PL_LA_HOME);
    assert_string_equal(e.missing_from_name, "Elm Lodge");
    assert_int_equal(e.out_of_area, HW_NO);
    hw_record_clear(hw_episode_fields, &e);
    /* A name without a type: the name is kept, the type taken from the child. */
    get_episode(fx, "E42", &e);
    assert_int_equal(e.missing_from_type, HW_PL_FOSTER);
    assert_string_equal(e.missing_from_name, "Gran's flat");
    hw_record_clear(hw_episode_fields, &e);
    /* C2: cin, home, no placement name, not out of area. */
    get_episode(fx, "E43", &e);
    assert_int_equal(e.case_status, HW_CS_CIN);
    assert_int_equal(e.missing_from_type, HW_PL_HOME);
    assert_null(e.missing_from_name);
    assert_int_equal(e.out_of_area, HW_NO);
    hw_record_clear(hw_episode_fields, &e);
}

static void test_interview_links(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_INTERVIEW,
              "interview_id,child_id,episode_ids\n"
              "I50,C1,\" E2; E6 ;;\"\n",
              1, 1, 0, 0);
    struct hw_interview iv;
    get_interview(fx, "I50", &iv);
    assert_string_equal(iv.episode_ids, "E2;E6");
    hw_record_clear(hw_interview_fields, &iv);
    char *ivs = covering(fx, "E2");
    assert_string_equal(ivs, "I1;I50");
    free(ivs);
    ivs = covering(fx, "E6");
    assert_string_equal(ivs, "I50");
    free(ivs);

    /* "E1; E2" is stored as "E1;E2". */
    import_ok(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI1,C1,E1; E2\n", 1, 0, 1,
              0);
    get_interview(fx, "I1", &iv);
    assert_string_equal(iv.episode_ids, "E1;E2");
    hw_record_clear(hw_interview_fields, &iv);

    /* I1 now covers E4 only: its links to E1 and E2 go. */
    import_ok(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI1,C1,E4\n", 1, 0, 1, 0);
    ivs = covering(fx, "E1");
    assert_string_equal(ivs, "");
    free(ivs);
    ivs = covering(fx, "E2");
    assert_string_equal(ivs, "I50");
    free(ivs);
    ivs = covering(fx, "E4");
    assert_string_equal(ivs, "I1");
    free(ivs);
    struct hw_filter all = {0};
    assert_int_equal(count(fx, HW_REC_INTERVIEW, &all), 3);
}

static void test_cover_days_boundary(void **state)
{
    struct fx *fx = *state;
    /* E1 and E6 exactly 7 days apart: allowed. */
    import_ok(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI60,C1,E6;E1\n", 1, 1, 0,
              0);
    /* E2 and E5: 3 days 12 hours 1 minute. */
    import_ok(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI61,C1,E2;E5\n", 1, 1, 0,
              0);
}

/* ---- file-level refusals ---- */

static void test_unknown_column(void **state)
{
    struct fx *fx = *state;
    refuse_file(fx, HW_REC_CHILD, "child_id,nickname,first_name\nC1,Annie,Ann\n",
                ":1: unknown column 'nickname' for children; the columns are: child_id, "
                "first_name, last_name, date_of_birth, gender, ethnicity, "
                "responsible_authority, case_status, flags, placement_type, placement_name, "
                "out_of_area, team, worker, school, missing_plan, plan_reviewed, plan_review_due");
    assert_int_equal(fx->res.rows, 0);
    /* The header's line counts blank lines before it. */
    refuse_file(fx, HW_REC_EPISODE, "\n\nepisode_id,child,kind,last_seen\n",
                ":3: unknown column 'child' for episodes; the columns are: episode_id, child_id, "
                "kind, last_seen, reported, returned, risk, missing_from_type, "
                "missing_from_name, out_of_area, case_status, police_ref, reported_by, harmed, "
                "crime_while_absent, found_location, with_children, safe_well_at");
    /* An empty header name is unknown too. */
    refuse_file(fx, HW_REC_CHILD, "child_id,,first_name\n",
                ":1: unknown column '' for children; the columns are: child_id, first_name, "
                "last_name, date_of_birth, gender, ethnicity, responsible_authority, "
                "case_status, flags, placement_type, placement_name, out_of_area, team, worker, "
                "school, missing_plan, plan_reviewed, plan_review_due");
}

/* A header name longer than any field's is unknown, never cut down to a
 * known one: "first_name" + 118 spaces + "junk" is not first_name. */
static void test_long_header_name(void **state)
{
    struct fx *fx = *state;
    struct hw_buf b = {0};
    hw_buf_puts(&b, "child_id,\"first_name");
    for (int i = 0; i < 118; i++)
        hw_buf_putc(&b, ' ');
    hw_buf_puts(&b, "junk\"\nC9,Nine\n");
    char *before = snapshot(fx);
    assert_int_equal(import(fx, HW_REC_CHILD, b.data), -1);
    assert_non_null(strstr(fx->err.msg, ":1: unknown column 'first_name"));
    char *after = snapshot(fx);
    assert_string_equal(after, before);
    free(after);
    free(before);
    hw_buf_free(&b);
}

static void test_duplicate_column(void **state)
{
    struct fx *fx = *state;
    refuse_file(fx, HW_REC_CHILD, "child_id,first_name, FIRST_NAME \nC1,Ann,Anne\n",
                ":1: column first_name appears twice (columns 2 and 3)");
    refuse_file(fx, HW_REC_INTERVIEW, "interview_id,child_id,Interview_ID,episode_ids\n",
                ":1: column interview_id appears twice (columns 1 and 3)");
}

static void test_missing_required_column(void **state)
{
    struct fx *fx = *state;
    refuse_file(fx, HW_REC_EPISODE, "episode_id,child_id,kind\nE1,C1,missing\n",
                ":1: required column last_seen is missing");
    refuse_file(fx, HW_REC_CHILD, "first_name\nAnn\n", ":1: required column child_id is missing");
    refuse_file(fx, HW_REC_INTERVIEW, "interview_id,child_id\nI1,C1\n",
                ":1: required column episode_ids is missing");
}

static void test_empty_file(void **state)
{
    struct fx *fx = *state;
    refuse_file(fx, HW_REC_CHILD, "", ": the file is empty: expected a header row");
    refuse_file(fx, HW_REC_CHILD, "\n\r\n\n", ": the file is empty: expected a header row");
    refuse_file(fx, HW_REC_CHILD, "\xEF\xBB\xBF", ": the file is empty: expected a header row");
}

static void test_missing_file(void **state)
{
    struct fx *fx = *state;
    char *before = snapshot(fx);
    char *path = hw_asprintf("%s/nope.csv", fx->dir);
    free_res(fx);
    assert_int_equal(
        hw_import_csv(fx->store, &fx->cfg, NULL, HW_REC_CHILD, path, &WHO, &fx->res, &fx->err), -1);
    fx->have_res = true;
    char *want = hw_asprintf("cannot read %s: No such file or directory", path);
    assert_string_equal(fx->err.msg, want);
    free(want);
    free(path);
    char *after = snapshot(fx);
    assert_string_equal(after, before);
    free(after);
    free(before);
}

static void test_malformed_csv(void **state)
{
    struct fx *fx = *state;
    /* Good rows (new and changed) before a malformed line: nothing kept. */
    refuse_file(fx, HW_REC_CHILD, "child_id,first_name\nC1,Anna\nC8,Ed\nC9,E\"d\n",
                ":4: malformed CSV: a quote inside an unquoted field, or text after a closing "
                "quote");
    refuse_file(fx, HW_REC_CHILD, "child_id,first_name\nC1,Anna\nC9,\"Ed\n",
                ":3: the file ends inside a quoted field");
}

/* ---- row refusals: each after good rows, new and changed, so that
 * anything written before the bad row would show ---- */

static void test_wrong_field_count(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD, "child_id,first_name,last_name\nC1,Anna,Lee\nC8,Ed,Fox\nC9,Ed\n", 1, 1,
           "4: has 2 fields but the header has 3");
    refuse(fx, HW_REC_CHILD, "child_id,first_name\nC1,Anna\nC9,Ed,Fox\nC10,\"a\nb\",c\nC11,Ok\n", 2,
           2, "3: has 3 fields but the header has 2", "4: has 3 fields but the header has 2");
}

static void test_bad_enum(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD, "child_id,first_name,case_status\nC1,Anna,cla\nC8,Ed,looked_after\n",
           1, 1,
           "3: column case_status: 'looked_after': expected one of "
           "not_open|early_help|cin|cpp|cla");
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,risk\n"
           "E1,C1,missing,2017-05-01 22:00,low\n"
           "E9,C1,gone,2017-05-01 22:00,severe\n",
           1, 2, "3: column kind: 'gone': expected one of missing|absent",
           "3: column risk: 'severe': expected one of high|medium|low");
}

static void test_bad_date(void **state)
{
    struct fx *fx = *state;
    const char *why = "expected a date as YYYY-MM-DD or DD/MM/YYYY";
    char l3[200], l4[200], l5[200], l6[200];
    snprintf(l3, sizeof l3, "3: column date_of_birth: '2005-02-30': %s", why);
    snprintf(l4, sizeof l4, "4: column date_of_birth: '31/04/2005': %s", why);
    snprintf(l5, sizeof l5, "5: column date_of_birth: '2005-1-02': %s", why);
    snprintf(l6, sizeof l6, "6: column date_of_birth: '1899-12-31': %s", why);
    refuse(fx, HW_REC_CHILD,
           "child_id,date_of_birth\nC1,2004-03-03\nC8,2005-02-30\nC9,31/04/2005\n"
           "C10,2005-1-02\nC11,1899-12-31\n",
           4, 4, l3, l4, l5, l6);
}

static void test_bad_time(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,returned\n"
           "E1,C1,missing,2017-05-01 21:00,\n"
           "E8,C1,missing,2017-05-01,\n"
           "E9,C1,missing,2017-05-01 24:00,\n"
           "E10,C1,missing,2017-02-29 10:00,\n"
           "E11,C1,missing,2017-05-01 10:00,yesterday\n",
           4, 4,
           "3: column last_seen: '2017-05-01': expected a date and time as YYYY-MM-DD HH:MM or "
           "DD/MM/YYYY HH:MM",
           "4: column last_seen: '2017-05-01 24:00': not a real time of day: hours run 00 to 23, "
           "minutes and seconds 00 to 59",
           "5: column last_seen: '2017-02-29 10:00': not a real date",
           "6: column returned: 'yesterday': expected a date and time as YYYY-MM-DD HH:MM or "
           "DD/MM/YYYY HH:MM");
}

static void test_time_in_gap(void **state)
{
    struct fx *fx = *state;
    /* 2017-03-26: the clocks went forward at 01:00; 00:59 and 02:00 exist. */
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,returned\n"
           "E1,C1,missing,2017-05-01 21:00,\n"
           "E8,C1,missing,2017-03-26 00:59,2017-03-26 02:00\n"
           "E9,C1,missing,2017-03-26 01:30,\n"
           "E10,C1,missing,2017-03-26 00:30,26/03/2017 01:00\n",
           2, 2,
           "4: column last_seen: '2017-03-26 01:30': this time does not exist in the UK: the "
           "clocks go forward from 01:00 to 02:00 that day",
           "5: column returned: '26/03/2017 01:00': this time does not exist in the UK: the "
           "clocks go forward from 01:00 to 02:00 that day");
}

static void test_returned_before_last_seen(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,returned\n"
           "E1,C1,missing,2017-05-01 21:00,2017-05-01 21:00\n"
           "E8,C1,missing,2017-05-01 21:00,2017-05-01 20:59\n",
           1, 1, "3: column returned: is before last_seen");
}

static void test_reported_before_last_seen(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,reported\n"
           "E1,C1,missing,2017-05-01 21:00,2017-05-01 21:00\n"
           "E8,C1,missing,2017-05-01 21:00,30/04/2017 23:00\n",
           1, 1, "3: column reported: is before last_seen");
}

static void test_unknown_child(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen\n"
           "E1,C1,absent,2017-05-01 21:00\n"
           "E8,C2,missing,2017-05-01 21:00\n"
           "E9,C9,missing,2017-05-01 21:00\n",
           1, 1, "4: column child_id: no child C9 is recorded (import or add the child first)");
    refuse(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI1,C1,E1\nI9,c1,E1\n", 1, 1,
           "3: column episode_ids: episode E1 is of child C1, not c1");
}

static void test_duplicate_id_in_file(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD, "child_id,first_name\nC8,Ed\nC1,Anna\n\nC8,Eddie\n", 1, 1,
           "5: column child_id: 'C8' appears again (first on line 2)");
    /* The first occurrence's line counts spanning fields and blank lines. */
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,found_location\n"
           "E8,C1,missing,2017-05-01 21:00,\"a\nb\"\n"
           "\n"
           "E9,C1,missing,2017-05-01 21:00,\n"
           "E8,C1,missing,2017-05-02 21:00,\n"
           "E9,C1,missing,2017-05-03 21:00,\n",
           2, 2, "6: column episode_id: 'E8' appears again (first on line 2)",
           "7: column episode_id: 'E9' appears again (first on line 5)");
}

static void test_with_children_self(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_EPISODE,
           "episode_id,child_id,kind,last_seen,with_children\n"
           "E1,C1,missing,2017-05-01 22:00,C2;C3\n"
           "E8,C2,missing,2017-05-01 21:00,C3; C2\n",
           1, 1, "3: column with_children: lists the child C2 themself");
}

static void test_bad_ids(void **state)
{
    struct fx *fx = *state;
    char long_id[HW_ID_MAX + 2];
    memset(long_id, 'x', HW_ID_MAX + 1);
    long_id[HW_ID_MAX + 1] = '\0';
    /* HW_ID_MAX characters of letters, digits and . _ / - are fine. */
    char ok_id[HW_ID_MAX + 1];
    memset(ok_id, 'y', HW_ID_MAX);
    memcpy(ok_id, "a.b_c/d-E9", 10);
    ok_id[HW_ID_MAX] = '\0';
    char *text = hw_asprintf("child_id,first_name\n%s,Long\n", ok_id);
    import_ok(fx, HW_REC_CHILD, text, 1, 1, 0, 0);
    free(text);

    text = hw_asprintf("child_id,first_name\nC1,Anna\nC#1,Ed\n\"C 2\",Fi\n%s,Gil\n,Hal\n", long_id);
    char *l5 =
        hw_asprintf("5: column child_id: '%s': an ID is at most %d characters", long_id, HW_ID_MAX);
    refuse(fx, HW_REC_CHILD, text, 4, 4,
           "3: column child_id: 'C#1': an ID may hold only letters, digits and . _ / - (found "
           "'#')",
           "4: column child_id: 'C 2': an ID may hold only letters, digits and . _ / - (found "
           "' ')",
           l5, "6: column child_id is required");
    free(l5);
    free(text);

    /* In ID lists too. */
    refuse(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI1,C1,E1\nI8,C1,E1;E*2\n", 1,
           1,
           "3: column episode_ids: 'E1;E*2': an ID may hold only letters, digits and . _ / - "
           "(found '*')");
}

static void test_text_too_long(void **state)
{
    struct fx *fx = *state;
    char name[202];
    memset(name, 'n', 201);
    name[201] = '\0';
    /* 200 bytes are fine (multi-byte characters count as bytes). */
    char *text = hw_asprintf("child_id,first_name\nC8,%.200s\n", name);
    import_ok(fx, HW_REC_CHILD, text, 1, 1, 0, 0);
    free(text);

    text = hw_asprintf("child_id,first_name\nC1,Anna\nC9,%s\n", name);
    /* The value is quoted up to 80 bytes. */
    char *l3 = hw_asprintf("3: column first_name: '%.80s': text is longer than 200 bytes", name);
    refuse(fx, HW_REC_CHILD, text, 1, 1, l3);
    free(l3);
    free(text);

    /* 100 two-byte characters are 200 bytes; one more ASCII byte is too many. */
    struct hw_buf b = {0};
    hw_buf_puts(&b, "child_id,first_name\nC1,Anna\nC9,x");
    for (int i = 0; i < 100; i++)
        hw_buf_puts(&b, "\xC3\xA9");
    hw_buf_puts(&b, "\n");
    refuse_n(fx, HW_REC_CHILD, b.data, b.len, 1, 1, (const char *)NULL);
    assert_non_null(strstr(fx->res.errors.data, ":3: column first_name: 'x"));
    assert_non_null(strstr(fx->res.errors.data, "': text is longer than 200 bytes\n"));
    hw_buf_free(&b);
}

static void test_control_character(void **state)
{
    struct fx *fx = *state;
    /* Tab, and newline and CR inside quotes, are allowed. */
    import_ok(fx, HW_REC_CHILD, "child_id,school\nC8,\"St\tMary's\r\nLower\"\n", 1, 1, 0, 0);
    struct hw_child c;
    get_child(fx, "C8", &c);
    assert_string_equal(c.school, "St\tMary's\r\nLower");
    hw_record_clear(hw_child_fields, &c);

    refuse(fx, HW_REC_CHILD, "child_id,first_name,team\nC1,Anna,\nC9,A\x01n,\x1b[31m\x7f\n", 1, 2,
           "3: column first_name: 'A\x01n': text holds a control character (code 1)",
           "3: column team: '\x1b[31m\x7f': text holds a control character (code 27)");
    refuse(fx, HW_REC_CHILD, "child_id,first_name\nC1,Anna\nC9,Del\x7f\n", 1, 1,
           "3: column first_name: 'Del\x7f': text holds a control character (code 127)");
}

/* A NUL byte in a field is refused as a control character, not allowed to
 * cut the text short ("Al<NUL>ice" is not imported as "Al"). */
static void test_nul_byte(void **state)
{
    struct fx *fx = *state;
    static const char text[] = "child_id,first_name\nC1,Anna\nC9,Al\0ice\n";
    refuse_n(fx, HW_REC_CHILD, text, sizeof text - 1, 1, 1, (const char *)NULL);
    assert_non_null(strstr(fx->res.errors.data, ":3: column first_name: "));
    assert_non_null(strstr(fx->res.errors.data, "control character (code 0)"));
}

static void test_invalid_utf8(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD,
           "child_id,first_name,last_name\nC1,Anna,Lee\nC8,Ren\xC3\xA9,Lee\nC9,Jos\xE9,M\xFCller\n",
           1, 1, "4: column first_name: the text is not UTF-8 (save the file as UTF-8)");
    refuse(fx, HW_REC_CHILD, "child_id,first_name,last_name\nC1,Anna,Lee\nC9,Ok,\xED\xA0\x80\n", 1,
           1, "3: column last_name: the text is not UTF-8 (save the file as UTF-8)");
}

static void test_interview_unknown_episode(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids\nI1,C1,E2\nI8,C1,E9\nI9,C1,E1;E99\n", 2, 2,
           "3: column episode_ids: no episode E9 is recorded",
           "4: column episode_ids: no episode E99 is recorded");
}

static void test_interview_other_childs_episode(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids\nI2,C2,E3\nI8,C1,E1;E3\n", 1, 1,
           "3: column episode_ids: episode E3 is of child C2, not C1");
}

static void test_interview_episodes_apart(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids\nI1,C1,E1\nI8,C1,E1;E5\nI9,C1,E4;E2\n", 2, 2,
           "3: column episode_ids: one interview may cover episodes within 7 days of each other",
           "4: column episode_ids: one interview may cover episodes within 7 days of each other");
}

static void test_interview_outcome_and_completed(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids,outcome,completed\n"
           "I1,C1,E1,completed,2017-05-03 10:00\n"
           "I8,C1,E1,pending,2017-05-03 10:00\n"
           "I9,C1,E2,,2017-05-03 10:00\n",
           2, 2, "3: column outcome: must be completed when a completed time is given",
           "4: column outcome: must be completed when a completed time is given");
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids,outcome,completed\n"
           "I1,C1,E1,completed,2017-05-03 10:00\n"
           "I8,C1,E1,completed,\n",
           1, 1, "3: column completed: a completed interview needs its completed time");
}

/* Completed more than 72 hours after the first return among the episodes
 * covered: the reason is required (004 section 10); exactly 72 hours is in
 * time. */
static void test_interview_lateness(void **state)
{
    struct fx *fx = *state;
    static const char header[] = "interview_id,child_id,episode_ids,outcome,completed,"
                                 "lateness_reason\n";
    char *csv = hw_asprintf("%sI70,C1,E1,completed,2017-05-05 09:30,\n"
                            "I71,C1,E1,completed,2017-05-05 09:30:01,\n"
                            "I72,C1,E2;E1,completed,2017-05-05 10:00,\n"
                            "I73,C2,E3,completed,2017-06-30 10:00,\n",
                            header);
    refuse(fx, HW_REC_INTERVIEW, csv, 2, 2,
           "3: column lateness_reason: is required: completed 2017-05-05 09:30:01, after the 72 "
           "hours from the return of episode E1 (due by 2017-05-05 09:30); give the main reason it "
           "was late (--lateness-reason): missing_again|declined|worker_availability|"
           "weekend_bank_holiday|child_unavailable|other",
           "4: column lateness_reason: is required: completed 2017-05-05 10:00, after the 72 "
           "hours from the return of episode E1 (due by 2017-05-05 09:30); give the main reason it "
           "was late (--lateness-reason): missing_again|declined|worker_availability|"
           "weekend_bank_holiday|child_unavailable|other");
    free(csv);
    /* Given, the file goes in; an episode still missing starts no clock. */
    csv = hw_asprintf("%sI70,C1,E1,completed,2017-05-05 09:30,\n"
                      "I71,C1,E1,completed,2017-05-05 09:30:01,worker_availability\n"
                      "I72,C1,E2;E1,completed,2017-05-05 10:00,Weekend_Bank_Holiday\n"
                      "I73,C2,E3,completed,2017-06-30 10:00,\n",
                      header);
    import_ok(fx, HW_REC_INTERVIEW, csv, 4, 4, 0, 0);
    free(csv);
    struct hw_interview iv;
    get_interview(fx, "I72", &iv);
    assert_int_equal(iv.lateness_reason, HW_LATE_WEEKEND_BANK_HOLIDAY);
    hw_record_clear(hw_interview_fields, &iv);
    get_interview(fx, "I70", &iv);
    assert_int_equal(iv.lateness_reason, HW_LATE_UNSET);
    hw_record_clear(hw_interview_fields, &iv);
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids,lateness_reason\nI9,C1,E1,late\n", 1, 1,
           "2: column lateness_reason: 'late': expected one of missing_again|declined|"
           "worker_availability|weekend_bank_holiday|child_unavailable|other");
}

/* A manager may override the rules' decision, with a reason; where the
 * rules leave it to professional judgement, no reason is needed. */
static void test_interview_override(void **state)
{
    struct fx *fx = *state;
    static const char header[] = "interview_id,child_id,episode_ids,decision,decision_reason\n";
    char *csv = hw_asprintf("%sI80,C1,E1,not_required,\n"
                            "I81,C1,E1,judgement,\n"
                            "I82,C1,E2,required,\n"
                            "I83,C2,E3,not_required,\n"
                            "I84,C1,E1;E2,required,\n"
                            "I85,C1,E2,not_required,\n",
                            header);
    refuse(fx, HW_REC_INTERVIEW, csv, 3, 3,
           "2: column decision_reason: is required: the rules say required (episode E1: "
           "overnight_6h, over_9h, exploitation_risk, crime_drugs_risk) and the decision is "
           "not_required; record why they are overridden (--decision-reason)",
           "3: column decision_reason: is required: the rules say required (episode E1: "
           "overnight_6h, over_9h, exploitation_risk, crime_drugs_risk) and the decision is "
           "judgement; record why they are overridden (--decision-reason)",
           "4: column decision_reason: is required: the rules say not_required (episode E2: "
           "repeat_28d, exploitation_risk, crime_drugs_risk) and the decision is required; record "
           "why they are overridden (--decision-reason)");
    free(csv);
    csv = hw_asprintf("%sI80,C1,E1,not_required,Seen at length by the police; no concerns\n"
                      "I81,C1,E1,judgement,Frequency agreed with carers (12.3)\n"
                      "I82,C1,E2,required,The child asked for one\n"
                      "I83,C2,E3,not_required,\n"
                      "I84,C1,E1;E2,required,\n"
                      "I85,C1,E2,not_required,\n",
                      header);
    import_ok(fx, HW_REC_INTERVIEW, csv, 6, 6, 0, 0);
    free(csv);
    struct hw_interview iv;
    get_interview(fx, "I80", &iv);
    assert_int_equal(iv.decision, HW_DEC_NOT_REQUIRED);
    assert_string_equal(iv.decision_reason, "Seen at length by the police; no concerns");
    hw_record_clear(hw_interview_fields, &iv);
}

/* Reasons are codes of the reasons list: checked and normalised when given
 * anew; as stored, kept even when the list no longer holds them. */
static void test_interview_reasons(void **state)
{
    struct fx *fx = *state;
    import_ok(fx, HW_REC_INTERVIEW,
              "interview_id,child_id,episode_ids,reasons\n"
              "I90,C1,E1,\" Drugs ;CSE;drugs;;\"\n"
              "I91,C1,E1,\n",
              2, 2, 0, 0);
    struct hw_interview iv;
    get_interview(fx, "I90", &iv);
    assert_string_equal(iv.reasons, "drugs;cse");
    hw_record_clear(hw_interview_fields, &iv);
    refuse(fx, HW_REC_INTERVIEW,
           "interview_id,child_id,episode_ids,reasons\nI91,C1,E1,with_friends;boredom\n", 1, 1,
           "2: column reasons: unknown reason 'boredom': expected ';'-separated codes of the "
           "reasons list ('homeward reasons show'): criminal_activity|return_to_family|"
           "behaviour_problems|with_friends|independence|drugs|miscommunication|cse|"
           "housing_problems|other");

    /* A council's own list. */
    struct hw_reasons *own = hw_calloc(1, sizeof *own);
    struct hw_err err;
    assert_int_equal(
        hw_reasons_parse("boredom  Boredom\npeer_pressure  Peer pressure\n", "r.txt", own, &err),
        0);
    fx->reasons = own;
    import_ok(fx, HW_REC_INTERVIEW,
              "interview_id,child_id,episode_ids,reasons\n"
              "I90,C1,E1,drugs;cse\n"
              "I91,C1,E1,Boredom\n",
              2, 0, 1, 1);
    refuse(fx, HW_REC_INTERVIEW, "interview_id,child_id,episode_ids,reasons\nI90,C1,E1,drugs\n", 1,
           1,
           "2: column reasons: unknown reason 'drugs': expected ';'-separated codes of the "
           "reasons list ('homeward reasons show'): boredom|peer_pressure");
    get_interview(fx, "I91", &iv);
    assert_string_equal(iv.reasons, "boredom");
    hw_record_clear(hw_interview_fields, &iv);
    fx->reasons = NULL;
    free(own);
}

static void test_bad_flags(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD, "child_id,flags\nC1,CSE; drugs\nC8,cse;bogus\n", 1, 1,
           "3: column flags: 'cse;bogus': unknown flag 'bogus': expected ';'-separated "
           "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled");
}

static void test_multiple_errors_per_row(void **state)
{
    struct fx *fx = *state;
    refuse(fx, HW_REC_CHILD,
           "child_id,date_of_birth,case_status,flags,out_of_area\n"
           "C1,2004-03-02,cla,,y\n"
           "C8,2005-13-01,open,cse;xx,maybe\n"
           "C9,2005-01-01,cin,,\n"
           "C10,,,gang;yy,\n",
           2, 5,
           "3: column date_of_birth: '2005-13-01': expected a date as YYYY-MM-DD or "
           "DD/MM/YYYY",
           "3: column case_status: 'open': expected one of not_open|early_help|cin|cpp|cla",
           "3: column flags: 'cse;xx': unknown flag 'xx': expected ';'-separated "
           "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled",
           "3: column out_of_area: 'maybe': expected one of y|n|yes|no",
           "5: column flags: 'gang;yy': unknown flag 'yy': expected ';'-separated "
           "cse|cce|trafficking|gang|crime|drugs|risky_adults|disabled");
    /* Listed in file order. */
    const char *e = fx->res.errors.data;
    const char *a = strstr(e, ":3: column date_of_birth"), *b = strstr(e, ":3: column flags");
    const char *c = strstr(e, ":5: column flags");
    assert_true(a < b && b < c);
}

static void test_too_many_errors(void **state)
{
    struct fx *fx = *state;
    const size_t n = HW_IMPORT_ERRORS_LISTED + 200;
    struct hw_buf b = {0};
    hw_buf_puts(&b, "child_id,case_status,team\nC1,cla,Changed\n");
    /* Rows X0... from line 3, each with a bad case status; X0 and X998 also
     * have a bad team, so X998 (line 1001) holds errors 1000 and 1001. */
    for (size_t i = 0; i < n; i++)
        hw_buf_printf(&b, "X%zu,bad,%s\n", i, i == 0 || i == 998 ? "\x01" : "");
    refuse_n(fx, HW_REC_CHILD, b.data, b.len, n, n + 2, (const char *)NULL);
    assert_int_equal(fx->res.rows, n + 1);
    assert_int_equal(count_lines(fx->res.errors.data), HW_IMPORT_ERRORS_LISTED);
    const char *cs = "column case_status: 'bad': expected one of not_open|early_help|cin|cpp|cla";
    char *line = hw_asprintf("3: %s", cs);
    assert_has_error(fx, line);
    free(line);
    assert_has_error(fx, "3: column team: '\x01': text holds a control character (code 1)");
    line = hw_asprintf("1001: %s", cs);
    assert_has_error(fx, line);
    free(line);
    /* Error 1001 and on are counted, not listed. */
    char *l1001 = hw_asprintf("%s:1001: column team", fx->path);
    char *l1002 = hw_asprintf("%s:1002:", fx->path);
    assert_null(strstr(fx->res.errors.data, l1001));
    assert_null(strstr(fx->res.errors.data, l1002));
    free(l1001);
    free(l1002);
    hw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_import_children, setup_empty, teardown),
        cmocka_unit_test_setup_teardown(test_import_episodes_and_interviews, setup_empty, teardown),
        cmocka_unit_test_setup_teardown(test_reimport_changes_nothing_twice, setup_seeded,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_columns_any_order_and_case, setup_empty, teardown),
        cmocka_unit_test_setup_teardown(test_day_first_forms, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_empty_optional_fields, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_header_only, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_episode_defaults, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_links, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_cover_days_boundary, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_column, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_long_header_name, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_column, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_missing_required_column, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_csv, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_field_count, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_bad_enum, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_bad_date, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_bad_time, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_time_in_gap, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_returned_before_last_seen, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_reported_before_last_seen, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_child, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_id_in_file, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_with_children_self, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_bad_ids, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_text_too_long, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_control_character, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_nul_byte, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_unknown_episode, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_other_childs_episode, setup_seeded,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_interview_episodes_apart, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_outcome_and_completed, setup_seeded,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_interview_lateness, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_override, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_interview_reasons, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_bad_flags, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_multiple_errors_per_row, setup_seeded, teardown),
        cmocka_unit_test_setup_teardown(test_too_many_errors, setup_seeded, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
