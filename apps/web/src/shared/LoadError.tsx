import { Button, Result } from 'antd';
import { useI18n } from './i18n';
import { isConnectionError } from './errors';

/** A page whose data did not load: why (network or the API's message), and a retry. */
export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Result
      status="error"
      title={t('common.loadError')}
      subTitle={isConnectionError(error) ? t('common.network') : error.message}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
