/* test_generate.c - the synthetic council generator.
 *
 * Generates into temporary directories and reads the CSV back with a small
 * reader of its own (the generator promises no commas or quotes in values, so
 * splitting lines on commas is exact). Checks determinism, the exact headers,
 * the consistency the importer and reports rely on (no overlapping episodes,
 * companions and interviews that point at real records, open episodes only
 * around `now`) and that volumes and shapes are plausible for the scale.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/domain.h"
#include "core/hwtime.h"
#include "core/reasons.h"
#include "io/generate.h"

static const char *const files[] = {"children.csv", "episodes.csv", "interviews.csv",
                                    "care_periods.csv"};

static const char children_header[] =
    "child_id,first_name,last_name,date_of_birth,gender,ethnicity,responsible_authority,"
    "case_status,flags,placement_type,placement_name,out_of_area,team,worker,school";
static const char episodes_header[] =
    "episode_id,child_id,kind,last_seen,reported,returned,risk,missing_from_type,"
    "missing_from_name,out_of_area,case_status,police_ref,harmed,crime_while_absent,"
    "found_location,with_children";
static const char interviews_header[] =
    "interview_id,child_id,episode_ids,decision,decision_reason,offered,outcome,completed,"
    "conducted_by,reasons,risks,screening,shared_with_police,lateness_reason";
static const char periods_header[] =
    "child_id,decom,dec,rec,rne,ls,cin,place,place_provider,reason_place_change,home_post,"
    "pl_post,urn";

enum {
    C_ID,
    C_FIRST,
    C_LAST,
    C_DOB,
    C_GENDER,
    C_ETHNICITY,
    C_RA,
    C_STATUS,
    C_FLAGS,
    C_PTYPE,
    C_PNAME,
    C_OOA,
    C_TEAM,
    C_WORKER,
    C_SCHOOL,
    C_NCOLS
};
enum {
    E_ID,
    E_CHILD,
    E_KIND,
    E_LAST_SEEN,
    E_REPORTED,
    E_RETURNED,
    E_RISK,
    E_FROM_TYPE,
    E_FROM_NAME,
    E_OOA,
    E_STATUS,
    E_POLICE,
    E_HARMED,
    E_CRIME,
    E_FOUND,
    E_WITH,
    E_NCOLS
};
enum {
    I_ID,
    I_CHILD,
    I_EPISODES,
    I_DECISION,
    I_DECISION_REASON,
    I_OFFERED,
    I_OUTCOME,
    I_COMPLETED,
    I_BY,
    I_REASONS,
    I_RISKS,
    I_SCREENING,
    I_SHARED,
    I_LATENESS,
    I_NCOLS
};
enum { P_CHILD, P_DECOM, P_DEC, P_REC, P_RNE, P_LS, P_CIN, P_PLACE, P_PROVIDER, P_NCOLS = 13 };

/* ---- files and directories ---- */

