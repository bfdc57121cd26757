import { endsParagraph, isNumberedLine, MEASURE_KINDS, measureMarker, opensBracket, sectionMarker, type MeasureKind } from './markers';
import { append, foldText, matchKey } from './normalize';
import { AGENCY_ENDINGS, responsibilityIn, startsWithLabel } from './responsibility-text';
import type { ClauseText } from './responsibilities';
import { NoticeParseError } from './types';

/** Lines joined into paragraphs (a PDF copy wraps mid-sentence), each character's offset kept. */
export interface Paragraph {
  /** 0-based index of its first line. */
  line: number;
  text: string;
  /** at[i] is the sourceText offset of text[i]. */
  at: number[];
  /** A blank line stands before it. */
  gapBefore: boolean;
}

export interface MeasureDraft {
  line: number;
  /** The measure's own text, paragraphs joined by \n; bodyAt maps it to sourceText (-1 for a joint). */
  body: string;
  bodyAt: number[];
  clauses: ClauseText[];
  /**
   * Its responsibility came before any sentence of it (`（一）標題` then `【牽頭單位】…` then the body):
   * the paragraphs after the clause are still its body.
   */
  clauseFirst?: boolean;
}

export interface SectionDraft {
  seq: number;
  title: string;
  line: number;
  measures: MeasureDraft[];
  /** Text under the heading that no measure owns: the section is itself a task when it names units. */
  loose: MeasureDraft;
}

export function fail(lineIndex: number, zh: string, en: string): never {
  const line = lineIndex + 1;
  throw new NoticeParseError(`第${line}行：${zh} / line ${line}: ${en}`, line);
}

/** A heading line (`一、總體要求`, `（一）加大支持力度`) ends its paragraph even without a full stop. */
function isHeading(key: string, written: string): boolean {
  const rest = sectionMarker(key, written)?.rest ?? measureMarker(key, written)?.rest;
  if (rest === undefined) return false;
  const restKey = matchKey(rest);
  return restKey.length <= 30 && !/[。,;:!?]/.test(restKey);
}

/** Whether the next line starts a paragraph of its own whatever the line before ends with. */
function startsParagraph(key: string, written: string): boolean {
  if (isNumberedLine(key) || opensBracket(key) || startsWithLabel(key)) return true;
  return key.startsWith('(') && responsibilityIn(written)?.bodyEnd === written.search(/\S/);
}

/**
 * A line opening with a label (`【牽頭單位】市人社局 【配合單位】…`) may stand at the START of a
 * measure, its body on the next line: it is whole when that line is indented (a paragraph of its own)
 * or when it ends in a unit's name and the next line does not go on with the list (`、市財政局`).
 * Takes the open paragraph's first key characters and its last: a label opens it, a name ends it.
 */
function endsLabelLine(openHead: string, openLast: string, written: string): boolean {
  if (!startsWithLabel(openHead)) return false;
  if (/^(?:\s{2,}|\u3000)/.test(written)) return true;
  return AGENCY_ENDINGS.includes(openLast[openLast.length - 1]) && !/^[、,;及和]/.test(matchKey(written));
}

/** The paragraph ends in a responsibility clause (not one opening its body). */
function closesWithClause(text: string): boolean {
  const found = responsibilityIn(text);
  return found !== null && found.bodyResume === undefined;
}

/** Key characters enough to see a label opening a paragraph (`[牽頭單位]`, `牽頭單位:`). */
const HEAD_KEY = 16;
/**
 * How much of a paragraph's end is read for a clause closing it; the corpus's longest paragraph has
 * 341 characters. Reading the whole paragraph at every line was quadratic in its lines.
 */
const CLAUSE_WINDOW = 1000;

/** The last `size` characters of the parts joined, joining no more parts than that needs. */
function tailOf(parts: readonly string[], size: number): string {
  let tail = '';
  for (let i = parts.length - 1; i >= 0 && tail.length < size; i--) tail = parts[i] + tail;
  return tail.slice(-size);
}

