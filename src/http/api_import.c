/* api_import.c - a CSV file uploaded for import: the same checks and the
 * same all-or-nothing import as `homeward import`, with every row error
 * returned as data. */
#include "http/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void hw_api_import(struct hw_request *rq, struct hw_response *rs)
{
    const struct hw_rectype_info *t = hw_rectype_find(rq->id);
    struct hw_import_result res;
    struct hw_err err = {0};
    char name[64];
    if (t == NULL || strcmp(t->plural, rq->id) != 0) {
        hw_http_error(rs, 404, NULL,
                      "nothing to import as '%.40s': children, episodes or interviews", rq->id);
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
        if (err.kind != HW_EINPUT) {
            hw_api_fault(rs, &err);
        } else {
            json_t *e = json_object();
            json_object_set_new(e, "message", json_string(err.msg));
            json_object_set_new(e, "field", json_null());
            json_t *o = json_object();
            json_object_set_new(o, "error", e);
            json_object_set_new(o, "rows", json_integer((json_int_t)res.rows));
            json_object_set_new(o, "bad_rows", json_integer((json_int_t)res.bad_rows));
            json_object_set_new(o, "errors", row_errors(&res.errors, name));
            hw_http_json(rs, 422, o);
        }
        hw_audit(rq->store, rq->who.user, rq->now, "import_refused", t->name, NULL, name, &err);
        hw_import_result_free(&res);
        return;
    }
    char detail[160];
    snprintf(detail, sizeof detail, "%s: %zu rows, %zu added, %zu changed", name, res.rows,
             res.added, res.updated);
    hw_audit(rq->store, rq->who.user, rq->now, "change", t->name, NULL, detail, &err);
    json_t *o = json_object();
    json_object_set_new(o, "rows", json_integer((json_int_t)res.rows));
    json_object_set_new(o, "added", json_integer((json_int_t)res.added));
    json_object_set_new(o, "changed", json_integer((json_int_t)res.updated));
    json_object_set_new(o, "unchanged", json_integer((json_int_t)res.same));
    hw_import_result_free(&res);
    hw_http_json(rs, 200, o);
}
