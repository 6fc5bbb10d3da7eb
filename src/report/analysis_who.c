/* analysis_who.c - who goes missing: the analyses' sections by age at the
 * start of the episode (seed 001 section 1.2: the DfE's bands, and the
 * 17-year-olds year by year), by gender and ethnicity (seed 004 appendix 2:
 * new communities) and by school or other education placement (seed 004
 * appendix 2: which schools account for the most episodes).
 *
 * What they count, as the placement sections do: the missing episodes of
 * the council's own children, in the period against the same period last
 * year. Children placed here by other councils are left out; so is time
 * away from placement without authorisation, except in the school section,
 * which shows it in columns of its own (the seed asks for the schools of
 * "all missing and absent young people").
 *
 * An individual counts once in each period, in the row of their first
 * episode of that period (for age, their age then), so that the rows of
 * individuals add up to the Total; each episode counts in its own row.
 * Gender, ethnicity and school are what is recorded on the child now.
 *
 * Cost: one pass over the episodes per table, a byte per child for
 * distinct children, and a string map over the distinct texts recorded.
 */
#include "report/analysis.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/mem.h"
#include "core/monthly.h"
#include "core/strmap.h"

#define DEFAULT_TOP 10 /* schools in the top list when the options say 0 */

#define TITLE_AGE       "Children missing by age"
#define TITLE_GENDER    "Children missing by gender"
#define TITLE_ETHNICITY "Children missing by ethnicity"
#define TITLE_SCHOOL    "Schools and other education placements"

static const char *const common_intro =
    "Children placed here by other councils are not counted. An episode counts in the period "
    "(UK time) in which the child was last seen. A child counts once as an individual in each "
    "period, in the row of their first episode of that period, so the individuals add up to the "
    "Total; each episode counts in its own row.";

/* ---- what is counted ---- */

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

/* An own child's episode of the kind asked for (absent: away without
 * authorisation; else missing), in either period: its period, or -1. */
static int counted(const struct hw_afacts *f, const struct hw_period *p, const struct hw_afact *ep,
                   bool absent)
{
    if (!hw_afact_own(f, ep) || (ep->kind == HW_KIND_ABSENT) != absent)
        return -1;
    return period_of(p, ep);
}

/* Individuals and episodes in the period (0) and the year before (1). */
struct counts {
    long ind[2], eps[2];
};

/* The row of an episode. */
typedef size_t (*row_fn)(const struct hw_afacts *f, const struct hw_afact *ep, void *ctx);

/* Counts the episodes of the kind asked for into rows[row_of(ep)] and the
 * Total rows[nrows]; a child is an individual in the row of their first
 * episode of each period (the episodes are in order of last seen). */
static void count_rows(const struct hw_afacts *f, const struct hw_period *p, bool absent,
                       row_fn row_of, void *ctx, struct counts *rows, size_t nrows)
{
    unsigned char *seen = hw_calloc(f->nchildren ? f->nchildren : 1, 1);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int per = counted(f, p, ep, absent);
        if (per < 0)
            continue;
        size_t r = row_of(f, ep, ctx);
        rows[r].eps[per]++;
        rows[nrows].eps[per]++;
        if (!(seen[ep->child] & (1u << per))) {
            seen[ep->child] |= (unsigned char)(1u << per);
            rows[r].ind[per]++;
            rows[nrows].ind[per]++;
        }
    }
    free(seen);
}

/* ---- tables of this period against last year ---- */

static const char *const ind_ids[4] = {"individuals", "individuals_last_year", "individuals_change",
                                       "individuals_change_pct"};
static const char *const eps_ids[4] = {"episodes", "episodes_last_year", "episodes_change",
                                       "episodes_change_pct"};

/* A table: the label column, then individuals and episodes, each this
 * period, last year, the change and the change in percent. */
static size_t change_table(struct hw_doc_section *s, const struct hw_period *p, const char *id,
                           const char *label_title, const char *title, const char *note)
{
    const char *ids[9], *titles[9];
    char *owned[8];
    ids[0] = "label";
    titles[0] = label_title;
    for (int k = 0; k < 2; k++) {
        const char *const *src = k ? eps_ids : ind_ids;
        const char *what = k ? "Episodes" : "Individuals";
        owned[4 * k] = hw_asprintf("%s %s", what, p->label);
        owned[4 * k + 1] = hw_asprintf("%s %s", what, p->prev_label);
        owned[4 * k + 2] = hw_asprintf("%s change", what);
        owned[4 * k + 3] = hw_asprintf("%s change %%", what);
        for (int j = 0; j < 4; j++) {
            ids[1 + 4 * k + j] = src[j];
            titles[1 + 4 * k + j] = owned[4 * k + j];
        }
    }
    size_t t = hw_doc_table(s, id, title, note, 9, ids, titles);
    for (int i = 0; i < 8; i++)
        free(owned[i]);
    return t;
}

