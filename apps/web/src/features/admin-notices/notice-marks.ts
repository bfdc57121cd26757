import { findPhrase, lineSpan, measureNumberSpan, type TextMark } from './highlight';

/** What the marks are made of: the parts of a draft's measures that point into its text. */
export interface MarkedMeasure {
  id: string;
  seq: number;
  line?: number | null;
  responsibilitySpan?: { start: number; end: number } | null;
  responsibilityText?: string | null;
  responsibilities: readonly { agency: { id: string }; words?: string | null }[];
  targets: readonly { id: string; span?: { start: number; end: number } | null; sourcePhrase?: string | null }[];
}

/** The key a unit's tag and its words in the text share (a unit may lead one measure and help in another). */
export function responsibilityKey(measureId: string, agencyId: string): string {
  return `${measureId}:${agencyId}`;
}

function within(
  text: string,
  phrase: string | null | undefined,
  range: { start: number; end: number },
): { start: number; end: number } | null {
  const hit = findPhrase(text.slice(range.start, range.end), phrase);
  return hit && { start: hit.start + range.start, end: hit.end + range.start };
}

/**
 * Every mark of a draft: each measure's number, the words that named each unit (looked up inside
 * the measure's responsibility clause, else after the measure's line), each target's goal words
 * (its span, else its sentence found after the measure's line). What cannot be found is left out.
 */
export function noticeMarks(text: string, measures: readonly MarkedMeasure[], measureLabel: (seq: number) => string): TextMark[] {
  const marks: TextMark[] = [];
  for (const m of measures) {
    const numberSpan = m.line ? measureNumberSpan(text, m.line) : null;
    if (numberSpan) marks.push({ kind: 'measure', id: m.id, label: measureLabel(m.seq), ...numberSpan });
    const from = (m.line && lineSpan(text, m.line)?.start) || 0;
    const clause = m.responsibilitySpan ?? findPhrase(text, m.responsibilityText, from);
    for (const r of m.responsibilities) {
      const span = clause ? within(text, r.words, clause) : findPhrase(text, r.words, from);
      if (span) marks.push({ kind: 'unit', id: responsibilityKey(m.id, r.agency.id), ...span });
    }
    for (const target of m.targets) {
      const span = target.span ?? findPhrase(text, target.sourcePhrase, from);
      if (span) marks.push({ kind: 'target', id: target.id, ...span });
    }
  }
  return marks;
}
