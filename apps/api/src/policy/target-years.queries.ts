import type { Sql } from '../common/sql';

/** The latest year's target of a recurring (每年) target, and how far its notice runs. */
export interface RecurringTargetRow {
  id: string;
  measureId: string;
  measureSeq: number;
  policyId: string;
  docNumber: string;
  name: string;
  unit: string;
  targetValue: number;
  direction: string;
  year: number;
  sourcePhrase: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  /** The last year any target of the notice counts in (its end year as the notice states it). */
  endYear: number;
}

/**
 * Of every target name of a measure of a PUBLISHED policy (or of one policy), the latest year's
 * target, where that one recurs every year: the office ends a recurrence by unmarking its latest year.
 */
export function recurringTargets(sql: Sql, policyId: string | null): Promise<RecurringTargetRow[]> {
  return sql.query(
    `WITH latest AS (
       SELECT DISTINCT ON (t.measure_id, t.name) t.*, m.seq AS measure_seq, m.policy_id, p.doc_number
         FROM target t JOIN measure m ON m.id = t.measure_id JOIN policy p ON p.id = m.policy_id
        WHERE p.status = 'PUBLISHED' AND ($1::uuid IS NULL OR p.id = $1::uuid)
        ORDER BY t.measure_id, t.name, t.year DESC)
     SELECT l.id, l.measure_id AS "measureId", l.measure_seq AS "measureSeq", l.policy_id AS "policyId", l.doc_number AS "docNumber",
            l.name, l.unit, l.target_value::float AS "targetValue", l.direction, l.year, l.source_phrase AS "sourcePhrase",
            l.span_start AS "spanStart", l.span_end AS "spanEnd",
            (SELECT max(t2.year) FROM target t2 JOIN measure m2 ON m2.id = t2.measure_id WHERE m2.policy_id = l.policy_id)::int AS "endYear"
       FROM latest l
      WHERE l.every_year
      ORDER BY l.doc_number, l.measure_seq, l.name`,
    [policyId],
  );
}

/**
 * A recurring target's next year, copied from the last (value, direction, unit, the phrase it was
 * read from; no quotas, no schedule: the office sets that year's). Nothing when the year exists
 * already (a second start or another replica). `id` is the stable id of the year's target, `spareId`
 * the one used where a row holds that id already (a target renamed or moved since). Answers the
 * created target's id, or null.
 */
export async function insertTargetYear(
  sql: Sql,
  id: string,
  spareId: string,
  from: RecurringTargetRow,
  year: number,
): Promise<string | null> {
  const rows: { id: string }[] = await sql.query(
    `INSERT INTO target (id, measure_id, name, unit, target_value, direction, year, source_phrase, span_start, span_end, every_year)
     VALUES (CASE WHEN EXISTS (SELECT 1 FROM target WHERE id = $1) THEN $11 ELSE $1 END, $2, $3, $4, $5, $6, $7, $8, $9, $10, true)
     ON CONFLICT (measure_id, name, year) DO NOTHING RETURNING id`,
    [
      id,
      from.measureId,
      from.name,
      from.unit,
      from.targetValue,
      from.direction,
      year,
      from.sourcePhrase,
      from.spanStart,
      from.spanEnd,
      spareId,
    ],
  );
  return rows[0]?.id ?? null;
}

/** Sets a target's value if its version is still `version`; answers whether it did. */
export async function setTargetValueAt(sql: Sql, id: string, targetValue: number, version: number): Promise<boolean> {
  const [rows]: [unknown[], number] = await sql.query(
    `UPDATE target SET target_value = $2, version = version + 1 WHERE id = $1 AND version = $3 RETURNING id`,
    [id, targetValue, version],
  );
  return rows.length > 0;
}

/** Whether the target's policy is published (its figures are being reported against it). */
export async function policyStatusOfTarget(sql: Sql, targetId: string): Promise<string | null> {
  const rows: { status: string }[] = await sql.query(
    `SELECT p.status FROM target t JOIN measure m ON m.id = t.measure_id JOIN policy p ON p.id = m.policy_id WHERE t.id = $1`,
    [targetId],
  );
  return rows[0]?.status ?? null;
}
