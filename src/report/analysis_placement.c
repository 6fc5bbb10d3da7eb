/* analysis_placement.c - the analyses' first five sections (seed 004
 * sections 3, 4, 6, 7 and 8): where children went missing from, month by
 * month, case status, how long they were missing, and who went missing for
 * the first time.
 *
 * What every section here counts: the missing episodes of the council's own
 * children. Children placed here by other councils are left out (DOMAIN.md,
 * seed 001), and so are times a child was away from placement without
 * authorisation: that is not being missing (seed 003 sections 3 and 6), as
 * in the monthly profile. An episode belongs to the period, quarter and
 * month (Europe/London) in which the child was last seen.
 *
 * Cost: one pass over the facts' episodes per section. Distinct children are
 * counted with a few bits per child (struct seen), set the first time a
 * child counts in a cell, so no section hashes or sorts children; only the
 * named homes go through a string map.
 */
#include "report/analysis.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/mem.h"
#include "core/monthly.h"
#include "core/strmap.h"

#define DEFAULT_TOP 10 /* homes in the top list when the options say 0 */

static const char *const common_intro =
    "Children placed here by other councils are not counted, nor is time away from placement "
    "without authorisation: only missing episodes count. An episode counts in the period, "
    "quarter and month (UK time) in which the child was last seen.";

/* ---- what is counted ---- */

static bool counted(const struct hw_afacts *f, const struct hw_afact *ep)
{
    return hw_afact_own(f, ep) && ep->kind != HW_KIND_ABSENT;
}

/* Which of the two compared periods ep falls in: 0 this, 1 the year
 * before, -1 neither. */
static int period_of(const struct hw_period *p, const struct hw_afact *ep)
{
    if (hw_in_window(ep->last_seen, p->from, p->to))
        return 0;
    if (hw_in_window(ep->last_seen, p->prev_from, p->prev_to))
        return 1;
    return -1;
}

/* ---- placement types and case statuses as rows ---- */

enum { NPL = 7, PL_TOTAL = NPL }; /* placement values 0-6; PL_TOTAL: the Total row */
static const int pl_rows[NPL] = {
    HW_PL_HOME,      HW_PL_LA_HOME, HW_PL_FOSTER, HW_PL_INDEPENDENT_HOME,
    HW_PL_SUPPORTED, HW_PL_OTHER,   HW_PL_UNSET};

static int pl_of(const struct hw_afact *ep)
{
    return ep->placement >= HW_PL_HOME && ep->placement <= HW_PL_OTHER ? ep->placement
                                                                       : HW_PL_UNSET;
}

static const char *pl_label(int v)
{
    return v == HW_PL_UNSET ? "Not recorded" : hw_code_label(hw_placement_codes, v);
}

static const char *pl_col_id(int v)
{
    return v == HW_PL_UNSET ? "not_recorded" : hw_code_name(hw_placement_codes, v);
}

/* A children's home, whose name the home list shows (a foster carer's or a
 * family's name is not a home's). */
static bool is_childrens_home(int placement)
{
    return placement == HW_PL_LA_HOME || placement == HW_PL_INDEPENDENT_HOME;
}

enum { NCS = 6 }; /* case status values 0-5 */
static const int cs_rows[NCS] = {HW_CS_NOT_OPEN, HW_CS_EARLY_HELP, HW_CS_CIN,
                                 HW_CS_CPP,      HW_CS_CLA,        HW_CS_UNSET};

static int cs_of(const struct hw_afact *ep)
{
    return ep->case_status >= HW_CS_NOT_OPEN && ep->case_status <= HW_CS_CLA ? ep->case_status
                                                                             : HW_CS_UNSET;
}

static const char *cs_label(int v)
{
    return v == HW_CS_UNSET ? "Not recorded" : hw_code_label(hw_case_status_codes, v);
}

/* ---- distinct children: bits per child ---- */

struct seen {
    uint64_t *bits;
    size_t words; /* per child */
};

static void seen_init(struct seen *s, size_t nchildren, size_t nbits)
{
    s->words = (nbits + 63) / 64;
    s->bits = hw_calloc(nchildren ? nchildren : 1, s->words * sizeof *s->bits);
}

/* Sets bit `bit` of child; true when it was not set (the child counts). */
static bool seen_first(struct seen *s, size_t child, size_t bit)
{
    uint64_t *w = &s->bits[child * s->words + bit / 64];
    uint64_t m = (uint64_t)1 << (bit % 64);
    if (*w & m)
        return false;
    *w |= m;
    return true;
}

