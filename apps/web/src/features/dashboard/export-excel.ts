// Loaded only when someone exports: exceljs is large and never part of the dashboard's first render.
import ExcelJS from 'exceljs';
import type { SheetData } from './export-rows';
import { saveBlob } from '../../shared/save-blob';

/** Writes the sheets to an .xlsx file and hands it to the browser as a download. */
export async function downloadWorkbook(sheets: SheetData[], fileName: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    // Excel refuses some characters in sheet names and more than 31 of them.
    const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[sheet.header, ...sheet.rows].map((r) => String(r[i] ?? '').length));
      col.width = Math.min(60, Math.max(8, widest * 2 + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}
