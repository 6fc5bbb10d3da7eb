/* notices.h - notices to the council that placed a child here, from
 * templates.
 *
 * Derby's improvement plan (seed 004 appendix 1) asks for "a standard
 * letter to send to other LA's when RI not completed in 72 hours", and for
 * the council that placed a child to be told when the child goes missing
 * and is found. Homeward writes each such notice from a template: the
 * built-in defaults, or a council's own file. A template is text with
 * placeholders in braces ({child_name}), filled from the records when the
 * notice is made. Pure: parsing works on text, rendering on given values.
 *
 * The file format (docs/notices.md): a line "[KIND]" starts the template of
 * that kind (reported, risk_raised_high, returned, rhi_overdue); the lines
 * after it, up to the next "[KIND]" line, are its text, blank lines at its
 * start and end dropped. A line whose first character is '#' is a comment,
 * anywhere. A file gives every kind, once. In the text, {NAME} is a
 * placeholder (hw_notice_placeholders), "{{" a literal '{' and "}}" a
 * literal '}'.
 */
#ifndef HW_NOTICES_H
#define HW_NOTICES_H

#include <stddef.h>

#include "core/domain.h"
#include "core/error.h"
#include "core/mem.h"

#define HW_NOTICE_TEXT_MAX  4000 /* bytes of one template */
#define HW_NOTICE_KINDS     4    /* reported, risk_raised_high, returned, rhi_overdue */
#define HW_COUNCIL_NAME_MAX 120

/* What a template may name. */
enum hw_notice_field {
    HW_NF_COUNCIL = 0,    /* the responsible council (the notice's recipient) */
    HW_NF_OUR_COUNCIL,    /* this council */
    HW_NF_CHILD_NAME,     /* first and last name */
    HW_NF_CHILD_ID,       /* the child's ID here */
    HW_NF_DATE_OF_BIRTH,  /* YYYY-MM-DD */
    HW_NF_EPISODE_ID,     /* the episode's ID here */
    HW_NF_LAST_SEEN,      /* local time, YYYY-MM-DD HH:MM */
    HW_NF_REPORTED,       /* when reported to the police */
    HW_NF_RETURNED,       /* when found or returned */
    HW_NF_MISSING_FROM,   /* where from: the placement's name and type */
    HW_NF_FOUND_LOCATION, /* where found */
    HW_NF_POLICE_REF,     /* the police reference */
    HW_NF_RISK,           /* the police risk level */
    HW_NF_RHI_DUE,        /* when the return home interview is due */
    HW_NF_RHI_DUE_HOURS,  /* the timescale in hours (72) */
    HW_NF_COUNT
};
/* Each placeholder's name (code) and what it holds (label), by field. */
extern const struct hw_code hw_notice_placeholders[];

/* The values of one notice, by field; NULL: not recorded (rendered as
 * "not recorded", or "not yet" for the return and the interview's due
 * time). Borrowed. */
struct hw_notice_facts {
    const char *v[HW_NF_COUNT];
};

/* A set of templates, one per kind, and this council's name: plain data,
 * no allocation (copy it freely). */
struct hw_notices {
    char text[HW_NOTICE_KINDS][HW_NOTICE_TEXT_MAX + 1]; /* by kind - 1 */
    char our_council[HW_COUNCIL_NAME_MAX + 1];
};

/* The kind of a notice is the outbox event it is made for (core/routing.h,
 * hw_outbox_event_codes): 1 reported ... 4 rhi_overdue. */

/* The defaults (docs/notices.md), with our_council "The council". */
void hw_notices_defaults(struct hw_notices *n);
/* The defaults, as a set that lives for the whole program. */
const struct hw_notices *hw_notices_builtin(void);

/* Parses a templates file's text into *n, replacing every template (the
 * council's name is kept). On any error *n is unchanged and err (HW_EINPUT)
 * names file:line and what is wrong: an unknown kind or placeholder (by
 * name), a brace not closed, a kind given twice or not at all, a template
 * empty or too long, text before the first kind. */
int hw_notices_parse(const char *text, const char *filename, struct hw_notices *n,
                     struct hw_err *err);
/* Writes n as a templates file (with a header listing the placeholders)
 * that hw_notices_parse reads back to equal templates. */
void hw_notices_write(const struct hw_notices *n, struct hw_buf *out);

/* Appends the notice of kind (1 to HW_NOTICE_KINDS) for the facts to out. */
void hw_notice_render(const struct hw_notices *n, int kind, const struct hw_notice_facts *f,
                      struct hw_buf *out);

#endif
