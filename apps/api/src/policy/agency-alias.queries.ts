import type { Sql } from '../common/sql';

/** The agency whose own name has this key (null: none): an alias may not be another unit's name. */
export async function agencyByNameKey(sql: Sql, nameKey: string): Promise<{ id: string; name: string } | null> {
  const [named]: { id: string; name: string }[] = await sql.query(`SELECT id, name FROM agency WHERE name_key = $1`, [nameKey]);
  return named ?? null;
}

/** Adds an alias (a key already taken fails on agency_alias_key_key). Answers its id. */
export async function insertAlias(sql: Sql, alias: string, aliasKey: string, agencyId: string): Promise<string> {
  const [row]: { id: string }[] = await sql.query(
    `INSERT INTO agency_alias (alias, alias_key, agency_id) VALUES ($1, $2, $3) RETURNING id`,
    [alias, aliasKey, agencyId],
  );
  return row.id;
}

/** An alias, locked for the transaction (null: no such alias). */
export async function lockAlias(sql: Sql, aliasId: string): Promise<{ alias: string; agencyId: string } | null> {
  const [row]: { alias: string; agencyId: string }[] = await sql.query(
    `SELECT alias, agency_id AS "agencyId" FROM agency_alias WHERE id = $1 FOR UPDATE`,
    [aliasId],
  );
  return row ?? null;
}

export async function deleteAlias(sql: Sql, aliasId: string): Promise<void> {
  await sql.query(`DELETE FROM agency_alias WHERE id = $1`, [aliasId]);
}
