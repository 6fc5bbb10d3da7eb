/* config.c - rule thresholds: the key table, defaults, parsing and writing. */
#include "core/config.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/profile.h"

#define KEY(member, def, min, max, help)                                                           \
    {                                                                                              \
#member, offsetof(struct hw_config, member), (def), (min), (max), (help)                   \
    }

#define HOURS_MAX   8760   /* a year */
#define MINUTES_MAX 525600 /* a year */
#define COUNT_MAX   1000
#define WDAYS_MAX   260 /* about a year of working days */

const struct hw_config_key hw_config_keys[] = {
    KEY(overnight_min_minutes, 360, 0, MINUTES_MAX,
        "BCP guidance 12.1: missing overnight for 6 hours or more (minutes)"),
    KEY(overnight_window_start_hour, 0, 0, 23,
        "BCP guidance 12.1: overnight means covering any time from this local hour"),
    KEY(overnight_window_end_hour, 6, 1, 24,
        "BCP guidance 12.1: ... up to this local hour (exclusive)"),
    KEY(long_episode_minutes, 540, 0, MINUTES_MAX,
        "BCP guidance 12.1: one episode of more than 9 hours (minutes)"),
    KEY(repeat_window_days, 28, 1, 366,
        "BCP guidance 12.1 and 13: repeat missing counts episodes within 28 days"),
    KEY(repeat_min_episodes, 2, 1, COUNT_MAX,
        "BCP guidance 12.1 and 13: 2 or more episodes in the window, this one included"),
    KEY(rhi_due_hours, 72, 0, HOURS_MAX,
        "BCP guidance 12.1: return home interview within 72 hours of return"),
    KEY(interview_cover_days, 7, 0, 366,
        "BCP guidance 12.3: one interview may cover episodes within 7 days"),
    KEY(persistent_quarter_min, 3, 1, COUNT_MAX,
        "Derby annual report section 3: persistent = 3 or more episodes in a quarter"),
    KEY(persistent_month_min, 3, 1, COUNT_MAX,
        "Derby annual report section 3: 3 or more in a calendar month: monitoring group"),
    KEY(high_strategy_hours, 0, 0, HOURS_MAX,
        "BCP guidance 7: high risk: strategy discussion immediately (hours missing)"),
    KEY(high_ntk_hours, 0, 0, HOURS_MAX,
        "BCP guidance 7: high risk: need-to-know notification immediately (hours missing)"),
    KEY(missing_persons_bureau_hours, 0, 0, HOURS_MAX,
        "BCP guidance 7.1: high risk: the UK Missing Persons Bureau notified immediately (hours "
        "after becoming high)"),
    KEY(ceop_hours, 0, 0, HOURS_MAX,
        "BCP guidance 7.1: high risk: CEOP notified immediately (hours after becoming high)"),
    KEY(high_review_first_hours, 72, 0, HOURS_MAX,
        "BCP guidance 7: high risk: review strategy discussion after 3 days (hours missing)"),
    KEY(high_review_interval_hours, 72, 1, HOURS_MAX,
        "BCP guidance 7: high risk: further reviews every 3 days until found (hours)"),
    KEY(medium_ntk_hours, 24, 0, HOURS_MAX,
        "BCP guidance 7: medium risk: need-to-know notification at 24 hours missing"),
    KEY(medium_meeting_hours, 72, 0, HOURS_MAX,
        "BCP guidance 7: medium risk: missing risk management meeting at 72 hours missing"),
    KEY(medium_review_interval_hours, 120, 1, HOURS_MAX,
        "BCP guidance 7: medium risk: meeting reviewed at least every 5 days (hours)"),
    KEY(long_missing_strategy_hours, 72, 0, HOURS_MAX,
        "Derby annual report section 7: strategy meeting for a child missing 3 days (hours)"),
    KEY(iro_inform_hours, 0, 0, HOURS_MAX,
        "BCP guidance 7: child in care, medium or high risk: inform the IRO (hours missing)"),
    KEY(cpp_conference_working_days, 20, 0, WDAYS_MAX,
        "BCP guidance 7: protection plan, not found in 20 working days: conference forward"),
    KEY(nrm_referral_hours, 24, 0, HOURS_MAX,
        "BCP guidance 12.3: trafficked child missing: National Referral Mechanism referral by "
        "the allocated worker (hours missing)"),
    KEY(safe_well_high_hours, 1, 0, HOURS_MAX,
        "BCP guidance 11: police safe and well check within 1 hour of return (high risk)"),
    KEY(safe_well_other_hours, 3, 0, HOURS_MAX,
        "BCP guidance 11: police safe and well check within 3 hours of return (others)"),
    KEY(record_update_working_days, 5, 0, WDAYS_MAX,
        "BCP guidance 14: team manager updates the record within 5 working days of return"),
    KEY(due_lookback_days, 90, 1, 3660,
        "the due list shows actions of episodes open or returned in this many days"),
    KEY(high_risk_lookback_days, 90, 1, 3660,
        "the high-risk list includes children flagged for exploitation missing in this many days"),
    KEY(photo_max_bytes, HW_PHOTO_MAX_DEFAULT, 1024, HW_PHOTO_MAX_LIMIT,
        "BCP guidance 4.1: the largest photograph a missing profile keeps (bytes; 2 MiB)"),
    KEY(police_profile_days, 7, 0, 366,
        "police liaison may read a profile sent to them until this many days after the return"),
    {NULL, 0, 0, 0, 0, NULL},
};

/* Enough for the table above; checked when parsing. */
#define KEYS_MAX 64

