import type { EntityManager } from 'typeorm';
import type { ParsedNotice, ParsedResponsibility } from '@luoshi/notice-parser';
import {
  insertMeasures,
  insertResponsibilities,
  insertSections,
  insertTargets,
  MeasureRow,
  ResponsibilityRow,
  TargetRow,
} from './notice-rows.queries';

/** How the rows of a notice get their ids: stable ones for notice files, random ones for imports. */
export interface NoticeRowIds {
  section(seq: number): string;
  measure(seq: number): string;
  target(measureSeq: number, name: string, year: number): string;
}

/**
 * One responsibility per agency and measure: two names of one unit (one merged into the other, or a
 * short name beside the full one) become one, LEAD if either is, at the first name's position.
 */
function responsibilityRows(
  measureId: string,
  units: readonly ParsedResponsibility[],
  agencyIdOf: (name: string) => string,
): ResponsibilityRow[] {
  const rows = new Map<string, ResponsibilityRow>();
  units.forEach((r, position) => {
    const agencyId = agencyIdOf(r.agencyName);
    const seen = rows.get(agencyId);
    if (seen) {
      if (r.role === 'LEAD' && seen.role !== 'LEAD') Object.assign(seen, { role: 'LEAD', roleWords: r.roleWords ?? seen.roleWords });
      return;
    }
    rows.set(agencyId, { measureId, agencyId, role: r.role, position, words: r.words ?? null, roleWords: r.roleWords ?? null });
  });
  return [...rows.values()];
}

/** Two goals of one measure with one name and year would collide: the later ones are numbered. */
function uniqueTargetName(taken: Set<string>, name: string, year: number): string {
  let candidate = name;
  for (let n = 2; taken.has(`${candidate}|${year}`); n++) candidate = `${name}（${n}）`;
  taken.add(`${candidate}|${year}`);
  return candidate;
}

/** Inserts a parsed notice's sections, measures, responsibilities and targets under policyId. */
export async function insertNoticeRows(
  manager: EntityManager,
  policyId: string,
  notice: ParsedNotice,
  agencyIdOf: (name: string) => string,
  ids: NoticeRowIds,
): Promise<{ measureIdBySeq: Map<number, string> }> {
  const sections = notice.sections.map((s) => ({ id: ids.section(s.seq), policyId, seq: s.seq, title: s.title }));
  const measures: MeasureRow[] = [];
  const responsibilities: ResponsibilityRow[] = [];
  const targets: TargetRow[] = [];
  const measureIdBySeq = new Map<number, string>();
  notice.sections.forEach((section, i) => {
    for (const m of section.measures) {
      const id = ids.measure(m.seq);
      measureIdBySeq.set(m.seq, id);
      measures.push({
        id,
        policyId,
        sectionId: sections[i].id,
        seq: m.seq,
        title: m.title,
        body: m.body,
        responsibilityText: m.responsibilityText,
        line: m.line ?? null,
        spanStart: m.responsibilitySpan?.start ?? null,
        spanEnd: m.responsibilitySpan?.end ?? null,
      });
      responsibilities.push(...responsibilityRows(id, m.responsibilities, agencyIdOf));
      const taken = new Set<string>();
      for (const t of m.targets) {
        const name = uniqueTargetName(taken, t.name, t.year);
        targets.push({
          id: ids.target(m.seq, name, t.year),
          measureId: id,
          name,
          unit: t.unit,
          targetValue: t.targetValue,
          direction: t.direction,
          year: t.year,
          sourcePhrase: t.sourcePhrase ?? null,
          spanStart: t.span?.start ?? null,
          spanEnd: t.span?.end ?? null,
          everyYear: t.everyYear === true,
        });
      }
    }
  });
  await insertSections(manager, sections);
  await insertMeasures(manager, measures);
  await insertResponsibilities(manager, responsibilities);
  await insertTargets(manager, targets);
  return { measureIdBySeq };
}
