/* monthly_report.c - building and rendering the monthly data profile. */
#include "report/monthly_report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/xlsx.h"

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void add_fact(void *ctx, const struct hw_episode_fact *f)
{
    struct hw_monthly *m = ctx;
    if (f->ola) /* not this council's interview to do (001: OLAs excluded) */
        return;
    hw_monthly_add(m, f->last_seen, f->child_key, f->cla, f->offered, f->done);
}

int hw_monthly_build(struct hw_store *s, int from_year, int from_month, int to_year, int to_month,
                     struct hw_monthly *m, struct hw_err *err)
{
    if (hw_monthly_init(m, from_year, from_month, to_year, to_month) < 0)
        return hw_fail(err, HW_EINPUT,
                       "--from must not be after --to, and the range is at most 100 years");
    if (hw_store_episode_facts(s, hw_monthly_from(m), hw_monthly_to(m), add_fact, m, err) < 0) {
        hw_monthly_free(m);
        return -1;
    }
    hw_monthly_finish(m);
    return 0;
}

static void rate_text(long hundredths, bool percent_sign, char *buf, size_t size)
{
    if (hundredths == HW_NO_RATE)
        snprintf(buf, size, "%s", percent_sign ? "-" : "");
    else
        snprintf(buf, size, "%ld.%02ld%s", hundredths / 100, hundredths % 100,
                 percent_sign ? "%" : "");
}

static const char *const measure_labels[] = {
    "Children who went missing", "Children offered an RHI",     "Children with an RHI done",
    "Missing episodes",          "Episodes with an RHI done",   "RHI offer rate (children)",
    "RHI done % of episodes",    "RHI done % of episodes, LAC",
};
enum { NMEASURES = 8, NCOUNTS = 5, ROW_CHILDREN = 1, ROW_EPISODES = 4 }; /* rows of the table */

/* The council's own layout: months as columns, measures as rows; rates as
 * "32.91%", "-" when there is nothing to divide by. Months are named "Apr-17"
 * (the text table, as the council's own) or, with long_months, "Apr 2017". */
static void council_table(const struct hw_monthly *m, bool long_months, struct hw_table *t)
{
    size_t ncols = m->nmonths + 1;
    const char **cells = hw_calloc(ncols, sizeof *cells);
    char(*text)[24] = hw_calloc(ncols, sizeof *text);

    cells[0] = "Measure";
    for (size_t i = 0; i < m->nmonths; i++) {
        const struct hw_month_row *r = &m->rows[i];
        if (long_months)
            snprintf(text[i + 1], sizeof text[0], "%s %d", month_abbr[r->month - 1], r->year);
        else
            snprintf(text[i + 1], sizeof text[0], "%s-%02d", month_abbr[r->month - 1],
                     r->year % 100);
        cells[i + 1] = text[i + 1];
    }
    hw_table_init(t, ncols, cells);
    for (int measure = 0; measure < NMEASURES; measure++) {
        cells[0] = measure_labels[measure];
        for (size_t i = 0; i < m->nmonths; i++) {
            const struct hw_month_row *r = &m->rows[i];
            long counts[] = {r->children_missing, r->children_offered, r->children_done,
                             r->episodes, r->episodes_done};
            long rates[] = {r->offer_rate, r->done_rate, r->lac_done_rate};
            if (measure < NCOUNTS)
                snprintf(text[i + 1], sizeof text[0], "%ld", counts[measure]);
            else
                rate_text(rates[measure - NCOUNTS], true, text[i + 1], sizeof text[0]);
            cells[i + 1] = text[i + 1];
        }
        hw_table_add(t, cells);
    }
    free(text);
    free(cells);
}

/* "Monthly data profile, Apr 2017 to Mar 2018". */
static void title_text(const struct hw_monthly *m, struct hw_buf *out)
{
    hw_buf_puts(out, "Monthly data profile");
    if (m->nmonths)
        hw_buf_printf(out, ", %s %d to %s %d", month_abbr[m->rows[0].month - 1], m->rows[0].year,
                      month_abbr[m->rows[m->nmonths - 1].month - 1], m->rows[m->nmonths - 1].year);
}

static void render_text(const struct hw_monthly *m, struct hw_buf *out)
{
    struct hw_table t;
    council_table(m, false, &t);
    if (m->nmonths) {
        title_text(m, out);
        hw_buf_puts(out, "\nChildren placed here by other councils are not counted.\n\n");
    }
    hw_table_text(&t, out);
    hw_table_free(&t);
}

