import { DataSource } from 'typeorm';
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
export async function reportEventsFor(ds: DataSource, reportIds: readonly string[]): Promise<ReportEventRow[]> {
  const rows: { entity_id: string; at: Date; username: string | null; action: string; before: Snapshot; after: Snapshot }[] =
    await ds.query(
      `SELECT entity_id, at, username, action, before, after FROM audit_record
      WHERE entity = 'progress_report' AND entity_id = ANY($1) ORDER BY id`,
      [reportIds],
    );
  return rows.map((r) => ({
    reportId: r.entity_id,
    at: r.at,
    username: r.username,
    action: r.action,
    changedFields: changedFields(r.before, r.after),
    comment: r.action === 'report.accept' || r.action === 'report.return' ? ((r.after?.reviewComment as string | null) ?? null) : null,
  }));
}
