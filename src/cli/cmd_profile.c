/* cmd_profile.c - the missing profile (seed 003 section 4.1): set its text
 * fields, store the photograph, show or print it for the police, record
 * that it was sent to them.
 *
 * Writes go through app/profile.h (checked, stored with the child's
 * history, nothing changed on error). Every `profile show` is audited as
 * the profile leaving Homeward: "print" as an HTML page, "export" as text
 * or JSON, with who and to which file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/profile.h"
#include "cli/cli.h"
#include "report/profile_doc.h"

static const struct hw_opt set_opts[] = {
    {"description", "TEXT",
     "what the child looks like: height, build, hair, marks, usual clothing (500 bytes, 6 lines)"},
    {"mobile", "TEXT", "mobile phone numbers (200 bytes, 4 lines)"},
    {"social-media", "TEXT",
     "social media the child uses, with account names (300 bytes, 4 lines)"},
    {"associates", "TEXT", "known associates (500 bytes, 6 lines)"},
    {"addresses", "TEXT", "addresses and places frequented (500 bytes, 6 lines)"},
    {"places-found", "TEXT", "where the child has been found before (500 bytes, 6 lines)"},
    {"risks", "TEXT",
     "specific risks: exploitation, self-harm, people who pose a risk (600 "
     "bytes, 6 lines)"},
    {"medical", "TEXT", "medical needs and medication (400 bytes, 4 lines)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt photo_opts[] = {
    {"file", "FILE",
     "the photograph: a JPEG or PNG file (required; the limit is the "
     "configuration's photo_max_bytes, 2 MiB unless changed)"},
    {NULL, NULL, NULL},
};

static const struct hw_opt show_opts[] = {
    {"format", "FORMAT", "text (default), json, or html: one printable A4 page"},
    {"out", "FILE", "write to FILE (replaced only once complete) instead of the output"},
    {NULL, NULL, NULL},
};

static const struct hw_opt send_opts[] = {
    {"to", "TEXT", "who it went to and how, e.g. \"PC 1234 Smith, by email\" (required)"},
    {NULL, NULL, NULL},
};

/* "risks: at most ..." from app/profile.c -> "--risks: at most ...". */
static void option_names(struct hw_err *err)
{
    for (const struct hw_field *f = hw_profile_fields + 1; f->name; f++) {
        size_t n = strlen(f->name);
        if (strncmp(err->msg, f->name, n) == 0 && err->msg[n] == ':') {
            char opt[HW_OPT_NAME_MAX], rest[sizeof err->msg];
            hw_field_opt_name(f, opt);
            snprintf(rest, sizeof rest, "%s", err->msg + n);
            snprintf(err->msg, sizeof err->msg, "--%.48s%.900s", opt, rest);
            return;
        }
    }
}

static int cmd_profile_set(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                           struct hw_err *err)
{
    (void)cmd;
    struct hw_profile given;
    struct hw_buf changed = {0};
    uint64_t fields = 0;
    int rc = -1;
    hw_profile_init(&given);
    for (const struct hw_field *f = hw_profile_fields + 1; f->name; f++) {
        char opt[HW_OPT_NAME_MAX];
        hw_field_opt_name(f, opt);
        if (hw_arg(a, opt) == NULL)
            continue;
        if (hw_arg_field(a, f, &given, err) < 0)
            goto done;
        fields |= UINT64_C(1) << (f - hw_profile_fields);
    }
    if (fields == 0) {
        hw_fail(err, HW_EINPUT,
                "homeward profile set: give at least one field to set, such as --description "
                "(see --help)");
        goto done;
    }
    if (hw_ctx_store(ctx, err) < 0)
        goto done;
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    /* What differs is what the history will show: compare with what is stored. */
    struct hw_profile before;
    hw_profile_init(&before);
    if (hw_store_get_profile(ctx->store, a->pos[0], &before, err) < 0) {
        hw_profile_clear(&before);
        goto done;
    }
    int saved = hw_profile_set(ctx->store, a->pos[0], &given, fields, &who, &given, err);
    if (saved < 0) {
        option_names(err);
        hw_profile_clear(&before);
        goto done;
    }
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        const char *x = hw_profile_text(&before, i), *y = hw_profile_text(&given, i);
        if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0))
            hw_buf_printf(&changed, "%s%s", changed.len ? ", " : "", hw_profile_fields[i + 1].name);
    }
    hw_profile_clear(&before);
    if (saved == HW_SAVE_SAME)
        fprintf(ctx->out, "Nothing changed in the missing profile of %s.\n", a->pos[0]);
    else
        fprintf(ctx->out, "Missing profile of %s %s: %s.\n", a->pos[0],
                saved == HW_SAVE_NEW ? "written" : "updated", changed.data ? changed.data : "");
    rc = 0;
done:
    hw_buf_free(&changed);
    hw_profile_clear(&given);
    return rc;
}

/* Reads at most max + 1 bytes of path (one more than allowed is enough
 * to say it is too large). */
static int read_photo(const char *path, size_t max, struct hw_buf *out, struct hw_err *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return hw_fail(err, HW_EINPUT, "--file: cannot read %s: %s", path, strerror(errno));
    char chunk[65536];
    size_t n;
    while (out->len <= max && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        hw_buf_append(out, chunk, n);
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed)
        return hw_fail(err, HW_EINPUT, "--file: cannot read %s", path);
    return 0;
}

