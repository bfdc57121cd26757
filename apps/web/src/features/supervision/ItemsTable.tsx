import { Button, Empty, Grid, Popconfirm, Table, Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber } from '../../shared/policy-format';
import { formatDateTime, formatPeriodLabel } from '../../shared/format';
import { DueDate, ItemStatusTag } from './SupervisionBits';
import { sortItems } from './supervision-format';
import type { Item } from './useSupervision';

function Answer({ item }: { item: Item }) {
  const { t } = useI18n();
  if (!item.response) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="ls-sup-answer" data-testid="item-answer">
      {item.response}
      {item.respondedAt && <div className="ls-sup-explanation">{t('sup.answeredAt', { at: formatDateTime(item.respondedAt) })}</div>}
    </div>
  );
}

/** The office's view of follow-up items: who, which measure, what, by when, state and answer. */
export function ItemsTable({ items, onClose, testId }: { items: readonly Item[]; onClose?: (item: Item) => void; testId: string }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const screens = Grid.useBreakpoint();
  const rows = sortItems(items);
  const closeButton = (item: Item) =>
    onClose && item.status === 'RESPONDED' ? (
      <Popconfirm title={t('sup.closeConfirm')} okText={t('sup.close')} cancelText={t('common.cancel')} onConfirm={() => onClose(item)}>
        <Button size="small" type="primary" data-testid="close-item">
          {t('sup.close')}
        </Button>
      </Popconfirm>
    ) : null;
  const rowAttrs = (item: Item) => ({ 'data-testid': 'item-row', 'data-item-id': item.id, 'data-status': item.status });
  /** The quarter of the review the item comes from: 2024年第三季度督查. */
  const quarter = (item: Item) => (
    <span data-testid="item-quarter">{t('sup.fromReview', { period: formatPeriodLabel(item.period.label, lang) })}</span>
  );

  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.noItems')} data-testid={testId} />;
  if (!screens.md) {
    return (
      <ul className="ls-card-list" data-testid={testId}>
        {rows.map((item) => (
          <li key={item.id} className="ls-card ls-sup-card" {...rowAttrs(item)}>
            <div className="ls-sup-card-title">
              {display(item.agency.shortName)} · {measureNumber(item.measure.seq, lang)} <ItemStatusTag status={item.status} />
            </div>
            <Typography.Text type="secondary">{quarter(item)}</Typography.Text>
            <div>{item.request}</div>
            <div>
              <Typography.Text type="secondary">{t('sup.itemDue')}：</Typography.Text>
              <DueDate dueOn={item.dueOn} overdue={item.overdue} />
            </div>
            <Answer item={item} />
            {closeButton(item)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<Item>
      data-testid={testId}
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      onRow={(item) => rowAttrs(item) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('sup.itemUnit'), key: 'unit', width: 130, render: (_, i) => display(i.agency.shortName) },
        { title: t('sup.colMeasure'), key: 'measure', width: 90, render: (_, i) => measureNumber(i.measure.seq, lang) },
        { title: t('sup.itemFrom'), key: 'quarter', width: 150, render: (_, i) => quarter(i) },
        { title: t('sup.itemRequest'), key: 'request', render: (_, i) => i.request },
        { title: t('sup.itemDue'), key: 'due', width: 170, render: (_, i) => <DueDate dueOn={i.dueOn} overdue={i.overdue} /> },
        { title: t('sup.colStatus'), key: 'status', width: 100, render: (_, i) => <ItemStatusTag status={i.status} /> },
        { title: t('sup.colAnswer'), key: 'answer', render: (_, i) => <Answer item={i} /> },
        ...(onClose ? [{ title: '', key: 'act', width: 80, render: (_: unknown, i: Item) => closeButton(i) }] : []),
      ]}
    />
  );
}
