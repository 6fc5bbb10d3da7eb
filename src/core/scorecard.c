/* scorecard.c - indicators: the measures, the built-in scorecard, the file
 * format, and the monthly values, year to date, direction and rating. */
#include "core/scorecard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/monthly.h"
#include "core/rag.h"
#include "core/records.h"

const struct hw_code hw_polarity_codes[] = {
    {HW_POL_HIGHER, "higher", "Higher is better"},
    {HW_POL_LOWER, "lower", "Lower is better"},
    {0, NULL, NULL},
};

const struct hw_code hw_dot_codes[] = {
    {HW_DOT_BETTER, "better", "Better"},
    {HW_DOT_WORSE, "worse", "Worse"},
    {HW_DOT_SAME, "same", "Same"},
    {0, NULL, NULL},
};

#define COUNT(code, label, pol, def)                                                               \
    {                                                                                              \
        code, label, HW_SCU_COUNT, pol, def                                                        \
    }
#define RATE(code, label, def)                                                                     \
    {                                                                                              \
        code, label, HW_SCU_RATE, HW_POL_HIGHER, def                                               \
    }

const struct hw_sc_measure_info hw_sc_measures[HW_SCM_COUNT] = {
    [HW_SCM_CHILDREN_MISSING] =
        COUNT("children_missing", "Children missing", HW_POL_LOWER,
              "distinct children of the council's own with a missing episode in the period"),
    [HW_SCM_MISSING_EPISODES] = COUNT("missing_episodes", "Missing episodes", HW_POL_LOWER,
                                      "missing episodes of the council's own children"),
    [HW_SCM_REPEAT_CHILDREN] =
        COUNT("repeat_children", "Children missing twice or more", HW_POL_LOWER,
              "the council's own children with 2 or more missing episodes in the period"),
    [HW_SCM_EPISODES_72H_PLUS] =
        COUNT("episodes_72h_plus", "Episodes of 72 hours or more", HW_POL_LOWER,
              "own children's missing episodes lasting 72 hours or more from last seen to "
              "return (to the report's time when still missing)"),
    [HW_SCM_OUT_OF_AREA_EPISODES] =
        COUNT("out_of_area_episodes", "Episodes while placed out of area", HW_POL_LOWER,
              "own children's missing episodes while placed outside the council's area"),
    [HW_SCM_OLA_EPISODES] =
        COUNT("ola_episodes", "Episodes of children placed by other councils", HW_POL_LOWER,
              "missing episodes of children placed here by other councils (the only measure "
              "counting them)"),
    [HW_SCM_RHI_OFFER_RATE] =
        RATE("rhi_offer_rate", "Children offered a return interview %",
             "own children offered an interview for an episode of the period, of the own "
             "children missing in it (the monthly profile's offer rate)"),
    [HW_SCM_RHI_OFFER_RATE_HOME] =
        RATE("rhi_offer_rate_home", "Children missing from home offered a return interview %",
             "the offer rate over episodes of children not looked after at the time"),
    [HW_SCM_RHI_OFFER_RATE_CARE] =
        RATE("rhi_offer_rate_care", "Children missing from care offered a return interview %",
             "the offer rate over episodes of children looked after at the time"),
    [HW_SCM_RHI_DONE_RATE] =
        RATE("rhi_done_rate", "Return interviews completed %",
             "own missing episodes with a completed interview, of those not decided 'not "
             "needed'"),
    [HW_SCM_RHI_IN_TIMESCALE_RATE] =
        RATE("rhi_in_timescale_rate", "Return interviews completed in timescale %",
             "own missing episodes whose interview was completed within rhi_due_hours (72) of "
             "the return, of those with a completed interview"),
};

int hw_sc_measure_find(const char *code)
{
    for (int i = 0; i < HW_SCM_COUNT; i++)
        if (strcmp(hw_sc_measures[i].code, code) == 0)
            return i;
    return -1;
}

/* ---- the built-in scorecard ---- */

