import { NoticeParseError, parseNotice, type ParsedNotice } from './index';
import { JIANGMEN_COUNTIES } from './__fixtures__/jiangmen';

/**
 * Inputs built to make the parse slow or crash it (issue 10 follow-up). Each must parse or be refused
 * with a NoticeParseError naming a line, never a RangeError; the suite's timeout is the time bound.
 * Before the fix the first took 73 s and then overflowed the stack, the others overflowed it.
 */
const HEAD = '一、总则\n（一）';

function outcome(text: string): ParsedNotice | NoticeParseError {
  try {
    return parseNotice(text, { counties: JIANGMEN_COUNTIES });
  } catch (e) {
    if (e instanceof NoticeParseError) return e;
    throw e;
  }
}

/** The text after HEAD cut into lines of `width` characters, as a PDF copy wraps a paragraph. */
function wrapped(body: string, width: number): string {
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += width) lines.push(body.slice(i, i + width));
  return HEAD + lines.join('\n');
}

const measureCount = (n: ParsedNotice): number => n.sections.reduce((sum, s) => sum + s.measures.length, 0);

describe('adversarial notices', () => {
  it.each([
    ['goal words spaced out', ' 不 少 于 '.repeat(20000)],
    ['39,000 units in one clause', '市人社局、'.repeat(39000) + '牵头'],
    ['a 199,000-digit goal', '1'.repeat(199000) + '个以上'],
    ['100,000 open and 99,000 closing parentheses', '（'.repeat(100000) + '）'.repeat(99000)],
  ])('refuses %s on one line, naming the line', (_, body) => {
    const result = outcome(HEAD + body);
    expect(result).toBeInstanceOf(NoticeParseError);
    expect((result as NoticeParseError).line).toBe(2);
    expect((result as NoticeParseError).message).toMatch(/^第2行过长/);
  });

  it('reads a 195,000-character paragraph wrapped at 4,000 characters without overflowing the stack', () => {
    const n = outcome(wrapped('市人社局、'.repeat(39000) + '牵头', 4000));
    expect(n).not.toBeInstanceOf(NoticeParseError);
    expect(measureCount(n as ParsedNotice)).toBe(1);
  });

  it.each([
    ['spaced goal words', ' 不 少 于 '.repeat(4000)],
    ['digits', '1'.repeat(20000) + '个以上'],
    ['parentheses', '（'.repeat(10000) + '）'.repeat(9900)],
  ])('parses %s wrapped into many lines', (_, body) => {
    expect(outcome(wrapped(body, 1000))).not.toBeInstanceOf(NoticeParseError);
  });

  it.each([
    ['20,000 one-line paragraphs', '测试\n' + '甲。\n'.repeat(20000)],
    ['5,000 lines of one closing parenthesis', '测试\n' + ')\n'.repeat(5000)],
    ['40,000 one-character lines', '测试\n' + '甲\n'.repeat(40000)],
  ])('parses a measure of %s (each line once rescanned the whole paragraph)', (_, body) => {
    const n = outcome(HEAD + body);
    expect(n).not.toBeInstanceOf(NoticeParseError);
    expect(measureCount(n as ParsedNotice)).toBe(1);
  });

  it('reads measures numbered past 99: 500 measures, each with its unit', () => {
    const measures = Array.from({ length: 500 }, (_, i) => `${i + 1}.措施${i + 1}。（市人社局牵头）`);
    const n = outcome(`一、总则\n${measures.join('\n')}`) as ParsedNotice;
    expect(measureCount(n)).toBe(500);
    const last = n.sections[0].measures[499];
    expect(last.title).toBe('措施500');
    expect(last.responsibilities.map((r) => r.agencyName)).toEqual(['市人社局']);
  });

  it.each([
    ['a section', '一、总则\n二二、其他'],
    ['a measure', '一、总则\n（一一）措施。'],
  ])('refuses a malformed Chinese number on %s with its line, not a RangeError', (_, text) => {
    const result = outcome(text);
    expect(result).toBeInstanceOf(NoticeParseError);
    expect((result as NoticeParseError).line).toBe(2);
  });

  it('takes a malformed Chinese date for no date', () => {
    const n = outcome('二〇二四年十十月一日\n一、总则\n（一）措施。') as ParsedNotice;
    expect(n.issuedOn).toBeNull();
  });
});
