import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Empty, Grid, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { ChaseDeliveriesDocument, type ChaseDeliveriesQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { ListFilterBar, filterFromSearch, filterToSearch, type ListFilter } from '../lists';
import {
  contentPreview,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  formatChinaTime,
  statusColor,
  visibleDeliveries,
  type DeliveryChannel,
  type DeliveryStatus,
} from './chasing-format';

type Delivery = ChaseDeliveriesQuery['chaseDeliveries'][number];

/** How many records the page asks for (the API allows up to 500). */
export const DELIVERY_LIMIT = 200;

/** A message, its first line until expanded. */
function ContentCell({ content }: { content: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const preview = contentPreview(content);
  return (
    <div>
      <p className="ls-chase-content" data-testid="delivery-content">
        {open ? content : preview.text}
      </p>
      {preview.truncated && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t('chase.showLess') : t('chase.showMore')}
        </Button>
      )}
    </div>
  );
}

/** The status, and for a failed row the attempts and error; for a pending one the next try. */
function StatusCell({ d }: { d: Delivery }) {
  const { t } = useI18n();
  return (
    <div className="ls-chase-status" data-testid="delivery-status" data-status={d.status}>
      <Tag color={statusColor(d.status)} className="ls-tag">
        {t(`chase.status.${d.status}`)}
      </Tag>
      {d.status === 'DELIVERED' && d.deliveredAt && (
        <span className="ls-chase-muted">{t('chase.deliveredAt', { time: formatChinaTime(d.deliveredAt) })}</span>
      )}
      {d.status === 'PENDING' && (
        <span className="ls-chase-muted">
          {d.nextAttemptAt ? t('chase.nextAttempt', { time: formatChinaTime(d.nextAttemptAt) }) : t('chase.waiting')}
        </span>
      )}
      {d.status !== 'DELIVERED' && d.attempts > 0 && (
        <span className={d.status === 'FAILED' ? 'ls-chase-error' : 'ls-chase-muted'}>{t('chase.attempts', { n: d.attempts })}</span>
      )}
      {d.lastError && d.status !== 'DELIVERED' && (
        <span className={d.status === 'FAILED' ? 'ls-chase-error' : 'ls-chase-muted'} data-testid="delivery-error">
          {t('chase.lastError', { error: d.lastError })}
        </span>
      )}
    </div>
  );
}

