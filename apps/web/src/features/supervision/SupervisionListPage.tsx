import './supervision.css';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Empty, Grid, Modal, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { OpenSupervisionReviewDocument, SupervisionReviewsDocument, type SupervisionReviewsQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { useAuth } from '../../shared/session';
import { LoadError } from '../../shared/LoadError';
import { formatPeriodLabel } from '../../shared/format';
import { chinaToday, defaultReviewPeriod, reviewablePeriods } from './supervision-format';
import { useMutationRunner, useSupervisionPolicy } from './useSupervision';
import { supervisionPath } from '../policy-nav';

type ReviewRow = SupervisionReviewsQuery['supervisionReviews'][number];

/** 红 2 · 黄 5 · 绿 8, each in its colour. */
export function RatingCounts({ summary }: { summary: ReviewRow['summary'] }) {
  const { t } = useI18n();
  return (
    <span className="ls-sup-counts" data-testid="rating-counts">
      <Tag color="red" className="ls-tag">
        {t('sup.countRed', { n: summary.red })}
      </Tag>
      <Tag color="gold" className="ls-tag">
        {t('sup.countYellow', { n: summary.yellow })}
      </Tag>
      <Tag color="green" className="ls-tag">
        {t('sup.countGreen', { n: summary.green })}
      </Tag>
    </span>
  );
}

export function ReviewStatusTag({ status }: { status: ReviewRow['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={status === 'FINAL' ? 'default' : 'processing'} className="ls-tag" data-testid="review-status" data-status={status}>
      {t(`sup.status.${status}`)}
    </Tag>
  );
}

/** `/supervision`: the notice's quarterly reviews, and for the office 开展督查 for a quarter. */
export default function SupervisionListPage() {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const canOpen = user?.role === 'OFFICE' || user?.role === 'ADMIN';
  const policyQuery = useSupervisionPolicy();
  const { policy, policyId } = policyQuery;
  const reviews = useQuery(SupervisionReviewsDocument, {
    variables: { policyId: policy?.id ?? '' },
    skip: !policy,
    fetchPolicy: 'cache-and-network',
  });
  const [openReview] = useMutation(OpenSupervisionReviewDocument);
  const { run, error, setError, busy } = useMutationRunner(() => reviews.refetch());
  const [starting, setStarting] = useState(false);
  const [periodId, setPeriodId] = useState<string | null>(null);

  // Only quarters that have ended can be reviewed (the API refuses the others).
  const choices = useMemo(() => (policy ? reviewablePeriods(policy.periods, chinaToday()) : []), [policy]);
  const defaultPeriodId = useMemo(() => (policy ? (defaultReviewPeriod(policy.periods, chinaToday())?.id ?? null) : null), [policy]);
  const rows = reviews.data?.supervisionReviews ?? [];
  const loadError = policyQuery.error ?? reviews.error;

  const start = async () => {
    const chosen = periodId ?? defaultPeriodId;
    if (!policy || !chosen) return;
    let id: string | null = null;
    const ok = await run(async () => {
      const res = await openReview({ variables: { policyId: policy.id, periodId: chosen } });
      id = res.data?.openSupervisionReview.id ?? null;
    });
    if (ok && id) void navigate(supervisionPath(policyId, id));
  };

  const periodText = (label: string) => formatPeriodLabel(label, lang);
  const link = (r: ReviewRow) => (
    <Link to={supervisionPath(policyId, r.id)} data-testid="review-link">
      {periodText(r.period.label)}
    </Link>
  );

  return (
    <div className="ls-page-stack ls-sup" data-testid="supervision-list">
      <div className="ls-page-top">
        <div>
          <Typography.Title level={1} className="ls-page-title">
            {t('sup.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {policy ? `${display(policy.docNumber)} · ` : ''}
            {t('sup.listHint')}
          </Typography.Text>
        </div>
        {canOpen && (
          <Button type="primary" onClick={() => setStarting(true)} disabled={!policy} data-testid="start-review">
            {t('sup.start')}
          </Button>
        )}
      </div>

      {loadError ? (
        <LoadError error={loadError} onRetry={() => void (policy ? reviews.refetch() : policyQuery.refetch())} />
      ) : !reviews.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : rows.length === 0 ? (
        <Empty description={t('sup.listEmpty')} data-testid="reviews-empty" />
      ) : !screens.md ? (
        <ul className="ls-card-list" data-testid="reviews">
          {rows.map((r) => (
            <li key={r.id} className="ls-card ls-sup-card" data-testid="review-row" data-review-id={r.id}>
              <div className="ls-sup-card-title">
                {link(r)} <ReviewStatusTag status={r.status} />
              </div>
              <RatingCounts summary={r.summary} />
              <Typography.Text type="secondary">{t('sup.openItemsCount', { n: r.summary.openItems })}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <Table<ReviewRow>
          data-testid="reviews"
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={rows}
          onRow={(r) => ({ 'data-testid': 'review-row', 'data-review-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('sup.colPeriod'), key: 'period', render: (_, r) => link(r) },
            { title: t('sup.colStatus'), key: 'status', width: 120, render: (_, r) => <ReviewStatusTag status={r.status} /> },
            { title: t('sup.colRatings'), key: 'ratings', render: (_, r) => <RatingCounts summary={r.summary} /> },
            { title: t('sup.colOpenItems'), key: 'open', width: 160, render: (_, r) => r.summary.openItems + r.summary.carriedOverItems },
            { title: '', key: 'view', width: 90, render: (_, r) => <Link to={supervisionPath(policyId, r.id)}>{t('sup.view')}</Link> },
          ]}
        />
      )}

      <Modal
        open={starting}
        title={t('sup.startTitle')}
        okText={t('sup.startOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy, disabled: choices.length === 0, 'data-testid': 'start-confirm' }}
        onOk={() => void start()}
        onCancel={() => {
          setStarting(false);
          setError(null);
        }}
        destroyOnHidden
      >
        <p>{t('sup.startHint')}</p>
        {choices.length === 0 ? (
          <p className="ls-sup-error" data-testid="start-none">
            {t('sup.noEndedPeriod')}
          </p>
        ) : (
          <label className="ls-sup-field">
            <span className="ls-sup-label">{t('sup.period')}</span>
            <Select
              data-testid="start-period"
              className="ls-sup-select"
              value={periodId ?? defaultPeriodId ?? undefined}
              onChange={(v: string) => setPeriodId(v)}
              options={choices.map((p) => ({ value: p.id, label: periodText(p.label) }))}
            />
          </label>
        )}
        {error && (
          <div className="ls-sup-error" role="alert">
            {error}
          </div>
        )}
      </Modal>
    </div>
  );
}
