/* associates.c - the "went missing with" graph: associates and groups. */
#include "app/associates.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/records.h"
#include "core/strmap.h"

/* A child seen in the links: a node of the graph. */
struct node {
    char *id;
    size_t parent, rank; /* union-find */
};

/* An episode that names others, with the nodes that are part of it: its
 * child first, then each child it names, each once. */
struct episode {
    char *id;
    hw_instant last_seen;
    char *found; /* NULL when not recorded */
    size_t *people;
    size_t npeople;
};

struct graph {
    struct hw_strmap node_index, episode_index;
    struct node *nodes;
    size_t nnodes;
    struct episode *eps; /* in the store's order: by last seen, then ID */
    size_t neps;
};

/* Where the episodes of one associate or group were found. */
struct tally {
    struct hw_strmap index; /* case-folded location -> position */
    struct hw_found_place *places;
    size_t len;
};

/* Room for one more element in an array of len elements whose capacity is
 * the smallest power of two above len - 1 (so no capacity is kept). */
static void *grow(void *v, size_t len, size_t size)
{
    if (len == 0 || (len & (len - 1)) == 0)
        return hw_reallocarray(v, len ? len * 2 : 1, size);
    return v;
}

static size_t node_of(struct graph *g, const char *id)
{
    size_t i;
    if (hw_strmap_get(&g->node_index, id, &i))
        return i;
    g->nodes = grow(g->nodes, g->nnodes, sizeof *g->nodes);
    g->nodes[g->nnodes] = (struct node){.id = hw_strdup(id), .parent = g->nnodes};
    hw_strmap_put(&g->node_index, id, g->nnodes);
    return g->nnodes++;
}

static void add_person(struct episode *e, size_t node)
{
    for (size_t i = 0; i < e->npeople; i++)
        if (e->people[i] == node)
            return;
    e->people = grow(e->people, e->npeople, sizeof *e->people);
    e->people[e->npeople++] = node;
}

static int add_link(void *ctx, const struct hw_episode_link *l)
{
    struct graph *g = ctx;
    size_t k;
    if (!hw_strmap_get(&g->episode_index, l->episode_id, &k)) {
        g->eps = grow(g->eps, g->neps, sizeof *g->eps);
        k = g->neps++;
        g->eps[k] = (struct episode){.id = hw_strdup(l->episode_id),
                                     .last_seen = l->last_seen,
                                     .found = hw_strdup(l->found_location)};
        hw_strmap_put(&g->episode_index, l->episode_id, k);
        add_person(&g->eps[k], node_of(g, l->child_id));
    }
    add_person(&g->eps[k], node_of(g, l->with_id));
    return 0;
}

static void graph_free(struct graph *g)
{
    for (size_t i = 0; i < g->nnodes; i++)
        free(g->nodes[i].id);
    for (size_t i = 0; i < g->neps; i++) {
        free(g->eps[i].id);
        free(g->eps[i].found);
        free(g->eps[i].people);
    }
    free(g->nodes);
    free(g->eps);
    hw_strmap_free(&g->node_index);
    hw_strmap_free(&g->episode_index);
}

static size_t find(struct graph *g, size_t x)
{
    while (g->nodes[x].parent != x) {
        g->nodes[x].parent = g->nodes[g->nodes[x].parent].parent; /* path halving */
        x = g->nodes[x].parent;
    }
    return x;
}

static void unite(struct graph *g, size_t a, size_t b)
{
    a = find(g, a);
    b = find(g, b);
    if (a == b)
        return;
    if (g->nodes[a].rank < g->nodes[b].rank) {
        size_t t = a;
        a = b;
        b = t;
    }
    g->nodes[b].parent = a;
    if (g->nodes[a].rank == g->nodes[b].rank)
        g->nodes[a].rank++;
}

