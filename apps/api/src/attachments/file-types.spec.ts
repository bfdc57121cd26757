import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { buildZip, repeatedDeflate, ROW, workbookParts } from '../../test/support/zip-builder';
import { inspectUpload } from './file-types';

const pad = (bytes: number[] | string) =>
  Buffer.concat([typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), Buffer.alloc(32)]);
const kind = async (buf: Buffer, filename = 'file', mimetype?: string) => {
  const result = await inspectUpload(buf, { filename, mimetype });
  return result.type?.extension ?? `refused: ${result.refused}`;
};

/** An OLE2 (Compound File) container whose directory holds one stream of that name. */
function ole2(stream: string): Buffer {
  const buf = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf);
  const name = Buffer.from(`${stream}\0`, 'utf16le');
  name.copy(buf, 640);
  buf.writeUInt16LE(name.length, 640 + 64);
  buf[640 + 66] = 2;
  return buf;
}

describe('judging an upload by its bytes', () => {
  let docx: Buffer, xlsx: Buffer;
  beforeAll(async () => {
    docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('见证材料')] }] })));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('统计').addRow([1, 2, 3]);
    xlsx = Buffer.from(await book.xlsx.writeBuffer());
  });

  it('knows the accepted kinds; PDF and images whatever their name says', async () => {
    expect(await kind(pad('%PDF-1.7'), 'scan.pdf')).toBe('pdf');
    expect(await kind(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'photo')).toBe('png');
    expect(await kind(pad([0xff, 0xd8, 0xff, 0xe0]), 'photo.png')).toBe('jpg');
    expect(await kind(pad('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(await kind(docx, '情况说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(await kind(xlsx, '统计.XLSX', 'application/vnd.ms-excel')).toBe('xlsx');
    expect(await kind(ole2('WordDocument'), '旧文档.doc')).toBe('doc');
    expect(await kind(ole2('Workbook'), '统计.xls', 'application/octet-stream')).toBe('xls');
  });

  it('refuses anything else, and Word or Excel that is not what it claims to be', async () => {
    const refusals: [string, Buffer, string, string?][] = [
      ['an executable named .pdf', pad('MZ\u0090\u0000'), 'report.pdf'],
      ['html named .png', pad('<html><script>'), 'photo.png'],
      ['a zip with [Content_Types].xml and xl/', buildZip([workbookParts()[0], { name: 'xl/x.bin', data: 'x' }]), 'data.xlsx'],
      ['a real .docx named .xlsx', docx, 'data.xlsx'],
      ['a real .xlsx named .docx', xlsx, '说明.docx'],
      ['a real .xlsx without its extension', xlsx, '统计'],
      ['a real .docx sent as Excel', docx, '说明.docx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['a PDF named .docx', pad('%PDF-1.7'), '说明.docx'],
      ['a Word 97 file named .xls', ole2('WordDocument'), '统计.xls'],
      ['an encrypted .docx', ole2('EncryptedPackage'), '说明.docx'],
      ['another OLE2 file (.msi)', ole2('SummaryInformation'), 'setup.doc'],
      [
        'a workbook bomb',
        buildZip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: repeatedDeflate(ROW, 35_000_000) }]),
        'bomb.xlsx',
      ],
      [
        'a workbook whose directory lies',
        buildZip([
          ...workbookParts(),
          { name: 'xl/worksheets/sheet1.xml', deflated: repeatedDeflate(ROW, 35_000_000), declare: { size: 400_000 } },
        ]),
        'bomb.xlsx',
      ],
      ['too short', Buffer.from('%PDF'), 'a.pdf'],
    ];
    for (const [label, buf, filename, mimetype] of refusals)
      expect({ label, result: await kind(buf, filename, mimetype) }).toEqual({ label, result: expect.stringMatching(/^refused: ./) });
  });

  it('says why a Word or Excel file was refused', async () => {
    expect(await kind(docx, 'data.xlsx')).toBe('refused: 文件内容是 Word 文档(.docx),与文件名“data.xlsx”不符：请使用扩展名 .docx');
    expect(
      await kind(
        buildZip([...workbookParts(), { name: 's.xml', deflated: repeatedDeflate(ROW, 35_000_000), declare: { size: 400_000 } }]),
        'b.xlsx',
      ),
    ).toMatch(/实际大小与声明不符/);
  });
});
