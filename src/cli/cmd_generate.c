/* cmd_generate.c - `homeward generate`: a synthetic council as CSV files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/generate.h"

static int long_arg(const struct hw_args *a, const char *name, long def, long min, long max,
                    long *out, struct hw_err *err)
{
    const char *v = hw_arg(a, name);
    char *end;
    *out = def;
    if (v == NULL)
        return 0;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end || errno || n < min || n > max)
        return hw_fail(err, HW_EINPUT, "--%s: expected a whole number from %ld to %ld, got '%s'",
                       name, min, max, v);
    *out = n;
    return 0;
}

static int cmd_generate(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                        struct hw_err *err)
{
    (void)cmd;
    struct hw_local now;
    long seed, years, end_year;
    double scale = 1.0;
    const char *v, *dir = hw_arg(a, "out");
    hw_london_from_instant(ctx->now, &now);
    if (long_arg(a, "seed", 1, 0, 2147483647L, &seed, err) < 0 ||
        long_arg(a, "years", 2, 1, 50, &years, err) < 0 ||
        long_arg(a, "end-year", hw_fy_of(now.year, now.month), HW_YEAR_MIN + 50, HW_YEAR_MAX - 1,
                 &end_year, err) < 0)
        return -1;
    if ((v = hw_arg(a, "scale"))) {
        char *end;
        scale = strtod(v, &end);
        if (*v == '\0' || *end || !(scale >= 0.01 && scale <= 1000))
            return hw_fail(err, HW_EINPUT, "--scale: expected a number from 0.01 to 1000, got '%s'",
                           v);
    }
    struct hw_generate_opts o = {
        .seed = (uint64_t)seed,
        .years = (int)years,
        .scale = scale,
        .end_year = (int)end_year,
        .now = hw_flag(a, "all-closed") ? HW_NO_TIME : ctx->now,
    };
    struct hw_generate_counts counts;
    if (hw_generate_counted(&o, dir ? dir : ".", &counts, err) < 0)
        return -1;
    struct hw_buf b = {0};
    hw_buf_printf(&b, "Wrote to %s: ", dir ? dir : ".");
    hw_generate_summary(&counts, &b);
    hw_buf_putc(&b, '\n');
    hw_out(ctx, b.data, b.len);
    hw_buf_free(&b);
    return 0;
}

static const struct hw_opt generate_opts[] = {
    {"seed", "N", "random seed: the same seed gives the same files (default 1)"},
    {"years", "Y", "financial years of history (default 2)"},
    {"scale", "S", "volume: 1 is about 200 episodes a month (default 1)"},
    {"end-year", "YYYY", "the financial year the data ends in (default: this one)"},
    {"out", "DIR", "where to write children.csv, episodes.csv, interviews.csv (default .)"},
    {"all-closed", NULL, "leave no episode open (by default those returning after now are)"},
    {NULL, NULL, NULL},
};

const struct hw_cmd hw_generate_cmds[] = {
    {.noun = "generate",
     .usage = "[--seed N] [--years Y] [--scale S] [--out DIR]",
     .summary = "write a synthetic council's children, episodes and interviews as CSV files",
     .opts = generate_opts,
     .fn = cmd_generate,
     .rectype = -1},
    {.noun = NULL},
};
