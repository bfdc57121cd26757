import './units.css';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Input, Modal, Segmented, Space, Table, Tag, Typography, message as antMessage } from 'antd';
import {
  AgencyStatsDocument,
  CreateAgencyDocument,
  MergeAgenciesDocument,
  RenameAgencyDocument,
  SetAgencyActiveDocument,
} from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { MergeDialog, UnitFormDialog, type UnitForm } from './UnitDialogs';
import { unitState, visibleUnits, type UnitRow, type UnitStatusFilter } from './units-format';

type Dialog = { kind: 'add' } | { kind: 'rename'; unit: UnitRow } | { kind: 'merge'; unit: UnitRow } | null;

/** 系统管理 › 单位 (OFFICE, ADMIN): the units with their accounts and measures; add, rename, deactivate, merge. */
export default function UnitsPage() {
  const { t } = useI18n();
  const display = useDisplayText();
  // The hooks, with their holders rendered below: the app has no antd <App> wrapper, so App.useApp() gives empty objects.
  const [modal, modalHolder] = Modal.useModal();
  const [message, messageHolder] = antMessage.useMessage();
  const stats = useQuery(AgencyStatsDocument, { fetchPolicy: 'cache-and-network' });
  const refetch = { refetchQueries: [AgencyStatsDocument], awaitRefetchQueries: true };
  const [create, createState] = useMutation(CreateAgencyDocument, refetch);
  const [rename, renameState] = useMutation(RenameAgencyDocument, refetch);
  const [setActive] = useMutation(SetAgencyActiveDocument, refetch);
  const [merge, mergeState] = useMutation(MergeAgenciesDocument, refetch);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<UnitStatusFilter>('ACTIVE');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const rows = (stats.data?.agencyStats ?? []) as UnitRow[];
  const shown = useMemo(() => visibleUnits(rows, search, status, display), [rows, search, status, display]);
  const failure = (e: unknown) => t('units.failed', { message: isConnectionError(e) ? t('common.network') : (e as Error).message });
  const close = () => {
    setDialog(null);
    setDialogError(null);
  };
  const run = async (action: () => Promise<unknown>) => {
    setDialogError(null);
    try {
      await action();
      close();
      void message.success(t('units.saved'));
    } catch (e) {
      setDialogError(failure(e));
    }
  };

  const save = (form: UnitForm) =>
    dialog?.kind === 'rename'
      ? run(() => rename({ variables: { id: dialog.unit.agency.id, name: form.name, shortName: form.shortName.trim() || null } }))
      : run(() =>
          create({
            variables: {
              input: {
                name: form.name,
                kind: form.kind,
                shortName: form.shortName.trim() || null,
                regionCode: form.kind === 'COUNTY' ? form.regionCode.trim() : null,
              },
            },
          }),
        );

  const toggle = (unit: UnitRow) => {
    const active = !unit.agency.active;
    modal.confirm({
      title: t(active ? 'units.reactivateConfirm' : 'units.deactivateConfirm', { name: display(unit.agency.name) }),
      content: active ? undefined : t('units.deactivateBody'),
      okText: t(active ? 'units.reactivate' : 'units.deactivate'),
      cancelText: t('units.cancel'),
      okButtonProps: { danger: !active, 'data-testid': 'unit-active-confirm' } as never,
      onOk: async () => {
        try {
          await setActive({ variables: { id: unit.agency.id, active } });
          void message.success(t('units.saved'));
        } catch (e) {
          // The confirmation closes; the refusal (e.g. reports awaiting review) is shown where it stays readable.
          modal.error({ title: failure(e) });
        }
      },
    });
  };

  const actions = (unit: UnitRow) =>
    unit.agency.mergedInto ? null : (
      <Space wrap size={4}>
        <Button size="small" onClick={() => setDialog({ kind: 'rename', unit })} data-testid={`unit-rename-${unit.agency.id}`}>
          {t('units.rename')}
        </Button>
        <Button size="small" danger={unit.agency.active} onClick={() => toggle(unit)} data-testid={`unit-active-${unit.agency.id}`}>
          {t(unit.agency.active ? 'units.deactivate' : 'units.reactivate')}
        </Button>
        <Button size="small" onClick={() => setDialog({ kind: 'merge', unit })} data-testid={`unit-merge-${unit.agency.id}`}>
          {t('units.merge')}
        </Button>
      </Space>
    );
  const state = (unit: UnitRow) => {
    const s = unitState(unit);
    return (
      <Tag color={s === 'ACTIVE' ? 'green' : 'default'} data-testid={`unit-state-${unit.agency.id}`}>
        {t(`units.state${s}`, { name: display(unit.agency.mergedInto?.name ?? '') })}
      </Tag>
    );
  };

  return (
    <div className="ls-page-stack ls-units" data-testid="units-page">
      {modalHolder}
      {messageHolder}
      <div className="ls-page-top">
        <div>
          <Typography.Title level={2} className="ls-page-title">
            {t('units.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('units.hint')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setDialog({ kind: 'add' })} data-testid="unit-add">
          {t('units.add')}
        </Button>
      </div>
      <Alert
        type="info"
        showIcon
        title={
          <span>
            {t('units.robotsHint')} <Link to="/chasing">{t('units.robotsLink')}</Link>
          </span>
        }
      />
      <div className="ls-units-filters">
        <Input.Search
          allowClear
          placeholder={t('units.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="units-search"
        />
        <Segmented<UnitStatusFilter>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'ACTIVE', label: t('units.statusActive') },
            { value: 'INACTIVE', label: t('units.statusInactive') },
            { value: 'ALL', label: t('units.statusAll') },
          ]}
          data-testid="units-status"
        />
      </div>
      {stats.error && <Alert type="error" showIcon title={failure(stats.error)} role="alert" />}
      <Table<UnitRow>
        className="ls-units-table"
        rowKey={(r) => r.agency.id}
        loading={stats.loading && !stats.data}
        dataSource={shown}
        pagination={false}
        // The fixed columns take 680 px: on a phone the table scrolls inside its box and the name keeps ~260 px.
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('units.empty')} /> }}
        onRow={(r) => ({ 'data-testid': `unit-row-${r.agency.id}` }) as never}
        columns={[
          {
            key: 'name',
            title: t('units.colName'),
            render: (_, r) => (
              <div>
                <div data-testid="unit-name-cell">{display(r.agency.name)}</div>
                {r.agency.shortName !== r.agency.name && <Typography.Text type="secondary">{display(r.agency.shortName)}</Typography.Text>}
              </div>
            ),
          },
          {
            key: 'kind',
            title: t('units.colKind'),
            width: 150,
            render: (_, r) => `${t(`units.kind${r.agency.kind}`)}${r.agency.regionCode ? ` ${r.agency.regionCode}` : ''}`,
          },
          { key: 'status', title: t('units.colStatus'), width: 140, render: (_, r) => state(r) },
          { key: 'accounts', title: t('units.colAccounts'), width: 80, align: 'right', dataIndex: 'accounts' },
          { key: 'resp', title: t('units.colResponsibilities'), width: 90, align: 'right', dataIndex: 'responsibilities' },
          { key: 'actions', title: t('units.colActions'), width: 220, render: (_, r) => actions(r) },
        ]}
      />
      {(dialog?.kind === 'add' || dialog?.kind === 'rename') && (
        <UnitFormDialog
          key={dialog.kind === 'rename' ? dialog.unit.agency.id : 'add'}
          open
          unit={dialog.kind === 'rename' ? dialog.unit : null}
          busy={createState.loading || renameState.loading}
          error={dialogError}
          onCancel={close}
          onSave={(form) => void save(form)}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeDialog
          from={dialog.unit}
          rows={rows}
          busy={mergeState.loading}
          error={dialogError}
          onCancel={close}
          onMerge={(intoId) => void run(() => merge({ variables: { fromId: dialog.unit.agency.id, intoId } }))}
        />
      )}
    </div>
  );
}
