/* test_routing.c - who is told: the default table in every branch, the
 * de-duplication of roles, the routing file (errors with file:line, a write
 * that parses back to the same table, an edited table), and the events a
 * change of an episode means. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/routing.h"

/* The roles routed, as "a,b,c". */
static void route_text(const struct hw_routing *r, int event, bool open, bool ola, int risk,
                       char *buf, size_t size)
{
    struct hw_route out[HW_ROLE_COUNT];
    struct hw_route_facts f = {.open = open, .ola = ola, .risk = risk};
    size_t n = hw_route(r, event, &f, out, HW_ROLE_COUNT);
    size_t used = 0;
    assert_true(n <= HW_ROLE_COUNT);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        assert_non_null(out[i].reason);
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "," : "",
                                 hw_code_name(hw_role_codes, out[i].role));
        assert_true(used < size);
    }
}

static void test_codes(void **state)
{
    (void)state;
    static const char *const roles[] = {"allocated_worker",
                                        "team_manager",
                                        "missing_team",
                                        "early_help_decision_maker",
                                        "front_door_triage_manager",
                                        "senior_managers",
                                        "responsible_council"};
    size_t n = 0;
    for (const struct hw_code *c = hw_role_codes; c->code; c++, n++) {
        assert_string_equal(c->code, roles[n]);
        assert_int_equal(c->value, (int)n + 1);
    }
    assert_int_equal(n, HW_ROLE_COUNT);
    assert_int_equal(hw_code_parse(hw_route_event_codes, "reported"), HW_EVENT_REPORTED);
    assert_int_equal(hw_code_parse(hw_route_event_codes, "risk_raised_high"),
                     HW_EVENT_RISK_RAISED_HIGH);
    assert_int_equal(hw_code_parse(hw_route_event_codes, "returned"), HW_EVENT_RETURNED);
    assert_int_equal(hw_code_parse(hw_route_event_codes, "found"), -1);
}

/* Every branch of the default table: each event, open or not, placed by
 * another council or not, each risk level (0: not recorded). */
