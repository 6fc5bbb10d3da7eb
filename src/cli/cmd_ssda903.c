/* cmd_ssda903.c - `homeward ssda903 validate`: the DfE's rules for the
 * SSDA903 return's Missing table, run over the return's CSV files before
 * the council submits it (docs/ssda903.md). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "core/analysis.h"
#include "core/mem.h"
#include "core/ssda903.h"
#include "io/ssda903_import.h"
#include "io/ssda903_read.h"
#include "io/ssda903_write.h"

/* The files, in the order they are read. */
static const struct {
    const char *opt;
    enum hw_903_table table;
    bool required;
} files[] = {
    {"header", HW_903_HEADER, true},
    {"episodes", HW_903_EPISODES, true},
    {"missing", HW_903_MISSING, true},
    {"missing-last", HW_903_MISSING_LAST, false},
};

static void json_str(struct hw_buf *b, const char *s)
{
    hw_buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            hw_buf_putc(b, '\\');
            hw_buf_putc(b, (char)c);
        } else if (c < 0x20) {
            hw_buf_printf(b, "\\u%04x", c);
        } else {
            hw_buf_putc(b, (char)c);
        }
    }
    hw_buf_putc(b, '"');
}

static void render_json(const struct hw_903_errors *e, struct hw_buf *b)
{
    hw_buf_puts(b, "{\"errors\":[");
    for (size_t i = 0; i < e->n; i++) {
        const struct hw_903_error *x = &e->v[i];
        hw_buf_printf(b, "%s{\"rule\":", i ? "," : "");
        json_str(b, x->rule->code);
        hw_buf_puts(b, ",\"table\":");
        json_str(b, hw_903_table_name(x->table));
        hw_buf_printf(b, ",\"row\":%zu,\"child\":", x->row);
        json_str(b, x->child);
        hw_buf_puts(b, ",\"message\":");
        json_str(b, x->rule->message);
        hw_buf_putc(b, '}');
    }
    hw_buf_puts(b, "]}\n");
}

static const char *s_(size_t n)
{
    return n == 1 ? "" : "s";
}

static const char *table_title(enum hw_903_table t)
{
    return t == HW_903_EPISODES ? "Episodes" : t == HW_903_HEADER ? "Header" : "Missing";
}

/* By rule: the count, the message, what to correct, then each error's row,
 * file line, child and the values involved. */
static void render_text(const struct hw_903_data *d, const char *year,
                        const struct hw_903_errors *e, struct hw_buf *b)
{
    size_t nrules = 0;
    for (size_t i = 0; i < e->n; i++)
        nrules += i == 0 || e->v[i].rule != e->v[i - 1].rule;
    hw_buf_printf(b, "SSDA903 %s: Header %zu row%s, Episodes %zu row%s, Missing %zu row%s", year,
                  d->nheader, s_(d->nheader), d->nepisodes, s_(d->nepisodes), d->nmissing,
                  s_(d->nmissing));
    if (d->have_last)
        hw_buf_printf(b, ", last year's Missing %zu row%s", d->nmissing_last, s_(d->nmissing_last));
    if (e->n == 0) {
        hw_buf_puts(b, ".\nNo errors.\n");
        return;
    }
    hw_buf_printf(b, ".\n%zu error%s under %zu rule%s.\n", e->n, s_(e->n), nrules, s_(nrules));
    for (size_t i = 0; i < e->n;) {
        const struct hw_903_rule *r = e->v[i].rule;
        size_t n = 0;
        while (i + n < e->n && e->v[i + n].rule == r)
            n++;
        hw_buf_printf(b, "\nRule %s: %zu error%s in the %s table\n  %s\n  To correct: %s.\n",
                      r->code, n, s_(n), table_title(r->table), r->message, r->fix);
        for (size_t k = i; k < i + n; k++) {
            const struct hw_903_error *x = &e->v[k];
            hw_buf_printf(b, "    row %zu", x->row);
            if (x->line)
                hw_buf_printf(b, " (line %zu)", x->line);
            hw_buf_printf(b, ", child %s: %s\n", *x->child ? x->child : "(blank)", x->detail);
        }
        i += n;
    }
}

static int cmd_validate(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                        struct hw_err *err)
{
    (void)cmd;
    const char *year = hw_arg(a, "year"), *format = hw_arg(a, "format");
    int fy, rc = -1;
    bool json = false;
    struct hw_903_data d = {0};
    struct hw_903_errors e = {0};
    struct hw_buf out = {0};
    if (year == NULL)
        return hw_fail(err, HW_EINPUT, "--year is required: the collection year, such as 2022-23");
    if (hw_parse_fy(year, &fy) < 0)
        return hw_fail(err, HW_EINPUT, "--year: '%s': expected a collection year such as 2022-23",
                       year);
    if (format && strcmp(format, "json") == 0)
        json = true;
    else if (format && strcmp(format, "text") != 0)
        return hw_fail(err, HW_EINPUT, "--format: '%s': expected text or json", format);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        if (files[i].required && hw_arg(a, files[i].opt) == NULL)
            return hw_fail(err, HW_EINPUT, "--%s FILE is required", files[i].opt);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        const char *path = hw_arg(a, files[i].opt);
        if (path && hw_903_read(path, files[i].table, &d, err) < 0)
            goto done;
    }
    hw_903_validate(&d, fy, &e);
    if (json)
        render_json(&e, &out);
    else
        render_text(&d, year, &e, &out);
    hw_out(ctx, out.data, out.len);
    if (e.n) {
        hw_fail(err, HW_EINPUT, "the return has %zu error%s", e.n, s_(e.n));
        goto done;
    }
    rc = 0;
