import type { TextConverter } from './opencc';

/**
 * Simplified forms of a page's policy texts, fetched from the API (`simplifiedTexts`), so that a
 * page showing only the notice's names and titles (the dashboard) needs no opencc download. A page
 * registers its texts with `setPageTexts`; `useDisplayText` looks texts up here first.
 */
export interface SimplifiedTexts {
  /** traditional -> simplified, only texts that differ. */
  readonly pairs: ReadonlyMap<string, string>;
  /** Characters that the pairs convert: a text without any of them needs no converting. */
  readonly convertible: ReadonlySet<string>;
  /** A page has registered its texts: a text missing from `pairs` reads the same in both scripts. */
  readonly covered: boolean;
  /** A page's texts are on their way: show texts as written for now, do not load opencc. */
  readonly waiting: boolean;
}

/** Chinese characters: text without any (numbers, codes, English) never needs converting. */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The simplified form of `text`, and whether opencc is needed for it: from the pairs if listed,
 * else from the converter if loaded; a text the page's list leaves out is shown as written unless
 * it has a character the list converts elsewhere (a text the list does not cover, e.g. a
 * measure's body); with no list (e.g. the policy page) any Chinese text needs the converter.
 */
export function simplifiedText(
  text: string,
  texts: SimplifiedTexts,
  converter: TextConverter | null,
): { text: string; needsConverter: boolean } {
  if (!text || !HAN.test(text)) return { text, needsConverter: false };
  const listed = texts.pairs.get(text);
  if (listed !== undefined) return { text: listed, needsConverter: false };
  if (converter) return { text: converter(text), needsConverter: false };
  if (texts.waiting) return { text, needsConverter: false };
  if (texts.covered && !Array.from(text).some((c) => texts.convertible.has(c))) return { text, needsConverter: false };
  return { text, needsConverter: true };
}

/** The characters a list of pairs converts (position by position where the lengths agree). */
export function convertibleChars(pairs: Iterable<readonly [string, string]>, into = new Set<string>()): Set<string> {
  for (const [text, simplified] of pairs) {
    const a = Array.from(text);
    const b = Array.from(simplified);
    if (a.length === b.length) a.forEach((c, i) => c !== b[i] && into.add(c));
    else a.forEach((c) => !b.includes(c) && into.add(c));
  }
  return into;
}

export type PageTexts = 'waiting' | 'failed' | readonly { text: string; simplified: string }[];

const pairs = new Map<string, string>();
const convertible = new Set<string>();
const pages = new Map<object, PageTexts>();
const listeners = new Set<() => void>();
let snapshot: SimplifiedTexts = { pairs, convertible, covered: false, waiting: false };

function publish() {
  const states = [...pages.values()];
  snapshot = {
    pairs,
    convertible,
    covered: states.some((s) => typeof s !== 'string'),
    waiting: states.includes('waiting'),
  };
  listeners.forEach((l) => l());
}

/**
 * A mounted page's texts (keyed by any object the page keeps): 'waiting' while they load,
 * 'failed' to fall back to opencc. Pairs stay known after the page unmounts; the page's coverage
 * does not (`removePageTexts`).
 */
export function setPageTexts(page: object, state: PageTexts) {
  if (typeof state !== 'string') {
    for (const p of state) pairs.set(p.text, p.simplified);
    convertibleChars(
      state.map((p) => [p.text, p.simplified] as const),
      convertible,
    );
  }
  pages.set(page, state);
  publish();
}

export function removePageTexts(page: object) {
  if (pages.delete(page)) publish();
}

export function subscribeSimplifiedTexts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSimplifiedTexts(): SimplifiedTexts {
  return snapshot;
}
