import { ceilingAxis, ceilingBars } from './ceiling-format';

const row = (id: string, shortName: string, achieved: number, pending = 0) => ({
  quota: null,
  achieved,
  pending,
  county: { id, shortName },
});

describe('ceilingBars', () => {
  const rows = [row('a', '台山', 4), row('b', '蓬江', 2), row('c', '江海', 0), row('d', '新會', 3), row('e', '開平', 0, 5)];

  it('puts the lowest level first, counties without a figure last', () => {
    expect(ceilingBars(rows, 3).map((b) => b.countyId)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });

  it('flags only levels above the ceiling (at the ceiling is fine)', () => {
    const bars = ceilingBars(rows, 3);
    expect(bars.filter((b) => b.over).map((b) => b.countyId)).toEqual(['a']);
    expect(bars.find((b) => b.countyId === 'd')?.over).toBe(false);
  });

  it('reads 0 achieved as no figure, and keeps a level awaiting review', () => {
    const bars = ceilingBars(rows, 3);
    expect(bars.find((b) => b.countyId === 'c')).toMatchObject({ level: null, pending: null, over: false });
    expect(bars.find((b) => b.countyId === 'e')).toMatchObject({ level: null, pending: 5, over: false });
  });

  it('converts the names for display', () => {
    expect(ceilingBars([row('d', '新會', 3)], 3, (s) => s.replace('會', '会'))[0].name).toBe('新会');
  });
});

describe('ceilingAxis', () => {
  it('leaves room above the ceiling and the highest level, ending on a round tick', () => {
    expect(ceilingAxis(ceilingBars([row('a', 'x', 2)], 3), 3)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(ceilingAxis(ceilingBars([row('a', 'x', 4)], 3), 3)).toEqual({ max: 5, ticks: [0, 1, 2, 3, 4, 5] });
    expect(ceilingAxis(ceilingBars([row('a', 'x', 12)], 3), 3)).toEqual({ max: 15, ticks: [0, 5, 10, 15] });
    expect(ceilingAxis(ceilingBars([row('a', 'x', 130)], 30), 30)).toEqual({ max: 150, ticks: [0, 50, 100, 150] });
    expect(ceilingAxis([], 0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});
