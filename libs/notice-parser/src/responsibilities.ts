import { CONVENTION_IN_CLAUSE_RE, type Convention } from './conventions';
import { append, keyed, matchKey } from './normalize';
import { AGENCY_ENDINGS } from './responsibility-text';
import type { CountyInput, ParsedResponsibility } from './types';

type Role = ParsedResponsibility['role'];

/** One unit as the clause names it, before group names are expanded. */
export interface RawUnit {
  name: string;
  role: Role;
  /** The words that named it, as written (exactly sourceText between the unit's offsets). */
  words: string;
  roleWords: string;
}

/** A responsibility clause as written, with the sourceText offset of each of its characters. */
export interface ClauseText {
  written: string;
  at: readonly number[];
  /** A table column says the role (牽頭單位 / 配合單位): every unit of the clause has it. */
  role?: Role;
  /** The column's name, the units' roleWords when `role` is given. */
  roleWords?: string;
}

/** One character of the clause's match key and the sourceText range it stands for. */
interface Token {
  ch: string;
  s: number;
  e: number;
}

/**
 * Stands in for `各縣(市、區)政府` while splitting: the 、 inside its parentheses would otherwise
 * cut it in two. A private-use character cannot occur in a real notice.
 */
const ALL_COUNTIES = '\ue000';
/**
 * `各縣（市、區）(人民)政府` or `各縣（市、區）` alone stand for the counties; `各縣（市、區）人力資源社會保障局`
 * (the counties' bureaus) is a unit of its own, kept as written.
 */
const ALL_COUNTIES_PATTERN = /各[縣县]\(市[、,]?[區区]\)(?:人民政府|政府|(?![^、,;]*[局委]))/g;
const MEMBER_UNITS_PATTERN = /成[員员][單单]位$/;
const LEAD_MARK = /[牽牵][頭头]/;
/** `牽頭單位：` or, in a bracket of its own, `【牽頭單位】`. */
const LABELS = /\[?([牽牵][頭头]|[責责]任|配合|[參参]與|参与|[協协][辦办]|主[責责])[單单]位(?::|\])/g;

/** How a clause says "does its part"; the words carry no unit, so they are cut off. */
const ROLE_SUFFIX = /(?:按照?[職职][責责]分工|按照?[職职][責责]|分工|共同|協助|协助|協同|协同)?(?:[負负][責责]|配合|參與|参与|落實|落实)$/;

const ENDINGS = new Set([...AGENCY_ENDINGS, ALL_COUNTIES]);

const textOf = (tokens: readonly Token[]): string => tokens.map((t) => t.ch).join('');

function wordsOf(tokens: readonly Token[], source: string): string {
  return tokens.length === 0 ? '' : source.slice(tokens[0].s, tokens[tokens.length - 1].e);
}

/** Replaces each match by one token covering it (`各縣(市、區)政府` -> one placeholder). */
function collapse(tokens: Token[], re: RegExp, ch: string | null): Token[] {
  const key = textOf(tokens);
  const out: Token[] = [];
  let last = 0;
  for (const m of key.matchAll(re)) {
    const i = m.index ?? 0;
    append(out, tokens.slice(last, i));
    const span = tokens.slice(i, i + m[0].length);
    // ch null keeps the inner characters and drops the parentheses: `(牽頭)` says `牽頭`.
    if (ch === null) append(out, span.slice(1, -1));
    else out.push({ ch, s: span[0].s, e: span[span.length - 1].e });
    last = i + m[0].length;
  }
  append(out, tokens.slice(last));
  return out;
}

/** Splits at top level only: a separator inside parentheses belongs to a name (`市委(市政府)辦公室`). */
function splitTopLevel(tokens: Token[], isSeparator: (t: Token[], i: number) => boolean): Token[][] {
  const parts: Token[][] = [];
  let depth = 0;
  let start = 0;
  tokens.forEach((t, i) => {
    if (t.ch === '(') depth++;
    else if (t.ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(tokens, i)) {
      parts.push(tokens.slice(start, i));
      start = i + 1;
    }
  });
  parts.push(tokens.slice(start));
  return parts;
}

/** 及 and 和 join units but also occur inside names (`市人力資源和社會保障局`). */
function splitUnits(clause: Token[]): Token[][] {
  return splitTopLevel(clause, (t, i) => {
    const ch = t[i].ch;
    if (ch === '、') return true;
    if (ch !== '及' && ch !== '和') return false;
    return i > 0 && i < t.length - 1 && ENDINGS.has(t[i - 1].ch);
  });
}

function cleanUnit(tokens: Token[]): Token[] {
  let t = tokens;
  const text = textOf(t);
  if (text.startsWith('其他')) t = t.slice(2);
  else if (text.startsWith('由')) t = t.slice(1);
  if (textOf(t).endsWith('等')) t = t.slice(0, -1);
  return t;
}

