import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A tiny ZIP writer for tests: honest archives, and the ones an attacker writes (bombs, directories
 * that lie about sizes, encrypted flags, odd methods). Nothing here is used by the API itself.
 */
export interface Deflated {
  compressed: Buffer;
  size: number;
  crc: number;
}

export interface ZipPart {
  name: string;
  /** Deflated by the builder (or stored with `store`). */
  data?: Buffer | string;
  store?: boolean;
  /** Data already deflated (see repeatedDeflate). */
  deflated?: Deflated;
  /** What the directory claims, where it should lie. */
  declare?: Partial<{ size: number; compressedSize: number; crc: number; method: number; flags: number }>;
}

export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const plain = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : (part.data ?? Buffer.alloc(0));
    const body: Deflated = part.deflated ?? {
      compressed: part.store ? plain : deflateRawSync(plain),
      size: plain.length,
      crc: crc32(plain),
    };
    const d = {
      size: body.size,
      compressedSize: body.compressed.length,
      crc: body.crc,
      method: part.store ? 0 : 8,
      flags: 0x800,
      ...part.declare,
    };
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(d.flags, 6);
    local.writeUInt16LE(d.method, 8);
    local.writeUInt32LE(d.crc >>> 0, 14);
    local.writeUInt32LE(d.compressedSize, 18);
    local.writeUInt32LE(d.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(d.flags, 8);
    central.writeUInt16LE(d.method, 10);
    central.writeUInt32LE(d.crc >>> 0, 16);
    central.writeUInt32LE(d.compressedSize, 20);
    central.writeUInt32LE(d.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + body.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `unit` repeated `times` times, deflated in seconds however large: one ~1 MB run is deflated with a
 * full flush (so its bytes do not depend on what came before) and those bytes are repeated.
 */
export function repeatedDeflate(unit: string, times: number, head = '', tail = ''): Deflated {
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(unit)));
  const chunk = Buffer.from(unit.repeat(perChunk));
  const chunks = Math.ceil(times / perChunk);
  const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const [h, c, t] = [Buffer.from(head), chunk, Buffer.from(tail)];
  const compressed = Buffer.concat([flushed(h), ...Array<Buffer>(chunks).fill(flushed(c)), deflateRawSync(t)]);
  let crc = crc32(h);
  for (let i = 0; i < chunks; i++) crc = crc32(c, crc);
  return { compressed, size: h.length + chunks * c.length + t.length, crc: crc32(t, crc) };
}

const CT_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const rels = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const contentTypes = (part: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;

/** The package parts of a minimal workbook whose first sheet is `sheet` (add it with the name xl/worksheets/sheet1.xml). */
export const workbookParts = (): ZipPart[] => [
  { name: '[Content_Types].xml', data: contentTypes('xl/workbook.xml', CT_XLSX) },
  { name: '_rels/.rels', data: rels('xl/workbook.xml') },
  {
    name: 'xl/workbook.xml',
    data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="工作进展" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
];

/** A package that says it is a Word document (for checks of the package, not of Word's parts). */
export const documentParts = (): ZipPart[] => [
  { name: '[Content_Types].xml', data: contentTypes('word/document.xml', CT_DOCX) },
  { name: '_rels/.rels', data: rels('word/document.xml') },
  {
    name: 'word/document.xml',
    data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>',
  },
];

/** A row without an address: the cheapest row there is, ~670:1 deflated. */
export const ROW = '<row/>';
