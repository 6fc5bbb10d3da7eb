/* cmd_import.c - `homeward import children|episodes|interviews|care-periods
 * FILE...`. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/care_period_import.h"
#include "io/import.h"

/* Periods of care (io/care_period_import.h): each file all or nothing. */
static int import_care_periods(struct hw_ctx *ctx, struct hw_args *a, struct hw_err *err)
{
    for (int i = 1; i < a->npos; i++) {
        struct hw_care_period_import_result res;
        if (hw_care_period_import(ctx->store, a->pos[i], NULL, 0, &res, err) < 0) {
            if (res.errors.len) {
                fputs(res.errors.data, stderr);
                if (res.n_errors > HW_CARE_PERIOD_ERRORS_LISTED)
                    fprintf(stderr, "... and %zu more\n",
                            res.n_errors - HW_CARE_PERIOD_ERRORS_LISTED);
            }
            hw_care_period_import_result_free(&res);
            return -1;
        }
        fprintf(ctx->out, "%s: %zu rows: %zu periods of care added, %zu updated, %zu unchanged.\n",
                a->pos[i], res.rows, res.added, res.updated, res.same);
        hw_care_period_import_result_free(&res);
    }
    return 0;
}

static int cmd_import(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                      struct hw_err *err)
{
    (void)cmd;
    bool periods = strcmp(a->pos[0], "care-periods") == 0;
    const struct hw_rectype_info *ti = hw_rectype_find(a->pos[0]);
    if (!periods && (ti == NULL || strcmp(ti->plural, a->pos[0]) != 0))
        return hw_fail(err, HW_EINPUT,
                       "import: expected children, episodes, interviews or care-periods, got '%s'",
                       a->pos[0]);
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    if (periods)
        return import_care_periods(ctx, a, err);
    /* Each file is its own all-or-nothing import, in the order given. */
    for (int i = 1; i < a->npos; i++) {
        struct hw_import_result res;
        const char *base = strrchr(a->pos[i], '/');
        char *source = hw_asprintf("import %s", base ? base + 1 : a->pos[i]);
        struct hw_actor who = hw_ctx_actor(ctx, source);
        int rc = hw_import_csv(ctx->store, &ctx->cfg, &ctx->reasons,
                               (enum hw_rectype)(ti - hw_rectypes), a->pos[i], &who, &res, err);
        free(source);
        if (rc < 0) {
            if (res.errors.len) {
                fputs(res.errors.data, stderr);
                if (res.n_errors > HW_IMPORT_ERRORS_LISTED)
                    fprintf(stderr, "... and %zu more\n", res.n_errors - HW_IMPORT_ERRORS_LISTED);
            }
            hw_import_result_free(&res);
            return -1;
        }
        fprintf(ctx->out, "%s: %zu rows: %zu %s added, %zu updated, %zu unchanged.\n", a->pos[i],
                res.rows, res.added, ti->plural, res.updated, res.same);
        hw_import_result_free(&res);
    }
    return 0;
}

const struct hw_cmd hw_import_cmds[] = {
    {.noun = "import",
     .usage = "children|episodes|interviews|care-periods FILE...",
     .summary = "import children, episodes, interviews or periods of care from CSV files (all or "
                "nothing per file; re-importing updates)",
     .min_pos = 2,
     .max_pos = HW_MAX_ARGS,
     .fn = cmd_import,
     .rectype = -1,
     .writes = true},
    {.noun = NULL},
};
