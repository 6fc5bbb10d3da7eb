/* mem.c - allocation wrappers and the growable buffer. */
#include "core/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t size)
{
    fprintf(stderr, "homeward: out of memory (asked for %zu bytes)\n", size);
    abort();
}

void *hw_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        oom(size);
    return p;
}

void *hw_calloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (p == NULL)
        oom(nmemb * size);
    return p;
}

void *hw_reallocarray(void *ptr, size_t nmemb, size_t size)
{
    if (size != 0 && nmemb > SIZE_MAX / size)
        oom(SIZE_MAX);
    size_t total = nmemb * size;
    void *p = realloc(ptr, total ? total : 1);
    if (p == NULL)
        oom(total);
    return p;
}

char *hw_strdup(const char *s)
{
    return s ? hw_strndup(s, strlen(s)) : NULL;
}

char *hw_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *p = hw_malloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *hw_asprintf(const char *fmt, ...)
{
    struct hw_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return hw_buf_take(&b);
}

static void buf_reserve(struct hw_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        oom(SIZE_MAX);
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->data = hw_reallocarray(b->data, cap, 1);
    b->cap = cap;
}

void hw_buf_append(struct hw_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void hw_buf_puts(struct hw_buf *b, const char *s)
{
    hw_buf_append(b, s, strlen(s));
}

void hw_buf_putc(struct hw_buf *b, char c)
{
    hw_buf_append(b, &c, 1);
}

void hw_buf_vprintf(struct hw_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void hw_buf_printf(struct hw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hw_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void hw_buf_reset(struct hw_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *hw_buf_take(struct hw_buf *b)
{
    char *s = b->data ? b->data : hw_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void hw_buf_free(struct hw_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
