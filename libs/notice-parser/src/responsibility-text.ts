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
}

export const LABEL_RE = /([牽牵][頭头]|[責责]任|配合|[參参]與|参与|[協协][辦办]|主[責责])[單单]位:/;
const LABEL_START_RE = new RegExp(`(?:^|[。;\\s\\[(])(${LABEL_RE.source.slice(0, -1)}):`, 'g');

/** Agencies end in one of these (`局`, `委`, `政府`, `分行` ...). */
export const AGENCY_ENDINGS = '局委府辦办會会聯联部行院廳厅處处室所隊队站社團团司位心署館馆校宮宫庭組组關关';

const ALL_COUNTIES_RE = /各[縣县]\(市[、,]?[區区]\)(?:人民政府|政府)?/g;

/**
 * Bracket text that reads like a responsibility clause: it names a role (牽頭, 負責, 配合), carries
 * labels, or is nothing but agency names (a notice whose convention says the first one leads).
 * Used before taking a bracket off a paragraph, so that an aside like `（含生育保險費）` stays.
 */
export function looksLikeResponsibility(content: string): boolean {
  const key = matchKey(content);
  if (key === '') return false;
  if (/[牽牵][頭头]|(?:[負负][責责]|配合)$/.test(key) || LABEL_RE.test(key)) return true;
  // 及/和 join units only after a whole name: `市工業和信息化局` is one unit.
  const parts = key.replace(ALL_COUNTIES_RE, '各縣政府').split(new RegExp(`[、,;]|(?<=[${AGENCY_ENDINGS}])[及和]`));
  return parts.every((p) => p.length >= 2 && p.length <= 30 && AGENCY_ENDINGS.includes(p[p.length - 1]));
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

/** The responsibility clause of a paragraph, or null when it states none. */
export function responsibilityIn(text: string): ResponsibilityAt | null {
  const folded = foldText(text);
  const lead = folded.search(/\S/);
  // A whole-line bracket names its units whatever they look like (the published notice does so).
  if (folded[lead] === '[') {
    const close = folded.lastIndexOf(']');
    return { ...trimmed(text, lead + 1, close > lead ? close : folded.length), bodyEnd: lead };
  }
  return labels(text, folded) ?? closingBracket(text, folded);
}
