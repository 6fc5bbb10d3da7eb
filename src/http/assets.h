/* assets.h - the browser UI (web/), embedded in the binary at build time.
 *
 * cmake/embed.cmake turns every file under web/ into an entry of hw_assets[]
 * (a file generated in the build directory), so the binary serves the UI
 * with nothing to install beside it. `homeward serve --web DIR` serves DIR
 * from disk instead, for working on the UI without rebuilding.
 */
#ifndef HW_ASSETS_H
#define HW_ASSETS_H

#include <stddef.h>

struct hw_asset {
    const char *path;         /* the URL path: "/index.html", "/css/app.css" */
    const char *content_type; /* by extension, e.g. "text/javascript; charset=utf-8" */
    const unsigned char *data;
    size_t len;       /* bytes, without the NUL that follows data[len - 1] */
    const char *etag; /* "\"<hash>\"": quoted, from the SHA-256 of the bytes */
};

/* The generated table, ending with an entry whose path is NULL. */
extern const struct hw_asset hw_assets[];

/* The asset at URL path (exact, case-sensitive), or NULL. Borrowed: the
 * table lives as long as the program. */
const struct hw_asset *hw_asset_find(const char *path);

/* The content type for a file name, by its extension (the same table as
 * cmake/embed.cmake's): never NULL; application/octet-stream when unknown. */
const char *hw_asset_content_type(const char *name);

#endif
