import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { ADD_ITEM, FINALIZE, OPEN_REVIEW, RATE, REVIEW_QUERY } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const LIST = `query ($p: ID!) { supervisionReviews(policyId: $p) { id status previousReview { id } } }`;
const MY_ITEMS = `query ($r: ID) { supervisionItems(reviewId: $r) { id request } }`;

/** While the office deliberates (OPEN), a unit sees its own items but no ratings or reasons. */
describe('supervision review: what a unit’s reporter may read', () => {
  let server: TestServer;
  let p: PolicyIds;
  let office: string, leader: string, taishan: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 341);
    const admin = await server.adminToken();
    [office, leader, taishan] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
    ]);
  });
  afterAll(() => server.close());

  it('hides an OPEN review and its ratings from reporters, shows it once FINAL, and always shows the unit its own items', async () => {
    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview;
    await server.ok(RATE, { r: review.id, m: p.measure(11), rating: 'RED', reason: '办公室内部意见:进度明显滞后' }, office);
    await server.ok(
      ADD_ITEM,
      { input: { reviewId: review.id, measureId: p.measure(11), agencyId: TAISHAN, request: '请说明进度', dueOn: '2099-11-30' } },
      office,
    );

    const direct = await server.gql(REVIEW_QUERY, { id: review.id }, taishan);
    expect(codeOf(direct)).toBe('FORBIDDEN');
    expect(JSON.stringify(direct)).not.toContain('办公室内部意见');
    expect((await server.ok<{ supervisionReviews: unknown[] }>(LIST, { p: p.policyId }, taishan)).supervisionReviews).toEqual([]);
    expect(
      (await server.ok<{ supervisionItems: { request: string }[] }>(MY_ITEMS, { r: review.id }, taishan)).supervisionItems.map(
        (i) => i.request,
      ),
    ).toEqual(['请说明进度']);
    // The office and leaders read it while it is open.
    for (const token of [office, leader])
      expect((await server.ok<{ supervisionReview: { id: string } }>(REVIEW_QUERY, { id: review.id }, token)).supervisionReview.id).toBe(
        review.id,
      );

    // The next quarter's review, finalized, does not lead a reporter back to the open one.
    const next = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q4') }, office)
    ).openSupervisionReview;
    await server.ok(FINALIZE, { id: next.id }, office);
    const listed = (
      await server.ok<{ supervisionReviews: { id: string; previousReview: { id: string } | null }[] }>(LIST, { p: p.policyId }, taishan)
    ).supervisionReviews;
    expect(listed).toEqual([{ id: next.id, status: 'FINAL', previousReview: null }]);

    await server.ok(FINALIZE, { id: review.id }, office);
    const final = await server.ok<{ supervisionReview: { ratings: { reason: string | null }[] } }>(
      REVIEW_QUERY,
      { id: review.id },
      taishan,
    );
    expect(final.supervisionReview.ratings.some((r) => r.reason === '办公室内部意见:进度明显滞后')).toBe(true);
  });
});
