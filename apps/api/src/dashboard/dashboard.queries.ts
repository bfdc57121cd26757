import type { Sql } from '../common/sql';

/**
 * The dashboard's SQL: each view is one statement whatever the number of measures, units or reports.
 */

/**
 * A unit's task for a period (p): each measure (m) it is responsible for (resp), its extension (x)
 * and its report (r). Shared with the portfolio (portfolio.queries.ts), which judges the same tasks.
 */
export const UNIT_TASKS_FROM = `
  FROM reporting_period p
  JOIN measure m ON m.policy_id = p.policy_id
  JOIN responsibility resp ON resp.measure_id = m.id
  LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = resp.agency_id
  LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = resp.agency_id AND r.period_id = p.id`;

/** When a task falls due: the end of the period's due date, or of the unit's own later one (延期), China time. */
export const UNIT_DUE_AT = `((greatest(p.due_on, x.due_on) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * Every (measure, responsible unit) of the policy with the unit's report for the period, if any.
 * A unit's due date is the period's, or its own extension (period_extension) where that is later.
 */
export const UNIT_STATUS_SQL = `
SELECT m.id AS measure_id, resp.agency_id, resp.role, r.id AS report_id, r.status, r.unit_status,
       r.first_submitted_at, r.submitted_at,
       CASE WHEN x.due_on > p.due_on THEN x.due_on::text END AS extended_due_on,
       r.first_submitted_at < ${UNIT_DUE_AT} AS on_time,
       r.first_submitted_at IS NULL AND now() >= ${UNIT_DUE_AT} AS overdue
${UNIT_TASKS_FROM}
 WHERE p.id = $1
 ORDER BY m.seq, resp.position`;

export interface UnitStatusRow {
  measure_id: string;
  agency_id: string;
  role: 'LEAD' | 'CO';
  report_id: string | null;
  status: string | null;
  unit_status: string | null;
  first_submitted_at: Date | null;
  submitted_at: Date | null;
  /** The unit's own due date where an extension makes it later than the period's. */
  extended_due_on: string | null;
  on_time: boolean | null;
  overdue: boolean;
}

/**
 * Per target and period of its year: accepted within the period (AT_LEAST: a sum from report_total;
 * AT_MOST: the highest accepted level), optionally for one county.
 */
export const TREND_SQL = `
SELECT t.id AS target_id, p.id AS period_id,
       CASE WHEN t.direction = 'AT_LEAST' THEN
         coalesce((SELECT sum(rt.total) FROM report_total rt
                    WHERE rt.target_id = t.id AND rt.period_id = p.id AND rt.status = 'ACCEPTED' AND ($2::uuid IS NULL OR rt.county_id = $2)), 0)
       ELSE
         coalesce((SELECT max(f.value) FROM report_figure f JOIN progress_report r ON r.id = f.report_id
                    WHERE f.target_id = t.id AND r.period_id = p.id AND r.status = 'ACCEPTED' AND ($2::uuid IS NULL OR f.county_id = $2)), 0)
       END AS achieved
  FROM target t
  JOIN measure m ON m.id = t.measure_id
  JOIN reporting_period p ON p.policy_id = m.policy_id AND extract(year FROM p.starts_on) = t.year
 WHERE m.policy_id = $1
 ORDER BY m.seq, t.name, p.starts_on`;

/** The accepted figures that make up a number (a target, up to a period, optionally a county). */
export const FIGURE_SOURCES_SQL = `
SELECT r.id AS report_id, r.agency_id, f.county_id, r.period_id, f.value, r.status
  FROM report_figure f
  JOIN progress_report r ON r.id = f.report_id AND r.status = 'ACCEPTED'
  JOIN reporting_period p ON p.id = r.period_id
  JOIN target t ON t.id = f.target_id
 WHERE f.target_id = $1
   AND extract(year FROM p.starts_on) = t.year
   AND ($2::date IS NULL OR p.ends_on <= $2::date)
   AND ($3::uuid IS NULL OR f.county_id = $3)
 ORDER BY p.starts_on DESC, f.value DESC
 LIMIT 1000`;

/**
 * The data version of the 'all' scope (raised by a trigger on every agency change; 0 before any), as
 * text: what a cache of unit names (the policy feature's simplified texts) is keyed by.
 */
export async function allScopeDataVersion(sql: Sql): Promise<string> {
  const [{ version }]: { version: string }[] = await sql.query(
    `SELECT coalesce((SELECT version FROM dashboard_version WHERE scope = 'all'), 0)::text AS version`,
  );
  return version;
}
