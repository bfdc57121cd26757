import { detectFileType } from './file-types';

describe('detecting a file by its bytes', () => {
  const pad = (bytes: number[] | string) => Buffer.concat([typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes), Buffer.alloc(32)]);

  it('knows the accepted kinds', () => {
    expect(detectFileType(pad('%PDF-1.7'))?.contentType).toBe('application/pdf');
    expect(detectFileType(pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.extension).toBe('png');
    expect(detectFileType(pad([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg');
    expect(detectFileType(pad('RIFF\0\0\0\0WEBPVP8 '))?.extension).toBe('webp');
    expect(detectFileType(pad('PK\u0003\u0004....[Content_Types].xml....word/document.xml'))?.extension).toBe('docx');
    expect(detectFileType(pad('PK\u0003\u0004....[Content_Types].xml....xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(detectFileType(pad([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '统计.xls')?.extension).toBe('xls');
  });

  it('refuses anything else, whatever its name says', () => {
    expect(detectFileType(pad('MZ\u0090\u0000'), 'report.pdf')).toBeNull();
    expect(detectFileType(pad('<html><script>'), 'photo.png')).toBeNull();
    expect(detectFileType(pad('PK\u0003\u0004 just a zip'), 'data.xlsx')).toBeNull();
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
  });
});
