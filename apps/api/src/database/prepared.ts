import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { Sql } from '../common/sql';

/**
 * A statement the API runs on (nearly) every request, run as a named prepared statement: PostgreSQL
 * parses and plans it once per connection instead of once per request (planning the targetProgress
 * statement costs more than running it on a small policy: ~1.7 ms against ~1 ms). After five runs
 * PostgreSQL switches to a generic plan when it is no worse than the custom ones (plan_cache_mode
 * auto), so the queries that use this keep plans that do not depend on the parameters' values.
 *
 * Outside a transaction (`sql` is the DataSource) the statement goes straight to the pool, skipping
 * TypeORM's query runner; it is still reported to TypeORM's logger, so the statement counts (SQL_STATS,
 * the statement-budget tests) see it. Inside a transaction (`sql` is its manager) it runs as any other
 * statement on that transaction's connection. Not for connection poolers in transaction mode (PgBouncer
 * before 1.21): a prepared statement belongs to one server connection.
 */
export async function preparedQuery<T>(sql: Sql, text: string, values: unknown[]): Promise<T[]> {
  if (!(sql instanceof DataSource)) return sql.query(text, values);
  const pool = (sql.driver as unknown as { master: Pool }).master;
  sql.logger.logQuery(text, values);
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as T[];
}

const names = new Map<string, string>();

/** One name per text (pg refuses one name for two texts): a digest, remembered. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `luoshi_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
}
