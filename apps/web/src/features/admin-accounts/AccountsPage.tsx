import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDisplayText, useI18n } from '../../shared/i18n';
import {
  AccountAgenciesDocument,
  AdminResetPasswordDocument,
  AdminSetUserActiveDocument,
  AdminUsersDocument,
  type AdminUsersQuery,
  type Role,
} from '../../graphql/generated';
import { useAuth } from '../../shared/session';
import { CreateAccountDialog, EditAccountDialog, TemporaryPasswordDialog } from './AccountDialogs';
import { BulkAccountsPanel } from './BulkAccountsPanel';
import { accountsVariables, canManage, formatMoment, NO_FILTERS, type AccountFilters } from './accounts-format';
import './admin-accounts.css';

type Account = AdminUsersQuery['users'][number];
const ROLES: Role[] = ['ADMIN', 'OFFICE', 'LEADER', 'REPORTER'];
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** 系统管理 › 账号: every account with search and filters; create, change role or unit, deactivate, reset a password. */
export default function AccountsPage() {
  const { t } = useI18n();
  const display = useDisplayText();
  const { user: actor } = useAuth();
  const [filters, setFilters] = useState<AccountFilters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const users = useQuery(AdminUsersDocument, { variables: accountsVariables(filters), fetchPolicy: 'cache-and-network' });
  const agencies = useQuery(AccountAgenciesDocument);
  const [setActive] = useMutation(AdminSetUserActiveDocument);
  const [reset] = useMutation(AdminResetPasswordDocument);
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const [toast, holder] = message.useMessage();

  const agencyOptions = useMemo(() => agencies.data?.agencies ?? [], [agencies.data]);
  if (!actor) return null;
  const refetch = () => void users.refetch();
  const failed = (error: unknown) => void toast.error(t('accounts.error', { message: errorText(error) }));

  const toggleActive = async (account: Account) => {
    try {
      await setActive({ variables: { id: account.id, active: !account.active } });
      refetch();
    } catch (error) {
      failed(error);
    }
  };
  const resetPassword = async (account: Account) => {
    try {
      const { data } = await reset({ variables: { id: account.id } });
      if (data) setIssued({ username: account.username, password: data.resetPassword.temporaryPassword });
      refetch();
    } catch (error) {
      failed(error);
    }
  };

  const columns: ColumnsType<Account> = [
    {
      title: t('accounts.username'),
      dataIndex: 'username',
      render: (_, a) => (
        <Space size={4} wrap>
          <span data-testid="account-username-cell">{a.username}</span>
          {(a.displayName || a.phone) && (
            <Typography.Text type="secondary">{[a.displayName, a.phone].filter(Boolean).join(' · ')}</Typography.Text>
          )}
          {a.id === actor.id && <Typography.Text type="secondary">{t('accounts.self')}</Typography.Text>}
          {a.mustChangePassword && <Tag color="gold">{t('accounts.mustChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('accounts.role'), dataIndex: 'role', render: (role: Role) => t(`role.${role}`) },
    { title: t('accounts.unit'), render: (_, a) => (a.agency ? display(a.agency.name) : '—') },
    {
      title: t('accounts.status'),
      render: (_, a) => (a.active ? <Tag color="green">{t('accounts.active')}</Tag> : <Tag>{t('accounts.inactive')}</Tag>),
    },
    {
      title: t('accounts.lastSignIn'),
      render: (_, a) => formatMoment(a.lastSignInAt) ?? <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>,
    },
    {
      title: t('accounts.actions'),
      render: (_, a) =>
        canManage(actor, a) && (
          <Space size={4} wrap>
            <Button size="small" onClick={() => setEditing(a)} data-testid="account-edit">
              {t('accounts.edit')}
            </Button>
            <Popconfirm
              title={t(a.active ? 'accounts.deactivateConfirm' : 'accounts.reactivateConfirm', { name: a.username })}
              onConfirm={() => toggleActive(a)}
              okText={t(a.active ? 'accounts.deactivate' : 'accounts.reactivate')}
              cancelText={t('password.cancel')}
            >
              <Button size="small" danger={a.active} data-testid={a.active ? 'account-deactivate' : 'account-reactivate'}>
                {t(a.active ? 'accounts.deactivate' : 'accounts.reactivate')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('accounts.resetConfirm', { name: a.username })}
              onConfirm={() => resetPassword(a)}
              okText={t('accounts.resetPassword')}
              cancelText={t('password.cancel')}
            >
              <Button size="small" data-testid="account-reset-password">
                {t('accounts.resetPassword')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  const list = users.data?.users ?? [];
  return (
    <div className="ls-accounts" data-testid="accounts-page">
      {holder}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4}>{t('accounts.title')}</Typography.Title>
        <Space wrap>
          <Button onClick={() => setBulk(true)} disabled={bulk} data-testid="accounts-bulk">
            {t('bulkAccounts.open')}
          </Button>
          <Button type="primary" onClick={() => setCreating(true)} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        </Space>
      </Flex>
      {bulk && <BulkAccountsPanel onClose={() => setBulk(false)} onCreated={refetch} />}
      <Flex gap={8} className="ls-accounts-filters">
        <Input.Search
          allowClear
          placeholder={t('accounts.search')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(search) => setFilters((f) => ({ ...f, search }))}
          style={{ maxWidth: 280 }}
          data-testid="accounts-search"
        />
        <Select<Role | null>
          aria-label={t('accounts.filterRole')}
          value={filters.role}
          onChange={(role) => setFilters((f) => ({ ...f, role }))}
          options={[
            { value: null, label: `${t('accounts.filterRole')}: ${t('accounts.all')}` },
            ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
          ]}
          data-testid="accounts-filter-role"
        />
        <Select<string | null>
          aria-label={t('accounts.filterUnit')}
          value={filters.agencyId}
          onChange={(agencyId) => setFilters((f) => ({ ...f, agencyId }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 200 }}
          options={[
            { value: null, label: `${t('accounts.filterUnit')}: ${t('accounts.all')}` },
            ...agencyOptions.map((a) => ({ value: a.id, label: display(a.name) })),
          ]}
          data-testid="accounts-filter-unit"
        />
        <Select<AccountFilters['active']>
          aria-label={t('accounts.filterActive')}
          value={filters.active}
          onChange={(active) => setFilters((f) => ({ ...f, active }))}
          options={[
            { value: 'all', label: `${t('accounts.filterActive')}: ${t('accounts.all')}` },
            { value: 'active', label: t('accounts.activeOnly') },
            { value: 'inactive', label: t('accounts.inactiveOnly') },
          ]}
          data-testid="accounts-filter-active"
        />
      </Flex>
      {users.error && <Alert type="error" showIcon title={t('accounts.loadError', { message: users.error.message })} />}
      <Table<Account>
        rowKey="id"
        size="middle"
        loading={users.loading && !users.data}
        columns={columns}
        dataSource={list}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('accounts.count', { n }) }}
        locale={{ emptyText: <Empty description={t('accounts.empty')} /> }}
        data-testid="accounts-table"
        onRow={(a) => ({ 'data-testid': `account-row-${a.username}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {creating && (
        <CreateAccountDialog
          actorRole={actor.role}
          agencies={agencyOptions}
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            void toast.success(t('accounts.created', { name }));
            refetch();
          }}
        />
      )}
      {editing && (
        <EditAccountDialog
          account={editing}
          actorRole={actor.role}
          agencies={agencyOptions}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void toast.success(t('accounts.saved'));
            refetch();
          }}
        />
      )}
      {issued && <TemporaryPasswordDialog username={issued.username} password={issued.password} onClose={() => setIssued(null)} />}
    </div>
  );
}
