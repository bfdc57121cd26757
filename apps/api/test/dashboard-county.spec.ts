import { TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, REVIEW, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');
const HRSS = departmentId('市人力資源社會保障局');

const SET_QUOTA = `mutation ($targetId: ID!, $countyId: ID!, $value: Float!) { setQuota(targetId: $targetId, countyId: $countyId, value: $value) { quota } }`;
const OVERVIEW = `query ($p: ID!, $period: ID!, $c: ID) { policyOverview(policyId: $p, periodId: $period, countyId: $c) {
  scope county { id } hasReports
  targets { scope county { id } target { id name } achieved pending goal percent expectedShare expectedValue rating hasFigure }
  measures { measure { seq } rating missing }
  compliance { agency { name } onTime late missing total } } }`;
const PROGRESS = `query ($p: ID!, $period: ID) { targetProgress(policyId: $p, periodId: $period) { target { id } byCounty { county { id } quota achieved pending } } }`;

type Card = {
  scope: string;
  county: { id: string } | null;
  target: { id: string; name: string };
  achieved: number;
  pending: number;
  goal: number | null;
  percent: number | null;
  expectedShare: number;
  expectedValue: number | null;
  rating: string | null;
};
type Overview = {
  scope: string;
  county: { id: string } | null;
  hasReports: boolean;
  targets: Card[];
  measures: { measure: { seq: number }; rating: string | null; missing: number }[];
  compliance: unknown[];
};

describe('policyOverview for one county, and its cache', () => {
  let server: TestServer;
  let p: PolicyIds;
  let office: string, leader: string, hrss: string;

  const overview = async (period: string, county?: string) =>
    (await server.ok<{ policyOverview: Overview }>(OVERVIEW, { p: p.policyId, period: p.period(period), c: county ?? null }, leader))
      .policyOverview;
  const report = async (seq: number, period: string, values: [string, string, number][], review: 'ACCEPT' | null) => {
    const input = {
      measureId: p.measure(seq),
      periodId: p.period(period),
      agencyId: HRSS,
      progress: '进展',
      values: values.map(([targetId, c, value]) => ({ targetId, countyId: c, value })),
    };
    const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, hrss)).saveProgressReport;
    const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, hrss))
      .submitProgressReport;
    if (review) await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: review }, office);
    return { id: saved.id, version: submitted.version };
  };

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
    p = await loadVariantNotice(server.dataSource, 401);
    const admin = await server.adminToken();
    [office, leader, hrss] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', HRSS),
    ]);
    const interns = p.target(7, '見習崗位');
    await server.ok(SET_QUOTA, { targetId: interns, countyId: TAISHAN, value: 1000 }, office);
    await report(
      7,
      '2024Q3',
      [
        [interns, TAISHAN, 700],
        [interns, ENPING, 400],
      ],
      'ACCEPT',
    ); // Taishan 700 of 1000 by Q3 (expected 750): YELLOW
    await report(10, '2024Q3', [[p.target(10, '工作崗位'), TAISHAN, 50]], null); // submitted, not reviewed: pending
  });
  afterAll(() => server.close());

  it('shows a county’s figures, equal to targetProgress byCounty, against its quota', async () => {
    const city = await overview('2024Q3');
    expect(city.scope).toBe('CITY');
    expect(city.county).toBeNull();
    const o = await overview('2024Q3', TAISHAN);
    expect(o.scope).toBe('COUNTY');
    expect(o.county).toEqual({ id: TAISHAN });
    expect(o.targets.every((c) => c.scope === 'COUNTY' && c.county?.id === TAISHAN)).toBe(true);

    const progress = (
      await server.ok<{
        targetProgress: {
          target: { id: string };
          byCounty: { county: { id: string }; quota: number | null; achieved: number; pending: number }[];
        }[];
      }>(PROGRESS, { p: p.policyId, period: p.period('2024Q3') }, leader)
    ).targetProgress;
    expect(o.targets).toHaveLength(progress.length);
    for (const tp of progress) {
      const row = tp.byCounty.find((c) => c.county.id === TAISHAN)!;
      const c = o.targets.find((x) => x.target.id === tp.target.id)!;
      expect([c.achieved, c.pending]).toEqual([row.achieved, row.pending]);
    }

    const interns = o.targets.find((c) => c.target.name === '見習崗位')!;
    expect(interns).toMatchObject({ achieved: 700, goal: 1000, percent: 70, expectedShare: 0.75, expectedValue: 750, rating: 'YELLOW' });
    // City-wide the same target is 1100 of 3000 by Q3 (expected 2250): RED; the county view does not change it.
    expect(city.targets.find((c) => c.target.name === '見習崗位')).toMatchObject({ achieved: 1100, goal: 3000, rating: 'RED' });
    // No quota for Taishan on 工作崗位: achieved and pending, held against nothing.
    expect(o.targets.find((c) => c.target.name === '工作崗位')).toMatchObject({
      achieved: 0,
      pending: 50,
      goal: null,
      percent: null,
      expectedValue: null,
      rating: null,
    });
    // A ceiling binds every county: without a quota a county is held against the ceiling itself.
    const ceiling = o.targets.find((c) => c.target.name === '創業擔保貸款公示時間')!;
    expect(ceiling).toMatchObject({ goal: 3, rating: 'YELLOW' });
    // No accepted figure for the ceiling in Taishan: achieved reads 0, and hasFigure says that is no data, not a level of 0.
    expect(ceiling).toMatchObject({ achieved: 0, hasFigure: false });
    expect(o.targets.find((c) => c.target.name === '見習崗位')).toMatchObject({ hasFigure: true });

    // The measures' table and compliance stay policy-wide.
    expect(o.measures).toEqual(city.measures);
    expect(o.compliance).toEqual(city.compliance);
  });

  it('refuses an agency that is not a county', async () => {
    const res = await server.gql(OVERVIEW, { p: p.policyId, period: p.period('2024Q3'), c: HRSS }, leader);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers from the cache in one statement, and a report accepted shows in the next answer', async () => {
    const vars = { p: p.policyId, period: p.period('2024Q3'), c: TAISHAN };
    await overview('2024Q3', TAISHAN);
    // Cached: the data version (and the sign-in's user) only, whatever the policy's size.
    const cached = await server.statements(OVERVIEW, vars, leader);
    expect(cached).toBeLessThanOrEqual(2);

    const pendingBefore = (await overview('2024Q3', TAISHAN)).targets.find((c) => c.target.name === '工作崗位')!;
    expect(pendingBefore).toMatchObject({ achieved: 0, pending: 50 });
    const interns = p.target(7, '見習崗位');
    await report(7, '2024Q4', [[interns, TAISHAN, 300]], 'ACCEPT');
    const q4 = (await overview('2024Q4', TAISHAN)).targets.find((c) => c.target.name === '見習崗位')!;
    expect(q4).toMatchObject({ achieved: 1000, percent: 100, rating: 'GREEN' });

    // The pending report on 工作崗位 is accepted: Q3's cached answer is recomputed.
    const rows: { id: string; version: number }[] = await server.dataSource.query(
      `SELECT id, version FROM progress_report WHERE measure_id = $1 AND period_id = $2 AND status = 'SUBMITTED'`,
      [p.measure(10), p.period('2024Q3')],
    );
    await server.ok(REVIEW, { id: rows[0].id, version: rows[0].version, decision: 'ACCEPT' }, office);
    expect((await overview('2024Q3', TAISHAN)).targets.find((c) => c.target.name === '工作崗位')).toMatchObject({
      achieved: 50,
      pending: 0,
    });
    expect((await overview('2024Q3')).targets.find((c) => c.target.name === '工作崗位')).toMatchObject({ achieved: 50, pending: 0 });

    // A quota set by the office (another table, another code path) invalidates it too.
    await server.ok(SET_QUOTA, { targetId: p.target(10, '工作崗位'), countyId: TAISHAN, value: 100 }, office);
    expect((await overview('2024Q3', TAISHAN)).targets.find((c) => c.target.name === '工作崗位')).toMatchObject({ goal: 100, percent: 50 });

    // A write straight to the database (another replica, a script) is seen as well: the trigger bumps.
    type Unit = { agency: { name: string }; onTime: number; late: number };
    const hrssRow = async () => ((await overview('2024Q3')).compliance as Unit[]).find((c) => c.agency.name === '市人力資源社會保障局')!;
    await server.dataSource.query(`UPDATE reporting_period SET due_on = '2099-12-31' WHERE id = $1`, [p.period('2024Q3')]);
    expect(await hrssRow()).toMatchObject({ onTime: 2, late: 0 });
    await server.dataSource.query(`UPDATE reporting_period SET due_on = '2000-01-01' WHERE id = $1`, [p.period('2024Q3')]);
    expect(await hrssRow()).toMatchObject({ onTime: 0, late: 2 });
  });
});
