/* cmd_lifecycle.c - a missing episode from the police notification.
 *
 * `homeward episode report` records what the police notification says in
 * one transaction: the child (created as "not open to services" when not yet
 * known, 003 section 6.2), the episode, and who must be told (app/notify.h).
 */
#include <stdlib.h>
#include <string.h>

#include "app/save.h"
#include "app/workflow.h"
#include "core/rules.h"
#include "cli/cli.h"

/* The child fields a notification may carry; the rest come later. */
static const char *const child_options[] = {"first_name", "last_name", "date_of_birth",
                                            "gender",     "ethnicity", NULL};

static int cmd_report(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    struct hw_episode e;
    struct hw_child if_new;
    struct hw_err why;
    int rc = -1, told;
    bool added;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &if_new);

    if (hw_field_set(&hw_episode_fields[0], &e, a->pos[0], &why) < 0) {
        hw_fail(err, HW_EINPUT, "episode_id '%s': %s", a->pos[0], why.msg);
        goto done;
    }
    for (const struct hw_field *f = hw_episode_fields + 1; f->name; f++)
        if (hw_arg_field(a, f, &e, err) < 0)
            goto done;
    if (e.child_id == NULL) {
        hw_fail(err, HW_EINPUT, "--child-id is required: the child's ID (a new one if not known)");
        goto done;
    }
    if (e.last_seen == HW_NO_TIME) {
        hw_fail(err, HW_EINPUT, "--last-seen is required: when the child was last seen");
        goto done;
    }
    if (e.reported == HW_NO_TIME)
        e.reported = ctx->now;
    /* Names and dates of birth describe a child not yet known. */
    for (int i = 0; child_options[i]; i++)
        if (hw_arg_field(a, hw_field_find(hw_child_fields, child_options[i]), &if_new, err) < 0)
            goto done;
    struct hw_rulebook rb = {&ctx->cfg, &ctx->reasons, &ctx->routing, &ctx->notices};
    struct hw_actor who = hw_ctx_actor(ctx, "police notification");
    if (hw_ctx_store(ctx, err) < 0 ||
        (told = hw_report_missing(ctx->store, &rb, &e, &if_new, &who, &added, err)) < 0)
        goto done;
    if (added)
        fprintf(ctx->out, "Added child %s (not open to children's services).\n", e.child_id);
    fprintf(ctx->out, "Reported episode %s: %s %s.\n", e.id, e.child_id,
            e.kind == HW_KIND_ABSENT ? "away without authorisation" : "missing");
    if (told > 0)
        fprintf(ctx->out, "%d notification%s added: see 'homeward outbox --episode %s'.\n", told,
                told == 1 ? "" : "s", e.id);
    rc = 0;
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &if_new);
    return rc;
}

/* Closing an episode is the team manager's update of the record after the
 * return (003 section 14): the record_updated action, done. */
static int cmd_close(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                     struct hw_err *err)
{
    (void)cmd;
    hw_instant at;
    struct hw_stamp by = {.at = ctx->now, .user = ctx->user, .source = "cli"};
    if (hw_arg_time(a, "at", ctx->now, &at, err) < 0 || hw_ctx_store(ctx, err) < 0 ||
        hw_close_episode(ctx->store, a->pos[0], at, &by, err) < 0)
        return -1;
    char when[HW_LOCAL_LEN];
    hw_format_local(at, when);
    fprintf(ctx->out, "Closed episode %s: record updated %s.\n", a->pos[0], when);
    return 0;
}

static const struct hw_opt close_opts[] = {
    {"at", "TIME", "when the record was updated (default: now)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt report_opts[] = {
    {"first-name", "TEXT", "a new child's first name"},
    {"last-name", "TEXT", "a new child's last name"},
    {"date-of-birth", "DATE", "a new child's date of birth"},
    {"gender", "TEXT", "a new child's gender"},
    {"ethnicity", "TEXT", "a new child's ethnicity"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_lifecycle_cmds[] = {
    {.noun = "episode",
     .verb = "report",
     .usage = "ID --child-id ID --last-seen TIME [--risk R] [--police-ref REF] [OPTIONS]",
     .summary = "record a police missing notification (a child not yet known is added as not "
                "open to services), and who must be told",
     .opts = report_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_report,
     .rectype = HW_REC_EPISODE,
     .field_opts = true,
     .writes = true},
    {.noun = "episode",
     .verb = "close",
     .usage = "ID [--at TIME]",
     .summary = "close a returned episode: the team manager has updated the record (003 14)",
     .opts = close_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_close,
     .rectype = HW_REC_EPISODE,
     .writes = true},
    {.noun = NULL},
};
