import type { Sql } from '../common/sql';

/**
 * The reports feature's answers to the units feature about one unit's reports: what a merge of the
 * unit into another (units/agency-merge.ts) finds, refuses and moves, in the merge's transaction
 * and in the order it calls them, and which reports wait for review before the unit may be
 * deactivated (units.service.ts).
 */

/** A report that two units (or, for counties, two figures) would both hold after a merge. */
export interface AgencyMergeConflictRow {
  kind: string;
  doc_number: string;
  period_label: string;
  measure_seq: number;
  measure_title: string;
  target_name: string | null;
  reporting_agency_name: string | null;
}

/** Both units reported on one measure for one period ($1 from, $2 into). */
const REPORT_CONFLICTS_SQL = `
  SELECT 'REPORT' AS kind, pol.doc_number, p.label AS period_label, m.seq AS measure_seq, m.title AS measure_title,
         NULL AS target_name, NULL AS reporting_agency_name
    FROM progress_report a
    JOIN progress_report b ON b.measure_id = a.measure_id AND b.period_id = a.period_id AND b.agency_id = $2
    JOIN measure m ON m.id = a.measure_id JOIN policy pol ON pol.id = m.policy_id JOIN reporting_period p ON p.id = a.period_id
   WHERE a.agency_id = $1`;

/** One report gives figures for both counties on one target: two figures cannot become one. */
const FIGURE_CONFLICTS_SQL = `
  SELECT 'FIGURE' AS kind, pol.doc_number, p.label AS period_label, m.seq AS measure_seq, m.title AS measure_title,
         t.name AS target_name, ag.name AS reporting_agency_name
    FROM report_figure f
    JOIN report_figure g ON g.report_id = f.report_id AND g.target_id = f.target_id AND g.county_id = $2
    JOIN progress_report r ON r.id = f.report_id JOIN agency ag ON ag.id = r.agency_id JOIN target t ON t.id = f.target_id
    JOIN measure m ON m.id = r.measure_id JOIN policy pol ON pol.id = m.policy_id JOIN reporting_period p ON p.id = r.period_id
   WHERE f.county_id = $1`;

/**
 * Locks, in id order, every report a merge of `fromId` into `intoId` may touch: both units' own,
 * and those giving figures for `fromId` (a county). Reports first, then units: a report writer
 * holds its report and then touches the unit (FK).
 */
export async function lockReportsForAgencyMerge(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(
    `SELECT r.id FROM progress_report r
      WHERE r.agency_id IN ($1, $2) OR r.id IN (SELECT report_id FROM report_figure WHERE county_id = $1)
      ORDER BY r.id FOR UPDATE`,
    [fromId, intoId],
  );
}

/**
 * How many reports the unit `agency` (an SQL expression: a parameter or a column) made: a scalar
 * subquery, so that the units feature asks every feature's count in one statement.
 */
export const reportCountSql = (agency: string) => `(SELECT count(*) FROM progress_report WHERE agency_id = ${agency})`;

/** How many figures were given for the county (an SQL expression), by whichever unit's reports. */
export const figureCountSql = (county: string) => `(SELECT count(*) FROM report_figure WHERE county_id = ${county})`;

/**
 * What stops merging `fromId` into `intoId`: reports both units made on one measure for one period,
 * and (`withFigures`, two counties) one report's figures for both counties on one target. Ordered
 * by document, period, measure, kind and target.
 */
export async function agencyMergeConflicts(
  sql: Sql,
  fromId: string,
  intoId: string,
  withFigures: boolean,
): Promise<AgencyMergeConflictRow[]> {
  return sql.query(`${REPORT_CONFLICTS_SQL}${withFigures ? ` UNION ALL ${FIGURE_CONFLICTS_SQL}` : ''} ORDER BY 2, 3, 4, 1, 6`, [
    fromId,
    intoId,
  ]);
}

/** The ids of the unit's own reports, in id order. */
export async function reportIdsOfAgency(sql: Sql, agencyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT id FROM progress_report WHERE agency_id = $1 ORDER BY id`, [agencyId]);
  return rows.map((r) => r.id);
}

/** The reports (whoever made them) that give figures for the county, in id order. */
export async function reportIdsWithFiguresForCounty(sql: Sql, countyId: string): Promise<string[]> {
  const rows: { id: string }[] = await sql.query(`SELECT DISTINCT report_id AS id FROM report_figure WHERE county_id = $1 ORDER BY 1`, [
    countyId,
  ]);
  return rows.map((r) => r.id);
}

/**
 * The figures given for one county now count for another. report_total is keyed by county: the
 * caller takes the affected reports' sums out before and puts them back after (report-totals.ts).
 */
export async function moveCountyFigures(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE report_figure SET county_id = $2 WHERE county_id = $1`, [fromId, intoId]);
}

/** The unit's reports become the other unit's. */
export async function moveAgencyReports(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE progress_report SET agency_id = $2, updated_at = now() WHERE agency_id = $1`, [fromId, intoId]);
}

/** A report of the unit that waits for the office's review, by document, period and measure. */
export interface SubmittedReportRow {
  doc_number: string;
  label: string;
  seq: number;
}

/** The unit's reports SUBMITTED and not yet reviewed, ordered by document, period label and measure. */
export async function submittedReportsOfAgency(sql: Sql, agencyId: string): Promise<SubmittedReportRow[]> {
  return sql.query(
    `SELECT pol.doc_number, p.label, m.seq FROM progress_report r
       JOIN measure m ON m.id = r.measure_id JOIN policy pol ON pol.id = m.policy_id JOIN reporting_period p ON p.id = r.period_id
      WHERE r.agency_id = $1 AND r.status = 'SUBMITTED' ORDER BY pol.doc_number, p.label, m.seq`,
    [agencyId],
  );
}
