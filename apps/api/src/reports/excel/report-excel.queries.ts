import type { Sql } from '../../common/sql';
import type { TemplateFigure, TemplateMeasure } from './report-workbook';

/** A template's measure row, with its report's state (null: no report yet) rather than whether it may be edited. */
export type TemplateMeasureRow = Omit<TemplateMeasure, 'editable'> & { status: string | null };

/**
 * The measures the unit is responsible for in these periods, with its reports' texts ('' where
 * none), in the template's order: issue date, doc number, measure.
 */
export async function templateMeasures(sql: Sql, agencyId: string, periodIds: readonly string[]): Promise<TemplateMeasureRow[]> {
  return sql.query(
    `SELECT pol.doc_number AS "docNumber", m.seq, m.title, coalesce(r.progress, '') AS progress, coalesce(r.problems, '') AS problems,
              coalesce(r.next_steps, '') AS "nextSteps", r.unit_status AS "unitStatus", r.status
         FROM reporting_period p JOIN policy pol ON pol.id = p.policy_id
         JOIN measure m ON m.policy_id = p.policy_id
         JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $1
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $1 AND r.period_id = p.id
        WHERE p.id = ANY($2::uuid[]) ORDER BY pol.issued_on, pol.doc_number, m.seq`,
    [agencyId, periodIds],
  );
}

/**
 * The figure cells of those measures: each target (of a 每年 target, the period's year's) for each county the unit reports for (every
 * unmerged county for a department, its own for a county), with the unit's figure of the period
 * and of the latest earlier period (null where none), in the template's order.
 */
export async function templateFigures(
  sql: Sql,
  agencyId: string,
  periodIds: readonly string[],
  agencyKind: 'DEPARTMENT' | 'COUNTY',
): Promise<TemplateFigure[]> {
  const figures: (Omit<TemplateFigure, 'value' | 'previous'> & { value: string | null; previous: string | null })[] = await sql.query(
    `SELECT pol.doc_number AS "docNumber", m.seq AS "measureSeq", t.id AS "targetId", c.id AS "countyId", t.name AS "targetName", t.unit,
              c.name AS "countyName", c.region_code AS "regionCode",
              (SELECT f.value FROM report_figure f JOIN progress_report r ON r.id = f.report_id
                WHERE r.measure_id = m.id AND r.agency_id = $1 AND r.period_id = p.id AND f.target_id = t.id AND f.county_id = c.id) AS value,
              (SELECT f.value FROM report_figure f JOIN progress_report r ON r.id = f.report_id JOIN reporting_period pp ON pp.id = r.period_id
                WHERE r.measure_id = m.id AND r.agency_id = $1 AND f.target_id = t.id AND f.county_id = c.id AND pp.starts_on < p.starts_on
                ORDER BY pp.starts_on DESC LIMIT 1) AS previous
         FROM reporting_period p JOIN policy pol ON pol.id = p.policy_id
         JOIN measure m ON m.policy_id = p.policy_id
         JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $1
         JOIN target t ON t.measure_id = m.id
              -- A 每年 target: the period's year's only (targetsForYear); a goal of one year as it is.
              AND (t.year = extract(year FROM p.starts_on)::int OR NOT EXISTS (
                SELECT 1 FROM target ty WHERE ty.measure_id = t.measure_id AND ty.name = t.name AND ty.year = extract(year FROM p.starts_on)::int))
         JOIN agency c ON c.kind = 'COUNTY' AND c.merged_into_id IS NULL AND ($3 = 'DEPARTMENT' OR c.id = $1)
        WHERE p.id = ANY($2::uuid[]) ORDER BY pol.issued_on, pol.doc_number, m.seq, t.name, c.region_code`,
    [agencyId, periodIds, agencyKind],
  );
  return figures.map((f) => ({
    ...f,
    value: f.value === null ? null : Number(f.value),
    previous: f.previous === null ? null : Number(f.previous),
  }));
}

/** A measure found by its number in a policy, with the unit's report of the period if there is one. */
export interface MeasureAndReportRow {
  measure_id: string;
  report_id: string | null;
  version: number | null;
}

/** The policy's measure numbered `measureSeq`, and the unit's report on it for the period; undefined: no such measure. */
export async function measureAndReportBySeq(
  sql: Sql,
  policyId: string,
  agencyId: string,
  periodId: string,
  measureSeq: number,
): Promise<MeasureAndReportRow | undefined> {
  const [ids]: MeasureAndReportRow[] = await sql.query(
    `SELECT m.id AS measure_id, r.id AS report_id, r.version FROM measure m
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = $3
        WHERE m.policy_id = $1 AND m.seq = $4`,
    [policyId, agencyId, periodId, measureSeq],
  );
  return ids;
}
