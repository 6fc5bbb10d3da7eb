/* server.c - libmicrohttpd, the checks before any handler, the pages of the
 * browser UI, the access log. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "http/assets.h"
#include "http/routes.h"

/* What a page may load: only this origin's scripts, styles and data, no
 * inline script or style, never inside a frame. */
#define PAGE_CSP                                                                                   \
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "              \
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
/* The API answers data, never a document: it may load nothing. */
#define API_CSP "default-src 'none'; frame-ancestors 'none'"
/* The largest file `--web DIR` serves. */
#define WEB_FILE_MAX (64u * 1024 * 1024)

struct server {
    const struct hw_server_config *c;
    pthread_key_t store_key; /* each worker thread's store */
    char *web_root;          /* the real path of c->web_dir; NULL: the embedded copy */
};

/* One request's state across libmicrohttpd's calls. */
struct pending {
    const struct hw_http_route *route;
    bool page; /* not under /api/: a page of the browser UI */
    struct hw_buf body;
    bool too_large;
    struct timespec started;
};

static void close_store(void *p)
{
    hw_store_close(p);
}

static struct hw_store *thread_store(struct server *sv, struct hw_err *err)
{
    struct hw_store *s = pthread_getspecific(sv->store_key);
    if (s == NULL && hw_store_open(sv->c->db_path, &s, err) == 0)
        pthread_setspecific(sv->store_key, s);
    return s;
}

static const char *query_arg(void *conn, const char *name)
{
    return MHD_lookup_connection_value(conn, MHD_GET_ARGUMENT_KIND, name);
}

static void client_address(struct MHD_Connection *conn, char *buf, size_t size)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    buf[0] = '\0';
    if (ci == NULL || ci->client_addr == NULL)
        return;
    if (ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, buf,
                  (socklen_t)size);
    else if (ci->client_addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, buf,
                  (socklen_t)size);
}

static double elapsed_ms(const struct timespec *from)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - from->tv_sec) * 1e3 + (double)(now.tv_nsec - from->tv_nsec) / 1e6;
}

