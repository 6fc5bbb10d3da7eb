/* action_plan_import.c - an action plan's CSV rows to actions and ratings,
 * all or nothing. */
#include "io/action_plan_import.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "app/action_plans.h"
#include "core/rag.h"
#include "core/records.h"
#include "core/strmap.h"
#include "io/csv_read.h"
#include "io/import.h"

enum col {
    COL_REF = 0,
    COL_AREA,
    COL_OUTCOME,
    COL_ACTION,
    COL_SUCCESS,
    COL_LEAD,
    COL_OWNER,
    COL_DUE,
    COL_PROGRESS,
    COL_RAG, /* one per rating occasion */
    COL_KINDS
};

/* The names councils give each column, as normalised (lower case, single
 * spaces). "priority N" and "rag ..." are recognised apart. */
static const struct {
    const char *name;
    enum col col;
} aliases[] = {
    {"ref", COL_REF},
    {"ref.", COL_REF},
    {"ref no", COL_REF},
    {"reference", COL_REF},
    {"area", COL_AREA},
    {"key area", COL_AREA},
    {"key areas", COL_AREA},
    {"priority", COL_AREA},
    {"theme", COL_AREA},
    {"outcome", COL_OUTCOME},
    {"outcomes", COL_OUTCOME},
    {"objective", COL_OUTCOME},
    {"what we will do", COL_OUTCOME},
    {"action", COL_ACTION},
    {"actions", COL_ACTION},
    {"how we will do it", COL_ACTION},
    {"success measure", COL_SUCCESS},
    {"success measures", COL_SUCCESS},
    {"success measure(s)", COL_SUCCESS},
    {"measure of success", COL_SUCCESS},
    {"how we will know the action has been completed effectively", COL_SUCCESS},
    {"lead", COL_LEAD},
    {"owner", COL_OWNER},
    {"responsible officer", COL_OWNER},
    {"responsible", COL_OWNER},
    {"who", COL_OWNER},
    {"who will be responsible", COL_OWNER},
    {"due", COL_DUE},
    {"due date", COL_DUE},
    {"deadline", COL_DUE},
    {"time", COL_DUE},
    {"timescale", COL_DUE},
    {"timescale for completion", COL_DUE},
    {"by when", COL_DUE},
    {"progress", COL_PROGRESS},
    {"progress update", COL_PROGRESS},
    {"progress notes", COL_PROGRESS},
    {"update", COL_PROGRESS},
};

#define KNOWN_COLUMNS                                                                              \
    "Ref, Area (or Key Areas, Priority), Outcome (or What we will do), Action (or How we will "    \
    "do it), Success measure, Lead, Owner (or Responsible Officer, Who), Due (or Time, "           \
    "Timescale, By When), Progress (or Progress update), and RAG columns: RAG (the rating now), "  \
    "RAG Initial, RAG <date or month> (RAG 01/18)"

/* A RAG column's occasion. */
enum rag_when { RAG_DATED = 0, RAG_INITIAL, RAG_CURRENT };

struct column {
    enum col col;
    enum rag_when when; /* COL_RAG */
    hw_date on;         /* COL_RAG, RAG_DATED */
    char *title;        /* the header as written, for messages */
};

struct importer {
    struct hw_store *store;
    const struct hw_actor *who;
    const char *path, *plan;
    hw_date today;
    struct hw_plan_import_result *res;
    struct column *cols;
    size_t ncols;
    bool have_header;
    int single[COL_RAG];   /* the column of each kind, -1 when absent */
    struct hw_strmap seen; /* refs in this file -> line */
    char *area, *outcome;  /* carried down from the rows above */
    int position;
    struct hw_row_errors errs;
};

/* Header names: trimmed, lower-cased, runs of blanks as one space. */
static void normalise(const char *s, char *buf, size_t size)
{
    size_t n = 0;
    bool space = false;
    while (isspace((unsigned char)*s))
        s++;
    for (; *s && n + 1 < size; s++) {
        if (isspace((unsigned char)*s)) {
            space = true;
            continue;
        }
        if (space && n + 2 < size)
            buf[n++] = ' ';
        space = false;
        buf[n++] = (char)tolower((unsigned char)*s);
    }
    buf[n] = '\0';
}

