import { exportSheets, type ExportInput } from './export-rows';
import { MESSAGES } from '../../app/catalogue';
import { formatMessage, type Lang, type MessageKey } from '../../shared/i18n';

/** Message keys as themselves, except punctuation templates, which are the simplified Chinese ones. */
const keys = (key: string, vars?: Record<string, string | number>) =>
  key === 'dashboard.withUnit'
    ? formatMessage('{name}（{unit}）', vars)
    : key === 'dashboard.statusSeparator'
      ? '；'
      : key === 'common.listSeparator'
        ? '、'
        : key;

describe('exportSheets', () => {
  it('one sheet per table, numbers kept as numbers', () => {
    const sheets = exportSheets(
      {
        targets: [
          {
            achieved: 309,
            pending: 26,
            percent: 77.25,
            expectedShare: 0.75,
            expectedValue: 300,
            rating: 'GREEN',
            target: { name: '公益性崗位', unit: '個', direction: 'AT_LEAST', targetValue: 400 },
          },
          {
            achieved: 4,
            pending: 0,
            percent: 75,
            expectedShare: 1,
            expectedValue: 3,
            rating: 'RED',
            target: { name: '公示時間', unit: '天', direction: 'AT_MOST', targetValue: 3 },
          },
        ],
        counties: [
          { target: { name: '公益性崗位' }, byCounty: [{ county: { shortName: '台山' }, quota: null, achieved: 44, pending: 0 }] },
        ],
        measures: [
          {
            rating: null,
            missing: 1,
            lastReportAt: null,
            measure: { seq: 1, title: '穩崗' },
            units: [{ state: 'NOT_STARTED', overdue: true, unitStatus: null, agency: { id: 'a', shortName: '江海' } }],
          },
        ],
        compliance: [
          { agency: { id: 'a', name: '江海區人民政府', shortName: '江海' }, onTime: 1, late: 0, missing: 1, total: 2, onTimeRate: 0.5 },
        ],
      },
      keys,
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

  it('follows the language: sheet names, headers, labels and punctuation', () => {
    const input: ExportInput = {
      targets: [
        {
          achieved: 1,
          pending: 0,
          percent: 10,
          expectedShare: 0.5,
          expectedValue: 5,
          rating: 'YELLOW',
          target: { name: '崗位', unit: '個', direction: 'AT_LEAST', targetValue: 10 },
        },
      ],
      counties: [],
      measures: [
        {
          rating: 'GREEN',
          missing: 2,
          lastReportAt: null,
          measure: { seq: 2, title: '穩崗' },
          units: [
            { state: 'SUBMITTED', overdue: false, unitStatus: 'ON_TRACK', agency: { id: 'a', shortName: '江海' } },
            { state: 'ACCEPTED', overdue: false, unitStatus: 'DONE', agency: { id: 'b', shortName: '蓬江' } },
            { state: 'DRAFT', overdue: false, unitStatus: null, agency: { id: 'c', shortName: '台山' } },
            { state: 'NOT_STARTED', overdue: false, unitStatus: null, agency: { id: 'd', shortName: '恩平' } },
          ],
        },
      ],
      compliance: [],
    };
    const inLang = (lang: Lang) =>
      exportSheets(
        input,
        (key, vars) => formatMessage(MESSAGES[lang][key as MessageKey], vars),
        (s) => s,
      );
    const en = inLang('en');
    expect(en.map((s) => s.name)).toEqual(['Numeric targets', 'By county', 'Measures', 'Reporting by unit']);
    expect(en[0].header[0]).toBe('Measure');
    expect(en[0].rows[0][0]).toBe('崗位 (個)');
    expect(en[0].rows[0][6]).toBe('Slightly behind');
    expect(String(en[2].rows[0][2])).toMatch(/^[^；]+; [^；]+$/);
    expect(en[2].rows[0][4]).toBe('台山, 恩平');
    const hant = inLang('zh-Hant');
    expect(hant.map((s) => s.name)).toEqual(['量化指標完成情況', '各地完成情況', '各項措施落實情況', '各單位報送情況']);
    expect(hant[0].rows[0][0]).toBe('崗位（個）');
    expect(hant[2].rows[0][4]).toBe('台山、恩平');
    for (const sheets of [en, hant]) for (const s of sheets) for (const h of s.header) expect(h).not.toMatch(/^(dashboard|common)\./);
  });
});
