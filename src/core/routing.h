/* routing.h - who must be told when a child goes missing, as data.
 *
 * BCP guidance (seed 003) section 7 and 12.1-12.2 say who is sent the
 * missing notification: the allocated worker and team manager of a child
 * open to children's services, the CE and missing team, the early-help
 * decision maker or the front-door (MASH) triage manager for a child not
 * open, senior managers (need-to-know) at high risk, and the responsible
 * council for a child placed here by another council. Homeward keeps this
 * as a routing table: rules of {event, condition, recipients, reason}. The
 * defaults follow the guidance; a council can replace the table with a text
 * file (one rule per line, below). Pure: parsing works on text.
 *
 * The file format, one rule per line ('#' starts the reason; blank lines and
 * lines that are only a comment are ignored):
 *
 *     EVENT  CONDITION  RECIPIENTS  # REASON
 *     reported  own,open  allocated_worker,team_manager,missing_team  # BCP guidance 7
 *
 * EVENT is a code of hw_route_event_codes. CONDITION is "any", or terms
 * joined by ',' that must all hold: open | not_open (the case status at the
 * time: early_help, cin, cpp and cla are open), ola | own (placed by another
 * council or not), and at most one risk term: levels joined by '|' (high,
 * medium, low, unrecorded). RECIPIENTS are role codes joined by ','. The
 * reason is required: it is kept with each notification.
 *
 * Every rule whose event and condition hold applies; a role is told once,
 * with the reason of the first rule (in table order) that names it.
 */
#ifndef HW_ROUTING_H
#define HW_ROUTING_H

#include <stdbool.h>
#include <stddef.h>

#include "core/domain.h"
#include "core/error.h"
#include "core/mem.h"
#include "core/records.h"

/* Who is told. */
enum hw_role {
    HW_ROLE_ALLOCATED_WORKER = 1,
    HW_ROLE_TEAM_MANAGER,
    HW_ROLE_MISSING_TEAM,              /* the CE (exploitation) and missing team */
    HW_ROLE_EARLY_HELP_DECISION_MAKER, /* First Response early-help decision maker */
    HW_ROLE_FRONT_DOOR_TRIAGE_MANAGER, /* MASH triage manager */
    HW_ROLE_SENIOR_MANAGERS,           /* need-to-know: service manager and directors */
    HW_ROLE_RESPONSIBLE_COUNCIL        /* the council that placed the child here */
};
#define HW_ROLE_COUNT 7
extern const struct hw_code hw_role_codes[];

/* What happened. */
enum hw_route_event {
    HW_EVENT_REPORTED = 1,     /* the child is reported missing */
    HW_EVENT_RISK_RAISED_HIGH, /* the risk is raised to high while missing */
    HW_EVENT_RETURNED,         /* the child is found or returned */
    HW_EVENT_RHI_OVERDUE       /* not routed: the interview of a child placed by another
                                * council not reported done in 72 hours, a notice to that
                                * council made by hand (core/notices.h) */
};
/* The events the routing table routes: reported, risk_raised_high, returned. */
extern const struct hw_code hw_route_event_codes[];
/* Every event an outbox row may record: those and rhi_overdue. */
extern const struct hw_code hw_outbox_event_codes[];

/* A yes/no condition that may not matter. */
enum hw_match { HW_MATCH_ANY = 0, HW_MATCH_YES, HW_MATCH_NO };

/* A set of risk levels: bit HW_RISK_BIT(enum hw_risk); HW_RISK_UNSET is
 * "unrecorded". An empty set matches any risk. */
#define HW_RISK_BIT(r) (1u << (unsigned)(r))

#define HW_ROUTE_REASON_MAX 200
#define HW_ROUTE_RULES_MAX  64

struct hw_route_rule {
    int event;                    /* enum hw_route_event */
    enum hw_match open;           /* open to children's services */
    enum hw_match ola;            /* placed by another council */
    unsigned risks;               /* HW_RISK_BIT set; 0 = any */
    int roles[HW_ROLE_COUNT + 1]; /* enum hw_role, in order, ending with 0 */
    char reason[HW_ROUTE_REASON_MAX + 1];
};

/* A whole table: plain data, no allocation (copy it freely). */
struct hw_routing {
    struct hw_route_rule rules[HW_ROUTE_RULES_MAX];
    size_t n;
};

/* What a rule's condition looks at. */
struct hw_route_facts {
    bool open; /* open to children's services at the time of the episode */
    bool ola;  /* the child's responsible_authority is set */
    int risk;  /* enum hw_risk; HW_RISK_UNSET when not recorded */
};

/* One person or body to tell, and why. */
struct hw_route {
    int role;           /* enum hw_role */
    const char *reason; /* borrowed from the table */
};

/* True for the case statuses that are open to children's services:
 * early_help, cin, cpp and cla (not_open and unrecorded are not). */
bool hw_case_status_open(int case_status);
/* The facts of an episode of a child; the episode's case status at the
 * time, else the child's current one. */
struct hw_route_facts hw_route_facts_of(const struct hw_child *child, const struct hw_episode *e);

/* The guidance's table (docs/rules.md, "Who is told"). */
void hw_routing_defaults(struct hw_routing *r);

/* Who must be told of event given facts: every applying rule's roles, each
 * role once, in table order. Writes at most max routes to out and returns
 * how many there are (never more than HW_ROLE_COUNT). */
size_t hw_route(const struct hw_routing *r, int event, const struct hw_route_facts *facts,
                struct hw_route *out, size_t max);

/* Parses a routing file's text into *r, replacing the whole table. On any
 * error *r is unchanged and err (HW_EINPUT) names file:line. A file without
 * a rule is refused: nobody would be told. */
int hw_routing_parse(const char *text, const char *filename, struct hw_routing *r,
                     struct hw_err *err);
/* Writes r as a routing file (with a header explaining the format) that
 * hw_routing_parse reads back to an equal table. */
void hw_routing_write(const struct hw_routing *r, struct hw_buf *out);

/* The events a change of an episode means, in order, into out (room for
 * 3); returns how many. before is the stored episode (NULL: new). Only
 * missing episodes are routed (away without authorisation is not a missing
 * episode, 003 section 6): an episode that becomes missing is reported (and
 * returned, when it already has a return time); the risk raised to high
 * while missing; a return time recorded for the first time. */
size_t hw_route_events(const struct hw_episode *before, const struct hw_episode *after, int out[3]);

#endif
