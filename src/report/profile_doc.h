/* profile_doc.h - the missing profile as a document for the police (seed
 * 003 section 4.1): the child, the profile's text, the photograph, the
 * episode open now, and the previous absences from Homeward's own records;
 * rendered as text, JSON, or one printable A4 HTML page.
 *
 * Times are shown in Europe/London local time ("3 Apr 2017 22:00"; JSON:
 * ISO 8601 with the offset). The HTML page is self-contained: the
 * photograph is a data: URI, the style is in the page, there are no
 * scripts and nothing is fetched (its own Content-Security-Policy says so).
 */
#ifndef HW_PROFILE_DOC_H
#define HW_PROFILE_DOC_H

#include <jansson.h>
#include <stdbool.h>

#include "core/profile.h"
#include "report/table.h"
#include "store/store.h"

/* An earlier episode, as the police ask for it: when, how long, where
 * from, where found, who with. */
struct hw_profile_absence {
    char *episode_id;
    int kind; /* enum hw_kind */
    hw_instant last_seen, returned;
    long long minutes;    /* returned - last_seen */
    char *missing_from;   /* "Foster care: Oak House"; NULL when not recorded */
    char *found_location; /* NULL when not recorded */
    char *with;           /* "Ben Hill (C2); C9"; NULL when alone */
    char *police_ref;
};

struct hw_profile_doc {
    hw_instant produced;
    char *produced_by; /* who printed or exported it; NULL: not said */
    struct hw_child child;
    int age; /* whole years on the day produced; -1 when not known */
    struct hw_profile profile;
    bool has_profile;
    /* the photograph: type NULL when none; bytes only when asked for */
    char *photo_type, *photo_by;
    unsigned char *photo;
    size_t photo_size;
    hw_instant photo_at;
    /* the episode open now (missing now), when there is one */
    struct hw_episode open;
    bool missing_now;
    char *open_from; /* where missing from, as for an absence */
    /* every other episode of the child, newest first */
    struct hw_profile_absence *absences;
    size_t nabsences;
    /* the last time the profile was sent to the police (sent_at HW_NO_TIME: never) */
    hw_instant sent_at;
    char *sent_by, *sent_to, *sent_episode;
};

/* Builds child_id's profile document as at `now` (by: who asks, for the
 * footer; may be NULL). with_photo: also read the photograph's bytes (for
 * the HTML page). Returns 0, or -1 (HW_ENOTFOUND: no such child). */
int hw_profile_doc_build(struct hw_store *s, const char *child_id, hw_instant now, const char *by,
                         bool with_photo, struct hw_profile_doc *d, struct hw_err *err);
void hw_profile_doc_free(struct hw_profile_doc *d);

/* How the printed page is filled, worked out from the length of the text
 * (docs/profile.md): the most recent `shown` absences and how many `more`
 * are left out (said on the page): all of them up to
 * HW_PRINT_ABSENCES_MAX when the text leaves room, never fewer than
 * HW_PRINT_ABSENCES_MIN (or all there are). When even then the text would
 * run past the page, the longest fields are cut, each at cut[i] bytes,
 * with a note on the page that the rest is in Homeward. */
#define HW_PRINT_ABSENCES_MAX 12
#define HW_PRINT_ABSENCES_MIN 3
struct hw_print_plan {
    size_t text_lines;            /* the text fields' lines as printed, labels included */
    size_t shown, more;           /* absences */
    size_t cut[HW_PROFILE_NTEXT]; /* bytes of each field printed; its length when whole */
    bool cuts;                    /* a field was cut */
};
void hw_profile_print_plan(const struct hw_profile_doc *d, struct hw_print_plan *plan);

/* What the page's banner says of the episode open now: "since 3 Apr 2017
 * 22:00 (3 h 15 min) · High risk · Police reference MP/1 · Missing from
 * Foster care: Oak House"; nothing when the child is not missing. */
void hw_profile_now_text(const struct hw_profile_doc *d, struct hw_buf *out);
/* The page's footer: who printed it and when, who last updated the profile. */
void hw_profile_footer_text(const struct hw_profile_doc *d, struct hw_buf *out);
/* "3 Apr 2017 22:00" (local time); "" for HW_NO_TIME. */
void hw_profile_time_text(hw_instant t, char *buf, size_t size);

/* What every renderer shows the same way. */
/* "Amy Stone", or the ID when no name is recorded. */
void hw_profile_name(const struct hw_child *c, struct hw_buf *out);
/* The child's details, in order: label and value (owned; NULL: not recorded). */
struct hw_profile_detail {
    const char *key;
    char *value;
};
#define HW_PROFILE_NDETAILS 11
void hw_profile_details(const struct hw_profile_doc *d,
                        struct hw_profile_detail out[HW_PROFILE_NDETAILS]);
void hw_profile_details_free(struct hw_profile_detail list[HW_PROFILE_NDETAILS]);
/* An absence's cells under hw_profile_absence_header: last seen,
 * returned, duration, kind (Missing or Away), missing from, found at, with. */
extern const char *const hw_profile_absence_header[7];
void hw_profile_absence_cells(const struct hw_profile_absence *a, char cells[7][320]);

/* The renderers. */
void hw_profile_doc_text(const struct hw_profile_doc *d, struct hw_buf *out);
/* The document as JSON (a new reference); photo_url: where the photograph
 * can be fetched (NULL: not said). */
json_t *hw_profile_doc_json(const struct hw_profile_doc *d, const char *photo_url);
/* One printable A4 page (the photograph embedded when it was read). */
void hw_profile_doc_html(const struct hw_profile_doc *d, struct hw_buf *out);
/* text, json or html into out (json indented). */
int hw_profile_doc_render(const struct hw_profile_doc *d, enum hw_format fmt, struct hw_buf *out,
                          struct hw_err *err);

#endif
