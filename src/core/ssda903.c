/* ssda903.c - the SSDA903 tables and the Missing table's validation rules
 * (docs/ssda903.md gives each rule's exact condition). */
#include "core/ssda903.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"

#define ARENA_BLOCK ((size_t)64 * 1024)
#define DATE_NONE   INT32_MIN /* below every date: "no end" in a running maximum */
#define DATE_OPEN   INT32_MAX /* above every date: an open interval's end */

/* The days the validator's dates can hold (a pandas Timestamp at midnight),
 * as yyyymmdd: 22/09/1677 to 11/04/2262. */
#define YMD_MIN 16770922L
#define YMD_MAX 22620411L

/* ---- the tables ---- */

static void *grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 64;
    return hw_reallocarray(v, *cap, size);
}

struct hw_903_header *hw_903_add_header(struct hw_903_data *d)
{
    d->header = grow(d->header, d->nheader, &d->cap[HW_903_HEADER], sizeof *d->header);
    struct hw_903_header *r = &d->header[d->nheader++];
    *r = (struct hw_903_header){.child = "", .sex = ""};
    return r;
}

struct hw_903_episode *hw_903_add_episode(struct hw_903_data *d)
{
    d->episodes = grow(d->episodes, d->nepisodes, &d->cap[HW_903_EPISODES], sizeof *d->episodes);
    struct hw_903_episode *r = &d->episodes[d->nepisodes++];
    *r = (struct hw_903_episode){.child = "", .rne = "", .ls = "", .rec = ""};
    return r;
}

struct hw_903_missing *hw_903_add_missing(struct hw_903_data *d, bool last)
{
    struct hw_903_missing *r;
    if (last) {
        d->have_last = true;
        d->missing_last = grow(d->missing_last, d->nmissing_last, &d->cap[HW_903_MISSING_LAST],
                               sizeof *d->missing_last);
        r = &d->missing_last[d->nmissing_last++];
    } else {
        d->missing = grow(d->missing, d->nmissing, &d->cap[HW_903_MISSING], sizeof *d->missing);
        r = &d->missing[d->nmissing++];
    }
    *r = (struct hw_903_missing){.child = "", .missing = ""};
    return r;
}

static char *arena_alloc(struct hw_903_data *d, size_t n)
{
    if (d->nblocks == 0 || n > d->block_cap - d->block_used) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        d->blocks = hw_reallocarray(d->blocks, d->nblocks + 1, sizeof *d->blocks);
        d->blocks[d->nblocks++] = hw_malloc(cap);
        d->block_used = 0;
        d->block_cap = cap;
    }
    char *p = d->blocks[d->nblocks - 1] + d->block_used;
    d->block_used += n;
    return p;
}

