import type { Lang } from './i18n';
import { chineseOrdinal, formatIssuedOn } from './policy-format';

/**
 * A period label as officials say it: the API's `2024Q3` is 2024年第三季度 in Chinese and
 * 2024 Q3 in English. Labels of another shape are shown as they are.
 */
export function formatPeriodLabel(label: string, lang: Lang): string {
  const match = /^(\d{4})Q([1-4])$/.exec(label.trim());
  if (!match) return label;
  const [, year, quarter] = match;
  return lang === 'en' ? `${year} Q${quarter}` : `${year}年第${chineseOrdinal(Number(quarter))}季度`;
}

/** A calendar date (due date): 2024年10月10日 / 2024-10-10, read as written (no time-zone shift). */
export const formatDate = formatIssuedOn;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment in the reader's own time zone as 2024-10-08 14:30; '' when it cannot be read. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** HH:mm in the reader's time zone, for 已自动保存 14:30. */
export function formatTime(value: Date): string {
  return `${pad(value.getHours())}:${pad(value.getMinutes())}`;
}

/** A reported figure: grouped digits, up to two decimals (1,200 / 2.5); '—' for none. */
export function formatFigure(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/** The calendar year a period counts in (its start date's year), e.g. 2024 for 2024Q4. */
export function periodYear(period: { startsOn: string }): number {
  return Number(period.startsOn.slice(0, 4));
}

/** When a draft was saved: 14:30 today, 11-20 14:30 on an earlier day (a draft left for days). */
export function formatSavedAt(at: Date, now: Date = new Date()): string {
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return sameDay ? formatTime(at) : `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${formatTime(at)}`;
}
