import {
  countyMeasureRows,
  countyTargetRows,
  pagePeriod,
  progressOfTargets,
  sortReports,
  type ProgressInput,
  type ReportInput,
} from './drilldown-format';

const target = (id: string, byCounty: ProgressInput['byCounty']): ProgressInput => ({
  target: { id, name: `t${id}`, unit: '人', direction: 'AT_LEAST', targetValue: 100 },
  byCounty,
});

describe('countyTargetRows', () => {
  it('takes the county’s figures from every target, with completion of quota', () => {
    const rows = countyTargetRows(
      [
        target('1', [
          { quota: 40, achieved: 10, pending: 2, county: { id: 'a' } },
          { quota: 60, achieved: 30, pending: 0, county: { id: 'b' } },
        ]),
        target('2', [{ quota: null, achieved: 7, pending: 1, county: { id: 'a' } }]),
      ],
      'a',
    );
    expect(rows.map((r) => [r.targetId, r.achieved, r.quota, r.pending, r.percent])).toEqual([
      ['1', 10, 40, 2, 25],
      ['2', 7, null, 1, null],
    ]);
  });

  it('counts zero for a county missing from a target', () => {
    expect(countyTargetRows([target('1', [])], 'x')[0]).toMatchObject({ achieved: 0, pending: 0, quota: null, percent: null });
  });
});

describe('countyMeasureRows', () => {
  const unit = (id: string, state: string, overdue = false, reportId: string | null = null) => ({
    state,
    overdue,
    unitStatus: null,
    reportId,
    agency: { id },
  });
  it('keeps the county’s own task per measure, in measure order, and flags the missing', () => {
    const rows = countyMeasureRows(
      [
        { measure: { id: 'm2', seq: 2, title: 'B' }, units: [unit('a', 'DRAFT', true), unit('b', 'ACCEPTED')] },
        { measure: { id: 'm1', seq: 1, title: 'A' }, units: [unit('a', 'SUBMITTED', false, 'r1')] },
        { measure: { id: 'm3', seq: 3, title: 'C' }, units: [unit('b', 'NOT_STARTED')] },
      ],
      'a',
    );
    expect(rows.map((r) => [r.measureId, r.state, r.missing, r.overdue, r.reportId])).toEqual([
      ['m1', 'SUBMITTED', false, false, 'r1'],
      ['m2', 'DRAFT', true, true, null],
      ['m3', null, false, false, null],
    ]);
  });
});

describe('progressOfTargets', () => {
  it('keeps the given targets in the given order', () => {
    const all = [target('1', []), target('2', []), target('3', [])];
    expect(progressOfTargets(all, ['3', '1', 'zz']).map((p) => p.target.id)).toEqual(['3', '1']);
  });
});

describe('sortReports', () => {
  const report = (id: string, kind: string, regionCode: string | null, status: ReportInput['status'], shortName = id): ReportInput => ({
    id,
    status,
    unitStatus: null,
    submittedAt: null,
    agency: { kind, regionCode, shortName },
  });
  it('puts departments first, counties by division code, waiting reports first', () => {
    const sorted = sortReports([
      report('c2', 'COUNTY', '440781', 'ACCEPTED'),
      report('c1', 'COUNTY', '440703', 'SUBMITTED'),
      report('d2', 'DEPARTMENT', null, 'ACCEPTED'),
      report('d1', 'DEPARTMENT', null, 'SUBMITTED'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['d1', 'd2', 'c1', 'c2']);
  });
});

describe('pagePeriod', () => {
  const periods = [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }];
  it('prefers the address, then the current period, then the last', () => {
    expect(pagePeriod(periods, 'p2', 'p1')).toBe('p1');
    expect(pagePeriod(periods, 'p2', 'nope')).toBe('p2');
    expect(pagePeriod(periods, null, null)).toBe('p3');
    expect(pagePeriod([], null, null)).toBeNull();
  });
});
