import { firstViewPolicy } from './first-view';
import { firstPeriod, periodsUpToCurrent } from './dashboard-format';

describe('firstViewPolicy: which sign-in destinations get their first view fetched on the way', () => {
  it('knows the bookmark of before and a policy’s own overview', () => {
    expect(firstViewPolicy('/dashboard')).toBeNull();
    expect(firstViewPolicy('/p/abc/dashboard')).toBe('abc');
    expect(firstViewPolicy('/p/abc/dashboard/')).toBe('abc');
  });
  it('leaves alone what the first view does not show: a period or county chosen, a drill-down, other pages', () => {
    for (const address of [
      null,
      undefined,
      '',
      '/',
      '/tasks',
      '/dashboard?period=x',
      '/p/abc/dashboard?county=y',
      '/p/abc/dashboard/county/y',
      '/p/abc/dashboard/measure/m',
      '/dashboard/county/y',
      '/p/abc',
      '/p/abc/supervision',
    ]) {
      expect(firstViewPolicy(address)).toBeUndefined();
    }
  });
});

describe('firstPeriod: the period the overview opens with', () => {
  const periods = [
    { id: 'q1', dueOn: '2024-04-15' },
    { id: 'q2', dueOn: '2024-07-15' },
    { id: 'q3', dueOn: '2099-10-15' },
  ];
  it('is the current period, the later ones left out', () => {
    expect(periodsUpToCurrent({ periods, currentPeriod: { id: 'q2' } }).map((p) => p.id)).toEqual(['q1', 'q2']);
    expect(firstPeriod({ periods, currentPeriod: { id: 'q2' } })).toBe('q2');
  });
  it('is the last period when none is current', () => {
    expect(periodsUpToCurrent({ periods, currentPeriod: null }).map((p) => p.id)).toEqual(['q1', 'q2', 'q3']);
    expect(firstPeriod({ periods, currentPeriod: null })).toBe('q3');
    expect(firstPeriod({ periods: [], currentPeriod: null })).toBeNull();
  });
});
