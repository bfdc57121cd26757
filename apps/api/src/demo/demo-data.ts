import { randomBytes } from 'node:crypto';
import { loadDemoSupervision } from './demo-supervision';
import { EntityManager } from 'typeorm';
import { JIANGMEN_COUNTIES } from '@luoshi/domain';
import { hashPassword } from '../auth/passwords';
import {
  addDemoReportTotals,
  auditDemoReports,
  demoAgencies,
  demoPolicyPeriods,
  demoTargets,
  demoTasks,
  DemoPeriod,
  DemoReport,
  firstPolicyId,
  insertDemoAccounts,
  insertDemoFigures,
  insertDemoReports,
  markDemoData,
} from './demo-data.queries';
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

type Fate = 'ACCEPTED' | 'SUBMITTED' | 'RETURNED' | 'DRAFT' | 'NONE';

function fateFor(periodIndex: number, isCurrent: boolean, r: number): Fate {
  if (isCurrent) return r < 0.3 ? 'SUBMITTED' : r < 0.5 ? 'DRAFT' : 'NONE';
  if (periodIndex === 0) return r < 0.96 ? 'ACCEPTED' : 'SUBMITTED';
  return r < 0.82 ? 'ACCEPTED' : r < 0.9 ? 'SUBMITTED' : r < 0.93 ? 'RETURNED' : r < 0.96 ? 'DRAFT' : 'NONE';
}

export async function loadDemoData(manager: EntityManager, today = new Date().toISOString().slice(0, 10)): Promise<DemoResult> {
  if (!(await markDemoData(manager, DEMO_MARKER, new Date().toISOString()))) return { loaded: false };
  const policyId = await firstPolicyId(manager);
  if (!policyId) return { loaded: false };
  const rnd = generator(20240726);

  // Accounts: one password for all, shown once (it is demo data on a developer's machine).
  const password = randomBytes(9).toString('base64url');
  const hash = await hashPassword(password);
  const agencies = await demoAgencies(manager);
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
  await insertDemoAccounts(manager, hash, accounts);

  // Reports: the notice's first two quarters (the targets' year) and the quarter being reported now.
  const periods = await demoPolicyPeriods(manager, policyId);
  const current = [...periods].reverse().find((p) => p.endsOn < today);
  const demoPeriods = [...new Set([periods[0], periods[1], current].filter((p): p is DemoPeriod => !!p))];
  const tasks = await demoTasks(manager, policyId);
  const targets = await demoTargets(manager, policyId);

  const reports: DemoReport[] = [];
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
      // A figure counts only in its target's year: a 每年 target's other years get none.
      const year = Number(period.endsOn.slice(0, 4));
      for (const t of targets.filter((x) => x.measure_id === task.measureId && Number(x.year) === year)) {
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

  const demoIds = await insertDemoReports(manager, reports);
  if (demoIds.length === reports.length && figures.length) {
    await insertDemoFigures(
      manager,
      figures.map((f) => ({ reportId: demoIds[f.report], targetId: f.targetId, countyId: f.countyId, value: f.value })),
    );
  }
  await addDemoReportTotals(manager, demoIds);
  await auditDemoReports(manager, demoIds);
  if (periods[1]) await loadDemoSupervision(manager, policyId, periods[1].id, today);
  return {
    loaded: true,
    password,
    accounts: accounts.map(({ username, role, unit }) => ({ username, role, unit })),
    reports: demoIds.length,
  };
}
