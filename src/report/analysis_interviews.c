/* analysis_interviews.c - the analyses' sections on what follows an
 * episode: the reasons children gave, one-off and persistent missing, return
 * home interviews in timescale, 3-day strategy meetings, the referral ->
 * offer -> take-up funnel and a cohort followed over time (seed 004
 * sections 3, 5, 7, 9, 10, 12; seed 000).
 *
 * Each section is one pass over the facts' episodes into per-quarter counts
 * (and, for distinct children, arrays indexed by child), then lays out its
 * tables. Nothing here is quadratic in the episodes or the children.
 */
#include "report/analysis.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/auth.h"
#include "core/domain.h"
#include "core/monthly.h"

/* The sections' titles, as in hw_analysis_sections (report/analysis.c). */
#define TITLE_REASONS    "What children said in their interviews"
#define TITLE_PERSISTENT "One-off and persistent missing"
#define TITLE_TIMESCALE  "Return home interviews in timescale"
#define TITLE_STRATEGY   "Strategy meetings for children missing 3 days or more"
#define TITLE_FUNNEL     "From referral to interview"
#define TITLE_COHORT     "A group of children followed over time"

/* Seed 004 section 3: persistent = 3 or more episodes in a quarter. */
#define PERSISTENT_EPISODES 3
/* Seed 004 appendix 1: "increase rate of Return Interviews completed within
 * 72 hours to 90%", in hundredths of a percent. */
#define TIMESCALE_TARGET 9000
/* How many children the top list shows when the options do not say. */
#define DEFAULT_TOP 10

/* ---- the quarters of a per-quarter table ---- */

/* Each quarter of the period's financial year up to and including the
 * period's quarter (all four for the year): quarter i is [at[i], at[i+1]). */
struct quarters {
    int n;
    hw_instant at[5];
};

static const char *const quarter_ids[4] = {"q1", "q2", "q3", "q4"};
static const char *const quarter_titles[4] = {"Q1", "Q2", "Q3", "Q4"};

static void quarters_init(struct quarters *q, const struct hw_period *p, hw_instant now)
{
    q->n = hw_period_quarters(p, now);
    for (int i = 0; i <= q->n; i++) {
        struct hw_period qp;
        if (i < 4)
            hw_period_init(&qp, p->fy, i + 1);
        else
            hw_period_init(&qp, p->fy + 1, 1);
        q->at[i] = qp.from;
    }
}

/* The index of t's quarter, or -1 outside the quarters shown. */
static int quarter_index(const struct quarters *q, hw_instant t)
{
    if (t < q->at[0] || t >= q->at[q->n])
        return -1;
    int i = 0;
    while (i + 1 < q->n && t >= q->at[i + 1])
        i++;
    return i;
}

/* The label of the row or column that covers every quarter shown. */
static const char *quarters_total(const struct quarters *q)
{
    return q->n < 4 ? "Year to date" : "Year";
}

/* What the quarters shown cover: "2017-18", "2017-18 Q1" or "2017-18 Q1 to Q3". */
static void quarters_span(const struct quarters *q, const struct hw_period *p, char *buf,
                          size_t size)
{
    if (q->n == 4)
        snprintf(buf, size, "%04d-%02d", p->fy, (p->fy + 1) % 100);
    else if (q->n == 1)
        snprintf(buf, size, "%04d-%02d Q1", p->fy, (p->fy + 1) % 100);
    else
        snprintf(buf, size, "%04d-%02d Q1 to Q%d", p->fy, (p->fy + 1) % 100, q->n);
}

/* A table whose rows are labelled in the first column and whose other
 * columns are the quarters shown and their total. */
static size_t quarter_columns_table(struct hw_doc_section *s, const struct quarters *q,
                                    const char *id, const char *title, const char *note,
                                    const char *label_id, const char *label_title)
{
    const char *ids[6], *titles[6];
    size_t n = 0;
    ids[n] = label_id;
    titles[n++] = label_title;
    for (int i = 0; i < q->n; i++) {
        ids[n] = quarter_ids[i];
        titles[n++] = quarter_titles[i];
    }
    ids[n] = "total";
    titles[n++] = quarters_total(q);
    size_t t = hw_doc_table(s, id, title, note, n, ids, titles);
    hw_doc_total_range(s, t, true, n - 1, 1, n - 1); /* for a publication */
    return t;
}

/* A row of such a table: label, the quarters' counts, their sum. */
static void quarter_counts_row(struct hw_doc_section *s, size_t t, const struct quarters *q,
                               const char *label, const long *n)
{
    struct hw_cell *row = hw_doc_row(s, t);
    long total = 0;
    hw_cell_text(&row[0], label);
    for (int i = 0; i < q->n; i++) {
        hw_cell_int(&row[1 + i], n[i]);
        total += n[i];
    }
    hw_cell_int(&row[1 + q->n], total);
}

/* A rate of two counts, marked for a publication as worked out from them
 * and from the cells of the same table that show them (NULL: none). */
static void cell_rate(struct hw_cell *c, long num, long den, const struct hw_cell *num_cell,
                      const struct hw_cell *den_cell)
{
    hw_cell_rate(c, num, den);
    if (num_cell)
        hw_cell_from(c, num_cell);
    if (den_cell)
        hw_cell_from(c, den_cell);
}

/* ---- reasons ---- */

/* A code recorded that is not in the reasons list. */
struct unknown_reason {
    char *code;
    long n[4];
    size_t stamp; /* 1 + the last episode that counted it */
};

static bool same_code(const char *code, const char *tok, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (code[i] == '\0' || tolower((unsigned char)code[i]) != tolower((unsigned char)tok[i]))
            return false;
    return code[len] == '\0';
}

static int by_unknown_code(const void *a, const void *b)
{
    const struct unknown_reason *x = a, *y = b;
    return strcmp(x->code, y->code);
}

