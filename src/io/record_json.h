/* record_json.h - records as JSON objects, keyed by field name.
 *
 * Text and codes are strings, lists and flags are arrays of strings, dates
 * are "YYYY-MM-DD", times are ISO 8601 with the UK offset in force
 * ("2017-04-01T00:30:00+01:00"), numbers are numbers, and what is not
 * recorded is null.
 */
#ifndef HW_RECORD_JSON_H
#define HW_RECORD_JSON_H

#include <jansson.h>

#include "core/records.h"

/* Returns a new reference. */
json_t *hw_record_json(const struct hw_field *table, const void *rec);
/* An instant as ISO 8601 local time, or null when HW_NO_TIME (new reference). */
json_t *hw_time_json(hw_instant t);

#endif
