import { randomBytes } from 'node:crypto';
import { loadDemoSupervision } from './demo-supervision';
import { EntityManager } from 'typeorm';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { hashPassword } from '../auth/passwords';
import { fill, NEXT_STEP_TEXTS, PROBLEM_TEXTS, PROGRESS_TEXTS, RETURN_COMMENT } from './demo-texts';

/**
 * Demo data for the embedded default (or DEMO_DATA=1): an account per role and per unit, and a few
 * quarters of plausible reports, so a newcomer sees a living product. Loaded once; marked in
 * app_secret so the UI can say it is demo data.
 */
export interface DemoResult {
  loaded: boolean;
  password?: string;
  accounts?: { username: string; role: string; unit: string | null }[];
  reports?: number;
}

export const DEMO_MARKER = 'demo_data';

export const demoWanted = (embedded: boolean, env = process.env) => env.DEMO_DATA === '1' || (embedded && env.DEMO_DATA !== '0');

/** A small seeded generator: the same demo everywhere. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  return {
    next,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    between: (a: number, b: number) => a + next() * (b - a),
  };
}

// How each county's share of a count target is usually split (a bigger district delivers more).
const COUNTY_WEIGHT: Record<string, number> = {
  '440703': 0.2,
  '440704': 0.1,
  '440705': 0.18,
  '440781': 0.14,
  '440783': 0.14,
  '440784': 0.12,
  '440785': 0.12,
};
// Share of the year's target delivered in each demo quarter, by target name: some ahead, some behind.
const QUARTER_SHARE: Record<string, [number, number]> = { 見習崗位: [0.78, 0.3], 事業單位崗位: [0.55, 0.3], 公益性崗位: [0.6, 0.33] };

interface Task {
  measureId: string;
  seq: number;
  title: string;
  agencyId: string;
  kind: string;
  regionCode: string | null;
}
interface Period {
  id: string;
  label: string;
  dueOn: string;
  endsOn: string;
}

type Fate = 'ACCEPTED' | 'SUBMITTED' | 'RETURNED' | 'DRAFT' | 'NONE';

function fateFor(periodIndex: number, isCurrent: boolean, r: number): Fate {
  if (isCurrent) return r < 0.3 ? 'SUBMITTED' : r < 0.5 ? 'DRAFT' : 'NONE';
  if (periodIndex === 0) return r < 0.96 ? 'ACCEPTED' : 'SUBMITTED';
  return r < 0.82 ? 'ACCEPTED' : r < 0.9 ? 'SUBMITTED' : r < 0.93 ? 'RETURNED' : r < 0.96 ? 'DRAFT' : 'NONE';
}

export async function loadDemoData(manager: EntityManager, today = new Date().toISOString().slice(0, 10)): Promise<DemoResult> {
  const marked = await manager.query(`INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name`, [
    DEMO_MARKER,
    new Date().toISOString(),
  ]);
  if (marked.length === 0) return { loaded: false };
  const [policy] = await manager.query(`SELECT id FROM policy ORDER BY issued_on, doc_number LIMIT 1`);
  if (!policy) return { loaded: false };
  const rnd = generator(20240726);

  // Accounts: one password for all, shown once (it is demo data on a developer's machine).
  const password = randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const agencies: { id: string; name: string; kind: string; region_code: string | null }[] = await manager.query(
    `SELECT id, name, kind, region_code FROM agency ORDER BY kind = 'COUNTY' DESC, region_code, name`,
  );
  const accounts: { username: string; role: string; unit: string | null; agencyId: string | null }[] = [
    { username: 'office', role: 'OFFICE', unit: null, agencyId: null },
    { username: 'leader', role: 'LEADER', unit: null, agencyId: null },
  ];
  let dept = 0;
  for (const a of agencies) {
    const county = JIANGMEN_COUNTIES.find((c) => c.regionCode === a.region_code);
    const username = county ? county.nameEn.toLowerCase() : `dept${String(++dept).padStart(2, '0')}`;
    accounts.push({ username, role: 'REPORTER', unit: a.name, agencyId: a.id });
  }
  await manager.query(
    `INSERT INTO app_user (username, password_hash, role, agency_id)
     SELECT u, $1, r, a FROM unnest($2::text[], $3::text[], $4::uuid[]) AS x(u, r, a) ON CONFLICT (username) DO NOTHING`,
    [hash, accounts.map((a) => a.username), accounts.map((a) => a.role), accounts.map((a) => a.agencyId)],
  );

  // Reports: the notice's first two quarters (the targets' year) and the quarter being reported now.
  const periods: Period[] = await manager.query(
    `SELECT id, label, due_on AS "dueOn", ends_on AS "endsOn" FROM reporting_period WHERE policy_id = $1 ORDER BY starts_on`,
    [policy.id],
  );
  const current = [...periods].reverse().find((p) => p.endsOn < today);
  const demoPeriods = [...new Set([periods[0], periods[1], current].filter((p): p is Period => !!p))];
  const tasks: Task[] = await manager.query(
    `SELECT m.id AS "measureId", m.seq, m.title, a.id AS "agencyId", a.kind, a.region_code AS "regionCode"
       FROM measure m JOIN responsibility r ON r.measure_id = m.id JOIN agency a ON a.id = r.agency_id
      WHERE m.policy_id = $1 ORDER BY m.seq, r.position`,
    [policy.id],
  );
  const targets: { id: string; measure_id: string; name: string; direction: string; target_value: string }[] = await manager.query(
    `SELECT t.id, t.measure_id, t.name, t.direction, t.target_value FROM target t JOIN measure m ON m.id = t.measure_id WHERE m.policy_id = $1`,
    [policy.id],
  );

  const reports: Record<string, unknown>[] = [];
  const figures: { report: number; targetId: string; countyId: string; value: number }[] = [];
  demoPeriods.forEach((period, index) => {
    const isCurrent = period === current && index >= 2;
    for (const task of tasks) {
      const fate = fateFor(index, isCurrent, rnd.next());
      if (fate === 'NONE') continue;
      const due = new Date(`${period.dueOn}T09:00:00+08:00`).getTime();
      const submittedAt = new Date(due - rnd.between(-4, 9) * 86_400_000); // most on time, some days late
      reports.push({
        measureId: task.measureId,
        agencyId: task.agencyId,
        periodId: period.id,
        status: fate,
        progress: fill(rnd.pick(PROGRESS_TEXTS), {
          title: task.title,
          n: 2 + Math.floor(rnd.next() * 6),
          m: 20 + Math.floor(rnd.next() * 300),
        }),
        problems: rnd.pick(PROBLEM_TEXTS),
        nextSteps: rnd.pick(NEXT_STEP_TEXTS),
        unitStatus: rnd.pick(['ON_TRACK', 'ON_TRACK', 'ON_TRACK', 'AT_RISK', 'BEHIND'] as const),
        submittedAt: fate === 'DRAFT' ? null : submittedAt.toISOString(),
        reviewComment: fate === 'RETURNED' ? RETURN_COMMENT : null,
      });
      // Counties report their own figures; the city departments report on their work in words.
      if (task.kind !== 'COUNTY' || isCurrent) continue;
      for (const t of targets.filter((x) => x.measure_id === task.measureId)) {
        const value =
          t.direction === 'AT_MOST'
            ? Math.round(rnd.between(2, 4.4))
            : Math.round(
                Number(t.target_value) *
                  (QUARTER_SHARE[t.name]?.[index] ?? 0.4) *
                  COUNTY_WEIGHT[task.regionCode!] *
                  rnd.between(0.75, 1.25),
              );
        figures.push({ report: reports.length - 1, targetId: t.id, countyId: task.agencyId, value });
      }
    }
  });

  const col = (key: string) => reports.map((r) => r[key]);
  const ids: { id: string }[] = await manager.query(
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
  if (ids.length === reports.length && figures.length) {
    await manager.query(
      `INSERT INTO report_figure (report_id, target_id, county_id, value) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::numeric[])`,
      [figures.map((f) => ids[f.report].id), figures.map((f) => f.targetId), figures.map((f) => f.countyId), figures.map((f) => f.value)],
    );
  }
  const demoIds = ids.map((r) => r.id);
  // The running totals targetProgress reads, exactly as the report service would have kept them.
  await manager.query(
    `INSERT INTO report_total (target_id, county_id, period_id, status, total, figures)
     SELECT f.target_id, f.county_id, r.period_id, r.status, sum(f.value), count(*)
       FROM report_figure f JOIN progress_report r ON r.id = f.report_id
      WHERE r.id = ANY($1) AND r.status IN ('SUBMITTED', 'ACCEPTED') GROUP BY 1, 2, 3, 4
     ON CONFLICT (target_id, county_id, period_id, status)
     DO UPDATE SET total = report_total.total + EXCLUDED.total, figures = report_total.figures + EXCLUDED.figures`,
    [demoIds],
  );
  await manager.query(
    `INSERT INTO audit_record (username, action, entity, entity_id, after)
     SELECT 'demo', 'demo.create', 'progress_report', r.id::text, jsonb_build_object('status', r.status, 'demo', true) FROM progress_report r WHERE r.id = ANY($1)`,
    [demoIds],
  );
  if (periods[1]) await loadDemoSupervision(manager, policy.id, periods[1].id, today);
  return {
    loaded: true,
    password,
    accounts: accounts.map(({ username, role, unit }) => ({ username, role, unit })),
    reports: demoIds.length,
  };
}
