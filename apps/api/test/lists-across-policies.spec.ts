import { codeOf, TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { ADD_ITEM, OPEN_REVIEW } from './support/supervision-fixtures';

const TAISHAN = countyId('440781');
const ENPING = countyId('440785');

const QUEUE = `query ($p: ID, $q: String, $a: ID, $m: ID) { reviewQueue(policyId: $p, quarter: $q, agencyId: $a, measureId: $m) {
  id status policy { id docNumber } agency { id name } period { label } measure { id seq targets { name quotas { quota } } }
  values { value } previous { id } } }`;
const ITEMS = `query ($p: ID) { supervisionItems(policyId: $p) { id policy { id docNumber } measure { seq } agency { name } overdue } }`;
const DELIVERIES = `query ($p: ID) { chaseDeliveries(policyId: $p, limit: 500) { id policies { id docNumber } agency { name } } }`;
const NOTICES = `{ myNotices(limit: 100) { id kind policy { id docNumber } } }`;

interface Row {
  id: string;
  policy: { id: string };
}

/**
 * The office's lists across every published policy (issue 11): the review queue with its filters,
 * the follow-up items, chasing's records and the bell; a draft's rows never show, and each list
 * costs the same number of SQL statements with one published policy as with three.
 */
describe('the office’s lists across policies', () => {
  let server: TestServer;
  let admin: string, office: string, taishan: string, enping: string;

  beforeAll(async () => {
    server = await TestServer.start({ countStatements: true });
    admin = await server.adminToken();
    [office, taishan, enping] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', ENPING),
    ]);
  });
  afterAll(() => server.close());

  /** A submitted report of the unit on a measure of the policy. */
  async function submit(p: PolicyIds, token: string, agencyId: string, seq: number, period: string): Promise<string> {
    const input = { measureId: p.measure(seq), periodId: p.period(period), agencyId, progress: '进展', unitStatus: 'ON_TRACK', values: [] };
    const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, token)).saveProgressReport;
    await server.ok(SUBMIT, { id: saved.id, version: saved.version }, token);
    return saved.id;
  }

  /** A policy with reports in the queue, a follow-up item for Taishan and a chasing record naming it. */
  async function policyWithRows(number: number) {
    const p = await loadVariantNotice(server.dataSource, number);
    const reports = [await submit(p, taishan, TAISHAN, 7, '2024Q3'), await submit(p, enping, ENPING, 11, '2024Q4')];
    const review = (
      await server.ok<{ openSupervisionReview: { id: string } }>(OPEN_REVIEW, { p: p.policyId, period: p.period('2024Q3') }, office)
    ).openSupervisionReview;
    const item = (
      await server.ok<{ addSupervisionItem: { id: string } }>(
        ADD_ITEM,
        { input: { reviewId: review.id, measureId: p.measure(7), agencyId: TAISHAN, request: '请说明进度', dueOn: '2099-11-30' } },
        office,
      )
    ).addSupervisionItem;
    // A record as a chasing pass writes it (a pass here would chase the whole shared database).
    const [delivery] = await server.dataSource.query(
      `INSERT INTO chase_delivery (event_keys, channel, agency_id, recipients, content, status, attempts, delivered_at, policy_ids)
       VALUES ($1, 'IN_APP', $2, 1, '催办', 'DELIVERED', 1, now(), $3) RETURNING id`,
      [[`report-overdue:${p.period('2024Q3')}:${p.measure(7)}:${TAISHAN}`], TAISHAN, [p.policyId]],
    );
    return { p, reports, item: item.id, delivery: delivery.id as string };
  }

  const queue = async (vars: Record<string, unknown> = {}) =>
    (
      await server.ok<{ reviewQueue: (Row & { period: { label: string }; agency: { id: string }; measure: { id: string } })[] }>(
        QUEUE,
        vars,
        office,
      )
    ).reviewQueue;
  const items = async (vars: Record<string, unknown> = {}) =>
    (await server.ok<{ supervisionItems: Row[] }>(ITEMS, vars, office)).supervisionItems;
  const deliveries = async (vars: Record<string, unknown> = {}) =>
    (await server.ok<{ chaseDeliveries: { id: string; policies: { id: string }[] }[] }>(DELIVERIES, vars, office)).chaseDeliveries;
  const counts = async () => ({
    reviewQueue: await server.statements(QUEUE, {}, office),
    supervisionItems: await server.statements(ITEMS, {}, office),
    chaseDeliveries: await server.statements(DELIVERIES, {}, office),
    myNotices: await server.statements(NOTICES, {}, taishan),
  });

  it('lists every published policy’s rows, filters them, leaves a draft out, and costs the same with 1 policy as with 3', async () => {
    const a = await policyWithRows(1421);
    const one = await counts();

    const b = await policyWithRows(1422);
    const c = await policyWithRows(1423);
    // A policy taken back to DRAFT (as if imported and not yet published): none of its rows show.
    const draft = await policyWithRows(1424);
    await server.dataSource.query(`UPDATE policy SET status = 'DRAFT' WHERE id = $1`, [draft.p.policyId]);
    const three = await counts();
    expect(three).toEqual(one);
    // Sign-in + the rows + a handful of batched loads, none per policy or per row.
    expect(one.reviewQueue).toBeLessThanOrEqual(14);
    expect(one.supervisionItems).toBeLessThanOrEqual(8);
    expect(one.chaseDeliveries).toBeLessThanOrEqual(6);
    expect(one.myNotices).toBeLessThanOrEqual(5);

    // The queue: every published policy, each row naming its policy; the draft's reports are not there.
    const all = await queue();
    const ids = new Set(all.map((r) => r.id));
    for (const x of [a, b, c]) for (const r of x.reports) expect(ids.has(r)).toBe(true);
    for (const r of draft.reports) expect(ids.has(r)).toBe(false);
    expect(all.find((r) => r.id === b.reports[0])!.policy.id).toBe(b.p.policyId);
    expect(all.every((r) => r.policy.id !== draft.p.policyId)).toBe(true);

    // Its filters, alone and together.
    expect((await queue({ p: a.p.policyId })).map((r) => r.id).sort()).toEqual([...a.reports].sort());
    const q3 = await queue({ q: '2024Q3' });
    expect(q3.every((r) => r.period.label === '2024Q3')).toBe(true);
    expect(q3.map((r) => r.id)).toEqual(expect.arrayContaining([a.reports[0], b.reports[0], c.reports[0]]));
    expect(q3.map((r) => r.id)).not.toContain(a.reports[1]);
    expect((await queue({ q: '2024q4', a: ENPING })).every((r) => r.agency.id === ENPING && r.period.label === '2024Q4')).toBe(true);
    expect((await queue({ p: c.p.policyId, m: c.p.measure(11) })).map((r) => r.id)).toEqual([c.reports[1]]);
    expect(await queue({ p: draft.p.policyId })).toEqual([]);
    expect(codeOf(await server.gql(QUEUE, { q: 'Q3' }, office))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(QUEUE, { p: 'nope' }, office))).toBe('NOT_FOUND'); // as every malformed id
    expect(codeOf(await server.gql(QUEUE, {}, taishan))).toBe('FORBIDDEN');

    // Follow-up items: across policies, with the policy filter; a unit still sees only its own.
    const allItems = await items();
    const itemIds = new Set(allItems.map((i) => i.id));
    for (const x of [a, b, c]) expect(itemIds.has(x.item)).toBe(true);
    expect(itemIds.has(draft.item)).toBe(false);
    expect((await items({ p: b.p.policyId })).map((i) => [i.id, i.policy.id])).toEqual([[b.item, b.p.policyId]]);
    const enpingItems = (await server.ok<{ supervisionItems: Row[] }>(ITEMS, {}, enping)).supervisionItems;
    expect(enpingItems.some((i) => [a.item, b.item, c.item].includes(i.id))).toBe(false);

    // Chasing's records: each names its policies; the filter keeps those covering the policy.
    const mine = (await deliveries()).filter((d) => [a, b, c, draft].some((x) => x.delivery === d.id));
    expect(mine.find((d) => d.id === c.delivery)!.policies.map((p) => p.id)).toEqual([c.p.policyId]);
    expect((await deliveries({ p: a.p.policyId })).map((d) => d.id)).toEqual([a.delivery]);

    // The bell: each item's notice names its policy.
    const notices = (await server.ok<{ myNotices: { kind: string; policy: { id: string } | null }[] }>(NOTICES, {}, taishan)).myNotices;
    const assigned = notices.filter((n) => n.kind === 'SUPERVISION_ITEM_ASSIGNED').map((n) => n.policy?.id);
    expect(assigned).toEqual(expect.arrayContaining([a.p.policyId, b.p.policyId, c.p.policyId]));
  });
});
