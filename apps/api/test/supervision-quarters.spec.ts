import { chinaToday } from '@luoshi/domain';
import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { ADD_ITEM, OPEN_REVIEW } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const PERIODS = `query ($id: ID!) { policy(id: $id) { periods { id label endsOn } } }`;
const ITEM_FIELDS = `id reviewId period { id label }`;

describe('supervision: only ended quarters are reviewed; every item names its quarter', () => {
  let server: TestServer;
  let p: PolicyIds;
  let office: string, taishan: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1761);
    const admin = await server.adminToken();
    [office, taishan] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', TAISHAN)]);
  });
  afterAll(() => server.close());

  const reviewCount = async () =>
    Number((await server.dataSource.query(`SELECT count(*)::int AS n FROM supervision_review WHERE policy_id = $1`, [p.policyId]))[0].n);

  it('refuses a quarter that has not ended, with a clear message, storing nothing', async () => {
    const { policy } = await server.ok<{ policy: { periods: { id: string; label: string; endsOn: string }[] } }>(
      PERIODS,
      { id: p.policyId },
      office,
    );
    const current = policy.periods.find((x) => x.endsOn >= chinaToday());
    expect(current).toBeDefined();
    const before = await reviewCount();
    const res = await server.gql(OPEN_REVIEW, { p: p.policyId, period: current!.id }, office);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toBe(`${current!.label} 尚未结束，季度结束后才能开展督查`);
    expect(await reviewCount()).toBe(before);
    // An ended quarter opens.
    const ended = await server.gql(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office);
    expect(ended.errors).toBeUndefined();
  });

  it('gives each item the quarter of its review: in a review, carried over, in the unit’s list and from a mutation', async () => {
    const open = async (label: string) =>
      (await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period(label) }, office))
        .openSupervisionReview.id;
    const q3 = await open('2024Q3');
    const q4 = await open('2024Q4');
    const added = (
      await server.ok<{ addSupervisionItem: { id: string } }>(
        ADD_ITEM.replace('{ id status version dueOn }', `{ ${ITEM_FIELDS} }`),
        { input: { reviewId: q3, measureId: p.measure(7), agencyId: TAISHAN, request: '补充台账', dueOn: '2099-01-31' } },
        office,
      )
    ).addSupervisionItem as unknown as { id: string; period: { id: string; label: string } };
    expect(added.period).toEqual({ id: p.period('2024Q3'), label: '2024Q3' });

    const review = await server.ok<{
      supervisionReview: { items: { period: { label: string } }[]; carriedOverItems: { id: string; period: { label: string } }[] };
    }>(
      `query ($id: ID!) { supervisionReview(id: $id) { items { ${ITEM_FIELDS} } carriedOverItems { ${ITEM_FIELDS} } } }`,
      { id: q4 },
      office,
    );
    expect(review.supervisionReview.items).toEqual([]);
    expect(review.supervisionReview.carriedOverItems).toEqual([
      expect.objectContaining({ id: added.id, period: expect.objectContaining({ label: '2024Q3' }) }),
    ]);

    const mine = await server.ok<{ supervisionItems: { id: string; period: { label: string } }[] }>(
      `query ($p: ID) { supervisionItems(policyId: $p) { ${ITEM_FIELDS} } }`,
      { p: p.policyId },
      taishan,
    );
    expect(mine.supervisionItems).toEqual([
      expect.objectContaining({ id: added.id, period: expect.objectContaining({ label: '2024Q3' }) }),
    ]);
  });
});
