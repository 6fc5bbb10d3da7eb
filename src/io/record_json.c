/* record_json.c - generic record to JSON through the field table. */
#include "io/record_json.h"

json_t *hw_time_json(hw_instant t)
{
    char buf[HW_ISO_LEN];
    if (t == HW_NO_TIME)
        return json_null();
    hw_format_iso(t, buf);
    return json_string(buf);
}

static json_t *list_json(const char *list)
{
    json_t *a = json_array();
    const char *cur = list ? list : "", *item;
    size_t n;
    while ((n = hw_list_next(&cur, &item)) > 0)
        json_array_append_new(a, json_stringn(item, n));
    return a;
}

static json_t *field_json(const struct hw_field *f, const void *rec)
{
    const char *base = rec;
    struct hw_buf b = {0};
    json_t *v;
    if (!hw_field_is_set(f, rec))
        return f->type == HW_F_IDLIST || f->type == HW_F_FLAGS ? json_array() : json_null();
    switch (f->type) {
    case HW_F_TIME:
        return hw_time_json(*(const hw_instant *)(base + f->offset));
    case HW_F_INT:
        return json_integer(*(const int *)(base + f->offset));
    case HW_F_IDLIST:
        return list_json(*(char *const *)(base + f->offset));
    default:
        hw_field_format(f, rec, &b);
        v = f->type == HW_F_FLAGS ? list_json(b.data) : json_string(b.data ? b.data : "");
        hw_buf_free(&b);
        return v;
    }
}

json_t *hw_record_json(const struct hw_field *table, const void *rec)
{
    json_t *o = json_object();
    for (const struct hw_field *f = table; f->name; f++)
        json_object_set_new(o, f->name, field_json(f, rec));
    return o;
}
