import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the auth feature (accounts): reads of policy and agency rows,
 * kept here so that auth runs no SQL on this feature's tables.
 */

/** Whether the policy exists (in any state). */
export async function policyExists(sql: Sql, policyId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM policy WHERE id = $1`, [policyId]);
  return rows.length > 0;
}

/** A unit as the account workbook names and finds it, with the name of the unit it was merged into. */
export interface AccountUnitRow {
  id: string;
  name: string;
  nameSimplified: string;
  shortName: string;
  nameKey: string;
  kind: 'DEPARTMENT' | 'COUNTY';
  regionCode: string | null;
  active: boolean;
  mergedIntoName: string | null;
}

/** Every unit, active or not (the import explains why an inactive or merged one is refused). */
export function unitsForAccounts(sql: Sql): Promise<AccountUnitRow[]> {
  return sql.query(
    `SELECT a.id, a.name, a.name_simplified AS "nameSimplified", a.short_name AS "shortName", a.name_key AS "nameKey", a.kind,
            a.region_code AS "regionCode", a.active, m.name_simplified AS "mergedIntoName"
       FROM agency a LEFT JOIN agency m ON m.id = a.merged_into_id`,
  );
}
