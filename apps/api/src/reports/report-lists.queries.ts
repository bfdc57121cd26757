import type { Sql } from '../common/sql';
import type { ProgressReport } from './progress-report.entity';
import { reportColumns } from './report-columns';

const REPORT_COLUMNS = reportColumns('r');

/** A task: a measure the unit is responsible for, in a period, with its report's columns (all null without one). */
export type TaskQueryRow = Record<string, unknown> & {
  measure_id: string;
  policy_id: string;
  period_id: string;
  role: 'LEAD' | 'CO';
  report_id: string | null;
  extended_due_on: string | null;
};

/**
 * Every measure the unit must report on in one period, or in a quarter (a period label) across the
 * published policies, by issue date, doc number and measure, each with its report if there is one.
 * The unit's extension rides on the same statement (one row per period and unit at most).
 */
export async function tasksOfUnit(sql: Sql, scope: { periodId: string } | { quarter: string }, agencyId: string): Promise<TaskQueryRow[]> {
  const byPeriod = 'periodId' in scope;
  return sql.query(
    `SELECT m.id AS measure_id, m.policy_id, p.id AS period_id, resp.role, r.id AS report_id, ${REPORT_COLUMNS},
              CASE WHEN x.due_on > p.due_on THEN x.due_on::text END AS extended_due_on
         FROM reporting_period p
         JOIN policy pol ON pol.id = p.policy_id
         JOIN measure m ON m.policy_id = p.policy_id
         JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $2
         LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = $2
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = p.id
        WHERE ${byPeriod ? 'p.id = $1' : `p.label = $1 AND pol.status = 'PUBLISHED'`}
        ORDER BY pol.issued_on, pol.doc_number, m.seq`,
    [byPeriod ? scope.periodId : scope.quarter, agencyId],
  );
}

/** The review queue's filters, checked; null: any. */
export interface ReviewQueueQuery {
  policyId: string | null;
  /** A period label such as 2024Q3. */
  quarter: string | null;
  agencyId: string | null;
  measureId: string | null;
}

/**
 * Submitted reports waiting for the office, oldest first (at most 500), across every PUBLISHED
 * policy, each row carrying its policy. One statement whatever the filters.
 */
export async function submittedReports(sql: Sql, q: ReviewQueueQuery): Promise<(ProgressReport & { policyId: string })[]> {
  return sql.query(
    `SELECT ${REPORT_COLUMNS}, m.policy_id AS "policyId"
         FROM progress_report r
         JOIN measure m ON m.id = r.measure_id
         JOIN policy pol ON pol.id = m.policy_id AND pol.status = 'PUBLISHED'
         JOIN reporting_period p ON p.id = r.period_id
        WHERE r.status = 'SUBMITTED' AND ($1::uuid IS NULL OR m.policy_id = $1) AND ($2::text IS NULL OR p.label = $2)
          AND ($3::uuid IS NULL OR r.agency_id = $3) AND ($4::uuid IS NULL OR r.measure_id = $4)
        ORDER BY r.submitted_at ASC, r.id LIMIT 500`,
    [q.policyId, q.quarter, q.agencyId, q.measureId],
  );
}

/** A policy's reports filter, checked; null: any. */
export interface PolicyReportsQuery {
  policyId: string;
  periodId: string | null;
  agencyId: string | null;
  measureId: string | null;
  status: string | null;
}

/** A policy's reports, filtered, by measure then the latest change first (at most 2000). */
export async function reportsOfPolicy(sql: Sql, q: PolicyReportsQuery): Promise<ProgressReport[]> {
  return sql.query(
    `SELECT ${REPORT_COLUMNS} FROM progress_report r JOIN measure m ON m.id = r.measure_id
        WHERE m.policy_id = $1 AND ($2::uuid IS NULL OR r.period_id = $2) AND ($3::uuid IS NULL OR r.agency_id = $3)
          AND ($4::uuid IS NULL OR r.measure_id = $4) AND ($5::text IS NULL OR r.status = $5)
        ORDER BY m.seq, r.updated_at DESC LIMIT 2000`,
    [q.policyId, q.periodId, q.agencyId, q.measureId, q.status],
  );
}

/** One row per (policy, period) a unit has measures in, with its tasks counted by state. */
export interface QuarterPolicyRow {
  policyId: string;
  periodId: string;
  label: string;
  startsOn: string;
  endsOn: string;
  periodDueOn: string;
  extendedDueOn: string | null;
  notStarted: number;
  draft: number;
  submitted: number;
  returned: number;
  accepted: number;
}

/**
 * The unit's (policy, period) pairs that have begun by `today`, across every published policy: one
 * statement whatever the number of policies, counted in the database; by label, then policy order.
 */
export async function quarterRowsOfUnit(sql: Sql, agencyId: string, today: string): Promise<QuarterPolicyRow[]> {
  return sql.query(
    `SELECT p.policy_id AS "policyId", p.id AS "periodId", p.label, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn",
              p.due_on::text AS "periodDueOn", CASE WHEN x.due_on > p.due_on THEN x.due_on::text END AS "extendedDueOn",
              count(*) FILTER (WHERE r.id IS NULL)::int AS "notStarted",
              count(*) FILTER (WHERE r.status = 'DRAFT')::int AS draft,
              count(*) FILTER (WHERE r.status = 'SUBMITTED')::int AS submitted,
              count(*) FILTER (WHERE r.status = 'RETURNED')::int AS returned,
              count(*) FILTER (WHERE r.status = 'ACCEPTED')::int AS accepted
         FROM responsibility resp
         JOIN measure m ON m.id = resp.measure_id
         JOIN policy pol ON pol.id = m.policy_id AND pol.status = 'PUBLISHED'
         JOIN reporting_period p ON p.policy_id = pol.id AND p.starts_on <= $2::date
         LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = $1
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $1 AND r.period_id = p.id
        WHERE resp.agency_id = $1
        GROUP BY p.id, x.due_on, pol.issued_on, pol.doc_number
        ORDER BY p.label, pol.issued_on, pol.doc_number`,
    [agencyId, today],
  );
}

/** A (measure, unit, period) key of previousReports. */
export interface ReportKey {
  measureId: string;
  agencyId: string;
  periodId: string;
}

/**
 * For each key, the unit's latest report on the measure in a period that began before the key's
 * (null where there is none), in the keys' order: one statement for any number of keys (LATERAL
 * picks each key's latest earlier report).
 */
export async function previousReports(sql: Sql, keys: readonly ReportKey[]): Promise<(ProgressReport | null)[]> {
  const rows: (ProgressReport & { n: string })[] = await sql.query(
    `SELECT k.n, ${reportColumns('prev')}
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS k(measure_id, agency_id, period_id, n)
       JOIN reporting_period cp ON cp.id = k.period_id
       JOIN LATERAL (
         SELECT r.* FROM progress_report r JOIN reporting_period p ON p.id = r.period_id
          WHERE r.measure_id = k.measure_id AND r.agency_id = k.agency_id AND p.starts_on < cp.starts_on
          ORDER BY p.starts_on DESC LIMIT 1
       ) prev ON true`,
    [keys.map((k) => k.measureId), keys.map((k) => k.agencyId), keys.map((k) => k.periodId)],
  );
  const byIndex = new Map(rows.map(({ n, ...report }) => [Number(n) - 1, report as ProgressReport]));
  return keys.map((_, i) => byIndex.get(i) ?? null);
}
