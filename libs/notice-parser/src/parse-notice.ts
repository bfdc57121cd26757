import { addresseeBetween, dateOf, docNumberOf, issuerBefore, titleAfter } from './header';
import {
  bracketContent,
  endsParagraph,
  isNumberedLine,
  looksLikeResponsibility,
  measureMarker,
  opensBracket,
  sectionMarker,
} from './markers';
import { foldText, matchKey, normalizeNewlines } from './normalize';
import { departmentsNamed, expandResponsibilities, splitResponsibilityText, type RawUnit } from './responsibilities';
import { applyTargetNames, REVIEWED_TARGET_NAMES } from './target-names';
import { extractTargets } from './targets';
import { NoticeParseError, type ParseOptions, type ParsedNotice, type ParsedSection } from './types';

interface MeasureDraft {
  seq: number;
  body: string;
  responsibilityText: string | null;
}

interface SectionDraft {
  seq: number;
  title: string;
  measures: MeasureDraft[];
}

/** A bracket may wrap over a few lines in copies taken from PDFs; further than this it is not one. */
const MAX_BRACKET_LINES = 5;

function fail(lineIndex: number, zh: string, en: string): never {
  const line = lineIndex + 1;
  throw new NoticeParseError(`第${line}行:${zh} / line ${line}: ${en}`, line);
}

function firstIndex(keys: readonly string[], test: (key: string) => boolean, from = 0, to = keys.length): number {
  for (let i = from; i < to; i++) if (test(keys[i])) return i;
  return -1;
}

/** Measure paragraph and bracket may share a line: `…簡化擔保手續。[市財政局負責]`. */
function splitTrailingBracket(written: string): { body: string; bracket: string | null } {
  const folded = foldText(written).trimEnd();
  if (!folded.endsWith(']')) return { body: written, bracket: null };
  const open = folded.lastIndexOf('[');
  if (open <= 0) return { body: written, bracket: null };
  const content = bracketContent(written.slice(open));
  if (content === null || !looksLikeResponsibility(content)) return { body: written, bracket: null };
  return { body: written.slice(0, open).trim(), bracket: content };
}

/**
 * Parses a policy notice of the 江門市就業工作領導小組辦公室 kind: doc number, addressee, cover
 * paragraph, issuer, date, title, then numbered sections (一、) holding numbered measures ((一)),
 * each followed by its responsibility bracket.
 */
