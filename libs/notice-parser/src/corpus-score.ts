import { matchKey } from './normalize';
import type { ParsedMeasure, ParsedNotice } from './types';

/** A corpus notice's expected parse (see corpus/README.md). */
export interface ExpectedTarget {
  value: number;
  unit: string;
  direction: 'AT_LEAST' | 'AT_MOST';
  year: number;
}

export interface ExpectedMeasure {
  seq: number;
  title: string;
  responsibilities: { name: string; role: 'LEAD' | 'CO' }[];
  targets: ExpectedTarget[];
}

export interface ExpectedNotice {
  shape?: string;
  docNumber: string | null;
  title: string;
  issuedOn: string | null;
  measures: ExpectedMeasure[];
}

export interface Count {
  found: number;
  missed: number;
  extra: number;
}

export interface NoticeScore {
  notice: string;
  measures: Count;
  units: Count;
  targets: Count;
  /** Every difference, named: `measure 3 (…): missed unit 市財政局 CO`. */
  misses: string[];
}

const zero = (): Count => ({ found: 0, missed: 0, extra: 0 });

/** 个项场户 are written 個項場戶 in expected files; everything else as written. */
const UNIT_FOLD: Readonly<Record<string, string>> = { 个: '個', 项: '項', 场: '場', 户: '戶' };
const unitKey = (u: string): string => UNIT_FOLD[u] ?? u;

function tally<T>(count: Count, expected: T[], parsed: T[], keyOf: (t: T) => string): { missed: T[]; extra: T[] } {
  const left = parsed.map(keyOf);
  const missed: T[] = [];
  for (const e of expected) {
    const at = left.indexOf(keyOf(e));
    if (at >= 0) {
      left[at] = '\u0000';
      count.found++;
    } else missed.push(e);
  }
  const extra = parsed.filter((_, i) => left[i] !== '\u0000');
  count.missed += missed.length;
  count.extra += extra.length;
  return { missed, extra };
}

/** Pairs expected and parsed measures by title (as matched), else by running number. */
function pairMeasures(expected: ExpectedMeasure[], parsed: ParsedMeasure[]): Map<ExpectedMeasure, ParsedMeasure> {
  const pairs = new Map<ExpectedMeasure, ParsedMeasure>();
  const used = new Set<ParsedMeasure>();
  for (const e of expected) {
    const byTitle = parsed.find((p) => !used.has(p) && matchKey(p.title) === matchKey(e.title));
    if (byTitle) {
      pairs.set(e, byTitle);
      used.add(byTitle);
    }
  }
  for (const e of expected) {
    if (pairs.has(e)) continue;
    const bySeq = parsed.find((p) => !used.has(p) && p.seq === e.seq);
    if (bySeq) {
      pairs.set(e, bySeq);
      used.add(bySeq);
    }
  }
  return pairs;
}

const targetKey = (t: ExpectedTarget): string => `${t.value} ${unitKey(t.unit)} ${t.direction} ${t.year}`;

