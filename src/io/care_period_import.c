/* care_period_import.c - a CSV file of periods of care into the store, all or
 * nothing (io/care_period_import.h). */
#include "io/care_period_import.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/hwtime.h"
#include "core/records.h"
#include "core/strmap.h"
#include "io/csv_read.h"
#include "io/import.h"

enum col {
    C_CHILD = 0,
    C_DECOM,
    C_DEC,
    C_REC,
    C_RNE,
    C_LS,
    C_CIN,
    C_PLACE,
    C_PROVIDER,
    C_RPC,
    C_HOME_POST,
    C_PL_POST,
    C_URN,
    C_COUNT
};

const char *const hw_care_period_columns[HW_CARE_PERIOD_COLUMNS] = {"child_id",
                                                                    "decom",
                                                                    "dec",
                                                                    "rec",
                                                                    "rne",
                                                                    "ls",
                                                                    "cin",
                                                                    "place",
                                                                    "place_provider",
                                                                    "reason_place_change",
                                                                    "home_post",
                                                                    "pl_post",
                                                                    "urn"};
#define col_names hw_care_period_columns
_Static_assert(C_COUNT == HW_CARE_PERIOD_COLUMNS, "one name per column");

/* The longest code or postcode kept: the 903's longest is a postcode. */
#define CODE_MAX 8

/* A period read from the file, for the overlap checks: chained per child. */
struct seen {
    hw_date decom, dec;
    size_t line;
    size_t prev; /* 1 + the index of the child's period before, 0 for none */
};

struct importer {
    struct hw_store *store;
    const char *path;
    struct hw_care_period_import_result *res;
    int col[C_COUNT]; /* the file's column of each field, -1 when absent */
    size_t ncols;
    bool have_header;
    struct hw_strmap keys; /* "child\tdecom" -> line */
    struct seen *seen;
    size_t nseen, capseen;
    struct hw_strmap last; /* child -> 1 + the index of their latest period in seen */
    struct hw_row_errors errs;
};

/* s without surrounding blanks (owned). */
static char *trimmed(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    return hw_strndup(s, n);
}

static int read_header(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    for (int k = 0; k < C_COUNT; k++)
        im->col[k] = -1;
    im->ncols = row->nfields;
    for (size_t i = 0; i < row->nfields; i++) {
        char *h = trimmed(row->fields[i]);
        int k = 0;
        while (k < C_COUNT && strcasecmp(h, col_names[k]) != 0)
            k++;
        if (k == C_COUNT) {
            int rc = hw_fail(err, HW_EINPUT,
                             "%s:%zu: unknown column '%.60s'; the columns are child_id, decom, "
                             "dec, rec, rne, ls, cin, place, place_provider, reason_place_change, "
                             "home_post, pl_post, urn",
                             im->path, row->line, h);
            free(h);
            return rc;
        }
        free(h);
        if (im->col[k] >= 0)
            return hw_fail(err, HW_EINPUT, "%s:%zu: column %s appears twice (columns %d and %zu)",
                           im->path, row->line, col_names[k], im->col[k] + 1, i + 1);
        im->col[k] = (int)i;
    }
    for (int k = C_CHILD; k <= C_DECOM; k++)
        if (im->col[k] < 0)
            return hw_fail(err, HW_EINPUT, "%s:%zu: required column %s is missing", im->path,
                           row->line, col_names[k]);
    im->have_header = true;
    return 0;
}

/* A code or postcode: upper-cased in place; NULL when blank. */
static bool code_ok(char *v, bool spaces)
{
    if (strlen(v) > CODE_MAX)
        return false;
    for (char *p = v; *p; p++) {
        if (!isalnum((unsigned char)*p) && !(spaces && *p == ' '))
            return false;
        *p = (char)toupper((unsigned char)*p);
    }
    return true;
}

struct stored {
    struct hw_care_period *p;
    size_t n, cap;
};

static int on_stored(void *ctx, const struct hw_care_period *p)
{
    struct stored *st = ctx;
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 4;
        st->p = hw_reallocarray(st->p, st->cap, sizeof *st->p);
    }
    st->p[st->n++] = hw_care_period_copy(p);
    return 0;
}

static void stored_free(struct stored *st)
{
    for (size_t i = 0; i < st->n; i++)
        hw_care_period_free(&st->p[i]);
    free(st->p);
}

static bool str_same(const char *a, const char *b)
{
    return (a == NULL || *a == '\0') ? (b == NULL || *b == '\0') : b != NULL && strcmp(a, b) == 0;
}

static bool period_same(const struct hw_care_period *a, const struct hw_care_period *b)
{
    return a->decom == b->decom && a->dec == b->dec && str_same(a->rec, b->rec) &&
           str_same(a->rne, b->rne) && str_same(a->ls, b->ls) && str_same(a->cin, b->cin) &&
           str_same(a->place, b->place) && str_same(a->place_provider, b->place_provider) &&
           str_same(a->reason_place_change, b->reason_place_change) &&
           str_same(a->home_post, b->home_post) && str_same(a->pl_post, b->pl_post) &&
           str_same(a->urn, b->urn);
}

