import { countyId, loadVariantNotice, signedInUser } from './support/fixtures';
import { ADD_ITEM, OPEN_REVIEW } from './support/supervision-fixtures';
import { TestServer, uniqueName } from './support/test-server';

const TAISHAN = countyId('440781');

/** A deactivated account is out of the loop: no notices pile up for it. */
describe('notices and deactivated accounts', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('sends a unit’s notices to its active reporters only', async () => {
    server = await TestServer.start();
    const p = await loadVariantNotice(server.dataSource, 1311);
    const admin = await server.adminToken();
    const office = await signedInUser(server, admin, 'OFFICE');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await server.ok<{ createUser: { id: string } }>(
        `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: { username: uniqueName('notice_rep'), password: 'notice-pass-1', role: 'REPORTER', agencyId: TAISHAN },
        },
        admin,
      );
      ids.push(created.createUser.id);
    }
    await server.ok(`mutation ($id: ID!) { setUserActive(id: $id, active: false) { id active } }`, { id: ids[1] }, admin);
    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview;
    await server.ok(
      ADD_ITEM,
      { input: { reviewId: review.id, measureId: p.measure(11), agencyId: TAISHAN, request: '请说明进度', dueOn: '2099-11-30' } },
      office,
    );
    const count = async (id: string) =>
      (await server.dataSource.query(`SELECT count(*)::int AS n FROM user_notice WHERE user_id = $1`, [id]))[0].n;
    expect(await count(ids[0])).toBe(1);
    expect(await count(ids[1])).toBe(0);
  });
});
