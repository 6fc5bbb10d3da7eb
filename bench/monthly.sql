-- The monthly data profile by hand, for the sqlite3 shell: the reference
-- that tests/e2e and bench/ compare `homeward report monthly` against.
-- Months are local time through the C library (run with TZ=Europe/London);
-- rates are hundredths of a percent rounded half up, as Homeward defines.
-- Parameters: :from and :to as 'YYYY-MM'.
WITH e AS (
  SELECT strftime('%Y-%m', e.last_seen, 'unixepoch', 'localtime') AS month,
         e.child_id,
         e.case_status = 'cla' AS lac,
         EXISTS (SELECT 1 FROM interview_episodes ie JOIN interviews i USING (interview_id)
                  WHERE ie.episode_id = e.episode_id
                    AND (i.offered IS NOT NULL OR i.outcome IN ('completed', 'declined'))) AS offered,
         EXISTS (SELECT 1 FROM interview_episodes ie JOIN interviews i USING (interview_id)
                  WHERE ie.episode_id = e.episode_id AND i.outcome = 'completed') AS done
    FROM episodes e JOIN children c USING (child_id)
   WHERE e.kind = 'missing' AND c.responsible_authority IS NULL
), m AS (
  SELECT month,
         COUNT(DISTINCT child_id) AS children,
         COUNT(DISTINCT CASE WHEN offered THEN child_id END) AS offered,
         COUNT(DISTINCT CASE WHEN done THEN child_id END) AS done_children,
         COUNT(*) AS episodes,
         SUM(done) AS done,
         SUM(lac) AS lac,
         SUM(lac AND done) AS lac_done
    FROM e WHERE month BETWEEN :from AND :to GROUP BY month
)
SELECT month, children, offered, done_children, episodes, done,
       printf('%d.%02d', (20000 * offered + children) / (2 * children) / 100,
                         (20000 * offered + children) / (2 * children) % 100),
       printf('%d.%02d', (20000 * done + episodes) / (2 * episodes) / 100,
                         (20000 * done + episodes) / (2 * episodes) % 100),
       CASE WHEN lac > 0 THEN printf('%d.%02d', (20000 * lac_done + lac) / (2 * lac) / 100,
                                               (20000 * lac_done + lac) / (2 * lac) % 100)
            ELSE '' END
  FROM m ORDER BY month;
