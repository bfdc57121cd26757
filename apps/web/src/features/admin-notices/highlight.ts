/**
 * The notice's text cut into segments for the review page: the words that named a unit, the goal
 * words of a target and each measure's number are marked, everything else is plain text.
 *
 * Overlaps nest: a segment carries every mark that covers it, widest first, and renders in the
 * narrowest one's style (a target's words inside a unit's span show as the target) while the
 * outer marks stay reachable (hover, title). Marks outside the text, empty or inverted, are dropped.
 * Offsets are JS string offsets (UTF-16), as the API gives them.
 */

/** `line`: a whole line the office asked to see (a warning's); it sits outside every other mark. */
export type MarkKind = 'line' | 'measure' | 'unit' | 'target';

export interface TextMark {
  kind: MarkKind;
  start: number;
  end: number;
  /** What the mark stands for (measure id, `${measureId}:${agencyId}`, target id): hover and scroll key. */
  id: string;
  /** A short word shown beside the marked words, so colour is never the only sign (e.g. 措施3). */
  label?: string;
}

export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Widest first; empty for plain text. */
  marks: TextMark[];
}

/** The narrowest mark of a segment: the one whose style it shows. */
export function topMark(segment: TextSegment): TextMark | undefined {
  return segment.marks[segment.marks.length - 1];
}

function validMarks(length: number, marks: readonly TextMark[]): TextMark[] {
  return marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= length && m.start < m.end);
}

/** Widest first; of equal spans the earlier kind in this order sits outside (a unit's words hold a target's). */
const KIND_ORDER: Record<MarkKind, number> = { line: -1, measure: 0, unit: 1, target: 2 };

/** The text as sorted, non-overlapping segments covering all of it. */
export function highlightSegments(text: string, marks: readonly TextMark[]): TextSegment[] {
  const kept = validMarks(text.length, marks);
  const cuts = new Set<number>([0, text.length]);
  for (const m of kept) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = kept
      .filter((m) => m.start <= start && m.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    segments.push({ start, end, text: text.slice(start, end), marks: covering });
  }
  return segments;
}

/** Start and end offsets of a 1-based line (without its line break); null when out of range. */
export function lineSpan(text: string, line: number): { start: number; end: number } | null {
  if (!Number.isInteger(line) || line < 1) return null;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return null;
    start = next + 1;
  }
  const nl = text.indexOf('\n', start);
  let end = nl < 0 ? text.length : nl;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

/** The 1-based line an offset falls on. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) if (text[i] === '\n') line++;
  return line;
}

const NUMERALS = '一二三四五六七八九十百零〇两';
// （一） (一) 1. 1、 1． 第一条 at the start of a line, after any indentation.
const MEASURE_NUMBER = new RegExp(`^[\\s\\u3000]*(?:[（(][${NUMERALS}\\d]+[）)]|\\d+[.．、]|第[${NUMERALS}\\d]+条)`);

/** The measure's number on its line ((一), 1., 第一条); the line's text when no number is found. */
export function measureNumberSpan(text: string, line: number): { start: number; end: number } | null {
  const span = lineSpan(text, line);
  if (!span || span.start === span.end) return null;
  const m = MEASURE_NUMBER.exec(text.slice(span.start, span.end));
  if (!m) return span;
  const lead = m[0].length - m[0].trimStart().length;
  return { start: span.start + lead, end: span.start + m[0].length };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `phrase` stands in the text when the API gave no span (sourcePhrase, responsibilityText):
 * the first occurrence at or after `from` (the measure's line), else the first anywhere. Line
 * breaks and spaces inside the phrase may differ from the text's (a phrase spanning a wrapped line).
 */
export function findPhrase(text: string, phrase: string | null | undefined, from = 0): { start: number; end: number } | null {
  const wanted = (phrase ?? '').trim();
  if (!wanted) return null;
  const chars = [...wanted.replace(/[\s\u3000]+/g, '')];
  if (!chars.length) return null;
  const loose = new RegExp(chars.map(escapeRegExp).join('[\\s\\u3000]*'), 'g');
  let first: { start: number; end: number } | null = null;
  for (const m of text.matchAll(loose)) {
    const hit = { start: m.index, end: m.index + m[0].length };
    if (hit.start >= from) return hit;
    first ??= hit;
  }
  return first;
}
