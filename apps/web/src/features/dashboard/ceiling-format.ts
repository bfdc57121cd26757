import type { CountyInput } from './dashboard-format';

export interface CeilingBar {
  countyId: string;
  name: string;
  /** The highest accepted level of the county; null when it has no accepted figure */
  level: number | null;
  /** The highest level still awaiting review; null when none */
  pending: number | null;
  /** The level is above the ceiling */
  over: boolean;
}

/**
 * The chart of an AT_MOST target (a ceiling on a level, e.g. 公示时间 at most 3 days) by county:
 * the measured level of each county, lowest (best) first, counties above the ceiling flagged,
 * counties without a figure last. The API sends 0 for "no figure" (achieved and pending both 0),
 * which is read as no figure: a level of exactly 0 days or items is not a real reading of such a
 * target, and showing a 0 bar would make a county that never reported look best.
 */
export function ceilingBars(rows: readonly CountyInput[], ceiling: number, display: (s: string) => string = (s) => s): CeilingBar[] {
  const bars = rows.map((r): CeilingBar => {
    const none = r.achieved === 0 && r.pending === 0;
    const level = none || (r.achieved === 0 && r.pending > 0) ? null : r.achieved;
    return {
      countyId: r.county.id,
      name: display(r.county.shortName),
      level,
      pending: r.pending > 0 ? r.pending : null,
      over: level !== null && level > ceiling,
    };
  });
  const collator = new Intl.Collator('zh-CN');
  return bars.sort((a, b) => {
    if (a.level === null || b.level === null) {
      if (a.level !== b.level) return a.level === null ? 1 : -1;
    } else if (a.level !== b.level) return a.level - b.level;
    return collator.compare(a.name, b.name);
  });
}

/**
 * The value axis: room above the ceiling and the highest level, ending on a tick, with at most
 * six ticks on a 1-2-5 step (Recharts' own ticks would end on an odd number such as 0, 2, 4, 5).
 */
export function ceilingAxis(bars: readonly CeilingBar[], ceiling: number): { max: number; ticks: number[] } {
  const top = Math.max(ceiling * 1.25, ...bars.map((b) => (b.level ?? 0) * 1.1), 1);
  let step = 1;
  for (let unit = 1; top / step > 5; unit *= 10) step = [1, 2, 5, 10].map((k) => k * unit).find((s) => top / s <= 5) ?? unit * 10;
  const max = Math.ceil(top / step) * step;
  return { max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) };
}