static void change_row(struct hw_doc_section *s, size_t t, const char *label,
                       const struct counts *n)
{
    struct hw_cell *row = hw_doc_row(s, t);
    hw_cell_text(&row[0], label);
    hw_cells_change(&row[1], n->ind[0], n->ind[1]);
    hw_cells_change(&row[5], n->eps[0], n->eps[1]);
}

/* The last row of table t is the Total of the rows before it (for a
 * publication). */
static void total_is_last(struct hw_doc_section *s, size_t t)
{
    size_t n = s->tables[t].nrows;
    if (n > 0)
        hw_doc_total_range(s, t, false, n - 1, 0, n - 1);
}

static struct hw_doc_section *add_section(struct hw_doc *d, const char *id, const char *title,
                                          const char *first)
{
    char *intro = hw_asprintf("%s %s", first, common_intro);
    struct hw_doc_section *s = hw_doc_section(d, id, title, intro);
    free(intro);
    return s;
}

/* ==== age ==== */

/* Single years: under 10, 10 to 17, 18 and over, not recorded. */
enum { YR_UNDER_10 = 0, YR_FIRST = 10, YR_LAST = 17 };
enum { NYEARS = 1 + (YR_LAST - YR_FIRST + 1) + 2 };

static int age_at(const struct hw_afacts *f, const struct hw_afact *ep)
{
    return hw_age_years(f->children[ep->child].dob, hw_london_date(ep->last_seen));
}

static size_t band_row(const struct hw_afacts *f, const struct hw_afact *ep, void *ctx)
{
    (void)ctx;
    return (size_t)hw_age_band_of(age_at(f, ep));
}

static size_t year_row(const struct hw_afacts *f, const struct hw_afact *ep, void *ctx)
{
    (void)ctx;
    int age = age_at(f, ep);
    if (age < 0)
        return NYEARS - 1;
    if (age < YR_FIRST)
        return YR_UNDER_10;
    if (age > YR_LAST)
        return NYEARS - 2;
    return (size_t)(1 + age - YR_FIRST);
}

int hw_section_age(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                   const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    struct counts bands[HW_AGE_BAND_COUNT + 1], years[NYEARS + 1];
    memset(bands, 0, sizeof bands);
    memset(years, 0, sizeof years);
    count_rows(f, p, false, band_row, NULL, bands, HW_AGE_BAND_COUNT);
    count_rows(f, p, false, year_row, NULL, years, NYEARS);

    char *first = hw_asprintf(
        "Children who went missing and their episodes by age at the start of the episode, %s "
        "against %s: in the DfE's age bands, and year by year from 10 to 17. Age is in whole "
        "years on the date (UK time) the child was last seen, from the date of birth recorded "
        "on the child: a child is a year older on their birthday (a child born on 29 February, "
        "on 1 March in other years). A child whose age changes within the period counts as an "
        "individual at their age at their first episode of the period. No date of birth "
        "recorded, or one after the episode, is Not recorded.",
        p->label, p->prev_label);
    struct hw_doc_section *s = add_section(d, "age", TITLE_AGE, first);
    free(first);

    const char *note = "Individuals are distinct children, each at their age at their first "
                       "episode of the period, so the rows add up to the Total; episodes count "
                       "at the child's age at each episode. Change % is against last year; it "
                       "is empty where last year was 0.";
    char *title =
        hw_asprintf("Individuals and episodes by age band, %s against %s", p->label, p->prev_label);
    size_t tb = change_table(s, p, "by_band", "Age at the start of the episode", title, note);
    free(title);
    for (int b = 0; b < HW_AGE_BAND_COUNT; b++)
        change_row(s, tb, hw_age_band_label(b), &bands[b]);
    change_row(s, tb, "Total", &bands[HW_AGE_BAND_COUNT]);
    total_is_last(s, tb);
    char *chart = hw_asprintf("Children missing by age band, %s and %s", p->label, p->prev_label);
    hw_doc_chart(s, HW_CHART_BAR, chart, tb, 0, (const size_t[]){1, 2}, 2, -1);
    hw_doc_chart_rows(s, HW_AGE_BAND_COUNT); /* not the Total */
    free(chart);

    title = hw_asprintf("Individuals and episodes by age, 10 to 17 year by year, %s against %s",
                        p->label, p->prev_label);
    size_t ty = change_table(s, p, "by_year", "Age at the start of the episode", title, note);
    free(title);
    for (int r = 0; r < NYEARS; r++) {
        char label[32];
        if (r == YR_UNDER_10)
            snprintf(label, sizeof label, "Under %d", YR_FIRST);
        else if (r == NYEARS - 2)
            snprintf(label, sizeof label, "%d and over", YR_LAST + 1);
        else if (r == NYEARS - 1)
            snprintf(label, sizeof label, "Not recorded");
        else
            snprintf(label, sizeof label, "%d", YR_FIRST + r - 1);
        change_row(s, ty, label, &years[r]);
    }
    change_row(s, ty, "Total", &years[NYEARS]);
    total_is_last(s, ty);
    chart = hw_asprintf("Episodes by age, %s and %s", p->label, p->prev_label);
    hw_doc_chart(s, HW_CHART_BAR, chart, ty, 0, (const size_t[]){5, 6}, 2, -1);
    hw_doc_chart_rows(s, NYEARS); /* not the Total */
    free(chart);
    return 0;
}

