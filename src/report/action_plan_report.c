/* action_plan_report.c - action plans as a report document. */
#include "report/action_plan_report.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rag.h"

static void rag_cell(struct hw_cell *c, int rag)
{
    if (rag > HW_RAG_NONE)
        hw_cell_text(c, hw_code_label(hw_rag_codes, rag));
}

/* When a rating was given: its date, or "Initial"; empty when none. */
static void on_cell(struct hw_cell *c, const struct hw_plan_mark *m)
{
    if (m->rag <= HW_RAG_NONE)
        return;
    if (m->on == HW_NO_DATE)
        hw_cell_text(c, "Initial");
    else
        hw_cell_date(c, m->on);
}

static int by_due(const void *x, const void *y)
{
    const struct hw_plan_status *a = *(const struct hw_plan_status *const *)x;
    const struct hw_plan_status *b = *(const struct hw_plan_status *const *)y;
    if (a->due != b->due)
        return a->due < b->due ? -1 : 1;
    int c = strcmp(a->plan, b->plan);
    return c ? c : a->position - b->position;
}

static void counts(struct hw_doc_section *s, const struct hw_plan_view *v)
{
    static const char *const ids[] = {"rag", "actions", "overdue"};
    static const char *const titles[] = {"Latest rating", "Actions", "Overdue"};
    size_t t = hw_doc_table(s, "by_rag", "Actions by their latest rating", NULL, 3, ids, titles);
    long n[HW_RAG_COMPLETE + 1] = {0}, late[HW_RAG_COMPLETE + 1] = {0};
    for (size_t i = 0; i < v->n; i++) {
        int r = v->rows[i].latest.rag;
        r = r >= HW_RAG_NONE && r <= HW_RAG_COMPLETE ? r : HW_RAG_NONE;
        n[r]++;
        late[r] += v->rows[i].overdue;
    }
    static const int order[] = {HW_RAG_RED, HW_RAG_AMBER, HW_RAG_GREEN, HW_RAG_COMPLETE,
                                HW_RAG_NONE};
    long total = 0, total_late = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        struct hw_cell *c = hw_doc_row(s, t);
        hw_cell_text(&c[0], order[i] ? hw_code_label(hw_rag_codes, order[i]) : "Not rated");
        hw_cell_int(&c[1], n[order[i]]);
        hw_cell_int(&c[2], late[order[i]]);
        total += n[order[i]];
        total_late += late[order[i]];
    }
    struct hw_cell *c = hw_doc_row(s, t);
    hw_cell_text(&c[0], "Total");
    hw_cell_int(&c[1], total);
    hw_cell_int(&c[2], total_late);

    static const char *const mids[] = {"movement", "actions"};
    static const char *const mtitles[] = {"Since the rating before", "Actions"};
    t = hw_doc_table(s, "movement", "How ratings moved",
                     "The latest rating against the one before it (red, amber, green, "
                     "complete, worst to best).",
                     2, mids, mtitles);
    long moved[HW_MOVE_SAME + 1] = {0};
    for (size_t i = 0; i < v->n; i++)
        moved[v->rows[i].move >= 0 && v->rows[i].move <= HW_MOVE_SAME ? v->rows[i].move : 0]++;
    static const int morder[] = {HW_MOVE_IMPROVED, HW_MOVE_WORSENED, HW_MOVE_SAME, HW_MOVE_NONE};
    for (size_t i = 0; i < sizeof morder / sizeof morder[0]; i++) {
        c = hw_doc_row(s, t);
        hw_cell_text(&c[0],
                     morder[i] ? hw_code_label(hw_rag_move_codes, morder[i]) : "No earlier rating");
        hw_cell_int(&c[1], moved[morder[i]]);
    }
}

