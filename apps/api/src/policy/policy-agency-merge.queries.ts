import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the units feature about one unit's responsibilities and (for a
 * county) quotas: how many each unit has (the units page), and what a merge of the unit into
 * another (units/agency-merge.ts) counts and moves, in the merge's transaction.
 */

/** How many measures each unit is responsible for, over every policy. Units with none are absent. */
export async function responsibilityCountsByAgency(sql: Sql): Promise<{ id: string; responsibilities: number }[]> {
  return sql.query(`SELECT agency_id AS id, count(*)::int AS responsibilities FROM responsibility GROUP BY agency_id`);
}

/** What a merge of `fromId` into `intoId` moves here: responsibilities, those both share, and quotas. */
export interface AgencyMergePolicyCounts {
  responsibilities: number;
  sharedResponsibilities: number;
  quotas: number;
}

export async function policyCountsOfAgencyMerge(sql: Sql, fromId: string, intoId: string): Promise<AgencyMergePolicyCounts> {
  const [row]: AgencyMergePolicyCounts[] = await sql.query(
    `SELECT (SELECT count(*) FROM responsibility WHERE agency_id = $1)::int AS responsibilities,
            (SELECT count(*) FROM responsibility r WHERE r.agency_id = $1
                AND EXISTS (SELECT 1 FROM responsibility o WHERE o.measure_id = r.measure_id AND o.agency_id = $2))::int AS "sharedResponsibilities",
            (SELECT count(*) FROM county_quota WHERE county_id = $1)::int AS quotas`,
    [fromId, intoId],
  );
  return row;
}

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
