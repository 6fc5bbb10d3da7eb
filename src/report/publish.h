/* publish.h - a report document marked for publication: small numbers
 * suppressed the way official statistics suppress them, so that no child
 * can be picked out of a published table (docs/reports.md, "For
 * publication").
 *
 * hw_doc_publish is a pure transform of a built document, applied after
 * every section has been built, so every section of every report gets it
 * by construction; the renderers then show each withheld number as "c".
 * A document not passed through it is never suppressed.
 *
 * The rules, in order:
 *   1. Tables that name or pseudonymise children
 *      (hw_doc_table_names_children) are left out, with their charts; the
 *      section's introduction says so.
 *   2. Primary suppression: every count (an INT cell not marked worked
 *      out) from 1 to HW_PUBLISH_MIN - 1 is withheld. 0 is shown: it
 *      identifies no one.
 *   3. Secondary suppression, for each total a table declares
 *      (hw_doc_total) that is itself shown: when exactly one of the counts
 *      it totals is withheld, the smallest of the others that is shown and
 *      not 0 (the first of equals) is withheld too, so that the first
 *      cannot be worked out by subtraction (when there is none, the total
 *      is withheld). Repeated over every total until nothing changes, since
 *      a cell withheld for a row's total can leave one alone in a
 *      column's.
 *   4. Numbers worked out from counts (percentages, changes: hw_cell_rate,
 *      hw_cell_worked_out, hw_cell_from) are withheld when a count they are
 *      worked out from is from 1 to HW_PUBLISH_MIN - 1, or when a cell they
 *      are worked out from is withheld.
 *   5. A chart that would plot a withheld number is left out; its table
 *      stays.
 *   6. The document is marked (d->publication): every format says it is
 *      for publication and explains "c" (HW_DOC_PUBLICATION_FOOTNOTE).
 * A withheld cell keeps no trace of its number.
 */
#ifndef HW_PUBLISH_H
#define HW_PUBLISH_H

#include "report/doc.h"

/* Counts below this are withheld. */
#define HW_PUBLISH_MIN 5

/* What a section whose tables naming children were left out adds to its
 * introduction. */
#define HW_PUBLISH_LEFT_OUT                                                                        \
    "Tables that name or identify children are left out of this publication."

/* Makes d fit for publication, as above. Idempotent. */
void hw_doc_publish(struct hw_doc *d);

#endif
