import type { TargetDirection } from '@luoshi/domain';
import type { Sql } from '../common/sql';
import { preparedQuery } from '../database/prepared';
import { policyDataVersionSql } from './data-version.queries';
import { AGENCY_AS_JSON, TARGET_AS_JSON } from '../policy/policy-for-progress.queries';

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
const progressCtes = (quotas: 'lookup' | 'join') => `
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
),
progress AS (
  SELECT t.id AS target_id, c.id AS county_id, c.region_code,
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
)`;

/**
 * At a period, of a 每年 target only that year's (libs/domain targetsForYear: a target of the year, or
 * one no target of the same measure and name replaces in that year); every target without a period
 * (`year` NULL). The others are neither summed nor shown: a 2026 quarter of a notice whose 每年 targets
 * run 2024–2026 aggregates a third of them (the bench's largest policy: 65 of 195).
 */
const shownInYear = (year: string) => `(${year} IS NULL OR t.year = ${year} OR NOT EXISTS (
      SELECT 1 FROM target o WHERE o.measure_id = t.measure_id AND o.name = t.name AND o.year = ${year}))`;

/**
 * One statement for a whole policy: every (target, county) pair with its quota, its accepted
 * (achieved) and submitted (pending) figures, for the periods of each target's year up to and
 * including `periodEndsOn` (all when null); at a period, the targets shown in its year (shownInYear).
 * - AT_LEAST targets count things: sums, read from report_total (kept in step with every report).
 * - AT_MOST targets cap a level: the highest figure of the latest period that has any, per status,
 *   read from the figures themselves (few rows: AT_MOST targets are rare and indexed by target).
 */
export const TARGET_PROGRESS_SQL = `
WITH targets AS (
  SELECT t.id, t.direction, t.year, m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id
   WHERE m.policy_id = $1 AND ${shownInYear('extract(year FROM $2::date)')}
),
periods AS (
  SELECT p.id, p.starts_on, p.policy_id FROM reporting_period p
   WHERE p.policy_id = $1 AND ($2::date IS NULL OR p.ends_on <= $2::date)
),${progressCtes('lookup')}
SELECT target_id, county_id, quota, achieved, pending FROM progress ORDER BY target_id, region_code`;

/**
 * The same figures for many policies in one statement (the leaders' portfolio): $1 the policies,
 * $2 for each the end date of the period its figures count to. Only the scope differs from
 * TARGET_PROGRESS_SQL (and how a row finds its quota: see progressCtes); the aggregation is shared text, so the two can never disagree.
 */
export const PORTFOLIO_PROGRESS_SQL = `
WITH targets AS (
  SELECT t.id, t.direction, t.year, m.policy_id FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = ANY($1::uuid[])
),
periods AS (
  SELECT p.id, p.starts_on, p.policy_id FROM reporting_period p
  JOIN unnest($1::uuid[], $2::date[]) AS s(policy_id, ends_on) ON s.policy_id = p.policy_id AND p.ends_on <= s.ends_on
),${progressCtes('join')}
SELECT target_id, county_id, quota, achieved, pending FROM progress ORDER BY target_id, region_code`;

export async function portfolioProgressRows(sql: Sql, policyIds: string[], periodEndsOn: string[]): Promise<ProgressRow[]> {
  return policyIds.length ? sql.query(PORTFOLIO_PROGRESS_SQL, [policyIds, periodEndsOn]) : [];
}

export async function targetProgressRows(sql: Sql, policyId: string, periodEndsOn: string | null): Promise<ProgressRow[]> {
  return preparedQuery<ProgressRow>(sql, TARGET_PROGRESS_SQL, [policyId, periodEndsOn]);
}

/** The target as JSON: every column under the entity's property names (TARGET_AS_JSON). */
export interface TargetJson {
  id: string;
  measureId: string;
  name: string;
  year: number;
  direction: TargetDirection;
  targetValue: number;
}

/** A county as JSON: every column under the entity's property names (AGENCY_AS_JSON). */
export interface CountyJson {
  id: string;
}

export interface TargetProgressAnswerRow {
  /** The policy exists and is PUBLISHED, or a DRAFT the caller may see. */
  visible: boolean;
  /** The period's year; null without a period or for an unknown one. */
  period_year: number | null;
  period_policy: string | null;
  /** The policy's data version when the statement ran (dashboard_version: the policy's and 'all'). */
  version: string;
  /** Every county the answer names, once. */
  counties: CountyJson[] | null;
  /**
   * In target id order: each target with its rows [county id, quota, achieved, pending] in division-code
   * order (achieved and pending NULL where an AT_MOST target has no figure). Null without targets.
   */
  answer: [TargetJson, [string, number | null, number | null, number | null][]][] | null;
}

/**
 * targetProgress in one statement: the checks (the policy visible to the caller, the period's year and
 * policy), the data version the answer is as of (one snapshot: the figures are exactly those of that
 * version), and the answer itself, built as JSON by PostgreSQL: the counties once (whole entities) and
 * each target (the whole entity) with compact rows per county, in target id and division-code order.
 * Nothing is computed for a policy the caller may not see. Prepared: see database/prepared.ts.
 */
export const TARGET_PROGRESS_ANSWER_SQL = `
WITH visible AS (
  SELECT id FROM policy WHERE id = $1 AND (status = 'PUBLISHED' OR $3)
),
period AS (
  SELECT policy_id, ends_on, extract(year FROM ends_on) AS year FROM reporting_period WHERE id = $2
),
targets AS (
  SELECT t.id, t.direction, t.year, m.policy_id, ${TARGET_AS_JSON} AS json FROM target t JOIN measure m ON m.id = t.measure_id
   WHERE m.policy_id = $1 AND EXISTS (SELECT 1 FROM visible) AND ${shownInYear('(SELECT year FROM period)')}
),
periods AS (
  SELECT p.id, p.starts_on, p.policy_id FROM reporting_period p
   WHERE p.policy_id = $1 AND ($2::uuid IS NULL OR p.ends_on <= (SELECT ends_on FROM period))
),${progressCtes('lookup')},
by_target AS (
  SELECT target_id, json_agg(json_build_array(county_id, quota, achieved, pending) ORDER BY region_code) AS rows
    FROM progress GROUP BY target_id
)
SELECT EXISTS (SELECT 1 FROM visible) AS visible,
       (SELECT year::int FROM period) AS period_year,
       (SELECT policy_id FROM period) AS period_policy,
       ${policyDataVersionSql('$1::uuid')} AS version,
       (SELECT json_agg(${AGENCY_AS_JSON}) FROM agency a WHERE a.id IN (SELECT county_id FROM progress)) AS counties,
       -- The targets' JSON from the targets CTE: joining the target table here let the planner hash all of it.
       (SELECT json_agg(json_build_array(t.json, b.rows) ORDER BY t.id) FROM by_target b JOIN targets t ON t.id = b.target_id) AS answer`;

export async function targetProgressAnswer(
  sql: Sql,
  policyId: string,
  periodId: string | null,
  seesDrafts: boolean,
): Promise<TargetProgressAnswerRow> {
  const [row] = await preparedQuery<TargetProgressAnswerRow>(sql, TARGET_PROGRESS_ANSWER_SQL, [policyId, periodId, seesDrafts]);
  return row;
}

/** The policy's data version (its own and the 'all' scope's), as text: what a cached answer is checked against. */
export async function policyDataVersion(sql: Sql, policyId: string): Promise<string> {
  const [row] = await preparedQuery<{ version: string }>(sql, `SELECT ${policyDataVersionSql('$1::uuid')} AS version`, [policyId]);
  return row.version;
}
