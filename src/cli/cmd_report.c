/* cmd_report.c - `homeward report monthly`, `report quarterly`, `report
 * annual`. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "report/analysis.h"
#include "report/analysis_facts.h"
#include "report/monthly_report.h"
#include "report/publish.h"

static int month_arg(const struct hw_args *a, const char *name, int *y, int *m, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    if (v == NULL)
        return hw_fail(err, HW_EINPUT, "--%s is required (YYYY-MM)", name);
    if (hw_parse_month(v, y, m) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': expected a month as YYYY-MM", name, v);
    return 0;
}

static int cmd_monthly(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                       struct hw_err *err)
{
    (void)cmd;
    int fy, fm, ty, tm, fmt, rc = -1;
    struct hw_monthly m;
    struct hw_buf out = {0};
    if (month_arg(a, "from", &fy, &fm, err) < 0 || month_arg(a, "to", &ty, &tm, err) < 0 ||
        hw_report_format(a, &fmt, err) < 0 || hw_report_out_check(ctx, a, fmt, err) < 0)
        return -1;
    if (hw_ctx_store(ctx, err) < 0 || hw_monthly_build(ctx->store, fy, fm, ty, tm, &m, err) < 0)
        return -1;
    if (hw_monthly_write(&m, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, "the monthly data profile", err) < 0)
        goto done;
    rc = 0;
done:
    hw_buf_free(&out);
    hw_monthly_free(&m);
    return rc;
}

/* ---- the quarterly and annual analyses ---- */

/* The children of a cohort file: one child ID a line (blank lines and
 * lines starting with '#' skipped; a header "child_id" allowed). */
static int read_cohort(const char *path, char ***ids, size_t *n, struct hw_err *err)
{
    FILE *fp = fopen(path, "r");
    char line[512];
    size_t lineno = 0;
    *ids = NULL;
    *n = 0;
    if (fp == NULL)
        return hw_fail(err, HW_EINPUT, "--cohort-file: cannot read %s: %s", path, strerror(errno));
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        size_t len = strcspn(line, "\r\n");
        if (line[len] == '\0' && !feof(fp)) {
            fclose(fp);
            return hw_fail(err, HW_EINPUT, "%s:%zu: the line is too long for a child ID", path,
                           lineno);
        }
        line[len] = '\0';
        char *id = line;
        while (isspace((unsigned char)*id))
            id++;
        for (char *end = id + strlen(id); end > id && isspace((unsigned char)end[-1]);)
            *--end = '\0';
        if (*id == '\0' || *id == '#' || (lineno == 1 && strcmp(id, "child_id") == 0))
            continue;
        for (const char *c = id; *c; c++)
            if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_' && *c != '/' && *c != '.') {
                fclose(fp);
                return hw_fail(err, HW_EINPUT, "%s:%zu: '%s' is not a child ID", path, lineno, id);
            }
        *ids = hw_reallocarray(*ids, *n + 1, sizeof **ids);
        (*ids)[(*n)++] = hw_strdup(id);
    }
    fclose(fp);
    return 0;
}

static int cmd_analysis(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                        struct hw_err *err)
{
    bool quarterly = strcmp(cmd->verb, "quarterly") == 0;
    const char *year = hw_arg(a, "year"), *quarter = hw_arg(a, "quarter");
    const char *council = hw_arg(a, "council"), *cohort_file = hw_arg(a, "cohort-file");
    const char *cohort_from = hw_arg(a, "cohort-from");
    int fy, q = 0, fmt, rc = -1;
    struct hw_period p;
    struct hw_afacts f = {0};
    struct hw_doc d = {0};
    struct hw_buf out = {0};
    char **cohort = NULL;
    size_t ncohort = 0;
    struct hw_analysis_opts o = {
        .reasons = &ctx->reasons, .top = 10, .cohort_name = hw_arg(a, "cohort-name")};
    if (year == NULL)
        return hw_fail(err, HW_EINPUT, "--year is required: a financial year such as 2016-17");
    if (hw_parse_fy(year, &fy) < 0)
        return hw_fail(err, HW_EINPUT, "--year: '%s': expected a financial year such as 2016-17",
                       year);
    if (quarterly) {
        if (quarter == NULL)
            return hw_fail(err, HW_EINPUT, "--quarter is required: 1 (April-June) to 4");
        if (strlen(quarter) != 1 || quarter[0] < '1' || quarter[0] > '4')
            return hw_fail(err, HW_EINPUT, "--quarter: '%s': expected 1, 2, 3 or 4", quarter);
        q = quarter[0] - '0';
    }
    if ((cohort_file == NULL) != (cohort_from == NULL))
        return hw_fail(err, HW_EINPUT, "--cohort-file and --cohort-from go together");
    if (cohort_from && hw_parse_date(cohort_from, &o.cohort_from) < 0)
        return hw_fail(err, HW_EINPUT, "--cohort-from: '%s': expected a date as YYYY-MM-DD",
                       cohort_from);
    if (council == NULL)
        council = getenv("HOMEWARD_COUNCIL");
    if (hw_report_format(a, &fmt, err) < 0 || hw_report_out_check(ctx, a, fmt, err) < 0)
        return -1;
    hw_period_init(&p, fy, q);
    if (cohort_file && read_cohort(cohort_file, &cohort, &ncohort, err) < 0)
        goto done;
    o.cohort = (const char *const *)cohort;
    o.ncohort = ncohort;
    if (o.cohort_name == NULL && cohort_file)
        o.cohort_name = cohort_file;
    if (hw_ctx_store(ctx, err) < 0 ||
        hw_afacts_load(ctx->store, &ctx->cfg, p.prev_from, p.to, ctx->now, &f, err) < 0)
        goto done;
    char title[96];
    snprintf(title, sizeof title, "%s analysis: children missing from home and care",
             quarterly ? "Quarterly" : "Annual");
    hw_doc_init(&d, title, council && *council ? council : "The council", p.label, ctx->now);
    if (hw_analysis_build(&d, &f, &p, &o, hw_arg(a, "section"), err) < 0)
        goto done;
    if (hw_flag(a, "publish"))
        hw_doc_publish(&d);
    if (hw_doc_render(&d, fmt, &out, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out,
                            quarterly ? "the quarterly analysis" : "the annual analysis", err) < 0)
        goto done;
    rc = 0;
done:
    for (size_t i = 0; i < ncohort; i++)
        free(cohort[i]);
    free(cohort);
    hw_buf_free(&out);
    hw_doc_free(&d);
    hw_afacts_free(&f);
    return rc;
}

