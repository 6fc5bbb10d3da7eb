/* api.h - inside the HTTP layer: what the handlers share, and the handlers.
 *
 * The server (server.c) finds the route, checks the body size, the session
 * or API token, the role and the CSRF token, then calls the handler. A
 * handler parses its request with the helpers here, calls the app, report
 * and io layers, and fills the response. Each api_*.c file holds the
 * handlers of one area; routes.c lists them all in one table.
 */
#ifndef HW_API_H
#define HW_API_H

#include "app/save.h"
#include "app/workflow.h"
#include "http/routes.h"
#include "report/table.h"

/* Roles as route bits. */
#define HW_STAFF                                                                                   \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) |                            \
     HW_R(HW_USER_ROLE_WORKER) | HW_R(HW_USER_ROLE_ANALYST) | HW_R(HW_USER_ROLE_POLICE_LIAISON) |  \
     HW_R(HW_USER_ROLE_ADMIN))
/* Those who work with children's records: operational staff. */
#define HW_CASEWORK                                                                                \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) | HW_R(HW_USER_ROLE_WORKER))
#define HW_REPORTING                                                                               \
    (HW_R(HW_USER_ROLE_COORDINATOR) | HW_R(HW_USER_ROLE_TEAM_MANAGER) | HW_R(HW_USER_ROLE_ANALYST))

/* ---- request bodies ---- */

/* Parses the body as a JSON object whose keys are all in `allowed`
 * (NULL-terminated; NULL: any key, checked by the caller). Returns the object (owned) or NULL with
 * rs filled. */
json_t *hw_api_body(struct hw_request *rq, struct hw_response *rs, const char *const *allowed);
/* A required string member, or NULL with rs filled (422). */
const char *hw_api_text(json_t *o, const char *key, struct hw_response *rs);
/* An optional string member: *out NULL when absent or null; false with rs
 * filled when not a string. */
bool hw_api_opt_text(json_t *o, const char *key, const char **out, struct hw_response *rs);
/* A local time member ("YYYY-MM-DD HH:MM"), def when absent; false with rs
 * filled when malformed. */
bool hw_api_time(json_t *o, const char *key, hw_instant def, hw_instant *out,
                 struct hw_response *rs);
/* Sets record fields from same-named string members of o. */
bool hw_api_fields(json_t *o, const struct hw_field *table, const char *const *names, void *rec,
                   struct hw_response *rs);

/* Sets rec's fields from o's members: each must name a field of table (or
 * be one of skip, NULL-terminated, or skip NULL). Values: a string, null
 * (clears), an array of strings for list fields, a whole number for number
 * fields. False with rs filled (400 unknown field, 422 bad value). */
bool hw_api_record_fields(json_t *o, const struct hw_field *table, void *rec,
                          const char *const *skip, struct hw_response *rs);

/* ---- answers ---- */

json_t *hw_api_principal_json(const struct hw_principal *p);
/* 422 for the caller's mistakes, 404, 409, else 500. */
unsigned hw_api_status(const struct hw_err *err);
/* A failure from below with its status (hw_api_status); the field is the
 * message's "name:" prefix when that names a field of table. */
void hw_api_fail(struct hw_response *rs, const struct hw_err *err, const struct hw_field *table);
/* A failure from below: 400 for input errors, else 500. */
void hw_api_fault(struct hw_response *rs, const struct hw_err *err);

/* ---- who may see what ---- */

/* The team a list is for: a coordinator may ask for any team (or all); a
 * team manager or worker sees their own team only. */
bool hw_api_team(struct hw_request *rq, struct hw_response *rs, const char **team);
/* The `at` argument (local time, default now) and the `format` (json, csv
 * or text; csv only when allowed). */
bool hw_api_list_args(struct hw_request *rq, struct hw_response *rs, bool csv, hw_instant *at,
                      int *fmt);
/* Audits the view and sets the status and content type. */
void hw_api_list_answer(struct hw_request *rq, struct hw_response *rs, int fmt, const char *what);
/* Loads child id into c and checks the principal may see them; false with
 * rs filled (404 unknown, 403 not theirs and audited, 500 fault). */
bool hw_api_visible_child(struct hw_request *rq, struct hw_response *rs, const char *id,
                          struct hw_child *c);
