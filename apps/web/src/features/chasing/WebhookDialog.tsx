import { useState } from 'react';
import { Input, Modal, Select } from 'antd';
import { useI18n } from '../../shared/i18n';
import { guessKind, isWebhookUrl, ROBOT_KINDS, type RobotKind } from './chasing-format';

/**
 * 配置群机器人 for one unit: the kind and the full address. The stored address is never shown
 * (its key is a credential), so changing it means pasting it again.
 */
export function WebhookDialog({
  unit,
  initialKind,
  busy,
  urlError,
  error,
  onCancel,
  onEdit,
  onSave,
}: {
  /** The unit's display name; null: closed. */
  unit: string | null;
  initialKind: RobotKind | null;
  busy: boolean;
  /** The server's message about the address (BAD_USER_INPUT), shown at the field. */
  urlError: string | null;
  /** Any other failure. */
  error: string | null;
  onCancel: () => void;
  /** The address was edited: a server message about the old one no longer applies. */
  onEdit: () => void;
  onSave: (kind: RobotKind, url: string) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<RobotKind | null>(initialKind);
  const [url, setUrl] = useState('');
  const [tried, setTried] = useState(false);
  const [kindTouched, setKindTouched] = useState(false);

  const localError = tried && !isWebhookUrl(url) ? t('chase.urlInvalid') : null;
  const fieldError = localError ?? urlError;
  const effectiveKind = kind ?? 'WECOM';

  const submit = () => {
    setTried(true);
    if (!isWebhookUrl(url)) return;
    onSave(effectiveKind, url.trim());
  };

  return (
    <Modal
      open={unit !== null}
      title={t('chase.dialogTitle', { unit: unit ?? '' })}
      okText={t('chase.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'webhook-save' }}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div className="ls-chase-form">
        <p className="ls-chase-muted" style={{ margin: 0 }}>
          {t('chase.robotsHint')}
        </p>
        <label className="ls-chase-field">
          <span className="ls-chase-label">{t('chase.kind')}</span>
          <Select
            data-testid="webhook-kind"
            value={effectiveKind}
            onChange={(v: RobotKind) => {
              setKind(v);
              setKindTouched(true);
            }}
            options={ROBOT_KINDS.map((k) => ({ value: k, label: t(`chase.channel.${k}`) }))}
          />
        </label>
        <label className="ls-chase-field">
          <span className="ls-chase-label">{t('chase.url')}</span>
          <Input
            data-testid="webhook-url"
            value={url}
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('chase.urlPlaceholder')}
            status={fieldError ? 'error' : undefined}
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => {
              setUrl(e.target.value);
              onEdit();
              const guess = guessKind(e.target.value);
              if (guess && !kindTouched) setKind(guess);
            }}
            onPressEnter={submit}
          />
          {fieldError ? (
            <span className="ls-chase-error" role="alert" data-testid="webhook-url-error">
              {fieldError}
            </span>
          ) : (
            <span className="ls-chase-muted" data-testid="webhook-url-hint">
              {t('chase.urlAllowed')}
              {initialKind && ` ${t('chase.urlKept')}`}
            </span>
          )}
        </label>
        {error && (
          <div className="ls-chase-error" role="alert" data-testid="webhook-error">
            {error}
          </div>
        )}
      </div>
    </Modal>
  );
}
