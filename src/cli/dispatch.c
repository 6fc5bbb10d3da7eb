/* dispatch.c - global options, finding the command, --help, exit status. */
#include "cli/cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mem.h"

#define HW_VERSION "0.1.0"

static const struct hw_cmd *const tables[] = {
    hw_record_cmds,
    hw_workflow_cmds,
    hw_lifecycle_cmds,
    hw_import_cmds,
    hw_report_cmds,
    hw_generate_cmds,
    hw_misc_cmds,
    hw_serve_cmds,
    hw_groups_cmds,
    hw_outbox_cmds,
    hw_notices_cmds, /* notices to the councils that placed children here */
    hw_users_cmds,
    hw_plans_cmds,
    hw_export_cmds,  /* statutory exports: Annex A, the SSD (cmd_export.c) */
    hw_ssda903_cmds, /* the DfE's SSDA903 return: validate (cmd_ssda903.c) */
    hw_profile_cmds, /* the missing profile for the police (cmd_profile.c) */
    NULL,
};

static const struct hw_opt global_opts[] = {
    {"db", "PATH", "the database (default: $HOMEWARD_DB, else homeward.db)"},
    {"config", "FILE", "rule thresholds (default: $HOMEWARD_CONFIG, else the guidance's)"},
    {"routing", "FILE", "who is told (default: $HOMEWARD_ROUTING, else the guidance's)"},
    {"reasons", "FILE",
     "reasons for going missing (default: $HOMEWARD_REASONS, else Derby's categories)"},
    {"notices", "FILE",
     "notices to other councils (default: $HOMEWARD_NOTICES, else the built-in templates)"},
    {"now", "TIME", "act as if it were this local time (default: $HOMEWARD_NOW, else the clock)"},
    {"user", "NAME", "who is making changes, for the history (default: $HOMEWARD_USER)"},
    {"help", NULL, "show this help"},
    {"version", NULL, "show the version"},
    {NULL, NULL, NULL},
};

static void print_opts(FILE *f, const struct hw_opt *opts)
{
    for (const struct hw_opt *o = opts; o && o->name; o++) {
        char left[64];
        snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
        fprintf(f, "  %-28s %s\n", left, o->help);
    }
}

static void print_overview(FILE *f)
{
    fprintf(f, "homeward - children missing from home or care, and their return interviews\n\n"
               "Usage: homeward [--db PATH] [--config FILE] [--routing FILE] [--reasons FILE]\n"
               "                [--notices FILE] [--now TIME] [--user NAME] COMMAND ...\n\n"
               "Commands:\n");
    /* Commands grouped by noun, nouns in the order they first appear. */
    for (int t = 0; tables[t]; t++)
        for (const struct hw_cmd *first = tables[t]; first->noun; first++) {
            bool seen = false; /* an earlier command has this noun */
            for (int t2 = 0; t2 <= t && !seen; t2++)
                for (const struct hw_cmd *c = tables[t2]; c->noun && c != first; c++)
                    if (strcmp(c->noun, first->noun) == 0) {
                        seen = true;
                        break;
                    }
            if (seen)
                continue;
            for (int t2 = 0; tables[t2]; t2++)
                for (const struct hw_cmd *c = tables[t2]; c->noun; c++) {
                    if (strcmp(c->noun, first->noun) != 0)
                        continue;
                    char left[64];
                    snprintf(left, sizeof left, "%s%s%s", c->noun, c->verb ? " " : "",
                             c->verb ? c->verb : "");
                    fprintf(f, "  %-22s %s\n", left, c->summary);
                }
        }
    fprintf(f, "\nGlobal options:\n");
    print_opts(f, global_opts);
    fprintf(f, "\nDates are YYYY-MM-DD or DD/MM/YYYY; times are UK local time, YYYY-MM-DD HH:MM or "
               "DD/MM/YYYY HH:MM.\n'homeward COMMAND --help' describes a command.\n");
}

