/* doc_render_html.c - a report document as one self-contained, printable
 * HTML5 page: headings, accessible tables and inline SVG charts, with
 * print styles for A4. No scripts, nothing fetched; every piece of text is
 * escaped (hw_html_text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/doc_render.h"

/* Print: A4 with 15 mm margins leaves 180 mm, about 680 CSS pixels, which
 * is the charts' width. Page numbers come from @page margin boxes where
 * the browser has them (Chromium 131 and later); elsewhere they are left
 * out. */
static const char style[] =
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%}\n"
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;"
    "color:#0b0c0c;background:#fff;margin:0 auto;padding:1.5rem;max-width:62rem;"
    "line-height:1.4;font-size:1rem}\n"
    "h1{font-size:1.75rem;margin:0 0 .5rem;line-height:1.2}\n"
    "h2{font-size:1.35rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:2px solid #0b0c0c}\n"
    ".meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 0 1rem;padding:0}\n"
    ".meta div{display:flex;gap:.4rem}\n"
    ".meta dt{font-weight:bold}\n"
    ".meta dd{margin:0}\n"
    "nav ol{margin:.5rem 0 1rem;padding-left:1.5rem}\n"
    ".intro{max-width:45rem}\n"
    ".table-wrap{overflow-x:auto;margin:1rem 0 .25rem}\n"
    ".table-wrap:focus{outline:3px solid #fd0}\n"
    "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
    "caption{text-align:left;font-weight:bold;font-size:1.05rem;padding:0 0 .4rem}\n"
    "th,td{padding:.3rem .5rem;border-bottom:1px solid #b1b4b6;text-align:left;"
    "vertical-align:top;overflow-wrap:break-word}\n"
    "thead th{border-bottom:2px solid #0b0c0c;vertical-align:bottom}\n"
    "tbody th{font-weight:normal;min-width:10em}\n"
    ".num{text-align:right}\n"
    "td.num{white-space:nowrap}\n"
    "td:not(.num){min-width:8em}\n"
    ".note{font-size:.9rem;color:#484949;margin:.25rem 0 1rem}\n"
    "figure{margin:1rem 0 1.5rem}\n"
    "figure svg{display:block;max-width:100%;height:auto}\n"
    "figcaption{font-size:.9rem;color:#484949;margin-top:.25rem}\n"
    ".produced{font-size:.85rem;color:#484949;margin-top:2rem}\n"
    "@page{size:A4;margin:15mm;"
    "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
    "font-family:system-ui,Arial,sans-serif;font-size:8pt;color:#484949}}\n"
    "@media print{\n"
    "body{font-size:10pt;padding:0;max-width:none}\n"
    "h1{font-size:18pt}\n"
    "h2{font-size:13.5pt;margin-top:14pt;break-after:avoid;page-break-after:avoid}\n"
    "nav{display:none}\n"
    ".table-wrap{overflow:visible}\n"
    "table{font-size:9pt}\n"
    "caption{font-size:10pt}\n"
    "th,td{padding:2pt 4pt}\n"
    "thead{display:table-header-group}\n"
    "tr,figure,.table-wrap{break-inside:avoid;page-break-inside:avoid}\n"
    "caption,.lead{break-after:avoid;page-break-after:avoid}\n"
    ".lead{break-inside:avoid;page-break-inside:avoid}\n"
    "p{orphans:2;widows:2;break-inside:avoid;page-break-inside:avoid}\n"
    ".note,figcaption{font-size:8.5pt}\n"
    "}\n";

/* What a document for publication adds (only then, so that other pages
 * stay as they were). */
static const char publication_style[] =
    ".publication{font-weight:bold;border-left:5px solid #0b0c0c;padding:.25rem .75rem;"
    "margin:0 0 1rem}\n"
    ".footnote{font-size:.9rem;margin-top:2rem}\n";

/* ---- numbers ---- */