int hw_section_reasons(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                       const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)err;
    const struct hw_reasons *list = o && o->reasons ? o->reasons : hw_reasons_builtin();
    struct quarters q;
    quarters_init(&q, p, f->now);
    long known[HW_REASONS_MAX][4] = {{0}};
    long with_reasons[4] = {0}, completed[4] = {0};
    struct unknown_reason *unk = NULL;
    size_t nunk = 0, capunk = 0;
    /* One interview can cover several episodes: each covered episode
     * carries it, with the same completed time. Counted once per child and
     * completed time, in the quarter of the first episode it covers. */
    hw_instant *last_done = hw_malloc((f->nchildren ? f->nchildren : 1) * sizeof *last_done);
    for (size_t c = 0; c < f->nchildren; c++)
        last_done[c] = HW_NO_TIME;

    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (!ep->done || !hw_afact_own(f, ep))
            continue;
        int qi = quarter_index(&q, ep->last_seen);
        if (qi < 0)
            continue;
        if (ep->rhi_completed != HW_NO_TIME) {
            if (last_done[ep->child] == ep->rhi_completed)
                continue;
            last_done[ep->child] = ep->rhi_completed;
        }
        completed[qi]++;
        if (ep->reasons == NULL)
            continue;
        uint64_t seen = 0;
        bool any = false;
        for (const char *s = ep->reasons; *s;) {
            size_t len = strcspn(s, ";");
            const char *tok = s;
            s += len;
            if (*s == ';')
                s++;
            while (len && isspace((unsigned char)tok[0])) {
                tok++;
                len--;
            }
            while (len && isspace((unsigned char)tok[len - 1]))
                len--;
            if (len == 0)
                continue;
            any = true;
            size_t k = 0;
            while (k < list->n && !same_code(list->items[k].code, tok, len))
                k++;
            if (k < list->n) {
                if (!(seen & (UINT64_C(1) << k)))
                    known[k][qi]++;
                seen |= UINT64_C(1) << k;
                continue;
            }
            /* Codes are checked against the list when recorded, so these are
             * few: those since taken out of it. */
            size_t u = 0;
            while (u < nunk && !same_code(unk[u].code, tok, len))
                u++;
            if (u == nunk) {
                if (nunk == capunk) {
                    capunk = capunk ? capunk * 2 : 8;
                    unk = hw_reallocarray(unk, capunk, sizeof *unk);
                }
                memset(&unk[nunk], 0, sizeof *unk);
                unk[nunk].code = hw_strndup(tok, len);
                for (char *c = unk[nunk].code; *c; c++)
                    *c = (char)tolower((unsigned char)*c);
                nunk++;
            }
            if (unk[u].stamp != i + 1)
                unk[u].n[qi]++;
            unk[u].stamp = i + 1;
        }
        if (any)
            with_reasons[qi]++;
    }
    free(last_done);
    if (nunk > 1)
        qsort(unk, nunk, sizeof *unk, by_unknown_code);

    struct hw_doc_section *s = hw_doc_section(
        d, "reasons", TITLE_REASONS,
        "What children said in their completed return home interviews about why they went "
        "missing, by the quarter in which they went missing. One interview can give several "
        "reasons, so the reasons add up to more than the interviews; an interview covering "
        "several episodes counts once. Codes not in the council's list of reasons are shown as "
        "recorded. Own children only, not those placed here by other councils.");
    char title[96];
    snprintf(title, sizeof title, "Reasons given in interviews, %s", p->label);
    size_t t = quarter_columns_table(
        s, &q, "reasons", title,
        "Completed interviews that gave each reason. One interview can give several reasons.",
        "reason", "Reason");
    for (size_t k = 0; k < list->n; k++)
        quarter_counts_row(s, t, &q, list->items[k].label, known[k]);
    for (size_t u = 0; u < nunk; u++)
        quarter_counts_row(s, t, &q, unk[u].code, unk[u].n);
    quarter_counts_row(s, t, &q, "Interviews with reasons recorded", with_reasons);
    quarter_counts_row(s, t, &q, "Interviews completed", completed);

    for (size_t u = 0; u < nunk; u++)
        free(unk[u].code);
    free(unk);
    return 0;
}

/* ---- one-off and persistent ---- */

/* The children with most episodes: a heap of the best `k` so far with the
 * worst on top, so each child costs O(log k). */
struct top {
    const struct hw_afacts *f;
    const uint32_t *count; /* episodes in the period per child */
    size_t *heap;
    size_t n, k;
};

/* True when child a ranks above child b: more episodes, then ID order. */
static bool ranks_above(const struct top *t, size_t a, size_t b)
{
    if (t->count[a] != t->count[b])
        return t->count[a] > t->count[b];
    return strcmp(t->f->children[a].id ? t->f->children[a].id : "",
                  t->f->children[b].id ? t->f->children[b].id : "") < 0;
}

static void top_sift_down(struct top *t, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, worst = i;
        if (l < t->n && ranks_above(t, t->heap[worst], t->heap[l]))
            worst = l;
        if (r < t->n && ranks_above(t, t->heap[worst], t->heap[r]))
            worst = r;
        if (worst == i)
            return;
        size_t tmp = t->heap[i];
        t->heap[i] = t->heap[worst];
        t->heap[worst] = tmp;
        i = worst;
    }
}

static void top_offer(struct top *t, size_t c)
{
    if (t->n < t->k) {
        size_t i = t->n++;
        t->heap[i] = c;
        while (i > 0) { /* sift up: the worst rises to the top */
            size_t parent = (i - 1) / 2;
            if (!ranks_above(t, t->heap[parent], t->heap[i]))
                break;
            size_t tmp = t->heap[i];
            t->heap[i] = t->heap[parent];
            t->heap[parent] = tmp;
            i = parent;
        }
    } else if (t->k > 0 && ranks_above(t, c, t->heap[0])) {
        t->heap[0] = c;
        top_sift_down(t, 0);
    }
}

/* Empties the heap into out, best first; returns how many. */
static size_t top_take(struct top *t, size_t *out)
{
    size_t n = t->n;
    while (t->n > 0) {
        out[t->n - 1] = t->heap[0];
        t->heap[0] = t->heap[--t->n];
        top_sift_down(t, 0);
    }
    return n;
}

/* Children by how often they went missing in one quarter (or the year). */
struct persist_counts {
    long children, episodes;
    long child[3]; /* one-off, repeat, persistent */
    long eps[3];   /* their episodes */
};

static const char *const persist_children_ids[] = {"quarter",     "children",      "one_off",
                                                   "one_off_pct", "repeat",        "repeat_pct",
                                                   "persistent",  "persistent_pct"};
static const char *const persist_children_titles[] = {"Quarter",
                                                      "Children missing",
                                                      "One-off (1 episode)",
                                                      "One-off, % of children",
                                                      "Repeat (2 episodes)",
                                                      "Repeat, % of children",
                                                      "Persistent (3 or more in a quarter)",
                                                      "Persistent, % of children"};
static const char *const persist_eps_ids[] = {"quarter",     "episodes",      "one_off",
                                              "one_off_pct", "repeat",        "repeat_pct",
                                              "persistent",  "persistent_pct"};
static const char *const persist_eps_titles[] = {"Quarter",
                                                 "Episodes",
                                                 "Episodes of one-off children",
                                                 "One-off, % of episodes",
                                                 "Episodes of repeat children",
                                                 "Repeat, % of episodes",
                                                 "Episodes of persistent children",
                                                 "Persistent, % of episodes"};