#define IND(prio, name, measure, pol, target)                                                      \
    {                                                                                              \
        prio, name, measure, pol, HW_SC_NONE, HW_SC_NONE, target, HW_SC_NONE                       \
    }

/* Seed 000's two "Priority 6" rows, with the 100% target of its action
 * plan (Ofsted recommendation 4: every child missing is offered an
 * interview); Derby's 90% of interviews within 72 hours (seed 004 appendix
 * 1); then the other measures, without targets. Polarities are the
 * measures' own. */
static const struct hw_scorecard builtin = {
    HW_SC_TOLERANCE_DEF,
    {
        IND("P6", "Children missing from home offered return interview %",
            HW_SCM_RHI_OFFER_RATE_HOME, HW_POL_HIGHER, 10000),
        IND("P6", "Children missing from care offered a return interview %",
            HW_SCM_RHI_OFFER_RATE_CARE, HW_POL_HIGHER, 10000),
        IND("", "Return interviews completed within 72 hours %", HW_SCM_RHI_IN_TIMESCALE_RATE,
            HW_POL_HIGHER, 9000),
        IND("", "Children offered a return interview %", HW_SCM_RHI_OFFER_RATE, HW_POL_HIGHER,
            HW_SC_NONE),
        IND("", "Return interviews completed % of those needed", HW_SCM_RHI_DONE_RATE,
            HW_POL_HIGHER, HW_SC_NONE),
        IND("", "Children missing", HW_SCM_CHILDREN_MISSING, HW_POL_LOWER, HW_SC_NONE),
        IND("", "Missing episodes", HW_SCM_MISSING_EPISODES, HW_POL_LOWER, HW_SC_NONE),
        IND("", "Children missing twice or more in the month", HW_SCM_REPEAT_CHILDREN, HW_POL_LOWER,
            HW_SC_NONE),
        IND("", "Episodes of 72 hours or more", HW_SCM_EPISODES_72H_PLUS, HW_POL_LOWER, HW_SC_NONE),
        IND("", "Episodes of our children placed out of area", HW_SCM_OUT_OF_AREA_EPISODES,
            HW_POL_LOWER, HW_SC_NONE),
        IND("", "Episodes of children placed here by other councils", HW_SCM_OLA_EPISODES,
            HW_POL_LOWER, HW_SC_NONE),
    },
    11,
};

const struct hw_scorecard *hw_scorecard_builtin(void)
{
    return &builtin;
}

void hw_scorecard_defaults(struct hw_scorecard *sc)
{
    *sc = builtin;
}

/* ---- values as text ---- */

void hw_sc_value_text(int unit, long v, char *buf, size_t size)
{
    if (v == HW_SC_NONE)
        snprintf(buf, size, "%s", "");
    else if (unit == HW_SCU_COUNT)
        snprintf(buf, size, "%ld", v);
    else if (v % 100 == 0)
        snprintf(buf, size, "%ld%%", v / 100);
    else
        snprintf(buf, size, "%ld.%02ld%%", v / 100, v % 100);
}

/* A percentage from 0 to 100 with at most two decimals and an optional
 * '%', in hundredths. */
static int parse_percent(const char *s, long *out)
{
    long whole = 0, frac = 0;
    int digits = 0, decimals = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        whole = whole * 10 + (*s - '0');
        if (whole > 100)
            return -1;
    }
    if (digits == 0)
        return -1;
    if (*s == '.') {
        for (s++; *s >= '0' && *s <= '9'; s++, decimals++) {
            if (decimals == 2)
                return -1;
            frac = frac * 10 + (*s - '0');
        }
        if (decimals == 0)
            return -1;
        if (decimals == 1)
            frac *= 10;
    }
    if (*s == '%')
        s++;
    if (*s != '\0')
        return -1;
    long v = whole * 100 + frac;
    if (v > 10000)
        return -1;
    *out = v;
    return 0;
}

