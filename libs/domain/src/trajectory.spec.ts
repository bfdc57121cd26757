import { expectedShareAt, expectedShareOnTrajectory, ratingOf, worstRating } from './trajectory';

describe('時間過半、任務過半', () => {
  it('expects the share of the year elapsed at the quarter’s end', () => {
    expect(expectedShareAt('2024-09-30', 2024)).toBe(0.75);
    expect(expectedShareAt('2024-12-31', 2024)).toBe(1);
    expect(expectedShareAt('2024-03-31', 2024)).toBe(0.25);
    expect(expectedShareAt('2023-12-31', 2024)).toBe(0);
    expect(expectedShareAt('2025-03-31', 2024)).toBe(1);
    expect(expectedShareOnTrajectory('2024-09-30', 2024, [0.1, 0.3, 0.6, 1])).toBe(0.6);
    expect(expectedShareOnTrajectory('2024-09-30', 2024, null)).toBe(0.75);
  });

  it('rates counts against the expected share: GREEN at or above, RED under 80% of it, YELLOW between', () => {
    const at = (achieved: number, expectedShare = 0.75) => ratingOf({ direction: 'AT_LEAST', targetValue: 3000, achieved, expectedShare });
    expect(at(2250)).toBe('GREEN'); // exactly 75%
    expect(at(1800)).toBe('YELLOW'); // exactly 60%: not below 80% of the expected share
    expect(at(1799)).toBe('RED'); // under 60% = 80% of 75%
    expect(at(2000)).toBe('YELLOW');
    expect(at(2999, 1)).toBe('YELLOW');
    expect(at(3000, 1)).toBe('GREEN');
  });

  it('rates a ceiling by the latest level', () => {
    const cap = (achieved: number | null) => ratingOf({ direction: 'AT_MOST', targetValue: 3, achieved, expectedShare: 0.75 });
    expect(cap(3)).toBe('GREEN');
    expect(cap(4)).toBe('RED');
    expect(cap(null)).toBe('YELLOW');
  });

  it('takes a measure’s worst target', () => {
    expect(worstRating(['GREEN', 'YELLOW'])).toBe('YELLOW');
    expect(worstRating(['GREEN', 'RED', 'YELLOW'])).toBe('RED');
    expect(worstRating([])).toBeNull();
  });
});
