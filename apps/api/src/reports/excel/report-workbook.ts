import ExcelJS from 'exceljs';
import { writeHeader } from '../../common/excel-cells';

/**
 * The layout of a unit's quarterly report as an Excel workbook, shared by the template writer and
 * the importer so that what is downloaded is exactly what is read back.
 */
export const SHEETS = { guide: '填报说明', texts: '工作进展', figures: '指标数据', meta: '_meta' } as const;
/**
 * A quarter's template covers every policy the unit reports on, on the same two sheets: the first
 * column (文号) says whose measure a row is, so a measure is (文号, 措施编号). One sheet pair rather
 * than a pair per policy: a unit under many notices still fills (and filters, and sorts) one table.
 */
export const TEXT_COLUMNS = ['文号', '措施编号', '措施', '工作进展', '存在问题', '下一步计划', '自评状态'] as const;
export const FIGURE_COLUMNS = ['文号', '措施编号', '指标', '计量单位', '县(市、区)', '区划代码', '本期完成值', '上期值(参考)'] as const;
/** 2: the 文号 column and a quarter's several policies (1 had one period of one policy). */
export const FORMAT_VERSION = 'luoshi-report-2';

/**
 * How big a template can get when the upload does not say which quarter it is for: one row per
 * measure on 工作进展, one per target and county on 指标数据. A city's notice has tens of measures
 * and targets, and a city about ten counties (Jiangmen: 7); these bounds leave several times that
 * room. An upload that names its quarter is bounded by that quarter's own tasks instead
 * (templateRows, workbook-guard.ts), however many policies the quarter spans.
 */
export const TEMPLATE_BOUNDS = { measures: 500, targetsPerUnit: 100, counties: 20 } as const;
export const MAX_TEMPLATE_ROWS = 1 + Math.max(TEMPLATE_BOUNDS.measures, TEMPLATE_BOUNDS.targetsPerUnit * TEMPLATE_BOUNDS.counties);
export const TEMPLATE_SHEET_COUNT = Object.keys(SHEETS).length;

export const UNIT_STATUS_LABELS = { ON_TRACK: '进展顺利', AT_RISK: '存在风险', BEHIND: '进度滞后', DONE: '已完成' } as const;

export interface TemplateMeasure {
  docNumber: string;
  seq: number;
  title: string;
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: keyof typeof UNIT_STATUS_LABELS | null;
  editable: boolean;
}

export interface TemplateFigure {
  docNumber: string;
  measureSeq: number;
  targetId: string;
  countyId: string;
  targetName: string;
  unit: string;
  countyName: string;
  regionCode: string;
  value: number | null;
  previous: number | null;
}

/** One policy's period in a template. */
export interface TemplatePolicy {
  policyId: string;
  docNumber: string;
  policyTitle: string;
  periodId: string;
  /** The unit's due date for the period, its extension applied. */
  dueOn: string;
}

/** What a template is for: one period (the old per-policy form) or a quarter across policies. */
export type TemplateScope = { periodId: string } | { quarter: string };

export interface TemplateData {
  scope: TemplateScope;
  agencyName: string;
  agencyId: string;
  periodLabel: string;
  /** In issue-date order, then doc number: the order of the rows. */
  policies: TemplatePolicy[];
  measures: TemplateMeasure[];
  figures: TemplateFigure[];
}

/** Rows of the template's longest sheet, its header included. */
export const templateRows = (data: Pick<TemplateData, 'measures' | 'figures'>) => 1 + Math.max(data.measures.length, data.figures.length);

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export async function writeReportTemplate(data: TemplateData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Luoshi';
  book.created = new Date(0); // a fixed date: the same data gives the same file

  const guide = book.addWorksheet(SHEETS.guide);
  guide.getColumn(1).width = 100;
  [
    `${data.agencyName} ${data.periodLabel} 填报表`,
    '本表包括以下政策文件(截止日期已计入延期):',
    ...data.policies.map((p) => `${p.docNumber} ${p.policyTitle}    截止日期：${p.dueOn}`),
    '',
    '1. 在“工作进展”表填写每项措施本期的工作进展、存在问题、下一步计划,自评状态从下拉列表中选择。“文号”列说明措施属于哪份文件。',
    '2. 在“指标数据”表的“本期完成值”列填写本季度内完成的数量(不是累计数),不能为负数;没有数据的留空。',
    '3. 灰色的行已提交或已通过审核,不会被导入。请勿修改文号、措施编号、指标、区划代码,也不要增删表格或改动表头。',
    '4. 填好后在“落实”系统的填报页面选择“导入 Excel”上传。文件有误时系统会列出出错的单元格,且不会保存任何内容。',
  ].forEach((line) => guide.addRow([line]));
  guide.getRow(1).font = { bold: true, size: 14 };

  const texts = book.addWorksheet(SHEETS.texts);
  writeHeader(texts, TEXT_COLUMNS, [22, 10, 40, 60, 40, 40, 14]);
  for (const m of data.measures) {
    const row = texts.addRow([
      m.docNumber,
      m.seq,
      m.title,
      m.progress,
      m.problems,
      m.nextSteps,
      m.unitStatus ? UNIT_STATUS_LABELS[m.unitStatus] : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (!m.editable) row.eachCell((cell) => (cell.fill = LOCKED_FILL));
    row.getCell(7).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(UNIT_STATUS_LABELS).join(',')}"`] };
  }

  const figures = book.addWorksheet(SHEETS.figures);
  writeHeader(figures, FIGURE_COLUMNS, [22, 10, 24, 10, 14, 12, 14, 14]);
  for (const f of data.figures) {
    const row = figures.addRow([f.docNumber, f.measureSeq, f.targetName, f.unit, f.countyName, f.regionCode, f.value, f.previous]);
    row.getCell(6).numFmt = '@';
    row.getCell(7).dataValidation = {
      type: 'decimal',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      error: '请填写不小于 0 的数字',
    };
  }

  const meta = book.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  meta.addRows([
    ['format', FORMAT_VERSION],
    'quarter' in data.scope ? ['quarter', data.scope.quarter] : ['periodId', data.scope.periodId],
    ['agencyId', data.agencyId],
    // For the record only: the import checks every row against the scope's tasks as they are then.
    ['periodIds', data.policies.map((p) => p.periodId).join(',')],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