static char *make_dir(void)
{
    char *dir = strdup("/tmp/hw_test_generate_XXXXXX");
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static void remove_dir(char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        char *p = path_in(dir, de->d_name);
        unlink(p);
        free(p);
    }
    closedir(d);
    rmdir(dir);
    free(dir);
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
    char *p = path_in(dir, name);
    FILE *f = fopen(p, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", p);
    free(p);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static struct hw_generate_opts opts(uint64_t seed, int years, double scale, const char *now)
{
    struct hw_generate_opts o = {.seed = seed, .years = years, .scale = scale, .end_year = 2017};
    o.now = HW_NO_TIME;
    if (now != NULL)
        assert_int_equal(hw_parse_local_time(now, &o.now, NULL), 0);
    return o;
}

static void generate_ok(const struct hw_generate_opts *o, const char *dir,
                        struct hw_generate_counts *counts)
{
    struct hw_err err = {0};
    if (hw_generate_counted(o, dir, counts, &err) != 0)
        fail_msg("hw_generate: %s", err.msg);
}

/* ---- a tiny CSV reader: no quoting, CRLF line ends ---- */

struct table {
    char *text;
    char **cell; /* rows * cols, the header excluded */
    size_t rows, cols;
};

static void load(const char *dir, const char *name, size_t cols, const char *header,
                 struct table *t)
{
    t->text = slurp(dir, name, NULL);
    t->cols = cols;
    t->rows = 0;
    t->cell = NULL;
    if (strchr(t->text, '"') != NULL)
        fail_msg("%s: a value needed quoting", name);
    size_t cap = 0;
    char *line = t->text;
    bool first = true;
    while (*line) {
        char *end = strstr(line, "\r\n");
        if (end == NULL)
            fail_msg("%s: a line does not end with CRLF", name);
        *end = '\0';
        if (first) {
            assert_string_equal(line, header);
            first = false;
        } else {
            if (cap < (t->rows + 1) * cols) {
                cap = cap ? 2 * cap : 1024 * cols;
                t->cell = realloc(t->cell, cap * sizeof *t->cell);
                assert_non_null(t->cell);
            }
            char **row = &t->cell[t->rows * cols];
            size_t n = 0;
            for (char *p = line;; p++) {
                if (n < cols)
                    row[n] = p;
                n++;
                p = strchr(p, ',');
                if (p == NULL)
                    break;
                *p = '\0';
            }
            if (n != cols)
                fail_msg("%s row %zu: %zu fields, want %zu", name, t->rows + 1, n, cols);
            t->rows++;
        }
        line = end + 2;
    }
    assert_false(first);
}

static const char *cell(const struct table *t, size_t row, int col)
{
    return t->cell[row * t->cols + (size_t)col];
}

static void unload(struct table *t)
{
    free(t->text);
    free(t->cell);
}

static hw_instant when(const char *s)
{
    hw_instant t;
    const char *why = NULL;
    if (hw_parse_local_time(s, &t, &why) != 0)
        fail_msg("bad time '%s': %s", s, why ? why : "?");
    /* Generated times must read back as themselves (no skipped or repeated hour). */
    char back[HW_LOCAL_LEN];
    hw_format_local(t, back);
    assert_string_equal(back, s);
    return t;
}

/* Children are written in ID order, with IDs of one width: binary search. */
static long find_child(const struct table *c, const char *id, size_t len)
{
    size_t lo = 0, hi = c->rows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strncmp(cell(c, mid, C_ID), id, len);
        if (r == 0 && cell(c, mid, C_ID)[len] != '\0')
            r = 1;
        if (r == 0)
            return (long)mid;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Episode IDs are E0000001... in file order. */
static long episode_index(const struct table *e, const char *id, size_t len)
{
    if (len != 8 || id[0] != 'E')
        return -1;
    long n = strtol(id + 1, NULL, 10) - 1;
    if (n < 0 || (size_t)n >= e->rows || strncmp(cell(e, (size_t)n, E_ID), id, len) != 0)
        return -1;
    return n;
}

/* ---- tests ---- */

static void test_headers(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct hw_generate_opts o = opts(7, 1, 0.2, "2018-01-10 12:00");
    generate_ok(&o, dir, NULL);
    struct table c, e, i, p;
    load(dir, "children.csv", C_NCOLS, children_header, &c);
    load(dir, "episodes.csv", E_NCOLS, episodes_header, &e);
    load(dir, "interviews.csv", I_NCOLS, interviews_header, &i);
    load(dir, "care_periods.csv", P_NCOLS, periods_header, &p);
    assert_true(c.rows > 0 && e.rows > 0 && i.rows > 0 && p.rows > 0);
    unload(&c);
    unload(&e);
    unload(&i);
    unload(&p);

    /* Only the four files are left: no .tmp. */
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        assert_null(strstr(de->d_name, ".tmp"));
        n++;
    }
    closedir(d);
    assert_int_equal(n, 4);
    remove_dir(dir);
}

static void test_deterministic(void **state)
{
    (void)state;
    char *a = make_dir(), *b = make_dir(), *c = make_dir();
    struct hw_generate_opts o = opts(12345, 2, 0.3, "2017-09-01 08:30");
    generate_ok(&o, a, NULL);
    generate_ok(&o, b, NULL);
    o.seed++;
    generate_ok(&o, c, NULL);
    for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
        size_t na, nb, nc;
        char *x = slurp(a, files[k], &na), *y = slurp(b, files[k], &nb),
             *z = slurp(c, files[k], &nc);
        assert_int_equal(na, nb);
        assert_memory_equal(x, y, na);
        assert_true(na != nc || memcmp(x, z, na) != 0);
        free(x);
        free(y);
        free(z);
    }
    remove_dir(a);
    remove_dir(b);
    remove_dir(c);
}

static int cmp_size_desc(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x > y ? -1 : x < y;
}

static const struct table *sort_eps;
static const hw_instant *sort_ls;

/* By child, then last seen. */
static int cmp_by_child(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int r = strcmp(cell(sort_eps, x, E_CHILD), cell(sort_eps, y, E_CHILD));
    if (r != 0)
        return r;
    return sort_ls[x] < sort_ls[y] ? -1 : sort_ls[x] > sort_ls[y];
}

/* Scale 1, one year (FY 2017-18), `now` on 20 March 2018: the whole contract. */
static void test_one_year_shape(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct hw_generate_opts o = opts(2017, 1, 1.0, "2018-03-20 10:00");
    struct hw_generate_counts counts;
    generate_ok(&o, dir, &counts);
    struct table c, e, iv;
    load(dir, "children.csv", C_NCOLS, children_header, &c);
    load(dir, "episodes.csv", E_NCOLS, episodes_header, &e);
    load(dir, "interviews.csv", I_NCOLS, interviews_header, &iv);
    assert_int_equal(counts.children, c.rows);
    assert_int_equal(counts.episodes, e.rows);
    assert_int_equal(counts.interviews, iv.rows);

    /* About 200 episodes a month. */
    assert_in_range(e.rows, 1800, 3000);

    hw_instant start, end;
    assert_int_equal(hw_london_to_instant(2017, 4, 1, 0, 0, 0, &start), 0);
    assert_int_equal(hw_london_to_instant(2018, 4, 1, 0, 0, 0, &end), 0);

    /* Children: unique, sorted IDs; consistent codes. */
    size_t ola = 0;
    for (size_t r = 0; r < c.rows; r++) {
        const char *id = cell(&c, r, C_ID);
        assert_int_equal(strlen(id), 7);
        assert_int_equal(id[0], 'C');
        if (r > 0)
            assert_true(strcmp(cell(&c, r - 1, C_ID), id) < 0);
        hw_date dob;
        assert_int_equal(hw_parse_date(cell(&c, r, C_DOB), &dob), 0);
        const char *g = cell(&c, r, C_GENDER);
        assert_true(!strcmp(g, "male") || !strcmp(g, "female") || !strcmp(g, "other"));
        bool cla = strcmp(cell(&c, r, C_STATUS), "cla") == 0;
        bool home = strcmp(cell(&c, r, C_PTYPE), "home") == 0;
        assert_true(cla != home); /* at home unless looked after */
        assert_true(cell(&c, r, C_PNAME)[0] != '\0');
        if (cell(&c, r, C_RA)[0]) {
            ola++;
            assert_true(cla);
        }
        if (home)
            assert_string_equal(cell(&c, r, C_OOA), "n");
    }
    assert_in_range(ola * 100 / c.rows, 5, 15);

    /* Episodes. */
    hw_instant *ls = calloc(e.rows, sizeof *ls), *ret = calloc(e.rows, sizeof *ret);
    size_t *per_child = calloc(c.rows, sizeof *per_child);
    assert_true(ls && ret && per_child);
    size_t open = 0, under12 = 0, closed = 0, grouped = 0;
    char want_id[24];
    for (size_t r = 0; r < e.rows; r++) {
        snprintf(want_id, sizeof want_id, "E%07zu", r + 1);
        assert_string_equal(cell(&e, r, E_ID), want_id);
        const char *cid = cell(&e, r, E_CHILD);
        long ci = find_child(&c, cid, strlen(cid));
        if (ci < 0)
            fail_msg("episode %s: unknown child %s", want_id, cid);
        per_child[ci]++;
        assert_string_equal(cell(&e, r, E_FROM_TYPE), cell(&c, (size_t)ci, C_PTYPE));
        assert_string_equal(cell(&e, r, E_FROM_NAME), cell(&c, (size_t)ci, C_PNAME));
        assert_string_equal(cell(&e, r, E_STATUS), cell(&c, (size_t)ci, C_STATUS));
        const char *kind = cell(&e, r, E_KIND);
        assert_true(!strcmp(kind, "missing") || !strcmp(kind, "absent"));

        ls[r] = when(cell(&e, r, E_LAST_SEEN));
        assert_true(ls[r] >= start && ls[r] < o.now);
        if (r > 0)
            assert_true(ls[r] >= ls[r - 1]); /* numbered in order of last seen */
        hw_instant rep = when(cell(&e, r, E_REPORTED));
        assert_true(rep >= ls[r] && rep <= o.now);
        if (cell(&e, r, E_RETURNED)[0] == '\0') {
            ret[r] = HW_NO_TIME;
            open++;
            /* Open only because the return would be after now: recent. */
            assert_true(ls[r] >= o.now - 17 * HW_DAY);
            /* Where found, and what happened, are not known yet. */
            assert_string_equal(cell(&e, r, E_FOUND), "");
            assert_string_equal(cell(&e, r, E_HARMED), "");
            assert_string_equal(cell(&e, r, E_CRIME), "");
            continue;
        }
        assert_true(cell(&e, r, E_FOUND)[0] != '\0');
        ret[r] = when(cell(&e, r, E_RETURNED));
        assert_true(ret[r] >= ls[r]);
        assert_true(ret[r] <= o.now);
        assert_true(rep <= ret[r]);
        closed++;
        under12 += ret[r] - ls[r] < 12 * HW_HOUR;
        grouped += cell(&e, r, E_WITH)[0] != '\0';
    }
    assert_int_equal(counts.open_episodes, open);
    assert_in_range(open, 3, 10);
    assert_in_range(under12 * 100 / closed, 45, 75);
    assert_in_range(grouped * 100 / e.rows, 4, 16);
    for (size_t r = 0; r < c.rows; r++)
        assert_true(per_child[r] > 0); /* only children with episodes are written */

    /* Distinct children a month, over the eleven full months. */
    size_t month_children = 0;
    for (int m = 0; m < 11; m++) {
        char ym[8];
        snprintf(ym, sizeof ym, "%04d-%02d", m < 9 ? 2017 : 2018, (m + 3) % 12 + 1);
        char **seen = calloc(e.rows, sizeof *seen);
        size_t n = 0;
        for (size_t r = 0; r < e.rows; r++) {
            if (strncmp(cell(&e, r, E_LAST_SEEN), ym, 7) != 0)
                continue;
            bool dup = false;
            for (size_t k = 0; k < n && !dup; k++)
                dup = strcmp(seen[k], cell(&e, r, E_CHILD)) == 0;
            if (!dup)
                seen[n++] = (char *)cell(&e, r, E_CHILD);
        }
        free(seen);
        assert_true(n > 0);
        month_children += n;
    }
    assert_in_range(month_children / 11, 70, 130);

    /* A persistent minority: the top 10% of children have a large share. */
    size_t *counts_sorted = malloc(c.rows * sizeof *counts_sorted);
    memcpy(counts_sorted, per_child, c.rows * sizeof *counts_sorted);
    qsort(counts_sorted, c.rows, sizeof *counts_sorted, cmp_size_desc);
    size_t top = 0;
    for (size_t r = 0; r < (c.rows + 9) / 10; r++)
        top += counts_sorted[r];
    assert_in_range(top * 100 / e.rows, 35, 75);
    free(counts_sorted);

    /* No child has overlapping episodes; an open one is the child's last. */
    size_t *order = malloc(e.rows * sizeof *order);
    for (size_t r = 0; r < e.rows; r++)
        order[r] = r;
    sort_eps = &e;
    sort_ls = ls;
    qsort(order, e.rows, sizeof *order, cmp_by_child);
    for (size_t k = 1; k < e.rows; k++) {
        size_t p = order[k - 1], q = order[k];
        if (strcmp(cell(&e, p, E_CHILD), cell(&e, q, E_CHILD)) != 0)
            continue;
        if (ret[p] == HW_NO_TIME)
            fail_msg("%s is open but %s follows it", cell(&e, p, E_ID), cell(&e, q, E_ID));
        if (ls[q] <= ret[p])
            fail_msg("%s overlaps %s", cell(&e, p, E_ID), cell(&e, q, E_ID));
    }
    free(order);

    /* Companions exist, and went missing within the hour, naming this child. */
    for (size_t r = 0; r < e.rows; r++) {
        const char *list = cell(&e, r, E_WITH);
        while (*list) {
            size_t len = strcspn(list, ";");
            long ci = find_child(&c, list, len);
            if (ci < 0)
                fail_msg("%s: companion %.*s is not a child", cell(&e, r, E_ID), (int)len, list);
            assert_true(strncmp(list, cell(&e, r, E_CHILD), len) != 0);
            bool found = false;
            for (size_t k = 0; k < e.rows && !found; k++) {
                if (strncmp(cell(&e, k, E_CHILD), list, len) != 0 || cell(&e, k, E_CHILD)[len])
                    continue;
                hw_instant d = ls[k] > ls[r] ? ls[k] - ls[r] : ls[r] - ls[k];
                found = d <= HW_HOUR && strstr(cell(&e, k, E_WITH), cell(&e, r, E_CHILD));
            }
            if (!found)
                fail_msg("%s: companion %.*s has no matching episode", cell(&e, r, E_ID), (int)len,
                         list);
            list += len + (list[len] == ';');
        }
    }

    /* Interviews: for our own children's returned missing episodes, each
     * covered once; episodes belong to the interview's child. */
    unsigned char *covered = calloc(e.rows, 1);
    size_t completed = 0, offered = 0, pairs = 0, late_n = 0;
    for (size_t r = 0; r < iv.rows; r++) {
        snprintf(want_id, sizeof want_id, "I%07zu", r + 1);
        assert_string_equal(cell(&iv, r, I_ID), want_id);
        const char *cid = cell(&iv, r, I_CHILD);
        long ci = find_child(&c, cid, strlen(cid));
        assert_true(ci >= 0);
        assert_string_equal(cell(&c, (size_t)ci, C_RA), ""); /* not for OLA children */
        const char *list = cell(&iv, r, I_EPISODES);
        long eps[2], n = 0;
        while (*list) {
            size_t len = strcspn(list, ";");
            long ei = episode_index(&e, list, len);
            if (ei < 0)
                fail_msg("%s: unknown episode %.*s", want_id, (int)len, list);
            assert_true(n < 2);
            eps[n++] = ei;
            assert_string_equal(cell(&e, (size_t)ei, E_CHILD), cid);
            assert_string_equal(cell(&e, (size_t)ei, E_KIND), "missing");
            assert_true(ret[ei] != HW_NO_TIME);
            assert_false(covered[ei]);
            covered[ei] = 1;
            list += len + (list[len] == ';');
        }
        assert_true(n >= 1);
        if (n == 2) {
            pairs++;
            /* Within 7 days, last seen to last seen (the importer's rule). */
            assert_true(ls[eps[1]] > ret[eps[0]] && ls[eps[1]] - ls[eps[0]] <= 7 * HW_DAY);
        }
        const char *outcome = cell(&iv, r, I_OUTCOME);
        if (!strcmp(cell(&iv, r, I_DECISION), "not_required"))
            assert_string_equal(outcome, "not_required");
        /* Every decision but "required" gives its reason. */
        assert_int_equal(cell(&iv, r, I_DECISION_REASON)[0] != '\0',
                         strcmp(cell(&iv, r, I_DECISION), "required") != 0);
        hw_instant off = HW_NO_TIME;
        if (cell(&iv, r, I_OFFERED)[0]) {
            offered++;
            off = when(cell(&iv, r, I_OFFERED));
            assert_true(off >= ret[eps[n - 1]] && off <= o.now);
        }
        bool done = cell(&iv, r, I_COMPLETED)[0] != '\0';
        assert_int_equal(done, strcmp(outcome, "completed") == 0);
        if (done) {
            completed++;
            hw_instant t = when(cell(&iv, r, I_COMPLETED));
            assert_true(off != HW_NO_TIME && t >= off && t <= o.now);
            assert_true(cell(&iv, r, I_BY)[0] && cell(&iv, r, I_SCREENING)[0]);
            /* Reasons are codes of the default list, 1 to 3 of them. */
            char *norm = NULL;
            struct hw_err err;
            if (hw_reasons_normalise(hw_reasons_builtin(), cell(&iv, r, I_REASONS), &norm, &err) <
                0)
                fail_msg("%s: %s", want_id, err.msg);
            assert_non_null(norm);
            assert_string_equal(norm, cell(&iv, r, I_REASONS));
            size_t codes = 1;
            for (const char *p = norm; (p = strchr(p, ';')) != NULL; p++)
                codes++;
            assert_in_range(codes, 1, 3);
            free(norm);
            if (cell(&iv, r, I_SHARED)[0]) {
                hw_date shared;
                assert_int_equal(hw_parse_date(cell(&iv, r, I_SHARED), &shared), 0);
                assert_true(shared >= hw_london_date(t));
            }
            /* Late (after 72 hours from the first return): a reason, and only then. */
            bool late = t > ret[eps[0]] + 72 * HW_HOUR;
            late_n += late;
            assert_int_equal(cell(&iv, r, I_LATENESS)[0] != '\0', late);
            if (late)
                assert_true(hw_code_parse(hw_lateness_codes, cell(&iv, r, I_LATENESS)) > 0);
        } else {
            assert_string_equal(cell(&iv, r, I_LATENESS), "");
        }
    }
    for (size_t r = 0; r < e.rows; r++) {
        long ci = find_child(&c, cell(&e, r, E_CHILD), strlen(cell(&e, r, E_CHILD)));
        bool eligible = !strcmp(cell(&e, r, E_KIND), "missing") && ret[r] != HW_NO_TIME &&
                        cell(&c, (size_t)ci, C_RA)[0] == '\0';
        if (eligible != (covered[r] != 0))
            fail_msg("%s: eligible %d but covered %d", cell(&e, r, E_ID), eligible, covered[r]);
    }
    assert_in_range(completed * 100 / offered, 45, 75);
    assert_in_range(late_n * 100 / completed, 10, 40); /* a quarter late, as generated */
    assert_true(pairs > 0);
    free(covered);

    free(ls);
    free(ret);
    free(per_child);
    unload(&c);
    unload(&e);
    unload(&iv);
    remove_dir(dir);
}

static size_t line_count(const char *dir, const char *name)
{
    char *s = slurp(dir, name, NULL);
    size_t n = 0;
    for (char *p = s; (p = strchr(p, '\n')) != NULL; p++)
        n++;
    free(s);
    return n;
}

static void test_small_scales(void **state)
{
    (void)state;
    const double scales[] = {0.1, 0.01};
    for (size_t k = 0; k < 2; k++) {
        char *dir = make_dir();
        struct hw_generate_opts o = opts(99, 1, scales[k], "2017-10-20 10:00");
        struct hw_generate_counts n;
        generate_ok(&o, dir, &n);
        assert_true(n.children >= 1 && n.episodes >= 1);
        assert_true(n.open_episodes >= 1); /* now is inside the year */
        assert_int_equal(line_count(dir, "children.csv"), n.children + 1);
        assert_int_equal(line_count(dir, "episodes.csv"), n.episodes + 1);
        assert_int_equal(line_count(dir, "interviews.csv"), n.interviews + 1);
        if (k == 0) /* about 7 months of 20 episodes */
            assert_in_range(n.episodes, 60, 250);
        remove_dir(dir);
    }
}

static void test_now_outside(void **state)
{
    (void)state;
    char *dir = make_dir();
    /* No cut-off: every episode has returned. */
    struct hw_generate_opts o = opts(5, 2, 0.3, NULL);
    struct hw_generate_counts n;
    generate_ok(&o, dir, &n);
    assert_true(n.episodes > 1000 * 0.3);
    assert_int_equal(n.open_episodes, 0);
    /* `now` before the covered years: nothing has happened yet. */
    o = opts(5, 1, 1.0, "2016-12-01 00:00");
    generate_ok(&o, dir, &n);
    assert_int_equal(n.children, 0);
    assert_int_equal(n.episodes, 0);
    assert_int_equal(n.interviews, 0);
    char *s = slurp(dir, "episodes.csv", NULL);
    assert_string_equal(s, "episode_id,child_id,kind,last_seen,reported,returned,risk,"
                           "missing_from_type,missing_from_name,out_of_area,case_status,"
                           "police_ref,harmed,crime_while_absent,found_location,with_children\r\n");
    free(s);
    remove_dir(dir);
}

static void test_errors(void **state)
{
    (void)state;
    char *dir = make_dir();
    char *missing = path_in(dir, "nope");
    struct hw_generate_opts o = opts(1, 1, 0.1, NULL);
    struct hw_err err = {0};
    assert_int_equal(hw_generate(&o, missing, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_non_null(strstr(err.msg, "children.csv"));
    assert_non_null(strstr(err.msg, missing));

    /* A file where the directory should be. */
    FILE *f = fopen(missing, "w");
    assert_non_null(f);
    fclose(f);
    hw_err_clear(&err);
    assert_int_equal(hw_generate(&o, missing, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    assert_non_null(strstr(err.msg, "not a directory"));
    free(missing);

    /* One file cannot be written: the error names it, and nothing is
     * replaced or left half-written. */
    char *old = path_in(dir, "children.csv");
    f = fopen(old, "w");
    assert_non_null(f);
    fputs("old\n", f);
    fclose(f);
    char *blocker = path_in(dir, "episodes.csv.tmp");
    assert_int_equal(mkdir(blocker, 0700), 0);
    hw_err_clear(&err);
    assert_int_equal(hw_generate(&o, dir, &err), -1);
    assert_int_equal(err.kind, HW_EINTERNAL);
    assert_non_null(strstr(err.msg, blocker));
    char *s = slurp(dir, "children.csv", NULL);
    assert_string_equal(s, "old\n");
    free(s);
    char *tmp = path_in(dir, "children.csv.tmp");
    assert_int_equal(access(tmp, F_OK), -1);
    assert_int_equal(rmdir(blocker), 0);
    free(tmp);
    free(blocker);
    free(old);

    o.years = 0;
    assert_int_equal(hw_generate(&o, dir, &err), -1);
    assert_int_equal(err.kind, HW_EINPUT);
    o.years = 1;
    o.scale = 0;
    assert_int_equal(hw_generate(&o, dir, &err), -1);
    o.scale = NAN;
    assert_int_equal(hw_generate(&o, dir, &err), -1);
    o.scale = 1;
    o.end_year = 1800;
    assert_int_equal(hw_generate(&o, dir, &err), -1);
    remove_dir(dir); /* only the stray file was in it */
}

static hw_date day_of(const char *s)
{
    hw_date d;
    if (hw_parse_date(s, &d) != 0)
        fail_msg("bad date '%s'", s);
    return d;
}

/* Every looked-after child of this council has periods of care that hold
 * each of its episodes; nobody else has any; a child's periods follow one
 * another without overlapping; a reason is given exactly when a period
 * ended; care ends with E8 only from the 18th birthday, and an episode still
 * open keeps its period open. */
static void test_care_periods(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct hw_generate_opts o = opts(31, 3, 0.6, "2018-02-20 09:00");
    struct hw_generate_counts n;
    generate_ok(&o, dir, &n);
    struct table c, e, p;
    load(dir, "children.csv", C_NCOLS, children_header, &c);
    load(dir, "episodes.csv", E_NCOLS, episodes_header, &e);
    load(dir, "care_periods.csv", P_NCOLS, periods_header, &p);
    assert_int_equal(n.care_periods, p.rows);
    assert_true(p.rows > 50);

    size_t *first = calloc(c.rows, sizeof *first), *count = calloc(c.rows, sizeof *count);
    assert_true(first && count);
    size_t e8 = 0, e4a = 0, open = 0, two = 0;
    for (size_t r = 0; r < p.rows; r++) {
        const char *id = cell(&p, r, P_CHILD);
        long ci = find_child(&c, id, strlen(id));
        assert_true(ci >= 0);
        assert_string_equal(cell(&c, (size_t)ci, C_STATUS), "cla");
        assert_string_equal(cell(&c, (size_t)ci, C_RA), "");
        if (count[ci]++ == 0)
            first[ci] = r;
        else
            two++;
        hw_date decom = day_of(cell(&p, r, P_DECOM));
        hw_date dob = day_of(cell(&c, (size_t)ci, C_DOB));
        assert_true(decom > dob);
        const char *dec_s = cell(&p, r, P_DEC), *rec = cell(&p, r, P_REC);
        assert_int_equal(dec_s[0] == '\0', rec[0] == '\0');
        assert_string_equal(cell(&p, r, P_RNE), "S");
        assert_true(cell(&p, r, P_LS)[0] && cell(&p, r, P_CIN)[0] && cell(&p, r, P_PLACE)[0]);
        if (dec_s[0] == '\0') {
            open++;
            continue;
        }
        hw_date dec = day_of(dec_s);
        assert_true(dec >= decom);
        int y, m, d;
        hw_date_to_ymd(dob, &y, &m, &d);
        hw_date adult = hw_date_from_ymd(y + 18, m, m == 2 && d == 29 ? 28 : d);
        if (strcmp(rec, "E8") == 0) {
            e8++;
        } else {
            assert_string_equal(rec, "E4A");
            assert_true(dec < adult);
            e4a++;
        }
        /* The next period of the same child starts after this one ended. */
        if (r + 1 < p.rows && strcmp(cell(&p, r + 1, P_CHILD), id) == 0)
            assert_true(day_of(cell(&p, r + 1, P_DECOM)) > dec);
    }
    assert_true(e8 > 0 && e4a > 0 && open > 0 && two > 0);

    /* Each episode of a looked-after child lies inside one of its periods. */
    for (size_t r = 0; r < e.rows; r++) {
        const char *id = cell(&e, r, E_CHILD);
        long ci = find_child(&c, id, strlen(id));
        assert_true(ci >= 0);
        bool ours_in_care = strcmp(cell(&c, (size_t)ci, C_STATUS), "cla") == 0 &&
                            cell(&c, (size_t)ci, C_RA)[0] == '\0';
        assert_int_equal(count[ci] > 0, ours_in_care);
        if (!ours_in_care)
            continue;
        hw_date from = hw_london_date(when(cell(&e, r, E_LAST_SEEN)));
        const char *ret = cell(&e, r, E_RETURNED);
        bool inside = false;
        for (size_t k = first[ci]; k < first[ci] + count[ci]; k++) {
            const char *dec = cell(&p, k, P_DEC);
            if (day_of(cell(&p, k, P_DECOM)) > from)
                continue;
            if (ret[0] == '\0' ? dec[0] == '\0'
                               : dec[0] == '\0' || hw_london_date(when(ret)) <= day_of(dec))
                inside = true;
        }
        if (!inside)
            fail_msg("episode %s of %s lies outside the child's periods of care", cell(&e, r, E_ID),
                     id);
    }
    free(first);
    free(count);
    unload(&c);
    unload(&e);
    unload(&p);
    remove_dir(dir);
}

static void test_summary(void **state)
{
    (void)state;
    struct hw_generate_counts n = {.children = 812,
                                   .episodes = 2431,
                                   .open_episodes = 5,
                                   .interviews = 1873,
                                   .care_periods = 240};
    struct hw_buf b = {0};
    hw_generate_summary(&n, &b);
    assert_string_equal(b.data, "children.csv: 812 rows, episodes.csv: 2431 rows (5 open), "
                                "interviews.csv: 1873 rows, care_periods.csv: 240 rows");
    hw_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headers),        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_one_year_shape), cmocka_unit_test(test_small_scales),
        cmocka_unit_test(test_now_outside),    cmocka_unit_test(test_errors),
        cmocka_unit_test(test_summary),        cmocka_unit_test(test_care_periods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
