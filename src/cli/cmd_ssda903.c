/* cmd_ssda903.c - `homeward ssda903 validate`: the DfE's rules for the
 * SSDA903 return's Missing table, run over the return's CSV files before
 * the council submits it (docs/ssda903.md). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/analysis.h"
#include "core/mem.h"
#include "core/ssda903.h"
#include "io/ssda903_read.h"

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
    {.noun = NULL},
};
