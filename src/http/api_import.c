/* api_import.c - a CSV file uploaded for import: the same checks and the
 * same all-or-nothing import as `homeward import`, with every row error
 * returned as data. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/care_period_import.h"
#include "io/import.h"

/* The importer's error lines ("upload.csv:LINE: column NAME: ...") as
 * {"line", "column", "message"}. */
static json_t *row_errors(const struct hw_buf *errors, const char *name)
{
    json_t *list = json_array();
    const char *p = errors->data ? errors->data : "";
    size_t prefix = strlen(name);
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char *line = hw_strndup(p, n);
        json_t *o = json_object();
        const char *rest = line;
        long row = 0;
        if (strncmp(line, name, prefix) == 0 && line[prefix] == ':') {
            char *after;
            row = strtol(line + prefix + 1, &after, 10);
            if (*after == ':') {
                rest = after + 1;
                while (*rest == ' ')
                    rest++;
            }
        }
        json_object_set_new(o, "line", row > 0 ? json_integer(row) : json_null());
        const char *colon;
        json_t *value = json_null();
        if (strncmp(rest, "column ", 7) == 0 && (colon = strchr(rest + 7, ':')) != NULL) {
            json_object_set_new(o, "column", json_stringn(rest + 7, (size_t)(colon - rest - 7)));
            /* "column x: 'VALUE': why" */
            const char *q = colon + 1, *close;
            while (*q == ' ')
                q++;
            if (*q == '\'' && (close = strstr(q + 1, "': ")) != NULL) {
                json_decref(value);
                value = json_stringn(q + 1, (size_t)(close - q - 1));
            }
        } else {
            json_object_set_new(o, "column", json_null());
        }
        json_object_set_new(o, "value", value);
        json_object_set_new(o, "message", json_string(rest));
        json_array_append_new(list, o);
        free(line);
        p += n;
        if (*p == '\n')
            p++;
    }
    return list;
}

/* A refused import: 422 with every row error, or the fault. */
static void refused(struct hw_response *rs, const struct hw_err *err, size_t rows, size_t bad_rows,
                    const struct hw_buf *errors, const char *name)
{
    if (err->kind != HW_EINPUT) {
        hw_api_fault(rs, err);
        return;
    }
    json_t *e = json_object();
    json_object_set_new(e, "message", json_string(err->msg));
    json_object_set_new(e, "field", json_null());
    json_t *o = json_object();
    json_object_set_new(o, "error", e);
    json_object_set_new(o, "rows", json_integer((json_int_t)rows));
    json_object_set_new(o, "bad_rows", json_integer((json_int_t)bad_rows));
    json_object_set_new(o, "errors", row_errors(errors, name));
    hw_http_json(rs, 422, o);
}

static void imported(struct hw_response *rs, size_t rows, size_t added, size_t updated, size_t same)
{
    json_t *o = json_object();
    json_object_set_new(o, "rows", json_integer((json_int_t)rows));
    json_object_set_new(o, "added", json_integer((json_int_t)added));
    json_object_set_new(o, "changed", json_integer((json_int_t)updated));
    json_object_set_new(o, "unchanged", json_integer((json_int_t)same));
    hw_http_json(rs, 200, o);
}

/* Periods of care (io/care_period_import.h). */
static void import_care_periods(struct hw_request *rq, struct hw_response *rs)
{
    const char *name = "care_periods.csv";
    struct hw_care_period_import_result res;
    struct hw_err err = {0};
    if (hw_care_period_import(rq->store, name, rq->body, rq->body_len, &res, &err) < 0) {
        refused(rs, &err, res.rows, res.bad_rows, &res.errors, name);
        hw_audit(rq->store, rq->who.user, rq->now, "import_refused", "care_period", NULL, name,
                 &err);
        hw_care_period_import_result_free(&res);
        return;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "%s: %zu rows, %zu added, %zu changed", name, res.rows,
             res.added, res.updated);
    hw_audit(rq->store, rq->who.user, rq->now, "change", "care_period", NULL, detail, &err);
    imported(rs, res.rows, res.added, res.updated, res.same);
    hw_care_period_import_result_free(&res);
}

void hw_api_import(struct hw_request *rq, struct hw_response *rs)
{
    const struct hw_rectype_info *t = hw_rectype_find(rq->id);
    struct hw_import_result res;
    struct hw_err err = {0};
    char name[64];
    if (strcmp(rq->id, "care-periods") == 0) {
        import_care_periods(rq, rs);
        return;
    }
    if (t == NULL || strcmp(t->plural, rq->id) != 0) {
        hw_http_error(rs, 404, NULL,
                      "nothing to import as '%.40s': children, episodes, interviews or "
                      "care-periods",
                      rq->id);
        return;
    }
    snprintf(name, sizeof name, "%s.csv", t->plural);
    struct hw_actor who = hw_api_actor(rq);
    char source[96];
    snprintf(source, sizeof source, "import %s (upload)", name);
    who.source = source;
    enum hw_rectype rt = (enum hw_rectype)(t - hw_rectypes);
    int rc = hw_import_csv_buffer(rq->store, rq->cfg, rq->reasons, rt, name, rq->body, rq->body_len,
                                  &who, &res, &err);
    if (rc < 0) {
        refused(rs, &err, res.rows, res.bad_rows, &res.errors, name);
        hw_audit(rq->store, rq->who.user, rq->now, "import_refused", t->name, NULL, name, &err);
        hw_import_result_free(&res);
        return;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "%s: %zu rows, %zu added, %zu changed", name, res.rows,
             res.added, res.updated);
    hw_audit(rq->store, rq->who.user, rq->now, "change", t->name, NULL, detail, &err);
    imported(rs, res.rows, res.added, res.updated, res.same);
    hw_import_result_free(&res);
}
