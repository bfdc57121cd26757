import ExcelJS from 'exceljs';
import { writeHeader } from '../../common/excel-cells';

/**
 * The layout of a unit's quarterly report as an Excel workbook, shared by the template writer and
 * the importer so that what is downloaded is exactly what is read back.
 */
export const SHEETS = { guide: '填报说明', texts: '工作进展', figures: '指标数据', meta: '_meta' } as const;
export const TEXT_COLUMNS = ['措施编号', '措施', '工作进展', '存在问题', '下一步计划', '自评状态'] as const;
export const FIGURE_COLUMNS = ['措施编号', '指标', '计量单位', '县(市、区)', '区划代码', '本期完成值', '上期值(参考)'] as const;
export const FORMAT_VERSION = 'luoshi-report-1';

/**
 * How big a template can get: one row per measure on 工作进展, one per target and county on 指标数据.
 * A city's notice has tens of measures and targets, and a city about ten counties (Jiangmen: 7);
 * these bounds leave several times that room. A workbook with more sheets or rows than this cannot
 * be a template, so the importer refuses it before reading it (workbook-guard.ts).
 */
export const TEMPLATE_BOUNDS = { measures: 500, targetsPerUnit: 100, counties: 20 } as const;
export const MAX_TEMPLATE_ROWS = 1 + Math.max(TEMPLATE_BOUNDS.measures, TEMPLATE_BOUNDS.targetsPerUnit * TEMPLATE_BOUNDS.counties);
export const TEMPLATE_SHEET_COUNT = Object.keys(SHEETS).length;

export const UNIT_STATUS_LABELS = { ON_TRACK: '进展顺利', AT_RISK: '存在风险', BEHIND: '进度滞后', DONE: '已完成' } as const;

export interface TemplateMeasure {
  seq: number;
  title: string;
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: keyof typeof UNIT_STATUS_LABELS | null;
  editable: boolean;
}

export interface TemplateFigure {
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

export interface TemplateData {
  docNumber: string;
  policyTitle: string;
  agencyName: string;
  periodLabel: string;
  dueOn: string;
  policyId: string;
  periodId: string;
  agencyId: string;
  measures: TemplateMeasure[];
  figures: TemplateFigure[];
}

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };


export async function writeReportTemplate(data: TemplateData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Luoshi';
  book.created = new Date(0); // a fixed date: the same data gives the same file

  const guide = book.addWorksheet(SHEETS.guide);
  guide.getColumn(1).width = 100;
  [
    `${data.docNumber} ${data.policyTitle}`,
    `填报单位:${data.agencyName}    填报期:${data.periodLabel}    截止日期:${data.dueOn}`,
    '',
    '1. 在“工作进展”表填写每项措施本期的工作进展、存在问题、下一步计划,自评状态从下拉列表中选择。',
    '2. 在“指标数据”表的“本期完成值”列填写本季度内完成的数量(不是累计数),不能为负数;没有数据的留空。',
    '3. 灰色的行已提交或已通过审核,不会被导入。请勿修改措施编号、指标、区划代码,也不要增删表格或改动表头。',
    '4. 填好后在“落实”系统的填报页面选择“导入 Excel”上传。文件有误时系统会列出出错的单元格,且不会保存任何内容。',
  ].forEach((line) => guide.addRow([line]));
  guide.getRow(1).font = { bold: true, size: 14 };

  const texts = book.addWorksheet(SHEETS.texts);
  writeHeader(texts, TEXT_COLUMNS, [10, 40, 60, 40, 40, 14]);
  for (const m of data.measures) {
    const row = texts.addRow([m.seq, m.title, m.progress, m.problems, m.nextSteps, m.unitStatus ? UNIT_STATUS_LABELS[m.unitStatus] : '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (!m.editable) row.eachCell((cell) => (cell.fill = LOCKED_FILL));
    row.getCell(6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(UNIT_STATUS_LABELS).join(',')}"`] };
  }

  const figures = book.addWorksheet(SHEETS.figures);
  writeHeader(figures, FIGURE_COLUMNS, [10, 24, 10, 14, 12, 14, 14]);
  for (const f of data.figures) {
    const row = figures.addRow([f.measureSeq, f.targetName, f.unit, f.countyName, f.regionCode, f.value, f.previous]);
    row.getCell(5).numFmt = '@';
    row.getCell(6).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], error: '请填写不小于 0 的数字' };
  }

  const meta = book.addWorksheet(SHEETS.meta, { state: 'veryHidden' });
  meta.addRows([
    ['format', FORMAT_VERSION],
    ['policyId', data.policyId],
    ['periodId', data.periodId],
    ['agencyId', data.agencyId],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
