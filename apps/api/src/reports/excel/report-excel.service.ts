import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/request-context';
import { checkId, notFound } from '../../common/id-checks';
import { reportingUnitOf, templatePoliciesOf } from '../../policy/policy-for-reports.queries';
import { reportingUnit } from '../report-lists.service';
import { checkQuarter } from '../report-quarters';
import { ReportError } from '../report.errors';
import { ReportsService } from '../reports.service';
import { CellError, ImportedReport, readReportWorkbook } from './report-import';
import { measureAndReportBySeq, templateFigures, templateMeasures } from './report-excel.queries';
import { TemplateData, TemplatePolicy, templateRows, TemplateScope, writeReportTemplate } from './report-workbook';
import { REPORT_WORKBOOK_BOUNDS, reportWorkbookBounds } from './workbook-guard';

/** Whose template, for what: the unit and the policies' periods it covers (in row order). */
interface Context {
  scope: TemplateScope;
  agencyId: string;
  agencyName: string;
  agencyKind: 'DEPARTMENT' | 'COUNTY';
  periodLabel: string;
  policies: TemplatePolicy[];
}

export interface ImportResult {
  saved: { docNumber: string; measureSeq: number; id: string; version: number; status: string }[];
}

/** What the HTTP layer passes: `quarter` or `periodId` (exactly one), and the unit where not the reporter's own. */
export interface ScopeQuery {
  quarter?: string;
  periodId?: string;
  agencyId?: string;
}

/** The query's scope, if it names one; both or an empty one is a mistake. */
export function scopeOf(query: ScopeQuery): TemplateScope | null {
  if (query.quarter && query.periodId)
    throw new ReportError('BAD_USER_INPUT', '请只指定填报期或季度之一 (give periodId or quarter, not both)', { field: 'quarter' });
  if (query.quarter) return { quarter: checkQuarter(query.quarter) };
  if (query.periodId) return { periodId: query.periodId };
  return null;
}

/**
 * The unit's quarterly report as an Excel workbook: download the template, upload it filled in.
 * A quarter's template covers every published policy with a period of that quarter where the unit
 * is responsible; a period's (the older form) covers that one policy.
 */
