import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport, OPEN_REVIEW, RATE, REVIEW_QUERY } from './support/supervision-fixtures';

const ENPING = countyId('440785');

interface Rating {
  measure: { seq: number };
  computedRating: string;
  explanation: string;
  rating: string;
  reason: string | null;
  previousRating: string | null;
  change: string;
  redTwoQuarters: boolean;
}

/**
 * The computed rating (時間過半、任務過半) on constructed figures: measure 11's 400 公益性崗位, one
 * policy per colour, at 2024Q3 (75% of the year) and 2024Q4 (100%).
 */
describe('supervision review: computed ratings', () => {
  let server: TestServer;
  let admin: string, office: string, enping: string;

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    [office, enping] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', ENPING)]);
  });
  afterAll(() => server.close());

  async function policyWith(variant: number, q3: number, q4: number): Promise<PolicyIds> {
    const p = await loadVariantNotice(server.dataSource, variant);
    const target = p.target(11, '公益性崗位');
    await acceptReport(
      server,
      p,
      { reporter: enping, office },
      { agencyId: ENPING, seq: 11, period: '2024Q3', values: [[target, ENPING, q3]] },
    );
    await acceptReport(
      server,
      p,
      { reporter: enping, office },
      { agencyId: ENPING, seq: 11, period: '2024Q4', values: [[target, ENPING, q4]] },
    );
    return p;
  }

  async function ratingsAt(p: PolicyIds, period: string): Promise<Map<number, Rating>> {
    const opened = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period(period) }, office)
    ).openSupervisionReview;
    const review = (await server.ok<{ supervisionReview: { ratings: Rating[] } }>(REVIEW_QUERY, { id: opened.id }, office))
      .supervisionReview;
    return new Map(review.ratings.map((r) => [r.measure.seq, r]));
  }

  it.each([
    // variant, Q3 figure, Q4 figure, colour at Q3 (expected 300), colour at Q4 (expected 400)
    [310, 300, 100, 'GREEN', 'GREEN'], // 75% then 100%
    [311, 250, 100, 'YELLOW', 'YELLOW'], // 62.5% (≥ 60%) then 87.5%
    [312, 150, 100, 'RED', 'RED'], // 37.5% (< 60%) then 62.5% (< 80%)
    [313, 200, 200, 'RED', 'GREEN'], // 50% then 100%: improved
    [314, 310, 10, 'GREEN', 'YELLOW'], // 77.5% then 80%: slipped
  ])('variant %i: %i then %i are %s at 2024Q3 and %s at 2024Q4', async (variant, q3, q4, atQ3, atQ4) => {
    const p = await policyWith(variant, q3, q4);
    const third = (await ratingsAt(p, '2024Q3')).get(11)!;
    expect(third).toMatchObject({ computedRating: atQ3, rating: atQ3, reason: null });
    expect(third.explanation).toContain('按时序应达75.0%');
    const fourth = (await ratingsAt(p, '2024Q4')).get(11)!;
    expect(fourth).toMatchObject({ computedRating: atQ4, rating: atQ4, previousRating: atQ3 });
    expect(fourth.explanation).toContain('按时序应达100.0%');
    expect(fourth.redTwoQuarters).toBe(atQ3 === 'RED' && atQ4 === 'RED');
    const rank = { RED: 0, YELLOW: 1, GREEN: 2 } as Record<string, number>;
    expect(fourth.change).toBe(rank[atQ4] > rank[atQ3] ? 'IMPROVED' : rank[atQ4] < rank[atQ3] ? 'SLIPPED' : 'SAME');
  });

  it('rates a measure without targets by its units’ reporting, with the reasons', async () => {
    const p = await policyWith(315, 300, 100);
    // 2024Q3 was due on 2024-10-10: measure 1's units have not reported, its lead unit among them.
    const m1 = (await ratingsAt(p, '2024Q3')).get(1)!;
    expect(m1.computedRating).toBe('RED');
    expect(m1.explanation).toMatch(/^无量化指标，按报送情况评定：牵头单位.+逾期未报/);
    // Not yet due: nobody is late.
    await server.ok(
      `mutation ($id: ID!) { updateReportingPeriod(id: $id, dueOn: "2099-12-31") { id } }`,
      { id: p.period('2024Q4') },
      office,
    );
    const later = (await ratingsAt(p, '2024Q4')).get(1)!;
    expect(later.computedRating).toBe('GREEN');
    expect(later.explanation).toContain('尚未到报送截止日');
  });

  it('flags a measure the office rated RED two quarters running, whatever the computed rating', async () => {
    const p = await policyWith(316, 300, 100); // GREEN both quarters by the figures
    const q3 = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview;
    const q4 = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q4') }, office)
    ).openSupervisionReview;
    await server.ok(RATE, { r: q3.id, m: p.measure(11), rating: 'RED', reason: '岗位质量不高，安置人数虚高' }, office);
    await server.ok(RATE, { r: q4.id, m: p.measure(11), rating: 'RED', reason: '整改未到位' }, office);
    const m11 = (
      await server.ok<{ supervisionReview: { ratings: Rating[] } }>(REVIEW_QUERY, { id: q4.id }, office)
    ).supervisionReview.ratings.find((r) => r.measure.seq === 11)!;
    expect(m11).toMatchObject({
      computedRating: 'GREEN',
      rating: 'RED',
      reason: '整改未到位',
      previousRating: 'RED',
      redTwoQuarters: true,
      change: 'SAME',
    });
  });
});
