import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EDITABLE_REPORT_STATUSES, ReviewDecision } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import { DomainError } from '../common/domain-error';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { policyOfPeriod, reportingUnitOf } from '../policy/policy-for-reports.queries';
import { ReportVersionInput, ReviewProgressReportArgs, SaveProgressReportInput, SubmitProgressReportArgs } from './dto/report.inputs';
import type { BatchReviewOutcome } from './report.models';
import { assertCanRead, assertCanWrite, WriteContext } from './report-access';
import {
  bumpReport,
  figuresOfReport,
  insertReport,
  replaceReportFigures,
  ReportChanges,
  reportOf,
  shiftReportTotals,
} from './report.queries';
import { checkFigures, measureFacts } from './report-validation';
import { ReportError } from './report.errors';
import { ProgressReport } from './progress-report.entity';

const TEXT_FIELDS = ['progress', 'problems', 'nextSteps', 'unitStatus'] as const;

/** A report as the audit keeps it: every field a person can change, figures included. */
async function snapshot(manager: EntityManager, report: ProgressReport) {
  const values = await figuresOfReport(manager, report.id);
  const { status, version, progress, problems, nextSteps, unitStatus, reviewComment } = report;
  return { status, version, progress, problems, nextSteps, unitStatus, reviewComment, values };
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(user: AuthUser, id: string): Promise<ProgressReport> {
    const report = await this.dataSource.getRepository(ProgressReport).findOneBy({ id: checkId(id, '报告') });
    if (!report) throw notFound('报告', id);
    assertCanRead(user, report.agencyId);
    return report;
  }

  save(user: AuthUser, input: SaveProgressReportInput, requestId: string): Promise<ProgressReport> {
    return this.dataSource.transaction((manager) => this.saveWithin(manager, user, input, requestId));
  }

  /** The same, inside the caller's transaction (an Excel import saves every measure in one). */
  saveWithin(manager: EntityManager, user: AuthUser, input: SaveProgressReportInput, requestId: string): Promise<ProgressReport> {
    return input.id ? this.update(manager, user, input, requestId) : this.create(manager, user, input, requestId);
  }

  private async writeContext(
    manager: EntityManager,
    agencyId: string,
    responsible: Set<string>,
  ): Promise<WriteContext & { active: boolean }> {
    const unit = await reportingUnitOf(manager, agencyId);
    if (!unit) throw notFound('单位', agencyId, 'agencyId');
    return { agencyId, agencyKind: unit.kind, responsibleAgencyIds: responsible, active: unit.active };
  }

  private async create(manager: EntityManager, user: AuthUser, input: SaveProgressReportInput, requestId: string): Promise<ProgressReport> {
    for (const field of ['measureId', 'periodId', 'agencyId'] as const) {
      if (!input[field]) throw new ReportError('BAD_USER_INPUT', `新建报告须指定 ${field}`, { field });
    }
    if (input.version !== undefined && input.version !== null)
      throw new ReportError('BAD_USER_INPUT', '新建报告不能指定 version', { field: 'version' });
    const measureId = checkId(input.measureId!, '措施', 'measureId');
    const periodId = checkId(input.periodId!, '填报期', 'periodId');
    const agencyId = checkId(input.agencyId!, '单位', 'agencyId');
    const facts = await measureFacts(manager, measureId);
    const periodPolicyId = await policyOfPeriod(manager, periodId);
    if (periodPolicyId === null) throw notFound('填报期', input.periodId!, 'periodId');
    if (periodPolicyId !== facts.policyId) throw new ReportError('BAD_USER_INPUT', '填报期与措施不属于同一政策文件', { field: 'periodId' });
    const ctx = await this.writeContext(manager, agencyId, facts.responsibleAgencyIds);
    assertCanWrite(user, ctx);
    // A deactivated (or merged) unit gets no new tasks: its existing reports stay readable and editable by the office.
    if (!ctx.active) throw new ReportError('CONFLICT', '该单位已停用，不能新建报告', { field: 'agencyId' });
    const figures = await checkFigures(manager, user, ctx, facts, input.values ?? []);

    const id = await insertReport(manager, {
      measureId,
      agencyId,
      periodId,
      progress: input.progress ?? '',
      problems: input.problems ?? '',
      nextSteps: input.nextSteps ?? '',
      unitStatus: input.unitStatus ?? null,
    });
    if (id === null) {
      const existing = await reportOf(manager, measureId, agencyId, periodId);
      throw new ReportError('CONFLICT', '该单位本期这项措施已有报告,请在原报告上修改', {
        reportId: existing?.id,
        currentVersion: existing?.version,
      });
    }
    await replaceReportFigures(manager, id, figures);
    const report = await manager.findOneByOrFail(ProgressReport, { id });
    await this.audit.record(manager, auditActor(user, requestId), {
      action: 'report.create',
      entity: 'progress_report',
      entityId: id,
      before: null,
      after: await snapshot(manager, report),
    });
    return report;
  }

  /** Locks the report row, then checks who may write, the version named, and the state. */
  private async lockForWrite(manager: EntityManager, user: AuthUser, id: string, version: number | null | undefined) {
    if (version === undefined || version === null)
      throw new ReportError('BAD_USER_INPUT', '修改报告须提供读取时的 version', { field: 'version' });
    const report = await manager.findOne(ProgressReport, { where: { id: checkId(id, '报告') }, lock: { mode: 'pessimistic_write' } });
    if (!report) throw notFound('报告', id);
    const facts = await measureFacts(manager, report.measureId);
    const ctx = await this.writeContext(manager, report.agencyId, facts.responsibleAgencyIds);
    return { report, facts, ctx };
  }

  private checkVersion(report: ProgressReport, version: number) {
    if (report.version !== version) {
      throw new ReportError('CONFLICT', `报告已被他人修改(当前版本 ${report.version},您读取的是版本 ${version}),请刷新后再改`, {
        currentVersion: report.version,
      });
    }
  }

  private async update(manager: EntityManager, user: AuthUser, input: SaveProgressReportInput, requestId: string): Promise<ProgressReport> {
    const { report, facts, ctx } = await this.lockForWrite(manager, user, input.id!, input.version);
    assertCanWrite(user, ctx);
    for (const [field, value] of [
      ['measureId', report.measureId],
      ['periodId', report.periodId],
      ['agencyId', report.agencyId],
    ] as const) {
      if (input[field] && input[field]!.toLowerCase() !== value)
        throw new ReportError('BAD_USER_INPUT', `不能修改报告的 ${field}`, { field });
    }
    this.checkVersion(report, input.version!);
    if (!EDITABLE_REPORT_STATUSES.includes(report.status)) {
      throw new ReportError('CONFLICT', report.status === 'ACCEPTED' ? '报告已通过审核,不能再修改' : '报告已提交,待审核期间不能修改', {
        status: report.status,
      });
    }
    const figures = input.values ? await checkFigures(manager, user, ctx, facts, input.values) : null;
    const before = await snapshot(manager, report);

    const changes: ReportChanges = {};
    for (const field of TEXT_FIELDS)
      if (input[field] !== undefined && input[field] !== null) Object.assign(changes, { [field]: input[field] });
    await this.bump(manager, report, changes);
    if (figures) await replaceReportFigures(manager, report.id, figures);
    const after = await manager.findOneByOrFail(ProgressReport, { id: report.id });
    await this.audit.record(manager, auditActor(user, requestId), {
      action: 'report.update',
      entity: 'progress_report',
      entityId: report.id,
      before,
      after: await snapshot(manager, after),
    });
    return after;
  }

  async submit(user: AuthUser, args: SubmitProgressReportArgs, requestId: string): Promise<ProgressReport> {
    return this.dataSource.transaction(async (manager) => {
      const { report, ctx } = await this.lockForWrite(manager, user, args.id, args.version);
      assertCanWrite(user, ctx);
      this.checkVersion(report, args.version);
      if (!EDITABLE_REPORT_STATUSES.includes(report.status))
        throw new ReportError('CONFLICT', '只有草稿或被退回的报告可以提交', { status: report.status });
      if (!report.progress.trim()) throw new ReportError('BAD_USER_INPUT', '请先填写工作进展再提交', { field: 'progress' });
      const before = await snapshot(manager, report);
      await this.bump(manager, report, { status: 'SUBMITTED' }, 'submitted');
      await shiftReportTotals(manager, report.id, 1);
      const after = await manager.findOneByOrFail(ProgressReport, { id: report.id });
      await this.audit.record(manager, auditActor(user, requestId), {
        action: 'report.submit',
        entity: 'progress_report',
        entityId: report.id,
        before,
        after: await snapshot(manager, after),
      });
      return after;
    });
  }

  async review(user: AuthUser, args: ReviewProgressReportArgs, requestId: string): Promise<ProgressReport> {
    const comment = args.comment?.trim() || null;
    if (args.decision === 'RETURN' && !comment) throw new ReportError('BAD_USER_INPUT', '退回报告须写明原因', { field: 'comment' });
    return this.dataSource.transaction(async (manager) => {
      const { report } = await this.lockForWrite(manager, user, args.id, args.version);
      this.checkVersion(report, args.version);
      if (report.status !== 'SUBMITTED') throw new ReportError('CONFLICT', '只有已提交的报告可以审核', { status: report.status });
      return this.decide(manager, user, report, args.decision, comment, requestId);
    });
  }

  /**
   * 批量通过: each report accepted in its own transaction with the same checks as a single review
   * (the version read, still SUBMITTED) and audited as one (`report.accept`); one that fails a
   * check is answered with why, and the others go ahead.
   */
  async acceptMany(user: AuthUser, reports: ReportVersionInput[], requestId: string): Promise<BatchReviewOutcome[]> {
    const seen = new Set<string>();
    for (const r of reports) {
      const key = r.id.trim().toLowerCase();
      if (seen.has(key)) throw new ReportError('BAD_USER_INPUT', '同一份报告不能在一次批量通过中出现两次', { field: 'reports', id: r.id });
      seen.add(key);
    }
    const outcomes: BatchReviewOutcome[] = [];
    for (const r of reports) {
      try {
        const report = await this.dataSource.transaction(async (manager) => {
          const { report } = await this.lockForWrite(manager, user, r.id, r.version);
          // Already reviewed (or withdrawn) says more than "changed": checked first.
          if (report.status !== 'SUBMITTED')
            throw new ReportError('CONFLICT', '该报告已不在待审核状态（可能已被他人审核）', { status: report.status });
          this.checkVersion(report, r.version);
          return this.decide(manager, user, report, 'ACCEPT', null, requestId);
        });
        outcomes.push({ id: r.id, result: 'ACCEPTED', code: null, message: null, report });
      } catch (e) {
        if (!(e instanceof DomainError) || (e.code !== 'CONFLICT' && e.code !== 'NOT_FOUND')) throw e;
        const result = e.code === 'NOT_FOUND' ? 'NOT_FOUND' : e.details?.status ? 'NOT_SUBMITTED' : 'STALE';
        const report =
          result === 'NOT_FOUND' ? null : await this.dataSource.getRepository(ProgressReport).findOneBy({ id: r.id.toLowerCase() });
        outcomes.push({ id: r.id, result, code: e.code, message: e.message, report });
      }
    }
    return outcomes;
  }

  /** The decision on a locked, checked, SUBMITTED report: its state, the totals, the audit. */
  private async decide(
    manager: EntityManager,
    user: AuthUser,
    report: ProgressReport,
    decision: ReviewDecision,
    comment: string | null,
    requestId: string,
  ): Promise<ProgressReport> {
    const before = await snapshot(manager, report);
    await shiftReportTotals(manager, report.id, -1);
    await this.bump(manager, report, { status: decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED', reviewComment: comment }, 'reviewed');
    await shiftReportTotals(manager, report.id, 1);
    const after = await manager.findOneByOrFail(ProgressReport, { id: report.id });
    await this.audit.record(manager, auditActor(user, requestId), {
      action: decision === 'ACCEPT' ? 'report.accept' : 'report.return',
      entity: 'progress_report',
      entityId: report.id,
      before,
      after: await snapshot(manager, after),
    });
    return after;
  }

  /**
   * Writes changed columns and raises the version by one, only if the version is still the one
   * read (the row is locked, so this is a second guard, not the first): 0 rows is a CONFLICT.
   */
  private async bump(manager: EntityManager, report: ProgressReport, changes: ReportChanges, stamp?: 'submitted' | 'reviewed') {
    if (!(await bumpReport(manager, report.id, report.version, changes, stamp)))
      throw new ReportError('CONFLICT', '报告已被他人修改,请刷新后再改', { currentVersion: report.version });
  }
}
