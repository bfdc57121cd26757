import type { Lang } from '../../shared/i18n';
import type { CeilingBar } from './ceiling-format';
import { formatCount, formatPercent, type CountyBar, type TrendRow } from './dashboard-format';

/**
 * A chart's figures in words, for a screen reader (issue 17: a chart is never only a picture), e.g.
 * "见习岗位 完成3,201个，目标3,000个，完成率106.7%". The labels come from the messages, so each
 * language reads naturally.
 */
export interface SummaryLabels {
  achieved: string;
  pending: string;
  completion: string;
  expected: string;
  noFigure: string;
  over: string;
  rating: (rating: NonNullable<CountyBar['rating']>) => string;
  /** A county without a quota in a chart by quota: "占全市目标" */
  cityShare?: string;
}

const separators = (lang: Lang) => (lang === 'en' ? { item: '; ', part: ', ', gap: ' ' } : { item: '；', part: '，', gap: '' });

export function countyChartSummary(
  title: string,
  bars: readonly CountyBar[],
  byQuota: boolean,
  unit: string,
  labels: SummaryLabels,
  lang: Lang,
): string {
  const s = separators(lang);
  const items = bars.map((b) => {
    if (byQuota && b.percent !== null) {
      return `${b.name}${s.gap ? ' ' : ''}${labels.completion}${s.gap}${formatPercent(b.percent)}${b.rating ? `${s.part}${labels.rating(b.rating)}` : ''}`;
    }
    if (byQuota && b.cityShare !== null && labels.cityShare) {
      return `${b.name}${s.gap ? ' ' : ''}${labels.cityShare}${s.gap}${formatPercent(b.cityShare)}${s.part}${labels.achieved}${s.gap}${formatCount(b.achieved, lang)}${s.gap}${unit}`;
    }
    const pending = b.pending > 0 ? `${s.part}${labels.pending}${s.gap}${formatCount(b.pending, lang)}${s.gap}${unit}` : '';
    return `${b.name}${s.gap ? ' ' : ''}${labels.achieved}${s.gap}${formatCount(b.achieved, lang)}${s.gap}${unit}${pending}`;
  });
  return `${title}: ${items.join(s.item)}`;
}

export function trendChartSummary(
  title: string,
  rows: readonly TrendRow[],
  unit: string,
  labels: Pick<SummaryLabels, 'achieved' | 'expected'>,
  lang: Lang,
): string {
  const s = separators(lang);
  const items = rows.map((r) => {
    const expected =
      r.expected === null ? '' : `${s.part}${labels.expected}${s.gap}${formatCount(Math.round(r.expected), lang)}${s.gap}${unit}`;
    return `${r.label}${s.gap ? ' ' : ''}${labels.achieved}${s.gap}${formatCount(r.cumulative, lang)}${s.gap}${unit}${expected}`;
  });
  return `${title}: ${items.join(s.item)}`;
}

export function ceilingChartSummary(
  title: string,
  bars: readonly CeilingBar[],
  unit: string,
  labels: Pick<SummaryLabels, 'noFigure' | 'over'>,
  lang: Lang,
): string {
  const s = separators(lang);
  const items = bars.map((b) => {
    if (b.level === null) return `${b.name}${s.gap ? ' ' : ''}${labels.noFigure}`;
    return `${b.name}${s.gap ? ' ' : ''}${formatCount(b.level, lang)}${s.gap}${unit}${b.over ? `${s.part}${labels.over}` : ''}`;
  });
  return `${title}: ${items.join(s.item)}`;
}
