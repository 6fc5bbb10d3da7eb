/* records.c - field tables and the generic field parser/formatter. */
#include "core/records.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

const struct hw_code hw_yesno_codes[] = {
    {HW_YES, "y", "Yes"}, {HW_NO, "n", "No"}, {HW_YES, "yes", "Yes"},
    {HW_NO, "no", "No"},  {0, NULL, NULL},
};

#define F(rec, member) offsetof(struct rec, member)
#define TEXT_SHORT     200
#define TEXT_LONG      4000

const struct hw_field hw_child_fields[] = {
    {"child_id", HW_F_ID, F(hw_child, id), NULL, HW_ID_MAX, true,
     "the child's ID in the case-management system"},
    {"first_name", HW_F_TEXT, F(hw_child, first_name), NULL, TEXT_SHORT, false, "first name"},
    {"last_name", HW_F_TEXT, F(hw_child, last_name), NULL, TEXT_SHORT, false, "last name"},
    {"date_of_birth", HW_F_DATE, F(hw_child, dob), NULL, 0, false, "date of birth"},
    {"gender", HW_F_TEXT, F(hw_child, gender), NULL, 40, false, "gender"},
    {"ethnicity", HW_F_TEXT, F(hw_child, ethnicity), NULL, 80, false, "ethnicity"},
    {"responsible_authority", HW_F_TEXT, F(hw_child, responsible_authority), NULL, TEXT_SHORT,
     false, "council that placed the child here; empty for this council's own children"},
    {"case_status", HW_F_ENUM, F(hw_child, case_status), hw_case_status_codes, 0, false,
     "current case status"},
    {"flags", HW_F_FLAGS, F(hw_child, flags), hw_flag_codes, 0, false, "risk flags, ';'-separated"},
    {"placement_type", HW_F_ENUM, F(hw_child, placement_type), hw_placement_codes, 0, false,
     "where the child lives"},
    {"placement_name", HW_F_TEXT, F(hw_child, placement_name), NULL, TEXT_SHORT, false,
     "the named home, carer or provider"},
    {"out_of_area", HW_F_ENUM, F(hw_child, out_of_area), hw_yesno_codes, 0, false,
     "placed outside the council's area"},
    {"team", HW_F_TEXT, F(hw_child, team), NULL, TEXT_SHORT, false, "allocated team"},
    {"worker", HW_F_TEXT, F(hw_child, worker), NULL, TEXT_SHORT, false, "allocated worker"},
    {"school", HW_F_TEXT, F(hw_child, school), NULL, TEXT_SHORT, false,
     "school or other education placement"},
    {"missing_plan", HW_F_TEXT, F(hw_child, missing_plan), NULL, TEXT_LONG, false,
     "the child's missing plan"},
    {"plan_reviewed", HW_F_DATE, F(hw_child, plan_reviewed), NULL, 0, false,
     "when the missing plan was last reviewed"},
    {"plan_review_due", HW_F_DATE, F(hw_child, plan_review_due), NULL, 0, false,
     "when the missing plan is next to be reviewed"},
    {NULL, 0, 0, NULL, 0, false, NULL},
};

