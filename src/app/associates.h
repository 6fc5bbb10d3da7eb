/* associates.h - who children go missing with, and groups that go together.
 *
 * Two children went missing together in an episode when both are part of it:
 * the episode's child, and every child its with_children names (recorded
 * children or not). An episode naming several children links each pair of
 * them. A child's associates are the children they went missing together
 * with; groups are the connected components of that relation (the children
 * linked directly or through others), as in Derby's "group of 4 young people
 * [who] have begun to associate and ... been missing on several occasions
 * together" (004 section 4). Episodes of both kinds count (missing, and away
 * without authorisation). Used by `homeward child associates`,
 * `homeward groups` and, later, the web interface.
 */
#ifndef HW_ASSOCIATES_H
#define HW_ASSOCIATES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/hwtime.h"
#include "store/store.h"

/* A place children were found, and in how many of the episodes. */
struct hw_found_place {
    char *location; /* as first recorded; spellings differing only in case are one place */
    size_t episodes;
};

/* One child another went missing with. Strings are owned by the list. */
struct hw_associate {
    char *child_id;
    bool recorded;                 /* a recorded child (else only named in episodes) */
    char *first_name, *last_name;  /* NULL when not recorded */
    size_t episodes;               /* episodes both were part of */
    size_t days;                   /* local dates those episodes were last seen on */
    char **episode_ids;            /* those episodes, by last seen */
    hw_date first, last;           /* local dates of the first and last last seen */
    struct hw_found_place *places; /* where found in those episodes, most first */
    size_t nplaces;                /* episodes with no found location are not counted */
};

struct hw_associate_list {
    char *child_id, *first_name, *last_name; /* the child asked about */
    struct hw_associate *items;              /* most episodes first, then the latest, then by ID */
    size_t len;
};

/* The children child_id went missing with in episodes last seen in
 * [from, to) (0: no bound). Returns 0; -1 with HW_ENOTFOUND when no such
 * child is recorded, or on a storage fault (out is then empty). */
int hw_associates(struct hw_store *s, const char *child_id, hw_instant from, hw_instant to,
                  struct hw_associate_list *out, struct hw_err *err);
void hw_associate_list_free(struct hw_associate_list *l);

struct hw_group_member {
    char *child_id;
    bool recorded;
    char *first_name, *last_name; /* NULL when not recorded */
    size_t episodes;              /* of the group's episodes, how many they were part of */
};

/* Children linked by going missing together, directly or through others. */
struct hw_group {
    struct hw_group_member *members; /* by child ID */
    size_t nmembers;                 /* 2 or more */
    char **episode_ids;              /* episodes with 2+ members, by last seen */
    size_t episodes;
    size_t days;                   /* local dates those episodes were last seen on */
    hw_date first, last;           /* local dates of the first and last last seen */
    struct hw_found_place *places; /* where found in those episodes, most first */
    size_t nplaces;
};

struct hw_group_list {
    struct hw_group *items; /* most members first, then most episodes */
    size_t len;
};

/* The groups of episodes last seen in [from, to) (0: no bound). Returns 0,
 * or -1 on a storage fault (out is then empty). */
int hw_groups(struct hw_store *s, hw_instant from, hw_instant to, struct hw_group_list *out,
              struct hw_err *err);
void hw_group_list_free(struct hw_group_list *l);

#endif
