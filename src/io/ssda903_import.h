/* ssda903_import.h - importing an SSDA903 return's Header, Episodes and
 * Missing tables into Homeward (docs/ssda903.md, "Importing a return"):
 * children, their periods of care, and their missing and absent episodes,
 * all or nothing, every bad row reported. */
#ifndef HW_SSDA903_IMPORT_H
#define HW_SSDA903_IMPORT_H

#include <stddef.h>

#include "app/save.h"
#include "core/error.h"
#include "core/mem.h"
#include "store/store.h"

struct hw_903_import_result {
    size_t header_rows, episode_rows, missing_rows;
    size_t children_added, children_filled, children_same;
    size_t periods_added, periods_replaced;
    size_t episodes_added, episodes_same;
    size_t n_errors;      /* row errors (the import was refused if > 0) */
    struct hw_buf errors; /* one line per listed error: "file:line: column X: ..." */
};

/* Imports the three files in one transaction. Returns 0 when imported; -1
 * when refused (res->errors lists the row errors, err summarises) or on a
 * file that cannot be read or a storage fault (err). */
int hw_903_import(struct hw_store *s, const char *header, const char *episodes, const char *missing,
                  const struct hw_actor *who, struct hw_903_import_result *res, struct hw_err *err);
void hw_903_import_result_free(struct hw_903_import_result *res);

#endif
