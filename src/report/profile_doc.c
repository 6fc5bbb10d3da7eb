/* profile_doc.c - the missing profile document: built from the store once,
 * rendered as text or JSON here and as an A4 page in profile_html.c. */
#include "report/profile_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/profile.h"
#include "io/record_json.h"

static const char *const month_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void hw_profile_time_text(hw_instant t, char *buf, size_t size)
{
    if (t == HW_NO_TIME) {
        snprintf(buf, size, "%s", "");
        return;
    }
    struct hw_local l;
    hw_london_from_instant(t, &l);
    snprintf(buf, size, "%d %s %d %02d:%02d", l.day, month_abbr[l.month - 1], l.year, l.hour,
             l.minute);
}

static void date_text(hw_date d, char *buf, size_t size)
{
    int y, m, day;
    if (d == HW_NO_DATE) {
        snprintf(buf, size, "%s", "");
        return;
    }
    hw_date_to_ymd(d, &y, &m, &day);
    snprintf(buf, size, "%d %s %d", day, month_abbr[m - 1], y);
}

/* ---- building ---- */

struct episodes {
    struct hw_episode *items;
    size_t len;
};

static int collect_episode(void *ctx, const void *rec)
{
    struct episodes *l = ctx;
    l->items = hw_reallocarray(l->items, l->len + 1, sizeof *l->items);
    hw_record_init(hw_episode_fields, &l->items[l->len]);
    hw_record_copy(hw_episode_fields, &l->items[l->len++], rec);
    return 0;
}

/* "Foster care: Oak House", "Oak House", "Foster care", or NULL; the type
 * once when the name says no more ("Family home"). */
static char *place_text(int type, const char *name)
{
    const char *label = type ? hw_code_label(hw_placement_codes, type) : "";
    if (*label && name && strcasecmp(label, name) != 0)
        return hw_asprintf("%s: %s", label, name);
    if (name && !*label)
        return hw_strdup(name);
    return *label ? hw_strdup(label) : NULL;
}