function unitsOfPart(part: Token[], role: Role, leadWords: string, source: string): RawUnit[] {
  const clauses = splitTopLevel(part, (t, i) => t[i].ch === ',' || t[i].ch === ';').map((clause) => {
    let bare = clause;
    const lead = LEAD_MARK.exec(textOf(bare));
    if (lead) bare = [...bare.slice(0, lead.index), ...bare.slice(lead.index + lead[0].length)];
    // `負責落實`, `按職責分工負責`: role words can stack.
    let suffixStart = bare.length;
    for (let m = ROLE_SUFFIX.exec(textOf(bare)); m && m[0] !== ''; m = ROLE_SUFFIX.exec(textOf(bare.slice(0, suffixStart)))) {
      suffixStart = m.index;
    }
    return { units: bare.slice(0, suffixStart), suffix: wordsOf(bare.slice(suffixStart), source) };
  });
  const units: RawUnit[] = [];
  clauses.forEach((clause, i) => {
    // `市財政局,市稅務局按職責分工負責`: the role words closing the part apply to the clauses before.
    const roleWords = role === 'LEAD' ? leadWords : (clauses.slice(i).find((c) => c.suffix !== '')?.suffix ?? '');
    for (const unit of splitUnits(clause.units)) {
      const cleaned = cleanUnit(unit);
      if (cleaned.length > 0) units.push({ name: textOf(cleaned), role, words: wordsOf(cleaned, source), roleWords });
    }
  });
  return units;
}

/** `A牽頭,B、C按職責分工負責`: units before the first 牽頭 lead, the others cooperate. */
function unitsOfGroup(group: Token[], source: string): RawUnit[] {
  const lead = LEAD_MARK.exec(textOf(group));
  if (!lead) return unitsOfPart(group, 'CO', '', source);
  const mark = group.slice(lead.index, lead.index + lead[0].length);
  return [
    ...unitsOfPart(group.slice(0, lead.index), 'LEAD', wordsOf(mark, source), source),
    ...unitsOfPart(group.slice(lead.index + lead[0].length), 'CO', '', source),
  ];
}

/**
 * Words in a clause that name no unit: a deadline (`完成時限：2025年9月30日前`, up to the next `；`)
 * and a convention stated in the clause (`，列第一位者為牽頭單位，下同`).
 */
const DEADLINE_RE = /(?:完成)?(?:[時时]限|[時时][間间](?:[節节][點点]|[進进]度|安排|要求)?|[進进]度(?:安排|要求)?)(?:要求)?:[^;]*;?/g;

function withoutWords(tokens: Token[], re: RegExp): Token[] {
  const key = textOf(tokens);
  const keep = tokens.slice();
  for (const m of key.matchAll(re)) keep.fill({ ch: '', s: -1, e: -1 }, m.index ?? 0, (m.index ?? 0) + m[0].length);
  return keep.filter((t) => t.s >= 0);
}

/** `牽頭單位：A；責任單位：B、C`: each label gives the role of the units after it. */
function unitsOfLabels(tokens: Token[], source: string): RawUnit[] | null {
  const key = textOf(tokens);
  const labels = [...key.matchAll(LABELS)];
  if (labels.length === 0) return null;
  const units: RawUnit[] = [];
  labels.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = i + 1 < labels.length ? (labels[i + 1].index ?? key.length) : key.length;
    // roleWords are the label's words (`牽頭單位`), without its colon or brackets.
    const labelAt = (m.index ?? 0) + (m[0].startsWith('[') ? 1 : 0);
    const label = tokens.slice(labelAt, labelAt + m[1].length + 2);
    const role: Role = LEAD_MARK.test(m[1]) ? 'LEAD' : 'CO';
    const part = tokens.slice(start, end);
    while (part.length > 0 && /[;,。]/.test(part[part.length - 1].ch)) part.pop();
    for (const u of unitsOfPart(part, 'CO', '', source)) {
      units.push({ ...u, role, roleWords: wordsOf(label, source) });
    }
  });
  return units;
}

/**
 * Reads a responsibility clause (`A牽頭,B、C及各縣(市、區)政府按職責分工負責`) into units with roles
 * and the words behind each. With a convention and no 牽頭 in the clause, its first unit leads.
 */
