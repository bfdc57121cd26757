import type { Sql } from '../common/sql';

/** A notice loaded from a file: published as it is (notice-seed.ts). */
export interface PublishedPolicyRow {
  id: string;
  docNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  sourceText: string;
}

/** Inserts a PUBLISHED policy unless its doc number is taken. True when inserted. */
export async function insertPublishedPolicy(sql: Sql, p: PublishedPolicyRow): Promise<boolean> {
  const inserted: unknown[] = await sql.query(
    `INSERT INTO policy (id, doc_number, title, issuer, issued_on, source_text, status) VALUES ($1, $2, $3, $4, $5, $6, 'PUBLISHED')
     ON CONFLICT (doc_number) DO NOTHING RETURNING id`,
    [p.id, p.docNumber, p.title, p.issuer, p.issuedOn, p.sourceText],
  );
  return inserted.length > 0;
}

/** Every PUBLISHED policy with what its reporting periods derive from. */
export function publishedPolicies(sql: Sql): Promise<{ id: string; doc_number: string; issued_on: string }[]> {
  return sql.query(`SELECT id, doc_number, issued_on FROM policy WHERE status = 'PUBLISHED'`);
}

/** True where the id names a policy (draft or published). */
export async function policyExists(sql: Sql, policyId: string): Promise<boolean> {
  const exists: unknown[] = await sql.query(`SELECT 1 FROM policy WHERE id = $1`, [policyId]);
  return exists.length > 0;
}

/** How many measures a policy has. */
export async function measureCount(sql: Sql, policyId: string): Promise<number> {
  const [{ measures }]: { measures: number }[] = await sql.query(`SELECT count(*)::int AS measures FROM measure WHERE policy_id = $1`, [
    policyId,
  ]);
  return measures;
}

/** True where the agency is responsible for at least one measure of the policy. */
export async function isResponsibleInPolicy(sql: Sql, policyId: string, agencyId: string): Promise<boolean> {
  const responsible: unknown[] = await sql.query(
    `SELECT 1 FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1 AND r.agency_id = $2 LIMIT 1`,
    [policyId, agencyId],
  );
  return responsible.length > 0;
}

/**
 * Every text of a policy the dashboard can show: the policy's title and doc number, its sections'
 * and measures' titles, its targets' names and units, and the names and short names of the units
 * responsible for a measure and of the counties.
 */
const DASHBOARD_TEXTS = `
  SELECT p.title AS text FROM policy p WHERE p.id = $1
  UNION SELECT p.doc_number FROM policy p WHERE p.id = $1
  UNION SELECT s.title FROM section s WHERE s.policy_id = $1
  UNION SELECT m.title FROM measure m WHERE m.policy_id = $1
  UNION SELECT unnest(ARRAY[t.name, t.unit]) FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1
  UNION SELECT unnest(ARRAY[a.name, a.short_name]) FROM agency a
    WHERE a.kind = 'COUNTY' OR a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)`;

/** The dashboard's texts of a policy (DASHBOARD_TEXTS), each once, in no order; null where a column is empty. */
export async function dashboardTexts(sql: Sql, policyId: string): Promise<(string | null)[]> {
  const rows: { text: string | null }[] = await sql.query(DASHBOARD_TEXTS, [policyId]);
  return rows.map((r) => r.text);
}

/**
 * Runs `work` in a savepoint of the caller's transaction: released when it succeeds, rolled back to
 * (undoing only its own statements) when it throws, and the error rethrown.
 */
export async function inSavepoint<T>(sql: Sql, name: string, work: () => Promise<T>): Promise<T> {
  await sql.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await sql.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await sql.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
