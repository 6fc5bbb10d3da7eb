/* lists.h - rendering the team's lists (app/due.h, daily.h, weekly.h,
 * highrisk.h, plans.h) as text for a terminal, CSV or JSON (enum
 * hw_format). The lists are built once by app/; these only present them,
 * for the command line and the HTTP API alike. Each appends to out. */
#ifndef HW_LISTS_H
#define HW_LISTS_H

#include <jansson.h>

#include "app/daily.h"
#include "app/due.h"
#include "app/highrisk.h"
#include "app/plans.h"
#include "app/weekly.h"
#include "core/mem.h"
#include "report/table.h"

/* A list as data, so one handler serves every list, on the command line
 * and over HTTP: how to build it as at a time for a team (NULL: all), render
 * it, and free it. */
struct hw_list_kind {
    const char *name; /* for the audit: "due list" */
    bool csv;         /* CSV can show it (a list in sections cannot) */
    size_t size;      /* of the built list */
    int (*build)(struct hw_store *s, const struct hw_config *cfg, hw_instant at, const char *team,
                 void *out, struct hw_err *err);
    void (*render)(const void *list, hw_instant at, int fmt, struct hw_buf *out);
    void (*free)(void *list);
};
extern const struct hw_list_kind hw_list_due, hw_list_daily, hw_list_high_risk, hw_list_plans;

/* Builds and renders a list into out. Returns 0, or -1 with err set. */
int hw_list_run(const struct hw_list_kind *k, struct hw_store *s, const struct hw_config *cfg,
                hw_instant at, const char *team, int fmt, struct hw_buf *out, struct hw_err *err);

void hw_due_render(const struct hw_due_list *l, hw_instant now, int fmt, struct hw_buf *out);
/* One action of the due list as JSON, as the list's JSON gives it. */
json_t *hw_due_item_json(const struct hw_due_item *it, hw_instant now);
/* Text or JSON (CSV is refused by the callers: the list has sections). */
void hw_daily_render(const struct hw_daily *d, int fmt, struct hw_buf *out);
/* One row of the daily list as JSON, as the list's JSON gives it. */
json_t *hw_daily_row_json(const struct hw_daily_row *r, hw_instant at);
void hw_weekly_render(const struct hw_weekly *w, int fmt, struct hw_buf *out);
void hw_high_risk_render(const struct hw_high_risk_list *l, int fmt, struct hw_buf *out);
void hw_plans_render(const struct hw_plan_list *l, hw_instant at, int fmt, struct hw_buf *out);

#endif
