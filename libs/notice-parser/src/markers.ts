import { foldText, keyed } from './normalize';
import { chineseNumeral, NUMERAL_CLASS } from './numerals';

/** Recognizers for the numbered lines of a notice. All take the match key of a line. */

const SECTION_RE = new RegExp(`^(${NUMERAL_CLASS}+)、`);

/**
 * How a notice numbers its measures, highest level first: articles stand alone, (一) sits under 一、,
 * 1. under (一) or 一、, (1) under 1. The highest kind a notice uses numbers its measures; lower kinds
 * number points inside a measure.
 */
export type MeasureKind = 'ARTICLE' | 'PAREN_CN' | 'ARABIC' | 'PAREN_ARABIC';
export const MEASURE_KINDS: readonly MeasureKind[] = ['ARTICLE', 'PAREN_CN', 'ARABIC', 'PAREN_ARABIC'];

const MEASURE_RES: Readonly<Record<MeasureKind, RegExp>> = {
  ARTICLE: new RegExp(`^第(${NUMERAL_CLASS}+)[條条]`),
  PAREN_CN: new RegExp(`^\\((${NUMERAL_CLASS}+)\\)`),
  // `1.5萬人` opening a wrapped line is a number, not a marker. Up to 3 digits: a notice may have
  // hundreds of measures (the import takes 500).
  ARABIC: /^(\d{1,3})[.、](?!\d)/,
  PAREN_ARABIC: /^\((\d{1,3})\)/,
};

export interface Marker {
  seq: number;
  /** The line as written with the marker cut off, trimmed. */
  rest: string;
  /** Where `rest` starts in the line as written. */
  restAt: number;
}

export interface MeasureMarker extends Marker {
  kind: MeasureKind;
}

function cut(written: string, markerKeyLength: number): { rest: string; restAt: number } {
  const { at } = keyed(written);
  const restAt = markerKeyLength < at.length ? at[markerKeyLength] : written.length;
  return { rest: written.slice(restAt).trim(), restAt };
}

/** `一、激發活力擴大就業容量` */
export function sectionMarker(key: string, written: string): Marker | null {
  const m = SECTION_RE.exec(key);
  return m ? { seq: chineseNumeral(m[1]), ...cut(written, m[0].length) } : null;
}

/** `(一)加大…`, `1.加大…`, `（1）加大…`, `第一條 加大…` */
export function measureMarker(key: string, written: string): MeasureMarker | null {
  for (const kind of MEASURE_KINDS) {
    const m = MEASURE_RES[kind].exec(key);
    if (m) return { kind, seq: chineseNumeral(m[1]), ...cut(written, m[0].length) };
  }
  return null;
}

/** The number of a line's marker as written (`二十`, `12`), or null when the line has none. */
export function markerNumeral(key: string): string | null {
  for (const re of [SECTION_RE, ...MEASURE_KINDS.map((k) => MEASURE_RES[k])]) {
    const m = re.exec(key);
    if (m) return m[1];
  }
  return null;
}

export function isNumberedLine(key: string): boolean {
  return SECTION_RE.test(key) || MEASURE_KINDS.some((k) => MEASURE_RES[k].test(key));
}

/** A responsibility bracket starts the line: `[市人力資源社會保障局牽頭,…]`, `【…】`, `［…］`. */
export function opensBracket(key: string): boolean {
  return key.startsWith('[');
}

/**
 * The text between the first opening and the last closing bracket, as written. An unclosed bracket
 * still names its units, so it runs to the end of the text.
 */
export function bracketContent(written: string): string | null {
  const folded = foldText(written);
  const open = folded.indexOf('[');
  if (open < 0) return null;
  const close = folded.lastIndexOf(']');
  return written.slice(open + 1, close > open ? close : undefined).trim();
}

/** A paragraph that ends in one of these is complete; otherwise the next line continues it. */
export function endsParagraph(key: string): boolean {
  return /[。;:!?”」』\]]$/.test(key);
}
