/**
 * The 任务分解 page's table in one statement: every county with its quota, and last year's target of
 * the same name (the same policy first, else the latest notice) with each county's quota and
 * accepted achievement of it, so the office can start from last year's split or last year's shares.
 * $1 = the target.
 */
export const QUOTA_TABLE_SQL = `
WITH cur AS (
  SELECT t.id, t.name, t.year, t.direction, m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id WHERE t.id = $1
),
prev AS (
  SELECT pt.id, pt.year
    FROM cur
    JOIN target pt ON pt.name = cur.name AND pt.year = cur.year - 1 AND pt.direction = cur.direction
    JOIN measure pm ON pm.id = pt.measure_id
    JOIN policy pp ON pp.id = pm.policy_id
   ORDER BY (pm.policy_id = cur.policy_id) DESC, pp.issued_on DESC, pt.id
   LIMIT 1
),
achieved AS (
  SELECT rt.county_id, sum(rt.total) AS total
    FROM prev
    JOIN report_total rt ON rt.target_id = prev.id AND rt.status = 'ACCEPTED'
    JOIN reporting_period p ON p.id = rt.period_id AND extract(year FROM p.starts_on) = prev.year
   GROUP BY rt.county_id
)
SELECT c.id AS county_id,
       EXISTS (SELECT 1 FROM cur) AS found,
       (SELECT prev.id FROM prev) AS previous_target_id,
       (SELECT q.quota FROM county_quota q WHERE q.target_id = $1 AND q.county_id = c.id)::float AS quota,
       (SELECT q.quota FROM county_quota q JOIN prev ON q.target_id = prev.id WHERE q.county_id = c.id)::float AS previous_quota,
       CASE WHEN EXISTS (SELECT 1 FROM prev) THEN coalesce(a.total, 0)::float END AS previous_achieved,
       (coalesce(a.total, 0) / nullif((SELECT sum(total) FROM achieved), 0))::float AS previous_share
  FROM agency c
  LEFT JOIN achieved a ON a.county_id = c.id
 WHERE c.kind = 'COUNTY' AND c.merged_into_id IS NULL
   -- An inactive county keeps its row only where it has a quota or last year's figures (history).
   AND (c.active OR a.county_id IS NOT NULL OR EXISTS (SELECT 1 FROM county_quota q WHERE q.county_id = c.id AND q.target_id = $1))
 ORDER BY c.region_code`;

export interface QuotaTableSqlRow {
  county_id: string;
  found: boolean;
  previous_target_id: string | null;
  quota: number | null;
  previous_quota: number | null;
  previous_achieved: number | null;
  previous_share: number | null;
}
