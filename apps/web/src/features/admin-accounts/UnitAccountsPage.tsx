import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Flex, Popconfirm, Select, Space, Table, Typography, message } from 'antd';
import { useDisplayText, useI18n } from '../../app/i18n';
import { CreateUnitAccountsForPolicyDocument, UnitAccountPoliciesDocument } from '../../graphql/generated';
import { unitAccountRows, unitAccountsFileName, type UnitAccountRow } from './unit-accounts-format';
import './admin-accounts.css';

/** Loaded only when someone downloads: exceljs is large. */
async function downloadSheet(rows: UnitAccountRow[], header: string[], sheetName: string, fileName: string): Promise<void> {
  const [{ default: ExcelJS }, { saveBlob }] = await Promise.all([import('exceljs'), import('../../app/save-blob')]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow([r.unit, r.username, r.password, r.signInAt]);
  ws.columns = [{ width: 30 }, { width: 16 }, { width: 18 }, { width: 40 }];
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}

/**
 * 系统管理 › 单位账号: one reporter account for every responsible unit of a policy that has none.
 * The temporary passwords exist only in this page's memory: shown once, to download or print.
 */
export default function UnitAccountsPage() {
  const { t } = useI18n();
  const display = useDisplayText();
  const policies = useQuery(UnitAccountPoliciesDocument);
  const [create, { loading }] = useMutation(CreateUnitAccountsForPolicyDocument);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [rows, setRows] = useState<UnitAccountRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [toast, holder] = message.useMessage();

  const list = policies.data?.policies ?? [];
  const policy = list.find((p) => p.id === policyId) ?? null;
  const header = [t('unitAccounts.unit'), t('unitAccounts.username'), t('unitAccounts.password'), t('unitAccounts.signInAt')];

  const onCreate = async () => {
    if (!policyId) return;
    setFailure(null);
    try {
      const { data } = await create({ variables: { policyId } });
      const made = data?.createUnitAccounts ?? [];
      setRows(unitAccountRows(made, window.location.origin, display));
      if (made.length) void toast.success(t('unitAccounts.created', { n: made.length }));
    } catch (error) {
      setFailure(t('accounts.error', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const onDownload = () => {
    if (!rows || !policy) return;
    downloadSheet(rows, header, t('unitAccounts.sheet'), unitAccountsFileName(t('unitAccounts.file'), policy.docNumber)).catch((error: unknown) =>
      setFailure(t('accounts.error', { message: error instanceof Error ? error.message : String(error) })),
    );
  };

  return (
    <div className="ls-unit-accounts" data-testid="unit-accounts-page">
      {holder}
      <Typography.Title level={4}>{t('unitAccounts.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('unitAccounts.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" className="ls-accounts-filters">
        <Select<string>
          aria-label={t('unitAccounts.policy')}
          placeholder={t('unitAccounts.pickPolicy')}
          value={policyId ?? undefined}
          onChange={(id) => {
            setPolicyId(id);
            setRows(null);
          }}
          loading={policies.loading}
          style={{ minWidth: 280, maxWidth: '100%' }}
          options={list.map((p) => ({ value: p.id, label: `${display(p.docNumber)} ${display(p.title)}` }))}
          data-testid="unit-accounts-policy"
        />
        <Popconfirm title={t('unitAccounts.confirm')} onConfirm={onCreate} okText={t('unitAccounts.create')} cancelText={t('password.cancel')} disabled={!policyId}>
          <Button type="primary" disabled={!policyId} loading={loading} data-testid="unit-accounts-create">
            {t('unitAccounts.create')}
          </Button>
        </Popconfirm>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {rows && rows.length === 0 && <Empty description={t('unitAccounts.none')} data-testid="unit-accounts-none" />}
      {rows && rows.length > 0 && (
        <>
          <Alert type="warning" showIcon title={t('unitAccounts.onceWarning')} data-testid="unit-accounts-once" style={{ marginBottom: 12 }} />
          <Space wrap style={{ marginBottom: 12 }}>
            <Button onClick={onDownload} data-testid="unit-accounts-download">
              {t('unitAccounts.download')}
            </Button>
            <Button onClick={() => window.print()} data-testid="unit-accounts-print">
              {t('unitAccounts.print')}
            </Button>
          </Space>
          <Table<UnitAccountRow>
            rowKey="username"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={rows}
            data-testid="unit-accounts-table"
            columns={[
              { title: header[0], dataIndex: 'unit' },
              { title: header[1], dataIndex: 'username' },
              { title: header[2], dataIndex: 'password', render: (p: string) => <span className="ls-temporary-password-cell">{p}</span> },
              { title: header[3], dataIndex: 'signInAt' },
            ]}
          />
          {/* What window.print() puts on paper: one card per unit, to cut out and hand over. */}
          <div className="ls-unit-accounts-print" aria-hidden>
            <h2>{t('unitAccounts.printTitle')}</h2>
            {rows.map((r) => (
              <div key={r.username} className="ls-print-card">
                <div>
                  <strong>{r.unit}</strong>
                </div>
                <div>
                  {header[1]}: {r.username}
                </div>
                <div>
                  {header[2]}: {r.password}
                </div>
                <div>
                  {header[3]}: {r.signInAt}
                </div>
                <div>{t('unitAccounts.printHint')}</div>
              </div>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
