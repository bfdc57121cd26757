import { accountCountSql } from '../auth/auth-for-units.queries';
import type { Sql } from '../common/sql';
import { responsibilityCountSql } from '../policy/policy-for-units.queries';

/**
 * The units feature's SQL on the agency table it administers (names, merges). What a unit has in
 * other features (accounts, responsibilities, reports, ...) is those features' SQL, in their
 * `*-for-units.queries.ts` files.
 */

/** Every unit's accounts and responsibilities, in one statement (each count is its feature's subquery). */
export async function agencyCounts(sql: Sql): Promise<{ id: string; accounts: number; responsibilities: number }[]> {
  return sql.query(
    `SELECT a.id, ${accountCountSql('a.id')}::int AS accounts, ${responsibilityCountSql('a.id')}::int AS responsibilities FROM agency a`,
  );
}

/** The name of the unit whose name key (繁简体、空格不计) is `nameKey`, if any. */
export async function agencyNameByNameKey(sql: Sql, nameKey: string): Promise<string | undefined> {
  const same: { name: string }[] = await sql.query(`SELECT name FROM agency WHERE name_key = $1`, [nameKey]);
  return same[0]?.name;
}

/** The name of another unit than `id` whose name key is `nameKey`, if any (a rename's clash). */
export async function otherAgencyNameByNameKey(sql: Sql, nameKey: string, id: string): Promise<string | undefined> {
  const same: { name: string }[] = await sql.query(`SELECT name FROM agency WHERE name_key = $1 AND id <> $2`, [nameKey, id]);
  return same[0]?.name;
}

/** The name of the unit with this division code, if any. */
export async function agencyNameByRegionCode(sql: Sql, regionCode: string): Promise<string | undefined> {
  const coded: { name: string }[] = await sql.query(`SELECT name FROM agency WHERE region_code = $1`, [regionCode]);
  return coded[0]?.name;
}

/** The unit's name, if it exists. */
export async function agencyName(sql: Sql, id: string): Promise<string | undefined> {
  const [row]: { name: string }[] = await sql.query(`SELECT name FROM agency WHERE id = $1`, [id]);
  return row?.name;
}

/** The unit that went into another stays, inactive and marked merged into it. */
export async function markAgencyMerged(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE agency SET active = false, merged_into_id = $2 WHERE id = $1`, [fromId, intoId]);
}
