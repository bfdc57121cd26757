import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from './agency.entity';
import { CountyQuota } from './county-quota.model';
import { SetQuotaArgs } from './dto/policy.args';
import { SetQuotasArgs } from './dto/setup.args';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import {
  deleteQuotasExcept,
  lockedQuota,
  lockedQuotasOfTarget,
  lockTargetToSplit,
  quotaTableRows,
  upsertQuota,
  upsertQuotas,
} from './quota.queries';
import { Target } from './target.entity';

/** Sums of decimal quotas without binary noise (0.1 + 0.2): six places are more than any quota has. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
export const quotaShortfall = (targetValue: number, sum: number) => Math.max(0, round6(targetValue - sum));

export interface QuotaTableData {
  targetId: string;
  previousTargetId: string | null;
  rows: {
    countyId: string;
    quota: number | null;
    previousQuota: number | null;
    previousAchieved: number | null;
    previousShare: number | null;
  }[];
}

@Injectable()
export class QuotaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sets one county's share of a target. The row is locked while it changes, so two offices setting
   * it at once are serialized and the audit holds both changes with their true `before`.
   */
  async setQuota(actor: AuthUser, args: SetQuotaArgs, requestId: string): Promise<CountyQuota> {
    const targetId = checkId(args.targetId, '指标', 'targetId');
    const countyId = checkId(args.countyId, '县(市、区)', 'countyId');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Target, { id: targetId }))) throw notFound('指标', args.targetId, 'targetId');
      const county = await manager.findOneBy(Agency, { id: countyId });
      if (!county) throw notFound('县(市、区)', args.countyId, 'countyId');
      if (county.kind !== 'COUNTY')
        throw new PolicyError('BAD_USER_INPUT', `${county.name}不是县(市、区),不能分解指标`, { field: 'countyId' });
      if (county.mergedIntoId) throw mergedCounty(county.name);

      const before = await lockedQuota(manager, targetId, countyId);
      await upsertQuota(manager, targetId, countyId, args.value);
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'quota.set',
        entity: 'county_quota',
        entityId: `${targetId}/${countyId}`,
        before: before !== null ? { quota: before } : null,
        after: { quota: args.value },
      });
      return { county, quota: args.value };
    });
  }

  /**
   * Sets a target's whole split (任务分解) in one transaction: the counties given get their quota,
   * the others none. A sum short of the city's target is refused unless the office confirmed it
   * (allowShortfall); a sum above it is allowed (counties asked to do more than the city promised).
   * The target row is locked, so two offices saving the same table are serialized and each audit
   * record's `before` is the set the other left.
   */
  async setQuotas(actor: AuthUser, args: SetQuotasArgs, requestId: string) {
    const targetId = checkId(args.targetId, '指标', 'targetId');
    const values = new Map<string, number>();
    args.quotas.forEach((q, index) => {
      const countyId = checkId(q.countyId, '县(市、区)', 'countyId');
      if (values.has(countyId)) throw new PolicyError('BAD_USER_INPUT', '同一县(市、区)只能出现一次', { field: 'countyId', index });
      values.set(countyId, q.value);
    });
    return this.dataSource.transaction(async (manager) => {
      const locked = await lockTargetToSplit(manager, targetId);
      if (!locked) throw notFound('指标', args.targetId, 'targetId');
      const { name, direction, targetValue } = locked;
      if (direction !== 'AT_LEAST') {
        throw new PolicyError('BAD_USER_INPUT', `“${name}”是上限类指标（不超过），各县(市、区)同受此上限约束，无需分解`, {
          field: 'targetId',
        });
      }
      const counties = await this.counties(manager);
      const countyById = new Map(counties.map((c) => [c.id, c]));
      const given = await manager.findBy(Agency, { id: In([...values.keys()]) });
      for (const countyId of values.keys()) {
        const agency = given.find((a) => a.id === countyId);
        if (!agency) throw notFound('县(市、区)', countyId, 'countyId');
        if (agency.kind === 'COUNTY' && agency.mergedIntoId) throw mergedCounty(agency.name);
        if (!countyById.has(countyId))
          throw new PolicyError('BAD_USER_INPUT', `${agency.name}不是县(市、区),不能分解指标`, { field: 'countyId' });
      }
      const sum = round6([...values.values()].reduce((a, b) => a + b, 0));
      const shortfall = quotaShortfall(targetValue, sum);
      if (shortfall > 0 && !args.allowShortfall) {
        throw new PolicyError('BAD_USER_INPUT', `各县(市、区)合计${sum}，比市级目标${targetValue}少${shortfall}；确认后方可保存`, {
          field: 'quotas',
          shortfall,
          sum,
        });
      }

      const before = await lockedQuotasOfTarget(manager, targetId);
      const ids = [...values.keys()];
      await deleteQuotasExcept(manager, targetId, ids);
      await upsertQuotas(
        manager,
        targetId,
        [...values.entries()].map(([countyId, quota]) => ({ countyId, quota })),
      );
      const described = (entries: [string, number][]) =>
        entries
          .map(([countyId, quota]) => ({ countyId, county: countyById.get(countyId)?.name ?? countyId, quota }))
          .sort((a, b) => (countyById.get(a.countyId)?.regionCode ?? '').localeCompare(countyById.get(b.countyId)?.regionCode ?? ''));
      const beforeSum = round6(before.reduce((a, r) => a + r.quota, 0));
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'quota.setAll',
        entity: 'county_quota',
        entityId: targetId,
        before: { target: name, targetValue, quotas: described(before.map((r) => [r.county_id, r.quota])), sum: beforeSum },
        after: {
          target: name,
          targetValue,
          quotas: described([...values.entries()]),
          sum,
          shortfall,
          allowShortfall: !!args.allowShortfall,
        },
      });
      const target = await manager.findOneByOrFail(Target, { id: targetId });
      return { target, sum, shortfall, byCounty: counties.map((county) => ({ county, quota: values.get(county.id) ?? null })) };
    });
  }

  /** The quota table of a target (one statement: quotaTableRows). */
  async table(targetId: string): Promise<QuotaTableData> {
    const id = checkId(targetId, '指标', 'targetId');
    const rows = await quotaTableRows(this.dataSource, id);
    if (!rows.length || !rows[0].found) throw notFound('指标', targetId, 'targetId');
    return {
      targetId: id,
      previousTargetId: rows[0].previous_target_id,
      rows: rows.map((r) => ({
        countyId: r.county_id,
        quota: r.quota,
        previousQuota: r.previous_quota,
        previousAchieved: r.previous_achieved,
        previousShare: r.previous_share,
      })),
    };
  }

  /** The counties a target is split among: a merged one is gone (its quotas moved with it). */
  private counties(manager: EntityManager): Promise<Agency[]> {
    return manager.find(Agency, { where: { kind: 'COUNTY', mergedIntoId: IsNull() }, order: { regionCode: 'ASC' } });
  }
}

/** A merged county has no quota of its own any more: the county it joined carries it. */
const mergedCounty = (name: string) =>
  new PolicyError('BAD_USER_INPUT', `${name}已并入其他县(市、区)，不能再分解指标`, { field: 'countyId' });