const char *hw_903_text(struct hw_903_data *d, const char *s, size_t n)
{
    if (n == 0)
        return "";
    char *p = arena_alloc(d, n + 1);
    for (size_t i = 0; i < n; i++)
        p[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
    p[n] = '\0';
    return p;
}

/* 1 or 2 digits (width 0: exactly 4) at *s; advances *s. Returns -1 if none. */
static int number(const char **s, int width)
{
    int v = 0, n = 0;
    const char *p = *s;
    while (*p >= '0' && *p <= '9' && n < (width ? width : 4)) {
        v = v * 10 + (*p++ - '0');
        n++;
    }
    if (n == 0 || (width == 0 && n != 4))
        return -1;
    *s = p;
    return v;
}

struct hw_903_date hw_903_date_parse(struct hw_903_data *d, const char *s)
{
    struct hw_903_date dt = {.state = HW_903_BLANK};
    if (*s == '\0')
        return dt;
    const char *p = s;
    /* A one-digit day may follow a space (" 1/06/2022"), as Python's %d
     * allows; no other space anywhere. */
    if (p[0] == ' ' && p[1] >= '1' && p[1] <= '9' && p[2] == '/')
        p++;
    int day = number(&p, 2), month = -1, year = -1;
    if (day >= 0 && *p == '/') {
        p++;
        month = number(&p, 2);
    }
    if (month >= 0 && *p == '/') {
        p++;
        year = number(&p, 0);
    }
    long ymd = year * 10000L + month * 100L + day;
    if (year >= 0 && *p == '\0' && ymd >= YMD_MIN && ymd <= YMD_MAX &&
        hw_ymd_valid(year, month, day)) {
        dt.state = HW_903_VALID;
        dt.date = hw_date_from_ymd(year, month, day);
        return dt;
    }
    dt.state = HW_903_INVALID;
    dt.text = hw_903_text(d, s, strlen(s));
    return dt;
}

const char *hw_903_date_str(const struct hw_903_date *dt, char buf[HW_903_DATE_LEN])
{
    if (dt->state == HW_903_INVALID)
        return dt->text;
    buf[0] = '\0';
    if (dt->state == HW_903_VALID) {
        int y, m, day;
        hw_date_to_ymd(dt->date, &y, &m, &day);
        snprintf(buf, HW_903_DATE_LEN, "%02u/%02u/%04u", (unsigned)day % 100u, (unsigned)m % 100u,
                 (unsigned)y % 10000u);
    }
    return buf;
}

void hw_903_data_free(struct hw_903_data *d)
{
    for (size_t i = 0; i < d->nblocks; i++)
        free(d->blocks[i]);
    free(d->blocks);
    free(d->header);
    free(d->episodes);
    free(d->missing);
    free(d->missing_last);
    memset(d, 0, sizeof *d);
}

const char *hw_903_table_name(enum hw_903_table t)
{
    static const char *const names[] = {"header", "episodes", "missing", "missing_last"};
    return names[t];
}

/* ---- the rules ---- */

enum rule {
    R564,
    R565,
    R566,
    R567,
    R570,
    R571,
    R574,
    R575,
    R576,
    R577,
    R578,
    R580,
    R581,
    R586,
    R1004,
    R1005,
    R1006,
    R1012,
};

/* The DfE's messages as the validator gives them (lac2022_23), in the order
 * of enum rule. */
const struct hw_903_rule hw_903_rules[] = {
    [R564] = {"564", HW_903_MISSING,
              "Child was missing or away from placement without authorisation and the date started "
              "is blank.",
              "give MIS_START, or clear MISSING if the row records no missing period"},
    [R565] = {"565", HW_903_MISSING,
              "The date that the child started to be missing or away from placement without "
              "authorisation has been completed but whether the child was missing or away from "
              "placement without authorisation has not been completed.",
              "set MISSING to M (missing) or A (away without authorisation)"},
    [R566] = {"566", HW_903_MISSING,
              "The date that the child's episode of being missing or away from placement without "
              "authorisation ended has been completed but whether the child was missing or away "
              "without authorisation has not been completed.",
              "set MISSING to M (missing) or A (away without authorisation)"},
    [R567] = {"567", HW_903_MISSING,
              "The date that the missing episode or episode that the child was away from placement "
              "without authorisation ended is before the date that it started.",
              "correct MIS_START or MIS_END (one of them is probably mistyped)"},
    [R570] = {"570", HW_903_MISSING,
              "The date that the child started to be missing or away from placement without "
              "authorisation is after the end of the collection year.",
              "correct MIS_START, or leave the period to next year's return"},
    [R571] = {"571", HW_903_MISSING,
              "The date that the child ceased to be missing or away from placement without "
              "authorisation is before the start or after the end of the collection year.",
              "correct MIS_END; a period still open on 31 March has MIS_END blank"},
    [R574] = {"574", HW_903_MISSING,
              "A new missing/away from placement without authorisation period cannot start when "
              "the previous missing/away from placement without authorisation period is still "
              "open. Missing/away from placement without authorisation periods should also not "
              "overlap.",
              "list the child's missing periods in date order: close the open one before this, or "
              "correct the overlapping dates"},
    [R575] = {"575", HW_903_MISSING,
              "If the placement from which the child goes missing/away from placement without "
              "authorisation ends, the missing/away from placement without authorisation period in "
              "the missing module must also have an end date.",
              "give MIS_END: the episode the child went missing from has ended"},
    [R576] = {"576", HW_903_MISSING,
              "There is an open missing/away from placement without authorisation period in last "
              "year\xe2\x80\x99s return and there is no corresponding period recorded at the start "
              "of this year.",
              "carry last year's open period over with the same MIS_START (and its end, if it has "
              "ended)"},
    [R577] = {"577", HW_903_MISSING,
              "Child ceased to be looked after but there is a missing/away from placement without "
              "authorisation period without an end date.",
              "give MIS_END within the period of care, or check the episodes' DECOM and DEC"},
    [R578] = {"578", HW_903_MISSING,
              "The date that the child started to be missing is after the child ceased to be "
              "looked after.",
              "correct MIS_START, or check the episodes' DECOM and DEC"},
    [R580] = {"580", HW_903_EPISODES,
              "Child is missing when cease being looked after but reason episode ceased not "
              "\xe2\x80\x98"
              "E8\xe2\x80\x99.",
              "set REC to E8 (care ended on the 18th birthday while missing), or check MIS_END and "
              "DOB"},
    [R581] = {"581", HW_903_MISSING, "Child is missing but has not yet started to be looked after.",
              "correct MIS_START, or check the episodes' DECOM and DEC"},
    [R586] = {"586", HW_903_MISSING,
              "Dates of missing periods are before child\xe2\x80\x99s date of birth.",
              "correct MIS_START or DOB"},
    [R1004] = {"1004", HW_903_MISSING,
               "The start date of the missing episode or episode that the child was away from "
               "placement without authorisation is not a valid date.",
               "give MIS_START as dd/mm/yyyy"},
    [R1005] = {"1005", HW_903_MISSING,
               "The end date of the missing episode or episode that the child was away from "
               "placement without authorisation is not a valid date.",
               "give MIS_END as dd/mm/yyyy, or leave it blank while the child is missing"},
    [R1006] = {"1006", HW_903_MISSING, "Missing type invalid.",
               "set MISSING to M (missing) or A (away without authorisation)"},
    [R1012] = {"1012", HW_903_MISSING,
               "No other data should be returned for OC3 children who had no episodes in the "
               "current year",
               "remove the row, or add the child's episodes (check the CHILD ID)"},
    {NULL, 0, NULL, NULL},
};

struct run {
    const struct hw_903_data *d;
    struct hw_903_errors *out;
    hw_date year_start, year_end;
};

static void report(struct run *r, enum rule rule, enum hw_903_table t, size_t i, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

static void report(struct run *r, enum rule rule, enum hw_903_table t, size_t i, const char *fmt,
                   ...)
{
    struct hw_903_errors *e = r->out;
    e->v = grow(e->v, e->n, &e->cap, sizeof *e->v);
    struct hw_903_error *x = &e->v[e->n++];
    const struct hw_903_data *d = r->d;
    struct hw_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    *x = (struct hw_903_error){.rule = &hw_903_rules[rule], .table = t, .row = i + 1};
    x->detail = hw_buf_take(&b);
    if (t == HW_903_EPISODES) {
        x->child = d->episodes[i].child;
        x->line = d->episodes[i].line;
    } else {
        x->child = d->missing[i].child;
        x->line = d->missing[i].line;
    }
}

/* A date for a message: the value, or "(blank)". */
struct dbuf {
    char b[6][HW_903_DATE_LEN];
    int n;
};

static const char *ds(struct dbuf *db, const struct hw_903_date *dt)
{
    if (dt->state == HW_903_BLANK)
        return "(blank)";
    return hw_903_date_str(dt, db->b[db->n++ % 6]);
}

static const char *txt(const char *s)
{
    return *s ? s : "(blank)";
}

static bool valid(const struct hw_903_date *dt)
{
    return dt->state == HW_903_VALID;
}

/* The rules that look at one Missing row alone. */
static void row_rules(struct run *r)
{
    const struct hw_903_data *d = r->d;
    for (size_t i = 0; i < d->nmissing; i++) {
        const struct hw_903_missing *m = &d->missing[i];
        struct dbuf db = {0};
        const char *start = ds(&db, &m->start), *end = ds(&db, &m->end);
        bool typed = strcmp(m->missing, "M") == 0 || strcmp(m->missing, "A") == 0;
        if (m->start.state != HW_903_VALID)
            report(r, R1004, HW_903_MISSING, i, "MIS_START=%s", start);
        if (m->end.state == HW_903_INVALID)
            report(r, R1005, HW_903_MISSING, i, "MIS_END=%s", end);
        if (*m->missing && !typed)
            report(r, R1006, HW_903_MISSING, i, "MISSING=%s", m->missing);
        if (typed && m->start.state == HW_903_BLANK)
            report(r, R564, HW_903_MISSING, i, "MISSING=%s MIS_START=%s", m->missing, start);
        if (!*m->missing && m->start.state != HW_903_BLANK)
            report(r, R565, HW_903_MISSING, i, "MISSING=(blank) MIS_START=%s", start);
        if (!*m->missing && m->end.state != HW_903_BLANK)
            report(r, R566, HW_903_MISSING, i, "MISSING=(blank) MIS_END=%s", end);
        if (valid(&m->start) && valid(&m->end) && m->end.date < m->start.date)
            report(r, R567, HW_903_MISSING, i, "MIS_START=%s MIS_END=%s", start, end);
        if (valid(&m->start) && m->start.date > r->year_end)
            report(r, R570, HW_903_MISSING, i, "MIS_START=%s", start);
        if (valid(&m->end) && (m->end.date < r->year_start || m->end.date > r->year_end))
            report(r, R571, HW_903_MISSING, i, "MIS_END=%s", end);
        if (valid(&m->start) && valid(&m->dob) && m->start.date <= m->dob.date)
            report(r, R586, HW_903_MISSING, i, "DOB=%s MIS_START=%s", ds(&db, &m->dob), start);
    }
}

/* ---- indexes by child ---- */

/* A row in a sorted index: by child, then a, then b, then row. */
struct key {
    const char *child;
    int32_t a, b;
    size_t i;
};

static int key_cmp(const void *x, const void *y)
{
    const struct key *p = x, *q = y;
    int c = strcmp(p->child, q->child);
    if (c)
        return c;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->i < q->i ? -1 : p->i > q->i;
}

static void sort_keys(struct key *k, size_t n)
{
    if (n > 1)
        qsort(k, n, sizeof *k, key_cmp);
}

/* The range [*lo, *hi) of k (sorted by child) holding child. */
static void child_range(const struct key *k, size_t n, const char *child, size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (strcmp(k[mid].child, child) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    *lo = a;
    b = n;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (strcmp(k[mid].child, child) <= 0)
            a = mid + 1;
        else
            b = mid;
    }
    *hi = a;
}

/* Intervals of one child sorted by start in [lo, hi) of starts, with pm the
 * running maximum of their ends since lo: the position of one that contains
 * day x (start <= x <= end), or SIZE_MAX. The latest interval starting on or
 * before x reaches x exactly when the largest end among those does. */
static size_t containing(const int32_t *starts, const int32_t *pm, const size_t *arg, size_t lo,
                         size_t hi, int32_t x)
{
    size_t a = lo, b = hi;
    while (a < b) {
        size_t mid = a + (b - a) / 2;
        if (starts[mid] <= x)
            a = mid + 1;
        else
            b = mid;
    }
    if (a == lo || pm[a - 1] < x)
        return SIZE_MAX;
    return arg[a - 1];
}

/* Running maxima of ends, restarting at each child. */
static void running_max(const struct key *k, size_t n, const int32_t *ends, int32_t *pm,
                        size_t *arg)
{
    for (size_t j = 0; j < n; j++) {
        bool first = j == 0 || strcmp(k[j].child, k[j - 1].child) != 0;
        if (first || ends[j] > pm[j - 1]) {
            pm[j] = ends[j];
            arg[j] = j;
        } else {
            pm[j] = pm[j - 1];
            arg[j] = arg[j - 1];
        }
    }
}

/* ---- 574: overlapping or still open ---- */

static void rule574(struct run *r)
{
    const struct hw_903_data *d = r->d;
    struct key *k = hw_reallocarray(NULL, d->nmissing ? d->nmissing : 1, sizeof *k);
    for (size_t i = 0; i < d->nmissing; i++) {
        const struct hw_903_missing *m = &d->missing[i];
        int32_t start = valid(&m->start) ? m->start.date : DATE_OPEN;
        /* The end, a blank or invalid one taken as the start; unusable last. */
        k[i] = (struct key){m->child, valid(&m->end) ? m->end.date : start, start, i};
    }
    sort_keys(k, d->nmissing);
    for (size_t j = 1; j < d->nmissing; j++) {
        if (!*k[j].child || strcmp(k[j].child, k[j - 1].child) != 0)
            continue;
        const struct hw_903_missing *prev = &d->missing[k[j - 1].i], *cur = &d->missing[k[j].i];
        struct dbuf db = {0};
        if (!valid(&prev->end) || (valid(&cur->start) && cur->start.date < prev->end.date))
            report(r, R574, HW_903_MISSING, k[j].i,
                   "MIS_START=%s MIS_END=%s; row %zu before it: MIS_START=%s MIS_END=%s",
                   ds(&db, &cur->start), ds(&db, &cur->end), k[j - 1].i + 1, ds(&db, &prev->start),
                   ds(&db, &prev->end));
    }
    free(k);
}

/* ---- the rules that join the Missing rows with the child's episodes ---- */

struct period {
    int32_t decom, dec; /* dec DATE_OPEN when the last episode's DEC is blank or invalid */
};

struct idx {
    struct key *mis; /* this year's Missing rows by child, row */
    struct key *eps; /* every episode by child, row */
    struct key *ev;  /* episodes with a valid DECOM by child, DECOM, row */
    size_t nev;
    int32_t *ev_start;            /* DECOM of ev[j] */
    int32_t *ev_pm575, *ev_pm581; /* running max of DEC: closed only / open as DATE_OPEN */
    size_t *ev_arg575, *ev_arg581;
    struct key *pk; /* periods of care: child, DECOM, position */
    struct period *p;
    size_t np;
    int32_t *p_start, *p_pm;
    size_t *p_arg;
    struct key *last; /* last year's Missing rows by child, row */
};

static void build_index(const struct hw_903_data *d, struct idx *x)
{
    size_t n1 = d->nmissing ? d->nmissing : 1, n2 = d->nepisodes ? d->nepisodes : 1;
    x->mis = hw_reallocarray(NULL, n1, sizeof *x->mis);
    for (size_t i = 0; i < d->nmissing; i++)
        x->mis[i] = (struct key){d->missing[i].child, 0, 0, i};
    sort_keys(x->mis, d->nmissing);

    x->eps = hw_reallocarray(NULL, n2, sizeof *x->eps);
    x->ev = hw_reallocarray(NULL, n2, sizeof *x->ev);
    x->nev = 0;
    for (size_t i = 0; i < d->nepisodes; i++) {
        const struct hw_903_episode *e = &d->episodes[i];
        x->eps[i] = (struct key){e->child, 0, 0, i};
        if (valid(&e->decom))
            x->ev[x->nev++] = (struct key){e->child, e->decom.date, 0, i};
    }
    sort_keys(x->eps, d->nepisodes);
    sort_keys(x->ev, x->nev);

    size_t nv = x->nev ? x->nev : 1;
    int32_t *closed = hw_reallocarray(NULL, nv, sizeof *closed);
    int32_t *open = hw_reallocarray(NULL, nv, sizeof *open);
    x->ev_start = hw_reallocarray(NULL, nv, sizeof *x->ev_start);
    x->ev_pm575 = hw_reallocarray(NULL, nv, sizeof *x->ev_pm575);
    x->ev_pm581 = hw_reallocarray(NULL, nv, sizeof *x->ev_pm581);
    x->ev_arg575 = hw_reallocarray(NULL, nv, sizeof *x->ev_arg575);
    x->ev_arg581 = hw_reallocarray(NULL, nv, sizeof *x->ev_arg581);
    x->pk = hw_reallocarray(NULL, nv, sizeof *x->pk);
    x->p = hw_reallocarray(NULL, nv, sizeof *x->p);
    x->np = 0;
    for (size_t j = 0; j < x->nev; j++) {
        const struct hw_903_episode *e = &d->episodes[x->ev[j].i];
        bool ended = valid(&e->dec);
        x->ev_start[j] = e->decom.date;
        closed[j] = ended ? e->dec.date : DATE_NONE;
        open[j] = ended ? e->dec.date : DATE_OPEN;
        /* A period of care starts with the child's first episode, or when
         * DECOM is after the DEC of the episode just before. */
        const struct hw_903_episode *prev = j ? &d->episodes[x->ev[j - 1].i] : NULL;
        if (prev == NULL || strcmp(prev->child, e->child) != 0 ||
            (valid(&prev->dec) && e->decom.date > prev->dec.date)) {
            x->pk[x->np] = (struct key){e->child, e->decom.date, 0, x->np};
            x->p[x->np++] = (struct period){e->decom.date, DATE_OPEN};
        }
        x->p[x->np - 1].dec = open[j]; /* the last episode's DEC */
    }
    running_max(x->ev, x->nev, closed, x->ev_pm575, x->ev_arg575);
    running_max(x->ev, x->nev, open, x->ev_pm581, x->ev_arg581);
    free(closed);
    free(open);

    size_t np = x->np ? x->np : 1;
    int32_t *pend = hw_reallocarray(NULL, np, sizeof *pend);
    x->p_start = hw_reallocarray(NULL, np, sizeof *x->p_start);
    x->p_pm = hw_reallocarray(NULL, np, sizeof *x->p_pm);
    x->p_arg = hw_reallocarray(NULL, np, sizeof *x->p_arg);
    for (size_t j = 0; j < x->np; j++) {
        x->p_start[j] = x->p[j].decom;
        pend[j] = x->p[j].dec;
    }
    running_max(x->pk, x->np, pend, x->p_pm, x->p_arg);
    free(pend);

    size_t nl = d->nmissing_last ? d->nmissing_last : 1;
    x->last = hw_reallocarray(NULL, nl, sizeof *x->last);
    for (size_t i = 0; i < d->nmissing_last; i++)
        x->last[i] = (struct key){d->missing_last[i].child, 0, 0, i};
    sort_keys(x->last, d->nmissing_last);
}

static void free_index(struct idx *x)
{
    free(x->mis);
    free(x->eps);
    free(x->ev);
    free(x->ev_start);
    free(x->ev_pm575);
    free(x->ev_pm581);
    free(x->ev_arg575);
    free(x->ev_arg581);
    free(x->pk);
    free(x->p);
    free(x->p_start);
    free(x->p_pm);
    free(x->p_arg);
    free(x->last);
}

/* One child's rows in each index. */
struct child_rows {
    const char *child;
    size_t mlo, mhi;   /* x->mis */
    size_t elo, ehi;   /* x->eps */
    size_t vlo, vhi;   /* x->ev */
    size_t plo, phi;   /* x->pk, x->p */
    size_t llo, lhi;   /* x->last */
    int32_t open_from; /* earliest DECOM of an open period; DATE_OPEN when none */
};

static void rules_575_577_578_581_1012(struct run *r, const struct idx *x,
                                       const struct child_rows *c)
{
    const struct hw_903_data *d = r->d;
    for (size_t j = c->mlo; j < c->mhi; j++) {
        size_t i = x->mis[j].i;
        const struct hw_903_missing *m = &d->missing[i];
        struct dbuf db = {0};
        const char *start = ds(&db, &m->start), *end = ds(&db, &m->end);
        if (c->ehi == c->elo) {
            report(r, R1012, HW_903_MISSING, i, "CHILD=%s has no row in the Episodes table",
                   txt(m->child));
            continue;
        }
        if (valid(&m->start) && m->end.state == HW_903_BLANK) {
            size_t at =
                containing(x->ev_start, x->ev_pm575, x->ev_arg575, c->vlo, c->vhi, m->start.date);
            if (at != SIZE_MAX) {
                const struct hw_903_episode *e = &d->episodes[x->ev[at].i];
                report(r, R575, HW_903_MISSING, i,
                       "MIS_START=%s MIS_END=(blank); episodes row %zu: DECOM=%s DEC=%s", start,
                       x->ev[at].i + 1, ds(&db, &e->decom), ds(&db, &e->dec));
            }
        }
        bool in_care = c->phi > c->plo;
        if (in_care && valid(&m->start)) {
            bool pass = valid(&m->end) ? containing(x->p_start, x->p_pm, x->p_arg, c->plo, c->phi,
                                                    m->end.date) != SIZE_MAX
                                       : c->open_from <= m->start.date;
            if (!pass)
                report(r, R577, HW_903_MISSING, i, "MIS_START=%s MIS_END=%s", start, end);
            if (containing(x->p_start, x->p_pm, x->p_arg, c->plo, c->phi, m->start.date) ==
                SIZE_MAX)
                report(r, R578, HW_903_MISSING, i, "MIS_START=%s", start);
        }
        if (!valid(&m->start) || containing(x->ev_start, x->ev_pm581, x->ev_arg581, c->vlo, c->vhi,
                                            m->start.date) == SIZE_MAX)
            report(r, R581, HW_903_MISSING, i, "MIS_START=%s", start);
    }
}

/* The 18th birthday of a child born on day dob: 29 February falls on
 * 28 February in a year that is not a leap year. */
static hw_date eighteenth(hw_date dob)
{
    int y, m, day;
    hw_date_to_ymd(dob, &y, &m, &day);
    int last = hw_days_in_month(y + 18, m);
    return hw_date_from_ymd(y + 18, m, day > last ? last : day);
}

struct due {
    int32_t date;
    size_t i; /* the Missing row */
};

static int due_cmp(const void *x, const void *y)
{
    const struct due *p = x, *q = y;
    if (p->date != q->date)
        return p->date < q->date ? -1 : 1;
    return p->i < q->i ? -1 : p->i > q->i;
}

/* 580: episodes ending on the day a missing period ended on the 18th
 * birthday must have REC E8. due is scratch space for the child's rows. */
static void rule580(struct run *r, const struct idx *x, const struct child_rows *c, struct due *due)
{
    const struct hw_903_data *d = r->d;
    size_t n = 0;
    for (size_t j = c->mlo; j < c->mhi; j++) {
        const struct hw_903_missing *m = &d->missing[x->mis[j].i];
        if (valid(&m->dob) && valid(&m->end) && m->end.date == eighteenth(m->dob.date))
            due[n++] = (struct due){m->end.date, x->mis[j].i};
    }
    if (n == 0)
        return;
    if (n > 1)
        qsort(due, n, sizeof *due, due_cmp);
    for (size_t j = c->elo; j < c->ehi; j++) {
        const struct hw_903_episode *e = &d->episodes[x->eps[j].i];
        if (!valid(&e->dec) || strcmp(e->rec, "E8") == 0)
            continue;
        size_t a = 0, b = n;
        while (a < b) {
            size_t mid = a + (b - a) / 2;
            if (due[mid].date < e->dec.date)
                a = mid + 1;
            else
                b = mid;
        }
        if (a == n || due[a].date != e->dec.date)
            continue;
        const struct hw_903_missing *m = &d->missing[due[a].i];
        struct dbuf db = {0};
        report(r, R580, HW_903_EPISODES, x->eps[j].i,
               "DEC=%s REC=%s; missing row %zu: DOB=%s MIS_END=%s", ds(&db, &e->dec), txt(e->rec),
               due[a].i + 1, ds(&db, &m->dob), ds(&db, &m->end));
    }
}

/* 576: last year's open period must be this year's earliest. */
static void rule576(struct run *r, const struct idx *x, const struct child_rows *c)
{
    const struct hw_903_data *d = r->d;
    const hw_date none = hw_date_from_ymd(2099, 1, 1); /* the validator's stand-in */
    size_t first = SIZE_MAX;
    hw_date earliest = 0;
    for (size_t j = c->mlo; j < c->mhi; j++) {
        const struct hw_903_missing *m = &d->missing[x->mis[j].i];
        hw_date s = valid(&m->start) ? m->start.date : none;
        if (first == SIZE_MAX || s < earliest) {
            first = x->mis[j].i;
            earliest = s;
        }
    }
    for (size_t j = c->llo; j < c->lhi; j++) {
        const struct hw_903_missing *l = &d->missing_last[x->last[j].i];
        if (l->end.state != HW_903_BLANK || !valid(&l->start) || l->start.date == earliest)
            continue;
        struct dbuf db = {0};
        report(r, R576, HW_903_MISSING, first,
               "MIS_START=%s; last year's row %zu open since MIS_START=%s",
               ds(&db, &d->missing[first].start), x->last[j].i + 1, ds(&db, &l->start));
        return;
    }
}

static void child_rules(struct run *r)
{
    const struct hw_903_data *d = r->d;
    struct idx x;
    build_index(d, &x);
    struct due *due = hw_reallocarray(NULL, d->nmissing ? d->nmissing : 1, sizeof *due);
    for (size_t j = 0; j < d->nmissing;) {
        struct child_rows c = {.child = x.mis[j].child, .mlo = j, .open_from = DATE_OPEN};
        while (j < d->nmissing && strcmp(x.mis[j].child, c.child) == 0)
            j++;
        c.mhi = j;
        if (*c.child) {
            child_range(x.eps, d->nepisodes, c.child, &c.elo, &c.ehi);
            child_range(x.ev, x.nev, c.child, &c.vlo, &c.vhi);
            child_range(x.pk, x.np, c.child, &c.plo, &c.phi);
            child_range(x.last, d->nmissing_last, c.child, &c.llo, &c.lhi);
            for (size_t p = c.plo; p < c.phi; p++)
                if (x.p[p].dec == DATE_OPEN && x.p[p].decom < c.open_from)
                    c.open_from = x.p[p].decom;
        }
        rules_575_577_578_581_1012(r, &x, &c);
        if (*c.child) {
            rule580(r, &x, &c, due);
            if (d->have_last)
                rule576(r, &x, &c);
        }
    }
    free(due);
    free_index(&x);
}

static int error_cmp(const void *x, const void *y)
{
    const struct hw_903_error *p = x, *q = y;
    if (p->rule != q->rule)
        return p->rule < q->rule ? -1 : 1;
    if (p->table != q->table)
        return p->table < q->table ? -1 : 1;
    return p->row < q->row ? -1 : p->row > q->row;
}

void hw_903_validate(const struct hw_903_data *d, int fy, struct hw_903_errors *out)
{
    struct run r = {.d = d,
                    .out = out,
                    .year_start = hw_date_from_ymd(fy, 4, 1),
                    .year_end = hw_date_from_ymd(fy + 1, 3, 31)};
    row_rules(&r);
    rule574(&r);
    child_rules(&r);
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, error_cmp);
}

void hw_903_errors_free(struct hw_903_errors *e)
{
    for (size_t i = 0; i < e->n; i++)
        free(e->v[i].detail);
    free(e->v);
    memset(e, 0, sizeof *e);
}
