import { formatQuota, hasStartingPoint, quotasToSave, quotaTotals, splitByWeights, startingPoint } from './quota-math';

describe('quotaTotals: the live sum against the city target', () => {
  it('is short while the inputs fall below the target, empty inputs counting as nothing', () => {
    expect(quotaTotals(3000, [500, 500, null, undefined, 400])).toEqual({
      sum: 1400,
      shortfall: 1600,
      excess: 0,
      balance: 'SHORT',
      filled: 3,
    });
  });
  it('is equal at the target, without binary noise from decimals', () => {
    expect(quotaTotals(0.3, [0.1, 0.2])).toMatchObject({ sum: 0.3, shortfall: 0, excess: 0, balance: 'EQUAL' });
  });
  it('shows a sum above the target as such', () => {
    expect(quotaTotals(400, [300, 150.5])).toMatchObject({ sum: 450.5, shortfall: 0, excess: 50.5, balance: 'ABOVE' });
  });
  it('counts nothing for no inputs', () => {
    expect(quotaTotals(400, [])).toEqual({ sum: 0, shortfall: 400, excess: 0, balance: 'SHORT', filled: 0 });
  });
});

describe('splitByWeights', () => {
  it('gives whole numbers adding up exactly to a whole target', () => {
    const split = splitByWeights(3000, [1, 1, 1, 1, 1, 1, 1])!;
    expect(split.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(split).toEqual([429, 429, 429, 429, 428, 428, 428]);
  });
  it('splits a decimal target to two places', () => {
    const split = splitByWeights(10.5, [1, 2])!;
    expect(split).toEqual([3.5, 7]);
  });
  it('has nothing to split by when every weight is zero', () => {
    expect(splitByWeights(400, [0, 0])).toBeNull();
  });
});

describe('startingPoint: last year as a start', () => {
  const rows = [
    { countyId: 'a', previousQuota: 2000, previousShare: 0.75 },
    { countyId: 'b', previousQuota: 1000, previousShare: 0.25 },
    { countyId: 'c', previousQuota: null, previousShare: 0 },
  ];
  it('scales last year’s split to this year’s target; a county without one stays empty', () => {
    expect(startingPoint('PREVIOUS_SPLIT', 3300, rows)).toEqual({ a: 2200, b: 1100, c: null });
  });
  it('splits by last year’s shares of the results', () => {
    expect(startingPoint('PREVIOUS_SHARE', 400, rows)).toEqual({ a: 300, b: 100, c: 0 });
  });
  it('offers nothing without last year’s data', () => {
    const none = [{ countyId: 'a', previousQuota: null, previousShare: null }];
    expect(startingPoint('PREVIOUS_SPLIT', 400, none)).toBeNull();
    expect(hasStartingPoint('PREVIOUS_SHARE', none)).toBe(false);
    expect(hasStartingPoint('PREVIOUS_SPLIT', rows)).toBe(true);
  });
});

describe('quotasToSave', () => {
  it('sends every county with a number, in the table’s order', () => {
    expect(quotasToSave({ b: 0, a: 12.5, c: null }, ['a', 'b', 'c', 'd'])).toEqual([
      { countyId: 'a', value: 12.5 },
      { countyId: 'b', value: 0 },
    ]);
  });
});

it('formats quotas as officials read them', () => {
  expect(formatQuota(3000)).toBe('3,000');
  expect(formatQuota(12.345)).toBe('12.35');
});
