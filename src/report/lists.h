/* lists.h - rendering the team's lists (app/due.h, daily.h, weekly.h,
 * highrisk.h, plans.h) as text for a terminal, CSV or JSON (enum
 * hw_format). The lists are built once by app/; these only present them,
 * for the command line and the HTTP API alike. Each appends to out. */
#ifndef HW_LISTS_H
#define HW_LISTS_H

#include "app/daily.h"
#include "app/due.h"
#include "app/highrisk.h"
#include "app/plans.h"
#include "app/weekly.h"
#include "core/mem.h"

void hw_due_render(const struct hw_due_list *l, hw_instant now, int fmt, struct hw_buf *out);
/* Text or JSON (CSV is refused by the callers: the list has sections). */
void hw_daily_render(const struct hw_daily *d, int fmt, struct hw_buf *out);
void hw_weekly_render(const struct hw_weekly *w, int fmt, struct hw_buf *out);
void hw_high_risk_render(const struct hw_high_risk_list *l, int fmt, struct hw_buf *out);
void hw_plans_render(const struct hw_plan_list *l, hw_instant at, int fmt, struct hw_buf *out);

#endif
