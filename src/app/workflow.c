/* workflow.c - resolving actions and closing episodes. */
#include "app/workflow.h"

#include <stdio.h>

#include "app/assess.h"
#include "core/rules.h"

/* Stores a resolution in one transaction; ECONFLICT when already recorded. */
static int add_once(struct hw_store *s, const struct hw_action_record *rec, const char *what,
                    struct hw_err *err)
{
    if (hw_store_begin(s, err) < 0)
        return -1;
    int added = hw_store_add_action(s, rec, err);
    if (added <= 0 || hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        if (added == 0)
            hw_fail(err, HW_ECONFLICT, "%s", what);
        return -1;
    }
    return 0;
}

int hw_resolve_action(struct hw_store *s, const struct hw_config *cfg, const char *episode_id,
                      int kind, int seq, int outcome, hw_instant at, const char *reason,
                      const struct hw_stamp *by, struct hw_err *err)
{
    struct hw_episode e;
    struct hw_child child;
    int rc = -1;
    char what[160];
    const char *action = hw_code_name(hw_action_codes, kind);
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_child_fields, &child);
    if (outcome == HW_ACTION_NOT_NEEDED && (reason == NULL || *reason == '\0')) {
        hw_fail(err, HW_EINPUT, "reason: required: why the %s was not needed", action);
        goto done;
    }
    int found = hw_store_get(s, HW_REC_EPISODE, episode_id, &e, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no episode %s is recorded", episode_id);
        goto done;
    }
    if (hw_store_get(s, HW_REC_CHILD, e.child_id, &child, err) < 0)
        goto done;
    /* Only what the rules call for can be resolved. */
    struct hw_assessment as;
    if (hw_assess_episode(s, cfg, &child, &e, by->at, &as, err) < 0)
        goto done;
    bool called_for = false;
    for (size_t i = 0; i < as.n_actions; i++)
        called_for |= as.actions[i].kind == kind && as.actions[i].seq == seq;
    if (!called_for) {
        hw_fail(err, HW_EINPUT, "episode %s does not call for %s #%d", episode_id, action, seq);
        goto done;
    }
    struct hw_action_record rec = {.episode_id = episode_id,
                                   .kind = kind,
                                   .seq = seq,
                                   .outcome = outcome,
                                   .at = at,
                                   .reason = reason,
                                   .recorded = *by};
    snprintf(what, sizeof what, "%s #%d of episode %s is already recorded", action, seq,
             episode_id);
    rc = add_once(s, &rec, what, err);
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_child_fields, &child);
    return rc;
}

int hw_close_episode(struct hw_store *s, const char *episode_id, hw_instant at,
                     const struct hw_stamp *by, struct hw_err *err)
{
    struct hw_episode e;
    int rc = -1;
    char what[160];
    hw_record_init(hw_episode_fields, &e);
    int found = hw_store_get(s, HW_REC_EPISODE, episode_id, &e, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no episode %s is recorded", episode_id);
        goto done;
    }
    if (e.returned == HW_NO_TIME) {
        hw_fail(err, HW_ECONFLICT, "episode %s is still open: record the return first", e.id);
        goto done;
    }
    if (at < e.returned) {
        hw_fail(err, HW_EINPUT, "at: the record is closed after the return");
        goto done;
    }
    struct hw_action_record rec = {.episode_id = e.id,
                                   .kind = HW_ACT_RECORD_UPDATED,
                                   .seq = 1,
                                   .outcome = HW_ACTION_DONE,
                                   .at = at,
                                   .recorded = *by};
    snprintf(what, sizeof what, "episode %s is already closed", e.id);
    rc = add_once(s, &rec, what, err);
done:
    hw_record_clear(hw_episode_fields, &e);
    return rc;
}
