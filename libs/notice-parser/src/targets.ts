import { foldText, keyed, matchKey, splitSpans, type Span } from './normalize';
import type { ParsedTarget } from './types';

// Only a few phrase shapes state a goal; every other number in a notice (durations, ages, years,
// ratios in names like 1+2+7+N) describes eligibility or context and must stay out.

/** 3,000 is one number (a comma between digit groups is not a clause break, see isClauseBreak). */
const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
/** 萬 multiplies, unless it is part of the unit 萬元. */
const TEN_THOUSAND = '([萬万](?![元]))?';
/** Longest first, so 萬元 wins over 元, 人次 over 人 and 個工作日 over 個. */
const UNIT =
  '(個工作日|个工作日|工作日|個月|个月|周歲|周岁|萬元|万元|億元|亿元|人次|元|%|個|个|人|家|次|場|场|項|项|名|戶|户|天|日|年|歲|岁|所)';
const AT_LEAST_WORDS = '不少[于於]|不低[于於]|至少|[達达]到';
const AT_MOST_WORDS = '[縮缩]短[為为至]|[壓压][縮缩][至為为]|不超[過过]|不多[于於]|控制在';

/** 至少 may stand before the verb: `至少建成1個`, `至少舉辦2場`. */
const AT_LEAST_RE = new RegExp(`(?:${AT_LEAST_WORDS}|至少[^\\d,;:。]{1,3}?)${NUMBER}${TEN_THOUSAND}${UNIT}(?:以上)?`, 'g');
const AT_MOST_RE = new RegExp(`(?:${AT_MOST_WORDS})${NUMBER}${TEN_THOUSAND}${UNIT}(?:以[內内]|以下)?`, 'g');
const OR_MORE_RE = new RegExp(`(?<![\\d.,+~\\-])${NUMBER}${TEN_THOUSAND}${UNIT}以上`, 'g');

const CANONICAL_UNIT: Readonly<Record<string, string>> = {
  万元: '萬元',
  亿元: '億元',
  个: '個',
  场: '場',
  项: '項',
  户: '戶',
  個工作日: '工作日',
  个工作日: '工作日',
  个月: '個月',
  周岁: '周歲',
  岁: '歲',
};

/**
 * Never a goal: sums of money (額度最高不超過30萬元, 資金規模達到5億元), ages, and years or months,
 * which measure a scheme (期限不超過3年, 補貼期限最長不超過12個月) or who qualifies.
 */
const NOT_GOAL_UNITS = new Set(['萬元', '億元', '元', '年', '個月', '周歲', '歲']);

/** A rate of money (貼息比例不低于50%, 返還比例…60%, 掛鈎資金比例) is a term of a scheme, not a goal. */
const MONEY_RATE_RE =
  /[資资]金.{0,2}比例|[報报]酬|[貼贴]息|[補补][貼贴]|返[還还]|[報报][銷销]|[費费]率|利率|[繳缴][費费]|[擔担]保|[資资]助|[獎奖][補补]|[標标]準|标准/;

/** A ceiling on what one person may draw (`每人每年享受…補貼最多不超過3次`) limits a benefit. */
const BENEFIT_RE = /[補补][貼贴]|享受|[資资]助|[獎奖][補补]/;

/** Words that make a clause a goal even with a bare number: 力爭新增就業1.2萬人, 確保…100%實現就業. */
const GOAL_ADVERB_RE = /力[爭争]|[確确]保|[爭争]取/;
const GOAL_WORD_RE = new RegExp(`${AT_LEAST_WORDS}|${AT_MOST_WORDS}|力[爭争]|[確确]保`);
const BARE_RE = new RegExp(`(?<![\\d.,+~\\-])${NUMBER}${TEN_THOUSAND}${UNIT}`, 'g');

/** `工作1年以上`, `失業6個月以上` describe who qualifies, not what must be achieved. */
const DURATION_UNITS = new Set(['年', '天', '日', '工作日']);

/**
 * Clauses that set conditions (`對招用…的企業`, `符合條件的`, `給予…補貼`) mention thresholds that
 * are not goals of the notice.
 */
const CONDITION_RE = /符合|年[滿满]|[連连][續续]|[給给]予/;
/**
 * `對招用…10人以上的企業`: a clause opening with 對/凡 sets a condition unless it states a goal; a
 * point's own number may stand before it (`2.對一次性裁員20人以上…的企業`, `二是對…`).
 */
const ADDRESSED_RE = /^(?:\d{1,2}[.、]|\(\d{1,2}\)|[一二三四五六七八九十]是)?(?:對(?![接口])|对(?![接口])|凡)/;

/**
 * Verbs and adverbs that open a goal clause but are not part of what is counted. Longest first
 * so that 每年 is tried before a shorter word could match.
 */
const LEADING_WORDS = [
  '進一步',
  '每季度',
  '每年',
  '每月',
  '全年',
  '全市',
  '全省',
  '各地',
  '年內',
  '年内',
  '年均',
  '今年',
  '力爭',
  '確保',
  '爭取',
  '累計',
  '發放',
  '募集',
  '開發',
  '儲備',
  '提供',
  '新增',
  '完成',
  '實現',
  '帶動',
  '組織',
  '發動',
  '推動',
  '舉辦',
  '開展',
  '吸納',
  '安排',
  '招募',
  '打造',
  '培育',
  '將',
  '把',
].sort((a, b) => b.length - a.length);

/**
 * Verbs whose object is the counted thing: in `事業單位2024年提供…` the text before 提供 is who
 * acts, so the name is what follows the verb, or failing that the noun after the unit.
 */
