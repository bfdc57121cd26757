import { chinaToday, isCalendarDate, quarterPeriod, quartersBetween, quarterOfDate } from './periods';
import { JIANGMEN_COUNTIES } from './counties';

describe('reporting quarters', () => {
  it('describes a quarter with its due date ten days after its end', () => {
    expect(quarterPeriod(2024, 3)).toEqual({
      label: '2024Q3',
      year: 2024,
      quarter: 3,
      startsOn: '2024-07-01',
      endsOn: '2024-09-30',
      dueOn: '2024-10-10',
    });
    expect(quarterPeriod(2024, 4).endsOn).toBe('2024-12-31');
    expect(quarterPeriod(2024, 4).dueOn).toBe('2025-01-10');
    expect(quarterPeriod(2024, 1).endsOn).toBe('2024-03-31');
  });

  it('lists quarters from the notice date on, across years', () => {
    const labels = quartersBetween('2024-07-26', '2025-12-31').map((q) => q.label);
    expect(labels).toEqual(['2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(quarterOfDate('2024-12-31')).toEqual({ year: 2024, quarter: 4 });
  });

  it('knows the seven county-level divisions by code', () => {
    expect(JIANGMEN_COUNTIES.map((c) => c.regionCode)).toEqual(['440703', '440704', '440705', '440781', '440783', '440784', '440785']);
  });
});

describe('China dates', () => {
  it('takes today in China, 8 hours ahead of UTC', () => {
    expect(chinaToday(new Date('2024-10-09T17:00:00Z'))).toBe('2024-10-10');
    expect(chinaToday(new Date('2024-10-09T15:00:00Z'))).toBe('2024-10-09');
  });

  it('knows a real calendar date', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('下周五')).toBe(false);
  });
});
