import { docxText } from './docx-text';
import { MAX_PDF_PAGES, pdfText } from './pdf-text';

export type NoticeFormat = 'docx' | 'pdf' | 'txt';

export interface ExtractedText {
  text: string;
  format: NoticeFormat;
  pages: number | null;
}

/** Why a file gives no text: the HTTP status and code the route answers with, and words for the office. */
export class ExtractRefused extends Error {
  constructor(
    readonly status: 400 | 415,
    readonly code: 'BAD_USER_INPUT' | 'UNSUPPORTED_MEDIA_TYPE',
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string) => new ExtractRefused(400, 'BAD_USER_INPUT', message);
const unsupported = (message: string) => new ExtractRefused(415, 'UNSUPPORTED_MEDIA_TYPE', message);

export const ACCEPTED_NOTICE_FILES = '只能上传 Word（.docx）、带文字层的 PDF 或纯文本（.txt）文件';

const starts = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const isPdf = (buf: Buffer) => starts(buf, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
const isZip = (buf: Buffer) => starts(buf, [0x50, 0x4b, 0x03, 0x04]);
const isOle = (buf: Buffer) => starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

// Controls other than tab and line feed: never typed; a PDF's form feed or Word's vertical tab is a line break.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// eslint-disable-next-line no-control-regex
const BREAKING_CONTROLS = /[\u000B\u000C]/g;
const tidy = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(BREAKING_CONTROLS, '\n')
    .replace(CONTROLS, '')
    .replace(/^\uFEFF/, '');

/** A text file: UTF-8 (with or without BOM), UTF-16 with a BOM, or else GB18030 (what Chinese Windows saves). */
function decodeText(buf: Buffer): string {
  if (starts(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf);
  if (starts(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf);
  if (buf.includes(0)) throw unsupported(ACCEPTED_NOTICE_FILES);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** The text of an uploaded notice, judged by its bytes (the file name only tells a .txt apart). */
export async function extractNoticeText(buf: Buffer, filename: string): Promise<ExtractedText> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1].toLowerCase() ?? '';
  if (buf.length === 0) throw bad('文件是空的');
  if (isPdf(buf)) {
    const result = await pdfText(buf);
    if ('text' in result) return { text: tidy(result.text), format: 'pdf', pages: result.pages };
    switch (result.refused) {
      case 'NO_TEXT_LAYER':
        throw bad('此PDF没有文字层（可能是扫描件）：请上传 Word 文件，或把通知文字粘贴进来');
      case 'TOO_MANY_PAGES':
        throw bad(`PDF 有 ${result.pages} 页，超过 ${MAX_PDF_PAGES} 页：不像一份通知`);
      case 'PASSWORD':
        throw bad('此PDF有密码保护：请去掉密码后再上传');
      case 'TIMEOUT':
        throw bad('PDF 读取超时：请上传 Word 文件，或把通知文字粘贴进来');
      default:
        throw bad('PDF 文件无法读取（文件可能已损坏）');
    }
  }
  if (isZip(buf)) {
    const result = await docxText(buf);
    if ('refused' in result) throw bad(result.refused);
    return { text: tidy(result.text), format: 'docx', pages: null };
  }
  if (isOle(buf)) throw unsupported('这是旧版 Word（.doc）或 Excel 文件：请在 Word 中另存为 .docx 后再上传');
  if (extension !== 'txt') throw unsupported(ACCEPTED_NOTICE_FILES);
  return { text: tidy(decodeText(buf)).trim(), format: 'txt', pages: null };
}
