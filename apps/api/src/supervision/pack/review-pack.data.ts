import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaToday, type Rating, type RatingChange, type SupervisionItemStatus, type SupervisionReviewStatus } from '@luoshi/domain';
import { toSimplified } from '../../common/chinese-script';
import type { AuthUser } from '../../common/request-context';
import { agencyNames, AgencyNameRow, measuresWithLeads, policyHeading } from '../../policy/policy-for-supervision.queries';
import { ReportingPeriod } from '../../policy/reporting-period.entity';
import { SupervisionItemsService } from '../supervision-items.service';
import { SupervisionRatingsService } from '../supervision-ratings';
import { SupervisionReview } from '../supervision-review.entity';
import { SupervisionService } from '../supervision.service';

/** Everything the pack shows, as plain data: the .docx and the .xlsx are two layouts of this one object. */
export interface ReviewPack {
  reviewId: string;
  title: string;
  issuer: string;
  docNumber: string;
  policyTitle: string;
  periodLabel: string;
  periodName: string;
  periodEndsOn: string;
  dueOn: string;
  pastDue: boolean;
  status: SupervisionReviewStatus;
  generatedOn: string;
  summary: Record<'green' | 'yellow' | 'red' | 'overridden' | 'improved' | 'slipped' | 'redTwoQuarters', number>;
  targets: PackTarget[];
  measures: PackMeasure[];
  ranking: PackCountyRank[];
  reporting: PackReporting[];
  /** Units given their own later due date (延期) for the period, by date then name. */
  extensions: { unit: string; dueOn: string }[];
  items: PackItem[];
}

export interface PackTarget {
  measureSeq: number;
  name: string;
  unit: string;
  direction: 'AT_LEAST' | 'AT_MOST';
  target: number;
  achieved: number;
  /** 0-100, as the dashboard's cards give it. */
  percent: number;
  /** 0-1: the share of the year elapsed (時間過半). */
  expectedShare: number;
  rating: Rating;
  byCounty: { county: string; quota: number | null; achieved: number | null; percent: number | null }[];
}

export interface PackMeasure {
  seq: number;
  title: string;
  leadUnit: string;
  computedRating: Rating;
  rating: Rating;
  overridden: boolean;
  /** The office's reason where it rated, else null. */
  reason: string | null;
  /** Why the rule gives its colour. */
  explanation: string;
  previousRating: Rating | null;
  change: RatingChange;
  redTwoQuarters: boolean;
}

export interface PackCountyRank {
  rank: number;
  county: string;
  basis: 'QUOTA' | 'SHARE';
  /** QUOTA: mean of achieved/quota (0-1, may pass 1); SHARE: the county's share of the city's achieved (0-1). */
  score: number;
  achieved: number;
  quota: number | null;
}

export interface PackReporting {
  unit: string;
  total: number;
  onTime: number;
  late: number;
  missing: number;
  lateMeasures: number[];
  missingMeasures: number[];
  /** The unit's own later due date (延期), by which late and missing are judged; null: the period's. */
  extendedDueOn: string | null;
  /** Whether the unit's due date (its extension, else the period's) has passed: missing is 未报送, else 尚未报送. */
  pastDue: boolean;
}

export interface PackItem {
  unit: string;
  measureSeq: number;
  measureTitle: string;
  request: string;
  dueOn: string;
  status: SupervisionItemStatus;
  overdue: boolean;
  response: string | null;
}

/** How the pack words ratings, changes and item states, in both files. */
export const RATING_LABEL: Record<Rating, string> = { GREEN: '绿', YELLOW: '黄', RED: '红' };
export const CHANGE_LABEL: Record<RatingChange, string> = { IMPROVED: '好转', SLIPPED: '退步', SAME: '持平', NEW: '首次评级' };
export const ITEM_STATUS_LABEL = (i: Pick<PackItem, 'status' | 'overdue'>) =>
  i.status === 'CLOSED' ? '已办结' : i.status === 'RESPONDED' ? '已答复' : i.overdue ? '逾期未答复' : '待答复';

const QUARTERS = ['', '一', '二', '三', '四'];
/** 2024Q3 -> 2024年第三季度; any other label is shown as it is. */
export const periodName = (label: string) => {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  return m ? `${m[1]}年第${QUARTERS[Number(m[2])]}季度` : label;
};

type AgencyRow = AgencyNameRow;

/**
 * How a unit is named in the pack: a county by its full simplified name (台山市, 蓬江区), as a 通报
 * names them; a department by its short name (市人社局), converted to simplified.
 */
const unitName = (a: AgencyRow | undefined, fallback: string) =>
  !a ? fallback : a.kind === 'COUNTY' ? a.name_simplified : toSimplified(a.short_name);

/**
 * The lead unit (牵头单位); where the notice names none, the units are jointly responsible and the
 * pack names the first of them with 等, as a 通报 would.
 */