export function unitsOf(clause: ClauseText, source: string, convention: Convention | null = null): RawUnit[] {
  const { key, at } = keyed(clause.written);
  let tokens: Token[] = [...key].map((ch, k) => ({ ch, s: clause.at[at[k]], e: clause.at[at[k]] + 1 }));
  tokens = collapse(tokens, ALL_COUNTIES_PATTERN, ALL_COUNTIES);
  tokens = collapse(tokens, /\([牽牵][頭头]\)/g, null);
  tokens = withoutWords(withoutWords(tokens, DEADLINE_RE), CONVENTION_IN_CLAUSE_RE);
  while (tokens.length > 0 && /[;,。]/.test(tokens[tokens.length - 1].ch)) tokens.pop();
  if (clause.role) {
    const role = clause.role;
    return unitsOfPart(tokens, 'CO', '', source).map((u) => ({ ...u, role, roleWords: clause.roleWords ?? '' }));
  }
  const units =
    unitsOfLabels(tokens, source) ?? splitTopLevel(tokens, (t, i) => t[i].ch === ';').flatMap((group) => unitsOfGroup(group, source));
  if (convention && (clause.at[0] ?? 0) >= convention.from && units.length > 0 && units.every((u) => u.role === 'CO')) {
    units[0] = { ...units[0], role: 'LEAD', roleWords: convention.words };
  }
  return units;
}

/** The clause alone (tests, callers without a notice): offsets are those of the text itself. */
export function splitResponsibilityText(text: string): RawUnit[] {
  return unitsOf({ written: text, at: [...text].map((_, i) => i) }, text);
}

export type ResolvedUnit =
  | { kind: 'ALL_COUNTIES' }
  | { kind: 'MEMBER_UNITS' }
  | { kind: 'COUNTY'; county: CountyInput }
  | { kind: 'DEPARTMENT'; name: string; regionCode: string | null };

/** Just the characters county names differ in between scripts, so `开平市` finds `開平市`. */
const SCRIPT_FOLD: Readonly<Record<string, string>> = { 区: '區', 会: '會', 开: '開', 鹤: '鶴', 县: '縣', 门: '門' };
const foldScript = (s: string): string => [...s].map((c) => SCRIPT_FOLD[c] ?? c).join('');

/** What a unit name refers to. */
export function resolveUnit(name: string, counties: readonly CountyInput[]): ResolvedUnit {
  if (name.includes(ALL_COUNTIES)) return { kind: 'ALL_COUNTIES' };
  if (MEMBER_UNITS_PATTERN.test(name)) return { kind: 'MEMBER_UNITS' };
  for (const county of counties) {
    const countyKey = foldScript(matchKey(county.name));
    if (countyKey === '' || !foldScript(name).startsWith(countyKey)) continue;
    const rest = name.slice(countyKey.length);
    if (rest === '' || rest === '政府' || rest === '人民政府') return { kind: 'COUNTY', county };
    // A county's own bureau answers to that county, not to the city.
    return { kind: 'DEPARTMENT', name, regionCode: county.regionCode };
  }
  return { kind: 'DEPARTMENT', name, regionCode: null };
}

/** City-level departments in order of first appearance: the default for 成員單位. */
export function departmentsNamed(rawUnits: readonly RawUnit[], counties: readonly CountyInput[]): string[] {
  const seen = new Set<string>();
  for (const unit of rawUnits) {
    const resolved = resolveUnit(unit.name, counties);
    if (resolved.kind === 'DEPARTMENT' && resolved.regionCode === null) seen.add(resolved.name);
  }
  return [...seen];
}

export interface ExpansionContext {
  counties: readonly CountyInput[];
  memberUnits: readonly string[];
}

/** Expands group names and drops repeats; a unit keeps its first place, and LEAD beats CO. */
export function expandResponsibilities(rawUnits: readonly RawUnit[], ctx: ExpansionContext): ParsedResponsibility[] {
  const result: ParsedResponsibility[] = [];
  const byKey = new Map<string, ParsedResponsibility>();
  const add = (r: ParsedResponsibility): void => {
    const key = `${r.kind}|${r.agencyName}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, r);
      result.push(r);
    } else if (r.role === 'LEAD' && existing.role !== 'LEAD') {
      existing.role = 'LEAD';
      existing.roleWords = r.roleWords;
    }
  };
  for (const unit of rawUnits) {
    const explain = { role: unit.role, words: unit.words, roleWords: unit.roleWords };
    const addCounty = (county: CountyInput): void =>
      add({ agencyName: county.name, kind: 'COUNTY', regionCode: county.regionCode, ...explain });
    const addDepartment = (name: string, regionCode: string | null): void =>
      add({ agencyName: name, kind: 'DEPARTMENT', regionCode, ...explain });
    const resolved = resolveUnit(unit.name, ctx.counties);
    switch (resolved.kind) {
      case 'ALL_COUNTIES':
        ctx.counties.forEach(addCounty);
        break;
      case 'MEMBER_UNITS':
        for (const member of ctx.memberUnits) {
          // A member unit may itself be a county government (when memberUnits come from options).
          const inner = resolveUnit(matchKey(member), ctx.counties);
          if (inner.kind === 'COUNTY') addCounty(inner.county);
          else if (inner.kind === 'DEPARTMENT') addDepartment(inner.name, inner.regionCode);
        }
        break;
      case 'COUNTY':
        addCounty(resolved.county);
        break;
      case 'DEPARTMENT':
        addDepartment(resolved.name, resolved.regionCode);
        break;
    }
  }
  return result;
}
