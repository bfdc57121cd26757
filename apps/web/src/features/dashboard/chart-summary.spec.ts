import { ceilingChartSummary, countyChartSummary, trendChartSummary } from './chart-summary';

const labels = {
  achieved: '已完成',
  pending: '待审核',
  completion: '完成率',
  expected: '时间进度',
  noFigure: '暂无数据',
  over: '超过上限',
  rating: (r: string) => ({ GREEN: '进度正常', YELLOW: '略有滞后', RED: '明显滞后' })[r]!,
};
const bar = (name: string, achieved: number, pending: number, percent: number | null, rating: 'GREEN' | 'YELLOW' | 'RED' | null) => ({
  countyId: name,
  name,
  achieved,
  pending,
  quota: null,
  percent,
  cityShare: null,
  plotted: percent ?? 0,
  rating,
});

describe('chart summaries for screen readers', () => {
  it('reads each county’s completion and rating in words', () => {
    expect(
      countyChartSummary(
        '各地完成情况',
        [bar('台山', 640, 0, 106.7, 'GREEN'), bar('开平', 300, 0, 50, 'RED')],
        true,
        '个',
        labels,
        'zh-Hans',
      ),
    ).toBe('各地完成情况: 台山完成率106.7%，进度正常；开平完成率50.0%，明显滞后');
  });
  it('reads a county without a quota in a chart by quota as its share of the city’s target', () => {
    expect(
      countyChartSummary(
        '各地完成情况',
        [bar('台山', 640, 0, 106.7, 'GREEN'), { ...bar('开平', 300, 0, null, null), cityShare: 10, plotted: 10 }],
        true,
        '个',
        { ...labels, cityShare: '占全市目标' },
        'zh-Hans',
      ),
    ).toBe('各地完成情况: 台山完成率106.7%，进度正常；开平占全市目标10.0%，已完成300个');
  });
  it('reads counts and what awaits review without quotas, in English with English separators', () => {
    expect(
      countyChartSummary(
        'By county',
        [bar('Taishan', 3201, 12, null, null)],
        false,
        'posts',
        { ...labels, achieved: 'Achieved', pending: 'Awaiting review' },
        'en',
      ),
    ).toBe('By county: Taishan Achieved 3,201 posts, Awaiting review 12 posts');
  });
  it('reads the trend quarter by quarter, and a ceiling chart’s overruns', () => {
    const rows = [
      { periodId: 'a', label: '2024Q1', achieved: 10, cumulative: 10, expected: 750 },
      { periodId: 'b', label: '2024Q2', achieved: 5, cumulative: 15, expected: null },
    ];
    expect(trendChartSummary('累计进度走势', rows, '个', { achieved: '累计完成', expected: '时间进度' }, 'zh-Hans')).toBe(
      '累计进度走势: 2024Q1累计完成10个，时间进度750个；2024Q2累计完成15个',
    );
    const bars = [
      { countyId: 'a', name: '台山', level: 9, pending: null, over: true },
      { countyId: 'b', name: '开平', level: null, pending: null, over: false },
    ];
    expect(ceilingChartSummary('各地完成情况', bars, '天', labels, 'zh-Hans')).toBe('各地完成情况: 台山9天，超过上限；开平暂无数据');
  });
});
