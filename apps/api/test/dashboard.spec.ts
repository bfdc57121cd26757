import { codeOf, TestServer } from './support/test-server';
import {
  countyId,
  departmentId,
  loadVariantNotice,
  PolicyIds,
  REVIEW,
  ReportRef,
  SAVE,
  signedInUser,
  SUBMIT,
  VARIANT_M10,
} from './support/fixtures';

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');
const HRSS = departmentId('市人力資源社會保障局');

const OVERVIEW = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) {
  hasReports period { label }
  targets { target { name } achieved pending percent expectedShare expectedValue rating }
  measures { measure { seq } rating missing lastReportAt units { agency { name } role state onTime overdue unitStatus } }
  compliance { agency { name } onTime late missing total onTimeRate } } }`;

describe('the leaders’ dashboard queries', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, leader: string, taishan: string, enping: string, hrss: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 308);
    admin = await server.adminToken();
    [office, leader, taishan, enping, hrss] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', ENPING),
      signedInUser(server, admin, 'REPORTER', HRSS),
    ]);
    // Reports of 2024Q3 are not yet due, so submissions count as on time and nobody is overdue.
    await server.ok(
      `mutation ($id: ID!) { updateReportingPeriod(id: $id, dueOn: "2099-12-31") { id } }`,
      { id: p.period('2024Q3') },
      office,
    );

    const accept = async (
      token: string,
      agencyId: string,
      seq: number,
      period: string,
      values: [string, string, number][],
      unitStatus = 'ON_TRACK',
    ) => {
      const input = {
        measureId: p.measure(seq),
        periodId: p.period(period),
        agencyId,
        progress: '进展',
        unitStatus,
        values: values.map(([targetId, c, value]) => ({ targetId, countyId: c, value })),
      };
      const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, token)).saveProgressReport;
      const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: saved.id, version: saved.version }, token))
        .submitProgressReport;
      await server.ok(REVIEW, { id: saved.id, version: submitted.version, decision: 'ACCEPT' }, office);
      return saved.id;
    };
    const interns = p.target(7, '見習崗位');
    await accept(taishan, TAISHAN, 7, '2024Q3', [[interns, TAISHAN, 1200]]);
    await accept(hrss, HRSS, 7, '2024Q3', [
      [interns, ENPING, 800],
      [interns, TAISHAN, 250],
    ]); // 2250 of 3000 = 75%: GREEN
    await accept(hrss, HRSS, 10, '2024Q3', [[p.target(10, VARIANT_M10), ENPING, 1000]]); // 50% < 60%: RED
    const late = await accept(enping, ENPING, 11, '2024Q3', [[p.target(11, '公益性崗位'), ENPING, 280]], 'AT_RISK'); // 70%: YELLOW
    await accept(hrss, HRSS, 3, '2024Q3', [[p.target(3, '創業擔保貸款公示時間'), TAISHAN, 5]]); // 5 days > 3: RED
    await server.dataSource.query(`UPDATE progress_report SET first_submitted_at = '2100-01-01' WHERE id = $1`, [late]);
    await accept(taishan, TAISHAN, 7, '2024Q4', [[interns, TAISHAN, 500]]);
  });
  afterAll(() => server.close());

  it('rates each target against the share of the year elapsed (時間過半、任務過半)', async () => {
    const o = (await server.ok<{ policyOverview: any }>(OVERVIEW, { p: p.policyId, period: p.period('2024Q3') }, leader)).policyOverview; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(o.hasReports).toBe(true);
    const card = (name: string) => o.targets.find((t: { target: { name: string } }) => t.target.name === name);
    expect(card('見習崗位')).toMatchObject({ achieved: 2250, expectedShare: 0.75, expectedValue: 2250, rating: 'GREEN' });
    expect(card(VARIANT_M10)).toMatchObject({ achieved: 1000, rating: 'RED' });
    expect(card('公益性崗位')).toMatchObject({ achieved: 280, percent: 70, rating: 'YELLOW' });
    expect(card('創業擔保貸款公示時間')).toMatchObject({ achieved: 5, rating: 'RED' });

    const measure = (seq: number) => o.measures.find((m: { measure: { seq: number } }) => m.measure.seq === seq);
    expect(o.measures).toHaveLength(15);
    expect(measure(7).rating).toBe('GREEN');
    expect(measure(1).rating).toBeNull();
    expect(measure(7).units.find((u: { agency: { name: string } }) => u.agency.name === '台山市')).toMatchObject({
      state: 'ACCEPTED',
      onTime: true,
      overdue: false,
      unitStatus: 'ON_TRACK',
    });
    expect(measure(7).missing).toBe(measure(7).units.length - 2);
    expect(measure(11).units.find((u: { agency: { name: string } }) => u.agency.name === '恩平市')).toMatchObject({
      onTime: false,
      state: 'ACCEPTED',
    });

    const unit = (name: string) => o.compliance.find((c: { agency: { name: string } }) => c.agency.name === name);
    expect(unit('市人力資源社會保障局')).toMatchObject({ onTime: 3, late: 0 });
    expect(unit('恩平市')).toMatchObject({ onTime: 0, late: 1, missing: 14, total: 15 });
    expect(o.compliance[0].onTimeRate).toBeGreaterThanOrEqual(o.compliance.at(-1).onTimeRate);
  });

  it('shows the trend quarter by quarter against the trajectory, for a county too', async () => {
    const q = `query ($p: ID!, $c: ID) { targetTrend(policyId: $p, countyId: $c) { target { name } points { period { label } achieved cumulative expected } } }`;
    const all = (
      await server.ok<{
        targetTrend: {
          target: { name: string };
          points: { period: { label: string }; achieved: number; cumulative: number; expected: number }[];
        }[];
      }>(q, { p: p.policyId }, leader)
    ).targetTrend;
    const interns = all.find((t) => t.target.name === '見習崗位')!;
    expect(interns.points).toEqual([
      { period: { label: '2024Q3' }, achieved: 2250, cumulative: 2250, expected: 2250 },
      { period: { label: '2024Q4' }, achieved: 500, cumulative: 2750, expected: 3000 },
    ]);
    const taishanOnly = (await server.ok<{ targetTrend: typeof all }>(q, { p: p.policyId, c: TAISHAN }, leader)).targetTrend.find(
      (t) => t.target.name === '見習崗位',
    )!;
    expect(taishanOnly.points.map((pt) => pt.cumulative)).toEqual([1450, 1950]);
  });

  it('lists the accepted figures behind a number', async () => {
    const q = `query ($t: ID!, $period: ID, $c: ID) { figureSources(targetId: $t, periodId: $period, countyId: $c) { reportId agency { name } county { name } period { label } value } }`;
    const sources = (
      await server.ok<{ figureSources: { value: number; agency: { name: string } }[] }>(
        q,
        { t: p.target(7, '見習崗位'), period: p.period('2024Q3') },
        taishan,
      )
    ).figureSources;
    expect(sources.reduce((s, f) => s + f.value, 0)).toBe(2250);
    const taishanOnly = (
      await server.ok<{ figureSources: { value: number }[] }>(
        q,
        { t: p.target(7, '見習崗位'), period: p.period('2024Q3'), c: TAISHAN },
        taishan,
      )
    ).figureSources;
    expect(taishanOnly.map((f) => f.value).sort()).toEqual([1200, 250]);
  });

  it('needs sign-in, and a period of that policy', async () => {
    expect(codeOf(await server.gql(OVERVIEW, { p: p.policyId, period: p.period('2024Q3') }))).toBe('UNAUTHENTICATED');
    const other = await loadVariantNotice(server.dataSource, 309);
    expect(codeOf(await server.gql(OVERVIEW, { p: p.policyId, period: other.period('2024Q3') }, leader))).toBe('NOT_FOUND');
  });
});
