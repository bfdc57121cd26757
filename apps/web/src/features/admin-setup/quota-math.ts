/**
 * The 任务分解 page's arithmetic, pure so it is unit-tested: the live sum against the city's target,
 * and the starting points offered from last year.
 */

/** Decimal quotas added without binary noise (0.1 + 0.2): six places are more than any quota has. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export type QuotaBalance = 'SHORT' | 'EQUAL' | 'ABOVE';

export interface QuotaTotals {
  sum: number;
  /** What is left of the city's target (0 when the sum reaches it). */
  shortfall: number;
  /** How far the sum goes above the city's target (0 when it does not). */
  excess: number;
  balance: QuotaBalance;
  /** Inputs that hold a number (an empty input is no quota for that county). */
  filled: number;
}

/** The sum of the inputs (empty ones count as nothing) held against the city's target, as the office types. */
export function quotaTotals(targetValue: number, values: readonly (number | null | undefined)[]): QuotaTotals {
  const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const sum = round6(numbers.reduce((a, b) => a + b, 0));
  const diff = round6(targetValue - sum);
  return {
    sum,
    shortfall: Math.max(0, diff),
    excess: Math.max(0, -diff),
    balance: diff > 0 ? 'SHORT' : diff < 0 ? 'ABOVE' : 'EQUAL',
    filled: numbers.length,
  };
}

/**
 * Splits `total` by `weights` into whole numbers that add up to `total` exactly (largest remainder:
 * the units left after rounding down go to the largest fractions, ties to the earlier county), or
 * to two decimals where `total` itself is not whole. All weights zero: null (nothing to split by).
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] | null {
  const sumW = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (!(sumW > 0)) return null;
  const scale = Number.isInteger(total) ? 1 : 100;
  const units = Math.round(total * scale);
  const exact = weights.map((w) => (Math.max(0, w) / sumW) * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, frac: e - floors[i] })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors.map((f) => f / scale);
}

export interface PreviousRow {
  countyId: string;
  previousQuota: number | null;
  previousShare: number | null;
}

export type StartingPoint = 'PREVIOUS_SPLIT' | 'PREVIOUS_SHARE';

/**
 * This year's inputs from last year, scaled to this year's target so the sum matches it:
 * PREVIOUS_SPLIT in proportion to last year's quotas (a county without one gets none),
 * PREVIOUS_SHARE in proportion to each county's share of last year's accepted results.
 * Null where last year offers nothing to go by.
 */
export function startingPoint(
  kind: StartingPoint,
  targetValue: number,
  rows: readonly PreviousRow[],
): Record<string, number | null> | null {
  const weights = rows.map((r) => (kind === 'PREVIOUS_SPLIT' ? r.previousQuota : r.previousShare) ?? 0);
  const split = splitByWeights(targetValue, weights);
  if (!split) return null;
  return Object.fromEntries(rows.map((r, i) => [r.countyId, kind === 'PREVIOUS_SPLIT' && r.previousQuota === null ? null : split[i]]));
}

/** Whether last year offers a starting point of that kind. */
export const hasStartingPoint = (kind: StartingPoint, rows: readonly PreviousRow[]) =>
  rows.some((r) => ((kind === 'PREVIOUS_SPLIT' ? r.previousQuota : r.previousShare) ?? 0) > 0);

/** The inputs to send: every county with a number (an empty input: no quota). */
export function quotasToSave(values: Readonly<Record<string, number | null | undefined>>, countyIds: readonly string[]) {
  return countyIds.flatMap((countyId) => {
    const v = values[countyId];
    return typeof v === 'number' && Number.isFinite(v) ? [{ countyId, value: v }] : [];
  });
}

/** A number as officials read it: grouped, at most two decimals. */
export const formatQuota = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
