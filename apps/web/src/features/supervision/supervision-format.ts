import type { Rating, RatingChange, SupervisionItemStatus } from '../../graphql/generated';

/** Today's calendar date in China (the API's due dates are China dates), as 2024-11-15. */
export { chinaToday } from '@luoshi/domain';

export interface PeriodLike {
  id: string;
  endsOn: string;
  dueOn: string;
}

/**
 * The quarters the office may review: those that have ended (their last day is before today, China time; the API
 * refuses the others), latest first. Periods come in any order.
 */
export function reviewablePeriods<P extends PeriodLike>(periods: readonly P[], today: string): P[] {
  return periods.filter((p) => p.endsOn < today).sort((a, b) => (a.endsOn < b.endsOn ? 1 : a.endsOn > b.endsOn ? -1 : 0));
}

/**
 * The quarter to review by default: the latest ended one whose reporting due date has passed (its reports are in),
 * else the latest ended one; null while no quarter has ended.
 */
export function defaultReviewPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | null {
  const ended = reviewablePeriods(periods, today);
  return ended.find((p) => p.dueOn < today) ?? ended[0] ?? null;
}

/** The arrow beside a rating: better (↑), worse (↓), or nothing to say (—). */
export function changeSymbol(change: RatingChange): '↑' | '↓' | '—' {
  if (change === 'IMPROVED') return '↑';
  if (change === 'SLIPPED') return '↓';
  return '—';
}

const STATUS_ORDER: Record<SupervisionItemStatus, number> = { OPEN: 0, RESPONDED: 1, CLOSED: 2 };

export interface ItemLike {
  id: string;
  status: SupervisionItemStatus;
  dueOn: string;
}

/** Items still to do first (unanswered, then awaiting 办结, then closed), soonest due first within each. */
export function sortItems<I extends ItemLike>(items: readonly I[]): I[] {
  return [...items].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) || (a.id < b.id ? -1 : 1),
  );
}

export interface UnitLike {
  id: string;
  kind?: string;
}

/**
 * The units an item may go to: the measure's responsible units, each once, the leads first, then
 * departments, then counties, otherwise in the notice's order.
 */
export function responsibleUnits<A extends UnitLike>(responsibilities: readonly { role: 'LEAD' | 'CO'; agency: A }[]): A[] {
  const seen = new Map<string, { agency: A; lead: boolean; index: number }>();
  responsibilities.forEach(({ agency, role }, index) => {
    const known = seen.get(agency.id);
    if (!known) seen.set(agency.id, { agency, lead: role === 'LEAD', index });
    else if (role === 'LEAD') known.lead = true;
  });
  const rank = (u: { agency: A; lead: boolean }) => (u.lead ? 0 : u.agency.kind === 'COUNTY' ? 2 : 1);
  return [...seen.values()].sort((a, b) => rank(a) - rank(b) || a.index - b.index).map((u) => u.agency);
}

/** A picked calendar day as the API wants it (2024-11-15), read in local time: no time-zone shift. */
export function toIsoDate(value: { year(): number; month(): number; date(): number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.year()}-${pad(value.month() + 1)}-${pad(value.date())}`;
}

/** The review pack's address (Word or Excel), served with the bearer token. */
export function packUrl(reviewId: string, format: 'docx' | 'xlsx'): string {
  return `/exports/supervision-reviews/${encodeURIComponent(reviewId)}.${format}`;
}

/** The name to save the pack under when the server gives none: 督查通报-2024Q3.docx. */
export function packFileName(title: string, periodLabel: string, format: 'docx' | 'xlsx'): string {
  return `${title}-${periodLabel}.${format}`.replace(/[\\/:*?"<>|\s]+/g, '');
}

/** A rating counts as overridden only where the office chose differently, for highlighting. */
export function ratingDiffers(row: { rating: Rating; computedRating: Rating; overridden: boolean }): boolean {
  return row.overridden && row.rating !== row.computedRating;
}

/** Whether a unit may still write or amend its answer. */
export const canAnswer = (status: SupervisionItemStatus) => status !== 'CLOSED';
