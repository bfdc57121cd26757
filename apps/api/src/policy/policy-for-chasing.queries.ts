import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the chasing feature: plain reads of agency rows, kept here so that
 * chasing runs no SQL on this feature's tables. (Chasing's joined questions, which read these tables
 * with its own in one statement, are in chasing/chase.queries.ts.)
 */

/** Whether the unit exists (active or not). */
export async function agencyExists(sql: Sql, agencyId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT id FROM agency WHERE id = $1`, [agencyId]);
  return rows.length > 0;
}
