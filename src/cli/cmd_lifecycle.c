/* cmd_lifecycle.c - a missing episode from the police notification.
 *
 * `homeward episode report` records what the police notification says in
 * one transaction: the child (created as "not open to services" when not yet
 * known, 003 section 6.2), the episode, and who must be told (app/notify.h).
 */
#include <stdlib.h>
#include <string.h>

#include "app/check.h"
#include "app/notify.h"
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
    struct hw_child child;
    struct hw_err why;
    int rc = -1, told = 0;
    bool new_child = false;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &child);

    if (hw_field_set(&hw_episode_fields[0], &e, a->pos[0], &why) < 0) {
        hw_fail(err, HW_EINPUT, "episode_id '%s': %s", a->pos[0], why.msg);
        goto done;
    }
    for (const struct hw_field *f = hw_episode_fields + 1; f->name; f++)
        if (hw_arg_field(a, f, &e, err) < 0)
            goto done;
    if (!e.kind)
        e.kind = HW_KIND_MISSING; /* a police notification is of a missing child */
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
    if (hw_ctx_store(ctx, err) < 0)
        goto done;
    struct hw_episode existing;
    hw_record_init(hw_episode_fields, &existing);
    int found =
        hw_store_get_some(ctx->store, HW_REC_EPISODE, e.id,
                          hw_field_mask(hw_episode_fields, "episode_id", NULL), &existing, err);
    hw_record_clear(hw_episode_fields, &existing);
    if (found < 0)
        goto done;
    if (found) {
        hw_fail(err, HW_ECONFLICT, "episode %s is already recorded; use 'homeward episode update'",
                e.id);
        goto done;
    }
    if ((found = hw_store_get(ctx->store, HW_REC_CHILD, e.child_id, &child, err)) < 0)
        goto done;
    if (!found) {
        new_child = true;
        child.id = hw_strdup(e.child_id);
        child.case_status = HW_CS_NOT_OPEN;
    }
    /* Names and dates of birth fill in a new child; a known child's record
     * is not changed by a notification. */
    for (int i = 0; child_options[i]; i++) {
        const struct hw_field *f = hw_field_find(hw_child_fields, child_options[i]);
        char opt[HW_OPT_NAME_MAX];
        hw_field_opt_name(f, opt);
        if (!new_child && hw_arg(a, opt)) {
            hw_fail(err, HW_EINPUT,
                    "--%s: child %s is already recorded; change it with 'homeward child update'",
                    opt, e.child_id);
            goto done;
        }
        if (hw_arg_field(a, f, &child, err) < 0)
            goto done;
    }

    struct hw_actor who = hw_ctx_actor(ctx, "police notification");
    struct hw_stamp stamp = {.at = who.at, .user = who.user, .source = who.source};
    if (hw_store_begin(ctx->store, err) < 0)
        goto done;
    if ((new_child && (hw_check_child(ctx->store, &child, err) < 0 ||
                       hw_app_save(ctx->store, HW_REC_CHILD, &child, &who, err) < 0)) ||
        hw_record_check(hw_episode_fields, &e, err) < 0 ||
        hw_check_episode(ctx->store, &e, err) < 0 ||
        hw_app_save(ctx->store, HW_REC_EPISODE, &e, &who, err) < 0 ||
        (told = hw_notify_change(ctx->store, &ctx->routing, NULL, &e, &stamp, err)) < 0 ||
        hw_store_commit(ctx->store, err) < 0) {
        hw_store_rollback(ctx->store);
        goto done;
    }
    if (new_child)
        fprintf(ctx->out, "Added child %s (not open to children's services).\n", e.child_id);
    fprintf(ctx->out, "Reported episode %s: %s %s.\n", e.id, e.child_id,
            e.kind == HW_KIND_ABSENT ? "away without authorisation" : "missing");
    if (told > 0)
        fprintf(ctx->out, "%d notification%s added: see 'homeward outbox --episode %s'.\n", told,
                told == 1 ? "" : "s", e.id);
    rc = 0;
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &child);
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
