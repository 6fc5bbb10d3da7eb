/* routing.c - the routing table: codes, defaults, matching, parsing, writing. */
#include "core/routing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct hw_code hw_role_codes[] = {
    {HW_ROLE_ALLOCATED_WORKER, "allocated_worker", "Allocated worker"},
    {HW_ROLE_TEAM_MANAGER, "team_manager", "Team manager"},
    {HW_ROLE_MISSING_TEAM, "missing_team", "CE and missing team"},
    {HW_ROLE_EARLY_HELP_DECISION_MAKER, "early_help_decision_maker",
     "Early-help decision maker (First Response)"},
    {HW_ROLE_FRONT_DOOR_TRIAGE_MANAGER, "front_door_triage_manager", "MASH triage manager"},
    {HW_ROLE_SENIOR_MANAGERS, "senior_managers",
     "Senior managers (need-to-know: service manager and directors)"},
    {HW_ROLE_RESPONSIBLE_COUNCIL, "responsible_council", "The council that placed the child here"},
    {0, NULL, NULL},
};

const struct hw_code hw_route_event_codes[] = {
    {HW_EVENT_REPORTED, "reported", "Reported missing"},
    {HW_EVENT_RISK_RAISED_HIGH, "risk_raised_high", "Risk raised to high while missing"},
    {HW_EVENT_RETURNED, "returned", "Found or returned"},
    {0, NULL, NULL},
};

const struct hw_code hw_outbox_event_codes[] = {
    {HW_EVENT_REPORTED, "reported", "Reported missing"},
    {HW_EVENT_RISK_RAISED_HIGH, "risk_raised_high", "Risk raised to high while missing"},
    {HW_EVENT_RETURNED, "returned", "Found or returned"},
    {HW_EVENT_RHI_OVERDUE, "rhi_overdue",
     "Return home interview not reported done within 72 hours of the return"},
    {0, NULL, NULL},
};

/* Risk levels as condition terms; "unrecorded" is HW_RISK_UNSET. */
static const struct hw_code risk_terms[] = {
    {HW_RISK_HIGH, "high", "High"},
    {HW_RISK_MEDIUM, "medium", "Medium"},
    {HW_RISK_LOW, "low", "Low"},
    {HW_RISK_UNSET, "unrecorded", "Not recorded"},
    {0, NULL, NULL},
};

#define NOT_HIGH                                                                                   \
    (HW_RISK_BIT(HW_RISK_MEDIUM) | HW_RISK_BIT(HW_RISK_LOW) | HW_RISK_BIT(HW_RISK_UNSET))

/* The defaults: BCP guidance (seed 003) sections 7, 12.1 and 12.2. For a
 * child placed here by another council only the responsible council is
 * told, and the missing team keeps the record. */