static void persist_rows(struct hw_doc_section *s, size_t tc, size_t te, const char *label,
                         const struct persist_counts *pc)
{
    struct hw_cell *row = hw_doc_row(s, tc);
    hw_cell_text(&row[0], label);
    hw_cell_int(&row[1], pc->children);
    for (int g = 0; g < 3; g++) {
        hw_cell_int(&row[2 + 2 * g], pc->child[g]);
        cell_rate(&row[3 + 2 * g], pc->child[g], pc->children, &row[2 + 2 * g], &row[1]);
    }
    row = hw_doc_row(s, te);
    hw_cell_text(&row[0], label);
    hw_cell_int(&row[1], pc->episodes);
    for (int g = 0; g < 3; g++) {
        hw_cell_int(&row[2 + 2 * g], pc->eps[g]);
        cell_rate(&row[3 + 2 * g], pc->eps[g], pc->episodes, &row[2 + 2 * g], &row[1]);
    }
}

static void persist_add(struct persist_counts *pc, int group, uint32_t episodes)
{
    pc->children++;
    pc->episodes += episodes;
    pc->child[group]++;
    pc->eps[group] += episodes;
}

/* The placement types of a child's episodes in the period, in code order. */
static void placements_text(unsigned mask, struct hw_buf *b)
{
    hw_buf_reset(b);
    hw_buf_puts(b, "");
    for (const struct hw_code *c = hw_placement_codes; c->code; c++)
        if (c->value > 0 && c->value < 32 && (mask & (1u << c->value)))
            hw_buf_printf(b, "%s%s", b->len ? "; " : "", c->label);
    if (mask & 1u)
        hw_buf_printf(b, "%s%s", b->len ? "; " : "", "Not recorded");
}

int hw_section_persistent(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                          const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)err;
    struct quarters q;
    quarters_init(&q, p, f->now);
    size_t nc = f->nchildren ? f->nchildren : 1;
    uint32_t *cnt = hw_calloc((size_t)q.n * nc, sizeof *cnt); /* [quarter][child] */
    uint32_t *period = hw_calloc(nc, sizeof *period);
    hw_instant *first = hw_malloc(nc * sizeof *first), *last = hw_malloc(nc * sizeof *last);
    unsigned *placed = hw_calloc(nc, sizeof *placed);

    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        /* Missing episodes, as every other section counts them. */
        if (!hw_afact_own(f, ep) || ep->kind == HW_KIND_ABSENT)
            continue;
        int qi = quarter_index(&q, ep->last_seen);
        if (qi < 0)
            continue;
        cnt[(size_t)qi * nc + ep->child]++;
        if (!hw_in_window(ep->last_seen, p->from, p->to))
            continue;
        size_t c = ep->child;
        if (period[c] == 0 || ep->last_seen < first[c])
            first[c] = ep->last_seen;
        if (period[c] == 0 || ep->last_seen > last[c])
            last[c] = ep->last_seen;
        period[c]++;
        placed[c] |= ep->placement > 0 && ep->placement < 32 ? 1u << ep->placement : 1u;
    }

    struct persist_counts perq[4], year;
    memset(perq, 0, sizeof perq);
    memset(&year, 0, sizeof year);
    size_t k = o && o->top ? o->top : DEFAULT_TOP;
    if (k > f->nchildren)
        k = f->nchildren;
    struct top top = {
        .f = f, .count = period, .heap = hw_malloc((k ? k : 1) * sizeof(size_t)), .k = k};
    for (size_t c = 0; c < f->nchildren; c++) {
        uint32_t total = 0;
        bool persistent = false;
        for (int i = 0; i < q.n; i++) {
            uint32_t n = cnt[(size_t)i * nc + c];
            if (n == 0)
                continue;
            total += n;
            int group = n == 1 ? 0 : n < PERSISTENT_EPISODES ? 1 : 2;
            persistent |= group == 2;
            persist_add(&perq[i], group, n);
        }
        if (total)
            persist_add(&year, persistent ? 2 : total == 1 ? 0 : 1, total);
        if (period[c])
            top_offer(&top, c);
    }

    struct hw_doc_section *s = hw_doc_section(
        d, "persistent", TITLE_PERSISTENT,
        "Children who went missing once (one-off), twice (repeat) or 3 or more times "
        "(persistent) in each quarter, and their share of the quarter's children and "
        "episodes. In the year row a child is persistent if missing 3 or more times in any "
        "quarter, one-off if once in the year, repeat otherwise. Then the children with most "
        "episodes in the period, named, for managers. Own children only, not those placed here "
        "by other councils; missing episodes only, not time away without authorisation.");
    char title[96];
    snprintf(title, sizeof title, "Children by how often they went missing, %s", p->label);
    const char *year_note = "The year row counts each child once: one-off if missing once in "
                            "the year, persistent if missing 3 or more times in any quarter, "
                            "repeat otherwise.";
    size_t tc = hw_doc_table(s, "children", title, year_note, 8, persist_children_ids,
                             persist_children_titles);
    snprintf(title, sizeof title, "Episodes of one-off, repeat and persistent children, %s",
             p->label);
    size_t te =
        hw_doc_table(s, "episodes", title, year_note, 8, persist_eps_ids, persist_eps_titles);
    for (int i = 0; i < q.n; i++)
        persist_rows(s, tc, te, quarter_titles[i], &perq[i]);
    persist_rows(s, tc, te, quarters_total(&q), &year);
    /* For a publication: the groups add up to the children (episodes), and
     * the year row is the quarters' total. */
    for (int j = 0; j < 2; j++) {
        hw_doc_total(s, j ? te : tc, true, 1, (const size_t[]){2, 4, 6}, 3);
        hw_doc_total_range(s, j ? te : tc, false, (size_t)q.n, 0, (size_t)q.n);
    }

    /* Pseudonymised (analysts): the child by pseudonym, and no name column. */
    bool alias = o && o->pseudonym_key;
    static const char *const top_ids[] = {"child",      "name",      "episodes",
                                          "first_seen", "last_seen", "placements"};
    static const char *const top_titles[] = {"Child",         "Name",           "Episodes",
                                             "First episode", "Latest episode", "Placements"};
    static const char *const alias_ids[] = {"child", "episodes", "first_seen", "last_seen",
                                            "placements"};
    static const char *const alias_titles[] = {"Child (pseudonym)", "Episodes", "First episode",
                                               "Latest episode", "Placements"};
    snprintf(title, sizeof title, "The %zu children with most episodes, %s",
             o && o->top ? o->top : (size_t)DEFAULT_TOP, p->label);
    size_t tt =
        hw_doc_table(s, "top_children", title,
                     "Dates are when the child was last seen, for the first and the "
                     "latest episode of the period. Children with the same number of "
                     "episodes are in order of child ID.",
                     alias ? 5 : 6, alias ? alias_ids : top_ids, alias ? alias_titles : top_titles);
    hw_doc_table_names_children(s, tt);
    size_t *order = hw_malloc((k ? k : 1) * sizeof *order);
    size_t ntop = top_take(&top, order);
    struct hw_buf b = {0};
    for (size_t i = 0; i < ntop; i++) {
        size_t c = order[i];
        const struct hw_achild *ch = &f->children[c];
        struct hw_cell *row = hw_doc_row(s, tt);
        if (alias) {
            char name[HW_PSEUDONYM_LEN];
            hw_pseudonym(o->pseudonym_key, ch->id, name);
            hw_cell_text(&row[0], name);
        } else {
            hw_cell_text(&row[0], ch->id);
            hw_buf_reset(&b);
            hw_buf_puts(&b, "");
            if (ch->first_name && *ch->first_name)
                hw_buf_puts(&b, ch->first_name);
            if (ch->last_name && *ch->last_name)
                hw_buf_printf(&b, "%s%s", b.len ? " " : "", ch->last_name);
            hw_cell_text(&row[1], b.len ? b.data : NULL);
        }
        size_t at = alias ? 1 : 2; /* the columns after the name, or after the pseudonym */
        hw_cell_int(&row[at], period[c]);
        hw_cell_date(&row[at + 1], hw_london_date(first[c]));
        hw_cell_date(&row[at + 2], hw_london_date(last[c]));
        placements_text(placed[c], &b);
        hw_cell_text(&row[at + 3], b.data);
    }
    hw_buf_free(&b);
    free(order);
    free(top.heap);
    free(cnt);
    free(period);
    free(first);
    free(last);
    free(placed);
    return 0;
}

