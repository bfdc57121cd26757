import { cityCard, countyCard, summarize, type TargetFacts } from './progress';

const count: TargetFacts = { id: 't1', direction: 'AT_LEAST', targetValue: 3000, year: 2024, trajectory: null };
const ceiling: TargetFacts = { id: 't2', direction: 'AT_MOST', targetValue: 3, year: 2024, trajectory: null };
const q3 = { endsOn: '2024-09-30' };
const row = (achieved: number | null, pending: number | null = 0, quota: number | null = null) => ({
  countyId: 'c',
  quota,
  achieved,
  pending,
});

describe('summarize: the percent rule', () => {
  it('sums counts and holds them against the target', () => {
    expect(summarize('AT_LEAST', 3000, [row(1000, 10), row(500, null)])).toEqual({ achieved: 1500, pending: 10, percent: 50 });
    expect(summarize('AT_LEAST', 0, [row(5)])).toEqual({ achieved: 5, pending: 0, percent: 100 });
    expect(summarize('AT_LEAST', 0, [row(0)])).toEqual({ achieved: 0, pending: 0, percent: 0 });
  });

  it('takes the worst county for a ceiling: 100 at or under it, target/achieved above, 0 without figures', () => {
    expect(summarize('AT_MOST', 3, [row(2, 4), row(3)])).toEqual({ achieved: 3, pending: 4, percent: 100 });
    expect(summarize('AT_MOST', 3, [row(6), row(null)])).toEqual({ achieved: 6, pending: 0, percent: 50 });
    expect(summarize('AT_MOST', 3, [row(null, null)])).toEqual({ achieved: 0, pending: 0, percent: 0 });
  });
});

describe('cards', () => {
  it('rates a city-wide count against the share of the year elapsed, or the office’s trajectory', () => {
    expect(cityCard(count, q3, { byCounty: [row(2250)] })).toMatchObject({
      goal: 3000,
      percent: 75,
      expectedShare: 0.75,
      expectedValue: 2250,
      rating: 'GREEN',
    });
    expect(cityCard(count, q3, { byCounty: [row(1100)] }).rating).toBe('RED');
    expect(cityCard({ ...count, trajectory: [0.1, 0.2, 0.3, 1] }, q3, { byCounty: [row(1100)] })).toMatchObject({
      expectedShare: 0.3,
      rating: 'GREEN',
    });
  });

  it('holds a ceiling against itself all year, YELLOW with no level yet', () => {
    expect(cityCard(ceiling, q3, { byCounty: [row(null)] })).toMatchObject({
      expectedShare: 1,
      expectedValue: 3,
      rating: 'YELLOW',
      hasFigure: false,
    });
    expect(cityCard(ceiling, q3, { byCounty: [row(null), row(2)] }).hasFigure).toBe(true);
    expect(cityCard(ceiling, q3, { byCounty: [row(0)] }).rating).toBe('GREEN');
    expect(cityCard(ceiling, q3, { byCounty: [row(4)] }).rating).toBe('RED');
  });

  it('holds a county against its quota; without one a count has no goal and a ceiling binds as it is', () => {
    expect(countyCard(count, q3, row(700, 0, 1000))).toMatchObject({ goal: 1000, percent: 70, expectedValue: 750, rating: 'YELLOW' });
    expect(countyCard(count, q3, row(0, 50))).toEqual({
      targetId: 't1',
      achieved: 0,
      pending: 50,
      goal: null,
      percent: null,
      expectedShare: 0.75,
      expectedValue: null,
      rating: null,
      hasFigure: true, // an accepted 0 is a figure
    });
    expect(countyCard(count, q3, row(null, 50)).hasFigure).toBe(false);
    expect(countyCard(ceiling, q3, row(null, null))).toMatchObject({ goal: 3, rating: 'YELLOW', achieved: 0, hasFigure: false });
    expect(countyCard(ceiling, q3, row(0))).toMatchObject({ achieved: 0, rating: 'GREEN', hasFigure: true });
  });
});
