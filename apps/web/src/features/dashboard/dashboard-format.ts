import type { Lang } from '../../shared/i18n';
import type { Rating, TargetDirection } from '../../graphql/generated';
import { chinaToday } from '@luoshi/domain';

const group = (lang: Lang, digits: number) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: digits, useGrouping: true });

/**
 * A count for a leader's glance: 3,201 below ten thousand; 1.3万 / 1.3萬 (one decimal) from ten
 * thousand on in Chinese, as officials say it; 12,345 in English. '—' for no number.
 */
export function formatCount(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (lang !== 'en') {
    if (Math.abs(n) >= 1e8) return `${group(lang, 1).format(n / 1e8)}${lang === 'zh-Hant' ? '億' : '亿'}`;
    if (Math.abs(n) >= 1e4) return `${group(lang, 1).format(n / 1e4)}${lang === 'zh-Hant' ? '萬' : '万'}`;
  }
  return group(lang, 1).format(n);
}

/** A percentage with one decimal: 106.7%. The API sends 0..100 (percent) values. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

export const RATING_COLORS: Record<Rating, string> = { GREEN: '#237804', YELLOW: '#a15c00', RED: '#cf1322' };

export interface CardInput {
  achieved: number;
  pending: number;
  percent: number;
  expectedShare: number;
  expectedValue: number;
  rating: Rating;
  target: { direction: TargetDirection; targetValue: number };
}

export interface CardView {
  atMost: boolean;
  /** 0..100: how much of the bar is filled */
  fill: number;
  /** 0..100: where the marker stands (the expected share, or the ceiling for AT_MOST) */
  marker: number;
  /** The percentage shown: completion (AT_LEAST) or the API's percent */
  percentText: string;
  /** 时间进度 as a percentage (AT_LEAST) */
  expectedText: string;
  color: string;
  rating: Rating;
}

/** What a target card shows: fill and marker of its bar, its percentages and colour. */
export function cardView(card: CardInput): CardView {
  const atMost = card.target.direction === 'AT_MOST';
  const color = RATING_COLORS[card.rating];
  if (atMost) {
    // A level against a ceiling: the scale leaves room above the ceiling so an overrun shows.
    const ceiling = card.target.targetValue;
    const scale = Math.max(ceiling * 1.5, card.achieved * 1.1, 1);
    return {
      atMost,
      fill: clamp((card.achieved / scale) * 100),
      marker: clamp((ceiling / scale) * 100),
      percentText: formatPercent(card.percent),
      expectedText: formatPercent(100),
      color,
      rating: card.rating,
    };
  }
  const completion = card.target.targetValue > 0 ? (card.achieved / card.target.targetValue) * 100 : 0;
  return {
    atMost,
    fill: clamp(completion),
    marker: clamp(card.expectedShare * 100),
    percentText: formatPercent(completion),
    expectedText: formatPercent(card.expectedShare * 100),
    color,
    rating: card.rating,
  };
}

const clamp = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

export interface CountyInput {
  quota: number | null;
  achieved: number;
  pending: number;
  county: { id: string; shortName: string };
}

export interface CountyBar {
  countyId: string;
  name: string;
  achieved: number;
  pending: number;
  quota: number | null;
  /** achieved / quota × 100, null without a quota */
  percent: number | null;
  /**
   * In a chart by quota, a county without one: achieved / the city's target × 100 (its share of the whole target),
   * null otherwise or without a city target
   */
  cityShare: number | null;
  /** The bar's length in the chart by quota: percent, else cityShare, else 0 */
  plotted: number;
  rating: Rating | null;
}

/**
 * The county chart's rows: short names (converted by `display`, e.g. to simplified), sorted by
 * completion of quota where quotas exist (best first), else by achieved.
 * With a quota, a county is rated against the expected share like the city's target. Where only some counties have a
 * quota, the others keep their bar: their share of the city's target (`cityTarget`), unrated and after the rated ones
 * (by achieved), the chart's legend saying so.
 */
