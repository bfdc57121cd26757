import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { buildZip, documentParts, workbookParts } from '../../test/support/zip-builder';
import { ooxmlKind } from './zip-ooxml';
import { readZipDirectory } from './zip-reader';

const LIMITS = { maxEntries: 100, maxTotalBytes: 10 * 1024 * 1024, maxRatio: 100, ratioFloorBytes: 1024 * 1024 };
const kindOf = (zip: Buffer) => ooxmlKind(zip, readZipDirectory(zip, LIMITS));

describe('which Office document a zip is', () => {
  it('knows a real Word document and a real Excel workbook', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('落实情况')] }] }));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('表').addRow(['x']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(await kindOf(Buffer.from(docx))).toBe('docx');
    expect(await kindOf(xlsx)).toBe('xlsx');
    expect(await kindOf(buildZip(documentParts()))).toBe('docx');
    expect(await kindOf(buildZip(workbookParts()))).toBe('xlsx');
  });

  it('is none for a zip that only looks like one', async () => {
    const [types, rels, workbook] = workbookParts();
    const macro = { ...types, data: String(types.data).replace('sheet.main+xml', 'sheet.macroEnabled.main+xml') };
    const elsewhere = { ...rels, data: String(rels.data).replace('xl/workbook.xml', 'xl/other.xml') };
    expect(await kindOf(buildZip([types, { name: 'xl/anything.txt', data: 'x' }]))).toBeNull(); // what was accepted before
    expect(await kindOf(buildZip([types, workbook]))).toBeNull(); // no package relationships
    expect(await kindOf(buildZip([types, elsewhere, workbook]))).toBeNull(); // the main part is missing
    expect(await kindOf(buildZip([macro, rels, workbook]))).toBeNull(); // .xlsm
    expect(await kindOf(buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]))).toBeNull();
  });
});
