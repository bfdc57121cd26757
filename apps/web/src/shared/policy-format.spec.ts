import { chineseOrdinal, formatIssuedOn, formatTargetValue, measureNumber, sectionNumber, stripLeadingNumber } from './policy-format';

describe('chineseOrdinal', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [7, '七'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [999, '九百九十九'],
  ])('%i -> %s', (n, expected) => {
    expect(chineseOrdinal(n)).toBe(expected);
  });

  it('falls back to digits outside 1..999 and for non-integers', () => {
    expect(chineseOrdinal(0)).toBe('0');
    expect(chineseOrdinal(1000)).toBe('1000');
    expect(chineseOrdinal(1.5)).toBe('1.5');
  });
});

describe('section and measure numbers', () => {
  it('numbers sections 一、 and measures （七） in Chinese, digits in English', () => {
    expect(sectionNumber(2, 'zh-Hans')).toBe('二、');
    expect(sectionNumber(2, 'en')).toBe('2. ');
    expect(measureNumber(7, 'zh-Hant')).toBe('（七）');
    expect(measureNumber(15, 'zh-Hans')).toBe('（十五）');
    expect(measureNumber(7, 'en')).toBe('(7)');
  });

  it('strips numbering the notice text already carries', () => {
    expect(stripLeadingNumber('一、強化就業優先政策')).toBe('強化就業優先政策');
    expect(stripLeadingNumber('（七）加大見習崗位開發力度')).toBe('加大見習崗位開發力度');
    expect(stripLeadingNumber('(十五) 優化服務')).toBe('優化服務');
    expect(stripLeadingNumber('3. Something')).toBe('Something');
    expect(stripLeadingNumber('三年行動')).toBe('三年行動');
  });
});

describe('formatTargetValue', () => {
  it('adds thousands separators below ten thousand', () => {
    expect(formatTargetValue(3000, 'zh-Hans')).toBe('3,000');
    expect(formatTargetValue(3, 'zh-Hans')).toBe('3');
    expect(formatTargetValue(1.5, 'zh-Hant')).toBe('1.5');
    expect(formatTargetValue(3000, 'en')).toBe('3,000');
  });

  it('writes round amounts of ten thousand or more with 万 / 萬 / 亿', () => {
    expect(formatTargetValue(10000, 'zh-Hans')).toBe('1万');
    expect(formatTargetValue(30000, 'zh-Hans')).toBe('3万');
    expect(formatTargetValue(25000, 'zh-Hant')).toBe('2.5萬');
    expect(formatTargetValue(123400, 'zh-Hans')).toBe('12.34万');
    expect(formatTargetValue(1_500_000, 'zh-Hans')).toBe('150万');
    expect(formatTargetValue(200_000_000, 'zh-Hans')).toBe('2亿');
    expect(formatTargetValue(150_000_000, 'zh-Hant')).toBe('1.5億');
    expect(formatTargetValue(123_450_000, 'zh-Hans')).toBe('12,345万');
  });

  it('keeps every digit when 万 would need more than two decimals', () => {
    expect(formatTargetValue(12345, 'zh-Hans')).toBe('12,345');
  });

  it('uses separators only in English', () => {
    expect(formatTargetValue(30000, 'en')).toBe('30,000');
    expect(formatTargetValue(1_500_000, 'en')).toBe('1,500,000');
  });
});

describe('formatIssuedOn', () => {
  it('formats a date the Chinese way or ISO in English', () => {
    expect(formatIssuedOn('2024-07-26', 'zh-Hans')).toBe('2024年7月26日');
    expect(formatIssuedOn('2024-07-26', 'zh-Hant')).toBe('2024年7月26日');
    expect(formatIssuedOn('2024-07-26', 'en')).toBe('2024-07-26');
  });

  it('reads the calendar date of a date-time without shifting time zones', () => {
    expect(formatIssuedOn('2024-07-26T00:00:00.000Z', 'zh-Hans')).toBe('2024年7月26日');
    expect(formatIssuedOn('2024-01-05T23:30:00+08:00', 'en')).toBe('2024-01-05');
  });

  it('returns anything else unchanged', () => {
    expect(formatIssuedOn('2024年7月', 'zh-Hans')).toBe('2024年7月');
  });
});
