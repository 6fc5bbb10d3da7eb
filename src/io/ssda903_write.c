/* ssda903_write.c - the SSDA903 Missing table from Homeward's records. */
#include "io/ssda903_write.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/domain.h"
#include "io/csv_write.h"

struct kid {
    char *id;
    hw_date dob;
    char *gender, *ethnicity;
    char *ra;
    int case_status;
    bool in; /* in the return: has a Missing row or a period of care in the year */
};

struct row {
    size_t kid; /* index into kids */
    char *episode_id;
    int kind;
    hw_instant last_seen;
    hw_date start, end; /* end: HW_NO_DATE while open (at 31 March) */
};

struct build {
    struct kid *kids;
    size_t nkids, capkids;
    struct row *rows;
    size_t nrows, caprows;
    struct hw_care_period *periods;
    size_t nperiods, capperiods;
    hw_date year_start, year_end; /* 1 April, 31 March */
};

static int on_child(void *ctx, const void *rec)
{
    struct build *b = ctx;
    const struct hw_child *c = rec;
    if (b->nkids == b->capkids) {
        b->capkids = b->capkids ? 2 * b->capkids : 64;
        b->kids = hw_reallocarray(b->kids, b->capkids, sizeof *b->kids);
    }
    b->kids[b->nkids++] = (struct kid){hw_strdup(c->id),
                                       c->dob,
                                       hw_strdup(c->gender),
                                       hw_strdup(c->ethnicity),
                                       hw_strdup(c->responsible_authority),
                                       c->case_status,
                                       false};
    return 0;
}

static int kid_cmp(const void *a, const void *b)
{
    return strcmp(((const struct kid *)a)->id, ((const struct kid *)b)->id);
}

static int on_episode(void *ctx, const void *rec)
{
    struct build *b = ctx;
    const struct hw_episode *e = rec;
    struct kid key = {.id = e->child_id};
    const struct kid *k =
        e->child_id ? bsearch(&key, b->kids, b->nkids, sizeof *b->kids, kid_cmp) : NULL;
    if (k == NULL || (k->ra && *k->ra) || e->last_seen == HW_NO_TIME)
        return 0;
    /* Looked after at the time: the episode's own case status when it has
     * one, else the child's current status. */
    int cs = e->case_status != HW_CS_UNSET ? e->case_status : k->case_status;
    if (cs != HW_CS_CLA || (e->kind != HW_KIND_MISSING && e->kind != HW_KIND_ABSENT))
        return 0;
    hw_date start = hw_london_date(e->last_seen);
    hw_date end = e->returned == HW_NO_TIME ? HW_NO_DATE : hw_london_date(e->returned);
    if (start > b->year_end || (end != HW_NO_DATE && end < b->year_start))
        return 0;
    if (end != HW_NO_DATE && end > b->year_end)
        end = HW_NO_DATE; /* still missing at 31 March */
    if (b->nrows == b->caprows) {
        b->caprows = b->caprows ? 2 * b->caprows : 64;
        b->rows = hw_reallocarray(b->rows, b->caprows, sizeof *b->rows);
    }
    b->rows[b->nrows++] =
        (struct row){(size_t)(k - b->kids), hw_strdup(e->id), e->kind, e->last_seen, start, end};
    return 0;
}

static int on_period(void *ctx, const struct hw_care_period *p)
{
    struct build *b = ctx;
    if (b->nperiods == b->capperiods) {
        b->capperiods = b->capperiods ? 2 * b->capperiods : 64;
        b->periods = hw_reallocarray(b->periods, b->capperiods, sizeof *b->periods);
    }
    b->periods[b->nperiods++] = hw_care_period_copy(p);
    return 0;
}

static const struct kid *find_kid(const struct build *b, const char *id)
{
    struct kid key = {.id = (char *)id};
    return id ? bsearch(&key, b->kids, b->nkids, sizeof *b->kids, kid_cmp) : NULL;
}

static int row_cmp(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    if (a->kid != b->kid)
        return a->kid < b->kid ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->last_seen != b->last_seen)
        return a->last_seen < b->last_seen ? -1 : 1;
    return strcmp(a->episode_id, b->episode_id);
}

