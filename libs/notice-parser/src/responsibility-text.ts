import { foldText, matchKey } from './normalize';

/**
 * Where a paragraph states who is responsible. Notices write it four ways: a bracket on its own line
 * (`[…]`, `【…】`), a bracket or full-width parentheses closing the paragraph (`…。（市教育局牵头，…）`),
 * or labels (`牵头单位：…；责任单位：…`) on their own line or closing the paragraph.
 */
export interface ResponsibilityAt {
  /** The clause as written: paragraph.slice(start, end). */
  start: number;
  end: number;
  /** Where the measure's own text ends (the clause and its opening bracket cut off). */
  bodyEnd: number;
  /** A clause opening the body (`X牽頭，Y負責：…`): where the measure's text goes on after it. */
  bodyResume?: number;
}

const LABEL_NAMES = '[牽牵][頭头]|[責责]任|配合|[參参]與|参与|[協协][辦办]|主[責责]';
export const LABEL_RE = new RegExp(`(${LABEL_NAMES})[單单]位:`);
/** The label in a bracket of its own, the unit names after it: `【牽頭單位】市人社局 【配合單位】…`. */
const BRACKET_LABEL_START_RE = new RegExp(`^\\[(?:${LABEL_NAMES})[單单]位\\]`);

/** A line (match key) that opens with a label: `牽頭單位：…` or `【牽頭單位】…`. */
export function startsWithLabel(key: string): boolean {
  return LABEL_RE.test(key.slice(0, 6)) || BRACKET_LABEL_START_RE.test(key);
}
const LABEL_START_RE = new RegExp(`(?:^|[。;\\s\\[(])(${LABEL_RE.source.slice(0, -1)}):`, 'g');

/** Agencies end in one of these (`局`, `委`, `政府`, `分行` ...). */
export const AGENCY_ENDINGS = '局委府辦办會会聯联部行院廳厅處处室所隊队站社團团司位心署館馆校宮宫庭組组關关';

const ALL_COUNTIES_RE = /各[縣县]\(市[、,]?[區区]\)(?:人民政府|政府|(?![^、,;]*[局委]))/g;

/**
 * Bracket text that reads like a responsibility clause: it names a role (牽頭, 負責, 配合), carries
 * labels, or is nothing but agency names (a notice whose convention says the first one leads).
 * Used before taking a bracket off a paragraph, so that an aside like `（含生育保險費）` stays.
 */
export function looksLikeResponsibility(content: string): boolean {
  const key = matchKey(content);
  if (key === '') return false;
  if (/[牽牵][頭头]|(?:[負负][責责]|配合)$/.test(key) || LABEL_RE.test(key)) return true;
  return namesOnly(key.replace(ALL_COUNTIES_RE, '各縣政府'));
}

/** Nothing but agency names (match key, the counties' phrase already shortened). */
function namesOnly(key: string): boolean {
  // 及/和 join units only after a whole name: `市工業和信息化局` is one unit.
  const parts = key.split(new RegExp(`[、,;]|(?<=[${AGENCY_ENDINGS}])[及和]`));
  return parts.every((p) => p.length >= 2 && p.length <= 30 && AGENCY_ENDINGS.includes(p[p.length - 1]));
}

/** Role words closing a clause that opens a body: `牽頭`, `負責`, `按職責分工負責`, `配合`. */
const OPENING_ROLE_RE = /(?:按照?[職职][責责]分工|具[體体]|共同)?(?:[牽牵][頭头]|[負负][責责]|配合)$/;

/**
 * `一、標題。X、Y負責：…` or `X牽頭，Y配合：…` at the start of a body: units, each comma clause closed
 * by role words, then a colon. Checked strictly (names only) so that `各地要負責：` is no clause.
 */
