import './supervision.css';
import { useCallback, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Popconfirm, Skeleton, Typography } from 'antd';
import {
  AddSupervisionItemDocument,
  CloseSupervisionItemDocument,
  FinalizeSupervisionReviewDocument,
  RateMeasureDocument,
  SupervisionReviewDocument,
  type Rating,
} from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { downloadWithToken } from '../../shared/authorized-fetch';
import { useAuth } from '../../shared/session';
import { LoadError } from '../../shared/LoadError';
import { formatDateTime, formatPeriodLabel } from '../../shared/format';
import { RatingCounts, ReviewStatusTag } from './SupervisionListPage';
import { RatingsTable } from './RatingsTable';
import { RateDialog } from './RateDialog';
import { AddItemDialog, type NewItem } from './AddItemDialog';
import { ItemsTable } from './ItemsTable';
import { packFileName, packUrl } from './supervision-format';
import { useMutationRunner, type Item, type RatingRow } from './useSupervision';
import { usePolicyFromRoute, supervisionPath } from '../policy-nav';

/** `/supervision/:id`: one quarter's review; the office rates, assigns, closes and finalizes. */
export default function SupervisionReviewPage() {
  const { id = '' } = useParams();
  const { policyId } = usePolicyFromRoute();
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const query = useQuery(SupervisionReviewDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => query.refetch(), [query]);
  const [rateMeasure] = useMutation(RateMeasureDocument);
  const [addItem] = useMutation(AddSupervisionItemDocument);
  const [closeItem] = useMutation(CloseSupervisionItemDocument);
  const [finalize] = useMutation(FinalizeSupervisionReviewDocument);
  const rateRunner = useMutationRunner(reload);
  const itemRunner = useMutationRunner(reload);
  const pageRunner = useMutationRunner(reload);
  const [rating, setRating] = useState<RatingRow | null>(null);
  const [adding, setAdding] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const review = query.data?.supervisionReview;
  if (query.error && !review) return <LoadError error={query.error} onRetry={() => void reload()} />;
  if (!review) return <Skeleton active paragraph={{ rows: 10 }} />;
  // A review under another policy's address (a hand-edited link): to its own policy's address.
  if (review.policyId !== policyId) return <Navigate replace to={supervisionPath(review.policyId, review.id)} />;

  const isOffice = user?.role === 'OFFICE' || user?.role === 'ADMIN';
  const editable = isOffice && review.status === 'OPEN';
  const period = formatPeriodLabel(review.period.label, lang);
  const { summary } = review;
  // The rating shown in the dialog follows reloads (after a conflict it shows the stored one).
  const ratingRow = rating ? (review.ratings.find((r) => r.measure.id === rating.measure.id) ?? rating) : null;

  const saveRating = async (value: Rating, reason: string) => {
    if (!ratingRow) return;
    const ok = await rateRunner.run(async () => {
      await rateMeasure({
        variables: { reviewId: review.id, measureId: ratingRow.measure.id, rating: value, reason, version: ratingRow.version },
      });
      await reload();
    });
    if (ok) setRating(null);
  };
  const saveItem = async (item: NewItem) => {
    const ok = await itemRunner.run(async () => {
      await addItem({ variables: { input: { reviewId: review.id, ...item } } });
      await reload();
    });
    if (ok) setAdding(false);
  };
  const close = (item: Item) =>
    void pageRunner.run(async () => {
      await closeItem({ variables: { id: item.id } });
      await reload();
    });
  const finalizeReview = () =>
    void pageRunner.run(async () => {
      await finalize({ variables: { id: review.id } });
      await reload();
    });
  const download = (format: 'docx' | 'xlsx') => {
    setDownloadError(null);
    downloadWithToken(packUrl(review.id, format), packFileName(t('sup.packName'), period, format)).catch((e: Error) =>
      setDownloadError(t('sup.downloadFailed', { message: e.message })),
    );
  };

  return (
    <div className="ls-page-stack ls-sup" data-testid="supervision-review" data-status={review.status} data-review-id={review.id}>
      <Link to={supervisionPath(policyId)} className="ls-sup-back">
        ← {t('sup.back')}
      </Link>
      <div className="ls-page-top">
        <div>
          <Typography.Title level={1} className="ls-page-title">
            {t('sup.fromReview', { period })} <ReviewStatusTag status={review.status} />
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('sup.openedAt', { at: formatDateTime(review.openedAt) })}
            {review.finalizedAt && ` · ${t('sup.finalizedAt', { at: formatDateTime(review.finalizedAt) })}`}
            {review.previousReview && (
              <>
                {' · '}
                <Link to={supervisionPath(policyId, review.previousReview.id)}>
                  {t('sup.previousReview', { period: formatPeriodLabel(review.previousReview.period.label, lang) })}
                </Link>
              </>
            )}
          </Typography.Text>
        </div>
        <div className="ls-sup-actions">
          <Button onClick={() => download('docx')} data-testid="download-docx">
            {t('sup.downloadDocx')}
          </Button>
          <Button onClick={() => download('xlsx')} data-testid="download-xlsx">
            {t('sup.downloadXlsx')}
          </Button>
          {editable && (
            <Popconfirm
              title={t('sup.finalizeTitle')}
              description={<div className="ls-sup-confirm">{t('sup.finalizeText')}</div>}
              okText={t('sup.finalize')}
              cancelText={t('common.cancel')}
              onConfirm={finalizeReview}
            >
              <Button type="primary" loading={pageRunner.busy} data-testid="finalize">
                {t('sup.finalize')}
              </Button>
            </Popconfirm>
          )}
        </div>
      </div>

      <div className="ls-sup-summary" data-testid="review-summary">
        <RatingCounts summary={summary} />
        <span className="ls-sup-stat" data-testid="summary-improved">
          ↑ {t('sup.improved', { n: summary.improved })}
        </span>
        <span className="ls-sup-stat" data-testid="summary-slipped">
          ↓ {t('sup.slipped', { n: summary.slipped })}
        </span>
        <span className={summary.redTwoQuarters ? 'ls-sup-stat ls-sup-stat-alert' : 'ls-sup-stat'} data-testid="summary-red-two">
          {t('sup.redTwoCount', { n: summary.redTwoQuarters })}
        </span>
        <span className="ls-sup-stat">{t('sup.overriddenCount', { n: summary.overridden })}</span>
        <span className="ls-sup-stat">{t('sup.openItemsCount', { n: summary.openItems })}</span>
        {summary.carriedOverItems > 0 && <span className="ls-sup-stat">{t('sup.carriedCount', { n: summary.carriedOverItems })}</span>}
      </div>

      {downloadError && (
        <Alert
          type="error"
          showIcon
          title={downloadError}
          closable={{ onClose: () => setDownloadError(null) }}
          data-testid="download-error"
        />
      )}
      {pageRunner.error && <Alert type="error" showIcon title={pageRunner.error} data-testid="page-error" />}

      <section className="ls-sup-section">
        <Typography.Title level={2} className="ls-sup-h2">
          {t('sup.measures')}
        </Typography.Title>
        <RatingsTable
          rows={review.ratings}
          onRate={
            editable
              ? (row) => {
                  rateRunner.setError(null);
                  setRating(row);
                }
              : undefined
          }
        />
      </section>

      <section className="ls-sup-section">
        <div className="ls-sup-section-head">
          <Typography.Title level={2} className="ls-sup-h2">
            {t('sup.items')}
          </Typography.Title>
          {editable && (
            <Button
              onClick={() => {
                itemRunner.setError(null);
                setAdding(true);
              }}
              data-testid="add-item"
            >
              {t('sup.addItem')}
            </Button>
          )}
        </div>
        <ItemsTable items={review.items} onClose={isOffice ? close : undefined} testId="items" />
      </section>

      {review.carriedOverItems.length > 0 && (
        <section className="ls-sup-section">
          <Typography.Title level={2} className="ls-sup-h2">
            {t('sup.carriedOver')}
          </Typography.Title>
          <ItemsTable items={review.carriedOverItems} onClose={isOffice ? close : undefined} testId="carried-over-items" />
        </section>
      )}

      <RateDialog
        row={ratingRow}
        error={rateRunner.error}
        busy={rateRunner.busy}
        onCancel={() => setRating(null)}
        onSave={(r, reason) => void saveRating(r, reason)}
      />
      <AddItemDialog
        open={adding}
        measures={review.ratings}
        error={itemRunner.error}
        busy={itemRunner.busy}
        onCancel={() => setAdding(false)}
        onAdd={(item) => void saveItem(item)}
      />
    </div>
  );
}
