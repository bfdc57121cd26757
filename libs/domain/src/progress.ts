/**
 * Where a target stands, as pure rules: the totals and percent of its counties' figures (summarize)
 * and its GREEN/YELLOW/RED card held against the expected share of the year (時間過半, trajectory.ts),
 * city-wide (cityCard) or for one county against its quota (countyCard). The API's progress module
 * feeds them the figures; the dashboard, the portfolio and the supervision review all read its cards,
 * so the three can never disagree.
 */
import type { TargetDirection } from './roles';
import { expectedShareOnTrajectory, ratingOf, type Rating } from './trajectory';

/** A county's figures on a target. null: no figure at all (only for AT_MOST targets, where 0 is a real level). */
export interface CountyFigures {
  countyId: string;
  quota: number | null;
  achieved: number | null;
  pending: number | null;
}

/** What the card rules need of a target. */
export interface TargetFacts {
  id: string;
  direction: TargetDirection;
  targetValue: number;
  year: number;
  trajectory: number[] | null;
}

export interface TargetCardData {
  targetId: string;
  achieved: number;
  pending: number;
  goal: number;
  percent: number;
  expectedShare: number;
  expectedValue: number;
  rating: Rating;
  /**
   * At least one accepted figure in scope. false: achieved reads 0 but nothing has been accepted yet,
   * which for a ceiling (AT_MOST) is no data, not a perfect 0.
   */
  hasFigure: boolean;
}

/** A county's card: as a city-wide one, but a county without a quota has no goal (see countyCard). */
export interface CountyCardData extends Omit<TargetCardData, 'goal' | 'percent' | 'expectedValue' | 'rating'> {
  goal: number | null;
  percent: number | null;
  expectedValue: number | null;
  rating: Rating | null;
}

export interface ProgressTotals {
  achieved: number;
  pending: number;
  percent: number;
}

/**
 * ProgressTotals and percent from the county rows: a sum for AT_LEAST, the worst county for AT_MOST.
 * AT_LEAST: achieved / target * 100 (100 for a target of 0 with anything achieved). AT_MOST: 100 at
 * or below the ceiling, target / achieved * 100 above; 0 without accepted figures.
 */
export function summarize(
  direction: TargetDirection,
  targetValue: number,
  byCounty: readonly Pick<CountyFigures, 'achieved' | 'pending'>[],
): ProgressTotals {
  const achievedValues = byCounty.map((c) => c.achieved).filter((v): v is number => v !== null);
  const pendingValues = byCounty.map((c) => c.pending).filter((v): v is number => v !== null);
  if (direction === 'AT_LEAST') {
    const achieved = achievedValues.reduce((s, v) => s + v, 0);
    const pending = pendingValues.reduce((s, v) => s + v, 0);
    const percent = targetValue > 0 ? (achieved / targetValue) * 100 : achieved > 0 ? 100 : 0;
    return { achieved, pending, percent };
  }
  const achieved = achievedValues.length ? Math.max(...achievedValues) : 0;
  const pending = pendingValues.length ? Math.max(...pendingValues) : 0;
  const percent = achievedValues.length === 0 ? 0 : achieved <= targetValue ? 100 : (targetValue / achieved) * 100;
  return { achieved, pending, percent };
}

/** The city-wide card of a target: its figures summed over the counties, against the target value. */
export function cityCard(
  t: TargetFacts,
  period: { endsOn: string },
  d: { byCounty: readonly Pick<CountyFigures, 'achieved' | 'pending'>[] },
): TargetCardData {
  const anyAccepted = d.byCounty.some((c) => c.achieved !== null);
  return card(t, period, t.targetValue, summarize(t.direction, t.targetValue, d.byCounty), anyAccepted);
}

/**
 * A county's card: its figures held against its quota. A ceiling (AT_MOST) binds every county, so
 * without a quota the county is held against the ceiling itself. A count (AT_LEAST) without a quota
 * has no share of the target to be judged by: the card shows achieved and pending, with goal,
 * percent, expectedValue and rating null (not 0 or RED: nothing was asked of the county, so nothing
 * is behind).
 */
export function countyCard(t: TargetFacts, period: { endsOn: string }, c: Omit<CountyFigures, 'countyId'>): CountyCardData {
  const goal = c.quota ?? (t.direction === 'AT_MOST' ? t.targetValue : null);
  if (goal === null) {
    return {
      targetId: t.id,
      achieved: c.achieved ?? 0,
      pending: c.pending ?? 0,
      goal: null,
      percent: null,
      expectedShare: expectedShareOnTrajectory(period.endsOn, t.year, t.trajectory),
      expectedValue: null,
      rating: null,
      hasFigure: c.achieved !== null,
    };
  }
  return card(t, period, goal, summarize(t.direction, goal, [c]), c.achieved !== null);
}

/** One card: `totals` (from summarize) held against `goal` × the share of the year elapsed. */
function card(t: TargetFacts, period: { endsOn: string }, goal: number, totals: ProgressTotals, hasFigure: boolean): TargetCardData {
  const expectedShare = t.direction === 'AT_MOST' ? 1 : expectedShareOnTrajectory(period.endsOn, t.year, t.trajectory);
  const noLevelYet = t.direction === 'AT_MOST' && !hasFigure;
  const rating = ratingOf({ direction: t.direction, targetValue: goal, achieved: noLevelYet ? null : totals.achieved, expectedShare });
  const expectedValue = t.direction === 'AT_MOST' ? goal : goal * expectedShare;
  return { targetId: t.id, ...totals, goal, expectedShare, expectedValue, rating, hasFigure };
}
