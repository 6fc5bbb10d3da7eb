/* doc.c - building report documents, and what their renderers share. */
#include "report/doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/analysis.h"
#include "core/monthly.h"
#include "report/doc_render.h"

/* ---- text ---- */

/* The length of the valid UTF-8 sequence at s, or 0 when it is not one
 * (overlong forms, surrogates and code points past U+10FFFF included). */
static size_t utf8_seq(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n;
    uint32_t cp;
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2;
        cp = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3;
        cp = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4;
        cp = s[0] & 0x07;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) /* also stops at the NUL */
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

/* An owned copy of s as valid UTF-8 (each stray byte becomes U+FFFD), so
 * that every renderer can pass text on as it is: jansson refuses invalid
 * UTF-8 and Excel refuses a workbook holding it. NULL stays NULL. */
static char *dup_text(const char *s)
{
    if (s == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    struct hw_buf b = {0};
    hw_buf_puts(&b, ""); /* never NULL, even for "" */
    while (*p) {
        size_t n = utf8_seq(p);
        if (n == 0) {
            hw_buf_puts(&b, "\xEF\xBF\xBD");
            p++;
        } else {
            hw_buf_append(&b, (const char *)p, n);
            p += n;
        }
    }
    return hw_buf_take(&b);
}

size_t hw_doc_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* ---- building ---- */

/* Arrays without a capacity field hold the next power of two at or above
 * their length (at least 4): grows p when n has reached that. */
static void *grow(void *p, size_t n, size_t size)
{
    if (n != 0 && (n < 4 || (n & (n - 1)) != 0))
        return p;
    return hw_reallocarray(p, n ? n * 2 : 4, size);
}

void hw_doc_init(struct hw_doc *d, const char *title, const char *council, const char *period,
                 hw_instant produced)
{
    memset(d, 0, sizeof *d);
    d->title = dup_text(title ? title : "");
    d->council = dup_text(council ? council : "");
    d->period = dup_text(period ? period : "");
    d->produced = produced;
}

static void free_table(struct hw_doc_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i].text);
    for (size_t c = 0; c < t->ncols; c++) {
        free(t->col_ids[c]);
        free(t->col_titles[c]);
    }
    for (size_t i = 0; i < t->ntotals; i++)
        free(t->totals[i].parts);
    free(t->totals);
    free(t->cells);
    free(t->col_ids);
    free(t->col_titles);
    free(t->id);
    free(t->title);
    free(t->note);
}

void hw_doc_free(struct hw_doc *d)
{
    for (size_t i = 0; i < d->nsections; i++) {
        struct hw_doc_section *s = &d->sections[i];
        for (size_t t = 0; t < s->ntables; t++)
            free_table(&s->tables[t]);
        for (size_t c = 0; c < s->ncharts; c++) {
            free(s->charts[c].title);
            free(s->charts[c].series);
        }
        free(s->tables);
        free(s->charts);
        free(s->id);
        free(s->title);
        free(s->intro);
    }
    free(d->sections);
    free(d->title);
    free(d->council);
    free(d->period);
    memset(d, 0, sizeof *d);
}

struct hw_doc_section *hw_doc_section(struct hw_doc *d, const char *id, const char *title,
                                      const char *intro)
{
    d->sections = grow(d->sections, d->nsections, sizeof *d->sections);
    struct hw_doc_section *s = &d->sections[d->nsections++];
    memset(s, 0, sizeof *s);
    s->id = dup_text(id ? id : "");
    s->title = dup_text(title ? title : "");
    s->intro = dup_text(intro);
    return s;
}

size_t hw_doc_table(struct hw_doc_section *s, const char *id, const char *title, const char *note,
                    size_t ncols, const char *const *col_ids, const char *const *col_titles)
{
    s->tables = grow(s->tables, s->ntables, sizeof *s->tables);
    struct hw_doc_table *t = &s->tables[s->ntables];
    memset(t, 0, sizeof *t);
    t->id = id ? dup_text(id) : hw_asprintf("table%zu", s->ntables + 1);
    t->title = dup_text(title ? title : "");
    t->note = dup_text(note);
    t->ncols = ncols;
    t->col_ids = hw_calloc(ncols, sizeof *t->col_ids);
    t->col_titles = hw_calloc(ncols, sizeof *t->col_titles);
    for (size_t c = 0; c < ncols; c++) {
        const char *cid = col_ids ? col_ids[c] : NULL;
        const char *ctitle = col_titles ? col_titles[c] : NULL;
        t->col_ids[c] = cid ? dup_text(cid) : hw_asprintf("col%zu", c + 1);
        t->col_titles[c] = dup_text(ctitle ? ctitle : t->col_ids[c]);
    }
    return s->ntables++;
}

