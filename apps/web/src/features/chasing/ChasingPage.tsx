import './chasing.css';
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Tabs, Typography } from 'antd';
import { ChaseDeliveriesDocument, RunChaseNowDocument } from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { runCounts } from './chasing-format';
import { DeliveriesPanel } from './DeliveriesPanel';
import { WebhooksPanel } from './WebhooksPanel';

/** `/chasing` (OFFICE, ADMIN): what chasing sent, 立即催办, and the units' group robots. */
export default function ChasingPage() {
  const { t } = useI18n();
  const [runChase, runState] = useMutation(RunChaseNowDocument, {
    // The records table (whatever filter it shows) is fetched again once the pass is done.
    refetchQueries: [ChaseDeliveriesDocument],
    awaitRefetchQueries: true,
  });
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const run = async () => {
    setResult(null);
    try {
      const res = await runChase();
      if (res.data) setResult({ type: 'success', text: t('chase.runDone', runCounts(res.data.runChaseNow)) });
    } catch (e) {
      setResult({
        type: 'error',
        text: t('chase.runFailed', { message: isConnectionError(e) ? t('common.network') : (e as Error).message }),
      });
    }
  };

  return (
    <div className="ls-page-stack ls-chase" data-testid="chasing-page">
      <div className="ls-page-top">
        <div>
          <Typography.Title level={1} className="ls-page-title">
            {t('chase.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('chase.hint')}</Typography.Text>
        </div>
        <Button type="primary" loading={runState.loading} onClick={() => void run()} data-testid="run-chase">
          {t('chase.runNow')}
        </Button>
      </div>
      {result && (
        <Alert
          type={result.type}
          showIcon
          title={result.text}
          role={result.type === 'error' ? 'alert' : 'status'}
          closable={{ onClose: () => setResult(null) }}
          data-testid="run-result"
        />
      )}
      <Tabs
        items={[
          { key: 'records', label: t('chase.tabRecords'), children: <DeliveriesPanel /> },
          { key: 'robots', label: t('chase.tabRobots'), children: <WebhooksPanel /> },
        ]}
      />
    </div>
  );
}
