/* doccheck.c - finding cells in a report document. */
#include "support/doccheck.h"

#include <string.h>

const struct hw_doc_section *hw_test_section(const struct hw_doc *d, const char *section)
{
    for (size_t i = 0; i < d->nsections; i++)
        if (strcmp(d->sections[i].id, section) == 0)
            return &d->sections[i];
    return NULL;
}

const struct hw_doc_table *hw_test_table(const struct hw_doc *d, const char *section,
                                         const char *table)
{
    const struct hw_doc_section *s = hw_test_section(d, section);
    for (size_t i = 0; s && i < s->ntables; i++)
        if (strcmp(s->tables[i].id, table) == 0)
            return &s->tables[i];
    return NULL;
}

const struct hw_cell *hw_test_cell(const struct hw_doc *d, const char *section, const char *table,
                                   const char *row_label, const char *col_id)
{
    const struct hw_doc_table *t = hw_test_table(d, section, table);
    if (t == NULL || t->ncols == 0)
        return NULL;
    size_t col = t->ncols;
    for (size_t c = 0; c < t->ncols; c++)
        if (strcmp(t->col_ids[c], col_id) == 0)
            col = c;
    if (col == t->ncols)
        return NULL;
    for (size_t r = 0; r < t->nrows; r++) {
        const struct hw_cell *first = &t->cells[r * t->ncols];
        if (first->kind == HW_CELL_TEXT && first->text && strcmp(first->text, row_label) == 0)
            return &t->cells[r * t->ncols + col];
    }
    return NULL;
}

long long hw_test_num(const struct hw_doc *d, const char *section, const char *table,
                      const char *row_label, const char *col_id)
{
    const struct hw_cell *c = hw_test_cell(d, section, table, row_label, col_id);
    if (c == NULL ||
        (c->kind != HW_CELL_INT && c->kind != HW_CELL_PERCENT && c->kind != HW_CELL_DATE))
        return -999999;
    return c->n;
}