struct hw_cell *hw_doc_row(struct hw_doc_section *s, size_t t)
{
    struct hw_doc_table *tb = &s->tables[t];
    if (tb->nrows == tb->cap) {
        tb->cap = tb->cap ? tb->cap * 2 : 16;
        tb->cells =
            hw_reallocarray(tb->cells, tb->cap, (tb->ncols ? tb->ncols : 1) * sizeof *tb->cells);
    }
    struct hw_cell *row = &tb->cells[tb->nrows++ * tb->ncols];
    memset(row, 0, tb->ncols * sizeof *row);
    return row;
}

static void cell_set(struct hw_cell *c, enum hw_cell_kind kind, long long n)
{
    free(c->text);
    c->text = NULL;
    c->kind = kind;
    c->n = n;
}

void hw_cell_text(struct hw_cell *c, const char *text)
{
    char *copy = dup_text(text); /* before freeing: text may be the cell's own */
    cell_set(c, copy ? HW_CELL_TEXT : HW_CELL_EMPTY, 0);
    c->text = copy;
}

void hw_cell_int(struct hw_cell *c, long long n)
{
    cell_set(c, HW_CELL_INT, n);
}

void hw_cell_percent(struct hw_cell *c, long hundredths)
{
    if (hundredths == HW_NO_RATE)
        cell_set(c, HW_CELL_EMPTY, 0);
    else
        cell_set(c, HW_CELL_PERCENT, hundredths);
}

void hw_cell_date(struct hw_cell *c, hw_date d)
{
    if (d == HW_NO_DATE)
        cell_set(c, HW_CELL_EMPTY, 0);
    else
        cell_set(c, HW_CELL_DATE, d);
}

struct hw_cell *hw_doc_cell(struct hw_doc_section *s, size_t t, size_t row, size_t col)
{
    struct hw_doc_table *tb = &s->tables[t];
    return &tb->cells[row * tb->ncols + col];
}

void hw_cell_rate(struct hw_cell *c, long num, long den)
{
    hw_cell_percent(c, hw_rate_hundredths(num, den));
    hw_cell_worked_out(c, num, den);
}

void hw_cell_worked_out(struct hw_cell *c, long long a, long long b)
{
    c->worked_out = true;
    c->of[0] = a;
    c->of[1] = b;
}

void hw_cell_from(struct hw_cell *c, const struct hw_cell *src)
{
    if (!c->worked_out)
        hw_cell_worked_out(c, -1, -1);
    if (c->nfrom < HW_CELL_FROM_MAX)
        c->from[c->nfrom++] = src - c;
}

void hw_cells_change(struct hw_cell c[4], long now, long before)
{
    hw_cell_int(&c[0], now);
    hw_cell_int(&c[1], before);
    hw_cell_int(&c[2], now - before);
    /* The percentage set directly, so that a change of exactly -0.01% is
     * not taken for "no rate". */
    hw_cell_percent(&c[3], before <= 0 ? HW_NO_RATE : 0);
    if (before > 0)
        c[3].n = hw_change_hundredths(before, now);
    for (int k = 2; k < 4; k++) {
        hw_cell_worked_out(&c[k], now, before);
        hw_cell_from(&c[k], &c[0]);
        hw_cell_from(&c[k], &c[1]);
    }
}

void hw_doc_total(struct hw_doc_section *s, size_t t, bool across, size_t total,
                  const size_t *parts, size_t nparts)
{
    struct hw_doc_table *tb = &s->tables[t];
    tb->totals = grow(tb->totals, tb->ntotals, sizeof *tb->totals);
    struct hw_doc_total *x = &tb->totals[tb->ntotals++];
    x->across = across;
    x->total = total;
    x->parts = hw_calloc(nparts ? nparts : 1, sizeof *x->parts);
    if (nparts)
        memcpy(x->parts, parts, nparts * sizeof *parts);
    x->nparts = nparts;
}

void hw_doc_total_range(struct hw_doc_section *s, size_t t, bool across, size_t total, size_t first,
                        size_t last)
{
    size_t n = last > first ? last - first : 0;
    size_t *parts = hw_calloc(n ? n : 1, sizeof *parts);
    for (size_t i = 0; i < n; i++)
        parts[i] = first + i;
    hw_doc_total(s, t, across, total, parts, n);
    free(parts);
}

void hw_doc_table_names_children(struct hw_doc_section *s, size_t t)
{
    s->tables[t].names_children = true;
}