static void print_noun(FILE *f, const char *noun)
{
    fprintf(f, "Usage: homeward %s VERB ...\n\n", noun);
    for (int t = 0; tables[t]; t++)
        for (const struct hw_cmd *c = tables[t]; c->noun; c++)
            if (strcmp(c->noun, noun) == 0)
                fprintf(f, "  %-10s %s\n", c->verb ? c->verb : "", c->summary);
}

/* A command's options: its own, then (for record commands) one per field,
 * named with dashes: first_name -> --first-name. */
struct opt_set {
    struct hw_opt opts[HW_MAX_OPTS];
    char names[HW_MAX_OPTS][HW_OPT_NAME_MAX];
};

static const struct hw_opt *command_opts(const struct hw_cmd *c, struct opt_set *set)
{
    int n = 0;
    for (const struct hw_opt *o = c->opts; o && o->name && n < HW_MAX_OPTS - 1; o++)
        set->opts[n++] = *o;
    if (c->field_opts) {
        const struct hw_field *fields = hw_rectypes[c->rectype].fields;
        for (const struct hw_field *f = fields + 1; f->name && n < HW_MAX_OPTS - 1; f++) {
            hw_field_opt_name(f, set->names[n]);
            set->opts[n].name = set->names[n];
            set->opts[n].arg = f->type == HW_F_TIME   ? "TIME"
                               : f->type == HW_F_DATE ? "DATE"
                               : f->codes             ? "CODE"
                                                      : "TEXT";
            set->opts[n].help = f->help;
            n++;
        }
    }
    set->opts[n] = (struct hw_opt){NULL, NULL, NULL};
    return set->opts;
}

static void print_cmd(FILE *f, const struct hw_cmd *c)
{
    struct opt_set set;
    const struct hw_opt *opts = command_opts(c, &set);
    fprintf(f, "Usage: homeward %s%s%s %s\n\n%s\n", c->noun, c->verb ? " " : "",
            c->verb ? c->verb : "", c->usage, c->summary);
    if (opts[0].name) {
        fprintf(f, "\nOptions:\n");
        print_opts(f, opts);
    }
    if (c->field_opts)
        fprintf(f, "\nAn option given as '' clears the field. Codes are listed by "
                   "'homeward codes'.\n");
}

static const struct hw_cmd *find(const char *noun, const char *verb, bool *noun_known)
{
    *noun_known = false;
    for (int t = 0; tables[t]; t++)
        for (const struct hw_cmd *c = tables[t]; c->noun; c++) {
            if (strcmp(c->noun, noun) != 0)
                continue;
            *noun_known = true;
            if (c->verb == NULL || (verb && strcmp(c->verb, verb) == 0))
                return c;
        }
    return NULL;
}

int hw_ctx_store(struct hw_ctx *ctx, struct hw_err *err)
{
    if (ctx->store)
        return 0;
    return hw_store_open(ctx->db_path, &ctx->store, err);
}

struct hw_actor hw_ctx_actor(const struct hw_ctx *ctx, const char *source)
{
    return (struct hw_actor){.user = ctx->user, .source = source, .at = ctx->now};
}

void hw_out(struct hw_ctx *ctx, const char *s, size_t n)
{
    fwrite(s, 1, n, ctx->out);
}

/* Reads a whole settings file (what: for messages) of at most 1 MiB into text. */
static int read_text(const char *path, const char *what, struct hw_buf *text, struct hw_err *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return hw_fail(err, HW_EINPUT, "cannot read %s %s: %s", what, path, strerror(errno));
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && text->len <= 1 << 20)
        hw_buf_append(text, chunk, n);
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed)
        return hw_fail(err, HW_EINPUT, "cannot read %s %s", what, path);
    if (text->len > 1 << 20)
        return hw_fail(err, HW_EINPUT, "%s %s is larger than 1 MiB", what, path);
    return 0;
}

/* The rule thresholds, the routing table and the reasons list: the
 * defaults, or the files given. */
