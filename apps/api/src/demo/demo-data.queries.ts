import type { Sql } from '../common/sql';

/**
 * The demo's SQL. The demo is a seed: like a migration, it writes other features' tables (accounts,
 * reports, figures, running totals, audit, supervision, notices) on purpose and in bulk, one
 * statement per table, with the timestamps and states a quarter of real use would have left. The
 * features' own operations (one report, one audit record at a time, each checked and audited) are
 * not the same writes, so it does not go through them. New rows take their ids from the tables'
 * defaults; the policy, units and periods are the seeded ones (stable ids), read here.
 */

/** Marks the database as holding demo data; false when it already was (the demo loads only once). */
export async function markDemoData(sql: Sql, marker: string, at: string): Promise<boolean> {
  const marked: unknown[] = await sql.query(
    `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name`,
    [marker, at],
  );
  return marked.length > 0;
}

/** The notice the demo reports on: the first issued. */
export async function firstPolicyId(sql: Sql): Promise<string | undefined> {
  const [policy]: { id: string }[] = await sql.query(`SELECT id FROM policy ORDER BY issued_on, doc_number LIMIT 1`);
  return policy?.id;
}

export interface DemoAgencyRow {
  id: string;
  name: string;
  kind: string;
  region_code: string | null;
}

/** Every unit, counties first by division code, then departments by name. */
export async function demoAgencies(sql: Sql): Promise<DemoAgencyRow[]> {
  return sql.query(`SELECT id, name, kind, region_code FROM agency ORDER BY kind = 'COUNTY' DESC, region_code, name`);
}

export interface DemoAccount {
  username: string;
  role: string;
  agencyId: string | null;
}

/** The accounts, all with one password; a username taken already is left as it is. */
export async function insertDemoAccounts(sql: Sql, passwordHash: string, accounts: DemoAccount[]): Promise<void> {
  await sql.query(
    `INSERT INTO app_user (username, password_hash, role, agency_id)
     SELECT u, $1, r, a FROM unnest($2::text[], $3::text[], $4::uuid[]) AS x(u, r, a) ON CONFLICT (username) DO NOTHING`,
    [passwordHash, accounts.map((a) => a.username), accounts.map((a) => a.role), accounts.map((a) => a.agencyId)],
  );
}

export interface DemoPeriod {
  id: string;
  label: string;
  dueOn: string;
  endsOn: string;
}

/** The policy's reporting periods in order. */
export async function demoPolicyPeriods(sql: Sql, policyId: string): Promise<DemoPeriod[]> {
  return sql.query(
    `SELECT id, label, due_on AS "dueOn", ends_on AS "endsOn" FROM reporting_period WHERE policy_id = $1 ORDER BY starts_on`,
    [policyId],
  );
}

/** A unit's task: a measure of the policy and one unit responsible for it. */
export interface DemoTask {
  measureId: string;
  seq: number;
  title: string;
  agencyId: string;
  kind: string;
  regionCode: string | null;
}

/** Every (measure, responsible unit) of the policy, by measure and the unit's position. */
export async function demoTasks(sql: Sql, policyId: string): Promise<DemoTask[]> {
  return sql.query(
    `SELECT m.id AS "measureId", m.seq, m.title, a.id AS "agencyId", a.kind, a.region_code AS "regionCode"
       FROM measure m JOIN responsibility r ON r.measure_id = m.id JOIN agency a ON a.id = r.agency_id
      WHERE m.policy_id = $1 ORDER BY m.seq, r.position`,
    [policyId],
  );
}

export interface DemoTargetRow {
  id: string;
  measure_id: string;
  name: string;
  direction: string;
  target_value: string;
  year: number;
}

/** The policy's targets (target_value as PostgreSQL's numeric text). */
export async function demoTargets(sql: Sql, policyId: string): Promise<DemoTargetRow[]> {
  return sql.query(
    `SELECT t.id, t.measure_id, t.name, t.direction, t.target_value, t.year FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1`,
    [policyId],
  );
}

export interface DemoReport {
  measureId: string;
  agencyId: string;
  periodId: string;
  status: string;
  progress: string;
  problems: string;
  nextSteps: string;
  unitStatus: string;
  submittedAt: string | null;
  reviewComment: string | null;
}

/**
 * The reports, with the version, review time and creation time their status implies. Returns the
 * new ids in the order given; a report that exists already is skipped (so fewer ids come back).
 */
export async function insertDemoReports(sql: Sql, reports: DemoReport[]): Promise<string[]> {
  const col = <K extends keyof DemoReport>(key: K) => reports.map((r) => r[key]);
  const ids: { id: string }[] = await sql.query(
    `INSERT INTO progress_report (measure_id, agency_id, period_id, status, version, progress, problems, next_steps, unit_status,
                                  submitted_at, first_submitted_at, reviewed_at, review_comment, created_at, updated_at)
     SELECT m, a, p, s, CASE WHEN s IN ('ACCEPTED', 'RETURNED') THEN 3 WHEN s = 'SUBMITTED' THEN 2 ELSE 1 END, pr, pb, ns, us,
            sub, sub, CASE WHEN s IN ('ACCEPTED', 'RETURNED') THEN sub + interval '2 days' END, rc,
            coalesce(sub, now()) - interval '3 days', coalesce(sub, now())
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
            WITH ORDINALITY AS x(m, a, p, s, pr, pb, ns, us, sub, rc, n)
      ORDER BY n
     ON CONFLICT (measure_id, agency_id, period_id) DO NOTHING RETURNING id`,
    [
      col('measureId'),
      col('agencyId'),
      col('periodId'),
      col('status'),
      col('progress'),
      col('problems'),
      col('nextSteps'),
      col('unitStatus'),
      col('submittedAt'),
      col('reviewComment'),
    ],
  );
  return ids.map((r) => r.id);
}

export interface DemoFigure {
  reportId: string;
  targetId: string;
  countyId: string;
  value: number;
}

export async function insertDemoFigures(sql: Sql, figures: DemoFigure[]): Promise<void> {
  await sql.query(
    `INSERT INTO report_figure (report_id, target_id, county_id, value) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[])`,
    [figures.map((f) => f.reportId), figures.map((f) => f.targetId), figures.map((f) => f.countyId), figures.map((f) => f.value)],
  );
}

/** The running totals targetProgress reads, exactly as the report service would have kept them. */
export async function addDemoReportTotals(sql: Sql, reportIds: string[]): Promise<void> {
  await sql.query(
    `INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
     SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value), count(*)
       FROM report_figure f JOIN progress_report r ON r.id = f.report_id
      WHERE r.id = ANY($1) AND r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1, 2, 3, 4
     ON CONFLICT (target_id, county_id, period_id, status)
     DO UPDATE SET total = report_total.total + EXCLUDED.total, figures = report_total.figures + EXCLUDED.figures`,
    [reportIds],
  );
}

/** One audit record per demo report, by the user name 'demo'. */
export async function auditDemoReports(sql: Sql, reportIds: string[]): Promise<void> {
  await sql.query(
    `INSERT INTO audit_record (username, action, entity, entity_id, after)
     SELECT 'demo', 'demo.create', 'progress_report', r.id::text, jsonb_build_object('status', r.status, 'demo', true) FROM progress_report r WHERE r.id = ANY($1)`,
    [reportIds],
  );
}
