import type { PortfolioQuery } from '../../graphql/generated';
import { RATING_COLORS } from '../dashboard';

export type Standing = PortfolioQuery['policyPortfolio'][number];
export type CountyStanding = PortfolioQuery['countyPortfolio'][number];
export type UnitStanding = PortfolioQuery['unitCompliance'][number];
export type Lights = Standing['lights'];

/** A light as shown: its word (message key) beside its colour, never the colour alone. */
export type LightKey = 'RED' | 'YELLOW' | 'GREEN' | 'NO_DATA';
export const NO_DATA_COLOR = '#bfbfbf';
export const LIGHT_COLORS: Record<LightKey, string> = { ...RATING_COLORS, NO_DATA: NO_DATA_COLOR };
/** Worst first: what a leader reads first. */
const LIGHT_ORDER: readonly LightKey[] = ['RED', 'YELLOW', 'GREEN', 'NO_DATA'];

export interface LightChip {
  key: LightKey;
  count: number;
  color: string;
}

/** The lights that occur, worst first (a count of 0 is not shown). */
export function lightChips(lights: Lights): LightChip[] {
  const count: Record<LightKey, number> = { RED: lights.red, YELLOW: lights.yellow, GREEN: lights.green, NO_DATA: lights.noData };
  return LIGHT_ORDER.filter((key) => count[key] > 0).map((key) => ({ key, count: count[key], color: LIGHT_COLORS[key] }));
}

/** Where one click on a policy leads: its dashboard (the policy in the address, issue 11's routes). */
export const dashboardPath = (policyId: string) => `/p/${encodeURIComponent(policyId)}/dashboard`;

export interface StandingView {
  /** 0..100, rounded; null: no count target to complete. */
  completionPercent: number | null;
  /** 0..100: the share of the year elapsed at the period's end (时间进度). */
  elapsedPercent: number | null;
  /** Percentage points completion trails the time elapsed; 0 when on or ahead of time. */
  behindPoints: number;
  /** The first few late units by name, and how many more. */
  lateShown: string[];
  lateMore: number;
  dashboardPath: string;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

export function standingView(s: Standing, displayName: (text: string) => string = (x) => x, maxLate = 5): StandingView {
  const completionPercent = percent(s.completion);
  const elapsedPercent = percent(s.timeElapsed);
  const behindPoints = completionPercent !== null && elapsedPercent !== null ? Math.max(0, elapsedPercent - completionPercent) : 0;
  const names = s.lateUnits.map((u) => displayName(u.shortName));
  return {
    completionPercent,
    elapsedPercent,
    behindPoints,
    lateShown: names.slice(0, maxLate),
    lateMore: Math.max(0, names.length - maxLate),
    dashboardPath: dashboardPath(s.policy.id),
  };
}

/** One bar per county for a stacked chart: its targets by light across every policy. */
export interface CountyBar {
  countyId: string;
  name: string;
  RED: number;
  YELLOW: number;
  GREEN: number;
  NO_DATA: number;
  lateReports: number;
}

export function countyBars(rows: readonly CountyStanding[], displayName: (text: string) => string = (x) => x): CountyBar[] {
  return rows.map((r) => ({
    countyId: r.county.id,
    name: displayName(r.county.shortName),
    RED: r.lights.red,
    YELLOW: r.lights.yellow,
    GREEN: r.lights.green,
    NO_DATA: r.lights.noData,
    lateReports: r.lateReports,
  }));
}

export interface UnitRow extends UnitStanding {
  /** 92% or — while nothing is due. */
  rateText: string;
  /** The word for the rate (message key suffix) beside its colour. */
  band: 'GOOD' | 'FAIR' | 'POOR' | 'NONE';
  color: string;
}

/**
 * Bands of the on-time rate, as the dashboard's compliance list colours them (80% and 50%): a
 * presentation of the rate, not a rating of the unit.
 */
export function unitRows(rows: readonly UnitStanding[]): UnitRow[] {
  return rows.map((r) => {
    if (r.onTimeRate === null) return { ...r, rateText: '—', band: 'NONE', color: NO_DATA_COLOR };
    const rate = r.onTimeRate * 100;
    const band = rate >= 80 ? 'GOOD' : rate >= 50 ? 'FAIR' : 'POOR';
    const color = band === 'GOOD' ? RATING_COLORS.GREEN : band === 'FAIR' ? RATING_COLORS.YELLOW : RATING_COLORS.RED;
    return { ...r, rateText: `${Math.round(rate)}%`, band, color };
  });
}