/* One row per month, one column per measure: what an analyst loads. */
static void month_rows_table(const struct hw_monthly *m, struct hw_table *t)
{
    static const char *const header[] = {
        "month",         "children_missing", "children_offered", "children_done", "episodes",
        "episodes_done", "offer_rate",       "done_rate",        "lac_done_rate",
    };
    char text[9][24];
    const char *cells[9];
    hw_table_init(t, 9, header);
    for (size_t i = 0; i < m->nmonths; i++) {
        const struct hw_month_row *r = &m->rows[i];
        snprintf(text[0], sizeof text[0], "%04d-%02d", r->year, r->month);
        snprintf(text[1], sizeof text[1], "%ld", r->children_missing);
        snprintf(text[2], sizeof text[2], "%ld", r->children_offered);
        snprintf(text[3], sizeof text[3], "%ld", r->children_done);
        snprintf(text[4], sizeof text[4], "%ld", r->episodes);
        snprintf(text[5], sizeof text[5], "%ld", r->episodes_done);
        rate_text(r->offer_rate, false, text[6], sizeof text[6]);
        rate_text(r->done_rate, false, text[7], sizeof text[7]);
        rate_text(r->lac_done_rate, false, text[8], sizeof text[8]);
        for (int c = 0; c < 9; c++)
            cells[c] = text[c];
        hw_table_add(t, cells);
    }
}

static void render_csv(const struct hw_monthly *m, struct hw_buf *out)
{
    struct hw_table t;
    month_rows_table(m, &t);
    hw_table_csv(&t, out);
    hw_table_free(&t);
}

/* What the page and the workbook say is counted (DOMAIN.md, seed 001). */
#define COUNTED                                                                                    \
    "Counted: the missing episodes of this council's own children, each in the month the child "   \
    "was last seen in (UK time), and the return home interviews (RHI) offered and done for them."
#define NOT_COUNTED                                                                                \
    "Not counted: children placed here by other councils, and absences (away from placement "      \
    "without authorisation)."

/* A round step for about four gridlines up to max: 1, 2 or 5 times a power of ten. */
static long chart_step(long max)
{
    long want = max / 4 + (max % 4 != 0), p = 1;
    while (p <= want / 10)
        p *= 10;
    return p >= want ? p : 2 * p >= want ? 2 * p : 5 * p >= want ? 5 * p : 10 * p;
}

/* A bar chart of missing episodes per month as inline SVG: named by its
 * <title> and described, month by month, by its <desc>. */
