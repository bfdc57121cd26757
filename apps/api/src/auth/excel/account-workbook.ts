import ExcelJS from 'exceljs';
import { cellText, writeHeader } from '../../common/excel-cells';
import type { Role } from '@luoshi/domain';
import { toSimplified } from '../../common/chinese-script';
import type { ZipLimits } from '../../common/zip-reader';
import type { WorkbookBounds } from '../../reports/excel/workbook-guard';

/**
 * The layout of the accounts workbook (批量创建账号), shared by the template writer and the reader so
 * that what is downloaded is exactly what is read back.
 */
export const ACCOUNT_SHEETS = { accounts: '账号', units: '单位名单' } as const;
export const ACCOUNT_COLUMNS = ['姓名', '单位', '手机', '角色(默认填报员)', '用户名(可留空)'] as const;
export const UNIT_COLUMNS = ['单位名称', '简称', '类型'] as const;

/** A city's office onboards tens of people at once; 500 leaves room and keeps hashing under ~15 s. */
export const MAX_ACCOUNT_ROWS = 500;
/** Units a city has (Jiangmen: about 25); the 单位名单 sheet lists them, the guard must let it through. */
const MAX_UNIT_ROWS = 1000;

/** The zip and workbook bounds checked before ExcelJS reads an upload (see workbook-guard.ts). */
export const ACCOUNT_WORKBOOK_BOUNDS: WorkbookBounds = {
  zip: { maxEntries: 100, maxTotalBytes: 16 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 1024 * 1024 } satisfies ZipLimits,
  // The two sheets, and room for one a person adds by mistake (ignored: the reader reads 账号 by name).
  maxSheets: 4,
  templateSheets: 2,
  maxRows: 1 + MAX_UNIT_ROWS,
  // Each row ~5 cells of ~4 tags plus its shared strings, on both sheets, and the styles around them.
  maxMarkup: 2 * (1 + MAX_UNIT_ROWS) * 5 * 6 + 50_000,
  what: '账号表',
};

/** Role labels as people write them, in either script, and the codes. */
export const ROLE_LABELS: Record<Role, string> = { REPORTER: '填报员', LEADER: '领导', OFFICE: '领导小组办公室', ADMIN: '系统管理员' };
const ROLE_WORDS = new Map<string, Role>([
  ...(Object.entries(ROLE_LABELS) as [Role, string][]).map(([role, label]) => [label, role] as [string, Role]),
  ...(['REPORTER', 'LEADER', 'OFFICE', 'ADMIN'] as Role[]).map((role) => [role.toLowerCase(), role] as [string, Role]),
  ['办公室', 'OFFICE'],
  ['管理员', 'ADMIN'],
]);
/** The role a cell names: simplified script, spaces and case ignored; undefined when it names none. */
export const roleOfCell = (text: string): Role | undefined => ROLE_WORDS.get(toSimplified(text).replace(/\s+/gu, '').toLowerCase());

export interface UnitOption {
  name: string;
  shortName: string;
  kind: 'DEPARTMENT' | 'COUNTY';
}

/** The empty template: the accounts sheet with drop-downs for unit and role, and the active units to pick from. */
export async function writeAccountTemplate(units: UnitOption[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Luoshi';
  book.created = new Date(0);

  const accounts = book.addWorksheet(ACCOUNT_SHEETS.accounts);
  writeHeader(accounts, ACCOUNT_COLUMNS, [14, 36, 18, 20, 20]);
  accounts.getColumn(3).numFmt = '@'; // a phone typed as a number keeps its digits
  accounts.getColumn(5).numFmt = '@';
  const last = 1 + MAX_ACCOUNT_ROWS;
  // One validation over a range (exceljs has it, its types do not): per cell, 500 empty rows would be written out.
  const validations = (accounts as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  if (units.length) {
    validations.add(`B2:B${last}`, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false, // a name in the other script, or a short name, is accepted too
      formulae: [`'${ACCOUNT_SHEETS.units}'!$A$2:$A$${units.length + 1}`],
    });
  }
  validations.add(`D2:D${last}`, {
    type: 'list',
    allowBlank: true,
    showErrorMessage: true,
    formulae: [`"${Object.values(ROLE_LABELS).join(',')}"`],
  });
  const note = accounts.getCell('G1');
  note.value = `说明：每行一个账号,最多 ${MAX_ACCOUNT_ROWS} 行。单位按“${ACCOUNT_SHEETS.units}”表填写(简体、繁体或简称均可);角色留空即为填报员,填报员必须填写单位,其他角色不填单位;手机填写 11 位手机号或带区号的固定电话;用户名留空由系统生成。`;
  note.alignment = { wrapText: true, vertical: 'top' };
  accounts.getColumn(7).width = 60;

  const list = book.addWorksheet(ACCOUNT_SHEETS.units);
  writeHeader(list, UNIT_COLUMNS, [36, 16, 10]);
  for (const u of units) list.addRow([u.name, u.shortName, u.kind === 'COUNTY' ? '县(市、区)' : '市直部门']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One filled row as written, with the cells' addresses for the errors. */
export interface AccountRowCells {
  row: number;
  name: string;
  unit: string;
  phone: string;
  role: string;
  username: string;
  address: { name: string; unit: string; phone: string; role: string; username: string };
}

export interface CellError {
  sheet: string;
  cell: string;
  message: string;
}

/** The accounts sheet's filled rows, or the header cells that are not ours. */
export function readAccountRows(book: ExcelJS.Workbook): { rows: AccountRowCells[]; errors: CellError[] } {
  const sheet = book.getWorksheet(ACCOUNT_SHEETS.accounts);
  if (!sheet)
    return {
      rows: [],
      errors: [{ sheet: ACCOUNT_SHEETS.accounts, cell: '', message: `缺少“${ACCOUNT_SHEETS.accounts}”工作表：请下载模板填写` }],
    };
  const errors: CellError[] = [];
  ACCOUNT_COLUMNS.forEach((name, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (cellText(cell) !== name) errors.push({ sheet: sheet.name, cell: cell.address, message: `表头应为“${name}”` });
  });
  if (errors.length) return { rows: [], errors };
  const rows: AccountRowCells[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = [1, 2, 3, 4, 5].map((c) => row.getCell(c));
    const [name, unit, phone, role, username] = cells.map(cellText);
    if (!name && !unit && !phone && !role && !username) return;
    const [a, b, c, d, e] = cells.map((cell) => cell.address);
    rows.push({ row: n, name, unit, phone, role, username, address: { name: a, unit: b, phone: c, role: d, username: e } });
  });
  if (rows.length > MAX_ACCOUNT_ROWS) {
    return {
      rows: [],
      errors: [
        { sheet: sheet.name, cell: `A${rows[MAX_ACCOUNT_ROWS].row}`, message: `一次最多导入 ${MAX_ACCOUNT_ROWS} 个账号,请分批导入` },
      ],
    };
  }
  if (rows.length === 0) errors.push({ sheet: sheet.name, cell: 'A2', message: '表中没有要创建的账号' });
  return { rows, errors };
}
