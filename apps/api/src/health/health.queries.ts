import type { Sql } from '../common/sql';

/** The cheapest statement the database must answer: the readiness probe's "is it there". */
export async function pingDatabase(sql: Sql): Promise<void> {
  await sql.query('SELECT 1');
}
