import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the supervision review (supervision/): its measures, the units
 * responsible for them, its agencies and periods. Exported questions: the review asks them here
 * rather than selecting the policy's tables.
 */

/** The policy's measures' ids, in the notice's order. */
export async function measureIdsOfPolicy(sql: Sql, policyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM measure WHERE policy_id = $1 ORDER BY seq`, [policyId]);
  return rows.map((r) => r.id);
}

/** Whether the measure is one of the policy's. */
export async function isMeasureOfPolicy(sql: Sql, measureId: string, policyId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM measure WHERE id = $1 AND policy_id = $2`, [measureId, policyId]);
  return rows.length > 0;
}

/** The measure's number in the notice (措施 7). */
export async function measureSeq(sql: Sql, measureId: string): Promise<number> {
  const [{ seq }]: { seq: number }[] = await sql.query(`SELECT seq FROM measure WHERE id = $1`, [measureId]);
  return seq;
}

/** Whether the unit is responsible for the measure and, if so, whether it is active; null: not responsible. */
export async function responsibleUnit(sql: Sql, measureId: string, agencyId: string): Promise<{ active: boolean } | null> {
  const rows: { active: boolean }[] = await sql.query(
    `SELECT a.active FROM responsibility r JOIN agency a ON a.id = r.agency_id WHERE r.measure_id = $1 AND r.agency_id = $2`,
    [measureId, agencyId],
  );
  return rows[0] ?? null;
}

/** A unit's simplified name with a measure's number and policy, for a notice about the two. */
export async function unitAndMeasure(
  sql: Sql,
  agencyId: string,
  measureId: string,
): Promise<{ short_name: string; seq: number; policy_id: string }> {
  const [row]: { short_name: string; seq: number; policy_id: string }[] = await sql.query(
    `SELECT a.name_simplified AS short_name, m.seq, m.policy_id FROM agency a, measure m WHERE a.id = $1 AND m.id = $2`,
    [agencyId, measureId],
  );
  return row;
}

/** Every unit responsible for a measure of the policy, once each. */
export async function unitsOfPolicy(sql: Sql, policyId: string): Promise<string[]> {
  const rows: { agency_id: string }[] = await sql.query(
    `SELECT DISTINCT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1`,
    [policyId],
  );
  return rows.map((r) => r.agency_id);
}

/** The short names of the units responsible for a measure of the policy. */
export async function unitNamesOfPolicy(sql: Sql, policyId: string): Promise<{ id: string; short_name: string }[]> {
  return sql.query(
    `SELECT a.id, a.short_name FROM agency a WHERE a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)`,
    [policyId],
  );
}

/** A period's label (2024Q3). */
export async function periodLabel(sql: Sql, periodId: string): Promise<string> {
  const [{ label }]: { label: string }[] = await sql.query(`SELECT label FROM reporting_period WHERE id = $1`, [periodId]);
  return label;
}

/** How a pack heads the policy: its document number, title and issuer. */
export async function policyHeading(sql: Sql, policyId: string): Promise<{ doc_number: string; title: string; issuer: string }> {
  const [row]: { doc_number: string; title: string; issuer: string }[] = await sql.query(
    `SELECT doc_number, title, issuer FROM policy WHERE id = $1`,
    [policyId],
  );
  return row;
}

export interface AgencyNameRow {
  id: string;
  kind: 'COUNTY' | 'DEPARTMENT';
  name_simplified: string;
  short_name: string;
  region_code: string | null;
  active?: boolean;
  merged_into_id?: string | null;
}

/** Every agency with what naming and listing it needs (the pack names units and lists counties). */
export async function agencyNames(sql: Sql): Promise<AgencyNameRow[]> {
  return sql.query(`SELECT id, kind, name_simplified, short_name, region_code, active, merged_into_id FROM agency`);
}

export interface MeasureLeadRow {
  id: string;
  seq: number;
  title: string;
  /** The lead unit, else the first responsible one; null without units. */
  lead_id: string | null;
  has_lead: boolean | null;
  units: number;
}

/** The policy's measures in order, each with its lead unit (or first unit) and how many units share it. */
export async function measuresWithLeads(sql: Sql, policyId: string): Promise<MeasureLeadRow[]> {
  return sql.query(
    `SELECT m.id, m.seq, m.title,
            (SELECT r.agency_id FROM responsibility r WHERE r.measure_id = m.id ORDER BY r.role = 'LEAD' DESC, r.position LIMIT 1) AS lead_id,
            (SELECT bool_or(r.role = 'LEAD') FROM responsibility r WHERE r.measure_id = m.id) AS has_lead,
            (SELECT count(*)::int FROM responsibility r WHERE r.measure_id = m.id) AS units
       FROM measure m WHERE m.policy_id = $1 ORDER BY m.seq`,
    [policyId],
  );
}
