/** The 填报期 page's data shaping, pure so it is unit-tested. */
import type { MessageKey } from '../../shared/i18n';

export interface UnitRef {
  id: string;
  name: string;
  shortName: string;
}

/** Every unit responsible for some measure of the policy, once each, in the notice's order. */
export function responsibleUnits(measures: readonly { responsibilities: readonly { agency: UnitRef }[] }[]): UnitRef[] {
  const seen = new Map<string, UnitRef>();
  for (const m of measures) for (const r of m.responsibilities) if (!seen.has(r.agency.id)) seen.set(r.agency.id, r.agency);
  return [...seen.values()];
}

export interface ChangeRow {
  kind: string;
  at: string | Date;
  username?: string | null;
  agency?: { shortName: string } | null;
  dueOnBefore?: string | null;
  dueOnAfter?: string | null;
  reason?: string | null;
}

/** One line of a period's history: what changed (a message key and its values), and who, when and why. */
export function changeLine(c: ChangeRow, display: (text: string) => string = (s) => s) {
  const kind = ['DUE_DATE', 'EXTENSION_SET', 'EXTENSION_REMOVED'].includes(c.kind) ? c.kind : 'DUE_DATE';
  return {
    key: `period.change.${kind}` as MessageKey,
    vars: { before: c.dueOnBefore ?? '—', after: c.dueOnAfter ?? '—', unit: c.agency ? display(c.agency.shortName) : '' },
    by: { user: c.username ?? '—', at: chinaDateTime(c.at) },
    reason: c.reason ?? null,
  };
}

/** 2025-01-05 14:03 in China time, whatever the browser's zone (the office and the audit read China time). */
export function chinaDateTime(at: string | Date): string {
  const d = new Date(new Date(at).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Whether a date typed for a unit's extension can be sent: an ISO date after the period's own due date. */
export const isLaterDate = (date: string, than: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && date > than;
