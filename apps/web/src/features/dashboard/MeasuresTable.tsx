import { Link } from 'react-router';
import { Grid, Table, Tag, Typography } from 'antd';
import type { DashboardOverviewQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { formatDateTime } from '../../shared/format';
import { usePolicyFromRoute, measurePath } from '../policy-nav';
import { RATING_COLORS, summariseUnits } from './dashboard-format';

type MeasureRow = DashboardOverviewQuery['policyOverview']['measures'][number];

function RatingLight({ row }: { row: MeasureRow }) {
  const { t } = useI18n();
  if (!row.rating) return <Typography.Text type="secondary">{t('dashboard.noTarget')}</Typography.Text>;
  return (
    <span className="ls-dash-light" data-rating={row.rating}>
      <span className="ls-dash-dot" style={{ background: RATING_COLORS[row.rating] }} aria-hidden />
      {t(`dashboard.rating.${row.rating}`)}
    </span>
  );
}

function UnitsSummary({ row }: { row: MeasureRow }) {
  const { t } = useI18n();
  const { statuses } = summariseUnits(row.units);
  if (statuses.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span className="ls-dash-statuses">
      {statuses.map((s) => (
        <Tag
          key={s.status}
          color={s.status === 'BEHIND' ? 'red' : s.status === 'AT_RISK' ? 'orange' : s.status === 'DONE' ? 'green' : 'blue'}
          className="ls-tag"
        >
          {t(`unitStatus.${s.status}` as 'unitStatus.ON_TRACK')} {s.count}
        </Tag>
      ))}
    </span>
  );
}

function Missing({ row }: { row: MeasureRow }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const { missing } = summariseUnits(row.units);
  if (missing.length === 0) return <Typography.Text type="success">{t('dashboard.allReported')}</Typography.Text>;
  return (
    <span className="ls-dash-missing">
      {missing.map((m, i) => (
        <span key={m.id} className={m.overdue ? 'ls-dash-overdue' : undefined}>
          {display(m.shortName)}
          {i < missing.length - 1 ? t('common.listSeparator') : ''}
        </span>
      ))}
    </span>
  );
}

/** The 15 measures: rating light, units' own statuses, last report, who has not reported. */
export function MeasuresTable({ rows, periodId }: { rows: readonly MeasureRow[]; periodId?: string | null }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const screens = Grid.useBreakpoint();
  const { policyId } = usePolicyFromRoute();
  const title = (row: MeasureRow) => (
    <Link to={measurePath(policyId, row.measure.id, periodId)} className="ls-drill-measure-link" data-testid="measure-link">
      <span className="ls-measure-number">{measureNumber(row.measure.seq, lang)}</span>
      {lang === 'en' && ' '}
      {display(stripLeadingNumber(row.measure.title))}
    </Link>
  );
  if (!screens.md) {
    // A phone: one compact card per measure instead of a table scrolled sideways.
    return (
      <ul className="ls-dash-measure-cards" data-testid="measures">
        {rows.map((row) => (
          <li key={row.measure.id} className="ls-dash-measure-card" data-testid="measure-row">
            <div className="ls-dash-measure-title">{title(row)}</div>
            <div className="ls-dash-measure-line">
              <RatingLight row={row} />
              <UnitsSummary row={row} />
            </div>
            <div className="ls-dash-measure-line">
              <Typography.Text type="secondary">{t('dashboard.colMissing')}：</Typography.Text>
              <Missing row={row} />
            </div>
            {row.lastReportAt && (
              <Typography.Text type="secondary" className="ls-dash-small">
                {t('dashboard.colLast')} {formatDateTime(row.lastReportAt)}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<MeasureRow>
      data-testid="measures"
      size="small"
      rowKey={(r) => r.measure.id}
      dataSource={[...rows]}
      pagination={false}
      onRow={() => ({ 'data-testid': 'measure-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('dashboard.colMeasure'), key: 'measure', render: (_, r) => title(r) },
        { title: t('dashboard.colRating'), key: 'rating', width: 120, render: (_, r) => <RatingLight row={r} /> },
        { title: t('dashboard.colUnits'), key: 'units', width: 200, render: (_, r) => <UnitsSummary row={r} /> },
        { title: t('dashboard.colLast'), key: 'last', width: 150, render: (_, r) => formatDateTime(r.lastReportAt) || '—' },
        { title: t('dashboard.colMissing'), key: 'missing', width: 260, render: (_, r) => <Missing row={r} /> },
      ]}
    />
  );
}
