import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Alert, Button, Grid, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import {
  ChasingWebhooksDocument,
  RemoveAgencyWebhookDocument,
  SetAgencyWebhookDocument,
  type ChasingWebhooksQuery,
} from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { formatChinaTime, unitRobots, urlFieldMessage, urlHost, type RobotKind, type UnitRow } from './chasing-format';
import { WebhookDialog } from './WebhookDialog';

type Agency = ChasingWebhooksQuery['agencies'][number];
type Webhook = ChasingWebhooksQuery['agencyWebhooks'][number];
type Row = UnitRow<Agency, Webhook>;

/** 群机器人: each unit's WeCom or DingTalk group robot (kind and host only), set, change, remove. */
export function WebhooksPanel() {
  const { t } = useI18n();
  const display = useDisplayText();
  const screens = Grid.useBreakpoint();
  const query = useQuery(ChasingWebhooksDocument, { fetchPolicy: 'cache-and-network' });
  const [setWebhook, setState] = useMutation(SetAgencyWebhookDocument);
  const [removeWebhook] = useMutation(RemoveAgencyWebhookDocument);
  const [editing, setEditing] = useState<Row | null>(null);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const failure = (e: unknown) => t('chase.failed', { message: isConnectionError(e) ? t('common.network') : (e as Error).message });

  const open = (row: Row) => {
    setUrlError(null);
    setDialogError(null);
    setEditing(row);
  };
  const save = async (kind: RobotKind, url: string) => {
    if (!editing) return;
    setUrlError(null);
    setDialogError(null);
    try {
      await setWebhook({ variables: { agencyId: editing.agency.id, kind, url } });
      await query.refetch();
      setEditing(null);
    } catch (e) {
      const atField = CombinedGraphQLErrors.is(e) ? urlFieldMessage(e.errors) : null;
      if (atField) setUrlError(atField);
      else setDialogError(failure(e));
    }
  };
  const remove = async (row: Row) => {
    setError(null);
    setRemoving(row.agency.id);
    try {
      await removeWebhook({ variables: { agencyId: row.agency.id } });
      await query.refetch();
    } catch (e) {
      setError(failure(e));
    } finally {
      setRemoving(null);
    }
  };

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 6 }} />;

  const { departments, counties, configured } = unitRobots(query.data.agencies, query.data.agencyWebhooks);
  const name = (row: Row) => display(row.agency.name);

  const robot = (row: Row) =>
    row.webhook ? (
      <span data-testid="robot" data-kind={row.webhook.kind}>
        <Tag color={row.webhook.kind === 'WECOM' ? 'green' : 'blue'} className="ls-tag">
          {t(`chase.channel.${row.webhook.kind}`)}
        </Tag>
        <span className="ls-chase-muted">{urlHost(row.webhook.url)}</span>
      </span>
    ) : (
      <span className="ls-chase-muted" data-testid="robot" data-kind="">
        {t('chase.notSet')}
      </span>
    );
  const actions = (row: Row) => (
    <span className="ls-chase-filters">
      <Button size="small" onClick={() => open(row)} data-testid="robot-edit">
        {row.webhook ? t('chase.change') : t('chase.set')}
      </Button>
      {row.webhook && (
        <Popconfirm
          title={t('chase.removeConfirm', { unit: name(row) })}
          okText={t('chase.removeOk')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(row)}
        >
          <Button size="small" danger loading={removing === row.agency.id} data-testid="robot-remove">
            {t('chase.remove')}
          </Button>
        </Popconfirm>
      )}
    </span>
  );

  const group = (title: string, rows: Row[]) => (
    <div key={title}>
      <Typography.Title level={3} className="ls-chase-group-title" style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {!screens.md ? (
        <ul className="ls-card-list">
          {rows.map((row) => (
            <li key={row.agency.id} className="ls-card" data-testid="robot-row" data-agency-id={row.agency.id}>
              <Typography.Text strong>{name(row)}</Typography.Text>
              {robot(row)}
              {actions(row)}
            </li>
          ))}
        </ul>
      ) : (
        <div className="ls-chase-box">
          <Table<Row>
            size="small"
            rowKey={(r) => r.agency.id}
            dataSource={rows}
            pagination={false}
            onRow={(r) => ({ 'data-testid': 'robot-row', 'data-agency-id': r.agency.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'unit', title: t('chase.colUnit'), render: (_, r) => name(r) },
              { key: 'robot', title: t('chase.colRobot'), render: (_, r) => robot(r) },
              {
                key: 'updated',
                title: t('chase.colUpdated'),
                width: 160,
                render: (_, r) => (r.webhook ? formatChinaTime(r.webhook.updatedAt) : ''),
              },
              { key: 'actions', title: t('chase.colActions'), width: 180, render: (_, r) => actions(r) },
            ]}
          />
        </div>
      )}
    </div>
  );

  return (
    <section className="ls-chase-section" aria-label={t('chase.tabRobots')} data-testid="robots">
      <Alert type="info" showIcon title={t('chase.robotsHint')} />
      <Typography.Text type="secondary" data-testid="robots-summary">
        {t('chase.robotsSummary', { set: configured, total: departments.length + counties.length })}
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      {group(t('chase.departments'), departments)}
      {group(t('chase.counties'), counties)}
      <WebhookDialog
        key={editing?.agency.id ?? 'closed'}
        unit={editing ? name(editing) : null}
        initialKind={editing?.webhook?.kind ?? null}
        busy={setState.loading}
        urlError={urlError}
        error={dialogError}
        onCancel={() => setEditing(null)}
        onEdit={() => setUrlError(null)}
        onSave={(kind, url) => void save(kind, url)}
      />
    </section>
  );
}
