/* mem.h - allocation that never returns NULL, and a growable string buffer.
 *
 * Homeward decides memory once: every allocation goes through these
 * wrappers, which abort with a message when the system is out of memory and
 * check multiplications for overflow. Callers never test for NULL.
 */
#ifndef HW_MEM_H
#define HW_MEM_H

#include <stdarg.h>
#include <stddef.h>

void *hw_malloc(size_t size);
void *hw_calloc(size_t nmemb, size_t size);
/* Resizes to nmemb * size bytes; aborts on overflow or exhaustion. */
void *hw_reallocarray(void *ptr, size_t nmemb, size_t size);
/* Returns an owned copy of s, or NULL when s is NULL. */
char *hw_strdup(const char *s);
char *hw_strndup(const char *s, size_t n);
/* Returns an owned, formatted string. */
char *hw_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated byte buffer. Zero-initialise, then append. */
struct hw_buf {
    char *data;
    size_t len;
    size_t cap;
};

void hw_buf_append(struct hw_buf *b, const char *s, size_t n);
void hw_buf_puts(struct hw_buf *b, const char *s);
void hw_buf_putc(struct hw_buf *b, char c);
void hw_buf_printf(struct hw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hw_buf_vprintf(struct hw_buf *b, const char *fmt, va_list ap);
/* Empties the buffer, keeping its memory. */
void hw_buf_reset(struct hw_buf *b);
/* Hands the contents to the caller (owned; never NULL) and empties the buffer. */
char *hw_buf_take(struct hw_buf *b);
void hw_buf_free(struct hw_buf *b);

#endif