static struct hw_903_date valid(hw_date d)
{
    if (d == HW_NO_DATE)
        return (struct hw_903_date){HW_903_BLANK, 0, NULL};
    return (struct hw_903_date){HW_903_VALID, d, NULL};
}

/* The Header's SEX: 1 male, 2 female, blank otherwise. */
static const char *sex_code(const char *g)
{
    char low[16];
    size_t n = 0;
    if (g == NULL)
        return "";
    for (; g[n] && n < sizeof low - 1; n++)
        low[n] = (char)tolower((unsigned char)g[n]);
    low[n] = '\0';
    if (!strcmp(low, "male") || !strcmp(low, "m") || !strcmp(low, "boy") || !strcmp(low, "1"))
        return "1";
    if (!strcmp(low, "female") || !strcmp(low, "f") || !strcmp(low, "girl") || !strcmp(low, "2"))
        return "2";
    return "";
}

/* The Header's ETHNIC: a 903 code as recorded (four letters), or the code
 * of the few descriptions Homeward's own data uses; blank otherwise. */
static const char *ethnic_code(const char *e)
{
    static const struct {
        const char *text, *code;
    } map[] = {
        {"white british", "WBRI"}, {"white irish", "WIRI"},   {"white other", "WOTH"},
        {"mixed", "MOTH"},         {"black british", "BOTH"}, {"asian british", "AOTH"},
        {"chinese", "CHNE"},       {"other", "OOTH"},         {"refused", "REFU"},
    };
    if (e == NULL)
        return "";
    size_t n = strlen(e);
    if (n == 4) {
        bool code = true;
        for (size_t i = 0; i < n; i++)
            code = code && isupper((unsigned char)e[i]);
        if (code)
            return e;
    }
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcasecmp(map[i].text, e) == 0)
            return map[i].code;
    return "";
}

