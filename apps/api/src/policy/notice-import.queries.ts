import type { Sql } from '../common/sql';
import type { StoredImportWarning } from './import-warning.model';

export interface PolicyByDocNumber {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
}

/** The policy holding a doc number (compared as written; the unique index holds it so too). */
export async function policyByDocNumber(sql: Sql, docNumber: string, exceptId?: string): Promise<PolicyByDocNumber | null> {
  const [row]: PolicyByDocNumber[] = await sql.query(
    `SELECT id, status FROM policy WHERE doc_number = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [docNumber, exceptId ?? null],
  );
  return row ?? null;
}

export interface NewDraftRow {
  id: string;
  docNumber: string;
  docNumberConfirmed: boolean;
  title: string;
  issuer: string;
  issuedOn: string;
  issuedOnConfirmed: boolean;
  sourceText: string;
  warnings: StoredImportWarning[];
}

export async function insertDraftPolicy(sql: Sql, p: NewDraftRow): Promise<void> {
  await sql.query(
    `INSERT INTO policy (id, doc_number, doc_number_confirmed, title, issuer, issued_on, issued_on_confirmed, source_text, import_warnings, status, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 'DRAFT', 1)`,
    [p.id, p.docNumber, p.docNumberConfirmed, p.title, p.issuer, p.issuedOn, p.issuedOnConfirmed, p.sourceText, JSON.stringify(p.warnings)],
  );
}

/** Stores a draft's import warnings (those the database cannot recompute). */
export async function setImportWarnings(sql: Sql, policyId: string, warnings: StoredImportWarning[]): Promise<void> {
  await sql.query(`UPDATE policy SET import_warnings = $2::jsonb WHERE id = $1`, [policyId, JSON.stringify(warnings)]);
}

/** How many measures, targets and responsibilities a policy has: what the audit keeps of an import's size. */
export interface PolicySize {
  measures: number;
  targets: number;
  responsibilities: number;
}

export async function policySize(sql: Sql, policyId: string): Promise<PolicySize> {
  const [counts]: PolicySize[] = await sql.query(
    `SELECT (SELECT count(*) FROM measure WHERE policy_id = $1)::int AS measures,
              (SELECT count(*) FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1)::int AS targets,
              (SELECT count(*) FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)::int AS responsibilities`,
    [policyId],
  );
  return counts;
}
