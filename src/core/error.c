/* error.c - filling struct hw_err. */
#include "core/error.h"

#include <stdarg.h>
#include <stdio.h>

int hw_fail(struct hw_err *err, enum hw_err_kind kind, const char *fmt, ...)
{
    if (err == NULL)
        return -1;
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

void hw_err_clear(struct hw_err *err)
{
    if (err) {
        err->kind = HW_OK;
        err->msg[0] = '\0';
    }
}
