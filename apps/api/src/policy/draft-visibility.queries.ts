import type { Sql } from '../common/sql';

/** True where the id names a DRAFT policy. */
export async function isDraftPolicy(sql: Sql, policyId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM policy WHERE id = $1 AND status = 'DRAFT'`, [policyId]);
  return rows.length > 0;
}

/** True where the id names a target of a DRAFT policy. */
export async function isDraftTarget(sql: Sql, targetId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(
    `SELECT 1 FROM target t JOIN measure m ON m.id = t.measure_id JOIN policy p ON p.id = m.policy_id WHERE t.id = $1 AND p.status = 'DRAFT'`,
    [targetId],
  );
  return rows.length > 0;
}
