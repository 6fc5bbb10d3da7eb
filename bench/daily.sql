-- The daily list by hand, for the sqlite3 shell: missing or away now, and
-- returned in the 24 hours before :now with their interviews' outcomes.
-- Parameter: :now (seconds since the epoch).
SELECT e.episode_id, e.child_id, c.first_name, c.last_name, e.kind,
       round((:now - e.last_seen) / 3600.0, 1), e.risk, e.missing_from_name, c.worker, c.team
  FROM episodes e JOIN children c USING (child_id)
 WHERE (e.returned IS NULL OR e.returned > :now) AND e.last_seen <= :now
 ORDER BY e.last_seen;
SELECT e.episode_id, e.child_id, c.first_name, c.last_name, e.returned,
       round((e.returned - e.last_seen) / 3600.0, 1), e.risk,
       (SELECT group_concat(i.outcome) FROM interview_episodes ie JOIN interviews i
           USING (interview_id) WHERE ie.episode_id = e.episode_id)
  FROM episodes e JOIN children c USING (child_id)
 WHERE e.returned > :now - 86400 AND e.returned <= :now
 ORDER BY e.last_seen;
