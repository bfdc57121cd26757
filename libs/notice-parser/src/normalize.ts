/**
 * Notices arrive copied from web pages, PDFs and Word files, so the same character can come in
 * several encodings. Matching always runs on a folded copy; what the notice says is kept as written.
 */

/** Characters outside the U+FF01..U+FF5E block that still need folding to one ASCII form. */
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  '\u3010': '[', // 【
  '\u3011': ']', // 】
  '\u3016': '[', // 〖
  '\u3017': ']', // 〗
  '\u301c': '~', // 〜 wave dash, used for ranges like 16〜24歲
  '\uff64': '、', // halfwidth ideographic comma
  '\u3002': '。',
  '\uff61': '。', // halfwidth ideographic full stop
};

/**
 * Folds one UTF-16 code unit. The result is always exactly one code unit so that an index into
 * the folded copy is also an index into the original line.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000 || code === 0x00a0 || code === 0xfeff) return ' ';
  return EXTRA_FOLDS[ch] ?? ch;
}

/** Every code unit foldChar changes: the rest of a text is copied as it is. */
const FOLDED_RE = /[\uff01-\uff5e\u3000\u00a0\ufeff\u3010\u3011\u3016\u3017\u301c\uff64\u3002\uff61]/g;

/** Same length as the input (see foldChar), whitespace kept. */
export function foldText(s: string): string {
  // One replace, not a string built a character at a time: folding runs over whole paragraphs.
  return s.replace(FOLDED_RE, foldChar);
}

/**
 * The copy used for matching: folded, with every whitespace character removed. Chinese text has
 * no meaningful spaces, and stray ones (from PDF extraction or typing) must not break patterns.
 */
export function matchKey(s: string): string {
  return foldText(s).replace(/\s+/g, '');
}

/** sourceText keeps LF only; a lone CR (old Mac files) is a line break too. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Because folding keeps length, a span of the folded text is also a span of the original. */
export interface Span {
  start: number;
  end: number;
}

export function splitSpans(folded: string, isSeparator: (folded: string, index: number) => boolean): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    if (isSeparator(folded, i)) {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  spans.push({ start, end: folded.length });
  return spans;
}

/** A match key with, for every key character, the index of the character it came from. */
export interface Keyed {
  key: string;
  /** at[k] is the index in the written string of key[k]. */
  at: number[];
}

/** matchKey that remembers where each character stood, so a match can be mapped back to the text. */
export function keyed(s: string): Keyed {
  const folded = foldText(s);
  let key = '';
  const at: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (/\s/.test(folded[i])) continue;
    key += folded[i];
    at.push(i);
  }
  return { key, at };
}

/**
 * Appends items one by one: `target.push(...items)` passes every item as an argument and throws
 * RangeError (call stack size) once a paragraph runs to some 100,000 characters.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
