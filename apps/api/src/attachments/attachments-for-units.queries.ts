/**
 * The attachments' answer to the units feature: how many attachments the reports of the unit
 * `agency` (an SQL expression: a parameter or a column) carry (they move with the reports when the
 * unit merges into another, units/agency-merge.ts). A scalar subquery, so that the units feature
 * asks every feature's count in one statement.
 */
export const attachmentCountSql = (agency: string) =>
  `(SELECT count(*) FROM report_attachment x JOIN progress_report r ON r.id = x.report_id WHERE r.agency_id = ${agency})`;