/* Managers and workers may change only their own team's episodes. */
bool hw_api_may_change_episode(struct hw_request *rq, struct hw_response *rs, const char *id);
/* Who made a change made through this request. */
struct hw_actor hw_api_actor(struct hw_request *rq);
/* The request's configuration, reasons and routing. */
struct hw_rulebook hw_api_rulebook(const struct hw_request *rq);

/* ---- the handlers, by file ---- */

/* api_session.c */
void hw_api_health(struct hw_request *rq, struct hw_response *rs);
void hw_api_sign_in(struct hw_request *rq, struct hw_response *rs);
void hw_api_sign_out(struct hw_request *rq, struct hw_response *rs);
void hw_api_me(struct hw_request *rq, struct hw_response *rs);
void hw_api_codes(struct hw_request *rq, struct hw_response *rs);
void hw_api_teams(struct hw_request *rq, struct hw_response *rs);
/* api_reports.c */
void hw_api_reports(struct hw_request *rq, struct hw_response *rs);
void hw_api_monthly(struct hw_request *rq, struct hw_response *rs);
void hw_api_analysis(struct hw_request *rq, struct hw_response *rs);
void hw_api_scorecard(struct hw_request *rq, struct hw_response *rs);
void hw_api_plans_report(struct hw_request *rq, struct hw_response *rs);
void hw_api_statutory(struct hw_request *rq, struct hw_response *rs);
void hw_api_ola_report(struct hw_request *rq, struct hw_response *rs);
/* api_plans.c */
void hw_api_plan_import(struct hw_request *rq, struct hw_response *rs);
void hw_api_plan_rate(struct hw_request *rq, struct hw_response *rs);
/* api_lists.c */
void hw_api_team_list(struct hw_request *rq, struct hw_response *rs);
void hw_api_weekly(struct hw_request *rq, struct hw_response *rs);
void hw_api_dashboard(struct hw_request *rq, struct hw_response *rs);
void hw_api_outbox(struct hw_request *rq, struct hw_response *rs);
/* api_records.c */
void hw_api_children(struct hw_request *rq, struct hw_response *rs);
void hw_api_child_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_child_add(struct hw_request *rq, struct hw_response *rs);
void hw_api_child_patch(struct hw_request *rq, struct hw_response *rs);
void hw_api_episodes(struct hw_request *rq, struct hw_response *rs);
void hw_api_episode_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_episode_patch(struct hw_request *rq, struct hw_response *rs);
void hw_api_interviews(struct hw_request *rq, struct hw_response *rs);
void hw_api_interview_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_interview_add(struct hw_request *rq, struct hw_response *rs);
void hw_api_interview_patch(struct hw_request *rq, struct hw_response *rs);
void hw_api_history(struct hw_request *rq, struct hw_response *rs);
/* api_workflow.c */
void hw_api_report(struct hw_request *rq, struct hw_response *rs);
void hw_api_record_return(struct hw_request *rq, struct hw_response *rs);
void hw_api_resolve_action(struct hw_request *rq, struct hw_response *rs);
void hw_api_attempt(struct hw_request *rq, struct hw_response *rs);
/* api_profile.c */
void hw_api_profile_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_profile_patch(struct hw_request *rq, struct hw_response *rs);
void hw_api_photo_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_photo_put(struct hw_request *rq, struct hw_response *rs);
void hw_api_profile_print(struct hw_request *rq, struct hw_response *rs);
void hw_api_profile_send(struct hw_request *rq, struct hw_response *rs);
void hw_api_missing_profiles(struct hw_request *rq, struct hw_response *rs);
/* api_notices.c */
void hw_api_notices(struct hw_request *rq, struct hw_response *rs);
void hw_api_notice_get(struct hw_request *rq, struct hw_response *rs);
void hw_api_notice_overdue(struct hw_request *rq, struct hw_response *rs);
void hw_api_notice_send(struct hw_request *rq, struct hw_response *rs);
void hw_api_notice_answer(struct hw_request *rq, struct hw_response *rs);
/* api_import.c */
void hw_api_import(struct hw_request *rq, struct hw_response *rs);
/* api_admin.c */
void hw_api_users(struct hw_request *rq, struct hw_response *rs);
void hw_api_user_add(struct hw_request *rq, struct hw_response *rs);
void hw_api_user_patch(struct hw_request *rq, struct hw_response *rs);
void hw_api_token_add(struct hw_request *rq, struct hw_response *rs);
void hw_api_audit(struct hw_request *rq, struct hw_response *rs);
void hw_api_audit_verify(struct hw_request *rq, struct hw_response *rs);

#endif
