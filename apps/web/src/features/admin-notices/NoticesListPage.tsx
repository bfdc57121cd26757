import './notices.css';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { AdminNoticeListDocument, type AdminNoticeListQuery } from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { policyHomePath } from '../policy-nav';

type Row = AdminNoticeListQuery['policies'][number];

/** 系统管理 › 政策文件: every notice, drafts to review first; a draft opens its review page, a published one the policy. */
export default function NoticesListPage() {
  const { t } = useI18n();
  const display = useDisplayText();
  const navigate = useNavigate();
  const list = useQuery(AdminNoticeListDocument, { fetchPolicy: 'cache-and-network' });

  if (list.error && !list.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('docs.loadFailed', { message: isConnectionError(list.error) ? t('docs.network') : list.error.message })}
      />
    );
  }
  if (!list.data) return <Skeleton active />;
  // Drafts first: they are what the office has to do.
  const rows = [...list.data.policies].sort((a, b) => Number(a.status === 'PUBLISHED') - Number(b.status === 'PUBLISHED'));
  const hasDrafts = rows.some((r) => r.status === 'DRAFT');
  const openLink = (r: Row) => (r.status === 'DRAFT' ? `/admin/notices/${r.id}` : policyHomePath(r.id));

  return (
    <div className="ls-page-stack" data-testid="notices-page">
      <div className="ls-notices-head">
        <Typography.Title level={4}>{t('docs.title')}</Typography.Title>
        <Button type="primary" onClick={() => void navigate('/admin/notices/import')} data-testid="notices-import">
          {t('docs.import')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('docs.hint')}</Typography.Paragraph>
      {!hasDrafts && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('docs.noDrafts')} data-testid="notices-no-drafts" />}
      <Table<Row>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="middle"
        scroll={{ x: 720 }}
        data-testid="notices-table"
        onRow={(r) => ({ 'data-testid': `notice-row-${r.id}`, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'status',
            title: t('docs.status'),
            render: (_, r) => <Tag color={r.status === 'DRAFT' ? 'orange' : 'green'}>{t(`docs.status.${r.status}`)}</Tag>,
          },
          { key: 'docNumber', title: t('docs.docNumber'), render: (_, r) => (r.docNumber ? display(r.docNumber) : t('docs.none')) },
          {
            key: 'title',
            title: t('docs.docTitle'),
            render: (_, r) => (
              <Link to={openLink(r)} data-testid="notice-open">
                {display(r.title) || t('docs.none')}
              </Link>
            ),
          },
          { key: 'issuedOn', title: t('docs.issuedOn'), render: (_, r) => r.issuedOn },
          { key: 'measures', title: t('docs.measures'), align: 'right', render: (_, r) => r.measures.length },
          {
            key: 'warnings',
            title: t('docs.warnings'),
            align: 'right',
            render: (_, r) => (r.status === 'DRAFT' && r.warnings.length ? <Tag color="gold">{r.warnings.length}</Tag> : '—'),
          },
          {
            key: 'action',
            title: '',
            render: (_, r) => <Link to={openLink(r)}>{r.status === 'DRAFT' ? t('docs.review') : t('docs.view')}</Link>,
          },
        ]}
      />
    </div>
  );
}
