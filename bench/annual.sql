-- Measures of the annual analysis by hand, for the sqlite3 shell: the
-- reference that tests/e2e/analyses.sh and bench/annual compare `homeward
-- report annual` against. Local time through the C library (run with
-- TZ=Europe/London). Own children (no responsible_authority), missing
-- episodes only (not absences), each in the financial year and quarter
-- the child was last seen.
-- Parameters: :fy (the year it starts, e.g. 2016) and :now (seconds since
-- 1970: episodes still missing are measured to it).
-- Output: four blocks of CSV rows, each row starting with its block name:
--   placement,TYPE,individuals,episodes,individuals_last_year,episodes_last_year
--   duration,BAND,q1,q2,q3,q4
--   timescale,QUARTER,needed,completed,in_timescale
--   age,BAND,individuals,episodes,individuals_last_year,episodes_last_year
--     (age at the start of the episode, on its local date; a child counts
--     as an individual in the band of their first episode of the year)
WITH e AS (
  SELECT e.episode_id, e.child_id, e.kind, e.last_seen, e.returned,
         COALESCE(e.missing_from_type, '') AS type,
         CAST(strftime('%Y', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS y,
         CAST(strftime('%m', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS m
    FROM episodes e JOIN children c USING (child_id)
   WHERE c.responsible_authority IS NULL AND e.kind = 'missing'
), f AS (
  SELECT *, CASE WHEN m >= 4 THEN y ELSE y - 1 END AS fy,
         CASE WHEN m >= 4 THEN (m - 4) / 3 + 1 ELSE 4 END AS q
    FROM e
), types(type, ord) AS (
  VALUES ('home', 1), ('la_home', 2), ('foster', 3), ('independent_home', 4),
         ('supported', 5), ('other', 6), ('', 7)
)
SELECT 'placement', CASE t.type WHEN '' THEN 'not_recorded' ELSE t.type END,
       (SELECT COUNT(DISTINCT child_id) FROM f WHERE fy = :fy AND type = t.type),
       (SELECT COUNT(*) FROM f WHERE fy = :fy AND type = t.type),
       (SELECT COUNT(DISTINCT child_id) FROM f WHERE fy = :fy - 1 AND type = t.type),
       (SELECT COUNT(*) FROM f WHERE fy = :fy - 1 AND type = t.type)
  FROM types t
UNION ALL
SELECT 'placement', 'total',
       (SELECT COUNT(DISTINCT child_id) FROM f WHERE fy = :fy),
       (SELECT COUNT(*) FROM f WHERE fy = :fy),
       (SELECT COUNT(DISTINCT child_id) FROM f WHERE fy = :fy - 1),
       (SELECT COUNT(*) FROM f WHERE fy = :fy - 1);

WITH e AS (
  SELECT e.last_seen, COALESCE(e.returned, :now) - e.last_seen AS secs,
         CAST(strftime('%Y', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS y,
         CAST(strftime('%m', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS m
    FROM episodes e JOIN children c USING (child_id)
   WHERE c.responsible_authority IS NULL AND e.kind = 'missing'
), f AS (
  SELECT CASE WHEN secs < 12 * 3600 THEN '0-12h' WHEN secs < 24 * 3600 THEN '12-24h'
              WHEN secs < 48 * 3600 THEN '24-48h' WHEN secs < 72 * 3600 THEN '48-72h'
              ELSE '72h+' END AS band,
         CASE WHEN m >= 4 THEN (m - 4) / 3 + 1 ELSE 4 END AS q
    FROM e WHERE (CASE WHEN m >= 4 THEN y ELSE y - 1 END) = :fy
), bands(band, ord) AS (
  VALUES ('0-12h', 1), ('12-24h', 2), ('24-48h', 3), ('48-72h', 4), ('72h+', 5)
)
SELECT 'duration', b.band,
       (SELECT COUNT(*) FROM f WHERE f.band = b.band AND q = 1),
       (SELECT COUNT(*) FROM f WHERE f.band = b.band AND q = 2),
       (SELECT COUNT(*) FROM f WHERE f.band = b.band AND q = 3),
       (SELECT COUNT(*) FROM f WHERE f.band = b.band AND q = 4)
  FROM bands b ORDER BY b.ord;

WITH e AS (
  SELECT e.episode_id, e.returned,
         CAST(strftime('%Y', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS y,
         CAST(strftime('%m', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS m,
         (SELECT MIN(i.completed) FROM interview_episodes ie JOIN interviews i USING (interview_id)
           WHERE ie.episode_id = e.episode_id AND i.outcome = 'completed') AS completed
    FROM episodes e JOIN children c USING (child_id)
   WHERE c.responsible_authority IS NULL AND e.kind = 'missing' AND e.returned IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM interview_episodes ie JOIN interviews i USING (interview_id)
                      WHERE ie.episode_id = e.episode_id
                        AND (i.decision = 'not_required' OR i.outcome = 'not_required'))
), f AS (
  SELECT *, CASE WHEN m >= 4 THEN (m - 4) / 3 + 1 ELSE 4 END AS q
    FROM e WHERE (CASE WHEN m >= 4 THEN y ELSE y - 1 END) = :fy
)
SELECT 'timescale', 'q' || q, COUNT(*), COUNT(completed),
       SUM(completed IS NOT NULL AND completed <= returned + 72 * 3600)
  FROM f GROUP BY q ORDER BY q;

WITH e AS (
  SELECT e.episode_id, e.child_id, e.last_seen, c.date_of_birth AS dob,
         date(e.last_seen, 'unixepoch', 'localtime') AS d,
         CAST(strftime('%Y', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS y,
         CAST(strftime('%m', e.last_seen, 'unixepoch', 'localtime') AS INTEGER) AS m
    FROM episodes e JOIN children c USING (child_id)
   WHERE c.responsible_authority IS NULL AND e.kind = 'missing'
), f AS (
  SELECT *, CASE WHEN m >= 4 THEN y ELSE y - 1 END AS fy,
         CASE WHEN dob IS NULL OR dob > d THEN -1
              ELSE CAST(substr(d, 1, 4) AS INTEGER) - CAST(substr(dob, 1, 4) AS INTEGER)
                   - (substr(d, 6) < substr(dob, 6)) END AS age
    FROM e
), g AS (
  SELECT CASE WHEN age < 0 THEN 'not_recorded' WHEN age < 1 THEN 'under_1'
              WHEN age < 5 THEN '1_4' WHEN age < 10 THEN '5_9' WHEN age < 16 THEN '10_15'
              ELSE '16_plus' END AS band, fy,
         ROW_NUMBER() OVER (PARTITION BY child_id, fy ORDER BY last_seen, episode_id) = 1 AS first
    FROM f
), bands(band, ord) AS (
  VALUES ('under_1', 1), ('1_4', 2), ('5_9', 3), ('10_15', 4), ('16_plus', 5),
         ('not_recorded', 6)
)
SELECT 'age', b.band,
       (SELECT COUNT(*) FROM g WHERE fy = :fy AND g.band = b.band AND first),
       (SELECT COUNT(*) FROM g WHERE fy = :fy AND g.band = b.band),
       (SELECT COUNT(*) FROM g WHERE fy = :fy - 1 AND g.band = b.band AND first),
       (SELECT COUNT(*) FROM g WHERE fy = :fy - 1 AND g.band = b.band)
  FROM bands b ORDER BY b.ord;