/* The children an episode names, by name where recorded: "Ben Hill (C2); C9". */
static int with_text(struct hw_store *s, const char *list, char **out, struct hw_err *err)
{
    struct hw_buf b = {0};
    const char *cur = list, *item;
    size_t n;
    int rc = 0;
    *out = NULL;
    while (list && (n = hw_list_next(&cur, &item)) > 0) {
        char *id = hw_strndup(item, n);
        struct hw_child c;
        hw_record_init(hw_child_fields, &c);
        int found = hw_store_get_some(
            s, HW_REC_CHILD, id, hw_field_mask(hw_child_fields, "first_name", "last_name", NULL),
            &c, err);
        if (b.len)
            hw_buf_puts(&b, "; ");
        if (found > 0 && (c.first_name || c.last_name))
            hw_buf_printf(&b, "%s%s%s (%s)", c.first_name ? c.first_name : "",
                          c.first_name && c.last_name ? " " : "", c.last_name ? c.last_name : "",
                          id);
        else
            hw_buf_puts(&b, id);
        hw_record_clear(hw_child_fields, &c);
        free(id);
        if (found < 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 0 && b.len)
        *out = hw_buf_take(&b);
    hw_buf_free(&b);
    return rc;
}

static int newest_first(const void *a, const void *b)
{
    const struct hw_profile_absence *x = a, *y = b;
    if (x->last_seen != y->last_seen)
        return x->last_seen < y->last_seen ? 1 : -1;
    return strcmp(y->episode_id, x->episode_id);
}

static int copy_photo(void *ctx, const struct hw_photo *p)
{
    struct hw_profile_doc *d = ctx;
    d->photo_type = hw_strdup(p->content_type);
    d->photo_by = hw_strdup(p->uploaded_by);
    d->photo_at = p->uploaded_at;
    d->photo_size = p->size;
    if (p->data) {
        d->photo = hw_malloc(p->size);
        memcpy(d->photo, p->data, p->size);
    }
    return 0;
}

static int latest_send(void *ctx, const struct hw_profile_send *r)
{
    struct hw_profile_doc *d = ctx;
    d->sent_at = r->sent_at;
    d->sent_by = hw_strdup(r->sent_by);
    d->sent_to = hw_strdup(r->sent_to);
    d->sent_episode = hw_strdup(r->episode_id);
    return 1; /* newest first: the first is the one */
}

int hw_profile_doc_build(struct hw_store *s, const char *child_id, hw_instant now, const char *by,
                         bool with_photo, struct hw_profile_doc *d, struct hw_err *err)
{
    struct episodes eps = {0};
    int rc = -1;
    memset(d, 0, sizeof *d);
    d->produced = now;
    d->produced_by = hw_strdup(by);
    d->photo_at = HW_NO_TIME;
    d->sent_at = HW_NO_TIME;
    hw_record_init(hw_child_fields, &d->child);
    hw_record_init(hw_episode_fields, &d->open);
    hw_profile_init(&d->profile);

    int found = hw_store_get(s, HW_REC_CHILD, child_id, &d->child, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no child %s is recorded", child_id);
        goto done;
    }
    d->age = hw_age_years(d->child.dob, hw_london_date(now));
    if ((found = hw_store_get_profile(s, child_id, &d->profile, err)) < 0)
        goto done;
    d->has_profile = found > 0;
    if (hw_store_get_photo(s, child_id, with_photo, copy_photo, d, err) < 0 ||
        hw_store_list_profile_sends(s, child_id, latest_send, d, err) < 0)
        goto done;

    struct hw_filter f = {.child_id = child_id};
    if (hw_store_list(s, HW_REC_EPISODE, &f, collect_episode, &eps, err) < 0)
        goto done;
    /* Listed by last seen: the last open one is the episode open now. */
    for (size_t i = eps.len; i-- > 0;)
        if (eps.items[i].returned == HW_NO_TIME) {
            hw_record_copy(hw_episode_fields, &d->open, &eps.items[i]);
            d->missing_now = true;
            d->open_from = place_text(d->open.missing_from_type, d->open.missing_from_name);
            break;
        }
    d->absences = hw_calloc(eps.len ? eps.len : 1, sizeof *d->absences);
    for (size_t i = 0; i < eps.len; i++) {
        const struct hw_episode *e = &eps.items[i];
        if (d->missing_now && strcmp(e->id, d->open.id) == 0)
            continue;
        struct hw_profile_absence *a = &d->absences[d->nabsences++];
        a->episode_id = hw_strdup(e->id);
        a->kind = e->kind;
        a->last_seen = e->last_seen;
        a->returned = e->returned;
        a->minutes = e->returned == HW_NO_TIME ? -1 : (e->returned - e->last_seen) / HW_MINUTE;
        a->missing_from = place_text(e->missing_from_type, e->missing_from_name);
        a->found_location = hw_strdup(e->found_location);
        a->police_ref = hw_strdup(e->police_ref);
        if (with_text(s, e->with_children, &a->with, err) < 0)
            goto done;
    }
    qsort(d->absences, d->nabsences, sizeof *d->absences, newest_first);
    rc = 0;
done:
    for (size_t i = 0; i < eps.len; i++)
        hw_record_clear(hw_episode_fields, &eps.items[i]);
    free(eps.items);
    if (rc < 0)
        hw_profile_doc_free(d);
    return rc;
}

void hw_profile_doc_free(struct hw_profile_doc *d)
{
    for (size_t i = 0; i < d->nabsences; i++) {
        struct hw_profile_absence *a = &d->absences[i];
        free(a->episode_id);
        free(a->missing_from);
        free(a->found_location);
        free(a->with);
        free(a->police_ref);
    }
    free(d->absences);
    free(d->produced_by);
    free(d->photo_type);
    free(d->photo_by);
    free(d->photo);
    free(d->open_from);
    free(d->sent_by);
    free(d->sent_to);
    free(d->sent_episode);
    hw_record_clear(hw_child_fields, &d->child);
    hw_record_clear(hw_episode_fields, &d->open);
    hw_profile_clear(&d->profile);
    memset(d, 0, sizeof *d);
}

/* ---- the print plan ---- */

/* The page's model (profile_html.c's style: A4 with 10 mm margins, text
 * at 8pt), in tenths of a millimetre: what each part of the page takes,
 * measured in Chromium with the DejaVu fonts (wider than Arial) and
 * rounded up. The text is two columns of about 64 characters a line,
 * counted as 60 to allow for wide letters and words that do not break.
 * Checked by printing the largest profiles and counting the pages
 * (tests/browser/75_missing_profile.test.mjs). */
#define PRINT_CPL        60   /* characters a text line in a column */
#define PRINT_BANNER_CPL 100  /* characters a line of the "missing now" banner */
#define PAGE_HEIGHT      2770 /* 297 mm less the margins */
#define PAGE_SLACK       20   /* kept free */
#define HEADER_HEIGHT    150  /* the mark and the child's name on a line */
#define NAME_CPL         48   /* characters a line of the name (16pt, bold) */
#define NAME_LINE        70
#define WHO_HEIGHT       485 /* the photograph beside the details */
#define BANNER_BASE      45  /* the banner's padding and margin */
#define BANNER_LINE      45
#define TEXTS_BASE       20 /* the rule and padding above the text */
#define TEXT_LINE        36
#define FIELD_GAP        12
#define TABLE_BASE       110 /* the rule, the heading and the header row */
#define TABLE_ROW        45
#define MORE_LINE        45
#define FOOTER_BASE      30 /* the rule and padding above the footer */
#define FOOTER_LINE      35
#define FOOTER_CPL       120 /* characters a line of the footer (7pt) */

/* Lines s[0..len) takes in a column, each of its lines wrapped; at least 1
 * (an empty field says "Not recorded"). */
static size_t wrapped_lines(const char *s, size_t len)
{
    size_t lines = 0, i = 0;
    while (i < len) {
        size_t n = 0;
        while (i + n < len && s[i + n] != '\n' && s[i + n] != '\r')
            n++;
        lines += n == 0 ? 1 : (n + PRINT_CPL - 1) / PRINT_CPL;
        i += n;
        if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        if (i < len)
            i++;
    }
    return lines ? lines : 1;
}

/* The bytes of s that fill at most `lines` wrapped lines: cut at a space
 * near the end when there is one, never inside a UTF-8 character. */
static size_t cut_to(const char *s, size_t len, size_t lines)
{
    size_t used = 0, i = 0;
    while (i < len) {
        size_t n = 0;
        while (i + n < len && s[i + n] != '\n' && s[i + n] != '\r')
            n++;
        size_t w = n == 0 ? 1 : (n + PRINT_CPL - 1) / PRINT_CPL;
        if (used + w > lines) {
            size_t at = i + (lines - used) * PRINT_CPL;
            size_t floor = at > 15 ? at - 15 : 0;
            for (size_t k = at; k > floor && k > i; k--)
                if (s[k - 1] == ' ') {
                    at = k - 1;
                    break;
                }
            while (at > i && ((unsigned char)s[at] & 0xC0) == 0x80)
                at--;
            return at;
        }
        used += w;
        i += n;
        if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        if (i < len)
            i++;
    }
    return len;
}

/* How tall the text's two columns are: half the fields' lines and gaps,
 * with a line for the columns not balancing exactly. */
static long texts_height(size_t lines)
{
    long all = (long)(lines * TEXT_LINE) + (long)HW_PROFILE_NTEXT * FIELD_GAP;
    return TEXTS_BASE + (all + 1) / 2 + TEXT_LINE;
}

void hw_profile_now_text(const struct hw_profile_doc *d, struct hw_buf *out)
{
    char since[32], dur[48];
    if (!d->missing_now)
        return;
    hw_profile_time_text(d->open.last_seen, since, sizeof since);
    hw_duration_text((d->produced - d->open.last_seen) / HW_MINUTE, dur, sizeof dur);
    hw_buf_printf(out, "since %s (%s)", since, dur);
    if (d->open.risk)
        hw_buf_printf(out, " \xc2\xb7 %s risk", hw_code_label(hw_risk_codes, d->open.risk));
    hw_buf_printf(out, " \xc2\xb7 Police reference %s",
                  d->open.police_ref ? d->open.police_ref : "not recorded");
    if (d->open_from)
        hw_buf_printf(out, " \xc2\xb7 Missing from %s", d->open_from);
}

void hw_profile_footer_text(const struct hw_profile_doc *d, struct hw_buf *out)
{
    char when[32];
    hw_profile_time_text(d->produced, when, sizeof when);
    hw_buf_printf(out, "Printed %s%s%s from Homeward. ", when, d->produced_by ? " by " : "",
                  d->produced_by ? d->produced_by : "");
    if (d->has_profile) {
        hw_profile_time_text(d->profile.updated_at, when, sizeof when);
        hw_buf_printf(out, "Profile last updated %s by %s. ", when, d->profile.updated_by);
    } else {
        hw_buf_puts(out, "No profile has been written yet. ");
    }
    hw_buf_puts(out, "Times are UK local time.");
}

void hw_profile_print_plan(const struct hw_profile_doc *d, struct hw_print_plan *plan)
{
    size_t lines[HW_PROFILE_NTEXT], allowed[HW_PROFILE_NTEXT], text = 0;
    memset(plan, 0, sizeof *plan);
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        const char *v = hw_profile_text(&d->profile, i);
        size_t len = v ? strlen(v) : 0;
        lines[i] = allowed[i] = wrapped_lines(v ? v : "", len);
        plan->cut[i] = len;
        text += 1 + lines[i]; /* its label, its text */
    }
    struct hw_buf foot = {0};
    hw_profile_footer_text(d, &foot);
    long fixed = HEADER_HEIGHT + WHO_HEIGHT + TABLE_BASE + MORE_LINE + PAGE_SLACK + FOOTER_BASE +
                 FOOTER_LINE * (long)((foot.len + FOOTER_CPL - 1) / FOOTER_CPL);
    hw_buf_free(&foot);
    struct hw_buf name = {0};
    hw_profile_name(&d->child, &name);
    size_t name_len = name.len + 1 + strlen(d->child.id);
    fixed += NAME_LINE * (long)((name_len - 1) / NAME_CPL); /* lines after the first */
    hw_buf_free(&name);
    if (d->missing_now) {
        struct hw_buf b = {0};
        hw_buf_puts(&b, "Missing now ");
        hw_profile_now_text(d, &b);
        fixed +=
            BANNER_BASE + BANNER_LINE * (long)((b.len + PRINT_BANNER_CPL - 1) / PRINT_BANNER_CPL);
        hw_buf_free(&b);
    }
    long room = PAGE_HEIGHT - fixed; /* for the text and the table's rows */
    size_t shown = d->nabsences < HW_PRINT_ABSENCES_MAX ? d->nabsences : HW_PRINT_ABSENCES_MAX;
    size_t least = d->nabsences < HW_PRINT_ABSENCES_MIN ? d->nabsences : HW_PRINT_ABSENCES_MIN;
    while (shown > least && texts_height(text) + (long)shown * TABLE_ROW > room)
        shown--;
    /* Still too long: shorten the longest field a line at a time, keeping
     * at least a line of its text and the line that says it was cut. */
    while (texts_height(text) + (long)shown * TABLE_ROW > room) {
        size_t k = 0;
        for (size_t i = 1; i < HW_PROFILE_NTEXT; i++)
            if (allowed[i] > allowed[k])
                k = i;
        if (allowed[k] <= 2)
            break; /* a page of text: the fields' limits never come to this */
        allowed[k]--;
        text--;
    }
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++)
        if (allowed[i] < lines[i]) {
            const char *v = hw_profile_text(&d->profile, i);
            plan->cut[i] = cut_to(v, strlen(v), allowed[i] - 1);
            plan->cuts = true;
        }
    plan->text_lines = text;
    plan->shown = shown;
    plan->more = d->nabsences - shown;
}