@Injectable()
export class ReportExcelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  private async context(user: AuthUser, scope: TemplateScope, agencyId?: string | null): Promise<Context> {
    const agency = reportingUnit(user, agencyId);
    const unit = await reportingUnitOf(this.dataSource, agency);
    if (!unit) throw notFound('单位', agency, 'agencyId');
    const byPeriod = 'periodId' in scope;
    const policies = await templatePoliciesOf(
      this.dataSource,
      byPeriod ? { periodId: checkId(scope.periodId, '填报期', 'periodId') } : { quarter: scope.quarter },
      agency,
    );
    if (policies.length === 0) {
      if (byPeriod) throw notFound('填报期', scope.periodId, 'periodId');
      throw new ReportError('NOT_FOUND', `该单位在 ${scope.quarter} 没有填报任务 (no tasks for the unit in ${scope.quarter})`, {
        field: 'quarter',
      });
    }
    return {
      scope: byPeriod ? { periodId: policies[0].periodId } : scope,
      agencyId: agency,
      agencyName: unit.name,
      agencyKind: unit.kind,
      periodLabel: policies[0].label,
      policies: policies.map(({ label: _label, ...p }) => p),
    };
  }

  /** Two statements, whatever the number of policies: the measures, then the figure cells. */
  private async templateData(ctx: Context): Promise<TemplateData> {
    const periodIds = ctx.policies.map((p) => p.periodId);
    const measures = await templateMeasures(this.dataSource, ctx.agencyId, periodIds);
    const figures = await templateFigures(this.dataSource, ctx.agencyId, periodIds, ctx.agencyKind);
    return {
      scope: ctx.scope,
      agencyId: ctx.agencyId,
      agencyName: ctx.agencyName,
      periodLabel: ctx.periodLabel,
      policies: ctx.policies,
      measures: measures.map(({ status, ...m }) => ({ ...m, editable: status === null || status === 'DRAFT' || status === 'RETURNED' })),
      figures,
    };
  }

  async template(user: AuthUser, query: ScopeQuery): Promise<{ filename: string; content: Buffer }> {
    const scope = scopeOf(query);
    if (!scope) throw new ReportError('BAD_USER_INPUT', '请指定季度(quarter)或填报期(periodId)', { field: 'quarter' });
    const ctx = await this.context(user, scope, query.agencyId);
    const content = await writeReportTemplate(await this.templateData(ctx));
    return { filename: templateFilename(ctx.agencyName, ctx.periodLabel), content };
  }

  /**
   * Reads a filled-in template. Any wrong cell refuses the whole file with the list of cells;
   * otherwise every measure with content is saved as a draft, all in one transaction. An upload
   * that names its quarter (or period) is bounded by that template's size before it is opened, and
   * must be that quarter's file.
   */
  async import(user: AuthUser, file: Buffer | undefined, requestId: string, query: ScopeQuery = {}): Promise<ImportResult> {
    if (!file?.length) throw new ReportError('BAD_USER_INPUT', '请选择要导入的 Excel 文件(表单字段 file)', { field: 'file' });
    const expected = scopeOf(query);
    let template: TemplateData | null = null;
    if (expected) template = await this.templateData(await this.context(user, expected, query.agencyId));
    const { meta, read } = await readReportWorkbook(file, template ? reportWorkbookBounds(templateRows(template)) : REPORT_WORKBOOK_BOUNDS);
    if (template && (JSON.stringify(meta.scope) !== JSON.stringify(template.scope) || meta.agencyId !== template.agencyId)) {
      throw new ReportError('BAD_USER_INPUT', `这不是本单位 ${template.periodLabel} 的填报表：请上传本页下载的模板`, { field: 'file' });
    }
    const ctx = await this.context(user, meta.scope, meta.agencyId);
    template ??= await this.templateData(ctx);
    const { reports, errors } = read(template);
    if (errors.length) throw importRefused(errors);
    return this.dataSource.transaction(async (manager) => {
      const saved: ImportResult['saved'] = [];
      for (const report of reports) saved.push(await this.saveOne(manager, user, ctx, report, requestId));
      return { saved };
    });
  }

  private async saveOne(manager: EntityManager, user: AuthUser, ctx: Context, report: ImportedReport, requestId: string) {
    const policy = ctx.policies.find((p) => p.docNumber === report.docNumber)!;
    const ids = (await measureAndReportBySeq(manager, policy.policyId, ctx.agencyId, policy.periodId, report.measureSeq))!;
    const values = report.figures.map((f) => ({ targetId: f.targetId, countyId: f.countyId, value: f.value }));
    const texts = {
      progress: report.progress,
      problems: report.problems,
      nextSteps: report.nextSteps,
      unitStatus: report.unitStatus,
      values,
    };
    const input = ids.report_id
      ? { id: ids.report_id, version: ids.version, ...texts }
      : { measureId: ids.measure_id, periodId: policy.periodId, agencyId: ctx.agencyId, ...texts };
    const saved = await this.reports.saveWithin(manager, user, input, requestId);
    return { docNumber: report.docNumber, measureSeq: report.measureSeq, id: saved.id, version: saved.version, status: saved.status };
  }
}

function importRefused(errors: CellError[]) {
  const shown = errors
    .slice(0, 5)
    .map((e) => `${e.sheet}!${e.cell}：${e.message}`)
    .join(';');
  return new ReportError(
    'BAD_USER_INPUT',
    `Excel 文件有 ${errors.length} 处错误,未保存任何内容。${shown}${errors.length > 5 ? '……' : ''}`,
    { errors },
  );
}

/**
 * The downloaded template's name, as an official files it: the unit and the quarter, 2026Q4 as
 * 2026年第4季度 (`台山市-2026年第4季度-填报模板.xlsx`); characters a file name cannot hold become `_`.
 */
export function templateFilename(unit: string, periodLabel: string): string {
  const quarter = /^(\d{4})Q([1-4])$/.exec(periodLabel);
  const when = quarter ? `${quarter[1]}年第${quarter[2]}季度` : periodLabel;
  return `${unit}-${when}-填报模板.xlsx`.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_');
}
