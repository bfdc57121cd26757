import { foldText, matchKey, splitSpans, type Span } from './normalize';
import type { ParsedTarget } from './types';

// Only a few phrase shapes state a goal; every other number in a notice (durations, ages, years,
// ratios in names like 1+2+7+N) describes eligibility or context and must stay out.

/** 3,000 is one number (a comma between digit groups is not a clause break, see isClauseBreak). */
const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
/** 萬 multiplies, unless it is part of the unit 萬元. */
const TEN_THOUSAND = '([萬万](?![元]))?';
/** Longest first, so 萬元 wins over 元 and 人次 over 人. */
const UNIT = '(萬元|万元|億元|亿元|人次|元|%|個|个|人|家|次|場|场|項|项|名|戶|户|天|日|年|所)';
const AT_LEAST_WORDS = '不少[于於]|不低[于於]|至少|[達达]到';
const AT_MOST_WORDS = '[縮缩]短[為为至]|[壓压][縮缩][至為为]|不超[過过]|不多[于於]|控制在';

const AT_LEAST_RE = new RegExp(`(?:${AT_LEAST_WORDS})${NUMBER}${TEN_THOUSAND}${UNIT}(?:以上)?`, 'g');
const AT_MOST_RE = new RegExp(`(?:${AT_MOST_WORDS})${NUMBER}${TEN_THOUSAND}${UNIT}(?:以[內内]|以下)?`, 'g');
const OR_MORE_RE = new RegExp(`(?<![\\d.,+~\\-])${NUMBER}${TEN_THOUSAND}${UNIT}以上`, 'g');

const CANONICAL_UNIT: Readonly<Record<string, string>> = {
  万元: '萬元', 亿元: '億元', 个: '個', 场: '場', 项: '項', 户: '戶',
};

/** `工作1年以上`, `失業6個月以上` describe who qualifies, not what must be achieved. */
const DURATION_UNITS = new Set(['年', '天', '日']);

/**
 * Clauses that set conditions (`對招用…的企業`, `符合條件的`, `給予…補貼`) mention thresholds that
 * are not goals of the notice.
 */
const CONDITION_RE = /^(?:對(?![接口])|对(?![接口])|凡)|符合|年[滿满]|[連连][續续]|[給给]予/;

/**
 * Verbs and adverbs that open a goal clause but are not part of what is counted. Longest first
 * so that 每年 is tried before a shorter word could match.
 */
const LEADING_WORDS = [
  '進一步', '每季度', '每年', '每月', '全年', '全市', '全省', '各地', '年內', '年内', '年均', '今年',
  '力爭', '確保', '爭取', '累計', '發放', '募集', '開發', '儲備', '提供', '新增', '完成', '實現', '帶動',
  '組織', '發動', '推動', '舉辦', '開展', '吸納', '安排', '招募', '打造', '培育', '將', '把',
].sort((a, b) => b.length - a.length);

/**
 * Verbs whose object is the counted thing: in `事業單位2024年提供…` the text before 提供 is who
 * acts, so the name is what follows the verb, or failing that the noun after the unit.
 */
const OBJECT_VERBS = ['發放', '募集', '開發', '儲備', '提供', '完成', '實現', '帶動', '組織', '發動', '舉辦', '開展', '吸納', '安排', '招募', '打造', '培育', '將', '把'];

/** Where a noun after the number ends (`工作崗位面向高校畢業生招聘` -> 工作崗位). */
const NOUN_STOP_RE = /面向|用[于於]|[給给]予|[並并]|以|供|在|[從从]|[對对]|按|由|等|的|向|[為为]|和|及|、/;

const YEAR_PHRASE = '(?:[到至在於于])?(?:19|20)\\d{2}年(?:底|[內内]|度|前)?';
const LEADING_YEAR_RE = new RegExp(`^${YEAR_PHRASE}`);
const TRAILING_YEAR_RE = new RegExp(`${YEAR_PHRASE}$`);
const YEAR_RE = /(?<!\d)((?:19|20)\d{2})年/g;

function stripLeading(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(LEADING_YEAR_RE, '').replace(/^的/, '');
    const word = LEADING_WORDS.find((w) => out.startsWith(w));
    if (word && out.length > word.length) out = out.slice(word.length);
    else if (word) out = '';
  }
  return out;
}

function stripTrailing(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(TRAILING_YEAR_RE, '').replace(/的$/, '');
  }
  return out;
}

