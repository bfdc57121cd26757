import { ooxmlKind } from '../common/zip-ooxml';
import { inflateEntry, isZip, readZipDirectory, ZipLimits, ZipRefused } from '../common/zip-reader';

/**
 * What a file is, judged by its bytes, never by its name: a renamed .exe is refused however it is
 * called. Accepted: PDF, PNG, JPEG, GIF, WebP, Word and Excel (OOXML and the old OLE2 formats).
 * Word and Excel files are containers, so they are opened and checked to be the document they claim
 * (by name or by type) to be: a Word file named .xlsx, or any zip with an `xl/` folder, is refused.
 */
export interface DetectedType {
  contentType: string;
  extension: string;
}

export type Inspection = { type: DetectedType; refused?: undefined } | { refused: string; type?: undefined };

type OfficeKind = 'docx' | 'xlsx' | 'doc' | 'xls';
const OFFICE: Record<OfficeKind, { contentType: string; label: string; family: 'word' | 'excel' }> = {
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档(.docx)',
    family: 'word',
  },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 工作簿(.xlsx)', family: 'excel' },
  doc: { contentType: 'application/msword', label: 'Word 97-2003 文档(.doc)', family: 'word' },
  xls: { contentType: 'application/vnd.ms-excel', label: 'Excel 97-2003 工作簿(.xls)', family: 'excel' },
};
const isOffice = (ext: string): ext is OfficeKind => ext in OFFICE;
const FAMILY_OF_MIMETYPE = new Map(Object.values(OFFICE).map((o) => [o.contentType, o.family]));

/**
 * Attachments are stored, not parsed, but every Word/Excel file is inflated once here (off the event
 * loop, each part stopped at its declared size) so that what we store and hand to others is no bomb.
 */
export const ATTACHMENT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export const ACCEPTED_KINDS = '只能上传 PDF、图片(PNG/JPEG/GIF/WebP)、Word 或 Excel 文件';

const starts = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

function imageOrPdf(buf: Buffer): DetectedType | null {
  if (starts(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf' };
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png' };
  if (starts(buf, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (starts(buf, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extension: 'gif' };
  if (starts(buf, [0x52, 0x49, 0x46, 0x46]) && starts(buf, [0x57, 0x45, 0x42, 0x50], 8))
    return { contentType: 'image/webp', extension: 'webp' };
  return null;
}

/** A Word or Excel OOXML package, every part inflated to check its declared size. */
async function ooxml(buf: Buffer): Promise<OfficeKind> {
  const entries = readZipDirectory(buf, ATTACHMENT_ZIP_LIMITS);
  const kind = await ooxmlKind(buf, entries);
  if (!kind) throw new ZipRefused('CONTENT', '压缩文件不是有效的 Word 文档或 Excel 工作簿');
  for (const entry of entries) await inflateEntry(buf, entry);
  return kind;
}

/** A stream of that name in an OLE2 (Compound File) directory: 128-byte entries, UTF-16 names, type 2 = stream. */
function hasOleStream(buf: Buffer, name: string): boolean {
  const wanted = Buffer.from(`${name}\0`, 'utf16le');
  for (let p = 512; p + 128 <= buf.length; p += 128) {
    if (buf.readUInt16LE(p + 64) === wanted.length && buf[p + 66] === 2 && buf.subarray(p, p + wanted.length).equals(wanted)) return true;
  }
  return false;
}

/** The old binary formats share one container; the streams inside say which document it is. */
function oleKind(buf: Buffer): OfficeKind | 'encrypted' | null {
  if (hasOleStream(buf, 'WordDocument')) return 'doc';
  if (hasOleStream(buf, 'Workbook') || hasOleStream(buf, 'Book')) return 'xls';
  if (hasOleStream(buf, 'EncryptedPackage')) return 'encrypted'; // a password-protected .docx/.xlsx
  return null;
}

/** The Office kind the file's bytes are, or a refusal; null when it is no Office container at all. */
async function officeKind(buf: Buffer): Promise<OfficeKind | { refused: string } | null> {
  if (isZip(buf)) {
    try {
      return await ooxml(buf);
    } catch (error) {
      if (error instanceof ZipRefused) return { refused: `文件未通过检查：${error.message}` };
      throw error;
    }
  }
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const kind = oleKind(buf);
    if (kind === 'encrypted') return { refused: '文件已加密：请去掉密码后再上传' };
    return kind ?? { refused: '文件不是有效的 Word 或 Excel 文件' };
  }
  return null;
}

/**
 * Judges an upload by its bytes; for Word and Excel also by what it claims to be: the file name's
 * extension must be the kind the bytes are, and a Word or Excel type sent with it the same family.
 */
export async function inspectUpload(buf: Buffer, claim: { filename: string; mimetype?: string }): Promise<Inspection> {
  const extension = /\.([A-Za-z0-9]+)$/.exec(claim.filename)?.[1].toLowerCase() ?? '';
  const claimedFamily = (isOffice(extension) ? OFFICE[extension].family : undefined) ?? FAMILY_OF_MIMETYPE.get(claim.mimetype ?? '');
  if (buf.length < 8) return { refused: ACCEPTED_KINDS };
  const plain = imageOrPdf(buf);
  if (plain && !claimedFamily) return { type: plain };
  const kind = plain ? null : await officeKind(buf);
  if (kind && typeof kind === 'object') return kind;
  if (!kind)
    return {
      refused: claimedFamily
        ? `文件内容不是${claimedFamily === 'word' ? ' Word 文档' : ' Excel 工作簿'},与文件名或类型不符`
        : ACCEPTED_KINDS,
    };
  const office = OFFICE[kind];
  if (extension !== kind) return { refused: `文件内容是 ${office.label},与文件名“${claim.filename}”不符：请使用扩展名 .${kind}` };
  const mimeFamily = FAMILY_OF_MIMETYPE.get(claim.mimetype ?? '');
  if (mimeFamily && mimeFamily !== office.family)
    return { refused: `文件内容是 ${office.label},与上传时声明的类型(${claim.mimetype})不符` };
  return { type: { contentType: office.contentType, extension: kind } };
}
