import { useState } from 'react';
import { Alert, Button, Flex, Typography, Upload } from 'antd';
import { useI18n } from '../../shared/i18n';
import { authHeader, downloadWithToken } from '../../shared/authorized-fetch';

interface CellError {
  sheet: string;
  cell: string;
  message: string;
}

/**
 * The same report as an Excel workbook, both ways: a unit that collects figures from its bureaux
 * in a spreadsheet fills the template offline and imports it. A wrong file lists its cells. One
 * workbook for the quarter, every policy's measures in it (a 文号 column says whose).
 */
export function ExcelBar({ quarter, onBeforeImport }: { quarter: string; onBeforeImport: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; errors: CellError[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    try {
      await downloadWithToken(`/reports/template.xlsx?quarter=${encodeURIComponent(quarter)}`, `template-${quarter}.xlsx`);
    } catch (error) {
      setProblem({ message: t('excel.failed', { message: (error as Error).message }), errors: [] });
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      await onBeforeImport(); // pending autosaves first, so the import starts from the latest versions
      const form = new FormData();
      form.append('file', file, file.name);
      // Naming the quarter bounds the upload by this quarter's template, and refuses another quarter's file.
      const res = await fetch(`/reports/import.xlsx?quarter=${encodeURIComponent(quarter)}`, {
        method: 'POST',
        body: form,
        headers: authHeader(),
      });
      const body = (await res.json().catch(() => ({}))) as { message?: string; errors?: CellError[]; saved?: unknown[] };
      if (!res.ok) {
        setProblem({
          message: body.errors?.length ? t('excel.errorsTitle') : t('excel.failed', { message: body.message ?? res.statusText }),
          errors: body.errors ?? [],
        });
        return;
      }
      setDone(t('excel.imported', { count: body.saved?.length ?? 0 }));
      // The form keeps its drafts in memory: start it again from what the server now holds.
      setTimeout(() => window.location.reload(), 800);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8} className="ls-excel-bar" data-testid="excel-bar">
      <Flex wrap gap={8}>
        <Button onClick={() => void download()} disabled={busy}>
          {t('excel.download')}
        </Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => (void upload(file), false)} disabled={busy}>
          <Button loading={busy}>{t('excel.import')}</Button>
        </Upload>
      </Flex>
      <Typography.Text type="secondary">{t('excel.hint')}</Typography.Text>
      {done && <Alert type="success" showIcon title={done} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem.message}
          data-testid="excel-errors"
          description={
            problem.errors.length > 0 && (
              <ul className="ls-excel-errors">
                {problem.errors.map((e) => (
                  <li key={`${e.sheet}!${e.cell}`}>
                    {e.sheet}!{e.cell}:{e.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
    </Flex>
  );
}
