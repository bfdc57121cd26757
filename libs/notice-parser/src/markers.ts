import { foldText } from './normalize';
import { chineseNumeral, NUMERAL_CLASS } from './numerals';

/** Recognizers for the numbered lines of a notice. All take the match key of a line. */

const SECTION_RE = new RegExp(`^(${NUMERAL_CLASS}+)、`);
const MEASURE_RE = new RegExp(`^\\((${NUMERAL_CLASS}+)\\)`);

/** The same markers on the line as written, where spaces and full-width forms may remain. */
const WRITTEN_SECTION_RE = new RegExp(`^\\s*${NUMERAL_CLASS}+\\s*[、､]\\s*`);
const WRITTEN_MEASURE_RE = new RegExp(`^\\s*[(（]\\s*${NUMERAL_CLASS}+\\s*[)）]\\s*`);

export interface Marker {
  seq: number;
  /** The line as written with the marker cut off, trimmed. */
  rest: string;
}

function marker(key: string, written: string, keyRe: RegExp, writtenRe: RegExp): Marker | null {
  const m = keyRe.exec(key);
  if (!m) return null;
  return { seq: chineseNumeral(m[1]), rest: written.replace(writtenRe, '').trim() };
}

/** `一、激發活力擴大就業容量` */
export function sectionMarker(key: string, written: string): Marker | null {
  return marker(key, written, SECTION_RE, WRITTEN_SECTION_RE);
}

/** `(一)加大市場主體穩崗擴崗支持力度。…` */
export function measureMarker(key: string, written: string): Marker | null {
  return marker(key, written, MEASURE_RE, WRITTEN_MEASURE_RE);
}

export function isNumberedLine(key: string): boolean {
  return SECTION_RE.test(key) || MEASURE_RE.test(key);
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

/**
 * Bracket text that reads like a responsibility clause. Used before splitting a bracket off the end
 * of a measure paragraph, so that a bracketed aside in the body is left alone.
 */
export function looksLikeResponsibility(content: string): boolean {
  return /[牽牵][頭头]|(?:[負负][責责]|配合)$/.test(content.replace(/\s+/g, ''));
}

/** A paragraph that ends in one of these is complete; otherwise the next line continues it. */
export function endsParagraph(key: string): boolean {
  return /[。;:!?”」』]$/.test(key);
}