/* True when [a0, a1] and [b0, b1] (HW_NO_DATE: still open) share a day. */
static bool overlap(hw_date a0, hw_date a1, hw_date b0, hw_date b1)
{
    return (a1 == HW_NO_DATE || b0 <= a1) && (b1 == HW_NO_DATE || a0 <= b1);
}

static void format_span(hw_date from, hw_date to, char *buf, size_t size)
{
    char f[HW_DATE_LEN], t[HW_DATE_LEN];
    hw_format_date(from, f);
    if (to == HW_NO_DATE)
        snprintf(buf, size, "from %s (still open)", f);
    else {
        hw_format_date(to, t);
        snprintf(buf, size, "from %s to %s", f, t);
    }
}

static int read_row(struct importer *im, const struct hw_csv_row *row, struct hw_err *err)
{
    size_t line = row->line;
    im->res->rows++;
    if (row->nfields != im->ncols) {
        hw_row_error(&im->errs, line, "has %zu fields but the header has %zu", row->nfields,
                     im->ncols);
        return 0;
    }
    if (row->nul_byte || row->bad_utf8) {
        size_t c = row->nul_byte ? row->nul_byte - 1 : row->bad_utf8 - 1;
        hw_row_error(&im->errs, line, "column %.40s: %s", row->fields[c] ? row->fields[c] : "",
                     row->nul_byte ? "text holds a control character (code 0)"
                                   : "the text is not UTF-8 (save the file as UTF-8)");
        return 0;
    }
    char *v[C_COUNT] = {NULL};
    for (int k = 0; k < C_COUNT; k++)
        v[k] = im->col[k] >= 0 ? trimmed(row->fields[im->col[k]]) : hw_strdup("");
    bool ok = true;
    int rc = 0;
    struct stored st = {0};

    struct hw_child child;
    hw_record_init(hw_child_fields, &child);
    int found = 0;
    if (v[C_CHILD][0] == '\0') {
        hw_row_error(&im->errs, line, "column child_id: '': expected the child's ID");
        ok = false;
    } else {
        found = hw_store_get(im->store, HW_REC_CHILD, v[C_CHILD], &child, err);
        if (found < 0) {
            rc = -1;
            goto done;
        }
        if (!found) {
            hw_row_error(&im->errs, line,
                         "column child_id: '%.60s': no such child (import the children first)",
                         v[C_CHILD]);
            ok = false;
        }
    }
    hw_date decom = HW_NO_DATE, dec = HW_NO_DATE;
    if (hw_parse_date(v[C_DECOM], &decom) < 0) {
        hw_row_error(
            &im->errs, line,
            "column decom: '%.40s': expected the date care began, YYYY-MM-DD or DD/MM/YYYY",
            v[C_DECOM]);
        ok = false;
    } else if (found && child.dob != HW_NO_DATE && decom < child.dob) {
        char b[HW_DATE_LEN];
        hw_format_date(child.dob, b);
        hw_row_error(&im->errs, line, "column decom: %s is before the child's date of birth %s",
                     v[C_DECOM], b);
        ok = false;
    }
    if (v[C_DEC][0] && hw_parse_date(v[C_DEC], &dec) < 0) {
        hw_row_error(
            &im->errs, line,
            "column dec: '%.40s': expected the date care ended, YYYY-MM-DD or DD/MM/YYYY, or "
            "nothing "
            "while the child is looked after",
            v[C_DEC]);
        ok = false;
    } else if (dec != HW_NO_DATE && decom != HW_NO_DATE && dec < decom) {
        hw_row_error(&im->errs, line, "column dec: %s is before decom %s", v[C_DEC], v[C_DECOM]);
        ok = false;
    }
    if (v[C_DEC][0] && !v[C_REC][0]) {
        hw_row_error(&im->errs, line,
                     "column rec: '': expected the reason care ended (the period ended %s)",
                     v[C_DEC]);
        ok = false;
    } else if (!v[C_DEC][0] && v[C_REC][0]) {
        hw_row_error(&im->errs, line,
                     "column rec: '%.20s': a reason is given but the period has no end (dec)",
                     v[C_REC]);
        ok = false;
    }
    for (int k = C_REC; k < C_COUNT; k++) {
        bool postcode = k == C_HOME_POST || k == C_PL_POST;
        if (!code_ok(v[k], postcode)) {
            hw_row_error(
                &im->errs, line, "column %s: '%.40s': expected %s of at most %d characters",
                col_names[k], v[k],
                postcode ? "letters, digits and spaces" : "a code of letters and digits", CODE_MAX);
            ok = false;
        }
    }
    if (!ok)
        goto done;

    /* The same period twice in the file. */
    char decom_s[HW_DATE_LEN];
    hw_format_date(decom, decom_s);
    char *key = hw_asprintf("%s\t%s", v[C_CHILD], decom_s);
    size_t first;
    if (hw_strmap_get(&im->keys, key, &first)) {
        hw_row_error(&im->errs, line,
                     "column decom: child %s's period from %s appears again (first on line %zu)",
                     v[C_CHILD], decom_s, first);
        free(key);
        goto done;
    }
    hw_strmap_put(&im->keys, key, line);
    free(key);

    /* Overlaps with the file's earlier rows, then with what is stored (but
     * for this file's own periods, already written, and the one replaced). */
    char span[64], other[64];
    format_span(decom, dec, span, sizeof span);
    size_t latest = 0;
    hw_strmap_get(&im->last, v[C_CHILD], &latest);
    const struct seen *earliest = NULL; /* the first in the file it overlaps */
    for (size_t k = latest; k; k = im->seen[k - 1].prev)
        if (overlap(im->seen[k - 1].decom, im->seen[k - 1].dec, decom, dec))
            earliest = &im->seen[k - 1];
    if (earliest) {
        format_span(earliest->decom, earliest->dec, other, sizeof other);
        hw_row_error(&im->errs, line,
                     "column decom: child %s's period %s overlaps the period %s on line %zu "
                     "(a new period starts only after the previous one ended)",
                     v[C_CHILD], span, other, earliest->line);
        ok = false;
    }
    if (hw_store_list_care_periods(im->store, v[C_CHILD], on_stored, &st, err) < 0) {
        rc = -1;
        goto done;
    }
    const struct hw_care_period *replaced = NULL;
    for (size_t i = 0; ok && i < st.n; i++) {
        const struct hw_care_period *p = &st.p[i];
        char pk[HW_DATE_LEN];
        hw_format_date(p->decom, pk);
        char *k2 = hw_asprintf("%s\t%s", v[C_CHILD], pk);
        bool ours = hw_strmap_get(&im->keys, k2, &(size_t){0});
        free(k2);
        if (p->decom == decom) {
            replaced = p;
            continue;
        }
        if (!ours && overlap(p->decom, p->dec, decom, dec)) {
            format_span(p->decom, p->dec, other, sizeof other);
            hw_row_error(&im->errs, line,
                         "column decom: child %s's period %s overlaps the stored period %s "
                         "(a new period starts only after the previous one ended)",
                         v[C_CHILD], span, other);
            ok = false;
        }
    }
    if (im->nseen == im->capseen) {
        im->capseen = im->capseen ? 2 * im->capseen : 64;
        im->seen = hw_reallocarray(im->seen, im->capseen, sizeof *im->seen);
    }
    im->seen[im->nseen++] = (struct seen){decom, dec, line, latest};
    hw_strmap_put(&im->last, v[C_CHILD], im->nseen);
    /* Once any row is bad the import will be refused: keep checking, stop writing. */
    if (!ok || im->res->n_errors)
        goto done;

#define OPT(k) (v[k][0] ? v[k] : NULL)
    struct hw_care_period p = {.child_id = v[C_CHILD],
                               .decom = decom,
                               .dec = dec,
                               .rec = OPT(C_REC),
                               .rne = OPT(C_RNE),
                               .ls = OPT(C_LS),
                               .cin = OPT(C_CIN),
                               .place = OPT(C_PLACE),
                               .place_provider = OPT(C_PROVIDER),
                               .reason_place_change = OPT(C_RPC),
                               .home_post = OPT(C_HOME_POST),
                               .pl_post = OPT(C_PL_POST),
                               .urn = OPT(C_URN)};
#undef OPT
    if (replaced && period_same(replaced, &p)) {
        im->res->same++;
        goto done;
    }
    int put = hw_store_put_care_period(im->store, &p, err);
    if (put < 0) {
        rc = -1;
        goto done;
    }
    im->res->added += put == 0;
    im->res->updated += put == 1;
done:
    stored_free(&st);
    hw_record_clear(hw_child_fields, &child);
    for (int k = 0; k < C_COUNT; k++)
        free(v[k]);
    return rc;
}

static int on_row(void *ctx, const struct hw_csv_row *row, struct hw_err *err)
{
    struct importer *im = ctx;
    if (!im->have_header)
        return read_header(im, row, err);
    return read_row(im, row, err);
}

int hw_care_period_import(struct hw_store *s, const char *path, const char *data, size_t len,
                          struct hw_care_period_import_result *res, struct hw_err *err)
{
    memset(res, 0, sizeof *res);
    struct importer im = {.store = s,
                          .path = path,
                          .res = res,
                          .errs = {path, &res->errors, &res->n_errors, &res->bad_rows,
                                   HW_CARE_PERIOD_ERRORS_LISTED, 0}};
    struct hw_import_counts counts = {&im.have_header, &res->bad_rows, &res->n_errors};
    int rc = hw_import_rows(s, path, data, len, on_row, &im, &counts, err);
    hw_strmap_free(&im.keys);
    hw_strmap_free(&im.last);
    free(im.seen);
    return rc;
}

void hw_care_period_import_result_free(struct hw_care_period_import_result *res)
{
    hw_buf_free(&res->errors);
}