static const struct branch {
    int event;
    bool open, ola;
    int risk;
    const char *roles;
} branches[] = {
#define REP      HW_EVENT_REPORTED
#define RAIS     HW_EVENT_RISK_RAISED_HIGH
#define RET      HW_EVENT_RETURNED
#define AW_TM_MT "allocated_worker,team_manager,missing_team"
#define HIGH     "front_door_triage_manager,senior_managers"
#define OLA      "responsible_council,missing_team"
    /* reported: open to services (003 7, 12.2); high risk adds the front door
     * and need-to-know (7.1) */
    {REP, true, false, HW_RISK_HIGH, AW_TM_MT "," HIGH},
    {REP, true, false, HW_RISK_MEDIUM, AW_TM_MT},
    {REP, true, false, HW_RISK_LOW, AW_TM_MT},
    {REP, true, false, HW_RISK_UNSET, AW_TM_MT},
    /* reported: not open: the missing team; medium and low to early help,
     * high to the front door (12.2) */
    {REP, false, false, HW_RISK_HIGH, "missing_team," HIGH},
    {REP, false, false, HW_RISK_MEDIUM, "missing_team,early_help_decision_maker"},
    {REP, false, false, HW_RISK_LOW, "missing_team,early_help_decision_maker"},
    {REP, false, false, HW_RISK_UNSET, "missing_team,early_help_decision_maker"},
    /* reported: placed by another council: forwarded and recorded only (12.1) */
    {REP, true, true, HW_RISK_HIGH, OLA},
    {REP, true, true, HW_RISK_MEDIUM, OLA},
    {REP, true, true, HW_RISK_LOW, OLA},
    {REP, true, true, HW_RISK_UNSET, OLA},
    {REP, false, true, HW_RISK_HIGH, OLA},
    {REP, false, true, HW_RISK_MEDIUM, OLA},
    {REP, false, true, HW_RISK_LOW, OLA},
    {REP, false, true, HW_RISK_UNSET, OLA},
    /* risk raised to high while missing (7.1); the event is only raised at
     * high, so other levels route nowhere */
    {RAIS, true, false, HW_RISK_HIGH, HIGH},
    {RAIS, true, false, HW_RISK_MEDIUM, ""},
    {RAIS, true, false, HW_RISK_LOW, ""},
    {RAIS, true, false, HW_RISK_UNSET, ""},
    {RAIS, false, false, HW_RISK_HIGH, HIGH},
    {RAIS, false, false, HW_RISK_MEDIUM, ""},
    {RAIS, false, false, HW_RISK_LOW, ""},
    {RAIS, false, false, HW_RISK_UNSET, ""},
    {RAIS, true, true, HW_RISK_HIGH, "missing_team"},
    {RAIS, true, true, HW_RISK_MEDIUM, "missing_team"},
    {RAIS, true, true, HW_RISK_LOW, "missing_team"},
    {RAIS, true, true, HW_RISK_UNSET, "missing_team"},
    {RAIS, false, true, HW_RISK_HIGH, "missing_team"},
    {RAIS, false, true, HW_RISK_MEDIUM, "missing_team"},
    {RAIS, false, true, HW_RISK_LOW, "missing_team"},
    {RAIS, false, true, HW_RISK_UNSET, "missing_team"},
    /* returned: the team manager decides on the RHI (12.2); not open: the
     * missing team; another council's child: forwarded (12.1) */
    {RET, true, false, HW_RISK_HIGH, "allocated_worker,team_manager"},
    {RET, true, false, HW_RISK_MEDIUM, "allocated_worker,team_manager"},
    {RET, true, false, HW_RISK_LOW, "allocated_worker,team_manager"},
    {RET, true, false, HW_RISK_UNSET, "allocated_worker,team_manager"},
    {RET, false, false, HW_RISK_HIGH, "missing_team"},
    {RET, false, false, HW_RISK_MEDIUM, "missing_team"},
    {RET, false, false, HW_RISK_LOW, "missing_team"},
    {RET, false, false, HW_RISK_UNSET, "missing_team"},
    {RET, true, true, HW_RISK_HIGH, OLA},
    {RET, true, true, HW_RISK_MEDIUM, OLA},
    {RET, true, true, HW_RISK_LOW, OLA},
    {RET, true, true, HW_RISK_UNSET, OLA},
    {RET, false, true, HW_RISK_HIGH, OLA},
    {RET, false, true, HW_RISK_MEDIUM, OLA},
    {RET, false, true, HW_RISK_LOW, OLA},
    {RET, false, true, HW_RISK_UNSET, OLA},
#undef REP
#undef RAIS
#undef RET
#undef AW_TM_MT
#undef HIGH
#undef OLA
};

static void test_default_every_branch(void **state)
{
    (void)state;
    struct hw_routing r;
    char got[512];
    size_t n = sizeof branches / sizeof branches[0];
    hw_routing_defaults(&r);
    assert_int_equal(n, 3 * 2 * 2 * 4);
    for (size_t i = 0; i < n; i++) {
        const struct branch *b = &branches[i];
        route_text(&r, b->event, b->open, b->ola, b->risk, got, sizeof got);
        if (strcmp(got, b->roles) != 0)
            fail_msg("%s, %s, %s, risk %s: got '%s', expected '%s'",
                     hw_code_name(hw_route_event_codes, b->event), b->open ? "open" : "not open",
                     b->ola ? "ola" : "own", b->risk ? hw_code_name(hw_risk_codes, b->risk) : "-",
                     got, b->roles);
    }
}

/* Each route carries the reason of the first rule naming its role, naming
 * the guidance section. */
