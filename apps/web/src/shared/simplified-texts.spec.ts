import {
  convertibleChars,
  currentSimplifiedTexts,
  removePageTexts,
  setPageTexts,
  simplifiedText,
  type SimplifiedTexts,
} from './simplified-texts';

const PAIRS: [string, string][] = [
  ['見習崗位', '见习岗位'],
  ['鶴山市', '鹤山市'],
  ['江就辦〔2024〕1號', '江就办〔2024〕1号'],
];
const texts = (over: Partial<SimplifiedTexts> = {}): SimplifiedTexts => ({
  pairs: new Map(PAIRS),
  convertible: convertibleChars(PAIRS),
  covered: true,
  waiting: false,
  ...over,
});
const converter = (text: string) => `converted:${text}`;

describe('simplifiedText', () => {
  it('takes a listed text from the pairs, with or without the converter', () => {
    expect(simplifiedText('見習崗位', texts(), null)).toEqual({ text: '见习岗位', needsConverter: false });
    expect(simplifiedText('鶴山市', texts(), converter)).toEqual({ text: '鹤山市', needsConverter: false });
    expect(simplifiedText('江就辦〔2024〕1號', texts({ covered: false }), null)).toEqual({
      text: '江就办〔2024〕1号',
      needsConverter: false,
    });
  });

  it('shows a text the list leaves out as written when it has no character the list converts', () => {
    expect(simplifiedText('台山市', texts(), null)).toEqual({ text: '台山市', needsConverter: false });
  });

  it('needs opencc for a text the list does not cover (a character it converts), converts it once loaded', () => {
    expect(simplifiedText('每年募集見習崗位', texts(), null)).toEqual({ text: '每年募集見習崗位', needsConverter: true });
    expect(simplifiedText('每年募集見習崗位', texts(), converter)).toEqual({ text: 'converted:每年募集見習崗位', needsConverter: false });
  });

  it('without a page list (policy page) any Chinese miss needs opencc, as before', () => {
    expect(simplifiedText('台山市', texts({ covered: false }), null)).toEqual({ text: '台山市', needsConverter: true });
    expect(simplifiedText('台山市', texts({ covered: false }), converter).text).toBe('converted:台山市');
  });

  it('while the page list is on its way, shows texts as written without asking for opencc', () => {
    expect(simplifiedText('每年募集見習崗位', texts({ covered: false, waiting: true }), null)).toEqual({
      text: '每年募集見習崗位',
      needsConverter: false,
    });
  });

  it('leaves text without Chinese characters alone', () => {
    expect(simplifiedText('', texts({ covered: false }), null)).toEqual({ text: '', needsConverter: false });
    expect(simplifiedText('2024Q3 %', texts({ covered: false }), converter)).toEqual({ text: '2024Q3 %', needsConverter: false });
  });
});

describe('convertibleChars', () => {
  it('collects the characters that change, position by position', () => {
    expect([...convertibleChars(PAIRS)].sort()).toEqual(['見', '習', '崗', '鶴', '辦', '號'].sort());
  });
});

describe('page registration', () => {
  it('is waiting, then covered with the pairs, and forgets the coverage (not the pairs) on removal', () => {
    const page = {};
    setPageTexts(page, 'waiting');
    expect(currentSimplifiedTexts()).toMatchObject({ waiting: true, covered: false });
    setPageTexts(page, [{ text: '鶴山', simplified: '鹤山' }]);
    expect(currentSimplifiedTexts()).toMatchObject({ waiting: false, covered: true });
    expect(currentSimplifiedTexts().pairs.get('鶴山')).toBe('鹤山');
    removePageTexts(page);
    expect(currentSimplifiedTexts()).toMatchObject({ waiting: false, covered: false });
    expect(currentSimplifiedTexts().pairs.get('鶴山')).toBe('鹤山');
    setPageTexts(page, 'failed');
    expect(currentSimplifiedTexts()).toMatchObject({ waiting: false, covered: false });
    removePageTexts(page);
  });
});
