/* doccheck.h - finding cells in a report document (report/doc.h), for
 * tests of report builders. */
#ifndef HW_TEST_DOCCHECK_H
#define HW_TEST_DOCCHECK_H

#include "report/doc.h"

/* The section with this id, or NULL. */
const struct hw_doc_section *hw_test_section(const struct hw_doc *d, const char *section);
/* The table with this id in the section, or NULL. */
const struct hw_doc_table *hw_test_table(const struct hw_doc *d, const char *section,
                                         const char *table);
/* The cell of a table at the row whose first cell's text is row_label and
 * the column whose id is col_id; NULL when any is missing. */
const struct hw_cell *hw_test_cell(const struct hw_doc *d, const char *section, const char *table,
                                   const char *row_label, const char *col_id);
/* The number in that cell (INT, PERCENT or DATE), or a value that fails
 * any sensible check (-999999) when the cell is missing or not a number. */
long long hw_test_num(const struct hw_doc *d, const char *section, const char *table,
                      const char *row_label, const char *col_id);

#endif
