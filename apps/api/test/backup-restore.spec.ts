import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CHUNK_BYTES } from '../src/attachments/postgres-storage';
import { createScratchDatabase } from '../src/database/scratch-database';
import { countyId, loadVariantNotice, ReportRef, SAVE, signedInUser } from './support/fixtures';
import { TestServer } from './support/test-server';

const ROOT = join(__dirname, '../../..');
const XINHUI = countyId('440705');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(CHUNK_BYTES + 4321)]);
type Scratch = Awaited<ReturnType<typeof createScratchDatabase>>;

/** `npm run backup/restore -- FILE` as an operator runs it (node tools/…), on the given database. */
function run(script: 'backup' | 'restore', file: string, databaseUrl: string): Promise<{ code: number; out: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, RESTORE_MIGRATE: 'source' };
  delete env.MIGRATION_DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [`tools/${script}.mjs`, file], { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** A server on a database of its own (TestServer reads TEST_DATABASE_URL when it starts). */
async function serverOn(url: string): Promise<TestServer> {
  const shared = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = url;
  try {
    return await TestServer.start();
  } finally {
    process.env.TEST_DATABASE_URL = shared;
  }
}

async function rowsOf(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * pg_dump refuses a server newer than itself: the embedded default runs PostgreSQL 18 while the client
 * tools on a machine may be older (Debian 12: 15). Then the drill cannot run here; say so instead of failing.
 */
function dumpToolsMissing(): string | null {
  const bin = (tool: string) => (process.env.PG_BIN ? join(process.env.PG_BIN, tool) : tool);
  try {
    const client = Number(/(\d+)\./.exec(execFileSync(bin('pg_dump'), ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);
    const server = Math.floor(
      Number(
        execFileSync(bin('psql'), ['-Atc', 'SHOW server_version_num', process.env.TEST_SERVER_URL ?? ''], { encoding: 'utf8' }).trim(),
      ) / 10000,
    );
    return client >= server ? null : `pg_dump ${client} is older than the server (${server}); set PG_BIN to newer client tools`;
  } catch (e) {
    return `PostgreSQL client tools not usable (${(e as Error).message.split('\n')[0]}); set PG_BIN`;
  }
}
const skipReason = dumpToolsMissing();
if (skipReason) console.warn(`backup-restore drill skipped: ${skipReason}`);

// Scratch databases: the drill restores into an empty one, which no other test's rows may reach.
(skipReason ? describe.skip : describe)(
  'backup and restore drill: pg_dump of everything, attachments included, verified after restore',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-backup-'));
    const file = join(dir, 'luoshi.dump');
    let source: Scratch, target: Scratch;
    let server: TestServer;
    let reportId: string, attachmentId: string;

    beforeAll(async () => {
      [source, target] = await Promise.all([
        createScratchDatabase(process.env.TEST_SERVER_URL!, 'luoshi_backup_src'),
        createScratchDatabase(process.env.TEST_SERVER_URL!, 'luoshi_restore'),
      ]);
      server = await serverOn(source.url);
      const p = await loadVariantNotice(server.dataSource, 1604);
      const reporter = await signedInUser(server, await server.adminToken(), 'REPORTER', XINHUI);
      const [{ id: targetId }] = await server.dataSource.query(`SELECT id FROM target WHERE measure_id = $1 ORDER BY id LIMIT 1`, [
        p.measure(7),
      ]);
      const saved = await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        {
          input: {
            measureId: p.measure(7),
            periodId: p.period('2024Q3'),
            agencyId: XINHUI,
            progress: '备份演练:见习岗位 12 个',
            values: [{ targetId, countyId: XINHUI, value: 12 }],
          },
        },
        reporter,
      );
      reportId = saved.saveProgressReport.id;
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PDF)]), '备份演练.pdf');
      const res = await fetch(`${server.url}/reports/${reportId}/attachments`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${reporter}` },
      });
      attachmentId = ((await res.json()) as { id: string }).id;
    });
    afterAll(async () => {
      await server?.close();
      await Promise.all([source?.drop(), target?.drop()]);
    });

    it('backs up while the app runs, restores into an empty database, and every report, figure, audit record and attachment byte is identical', async () => {
      const backup = await run('backup', file, source.url);
      expect(backup).toMatchObject({ code: 0 });
      expect(backup.out).toContain('备份完成');
      const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8'));
      expect(manifest.tables).toMatchObject({ progress_report: 1, report_figure: 1, report_attachment: 1, attachment_chunk: 2 });
      expect(manifest.attachments).toEqual({ files: 1, bytes: PDF.length, mismatched: 0, notInDatabase: 0 });

      const restore = await run('restore', file, target.url);
      expect(restore).toMatchObject({ code: 0 });
      expect(restore.out).toContain('恢复完成并已核对');

      // Checked here independently of the scripts' own checksums: the rows' text, table by table.
      for (const table of ['progress_report', 'report_figure', 'audit_record', 'report_attachment', 'app_user', 'schema_migration']) {
        const sql = `SELECT t::text AS row FROM ${table} t ORDER BY 1`;
        const [before, after] = await Promise.all([rowsOf(source.url, sql), rowsOf(target.url, sql)]);
        expect([table, after]).toEqual([table, before]);
        expect(before.length).toBeGreaterThan(0);
      }
      // And the file through a server running on the restored database.
      const restored = await serverOn(target.url);
      try {
        const res = await fetch(`${restored.url}/reports/${reportId}/attachments/${attachmentId}`, {
          headers: { authorization: `Bearer ${await restored.adminToken()}` },
        });
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
      } finally {
        await restored.close();
      }
    });

    it('refuses a database that is not empty, a missing manifest and a damaged dump, and says why', async () => {
      const own = join(dir, 'refusals.dump');
      expect(await run('backup', own, source.url)).toMatchObject({ code: 0 });
      expect(await run('backup', own, source.url)).toMatchObject({ code: 1, out: expect.stringContaining('already exists') });
      const notEmpty = await run('restore', own, source.url);
      expect(notEmpty.code).toBe(3);
      expect(notEmpty.out).toMatch(/不是空的[\s\S]*not empty/);

      const spare = await createScratchDatabase(process.env.TEST_SERVER_URL!, 'luoshi_restore_refused');
      try {
        const lonely = join(dir, 'no-manifest.dump');
        copyFileSync(own, lonely);
        expect(await run('restore', lonely, spare.url)).toMatchObject({ code: 3, out: expect.stringContaining('manifest') });

        const damaged = join(dir, 'damaged.dump');
        const bytes = readFileSync(own);
        bytes[bytes.length - 100] ^= 0xff;
        writeFileSync(damaged, bytes);
        copyFileSync(`${own}.manifest.json`, `${damaged}.manifest.json`);
        expect(await run('restore', damaged, spare.url)).toMatchObject({ code: 3, out: expect.stringContaining('sha256') });
        expect(await rowsOf(spare.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
      } finally {
        await spare.drop();
      }
    });
  },
);