/* ---- text ---- */

static void line(struct hw_buf *out, const char *key, const char *value)
{
    hw_buf_printf(out, "%-22s %s\n", key, value && *value ? value : "Not recorded");
}

static void flags_text(int flags, struct hw_buf *out)
{
    for (const struct hw_code *c = hw_flag_codes; c->code; c++)
        if (flags & c->value)
            hw_buf_printf(out, "%s%s", out->len ? "; " : "", c->label);
}

void hw_profile_name(const struct hw_child *c, struct hw_buf *out)
{
    if (c->first_name || c->last_name)
        hw_buf_printf(out, "%s%s%s", c->first_name ? c->first_name : "",
                      c->first_name && c->last_name ? " " : "", c->last_name ? c->last_name : "");
    else
        hw_buf_puts(out, c->id);
}

void hw_profile_details(const struct hw_profile_doc *d,
                        struct hw_profile_detail out[HW_PROFILE_NDETAILS])
{
    const struct hw_child *c = &d->child;
    char dob[32];
    struct hw_buf b = {0};
    size_t n = 0;
    date_text(c->dob, dob, sizeof dob);
    out[n++] = (struct hw_profile_detail){"Date of birth",
                                          !*dob         ? NULL
                                          : d->age >= 0 ? hw_asprintf("%s (age %d)", dob, d->age)
                                                        : hw_strdup(dob)};
    out[n++] = (struct hw_profile_detail){"Gender", hw_strdup(c->gender)};
    out[n++] = (struct hw_profile_detail){"Ethnicity", hw_strdup(c->ethnicity)};
    char *place = place_text(c->placement_type, c->placement_name);
    out[n++] = (struct hw_profile_detail){"Placement", place && c->out_of_area == HW_YES
                                                           ? hw_asprintf("%s (out of area)", place)
                                                           : hw_strdup(place)};
    free(place);
    out[n++] = (struct hw_profile_detail){"School", hw_strdup(c->school)};
    out[n++] = (struct hw_profile_detail){
        "Case status",
        c->case_status ? hw_strdup(hw_code_label(hw_case_status_codes, c->case_status)) : NULL};
    flags_text(c->flags, &b);
    out[n++] =
        (struct hw_profile_detail){"Risk flags", b.len ? hw_buf_take(&b) : hw_strdup("None")};
    out[n++] = (struct hw_profile_detail){"Allocated worker", hw_strdup(c->worker)};
    out[n++] = (struct hw_profile_detail){"Team", hw_strdup(c->team)};
    out[n++] = (struct hw_profile_detail){
        "Responsible council",
        hw_strdup(c->responsible_authority ? c->responsible_authority : "This council")};
    char sent[200] = "", at[32];
    if (d->sent_at != HW_NO_TIME) {
        hw_profile_time_text(d->sent_at, at, sizeof at);
        snprintf(sent, sizeof sent, "%s by %s to %s", at, d->sent_by, d->sent_to);
    }
    out[n++] = (struct hw_profile_detail){"Sent to the police",
                                          *sent ? hw_strdup(sent) : hw_strdup("Not yet")};
    hw_buf_free(&b);
}

