import reviewed from './target-names.json';
import { matchKey } from './normalize';
import type { ParsedSection, TargetNameOverride } from './types';

function isOverride(value: unknown): value is TargetNameOverride {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['docNumber'] === 'string' &&
    typeof v['measureSeq'] === 'number' &&
    typeof v['targetValue'] === 'number' &&
    typeof v['name'] === 'string' &&
    v['name'] !== '' &&
    (v['reason'] === undefined || typeof v['reason'] === 'string')
  );
}

/** Checked at load so that a bad edit to the JSON fails loudly instead of being skipped. */
function checkedList(list: unknown): readonly TargetNameOverride[] {
  if (!Array.isArray(list)) throw new TypeError('target-names.json must hold an array');
  list.forEach((entry, i) => {
    if (!isOverride(entry)) throw new TypeError(`target-names.json entry ${i} is malformed`);
  });
  return list as TargetNameOverride[];
}

/** The reviewed names applied when ParseOptions.targetNames is not given. */
export const REVIEWED_TARGET_NAMES: readonly TargetNameOverride[] = checkedList(reviewed);

/**
 * Replaces a target's name where a reviewer has written a better one. Only the name: the value,
 * unit and direction the text states are never overridden.
 */
export function applyTargetNames(docNumber: string, sections: ParsedSection[], overrides: readonly TargetNameOverride[]): void {
  const doc = matchKey(docNumber);
  const relevant = overrides.filter((o) => matchKey(o.docNumber) === doc);
  if (relevant.length === 0) return;
  for (const section of sections) {
    for (const measure of section.measures) {
      for (const target of measure.targets) {
        const hit = relevant.find((o) => o.measureSeq === measure.seq && o.targetValue === target.targetValue);
        if (hit) target.name = hit.name;
      }
    }
  }
}
