/* reasons.c - the reasons list: defaults, parsing, writing, checking codes. */
#include "core/reasons.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/records.h"

/* Derby's categories (seed 004 section 9), in the report's order, and
 * `other` for what none of them names. */
static const struct hw_reasons builtin = {
    {
        {"criminal_activity", "Criminal activity"},
        {"return_to_family", "Wanting to return to family"},
        {"behaviour_problems", "Behaviour problems"},
        {"with_friends", "Wanting to be with friends"},
        {"independence", "Wanting independence (including pushing boundaries)"},
        {"drugs", "Drugs"},
        {"miscommunication", "Miscommunication"},
        {"cse", "Child sexual exploitation"},
        {"housing_problems", "Housing problems"},
        {"other", "Another reason (describe it under risks)"},
    },
    10,
};

const struct hw_reasons *hw_reasons_builtin(void)
{
    return &builtin;
}

void hw_reasons_defaults(struct hw_reasons *r)
{
    *r = builtin;
}

static const struct hw_reason *find(const struct hw_reasons *r, const char *code, size_t len)
{
    for (size_t i = 0; i < r->n; i++)
        if (strlen(r->items[i].code) == len && memcmp(r->items[i].code, code, len) == 0)
            return &r->items[i];
    return NULL;
}

const char *hw_reasons_label(const struct hw_reasons *r, const char *code)
{
    const struct hw_reason *x = find(r, code, strlen(code));
    return x ? x->label : NULL;
}

/* "a|b|c": the codes of r, for messages. */
static void code_list(const struct hw_reasons *r, struct hw_buf *b)
{
    for (size_t i = 0; i < r->n; i++)
        hw_buf_printf(b, "%s%s", i ? "|" : "", r->items[i].code);
}

/* ---- parsing ---- */

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

static bool code_char(char ch, bool first)
{
    return (ch >= 'a' && ch <= 'z') || (!first && ((ch >= '0' && ch <= '9') || ch == '_'));
}

/* Parses one line [b, e) into *x. Sets *found when it holds a reason. */
static int parse_line(const char *b, const char *e, struct hw_reason *x, bool *found,
                      struct hw_err *err)
{
    *found = false;
    memset(x, 0, sizeof *x);
    while (b < e && is_blank(*b))
        b++;
    while (e > b && is_blank(e[-1]))
        e--;
    if (b == e || *b == '#') /* blank, or only a comment */
        return 0;
    const char *ce = b;
    while (ce < e && !is_blank(*ce))
        ce++;
    size_t clen = (size_t)(ce - b);
    for (size_t i = 0; i < clen; i++)
        if (!code_char(b[i], i == 0))
            return hw_fail(err, HW_EINPUT,
                           "code '%.*s': use lower-case letters, digits and '_', starting with a "
                           "letter",
                           (int)(clen < 60 ? clen : 60), b);
    if (clen > HW_REASON_CODE_MAX)
        return hw_fail(err, HW_EINPUT, "code '%.40s...' is longer than %d characters", b,
                       HW_REASON_CODE_MAX);
    const char *lb = ce;
    while (lb < e && is_blank(*lb))
        lb++;
    if (lb == e)
        return hw_fail(err, HW_EINPUT, "code '%.*s' needs its label: expected 'CODE  LABEL'",
                       (int)clen, b);
    size_t llen = (size_t)(e - lb);
    if (llen > HW_REASON_LABEL_MAX)
        return hw_fail(err, HW_EINPUT, "the label is longer than %d bytes", HW_REASON_LABEL_MAX);
    memcpy(x->code, b, clen);
    memcpy(x->label, lb, llen);
    if (hw_text_check(x->label, HW_REASON_LABEL_MAX, err) < 0)
        return -1;
    *found = true;
    return 0;
}

