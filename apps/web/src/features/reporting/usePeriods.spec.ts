import { choosePeriod } from './usePeriods';

const periods = [
  { id: 'q3', label: '2024Q3', startsOn: '2024-07-01', endsOn: '2024-09-30', dueOn: '2024-10-10' },
  { id: 'q4', label: '2024Q4', startsOn: '2024-10-01', endsOn: '2024-12-31', dueOn: '2025-01-10' },
];

describe('choosePeriod', () => {
  it('keeps the period named in the address when the policy has it', () => {
    expect(choosePeriod({ periods, currentPeriod: { id: 'q3', label: '2024Q3' } }, 'q4')).toBe('q4');
  });
  it('falls back to the current period, then the latest', () => {
    expect(choosePeriod({ periods, currentPeriod: { id: 'q3', label: '2024Q3' } }, 'unknown')).toBe('q3');
    expect(choosePeriod({ periods, currentPeriod: null }, null)).toBe('q4');
    expect(choosePeriod({ periods: [], currentPeriod: null }, null)).toBeNull();
  });
});
