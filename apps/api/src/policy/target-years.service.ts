import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { chinaToday } from '@luoshi/domain';
import { DataSource, EntityManager } from 'typeorm';
import { auditActor, type AuditActor, AuditService } from '../audit/audit.service';
import { checkId, notFound } from '../common/id-checks';
import type { AuthUser } from '../common/request-context';
import { SetTargetValueArgs } from './dto/policy.args';
import { ensureReportingPeriods, seedIds } from './notice-seed';
import { PolicyError } from './policy.errors';
import { Target } from './target.entity';
import { insertTargetYear, policyStatusOfTarget, recurringTargets, setTargetValueAt } from './target-years.queries';

/** The system rolling the years: no user, no request. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, username: null, requestId: null };

export interface RolledTarget {
  id: string;
  policyId: string;
  name: string;
  year: number;
}

/**
 * Gives every recurring (每年) target of the published policies (or of one) its target for each year
 * after its latest through `throughYear` and through its notice's end year, copying the last year's
 * value, direction and unit (no quotas: the office sets each year's). Idempotent; each created
 * target is audited as 'target.roll' in the caller's transaction.
 */
export async function rollTargetYears(
  manager: EntityManager,
  audit: AuditService,
  actor: AuditActor,
  options: { policyId?: string | null; throughYear: number; reason: 'publish' | 'year' },
): Promise<RolledTarget[]> {
  const created: RolledTarget[] = [];
  for (const last of await recurringTargets(manager, options.policyId ?? null)) {
    const through = Math.max(options.throughYear, last.endYear);
    for (let year = last.year + 1; year <= through; year++) {
      const id = await insertTargetYear(
        manager,
        seedIds.target(last.docNumber, last.measureSeq, last.name, year),
        randomUUID(),
        last,
        year,
      );
      if (!id) continue;
      created.push({ id, policyId: last.policyId, name: last.name, year });
      await audit.record(manager, actor, {
        action: 'target.roll',
        entity: 'target',
        entityId: id,
        before: { fromTargetId: last.id, year: last.year },
        after: {
          name: last.name,
          unit: last.unit,
          targetValue: last.targetValue,
          direction: last.direction,
          year,
          everyYear: true,
          policyId: last.policyId,
          reason: options.reason,
        },
      });
    }
  }
  return created;
}

/** The current year in China. */
export const chinaYear = (today = chinaToday()) => Number(today.slice(0, 4));

/** The years of recurring targets: created when a year starts (and on publishing), changed by the office. */
@Injectable()
export class TargetYearsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The start of a year: its quarters and its targets for every published policy. Idempotent. */
  roll(today = chinaToday()): Promise<RolledTarget[]> {
    return this.dataSource.transaction(async (manager) => {
      await ensureReportingPeriods(manager, today);
      return rollTargetYears(manager, this.audit, SYSTEM_ACTOR, { throughYear: chinaYear(today), reason: 'year' });
    });
  }

  /** The office changes a year's target value (version checked, audited). */
  async setValue(actor: AuthUser, args: SetTargetValueArgs, requestId: string): Promise<Target> {
    const targetId = checkId(args.targetId, '指标', 'targetId');
    return this.dataSource.transaction(async (manager) => {
      const target = await manager.getRepository(Target).findOne({ where: { id: targetId }, lock: { mode: 'pessimistic_write' } });
      if (!target) throw notFound('指标', args.targetId, 'targetId');
      if ((await policyStatusOfTarget(manager, targetId)) !== 'PUBLISHED')
        throw new PolicyError('BAD_USER_INPUT', '草稿的指标请在审阅页修改', { field: 'targetId' });
      if (!(await setTargetValueAt(manager, targetId, args.targetValue, args.version)))
        throw new PolicyError('CONFLICT', `${target.year}年的“${target.name}”已被他人修改，请刷新后再改`, {
          field: 'version',
          currentVersion: target.version,
        });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'target.value',
        entity: 'target',
        entityId: targetId,
        before: { targetValue: target.targetValue, year: target.year, version: target.version },
        after: { targetValue: args.targetValue, year: target.year, version: target.version + 1 },
      });
      return manager.getRepository(Target).findOneByOrFail({ id: targetId });
    });
  }
}