export function countyBars(
  rows: readonly CountyInput[],
  expectedShare: number,
  display: (s: string) => string = (s) => s,
  cityTarget: number | null = null,
): { bars: CountyBar[]; byQuota: boolean; mixed: boolean } {
  const hasQuota = (r: CountyInput) => r.quota !== null && r.quota > 0;
  const byQuota = rows.some(hasQuota);
  const mixed = byQuota && !rows.every(hasQuota);
  const bars: CountyBar[] = rows.map((r) => {
    const percent = hasQuota(r) ? (r.achieved / r.quota!) * 100 : null;
    const cityShare = byQuota && percent === null && cityTarget !== null && cityTarget > 0 ? (r.achieved / cityTarget) * 100 : null;
    let rating: Rating | null = null;
    if (percent !== null) {
      const expected = expectedShare * 100;
      rating = percent >= expected - 1e-9 ? 'GREEN' : percent < expected * 0.8 ? 'RED' : 'YELLOW';
    }
    return {
      countyId: r.county.id,
      name: display(r.county.shortName),
      achieved: r.achieved,
      pending: r.pending,
      quota: r.quota,
      percent,
      cityShare,
      plotted: percent ?? cityShare ?? 0,
      rating,
    };
  });
  const collator = new Intl.Collator('zh-CN');
  bars.sort((a, b) => {
    if (byQuota) {
      const pa = a.percent ?? -1;
      const pb = b.percent ?? -1;
      if (pa !== pb) return pb - pa;
    }
    if (a.achieved !== b.achieved) return b.achieved - a.achieved;
    return collator.compare(a.name, b.name);
  });
  return { bars, byQuota, mixed };
}

/** A period label kept short for a chart axis: 2024年三季度 / 2024 Q3. */
export function shortPeriodLabel(label: string, lang: Lang): string {
  const match = /^(\d{4})Q([1-4])$/.exec(label.trim());
  if (!match) return label;
  const quarter = ['一', '二', '三', '四'][Number(match[2]) - 1];
  return lang === 'en' ? `${match[1]} Q${match[2]}` : `${match[1]}年${quarter}季度`;
}

export interface TrendInput {
  achieved: number;
  cumulative: number;
  expected: number;
  period: { id: string; label: string; startsOn: string };
}

export interface TrendRow {
  periodId: string;
  label: string;
  achieved: number;
  cumulative: number;
  /** The trajectory; null when there is none to compare with (a county without a quota) */
  expected: number | null;
}

/**
 * The trend chart's series in period order. AT_LEAST: cumulative accepted against the trajectory.
 * AT_MOST: the quarter's level (achieved) against the ceiling (expected), so `cumulative` is the level.
 * The API's trajectory is the whole city's: for one county (`county` given) it is scaled to the
 * county's quota, or left out when the county has none (the city's line would dwarf its bars).
 */
export function trendSeries(
  points: readonly TrendInput[],
  direction: TargetDirection,
  lang: Lang,
  county?: { quota: number | null; targetValue: number },
): TrendRow[] {
  const expectedOf = (expected: number): number | null => {
    if (!county || direction === 'AT_MOST') return expected;
    if (county.quota === null || county.targetValue <= 0) return null;
    return (county.quota * expected) / county.targetValue;
  };
  return [...points]
    .sort((a, b) => a.period.startsOn.localeCompare(b.period.startsOn))
    .map((p) => ({
      periodId: p.period.id,
      label: shortPeriodLabel(p.period.label, lang),
      achieved: p.achieved,
      cumulative: direction === 'AT_MOST' ? p.achieved : p.cumulative,
      expected: expectedOf(p.expected),
    }));
}

export interface ComplianceInput {
  onTime: number;
  late: number;
  missing: number;
  total: number;
  onTimeRate: number;
  /** The unit's own later due date for the period (延期), where it has one. */
  extendedDueOn?: string | null;
  agency: { id: string; shortName: string; name: string };
}

export interface ComplianceRow extends ComplianceInput {
  /** 1-based; units with the same on-time rate and missing count share a rank */
  rank: number;
  rateText: string;
}