/* ---- interviews in timescale ---- */

/* Interviews that were needed, and what became of them. */
struct rhi_counts {
    long needed;   /* returned, not away without authorisation, not decided not needed */
    long done;     /* completed */
    long in_time;  /* completed within the timescale */
    long late;     /* completed after it */
    long not_done; /* not completed, and the timescale has passed */
    long pending;  /* not completed, still within the timescale at `now` */
};

/* Whether an interview was needed for an episode, and why not. */
enum need { NEED_STILL_MISSING, NEED_NOT_NEEDED, NEED_ABSENT, NEED_YES };

static enum need need_of(const struct hw_afact *ep)
{
    if (ep->returned == HW_NO_TIME)
        return NEED_STILL_MISSING;
    if (ep->rhi_not_needed)
        return NEED_NOT_NEEDED;
    if (ep->kind == HW_KIND_ABSENT) /* 004 appendix 1: only when the child asks */
        return NEED_ABSENT;
    return NEED_YES;
}

/* Adds an episode that needed an interview; returns true when its
 * interview was completed late. */
static bool rhi_add(struct rhi_counts *c, const struct hw_afacts *f, const struct hw_afact *ep)
{
    c->needed++;
    if (ep->done) {
        c->done++;
        if (hw_afact_in_timescale(f, ep)) {
            c->in_time++;
            return false;
        }
        c->late++;
        return true;
    }
    if (f->now - ep->returned <= (hw_instant)f->rhi_due_hours * HW_HOUR)
        c->pending++;
    else
        c->not_done++;
    return false;
}

static void rhi_sum(struct rhi_counts *to, const struct rhi_counts *from)
{
    to->needed += from->needed;
    to->done += from->done;
    to->in_time += from->in_time;
    to->late += from->late;
    to->not_done += from->not_done;
    to->pending += from->pending;
}

/* % in timescale: of the interviews needed whose timescale has passed (or
 * which were completed). */
static long rhi_rate(const struct rhi_counts *c)
{
    return hw_rate_hundredths(c->in_time, c->needed - c->pending);
}

static void rhi_row(struct hw_doc_section *s, size_t t, const char *label,
                    const struct rhi_counts *c)
{
    struct hw_cell *row = hw_doc_row(s, t);
    hw_cell_text(&row[0], label);
    hw_cell_int(&row[1], c->needed);
    hw_cell_int(&row[2], c->done);
    hw_cell_int(&row[3], c->in_time);
    hw_cell_int(&row[4], c->late);
    hw_cell_int(&row[5], c->not_done);
    hw_cell_int(&row[6], c->pending);
    hw_cell_percent(&row[7], rhi_rate(c));
    hw_cell_worked_out(&row[7], c->in_time, c->needed - c->pending);
    hw_cell_from(&row[7], &row[3]);
    hw_cell_from(&row[7], &row[1]);
    hw_cell_from(&row[7], &row[6]);
}

/* For a publication: what adds up in a table of rhi_row rows. */
static void rhi_totals(struct hw_doc_section *s, size_t t)
{
    hw_doc_total(s, t, true, 1, (const size_t[]){2, 5, 6}, 3); /* needed */
    hw_doc_total(s, t, true, 2, (const size_t[]){3, 4}, 2);    /* completed */
}

/* A table of two groups side by side, per quarter: needed, in time, %. */
static size_t split_table(struct hw_doc_section *s, const char *id, const char *title,
                          const char *a_id, const char *a_title, const char *b_id,
                          const char *b_title, int hours)
{
    char ids[7][48], titles[7][96];
    const char *idp[7], *titlep[7];
    snprintf(ids[0], sizeof ids[0], "quarter");
    snprintf(titles[0], sizeof titles[0], "Quarter");
    const char *gid[2] = {a_id, b_id}, *gtitle[2] = {a_title, b_title};
    for (int g = 0; g < 2; g++) {
        snprintf(ids[1 + 3 * g], sizeof ids[0], "%s_needed", gid[g]);
        snprintf(titles[1 + 3 * g], sizeof titles[0], "%s: needed", gtitle[g]);
        snprintf(ids[2 + 3 * g], sizeof ids[0], "%s_in_timescale", gid[g]);
        snprintf(titles[2 + 3 * g], sizeof titles[0], "%s: within %dh", gtitle[g], hours);
        snprintf(ids[3 + 3 * g], sizeof ids[0], "%s_pct", gid[g]);
        snprintf(titles[3 + 3 * g], sizeof titles[0], "%s: %% within %dh", gtitle[g], hours);
    }
    for (int i = 0; i < 7; i++) {
        idp[i] = ids[i];
        titlep[i] = titles[i];
    }
    return hw_doc_table(s, id, title, NULL, 7, idp, titlep);
}

static void split_row(struct hw_doc_section *s, size_t t, const char *label,
                      const struct rhi_counts *a, const struct rhi_counts *b)
{
    struct hw_cell *row = hw_doc_row(s, t);
    hw_cell_text(&row[0], label);
    const struct rhi_counts *g[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        hw_cell_int(&row[1 + 3 * i], g[i]->needed);
        hw_cell_int(&row[2 + 3 * i], g[i]->in_time);
        hw_cell_percent(&row[3 + 3 * i], rhi_rate(g[i]));
        hw_cell_worked_out(&row[3 + 3 * i], g[i]->in_time, g[i]->needed - g[i]->pending);
        hw_cell_from(&row[3 + 3 * i], &row[2 + 3 * i]);
        hw_cell_from(&row[3 + 3 * i], &row[1 + 3 * i]);
    }
}

/* The row of the lateness table for a recorded reason (0: not recorded). */
static size_t lateness_row(int reason)
{
    size_t i = 0;
    for (const struct hw_code *c = hw_lateness_codes; c->code; c++, i++)
        if (c->value == reason && reason != 0)
            return i;
    return i; /* "Not recorded", after the table's reasons */
}

