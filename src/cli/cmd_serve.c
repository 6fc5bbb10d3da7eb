/* cmd_serve.c - `homeward serve`: the HTTP server. */
#include <stdlib.h>

#include "cli/cli.h"
#include "http/server.h"

static int cmd_serve(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                     struct hw_err *err)
{
    (void)cmd;
    struct hw_server_config c;
    hw_server_defaults(&c);
    const char *v = hw_arg(a, "listen");
    if (v)
        c.listen = v;
    if ((v = hw_arg(a, "threads"))) {
        char *end;
        long n = strtol(v, &end, 10);
        if (*v == '\0' || *end || n < 1 || n > 64)
            return hw_fail(err, HW_EINPUT,
                           "--threads: expected a whole number from 1 to 64, got '%s'", v);
        c.threads = (unsigned)n;
    }
    c.db_path = ctx->db_path;
    c.cfg = &ctx->cfg;
    c.reasons = &ctx->reasons;
    c.routing = &ctx->routing;
    return hw_serve(&c, err);
}

static const struct hw_opt serve_opts[] = {
    {"listen", "ADDR:PORT", "where to listen (default 127.0.0.1:8080)"},
    {"threads", "N", "worker threads, each with its own database connection (default 4)"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_serve_cmds[] = {
    {.noun = "serve",
     .usage = "[--listen ADDR:PORT] [--threads N]",
     .summary = "serve the JSON API over HTTP until SIGTERM or Ctrl-C",
     .opts = serve_opts,
     .fn = cmd_serve,
     .rectype = -1},
    {.noun = NULL},
};
