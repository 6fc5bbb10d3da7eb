/* analysis.c - the sections of the analyses, in order, and running them. */
#include "report/analysis.h"

#include <string.h>

const struct hw_section_info hw_analysis_sections[] = {
    {"placement", "Where children went missing from", hw_section_placement},
    {"monthly", "Month by month", hw_section_monthly},
    {"case_status", "Children by case status", hw_section_case_status},
    {"duration", "How long children were missing", hw_section_duration},
    {"first_ever", "Children missing for the first time", hw_section_first_ever},
    {"age", "Children missing by age", hw_section_age},
    {"gender", "Children missing by gender", hw_section_gender},
    {"ethnicity", "Children missing by ethnicity", hw_section_ethnicity},
    {"school", "Schools and other education placements", hw_section_school},
    {"persistent", "One-off and persistent missing", hw_section_persistent},
    {"timescale", "Return home interviews in timescale", hw_section_timescale},
    {"reasons", "What children said in their interviews", hw_section_reasons},
    {"strategy_meetings", "Strategy meetings for children missing 3 days or more",
     hw_section_strategy_meetings},
    {"funnel", "From referral to interview", hw_section_funnel},
    {"cohort", "A group of children followed over time", hw_section_cohort},
    {NULL, NULL, NULL},
};

/* Whether id is one of the comma-separated ids of list. */
static bool listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncmp(p, id, n) == 0)
            return true;
        p += k + (p[k] == ',');
    }
    return false;
}

int hw_analysis_build(struct hw_doc *d, const struct hw_afacts *f, const struct hw_period *p,
                      const struct hw_analysis_opts *o, const char *only, struct hw_err *err)
{
    /* Every id asked for must exist. */
    for (const char *q = only; q && *q;) {
        size_t k = strcspn(q, ",");
        bool known = false;
        for (const struct hw_section_info *s = hw_analysis_sections; s->id; s++)
            known |= strlen(s->id) == k && strncmp(s->id, q, k) == 0;
        if (!known) {
            struct hw_buf ids = {0};
            for (const struct hw_section_info *s = hw_analysis_sections; s->id; s++)
                hw_buf_printf(&ids, "%s%s", s == hw_analysis_sections ? "" : ", ", s->id);
            hw_fail(err, HW_EINPUT, "--section: '%.*s': expected one of %s", (int)(k < 40 ? k : 40),
                    q, ids.data);
            hw_buf_free(&ids);
            return -1;
        }
        q += k + (q[k] == ',');
    }
    if (only && *only == '\0')
        return hw_fail(err, HW_EINPUT, "--section: expected a section's id");
    for (const struct hw_section_info *s = hw_analysis_sections; s->id; s++)
        if ((only == NULL || listed(only, s->id)) && s->build(d, f, p, o, err) < 0)
            return -1;
    return 0;
}
