import type { MeasureData, SectionData } from './types';

export interface SectionWithMeasures {
  seq: number;
  title: string;
  measures: MeasureData[];
}

/**
 * Puts measures under their sections, both in notice order (by seq). A measure whose section is
 * missing from the policy's section list still gets a group (from its own `section` field), so
 * nothing the API returns is silently dropped.
 */
export function groupMeasuresBySection(sections: readonly SectionData[], measures: readonly MeasureData[]): SectionWithMeasures[] {
  const bySeq = new Map<number, SectionWithMeasures>();
  for (const s of sections) bySeq.set(s.seq, { seq: s.seq, title: s.title, measures: [] });
  for (const m of measures) {
    let group = bySeq.get(m.section.seq);
    if (!group) {
      group = { seq: m.section.seq, title: m.section.title, measures: [] };
      bySeq.set(group.seq, group);
    }
    group.measures.push(m);
  }
  const groups = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  for (const g of groups) g.measures.sort((a, b) => a.seq - b.seq);
  return groups;
}
