import type { Sql } from '../common/sql';

/** Whether the demo seed marked the database (app_secret holds its marker, demo/demo-data.ts). */
export async function demoDataMarked(sql: Sql, marker: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM app_secret WHERE name = $1`, [marker]);
  return rows.length > 0;
}
