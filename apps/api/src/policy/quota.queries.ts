import type { Sql } from '../common/sql';
import type { TargetDirection } from '@luoshi/domain';

/** A county's quota of a target, locked for the transaction (null: none set). */
export async function lockedQuota(sql: Sql, targetId: string, countyId: string): Promise<number | null> {
  const before: { quota: string }[] = await sql.query(`SELECT quota FROM county_quota WHERE target_id = $1 AND county_id = $2 FOR UPDATE`, [
    targetId,
    countyId,
  ]);
  return before.length ? Number(before[0].quota) : null;
}

/** Sets one county's quota of a target (a new row, or the existing one changed). */
export async function upsertQuota(sql: Sql, targetId: string, countyId: string, quota: number): Promise<void> {
  await sql.query(
    `INSERT INTO county_quota (target_id, county_id, quota) VALUES ($1, $2, $3)
     ON CONFLICT (target_id, county_id) DO UPDATE SET quota = EXCLUDED.quota, updated_at = now()`,
    [targetId, countyId, quota],
  );
}

/** What a split needs of its target. */
export interface TargetToSplit {
  id: string;
  name: string;
  direction: TargetDirection;
  targetValue: number;
}

/**
 * The target whose split is saved, locked for the transaction (null: no such target). NO KEY UPDATE:
 * serializes two saves of the table without blocking reports' foreign-key checks on the target.
 */
export async function lockTargetToSplit(sql: Sql, targetId: string): Promise<TargetToSplit | null> {
  const rows: TargetToSplit[] = await sql.query(
    `SELECT id, name, direction, target_value::float AS "targetValue" FROM target WHERE id = $1 FOR NO KEY UPDATE`,
    [targetId],
  );
  return rows[0] ?? null;
}

/** Every county's quota of a target, locked for the transaction, in county id order. */
export function lockedQuotasOfTarget(sql: Sql, targetId: string): Promise<{ county_id: string; quota: number }[]> {
  return sql.query(`SELECT county_id, quota::float AS quota FROM county_quota WHERE target_id = $1 ORDER BY county_id FOR UPDATE`, [
    targetId,
  ]);
}

/** Removes the quotas of a target held by counties other than `keptCountyIds`. */
export async function deleteQuotasExcept(sql: Sql, targetId: string, keptCountyIds: string[]): Promise<void> {
  await sql.query(`DELETE FROM county_quota WHERE target_id = $1 AND NOT (county_id = ANY($2::uuid[]))`, [targetId, keptCountyIds]);
}

/**
 * Sets many counties' quotas of a target in one statement (none given: no statement), in county id
 * order (so two saves lock rows in the same order); a row whose quota is unchanged is left untouched.
 */
export async function upsertQuotas(sql: Sql, targetId: string, quotas: { countyId: string; quota: number }[]): Promise<void> {
  if (!quotas.length) return;
  await sql.query(
    `INSERT INTO county_quota (target_id, county_id, quota)
     SELECT $1, q.county_id, q.quota FROM unnest($2::uuid[], $3::numeric[]) AS q(county_id, quota) ORDER BY q.county_id
     ON CONFLICT (target_id, county_id) DO UPDATE SET quota = EXCLUDED.quota, updated_at = now()
      WHERE county_quota.quota IS DISTINCT FROM EXCLUDED.quota`,
    [targetId, quotas.map((q) => q.countyId), quotas.map((q) => q.quota)],
  );
}

/**
 * The 任务分解 page's table in one statement: every county with its quota, and last year's target of
 * the same name (the same policy first, else the latest notice) with each county's quota and
 * accepted achievement of it, so the office can start from last year's split or last year's shares.
 * $1 = the target.
 */
const QUOTA_TABLE_SQL = `
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

/** The quota table of a target (QUOTA_TABLE_SQL: one statement); no row has `found` where the target is unknown. */
export function quotaTableRows(sql: Sql, targetId: string): Promise<QuotaTableSqlRow[]> {
  return sql.query(QUOTA_TABLE_SQL, [targetId]);
}