/* A count with thousands separators: 1234 -> "1,234". */
static void count_text(long long n, char *buf, size_t size)
{
    char digits[32];
    unsigned long long m = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    int len = snprintf(digits, sizeof digits, "%llu", m);
    size_t o = 0;
    if (n < 0 && o + 1 < size)
        buf[o++] = '-';
    for (int i = 0; i < len && o + 1 < size; i++) {
        if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* A value in the chart's unit: a count, or hundredths of a percent. */
static void value_text(long long v, bool percent, char *buf, size_t size)
{
    if (percent)
        hw_doc_percent_text(v, true, buf, size);
    else
        count_text(v, buf, size);
}

/* An axis tick: "40%", "2.5%", "12.25%" or a count. */
static void tick_text(long long v, bool percent, char *buf, size_t size)
{
    if (!percent) {
        count_text(v, buf, size);
        return;
    }
    hw_doc_percent_text(v, false, buf, size);
    char *dot = strchr(buf, '.');
    if (dot) {
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strlen(buf) + 2 <= size)
        strcat(buf, "%");
}

static void cell_html(struct hw_buf *out, const struct hw_cell *c)
{
    char buf[HW_DOC_CELL_LEN];
    if (c->kind == HW_CELL_INT)
        count_text(c->n, buf, sizeof buf);
    const char *s = c->kind == HW_CELL_INT ? buf : hw_doc_cell_text(c, buf, sizeof buf);
    hw_html_text(out, s);
}

/* ---- tables ---- */

static void table_html(struct hw_buf *out, const struct hw_doc_table *t, const char *id)
{
    bool *num = hw_calloc(t->ncols, sizeof *num);
    for (size_t c = 0; c < t->ncols; c++)
        num[c] = hw_doc_column_numeric(t, c);
    hw_buf_printf(out, "<div class=\"table-wrap\" id=\"%s\" role=\"region\" tabindex=\"0\"", id);
    if (t->title[0]) {
        hw_buf_puts(out, " aria-label=\"");
        hw_html_text(out, t->title);
        hw_buf_puts(out, "\"");
    }
    hw_buf_puts(out, ">\n<table>\n");
    if (t->title[0]) {
        hw_buf_puts(out, "<caption>");
        hw_html_text(out, t->title);
        hw_buf_puts(out, "</caption>\n");
    }
    hw_buf_puts(out, "<thead>\n<tr>");
    for (size_t c = 0; c < t->ncols; c++) {
        hw_buf_printf(out, "<th scope=\"col\"%s>", num[c] ? " class=\"num\"" : "");
        hw_html_text(out, t->col_titles[c]);
        hw_buf_puts(out, "</th>");
    }
    hw_buf_puts(out, "</tr>\n</thead>\n<tbody>\n");
    for (size_t r = 0; r < t->nrows; r++) {
        hw_buf_puts(out, "<tr>");
        for (size_t c = 0; c < t->ncols; c++) {
            const char *tag = c == 0 ? "th" : "td";
            hw_buf_printf(out, "<%s%s%s>", tag, c == 0 ? " scope=\"row\"" : "",
                          num[c] ? " class=\"num\"" : "");
            cell_html(out, &t->cells[r * t->ncols + c]);
            hw_buf_printf(out, "</%s>", tag);
        }
        hw_buf_puts(out, "</tr>\n");
    }
    if (t->nrows == 0)
        hw_buf_printf(out, "<tr><td colspan=\"%zu\">No rows.</td></tr>\n", t->ncols ? t->ncols : 1);
    hw_buf_puts(out, "</tbody>\n</table>\n</div>\n");
    if (t->note) {
        hw_buf_puts(out, "<p class=\"note\">Note: ");
        hw_html_text(out, t->note);
        hw_buf_puts(out, "</p>\n");
    }
    free(num);
}

/* ---- charts ---- */

/* Colours: each at least 3:1 against white (WCAG 1.4.11), and the first two
 * (this year, last year) far apart in lightness so they differ in grey. */
static const char *const palette[] = {"#003078", "#5694ca", "#d4351c",
                                      "#00703c", "#912b88", "#b45f06"};
#define NPALETTE (sizeof palette / sizeof palette[0])
/* Line styles, so lines differ without colour too. */
static const char *const dashes[] = {"", "7 4", "2 3", "10 3 2 3"};
#define NDASHES (sizeof dashes / sizeof dashes[0])

#define CHART_W     680.0
#define PLOT_H      220.0
#define CHAR_W      6.6 /* an average character at 12px */
#define CHAR_W_S    6.0 /* at 11px */
#define LABEL_CHARS 24  /* slanted category labels are cut to this, with "..." */

struct chart {
    const struct hw_doc_section *s;
    const struct hw_doc_chart *ch;
    const struct hw_doc_table *t;
    bool percent;
    long long lo, hi, step; /* the value axis */
    double left, top, plot_w, bottom_room;
    bool rotate;    /* category labels slanted */
    bool two_lines; /* category labels broken at a space */
    size_t every;   /* label every n-th category */
};

/* The value plotted for row r of series i, or false when there is none. */
static bool value_at(const struct chart *c, size_t r, size_t i, long long *v)
{
    const struct hw_cell *cell = &c->t->cells[r * c->t->ncols + c->ch->series[i]];
    if (cell->kind == HW_CELL_PERCENT && c->percent)
        *v = cell->n;
    else if (cell->kind == HW_CELL_INT && !c->percent)
        *v = cell->n;
    else
        return false;
    return true;
}

/* A round step giving at most eight intervals over range: 1, 2 or 5 times
 * a power of ten (in the unit: counts, or hundredths of a percent). */
static long long nice_step(long long range)
{
    long long want = range / 8 + (range % 8 != 0), p = 1;
    if (want < 1)
        want = 1;
    while (p <= want / 10)
        p *= 10;
    return p >= want ? p : 2 * p >= want ? 2 * p : 5 * p >= want ? 5 * p : 10 * p;
}

static double y_of(const struct chart *c, long long v)
{
    return c->top + PLOT_H - (double)(v - c->lo) * PLOT_H / (double)(c->hi - c->lo);
}

static double slot_w(const struct chart *c)
{
    return c->plot_w / (double)c->t->nrows;
}

static double x_mid(const struct chart *c, size_t r)
{
    return c->left + slot_w(c) * ((double)r + 0.5);
}

/* The label of row r (the label column's text); when cut, at most
 * LABEL_CHARS characters. */
static char *row_label(const struct chart *c, size_t r, bool cut)
{
    char buf[HW_DOC_CELL_LEN];
    const char *s =
        hw_doc_cell_text(&c->t->cells[r * c->t->ncols + c->ch->label_col], buf, sizeof buf);
    if (!cut || hw_doc_width(s) <= LABEL_CHARS)
        return hw_strdup(s);
    /* Cut from the middle, at character boundaries, so that labels that
     * differ only at their end ("Home 12, Northtown") stay apart. */
    size_t total = hw_doc_width(s), head = (LABEL_CHARS - 1) / 2;
    size_t tail = LABEL_CHARS - 1 - head, n = 0, chars = 0, from;
    while (s[n] && chars < head) {
        n++;
        while (((unsigned char)s[n] & 0xC0) == 0x80)
            n++;
        chars++;
    }
    for (from = n; s[from] && chars < total - tail; chars++) {
        from++;
        while (((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
    }
    return hw_asprintf("%.*s\xE2\x80\xA6%s", (int)n, s, s + from);
}

/* Where to break s into two lines of at most max characters each: the
 * byte offset of the space that balances them best, or 0 when none does. */
static size_t split_at(const char *s, size_t max)
{
    size_t best = 0, best_long = (size_t)-1, total = hw_doc_width(s), left = 0;
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == ' ') {
            size_t right = total - left - 1;
            size_t longer = left > right ? left : right;
            if (left > 0 && right > 0 && longer <= max && longer < best_long) {
                best = i;
                best_long = longer;
            }
        }
        left += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return best;
}

/* Fixes the axis, the margins and how categories are labelled. */
static void layout(struct chart *c, size_t legend_rows)
{
    long long lo = 0, hi = 0;
    for (size_t r = 0; r < c->t->nrows; r++)
        for (size_t i = 0; i < c->ch->nseries; i++) {
            long long v;
            if (value_at(c, r, i, &v)) {
                lo = v < lo ? v : lo;
                hi = v > hi ? v : hi;
            }
        }
    if (c->ch->target >= 0)
        hi = c->ch->target > hi ? c->ch->target : hi;
    if (hi == lo)
        hi = lo + (c->percent ? 100 : 1);
    /* Headroom for the bars' numbers and the target's label (and, under
     * zero, for the numbers under bars that go down). */
    long long room = (hi - lo) / 12;
    hi += room;
    if (lo < 0)
        lo -= room;
    c->step = nice_step(hi - lo);
    c->lo = lo >= 0 ? 0 : -((-lo + c->step - 1) / c->step) * c->step;
    c->hi = (hi + c->step - 1) / c->step * c->step;

    size_t tick_chars = 1;
    for (long long v = c->lo; v <= c->hi; v += c->step) {
        char buf[HW_DOC_CELL_LEN];
        tick_text(v, c->percent, buf, sizeof buf);
        if (strlen(buf) > tick_chars)
            tick_chars = strlen(buf);
    }
    c->left = 14 + (double)tick_chars * CHAR_W;
    c->top = 12 + (double)legend_rows * 20;
    c->plot_w = CHART_W - c->left - 12;

    /* Category labels: on one line, else on two, else slanted (and cut). */
    double slot = slot_w(c);
    size_t fit = slot > 6 ? (size_t)((slot - 6) / CHAR_W) : 0;
    size_t widest = 0, n = c->t->nrows;
    c->two_lines = false;
    c->rotate = false;
    for (size_t r = 0; r < n; r++) {
        char *l = row_label(c, r, false);
        size_t w = hw_doc_width(l);
        if (w > fit) {
            if (split_at(l, fit))
                c->two_lines = true;
            else
                c->rotate = true;
        }
        free(l);
        l = row_label(c, r, true);
        w = hw_doc_width(l);
        widest = w > widest ? w : widest;
        free(l);
    }
    c->every = 1;
    if (c->rotate) {
        /* The first label, slanted down to the left, must not run off the
         * chart: widen the left margin for it. */
        double reach = (double)widest * CHAR_W * 0.71 - slot / 2 + 2;
        if (reach > c->left) {
            c->left = reach;
            c->plot_w = CHART_W - c->left - 12;
            slot = slot_w(c);
        }
        /* At 45 degrees a label needs about 14px of slot; use every n-th. */
        while (slot * (double)c->every < 14)
            c->every++;
        c->bottom_room = 18 + (double)widest * CHAR_W * 0.72;
    } else {
        c->bottom_room = c->two_lines ? 40 : 26;
    }
}

/* How many rows the legend takes, and where each entry goes. */
static size_t legend_rows(const struct chart *c, bool target)
{
    double x = 20; /* as legend_svg lays them out */
    size_t rows = 1;
    for (size_t i = 0; i <= c->ch->nseries; i++) {
        if (i == c->ch->nseries && !target)
            break;
        const char *name = i < c->ch->nseries ? c->t->col_titles[c->ch->series[i]] : "Target";
        double w = 28 + (double)hw_doc_width(name) * CHAR_W + 16;
        if (x > 20 && x + w > CHART_W - 20) {
            rows++;
            x = 20;
        }
        x += w;
    }
    return rows;
}

static void legend_svg(struct hw_buf *out, const struct chart *c, bool target)
{
    double x = 20, y = 12;
    hw_buf_puts(out, "<g class=\"legend\">\n");
    for (size_t i = 0; i <= c->ch->nseries; i++) {
        if (i == c->ch->nseries && !target)
            break;
        const char *name = i < c->ch->nseries ? c->t->col_titles[c->ch->series[i]] : "Target";
        double w = 28 + (double)hw_doc_width(name) * CHAR_W + 16;
        if (x > 20 && x + w > CHART_W - 20) {
            x = 20;
            y += 20;
        }
        if (i == c->ch->nseries)
            hw_buf_printf(
                out,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b0c0c\" "
                "stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\n",
                x, x + 22, y, y);
        else if (c->ch->kind == HW_CHART_BAR)
            hw_buf_printf(out,
                          "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"%s\"/>\n",
                          x + 4, y - 7, palette[i % NPALETTE]);
        else
            hw_buf_printf(out,
                          "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                          "stroke-width=\"2.5\" stroke-dasharray=\"%s\"/>\n",
                          x, x + 22, y, y, palette[i % NPALETTE], dashes[i % NDASHES]);
        hw_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">", x + 28, y + 4);
        hw_html_text(out, name);
        hw_buf_puts(out, "</text>\n");
        x += w;
    }
    hw_buf_puts(out, "</g>\n");
}

static void axes_svg(struct hw_buf *out, const struct chart *c)
{
    double right = c->left + c->plot_w;
    hw_buf_puts(out, "<g class=\"grid\" stroke=\"#b1b4b6\" stroke-width=\"1\">\n");
    for (long long v = c->lo; v <= c->hi; v += c->step)
        if (v != 0)
            hw_buf_printf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>\n", c->left,
                          right, y_of(c, v), y_of(c, v));
    hw_buf_puts(out, "</g>\n<g class=\"ticks\" text-anchor=\"end\" fill=\"#0b0c0c\">\n");
    for (long long v = c->lo; v <= c->hi; v += c->step) {
        char buf[HW_DOC_CELL_LEN];
        tick_text(v, c->percent, buf, sizeof buf);
        hw_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", c->left - 6, y_of(c, v) + 4,
                      buf);
    }
    hw_buf_puts(out, "</g>\n");
    /* The categories, under the plot. */
    double base = c->top + PLOT_H;
    hw_buf_puts(out, "<g class=\"categories\" fill=\"#0b0c0c\">\n");
    size_t fit = slot_w(c) > 6 ? (size_t)((slot_w(c) - 6) / CHAR_W) : 0;
    for (size_t r = 0; r < c->t->nrows; r += c->every) {
        char *l = row_label(c, r, c->rotate);
        double x = x_mid(c, r);
        size_t at = c->two_lines && hw_doc_width(l) > fit ? split_at(l, fit) : 0;
        if (c->rotate) {
            hw_buf_printf(out,
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
                          "transform=\"rotate(-45 %.1f %.1f)\">",
                          x + 4, base + 14, x + 4, base + 14);
            hw_html_text(out, l);
        } else if (at) {
            l[at] = '\0';
            hw_buf_printf(out, "<text text-anchor=\"middle\"><tspan x=\"%.1f\" y=\"%.1f\">", x,
                          base + 17);
            hw_html_text(out, l);
            hw_buf_printf(out, "</tspan><tspan x=\"%.1f\" y=\"%.1f\">", x, base + 32);
            hw_html_text(out, l + at + 1);
            hw_buf_puts(out, "</tspan>");
        } else {
            hw_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", x, base + 17);
            hw_html_text(out, l);
        }
        hw_buf_puts(out, "</text>\n");
        free(l);
    }
    hw_buf_puts(out, "</g>\n");
}

/* The zero line (the axis bars stand on) and the target, drawn over the data. */
static void baseline_target_svg(struct hw_buf *out, const struct chart *c)
{
    double right = c->left + c->plot_w;
    hw_buf_printf(out,
                  "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b0c0c\" "
                  "stroke-width=\"1.5\"/>\n",
                  c->left, right, y_of(c, 0), y_of(c, 0));
    if (c->ch->target < 0)
        return;
    char buf[HW_DOC_CELL_LEN];
    double y = y_of(c, c->ch->target);
    value_text(c->ch->target, c->percent, buf, sizeof buf);
    hw_buf_printf(out,
                  "<line class=\"target\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
                  "stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\n"
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"11\" "
                  "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" "
                  "fill=\"#0b0c0c\">Target %s</text>\n",
                  c->left, right, y, y, right - 2, y - 5, buf);
}

static void bars_svg(struct hw_buf *out, const struct chart *c)
{
    size_t k = c->ch->nseries;
    double slot = slot_w(c), group = slot * 0.8;
    double bar = group / (double)k;
    if (bar > 56)
        bar = 56;
    double gap = bar > 8 ? 1.5 : 0.5;
    double zero = y_of(c, 0);
    for (size_t i = 0; i < k; i++) {
        hw_buf_printf(out, "<g class=\"series\" fill=\"%s\">\n", palette[i % NPALETTE]);
        for (size_t r = 0; r < c->t->nrows; r++) {
            long long v;
            if (!value_at(c, r, i, &v))
                continue;
            double x = x_mid(c, r) - bar * (double)k / 2 + bar * (double)i;
            double y = y_of(c, v);
            double top = v >= 0 ? y : zero, h = v >= 0 ? zero - y : y - zero;
            char val[HW_DOC_CELL_LEN];
            char *l = row_label(c, r, false);
            value_text(v, c->percent, val, sizeof val);
            hw_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                          x + gap / 2, top, bar - gap, h);
            hw_html_text(out, l);
            hw_buf_puts(out, ", ");
            hw_html_text(out, c->t->col_titles[c->ch->series[i]]);
            hw_buf_printf(out, ": %s</title></rect>\n", val);
            free(l);
        }
        hw_buf_puts(out, "</g>\n");
    }
    /* Each bar's number, where it fits above (or below) the bar. */
    hw_buf_puts(out, "<g class=\"values\" text-anchor=\"middle\" font-size=\"11\" "
                     "fill=\"#0b0c0c\">\n");
    for (size_t i = 0; i < k; i++)
        for (size_t r = 0; r < c->t->nrows; r++) {
            long long v;
            char val[HW_DOC_CELL_LEN];
            if (!value_at(c, r, i, &v))
                continue;
            value_text(v, c->percent, val, sizeof val);
            if ((double)strlen(val) * CHAR_W_S > bar + 2)
                continue;
            double x = x_mid(c, r) - bar * (double)k / 2 + bar * ((double)i + 0.5);
            double y = v >= 0 ? y_of(c, v) - 4 : y_of(c, v) + 12;
            hw_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", x, y, val);
        }
    hw_buf_puts(out, "</g>\n");
}

