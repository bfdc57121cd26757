import type { Sql } from '../common/sql';

/** Sets (or, with null, clears) a target's schedule: the cumulative shares due by the end of each quarter. */
export async function setTargetTrajectory(sql: Sql, targetId: string, shares: number[] | null): Promise<void> {
  await sql.query(`UPDATE target SET trajectory = $2 WHERE id = $1`, [targetId, shares]);
}
