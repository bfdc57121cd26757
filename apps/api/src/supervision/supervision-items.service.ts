import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { chinaToday, isCalendarDate } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import { NoticesService } from '../chasing/notices.service';
import type { AuthUser } from '../common/request-context';
import { Policy } from '../policy/policy.entity';
import { measureSeq, responsibleUnit, unitAndMeasure } from '../policy/policy-for-supervision.queries';
import { checkId, notFound } from '../common/id-checks';
import { AddSupervisionItemInput, RespondSupervisionItemArgs, SupervisionItemsArgs } from './dto/supervision.inputs';
import { SupervisionItem } from './supervision-item.entity';
import { SupervisionReview } from './supervision-review.entity';
import { refuseUnlessOpen, SupervisionService } from './supervision.service';
import { SupervisionError } from './supervision.errors';
import { markItemClosed, markItemResponded } from './supervision.queries';

const itemSnapshot = (i: SupervisionItem) => ({
  status: i.status,
  version: i.version,
  request: i.request,
  dueOn: i.dueOn,
  response: i.response,
  agencyId: i.agencyId,
  measureId: i.measureId,
});

/**
 * Follow-up items (督办事项): the office assigns them while the review is OPEN; the unit answers
 * and the office closes them even after it is FINAL. A unit sees only its own.
 */
