import { buildFigureComparison, formatShare, type ComparedTarget } from './figure-comparison';

const pj = { id: 'pj', name: '蓬江區', regionCode: '440703' };
const ts = { id: 'ts', name: '台山市', regionCode: '440781' };
const interns: ComparedTarget = {
  id: 't7',
  name: '見習崗位',
  unit: '個',
  direction: 'AT_LEAST',
  quotas: [
    { county: pj, quota: null },
    { county: ts, quota: 500 },
  ],
};
const days: ComparedTarget = { id: 't3', name: '公示時間', unit: '天', direction: 'AT_MOST', quotas: [{ county: ts, quota: 3 }] };

describe('buildFigureComparison', () => {
  it('puts each figure beside last period’s and the quota, counties in division order', () => {
    const groups = buildFigureComparison(
      [interns],
      [{ target: { id: 't7' }, county: ts, value: 120 }],
      [
        { target: { id: 't7' }, county: ts, value: 80 },
        { target: { id: 't7' }, county: pj, value: 10 },
      ],
    );
    expect(groups[0].rows).toEqual([
      { county: pj, value: null, previous: 10, quota: null, share: null },
      { county: ts, value: 120, previous: 80, quota: 500, share: 24 },
    ]);
  });

  it('keeps a target without figures, with no rows', () => {
    expect(buildFigureComparison([interns], [], null)).toEqual([{ target: interns, rows: [] }]);
  });

  it('gives no share of a cap', () => {
    const groups = buildFigureComparison([days], [{ target: { id: 't3' }, county: ts, value: 2 }], []);
    expect(groups[0].rows[0]).toMatchObject({ value: 2, quota: 3, share: null });
  });
});

describe('formatShare', () => {
  it('rounds to whole percents, one decimal below 10', () => {
    expect(formatShare(24)).toBe('24%');
    expect(formatShare(66.6667)).toBe('67%');
    expect(formatShare(2.46)).toBe('2.5%');
    expect(formatShare(null)).toBe('—');
  });
});
