import { attachmentCountSql } from '../attachments/attachments-for-units.queries';
import { accountCountSql } from '../auth/auth-for-units.queries';
import { hasWebhookSql } from '../chasing/chasing-for-units.queries';
import type { Sql } from '../common/sql';
import { quotaCountSql, responsibilityCountSql, sharedResponsibilityCountSql } from '../policy/policy-for-units.queries';
import { figureCountSql, reportCountSql } from '../reports/reports-for-units.queries';
import { supervisionItemCountSql } from '../supervision/supervision-for-units.queries';

/** What a merge would move out of the unit that goes, as each feature counts its own rows. */
export interface AgencyMergeCounts {
  responsibilities: number;
  shared_responsibilities: number;
  reports: number;
  figures: number;
  attachments: number;
  supervision_items: number;
  accounts: number;
  quotas: number;
  webhook: boolean;
}

/**
 * Everything a merge of `fromId` into `intoId` would move, in one statement: each count is the
 * owning feature's own subquery (its `*-for-units.queries.ts`), put together here.
 */
export async function agencyMergeCounts(sql: Sql, fromId: string, intoId: string): Promise<AgencyMergeCounts> {
  const [counts]: AgencyMergeCounts[] = await sql.query(
    `SELECT ${responsibilityCountSql('$1')}::int AS responsibilities,
            ${sharedResponsibilityCountSql('$1', '$2')}::int AS shared_responsibilities,
            ${reportCountSql('$1')}::int AS reports,
            ${figureCountSql('$1')}::int AS figures,
            ${attachmentCountSql('$1')}::int AS attachments,
            ${supervisionItemCountSql('$1')}::int AS supervision_items,
            ${accountCountSql('$1')}::int AS accounts,
            ${quotaCountSql('$1')}::int AS quotas,
            ${hasWebhookSql('$1')} AS webhook`,
    [fromId, intoId],
  );
  return counts;
}