export function paragraphsOf(lines: readonly string[], lineStarts: readonly number[], from: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // An open paragraph's lines are joined once it is closed: joining at every line copied it each time.
  const partsOf = new Map<Paragraph, string[]>();
  let open: Paragraph | null = null;
  let openParts: string[] = [];
  let openHead = '';
  let lastKey = '';
  let gap = false;
  for (let i = from; i < lines.length; i++) {
    const written = lines[i];
    const key = matchKey(written);
    if (key === '') {
      open = null;
      openParts = [];
      gap = true;
      continue;
    }
    const lead = written.length - written.trimStart().length;
    const text = written.trim();
    const at = [...text].map((_, k) => lineStarts[i] + lead + k);
    const closed =
      endsParagraph(lastKey) ||
      (lastKey.endsWith(')') && closesWithClause(tailOf(openParts, CLAUSE_WINDOW))) ||
      (open !== null && endsLabelLine(openHead, lastKey, written));
    // A numbered line always opens a paragraph, so a heading is the open paragraph's only line.
    if (open && !closed && !startsParagraph(key, written) && !isHeading(lastKey, openParts[openParts.length - 1])) {
      openParts.push(text);
      append(open.at, at);
      if (openHead.length < HEAD_KEY) openHead = (openHead + key).slice(0, HEAD_KEY);
    } else {
      open = { line: i, text, at, gapBefore: gap };
      openParts = [text];
      openHead = key.slice(0, HEAD_KEY);
      partsOf.set(open, openParts);
      paragraphs.push(open);
    }
    gap = false;
    lastKey = key;
  }
  for (const p of paragraphs) p.text = (partsOf.get(p) ?? [p.text]).join('');
  return paragraphs;
}

/** The highest kind of measure number the notice uses (see MeasureKind). */
function measureKindOf(paragraphs: readonly Paragraph[]): MeasureKind | null {
  const used = new Set(paragraphs.map((p) => measureMarker(matchKey(p.text), p.text)?.kind));
  return MEASURE_KINDS.find((k) => used.has(k)) ?? null;
}

const emptyDraft = (line: number): MeasureDraft => ({ line, body: '', bodyAt: [], clauses: [] });

/** Adds a paragraph's text to a measure, its responsibility clause apart from its body. */
function addText(draft: MeasureDraft, text: string, at: readonly number[]): void {
  const found = responsibilityIn(text);
  let bodyText = text;
  if (found) {
    draft.clauses.push({ written: text.slice(found.start, found.end), at: at.slice(found.start, found.end) });
    bodyText = text.slice(0, found.bodyEnd).trimEnd();
    if (bodyText === '' && draft.clauses.length === 1 && !foldText(draft.body).includes('。')) draft.clauseFirst = true;
  }
  let bodyAt = at.slice(0, bodyText.length);
  // A clause opening the body (`X負責：…`): the text after its colon is the measure's too.
  if (found?.bodyResume !== undefined) {
    bodyText += text.slice(found.bodyResume);
    bodyAt = bodyAt.concat(at.slice(found.bodyResume));
  }
  if (bodyText === '') return;
  if (draft.body !== '') {
    draft.body += '\n';
    draft.bodyAt.push(-1);
  }
  draft.body += bodyText;
  append(draft.bodyAt, bodyAt);
}

/**
 * Sections (一、) holding measures (the notice's measure kind); a notice of articles has one section
 * without a heading. Text after a measure belongs to it while its responsibility is still to come
 * or another measure follows; the text after the last clause (closing words, footers) to none.
 */