static const struct hw_route_rule default_rules[] = {
    {HW_EVENT_REPORTED,
     HW_MATCH_YES,
     HW_MATCH_NO,
     0,
     {HW_ROLE_ALLOCATED_WORKER, HW_ROLE_TEAM_MANAGER, HW_ROLE_MISSING_TEAM},
     "BCP guidance 7, 12.2: open to children's services: sent at once to the allocated worker and "
     "team manager, and to the CE and missing team"},
    {HW_EVENT_REPORTED,
     HW_MATCH_NO,
     HW_MATCH_NO,
     0,
     {HW_ROLE_MISSING_TEAM},
     "BCP guidance 12.2: not open to services: the CE and missing team complete the missing "
     "record and CE screen"},
    {HW_EVENT_REPORTED,
     HW_MATCH_NO,
     HW_MATCH_NO,
     NOT_HIGH,
     {HW_ROLE_EARLY_HELP_DECISION_MAKER},
     "BCP guidance 12.2: not open, medium or low risk: the contact goes to the First Response "
     "early-help decision maker"},
    {HW_EVENT_REPORTED,
     HW_MATCH_ANY,
     HW_MATCH_NO,
     HW_RISK_BIT(HW_RISK_HIGH),
     {HW_ROLE_FRONT_DOOR_TRIAGE_MANAGER, HW_ROLE_SENIOR_MANAGERS},
     "BCP guidance 7.1, 12.2: high risk: straight to the MASH triage manager; need-to-know to the "
     "service manager and directors"},
    {HW_EVENT_REPORTED,
     HW_MATCH_ANY,
     HW_MATCH_YES,
     0,
     {HW_ROLE_RESPONSIBLE_COUNCIL, HW_ROLE_MISSING_TEAM},
     "BCP guidance 12.1: placed by another council: forwarded to the responsible council and "
     "recorded; no RHI from this council"},
    {HW_EVENT_RISK_RAISED_HIGH,
     HW_MATCH_ANY,
     HW_MATCH_NO,
     HW_RISK_BIT(HW_RISK_HIGH),
     {HW_ROLE_FRONT_DOOR_TRIAGE_MANAGER, HW_ROLE_SENIOR_MANAGERS},
     "BCP guidance 7.1, 7.2: risk raised to high while missing: the MASH triage manager; "
     "need-to-know to the service manager and directors"},
    {HW_EVENT_RISK_RAISED_HIGH,
     HW_MATCH_ANY,
     HW_MATCH_YES,
     0,
     {HW_ROLE_MISSING_TEAM},
     "BCP guidance 12.1: placed by another council: recorded by the CE and missing team"},
    {HW_EVENT_RETURNED,
     HW_MATCH_YES,
     HW_MATCH_NO,
     0,
     {HW_ROLE_ALLOCATED_WORKER, HW_ROLE_TEAM_MANAGER},
     "BCP guidance 10, 12.2: returned, open to services: the team manager decides on the RHI and "
     "who does it"},
    {HW_EVENT_RETURNED,
     HW_MATCH_NO,
     HW_MATCH_NO,
     0,
     {HW_ROLE_MISSING_TEAM},
     "BCP guidance 12.2: returned, not open to services: the CE and missing team hold the RHI"},
    {HW_EVENT_RETURNED,
     HW_MATCH_ANY,
     HW_MATCH_YES,
     0,
     {HW_ROLE_RESPONSIBLE_COUNCIL, HW_ROLE_MISSING_TEAM},
     "BCP guidance 12.1: placed by another council: the return is forwarded to the responsible "
     "council for its RHI, and recorded"},
};

bool hw_case_status_open(int cs)
{
    return cs == HW_CS_EARLY_HELP || cs == HW_CS_CIN || cs == HW_CS_CPP || cs == HW_CS_CLA;
}

struct hw_route_facts hw_route_facts_of(const struct hw_child *child, const struct hw_episode *e)
{
    int cs = e->case_status ? e->case_status : child ? child->case_status : HW_CS_UNSET;
    return (struct hw_route_facts){
        .open = hw_case_status_open(cs),
        .ola = child && child->responsible_authority && *child->responsible_authority,
        .risk = e->risk,
    };
}

void hw_routing_defaults(struct hw_routing *r)
{
    size_t n = sizeof default_rules / sizeof default_rules[0];
    memset(r, 0, sizeof *r);
    memcpy(r->rules, default_rules, sizeof default_rules);
    r->n = n;
}

static bool match(enum hw_match m, bool v)
{
    return m == HW_MATCH_ANY || (m == HW_MATCH_YES) == v;
}

static bool applies(const struct hw_route_rule *rule, int event, const struct hw_route_facts *f)
{
    unsigned risk = f->risk >= HW_RISK_UNSET && f->risk <= HW_RISK_HIGH ? (unsigned)f->risk : 0;
    return rule->event == event && match(rule->open, f->open) && match(rule->ola, f->ola) &&
           (rule->risks == 0 || (rule->risks & HW_RISK_BIT(risk)));
}

