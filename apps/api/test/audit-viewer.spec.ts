import { nameKeyOf } from '../src/units/agency-name';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AUDIT_ACTIONS } from '@luoshi/domain';
import { codeOf, TestServer, uniqueName } from './support/test-server';
import { signedInUser } from './support/fixtures';
import { AUDIT_SHEETS } from '../src/audit/audit-export.controller';

const RECORDS = `query ($f: AuditFilter, $first: Int, $after: String) {
  auditRecords(filter: $f, first: $first, after: $after) {
    records { id at username user { id username } action label kind entity entityLabel entityId before after requestId }
    endCursor hasNextPage totalCount totalCountCapped } }`;
const SET_WEBHOOK = `mutation ($a: ID!, $u: String!) { setAgencyWebhook(agencyId: $a, kind: WECOM, url: $u) { url } }`;

interface Rec {
  id: string;
  at: string;
  username: string | null;
  user: { id: string; username: string } | null;
  action: string;
  label: string;
  kind: string;
  entity: string;
  entityLabel: string;
  entityId: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
}
interface Page {
  records: Rec[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
  totalCountCapped: boolean;
}

describe('audit viewer (操作日志): auditRecords and GET /exports/audit.xlsx', () => {
  let server: TestServer;
  let admin: string, office: string, leader: string, reporter: string;
  /** A unit of this file's own: no measure names it, so no other file's chasing or reports meet it. */
  const unitId = randomUUID();
  let reporterName: string, reporterId: string;

  const page = async (f: Record<string, unknown>, first?: number, after?: string | null, token = office) =>
    (await server.ok<{ auditRecords: Page }>(RECORDS, { f, first, after }, token)).auditRecords;
  /** Writes audit rows directly (as the owner may), at chosen times, under an entity of the test's own. */
  const insert = async (entity: string, entityId: string, at: string[], action = 'test.event') => {
    for (const t of at) {
      await server.dataSource.query(`INSERT INTO audit_record (at, action, entity, entity_id, after) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
        t,
        action,
        entity,
        entityId,
        JSON.stringify({ at: t }),
      ]);
    }
  };
  const download = (query: string, token?: string) =>
    fetch(`${server.url}/exports/audit.xlsx?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const readBook = async (res: Response) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    return book;
  };
  const sheetRows = (ws: ExcelJS.Worksheet) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    return rows;
  };

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.adminToken();
    const short = `审计测试${unitId.slice(0, 8)}`;
    await server.dataSource.query(
      `INSERT INTO agency (id, name, name_simplified, short_name, kind, region_code, search_text, name_key) VALUES ($1, $2, $2, $2, 'DEPARTMENT', NULL, $2, $3)`,
      [unitId, short, nameKeyOf(short)],
    );
    reporterName = uniqueName('auditrep');
    const created = await server.ok<{ createUser: { id: string } }>(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      {
        i: { username: reporterName, password: 'password-123', role: 'REPORTER', agencyId: unitId },
      },
      admin,
    );
    reporterId = created.createUser.id;
    [reporter, office, leader] = await Promise.all([
      server.login(reporterName, 'password-123'),
      signedInUser(server, admin, 'OFFICE'),
      signedInUser(server, admin, 'LEADER'),
    ]);
  });
  afterAll(() => server.close());

  it('names every action the API writes in the label table (libs/domain/src/audit-actions.ts)', () => {
    const src = join(__dirname, '../src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : [],
      );
    const written = new Set(
      files(src).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?<!\w)action: '([A-Za-z_.]+)'/g)].map((m) => m[1])),
    );
    // Written as conditional expressions, which the pattern above does not see.
    written
      .add('report.accept')
      .add('report.return')
      .add('user.deactivate')
      .add('user.reactivate')
      .add('agency.activate')
      .add('agency.deactivate');
    expect([...written].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
  });

  it('filters by user (username or id): the account’s records and failed sign-ins under its name, labelled in words', async () => {
    const res = await server.gql(`mutation ($u: String!) { login(username: $u, password: "wrong-password") { accessToken } }`, {
      u: reporterName,
    });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    const byName = await page({ user: reporterName.toUpperCase() }, 200);
    const actions = byName.records.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['SIGN_IN', 'SIGN_IN_FAILED']));
    expect(byName.records.every((r) => r.username === reporterName || (r.action === 'SIGN_IN_FAILED' && r.entityId === reporterName))).toBe(
      true,
    );
    const signIn = byName.records.find((r) => r.action === 'SIGN_IN')!;
    expect(signIn).toMatchObject({
      label: '登录',
      kind: 'ACCOUNT',
      entity: 'user_session',
      entityLabel: '登录会话',
      user: { id: reporterId, username: reporterName },
    });
    expect(byName.records.find((r) => r.action === 'SIGN_IN_FAILED')).toMatchObject({ label: '登录失败', user: null, username: null });
    expect(byName.totalCount).toBe(byName.records.length);
    expect(byName.totalCountCapped).toBe(false);

    const byId = await page({ user: reporterId }, 200);
    expect(byId.records.map((r) => r.action)).toEqual(actions.filter((a) => a !== 'SIGN_IN_FAILED'));
  });

  it('filters by unit: its users’ records and records about its accounts and robot, whoever did them; masked robot keys stay masked', async () => {
    const secret = `SECRET${unitId.replace(/-/g, '')}`;
    await server.ok(SET_WEBHOOK, { a: unitId, u: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret}` }, office);
    await server.ok(SET_WEBHOOK, { a: unitId, u: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${secret}2` }, office);
    const got = await page({ agencyId: unitId }, 200);
    const actions = got.records.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['SIGN_IN', 'user.create', 'SET_AGENCY_WEBHOOK']));
    expect(got.records.find((r) => r.action === 'user.create')).toMatchObject({ entityId: reporterId, username: 'admin' });
    // Nothing of anyone else: every record is the reporter's own, or about the unit, its robot or its account.
    expect(got.records.every((r) => r.username === reporterName || [unitId, reporterId].includes(r.entityId))).toBe(true);

    const change = got.records.find((r) => r.action === 'SET_AGENCY_WEBHOOK' && r.before !== null)!;
    expect(change).toMatchObject({ kind: 'SETTINGS', label: '设置群机器人地址', entity: 'agency_webhook', entityId: unitId });
    expect(JSON.parse(change.before!).url).toMatch(/key=\*\*\*/);
    expect(JSON.parse(change.after!).url).toMatch(/key=\*\*\*/);
    expect(JSON.stringify(got)).not.toContain(secret);

    // The export of the same filter holds the same masked values, and no key either.
    const res = await download(`agencyId=${unitId}&kind=SETTINGS`, office);
    expect(res.status).toBe(200);
    const rows = sheetRows((await readBook(res)).getWorksheet(AUDIT_SHEETS.records)!);
    expect(rows.slice(1).filter((r) => r[5] === 'SET_AGENCY_WEBHOOK')).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).toContain('key=***');
  });

  it('filters by kind, action, entity and entity id, and by China dates (from and to inclusive)', async () => {
    const entity = uniqueName('test_entity');
    // 2023-03-01 23:59:59 and 2023-03-02 00:00:00 in Beijing; 2023-02-28 23:59:59 the day before.
    await insert(entity, 'e1', ['2023-02-28T15:59:59Z', '2023-03-01T15:59:59Z', '2023-03-01T16:00:00Z']);
    await insert(entity, 'e2', ['2023-03-01T12:00:00Z'], 'SIGN_OUT');
    const day = await page({ entity, from: '2023-03-01', to: '2023-03-01' });
    expect(day.records.map((r) => [r.entityId, r.at])).toEqual([
      ['e1', '2023-03-01T15:59:59.000Z'],
      ['e2', '2023-03-01T12:00:00.000Z'],
    ]);
    expect((await page({ entity, from: '2023-03-02' })).records.map((r) => r.at)).toEqual(['2023-03-01T16:00:00.000Z']);
    expect((await page({ entity, entityId: 'e1' })).totalCount).toBe(3);
    expect((await page({ entity, action: 'SIGN_OUT' })).records.map((r) => r.entityId)).toEqual(['e2']);
    // An action the table does not know, on an entity it does not know: kind OTHER, label the raw action.
    const other = await page({ entity, kind: 'OTHER' });
    expect(other.records.map((r) => [r.action, r.kind, r.label])).toEqual(Array(3).fill(['test.event', 'OTHER', 'test.event']));
    expect((await page({ entity, kind: 'ACCOUNT' })).records.map((r) => r.action)).toEqual(['SIGN_OUT']);
    expect((await page({ entity, kind: 'REPORTING' })).records).toEqual([]);
    // An unknown action on a known entity takes the entity's kind.
    const reportId = randomUUID();
    await insert('progress_report', reportId, ['2023-03-05T00:00:00Z'], 'report.archive');
    expect((await page({ entityId: reportId, kind: 'REPORTING' })).records.map((r) => [r.kind, r.label])).toEqual([
      ['REPORTING', '进展报告: report.archive'],
    ]);
  });

  it('pages by (at, id) newest first: no record twice and none missed while new ones arrive, ties included', async () => {
    const entity = uniqueName('test_paging');
    // 25 records, in groups of five sharing one instant (as records of one transaction do).
    const times = Array.from({ length: 25 }, (_, i) => `2022-06-01T0${Math.floor(i / 5)}:00:00.123456Z`);
    await insert(entity, 'x', times);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page({ entity }, 7, after);
      seen.push(...p.records.map((r) => r.id));
      after = p.endCursor;
      pages++;
      // Newer records arrive between pages (and one at the very instant of the first group).
      await insert(entity, 'x', [new Date().toISOString(), '2022-06-01T04:00:00.123456Z']);
      expect(p.hasNextPage).toBe(after !== null);
    } while (after && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    // Every one of the 25 first records is seen once; those inserted while paging (even at the first
    // group's very instant: a higher id) sort above the cursor and are left to a fresh first page.
    const first25: { id: string }[] = await server.dataSource.query(
      `SELECT id::text AS id FROM audit_record WHERE entity = $1 ORDER BY id LIMIT 25`,
      [entity],
    );
    expect(seen.slice().sort()).toEqual(first25.map((r) => r.id).sort());
  });

  it('refuses bad filters and paging with BAD_USER_INPUT naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ f: { from: '2024-02-30' } }, 'from'],
      [{ f: { from: '2024-03-02', to: '2024-03-01' } }, 'from'],
      [{ f: { to: '3/1/2024' } }, 'to'],
      [{ f: { agencyId: 'not-a-uuid' } }, 'agencyId'],
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ after: 'garbage' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000000Z', '1'])).toString('base64url') }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000000Z', '99999999999999999999'])).toString('base64url') }, 'after'],
    ];
    for (const [vars, field] of cases) {
      const res = await server.gql(RECORDS, vars, office);
      expect([codeOf(res), res.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    const bad = await download('from=yesterday', office);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await download('user=a&user=b', office)).status).toBe(400);
  });

  it('is for the office and the administrator only: leaders and reporters are refused, in GraphQL and the export', async () => {
    for (const token of [leader, reporter]) {
      expect(codeOf(await server.gql(RECORDS, {}, token))).toBe('FORBIDDEN');
      const res = await download('', token);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
    }
    expect(codeOf(await server.gql(RECORDS, {}))).toBe('UNAUTHENTICATED');
    expect((await download('')).status).toBe(401);
    expect((await page({}, 1, null, admin)).records).toHaveLength(1);
  });

  it('exports the filtered records as Excel, newest first, and says so in the sheet when the cap cuts it', async () => {
    const entity = uniqueName('test_export');
    await insert(entity, 'row', ['2021-01-01T00:00:00Z', '2021-01-02T00:00:00Z', '2021-01-03T09:30:00Z'], 'report.submit');
    const res = await download(`entity=${entity}`, office);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('操作日志-'));
    const book = await readBook(res);
    const rows = sheetRows(book.getWorksheet(AUDIT_SHEETS.records)!);
    expect(rows[0]).toEqual([
      '时间（北京时间）',
      '用户',
      '用户所属单位',
      '类别',
      '操作',
      '操作代码',
      '对象',
      '对象编号',
      '变更前',
      '变更后',
      '请求编号',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([
      ['2021-01-03 17:30:00', '', '', '填报与审核', '报送进展报告', 'report.submit', entity, 'row'],
      ['2021-01-02 08:00:00', '', '', '填报与审核', '报送进展报告', 'report.submit', entity, 'row'],
      ['2021-01-01 08:00:00', '', '', '填报与审核', '报送进展报告', 'report.submit', entity, 'row'],
    ]);
    // The instants inside before/after are China time too, as an official reads them.
    expect(JSON.parse(rows[1][9])).toEqual({ at: '2021-01-03 17:30' });
    const about = sheetRows(book.getWorksheet(AUDIT_SHEETS.about)!);
    expect(about.find((r) => r[0] === '筛选条件')?.[1]).toBe(`对象类型=${entity}`);
    expect(about.find((r) => r[0] === '记录数')?.[1]).toBe('共 3 条记录。');

    process.env.AUDIT_EXPORT_MAX_ROWS = '2';
    try {
      const cut = sheetRows((await readBook(await download(`entity=${entity}`, admin))).getWorksheet(AUDIT_SHEETS.records)!);
      expect(cut).toHaveLength(4); // header, the 2 newest, the note
      expect(cut[2][0]).toBe('2021-01-02 08:00:00');
      expect(cut[3][0]).toContain('本表只含最新的 2 条');
    } finally {
      delete process.env.AUDIT_EXPORT_MAX_ROWS;
    }
  });
});