int hw_reasons_parse(const char *text, const char *filename, struct hw_reasons *r,
                     struct hw_err *err)
{
    struct hw_reasons *tmp = hw_calloc(1, sizeof *tmp);
    int *lines = hw_calloc(HW_REASONS_MAX, sizeof *lines);
    struct hw_err lerr;
    const char *fname = filename ? filename : "<reasons>";
    int lineno = 0, rc = -1;

    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *e = nl ? nl : p + strlen(p);
        struct hw_reason x;
        bool found;
        lineno++;
        hw_err_clear(&lerr);
        if (parse_line(p, e, &x, &found, &lerr) < 0) {
            hw_fail(err, lerr.kind, "%s:%d: %s", fname, lineno, lerr.msg);
            goto done;
        }
        if (found) {
            const struct hw_reason *dup = find(tmp, x.code, strlen(x.code));
            if (dup) {
                hw_fail(err, HW_EINPUT, "%s:%d: code '%s' is given twice (first on line %d)", fname,
                        lineno, x.code, lines[dup - tmp->items]);
                goto done;
            }
            if (tmp->n == HW_REASONS_MAX) {
                hw_fail(err, HW_EINPUT, "%s:%d: too many reasons (at most %d)", fname, lineno,
                        HW_REASONS_MAX);
                goto done;
            }
            lines[tmp->n] = lineno;
            tmp->items[tmp->n++] = x;
        }
        p = nl ? nl + 1 : e;
    }
    if (tmp->n == 0) {
        hw_fail(err, HW_EINPUT, "%s: no reasons: an interview could not record any", fname);
        goto done;
    }
    *r = *tmp;
    rc = 0;
done:
    free(lines);
    free(tmp);
    return rc;
}

/* ---- writing ---- */

void hw_reasons_write(const struct hw_reasons *r, struct hw_buf *out)
{
    size_t w = 0;
    for (size_t i = 0; i < r->n; i++) {
        size_t n = strlen(r->items[i].code);
        w = n > w ? n : w;
    }
    hw_buf_puts(out, "# The reasons children give for going missing, recorded with each interview\n"
                     "# as ';'-separated codes. One reason per line:\n"
                     "#   CODE  LABEL\n"
                     "# CODE: lower-case letters, digits and '_', starting with a letter (at most "
                     "40);\n"
                     "# LABEL: the rest of the line, what a person reads (at most 120 bytes).\n");
    for (size_t i = 0; i < r->n; i++)
        hw_buf_printf(out, "%-*s  %s\n", (int)w, r->items[i].code, r->items[i].label);
}

/* ---- checking a list of codes ---- */

int hw_reasons_normalise(const struct hw_reasons *r, const char *text, char **out,
                         struct hw_err *err)
{
    struct hw_buf b = {0}, list = {0};
    const char *cur = text ? text : "", *item;
    char low[HW_REASON_CODE_MAX + 1];
    size_t n;
    *out = NULL;
    while ((n = hw_list_next(&cur, &item)) > 0) {
        const struct hw_reason *x = NULL;
        if (n <= HW_REASON_CODE_MAX) {
            for (size_t i = 0; i < n; i++)
                low[i] = (char)tolower((unsigned char)item[i]);
            x = find(r, low, n);
        }
        if (x == NULL) {
            code_list(r, &list);
            hw_fail(err, HW_EINPUT,
                    "unknown reason '%.*s': expected ';'-separated codes of the reasons list "
                    "('homeward reasons show'): %s",
                    (int)(n < 60 ? n : 60), item, list.data ? list.data : "");
            hw_buf_free(&list);
            hw_buf_free(&b);
            return -1;
        }
        /* Each code once: find it as a whole item of what is kept so far. */
        if (b.len && hw_list_contains(b.data, x->code))
            continue;
        if (b.len)
            hw_buf_putc(&b, ';');
        hw_buf_puts(&b, x->code);
    }
    *out = b.len ? hw_buf_take(&b) : NULL;
    hw_buf_free(&b);
    return 0;
}
