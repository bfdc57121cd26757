import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isCalendarDate } from '@luoshi/domain';
import { periodAuditRecords } from '../audit/audit.queries';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { Agency } from './agency.entity';
import { UpdateReportingPeriodArgs } from './dto/policy.args';
import { RemovePeriodExtensionArgs, SetPeriodExtensionArgs } from './dto/setup.args';
import { PeriodExtension } from './period-extension.entity';
import { PolicyError } from './policy.errors';
import { checkId, notFound } from '../common/id-checks';
import { deletePeriodExtension, upsertPeriodExtension } from './period.queries';
import { isResponsibleInPolicy, policyExists } from './policy.queries';
import { ReportingPeriod } from './reporting-period.entity';

export interface PeriodChangeData {
  periodId: string;
  at: Date;
  username: string | null;
  kind: 'DUE_DATE' | 'EXTENSION_SET' | 'EXTENSION_REMOVED';
  agencyId: string | null;
  dueOnBefore: string | null;
  dueOnAfter: string | null;
  reason: string | null;
}

/** A reason the office wrote: trimmed; empty means none. */
const reasonOf = (text: string | null | undefined) => (text ?? '').trim();

/**
 * Periods' due dates. The period's own date binds every unit; "closing early" is the same
 * updateReportingPeriod with an earlier date (not before the quarter ends). An extension (延期) is
 * one unit's later date, which compliance, chasing and the review's late rule use for that unit.
 */
@Injectable()
export class PeriodService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The office moves a period's due date; it may not fall before the period ends. */
  async updateDueDate(actor: AuthUser, args: UpdateReportingPeriodArgs, requestId: string): Promise<ReportingPeriod> {
    const id = checkId(args.id, '填报期');
    if (!isCalendarDate(args.dueOn)) {
      throw new PolicyError('BAD_USER_INPUT', `${args.dueOn} 不是有效日期`, { field: 'dueOn' });
    }
    const reason = reasonOf(args.reason);
    return this.dataSource.transaction(async (manager) => {
      const period = await manager.findOne(ReportingPeriod, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw notFound('填报期', args.id);
      if (args.dueOn < period.endsOn)
        throw new PolicyError('BAD_USER_INPUT', `截止日期不能早于本期结束日 ${period.endsOn}`, { field: 'dueOn' });
      const before = { dueOn: period.dueOn };
      await manager.update(ReportingPeriod, { id }, { dueOn: args.dueOn });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'period.update',
        entity: 'reporting_period',
        entityId: id,
        before,
        after: { dueOn: args.dueOn, ...(reason ? { reason } : {}) },
      });
      return { ...period, dueOn: args.dueOn };
    });
  }

  /** Gives one unit its own later due date for the period (or moves the one it has). */
  async setExtension(actor: AuthUser, args: SetPeriodExtensionArgs, requestId: string) {
    const periodId = checkId(args.periodId, '填报期', 'periodId');
    const agencyId = checkId(args.agencyId, '单位', 'agencyId');
    if (!isCalendarDate(args.dueOn)) throw new PolicyError('BAD_USER_INPUT', `${args.dueOn} 不是有效日期`, { field: 'dueOn' });
    const reason = reasonOf(args.reason);
    if (!reason) throw new PolicyError('BAD_USER_INPUT', '请填写延期原因', { field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const period = await manager.findOne(ReportingPeriod, { where: { id: periodId }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw notFound('填报期', args.periodId, 'periodId');
      const agency = await manager.findOneBy(Agency, { id: agencyId });
      if (!agency) throw notFound('单位', args.agencyId, 'agencyId');
      if (!(await isResponsibleInPolicy(manager, period.policyId, agencyId)))
        throw new PolicyError('BAD_USER_INPUT', `${agency.name}不是本政策的责任单位，无需延期`, { field: 'agencyId' });
      if (args.dueOn <= period.dueOn) {
        throw new PolicyError('BAD_USER_INPUT', `延期截止日期须晚于本期截止日 ${period.dueOn}`, { field: 'dueOn' });
      }
      const before = await manager.findOneBy(PeriodExtension, { periodId, agencyId });
      await upsertPeriodExtension(manager, periodId, agencyId, args.dueOn, reason);
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'period.extension.set',
        entity: 'period_extension',
        entityId: `${periodId}/${agencyId}`,
        before: before ? { agency: agency.name, dueOn: before.dueOn, reason: before.reason } : null,
        after: { agency: agency.name, period: period.label, dueOn: args.dueOn, reason },
      });
      const saved = await manager.findOneByOrFail(PeriodExtension, { periodId, agencyId });
      return { periodId, agency, dueOn: saved.dueOn, reason: saved.reason, updatedAt: saved.updatedAt };
    });
  }

  /** Withdraws a unit's extension: the period's own due date binds it again. */
  async removeExtension(actor: AuthUser, args: RemovePeriodExtensionArgs, requestId: string): Promise<boolean> {
    const periodId = checkId(args.periodId, '填报期', 'periodId');
    const agencyId = checkId(args.agencyId, '单位', 'agencyId');
    const reason = reasonOf(args.reason);
    if (!reason) throw new PolicyError('BAD_USER_INPUT', '请填写取消延期的原因', { field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const r = await deletePeriodExtension(manager, periodId, agencyId);
      if (!r) throw new PolicyError('NOT_FOUND', '该单位在本期没有延期', { field: 'agencyId' });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'period.extension.remove',
        entity: 'period_extension',
        entityId: `${periodId}/${agencyId}`,
        before: { agency: r.agency, period: r.label, dueOn: r.due_on, reason: r.reason },
        after: { reason },
      });
      return true;
    });
  }

  /** A policy's periods with their extensions and change history: three statements whatever the count. */
  async settings(policyId: string) {
    const id = checkId(policyId, '政策文件', 'policyId');
    const periods = await this.dataSource.getRepository(ReportingPeriod).find({ where: { policyId: id }, order: { startsOn: 'ASC' } });
    if (!periods.length) {
      if (!(await policyExists(this.dataSource, id))) throw notFound('政策文件', policyId, 'policyId');
      return [];
    }
    const ids = periods.map((p) => p.id);
    const [extensions, audits] = await Promise.all([
      this.dataSource.getRepository(PeriodExtension).find({ where: ids.map((periodId) => ({ periodId })), order: { dueOn: 'ASC' } }),
      periodAuditRecords(this.dataSource, ids),
    ]);
    const changes: PeriodChangeData[] = audits.map((a) => {
      const [periodId, agencyId = null] = a.entity_id.split('/');
      const kind =
        a.action === 'period.update' ? 'DUE_DATE' : a.action === 'period.extension.remove' ? 'EXTENSION_REMOVED' : 'EXTENSION_SET';
      return {
        periodId,
        at: a.at,
        username: a.username,
        kind,
        agencyId,
        dueOnBefore: a.before?.dueOn ?? null,
        dueOnAfter: kind === 'EXTENSION_REMOVED' ? null : (a.after?.dueOn ?? null),
        reason: a.after?.reason ?? null,
      };
    });
    return periods.map((period) => ({
      period,
      extensions: extensions.filter((x) => x.periodId === period.id),
      changes: changes.filter((c) => c.periodId === period.id),
    }));
  }
}