static void test_default_reasons(void **state)
{
    (void)state;
    struct hw_routing r;
    struct hw_route out[HW_ROLE_COUNT];
    struct hw_route_facts f = {.open = false, .ola = false, .risk = HW_RISK_HIGH};
    hw_routing_defaults(&r);
    assert_int_equal(hw_route(&r, HW_EVENT_REPORTED, &f, out, HW_ROLE_COUNT), 3);
    assert_int_equal(out[0].role, HW_ROLE_MISSING_TEAM);
    assert_string_equal(out[0].reason, "BCP guidance 12.2: not open to services: the CE and "
                                       "missing team complete the missing record and CE screen");
    assert_int_equal(out[1].role, HW_ROLE_FRONT_DOOR_TRIAGE_MANAGER);
    assert_string_equal(out[1].reason,
                        "BCP guidance 7.1, 12.2: high risk: straight to the MASH triage manager; "
                        "need-to-know to the service manager and directors");
    assert_ptr_equal(out[2].reason, out[1].reason);

    f = (struct hw_route_facts){.open = true, .ola = true, .risk = HW_RISK_MEDIUM};
    assert_int_equal(hw_route(&r, HW_EVENT_REPORTED, &f, out, HW_ROLE_COUNT), 2);
    assert_int_equal(out[0].role, HW_ROLE_RESPONSIBLE_COUNCIL);
    assert_string_equal(out[0].reason,
                        "BCP guidance 12.1: placed by another council: forwarded to the "
                        "responsible council and recorded; no RHI from this council");
    for (size_t i = 0; i < r.n; i++)
        assert_non_null(strstr(r.rules[i].reason, "BCP guidance "));
}

/* A role named by several applying rules is told once, with the first
 * rule's reason; fewer slots than routes still counts them all. */
static void test_dedup_and_max(void **state)
{
    (void)state;
    struct hw_routing r;
    struct hw_err err;
    struct hw_route out[HW_ROLE_COUNT];
    struct hw_route_facts f = {.open = true, .ola = false, .risk = HW_RISK_HIGH};
    const char *text = "reported any      missing_team,team_manager  # first\n"
                       "reported open     team_manager,senior_managers  # second\n"
                       "reported high     missing_team,senior_managers,allocated_worker  # third\n"
                       "returned any      allocated_worker  # not this event\n";
    assert_int_equal(hw_routing_parse(text, "t.routing", &r, &err), 0);
    assert_int_equal(r.n, 4);
    assert_int_equal(hw_route(&r, HW_EVENT_REPORTED, &f, out, HW_ROLE_COUNT), 4);
    assert_int_equal(out[0].role, HW_ROLE_MISSING_TEAM);
    assert_string_equal(out[0].reason, "first");
    assert_int_equal(out[1].role, HW_ROLE_TEAM_MANAGER);
    assert_string_equal(out[1].reason, "first");
    assert_int_equal(out[2].role, HW_ROLE_SENIOR_MANAGERS);
    assert_string_equal(out[2].reason, "second");
    assert_int_equal(out[3].role, HW_ROLE_ALLOCATED_WORKER);
    assert_string_equal(out[3].reason, "third");

    struct hw_route two[2] = {{0, NULL}, {0, NULL}};
    assert_int_equal(hw_route(&r, HW_EVENT_REPORTED, &f, two, 2), 4);
    assert_int_equal(two[0].role, HW_ROLE_MISSING_TEAM);
    assert_int_equal(two[1].role, HW_ROLE_TEAM_MANAGER);
    assert_int_equal(hw_route(&r, HW_EVENT_REPORTED, &f, NULL, 0), 4);
    assert_int_equal(hw_route(&r, HW_EVENT_RISK_RAISED_HIGH, &f, out, HW_ROLE_COUNT), 0);
}

static void assert_rules_equal(const struct hw_routing *a, const struct hw_routing *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++) {
        const struct hw_route_rule *x = &a->rules[i], *y = &b->rules[i];
        assert_int_equal(x->event, y->event);
        assert_int_equal(x->open, y->open);
        assert_int_equal(x->ola, y->ola);
        assert_int_equal(x->risks, y->risks);
        for (int k = 0; k <= HW_ROLE_COUNT; k++)
            assert_int_equal(x->roles[k], y->roles[k]);
        assert_string_equal(x->reason, y->reason);
    }
}

/* The written table is a routing file that reads back to the same table,
 * and writes back to the same text. */
