/* ssda903_write.h - the SSDA903 return's Missing table, written from
 * Homeward's records (docs/ssda903.md, "Exporting the Missing table").
 *
 * hw_903_export_build reads the children, periods of care and episodes of
 * the collection year from the store and fills the 903 tables as the
 * return would hold them, with each Missing row's Homeward child and episode
 * ID kept beside it, so that the rules' errors can be reported in Homeward's
 * terms; hw_903_export_csv renders missing.csv.
 */
#ifndef HW_SSDA903_WRITE_H
#define HW_SSDA903_WRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "core/mem.h"
#include "core/ssda903.h"
#include "store/store.h"

/* One Missing row as Homeward knows it (strings owned). */
struct hw_903_out_row {
    char *child_id, *episode_id;
};

/* One Header row as written. */
struct hw_903_out_child {
    char *child_id, *sex, *ethnic;
    hw_date dob;
};

struct hw_903_export {
    struct hw_903_data data;           /* Header, Episodes and Missing tables */
    struct hw_903_out_row *rows;       /* beside data.missing, row for row */
    struct hw_903_out_child *children; /* beside data.header */
    struct hw_care_period *periods;    /* beside data.episodes (strings owned) */
    bool have_periods;                 /* the store holds periods of care at all */
};

/* Fills out (zero-initialised) for the collection year starting 1 April of
 * fy. Children whose case status is not cla, and OLA children, are left out;
 * see docs/ssda903.md for which episodes count. */
int hw_903_export_build(struct hw_store *s, int fy, struct hw_903_export *out, struct hw_err *err);
/* missing.csv: CHILD,DOB,MISSING,MIS_START,MIS_END, CRLF line ends. */
void hw_903_export_csv(const struct hw_903_export *x, struct hw_buf *out);
/* header.csv and episodes.csv, in the DfE's layout (docs/ssda903.md). */
void hw_903_export_header_csv(const struct hw_903_export *x, struct hw_buf *out);
void hw_903_export_episodes_csv(const struct hw_903_export *x, struct hw_buf *out);
/* The rule's error said in Homeward's terms ("returned is before last
 * seen"). */
const char *hw_903_export_terms(const char *code);
void hw_903_export_free(struct hw_903_export *x);

#endif
