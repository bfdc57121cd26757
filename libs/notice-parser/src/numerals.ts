const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that may make up a section or measure number (一, 十五, 二十三, 一百零五 ...). */
export const NUMERAL_CLASS = '[零〇一二兩两三四五六七八九十百]';

/**
 * The value of a Chinese numeral as used to number sections and measures: '十五' -> 15,
 * '二十' -> 20, '一百零五' -> 105. Plain ASCII digits are accepted too. Throws on anything else,
 * because a silently wrong number would renumber a measure.
 */
export function chineseNumeral(s: string): number {
  const text = s.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '' || !new RegExp(`^${NUMERAL_CLASS}+$`).test(text)) {
    throw new RangeError(`不是中文數字 / not a Chinese numeral: "${s}"`);
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = 1000;
  for (const ch of text) {
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      if (unit >= lastUnit) throw new RangeError(`中文數字格式錯誤 / malformed Chinese numeral: "${s}"`);
      // '十五' omits the leading 一; '一百一十' spells it out.
      total += (pending ?? 1) * unit;
      pending = null;
      lastUnit = unit;
    } else {
      if (pending !== null && pending !== 0) {
        throw new RangeError(`中文數字格式錯誤 / malformed Chinese numeral: "${s}"`);
      }
      pending = DIGITS[ch];
    }
  }
  return total + (pending ?? 0);
}

/** Digit-by-digit reading used for years in dates: '二〇二四' -> 2024. */
export function chineseDigits(s: string): number {
  let value = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) throw new RangeError(`不是中文數字 / not a Chinese digit string: "${s}"`);
    value = value * 10 + d;
  }
  return value;
}
