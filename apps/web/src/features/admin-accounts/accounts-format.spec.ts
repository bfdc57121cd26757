import { accountsVariables, assignableRoles, canManage, formatMoment, NO_FILTERS } from './accounts-format';
import { unitAccountRows, unitAccountsFileName } from './unit-accounts-format';

describe('account list helpers', () => {
  it('sends only the filters that are set', () => {
    expect(accountsVariables(NO_FILTERS)).toEqual({});
    expect(accountsVariables({ search: '  台山 ', role: 'REPORTER', agencyId: 'a1', active: 'inactive' })).toEqual({
      search: '台山',
      role: 'REPORTER',
      agencyId: 'a1',
      active: false,
    });
    expect(accountsVariables({ ...NO_FILTERS, active: 'active' })).toEqual({ active: true });
  });

  it('offers ADMIN only to an administrator and hides what the API would refuse', () => {
    expect(assignableRoles('OFFICE')).toEqual(['OFFICE', 'LEADER', 'REPORTER']);
    expect(assignableRoles('ADMIN')).toContain('ADMIN');
    expect(canManage({ id: 'me', role: 'ADMIN' }, { id: 'me', role: 'ADMIN' })).toBe(false);
    expect(canManage({ id: 'me', role: 'OFFICE' }, { id: 'a', role: 'ADMIN' })).toBe(false);
    expect(canManage({ id: 'me', role: 'OFFICE' }, { id: 'r', role: 'REPORTER' })).toBe(true);
  });

  it('formats a moment to the minute, and nothing for none', () => {
    expect(formatMoment(null)).toBeNull();
    expect(formatMoment('not a date')).toBeNull();
    expect(formatMoment(new Date(2024, 9, 8, 9, 5).toISOString())).toBe('2024-10-08 09:05');
  });
});

describe('unit account sheet', () => {
  it('lists unit, username, temporary password and where to sign in', () => {
    const rows = unitAccountRows(
      [{ temporaryPassword: 'AbcDef234567', user: { username: 'r440781', agency: { name: '台山市' } } }],
      'https://luoshi.example.gov.cn/',
    );
    expect(rows).toEqual([
      { unit: '台山市', username: 'r440781', password: 'AbcDef234567', signInAt: 'https://luoshi.example.gov.cn/login' },
    ]);
  });

  it('names the file after the policy and the day', () => {
    expect(unitAccountsFileName('单位账号', '江就辦〔2024〕1號', new Date(2024, 9, 8))).toBe('单位账号-江就辦〔2024〕1號-20241008.xlsx');
  });
});
