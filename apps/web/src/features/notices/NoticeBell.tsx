import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, Popover, Spin, Typography } from 'antd';
import { MarkNoticesReadDocument, MyNoticesDocument, UnreadNoticeCountDocument, type MyNoticesQuery } from '../../graphql/generated';
import { useDisplayText, useI18n, type MessageKey } from '../../shared/i18n';
import { ageOf, badgeText, safeAppPath, unreadIds } from './notices-format';
import './notices.css';

/** Often enough that a reminder shows within the minute; the count is one cheap query. */
const POLL_MS = 60_000;
const KINDS = new Set(['CHASE', 'CHASE_SUMMARY']);

type Notice = MyNoticesQuery['myNotices'][number];

/** A plain bell (an emoji renders differently, or not at all, on office PCs). */
const BellIcon = () => (
  <svg className="ls-notice-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden focusable="false">
    <path
      fill="currentColor"
      d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
    />
  </svg>
);

function NoticeList({ notices, onFollow }: { notices: Notice[]; onFollow: () => void }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const now = new Date();
  if (!notices.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.empty')} />;
  return (
    <ul className="ls-notice-list">
      {notices.map((n) => {
        const age = ageOf(n.createdAt, now);
        const path = safeAppPath(n.link);
        return (
          <li key={n.id} className={n.readAt ? 'ls-notice' : 'ls-notice ls-notice-unread'}>
            <div className="ls-notice-head">
              <Typography.Text type="secondary" className="ls-notice-kind">
                {t(KINDS.has(n.kind) ? (`notices.kind.${n.kind}` as MessageKey) : 'notices.kind.other')}
              </Typography.Text>
              <Typography.Text type="secondary" className="ls-notice-age">
                {t(age.key, 'n' in age ? { n: age.n } : 'date' in age ? { date: age.date } : undefined)}
              </Typography.Text>
            </div>
            {n.policy && (
              <Typography.Text type="secondary" className="ls-notice-policy" data-testid="notice-policy" title={display(n.policy.title)}>
                {t('lists.policyOf', { doc: display(n.policy.docNumber) })}
              </Typography.Text>
            )}
            <Typography.Text strong>{n.title}</Typography.Text>
            {n.body && <div className="ls-notice-body">{n.body}</div>}
            {path && (
              <Link to={path} onClick={onFollow} className="ls-notice-link">
                {t('notices.open')}
              </Link>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The bell in the header: the unread count (polled, and refreshed when the window regains focus),
 * and on opening the newest notices, which are then marked read.
 */
export function NoticeBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const count = useQuery(UnreadNoticeCountDocument, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const list = useQuery(MyNoticesDocument, { variables: { limit: 20 }, skip: !open, fetchPolicy: 'network-only' });
  const [markRead] = useMutation(MarkNoticesReadDocument);
  const { refetch } = count;

  useEffect(() => {
    const onFocus = () => void refetch().catch(() => undefined);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [refetch]);

  // Opening the list is reading it: mark what it shows, then the badge goes down.
  const shown = list.data?.myNotices;
  useEffect(() => {
    if (!open || !shown) return;
    const ids = unreadIds(shown);
    if (!ids.length) return;
    void markRead({ variables: { ids } })
      .then(() => refetch())
      .catch(() => undefined);
  }, [open, shown, markRead, refetch]);

  const close = useCallback(() => setOpen(false), []);
  const unread = count.data?.unreadNoticeCount ?? 0;
  const content = list.error ? (
    <Typography.Text type="danger">{t('notices.loadError')}</Typography.Text>
  ) : !shown ? (
    <Spin size="small" />
  ) : (
    <NoticeList notices={shown} onFollow={close} />
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notices.title')}
      open={open}
      onOpenChange={setOpen}
      content={<div className="ls-notice-panel">{content}</div>}
    >
      <Button
        type="text"
        size="small"
        className="ls-notice-bell"
        aria-label={unread ? t('notices.bellUnread', { count: badgeText(unread) }) : t('notices.bell')}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellIcon />
        </Badge>
      </Button>
    </Popover>
  );
}
