import type { Sql } from '../common/sql';

/**
 * The attachments' answer to the units feature: how many attachments the unit's reports carry (they
 * move with the reports when the unit merges into another, units/agency-merge.ts).
 */
export async function attachmentCountOfAgency(sql: Sql, agencyId: string): Promise<number> {
  const [row]: { attachments: number }[] = await sql.query(
    `SELECT (SELECT count(*) FROM report_attachment x JOIN progress_report r ON r.id = x.report_id WHERE r.agency_id = $1)::int AS attachments`,
    [agencyId],
  );
  return row.attachments;
}
