import { conventionOf } from './conventions';
import { headerOf } from './header';
import { isNumberedLine, markerNumeral } from './markers';
import { chineseNumeral } from './numerals';
import { foldText, matchKey, normalizeNewlines } from './normalize';
import { departmentsNamed, expandResponsibilities, unitsOf, type RawUnit } from './responsibilities';
import { fail, paragraphsOf, structureOf, type MeasureDraft, type SectionDraft } from './structure';
import { applyTargetNames, REVIEWED_TARGET_NAMES } from './reviewed-names';
import { tableOf } from './table';
import { extractTargets } from './targets';
import { NoticeParseError, type ParseOptions, type ParsedMeasure, type ParsedNotice, type ParsedSection, type ParseWarning } from './types';

/** Parts of a notice that state its frame, not a task: their measures are no measures unless they name units. */
const NOT_A_TASK_RE =
  /總體要求|总体要求|指導思想|指导思想|工作目標|工作目标|主要目標|主要目标|基本原則|基本原则|目標任務|目标任务|適用範圍|适用范围/;

/** Parts closing a notice (工作要求, 保障措施 …): no measures when the 一、 items are the measures. */
const CLOSING_PART_RE = /工作要求|保障措施|組織實施|组织实施|組織保障|组织保障|組織領導|组织领导|附[則则]|其他事[項项]/;

/**
 * The longest line a notice can have, in match-key characters: a web copy puts a whole paragraph on
 * one line, and the corpus's longest has a few hundred. Anything longer is no notice (a missing line
 * break, a pasted file) and is refused before any pattern runs over it.
 */
export const MAX_LINE_LENGTH = 5000;

function refuseLongLines(keys: readonly string[]): void {
  const index = keys.findIndex((k) => k.length > MAX_LINE_LENGTH);
  if (index < 0) return;
  const line = index + 1;
  const length = keys[index].length;
  throw new NoticeParseError(
    `第${line}行过长(${length}字,一行最多${MAX_LINE_LENGTH}字),请检查是否缺少换行 / line ${line} is too long (${length} characters, at most ${MAX_LINE_LENGTH}): is a line break missing?`,
    line,
  );
}

/** `二二、` or `（十十）` reads as a marker but is no number: say which line, not a RangeError. */
function refuseMalformedNumbers(keys: readonly string[]): void {
  keys.forEach((key, i) => {
    const numeral = markerNumeral(key);
    if (numeral === null) return;
    try {
      chineseNumeral(numeral);
    } catch {
      fail(i, `編號「${numeral}」不是正確的中文數字`, `"${numeral}" is not a well-formed Chinese numeral`);
    }
  });
}

