import { codeOf, TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { IMPORT, simplifiedNotice } from './support/notice-fixtures';
import { acceptReport, ADD_ITEM, backdateItems, OPEN_REVIEW } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const HRSS = departmentId('市人力資源社會保障局');
const AS_OF = '2024-10-15'; // 2024Q3 has ended, Q4 has not

const PORTFOLIO = `query ($asOf: String) {
  policyPortfolio(asOf: $asOf) {
    policy { id status docNumber } period { label } timeElapsed completion
    lights { green yellow red noData } lateUnits { id shortName } openItems overdueItems attention }
  countyPortfolio(asOf: $asOf) { county { id regionCode } lights { green yellow red noData } lateReports policiesLate }
  unitCompliance(asOf: $asOf) { agency { id } policies due onTime late missing onTimeRate } }`;

type Lights = { green: number; yellow: number; red: number; noData: number };
type Standing = {
  policy: { id: string; status: string; docNumber: string };
  period: { label: string } | null;
  timeElapsed: number | null;
  completion: number | null;
  lights: Lights;
  lateUnits: { id: string; shortName: string }[];
  openItems: number;
  overdueItems: number;
  attention: number;
};
type Portfolio = {
  policyPortfolio: Standing[];
  countyPortfolio: { county: { id: string; regionCode: string }; lights: Lights; lateReports: number; policiesLate: number }[];
  unitCompliance: {
    agency: { id: string };
    policies: number;
    due: number;
    onTime: number;
    late: number;
    missing: number;
    onTimeRate: number | null;
  }[];
};

describe('the leaders’ portfolio across published policies', () => {
  let server: TestServer;
  let a: PolicyIds, b: PolicyIds;
  let admin: string, office: string, leader: string, hrss: string, reporter: string;
  let draftId: string;
  const portfolio = async (token = leader) => server.ok<Portfolio>(PORTFOLIO, { asOf: AS_OF }, token);
  const mine = (p: Portfolio, ids: string[]) => p.policyPortfolio.filter((s) => ids.includes(s.policy.id));

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
    a = await loadVariantNotice(server.dataSource, 1431);
    admin = await server.adminToken();
    [office, leader, hrss, reporter] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', HRSS),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
    ]);
  });
  afterAll(() => server.close());

  it('answers in the same number of statements for 1 published policy and for 3', async () => {
    const one = await server.statements(PORTFOLIO, { asOf: AS_OF }, leader);
    b = await loadVariantNotice(server.dataSource, 1432);
    await loadVariantNotice(server.dataSource, 1433);
    const three = await server.statements(PORTFOLIO, { asOf: AS_OF }, leader);
    expect(three).toBe(one);
    // auth (session) + policies + policy rows, targets, figures, unit tasks (parallel) + periods, agencies, counties
    expect(one).toBeLessThanOrEqual(10);
  });

  it('shows every published policy, never a draft, and sorts by what needs attention', async () => {
    const imported = await server.ok<{ importNotice: { id: string; status: string } }>(IMPORT, { text: simplifiedNotice().text }, office);
    draftId = imported.importNotice.id;
    expect(imported.importNotice.status).toBe('DRAFT');

    // Policy A: measure 7's interns far ahead (GREEN), and a follow-up item still open.
    const interns = a.target(7, '見習崗位');
    await acceptReport(
      server,
      a,
      { reporter: hrss, office },
      { agencyId: HRSS, seq: 7, period: '2024Q3', values: [[interns, TAISHAN, 1_000_000]] },
    );
    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: a.policyId, period: a.period('2024Q3') }, office)
    ).openSupervisionReview;
    await server.ok(
      ADD_ITEM,
      { input: { reviewId: review.id, measureId: a.measure(7), agencyId: HRSS, request: '请说明进度', dueOn: '2099-10-01' } },
      office,
    );
    await backdateItems(server, review.id, '2024-10-01');

    for (const token of [leader, office]) {
      const p = await portfolio(token);
      expect(p.policyPortfolio.every((s) => s.policy.status === 'PUBLISHED')).toBe(true);
      expect(p.policyPortfolio.map((s) => s.policy.id)).not.toContain(draftId);
    }
    const p = await portfolio();
    const [sa, sb] = [a, b].map((x) => p.policyPortfolio.find((s) => s.policy.id === x.policyId)!);
    expect(sa.period?.label).toBe('2024Q3');
    expect(sa.timeElapsed).toBe(0.75);
    expect(sa.lights.green).toBeGreaterThanOrEqual(1);
    expect(sb.lights.green).toBe(sa.lights.green - 1);
    expect(sa.openItems).toBe(1);
    expect(sa.overdueItems).toBe(1);
    expect(sb.openItems).toBe(0);
    expect(sa.completion!).toBeGreaterThan(sb.completion!);
    // A's reporting unit has submitted measure 7, but is late on its other measures: still late.
    expect(sb.lateUnits.map((u) => u.id)).toContain(HRSS);
    expect(sb.lateUnits.length).toBeGreaterThanOrEqual(sa.lateUnits.length);

    // The list is in attention order, highest first; B (nothing reported) needs more than A.
    const attention = p.policyPortfolio.map((s) => s.attention);
    expect(attention).toEqual([...attention].sort((x, y) => y - x));
    const order = mine(p, [a.policyId, b.policyId]).map((s) => s.policy.id);
    expect(order).toEqual([b.policyId, a.policyId]);
    expect(sb.attention).toBeGreaterThan(sa.attention);
  });

  it('rolls up counties and units across policies', async () => {
    const p = await portfolio();
    const taishan = p.countyPortfolio.find((c) => c.county.id === TAISHAN)!;
    expect(taishan.policiesLate).toBeGreaterThanOrEqual(3); // late in each of this file's three policies at least
    expect(taishan.lateReports).toBeGreaterThanOrEqual(taishan.policiesLate);
    const counts = taishan.lights;
    expect(counts.green + counts.yellow + counts.red + counts.noData).toBeGreaterThan(0);
    expect(p.countyPortfolio.map((c) => c.county.regionCode)).toEqual([...p.countyPortfolio.map((c) => c.county.regionCode)].sort());

    const unit = p.unitCompliance.find((u) => u.agency.id === HRSS)!;
    expect(unit.policies).toBeGreaterThanOrEqual(3);
    expect(unit.onTime + unit.late + unit.missing).toBe(unit.due);
    expect(unit.late).toBeGreaterThanOrEqual(1); // measure 7 of A, submitted now, long after 2024Q3's due date
    const missing = p.unitCompliance.map((u) => u.missing);
    expect(missing).toEqual([...missing].sort((x, y) => y - x));
  });

  it('is for leaders and the office, and refuses a date that is none', async () => {
    expect(codeOf(await server.gql(PORTFOLIO, { asOf: AS_OF }, reporter))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(PORTFOLIO, { asOf: AS_OF }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(PORTFOLIO, { asOf: '2024-13-40' }, leader))).toBe('BAD_USER_INPUT');
  });
});
