import { Tag, Typography } from 'antd';
import type { Rating, SupervisionItemStatus } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { formatDate } from '../../shared/format';

export const RATING_COLORS: Record<Rating, string> = { GREEN: '#237804', YELLOW: '#a15c00', RED: '#cf1322' };

/** A traffic light with its word (红灯/黄灯/绿灯): the colour is never the only cue. */
export function RatingLight({ rating, testId }: { rating: Rating; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="ls-sup-light" data-rating={rating} data-testid={testId}>
      <span className="ls-sup-dot" style={{ background: RATING_COLORS[rating] }} aria-hidden />
      {t(`sup.rating.${rating}`)}
    </span>
  );
}

const STATUS_COLORS: Record<SupervisionItemStatus, string> = { OPEN: 'blue', RESPONDED: 'gold', CLOSED: 'green' };

export function ItemStatusTag({ status }: { status: SupervisionItemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} className="ls-tag" data-testid="item-status" data-status={status}>
      {t(`sup.itemStatus.${status}`)}
    </Tag>
  );
}

/** 办理期限, in red with 已逾期 once an unanswered item is past it. */
export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Typography.Text type={overdue ? 'danger' : undefined} className="ls-sup-due" data-overdue={overdue || undefined}>
      {formatDate(dueOn, lang)}
      {overdue && ` · ${t('sup.overdue')}`}
    </Typography.Text>
  );
}
