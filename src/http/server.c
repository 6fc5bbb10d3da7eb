/* server.c - libmicrohttpd, the checks before any handler, the access log. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/routes.h"

struct server {
    const struct hw_server_config *c;
    pthread_key_t store_key; /* each worker thread's store */
};

/* One request's state across libmicrohttpd's calls. */
struct pending {
    const struct hw_http_route *route;
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
    MHD_add_response_header(r, "Content-Security-Policy", "default-src 'self'");
    if (rs->set_cookie[0])
        MHD_add_response_header(r, "Set-Cookie", rs->set_cookie);
    enum MHD_Result ok = MHD_queue_response(conn, rs->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* Whether path matches the route's path; a final "/:id" matches one
 * non-empty segment, whose start goes in *id. */
static bool path_matches(const char *pattern, const char *path, const char **id)
{
    size_t n = strlen(pattern);
    if (n > 4 && strcmp(pattern + n - 4, "/:id") == 0) {
        size_t prefix = n - 3; /* keeps the '/' */
        if (strncmp(pattern, path, prefix) != 0 || path[prefix] == '\0' ||
            strchr(path + prefix, '/') != NULL)
            return false;
        *id = path + prefix;
        return true;
    }
    return strcmp(pattern, path) == 0;
}

/* Finds the route; *path_known tells 405 from 404; *id is the path's :id. */
static const struct hw_http_route *find_route(const char *method, const char *path,
                                              bool *path_known, const char **id)
{
    *path_known = false;
    *id = NULL;
    for (const struct hw_http_route *r = hw_http_routes; r->method; r++) {
        if (!path_matches(r->path, path, id))
            continue;
        *path_known = true;
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
        find_route(method, path, &known, &id);
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
        .routing = sv->c->routing,
        .limits = &sv->c->limits,
        .now = (hw_instant)time(NULL),
        .arg = query_arg,
        .conn = conn,
    };
    bool known;
    find_route(method, path, &known, &rq.id);
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
        p->route = find_route(method, url, &known, &id);
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
    struct hw_response rs = {.status = 500};
    char user[HW_USER_MAX + 1] = "";
    handle(sv, conn, method, url, p, &rs, user);
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
    /* Check the database once before serving: a clear error, not 500s. */
    struct hw_store *probe;
    if (hw_store_open(c->db_path, &probe, err) < 0)
        return -1;
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
        return hw_fail(err, HW_EINPUT, "cannot listen on %s (in use, or not allowed)", c->listen);
    }
    fprintf(c->log, "homeward: serving on http://%s/ (stop with Ctrl-C or SIGTERM)\n", c->listen);
    fflush(c->log);
    sigwait(&stop, &sig);
    fprintf(c->log, "homeward: stopping: finishing requests in flight\n");
    /* No new connections; MHD_stop_daemon waits for the ones in flight. */
    MHD_quiesce_daemon(d);
    MHD_stop_daemon(d);
    pthread_key_delete(sv.store_key);
    pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
    fprintf(c->log, "homeward: stopped\n");
    return 0;
}