/** Units ranked by on-time rate (best first), then fewest missing, then most reports on time. */
export function rankCompliance(rows: readonly ComplianceInput[]): ComplianceRow[] {
  const collator = new Intl.Collator('zh-CN');
  const sorted = [...rows].sort(
    (a, b) =>
      b.onTimeRate - a.onTimeRate ||
      a.missing - b.missing ||
      b.onTime - a.onTime ||
      collator.compare(a.agency.shortName, b.agency.shortName),
  );
  const out: ComplianceRow[] = [];
  sorted.forEach((row, i) => {
    const prev = out[i - 1];
    const tie = prev && prev.onTimeRate === row.onTimeRate && prev.missing === row.missing;
    out.push({ ...row, rank: tie ? prev.rank : i + 1, rateText: formatPercent(row.onTimeRate * 100) });
  });
  return out;
}

export interface UnitInput {
  state: string;
  overdue: boolean;
  unitStatus: string | null;
  agency: { id: string; shortName: string };
}

export interface UnitSummary {
  /** Units' own statuses with how many chose each, in a fixed order */
  statuses: { status: string; count: number }[];
  /** Units that have not submitted (not started or draft) */
  missing: { id: string; shortName: string; overdue: boolean }[];
}

const STATUS_ORDER = ['BEHIND', 'AT_RISK', 'ON_TRACK', 'DONE'];

/** One measure's units summarised for the table: their own statuses and who has not reported. */
export function summariseUnits(units: readonly UnitInput[]): UnitSummary {
  const counts = new Map<string, number>();
  const missing: UnitSummary['missing'] = [];
  for (const u of units) {
    if (u.state === 'NOT_STARTED' || u.state === 'DRAFT') {
      missing.push({ id: u.agency.id, shortName: u.agency.shortName, overdue: u.overdue });
    } else if (u.unitStatus) {
      counts.set(u.unitStatus, (counts.get(u.unitStatus) ?? 0) + 1);
    }
  }
  missing.sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return { statuses: STATUS_ORDER.filter((s) => counts.has(s)).map((status) => ({ status, count: counts.get(status)! })), missing };
}

/**
 * The period to open: the one in the address if the policy has it; else, walking back from the
 * current one, the latest that has reports or is due (its due date has come: units owe its figures,
 * so leaders see who has not reported). `withoutReports` lists the periods known to have none.
 */
export function defaultPeriod(
  periods: readonly { id: string; dueOn?: string | null }[],
  currentId: string | null | undefined,
  requested: string | null,
  withoutReports: ReadonlySet<string> = new Set(),
  today = chinaToday(),
): string | null {
  if (requested && periods.some((p) => p.id === requested)) return requested;
  const end = currentId ? periods.findIndex((p) => p.id === currentId) : periods.length - 1;
  const upTo = periods.slice(0, (end < 0 ? periods.length - 1 : end) + 1);
  const due = (p: { dueOn?: string | null }) => !!p.dueOn && p.dueOn <= today;
  for (let i = upTo.length - 1; i >= 0; i--) if (due(upTo[i]) || !withoutReports.has(upTo[i].id)) return upTo[i].id;
  return upTo.at(-1)?.id ?? null;
}

/** The periods the dashboard offers: up to the current one (all of them when the policy has no current period). */
export function periodsUpToCurrent<P extends { id: string }>(policy: {
  periods: readonly P[];
  currentPeriod?: { id: string } | null;
}): P[] {
  const end = policy.currentPeriod ? policy.periods.findIndex((p) => p.id === policy.currentPeriod!.id) : -1;
  return end >= 0 ? policy.periods.slice(0, end + 1) : [...policy.periods];
}

/** The period the dashboard opens first when the address names none (before it knows which have reports). */
export function firstPeriod(policy: {
  periods: readonly { id: string; dueOn?: string | null }[];
  currentPeriod?: { id: string } | null;
}): string | null {
  const periods = periodsUpToCurrent(policy);
  return defaultPeriod(periods.length ? periods : policy.periods, policy.currentPeriod?.id, null);
}