function openingClause(text: string, folded: string): ResponsibilityAt | null {
  const lead = folded.search(/\S/);
  const titleEnd = folded.indexOf('。');
  for (const from of titleEnd < 0 ? [lead] : [lead, titleEnd + 1]) {
    if (from < 0) continue;
    const colon = folded.indexOf(':', from);
    if (colon < 0 || colon - from > 120 || folded.slice(from, colon).includes('。')) continue;
    const inner = trimmed(text, from, colon);
    const key = matchKey(text.slice(inner.start, inner.end)).replace(ALL_COUNTIES_RE, '各縣政府');
    if (key === '' || !OPENING_ROLE_RE.test(key)) continue;
    if (!key.split(/[,;]/).every((clause) => namesOnly(clause.replace(OPENING_ROLE_RE, '')))) continue;
    return { ...inner, bodyEnd: inner.start, bodyResume: colon + 1 };
  }
  return null;
}

/** Index of the bracket opening the one that closes at `close`, counting nested pairs. */
function openingOf(folded: string, close: number, open: string, shut: string): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (folded[i] === shut) depth++;
    else if (folded[i] === open && --depth === 0) return i;
  }
  return -1;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(foldText(text[s]))) s++;
  while (e > s && /\s/.test(foldText(text[e - 1]))) e--;
  return { start: s, end: e };
}

/** A bracket or parentheses closing the paragraph (a full stop may follow it). */
function closingBracket(text: string, folded: string): ResponsibilityAt | null {
  let close = folded.length - 1;
  while (close >= 0 && /[\s。;]/.test(folded[close])) close--;
  const shut = folded[close];
  if (shut !== ']' && shut !== ')') return null;
  const open = shut === ']' ? folded.lastIndexOf('[', close) : openingOf(folded, close, '(', ')');
  if (open < 0) return null;
  const inner = trimmed(text, open + 1, close);
  if (!looksLikeResponsibility(text.slice(inner.start, inner.end))) return null;
  return { ...inner, bodyEnd: open };
}

/** `牽頭單位：…；責任單位：…` from the first label to the end of the paragraph. */
function labels(text: string, folded: string): ResponsibilityAt | null {
  for (const m of folded.matchAll(LABEL_START_RE)) {
    const labelAt = (m.index ?? 0) + m[0].length - m[1].length - 1;
    const opener = folded[labelAt - 1];
    let end = folded.length;
    while (end > labelAt && /[\s。\]]/.test(folded[end - 1])) end--;
    // `（牽頭單位：…；責任單位：…）`: the closing parenthesis is the label's, not the last unit's.
    if (opener === '(' && folded[end - 1] === ')') end--;
    const inner = trimmed(text, labelAt, end);
    return { ...inner, bodyEnd: opener === '[' || opener === '(' ? labelAt - 1 : labelAt };
  }
  return null;
}

function pageButtons(folded: string): boolean {
  const brackets = folded.match(/\[[^\]]*\]/g) ?? [];
  return brackets.length > 1 && !brackets.every((b) => looksLikeResponsibility(b.slice(1, -1)));
}

/** The responsibility clause of a paragraph, or null when it states none. */
export function responsibilityIn(text: string): ResponsibilityAt | null {
  const folded = foldText(text);
  const lead = folded.search(/\S/);
  // `【牽頭單位】A 【配合單位】B`: bracketed labels, the units outside the brackets.
  if (BRACKET_LABEL_START_RE.test(matchKey(text))) return { ...trimmed(text, lead, folded.length), bodyEnd: lead };
  // A whole-line bracket names its units whatever they look like (the published notice does so),
  // but a line of several brackets is a copied page's buttons (`【打印本页】 【关闭窗口】`) unless
  // each reads like a clause.
  if (folded[lead] === '[' && !pageButtons(folded)) {
    const close = folded.lastIndexOf(']');
    return { ...trimmed(text, lead + 1, close > lead ? close : folded.length), bodyEnd: lead };
  }
  return labels(text, folded) ?? closingBracket(text, folded) ?? openingClause(text, folded);
}
