import './chasing.css';
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Tabs, Typography } from 'antd';
import { ChaseDeliveriesDocument, RunChaseNowDocument } from '../../graphql/generated';
import { isConnectionError } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import { runOutcome } from './chasing-format';
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
  const [result, setResult] = useState<{ type: 'success' | 'info' | 'warning' | 'error'; text: string } | null>(null);

  const run = async () => {
    setResult(null);
    try {
      const res = await runChase();
      if (res.data) {
        const r = res.data.runChaseNow;
        const text = runOutcome(r)
          .map((line) => t(line.key, line.vars))
          .join('');
        // Nothing sent is not a failure, but the office should read why: info, or a warning when units could not be told.
        setResult({ type: r.quietReason === 'NO_ONE_TO_TELL' || r.unitsUnreached ? 'warning' : r.quietReason ? 'info' : 'success', text });
      }
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
