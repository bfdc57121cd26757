import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { RATING_COLORS, formatCount, type CountyInput } from './dashboard-format';
import { ceilingAxis, ceilingBars } from './ceiling-format';
import { ceilingChartSummary } from './chart-summary';

const WITHIN = '#1d4f91';
const SELECTED = '#0b2e5c';

/**
 * An AT_MOST target by county (e.g. 公示时间 at most N days): each county's measured level as a
 * horizontal bar, lowest first, the ceiling as a dashed line, bars above it red. Counties without
 * a figure keep their row with "no figure yet", so a leader sees who has not measured.
 */
export function CeilingChart({
  rows,
  ceiling,
  unit,
  selectedCountyId,
  onBarClick,
}: {
  rows: readonly CountyInput[];
  ceiling: number;
  unit: string;
  selectedCountyId: string | null;
  onBarClick: (countyId: string, countyName: string) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const bars = ceilingBars(rows, ceiling, display);
  const data = bars.map((b) => ({ ...b, value: b.level ?? 0 }));
  const axis = ceilingAxis(bars, ceiling);
  const unitText = display(unit);
  const click = (index: number) => {
    const bar = bars[index];
    if (bar) onBarClick(bar.countyId, bar.name);
  };
  const summary = ceilingChartSummary(
    t('dashboard.byCounty'),
    bars,
    unitText,
    { noFigure: t('dashboard.noFigure'), over: t('dashboard.overCeiling') },
    lang,
  );
  return (
    <div
      className="ls-dash-chart"
      role="figure"
      aria-label={summary}
      data-testid="ceiling-chart"
      data-counties={bars.map((b) => b.name).join(',')}
      data-over={bars.filter((b) => b.over).length}
    >
      <p className="ls-dash-hint">{t('dashboard.byCountyHintCeiling')}</p>
      <ResponsiveContainer width="100%" height={56 + bars.length * 40}>
        <BarChart data={data} layout="vertical" margin={{ top: 20, right: 96, bottom: 8, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, axis.max]} ticks={axis.ticks} tickFormatter={(v: number) => formatCount(v, lang)} />
          <YAxis
            type="category"
            dataKey="name"
            width={52}
            interval={0}
            tick={(props: { x?: number | string; y?: number | string; index?: number; payload?: { value?: string } }) => {
              // Recharts draws no bar and no label for a county without a figure: say so next to its name.
              const bar = props.index === undefined ? undefined : bars[props.index];
              const x = Number(props.x ?? 0);
              const y = Number(props.y ?? 0);
              return (
                <g className="recharts-cartesian-axis-tick">
                  <text x={x - 2} y={y} textAnchor="end" dominantBaseline="central" fontSize={14} fill="#666">
                    {props.payload?.value}
                  </text>
                  {bar && bar.level === null && (
                    <text x={x + 12} y={y} dominantBaseline="central" fontSize={13} fill="#666">
                      {t('dashboard.noFigure')}
                      {bar.pending !== null ? ` (${t('dashboard.seriesPending')} ${formatCount(bar.pending, lang)} ${unitText})` : ''}
                    </text>
                  )}
                </g>
              );
            }}
          />
          <Tooltip
            formatter={(_v, _n, item) => {
              const bar = (item as { payload?: (typeof data)[number] }).payload;
              if (!bar || bar.level === null) return [t('dashboard.noFigure'), t('dashboard.level')];
              return [
                `${formatCount(bar.level, lang)} ${unitText}${bar.over ? ` · ${t('dashboard.overCeiling')}` : ''}`,
                t('dashboard.level'),
              ];
            }}
          />
          <ReferenceLine
            x={ceiling}
            stroke={RATING_COLORS.RED}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{
              value: `${t('dashboard.seriesCeiling')} ${formatCount(ceiling, lang)}`,
              position: 'top',
              fontSize: 12,
              fill: RATING_COLORS.RED,
            }}
          />
          <Bar dataKey="value" name={t('dashboard.level')} onClick={(_, i) => click(i)} cursor="pointer" isAnimationActive={false}>
            {bars.map((b) => (
              <Cell
                key={b.countyId}
                fill={b.over ? RATING_COLORS.RED : WITHIN}
                stroke={b.countyId === selectedCountyId ? SELECTED : undefined}
                strokeWidth={2}
              />
            ))}
            <LabelList
              dataKey="value"
              content={(props) => {
                // The level after the bar; a level awaiting review in brackets.
                const { x, y, width, height, index } = props as {
                  x?: number | string;
                  y?: number | string;
                  width?: number | string;
                  height?: number | string;
                  index?: number;
                };
                const bar = index === undefined ? undefined : bars[index];
                if (!bar || bar.level === null) return null; // said next to the county's name
                const text = `${formatCount(bar.level, lang)} ${unitText}`;
                const pending = bar.pending !== null ? ` (${t('dashboard.seriesPending')} ${formatCount(bar.pending, lang)})` : '';
                return (
                  <text
                    x={Number(x ?? 0) + Number(width ?? 0) + 6}
                    y={Number(y ?? 0) + Number(height ?? 0) / 2}
                    dominantBaseline="central"
                    fontSize={13}
                    fill={bar.over ? RATING_COLORS.RED : '#262626'}
                  >
                    {text}
                    {pending}
                  </text>
                );
              }}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
