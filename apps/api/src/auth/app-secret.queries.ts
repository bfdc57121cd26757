import type { Sql } from '../common/sql';

/** Secrets the application keeps in the database (app_secret), shared by every replica. */

/** Stores the value under the name unless one is stored already (the first replica to start wins). */
export async function insertSecretUnlessPresent(sql: Sql, name: string, value: string): Promise<void> {
  await sql.query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, value]);
}

/** The value stored under the name (the caller has made sure there is one). */
export async function secretValue(sql: Sql, name: string): Promise<string> {
  const rows: { value: string }[] = await sql.query(`SELECT value FROM app_secret WHERE name = $1`, [name]);
  return rows[0].value;
}