void hw_profile_details_free(struct hw_profile_detail list[HW_PROFILE_NDETAILS])
{
    for (size_t i = 0; i < HW_PROFILE_NDETAILS; i++)
        free(list[i].value);
}

void hw_profile_absence_cells(const struct hw_profile_absence *a, char cells[7][320])
{
    char dur[48];
    hw_profile_time_text(a->last_seen, cells[0], 320);
    if (a->returned == HW_NO_TIME)
        snprintf(cells[1], 320, "%s", "Not recorded");
    else
        hw_profile_time_text(a->returned, cells[1], 320);
    if (a->minutes < 0)
        snprintf(cells[2], 320, "%s", "");
    else
        hw_duration_text(a->minutes, dur, sizeof dur), snprintf(cells[2], 320, "%s", dur);
    snprintf(cells[3], 320, "%s", a->kind == HW_KIND_ABSENT ? "Away" : "Missing");
    snprintf(cells[4], 320, "%s", a->missing_from ? a->missing_from : "");
    snprintf(cells[5], 320, "%s", a->found_location ? a->found_location : "");
    snprintf(cells[6], 320, "%s", a->with ? a->with : "");
}

const char *const hw_profile_absence_header[7] = {"Last seen",    "Returned", "Duration", "Kind",
                                                  "Missing from", "Found at", "With"};

