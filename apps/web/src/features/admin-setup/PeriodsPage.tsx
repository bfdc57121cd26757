import './setup.css';
import { useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { AdminPeriodPoliciesDocument, AdminPeriodSettingsDocument, type AdminPeriodSettingsQuery } from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { PeriodDialogs, type PeriodDialog } from './PeriodDialogs';
import { changeLine, responsibleUnits } from './period-format';
import { PolicySelect } from './PolicySelect';

type Row = AdminPeriodSettingsQuery['periodSettings'][number];

/** 系统管理 › 填报期: due dates with reasons, units' extensions (延期) and each period's change history. */
export default function PeriodsPage() {
  const { t } = useI18n();
  const policies = useQuery(AdminPeriodPoliciesDocument, { fetchPolicy: 'cache-and-network' });
  const [policyId, setPolicyId] = useState<string | null>(null);
  // A draft has no reporting periods until it is published.
  const list = useMemo(() => (policies.data?.policies ?? []).filter((p) => p.status === 'PUBLISHED'), [policies.data]);
  const policy = list.find((p) => p.id === policyId) ?? list[0] ?? null;
  const units = useMemo(() => responsibleUnits(policy?.measures ?? []), [policy]);

  if (policies.error && !policies.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('setup.loadFailed', { message: isConnectionError(policies.error) ? t('setup.network') : policies.error.message })}
      />
    );
  }
  if (!policies.data) return <Skeleton active />;
  if (!policy) return <Empty description={t('setup.noPolicies')} />;

  return (
    <div className="ls-page-stack" data-testid="periods-page">
      <Typography.Title level={4}>{t('period.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('period.hint')}</Typography.Paragraph>
      <div className="ls-setup-controls">
        <PolicySelect policies={list} value={policy.id} onChange={setPolicyId} />
      </div>
      <PeriodTable key={policy.id} policyId={policy.id} units={units} />
    </div>
  );
}

function PeriodTable({ policyId, units }: { policyId: string; units: ReturnType<typeof responsibleUnits> }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const settings = useQuery(AdminPeriodSettingsDocument, { variables: { policyId }, fetchPolicy: 'network-only' });
  const [dialog, setDialog] = useState<PeriodDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (settings.error && !settings.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('setup.loadFailed', { message: isConnectionError(settings.error) ? t('setup.network') : settings.error.message })}
      />
    );
  }
  if (!settings.data) return <Skeleton active />;
  const rows = settings.data.periodSettings;
  if (!rows.length) return <Empty description={t('period.empty')} />;

  return (
    <>
      {notice && (
        <Alert
          type="success"
          showIcon
          title={notice}
          role="status"
          closable={{ onClose: () => setNotice(null) }}
          data-testid="period-result"
        />
      )}
      <Table<Row>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 720 }}
        data-testid="period-table"
        onRow={(r) => ({ 'data-testid': `period-row-${r.period.label}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => <History row={r} />,
          rowExpandable: () => true,
        }}
        columns={[
          { key: 'label', title: t('period.label'), render: (_, r) => <strong>{r.period.label}</strong> },
          { key: 'range', title: t('period.range'), render: (_, r) => `${r.period.startsOn} ~ ${r.period.endsOn}` },
          { key: 'due', title: t('period.dueOn'), render: (_, r) => <span data-testid="period-due">{r.period.dueOn}</span> },
          {
            key: 'extensions',
            title: t('period.extensions'),
            render: (_, r) =>
              r.extensions.length ? (
                <Space wrap size={[4, 4]}>
                  {r.extensions.map((x) => (
                    <Tag
                      key={x.agency.id}
                      color="blue"
                      title={x.reason}
                      closable
                      closeIcon={<span aria-label={t('period.removeExtension')}>×</span>}
                      onClose={(e) => {
                        e.preventDefault();
                        setDialog({ kind: 'remove', period: r.period, unit: x.agency });
                      }}
                      data-testid="period-extension"
                    >
                      {display(x.agency.shortName)} · {t('period.extendedTo', { date: x.dueOn })}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('period.noExtensions')}</Typography.Text>
              ),
          },
          {
            key: 'actions',
            title: '',
            render: (_, r) => (
              <Space wrap>
                <Button size="small" onClick={() => setDialog({ kind: 'due', period: r.period })} data-testid="period-edit">
                  {t('period.edit')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'extend', period: r.period })} data-testid="period-extend">
                  {t('period.addExtension')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {dialog && (
        <PeriodDialogs
          dialog={dialog}
          units={units}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setNotice(text);
          }}
        />
      )}
    </>
  );
}

/** A period's change history from the audit: what, who, when, why. */
function History({ row }: { row: Row }) {
  const { t } = useI18n();
  const display = useDisplayText();
  if (!row.changes.length) return <Typography.Text type="secondary">{t('period.noHistory')}</Typography.Text>;
  return (
    <div>
      <Typography.Text strong>{t('period.history')}</Typography.Text>
      <ol className="ls-period-history" data-testid="period-history">
        {row.changes.map((c, i) => {
          const line = changeLine(c, display);
          return (
            <li key={i}>
              {t(line.key, line.vars)}
              {line.reason && <> — {line.reason}</>}
              <Typography.Text type="secondary"> · {t('period.changeBy', line.by)}</Typography.Text>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
