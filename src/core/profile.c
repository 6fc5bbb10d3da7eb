/* profile.c - the missing profile's fields and limits; the photograph's
 * checks; durations as the profile shows them. */
#include "core/profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define F(member) offsetof(struct hw_profile, member)

/* The limits keep a full profile on one printed A4 page beside the child's
 * details, the photograph and at least three previous absences
 * (docs/profile.md; tests/browser/75_missing_profile.test.mjs prints the
 * largest profile and counts the pages). */
const struct hw_field hw_profile_fields[] = {
    {"child_id", HW_F_ID, F(child_id), NULL, HW_ID_MAX, true, "the child's ID"},
    {"description", HW_F_TEXT, F(description), NULL, 500, false,
     "what the child looks like: height, build, hair, marks, usual clothing"},
    {"mobile", HW_F_TEXT, F(mobile), NULL, 200, false, "mobile phone numbers"},
    {"social_media", HW_F_TEXT, F(social_media), NULL, 300, false,
     "social media the child uses, with account names"},
    {"associates", HW_F_TEXT, F(associates), NULL, 500, false, "known associates"},
    {"addresses", HW_F_TEXT, F(addresses), NULL, 500, false, "addresses and places frequented"},
    {"places_found", HW_F_TEXT, F(places_found), NULL, 500, false,
     "where the child has been found before"},
    {"risks", HW_F_TEXT, F(risks), NULL, 600, false,
     "specific risks: exploitation, self-harm, people who pose a risk"},
    {"medical", HW_F_TEXT, F(medical), NULL, 400, false, "medical needs and medication"},
    {NULL, 0, 0, NULL, 0, false, NULL},
};

const struct hw_profile_label hw_profile_labels[HW_PROFILE_NTEXT] = {
    {"Description", 6},      {"Mobile numbers", 4},       {"Social media", 4},
    {"Known associates", 6}, {"Addresses frequented", 6}, {"Places found before", 6},
    {"Specific risks", 6},   {"Medical needs", 4},
};

void hw_profile_init(struct hw_profile *p)
{
    hw_record_init(hw_profile_fields, p);
    p->updated_at = HW_NO_TIME;
    p->updated_by = NULL;
}

void hw_profile_clear(struct hw_profile *p)
{
    hw_record_clear(hw_profile_fields, p);
    free(p->updated_by);
    p->updated_by = NULL;
    p->updated_at = HW_NO_TIME;
}

const char *hw_profile_text(const struct hw_profile *p, size_t i)
{
    const struct hw_field *f = &hw_profile_fields[i + 1];
    return *(char *const *)((const char *)p + f->offset);
}

unsigned hw_text_lines(const char *s)
{
    if (s == NULL || *s == '\0')
        return 0;
    unsigned n = 1;
    for (; *s; s++)
        if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
            n++;
    return n;
}

int hw_profile_check(const struct hw_profile *p, struct hw_err *err)
{
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++) {
        unsigned n = hw_text_lines(hw_profile_text(p, i)), max = hw_profile_labels[i].max_lines;
        if (n > max)
            return hw_fail(err, HW_EINPUT,
                           "%s: at most %u lines, got %u (the profile prints on one A4 page)",
                           hw_profile_fields[i + 1].name, max, n);
    }
    return 0;
}

/* ---- the photograph ---- */

static const unsigned char PNG_MAGIC[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

const char *hw_photo_type(const unsigned char *d, size_t n)
{
    if (n >= 4 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
        return "image/jpeg";
    /* The signature, then the first chunk, which must be IHDR (13 bytes). */
    if (n >= 33 && memcmp(d, PNG_MAGIC, sizeof PNG_MAGIC) == 0 && memcmp(d + 12, "IHDR", 4) == 0)
        return "image/png";
    return NULL;
}

/* What a file that is not a JPEG or PNG seems to be, for the message. */
static const char *looks_like(const unsigned char *d, size_t n)
{
    static const struct {
        size_t at, len;
        const char *magic, *what;
    } kinds[] = {
        {0, 4, "GIF8", "a GIF image"},       {0, 4, "%PDF", "a PDF document"},
        {0, 2, "BM", "a BMP image"},         {8, 4, "WEBP", "a WebP image"},
        {4, 8, "ftypheic", "a HEIC image"},  {4, 8, "ftypmif1", "a HEIF image"},
        {4, 8, "ftypavif", "an AVIF image"}, {0, 4, "II*\0", "a TIFF image"},
        {0, 4, "MM\0*", "a TIFF image"},     {0, 4, "PK\3\4", "a ZIP file (or an Office document)"},
        {0, 4, "<svg", "an SVG drawing"},    {0, 5, "<?xml", "an XML file"},
    };
    if (n >= sizeof PNG_MAGIC && memcmp(d, PNG_MAGIC, sizeof PNG_MAGIC) == 0)
        return "a damaged PNG image";
    if (n >= 2 && d[0] == 0xff && d[1] == 0xd8)
        return "a damaged JPEG image";
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (n >= kinds[i].at + kinds[i].len &&
            memcmp(d + kinds[i].at, kinds[i].magic, kinds[i].len) == 0)
            return kinds[i].what;
    return NULL;
}

void hw_bytes_text(size_t n, char *buf, size_t size)
{
    char digits[32], grouped[48];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    size_t o = 0;
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            grouped[o++] = ',';
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    if (n >= 1024 * 1024 && n % (1024 * 1024) == 0)
        snprintf(buf, size, "%s bytes (%zu MiB)", grouped, n / (1024 * 1024));
    else if (n >= 1024 * 1024)
        snprintf(buf, size, "%s bytes (%.1f MiB)", grouped, (double)n / (1024.0 * 1024.0));
    else if (n >= 1024)
        snprintf(buf, size, "%s bytes (%zu KiB)", grouped, (n + 512) / 1024);
    else
        snprintf(buf, size, "%s bytes", grouped);
}

int hw_photo_check(const unsigned char *data, size_t len, size_t max, const char **type,
                   struct hw_err *err)
{
    char got[64], limit[64];
    *type = NULL;
    if (len == 0)
        return hw_fail(err, HW_EINPUT,
                       "the photograph is empty (0 bytes): choose a JPEG or PNG "
                       "image");
    if (len > max) {
        hw_bytes_text(len, got, sizeof got);
        hw_bytes_text(max, limit, sizeof limit);
        return hw_fail(err, HW_EINPUT, "the photograph is %s: the limit is %s", got, limit);
    }
    if ((*type = hw_photo_type(data, len)) == NULL) {
        const char *what = looks_like(data, len);
        if (what)
            return hw_fail(err, HW_EINPUT,
                           "the photograph is not a JPEG or PNG image (it looks like %s)", what);
        return hw_fail(err, HW_EINPUT,
                       "the photograph is not a JPEG or PNG image (its first bytes are neither)");
    }
    return 0;
}

/* ---- durations ---- */

void hw_duration_text(long long minutes, char *buf, size_t size)
{
    if (minutes < 0)
        minutes = 0;
    long long h = minutes / 60, m = minutes % 60;
    if (h == 0)
        snprintf(buf, size, "%lld min", m);
    else if (h < 48 && m == 0)
        snprintf(buf, size, "%lld h", h);
    else if (h < 48)
        snprintf(buf, size, "%lld h %lld min", h, m);
    else if (h % 24 == 0)
        snprintf(buf, size, "%lld days", h / 24);
    else
        snprintf(buf, size, "%lld days %lld h", h / 24, h % 24);
}
