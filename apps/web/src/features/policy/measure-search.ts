import type { TextConverter } from '../../shared/opencc';
import type { MeasureData } from './types';

export type SearchableMeasure = Pick<MeasureData, 'title' | 'body'> & {
  responsibilities: readonly { agency: { name: string } }[];
  targets: readonly { name: string; unit: string }[];
};

/**
 * Folds text so that what an official types matches what the notice says: NFKC turns full-width
 * letters, digits and brackets into ASCII, case is ignored, whitespace dropped (the notice breaks
 * lines mid-phrase), and — once opencc has loaded — both sides are compared in simplified
 * characters so 见习岗位 finds 見習崗位 and the other way round.
 */
export function foldForSearch(text: string, toSimplified?: TextConverter | null): string {
  const simplified = toSimplified ? toSimplified(text) : text;
  return simplified.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Everything a measure can be found by: its words, the units responsible and its targets. */
export function measureSearchText(measure: SearchableMeasure): string {
  return [
    measure.title,
    measure.body,
    ...measure.responsibilities.map((r) => r.agency.name),
    ...measure.targets.map((t) => `${t.name}${t.unit}`),
  ].join('\n');
}

export interface MeasureSearchIndex<T> {
  entries: { measure: T; text: string }[];
  toSimplified: TextConverter | null;
}

/** Fold each measure's text once, not on every keystroke. */
export function buildMeasureSearchIndex<T extends SearchableMeasure>(
  measures: readonly T[],
  toSimplified?: TextConverter | null,
): MeasureSearchIndex<T> {
  return {
    entries: measures.map((measure) => ({ measure, text: foldForSearch(measureSearchText(measure), toSimplified) })),
    toSimplified: toSimplified ?? null,
  };
}

/** Measures containing every space-separated term of the query, in their original order. */
export function searchMeasureIndex<T>(index: MeasureSearchIndex<T>, query: string): T[] {
  const terms = query
    .split(/[\s,，、;；]+/)
    .map((term) => foldForSearch(term, index.toSimplified))
    .filter(Boolean);
  if (terms.length === 0) return index.entries.map((e) => e.measure);
  return index.entries.filter((e) => terms.every((term) => e.text.includes(term))).map((e) => e.measure);
}

export function filterMeasures<T extends SearchableMeasure>(
  measures: readonly T[],
  query: string,
  toSimplified?: TextConverter | null,
): T[] {
  return searchMeasureIndex(buildMeasureSearchIndex(measures, toSimplified), query);
}