/* The column a normalised header names; -1 when none. */
static int classify(const char *h, struct column *c)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(h, aliases[i].name) == 0) {
            c->col = aliases[i].col;
            return 0;
        }
    if (strncmp(h, "priority ", 9) == 0) { /* "Priority 6" */
        const char *p = h + 9;
        while (isdigit((unsigned char)*p))
            p++;
        if (p > h + 9 && *p == '\0') {
            c->col = COL_AREA;
            return 0;
        }
    }
    if (strcmp(h, "rag") == 0 || strcmp(h, "rag rating") == 0 || strcmp(h, "current rag") == 0 ||
        strcmp(h, "rag now") == 0) {
        c->col = COL_RAG;
        c->when = RAG_CURRENT;
        return 0;
    }
    if (strncmp(h, "rag ", 4) == 0) {
        c->col = COL_RAG;
        if (strcmp(h + 4, "initial") == 0) {
            c->when = RAG_INITIAL;
            return 0;
        }
        c->when = RAG_DATED;
        return hw_plan_parse_date(h + 4, false, &c->on);
    }
    return -1;
}

static bool same_occasion(const struct column *a, const struct column *b)
{
    return a->when == b->when && (a->when != RAG_DATED || a->on == b->on);
}

static int read_header(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    im->cols = hw_calloc(row->nfields ? row->nfields : 1, sizeof *im->cols);
    im->ncols = row->nfields;
    for (int k = 0; k < COL_RAG; k++)
        im->single[k] = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        char name[128];
        struct column *c = &im->cols[i];
        c->title = hw_strdup(row->fields[i]);
        normalise(row->fields[i], name, sizeof name);
        if (strlen(row->fields[i]) >= sizeof name || classify(name, c) < 0)
            return hw_fail(err, HW_EINPUT,
                           "%s:%zu: unknown column '%.60s'; the columns are " KNOWN_COLUMNS,
                           im->path, row->line, row->fields[i]);
        if (c->col != COL_RAG) {
            if (im->single[c->col] >= 0)
                return hw_fail(err, HW_EINPUT,
                               "%s:%zu: columns '%.60s' and '%.60s' are the same column (columns "
                               "%d and %zu)",
                               im->path, row->line, im->cols[im->single[c->col]].title,
                               row->fields[i], im->single[c->col] + 1, i + 1);
            im->single[c->col] = (int)i;
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (im->cols[j].col == COL_RAG && same_occasion(&im->cols[j], c))
                return hw_fail(err, HW_EINPUT,
                               "%s:%zu: columns '%.60s' and '%.60s' rate the same occasion "
                               "(columns %zu and %zu)",
                               im->path, row->line, im->cols[j].title, row->fields[i], j + 1,
                               i + 1);
    }
    if (im->single[COL_REF] < 0)
        return hw_fail(err, HW_EINPUT,
                       "%s:%zu: required column Ref is missing: give each action a ref (1.1, "
                       "1.2, ...) so that importing the plan again updates it",
                       im->path, row->line);
    if (im->single[COL_ACTION] < 0)
        return hw_fail(err, HW_EINPUT,
                       "%s:%zu: required column Action (or How we will do it) is missing", im->path,
                       row->line);
    im->have_header = true;
    return 0;
}

/* The cell of column col trimmed of blanks (owned); NULL for an absent
 * column (col -1). */
static char *cell(const struct hw_csv_row *row, int col)
{
    if (col < 0)
        return NULL;
    const char *s = row->fields[col];
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return hw_strndup(s, n);
}

static bool row_blank(const struct hw_csv_row *row)
{
    for (size_t i = 0; i < row->nfields; i++)
        for (const char *p = row->fields[i]; *p; p++)
            if (!isspace((unsigned char)*p))
                return false;
    return true;
}

/* The only column of a row with text; -1 when none or several. */
static int lone_cell(const struct hw_csv_row *row)
{
    int found = -1;
    for (size_t i = 0; i < row->nfields; i++) {
        const char *p = row->fields[i];
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '\0')
            continue;
        if (found >= 0)
            return -1;
        found = (int)i;
    }
    return found;
}

static void set_carry(char **slot, const char *text)
{
    free(*slot);
    *slot = hw_strdup(text);
}

/* Checks one text cell of an action; reports it when bad. */
static bool text_ok(struct importer *im, size_t line, int col, const char *v, size_t max)
{
    struct hw_err why;
    if (v == NULL || hw_text_check(v, max, &why) == 0)
        return true;
    hw_row_error(&im->errs, line, "column %s: '%.40s%s': %s", im->cols[col].title, v,
                 strlen(v) > 40 ? "..." : "", why.msg);
    return false;
}

