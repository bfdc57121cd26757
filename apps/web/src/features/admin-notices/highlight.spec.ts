import { findPhrase, highlightSegments, lineOfOffset, lineSpan, measureNumberSpan, topMark, type TextMark } from './highlight';
import { noticeMarks, responsibilityKey } from './notice-marks';

const mark = (kind: TextMark['kind'], start: number, end: number, id = `${kind}${start}`): TextMark => ({ kind, start, end, id });
const texts = (text: string, marks: TextMark[]) => highlightSegments(text, marks).map((s) => [s.text, s.marks.map((m) => m.id)]);

describe('highlightSegments', () => {
  it('covers the whole text with sorted, non-overlapping segments', () => {
    const segments = highlightSegments('0123456789', [mark('unit', 6, 8, 'b'), mark('target', 2, 4, 'a')]);
    expect(segments.map((s) => s.text)).toEqual(['01', '23', '45', '67', '89']);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('0123456789');
  });

  it('returns the plain text as one segment without marks', () => {
    expect(texts('没有标记', [])).toEqual([['没有标记', []]]);
    expect(highlightSegments('', [])).toEqual([]);
  });

  it('nests overlapping marks: widest first, the narrowest shows', () => {
    const segments = highlightSegments('市教育局牵头', [mark('unit', 0, 6, 'outer'), mark('target', 1, 3, 'inner')]);
    expect(segments.map((s) => [s.text, s.marks.map((m) => m.id)])).toEqual([
      ['市', ['outer']],
      ['教育', ['outer', 'inner']],
      ['局牵头', ['outer']],
    ]);
    expect(topMark(segments[1])?.id).toBe('inner');
    expect(topMark(segments[0])?.id).toBe('outer');
  });

  it('splits partly overlapping marks where each begins and ends', () => {
    expect(texts('abcdef', [mark('unit', 0, 4, 'u'), mark('target', 2, 6, 't')])).toEqual([
      ['ab', ['u']],
      ['cd', ['u', 't']],
      ['ef', ['t']],
    ]);
  });

  it('keeps every mark of the same words (各县 naming seven counties), a unit outside a target of equal span', () => {
    const segments = highlightSegments('各县政府', [mark('target', 0, 4, 't'), mark('unit', 0, 4, 'a'), mark('unit', 0, 4, 'b')]);
    expect(segments).toHaveLength(1);
    expect(segments[0].marks.map((m) => m.id)).toEqual(['a', 'b', 't']);
  });

  it('drops marks out of range, empty or inverted', () => {
    expect(texts('abc', [mark('unit', 2, 9), mark('unit', -1, 1), mark('unit', 2, 2), mark('unit', 2, 1), mark('target', 1.5, 2)])).toEqual(
      [['abc', []]],
    );
  });

  it('cuts by UTF-16 offsets, as the API counts', () => {
    const text = '𠀀达到90%';
    expect(texts(text, [mark('target', 2, 7, 't')])).toEqual([
      ['𠀀', []],
      ['达到90%', ['t']],
    ]);
  });
});

describe('lines', () => {
  const text = '标题\r\n（一）第一项\n\n2. 第二项';
  it('finds a 1-based line without its line break', () => {
    expect(lineSpan(text, 1)).toEqual({ start: 0, end: 2 });
    expect(text.slice(lineSpan(text, 2)!.start, lineSpan(text, 2)!.end)).toBe('（一）第一项');
    expect(lineSpan(text, 3)).toEqual({ start: 11, end: 11 });
    expect(lineSpan(text, 5)).toBeNull();
    expect(lineSpan(text, 0)).toBeNull();
  });

  it('marks the measure number at the start of its line', () => {
    const slice = (s: { start: number; end: number } | null, of = text) => s && of.slice(s.start, s.end);
    expect(slice(measureNumberSpan(text, 2))).toBe('（一）');
    expect(slice(measureNumberSpan(text, 4))).toBe('2.');
    expect(slice(measureNumberSpan(text, 1))).toBe('标题'); // no number: the whole line
    expect(measureNumberSpan(text, 3)).toBeNull();
    const indented = '\u3000\u3000第三条 内容';
    expect(slice(measureNumberSpan(indented, 1), indented)).toBe('第三条');
    expect(slice(measureNumberSpan('  (十二)内容', 1), '  (十二)内容')).toBe('(十二)');
  });

  it('tells the line of an offset', () => {
    expect(lineOfOffset(text, 0)).toBe(1);
    expect(lineOfOffset(text, 6)).toBe(2);
    expect(lineOfOffset(text, text.length)).toBe(4);
  });
});

