/* generate.c - the synthetic council (see generate.h for what it promises).
 *
 * How the shape comes about:
 * - Two kinds of children. "Occasional" children go missing 1-4 times around
 *   one moment in the covered years. "Persistent" children have a missing
 *   career of a few months to over a year made of active spells (an episode
 *   every day or few) separated by quiet weeks; they are mostly looked after
 *   and often flagged. Spells, rather than a steady rate, are what keep the
 *   number of distinct children a month near half the number of episodes, as
 *   in the Croydon profile (seed 001), while a persistent minority still
 *   accounts for about half the episodes (seed 004).
 * - Each child's timeline is generated in order, each episode starting after
 *   the previous return, so one child's episodes never overlap.
 * - Children who go missing together are added afterwards: for a few episodes
 *   a companion (same home, or same school) gets an episode starting within an
 *   hour, where the companion's own timeline has room for it.
 * - Then `now` is applied (returns after it leave the episode open), the
 *   episodes are sorted and numbered, and interviews are decided with the
 *   default eligibility rules of DOMAIN.md so that the data exercises them.
 *
 * Times are generated as instants and passed through canon(), which keeps
 * them on whole minutes and out of the second (GMT) occurrence of the hour
 * repeated when clocks go back: local "YYYY-MM-DD HH:MM" text names that hour's
 * first occurrence, so only then does the CSV read back as the same instant.
 */
#include "io/generate.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/calendar.h"
#include "core/domain.h"
#include "io/care_period_import.h"
#include "io/csv_write.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- volumes (scale 1, per year), tuned so the output matches the brief ---- */

#define OCCASIONAL_PER_YEAR 715.0 /* children missing once to a few times */
#define PERSISTENT_PER_YEAR 46.0  /* missing careers starting per year */
#define GROUP_SEED_RATE     0.042 /* share of episodes that pull in companions */
#define MAX_DURATION_HOURS  (16 * 24)
#define FLUSH_AT            (1u << 20) /* write CSV out in 1 MiB pieces */

/* ---- PRNG: splitmix64, small, fast and good enough for invented data ---- */

