import type { EntityManager } from 'typeorm';
import type { StoredImportWarning } from './import-warning.model';

export interface PolicyByDocNumber {
  id: string;
  status: 'DRAFT' | 'PUBLISHED';
}

/** The policy holding a doc number (compared as written; the unique index holds it so too). */
export async function policyByDocNumber(manager: EntityManager, docNumber: string, exceptId?: string): Promise<PolicyByDocNumber | null> {
  const [row]: PolicyByDocNumber[] = await manager.query(
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

export async function insertDraftPolicy(manager: EntityManager, p: NewDraftRow): Promise<void> {
  await manager.query(
    `INSERT INTO policy (id, doc_number, doc_number_confirmed, title, issuer, issued_on, issued_on_confirmed, source_text, import_warnings, status, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 'DRAFT', 1)`,
    [p.id, p.docNumber, p.docNumberConfirmed, p.title, p.issuer, p.issuedOn, p.issuedOnConfirmed, p.sourceText, JSON.stringify(p.warnings)],
  );
}
