import type { AgencyKind, FigureInput, TargetDirection } from '../../graphql/generated';
import { targetsForYear } from '@luoshi/domain';

/** The shapes the grid needs, as the ReportForm query gives them. */
export interface GridTarget {
  id: string;
  name: string;
  unit: string;
  targetValue: number;
  direction: TargetDirection;
  year: number;
  quotas: readonly { county: { id: string }; quota: number | null }[];
}
export interface GridCounty {
  id: string;
  name: string;
  regionCode?: string | null;
}
export interface FigureValue {
  target: { id: string };
  county: { id: string };
  value: number;
}

/** One cell of the form: what one county achieved on one target in the period. */
export interface FigureRow {
  key: string;
  targetId: string;
  county: GridCounty;
  /** The unit's figure for the same cell in its previous report, as a hint. */
  previous: number | null;
  /** The county's share of the target set by the office, as a hint. */
  quota: number | null;
}
export interface FigureGroup {
  target: GridTarget;
  rows: FigureRow[];
}
export interface FigureGrid {
  groups: FigureGroup[];
  /** Targets that count in another year than the period's: no figures asked for them. */
  otherYearTargets: GridTarget[];
}

export const figureKey = (targetId: string, countyId: string) => `${targetId}/${countyId}`;

/**
 * The counties a unit gives figures for: a county government only its own (the API refuses any
 * other), a city department all seven.
 */
export function countiesFor(agency: { id: string; kind: AgencyKind }, counties: readonly GridCounty[]): GridCounty[] {
  if (agency.kind === 'COUNTY') return counties.filter((c) => c.id === agency.id);
  return [...counties];
}

/**
 * The figures part of a measure's form: for each target that counts in the period's year, one row
 * per county the unit reports for, with last period's figure and the quota as hints. A target of
 * another year is listed apart: the API sums figures only within the target's year, so a figure
 * given for it in another year would never count.
 */
export function buildFigureGrid(input: {
  targets: readonly GridTarget[];
  counties: readonly GridCounty[];
  agency: { id: string; kind: AgencyKind };
  periodYear: number;
  previousValues?: readonly FigureValue[] | null;
}): FigureGrid {
  const previous = new Map((input.previousValues ?? []).map((v) => [figureKey(v.target.id, v.county.id), v.value]));
  const counties = countiesFor(input.agency, input.counties);
  const groups: FigureGroup[] = [];
  const otherYearTargets: GridTarget[] = [];
  // A 每年 target's other years are not listed: this year's target is the one asked for.
  for (const target of targetsForYear(input.targets, input.periodYear)) {
    if (target.year !== input.periodYear) {
      otherYearTargets.push(target);
      continue;
    }
    const quotas = new Map(target.quotas.map((q) => [q.county.id, q.quota]));
    groups.push({
      target,
      rows: counties.map((county) => ({
        key: figureKey(target.id, county.id),
        targetId: target.id,
        county,
        previous: previous.get(figureKey(target.id, county.id)) ?? null,
        quota: quotas.get(county.id) ?? null,
      })),
    });
  }
  return { groups, otherYearTargets };
}

/** Why a typed figure cannot be saved; each has a message in messages.ts (figure.error.*). */
export type FigureError = 'notNumber' | 'negative' | 'tooLarge';
export type ParsedFigure = { kind: 'empty' } | { kind: 'value'; value: number } | { kind: 'error'; error: FigureError };

/** The API's own ceiling (FigureInput.value ≤ 1e12). */
const MAX_FIGURE = 1e12;

/**
 * Reads a figure as people type it on a phone: full-width digits (１２０) from a Chinese IME,
 * thousands separators (1,200 / 1，200) and spaces are accepted; anything else is not a number.
 */
export function parseFigure(raw: string): ParsedFigure {
  const text = raw.replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
  if (text === '') return { kind: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { kind: 'error', error: 'notNumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { kind: 'error', error: 'notNumber' };
  if (value < 0) return { kind: 'error', error: 'negative' };
  if (value > MAX_FIGURE) return { kind: 'error', error: 'tooLarge' };
  return { kind: 'value', value: value === 0 ? 0 : value }; // no -0
}

/** Saved figures as the form's text inputs, keyed by figureKey. */
export function figuresFromValues(values: readonly FigureValue[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) out[figureKey(v.target.id, v.county.id)] = String(v.value);
  return out;
}

export interface FigureInputs {
  /** The whole set to send as `values` (the API replaces the saved set with it). */
  values: FigureInput[];
  /** For each element of `values`, its cell: the API names a bad figure by its index. */
  keys: string[];
  /** Cells that cannot be sent as typed. */
  errors: Record<string, FigureError>;
}

/**
 * The form's figures as `values`, for the cells of the grid only (in grid order); empty cells are
 * left out rather than sent as 0, since "not reported" and "none achieved" differ.
 */
export function toFigureInputs(
  figures: Readonly<Record<string, string>>,
  rows: readonly Pick<FigureRow, 'key' | 'targetId' | 'county'>[],
): FigureInputs {
  const out: FigureInputs = { values: [], keys: [], errors: {} };
  for (const row of rows) {
    const parsed = parseFigure(figures[row.key] ?? '');
    if (parsed.kind === 'error') out.errors[row.key] = parsed.error;
    else if (parsed.kind === 'value') {
      out.values.push({ targetId: row.targetId, countyId: row.county.id, value: parsed.value });
      out.keys.push(row.key);
    }
  }
  return out;
}

/** Every row of a grid, in order. */
export const gridRows = (grid: FigureGrid): FigureRow[] => grid.groups.flatMap((g) => g.rows);
