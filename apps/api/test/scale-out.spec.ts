import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { CHUNK_BYTES } from '../src/attachments/postgres-storage';
import { noticesDir } from '../src/common/project-paths';
import { MIGRATIONS } from '../src/database/migrations';
import { createScratchDatabase } from '../src/database/scratch-database';
import { countyId, loadVariantNotice, ReportRef, SAVE, signedInUser } from './support/fixtures';
import { codeOf, TestServer } from './support/test-server';

const XINHUI = countyId('440705');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(CHUNK_BYTES * 3 + 17)]);

/**
 * Two API processes on one fresh database, as `docker compose up --scale app=2` runs them behind a
 * proxy: whichever replica a request lands on, the answer is the same. (Two Nest apps in one Jest
 * process share nothing but the database, exactly like two containers.)
 */
describe('scale-out: two replicas on one database', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let a: TestServer, b: TestServer;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.TEST_SERVER_URL!, 'luoshi_scale_out');
    const shared = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = scratch.url;
    try {
      // Started at once on an empty database: both migrate and seed, under the advisory lock.
      [a, b] = await Promise.all([TestServer.start(), TestServer.start()]);
    } finally {
      process.env.TEST_DATABASE_URL = shared;
    }
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await scratch?.drop();
  });

  it('migrated once, loaded the notice once and made one admin', async () => {
    const [row] = await a.dataSource.query(
      `SELECT (SELECT count(*)::int FROM schema_migration) AS migrations, (SELECT count(DISTINCT name)::int FROM schema_migration) AS distinct_migrations,
              (SELECT count(*)::int FROM policy) AS policies, (SELECT count(*)::int FROM app_user WHERE username = 'admin') AS admins`,
    );
    const notices = readdirSync(noticesDir()).filter((f) => f.endsWith('.txt')).length;
    expect(row).toEqual({ migrations: MIGRATIONS.length, distinct_migrations: MIGRATIONS.length, policies: notices, admins: 1 });
  });

  it('accepts a token signed in on one replica on the other', async () => {
    const token = await a.adminToken();
    expect(await b.ok<{ me: { username: string } }>(`{ me { username } }`, {}, token)).toEqual({ me: { username: 'admin' } });
    const other = await b.adminToken();
    expect(await a.ok<{ me: { username: string } }>(`{ me { username } }`, {}, other)).toEqual({ me: { username: 'admin' } });
  });

  it('serves an attachment uploaded through one replica from the other, whole and in ranges', async () => {
    const p = await loadVariantNotice(a.dataSource, 1602);
    const reporter = await signedInUser(a, await a.adminToken(), 'REPORTER', XINHUI);
    const r = (
      await a.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(3), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '两个副本' } },
        reporter,
      )
    ).saveProgressReport;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), '副本.pdf');
    const uploaded = await fetch(`${a.url}/reports/${r.id}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${reporter}` },
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };

    const whole = await fetch(`${b.url}/reports/${r.id}/attachments/${id}`, { headers: { authorization: `Bearer ${reporter}` } });
    expect([whole.status, whole.headers.get('content-length')]).toEqual([200, String(PDF.length)]);
    expect(Buffer.from(await whole.arrayBuffer()).equals(PDF)).toBe(true);
    const part = await fetch(`${b.url}/reports/${r.id}/attachments/${id}`, {
      headers: { authorization: `Bearer ${reporter}`, range: `bytes=${CHUNK_BYTES - 1}-${CHUNK_BYTES}` },
    });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(PDF.subarray(CHUNK_BYTES - 1, CHUNK_BYTES + 1))).toBe(true);
  });

  it('lets exactly one of two racing saves (one per replica) win; the other gets CONFLICT', async () => {
    const p = await loadVariantNotice(a.dataSource, 1605);
    const admin = await a.adminToken();
    const [first, second] = await Promise.all([signedInUser(a, admin, 'REPORTER', XINHUI), signedInUser(b, admin, 'REPORTER', XINHUI)]);
    const created = (
      await a.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(5), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '起点' } },
        first,
      )
    ).saveProgressReport;
    for (let round = 0; round < 5; round++) {
      const version = created.version + round;
      const save = (server: TestServer, token: string, who: string) =>
        server.gql<{ saveProgressReport: ReportRef }>(SAVE, { input: { id: created.id, version, progress: `${round} ${who}` } }, token);
      const results = await Promise.all([save(a, first, 'a'), save(b, second, 'b')]);
      const winners = results.filter((res) => !res.errors);
      expect([round, winners.length, results.filter((res) => codeOf(res) === 'CONFLICT').length]).toEqual([round, 1, 1]);
      const [row] = await b.dataSource.query(`SELECT progress, version FROM progress_report WHERE id = $1`, [created.id]);
      expect(row).toEqual({ progress: `${round} ${results[0].errors ? 'b' : 'a'}`, version: version + 1 });
    }
  });
});
