import {
  cardView,
  countyBars,
  defaultPeriod,
  formatCount,
  formatPercent,
  rankCompliance,
  shortPeriodLabel,
  summariseUnits,
  trendSeries,
  type CountyInput,
} from './dashboard-format';

describe('formatCount', () => {
  it('groups digits below ten thousand and uses 万 / 萬 above, one decimal', () => {
    expect(formatCount(3201, 'zh-Hans')).toBe('3,201');
    expect(formatCount(12_345, 'zh-Hans')).toBe('1.2万');
    expect(formatCount(30_000, 'zh-Hant')).toBe('3萬');
    expect(formatCount(250_000_000, 'zh-Hans')).toBe('2.5亿');
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(formatCount(2.5, 'zh-Hans')).toBe('2.5');
  });
  it('shows a dash for no number', () => {
    expect(formatCount(null, 'zh-Hans')).toBe('—');
    expect(formatCount(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal', () => {
    expect(formatPercent(106.69999999999999)).toBe('106.7%');
    expect(formatPercent(75)).toBe('75.0%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(undefined)).toBe('—');
  });
});

describe('cardView', () => {
  const target = (direction: 'AT_LEAST' | 'AT_MOST', targetValue: number) => ({ direction, targetValue });
  it('AT_LEAST: completion against the expected share, coloured by rating', () => {
    const v = cardView({
      achieved: 1671,
      pending: 89,
      percent: 83.55,
      expectedShare: 0.75,
      expectedValue: 1500,
      rating: 'YELLOW',
      target: target('AT_LEAST', 2000),
    });
    expect(v.atMost).toBe(false);
    expect(v.fill).toBeCloseTo(83.55);
    expect(v.marker).toBe(75);
    expect(v.percentText).toBe('83.6%');
    expect(v.expectedText).toBe('75.0%');
    expect(v.color).toBe('#a15c00');
  });
  it('caps an over-achieved bar at 100%', () => {
    expect(
      cardView({
        achieved: 3201,
        pending: 0,
        percent: 106.7,
        expectedShare: 1,
        expectedValue: 3000,
        rating: 'GREEN',
        target: target('AT_LEAST', 3000),
      }).fill,
    ).toBe(100);
  });
  it('AT_MOST: the level against the ceiling, with room to show an overrun', () => {
    const v = cardView({
      achieved: 4,
      pending: 2,
      percent: 75,
      expectedShare: 1,
      expectedValue: 3,
      rating: 'RED',
      target: target('AT_MOST', 3),
    });
    expect(v.atMost).toBe(true);
    expect(v.marker).toBeCloseTo((3 / 4.5) * 100);
    expect(v.fill).toBeCloseTo((4 / 4.5) * 100);
    expect(v.fill).toBeGreaterThan(v.marker);
    expect(v.color).toBe('#cf1322');
  });
});

const county = (id: string, shortName: string, achieved: number, quota: number | null = null, pending = 0): CountyInput => ({
  county: { id, shortName },
  achieved,
  quota,
  pending,
});

describe('countyBars', () => {
  it('without quotas: sorted by achieved, short names converted', () => {
    const { bars, byQuota } = countyBars([county('a', '蓬江', 626), county('b', '新會', 654), county('c', '江海', 193, null, 89)], 1, (s) =>
      s.replace('會', '会'),
    );
    expect(byQuota).toBe(false);
    expect(bars.map((b) => b.name)).toEqual(['新会', '蓬江', '江海']);
    expect(bars[2]).toMatchObject({ pending: 89, percent: null, rating: null });
  });
  it('with quotas: sorted by completion of quota, rated against the expected share, those without a quota last', () => {
    const { bars, byQuota } = countyBars(
      [county('a', '蓬江', 300, 600), county('b', '台山', 500, 500), county('c', '恩平', 900, null), county('d', '江海', 100, 400)],
      0.75,
    );
    expect(byQuota).toBe(true);
    expect(bars.map((b) => [b.name, b.percent, b.rating])).toEqual([
      ['台山', 100, 'GREEN'],
      ['蓬江', 50, 'RED'],
      ['江海', 25, 'RED'],
      ['恩平', null, null],
    ]);
    const yellow = countyBars([county('a', '蓬江', 65, 100)], 0.75).bars[0];
    expect(yellow.rating).toBe('YELLOW');
  });
  it('with one county’s quota set, every county keeps a bar: the others as their share of the city’s target', () => {
    const rows = [
      county('a', '蓬江', 300, 600),
      county('b', '台山', 500),
      county('c', '恩平', 900),
      county('d', '江海', 0),
      county('e', '新會', 250),
      county('f', '開平', 100),
      county('g', '鶴山', 50),
    ];
    const { bars, byQuota, mixed } = countyBars(rows, 0.75, (s) => s, 5000);
    expect(byQuota).toBe(true);
    expect(mixed).toBe(true);
    expect(bars).toHaveLength(7);
    expect(bars.map((b) => [b.name, b.plotted, b.rating])).toEqual([
      ['蓬江', 50, 'RED'],
      ['恩平', 18, null],
      ['台山', 10, null],
      ['新會', 5, null],
      ['開平', 2, null],
      ['鶴山', 1, null],
      ['江海', 0, null],
    ]);
    expect(bars[1]).toMatchObject({ percent: null, cityShare: 18 });
    // Every county with a figure has a bar of some length.
    expect(bars.filter((b) => b.achieved > 0).every((b) => b.plotted > 0)).toBe(true);
  });
  it('without a city target, a county without a quota has no share to draw', () => {
    const { bars, mixed } = countyBars([county('a', '蓬江', 300, 600), county('b', '台山', 500)], 0.75);
    expect(mixed).toBe(true);
    expect(bars[1]).toMatchObject({ cityShare: null, plotted: 0 });
  });
  it('all quotas set, or none: not mixed, no city shares', () => {
    expect(countyBars([county('a', '蓬江', 300, 600)], 0.75, (s) => s, 5000)).toMatchObject({ mixed: false });
    const none = countyBars([county('a', '蓬江', 300)], 0.75, (s) => s, 5000);
    expect(none).toMatchObject({ byQuota: false, mixed: false });
    expect(none.bars[0]).toMatchObject({ cityShare: null, plotted: 0 });
  });
});

describe('trendSeries', () => {
  const p = (label: string, startsOn: string, achieved: number, cumulative: number, expected: number) => ({
    achieved,
    cumulative,
    expected,
    period: { id: label, label, startsOn },
  });
  it('orders by period and labels quarters for the axis', () => {
    const rows = trendSeries(
      [p('2024Q4', '2024-10-01', 850, 3201, 3000), p('2024Q3', '2024-07-01', 2351, 2351, 2250)],
      'AT_LEAST',
      'zh-Hans',
    );
    expect(rows.map((r) => [r.label, r.cumulative, r.expected])).toEqual([
      ['2024年三季度', 2351, 2250],
      ['2024年四季度', 3201, 3000],
    ]);
  });
  it('AT_MOST shows the quarter level, not a sum', () => {
    expect(trendSeries([p('2024Q3', '2024-07-01', 4, 8, 3)], 'AT_MOST', 'en')[0]).toMatchObject({
      label: '2024 Q3',
      cumulative: 4,
      expected: 3,
    });
  });
  it('for one county: scales the city trajectory to its quota, or leaves it out without one', () => {
    const points = [p('2024Q3', '2024-07-01', 30, 30, 300)];
    expect(trendSeries(points, 'AT_LEAST', 'zh-Hans', { quota: 80, targetValue: 400 })[0].expected).toBe(60);
    expect(trendSeries(points, 'AT_LEAST', 'zh-Hans', { quota: null, targetValue: 400 })[0].expected).toBeNull();
    expect(trendSeries([p('2024Q3', '2024-07-01', 4, 4, 3)], 'AT_MOST', 'zh-Hans', { quota: null, targetValue: 3 })[0].expected).toBe(3);
  });
  it('leaves odd labels alone', () => {
    expect(shortPeriodLabel('2024H1', 'zh-Hans')).toBe('2024H1');
  });
});

describe('rankCompliance', () => {
  const row = (id: string, onTime: number, late: number, missing: number) => {
    const total = onTime + late + missing;
    return { agency: { id, name: id, shortName: id }, onTime, late, missing, total, onTimeRate: total ? onTime / total : 0 };
  };
  it('ranks by on-time rate, then fewest missing; ties share a rank', () => {
    const ranked = rankCompliance([row('c', 0, 1, 1), row('a', 2, 0, 1), row('b', 1, 0, 1), row('d', 0, 0, 2), row('e', 1, 0, 1)]);
    expect(ranked.map((r) => [r.agency.id, r.rank, r.rateText])).toEqual([
      ['a', 1, '66.7%'],
      ['b', 2, '50.0%'],
      ['e', 2, '50.0%'],
      ['c', 4, '0.0%'],
      ['d', 5, '0.0%'],
    ]);
  });
});

describe('summariseUnits', () => {
  it('counts the units’ own statuses and lists who has not submitted, overdue first', () => {
    const u = (id: string, state: string, unitStatus: string | null, overdue = false) => ({
      agency: { id, shortName: id },
      state,
      unitStatus,
      overdue,
    });
    const s = summariseUnits([
      u('a', 'SUBMITTED', 'ON_TRACK'),
      u('b', 'ACCEPTED', 'BEHIND'),
      u('c', 'DRAFT', 'AT_RISK'),
      u('d', 'NOT_STARTED', null, true),
      u('e', 'SUBMITTED', 'ON_TRACK'),
    ]);
    expect(s.statuses).toEqual([
      { status: 'BEHIND', count: 1 },
      { status: 'ON_TRACK', count: 2 },
    ]);
    expect(s.missing.map((m) => [m.id, m.overdue])).toEqual([
      ['d', true],
      ['c', false],
    ]);
  });
});

describe('defaultPeriod', () => {
  const periods = [{ id: 'q3' }, { id: 'q4' }, { id: 'q1' }, { id: 'q2' }];
  it('takes the period in the address when the policy has it', () => {
    expect(defaultPeriod(periods, 'q1', 'q3')).toBe('q3');
    expect(defaultPeriod(periods, 'q1', 'nope')).toBe('q1');
  });
  it('walks back from the current period past periods known to have no reports', () => {
    expect(defaultPeriod(periods, 'q1', null, new Set(['q1']))).toBe('q4');
    expect(defaultPeriod(periods, null, null, new Set(['q2', 'q1']))).toBe('q4');
    expect(defaultPeriod(periods, 'q4', null, new Set(['q4', 'q3']))).toBe('q4');
  });
  it('stops at the latest period that is due even without reports, not at the calendar’s quarter', () => {
    const dated = [
      { id: '2026Q1', dueOn: '2026-04-10' },
      { id: '2026Q2', dueOn: '2026-07-10' },
      { id: '2026Q3', dueOn: '2026-10-10' },
    ];
    // Before Q3's due date a Q3 without reports is not yet owed: Q2 (due, reported or not) opens.
    expect(defaultPeriod(dated, '2026Q3', null, new Set(['2026Q3', '2026Q2']), '2026-10-05')).toBe('2026Q2');
    // From its due date on, Q3 opens even when no unit has reported.
    expect(defaultPeriod(dated, '2026Q3', null, new Set(['2026Q3']), '2026-11-30')).toBe('2026Q3');
    expect(defaultPeriod(dated, '2026Q3', null, new Set(), '2026-10-05')).toBe('2026Q3');
  });
});
