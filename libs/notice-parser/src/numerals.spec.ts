import { chineseNumeral } from './index';
import { chineseDigits } from './numerals';

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['九十九', 99],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['兩', 2],
    ['12', 12],
  ])('%s -> %d', (s, n) => {
    expect(chineseNumeral(s)).toBe(n);
  });

  it.each(['', '五五', '十十', '十百', 'A', '一.'])('rejects %j', (s) => {
    expect(() => chineseNumeral(s)).toThrow(RangeError);
  });

  it('reads years digit by digit', () => {
    expect(chineseDigits('二〇二四')).toBe(2024);
    expect(chineseDigits('二零二五')).toBe(2025);
  });
});
