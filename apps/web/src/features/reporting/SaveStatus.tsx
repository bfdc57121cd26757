import { Button, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { FieldMessage } from './draft';
import type { MeasureDraft } from './draft-store';
import { formatSavedAt } from '../../shared/format';

/** Shows a message that is either one of ours or the API's own text. */
export function useFieldMessage(): (message: FieldMessage) => string {
  const { t } = useI18n();
  return (message) => ('key' in message ? t(message.key) : message.text);
}

/**
 * 保存中… / 已自动保存 14:30 / 保存失败,重试: always visible beside the measure, so nobody has to
 * wonder whether what they typed is safe. `figuresHeld`: some figure is not a number, so the
 * figures wait while the texts are saved.
 */
export function SaveStatus({ draft, figuresHeld, onRetry }: { draft: MeasureDraft; figuresHeld: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  const messageText = useFieldMessage();
  const { save, savedAt } = draft;
  let content;
  if (save.kind === 'saving') content = <Typography.Text type="secondary">{t('report.save.saving')}</Typography.Text>;
  else if (save.kind === 'failed') {
    content = (
      <>
        <Typography.Text type="danger">{t('report.save.failed', { reason: messageText(save.message) })}</Typography.Text>
        {save.retry && (
          <Button size="small" type="link" onClick={onRetry} className="ls-inline-button">
            {t('report.save.retry')}
          </Button>
        )}
      </>
    );
  } else if (save.kind === 'conflict') content = <Typography.Text type="warning">{t('report.conflict.title')}</Typography.Text>;
  else if (figuresHeld) content = <Typography.Text type="warning">{t('report.save.figuresHeld')}</Typography.Text>;
  else if (save.kind === 'pending') content = <Typography.Text type="secondary">{t('report.save.pending')}</Typography.Text>;
  else if (savedAt) content = <Typography.Text type="success">{t('report.save.saved', { time: formatSavedAt(savedAt) })}</Typography.Text>;
  else content = null;
  return (
    <span className="ls-save-status" role="status" aria-live="polite" data-testid="save-status" data-save={save.kind}>
      {content}
    </span>
  );
}
