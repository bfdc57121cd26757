import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { TestServer } from './support/test-server';
import { countyId, loadVariantNotice, PolicyIds, ReportRef, SAVE, signedInUser } from './support/fixtures';
import { buildZip, documentParts, repeatedDeflate, ROW } from './support/zip-builder';

const XINHUI = countyId('440705');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('Word and Excel attachments are what they claim to be', () => {
  let server: TestServer;
  let p: PolicyIds;
  let xinhui: string;
  let docx: Buffer, xlsx: Buffer;

  beforeAll(async () => {
    server = await TestServer.start();
    p = await loadVariantNotice(server.dataSource, 948);
    xinhui = await signedInUser(server, await server.adminToken(), 'REPORTER', XINHUI);
    docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('新会区见习基地情况说明')] }] })));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRows([
      ['单位', '岗位'],
      ['新会区某企业', 12],
    ]);
    xlsx = Buffer.from(await book.xlsx.writeBuffer());
  });
  afterAll(() => server.close());

  const upload = async (reportId: string, content: Buffer, filename: string, type?: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], type ? { type } : {}), filename);
    const res = await fetch(`${server.url}/reports/${reportId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${xinhui}` },
    });
    return { status: res.status, body: (await res.json()) as { code?: string; message?: string; contentType?: string } };
  };
  const stored = async (reportId: string) =>
    (await server.dataSource.query(
      `SELECT filename, content_type AS "contentType" FROM report_attachment WHERE report_id = $1 ORDER BY filename`,
      [reportId],
    )) as { filename: string; contentType: string }[];

  it('accepts a real .docx and a real .xlsx, and refuses look-alikes, mislabelled files and bombs, storing nothing for them', async () => {
    const r = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(7), periodId: p.period('2024Q3'), agencyId: XINHUI, progress: '材料' } },
        xinhui,
      )
    ).saveProgressReport;
    const lookAlike = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
    ]);
    const liar = buildZip([
      ...documentParts().slice(0, 2),
      { name: 'word/document.xml', deflated: repeatedDeflate(ROW, 35_000_000), declare: { size: 40_000 } },
    ]);
    const refusals: [string, Buffer, string, string | undefined, RegExp][] = [
      ['a zip with [Content_Types].xml and xl/', lookAlike, '统计.xlsx', undefined, /不是有效的 Word 文档或 Excel 工作簿/],
      ['a real .docx named .xlsx', docx, '统计.xlsx', undefined, /文件内容是 Word 文档\(\.docx\),与文件名“统计\.xlsx”不符/],
      ['a real .xlsx sent as a Word document', xlsx, '统计.xlsx', DOCX, /与上传时声明的类型/],
      ['a .docx whose directory lies about its size', liar, '说明.docx', undefined, /实际大小与声明不符/],
    ];
    for (const [label, content, filename, type, message] of refusals) {
      const started = Date.now();
      const res = await upload(r.id, content, filename, type);
      expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status: 400, code: 'BAD_USER_INPUT' });
      expect(res.body.message).toMatch(message);
      expect(Date.now() - started).toBeLessThan(8000); // a bound for a loaded CI machine, not the figure
    }
    expect(await stored(r.id)).toEqual([]);

    expect(await upload(r.id, docx, '情况说明.docx', DOCX)).toMatchObject({ status: 201, body: { contentType: DOCX } });
    expect(await upload(r.id, xlsx, '名单.xlsx')).toMatchObject({ status: 201, body: { contentType: XLSX } });
    expect(await stored(r.id)).toEqual([
      { filename: '名单.xlsx', contentType: XLSX },
      { filename: '情况说明.docx', contentType: DOCX },
    ]);
  });

  it('answers an upload over 20 MB with the attachments’ own limit', async () => {
    const r = (
      await server.ok<{ saveProgressReport: ReportRef }>(
        SAVE,
        { input: { measureId: p.measure(7), periodId: p.period('2024Q4'), agencyId: XINHUI, progress: '材料' } },
        xinhui,
      )
    ).saveProgressReport;
    expect(await upload(r.id, Buffer.alloc(20 * 1024 * 1024 + 100, 1), 'big.pdf')).toEqual({
      status: 413,
      body: { code: 'BAD_USER_INPUT', message: '附件不能超过 20 MB' },
    });
  });
});
