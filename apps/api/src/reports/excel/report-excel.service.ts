import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/request-context';
import { checkId, notFound } from '../../policy/policy.errors';
import { assertCanRead } from '../report-access';
import { ReportError } from '../report.errors';
import { ReportsService } from '../reports.service';
import { CellError, ImportedReport, readReportWorkbook } from './report-import';
import { TemplateData, TemplateFigure, TemplateMeasure, writeReportTemplate } from './report-workbook';

interface Context {
  policyId: string;
  docNumber: string;
  policyTitle: string;
  periodId: string;
  periodLabel: string;
  dueOn: string;
  agencyId: string;
  agencyName: string;
  agencyKind: 'DEPARTMENT' | 'COUNTY';
}

export interface ImportResult {
  saved: { measureSeq: number; id: string; version: number; status: string }[];
}

/** The unit's quarterly report as an Excel workbook: download the template, upload it filled in. */
@Injectable()
export class ReportExcelService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
  ) {}

  private async context(user: AuthUser, periodId: string, agencyId?: string | null): Promise<Context> {
    const agency = agencyId ? checkId(agencyId, '单位', 'agencyId') : user.agencyId;
    if (!agency) throw new ReportError('BAD_USER_INPUT', '请指定单位', { field: 'agencyId' });
    assertCanRead(user, agency);
    const rows: Context[] = await this.dataSource.query(
      `SELECT pol.id AS "policyId", pol.doc_number AS "docNumber", pol.title AS "policyTitle", p.id AS "periodId", p.label AS "periodLabel",
              p.due_on AS "dueOn", a.id AS "agencyId", a.name AS "agencyName", a.kind AS "agencyKind"
         FROM reporting_period p JOIN policy pol ON pol.id = p.policy_id, agency a WHERE p.id = $1 AND a.id = $2`,
      [checkId(periodId, '填报期', 'periodId'), agency],
    );
    if (rows.length === 0) throw notFound('填报期或单位', `${periodId}/${agency}`);
    return rows[0];
  }

  private async templateData(ctx: Context): Promise<TemplateData> {
    const measures: (TemplateMeasure & { status: string | null })[] = await this.dataSource.query(
      `SELECT m.seq, m.title, coalesce(r.progress, '') AS progress, coalesce(r.problems, '') AS problems,
              coalesce(r.next_steps, '') AS "nextSteps", r.unit_status AS "unitStatus", r.status
         FROM measure m JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $2
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = $3
        WHERE m.policy_id = $1 ORDER BY m.seq`,
      [ctx.policyId, ctx.agencyId, ctx.periodId],
    );
    const figures: (Omit<TemplateFigure, 'value' | 'previous'> & { value: string | null; previous: string | null })[] = await this.dataSource.query(
      `SELECT m.seq AS "measureSeq", t.id AS "targetId", c.id AS "countyId", t.name AS "targetName", t.unit, c.name AS "countyName", c.region_code AS "regionCode",
              (SELECT f.value FROM report_figure f JOIN progress_report r ON r.id = f.report_id
                WHERE r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = $3 AND f.target_id = t.id AND f.county_id = c.id) AS value,
              (SELECT f.value FROM report_figure f JOIN progress_report r ON r.id = f.report_id JOIN reporting_period pp ON pp.id = r.period_id
                WHERE r.measure_id = m.id AND r.agency_id = $2 AND f.target_id = t.id AND f.county_id = c.id
                  AND pp.starts_on < (SELECT starts_on FROM reporting_period WHERE id = $3)
                ORDER BY pp.starts_on DESC LIMIT 1) AS previous
         FROM measure m JOIN responsibility resp ON resp.measure_id = m.id AND resp.agency_id = $2
         JOIN target t ON t.measure_id = m.id
         JOIN agency c ON c.kind = 'COUNTY' AND c.merged_into_id IS NULL AND ($4 = 'DEPARTMENT' OR c.id = $2)
        WHERE m.policy_id = $1 ORDER BY m.seq, t.name, c.region_code`,
      [ctx.policyId, ctx.agencyId, ctx.periodId, ctx.agencyKind],
    );
    return {
      ...ctx,
      measures: measures.map(({ status, ...m }) => ({ ...m, editable: status === null || status === 'DRAFT' || status === 'RETURNED' })),
      figures: figures.map((f) => ({ ...f, value: f.value === null ? null : Number(f.value), previous: f.previous === null ? null : Number(f.previous) })),
    };
  }

  async template(user: AuthUser, periodId: string, agencyId?: string | null): Promise<{ filename: string; content: Buffer }> {
    const ctx = await this.context(user, periodId, agencyId);
    const content = await writeReportTemplate(await this.templateData(ctx));
    return { filename: `${ctx.agencyName}-${ctx.periodLabel}-填报表.xlsx`, content };
  }

  /**
   * Reads a filled-in template. Any wrong cell refuses the whole file with the list of cells;
   * otherwise every measure with content is saved as a draft, all in one transaction.
   */
  async import(user: AuthUser, file: Buffer | undefined, requestId: string): Promise<ImportResult> {
    if (!file?.length) throw new ReportError('BAD_USER_INPUT', '请选择要导入的 Excel 文件(表单字段 file)', { field: 'file' });
    const { meta, read } = await readReportWorkbook(file);
    const ctx = await this.context(user, meta.periodId, meta.agencyId);
    const template = await this.templateData(ctx);
    const { reports, errors } = read(template);
    if (errors.length) throw importRefused(errors);
    return this.dataSource.transaction(async (manager) => {
      const saved: ImportResult['saved'] = [];
      for (const report of reports) saved.push(await this.saveOne(manager, user, ctx, report, requestId));
      return { saved };
    });
  }

  private async saveOne(manager: import('typeorm').EntityManager, user: AuthUser, ctx: Context, report: ImportedReport, requestId: string) {
    const [ids] = await manager.query(
      `SELECT m.id AS measure_id, r.id AS report_id, r.version FROM measure m
         LEFT JOIN progress_report r ON r.measure_id = m.id AND r.agency_id = $2 AND r.period_id = $3
        WHERE m.policy_id = $1 AND m.seq = $4`,
      [ctx.policyId, ctx.agencyId, ctx.periodId, report.measureSeq],
    );
    const values = report.figures.map((f) => ({ targetId: f.targetId, countyId: f.countyId, value: f.value }));
    const texts = { progress: report.progress, problems: report.problems, nextSteps: report.nextSteps, unitStatus: report.unitStatus, values };
    const input = ids.report_id
      ? { id: ids.report_id, version: ids.version, ...texts }
      : { measureId: ids.measure_id, periodId: ctx.periodId, agencyId: ctx.agencyId, ...texts };
    const saved = await this.reports.saveWithin(manager, user, input, requestId);
    return { measureSeq: report.measureSeq, id: saved.id, version: saved.version, status: saved.status };
  }
}

function importRefused(errors: CellError[]) {
  const shown = errors.slice(0, 5).map((e) => `${e.sheet}!${e.cell}:${e.message}`).join(';');
  return new ReportError('BAD_USER_INPUT', `Excel 文件有 ${errors.length} 处错误,未保存任何内容。${shown}${errors.length > 5 ? '……' : ''}`, { errors });
}