function lineStartsOf(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** The year a target counts for when its sentence names none: the issue date, else the doc number's, else the text's. */
function fallbackYear(issuedOn: string | null, docNumber: string | null, sourceText: string): number {
  const year = /((?:19|20)\d{2})/.exec(issuedOn ?? docNumber ?? '') ?? /((?:19|20)\d{2})年/.exec(sourceText);
  return year ? Number(year[1]) : new Date().getFullYear();
}

const titleOf = (body: string): string => {
  const folded = foldText(body);
  const cuts = [folded.indexOf('。'), folded.indexOf('\n')].filter((i) => i >= 0);
  return (cuts.length > 0 ? body.slice(0, Math.min(...cuts)) : body).trim();
};

/** Measures that are tasks: a 總體要求/工作目標 part (or a measure so titled) counts only if it names units. */
function taskDrafts(sections: SectionDraft[]): Map<SectionDraft, MeasureDraft[]> {
  const kept = new Map<SectionDraft, MeasureDraft[]>();
  // A notice whose 一、 items hold no numbered measure at all (若干措施 `一、標題。X負責：…`): each item
  // that is no frame or closing part is a measure, named units or not.
  const itemsAreMeasures = sections.every((s) => s.measures.length === 0);
  for (const section of sections) {
    let measures = section.measures;
    // A section without numbered measures whose text names units is one task in itself.
    if (measures.length === 0 && section.loose.clauses.length > 0) measures = [section.loose];
    else if (itemsAreMeasures && section.title !== '' && !CLOSING_PART_RE.test(section.title)) measures = [section.loose];
    // A frame part is no task when none of its measures names a unit; a measure titled so never is one.
    const frameSection = NOT_A_TASK_RE.test(section.title) && measures.every((m) => m.clauses.length === 0);
    kept.set(section, frameSection ? [] : measures.filter((m) => m.clauses.length > 0 || !NOT_A_TASK_RE.test(titleOf(m.body))));
  }
  return kept;
}

/**
 * Parses a policy notice as offices write them: traditional or simplified, sections (一、) holding
 * measures ((一), 1., （1）) or articles (第一條), the responsible units in a bracket after each measure,
 * in parentheses closing its paragraph or under 牽頭單位/責任單位 labels, and the goals it states.
 * Everything read carries the words it came from; what is missing becomes a warning, not an error.
 */
export function parseNotice(text: string, options: ParseOptions): ParsedNotice {
  const sourceText = normalizeNewlines(text);
  const lines = sourceText.split('\n');
  const keys = lines.map(matchKey);
  refuseLongLines(keys);
  refuseMalformedNumbers(keys);
  const lineStarts = lineStartsOf(lines);
  // A 任務分工表 (a header row naming 牽頭單位/配合單位 columns) holds the measures in its rows.
  const table = tableOf(lines, lineStarts);
  const numbered = keys.findIndex(isNumberedLine);
  const firstNumbered = table && (numbered < 0 || table.headerLine < numbered) ? table.headerLine : numbered;
  if (firstNumbered < 0) {
    const firstText = keys.findIndex((k) => k !== '');
    const after = headerOf(lines, keys, lines.length).titleEnd;
    const at = after >= 0 ? keys.findIndex((k, i) => i > after && k !== '') : firstText;
    fail(
      Math.max(0, at < 0 ? firstText : at),
      '找不到任何章節(如「一、」)或編號措施,這不像一份通知',
      'no section heading (like 一、) or numbered measure: this is not a notice',
    );
  }
  const header = headerOf(lines, keys, firstNumbered);
  const sections = table ? table.sections : structureOf(paragraphsOf(lines, lineStarts, firstNumbered));
  const convention = conventionOf(sourceText);
  const drafts = taskDrafts(sections);

  // A convention stated inside a clause (`…，列第一位者為牽頭單位，下同`) holds from that clause on.
  const statedIn =
    convention &&
    [...drafts.values()]
      .flat()
      .flatMap((m) => m.clauses)
      .find((c) => c.at.includes(convention.at));
  if (convention && statedIn) convention.from = statedIn.at[0];

  const rawByMeasure = new Map<MeasureDraft, RawUnit[]>();
  for (const measures of drafts.values()) {
    for (const m of measures)
      rawByMeasure.set(
        m,
        m.clauses.flatMap((c) => unitsOf(c, sourceText, convention)),
      );
  }
  const memberUnits = options.memberUnits
    ? options.memberUnits.map(matchKey)
    : departmentsNamed([...rawByMeasure.values()].flat(), options.counties);
  const year = fallbackYear(header.issuedOn, header.docNumber, sourceText);
  const warnings: ParseWarning[] = [];
  let seq = 0;

  const parsedSections: ParsedSection[] = sections.map((section) => ({
    seq: section.seq,
    title: section.title,
    measures: (drafts.get(section) ?? []).map((m): ParsedMeasure => {
      const first = m.clauses[0];
      const measure: ParsedMeasure = {
        seq: ++seq,
        title: m === section.loose ? section.title : titleOf(m.body),
        body: m.body,
        responsibilityText: m.clauses.length > 0 ? m.clauses.map((c) => c.written).join(';') : null,
        responsibilities: expandResponsibilities(rawByMeasure.get(m) ?? [], { counties: options.counties, memberUnits }),
        targets: extractTargets(m.body, year, m.bodyAt),
        line: m.line + 1,
        responsibilitySpan: first ? { start: first.at[0], end: first.at[first.at.length - 1] + 1 } : null,
      };
      if (measure.responsibilities.length === 0) {
        warnings.push({ line: measure.line ?? 1, kind: 'NO_UNITS', message: `第${measure.seq}项措施未找到责任单位,请在审核时补充` });
      }
      return measure;
    }),
  }));
  if (header.docNumber) applyTargetNames(header.docNumber, parsedSections, options.targetNames ?? REVIEWED_TARGET_NAMES);

  const top =
    Math.max(
      0,
      keys.findIndex((k) => k !== ''),
    ) + 1;
  if (header.issuedOn === null) warnings.unshift({ line: top, kind: 'NO_DATE', message: '未找到成文日期,请在审核时填写' });
  if (header.docNumber === null) warnings.unshift({ line: top, kind: 'NO_DOC_NUMBER', message: '未找到发文字号,请在审核时填写' });
  if (header.title === '') warnings.unshift({ line: top, kind: 'NO_TITLE', message: '未找到通知标题,请在审核时填写' });

  return {
    docNumber: header.docNumber,
    title: header.title,
    issuer: header.issuer,
    issuedOn: header.issuedOn,
    addressee: header.addressee,
    sections: parsedSections,
    sourceText,
    memberUnits,
    warnings,
  };
}