/** 催办记录: what chasing sent, newest first, by status and channel. */
export function DeliveriesPanel() {
  const { t } = useI18n();
  const display = useDisplayText();
  const screens = Grid.useBreakpoint();
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [channel, setChannel] = useState<DeliveryChannel | null>(null);
  // The policy filter is in the URL (?policy=), as on the other lists across policies.
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params), [params]);
  const setFilter = (next: ListFilter) =>
    setParams(filterToSearch({ ...next, quarter: null, unit: null, measure: null }, params), { replace: true });
  const query = useQuery(ChaseDeliveriesDocument, {
    variables: { status, limit: DELIVERY_LIMIT, policyId: filter.policy },
    fetchPolicy: 'cache-and-network',
  });
  const all = query.data?.chaseDeliveries;
  const rows = useMemo(() => visibleDeliveries(all ?? [], channel), [all, channel]);
  const filtered = status !== null || channel !== null || filter.policy !== null;
  /** The policies a message is on, by doc number (a unit's message may cover several). */
  const policiesText = (d: Delivery) => d.policies.map((p) => display(p.docNumber)).join('、');

  const unit = (d: Delivery) => (d.agency ? display(d.agency.name) : t('chase.officeSummary'));
  const channelText = (d: Delivery) => (
    <span>
      {t(`chase.channel.${d.channel}`)}
      {d.channel === 'IN_APP' && d.recipients !== null && (
        <div className="ls-chase-muted">{t('chase.recipients', { n: d.recipients })}</div>
      )}
      {d.urlHost && <div className="ls-chase-muted">{t('chase.sentTo', { host: d.urlHost })}</div>}
    </span>
  );
  const option = (value: string | null, label: string) => ({ value: value ?? '', label });

  const filters = (
    <div className="ls-chase-filters">
      <label className="ls-chase-filter">
        <span>{t('chase.filterStatus')}</span>
        <Select
          data-testid="filter-status"
          value={status ?? ''}
          onChange={(v: string) => setStatus((v || null) as DeliveryStatus | null)}
          options={[option(null, t('chase.all')), ...DELIVERY_STATUSES.map((s) => option(s, t(`chase.status.${s}`)))]}
        />
      </label>
      <label className="ls-chase-filter">
        <span>{t('chase.filterChannel')}</span>
        <Select
          data-testid="filter-channel"
          value={channel ?? ''}
          onChange={(v: string) => setChannel((v || null) as DeliveryChannel | null)}
          options={[option(null, t('chase.all')), ...DELIVERY_CHANNELS.map((c) => option(c, t(`chase.channel.${c}`)))]}
        />
      </label>
      {all && all.length >= DELIVERY_LIMIT && (
        <Typography.Text type="secondary">{t('chase.latestOnly', { n: DELIVERY_LIMIT })}</Typography.Text>
      )}
    </div>
  );

  let body;
  if (query.error && !all) {
    body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (!all) {
    body = <Skeleton active paragraph={{ rows: 4 }} />;
  } else if (rows.length === 0) {
    body = filtered ? (
      <Empty description={t('chase.noMatch')} data-testid="deliveries-empty" />
    ) : (
      <Empty
        data-testid="deliveries-empty"
        description={
          <div>
            <Typography.Text strong>{t('chase.emptyTitle')}</Typography.Text>
            <div className="ls-chase-muted">{t('chase.emptyText')}</div>
          </div>
        }
      />
    );
  } else if (!screens.md) {
    body = (
      <ul className="ls-card-list" data-testid="deliveries">
        {rows.map((d) => (
          <li key={d.id} className="ls-card" data-testid="delivery-row" data-status={d.status}>
            <div className="ls-chase-card-head">
              <Typography.Text strong>{unit(d)}</Typography.Text>
              <span className="ls-chase-muted">{formatChinaTime(d.createdAt)}</span>
            </div>
            {d.policies.length > 0 && (
              <div className="ls-chase-muted ls-list-policy" data-testid="delivery-policies">
                {t('lists.policyOf', { doc: policiesText(d) })}
              </div>
            )}
            {channelText(d)}
            <ContentCell content={d.content} />
            <StatusCell d={d} />
          </li>
        ))}
      </ul>
    );
  } else {
    body = (
      <div className="ls-chase-box">
        <Table<Delivery>
          data-testid="deliveries"
          size="middle"
          rowKey="id"
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          onRow={(d) => ({ 'data-testid': 'delivery-row', 'data-status': d.status }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'time', title: t('chase.colTime'), width: 150, render: (_, d) => formatChinaTime(d.createdAt) },
            { key: 'unit', title: t('chase.colUnit'), width: 180, render: (_, d) => unit(d) },
            {
              key: 'policy',
              title: t('lists.policy'),
              width: 170,
              render: (_, d) => <span data-testid="delivery-policies">{policiesText(d)}</span>,
            },
            { key: 'channel', title: t('chase.colChannel'), width: 170, render: (_, d) => channelText(d) },
            { key: 'content', title: t('chase.colContent'), render: (_, d) => <ContentCell content={d.content} /> },
            { key: 'status', title: t('chase.colStatus'), width: 240, render: (_, d) => <StatusCell d={d} /> },
          ]}
        />
      </div>
    );
  }

  return (
    <section className="ls-chase-section" aria-label={t('chase.tabRecords')}>
      <ListFilterBar filter={filter} onChange={setFilter} keys={['policy']} />
      {filters}
      {body}
    </section>
  );
}
