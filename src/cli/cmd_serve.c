/* cmd_serve.c - `homeward serve`: the HTTP server. */
#include <stdlib.h>

#include "cli/cli.h"
#include "http/server.h"

/* Parses option name, when given, as a whole number from min to max. */
static int count_opt(const struct hw_args *a, const char *name, unsigned min, unsigned max,
                     unsigned *out, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    if (v == NULL)
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end || n < (long)min || n > (long)max)
        return hw_fail(err, HW_EINPUT, "--%s: expected a whole number from %u to %u, got '%s'",
                       name, min, max, v);
    *out = (unsigned)n;
    return 0;
}

static int cmd_serve(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                     struct hw_err *err)
{
    (void)cmd;
    struct hw_server_config c;
    hw_server_defaults(&c);
    const char *v = hw_arg(a, "listen");
    if (v)
        c.listen = v;
    /* libmicrohttpd polls with select(): keep well under FD_SETSIZE (1024). */
    if (count_opt(a, "threads", 1, 64, &c.threads, err) < 0 ||
        count_opt(a, "max-connections", 1, 1000, &c.max_connections, err) < 0 ||
        count_opt(a, "per-address", 1, 1000, &c.per_address, err) < 0)
        return -1;
    if (c.per_address > c.max_connections)
        return hw_fail(err, HW_EINPUT,
                       "--per-address: %u is more than the connections in all (--max-connections "
                       "%u)",
                       c.per_address, c.max_connections);
    c.web_dir = hw_arg(a, "web");
    c.secure_cookies = hw_flag(a, "secure-cookies");
    c.db_path = ctx->db_path;
    c.cfg = &ctx->cfg;
    c.reasons = &ctx->reasons;
    c.routing = &ctx->routing;
    c.notices = &ctx->notices;
    struct hw_scorecard *sc = hw_calloc(1, sizeof *sc);
    int rc = hw_scorecard_load(hw_arg(a, "scorecard"), sc, err);
    if (rc == 0) {
        c.scorecard = sc;
        rc = hw_serve(&c, err);
    }
    free(sc);
    return rc;
}

static const struct hw_opt serve_opts[] = {
    {"listen", "ADDR:PORT", "where to listen (default 127.0.0.1:8080)"},
    {"threads", "N", "worker threads, each with its own database connection (default 4)"},
    {"max-connections", "N", "connections open at once, in all (1 to 1000; default 256)"},
    {"per-address", "N", "connections open at once from one client address (default 32)"},
    {"secure-cookies", NULL,
     "mark the session cookie Secure: set it when the server is reached over HTTPS (a proxy "
     "in front); browsers then send the cookie only over HTTPS"},
    {"scorecard", "FILE",
     "the board's indicators (default: $HOMEWARD_SCORECARD, else the built-in scorecard)"},
    {"web", "DIR",
     "for developing the browser UI: serve its files from DIR (e.g. web/) on disk instead of "
     "the copy built into the binary, so an edit shows on reload; paths with '..' or that "
     "resolve outside DIR are refused"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_serve_cmds[] = {
    {.noun = "serve",
     .usage = "[--listen ADDR:PORT] [--threads N] [--max-connections N] [--per-address N] "
              "[--secure-cookies] [--web DIR]",
     .summary = "serve the browser UI and the JSON API over HTTP until SIGTERM or Ctrl-C",
     .opts = serve_opts,
     .fn = cmd_serve,
     .rectype = -1},
    {.noun = NULL},
};
