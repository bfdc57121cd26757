import { Document, Packer, Paragraph } from 'docx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedInUser } from './support/fixtures';
import { IMPORT, SIMPLIFIED_NOTICE } from './support/notice-fixtures';
import { TestServer } from './support/test-server';
import { buildZip } from './support/zip-builder';

/** POST /notices/extract-text: a notice as it arrives -> its text, lines as the parser needs them. */
const PDF = readFileSync(join(__dirname, 'fixtures/notice-text-layer.pdf'));
// A page with nothing on it: what a scan without OCR looks like to a text reader.
const BLANK_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n' +
    '3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

describe('extracting a notice file’s text', () => {
  let server: TestServer;
  let office: string;

  beforeAll(async () => {
    server = await TestServer.start();
    office = await signedInUser(server, await server.adminToken(), 'OFFICE');
  });
  afterAll(() => server.close());

  const upload = async (content: Buffer, filename: string, token: string | null = office) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), filename);
    const res = await fetch(`${server.url}/notices/extract-text`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return {
      status: res.status,
      body: (await res.json()) as { text?: string; format?: string; pages?: number | null; code?: string; message?: string },
    };
  };

  it('reads a Word document one paragraph a line, and the text imports', async () => {
    const lines = SIMPLIFIED_NOTICE.trim()
      .split('\n')
      .map((l) => l.replace('江人社〔2025〕8号', '江人社〔2031〕77号'));
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] }));
    const { status, body } = await upload(docx, '通知.docx');
    expect({ status, format: body.format, pages: body.pages }).toEqual({ status: 200, format: 'docx', pages: null });
    expect(body.text!.split('\n')).toEqual(lines);
    const imported = await server.ok<{ importNotice: { measures: unknown[] } }>(IMPORT, { text: body.text }, office);
    expect(imported.importNotice.measures).toHaveLength(8);
  });

  it('reads a PDF’s text layer, joining its items into the printed lines', async () => {
    const { status, body } = await upload(PDF, 'notice.pdf');
    expect({ status, format: body.format, pages: body.pages }).toEqual({ status: 200, format: 'pdf', pages: 1 });
    const lines = body.text!.split('\n');
    expect(lines[0]).toBe('江人社〔2025〕9号');
    expect(lines).toContain('（一）开展数字技能培训。全年开展数字技能培训不少于2000人次。');
    expect(lines).toContain('[市人社局牵头，市财政局及各县（市、区）人民政府按职责分工负责]');
  });

  it('reads a text file in UTF-8 or GB18030', async () => {
    expect((await upload(Buffer.from('\uFEFF一、总体要求\r\n（一）稳定就业。', 'utf8'), 'a.txt')).body).toEqual({
      text: '一、总体要求\n（一）稳定就业。',
      format: 'txt',
      pages: null,
    });
    const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5]); // 一、总体 in GB18030
    expect((await upload(gbk, 'b.txt')).body.text).toBe('一、总体');
  });

  it('refuses a scan, other files, a zip that is no Word document, and a file too big, in Chinese', async () => {
    expect(await upload(BLANK_PDF, 'scan.pdf')).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: expect.stringContaining('此PDF没有文字层（可能是扫描件）') },
    });
    expect(await upload(Buffer.from('%PDF-1.7 broken'), 'broken.pdf')).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    expect(await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.png')).toMatchObject({
      status: 415,
      body: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
    expect(await upload(buildZip([{ name: 'a.txt', data: 'hello' }]), 'fake.docx')).toMatchObject({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: expect.stringContaining('Word') },
    });
    expect(await upload(Buffer.alloc(10 * 1024 * 1024 + 10, 0x41), 'big.txt')).toEqual({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE', message: '通知文件不能超过 10 MB' },
    });
  });

  it('is for ADMIN and OFFICE only', async () => {
    const leader = await signedInUser(server, await server.adminToken(), 'LEADER');
    expect((await upload(PDF, 'notice.pdf', leader)).status).toBe(403);
    expect((await upload(PDF, 'notice.pdf', null)).status).toBe(401);
  });
});