static void overdue(struct hw_doc_section *s, const struct hw_plan_view *v)
{
    static const char *const ids[] = {"ref", "plan",   "area",      "action",      "owner",
                                      "due", "latest", "latest_on", "days_overdue"};
    static const char *const titles[] = {"Ref", "Plan",   "Area",  "Action",      "Owner",
                                         "Due", "Latest", "Rated", "Days overdue"};
    size_t t = hw_doc_table(s, "overdue", "Overdue actions",
                            "Due before the report's date and not rated green or complete.", 9, ids,
                            titles);
    const struct hw_plan_status **late = hw_calloc(v->n ? v->n : 1, sizeof *late);
    size_t n = 0;
    for (size_t i = 0; i < v->n; i++)
        if (v->rows[i].overdue)
            late[n++] = &v->rows[i];
    qsort(late, n, sizeof *late, by_due);
    for (size_t i = 0; i < n; i++) {
        const struct hw_plan_status *st = late[i];
        struct hw_cell *c = hw_doc_row(s, t);
        hw_cell_text(&c[0], st->ref);
        hw_cell_text(&c[1], st->plan);
        hw_cell_text(&c[2], st->area);
        hw_cell_text(&c[3], st->action);
        hw_cell_text(&c[4], st->owner);
        hw_cell_date(&c[5], st->due);
        rag_cell(&c[6], st->latest.rag);
        on_cell(&c[7], &st->latest);
        hw_cell_int(&c[8], (long long)v->date - st->due);
    }
    free(late);
}

static void actions(struct hw_doc_section *s, const struct hw_plan_view *v)
{
    static const char *const ids[] = {
        "ref",       "plan",     "area",    "outcome",  "action",      "success_measure",
        "lead",      "owner",    "due",     "previous", "previous_on", "latest",
        "latest_on", "movement", "overdue", "progress"};
    static const char *const titles[] = {
        "Ref", "Plan",   "Area",  "Outcome", "Action", "Success measure", "Lead",    "Owner",
        "Due", "Before", "Rated", "Latest",  "Rated",  "Moved",           "Overdue", "Progress"};
    size_t t = hw_doc_table(s, "actions", "Every action", NULL, 16, ids, titles);
    for (size_t i = 0; i < v->n; i++) {
        const struct hw_plan_status *st = &v->rows[i];
        struct hw_cell *c = hw_doc_row(s, t);
        hw_cell_text(&c[0], st->ref);
        hw_cell_text(&c[1], st->plan);
        hw_cell_text(&c[2], st->area);
        hw_cell_text(&c[3], st->outcome);
        hw_cell_text(&c[4], st->action);
        hw_cell_text(&c[5], st->success_measure);
        hw_cell_text(&c[6], st->lead);
        hw_cell_text(&c[7], st->owner);
        hw_cell_date(&c[8], st->due);
        rag_cell(&c[9], st->previous.rag);
        on_cell(&c[10], &st->previous);
        rag_cell(&c[11], st->latest.rag);
        on_cell(&c[12], &st->latest);
        if (st->move > HW_MOVE_NONE)
            hw_cell_text(&c[13], hw_code_label(hw_rag_move_codes, st->move));
        hw_cell_text(&c[14], st->overdue ? "Yes" : NULL);
        hw_cell_text(&c[15], st->progress);
    }
}

void hw_action_plan_doc(struct hw_doc *d, const struct hw_plan_view *v, const char *plan,
                        const char *council, hw_instant produced)
{
    char date[HW_DATE_LEN], title[200], period[64];
    hw_format_date(v->date, date);
    snprintf(period, sizeof period, "as at %s", date);
    if (plan)
        snprintf(title, sizeof title, "Action plan: %s", plan);
    else
        snprintf(title, sizeof title, "Action plans");
    hw_doc_init(d, title, council, period, produced);
    struct hw_doc_section *s = hw_doc_section(
        d, "action_plans", plan ? plan : "Action plans",
        "Each action's latest rating and the one before it (the last rating given for each date; "
        "an initial rating comes before any dated one), how it moved, and the actions overdue: "
        "due before the report's date and not rated green or complete.");
    counts(s, v);
    overdue(s, v);
    actions(s, v);
}

char *hw_action_plan_filename(const char *plan, hw_date date, enum hw_format fmt)
{
    char d[HW_DATE_LEN];
    struct hw_buf b = {0};
    hw_format_date(date, d);
    hw_buf_puts(&b, "action-plan");
    if (plan) {
        hw_buf_putc(&b, '-');
        bool dash = false;
        for (const char *p = plan; *p && b.len < 80; p++) {
            if (isalnum((unsigned char)*p)) {
                if (dash && b.data[b.len - 1] != '-')
                    hw_buf_putc(&b, '-');
                hw_buf_putc(&b, (char)tolower((unsigned char)*p));
                dash = false;
            } else {
                dash = true;
            }
        }
    } else {
        hw_buf_putc(&b, 's');
    }
    hw_buf_printf(&b, "-%s.%s", d, hw_format_extension(fmt));
    return hw_buf_take(&b);
}