static int parse_count(const char *s, long *out)
{
    long v = 0;
    if (*s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
        if (v > HW_SC_COUNT_MAX)
            return -1;
    }
    *out = v;
    return 0;
}

/* ---- parsing ---- */

enum key {
    K_PRIORITY = 0,
    K_NAME,
    K_MEASURE,
    K_POLARITY,
    K_LAST_YEAR,
    K_SN_AVERAGE,
    K_TARGET,
    K_TOLERANCE,
    K_COUNT
};

static const char *const key_names[K_COUNT] = {
    "priority", "name", "measure", "polarity", "last_year", "sn_average", "target", "tolerance",
};

#define VALUE_MAX HW_SC_NAME_MAX /* the longest value any key takes */

/* An indicator as read so far: each key's text and the line it was on. */
struct pending {
    int header_line; /* 0: no indicator open */
    int line[K_COUNT];
    char value[K_COUNT][VALUE_MAX + 1];
};

struct parser {
    const char *fname;
    struct hw_scorecard *sc; /* being filled */
    struct pending cur;
    bool tolerance_seen;
    int tolerance_line;
    struct hw_err *err;
};

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

static void trim(const char **b, const char **e)
{
    while (*b < *e && is_blank(**b))
        (*b)++;
    while (*e > *b && is_blank((*e)[-1]))
        (*e)--;
}

static void measure_list(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < HW_SCM_COUNT && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? ", " : "", hw_sc_measures[i].code);
}

/* Turns the pending indicator into the next item of p->sc. */
static int finish_indicator(struct parser *p)
{
    struct pending *c = &p->cur;
    struct hw_indicator ind;
    const char *fname = p->fname;
    char list[512];

    if (c->header_line == 0)
        return 0;
    memset(&ind, 0, sizeof ind);
    ind.last_year = ind.sn_average = ind.target = ind.tolerance = HW_SC_NONE;
    for (int k = K_NAME; k <= K_MEASURE; k++)
        if (c->line[k] == 0)
            return hw_fail(p->err, HW_EINPUT,
                           "%s:%d: the indicator starting here has no %s: every indicator needs "
                           "a name and a measure",
                           fname, c->header_line, key_names[k]);
    if ((ind.measure = hw_sc_measure_find(c->value[K_MEASURE])) < 0) {
        measure_list(list, sizeof list);
        return hw_fail(p->err, HW_EINPUT, "%s:%d: measure: '%.60s': expected one of %s", fname,
                       c->line[K_MEASURE], c->value[K_MEASURE], list);
    }
    const struct hw_sc_measure_info *mi = &hw_sc_measures[ind.measure];
    /* The lengths were checked as each line was read. */
    memcpy(ind.name, c->value[K_NAME], strlen(c->value[K_NAME]) + 1);
    memcpy(ind.priority, c->value[K_PRIORITY], strlen(c->value[K_PRIORITY]) + 1);
    ind.polarity = mi->polarity;
    if (c->line[K_POLARITY] &&
        (ind.polarity = hw_code_parse(hw_polarity_codes, c->value[K_POLARITY])) < 0)
        return hw_fail(p->err, HW_EINPUT,
                       "%s:%d: polarity: '%.60s': expected higher (higher is better) or lower "
                       "(lower is better)",
                       fname, c->line[K_POLARITY], c->value[K_POLARITY]);
    long *slots[K_COUNT] = {[K_LAST_YEAR] = &ind.last_year,
                            [K_SN_AVERAGE] = &ind.sn_average,
                            [K_TARGET] = &ind.target,
                            [K_TOLERANCE] = &ind.tolerance};
    for (int k = K_LAST_YEAR; k <= K_TOLERANCE; k++) {
        if (c->line[k] == 0)
            continue;
        const char *v = c->value[k];
        bool pct = k == K_TOLERANCE || mi->unit == HW_SCU_RATE;
        if ((pct ? parse_percent(v, slots[k]) : parse_count(v, slots[k])) == 0)
            continue;
        if (k == K_TOLERANCE)
            return hw_fail(p->err, HW_EINPUT,
                           "%s:%d: tolerance: '%.60s': expected a percentage of the target from "
                           "0 to 100, such as 10%%",
                           fname, c->line[k], v);
        if (pct)
            return hw_fail(p->err, HW_EINPUT,
                           "%s:%d: %s: '%.60s': %s is a rate: expected a percentage from 0 to 100 "
                           "with at most two decimals, such as 90%% or 32.91%%",
                           fname, c->line[k], key_names[k], v, mi->code);
        return hw_fail(p->err, HW_EINPUT,
                       "%s:%d: %s: '%.60s': %s is a count: expected a whole number from 0 to "
                       "%ld",
                       fname, c->line[k], key_names[k], v, mi->code, HW_SC_COUNT_MAX);
    }
    if (p->sc->n == HW_SC_MAX)
        return hw_fail(p->err, HW_EINPUT, "%s:%d: too many indicators (at most %d)", fname,
                       c->header_line, HW_SC_MAX);
    p->sc->items[p->sc->n++] = ind;
    memset(c, 0, sizeof *c);
    return 0;
}

