import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the units feature about one unit's responsibilities and (for a
 * county) quotas: how many it has (the units page, a merge's preview), and what a merge of the unit
 * into another (units/agency-merge.ts) moves, in the merge's transaction.
 *
 * The counts are scalar subqueries over SQL expressions (a parameter or a column), so that the units
 * feature asks every feature's count in one statement.
 */

/** How many measures the unit is responsible for, over every policy. */
export const responsibilityCountSql = (agency: string) => `(SELECT count(*) FROM responsibility r WHERE r.agency_id = ${agency})`;

/** Of those, the measures the unit `into` is responsible for too (a merge makes each pair one). */
export function sharedResponsibilityCountSql(agency: string, into: string): string {
  return `(SELECT count(*) FROM responsibility r WHERE r.agency_id = ${agency}
    AND EXISTS (SELECT 1 FROM responsibility o WHERE o.measure_id = r.measure_id AND o.agency_id = ${into}))`;
}

/** How many quotas the county has. */
export const quotaCountSql = (county: string) => `(SELECT count(*) FROM county_quota WHERE county_id = ${county})`;

/**
 * The unit's responsibilities become the other unit's: one per measure, LEAD if either unit led it,
 * at the earlier position.
 */
export async function mergeAgencyResponsibilities(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(
    `UPDATE responsibility o SET role = CASE WHEN r.role = 'LEAD' THEN 'LEAD' ELSE o.role END, position = LEAST(o.position, r.position)
       FROM responsibility r WHERE r.agency_id = $1 AND o.agency_id = $2 AND o.measure_id = r.measure_id`,
    [fromId, intoId],
  );
  await sql.query(
    `DELETE FROM responsibility r WHERE r.agency_id = $1 AND EXISTS (SELECT 1 FROM responsibility o WHERE o.measure_id = r.measure_id AND o.agency_id = $2)`,
    [fromId, intoId],
  );
  await sql.query(`UPDATE responsibility SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
}

/** One county's quotas become the other's, added together where both have one. */
export async function mergeCountyQuotas(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(
    `INSERT INTO county_quota (target_id, county_id, quota) SELECT target_id, $2, quota FROM county_quota WHERE county_id = $1
     ON CONFLICT (target_id, county_id) DO UPDATE SET quota = county_quota.quota + EXCLUDED.quota, updated_at = now()`,
    [fromId, intoId],
  );
  await sql.query(`DELETE FROM county_quota WHERE county_id = $1`, [fromId]);
}
