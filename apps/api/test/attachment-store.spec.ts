import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLocalAttachments } from '../src/attachments/local-import';
import { CHUNK_BYTES } from '../src/attachments/postgres-storage';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser } from './support/fixtures';
import { TestServer } from './support/test-server';

const XINHUI = countyId('440705');
/** A PDF of a little over two and a half chunks, random after the header so every byte counts. */
const BIG_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(CHUNK_BYTES * 2 + 123_456)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachment bytes in PostgreSQL (ATTACHMENT_STORE=postgres, the default)', () => {
  let server: TestServer;
  let p: PolicyIds;
  let xinhui: string, leader: string;
  let measureSeq = 1;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 1601);
    const admin = await server.adminToken();
    [xinhui, leader] = await Promise.all([signedInUser(server, admin, 'REPORTER', XINHUI), signedInUser(server, admin, 'LEADER')]);
  });
  afterAll(() => server.close());

  const newReport = async () =>
    (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(measureSeq++), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '附件存储' } },
        xinhui,
      )
    ).saveProgressReport;
  const upload = async (reportId: string, content: Buffer, filename: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), filename);
    const res = await fetch(`${server.url}/reports/${reportId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${xinhui}` },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const download = (reportId: string, id: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/reports/${reportId}/attachments/${id}`, { headers: { authorization: `Bearer ${leader}`, ...headers } });
  const chunksOf = async (attachmentId: string) =>
    (await server.dataSource.query(
      `SELECT c.seq, length(c.bytes) AS n FROM attachment_chunk c JOIN report_attachment a ON a.storage_key = c.storage_key WHERE a.id = $1 ORDER BY c.seq`,
      [attachmentId],
    )) as { seq: number; n: number }[];

  it('stores a file as 256 KB chunks and streams it back whole, with its length and ranges offered', async () => {
    const r = await newReport();
    const id = await upload(r.id, BIG_PDF, '大文件.pdf');
    expect(await chunksOf(id)).toEqual([
      { seq: 0, n: CHUNK_BYTES },
      { seq: 1, n: CHUNK_BYTES },
      { seq: 2, n: BIG_PDF.length - 2 * CHUNK_BYTES },
    ]);

    const res = await download(r.id, id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(BIG_PDF.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${sha256(BIG_PDF)}"`);
    expect(res.headers.get('content-encoding')).toBeNull(); // never gzipped: the length and the ranges count stored bytes
    expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(BIG_PDF));
  });

  it('answers single ranges with 206 (within a chunk, across chunks, open-ended, suffix) and 416 outside the file', async () => {
    const r = await newReport();
    const id = await upload(r.id, BIG_PDF, '范围.pdf');
    const size = BIG_PDF.length;
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      [`bytes=${CHUNK_BYTES - 10}-${CHUNK_BYTES * 2 + 10}`, CHUNK_BYTES - 10, CHUNK_BYTES * 2 + 10],
      [`bytes=${CHUNK_BYTES}-`, CHUNK_BYTES, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=${size - 1}-${size + 1000}`, size - 1, size - 1], // an end past the file is cut to it
    ];
    for (const [header, start, end] of cases) {
      const res = await download(r.id, id, { range: header });
      expect([header, res.status, res.headers.get('content-range'), res.headers.get('content-length')]).toEqual([
        header,
        206,
        `bytes ${start}-${end}/${size}`,
        String(end - start + 1),
      ]);
      expect(Buffer.from(await res.arrayBuffer()).equals(BIG_PDF.subarray(start, end + 1))).toBe(true);
    }
    for (const bad of [`bytes=${size}-`, `bytes=${size + 5}-${size + 9}`, 'bytes=abc']) {
      const res = await download(r.id, id, { range: bad });
      expect([bad, res.status, res.headers.get('content-range'), res.headers.get('content-type')]).toEqual([
        bad,
        416,
        `bytes */${size}`,
        expect.stringContaining('application/json'),
      ]);
    }
    // Several ranges, or an If-Range naming another version: the whole file.
    expect((await download(r.id, id, { range: 'bytes=0-9,2000-2009' })).status).toBe(200);
    expect((await download(r.id, id, { range: 'bytes=0-9', 'if-range': '"not-this-file"' })).status).toBe(200);
    expect((await download(r.id, id, { range: 'bytes=0-9', 'if-range': `"${sha256(BIG_PDF)}"` })).status).toBe(206);
    // The read rules come first: no token, no bytes, range or not.
    expect((await fetch(`${server.url}/reports/${r.id}/attachments/${id}`, { headers: { range: 'bytes=0-9' } })).status).toBe(401);
  });

  it('removes the bytes with the record, in the same transaction', async () => {
    const r = await newReport();
    const id = await upload(r.id, BIG_PDF, '删除.pdf');
    const [{ key }] = await server.dataSource.query(`SELECT storage_key AS key FROM report_attachment WHERE id = $1`, [id]);
    await server.ok(`mutation ($id: ID!) { deleteReportAttachment(id: $id) }`, { id }, xinhui);
    expect(await server.dataSource.query(`SELECT seq FROM attachment_chunk WHERE storage_key = $1`, [key])).toEqual([]);
  });

  it('moves files from the local directory into the database on start: once, checked, with replicas racing', async () => {
    const r = await newReport();
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-import-'));
    const record = async (content: Buffer, recordedSha = sha256(content)) => {
      const key = randomUUID();
      await server.dataSource.query(
        `INSERT INTO report_attachment (report_id, filename, content_type, size_bytes, sha256, storage_key) VALUES ($1, 'old.pdf', 'application/pdf', $2, $3, $4)`,
        [r.id, content.length, recordedSha, key],
      );
      writeFileSync(join(dir, key), content);
      return key;
    };
    const good = await record(BIG_PDF);
    const corrupt = await record(Buffer.from('%PDF-1.4 changed on disk'), sha256(Buffer.from('%PDF-1.4 as uploaded')));
    const orphan = randomUUID();
    writeFileSync(join(dir, orphan), 'no record names me');

    // Two replicas starting at once: the file moves in exactly once.
    const [first, second] = await Promise.all([
      importLocalAttachments(server.dataSource, dir),
      importLocalAttachments(server.dataSource, dir),
    ]);
    expect(first.moved + second.moved).toBe(1);
    expect([first.unknown, second.unknown, first.mismatched, second.mismatched]).toEqual([1, 1, 1, 1]);
    expect([existsSync(join(dir, good)), existsSync(join(dir, corrupt)), existsSync(join(dir, orphan))]).toEqual([false, true, true]);
    expect(await server.dataSource.query(`SELECT seq FROM attachment_chunk WHERE storage_key = $1`, [corrupt])).toEqual([]);

    const [{ id }] = await server.dataSource.query(`SELECT id FROM report_attachment WHERE storage_key = $1`, [good]);
    expect(sha256(Buffer.from(await (await download(r.id, id)).arrayBuffer()))).toBe(sha256(BIG_PDF));
    expect(await importLocalAttachments(server.dataSource, dir)).toEqual({ moved: 0, alreadyThere: 0, unknown: 1, mismatched: 1 });
    expect(await importLocalAttachments(server.dataSource, join(dir, 'missing'))).toEqual({
      moved: 0,
      alreadyThere: 0,
      unknown: 0,
      mismatched: 0,
    });
  });
});

describe('attachment bytes in a local directory (ATTACHMENT_STORE=local)', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'luoshi-local-store-'));

  beforeAll(async () => {
    process.env.ATTACHMENT_STORE = 'local';
    process.env.ATTACHMENTS_DIR = dir;
    try {
      server = await TestServer.start();
    } finally {
      delete process.env.ATTACHMENT_STORE;
      process.env.ATTACHMENTS_DIR = join(tmpdir(), `luoshi-test-attachments-${process.pid}`);
    }
  });
  afterAll(() => server.close());

  it('keeps files under ATTACHMENTS_DIR and serves ranges from them', async () => {
    const p = await loadVariantNotice(server.dataSource, 1603);
    const admin = await server.adminToken();
    const reporter = await signedInUser(server, admin, 'REPORTER', XINHUI);
    const r = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(1), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '本地' } },
        reporter,
      )
    ).saveProgressReport;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(BIG_PDF)]), 'local.pdf');
    const saved = (await (
      await fetch(`${server.url}/reports/${r.id}/attachments`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${reporter}` },
      })
    ).json()) as { id: string };
    const [{ key }] = await server.dataSource.query(`SELECT storage_key AS key FROM report_attachment WHERE id = $1`, [saved.id]);
    expect(existsSync(join(dir, key))).toBe(true);
    expect(await server.dataSource.query(`SELECT seq FROM attachment_chunk WHERE storage_key = $1`, [key])).toEqual([]);
    const res = await fetch(`${server.url}/reports/${r.id}/attachments/${saved.id}`, {
      headers: { authorization: `Bearer ${reporter}`, range: 'bytes=100-199' },
    });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(BIG_PDF.subarray(100, 200))).toBe(true);
  });
});
