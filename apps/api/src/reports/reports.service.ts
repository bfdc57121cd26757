import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EDITABLE_REPORT_STATUSES } from '@luoshi/domain';
import { auditActor, AuditService } from '../audit/audit.service';
import type { AuthUser } from '../common/request-context';
import { checkId, notFound } from '../common/id-checks';
import { ReviewProgressReportArgs, SaveProgressReportInput, SubmitProgressReportArgs } from './dto/report.inputs';
import { assertCanRead, assertCanWrite, WriteContext } from './report-access';
import { shiftReportTotals } from './report-totals';
import { checkFigures, measureFacts } from './report-validation';
import { ReportError } from './report.errors';
import { ProgressReport } from './progress-report.entity';

const TEXT_FIELDS = ['progress', 'problems', 'nextSteps', 'unitStatus'] as const;

/** A report as the audit keeps it: every field a person can change, figures included. */
async function snapshot(manager: EntityManager, report: ProgressReport) {
  const values: { targetId: string; countyId: string; value: number }[] = (
    await manager.query(`SELECT target_id, county_id, value FROM report_figure WHERE report_id = $1 ORDER BY target_id, county_id`, [
      report.id,
    ])
  ).map((r: { target_id: string; county_id: string; value: string }) => ({
    targetId: r.target_id,
    countyId: r.county_id,
    value: Number(r.value),
  }));
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
    const rows: { kind: 'DEPARTMENT' | 'COUNTY'; active: boolean }[] = await manager.query(
      `SELECT kind, active FROM agency WHERE id = $1`,
      [agencyId],
    );
    if (rows.length === 0) throw notFound('单位', agencyId, 'agencyId');
    return { agencyId, agencyKind: rows[0].kind, responsibleAgencyIds: responsible, active: rows[0].active };
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
    const period: { policy_id: string }[] = await manager.query(`SELECT policy_id FROM reporting_period WHERE id = $1`, [periodId]);
    if (period.length === 0) throw notFound('填报期', input.periodId!, 'periodId');
    if (period[0].policy_id !== facts.policyId)
      throw new ReportError('BAD_USER_INPUT', '填报期与措施不属于同一政策文件', { field: 'periodId' });
    const ctx = await this.writeContext(manager, agencyId, facts.responsibleAgencyIds);
    assertCanWrite(user, ctx);
    // A deactivated (or merged) unit gets no new tasks: its existing reports stay readable and editable by the office.
    if (!ctx.active) throw new ReportError('CONFLICT', '该单位已停用，不能新建报告', { field: 'agencyId' });
    const figures = await checkFigures(manager, user, ctx, facts, input.values ?? []);

    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO progress_report (measure_id, agency_id, period_id, progress, problems, next_steps, unit_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (measure_id, agency_id, period_id) DO NOTHING RETURNING id`,
      [measureId, agencyId, periodId, input.progress ?? '', input.problems ?? '', input.nextSteps ?? '', input.unitStatus ?? null],
    );
    if (inserted.length === 0) {
      const existing: { id: string; version: number }[] = await manager.query(
        `SELECT id, version FROM progress_report WHERE measure_id = $1 AND agency_id = $2 AND period_id = $3`,
        [measureId, agencyId, periodId],
      );
      throw new ReportError('CONFLICT', '该单位本期这项措施已有报告,请在原报告上修改', {
        reportId: existing[0]?.id,
        currentVersion: existing[0]?.version,
      });
    }
    const id = inserted[0].id;
    await this.replaceFigures(manager, id, figures);
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

    const changes: Partial<ProgressReport> = {};
    for (const field of TEXT_FIELDS)
      if (input[field] !== undefined && input[field] !== null) Object.assign(changes, { [field]: input[field] });
    await this.bump(manager, report, changes);
    if (figures) await this.replaceFigures(manager, report.id, figures);
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
      await this.bump(
        manager,
        report,
        { status: 'SUBMITTED' },
        `submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now())`,
      );
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
      const before = await snapshot(manager, report);
      await shiftReportTotals(manager, report.id, -1);
      await this.bump(
        manager,
        report,
        { status: args.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED', reviewComment: comment },
        `reviewed_at = now()`,
      );
      await shiftReportTotals(manager, report.id, 1);
      const after = await manager.findOneByOrFail(ProgressReport, { id: report.id });
      await this.audit.record(manager, auditActor(user, requestId), {
        action: args.decision === 'ACCEPT' ? 'report.accept' : 'report.return',
        entity: 'progress_report',
        entityId: report.id,
        before,
        after: await snapshot(manager, after),
      });
      return after;
    });
  }

  /**
   * Writes changed columns and raises the version by one, only if the version is still the one
   * read (the row is locked, so this is a second guard, not the first): 0 rows is a CONFLICT.
   */
  private async bump(manager: EntityManager, report: ProgressReport, changes: Partial<ProgressReport>, extraSet?: string) {
    const columns: Record<string, string> = {
      progress: 'progress',
      problems: 'problems',
      nextSteps: 'next_steps',
      unitStatus: 'unit_status',
      status: 'status',
      reviewComment: 'review_comment',
    };
    const sets: string[] = [];
    const params: unknown[] = [report.id, report.version];
    for (const [key, value] of Object.entries(changes)) {
      params.push(value);
      sets.push(`${columns[key]} = $${params.length}`);
    }
    if (extraSet) sets.push(extraSet);
    sets.push('version = version + 1', 'updated_at = now()');
    const result: [unknown[], number] = await manager.query(
      `UPDATE progress_report SET ${sets.join(', ')} WHERE id = $1 AND version = $2`,
      params,
    );
    if (result[1] !== 1) throw new ReportError('CONFLICT', '报告已被他人修改,请刷新后再改', { currentVersion: report.version });
  }

  private async replaceFigures(manager: EntityManager, reportId: string, figures: { targetId: string; countyId: string; value: number }[]) {
    await manager.query(`DELETE FROM report_figure WHERE report_id = $1`, [reportId]);
    if (figures.length === 0) return;
    await manager.query(
      `INSERT INTO report_figure (report_id, target_id, county_id, value)
       SELECT $1, t, c, v FROM unnest($2::uuid[], $3::uuid[], $4::numeric[]) AS x(t, c, v)`,
      [reportId, figures.map((f) => f.targetId), figures.map((f) => f.countyId), figures.map((f) => f.value)],
    );
  }
}