static int read_settings(struct hw_ctx *ctx, struct hw_err *err)
{
    struct hw_buf text = {0};
    int rc = 0;
    hw_config_defaults(&ctx->cfg);
    hw_routing_defaults(&ctx->routing);
    if (ctx->config_path)
        rc = read_text(ctx->config_path, "configuration", &text, err);
    if (rc == 0 && ctx->config_path)
        rc = hw_config_parse(&ctx->cfg, text.data ? text.data : "", ctx->config_path, err);
    hw_buf_reset(&text);
    if (rc == 0 && ctx->routing_path)
        rc = read_text(ctx->routing_path, "routing", &text, err);
    if (rc == 0 && ctx->routing_path)
        rc = hw_routing_parse(text.data ? text.data : "", ctx->routing_path, &ctx->routing, err);
    hw_buf_reset(&text);
    hw_reasons_defaults(&ctx->reasons);
    if (rc == 0 && ctx->reasons_path)
        rc = read_text(ctx->reasons_path, "reasons", &text, err);
    if (rc == 0 && ctx->reasons_path)
        rc = hw_reasons_parse(text.data ? text.data : "", ctx->reasons_path, &ctx->reasons, err);
    hw_buf_reset(&text);
    hw_notices_defaults(&ctx->notices);
    const char *council = getenv("HOMEWARD_COUNCIL");
    if (council && *council)
        snprintf(ctx->notices.our_council, sizeof ctx->notices.our_council, "%s", council);
    if (rc == 0 && ctx->notices_path)
        rc = read_text(ctx->notices_path, "notices", &text, err);
    if (rc == 0 && ctx->notices_path)
        rc = hw_notices_parse(text.data ? text.data : "", ctx->notices_path, &ctx->notices, err);
    hw_buf_free(&text);
    return rc;
}

static int setup(struct hw_ctx *ctx, struct hw_args *g, struct hw_err *err)
{
    const char *now = hw_arg(g, "now");
    ctx->db_path = hw_arg(g, "db");
    ctx->config_path = hw_arg(g, "config");
    if (!ctx->db_path)
        ctx->db_path = getenv("HOMEWARD_DB");
    if (!ctx->db_path || !*ctx->db_path)
        ctx->db_path = "homeward.db";
    if (!ctx->config_path)
        ctx->config_path = getenv("HOMEWARD_CONFIG");
    if (ctx->config_path && !*ctx->config_path)
        ctx->config_path = NULL;
    if (!(ctx->routing_path = hw_arg(g, "routing")))
        ctx->routing_path = getenv("HOMEWARD_ROUTING");
    if (ctx->routing_path && !*ctx->routing_path)
        ctx->routing_path = NULL;
    if (!(ctx->reasons_path = hw_arg(g, "reasons")))
        ctx->reasons_path = getenv("HOMEWARD_REASONS");
    if (ctx->reasons_path && !*ctx->reasons_path)
        ctx->reasons_path = NULL;
    if (!(ctx->notices_path = hw_arg(g, "notices")))
        ctx->notices_path = getenv("HOMEWARD_NOTICES");
    if (ctx->notices_path && !*ctx->notices_path)
        ctx->notices_path = NULL;
    ctx->user = hw_arg(g, "user");
    if (!ctx->user)
        ctx->user = getenv("HOMEWARD_USER");
    if (ctx->user && !*ctx->user)
        ctx->user = NULL;
    if (!now)
        now = getenv("HOMEWARD_NOW");
    ctx->now = (hw_instant)time(NULL);
    if (now && *now) {
        const char *why = NULL;
        if (hw_parse_local_time(now, &ctx->now, &why) < 0)
            return hw_fail(err, HW_EINPUT, "--now: '%s': %s", now,
                           why ? why : "expected YYYY-MM-DD HH:MM");
    }
    return read_settings(ctx, err);
}