void hw_profile_doc_text(const struct hw_profile_doc *d, struct hw_buf *out)
{
    struct hw_buf name = {0};
    struct hw_profile_detail det[HW_PROFILE_NDETAILS];
    char when[32], dur[48];
    hw_profile_name(&d->child, &name);
    hw_profile_time_text(d->produced, when, sizeof when);
    hw_buf_printf(out, "MISSING PROFILE: %s (%s)\n", name.data, d->child.id);
    hw_buf_printf(out,
                  "Produced %s%s%s. OFFICIAL-SENSITIVE: for the police and the missing "
                  "team.\n\n",
                  when, d->produced_by ? " by " : "", d->produced_by ? d->produced_by : "");
    if (d->missing_now) {
        char since[32];
        hw_profile_time_text(d->open.last_seen, since, sizeof since);
        hw_duration_text((d->produced - d->open.last_seen) / HW_MINUTE, dur, sizeof dur);
        hw_buf_printf(out, "MISSING NOW since %s (%s), episode %s", since, dur, d->open.id);
        if (d->open.risk)
            hw_buf_printf(out, ", %s risk", hw_code_name(hw_risk_codes, d->open.risk));
        hw_buf_printf(out, ", police reference %s",
                      d->open.police_ref ? d->open.police_ref : "not recorded");
        if (d->open_from)
            hw_buf_printf(out, ", missing from %s", d->open_from);
        hw_buf_puts(out, ".\n\n");
    }
    line(out, "Name", name.data);
    line(out, "Child ID", d->child.id);
    hw_profile_details(d, det);
    for (size_t i = 0; i < HW_PROFILE_NDETAILS; i++)
        line(out, det[i].key, det[i].value);
    hw_profile_details_free(det);
    if (d->photo_type) {
        char bytes[64], at[32];
        hw_bytes_text(d->photo_size, bytes, sizeof bytes);
        hw_profile_time_text(d->photo_at, at, sizeof at);
        hw_buf_printf(out, "%-22s %s, %s, uploaded %s by %s\n", "Photograph", d->photo_type, bytes,
                      at, d->photo_by);
    } else {
        line(out, "Photograph", "None");
    }
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        const char *v = hw_profile_text(&d->profile, i);
        hw_buf_printf(out, "\n%s\n", hw_profile_labels[i].label);
        if (v == NULL) {
            hw_buf_puts(out, "  Not recorded\n");
            continue;
        }
        while (*v) { /* each line indented */
            size_t n = strcspn(v, "\r\n");
            hw_buf_printf(out, "  %.*s\n", (int)n, v);
            v += n;
            if (*v == '\r' && v[1] == '\n')
                v++;
            if (*v)
                v++;
        }
    }
    hw_buf_printf(out, "\nPrevious absences (%zu), newest first\n", d->nabsences);
    if (d->nabsences == 0) {
        hw_buf_puts(out, "  None recorded in Homeward.\n");
    } else {
        struct hw_table t;
        hw_table_init(&t, 7, hw_profile_absence_header);
        for (size_t i = 0; i < d->nabsences; i++) {
            char cells[7][320];
            hw_profile_absence_cells(&d->absences[i], cells);
            const char *row[7] = {cells[0], cells[1], cells[2], cells[3],
                                  cells[4], cells[5], cells[6]};
            hw_table_add(&t, row);
        }
        hw_table_text(&t, out);
        hw_table_free(&t);
    }
    if (d->has_profile) {
        hw_profile_time_text(d->profile.updated_at, when, sizeof when);
        hw_buf_printf(out, "\nProfile last updated %s by %s.\n", when, d->profile.updated_by);
    } else {
        hw_buf_puts(out, "\nNo profile has been written for this child yet.\n");
    }
    hw_buf_free(&name);
}

