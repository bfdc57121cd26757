import ExcelJS from 'exceljs';
import { cellText } from '../../common/excel-cells';
import type { UnitStatus } from '@luoshi/domain';
import { MAX_TEXT } from '../dto/report.inputs';
import { FIGURE_COLUMNS, FORMAT_VERSION, SHEETS, TemplateData, TemplateScope, TEXT_COLUMNS, UNIT_STATUS_LABELS } from './report-workbook';
import { ReportError } from '../report.errors';
import { checkImportedWorkbook, REPORT_WORKBOOK_BOUNDS, WorkbookBounds } from './workbook-guard';

export interface CellError {
  sheet: string;
  cell: string;
  message: string;
}

export interface ImportedReport {
  docNumber: string;
  measureSeq: number;
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: UnitStatus | null;
  figures: { targetId: string; countyId: string; value: number }[];
}

const STATUS_BY_LABEL = new Map<string, UnitStatus>(
  (Object.entries(UNIT_STATUS_LABELS) as [UnitStatus, string][]).map(([k, label]) => [label, k]),
);

function checkHeader(sheet: ExcelJS.Worksheet, columns: readonly string[], errors: CellError[]) {
  columns.forEach((name, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (cellText(cell) !== name) errors.push({ sheet: sheet.name, cell: cell.address, message: `表头应为“${name}”` });
  });
}

/** A measure of a template: its policy's doc number and its number in that policy. */
// Keys compare what a cell gives back: cellText trims, and an empty cell is '' (a missing region code too).
const keyPart = (value: string | number | null | undefined) => String(value ?? '').trim();
const measureKey = (docNumber: string, seq: number | string) => `${keyPart(docNumber)}|${keyPart(seq)}`;