/* One line [b, e) of the file. */
static int parse_line(struct parser *p, int lineno, const char *b, const char *e)
{
    const char *fname = p->fname;
    const char *hash = memchr(b, '#', (size_t)(e - b));
    if (hash)
        e = hash;
    trim(&b, &e);
    if (b == e)
        return 0;
    if (*b == '[') {
        static const char header[] = "[indicator]";
        if ((size_t)(e - b) != sizeof header - 1 || memcmp(b, header, sizeof header - 1) != 0)
            return hw_fail(p->err, HW_EINPUT, "%s:%d: '%.*s': expected [indicator]", fname, lineno,
                           (int)(e - b > 60 ? 60 : e - b), b);
        if (finish_indicator(p) < 0)
            return -1;
        p->cur.header_line = lineno;
        return 0;
    }
    const char *eq = memchr(b, '=', (size_t)(e - b));
    if (eq == NULL)
        return hw_fail(p->err, HW_EINPUT,
                       "%s:%d: expected 'key = value' or [indicator], got '%.*s'", fname, lineno,
                       (int)(e - b > 60 ? 60 : e - b), b);
    const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
    trim(&kb, &ke);
    trim(&vb, &ve);
    size_t klen = (size_t)(ke - kb), vlen = (size_t)(ve - vb);
    int k = -1;
    for (int i = 0; i < K_COUNT; i++)
        if (strlen(key_names[i]) == klen && memcmp(key_names[i], kb, klen) == 0)
            k = i;
    if (p->cur.header_line == 0) {
        /* Before the first indicator only the scorecard's tolerance. */
        if (k != K_TOLERANCE)
            return hw_fail(p->err, HW_EINPUT,
                           "%s:%d: '%.*s' before the first [indicator]: only tolerance may come "
                           "before it",
                           fname, lineno, (int)(klen > 60 ? 60 : klen), kb);
        char v[32];
        long tol;
        if (p->tolerance_seen)
            return hw_fail(p->err, HW_EINPUT, "%s:%d: tolerance is given twice (first on line %d)",
                           fname, lineno, p->tolerance_line);
        snprintf(v, sizeof v, "%.*s", (int)(vlen < 31 ? vlen : 31), vb);
        if (vlen > 30 || parse_percent(v, &tol) < 0)
            return hw_fail(p->err, HW_EINPUT,
                           "%s:%d: tolerance: '%.60s': expected a percentage of the target from "
                           "0 to 100, such as 10%%",
                           fname, lineno, v);
        p->sc->tolerance = tol;
        p->tolerance_seen = true;
        p->tolerance_line = lineno;
        return 0;
    }
    if (k < 0)
        return hw_fail(p->err, HW_EINPUT,
                       "%s:%d: unknown key '%.*s': an indicator has priority, name, measure, "
                       "polarity, last_year, sn_average, target and tolerance",
                       fname, lineno, (int)(klen > 60 ? 60 : klen), kb);
    if (p->cur.line[k])
        return hw_fail(p->err, HW_EINPUT,
                       "%s:%d: %s is given twice in this indicator (first on line %d)", fname,
                       lineno, key_names[k], p->cur.line[k]);
    size_t max = k == K_NAME ? HW_SC_NAME_MAX : k == K_PRIORITY ? HW_SC_PRIORITY_MAX : 60;
    if (vlen == 0 && k != K_PRIORITY)
        return hw_fail(p->err, HW_EINPUT, "%s:%d: %s has no value", fname, lineno, key_names[k]);
    if (vlen > max)
        return hw_fail(p->err, HW_EINPUT, "%s:%d: %s is longer than %zu bytes", fname, lineno,
                       key_names[k], max);
    memcpy(p->cur.value[k], vb, vlen);
    p->cur.value[k][vlen] = '\0';
    struct hw_err why;
    if (hw_text_check(p->cur.value[k], max, &why) < 0)
        return hw_fail(p->err, HW_EINPUT, "%s:%d: %s: %s", fname, lineno, key_names[k], why.msg);
    p->cur.line[k] = lineno;
    return 0;
}

