import type { Sql } from '../common/sql';

/**
 * The supervision feature's answers to the units feature: which follow-up items (督办事项) of one unit
 * a merge of the unit into another (units/agency-merge.ts) counts and moves.
 */

/**
 * How many items the unit `agency` (an SQL expression: a parameter or a column) has: a scalar
 * subquery, so that the units feature asks every feature's count in one statement.
 */
export const supervisionItemCountSql = (agency: string) => `(SELECT count(*) FROM supervision_item WHERE agency_id = ${agency})`;

/** The ids of the unit's items, in id order. */
export async function supervisionItemIdsOfAgency(sql: Sql, agencyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM supervision_item WHERE agency_id = $1 ORDER BY id`, [agencyId]);
  return rows.map((r) => r.id);
}

/** The unit's items become the other unit's. */
export async function moveAgencySupervisionItems(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE supervision_item SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
}