int hw_section_timescale(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                         const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    struct quarters q;
    quarters_init(&q, p, f->now);
    size_t nlate = lateness_row(0) + 1;
    struct rhi_counts own[4], ola[4], in_area[4], ooa[4];
    memset(own, 0, sizeof own);
    memset(ola, 0, sizeof ola);
    memset(in_area, 0, sizeof in_area);
    memset(ooa, 0, sizeof ooa);
    long(*late)[4] = hw_calloc(nlate, sizeof *late);
    /* Own children's episodes by whether an interview was needed. */
    long episodes[4] = {0}, still[4] = {0}, absent[4] = {0}, not_needed[4] = {0};

    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int qi = quarter_index(&q, ep->last_seen);
        if (qi < 0)
            continue;
        bool mine = hw_afact_own(f, ep);
        enum need need = need_of(ep);
        if (mine) {
            episodes[qi]++;
            still[qi] += need == NEED_STILL_MISSING;
            absent[qi] += need == NEED_ABSENT;
            not_needed[qi] += need == NEED_NOT_NEEDED;
        }
        if (need != NEED_YES)
            continue;
        if (!mine) {
            rhi_add(&ola[qi], f, ep);
            continue;
        }
        if (rhi_add(&own[qi], f, ep))
            late[lateness_row(ep->lateness_reason)][qi]++;
        rhi_add(ep->out_of_area ? &ooa[qi] : &in_area[qi], f, ep);
    }

    int hours = f->rhi_due_hours;
    char intro[1024];
    snprintf(intro, sizeof intro,
             "Return home interviews completed within %d hours of the child's return, "
             "against the 90%% target, by the quarter in which the child went "
             "missing. An interview is needed once the child has returned, unless the episode "
             "was an absence without authorisation or it was decided none was "
             "needed. The %% is of those needed, leaving out any still inside their %d hours "
             "(not yet due). This section also counts children placed here by other councils, "
             "in their own rows and columns; its other tables are of the council's own "
             "children.",
             hours, hours);
    struct hw_doc_section *s = hw_doc_section(d, "timescale", TITLE_TIMESCALE, intro);

    char t_ids[8][32], t_titles[8][64];
    const char *tid[8], *ttitle[8];
    static const char *const base_ids[8] = {"quarter",      "needed",          "completed",
                                            "in_timescale", "completed_late",  "not_completed",
                                            "pending",      "in_timescale_pct"};
    for (int i = 0; i < 8; i++) {
        snprintf(t_ids[i], sizeof t_ids[i], "%s", base_ids[i]);
        tid[i] = t_ids[i];
        ttitle[i] = t_titles[i];
    }
    snprintf(t_titles[0], sizeof t_titles[0], "Quarter");
    snprintf(t_titles[1], sizeof t_titles[1], "Interviews needed");
    snprintf(t_titles[2], sizeof t_titles[2], "Completed");
    snprintf(t_titles[3], sizeof t_titles[3], "Completed within %d hours", hours);
    snprintf(t_titles[4], sizeof t_titles[4], "Completed late");
    snprintf(t_titles[5], sizeof t_titles[5], "Not completed");
    snprintf(t_titles[6], sizeof t_titles[6], "Not yet due");
    snprintf(t_titles[7], sizeof t_titles[7], "%% within %d hours", hours);

    char title[128];
    snprintf(title, sizeof title, "Interviews within %d hours by quarter, own children, %s", hours,
             p->label);
    size_t tq = hw_doc_table(s, "by_quarter", title,
                             "% within the timescale = completed within it / (needed - not yet "
                             "due).",
                             8, tid, ttitle);
    for (int i = 0; i < q.n; i++)
        rhi_row(s, tq, quarter_titles[i], &own[i]);
    rhi_totals(s, tq);

    /* The whole of the quarters shown, by group. */
    struct rhi_counts g_own = {0}, g_ola = {0}, g_in = {0}, g_ooa = {0}, g_all = {0};
    for (int i = 0; i < q.n; i++) {
        rhi_sum(&g_own, &own[i]);
        rhi_sum(&g_ola, &ola[i]);
        rhi_sum(&g_in, &in_area[i]);
        rhi_sum(&g_ooa, &ooa[i]);
    }
    rhi_sum(&g_all, &g_own);
    rhi_sum(&g_all, &g_ola);
    snprintf(t_ids[0], sizeof t_ids[0], "group");
    snprintf(t_titles[0], sizeof t_titles[0], "Children");
    char span[48];
    quarters_span(&q, p, span, sizeof span);
    snprintf(title, sizeof title, "Interviews within %d hours by group, %s", hours, span);
    size_t tg = hw_doc_table(s, "by_group", title,
                             "Own children placed in area and out of area add up to own "
                             "children; own children and those placed here by other councils "
                             "add up to all children.",
                             8, tid, ttitle);
    rhi_row(s, tg, "Own children", &g_own);
    rhi_row(s, tg, "Own children placed in area", &g_in);
    rhi_row(s, tg, "Own children placed out of area", &g_ooa);
    rhi_row(s, tg, "Placed here by other councils", &g_ola);
    rhi_row(s, tg, "All children", &g_all);
    rhi_totals(s, tg);
    hw_doc_total(s, tg, false, 0, (const size_t[]){1, 2}, 2); /* own: in and out of area */
    hw_doc_total(s, tg, false, 4, (const size_t[]){0, 3}, 2); /* all: own and others' */

    snprintf(title, sizeof title,
             "Own children and children placed here by other councils, by quarter, %s", p->label);
    size_t to = split_table(s, "own_vs_ola", title, "own", "Own", "ola", "Other councils'", hours);
    for (int i = 0; i < q.n; i++)
        split_row(s, to, quarter_titles[i], &own[i], &ola[i]);

    snprintf(title, sizeof title, "Own children placed in area and out of area, by quarter, %s",
             p->label);
    size_t ta = split_table(s, "in_area_vs_out_of_area", title, "in_area", "In area", "out_of_area",
                            "Out of area", hours);
    for (int i = 0; i < q.n; i++)
        split_row(s, ta, quarter_titles[i], &in_area[i], &ooa[i]);

    snprintf(title, sizeof title, "Why interviews were completed late, own children, %s", p->label);
    size_t tl = quarter_columns_table(
        s, &q, "lateness", title,
        "Interviews completed after the timescale, by the reason recorded for the lateness.",
        "reason", "Reason for lateness");
    long late_total[4] = {0};
    size_t r = 0;
    for (const struct hw_code *c = hw_lateness_codes; c->code; c++, r++) {
        quarter_counts_row(s, tl, &q, c->label, late[r]);
        for (int i = 0; i < q.n; i++)
            late_total[i] += late[r][i];
    }
    quarter_counts_row(s, tl, &q, "Not recorded", late[r]);
    for (int i = 0; i < q.n; i++)
        late_total[i] += late[r][i];
    quarter_counts_row(s, tl, &q, "Completed late", late_total);
    hw_doc_total_range(s, tl, false, r + 1, 0, r + 1);

    static const char *const nn_ids[] = {"quarter", "episodes",   "still_missing",
                                         "absent",  "not_needed", "needed"};
    static const char *const nn_titles[] = {"Quarter",
                                            "Episodes",
                                            "Still missing",
                                            "Away without authorisation",
                                            "Decided no interview needed",
                                            "Interview needed"};
    snprintf(title, sizeof title, "Episodes and whether an interview was needed, own children, %s",
             p->label);
    size_t tn = hw_doc_table(s, "not_needed", title,
                             "Each episode counts in one column after Episodes: still missing, "
                             "else decided not needed, else away without authorisation, else "
                             "needed.",
                             6, nn_ids, nn_titles);
    long sum[5] = {0};
    for (int i = 0; i <= q.n; i++) {
        struct hw_cell *row = hw_doc_row(s, tn);
        long v[5];
        if (i < q.n) {
            v[0] = episodes[i];
            v[1] = still[i];
            v[2] = absent[i];
            v[3] = not_needed[i];
            v[4] = own[i].needed;
            for (int j = 0; j < 5; j++)
                sum[j] += v[j];
        } else {
            memcpy(v, sum, sizeof v);
        }
        hw_cell_text(&row[0], i < q.n ? quarter_titles[i] : quarters_total(&q));
        for (int j = 0; j < 5; j++)
            hw_cell_int(&row[1 + j], v[j]);
    }
    hw_doc_total_range(s, tn, true, 1, 2, 6);
    hw_doc_total_range(s, tn, false, (size_t)q.n, 0, (size_t)q.n);

    size_t series = 7;
    snprintf(title, sizeof title, "%% of interviews within %d hours, own children (target 90%%)",
             hours);
    hw_doc_chart(s, HW_CHART_LINE, title, tq, 0, &series, 1, TIMESCALE_TARGET);
    free(late);
    return 0;
}