const OBJECT_VERBS = [
  '發放',
  '募集',
  '開發',
  '儲備',
  '提供',
  '完成',
  '實現',
  '帶動',
  '組織',
  '發動',
  '舉辦',
  '開展',
  '吸納',
  '安排',
  '招募',
  '打造',
  '培育',
  '將',
  '把',
];

/** Where a noun after the number ends (`工作崗位面向高校畢業生招聘` -> 工作崗位). */
const NOUN_STOP_RE = /面向|用[于於]|[給给]予|[並并]|以|供|在|[從从]|[對对]|按|由|等|的|向|[為为]|和|及|、/;

const YEAR_PHRASE = '(?:[到至在於于])?(?:19|20)\\d{2}年(?:底|[內内]|度|前)?';
const LEADING_YEAR_RE = new RegExp(`^${YEAR_PHRASE}`);
const TRAILING_YEAR_RE = new RegExp(`${YEAR_PHRASE}$`);
const YEAR_RE = /(?<!\d)((?:19|20)\d{2})年/g;

function stripLeading(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out;) {
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
  for (let prev = ''; prev !== out;) {
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

function hitsInClause(key: string): Hit[] {
  if (CONDITION_RE.test(key) || (ADDRESSED_RE.test(key) && !GOAL_WORD_RE.test(key))) return [];
  const hits: Hit[] = [];
  const add = (m: RegExpMatchArray, direction: Hit['direction'], nameFirst: 'before' | 'after', durations: boolean): void => {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    if (hits.some((h) => index < h.end && end > h.index)) return;
    const unit = CANONICAL_UNIT[m[3]] ?? m[3];
    if (NOT_GOAL_UNITS.has(unit) || (!durations && DURATION_UNITS.has(unit))) return;
    // `1+2+7+N`; `留用率達到50%以上的見習單位` and `10人以上的企業` say who qualifies.
    if (key[end] === '+' || key[end] === '的') return;
    if (unit === '%' && MONEY_RATE_RE.test(key.slice(0, index))) return;
    if (direction === 'AT_MOST' && !DURATION_UNITS.has(unit) && BENEFIT_RE.test(key.slice(0, index))) return;
    const before = () => nameBefore(key.slice(0, index));
    const after = () => nameAfter(key.slice(end));
    const name = nameFirst === 'before' ? before() || after() : after() || before();
    hits.push({ index, end, value: toValue(m[1], m[2]), unit, direction, name });
  };
  for (const m of key.matchAll(AT_LEAST_RE)) add(m, 'AT_LEAST', 'before', true);
  for (const m of key.matchAll(AT_MOST_RE)) add(m, 'AT_MOST', 'before', true);
  for (const m of key.matchAll(OR_MORE_RE)) add(m, 'AT_LEAST', 'after', false);
  if (GOAL_ADVERB_RE.test(key)) for (const m of key.matchAll(BARE_RE)) add(m, 'AT_LEAST', 'before', false);
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

/**
 * A goal set for every year: `每年募集…`, `每年度…`, `年均新增…`. Not `每人每年` (what one person may draw)
 * nor a year the clause names (`2025年每年…` still recurs; `2025年` alone does not).
 */
const EVERY_YEAR_RE = /(?<!人)每年|年均/;

function yearFor(clauseKey: string, before: string, after: string, fallback: number): number {
  const inClause = yearsIn(clauseKey);
  if (inClause.length > 0) return inClause[0];
  const earlier = yearsIn(before);
  if (earlier.length > 0) return earlier[earlier.length - 1];
  return yearsIn(after)[0] ?? fallback;
}

/**
 * Reads the goals a measure's body states. Names come from the normalized text (so they do not
 * depend on stray spaces or full-width forms); sourcePhrase is the clause as written. With `at`
 * (the sourceText offset of each body character) each target gets the span of its goal words.
 */
export function extractTargets(body: string, defaultYear: number, at?: readonly number[]): ParsedTarget[] {
  const folded = foldText(body);
  const targets: ParsedTarget[] = [];
  for (const sentence of splitSpans(folded, isSentenceBreak)) {
    const sentenceText = body.slice(sentence.start, sentence.end);
    const clauses: Span[] = splitSpans(folded.slice(sentence.start, sentence.end), isClauseBreak);
    for (const clause of clauses) {
      const written = sentenceText.slice(clause.start, clause.end);
      const { key, at: keyAt } = keyed(written);
      const hits = hitsInClause(key);
      if (hits.length === 0) continue;
      // A year named later reaches back over commas, not over a `；` (`全年…2萬人次以上；到2027年，…6萬人`).
      const after = matchKey(sentenceText.slice(clause.end));
      const year = yearFor(key, matchKey(sentenceText.slice(0, clause.start)), after.split(';')[0], defaultYear);
      const offset = (k: number): number => (at ? at[sentence.start + clause.start + keyAt[k]] : -1);
      for (const hit of hits) {
        const target: ParsedTarget = {
          // With no noun to be found, the clause itself tells a reviewer what to put in target-names.json.
          name: hit.name || key,
          unit: hit.unit,
          targetValue: hit.value,
          direction: hit.direction,
          year,
          sourcePhrase: written.trim(),
        };
        if (EVERY_YEAR_RE.test(key.slice(0, hit.index))) target.everyYear = true;
        if (at) target.span = { start: offset(hit.index), end: offset(hit.end - 1) + 1 };
        targets.push(target);
      }
    }
  }
  return targets;
}
