import '../reporting/reporting.css';
import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Skeleton, Typography } from 'antd';
import { ReviewQueueDocument } from '../../graphql/generated';
import { useI18n } from '../../app/i18n';
import { LoadError } from '../reporting/LoadError';
import { ReviewItem, type ReviewOutcome } from './ReviewItem';

/** `/review`: submitted reports waiting for the office, oldest first. */
export default function ReviewPage() {
  const { t } = useI18n();
  // Other people review too: always ask the server, and show the cached list meanwhile.
  const { data, loading, error, refetch } = useQuery(ReviewQueueDocument, { fetchPolicy: 'cache-and-network' });
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  // A reviewed report's status changes in the cache with the mutation's answer: it leaves at once.
  const queue = (data?.reviewQueue ?? []).filter((r) => r.status === 'SUBMITTED');

  useEffect(() => {
    document.title = `${t('review.title')} · ${t('app.brand')}`;
  }, [t]);

  const onOutcome = (next: ReviewOutcome) => {
    setOutcome(next);
    if (next.kind === 'stale') void refetch().catch(() => undefined);
  };

  let notice = null;
  if (outcome?.kind === 'done') {
    const text = t(outcome.decision === 'ACCEPT' ? 'review.accepted' : 'review.returned', { unit: outcome.unit, measure: outcome.measure });
    notice = <Alert type="success" showIcon closable={{ onClose: () => setOutcome(null) }} title={text} data-testid="review-notice" />;
  } else if (outcome?.kind === 'stale') {
    notice = <Alert type="warning" showIcon closable={{ onClose: () => setOutcome(null) }} title={t('review.conflict')} />;
  } else if (outcome?.kind === 'failed') {
    notice = <Alert type="error" showIcon closable={{ onClose: () => setOutcome(null) }} title={t('review.failed', { message: outcome.message })} />;
  }

  return (
    <div className="ls-page">
      <div className="ls-page-head">
        <Typography.Title level={1} className="ls-page-title">
          {t('review.title')}
        </Typography.Title>
        {queue.length > 0 && <Typography.Text type="secondary">{t('review.count', { count: queue.length })}</Typography.Text>}
      </div>
      {notice}
      {loading && !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : error && !data ? (
        <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : queue.length === 0 ? (
        <Card>
          <Empty className="ls-empty" description={t('review.empty')} data-testid="review-empty" />
        </Card>
      ) : (
        <div className="ls-review-list">
          {queue.map((report) => (
            <ReviewItem key={report.id} report={report} onOutcome={onOutcome} />
          ))}
        </div>
      )}
    </div>
  );
}
