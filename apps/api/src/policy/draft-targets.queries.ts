import type { Sql } from '../common/sql';

/**
 * True where the measure already has a target of that name and year (other than `exceptId`, the
 * target being changed): target_measure_name_year_key would refuse another.
 */
export async function targetNameTaken(sql: Sql, measureId: string, name: string, year: number, exceptId?: string): Promise<boolean> {
  const [taken]: unknown[] = await sql.query(
    `SELECT 1 FROM target WHERE measure_id = $1 AND name = $2 AND year = $3 AND ($4::uuid IS NULL OR id <> $4::uuid)`,
    [measureId, name, year, exceptId ?? null],
  );
  return !!taken;
}

/** What the office states of a target. */
export interface TargetFacts {
  name: string;
  unit: string;
  targetValue: number;
  direction: string;
  year: number;
  /** 每年: the target recurs every year. */
  everyYear: boolean;
}

export async function insertTarget(sql: Sql, id: string, measureId: string, t: TargetFacts): Promise<void> {
  await sql.query(
    `INSERT INTO target (id, measure_id, name, unit, target_value, direction, year, every_year) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, measureId, t.name, t.unit, t.targetValue, t.direction, t.year, t.everyYear],
  );
}

/** Changes a target; a ceiling has no quarterly schedule (setTargetTrajectory refuses one), so becoming AT_MOST drops it. */
export async function updateTarget(sql: Sql, id: string, t: TargetFacts): Promise<void> {
  await sql.query(
    `UPDATE target SET name = $2, unit = $3, target_value = $4, direction = $5, year = $6, every_year = $7,
                trajectory = CASE WHEN $5 = 'AT_MOST' THEN NULL ELSE trajectory END WHERE id = $1`,
    [id, t.name, t.unit, t.targetValue, t.direction, t.year, t.everyYear],
  );
}

export async function deleteTarget(sql: Sql, id: string): Promise<void> {
  await sql.query(`DELETE FROM target WHERE id = $1`, [id]);
}
