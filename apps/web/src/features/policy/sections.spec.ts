import { groupMeasuresBySection } from './sections';
import type { MeasureData } from './types';

const m = (seq: number, section: { seq: number; title: string }): MeasureData => ({
  id: `m${seq}`,
  seq,
  title: `措施${seq}`,
  body: '',
  section,
  responsibilities: [],
  targets: [],
});

describe('groupMeasuresBySection', () => {
  const s1 = { seq: 1, title: '一' };
  const s2 = { seq: 2, title: '二' };

  it('groups measures under sections, both sorted by seq', () => {
    const groups = groupMeasuresBySection([s2, s1], [m(3, s2), m(2, s1), m(1, s1)]);
    expect(groups.map((g) => [g.seq, g.measures.map((x) => x.seq)])).toEqual([
      [1, [1, 2]],
      [2, [3]],
    ]);
  });

  it('keeps empty sections and sections only known from a measure', () => {
    const s9 = { seq: 9, title: '九' };
    const groups = groupMeasuresBySection([s1, s2], [m(1, s9)]);
    expect(groups.map((g) => [g.seq, g.measures.length])).toEqual([
      [1, 0],
      [2, 0],
      [9, 1],
    ]);
  });
});
