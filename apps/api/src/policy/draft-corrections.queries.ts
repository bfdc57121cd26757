import type { Sql } from '../common/sql';
import type { StoredImportWarning } from './import-warning.model';

export interface AgencyState {
  id: string;
  name: string;
  active: boolean;
  mergedIntoId: string | null;
  createdByImport: boolean;
}

export async function agencyState(sql: Sql, agencyId: string): Promise<AgencyState | null> {
  const [row]: AgencyState[] = await sql.query(
    `SELECT id, name, active, merged_into_id AS "mergedIntoId", created_by_import AS "createdByImport" FROM agency WHERE id = $1`,
    [agencyId],
  );
  return row ?? null;
}

export interface ResponsibilityState {
  role: 'LEAD' | 'CO';
  position: number;
  words: string | null;
  roleWords: string | null;
}

export async function responsibilityOf(sql: Sql, measureId: string, agencyId: string): Promise<ResponsibilityState | null> {
  const [row]: ResponsibilityState[] = await sql.query(
    `SELECT role, position, words, role_words AS "roleWords" FROM responsibility WHERE measure_id = $1 AND agency_id = $2`,
    [measureId, agencyId],
  );
  return row ?? null;
}

/** Adds a unit at the end of a measure's list, or changes the role of one already there. */
export async function upsertResponsibility(sql: Sql, measureId: string, agencyId: string, role: string): Promise<void> {
  await sql.query(
    `INSERT INTO responsibility (measure_id, agency_id, role, position)
     VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM responsibility WHERE measure_id = $1))
     ON CONFLICT (measure_id, agency_id) DO UPDATE SET role = EXCLUDED.role`,
    [measureId, agencyId, role],
  );
}

export async function deleteResponsibility(sql: Sql, measureId: string, agencyId: string): Promise<void> {
  await sql.query(`DELETE FROM responsibility WHERE measure_id = $1 AND agency_id = $2`, [measureId, agencyId]);
}

export interface MovedResponsibility {
  measureId: string;
  fromRole: 'LEAD' | 'CO';
  toRoleBefore: 'LEAD' | 'CO' | null;
}

/** The draft's responsibilities of one unit, with the other unit's role on the same measure (if any). */
export function responsibilitiesToMove(sql: Sql, policyId: string, fromId: string, toId: string): Promise<MovedResponsibility[]> {
  return sql.query(
    `SELECT r.measure_id AS "measureId", r.role AS "fromRole", t.role AS "toRoleBefore"
       FROM responsibility r JOIN measure m ON m.id = r.measure_id
       LEFT JOIN responsibility t ON t.measure_id = r.measure_id AND t.agency_id = $3
      WHERE m.policy_id = $1 AND r.agency_id = $2
      ORDER BY m.seq`,
    [policyId, fromId, toId],
  );
}

/**
 * Moves one unit's responsibilities in a draft to another: where the other is already responsible
 * the two merge (LEAD wins, the earlier position kept), elsewhere it takes the place in the list.
 */
export async function moveResponsibilities(sql: Sql, policyId: string, fromId: string, toId: string): Promise<void> {
  await sql.query(
    `INSERT INTO responsibility (measure_id, agency_id, role, position, words, role_words)
     SELECT r.measure_id, $3, r.role, r.position, r.words, r.role_words
       FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1 AND r.agency_id = $2
     ON CONFLICT (measure_id, agency_id) DO UPDATE SET
       role = CASE WHEN EXCLUDED.role = 'LEAD' OR responsibility.role = 'LEAD' THEN 'LEAD' ELSE 'CO' END,
       position = LEAST(responsibility.position, EXCLUDED.position)`,
    [policyId, fromId, toId],
  );
  await sql.query(`DELETE FROM responsibility r USING measure m WHERE m.id = r.measure_id AND m.policy_id = $1 AND r.agency_id = $2`, [
    policyId,
    fromId,
  ]);
}

/** Remembers a name for a unit; the office's latest word on a name wins. Answers the alias id. */
export async function upsertAlias(
  sql: Sql,
  alias: string,
  aliasKey: string,
  agencyId: string,
): Promise<{ id: string; previousAgencyId: string | null }> {
  const [previous]: { agencyId: string }[] = await sql.query(`SELECT agency_id AS "agencyId" FROM agency_alias WHERE alias_key = $1`, [
    aliasKey,
  ]);
  const [row]: { id: string }[] = await sql.query(
    `INSERT INTO agency_alias (alias, alias_key, agency_id) VALUES ($1, $2, $3)
     ON CONFLICT (alias_key) DO UPDATE SET alias = EXCLUDED.alias, agency_id = EXCLUDED.agency_id RETURNING id`,
    [alias, aliasKey, agencyId],
  );
  return { id: row.id, previousAgencyId: previous?.agencyId ?? null };
}

/** Where a measure stands: its policy, title and number (null: no such measure). */
export async function measurePlace(sql: Sql, measureId: string): Promise<{ policyId: string; title: string; seq: number } | null> {
  const [row]: { policyId: string; title: string; seq: number }[] = await sql.query(
    `SELECT policy_id AS "policyId", title, seq FROM measure WHERE id = $1`,
    [measureId],
  );
  return row ?? null;
}

/**
 * Raises a draft's version from the one given and stores its warnings. Answers the rows changed:
 * 0 where the version is no longer the one given (someone else changed the draft).
 */
export async function raiseDraftVersion(sql: Sql, policyId: string, version: number, warnings: StoredImportWarning[]): Promise<number> {
  const [, count]: [unknown[], number] = await sql.query(
    `UPDATE policy SET version = version + 1, import_warnings = $3::jsonb WHERE id = $1 AND version = $2`,
    [policyId, version, JSON.stringify(warnings)],
  );
  return count;
}

/** A draft's heading as the office corrects it. */
export interface DraftHeading {
  docNumber: string;
  title: string;
  issuer: string;
  issuedOn: string;
  issuedOnConfirmed: boolean;
  docNumberConfirmed: boolean;
}

/** Stores a draft's heading (a doc number another policy holds fails on policy_doc_number_key). */
export async function updateDraftHeading(sql: Sql, policyId: string, h: DraftHeading): Promise<void> {
  await sql.query(
    `UPDATE policy SET doc_number = $2, title = $3, issuer = $4, issued_on = $5, issued_on_confirmed = $6, doc_number_confirmed = $7 WHERE id = $1`,
    [policyId, h.docNumber, h.title, h.issuer, h.issuedOn, h.issuedOnConfirmed, h.docNumberConfirmed],
  );
}

export async function renameMeasure(sql: Sql, measureId: string, title: string): Promise<void> {
  await sql.query(`UPDATE measure SET title = $2 WHERE id = $1`, [measureId, title]);
}
