/* reasons.h - the reasons children give for going missing, as data.
 *
 * Derby's annual report (seed 004 section 9) counts the reasons young people
 * gave in their return interviews by category: criminal activity, wanting to
 * return to family, behaviour problems, wanting to be with friends, wanting
 * independence, drugs, miscommunication, CSE and housing problems. An
 * interview records the child's reasons as ';'-separated codes of a reasons
 * list; the defaults are Derby's categories (plus `other`), and a council
 * can replace the whole list with a text file. Free-text detail goes in the
 * interview's `risks`. Pure: parsing works on text.
 *
 * The file format, one reason per line (blank lines and lines whose first
 * non-blank character is '#' are ignored):
 *
 *     CODE  LABEL
 *     with_friends  Wanting to be with friends
 *
 * CODE: lower-case letters, digits and '_', starting with a letter, at most
 * HW_REASON_CODE_MAX characters, each once. LABEL: the rest of the line, what
 * a person reads, at most HW_REASON_LABEL_MAX bytes; required.
 */
#ifndef HW_REASONS_H
#define HW_REASONS_H

#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"

#define HW_REASON_CODE_MAX  40
#define HW_REASON_LABEL_MAX 120
#define HW_REASONS_MAX      64

struct hw_reason {
    char code[HW_REASON_CODE_MAX + 1];
    char label[HW_REASON_LABEL_MAX + 1];
};

/* A whole list: plain data, no allocation (copy it freely). */
struct hw_reasons {
    struct hw_reason items[HW_REASONS_MAX];
    size_t n;
};

/* The defaults (docs/rules.md, "Interviews"), as a list that lives for the
 * whole program. */
const struct hw_reasons *hw_reasons_builtin(void);
void hw_reasons_defaults(struct hw_reasons *r);

/* The label of code, or NULL when the list does not hold it. */
const char *hw_reasons_label(const struct hw_reasons *r, const char *code);

/* Parses a reasons file's text into *r, replacing the whole list. On any
 * error *r is unchanged and err (HW_EINPUT) names file:line. A file without a
 * reason is refused: no interview could record one. */
int hw_reasons_parse(const char *text, const char *filename, struct hw_reasons *r,
                     struct hw_err *err);
/* Writes r as a reasons file (with a header explaining the format) that
 * hw_reasons_parse reads back to an equal list. */
void hw_reasons_write(const struct hw_reasons *r, struct hw_buf *out);

/* Checks text, a ';'-separated list of codes (case and spaces around each
 * code do not matter), against r. On success *out is the list normalised
 * (owned): lower case, each code once in the order first given, joined by
 * ';'; NULL when the list holds no code. An unknown code is an HW_EINPUT
 * error naming it and the codes of r; *out is then NULL. */
int hw_reasons_normalise(const struct hw_reasons *r, const char *text, char **out,
                         struct hw_err *err);

#endif