static bool seen_has(const struct seen *s, size_t child, size_t bit)
{
    return (s->bits[child * s->words + bit / 64] >> (bit % 64)) & 1;
}

static void seen_free(struct seen *s)
{
    free(s->bits);
    s->bits = NULL;
}

/* ---- time buckets ---- */

/* The bucket i with start[i] <= t < start[i + 1], or -1 (start has n + 1
 * ascending boundaries). */
static int bucket(const hw_instant *start, int n, hw_instant t)
{
    if (n <= 0 || t < start[0] || t >= start[n])
        return -1;
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (t >= start[mid])
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The instant month i of financial year fy starts (0 = April, 12 = the
 * next April). */
static hw_instant fy_month_start(int fy, int i)
{
    int m = 4 + i;
    return m > 12 ? hw_london_month_start(fy + 1, m - 12) : hw_london_month_start(fy, m);
}

/* The quarters of p's financial year up to and including p's: quarter i
 * (0-based) is [start[i], start[i + 1]); start[n] is p's end. */
struct quarters {
    int n;
    hw_instant start[5];
};

static void quarters_of(const struct hw_period *p, hw_instant now, struct quarters *q)
{
    q->n = hw_period_quarters(p, now);
    for (int i = 0; i <= q->n; i++)
        q->start[i] = fy_month_start(p->fy, 3 * i);
}

/* "2016-17" for the whole year, "2016-17 to Q2" for the year to date. */
static void ytd_title(const struct hw_period *p, const struct quarters *q, char *buf, size_t size)
{
    if (q->n == 4)
        snprintf(buf, size, "%04d-%02d", p->fy, (p->fy + 1) % 100);
    else
        snprintf(buf, size, "%04d-%02d to Q%d", p->fy, (p->fy + 1) % 100, q->n);
}

/* ---- tables ---- */

/* Column ids and titles built on the fly (titles carry period labels). */
struct cols {
    size_t n;
    const char *ids[24];
    char *titles[24];
};

static void col(struct cols *c, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void col(struct cols *c, const char *id, const char *fmt, ...)
{
    struct hw_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    c->ids[c->n] = id;
    c->titles[c->n++] = hw_buf_take(&b);
}

static size_t add_table(struct hw_doc_section *s, const char *id, const char *title,
                        const char *note, struct cols *c)
{
    size_t t = hw_doc_table(s, id, title, note, c->n, c->ids, (const char *const *)c->titles);
    for (size_t i = 0; i < c->n; i++)
        free(c->titles[i]);
    c->n = 0;
    return t;
}

/* The quarters' columns q1..qN and the year's "total". */
static void quarter_cols(struct cols *c, const struct hw_period *p, const struct quarters *q)
{
    static const char *const ids[4] = {"q1", "q2", "q3", "q4"};
    for (int i = 0; i < q->n; i++)
        col(c, ids[i], "Q%d", i + 1);
    char ytd[32];
    ytd_title(p, q, ytd, sizeof ytd);
    col(c, "total", "%s", ytd);
}

/* The four columns hw_cells_change fills, for a measure ("individuals"). */
static void change_cols(struct cols *c, const struct hw_period *p, const char *const ids[4],
                        const char *what)
{
    col(c, ids[0], "%s %s", what, p->label);
    col(c, ids[1], "%s %s", what, p->prev_label);
    col(c, ids[2], "%s change", what);
    col(c, ids[3], "%s change %%", what);
}

static const char *const ind_ids[4] = {"individuals", "individuals_last_year", "individuals_change",
                                       "individuals_change_pct"};
static const char *const eps_ids[4] = {"episodes", "episodes_last_year", "episodes_change",
                                       "episodes_change_pct"};

static struct hw_doc_section *add_section(struct hw_doc *d, const char *id, const char *title,
                                          const char *first)
{
    char *intro = hw_asprintf("%s %s", first, common_intro);
    struct hw_doc_section *s = hw_doc_section(d, id, title, intro);
    free(intro);
    return s;
}

/* ==== placement ==== */

struct home {
    const char *name; /* borrowed from the facts */
    int type;         /* the placement type of its latest episode */
    hw_instant latest;
    long eps[2], ind[2];
    size_t idx; /* its index before sorting */
};

struct hit {
    size_t home, child;
    int per;
};

static int by_episodes_then_name(const void *a, const void *b)
{
    const struct home *x = a, *y = b;
    if (x->eps[0] != y->eps[0])
        return x->eps[0] > y->eps[0] ? -1 : 1;
    return strcmp(x->name, y->name);
}

/* Named homes' counts: homes (to free) and how many. */
static struct home *count_homes(const struct hw_afacts *f, const struct hw_period *p,
                                size_t *nhomes, struct hit **hits_out, size_t *nhits_out)
{
    struct hw_strmap map = {0};
    struct home *homes = NULL;
    size_t n = 0, cap = 0, nhits = 0, hcap = 0;
    struct hit *hits = NULL;
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (!counted(f, ep) || !is_childrens_home(ep->placement) || ep->home == NULL ||
            ep->home[0] == '\0')
            continue;
        int per = period_of(p, ep);
        if (per < 0)
            continue;
        size_t h;
        if (!hw_strmap_get(&map, ep->home, &h)) {
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                homes = hw_reallocarray(homes, cap, sizeof *homes);
            }
            h = n++;
            homes[h] = (struct home){.name = ep->home, .latest = HW_NO_TIME, .idx = h};
            hw_strmap_put(&map, ep->home, h);
        }
        struct home *hm = &homes[h];
        hm->eps[per]++;
        if (ep->last_seen >= hm->latest) {
            hm->latest = ep->last_seen;
            hm->type = ep->placement;
        }
        if (nhits == hcap) {
            hcap = hcap ? hcap * 2 : 64;
            hits = hw_reallocarray(hits, hcap, sizeof *hits);
        }
        hits[nhits++] = (struct hit){.home = h, .child = ep->child, .per = per};
    }
    hw_strmap_free(&map);

    /* Distinct children per home: the hits grouped by home (a counting
     * sort), then a "last home counted" marker per child and period. */
    size_t *start = hw_calloc(n + 1, sizeof *start);
    for (size_t i = 0; i < nhits; i++)
        start[hits[i].home + 1]++;
    for (size_t h = 0; h < n; h++)
        start[h + 1] += start[h];
    size_t *next = hw_calloc(n + 1, sizeof *next);
    memcpy(next, start, (n + 1) * sizeof *next);
    size_t *order = hw_calloc(nhits ? nhits : 1, sizeof *order);
    for (size_t i = 0; i < nhits; i++)
        order[next[hits[i].home]++] = i;
    size_t *mark[2];
    for (int per = 0; per < 2; per++)
        mark[per] = hw_calloc(f->nchildren ? f->nchildren : 1, sizeof *mark[per]);
    for (size_t h = 0; h < n; h++)
        for (size_t k = start[h]; k < start[h + 1]; k++) {
            const struct hit *ht = &hits[order[k]];
            if (mark[ht->per][ht->child] != h + 1) {
                mark[ht->per][ht->child] = h + 1;
                homes[h].ind[ht->per]++;
            }
        }
    free(mark[0]);
    free(mark[1]);
    free(order);
    free(next);
    free(start);
    *nhomes = n;
    *hits_out = hits;
    *nhits_out = nhits;
    return homes;
}

