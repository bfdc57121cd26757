import type { Sql } from '../common/sql';

export interface NewPeriodRow {
  id: string;
  policyId: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

/** Adds a reporting period unless the policy has one of that label (whose due date the office may have changed). */
export async function insertReportingPeriod(sql: Sql, p: NewPeriodRow): Promise<void> {
  await sql.query(
    `INSERT INTO reporting_period (id, policy_id, label, starts_on, ends_on, due_on) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (policy_id, label) DO NOTHING`,
    [p.id, p.policyId, p.label, p.startsOn, p.endsOn, p.dueOn],
  );
}

/** How many reporting periods a policy has. */
export async function periodCount(sql: Sql, policyId: string): Promise<number> {
  const [{ periods }]: { periods: number }[] = await sql.query(
    `SELECT count(*)::int AS periods FROM reporting_period WHERE policy_id = $1`,
    [policyId],
  );
  return periods;
}

/** Gives a unit its own due date for a period, or changes the one it has. */
export async function upsertPeriodExtension(sql: Sql, periodId: string, agencyId: string, dueOn: string, reason: string): Promise<void> {
  await sql.query(
    `INSERT INTO period_extension (period_id, agency_id, due_on, reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT (period_id, agency_id) DO UPDATE SET due_on = EXCLUDED.due_on, reason = EXCLUDED.reason, updated_at = now()`,
    [periodId, agencyId, dueOn, reason],
  );
}

/** A removed extension as the audit keeps it: its date and reason, the unit's name and the period's label. */
export interface RemovedExtension {
  due_on: string;
  reason: string;
  agency: string;
  label: string;
}

/** Deletes a unit's extension of a period; answers what it was (null: the unit had none). */
export async function deletePeriodExtension(sql: Sql, periodId: string, agencyId: string): Promise<RemovedExtension | null> {
  // A DELETE … RETURNING through TypeORM answers [rows, count].
  const [removed]: [RemovedExtension[], number] = await sql.query(
    `DELETE FROM period_extension x USING agency a, reporting_period p
      WHERE x.period_id = $1 AND x.agency_id = $2 AND a.id = x.agency_id AND p.id = x.period_id
      RETURNING x.due_on::text AS due_on, x.reason, a.name AS agency, p.label`,
    [periodId, agencyId],
  );
  return removed[0] ?? null;
}