const struct hw_field hw_episode_fields[] = {
    {"episode_id", HW_F_ID, F(hw_episode, id), NULL, HW_ID_MAX, true, "the episode's ID"},
    {"child_id", HW_F_ID, F(hw_episode, child_id), NULL, HW_ID_MAX, true, "the child's ID"},
    {"kind", HW_F_ENUM, F(hw_episode, kind), hw_kind_codes, 0, true,
     "missing, or absent (away from placement without authorisation)"},
    {"last_seen", HW_F_TIME, F(hw_episode, last_seen), NULL, 0, true, "when last seen"},
    {"reported", HW_F_TIME, F(hw_episode, reported), NULL, 0, false, "when reported"},
    {"returned", HW_F_TIME, F(hw_episode, returned), NULL, 0, false,
     "when found or returned; empty while missing"},
    {"risk", HW_F_ENUM, F(hw_episode, risk), hw_risk_codes, 0, false, "police risk level"},
    {"missing_from_type", HW_F_ENUM, F(hw_episode, missing_from_type), hw_placement_codes, 0, false,
     "type of placement missing from"},
    {"missing_from_name", HW_F_TEXT, F(hw_episode, missing_from_name), NULL, TEXT_SHORT, false,
     "named home or placement missing from"},
    {"out_of_area", HW_F_ENUM, F(hw_episode, out_of_area), hw_yesno_codes, 0, false,
     "missing from a placement outside the council's area"},
    {"case_status", HW_F_ENUM, F(hw_episode, case_status), hw_case_status_codes, 0, false,
     "case status at the time (default: the child's current status)"},
    {"police_ref", HW_F_TEXT, F(hw_episode, police_ref), NULL, 80, false, "police reference"},
    {"reported_by", HW_F_TEXT, F(hw_episode, reported_by), NULL, TEXT_SHORT, false,
     "who reported the child missing"},
    {"harmed", HW_F_ENUM, F(hw_episode, harmed), hw_yesno_codes, 0, false,
     "hurt or harmed while missing"},
    {"crime_while_absent", HW_F_ENUM, F(hw_episode, crime_while_absent), hw_yesno_codes, 0, false,
     "crime committed by or against the child while absent"},
    {"found_location", HW_F_TEXT, F(hw_episode, found_location), NULL, TEXT_SHORT, false,
     "where found"},
    {"with_children", HW_F_IDLIST, F(hw_episode, with_children), NULL, 1000, false,
     "IDs of children the child was with, ';'-separated"},
    {"safe_well_at", HW_F_TIME, F(hw_episode, safe_well_at), NULL, 0, false,
     "when the police safe-and-well check was done"},
    {NULL, 0, 0, NULL, 0, false, NULL},
};

const struct hw_field hw_interview_fields[] = {
    {"interview_id", HW_F_ID, F(hw_interview, id), NULL, HW_ID_MAX, true, "the interview's ID"},
    {"child_id", HW_F_ID, F(hw_interview, child_id), NULL, HW_ID_MAX, true, "the child's ID"},
    {"episode_ids", HW_F_IDLIST, F(hw_interview, episode_ids), NULL, 1000, true,
     "episodes the interview covers, ';'-separated"},
    {"decision", HW_F_ENUM, F(hw_interview, decision), hw_decision_codes, 0, false,
     "whether an interview is needed"},
    {"decided_by", HW_F_TEXT, F(hw_interview, decided_by), NULL, TEXT_SHORT, false, "who decided"},
    {"decision_reason", HW_F_TEXT, F(hw_interview, decision_reason), NULL, TEXT_LONG, false, "why"},
    {"offered", HW_F_TIME, F(hw_interview, offered), NULL, 0, false, "when offered"},
    {"outcome", HW_F_ENUM, F(hw_interview, outcome), hw_outcome_codes, 0, false, "outcome"},
    {"attempts", HW_F_INT, F(hw_interview, attempts), NULL, 100, false,
     "face-to-face attempts made"},
    {"completed", HW_F_TIME, F(hw_interview, completed), NULL, 0, false, "when completed"},
    {"conducted_by", HW_F_ENUM, F(hw_interview, conducted_by), hw_conducted_by_codes, 0, false,
     "who conducted it"},
    {"reasons", HW_F_TEXT, F(hw_interview, reasons), NULL, TEXT_LONG, false,
     "the child's reasons for going missing: ';'-separated codes of 'homeward reasons show'"},
    {"risks", HW_F_TEXT, F(hw_interview, risks), NULL, TEXT_LONG, false, "risks identified"},
    {"screening", HW_F_ENUM, F(hw_interview, screening), hw_screening_codes, 0, false,
     "exploitation screening outcome"},
    {"shared_with_police", HW_F_DATE, F(hw_interview, shared_with_police), NULL, 0, false,
     "date shared with the police"},
    {"signed_off", HW_F_TIME, F(hw_interview, signed_off), NULL, 0, false,
     "manager's quality sign-off"},
    {"signed_off_by", HW_F_TEXT, F(hw_interview, signed_off_by), NULL, TEXT_SHORT, false,
     "manager who signed off"},
    {"lateness_reason", HW_F_ENUM, F(hw_interview, lateness_reason), hw_lateness_codes, 0, false,
     "the main reason it was completed more than 72 hours after the return"},
    {NULL, 0, 0, NULL, 0, false, NULL},
};

