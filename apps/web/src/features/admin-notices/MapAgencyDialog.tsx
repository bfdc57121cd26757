import { useState } from 'react';
import { Checkbox, Modal, Typography, type ButtonProps } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { AgencyPicker } from './AgencyPicker';
import type { DraftCorrections } from './useDraftCorrections';

/** 对应到已有单位: the unit the import created stands for an existing one (记住此简称 keeps the name as its alias). */
export function MapAgencyDialog({
  policyId,
  from,
  corrections,
  onClose,
}: {
  policyId: string;
  from: { id: string; name: string };
  corrections: DraftCorrections;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [to, setTo] = useState<string | null>(null);
  const [remember, setRemember] = useState(true);
  const name = display(from.name);
  const map = async () => {
    if (!to) return;
    if (await corrections.mapAgency({ policyId, fromAgencyId: from.id, toAgencyId: to, remember })) onClose();
  };
  return (
    <Modal
      open
      title={t('noticeDraft.mapTitle', { name })}
      okText={t('noticeDraft.mapOk')}
      cancelText={t('noticeDraft.cancel')}
      onOk={() => void map()}
      onCancel={onClose}
      okButtonProps={{ disabled: !to, 'data-testid': 'map-agency-ok' } as ButtonProps}
      confirmLoading={corrections.busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('noticeDraft.mapHint', { name })}</Typography.Paragraph>
      <AgencyPicker value={to} onChange={setTo} exclude={[from.id]} testId="map-agency-to" />
      <div style={{ marginTop: 12 }}>
        <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)} data-testid="map-agency-remember">
          {t('noticeDraft.remember')}
        </Checkbox>
      </div>
    </Modal>
  );
}
