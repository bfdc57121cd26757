/**
 * The quarterly supervision review (督查): its states, and the rule that rates a measure without
 * numeric targets (measures with targets follow 時間過半、任務過半 in trajectory.ts).
 */
import type { Rating } from './trajectory';
import type { ReportStatus, UnitStatus } from './reports';

export const SUPERVISION_REVIEW_STATUSES = ['OPEN', 'FINAL'] as const;
export type SupervisionReviewStatus = (typeof SUPERVISION_REVIEW_STATUSES)[number];

/** OPEN -> RESPONDED (a reporter of the unit) -> CLOSED (the office). */
export const SUPERVISION_ITEM_STATUSES = ['OPEN', 'RESPONDED', 'CLOSED'] as const;
export type SupervisionItemStatus = (typeof SUPERVISION_ITEM_STATUSES)[number];

/** How a rating moved from the previous quarter's review. */
export const RATING_CHANGES = ['IMPROVED', 'SLIPPED', 'SAME', 'NEW'] as const;
export type RatingChange = (typeof RATING_CHANGES)[number];

const RANK: Record<Rating, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

export function ratingChange(previous: Rating | null, current: Rating): RatingChange {
  if (previous === null) return 'NEW';
  return RANK[current] > RANK[previous] ? 'IMPROVED' : RANK[current] < RANK[previous] ? 'SLIPPED' : 'SAME';
}

/** One responsible unit's report on the measure for the period, as the rule sees it. */
export interface UnitStanding {
  name: string;
  role: 'LEAD' | 'CO';
  /** Status of its report for the period; null when it has none. */
  status: ReportStatus | null;
  /** Submitted at least once (a returned report was still submitted). */
  submitted: boolean;
  unitStatus: UnitStatus | null;
  /** The unit's own due date has passed (an extension, 延期); absent: the period's `pastDue`. */
  pastDue?: boolean;
}

export interface RatingVerdict {
  rating: Rating;
  /** Why, one short clause per finding, in the order they weigh. */
  reasons: string[];
}

/**
 * A measure without targets is rated on how its units report, since there is no figure to hold
 * against the trajectory:
 * - RED where the lead unit (牽頭) itself reports the work BEHIND, or half or more of the units do,
 *   or, once the due date has passed, the lead unit has not reported or half or more of the units have not;
 * - YELLOW where another unit reports BEHIND or AT_RISK, some unit has not reported after the due
 *   date, or a report was returned and not yet resubmitted;
 * - GREEN otherwise. Before the due date nobody is late yet.
 */
export function rateByReporting(units: readonly UnitStanding[], pastDue: boolean): RatingVerdict {
  const red: string[] = [];
  const yellow: string[] = [];
  const names = (list: readonly UnitStanding[]) => list.map((u) => u.name).join('、');
  const behind = units.filter((u) => u.unitStatus === 'BEHIND');
  const atRisk = units.filter((u) => u.unitStatus === 'AT_RISK');
  const missing = units.filter((u) => !u.submitted && (u.pastDue ?? pastDue));
  const returned = units.filter((u) => u.status === 'RETURNED');
  const leadMissing = missing.filter((u) => u.role === 'LEAD');

  // One co-responsible unit of many lagging is a warning; the lead unit, or half of them, is a failure.
  if (behind.length && (behind.some((u) => u.role === 'LEAD') || behind.length * 2 >= units.length))
    red.push(`${names(behind)}自报进度滞后`);
  else if (behind.length) yellow.push(`${names(behind)}自报进度滞后`);
  if (leadMissing.length) red.push(`牵头单位${names(leadMissing)}逾期未报`);
  if (units.length && missing.length * 2 >= units.length && missing.length > leadMissing.length) {
    red.push(`${missing.length}/${units.length}个责任单位逾期未报`);
  } else if (missing.length > leadMissing.length) {
    yellow.push(`${names(missing.filter((u) => u.role !== 'LEAD'))}逾期未报`);
  }
  if (atRisk.length) yellow.push(`${names(atRisk)}自报存在风险`);
  if (returned.length) yellow.push(`${names(returned)}的报告被退回待修改`);

  if (red.length) return { rating: 'RED', reasons: [...red, ...yellow] };
  if (yellow.length) return { rating: 'YELLOW', reasons: yellow };
  if (!units.length) return { rating: 'GREEN', reasons: ['无责任单位'] };
  const reported = units.filter((u) => u.submitted).length;
  return {
    rating: 'GREEN',
    reasons: [
      pastDue || reported === units.length
        ? `${reported}/${units.length}个责任单位均已按期报送，未报告风险`
        : `尚未到报送截止日（已报${reported}/${units.length}）`,
    ],
  };
}