describe('findPhrase', () => {
  const text = '（一）到2025年，新增就业不少于1万人。\n（二）新增就业不少于\n1万人（市人社局牵头）';
  it('finds the first occurrence at or after the measure line', () => {
    expect(findPhrase(text, '新增就业', 0)).toEqual({ start: 10, end: 14 });
    const second = findPhrase(text, '新增就业', 23)!;
    expect(second.start).toBeGreaterThan(23);
    expect(text.slice(second.start, second.end)).toBe('新增就业');
  });

  it('falls back to an earlier occurrence when none follows', () => {
    expect(findPhrase(text, '到2025年', 30)).toEqual({ start: 3, end: 9 });
  });

  it('matches across a line break or spaces the phrase does not have', () => {
    const hit = findPhrase(text, '新增就业不少于1万人', 23)!;
    expect(text.slice(hit.start, hit.end)).toBe('新增就业不少于\n1万人');
  });

  it('answers null for a missing or empty phrase', () => {
    expect(findPhrase(text, '财政局')).toBeNull();
    expect(findPhrase(text, '  ')).toBeNull();
    expect(findPhrase(text, null)).toBeNull();
  });

  it('treats regular-expression characters literally', () => {
    expect(findPhrase('比例(%)达到 50%', '比例 (%)')).toEqual({ start: 0, end: 5 });
  });
});

describe('noticeMarks', () => {
  const text = '一、总体\n（一）稳岗位。新增就业不少于1万人。（市人社局牵头，市财政局配合）\n（二）促创业。（市人社局负责）';
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });
  const label = (seq: number) => `措施${seq}`;

  it('marks numbers, the words of each unit inside its clause and the targets', () => {
    const marks = noticeMarks(
      text,
      [
        {
          id: 'm1',
          seq: 1,
          line: 2,
          responsibilitySpan: at('（市人社局牵头，市财政局配合）'),
          responsibilities: [
            { agency: { id: 'a1' }, words: '市人社局' },
            { agency: { id: 'a2' }, words: '市财政局' },
          ],
          targets: [{ id: 't1', span: at('新增就业不少于1万人') }],
        },
        {
          id: 'm2',
          seq: 2,
          line: 3,
          responsibilityText: '（市人社局负责）',
          responsibilities: [
            { agency: { id: 'a1' }, words: '市人社局' },
            { agency: { id: 'a9' }, words: null },
          ],
          targets: [{ id: 't2', sourcePhrase: '没有这句话' }],
        },
      ],
      label,
    );
    const found = marks.map((m) => [m.kind, m.id, text.slice(m.start, m.end), m.label]);
    expect(found).toEqual([
      ['measure', 'm1', '（一）', '措施1'],
      ['unit', responsibilityKey('m1', 'a1'), '市人社局', undefined],
      ['unit', 'm1:a2', '市财政局', undefined],
      ['target', 't1', '新增就业不少于1万人', undefined],
      ['measure', 'm2', '（二）', '措施2'],
      ['unit', 'm2:a1', '市人社局', undefined],
    ]);
    // The second measure's unit is the one in its own clause, not the first measure's.
    expect(marks[5].start).toBe(at('市人社局', at('（二）').start).start);
  });
});