static void chart_svg(const struct hw_monthly *m, const char *range, struct hw_buf *out)
{
    enum { LEFT = 52, TOP = 20, PLOT = 180, BOTTOM = 40, SLOT = 34, BAR = 24 };
    long max = 0;
    for (size_t i = 0; i < m->nmonths; i++)
        if (m->rows[i].episodes > max)
            max = m->rows[i].episodes;
    long step = chart_step(max > 0 ? max : 1);
    long top = max > 0 ? (max + step - 1) / step * step : step;
    size_t every = 1 + (m->nmonths - (m->nmonths > 0)) / 24; /* label at most 24 months */
    size_t width = LEFT + m->nmonths * SLOT + 10, height = TOP + PLOT + BOTTOM;

    hw_buf_printf(out,
                  "<figure>\n<div class=\"wide\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                  "role=\"img\" aria-labelledby=\"chart-title chart-desc\" width=\"%zu\" "
                  "height=\"%zu\" viewBox=\"0 0 %zu %zu\" font-family=\"sans-serif\" "
                  "font-size=\"12\" fill=\"#0b0c0c\">\n",
                  width, height, width, height);
    hw_buf_puts(out, "<title id=\"chart-title\">Missing episodes per month, ");
    hw_html_text(out, range);
    hw_buf_puts(out, "</title>\n<desc id=\"chart-desc\">");
    for (size_t i = 0; i < m->nmonths; i++)
        hw_buf_printf(out, "%s%s %d: %ld", i ? "; " : "", month_abbr[m->rows[i].month - 1],
                      m->rows[i].year, m->rows[i].episodes);
    hw_buf_puts(out, ".</desc>\n<g stroke=\"#b1b4b6\">\n");
    for (long v = 0; v <= top; v += step) {
        double y = TOP + PLOT - (double)v * PLOT / (double)top;
        hw_buf_printf(out, "<line x1=\"%d\" x2=\"%zu\" y1=\"%.1f\" y2=\"%.1f\"/>\n", LEFT - 4,
                      width - 10, y, y);
    }
    hw_buf_puts(out, "</g>\n<g text-anchor=\"end\">\n");
    for (long v = 0; v <= top; v += step)
        hw_buf_printf(out, "<text x=\"%d\" y=\"%.1f\">%ld</text>\n", LEFT - 8,
                      TOP + PLOT - (double)v * PLOT / (double)top + 4, v);
    hw_buf_puts(out, "</g>\n<g fill=\"#1d70b8\">\n");
    for (size_t i = 0; i < m->nmonths; i++) {
        const struct hw_month_row *r = &m->rows[i];
        double h = (double)r->episodes * PLOT / (double)top;
        hw_buf_printf(out,
                      "<rect x=\"%zu\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>%s %d: %ld "
                      "missing episode%s</title></rect>\n",
                      LEFT + i * SLOT + (SLOT - BAR) / 2, TOP + PLOT - h, BAR, h,
                      month_abbr[r->month - 1], r->year, r->episodes, r->episodes == 1 ? "" : "s");
    }
    hw_buf_puts(out, "</g>\n<g text-anchor=\"middle\">\n");
    for (size_t i = 0; i < m->nmonths; i++) {
        const struct hw_month_row *r = &m->rows[i];
        size_t x = LEFT + i * SLOT + SLOT / 2;
        if (m->nmonths <= 24) /* room for each bar's number above it */
            hw_buf_printf(out, "<text x=\"%zu\" y=\"%.1f\" font-size=\"11\">%ld</text>\n", x,
                          TOP + PLOT - (double)r->episodes * PLOT / (double)top - 4, r->episodes);
        if (i % every == 0)
            hw_buf_printf(out, "<text x=\"%zu\" y=\"%d\">%s</text>\n", x, TOP + PLOT + 16,
                          month_abbr[r->month - 1]);
        if (i == 0 || r->month == 1)
            hw_buf_printf(out, "<text x=\"%zu\" y=\"%d\">%d</text>\n", x, TOP + PLOT + 32, r->year);
    }
    hw_buf_puts(out, "</g>\n</svg>\n</div>\n<figcaption>Missing episodes per month, ");
    hw_html_text(out, range);
    hw_buf_puts(out, " (the table above gives every number).</figcaption>\n</figure>\n");
}

static const char html_style[] =
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif;"
    "color:#0b0c0c;background:#fff;margin:1.5rem;line-height:1.4}\n"
    "h1{font-size:1.6rem;margin:0 0 1rem}\n"
    ".wide{overflow-x:auto;margin:1rem 0}\n"
    ".wide:focus{outline:3px solid #fd0}\n"
    "table{border-collapse:collapse}\n"
    "caption{text-align:left;font-weight:bold;padding:.5rem 0}\n"
    "th,td{padding:.3rem .6rem;border-bottom:1px solid #b1b4b6;text-align:left}\n"
    "thead th{border-bottom:2px solid #0b0c0c;white-space:nowrap}\n"
    "tbody th{font-weight:normal}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "figure{margin:1.5rem 0}\n"
    "@media print{.wide{overflow:visible}}\n";

static void render_html(const struct hw_monthly *m, struct hw_buf *out)
{
    struct hw_buf title = {0}, range = {0};
    struct hw_table t;
    title_text(m, &title);
    if (m->nmonths)
        hw_buf_printf(&range, "%s %d to %s %d", month_abbr[m->rows[0].month - 1], m->rows[0].year,
                      month_abbr[m->rows[m->nmonths - 1].month - 1], m->rows[m->nmonths - 1].year);
    council_table(m, true, &t);

    hw_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'\">\n<title>");
    hw_html_text(out, title.data);
    hw_buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n<h1>", html_style);
    hw_html_text(out, title.data);
    hw_buf_puts(out, "</h1>\n<p>" COUNTED "</p>\n<p>" NOT_COUNTED "</p>\n"
                     "<p>RHI: return home interview. LAC: children looked after at the time. A "
                     "rate is shown as &#8220;-&#8221; where there is nothing to divide by.</p>\n"
                     "<div class=\"wide\" role=\"region\" aria-label=\"Measures by month\" "
                     "tabindex=\"0\">\n");
    hw_table_html(&t, "Measures by month", out);
    hw_buf_puts(out, "</div>\n");
    if (m->nmonths)
        chart_svg(m, range.data, out);
    hw_buf_puts(out, "</main>\n</body>\n</html>\n");
    hw_table_free(&t);
    hw_buf_free(&range);
    hw_buf_free(&title);
}

