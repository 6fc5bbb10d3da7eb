/* publish.c - small numbers suppressed in a document for publication
 * (report/publish.h has the rules). */
#include "report/publish.h"

#include <stdlib.h>
#include <string.h>

/* A count, as rule 2 means it: a number that is not worked out. */
static bool is_count(const struct hw_cell *c)
{
    return c->kind == HW_CELL_INT && !c->worked_out;
}

/* A number worked out from counts, as rule 4 means it (an empty cell, no
 * rate, stays empty). */
static bool is_worked_out(const struct hw_cell *c)
{
    return c->worked_out && (c->kind == HW_CELL_INT || c->kind == HW_CELL_PERCENT);
}

static bool small(long long n)
{
    return n >= 1 && n < HW_PUBLISH_MIN;
}

/* The index of the cell at (row, col), or SIZE_MAX outside the table. */
static size_t at(const struct hw_doc_table *t, size_t row, size_t col)
{
    return row < t->nrows && col < t->ncols ? row * t->ncols + col : SIZE_MAX;
}

/* Rule 3 for one total and its parts (cell indexes, SIZE_MAX: none);
 * returns true when it withheld a cell. */
static bool secondary(const struct hw_doc_table *t, bool *sup, size_t total, const size_t *parts,
                      size_t n)
{
    if (total == SIZE_MAX || !is_count(&t->cells[total]) || sup[total])
        return false;
    size_t withheld = 0, smallest = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t p = parts[i];
        if (p == SIZE_MAX || p == total || !is_count(&t->cells[p]))
            continue;
        if (sup[p]) {
            withheld++;
            continue;
        }
        if (t->cells[p].n != 0 && (smallest == SIZE_MAX || t->cells[p].n < t->cells[smallest].n))
            smallest = p;
    }
    if (withheld != 1)
        return false;
    sup[smallest != SIZE_MAX ? smallest : total] = true;
    return true;
}

static void suppress_table(struct hw_doc_table *t)
{
    size_t n = t->nrows * t->ncols;
    if (n == 0)
        return;
    bool *sup = hw_calloc(n, sizeof *sup);
    /* Rule 2, and the first half of rule 4. */
    for (size_t i = 0; i < n; i++) {
        const struct hw_cell *c = &t->cells[i];
        if (is_count(c))
            sup[i] = small(c->n);
        else if (is_worked_out(c))
            sup[i] = small(c->of[0]) || small(c->of[1]);
    }
    /* Rule 3, until nothing changes. */
    size_t width = t->nrows > t->ncols ? t->nrows : t->ncols;
    size_t *parts = hw_calloc(width ? width : 1, sizeof *parts);
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t k = 0; k < t->ntotals; k++) {
            const struct hw_doc_total *x = &t->totals[k];
            size_t lines = x->across ? t->nrows : t->ncols;
            for (size_t line = 0; line < lines; line++) {
                size_t np = 0;
                for (size_t i = 0; i < x->nparts && np < width; i++)
                    parts[np++] = x->across ? at(t, line, x->parts[i]) : at(t, x->parts[i], line);
                size_t total = x->across ? at(t, line, x->total) : at(t, x->total, line);
                changed |= secondary(t, sup, total, parts, np);
            }
        }
    }
    free(parts);
    /* Rule 4's second half: whatever is worked out from a withheld cell
     * (until nothing changes: one worked-out number can use another). */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < n; i++) {
            const struct hw_cell *c = &t->cells[i];
            if (sup[i] || !is_worked_out(c))
                continue;
            for (unsigned k = 0; k < c->nfrom && !sup[i]; k++) {
                ptrdiff_t j = (ptrdiff_t)i + c->from[k];
                if (j >= 0 && (size_t)j < n && sup[j])
                    sup[i] = changed = true;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (!sup[i])
            continue;
        struct hw_cell *c = &t->cells[i];
        free(c->text);
        memset(c, 0, sizeof *c);
        c->kind = HW_CELL_SUPPRESSED;
    }
    free(sup);
}

/* Rule 5: whether chart ch would plot a withheld number. */
static bool plots_withheld(const struct hw_doc_section *s, const struct hw_doc_chart *ch)
{
    if (ch->table >= s->ntables)
        return false;
    const struct hw_doc_table *t = &s->tables[ch->table];
    size_t rows = ch->rows && ch->rows < t->nrows ? ch->rows : t->nrows;
    for (size_t i = 0; i < ch->nseries; i++)
        for (size_t r = 0; r < rows; r++) {
            size_t c = at(t, r, ch->series[i]);
            if (c != SIZE_MAX && t->cells[c].kind == HW_CELL_SUPPRESSED)
                return true;
        }
    return false;
}

void hw_doc_publish(struct hw_doc *d)
{
    for (size_t i = 0; i < d->nsections; i++) {
        struct hw_doc_section *s = &d->sections[i];
        /* Rule 1. */
        bool dropped = false;
        for (size_t t = s->ntables; t-- > 0;)
            if (s->tables[t].names_children) {
                hw_doc_drop_table(s, t);
                dropped = true;
            }
        if (dropped) {
            char *intro = s->intro && *s->intro
                              ? hw_asprintf("%s\n%s", s->intro, HW_PUBLISH_LEFT_OUT)
                              : hw_strdup(HW_PUBLISH_LEFT_OUT);
            free(s->intro);
            s->intro = intro;
        }
        /* Rules 2 to 4. */
        for (size_t t = 0; t < s->ntables; t++)
            suppress_table(&s->tables[t]);
        /* Rule 5. */
        for (size_t k = s->ncharts; k-- > 0;)
            if (plots_withheld(s, &s->charts[k]))
                hw_doc_drop_chart(s, k);
    }
    d->publication = true;
}
