import type { Sql } from '../common/sql';

/**
 * The accounts' answers to the units feature about one unit's accounts: how many it has (the units
 * page, a merge's preview), and which a merge of the unit into another (units/agency-merge.ts) moves.
 */

/**
 * How many accounts the unit `agency` (an SQL expression: a parameter or a column) has: a scalar
 * subquery, so that the units feature asks every feature's count in one statement.
 */
export const accountCountSql = (agency: string) => `(SELECT count(*) FROM app_user u WHERE u.agency_id = ${agency})`;

/** The ids of the unit's accounts, in id order. */
export async function accountIdsOfAgency(sql: Sql, agencyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM app_user WHERE agency_id = $1 ORDER BY id`, [agencyId]);
  return rows.map((r) => r.id);
}

/** The unit's accounts become the other unit's. */
export async function moveAgencyAccounts(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE app_user SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
}
