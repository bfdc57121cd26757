import type { TargetFacts } from '@luoshi/domain';
import type { Sql } from '../common/sql';
import { UNIT_DUE_AT, UNIT_TASKS_FROM } from '../progress/unit-status.queries';

/**
 * The portfolio's SQL. Each statement covers every published policy at once, so the portfolio costs
 * the same number of statements whatever the number of policies (test: portfolio.spec.ts).
 */

/**
 * Every PUBLISHED policy with the period its figures count to: the latest period that has ended by
 * $1 (its end date before $1), else the policy's first period (a notice too young to have a finished
 * quarter). Also its follow-up items (督办事项) not yet closed, and those past their due date.
 */
const PORTFOLIO_POLICIES_SQL = `
SELECT pol.id AS policy_id, per.id AS period_id, per.ends_on::text AS ends_on,
       (SELECT count(*) FROM supervision_item i JOIN supervision_review v ON v.id = i.review_id
         WHERE v.policy_id = pol.id AND i.status <> 'CLOSED')::int AS open_items,
       (SELECT count(*) FROM supervision_item i JOIN supervision_review v ON v.id = i.review_id
         WHERE v.policy_id = pol.id AND i.status = 'OPEN' AND i.due_on < $1::date)::int AS overdue_items
  FROM policy pol
  LEFT JOIN LATERAL (
    SELECT p.id, p.ends_on FROM reporting_period p
     WHERE p.policy_id = pol.id
     ORDER BY (p.ends_on < $1::date) DESC, CASE WHEN p.ends_on < $1::date THEN p.ends_on END DESC, p.starts_on
     LIMIT 1
  ) per ON true
 WHERE pol.status = 'PUBLISHED'`;

export interface PortfolioPolicyRow {
  policy_id: string;
  period_id: string | null;
  ends_on: string | null;
  open_items: number;
  overdue_items: number;
}

/** The targets of the policies, with what the traffic-light rule needs (TargetFacts) and their policy. */
const PORTFOLIO_TARGETS_SQL = `
SELECT t.id, m.policy_id AS "policyId", t.direction, t.target_value::float AS "targetValue", t.year, t.trajectory
  FROM target t JOIN measure m ON m.id = t.measure_id
 WHERE m.policy_id = ANY($1::uuid[])`;

/**
 * Each (policy, responsible unit) for the period its figures count to ($1: those periods): its tasks
 * (one per measure) judged as the dashboard judges them (progress/unit-status.queries.ts: extensions
 * counted). Only tasks past their due date count: `due` of them, submitted `on_time` or `late`, or
 * still `missing` (not submitted at all).
 */
const PORTFOLIO_UNIT_TASKS_SQL = `
SELECT p.policy_id, resp.agency_id,
       count(*) FILTER (WHERE now() >= ${UNIT_DUE_AT})::int AS due,
       count(*) FILTER (WHERE now() >= ${UNIT_DUE_AT} AND r.first_submitted_at < ${UNIT_DUE_AT})::int AS on_time,
       count(*) FILTER (WHERE now() >= ${UNIT_DUE_AT} AND r.first_submitted_at >= ${UNIT_DUE_AT})::int AS late,
       count(*) FILTER (WHERE now() >= ${UNIT_DUE_AT} AND r.first_submitted_at IS NULL)::int AS missing
${UNIT_TASKS_FROM}
 WHERE p.id = ANY($1::uuid[])
 GROUP BY p.policy_id, resp.agency_id`;

export interface PortfolioUnitTasksRow {
  policy_id: string;
  agency_id: string;
  due: number;
  on_time: number;
  late: number;
  missing: number;
}

/**
 * The fingerprint of everything the portfolio is computed from, in one cheap statement (small
 * tables and aggregates; see PortfolioCache for why it suffices): the sum of dashboard_version's
 * counters (they only grow), the published policies (count, versions), the follow-up items (count,
 * versions, newest), and how many due dates — periods' and units' extensions — have passed by now().
 */
const PORTFOLIO_VERSION_SQL = `
SELECT concat_ws('|',
  (SELECT coalesce(sum(v.version), 0) FROM dashboard_version v),
  (SELECT count(*) || ':' || coalesce(sum(pol.version), 0) FROM policy pol WHERE pol.status = 'PUBLISHED'),
  (SELECT count(*) || ':' || coalesce(sum(i.version), 0) || ':' || coalesce(max(i.created_at)::text, '') FROM supervision_item i),
  (SELECT count(*) FROM reporting_period p WHERE now() >= ((p.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')),
  (SELECT count(*) FROM period_extension x WHERE now() >= ((x.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
) AS fingerprint`;

/** The fingerprint of the portfolio's data now (PORTFOLIO_VERSION_SQL): what PortfolioCache keys on. */
export async function portfolioFingerprint(sql: Sql): Promise<string> {
  const [{ fingerprint }]: { fingerprint: string }[] = await sql.query(PORTFOLIO_VERSION_SQL);
  return fingerprint;
}

/** PORTFOLIO_POLICIES_SQL: every published policy with the period its figures count to as of `day`. */
export async function portfolioPolicies(sql: Sql, day: string): Promise<PortfolioPolicyRow[]> {
  return sql.query(PORTFOLIO_POLICIES_SQL, [day]);
}

/** A target with its policy, as the traffic-light rule needs it. */
export type PortfolioTarget = TargetFacts & { policyId: string };

/** PORTFOLIO_TARGETS_SQL: the targets of the policies. */
export async function portfolioTargets(sql: Sql, policyIds: string[]): Promise<PortfolioTarget[]> {
  return sql.query(PORTFOLIO_TARGETS_SQL, [policyIds]);
}

/** PORTFOLIO_UNIT_TASKS_SQL: each (policy, responsible unit)'s tasks for the given periods, past due ones counted. */
export async function portfolioUnitTasks(sql: Sql, periodIds: string[]): Promise<PortfolioUnitTasksRow[]> {
  return sql.query(PORTFOLIO_UNIT_TASKS_SQL, [periodIds]);
}
