import type { TargetFacts } from '@luoshi/domain';
import type { Sql } from '../common/sql';

/**
 * The policy feature's answers to the progress evaluation (progress/): its targets and counties.
 * Exported questions: other features ask them here rather than selecting the policy's tables.
 */

/** A target as the evaluation, the cards and the texts that explain them need it. */
export interface TargetToEvaluate extends TargetFacts {
  measureId: string;
  measureSeq: number;
  name: string;
  unit: string;
}

/**
 * Every target of the policy, in the notice's order (measure seq, then name). The one selection of
 * a policy's targets the evaluation makes: cards, measures' lights, ratings and the pack share it.
 */
export async function targetsToEvaluate(sql: Sql, policyId: string): Promise<TargetToEvaluate[]> {
  return sql.query(
    `SELECT t.id, t.measure_id AS "measureId", m.seq AS "measureSeq", t.name, t.unit, t.direction,
            t.target_value::float AS "targetValue", t.year, t.trajectory
       FROM target t JOIN measure m ON m.id = t.measure_id
      WHERE m.policy_id = $1
      ORDER BY m.seq, t.name`,
    [policyId],
  );
}

/** Whether the agency is a county (any county: merged or inactive ones too). */
export async function isCounty(sql: Sql, agencyId: string): Promise<boolean> {
  const rows: unknown[] = await sql.query(`SELECT 1 FROM agency WHERE id = $1 AND kind = 'COUNTY'`, [agencyId]);
  return rows.length > 0;
}

/**
 * A target row (alias `t`) as the JSON of the Target entity: every column under its property name, so
 * that the object stands in for a loaded entity wherever GraphQL resolves a Target's fields (the
 * targetProgress answer is built in PostgreSQL). progress-answer.spec holds the list to the entity's columns.
 */
export const TARGET_AS_JSON = `json_build_object(
  'id', t.id, 'measureId', t.measure_id, 'name', t.name, 'unit', t.unit, 'targetValue', t.target_value::float8,
  'direction', t.direction, 'year', t.year, 'sourcePhrase', t.source_phrase, 'trajectory', t.trajectory,
  'everyYear', t.every_year, 'version', t.version, 'spanStart', t.span_start, 'spanEnd', t.span_end)`;

/** An agency row (alias `a`) as the JSON of the Agency entity (see TARGET_AS_JSON). */
export const AGENCY_AS_JSON = `json_build_object(
  'id', a.id, 'name', a.name, 'nameSimplified', a.name_simplified, 'shortName', a.short_name, 'kind', a.kind,
  'regionCode', a.region_code, 'searchText', a.search_text, 'nameKey', a.name_key, 'active', a.active,
  'mergedIntoId', a.merged_into_id, 'createdByImport', a.created_by_import)`;
