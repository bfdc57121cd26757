import type { Sql } from '../common/sql';

/** Units' robot addresses (agency_webhook): one per unit at most. */

/** Sets the unit's robot (kind and address), replacing the one it had; `updatedBy` is the acting user. */
export async function upsertWebhook(sql: Sql, agencyId: string, kind: string, url: string, updatedBy: string | null): Promise<void> {
  await sql.query(
    `INSERT INTO agency_webhook (agency_id, kind, url, updated_at, updated_by) VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (agency_id) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [agencyId, kind, url, updatedBy],
  );
}

export async function deleteWebhook(sql: Sql, agencyId: string): Promise<void> {
  await sql.query(`DELETE FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
}
