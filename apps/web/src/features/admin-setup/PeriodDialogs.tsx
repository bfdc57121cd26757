import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import {
  AdminPeriodSettingsDocument,
  AdminRemovePeriodExtensionDocument,
  AdminSetPeriodExtensionDocument,
  AdminUpdatePeriodDueDateDocument,
} from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useDisplayText, useI18n } from '../../shared/i18n';
import type { UnitRef } from './period-format';

export interface PeriodRef {
  id: string;
  label: string;
  endsOn: string;
  dueOn: string;
}

/** What a dialog is open for: the period's own date, a unit's extension, or withdrawing one. */
export type PeriodDialog =
  { kind: 'due'; period: PeriodRef } | { kind: 'extend'; period: PeriodRef } | { kind: 'remove'; period: PeriodRef; unit: UnitRef };

interface Values {
  dueOn?: string;
  agencyId?: string;
  reason?: string;
}

/** The dialogs of the 填报期 page; every change asks for its reason, which the audit keeps. */
export function PeriodDialogs({
  dialog,
  units,
  onClose,
  onSaved,
}: {
  dialog: PeriodDialog;
  units: readonly UnitRef[];
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const options = { refetchQueries: [AdminPeriodSettingsDocument], awaitRefetchQueries: true };
  const [updateDue, updating] = useMutation(AdminUpdatePeriodDueDateDocument, options);
  const [extend, extending] = useMutation(AdminSetPeriodExtensionDocument, options);
  const [remove, removing] = useMutation(AdminRemovePeriodExtensionDocument, options);
  const { period } = dialog;

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const reason = (v.reason ?? '').trim();
      if (dialog.kind === 'due') await updateDue({ variables: { id: period.id, dueOn: v.dueOn!, reason } });
      else if (dialog.kind === 'extend')
        await extend({ variables: { periodId: period.id, agencyId: v.agencyId!, dueOn: v.dueOn!, reason } });
      else await remove({ variables: { periodId: period.id, agencyId: dialog.unit.id, reason } });
      onSaved(t('period.saved'));
    } catch (e) {
      setError(t('period.saveFailed', { message: isConnectionError(e) ? t('setup.network') : (e as Error).message }));
    }
  };

  const title =
    dialog.kind === 'due'
      ? t('period.editTitle', { label: period.label })
      : dialog.kind === 'extend'
        ? t('period.extensionTitle', { label: period.label })
        : t('period.removeTitle', { unit: display(dialog.unit.shortName) });
  const required = (key: 'period.reasonRequired' | 'period.dateRequired' | 'period.chooseUnit') => [
    { required: true, whitespace: true, message: t(key) },
  ];

  return (
    <Modal
      open
      title={title}
      okText={t('period.save')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={updating.loading || extending.loading || removing.loading}
      okButtonProps={{ 'data-testid': 'period-dialog-ok' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ dueOn: dialog.kind === 'due' ? period.dueOn : undefined }}>
        {dialog.kind === 'extend' && (
          <Form.Item name="agencyId" label={t('period.unit')} rules={required('period.chooseUnit')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('period.chooseUnit')}
              options={units.map((u) => ({ value: u.id, label: display(u.name) }))}
              data-testid="period-extension-unit"
            />
          </Form.Item>
        )}
        {dialog.kind !== 'remove' && (
          <Form.Item
            name="dueOn"
            label={t('period.dueOn')}
            extra={dialog.kind === 'due' ? t('period.editHint', { endsOn: period.endsOn }) : undefined}
            rules={required('period.dateRequired')}
          >
            <Input type="date" min={dialog.kind === 'due' ? period.endsOn : period.dueOn} data-testid="period-due-input" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('period.reason')} rules={required('period.reasonRequired')}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="period-reason-input" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} role="alert" data-testid="period-dialog-error" />}
    </Modal>
  );
}
