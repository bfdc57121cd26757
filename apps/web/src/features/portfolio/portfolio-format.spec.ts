import { countyBars, dashboardPath, lightChips, standingView, unitRows, type Standing, type UnitStanding } from './portfolio-format';

const standing = (over: Partial<Standing> = {}): Standing => ({
  policy: { id: 'pol-1', docNumber: '江就辦〔2024〕1號', title: '通知', issuedOn: '2024-07-26' },
  period: { id: 'q3', label: '2024Q3' },
  timeElapsed: 0.75,
  completion: 0.456,
  lights: { green: 2, yellow: 1, red: 3, noData: 0 },
  lateUnits: [],
  openItems: 0,
  overdueItems: 0,
  attention: 10,
  ...over,
});

describe('lightChips', () => {
  it('lists the lights that occur, worst first, each with its colour', () => {
    expect(lightChips({ green: 2, yellow: 0, red: 1, noData: 4 }).map((c) => [c.key, c.count])).toEqual([
      ['RED', 1],
      ['GREEN', 2],
      ['NO_DATA', 4],
    ]);
    expect(lightChips({ green: 0, yellow: 0, red: 0, noData: 0 })).toEqual([]);
    expect(lightChips({ green: 0, yellow: 0, red: 1, noData: 0 })[0].color).toBe('#cf1322');
  });
});

describe('standingView', () => {
  it('puts completion against the time elapsed, in whole percents', () => {
    const v = standingView(standing());
    expect([v.completionPercent, v.elapsedPercent, v.behindPoints]).toEqual([46, 75, 29]);
    expect(standingView(standing({ completion: 0.9 })).behindPoints).toBe(0);
  });

  it('has no completion without count targets, and nothing behind then', () => {
    const v = standingView(standing({ completion: null }));
    expect([v.completionPercent, v.behindPoints]).toEqual([null, 0]);
  });

  it('names the first late units and counts the rest', () => {
    const lateUnits = ['台山', '开平', '恩平', '鹤山', '新会', '江海', '蓬江'].map((shortName, i) => ({ id: `u${i}`, shortName }));
    const v = standingView(standing({ lateUnits }), (x) => `[${x}]`, 5);
    expect(v.lateShown).toEqual(['[台山]', '[开平]', '[恩平]', '[鹤山]', '[新会]']);
    expect(v.lateMore).toBe(2);
  });

  it('links into the policy’s own dashboard', () => {
    expect(standingView(standing()).dashboardPath).toBe('/p/pol-1/dashboard');
    expect(dashboardPath('a/b')).toBe('/p/a%2Fb/dashboard');
  });
});

describe('countyBars', () => {
  it('stacks each county’s targets by light', () => {
    const bars = countyBars([
      { county: { id: 'c1', shortName: '台山' }, lights: { green: 1, yellow: 2, red: 3, noData: 4 }, lateReports: 5, policiesLate: 2 },
    ]);
    expect(bars).toEqual([{ countyId: 'c1', name: '台山', RED: 3, YELLOW: 2, GREEN: 1, NO_DATA: 4, lateReports: 5 }]);
  });
});

describe('unitRows', () => {
  const unit = (onTimeRate: number | null): UnitStanding => ({
    agency: { id: 'a', shortName: '市人社局' },
    policies: 2,
    due: 10,
    onTime: 0,
    late: 0,
    missing: 0,
    onTimeRate,
  });
  it('bands the on-time rate with a word and a colour', () => {
    expect(unitRows([unit(0.9), unit(0.5), unit(0.2), unit(null)]).map((r) => [r.rateText, r.band])).toEqual([
      ['90%', 'GOOD'],
      ['50%', 'FAIR'],
      ['20%', 'POOR'],
      ['—', 'NONE'],
    ]);
  });
});
