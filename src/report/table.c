/* table.c - laying out and rendering text tables; the formats' names. */
#include "report/table.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_write.h"

int hw_format_parse(const char *s)
{
    if (strcmp(s, "text") == 0)
        return HW_FMT_TEXT;
    if (strcmp(s, "csv") == 0)
        return HW_FMT_CSV;
    if (strcmp(s, "json") == 0)
        return HW_FMT_JSON;
    return -1;
}

int hw_format_parse_report(const char *s)
{
    if (strcmp(s, "html") == 0)
        return HW_FMT_HTML;
    if (strcmp(s, "xlsx") == 0)
        return HW_FMT_XLSX;
    return hw_format_parse(s);
}

const char *hw_format_content_type(enum hw_format f)
{
    switch (f) {
    case HW_FMT_TEXT:
        break;
    case HW_FMT_CSV:
        return "text/csv; charset=utf-8";
    case HW_FMT_JSON:
        return "application/json";
    case HW_FMT_HTML:
        return "text/html; charset=utf-8";
    case HW_FMT_XLSX:
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    return "text/plain; charset=utf-8";
}

const char *hw_format_extension(enum hw_format f)
{
    switch (f) {
    case HW_FMT_TEXT:
        break;
    case HW_FMT_CSV:
        return "csv";
    case HW_FMT_JSON:
        return "json";
    case HW_FMT_HTML:
        return "html";
    case HW_FMT_XLSX:
        return "xlsx";
    }
    return "txt";
}

void hw_table_init(struct hw_table *t, size_t ncols, const char *const *header)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    hw_table_add(t, header);
}

void hw_table_add(struct hw_table *t, const char *const *cells)
{
    if (t->nrows == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->cells = hw_reallocarray(t->cells, t->cap * t->ncols, sizeof *t->cells);
    }
    for (size_t c = 0; c < t->ncols; c++)
        t->cells[t->nrows * t->ncols + c] = hw_strdup(cells[c] ? cells[c] : "");
    t->nrows++;
}

void hw_table_free(struct hw_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i]);
    free(t->cells);
    memset(t, 0, sizeof *t);
}

/* Display width: counts UTF-8 code points, not bytes. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void pad(struct hw_buf *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hw_buf_putc(out, ' ');
}

/* Numbers, dates and rates line up on the right; words on the left. */
static bool numeric_column(const struct hw_table *t, size_t c)
{
    for (size_t r = 1; r < t->nrows; r++) {
        const char *s = t->cells[r * t->ncols + c];
        if (*s && !(isdigit((unsigned char)*s) ||
                    (*s == '-' && (s[1] == '\0' || isdigit((unsigned char)s[1])))))
            return false;
    }
    return true;
}

void hw_table_text(const struct hw_table *t, struct hw_buf *out)
{
    size_t *w = hw_calloc(t->ncols, sizeof *w);
    bool *right = hw_calloc(t->ncols, sizeof *right);
    for (size_t c = 1; c < t->ncols; c++)
        right[c] = numeric_column(t, c);
    for (size_t r = 0; r < t->nrows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            size_t cw = width(t->cells[r * t->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            size_t gap = w[c] - width(cell);
            if (c > 0)
                hw_buf_puts(out, "  ");
            if (!right[c]) {
                hw_buf_puts(out, cell);
                if (c + 1 < t->ncols)
                    pad(out, gap);
            } else {
                pad(out, gap);
                hw_buf_puts(out, cell);
            }
        }
        hw_buf_putc(out, '\n');
        if (r == 0) {
            size_t total = 0;
            for (size_t c = 0; c < t->ncols; c++)
                total += w[c] + (c ? 2 : 0);
            for (size_t i = 0; i < total; i++)
                hw_buf_putc(out, '-');
            hw_buf_putc(out, '\n');
        }
    }
    free(right);
    free(w);
}

void hw_table_csv(const struct hw_table *t, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    for (size_t r = 0; r < t->nrows; r++) {
        for (size_t c = 0; c < t->ncols; c++)
            hw_csv_field(&o, t->cells[r * t->ncols + c]);
        hw_csv_end_row(&o);
    }
    hw_buf_append(out, o.buf.data ? o.buf.data : "", o.buf.len);
    hw_buf_free(&o.buf);
}

void hw_html_text(struct hw_buf *out, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&':
            hw_buf_puts(out, "&amp;");
            break;
        case '<':
            hw_buf_puts(out, "&lt;");
            break;
        case '>':
            hw_buf_puts(out, "&gt;");
            break;
        case '"':
            hw_buf_puts(out, "&quot;");
            break;
        case '\'':
            hw_buf_puts(out, "&#39;");
            break;
        default:
            hw_buf_putc(out, *s);
        }
    }
}

/* A number as the renderers write one: -?digits(.digits)?%? */
static bool is_number(const char *s)
{
    if (*s == '-')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == '%')
        s++;
    return *s == '\0';
}

/* A column of numbers: at least one, and otherwise only "-" or nothing
 * (what the renderers write where there is no number, e.g. no rate). */
static bool number_column(const struct hw_table *t, size_t c)
{
    bool any = false;
    for (size_t r = 1; r < t->nrows; r++) {
        const char *s = t->cells[r * t->ncols + c];
        if (is_number(s))
            any = true;
        else if (*s && strcmp(s, "-") != 0)
            return false;
    }
    return any;
}

static void html_cell(struct hw_buf *out, const char *tag, const char *scope, bool num,
                      const char *text)
{
    hw_buf_printf(out, "<%s", tag);
    if (scope)
        hw_buf_printf(out, " scope=\"%s\"", scope);
    if (num)
        hw_buf_puts(out, " class=\"num\"");
    hw_buf_putc(out, '>');
    hw_html_text(out, text);
    hw_buf_printf(out, "</%s>", tag);
}

void hw_table_html(const struct hw_table *t, const char *caption, struct hw_buf *out)
{
    bool *num = hw_calloc(t->ncols ? t->ncols : 1, sizeof *num);
    for (size_t c = 0; c < t->ncols; c++)
        num[c] = number_column(t, c);
    hw_buf_puts(out, "<table>\n");
    if (caption) {
        hw_buf_puts(out, "<caption>");
        hw_html_text(out, caption);
        hw_buf_puts(out, "</caption>\n");
    }
    if (t->nrows > 0) {
        hw_buf_puts(out, "<thead>\n<tr>");
        for (size_t c = 0; c < t->ncols; c++)
            html_cell(out, "th", "col", c > 0 && num[c], t->cells[c]);
        hw_buf_puts(out, "</tr>\n</thead>\n");
    }
    if (t->nrows > 1) {
        hw_buf_puts(out, "<tbody>\n");
        for (size_t r = 1; r < t->nrows; r++) {
            hw_buf_puts(out, "<tr>");
            for (size_t c = 0; c < t->ncols; c++) {
                const char *s = t->cells[r * t->ncols + c];
                bool n = is_number(s) || (num[c] && (*s == '\0' || strcmp(s, "-") == 0));
                if (c == 0)
                    html_cell(out, "th", "row", n, s);
                else
                    html_cell(out, "td", NULL, n, s);
            }
            hw_buf_puts(out, "</tr>\n");
        }
        hw_buf_puts(out, "</tbody>\n");
    }
    hw_buf_puts(out, "</table>\n");
    free(num);
}
