import type ExcelJS from 'exceljs';

/** The header fill every workbook Luoshi writes uses (a light blue office users know from templates). */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };

/** A sheet's first row as a bold, filled, frozen header with the given column widths. */
export function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly string[], widths: number[]): void {
  sheet.addRow([...columns]);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** A cell as text, whatever Excel stored (number, rich text, a formula's result). */
export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}
