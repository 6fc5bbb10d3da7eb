/* profile.h - keeping a child's missing profile (seed 003 section 4.1):
 * its text fields with their history, the photograph, sends to the police,
 * and who may read it.
 *
 * Writes happen in one transaction each and change nothing on error
 * (HW_EINPUT naming the field, HW_ENOTFOUND for an unknown child,
 * HW_ECONFLICT for a send when the child is not missing, HW_EINTERNAL for
 * faults). The history of a profile is the child's: each changed field is
 * an entry on the child named "profile.NAME" ("profile.photo" for the
 * photograph), with the old and new values, who and when.
 */
#ifndef HW_APP_PROFILE_H
#define HW_APP_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "app/auth.h"
#include "app/save.h"
#include "core/config.h"
#include "core/profile.h"
#include "store/store.h"

/* The name a profile field has in the history: "profile.description". */
#define HW_PROFILE_HISTORY_PREFIX "profile."

/* Sets the fields of child_id's profile that `fields` names (bits by
 * position in hw_profile_fields, as hw_field_mask gives them; the ID's bit
 * is ignored) to their values in `given` (NULL clears one). Checks the
 * child is recorded and the limits (core/profile.h), then stores the
 * profile with who and when and appends a history entry per field that
 * changed. *after (may be NULL; initialised) gets the profile as stored.
 * Returns HW_SAVE_NEW (the first profile), HW_SAVE_CHANGED, HW_SAVE_SAME
 * (nothing written), or -1 with nothing changed. */
int hw_profile_set(struct hw_store *s, const char *child_id, const struct hw_profile *given,
                   uint64_t fields, const struct hw_actor *who, struct hw_profile *after,
                   struct hw_err *err);

/* Checks a photograph (hw_photo_check, max bytes: the configuration's
 * photo_max_bytes) and stores it as the child's, replacing any before it,
 * with a history entry "profile.photo" whose old and new values are
 * "TYPE, N bytes, sha256 HEX" (the old bytes are not kept). Returns 0 when
 * it is the child's first photograph, 1 when it replaced one, -1. */
int hw_profile_set_photo(struct hw_store *s, const char *child_id, const unsigned char *data,
                         size_t len, size_t max, const struct hw_actor *who, struct hw_err *err);

/* The child's episode that is open now (not yet returned; the latest last
 * seen when more than one is) into e (initialised). 1 found, 0 none, -1. */
int hw_open_episode(struct hw_store *s, const char *child_id, struct hw_episode *e,
                    struct hw_err *err);

#define HW_SENT_TO_MAX 200 /* bytes of "who it went to" */

/* Records that the child's profile was sent to the police for their open
 * episode: to whom (required, as the sender says: "PC 1234 Smith, by
 * email"), by who and when, with the episode's police reference; and
 * audits it ("profile_sent", naming the episode) in the same transaction.
 * HW_ECONFLICT when the child has no open episode. episode_id (may be
 * NULL) gets the episode's ID. The send is not an outbox notification:
 * it is the record that the profile left Homeward, and it lets police
 * liaison read the profile (hw_profile_police_may_read). */
int hw_profile_send(struct hw_store *s, const char *child_id, const char *sent_to,
                    const struct hw_actor *who, char episode_id[HW_ID_MAX + 1], struct hw_err *err);

/* Why police liaison may read a child's profile, if they may. */
enum hw_police_reason {
    HW_POLICE_NO = 0,
    HW_POLICE_MISSING, /* the child has an open episode */
    HW_POLICE_SENT     /* sent for an episode returned less than police_profile_days ago */
};

/* Whether police liaison may read the child's profile and photograph at
 * `now`: while the child has an open episode, or when the profile was sent
 * to the police (hw_profile_send) for an episode that is still open or was
 * returned less than cfg->police_profile_days ago. Returns an enum
 * hw_police_reason, or -1 on a fault. */
int hw_profile_police_may_read(struct hw_store *s, const struct hw_config *cfg,
                               const char *child_id, hw_instant now, struct hw_err *err);

/* Whether `who` may read child c's profile now: casework roles as for the
 * child (hw_may_see_child), police liaison as hw_profile_police_may_read,
 * analysts and admins never. 1 yes, 0 no, -1 fault. */
int hw_profile_may_read(struct hw_store *s, const struct hw_config *cfg,
                        const struct hw_principal *who, const struct hw_child *c, hw_instant now,
                        struct hw_err *err);

#endif