static void tally_add(struct tally *t, const char *location)
{
    if (location == NULL || *location == '\0')
        return;
    char *key = hw_strdup(location);
    for (char *p = key; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    size_t i;
    if (hw_strmap_get(&t->index, key, &i)) {
        t->places[i].episodes++;
    } else {
        t->places = grow(t->places, t->len, sizeof *t->places);
        t->places[t->len] = (struct hw_found_place){.location = hw_strdup(location), .episodes = 1};
        hw_strmap_put(&t->index, key, t->len++);
    }
    free(key);
}

static int cmp_place(const void *pa, const void *pb)
{
    const struct hw_found_place *a = pa, *b = pb;
    if (a->episodes != b->episodes)
        return a->episodes > b->episodes ? -1 : 1;
    return strcmp(a->location, b->location);
}

/* Hands the places, most episodes first, to *places. */
static void tally_take(struct tally *t, struct hw_found_place **places, size_t *n)
{
    if (t->len)
        qsort(t->places, t->len, sizeof *t->places, cmp_place);
    *places = t->places;
    *n = t->len;
    hw_strmap_free(&t->index);
    memset(t, 0, sizeof *t);
}

static void places_free(struct hw_found_place *places, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(places[i].location);
    free(places);
}

static void push_id(char ***v, size_t *len, const char *id)
{
    *v = grow(*v, *len, sizeof **v);
    (*v)[(*len)++] = hw_strdup(id);
}

static void ids_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Counts t's local date into first, last and days. Episodes come in
 * last-seen order, so a new date is one after last. */
static void widen(hw_date *first, hw_date *last, size_t *days, hw_instant t)
{
    hw_date d = hw_london_date(t);
    if (*last == HW_NO_DATE || d != *last)
        (*days)++;
    if (*first == HW_NO_DATE || d < *first)
        *first = d;
    if (*last == HW_NO_DATE || d > *last)
        *last = d;
}

/* Reads a child's name: 1 and the names (owned) when recorded, 0 when not,
 * -1 on a fault. */
static int child_name(struct hw_store *s, const char *id, char **first, char **last,
                      struct hw_err *err)
{
    struct hw_child c;
    hw_record_init(hw_child_fields, &c);
    uint64_t want = hw_field_mask(hw_child_fields, "first_name", "last_name", NULL);
    int found = hw_store_get_some(s, HW_REC_CHILD, id, want, &c, err);
    if (found > 0) {
        *first = c.first_name;
        *last = c.last_name;
        c.first_name = c.last_name = NULL;
    }
    hw_record_clear(hw_child_fields, &c);
    return found;
}

/* ---- associates ---- */

static int cmp_associate(const void *pa, const void *pb)
{
    const struct hw_associate *a = pa, *b = pb;
    if (a->episodes != b->episodes)
        return a->episodes > b->episodes ? -1 : 1;
    if (a->last != b->last)
        return a->last > b->last ? -1 : 1;
    return strcmp(a->child_id, b->child_id);
}

int hw_associates(struct hw_store *s, const char *child_id, hw_instant from, hw_instant to,
                  struct hw_associate_list *out, struct hw_err *err)
{
    struct graph g = {0};
    size_t *slot = NULL; /* node -> 1 + position in out->items; 0: none yet */
    struct tally *tallies = NULL;
    int rc = -1;
    memset(out, 0, sizeof *out);

    int found = child_name(s, child_id, &out->first_name, &out->last_name, err);
    if (found <= 0) {
        if (found == 0)
            hw_fail(err, HW_ENOTFOUND, "no child %s is recorded", child_id);
        goto done;
    }
    out->child_id = hw_strdup(child_id);
    if (hw_store_episode_links(s, child_id, from, to, add_link, &g, err) < 0)
        goto done;
    size_t me;
    if (!hw_strmap_get(&g.node_index, child_id, &me)) {
        rc = 0; /* never went missing with anyone */
        goto done;
    }
    slot = hw_calloc(g.nnodes, sizeof *slot);
    for (size_t k = 0; k < g.neps; k++) {
        const struct episode *e = &g.eps[k];
        bool part = false;
        for (size_t i = 0; i < e->npeople; i++)
            part |= e->people[i] == me;
        if (!part)
            continue;
        for (size_t i = 0; i < e->npeople; i++) {
            size_t p = e->people[i];
            if (p == me)
                continue;
            if (slot[p] == 0) {
                out->items = grow(out->items, out->len, sizeof *out->items);
                tallies = grow(tallies, out->len, sizeof *tallies);
                memset(&tallies[out->len], 0, sizeof *tallies);
                out->items[out->len] = (struct hw_associate){
                    .child_id = hw_strdup(g.nodes[p].id), .first = HW_NO_DATE, .last = HW_NO_DATE};
                slot[p] = ++out->len;
            }
            struct hw_associate *a = &out->items[slot[p] - 1];
            push_id(&a->episode_ids, &a->episodes, e->id);
            widen(&a->first, &a->last, &a->days, e->last_seen);
            tally_add(&tallies[slot[p] - 1], e->found);
        }
    }
    for (size_t i = 0; i < out->len; i++)
        tally_take(&tallies[i], &out->items[i].places, &out->items[i].nplaces);
    for (size_t i = 0; i < out->len; i++) {
        struct hw_associate *a = &out->items[i];
        int known = child_name(s, a->child_id, &a->first_name, &a->last_name, err);
        if (known < 0)
            goto done;
        a->recorded = known > 0;
    }
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, cmp_associate);
    rc = 0;
done:
    if (tallies && rc < 0)
        for (size_t i = 0; i < out->len; i++) {
            places_free(tallies[i].places, tallies[i].len);
            hw_strmap_free(&tallies[i].index);
        }
    free(tallies);
    free(slot);
    graph_free(&g);
    if (rc < 0)
        hw_associate_list_free(out);
    return rc;
}

