/**
 * What a file is, judged by its bytes, never by its name: a renamed .exe is refused however it is
 * called. Accepted: PDF, PNG, JPEG, GIF, WebP, Word and Excel (OOXML and the old OLE2 formats).
 */
export interface DetectedType {
  contentType: string;
  extension: string;
}

const starts = (buf: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** OOXML files are ZIP archives; their first entries name the part that says which kind. */
function ooxmlKind(buf: Buffer): DetectedType | null {
  const head = buf.subarray(0, Math.min(buf.length, 64 * 1024)).toString('latin1');
  if (!head.includes('[Content_Types].xml')) return null;
  if (head.includes('word/')) return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
  if (head.includes('xl/')) return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  return null;
}

export function detectFileType(buf: Buffer, nameHint = ''): DetectedType | null {
  if (buf.length < 8) return null;
  if (starts(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf' };
  if (starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png' };
  if (starts(buf, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (starts(buf, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extension: 'gif' };
  if (starts(buf, [0x52, 0x49, 0x46, 0x46]) && starts(buf, [0x57, 0x45, 0x42, 0x50], 8)) return { contentType: 'image/webp', extension: 'webp' };
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(buf);
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // The old binary formats share one container; the name only picks between Word and Excel.
    return /\.xls$/i.test(nameHint)
      ? { contentType: 'application/vnd.ms-excel', extension: 'xls' }
      : { contentType: 'application/msword', extension: 'doc' };
  }
  return null;
}