const leadUnitOf = (m: { lead_id: string | null; has_lead: boolean | null; units: number }, nameOf: (id: string) => string) =>
  !m.lead_id ? '' : m.has_lead || m.units === 1 ? nameOf(m.lead_id) : `${nameOf(m.lead_id)}等`;

/** The pack shows everyone the same items: it is the one document sent to every member unit. */
const PACK_READER: AuthUser = { id: '00000000-0000-0000-0000-000000000000', username: 'review-pack', role: 'OFFICE', agencyId: null };

@Injectable()
export class ReviewPackDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: SupervisionService,
    private readonly items: SupervisionItemsService,
    private readonly ratings: SupervisionRatingsService,
  ) {}

  /** The period is evaluated once (targets, figures, cards, reporting): the tables and the ratings all read it. */
  async gather(review: SupervisionReview, now = new Date()): Promise<ReviewPack> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneByOrFail({ id: review.periodId });
    const evaluated = await this.ratings.evaluate(period);
    const { city: cards, progress, targets: evaluatedTargets } = evaluated.evaluation;
    const { compliance, measures: unitStates } = evaluated.standing;
    const targets = evaluatedTargets.map((t) => ({ ...t, seq: t.measureSeq, value: t.targetValue }));
    const [policy, ratings, itemRows, agencies, measures] = await Promise.all([
      policyHeading(this.dataSource, review.policyId),
      this.reviews.measureRatings(review, evaluated),
      this.items.list(PACK_READER, { reviewId: review.id }),
      agencyNames(this.dataSource),
      measuresWithLeads(this.dataSource, review.policyId),
    ]);
    const agencyOf = new Map(agencies.map((a) => [a.id, a]));
    const nameOf = (id: string) => unitName(agencyOf.get(id), id);
    const measureOf = new Map(measures.map((m) => [m.id, m]));
    const cardOf = new Map(cards.map((c) => [c.targetId, c]));
    const progressOf = new Map(progress.map((p) => [p.targetId, p]));
    // Counties in the order of their division codes (蓬江区 first), as the notice lists them; as on the
    // dashboard, a merged county is gone and an inactive one shows only where it has figures or quotas.
    const withData = new Set(progress.flatMap((p) => p.byCounty.map((c) => c.countyId)));
    const counties = agencies
      .filter((a) => a.kind === 'COUNTY' && !a.merged_into_id && (a.active !== false || withData.has(a.id)))
      .sort((a, b) => (a.region_code ?? '').localeCompare(b.region_code ?? ''));

    // Headline targets: all of them when there are few; else the three largest counts (AT_LEAST).
    const headline =
      targets.length <= 4
        ? targets
        : targets
            .filter((t) => t.direction === 'AT_LEAST')
            .sort((a, b) => b.value - a.value)
            .slice(0, 3);
    const packTargets: PackTarget[] = headline.map((t) => {
      const card = cardOf.get(t.id)!;
      const byCounty = progressOf.get(t.id)?.byCounty ?? [];
      return {
        measureSeq: t.seq,
        name: toSimplified(t.name),
        unit: toSimplified(t.unit),
        direction: t.direction,
        target: t.value,
        achieved: card.achieved,
        percent: card.percent,
        expectedShare: card.expectedShare,
        rating: card.rating,
        byCounty: counties.map((c) => {
          const row = byCounty.find((r) => r.countyId === c.id);
          const quota = row?.quota ?? null;
          const achieved = row?.achieved ?? null;
          return { county: c.name_simplified, quota, achieved, percent: quota && achieved !== null ? (achieved / quota) * 100 : null };
        }),
      };
    });

    const packMeasures: PackMeasure[] = ratings.map((r) => {
      const m = measureOf.get(r.measureId)!;
      return {
        seq: m.seq,
        title: toSimplified(m.title),
        leadUnit: leadUnitOf(m, nameOf),
        computedRating: r.computedRating,
        rating: r.rating,
        overridden: r.overridden,
        reason: r.reason,
        explanation: toSimplified(r.explanation),
        previousRating: r.previousRating,
        change: r.change,
        redTwoQuarters: r.redTwoQuarters,
      };
    });

    // Which measures each unit reported late on or not at all, for the reporting table.
    const lateOf = new Map<string, number[]>();
    const missingOf = new Map<string, number[]>();
    for (const m of unitStates) {
      const seq = measureOf.get(m.measureId)?.seq;
      if (seq === undefined) continue;
      for (const u of m.units) {
        const bucket = u.firstSubmittedAt === null ? missingOf : u.onTime ? null : lateOf;
        if (bucket)
          bucket.set(
            u.agencyId,
            [...(bucket.get(u.agencyId) ?? []), seq].sort((a, b) => a - b),
          );
      }
    }
    const today = chinaToday(now);
    const reporting: PackReporting[] = compliance
      .filter((c) => c.late > 0 || c.missing > 0)
      .map((c) => ({
        unit: nameOf(c.agencyId),
        total: c.total,
        onTime: c.onTime,
        late: c.late,
        missing: c.missing,
        lateMeasures: lateOf.get(c.agencyId) ?? [],
        missingMeasures: missingOf.get(c.agencyId) ?? [],
        extendedDueOn: c.extendedDueOn,
        pastDue: today > (c.extendedDueOn ?? period.dueOn),
      }))
      .sort((a, b) => b.missing - a.missing || b.late - a.late || a.unit.localeCompare(b.unit, 'zh-CN'));
    // The same extensions the compliance above was judged by (dashboard's UNIT_STATUS_SQL).
    const extensions = compliance
      .filter((c) => c.extendedDueOn !== null)
      .map((c) => ({ unit: nameOf(c.agencyId), dueOn: c.extendedDueOn! }))
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.unit.localeCompare(b.unit, 'zh-CN'));

    const items: PackItem[] = itemRows.map((i) => {
      const m = measureOf.get(i.measureId);
      return {
        unit: nameOf(i.agencyId),
        measureSeq: m?.seq ?? 0,
        measureTitle: m ? toSimplified(m.title) : '',
        request: i.request,
        dueOn: i.dueOn,
        status: i.status,
        overdue: i.status === 'OPEN' && i.dueOn < today,
        response: i.response,
      };
    });

    const count = (f: (m: PackMeasure) => boolean) => packMeasures.filter(f).length;
    const issuer = toSimplified(policy.issuer);
    return {
      reviewId: review.id,
      title: `${issuer} 督查通报`,
      issuer,
      docNumber: toSimplified(policy.doc_number),
      policyTitle: toSimplified(policy.title),
      periodLabel: period.label,
      periodName: periodName(period.label),
      periodEndsOn: period.endsOn,
      dueOn: period.dueOn,
      pastDue: today > period.dueOn,
      status: review.status,
      generatedOn: today,
      summary: {
        green: count((m) => m.rating === 'GREEN'),
        yellow: count((m) => m.rating === 'YELLOW'),
        red: count((m) => m.rating === 'RED'),
        overridden: count((m) => m.overridden),
        improved: count((m) => m.change === 'IMPROVED'),
        slipped: count((m) => m.change === 'SLIPPED'),
        redTwoQuarters: count((m) => m.redTwoQuarters),
      },
      targets: packTargets,
      measures: packMeasures,
      ranking: rankCounties(
        counties,
        targets.filter((t) => t.direction === 'AT_LEAST').map((t) => progressOf.get(t.id)?.byCounty ?? []),
      ),
      reporting,
      extensions,
      items,
    };
  }
}

