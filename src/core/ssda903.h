/* ssda903.h - the DfE's SSDA903 return: the Header, Episodes and Missing
 * tables, and the validation rules that concern the Missing table.
 *
 * The rules are those of the DfE as the community validator
 * data-to-insight/csc-validator-be-903 applies them, written afresh from its
 * rules and tests (docs/ssda903.md gives each rule's exact condition and its
 * quirks). Pure: no I/O. The reader (io/ssda903_read.h) fills the tables.
 */
#ifndef HW_SSDA903_H
#define HW_SSDA903_H

#include <stdbool.h>
#include <stddef.h>

#include "core/hwtime.h"

/* A date of the return: blank, invalid and valid kept apart, because the
 * rules treat a blank date and one that does not parse differently. */
enum hw_903_dstate {
    HW_903_BLANK = 0, /* the field is empty */
    HW_903_VALID,     /* dd/mm/yyyy, a real date */
    HW_903_INVALID    /* anything else */
};

struct hw_903_date {
    enum hw_903_dstate state;
    hw_date date;     /* when VALID */
    const char *text; /* the text as read when INVALID (in the arena); else NULL */
};

/* Text fields are upper-cased (ASCII) as read, as the validator's reader
 * does; "" when blank. Strings live in the tables' arena. */
struct hw_903_header {
    size_t line; /* physical line the row starts on; 0 for rows built by hand */
    const char *child, *sex;
    struct hw_903_date dob;
};

struct hw_903_episode {
    size_t line;
    const char *child, *rne, *ls, *rec;
    struct hw_903_date decom, dec;
};

struct hw_903_missing {
    size_t line;
    const char *child, *missing; /* missing: "M", "A", or whatever was given */
    struct hw_903_date dob, start, end;
};

enum hw_903_table { HW_903_HEADER = 0, HW_903_EPISODES, HW_903_MISSING, HW_903_MISSING_LAST };

/* The tables of one return (and last year's Missing table). Zero-initialise;
 * rows are added with hw_903_add_*, strings copied with hw_903_text; free
 * everything with hw_903_data_free. Row i of a table is its data row i + 1. */
struct hw_903_data {
    struct hw_903_header *header;
    size_t nheader;
    struct hw_903_episode *episodes;
    size_t nepisodes;
    struct hw_903_missing *missing;
    size_t nmissing;
    struct hw_903_missing *missing_last;
    size_t nmissing_last;
    bool have_last; /* last year's Missing table was given (rule 576 runs) */

    /* private: the arena that holds every string, and the arrays' capacities */
    char **blocks;
    size_t nblocks, block_used, block_cap;
    size_t cap[4];
};

/* Appends a zeroed row (every text "", every date blank) and returns it;
 * the pointer is valid until the next row is added to that table. */
struct hw_903_header *hw_903_add_header(struct hw_903_data *d);
struct hw_903_episode *hw_903_add_episode(struct hw_903_data *d);
/* last: a row of last year's Missing table (sets have_last). */
struct hw_903_missing *hw_903_add_missing(struct hw_903_data *d, bool last);

/* An upper-cased copy of s[0..n) in the arena, NUL-terminated. */
const char *hw_903_text(struct hw_903_data *d, const char *s, size_t n);
/* Parses a field as a 903 date: "" is blank; dd/mm/yyyy (day and month of
 * one or two digits, a one-digit day perhaps after a space, a four-digit
 * year, a real date from 22/09/1677 to 11/04/2262) is valid; anything else
 * is invalid and its text is kept in the arena. */
struct hw_903_date hw_903_date_parse(struct hw_903_data *d, const char *s);
/* "dd/mm/yyyy" for a valid date, the text for an invalid one, "" for blank. */
#define HW_903_DATE_LEN 12
const char *hw_903_date_str(const struct hw_903_date *dt, char buf[HW_903_DATE_LEN]);

void hw_903_data_free(struct hw_903_data *d);

/* ---- the rules ---- */

struct hw_903_rule {
    const char *code;        /* "574" */
    enum hw_903_table table; /* the table its errors are in */
    const char *message;     /* the DfE's message */
    const char *fix;         /* what the analyst checks and corrects */
};

/* The rules, in numerical order of code; ends with {NULL}. */
extern const struct hw_903_rule hw_903_rules[];

struct hw_903_error {
    const struct hw_903_rule *rule;
    enum hw_903_table table;
    size_t row;        /* 1-based data row of that table */
    size_t line;       /* the row's physical line (0 when built by hand) */
    const char *child; /* borrowed from the data */
    char *detail;      /* owned: the fields involved, "MIS_START=04/06/2022 MIS_END=" */
};

struct hw_903_errors {
    struct hw_903_error *v;
    size_t n, cap;
};

/* Runs every rule over d for the collection year that starts on 1 April of
 * fy (2022 for 2022-23) and fills out (zero-initialised) with the errors,
 * ordered by rule, table and row. Borrows from d: free out before d. */
void hw_903_validate(const struct hw_903_data *d, int fy, struct hw_903_errors *out);
void hw_903_errors_free(struct hw_903_errors *e);

/* "header", "episodes", "missing", "missing_last". */
const char *hw_903_table_name(enum hw_903_table t);

#endif
