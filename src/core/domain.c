/* domain.c - code tables. */
#include "core/domain.h"

#include <stdio.h>
#include <string.h>

const struct hw_code hw_case_status_codes[] = {
    {HW_CS_NOT_OPEN, "not_open", "Not open to children's services"},
    {HW_CS_EARLY_HELP, "early_help", "Early help"},
    {HW_CS_CIN, "cin", "Child in need"},
    {HW_CS_CPP, "cpp", "Child protection plan"},
    {HW_CS_CLA, "cla", "Child looked after"},
    {0, NULL, NULL},
};

const struct hw_code hw_placement_codes[] = {
    {HW_PL_HOME, "home", "Family home"},
    {HW_PL_LA_HOME, "la_home", "Council children's home"},
    {HW_PL_FOSTER, "foster", "Foster care"},
    {HW_PL_INDEPENDENT_HOME, "independent_home", "Independent children's home"},
    {HW_PL_SUPPORTED, "supported", "Supported accommodation"},
    {HW_PL_OTHER, "other", "Other setting"},
    {0, NULL, NULL},
};

const struct hw_code hw_kind_codes[] = {
    {HW_KIND_MISSING, "missing", "Missing"},
    {HW_KIND_ABSENT, "absent", "Away from placement without authorisation"},
    {0, NULL, NULL},
};

const struct hw_code hw_risk_codes[] = {
    {HW_RISK_HIGH, "high", "High"},
    {HW_RISK_MEDIUM, "medium", "Medium"},
    {HW_RISK_LOW, "low", "Low"},
    {0, NULL, NULL},
};

const struct hw_code hw_decision_codes[] = {
    {HW_DEC_REQUIRED, "required", "Required"},
    {HW_DEC_NOT_REQUIRED, "not_required", "Not required"},
    {HW_DEC_JUDGEMENT, "judgement", "Professional judgement"},
    {0, NULL, NULL},
};

const struct hw_code hw_outcome_codes[] = {
    {HW_OUT_PENDING, "pending", "Pending"},
    {HW_OUT_COMPLETED, "completed", "Completed"},
    {HW_OUT_DECLINED, "declined", "Declined by the child"},
    {HW_OUT_UNAVAILABLE, "unavailable", "Child unavailable or missing again"},
    {HW_OUT_NOT_REQUIRED, "not_required", "Not required"},
    {0, NULL, NULL},
};

const struct hw_code hw_conducted_by_codes[] = {
    {HW_BY_INDEPENDENT, "independent", "Independent worker"},
    {HW_BY_ALLOCATED_WORKER, "allocated_worker", "Allocated worker"},
    {HW_BY_PROVIDER, "provider", "Commissioned provider"},
    {0, NULL, NULL},
};

const struct hw_code hw_screening_codes[] = {
    {HW_SCR_NONE, "none", "No concerns"},
    {HW_SCR_EMERGING, "emerging", "Emerging risk"},
    {HW_SCR_MODERATE, "moderate", "Moderate risk"},
    {HW_SCR_SIGNIFICANT, "significant", "Significant risk"},
    {0, NULL, NULL},
};

const struct hw_code hw_lateness_codes[] = {
    {HW_LATE_MISSING_AGAIN, "missing_again", "The child went missing again"},
    {HW_LATE_DECLINED, "declined", "The child declined at first"},
    {HW_LATE_WORKER_AVAILABILITY, "worker_availability", "No worker available in time"},
    {HW_LATE_WEEKEND_BANK_HOLIDAY, "weekend_bank_holiday", "A weekend or bank holiday"},
    {HW_LATE_CHILD_UNAVAILABLE, "child_unavailable", "The child was not available"},
    {HW_LATE_OTHER, "other", "Another reason"},
    {0, NULL, NULL},
};

const struct hw_code hw_attempt_outcome_codes[] = {
    {HW_ATT_SEEN, "seen", "The child was seen"},
    {HW_ATT_NOT_IN, "not_in", "The child was not in"},
    {HW_ATT_REFUSED, "refused", "The child refused to talk"},
    {HW_ATT_MISSING_AGAIN, "missing_again", "The child was missing again"},
    {HW_ATT_OTHER, "other", "Something else (see the note)"},
    {0, NULL, NULL},
};

const struct hw_code hw_action_outcome_codes[] = {
    {HW_ACTION_DONE, "done", "Done"},
    {HW_ACTION_NOT_NEEDED, "not_needed", "Not needed"},
    {0, NULL, NULL},
};

const struct hw_code hw_flag_codes[] = {
    {HW_FLAG_CSE, "cse", "Child sexual exploitation"},
    {HW_FLAG_CCE, "cce", "Child criminal exploitation"},
    {HW_FLAG_TRAFFICKING, "trafficking", "Trafficked"},
    {HW_FLAG_GANG, "gang", "Gang-affected"},
    {HW_FLAG_CRIME, "crime", "Risk of involvement in crime"},
    {HW_FLAG_DRUGS, "drugs", "Risk of involvement with drugs"},
    {HW_FLAG_RISKY_ADULTS, "risky_adults", "Contact with people who pose a risk"},
    {HW_FLAG_DISABLED, "disabled", "Disabled"},
    {0, NULL, NULL},
};

int hw_code_parse(const struct hw_code *table, const char *s)
{
    for (const struct hw_code *c = table; c->code; c++)
        if (strcmp(c->code, s) == 0)
            return c->value;
    return -1;
}

const char *hw_code_name(const struct hw_code *table, int v)
{
    for (const struct hw_code *c = table; c->code; c++)
        if (c->value == v)
            return c->code;
    return "";
}

const char *hw_code_label(const struct hw_code *table, int v)
{
    for (const struct hw_code *c = table; c->code; c++)
        if (c->value == v)
            return c->label;
    return "";
}

void hw_code_list(const struct hw_code *table, char *buf, unsigned size)
{
    size_t used = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (const struct hw_code *c = table; c->code; c++) {
        int n = snprintf(buf + used, size - used, "%s%s", c == table ? "" : "|", c->code);
        if (n < 0 || (size_t)n >= size - used) {
            buf[used] = '\0'; /* stop after the last whole code */
            break;
        }
        used += (size_t)n;
    }
}
