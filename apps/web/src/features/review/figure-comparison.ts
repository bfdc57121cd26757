import type { TargetDirection } from '../../graphql/generated';

export interface ComparedCounty {
  id: string;
  name: string;
  regionCode?: string | null;
}
export interface ComparedTarget {
  id: string;
  name: string;
  unit: string;
  direction: TargetDirection;
  quotas: readonly { county: ComparedCounty; quota: number | null }[];
}
export interface ComparedValue {
  target: { id: string };
  county: ComparedCounty;
  value: number;
}

export interface ComparisonRow {
  county: ComparedCounty;
  value: number | null;
  previous: number | null;
  quota: number | null;
  /** This period's figure as a percentage of the county's quota (AT_LEAST targets with a quota). */
  share: number | null;
}
export interface ComparisonGroup {
  target: ComparedTarget;
  rows: ComparisonRow[];
}

const byRegion = (a: ComparisonRow, b: ComparisonRow) =>
  (a.county.regionCode ?? a.county.id).localeCompare(b.county.regionCode ?? b.county.id);

/**
 * A report's figures beside the unit's previous report and the county quotas, one group per target
 * of the measure, with a row for each county that has a figure now or had one last period (a
 * figure that went missing is worth the office's attention too). A cap (AT_MOST) has no share: 2 of
 * a 3-day ceiling is not "67% done".
 */
export function buildFigureComparison(
  targets: readonly ComparedTarget[],
  values: readonly ComparedValue[],
  previousValues: readonly ComparedValue[] | null | undefined,
): ComparisonGroup[] {
  return targets.map((target) => {
    const rows = new Map<string, ComparisonRow>();
    const quotas = new Map(target.quotas.map((q) => [q.county.id, q.quota]));
    const row = (county: ComparedCounty) => {
      let r = rows.get(county.id);
      if (!r) rows.set(county.id, (r = { county, value: null, previous: null, quota: quotas.get(county.id) ?? null, share: null }));
      return r;
    };
    for (const v of values) if (v.target.id === target.id) row(v.county).value = v.value;
    for (const v of previousValues ?? []) if (v.target.id === target.id) row(v.county).previous = v.value;
    for (const r of rows.values()) {
      if (target.direction === 'AT_LEAST' && r.value !== null && r.quota) r.share = (r.value / r.quota) * 100;
    }
    return { target, rows: [...rows.values()].sort(byRegion) };
  });
}

/** 24% / 2.5%: whole percents, one decimal under 10. */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${share < 10 ? Math.round(share * 10) / 10 : Math.round(share)}%`;
}
