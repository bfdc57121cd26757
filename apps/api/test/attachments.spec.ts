import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser, SUBMIT } from './support/fixtures';

const XINHUI = countyId('440705');
const PENGJIANG = countyId('440703');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 32)]);

describe('report attachments', () => {
  let server: TestServer;
  let p: PolicyIds;
  let xinhui: string, pengjiang: string, leader: string;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 305);
    const admin = await server.adminToken();
    [xinhui, pengjiang, leader] = await Promise.all([
      signedInUser(server, admin, 'REPORTER', XINHUI),
      signedInUser(server, admin, 'REPORTER', PENGJIANG),
      signedInUser(server, admin, 'LEADER'),
    ]);
  });
  afterAll(() => server.close());

  const upload = (reportId: string, content: Buffer, filename: string, token?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), filename);
    return fetch(`${server.url}/reports/${reportId}/attachments`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  };
  const attachmentCount = async (reportId: string) =>
    Number((await server.dataSource.query(`SELECT count(*) AS n FROM report_attachment WHERE report_id = $1`, [reportId]))[0].n);

  it('stores evidence outside the row, lists it on the report, and serves it to those who may read it', async () => {
    const r = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '见证材料' } },
        xinhui,
      )
    ).saveProgressReport;
    const res = await upload(r.id, PDF, '新会区见习基地名单.pdf', xinhui);
    expect(res.status).toBe(201);
    const saved = (await res.json()) as { id: string; filename: string; contentType: string };
    expect(saved).toMatchObject({ filename: '新会区见习基地名单.pdf', contentType: 'application/pdf' });

    const listed = await server.ok<{ progressReport: { attachments: { id: string; filename: string; sizeBytes: number; url: string }[] } }>(
      `query ($id: ID!) { progressReport(id: $id) { attachments { id filename sizeBytes url } } }`,
      { id: r.id },
      leader,
    );
    expect(listed.progressReport.attachments).toEqual([
      { id: saved.id, filename: '新会区见习基地名单.pdf', sizeBytes: PDF.length, url: `/reports/${r.id}/attachments/${saved.id}` },
    ]);

    const download = await fetch(`${server.url}/reports/${r.id}/attachments/${saved.id}`, {
      headers: { authorization: `Bearer ${leader}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('新会区见习基地名单.pdf'));
    expect(
      (await fetch(`${server.url}/reports/${r.id}/attachments/${saved.id}`, { headers: { authorization: `Bearer ${pengjiang}` } })).status,
    ).toBe(403);
    expect((await fetch(`${server.url}/reports/${r.id}/attachments/${saved.id}`)).status).toBe(401);

    const audit = await server.dataSource.query(`SELECT action FROM audit_record WHERE entity_id = $1 AND action = 'report.attach'`, [
      r.id,
    ]);
    expect(audit).toHaveLength(1);

    const removed = await server.ok<{ deleteReportAttachment: boolean }>(
      `mutation ($id: ID!) { deleteReportAttachment(id: $id) }`,
      { id: saved.id },
      xinhui,
    );
    expect(removed.deleteReportAttachment).toBe(true);
    expect(await attachmentCount(r.id)).toBe(0);
  });

  it('refuses files by content, oversize, strangers and submitted reports, storing nothing', async () => {
    const r = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(7), periodId: p.period('2024Q4'), agencyId: XINHUI, progress: 'x' } },
        xinhui,
      )
    ).saveProgressReport;
    const refusals: [string, Promise<Response>, number, string][] = [
      [
        'an executable named .pdf',
        upload(r.id, Buffer.from('MZ\u0090\u0000 program code here.....'), 'report.pdf', xinhui),
        400,
        'BAD_USER_INPUT',
      ],
      ['html named .png', upload(r.id, Buffer.from('<html><script>alert(1)</script></html>'), 'photo.png', xinhui), 400, 'BAD_USER_INPUT'],
      ['over 20 MB', upload(r.id, Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]), 'big.png', xinhui), 413, 'BAD_USER_INPUT'],
      ['another unit', upload(r.id, PNG, 'a.png', pengjiang), 403, 'FORBIDDEN'],
      ['a leader', upload(r.id, PNG, 'a.png', leader), 403, 'FORBIDDEN'],
      ['no sign-in', upload(r.id, PNG, 'a.png'), 401, 'UNAUTHENTICATED'],
      ['an unknown report', upload('00000000-0000-4000-8000-000000000000', PNG, 'a.png', xinhui), 404, 'NOT_FOUND'],
    ];
    for (const [label, pending, status, code] of refusals) {
      const res = await pending;
      const body = (await res.json()) as { code: string; message: string };
      expect({ label, status: res.status, code: body.code }).toEqual({ label, status, code });
      expect(body.message).toBeTruthy();
    }
    expect(await attachmentCount(r.id)).toBe(0);

    const submitted = (await server.ok<{ submitProgressReport: ReportRef }>(SUBMIT, { id: r.id, version: r.version }, xinhui))
      .submitProgressReport;
    expect(submitted.status).toBe('SUBMITTED');
    const late = await upload(r.id, PNG, 'late.png', xinhui);
    expect(late.status).toBe(409);
    expect(await attachmentCount(r.id)).toBe(0);
  });
});