/* A marker for series i at (x, y): circle, square, triangle, diamond. */
static void marker(struct hw_buf *out, size_t i, double x, double y)
{
    switch (i % 4) {
    case 0:
        hw_buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\">", x, y);
        break;
    case 1:
        hw_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\">", x - 4, y - 4);
        break;
    case 2:
        hw_buf_printf(out, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fZ\">", x, y - 5.5, x + 5.5,
                      y + 4, x - 5.5, y + 4);
        break;
    default:
        hw_buf_printf(out, "<path d=\"M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ\">", x, y - 6,
                      x + 6, y, x, y + 6, x - 6, y);
    }
}

static const char *const marker_end[] = {"</circle>\n", "</rect>\n", "</path>\n", "</path>\n"};

static void lines_svg(struct hw_buf *out, const struct chart *c)
{
    for (size_t i = 0; i < c->ch->nseries; i++) {
        const char *colour = palette[i % NPALETTE];
        hw_buf_printf(out,
                      "<g class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" "
                      "stroke-linejoin=\"round\" stroke-dasharray=\"%s\">\n",
                      colour, dashes[i % NDASHES]);
        /* One polyline per run of values: an empty cell breaks the line. */
        bool open = false;
        for (size_t r = 0; r < c->t->nrows; r++) {
            long long v;
            if (!value_at(c, r, i, &v)) {
                if (open)
                    hw_buf_puts(out, "\"/>\n");
                open = false;
                continue;
            }
            hw_buf_printf(out, "%s%.1f,%.1f", open ? " " : "<polyline points=\"", x_mid(c, r),
                          y_of(c, v));
            open = true;
        }
        if (open)
            hw_buf_puts(out, "\"/>\n");
        hw_buf_printf(out, "</g>\n<g class=\"points\" fill=\"%s\" stroke=\"#fff\">\n", colour);
        for (size_t r = 0; r < c->t->nrows; r++) {
            long long v;
            char val[HW_DOC_CELL_LEN];
            if (!value_at(c, r, i, &v))
                continue;
            char *l = row_label(c, r, false);
            value_text(v, c->percent, val, sizeof val);
            marker(out, i, x_mid(c, r), y_of(c, v));
            hw_buf_puts(out, "<title>");
            hw_html_text(out, l);
            hw_buf_puts(out, ", ");
            hw_html_text(out, c->t->col_titles[c->ch->series[i]]);
            hw_buf_printf(out, ": %s</title>%s", val, marker_end[i % 4]);
            free(l);
        }
        hw_buf_puts(out, "</g>\n");
    }
}

