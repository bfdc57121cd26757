import { Tag, Typography } from 'antd';
import type { UnitStatus } from '../graphql/generated';
import { useI18n } from './i18n';
import { UNIT_STATUS_COLORS, unitStatusKey } from './task-state';

/** A report's texts for reading (submitted reports, the review queue, a report's page). */
export function ReportTexts({
  report,
}: {
  report: { progress: string; problems: string; nextSteps: string; unitStatus: UnitStatus | null };
}) {
  const { t } = useI18n();
  const rows = [
    { label: t('report.progress'), text: report.progress },
    { label: t('report.problems'), text: report.problems },
    { label: t('report.nextSteps'), text: report.nextSteps },
  ];
  return (
    <dl className="ls-report-texts">
      {rows.map((row) => (
        <div key={row.label} className="ls-report-text">
          <dt>{row.label}</dt>
          <dd>{row.text.trim() ? row.text : <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>}</dd>
        </div>
      ))}
      <div className="ls-report-text">
        <dt>{t('report.unitStatus')}</dt>
        <dd>
          {report.unitStatus ? (
            <Tag className="ls-tag" color={UNIT_STATUS_COLORS[report.unitStatus]}>
              {t(unitStatusKey(report.unitStatus))}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{t('common.notFilled')}</Typography.Text>
          )}
        </dd>
      </div>
    </dl>
  );
}
