import './setup.css';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, InputNumber, Modal, Select, Skeleton, Table, Typography, type ButtonProps } from 'antd';
import {
  AdminQuotaPoliciesDocument,
  AdminQuotaTableDocument,
  AdminSetQuotasDocument,
  AdminSetTargetValueDocument,
  type AdminQuotaTableQuery,
} from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { PolicySelect } from './PolicySelect';
import { formatQuota, hasStartingPoint, quotasToSave, quotaTotals, startingPoint, type StartingPoint } from './quota-math';

type Row = AdminQuotaTableQuery['quotaTable']['rows'][number];
type Values = Record<string, number | null>;

const savedValues = (rows: readonly Row[]): Values => Object.fromEntries(rows.map((r) => [r.county.id, r.quota]));

/** 系统管理 › 任务分解: the city's target split across the seven counties, with the live sum and shortfall. */
export default function QuotasPage() {
  const { t } = useI18n();
  const display = useDisplayText();
  const policies = useQuery(AdminQuotaPoliciesDocument, { fetchPolicy: 'cache-and-network' });
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  // Published notices only: a draft's targets are corrected on its review page (系统管理 › 政策文件).
  const policyList = useMemo(() => (policies.data?.policies ?? []).filter((p) => p.status === 'PUBLISHED'), [policies.data]);
  const policy = policyList.find((p) => p.id === policyId) ?? policyList[0] ?? null;
  const targets = useMemo(
    () => (policy?.measures ?? []).flatMap((m) => m.targets.filter((x) => x.direction === 'AT_LEAST').map((x) => ({ ...x, seq: m.seq }))),
    [policy],
  );
  const target = targets.find((x) => x.id === targetId) ?? targets[0] ?? null;

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
  if (!policyList.length) return <Empty description={t('setup.noPolicies')} />;

  return (
    <div className="ls-page-stack" data-testid="quotas-page">
      <Typography.Title level={4}>{t('quota.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('quota.hint')}</Typography.Paragraph>
      <div className="ls-setup-controls">
        <PolicySelect
          policies={policyList}
          value={policy?.id ?? null}
          onChange={(id) => {
            setPolicyId(id);
            setTargetId(null);
          }}
        />
        <Select
          className="ls-setup-select"
          aria-label={t('setup.target')}
          placeholder={t('setup.chooseTarget')}
          value={target?.id}
          onChange={setTargetId}
          disabled={!targets.length}
          popupMatchSelectWidth={false}
          data-testid="quota-target"
          options={targets.map((x) => ({
            value: x.id,
            label: t('setup.targetOption', {
              seq: x.seq,
              name: display(x.name),
              value: formatQuota(x.targetValue),
              unit: display(x.unit),
              year: x.year,
            }),
          }))}
        />
      </div>
      {target ? <QuotaEditor key={target.id} targetId={target.id} /> : <Empty description={t('setup.noTargets')} />}
    </div>
  );
}

function QuotaEditor({ targetId }: { targetId: string }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const table = useQuery(AdminQuotaTableDocument, { variables: { targetId }, fetchPolicy: 'network-only' });
  const [save, saving] = useMutation(AdminSetQuotasDocument, { refetchQueries: [AdminQuotaTableDocument], awaitRefetchQueries: true });
  const [values, setValues] = useState<Values>({});
  const [confirmShortfall, setConfirmShortfall] = useState<number | null>(null);
  const [result, setResult] = useState<{ type: 'success' | 'info' | 'error'; text: string } | null>(null);
  const data = table.data?.quotaTable;

  // The inputs start from what is saved, and return to it after each save.
  useEffect(() => {
    if (data) setValues(savedValues(data.rows));
  }, [data]);

  if (table.error && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('setup.loadFailed', { message: isConnectionError(table.error) ? t('setup.network') : table.error.message })}
      />
    );
  }
  if (!data) return <Skeleton active />;

  const unit = display(data.target.unit);
  const countyIds = data.rows.map((r) => r.county.id);
  const totals = quotaTotals(
    data.target.targetValue,
    countyIds.map((id) => values[id]),
  );
  const previousRows = data.rows.map((r) => ({
    countyId: r.county.id,
    previousQuota: r.previousQuota ?? null,
    previousShare: r.previousShare ?? null,
  }));

  const fill = (kind: StartingPoint) => {
    const start = startingPoint(kind, data.target.targetValue, previousRows);
    if (!start) return;
    setValues(start);
    setResult({ type: 'info', text: t('quota.startFilled') });
  };

  const submit = async (allowShortfall: boolean) => {
    setConfirmShortfall(null);
    setResult(null);
    try {
      const res = await save({ variables: { targetId, quotas: quotasToSave(values, countyIds), allowShortfall } });
      const saved = res.data?.setQuotas;
      if (!saved) return;
      const excess = Math.max(0, Math.round((saved.sum - data.target.targetValue) * 1e6) / 1e6);
      const vars = { sum: formatQuota(saved.sum), unit, shortfall: formatQuota(saved.shortfall), excess: formatQuota(excess) };
      setResult({
        type: 'success',
        text: t(saved.shortfall > 0 ? 'quota.savedShort' : excess > 0 ? 'quota.savedAbove' : 'quota.saved', vars),
      });
    } catch (e) {
      setResult({
        type: 'error',
        text: t('quota.saveFailed', { message: isConnectionError(e) ? t('setup.network') : (e as Error).message }),
      });
    }
  };
  // A short set is saved only after the office says so.
  const onSave = () => (totals.shortfall > 0 ? setConfirmShortfall(totals.shortfall) : void submit(false));

  const balanceText =
    totals.balance === 'SHORT'
      ? `${t('quota.shortfall')} ${formatQuota(totals.shortfall)}`
      : totals.balance === 'ABOVE'
        ? `${t('quota.excess')} ${formatQuota(totals.excess)}`
        : t('quota.balanced');

  return (
    <div data-testid="quota-editor">
      <div className="ls-quota-totals" aria-live="polite">
        <span>
          {t('quota.cityTargetOf', { year: data.target.year })}{' '}
          <strong data-testid="quota-city-target">{formatQuota(data.target.targetValue)}</strong> {unit}
          {data.target.everyYear && <span className="ls-quota-recurs"> {t('quota.recurs')}</span>}{' '}
          <TargetValueEdit target={data.target} unit={unit} />
        </span>
        <span>
          {t('quota.sum')} <strong data-testid="quota-sum">{formatQuota(totals.sum)}</strong> {unit}
        </span>
        <strong
          className={totals.balance === 'SHORT' ? 'short' : totals.balance === 'ABOVE' ? 'above' : undefined}
          data-testid="quota-balance"
          data-balance={totals.balance}
        >
          {balanceText}
        </strong>
      </div>
      {data.previousTarget ? (
        <Typography.Text type="secondary">
          {t('quota.previousOf', { year: data.previousTarget.year, value: formatQuota(data.previousTarget.targetValue), unit })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('quota.noPrevious')}</Typography.Text>
      )}
      <div className="ls-quota-actions">
        <Button
          onClick={() => fill('PREVIOUS_SPLIT')}
          disabled={!hasStartingPoint('PREVIOUS_SPLIT', previousRows)}
          data-testid="quota-from-previous-split"
        >
          {t('quota.fromPreviousSplit')}
        </Button>
        <Button
          onClick={() => fill('PREVIOUS_SHARE')}
          disabled={!hasStartingPoint('PREVIOUS_SHARE', previousRows)}
          data-testid="quota-from-previous-share"
        >
          {t('quota.fromPreviousShare')}
        </Button>
      </div>
      <Table<Row>
        rowKey={(r) => r.county.id}
        dataSource={data.rows}
        pagination={false}
        size="middle"
        scroll={{ x: 520 }}
        columns={[
          { key: 'county', title: t('quota.county'), render: (_, r) => display(r.county.name) },
          {
            key: 'previousQuota',
            title: t('quota.previousQuota'),
            align: 'right',
            render: (_, r) => (r.previousQuota == null ? '—' : formatQuota(r.previousQuota)),
          },
          {
            key: 'previousShare',
            title: t('quota.previousShare'),
            align: 'right',
            render: (_, r) => (r.previousShare == null ? '—' : `${(r.previousShare * 100).toFixed(1)}%`),
          },
          {
            key: 'quota',
            title: t('quota.quota'),
            render: (_, r) => (
              <InputNumber
                min={0}
                max={1e12}
                value={values[r.county.id] ?? null}
                placeholder={t('quota.empty')}
                onChange={(v) => setValues((prev) => ({ ...prev, [r.county.id]: typeof v === 'number' ? v : null }))}
                aria-label={`${display(r.county.name)} ${t('quota.quota')}`}
                data-testid={`quota-input-${r.county.regionCode ?? r.county.id}`}
                style={{ width: 140 }}
              />
            ),
          },
        ]}
      />
      <div className="ls-quota-actions">
        <Button type="primary" loading={saving.loading} onClick={onSave} data-testid="quota-save">
          {t('quota.save')}
        </Button>
        <Button
          onClick={() => {
            setValues(savedValues(data.rows));
            setResult(null);
          }}
          data-testid="quota-reset"
        >
          {t('quota.reset')}
        </Button>
      </div>
      {result && (
        <Alert
          type={result.type}
          showIcon
          title={result.text}
          role={result.type === 'error' ? 'alert' : 'status'}
          closable={{ onClose: () => setResult(null) }}
          data-testid="quota-result"
        />
      )}
      <Modal
        open={confirmShortfall !== null}
        title={t('quota.confirmShortTitle')}
        okText={t('quota.confirmSave')}
        cancelText={t('quota.cancel')}
        onOk={() => void submit(true)}
        onCancel={() => setConfirmShortfall(null)}
        okButtonProps={{ 'data-testid': 'quota-confirm-short' } as Record<string, string>}
      >
        <p data-testid="quota-confirm-text">{t('quota.confirmShort', { shortfall: formatQuota(confirmShortfall ?? 0) })}</p>
      </Modal>
    </div>
  );
}

