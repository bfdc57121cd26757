import mammoth from 'mammoth';
import { ooxmlKind } from '../common/zip-ooxml';
import { inflateEntry, readZipDirectory, ZipLimits, ZipRefused } from '../common/zip-reader';

/** A notice in Word is a few hundred KB unpacked; these stop a bomb before mammoth inflates anything. */
export const NOTICE_DOCX_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export type DocxTextResult = { text: string } | { refused: string };

/**
 * The text of a Word document, one paragraph a line. The file is judged by our own zip reader first
 * (a real OOXML word document, every part inflated within its declared size: zip-reader.ts); only then
 * does mammoth read it.
 */
export async function docxText(bytes: Buffer): Promise<DocxTextResult> {
  try {
    const entries = readZipDirectory(bytes, NOTICE_DOCX_LIMITS);
    const kind = await ooxmlKind(bytes, entries);
    if (kind !== 'docx') return { refused: kind === 'xlsx' ? '这是 Excel 工作簿，不是 Word 文档' : '文件不是有效的 Word 文档（.docx）' };
    for (const entry of entries) await inflateEntry(bytes, entry);
  } catch (error) {
    if (error instanceof ZipRefused) return { refused: `文件未通过检查：${error.message}` };
    throw error;
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    // mammoth ends each paragraph with a blank line; the parser reads one paragraph a line.
    return {
      text: value
        .replace(/\r\n?/g, '\n')
        .replace(/\n{2,}/g, '\n')
        .trim(),
    };
  } catch {
    return { refused: 'Word 文档无法读取（文件可能已损坏）' };
  }
}