const struct hw_rectype_info hw_rectypes[HW_REC_COUNT] = {
    [HW_REC_CHILD] = {"child", "children", hw_child_fields, sizeof(struct hw_child)},
    [HW_REC_EPISODE] = {"episode", "episodes", hw_episode_fields, sizeof(struct hw_episode)},
    [HW_REC_INTERVIEW] = {"interview", "interviews", hw_interview_fields,
                          sizeof(struct hw_interview)},
};

const struct hw_rectype_info *hw_rectype_find(const char *name)
{
    for (int i = 0; i < HW_REC_COUNT; i++)
        if (strcmp(hw_rectypes[i].name, name) == 0 || strcmp(hw_rectypes[i].plural, name) == 0)
            return &hw_rectypes[i];
    return NULL;
}

#define MEMBER(rec, f, type)  ((type *)((char *)(rec) + (f)->offset))
#define CMEMBER(rec, f, type) ((const type *)((const char *)(rec) + (f)->offset))

static bool is_text_type(enum hw_ftype t)
{
    return t == HW_F_ID || t == HW_F_IDLIST || t == HW_F_TEXT;
}

static bool id_char(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '_' || c == '/' || c == '-';
}

static int check_id(const char *s, size_t n, struct hw_err *err)
{
    if (n == 0)
        return hw_fail(err, HW_EINPUT, "expected an ID, got an empty one");
    if (n > HW_ID_MAX)
        return hw_fail(err, HW_EINPUT, "an ID is at most %d characters", HW_ID_MAX);
    for (size_t i = 0; i < n; i++)
        if (!id_char((unsigned char)s[i]))
            return hw_fail(err, HW_EINPUT,
                           "an ID may hold only letters, digits and . _ / - (found '%c')", s[i]);
    return 0;
}

/* Free text: any UTF-8 (checked by the reader) but no control characters
 * other than tab and line ends (LF, and the CR of a CRLF from Windows). */
static int check_text(const char *s, struct hw_err *err)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
            return hw_fail(err, HW_EINPUT, "text holds a control character (code %u)", *p);
    return 0;
}

int hw_text_check(const char *s, size_t max, struct hw_err *err)
{
    if (strlen(s) > max)
        return hw_fail(err, HW_EINPUT, "text is longer than %zu bytes", max);
    return check_text(s, err);
}

static void lower_copy(const char *s, char *buf, size_t size)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    buf[i] = '\0';
}

static int parse_enum(const struct hw_field *f, const char *s, int *out, struct hw_err *err)
{
    char low[64], list[256];
    lower_copy(s, low, sizeof low);
    int v = strlen(s) < sizeof low ? hw_code_parse(f->codes, low) : -1;
    if (v < 0) {
        hw_code_list(f->codes, list, sizeof list);
        return hw_fail(err, HW_EINPUT, "expected one of %s", list);
    }
    *out = v;
    return 0;
}

static int parse_flags(const struct hw_field *f, const char *s, int *out, struct hw_err *err)
{
    int bits = 0;
    const char *cur = s, *item;
    size_t n;
    char low[64], list[256];
    while ((n = hw_list_next(&cur, &item)) > 0) {
        int v = -1;
        if (n < sizeof low) {
            memcpy(low, item, n);
            low[n] = '\0';
            lower_copy(low, low, sizeof low);
            v = hw_code_parse(f->codes, low);
        }
        if (v < 0) {
            hw_code_list(f->codes, list, sizeof list);
            return hw_fail(err, HW_EINPUT, "unknown flag '%.*s': expected ';'-separated %s",
                           (int)(n < 40 ? n : 40), item, list);
        }
        bits |= v;
    }
    *out = bits;
    return 0;
}

static int parse_int(const struct hw_field *f, const char *s, int *out, struct hw_err *err)
{
    long v = 0;
    const char *p = s;
    if (*p == '\0')
        return hw_fail(err, HW_EINPUT, "expected a whole number");
    for (; *p; p++) {
        if (!isdigit((unsigned char)*p) || v > (long)f->max)
            return hw_fail(err, HW_EINPUT, "expected a whole number from 0 to %u", f->max);
        v = v * 10 + (*p - '0');
    }
    if (v > (long)f->max)
        return hw_fail(err, HW_EINPUT, "expected a whole number from 0 to %u", f->max);
    *out = (int)v;
    return 0;
}

