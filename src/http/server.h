/* server.h - the HTTP server: `homeward serve`.
 *
 * libmicrohttpd with a pool of worker threads, each with its own SQLite
 * connection (opened on first use). Paths under /api/ are the JSON API
 * (routes.h); every other path is a page of the browser UI: an embedded
 * asset (assets.h), or index.html for a client-side route. Limits at the edge: connections in all
 * and per address, memory per connection, an idle timeout, and a body limit
 * per route checked against Content-Length before reading. Every request
 * gets one access-log line (time, user, method, path, status, duration; no
 * query string, no personal data). SIGTERM or SIGINT stops it gracefully:
 * no new connections, requests in flight finish, then it exits.
 */
#ifndef HW_SERVER_H
#define HW_SERVER_H

#include <stdbool.h>
#include <stdio.h>

#include "app/auth.h"
#include "core/config.h"
#include "core/reasons.h"
#include "core/scorecard.h"
#include "core/notices.h"
#include "core/routing.h"
#include "core/error.h"

struct hw_server_config {
    const char *listen; /* "ADDR:PORT"; default 127.0.0.1:8080 */
    const char *db_path;
    const struct hw_config *cfg;
    const struct hw_reasons *reasons;
    const struct hw_scorecard *scorecard; /* the board's indicators */
    const struct hw_routing *routing;
    const struct hw_notices *notices; /* the templates of notices to other councils */
    struct hw_auth_limits limits;
    unsigned threads;         /* worker threads (4) */
    unsigned max_connections; /* in all (256) */
    unsigned per_address;     /* from one address (32) */
    size_t memory_limit;      /* per connection (128 KiB) */
    unsigned timeout_seconds; /* idle connection timeout (30) */
    FILE *log;                /* the access log (stderr) */
    const char *web_dir;      /* serve the UI from this folder, not the embedded copy (NULL) */
    bool secure_cookies;      /* the session cookie carries Secure (served behind HTTPS) */
};

void hw_server_defaults(struct hw_server_config *c);
/* Serves until SIGTERM or SIGINT. Returns 0 after a graceful stop, or -1
 * when it cannot start (err says why: a bad --listen, the port taken, ...). */
int hw_serve(const struct hw_server_config *c, struct hw_err *err);

#endif
