/* test_ssda903.c - the SSDA903 Missing table's validation rules on tables
 * built by hand (core/ssda903.c; docs/ssda903.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"
#include "core/ssda903.h"

/* ---- building tables ---- */

static const char *txt(struct hw_903_data *d, const char *s)
{
    return hw_903_text(d, s, strlen(s));
}

static void add_mis(struct hw_903_data *d, bool last, const char *child, const char *dob,
                    const char *type, const char *start, const char *end)
{
    struct hw_903_missing *m = hw_903_add_missing(d, last);
    m->child = txt(d, child);
    m->dob = hw_903_date_parse(d, dob);
    m->missing = txt(d, type);
    m->start = hw_903_date_parse(d, start);
    m->end = hw_903_date_parse(d, end);
}

/* A Missing row of this year: child, type, start, end (DOB 01/01/2008). */
static void mis(struct hw_903_data *d, const char *child, const char *type, const char *start,
                const char *end)
{
    add_mis(d, false, child, "01/01/2008", type, start, end);
}

static void last(struct hw_903_data *d, const char *child, const char *start, const char *end)
{
    add_mis(d, true, child, "01/01/2008", "M", start, end);
}

static void ep(struct hw_903_data *d, const char *child, const char *decom, const char *dec,
               const char *rec)
{
    struct hw_903_episode *e = hw_903_add_episode(d);
    e->child = txt(d, child);
    e->decom = hw_903_date_parse(d, decom);
    e->dec = hw_903_date_parse(d, dec);
    e->rec = txt(d, rec);
}

/* The rows the rule flags, "1 4" (table named when not Missing: "e3"),
 * after validating d for 2022-23. */
static char *flagged(const struct hw_903_data *d, const char *rule)
{
    struct hw_903_errors e = {0};
    struct hw_buf b = {0};
    hw_903_validate(d, 2022, &e);
    for (size_t i = 0; i < e.n; i++)
        if (strcmp(e.v[i].rule->code, rule) == 0)
            hw_buf_printf(&b, "%s%s%zu", b.len ? " " : "",
                          e.v[i].table == HW_903_EPISODES ? "e" : "", e.v[i].row);
    hw_903_errors_free(&e);
    if (b.data == NULL)
        hw_buf_puts(&b, "");
    return hw_buf_take(&b);
}