void hw_doc_chart(struct hw_doc_section *s, enum hw_chart_kind kind, const char *title, size_t t,
                  size_t label_col, const size_t *series, size_t nseries, long long target)
{
    s->charts = grow(s->charts, s->ncharts, sizeof *s->charts);
    struct hw_doc_chart *ch = &s->charts[s->ncharts++];
    memset(ch, 0, sizeof *ch);
    ch->kind = kind;
    ch->title = dup_text(title ? title : "");
    ch->table = t;
    ch->label_col = label_col;
    ch->series = hw_calloc(nseries, sizeof *ch->series);
    if (nseries)
        memcpy(ch->series, series, nseries * sizeof *series);
    ch->nseries = nseries;
    ch->target = target;
}

void hw_doc_drop_chart(struct hw_doc_section *s, size_t k)
{
    if (k >= s->ncharts)
        return;
    free(s->charts[k].title);
    free(s->charts[k].series);
    memmove(&s->charts[k], &s->charts[k + 1], (s->ncharts - k - 1) * sizeof *s->charts);
    s->ncharts--;
}

void hw_doc_drop_table(struct hw_doc_section *s, size_t t)
{
    if (t >= s->ntables)
        return;
    for (size_t k = s->ncharts; k-- > 0;) {
        if (s->charts[k].table == t)
            hw_doc_drop_chart(s, k);
        else if (s->charts[k].table > t)
            s->charts[k].table--;
    }
    free_table(&s->tables[t]);
    memmove(&s->tables[t], &s->tables[t + 1], (s->ntables - t - 1) * sizeof *s->tables);
    s->ntables--;
}

void hw_doc_chart_rows(struct hw_doc_section *s, size_t rows)
{
    if (s->ncharts)
        s->charts[s->ncharts - 1].rows = rows;
}

/* ---- what the renderers share ---- */

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const month_name[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

void hw_doc_percent_text(long long hundredths, bool sign, char *buf, size_t size)
{
    /* Unsigned, so that even LLONG_MIN has a magnitude. */
    unsigned long long m =
        hundredths < 0 ? 0ULL - (unsigned long long)hundredths : (unsigned long long)hundredths;
    snprintf(buf, size, "%s%llu.%02llu%s", hundredths < 0 ? "-" : "", m / 100, m % 100,
             sign ? "%" : "");
}

void hw_doc_date_text(long long d, char *buf, size_t size)
{
    int y, m, day;
    hw_date_to_ymd((hw_date)d, &y, &m, &day);
    snprintf(buf, size, "%d %s %d", day, month_abbr[m - 1], y);
}

void hw_doc_produced_text(hw_instant t, char *buf, size_t size)
{
    if (t == HW_NO_TIME) {
        snprintf(buf, size, "%s", "");
        return;
    }
    struct hw_local l;
    hw_london_from_instant(t, &l);
    snprintf(buf, size, "%d %s %d", l.day, month_name[l.month - 1], l.year);
}

const char *hw_doc_cell_text(const struct hw_cell *c, char *buf, size_t size)
{
    switch (c->kind) {
    case HW_CELL_TEXT:
        if (c->text)
            return c->text;
        break;
    case HW_CELL_INT:
        snprintf(buf, size, "%lld", c->n);
        return buf;
    case HW_CELL_PERCENT:
        hw_doc_percent_text(c->n, true, buf, size);
        return buf;
    case HW_CELL_DATE:
        hw_doc_date_text(c->n, buf, size);
        return buf;
    case HW_CELL_SUPPRESSED:
        return "c";
    case HW_CELL_EMPTY:
        break;
    }
    return "-";
}

/* A cell's kind, with TEXT without text taken as empty. */
static int kind_of(const struct hw_cell *c)
{
    return c->kind == HW_CELL_TEXT && c->text == NULL ? HW_CELL_EMPTY : (int)c->kind;
}

/* The kind of the value a cell stands for: a number withheld from a
 * publication is still a number of its column's kind. */
static int value_kind_of(const struct hw_cell *c)
{
    int k = kind_of(c);
    return k == HW_CELL_SUPPRESSED ? HW_CELL_EMPTY : k;
}

int hw_doc_column_kind(const struct hw_doc_table *t, size_t c)
{
    int kind = HW_CELL_EMPTY;
    for (size_t r = 0; r < t->nrows; r++) {
        int k = value_kind_of(&t->cells[r * t->ncols + c]);
        if (k == HW_CELL_EMPTY)
            continue;
        if (kind != HW_CELL_EMPTY && k != kind)
            return -1;
        kind = k;
    }
    return kind;
}

bool hw_doc_column_numeric(const struct hw_doc_table *t, size_t c)
{
    bool any = false;
    for (size_t r = 0; r < t->nrows; r++) {
        int k = kind_of(&t->cells[r * t->ncols + c]);
        if (k == HW_CELL_TEXT)
            return false;
        any |= k != HW_CELL_EMPTY;
    }
    return any;
}

bool hw_doc_chart_ok(const struct hw_doc_section *s, const struct hw_doc_chart *ch)
{
    if (ch->table >= s->ntables || ch->nseries == 0 || ch->series == NULL)
        return false;
    const struct hw_doc_table *t = &s->tables[ch->table];
    if (ch->label_col >= t->ncols || t->nrows == 0)
        return false;
    for (size_t i = 0; i < ch->nseries; i++)
        if (ch->series[i] >= t->ncols)
            return false;
    return true;
}

bool hw_doc_chart_percent(const struct hw_doc_section *s, const struct hw_doc_chart *ch)
{
    const struct hw_doc_table *t = &s->tables[ch->table];
    bool any = false;
    for (size_t i = 0; i < ch->nseries; i++)
        for (size_t r = 0; r < t->nrows; r++) {
            int k = value_kind_of(&t->cells[r * t->ncols + ch->series[i]]);
            if (k == HW_CELL_PERCENT)
                any = true;
            else if (k != HW_CELL_EMPTY)
                return false;
        }
    return any;
}

/* ---- sheet names ---- */

#define SHEET_NAME_MAX 31 /* Excel's limit, in UTF-16 units */

/* ASCII case folding is what Excel's uniqueness check needs for the names
 * reports use; other letters are compared as they are. */
static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Copies s into out as a sheet name of at most max UTF-16 units. */
static void clean_name(const char *s, size_t max, char *out)
{
    size_t len = 0, units = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_seq(p);
        if (n == 0)
            n = 1; /* text in a doc is valid UTF-8; a stray byte is dropped */
        size_t u = n == 4 ? 2 : 1;
        if (units + u > max)
            break;
        if (n == 1 && (*p < 0x20 || *p == 0x7F || strchr("[]:*?/\\", *p))) {
            out[len++] = '_';
        } else if (utf8_seq(p) != 0) {
            memcpy(out + len, p, n);
            len += n;
        } else {
            p += n;
            continue;
        }
        units += u;
        p += n;
    }
    out[len] = '\0';
    /* No apostrophe at either end (Excel quotes names with them). */
    size_t start = 0;
    while (out[start] == '\'')
        start++;
    memmove(out, out + start, len - start + 1);
    len -= start;
    while (len > 0 && out[len - 1] == '\'')
        out[--len] = '\0';
    /* Trailing spaces are legal but invisible; keep names tidy. */
    while (len > 0 && out[len - 1] == ' ')
        out[--len] = '\0';
}