/* ==== texts recorded on the child: gender, ethnicity, school ==== */

/* The distinct texts recorded, compared without regard to ASCII case or
 * to spaces at the ends or doubled inside. */
struct groups {
    struct hw_strmap map; /* key -> index */
    char **shown;         /* each group's text as shown: its first spelling in byte order */
    size_t n, cap;
    size_t *of_child; /* the child's group; NONE: not yet looked up; NOT_RECORDED */
};

#define GROUP_NONE         SIZE_MAX
#define GROUP_NOT_RECORDED (SIZE_MAX - 1)

/* s with white space at the ends dropped and runs of it inside as one
 * space; fold: ASCII letters in lower case too. "" for none. */
static char *tidy(const char *s, bool fold)
{
    struct hw_buf b = {0};
    hw_buf_puts(&b, "");
    bool space = false;
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        if (isspace(*c)) {
            space = b.len > 0;
            continue;
        }
        if (space)
            hw_buf_putc(&b, ' ');
        space = false;
        hw_buf_putc(&b, (char)(fold && *c < 0x80 ? tolower(*c) : *c));
    }
    return hw_buf_take(&b);
}

typedef const char *(*field_fn)(const struct hw_achild *c);

static size_t group_of(struct groups *g, const struct hw_afacts *f, size_t child, field_fn field)
{
    if (g->of_child[child] != GROUP_NONE)
        return g->of_child[child];
    const char *text = field(&f->children[child]);
    char *key = tidy(text, true);
    size_t at = GROUP_NOT_RECORDED;
    if (key[0] != '\0') {
        char *shown = tidy(text, false);
        if (hw_strmap_get(&g->map, key, &at)) {
            if (strcmp(shown, g->shown[at]) < 0) {
                free(g->shown[at]);
                g->shown[at] = shown;
            } else {
                free(shown);
            }
        } else {
            if (g->n == g->cap) {
                g->cap = g->cap ? g->cap * 2 : 16;
                g->shown = hw_reallocarray(g->shown, g->cap, sizeof *g->shown);
            }
            at = g->n++;
            g->shown[at] = shown;
            hw_strmap_put(&g->map, key, at);
        }
    }
    free(key);
    g->of_child[child] = at;
    return at;
}

/* The groups of the children with an episode counted (missing, and also
 * absent when absent_too) in either period. */
static void groups_init(struct groups *g, const struct hw_afacts *f, const struct hw_period *p,
                        field_fn field, bool absent_too)
{
    memset(g, 0, sizeof *g);
    g->of_child = hw_malloc((f->nchildren ? f->nchildren : 1) * sizeof *g->of_child);
    for (size_t c = 0; c < f->nchildren; c++)
        g->of_child[c] = GROUP_NONE;
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (counted(f, p, ep, false) >= 0 || (absent_too && counted(f, p, ep, true) >= 0))
            group_of(g, f, ep->child, field);
    }
}