/* The access log: no query string, no personal data beyond the user name. */
static void log_request(struct server *sv, const char *user, const char *method, const char *path,
                        unsigned status, double ms)
{
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(sv->c->log, "%s %s %s %.200s %u %.1fms\n", when, user && *user ? user : "-", method,
            path, status, ms);
    fflush(sv->c->log);
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct hw_response *rs)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        rs->body.len, rs->body.data ? rs->body.data : "", MHD_RESPMEM_MUST_COPY);
    if (r == NULL)
        return MHD_NO;
    MHD_add_response_header(r, "Content-Type",
                            rs->content_type ? rs->content_type : "application/json");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Content-Security-Policy", rs->csp ? rs->csp : API_CSP);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    if (rs->set_cookie[0])
        MHD_add_response_header(r, "Set-Cookie", rs->set_cookie);
    if (rs->filename[0]) { /* a download: the handler's name, made of safe characters */
        char disposition[sizeof rs->filename + 32];
        snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"", rs->filename);
        MHD_add_response_header(r, "Content-Disposition", disposition);
    }
    enum MHD_Result ok = MHD_queue_response(conn, rs->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* --secure-cookies: every cookie the server sets carries Secure, whether or
 * not the handler added it (routes.c may, from hw_request.secure_cookies). */
static void secure_cookie(struct hw_response *rs)
{
    size_t n = strlen(rs->set_cookie);
    bool has = false;
    for (const char *a = rs->set_cookie; (a = strchr(a, ';')) != NULL; a++) {
        const char *b = a + 1 + strspn(a + 1, " ");
        if (strncasecmp(b, "Secure", 6) == 0 && (b[6] == ';' || b[6] == ' ' || b[6] == '\0'))
            has = true;
    }
    if (n > 0 && !has && n + sizeof "; Secure" <= sizeof rs->set_cookie)
        memcpy(rs->set_cookie + n, "; Secure", sizeof "; Secure");
}

/* ---- The browser UI's pages ------------------------------------------- */

/* Whether path belongs to the JSON API rather than the UI. */
static bool is_api_path(const char *path)
{
    return strncmp(path, "/api", 4) == 0 && (path[4] == '/' || path[4] == '\0');
}

/* A path whose last segment has no '.' is a client-side route
 * (/children/C123, /dashboard, /): the single-page app handles it. */
static bool is_client_route(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strchr(slash ? slash : path, '.') == NULL;
}

/* A page to answer: the bytes are borrowed (the embedded table) or owned
 * (read from --web DIR). */
struct page {
    unsigned status;
    const char *content_type;
    const char *data;
    size_t len;
    char *owned; /* freed after the answer is queued */
    char etag[80];
};

/* Whether If-None-Match (a list of ETags, or "*") names etag. */
static bool etag_matches(const char *header, const char *etag)
{
    size_t n = strlen(etag);
    const char *s = header;
    while (*s) {
        s += strspn(s, " \t,");
        if (*s == '*')
            return true;
        if (strncmp(s, "W/", 2) == 0)
            s += 2; /* a weak comparison is what If-None-Match asks for */
        size_t len = strcspn(s, ",");
        while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
            len--;
        if (len == n && memcmp(s, etag, n) == 0)
            return true;
        s += strcspn(s, ",");
    }
    return false;
}

static bool embedded_page(const char *path, struct page *pg)
{
    const struct hw_asset *a = hw_asset_find(path);
    if (a == NULL && is_client_route(path))
        a = hw_asset_find("/index.html");
    if (a == NULL)
        return false;
    pg->content_type = a->content_type;
    pg->data = (const char *)a->data;
    pg->len = a->len;
    snprintf(pg->etag, sizeof pg->etag, "%s", a->etag);
    return true;
}

/* Reads root + path when it is a regular file that resolves (symbolic links
 * and all) inside root. The caller has refused any path with "..". */
static bool disk_file(const char *root, const char *path, struct page *pg)
{
    char want[PATH_MAX], real[PATH_MAX];
    size_t rlen = strcmp(root, "/") == 0 ? 0 : strlen(root);
    struct stat st;
    bool ok = false;
    int fd = -1;
    if ((size_t)snprintf(want, sizeof want, "%s%s", root, path) >= sizeof want ||
        realpath(want, real) == NULL)
        return false;
    if (strncmp(real, root, rlen) != 0 || real[rlen] != '/')
        return false; /* outside the folder (or the folder itself) */
    if ((fd = open(real, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
        (size_t)st.st_size > WEB_FILE_MAX)
        goto done;
    char *data = hw_malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t n = read(fd, data + got, (size_t)st.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got != (size_t)st.st_size) {
        free(data);
        goto done;
    }
    pg->owned = data;
    pg->data = data;
    pg->len = got;
    pg->content_type = hw_asset_content_type(real);
    /* Changes with the file: its identity, size and modification time. */
    snprintf(pg->etag, sizeof pg->etag, "\"%llx-%llx-%llx.%lx\"", (unsigned long long)st.st_ino,
             (unsigned long long)st.st_size, (unsigned long long)st.st_mtim.tv_sec,
             (long)st.st_mtim.tv_nsec);
    ok = true;
done:
    if (fd >= 0)
        close(fd);
    return ok;
}

static bool disk_page(const char *root, const char *path, struct page *pg)
{
    if (disk_file(root, path, pg))
        return true;
    return is_client_route(path) && disk_file(root, "/index.html", pg);
}

/* The small fixed pages for errors: no request data in them. */
static void error_page(struct page *pg, unsigned status)
{
    static const char *const pages[][2] = {
        {"400", "<!doctype html>\n<title>Bad request</title>\n<h1>Bad request</h1>\n"},
        {"404", "<!doctype html>\n<title>Not found</title>\n<h1>Not found</h1>\n"
                "<p>There is no such page.</p>\n"},
        {"405", "<!doctype html>\n<title>Method not allowed</title>\n"
                "<h1>Method not allowed</h1>\n<p>Pages may only be read (GET, HEAD).</p>\n"},
    };
    const char *text = pages[1][1];
    char code[8];
    snprintf(code, sizeof code, "%u", status);
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
        if (strcmp(pages[i][0], code) == 0)
            text = pages[i][1];
    pg->status = status;
    pg->content_type = "text/html; charset=utf-8";
    pg->data = text;
    pg->len = strlen(text);
}

/* Answers a page of the UI: an asset, index.html for a client-side route,
 * 304 when the browser's copy is current, or a small error page. */
static enum MHD_Result serve_page(struct server *sv, struct MHD_Connection *conn,
                                  const char *method, const char *path, unsigned *status)
{
    struct page pg = {.status = 200};
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        error_page(&pg, 405);
    else if (strstr(path, "..") != NULL || path[0] != '/')
        error_page(&pg, 400);
    else if (!(sv->web_root ? disk_page(sv->web_root, path, &pg) : embedded_page(path, &pg)))
        error_page(&pg, 404);
    if (pg.status == 200) {
        const char *inm = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "If-None-Match");
        if (inm && etag_matches(inm, pg.etag)) {
            pg.status = 304;
            pg.len = 0;
        }
    }
    *status = pg.status;
    struct MHD_Response *r =
        MHD_create_response_from_buffer(pg.len, (void *)(pg.data ? pg.data : ""),
                                        pg.owned ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
    free(pg.owned);
    if (r == NULL)
        return MHD_NO;
    if (pg.status != 304)
        MHD_add_response_header(r, "Content-Type", pg.content_type);
    if (pg.etag[0])
        MHD_add_response_header(r, "ETag", pg.etag);
    /* Assets are revalidated on every use (cheap with the ETag), so a new
     * build is seen at once; error pages are not kept at all. */
    MHD_add_response_header(r, "Cache-Control",
                            pg.status == 200 || pg.status == 304 ? "no-cache" : "no-store");
    if (pg.status == 405)
        MHD_add_response_header(r, "Allow", "GET, HEAD");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Content-Security-Policy", PAGE_CSP);
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    enum MHD_Result ok = MHD_queue_response(conn, pg.status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Whether path matches the route's path, segment by segment; a ":id"
 * segment matches one non-empty segment, whose start and length go in *id
 * and *idlen. */
static bool path_matches(const char *pattern, const char *path, const char **id, size_t *idlen)
{
    const char *p = pattern, *q = path;
    while (*p && *q) {
        size_t pn = strcspn(p, "/"), qn = strcspn(q, "/");
        if (pn == 3 && strncmp(p, ":id", 3) == 0) {
            if (qn == 0)
                return false;
            *id = q;
            *idlen = qn;
        } else if (pn != qn || strncmp(p, q, pn) != 0) {
            return false;
        }
        p += pn;
        q += qn;
        if (*p != *q) /* one has a '/' where the other ends */
            return false;
        if (*p)
            p++, q++;
    }
    return *p == '\0' && *q == '\0';
}

/* Finds the route; *path_known tells 405 from 404; *id (*idlen bytes) is
 * the path's :id. */
static const struct hw_http_route *find_route(const char *method, const char *path,
                                              bool *path_known, const char **id, size_t *idlen)
{
    *path_known = false;
    *id = NULL;
    *idlen = 0;
    for (const struct hw_http_route *r = hw_http_routes; r->method; r++) {
        const char *rid = NULL;
        size_t rlen = 0;
        if (!path_matches(r->path, path, &rid, &rlen))
            continue;
        *path_known = true;
        *id = rid;
        *idlen = rlen;
        if (strcmp(r->method, method) == 0)
            return r;
    }
    return NULL;
}

static bool changes_state(const char *method)
{
    return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
}

/* Runs the checks every route shares, then the handler. */
static void handle(struct server *sv, struct MHD_Connection *conn, const char *method,
                   const char *path, struct pending *p, struct hw_response *rs,
                   char user[HW_USER_MAX + 1])
{
    struct hw_err err = {0};
    char address[64];
    const struct hw_http_route *route = p->route;
    client_address(conn, address, sizeof address);
    if (route == NULL) {
        bool known;
        const char *id;
        size_t idlen;
        find_route(method, path, &known, &id, &idlen);
        if (known)
            hw_http_error(rs, 405, NULL, "%s is not allowed on %s", method, path);
        else
            hw_http_error(rs, 404, NULL, "no such page: %s", path);
        return;
    }
    if (p->too_large) {
        hw_http_error(rs, 413, NULL, "the request body is larger than %zu bytes", route->body_max);
        return;
    }
    struct hw_store *store = thread_store(sv, &err);
    if (store == NULL) {
        fprintf(sv->c->log, "homeward: %s\n", err.msg);
        hw_http_error(rs, 500, NULL, "the database could not be opened");
        return;
    }
    struct hw_request rq = {
        .method = method,
        .path = path,
        .body = p->body.data,
        .body_len = p->body.len,
        .address = address,
        .store = store,
        .cfg = sv->c->cfg,
        .reasons = sv->c->reasons,
        .scorecard = sv->c->scorecard,
        .routing = sv->c->routing,
        .notices = sv->c->notices,
        .limits = &sv->c->limits,
        .now = (hw_instant)time(NULL),
        .arg = query_arg,
        .conn = conn,
        .secure_cookies = sv->c->secure_cookies,
    };
    bool known;
    const char *id;
    size_t idlen;
    char idbuf[256];
    find_route(method, path, &known, &id, &idlen);
    if (id && idlen >= sizeof idbuf) {
        hw_http_error(rs, 404, NULL, "no such record: the ID is too long");
        return;
    }
    if (id) { /* :id may be followed by more of the path: a string of its own */
        memcpy(idbuf, id, idlen);
        idbuf[idlen] = '\0';
        rq.id = idbuf;
    }
    rq.route_data = route->data;
    rq.token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "hw_session");
    const char *bearer = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
    int found = 0;
    if (rq.token) {
        found = hw_session_check(store, &sv->c->limits, rq.token, rq.now, &rq.who, &err);
    } else if (bearer && strncmp(bearer, "Bearer ", 7) == 0) {
        found = hw_api_token_check(store, bearer + 7, &rq.who, &err);
    }
    if (found < 0) {
        fprintf(sv->c->log, "homeward: %s\n", err.msg);
        hw_http_error(rs, 500, NULL, "the session could not be checked");
        return;
    }
    rq.signed_in = found == 1;
    if (rq.signed_in)
        snprintf(user, HW_USER_MAX + 1, "%s", rq.who.user);
    if (route->roles != HW_ANY_ROLE) {
        if (!rq.signed_in) {
            hw_http_error(rs, 401, NULL, "sign in first (no session, or it has expired)");
            return;
        }
        if (!(route->roles & HW_R(rq.who.role))) {
            /* Refusals are audited like views: who tried what. */
            char tried[256];
            snprintf(tried, sizeof tried, "%s %.200s", method, path);
            hw_audit(store, rq.who.user, rq.now, "refused", NULL, NULL, tried, &err);
            hw_http_error(rs, 403, NULL, "the %s role may not use %s %s",
                          hw_code_name(hw_user_role_codes, rq.who.role), method, path);
            return;
        }
    }
    /* A change made with a session must carry the session's CSRF token. */
    if (changes_state(method) && !route->no_csrf && rq.signed_in && !rq.who.by_token) {
        const char *csrf = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
        if (csrf == NULL || !hw_session_csrf_ok(store, rq.token, csrf)) {
            hw_http_error(rs, 403, NULL, "missing or wrong CSRF token (X-CSRF-Token)");
            return;
        }
    }
    route->handler(&rq, rs);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **state)
{
    (void)version;
    struct server *sv = cls;
    struct pending *p = *state;
    if (p == NULL) {
        /* First call: headers only. Size the body before reading any. */
        p = hw_calloc(1, sizeof *p);
        clock_gettime(CLOCK_MONOTONIC, &p->started);
        bool known;
        const char *id;
        size_t idlen;
        p->page = !is_api_path(url);
        p->route = p->page ? NULL : find_route(method, url, &known, &id, &idlen);
        const char *length =
            MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        size_t max = p->route ? p->route->body_max : 0;
        if (length && strtoull(length, NULL, 10) > max)
            p->too_large = true;
        *state = p;
        return MHD_YES;
    }
    if (*upload_size > 0) {
        size_t max = p->route ? p->route->body_max : 0;
        if (!p->too_large && p->body.len + *upload_size <= max)
            hw_buf_append(&p->body, upload_data, *upload_size);
        else
            p->too_large = true; /* keep reading, keep nothing */
        *upload_size = 0;
        return MHD_YES;
    }
    if (p->page) {
        unsigned status;
        enum MHD_Result ok = serve_page(sv, conn, method, url, &status);
        log_request(sv, NULL, method, url, status, elapsed_ms(&p->started));
        return ok;
    }
    struct hw_response rs = {.status = 500};
    char user[HW_USER_MAX + 1] = "";
    handle(sv, conn, method, url, p, &rs, user);
    if (sv->c->secure_cookies)
        secure_cookie(&rs);
    enum MHD_Result ok = send_response(conn, &rs);
    log_request(sv, user, method, url, rs.status, elapsed_ms(&p->started));
    hw_buf_free(&rs.body);
    return ok;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **state,
                         enum MHD_RequestTerminationCode why)
{
    (void)cls, (void)conn, (void)why;
    struct pending *p = *state;
    if (p) {
        hw_buf_free(&p->body);
        free(p);
        *state = NULL;
    }
}

void hw_server_defaults(struct hw_server_config *c)
{
    memset(c, 0, sizeof *c);
    c->listen = "127.0.0.1:8080";
    c->threads = 4;
    c->max_connections = 256;
    c->per_address = 32;
    c->memory_limit = 128 * 1024;
    c->timeout_seconds = 30;
    c->log = stderr;
    hw_auth_limits_default(&c->limits);
}

static int parse_listen(const char *s, struct sockaddr_in *addr, struct hw_err *err)
{
    char host[64];
    const char *colon = strrchr(s, ':');
    char *end;
    if (colon == NULL || (size_t)(colon - s) >= sizeof host)
        return hw_fail(err, HW_EINPUT, "--listen: expected ADDRESS:PORT, got '%s'", s);
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    long port = strtol(colon + 1, &end, 10);
    if (colon[1] == '\0' || *end || port < 1 || port > 65535)
        return hw_fail(err, HW_EINPUT, "--listen: the port must be 1 to 65535, got '%s'",
                       colon + 1);
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &addr->sin_addr) != 1)
        return hw_fail(err, HW_EINPUT, "--listen: '%s' is not an IPv4 address", host);
    return 0;
}

int hw_serve(const struct hw_server_config *c, struct hw_err *err)
{
    struct server sv = {.c = c};
    struct sockaddr_in addr;
    sigset_t stop;
    int sig;
    if (parse_listen(c->listen, &addr, err) < 0)
        return -1;
    if (c->web_dir) {
        struct stat st;
        if ((sv.web_root = realpath(c->web_dir, NULL)) == NULL || stat(sv.web_root, &st) < 0 ||
            !S_ISDIR(st.st_mode)) {
            free(sv.web_root);
            return hw_fail(err, HW_EINPUT, "--web: '%s' is not a folder", c->web_dir);
        }
    }
    /* Check the database once before serving: a clear error, not 500s. */
    struct hw_store *probe;
    if (hw_store_open(c->db_path, &probe, err) < 0) {
        free(sv.web_root);
        return -1;
    }
    hw_store_close(probe);

    /* Worker threads inherit this mask; only sigwait below sees the signals. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    pthread_key_create(&sv.store_key, close_store);

    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0, NULL, NULL,
        on_request, &sv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, c->threads, MHD_OPTION_CONNECTION_LIMIT, c->max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, c->per_address, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        c->memory_limit, MHD_OPTION_CONNECTION_TIMEOUT, c->timeout_seconds,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv, MHD_OPTION_END);
    if (d == NULL) {
        pthread_key_delete(sv.store_key);
        pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
        free(sv.web_root);
        return hw_fail(err, HW_EINPUT, "cannot listen on %s (in use, or not allowed)", c->listen);
    }
    if (sv.web_root)
        fprintf(c->log, "homeward: the UI comes from %s, not the embedded copy\n", sv.web_root);
    fprintf(c->log, "homeward: serving on http://%s/ (stop with Ctrl-C or SIGTERM)\n", c->listen);
    fflush(c->log);
    sigwait(&stop, &sig);
    fprintf(c->log, "homeward: stopping: finishing requests in flight\n");
    /* No new connections; MHD_stop_daemon waits for the ones in flight. */
    MHD_quiesce_daemon(d);
    MHD_stop_daemon(d);
    pthread_key_delete(sv.store_key);
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    free(sv.web_root);
    fprintf(c->log, "homeward: stopped\n");
    return 0;
}