void hw_associate_list_free(struct hw_associate_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        struct hw_associate *a = &l->items[i];
        free(a->child_id);
        free(a->first_name);
        free(a->last_name);
        ids_free(a->episode_ids, a->episodes);
        places_free(a->places, a->nplaces);
    }
    free(l->items);
    free(l->child_id);
    free(l->first_name);
    free(l->last_name);
    memset(l, 0, sizeof *l);
}

/* ---- groups ---- */

static int cmp_member(const void *pa, const void *pb)
{
    const struct hw_group_member *a = pa, *b = pb;
    return strcmp(a->child_id, b->child_id);
}

static int cmp_group(const void *pa, const void *pb)
{
    const struct hw_group *a = pa, *b = pb;
    if (a->nmembers != b->nmembers)
        return a->nmembers > b->nmembers ? -1 : 1;
    if (a->episodes != b->episodes)
        return a->episodes > b->episodes ? -1 : 1;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return strcmp(a->members[0].child_id, b->members[0].child_id);
}

int hw_groups(struct hw_store *s, hw_instant from, hw_instant to, struct hw_group_list *out,
              struct hw_err *err)
{
    struct graph g = {0};
    size_t *size = NULL, *group = NULL, *member = NULL;
    struct tally *tallies = NULL;
    int rc = -1;
    memset(out, 0, sizeof *out);

    if (hw_store_episode_links(s, NULL, from, to, add_link, &g, err) < 0)
        goto done;
    for (size_t k = 0; k < g.neps; k++)
        for (size_t i = 1; i < g.eps[k].npeople; i++)
            unite(&g, g.eps[k].people[0], g.eps[k].people[i]);

    size = hw_calloc(g.nnodes + 1, sizeof *size);
    group = hw_calloc(g.nnodes + 1, sizeof *group);   /* root -> 1 + group position */
    member = hw_calloc(g.nnodes + 1, sizeof *member); /* node -> position in its group */
    for (size_t n = 0; n < g.nnodes; n++)
        size[find(&g, n)]++;
    for (size_t n = 0; n < g.nnodes; n++) {
        size_t r = find(&g, n);
        if (size[r] < 2)
            continue;
        if (group[r] == 0) {
            out->items = grow(out->items, out->len, sizeof *out->items);
            tallies = grow(tallies, out->len, sizeof *tallies);
            memset(&tallies[out->len], 0, sizeof *tallies);
            out->items[out->len] =
                (struct hw_group){.members = hw_calloc(size[r], sizeof(struct hw_group_member)),
                                  .first = HW_NO_DATE,
                                  .last = HW_NO_DATE};
            group[r] = ++out->len;
        }
        struct hw_group *gr = &out->items[group[r] - 1];
        member[n] = gr->nmembers;
        gr->members[gr->nmembers++] =
            (struct hw_group_member){.child_id = hw_strdup(g.nodes[n].id)};
    }
    for (size_t k = 0; k < g.neps; k++) {
        const struct episode *e = &g.eps[k];
        size_t r = find(&g, e->people[0]);
        if (group[r] == 0)
            continue; /* only a child naming themself: not a group */
        struct hw_group *gr = &out->items[group[r] - 1];
        push_id(&gr->episode_ids, &gr->episodes, e->id);
        widen(&gr->first, &gr->last, &gr->days, e->last_seen);
        tally_add(&tallies[group[r] - 1], e->found);
        for (size_t i = 0; i < e->npeople; i++)
            gr->members[member[e->people[i]]].episodes++;
    }
    for (size_t i = 0; i < out->len; i++)
        tally_take(&tallies[i], &out->items[i].places, &out->items[i].nplaces);
    for (size_t i = 0; i < out->len; i++) {
        struct hw_group *gr = &out->items[i];
        for (size_t m = 0; m < gr->nmembers; m++) {
            struct hw_group_member *mb = &gr->members[m];
            int known = child_name(s, mb->child_id, &mb->first_name, &mb->last_name, err);
            if (known < 0)
                goto done;
            mb->recorded = known > 0;
        }
        qsort(gr->members, gr->nmembers, sizeof *gr->members, cmp_member);
    }
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, cmp_group);
    rc = 0;
done:
    if (tallies && rc < 0)
        for (size_t i = 0; i < out->len; i++) {
            places_free(tallies[i].places, tallies[i].len);
            hw_strmap_free(&tallies[i].index);
        }
    free(tallies);
    free(size);
    free(group);
    free(member);
    graph_free(&g);
    if (rc < 0)
        hw_group_list_free(out);
    return rc;
}

void hw_group_list_free(struct hw_group_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        struct hw_group *gr = &l->items[i];
        for (size_t m = 0; m < gr->nmembers; m++) {
            free(gr->members[m].child_id);
            free(gr->members[m].first_name);
            free(gr->members[m].last_name);
        }
        free(gr->members);
        ids_free(gr->episode_ids, gr->episodes);
        places_free(gr->places, gr->nplaces);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}
