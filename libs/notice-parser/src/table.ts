import { sectionMarker } from './markers';
import { foldText, matchKey } from './normalize';
import type { ClauseText } from './responsibilities';
import type { MeasureDraft, SectionDraft } from './structure';

/**
 * A 任務分工表 pasted from a Word table: a header row naming its columns (序號 / 重點任務 / 牽頭單位 /
 * 配合單位 / 完成時限), then one row per task, cells apart by a tab or by two spaces or more, with
 * `一、…` category rows between them. Each task row is a measure; the column gives the role.
 */
export interface Table {
  /** 0-based line of the header row. */
  headerLine: number;
  sections: SectionDraft[];
}

interface Cell {
  text: string;
  /** Offset of the cell's first character in its line. */
  start: number;
}

type Column = { kind: 'SEQ' | 'TASK' | 'OTHER' } | { kind: 'UNITS'; role: 'LEAD' | 'CO' | null; name: string };

/** Cells of a line: on tabs when there are tabs (an empty cell stays one), else on runs of 2+ spaces. */
function cellsOf(line: string): Cell[] {
  const folded = foldText(line);
  const separator = folded.includes('\t') ? /\t/g : /\s{2,}/g;
  const cells: Cell[] = [];
  // Separators before the first text are indentation (found once: testing each prefix was quadratic).
  const firstText = folded.search(/\S/);
  let start = 0;
  const push = (end: number): void => {
    const raw = folded.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text: text === '' ? '' : line.slice(start + lead, start + lead + text.length), start: start + lead });
  };
  for (const m of folded.matchAll(separator)) {
    const at = m.index ?? 0;
    if (firstText < 0 || at < firstText) {
      start = at + m[0].length; // indentation, not a cell
      continue;
    }
    push(at);
    start = at + m[0].length;
  }
  push(line.length);
  return cells;
}

function columnOf(header: string): Column {
  const key = matchKey(header);
  if (/^(?:序[號号]|[編编][號号])$/.test(key)) return { kind: 'SEQ' };
  if (/[牽牵][頭头]/.test(key)) return { kind: 'UNITS', role: 'LEAD', name: header };
  if (/配合|[協协][辦办助]|[參参]與|参与/.test(key)) return { kind: 'UNITS', role: 'CO', name: header };
  // 責任單位 alone says no role: the clause's own words (or the notice's convention) decide.
  if (/[責责]任|主[體体]|[單单]位$|部[門门]$/.test(key)) return { kind: 'UNITS', role: null, name: header };
  if (/任[務务]|措施|內容|内容|事[項项]|工作|舉措|举措/.test(key)) return { kind: 'TASK' };
  return { kind: 'OTHER' };
}

function headerRow(line: string): Column[] | null {
  const cells = cellsOf(line);
  // Column names are short; a line of prose with wide spaces is no header.
  if (cells.length < 3 || cells.some((c) => matchKey(c.text).length > 10)) return null;
  const columns = cells.map((c) => columnOf(c.text));
  const hasTask = columns.some((c) => c.kind === 'TASK');
  return hasTask && columns.some((c) => c.kind === 'UNITS') ? columns : null;
}

/** `—`, `/`, `无`: the row names no unit in that column. */
const NO_UNIT_RE = /^(?:[-—–―/\\]+|无|無)$/;

const emptyDraft = (line: number): MeasureDraft => ({ line, body: '', bodyAt: [], clauses: [] });

/** The table in the text, if any, as sections of measures. */
export function tableOf(lines: readonly string[], lineStarts: readonly number[]): Table | null {
  const headerLine = lines.findIndex((l) => headerRow(l) !== null);
  if (headerLine < 0) return null;
  const columns = headerRow(lines[headerLine]) ?? [];
  const task = columns.findIndex((c) => c.kind === 'TASK');
  const sections: SectionDraft[] = [];
  const sectionFor = (line: number): SectionDraft => {
    if (sections.length === 0) sections.push({ seq: 1, title: '', line, measures: [], loose: emptyDraft(line) });
    return sections[sections.length - 1];
  };
  for (let i = headerLine + 1; i < lines.length; i++) {
    const key = matchKey(lines[i]);
    if (key === '') continue;
    const cells = cellsOf(lines[i]);
    const section = cells.length === 1 ? sectionMarker(key, lines[i]) : null;
    if (section) {
      sections.push({ seq: sections.length + 1, title: section.rest, line: i, measures: [], loose: emptyDraft(i) });
      continue;
    }
    // A row has a cell for the task and one for each column up to it; anything else ends the table.
    if (cells.length <= task || cells.length < 2) break;
    const draft = emptyDraft(i);
    const at = (cell: Cell): number[] => [...cell.text].map((_, k) => lineStarts[i] + cell.start + k);
    draft.body = cells[task].text;
    draft.bodyAt = at(cells[task]);
    columns.forEach((column, c) => {
      const cell = cells[c];
      if (column.kind !== 'UNITS' || !cell || cell.text === '' || NO_UNIT_RE.test(matchKey(cell.text))) return;
      const clause: ClauseText = { written: cell.text, at: at(cell) };
      if (column.role) Object.assign(clause, { role: column.role, roleWords: column.name });
      draft.clauses.push(clause);
    });
    sectionFor(i).measures.push(draft);
  }
  return sections.some((s) => s.measures.length > 0) ? { headerLine, sections } : null;
}
