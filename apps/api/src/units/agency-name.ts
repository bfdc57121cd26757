import { toSimplified } from '../common/chinese-script';

/** A unit's name as typed, with runs of spaces (also full-width ones) trimmed and folded to one. */
export const tidyName = (name: string) => name.replace(/\s+/gu, ' ').trim();

/**
 * What two names are compared by: simplified script, no spaces, lower case. 江門市人力資源和社會保障局
 * and 江门市 人力资源和社会保障局 are one unit; the database holds this key unique (agency_name_key_key).
 */
export const nameKeyOf = (name: string) => toSimplified(name).replace(/\s+/gu, '').toLowerCase();

/**
 * The unit an id stands for now: a merged unit's work lives on in the unit it went into (and that
 * one may have been merged in turn). Merging into an inactive unit is refused, so chains are short;
 * the depth bound only guards against a cycle written by hand.
 */
export const FOLLOW_MERGES_SQL = `
  WITH RECURSIVE chain AS (
    SELECT id, merged_into_id, 0 AS depth FROM agency WHERE id = $1
    UNION ALL
    SELECT a.id, a.merged_into_id, c.depth + 1 FROM agency a JOIN chain c ON a.id = c.merged_into_id WHERE c.depth < 32
  )
  SELECT id FROM chain WHERE merged_into_id IS NULL LIMIT 1`;