/* The chart's description for screen readers: every value, series by series. */
static void desc_text(struct hw_buf *out, const struct chart *c)
{
    hw_buf_puts(out, c->ch->kind == HW_CHART_BAR ? "Bar chart. " : "Line chart. ");
    for (size_t i = 0; i < c->ch->nseries; i++) {
        hw_html_text(out, c->t->col_titles[c->ch->series[i]]);
        hw_buf_puts(out, ": ");
        for (size_t r = 0; r < c->t->nrows; r++) {
            char val[HW_DOC_CELL_LEN], label[HW_DOC_CELL_LEN];
            long long v;
            if (value_at(c, r, i, &v))
                value_text(v, c->percent, val, sizeof val);
            else
                snprintf(val, sizeof val, "%s", "no value");
            hw_buf_puts(out, r ? ", " : "");
            hw_html_text(out, hw_doc_cell_text(&c->t->cells[r * c->t->ncols + c->ch->label_col],
                                               label, sizeof label));
            hw_buf_printf(out, " %s", val);
        }
        hw_buf_puts(out, ". ");
    }
    if (c->ch->target >= 0) {
        char val[HW_DOC_CELL_LEN];
        value_text(c->ch->target, c->percent, val, sizeof val);
        hw_buf_printf(out, "Target: %s.", val);
    }
}

