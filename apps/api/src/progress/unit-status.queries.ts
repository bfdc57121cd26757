import type { Sql } from '../common/sql';

/**
 * The units' tasks for a period, as the progress evaluation judges them (on time, late, missing,
 * extensions counted): one statement whatever the number of measures, units or reports.
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

/** The period's tasks, in the notice's order (measure seq, then the units' order on the measure). */
export async function unitStatusOfPeriod(sql: Sql, periodId: string): Promise<UnitStatusRow[]> {
  return sql.query(UNIT_STATUS_SQL, [periodId]);
}
