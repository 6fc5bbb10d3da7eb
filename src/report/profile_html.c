/* profile_html.c - the missing profile as one printable A4 page: the
 * child's name and details beside the photograph, the profile's text in
 * two columns, the previous absences, who printed it. Self-contained: the
 * photograph is a data: URI, the style is in the page, no scripts, nothing
 * fetched; every piece of text is escaped (hw_html_text). How much of the
 * absences (and, rarely, of the text) the page holds is decided by
 * hw_profile_print_plan, whose model of the page is this style. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/profile_doc.h"

/* A4 with 10 mm margins: 190 x 277 mm. On screen the same page, centred. */
static const char style[] =
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;background:#f3f2f1}\n"
    "body{font-family:Arial,\"Helvetica Neue\",Helvetica,sans-serif;color:#0b0c0c;"
    "background:#fff;margin:1rem auto;padding:10mm;width:210mm;min-height:297mm;"
    "font-size:8pt;line-height:1.25}\n"
    "h1,h2,p,dl,dd,figure,table{margin:0}\n"
    ".mark{font-size:7.5pt;font-weight:bold;letter-spacing:.04em;text-transform:uppercase;"
    "border-bottom:2px solid #0b0c0c;padding-bottom:1mm;display:flex;"
    "justify-content:space-between}\n"
    "h1{font-size:16pt;line-height:1.2;margin:2mm 0 1.5mm}\n"
    "h1 .id{font-size:10pt;font-weight:normal;color:#505a5f;margin-left:2mm}\n"
    ".now{background:#d4351c;color:#fff;padding:1.2mm 2mm;margin:0 0 2mm;font-size:9pt}\n"
    ".now strong{text-transform:uppercase;margin-right:1.5mm}\n"
    ".who{display:flex;gap:4mm;margin-bottom:2.5mm}\n"
    ".photo{flex:0 0 36mm;width:36mm;height:46mm;border:1px solid #b1b4b6;display:flex;"
    "align-items:center;justify-content:center;text-align:center;color:#505a5f;"
    "overflow:hidden}\n"
    ".photo img{display:block;max-width:100%;max-height:100%;object-fit:contain}\n"
    ".details{flex:1;display:grid;grid-template-columns:repeat(3,1fr);gap:1.2mm 3mm;"
    "align-content:start}\n"
    ".details dt{font-size:7pt;font-weight:bold;color:#505a5f;text-transform:uppercase}\n"
    ".details dd{overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;"
    "-webkit-box-orient:vertical;overflow-wrap:anywhere}\n"
    ".texts{column-count:2;column-gap:6mm;border-top:1px solid #0b0c0c;padding-top:1.5mm}\n"
    ".field{margin-bottom:1.2mm}\n"
    "h2{font-size:8pt;line-height:1.25;font-weight:bold;break-after:avoid}\n"
    ".field p{white-space:pre-line;overflow-wrap:anywhere}\n"
    ".none{color:#505a5f}\n"
    ".cut{font-style:italic;color:#505a5f}\n"
    ".absences{border-top:1px solid #0b0c0c;padding-top:1.5mm;margin-top:1mm;"
    "break-inside:avoid}\n"
    ".absences h2{margin-bottom:.8mm}\n"
    "table{width:100%;border-collapse:collapse;table-layout:fixed}\n"
    "th,td{text-align:left;padding:.4mm 1mm;border-bottom:1px solid #b1b4b6;"
    "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:top;"
    "font-size:7.5pt}\n"
    "tbody th{font-weight:normal}\n"
    "thead th{border-bottom:1.5px solid #0b0c0c;font-size:7pt;font-weight:bold}\n"
    "col.t{width:29mm}col.d{width:19mm}col.k{width:12mm}\n"
    ".more{margin-top:.8mm;font-style:italic}\n"
    "footer{margin-top:2mm;border-top:1px solid #b1b4b6;padding-top:1mm;font-size:7pt;"
    "color:#505a5f}\n"
    "@page{size:A4;margin:10mm}\n"
    "@media print{html{background:#fff}body{margin:0;padding:0;width:auto;min-height:0}}\n";

static void text(struct hw_buf *out, const char *s)
{
    hw_html_text(out, s);
}

static void photo(struct hw_buf *out, const struct hw_profile_doc *d, const char *name)
{
    if (d->photo_type == NULL || d->photo == NULL) {
        hw_buf_printf(out, "<div class=\"photo\"><p>%s</p></div>\n",
                      d->photo_type ? "Photograph not included" : "No photograph recorded");
        return;
    }
    size_t len = sodium_base64_ENCODED_LEN(d->photo_size, sodium_base64_VARIANT_ORIGINAL);
    char *b64 = hw_malloc(len);
    sodium_bin2base64(b64, len, d->photo, d->photo_size, sodium_base64_VARIANT_ORIGINAL);
    char at[32];
    hw_profile_time_text(d->photo_at, at, sizeof at);
    hw_buf_printf(out, "<figure class=\"photo\"><img src=\"data:%s;base64,", d->photo_type);
    hw_buf_puts(out, b64);
    hw_buf_puts(out, "\" alt=\"Photograph of ");
    text(out, name);
    hw_buf_puts(out, ", uploaded ");
    text(out, at);
    hw_buf_puts(out, "\"></figure>\n");
    free(b64);
}