static void test_write_parse_round_trip(void **state)
{
    (void)state;
    struct hw_routing def, back;
    struct hw_buf a = {0}, b = {0};
    struct hw_err err;
    hw_routing_defaults(&def);
    assert_int_equal(def.n, 10);
    hw_routing_write(&def, &a);
    memset(&back, 0x5a, sizeof back);
    if (hw_routing_parse(a.data, "defaults.routing", &back, &err) != 0)
        fail_msg("%s", err.msg);
    assert_rules_equal(&def, &back);
    hw_routing_write(&back, &b);
    assert_string_equal(a.data, b.data);
    /* one line per rule, the header lines are comments */
    assert_non_null(strstr(a.data, "\nreported          own,open                            "
                                   "allocated_worker,team_manager,missing_team  # BCP guidance 7, "
                                   "12.2: open to children's services"));
    assert_non_null(strstr(a.data, "\nreported          own,not_open,medium|low|unrecorded  "
                                   "early_help_decision_maker  "));
    assert_non_null(strstr(a.data, "\nreturned          ola                                 "
                                   "responsible_council,missing_team            # BCP guidance "
                                   "12.1"));
    hw_buf_free(&a);
    hw_buf_free(&b);
}

/* An edited table changes who is told; comments, blank lines, CRLF and
 * extra blanks are allowed; the conditions' terms combine. */
static void test_edited_table(void **state)
{
    (void)state;
    struct hw_routing r;
    struct hw_err err;
    char got[512];
    const char *text =
        "# our council: the missing team hears of everything\r\n"
        "\r\n"
        "reported\tany  missing_team  # ours 1\r\n"
        "  reported   not_open,own,unrecorded|low   early_help_decision_maker # ours 2\n"
        "reported ola,high responsible_council,senior_managers #ours 3\n"
        "returned open allocated_worker,missing_team # ours 4";
    hw_routing_defaults(&r);
    if (hw_routing_parse(text, "ours.routing", &r, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(r.n, 4);
    assert_string_equal(r.rules[1].reason, "ours 2");
    assert_string_equal(r.rules[2].reason, "ours 3");
    assert_int_equal(r.rules[1].risks, HW_RISK_BIT(HW_RISK_UNSET) | HW_RISK_BIT(HW_RISK_LOW));

    route_text(&r, HW_EVENT_REPORTED, true, false, HW_RISK_HIGH, got, sizeof got);
    assert_string_equal(got, "missing_team"); /* the defaults would tell five */
    route_text(&r, HW_EVENT_REPORTED, false, false, HW_RISK_LOW, got, sizeof got);
    assert_string_equal(got, "missing_team,early_help_decision_maker");
    route_text(&r, HW_EVENT_REPORTED, false, false, HW_RISK_MEDIUM, got, sizeof got);
    assert_string_equal(got, "missing_team");
    route_text(&r, HW_EVENT_REPORTED, false, true, HW_RISK_LOW, got, sizeof got);
    assert_string_equal(got, "missing_team");
    route_text(&r, HW_EVENT_REPORTED, false, true, HW_RISK_HIGH, got, sizeof got);
    assert_string_equal(got, "missing_team,responsible_council,senior_managers");
    route_text(&r, HW_EVENT_RETURNED, true, true, HW_RISK_LOW, got, sizeof got);
    assert_string_equal(got, "allocated_worker,missing_team");
    route_text(&r, HW_EVENT_RETURNED, false, false, HW_RISK_LOW, got, sizeof got);
    assert_string_equal(got, "");
    route_text(&r, HW_EVENT_RISK_RAISED_HIGH, true, false, HW_RISK_HIGH, got, sizeof got);
    assert_string_equal(got, "");
}

/* Every error names file:line and what was expected; nothing changes. */
static void test_parse_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"reported any missing_team # ok\nreported any\n",
         "r.txt:2: expected 'EVENT CONDITION RECIPIENTS # REASON', got 2 words"},
        {"reported any missing_team team_manager # four\n",
         "r.txt:1: expected 'EVENT CONDITION RECIPIENTS # REASON', got 4 words"},
        {"\n\nfound any missing_team # x\n",
         "r.txt:3: unknown event 'found': expected reported|risk_raised_high|returned"},
        {"reported opne missing_team # x\n",
         "r.txt:1: condition: unknown term 'opne': expected any, or open|not_open, ola|own and "
         "risk levels high|medium|low|unrecorded, joined by ','"},
        {"reported high|severe missing_team # x\n",
         "r.txt:1: condition: unknown term 'severe': expected any, or open|not_open, ola|own and "
         "risk levels high|medium|low|unrecorded, joined by ','"},
        {"reported open,not_open missing_team # x\n",
         "r.txt:1: condition: 'not_open' is the second term about open or not_open"},
        {"reported own,ola missing_team # x\n",
         "r.txt:1: condition: 'ola' is the second term about ola or own"},
        {"reported high,low missing_team # x\n",
         "r.txt:1: condition: 'low' is a second risk term (join levels with '|')"},
        {"reported low|low missing_team # x\n",
         "r.txt:1: condition: risk level 'low' is given twice"},
        {"reported open,,high missing_team # x\n",
         "r.txt:1: condition: an empty term (terms are joined by ',')"},
        {"reported any,open missing_team # x\n",
         "r.txt:1: condition: unknown term 'any': expected any, or open|not_open, ola|own and "
         "risk levels high|medium|low|unrecorded, joined by ','"},
        {"reported any social_worker # x\n",
         "r.txt:1: recipients: unknown role 'social_worker': expected "
         "allocated_worker|team_manager|missing_team|early_help_decision_maker|front_door_triage_"
         "manager|senior_managers|responsible_council"},
        {"reported any missing_team,missing_team # x\n",
         "r.txt:1: recipients: 'missing_team' is listed twice"},
        {"returned open responsible_council # x\n",
         "r.txt:1: recipients: responsible_council needs the condition 'ola' (only a child "
         "placed by another council has one)"},
        {"# only comments\nreported any missing_team\n",
         "r.txt:2: a rule needs its reason after '#' (e.g. the guidance section)"},
        {"reported any missing_team #   \n",
         "r.txt:1: a rule needs its reason after '#' (e.g. the guidance section)"},
        {"# nothing but comments\n\n", "r.txt: no routing rules: nobody would be told"},
        {"", "r.txt: no routing rules: nobody would be told"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct hw_routing r, before;
        struct hw_err err = {0};
        hw_routing_defaults(&r);
        before = r;
        if (hw_routing_parse(cases[i].text, "r.txt", &r, &err) != -1)
            fail_msg("case %zu was accepted", i);
        assert_int_equal(err.kind, HW_EINPUT);
        assert_string_equal(err.msg, cases[i].msg);
        assert_rules_equal(&r, &before);
    }
}

