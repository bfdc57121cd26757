import type { Rating } from '@luoshi/domain';

/** How many targets show each light; noData: a county card with nothing to be held against (no quota). */
export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  noData: number;
}

export function lightsOf(ratings: readonly (Rating | null)[]): LightCounts {
  const lights: LightCounts = { green: 0, yellow: 0, red: 0, noData: 0 };
  for (const r of ratings) {
    if (r === 'GREEN') lights.green++;
    else if (r === 'YELLOW') lights.yellow++;
    else if (r === 'RED') lights.red++;
    else lights.noData++;
  }
  return lights;
}

/**
 * Completion of a policy: the mean achieved share of its AT_LEAST targets (each capped at 1, so one
 * target far ahead cannot hide another behind; ceilings, AT_MOST, are no amount to complete).
 * null: the policy has no AT_LEAST target.
 */
export function completionOf(cards: readonly { direction: 'AT_LEAST' | 'AT_MOST'; percent: number }[]): number | null {
  const counts = cards.filter((c) => c.direction === 'AT_LEAST');
  if (counts.length === 0) return null;
  return counts.reduce((sum, c) => sum + Math.min(1, Math.max(0, c.percent / 100)), 0) / counts.length;
}

export interface AttentionInputs {
  lights: LightCounts;
  lateUnits: number;
  openItems: number;
  /** Share of the year elapsed at the period's end (0..1). */
  timeElapsed: number | null;
  completion: number | null;
}

/**
 * What needs a leader's attention, as one number (higher first):
 *   3 × RED targets + 1 × YELLOW targets + 2 × late units + 1 × open follow-up items
 *   + round(10 × max(0, time elapsed − completion))
 * A RED target is behind 80% of where it should be; a late unit has not even reported; an open item
 * is work the office already asked for; the last term adds up to 10 where completion trails the
 * calendar (時間過半、任務未過半). Ties: more RED first, then the newer notice (see sortByAttention).
 */
export function attentionOf(x: AttentionInputs): number {
  const gap = x.timeElapsed === null || x.completion === null ? 0 : Math.max(0, x.timeElapsed - x.completion);
  return 3 * x.lights.red + x.lights.yellow + 2 * x.lateUnits + x.openItems + Math.round(10 * gap);
}

export function sortByAttention<T extends { attention: number; lights: LightCounts; issuedOn: string; docNumber: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort(
    (a, b) =>
      b.attention - a.attention ||
      b.lights.red - a.lights.red ||
      (a.issuedOn < b.issuedOn ? 1 : a.issuedOn > b.issuedOn ? -1 : 0) ||
      a.docNumber.localeCompare(b.docNumber),
  );
}
