import type { Sql } from '../common/sql';
import { FOLLOW_MERGES_SQL } from '../units/agency-name';
import type { AgencyAliasRow, KnownAgency } from './agency-matcher';

/** Every agency (inactive and merged ones too: a notice may still name them), as the matcher needs it. */
export function knownAgencies(sql: Sql): Promise<KnownAgency[]> {
  return sql.query(
    `SELECT id, name, name_simplified AS "nameSimplified", short_name AS "shortName", kind, region_code AS "regionCode", name_key AS "nameKey"
       FROM agency ORDER BY kind = 'COUNTY' DESC, region_code, name`,
  );
}

/** The office's aliases. */
export function agencyAliasRows(sql: Sql): Promise<AgencyAliasRow[]> {
  return sql.query(`SELECT alias_key AS "aliasKey", agency_id AS "agencyId" FROM agency_alias`);
}

/** The unit an agency's work lives on in (itself unless merged). */
export async function currentAgencyId(sql: Sql, agencyId: string): Promise<string> {
  const [row]: { id: string }[] = await sql.query(FOLLOW_MERGES_SQL, [agencyId]);
  return row?.id ?? agencyId;
}

/** A unit the matcher knows, plus what only an insert needs. */
export interface NewAgencyRow extends KnownAgency {
  searchText: string;
  createdByImport: boolean;
}

export async function insertAgency(sql: Sql, a: NewAgencyRow): Promise<void> {
  await sql.query(
    `INSERT INTO agency (id, name, name_simplified, short_name, kind, region_code, search_text, name_key, created_by_import)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.id, a.name, a.nameSimplified, a.shortName, a.kind, a.regionCode, a.searchText, a.nameKey, a.createdByImport],
  );
}

/** The active county governments in division-code order: what 各县（市、区） stands for in a notice. */
export function activeCounties(sql: Sql): Promise<{ name: string; regionCode: string }[]> {
  return sql.query(
    `SELECT name, region_code AS "regionCode" FROM agency WHERE kind = 'COUNTY' AND active AND merged_into_id IS NULL ORDER BY region_code`,
  );
}

/**
 * Deletes an agency an import created once nothing refers to it any more (no responsibility, alias,
 * account, report, quota, ...): tried in a savepoint, so a reference anywhere keeps it. True when deleted.
 */
export async function deleteUnusedImportedAgency(sql: Sql, agencyId: string): Promise<boolean> {
  const [candidate]: unknown[] = await sql.query(
    `SELECT 1 FROM agency a WHERE a.id = $1 AND a.created_by_import
        AND NOT EXISTS (SELECT 1 FROM responsibility r WHERE r.agency_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM agency_alias x WHERE x.agency_id = a.id)`,
    [agencyId],
  );
  if (!candidate) return false;
  await sql.query(`SAVEPOINT drop_imported_agency`);
  try {
    await sql.query(`DELETE FROM agency WHERE id = $1`, [agencyId]);
    await sql.query(`RELEASE SAVEPOINT drop_imported_agency`);
    return true;
  } catch {
    await sql.query(`ROLLBACK TO SAVEPOINT drop_imported_agency`); // referred to elsewhere: kept
    return false;
  }
}