void hw_doc_sheet_names(const struct hw_doc *d, char (*names)[HW_DOC_SHEET_NAME_LEN])
{
    if (d->nsections == 0) {
        snprintf(names[0], HW_DOC_SHEET_NAME_LEN, "%s", "Report");
        return;
    }
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        char base[HW_DOC_SHEET_NAME_LEN];
        clean_name(s->id[0] ? s->id : s->title, SHEET_NAME_MAX, base);
        if (base[0] == '\0')
            snprintf(base, sizeof base, "Sheet %zu", i + 1);
        if (same_name(base, "History")) /* Excel keeps that name for itself */
            snprintf(base, sizeof base, "%s", "History_");
        snprintf(names[i], HW_DOC_SHEET_NAME_LEN, "%s", base);
        for (unsigned k = 2;; k++) {
            bool taken = false;
            for (size_t j = 0; j < i && !taken; j++)
                taken = same_name(names[j], names[i]);
            if (!taken)
                break;
            char suffix[16], cut[HW_DOC_SHEET_NAME_LEN];
            int n = snprintf(suffix, sizeof suffix, " (%u)", k);
            clean_name(base, SHEET_NAME_MAX - (size_t)n, cut);
            size_t a = strlen(cut), b = strlen(suffix); /* a + b fit: 31 units at most */
            if (a + b < HW_DOC_SHEET_NAME_LEN) {
                memcpy(names[i], cut, a);
                memcpy(names[i] + a, suffix, b + 1);
            }
        }
    }
}

/* ---- presenting ---- */

int hw_doc_render(const struct hw_doc *d, enum hw_format fmt, struct hw_buf *out,
                  struct hw_err *err)
{
    switch (fmt) {
    case HW_FMT_TEXT:
        hw_doc_render_text(d, out);
        return 0;
    case HW_FMT_CSV:
        hw_doc_render_csv(d, out);
        return 0;
    case HW_FMT_JSON:
        hw_doc_render_json(d, out);
        return 0;
    case HW_FMT_HTML:
        hw_doc_render_html(d, out);
        return 0;
    case HW_FMT_XLSX:
        return hw_doc_render_xlsx(d, out, err);
    }
    return hw_fail(err, HW_EINTERNAL, "cannot render the report: unknown format %d", (int)fmt);
}