static int render_xlsx(const struct hw_monthly *m, struct hw_buf *out, struct hw_err *err)
{
    static const enum hw_xlsx_kind kinds[] = {
        HW_XLSX_TEXT,   HW_XLSX_NUMBER,  HW_XLSX_NUMBER,  HW_XLSX_NUMBER,  HW_XLSX_NUMBER,
        HW_XLSX_NUMBER, HW_XLSX_PERCENT, HW_XLSX_PERCENT, HW_XLSX_PERCENT,
    }; /* the council table's rows and the CSV's columns alike */
    static const size_t series[] = {ROW_CHILDREN, ROW_EPISODES};
    const struct hw_xlsx_chart chart = {
        .title = "Children who went missing and missing episodes, by month",
        .y_title = "Number",
        .series = series,
        .nseries = sizeof series / sizeof series[0],
    };
    struct hw_buf title = {0};
    struct hw_table profile, by_month;
    title_text(m, &title);
    council_table(m, true, &profile);
    month_rows_table(m, &by_month);
    const struct hw_xlsx_sheet sheets[] = {
        {.name = "Monthly profile",
         .title = title.data,
         .note = NOT_COUNTED,
         .table = &profile,
         .row_kinds = kinds,
         .chart = m->nmonths ? &chart : NULL},
        {.name = "By month",
         .title = title.data,
         .note = NOT_COUNTED,
         .table = &by_month,
         .col_kinds = kinds},
    };
    int rc = hw_xlsx_write(sheets, sizeof sheets / sizeof sheets[0], out, err);
    hw_table_free(&by_month);
    hw_table_free(&profile);
    hw_buf_free(&title);
    return rc;
}

static json_t *rate_json(long hundredths)
{
    return hundredths == HW_NO_RATE ? json_null() : json_real((double)hundredths / 100.0);
}

static void render_json(const struct hw_monthly *m, struct hw_buf *out)
{
    json_t *months = json_array();
    for (size_t i = 0; i < m->nmonths; i++) {
        const struct hw_month_row *r = &m->rows[i];
        char month[16];
        snprintf(month, sizeof month, "%04d-%02d", r->year, r->month);
        json_t *o = json_object();
        json_object_set_new(o, "month", json_string(month));
        json_object_set_new(o, "children_missing", json_integer(r->children_missing));
        json_object_set_new(o, "children_offered", json_integer(r->children_offered));
        json_object_set_new(o, "children_done", json_integer(r->children_done));
        json_object_set_new(o, "episodes", json_integer(r->episodes));
        json_object_set_new(o, "episodes_done", json_integer(r->episodes_done));
        json_object_set_new(o, "offer_rate", rate_json(r->offer_rate));
        json_object_set_new(o, "done_rate", rate_json(r->done_rate));
        json_object_set_new(o, "lac_done_rate", rate_json(r->lac_done_rate));
        json_array_append_new(months, o);
    }
    json_t *root = json_object();
    json_object_set_new(root, "report", json_string("monthly"));
    json_object_set_new(root, "months", months);
    /* 15 significant digits print 32.91 as 32.91, not 32.909999999999997. */
    char *text = json_dumps(root, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    hw_buf_puts(out, text);
    hw_buf_putc(out, '\n');
    free(text);
    json_decref(root);
}

int hw_monthly_write(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out,
                     struct hw_err *err)
{
    switch (fmt) {
    case HW_FMT_TEXT:
        render_text(m, out);
        break;
    case HW_FMT_CSV:
        render_csv(m, out);
        break;
    case HW_FMT_JSON:
        render_json(m, out);
        break;
    case HW_FMT_HTML:
        render_html(m, out);
        break;
    case HW_FMT_XLSX:
        return render_xlsx(m, out, err);
    }
    return 0;
}

void hw_monthly_render(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out)
{
    struct hw_err err;
    (void)hw_monthly_write(m, fmt, out, &err);
}

char *hw_monthly_filename(const struct hw_monthly *m, enum hw_format fmt)
{
    if (m->nmonths == 0)
        return hw_asprintf("monthly-profile.%s", hw_format_extension(fmt));
    const struct hw_month_row *a = &m->rows[0], *b = &m->rows[m->nmonths - 1];
    return hw_asprintf("monthly-profile-%04d-%02d-to-%04d-%02d.%s", a->year, a->month, b->year,
                       b->month, hw_format_extension(fmt));
}
