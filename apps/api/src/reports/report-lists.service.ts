import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportStatus } from '@luoshi/domain';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { currentPeriodOf, policyOfPeriod } from '../policy/policy-for-reports.queries';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { ProgressReport } from './progress-report.entity';
import { assertCanRead } from './report-access';
import { ReportError } from './report.errors';
import { reportsOfPolicy, submittedReports, tasksOfUnit } from './report-lists.queries';

export interface TaskRow {
  measureId: string;
  policyId: string;
  role: 'LEAD' | 'CO';
  agencyId: string;
  periodId: string;
  report: ProgressReport | null;
  /** The unit's own due date for the period where an extension (延期) makes it later; null: the period's. */
  extendedDueOn: string | null;
}

export interface ReportFilter {
  policyId: string;
  periodId?: string | null;
  agencyId?: string | null;
  measureId?: string | null;
  status?: ReportStatus | null;
}

export interface ReviewQueueFilter {
  policyId?: string | null;
  /** A period label such as 2024Q3: the same quarter of every policy. */
  quarter?: string | null;
  agencyId?: string | null;
  measureId?: string | null;
}

/** A quarter as periods are labelled (2024Q3); anything else is bad input, not an empty list. */
export function checkQuarter(quarter: string): string {
  const q = quarter.trim().toUpperCase();
  if (!/^\d{4}Q[1-4]$/.test(q))
    throw new ReportError('BAD_USER_INPUT', `季度格式有误（应如 2024Q3）/ Quarter must look like 2024Q3: ${quarter.slice(0, 20)}`, {
      field: 'quarter',
    });
  return q;
}

/** Whose tasks: a reporter its own unit's (naming another is refused); the office, leaders and admins name the unit. */
export function reportingUnit(user: AuthUser, agencyId?: string | null): string {
  const agency = agencyId ? checkId(agencyId, '单位', 'agencyId') : user.role === 'REPORTER' ? user.agencyId : null;
  if (!agency) throw new ReportError('BAD_USER_INPUT', '请指定单位', { field: 'agencyId' });
  assertCanRead(user, agency);
  return agency;
}

/** Which tasks: one policy's period, or a quarter ('2026Q3') across every published policy. */
export type TaskScope = { periodId: string; quarter?: undefined } | { quarter: string; periodId?: undefined };

@Injectable()
export class ReportListsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The period units report on now: the latest that has ended (else the first), by the server's date. */
  async currentPeriod(policyId: string, today = new Date().toISOString().slice(0, 10)): Promise<ReportingPeriod | null> {
    return currentPeriodOf(this.dataSource, checkId(policyId, '政策文件'), today);
  }

  /**
   * Every measure a unit must report on in a period, or in a quarter across the published policies
   * (grouped by policy: issue date, then doc number), with its report if there is one.
   */
  async tasks(user: AuthUser, scope: TaskScope, agencyId?: string | null): Promise<TaskRow[]> {
    const agency = reportingUnit(user, agencyId);
    const period = scope.periodId !== undefined ? checkId(scope.periodId, '填报期', 'periodId') : null;
    const rows = await tasksOfUnit(this.dataSource, period !== null ? { periodId: period } : { quarter: scope.quarter! }, agency);
    if (rows.length === 0 && period) {
      if ((await policyOfPeriod(this.dataSource, period)) === null) throw notFound('填报期', scope.periodId!, 'periodId');
    }
    return rows.map((row) => ({
      measureId: row.measure_id,
      policyId: row.policy_id,
      role: row.role,
      agencyId: agency,
      periodId: row.period_id,
      report: row.report_id ? (row as unknown as ProgressReport) : null,
      extendedDueOn: row.extended_due_on,
    }));
  }

  /**
   * Submitted reports waiting for the office, oldest first, across every PUBLISHED policy (a draft
   * has no reports to review), each row carrying its policy. One statement whatever the filters.
   */
  reviewQueue(filter: ReviewQueueFilter = {}): Promise<(ProgressReport & { policyId: string })[]> {
    return submittedReports(this.dataSource, {
      policyId: filter.policyId ? checkId(filter.policyId, '政策文件', 'policyId') : null,
      quarter: filter.quarter ? checkQuarter(filter.quarter) : null,
      agencyId: filter.agencyId ? checkId(filter.agencyId, '单位', 'agencyId') : null,
      measureId: filter.measureId ? checkId(filter.measureId, '措施', 'measureId') : null,
    });
  }

  /** Reports of a policy, filtered; a reporter only gets its own unit's. */
  list(user: AuthUser, filter: ReportFilter): Promise<ProgressReport[]> {
    const agency = user.role === 'REPORTER' ? user.agencyId : filter.agencyId ? checkId(filter.agencyId, '单位', 'agencyId') : null;
    if (user.role === 'REPORTER' && filter.agencyId && filter.agencyId.toLowerCase() !== user.agencyId)
      assertCanRead(user, filter.agencyId.toLowerCase());
    return reportsOfPolicy(this.dataSource, {
      policyId: checkId(filter.policyId, '政策文件'),
      periodId: filter.periodId ? checkId(filter.periodId, '填报期', 'periodId') : null,
      agencyId: agency,
      measureId: filter.measureId ? checkId(filter.measureId, '措施', 'measureId') : null,
      status: filter.status ?? null,
    });
  }
}
