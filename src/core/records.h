/* records.h - children, episodes and interviews, and their field tables.
 *
 * A record is a plain struct; text members are owned heap strings (NULL when
 * not recorded). Each record type has one field table that the CSV importer,
 * the command line (--first-name ...), JSON output and the store all use, so
 * a field's name, type, allowed codes and limits are written down once.
 */
#ifndef HW_RECORDS_H
#define HW_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/domain.h"
#include "core/error.h"
#include "core/hwtime.h"
#include "core/mem.h"

/* A yes/no answer that may be unrecorded. */
enum hw_yesno { HW_YN_UNSET = 0, HW_NO, HW_YES };
extern const struct hw_code hw_yesno_codes[];

#define HW_ID_MAX 64   /* record identifiers: letters, digits, . _ / - */
#define HW_NO_INT (-1) /* a whole-number field that is not recorded */

struct hw_child {
    char *id;
    char *first_name, *last_name;
    hw_date dob;
    char *gender, *ethnicity;
    char *responsible_authority; /* NULL: this council; else the placing council (OLA) */
    int case_status;             /* enum hw_case_status */
    int flags;                   /* enum hw_flag bits */
    int placement_type;          /* enum hw_placement */
    char *placement_name;
    int out_of_area; /* enum hw_yesno */
    char *team, *worker, *school;
    char *missing_plan;                     /* the child's missing plan (003 section 4) */
    hw_date plan_reviewed, plan_review_due; /* last reviewed; next review by */
};

struct hw_episode {
    char *id, *child_id;
    int kind;                                 /* enum hw_kind */
    hw_instant last_seen, reported, returned; /* returned: HW_NO_TIME while missing */
    int risk;                                 /* enum hw_risk */
    int missing_from_type;                    /* enum hw_placement */
    char *missing_from_name;
    int out_of_area; /* enum hw_yesno */
    int case_status; /* enum hw_case_status, at the time of the episode */
    char *police_ref, *reported_by;
    int harmed, crime_while_absent; /* enum hw_yesno */
    char *found_location;
    char *with_children;     /* ';'-separated child IDs */
    hw_instant safe_well_at; /* police safe-and-well check after return (003 section 11) */
};

struct hw_interview {
    char *id, *child_id;
    char *episode_ids; /* ';'-separated episode IDs, at least one */
    int decision;      /* enum hw_decision */
    char *decided_by, *decision_reason;
    hw_instant offered;
    int outcome;  /* enum hw_outcome */
    int attempts; /* HW_NO_INT when not recorded */
    hw_instant completed;
    int conducted_by; /* enum hw_conducted_by */
    char *reasons, *risks;
    int screening; /* enum hw_screening */
    hw_date shared_with_police;
    hw_instant signed_off;
    char *signed_off_by;
    int lateness_reason; /* enum hw_lateness: why completed after the 72 hours */
};

enum hw_ftype {
    HW_F_ID,     /* char *: an identifier */
    HW_F_IDLIST, /* char *: ';'-separated identifiers */
    HW_F_TEXT,   /* char *: free text */
    HW_F_DATE,   /* hw_date */
    HW_F_TIME,   /* hw_instant, local time on input and output */
    HW_F_ENUM,   /* int: a value of the field's code table */
    HW_F_FLAGS,  /* int: ';'-separated codes of the table, as bits */
    HW_F_INT     /* int: a whole number 0..max, HW_NO_INT when not recorded */
};

struct hw_field {
    const char *name; /* CSV column and JSON key; --name-with-dashes on the CLI */
    enum hw_ftype type;
    size_t offset;
    const struct hw_code *codes; /* HW_F_ENUM, HW_F_FLAGS */
    unsigned max;                /* text: bytes; int: largest value */
    bool required;
    const char *help;
};

/* Tables end with an entry whose name is NULL; the first entry is the ID. */
extern const struct hw_field hw_child_fields[];
extern const struct hw_field hw_episode_fields[];
extern const struct hw_field hw_interview_fields[];

/* The three record types, described once for generic code (storage, import,
 * the command line). */
enum hw_rectype { HW_REC_CHILD = 0, HW_REC_EPISODE, HW_REC_INTERVIEW, HW_REC_COUNT };

struct hw_rectype_info {
    const char *name;   /* "child": CLI noun, messages */
    const char *plural; /* "children": table and import name */
    const struct hw_field *fields;
    size_t size; /* sizeof the record struct */
};
extern const struct hw_rectype_info hw_rectypes[HW_REC_COUNT];
/* Looks up by name or plural ("child", "children"); NULL when unknown. */
const struct hw_rectype_info *hw_rectype_find(const char *name);

const struct hw_field *hw_field_find(const struct hw_field *table, const char *name);
/* A set of a table's fields as bits by position (the ID is bit 0), for
 * reading only some fields: hw_field_mask(table, "a", "b", NULL). Names must
 * exist (an unknown one aborts: it is a programming error). */
uint64_t hw_field_mask(const struct hw_field *table, ...);
/* Parses text into the field of rec. Empty text unsets the field. On bad text
 * returns -1 and err says what was expected (the caller adds where). */
int hw_field_set(const struct hw_field *f, void *rec, const char *text, struct hw_err *err);
bool hw_field_is_set(const struct hw_field *f, const void *rec);
/* Appends the field's text form (as accepted by hw_field_set; "" when unset). */
void hw_field_format(const struct hw_field *f, const void *rec, struct hw_buf *out);
/* Checks that required fields are set; err names the first missing one. */
int hw_record_check(const struct hw_field *table, const void *rec, struct hw_err *err);
/* Sets every field of rec to "not recorded" (call before first use). */
void hw_record_init(const struct hw_field *table, void *rec);
/* Frees the text members and resets rec to "not recorded". */
void hw_record_clear(const struct hw_field *table, void *rec);
/* Copies src into dst (dst must be initialised; its old contents are freed). */
void hw_record_copy(const struct hw_field *table, void *dst, const void *src);

/* Checks free text as a HW_F_TEXT field of at most max bytes does: no
 * control characters other than tab and line ends. */
int hw_text_check(const char *s, size_t max, struct hw_err *err);

/* Iterates a ';'-separated list: returns the next item's length and start,
 * advancing *cursor; returns 0 at the end. */
size_t hw_list_next(const char **cursor, const char **item);
/* True when id appears in the ';'-separated list. */
bool hw_list_contains(const char *list, const char *id);

#endif