static void placement_homes(struct hw_doc_section *s, const struct hw_afacts *f,
                            const struct hw_period *p, size_t top)
{
    size_t n, nhits;
    struct hit *hits;
    struct home *homes = count_homes(f, p, &n, &hits, &nhits);
    if (n > 1)
        qsort(homes, n, sizeof *homes, by_episodes_then_name);

    struct cols c = {0};
    col(&c, "home", "Home");
    col(&c, "type", "Type");
    change_cols(&c, p, ind_ids, "Individuals");
    change_cols(&c, p, eps_ids, "Episodes");
    char *title = hw_asprintf("Named children's homes, most episodes in %s first", p->label);
    char *note = hw_asprintf(
        "The council's own and independent children's homes, by the home's name as recorded "
        "on the episode; the type is the one recorded on the home's latest episode. Episodes "
        "with no home name are counted in the placement type table only. At most %zu homes "
        "are shown; \"Other homes\" adds up the rest, counting a child once however many of "
        "those homes they went missing from.",
        top);
    size_t t = add_table(s, "by_home", title, note, &c);
    free(title);
    free(note);

    bool *rest = hw_calloc(n ? n : 1, sizeof *rest);
    for (size_t i = 0; i < n; i++) {
        if (i >= top) {
            rest[homes[i].idx] = true;
            continue;
        }
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], homes[i].name);
        hw_cell_text(&row[1], pl_label(homes[i].type));
        hw_cells_change(&row[2], homes[i].ind[0], homes[i].ind[1]);
        hw_cells_change(&row[6], homes[i].eps[0], homes[i].eps[1]);
    }
    if (n > top) {
        long eps[2] = {0, 0}, ind[2] = {0, 0};
        struct seen sn;
        seen_init(&sn, f->nchildren, 2);
        for (size_t i = 0; i < nhits; i++) {
            if (!rest[hits[i].home])
                continue;
            eps[hits[i].per]++;
            if (seen_first(&sn, hits[i].child, (size_t)hits[i].per))
                ind[hits[i].per]++;
        }
        seen_free(&sn);
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], "Other homes");
        hw_cell_text(&row[1], NULL);
        hw_cells_change(&row[2], ind[0], ind[1]);
        hw_cells_change(&row[6], eps[0], eps[1]);
    }
    free(rest);
    free(hits);
    free(homes);
}