int hw_scorecard_parse(const char *text, const char *filename, struct hw_scorecard *sc,
                       struct hw_err *err)
{
    struct parser *p = hw_calloc(1, sizeof *p);
    struct hw_scorecard *tmp = hw_calloc(1, sizeof *tmp);
    int lineno = 0, rc = -1;
    p->fname = filename ? filename : "<scorecard>";
    p->sc = tmp;
    p->err = err;
    tmp->tolerance = HW_SC_TOLERANCE_DEF;
    for (const char *s = text; *s;) {
        const char *nl = strchr(s, '\n');
        const char *e = nl ? nl : s + strlen(s);
        if (parse_line(p, ++lineno, s, e) < 0)
            goto done;
        s = nl ? nl + 1 : e;
    }
    if (finish_indicator(p) < 0)
        goto done;
    if (tmp->n == 0) {
        hw_fail(err, HW_EINPUT, "%s: no indicators: expected at least one [indicator] section",
                p->fname);
        goto done;
    }
    *sc = *tmp;
    rc = 0;
done:
    free(tmp);
    free(p);
    return rc;
}

/* ---- writing ---- */

void hw_scorecard_write(const struct hw_scorecard *sc, struct hw_buf *out)
{
    char v[32], list[512];
    measure_list(list, sizeof list);
    hw_buf_puts(out, "# Homeward scorecard: the indicators the board reads (docs/scorecard.md).\n"
                     "# '#' starts a comment. Each [indicator] has a name and a measure, and may\n"
                     "# have priority, polarity (higher or lower is better), last_year,\n"
                     "# sn_average, target and tolerance (the amber band, % of the target).\n");
    hw_buf_printf(out, "# Measures: %s.\n", list);
    hw_sc_value_text(HW_SCU_RATE, sc->tolerance, v, sizeof v);
    hw_buf_printf(out, "tolerance = %s\n", v);
    for (size_t i = 0; i < sc->n; i++) {
        const struct hw_indicator *ind = &sc->items[i];
        int unit = hw_sc_measures[ind->measure].unit;
        hw_buf_puts(out, "\n[indicator]\n");
        if (ind->priority[0])
            hw_buf_printf(out, "priority = %s\n", ind->priority);
        hw_buf_printf(out, "name = %s\nmeasure = %s\npolarity = %s\n", ind->name,
                      hw_sc_measures[ind->measure].code,
                      hw_code_name(hw_polarity_codes, ind->polarity));
        const long vals[4] = {ind->last_year, ind->sn_average, ind->target, ind->tolerance};
        for (int k = 0; k < 4; k++) {
            if (vals[k] == HW_SC_NONE)
                continue;
            hw_sc_value_text(k == 3 ? HW_SCU_RATE : unit, vals[k], v, sizeof v);
            hw_buf_printf(out, "%s = %s\n", key_names[K_LAST_YEAR + k], v);
        }
    }
}

