/* notices.c - notice templates: defaults, parsing, writing, rendering. */
#include "core/notices.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/routing.h"

const struct hw_code hw_notice_placeholders[] = {
    {HW_NF_COUNCIL, "council", "the responsible council, to whom the notice goes"},
    {HW_NF_OUR_COUNCIL, "our_council", "this council (HOMEWARD_COUNCIL)"},
    {HW_NF_CHILD_NAME, "child_name", "the child's first and last name"},
    {HW_NF_CHILD_ID, "child_id", "the child's ID here"},
    {HW_NF_DATE_OF_BIRTH, "date_of_birth", "the child's date of birth"},
    {HW_NF_EPISODE_ID, "episode_id", "the episode's ID here"},
    {HW_NF_LAST_SEEN, "last_seen", "when the child was last seen"},
    {HW_NF_REPORTED, "reported", "when the child was reported missing to the police"},
    {HW_NF_RETURNED, "returned", "when the child was found or returned"},
    {HW_NF_MISSING_FROM, "missing_from", "where the child went missing from"},
    {HW_NF_FOUND_LOCATION, "found_location", "where the child was found"},
    {HW_NF_POLICE_REF, "police_ref", "the police reference"},
    {HW_NF_RISK, "risk", "the police risk level"},
    {HW_NF_RHI_DUE, "rhi_due", "when the return home interview is due"},
    {HW_NF_RHI_DUE_HOURS, "rhi_due_hours", "the interview's timescale in hours (72)"},
    {0, NULL, NULL},
};

/* The defaults: what Homeward's users send unless their council writes its
 * own. Each asks for something the missing team needs back. */
static const struct hw_notices builtin = {
    .text =
        {
            /* reported */
            "To: {council}\n"
            "From: {our_council}, children missing from home and care\n"
            "Subject: {child_name} ({child_id}), placed here by you, has been reported missing\n"
            "\n"
            "{child_name}, born {date_of_birth}, whom {council} placed in our area, has been\n"
            "reported missing to the police.\n"
            "\n"
            "Our episode: {episode_id}\n"
            "Last seen: {last_seen}\n"
            "Reported to the police: {reported}\n"
            "Missing from: {missing_from}\n"
            "Police reference: {police_ref}\n"
            "Police risk level: {risk}\n"
            "\n"
            "Please make sure the child's allocated worker and team manager know, and tell us\n"
            "who we should keep informed. We will tell you when {child_name} is found.",
            /* risk_raised_high */
            "To: {council}\n"
            "From: {our_council}, children missing from home and care\n"
            "Subject: {child_name} ({child_id}), placed here by you, is missing at high risk\n"
            "\n"
            "The police now assess {child_name}, born {date_of_birth}, whom {council} placed\n"
            "in our area, as missing at high risk.\n"
            "\n"
            "Our episode: {episode_id}\n"
            "Last seen: {last_seen}\n"
            "Missing from: {missing_from}\n"
            "Police reference: {police_ref}\n"
            "\n"
            "Please tell us at once who from {council} will take part in the strategy\n"
            "discussion.",
            /* returned */
            "To: {council}\n"
            "From: {our_council}, children missing from home and care\n"
            "Subject: {child_name} ({child_id}), placed here by you, has been found\n"
            "\n"
            "{child_name}, born {date_of_birth}, whom {council} placed in our area,\n"
            "was found or returned at {returned}, having been missing since\n"
            "{last_seen}.\n"
            "\n"
            "Our episode: {episode_id}\n"
            "Missing from: {missing_from}\n"
            "Found at: {found_location}\n"
            "Police reference: {police_ref}\n"
            "\n"
            "As the responsible council you hold the return home interview, due within\n"
            "{rhi_due_hours} hours of the return: by {rhi_due}. Please confirm the interview\n"
            "has been arranged, and tell us when it is done, quoting episode {episode_id}.",
            /* rhi_overdue */
            "To: {council}\n"
            "From: {our_council}, children missing from home and care\n"
            "Subject: Return home interview for {child_name} ({child_id}) overdue\n"
            "\n"
            "{child_name}, born {date_of_birth}, whom {council} placed in our area,\n"
            "was found or returned at {returned}, having been missing since\n"
            "{last_seen} (our episode {episode_id}, police reference {police_ref}).\n"
            "\n"
            "The return home interview was due within {rhi_due_hours} hours of the return, by\n"
            "{rhi_due}, and we have no report that it has been done. Please tell us when\n"
            "it was or will be done, and by whom. If {council} cannot hold it, please\n"
            "tell us at once so that we can agree who will.",
        },
    .our_council = "The council",
};