size_t hw_route(const struct hw_routing *r, int event, const struct hw_route_facts *facts,
                struct hw_route *out, size_t max)
{
    struct hw_route found[HW_ROLE_COUNT];
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct hw_route_rule *rule = &r->rules[i];
        if (!applies(rule, event, facts))
            continue;
        for (const int *role = rule->roles; *role && role < rule->roles + HW_ROLE_COUNT; role++) {
            bool seen = false;
            for (size_t k = 0; k < n; k++)
                seen |= found[k].role == *role;
            if (!seen && n < HW_ROLE_COUNT)
                found[n++] = (struct hw_route){.role = *role, .reason = rule->reason};
        }
    }
    for (size_t k = 0; k < n && k < max; k++)
        out[k] = found[k];
    return n;
}

/* ---- parsing ---- */

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Splits s in place at blanks into at most max words; returns how many
 * there are (may exceed max). */
static size_t split_words(char *s, char **words, size_t max)
{
    size_t n = 0;
    while (*s) {
        while (is_blank(*s))
            *s++ = '\0';
        if (*s == '\0')
            break;
        if (n < max)
            words[n] = s;
        n++;
        while (*s && !is_blank(*s))
            s++;
    }
    return n;
}

/* The next item of a sep-separated list in place: returns it (NUL-ended)
 * and advances *cursor, or NULL at the end. */
static char *next_item(char **cursor, char sep)
{
    char *s = *cursor;
    if (s == NULL)
        return NULL;
    char *e = strchr(s, sep);
    if (e) {
        *e = '\0';
        *cursor = e + 1;
    } else {
        *cursor = NULL;
    }
    return s;
}

static int parse_condition(char *text, struct hw_route_rule *rule, struct hw_err *err)
{
    char list[128];
    if (strcmp(text, "any") == 0)
        return 0;
    char *cur = text, *term;
    while ((term = next_item(&cur, ',')) != NULL) {
        enum hw_match *slot = NULL, value = HW_MATCH_ANY;
        if (*term == '\0')
            return hw_fail(err, HW_EINPUT, "condition: an empty term (terms are joined by ',')");
        if (strcmp(term, "open") == 0 || strcmp(term, "not_open") == 0) {
            slot = &rule->open;
            value = term[0] == 'o' ? HW_MATCH_YES : HW_MATCH_NO;
        } else if (strcmp(term, "ola") == 0 || strcmp(term, "own") == 0) {
            slot = &rule->ola;
            value = term[1] == 'l' ? HW_MATCH_YES : HW_MATCH_NO;
        }
        if (slot) {
            if (*slot != HW_MATCH_ANY)
                return hw_fail(err, HW_EINPUT, "condition: '%s' is the second term about %s", term,
                               slot == &rule->open ? "open or not_open" : "ola or own");
            *slot = value;
            continue;
        }
        if (rule->risks)
            return hw_fail(err, HW_EINPUT,
                           "condition: '%.64s' is a second risk term (join levels with '|')", term);
        char *rcur = term, *level;
        while ((level = next_item(&rcur, '|')) != NULL) {
            int v = hw_code_parse(risk_terms, level);
            if (v < 0) {
                hw_code_list(risk_terms, list, sizeof list);
                return hw_fail(err, HW_EINPUT,
                               "condition: unknown term '%.64s': expected any, or open|not_open, "
                               "ola|own and risk levels %s, joined by ','",
                               level, list);
            }
            if (rule->risks & HW_RISK_BIT(v))
                return hw_fail(err, HW_EINPUT, "condition: risk level '%s' is given twice", level);
            rule->risks |= HW_RISK_BIT(v);
        }
    }
    return 0;
}

static int parse_recipients(char *text, struct hw_route_rule *rule, struct hw_err *err)
{
    char list[256];
    size_t n = 0;
    char *cur = text, *item;
    while ((item = next_item(&cur, ',')) != NULL) {
        int role = hw_code_parse(hw_role_codes, item);
        if (role <= 0) {
            hw_code_list(hw_role_codes, list, sizeof list);
            return hw_fail(err, HW_EINPUT, "recipients: unknown role '%.64s': expected %s", item,
                           list);
        }
        for (size_t k = 0; k < n; k++)
            if (rule->roles[k] == role)
                return hw_fail(err, HW_EINPUT, "recipients: '%s' is listed twice", item);
        rule->roles[n++] = role; /* n < HW_ROLE_COUNT: every role at most once */
    }
    if (rule->ola != HW_MATCH_YES)
        for (size_t k = 0; k < n; k++)
            if (rule->roles[k] == HW_ROLE_RESPONSIBLE_COUNCIL)
                return hw_fail(err, HW_EINPUT,
                               "recipients: responsible_council needs the condition 'ola' (only "
                               "a child placed by another council has one)");
    return 0;
}

