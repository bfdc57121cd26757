import { initialPercents, scheduleProblem, sharesOf } from './trajectory-form';

describe('the schedule form', () => {
  it('accepts four cumulative percentages ending at 100', () => {
    expect(scheduleProblem([10, 30, 50, 100])).toBeNull();
    expect(scheduleProblem([0, 0, 0, 100])).toBeNull();
  });

  it('says what is wrong, as the server would', () => {
    expect(scheduleProblem([10, 30, null, 100])).toBe('schedule.count');
    expect(scheduleProblem([10, 30, 100])).toBe('schedule.count');
    expect(scheduleProblem([10, 130, 50, 100])).toBe('schedule.range');
    expect(scheduleProblem([50, 30, 60, 100])).toBe('schedule.falling');
    expect(scheduleProblem([10, 30, 50, 90])).toBe('schedule.end');
  });

  it('converts between percentages and shares without floating-point dust', () => {
    expect(sharesOf([12.5, 33.3, 70, 100])).toEqual([0.125, 0.333, 0.7, 1]);
    expect(initialPercents([0.125, 0.333, 0.7, 1])).toEqual([12.5, 33.3, 70, 100]);
    expect(initialPercents(null)).toEqual([25, 50, 75, 100]);
  });
});