void hw_notices_defaults(struct hw_notices *n)
{
    *n = builtin;
}

const struct hw_notices *hw_notices_builtin(void)
{
    return &builtin; /* constant: safe for every thread */
}

/* ---- placeholders ---- */

/* The field named by [b, e), or -1. */
static int field_of(const char *b, const char *e)
{
    for (const struct hw_code *c = hw_notice_placeholders; c->code; c++)
        if (strlen(c->code) == (size_t)(e - b) && memcmp(c->code, b, (size_t)(e - b)) == 0)
            return c->value;
    return -1;
}

/* Checks the placeholders of one line [b, e). */
static int check_line(const char *b, const char *e, struct hw_err *err)
{
    char list[512];
    for (const char *p = b; p < e; p++) {
        if (*p == '}' || (*p == '{' && p + 1 < e && p[1] == '{')) {
            p += p + 1 < e && p[1] == *p; /* "{{" or "}}": one brace */
            continue;
        }
        if (*p != '{')
            continue;
        const char *close = memchr(p, '}', (size_t)(e - p));
        if (close == NULL)
            return hw_fail(err, HW_EINPUT,
                           "'{' with no closing '}' (write '{{' for a brace in the text)");
        if (field_of(p + 1, close) < 0) {
            hw_code_list(hw_notice_placeholders, list, sizeof list);
            return hw_fail(err, HW_EINPUT, "unknown placeholder {%.*s}: expected one of %s",
                           (int)(close - p - 1 > 64 ? 64 : close - p - 1), p + 1, list);
        }
        p = close;
    }
    return 0;
}

void hw_notice_render(const struct hw_notices *n, int kind, const struct hw_notice_facts *f,
                      struct hw_buf *out)
{
    if (kind < 1 || kind > HW_NOTICE_KINDS)
        return;
    const char *t = n->text[kind - 1];
    for (const char *p = t; *p; p++) {
        if ((*p == '{' || *p == '}') && p[1] == *p) {
            hw_buf_putc(out, *p++);
            continue;
        }
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        int field = close ? field_of(p + 1, close) : -1;
        if (field < 0) { /* checked when parsed: only a lone '}' gets here */
            hw_buf_putc(out, *p);
            continue;
        }
        const char *v = f ? f->v[field] : NULL;
        if (v == NULL || *v == '\0')
            v = field == HW_NF_RETURNED || field == HW_NF_RHI_DUE ? "not yet" : "not recorded";
        hw_buf_puts(out, v);
        p = close;
    }
}

/* ---- the file ---- */

static bool is_blank_line(const char *b, const char *e)
{
    for (; b < e; b++)
        if (*b != ' ' && *b != '\t')
            return false;
    return true;
}

/* A "[kind]" line: sets *kind (0 when the name is unknown) and returns
 * true; false when the line is not one. */