/**
 * The counties ranked by completion against quota, over the count targets (AT_LEAST; a ceiling is
 * not something to complete). Rule:
 * - a county with a quota on at least one count target is scored by the mean over those targets of
 *   achieved/quota (the mean, not the sum, so a county is not ranked up for merely having more
 *   quotas; not capped at 100%, so overachieving shows);
 * - a county with no quota at all has no share of the target to be held against, so it is scored by
 *   its share of the city's achieved over all count targets, and ranked after the quota-scored ones
 *   (the two scores are not on one scale).
 * Ties keep the division-code order.
 */
export function rankCounties(
  counties: AgencyRow[],
  byTarget: { countyId: string; quota: number | null; achieved: number | null }[][],
): PackCountyRank[] {
  const cityAchieved = byTarget.flat().reduce((s, r) => s + (r.achieved ?? 0), 0);
  const scored = counties.map((c) => {
    const rows = byTarget.map((rows) => rows.find((r) => r.countyId === c.id)).filter((r) => r !== undefined);
    const withQuota = rows.filter((r) => r.quota !== null && r.quota > 0);
    const achieved = rows.reduce((s, r) => s + (r.achieved ?? 0), 0);
    if (withQuota.length) {
      const score = withQuota.reduce((s, r) => s + (r.achieved ?? 0) / r.quota!, 0) / withQuota.length;
      return {
        county: c.name_simplified,
        basis: 'QUOTA' as const,
        score,
        achieved: withQuota.reduce((s, r) => s + (r.achieved ?? 0), 0),
        quota: withQuota.reduce((s, r) => s + r.quota!, 0),
      };
    }
    return {
      county: c.name_simplified,
      basis: 'SHARE' as const,
      score: cityAchieved > 0 ? achieved / cityAchieved : 0,
      achieved,
      quota: null,
    };
  });
  const order = (b: (typeof scored)[number]) => (b.basis === 'QUOTA' ? 0 : 1);
  return scored
    .map((s, i) => ({ s, i }))
    .sort((a, b) => order(a.s) - order(b.s) || b.s.score - a.s.score || a.i - b.i)
    .map(({ s }, i) => ({ rank: i + 1, ...s }));
}
