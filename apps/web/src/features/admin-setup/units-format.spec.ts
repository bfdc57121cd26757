import { mergeLines, mergeTargets, unitFormProblem, unitState, visibleUnits, type UnitRow } from './units-format';

const row = (id: string, name: string, kind: 'COUNTY' | 'DEPARTMENT', extra: Partial<UnitRow['agency']> = {}): UnitRow => ({
  agency: {
    id,
    name,
    shortName: name,
    kind,
    regionCode: kind === 'COUNTY' ? `4407${id.padStart(2, '0')}` : null,
    active: true,
    mergedInto: null,
    ...extra,
  },
  accounts: 0,
  responsibilities: 0,
});

const rows = [
  row('1', '市財政局', 'DEPARTMENT'),
  row('84', '鶴山市', 'COUNTY'),
  row('3', '市人力資源社會保障局', 'DEPARTMENT', { shortName: '市人社局' }),
  row('81', '台山市', 'COUNTY'),
  row('5', '市舊局', 'DEPARTMENT', { active: false, mergedInto: { id: '1', name: '市財政局' } }),
];
const simplified = (s: string) => s.replace('財', '财').replace('資', '资').replace('鶴', '鹤');

describe('the units list', () => {
  it('puts counties first by division code, then departments, inactive last', () => {
    expect(visibleUnits(rows, '', 'ALL').map((r) => r.agency.id)).toEqual(['81', '84', '1', '3', '5']);
    expect(visibleUnits(rows, '', 'ACTIVE').map((r) => r.agency.id)).toEqual(['81', '84', '1', '3']);
    expect(visibleUnits(rows, '', 'INACTIVE').map((r) => r.agency.id)).toEqual(['5']);
  });

  it('finds a unit by name in either script, short name or division code, spaces aside', () => {
    expect(visibleUnits(rows, '人力资源', 'ALL', simplified).map((r) => r.agency.id)).toEqual(['3']);
    expect(visibleUnits(rows, '人力資源', 'ALL', simplified).map((r) => r.agency.id)).toEqual(['3']);
    expect(visibleUnits(rows, ' 人社 ', 'ALL').map((r) => r.agency.id)).toEqual(['3']);
    expect(visibleUnits(rows, '440784', 'ALL').map((r) => r.agency.id)).toEqual(['84']);
  });

  it('names the state, merged included', () => {
    expect(rows.map(unitState)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'MERGED']);
    expect(unitState(row('9', 'x', 'DEPARTMENT', { active: false }))).toBe('INACTIVE');
  });

  it('offers only active units of the same kind to merge into', () => {
    expect(mergeTargets(rows, rows[0]).map((r) => r.agency.id)).toEqual(['3']);
    expect(mergeTargets(rows, rows[1]).map((r) => r.agency.id)).toEqual(['81']);
  });

  it('checks the add form as the API does', () => {
    expect(unitFormProblem({ name: ' ', kind: 'DEPARTMENT', regionCode: '' })).toBe('units.nameRequired');
    expect(unitFormProblem({ name: '某县', kind: 'COUNTY', regionCode: '4407' })).toBe('units.codeRequired');
    expect(unitFormProblem({ name: '某县', kind: 'COUNTY', regionCode: '440799' })).toBeNull();
    expect(unitFormProblem({ name: '市某局', kind: 'DEPARTMENT', regionCode: '' })).toBeNull();
  });

  it('lists what a merge moves, only what there is', () => {
    const none = {
      responsibilities: 0,
      sharedResponsibilities: 0,
      reports: 0,
      figures: 0,
      attachments: 0,
      supervisionItems: 0,
      accounts: 0,
      quotas: 0,
      webhook: false,
    };
    expect(mergeLines(none)).toEqual([]);
    expect(mergeLines({ ...none, responsibilities: 3, accounts: 1, webhook: true })).toEqual([
      { key: 'units.moveResponsibilities', count: 3 },
      { key: 'units.moveAccounts', count: 1 },
      { key: 'units.moveWebhook' },
    ]);
  });
});
