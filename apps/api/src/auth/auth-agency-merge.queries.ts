import type { Sql } from '../common/sql';

/**
 * The accounts' answers to the units feature about one unit's accounts: how many each unit has
 * (the units page), and which a merge of the unit into another (units/agency-merge.ts) moves.
 */

/** How many accounts each unit has. Units with none are absent. */
export async function accountCountsByAgency(sql: Sql): Promise<{ id: string; accounts: number }[]> {
  return sql.query(`SELECT agency_id AS id, count(*)::int AS accounts FROM app_user WHERE agency_id IS NOT NULL GROUP BY agency_id`);
}

export async function accountCountOfAgency(sql: Sql, agencyId: string): Promise<number> {
  const [row]: { accounts: number }[] = await sql.query(`SELECT (SELECT count(*) FROM app_user WHERE agency_id = $1)::int AS accounts`, [
    agencyId,
  ]);
  return row.accounts;
}

/** The ids of the unit's accounts, in id order. */
export async function accountIdsOfAgency(sql: Sql, agencyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM app_user WHERE agency_id = $1 ORDER BY id`, [agencyId]);
  return rows.map((r) => r.id);
}

/** The unit's accounts become the other unit's. */
export async function moveAgencyAccounts(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE app_user SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
}
