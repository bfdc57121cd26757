import type { ReportStatus, TargetDirection, UnitStatus } from '../../graphql/generated';

export interface ProgressInput {
  target: { id: string; name: string; unit: string; direction: TargetDirection; targetValue: number };
  byCounty: readonly { quota: number | null; achieved: number; pending: number; county: { id: string } }[];
}

export interface CountyTargetRow {
  targetId: string;
  name: string;
  unit: string;
  direction: TargetDirection;
  quota: number | null;
  achieved: number;
  pending: number;
  /** achieved / quota × 100, null without a quota */
  percent: number | null;
}

/** One county across every target: its achieved, quota (if any) and pending, in the targets' order. */
export function countyTargetRows(progress: readonly ProgressInput[], countyId: string): CountyTargetRow[] {
  return progress.map((p) => {
    const row = p.byCounty.find((r) => r.county.id === countyId);
    const quota = row?.quota ?? null;
    const achieved = row?.achieved ?? 0;
    return {
      targetId: p.target.id,
      name: p.target.name,
      unit: p.target.unit,
      direction: p.target.direction,
      quota,
      achieved,
      pending: row?.pending ?? 0,
      percent: quota !== null && quota > 0 ? (achieved / quota) * 100 : null,
    };
  });
}

export interface OverviewMeasureInput {
  measure: { id: string; seq: number; title: string };
  units: readonly { state: string; overdue: boolean; unitStatus: string | null; reportId: string | null; agency: { id: string } }[];
}

export interface CountyMeasureRow {
  measureId: string;
  seq: number;
  title: string;
  /** The county's own task on the measure; null when the county is not responsible for it */
  state: string | null;
  overdue: boolean;
  unitStatus: string | null;
  reportId: string | null;
  /** Responsible and not submitted (not started or draft) */
  missing: boolean;
}

/** The measures with one county government's own report state, in measure order. */
export function countyMeasureRows(measures: readonly OverviewMeasureInput[], countyId: string): CountyMeasureRow[] {
  return [...measures]
    .sort((a, b) => a.measure.seq - b.measure.seq)
    .map((m) => {
      const unit = m.units.find((u) => u.agency.id === countyId);
      const state = unit?.state ?? null;
      return {
        measureId: m.measure.id,
        seq: m.measure.seq,
        title: m.measure.title,
        state,
        overdue: unit?.overdue ?? false,
        unitStatus: unit?.unitStatus ?? null,
        reportId: unit?.reportId ?? null,
        missing: state === 'NOT_STARTED' || state === 'DRAFT',
      };
    });
}

/** The figures by county of the given targets only, in the order of `targetIds`. */
export function progressOfTargets<T extends { target: { id: string } }>(progress: readonly T[], targetIds: readonly string[]): T[] {
  return targetIds.map((id) => progress.find((p) => p.target.id === id)).filter((p): p is T => p !== undefined);
}

export interface ReportInput {
  id: string;
  status: ReportStatus;
  unitStatus: UnitStatus | null;
  submittedAt: string | null;
  agency: { kind: string; regionCode: string | null; shortName: string };
}

const STATUS_RANK: Record<ReportStatus, number> = { SUBMITTED: 0, RETURNED: 1, ACCEPTED: 2, DRAFT: 3 };

/**
 * A measure's reports for the page: departments before counties, counties by division code,
 * then by status (waiting for review first).
 */
export function sortReports<T extends ReportInput>(reports: readonly T[]): T[] {
  const collator = new Intl.Collator('zh-CN');
  return [...reports].sort((a, b) => {
    const ka = a.agency.kind === 'COUNTY' ? 1 : 0;
    const kb = b.agency.kind === 'COUNTY' ? 1 : 0;
    if (ka !== kb) return ka - kb;
    if (ka === 1 && a.agency.regionCode !== b.agency.regionCode)
      return (a.agency.regionCode ?? '').localeCompare(b.agency.regionCode ?? '');
    return STATUS_RANK[a.status] - STATUS_RANK[b.status] || collator.compare(a.agency.shortName, b.agency.shortName);
  });
}

/** The period of a drill-down page: the address's if the policy has it, else the current, else the last. */
export function pagePeriod(
  periods: readonly { id: string }[],
  currentId: string | null | undefined,
  requested: string | null,
): string | null {
  if (requested && periods.some((p) => p.id === requested)) return requested;
  if (currentId && periods.some((p) => p.id === currentId)) return currentId;
  return periods.at(-1)?.id ?? null;
}