static void field(struct hw_buf *out, const struct hw_profile_doc *d,
                  const struct hw_print_plan *plan, size_t i)
{
    const char *v = hw_profile_text(&d->profile, i);
    hw_buf_puts(out, "<div class=\"field\"><h2>");
    text(out, hw_profile_labels[i].label);
    hw_buf_puts(out, "</h2>");
    if (v == NULL) {
        hw_buf_puts(out, "<p class=\"none\">Not recorded</p></div>\n");
        return;
    }
    size_t len = strlen(v);
    char *shown = hw_strndup(v, plan->cut[i]);
    hw_buf_puts(out, "<p>");
    text(out, shown);
    if (plan->cut[i] < len)
        hw_buf_puts(out, "&#8230;</p><p class=\"cut\">Cut to fit the page: the whole text is in "
                         "Homeward.");
    hw_buf_puts(out, "</p></div>\n");
    free(shown);
}

static void absences(struct hw_buf *out, const struct hw_profile_doc *d,
                     const struct hw_print_plan *plan)
{
    hw_buf_printf(out,
                  "<section class=\"absences\" aria-labelledby=\"abs\">\n<h2 id=\"abs\">"
                  "Previous absences (%zu)%s</h2>\n",
                  d->nabsences, d->nabsences > 1 ? ", newest first" : "");
    if (d->nabsences == 0) {
        hw_buf_puts(out, "<p class=\"none\">None recorded in Homeward.</p>\n</section>\n");
        return;
    }
    hw_buf_puts(out, "<table>\n<colgroup><col class=\"t\"><col class=\"t\"><col class=\"d\">"
                     "<col class=\"k\"><col><col><col></colgroup>\n<thead><tr>");
    for (size_t c = 0; c < 7; c++)
        hw_buf_printf(out, "<th scope=\"col\">%s</th>", hw_profile_absence_header[c]);
    hw_buf_puts(out, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < plan->shown; i++) {
        char cells[7][320];
        hw_profile_absence_cells(&d->absences[i], cells);
        hw_buf_puts(out, "<tr>");
        for (size_t c = 0; c < 7; c++) {
            /* The whole text as a title too, for a cell cut short on screen. */
            hw_buf_puts(out, c == 0 ? "<th scope=\"row\"" : "<td");
            if (c >= 4 && cells[c][0]) {
                hw_buf_puts(out, " title=\"");
                text(out, cells[c]);
                hw_buf_putc(out, '"');
            }
            hw_buf_putc(out, '>');
            text(out, cells[c]);
            hw_buf_puts(out, c == 0 ? "</th>" : "</td>");
        }
        hw_buf_puts(out, "</tr>\n");
    }
    hw_buf_puts(out, "</tbody>\n</table>\n");
    if (plan->more)
        hw_buf_printf(out,
                      "<p class=\"more\">And %zu earlier absence%s, not shown to keep the profile "
                      "on one page: the full list is in Homeward.</p>\n",
                      plan->more, plan->more == 1 ? "" : "s");
    hw_buf_puts(out, "</section>\n");
}

void hw_profile_doc_html(const struct hw_profile_doc *d, struct hw_buf *out)
{
    struct hw_buf name = {0};
    struct hw_print_plan plan;
    struct hw_profile_detail det[HW_PROFILE_NDETAILS];
    hw_profile_name(&d->child, &name);
    hw_profile_print_plan(d, &plan);

    hw_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; img-src data:\">\n"
                     "<meta name=\"robots\" content=\"noindex\">\n<title>Missing profile: ");
    text(out, name.data);
    hw_buf_puts(out, " (");
    text(out, d->child.id);
    hw_buf_printf(out, ")</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
    hw_buf_puts(out, "<p class=\"mark\"><span>Missing child profile</span>"
                     "<span>OFFICIAL-SENSITIVE</span></p>\n<h1>");
    text(out, name.data);
    hw_buf_puts(out, "<span class=\"id\">");
    text(out, d->child.id);
    hw_buf_puts(out, "</span></h1>\n</header>\n<main>\n");

    if (d->missing_now) {
        struct hw_buf now = {0};
        hw_profile_now_text(d, &now);
        hw_buf_puts(out, "<p class=\"now\"><strong>Missing now</strong>");
        text(out, now.data);
        hw_buf_puts(out, "</p>\n");
        hw_buf_free(&now);
    }

    hw_buf_puts(out, "<section class=\"who\" aria-label=\"The child\">\n");
    photo(out, d, name.data);
    hw_buf_puts(out, "<dl class=\"details\">\n");
    hw_profile_details(d, det);
    for (size_t i = 0; i < HW_PROFILE_NDETAILS; i++) {
        hw_buf_puts(out, "<div><dt>");
        text(out, det[i].key);
        hw_buf_puts(out, det[i].value ? "</dt><dd>" : "</dt><dd class=\"none\">");
        text(out, det[i].value ? det[i].value : "Not recorded");
        hw_buf_puts(out, "</dd></div>\n");
    }
    hw_profile_details_free(det);
    hw_buf_puts(out, "</dl>\n</section>\n<section class=\"texts\" aria-label=\"Profile\">\n");
    for (size_t i = 0; i < HW_PROFILE_NTEXT; i++)
        field(out, d, &plan, i);
    hw_buf_puts(out, "</section>\n");
    absences(out, d, &plan);
    struct hw_buf foot = {0};
    hw_profile_footer_text(d, &foot);
    hw_buf_puts(out, "</main>\n<footer>");
    text(out, foot.data);
    hw_buf_puts(out, "</footer>\n</body>\n</html>\n");
    hw_buf_free(&foot);
    hw_buf_free(&name);
}
