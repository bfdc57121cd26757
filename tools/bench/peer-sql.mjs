// The peer's side of `npm run bench -- peer`: Luoshi's own targetProgress aggregate (TARGET_PROGRESS_SQL of
// the build under test) as a STABLE SQL function in schema `peer`, typed the way a PostGraphile team would
// expose it, plus the queries PostGraphile and the raw floor send. See peer.mjs.

export const PEER_SCHEMA = 'peer';

/**
 * The schema, recreated from scratch each run (one transaction) so the function always holds the SQL of
 * the build that is checked out. `targetProgressSql` takes $1 = the policy, $2 = the period's end date or
 * NULL and returns target_id, county_id, quota, achieved, pending ordered by target id, county region code.
 */
export function peerSchemaSql(targetProgressSql) {
  if (!/\$1(?!\d)/.test(targetProgressSql) || !/\$2(?!\d)/.test(targetProgressSql))
    throw new Error('TARGET_PROGRESS_SQL no longer takes $1 (policy) and $2 (period end): peer-sql.mjs needs updating');
  // In a SQL function a column of the same name wins over an argument (the CTEs have policy_id
  // columns): qualify the arguments with the function's name.
  const luoshi = targetProgressSql
    .replace(/\$1(?!\d)/g, 'target_progress.policy_id')
    .replace(/\$2(?!\d)/g, '(SELECT rp.ends_on FROM reporting_period rp WHERE rp.id = target_progress.period_id)');
  return `
DROP SCHEMA IF EXISTS ${PEER_SCHEMA} CASCADE;
CREATE SCHEMA ${PEER_SCHEMA};
CREATE TYPE ${PEER_SCHEMA}.county_progress AS (
  county_id uuid, county_name text, region_code text, quota float8, achieved float8, pending float8
);
CREATE TYPE ${PEER_SCHEMA}.target_progress_row AS (
  target_id uuid, name text, unit text, target_value float8, achieved float8, pending float8, percent float8,
  by_county ${PEER_SCHEMA}.county_progress[]
);
-- What Luoshi's resolver adds to the rows, in SQL: the target's totals and percent (libs/domain
-- progress.ts summarize: a sum for AT_LEAST, the worst county for AT_MOST), NULL figures shown as 0 by
-- county, and at a period, of a 每年 target only that year's (libs/domain target-years.ts targetsForYear:
-- same measure and name, another year's target is hidden when the period's year has one).
CREATE FUNCTION ${PEER_SCHEMA}.target_progress(policy_id uuid, period_id uuid DEFAULT NULL)
RETURNS SETOF ${PEER_SCHEMA}.target_progress_row LANGUAGE sql STABLE AS $peer$
SELECT t.id, t.name, t.unit, t.target_value::float8,
       (CASE WHEN t.direction = 'AT_LEAST' THEN coalesce(sum(r.achieved), 0) ELSE coalesce(max(r.achieved), 0) END)::float8,
       (CASE WHEN t.direction = 'AT_LEAST' THEN coalesce(sum(r.pending), 0) ELSE coalesce(max(r.pending), 0) END)::float8,
       CASE WHEN t.direction = 'AT_LEAST' THEN
              CASE WHEN t.target_value > 0 THEN coalesce(sum(r.achieved), 0)::float8 / t.target_value::float8 * 100
                   WHEN coalesce(sum(r.achieved), 0) > 0 THEN 100 ELSE 0 END
            WHEN count(r.achieved) = 0 THEN 0
            WHEN max(r.achieved) <= t.target_value THEN 100
            ELSE t.target_value::float8 / max(r.achieved)::float8 * 100 END,
       array_agg(ROW(c.id, c.name, c.region_code, r.quota::float8, coalesce(r.achieved, 0)::float8, coalesce(r.pending, 0)::float8)
                 ::${PEER_SCHEMA}.county_progress ORDER BY c.region_code)
  FROM (${luoshi}) r
  JOIN target t ON t.id = r.target_id
  JOIN agency c ON c.id = r.county_id
 WHERE target_progress.period_id IS NULL
    OR t.year = (SELECT extract(year FROM rp.ends_on) FROM reporting_period rp WHERE rp.id = target_progress.period_id)
    OR NOT EXISTS (SELECT 1 FROM target o
                    WHERE o.measure_id = t.measure_id AND o.name = t.name
                      AND o.year = (SELECT extract(year FROM rp.ends_on) FROM reporting_period rp WHERE rp.id = target_progress.period_id))
 GROUP BY t.id
 ORDER BY t.id
$peer$;
`;
}

/**
 * PostGraphile's request: the function as a simple list (simpleCollections: 'only' names it targetProgressList),
 * aliased to the contract's name, every field the contract asks for.
 */
export const POSTGRAPHILE_QUERY = `query TargetProgress($policyId: UUID!, $periodId: UUID) {
  targetProgress: targetProgressList(policyId: $policyId, periodId: $periodId) {
    targetId name unit targetValue achieved pending percent
    byCounty { countyId countyName regionCode quota achieved pending }
  }
}`;

/** The raw floor: the same function, the whole answer (the contract's JSON shape) built by PostgreSQL as one json value. */
export const RAW_SQL = `
SELECT json_build_object('data', json_build_object('targetProgress', coalesce(json_agg(json_build_object(
         'target', json_build_object('id', r.target_id, 'name', r.name, 'unit', r.unit, 'targetValue', r.target_value),
         'achieved', r.achieved, 'pending', r.pending, 'percent', r.percent,
         'byCounty', (SELECT json_agg(json_build_object(
                              'county', json_build_object('id', b.county_id, 'name', b.county_name, 'regionCode', b.region_code),
                              'quota', b.quota, 'achieved', b.achieved, 'pending', b.pending))
                        FROM unnest(r.by_county) b))), '[]'::json))) AS body
  FROM ${PEER_SCHEMA}.target_progress($1, $2) r`;
