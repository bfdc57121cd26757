import { changeFilter, filterFromSearch, filterToSearch, isFiltered, NO_FILTER, quarterOptions, reviewQueueVariables } from './list-filter';

const P = '0b6f5a52-7f7e-4c6b-9a55-2a3f1e9c0d11';
const U = '5d1c2b3a-0000-4000-8000-000000000781';
const M = 'aa11bb22-cc33-4d44-8e55-ff6677889900';

describe('list filter <-> URL query', () => {
  it('reads every filter from the query', () => {
    const f = filterFromSearch(new URLSearchParams(`policy=${P}&quarter=2024q3&unit=${U}&measure=${M}`));
    expect(f).toEqual({ policy: P, quarter: '2024Q3', unit: U, measure: M });
    expect(reviewQueueVariables(f)).toEqual({ policyId: P, quarter: '2024Q3', agencyId: U, measureId: M });
  });

  it('drops values that cannot be right, and a measure without its policy', () => {
    expect(filterFromSearch(new URLSearchParams('policy=abc&quarter=Q3&unit=&measure=' + M))).toEqual(NO_FILTER);
    expect(filterFromSearch(new URLSearchParams('quarter=2024Q5')).quarter).toBeNull();
    expect(filterFromSearch(new URLSearchParams(`policy=${P.toUpperCase()}`)).policy).toBe(P);
    expect(isFiltered(filterFromSearch(new URLSearchParams('')))).toBe(false);
  });

  it('writes the filter back in a fixed order, keeping other parameters', () => {
    const q = filterToSearch({ policy: P, quarter: '2024Q4', unit: null, measure: M }, new URLSearchParams('tab=x&unit=old'));
    expect(q.toString()).toBe(`tab=x&policy=${P}&quarter=2024Q4&measure=${M}`);
    expect(filterToSearch({ ...NO_FILTER, measure: M }).toString()).toBe('');
  });

  it('round-trips', () => {
    const f = { policy: P, quarter: '2025Q1', unit: U, measure: null };
    expect(filterFromSearch(filterToSearch(f))).toEqual(f);
  });

  it('clears the measure when the policy changes, not otherwise', () => {
    const f = { policy: P, quarter: null, unit: null, measure: M };
    expect(changeFilter(f, 'policy', U).measure).toBeNull();
    expect(changeFilter(f, 'policy', null)).toEqual(NO_FILTER);
    expect(changeFilter(f, 'quarter', '2024Q3')).toEqual({ ...f, quarter: '2024Q3' });
    expect(changeFilter(f, 'unit', '')).toEqual(f);
  });

  it('offers each quarter once, newest first', () => {
    expect(
      quarterOptions([
        { periods: [{ label: '2024Q3' }, { label: '2024Q4' }] },
        { periods: [{ label: '2024Q4' }, { label: '2025Q1' }, { label: '其他' }] },
      ]),
    ).toEqual(['2025Q1', '2024Q4', '2024Q3']);
  });
});
