import { inflateEntry, ZipEntry, ZipRefused } from './zip-reader';

/**
 * Which Office Open XML document a ZIP archive is, read the way Word and Excel read it: the package
 * relationships (`_rels/.rels`) name the main part, and `[Content_Types].xml` says what that part
 * is. A zip that merely has a `[Content_Types].xml` and an `xl/` folder is not a workbook.
 */
export type OoxmlKind = 'docx' | 'xlsx';

export const OOXML_MAIN_CONTENT_TYPES: Record<OoxmlKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
};

/** These two parts are small (a few KB); anything bigger is not an Office file. */
const MAX_PACKAGE_PART_BYTES = 256 * 1024;

const attributes = (tag: string) => {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) found.set(m[1], m[3] ?? m[4]);
  return found;
};
const elements = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, 'g'))].map((m) => attributes(m[1]));
/** Part names compare without the leading slash and ignoring case (OPC part names are case-insensitive). */
const partName = (name: string) => name.replace(/^\//, '').toLowerCase();

async function partText(buf: Buffer, entries: ZipEntry[], name: string): Promise<string | null> {
  const entry = entries.find((e) => partName(e.name) === partName(name));
  if (!entry) return null;
  if (entry.uncompressedSize > MAX_PACKAGE_PART_BYTES) throw new ZipRefused('CONTENT', `“${entry.name}”过大,不是正常的 Office 文件`);
  return (await inflateEntry(buf, entry)).toString('utf8');
}

/** The kind of document the package's main part is, or null if it is no Word document or Excel workbook. */
export async function ooxmlKind(buf: Buffer, entries: ZipEntry[]): Promise<OoxmlKind | null> {
  const [rels, types] = [await partText(buf, entries, '_rels/.rels'), await partText(buf, entries, '[Content_Types].xml')];
  if (rels === null || types === null) return null;
  // Transitional and Strict OOXML name the relationship type differently; both end in /officeDocument.
  const main = elements(rels, 'Relationship').find(
    (r) => /\/officeDocument$/.test(r.get('Type') ?? '') && r.get('TargetMode') !== 'External',
  );
  const target = main?.get('Target');
  if (!target || !entries.some((e) => partName(e.name) === partName(target))) return null;
  const override = elements(types, 'Override').find((o) => partName(o.get('PartName') ?? '') === partName(target));
  const contentType = override?.get('ContentType');
  return (Object.keys(OOXML_MAIN_CONTENT_TYPES) as OoxmlKind[]).find((kind) => OOXML_MAIN_CONTENT_TYPES[kind] === contentType) ?? null;
}
