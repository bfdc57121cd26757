import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { RATING_COLORS, countyBars, formatCount, formatPercent, type CountyInput } from './dashboard-format';
import { countyChartSummary } from './chart-summary';

const ACHIEVED = '#1d4f91';
// Awaiting review: lighter than achieved, yet 3:1 against the white page (a chart mark, WCAG 1.4.11).
const PENDING = '#6f93c7';
const SELECTED = '#0b2e5c';
// A county without a quota in a chart by quota: its share of the city's target, unrated (3:1 against white).
const CITY_SHARE = '#8c8c8c';
// Room above the plot for the 时间进度 label over the dashed line, so it is never clipped.
const TOP_ROOM = 28;

/**
 * A target by county: horizontal bars, short names, best first. With quotas: completion of each
 * county's quota, coloured by rating, the expected share as a dashed line. Without: achieved and
 * awaiting review stacked. Clicking a bar opens its sources.
 */
export function CountyChart({
  rows,
  expectedShare,
  cityTarget,
  unit,
  selectedCountyId,
  onBarClick,
}: {
  rows: readonly CountyInput[];
  expectedShare: number;
  /** The city's target: a county without a quota is drawn as its share of it when others have one */
  cityTarget: number | null;
  unit: string;
  selectedCountyId: string | null;
  onBarClick: (countyId: string, countyName: string) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { bars, byQuota, mixed } = countyBars(rows, expectedShare, display, cityTarget);
  const height = 56 + (byQuota ? TOP_ROOM : 0) + bars.length * 40;
  const click = (index: number) => {
    const bar = bars[index];
    if (bar) onBarClick(bar.countyId, bar.name);
  };
  const summary = countyChartSummary(
    t('dashboard.byCounty'),
    bars,
    byQuota,
    display(unit),
    {
      achieved: t('dashboard.seriesAchieved'),
      pending: t('dashboard.seriesPending'),
      completion: t('dashboard.seriesCompletion'),
      expected: t('dashboard.seriesExpected'),
      noFigure: t('dashboard.noFigure'),
      over: t('dashboard.overCeiling'),
      rating: (r) => t(`dashboard.rating.${r}`),
      cityShare: t('dashboard.seriesCityShare'),
    },
    lang,
  );
  return (
    <div
      className="ls-dash-chart"
      role="figure"
      aria-label={summary}
      data-testid="county-chart"
      data-counties={bars.map((b) => b.name).join(',')}
    >
      <p className="ls-dash-hint">{t(byQuota ? 'dashboard.byCountyHintQuota' : 'dashboard.byCountyHint')}</p>
      <ResponsiveContainer width="100%" height={height}>
        {byQuota ? (
          <BarChart data={bars} layout="vertical" margin={{ top: TOP_ROOM, right: 56, bottom: 8, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
              tickFormatter={(v: number) => `${v}%`}
            />
            <YAxis type="category" dataKey="name" width={52} interval={0} tick={{ fontSize: 14 }} />
            <Tooltip
              formatter={(v, name, item) => {
                const bar = (item as { payload?: (typeof bars)[number] }).payload;
                return [formatPercent(Number(v)), bar && bar.percent === null ? t('dashboard.seriesCityShare') : name];
              }}
            />
            <ReferenceLine
              x={expectedShare * 100}
              stroke="#595959"
              strokeDasharray="6 4"
              label={{ value: t('dashboard.seriesExpected'), position: 'top', fontSize: 12, className: 'ls-dash-expected-label' }}
            />
            <Bar
              dataKey="plotted"
              name={t('dashboard.seriesCompletion')}
              onClick={(_, i) => click(i)}
              cursor="pointer"
              isAnimationActive={false}
            >
              {bars.map((b) => (
                <Cell
                  key={b.countyId}
                  fill={b.rating ? RATING_COLORS[b.rating] : CITY_SHARE}
                  stroke={b.countyId === selectedCountyId ? SELECTED : undefined}
                  strokeWidth={2}
                />
              ))}
              <LabelList dataKey="plotted" position="right" formatter={(v) => formatPercent(Number(v))} />
            </Bar>
          </BarChart>
        ) : (
          <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 72, bottom: 8, left: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => formatCount(v, lang)} />
            <YAxis type="category" dataKey="name" width={52} interval={0} tick={{ fontSize: 14 }} />
            <Tooltip formatter={(v) => `${formatCount(Number(v), lang)} ${display(unit)}`} />
            <Legend />
            <Bar
              dataKey="achieved"
              stackId="a"
              name={t('dashboard.seriesAchieved')}
              fill={ACHIEVED}
              onClick={(_, i) => click(i)}
              cursor="pointer"
              isAnimationActive={false}
            >
              {bars.map((b) => (
                <Cell key={b.countyId} fill={b.countyId === selectedCountyId ? SELECTED : ACHIEVED} />
              ))}
              <LabelList
                dataKey="achieved"
                content={(props) => {
                  // After the whole stack (achieved + awaiting review), so the number never sits on a bar.
                  const { x, y, width, height, index } = props as {
                    x?: number | string;
                    y?: number | string;
                    width?: number | string;
                    height?: number | string;
                    index?: number;
                  };
                  const bar = index === undefined ? undefined : bars[index];
                  if (!bar) return null;
                  const w = Number(width ?? 0);
                  const stack = bar.achieved > 0 ? w * (1 + bar.pending / bar.achieved) : w;
                  return (
                    <text
                      x={Number(x ?? 0) + stack + 6}
                      y={Number(y ?? 0) + Number(height ?? 0) / 2}
                      dominantBaseline="central"
                      fontSize={13}
                      fill="#262626"
                    >
                      {formatCount(bar.achieved, lang)}
                      {bar.pending > 0 ? ` (+${formatCount(bar.pending, lang)})` : ''}
                    </text>
                  );
                }}
              />
            </Bar>
            <Bar
              dataKey="pending"
              stackId="a"
              name={t('dashboard.seriesPending')}
              fill={PENDING}
              onClick={(_, i) => click(i)}
              cursor="pointer"
              isAnimationActive={false}
            />
          </BarChart>
        )}
      </ResponsiveContainer>
      {mixed && (
        <ul className="ls-dash-legend" data-testid="county-legend">
          <li>
            <span className="ls-dash-swatch" aria-hidden style={{ background: RATING_COLORS.GREEN }} />
            <span className="ls-dash-swatch" aria-hidden style={{ background: RATING_COLORS.YELLOW }} />
            <span className="ls-dash-swatch" aria-hidden style={{ background: RATING_COLORS.RED }} />
            {t('dashboard.legendQuota')}
          </li>
          <li>
            <span className="ls-dash-swatch" aria-hidden style={{ background: CITY_SHARE }} />
            {t('dashboard.legendCityShare')}
          </li>
        </ul>
      )}
    </div>
  );
}
