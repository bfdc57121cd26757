import { Select } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';

interface PolicyOption {
  id: string;
  docNumber: string;
  title: string;
}

/** The policy a setup page works on (the newest notice first, as the API lists them). */
export function PolicySelect({
  policies,
  value,
  onChange,
}: {
  policies: readonly PolicyOption[];
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const display = useDisplayText();
  return (
    <Select
      className="ls-setup-select"
      aria-label={t('setup.policy')}
      placeholder={t('setup.choosePolicy')}
      value={value ?? undefined}
      onChange={onChange}
      options={policies.map((p) => ({ value: p.id, label: `${display(p.docNumber)} ${display(p.title)}` }))}
      data-testid="setup-policy"
      popupMatchSelectWidth={false}
    />
  );
}
