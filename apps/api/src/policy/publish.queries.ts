import type { Sql } from '../common/sql';

/**
 * Confirms the units a draft names that its import created (created_by_import = false: units like
 * any other now). Answers those confirmed.
 */
export async function confirmImportedAgenciesOf(sql: Sql, policyId: string): Promise<{ id: string; name: string }[]> {
  // An UPDATE … RETURNING through TypeORM answers [rows, count].
  const [rows]: [{ id: string; name: string }[], number] = await sql.query(
    `UPDATE agency a SET created_by_import = false
          WHERE a.created_by_import AND a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)
          RETURNING a.id, a.name`,
    [policyId],
  );
  return rows;
}

/** Marks a policy PUBLISHED, raising its version. */
export async function markPublished(sql: Sql, policyId: string): Promise<void> {
  await sql.query(`UPDATE policy SET status = 'PUBLISHED', version = version + 1 WHERE id = $1`, [policyId]);
}

/** The units created by an import that a policy's measures name. */
export function importedAgenciesOf(sql: Sql, policyId: string): Promise<{ id: string }[]> {
  return sql.query(
    `SELECT DISTINCT a.id FROM agency a JOIN responsibility r ON r.agency_id = a.id JOIN measure m ON m.id = r.measure_id
          WHERE m.policy_id = $1 AND a.created_by_import`,
    [policyId],
  );
}

/** Deletes a policy; its sections, measures, responsibilities, targets and periods go with it (ON DELETE CASCADE). */
export async function deletePolicy(sql: Sql, policyId: string): Promise<void> {
  await sql.query(`DELETE FROM policy WHERE id = $1`, [policyId]);
}