int hw_903_export_build(struct hw_store *s, int fy, struct hw_903_export *out, struct hw_err *err)
{
    struct build b = {0};
    int rc = -1;
    b.year_start = hw_date_from_ymd(fy, 4, 1);
    b.year_end = hw_date_from_ymd(fy + 1, 3, 31);
    struct hw_filter cf = {0};
    if (hw_store_list(s, HW_REC_CHILD, &cf, on_child, &b, err) < 0)
        goto done;
    qsort(b.kids, b.nkids, sizeof *b.kids, kid_cmp);
    struct hw_filter ef = {0};
    ef.active_since = hw_london_day_start(b.year_start);
    ef.to = hw_london_day_start(b.year_end + 1);
    if (hw_store_list(s, HW_REC_EPISODE, &ef, on_episode, &b, err) < 0)
        goto done;
    qsort(b.rows, b.nrows, sizeof *b.rows, row_cmp);
    if (hw_store_list_care_periods(s, NULL, on_period, &b, err) < 0)
        goto done;
    out->have_periods = b.nperiods > 0;

    /* Who is in the return: a Missing row, or a period of care in the year
     * (of this council's children). */
    for (size_t i = 0; i < b.nrows; i++)
        b.kids[b.rows[i].kid].in = true;
    for (size_t i = 0; i < b.nperiods; i++) {
        const struct hw_care_period *p = &b.periods[i];
        struct kid *k = (struct kid *)find_kid(&b, p->child_id);
        if (k && !(k->ra && *k->ra) && p->decom <= b.year_end &&
            (p->dec == HW_NO_DATE || p->dec >= b.year_start))
            k->in = true;
    }

    struct hw_903_data *d = &out->data;
    size_t nin = 0;
    for (size_t i = 0; i < b.nkids; i++)
        nin += b.kids[i].in;
    out->children = hw_calloc(nin ? nin : 1, sizeof *out->children);
    for (size_t i = 0; i < b.nkids; i++) {
        const struct kid *k = &b.kids[i];
        if (!k->in)
            continue;
        struct hw_903_out_child *c = &out->children[d->nheader];
        c->child_id = hw_strdup(k->id);
        c->sex = hw_strdup(sex_code(k->gender));
        c->ethnic = hw_strdup(ethnic_code(k->ethnicity));
        c->dob = k->dob;
        struct hw_903_header *h = hw_903_add_header(d);
        h->child = hw_903_text(d, k->id, strlen(k->id));
        h->sex = hw_903_text(d, c->sex, strlen(c->sex));
        h->dob = valid(k->dob);
    }

    out->periods = hw_calloc(b.nperiods ? b.nperiods : 1, sizeof *out->periods);
    for (size_t i = 0; i < b.nperiods; i++) {
        struct hw_care_period *p = &b.periods[i];
        const struct kid *k = find_kid(&b, p->child_id);
        if (k == NULL || !k->in || p->decom > b.year_end ||
            (p->dec != HW_NO_DATE && p->dec < b.year_start))
            continue;
        if (p->dec != HW_NO_DATE && p->dec > b.year_end) {
            /* Still looked after on 31 March: open in this year's return. */
            p->dec = HW_NO_DATE;
            free((char *)p->rec);
            p->rec = NULL;
        }
        out->periods[d->nepisodes] = *p;
        memset(p, 0, sizeof *p);
        struct hw_903_episode *e = hw_903_add_episode(d);
        const struct hw_care_period *q = &out->periods[d->nepisodes - 1];
        e->child = hw_903_text(d, q->child_id, strlen(q->child_id));
        e->rne = hw_903_text(d, q->rne ? q->rne : "", q->rne ? strlen(q->rne) : 0);
        e->ls = hw_903_text(d, q->ls ? q->ls : "", q->ls ? strlen(q->ls) : 0);
        e->rec = hw_903_text(d, q->rec ? q->rec : "", q->rec ? strlen(q->rec) : 0);
        e->decom = valid(q->decom);
        e->dec = valid(q->dec);
    }

    out->rows = hw_calloc(b.nrows ? b.nrows : 1, sizeof *out->rows);
    for (size_t i = 0; i < b.nrows; i++) {
        const struct row *r = &b.rows[i];
        const struct kid *k = &b.kids[r->kid];
        struct hw_903_missing *m = hw_903_add_missing(d, false);
        m->child = hw_903_text(d, k->id, strlen(k->id));
        m->missing = hw_903_text(d, r->kind == HW_KIND_MISSING ? "M" : "A", 1);
        m->dob = valid(k->dob);
        m->start = valid(r->start);
        m->end = valid(r->end);
        out->rows[i].child_id = hw_strdup(k->id);
        out->rows[i].episode_id = r->episode_id;
        b.rows[i].episode_id = NULL;
    }
    rc = 0;
done:
    for (size_t i = 0; i < b.nkids; i++) {
        free(b.kids[i].id);
        free(b.kids[i].gender);
        free(b.kids[i].ethnicity);
        free(b.kids[i].ra);
    }
    for (size_t i = 0; i < b.nrows; i++)
        free(b.rows[i].episode_id);
    for (size_t i = 0; i < b.nperiods; i++)
        hw_care_period_free(&b.periods[i]);
    free(b.periods);
    free(b.kids);
    free(b.rows);
    return rc;
}

