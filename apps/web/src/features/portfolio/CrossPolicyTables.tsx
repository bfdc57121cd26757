import { Table, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { LightChips } from './LightChips';
import {
  countyBars,
  LIGHT_COLORS,
  unitRows,
  type CountyStanding,
  type LightKey,
  type UnitRow,
  type UnitStanding,
} from './portfolio-format';

const STACK: readonly LightKey[] = ['RED', 'YELLOW', 'GREEN', 'NO_DATA'];

/** Each county over every policy: its targets by light (chart and table) and its own late reports. */
export function CountyRollup({ rows }: { rows: readonly CountyStanding[] }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const bars = countyBars(rows, display);
  return (
    <section className="ls-port-section" data-testid="portfolio-counties">
      <Typography.Title level={2} className="ls-port-h2">
        {t('portfolio.counties')}
      </Typography.Title>
      <p className="ls-port-muted">{t('portfolio.countiesHint')}</p>
      <ResponsiveContainer width="100%" height={56 + bars.length * 32}>
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 4 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={72} />
          <Tooltip />
          <Legend />
          {STACK.map((key) => (
            <Bar
              key={key}
              dataKey={key}
              stackId="lights"
              name={t(`portfolio.light.${key}`)}
              fill={LIGHT_COLORS[key]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <Table<CountyStanding>
        size="small"
        rowKey={(r) => r.county.id}
        pagination={false}
        dataSource={[...rows]}
        columns={[
          { title: t('portfolio.colCounty'), key: 'county', render: (_, r) => display(r.county.shortName) },
          { title: t('portfolio.colLights'), key: 'lights', render: (_, r) => <LightChips lights={r.lights} /> },
          {
            title: t('portfolio.colLateReports'),
            dataIndex: 'lateReports',
            align: 'right',
            sorter: (a, b) => a.lateReports - b.lateReports,
          },
          { title: t('portfolio.colPoliciesLate'), dataIndex: 'policiesLate', align: 'right' },
        ]}
      />
    </section>
  );
}

/** Each unit's reporting over all its policies, worst first (as the API sorts it). */
export function UnitRollup({ rows }: { rows: readonly UnitStanding[] }) {
  const { t } = useI18n();
  const display = useDisplayText();
  return (
    <section className="ls-port-section" data-testid="portfolio-units">
      <Typography.Title level={2} className="ls-port-h2">
        {t('portfolio.units')}
      </Typography.Title>
      <p className="ls-port-muted">{t('portfolio.unitsHint')}</p>
      <Table<UnitRow>
        size="small"
        rowKey={(r) => r.agency.id}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={unitRows(rows)}
        columns={[
          { title: t('portfolio.colUnit'), key: 'unit', render: (_, r) => display(r.agency.shortName) },
          { title: t('portfolio.colPolicies'), dataIndex: 'policies', align: 'right' },
          { title: t('portfolio.colDue'), dataIndex: 'due', align: 'right' },
          { title: t('portfolio.colOnTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('portfolio.colLate'), dataIndex: 'late', align: 'right' },
          {
            title: t('portfolio.colMissing'),
            dataIndex: 'missing',
            align: 'right',
            render: (v: number) => (v > 0 ? <span className="ls-port-warn">{v}</span> : v),
          },
          {
            title: t('portfolio.colRate'),
            key: 'rate',
            align: 'right',
            render: (_, r) => (
              <span className="ls-port-light" data-band={r.band}>
                <span className="ls-port-dot" style={{ background: r.color }} aria-hidden />
                {r.rateText} {t(`portfolio.band.${r.band}`)}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
