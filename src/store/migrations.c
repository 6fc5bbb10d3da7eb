/* migrations.c - schema history. Instants are INTEGER seconds since the Unix
 * epoch (UTC); dates are TEXT YYYY-MM-DD; codes are TEXT as in the CSVs. */
#include "store/migrations.h"

const char *const hw_migrations[] = {
    /* 1: children, episodes, interviews and their links. */
    "CREATE TABLE children ("
    "  child_id TEXT PRIMARY KEY,"
    "  first_name TEXT, last_name TEXT, date_of_birth TEXT, gender TEXT, ethnicity TEXT,"
    "  responsible_authority TEXT, case_status TEXT, flags TEXT, placement_type TEXT,"
    "  placement_name TEXT, out_of_area TEXT, team TEXT, worker TEXT, school TEXT);"
    "CREATE INDEX children_team ON children(team);"
    "CREATE TABLE episodes ("
    "  episode_id TEXT PRIMARY KEY,"
    "  child_id TEXT NOT NULL REFERENCES children(child_id),"
    "  kind TEXT NOT NULL CHECK (kind IN ('missing', 'absent')),"
    "  last_seen INTEGER NOT NULL, reported INTEGER, returned INTEGER,"
    "  risk TEXT, missing_from_type TEXT, missing_from_name TEXT, out_of_area TEXT,"
    "  case_status TEXT, police_ref TEXT, reported_by TEXT, harmed TEXT,"
    "  crime_while_absent TEXT, found_location TEXT, with_children TEXT,"
    "  CHECK (returned IS NULL OR returned >= last_seen));"
    "CREATE INDEX episodes_last_seen ON episodes(last_seen);"
    "CREATE INDEX episodes_child ON episodes(child_id, last_seen);"
    "CREATE INDEX episodes_open ON episodes(last_seen) WHERE returned IS NULL;"
    "CREATE TABLE episode_with ("
    "  episode_id TEXT NOT NULL REFERENCES episodes(episode_id),"
    "  child_id TEXT NOT NULL,"
    "  PRIMARY KEY (episode_id, child_id)) WITHOUT ROWID;"
    "CREATE INDEX episode_with_child ON episode_with(child_id);"
    "CREATE TABLE interviews ("
    "  interview_id TEXT PRIMARY KEY,"
    "  child_id TEXT NOT NULL REFERENCES children(child_id),"
    "  episode_ids TEXT NOT NULL, decision TEXT, decided_by TEXT, decision_reason TEXT,"
    "  offered INTEGER, outcome TEXT, attempts INTEGER, completed INTEGER, conducted_by TEXT,"
    "  reasons TEXT, risks TEXT, screening TEXT, shared_with_police TEXT, signed_off INTEGER,"
    "  signed_off_by TEXT);"
    "CREATE INDEX interviews_child ON interviews(child_id);"
    "CREATE TABLE interview_episodes ("
    "  episode_id TEXT NOT NULL REFERENCES episodes(episode_id),"
    "  interview_id TEXT NOT NULL REFERENCES interviews(interview_id),"
    "  PRIMARY KEY (episode_id, interview_id)) WITHOUT ROWID;"
    "CREATE INDEX interview_episodes_interview ON interview_episodes(interview_id);",

    /* 2: the history. Each record keeps who created it, when and how (never
     * changed afterwards); each later change of a field is a row of
     * `changes`, append-only. Records are never deleted. */
    "ALTER TABLE children ADD COLUMN created_at INTEGER;"
    "ALTER TABLE children ADD COLUMN created_by TEXT;"
    "ALTER TABLE children ADD COLUMN created_source TEXT;"
    "ALTER TABLE episodes ADD COLUMN created_at INTEGER;"
    "ALTER TABLE episodes ADD COLUMN created_by TEXT;"
    "ALTER TABLE episodes ADD COLUMN created_source TEXT;"
    "ALTER TABLE interviews ADD COLUMN created_at INTEGER;"
    "ALTER TABLE interviews ADD COLUMN created_by TEXT;"
    "ALTER TABLE interviews ADD COLUMN created_source TEXT;"
    "CREATE TABLE changes ("
    "  change_id INTEGER PRIMARY KEY,"
    "  at INTEGER NOT NULL, user TEXT NOT NULL, source TEXT NOT NULL,"
    "  record_type TEXT NOT NULL, record_id TEXT NOT NULL,"
    "  field TEXT NOT NULL, old_value TEXT, new_value TEXT);"
    "CREATE INDEX changes_record ON changes(record_type, record_id, change_id);"
    "CREATE TRIGGER changes_append_only_u BEFORE UPDATE ON changes"
    "  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"
    "CREATE TRIGGER changes_append_only_d BEFORE DELETE ON changes"
    "  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"
    "CREATE TRIGGER children_kept BEFORE DELETE ON children"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TRIGGER episodes_kept BEFORE DELETE ON episodes"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TRIGGER interviews_kept BEFORE DELETE ON interviews"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TRIGGER children_created_kept BEFORE UPDATE OF created_at, created_by,"
    "  created_source ON children WHEN OLD.created_at IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'who created a record is never changed'); END;"
    "CREATE TRIGGER episodes_created_kept BEFORE UPDATE OF created_at, created_by,"
    "  created_source ON episodes WHEN OLD.created_at IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'who created a record is never changed'); END;"
    "CREATE TRIGGER interviews_created_kept BEFORE UPDATE OF created_at, created_by,"
    "  created_source ON interviews WHEN OLD.created_at IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'who created a record is never changed'); END;",

    /* 3: the safe-and-well check; actions resolved (done, or not needed with
     * a reason), each recorded once; finding recently returned episodes. */
    "ALTER TABLE episodes ADD COLUMN safe_well_at INTEGER;"
    "CREATE INDEX episodes_returned ON episodes(returned);"
    "CREATE TABLE actions ("
    "  episode_id TEXT NOT NULL REFERENCES episodes(episode_id),"
    "  action TEXT NOT NULL, seq INTEGER NOT NULL,"
    "  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'not_needed')),"
    "  at INTEGER NOT NULL, reason TEXT,"
    "  recorded_by TEXT NOT NULL, recorded_at INTEGER NOT NULL,"
    "  CHECK (outcome = 'done' OR reason IS NOT NULL),"
    "  PRIMARY KEY (episode_id, action, seq)) WITHOUT ROWID;"
    "CREATE TRIGGER actions_kept_u BEFORE UPDATE ON actions"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded action is never changed'); END;"
    "CREATE TRIGGER actions_kept_d BEFORE DELETE ON actions"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded action is never changed'); END;",

    /* 4: the outbox: one row per person or body told of an event of an
     * episode (core/routing.h). Rows are never deleted or changed, except
     * that the acknowledgement is set once. */
    "CREATE TABLE outbox ("
    "  notification_id INTEGER PRIMARY KEY,"
    "  episode_id TEXT NOT NULL REFERENCES episodes(episode_id),"
    "  child_id TEXT NOT NULL, event TEXT NOT NULL, role TEXT NOT NULL, recipient TEXT,"
    "  reason TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,"
    "  acknowledged_at INTEGER, acknowledged_by TEXT,"
    "  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)));"
    "CREATE INDEX outbox_acknowledged ON outbox(acknowledged_at);"
    "CREATE INDEX outbox_episode ON outbox(episode_id);"
    "CREATE TRIGGER outbox_kept_d BEFORE DELETE ON outbox"
    "  BEGIN SELECT RAISE(ABORT, 'notifications are never deleted'); END;"
    "CREATE TRIGGER outbox_kept_u BEFORE UPDATE OF notification_id, episode_id, child_id, event,"
    "  role, recipient, reason, created_at, created_by ON outbox"
    "  BEGIN SELECT RAISE(ABORT, 'a notification is never changed'); END;"
    "CREATE TRIGGER outbox_ack_once BEFORE UPDATE OF acknowledged_at, acknowledged_by ON outbox"
    "  WHEN OLD.acknowledged_at IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'a notification is acknowledged once'); END;",

    /* 5: interview attempts (004 section 10: at least two face-to-face
     * attempts), numbered per interview in the order recorded and never
     * changed; the main reason an interview was completed late. */
    "CREATE TABLE interview_attempts ("
    "  interview_id TEXT NOT NULL REFERENCES interviews(interview_id),"
    "  seq INTEGER NOT NULL CHECK (seq >= 1), at INTEGER NOT NULL,"
    "  face_to_face TEXT NOT NULL CHECK (face_to_face IN ('y', 'n')),"
    "  outcome TEXT NOT NULL"
    "    CHECK (outcome IN ('seen', 'not_in', 'refused', 'missing_again', 'other')),"
    "  note TEXT, recorded_by TEXT NOT NULL, recorded_at INTEGER NOT NULL,"
    "  PRIMARY KEY (interview_id, seq)) WITHOUT ROWID;"
    "CREATE TRIGGER interview_attempts_kept_u BEFORE UPDATE ON interview_attempts"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded attempt is never changed'); END;"
    "CREATE TRIGGER interview_attempts_kept_d BEFORE DELETE ON interview_attempts"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded attempt is never changed'); END;"
    "ALTER TABLE interviews ADD COLUMN lateness_reason TEXT;",

    /* 6: the missing plan: its text, when last reviewed, the next review. */
    "ALTER TABLE children ADD COLUMN missing_plan TEXT;"
    "ALTER TABLE children ADD COLUMN plan_reviewed TEXT;"
    "ALTER TABLE children ADD COLUMN plan_review_due TEXT;",

    /* 7: people and machines that sign in (app/auth.h). Secrets are kept
     * only as hashes: passwords argon2id, session, form and API tokens
     * SHA-256. signin_failures holds recent failed sign-ins by key
     * ("user:NAME", "addr:ADDRESS") for throttling. The audit log is
     * append-only and each entry's hash covers the one before it. */
    "CREATE TABLE users ("
    "  user TEXT PRIMARY KEY, display_name TEXT, role TEXT NOT NULL, team TEXT,"
    "  password_hash TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,"
    "  disabled_at INTEGER);"
    "CREATE TABLE sessions ("
    "  token_hash TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(user),"
    "  csrf_hash TEXT NOT NULL, address TEXT, created_at INTEGER NOT NULL,"
    "  last_used_at INTEGER NOT NULL, ended_at INTEGER) WITHOUT ROWID;"
    "CREATE INDEX sessions_user ON sessions(user) WHERE ended_at IS NULL;"
    "CREATE TABLE api_tokens ("
    "  token_hash TEXT PRIMARY KEY, user TEXT NOT NULL REFERENCES users(user),"
    "  scope TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,"
    "  revoked_at INTEGER) WITHOUT ROWID;"
    "CREATE INDEX api_tokens_user ON api_tokens(user) WHERE revoked_at IS NULL;"
    "CREATE TABLE signin_failures (key TEXT NOT NULL, at INTEGER NOT NULL);"
    "CREATE INDEX signin_failures_key ON signin_failures(key, at);"
    "CREATE TABLE audit ("
    "  seq INTEGER PRIMARY KEY CHECK (seq >= 1), at INTEGER NOT NULL, user TEXT NOT NULL,"
    "  action TEXT NOT NULL, record_type TEXT, record_id TEXT, detail TEXT,"
    "  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
    "CREATE INDEX audit_user ON audit(user, seq);"
    "CREATE INDEX audit_action ON audit(action, seq);"
    "CREATE TRIGGER audit_kept_u BEFORE UPDATE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;"
    "CREATE TRIGGER audit_kept_d BEFORE DELETE ON audit"
    "  BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;",

    /* 8: secrets Homeward makes for itself and keeps in the database, such
     * as the key of analysts' pseudonyms: made once, never changed. */
    "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;",

    /* 9: action plans (seeds 000, 002, 004 appendices; app/action_plans.h).
     * An action is named by its plan and its ref, and keeps who created it
     * and who last changed it; each later change of a field is a row of
     * plan_changes. The RAG ratings an action is given over time are
     * plan_ratings, numbered per action in the order recorded; rated_on NULL
     * is the initial rating. Actions are never deleted; ratings and changes
     * are append-only. Dates are TEXT YYYY-MM-DD. */
    "CREATE TABLE plan_actions ("
    "  plan TEXT NOT NULL, ref TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
    "  area TEXT, outcome TEXT, action TEXT NOT NULL, success_measure TEXT, lead TEXT,"
    "  owner TEXT, due TEXT, progress TEXT,"
    "  created_at INTEGER NOT NULL, created_by TEXT NOT NULL, created_source TEXT,"
    "  updated_at INTEGER, updated_by TEXT, updated_source TEXT,"
    "  PRIMARY KEY (plan, ref)) WITHOUT ROWID;"
    "CREATE TRIGGER plan_actions_kept BEFORE DELETE ON plan_actions"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TRIGGER plan_actions_created_kept BEFORE UPDATE OF plan, ref, created_at,"
    "  created_by, created_source ON plan_actions"
    "  BEGIN SELECT RAISE(ABORT, 'who created a record is never changed'); END;"
    "CREATE TABLE plan_ratings ("
    "  plan TEXT NOT NULL, ref TEXT NOT NULL, seq INTEGER NOT NULL CHECK (seq >= 1),"
    "  rated_on TEXT, rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green', 'complete')),"
    "  note TEXT, recorded_by TEXT NOT NULL, recorded_at INTEGER NOT NULL, source TEXT,"
    "  PRIMARY KEY (plan, ref, seq),"
    "  FOREIGN KEY (plan, ref) REFERENCES plan_actions(plan, ref)) WITHOUT ROWID;"
    "CREATE TRIGGER plan_ratings_kept_u BEFORE UPDATE ON plan_ratings"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded rating is never changed'); END;"
    "CREATE TRIGGER plan_ratings_kept_d BEFORE DELETE ON plan_ratings"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded rating is never changed'); END;"
    "CREATE TABLE plan_changes ("
    "  change_id INTEGER PRIMARY KEY, plan TEXT NOT NULL, ref TEXT NOT NULL,"
    "  at INTEGER NOT NULL, user TEXT NOT NULL, source TEXT NOT NULL,"
    "  field TEXT NOT NULL, old_value TEXT, new_value TEXT,"
    "  FOREIGN KEY (plan, ref) REFERENCES plan_actions(plan, ref));"
    "CREATE INDEX plan_changes_action ON plan_changes(plan, ref, change_id);"
    "CREATE TRIGGER plan_changes_kept_u BEFORE UPDATE ON plan_changes"
    "  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;"
    "CREATE TRIGGER plan_changes_kept_d BEFORE DELETE ON plan_changes"
    "  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;",

    /* 10: the children's periods of care, as the SSDA903 return's Episodes
     * table gives them (docs/ssda903.md): one row per period, from decom (the
     * first episode's start) to dec (the last one's end; NULL while open),
     * rec the reason it ceased, and the 903 fields of the period's first
     * episode as they were given. Dates are TEXT YYYY-MM-DD. */
    "CREATE TABLE care_periods ("
    "  child_id TEXT NOT NULL REFERENCES children(child_id), decom TEXT NOT NULL, dec TEXT,"
    "  rec TEXT, rne TEXT, ls TEXT, cin TEXT, place TEXT, place_provider TEXT,"
    "  reason_place_change TEXT, home_post TEXT, pl_post TEXT, urn TEXT,"
    "  PRIMARY KEY (child_id, decom)) WITHOUT ROWID;",

    /* The missing profile (seed 003 section 4.1; app/profile.h): a row per
     * child with the profile's text fields and who last changed them (each
     * change is also a row of `changes`, on the child, as the field
     * "profile.NAME"); the photograph with its media type, size and who
     * uploaded it (a replaced photograph's bytes are not kept: its
     * replacement is in `changes` as "profile.photo"); and each time the
     * profile was sent to the police for an open episode, append-only.
     * Profiles and photographs are never deleted. */
    "CREATE TABLE profiles ("
    "  child_id TEXT PRIMARY KEY REFERENCES children(child_id),"
    "  description TEXT, mobile TEXT, social_media TEXT, associates TEXT, addresses TEXT,"
    "  places_found TEXT, risks TEXT, medical TEXT,"
    "  updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TRIGGER profiles_kept BEFORE DELETE ON profiles"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TABLE profile_photos ("
    "  child_id TEXT PRIMARY KEY REFERENCES children(child_id),"
    "  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),"
    "  bytes INTEGER NOT NULL CHECK (bytes > 0), data BLOB NOT NULL,"
    "  uploaded_at INTEGER NOT NULL, uploaded_by TEXT NOT NULL,"
    "  CHECK (length(data) = bytes));"
    "CREATE TRIGGER profile_photos_kept BEFORE DELETE ON profile_photos"
    "  BEGIN SELECT RAISE(ABORT, 'records are never deleted'); END;"
    "CREATE TABLE profile_sends ("
    "  send_id INTEGER PRIMARY KEY,"
    "  child_id TEXT NOT NULL REFERENCES children(child_id),"
    "  episode_id TEXT NOT NULL REFERENCES episodes(episode_id),"
    "  police_ref TEXT, sent_to TEXT NOT NULL, sent_at INTEGER NOT NULL, sent_by TEXT NOT NULL);"
    "CREATE INDEX profile_sends_child ON profile_sends(child_id, send_id);"
    "CREATE TRIGGER profile_sends_kept_u BEFORE UPDATE ON profile_sends"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded send is never changed'); END;"
    "CREATE TRIGGER profile_sends_kept_d BEFORE DELETE ON profile_sends"
    "  BEGIN SELECT RAISE(ABORT, 'a recorded send is never changed'); END;",

    /* Notices to the council that placed a child here (core/notices.h,
     * docs/notices.md): a row of the outbox to the responsible council
     * carries the notice's text, made with the row and never changed; when
     * it was sent and by whom; the answer, when and by whom it was recorded,
     * and when the responsible council says the child's return home
     * interview was done. Each is set once; an answer is to a notice sent. */
    "ALTER TABLE outbox ADD COLUMN notice TEXT;"
    "ALTER TABLE outbox ADD COLUMN sent_at INTEGER;"
    "ALTER TABLE outbox ADD COLUMN sent_by TEXT;"
    "ALTER TABLE outbox ADD COLUMN answer TEXT;"
    "ALTER TABLE outbox ADD COLUMN answered_at INTEGER;"
    "ALTER TABLE outbox ADD COLUMN answered_by TEXT;"
    "ALTER TABLE outbox ADD COLUMN interview_completed INTEGER;"
    "CREATE INDEX outbox_notices ON outbox(episode_id) WHERE notice IS NOT NULL;"
    "CREATE TRIGGER outbox_notice_new BEFORE INSERT ON outbox"
    "  WHEN NEW.sent_at IS NOT NULL OR NEW.sent_by IS NOT NULL OR NEW.answer IS NOT NULL"
    "    OR NEW.answered_at IS NOT NULL OR NEW.answered_by IS NOT NULL"
    "    OR NEW.interview_completed IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'a notice is made unsent and unanswered'); END;"
    "CREATE TRIGGER outbox_notice_kept BEFORE UPDATE OF notice ON outbox"
    "  BEGIN SELECT RAISE(ABORT, 'a notice is never changed'); END;"
    "CREATE TRIGGER outbox_sent_whole BEFORE UPDATE OF sent_at, sent_by ON outbox"
    "  WHEN NEW.notice IS NULL OR NEW.sent_at IS NULL OR NEW.sent_by IS NULL"
    "  BEGIN SELECT RAISE(ABORT, 'a notice is sent with when and by whom'); END;"
    "CREATE TRIGGER outbox_sent_once BEFORE UPDATE OF sent_at, sent_by ON outbox"
    "  WHEN OLD.sent_at IS NOT NULL OR OLD.sent_by IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'a notice is sent once'); END;"
    "CREATE TRIGGER outbox_answered_whole BEFORE UPDATE OF answer, answered_at, answered_by,"
    "  interview_completed ON outbox"
    "  WHEN NEW.sent_at IS NULL OR NEW.answer IS NULL OR NEW.answered_at IS NULL"
    "    OR NEW.answered_by IS NULL"
    "  BEGIN SELECT RAISE(ABORT, 'an answer is to a notice sent, with when and by whom'); END;"
    "CREATE TRIGGER outbox_answered_once BEFORE UPDATE OF answer, answered_at, answered_by,"
    "  interview_completed ON outbox"
    "  WHEN OLD.answer IS NOT NULL OR OLD.answered_at IS NOT NULL OR OLD.answered_by IS NOT NULL"
    "    OR OLD.interview_completed IS NOT NULL"
    "  BEGIN SELECT RAISE(ABORT, 'a notice is answered once'); END;",
};

const size_t hw_migration_count = sizeof hw_migrations / sizeof hw_migrations[0];
