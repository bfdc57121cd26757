import { createInflateRaw, crc32 } from 'node:zlib';

/**
 * A ZIP archive judged from its central directory before anything is inflated, then inflated one
 * entry at a time with the bytes counted. Office files (.xlsx, .docx) are ZIP archives: a few hundred
 * KB can declare, or hide, gigabytes. Our own reader (no dependency) because we need exactly the
 * checks below and the same view of the archive as the libraries that read it afterwards (JSZip in
 * ExcelJS also trusts the central directory, then each entry's local header for where its data starts).
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate: nothing else is accepted. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** The sum of every entry's declared uncompressed size. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, checked for entries larger than ratioFloorBytes (tiny entries compress oddly). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export type ZipRefusalReason =
  | 'NOT_ZIP'
  | 'ZIP64'
  | 'CORRUPT'
  | 'TOO_MANY_ENTRIES'
  | 'TOO_LARGE'
  | 'RATIO'
  | 'ENCRYPTED'
  | 'METHOD'
  | 'DUPLICATE'
  | 'SIZE_MISMATCH'
  | 'CHECKSUM'
  | 'CONTENT';

/** A refusal, with a message for people (Chinese); callers wrap it in their feature's error. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: ZipRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;
const corrupt = () => new ZipRefused('CORRUPT', '文件结构已损坏(压缩包目录与内容不符)');
export const megabytes = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

export const isZip = (buf: Buffer) => buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;

/** The entries the central directory lists, refused on any sign of a bomb or a trick. Reads no data. */
export function readZipDirectory(buf: Buffer, limits: ZipLimits): ZipEntry[] {
  // The End Of Central Directory record is the last 22 bytes, unless a comment (at most 65535 bytes) follows.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('NOT_ZIP', '文件不是有效的压缩格式(找不到文件目录)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (
    count === 0xffff ||
    cdSize === 0xffffffff ||
    cdOffset === 0xffffffff ||
    (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR)
  ) {
    throw new ZipRefused('ZIP64', '不支持 ZIP64 格式的超大压缩文件');
  }
  if (buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 8) !== count) throw new ZipRefused('CORRUPT', '不支持分卷压缩文件');
  // Bytes before the archive or between its directory and the end record are a trick (or damage).
  if (cdOffset + cdSize !== eocd) throw corrupt();
  if (count > limits.maxEntries) throw new ZipRefused('TOO_MANY_ENTRIES', `压缩包内的文件过多(${count} 个,最多 ${limits.maxEntries} 个)`);

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw corrupt();
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > eocd) throw corrupt();
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      method: buf.readUInt16LE(p + 10),
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipRefused('ZIP64', '不支持 ZIP64 格式的超大压缩文件');
    }
    if (flags & 0x41) throw new ZipRefused('ENCRYPTED', `文件已加密(“${name}”)：请去掉密码后再上传`);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipRefused('METHOD', `“${name}”使用了不支持的压缩方式(${entry.method})`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw corrupt();
    if (names.has(name)) throw new ZipRefused('DUPLICATE', `压缩包内有重名的文件“${name}”`);
    names.add(name);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw new ZipRefused('TOO_LARGE', `解压后过大(超过 ${megabytes(limits.maxTotalBytes)})`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new ZipRefused('RATIO', `压缩比异常(“${name}”为 ${Math.round(ratio)}:1,最多 ${limits.maxRatio}:1),疑似压缩炸弹`);
    }
    entries.push(entry);
    p = next;
  }
  checkNoOverlap(buf, entries, cdOffset);
  return entries;
}

/** Where an entry's data starts, from its local header (whose name and extra field may differ in length). */
function dataStart(buf: Buffer, entry: ZipEntry): number {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw corrupt();
  return p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
}

/** Every entry's data lies before the directory and apart from the others: overlapping entries are a known bomb. */
function checkNoOverlap(buf: Buffer, entries: ZipEntry[], cdOffset: number) {
  const spans = entries
    .map((e) => ({ start: e.localHeaderOffset, end: dataStart(buf, e) + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  spans.forEach((span, i) => {
    if (span.end > (i + 1 < spans.length ? spans[i + 1].start : cdOffset)) throw corrupt();
  });
}

/**
 * Inflates one entry as a stream (off the event loop), handing each chunk to `onChunk` (which may
 * throw a ZipRefused to stop early) and aborting as soon as the output passes the declared size:
 * a directory that lies about sizes costs at most the declared bytes. The checksum is verified too.
 */
export function inflateEntry(buf: Buffer, entry: ZipEntry, onChunk: (chunk: Buffer) => void = () => undefined): Promise<Buffer> {
  const start = dataStart(buf, entry);
  const data = buf.subarray(start, start + entry.compressedSize);
  const lied = () => new ZipRefused('SIZE_MISMATCH', `“${entry.name}”的实际大小与声明不符(文件已损坏或被篡改)`);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let crc = 0;
    let failed = false;
    const take = (chunk: Buffer) => {
      length += chunk.length;
      if (length > entry.uncompressedSize) throw lied();
      crc = crc32(chunk, crc);
      chunks.push(chunk);
      onChunk(chunk);
    };
    const finish = () => {
      if (length !== entry.uncompressedSize) return reject(lied());
      if (crc >>> 0 !== entry.crc32) return reject(new ZipRefused('CHECKSUM', `“${entry.name}”校验失败(文件已损坏)`));
      resolve(Buffer.concat(chunks, length));
    };
    if (entry.method === 0) {
      try {
        for (let i = 0; i < data.length; i += 64 * 1024) take(data.subarray(i, i + 64 * 1024));
      } catch (error) {
        return reject(error);
      }
      return finish();
    }
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        take(chunk);
      } catch (error) {
        failed = true;
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('error', () => {
      if (!failed) reject(corrupt());
      failed = true;
    });
    inflate.on('end', () => failed || finish());
    inflate.end(data);
  });
}
