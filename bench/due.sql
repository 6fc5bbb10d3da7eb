-- What the due list reads, by hand, for the sqlite3 shell: every missing
-- episode open or returned within 90 days of :now, with its child, the
-- child's episodes in the 28 days before it (the repeat rule), the actions
-- recorded for it and whether an interview covering it has a final outcome.
-- (Homeward then applies the rules to these rows.) Parameter: :now (seconds).
SELECT e.episode_id, e.child_id, e.last_seen, e.returned, e.risk, e.case_status,
       c.first_name, c.last_name, c.team, c.flags, c.responsible_authority,
       (SELECT count(*) FROM episodes p
         WHERE p.child_id = e.child_id AND p.kind = 'missing'
           AND p.last_seen BETWEEN e.last_seen - 28 * 86400 AND e.last_seen) AS in_28_days,
       (SELECT group_concat(a.action || '#' || a.seq) FROM actions a
         WHERE a.episode_id = e.episode_id) AS resolved,
       (SELECT max(i.outcome IN ('completed', 'declined', 'unavailable', 'not_required'))
          FROM interview_episodes ie JOIN interviews i USING (interview_id)
         WHERE ie.episode_id = e.episode_id) AS interview_final
  FROM episodes e JOIN children c USING (child_id)
 WHERE e.kind = 'missing' AND (e.returned IS NULL OR e.returned >= :now - 90 * 86400)
   AND e.last_seen <= :now
 ORDER BY e.last_seen;
