/* workflow.c - resolving actions and closing episodes. */
#include "app/workflow.h"

#include <stdio.h>
#include <stdlib.h>

#include "app/assess.h"
#include "app/check.h"
#include "app/notify.h"
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

int hw_write_record(struct hw_store *s, const struct hw_rulebook *rb, enum hw_rectype t, void *rec,
                    const void *before, const struct hw_actor *who, struct hw_err *err)
{
    int told = 0;
    struct hw_stamp stamp = {.at = who->at, .user = who->user, .source = who->source};
    if (hw_record_check(hw_rectypes[t].fields, rec, err) < 0 || hw_store_begin(s, err) < 0)
        return -1;
    if (hw_check_record(s, rb->cfg, rb->reasons, t, rec, err) < 0 ||
        hw_app_save(s, t, rec, who, err) < 0 ||
        (t == HW_REC_EPISODE && (told = hw_notify_change(s, rb, before, rec, &stamp, err)) < 0) ||
        hw_store_commit(s, err) < 0) {
        hw_store_rollback(s);
        return -1;
    }
    return told;
}

/* True when the child record carries anything besides its ID. */
static bool has_details(const struct hw_child *c)
{
    for (const struct hw_field *f = hw_child_fields + 1; f->name; f++)
        if (hw_field_is_set(f, c))
            return true;
    return false;
}

int hw_report_missing(struct hw_store *s, const struct hw_rulebook *rb, struct hw_episode *e,
                      const struct hw_child *if_new, const struct hw_actor *who, bool *child_added,
                      struct hw_err *err)
{
    struct hw_episode existing;
    struct hw_child child;
    int told = -1;
    hw_record_init(hw_episode_fields, &existing);
    hw_record_init(hw_child_fields, &child);
    *child_added = false;
    if (e->child_id == NULL) {
        hw_fail(err, HW_EINPUT, "child_id: required: the child's ID (a new one if not known)");
        goto done;
    }
    int found =
        hw_store_get_some(s, HW_REC_EPISODE, e->id,
                          hw_field_mask(hw_episode_fields, "episode_id", NULL), &existing, err);
    if (found != 0) {
        if (found > 0)
            hw_fail(err, HW_ECONFLICT, "episode %s is already recorded", e->id);
        goto done;
    }
    found = hw_store_get_some(s, HW_REC_CHILD, e->child_id,
                              hw_field_mask(hw_child_fields, "child_id", NULL), &child, err);
    if (found < 0)
        goto done;
    if (found && if_new && has_details(if_new)) {
        hw_fail(err, HW_EINPUT,
                "child %s is already recorded; a notification does not change their record",
                e->child_id);
        goto done;
    }
    struct hw_stamp stamp = {.at = who->at, .user = who->user, .source = who->source};
    if (!e->kind)
        e->kind = HW_KIND_MISSING; /* a police notification is of a missing child */
    if (hw_store_begin(s, err) < 0)
        goto done;
    if (!found) {
        if (if_new)
            hw_record_copy(hw_child_fields, &child, if_new);
        free(child.id);
        child.id = hw_strdup(e->child_id);
        if (!child.case_status)
            child.case_status = HW_CS_NOT_OPEN;
        if (hw_check_child(s, &child, err) < 0 ||
            hw_app_save(s, HW_REC_CHILD, &child, who, err) < 0)
            goto rollback;
        *child_added = true;
    }
    if (hw_record_check(hw_episode_fields, e, err) < 0 || hw_check_episode(s, e, err) < 0 ||
        hw_app_save(s, HW_REC_EPISODE, e, who, err) < 0 ||
        (told = hw_notify_change(s, rb, NULL, e, &stamp, err)) < 0 || hw_store_commit(s, err) < 0)
        goto rollback;
    goto done;
rollback:
    hw_store_rollback(s);
    *child_added = false;
    told = -1;
done:
    hw_record_clear(hw_episode_fields, &existing);
    hw_record_clear(hw_child_fields, &child);
    return told;
}

int hw_record_return(struct hw_store *s, const struct hw_rulebook *rb, const char *episode_id,
                     hw_instant at, const char *found_location, hw_instant safe_well_at,
                     const struct hw_actor *who, struct hw_err *err)
{
    struct hw_episode e, before;
    struct hw_err why;
    int told = -1;
    hw_record_init(hw_episode_fields, &e);
    hw_record_init(hw_episode_fields, &before);
    int found = hw_store_get(s, HW_REC_EPISODE, episode_id, &e, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no episode %s is recorded", episode_id);
        goto done;
    }
    if (e.returned != HW_NO_TIME) {
        char when[HW_LOCAL_LEN];
        hw_format_local(e.returned, when);
        hw_fail(err, HW_ECONFLICT,
                "episode %s already has a return time (%s); correct it by updating the episode",
                e.id, when);
        goto done;
    }
    if (safe_well_at != HW_NO_TIME && safe_well_at < at) {
        hw_fail(err, HW_EINPUT, "safe_well_at: the safe-and-well check is after the return");
        goto done;
    }
    hw_record_copy(hw_episode_fields, &before, &e);
    e.returned = at;
    if (safe_well_at != HW_NO_TIME)
        e.safe_well_at = safe_well_at;
    if (found_location && hw_field_set(hw_field_find(hw_episode_fields, "found_location"), &e,
                                       found_location, &why) < 0) {
        hw_fail(err, HW_EINPUT, "found_location: %s", why.msg);
        goto done;
    }
    told = hw_write_record(s, rb, HW_REC_EPISODE, &e, &before, who, err);
done:
    hw_record_clear(hw_episode_fields, &e);
    hw_record_clear(hw_episode_fields, &before);
    return told;
}