/** Scores one notice: measures, units (name + role) and targets (value, unit, direction, year). */
export function scoreNotice(notice: string, expected: ExpectedNotice, parsed: ParsedNotice | null): NoticeScore {
  const score: NoticeScore = { notice, measures: zero(), units: zero(), targets: zero(), misses: [] };
  const parsedMeasures = parsed ? parsed.sections.flatMap((s) => s.measures) : [];
  if (parsed) {
    if (parsed.docNumber !== expected.docNumber) score.misses.push(`docNumber: ${parsed.docNumber} instead of ${expected.docNumber}`);
    if (matchKey(parsed.title) !== matchKey(expected.title)) score.misses.push(`title: "${parsed.title}" instead of "${expected.title}"`);
    if (parsed.issuedOn !== expected.issuedOn) score.misses.push(`issuedOn: ${parsed.issuedOn} instead of ${expected.issuedOn}`);
  }
  const pairs = pairMeasures(expected.measures, parsedMeasures);
  const paired = new Set(pairs.values());
  for (const e of expected.measures) {
    const p = pairs.get(e);
    const where = `measure ${e.seq} (${e.title})`;
    if (p) score.measures.found++;
    else {
      score.measures.missed++;
      score.misses.push(`${where}: missed measure`);
    }
    const units = tally(
      score.units,
      e.responsibilities,
      (p?.responsibilities ?? []).map((r) => ({ name: r.agencyName, role: r.role })),
      (u) => `${matchKey(u.name)} ${u.role}`,
    );
    for (const u of units.missed) score.misses.push(`${where}: missed unit ${u.name} ${u.role}`);
    for (const u of units.extra) score.misses.push(`${where}: extra unit ${u.name} ${u.role}`);
    const targets = tally(
      score.targets,
      e.targets,
      (p?.targets ?? []).map((t) => ({ value: t.targetValue, unit: t.unit, direction: t.direction, year: t.year })),
      targetKey,
    );
    for (const t of targets.missed) score.misses.push(`${where}: missed target ${targetKey(t)}`);
    for (const t of targets.extra) score.misses.push(`${where}: extra target ${targetKey(t)}`);
  }
  for (const p of parsedMeasures.filter((m) => !paired.has(m))) {
    score.measures.extra++;
    score.units.extra += p.responsibilities.length;
    score.targets.extra += p.targets.length;
    score.misses.push(
      `parsed measure ${p.seq} (${p.title}): extra measure with ${p.responsibilities.length} units, ${p.targets.length} targets`,
    );
  }
  return score;
}

export interface Totals {
  measures: Count;
  units: Count;
  targets: Count;
  all: Count;
  precision: number;
  recall: number;
  f1: number;
}

function add(a: Count, b: Count): Count {
  return { found: a.found + b.found, missed: a.missed + b.missed, extra: a.extra + b.extra };
}

export const precisionOf = (c: Count): number => (c.found + c.extra === 0 ? 1 : c.found / (c.found + c.extra));
export const recallOf = (c: Count): number => (c.found + c.missed === 0 ? 1 : c.found / (c.found + c.missed));

/** Sums over notices; precision, recall and F1 over measures, units and targets together. */
export function totalsOf(scores: readonly NoticeScore[]): Totals {
  const measures = scores.reduce((a, s) => add(a, s.measures), zero());
  const units = scores.reduce((a, s) => add(a, s.units), zero());
  const targets = scores.reduce((a, s) => add(a, s.targets), zero());
  const all = add(add(measures, units), targets);
  const precision = precisionOf(all);
  const recall = recallOf(all);
  return {
    measures,
    units,
    targets,
    all,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const cell = (c: Count): string => `${c.found}/${c.found + c.missed} (+${c.extra})`;

/** The score table in Markdown, then every miss. */
export function scoreTable(scores: readonly NoticeScore[]): string {
  const rates = (t: Totals): string => `${pct(t.precision)} | ${pct(t.recall)} | ${pct(t.f1)}`;
  const rows = scores.map(
    (s) => `| ${s.notice} | ${cell(s.measures)} | ${cell(s.units)} | ${cell(s.targets)} | ${rates(totalsOf([s]))} | ${s.misses.length} |`,
  );
  const t = totalsOf(scores);
  const misses = scores.flatMap((s) => s.misses.map((m) => `- ${s.notice}: ${m}`));
  return [
    '| notice | measures found/expected (+extra) | units | targets | precision | recall | F1 | misses |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **total** | ${cell(t.measures)} | ${cell(t.units)} | ${cell(t.targets)} | ${rates(t)} | ${misses.length} |`,
    '',
    `Precision ${pct(t.precision)}, recall ${pct(t.recall)}, F1 ${pct(t.f1)} (measures, units and targets together).`,
    '',
    misses.length === 0 ? 'No misses.' : 'Misses:',
    ...misses,
  ].join('\n');
}
