import '../../shared/report-pages.css';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Flex, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ReportDetailDocument, type ReportDetailQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { apiErrorCode } from '../../shared/errors';
import { useAuth } from '../../shared/session';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { LoadError } from '../../shared/LoadError';
import { formatDateTime, formatPeriodLabel } from '../../shared/format';
import { ReportTexts } from '../../shared/ReportTexts';
import { StateTag } from '../../shared/StateTag';
import { isEditableStatus } from '../../shared/task-state';
import { describeHistoryEvent, historyActionWords } from './history';
import { ReportFigures } from './ReportFigures';
import { ReportAttachments } from '../../shared/ReportAttachments';

type Report = ReportDetailQuery['progressReport'];

function History({ events }: { events: Report['history'] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return <Typography.Text type="secondary">{t('detail.historyEmpty')}</Typography.Text>;
  const separator = t('common.listSeparator');
  return (
    <Timeline
      className="ls-history"
      items={events.map((event, index) => {
        const line = describeHistoryEvent(event);
        return {
          key: index,
          color: line.color,
          // Time inside the content, not as the item title: a title puts the timeline in two columns.
          content: (
            <div data-testid="history-event" data-action={event.action}>
              <Typography.Text type="secondary" className="ls-history-time">
                {formatDateTime(event.at)}
              </Typography.Text>
              <Typography.Text strong>{event.username ?? t('history.system')}</Typography.Text>{' '}
              {t(line.key, { fields: line.fields.map((k) => t(k)).join(separator), action: historyActionWords(event.action, lang) })}
              {event.comment && <div className="ls-history-comment">{t('history.comment', { comment: event.comment })}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

function ReportView({ report, onChanged }: { report: Report; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { user } = useAuth();
  const navigate = useNavigate();
  const measure = `${measureNumber(report.measure.seq, lang)}${display(stripLeadingNumber(report.measure.title))}`;
  const mayEdit = user?.role === 'REPORTER' && isEditableStatus(report.status);

  useEffect(() => {
    document.title = `${t('detail.title')} · ${t('app.brand')}`;
  }, [t]);

  return (
    <div className="ls-page" data-testid="report-page" data-status={report.status}>
      <div className="ls-page-head">
        <Link to={user?.role === 'REPORTER' ? `/tasks?quarter=${report.period.label}` : '/review'} className="ls-back-link">
          ← {t(user?.role === 'REPORTER' ? 'report.back' : 'review.title')}
        </Link>
        <Typography.Title level={1} className="ls-page-title">
          {measure}
        </Typography.Title>
        <Flex wrap gap={6} align="center">
          <Typography.Text strong>{display(report.agency.name)}</Typography.Text>
          <Tag className="ls-tag">{formatPeriodLabel(report.period.label, lang)}</Tag>
          <StateTag state={report.status} />
          {report.submittedAt && (
            <Typography.Text type="secondary">{t('review.submittedAt', { time: formatDateTime(report.submittedAt) })}</Typography.Text>
          )}
        </Flex>
      </div>
      {report.reviewComment && (
        <Alert
          type={report.status === 'RETURNED' ? 'error' : 'success'}
          showIcon
          title={t('detail.reviewComment')}
          description={report.reviewComment}
          data-testid="review-comment"
        />
      )}
      {mayEdit && (
        <Button type="primary" className="ls-edit-button" onClick={() => navigate(`/report/q/${report.period.label}`)}>
          {t('detail.edit')}
        </Button>
      )}
      <Card size="small">
        <ReportTexts report={report} />
        <ReportFigures targets={report.measure.targets} values={report.values} previousValues={report.previous?.values} />
      </Card>
      <ReportAttachments
        reportId={report.id}
        attachments={report.attachments}
        // The unit's own reporter, or the office filling in on its behalf, while the report can change.
        mayEdit={isEditableStatus(report.status) && (user?.role === 'REPORTER' || user?.role === 'OFFICE' || user?.role === 'ADMIN')}
        onChanged={onChanged}
      />
      <Card size="small" title={t('detail.history')}>
        <History events={report.history} />
      </Card>
    </div>
  );
}

/** `/reports/:id`: one report with its figures and its history. */
export default function ReportPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(ReportDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error && !data) {
    const code = apiErrorCode(error);
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT') {
      return <Result status="404" title={t('detail.notFound')} extra={<Link to="/">{t('notFound.back')}</Link>} />;
    }
    return <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  }
  if (!data) return null;
  return <ReportView report={data.progressReport} onChanged={() => void refetch().catch(() => undefined)} />;
}