/* Limits: the reason's length and the number of rules. */
static void test_parse_limits(void **state)
{
    (void)state;
    struct hw_routing r;
    struct hw_err err;
    struct hw_buf b = {0};
    char reason[HW_ROUTE_REASON_MAX + 2];
    memset(reason, 'x', sizeof reason - 1);
    reason[sizeof reason - 1] = '\0';
    hw_buf_printf(&b, "reported any missing_team # %.*s\n", HW_ROUTE_REASON_MAX, reason);
    assert_int_equal(hw_routing_parse(b.data, "r", &r, &err), 0);
    assert_int_equal(strlen(r.rules[0].reason), HW_ROUTE_REASON_MAX);
    hw_buf_reset(&b);
    hw_buf_printf(&b, "reported any missing_team # %s\n", reason);
    assert_int_equal(hw_routing_parse(b.data, "r", &r, &err), -1);
    assert_string_equal(err.msg, "r:1: the reason is longer than 200 characters");

    hw_buf_reset(&b);
    for (int i = 0; i < HW_ROUTE_RULES_MAX; i++)
        hw_buf_printf(&b, "returned any missing_team # rule %d\n", i + 1);
    assert_int_equal(hw_routing_parse(b.data, "r", &r, &err), 0);
    assert_int_equal(r.n, HW_ROUTE_RULES_MAX);
    assert_string_equal(r.rules[HW_ROUTE_RULES_MAX - 1].reason, "rule 64");
    hw_buf_puts(&b, "# a comment is not a rule\nreturned any missing_team # one too many\n");
    assert_int_equal(hw_routing_parse(b.data, "r", &r, &err), -1);
    assert_string_equal(err.msg, "r:66: too many rules (at most 64)");
    hw_buf_free(&b);
}

