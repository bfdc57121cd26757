import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { Button, Card, Checkbox, Flex, Popconfirm, Tag, Typography } from 'antd';
import { ReviewReportDocument, type ReviewDecision, type ReviewedReportFragment } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { apiErrorCode } from '../../shared/errors';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { formatDateTime, formatPeriodLabel } from '../../shared/format';
import { ReportTexts } from '../../shared/ReportTexts';
import { ReportFigures } from './ReportFigures';
import { ReturnDialog } from './ReturnDialog';

export type ReviewOutcome =
  | { kind: 'done'; decision: ReviewDecision; unit: string; measure: string }
  | { kind: 'stale' }
  | { kind: 'failed'; message: string }
  | { kind: 'batch'; accepted: number; stale: number; notSubmitted: number; notFound: number };

/**
 * One submitted report in the office's queue, with 通过 and 退回 and a box to select it for 批量通过;
 * its policy named when the queue mixes policies.
 */
export function ReviewItem({
  report,
  onOutcome,
  showPolicy = false,
  selected = false,
  onSelect,
}: {
  report: ReviewedReportFragment;
  onOutcome: (outcome: ReviewOutcome) => void;
  showPolicy?: boolean;
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [review] = useMutation(ReviewReportDocument);
  const [returning, setReturning] = useState(false);
  const [returnError, setReturnError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const measure = `${measureNumber(report.measure.seq, lang)}${display(stripLeadingNumber(report.measure.title))}`;
  const unit = display(report.agency.name);
  const subject = `${unit} ${measure}`;

  /** The report leaves the queue by itself: the answer sets its status, which the list filters on. */
  const decide = async (decision: ReviewDecision, comment?: string): Promise<boolean> => {
    try {
      await review({ variables: { id: report.id, version: report.version, decision, comment } });
      onOutcome({ kind: 'done', decision, unit, measure });
      return true;
    } catch (error) {
      if (apiErrorCode(error) === 'CONFLICT') {
        onOutcome({ kind: 'stale' });
        return true;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (decision === 'RETURN') setReturnError(t('review.failed', { message }));
      else onOutcome({ kind: 'failed', message });
      return false;
    }
  };

  const accept = async () => {
    setAccepting(true);
    try {
      await decide('ACCEPT');
    } finally {
      setAccepting(false);
    }
  };

  return (
    <Card
      size="small"
      className="ls-review-item"
      data-testid="review-item"
      data-report-id={report.id}
      data-measure-seq={report.measure.seq}
    >
      <div className="ls-review-head">
        <Flex wrap gap={6} align="center">
          {onSelect && (
            <Checkbox
              checked={selected}
              onChange={(e) => onSelect(e.target.checked)}
              aria-label={t('review.select', { subject })}
              data-testid="review-select"
            />
          )}
          <Typography.Text strong className="ls-review-unit">
            {unit}
          </Typography.Text>
          <Tag className="ls-tag">{formatPeriodLabel(report.period.label, lang)}</Tag>
          <Typography.Text type="secondary">{t('review.submittedAt', { time: formatDateTime(report.submittedAt) })}</Typography.Text>
        </Flex>
        {showPolicy && (
          <Typography.Text type="secondary" className="ls-list-policy" data-testid="review-policy" title={display(report.policy.title)}>
            {t('lists.policyOf', { doc: display(report.policy.docNumber) })}
          </Typography.Text>
        )}
        <Typography.Title level={2} className="ls-measure-title">
          {measure}
        </Typography.Title>
      </div>
      <ReportTexts report={report} />
      <ReportFigures targets={report.measure.targets} values={report.values} previousValues={report.previous?.values} />
      <div className="ls-review-actions">
        <Link to={`/reports/${report.id}`}>{t('review.details')}</Link>
        <Flex gap={8}>
          <Button
            danger
            onClick={() => {
              setReturnError(null);
              setReturning(true);
            }}
            data-testid="review-return"
          >
            {t('review.return')}
          </Button>
          <Popconfirm
            title={t('review.acceptConfirm')}
            okText={t('review.accept')}
            cancelText={t('common.cancel')}
            onConfirm={() => void accept()}
          >
            <Button type="primary" loading={accepting} data-testid="review-accept">
              {t('review.accept')}
            </Button>
          </Popconfirm>
        </Flex>
      </div>
      <ReturnDialog
        open={returning}
        subject={subject}
        error={returnError}
        onCancel={() => setReturning(false)}
        onReturn={async (comment) => {
          if (await decide('RETURN', comment)) setReturning(false);
        }}
      />
    </Card>
  );
}
