import type { Sql } from '../common/sql';

/** The auth feature's answer to the supervision review (who is told a review's pack is out). */

/** The reporters' accounts of the given units (any state: the notices skip deactivated ones). */
export async function reporterIdsOfAgencies(sql: Sql, agencyIds: string[]): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM app_user WHERE role = 'REPORTER' AND agency_id = ANY($1::uuid[])`, [
    agencyIds,
  ]);
  return rows.map((r) => r.id);
}