int hw_section_placement(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)err;
    long eps[NPL + 1][2] = {{0}}, ind[NPL + 1][2] = {{0}};
    struct seen sn;
    seen_init(&sn, f->nchildren, (NPL + 1) * 2);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int per = counted(f, ep) ? period_of(p, ep) : -1;
        if (per < 0)
            continue;
        int pl = pl_of(ep);
        eps[pl][per]++;
        eps[PL_TOTAL][per]++;
        if (seen_first(&sn, ep->child, (size_t)(pl * 2 + per)))
            ind[pl][per]++;
        if (seen_first(&sn, ep->child, (size_t)(PL_TOTAL * 2 + per)))
            ind[PL_TOTAL][per]++;
    }
    seen_free(&sn);

    char *first = hw_asprintf(
        "Where children went missing from in %s against %s: the placement recorded on each "
        "missing episode, and the named children's homes with the most episodes.",
        p->label, p->prev_label);
    struct hw_doc_section *s =
        add_section(d, "placement", "Where children went missing from", first);
    free(first);

    struct cols c = {0};
    col(&c, "placement", "Placement type");
    change_cols(&c, p, ind_ids, "Individuals");
    change_cols(&c, p, eps_ids, "Episodes");
    char *title = hw_asprintf("Individuals and episodes by placement type, %s against %s", p->label,
                              p->prev_label);
    size_t t = add_table(
        s, "by_placement", title,
        "Individuals are distinct children. A child who went missing from two types of "
        "placement counts in each, and once in the Total, so the rows can add up to more than "
        "the Total. Change % is against last year; it is empty where last year was 0.",
        &c);
    free(title);
    for (int r = 0; r <= NPL; r++) {
        int pl = r < NPL ? pl_rows[r] : PL_TOTAL;
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], r < NPL ? pl_label(pl) : "Total");
        hw_cells_change(&row[1], ind[pl][0], ind[pl][1]);
        hw_cells_change(&row[5], eps[pl][0], eps[pl][1]);
    }
    hw_doc_total_range(s, t, false, NPL, 0, NPL); /* for a publication */
    char *chart = hw_asprintf("Episodes by placement type, %s and %s", p->prev_label, p->label);
    hw_doc_chart(s, HW_CHART_BAR, chart, t, 0, (const size_t[]){5, 6}, 2, -1);
    hw_doc_chart_rows(s, NPL); /* not the Total */
    free(chart);

    placement_homes(s, f, p, o && o->top ? o->top : DEFAULT_TOP);
    return 0;
}

/* ==== monthly ==== */

/* Per month: the groups home, care and all, then each placement type. */
enum { G_HOME = 0, G_CARE, G_ALL, G_TYPES, NSLOTS = G_TYPES + NPL };