static void chart_html(struct hw_buf *out, const struct hw_doc_section *s,
                       const struct hw_doc_chart *ch, const char *id)
{
    /* The rows plotted: every row, or the first ch->rows. */
    struct hw_doc_table view = s->tables[ch->table];
    if (ch->rows && ch->rows < view.nrows)
        view.nrows = ch->rows;
    struct chart c = {.s = s, .ch = ch, .t = &view};
    c.percent = hw_doc_chart_percent(s, ch);
    bool target = ch->target >= 0;
    layout(&c, legend_rows(&c, target));
    double height = c.top + PLOT_H + c.bottom_room;

    hw_buf_printf(out,
                  "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                  "role=\"img\" aria-labelledby=\"%s-title %s-desc\" width=\"%.0f\" "
                  "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-family=\"system-ui,Arial,"
                  "sans-serif\" font-size=\"12\" fill=\"#0b0c0c\">\n<title id=\"%s-title\">",
                  id, id, CHART_W, height, CHART_W, height, id);
    hw_html_text(out, ch->title);
    hw_buf_printf(out, "</title>\n<desc id=\"%s-desc\">", id);
    desc_text(out, &c);
    hw_buf_puts(out, "</desc>\n");
    legend_svg(out, &c, target);
    axes_svg(out, &c);
    if (ch->kind == HW_CHART_BAR)
        bars_svg(out, &c);
    baseline_target_svg(out, &c);
    if (ch->kind != HW_CHART_BAR)
        lines_svg(out, &c);
    hw_buf_puts(out, "</svg>\n<figcaption>");
    if (ch->title[0]) {
        hw_html_text(out, ch->title);
        hw_buf_puts(out, ". ");
    }
    hw_buf_puts(out, "The numbers are in the table above");
    if (c.t->title[0] && strcmp(c.t->title, ch->title) != 0) {
        hw_buf_puts(out, ", &#8220;");
        hw_html_text(out, c.t->title);
        hw_buf_puts(out, "&#8221;");
    }
    hw_buf_puts(out, ".</figcaption>\n</figure>\n");
}