/* ---- the arithmetic ---- */

enum { F_OFFERED = 1, F_HOME = 2, F_HOME_OFFERED = 4, F_CARE = 8, F_CARE_OFFERED = 16 };

void hw_sc_tally(const struct hw_afacts *f, int fy, int first, int last, struct hw_sc_tally *t)
{
    memset(t, 0, sizeof *t);
    if (f->nchildren == 0)
        return;
    unsigned *eps = hw_calloc(f->nchildren, sizeof *eps);
    unsigned char *flags = hw_calloc(f->nchildren, 1);
    for (size_t i = 0; i < f->neps; i++) {
        const struct hw_afact *ep = &f->eps[i];
        if (ep->kind != HW_KIND_MISSING || ep->child >= f->nchildren)
            continue;
        int m = hw_fy_month_index(ep->last_seen, fy);
        if (m < first || m > last)
            continue;
        if (!hw_afact_own(f, ep)) {
            t->ola_episodes++;
            continue;
        }
        t->episodes++;
        eps[ep->child]++;
        if (hw_band_of(ep->last_seen, ep->returned, f->now) == HW_BAND_72_PLUS)
            t->episodes_72h++;
        if (ep->out_of_area)
            t->ooa_episodes++;
        bool care = ep->case_status == HW_CS_CLA;
        flags[ep->child] |= care ? F_CARE : F_HOME;
        if (ep->offered)
            flags[ep->child] |= F_OFFERED | (care ? F_CARE_OFFERED : F_HOME_OFFERED);
        if (!ep->rhi_not_needed) {
            t->needing++;
            t->done += ep->done;
        }
        if (ep->done) {
            t->done_any++;
            t->in_timescale += hw_afact_in_timescale(f, ep);
        }
    }
    for (size_t c = 0; c < f->nchildren; c++) {
        if (eps[c] == 0)
            continue;
        t->children++;
        t->repeat_children += eps[c] >= 2;
        t->offered_children += (flags[c] & F_OFFERED) != 0;
        t->home_children += (flags[c] & F_HOME) != 0;
        t->home_offered += (flags[c] & F_HOME_OFFERED) != 0;
        t->care_children += (flags[c] & F_CARE) != 0;
        t->care_offered += (flags[c] & F_CARE_OFFERED) != 0;
    }
    free(eps);
    free(flags);
}

long hw_sc_measure_value(const struct hw_sc_tally *t, int measure)
{
    switch (measure) {
    case HW_SCM_CHILDREN_MISSING:
        return t->children;
    case HW_SCM_MISSING_EPISODES:
        return t->episodes;
    case HW_SCM_REPEAT_CHILDREN:
        return t->repeat_children;
    case HW_SCM_EPISODES_72H_PLUS:
        return t->episodes_72h;
    case HW_SCM_OUT_OF_AREA_EPISODES:
        return t->ooa_episodes;
    case HW_SCM_OLA_EPISODES:
        return t->ola_episodes;
    case HW_SCM_RHI_OFFER_RATE:
        return hw_rate_hundredths(t->offered_children, t->children);
    case HW_SCM_RHI_OFFER_RATE_HOME:
        return hw_rate_hundredths(t->home_offered, t->home_children);
    case HW_SCM_RHI_OFFER_RATE_CARE:
        return hw_rate_hundredths(t->care_offered, t->care_children);
    case HW_SCM_RHI_DONE_RATE:
        return hw_rate_hundredths(t->done, t->needing);
    case HW_SCM_RHI_IN_TIMESCALE_RATE:
        return hw_rate_hundredths(t->in_timescale, t->done_any);
    default:
        return HW_SC_NONE;
    }
}