/** Opens the workbook and checks it is one of ours; `read` then checks every cell against the unit's template. */
export async function readReportWorkbook(file: Buffer, bounds: WorkbookBounds = REPORT_WORKBOOK_BOUNDS) {
  await checkImportedWorkbook(file, bounds); // before ExcelJS inflates anything
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ReportError('BAD_USER_INPUT', '无法读取该文件：请上传从系统下载的 .xlsx 填报表', { field: 'file' });
  }
  const metaSheet = book.getWorksheet(SHEETS.meta);
  const meta = new Map<string, string>();
  metaSheet?.eachRow((row) => meta.set(cellText(row.getCell(1)), cellText(row.getCell(2))));
  const quarter = meta.get('quarter');
  const periodId = meta.get('periodId');
  if (meta.get('format') !== FORMAT_VERSION || !(quarter || periodId) || !meta.get('agencyId')) {
    throw new ReportError('BAD_USER_INPUT', '这不是本系统的填报表(或是旧版模板、表格结构已被改动)：请重新下载模板填写', { field: 'file' });
  }
  const scope: TemplateScope = quarter ? { quarter } : { periodId: periodId! };

  return {
    meta: { scope, agencyId: meta.get('agencyId')! },
    read(template: TemplateData): { reports: ImportedReport[]; errors: CellError[] } {
      const errors: CellError[] = [];
      const texts = book.getWorksheet(SHEETS.texts);
      const figures = book.getWorksheet(SHEETS.figures);
      if (!texts || !figures)
        return { reports: [], errors: [{ sheet: '', cell: '', message: `缺少“${SHEETS.texts}”或“${SHEETS.figures}”工作表` }] };
      checkHeader(texts, TEXT_COLUMNS, errors);
      checkHeader(figures, FIGURE_COLUMNS, errors);
      if (errors.length) return { reports: [], errors };

      const measures = new Map(template.measures.map((m) => [measureKey(m.docNumber, m.seq), m]));
      const reports = new Map<string, ImportedReport>();
      const blank = (docNumber: string, seq: number): ImportedReport => ({
        docNumber,
        measureSeq: seq,
        progress: '',
        problems: '',
        nextSteps: '',
        unitStatus: null,
        figures: [],
      });

      texts.eachRow((row, n) => {
        if (n === 1) return;
        const [docCell, seqCell] = [row.getCell(1), row.getCell(2)];
        if (!cellText(docCell) && !cellText(seqCell) && !cellText(row.getCell(4))) return;
        const seq = Number(cellText(seqCell));
        const key = measureKey(cellText(docCell), seq);
        const measure = measures.get(key);
        if (!measure)
          return void errors.push({ sheet: texts.name, cell: seqCell.address, message: '文号和措施编号不在本单位本期的填报任务中' });
        if (reports.has(key)) return void errors.push({ sheet: texts.name, cell: seqCell.address, message: '同一措施出现了两次' });
        const [progress, problems, nextSteps, status] = [4, 5, 6, 7].map((c) => cellText(row.getCell(c)));
        const report = {
          ...blank(measure.docNumber, seq),
          progress,
          problems,
          nextSteps,
          unitStatus: status ? (STATUS_BY_LABEL.get(status) ?? null) : null,
        };
        if (status && !report.unitStatus)
          errors.push({
            sheet: texts.name,
            cell: row.getCell(7).address,
            message: `自评状态须为：${[...STATUS_BY_LABEL.keys()].join('、')}`,
          });
        [progress, problems, nextSteps].forEach((value, i) => {
          if (value.length > MAX_TEXT)
            errors.push({ sheet: texts.name, cell: row.getCell(4 + i).address, message: `不能超过 ${MAX_TEXT} 字` });
        });
        const changed =
          progress !== measure.progress ||
          problems !== measure.problems ||
          nextSteps !== measure.nextSteps ||
          report.unitStatus !== measure.unitStatus;
        if (!measure.editable && changed)
          errors.push({ sheet: texts.name, cell: seqCell.address, message: '该措施本期报告已提交,不能再通过导入修改' });
        if (measure.editable) reports.set(key, report);
      });

      const allowed = new Map(
        template.figures.map((f) => [`${measureKey(f.docNumber, f.measureSeq)}|${keyPart(f.targetName)}|${keyPart(f.regionCode)}`, f]),
      );
      const seen = new Set<string>();
      figures.eachRow((row, n) => {
        if (n === 1) return;
        const key = `${measureKey(cellText(row.getCell(1)), cellText(row.getCell(2)))}|${cellText(row.getCell(3))}|${cellText(row.getCell(6))}`;
        const valueCell = row.getCell(7);
        const raw = cellText(valueCell);
        const figure = allowed.get(key);
        if (!figure) {
          if (raw)
            errors.push({
              sheet: figures.name,
              cell: row.getCell(1).address,
              message: '文号、措施编号、指标和区划代码对不上本单位的填报项(请勿改动这四列)',
            });
          return;
        }
        if (seen.has(key))
          return void errors.push({ sheet: figures.name, cell: row.getCell(1).address, message: '同一指标和地区出现了两次' });
        seen.add(key);
        if (!raw) return;
        const value = Number(raw.replace(/,/g, ''));
        if (!Number.isFinite(value) || value < 0)
          return void errors.push({ sheet: figures.name, cell: valueCell.address, message: '本期完成值须为不小于 0 的数字' });
        const mKey = measureKey(figure.docNumber, figure.measureSeq);
        const measure = measures.get(mKey)!;
        if (!measure.editable) {
          if (value !== figure.value)
            errors.push({ sheet: figures.name, cell: valueCell.address, message: '该措施本期报告已提交,不能再通过导入修改' });
          return;
        }
        if (!reports.has(mKey)) reports.set(mKey, { ...blank(figure.docNumber, figure.measureSeq), ...pick(measure) });
        reports.get(mKey)!.figures.push({ targetId: figure.targetId, countyId: figure.countyId, value });
      });

      const withContent = [...reports.values()].filter((r) => r.progress || r.problems || r.nextSteps || r.unitStatus || r.figures.length);
      return { reports: withContent, errors };
    },
  };
}

const pick = (m: { progress: string; problems: string; nextSteps: string; unitStatus: UnitStatus | null }) => ({
  progress: m.progress,
  problems: m.problems,
  nextSteps: m.nextSteps,
  unitStatus: m.unitStatus,
});