struct rng {
    uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* An independent stream, so that one child's draws do not shift another's. */
static struct rng rng_fork(struct rng *r)
{
    struct rng c = {rng_next(r) ^ 0x5DEECE66Dull};
    return c;
}

static double rng_unit(struct rng *r) /* [0, 1) */
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static uint32_t rng_below(struct rng *r, uint32_t n) /* [0, n) */
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

static int rng_range(struct rng *r, int lo, int hi) /* [lo, hi] */
{
    return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

static bool rng_chance(struct rng *r, double p)
{
    return rng_unit(r) < p;
}

static double rng_exp(struct rng *r, double mean)
{
    return -mean * log(1.0 - rng_unit(r));
}

static double rng_normal(struct rng *r)
{
    double u1 = 1.0 - rng_unit(r), u2 = rng_unit(r);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

/* Index i with probability w[i] / sum(w). */
static int rng_weighted(struct rng *r, const int *w, int n)
{
    int sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i];
    int x = (int)rng_below(r, (uint32_t)sum);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* ---- built-in lists (invented; any resemblance is a coincidence) ---- */

static const char *const first_male[] = {"Aaron", "Alfie", "Ben",    "Callum", "Connor", "Daniel",
                                         "Dylan", "Ethan", "Finley", "Harley", "Harvey", "Jack",
                                         "Jake",  "Jamal", "Jayden", "Josh",   "Kai",    "Kieran",
                                         "Leon",  "Liam",  "Lewis",  "Mason",  "Nathan", "Owen",
                                         "Reece", "Ryan",  "Samir",  "Tyler",  "Zak",    "Kofi"};
static const char *const first_female[] = {
    "Abbie",   "Aisha",   "Amber", "Amelia",  "Bethany", "Chloe", "Courtney", "Demi",
    "Ellie",   "Emily",   "Erin",  "Georgia", "Grace",   "Holly", "Imani",    "Jade",
    "Jasmine", "Kayla",   "Lacey", "Leah",    "Megan",   "Mia",   "Nadia",    "Paige",
    "Priya",   "Shannon", "Skye",  "Tia",     "Zara",    "Keira"};
static const char *const first_other[] = {"Alex", "Charlie", "Jordan", "Riley", "Sam"};
static const char *const last_names[] = {
    "Ashbury",    "Brackley", "Coldwell",  "Dunmore",   "Eastleigh", "Farrant",   "Gadsby",
    "Hallam",     "Inchley",  "Jessop",    "Kenward",   "Lockett",   "Marlow",    "Netherton",
    "Oakley",     "Pendle",   "Quarrell",  "Redfern",   "Stainton",  "Thackeray", "Underhill",
    "Varley",     "Westwood", "Yardley",   "Bramall",   "Cotterill", "Dawber",    "Eccles",
    "Fairclough", "Greaves",  "Hebden",    "Ibbotson",  "Kershaw",   "Lumb",      "Moxley",
    "Nuttall",    "Oldroyd",  "Priestley", "Rushworth", "Sugden"};
static const char *const ethnicities[] = {"White British", "Mixed",       "Black British",
                                          "Asian British", "White Other", "Other"};
static const int ethnicity_w[] = {65, 12, 9, 7, 4, 3};
static const char *const councils[] = {"Northshire County Council", "Eastmoor Borough Council",
                                       "Westvale City Council",     "Southbridge Borough Council",
                                       "Kingsfield County Council", "Harrowdale City Council"};
static const char *const home_prefix[] = {
    "Ashdown",    "Ridgeway",  "Beechcroft", "Coldharbour", "Elmstead",   "Foxley",
    "Greystones", "Hawthorn",  "Ivydene",    "Juniper",     "Kestrel",    "Larchwood",
    "Millbrook",  "Netherby",  "Oakridge",   "Pennyfield",  "Quarrybank", "Rosehill",
    "Sandpiper",  "Thornbury", "Upperton",   "Willowmere",  "Yewtree",    "Brambledown"};
static const char *const home_suffix[] = {"House", "Lodge", "Court", "Cottage", "View", "Mews"};
static const char *const supported_names[] = {
    "Harbour Court Flats", "Kingsway Foyer",    "Station Road Supported Living",
    "Meadowbank Flats",    "The Lofts Project", "Riverside Hostel"};
static const char *const other_names[] = {"Extended family", "Family friend", "Kinship carer"};
static const char *const teams[] = {"Assessment North",   "Assessment South",   "Child Protection",
                                    "Children in Care 1", "Children in Care 2", "Early Help Hub",
                                    "Leaving Care"};
enum { T_ASSESS_N, T_ASSESS_S, T_CP, T_CIC1, T_CIC2, T_EARLY_HELP, T_LEAVING, N_TEAMS };
#define WORKERS_PER_TEAM 5
static const char *const workers[N_TEAMS * WORKERS_PER_TEAM] = {
    "Ruth Abbott",     "Dev Mistry",    "Claire Nolan",  "Tom Ridley",    "Hannah Sykes",
    "Grace Adeyemi",   "Mark Hollins",  "Sophie Crane",  "Imran Baig",    "Laura Petch",
    "Janet Fowler",    "Kwame Mensah",  "Rachel Dyson",  "Paul Whitlock", "Nina Kaur",
    "Emma Brierley",   "Steve Lomax",   "Fatima Rahman", "Gareth Pugh",   "Lucy Ormerod",
    "Helen Tranter",   "Olu Bankole",   "Kate Sumner",   "Jon Aspinall",  "Meera Shah",
    "Sarah Gillespie", "Chris Oduya",   "Ann Marsden",   "Rob Tinsley",   "Zainab Ali",
    "Dean Ferris",     "Joanne Pickup", "Tariq Hussain", "Beth Allsop",   "Mike Greenhalgh"};
static const char *const schools[] = {"Northgate Academy",
                                      "St Aidan's High School",
                                      "Brookfield School",
                                      "Castle Hill Academy",
                                      "Riverside Community College",
                                      "Westfield High School",
                                      "Oakwood Academy",
                                      "Hillcrest School",
                                      "Mill Lane Academy",
                                      "Parkside Pupil Referral Unit",
                                      "St Bede's Catholic School",
                                      "Lowmoor Academy",
                                      "Thornton Grange School",
                                      "Kingsmead Sixth Form College",
                                      "Eastbrook Further Education College"};
#define N_COLLEGES 2 /* the last two schools take 16 and 17 year olds */
static const char *const found_locations[] = {"Home address",
                                              "Friend's address",
                                              "Relative's address",
                                              "Town centre",
                                              "Railway station",
                                              "Bus station",
                                              "Park",
                                              "Shopping centre",
                                              "Partner's address",
                                              "Out of area address",
                                              "Police station",
                                              "Hospital",
                                              "Returned of own accord"};
static const int found_w[] = {14, 24, 10, 10, 5, 4, 5, 4, 6, 5, 3, 1, 9};
/* Codes of the default reasons list (core/reasons.c: Derby's categories). */
static const char *const reasons_list[] = {"criminal_activity",  "return_to_family",
                                           "behaviour_problems", "with_friends",
                                           "independence",       "drugs",
                                           "miscommunication",   "cse",
                                           "housing_problems"};
/* Why a manager decided as they did when it was not "required" (003
 * section 12.3: the reason for not holding an interview is recorded). */
static const char *const not_required_why[] = {
    "Short daytime absence; no risks identified", "Returned of own accord; seen by the carer",
    "Known to be with family; no concerns at the safe and well check"};
static const char *const judgement_why[] = {
    "Team manager's judgement on risk and vulnerability",
    "Already engaged with the allocated worker; interview offered on judgement",
    "Frequent short episodes: interview frequency agreed with carers (003 12.3)"};
static const char *const risks_ordinary[] = {"None identified",
                                             "Late night with friends",
                                             "Alcohol use",
                                             "Argument with carer",
                                             "Stayed with friend without permission",
                                             "Lost track of time"};
static const char *const risks_flagged[] = {
    "Associating with older adults",  "Suspected county lines involvement",
    "Gifts from unknown adults",      "Cannabis use",
    "Travelled out of area by train", "Contact with gang members",
    "Went to unknown address",        "Slept rough overnight"};

/* Age (years) on the day of the first episode. Occasional children: 8..17. */
static const int age_occ_w[] = {1, 2, 3, 5, 7, 11, 17, 21, 20, 13};
#define AGE_OCC_MIN 8
/* Persistent children at the start of their missing career: 11..17. */
static const int age_per_w[] = {2, 6, 13, 22, 25, 20, 12};
#define AGE_PER_MIN 11
/* Hour of the day a child was last seen: afternoons and evenings. */
static const int hour_w[24] = {3, 2, 1, 1, 1,  1,  1,  2,  3, 4, 4, 4,
                               5, 5, 6, 8, 10, 10, 10, 10, 9, 8, 6, 4};

/* ---- records in the making ---- */

struct gen_child {
    uint32_t num; /* the number in child_id */
    hw_date dob;
    hw_date adult; /* 18th birthday: no episodes from then */
    bool persistent;
    uint8_t ola;    /* 0: ours; else 1 + index into councils */
    uint8_t gender; /* 0 male, 1 female, 2 other */
    uint8_t ethnicity, case_status, placement, ooa, team, worker, school;
    uint16_t first, last;
    uint16_t flags;          /* enum hw_flag bits */
    uint32_t place;          /* home, carer number or supported/other index, by placement */
    uint32_t ep_first, ep_n; /* its own timeline: ep[ep_first .. +ep_n), in order */
    int64_t extra;           /* first companion episode added later (chained), or -1 */
    uint32_t out_n;          /* episodes written */
};

struct gen_ep {
    hw_instant last_seen, reported;
    hw_instant ret; /* when the child returns; after `now` means still open */
    uint32_t child;
    uint32_t seq;   /* creation order, the last tie-break when sorting */
    uint32_t group; /* 1 + index into groups, or 0 */
    int64_t next_extra;
    uint8_t kind, risk, harmed, crime, found;
};

/* A child under a companion key (see companion_key()). */
struct keyed {
    uint32_t key, child;
};

#define GROUP_MAX 4
struct gen_group {
    uint32_t child[GROUP_MAX];
    uint32_t n;
};

struct gen {
    const struct hw_generate_opts *o;
    hw_instant start, end; /* the covered financial years */
    hw_instant gen_end;    /* min(end, now): nothing starts at or after it */
    hw_instant now;        /* INT64_MAX when there is no cut-off */
    hw_date start_day, last_day;
    int n_homes, n_carers;

    struct gen_child *ch;
    size_t nch;
    struct gen_ep *ep;
    size_t nep, capep;
    struct gen_group *grp;
    size_t ngrp, capgrp;
    struct keyed *by_key; /* children sorted by companion key */
};

/* ---- time helpers ---- */

static hw_instant floor_minute(hw_instant t)
{
    hw_instant m = t % HW_MINUTE;
    return t - (m < 0 ? m + HW_MINUTE : m);
}

static hw_instant canon(hw_instant t)
{
    t = floor_minute(t);
    struct hw_local l;
    hw_london_from_instant(t, &l);
    hw_instant back;
    if (hw_london_to_instant(l.year, l.month, l.day, l.hour, l.minute, 0, &back) == 0 && back == t)
        return t;
    return t + HW_HOUR; /* second occurrence of 01:xx: move past the ambiguity */
}

/* Local wall time on day d. The hour skipped in spring becomes the next hour. */
static hw_instant local_time(hw_date d, int hour, int minute)
{
    int y, m, day;
    hw_date_to_ymd(d, &y, &m, &day);
    hw_instant t;
    if (hw_london_to_instant(y, m, day, hour, minute, 0, &t) != 0 &&
        hw_london_to_instant(y, m, day, hour + 1, minute, 0, &t) != 0)
        t = hw_london_day_start(d) + hour * HW_HOUR + minute * HW_MINUTE;
    return t;
}

static hw_instant random_time_on(struct rng *r, hw_date d)
{
    return local_time(d, rng_weighted(r, hour_w, 24), rng_range(r, 0, 59));
}

/* A start time at least `gap_days` (roughly) after `after`, and at least an
 * hour after it, at a typical hour of the day. */
static hw_instant next_start(struct rng *r, hw_instant after, double gap_days)
{
    hw_date d = hw_london_date(after + (hw_instant)(gap_days * (double)HW_DAY));
    hw_instant t = random_time_on(r, d);
    while (t < after + HW_HOUR)
        t = random_time_on(r, ++d);
    return t;
}

/* Summer a little busier than winter (seed 004 saw some years with, some
 * without, a summer peak). */
static double season_weight(hw_date d)
{
    int y, m, day;
    hw_date_to_ymd(d, &y, &m, &day);
    return 1.0 + 0.15 * cos(6.283185307179586 * ((double)m - 7.5) / 12.0);
}

/* ---- children ---- */

static hw_date birthday(hw_date dob, int years)
{
    int y, m, d;
    hw_date_to_ymd(dob, &y, &m, &d);
    return hw_date_from_ymd(y + years, m, d); /* 29 Feb rolls to 1 Mar */
}

static uint16_t draw_flags(struct rng *r, bool persistent, int gender)
{
    uint16_t f = 0;
    if (rng_chance(r, 0.04))
        f |= HW_FLAG_DISABLED;
    if (!rng_chance(r, persistent ? 0.70 : 0.12))
        return f;
    /* cse, cce, trafficking, gang, crime, drugs, risky_adults */
    static const int flag_value[] = {HW_FLAG_CSE,         HW_FLAG_CCE,   HW_FLAG_TRAFFICKING,
                                     HW_FLAG_GANG,        HW_FLAG_CRIME, HW_FLAG_DRUGS,
                                     HW_FLAG_RISKY_ADULTS};
    int w[] = {gender == 1 ? 30 : 6, gender == 1 ? 8 : 25, 4, gender == 1 ? 4 : 14, 15, 15, 15};
    int n = rng_weighted(r, (const int[]){55, 30, 15}, 3) + 1;
    for (int i = 0; i < n; i++)
        f |= (uint16_t)flag_value[rng_weighted(r, w, (int)NELEM(w))];
    return f;
}

static bool has_flag(const struct gen_child *c, int flag)
{
    return (c->flags & flag) != 0;
}

static bool exploitation_flagged(const struct gen_child *c)
{
    return has_flag(c, HW_FLAG_CSE | HW_FLAG_CCE | HW_FLAG_TRAFFICKING | HW_FLAG_GANG |
                           HW_FLAG_CRIME | HW_FLAG_DRUGS | HW_FLAG_RISKY_ADULTS);
}

/* Home index i is a council home when i % 3 == 0, otherwise independent. */
static uint32_t pick_home(struct rng *r, int n_homes, bool council)
{
    int n_council = (n_homes + 2) / 3;
    if (council)
        return 3u * rng_below(r, (uint32_t)n_council);
    uint32_t k = rng_below(r, (uint32_t)(n_homes - n_council));
    return 3u * (k / 2) + 1 + k % 2;
}

/* Everything about a child except its episodes; `first` is the day of its
 * first episode (or the start of its missing career). */
static void make_child(struct gen *g, struct rng *r, struct gen_child *c, bool persistent,
                       hw_date first)
{
    c->persistent = persistent;
    c->extra = -1;
    int age = persistent ? AGE_PER_MIN + rng_weighted(r, age_per_w, (int)NELEM(age_per_w))
                         : AGE_OCC_MIN + rng_weighted(r, age_occ_w, (int)NELEM(age_occ_w));
    c->dob = first - (hw_date)(((double)age + rng_unit(r)) * 365.2425);
    c->adult = birthday(c->dob, 18);
    age = hw_age_years(c->dob, first);

    int gr = rng_below(r, 1000);
    c->gender = gr < 520 ? 0 : gr < 995 ? 1 : 2;
    if (c->gender == 0)
        c->first = (uint16_t)rng_below(r, NELEM(first_male));
    else if (c->gender == 1)
        c->first = (uint16_t)rng_below(r, NELEM(first_female));
    else
        c->first = (uint16_t)rng_below(r, NELEM(first_other));
    c->last = (uint16_t)rng_below(r, NELEM(last_names));
    c->ethnicity = (uint8_t)rng_weighted(r, ethnicity_w, (int)NELEM(ethnicity_w));
    c->flags = draw_flags(r, persistent, c->gender);

    /* Children placed here by other councils: looked after, mostly in
     * independent homes (seed 004: several of the persistent ones). */
    if (rng_chance(r, persistent ? 0.14 : 0.09)) {
        c->ola = (uint8_t)(1 + rng_below(r, NELEM(councils)));
        c->case_status = HW_CS_CLA;
        static const int ola_pl[] = {HW_PL_INDEPENDENT_HOME, HW_PL_FOSTER, HW_PL_SUPPORTED};
        c->placement = (uint8_t)ola_pl[rng_weighted(r, (const int[]){55, 25, 20}, 3)];
    } else {
        static const int cs_value[] = {HW_CS_NOT_OPEN, HW_CS_EARLY_HELP, HW_CS_CIN, HW_CS_CPP,
                                       HW_CS_CLA};
        static const int cs_per[] = {3, 7, 18, 12, 60}, cs_occ[] = {30, 18, 22, 8, 22};
        c->case_status = (uint8_t)cs_value[rng_weighted(r, persistent ? cs_per : cs_occ, 5)];
        if (c->case_status != HW_CS_CLA) {
            c->placement = HW_PL_HOME;
        } else {
            static const int pl_value[] = {HW_PL_LA_HOME, HW_PL_FOSTER, HW_PL_INDEPENDENT_HOME,
                                           HW_PL_SUPPORTED, HW_PL_OTHER};
            static const int pl_per[] = {32, 15, 30, 18, 5}, pl_occ[] = {20, 40, 20, 12, 8};
            c->placement = (uint8_t)pl_value[rng_weighted(r, persistent ? pl_per : pl_occ, 5)];
            /* Some of our children in care live out of the area (seed 004 §10). */
            c->ooa = rng_chance(r, persistent ? 0.35 : 0.22);
        }
    }
    if (c->placement == HW_PL_SUPPORTED && age < 16)
        c->placement = HW_PL_FOSTER; /* supported accommodation is for 16+ */

    switch (c->placement) {
    case HW_PL_LA_HOME:
        c->place = pick_home(r, g->n_homes, true);
        break;
    case HW_PL_INDEPENDENT_HOME:
        c->place = pick_home(r, g->n_homes, false);
        break;
    case HW_PL_FOSTER:
        c->place = 1 + rng_below(r, (uint32_t)g->n_carers);
        break;
    case HW_PL_SUPPORTED:
        c->place = rng_below(r, NELEM(supported_names));
        break;
    case HW_PL_OTHER:
        c->place = rng_below(r, NELEM(other_names));
        break;
    default:
        c->place = 0;
    }

    int team = -1;
    if (!c->ola) {
        switch (c->case_status) {
        case HW_CS_EARLY_HELP:
            team = T_EARLY_HELP;
            break;
        case HW_CS_CIN:
            team = rng_chance(r, 0.5) ? T_ASSESS_N : T_ASSESS_S;
            break;
        case HW_CS_CPP:
            team = T_CP;
            break;
        case HW_CS_CLA:
            team = age >= 16 && rng_chance(r, 0.5) ? T_LEAVING
                   : rng_chance(r, 0.5)            ? T_CIC1
                                                   : T_CIC2;
            break;
        default:
            break; /* not open: no allocated team */
        }
    }
    c->team = (uint8_t)(team + 1);
    c->worker =
        (uint8_t)(team < 0 ? 0 : 1 + team * WORKERS_PER_TEAM + (int)rng_below(r, WORKERS_PER_TEAM));
    if (age >= 16 && rng_chance(r, 0.6))
        c->school = (uint8_t)(NELEM(schools) - N_COLLEGES + rng_below(r, N_COLLEGES));
    else
        c->school = (uint8_t)rng_below(r, NELEM(schools) - N_COLLEGES);
}

/* ---- episodes ---- */

static struct gen_ep *new_ep(struct gen *g)
{
    if (g->nep == g->capep) {
        g->capep = g->capep ? 2 * g->capep : 4096;
        g->ep = hw_reallocarray(g->ep, g->capep, sizeof *g->ep);
    }
    struct gen_ep *e = &g->ep[g->nep];
    memset(e, 0, sizeof *e);
    e->seq = (uint32_t)g->nep++;
    e->next_extra = -1;
    return e;
}

/* Hours missing: mostly short with a long tail (seed 004: most under 12 hours,
 * a few of 3 days or more). A mixture of two log-normals gives a median near
 * 9 hours, ~60% under 12 hours, ~14% over a day and 2-3% over 3 days. */
static hw_instant draw_duration(struct rng *r, int kind)
{
    double h;
    if (kind == HW_KIND_ABSENT)
        h = 3.5 * exp(0.8 * rng_normal(r));
    else if (rng_chance(r, 0.08))
        h = 45.0 * exp(0.75 * rng_normal(r));
    else
        h = 9.5 * exp(0.72 * rng_normal(r));
    if (h < 0.25)
        h = 0.25 + rng_unit(r) * 0.5;
    if (h > MAX_DURATION_HOURS)
        h = MAX_DURATION_HOURS - rng_unit(r) * 48;
    return (hw_instant)(h * 60.0) * HW_MINUTE;
}

/* Draws the episode's facts; returns when the child would return. When store
 * is false only the timeline advances (episodes before the covered years). */
static hw_instant add_episode(struct gen *g, uint32_t ci, struct rng *r, hw_instant ls, bool store)
{
    const struct gen_child *c = &g->ch[ci];
    int kind =
        rng_chance(r, c->case_status == HW_CS_CLA ? 0.15 : 0.04) ? HW_KIND_ABSENT : HW_KIND_MISSING;
    hw_instant ret = canon(ls + draw_duration(r, kind));
    if (!store)
        return ret;

    struct gen_ep *e = new_ep(g);
    e->child = ci;
    e->kind = (uint8_t)kind;
    e->last_seen = ls;
    e->ret = ret;
    /* Reported 15 minutes to 6 hours after last seen, mostly early, and
     * never after the return. */
    hw_instant delay = (hw_instant)(15 + 345 * pow(rng_unit(r), 2.5)) * HW_MINUTE;
    if (delay > (ret - ls) * 4 / 5)
        delay = (ret - ls) * 4 / 5;
    e->reported = canon(ls + delay);
    if (e->reported > ret)
        e->reported = ret;

    bool flagged = exploitation_flagged(c);
    int age = hw_age_years(c->dob, hw_london_date(ls));
    if (kind == HW_KIND_ABSENT) {
        e->risk = rng_chance(r, 0.85) ? HW_RISK_LOW : HW_RISK_MEDIUM;
    } else {
        double high = (flagged ? 0.12 : 0.04) + (age < 12 ? 0.10 : 0.0);
        double u = rng_unit(r);
        e->risk = u < high ? HW_RISK_HIGH : u < high + 0.57 ? HW_RISK_MEDIUM : HW_RISK_LOW;
    }
    e->harmed = rng_chance(r, flagged ? 0.04 : 0.015);
    e->crime = rng_chance(r, flagged ? 0.08 : 0.025);
    e->found = (uint8_t)rng_weighted(r, found_w, (int)NELEM(found_w));
    return ret;
}

/* A child who goes missing once to a few times around one moment. */
static void occasional_timeline(struct gen *g, uint32_t ci, struct rng *r)
{
    hw_instant ls = g->start;
    int span = g->last_day - g->start_day + 1;
    for (int tries = 0; tries < 50; tries++) {
        hw_date d = g->start_day + (hw_date)rng_below(r, (uint32_t)span);
        if (rng_unit(r) * 1.15 > season_weight(d))
            continue;
        hw_instant t = random_time_on(r, d);
        if (t >= g->start && t < g->gen_end) {
            ls = t;
            break;
        }
    }
    make_child(g, r, &g->ch[ci], false, hw_london_date(ls));
    int n = 1 + rng_weighted(r, (const int[]){74, 17, 6, 3}, 4);
    g->ch[ci].ep_first = (uint32_t)g->nep;
    for (int i = 0; i < n; i++) {
        if (ls >= g->gen_end || hw_london_date(ls) >= g->ch[ci].adult)
            break;
        hw_instant ret = add_episode(g, ci, r, ls, true);
        ls = next_start(r, ret, rng_exp(r, 14.0));
    }
    g->ch[ci].ep_n = (uint32_t)(g->nep - g->ch[ci].ep_first);
}

/* A missing career: active spells separated by quiet weeks. Careers may start
 * before the covered years (those episodes are not kept) so that the first
 * months look like the rest. */
static void persistent_timeline(struct gen *g, uint32_t ci, struct rng *r)
{
    int span = g->last_day - g->start_day + 1 + 365;
    hw_date cs = g->start_day - 365 + (hw_date)rng_below(r, (uint32_t)span);
    hw_date ce = cs + rng_range(r, 120, 450);
    make_child(g, r, &g->ch[ci], true, cs);
    struct gen_child *c = &g->ch[ci];
    hw_instant career_end = hw_london_day_start(ce < c->adult ? ce : c->adult);
    if (career_end > g->gen_end)
        career_end = g->gen_end;
    /* How often this child goes when active: every 1.5 to 12 days. */
    double gap = exp(log(1.5) + rng_unit(r) * (log(12.0) - log(1.5)));

    c->ep_first = (uint32_t)g->nep;
    hw_instant t = random_time_on(r, cs);
    while (t < career_end) {
        hw_instant spell_end = t + rng_range(r, 14, 60) * HW_DAY;
        hw_instant ret = t;
        while (t < spell_end && t < career_end) {
            ret = add_episode(g, ci, r, t, t >= g->start);
            t = next_start(r, ret, rng_exp(r, gap));
        }
        t = next_start(r, ret, rng_range(r, 14, 90));
    }
    c->ep_n = (uint32_t)(g->nep - c->ep_first);
}

/* ---- children who go missing together ---- */

/* Companions are looked for among children in the same home or supported
 * accommodation, else at the same school. */
static uint32_t companion_key(const struct gen_child *c)
{
    switch (c->placement) {
    case HW_PL_LA_HOME:
    case HW_PL_INDEPENDENT_HOME:
    case HW_PL_SUPPORTED:
        return (1u << 24) | ((uint32_t)c->placement << 16) | c->place;
    default:
        return (2u << 24) | c->school;
    }
}

static int cmp_keyed(const void *a, const void *b)
{
    const struct keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->child < y->child ? -1 : x->child > y->child;
}

/* True when child ci has no episode within [from, to]. */
static bool child_free(const struct gen *g, uint32_t ci, hw_instant from, hw_instant to)
{
    const struct gen_child *c = &g->ch[ci];
    /* Own timeline: sorted and non-overlapping, so only the last episode
     * starting at or before `to` can reach into the window. */
    size_t lo = c->ep_first, hi = (size_t)c->ep_first + c->ep_n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->ep[mid].last_seen <= to)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > c->ep_first && g->ep[lo - 1].ret >= from)
        return false;
    for (int64_t x = c->extra; x >= 0; x = g->ep[x].next_extra)
        if (g->ep[x].last_seen <= to && g->ep[x].ret >= from)
            return false;
    return true;
}

static uint32_t pick_companion(struct gen *g, struct rng *r, uint32_t ci)
{
    if (rng_chance(r, 0.7)) {
        uint32_t key = companion_key(&g->ch[ci]);
        size_t lo = 0, hi = g->nch;
        while (lo < hi) { /* first child with this key */
            size_t mid = lo + (hi - lo) / 2;
            if (g->by_key[mid].key < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t end = lo;
        while (end < g->nch && g->by_key[end].key == key && end - lo < 4096)
            end++;
        if (end - lo > 1)
            return g->by_key[lo + rng_below(r, (uint32_t)(end - lo))].child;
    }
    return rng_below(r, (uint32_t)g->nch);
}

static void add_groups(struct gen *g, struct rng *r)
{
    g->by_key = hw_reallocarray(NULL, g->nch ? g->nch : 1, sizeof *g->by_key);
    for (size_t i = 0; i < g->nch; i++)
        g->by_key[i] = (struct keyed){companion_key(&g->ch[i]), (uint32_t)i};
    qsort(g->by_key, g->nch, sizeof *g->by_key, cmp_keyed);

    size_t n_own = g->nep;
    for (size_t i = 0; i < n_own; i++) {
        if (g->ep[i].group || !rng_chance(r, GROUP_SEED_RATE))
            continue;
        struct gen_ep lead = g->ep[i];
        struct gen_group grp = {.child = {lead.child}, .n = 1};
        size_t first_new = g->nep;
        int want = 1 + rng_weighted(r, (const int[]){65, 25, 10}, 3);
        for (int k = 0; k < want; k++) {
            for (int attempt = 0; attempt < 8; attempt++) {
                uint32_t b = pick_companion(g, r, lead.child);
                bool dup = false;
                for (uint32_t m = 0; m < grp.n; m++)
                    dup = dup || grp.child[m] == b;
                int age = hw_age_years(g->ch[b].dob, hw_london_date(lead.last_seen));
                if (dup || age < 10 || age > 17)
                    continue;
                hw_instant off = rng_range(r, 0, 60) * HW_MINUTE;
                /* Within the hour either side (canon() may move a time an
                 * hour on when clocks go back: then try the other side). */
                hw_instant s = canon(lead.last_seen + off);
                if (s >= g->gen_end || s - lead.last_seen > HW_HOUR)
                    s = canon(lead.last_seen - off);
                if (s < g->start || s >= g->gen_end || s - lead.last_seen > HW_HOUR)
                    continue;
                hw_instant ret = canon(lead.ret + rng_range(r, -120, 120) * HW_MINUTE);
                if (ret < s + 15 * HW_MINUTE)
                    ret = canon(s + 15 * HW_MINUTE);
                if (!child_free(g, b, s - HW_HOUR, ret + HW_HOUR))
                    continue;
                struct rng er = rng_fork(r);
                add_episode(g, b, &er, s, true);
                struct gen_ep *e = &g->ep[g->nep - 1];
                e->kind = lead.kind;
                e->ret = ret;
                if (e->reported > ret)
                    e->reported = ret;
                if (rng_chance(r, 0.7))
                    e->found = lead.found; /* found together */
                e->next_extra = g->ch[b].extra;
                g->ch[b].extra = (int64_t)(g->nep - 1);
                grp.child[grp.n++] = b;
                break;
            }
        }
        if (grp.n < 2)
            continue;
        if (g->ngrp == g->capgrp) {
            g->capgrp = g->capgrp ? 2 * g->capgrp : 256;
            g->grp = hw_reallocarray(g->grp, g->capgrp, sizeof *g->grp);
        }
        g->grp[g->ngrp++] = grp;
        uint32_t id = (uint32_t)g->ngrp;
        g->ep[i].group = id;
        for (size_t j = first_new; j < g->nep; j++)
            g->ep[j].group = id;
    }
}

/* ---- `now`: open episodes ---- */

/* An episode, for sorting by last seen without touching the array itself. */
struct ep_ref {
    hw_instant last_seen;
    uint32_t seq;
    size_t i;
};

static int cmp_ref_latest_first(const void *a, const void *b)
{
    const struct ep_ref *x = a, *y = b;
    if (x->last_seen != y->last_seen)
        return x->last_seen > y->last_seen ? -1 : 1;
    return x->seq > y->seq ? -1 : x->seq < y->seq;
}

static struct ep_ref ref_of(const struct gen *g, size_t i)
{
    return (struct ep_ref){g->ep[i].last_seen, g->ep[i].seq, i};
}

/* The natural number of open episodes at `now` is about the episode rate
 * times the mean duration: ~5 at scale 1, but it varies. Keep it between
 * 3 and 10 per unit of scale (at least one) so that "missing now" always has
 * something to show, and never more than a plausible handful. */
static void settle_open(struct gen *g, struct rng *r)
{
    if (g->now == INT64_MAX || g->now < g->start || g->now >= g->end || g->nch == 0)
        return;
    double sc = g->o->scale;
    size_t min_open = (size_t)fmax(1.0, floor(3.0 * sc + 0.5));
    size_t max_open = (size_t)fmax((double)min_open, floor(10.0 * sc + 0.5));

    hw_instant *child_last = hw_calloc(g->nch, sizeof *child_last);
    hw_instant *child_ret = hw_calloc(g->nch, sizeof *child_ret);
    for (size_t i = 0; i < g->nch; i++)
        child_last[i] = child_ret[i] = INT64_MIN;
    for (size_t i = 0; i < g->nep; i++) {
        if (g->ep[i].last_seen > child_last[g->ep[i].child]) {
            child_last[g->ep[i].child] = g->ep[i].last_seen;
            child_ret[g->ep[i].child] = g->ep[i].ret;
        }
    }

    struct ep_ref *idx = hw_reallocarray(NULL, g->nep, sizeof *idx);
    size_t n = 0, open = 0;
    for (size_t i = 0; i < g->nep; i++) {
        if (g->ep[i].ret > g->now)
            open++;
        else if (g->ep[i].last_seen >= g->now - 5 * HW_DAY &&
                 g->ep[i].last_seen == child_last[g->ep[i].child])
            idx[n++] = ref_of(g, i);
    }
    qsort(idx, n, sizeof *idx, cmp_ref_latest_first);
    /* Too few: the most recent returns (of a child's latest episode, so no
     * later episode is overlapped) have not happened yet after all. */
    for (size_t k = 0; k < n && open < min_open; k++, open++)
        g->ep[idx[k].i].ret = canon(g->now + HW_HOUR + (hw_instant)(rng_exp(r, 30.0) * HW_HOUR));
    /* Still too few (small scales have quiet weeks, or now is just after the
     * start): some child goes missing in the last two days. */
    hw_instant lo = g->now - 48 * HW_HOUR < g->start ? g->start : g->now - 48 * HW_HOUR;
    uint32_t c0 = rng_below(r, (uint32_t)g->nch);
    for (size_t k = 0; k < g->nch && open < min_open; k++) {
        uint32_t ci = (uint32_t)((c0 + k) % g->nch);
        hw_instant ls = canon(lo + (hw_instant)rng_below(r, (uint32_t)((g->now - lo) / 60)) * 60);
        int age = hw_age_years(g->ch[ci].dob, hw_london_date(ls));
        if (ls >= g->now || (child_last[ci] != INT64_MIN && child_ret[ci] + HW_HOUR > ls) ||
            age < 10 || age > 17)
            continue;
        struct rng er = rng_fork(r);
        add_episode(g, ci, &er, ls, true);
        struct gen_ep *e = &g->ep[g->nep - 1];
        e->ret = canon(g->now + HW_HOUR + (hw_instant)(rng_exp(r, 30.0) * HW_HOUR));
        child_last[ci] = ls;
        child_ret[ci] = e->ret;
        open++;
    }

    /* Too many: the longest-missing are found before now. */
    idx = hw_reallocarray(idx, g->nep, sizeof *idx);
    n = 0;
    for (size_t i = 0; i < g->nep; i++)
        if (g->ep[i].ret > g->now)
            idx[n++] = ref_of(g, i);
    qsort(idx, n, sizeof *idx, cmp_ref_latest_first);
    for (size_t k = max_open; k < n; k++) {
        struct gen_ep *e = &g->ep[idx[k].i];
        hw_instant ret = canon(e->last_seen + (hw_instant)((double)(g->now - e->last_seen) *
                                                           (0.4 + 0.55 * rng_unit(r))));
        e->ret = ret > g->now ? e->last_seen : ret;
        if (e->reported > e->ret)
            e->reported = e->ret;
    }
    free(idx);
    free(child_last);
    free(child_ret);
}

static int cmp_ep(const void *a, const void *b)
{
    const struct gen_ep *x = a, *y = b;
    if (x->last_seen != y->last_seen)
        return x->last_seen < y->last_seen ? -1 : 1;
    if (x->child != y->child) /* children are numbered in index order */
        return x->child < y->child ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* ---- building the whole council ---- */

static void build(struct gen *g)
{
    const struct hw_generate_opts *o = g->o;
    struct rng r = {o->seed};
    rng_next(&r); /* seeds 0, 1, 2 ... should not start out correlated */

    double sc = o->scale;
    double rh = floor(12.0 * sqrt(sc) + 0.5);
    g->n_homes = rh < 6 ? 6 : rh > 144 ? 144 : (int)rh;
    g->n_carers = (int)fmax(20.0, floor(150.0 * sc + 0.5));
    if (g->gen_end <= g->start)
        return; /* `now` is before the covered years: nothing has happened */

    /* How much of a year the data really covers, when now cuts it short. */
    double years = (double)(g->gen_end - g->start) / (365.2425 * (double)HW_DAY);
    size_t n_occ = (size_t)fmax(1.0, floor(OCCASIONAL_PER_YEAR * sc * years + 0.5));
    size_t n_per = (size_t)floor(PERSISTENT_PER_YEAR * sc * (years + 1.0) + 0.5);
    g->nch = n_occ + n_per;
    g->ch = hw_calloc(g->nch, sizeof *g->ch);

    /* Interleave the two kinds so the IDs tell nothing about persistence. */
    bool *per = hw_calloc(g->nch, sizeof *per);
    for (size_t i = 0; i < n_per; i++)
        per[i] = true;
    for (size_t i = g->nch; i > 1; i--) {
        size_t j = rng_below(&r, (uint32_t)i);
        bool t = per[i - 1];
        per[i - 1] = per[j];
        per[j] = t;
    }
    uint32_t num = 100 + rng_below(&r, 900);
    for (size_t i = 0; i < g->nch; i++) {
        struct rng cr = rng_fork(&r);
        g->ch[i].num = num;
        num += 1 + rng_below(&r, 3); /* case-management IDs are not consecutive */
        if (per[i])
            persistent_timeline(g, (uint32_t)i, &cr);
        else
            occasional_timeline(g, (uint32_t)i, &cr);
    }
    free(per);

    struct rng gr = rng_fork(&r);
    add_groups(g, &gr);
    struct rng orng = rng_fork(&r);
    settle_open(g, &orng);
    /* A child last seen just before now has been reported already. */
    for (size_t i = 0; i < g->nep; i++)
        if (g->ep[i].reported > g->now)
            g->ep[i].reported = g->ep[i].last_seen;

    qsort(g->ep, g->nep, sizeof *g->ep, cmp_ep);
    for (size_t i = 0; i < g->nep; i++)
        g->ch[g->ep[i].child].out_n++;
}

/* ---- output ---- */

struct out_file {
    const char *name;
    char *tmp, *final;
    FILE *f;
    struct hw_csv_out csv;
    bool failed;
    int errnum; /* why it failed */
};

static void out_flush(struct out_file *f, bool force)
{
    if (f->failed || (!force && f->csv.buf.len < FLUSH_AT) || f->csv.buf.len == 0)
        return;
    if (fwrite(f->csv.buf.data, 1, f->csv.buf.len, f->f) != f->csv.buf.len) {
        f->failed = true;
        f->errnum = errno;
    }
    hw_buf_reset(&f->csv.buf);
}

static void out_row_end(struct out_file *f)
{
    hw_csv_end_row(&f->csv);
    out_flush(f, false);
}

static void out_header(struct out_file *f, const char *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        hw_csv_field(&f->csv, cols[i]);
    out_row_end(f);
}

static void field_time(struct hw_csv_out *o, hw_instant t)
{
    char buf[HW_LOCAL_LEN];
    if (t == HW_NO_TIME) {
        hw_csv_field(o, "");
        return;
    }
    hw_format_local(t, buf);
    hw_csv_field(o, buf);
}

static void field_date(struct hw_csv_out *o, hw_date d)
{
    char buf[HW_DATE_LEN];
    hw_format_date(d, buf);
    hw_csv_field(o, buf);
}

static void child_id(const struct gen *g, uint32_t ci, char *buf, size_t size)
{
    snprintf(buf, size, "C%06u", (unsigned)g->ch[ci].num);
}

static void placement_name(const struct gen_child *c, char *buf, size_t size)
{
    switch (c->placement) {
    case HW_PL_HOME:
        snprintf(buf, size, "Family home");
        break;
    case HW_PL_LA_HOME:
    case HW_PL_INDEPENDENT_HOME:
        snprintf(buf, size, "%s %s", home_prefix[c->place % NELEM(home_prefix)],
                 home_suffix[(c->place + c->place / NELEM(home_prefix)) % NELEM(home_suffix)]);
        break;
    case HW_PL_FOSTER:
        snprintf(buf, size, "Foster carer F%04u", (unsigned)c->place);
        break;
    case HW_PL_SUPPORTED:
        snprintf(buf, size, "%s", supported_names[c->place]);
        break;
    case HW_PL_OTHER:
        snprintf(buf, size, "%s", other_names[c->place]);
        break;
    default:
        buf[0] = '\0';
    }
}

static const char *yes_no(bool b)
{
    return b ? "y" : "n";
}

static void write_children(const struct gen *g, struct out_file *f)
{
    static const char *const cols[] = {"child_id",
                                       "first_name",
                                       "last_name",
                                       "date_of_birth",
                                       "gender",
                                       "ethnicity",
                                       "responsible_authority",
                                       "case_status",
                                       "flags",
                                       "placement_type",
                                       "placement_name",
                                       "out_of_area",
                                       "team",
                                       "worker",
                                       "school"};
    out_header(f, cols, NELEM(cols));
    char buf[128];
    for (size_t i = 0; i < g->nch; i++) {
        const struct gen_child *c = &g->ch[i];
        if (c->out_n == 0)
            continue;
        struct hw_csv_out *o = &f->csv;
        child_id(g, (uint32_t)i, buf, sizeof buf);
        hw_csv_field(o, buf);
        hw_csv_field(o, c->gender == 0   ? first_male[c->first]
                        : c->gender == 1 ? first_female[c->first]
                                         : first_other[c->first]);
        hw_csv_field(o, last_names[c->last]);
        field_date(o, c->dob);
        hw_csv_field(o, c->gender == 0 ? "male" : c->gender == 1 ? "female" : "other");
        hw_csv_field(o, ethnicities[c->ethnicity]);
        hw_csv_field(o, c->ola ? councils[c->ola - 1] : "");
        hw_csv_field(o, hw_code_name(hw_case_status_codes, c->case_status));
        struct hw_buf fl = {0};
        for (const struct hw_code *fc = hw_flag_codes; fc->code; fc++) {
            if (!has_flag(c, fc->value))
                continue;
            if (fl.len)
                hw_buf_putc(&fl, ';');
            hw_buf_puts(&fl, fc->code);
        }
        hw_csv_field(o, fl.data ? fl.data : "");
        hw_buf_free(&fl);
        hw_csv_field(o, hw_code_name(hw_placement_codes, c->placement));
        placement_name(c, buf, sizeof buf);
        hw_csv_field(o, buf);
        hw_csv_field(o, yes_no(c->ooa));
        hw_csv_field(o, c->team ? teams[c->team - 1] : "");
        hw_csv_field(o, c->worker ? workers[c->worker - 1] : "");
        hw_csv_field(o, schools[c->school]);
        out_row_end(f);
    }
}

static void episode_id(size_t i, char *buf, size_t size)
{
    snprintf(buf, size, "E%07zu", i + 1);
}

static size_t write_episodes(const struct gen *g, struct out_file *f, struct rng *r)
{
    static const char *const cols[] = {"episode_id",   "child_id",           "kind",
                                       "last_seen",    "reported",           "returned",
                                       "risk",         "missing_from_type",  "missing_from_name",
                                       "out_of_area",  "case_status",        "police_ref",
                                       "harmed",       "crime_while_absent", "found_location",
                                       "with_children"};
    out_header(f, cols, NELEM(cols));
    /* Police references run on through each calendar year, with other
     * incidents' numbers in between. */
    int ref_year = -1;
    unsigned ref = 0, step = (unsigned)fmax(2.0, 20.0 / g->o->scale);
    size_t open = 0;
    char buf[160];
    for (size_t i = 0; i < g->nep; i++) {
        const struct gen_ep *e = &g->ep[i];
        const struct gen_child *c = &g->ch[e->child];
        struct hw_csv_out *o = &f->csv;
        episode_id(i, buf, sizeof buf);
        hw_csv_field(o, buf);
        child_id(g, e->child, buf, sizeof buf);
        hw_csv_field(o, buf);
        hw_csv_field(o, hw_code_name(hw_kind_codes, e->kind));
        field_time(o, e->last_seen);
        field_time(o, e->reported);
        bool is_open = e->ret > g->now;
        open += is_open;
        field_time(o, is_open ? HW_NO_TIME : e->ret);
        hw_csv_field(o, hw_code_name(hw_risk_codes, e->risk));
        hw_csv_field(o, hw_code_name(hw_placement_codes, c->placement));
        placement_name(c, buf, sizeof buf);
        hw_csv_field(o, buf);
        hw_csv_field(o, yes_no(c->ooa));
        hw_csv_field(o, hw_code_name(hw_case_status_codes, c->case_status));

        struct hw_local l;
        hw_london_from_instant(e->last_seen, &l);
        if (l.year != ref_year) {
            ref_year = l.year;
            ref = 100 + rng_below(r, 2000);
        }
        ref += 1 + rng_below(r, step);
        /* Away-without-authorisation is often handled without the police. */
        if (e->kind == HW_KIND_ABSENT && rng_chance(r, 0.6))
            hw_csv_field(o, "");
        else
            hw_csv_fieldf(o, "MP/%02d/%06u", l.year % 100, ref);

        /* What happened while missing is known only once the child is back. */
        hw_csv_field(o, is_open ? "" : yes_no(e->harmed));
        hw_csv_field(o, is_open ? "" : yes_no(e->crime));
        hw_csv_field(o, is_open ? "" : found_locations[e->found]);
        if (e->group) {
            const struct gen_group *gp = &g->grp[e->group - 1];
            struct hw_buf w = {0};
            for (uint32_t m = 0; m < gp->n; m++) {
                if (gp->child[m] == e->child)
                    continue;
                child_id(g, gp->child[m], buf, sizeof buf);
                if (w.len)
                    hw_buf_putc(&w, ';');
                hw_buf_puts(&w, buf);
            }
            hw_csv_field(o, w.data ? w.data : "");
            hw_buf_free(&w);
        } else {
            hw_csv_field(o, "");
        }
        out_row_end(f);
    }
    return open;
}

/* DOMAIN.md criterion 1: six hours or more covering any time 00:00-06:00. */
static bool overnight(hw_instant ls, hw_instant ret)
{
    if (ret - ls < 6 * HW_HOUR)
        return false;
    for (hw_date d = hw_london_date(ls); d <= hw_london_date(ret); d++) {
        hw_instant s = hw_london_day_start(d);
        if (ls < s + 6 * HW_HOUR && ret > s)
            return true;
    }
    return false;
}

static size_t write_interviews(const struct gen *g, struct out_file *f, struct rng *r)
{
    static const char *const cols[] = {
        "interview_id", "child_id",  "episode_ids",        "decision",       "decision_reason",
        "offered",      "outcome",   "completed",          "conducted_by",   "reasons",
        "risks",        "screening", "shared_with_police", "lateness_reason"};
    out_header(f, cols, NELEM(cols));
    if (g->nep == 0)
        return 0;

    /* Each episode's neighbours in its child's timeline. */
    size_t none = SIZE_MAX;
    size_t *prev = hw_reallocarray(NULL, g->nep, sizeof *prev);
    size_t *next = hw_reallocarray(NULL, g->nep, sizeof *next);
    size_t *last = hw_reallocarray(NULL, g->nch ? g->nch : 1, sizeof *last);
    bool *covered = hw_calloc(g->nep, sizeof *covered);
    for (size_t i = 0; i < g->nch; i++)
        last[i] = none;
    for (size_t i = 0; i < g->nep; i++) {
        uint32_t c = g->ep[i].child;
        prev[i] = last[c];
        next[i] = none;
        if (last[c] != none)
            next[last[c]] = i;
        last[c] = i;
    }

    size_t count = 0;
    char buf[64], buf2[64];
    for (size_t i = 0; i < g->nep; i++) {
        const struct gen_ep *e = &g->ep[i];
        const struct gen_child *c = &g->ch[e->child];
        /* Interviews are for our own children's returned missing episodes. */
        if (covered[i] || c->ola || e->kind != HW_KIND_MISSING || e->ret > g->now)
            continue;

        bool fired = overnight(e->last_seen, e->ret) || e->ret - e->last_seen > 9 * HW_HOUR ||
                     (prev[i] != none && e->last_seen - g->ep[prev[i]].last_seen <= 28 * HW_DAY) ||
                     e->harmed || e->crime || exploitation_flagged(c);
        int decision;
        if (fired)
            decision = rng_chance(r, 0.93) ? HW_DEC_REQUIRED : HW_DEC_JUDGEMENT;
        else
            decision = rng_chance(r, 0.6) ? HW_DEC_NOT_REQUIRED : HW_DEC_JUDGEMENT;

        /* One interview may cover a second episode within 7 days (003 §12.3),
         * counted last seen to last seen as the importer checks. */
        size_t j = next[i];
        hw_instant base = e->ret; /* the return the interview follows */
        bool pair = decision != HW_DEC_NOT_REQUIRED && j != none &&
                    g->ep[j].kind == HW_KIND_MISSING && g->ep[j].ret <= g->now &&
                    g->ep[j].last_seen - e->last_seen <= 7 * HW_DAY && rng_chance(r, 0.16);
        if (pair) {
            covered[j] = true;
            base = g->ep[j].ret;
        }
        size_t after = pair ? next[j] : next[i];
        bool gone_again = after != none && g->ep[after].last_seen - base <= 72 * HW_HOUR;

        hw_instant offered = HW_NO_TIME, completed = HW_NO_TIME;
        int outcome = HW_OUT_UNSET;
        if (decision == HW_DEC_NOT_REQUIRED) {
            outcome = HW_OUT_NOT_REQUIRED;
        } else if (rng_chance(r, decision == HW_DEC_REQUIRED ? 0.82 : 0.55)) {
            double u = rng_unit(r);
            offered = canon(base + (hw_instant)(u * u * 72.0 * (double)HW_HOUR));
            double p_done = c->persistent ? 0.64 : 0.73, p_decl = c->persistent ? 0.22 : 0.18;
            u = rng_unit(r);
            if (gone_again && rng_chance(r, 0.1))
                outcome = HW_OUT_UNAVAILABLE;
            else if (u < p_done)
                outcome = HW_OUT_COMPLETED;
            else if (u < p_done + p_decl)
                outcome = HW_OUT_DECLINED;
            else
                outcome = HW_OUT_UNAVAILABLE;
            if (outcome == HW_OUT_COMPLETED) {
                /* Most within 72 hours of the return; a quarter late. */
                hw_instant due = base + 72 * HW_HOUR;
                if (rng_chance(r, 0.75) && due > offered)
                    completed = offered + (hw_instant)(rng_unit(r) * (double)(due - offered));
                else
                    completed = due + (hw_instant)((1.0 + rng_unit(r) * 167.0) * HW_HOUR);
                completed = canon(completed);
                if (completed < offered)
                    completed = offered;
            }
            if (offered > g->now) {
                offered = completed = HW_NO_TIME;
                outcome = HW_OUT_PENDING;
            } else if (completed > g->now ||
                       (outcome != HW_OUT_COMPLETED && base + 5 * HW_DAY > g->now)) {
                completed = HW_NO_TIME;
                outcome = HW_OUT_PENDING; /* still being arranged */
            }
        } else if (gone_again) {
            outcome = HW_OUT_UNAVAILABLE;
        } else if (base + 14 * HW_DAY > g->now) {
            outcome = HW_OUT_PENDING;
        } /* else never offered and nothing recorded: a gap the reports show */

        struct hw_csv_out *o = &f->csv;
        hw_csv_fieldf(o, "I%07zu", ++count);
        child_id(g, e->child, buf, sizeof buf);
        hw_csv_field(o, buf);
        episode_id(i, buf, sizeof buf);
        if (pair) {
            episode_id(j, buf2, sizeof buf2);
            hw_csv_fieldf(o, "%s;%s", buf, buf2);
        } else {
            hw_csv_field(o, buf);
        }
        hw_csv_field(o, hw_code_name(hw_decision_codes, decision));
        /* Every decision but "required" says why (no draw: the stream of
         * random numbers is the same as without it). */
        if (decision == HW_DEC_NOT_REQUIRED)
            hw_csv_field(o, not_required_why[i % NELEM(not_required_why)]);
        else if (decision == HW_DEC_JUDGEMENT)
            hw_csv_field(o, judgement_why[i % NELEM(judgement_why)]);
        else
            hw_csv_field(o, "");
        field_time(o, offered);
        hw_csv_field(o, hw_code_name(hw_outcome_codes, outcome));
        field_time(o, completed);
        if (outcome != HW_OUT_COMPLETED) {
            for (int k = 0; k < 6; k++)
                hw_csv_field(o, "");
            out_row_end(f);
            continue;
        }

        bool flagged = exploitation_flagged(c);
        int by;
        if (c->ooa && rng_chance(r, 0.6))
            by = HW_BY_PROVIDER; /* spot-purchased for children placed far away */
        else if (c->case_status == HW_CS_CLA && rng_chance(r, 0.45))
            by = HW_BY_ALLOCATED_WORKER;
        else
            by = rng_chance(r, 0.85) ? HW_BY_INDEPENDENT : HW_BY_ALLOCATED_WORKER;
        hw_csv_field(o, hw_code_name(hw_conducted_by_codes, by));

        /* Reasons: 1-3, leaning on the child's circumstances (Derby's counts,
         * 004 section 9: wanting independence and friends lead). */
        bool home = c->placement == HW_PL_HOME;
        int w[NELEM(reasons_list)] = {flagged ? 8 : 1,
                                      c->case_status == HW_CS_CLA ? 20 : 2,
                                      home ? 18 : 8,
                                      25,
                                      30,
                                      flagged ? 12 : 3,
                                      home ? 14 : 6,
                                      flagged ? 16 : 1,
                                      home ? 6 : 2};
        unsigned chosen = 0;
        int nr = 1 + rng_weighted(r, (const int[]){55, 32, 13}, 3);
        for (int k = 0; k < nr; k++)
            chosen |= 1u << rng_weighted(r, w, (int)NELEM(w));
        struct hw_buf rs = {0};
        for (unsigned k = 0; k < NELEM(reasons_list); k++) {
            if (!(chosen >> k & 1u))
                continue;
            if (rs.len)
                hw_buf_putc(&rs, ';');
            hw_buf_puts(&rs, reasons_list[k]);
        }
        hw_csv_field(o, rs.data);
        hw_buf_free(&rs);
        if (flagged && rng_chance(r, 0.8))
            hw_csv_field(o, risks_flagged[rng_below(r, NELEM(risks_flagged))]);
        else
            hw_csv_field(o, risks_ordinary[rng_below(r, NELEM(risks_ordinary))]);
        int scr = flagged ? 1 + rng_weighted(r, (const int[]){15, 30, 35, 20}, 4)
                          : 1 + rng_weighted(r, (const int[]){70, 22, 7, 1}, 4);
        hw_csv_field(o, hw_code_name(hw_screening_codes, scr));
        /* Shared with the police a few days later, for most. */
        hw_date shared = hw_london_date(completed) + rng_range(r, 0, 5);
        if (rng_chance(r, 0.85) && (g->now == INT64_MAX || shared <= hw_london_date(g->now)))
            field_date(o, shared);
        else
            hw_csv_field(o, "");
        /* Completed after 72 hours from the first return: the main reason,
         * as a worker would record it (004 section 10). */
        hw_instant due = e->ret + 72 * HW_HOUR;
        int late = HW_LATE_UNSET;
        if (completed > due) {
            late = HW_LATE_WORKER_AVAILABILITY;
            if (gone_again)
                late = HW_LATE_MISSING_AGAIN;
            else if (!hw_is_working_day(hw_london_date(due)))
                late = HW_LATE_WEEKEND_BANK_HOLIDAY; /* due on a day off */
        }
        hw_csv_field(o, hw_code_name(hw_lateness_codes, late));
        out_row_end(f);
    }
    free(prev);
    free(next);
    free(last);
    free(covered);
    return count;
}

/* ---- files ---- */

/* ---- periods of care ---- */

/* A child's episodes as far as its periods of care need them. */
struct span {
    hw_instant first_ls;         /* HW_NO_TIME: no episode */
    hw_instant last_ret;         /* the latest return; INT64_MAX while one is open */
    hw_instant gap_from, gap_to; /* the longest time between two episodes */
};

/* The children of this council looked after (case status "child in care")
 * get periods of care that hold every one of their episodes: from a start
 * drawn 30 to 1,200 days before the first episode (never before the day
 * after birth) to the 18th birthday (REC E8; later when the child was still
 * away then, never while an episode is open), or, for some, to a return
 * home after the last episode (REC E4A); a child with a quiet spell of 90
 * days or more between episodes may have gone home then and come back into
 * care (two periods). The draws come from their own stream, so the other
 * three files are the same with or without this one. */
static size_t write_care_periods(const struct gen *g, struct out_file *f)
{
    out_header(f, hw_care_period_columns, HW_CARE_PERIOD_COLUMNS);
    struct span *sp = hw_calloc(g->nch ? g->nch : 1, sizeof *sp);
    for (size_t i = 0; i < g->nch; i++)
        sp[i].first_ls = HW_NO_TIME;
    for (size_t i = 0; i < g->nep; i++) {
        const struct gen_ep *e = &g->ep[i];
        struct span *s = &sp[e->child];
        hw_instant ret = e->ret > g->now ? INT64_MAX : e->ret;
        if (s->first_ls == HW_NO_TIME) {
            s->first_ls = e->last_seen;
            s->last_ret = ret;
            continue;
        }
        if (s->last_ret != INT64_MAX && e->last_seen - s->last_ret > s->gap_to - s->gap_from) {
            s->gap_from = s->last_ret;
            s->gap_to = e->last_seen;
        }
        if (ret > s->last_ret)
            s->last_ret = ret;
    }

    struct rng r = {g->o->seed ^ 0x9E3779B97F4A7C15ull};
    rng_next(&r);
    hw_date data_end = g->last_day;
    size_t n = 0;
    char buf[128];
    for (size_t i = 0; i < g->nch; i++) {
        const struct gen_child *c = &g->ch[i];
        const struct span *s = &sp[i];
        if (c->ola || c->case_status != HW_CS_CLA || c->out_n == 0 || s->first_ls == HW_NO_TIME)
            continue;
        struct rng cr = rng_fork(&r);
        hw_date first = hw_london_date(s->first_ls);
        hw_date decom = first - rng_range(&cr, 30, 1200);
        if (decom <= c->dob)
            decom = c->dob + 1;
        if (decom > first)
            decom = first;
        hw_date dec = HW_NO_DATE;
        const char *rec = NULL;
        if (s->last_ret != INT64_MAX) {
            hw_date back = hw_london_date(s->last_ret);
            if (c->adult <= data_end) {
                dec = back > c->adult ? back : c->adult;
                rec = "E8";
            } else if (rng_chance(&cr, 0.2) && back + 60 <= data_end) {
                dec = back + rng_range(&cr, 14,
                                       (int)(data_end - back) < 180 ? (int)(data_end - back) : 180);
                rec = dec < c->adult ? "E4A" : "E8";
            }
        }
        /* Home for a while between two spells of care. */
        hw_date home_from = HW_NO_DATE, home_to = HW_NO_DATE;
        hw_date gf = hw_london_date(s->gap_from), gt = hw_london_date(s->gap_to);
        if (s->gap_to > s->gap_from && gt - gf >= 90 && rng_chance(&cr, 0.3)) {
            home_from = gf + rng_range(&cr, 1, (int)(gt - gf) / 3);
            home_to = gt - rng_range(&cr, 1, (int)(gt - gf) / 3);
        }
        static const char *const ls_codes[] = {"C2", "V2", "C1"};
        static const int ls_w[] = {60, 32, 8};
        static const char *const cin_codes[] = {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"};
        static const int cin_w[] = {62, 3, 4, 7, 15, 3, 1, 5};
        const char *place, *provider;
        switch (c->placement) {
        case HW_PL_LA_HOME:
            place = "K2", provider = "PR1";
            break;
        case HW_PL_INDEPENDENT_HOME:
            place = "K2", provider = "PR4";
            break;
        case HW_PL_SUPPORTED:
            place = "H5", provider = "PR4";
            break;
        case HW_PL_OTHER:
            place = "U3", provider = "PR1";
            break;
        default:
            place = rng_chance(&cr, 0.6) ? "U4" : "U6";
            provider = rng_chance(&cr, 0.7) ? "PR1" : "PR4";
        }
        char urn[16];
        if (strcmp(place, "K2") == 0)
            snprintf(urn, sizeof urn, "SC%06u", (unsigned)(400000 + c->place * 37 % 100000));
        else
            snprintf(urn, sizeof urn, "XXXXXXX");
        for (int k = 0; k < (home_from != HW_NO_DATE ? 2 : 1); k++) {
            bool last = home_from == HW_NO_DATE || k == 1;
            hw_date from = k == 0 ? decom : home_to;
            hw_date to = last ? dec : home_from;
            const char *why = last ? rec : "E4A";
            struct hw_csv_out *o = &f->csv;
            child_id(g, (uint32_t)i, buf, sizeof buf);
            hw_csv_field(o, buf);
            field_date(o, from);
            if (to == HW_NO_DATE)
                hw_csv_field(o, "");
            else
                field_date(o, to);
            hw_csv_field(o, to == HW_NO_DATE ? "" : why);
            hw_csv_field(o, "S");
            hw_csv_field(o, ls_codes[rng_weighted(&cr, ls_w, (int)NELEM(ls_w))]);
            hw_csv_field(o, cin_codes[rng_weighted(&cr, cin_w, (int)NELEM(cin_w))]);
            hw_csv_field(o, place);
            hw_csv_field(o, provider);
            hw_csv_field(o, "");
            hw_csv_field(o, "");
            hw_csv_field(o, "");
            hw_csv_field(o, urn);
            out_row_end(f);
            n++;
        }
    }
    free(sp);
    return n;
}

static int check_opts(const struct hw_generate_opts *o, struct hw_err *err)
{
    if (o->years < 1 || o->years > 50)
        return hw_fail(err, HW_EINPUT, "generate: years must be 1 to 50, not %d", o->years);
    if (!(o->scale > 0.0) || o->scale > 10000.0)
        return hw_fail(err, HW_EINPUT, "generate: scale must be above 0 and at most 10000");
    int first = o->end_year - o->years + 1;
    if (first < HW_YEAR_MIN + 25 || o->end_year + 2 > HW_YEAR_MAX)
        return hw_fail(err, HW_EINPUT, "generate: end year %d is out of range (%d to %d)",
                       o->end_year, HW_YEAR_MIN + 25 + o->years - 1, HW_YEAR_MAX - 2);
    return 0;
}

#define NFILES 4 /* children, episodes, interviews, periods of care */

static void discard(struct out_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (files[i].f) {
            fclose(files[i].f);
            files[i].f = NULL;
        }
        if (files[i].tmp)
            remove(files[i].tmp);
    }
}

int hw_generate_counted(const struct hw_generate_opts *o, const char *dir,
                        struct hw_generate_counts *counts, struct hw_err *err)
{
    if (check_opts(o, err) != 0)
        return -1;
    struct stat st;
    if (stat(dir, &st) != 0)
        return hw_fail(err, HW_EINPUT, "cannot write %s/children.csv: directory %s: %s", dir, dir,
                       strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return hw_fail(err, HW_EINPUT, "cannot write %s/children.csv: %s is not a directory", dir,
                       dir);

    struct gen g = {.o = o};
    g.start = hw_london_month_start(o->end_year - o->years + 1, 4);
    g.end = hw_london_month_start(o->end_year + 1, 4);
    g.now = o->now == HW_NO_TIME ? INT64_MAX : o->now;
    g.gen_end = g.now < g.end ? g.now : g.end;
    g.start_day = hw_london_date(g.start);
    g.last_day = hw_london_date(g.gen_end > g.start ? g.gen_end - 1 : g.start);
    build(&g);

    struct out_file files[NFILES] = {{.name = "children.csv"},
                                     {.name = "episodes.csv"},
                                     {.name = "interviews.csv"},
                                     {.name = "care_periods.csv"}};
    int rc = 0;
    for (size_t i = 0; i < NFILES && rc == 0; i++) {
        files[i].final = hw_asprintf("%s/%s", dir, files[i].name);
        files[i].tmp = hw_asprintf("%s/%s.tmp", dir, files[i].name);
        files[i].f = fopen(files[i].tmp, "wb");
        if (files[i].f == NULL) {
            rc = hw_fail(err, HW_EINTERNAL, "cannot write %s: %s", files[i].tmp, strerror(errno));
            free(files[i].tmp);
            files[i].tmp = NULL; /* not ours to remove */
        }
    }

    struct hw_generate_counts cnt = {0};
    if (rc == 0) {
        struct rng wr = {o->seed ^ 0xA0761D6478BD642Full};
        write_children(&g, &files[0]);
        for (size_t i = 0; i < g.nch; i++)
            cnt.children += g.ch[i].out_n > 0;
        cnt.episodes = g.nep;
        cnt.open_episodes = write_episodes(&g, &files[1], &wr);
        cnt.interviews = write_interviews(&g, &files[2], &wr);
        cnt.care_periods = write_care_periods(&g, &files[3]);
        for (size_t i = 0; i < NFILES && rc == 0; i++) {
            struct out_file *f = &files[i];
            out_flush(f, true);
            FILE *fp = f->f;
            f->f = NULL;
            if (!f->failed && (fflush(fp) != 0 || ferror(fp))) {
                f->failed = true;
                f->errnum = errno;
            }
            if (fclose(fp) != 0 && !f->failed) {
                f->failed = true;
                f->errnum = errno;
            }
            if (f->failed)
                rc = hw_fail(err, HW_EINTERNAL, "cannot write %s: %s", f->tmp,
                             f->errnum ? strerror(f->errnum) : "write failed");
        }
    }
    /* Only when all four are complete do they replace anything. */
    for (size_t i = 0; i < NFILES && rc == 0; i++) {
        if (rename(files[i].tmp, files[i].final) != 0)
            rc = hw_fail(err, HW_EINTERNAL, "cannot write %s: %s", files[i].final, strerror(errno));
        else {
            free(files[i].tmp);
            files[i].tmp = NULL;
        }
    }
    if (rc != 0)
        discard(files, NFILES);
    for (size_t i = 0; i < NFILES; i++) {
        free(files[i].tmp);
        free(files[i].final);
        hw_buf_free(&files[i].csv.buf);
    }
    free(g.ch);
    free(g.ep);
    free(g.grp);
    free(g.by_key);
    if (rc == 0 && counts)
        *counts = cnt;
    return rc;
}

int hw_generate(const struct hw_generate_opts *o, const char *dir, struct hw_err *err)
{
    return hw_generate_counted(o, dir, NULL, err);
}

void hw_generate_summary(const struct hw_generate_counts *c, struct hw_buf *out)
{
    hw_buf_printf(out,
                  "children.csv: %zu rows, episodes.csv: %zu rows (%zu open), "
                  "interviews.csv: %zu rows, care_periods.csv: %zu rows",
                  c->children, c->episodes, c->open_episodes, c->interviews, c->care_periods);
}
