/**
 * 時間過半、任務過半: by a point in the year, a target should be done in proportion to the time
 * elapsed. These rules are shared by the dashboard's traffic lights and the supervision review's
 * computed rating, so the two can never disagree.
 */
export type Rating = 'GREEN' | 'YELLOW' | 'RED';

/** Below this fraction of the expected share a target is RED; between it and 1, YELLOW. */
export const RED_BELOW_EXPECTED = 0.8;
const EPSILON = 1e-9;

/**
 * The share of a calendar year elapsed at the end of a quarter that ends on `endsOn` (ISO date):
 * 2024Q3 -> 0.75, 2024Q4 -> 1. Quarters of another year than `year` count as 0 (before) or 1 (after).
 */
export function expectedShareAt(endsOn: string, year: number): number {
  const [y, m] = endsOn.split('-').map(Number);
  if (y < year) return 0;
  if (y > year) return 1;
  return Math.ceil(m / 3) / 4;
}

/** An optional trajectory set by the office: cumulative shares by quarter (e.g. [0.2, 0.45, 0.75, 1]). */
export function expectedShareOnTrajectory(endsOn: string, year: number, trajectory: readonly number[] | null | undefined): number {
  if (!trajectory || trajectory.length !== 4) return expectedShareAt(endsOn, year);
  const [y, m] = endsOn.split('-').map(Number);
  if (y < year) return 0;
  if (y > year) return 1;
  return trajectory[Math.ceil(m / 3) - 1];
}

export interface TargetStanding {
  direction: 'AT_LEAST' | 'AT_MOST';
  targetValue: number;
  /** AT_LEAST: cumulative accepted; AT_MOST: the latest accepted level, null when none. */
  achieved: number | null;
  expectedShare: number;
}

/**
 * GREEN where the target is at or above its expected share, RED below 80% of it, YELLOW between.
 * A ceiling (AT_MOST) is GREEN at or under the ceiling, RED above it, and YELLOW with no figure yet.
 */
export function ratingOf(t: TargetStanding): Rating {
  if (t.direction === 'AT_MOST') {
    if (t.achieved === null) return 'YELLOW';
    return t.achieved <= t.targetValue ? 'GREEN' : 'RED';
  }
  if (t.expectedShare <= 0) return 'GREEN';
  const share = t.targetValue > 0 ? (t.achieved ?? 0) / t.targetValue : 1;
  // A hair of tolerance: 0.75 * 0.8 is 0.6000000000000001 in floating point, and 60% is not "below 60%".
  if (share >= t.expectedShare - EPSILON) return 'GREEN';
  if (share < t.expectedShare * RED_BELOW_EXPECTED - EPSILON) return 'RED';
  return 'YELLOW';
}

/** A measure with several targets stands as its worst one. */
export function worstRating(ratings: readonly Rating[]): Rating | null {
  if (ratings.length === 0) return null;
  if (ratings.includes('RED')) return 'RED';
  if (ratings.includes('YELLOW')) return 'YELLOW';
  return 'GREEN';
}
