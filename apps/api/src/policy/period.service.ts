import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isCalendarDate } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { UpdateReportingPeriodArgs } from './dto/policy.args';
import { checkId, notFound, PolicyError } from './policy.errors';
import { ReportingPeriod } from './reporting-period.entity';

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
    return this.dataSource.transaction(async (manager) => {
      const period = await manager.findOne(ReportingPeriod, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!period) throw notFound('填报期', args.id);
      if (args.dueOn < period.endsOn) throw new PolicyError('BAD_USER_INPUT', `截止日期不能早于本期结束日 ${period.endsOn}`, { field: 'dueOn' });
      const before = { dueOn: period.dueOn };
      await manager.update(ReportingPeriod, { id }, { dueOn: args.dueOn });
      await this.audit.record(manager, auditActor(actor, requestId), {
        action: 'period.update',
        entity: 'reporting_period',
        entityId: id,
        before,
        after: { dueOn: args.dueOn },
      });
      return { ...period, dueOn: args.dueOn };
    });
  }
}