/* ---- strategy meetings for 3 days or more ---- */

int hw_section_strategy_meetings(struct hw_doc *d, const struct hw_afacts *f,
                                 const struct hw_period *p, const struct hw_analysis_opts *o,
                                 struct hw_err *err)
{
    (void)o;
    (void)err;
    struct quarters q;
    quarters_init(&q, p, f->now);
    /* [quarter][status]: index 0 counts those due (any status but none). */
    long n[4][HW_SM3D_PENDING + 1], ola[4] = {0};
    memset(n, 0, sizeof n);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (ep->sm3d <= HW_SM3D_NONE || ep->sm3d > HW_SM3D_PENDING)
            continue;
        int qi = quarter_index(&q, ep->last_seen);
        if (qi < 0)
            continue;
        if (!hw_afact_own(f, ep)) {
            ola[qi]++;
            continue;
        }
        n[qi][0]++;
        n[qi][ep->sm3d]++;
    }

    struct hw_doc_section *s = hw_doc_section(
        d, "strategy_meetings", TITLE_STRATEGY,
        "Episodes in which a child was missing 3 days or more, when a strategy meeting is "
        "expected, by the quarter in which the child went missing: the "
        "meetings due; held in time or late; not needed because the child was found first; "
        "recorded not needed; missed; not yet due. % held in time = held in time / (due - found "
        "first - not yet due). Own children only: children placed here by other councils, "
        "whose council arranges the meeting, are shown in the last column only.");
    static const char *const ids[] = {
        "quarter",    "due",    "held_in_time", "held_late",        "found_first",
        "not_needed", "missed", "pending",      "held_in_time_pct", "ola_not_counted"};
    static const char *const titles[] = {"Quarter",
                                         "Meetings due (missing 3 days or more)",
                                         "Held in time",
                                         "Held late",
                                         "Not needed: found first",
                                         "Recorded not needed",
                                         "Missed",
                                         "Not yet due",
                                         "% held in time",
                                         "Placed here by other councils (not counted)"};
    char title[128];
    snprintf(title, sizeof title, "Strategy meetings for episodes of 3 days or more, %s", p->label);
    size_t t = hw_doc_table(s, "by_quarter", title,
                            "% held in time = held in time / (due - found first - not yet due).",
                            10, ids, titles);
    long sum[HW_SM3D_PENDING + 1] = {0}, sum_ola = 0;
    for (int i = 0; i <= q.n; i++) {
        const long *v = sum;
        long v_ola = sum_ola;
        if (i < q.n) {
            v = n[i];
            v_ola = ola[i];
            for (int k = 0; k <= HW_SM3D_PENDING; k++)
                sum[k] += n[i][k];
            sum_ola += ola[i];
        }
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], i < q.n ? quarter_titles[i] : quarters_total(&q));
        hw_cell_int(&row[1], v[0]);
        hw_cell_int(&row[2], v[HW_SM3D_HELD_IN_TIME]);
        hw_cell_int(&row[3], v[HW_SM3D_HELD_LATE]);
        hw_cell_int(&row[4], v[HW_SM3D_FOUND_FIRST]);
        hw_cell_int(&row[5], v[HW_SM3D_NOT_NEEDED]);
        hw_cell_int(&row[6], v[HW_SM3D_MISSED]);
        hw_cell_int(&row[7], v[HW_SM3D_PENDING]);
        cell_rate(&row[8], v[HW_SM3D_HELD_IN_TIME],
                  v[0] - v[HW_SM3D_FOUND_FIRST] - v[HW_SM3D_PENDING], &row[2], &row[1]);
        hw_cell_from(&row[8], &row[4]);
        hw_cell_from(&row[8], &row[7]);
        hw_cell_int(&row[9], v_ola);
    }
    /* For a publication: the statuses add up to the meetings due, and the
     * year row is the quarters' total. */
    hw_doc_total_range(s, t, true, 1, 2, 8);
    hw_doc_total_range(s, t, false, (size_t)q.n, 0, (size_t)q.n);
    return 0;
}

/* ---- the funnel ---- */

/* Referral -> offer -> take-up for one group of episodes. */
struct funnel {
    long returned, needed, offered, taken_up;
};

static void funnel_add(struct funnel *fu, const struct hw_afact *ep)
{
    enum need need = need_of(ep);
    if (need == NEED_STILL_MISSING)
        return;
    fu->returned++;
    if (need != NEED_YES)
        return;
    fu->needed++;
    fu->offered += ep->offered || ep->done;
    fu->taken_up += ep->done;
}