void hw_903_export_csv(const struct hw_903_export *x, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    char buf[HW_903_DATE_LEN];
    const char *cols[] = {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        hw_csv_field(&o, cols[i]);
    hw_csv_end_row(&o);
    for (size_t i = 0; i < x->data.nmissing; i++) {
        const struct hw_903_missing *m = &x->data.missing[i];
        hw_csv_field(&o, x->rows[i].child_id);
        hw_csv_field(&o, hw_903_date_str(&m->dob, buf));
        hw_csv_field(&o, m->missing);
        hw_csv_field(&o, hw_903_date_str(&m->start, buf));
        hw_csv_field(&o, hw_903_date_str(&m->end, buf));
        hw_csv_end_row(&o);
    }
    hw_buf_append(out, o.buf.data ? o.buf.data : "", o.buf.len);
    hw_buf_free(&o.buf);
}

void hw_903_export_header_csv(const struct hw_903_export *x, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    char buf[HW_903_DATE_LEN];
    const char *cols[] = {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        hw_csv_field(&o, cols[i]);
    hw_csv_end_row(&o);
    for (size_t i = 0; i < x->data.nheader; i++) {
        const struct hw_903_out_child *c = &x->children[i];
        hw_csv_field(&o, c->child_id);
        hw_csv_field(&o, c->sex);
        hw_csv_field(&o, hw_903_date_str(&x->data.header[i].dob, buf));
        hw_csv_field(&o, c->ethnic);
        hw_csv_field(&o, "");
        hw_csv_field(&o, "");
        hw_csv_field(&o, "");
        hw_csv_end_row(&o);
    }
    hw_buf_append(out, o.buf.data ? o.buf.data : "", o.buf.len);
    hw_buf_free(&o.buf);
}

static const char *or_blank(const char *s)
{
    return s ? s : "";
}

void hw_903_export_episodes_csv(const struct hw_903_export *x, struct hw_buf *out)
{
    struct hw_csv_out o = {0};
    char buf[HW_903_DATE_LEN];
    const char *cols[] = {"CHILD",     "DECOM",          "RNE", "LS",  "CIN",
                          "PLACE",     "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
                          "HOME_POST", "PL_POST",        "URN"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        hw_csv_field(&o, cols[i]);
    hw_csv_end_row(&o);
    for (size_t i = 0; i < x->data.nepisodes; i++) {
        const struct hw_care_period *p = &x->periods[i];
        const struct hw_903_episode *e = &x->data.episodes[i];
        hw_csv_field(&o, p->child_id);
        hw_csv_field(&o, hw_903_date_str(&e->decom, buf));
        hw_csv_field(&o, or_blank(p->rne));
        hw_csv_field(&o, or_blank(p->ls));
        hw_csv_field(&o, or_blank(p->cin));
        hw_csv_field(&o, or_blank(p->place));
        hw_csv_field(&o, or_blank(p->place_provider));
        hw_csv_field(&o, hw_903_date_str(&e->dec, buf));
        hw_csv_field(&o, or_blank(p->rec));
        hw_csv_field(&o, or_blank(p->reason_place_change));
        hw_csv_field(&o, or_blank(p->home_post));
        hw_csv_field(&o, or_blank(p->pl_post));
        hw_csv_field(&o, or_blank(p->urn));
        hw_csv_end_row(&o);
    }
    hw_buf_append(out, o.buf.data ? o.buf.data : "", o.buf.len);
    hw_buf_free(&o.buf);
}

static const struct {
    const char *code, *terms;
} terms[] = {
    {"1004", "last seen is not recorded"},
    {"1005", "returned is not a valid date"},
    {"1006", "kind is not missing or absent"},
    {"564", "last seen is not recorded"},
    {"567", "returned is before last seen"},
    {"570", "last seen is after the end of the collection year"},
    {"571", "returned is outside the collection year"},
    {"574", "overlaps another of the child's episodes, or starts while one is still open"},
    {"575", "still open although the placement it began in has ended"},
    {"576", "last year's open episode is not carried over"},
    {"577", "still open although the child has ceased to be looked after"},
    {"578", "last seen is after the child ceased to be looked after"},
    {"580", "returned on the 18th birthday but care did not end for reason E8"},
    {"581", "last seen is outside every period of care of the child"},
    {"586", "last seen is on or before the child's date of birth"},
    {"1012", "the child has no episodes of care in the year"},
};

const char *hw_903_export_terms(const char *code)
{
    for (size_t i = 0; i < sizeof terms / sizeof *terms; i++)
        if (strcmp(terms[i].code, code) == 0)
            return terms[i].terms;
    return NULL;
}

void hw_903_export_free(struct hw_903_export *x)
{
    for (size_t i = 0; i < x->data.nmissing; i++) {
        free(x->rows[i].child_id);
        free(x->rows[i].episode_id);
    }
    for (size_t i = 0; i < x->data.nheader; i++) {
        free(x->children[i].child_id);
        free(x->children[i].sex);
        free(x->children[i].ethnic);
    }
    for (size_t i = 0; i < x->data.nepisodes; i++)
        hw_care_period_free(&x->periods[i]);
    free(x->rows);
    free(x->children);
    free(x->periods);
    hw_903_data_free(&x->data);
    memset(x, 0, sizeof *x);
}
