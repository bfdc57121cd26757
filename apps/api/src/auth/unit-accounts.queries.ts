import type { Sql } from '../common/sql';

/** A unit that is to get its first reporter account. */
export interface UnitWithoutReporter {
  id: string;
  kind: string;
  regionCode: string | null;
}

/** Serializes createUnitAccounts calls (two clicks at once): the second then finds the accounts made. */
const LOCK_KEY = 'luoshi:create-unit-accounts';

/** Waits for, then holds until the transaction ends, the lock of unit-account creation. */
export async function lockUnitAccountCreation(sql: Sql): Promise<void> {
  await sql.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [LOCK_KEY]);
}

/**
 * The active units responsible for a measure of the policy that have no active REPORTER account,
 * counties first. One joined question of the auth feature: it reads the policy feature's agency,
 * responsibility and measure rows together with app_user, in one statement.
 */
export function unitsWithoutReporter(sql: Sql, policyId: string): Promise<UnitWithoutReporter[]> {
  return sql.query(
    `SELECT a.id, a.kind, a.region_code AS "regionCode" FROM agency a
          WHERE a.id IN (SELECT r.agency_id FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1)
            AND a.active -- an inactive (or merged) unit gets no new account
            AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.agency_id = a.id AND u.role = 'REPORTER' AND u.active)
          ORDER BY a.kind = 'COUNTY' DESC, a.region_code, a.name`,
    [policyId],
  );
}