int hw_section_monthly(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                       const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    static const char *const abbr[12] = {"Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                         "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};
    int m0 = p->quarter ? (p->quarter - 1) * 3 : 0, nm = hw_period_months(p, f->now);
    hw_instant start[13], prev[13];
    for (int i = 0; i <= nm; i++) {
        start[i] = fy_month_start(p->fy, m0 + i);
        prev[i] = fy_month_start(p->fy - 1, m0 + i);
    }
    long ind[12][NSLOTS] = {{0}}, eps[12][NSLOTS] = {{0}}, last[12] = {0};
    struct seen sn;
    seen_init(&sn, f->nchildren, (size_t)nm * NSLOTS);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (!counted(f, ep))
            continue;
        int m = bucket(start, nm, ep->last_seen);
        if (m < 0) {
            int lm = bucket(prev, nm, ep->last_seen);
            if (lm >= 0)
                last[lm]++;
            continue;
        }
        int pl = pl_of(ep);
        int slots[3] = {G_ALL, G_TYPES + pl, -1};
        if (pl == HW_PL_HOME)
            slots[2] = G_HOME;
        else if (pl != HW_PL_UNSET)
            slots[2] = G_CARE;
        for (int k = 0; k < 3 && slots[k] >= 0; k++) {
            eps[m][slots[k]]++;
            if (seen_first(&sn, ep->child, (size_t)(m * NSLOTS + slots[k])))
                ind[m][slots[k]]++;
        }
    }
    seen_free(&sn);

    char *first = hw_asprintf("Children missing and missing episodes in each month of %s, from "
                              "home and from care, and by placement type.",
                              p->label);
    struct hw_doc_section *s = add_section(d, "monthly", "Month by month", first);
    free(first);

    struct cols c = {0};
    col(&c, "month", "Month");
    col(&c, "home_individuals", "Individuals missing from home");
    col(&c, "home_episodes", "Episodes from home");
    col(&c, "care_individuals", "Individuals missing from care");
    col(&c, "care_episodes", "Episodes from care");
    col(&c, "individuals", "All individuals");
    col(&c, "episodes", "All episodes");
    col(&c, "episodes_last_year", "Episodes same month %s", p->prev_label);
    size_t t = add_table(
        s, "by_month", "Individuals and episodes per month",
        "Home is the family home; care is every other placement (the council's and independent "
        "children's homes, foster care, supported accommodation, other settings). Episodes with "
        "no placement recorded count in the totals only. A child missing from home and from "
        "care in the same month counts in both, and once in the totals.",
        &c);
    size_t tt[2];
    for (int k = 0; k < 2; k++) {
        col(&c, "month", "Month");
        for (int r = 0; r < NPL; r++)
            col(&c, pl_col_id(pl_rows[r]), "%s", pl_label(pl_rows[r]));
        tt[k] = add_table(s, k ? "episodes_by_type" : "individuals_by_type",
                          k ? "Episodes per month by placement type"
                            : "Individuals per month by placement type",
                          k ? NULL
                            : "A child missing from two types of placement in a month counts "
                              "under each.",
                          &c);
    }
    for (int i = 0; i < nm; i++) {
        int fm = m0 + i;
        char label[16];
        snprintf(label, sizeof label, "%s %d", abbr[fm], fm < 9 ? p->fy : p->fy + 1);
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], label);
        static const int groups[3] = {G_HOME, G_CARE, G_ALL};
        for (int g = 0; g < 3; g++) {
            hw_cell_int(&row[1 + 2 * g], ind[i][groups[g]]);
            hw_cell_int(&row[2 + 2 * g], eps[i][groups[g]]);
        }
        hw_cell_int(&row[7], last[i]);
        for (int k = 0; k < 2; k++) {
            struct hw_cell *tr = hw_doc_row(s, tt[k]);
            hw_cell_text(&tr[0], label);
            for (int r = 0; r < NPL; r++)
                hw_cell_int(&tr[1 + r],
                            k ? eps[i][G_TYPES + pl_rows[r]] : ind[i][G_TYPES + pl_rows[r]]);
        }
    }
    hw_doc_chart(s, HW_CHART_LINE, "Individuals and episodes per month", t, 0,
                 (const size_t[]){5, 6, 7}, 3, -1);
    size_t types[NPL];
    for (size_t r = 0; r < NPL; r++)
        types[r] = r + 1;
    hw_doc_chart(s, HW_CHART_LINE, "Individuals per month by placement type", tt[0], 0, types, NPL,
                 -1);
    hw_doc_chart(s, HW_CHART_LINE, "Episodes per month by placement type", tt[1], 0, types, NPL,
                 -1);
    return 0;
}

/* ==== case status ==== */