#define ASSERT_FLAGS(d, rule, want)                                                                \
    do {                                                                                           \
        char *got_ = flagged(d, rule);                                                             \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

/* ---- reading values ---- */

static void test_dates(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    char buf[HW_903_DATE_LEN];
    struct hw_903_date t = hw_903_date_parse(&d, "01/04/2022");
    assert_int_equal(t.state, HW_903_VALID);
    assert_true(t.date == hw_date_from_ymd(2022, 4, 1));
    assert_string_equal(hw_903_date_str(&t, buf), "01/04/2022");
    /* One-digit day and month, as the validator's %d/%m accept. */
    t = hw_903_date_parse(&d, "1/4/2022");
    assert_int_equal(t.state, HW_903_VALID);
    assert_true(t.date == hw_date_from_ymd(2022, 4, 1));
    t = hw_903_date_parse(&d, "29/02/2024");
    assert_int_equal(t.state, HW_903_VALID);
    assert_int_equal(hw_903_date_parse(&d, "").state, HW_903_BLANK);
    /* A one-digit day may follow one space (Python's %d allows " 1"). */
    t = hw_903_date_parse(&d, " 1/4/2022");
    assert_int_equal(t.state, HW_903_VALID);
    assert_true(t.date == hw_date_from_ymd(2022, 4, 1));
    assert_string_equal(hw_903_date_str(&t, buf), "01/04/2022");
    const char *bad[] = {"29/02/2023",  "2022-04-01",  "13/10/21",    "10/24/2021", "01/04/2022 ",
                         " 01/04/2022", "001/04/2022", "01/04/20221", "01-04-2022", "31/04/2022",
                         "00/01/2022",  "01/00/2022",  "21/09/1677",  "12/04/2262", "01/01/0001",
                         "  1/04/2022", "\t1/04/2022", "1/ 4/2022",   " 0/04/2022", "-",
                         "/",           "1//2022"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        t = hw_903_date_parse(&d, bad[i]);
        assert_int_equal(t.state, HW_903_INVALID);
        assert_string_equal(hw_903_date_str(&t, buf), bad[i]);
    }
    /* The days a pandas Timestamp holds, as the validator reads dates. */
    assert_int_equal(hw_903_date_parse(&d, "22/09/1677").state, HW_903_VALID);
    assert_int_equal(hw_903_date_parse(&d, "11/04/2262").state, HW_903_VALID);
    assert_int_equal(hw_903_date_parse(&d, "01/01/2262").state, HW_903_VALID);
    /* Text is upper-cased. */
    assert_string_equal(txt(&d, "c12a"), "C12A");
    assert_string_equal(hw_903_date_parse(&d, "1st april").text, "1ST APRIL");
    hw_903_data_free(&d);
}

/* ---- the rules on one row ---- */

static void test_1004_1005(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    mis(&d, "C1", "M", "05/05/2022", "05/05/2022"); /* 1 */
    mis(&d, "C2", "M", "06/06/2022", "");           /* 2: open */
    mis(&d, "C3", "", "", "07/06/2022");            /* 3: blank start */
    mis(&d, "C4", "A", "14/11/2022", "14/11/22");   /* 4: two-digit year */
    mis(&d, "C5", "M", "11/25/2022", "");           /* 5: month 25 */
    mis(&d, "C6", "M", "2022-06-01", "2022-06-02"); /* 6: ISO dates are not the 903's */
    ASSERT_FLAGS(&d, "1004", "3 5 6");
    ASSERT_FLAGS(&d, "1005", "4 6");
    hw_903_data_free(&d);
}

static void test_1006(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    const char *types[] = {"M", "A", "AWOL", "NA", "", "m", "a", " M", "X"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        mis(&d, "C1", types[i], "", "");
    /* Lower case is upper-cased on reading, so m and a are M and A. */
    ASSERT_FLAGS(&d, "1006", "3 4 8 9");
    hw_903_data_free(&d);
}

static void test_564_565_566(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    mis(&d, "C1", "M", "", "");                     /* 1: 564 */
    mis(&d, "C2", "A", "08/02/2023", "");           /* 2 */
    mis(&d, "C3", "", "", "");                      /* 3 */
    mis(&d, "C4", "", "09/02/2023", "");            /* 4: 565 */
    mis(&d, "C5", "", "", "10/02/2023");            /* 5: 566 */
    mis(&d, "C6", "", "9 Feb", "x");                /* 6: 565 and 566 (invalid counts) */
    mis(&d, "C7", "M", "bad", "");                  /* 7: invalid start is not blank */
    mis(&d, "C8", "a", "", "11/02/2023");           /* 8: 564 */
    mis(&d, "C9", "M", "12/02/2023", "13/02/2023"); /* 9 */
    ASSERT_FLAGS(&d, "564", "1 8");
    ASSERT_FLAGS(&d, "565", "4 6");
    ASSERT_FLAGS(&d, "566", "5 6");
    hw_903_data_free(&d);
}

static void test_567(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    mis(&d, "C1", "M", "10/07/2022", "12/07/2022"); /* 1 */
    mis(&d, "C2", "M", "10/07/2022", "");           /* 2 */
    mis(&d, "C3", "M", "10/07/2022", "09/07/2022"); /* 3 */
    mis(&d, "C4", "M", "10/07/2022", "10/07/2022"); /* 4: same day */
    mis(&d, "C5", "M", "10/08/2022", "01/07/2022"); /* 5 */
    mis(&d, "C6", "M", "", "01/07/2022");           /* 6 */
    mis(&d, "C7", "M", "10/07/2022", "1/7/22");     /* 7: invalid end */
    ASSERT_FLAGS(&d, "567", "3 5");
    hw_903_data_free(&d);
}

static void test_570_571(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    /* 2022-23: 1 April 2022 to 31 March 2023, both days inside. */
    mis(&d, "C1", "M", "31/03/2023", "31/03/2023"); /* 1 */
    mis(&d, "C2", "M", "01/04/2023", "");           /* 2: 570 */
    mis(&d, "C3", "M", "20/03/2022", "01/04/2022"); /* 3: started last year */
    mis(&d, "C4", "M", "20/03/2022", "31/03/2022"); /* 4: 571 */
    mis(&d, "C5", "M", "30/03/2023", "01/04/2023"); /* 5: 571 */
    mis(&d, "C6", "M", "", "15/06/2019");           /* 6: 571 */
    mis(&d, "C7", "M", "03/09/2024", "04/09/2024"); /* 7: 570 and 571 */
    mis(&d, "C8", "M", "32/03/2023", "");           /* 8: invalid */
    ASSERT_FLAGS(&d, "570", "2 7");
    ASSERT_FLAGS(&d, "571", "4 5 6 7");
    hw_903_data_free(&d);
}

static void test_586(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    add_mis(&d, false, "C1", "03/05/2010", "M", "", "");           /* 1 */
    add_mis(&d, false, "C2", "03/05/2010", "M", "04/05/2010", ""); /* 2 */
    add_mis(&d, false, "C3", "03/05/2010", "M", "03/05/2010", ""); /* 3: on the day */
    add_mis(&d, false, "C4", "03/05/2010", "M", "01/01/2009", ""); /* 4 */
    add_mis(&d, false, "C5", "", "M", "01/01/2009", "");           /* 5: no DOB */
    add_mis(&d, false, "C6", "3rd May", "M", "01/01/2009", "");    /* 6: invalid DOB */
    ASSERT_FLAGS(&d, "586", "3 4");
    hw_903_data_free(&d);
}

/* ---- the rules across rows and tables ---- */

static void test_574(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    mis(&d, "A", "M", "01/06/2022", "05/06/2022"); /* 1: after A's open row 2 */
    mis(&d, "A", "M", "03/06/2022", "");           /* 2: open, sorts by its start */
    mis(&d, "B", "M", "02/07/2022", "03/07/2022"); /* 3 */
    mis(&d, "B", "M", "03/07/2022", "");           /* 4: same-day start is allowed */
    mis(&d, "B", "M", "08/07/2022", "09/07/2022"); /* 5: row 4 still open */
    mis(&d, "C", "A", "10/07/2022", "15/07/2022"); /* 6 */
    mis(&d, "C", "A", "12/07/2022", "20/07/2022"); /* 7: overlaps row 6 */
    mis(&d, "D", "M", "01/08/2022", "04/08/2022"); /* 8 */
    mis(&d, "D", "M", "10/08/2022", "10/08/2022"); /* 9 */
    mis(&d, "D", "M", "04/08/2022", "20/08/2022"); /* 10: ends last, starts before row 9 ended */
    mis(&d, "E", "M", "", "05/09/2022");           /* 11 */
    mis(&d, "E", "M", "", "05/09/2022");           /* 12: no start: nothing to compare */
    mis(&d, "F", "M", "01/10/2022", "x");          /* 13: an invalid end is open */
    mis(&d, "F", "M", "05/10/2022", "06/10/2022"); /* 14 */
    mis(&d, "G", "M", "07/11/2022", "07/11/2022"); /* 15 */
    mis(&d, "G", "M", "07/11/2022", "07/11/2022"); /* 16: same day twice */
    mis(&d, "h", "M", "01/12/2022", "10/12/2022"); /* 17: h is H */
    mis(&d, "H", "M", "05/12/2022", "06/12/2022"); /* 18 */
    mis(&d, "", "M", "01/01/2023", "");            /* 19: no child: not compared */
    mis(&d, "", "M", "02/01/2023", "03/01/2023");  /* 20 */
    mis(&d, "J", "M", "01/02/2023", "");           /* 21 */
    mis(&d, "J", "M", "", "");                     /* 22: no dates: last, after an open row */
    mis(&d, "K", "A", "01/03/2023", "");           /* 23 */
    mis(&d, "K", "A", "01/03/2023", "");           /* 24: the second of two alike */
    ASSERT_FLAGS(&d, "574", "1 5 7 10 14 17 22 24");
    hw_903_data_free(&d);
}

static void test_575(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/06/2022", "10/06/2022", "E4");
    ep(&d, "C2", "08/06/2022", "10/06/2022", "E4");
    ep(&d, "C3", "05/06/2022", "10/06/2022", "E4");
    ep(&d, "C4", "06/06/2022", "", "");
    ep(&d, "C4", "07/06/2022", "10/06/2022", "E4");
    ep(&d, "C5", "08/06/2022", "10/06/2022", "E4");
    ep(&d, "C5", "08/06/2022", "", "");
    ep(&d, "C6", "01/06/2022", "10/06/2022", "E4");
    ep(&d, "C7", "01/06/2022", "10/06/2022", "E4");
    mis(&d, "C1", "M", "01/06/2022", "05/06/2022"); /* 1: ended */
    mis(&d, "C2", "M", "08/06/2022", "");           /* 2: from the DECOM day */
    mis(&d, "C3", "M", "10/06/2022", "");           /* 3: on the DEC day */
    mis(&d, "C4", "M", "06/06/2022", "");           /* 4: only the open episode holds it */
    mis(&d, "C5", "M", "09/06/2022", "");           /* 5: a closed episode holds it */
    mis(&d, "C5", "M", "11/06/2022", "");           /* 6: after the closed one */
    mis(&d, "C6", "M", "02/06/2022", "x");          /* 7: invalid, not blank */
    mis(&d, "C7", "M", "", "");                     /* 8: no start */
    ASSERT_FLAGS(&d, "575", "2 3 5");
    hw_903_data_free(&d);
}

static void test_576(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    last(&d, "C1", "07/02/2022", "07/02/2022");
    last(&d, "C2", "10/03/2022", "");
    last(&d, "C3", "03/02/2022", "07/02/2022");
    last(&d, "C4", "10/03/2022", "");
    last(&d, "C5", "01/03/2022", "");
    last(&d, "C6", "01/03/2022", "");
    last(&d, "C7", "01/03/2022", "");
    last(&d, "C8", "x", "");
    last(&d, "C9", "01/03/2022", "bad");
    mis(&d, "C1", "M", "07/02/2022", "07/02/2022"); /* 1 */
    mis(&d, "C2", "M", "11/03/2022", "");           /* 2: not last year's start */
    mis(&d, "C3", "M", "05/05/2022", "");           /* 3: closed last year */
    mis(&d, "C4", "M", "", "");                     /* 4: no start (01/01/2099) */
    mis(&d, "C5", "M", "01/03/2022", "02/04/2022"); /* 5: carried over */
    mis(&d, "C5", "M", "04/04/2022", "");           /* 6 */
    mis(&d, "C6", "M", "20/05/2022", "");           /* 7 */
    mis(&d, "C6", "M", "01/04/2022", "");           /* 8: the earliest, not last year's */
    mis(&d, "C8", "M", "01/05/2022", "");           /* 9: last year's start invalid */
    mis(&d, "C9", "M", "01/05/2022", "");           /* 10: last year's end not blank */
    last(&d, "C10", "01/03/2022", "");
    last(&d, "C10", "15/03/2022", "");
    mis(&d, "C10", "M", "01/03/2022", "05/04/2022"); /* 11: matches one of two open */
    last(&d, "C11", "01/03/2022", "");
    mis(&d, "C11", "M", "02/05/2022", "02/05/2022"); /* 12: earliest, the first of two */
    mis(&d, "C11", "M", "02/05/2022", "02/05/2022"); /* 13 */
    /* C7's open period is not carried over, but C7 has no rows this year:
     * the validator does not flag it, nor does Homeward. */
    ASSERT_FLAGS(&d, "576", "2 4 8 11 12");
    hw_903_data_free(&d);

    /* Without last year's table the rule does not run. */
    struct hw_903_data d2 = {0};
    mis(&d2, "C2", "M", "11/03/2022", "");
    ASSERT_FLAGS(&d2, "576", "");
    hw_903_data_free(&d2);
}

static void test_577(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/04/2015", "31/03/2019", "E4");
    ep(&d, "C2", "01/04/2016", "30/03/2019", "E4");
    ep(&d, "C3", "01/04/2017", "01/01/2018", "E4");
    ep(&d, "C3", "01/04/2022", "01/01/2023", "");
    ep(&d, "C3", "01/01/2023", "05/02/2023", "E4"); /* continues the period */
    ep(&d, "C4", "01/04/2019", "", "");
    ep(&d, "C5", "01/04/2010", "01/01/2013", "");
    ep(&d, "C5", "01/01/2013", "01/01/2020", "");
    ep(&d, "C5", "01/04/2015", "04/06/2022", "E4"); /* one period to 04/06/2022 */
    ep(&d, "C6", "01/04/2015", "04/06/2022", "E4");
    ep(&d, "C7", "01/04/2015", "04/06/2022", "E4");
    ep(&d, "C8", "01/04/2015", "04/06/2022", "E4");
    ep(&d, "C9", "01/01/2022", "04/06/2022", "");
    ep(&d, "C9", "04/06/2022", "11/08/2022", "");
    ep(&d, "C9", "11/08/2022", "01/12/2022", "E4");
    ep(&d, "C9", "22/12/2022", "25/12/2022", "E4");
    ep(&d, "C9", "01/01/2023", "22/02/2023", "");
    ep(&d, "C9", "22/02/2023", "", "");
    ep(&d, "C10", "01/05/2022", "", "");             /* open, so the next one continues */
    ep(&d, "C10", "01/06/2022", "10/06/2022", "E4"); /* and the period ends here */
    ep(&d, "C11", "01/04/2022", "", "");
    ep(&d, "C12", "01/04/2022", "10/04/2022", "E4");
    ep(&d, "C14", "x", "10/04/2022", "E4");
    mis(&d, "C1", "M", "01/01/2019", "");           /* 1: care ended, still missing */
    mis(&d, "C2", "M", "01/01/2019", "02/06/2022"); /* 2: ends after care ended */
    mis(&d, "C3", "M", "01/01/2018", "03/06/2023"); /* 3: outside both periods */
    mis(&d, "C3", "M", "01/01/2018", "03/06/2022"); /* 4: ends in the second */
    mis(&d, "C4", "M", "01/01/2019", "04/06/2022"); /* 5: ends in the open period */
    mis(&d, "C5", "M", "01/01/2013", "01/01/2014"); /* 6 */
    mis(&d, "C5", "M", "01/01/2013", "01/01/2021"); /* 7: inside the joined period */
    mis(&d, "C6", "M", "01/01/2013", "01/01/2013"); /* 8: ends before care began */
    mis(&d, "C7", "M", "", "01/01/2013");           /* 9: no start: not judged */
    mis(&d, "C8", "M", "01/01/2013", "");           /* 10: open, care ended */
    mis(&d, "C9", "M", "01/01/2022", "");           /* 11: open, before the open period */
    mis(&d, "C9", "M", "01/01/2023", "");           /* 12: open, in the open period */
    mis(&d, "C9", "M", "04/06/2022", "04/06/2023"); /* 13: ends in the open period */
    mis(&d, "C10", "M", "15/05/2022", "");          /* 14: the period has ended */
    mis(&d, "C11", "M", "02/04/2022", "x");         /* 15: an invalid end is open */
    mis(&d, "C12", "M", "02/04/2022", "x");         /* 16 */
    mis(&d, "C13", "M", "01/05/2022", "");          /* 17: no episodes */
    mis(&d, "C14", "M", "01/05/2022", "");          /* 18: no valid DECOM: no period */
    ASSERT_FLAGS(&d, "577", "1 2 3 8 10 11 14 16");
    hw_903_data_free(&d);
}

static void test_578(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/04/2015", "31/03/2019", "E4");
    ep(&d, "C2", "01/04/2017", "01/01/2018", "E4");
    ep(&d, "C2", "01/04/2022", "01/01/2023", "");
    ep(&d, "C2", "01/01/2023", "05/02/2023", "E4");
    ep(&d, "C3", "01/04/2019", "", "");
    ep(&d, "C5", "01/04/2015", "04/06/2022", "");
    ep(&d, "C5", "04/06/2022", "", "");
    mis(&d, "C1", "M", "01/06/2022", "");           /* 1: after care ended */
    mis(&d, "C2", "M", "03/03/2023", "04/03/2023"); /* 2: after both periods */
    mis(&d, "C2", "M", "03/06/2022", "04/06/2022"); /* 3 */
    mis(&d, "C3", "M", "04/06/2022", "");           /* 4 */
    mis(&d, "C3", "M", "01/01/2019", "02/01/2019"); /* 5: before care began */
    mis(&d, "C4", "M", "01/06/2022", "");           /* 6: no episodes */
    mis(&d, "C5", "M", "01/01/2049", "");           /* 7: the period is open */
    mis(&d, "C1", "M", "31/03/2019", "31/03/2019"); /* 8: the last day */
    mis(&d, "C1", "M", "01/04/2015", "01/04/2015"); /* 9: the first day */
    mis(&d, "C1", "M", "", "");                     /* 10: no start */
    /* Overlapping episodes: the period ends with the last to start. */
    ep(&d, "C6", "01/04/2015", "01/05/2022", "X1");
    ep(&d, "C6", "01/05/2022", "01/01/2023", "E4");
    ep(&d, "C6", "01/06/2022", "10/06/2022", "E4");
    mis(&d, "C6", "M", "09/06/2022", "10/06/2022"); /* 11 */
    mis(&d, "C6", "M", "20/06/2022", "21/06/2022"); /* 12: after 10/06, in the long episode */
    ASSERT_FLAGS(&d, "578", "1 2 5 12");
    ASSERT_FLAGS(&d, "581", "1 2 5 10");
    hw_903_data_free(&d);
}

static void test_580(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/04/2020", "01/06/2022", "E7");  /* e1: not E8 */
    ep(&d, "C2", "01/04/2020", "05/06/2022", "E8");  /* e2 */
    ep(&d, "C3", "01/04/2020", "06/06/2022", "");    /* e3: blank */
    ep(&d, "C4", "01/04/2020", "07/06/2022", "E4");  /* e4: another day */
    ep(&d, "C5", "01/04/2020", "09/06/2022", "e8");  /* e5: e8 is E8 */
    ep(&d, "C6", "01/04/2020", "19/06/2022", "E4");  /* e6: away, not missing: same */
    ep(&d, "C7", "01/04/2020", "28/02/2022", "E4");  /* e7: born on 29 February */
    ep(&d, "C8", "01/04/2020", "10/07/2022", "E4");  /* e8: two rows point at it */
    ep(&d, "C9", "01/04/2020", "11/07/2022", "E4");  /* e9 */
    ep(&d, "C10", "01/04/2020", "13/07/2022", "E4"); /* e10: 17th birthday */
    add_mis(&d, false, "C1", "01/06/2004", "M", "20/05/2022", "01/06/2022");
    add_mis(&d, false, "C2", "05/06/2004", "M", "20/05/2022", "05/06/2022");
    add_mis(&d, false, "C3", "06/06/2004", "M", "20/05/2022", "06/06/2022");
    add_mis(&d, false, "C4", "08/06/2004", "M", "20/05/2022", "08/06/2022");
    add_mis(&d, false, "C5", "09/06/2004", "M", "20/05/2022", "09/06/2022");
    add_mis(&d, false, "C6", "19/06/2004", "A", "20/05/2022", "19/06/2022");
    add_mis(&d, false, "C7", "29/02/2004", "M", "20/02/2022", "28/02/2022");
    add_mis(&d, false, "C8", "10/07/2004", "M", "01/07/2022", "10/07/2022");
    add_mis(&d, false, "C8", "10/07/2004", "M", "09/07/2022", "10/07/2022");
    add_mis(&d, false, "C9", "12/07/2004", "M", "01/07/2022", "12/07/2022");
    add_mis(&d, false, "C10", "13/07/2005", "M", "01/07/2022", "13/07/2022");
    ep(&d, "C11", "01/04/2020", "15/07/2022", "E4"); /* e11: by the Missing row's DOB */
    ep(&d, "C12", "01/04/2020", "20/08/2022", "E4"); /* e12: the Missing row has no DOB */
    ep(&d, "C13", "01/04/2020", "20/08/2022", "X1"); /* e13: a move that day */
    ep(&d, "C13", "20/08/2022", "", "");             /* e14: still open */
    add_mis(&d, false, "C11", "15/07/2004", "M", "01/07/2022", "15/07/2022");
    add_mis(&d, false, "C12", "", "M", "10/08/2022", "20/08/2022");
    add_mis(&d, false, "C13", "20/08/2004", "M", "10/08/2022", "20/08/2022");
    ASSERT_FLAGS(&d, "580", "e1 e3 e6 e7 e8 e11 e13");
    hw_903_data_free(&d);
}

static void test_581(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/06/2022", "10/06/2022", "E4");
    ep(&d, "C2", "06/06/2022", "10/06/2022", "E4");
    ep(&d, "C3", "06/06/2022", "", "");
    ep(&d, "C3", "07/06/2022", "10/06/2022", "E4");
    ep(&d, "C4", "08/06/2022", "10/06/2022", "E4");
    ep(&d, "C4", "12/06/2022", "", "");
    ep(&d, "C5", "15/06/2022", "20/06/2022", "E4");
    ep(&d, "C6", "01/05/2022", "x", "E4");
    ep(&d, "C7", "x", "10/06/2022", "E4");
    ep(&d, "C8", "01/06/2022", "10/06/2022", "E4");
    mis(&d, "C1", "M", "01/06/2022", "05/06/2022"); /* 1: on the DECOM day */
    mis(&d, "C2", "M", "05/06/2022", "05/06/2022"); /* 2: before the episode */
    mis(&d, "C3", "M", "12/06/2022", "");           /* 3: the open episode */
    mis(&d, "C4", "M", "08/06/2022", "09/06/2022"); /* 4 */
    mis(&d, "C4", "M", "11/06/2022", "11/06/2022"); /* 5: between episodes */
    mis(&d, "C4", "M", "19/06/2022", "");           /* 6 */
    mis(&d, "C5", "M", "21/06/2022", "21/06/2022"); /* 7: after the episode */
    mis(&d, "C5", "M", "20/06/2022", "20/06/2022"); /* 8: on the DEC day */
    mis(&d, "C6", "M", "01/09/2022", "");           /* 9: an invalid DEC is open */
    mis(&d, "C7", "M", "05/06/2022", "");           /* 10: no valid DECOM */
    mis(&d, "C8", "M", "", "");                     /* 11: no start */
    mis(&d, "C9", "M", "01/06/2022", "");           /* 12: no episodes: 1012's */
    ASSERT_FLAGS(&d, "581", "2 5 7 10 11");
    hw_903_data_free(&d);
}

static void test_1012(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    ep(&d, "C1", "01/06/2022", "", "");
    ep(&d, "C2", "x", "", "");
    ep(&d, "C2", "01/06/2022", "", "");
    ep(&d, "C3", "", "", "");
    mis(&d, "C1", "M", "01/07/2022", "");
    mis(&d, "C4", "M", "01/07/2022", "");
    mis(&d, "C2", "M", "01/07/2022", "");
    mis(&d, "c3", "M", "01/07/2022", ""); /* any episode counts, whatever its dates */
    mis(&d, "C5", "M", "01/07/2022", "");
    mis(&d, "", "M", "01/07/2022", "");
    ASSERT_FLAGS(&d, "1012", "2 5 6");
    hw_903_data_free(&d);
}

/* One child with many rows: the rules never compare every pair (under
 * ASan, a quadratic pass over 40,000 rows would take minutes). */
static void test_many_rows_one_child(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    struct hw_903_errors e = {0};
    char a[16], b[16];
    for (int i = 0; i < 40000; i++) {
        int y, m, day;
        hw_date_to_ymd(hw_date_from_ymd(2000, 1, 1) + i / 2, &y, &m, &day);
        snprintf(a, sizeof a, "%02d/%02d/%04d", day, m, y);
        hw_date_to_ymd(hw_date_from_ymd(2000, 1, 1) + i / 2 + 1, &y, &m, &day);
        snprintf(b, sizeof b, "%02d/%02d/%04d", day, m, y);
        add_mis(&d, false, "C1", "01/01/1990", "M", a, i % 2 ? b : "");
        ep(&d, "C1", a, i % 3 ? b : "", "E4");
    }
    hw_903_validate(&d, 2022, &e);
    assert_true(e.n > 0);
    hw_903_errors_free(&e);
    hw_903_data_free(&d);
}

/* Errors come ordered by rule, then table and row, with the child and the
 * values involved. */
static void test_errors(void **state)
{
    (void)state;
    struct hw_903_data d = {0};
    struct hw_903_errors e = {0};
    mis(&d, "c9", "x", "31/02/2023", "");
    mis(&d, "C8", "", "01/05/2022", "");
    ep(&d, "C9", "01/04/2022", "", "");
    ep(&d, "C8", "01/04/2022", "", "");
    hw_903_validate(&d, 2022, &e);
    assert_int_equal(e.n, 4);
    assert_string_equal(e.v[0].rule->code, "565");
    assert_int_equal(e.v[0].row, 2);
    assert_string_equal(e.v[0].child, "C8");
    assert_string_equal(e.v[1].rule->code, "581");
    assert_int_equal(e.v[1].row, 1);
    assert_string_equal(e.v[2].rule->code, "1004");
    assert_string_equal(e.v[2].child, "C9");
    assert_string_equal(e.v[2].detail, "MIS_START=31/02/2023");
    assert_string_equal(e.v[3].rule->code, "1006");
    assert_string_equal(e.v[3].detail, "MISSING=X");
    assert_int_equal(e.v[3].table, HW_903_MISSING);
    assert_string_equal(hw_903_table_name(e.v[3].table), "missing");
    hw_903_errors_free(&e);
    hw_903_data_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates),  cmocka_unit_test(test_1004_1005),
        cmocka_unit_test(test_1006),   cmocka_unit_test(test_564_565_566),
        cmocka_unit_test(test_567),    cmocka_unit_test(test_570_571),
        cmocka_unit_test(test_586),    cmocka_unit_test(test_574),
        cmocka_unit_test(test_575),    cmocka_unit_test(test_576),
        cmocka_unit_test(test_577),    cmocka_unit_test(test_578),
        cmocka_unit_test(test_580),    cmocka_unit_test(test_581),
        cmocka_unit_test(test_1012),   cmocka_unit_test(test_many_rows_one_child),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
