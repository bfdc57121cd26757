import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_JSON_BODY_BYTES } from '../src/common/body-limits';
import { MAX_TEXT } from '../src/reports/dto/report.inputs';
import { countyId, loadVariantNotice, PolicyIds, SAVE, signedInUser } from './support/fixtures';
import { codeOf, TestServer } from './support/test-server';

const TAISHAN = countyId('440781');
const INDEX = '<!doctype html><html><body><div id="root">dashboard</div></body></html>';

/** What the API answers beside the dashboard, as `npm start` and the Docker image serve them together. */
describe('the HTTP surface: routes, headers, request ids, body limits', () => {
  let server: TestServer;
  let webDir: string;
  let p: PolicyIds;
  let admin: string;
  let taishan: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'luoshi-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await TestServer.start({ webDir });
    p = await loadVariantNotice(server.dataSource, 901);
    admin = await server.adminToken();
    taishan = await signedInUser(server, admin, 'REPORTER', TAISHAN);
  });
  afterAll(async () => {
    await server.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (path: string, token?: string) =>
    fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('never answers an API path with the dashboard: downloads, exports, health and GraphQL are the API’s', async () => {
    for (const path of [
      '/reports/template.xlsx',
      '/reports/00000000-0000-4000-8000-000000000000/attachments/00000000-0000-4000-8000-000000000001',
      '/exports/supervision-reviews/x.docx',
    ]) {
      const res = await get(path);
      expect({ path, type: res.headers.get('content-type') }).toEqual({ path, type: expect.stringContaining('application/json') });
      expect({ path, status: res.status }).toEqual({ path, status: expect.any(Number) });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('<html');
    }
    expect((await get('/health/live')).status).toBe(200);
    expect(await (await get('/graphql')).text()).not.toContain('<div id="root">');
  });

  it('serves the Excel template to a signed-in reporter through the served app: an .xlsx, not a web page', async () => {
    const res = await get(`/reports/template.xlsx?periodId=${p.period('2024Q4')}`, taishan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers every GET no API route takes with the dashboard, with its Content-Security-Policy, and a stale chunk with 404', async () => {
    // /reports/<id> is the web's report page, beside the API's /reports/template.xlsx.
    for (const path of [
      '/',
      '/dashboard',
      '/reports',
      '/reports/00000000-0000-4000-8000-000000000000',
      '/reports/a/b/c',
      '/supervision/abc',
    ]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(await res.text()).toBe(INDEX);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await get('/assets/app-1234.js')).status).toBe(200);
    expect((await get('/assets/app-old.js')).status).toBe(404);
    const post = await fetch(`${server.url}/dashboard`, { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('sends the usual security headers on API answers, which may never render as a page', async () => {
    const res = await get('/health/live');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps a sane request id, and replaces anything else before it reaches the audit', async () => {
    const kept = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'proxy-abc.123:4' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-abc.123:4');
    const hostile = `<script>alert(1)</script>${'x'.repeat(6000)}`;
    const username = `rid_${Date.now().toString(36)}`;
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': hostile },
      body: JSON.stringify({
        query: 'mutation ($i: CreateUserInput!) { createUser(input: $i) { id } }',
        variables: { i: { username, password: 'request-id-pass-1', role: 'LEADER' } },
      }),
    });
    const replaced = res.headers.get('x-request-id')!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    const [audit] = await server.dataSource.query(
      `SELECT request_id FROM audit_record WHERE action = 'user.create' AND after->>'username' = $1`,
      [username],
    );
    expect(audit.request_id).toBe(replaced);
    const [{ longest }] = await server.dataSource.query(`SELECT coalesce(max(length(request_id)), 0) AS longest FROM audit_record`);
    expect(Number(longest)).toBeLessThanOrEqual(64);
  });

  it('takes the largest valid save (three texts at the limit, every character escaped) and refuses a larger body with 413, storing nothing', async () => {
    // 20,000 astral characters each, sent as \\uD83D\\uDE00 escapes: the most bytes a valid save can take.
    const text = '😀'.repeat(MAX_TEXT);
    const input = {
      measureId: p.measure(7),
      periodId: p.period('2024Q3'),
      agencyId: TAISHAN,
      progress: text,
      problems: text,
      nextSteps: text,
    };
    const body = JSON.stringify({ query: SAVE, variables: { input } }).replace(/😀/g, '\\ud83d\\ude00');
    expect(body.length).toBeLessThan(MAX_JSON_BODY_BYTES);
    const saved = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${taishan}` },
      body,
    });
    const answer = (await saved.json()) as { data?: { saveProgressReport: { id: string } }; errors?: unknown[] };
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.saveProgressReport.id).toBeTruthy();

    const before = await server.dataSource.query(
      `SELECT (SELECT count(*) FROM progress_report) AS reports, (SELECT count(*) FROM audit_record) AS audits`,
    );
    const tooBig = JSON.stringify({
      query: SAVE,
      variables: { input: { ...input, periodId: p.period('2024Q4'), progress: 'x'.repeat(MAX_JSON_BODY_BYTES) } },
    });
    const refused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${taishan}` },
      body: tooBig,
    });
    expect(refused.status).toBe(413);
    const error = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect(error.errors[0].message).toContain('请求内容过大');
    expect(
      await server.dataSource.query(
        `SELECT (SELECT count(*) FROM progress_report) AS reports, (SELECT count(*) FROM audit_record) AS audits`,
      ),
    ).toEqual(before);
  });

  it('answers a body that is not JSON with 400 and a clear message, not a 500', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ __typename }"',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    const charset = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=koi8-r' },
      body: '{}',
    });
    expect(charset.status).toBe(415);
  });
});