/* Normalises an ID list: items trimmed of spaces, empty items dropped,
 * each item checked; returns an owned "a;b;c" string in *out. */
static int parse_idlist(const struct hw_field *f, const char *s, char **out, struct hw_err *err)
{
    struct hw_buf b = {0};
    const char *cur = s, *item;
    size_t n;
    while ((n = hw_list_next(&cur, &item)) > 0) {
        if (check_id(item, n, err) < 0)
            goto fail;
        if (b.len)
            hw_buf_putc(&b, ';');
        hw_buf_append(&b, item, n);
    }
    if (b.len > f->max) {
        hw_fail(err, HW_EINPUT, "the list is longer than %u characters", f->max);
        goto fail;
    }
    *out = b.len ? hw_buf_take(&b) : NULL;
    hw_buf_free(&b);
    return 0;
fail:
    hw_buf_free(&b);
    return -1;
}

uint64_t hw_field_mask(const struct hw_field *table, ...)
{
    uint64_t mask = 0;
    va_list ap;
    va_start(ap, table);
    for (const char *name; (name = va_arg(ap, const char *)) != NULL;) {
        const struct hw_field *f = hw_field_find(table, name);
        if (f == NULL) {
            fprintf(stderr, "homeward: internal error: no field %s\n", name);
            abort();
        }
        mask |= UINT64_C(1) << (f - table);
    }
    va_end(ap);
    return mask;
}

