import { codeOf, TestServer } from './support/test-server';
import { countyId, departmentId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';
import { ChaseService } from '../src/chasing/chase.service';
import { DeliverySender } from '../src/chasing/delivery-sender';
import { deadPort, docInMessages, dueInDays, noneDue, robotUrl, RobotRoutes, routeRobots, startReceiver } from './chasing-support';
import { createUnit, makeResponsible } from './support/units-fixtures';

// One file on purpose: every pass chases the whole database, so two chasing files run in parallel
// workers would take each other's events (still exactly once, but not where a test looks).
const TAISHAN = countyId('440781');
const ENPING = countyId('440785');
const HRSS = departmentId('市人力資源社會保障局');
// The webhook settings test uses a unit the delivery tests leave alone, so parallel runs do not meet.
const HESHAN = countyId('440784');

const NOTICES = `query ($u: Boolean, $l: Int) { myNotices(unreadOnly: $u, limit: $l) { id kind title body link createdAt readAt } unreadNoticeCount }`;
const MARK = `mutation ($ids: [ID!]) { markNoticesRead(ids: $ids) }`;
const RUN = `mutation { runChaseNow { events units notices webhooksQueued webhooksDelivered webhooksFailed outstanding unitsUnreached quietReason } }`;
const SET = `mutation ($a: ID!, $k: WebhookKind!, $u: String!) { setAgencyWebhook(agencyId: $a, kind: $k, url: $u) { agencyId kind url agency { name } } }`;
const REMOVE = `mutation ($a: ID!) { removeAgencyWebhook(agencyId: $a) }`;

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

describe('chasing: in-app notices, every late period, why a pass is quiet, and webhook settings', () => {
  let server: TestServer;
  let admin: string, office: string, leader: string, taishanA: string, taishanB: string, hrss: string;

  const notices = async (token: string) => await server.ok<{ myNotices: Notice[]; unreadNoticeCount: number }>(NOTICES, { l: 100 }, token);
  /** Keys of chase events for a period (of any kind). */
  const eventKeys = async (periodId: string) =>
    (
      (await server.dataSource.query(`SELECT key FROM chase_event WHERE key LIKE '%:' || $1 || ':%' ORDER BY key`, [periodId])) as {
        key: string;
      }[]
    ).map((r) => r.key);
  const pairs = async (p: PolicyIds) =>
    (
      (await server.dataSource.query(
        `SELECT count(*)::int AS n FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1`,
        [p.policyId],
      )) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    server = await TestServer.start();
    routeRobots(server); // no test ever reaches the real robots
    admin = await server.adminToken();
    [office, leader, taishanA, taishanB, hrss] = await Promise.all([
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', TAISHAN),
      signedInUser(server, admin, 'REPORTER', HRSS),
    ]);
  });
  afterAll(() => server.close());

  it('chases each late or nearly due report once, one notice per unit and run, and counts unread notices', async () => {
    const p = await loadVariantNotice(server.dataSource, 501);
    await noneDue(server.dataSource, p.policyId);
    const q3 = p.period('2024Q3'),
      q4 = p.period('2024Q4');
    await dueInDays(server.dataSource, q3, -2);
    await dueInDays(server.dataSource, q4, 2);
    // Taishan's report on measure 7 for 2024Q3 is in: it is not chased.
    const input = { measureId: p.measure(7), periodId: q3, agencyId: TAISHAN, progress: '已完成', unitStatus: 'ON_TRACK', values: [] };
    const saved = (await server.ok<{ saveProgressReport: ReportRef }>(SAVE, { input }, taishanA)).saveProgressReport;
    await server.ok(SUBMIT, { id: saved.id, version: saved.version }, taishanA);
    const before = (await notices(taishanA)).unreadNoticeCount;

    const run = (await server.ok<{ runChaseNow: { events: number; units: number; notices: number } }>(RUN, {}, office)).runChaseNow;
    const total = await pairs(p);
    expect(run.events).toBeGreaterThanOrEqual(2 * total - 1); // every unsent pair of both periods (and other files' late ones)
    const q3Keys = await eventKeys(q3);
    expect(q3Keys).toHaveLength(total - 1);
    expect(q3Keys.every((k) => k.startsWith('report-overdue:'))).toBe(true);
    expect(q3Keys).not.toContain(`report-overdue:${q3}:${p.measure(7)}:${TAISHAN}`);
    expect(await eventKeys(q4)).toHaveLength(total);
    expect((await eventKeys(q4)).every((k) => k.startsWith('report-due-soon:'))).toBe(true);

    // Both Taishan reporters get one notice listing both periods; reporters of other units do not see it.
    const doc = docInMessages(p.docNumber);
    for (const token of [taishanA, taishanB]) {
      const mine = (await notices(token)).myNotices.filter((n) => n.kind === 'CHASE' && n.body.includes(doc));
      expect(mine).toHaveLength(1);
      expect(mine[0].title).toContain('逾期未报');
      expect(mine[0].body).toContain('【进展报告即将到期】');
      expect(mine[0].body).toContain('2024Q3');
      expect(mine[0].link).toBe('/tasks');
    }
    expect((await notices(hrss)).myNotices.filter((n) => n.kind === 'CHASE' && n.body.includes(doc))).toHaveLength(1);
    const taishanRow = await server.dataSource.query(
      `SELECT recipients FROM chase_delivery WHERE channel = 'IN_APP' AND agency_id = $1 AND $2 = ANY(event_keys)`,
      [TAISHAN, q3Keys.find((k) => k.endsWith(TAISHAN))],
    );
    expect(taishanRow).toHaveLength(1);
    expect(taishanRow[0].recipients).toBeGreaterThanOrEqual(2); // every Taishan reporter (other files add theirs)
    expect((await notices(office)).myNotices.some((n) => n.kind === 'CHASE_SUMMARY' && n.body.includes('台山'))).toBe(true);

    // A second pass finds nothing new: nobody is told twice.
    const again = (await server.ok<{ runChaseNow: { events: number; outstanding: number; quietReason: string | null } }>(RUN, {}, office))
      .runChaseNow;
    expect(again.events).toBe(0);
    // …and says why: what is late was chased before.
    expect(again.quietReason).toBe('ALREADY_CHASED');
    expect(again.outstanding).toBeGreaterThanOrEqual(2 * total - 1);
    const after = await notices(taishanA);
    expect(after.myNotices.filter((n) => n.kind === 'CHASE' && n.body.includes(doc))).toHaveLength(1);
    expect(after.unreadNoticeCount).toBe(before + 1);

    // Marking read: one by id, someone else's id changes nothing, then all.
    const id = after.myNotices.find((n) => n.body.includes(doc))!.id;
    expect((await server.ok<{ markNoticesRead: number }>(MARK, { ids: [id] }, taishanB)).markNoticesRead).toBe(0);
    expect((await server.ok<{ markNoticesRead: number }>(MARK, { ids: [id] }, taishanA)).markNoticesRead).toBe(1);
    expect((await notices(taishanA)).unreadNoticeCount).toBe(before);
    expect((await server.ok<{ markNoticesRead: number }>(MARK, {}, taishanA)).markNoticesRead).toBe(before);
    const read = await notices(taishanA);
    expect(read.unreadNoticeCount).toBe(0);
    expect(read.myNotices.every((n) => n.readAt)).toBe(true);
    expect((await server.ok<{ myNotices: Notice[] }>(NOTICES, { u: true }, taishanA)).myNotices).toEqual([]);
    expect((await notices(taishanB)).unreadNoticeCount).toBeGreaterThan(0);
    expect(codeOf(await server.gql(MARK, { ids: ['not-an-id'] }, taishanA))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(NOTICES, {}))).toBe('UNAUTHENTICATED');
  });

  it('chases a report however late (51 days, a year), and reminds only within the days before', async () => {
    const p = await loadVariantNotice(server.dataSource, 1721);
    await noneDue(server.dataSource, p.policyId);
    await dueInDays(server.dataSource, p.period('2024Q3'), -51); // past the old 30-day look-back
    await dueInDays(server.dataSource, p.period('2024Q4'), 4); // reminders start 3 days before
    await dueInDays(server.dataSource, p.period('2025Q1'), -400); // long before: still late
    const run = (await server.ok<{ runChaseNow: { events: number; quietReason: string | null } }>(RUN, {}, office)).runChaseNow;
    expect(await eventKeys(p.period('2024Q3'))).toHaveLength(await pairs(p));
    expect((await eventKeys(p.period('2024Q3'))).every((k) => k.startsWith('report-overdue:'))).toBe(true);
    expect(await eventKeys(p.period('2025Q1'))).toHaveLength(await pairs(p));
    expect(await eventKeys(p.period('2024Q4'))).toEqual([]);
    expect(run.events).toBeGreaterThanOrEqual(2 * (await pairs(p)));
    expect(run.quietReason).toBeNull();
    // Taishan's reporters got one notice naming the 51-days-late quarter.
    const doc = docInMessages(p.docNumber);
    const mine = (await notices(taishanA)).myNotices.filter((n) => n.kind === 'CHASE' && n.body.includes(doc));
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('2024Q3');
    // A later due date (the office moved it) comes into the reminder days and is chased then.
    await dueInDays(server.dataSource, p.period('2024Q4'), 3);
    await server.ok(RUN, {}, office);
    expect(await eventKeys(p.period('2024Q4'))).toHaveLength(await pairs(p));
  });

  it('says why a pass told no unit: already chased, or units with no account and no robot', async () => {
    const p = await loadVariantNotice(server.dataSource, 1722);
    await noneDue(server.dataSource, p.policyId);
    await dueInDays(server.dataSource, p.period('2024Q3'), -5);
    type Run = { events: number; units: number; notices: number; outstanding: number; unitsUnreached: number; quietReason: string | null };
    const run = async () => (await server.ok<{ runChaseNow: Run }>(RUN, {}, office)).runChaseNow;
    const first = await run(); // chases what is late in the whole database
    expect(first.events).toBeGreaterThanOrEqual(await pairs(p));
    const second = await run();
    expect(second).toMatchObject({ events: 0, units: 0, unitsUnreached: 0, quietReason: 'ALREADY_CHASED' });
    expect(second.outstanding).toBeGreaterThanOrEqual(await pairs(p));

    // A new unit, responsible for a late measure, with no reporter account and no robot: only the office hears.
    const unit = await createUnit(server, office);
    await makeResponsible(server.dataSource, p.measure(4), unit);
    const third = await run();
    expect(third).toMatchObject({ events: 1, units: 1, unitsUnreached: 1, quietReason: 'NO_ONE_TO_TELL' });
    expect(third.notices).toBeGreaterThan(0); // the office's summary
    expect(third.outstanding).toBe(second.outstanding + 1);
    // With a reporter account the next late thing reaches the unit.
    await signedInUser(server, admin, 'REPORTER', unit);
    await makeResponsible(server.dataSource, p.measure(5), unit);
    expect(await run()).toMatchObject({ events: 1, units: 1, unitsUnreached: 0, quietReason: null });
  });

  it('lets only the office set a unit’s webhook, refuses bad addresses storing nothing, and audits changes', async () => {
    const audits = async () =>
      (await server.dataSource.query(
        `SELECT action, before, after FROM audit_record WHERE entity = 'agency_webhook' AND entity_id = $1 ORDER BY at, id`,
        [HESHAN],
      )) as { action: string; before: unknown; after: { url: string } | null }[];
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-secret';
    expect(codeOf(await server.gql(SET, { a: HESHAN, k: 'WECOM', u: url }, hrss))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(SET, { a: HESHAN, k: 'WECOM', u: url }, leader))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(`{ agencyWebhooks { agencyId } }`, {}, hrss))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(`{ chaseDeliveries { id } }`, {}, hrss))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(RUN, {}, hrss))).toBe('FORBIDDEN');
    const rowsBefore = ((await server.dataSource.query(`SELECT count(*)::int AS n FROM agency_webhook`)) as { n: number }[])[0].n;
    for (const bad of [
      'ftp://example.com/hook',
      'qyapi.weixin.qq.com/send',
      'javascript:alert(1)',
      '',
      // Anything but the two robot endpoints over https: the API must not reach inside the network.
      'http://oapi.dingtalk.com/robot/send?access_token=t0ken',
      'http://127.0.0.1:8080/robot/send?access_token=t0ken',
      'https://169.254.169.254/latest/meta-data/',
      'https://2130706433/robot/send?access_token=t0ken',
      'https://[::ffff:127.0.0.1]/robot/send?access_token=t0ken',
      'https://oapi.dingtalk.com.evil.com/robot/send?access_token=t0ken',
      'https://evil.com#@oapi.dingtalk.com/robot/send?access_token=t0ken',
      'https://user:pw@oapi.dingtalk.com/robot/send?access_token=t0ken',
      'https://oapi.dingtalk.com:8443/robot/send?access_token=t0ken',
      url, // a WeCom address for a DingTalk robot
    ]) {
      const res = await server.gql(SET, { a: HESHAN, k: 'DINGTALK', u: bad }, office);
      expect([bad, codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual([bad, 'BAD_USER_INPUT', 'url']);
      expect(res.errors?.[0]?.message).toMatch(/oapi\.dingtalk\.com/);
    }
    expect(((await server.dataSource.query(`SELECT count(*)::int AS n FROM agency_webhook`)) as { n: number }[])[0].n).toBe(rowsBefore);
    expect(codeOf(await server.gql(SET, { a: '00000000-0000-4000-8000-000000000000', k: 'WECOM', u: url }, office))).toBe('NOT_FOUND');
    expect(codeOf(await server.gql(SET, { a: HESHAN, k: 'SLACK', u: url }, office))).toBe('BAD_USER_INPUT');
    const listed = async () =>
      (await server.ok<{ agencyWebhooks: { agencyId: string }[] }>(`{ agencyWebhooks { agencyId kind url updatedAt } }`, {}, office))
        .agencyWebhooks;
    expect((await listed()).some((w) => w.agencyId === HESHAN)).toBe(false);
    expect(await audits()).toEqual([]);

    const set = (
      await server.ok<{ setAgencyWebhook: { kind: string; url: string; agency: { name: string } } }>(
        SET,
        { a: HESHAN, k: 'WECOM', u: ` ${url} ` },
        office,
      )
    ).setAgencyWebhook;
    const [{ name }] = await server.dataSource.query(`SELECT name FROM agency WHERE id = $1`, [HESHAN]);
    expect(set).toMatchObject({ kind: 'WECOM', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***', agency: { name } });
    await server.ok(SET, { a: HESHAN, k: 'DINGTALK', u: 'https://OAPI.dingtalk.com:443/robot/send?access_token=t0ken' }, admin);
    expect((await listed()).filter((w) => w.agencyId === HESHAN)).toHaveLength(1);
    expect(JSON.stringify(await listed())).not.toMatch(/abc-secret|t0ken/); // never read back, even by the office
    expect((await server.ok<{ removeAgencyWebhook: boolean }>(REMOVE, { a: HESHAN }, office)).removeAgencyWebhook).toBe(true);
    expect((await server.ok<{ removeAgencyWebhook: boolean }>(REMOVE, { a: HESHAN }, office)).removeAgencyWebhook).toBe(false);
    const log = await audits();
    expect(log.map((a) => a.action)).toEqual(['SET_AGENCY_WEBHOOK', 'SET_AGENCY_WEBHOOK', 'REMOVE_AGENCY_WEBHOOK']);
    expect(log[0].after).toEqual({ kind: 'WECOM', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***' });
    expect(log[1].after).toEqual({ kind: 'DINGTALK', url: 'https://oapi.dingtalk.com/robot/send?access_token=***' }); // stored normalised
    expect(JSON.stringify(log)).not.toMatch(/abc-secret|t0ken/); // the robot's key is a credential
  });

  it('chases every published policy’s open periods and no draft’s, and names the policies in its records and notices', async () => {
    const [a, b, draft] = [
      await loadVariantNotice(server.dataSource, 1425),
      await loadVariantNotice(server.dataSource, 1426),
      await loadVariantNotice(server.dataSource, 1427),
    ];
    await server.dataSource.query(`UPDATE policy SET status = 'DRAFT' WHERE id = $1`, [draft.policyId]);
    for (const p of [a, b, draft]) await dueInDays(server.dataSource, p.period('2024Q3'), -3);
    await server.ok(RUN, {}, office);
    expect((await eventKeys(a.period('2024Q3'))).length).toBe(await pairs(a));
    expect((await eventKeys(b.period('2024Q3'))).length).toBe(await pairs(b));
    expect(await eventKeys(draft.period('2024Q3'))).toEqual([]);

    // Taishan's one message of the run covers both policies; the office filters records by either.
    const DELIVERIES = `query ($p: ID) { chaseDeliveries(policyId: $p, limit: 500) { id agency { id } policies { id } } }`;
    type Row = { id: string; agency: { id: string } | null; policies: { id: string }[] };
    const forA = (await server.ok<{ chaseDeliveries: Row[] }>(DELIVERIES, { p: a.policyId }, office)).chaseDeliveries;
    const taishanRow = forA.find((d) => d.agency?.id === TAISHAN)!;
    expect(taishanRow.policies.map((p) => p.id).sort()).toEqual([a.policyId, b.policyId].sort());
    expect(forA.every((d) => d.policies.some((p) => p.id === a.policyId))).toBe(true);
    const forDraft = (await server.ok<{ chaseDeliveries: Row[] }>(DELIVERIES, { p: draft.policyId }, office)).chaseDeliveries;
    expect(forDraft).toEqual([]);
    // A notice covering two policies names none; the bell still lists it.
    const bell = (
      await server.ok<{ myNotices: { kind: string; policy: { id: string } | null }[] }>(
        `{ myNotices(limit: 1) { kind policy { id } } }`,
        {},
        taishanA,
      )
    ).myNotices;
    expect(bell).toEqual([{ kind: 'CHASE', policy: null }]);
  });
});

/** One replica's scheduled work: a pass, then a send round. */
const tick = async (s: TestServer) => {
  await s.resolve(ChaseService).runPass();
  await s.resolve(DeliverySender).deliverDue();
};

describe('chasing: exactly once across replicas, webhook retries', () => {
  let a: TestServer, b: TestServer;
  let office: string, taishan: string;
  let routes: RobotRoutes;
  const env = { ...process.env };

  beforeAll(async () => {
    [a, b] = await Promise.all([TestServer.start(), TestServer.start()]);
    routes = routeRobots(a, b);
    const admin = await a.adminToken();
    [office, taishan] = await Promise.all([
      signedInUser(a, admin, 'OFFICE'),
      signedInUser(a, admin, 'REPORTER', TAISHAN),
      signedInUser(a, admin, 'REPORTER', ENPING),
    ]);
  });
  afterEach(() => {
    routes.resolveTo(null);
    for (const k of ['WEBHOOK_RETRY_BASE_MS', 'WEBHOOK_MAX_ATTEMPTS', 'WEBHOOK_TIMEOUT_MS']) {
      if (env[k] === undefined) delete process.env[k];
      else process.env[k] = env[k];
    }
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('notifies each event once and posts each webhook message once with two API processes racing', async () => {
    const receiver = await startReceiver();
    try {
      const p = await loadVariantNotice(a.dataSource, 503);
      await noneDue(a.dataSource, p.policyId);
      for (const [unit, kind] of [
        [TAISHAN, 'WECOM'],
        [ENPING, 'DINGTALK'],
        [HRSS, 'WECOM'],
      ] as const)
        await a.ok(SET, { a: unit, k: kind, u: robotUrl(kind, receiver.port) }, office);
      const periods = ['2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((l) => p.period(l));
      // Round by round a further period falls due (or nearly), and both replicas chase at once, twice each.
      for (const [i, period] of periods.entries()) {
        await dueInDays(a.dataSource, period, i % 2 ? 1 : -1 - i);
        await Promise.all([tick(a), tick(b), tick(a), tick(b)]);
      }
      await Promise.all([a.resolve(DeliverySender).deliverDue(), b.resolve(DeliverySender).deliverDue()]);

      const keys: { key: string }[] = await a.dataSource.query(
        `SELECT key FROM chase_event WHERE split_part(key, ':', 2) = ANY($1::text[])`,
        [periods],
      );
      const pairs: { n: number }[] = await a.dataSource.query(
        `SELECT count(*)::int AS n FROM responsibility r JOIN measure m ON m.id = r.measure_id WHERE m.policy_id = $1`,
        [p.policyId],
      );
      expect(keys).toHaveLength(periods.length * pairs[0].n);
      // Every event is in exactly one unit message in the app, and (where the unit has a robot) one webhook message.
      const perChannel: { channel: string; key: string; n: number }[] = await a.dataSource.query(
        `SELECT d.channel, k AS key, count(*)::int AS n FROM chase_delivery d, unnest(d.event_keys) k
          WHERE d.agency_id IS NOT NULL AND k = ANY($1::text[]) GROUP BY d.channel, k`,
        [keys.map((k) => k.key)],
      );
      const inApp = perChannel.filter((r) => r.channel === 'IN_APP');
      expect(inApp).toHaveLength(keys.length);
      expect(inApp.every((r) => r.n === 1)).toBe(true);
      const hooked = perChannel.filter((r) => r.channel !== 'IN_APP');
      expect(hooked.length).toBe(keys.filter((k) => [TAISHAN, ENPING, HRSS].some((u) => k.key.endsWith(u))).length);
      expect(hooked.every((r) => r.n === 1)).toBe(true);

      // The receiver got each webhook message exactly once, and every one is recorded as delivered.
      const rows: { id: string; status: string; attempts: number }[] = await a.dataSource.query(
        `SELECT id, status, attempts FROM chase_delivery WHERE channel <> 'IN_APP' AND event_keys && $1::text[]`,
        [keys.map((k) => k.key)],
      );
      expect(rows.length).toBeGreaterThanOrEqual(periods.length * 3 - 3);
      expect(rows.every((r) => r.status === 'DELIVERED' && r.attempts === 1)).toBe(true);
      const posts = receiver.received.filter((r) => rows.some((row) => row.id === r.delivery));
      expect(posts.map((r) => r.delivery).sort()).toEqual(rows.map((r) => r.id).sort());
      expect(posts[0].body.msgtype).toBe('text');
      expect(posts.some((r) => r.body.text?.content?.includes(docInMessages(p.docNumber)))).toBe(true);

      // The Taishan reporter had one notice per round that chased something of Taishan's.
      const mine = await a.ok<{ myNotices: { body: string }[]; unreadNoticeCount: number }>(
        `{ myNotices(limit: 100) { body } unreadNoticeCount }`,
        {},
        taishan,
      );
      expect(mine.myNotices.filter((n) => n.body.includes(docInMessages(p.docNumber)))).toHaveLength(periods.length);
      expect(mine.unreadNoticeCount).toBeGreaterThanOrEqual(periods.length);
    } finally {
      for (const unit of [TAISHAN, ENPING, HRSS])
        await a.ok(`mutation ($a: ID!) { removeAgencyWebhook(agencyId: $a) }`, { a: unit }, office);
      await receiver.close();
    }
  });

  it('retries a failing webhook with backoff until delivered, while a dead or silent one delays nobody', async () => {
    process.env.WEBHOOK_RETRY_BASE_MS = '300';
    process.env.WEBHOOK_MAX_ATTEMPTS = '3';
    process.env.WEBHOOK_TIMEOUT_MS = '2000';
    const flaky = await startReceiver((_id, seen) =>
      seen <= 2 ? { status: 500, body: { error: 'busy' } } : { status: 200, body: { errcode: 0, errmsg: 'ok' } },
    );
    const silent = await startReceiver(() => 'hang');
    try {
      const p = await loadVariantNotice(a.dataSource, 504);
      await noneDue(a.dataSource, p.policyId);
      await a.ok(SET, { a: TAISHAN, k: 'WECOM', u: flaky.url }, office);
      await a.ok(SET, { a: ENPING, k: 'DINGTALK', u: robotUrl('DINGTALK', await deadPort()) }, office);
      await a.ok(SET, { a: HRSS, k: 'WECOM', u: silent.url }, office);
      await dueInDays(a.dataSource, p.period('2024Q3'), -1);
      await a.resolve(ChaseService).runPass();

      const started = Date.now();
      const sender = a.resolve(DeliverySender);
      const firstRound = sender.deliverDue();
      // The first post to Taishan goes out at once, not after the silent robot's 2 s timeout.
      await waitFor(() => flaky.received.length >= 1, 1500);
      expect(flaky.received[0].at - started).toBeLessThan(1000);
      await firstRound;
      expect(silent.received.length).toBe(1);

      const row = async (agencyId: string) =>
        (
          (await a.dataSource.query(
            `SELECT id, status, attempts, last_error FROM chase_delivery WHERE agency_id = $1 AND channel <> 'IN_APP' ORDER BY created_at DESC LIMIT 1`,
            [agencyId],
          )) as { id: string; status: string; attempts: number; last_error: string | null }[]
        )[0];
      // Both replicas keep sending; the backoff decides when a row is due again.
      await waitFor(async () => {
        await Promise.all([sender.deliverDue(), b.resolve(DeliverySender).deliverDue()]);
        return (
          (await row(TAISHAN)).status === 'DELIVERED' && (await row(ENPING)).status === 'FAILED' && (await row(HRSS)).status === 'FAILED'
        );
      }, 20_000);
      const taishan = await row(TAISHAN);
      expect(taishan).toMatchObject({ status: 'DELIVERED', attempts: 3, last_error: null });
      const times = flaky.received.filter((r) => r.delivery === taishan.id).map((r) => r.at);
      expect(times).toHaveLength(3);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(280); // base
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(580); // 2 × base
      expect(await row(ENPING)).toMatchObject({ status: 'FAILED', attempts: 3, last_error: expect.stringContaining('网络错误') });
      expect(await row(HRSS)).toMatchObject({ status: 'FAILED', attempts: 3, last_error: expect.stringContaining('超时') });
      expect(silent.received).toHaveLength(3);
    } finally {
      for (const unit of [TAISHAN, ENPING, HRSS])
        await a.ok(`mutation ($a: ID!) { removeAgencyWebhook(agencyId: $a) }`, { a: unit }, office);
      await Promise.all([flaky.close(), silent.close()]);
    }
  });

  /** The latest robot message of each unit, as recorded. */
  const lastRobotRows = async (agencyIds: string[]) =>
    (await a.dataSource.query(
      `SELECT DISTINCT ON (agency_id) agency_id, status, attempts, last_error FROM chase_delivery
        WHERE agency_id = ANY($1::uuid[]) AND channel <> 'IN_APP' ORDER BY agency_id, created_at DESC`,
      [agencyIds],
    )) as { agency_id: string; status: string; attempts: number; last_error: string | null }[];
  const byUnit = (rows: { agency_id: string }[], unit: string) => rows.find((r) => r.agency_id === unit);

  it('never sends to a stored address that no longer passes, nor to a robot host that resolves inside the network', async () => {
    const inside = await startReceiver();
    const robot = await startReceiver();
    try {
      const p = await loadVariantNotice(a.dataSource, 505);
      await noneDue(a.dataSource, p.policyId);
      // Addresses stored before the allowlist (by SQL, as an old database holds them).
      await a.dataSource.query(
        `INSERT INTO agency_webhook (agency_id, kind, url) VALUES ($1, 'WECOM', $2), ($3, 'DINGTALK', $4)
         ON CONFLICT (agency_id) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url`,
        [
          TAISHAN,
          `http://127.0.0.1:${inside.port}/cgi-bin/webhook/send?key=old`,
          ENPING,
          'https://169.254.169.254/robot/send?access_token=old',
        ],
      );
      expect(
        (await a.ok<{ agencyWebhooks: { url: string }[] }>(`{ agencyWebhooks { url } }`, {}, office)).agencyWebhooks.length,
      ).toBeGreaterThanOrEqual(2);
      // A valid address whose host (DNS rebinding, a poisoned resolver) answers a loopback address.
      await a.ok(SET, { a: HRSS, k: 'WECOM', u: robot.url }, office);
      routes.resolveTo(['127.0.0.1']);
      const lookups = routes.lookups.length;
      const connects = routes.connects.length;
      await dueInDays(a.dataSource, p.period('2024Q3'), -1);

      await a.ok(RUN, {}, office);
      const rows = await lastRobotRows([TAISHAN, ENPING, HRSS]);
      // Failed at once (not retried: it would be refused again), with our reason.
      expect(byUnit(rows, TAISHAN)).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        last_error: expect.stringContaining('不是允许的机器人地址'),
      });
      expect(byUnit(rows, ENPING)).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        last_error: expect.stringContaining('不是允许的机器人地址'),
      });
      expect(byUnit(rows, HRSS)).toMatchObject({
        status: 'FAILED',
        attempts: 1,
        last_error: 'qyapi.weixin.qq.com 解析到内网或保留地址，为安全起见未发送',
      });
      // Only the valid address was looked up; nothing was connected to, nothing received.
      expect(routes.lookups.slice(lookups)).toEqual(['qyapi.weixin.qq.com']);
      expect(routes.connects.length).toBe(connects);
      expect(inside.received).toEqual([]);
      expect(robot.received).toEqual([]);
    } finally {
      for (const unit of [TAISHAN, ENPING, HRSS])
        await a.ok(`mutation ($a: ID!) { removeAgencyWebhook(agencyId: $a) }`, { a: unit }, office);
      await Promise.all([inside.close(), robot.close()]);
    }
  });

  it('follows no redirect, and keeps none of an answer’s text in the record', async () => {
    process.env.WEBHOOK_MAX_ATTEMPTS = '1';
    const SECRET = 'SECRET-internal-answer-text';
    const target = await startReceiver();
    const redirecting = await startReceiver(() => ({
      status: 302,
      body: SECRET,
      headers: { location: `http://127.0.0.1:${target.port}/cgi-bin/webhook/send` },
    }));
    const erroring = await startReceiver(() => ({ status: 500, body: `<html>${SECRET}</html>` }), 'DINGTALK');
    const refusing = await startReceiver(() => ({ status: 200, body: { errcode: 93000, errmsg: SECRET } }));
    try {
      const p = await loadVariantNotice(a.dataSource, 506);
      await noneDue(a.dataSource, p.policyId);
      await a.ok(SET, { a: TAISHAN, k: 'WECOM', u: redirecting.url }, office);
      await a.ok(SET, { a: ENPING, k: 'DINGTALK', u: erroring.url }, office);
      await a.ok(SET, { a: HRSS, k: 'WECOM', u: refusing.url }, office);
      await dueInDays(a.dataSource, p.period('2024Q3'), -1);

      await a.ok(RUN, {}, office);
      const rows = await lastRobotRows([TAISHAN, ENPING, HRSS]);
      expect(byUnit(rows, TAISHAN)).toMatchObject({ status: 'FAILED', last_error: 'HTTP 302（重定向，不跟随）' });
      expect(byUnit(rows, ENPING)).toMatchObject({ status: 'FAILED', last_error: 'HTTP 500' });
      expect(byUnit(rows, HRSS)).toMatchObject({ status: 'FAILED', last_error: 'errcode 93000' });
      expect([redirecting, erroring, refusing].map((r) => r.received.length)).toEqual([1, 1, 1]);
      expect(target.received).toEqual([]); // the redirect was not followed
      const shown = await a.ok(`{ chaseDeliveries { lastError } }`, {}, office);
      expect(JSON.stringify(shown)).not.toContain(SECRET);
      expect(JSON.stringify(rows)).not.toContain(SECRET);
    } finally {
      for (const unit of [TAISHAN, ENPING, HRSS])
        await a.ok(`mutation ($a: ID!) { removeAgencyWebhook(agencyId: $a) }`, { a: unit }, office);
      await Promise.all([target, redirecting, erroring, refusing].map((r) => r.close()));
    }
  });
});

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
