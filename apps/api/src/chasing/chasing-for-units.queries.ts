import type { Sql } from '../common/sql';

/**
 * The chasing feature's answers to the units feature about units' group robots (agency_webhook): what
 * a merge of one unit into another (units/agency-merge.ts) finds and moves or drops.
 */

export interface AgencyWebhookRow {
  agency_id: string;
  kind: string;
  url: string;
}

/**
 * Whether the unit `agency` (an SQL expression: a parameter or a column) has a robot: a boolean
 * expression, so that the units feature asks it with every feature's count in one statement.
 */
export const hasWebhookSql = (agency: string) => `EXISTS (SELECT 1 FROM agency_webhook WHERE agency_id = ${agency})`;

/** The robots of the two units, where they have one. */
export async function webhooksOfAgencies(sql: Sql, fromId: string, intoId: string): Promise<AgencyWebhookRow[]> {
  return sql.query(`SELECT agency_id, kind, url FROM agency_webhook WHERE agency_id IN ($1, $2)`, [fromId, intoId]);
}

/** The unit's robot becomes the other unit's (which has none). */
export async function moveAgencyWebhook(sql: Sql, fromId: string, intoId: string): Promise<void> {
  await sql.query(`UPDATE agency_webhook SET agency_id = $2 WHERE agency_id = $1`, [fromId, intoId]);
}

export async function dropAgencyWebhook(sql: Sql, agencyId: string): Promise<void> {
  await sql.query(`DELETE FROM agency_webhook WHERE agency_id = $1`, [agencyId]);
}