/* ---- the page ---- */

/* Text as paragraphs, one per line of s. */
static void paragraphs(struct hw_buf *out, const char *cls, const char *s)
{
    while (*s) {
        size_t n = strcspn(s, "\n");
        char *line = hw_strndup(s, n);
        if (line[strspn(line, " \t\r")]) {
            hw_buf_printf(out, "<p class=\"%s\">", cls);
            hw_html_text(out, line);
            hw_buf_puts(out, "</p>\n");
        }
        free(line);
        s += n + (s[n] == '\n');
    }
}

static void meta(struct hw_buf *out, const char *name, const char *value)
{
    if (value[0] == '\0')
        return;
    hw_buf_printf(out, "<div><dt>%s</dt><dd>", name);
    hw_html_text(out, value);
    hw_buf_puts(out, "</dd></div>\n");
}

void hw_doc_render_html(const struct hw_doc *d, struct hw_buf *out)
{
    char produced[64];
    hw_doc_produced_text(d->produced, produced, sizeof produced);
    const char *title = d->title[0] ? d->title : "Report";

    hw_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'\">\n<title>");
    hw_html_text(out, title);
    if (d->council[0]) {
        hw_buf_puts(out, " - ");
        hw_html_text(out, d->council);
    }
    if (d->period[0]) {
        hw_buf_puts(out, ", ");
        hw_html_text(out, d->period);
    }
    hw_buf_printf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<header>\n<h1>", style,
                  d->publication ? publication_style : "");
    hw_html_text(out, title);
    hw_buf_puts(out, "</h1>\n<dl class=\"meta\">\n");
    meta(out, "Council", d->council);
    meta(out, "Period", d->period);
    meta(out, "Produced", produced);
    hw_buf_puts(out, "</dl>\n");
    if (d->publication)
        hw_buf_puts(out, "<p class=\"publication\">" HW_DOC_PUBLICATION_NOTICE "</p>\n");
    if (d->nsections > 1) {
        hw_buf_puts(out, "<nav aria-label=\"Sections\">\n<ol>\n");
        for (size_t i = 0; i < d->nsections; i++) {
            const struct hw_doc_section *s = &d->sections[i];
            hw_buf_printf(out, "<li><a href=\"#s%zu\">", i + 1);
            hw_html_text(out, s->title[0] ? s->title : s->id);
            hw_buf_puts(out, "</a></li>\n");
        }
        hw_buf_puts(out, "</ol>\n</nav>\n");
    }
    hw_buf_puts(out, "</header>\n<main>\n");
    for (size_t i = 0; i < d->nsections; i++) {
        const struct hw_doc_section *s = &d->sections[i];
        /* The heading and introduction stay with the first table on paper. */
        hw_buf_printf(out,
                      "<section aria-labelledby=\"s%zu\">\n<div class=\"lead\">\n<h2 "
                      "id=\"s%zu\">",
                      i + 1, i + 1);
        hw_html_text(out, s->title[0] ? s->title : s->id);
        hw_buf_puts(out, "</h2>\n");
        if (s->intro)
            paragraphs(out, "intro", s->intro);
        hw_buf_puts(out, "</div>\n");
        /* Each table with its charts under it, so "the table above" is. */
        for (size_t t = 0; t < s->ntables; t++) {
            char id[48];
            snprintf(id, sizeof id, "s%zu-t%zu", i + 1, t + 1);
            hw_buf_puts(out, "<div class=\"block\">\n");
            table_html(out, &s->tables[t], id);
            for (size_t k = 0; k < s->ncharts; k++)
                if (s->charts[k].table == t && hw_doc_chart_ok(s, &s->charts[k])) {
                    snprintf(id, sizeof id, "s%zu-c%zu", i + 1, k + 1);
                    chart_html(out, s, &s->charts[k], id);
                }
            hw_buf_puts(out, "</div>\n");
        }
        hw_buf_puts(out, "</section>\n");
    }
    hw_buf_puts(out, "</main>\n");
    if (d->publication)
        hw_buf_puts(out,
                    "<p class=\"footnote\" id=\"footnote\">" HW_DOC_PUBLICATION_FOOTNOTE "</p>\n");
    if (produced[0])
        hw_buf_printf(out, "<footer class=\"produced\">Produced by Homeward on %s.</footer>\n",
                      produced);
    hw_buf_puts(out, "</body>\n</html>\n");
}