static int cmd_profile_photo(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                             struct hw_err *err)
{
    (void)cmd;
    const char *path = hw_arg(a, "file");
    struct hw_buf data = {0};
    int rc = -1;
    size_t max = (size_t)ctx->cfg.photo_max_bytes;
    if (path == NULL || *path == '\0') {
        hw_fail(err, HW_EINPUT, "--file is required: the photograph, a JPEG or PNG file");
        goto done;
    }
    if (read_photo(path, max, &data, err) < 0 || hw_ctx_store(ctx, err) < 0)
        goto done;
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    int replaced = hw_profile_set_photo(ctx->store, a->pos[0], (const unsigned char *)data.data,
                                        data.len, max, &who, err);
    if (replaced < 0) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err->msg);
        if (err->kind == HW_EINPUT)
            snprintf(err->msg, sizeof err->msg, "--file %.200s: %.800s", path, msg);
        goto done;
    }
    char bytes[64];
    hw_bytes_text(data.len, bytes, sizeof bytes);
    fprintf(ctx->out, "Photograph of %s %s (%s, %s).\n", a->pos[0],
            replaced ? "replaced" : "stored",
            hw_photo_type((const unsigned char *)data.data, data.len), bytes);
    rc = 0;
done:
    hw_buf_free(&data);
    return rc;
}

static int cmd_profile_show(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    const char *format = hw_arg(a, "format"), *path = hw_arg(a, "out");
    struct hw_profile_doc d;
    struct hw_buf out = {0};
    int fmt = HW_FMT_TEXT, rc = -1;
    bool built = false;
    if (format && strcmp(format, "text") != 0 &&
        (fmt = hw_format_parse_report(format)) != HW_FMT_JSON && fmt != HW_FMT_HTML) {
        hw_fail(err, HW_EINPUT, "--format: expected text, json or html, got '%s'", format);
        goto done;
    }
    if (ctx->user == NULL) {
        hw_fail(err, HW_EINPUT,
                "homeward profile show is audited (the profile leaves Homeward): say who you "
                "are with --user NAME or HOMEWARD_USER");
        goto done;
    }
    if (hw_report_out_check(ctx, a, fmt, err) < 0 || hw_ctx_store(ctx, err) < 0)
        goto done;
    if (hw_profile_doc_build(ctx->store, a->pos[0], ctx->now, ctx->user, fmt == HW_FMT_HTML, &d,
                             err) < 0)
        goto done;
    built = true;
    if (hw_profile_doc_render(&d, fmt, &out, err) < 0)
        goto done;
    char detail[400];
    snprintf(detail, sizeof detail, "missing profile as %s%s%.300s",
             fmt == HW_FMT_HTML   ? "html"
             : fmt == HW_FMT_JSON ? "json"
                                  : "text",
             path ? " to " : "", path ? path : "");
    /* Audited before it is written: an entry that cannot be made stops it. */
    if (hw_audit(ctx->store, ctx->user, ctx->now, fmt == HW_FMT_HTML ? "print" : "export", "child",
                 d.child.id, detail, err) < 0 ||
        hw_report_out_write(ctx, a, fmt, &out, "the missing profile", err) < 0)
        goto done;
    rc = 0;
done:
    if (built)
        hw_profile_doc_free(&d);
    hw_buf_free(&out);
    return rc;
}

static int cmd_profile_send(struct hw_ctx *ctx, const struct hw_cmd *cmd, struct hw_args *a,
                            struct hw_err *err)
{
    (void)cmd;
    char episode[HW_ID_MAX + 1];
    const char *to = hw_arg(a, "to");
    if (to == NULL)
        return hw_fail(err, HW_EINPUT,
                       "--to is required: who the profile went to and how, e.g. \"PC 1234 "
                       "Smith, by email\"");
    if (hw_ctx_store(ctx, err) < 0)
        return -1;
    struct hw_actor who = hw_ctx_actor(ctx, "cli");
    if (hw_profile_send(ctx->store, a->pos[0], to, &who, episode, err) < 0) {
        if (strncmp(err->msg, "sent_to:", 8) == 0) {
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "--to:%s", err->msg + 8);
            snprintf(err->msg, sizeof err->msg, "%s", msg);
        }
        return -1;
    }
    fprintf(ctx->out,
            "The missing profile of %s is recorded as sent to the police for episode %s (%s).\n",
            a->pos[0], episode, to);
    return 0;
}

const struct hw_cmd hw_profile_cmds[] = {
    {.noun = "profile",
     .verb = "set",
     .usage = "CHILD [--description TEXT] [--mobile TEXT] [--social-media TEXT] [--associates "
              "TEXT] [--addresses TEXT] [--places-found TEXT] [--risks TEXT] [--medical TEXT]",
     .summary = "write a child's missing profile for the police: only the fields given change "
                "('' clears one)",
     .opts = set_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_profile_set,
     .rectype = -1,
     .writes = true},
    {.noun = "profile",
     .verb = "photo",
     .usage = "CHILD --file FILE",
     .summary = "store a child's photograph (JPEG or PNG), replacing any before it",
     .opts = photo_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_profile_photo,
     .rectype = -1,
     .writes = true},
    {.noun = "profile",
     .verb = "show",
     .usage = "CHILD [--format text|json|html] [--out FILE]",
     .summary = "a child's missing profile with previous absences; html is one A4 page to "
                "print (audited)",
     .opts = show_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_profile_show,
     .rectype = -1},
    {.noun = "profile",
     .verb = "send",
     .usage = "CHILD --to TEXT",
     .summary = "record that the profile was sent to the police for the open episode (audited)",
     .opts = send_opts,
     .min_pos = 1,
     .max_pos = 1,
     .fn = cmd_profile_send,
     .rectype = -1,
     .writes = true},
    {.noun = NULL},
};
