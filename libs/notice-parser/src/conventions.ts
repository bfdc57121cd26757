import { keyed } from './normalize';

/**
 * A notice may state how to read its responsibility clauses, e.g. `（注：排在第一位的为牵头单位）` or
 * `各项任务中列第一位的为牵头单位`: then the first unit of a clause that names no lead is the lead.
 */
export interface Convention {
  /** The statement as written, e.g. `排在第一位的为牵头单位`; it is each such unit's roleWords. */
  words: string;
}

const FIRST_LEADS_RE = /(?:排在|列在|排|列|位[於于]|居)第一(?:位|個|个)?(?:的|者)?(?:[單单]位)?(?:[為为]|是)[牽牵][頭头](?:[單单]位)?/;

export function conventionOf(text: string): Convention | null {
  const { key, at } = keyed(text);
  const m = FIRST_LEADS_RE.exec(key);
  if (!m) return null;
  const start = at[m.index];
  const end = at[m.index + m[0].length - 1] + 1;
  return { words: text.slice(start, end) };
}