static int *member(struct hw_config *c, const struct hw_config_key *k)
{
    return (int *)(void *)((char *)c + k->offset);
}

static const int *cmember(const struct hw_config *c, const struct hw_config_key *k)
{
    return (const int *)(const void *)((const char *)c + k->offset);
}

static const struct hw_config_key *find_key(const char *name)
{
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++)
        if (strcmp(k->name, name) == 0)
            return k;
    return NULL;
}

void hw_config_defaults(struct hw_config *c)
{
    memset(c, 0, sizeof *c);
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++)
        *member(c, k) = k->def;
}

/* Strict bounded integer: optional '-' (only when negatives are allowed),
 * then one or more ASCII digits, nothing else; no overflow. */
static int parse_bounded(const char *s, int min, int max, int *out)
{
    bool neg = false;
    long long v = 0;
    if (*s == '-' && min < 0) {
        neg = true;
        s++;
    }
    if (*s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s - '0');
        if (v > (long long)INT_MAX + 1) /* no overflow; the range check follows */
            return -1;
    }
    if (neg)
        v = -v;
    if (v < min || v > max)
        return -1;
    *out = (int)v;
    return 0;
}

int hw_config_set(struct hw_config *c, const char *key, const char *value, struct hw_err *err)
{
    const struct hw_config_key *k = find_key(key);
    if (k == NULL)
        return hw_fail(err, HW_EINPUT, "unknown setting '%.64s'", key);
    int v;
    if (parse_bounded(value, k->min, k->max, &v) != 0)
        return hw_fail(err, HW_EINPUT,
                       "setting '%s' must be a whole number from %d to %d, got '%.40s'", k->name,
                       k->min, k->max, value);
    *member(c, k) = v;
    return 0;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Trims [*b, *e) of blanks at both ends. */
static void trim(const char **b, const char **e)
{
    while (*b < *e && is_blank(**b))
        (*b)++;
    while (*e > *b && is_blank((*e)[-1]))
        (*e)--;
}

/* Parses one line [b, e) into c. Sets *which to the key index, or -1 for a
 * blank or comment line. */
static int parse_line(struct hw_config *c, const char *b, const char *e, int *which,
                      struct hw_err *err)
{
    *which = -1;
    const char *hash = memchr(b, '#', (size_t)(e - b));
    if (hash)
        e = hash;
    trim(&b, &e);
    if (b == e)
        return 0;
    const char *eq = memchr(b, '=', (size_t)(e - b));
    if (eq == NULL)
        return hw_fail(err, HW_EINPUT, "expected 'key = value', got '%.*s'",
                       (int)(e - b > 64 ? 64 : e - b), b);
    const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
    trim(&kb, &ke);
    trim(&vb, &ve);
    if (kb == ke)
        return hw_fail(err, HW_EINPUT, "missing setting name before '='");
    char *key = hw_strndup(kb, (size_t)(ke - kb));
    char *value = hw_strndup(vb, (size_t)(ve - vb));
    int rc = hw_config_set(c, key, value, err);
    if (rc == 0)
        *which = (int)(find_key(key) - hw_config_keys);
    free(key);
    free(value);
    return rc;
}

int hw_config_parse(struct hw_config *c, const char *text, const char *filename, struct hw_err *err)
{
    struct hw_config tmp = *c;
    struct hw_err lerr;
    int seen[KEYS_MAX]; /* line a key was set on, 0 = not set */
    const char *fname = filename ? filename : "<config>";
    int lineno = 0;

    memset(seen, 0, sizeof seen);
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        const char *e = nl ? nl : p + strlen(p);
        int which;
        lineno++;
        hw_err_clear(&lerr);
        if (parse_line(&tmp, p, e, &which, &lerr) != 0)
            return hw_fail(err, lerr.kind, "%s:%d: %s", fname, lineno, lerr.msg);
        if (which >= 0) {
            if (which >= KEYS_MAX)
                return hw_fail(err, HW_EINTERNAL, "%s:%d: too many settings", fname, lineno);
            if (seen[which])
                return hw_fail(err, HW_EINPUT, "%s:%d: setting '%s' given twice (first on line %d)",
                               fname, lineno, hw_config_keys[which].name, seen[which]);
            seen[which] = lineno;
        }
        p = nl ? nl + 1 : e;
    }

    if (tmp.overnight_window_start_hour >= tmp.overnight_window_end_hour) {
        const struct hw_config_key *ks = find_key("overnight_window_start_hour");
        const struct hw_config_key *ke = find_key("overnight_window_end_hour");
        int ls = seen[ks - hw_config_keys], le = seen[ke - hw_config_keys];
        char where[32] = "";
        if (ls || le)
            snprintf(where, sizeof where, ":%d", ls > le ? ls : le);
        return hw_fail(err, HW_EINPUT,
                       "%s%s: overnight_window_start_hour (%d) must be before "
                       "overnight_window_end_hour (%d)",
                       fname, where, tmp.overnight_window_start_hour,
                       tmp.overnight_window_end_hour);
    }
    *c = tmp;
    return 0;
}

void hw_config_write(const struct hw_config *c, struct hw_buf *out)
{
    hw_buf_puts(out, "# Homeward rule thresholds: \"key = value\", '#' starts a comment.\n");
    for (const struct hw_config_key *k = hw_config_keys; k->name; k++)
        hw_buf_printf(out, "%s = %d  # %s (default %d, %d to %d)\n", k->name, *cmember(c, k),
                      k->help, k->def, k->min, k->max);
}
