/* monthly_report.c - building and rendering the monthly data profile. */
#include "report/monthly_report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

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

/* The council's own layout: months as columns, measures as rows. */
static void render_text(const struct hw_monthly *m, struct hw_buf *out)
{
    static const char *const labels[] = {
        "Children who went missing", "Children offered an RHI",     "Children with an RHI done",
        "Missing episodes",          "Episodes with an RHI done",   "RHI offer rate (children)",
        "RHI done % of episodes",    "RHI done % of episodes, LAC",
    };
    size_t ncols = m->nmonths + 1;
    const char **cells = hw_calloc(ncols, sizeof *cells);
    char(*text)[24] = hw_calloc(ncols, sizeof *text);
    struct hw_table t;

    cells[0] = "Measure";
    for (size_t i = 0; i < m->nmonths; i++) {
        snprintf(text[i + 1], sizeof text[0], "%s-%02d", month_abbr[m->rows[i].month - 1],
                 m->rows[i].year % 100);
        cells[i + 1] = text[i + 1];
    }
    hw_table_init(&t, ncols, cells);
    for (int measure = 0; measure < 8; measure++) {
        cells[0] = labels[measure];
        for (size_t i = 0; i < m->nmonths; i++) {
            const struct hw_month_row *r = &m->rows[i];
            long counts[] = {r->children_missing, r->children_offered, r->children_done,
                             r->episodes, r->episodes_done};
            long rates[] = {r->offer_rate, r->done_rate, r->lac_done_rate};
            if (measure < 5)
                snprintf(text[i + 1], sizeof text[0], "%ld", counts[measure]);
            else
                rate_text(rates[measure - 5], true, text[i + 1], sizeof text[0]);
            cells[i + 1] = text[i + 1];
        }
        hw_table_add(&t, cells);
    }
    if (m->nmonths) {
        hw_buf_printf(out, "Monthly data profile, %s %d to %s %d\n",
                      month_abbr[m->rows[0].month - 1], m->rows[0].year,
                      month_abbr[m->rows[m->nmonths - 1].month - 1], m->rows[m->nmonths - 1].year);
        hw_buf_puts(out, "Children placed here by other councils are not counted.\n\n");
    }
    hw_table_text(&t, out);
    hw_table_free(&t);
    free(text);
    free(cells);
}

/* One row per month, one column per measure: what an analyst loads. */
static void render_csv(const struct hw_monthly *m, struct hw_buf *out)
{
    static const char *const header[] = {
        "month",         "children_missing", "children_offered", "children_done", "episodes",
        "episodes_done", "offer_rate",       "done_rate",        "lac_done_rate",
    };
    char text[9][24];
    const char *cells[9];
    struct hw_table t;
    hw_table_init(&t, 9, header);
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
        hw_table_add(&t, cells);
    }
    hw_table_csv(&t, out);
    hw_table_free(&t);
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

void hw_monthly_render(const struct hw_monthly *m, enum hw_format fmt, struct hw_buf *out)
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
    }
}