int hw_section_case_status(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                           const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    struct quarters q;
    quarters_of(p, f->now, &q);
    int ncol = q.n + 1; /* the quarters, then the year to date */
    /* Bits per child: status s in column c at s * ncol + c; any status in
     * column c at NCS * ncol + c. */
    long ind[NCS][5] = {{0}}, all[5] = {0}, changed[5] = {0};
    struct seen sn;
    seen_init(&sn, f->nchildren, (size_t)(NCS + 1) * (size_t)ncol);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int qi = counted(f, ep) ? bucket(q.start, q.n, ep->last_seen) : -1;
        if (qi < 0)
            continue;
        int cs = cs_of(ep);
        const int cols[2] = {qi, q.n};
        for (int k = 0; k < 2; k++) {
            if (seen_first(&sn, ep->child, (size_t)(cs * ncol + cols[k])))
                ind[cs][cols[k]]++;
            if (seen_first(&sn, ep->child, (size_t)(NCS * ncol + cols[k])))
                all[cols[k]]++;
        }
    }
    /* A change of status: two or more recorded statuses in the column. */
    for (size_t ch = 0; ch < f->nchildren; ch++)
        for (int c = 0; c < ncol; c++) {
            int n = 0;
            for (int cs = HW_CS_NOT_OPEN; cs <= HW_CS_CLA; cs++)
                n += seen_has(&sn, ch, (size_t)(cs * ncol + c));
            changed[c] += n >= 2;
        }
    seen_free(&sn);

    struct hw_doc_section *s = add_section(
        d, "case_status", "Children by case status",
        "Children who went missing in each quarter, by their case status at the time of each "
        "episode.");
    struct cols c = {0};
    col(&c, "status", "Case status at the time");
    quarter_cols(&c, p, &q);
    char *title = hw_asprintf("Individuals by case status per quarter, %s", p->label);
    size_t t = add_table(
        s, "by_quarter", title,
        "A child counts under the status recorded on each of their episodes, so a child whose "
        "status changed counts under each and the statuses can add up to more than all "
        "children. \"Children who changed status\" had two or more different recorded statuses "
        "on their episodes in the quarter (or in the year); a status not recorded is not a "
        "change.",
        &c);
    free(title);
    for (int r = 0; r < NCS + 2; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        const long *v = r < NCS ? ind[cs_rows[r]] : r == NCS ? all : changed;
        hw_cell_text(&row[0], r < NCS    ? cs_label(cs_rows[r])
                              : r == NCS ? "All children"
                                         : "Children who changed status");
        for (int k = 0; k < ncol; k++)
            hw_cell_int(&row[1 + k], v[k]);
    }
    /* For a publication: all children over the statuses, the year over
     * the quarters. */
    hw_doc_total_range(s, t, false, NCS, 0, NCS);
    hw_doc_total_range(s, t, true, (size_t)q.n + 1, 1, (size_t)q.n + 1);
    return 0;
}

/* ==== duration ==== */

int hw_section_duration(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                        const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    struct quarters q;
    quarters_of(p, f->now, &q);
    long n[HW_BAND_COUNT][5] = {{0}}, still = 0;
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int qi = counted(f, ep) ? bucket(q.start, q.n, ep->last_seen) : -1;
        if (qi < 0)
            continue;
        int b = hw_band_of(ep->last_seen, ep->returned, f->now);
        n[b][qi]++;
        n[b][q.n]++;
        still += ep->returned == HW_NO_TIME;
    }

    struct hw_doc_section *s =
        add_section(d, "duration", "How long children were missing",
                    "Missing episodes in each quarter by how long the child was missing, from "
                    "last seen to found.");
    struct cols c = {0};
    col(&c, "band", "Time missing");
    quarter_cols(&c, p, &q);
    char when[HW_LOCAL_LEN];
    hw_format_local(f->now, when);
    char *title = hw_asprintf("Episodes by time missing per quarter, %s", p->label);
    char *note = hw_asprintf("Bands are in hours (0-12h is under 12 hours; 72h+ is 3 days or "
                             "more). %ld episode%s still missing at %s %s measured to then, "
                             "so %s may move to a longer band.",
                             still, still == 1 ? "" : "s", when, still == 1 ? "is" : "are",
                             still == 1 ? "it" : "they");
    size_t t = add_table(s, "by_quarter", title, note, &c);
    free(title);
    free(note);
    for (int b = 0; b < HW_BAND_COUNT; b++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], hw_band_label(b));
        for (int k = 0; k <= q.n; k++)
            hw_cell_int(&row[1 + k], n[b][k]);
    }
    hw_doc_total_range(s, t, true, (size_t)q.n + 1, 1, (size_t)q.n + 1); /* for a publication */
    size_t series[4];
    for (int k = 0; k < q.n; k++)
        series[k] = (size_t)k + 1;
    hw_doc_chart(s, HW_CHART_BAR, "Episodes by time missing per quarter", t, 0, series, (size_t)q.n,
                 -1);
    return 0;
}

