import { exportSheets } from './export-rows';

describe('exportSheets', () => {
  it('one sheet per table, numbers kept as numbers', () => {
    const sheets = exportSheets(
      {
        targets: [
          { achieved: 309, pending: 26, percent: 77.25, expectedShare: 0.75, expectedValue: 300, rating: 'GREEN', target: { name: '公益性崗位', unit: '個', direction: 'AT_LEAST', targetValue: 400 } },
          { achieved: 4, pending: 0, percent: 75, expectedShare: 1, expectedValue: 3, rating: 'RED', target: { name: '公示時間', unit: '天', direction: 'AT_MOST', targetValue: 3 } },
        ],
        counties: [{ target: { name: '公益性崗位' }, byCounty: [{ county: { shortName: '台山' }, quota: null, achieved: 44, pending: 0 }] }],
        measures: [
          { rating: null, missing: 1, lastReportAt: null, measure: { seq: 1, title: '穩崗' }, units: [{ state: 'NOT_STARTED', overdue: true, unitStatus: null, agency: { id: 'a', shortName: '江海' } }] },
        ],
        compliance: [{ agency: { id: 'a', name: '江海區人民政府', shortName: '江海' }, onTime: 1, late: 0, missing: 1, total: 2, onTimeRate: 0.5 }],
      },
      (key) => key,
      (s) => s,
    );
    expect(sheets.map((s) => s.name)).toEqual(['dashboard.targets', 'dashboard.byCounty', 'dashboard.measures', 'dashboard.compliance']);
    expect(sheets[0].rows[0]).toEqual(['公益性崗位（個）', 309, 26, 400, 77.3, 75, 'dashboard.rating.GREEN']);
    expect(sheets[0].rows[1]).toEqual(['公示時間（天）', 4, 0, 3, 75, 3, 'dashboard.rating.RED']);
    expect(sheets[1].rows).toEqual([['公益性崗位', '台山', 44, 0, '']]);
    expect(sheets[2].rows).toEqual([['1. 穩崗', 'dashboard.noTarget', '', '', '江海']]);
    expect(sheets[3].rows).toEqual([[1, '江海區人民政府', 1, 0, 1, 50]]);
    for (const s of sheets) for (const r of s.rows) expect(r).toHaveLength(s.header.length);
  });
});
