/* routes.h - the HTTP routes as a table, and what a handler is given.
 *
 * Each route names its method, path, the roles allowed (0: anyone, signed in
 * or not), the largest body it takes, and its handler. The server finds the
 * route, checks the body size, the session (or API token), the role and,
 * for requests that change anything, the CSRF token, before the handler runs;
 * handlers only do the route's work.
 */
#ifndef HW_ROUTES_H
#define HW_ROUTES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "app/auth.h"
#include "core/config.h"
#include "core/reasons.h"
#include "core/scorecard.h"
#include "core/notices.h"
#include "core/routing.h"
#include "core/mem.h"
#include "store/store.h"

/* Roles as bits for a route's `roles`. */
#define HW_ANY_ROLE 0u
#define HW_R(role)  (1u << (role))

/* One request, as a handler sees it. */
struct hw_request {
    const char *method, *path;
    const char *body; /* NUL-terminated; NULL when none */
    size_t body_len;
    const char *address;    /* the client's address */
    const char *id;         /* the :id of the path, for routes that have one */
    const void *route_data; /* the route's data */
    const char *token;      /* the session cookie, when one was sent */
    bool signed_in;
    struct hw_principal who;
    struct hw_store *store; /* this thread's connection */
    const struct hw_config *cfg;
    const struct hw_reasons *reasons;
    const struct hw_scorecard *scorecard;
    const struct hw_routing *routing;
    const struct hw_notices *notices;
    const struct hw_auth_limits *limits;
    hw_instant now;
    /* query arguments */
    const char *(*arg)(void *conn, const char *name);
    void *conn;
    bool secure_cookies; /* `serve --secure-cookies`: cookies set must carry Secure */
};

/* What a handler answers. */
struct hw_response {
    unsigned status;
    const char *content_type; /* default application/json */
    struct hw_buf body;
    char set_cookie[256];
    char filename[128]; /* set: a download, sent with Content-Disposition: attachment */
    const char *csp;    /* NULL: the API's (nothing may load); a document's own, e.g. a
                           printable page's (static text) */
};

typedef void (*hw_handler)(struct hw_request *rq, struct hw_response *rs);

struct hw_http_route {
    const char *method;
    const char *path; /* a ":id" segment matches one path segment, given as the request's id */
    unsigned roles;   /* HW_R(role) bits; HW_ANY_ROLE: no sign-in needed */
    size_t body_max;  /* bytes; 0: no body */
    bool no_csrf;     /* changes nothing a session's CSRF token must guard (sign-in) */
    hw_handler handler;
    const void *data; /* given to the handler as the request's route_data */
};

extern const struct hw_http_route hw_http_routes[];

/* Fills rs with a JSON error {"error": {"message": ..., "field": ...}}
 * (field NULL: none). */
void hw_http_error(struct hw_response *rs, unsigned status, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Fills rs with v as JSON (drops v). */
void hw_http_json(struct hw_response *rs, unsigned status, json_t *v);

#endif
