import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaToday, Rating, ratingChange } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import { reporterIdsOfAgencies } from '../auth/users-for-supervision.queries';
import { NoticesService } from '../chasing/notices.service';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { isMeasureOfPolicy, measureIdsOfPolicy, periodLabel, unitsOfPolicy } from '../policy/policy-for-supervision.queries';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { RateMeasureArgs } from './dto/supervision.inputs';
import { SupervisionRating } from './supervision-rating.entity';
import { SupervisionReview } from './supervision-review.entity';
import { ComputedRating, EvaluatedPolicy, SupervisionRatingsService } from './supervision-ratings';
import { SupervisionError } from './supervision.errors';
import { MeasureRating } from './supervision.models';
import { bumpReviewVersion, freezeComputedRatings, insertReviewIfAbsent, markReviewFinal, previousReviewId } from './supervision.queries';

export const refuseUnlessOpen = (review: SupervisionReview) => {
  if (review.status !== 'OPEN') throw new SupervisionError('CONFLICT', '督查已定稿，评级和督办事项不能再改', { status: review.status });
};

/** Reviews and their ratings. Items are in supervision-items.service.ts. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ratings: SupervisionRatingsService,
    private readonly notices: NoticesService,
  ) {}

  /** One review per (policy, period): opening it again returns the same one. */
  async open(user: AuthUser, policyId: string, periodId: string, requestId: string): Promise<SupervisionReview> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneBy({ id: checkId(periodId, '填报期', 'periodId') });
    if (!period) throw notFound('填报期', periodId, 'periodId');
    if (period.policyId !== checkId(policyId, '政策文件', 'policyId'))
      throw new SupervisionError('BAD_USER_INPUT', '填报期不属于该政策文件', { field: 'periodId' });
    // A quarter is reviewed once it has ended: before that its reports are not all in.
    if (period.endsOn >= chinaToday())
      throw new SupervisionError('BAD_USER_INPUT', `${period.label} 尚未结束，季度结束后才能开展督查`, { field: 'periodId' });
    return this.dataSource.transaction(async (manager) => {
      const created = await insertReviewIfAbsent(manager, period.policyId, period.id, user.id);
      const review = await manager.getRepository(SupervisionReview).findOneByOrFail({ policyId: period.policyId, periodId: period.id });
      if (created) {
        await this.audit.record(manager, auditActor(user, requestId), {
          action: 'open',
          entity: 'supervision_review',
          entityId: review.id,
          before: null,
          after: { policyId: review.policyId, periodId: review.periodId, status: review.status },
        });
      }
      return review;
    });
  }

  async get(id: string): Promise<SupervisionReview> {
    const review = await this.dataSource.getRepository(SupervisionReview).findOneBy({ id: checkId(id, '督查') });
    if (!review) throw notFound('督查', id);
    return review;
  }

  /** A review as this user may read it: a unit's reporter only once it is FINAL (the office's deliberations stay in the office). */
  async getFor(user: AuthUser, id: string): Promise<SupervisionReview> {
    const review = await this.get(id);
    if (!mayRead(user, review)) throw new SupervisionError('FORBIDDEN', '督查结果定稿后才向各单位公开', { id });
    return review;
  }

  /** The policy's reviews this user may read (a reporter: the FINAL ones). */
  async listFor(user: AuthUser, policyId: string): Promise<SupervisionReview[]> {
    return (await this.list(policyId)).filter((r) => mayRead(user, r));
  }

  /** The review of the quarter before, if held and readable by this user. */
  async previousFor(user: AuthUser, review: SupervisionReview): Promise<SupervisionReview | null> {
    const previous = await this.previous(review);
    return previous && mayRead(user, previous) ? previous : null;
  }

  list(policyId: string): Promise<SupervisionReview[]> {
    return this.dataSource
      .getRepository(SupervisionReview)
      .createQueryBuilder('r')
      .innerJoin(ReportingPeriod, 'p', 'p.id = r.period_id')
      .where('r.policy_id = :policyId', { policyId: checkId(policyId, '政策文件', 'policyId') })
      .orderBy('p.starts_on', 'DESC')
      .getMany();
  }

  /** The review of the period before this one, if the office held one. */
  async previous(review: SupervisionReview): Promise<SupervisionReview | null> {
    const id = await previousReviewId(this.dataSource, review.policyId, review.periodId);
    return id ? this.get(id) : null;
  }

  /**
   * Every measure's rating: the computed one (live while OPEN, as frozen once FINAL), the office's
   * where it set one, and how it compares with the quarter before. `evaluated`: the review's period
   * already evaluated by the caller (the pack), so it is not evaluated again.
   */
  measureRatings(review: SupervisionReview, evaluated?: EvaluatedPolicy): Promise<MeasureRating[]> {
    // One computation per review object: a request asking for `ratings` and `summary` shares it.
    let ratings = this.ratingsOf.get(review);
    if (!ratings) this.ratingsOf.set(review, (ratings = this.computeMeasureRatings(review, evaluated)));
    return ratings;
  }

  private readonly ratingsOf = new WeakMap<SupervisionReview, Promise<MeasureRating[]>>();

  private async computeMeasureRatings(review: SupervisionReview, evaluated?: EvaluatedPolicy): Promise<MeasureRating[]> {
    const [own, before] = await Promise.all([this.effectiveRatings(review, evaluated), this.previousQuarterRatings(review)]);
    return own.map((r) => withPreviousQuarter(r, before.get(r.measureId) ?? null));
  }

  private async effectiveRatings(review: SupervisionReview, evaluated?: EvaluatedPolicy): Promise<OwnRating[]> {
    const [stored, computed] = await Promise.all([
      this.dataSource.getRepository(SupervisionRating).findBy({ reviewId: review.id }),
      review.status === 'FINAL' ? Promise.resolve(null) : this.computeFor(review, evaluated),
    ]);
    const storedOf = new Map(stored.map((s) => [s.measureId, s]));
    // The computed ratings come one per measure in the notice's order; a FINAL review asks the policy.
    const measureIds = computed ? [...computed.keys()] : await measureIdsOfPolicy(this.dataSource, review.policyId);
    return measureIds.map((id) => {
      const s = storedOf.get(id);
      const c: ComputedRating = computed?.get(id) ?? {
        measureId: id,
        rating: s?.computedRating ?? 'YELLOW',
        reason: s?.computedReason ?? '',
      };
      return {
        measureId: id,
        computedRating: c.rating,
        explanation: c.reason,
        rating: s?.rating ?? c.rating,
        reason: s?.reason ?? null,
        overridden: !!s?.rating,
        version: s?.version ?? 0,
        ratedAt: s?.ratedAt ?? null,
      };
    });
  }

  /** The quarter before: its review's ratings where one was held, else the rule's at that period. */
  private async previousQuarterRatings(review: SupervisionReview): Promise<Map<string, Rating>> {
    const previous = await this.previous(review);
    const period: ReportingPeriod | null = previous
      ? null
      : await this.dataSource
          .getRepository(ReportingPeriod)
          .createQueryBuilder('p')
          .where('p.policy_id = :policy AND p.starts_on < (SELECT starts_on FROM reporting_period WHERE id = :period)', {
            policy: review.policyId,
            period: review.periodId,
          })
          .orderBy('p.starts_on', 'DESC')
          .getOne();
    if (previous) {
      const rows = await this.effectiveRatings(previous);
      return new Map(rows.map((r) => [r.measureId, r.rating]));
    }
    if (!period) return new Map();
    const computed = await this.ratings.computeAt(period);
    return new Map([...computed.values()].map((c) => [c.measureId, c.rating]));
  }

  private async computeFor(review: SupervisionReview, evaluated?: EvaluatedPolicy): Promise<Map<string, ComputedRating>> {
    const period = await this.dataSource.getRepository(ReportingPeriod).findOneByOrFail({ id: review.periodId });
    return this.ratings.computeAt(period, evaluated);
  }

  /** Locks the review for a change to it, its ratings or its items (one writer at a time). */
  async lockReview(manager: EntityManager, id: string): Promise<SupervisionReview> {
    const review = await manager
      .getRepository(SupervisionReview)
      .findOne({ where: { id: checkId(id, '督查', 'reviewId') }, lock: { mode: 'pessimistic_write' } });
    if (!review) throw notFound('督查', id, 'reviewId');
    return review;
  }

  async bumpVersion(manager: EntityManager, review: SupervisionReview): Promise<void> {
    await bumpReviewVersion(manager, review.id);
    review.version += 1;
  }

  async assertMeasureOf(manager: EntityManager, review: SupervisionReview, measureId: string): Promise<string> {
    const id = checkId(measureId, '措施', 'measureId');
    if (!(await isMeasureOfPolicy(manager, id, review.policyId)))
      throw new SupervisionError('BAD_USER_INPUT', '该措施不属于本次督查的政策文件', { field: 'measureId' });
    return id;
  }

  /**
   * The office's rating with its reason; both ratings are kept. The row it returns is built from the
   * one evaluation the rating stores (not read back and computed again), with the quarter before's.
   */
  async rate(user: AuthUser, args: RateMeasureArgs, requestId: string): Promise<MeasureRating> {
    const reason = args.reason.trim();
    if (!reason) throw new SupervisionError('BAD_USER_INPUT', '调整评级须说明理由', { field: 'reason' });
    const { review, row } = await this.dataSource.transaction(async (manager) => {
      const review = await this.lockReview(manager, args.reviewId);
      refuseUnlessOpen(review);
      const measureId = await this.assertMeasureOf(manager, review, args.measureId);
      const repo = manager.getRepository(SupervisionRating);
      const before = await repo.findOne({ where: { reviewId: review.id, measureId }, lock: { mode: 'pessimistic_write' } });
      const current = before?.version ?? 0;
      if (args.version !== undefined && args.version !== null && args.version !== current) {
        throw new SupervisionError('CONFLICT', '该评级已被他人修改，请刷新后再调整', { currentVersion: current });
      }
      const computed = (await this.computeFor(review)).get(measureId)!;
      const after = {
        reviewId: review.id,
        measureId,
        computedRating: computed.rating,
        computedReason: computed.reason,
        rating: args.rating,
        reason,
        version: current + 1,
        ratedBy: user.id,
        ratedAt: new Date(),
      };
      await repo.save(repo.create(after));
      await this.bumpVersion(manager, review);
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'rate',
        entity: 'supervision_rating',
        entityId: `${review.id}:${measureId}`,
        before: before ? { rating: before.rating, reason: before.reason, version: before.version } : null,
        after: { computedRating: computed.rating, rating: args.rating, reason, version: after.version },
      });
      const row: OwnRating = {
        measureId,
        computedRating: computed.rating,
        explanation: computed.reason,
        rating: after.rating,
        reason: after.reason,
        overridden: true,
        version: after.version,
        ratedAt: after.ratedAt,
      };
      return { review, row };
    });
    const before = await this.previousQuarterRatings(review);
    return withPreviousQuarter(row, before.get(row.measureId) ?? null);
  }

  /** OPEN -> FINAL: the computed ratings are frozen as they stand, so the sent pack never changes. */
  async finalize(user: AuthUser, id: string, requestId: string): Promise<SupervisionReview> {
    return this.dataSource.transaction(async (manager) => {
      const review = await this.lockReview(manager, id);
      if (review.status === 'FINAL') throw new SupervisionError('CONFLICT', '督查已定稿', { status: review.status });
      const computed = await this.computeFor(review);
      const frozen = [...computed.values()];
      await freezeComputedRatings(manager, review.id, frozen);
      await markReviewFinal(manager, review.id, user.id);
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'finalize',
        entity: 'supervision_review',
        entityId: review.id,
        before: { status: 'OPEN', version: review.version },
        after: {
          status: 'FINAL',
          version: review.version + 1,
          computed: Object.fromEntries([...computed.values()].map((c) => [c.measureId, c.rating])),
        },
      });
      // The pack goes to the leaders and to every unit responsible for a measure of the policy.
      const label = await periodLabel(manager, review.periodId);
      const title = `${label}督查通报已印发`;
      await this.notices.toRoles(manager, ['LEADER'], {
        kind: 'SUPERVISION_REVIEW_FINAL',
        title,
        link: `/supervision/${review.id}`,
        policyId: review.policyId,
      });
      const reporters = await reporterIdsOfAgencies(manager, await unitsOfPolicy(manager, review.policyId));
      await this.notices.toUsers(manager, reporters, {
        kind: 'SUPERVISION_REVIEW_FINAL',
        title,
        body: '请查看本单位的督办事项',
        link: '/supervision/items',
        policyId: review.policyId,
      });
      return manager.getRepository(SupervisionReview).findOneByOrFail({ id: review.id });
    });
  }
}

type OwnRating = Omit<MeasureRating, 'previousRating' | 'change' | 'redTwoQuarters'>;

/** A measure's rating beside the quarter before's. */
const withPreviousQuarter = (r: OwnRating, previousRating: Rating | null): MeasureRating => ({
  ...r,
  previousRating,
  change: ratingChange(previousRating, r.rating),
  redTwoQuarters: r.rating === 'RED' && previousRating === 'RED',
});

/** Reporters read a review once it is FINAL (it is then what was sent out); everyone else at any time. */
const mayRead = (user: AuthUser, review: SupervisionReview) => user.role !== 'REPORTER' || review.status === 'FINAL';