/* ==== first ever ==== */

int hw_section_first_ever(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                          const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    struct quarters q;
    quarters_of(p, f->now, &q);
    int ncol = q.n + 1;
    /* Bits per child: placement row pl (PL_TOTAL: all) in period per at
     * pl * 2 + per; in quarter column c at QBASE + pl * ncol + c. */
    const size_t qbase = (NPL + 1) * 2;
    long ind[NPL + 1][2] = {{0}}, byq[NPL + 1][5] = {{0}};
    struct seen sn;
    seen_init(&sn, f->nchildren, qbase + (size_t)(NPL + 1) * (size_t)ncol);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (!ep->first_ever || !counted(f, ep))
            continue;
        int pl = pl_of(ep);
        const int rows[2] = {pl, PL_TOTAL};
        int per = period_of(p, ep);
        int qi = bucket(q.start, q.n, ep->last_seen);
        for (int k = 0; k < 2; k++) {
            if (per >= 0 && seen_first(&sn, ep->child, (size_t)(rows[k] * 2 + per)))
                ind[rows[k]][per]++;
            if (qi < 0)
                continue;
            const int cols[2] = {qi, q.n};
            for (int j = 0; j < 2; j++)
                if (seen_first(&sn, ep->child, qbase + (size_t)(rows[k] * ncol + cols[j])))
                    byq[rows[k]][cols[j]]++;
        }
    }
    seen_free(&sn);

    struct hw_doc_section *s = add_section(
        d, "first_ever", "Children missing for the first time",
        "Children whose first episode on record was in the period, by where they went missing "
        "from.");
    const char *caveat =
        "A child counts only when their first episode ever recorded (as far back as the "
        "records go) is in the period: a child who went missing before, however long ago, is "
        "not counted. A child whose first recorded episode was an absence without "
        "authorisation is not counted here. Children placed here by other councils may have "
        "gone missing before they came, and are not counted.";
    struct cols c = {0};
    col(&c, "placement", "Placement type");
    change_cols(&c, p, ind_ids, "Children");
    char *title = hw_asprintf("Children missing for the first time by placement type, %s "
                              "against %s",
                              p->label, p->prev_label);
    size_t t = add_table(s, "by_placement", title, caveat, &c);
    free(title);
    col(&c, "placement", "Placement type");
    quarter_cols(&c, p, &q);
    title = hw_asprintf("Children missing for the first time per quarter, %s", p->label);
    size_t tq = add_table(s, "by_quarter", title, NULL, &c);
    free(title);
    for (int r = 0; r <= NPL; r++) {
        int pl = r < NPL ? pl_rows[r] : PL_TOTAL;
        const char *label = r < NPL ? pl_label(pl) : "Total";
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], label);
        hw_cells_change(&row[1], ind[pl][0], ind[pl][1]);
        row = hw_doc_row(s, tq);
        hw_cell_text(&row[0], label);
        for (int k = 0; k < ncol; k++)
            hw_cell_int(&row[1 + k], byq[pl][k]);
    }
    /* For a publication: the Total rows, and the year over the quarters. */
    hw_doc_total_range(s, t, false, NPL, 0, NPL);
    hw_doc_total_range(s, tq, false, NPL, 0, NPL);
    hw_doc_total_range(s, tq, true, (size_t)ncol, 1, (size_t)ncol);
    char *chart =
        hw_asprintf("Children missing for the first time, %s and %s", p->prev_label, p->label);
    hw_doc_chart(s, HW_CHART_BAR, chart, t, 0, (const size_t[]){1, 2}, 2, -1);
    hw_doc_chart_rows(s, NPL); /* not the Total */
    free(chart);
    size_t series[4];
    for (int k = 0; k < q.n; k++)
        series[k] = (size_t)k + 1;
    hw_doc_chart(s, HW_CHART_BAR, "Children missing for the first time per quarter", tq, 0, series,
                 (size_t)q.n, -1);
    hw_doc_chart_rows(s, NPL); /* not the Total */
    return 0;
}
