import type { Sql } from '../common/sql';
import { preparedQuery } from '../database/prepared';
import { policyDataVersionSql } from '../progress/data-version.queries';

/**
 * The dashboard's SQL: each view is one statement whatever the number of measures, units or reports.
 * (The cards, the measures' lights and the units' compliance are the progress evaluation's: progress/.)
 */

/**
 * The dashboard's data version of a policy and whether the period is past due, in one cheap
 * statement (primary-key lookups): what OverviewCache keys on. No row: not a period of the policy.
 * `extensions_past` counts units' extended due dates (period_extension) already passed: each one
 * passing turns a unit late, so it is part of the key like the period's own date.
 */
const OVERVIEW_VERSION_SQL = `
SELECT ${policyDataVersionSql('p.policy_id')} AS version,
       now() >= ((p.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS past_due,
       (SELECT count(*) FROM period_extension x WHERE x.period_id = p.id AND now() >= ((x.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS extensions_past,
       -- When one of those next flips (seconds since 1970; NULL: none ahead): until then the answer holds.
       (SELECT extract(epoch FROM min(b))::float8
          FROM (SELECT (p.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS b
                UNION ALL SELECT (x.due_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' FROM period_extension x WHERE x.period_id = p.id) s
         WHERE b > now()) AS valid_until
  FROM reporting_period p
 WHERE p.id = $1 AND p.policy_id = $2`;

export interface OverviewVersionRow {
  version: string;
  past_due: boolean;
  extensions_past: number;
  valid_until: number | null;
}

/** The cache key's inputs of a period's overview (see OverviewCache); null: not a period of the policy. */
export async function overviewVersionOf(sql: Sql, periodId: string, policyId: string): Promise<OverviewVersionRow | null> {
  const rows = await preparedQuery<OverviewVersionRow>(sql, OVERVIEW_VERSION_SQL, [periodId, policyId]);
  return rows[0] ?? null;
}

/**
 * Per target and period of its year: accepted within the period (AT_LEAST: a sum from report_total;
 * AT_MOST: the highest accepted level), optionally for one county.
 */
const TREND_SQL = `
SELECT t.id AS target_id, p.id AS period_id,
       CASE WHEN t.direction = 'AT_LEAST' THEN
         coalesce((SELECT sum(rt.total) FROM report_total rt
                    WHERE rt.target_id = t.id AND rt.period_id = p.id AND rt.status = 'ACCEPTED' AND ($2::uuid IS NULL OR rt.county_id = $2)), 0)
       ELSE
         coalesce((SELECT max(f.value) FROM report_figure f JOIN progress_report r ON r.id = f.report_id
                    WHERE f.target_id = t.id AND r.period_id = p.id AND r.status = 'ACCEPTED' AND ($2::uuid IS NULL OR f.county_id = $2)), 0)
       END AS achieved,
       -- The policy's data version in the same snapshot: what the answer cache tags the trend with.
       ${policyDataVersionSql('$1::uuid')} AS version
  FROM target t
  JOIN measure m ON m.id = t.measure_id
  JOIN reporting_period p ON p.policy_id = m.policy_id AND extract(year FROM p.starts_on) = t.year
 WHERE m.policy_id = $1
 ORDER BY m.seq, t.name, p.starts_on`;

/** The accepted figures that make up a number (a target, up to a period, optionally a county). */
const FIGURE_SOURCES_SQL = `
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

export interface TrendRow {
  targetId: string;
  periodId: string;
  achieved: number;
}

/** TREND_SQL: every target of the policy, period by period (countyId null: the whole city). */
/** The trend's rows and the policy's data version they are as of (null without rows). */
export async function trendOfPolicy(
  sql: Sql,
  policyId: string,
  countyId: string | null,
): Promise<{ rows: TrendRow[]; version: bigint | null }> {
  const rows = await preparedQuery<{ target_id: string; period_id: string; achieved: string; version: string }>(sql, TREND_SQL, [
    policyId,
    countyId,
  ]);
  return {
    rows: rows.map((r) => ({ targetId: r.target_id, periodId: r.period_id, achieved: Number(r.achieved) })),
    version: rows.length ? BigInt(rows[0].version) : null,
  };
}

export interface FigureSourceRow {
  reportId: string;
  agencyId: string;
  countyId: string;
  periodId: string;
  value: number;
  status: string;
}

/** FIGURE_SOURCES_SQL: the accepted figures behind a target's number, newest period first (at most 1000). */
export async function figureSourcesOf(
  sql: Sql,
  targetId: string,
  periodEndsOn: string | null,
  countyId: string | null,
): Promise<FigureSourceRow[]> {
  const rows: { report_id: string; agency_id: string; county_id: string; period_id: string; value: string; status: string }[] =
    await sql.query(FIGURE_SOURCES_SQL, [targetId, periodEndsOn, countyId]);
  return rows.map((r) => ({
    reportId: r.report_id,
    agencyId: r.agency_id,
    countyId: r.county_id,
    periodId: r.period_id,
    value: Number(r.value),
    status: r.status,
  }));
}
