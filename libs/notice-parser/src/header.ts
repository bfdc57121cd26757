import { chineseDigits, chineseNumeral } from './numerals';
import { isNumberedLine, opensBracket } from './markers';

/** The lines around the sections: doc number, addressee, title, issuer and date. */

/** `江就辦〔2024〕1號`; copies also write the year in [] (folded from ［］ or 【】) or (). */
const DOC_NUMBER_RE = /^(.{1,30}?)[〔[(]((?:19|20)\d{2})[〕\])](\d{1,4})([號号])$/;

/**
 * Takes a match key. Brackets come back as 〔〕 whatever the copy used, so that the doc number,
 * which target-names.json is keyed on, does not depend on how the notice was typed.
 */
export function docNumberOf(key: string): string | null {
  const m = DOC_NUMBER_RE.exec(key);
  return m ? `${m[1]}〔${m[2]}〕${m[3]}${m[4]}` : null;
}

const ARABIC_DATE_RE = /^\(?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\)?$/;
const CHINESE_DATE_RE = /^\(?([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日\)?$/;

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2024年7月26日` or `二〇二四年七月二十六日` as a whole line -> `2024-07-26`. */
export function dateOf(key: string): string | null {
  const arabic = ARABIC_DATE_RE.exec(key);
  if (arabic) return isoDate(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = CHINESE_DATE_RE.exec(key);
  if (chinese) {
    // `十十月` matches the pattern but is no number: then the line is no date.
    try {
      return isoDate(chineseDigits(chinese[1].replace(/○/g, '〇')), chineseNumeral(chinese[2]), chineseNumeral(chinese[3]));
    } catch {
      return null;
    }
  }
  return null;
}

/** `(代章)` and similar seal notes stand between the issuer and the date. */
const SEAL_RE = /^\((?:代章|印章|蓋章|盖章|章)\)$/;

/** How the name of a notice ends: 通知, 方案, 若干措施, 任務分工 … */
const TITLE_END_RE =
  /(?:通知|方案|措施|意見|意见|辦法|办法|細則|细则|要點|要点|清單|清单|計劃|计划|規劃|规划|決定|决定|規定|规定|分工|分工表|批復|批复|公告|通告|函)$/;

/** Longer lines are body text, not a wrapped title. */
const MAX_TITLE_LINE = 80;

/**
 * A government website puts a metadata block above the notice (`发文字号：江就业办〔2025〕6号`,
 * `成文日期：2025-06-18`, `标题：…` with spaces inside the label, `来源：… 发布时间：…` under a copied
 * page's title). Its fields are the header; its lines are no title.
 */
const METADATA_RE =
  /^(索引号|索引號|[來来]源|[發发]布机构|[發发]布機構|[發发]文(?:字号|字號|机关|機關)|文号|文號|成文日期|[發发]布日期|主[題题]分[類类]|[標标][題题]|名称|名稱|主[題题][詞词]|有效性):(.*)$/;

interface Metadata {
  docNumber: string | null;
  issuedOn: string | null;
  title: string | null;
}

function metadataOf(keys: readonly string[], lines: readonly string[], end: number): { fields: Metadata; lines: Set<number> } {
  const fields: Metadata = { docNumber: null, issuedOn: null, title: null };
  const at = new Set<number>();
  for (let i = 0; i < end; i++) {
    const m = METADATA_RE.exec(keys[i]);
    if (!m) continue;
    at.add(i);
    const [, label, value] = m;
    if (/[號号]/.test(label)) fields.docNumber ??= docNumberOf(value);
    else if (label === '成文日期') fields.issuedOn ??= dateOf(value) ?? isoDashDate(value);
    else if (/[標标][題题]|名[称稱]/.test(label) && value !== '') {
      // The title as written: what follows the label's colon on the line.
      const written = lines[i];
      fields.title ??= written.slice(written.search(/[:：]/) + 1).trim();
    }
  }
  return { fields, lines: at };
}

/** `2025-06-18` or `2025/6/18`, as websites write dates. */
function isoDashDate(key: string): string | null {
  const m = /^((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(key);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export interface Header {
  docNumber: string | null;
  docIndex: number;
  issuedOn: string | null;
  dateIndex: number;
  title: string;
  /** First and last line of the title; -1 when none was found. */
  titleIndex: number;
  titleEnd: number;
  issuer: string;
  addressee: string | null;
}

/** A copied page's breadcrumb: `首页 > 政务公开 > 通知公告`. */
const BREADCRUMB_RE = /[>»›]/;

function mayBeTitleLine(key: string): boolean {
  if (key === '' || key.includes('。') || key.endsWith(':') || key.length > MAX_TITLE_LINE || BREADCRUMB_RE.test(key)) return false;
  return !(isNumberedLine(key) || opensBracket(key) || SEAL_RE.test(key) || docNumberOf(key) || dateOf(key));
}

/**
 * The title: the first run of short lines before the sections that reads `…關於…的通知`, else the
 * last that reads as a notice's name. (The published Jiangmen cover note has no title line of its
 * own: the forwarded notice's title after the cover's date heads the measures.)
 */
function titleIn(lines: readonly string[], keys: readonly string[], end: number): { title: string; first: number; last: number } {
  let found = { title: '', first: -1, last: -1 };
  for (let i = 0; i < end; i++) {
    if (!mayBeTitleLine(keys[i])) continue;
    let j = i;
    while (j + 1 < end && mayBeTitleLine(keys[j + 1])) j++;
    const key = keys.slice(i, j + 1).join('');
    if (TITLE_END_RE.test(key)) {
      found = {
        title: lines
          .slice(i, j + 1)
          .map((l) => l.trim())
          .join(''),
        first: i,
        last: j,
      };
      // `…關於印發《…要點》的通知` names the notice itself: it wins over the title of what it forwards.
      if (/[关關][于於]/.test(key) && /通知$/.test(key)) return found;
    }
    i = j;
  }
  return found;
}

/** The issuer signs just above the date (a seal note may stand between). */
function issuerBefore(keys: readonly string[], dateIndex: number, notBefore: number): string {
  for (let i = dateIndex - 1; i > notBefore; i--) {
    const key = keys[i];
    if (key === '' || SEAL_RE.test(key)) continue;
    // A sentence, a salutation or a numbered line is not a signature: this notice has no issuer line.
    const signature = !key.includes('。') && !key.endsWith(':') && !isNumberedLine(key) && !opensBracket(key) && key.length <= 40;
    return signature && !key.endsWith(')') ? key : '';
  }
  return '';
}

/** `各縣（市、區）人民政府，市有關單位：` — not `現就有關事項通知如下：`. */
function addresseeIn(keys: readonly string[], end: number): string | null {
  for (let i = 0; i < end; i++) {
    const key = keys[i];
    if (key.endsWith(':') && !key.includes('。') && !key.includes('如下') && key.length <= 80) return key.slice(0, -1);
  }
  return null;
}

/** `bodyStart` is the first numbered line: the header is what stands before it, the date anywhere. */
/** `（2026年1月20日市就業工作領導小組第一次全體會議審議通過）` under a title dates the text too. */
const DATED_NOTE_RE = /^\(((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)/;

function dateIndexOf(keys: readonly string[], bodyStart: number): { index: number; date: string | null } {
  const index = keys.findIndex((k) => dateOf(k) !== null);
  if (index >= 0) return { index, date: dateOf(keys[index]) };
  const noted = keys.slice(0, bodyStart).findIndex((k) => DATED_NOTE_RE.test(k));
  const m = noted >= 0 ? DATED_NOTE_RE.exec(keys[noted]) : null;
  return m ? { index: noted, date: dateOf(m[1]) } : { index: -1, date: null };
}

export function headerOf(lines: readonly string[], keys: readonly string[], bodyStart: number): Header {
  const metadata = metadataOf(keys, lines, bodyStart);
  // Metadata lines are blanked for the search below: none is a title, a doc number or a date line.
  const rest = keys.map((k, i) => (metadata.lines.has(i) ? '' : k));
  const found = headerIn(lines, rest, bodyStart);
  const { docNumber, issuedOn, title } = metadata.fields;
  return {
    ...found,
    docNumber: found.docNumber ?? docNumber,
    issuedOn: found.issuedOn ?? issuedOn,
    title: found.title === '' && title ? title : found.title,
  };
}

function headerIn(lines: readonly string[], keys: readonly string[], bodyStart: number): Header {
  const { index: dateIndex, date } = dateIndexOf(keys, bodyStart);
  const docIndex = keys.slice(0, bodyStart).findIndex((k) => docNumberOf(k) !== null);
  const title = titleIn(lines, keys, bodyStart);
  const signedAt = dateIndex >= 0 && dateIndex < bodyStart ? Math.max(docIndex, -1) : Math.max(docIndex, title.last);
  return {
    docNumber: docIndex >= 0 ? docNumberOf(keys[docIndex]) : null,
    docIndex,
    issuedOn: date,
    dateIndex,
    title: title.title,
    titleIndex: title.first,
    titleEnd: title.last,
    issuer: dateIndex >= 0 && !(title.first <= dateIndex - 1 && dateIndex - 1 <= title.last) ? issuerBefore(keys, dateIndex, signedAt) : '',
    addressee: addresseeIn(keys, bodyStart),
  };
}
