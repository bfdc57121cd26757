import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportStatus } from '@luoshi/domain';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { ReportingPeriod } from '../policy/reporting-period.entity';
import { ProgressReport } from './progress-report.entity';
import { assertCanRead } from './report-access';
import { ReportError } from './report.errors';
import { reportColumns } from './report-columns';

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

const REPORT_COLUMNS = reportColumns('r');

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
    const rows: ReportingPeriod[] = await this.dataSource.query(
      `SELECT id, policy_id AS "policyId", label, starts_on AS "startsOn", ends_on AS "endsOn", due_on AS "dueOn" FROM reporting_period
        WHERE policy_id = $1 ORDER BY (ends_on < $2::date) DESC, CASE WHEN ends_on < $2::date THEN ends_on END DESC NULLS LAST, starts_on ASC LIMIT 1`,
      [checkId(policyId, '政策文件'), today],
    );
    return rows[0] ?? null;
  }

  /**
   * Every measure a unit must report on in a period, or in a quarter across the published policies
   * (grouped by policy: issue date, then doc number), with its report if there is one.
   */
  async tasks(user: AuthUser, scope: TaskScope, agencyId?: string | null): Promise<TaskRow[]> {
    const agency = reportingUnit(user, agencyId);
    const period = scope.periodId !== undefined ? checkId(scope.periodId, '填报期', 'periodId') : null;
    // The unit's extension rides on the same statement (one row per period and unit at most).
    const rows: (Record<string, unknown> & {
      measure_id: string;
      policy_id: string;
      period_id: string;
      role: 'LEAD' | 'CO';
      report_id: string | null;
      extended_due_on: string | null;
    })[] = await this.dataSource.query(
      `SELECT m.id AS measure_id, m.policy_id, p.id AS period_id, resp.role, r.id AS report_id, ${REPORT_COLUMNS},
              CASE WHEN x.due_on > p.due_on THEN x.due_on::text END AS extended_due_on
         FROM reporting_period p
         JOIN policy pol ON pol.id = p.policy_id
         JOIN measure m ON m.policy_id = p.policy_id
         JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $2
         LEFT JOIN period_extension x ON x.period_id = p.id AND x.agency_id = $2
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = p.id
        WHERE ${period ? 'p.id = $1' : `p.label = $1 AND pol.status = 'PUBLISHED'`}
        ORDER BY pol.issued_on, pol.doc_number, m.seq`,
      [period ?? scope.quarter, agency],
    );
    if (rows.length === 0 && period) {
      const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM reporting_period WHERE id = $1`, [period]);
      if (exists.length === 0) throw notFound('填报期', scope.periodId!, 'periodId');
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
    return this.dataSource.query(
      `SELECT ${REPORT_COLUMNS}, m.policy_id AS "policyId"
         FROM progress_report r
         JOIN measure m ON m.id = r.measure_id
         JOIN policy pol ON pol.id = m.policy_id AND pol.status = 'PUBLISHED'
         JOIN reporting_period p ON p.id = r.period_id
        WHERE r.status = 'SUBMITTED' AND ($1::uuid IS NULL OR m.policy_id = $1) AND ($2::text IS NULL OR p.label = $2)
          AND ($3::uuid IS NULL OR r.agency_id = $3) AND ($4::uuid IS NULL OR r.measure_id = $4)
        ORDER BY r.submitted_at ASC, r.id LIMIT 500`,
      [
        filter.policyId ? checkId(filter.policyId, '政策文件', 'policyId') : null,
        filter.quarter ? checkQuarter(filter.quarter) : null,
        filter.agencyId ? checkId(filter.agencyId, '单位', 'agencyId') : null,
        filter.measureId ? checkId(filter.measureId, '措施', 'measureId') : null,
      ],
    );
  }

  /** Reports of a policy, filtered; a reporter only gets its own unit's. */
  list(user: AuthUser, filter: ReportFilter): Promise<ProgressReport[]> {
    const agency = user.role === 'REPORTER' ? user.agencyId : filter.agencyId ? checkId(filter.agencyId, '单位', 'agencyId') : null;
    if (user.role === 'REPORTER' && filter.agencyId && filter.agencyId.toLowerCase() !== user.agencyId)
      assertCanRead(user, filter.agencyId.toLowerCase());
    return this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM progress_report r JOIN measure m ON m.id = r.measure_id
        WHERE m.policy_id = $1 AND ($2::uuid IS NULL OR r.period_id = $2) AND ($3::uuid IS NULL OR r.agency_id = $3)
          AND ($4::uuid IS NULL OR r.measure_id = $4) AND ($5::text IS NULL OR r.status = $5)
        ORDER BY m.seq, r.updated_at DESC LIMIT 2000`,
      [
        checkId(filter.policyId, '政策文件'),
        filter.periodId ? checkId(filter.periodId, '填报期', 'periodId') : null,
        agency,
        filter.measureId ? checkId(filter.measureId, '措施', 'measureId') : null,
        filter.status ?? null,
      ],
    );
  }
}
