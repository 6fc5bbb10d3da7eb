/* csv_write.c - CSV output. */
#include "io/csv_write.h"

#include <stdarg.h>
#include <string.h>

static bool needs_quotes(const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return false;
    if (s[0] == ' ' || s[n - 1] == ' ')
        return true;
    return strpbrk(s, ",\"\r\n") != NULL;
}

void hw_csv_field(struct hw_csv_out *o, const char *s)
{
    if (s == NULL)
        s = "";
    if (o->row_started)
        hw_buf_putc(&o->buf, ',');
    o->row_started = true;
    if (!needs_quotes(s)) {
        hw_buf_puts(&o->buf, s);
        return;
    }
    hw_buf_putc(&o->buf, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            hw_buf_putc(&o->buf, '"');
        hw_buf_putc(&o->buf, *p);
    }
    hw_buf_putc(&o->buf, '"');
}

void hw_csv_fieldf(struct hw_csv_out *o, const char *fmt, ...)
{
    struct hw_buf tmp = {0};
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&tmp, fmt, ap);
    va_end(ap);
    hw_csv_field(o, tmp.data ? tmp.data : "");
    hw_buf_free(&tmp);
}

void hw_csv_end_row(struct hw_csv_out *o)
{
    hw_buf_append(&o->buf, "\r\n", 2);
    o->row_started = false;
}
