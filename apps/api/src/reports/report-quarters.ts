import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chinaToday } from '@luoshi/domain';
import type { AuthUser } from '../common/request-context';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { QuarterPolicy, ReportingQuarter, TaskStateCounts } from './report-quarter.models';
import { QuarterPolicyRow, quarterRowsOfUnit } from './report-lists.queries';
import { reportingUnit } from './report-lists.service';
import { ReportError } from './report.errors';

const QUARTER = /^\d{4}Q[1-4]$/;

/** A quarter as periods are labelled (2026Q3); anything else is the caller's mistake. */
export function checkQuarter(quarter: string): string {
  const q = quarter.trim().toUpperCase();
  if (!QUARTER.test(q))
    throw new ReportError('BAD_USER_INPUT', `季度格式应为 2026Q3 (quarter must look like 2026Q3): ${quarter}`, { field: 'quarter' });
  return q;
}

const left = (c: TaskStateCounts) => c.notStarted + c.draft + c.returned;
const total = (c: TaskStateCounts) => c.notStarted + c.draft + c.submitted + c.returned + c.accepted;
const add = (a: TaskStateCounts, b: TaskStateCounts): TaskStateCounts => ({
  notStarted: a.notStarted + b.notStarted,
  draft: a.draft + b.draft,
  submitted: a.submitted + b.submitted,
  returned: a.returned + b.returned,
  accepted: a.accepted + b.accepted,
});
const NONE: TaskStateCounts = { notStarted: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };

/**
 * Folds the (policy, period) rows, already in policy order, into quarters: the open ones (something
 * left to do) with what is due first, then the finished ones, the latest first.
 */
export function groupQuarters(rows: readonly QuarterPolicyRow[], today: string): ReportingQuarter[] {
  const quarters = new Map<string, ReportingQuarter>();
  for (const row of rows) {
    const counts: TaskStateCounts = {
      notStarted: row.notStarted,
      draft: row.draft,
      submitted: row.submitted,
      returned: row.returned,
      accepted: row.accepted,
    };
    const dueOn = row.extendedDueOn ?? row.periodDueOn;
    const period: ReportingPeriod = {
      id: row.periodId,
      policyId: row.policyId,
      label: row.label,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      dueOn: row.periodDueOn,
    } as ReportingPeriod;
    const part: QuarterPolicy = {
      policyId: row.policyId,
      period,
      dueOn,
      extendedDueOn: row.extendedDueOn,
      overdue: left(counts) > 0 && today > dueOn,
      taskCount: total(counts),
      counts,
    };
    const quarter = quarters.get(row.label) ?? {
      quarter: row.label,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      dueOn,
      overdue: false,
      open: false,
      taskCount: 0,
      counts: NONE,
      policies: [],
    };
    quarter.policies.push(part);
    quarter.counts = add(quarter.counts, counts);
    quarter.taskCount += part.taskCount;
    quarter.overdue ||= part.overdue;
    quarter.open = left(quarter.counts) > 0;
    if (dueOn < quarter.dueOn) quarter.dueOn = dueOn;
    if (row.startsOn < quarter.startsOn) quarter.startsOn = row.startsOn;
    if (row.endsOn > quarter.endsOn) quarter.endsOn = row.endsOn;
    quarters.set(row.label, quarter);
  }
  return [...quarters.values()].sort((a, b) => {
    if (a.open !== b.open) return a.open ? -1 : 1;
    if (a.open) return a.dueOn.localeCompare(b.dueOn) || a.quarter.localeCompare(b.quarter);
    return b.quarter.localeCompare(a.quarter);
  });
}

@Injectable()
export class ReportQuartersService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The unit's quarters that have begun, across every published policy: one statement, whatever
   * the number of policies (a row per policy and period, counted in the database).
   */
  async quarters(user: AuthUser, agencyId?: string | null, today = chinaToday()): Promise<ReportingQuarter[]> {
    const agency = reportingUnit(user, agencyId);
    const rows = await quarterRowsOfUnit(this.dataSource, agency, today);
    return groupQuarters(rows, today);
  }
}
