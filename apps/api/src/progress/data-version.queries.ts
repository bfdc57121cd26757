import type { Sql } from '../common/sql';

/*
 * Data versions (the dashboard_version table, raised by triggers in every writing transaction: reports,
 * quotas, periods, agencies): what the caches of evaluated progress and of unit names are keyed by, on
 * any replica. The per-policy version the overview cache reads is part of its key statement
 * (dashboard/dashboard.queries.ts); the portfolio's fingerprint sums them all (portfolio.queries.ts).
 */

/**
 * SQL for a policy's data version as text: its own counter plus the 'all' scope's (units), which together
 * count every change to what its progress, overview and trend are computed from. `policy` is an SQL
 * expression of the policy's id (a parameter such as `$1::uuid`, or a column). Read in the same statement
 * as the figures, it tags them with exactly the version they are as of. One text for every reader.
 */
export const policyDataVersionSql = (policy: string) =>
  `(SELECT coalesce(sum(v.version), 0) FROM dashboard_version v WHERE v.scope IN (${policy}::text, 'all'))::text`;

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
