import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { temporaryPassword, type Role } from '@luoshi/domain';
import { auditActor, AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../common/request-context';
import { ZipRefused } from '../../common/zip-reader';
import { checkWorkbookBounds } from '../../reports/excel/workbook-guard';
import { AccountUnitRow, unitsForAccounts } from '../../policy/policy-for-auth.queries';
import { nameKeyOf } from '../../units/agency-name';
import { accountView } from '../accounts.service';
import { AuthError } from '../auth.errors';
import { checkDisplayName, checkPhone } from '../contact-rules';
import { hashPassword } from '../passwords';
import { unitUsername } from '../unit-accounts.service';
import { User } from '../user.entity';
import { insertUserUnlessTaken, takenUsernames } from '../users.queries';
import {
  ACCOUNT_SHEETS,
  ACCOUNT_WORKBOOK_BOUNDS,
  AccountRowCells,
  CellError,
  readAccountRows,
  roleOfCell,
  ROLE_LABELS,
  writeAccountTemplate,
} from './account-workbook';

/** One account to create, checked. `username` null: generated from the unit at insert time. */
interface PlannedAccount {
  row: number;
  role: Role;
  unit: AccountUnitRow | null;
  displayName: string | null;
  phone: string | null;
  username: string | null;
  usernameCell: string;
}

export interface ImportedAccount {
  row: number;
  temporaryPassword: string;
  user: {
    id: string;
    username: string;
    role: Role;
    displayName: string | null;
    phone: string | null;
    mustChangePassword: boolean;
    agency: { id: string; name: string } | null;
  };
}

/** The same pattern as createUser's username. */
const USERNAME = /^[\p{L}\p{N}_.@-]{2,64}$/u;
/** argon2 hashes on libuv's thread pool (4 threads by default): more at once only queues. */
const HASHING_AT_ONCE = 4;

/**
 * Accounts from an Excel sheet (姓名 | 单位 | 手机 | 角色 | 用户名), all or nothing: every cell is
 * checked first and any wrong one refuses the whole file with the list of cells; otherwise every
 * account is created in one transaction, each audited, with a temporary password shown once.
 */
@Injectable()
export class AccountImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async template(): Promise<Buffer> {
    const units: AccountUnitRow[] = await this.units();
    const active = units
      .filter((u) => u.active)
      .sort((a, b) => (a.kind === b.kind ? a.nameSimplified.localeCompare(b.nameSimplified, 'zh-CN') : a.kind === 'COUNTY' ? 1 : -1));
    return writeAccountTemplate(active.map((u) => ({ name: u.nameSimplified, shortName: u.shortName, kind: u.kind })));
  }

  async import(actor: AuthUser, file: Buffer | undefined, requestId: string): Promise<{ created: ImportedAccount[] }> {
    if (!file?.length) throw new AuthError('BAD_USER_INPUT', '请选择要导入的 Excel 文件(表单字段 file)', { field: 'file' });
    const book = await openWorkbook(file);
    const read = readAccountRows(book);
    if (read.errors.length) throw refused(read.errors);
    const { planned, errors } = await this.plan(actor, read.rows);
    if (errors.length) throw refused(errors);

    const passwords = planned.map((p) => temporaryPassword(randomInt, p.username ?? unitUsername(p.unit!)));
    const hashes: string[] = [];
    for (let i = 0; i < passwords.length; i += HASHING_AT_ONCE)
      hashes.push(...(await Promise.all(passwords.slice(i, i + HASHING_AT_ONCE).map(hashPassword))));

    return this.dataSource.transaction(async (manager) => {
      const reserved = new Set(planned.flatMap((p) => (p.username ? [p.username] : [])));
      const created: ImportedAccount[] = [];
      for (const [i, p] of planned.entries()) {
        const user = await this.insert(manager, p, hashes[i], reserved);
        await this.audit.record(manager, auditActor(actor, requestId), {
          action: 'user.create',
          entity: 'user',
          entityId: user.id,
          before: null,
          after: { ...accountView(user), via: 'excel', row: p.row },
        });
        created.push({
          row: p.row,
          temporaryPassword: passwords[i],
          user: {
            id: user.id,
            username: user.username,
            role: user.role,
            displayName: user.displayName,
            phone: user.phone,
            mustChangePassword: user.mustChangePassword,
            agency: p.unit ? { id: p.unit.id, name: p.unit.name } : null,
          },
        });
      }
      return { created };
    });
  }

  private units(): Promise<AccountUnitRow[]> {
    return unitsForAccounts(this.dataSource);
  }

  /** Every row checked against the units, the roles the actor may give, and the usernames taken. */
  private async plan(actor: AuthUser, rows: AccountRowCells[]): Promise<{ planned: PlannedAccount[]; errors: CellError[] }> {
    const units = await this.units();
    const byName = new Map(units.map((u) => [u.nameKey, u]));
    const byShortName = new Map<string, AccountUnitRow | 'AMBIGUOUS'>();
    for (const u of units) {
      const key = nameKeyOf(u.shortName);
      byShortName.set(key, byShortName.has(key) ? 'AMBIGUOUS' : u);
    }
    const given = rows.map((r) => r.username.toLowerCase()).filter(Boolean);
    const taken = new Set<string>(given.length ? await takenUsernames(this.dataSource, given) : []);

    const sheet = ACCOUNT_SHEETS.accounts;
    const errors: CellError[] = [];
    const planned: PlannedAccount[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const wrong = (cell: string, message: string) => void errors.push({ sheet, cell, message });
      const before = errors.length;

      const name = checkDisplayName(r.name);
      if ('problem' in name) wrong(r.address.name, name.problem);
      else if (!name.value) wrong(r.address.name, '姓名不能为空');
      const phone = checkPhone(r.phone);
      if ('problem' in phone) wrong(r.address.phone, phone.problem);

      const role = r.role ? roleOfCell(r.role) : 'REPORTER';
      if (!role) wrong(r.address.role, `角色须为：${Object.values(ROLE_LABELS).join('、')}(留空即为填报员)`);
      else if (role === 'ADMIN' && actor.role !== 'ADMIN') wrong(r.address.role, '只有系统管理员可以创建管理员账号');

      let unit: AccountUnitRow | null = null;
      if (role === 'REPORTER' || (!role && r.unit)) {
        const key = nameKeyOf(r.unit);
        const found = key ? (byName.get(key) ?? byShortName.get(key)) : undefined;
        if (!r.unit) wrong(r.address.unit, '填报员必须填写所属单位');
        else if (found === 'AMBIGUOUS') wrong(r.address.unit, `简称“${r.unit}”对应多个单位,请填写单位全称`);
        else if (!found) wrong(r.address.unit, `找不到单位“${r.unit}”,请按“${ACCOUNT_SHEETS.units}”表中的名称填写`);
        else if (!found.active)
          wrong(
            r.address.unit,
            found.mergedIntoName ? `单位“${r.unit}”已并入“${found.mergedIntoName}”,请填写后者` : `单位“${r.unit}”已停用,不能再开设账号`,
          );
        else unit = found;
      } else if (r.unit) {
        wrong(r.address.unit, '只有填报员账号可以填写所属单位,其他角色请留空');
      }

      const username = r.username.toLowerCase();
      if (username) {
        if (!USERNAME.test(username)) wrong(r.address.username, '用户名须为 2-64 个字母、数字或 _ . @ -');
        else if (taken.has(username)) wrong(r.address.username, `用户名 ${username} 已存在`);
        else if (seen.has(username)) wrong(r.address.username, `用户名 ${username} 与第 ${seen.get(username)} 行重复`);
        seen.set(username, seen.get(username) ?? r.row);
      } else if (role && role !== 'REPORTER') {
        wrong(r.address.username, '填报员以外的账号须填写用户名');
      }

      if (errors.length === before && role) {
        planned.push({
          row: r.row,
          role,
          unit,
          displayName: (name as { value: string }).value,
          phone: (phone as { value: string | null }).value,
          username: username || null,
          usernameCell: r.address.username,
        });
      }
    }
    return { planned, errors };
  }

  /**
   * Inserts the account: under its given name (taken meanwhile by someone else: the whole file is
   * refused), or under the unit's name (unit-accounts.service.ts), -2, -3 … where that is taken.
   */
  private async insert(manager: EntityManager, p: PlannedAccount, passwordHash: string, reserved: Set<string>): Promise<User> {
    const base = p.username ?? unitUsername(p.unit!);
    for (let n = 1; ; n++) {
      const username = n === 1 ? base : `${base}-${n}`;
      if (!p.username && reserved.has(username)) continue; // a later row asks for this name itself
      const id = await insertUserUnlessTaken(manager, {
        username,
        passwordHash,
        role: p.role,
        agencyId: p.unit?.id ?? null,
        displayName: p.displayName,
        phone: p.phone,
        mustChangePassword: true,
      });
      if (id !== null) {
        reserved.add(username);
        return manager.findOneByOrFail(User, { id });
      }
      if (p.username) throw refused([{ sheet: ACCOUNT_SHEETS.accounts, cell: p.usernameCell, message: `用户名 ${username} 已存在` }]);
    }
  }
}

/** The zip and its parts checked first (a bomb is refused before ExcelJS inflates anything), then read. */
async function openWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  try {
    await checkWorkbookBounds(file, ACCOUNT_WORKBOOK_BOUNDS);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw new AuthError('BAD_USER_INPUT', `无法导入该文件：${error.message}。请上传从系统下载的 .xlsx 账号表`, {
      field: 'file',
      reason: error.reason,
    });
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AuthError('BAD_USER_INPUT', '无法读取该文件：请上传从系统下载的 .xlsx 账号表', { field: 'file' });
  }
  return book;
}

function refused(errors: CellError[]) {
  const shown = errors
    .slice(0, 5)
    .map((e) => `${e.sheet}!${e.cell}：${e.message}`)
    .join(';');
  return new AuthError('BAD_USER_INPUT', `Excel 文件有 ${errors.length} 处错误,未创建任何账号。${shown}${errors.length > 5 ? '……' : ''}`, {
    errors,
  });
}
