import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from './agency.entity';
import { CountyQuota } from './county-quota.model';
import { SetQuotaArgs } from './dto/policy.args';
import { checkId, notFound, PolicyError } from './policy.errors';
import { Target } from './target.entity';

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
      if (county.kind !== 'COUNTY') throw new PolicyError('BAD_USER_INPUT', `${county.name}不是县(市、区),不能分解指标`, { field: 'countyId' });

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
}