export function structureOf(paragraphs: readonly Paragraph[]): SectionDraft[] {
  const kind = measureKindOf(paragraphs);
  const hasSections = paragraphs.some((p) => sectionMarker(matchKey(p.text), p.text) !== null);
  const sections: SectionDraft[] = [];
  let current: MeasureDraft | null = null;
  let lastSeq = 0;
  let fresh = true;
  const isMarker = (p: Paragraph): boolean => {
    const key = matchKey(p.text);
    return sectionMarker(key, p.text) !== null || measureMarker(key, p.text)?.kind === kind;
  };
  // Where the next marker and the next clause stand from each paragraph on: looking ahead from
  // every paragraph was quadratic in the paragraphs of a measure.
  const count = paragraphs.length;
  const nextMarker: number[] = new Array<number>(count + 1).fill(count);
  const nextClause: number[] = new Array<number>(count + 1).fill(count);
  for (let j = count - 1; j >= 0; j--) {
    nextMarker[j] = isMarker(paragraphs[j]) ? j : nextMarker[j + 1];
    nextClause[j] = responsibilityIn(paragraphs[j].text) ? j : nextClause[j + 1];
  }
  const clauseAhead = (from: number): boolean => nextClause[from] < nextMarker[from];
  const markerAhead = (from: number): boolean => nextMarker[Math.min(from, count)] < count;
  // `牽頭單位：…` and `責任單位：…` on lines of their own, one after the other, are one statement.
  const isLabelLine = (p: Paragraph): boolean => startsWithLabel(matchKey(p.text));
  let labelsOf: MeasureDraft | null = null;

  paragraphs.forEach((p, index) => {
    const key = matchKey(p.text);
    const section = sectionMarker(key, p.text);
    if (section) {
      const expected = sections.length + 1;
      if (section.seq !== expected) {
        fail(p.line, `章節編號應為第${expected}個,實為第${section.seq}個`, `section numbered ${section.seq}, expected ${expected}`);
      }
      const cut = foldText(section.rest).indexOf('。');
      const loose = emptyDraft(p.line);
      addText(loose, p.text.slice(section.restAt), p.at.slice(section.restAt));
      sections.push({ seq: section.seq, title: cut >= 0 ? section.rest.slice(0, cut) : section.rest, line: p.line, measures: [], loose });
      current = null;
      labelsOf = null;
      fresh = true;
      return;
    }
    const measure = measureMarker(key, p.text);
    if (measure && measure.kind === kind) {
      if (sections.length === 0) {
        if (hasSections) fail(p.line, '措施出現在任何章節(如「一、」)之前', 'measure appears before any section heading (like 一、)');
        sections.push({ seq: 1, title: '', line: p.line, measures: [], loose: emptyDraft(p.line) });
      }
      if (measure.seq !== lastSeq + 1 && !(fresh && measure.seq === 1)) {
        fail(p.line, `措施編號應為${lastSeq + 1},實為${measure.seq}`, `measure numbered ${measure.seq}, expected ${lastSeq + 1}`);
      }
      lastSeq = measure.seq;
      fresh = false;
      current = emptyDraft(p.line);
      labelsOf = null;
      addText(current, p.text.slice(measure.restAt), p.at.slice(measure.restAt));
      sections[sections.length - 1].measures.push(current);
      return;
    }
    const owner: MeasureDraft | null =
      current ?? (sections.length > 0 && sections[sections.length - 1].measures.length === 0 ? sections[sections.length - 1].loose : null);
    if (!owner) return;
    // A point numbered below the measure level (1. under (一), 一是 …) is always part of the measure.
    const isPoint = measure !== null;
    const moreLabels = labelsOf === owner && isLabelLine(p);
    labelsOf = null;
    // After a clause that came first, the body runs on to the next measure; after the last one, to a blank line.
    if (owner.clauseFirst && p.gapBefore && !markerAhead(index + 1)) owner.clauseFirst = false;
    const bodyAfterClause = owner.clauseFirst === true;
    if (isPoint || moreLabels || bodyAfterClause || (owner.clauses.length === 0 && (clauseAhead(index) || markerAhead(index + 1)))) {
      addText(owner, p.text, p.at);
      if (isLabelLine(p)) labelsOf = owner;
    }
  });
  return sections;
}
