import type { Sql } from '../common/sql';

/** One figure of a report: a target's value for a county. */
export interface FigureValue {
  targetId: string;
  countyId: string;
  value: number;
}

/** The report's figures, by target then county (the order the audit snapshot keeps them in). */
export async function figuresOfReport(sql: Sql, reportId: string): Promise<FigureValue[]> {
  const rows: { target_id: string; county_id: string; value: string }[] = await sql.query(
    `SELECT target_id, county_id, value FROM report_figure WHERE report_id = $1 ORDER BY target_id, county_id`,
    [reportId],
  );
  return rows.map((r) => ({ targetId: r.target_id, countyId: r.county_id, value: Number(r.value) }));
}

export interface NewReport {
  measureId: string;
  agencyId: string;
  periodId: string;
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: string | null;
}

/**
 * Creates the unit's report on the measure for the period, as a draft; null when it has one
 * already (the unique key decides, so two concurrent creations never make two reports).
 */
export async function insertReport(sql: Sql, r: NewReport): Promise<string | null> {
  const inserted: { id: string }[] = await sql.query(
    `INSERT INTO progress_report (measure_id, agency_id, period_id, progress, problems, next_steps, unit_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (measure_id, agency_id, period_id) DO NOTHING RETURNING id`,
    [r.measureId, r.agencyId, r.periodId, r.progress, r.problems, r.nextSteps, r.unitStatus],
  );
  return inserted[0]?.id ?? null;
}

/** The unit's report on the measure for the period (its id and version), if there is one. */
export async function reportOf(
  sql: Sql,
  measureId: string,
  agencyId: string,
  periodId: string,
): Promise<{ id: string; version: number } | null> {
  const existing: { id: string; version: number }[] = await sql.query(
    `SELECT id, version FROM progress_report WHERE measure_id = $1 AND agency_id = $2 AND period_id = $3`,
    [measureId, agencyId, periodId],
  );
  return existing[0] ?? null;
}

/** The report fields a change may set, and their columns. */
const CHANGEABLE_COLUMNS = {
  progress: 'progress',
  problems: 'problems',
  nextSteps: 'next_steps',
  unitStatus: 'unit_status',
  status: 'status',
  reviewComment: 'review_comment',
} as const;

export type ReportChanges = Partial<Record<keyof typeof CHANGEABLE_COLUMNS, unknown>>;

/** The times a step stamps: a submission (and the first one), or a review. */
const STAMPS = {
  submitted: `submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now())`,
  reviewed: `reviewed_at = now()`,
} as const;

/**
 * Writes the changed fields (and the step's times) and raises the version by one, only if the
 * version is still `version`. False when no row matched: someone else changed the report.
 */
export async function bumpReport(
  sql: Sql,
  reportId: string,
  version: number,
  changes: ReportChanges,
  stamp?: keyof typeof STAMPS,
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [reportId, version];
  for (const [key, value] of Object.entries(changes)) {
    params.push(value);
    sets.push(`${CHANGEABLE_COLUMNS[key as keyof typeof CHANGEABLE_COLUMNS]} = $${params.length}`);
  }
  if (stamp) sets.push(STAMPS[stamp]);
  sets.push('version = version + 1', 'updated_at = now()');
  const result: [unknown[], number] = await sql.query(
    `UPDATE progress_report SET ${sets.join(', ')} WHERE id = $1 AND version = $2`,
    params,
  );
  return result[1] === 1;
}

/** Replaces the report's figures with these (two statements: none are inserted when there are none). */
export async function replaceReportFigures(sql: Sql, reportId: string, figures: readonly FigureValue[]): Promise<void> {
  await sql.query(`DELETE FROM report_figure WHERE report_id = $1`, [reportId]);
  if (figures.length === 0) return;
  await sql.query(
    `INSERT INTO report_figure (report_id, target_id, county_id, value)
       SELECT $1, t, c, v FROM unnest($2::uuid[], $3::uuid[], $4::numeric[]) AS x(t, c, v)`,
    [reportId, figures.map((f) => f.targetId), figures.map((f) => f.countyId), figures.map((f) => f.value)],
  );
}

/**
 * Adds (+1) or removes (-1) one report's figures to or from report_total. Callers remove before a
 * change and add after it, inside the change's transaction. Only SUBMITTED and ACCEPTED reports
 * count (targetProgress's `pending` and `achieved`), so editing a draft costs nothing here.
 * Delta upserts commute, so concurrent reports on the same target and county never lose a sum;
 * rows are upserted in key order so that two transactions cannot deadlock on them.
 */
export async function shiftReportTotals(sql: Sql, reportId: string, sign: 1 | -1): Promise<void> {
  await sql.query(
    `INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
     SELECT f.target_id, f.county_id, r.period_id, r.status, $2 * sum(f.value), $2 * count(*)
       FROM report_figure f JOIN progress_report r ON r.id = f.report_id
      WHERE r.id = $1 AND r.status IN ('SUBMITTED', 'ACCEPTED')
      GROUP BY f.target_id, f.county_id, r.period_id, r.status
      ORDER BY f.target_id, f.county_id
     ON CONFLICT (target_id, county_id, period_id, status)
     DO UPDATE SET total = report_total.total + EXCLUDED.total, figures = report_total.figures + EXCLUDED.figures`,
    [reportId, sign],
  );
}
