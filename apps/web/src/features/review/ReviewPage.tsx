import '../../shared/report-pages.css';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Skeleton, Typography } from 'antd';
import { ReviewQueueDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { ListFilterBar, filterFromSearch, filterToSearch, isFiltered, reviewQueueVariables, type ListFilter } from '../lists';
import { ReviewItem, type ReviewOutcome } from './ReviewItem';

/**
 * `/review`: submitted reports waiting for the office, oldest first, across every published policy;
 * filtered by policy, quarter, unit and measure, the filter kept in the URL (?policy=&quarter=&unit=&measure=).
 */
export default function ReviewPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params), [params]);
  const setFilter = (next: ListFilter) => setParams(filterToSearch(next, params), { replace: true });
  // Other people review too: always ask the server, and show the cached list meanwhile.
  const { data, loading, error, refetch } = useQuery(ReviewQueueDocument, {
    variables: reviewQueueVariables(filter),
    fetchPolicy: 'cache-and-network',
  });
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
    notice = (
      <Alert
        type="error"
        showIcon
        closable={{ onClose: () => setOutcome(null) }}
        title={t('review.failed', { message: outcome.message })}
      />
    );
  }

  return (
    <div className="ls-page">
      <div className="ls-page-head">
        <Typography.Title level={1} className="ls-page-title">
          {t('review.title')}
        </Typography.Title>
        {queue.length > 0 && <Typography.Text type="secondary">{t('review.count', { count: queue.length })}</Typography.Text>}
      </div>
      <ListFilterBar filter={filter} onChange={setFilter} keys={['policy', 'quarter', 'unit', 'measure']} />
      {notice}
      {loading && !data ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : error && !data ? (
        <LoadError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      ) : queue.length === 0 ? (
        <Card>
          <Empty
            className="ls-empty"
            description={isFiltered(filter) ? t('lists.noMatch') : t('review.empty')}
            data-testid="review-empty"
          />
        </Card>
      ) : (
        <div className="ls-review-list">
          {queue.map((report) => (
            <ReviewItem key={report.id} report={report} onOutcome={onOutcome} showPolicy={!filter.policy} />
          ))}
        </div>
      )}
    </div>
  );
}
