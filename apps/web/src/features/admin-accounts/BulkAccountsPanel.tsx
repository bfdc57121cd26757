import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Typography, Upload } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { authHeader, downloadWithToken } from '../../shared/authorized-fetch';
import type { Role } from '../../graphql/generated';
import { cellErrorLine, importedAccountRows, importedAccountsFileName, importOutcome, type ImportOutcome } from './bulk-accounts-format';
import { IssuedAccounts } from './IssuedAccounts';

/**
 * 从 Excel 批量创建: download the template (姓名 | 单位 | 手机 | 角色 | 用户名), upload it filled in.
 * The API creates every account or none; a wrong file lists its cells, a good one answers the
 * temporary passwords, which live only in this panel's memory (shown once, to download or print).
 */
export function BulkAccountsPanel({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const download = async () => {
    setBusy(true);
    try {
      await downloadWithToken('/accounts/template.xlsx', 'accounts.xlsx');
    } catch (error) {
      setOutcome({ kind: 'refused', message: t('bulkAccounts.failed', { message: (error as Error).message }), errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const res = await fetch('/accounts/import.xlsx', { method: 'POST', body: form, headers: authHeader() });
      const body: unknown = await res.json().catch(() => null);
      const result = importOutcome(res.ok, body, t('bulkAccounts.failed', { message: res.statusText }));
      setOutcome(
        result.kind === 'refused' && result.errors.length
          ? { ...result, message: t('bulkAccounts.errorsTitle', { n: result.errors.length }) }
          : result,
      );
      if (result.kind === 'created') onCreated();
    } catch (error) {
      setOutcome({ kind: 'refused', message: t('bulkAccounts.failed', { message: (error as Error).message }), errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const created = outcome?.kind === 'created' ? outcome.accounts : null;
  const close = created?.length ? (
    <Popconfirm
      title={t('bulkAccounts.closeConfirm')}
      onConfirm={onClose}
      okText={t('bulkAccounts.close')}
      cancelText={t('password.cancel')}
    >
      <Button size="small" data-testid="bulk-accounts-close">
        {t('bulkAccounts.close')}
      </Button>
    </Popconfirm>
  ) : (
    <Button size="small" onClick={onClose} data-testid="bulk-accounts-close">
      {t('bulkAccounts.close')}
    </Button>
  );

  return (
    <Card
      title={t('bulkAccounts.title')}
      extra={close}
      className="ls-bulk-accounts"
      data-testid="bulk-accounts"
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary">{t('bulkAccounts.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Button onClick={() => void download()} disabled={busy} data-testid="bulk-accounts-template">
          {t('bulkAccounts.template')}
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void upload(file), false)} disabled={busy}>
          <Button type="primary" loading={busy} data-testid="bulk-accounts-upload">
            {t('bulkAccounts.upload')}
          </Button>
        </Upload>
      </Flex>
      {outcome?.kind === 'refused' && (
        <Alert
          type="error"
          showIcon
          title={outcome.message}
          data-testid="bulk-accounts-errors"
          style={{ marginBottom: 12 }}
          description={
            outcome.errors.length > 0 && (
              <ul className="ls-excel-errors">
                {outcome.errors.map((e) => (
                  <li key={`${e.sheet}!${e.cell}!${e.message}`}>{cellErrorLine(e)}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {created && (
        <>
          <Alert
            type="success"
            showIcon
            title={t('bulkAccounts.created', { n: created.length })}
            data-testid="bulk-accounts-created"
            style={{ marginBottom: 12 }}
          />
          <IssuedAccounts
            rows={importedAccountRows(created, window.location.origin, (role) => t(`role.${role as Role}`), display)}
            sheetName={t('bulkAccounts.sheet')}
            fileName={importedAccountsFileName(t('bulkAccounts.file'))}
            testId="bulk-accounts"
          />
        </>
      )}
    </Card>
  );
}
