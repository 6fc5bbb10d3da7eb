/* api_session.c - health, sign-in, sign-out, who is signed in. */
#include "http/api.h"

#include <stdio.h>
#include <string.h>

/* ---- handlers ---- */

void hw_api_health(struct hw_request *rq, struct hw_response *rs)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string("ok"));
    json_object_set_new(o, "schema", json_integer(hw_store_schema_version(rq->store)));
    hw_http_json(rs, 200, o);
}

void hw_api_sign_in(struct hw_request *rq, struct hw_response *rs)
{
    static const char *const allowed[] = {"user", "password", NULL};
    char token[HW_TOKEN_HEX], csrf[HW_TOKEN_HEX];
    struct hw_principal who;
    struct hw_err err = {0};
    json_t *body = hw_api_body(rq, rs, allowed);
    if (body == NULL)
        return;
    const char *user = hw_api_text(body, "user", rs), *password;
    if (user == NULL || (password = hw_api_text(body, "password", rs)) == NULL) {
        json_decref(body);
        return;
    }
    if (hw_signin(rq->store, rq->limits, user, password, rq->address, rq->now, token, csrf, &who,
                  &err) < 0) {
        json_decref(body);
        if (err.kind == HW_EINTERNAL)
            hw_http_error(rs, 500, NULL, "the sign-in could not be recorded");
        else if (strstr(err.msg, "too many"))
            hw_http_error(rs, 429, NULL, "%s", err.msg);
        else
            hw_http_error(rs, 401, NULL, "%s", err.msg);
        return;
    }
    json_decref(body);
    /* The session lives in an HttpOnly cookie; the CSRF token goes to the
     * page, which sends it back in X-CSRF-Token with every change. */
    snprintf(rs->set_cookie, sizeof rs->set_cookie,
             "hw_session=%s; Path=/; HttpOnly; SameSite=Strict", token);
    json_t *o = hw_api_principal_json(&who);
    json_object_set_new(o, "csrf", json_string(csrf));
    hw_http_json(rs, 200, o);
}

void hw_api_sign_out(struct hw_request *rq, struct hw_response *rs)
{
    struct hw_err err = {0};
    if (rq->token && hw_signout(rq->store, rq->token, rq->now, &err) < 0) {
        hw_http_error(rs, 500, NULL, "the sign-out could not be recorded");
        return;
    }
    snprintf(rs->set_cookie, sizeof rs->set_cookie,
             "hw_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    json_t *o = json_object();
    json_object_set_new(o, "signed_out", json_true());
    hw_http_json(rs, 200, o);
}

void hw_api_me(struct hw_request *rq, struct hw_response *rs)
{
    hw_http_json(rs, 200, hw_api_principal_json(&rq->who));
}
