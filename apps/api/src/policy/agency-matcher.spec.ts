import { AgencyMatcher, KnownAgency, looseKeyOf } from './agency-matcher';
import { nameKeyOf } from '../units/agency-name';

const agency = (id: string, name: string, extra: Partial<KnownAgency> = {}): KnownAgency => ({
  id,
  name,
  nameSimplified: name,
  shortName: name,
  kind: 'DEPARTMENT',
  regionCode: null,
  nameKey: nameKeyOf(name),
  ...extra,
});
const dept = (agencyName: string) => ({ agencyName, kind: 'DEPARTMENT' as const, regionCode: null });

const AGENCIES = [
  agency('caizheng', '市財政局'),
  agency('renshe', '市人力資源社會保障局'),
  agency('yinhang', '人民銀行江門市分行(營業管理部)'),
  agency('taishan', '台山市', { kind: 'COUNTY', regionCode: '440781', nameSimplified: '台山市', shortName: '台山' }),
  agency('xinhui', '新會區', { kind: 'COUNTY', regionCode: '440705', nameSimplified: '新会区', shortName: '新會' }),
];

describe('matching a notice’s unit names to agencies', () => {
  const matcher = new AgencyMatcher(AGENCIES, [{ aliasKey: nameKeyOf('市数据中心'), agencyId: 'renshe' }]);

  it('matches the name in either script, spaces aside', () => {
    expect(matcher.match(dept('市财政局'))).toEqual({ agencyId: 'caizheng', by: 'name' });
    expect(matcher.match(dept('市 財政 局'))).toEqual({ agencyId: 'caizheng', by: 'name' });
  });

  it('ignores brackets and their width', () => {
    expect(looseKeyOf('人民银行江门市分行（营业管理部）')).toBe(looseKeyOf('人民銀行江門市分行(營業管理部)'));
    expect(matcher.match(dept('人民银行江门市分行（营业管理部）'))).toEqual({ agencyId: 'yinhang', by: 'brackets' });
  });

  it('takes the office’s aliases, then the reviewed short names whose unit exists', () => {
    expect(matcher.match(dept('市数据中心'))).toEqual({ agencyId: 'renshe', by: 'alias' });
    expect(matcher.match(dept('市人社局'))).toEqual({ agencyId: 'renshe', by: 'reviewed-alias' });
    expect(matcher.match(dept('市人力资源和社会保障局'))).toEqual({ agencyId: 'renshe', by: 'reviewed-alias' });
    // 市工信局 is a reviewed short name, but no agency of its group exists: no match (a new unit).
    expect(matcher.match(dept('市工信局'))).toBeNull();
  });

  it('finds a county by division code, name, short name, or with 人民政府', () => {
    expect(matcher.match({ agencyName: '台山', kind: 'COUNTY', regionCode: '440781' })).toEqual({ agencyId: 'taishan', by: 'county' });
    expect(matcher.match(dept('新会区人民政府'))).toEqual({ agencyId: 'xinhui', by: 'county' });
    expect(matcher.match(dept('新會'))).toEqual({ agencyId: 'xinhui', by: 'county' });
  });

  it('answers null for a name nothing matches, and finds a unit remembered during the import', () => {
    expect(matcher.match(dept('市数字经济促进中心'))).toBeNull();
    matcher.remember(agency('new', '市数字经济促进中心'));
    expect(matcher.match(dept('市數字經濟促進中心'))).toEqual({ agencyId: 'new', by: 'name' });
  });
});
