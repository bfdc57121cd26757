import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport, OPEN_REVIEW, REVIEW_QUERY } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const SET = `mutation ($t: ID!, $s: [Float!]) { setTargetTrajectory(targetId: $t, shares: $s) { id trajectory } }`;
const CARDS = `query ($p: ID!, $period: ID!) { policyOverview(policyId: $p, periodId: $period) { targets { target { id } expectedShare expectedValue rating } } }`;

/** The office's own schedule for a target replaces the linear 時間過半 line, on the dashboard and in the review. */
describe('office-set trajectories', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, leader: string, taishan: string;
  let interns: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 330);
    admin = await server.adminToken();
    [office, leader, taishan] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
    ]);
    interns = p.target(7, '見習崗位');
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 7, period: '2024Q3', values: [[interns, TAISHAN, 1500]] },
    ); // 50% of 3000
  });
  afterAll(() => server.close());

  const card = async () =>
    (
      await server.ok<{
        policyOverview: { targets: { target: { id: string }; expectedShare: number; expectedValue: number; rating: string }[] };
      }>(CARDS, { p: p.policyId, period: p.period('2024Q3') }, leader)
    ).policyOverview.targets.find((t) => t.target.id === interns)!;

  it('refuses a schedule that cannot be one, and anyone but the office', async () => {
    const audit = async () =>
      (
        await server.dataSource.query(`SELECT count(*)::int AS n FROM audit_record WHERE entity = 'target' AND entity_id = $1`, [interns])
      )[0].n;
    const before = await audit();
    for (const shares of [
      [0.2, 0.5, 1],
      [0.5, 0.4, 0.8, 1],
      [0.2, 0.5, 0.8, 0.9],
      [-0.1, 0.5, 0.8, 1],
      [0.2, 0.5, 1.2, 1],
    ]) {
      expect([shares, codeOf(await server.gql(SET, { t: interns, s: shares }, office))]).toEqual([shares, 'BAD_USER_INPUT']);
    }
    expect(codeOf(await server.gql(SET, { t: interns, s: [0.2, 0.4, 0.6, 1] }, leader))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { t: interns, s: [0.2, 0.4, 0.6, 1] }, taishan))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { t: p.target(3, '創業擔保貸款公示時間'), s: [0.2, 0.4, 0.6, 1] }, office))).toBe('BAD_USER_INPUT');
    expect(await audit()).toBe(before);
    expect((await card()).expectedShare).toBe(0.75);
  });

  it('moves the expected share, the traffic light and the review’s computed rating; null goes back to linear', async () => {
    expect(await card()).toMatchObject({ expectedShare: 0.75, rating: 'RED' }); // 50% < 60%
    const set = (await server.ok<{ setTargetTrajectory: { trajectory: number[] } }>(SET, { t: interns, s: [0.1, 0.3, 0.5, 1] }, office))
      .setTargetTrajectory;
    expect(set.trajectory).toEqual([0.1, 0.3, 0.5, 1]);
    expect(await card()).toMatchObject({ expectedShare: 0.5, expectedValue: 1500, rating: 'GREEN' });

    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview;
    const m7 = (
      await server.ok<{ supervisionReview: { ratings: { measure: { seq: number }; computedRating: string; explanation: string }[] } }>(
        REVIEW_QUERY,
        { id: review.id },
        office,
      )
    ).supervisionReview.ratings.find((r) => r.measure.seq === 7)!;
    expect(m7.computedRating).toBe('GREEN');
    expect(m7.explanation).toContain('按时序应达50.0%');

    await server.ok(SET, { t: interns, s: null }, office);
    expect(await card()).toMatchObject({ expectedShare: 0.75, rating: 'RED' });
    const audit = await server.dataSource.query(
      `SELECT before, after FROM audit_record WHERE entity = 'target' AND entity_id = $1 ORDER BY id`,
      [interns],
    );
    expect(audit).toEqual([
      { before: { trajectory: null }, after: { trajectory: [0.1, 0.3, 0.5, 1] } },
      { before: { trajectory: [0.1, 0.3, 0.5, 1] }, after: { trajectory: null } },
    ]);
  });
});
