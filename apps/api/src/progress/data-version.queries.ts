import type { Sql } from '../common/sql';

/*
 * Data versions (the dashboard_version table, raised by triggers in every writing transaction: reports,
 * quotas, periods, agencies): what the caches of evaluated progress and of unit names are keyed by, on
 * any replica. The per-policy version the overview cache reads is part of its key statement
 * (dashboard/dashboard.queries.ts); the portfolio's fingerprint sums them all (portfolio.queries.ts).
 */

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