const struct hw_field *hw_field_find(const struct hw_field *table, const char *name)
{
    for (const struct hw_field *f = table; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

int hw_field_set(const struct hw_field *f, void *rec, const char *text, struct hw_err *err)
{
    const char *why = NULL;
    if (text[0] == '\0') {
        switch (f->type) {
        case HW_F_ID:
        case HW_F_IDLIST:
        case HW_F_TEXT:
            free(*MEMBER(rec, f, char *));
            *MEMBER(rec, f, char *) = NULL;
            break;
        case HW_F_DATE:
            *MEMBER(rec, f, hw_date) = HW_NO_DATE;
            break;
        case HW_F_TIME:
            *MEMBER(rec, f, hw_instant) = HW_NO_TIME;
            break;
        case HW_F_ENUM:
        case HW_F_FLAGS:
            *MEMBER(rec, f, int) = 0;
            break;
        case HW_F_INT:
            *MEMBER(rec, f, int) = HW_NO_INT;
            break;
        }
        return 0;
    }
    switch (f->type) {
    case HW_F_ID:
        if (check_id(text, strlen(text), err) < 0)
            return -1;
        free(*MEMBER(rec, f, char *));
        *MEMBER(rec, f, char *) = hw_strdup(text);
        return 0;
    case HW_F_IDLIST: {
        char *list = NULL;
        if (parse_idlist(f, text, &list, err) < 0)
            return -1;
        free(*MEMBER(rec, f, char *));
        *MEMBER(rec, f, char *) = list;
        return 0;
    }
    case HW_F_TEXT:
        if (strlen(text) > f->max)
            return hw_fail(err, HW_EINPUT, "text is longer than %u bytes", f->max);
        if (check_text(text, err) < 0)
            return -1;
        free(*MEMBER(rec, f, char *));
        *MEMBER(rec, f, char *) = hw_strdup(text);
        return 0;
    case HW_F_DATE:
        if (hw_parse_date(text, MEMBER(rec, f, hw_date)) < 0)
            return hw_fail(err, HW_EINPUT, "expected a date as YYYY-MM-DD or DD/MM/YYYY");
        return 0;
    case HW_F_TIME:
        if (hw_parse_local_time(text, MEMBER(rec, f, hw_instant), &why) < 0)
            return hw_fail(err, HW_EINPUT, "%s",
                           why ? why
                               : "expected a date and time as YYYY-MM-DD HH:MM or "
                                 "DD/MM/YYYY HH:MM");
        return 0;
    case HW_F_ENUM:
        return parse_enum(f, text, MEMBER(rec, f, int), err);
    case HW_F_FLAGS:
        return parse_flags(f, text, MEMBER(rec, f, int), err);
    case HW_F_INT:
        return parse_int(f, text, MEMBER(rec, f, int), err);
    }
    return hw_fail(err, HW_EINTERNAL, "unknown field type");
}

bool hw_field_is_set(const struct hw_field *f, const void *rec)
{
    switch (f->type) {
    case HW_F_ID:
    case HW_F_IDLIST:
    case HW_F_TEXT:
        return *CMEMBER(rec, f, char *) != NULL;
    case HW_F_DATE:
        return *CMEMBER(rec, f, hw_date) != HW_NO_DATE;
    case HW_F_TIME:
        return *CMEMBER(rec, f, hw_instant) != HW_NO_TIME;
    case HW_F_ENUM:
    case HW_F_FLAGS:
        return *CMEMBER(rec, f, int) != 0;
    case HW_F_INT:
        return *CMEMBER(rec, f, int) != HW_NO_INT;
    }
    return false;
}

void hw_field_format(const struct hw_field *f, const void *rec, struct hw_buf *out)
{
    char buf[HW_LOCAL_LEN];
    if (!hw_field_is_set(f, rec))
        return;
    switch (f->type) {
    case HW_F_ID:
    case HW_F_IDLIST:
    case HW_F_TEXT:
        hw_buf_puts(out, *CMEMBER(rec, f, char *));
        break;
    case HW_F_DATE:
        hw_format_date(*CMEMBER(rec, f, hw_date), buf);
        hw_buf_puts(out, buf);
        break;
    case HW_F_TIME:
        hw_format_local(*CMEMBER(rec, f, hw_instant), buf);
        hw_buf_puts(out, buf);
        break;
    case HW_F_ENUM:
        hw_buf_puts(out, hw_code_name(f->codes, *CMEMBER(rec, f, int)));
        break;
    case HW_F_FLAGS: {
        int bits = *CMEMBER(rec, f, int);
        bool first = true;
        for (const struct hw_code *c = f->codes; c->code; c++)
            if (bits & c->value) {
                if (!first)
                    hw_buf_putc(out, ';');
                hw_buf_puts(out, c->code);
                first = false;
            }
        break;
    }
    case HW_F_INT:
        hw_buf_printf(out, "%d", *CMEMBER(rec, f, int));
        break;
    }
}

int hw_record_check(const struct hw_field *table, const void *rec, struct hw_err *err)
{
    for (const struct hw_field *f = table; f->name; f++)
        if (f->required && !hw_field_is_set(f, rec))
            return hw_fail(err, HW_EINPUT, "%s is required", f->name);
    return 0;
}

void hw_record_init(const struct hw_field *table, void *rec)
{
    for (const struct hw_field *f = table; f->name; f++) {
        if (is_text_type(f->type))
            *MEMBER(rec, f, char *) = NULL;
        else
            hw_field_set(f, rec, "", NULL);
    }
}

void hw_record_clear(const struct hw_field *table, void *rec)
{
    for (const struct hw_field *f = table; f->name; f++)
        hw_field_set(f, rec, "", NULL);
}

void hw_record_copy(const struct hw_field *table, void *dst, const void *src)
{
    for (const struct hw_field *f = table; f->name; f++) {
        if (is_text_type(f->type)) {
            free(*MEMBER(dst, f, char *));
            *MEMBER(dst, f, char *) = hw_strdup(*CMEMBER(src, f, char *));
        } else if (f->type == HW_F_DATE) {
            *MEMBER(dst, f, hw_date) = *CMEMBER(src, f, hw_date);
        } else if (f->type == HW_F_TIME) {
            *MEMBER(dst, f, hw_instant) = *CMEMBER(src, f, hw_instant);
        } else {
            *MEMBER(dst, f, int) = *CMEMBER(src, f, int);
        }
    }
}

size_t hw_list_next(const char **cursor, const char **item)
{
    const char *p = *cursor;
    for (;;) {
        while (*p == ' ' || *p == ';')
            p++;
        if (*p == '\0') {
            *cursor = p;
            return 0;
        }
        const char *start = p;
        while (*p && *p != ';')
            p++;
        const char *end = p;
        while (end > start && end[-1] == ' ')
            end--;
        *cursor = p;
        if (end > start) {
            *item = start;
            return (size_t)(end - start);
        }
    }
}

bool hw_list_contains(const char *list, const char *id)
{
    const char *cur = list ? list : "", *item;
    size_t n, len = strlen(id);
    while ((n = hw_list_next(&cur, &item)) > 0)
        if (n == len && memcmp(item, id, n) == 0)
            return true;
    return false;
}