@Injectable()
export class SupervisionItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reviews: SupervisionService,
    private readonly notices: NoticesService,
  ) {}

  /**
   * A reporter sees its own unit's items; the office and leaders see all. Across every PUBLISHED
   * policy unless one is named (a draft has no reviews, but the join keeps the rule in one place).
   */
  list(user: AuthUser, args: SupervisionItemsArgs & { carriedOverFrom?: SupervisionReview }): Promise<SupervisionItem[]> {
    const q = this.dataSource
      .getRepository(SupervisionItem)
      .createQueryBuilder('i')
      .innerJoin('i.measure', 'm')
      .innerJoin(Policy, 'pol', "pol.id = m.policy_id AND pol.status = 'PUBLISHED'")
      // Each item's review and its quarter come along, so the item can say which quarter it is from.
      .innerJoinAndSelect('i.review', 'r')
      .innerJoinAndSelect('r.period', 'rp')
      .orderBy('i.due_on', 'ASC')
      .addOrderBy('m.seq', 'ASC')
      .addOrderBy('i.created_at', 'ASC');
    if (args.reviewId) q.andWhere('i.review_id = :reviewId', { reviewId: checkId(args.reviewId, '督查', 'reviewId') });
    if (args.status) q.andWhere('i.status = :status', { status: args.status });
    if (args.policyId) q.andWhere('m.policy_id = :policyId', { policyId: checkId(args.policyId, '政策文件', 'policyId') });
    if (args.carriedOverFrom) {
      // Items of the policy's earlier reviews that are still not closed.
      q.andWhere('r.policy_id = :policy AND i.status <> :closed', { policy: args.carriedOverFrom.policyId, closed: 'CLOSED' }).andWhere(
        '(SELECT starts_on FROM reporting_period WHERE id = r.period_id) < (SELECT starts_on FROM reporting_period WHERE id = :period)',
        { period: args.carriedOverFrom.periodId },
      );
    }
    if (user.role === 'REPORTER') q.andWhere('i.agency_id = :agency', { agency: user.agencyId });
    return q.getMany();
  }

  async get(user: AuthUser, id: string): Promise<SupervisionItem> {
    const item = await this.dataSource.getRepository(SupervisionItem).findOneBy({ id: checkId(id, '督办事项') });
    if (!item || (user.role === 'REPORTER' && item.agencyId !== user.agencyId)) throw notFound('督办事项', id);
    return item;
  }

  async add(user: AuthUser, input: AddSupervisionItemInput, requestId: string): Promise<SupervisionItem> {
    const request = input.request.trim();
    if (!request) throw new SupervisionError('BAD_USER_INPUT', '督办要求不能为空', { field: 'request' });
    if (!isCalendarDate(input.dueOn)) throw new SupervisionError('BAD_USER_INPUT', '办理期限不是有效日期', { field: 'dueOn' });
    // A task due yesterday is overdue the moment it is given: a due date is today or later (in China).
    if (input.dueOn < chinaToday())
      throw new SupervisionError('BAD_USER_INPUT', `办理期限不能早于今天（${chinaToday()}）`, { field: 'dueOn' });
    return this.dataSource.transaction(async (manager) => {
      const review = await this.reviews.lockReview(manager, input.reviewId);
      refuseUnlessOpen(review);
      const measureId = await this.reviews.assertMeasureOf(manager, review, input.measureId);
      const agencyId = checkId(input.agencyId, '单位', 'agencyId');
      const responsible = await responsibleUnit(manager, measureId, agencyId);
      if (!responsible) throw new SupervisionError('BAD_USER_INPUT', '该单位不是这项措施的责任单位', { field: 'agencyId' });
      // An inactive unit (units/) gets no new tasks: nobody would be chased for it.
      if (!responsible.active) throw new SupervisionError('BAD_USER_INPUT', '该单位已停用,不能再交办督办事项', { field: 'agencyId' });
      const repo = manager.getRepository(SupervisionItem);
      const item = await repo.save(
        repo.create({ reviewId: review.id, measureId, agencyId, request, dueOn: input.dueOn, status: 'OPEN', createdBy: user.id }),
      );
      await this.reviews.bumpVersion(manager, review);
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'add',
        entity: 'supervision_item',
        entityId: item.id,
        before: null,
        after: itemSnapshot(item),
      });
      const seq = await measureSeq(manager, measureId);
      await this.notices.toAgencyReporters(manager, agencyId, {
        kind: 'SUPERVISION_ITEM_ASSIGNED',
        title: `新的督办事项（措施${seq}），请于${input.dueOn}前答复`,
        body: request,
        link: '/supervision/items',
        policyId: review.policyId,
      });
      return repo.findOneByOrFail({ id: item.id });
    });
  }

  private async lockItem(manager: EntityManager, id: string): Promise<SupervisionItem> {
    const item = await manager
      .getRepository(SupervisionItem)
      .findOne({ where: { id: checkId(id, '督办事项') }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound('督办事项', id);
    return item;
  }

  /** OPEN or RESPONDED -> RESPONDED, by a reporter of the item's unit and nobody else. */
  async respond(user: AuthUser, args: RespondSupervisionItemArgs, requestId: string): Promise<SupervisionItem> {
    const response = args.response.trim();
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, args.id);
      if (user.role !== 'REPORTER' || user.agencyId !== item.agencyId)
        throw new SupervisionError('FORBIDDEN', '只有被督办单位的填报人可以答复');
      if (item.status === 'CLOSED') throw new SupervisionError('CONFLICT', '督办事项已办结，不能再答复', { status: item.status });
      if (args.version !== undefined && args.version !== null && args.version !== item.version) {
        throw new SupervisionError('CONFLICT', '该督办事项已被他人修改，请刷新后再答复', { currentVersion: item.version });
      }
      if (!response) throw new SupervisionError('BAD_USER_INPUT', '答复内容不能为空', { field: 'response' });
      const before = itemSnapshot(item);
      await markItemResponded(manager, item.id, response, user.id);
      const after = await manager.getRepository(SupervisionItem).findOneByOrFail({ id: item.id });
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'respond',
        entity: 'supervision_item',
        entityId: item.id,
        before,
        after: itemSnapshot(after),
      });
      const { short_name: unit, seq, policy_id: policyId } = await unitAndMeasure(manager, item.agencyId, item.measureId);
      await this.notices.toRoles(manager, ['OFFICE'], {
        kind: 'SUPERVISION_ITEM_RESPONDED',
        title: `${unit}已答复督办事项（措施${seq}）`,
        body: response,
        link: `/supervision/${item.reviewId}`,
        policyId,
      });
      return after;
    });
  }

  /** RESPONDED -> CLOSED, by the office; an unanswered item cannot be closed. */
  async close(user: AuthUser, id: string, requestId: string): Promise<SupervisionItem> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockItem(manager, id);
      if (item.status === 'CLOSED') throw new SupervisionError('CONFLICT', '督办事项已办结', { status: item.status });
      if (item.status !== 'RESPONDED') throw new SupervisionError('CONFLICT', '单位尚未答复，不能办结', { status: item.status });
      const before = itemSnapshot(item);
      await markItemClosed(manager, item.id, user.id);
      const after = await manager.getRepository(SupervisionItem).findOneByOrFail({ id: item.id });
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'close',
        entity: 'supervision_item',
        entityId: item.id,
        before,
        after: itemSnapshot(after),
      });
      return after;
    });
  }
}

/** An OPEN item past its due date (China time). */
export const isOverdue = (item: Pick<SupervisionItem, 'status' | 'dueOn'>, today = chinaToday()) =>
  item.status === 'OPEN' && item.dueOn < today;