static void test_facts(void **state)
{
    (void)state;
    struct hw_child c;
    struct hw_episode e;
    struct hw_err err;
    hw_record_init(hw_child_fields, &c);
    hw_record_init(hw_episode_fields, &e);
    assert_false(hw_case_status_open(HW_CS_UNSET));
    assert_false(hw_case_status_open(HW_CS_NOT_OPEN));
    assert_true(hw_case_status_open(HW_CS_EARLY_HELP));
    assert_true(hw_case_status_open(HW_CS_CIN));
    assert_true(hw_case_status_open(HW_CS_CPP));
    assert_true(hw_case_status_open(HW_CS_CLA));

    c.case_status = HW_CS_CIN;
    e.risk = HW_RISK_LOW;
    struct hw_route_facts f = hw_route_facts_of(&c, &e);
    assert_true(f.open); /* from the child when the episode does not say */
    assert_false(f.ola);
    assert_int_equal(f.risk, HW_RISK_LOW);
    e.case_status = HW_CS_NOT_OPEN; /* the episode's status at the time wins */
    assert_false(hw_route_facts_of(&c, &e).open);
    assert_int_equal(hw_field_set(hw_field_find(hw_child_fields, "responsible_authority"), &c,
                                  "Dorset Council", &err),
                     0);
    assert_true(hw_route_facts_of(&c, &e).ola);
    hw_record_clear(hw_child_fields, &c);
    hw_record_clear(hw_episode_fields, &e);
}

/* The events of a change, as "a,b". */
static void events_text(const struct hw_episode *before, const struct hw_episode *after, char *buf,
                        size_t size)
{
    int ev[3];
    size_t n = hw_route_events(before, after, ev), used = 0;
    assert_true(n <= 3);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? "," : "",
                                 hw_code_name(hw_route_event_codes, ev[i]));
}

static void test_events(void **state)
{
    (void)state;
    struct hw_episode a, b;
    char got[128];
    hw_record_init(hw_episode_fields, &a);
    hw_record_init(hw_episode_fields, &b);
    b.kind = HW_KIND_MISSING;
    b.last_seen = 1000;
    b.risk = HW_RISK_MEDIUM;

    events_text(NULL, &b, got, sizeof got); /* a new missing episode */
    assert_string_equal(got, "reported");
    b.returned = 5000; /* recorded after the return */
    events_text(NULL, &b, got, sizeof got);
    assert_string_equal(got, "reported,returned");
    b.kind = HW_KIND_ABSENT; /* away without authorisation: not routed */
    events_text(NULL, &b, got, sizeof got);
    assert_string_equal(got, "");

    a = b; /* absent, then found to be missing */
    a.returned = HW_NO_TIME;
    b.kind = HW_KIND_MISSING;
    b.returned = HW_NO_TIME;
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "reported");

    a = b; /* missing, medium: nothing changes */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "");
    b.risk = HW_RISK_HIGH; /* raised while missing */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "risk_raised_high");
    a.risk = HW_RISK_UNSET; /* from not recorded to high */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "risk_raised_high");
    a.risk = HW_RISK_HIGH; /* high already */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "");
    b.returned = 5000; /* the return */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "returned");
    a.risk = HW_RISK_LOW; /* raised and returned in one change */
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "risk_raised_high,returned");

    a = b; /* returned: corrections route nothing */
    a.risk = HW_RISK_LOW;
    b.returned = 6000;
    events_text(&a, &b, got, sizeof got);
    assert_string_equal(got, "");
    b.kind = HW_KIND_ABSENT;
    a.kind = HW_KIND_MISSING;
    a.returned = HW_NO_TIME;
    events_text(&a, &b, got, sizeof got); /* no longer a missing episode */
    assert_string_equal(got, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_default_every_branch),
        cmocka_unit_test(test_default_reasons),
        cmocka_unit_test(test_dedup_and_max),
        cmocka_unit_test(test_write_parse_round_trip),
        cmocka_unit_test(test_edited_table),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_limits),
        cmocka_unit_test(test_facts),
        cmocka_unit_test(test_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
