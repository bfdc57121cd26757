import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditEntityLabel, describeAuditAction } from '@luoshi/domain';
import { AuditCursor, AuditQuery, encodeCursor } from './audit-filter';
import { AuditPageView, AuditRecordView } from './audit.models';
import { AuditRow, auditRecordsCount, auditRecordsPage } from './audit.queries';

/** Counting stops here: beyond it the page says "more than 10,000", which is all a reader needs. */
export const COUNT_CAP = 10_000;

export function toView(row: AuditRow): AuditRecordView {
  const described = describeAuditAction(row.action, row.entity);
  return { ...row, label: described.label, kind: described.kind, entityLabel: auditEntityLabel(row.entity) };
}

/** Reads the audit for the 操作日志 and its export; never writes (the API's role may not). */
@Injectable()
export class AuditViewerService {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AuditQuery, cursor: AuditCursor | null, first: number): Promise<AuditPageView> {
    const rows = await auditRecordsPage(this.dataSource, query, cursor, first + 1);
    const records = rows.slice(0, first).map(toView);
    const hasNextPage = rows.length > first;
    const last = rows[first - 1];
    return { records, hasNextPage, endCursor: hasNextPage && last ? encodeCursor({ at: last.atKey, id: last.id }) : null, query };
  }

  count(page: AuditPageView): Promise<{ count: number; capped: boolean }> {
    page.counted ??= auditRecordsCount(this.dataSource, page.query, COUNT_CAP);
    return page.counted;
  }

  /**
   * Every matching record, newest first, handed over a batch at a time (memory stays flat), `cap` at
   * most; `cut` says whether more matched than the cap.
   */
  async eachBatch(
    query: AuditQuery,
    cap: number,
    onBatch: (records: AuditRecordView[]) => Promise<void> | void,
    batchSize = 1000,
  ): Promise<{ count: number; cut: boolean }> {
    let cursor: AuditCursor | null = null;
    let count = 0;
    for (;;) {
      const want = Math.min(batchSize, cap - count);
      // One row more than wanted tells whether another batch (or, at the cap, a cut) follows.
      const rows = await auditRecordsPage(this.dataSource, query, cursor, want + 1);
      const batch = rows.slice(0, want);
      if (batch.length) await onBatch(batch.map(toView));
      count += batch.length;
      if (rows.length <= want) return { count, cut: false };
      if (count >= cap) return { count, cut: true };
      const last = batch[batch.length - 1];
      cursor = { at: last.atKey, id: last.id };
    }
  }
}
