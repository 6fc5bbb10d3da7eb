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
};

const size_t hw_migration_count = sizeof hw_migrations / sizeof hw_migrations[0];