/** The office changes the year's city target (the next year's starts from it when the year comes). */
function TargetValueEdit({ target, unit }: { target: AdminQuotaTableQuery['quotaTable']['target']; unit: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<number | null>(target.targetValue);
  const [error, setError] = useState<string | null>(null);
  const [save, saving] = useMutation(AdminSetTargetValueDocument, {
    refetchQueries: [AdminQuotaTableDocument, AdminQuotaPoliciesDocument],
    awaitRefetchQueries: true,
  });
  const submit = async () => {
    if (value == null || !Number.isFinite(value) || value < 0) {
      setError(t('quota.valueRequired'));
      return;
    }
    setError(null);
    try {
      await save({ variables: { targetId: target.id, targetValue: value, version: target.version } });
      setOpen(false);
    } catch (e) {
      setError(t('quota.saveFailed', { message: isConnectionError(e) ? t('setup.network') : (e as Error).message }));
    }
  };
  return (
    <>
      <Button
        size="small"
        type="link"
        onClick={() => {
          setValue(target.targetValue);
          setError(null);
          setOpen(true);
        }}
        data-testid="quota-edit-target"
      >
        {t('quota.editTarget')}
      </Button>
      <Modal
        open={open}
        title={t('quota.editTargetTitle', { year: target.year })}
        okText={t('quota.editTargetOk')}
        cancelText={t('quota.editTargetCancel')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={saving.loading}
        okButtonProps={{ 'data-testid': 'quota-edit-target-ok' } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('quota.editTargetHint')}</Typography.Paragraph>
        <InputNumber
          min={0}
          value={value}
          onChange={(v) => setValue(v)}
          suffix={unit}
          style={{ width: '100%' }}
          aria-label={t('quota.editTargetTitle', { year: target.year })}
          data-testid="quota-edit-target-value"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="quota-edit-target-error" />}
      </Modal>
    </>
  );
}
