import { cellErrorLine, importedAccountRows, importedAccountsFileName, importOutcome, type ImportedAccount } from './bulk-accounts-format';

const account = (row: number, user: Partial<ImportedAccount['user']>): ImportedAccount => ({
  row,
  temporaryPassword: `Pass${row}word`,
  user: { username: `u${row}`, role: 'REPORTER', displayName: null, phone: null, agency: null, ...user },
});

describe('bulk account import helpers', () => {
  it('reads the API’s answer: the accounts made, or the message and the wrong cells', () => {
    const made = [account(2, {})];
    expect(importOutcome(true, { created: made }, 'x')).toEqual({ kind: 'created', accounts: made });
    const errors = [{ sheet: '账号', cell: 'B3', message: '找不到单位' }];
    expect(importOutcome(false, { code: 'BAD_USER_INPUT', message: 'Excel 文件有 1 处错误', errors }, 'x')).toEqual({
      kind: 'refused',
      message: 'Excel 文件有 1 处错误',
      errors,
    });
    expect(importOutcome(false, { message: '无法导入该文件' }, 'x')).toEqual({ kind: 'refused', message: '无法导入该文件', errors: [] });
    expect(importOutcome(false, null, '导入失败')).toEqual({ kind: 'refused', message: '导入失败', errors: [] });
    expect(importOutcome(true, { saved: [] }, '导入失败')).toMatchObject({ kind: 'refused', message: '导入失败' });
  });

  it('words a cell error as Excel names the cell', () => {
    expect(cellErrorLine({ sheet: '账号', cell: 'C4', message: '手机格式不对' })).toBe('账号!C4:手机格式不对');
    expect(cellErrorLine({ sheet: '账号', cell: '', message: '缺少“账号”工作表' })).toBe('缺少“账号”工作表');
  });

  it('lists the accounts in the file’s order, with the person, the unit or else the role, and where to sign in', () => {
    const rows = importedAccountRows(
      [account(4, { displayName: '王五', role: 'LEADER' }), account(2, { displayName: '张三', agency: { name: '台山市' } })],
      'https://luoshi.example/',
      (role) => ({ LEADER: '领导' })[role] ?? role,
      (s) => s.replace('台山市', '台山市(简)'),
    );
    expect(rows).toEqual([
      { person: '张三', unit: '台山市(简)', username: 'u2', password: 'Pass2word', signInAt: 'https://luoshi.example/login' },
      { person: '王五', unit: '领导', username: 'u4', password: 'Pass4word', signInAt: 'https://luoshi.example/login' },
    ]);
  });

  it('names the file with the date', () => {
    expect(importedAccountsFileName('批量创建的账号', new Date(2024, 6, 5))).toBe('批量创建的账号-20240705.xlsx');
  });
});