static void groups_free(struct groups *g)
{
    for (size_t i = 0; i < g->n; i++)
        free(g->shown[i]);
    free(g->shown);
    free(g->of_child);
    hw_strmap_free(&g->map);
}

/* Rows: the groups 0..n-1, then Not recorded at n. */
static size_t group_row(const struct hw_afacts *f, const struct hw_afact *ep, void *ctx)
{
    (void)f;
    const struct groups *g = ctx;
    size_t at = g->of_child[ep->child];
    return at == GROUP_NOT_RECORDED || at == GROUP_NONE ? g->n : at;
}

/* Sorting groups: by the counts given, most first, then by text. */
struct ranked {
    size_t group;
    long key[3];
    const char *shown;
};

static int by_rank(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    for (int k = 0; k < 3; k++)
        if (x->key[k] != y->key[k])
            return x->key[k] > y->key[k] ? -1 : 1;
    return strcmp(x->shown, y->shown);
}

/* ==== gender and ethnicity ==== */

static const char *gender_of(const struct hw_achild *c)
{
    return c->gender;
}

static const char *ethnicity_of(const struct hw_achild *c)
{
    return c->ethnicity;
}

static int text_section(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                        const char *id, const char *title, const char *what, field_fn field)
{
    struct groups g;
    groups_init(&g, f, p, field, false);
    struct counts *n = hw_calloc(g.n + 2, sizeof *n); /* the groups, Not recorded, Total */
    count_rows(f, p, false, group_row, &g, n, g.n + 1);
    struct ranked *order = hw_calloc(g.n ? g.n : 1, sizeof *order);
    for (size_t i = 0; i < g.n; i++)
        order[i] = (struct ranked){
            .group = i, .key = {n[i].ind[0], n[i].eps[0], n[i].ind[1]}, .shown = g.shown[i]};
    if (g.n > 1)
        qsort(order, g.n, sizeof *order, by_rank);

    char *first = hw_asprintf(
        "Children who went missing and their episodes by %s, %s against %s, as recorded on the "
        "child now. Each %s recorded is a row, most individuals in %s first (then most "
        "episodes, then most individuals last year, then in alphabetical order); spellings that "
        "differ only in capitals or spaces are one row. No %s recorded is Not recorded, the row "
        "before the Total.",
        what, p->label, p->prev_label, what, p->label, what);
    struct hw_doc_section *s = add_section(d, id, title, first);
    free(first);
    char *label_title = hw_asprintf("%c%s", toupper((unsigned char)what[0]), what + 1);
    char *ttitle =
        hw_asprintf("Individuals and episodes by %s, %s against %s", what, p->label, p->prev_label);
    char *tid = hw_asprintf("by_%s", id);
    size_t t = change_table(s, p, tid, label_title, ttitle,
                            "Individuals are distinct children; the rows add up to the Total. "
                            "Change % is against last year; it is empty where last year was 0.");
    free(tid);
    free(ttitle);
    free(label_title);
    for (size_t i = 0; i < g.n; i++)
        change_row(s, t, g.shown[order[i].group], &n[order[i].group]);
    change_row(s, t, "Not recorded", &n[g.n]);
    change_row(s, t, "Total", &n[g.n + 1]);
    total_is_last(s, t);
    char *chart = hw_asprintf("Children missing by %s, %s and %s", what, p->label, p->prev_label);
    hw_doc_chart(s, HW_CHART_BAR, chart, t, 0, (const size_t[]){1, 2}, 2, -1);
    hw_doc_chart_rows(s, g.n + 1); /* not the Total */
    free(chart);
    free(order);
    free(n);
    groups_free(&g);
    return 0;
}

int hw_section_gender(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    return text_section(d, f, p, "gender", TITLE_GENDER, "gender", gender_of);
}

int hw_section_ethnicity(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    return text_section(d, f, p, "ethnicity", TITLE_ETHNICITY, "ethnicity", ethnicity_of);
}

/* ==== school ==== */

static const char *school_of(const struct hw_achild *c)
{
    return c->school;
}