/** The counted noun written before the keyword, e.g. `每年募集見習崗位` -> 見習崗位. */
function nameBefore(prefix: string): string {
  let s = stripLeading(prefix);
  let cut = -1;
  for (const verb of OBJECT_VERBS) {
    const at = s.lastIndexOf(verb);
    if (at >= 0) cut = Math.max(cut, at + verb.length);
  }
  if (cut >= 0) s = s.slice(cut);
  return stripTrailing(stripLeading(s));
}

/** The counted noun written after the unit, e.g. `以上公益性崗位` -> 公益性崗位. */
function nameAfter(rest: string): string {
  const s = rest.replace(/^的/, '');
  const stop = NOUN_STOP_RE.exec(s);
  return stripTrailing(stop ? s.slice(0, stop.index) : s);
}

function yearsIn(key: string): number[] {
  return [...key.matchAll(YEAR_RE)].map((m) => Number(m[1]));
}

function toValue(num: string, tenThousand: string | undefined): number {
  const value = Number(num.replace(/,/g, '')) * (tenThousand ? 10000 : 1);
  // 1.1萬 must be 11000, not 11000.000000000002.
  return Math.round(value * 1e6) / 1e6;
}

interface Hit {
  index: number;
  end: number;
  value: number;
  unit: string;
  direction: ParsedTarget['direction'];
  name: string;
}

function isYearLike(value: number, unit: string): boolean {
  return unit === '年' && value >= 1900 && value <= 2100;
}

function hitsInClause(key: string): Hit[] {
  if (CONDITION_RE.test(key)) return [];
  const hits: Hit[] = [];
  const keyword = (re: RegExp, direction: Hit['direction']): void => {
    for (const m of key.matchAll(re)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (key[end] === '+') continue;
      const value = toValue(m[1], m[2]);
      const unit = CANONICAL_UNIT[m[3]] ?? m[3];
      if (isYearLike(value, unit)) continue;
      const name = nameBefore(key.slice(0, index)) || nameAfter(key.slice(end));
      hits.push({ index, end, value, unit, direction, name });
    }
  };
  keyword(AT_LEAST_RE, 'AT_LEAST');
  keyword(AT_MOST_RE, 'AT_MOST');
  for (const m of key.matchAll(OR_MORE_RE)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (hits.some((h) => index < h.end && end > h.index)) continue;
    const unit = CANONICAL_UNIT[m[3]] ?? m[3];
    if (DURATION_UNITS.has(unit)) continue;
    const value = toValue(m[1], m[2]);
    const name = nameAfter(key.slice(end)) || nameBefore(key.slice(0, index));
    hits.push({ index, end, value, unit, direction: 'AT_LEAST', name });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** A comma between digits is a thousands separator (3,000個), not a clause break. */
function isClauseBreak(folded: string, i: number): boolean {
  const ch = folded[i];
  if (ch === ',') return !(/\d/.test(folded[i - 1] ?? '') && /^\d{3}(?!\d)/.test(folded.slice(i + 1)));
  return ch === '。' || ch === ';' || ch === ':' || ch === '!' || ch === '?';
}

function isSentenceBreak(folded: string, i: number): boolean {
  const ch = folded[i];
  return ch === '。' || ch === '!' || ch === '?';
}

function yearFor(clauseKey: string, before: string, after: string, fallback: number): number {
  const inClause = yearsIn(clauseKey);
  if (inClause.length > 0) return inClause[0];
  const earlier = yearsIn(before);
  if (earlier.length > 0) return earlier[earlier.length - 1];
  return yearsIn(after)[0] ?? fallback;
}

/**
 * Reads the goals a measure's body states. Names come from the normalized text (so they do not
 * depend on stray spaces or full-width forms); sourcePhrase is the clause as written.
 */
export function extractTargets(body: string, defaultYear: number): ParsedTarget[] {
  const folded = foldText(body);
  const targets: ParsedTarget[] = [];
  for (const sentence of splitSpans(folded, isSentenceBreak)) {
    const sentenceText = body.slice(sentence.start, sentence.end);
    const clauses: Span[] = splitSpans(folded.slice(sentence.start, sentence.end), isClauseBreak);
    for (const clause of clauses) {
      const written = sentenceText.slice(clause.start, clause.end);
      const key = matchKey(written);
      const hits = hitsInClause(key);
      if (hits.length === 0) continue;
      const year = yearFor(
        key,
        matchKey(sentenceText.slice(0, clause.start)),
        matchKey(sentenceText.slice(clause.end)),
        defaultYear,
      );
      for (const hit of hits) {
        targets.push({
          // With no noun to be found, the clause itself tells a reviewer what to put in target-names.json.
          name: hit.name || key,
          unit: hit.unit,
          targetValue: hit.value,
          direction: hit.direction,
          year,
          sourcePhrase: written.trim(),
        });
      }
    }
  }
  return targets;
}