static bool kind_line(const char *b, const char *e, int *kind, char name[48])
{
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (e - b < 3 || *b != '[' || e[-1] != ']')
        return false;
    for (const char *p = b + 1; p < e - 1; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_' || (*p >= '0' && *p <= '9')))
            return false;
    size_t len = (size_t)(e - b - 2);
    snprintf(name, 48, "%.*s", (int)(len > 40 ? 40 : len), b + 1);
    *kind = 0;
    for (const struct hw_code *c = hw_outbox_event_codes; c->code; c++)
        if (strlen(c->code) == len && memcmp(c->code, b + 1, len) == 0)
            *kind = c->value;
    return true;
}

struct parsing {
    struct hw_notices *tmp;
    int line_of[HW_NOTICE_KINDS]; /* the "[kind]" line; 0: not given */
    int kind;                     /* the template being read; 0: none yet */
    struct hw_buf text;           /* its text so far, blank lines at the end held back */
    size_t kept;                  /* text.len up to its last non-blank line */
    int err_line;                 /* an error about a whole template: its "[kind]" line */
};

/* Ends the template being read: drops its trailing blank lines, checks
 * and keeps it. */
static int finish(struct parsing *ps, struct hw_err *err)
{
    if (ps->kind == 0)
        return 0;
    const char *name = hw_code_name(hw_outbox_event_codes, ps->kind);
    ps->err_line = ps->line_of[ps->kind - 1];
    if (ps->kept == 0)
        return hw_fail(err, HW_EINPUT, "[%s] has no text", name);
    if (ps->kept > HW_NOTICE_TEXT_MAX)
        return hw_fail(err, HW_EINPUT, "[%s] is longer than %d bytes", name, HW_NOTICE_TEXT_MAX);
    ps->err_line = 0;
    memcpy(ps->tmp->text[ps->kind - 1], ps->text.data, ps->kept);
    ps->tmp->text[ps->kind - 1][ps->kept] = '\0';
    hw_buf_reset(&ps->text);
    ps->kept = 0;
    return 0;
}

/* One line [b, e) (without its newline) at lineno. */
static int parse_line(struct parsing *ps, const char *b, const char *e, int lineno,
                      struct hw_err *err)
{
    char name[48], list[128];
    int kind;
    if (b < e && *b == '#')
        return 0;
    if (kind_line(b, e, &kind, name)) {
        hw_code_list(hw_outbox_event_codes, list, sizeof list);
        if (kind == 0)
            return hw_fail(err, HW_EINPUT, "unknown notice [%s]: expected one of %s", name, list);
        if (ps->line_of[kind - 1])
            return hw_fail(err, HW_EINPUT, "[%s] given twice (first on line %d)", name,
                           ps->line_of[kind - 1]);
        if (finish(ps, err) < 0)
            return -1;
        ps->line_of[kind - 1] = lineno;
        ps->kind = kind;
        return 0;
    }
    if (ps->kind == 0) {
        if (is_blank_line(b, e))
            return 0;
        hw_code_list(hw_outbox_event_codes, list, sizeof list);
        return hw_fail(err, HW_EINPUT, "text before the first [KIND] line (KIND: %s)", list);
    }
    if (check_line(b, e, err) < 0)
        return -1;
    if (is_blank_line(b, e)) {
        if (ps->kept > 0) /* blank lines at the start are dropped */
            hw_buf_putc(&ps->text, '\n');
        return 0;
    }
    if (ps->kept > 0) /* the end of the line before */
        hw_buf_putc(&ps->text, '\n');
    hw_buf_append(&ps->text, b, (size_t)(e - b));
    ps->kept = ps->text.len;
    return 0;
}

int hw_notices_parse(const char *text, const char *filename, struct hw_notices *n,
                     struct hw_err *err)
{
    struct parsing ps = {.tmp = hw_calloc(1, sizeof *ps.tmp)};
    struct hw_err lerr;
    const char *fname = filename ? filename : "<notices>";
    int lineno = 0, rc = -1;

    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *e = nl ? nl : p + strlen(p);
        const char *end = e > p && e[-1] == '\r' ? e - 1 : e;
        lineno++;
        hw_err_clear(&lerr);
        if (parse_line(&ps, p, end, lineno, &lerr) < 0) {
            hw_fail(err, lerr.kind, "%s:%d: %s", fname, ps.err_line ? ps.err_line : lineno,
                    lerr.msg);
            goto done;
        }
        p = nl ? nl + 1 : e;
    }
    hw_err_clear(&lerr);
    if (finish(&ps, &lerr) < 0) {
        hw_fail(err, lerr.kind, "%s:%d: %s", fname, ps.err_line, lerr.msg);
        goto done;
    }
    for (int k = 0; k < HW_NOTICE_KINDS; k++)
        if (ps.line_of[k] == 0) {
            hw_fail(err, HW_EINPUT, "%s: no [%s] template: a file gives every kind (%s)", fname,
                    hw_code_name(hw_outbox_event_codes, k + 1),
                    "reported, risk_raised_high, returned, rhi_overdue");
            goto done;
        }
    memcpy(n->text, ps.tmp->text, sizeof n->text);
    rc = 0;
done:
    hw_buf_free(&ps.text);
    free(ps.tmp);
    return rc;
}

void hw_notices_write(const struct hw_notices *n, struct hw_buf *out)
{
    hw_buf_puts(out, "# Notices to the council that placed a child here. A line [KIND] starts "
                     "the template\n"
                     "# of that kind; its text runs to the next [KIND] line. Every kind is "
                     "given, once:\n");
    for (const struct hw_code *c = hw_outbox_event_codes; c->code; c++)
        hw_buf_printf(out, "#   [%s]  %s\n", c->code, c->label);
    hw_buf_puts(out, "# Lines starting with '#' are comments; blank lines at the start and end "
                     "of a template\n"
                     "# are dropped. Placeholders, filled from the records when the notice is "
                     "made ('{{' and\n"
                     "# '}}' for braces; a value not recorded reads \"not recorded\"):\n");
    for (const struct hw_code *c = hw_notice_placeholders; c->code; c++)
        hw_buf_printf(out, "#   {%s}  %s\n", c->code, c->label);
    for (int k = 0; k < HW_NOTICE_KINDS; k++)
        hw_buf_printf(out, "\n[%s]\n%s\n", hw_code_name(hw_outbox_event_codes, k + 1), n->text[k]);
}
