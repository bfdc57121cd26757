import { matchKey } from './normalize';
import type { CountyInput, ParsedResponsibility } from './types';

type Role = ParsedResponsibility['role'];

/** One unit as the bracket names it, before group names are expanded. */
export interface RawUnit {
  name: string;
  role: Role;
}

/**
 * Stands in for `各縣(市、區)政府` while splitting: the 、 inside its parentheses would otherwise
 * cut it in two. A private-use character cannot occur in a real notice.
 */
const ALL_COUNTIES = '\ue000';

/** `各縣(市、區)政府`, `各縣(市、區)人民政府`, and the same in simplified characters. */
const ALL_COUNTIES_PATTERN = /各[縣县]\(市[、,]?[區区]\)(?:人民政府|政府)?/g;

/** `市就業工作領導小組成員單位`, `領導小組各成員單位` ... */
const MEMBER_UNITS_PATTERN = /成[員员][單单]位$/;

const LEAD_MARK = /[牽牵][頭头]/;

/** How a clause says "does its part"; the words carry no unit, so they are cut off. */
const ROLE_SUFFIX = /(?:按照?[職职][責责]分工|按照?[職职][責责]|分工|共同|協助|协助|協同|协同)?(?:[負负][責责]|配合|參與|参与|落實|落实)$/;

/**
 * 及 and 和 join units but also occur inside names (`市人力資源和社會保障局`). They only separate
 * when the text before them already ends like an agency name.
 */
const AGENCY_ENDINGS = new Set([
  ...'局委府辦办會会聯联部行院廳厅處处室所隊队站社團团司位心署館馆校宮宫庭組组關关',
  ALL_COUNTIES,
]);

/** Splits at top level only: a separator inside parentheses belongs to a name (`市委(市政府)辦公室`). */
function splitTopLevel(s: string, isSeparator: (s: string, i: number) => boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(s, i)) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function splitUnits(clause: string): string[] {
  return splitTopLevel(clause, (s, i) => {
    const ch = s[i];
    if (ch === '、') return true;
    if (ch !== '及' && ch !== '和') return false;
    return i > 0 && i < s.length - 1 && AGENCY_ENDINGS.has(s[i - 1]);
  });
}

function cleanUnit(name: string): string {
  return name.replace(/^(?:由|其他)/, '').replace(/等$/, '');
}

function unitsOfPart(part: string, role: Role): RawUnit[] {
  const units: RawUnit[] = [];
  for (const clause of splitTopLevel(part, (s, i) => s[i] === ',' || s[i] === ';')) {
    let bare = clause.replace(LEAD_MARK, '');
    // `負責落實`, `按職責分工負責`: role words can stack.
    for (let prev = ''; prev !== bare; ) {
      prev = bare;
      bare = bare.replace(ROLE_SUFFIX, '');
    }
    for (const unit of splitUnits(bare)) {
      const name = cleanUnit(unit);
      if (name !== '') units.push({ name, role });
    }
  }
  return units;
}

/**
 * Reads the bracket text (`A牽頭,B、C及各縣(市、區)政府按職責分工負責`) into units with roles.
 * Everything before the first 牽頭 leads; everything after it (or everything, when no unit leads)
 * cooperates.
 */
export function splitResponsibilityText(text: string): RawUnit[] {
  const key = matchKey(text)
    .replace(ALL_COUNTIES_PATTERN, ALL_COUNTIES)
    // `市人力資源社會保障局(牽頭)` says the same as `…牽頭`; the parentheses would hide the mark.
    .replace(/\(([牽牵][頭头])\)/g, '$1');
  const lead = LEAD_MARK.exec(key);
  if (!lead) return unitsOfPart(key, 'CO');
  return [
    ...unitsOfPart(key.slice(0, lead.index), 'LEAD'),
    ...unitsOfPart(key.slice(lead.index + lead[0].length), 'CO'),
  ];
}

export type ResolvedUnit =
  | { kind: 'ALL_COUNTIES' }
  | { kind: 'MEMBER_UNITS' }
  | { kind: 'COUNTY'; county: CountyInput }
  | { kind: 'DEPARTMENT'; name: string; regionCode: string | null };

/** What a unit name refers to. */
export function resolveUnit(name: string, counties: readonly CountyInput[]): ResolvedUnit {
  if (name.includes(ALL_COUNTIES)) return { kind: 'ALL_COUNTIES' };
  if (MEMBER_UNITS_PATTERN.test(name)) return { kind: 'MEMBER_UNITS' };
  for (const county of counties) {
    const countyKey = matchKey(county.name);
    if (countyKey === '' || !name.startsWith(countyKey)) continue;
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
    } else if (r.role === 'LEAD') {
      existing.role = 'LEAD';
    }
  };
  const addCounty = (county: CountyInput, role: Role): void =>
    add({ agencyName: county.name, kind: 'COUNTY', regionCode: county.regionCode, role });
  const addDepartment = (name: string, regionCode: string | null, role: Role): void =>
    add({ agencyName: name, kind: 'DEPARTMENT', regionCode, role });

  for (const unit of rawUnits) {
    const resolved = resolveUnit(unit.name, ctx.counties);
    switch (resolved.kind) {
      case 'ALL_COUNTIES':
        for (const county of ctx.counties) addCounty(county, unit.role);
        break;
      case 'MEMBER_UNITS':
        for (const member of ctx.memberUnits) {
          // A member unit may itself be a county government (when memberUnits come from options).
          const inner = resolveUnit(matchKey(member), ctx.counties);
          if (inner.kind === 'COUNTY') addCounty(inner.county, unit.role);
          else if (inner.kind === 'DEPARTMENT') addDepartment(inner.name, inner.regionCode, unit.role);
        }
        break;
      case 'COUNTY':
        addCounty(resolved.county, unit.role);
        break;
      case 'DEPARTMENT':
        addDepartment(resolved.name, resolved.regionCode, unit.role);
        break;
    }
  }
  return result;
}