static int read_row(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    enum { T_REF, T_AREA, T_OUTCOME, T_ACTION, T_SUCCESS, T_LEAD, T_OWNER, T_DUE, T_PROGRESS };
    char *v[COL_RAG] = {NULL};
    int *rags = NULL;
    bool ok = true;
    int rc = 0;
    size_t line = row->line;

    if (row_blank(row))
        return 0;
    if (row->nfields != im->ncols) {
        im->res->rows++;
        hw_row_error(&im->errs, line, "has %zu fields but the header has %zu", row->nfields,
                     im->ncols);
        return 0;
    }
    if (row->nul_byte || row->bad_utf8) {
        im->res->rows++;
        size_t c = row->nul_byte ? row->nul_byte - 1 : row->bad_utf8 - 1;
        hw_row_error(&im->errs, line, "column %s: %s", im->cols[c].title,
                     row->nul_byte ? "text holds a control character (code 0)"
                                   : "the text is not UTF-8 (save the file as UTF-8)");
        return 0;
    }
    for (int k = 0; k < COL_RAG; k++)
        v[k] = cell(row, im->single[k]);

    /* A heading: no ref, no action, text in the area or outcome column only. */
    int lone = lone_cell(row);
    if (lone >= 0 && (im->cols[lone].col == COL_AREA || im->cols[lone].col == COL_OUTCOME)) {
        char *h = cell(row, lone);
        if (text_ok(im, line, lone, h, HW_PLAN_SHORT_MAX)) {
            set_carry(&im->area, h);
            set_carry(&im->outcome, NULL);
        } else {
            im->res->rows++;
        }
        free(h);
        goto done;
    }
    im->res->rows++;
    im->position++;

    /* The area and outcome of the rows above, when blank here. */
    for (int k = T_AREA; k <= T_OUTCOME; k++) {
        char **carry = k == T_AREA ? &im->area : &im->outcome;
        if (v[k] && v[k][0]) {
            set_carry(carry, v[k]);
        } else if (*carry) {
            free(v[k]);
            v[k] = hw_strdup(*carry);
        }
    }

    struct hw_err why;
    if (hw_plan_check_ref(v[T_REF], &why) < 0) {
        hw_row_error(&im->errs, line, "column %s: '%.60s': %s", im->cols[im->single[COL_REF]].title,
                     v[T_REF] ? v[T_REF] : "", why.msg);
        ok = false;
    } else {
        size_t first;
        if (hw_strmap_get(&im->seen, v[T_REF], &first)) {
            hw_row_error(&im->errs, line, "column %s: '%s' appears again (first on line %zu)",
                         im->cols[im->single[COL_REF]].title, v[T_REF], first);
            ok = false;
        } else {
            hw_strmap_put(&im->seen, v[T_REF], line);
        }
    }
    if (v[T_ACTION] == NULL || v[T_ACTION][0] == '\0') {
        hw_row_error(&im->errs, line,
                     "column %s: '': expected the action (every row with a ref needs one)",
                     im->cols[im->single[COL_ACTION]].title);
        ok = false;
    }
    static const int text_kinds[] = {T_AREA, T_OUTCOME, T_ACTION,  T_SUCCESS,
                                     T_LEAD, T_OWNER,   T_PROGRESS};
    for (size_t i = 0; i < sizeof text_kinds / sizeof text_kinds[0]; i++) {
        int k = text_kinds[i];
        size_t max =
            k == T_AREA || k == T_LEAD || k == T_OWNER ? HW_PLAN_SHORT_MAX : HW_PLAN_TEXT_MAX;
        int col = im->single[k];
        if (col < 0) /* carried area or outcome of a file without the column: cannot be */
            continue;
        ok &= text_ok(im, line, col, v[k], max);
    }
    hw_date due = HW_NO_DATE;
    if (v[T_DUE] && v[T_DUE][0] && hw_plan_parse_date(v[T_DUE], true, &due) < 0) {
        hw_row_error(&im->errs, line,
                     "column %s: '%.60s': expected " HW_PLAN_DATE_FORMS ", or nothing",
                     im->cols[im->single[COL_DUE]].title, v[T_DUE]);
        ok = false;
    }
    rags = hw_calloc(im->ncols ? im->ncols : 1, sizeof *rags);
    for (size_t c = 0; c < im->ncols; c++) {
        if (im->cols[c].col != COL_RAG)
            continue;
        char *r = cell(row, (int)c);
        rags[c] = hw_rag_parse_loose(r);
        if (rags[c] > HW_RAG_NONE && im->cols[c].when == RAG_DATED && im->cols[c].on > im->today) {
            char today[HW_DATE_LEN];
            hw_format_date(im->today, today);
            hw_row_error(&im->errs, line,
                         "column %s: '%.40s': a rating for a day after today (%s); leave it empty "
                         "until then",
                         im->cols[c].title, r, today);
            ok = false;
        } else if (rags[c] < 0) {
            hw_row_error(&im->errs, line,
                         "column %s: '%.40s': expected red, amber, green or complete (or R, A, G, "
                         "C; 1, 2, 3; empty or 0: not rated)",
                         im->cols[c].title, r);
            ok = false;
        }
        free(r);
    }
    /* Once any row is bad the import will be refused: keep checking, stop writing. */
    if (!ok || im->res->n_errors)
        goto done;

    struct hw_plan_action a = {
        .plan = im->plan,
        .ref = v[T_REF],
        .position = im->position,
        .area = v[T_AREA] && v[T_AREA][0] ? v[T_AREA] : NULL,
        .outcome = v[T_OUTCOME] && v[T_OUTCOME][0] ? v[T_OUTCOME] : NULL,
        .action = v[T_ACTION],
        .success_measure = v[T_SUCCESS] && v[T_SUCCESS][0] ? v[T_SUCCESS] : NULL,
        .lead = v[T_LEAD] && v[T_LEAD][0] ? v[T_LEAD] : NULL,
        .owner = v[T_OWNER] && v[T_OWNER][0] ? v[T_OWNER] : NULL,
        .due = due,
        .progress = v[T_PROGRESS] && v[T_PROGRESS][0] ? v[T_PROGRESS] : NULL};
    int saved = hw_plan_save(im->store, &a, im->who, err);
    if (saved < 0) {
        rc = -1;
        goto done;
    }
    im->res->added += saved == HW_SAVE_NEW;
    im->res->updated += saved == HW_SAVE_CHANGED;
    im->res->same += saved == HW_SAVE_SAME;
    for (size_t c = 0; c < im->ncols; c++) {
        if (im->cols[c].col != COL_RAG || rags[c] <= HW_RAG_NONE)
            continue;
        const struct column *col = &im->cols[c];
        hw_date on = col->when == RAG_DATED     ? col->on
                     : col->when == RAG_CURRENT ? im->today
                                                : HW_NO_DATE;
        int r = hw_plan_rate(im->store, im->plan, a.ref, on, rags[c], NULL,
                             col->when == RAG_CURRENT ? HW_RATE_LATEST : HW_RATE_SAME_DATE, im->who,
                             err);
        if (r < 0) {
            rc = -1;
            goto done;
        }
        im->res->ratings += (size_t)r;
    }
done:
    for (int k = 0; k < COL_RAG; k++)
        free(v[k]);
    free(rags);
    return rc;
}

