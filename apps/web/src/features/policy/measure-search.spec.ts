import { loadTraditionalToSimplified, type TextConverter } from '../../shared/opencc';
import { filterMeasures, foldForSearch, type SearchableMeasure } from './measure-search';

const measure = (title: string, body: string, units: string[] = [], targets: string[] = []): SearchableMeasure => ({
  title,
  body,
  responsibilities: units.map((name) => ({ agency: { name } })),
  targets: targets.map((name) => ({ name, unit: '個' })),
});

const internships = measure('加大見習崗位開發力度', '全年開發見習崗位不少於3000個。', ['市人力資源社會保障局'], ['見習崗位']);
const loans = measure('優化創業擔保貸款服務', '將創業擔保貸款公示時間縮短為3天。', ['市財政局', '蓬江區人民政府']);
const graduates = measure('促進高校畢業生就業', '實施 "百日千萬" 招聘專項行動。', ['市教育局']);
const all = [internships, loans, graduates];

let toSimplified: TextConverter;
beforeAll(async () => {
  toSimplified = await loadTraditionalToSimplified();
});

describe('filterMeasures', () => {
  it('returns every measure, in order, for an empty query', () => {
    expect(filterMeasures(all, '')).toEqual(all);
    expect(filterMeasures(all, '   ')).toEqual(all);
  });

  it('matches traditional input against traditional text before opencc has loaded', () => {
    expect(filterMeasures(all, '見習')).toEqual([internships]);
  });

  it('finds traditional text from simplified input once opencc has loaded', () => {
    expect(filterMeasures(all, '见习岗位', toSimplified)).toEqual([internships]);
    expect(filterMeasures(all, '创业担保', toSimplified)).toEqual([loans]);
    expect(filterMeasures(all, '见习岗位')).toEqual([]); // without the converter there is no match
  });

  it('still finds traditional input once opencc has loaded', () => {
    expect(filterMeasures(all, '畢業生', toSimplified)).toEqual([graduates]);
  });

  it('searches responsible units and targets too', () => {
    expect(filterMeasures(all, '财政局', toSimplified)).toEqual([loans]);
    expect(filterMeasures(all, '蓬江', toSimplified)).toEqual([loans]);
  });

  it('requires every term, separated by spaces or Chinese punctuation', () => {
    expect(filterMeasures(all, '岗位 3000', toSimplified)).toEqual([internships]);
    expect(filterMeasures(all, '岗位，贷款', toSimplified)).toEqual([]);
  });

  it('ignores full-width / half-width, case and whitespace differences', () => {
    expect(filterMeasures(all, '３０００')).toEqual([internships]);
    expect(filterMeasures(all, '"百日千萬"')).toEqual([graduates]);
    expect(filterMeasures(all, '縮短 為3天')).toEqual([loans]);
  });
});

describe('foldForSearch', () => {
  it('folds case, width and whitespace, and converts when given a converter', () => {
    expect(foldForSearch('ＡＢＣ 見習', toSimplified)).toBe('abc见习');
    expect(foldForSearch('ＡＢＣ 見習')).toBe('abc見習');
  });
});

describe('the opencc converter', () => {
  it('handles both Taiwan and Hong Kong forms of traditional characters', () => {
    expect(toSimplified('著力穩定就業')).toBe('着力稳定就业');
    expect(toSimplified('市衞生健康局')).toBe('市卫生健康局');
    expect(toSimplified('江就辦〔2024〕1號')).toBe('江就办〔2024〕1号');
  });
});
