import { auditRecordsOfReports } from '../audit/audit.queries';
import type { Sql } from '../common/sql';
import { ReportEvent } from './report.models';

export interface ReportEventRow extends ReportEvent {
  reportId: string;
}

type Snapshot = Record<string, unknown> | null;

const FIELDS = ['status', 'progress', 'problems', 'nextSteps', 'unitStatus', 'values'] as const;

export function changedFields(before: Snapshot, after: Snapshot): string[] {
  if (!before)
    return FIELDS.filter(
      (f) =>
        f !== 'status' &&
        after &&
        JSON.stringify(after[f] ?? null) !== JSON.stringify(f === 'values' ? [] : f === 'unitStatus' ? null : ''),
    );
  return FIELDS.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after?.[f] ?? null));
}

/** Every audited change of these reports, oldest first: who, when, what changed, the review comment. */
export async function reportEventsFor(sql: Sql, reportIds: readonly string[]): Promise<ReportEventRow[]> {
  const rows = await auditRecordsOfReports(sql, reportIds);
  return rows.map((r) => ({
    reportId: r.entity_id,
    at: r.at,
    username: r.username,
    action: r.action,
    changedFields: changedFields(r.before, r.after),
    comment: r.action === 'report.accept' || r.action === 'report.return' ? ((r.after?.reviewComment as string | null) ?? null) : null,
  }));
}