export function parseNotice(text: string, options: ParseOptions): ParsedNotice {
  const sourceText = normalizeNewlines(text);
  const lines = sourceText.split('\n');
  const keys = lines.map(matchKey);

  const dateIndex = firstIndex(keys, (k) => dateOf(k) !== null);
  const docIndex = firstIndex(keys, (k) => docNumberOf(k) !== null, 0, dateIndex < 0 ? keys.length : dateIndex);
  if (docIndex < 0) {
    fail(Math.max(0, firstIndex(keys, (k) => k !== '')), '找不到發文字號(如「江就辦〔2024〕1號」)', 'no document number (like 江就辦〔2024〕1號) before the date');
  }
  if (dateIndex < 0) {
    const numbered = firstIndex(keys, isNumberedLine, docIndex + 1);
    fail(numbered < 0 ? lines.length - 1 : numbered, '找不到成文日期(如「2024年7月26日」)', 'no date line (like 2024年7月26日) before the sections');
  }
  const docNumber = docNumberOf(keys[docIndex]) ?? '';
  const issuedOn = dateOf(keys[dateIndex]) ?? '';
  const { title, next } = titleAfter(lines, keys, dateIndex);

  const sections: SectionDraft[] = [];
  let current: MeasureDraft | null = null;
  let lastMeasureSeq = 0;

  /** Whether a responsibility bracket comes before the next numbered line. */
  const bracketAhead = (from: number): boolean => {
    for (let j = from; j < keys.length; j++) {
      if (opensBracket(keys[j])) return true;
      if (isNumberedLine(keys[j])) return false;
    }
    return false;
  };

  for (let i = next; i < lines.length; i++) {
    const key = keys[i];
    if (key === '') continue;

    const section = sectionMarker(key, lines[i]);
    if (section) {
      const expected = sections.length + 1;
      if (section.seq !== expected) {
        fail(i, `章節編號應為第${expected}個,實為第${section.seq}個`, `section numbered ${section.seq}, expected ${expected}`);
      }
      const cut = section.rest.indexOf('。');
      sections.push({ seq: section.seq, title: cut >= 0 ? section.rest.slice(0, cut) : section.rest, measures: [] });
      current = null;
      continue;
    }

    const measure = measureMarker(key, lines[i]);
    if (measure) {
      const owner = sections[sections.length - 1];
      if (!owner) fail(i, '措施出現在任何章節(如「一、」)之前', 'measure appears before any section heading (like 一、)');
      if (measure.seq !== lastMeasureSeq + 1) {
        fail(i, `措施編號應為(${lastMeasureSeq + 1}),實為(${measure.seq})`, `measure numbered ${measure.seq}, expected ${lastMeasureSeq + 1}`);
      }
      lastMeasureSeq = measure.seq;
      const { body, bracket } = splitTrailingBracket(measure.rest);
      current = { seq: measure.seq, body, responsibilityText: bracket };
      owner.measures.push(current);
      continue;
    }

    if (opensBracket(key)) {
      let end = i;
      while (!keys[end].includes(']') && end + 1 < lines.length && end - i < MAX_BRACKET_LINES) end++;
      if (!keys[end].includes(']')) end = i;
      if (current && current.responsibilityText === null) {
        current.responsibilityText = bracketContent(lines.slice(i, end + 1).join('')) ?? '';
      }
      i = end;
      continue;
    }

    // Plain text belongs to the open measure when it continues a wrapped line or when the
    // measure's bracket is still to come; otherwise it is a section preamble or the closing text.
    if (current && current.responsibilityText === null) {
      const wrapped = current.body !== '' && !endsParagraph(matchKey(current.body));
      if (current.body === '' || wrapped) current.body += lines[i].trim();
      else if (bracketAhead(i + 1)) current.body += `\n${lines[i].trim()}`;
    }
  }

  if (sections.length === 0) {
    fail(next < lines.length ? next : dateIndex, '日期之後找不到任何章節(如「一、」)', 'no section heading (like 一、) after the date');
  }

  const rawByMeasure = new Map<MeasureDraft, RawUnit[]>();
  for (const section of sections) {
    for (const m of section.measures) {
      rawByMeasure.set(m, m.responsibilityText === null ? [] : splitResponsibilityText(m.responsibilityText));
    }
  }
  const memberUnits = options.memberUnits
    ? options.memberUnits.map(matchKey)
    : departmentsNamed([...rawByMeasure.values()].flat(), options.counties);
  const issueYear = Number(issuedOn.slice(0, 4));

  const parsedSections: ParsedSection[] = sections.map((section) => ({
    seq: section.seq,
    title: section.title,
    measures: section.measures.map((m) => {
      const cut = foldText(m.body).indexOf('。');
      return {
        seq: m.seq,
        title: (cut >= 0 ? m.body.slice(0, cut) : m.body).trim(),
        body: m.body,
        responsibilityText: m.responsibilityText,
        responsibilities: expandResponsibilities(rawByMeasure.get(m) ?? [], { counties: options.counties, memberUnits }),
        targets: extractTargets(m.body, issueYear),
      };
    }),
  }));
  applyTargetNames(docNumber, parsedSections, options.targetNames ?? REVIEWED_TARGET_NAMES);

  return {
    docNumber,
    title,
    issuer: issuerBefore(keys, dateIndex, docIndex),
    issuedOn,
    addressee: addresseeBetween(keys, docIndex, dateIndex),
    sections: parsedSections,
    sourceText,
    memberUnits,
    warnings: [],
  };
}