int hw_section_funnel(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err)
{
    (void)o;
    (void)err;
    /* [this year, last year][home, care, all] */
    struct funnel fu[2][3];
    memset(fu, 0, sizeof fu);
    bool have_prev = f->from <= p->prev_from && f->to >= p->prev_to;
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        int y = hw_in_window(ep->last_seen, p->from, p->to)             ? 0
                : hw_in_window(ep->last_seen, p->prev_from, p->prev_to) ? 1
                                                                        : -1;
        if (y < 0 || !hw_afact_own(f, ep))
            continue;
        funnel_add(&fu[y][ep->case_status == HW_CS_CLA ? 1 : 0], ep);
        funnel_add(&fu[y][2], ep);
    }

    struct hw_doc_section *s = hw_doc_section(
        d, "funnel", TITLE_FUNNEL,
        "From return to interview, for children missing from home (not looked "
        "after at the time, or no status recorded) and from care (looked after at the time): "
        "episodes where the child returned, each a referral to the interview service; "
        "interviews needed (as in the timescale section); and of those, offered and taken up "
        "(completed). Own children only; the period beside the same period last year.");
    char titles[7][64];
    const char *tp[7];
    static const char *const ids[7] = {"measure",   "home",      "care",      "total",
                                       "prev_home", "prev_care", "prev_total"};
    snprintf(titles[0], sizeof titles[0], "Measure");
    snprintf(titles[1], sizeof titles[1], "From home, %s", p->label);
    snprintf(titles[2], sizeof titles[2], "From care, %s", p->label);
    snprintf(titles[3], sizeof titles[3], "All, %s", p->label);
    snprintf(titles[4], sizeof titles[4], "From home, %s", p->prev_label);
    snprintf(titles[5], sizeof titles[5], "From care, %s", p->prev_label);
    snprintf(titles[6], sizeof titles[6], "All, %s", p->prev_label);
    for (int i = 0; i < 7; i++)
        tp[i] = titles[i];
    char title[96];
    snprintf(title, sizeof title, "Referral, offer and take-up, %s", p->label);
    size_t t = hw_doc_table(s, "funnel", title,
                            have_prev ? NULL
                                      : "Last year's figures are empty: the facts loaded do not "
                                        "cover the whole of last year's period.",
                            7, ids, tp);
    static const char *const rows[6] = {"Episodes returned (referred for an interview)",
                                        "Interviews needed",
                                        "Interviews offered",
                                        "Interviews taken up",
                                        "Offered, % of needed",
                                        "Taken up, % of offered"};
    ptrdiff_t w = (ptrdiff_t)s->tables[t].ncols; /* cells a row */
    for (int r = 0; r < 6; r++) {
        struct hw_cell *row = hw_doc_row(s, t);
        hw_cell_text(&row[0], rows[r]);
        for (int y = 0; y < 2; y++) {
            if (y == 1 && !have_prev)
                continue; /* left empty */
            for (int g = 0; g < 3; g++) {
                const struct funnel *x = &fu[y][g];
                struct hw_cell *c = &row[1 + 3 * y + g];
                switch (r) {
                case 0:
                    hw_cell_int(c, x->returned);
                    break;
                case 1:
                    hw_cell_int(c, x->needed);
                    break;
                case 2:
                    hw_cell_int(c, x->offered);
                    break;
                case 3:
                    hw_cell_int(c, x->taken_up);
                    break;
                case 4: /* rows 2 and 1 of the column */
                    cell_rate(c, x->offered, x->needed, c - 2 * w, c - 3 * w);
                    break;
                default: /* rows 3 and 2 */
                    cell_rate(c, x->taken_up, x->offered, c - 2 * w, c - 3 * w);
                    break;
                }
            }
        }
    }
    /* For a publication: all is home and care. */
    hw_doc_total(s, t, true, 3, (const size_t[]){1, 2}, 2);
    hw_doc_total(s, t, true, 6, (const size_t[]){4, 5}, 2);
    return 0;
}

/* ---- a cohort followed over time ---- */

/* A cohort's distinct child IDs, sorted for lookup. */
struct member {
    const char *id;
    size_t row; /* its row in the per-child table (order first given) */
};

static int by_member_id(const void *a, const void *b)
{
    const struct member *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->row < y->row ? -1 : x->row > y->row;
}

static int month_key(hw_instant t)
{
    struct hw_local l;
    hw_london_from_instant(t, &l);
    return l.year * 12 + (l.month - 1);
}

static int quarter_key(hw_instant t)
{
    int fy, q;
    hw_fq_of(t, &fy, &q);
    return fy * 4 + (q - 1);
}

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "15 Aug 2017", as the reports show dates. */
static void format_day(hw_date day, char *buf, size_t size)
{
    int y, m, dd;
    hw_date_to_ymd(day, &y, &m, &dd);
    snprintf(buf, size, "%d %s %d", dd, month_abbr[m - 1], y);
}

