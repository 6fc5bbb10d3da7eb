/* domain.h - the codes Homeward records, and their tables.
 *
 * Every coded value has one table (code as written in CSVs and on the command
 * line, and a label for people). Value 0 of every enum means "not recorded".
 */
#ifndef HW_DOMAIN_H
#define HW_DOMAIN_H

#include <stdbool.h>

struct hw_code {
    int value;
    const char *code;  /* as in CSV files, the CLI and JSON */
    const char *label; /* as shown to a person */
};

/* Looks up code s (exact, lower case) in a table ending with {0, NULL, NULL}.
 * Returns the value, or -1 when s is not in the table. */
int hw_code_parse(const struct hw_code *table, const char *s);
/* The code for value v, or "" when v is 0 or unknown. */
const char *hw_code_name(const struct hw_code *table, int v);
const char *hw_code_label(const struct hw_code *table, int v);
/* Writes "a|b|c" (the table's codes) into buf, for error messages. */
void hw_code_list(const struct hw_code *table, char *buf, unsigned size);

enum hw_case_status {
    HW_CS_UNSET = 0,
    HW_CS_NOT_OPEN,
    HW_CS_EARLY_HELP,
    HW_CS_CIN,
    HW_CS_CPP,
    HW_CS_CLA
};
extern const struct hw_code hw_case_status_codes[];

enum hw_placement {
    HW_PL_UNSET = 0,
    HW_PL_HOME,
    HW_PL_LA_HOME,
    HW_PL_FOSTER,
    HW_PL_INDEPENDENT_HOME,
    HW_PL_SUPPORTED,
    HW_PL_OTHER
};
extern const struct hw_code hw_placement_codes[];

/* Kind of absence (seed 003 section 3, 6). */
enum hw_kind { HW_KIND_UNSET = 0, HW_KIND_MISSING, HW_KIND_ABSENT };
extern const struct hw_code hw_kind_codes[];

/* Police risk level. Ordered so that a higher value is a higher risk. */
enum hw_risk { HW_RISK_UNSET = 0, HW_RISK_LOW, HW_RISK_MEDIUM, HW_RISK_HIGH };
extern const struct hw_code hw_risk_codes[];

/* A recorded interview decision. */
enum hw_decision { HW_DEC_UNSET = 0, HW_DEC_REQUIRED, HW_DEC_NOT_REQUIRED, HW_DEC_JUDGEMENT };
extern const struct hw_code hw_decision_codes[];

enum hw_outcome {
    HW_OUT_UNSET = 0,
    HW_OUT_PENDING,
    HW_OUT_COMPLETED,
    HW_OUT_DECLINED,
    HW_OUT_UNAVAILABLE,
    HW_OUT_NOT_REQUIRED
};
extern const struct hw_code hw_outcome_codes[];

enum hw_conducted_by { HW_BY_UNSET = 0, HW_BY_INDEPENDENT, HW_BY_ALLOCATED_WORKER, HW_BY_PROVIDER };
extern const struct hw_code hw_conducted_by_codes[];

/* Exploitation screening outcome; "none" is a screening that found nothing. */
enum hw_screening {
    HW_SCR_UNSET = 0,
    HW_SCR_NONE,
    HW_SCR_EMERGING,
    HW_SCR_MODERATE,
    HW_SCR_SIGNIFICANT
};
extern const struct hw_code hw_screening_codes[];

/* Why an interview was not completed within 72 hours of the return (004
 * section 10): the main reason, as the worker records it (never inferred). */
enum hw_lateness {
    HW_LATE_UNSET = 0,
    HW_LATE_MISSING_AGAIN,
    HW_LATE_DECLINED,
    HW_LATE_WORKER_AVAILABILITY,
    HW_LATE_WEEKEND_BANK_HOLIDAY,
    HW_LATE_CHILD_UNAVAILABLE,
    HW_LATE_OTHER
};
extern const struct hw_code hw_lateness_codes[];

/* What came of one attempt to hold an interview (004 section 10: at least
 * two face-to-face attempts before completing from carers' information). */
enum hw_attempt_outcome {
    HW_ATT_UNSET = 0,
    HW_ATT_SEEN,
    HW_ATT_NOT_IN,
    HW_ATT_REFUSED,
    HW_ATT_MISSING_AGAIN,
    HW_ATT_OTHER
};
extern const struct hw_code hw_attempt_outcome_codes[];

/* How an action the rules call for was resolved. */
enum hw_action_outcome { HW_ACTION_OPEN = 0, HW_ACTION_DONE, HW_ACTION_NOT_NEEDED };
extern const struct hw_code hw_action_outcome_codes[];

/* Flags that sit on top of a child's case status (a bit set). */
enum hw_flag {
    HW_FLAG_CSE = 1 << 0,
    HW_FLAG_CCE = 1 << 1,
    HW_FLAG_TRAFFICKING = 1 << 2,
    HW_FLAG_GANG = 1 << 3,
    HW_FLAG_CRIME = 1 << 4,
    HW_FLAG_DRUGS = 1 << 5,
    HW_FLAG_RISKY_ADULTS = 1 << 6,
    HW_FLAG_DISABLED = 1 << 7
};
extern const struct hw_code hw_flag_codes[];

#endif
