import type { Sql } from '../common/sql';
import type { ReportingPeriod } from './reporting-period.entity';

/*
 * The policy feature's answers to what reporting (reports, their Excel template, their
 * attachments) asks of its tables: units, measures with their responsibilities and targets,
 * and periods with their extensions.
 */

/** A unit as reporting sees it: its name, its kind, and whether it is still active. */
export interface ReportingUnitRow {
  name: string;
  kind: 'DEPARTMENT' | 'COUNTY';
  active: boolean;
}

/** The unit, if it exists. */
export async function reportingUnitOf(sql: Sql, agencyId: string): Promise<ReportingUnitRow | null> {
  const rows: ReportingUnitRow[] = await sql.query(`SELECT name, kind, active FROM agency WHERE id = $1`, [agencyId]);
  return rows[0] ?? null;
}

/** Of these ids, the counties (merged ones too, flagged: their figures now go to the county they joined). */
export async function countiesAmong(sql: Sql, agencyIds: readonly string[]): Promise<{ id: string; merged: boolean }[]> {
  return sql.query(`SELECT id, merged_into_id IS NOT NULL AS merged FROM agency WHERE id = ANY($1) AND kind = 'COUNTY'`, [agencyIds]);
}

/** A measure's policy, the units responsible for it and its targets. */
export interface MeasureFactsRow {
  policyId: string;
  agencyIds: string[];
  targetIds: string[];
}

/** The measure's policy, its responsible units and its targets, in one statement; null: no such measure. */
export async function measureFactsOf(sql: Sql, measureId: string): Promise<MeasureFactsRow | null> {
  const rows: { policy_id: string; agencies: string[] | null; targets: string[] | null }[] = await sql.query(
    `SELECT m.policy_id,
            (SELECT array_agg(agency_id) FROM responsibility WHERE measure_id = m.id) AS agencies,
            (SELECT array_agg(id) FROM target WHERE measure_id = m.id) AS targets
       FROM measure m WHERE m.id = $1`,
    [measureId],
  );
  if (rows.length === 0) return null;
  return { policyId: rows[0].policy_id, agencyIds: rows[0].agencies ?? [], targetIds: rows[0].targets ?? [] };
}

/** The period's policy; null: no such period (which is also how one asks whether it exists). */
export async function policyOfPeriod(sql: Sql, periodId: string): Promise<string | null> {
  const period: { policy_id: string }[] = await sql.query(`SELECT policy_id FROM reporting_period WHERE id = $1`, [periodId]);
  return period[0]?.policy_id ?? null;
}

/** The period units report on on `today`: the latest that has ended (else the first). */
export async function currentPeriodOf(sql: Sql, policyId: string, today: string): Promise<ReportingPeriod | null> {
  const rows: ReportingPeriod[] = await sql.query(
    `SELECT id, policy_id AS "policyId", label, starts_on AS "startsOn", ends_on AS "endsOn", due_on AS "dueOn" FROM reporting_period
        WHERE policy_id = $1 ORDER BY (ends_on < $2::date) DESC, CASE WHEN ends_on < $2::date THEN ends_on END DESC NULLS LAST, starts_on ASC LIMIT 1`,
    [policyId, today],
  );
  return rows[0] ?? null;
}

/** A policy's period a unit's Excel template covers, with the unit's due date (its extension where later). */
export interface TemplatePolicyRow {
  policyId: string;
  docNumber: string;
  policyTitle: string;
  periodId: string;
  label: string;
  dueOn: string;
}

/**
 * The policies (and their period) a template covers, by issue date then doc number: the one
 * period named, or every published policy with a period of the quarter where the unit is responsible.
 */
export async function templatePoliciesOf(
  sql: Sql,
  scope: { periodId: string } | { quarter: string },
  agencyId: string,
): Promise<TemplatePolicyRow[]> {
  const byPeriod = 'periodId' in scope;
  return sql.query(
    `SELECT pol.id AS "policyId", pol.doc_number AS "docNumber", pol.title AS "policyTitle", p.id AS "periodId", p.label,
              GREATEST(p.due_on, x.due_on)::text AS "dueOn"
         FROM reporting_period p JOIN policy pol ON pol.id = p.policy_id
         LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = $2
        WHERE ${
          byPeriod
            ? 'p.id = $1'
            : `p.label = $1 AND pol.status = 'PUBLISHED'
          AND EXISTS (SELECT 1 FROM measure m JOIN responsibility resp ON resp.measure_id = m.id WHERE m.policy_id = pol.id AND resp.agency_id = $2)`
        }
        ORDER BY pol.issued_on, pol.doc_number`,
    [byPeriod ? scope.periodId : scope.quarter, agencyId],
  );
}
