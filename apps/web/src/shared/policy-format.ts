import type { Lang } from './i18n';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Chinese numeral as used to number sections (一、) and measures (（七）): 7 -> 七, 10 -> 十,
 * 15 -> 十五, 21 -> 二十一, 105 -> 一百零五. Outside 1..999 falls back to Arabic digits.
 */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${DIGITS[hundreds]}百` : '';
  if (tens) out += hundreds || tens > 1 ? `${DIGITS[tens]}十` : '十';
  else if (hundreds && ones) out += '零';
  if (ones) out += DIGITS[ones];
  return out;
}

/** `一、` before a section title (`1. ` in English). */
export function sectionNumber(seq: number, lang: Lang): string {
  return lang === 'en' ? `${seq}. ` : `${chineseOrdinal(seq)}、`;
}

/** `（七）` before a measure title (`(7)` in English). */
export function measureNumber(seq: number, lang: Lang): string {
  return lang === 'en' ? `(${seq})` : `（${chineseOrdinal(seq)}）`;
}

/**
 * Titles parsed from the notice may still carry their own numbering ("一、", "（七）"); we
 * number them ourselves, so strip it rather than show 一、一、.
 */
export function stripLeadingNumber(title: string): string {
  return title.replace(/^\s*(?:[一二三四五六七八九十百零]+、|[（(][一二三四五六七八九十百零\d]+[)）]|\d+[.、．])\s*/, '');
}

const plain = (lang: Lang, maxFractionDigits: number) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: maxFractionDigits, useGrouping: true });

/**
 * A target's number for reading: 3000 -> "3,000". In Chinese, round amounts of ten thousand or
 * more are written with 万/萬 (30000 -> "3万", 25000 -> "2.5万") and 亿/億 for 10^8 the way the
 * notice and officials write them; an amount that would need more than two decimals in 万
 * (12345) keeps separators so no digit is lost.
 */
export function formatTargetValue(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  if (lang !== 'en') {
    const units: [number, string][] =
      lang === 'zh-Hant'
        ? [
            [1e8, '億'],
            [1e4, '萬'],
          ]
        : [
            [1e8, '亿'],
            [1e4, '万'],
          ];
    for (const [size, word] of units) {
      // At most two decimals in the larger unit: n must be a whole multiple of size/100.
      if (Math.abs(n) >= size && Number.isInteger(n / (size / 100))) {
        return `${plain(lang, 2).format(n / size)}${word}`;
      }
    }
  }
  return plain(lang, 2).format(n);
}

/**
 * The issue date of a notice: 2024年7月26日 in Chinese, 2024-07-26 in English. The API sends a
 * date (YYYY-MM-DD) or a date-time; only the calendar date matters and is read as written (no
 * time-zone shift, which would move a midnight date to the previous day).
 */
export function formatIssuedOn(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) return iso;
  const [, y, m, d] = match;
  return lang === 'en' ? `${y}-${m}-${d}` : `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
