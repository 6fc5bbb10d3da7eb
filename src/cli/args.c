/* args.c - parsing a command's options against its table. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "report/table.h"

static int find_opt(const struct hw_args *a, const char *name, size_t len)
{
    for (int i = 0; i < a->nopts; i++)
        if (strlen(a->opts[i].name) == len && strncmp(a->opts[i].name, name, len) == 0)
            return i;
    return -1;
}

int hw_args_parse(struct hw_args *a, const struct hw_opt *opts, int argc, char **argv,
                  const char *cmdname, struct hw_err *err)
{
    memset(a, 0, sizeof *a);
    a->opts = opts;
    while (opts && opts[a->nopts].name && a->nopts < HW_MAX_OPTS)
        a->nopts++;
    bool only_pos = false;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        if (only_pos || s[0] != '-' || s[1] != '-') {
            if (a->npos == HW_MAX_ARGS)
                return hw_fail(err, HW_EINPUT, "%s: too many arguments", cmdname);
            a->pos[a->npos++] = s;
            continue;
        }
        if (s[2] == '\0') { /* "--" ends the options */
            only_pos = true;
            continue;
        }
        const char *name = s + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        int k = find_opt(a, name, len);
        if (k < 0)
            return hw_fail(err, HW_EINPUT, "%s: unknown option --%.*s (see --help)", cmdname,
                           (int)len, name);
        if (a->present[k])
            return hw_fail(err, HW_EINPUT, "%s: option --%s is given twice", cmdname, opts[k].name);
        a->present[k] = true;
        if (opts[k].arg == NULL) {
            if (eq)
                return hw_fail(err, HW_EINPUT, "%s: option --%s takes no value", cmdname,
                               opts[k].name);
            continue;
        }
        if (eq) {
            a->values[k] = eq + 1;
        } else if (i + 1 < argc) {
            a->values[k] = argv[++i];
        } else {
            return hw_fail(err, HW_EINPUT, "%s: option --%s needs a value (%s)", cmdname,
                           opts[k].name, opts[k].arg);
        }
    }
    return 0;
}

const char *hw_arg(const struct hw_args *a, const char *name)
{
    int k = find_opt(a, name, strlen(name));
    return k >= 0 ? a->values[k] : NULL;
}

bool hw_flag(const struct hw_args *a, const char *name)
{
    int k = find_opt(a, name, strlen(name));
    return k >= 0 && a->present[k];
}

int hw_arg_format(const struct hw_args *a, int *fmt, struct hw_err *err)
{
    const char *s = hw_arg(a, "format");
    *fmt = HW_FMT_TEXT;
    if (s && (*fmt = hw_format_parse(s)) < 0)
        return hw_fail(err, HW_EINPUT, "--format: expected text, csv or json, got '%s'", s);
    return 0;
}

void hw_field_opt_name(const struct hw_field *f, char buf[HW_OPT_NAME_MAX])
{
    snprintf(buf, HW_OPT_NAME_MAX, "%s", f->name);
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = '-';
}

int hw_arg_field(const struct hw_args *a, const struct hw_field *f, void *rec, struct hw_err *err)
{
    char opt[HW_OPT_NAME_MAX];
    struct hw_err why;
    hw_field_opt_name(f, opt);
    const char *v = hw_arg(a, opt);
    if (v && hw_field_set(f, rec, v, &why) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%.80s': %s", opt, v, why.msg);
    return 0;
}

int hw_arg_time(const struct hw_args *a, const char *name, hw_instant def, hw_instant *out,
                struct hw_err *err)
{
    const char *s = hw_arg(a, name), *why = NULL;
    *out = def;
    if (s && hw_parse_local_time(s, out, &why) < 0)
        return hw_fail(err, HW_EINPUT, "--%s: '%s': %s", name, s,
                       why ? why : "expected YYYY-MM-DD HH:MM or DD/MM/YYYY HH:MM");
    return 0;
}
