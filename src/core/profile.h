/* profile.h - a child's missing profile (seed 003 section 4.1), and the
 * checks on its photograph.
 *
 * When a child is reported missing the police ask at once for a
 * description and a recent photograph, mobile numbers, social media use,
 * known associates and addresses frequented, where the child was found
 * before, previous absences, specific risks and medical needs. The profile
 * keeps what a carer or worker writes down beforehand; the previous
 * absences come from the episodes (report/profile_doc.h).
 *
 * The text fields are a field table like the records' (core/records.h), so
 * the command line, the JSON, the store and the history name them alike.
 * Each has a limit in bytes and in lines, chosen so that a full profile
 * still prints on one A4 page (docs/profile.md). Pure: no I/O.
 */
#ifndef HW_PROFILE_H
#define HW_PROFILE_H

#include <stddef.h>

#include "core/error.h"
#include "core/hwtime.h"
#include "core/records.h"

struct hw_profile {
    char *child_id;
    char *description;     /* appearance: height, build, hair, marks; usual clothing */
    char *mobile;          /* mobile numbers */
    char *social_media;    /* which platforms, account names */
    char *associates;      /* known associates */
    char *addresses;       /* addresses and places frequented */
    char *places_found;    /* where the child was found before */
    char *risks;           /* specific risks */
    char *medical;         /* medical needs, medication */
    hw_instant updated_at; /* last change of a text field; HW_NO_TIME: never */
    char *updated_by;      /* who made it; NULL: never */
};

/* The child's ID, then the eight text fields, ending with a NULL name. */
extern const struct hw_field hw_profile_fields[];
#define HW_PROFILE_NTEXT 8 /* the text fields: hw_profile_fields[1..8] */

/* What a person is shown for text field i (0-based, hw_profile_fields[i + 1])
 * and how many lines it may have. */
struct hw_profile_label {
    const char *label;
    unsigned max_lines;
};
extern const struct hw_profile_label hw_profile_labels[HW_PROFILE_NTEXT];

/* As hw_record_init / hw_record_clear, with updated_at and updated_by. */
void hw_profile_init(struct hw_profile *p);
void hw_profile_clear(struct hw_profile *p);
/* The text of field i (0-based), NULL when not recorded. */
const char *hw_profile_text(const struct hw_profile *p, size_t i);

/* Lines in s: 1 + the line breaks (a CRLF is one); 0 for NULL or "". */
unsigned hw_text_lines(const char *s);
/* Checks each text field's line limit (the byte limit and the characters
 * are checked as the field is set, hw_field_set). err names the field:
 * "risks: at most 6 lines, got 9 (...)". */
int hw_profile_check(const struct hw_profile *p, struct hw_err *err);

/* ---- the photograph ---- */

#define HW_PHOTO_MAX_DEFAULT (2 * 1024 * 1024)  /* photo_max_bytes: 2 MiB */
#define HW_PHOTO_MAX_LIMIT   (16 * 1024 * 1024) /* the most photo_max_bytes may be set to */

/* "image/jpeg" or "image/png" when data starts as such a file does (the
 * magic bytes: FF D8 FF; 89 'PNG' CR LF 1A LF then the IHDR chunk), else
 * NULL. What the file is called or claims to be plays no part. */
const char *hw_photo_type(const unsigned char *data, size_t len);
/* Checks a photograph: not empty, at most max bytes, JPEG or PNG by its
 * bytes. On success *type is its media type; on failure err (HW_EINPUT)
 * says what was wrong: "the photograph is empty", "the photograph is
 * 3,145,728 bytes: the limit is 2,097,152 bytes (2 MiB)", "the photograph
 * is not a JPEG or PNG image (it looks like a GIF image)". */
int hw_photo_check(const unsigned char *data, size_t len, size_t max, const char **type,
                   struct hw_err *err);
/* A byte count for people: "2,097,152 bytes (2 MiB)", "34,567 bytes (34 KiB)"
 * (KiB to the nearest, MiB to a tenth), "900 bytes". */
void hw_bytes_text(size_t n, char *buf, size_t size);

/* ---- what the profile shows of a child ---- */

/* A length of time for people, from minutes: "45 min", "13 h 30 min"
 * (under 48 hours), "3 days 4 h" (48 hours or more). Negative is "0 min". */
void hw_duration_text(long long minutes, char *buf, size_t size);

#endif