static int on_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct importer *im = ctx;
    if (!im->have_header)
        return read_header(im, row, err);
    return read_row(im, row, err);
}

/* The file's name without its directory and extension. */
static char *name_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    return hw_strndup(base, n);
}

static int import(struct hw_store *s, const char *plan, const char *path, const char *data,
                  size_t len, hw_date today, const struct hw_actor *who,
                  struct hw_plan_import_result *res, struct hw_err *err)
{
    struct importer im = {.store = s,
                          .who = who,
                          .path = path,
                          .today = today,
                          .res = res,
                          .errs = {path, &res->errors, &res->n_errors, &res->bad_rows,
                                   HW_PLAN_IMPORT_ERRORS_LISTED, 0}};
    struct hw_err why;
    int rc = -1;
    memset(res, 0, sizeof *res);
    res->plan = plan ? hw_strdup(plan) : name_from_path(path);
    im.plan = res->plan;
    if (hw_plan_check_name(im.plan, &why) < 0) {
        hw_fail(err, HW_EINPUT, "%s: the plan's name '%.60s': %s (name it with --plan NAME)", path,
                im.plan, why.msg);
        goto done;
    }
    struct hw_import_counts counts = {&im.have_header, &res->bad_rows, &res->n_errors};
    if (hw_import_rows(s, path, data, len, on_row, &im, &counts, err) < 0)
        goto done;
    rc = 0;
done:
    for (size_t i = 0; i < im.ncols; i++)
        free(im.cols[i].title);
    free(im.cols);
    free(im.area);
    free(im.outcome);
    hw_strmap_free(&im.seen);
    if (rc < 0)
        res->added = res->updated = res->same = res->ratings = 0;
    return rc;
}

int hw_plan_import_csv(struct hw_store *s, const char *plan, const char *path, hw_date today,
                       const struct hw_actor *who, struct hw_plan_import_result *res,
                       struct hw_err *err)
{
    return import(s, plan, path, NULL, 0, today, who, res, err);
}

int hw_plan_import_buffer(struct hw_store *s, const char *plan, const char *name, const char *data,
                          size_t len, hw_date today, const struct hw_actor *who,
                          struct hw_plan_import_result *res, struct hw_err *err)
{
    return import(s, plan, name, data ? data : "", len, today, who, res, err);
}

void hw_plan_import_result_free(struct hw_plan_import_result *res)
{
    free(res->plan);
    res->plan = NULL;
    hw_buf_free(&res->errors);
}
