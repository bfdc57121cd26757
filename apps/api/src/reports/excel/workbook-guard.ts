import { ooxmlKind } from '../../common/zip-ooxml';
import { inflateEntry, isZip, readZipDirectory, ZipLimits, ZipRefused } from '../../common/zip-reader';
import { ReportError } from '../report.errors';
import { MAX_TEMPLATE_ROWS, TEMPLATE_SHEET_COUNT } from './report-workbook';

/**
 * What an uploaded template may hold before ExcelJS is let near it. ExcelJS inflates and parses the
 * whole workbook on the event loop; a 375 KB zip bomb of 2 million rows took it ~22 s and gigabytes.
 * These checks read the zip's directory first, then inflate each part as a stream (off the event
 * loop), counting rows and markup and stopping at the first limit passed, so a bomb is refused in
 * milliseconds and what reaches ExcelJS is known to be small.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = {
  // A template has ~15 parts; Excel or WPS saving it adds a few (docProps, calcChain, printer settings).
  maxEntries: 100,
  // Three texts of up to 20,000 characters per measure fit many times over; the upload itself is at most 5 MB.
  maxTotalBytes: 32 * 1024 * 1024,
  // Chinese text and sheet XML compress 2–20:1; 100:1 on a large part is a bomb.
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};
/** Room for a sheet a person adds by mistake (it is ignored, the import reads its own sheets by name). */
export const MAX_IMPORT_SHEETS = TEMPLATE_SHEET_COUNT + 2;
/**
 * Markup tags ('<') in all XML parts together: the cost of parsing. A full template (two sheets of
 * `rows` rows of eight cells, each cell ~4 tags, plus their shared strings) stays well below.
 */
const markupFor = (rows: number) => 3 * rows * 9 * 4 + 50_000;
export const MAX_IMPORT_MARKUP = markupFor(MAX_TEMPLATE_ROWS);

const SHEET_PART = /^xl\/(work|chart|dialog|macro)sheets\/[^/]+\.xml$/i;
const XML_PART = /\.(xml|rels|vml)$/i;

/** Counts `<row` start tags (any namespace prefix) in a stream of chunks, refusing past the cap. */
export function rowCounter(cap: number, what = '填报表') {
  const pattern = /<(?:[A-Za-z_][\w.-]{0,15}:)?row[\s/>]/g;
  let carry = '';
  let rows = 0;
  return (chunk: Buffer) => {
    const text = carry + chunk.toString('latin1');
    for (const m of text.matchAll(pattern)) {
      // A tag that ends inside the carried tail was complete, and counted, in the previous chunk.
      if (m.index + m[0].length > carry.length) rows++;
    }
    carry = text.slice(-24);
    if (rows > cap) throw new ZipRefused('CONTENT', `工作表行数过多(超过 ${cap} 行,本系统的${what}不会有这么多行)`);
    return rows;
  };
}

function countMarkup(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(0x3c); i >= 0; i = chunk.indexOf(0x3c, i + 1)) n++;
  return n;
}

/** What one kind of uploaded workbook may hold (the report template's bounds by default). */
export interface WorkbookBounds {
  zip: ZipLimits;
  maxSheets: number;
  /** How many sheets the template itself has (said in the refusal). */
  templateSheets: number;
  /** Rows per sheet. */
  maxRows: number;
  maxMarkup: number;
  /** What the sheet is called for people: 填报表, 账号表. */
  what: string;
}

export const REPORT_WORKBOOK_BOUNDS: WorkbookBounds = {
  zip: IMPORT_ZIP_LIMITS,
  maxSheets: MAX_IMPORT_SHEETS,
  templateSheets: TEMPLATE_SHEET_COUNT,
  maxRows: MAX_TEMPLATE_ROWS,
  maxMarkup: MAX_IMPORT_MARKUP,
  what: '填报表',
};

/**
 * Throws ZipRefused (a message for people) for anything that is not a small, honest .xlsx within
 * `bounds`; returns quietly otherwise. Each import wraps the refusal in its feature's error.
 */
export async function checkWorkbookBounds(file: Buffer, bounds: WorkbookBounds): Promise<void> {
  if (!isZip(file)) throw new ZipRefused('NOT_ZIP', '这不是 .xlsx 文件');
  const entries = readZipDirectory(file, bounds.zip);
  const sheets = entries.filter((e) => SHEET_PART.test(e.name)).length;
  if (sheets > bounds.maxSheets) throw new ZipRefused('CONTENT', `工作表过多(${sheets} 个,${bounds.what}只有 ${bounds.templateSheets} 个)`);
  if ((await ooxmlKind(file, entries)) !== 'xlsx') throw new ZipRefused('CONTENT', '这不是 Excel 工作簿(.xlsx)');
  let markup = 0;
  for (const entry of entries) {
    const rows = SHEET_PART.test(entry.name) ? rowCounter(bounds.maxRows, bounds.what) : null;
    const xml = XML_PART.test(entry.name);
    await inflateEntry(file, entry, (chunk) => {
      if (xml) markup += countMarkup(chunk);
      if (markup > bounds.maxMarkup)
        throw new ZipRefused('CONTENT', `表格内容过多(单元格或格式标记远超${bounds.what}所需),不是本系统的${bounds.what}`);
      rows?.(chunk);
    });
  }
}

/** Rows a person may add to a template by mistake or for notes (blank rows are skipped by the import). */
const ROW_SLACK = 100;

/**
 * The bounds for an upload that names its quarter (or period) and unit: that template's own rows
 * (templateRows) and some slack, however many policies the quarter spans: tighter than the fixed
 * bounds for a small unit, and room for a unit under a hundred notices.
 */
export function reportWorkbookBounds(templateRows: number): WorkbookBounds {
  const maxRows = templateRows + ROW_SLACK;
  return { ...REPORT_WORKBOOK_BOUNDS, maxRows, maxMarkup: markupFor(maxRows) };
}

/** Refuses (BAD_USER_INPUT, field `file`) anything that is not a small, honest .xlsx; returns quietly otherwise. */
export async function checkImportedWorkbook(file: Buffer, bounds: WorkbookBounds = REPORT_WORKBOOK_BOUNDS): Promise<void> {
  try {
    await checkWorkbookBounds(file, bounds);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw new ReportError('BAD_USER_INPUT', `无法导入该文件：${error.message}。请上传从系统下载的 .xlsx 填报表`, {
      field: 'file',
      reason: error.reason,
    });
  }
}
