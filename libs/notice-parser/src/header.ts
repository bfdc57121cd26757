import { chineseDigits, chineseNumeral } from './numerals';
import { isNumberedLine, opensBracket } from './markers';

/** The lines before the first section: doc number, addressee, issuer, date and title. */

/** `江就辦〔2024〕1號`; copies also write the year in [] (folded from ［］ or 【】) or (). */
const DOC_NUMBER_RE = /^(.{1,30}?)[〔[(]((?:19|20)\d{2})[〕\])](\d{1,4})([號号])$/;

/**
 * Takes a match key. Brackets come back as 〔〕 whatever the copy used, so that the doc number,
 * which target-names.json is keyed on, does not depend on how the notice was typed.
 */
export function docNumberOf(key: string): string | null {
  const m = DOC_NUMBER_RE.exec(key);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}${m[4]}` : null;
}

const ARABIC_DATE_RE = /^((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_DATE_RE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2024年7月26日` or `二〇二四年七月二十六日` as a whole line -> `2024-07-26`. */
export function dateOf(key: string): string | null {
  const arabic = ARABIC_DATE_RE.exec(key);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = CHINESE_DATE_RE.exec(key);
  if (chinese) return isoDate(chineseDigits(chinese[1]), chineseNumeral(chinese[2]), chineseNumeral(chinese[3]));
  return null;
}

/** `(代章)` and similar seal notes stand between the issuer and the date. */
const SEAL_RE = /^\((?:代章|印章|蓋章|盖章|章)\)$/;

/** The issuer is the last line before the date that is not a seal note. */
export function issuerBefore(keys: readonly string[], dateIndex: number, docIndex: number): string {
  for (let i = dateIndex - 1; i > docIndex; i--) {
    const key = keys[i];
    if (key === '' || SEAL_RE.test(key)) continue;
    // A sentence or a salutation is not a signature: this notice has no issuer line.
    return key.includes('。') || key.endsWith(':') ? '' : key;
  }
  return '';
}

/** The first line after the doc number that ends in a colon and is not a sentence. */
export function addresseeBetween(keys: readonly string[], docIndex: number, dateIndex: number): string | null {
  for (let i = docIndex + 1; i < dateIndex; i++) {
    const key = keys[i];
    if (key.endsWith(':') && !key.includes('。') && key.length <= 80) return key.slice(0, -1);
  }
  return null;
}

/** Longer lines are body text, not a wrapped title. */
const MAX_TITLE_LINE = 50;

export interface TitleBlock {
  title: string;
  /** Index of the first line after the title. */
  next: number;
}

/**
 * The title follows the date, possibly wrapped over several short lines, and ends at the first
 * paragraph that is a sentence (has 。) or opens a list (ends with a colon).
 */
export function titleAfter(lines: readonly string[], keys: readonly string[], dateIndex: number): TitleBlock {
  const parts: string[] = [];
  let i = dateIndex + 1;
  for (; i < lines.length; i++) {
    const key = keys[i];
    if (key === '') continue;
    if (key.includes('。') || key.endsWith(':') || key.length > MAX_TITLE_LINE) break;
    if (isNumberedLine(key) || opensBracket(key)) break;
    parts.push(lines[i].trim());
  }
  return { title: parts.join(''), next: i };
}
