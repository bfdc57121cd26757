import { Progress, Tag } from 'antd';
import type { DashboardOverviewQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { RATING_COLORS, rankCompliance } from './dashboard-format';

type Row = DashboardOverviewQuery['policyOverview']['compliance'][number];

/** Units ranked by reporting on time: on time / late / missing and the on-time rate. */
export function ComplianceList({ rows }: { rows: readonly Row[] }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const ranked = rankCompliance(rows);
  return (
    <ol className="ls-dash-compliance" data-testid="compliance">
      {ranked.map((row) => {
        const rate = row.onTimeRate * 100;
        const color = rate >= 80 ? RATING_COLORS.GREEN : rate >= 50 ? RATING_COLORS.YELLOW : RATING_COLORS.RED;
        return (
          <li key={row.agency.id} className="ls-dash-compliance-row" data-testid="compliance-row">
            <span className="ls-dash-rank">{row.rank}</span>
            <span className="ls-dash-unit" title={display(row.agency.name)}>
              {display(row.agency.shortName)}
            </span>
            {row.extendedDueOn && (
              // 延期: the unit's own later due date, by which its on time / late counts are judged.
              <Tag color="blue" data-testid="compliance-extended">
                {t('period.extendedTo', { date: row.extendedDueOn })}
              </Tag>
            )}
            <span className="ls-dash-counts">
              {t('dashboard.onTime')} {row.onTime} · {t('dashboard.late')} {row.late} ·{' '}
              <span className={row.missing > 0 ? 'ls-dash-overdue' : undefined}>
                {t('dashboard.missing')} {row.missing}
              </span>
            </span>
            <Progress
              className="ls-dash-rate"
              percent={Math.round(rate * 10) / 10}
              size="small"
              strokeColor={color}
              format={() => row.rateText}
              aria-label={`${display(row.agency.shortName)} ${t('dashboard.onTimeRate')} ${row.rateText}`}
            />
          </li>
        );
      })}
    </ol>
  );
}
