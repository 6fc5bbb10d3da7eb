/* cmd_misc.c - configuration, the reasons list, code lists and the
 * database's state. */
#include <string.h>

#include "app/auth.h"
#include "cli/cli.h"
#include "core/records.h"
#include "core/rules.h"

static int cmd_config_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd, (void)a, (void)err;
    struct hw_buf b = {0};
    hw_buf_printf(&b, "# Homeward rule thresholds%s%s\n",
                  ctx->config_path ? " from " : " (defaults)",
                  ctx->config_path ? ctx->config_path : "");
    hw_config_write(&ctx->cfg, &b);
    hw_out(ctx, b.data, b.len);
    hw_buf_free(&b);
    return 0;
}

static int cmd_reasons_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd, (void)a, (void)err;
    struct hw_buf b = {0};
    hw_buf_printf(&b, "# Homeward reasons for going missing%s%s\n",
                  ctx->reasons_path ? " from "
                                    : " (defaults: Derby's categories, seed 004 section 9)",
                  ctx->reasons_path ? ctx->reasons_path : "");
    hw_reasons_write(&ctx->reasons, &b);
    hw_out(ctx, b.data, b.len);
    hw_buf_free(&b);
    return 0;
}

static const struct {
    const char *name;
    const struct hw_code *codes;
} code_tables[] = {
    {"case_status", hw_case_status_codes},
    {"placement_type", hw_placement_codes},
    {"kind", hw_kind_codes},
    {"risk", hw_risk_codes},
    {"flags", hw_flag_codes},
    {"decision", hw_decision_codes},
    {"outcome", hw_outcome_codes},
    {"conducted_by", hw_conducted_by_codes},
    {"screening", hw_screening_codes},
    {"lateness_reason", hw_lateness_codes},
    {"attempt_outcome", hw_attempt_outcome_codes},
    {"rhi_criteria", hw_criterion_codes},
    {"actions", hw_action_codes},
    {"roles", hw_role_codes},
    {"routing_events", hw_route_event_codes},
    {"user_roles", hw_user_role_codes},
    {NULL, NULL},
};

static int cmd_codes(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                     struct hw_err *err)
{
    (void)cmd, (void)err;
    for (int i = 0; code_tables[i].name; i++) {
        if (a->npos && strcmp(a->pos[0], code_tables[i].name) != 0)
            continue;
        fprintf(ctx->out, "%s:\n", code_tables[i].name);
        for (const struct hw_code *c = code_tables[i].codes; c->code; c++)
            fprintf(ctx->out, "  %-20s %s\n", c->code, c->label);
    }
    return 0;
}

static int cmd_db_status(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err)
{
    (void)cmd, (void)a;
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    fprintf(ctx->out, "database %s: %s, schema version %d\n", ctx->db_path,
            hw_store_backend(ctx->store), hw_store_schema_version(ctx->store));
    return 0;
}

const struct hw_cmd hw_misc_cmds[] = {
    {.noun = "config",
     .verb = "show",
     .usage = "",
     .summary = "print the rule thresholds in force, as a configuration file",
     .fn = cmd_config_show,
     .rectype = -1},
    {.noun = "reasons",
     .verb = "show",
     .usage = "",
     .summary = "print the reasons for going missing in force, as a reasons file",
     .fn = cmd_reasons_show,
     .rectype = -1},
    {.noun = "codes",
     .usage = "[LIST]",
     .summary = "list the codes each coded field accepts",
     .max_pos = 1,
     .fn = cmd_codes,
     .rectype = -1},
    {.noun = "db",
     .verb = "status",
     .usage = "",
     .summary = "open (creating or upgrading) the database and show its version",
     .fn = cmd_db_status,
     .rectype = -1},
    {.noun = NULL},
};
