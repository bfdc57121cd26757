import { actionLabel, actionsOfKind, chinaDateTime, exportUrl, kindLabel, shortId, subjectOf, toApiFilter } from './audit-format';

describe('audit labels and filters', () => {
  it('labels actions and kinds in the display language, the raw action where the table has none', () => {
    expect(actionLabel('report.submit', 'progress_report', 'zh-Hans')).toBe('报送进展报告');
    expect(actionLabel('report.submit', 'progress_report', 'zh-Hant')).toBe('報送進展報告');
    expect(actionLabel('SIGN_IN_FAILED', 'sign_in', 'en')).toBe('Failed sign-in');
    expect(actionLabel('user.frobnicate', 'user', 'zh-Hans')).toBe('账号: user.frobnicate');
    expect(kindLabel('SUPERVISION', 'zh-Hans')).toBe('督查督办');
    expect(kindLabel('ACCOUNT', 'en')).toBe('Accounts and sign-in');
    expect(actionsOfKind('SUPERVISION')).toEqual(['open', 'rate', 'finalize', 'add', 'respond', 'close']);
    expect(actionsOfKind(null).length).toBeGreaterThan(30);
  });

  it('shows times in China time', () => {
    expect(chinaDateTime('2024-10-08T16:03:05.123Z')).toBe('2024-10-09 00:03:05');
    expect(chinaDateTime(null)).toBe('');
  });

  it('sends only what was given, trimmed, to the query and the export', () => {
    const form = { user: ' Office1 ', agencyId: '', kind: 'ACCOUNT' as const, action: null, from: '2024-10-01', to: '2024-10-31' };
    expect(toApiFilter(form)).toEqual({ user: 'Office1', kind: 'ACCOUNT', from: '2024-10-01', to: '2024-10-31' });
    expect(exportUrl(form)).toBe('/exports/audit.xlsx?user=Office1&kind=ACCOUNT&from=2024-10-01&to=2024-10-31');
    expect(exportUrl({})).toBe('/exports/audit.xlsx');
  });

  it('names what a record is about where the page knows the name', () => {
    const unit = '4b1f3c2a-1111-4222-8333-944444444444';
    const target = '9a8b7c6d-1111-4222-8333-944444444444';
    const names = { agencies: new Map([[unit, '台山市']]), users: new Map([['u1', 'office1']]) };
    expect(subjectOf({ entity: 'agency_webhook', entityId: unit }, names)).toBe('台山市');
    expect(subjectOf({ entity: 'county_quota', entityId: `${target}/${unit}` }, names)).toBe('台山市');
    expect(subjectOf({ entity: 'user', entityId: 'u1' }, names)).toBe('office1');
    expect(subjectOf({ entity: 'sign_in', entityId: 'someone' }, names)).toBe('someone');
    expect(subjectOf({ entity: 'progress_report', entityId: target }, names)).toBe('9a8b7c6d…');
    expect(shortId(`${target}:${unit}`)).toBe('9a8b7c6d…:4b1f3c2a…');
  });
});
