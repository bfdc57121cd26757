import { useState } from 'react';
import { Alert, Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../shared/i18n';
import type { UnitAccountRow } from './unit-accounts-format';
import './admin-accounts.css';

/** Loaded only when someone downloads: exceljs is large. */
async function downloadSheet(
  rows: UnitAccountRow[],
  header: string[],
  withPerson: boolean,
  sheetName: string,
  fileName: string,
): Promise<void> {
  const [{ default: ExcelJS }, { saveBlob }] = await Promise.all([import('exceljs'), import('../../shared/save-blob')]);
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow([...(withPerson ? [r.person ?? ''] : []), r.unit, r.username, r.password, r.signInAt]);
  ws.columns = [...(withPerson ? [{ width: 14 }] : []), { width: 30 }, { width: 16 }, { width: 18 }, { width: 40 }];
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}

/**
 * Accounts just created with their temporary passwords, shown this once: a table, an Excel
 * download and a printout of one card per account to hand over. Used by 单位账号 and the Excel import.
 * `testId` prefixes the data-testids (unit-accounts-once, -download, -print, -table).
 */
export function IssuedAccounts({
  rows,
  sheetName,
  fileName,
  testId,
}: {
  rows: UnitAccountRow[];
  sheetName: string;
  fileName: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const withPerson = rows.some((r) => r.person);
  const header = [
    ...(withPerson ? [t('bulkAccounts.person')] : []),
    t('unitAccounts.unit'),
    t('unitAccounts.username'),
    t('unitAccounts.password'),
    t('unitAccounts.signInAt'),
  ];
  const [unitTitle, usernameTitle, passwordTitle, signInTitle] = header.slice(withPerson ? 1 : 0);

  const onDownload = () => {
    setFailure(null);
    downloadSheet(rows, header, withPerson, sheetName, fileName).catch((error: unknown) =>
      setFailure(t('accounts.error', { message: error instanceof Error ? error.message : String(error) })),
    );
  };
  const columns: ColumnsType<UnitAccountRow> = [
    ...(withPerson ? [{ title: header[0], dataIndex: 'person' }] : []),
    { title: unitTitle, dataIndex: 'unit' },
    { title: usernameTitle, dataIndex: 'username' },
    { title: passwordTitle, dataIndex: 'password', render: (p: string) => <span className="ls-temporary-password-cell">{p}</span> },
    { title: signInTitle, dataIndex: 'signInAt' },
  ];

  return (
    <>
      <Alert type="warning" showIcon title={t('unitAccounts.onceWarning')} data-testid={`${testId}-once`} style={{ marginBottom: 12 }} />
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={onDownload} data-testid={`${testId}-download`}>
          {t('unitAccounts.download')}
        </Button>
        <Button onClick={() => window.print()} data-testid={`${testId}-print`}>
          {t('unitAccounts.print')}
        </Button>
      </Space>
      <Table<UnitAccountRow>
        rowKey="username"
        size="small"
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={rows}
        data-testid={`${testId}-table`}
        columns={columns}
      />
      {/* What window.print() puts on paper: one card per account, to cut out and hand over. */}
      <div className="ls-unit-accounts-print" aria-hidden>
        <h2>{t('unitAccounts.printTitle')}</h2>
        {rows.map((r) => (
          <div key={r.username} className="ls-print-card">
            <div>
              <strong>{r.person ? `${r.person}(${r.unit})` : r.unit}</strong>
            </div>
            <div>
              {usernameTitle}: {r.username}
            </div>
            <div>
              {passwordTitle}: {r.password}
            </div>
            <div>
              {signInTitle}: {r.signInAt}
            </div>
            <div>{t('unitAccounts.printHint')}</div>
          </div>
        ))}
      </div>
    </>
  );
}