int hw_section_school(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)err;
    size_t top = o && o->top ? o->top : DEFAULT_TOP;
    struct groups g;
    groups_init(&g, f, p, school_of, true);
    /* The schools, Not recorded, Total: missing, then away without authorisation. */
    struct counts *mis = hw_calloc(g.n + 2, sizeof *mis), *absn = hw_calloc(g.n + 2, sizeof *absn);
    count_rows(f, p, false, group_row, &g, mis, g.n + 1);
    count_rows(f, p, true, group_row, &g, absn, g.n + 1);
    struct ranked *order = hw_calloc(g.n ? g.n : 1, sizeof *order);
    for (size_t i = 0; i < g.n; i++)
        order[i] = (struct ranked){
            .group = i, .key = {mis[i].eps[0], absn[i].eps[0], mis[i].ind[0]}, .shown = g.shown[i]};
    if (g.n > 1)
        qsort(order, g.n, sizeof *order, by_rank);

    char *first = hw_asprintf(
        "Schools and other education placements by the missing episodes of the children "
        "recorded there, most first, %s (with %s's episodes beside them), and the times "
        "children there were away from placement without authorisation, in columns of their "
        "own. The school is the one recorded on the child now, not at the time of each "
        "episode, so a child who has moved school counts under the new one.",
        p->label, p->prev_label);
    struct hw_doc_section *s = add_section(d, "school", TITLE_SCHOOL, first);
    free(first);
    const char *ids[6] = {
        "school",         "individuals", "episodes", "episodes_last_year", "absent_individuals",
        "absent_episodes"};
    char *titles[6] = {
        hw_strdup("School or other education placement"),
        hw_asprintf("Children missing %s", p->label),
        hw_asprintf("Missing episodes %s", p->label),
        hw_asprintf("Missing episodes %s", p->prev_label),
        hw_asprintf("Children away without authorisation %s", p->label),
        hw_asprintf("Episodes away without authorisation %s", p->label),
    };
    char *title = hw_asprintf("Schools with most missing episodes in %s first", p->label);
    char *note = hw_asprintf(
        "In order of missing episodes in %s, then episodes away without authorisation, then "
        "children missing, then name; names differing only in capitals or spaces are one "
        "school. At most %zu schools are shown; \"Other schools\" adds up the rest. Each child "
        "has one school, so the rows add up to the Total.",
        p->label, top);
    size_t t = hw_doc_table(s, "by_school", title, note, 6, ids, (const char *const *)titles);
    free(title);
    free(note);
    for (int i = 0; i < 6; i++)
        free(titles[i]);

    struct counts rest_m = {0}, rest_a = {0};
    size_t shown = 0;
    for (size_t i = 0; i < g.n; i++) {
        size_t k = order[i].group;
        if (i >= top) {
            for (int per = 0; per < 2; per++) {
                rest_m.ind[per] += mis[k].ind[per];
                rest_m.eps[per] += mis[k].eps[per];
                rest_a.ind[per] += absn[k].ind[per];
                rest_a.eps[per] += absn[k].eps[per];
            }
            continue;
        }
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], g.shown[k]);
        hw_cell_int(&row[1], mis[k].ind[0]);
        hw_cell_int(&row[2], mis[k].eps[0]);
        hw_cell_int(&row[3], mis[k].eps[1]);
        hw_cell_int(&row[4], absn[k].ind[0]);
        hw_cell_int(&row[5], absn[k].eps[0]);
        shown++;
    }
    const struct counts *last[3][2] = {
        {&rest_m, &rest_a}, {&mis[g.n], &absn[g.n]}, {&mis[g.n + 1], &absn[g.n + 1]}};
    static const char *const labels[3] = {"Other schools", "Not recorded", "Total"};
    for (int r = g.n > top ? 0 : 1; r < 3; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], labels[r]);
        hw_cell_int(&row[1], last[r][0]->ind[0]);
        hw_cell_int(&row[2], last[r][0]->eps[0]);
        hw_cell_int(&row[3], last[r][0]->eps[1]);
        hw_cell_int(&row[4], last[r][1]->ind[0]);
        hw_cell_int(&row[5], last[r][1]->eps[0]);
    }
    total_is_last(s, t);
    if (shown > 0) {
        char *chart = hw_asprintf("Missing episodes by school, %s and %s", p->label, p->prev_label);
        hw_doc_chart(s, HW_CHART_BAR, chart, t, 0, (const size_t[]){2, 3}, 2, -1);
        hw_doc_chart_rows(s, shown); /* the schools named */
        free(chart);
    }
    free(order);
    free(mis);
    free(absn);
    groups_free(&g);
    return 0;
}
