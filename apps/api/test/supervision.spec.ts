import { chinaToday } from '@luoshi/domain';
import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { acceptReport, ADD_ITEM, CLOSE, FINALIZE, OPEN_REVIEW, RATE, RESPOND, REVIEW_QUERY } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');

/** Rows of the supervision tables and of the audit: a refusal must change none of them. */
async function footprint(server: TestServer) {
  const [row] = await server.dataSource.query(`SELECT
    (SELECT count(*) FROM supervision_review)::int AS reviews, (SELECT count(*) FROM supervision_rating)::int AS ratings,
    (SELECT count(*) FROM supervision_item)::int AS items, (SELECT coalesce(sum(version), 0) FROM supervision_item)::int AS item_versions,
    (SELECT coalesce(sum(version), 0) FROM supervision_review)::int AS review_versions, (SELECT count(*) FROM audit_record)::int AS audit`);
  return row;
}

describe('supervision review (督查): the contract’s rules and refusals', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, leader: string, taishan: string, enping: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 317);
    admin = await server.adminToken();
    [office, leader, taishan, enping] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', ENPING),
    ]);
  });
  afterAll(() => server.close());

  const open = async (period: string) =>
    (
      await server.ok<{ openSupervisionReview: { id: string; status: string } }>(
        OPEN_REVIEW,
        { p: p.policyId, period: p.period(period) },
        office,
      )
    ).openSupervisionReview;
  const addItem = async (reviewId: string, agencyId = TAISHAN, seq = 11) =>
    (
      await server.ok<{ addSupervisionItem: { id: string; version: number } }>(
        ADD_ITEM,
        { input: { reviewId, measureId: p.measure(seq), agencyId, request: '请说明进度', dueOn: '2099-11-30' } },
        office,
      )
    ).addSupervisionItem;

  /** Runs a request that must be refused with `code` and leave every table as it was. */
  async function refused(code: string, query: string, variables: Record<string, unknown>, token: string) {
    const before = await footprint(server);
    const res = await server.gql(query, variables, token);
    expect({ code: codeOf(res), message: res.errors?.[0]?.message }).toMatchObject({ code });
    expect(await footprint(server)).toEqual(before);
  }

  it('opens one review per policy and period, and only for the office', async () => {
    const first = await open('2024Q3');
    expect(first.status).toBe('OPEN');
    expect((await open('2024Q3')).id).toBe(first.id);
    await refused('FORBIDDEN', OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, leader);
    await refused('FORBIDDEN', OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, taishan);
    const other = await loadVariantNotice(server.dataSource, 318);
    await refused('BAD_USER_INPUT', OPEN_REVIEW, { p: p.policyId, period: other.period('2024Q3') }, office);
    await refused('NOT_FOUND', OPEN_REVIEW, { p: p.policyId, period: '00000000-0000-4000-8000-000000000000' }, office);
    const audits = await server.dataSource.query(`SELECT action FROM audit_record WHERE entity = 'supervision_review' AND entity_id = $1`, [
      first.id,
    ]);
    expect(audits).toEqual([{ action: 'open' }]);
  });

  it('keeps the computed rating beside the office’s, which needs a reason', async () => {
    const review = await open('2024Q3');
    await refused('BAD_USER_INPUT', RATE, { r: review.id, m: p.measure(2), rating: 'RED', reason: '   ' }, office);
    await refused('BAD_USER_INPUT', RATE, { r: review.id, m: p.measure(2), rating: 'PURPLE', reason: '理由' }, office);
    await refused('FORBIDDEN', RATE, { r: review.id, m: p.measure(2), rating: 'RED', reason: '理由' }, leader);
    const other = await loadVariantNotice(server.dataSource, 319);
    await refused('BAD_USER_INPUT', RATE, { r: review.id, m: other.measure(2), rating: 'RED', reason: '理由' }, office);

    const rated = (
      await server.ok<{ rateMeasure: { computedRating: string; rating: string; reason: string; version: number } }>(
        RATE,
        { r: review.id, m: p.measure(2), rating: 'GREEN', reason: '以工代赈项目已全面铺开', v: 0 },
        office,
      )
    ).rateMeasure;
    expect(rated).toMatchObject({ rating: 'GREEN', reason: '以工代赈项目已全面铺开', version: 1 });
    expect(rated.computedRating).toBe('RED'); // nobody reported on measure 2 by 2024-10-10
    // A second office user working from the same page is told, not overwritten.
    await refused('CONFLICT', RATE, { r: review.id, m: p.measure(2), rating: 'YELLOW', reason: '另一意见', v: 0 }, office);
    const m2 = (
      await server.ok<{
        supervisionReview: { ratings: { measure: { seq: number }; rating: string; overridden: boolean; computedRating: string }[] };
      }>(REVIEW_QUERY, { id: review.id }, leader)
    ).supervisionReview.ratings.find((r) => r.measure.seq === 2);
    expect(m2).toMatchObject({ rating: 'GREEN', computedRating: 'RED', overridden: true });
    const audit = await server.dataSource.query(
      `SELECT action, before, after FROM audit_record WHERE entity = 'supervision_rating' AND entity_id = $1`,
      [`${review.id}:${p.measure(2)}`],
    );
    expect(audit).toEqual([
      { action: 'rate', before: null, after: { computedRating: 'RED', rating: 'GREEN', reason: '以工代赈项目已全面铺开', version: 1 } },
    ]);
  });

  it('adds items only for a unit responsible for the measure, with a real due date', async () => {
    const review = await open('2024Q3');
    const input = {
      reviewId: review.id,
      measureId: p.measure(11),
      agencyId: TAISHAN,
      request: '请说明公益性岗位开发进度',
      dueOn: '2099-11-30',
    };
    const notResponsible: { id: string }[] = await server.dataSource.query(
      `SELECT a.id FROM agency a WHERE NOT EXISTS (SELECT 1 FROM responsibility r WHERE r.measure_id = $1 AND r.agency_id = a.id) LIMIT 1`,
      [p.measure(11)],
    );
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, agencyId: notResponsible[0].id } }, office);
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, dueOn: '2024-02-30' } }, office);
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, dueOn: '下周五' } }, office);
    // A due date in the past (yesterday in China) is refused: the item would be overdue when given.
    const yesterday = chinaToday(new Date(Date.now() - 86_400_000));
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, dueOn: yesterday } }, office);
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, dueOn: '2024-11-30' } }, office);
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, request: ' ' } }, office);
    await refused('BAD_USER_INPUT', ADD_ITEM, { input: { ...input, extra: 1 } }, office);
    await refused('FORBIDDEN', ADD_ITEM, { input }, taishan);
    const item = (await server.ok<{ addSupervisionItem: { status: string; dueOn: string } }>(ADD_ITEM, { input }, office))
      .addSupervisionItem;
    expect(item).toMatchObject({ status: 'OPEN', dueOn: '2099-11-30' });
  });

  it('lets only a reporter of the item’s unit answer, and shows each unit only its own items', async () => {
    const review = await open('2024Q3');
    const mine = await addItem(review.id, TAISHAN);
    const theirs = await addItem(review.id, ENPING);
    await refused('FORBIDDEN', RESPOND, { id: mine.id, response: '代为答复' }, office);
    await refused('FORBIDDEN', RESPOND, { id: mine.id, response: '答复' }, enping);
    await refused('FORBIDDEN', RESPOND, { id: mine.id, response: '答复' }, leader);
    await refused('BAD_USER_INPUT', RESPOND, { id: mine.id, response: '' }, taishan);
    await refused('CONFLICT', CLOSE, { id: mine.id }, office); // not answered yet
    const answered = (
      await server.ok<{ respondSupervisionItem: { status: string; version: number } }>(
        RESPOND,
        { id: mine.id, response: '已开发岗位 60 个', v: 1 },
        taishan,
      )
    ).respondSupervisionItem;
    expect(answered).toMatchObject({ status: 'RESPONDED', version: 2 });
    await refused('CONFLICT', RESPOND, { id: mine.id, response: '补充', v: 1 }, taishan);

    // While the review is OPEN a reporter reads its own items, not the review (supervision-visibility.spec.ts).
    const seen = (
      await server.ok<{ supervisionItems: { id: string }[] }>(
        `query ($r: ID) { supervisionItems(reviewId: $r) { id } }`,
        { r: review.id },
        taishan,
      )
    ).supervisionItems.map((i) => i.id);
    expect(seen).toContain(mine.id);
    expect(seen).not.toContain(theirs.id);
    const listed = (
      await server.ok<{ supervisionItems: { id: string }[] }>(`{ supervisionItems { id } }`, {}, enping)
    ).supervisionItems.map((i) => i.id);
    expect(listed).toContain(theirs.id);
    expect(listed).not.toContain(mine.id);
    const all = (
      await server.ok<{ supervisionReview: { items: { id: string }[] } }>(REVIEW_QUERY, { id: review.id }, leader)
    ).supervisionReview.items.map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));

    const notices = (
      await server.ok<{ myNotices: { kind: string; title: string; link: string }[] }>(`{ myNotices { kind title link } }`, {}, taishan)
    ).myNotices;
    expect(notices).toContainEqual({
      kind: 'SUPERVISION_ITEM_ASSIGNED',
      title: '新的督办事项（措施11），请于2099-11-30前答复',
      link: '/supervision/items',
    });
    const officeNotices = (await server.ok<{ myNotices: { kind: string; title: string }[] }>(`{ myNotices { kind title } }`, {}, office))
      .myNotices;
    expect(officeNotices).toContainEqual({ kind: 'SUPERVISION_ITEM_RESPONDED', title: '台山市已答复督办事项（措施11）' });

    await refused('FORBIDDEN', CLOSE, { id: mine.id }, taishan);
    expect(
      (await server.ok<{ closeSupervisionItem: { status: string } }>(CLOSE, { id: mine.id }, office)).closeSupervisionItem.status,
    ).toBe('CLOSED');
    await refused('CONFLICT', RESPOND, { id: mine.id, response: '再补充' }, taishan);
    await refused('CONFLICT', CLOSE, { id: mine.id }, office);
    const actions = await server.dataSource.query(
      `SELECT action FROM audit_record WHERE entity = 'supervision_item' AND entity_id = $1 ORDER BY id`,
      [mine.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['add', 'respond', 'close']);
  });

  it('after finalizing refuses changes to ratings and items, but answers and closing go on; the computed ratings are frozen', async () => {
    const q4 = await open('2024Q4');
    const item = await addItem(q4.id, TAISHAN);
    const before = (
      await server.ok<{ supervisionReview: { ratings: { measure: { seq: number }; computedRating: string }[] } }>(
        REVIEW_QUERY,
        { id: q4.id },
        office,
      )
    ).supervisionReview.ratings;
    expect(
      (await server.ok<{ finalizeSupervisionReview: { status: string } }>(FINALIZE, { id: q4.id }, office)).finalizeSupervisionReview
        .status,
    ).toBe('FINAL');
    await refused('CONFLICT', FINALIZE, { id: q4.id }, office);
    await refused('CONFLICT', RATE, { r: q4.id, m: p.measure(11), rating: 'RED', reason: '迟到的意见' }, office);
    await refused(
      'CONFLICT',
      ADD_ITEM,
      { input: { reviewId: q4.id, measureId: p.measure(11), agencyId: TAISHAN, request: '补充要求', dueOn: '2099-01-31' } },
      office,
    );
    expect(
      (await server.ok<{ respondSupervisionItem: { status: string } }>(RESPOND, { id: item.id, response: '已整改' }, taishan))
        .respondSupervisionItem.status,
    ).toBe('RESPONDED');
    expect(
      (await server.ok<{ closeSupervisionItem: { status: string } }>(CLOSE, { id: item.id }, office)).closeSupervisionItem.status,
    ).toBe('CLOSED');

    // A report accepted after the pack went out does not change the finalized review.
    await acceptReport(
      server,
      p,
      { reporter: taishan, office },
      { agencyId: TAISHAN, seq: 11, period: '2024Q4', values: [[p.target(11, '公益性崗位'), TAISHAN, 400]] },
    );
    const after = (
      await server.ok<{ supervisionReview: { status: string; ratings: { measure: { seq: number }; computedRating: string }[] } }>(
        REVIEW_QUERY,
        { id: q4.id },
        office,
      )
    ).supervisionReview;
    expect(after.status).toBe('FINAL');
    expect(after.ratings).toEqual(before.map((r) => expect.objectContaining({ measure: r.measure, computedRating: r.computedRating })));
  });

  it('carries the earlier reviews’ open items into the next one', async () => {
    const q3 = await open('2024Q3');
    const stillOpen = await addItem(q3.id, ENPING);
    const q1 = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2025Q1') }, office)
    ).openSupervisionReview;
    const next = (
      await server.ok<{ supervisionReview: { carriedOverItems: { id: string }[]; summary: { carriedOverItems: number } } }>(
        REVIEW_QUERY,
        { id: q1.id },
        office,
      )
    ).supervisionReview;
    expect(next.carriedOverItems.map((i) => i.id)).toContain(stillOpen.id);
    expect(next.summary.carriedOverItems).toBe(next.carriedOverItems.length);
  });

  it('lets one of two office users rate at the same version, and tells the other', async () => {
    const review = await open('2024Q3');
    const results = await Promise.all(
      ['意见一', '意见二', '意见三', '意见四'].map((reason) =>
        server.gql(RATE, { r: review.id, m: p.measure(5), rating: 'YELLOW', reason, v: 0 }, office),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(3);
  });
});
