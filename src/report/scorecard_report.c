/* scorecard_report.c - the scorecard as a report document. */
#include "report/scorecard_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rag.h"

static const char *const month_ids[12] = {"apr", "may", "jun", "jul", "aug", "sep",
                                          "oct", "nov", "dec", "jan", "feb", "mar"};
static const char *const month_names[12] = {"April",    "May",       "June",     "July",
                                            "August",   "September", "October",  "November",
                                            "December", "January",   "February", "March"};

/* Month index m (0 = April) of fy as a calendar year. */
static int month_year(int fy, int m)
{
    return m >= 9 ? fy + 1 : fy;
}

/* A value in the indicator's unit; HW_SC_NONE stays empty. */
static void value_cell(struct hw_cell *c, int unit, long v)
{
    if (v == HW_SC_NONE)
        return;
    if (unit == HW_SCU_RATE)
        hw_cell_percent(c, v);
    else
        hw_cell_int(c, v);
}

static void code_cell(struct hw_cell *c, const struct hw_code *codes, int v)
{
    if (v > 0)
        hw_cell_text(c, hw_code_label(codes, v));
}

enum { C_PRIORITY = 0, C_INDICATOR, C_POLARITY, C_LAST_YEAR, C_SN, C_TARGET, C_MONTHS };

int hw_scorecard_doc(struct hw_doc *d, const struct hw_afacts *f, const struct hw_scorecard *sc,
                     int fy, int nmonths, const char *council, hw_instant produced,
                     struct hw_err *err)
{
    char period[64], prev[16], title[96], intro[512];
    const char *ids[C_MONTHS + 12 + 3], *titles[C_MONTHS + 12 + 3];
    char month_titles[12][16];

    memset(d, 0, sizeof *d);
    if (nmonths < 1 || nmonths > 12)
        return hw_fail(err, HW_EINPUT, "a scorecard shows 1 to 12 months of a year, not %d",
                       nmonths);
    int last = nmonths - 1;
    if (nmonths == 12)
        snprintf(period, sizeof period, "%04d-%02d", fy, (fy + 1) % 100);
    else
        snprintf(period, sizeof period, "%04d-%02d, April to %s %d", fy, (fy + 1) % 100,
                 month_names[last], month_year(fy, last));
    snprintf(prev, sizeof prev, "%04d-%02d", fy - 1, fy % 100);
    hw_doc_init(d, "Scorecard: children missing from home and care", council, period, produced);

    snprintf(title, sizeof title, "Scorecard %04d-%02d", fy, (fy + 1) % 100);
    size_t ended = hw_sc_dot_months(fy, (size_t)nmonths, f->now);
    char dot[128];
    if (ended >= 2)
        snprintf(dot, sizeof dot, "%s against %s%s%s%s", month_names[ended - 1],
                 month_names[ended - 2], ended < (size_t)nmonths ? ", as " : "",
                 ended < (size_t)nmonths ? month_names[last] : "",
                 ended < (size_t)nmonths ? " is still in progress" : "");
    else
        snprintf(dot, sizeof dot, "none until two months have ended");
    snprintf(intro, sizeof intro,
             "Each indicator month by month (UK local time; an episode belongs to the month the "
             "child was last seen), the year to date (April to %s as one period: children "
             "counted once, rates from the totals), the direction of travel (%s) and the RAG "
             "rating of the year to date against the target (amber within the tolerance below).",
             month_names[last], dot);
    struct hw_doc_section *s = hw_doc_section(d, "scorecard", title, intro);

    size_t nc = 0;
    static const char *const head_ids[C_MONTHS] = {"priority",  "indicator",  "polarity",
                                                   "last_year", "sn_average", "target"};
    char last_year_title[32];
    snprintf(last_year_title, sizeof last_year_title, "Last year (%s)", prev);
    const char *head_titles[C_MONTHS] = {"Priority",      "Indicator",  "Polarity",
                                         last_year_title, "SN average", "Target"};
    for (; nc < C_MONTHS; nc++) {
        ids[nc] = head_ids[nc];
        titles[nc] = head_titles[nc];
    }
    for (int m = 0; m < nmonths; m++, nc++) {
        snprintf(month_titles[m], sizeof month_titles[m], "%.3s-%02d", month_names[m],
                 month_year(fy, m) % 100);
        ids[nc] = month_ids[m];
        titles[nc] = month_titles[m];
    }
    ids[nc] = "ytd", titles[nc++] = "YTD";
    ids[nc] = "dot", titles[nc++] = "DOT";
    ids[nc] = "rag", titles[nc++] = "RAG";
    size_t t = hw_doc_table(s, "indicators", "Indicators",
                            "DOT: direction of travel. SN: statistical neighbours. Rates are "
                            "percentages; an empty rate had nothing to count.",
                            nc, ids, titles);

    static const char *const def_ids[] = {"indicator", "measure", "definition", "tolerance"};
    static const char *const def_titles[] = {"Indicator", "Measure", "What is counted",
                                             "Amber within (% of target)"};
    size_t td = hw_doc_table(s, "measures", "What each indicator counts",
                             "The council's own children only, missing episodes only (not away "
                             "without authorisation), unless the definition says otherwise.",
                             4, def_ids, def_titles);

    for (size_t i = 0; i < sc->n; i++) {
        const struct hw_indicator *ind = &sc->items[i];
        const struct hw_sc_measure_info *mi = &hw_sc_measures[ind->measure];
        struct hw_sc_row row;
        hw_sc_row_compute(f, sc, ind, fy, (size_t)nmonths, &row);

        struct hw_cell *c = hw_doc_row(s, t);
        hw_cell_text(&c[C_PRIORITY], ind->priority[0] ? ind->priority : NULL);
        hw_cell_text(&c[C_INDICATOR], ind->name);
        code_cell(&c[C_POLARITY], hw_polarity_codes, ind->polarity);
        value_cell(&c[C_LAST_YEAR], mi->unit, ind->last_year);
        value_cell(&c[C_SN], mi->unit, ind->sn_average);
        value_cell(&c[C_TARGET], mi->unit, ind->target);
        for (int m = 0; m < nmonths; m++)
            value_cell(&c[C_MONTHS + m], mi->unit, row.months[m]);
        value_cell(&c[C_MONTHS + nmonths], mi->unit, row.ytd);
        code_cell(&c[C_MONTHS + nmonths + 1], hw_dot_codes, row.dot);
        code_cell(&c[C_MONTHS + nmonths + 2], hw_rag_codes, row.rag);

        c = hw_doc_row(s, td);
        hw_cell_text(&c[0], ind->name);
        hw_cell_text(&c[1], mi->code);
        hw_cell_text(&c[2], mi->definition);
        hw_cell_percent(&c[3], ind->tolerance != HW_SC_NONE ? ind->tolerance : sc->tolerance);
    }
    return 0;
}

char *hw_scorecard_filename(int fy, int nmonths, enum hw_format fmt)
{
    if (nmonths >= 12 || nmonths < 1)
        return hw_asprintf("scorecard-%04d-%02d.%s", fy, (fy + 1) % 100, hw_format_extension(fmt));
    int last = nmonths - 1;
    return hw_asprintf("scorecard-%04d-%02d-to-%04d-%02d.%s", fy, (fy + 1) % 100,
                       month_year(fy, last), (last + 3) % 12 + 1, hw_format_extension(fmt));
}