done:
    hw_buf_free(&out);
    hw_903_errors_free(&e);
    hw_903_data_free(&d);
    return rc;
}

static const struct hw_opt validate_opts[] = {
    {"year", "YYYY-YY", "the collection year, 1 April to 31 March (2022-23)"},
    {"header", "FILE", "the Header table (CSV)"},
    {"episodes", "FILE", "the Episodes table (CSV)"},
    {"missing", "FILE", "the Missing table (CSV)"},
    {"missing-last", "FILE", "last year's Missing table (CSV): rule 576 runs only with it"},
    {"format", "FMT", "text (default) or json"},
    {NULL, NULL, NULL},
};

/* The rules that need the Episodes table, which Homeward does not hold yet:
 * the export leaves them out of its own check. */
static bool needs_episodes(const char *code)
{
    static const char *const codes[] = {"575", "577", "578", "580", "581", "1012"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (strcmp(codes[i], code) == 0)
            return true;
    return false;
}

/* Writes the three tables, each whole or not at all. */
static int write_tables(const char *dir, const struct hw_903_export *x, struct hw_buf *out,
                        struct hw_err *err)
{
    static const char *const names[] = {"header.csv", "episodes.csv", "missing.csv"};
    for (size_t i = 0; i < 3; i++) {
        struct hw_buf csv = {0};
        if (i == 0)
            hw_903_export_header_csv(x, &csv);
        else if (i == 1)
            hw_903_export_episodes_csv(x, &csv);
        else
            hw_903_export_csv(x, &csv);
        char *path = hw_asprintf("%s/%s", dir, names[i]);
        int rc = hw_write_file_atomic(path, csv.data ? csv.data : "", csv.len, err);
        free(path);
        hw_buf_free(&csv);
        if (rc < 0)
            return -1;
    }
    hw_buf_printf(out,
                  "Wrote to %s: header.csv %zu row%s, episodes.csv %zu row%s, missing.csv %zu "
                  "row%s.\n",
                  dir, x->data.nheader, s_(x->data.nheader), x->data.nepisodes,
                  s_(x->data.nepisodes), x->data.nmissing, s_(x->data.nmissing));
    return 0;
}

static int cmd_export(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    const char *year = hw_arg(a, "year"), *dir = hw_arg(a, "out");
    bool force = hw_flag(a, "force");
    int fy, rc = -1;
    struct hw_903_export x = {0};
    struct hw_903_errors e = {0};
    struct hw_buf out = {0};
    size_t nerr = 0;
    char buf[HW_903_DATE_LEN];
    if (year == NULL)
        return hw_fail(err, HW_EINPUT, "--year is required: the collection year, such as 2022-23");
    if (hw_parse_fy(year, &fy) < 0)
        return hw_fail(err, HW_EINPUT, "--year: '%s': expected a collection year such as 2022-23",
                       year);
    if (dir == NULL || *dir == '\0')
        return hw_fail(err, HW_EINPUT, "--out DIR is required: where to write the tables");
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return hw_fail(err, HW_EINPUT, "--out: cannot make %s: %s", dir, strerror(errno));
    if (hw_ctx_store(ctx, err) < 0 || hw_903_export_build(ctx->store, fy, &x, err) < 0)
        goto done;
    hw_903_validate(&x.data, fy, &e);
    for (size_t i = 0; i < e.n; i++) {
        const struct hw_903_error *r = &e.v[i];
        if (!x.have_periods && needs_episodes(r->rule->code))
            continue;
        if (nerr++ == 0)
            hw_buf_printf(&out,
                          "The return would break the DfE's rules: correct these in "
                          "Homeward%s.\n",
                          force ? " (written anyway: --force)" : "");
        const char *terms = hw_903_export_terms(r->rule->code);
        if (r->table == HW_903_MISSING && r->row >= 1 && r->row <= x.data.nmissing)
            hw_buf_printf(&out, "  child %s, episode %s: %s (rule %s: %s)\n",
                          x.rows[r->row - 1].child_id, x.rows[r->row - 1].episode_id,
                          terms ? terms : r->rule->message, r->rule->code, r->detail);
        else if (r->table == HW_903_EPISODES && r->row >= 1 && r->row <= x.data.nepisodes)
            hw_buf_printf(&out, "  child %s, period of care from %s: %s (rule %s: %s)\n",
                          x.periods[r->row - 1].child_id,
                          hw_903_date_str(&x.data.episodes[r->row - 1].decom, buf),
                          terms ? terms : r->rule->message, r->rule->code, r->detail);
        else
            hw_buf_printf(&out, "  child %s: %s (rule %s: %s)\n", r->child, r->rule->message,
                          r->rule->code, r->detail);
    }
    if (x.have_periods)
        hw_buf_puts(&out, "Checked against every rule but 576 (which needs last year's "
                          "return).\n");
    else
        hw_buf_puts(&out, "Checked against the rules that need no Episodes table (1004, 1005, "
                          "1006, 564, 565, 566, 567, 570, 571, 574, 586); 575, 577, 578, 580, "
                          "581 and 1012 need the periods of care, which Homeward does not hold, "
                          "and were not run.\n");
    if (nerr && !force) {
        hw_out(ctx, out.data, out.len);
        hw_fail(err, HW_EINPUT, "%zu error%s: nothing written to %s (--force writes it anyway)",
                nerr, s_(nerr), dir);
        goto done;
    }
    if (write_tables(dir, &x, &out, err) < 0) {
        hw_out(ctx, out.data, out.len);
        goto done;
    }
    hw_buf_printf(&out, "SSDA903 %s: %zu child%s, %zu missing row%s%s.\n", year, x.data.nheader,
                  x.data.nheader == 1 ? "" : "ren", x.data.nmissing, s_(x.data.nmissing),
                  nerr ? "; the return has errors (see above)" : "");
    hw_out(ctx, out.data, out.len);
    rc = 0;
done:
    hw_buf_free(&out);
    hw_903_errors_free(&e);
    hw_903_export_free(&x);
    return rc;
}

static int cmd_import(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    const char *h = hw_arg(a, "header"), *e = hw_arg(a, "episodes"), *m = hw_arg(a, "missing");
    struct hw_903_import_result res = {0};
    if (h == NULL || e == NULL || m == NULL)
        return hw_fail(err, HW_EINPUT, "--header, --episodes and --missing are required");
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    struct hw_actor who = hw_ctx_actor(ctx, "import ssda903");
    int rc = hw_903_import(ctx->store, h, e, m, &who, &res, err);
    if (rc < 0) {
        if (res.errors.len)
            fputs(res.errors.data, stderr);
        hw_903_import_result_free(&res);
        return -1;
    }
    struct hw_buf out = {0};
    hw_buf_printf(&out,
                  "SSDA903 import: Header %zu row%s, Episodes %zu row%s, Missing %zu row%s.\n"
                  "Children: %zu added, %zu filled in, %zu unchanged.\n"
                  "Periods of care: %zu added, %zu replaced.\n"
                  "Episodes: %zu added, %zu already there.\n",
                  res.header_rows, s_(res.header_rows), res.episode_rows, s_(res.episode_rows),
                  res.missing_rows, s_(res.missing_rows), res.children_added, res.children_filled,
                  res.children_same, res.periods_added, res.periods_replaced, res.episodes_added,
                  res.episodes_same);
    hw_out(ctx, out.data, out.len);
    hw_buf_free(&out);
    hw_903_import_result_free(&res);
    return 0;
}

static const struct hw_opt import_opts[] = {
    {"header", "FILE", "the Header table (CSV)"},
    {"episodes", "FILE", "the Episodes table (CSV)"},
    {"missing", "FILE", "the Missing table (CSV)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt export_opts[] = {
    {"year", "YYYY-YY", "the collection year, 1 April to 31 March (2022-23)"},
    {"out", "DIR",
     "the directory to write header.csv, episodes.csv, missing.csv in (made if need "
     "be)"},
    {"force", NULL, "write the file even when it breaks the DfE's rules"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_ssda903_cmds[] = {
    {.noun = "ssda903",
     .verb = "validate",
     .usage = "--year YYYY-YY --header FILE --episodes FILE --missing FILE [--missing-last FILE] "
              "[--format text|json]",
     .summary = "check the SSDA903 return's Missing table against the DfE's rules (exit 1 on "
                "errors)",
     .opts = validate_opts,
     .fn = cmd_validate,
     .rectype = -1},
    {.noun = "ssda903",
     .verb = "export",
     .usage = "--year YYYY-YY --out DIR [--force]",
     .summary = "write the SSDA903 Header, Episodes and Missing tables from Homeward's records "
                "(refused when it breaks "
                "the DfE's rules, unless --force)",
     .opts = export_opts,
     .fn = cmd_export,
     .rectype = -1},
    {.noun = "ssda903",
     .verb = "import",
     .usage = "--header FILE --episodes FILE --missing FILE",
     .summary = "import an SSDA903 return's children, periods of care and missing episodes (all "
                "or nothing)",
     .opts = import_opts,
     .fn = cmd_import,
     .rectype = -1,
     .writes = true},
    {.noun = NULL},
};