/* Parses one line [b, e). Sets *rule_found when it holds a rule. */
static int parse_line(const char *b, const char *e, struct hw_route_rule *rule, bool *rule_found,
                      struct hw_err *err)
{
    char list[128];
    char *words[3];
    int rc = -1;
    const char *hash = memchr(b, '#', (size_t)(e - b));
    char *line = hw_strndup(b, (size_t)((hash ? hash : e) - b));
    size_t n = split_words(line, words, 3);

    *rule_found = false;
    memset(rule, 0, sizeof *rule);
    if (n == 0) { /* blank, or only a comment */
        rc = 0;
        goto done;
    }
    if (n != 3) {
        hw_fail(err, HW_EINPUT, "expected 'EVENT CONDITION RECIPIENTS # REASON', got %zu word%s", n,
                n == 1 ? "" : "s");
        goto done;
    }
    if ((rule->event = hw_code_parse(hw_route_event_codes, words[0])) <= 0) {
        hw_code_list(hw_route_event_codes, list, sizeof list);
        hw_fail(err, HW_EINPUT, "unknown event '%.64s': expected %s", words[0], list);
        goto done;
    }
    if (parse_condition(words[1], rule, err) < 0 || parse_recipients(words[2], rule, err) < 0)
        goto done;
    const char *rb = hash ? hash + 1 : e, *re = e;
    while (rb < re && is_blank(*rb))
        rb++;
    while (re > rb && is_blank(re[-1]))
        re--;
    if (rb == re) {
        hw_fail(err, HW_EINPUT, "a rule needs its reason after '#' (e.g. the guidance section)");
        goto done;
    }
    if (re - rb > HW_ROUTE_REASON_MAX) {
        hw_fail(err, HW_EINPUT, "the reason is longer than %d characters", HW_ROUTE_REASON_MAX);
        goto done;
    }
    memcpy(rule->reason, rb, (size_t)(re - rb));
    *rule_found = true;
    rc = 0;
done:
    free(line);
    return rc;
}

int hw_routing_parse(const char *text, const char *filename, struct hw_routing *r,
                     struct hw_err *err)
{
    struct hw_routing *tmp = hw_calloc(1, sizeof *tmp);
    struct hw_err lerr;
    const char *fname = filename ? filename : "<routing>";
    int lineno = 0, rc = -1;

    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *e = nl ? nl : p + strlen(p);
        struct hw_route_rule rule;
        bool found;
        lineno++;
        hw_err_clear(&lerr);
        if (parse_line(p, e, &rule, &found, &lerr) < 0) {
            hw_fail(err, lerr.kind, "%s:%d: %s", fname, lineno, lerr.msg);
            goto done;
        }
        if (found) {
            if (tmp->n == HW_ROUTE_RULES_MAX) {
                hw_fail(err, HW_EINPUT, "%s:%d: too many rules (at most %d)", fname, lineno,
                        HW_ROUTE_RULES_MAX);
                goto done;
            }
            tmp->rules[tmp->n++] = rule;
        }
        p = nl ? nl + 1 : e;
    }
    if (tmp->n == 0) {
        hw_fail(err, HW_EINPUT, "%s: no routing rules: nobody would be told", fname);
        goto done;
    }
    *r = *tmp;
    rc = 0;
done:
    free(tmp);
    return rc;
}

/* ---- writing ---- */

