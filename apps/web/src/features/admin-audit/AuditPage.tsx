import { useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Grid, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { downloadWithToken } from '../../shared/authorized-fetch';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { AuditFilterOptionsDocument, AuditRecordsDocument, type AuditRecordsQuery } from '../../graphql/generated';
import { LoadError } from '../../shared/LoadError';
import { AuditChanges } from './AuditChanges';
import { AuditFilters } from './AuditFilters';
import { changedCount, diffSnapshots } from './audit-diff';
import {
  actionLabel,
  chinaDateTime,
  entityLabel,
  exportUrl,
  kindLabel,
  subjectOf,
  toApiFilter,
  type AuditFilterForm,
} from './audit-format';
import './audit.css';

type Page = AuditRecordsQuery['auditRecords'];
type Rec = Page['records'][number];

export const AUDIT_PAGE_SIZE = 50;

const KIND_COLOR: Record<Rec['kind'], string> = {
  ACCOUNT: 'blue',
  REPORTING: 'green',
  SUPERVISION: 'orange',
  SETTINGS: 'purple',
  OTHER: 'default',
};

/** 操作日志: who did what and when, filtered, newest first, a page at a time; before/after on demand; Excel. */
export default function AuditPage() {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const screens = Grid.useBreakpoint();
  const client = useApolloClient();
  const [applied, setApplied] = useState<AuditFilterForm>({});
  const filter = useMemo(() => toApiFilter(applied), [applied]);
  const filterKey = JSON.stringify(filter);
  const first = useQuery(AuditRecordsDocument, { variables: { filter, first: AUDIT_PAGE_SIZE }, fetchPolicy: 'network-only' });
  const options = useQuery(AuditFilterOptionsDocument, { fetchPolicy: 'cache-first' });
  // Later pages, for the filter they were loaded under (a new filter starts again from page one).
  const [more, setMore] = useState<{ key: string; pages: Page[] }>({ key: filterKey, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const names = useMemo(
    () => ({
      agencies: new Map((options.data?.agencies ?? []).map((a) => [a.id, display(a.name)])),
      users: new Map((options.data?.users ?? []).map((u) => [u.id, u.username])),
    }),
    [options.data, display],
  );
  const failure = (e: unknown) => (isConnectionError(e) ? t('common.network') : (e as Error).message);

  const pages = first.data ? [first.data.auditRecords, ...(more.key === filterKey ? more.pages : [])] : [];
  const records = pages.flatMap((p) => p.records);
  const last = pages[pages.length - 1];
  const head = pages[0];

  const apply = (form: AuditFilterForm) => {
    setError(null);
    setOpen(new Set());
    setApplied(form);
  };
  const loadMore = async () => {
    if (!last?.endCursor) return;
    setLoadingMore(true);
    setError(null);
    try {
      const res = await client.query({
        query: AuditRecordsDocument,
        variables: { filter, first: AUDIT_PAGE_SIZE, after: last.endCursor },
        fetchPolicy: 'network-only',
      });
      if (res.data) setMore((m) => ({ key: filterKey, pages: [...(m.key === filterKey ? m.pages : []), res.data!.auditRecords] }));
    } catch (e) {
      setError(t('audit.loadFailed', { message: failure(e) }));
    } finally {
      setLoadingMore(false);
    }
  };
  const exportExcel = async () => {
    setExporting(true);
    setError(null);
    try {
      await downloadWithToken(exportUrl(applied), 'audit.xlsx');
    } catch (e) {
      setError(t('audit.exportFailed', { message: failure(e) }));
    } finally {
      setExporting(false);
    }
  };
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const who = (r: Rec) => (
    <span data-testid="audit-who">
      {r.username ?? <span className="ls-audit-muted">{t('audit.nobody')}</span>}
      {r.user?.agency && <span className="ls-audit-muted"> · {display(r.user.agency.name)}</span>}
    </span>
  );
  const what = (r: Rec) => (
    <span data-testid="audit-what" data-action={r.action}>
      <Tag color={KIND_COLOR[r.kind]} className="ls-tag">
        {kindLabel(r.kind, lang)}
      </Tag>
      {actionLabel(r.action, r.entity, lang)}
    </span>
  );
  const on = (r: Rec) => (
    <Tooltip title={`${r.entity} ${r.entityId}`}>
      <span data-testid="audit-on">
        {entityLabel(r.entity, lang)} · {subjectOf(r, names)}
      </span>
    </Tooltip>
  );
  const changes = (r: Rec) => {
    const n = changedCount(diffSnapshots(r.before, r.after));
    return n ? t('audit.changed', { count: n }) : '';
  };

  const list = () => {
    if (records.length === 0) return <Empty description={t('audit.empty')} data-testid="audit-empty" />;
    if (!screens.md) {
      return (
        <ul className="ls-card-list">
          {records.map((r) => (
            <li key={r.id} className="ls-card" data-testid="audit-row" data-id={r.id}>
              <div className="ls-audit-card-head">
                <Typography.Text strong>{chinaDateTime(r.at)}</Typography.Text>
                {who(r)}
              </div>
              {what(r)}
              {on(r)}
              <Button
                size="small"
                type="link"
                onClick={() => toggle(r.id)}
                data-testid="audit-toggle"
                style={{ alignSelf: 'flex-start', padding: 0 }}
              >
                {open.has(r.id) ? t('audit.hideDetails') : `${t('audit.details')} ${changes(r)}`}
              </Button>
              {open.has(r.id) && <AuditChanges before={r.before} after={r.after} requestId={r.requestId} />}
            </li>
          ))}
        </ul>
      );
    }
    return (
      <div className="ls-audit-box">
        <Table<Rec>
          size="small"
          rowKey="id"
          dataSource={records}
          pagination={false}
          onRow={(r) => ({ 'data-testid': 'audit-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowKeys: [...open],
            onExpand: (_, r) => toggle(r.id),
            expandedRowRender: (r) => <AuditChanges before={r.before} after={r.after} requestId={r.requestId} />,
          }}
          columns={[
            { key: 'at', title: t('audit.colTime'), width: 170, render: (_, r) => chinaDateTime(r.at) },
            { key: 'who', title: t('audit.colWho'), width: 220, render: (_, r) => who(r) },
            { key: 'what', title: t('audit.colWhat'), render: (_, r) => what(r) },
            { key: 'on', title: t('audit.colOn'), render: (_, r) => on(r) },
            {
              key: 'changes',
              title: t('audit.details'),
              width: 110,
              render: (_, r) => <span className="ls-audit-muted">{changes(r)}</span>,
            },
          ]}
        />
      </div>
    );
  };

  return (
    <section className="ls-audit" aria-label={t('admin.audit')} data-testid="audit-page">
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      <AuditFilters options={options.data} onApply={apply} />
      <div className="ls-audit-bar">
        <Typography.Text data-testid="audit-count">
          {head
            ? head.totalCountCapped
              ? t('audit.countCapped', { count: head.totalCount.toLocaleString() })
              : t('audit.count', { count: head.totalCount.toLocaleString() })
            : ''}
        </Typography.Text>
        <Tooltip title={t('audit.exportHint')}>
          <Button onClick={() => void exportExcel()} loading={exporting} data-testid="audit-export">
            {t('audit.export')}
          </Button>
        </Tooltip>
      </div>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} data-testid="audit-error" />}
      {first.error && !first.data ? (
        <LoadError error={first.error} onRetry={() => void first.refetch()} />
      ) : !first.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          {list()}
          {records.length > 0 && (
            <div className="ls-audit-more">
              <Typography.Text type="secondary">{t('audit.shown', { shown: records.length })}</Typography.Text>
              {last?.hasNextPage && (
                <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="audit-more">
                  {t('audit.loadMore')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
