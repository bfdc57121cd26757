import type { Sql } from '../common/sql';

export interface ProgressRow {
  target_id: string;
  county_id: string;
  quota: string | null;
  achieved: string | null;
  pending: string | null;
}

/**
 * Everything after the scope (targets, periods): see TARGET_PROGRESS_SQL. `quotas` is how each row
 * finds its quota, the only part that differs with the scope's size:
 * - 'lookup' (one policy): a keyed lookup per row; a join let the planner hash the whole
 *   county_quota table (19 ms at 65k rows) for a policy's few hundred rows.
 * - 'join' (every policy, the portfolio): one hash join. 95k lookups cost ~0.5 s on the bench
 *   database and raised the plan's cost past jit_above_cost, so PostgreSQL compiled it (JIT) on
 *   every request: 2.4–3.9 s for the statement, 1.5–1.6 s with the join (same rows, same order).
 */
const progressBody = (quotas: 'lookup' | 'join') => `
sums AS (
  SELECT rt.target_id, rt.county_id,
         sum(rt.total) FILTER (WHERE rt.status = 'ACCEPTED') AS achieved,
         sum(rt.total) FILTER (WHERE rt.status = 'SUBMITTED') AS pending
    FROM report_total rt
    JOIN targets t ON t.id = rt.target_id AND t.direction = 'AT_LEAST'
    JOIN periods p ON p.id = rt.period_id AND p.policy_id = t.policy_id AND extract(year FROM p.starts_on) = t.year
   GROUP BY rt.target_id, rt.county_id
),
levels AS (
  SELECT f.target_id, f.county_id, r.status, p.starts_on, max(f.value) AS level
    FROM report_figure f
    JOIN targets t ON t.id = f.target_id AND t.direction = 'AT_MOST'
    JOIN progress_report r ON r.id = f.report_id AND r.status IN ('ACCEPTED', 'SUBMITTED')
    JOIN periods p ON p.id = r.period_id AND p.policy_id = t.policy_id AND extract(year FROM p.starts_on) = t.year
   GROUP BY f.target_id, f.county_id, r.status, p.starts_on
),
maxima AS (
  -- The latest period with any level, per target and status: a window, not a self-join of levels
  -- (whose row count the planner cannot see: it nested-looped 27k × 27k rows for 121 policies).
  SELECT x.target_id, x.county_id,
         max(x.level) FILTER (WHERE x.status = 'ACCEPTED') AS achieved,
         max(x.level) FILTER (WHERE x.status = 'SUBMITTED') AS pending
    FROM (SELECT l.*, max(l.starts_on) OVER (PARTITION BY l.target_id, l.status) AS latest FROM levels l) x
   WHERE x.starts_on = x.latest
   GROUP BY x.target_id, x.county_id
)
SELECT t.id AS target_id, c.id AS county_id,
       ${quotas === 'lookup' ? '(SELECT q.quota FROM county_quota q WHERE q.target_id = t.id AND q.county_id = c.id)' : 'q.quota'} AS quota,
       -- NULL (not 0) where an AT_MOST target has no figure: a measured 0 is a level, nothing is not.
       CASE WHEN t.direction = 'AT_LEAST' THEN coalesce(s.achieved, 0) ELSE m.achieved END AS achieved,
       CASE WHEN t.direction = 'AT_LEAST' THEN coalesce(s.pending, 0) ELSE m.pending END AS pending
  FROM targets t
 -- A merged county is gone (its figures and quotas moved to the county it joined); an inactive one
 -- stays listed where it has a quota or figures for the target (its history), never as a zero row.
 CROSS JOIN (SELECT id, region_code, active FROM agency WHERE kind = 'COUNTY' AND merged_into_id IS NULL) c
  ${quotas === 'join' ? 'LEFT JOIN county_quota q ON q.target_id = t.id AND q.county_id = c.id' : ''}
  LEFT JOIN sums s ON s.target_id = t.id AND s.county_id = c.id
  LEFT JOIN maxima m ON m.target_id = t.id AND m.county_id = c.id
 WHERE c.active OR s.county_id IS NOT NULL OR m.county_id IS NOT NULL
    OR ${quotas === 'lookup' ? 'EXISTS (SELECT 1 FROM county_quota q WHERE q.target_id = t.id AND q.county_id = c.id)' : 'q.county_id IS NOT NULL'}
 ORDER BY t.id, c.region_code`;

/**
 * One statement for a whole policy: every (target, county) pair with its quota, its accepted
 * (achieved) and submitted (pending) figures, for the periods of each target's year up to and
 * including `periodEndsOn` (all when null).
 * - AT_LEAST targets count things: sums, read from report_total (kept in step with every report).
 * - AT_MOST targets cap a level: the highest figure of the latest period that has any, per status,
 *   read from the figures themselves (few rows: AT_MOST targets are rare and indexed by target).
 */
export const TARGET_PROGRESS_SQL = `
WITH targets AS (
  SELECT t.id, t.direction, t.year, m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1
),
periods AS (
  SELECT p.id, p.starts_on, p.policy_id FROM reporting_period p
   WHERE p.policy_id = $1 AND ($2::date IS NULL OR p.ends_on <= $2::date)
),${progressBody('lookup')}`;

/**
 * The same figures for many policies in one statement (the leaders' portfolio): $1 the policies,
 * $2 for each the end date of the period its figures count to. Only the scope differs from
 * TARGET_PROGRESS_SQL (and how a row finds its quota: see progressBody); the aggregation is shared text, so the two can never disagree.
 */
export const PORTFOLIO_PROGRESS_SQL = `
WITH targets AS (
  SELECT t.id, t.direction, t.year, m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = ANY($1::uuid[])
),
periods AS (
  SELECT p.id, p.starts_on, p.policy_id FROM reporting_period p
  JOIN unnest($1::uuid[], $2::date[]) AS s(policy_id, ends_on) ON s.policy_id = p.policy_id AND p.ends_on <= s.ends_on
),${progressBody('join')}`;

export async function portfolioProgressRows(sql: Sql, policyIds: string[], periodEndsOn: string[]): Promise<ProgressRow[]> {
  return policyIds.length ? sql.query(PORTFOLIO_PROGRESS_SQL, [policyIds, periodEndsOn]) : [];
}

export async function targetProgressRows(sql: Sql, policyId: string, periodEndsOn: string | null): Promise<ProgressRow[]> {
  return sql.query(TARGET_PROGRESS_SQL, [policyId, periodEndsOn]);
}

export interface ProgressScopeRow {
  /** The policy exists and is PUBLISHED, or a DRAFT the caller may see. */
  exists: boolean;
  /** The period's end date; null without a period or for an unknown one. */
  ends_on: string | null;
  period_policy: string | null;
}

/** What targetProgress checks before it aggregates, in one statement: the policy, and the period's end and policy. */
export async function progressScope(sql: Sql, policyId: string, periodId: string | null, seesDrafts: boolean): Promise<ProgressScopeRow> {
  const rows: ProgressScopeRow[] = await sql.query(
    `SELECT EXISTS (SELECT 1 FROM policy WHERE id = $1 AND (status = 'PUBLISHED' OR $3)) AS exists,
            (SELECT ends_on FROM reporting_period WHERE id = $2) AS ends_on,
            (SELECT policy_id FROM reporting_period WHERE id = $2) AS period_policy`,
    [policyId, periodId, seesDrafts],
  );
  return rows[0];
}