static void condition_text(const struct hw_route_rule *rule, struct hw_buf *b)
{
    size_t start = b->len;
    if (rule->ola != HW_MATCH_ANY)
        hw_buf_puts(b, rule->ola == HW_MATCH_YES ? "ola" : "own");
    if (rule->open != HW_MATCH_ANY)
        hw_buf_printf(b, "%s%s", b->len > start ? "," : "",
                      rule->open == HW_MATCH_YES ? "open" : "not_open");
    if (rule->risks) {
        bool first = true;
        if (b->len > start)
            hw_buf_putc(b, ',');
        for (const struct hw_code *c = risk_terms; c->code; c++)
            if (rule->risks & HW_RISK_BIT(c->value)) {
                hw_buf_printf(b, "%s%s", first ? "" : "|", c->code);
                first = false;
            }
    }
    if (b->len == start)
        hw_buf_puts(b, "any");
}

static void recipients_text(const struct hw_route_rule *rule, struct hw_buf *b)
{
    for (const int *role = rule->roles; *role && role < rule->roles + HW_ROLE_COUNT; role++)
        hw_buf_printf(b, "%s%s", role == rule->roles ? "" : ",",
                      hw_code_name(hw_role_codes, *role));
}

void hw_routing_write(const struct hw_routing *r, struct hw_buf *out)
{
    struct hw_buf cond = {0}, recip = {0};
    char events[128], roles[256], risks[64];
    size_t wev = 0, wcond = 0, wrecip = 0;

    hw_code_list(hw_route_event_codes, events, sizeof events);
    hw_code_list(hw_role_codes, roles, sizeof roles);
    hw_code_list(risk_terms, risks, sizeof risks);
    hw_buf_printf(out,
                  "# Who is told when a child goes missing. One rule per line:\n"
                  "#   EVENT  CONDITION  RECIPIENTS  # REASON (required; kept with each "
                  "notification)\n"
                  "# EVENT: %s\n"
                  "# CONDITION: any, or terms joined by ',' that must all hold: open|not_open "
                  "(case status\n"
                  "#   at the time), ola|own (placed by another council or not), risk levels "
                  "joined by '|'\n"
                  "#   (%s)\n"
                  "# RECIPIENTS: roles joined by ',': %s\n"
                  "# Every rule that holds applies; each role is told once, with the first "
                  "rule's reason.\n",
                  events, risks, roles);
    for (size_t i = 0; i < r->n; i++) {
        size_t ev = strlen(hw_code_name(hw_route_event_codes, r->rules[i].event));
        hw_buf_reset(&cond);
        hw_buf_reset(&recip);
        condition_text(&r->rules[i], &cond);
        recipients_text(&r->rules[i], &recip);
        wev = ev > wev ? ev : wev;
        wcond = cond.len > wcond ? cond.len : wcond;
        wrecip = recip.len > wrecip ? recip.len : wrecip;
    }
    for (size_t i = 0; i < r->n; i++) {
        const struct hw_route_rule *rule = &r->rules[i];
        hw_buf_reset(&cond);
        hw_buf_reset(&recip);
        condition_text(rule, &cond);
        recipients_text(rule, &recip);
        hw_buf_printf(out, "%-*s  %-*s  %-*s  # %s\n", (int)wev,
                      hw_code_name(hw_route_event_codes, rule->event), (int)wcond, cond.data,
                      (int)wrecip, recip.data, rule->reason);
    }
    hw_buf_free(&cond);
    hw_buf_free(&recip);
}

/* ---- events ---- */

size_t hw_route_events(const struct hw_episode *before, const struct hw_episode *after, int out[3])
{
    size_t n = 0;
    if (after->kind != HW_KIND_MISSING)
        return 0;
    if (before == NULL || before->kind != HW_KIND_MISSING) {
        out[n++] = HW_EVENT_REPORTED;
        if (after->returned != HW_NO_TIME)
            out[n++] = HW_EVENT_RETURNED;
        return n;
    }
    bool was_missing = before->returned == HW_NO_TIME, is_missing = after->returned == HW_NO_TIME;
    if (before->risk != HW_RISK_HIGH && after->risk == HW_RISK_HIGH && (was_missing || is_missing))
        out[n++] = HW_EVENT_RISK_RAISED_HIGH;
    if (was_missing && !is_missing)
        out[n++] = HW_EVENT_RETURNED;
    return n;
}