static int status_of(const struct hw_err *err)
{
    return err->kind == HW_EINTERNAL ? HW_EXIT_FAULT : HW_EXIT_USER;
}

int hw_cli_main(int argc, char **argv)
{
    struct hw_ctx ctx = {.out = stdout};
    struct hw_err err = {0};
    struct hw_args g, a;
    int i = 0, rc = HW_EXIT_OK;

    /* Global options come before the command. */
    while (i < argc && strncmp(argv[i], "--", 2) == 0) {
        const struct hw_opt *o = NULL;
        const char *name = argv[i] + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        for (const struct hw_opt *p = global_opts; p->name; p++)
            if (strlen(p->name) == len && strncmp(p->name, name, len) == 0)
                o = p;
        if (o == NULL)
            break;
        i += (o->arg && !eq) ? 2 : 1;
    }
    if (hw_args_parse(&g, global_opts, i > argc ? argc : i, argv, "homeward", &err) < 0) {
        fprintf(stderr, "homeward: %s\n", err.msg);
        return HW_EXIT_USER;
    }
    if (hw_flag(&g, "version")) {
        printf("homeward %s\n", HW_VERSION);
        return HW_EXIT_OK;
    }
    if (i >= argc || hw_flag(&g, "help") || strcmp(argv[i], "help") == 0) {
        if (i + 1 < argc && strcmp(argv[i], "help") == 0) {
            bool known;
            const struct hw_cmd *c = find(argv[i + 1], i + 2 < argc ? argv[i + 2] : NULL, &known);
            if (c)
                print_cmd(stdout, c);
            else if (known)
                print_noun(stdout, argv[i + 1]);
            else
                print_overview(stdout);
            return HW_EXIT_OK;
        }
        print_overview(i >= argc && !hw_flag(&g, "help") ? stderr : stdout);
        return i >= argc && !hw_flag(&g, "help") ? HW_EXIT_USER : HW_EXIT_OK;
    }

    const char *noun = argv[i];
    const char *verb = i + 1 < argc ? argv[i + 1] : NULL;
    bool known;
    const struct hw_cmd *c = find(noun, verb, &known);
    if (c == NULL) {
        if (!known) {
            fprintf(stderr, "homeward: unknown command '%s' (see homeward --help)\n", noun);
            return HW_EXIT_USER;
        }
        if (verb && strcmp(verb, "--help") != 0 && strcmp(verb, "help") != 0) {
            fprintf(stderr, "homeward: unknown command '%s %s'\n\n", noun, verb);
            print_noun(stderr, noun);
            return HW_EXIT_USER;
        }
        print_noun(verb ? stdout : stderr, noun);
        return verb ? HW_EXIT_OK : HW_EXIT_USER;
    }
    int first = i + (c->verb ? 2 : 1);
    char name[64];
    snprintf(name, sizeof name, "homeward %s%s%s", c->noun, c->verb ? " " : "",
             c->verb ? c->verb : "");
    for (int k = first; k < argc; k++)
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
            print_cmd(stdout, c);
            return HW_EXIT_OK;
        }
    struct opt_set set;
    if (hw_args_parse(&a, command_opts(c, &set), argc - first, argv + first, name, &err) < 0)
        goto fail;
    if (a.npos < c->min_pos || a.npos > c->max_pos) {
        hw_fail(&err, HW_EINPUT, "%s: usage: %s %s", name, name, c->usage);
        goto fail;
    }
    if (setup(&ctx, &g, &err) < 0)
        goto fail;
    if (c->writes && ctx.user == NULL) {
        hw_fail(&err, HW_EINPUT,
                "%s changes records: say who you are with --user NAME or HOMEWARD_USER", name);
        goto fail;
    }
    if (c->fn(&ctx, c, &a, &err) < 0)
        goto fail;
    goto done;
fail:
    fprintf(stderr, "homeward: %s\n", err.msg);
    rc = status_of(&err);
done:
    fflush(ctx.out);
    hw_store_close(ctx.store);
    return rc;
}
