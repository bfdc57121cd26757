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
import { QUOTA_TABLE_SQL, QuotaTableSqlRow } from './quota-table.sql';
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

      const before: { quota: string }[] = await manager.query(
        `SELECT quota FROM county_quota WHERE target_id = $1 AND county_id = $2 FOR UPDATE`,
        [targetId, countyId],
      );
      await manager.query(
        `INSERT INTO county_quota (target_id, county_id, quota) VALUES ($1, $2, $3)
         ON CONFLICT (target_id, county_id) DO UPDATE SET quota = EXCLUDED.quota, updated_at = now()`,
        [targetId, countyId, args.value],
      );
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'quota.set',
        entity: 'county_quota',
        entityId: `${targetId}/${countyId}`,
        before: before.length ? { quota: Number(before[0].quota) } : null,
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
      // NO KEY UPDATE: serializes two saves of the table without blocking reports' foreign-key checks on the target.
      const rows: Target[] = await manager.query(
        `SELECT id, name, direction, target_value::float AS "targetValue" FROM target WHERE id = $1 FOR NO KEY UPDATE`,
        [targetId],
      );
      if (!rows.length) throw notFound('指标', args.targetId, 'targetId');
      const { name, direction, targetValue } = rows[0];
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

      const before: { county_id: string; quota: number }[] = await manager.query(
        `SELECT county_id, quota::float AS quota FROM county_quota WHERE target_id = $1 ORDER BY county_id FOR UPDATE`,
        [targetId],
      );
      const ids = [...values.keys()];
      await manager.query(`DELETE FROM county_quota WHERE target_id = $1 AND NOT (county_id = ANY($2::uuid[]))`, [targetId, ids]);
      if (ids.length) {
        await manager.query(
          `INSERT INTO county_quota (target_id, county_id, quota)
           SELECT $1, q.county_id, q.quota FROM unnest($2::uuid[], $3::numeric[]) AS q(county_id, quota) ORDER BY q.county_id
           ON CONFLICT (target_id, county_id) DO UPDATE SET quota = EXCLUDED.quota, updated_at = now()
            WHERE county_quota.quota IS DISTINCT FROM EXCLUDED.quota`,
          [targetId, ids, ids.map((id) => values.get(id))],
        );
      }
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

  /** The quota table of a target (QUOTA_TABLE_SQL: one statement). */
  async table(targetId: string): Promise<QuotaTableData> {
    const id = checkId(targetId, '指标', 'targetId');
    const rows: QuotaTableSqlRow[] = await this.dataSource.query(QUOTA_TABLE_SQL, [id]);
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
