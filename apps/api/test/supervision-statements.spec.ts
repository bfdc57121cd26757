import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, signedInUser } from './support/fixtures';
import { acceptReport, ADD_ITEM, OPEN_REVIEW, RATE, REVIEW_QUERY } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');

/** The review page's query and rateMeasure run a fixed number of SQL statements, however many reports and items there are. */
describe('supervision review: SQL statements per request', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('stays the same as reports and items double', async () => {
    server = await TestServer.start({ countStatements: true });
    const p = await loadVariantNotice(server.dataSource, 331);
    const admin = await server.adminToken();
    const [office, taishan] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', TAISHAN)]);
    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q4') }, office)
    ).openSupervisionReview;
    const addItems = async (n: number, seq: number) => {
      for (let i = 0; i < n; i++)
        await server.ok(
          ADD_ITEM,
          { input: { reviewId: review.id, measureId: p.measure(seq), agencyId: TAISHAN, request: `事项${i}`, dueOn: '2099-01-31' } },
          office,
        );
    };
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 11, period: '2024Q3', values: [[p.target(11, '公益性崗位'), TAISHAN, 100]] },
    );
    await addItems(2, 11);
    const small = await server.statements(REVIEW_QUERY, { id: review.id }, office);
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 11, period: '2024Q4', values: [[p.target(11, '公益性崗位'), TAISHAN, 100]] },
    );
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 7, period: '2024Q4', values: [[p.target(7, '見習崗位'), TAISHAN, 300]] },
    );
    await addItems(4, 7);
    const large = await server.statements(REVIEW_QUERY, { id: review.id }, office);
    expect(large).toBe(small);
    // 26 (33 before the progress evaluation was one): this quarter's evaluation and ratings, the quarter before's, the items, the loaders
    expect(small).toBeLessThanOrEqual(26);

    // rateMeasure: the transaction with the one evaluation it stores, then the quarter before's ratings (45 when it evaluated twice more)
    const rate = await server.statements(RATE, { r: review.id, m: p.measure(11), rating: 'GREEN', reason: '已核实' }, office);
    expect(rate).toBeLessThanOrEqual(26);
  });
});
