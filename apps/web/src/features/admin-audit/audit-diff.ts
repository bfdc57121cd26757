/**
 * Before and after of one audit record, key by key, for the side-by-side view. Pure, so it is tested
 * without rendering. Values are compared as JSON (a nested object counts as one changed value);
 * keys keep the order they first appear in (before's, then after's new ones).
 */
export interface DiffRow {
  key: string;
  /** The value as shown: JSON for objects and arrays, the text itself for a string, '' when absent. */
  before: string;
  after: string;
  /** Present on one side only, or different on both. */
  changed: boolean;
  /** 'added' (only after), 'removed' (only before), 'changed', or 'same'. */
  change: 'added' | 'removed' | 'changed' | 'same';
}

/** A record's JSON text as an object: null for none; a value that is not an object sits under `value`. */
export function parseSnapshot(text: string | null | undefined): Record<string, unknown> | null {
  if (text === null || text === undefined || text === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { value: text };
  }
  if (parsed === null) return null;
  return typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
}

/** Stable JSON: object keys sorted, so {a,b} and {b,a} are the same value. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export function shown(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

export function diffSnapshots(beforeText: string | null | undefined, afterText: string | null | undefined): DiffRow[] {
  const before = parseSnapshot(beforeText) ?? {};
  const after = parseSnapshot(afterText) ?? {};
  const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
  return keys.map((key) => {
    const inBefore = key in before;
    const inAfter = key in after;
    const change = !inBefore ? 'added' : !inAfter ? 'removed' : canonical(before[key]) === canonical(after[key]) ? 'same' : 'changed';
    return { key, before: inBefore ? shown(before[key]) : '', after: inAfter ? shown(after[key]) : '', changed: change !== 'same', change };
  });
}

/** How many keys changed: the row's summary ("3 项变化"). */
export const changedCount = (rows: readonly DiffRow[]) => rows.filter((r) => r.changed).length;
