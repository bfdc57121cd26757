import { quarterPeriod, quartersBetween, quarterOfDate } from './periods';
import { JIANGMEN_COUNTIES } from './counties';

describe('reporting quarters', () => {
  it('describes a quarter with its due date ten days after its end', () => {
    expect(quarterPeriod(2024, 3)).toEqual({
      label: '2024Q3', year: 2024, quarter: 3, startsOn: '2024-07-01', endsOn: '2024-09-30', dueOn: '2024-10-10',
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