#define ANALYSIS_OPTS                                                                              \
    {"section", "ID",                                                                              \
     "only this section (placement, monthly, case_status, duration, first_ever, age, gender, "     \
     "ethnicity, school, persistent, timescale, reasons, strategy_meetings, funnel, cohort; "      \
     "several: comma-separated)"},                                                                 \
        {"publish", NULL,                                                                          \
         "mark the report for publication: counts under 5 (and any number that would give one "    \
         "away) shown as c, tables naming children left out"},                                     \
        {"council", "NAME", "the council's name on the report (or HOMEWARD_COUNCIL)"},             \
        {"cohort-file", "FILE", "a group of children to follow: one child ID a line"},             \
        {"cohort-from", "DATE", "follow the cohort's episodes from this date (YYYY-MM-DD)"},       \
        {"cohort-name", "NAME", "what to call the cohort (default: the file's name)"},             \
        {"format", "FMT",                                                                          \
         "text (default), csv, json, html (a printable page with charts) or xlsx (a workbook, a "  \
         "sheet per section; needs --out unless the output is redirected)"},                       \
    {                                                                                              \
        "out", "FILE", "write the report to FILE (replaced only once complete)"                    \
    }

static const struct hw_opt quarterly_opts[] = {
    {"year", "YYYY-YY", "the financial year, e.g. 2016-17 (required)"},
    {"quarter", "N", "1 (April-June), 2, 3 or 4 (January-March) (required)"},
    ANALYSIS_OPTS,
    {NULL, NULL, NULL},
};

static const struct hw_opt annual_opts[] = {
    {"year", "YYYY-YY", "the financial year, e.g. 2016-17 (required)"},
    ANALYSIS_OPTS,
    {NULL, NULL, NULL},
};

static const struct hw_opt monthly_opts[] = {
    {"from", "YYYY-MM", "first month (required)"},
    {"to", "YYYY-MM", "last month (required)"},
    {"format", "FMT",
     "text (default), csv, json, html (a web page with a chart) or xlsx (an Excel workbook; "
     "needs --out unless the output is redirected)"},
    {"out", "FILE",
     "write the report to FILE (replaced only once complete) instead of standard output"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_report_cmds[] = {
    {.noun = "report",
     .verb = "monthly",
     .usage = "--from YYYY-MM --to YYYY-MM [--format text|csv|json|html|xlsx] [--out FILE]",
     .summary = "the monthly data profile: children missing, offered and done, episodes, rates",
     .opts = monthly_opts,
     .fn = cmd_monthly,
     .rectype = -1},
    {.noun = "report",
     .verb = "quarterly",
     .usage = "--year YYYY-YY --quarter N [--section ID] [--publish] [--format FMT] [--out FILE]",
     .summary = "the quarterly analysis: where from, how long, who (age, gender, ethnicity, "
                "school), interviews in timescale, strategy meetings, this year against last",
     .opts = quarterly_opts,
     .fn = cmd_analysis,
     .rectype = -1},
    {.noun = "report",
     .verb = "annual",
     .usage = "--year YYYY-YY [--section ID] [--publish] [--format FMT] [--out FILE]",
     .summary = "the annual analysis: the quarterly analysis for the whole financial year",
     .opts = annual_opts,
     .fn = cmd_analysis,
     .rectype = -1},
    {.noun = NULL},
};
