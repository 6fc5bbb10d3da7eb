/* cli.h - the command line: a table of commands and what handlers share.
 *
 * Every command is an entry in a table (noun, verb, usage, summary, options,
 * handler). One dispatcher finds the entry, parses the options against the
 * entry's table (rejecting unknown ones with a message), answers --help, and
 * only then calls the handler, which does the command's work.
 */
#ifndef HW_CLI_H
#define HW_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/config.h"
#include "core/scorecard.h"
#include "core/error.h"
#include "core/hwtime.h"
#include "core/notices.h"
#include "core/reasons.h"
#include "core/records.h"
#include "core/routing.h"
#include "app/save.h"
#include "store/store.h"

#define HW_EXIT_OK    0
#define HW_EXIT_USER  1 /* the user's input was wrong */
#define HW_EXIT_FAULT 2 /* storage or system failure */

struct hw_opt {
    const char *name; /* without the leading dashes */
    const char *arg;  /* metavariable, e.g. "FILE"; NULL for a flag */
    const char *help;
};

#define HW_MAX_OPTS 64
#define HW_MAX_ARGS 16

/* Parsed arguments of one command. */
struct hw_args {
    const char *values[HW_MAX_OPTS]; /* by index into the options; NULL when absent */
    bool present[HW_MAX_OPTS];
    const char *pos[HW_MAX_ARGS];
    int npos;
    const struct hw_opt *opts;
    int nopts;
};

/* What every handler gets. */
struct hw_ctx {
    const char *db_path;
    const char *config_path;
    struct hw_config cfg;
    hw_instant now;   /* the clock, read once at start (or --now) */
    const char *user; /* --user or HOMEWARD_USER; required by commands that write */
    FILE *out;
    struct hw_store *store; /* opened on first use by hw_ctx_store */

    /* Who is told (core/routing.h): the file of --routing or HOMEWARD_ROUTING,
     * else the defaults (routing_path NULL). */
    const char *routing_path;
    struct hw_routing routing;

    /* The reasons for going missing an interview records (core/reasons.h):
     * the file of --reasons or HOMEWARD_REASONS, else the defaults
     * (reasons_path NULL). */
    const char *reasons_path;
    struct hw_reasons reasons;

    /* The templates of notices to other councils (core/notices.h): the file
     * of --notices or HOMEWARD_NOTICES, else the defaults (notices_path
     * NULL); our council's name from HOMEWARD_COUNCIL. */
    const char *notices_path;
    struct hw_notices notices;
};

struct hw_cmd;
typedef int (*hw_cmd_fn)(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                         struct hw_err *err);

struct hw_cmd {
    const char *noun;  /* "child", "report", "import" */
    const char *verb;  /* "add", "monthly", NULL when the noun is the whole command */
    const char *usage; /* after "homeward noun verb " */
    const char *summary;
    const struct hw_opt *opts; /* ends with {NULL}; NULL when none */
    int min_pos, max_pos;      /* positional arguments */
    hw_cmd_fn fn;
    int rectype;      /* for record commands: enum hw_rectype; -1 otherwise */
    bool field_opts;  /* every field of rectype but the ID is also an option */
    bool writes;      /* changes records: needs to know who (--user) */
    const void *data; /* the command's own data, for handlers that serve several */
};

/* Command tables, one per module, each ending with {NULL}. */
extern const struct hw_cmd hw_record_cmds[];
extern const struct hw_cmd hw_import_cmds[];
extern const struct hw_cmd hw_report_cmds[];
extern const struct hw_cmd hw_generate_cmds[];
extern const struct hw_cmd hw_workflow_cmds[];
extern const struct hw_cmd hw_serve_cmds[];
extern const struct hw_cmd hw_lifecycle_cmds[];
extern const struct hw_cmd hw_groups_cmds[];
extern const struct hw_cmd hw_misc_cmds[];
extern const struct hw_cmd hw_outbox_cmds[];
extern const struct hw_cmd hw_notices_cmds[];
extern const struct hw_cmd hw_users_cmds[];
extern const struct hw_cmd hw_plans_cmds[];
extern const struct hw_cmd hw_ssda903_cmds[];
extern const struct hw_cmd hw_export_cmds[];
extern const struct hw_cmd hw_profile_cmds[];

/* Runs homeward with argv (without argv[0]); returns the exit status. */
int hw_cli_main(int argc, char **argv);

/* Opens the store on first use. */
int hw_ctx_store(struct hw_ctx *ctx, struct hw_err *err);

/* Parses argv against opts (a {NULL}-terminated table; NULL for none).
 * Options are --name VALUE or --name=VALUE; "--" ends them. */
int hw_args_parse(struct hw_args *a, const struct hw_opt *opts, int argc, char **argv,
                  const char *cmdname, struct hw_err *err);

/* The value of option name, or NULL when not given. */
const char *hw_arg(const struct hw_args *a, const char *name);
bool hw_flag(const struct hw_args *a, const char *name);
/* Parses --format: text (default), csv or json; err names the bad value. */
int hw_arg_format(const struct hw_args *a, int *fmt, struct hw_err *err);
/* Parses a local time option (as in the CSVs); def when absent. */
int hw_arg_time(const struct hw_args *a, const char *name, hw_instant def, hw_instant *out,
                struct hw_err *err);

/* The option for a record field: first_name -> "first-name". */
#define HW_OPT_NAME_MAX 48
void hw_field_opt_name(const struct hw_field *f, char buf[HW_OPT_NAME_MAX]);
/* Sets field f of rec from its option when the option was given; on a bad
 * value returns -1 and err names the option, the value and what was expected. */
int hw_arg_field(const struct hw_args *a, const struct hw_field *f, void *rec, struct hw_err *err);

/* The actor for a change made through the command line now. */
struct hw_actor hw_ctx_actor(const struct hw_ctx *ctx, const char *source);

/* Writes s to the command's output. */
void hw_out(struct hw_ctx *ctx, const char *s, size_t n);

/* ---- report output (report_out.c) ---- */

/* --format for a report: text (default), csv, json, html or xlsx. */
int hw_report_format(const struct hw_args *a, int *fmt, struct hw_err *err);
/* Checks --out before any work: a name, and xlsx not to a terminal. */
int hw_report_out_check(struct hw_ctx *ctx, const struct hw_args *a, int fmt, struct hw_err *err);
/* Writes the rendered report to --out (replaced only once complete, and a
 * line saying so) or to standard output. */
int hw_report_out_write(struct hw_ctx *ctx, const struct hw_args *a, int fmt,
                        const struct hw_buf *out, const char *what, struct hw_err *err);
/* The scorecard of the file at path (NULL: HOMEWARD_SCORECARD, and when
 * that is unset too, the built-in scorecard). */
int hw_scorecard_load(const char *path, struct hw_scorecard *sc, struct hw_err *err);
/* Writes n bytes to path whole or not at all. */
int hw_write_file_atomic(const char *path, const char *s, size_t n, struct hw_err *err);

#endif
