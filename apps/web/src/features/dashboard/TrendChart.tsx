import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Empty } from 'antd';
import type { TargetDirection } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatCount, trendSeries, type TrendInput } from './dashboard-format';
import { trendChartSummary } from './chart-summary';

/** Cumulative accepted quarter by quarter (bars) against the trajectory (a dashed line). */
export function TrendChart({
  points,
  direction,
  unit,
  county,
}: {
  points: readonly TrendInput[];
  direction: TargetDirection;
  unit: string;
  /** One county: its quota (null when none) scales the trajectory */
  county?: { quota: number | null; targetValue: number };
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const rows = trendSeries(points, direction, lang, county);
  const hasExpected = rows.some((r) => r.expected !== null);
  if (rows.length === 0) return <Empty description={t('dashboard.noTrend')} />;
  const atMost = direction === 'AT_MOST';
  const summary = trendChartSummary(
    t('dashboard.trend'),
    rows,
    display(unit),
    {
      achieved: t(atMost ? 'dashboard.seriesLevel' : 'dashboard.seriesCumulative'),
      expected: t(atMost ? 'dashboard.seriesCeiling' : 'dashboard.seriesExpected'),
    },
    lang,
  );
  return (
    <div className="ls-dash-chart" role="figure" aria-label={summary} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart data={rows} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 13 }} />
          <YAxis tickFormatter={(v: number) => formatCount(v, lang)} width={56} />
          <Tooltip formatter={(v) => `${formatCount(Number(v), lang)} ${display(unit)}`} />
          <Legend />
          <Bar
            dataKey="cumulative"
            name={t(atMost ? 'dashboard.seriesLevel' : 'dashboard.seriesCumulative')}
            fill="#1d4f91"
            maxBarSize={56}
            isAnimationActive={false}
          >
            <LabelList dataKey="cumulative" position="top" formatter={(v) => formatCount(Number(v), lang)} />
          </Bar>
          {hasExpected && (
            <Line
              dataKey="expected"
              name={t(atMost ? 'dashboard.seriesCeiling' : 'dashboard.seriesExpected')}
              stroke="#d46b08"
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={{ r: 4, strokeDasharray: '0' }} // solid circles, not dashed like the line
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