int hw_sc_dot(int polarity, long before, long after)
{
    if (before == HW_SC_NONE || after == HW_SC_NONE)
        return HW_DOT_NONE;
    if (before == after)
        return HW_DOT_SAME;
    bool up = after > before;
    return (polarity == HW_POL_LOWER ? !up : up) ? HW_DOT_BETTER : HW_DOT_WORSE;
}

int hw_sc_rag(int polarity, long value, long target, long tolerance)
{
    if (value == HW_SC_NONE || target == HW_SC_NONE)
        return HW_RAG_NONE;
    long long v = value, t = target, tol = tolerance < 0 ? 0 : tolerance;
    if (polarity == HW_POL_LOWER) {
        if (v <= t)
            return HW_RAG_GREEN;
        /* v <= t * (1 + tol), in whole numbers */
        return v * 10000 <= t * (10000 + tol) ? HW_RAG_AMBER : HW_RAG_RED;
    }
    if (v >= t)
        return HW_RAG_GREEN;
    return v * 10000 >= t * (10000 - tol) ? HW_RAG_AMBER : HW_RAG_RED;
}

size_t hw_sc_dot_months(int fy, size_t nmonths, hw_instant now)
{
    int next = 3 + (int)nmonths; /* months after January of fy, 0-based: April is 3 */
    if (nmonths > 0 && hw_london_month_start(fy + next / 12, next % 12 + 1) > now)
        nmonths--;
    return nmonths;
}

void hw_sc_row_compute(const struct hw_afacts *f, const struct hw_scorecard *sc,
                       const struct hw_indicator *ind, int fy, size_t nmonths,
                       struct hw_sc_row *out)
{
    struct hw_sc_tally t;
    memset(out, 0, sizeof *out);
    if (nmonths > 12)
        nmonths = 12;
    out->nmonths = nmonths;
    for (size_t m = 0; m < nmonths; m++) {
        hw_sc_tally(f, fy, (int)m, (int)m, &t);
        out->months[m] = hw_sc_measure_value(&t, ind->measure);
    }
    out->ytd = HW_SC_NONE;
    if (nmonths == 0)
        return;
    hw_sc_tally(f, fy, 0, (int)nmonths - 1, &t);
    out->ytd = hw_sc_measure_value(&t, ind->measure);
    size_t last = hw_sc_dot_months(fy, nmonths, f->now);
    out->dot = last >= 2 ? hw_sc_dot(ind->polarity, out->months[last - 2], out->months[last - 1])
                         : HW_DOT_NONE;
    long tol = ind->tolerance != HW_SC_NONE ? ind->tolerance : sc->tolerance;
    out->rag = hw_sc_rag(ind->polarity, out->ytd, ind->target, tol);
}

int hw_sc_months(int fy, int to_year, int to_month, hw_instant now, const char *what, int *nmonths,
                 struct hw_err *err)
{
    int m = to_month;
    if (to_month) {
        if (hw_fy_of(to_year, to_month) != fy)
            return hw_fail(err, HW_EINPUT,
                           "%s: '%04d-%02d' is not in %04d-%02d (April %d to March %d)", what,
                           to_year, to_month, fy, (fy + 1) % 100, fy, fy + 1);
    } else {
        struct hw_local l;
        hw_london_from_instant(now, &l);
        int now_fy = hw_fy_of(l.year, l.month);
        if (now_fy < fy)
            return hw_fail(err, HW_EINPUT,
                           "%04d-%02d has not begun: give %s to show its months anyway", fy,
                           (fy + 1) % 100, what);
        m = now_fy > fy ? 3 : l.month;
    }
    *nmonths = m >= 4 ? m - 3 : m + 9;
    return 0;
}

void hw_sc_window(int fy, int nmonths, hw_instant *from, hw_instant *to)
{
    int last = nmonths + 3; /* 4 = April ... 15 = March */
    *from = hw_london_month_start(fy, 4);
    *to = last >= 12 ? hw_london_month_start(fy + 1, last - 12 + 1)
                     : hw_london_month_start(fy, last + 1);
}
