import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Flex, Popconfirm, Select, Typography, message } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { CreateUnitAccountsForPolicyDocument, UnitAccountPoliciesDocument } from '../../graphql/generated';
import { IssuedAccounts } from './IssuedAccounts';
import { unitAccountRows, unitAccountsFileName, type UnitAccountRow } from './unit-accounts-format';
import './admin-accounts.css';

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
        <Popconfirm
          title={t('unitAccounts.confirm')}
          onConfirm={onCreate}
          okText={t('unitAccounts.create')}
          cancelText={t('password.cancel')}
          disabled={!policyId}
        >
          <Button type="primary" disabled={!policyId} loading={loading} data-testid="unit-accounts-create">
            {t('unitAccounts.create')}
          </Button>
        </Popconfirm>
      </Flex>
      {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      {rows && rows.length === 0 && <Empty description={t('unitAccounts.none')} data-testid="unit-accounts-none" />}
      {rows && rows.length > 0 && policy && (
        <IssuedAccounts
          rows={rows}
          sheetName={t('unitAccounts.sheet')}
          fileName={unitAccountsFileName(t('unitAccounts.file'), policy.docNumber)}
          testId="unit-accounts"
        />
      )}
    </div>
  );
}
