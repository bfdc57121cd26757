import '../../shared/report-pages.css';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Checkbox, Empty, Popconfirm, Skeleton, Typography } from 'antd';
import { AcceptReportsDocument, ReviewQueueDocument } from '../../graphql/generated';
import { apiErrorCode } from '../../shared/errors';
import { useI18n, type Lang } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { loadedTraditionalToSimplified, loadTraditionalToSimplified } from '../../shared/opencc';
import { ListFilterBar, filterFromSearch, filterToSearch, isFiltered, reviewQueueVariables, type ListFilter } from '../lists';
import { ReviewItem, type ReviewOutcome } from './ReviewItem';

/**
 * Whether the queue may be shown: in the simplified and English UIs its measure titles and unit names
 * (written in traditional characters, across several policies) are converted by opencc, which is
 * loaded at once, alongside the queue, so that the first paint is already simplified rather than
 * traditional for a moment. If it cannot load, the texts are shown as written.
 */
function useConverterReady(lang: Lang): boolean {
  const [loaded, setLoaded] = useState(() => loadedTraditionalToSimplified() !== null);
  const wanted = lang !== 'zh-Hant';
  useEffect(() => {
    if (!wanted || loaded) return;
    let active = true;
    const done = () => active && setLoaded(true);
    loadTraditionalToSimplified().then(done, done);
    return () => {
      active = false;
    };
  }, [wanted, loaded]);
  return !wanted || loaded;
}

/**
 * `/review`: submitted reports waiting for the office, oldest first, across every published policy;
 * filtered by policy, quarter, unit and measure, the filter kept in the URL (?policy=&quarter=&unit=&measure=).
 * Several clean reports can be selected and accepted at once (批量通过), each with its own version check.
 */
export default function ReviewPage() {
  const { t, lang } = useI18n();
  const textsReady = useConverterReady(lang);
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
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // Only what is still in the (filtered) queue counts as selected.
  const selected = queue.filter((r) => picked.has(r.id));
  const [acceptReports, acceptState] = useMutation(AcceptReportsDocument);

  useEffect(() => {
    document.title = `${t('review.title')} · ${t('app.brand')}`;
  }, [t]);

  const onOutcome = (next: ReviewOutcome) => {
    setOutcome(next);
    if (next.kind === 'stale') void refetch().catch(() => undefined);
  };

  const select = (id: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** 批量通过: accepted ones leave the list with the answer; refused ones are counted and the list read again. */
  const acceptSelected = async () => {
    setOutcome(null);
    try {
      const res = await acceptReports({ variables: { reports: selected.map((r) => ({ id: r.id, version: r.version })) } });
      const results = res.data?.acceptProgressReports ?? [];
      const count = (result: string) => results.filter((o) => o.result === result).length;
      const batch = {
        kind: 'batch' as const,
        accepted: count('ACCEPTED'),
        stale: count('STALE'),
        notSubmitted: count('NOT_SUBMITTED'),
        notFound: count('NOT_FOUND'),
      };
      setPicked(new Set());
      setOutcome(batch);
      if (batch.accepted < results.length) void refetch().catch(() => undefined);
    } catch (error) {
      if (apiErrorCode(error) === 'CONFLICT') onOutcome({ kind: 'stale' });
      else setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  let notice = null;
  if (outcome?.kind === 'done') {
    const text = t(outcome.decision === 'ACCEPT' ? 'review.accepted' : 'review.returned', { unit: outcome.unit, measure: outcome.measure });
    notice = <Alert type="success" showIcon closable={{ onClose: () => setOutcome(null) }} title={text} data-testid="review-notice" />;
  } else if (outcome?.kind === 'stale') {
    notice = <Alert type="warning" showIcon closable={{ onClose: () => setOutcome(null) }} title={t('review.conflict')} />;
  } else if (outcome?.kind === 'batch') {
    const parts = [
      outcome.accepted ? t('review.batchDone', { n: outcome.accepted }) : t('review.batchNoneAccepted'),
      outcome.stale ? t('review.batchStale', { n: outcome.stale }) : '',
      outcome.notSubmitted ? t('review.batchNotSubmitted', { n: outcome.notSubmitted }) : '',
      outcome.notFound ? t('review.batchNotFound', { n: outcome.notFound }) : '',
    ].filter(Boolean);
    const clean = outcome.accepted > 0 && parts.length === 1;
    notice = (
      <Alert
        type={clean ? 'success' : 'warning'}
        showIcon
        closable={{ onClose: () => setOutcome(null) }}
        title={parts.join(lang === 'en' ? ' ' : '')}
        role="status"
        data-testid="review-notice"
      />
    );
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
      {(loading && !data) || !textsReady ? (
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
        <>
          <div className="ls-review-batch" data-testid="review-batch">
            <Checkbox
              checked={selected.length === queue.length}
              indeterminate={selected.length > 0 && selected.length < queue.length}
              onChange={(e) => setPicked(new Set(e.target.checked ? queue.map((r) => r.id) : []))}
              data-testid="review-select-all"
            >
              {t('review.selectAll')}
            </Checkbox>
            {selected.length > 0 && (
              <Typography.Text type="secondary" data-testid="review-selected">
                {t('review.selected', { n: selected.length })}
              </Typography.Text>
            )}
            <Popconfirm
              title={t('review.batchConfirm', { n: selected.length })}
              okText={t('review.batchAccept')}
              cancelText={t('common.cancel')}
              onConfirm={() => void acceptSelected()}
              disabled={selected.length === 0}
            >
              <Button type="primary" disabled={selected.length === 0} loading={acceptState.loading} data-testid="review-batch-accept">
                {t('review.batchAccept')}
              </Button>
            </Popconfirm>
          </div>
          <div className="ls-review-list">
            {queue.map((report) => (
              <ReviewItem
                key={report.id}
                report={report}
                onOutcome={onOutcome}
                showPolicy={!filter.policy}
                selected={picked.has(report.id)}
                onSelect={(on) => select(report.id, on)}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