/* ---- JSON ---- */

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *hw_profile_doc_json(const struct hw_profile_doc *d, const char *photo_url)
{
    const struct hw_child *c = &d->child;
    struct hw_buf name = {0};
    json_t *o = json_object(), *child = json_object(), *flags = json_array();
    char dob[HW_DATE_LEN];
    hw_profile_name(c, &name);
    json_object_set_new(child, "child_id", json_string(c->id));
    json_object_set_new(child, "name", json_string(name.data));
    json_object_set_new(child, "first_name", str_or_null(c->first_name));
    json_object_set_new(child, "last_name", str_or_null(c->last_name));
    hw_format_date(c->dob, dob);
    json_object_set_new(child, "date_of_birth",
                        c->dob == HW_NO_DATE ? json_null() : json_string(dob));
    json_object_set_new(child, "age", d->age >= 0 ? json_integer(d->age) : json_null());
    json_object_set_new(child, "gender", str_or_null(c->gender));
    json_object_set_new(child, "ethnicity", str_or_null(c->ethnicity));
    json_object_set_new(child, "placement_type",
                        c->placement_type
                            ? json_string(hw_code_name(hw_placement_codes, c->placement_type))
                            : json_null());
    json_object_set_new(child, "placement_name", str_or_null(c->placement_name));
    json_object_set_new(child, "out_of_area",
                        c->out_of_area ? json_boolean(c->out_of_area == HW_YES) : json_null());
    json_object_set_new(child, "school", str_or_null(c->school));
    json_object_set_new(child, "case_status",
                        c->case_status
                            ? json_string(hw_code_name(hw_case_status_codes, c->case_status))
                            : json_null());
    for (const struct hw_code *f = hw_flag_codes; f->code; f++)
        if (c->flags & f->value)
            json_array_append_new(flags, json_string(f->code));
    json_object_set_new(child, "flags", flags);
    json_object_set_new(child, "worker", str_or_null(c->worker));
    json_object_set_new(child, "team", str_or_null(c->team));
    json_object_set_new(child, "responsible_authority", str_or_null(c->responsible_authority));
    json_object_set_new(o, "child", child);

    if (d->missing_now) {
        json_t *m = json_object();
        json_object_set_new(m, "episode_id", json_string(d->open.id));
        json_object_set_new(m, "kind", json_string(hw_code_name(hw_kind_codes, d->open.kind)));
        json_object_set_new(m, "last_seen", hw_time_json(d->open.last_seen));
        json_object_set_new(m, "minutes_so_far",
                            json_integer((json_int_t)((d->produced - d->open.last_seen) / 60)));
        json_object_set_new(m, "risk",
                            d->open.risk ? json_string(hw_code_name(hw_risk_codes, d->open.risk))
                                         : json_null());
        json_object_set_new(m, "police_ref", str_or_null(d->open.police_ref));
        json_object_set_new(m, "missing_from", str_or_null(d->open_from));
        json_object_set_new(o, "missing_now", m);
    } else {
        json_object_set_new(o, "missing_now", json_null());
    }

    json_t *p = json_object();
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++)
        json_object_set_new(p, hw_profile_fields[i + 1].name,
                            str_or_null(hw_profile_text(&d->profile, i)));
    json_object_set_new(p, "updated_at", hw_time_json(d->profile.updated_at));
    json_object_set_new(p, "updated_by", str_or_null(d->profile.updated_by));
    json_object_set_new(o, "profile", p);

    if (d->photo_type) {
        json_t *ph = json_object();
        json_object_set_new(ph, "content_type", json_string(d->photo_type));
        json_object_set_new(ph, "bytes", json_integer((json_int_t)d->photo_size));
        json_object_set_new(ph, "uploaded_at", hw_time_json(d->photo_at));
        json_object_set_new(ph, "uploaded_by", json_string(d->photo_by));
        if (photo_url)
            json_object_set_new(ph, "url", json_string(photo_url));
        json_object_set_new(o, "photo", ph);
    } else {
        json_object_set_new(o, "photo", json_null());
    }

    json_t *list = json_array();
    for (size_t i = 0; i < d->nabsences; i++) {
        const struct hw_profile_absence *a = &d->absences[i];
        json_t *x = json_object();
        char dur[48] = "";
        if (a->minutes >= 0)
            hw_duration_text(a->minutes, dur, sizeof dur);
        json_object_set_new(x, "episode_id", json_string(a->episode_id));
        json_object_set_new(x, "kind", json_string(hw_code_name(hw_kind_codes, a->kind)));
        json_object_set_new(x, "last_seen", hw_time_json(a->last_seen));
        json_object_set_new(x, "returned", hw_time_json(a->returned));
        json_object_set_new(x, "minutes",
                            a->minutes >= 0 ? json_integer((json_int_t)a->minutes) : json_null());
        json_object_set_new(x, "duration", a->minutes >= 0 ? json_string(dur) : json_null());
        json_object_set_new(x, "missing_from", str_or_null(a->missing_from));
        json_object_set_new(x, "found_location", str_or_null(a->found_location));
        json_object_set_new(x, "with", str_or_null(a->with));
        json_object_set_new(x, "police_ref", str_or_null(a->police_ref));
        json_array_append_new(list, x);
    }
    json_object_set_new(o, "previous_absences", list);

    if (d->sent_at != HW_NO_TIME) {
        json_t *sent = json_object();
        json_object_set_new(sent, "sent_at", hw_time_json(d->sent_at));
        json_object_set_new(sent, "sent_by", json_string(d->sent_by));
        json_object_set_new(sent, "sent_to", json_string(d->sent_to));
        json_object_set_new(sent, "episode_id", json_string(d->sent_episode));
        json_object_set_new(o, "sent_to_police", sent);
    } else {
        json_object_set_new(o, "sent_to_police", json_null());
    }
    json_object_set_new(o, "produced", hw_time_json(d->produced));
    hw_buf_free(&name);
    return o;
}

int hw_profile_doc_render(const struct hw_profile_doc *d, enum hw_format fmt, struct hw_buf *out,
                          struct hw_err *err)
{
    switch (fmt) {
    case HW_FMT_TEXT:
        hw_profile_doc_text(d, out);
        return 0;
    case HW_FMT_HTML:
        hw_profile_doc_html(d, out);
        return 0;
    case HW_FMT_JSON: {
        json_t *o = hw_profile_doc_json(d, NULL);
        char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(o);
        hw_buf_puts(out, text ? text : "null");
        hw_buf_putc(out, '\n');
        free(text);
        return 0;
    }
    default:
        return hw_fail(err, HW_EINPUT, "format: a missing profile is text, json or html");
    }
}
