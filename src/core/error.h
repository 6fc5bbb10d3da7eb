/* error.h - the one error convention.
 *
 * Functions that can fail return 0 on success and -1 on failure, and fill a
 * caller-supplied struct hw_err with a message a person can act on. The kind
 * separates what the user caused (bad input: exit status 1, HTTP 4xx) from
 * what went wrong inside (exit status 2, HTTP 500, logged).
 */
#ifndef HW_ERROR_H
#define HW_ERROR_H

enum hw_err_kind {
    HW_OK = 0,
    HW_EINPUT,    /* the input was wrong: bad value, unknown column, ... */
    HW_ENOTFOUND, /* a named record does not exist */
    HW_ECONFLICT, /* the request contradicts what is stored */
    HW_EINTERNAL  /* storage or system failure */
};

struct hw_err {
    enum hw_err_kind kind;
    char msg[1024];
};

/* Sets err (when not NULL) and returns -1, so callers can `return hw_fail(...)`. */
int hw_fail(struct hw_err *err, enum hw_err_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void hw_err_clear(struct hw_err *err);

#endif
