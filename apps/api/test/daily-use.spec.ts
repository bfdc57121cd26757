import ExcelJS from 'exceljs';
import { codeOf, TestServer, uniqueName } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, signedInUser } from './support/fixtures';
import { AUDIT_SHEETS } from '../src/audit/audit-export.controller';

const TAISHAN = countyId('440781');
const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken expiresAt } }`;

/**
 * Issue 14, a week of real use: what officials take away reads as they read it — the report
 * template named after the unit and quarter, exports in China time, import errors with full-width
 * colons.
 */
describe('what an official takes away from the system', () => {
  let server: TestServer;
  let p: PolicyIds;
  let admin: string, office: string, taishan: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1741);
    admin = await server.adminToken();
    [office, taishan] = await Promise.all([signedInUser(server, admin, 'OFFICE'), signedInUser(server, admin, 'REPORTER', TAISHAN)]);
  });
  afterAll(() => server.close());

  it('names the downloaded template after the unit and the quarter (filename* in UTF-8)', async () => {
    expect(p.policyId).toBeTruthy();
    const res = await fetch(`${server.url}/reports/template.xlsx?quarter=2024Q3`, { headers: { authorization: `Bearer ${taishan}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('台山市-2024年第3季度-填报模板.xlsx')}`,
    );
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('writes the instants of the audit export in China time, to the minute inside before/after', async () => {
    const username = uniqueName('daily');
    await server.ok(
      `mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username, password: 'password-123', role: 'LEADER' } },
      admin,
    );
    const { expiresAt } = (await server.ok<{ login: { expiresAt: string } }>(LOGIN, { u: username, p: 'password-123' })).login;
    const res = await fetch(`${server.url}/exports/audit.xlsx?user=${encodeURIComponent(username)}&action=SIGN_IN`, {
      headers: { authorization: `Bearer ${office}` },
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book
      .getWorksheet(AUDIT_SHEETS.records)!
      .eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows).toHaveLength(2);
    const china = new Date(Date.parse(expiresAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(rows[1][0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((JSON.parse(rows[1][9]) as { expiresAt: string }).expiresAt).toBe(china);
    expect(JSON.stringify(rows)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('words Excel import errors with full-width colons, and stores nothing', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('not a workbook'))]), '填报表.xlsx');
    const res = await fetch(`${server.url}/reports/import.xlsx?quarter=2024Q3`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${taishan}` },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('BAD_USER_INPUT');
    expect(body.message).toContain('：');
    expect(body.message).not.toMatch(/[\u4e00-\u9fff）]:/);
    const [{ count }] = await server.dataSource.query(
      `SELECT count(*)::int AS count FROM progress_report r JOIN reporting_period rp ON rp.id = r.period_id WHERE rp.policy_id = $1`,
      [p.policyId],
    );
    expect(count).toBe(0);
    expect(codeOf(await server.gql(`{ me { id } }`, {}, taishan))).toBeUndefined();
  });
});