int hw_section_cohort(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, struct hw_err *err)
{
    if (!o || o->ncohort == 0) {
        hw_doc_section(d, "cohort", TITLE_COHORT,
                       "No cohort was given. To follow a group of children (for example those "
                       "reviewed at the missing persons monitoring group) from a date, give "
                       "their child IDs in a file, one a line, with --cohort-file FILE "
                       "--cohort-from DATE (and optionally --cohort-name NAME): this section "
                       "then shows their episodes per quarter and per month from that date, "
                       "and each child's episodes before and after it.");
        return 0;
    }
    if (o->cohort == NULL || o->cohort_from == HW_NO_DATE)
        return hw_fail(err, HW_EINPUT,
                       "cohort: a cohort needs its child IDs and a date to "
                       "follow them from (--cohort-from DATE)");
    for (size_t i = 0; i < o->ncohort; i++)
        if (o->cohort[i] == NULL || o->cohort[i][0] == '\0')
            return hw_fail(err, HW_EINPUT, "cohort: child ID %zu of the cohort is empty", i + 1);
    hw_instant from = hw_london_day_start(o->cohort_from);
    char from_text[24], start_text[24], end_text[24];
    format_day(o->cohort_from, from_text, sizeof from_text);
    format_day(hw_london_date(p->to - 1), end_text, sizeof end_text);
    if (from >= p->to)
        return hw_fail(err, HW_EINPUT,
                       "cohort: --cohort-from %s is after the end of the period %s (%s)", from_text,
                       p->label, end_text);
    /* Only what the facts hold can be counted. */
    hw_instant start = from > f->from ? from : f->from;
    format_day(hw_london_date(start), start_text, sizeof start_text);

    /* The distinct IDs, in the order first given, and a lookup by ID. */
    struct member *m = hw_malloc(o->ncohort * sizeof *m);
    for (size_t i = 0; i < o->ncohort; i++)
        m[i] = (struct member){.id = o->cohort[i], .row = i};
    qsort(m, o->ncohort, sizeof *m, by_member_id);
    size_t nm = 0;
    for (size_t i = 0; i < o->ncohort; i++)
        if (nm == 0 || strcmp(m[nm - 1].id, m[i].id) != 0)
            m[nm++] = m[i];
    /* The per-child table's rows in the order the IDs were first given:
     * slot[position in o->cohort] = member, or SIZE_MAX for a repeat. */
    size_t *slot = hw_malloc(o->ncohort * sizeof *slot);
    for (size_t i = 0; i < o->ncohort; i++)
        slot[i] = SIZE_MAX;
    for (size_t i = 0; i < nm; i++)
        slot[m[i].row] = i;
    /* child -> 1 + member, 0 when not in the cohort */
    size_t *member_of = hw_calloc(f->nchildren ? f->nchildren : 1, sizeof *member_of);
    for (size_t c = 0; c < f->nchildren; c++) {
        if (f->children[c].id == NULL)
            continue;
        const char *id = f->children[c].id;
        size_t lo = 0, hi = nm;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(m[mid].id, id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < nm && strcmp(m[lo].id, id) == 0)
            member_of[c] = lo + 1;
    }

    int q0 = quarter_key(start), q1 = quarter_key(p->to - 1);
    int m0 = month_key(start), m1 = month_key(p->to - 1);
    size_t nq = (size_t)(q1 - q0 + 1), nmo = (size_t)(m1 - m0 + 1);
    long *q_eps = hw_calloc(nq, sizeof *q_eps), *q_kids = hw_calloc(nq, sizeof *q_kids);
    long *m_eps = hw_calloc(nmo, sizeof *m_eps), *m_kids = hw_calloc(nmo, sizeof *m_kids);
    bool *q_seen = hw_calloc(nm * nq, sizeof *q_seen),
         *m_seen = hw_calloc(nm * nmo, sizeof *m_seen);
    long *before = hw_calloc(nm, sizeof *before), *after = hw_calloc(nm, sizeof *after);
    long total_eps = 0, total_kids = 0;

    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (ep->child >= f->nchildren || member_of[ep->child] == 0)
            continue;
        size_t mi = member_of[ep->child] - 1;
        if (ep->last_seen < from) {
            before[mi]++;
            continue;
        }
        if (ep->last_seen >= p->to)
            continue;
        if (after[mi]++ == 0)
            total_kids++;
        total_eps++;
        size_t qi = (size_t)(quarter_key(ep->last_seen) - q0);
        size_t mo = (size_t)(month_key(ep->last_seen) - m0);
        q_eps[qi]++;
        m_eps[mo]++;
        if (!q_seen[mi * nq + qi]) {
            q_seen[mi * nq + qi] = true;
            q_kids[qi]++;
        }
        if (!m_seen[mi * nmo + mo]) {
            m_seen[mi * nmo + mo] = true;
            m_kids[mo]++;
        }
    }

    const char *name = o->cohort_name && *o->cohort_name ? o->cohort_name : "The cohort";
    struct hw_buf intro = {0};
    hw_buf_printf(&intro,
                  "%s: %zu children, followed from %s to the end of %s (%s). Their episodes "
                  "and how many of them went missing, per quarter and per month, and each "
                  "child's episodes before and after %s. Every episode of these children "
                  "counts, whoever was responsible for them at the time; a child with no "
                  "episode counts as none. In all, %ld episodes by %ld of the %zu children.",
                  name, nm, from_text, p->label, end_text, from_text, total_eps, total_kids, nm);
    if (start > from)
        hw_buf_printf(&intro,
                      " The facts loaded start on %s, so episodes between %s and then are "
                      "not counted.",
                      start_text, from_text);
    struct hw_doc_section *s = hw_doc_section(d, "cohort", TITLE_COHORT, intro.data);
    hw_buf_free(&intro);

    char title[256], label[32];
    static const char *const q_ids[] = {"quarter", "episodes", "individuals"};
    static const char *const q_titles[] = {"Quarter", "Episodes", "Children missing"};
    snprintf(title, sizeof title, "%s: episodes per quarter from %s", name, start_text);
    size_t tq = hw_doc_table(s, "by_quarter", title,
                             "The first quarter counts only from the date followed from.", 3, q_ids,
                             q_titles);
    for (size_t i = 0; i < nq; i++) {
        int key = q0 + (int)i;
        snprintf(label, sizeof label, "%04d-%02d Q%d", key / 4, (key / 4 + 1) % 100, key % 4 + 1);
        struct hw_cell *row = hw_doc_row(s, tq);
        hw_cell_text(&row[0], label);
        hw_cell_int(&row[1], q_eps[i]);
        hw_cell_int(&row[2], q_kids[i]);
    }
    static const char *const mo_ids[] = {"month", "episodes", "individuals"};
    static const char *const mo_titles[] = {"Month", "Episodes", "Children missing"};
    snprintf(title, sizeof title, "%s: episodes per month from %s", name, start_text);
    size_t tm = hw_doc_table(s, "by_month", title, NULL, 3, mo_ids, mo_titles);
    for (size_t i = 0; i < nmo; i++) {
        int key = m0 + (int)i;
        snprintf(label, sizeof label, "%s %04d", month_abbr[key % 12], key / 12);
        struct hw_cell *row = hw_doc_row(s, tm);
        hw_cell_text(&row[0], label);
        hw_cell_int(&row[1], m_eps[i]);
        hw_cell_int(&row[2], m_kids[i]);
    }
    char fa[24], fb[24];
    format_day(hw_london_date(f->from), fa, sizeof fa);
    format_day(o->cohort_from - 1, fb, sizeof fb);
    char tb[96], ta[96];
    if (from > f->from)
        snprintf(tb, sizeof tb, "Episodes %s to %s", fa, fb);
    else
        snprintf(tb, sizeof tb, "Episodes before %s (not loaded)", from_text);
    snprintf(ta, sizeof ta, "Episodes %s to %s", from_text, end_text);
    const char *c_ids[] = {"child", "before", "after"};
    const char *c_titles[] = {"Child", tb, ta};
    snprintf(title, sizeof title, "%s: each child's episodes before and after %s", name, from_text);
    size_t tc = hw_doc_table(s, "children", title,
                             "Before: from the start of the facts loaded to the day before the "
                             "date followed from. After: from that date to the end of the "
                             "period. The two spans need not be the same length.",
                             3, c_ids, c_titles);
    hw_doc_table_names_children(s, tc); /* by child ID */
    for (size_t r = 0; r < o->ncohort; r++) {
        if (slot[r] == SIZE_MAX)
            continue;
        size_t i = slot[r];
        struct hw_cell *row = hw_doc_row(s, tc);
        hw_cell_text(&row[0], m[i].id);
        hw_cell_int(&row[1], before[i]);
        hw_cell_int(&row[2], after[i]);
    }
    size_t series[2] = {1, 2};
    snprintf(title, sizeof title, "%s: episodes and children missing per quarter", name);
    hw_doc_chart(s, HW_CHART_BAR, title, tq, 0, series, 2, -1);

    free(slot);
    free(m);
    free(member_of);
    free(q_eps);
    free(q_kids);
    free(m_eps);
    free(m_kids);
    free(q_seen);
    free(m_seen);
    free(before);
    free(after);
    return 0;
}
