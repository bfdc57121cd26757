import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, InputNumber, Modal, Space, Typography, message } from 'antd';
import { SetTargetTrajectoryDocument } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { initialPercents, scheduleProblem, sharesOf } from './trajectory-form';

export interface ScheduleTarget {
  id: string;
  name: string;
  trajectory?: readonly number[] | null;
}

/**
 * The office sets a target's schedule: cumulative percentages by quarter. Saving refetches the
 * overview and trend, whose expected shares and traffic lights follow the schedule.
 */
export default function TrajectoryDialog({ target, onClose }: { target: ScheduleTarget; onClose: () => void }) {
  const { t } = useI18n();
  const display = useDisplayText();
  const [percents, setPercents] = useState<(number | null)[]>(initialPercents(target.trajectory));
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetTargetTrajectoryDocument, {
    refetchQueries: ['DashboardOverview', 'DashboardTrend'],
    awaitRefetchQueries: true,
  });
  const problem = scheduleProblem(percents);

  const submit = async (shares: number[] | null) => {
    setTried(true);
    if (shares && problem) return;
    setServerError(null);
    try {
      await save({ variables: { targetId: target.id, shares } });
      void message.success(t('schedule.saved'));
      onClose();
    } catch (e) {
      setServerError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open
      title={t('schedule.title', { target: display(target.name) })}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={() => void submit(null)} disabled={loading} data-testid="schedule-reset">
            {t('schedule.reset')}
          </Button>
          <Button type="primary" loading={loading} onClick={() => void submit(sharesOf(percents as number[]))} data-testid="schedule-save">
            {t('schedule.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('schedule.hint')}</Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: 12 }}>
        {percents.map((value, i) => (
          <label key={i} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <span>{t('schedule.quarter', { n: String(i + 1) })}</span>
            <InputNumber
              min={0}
              max={100}
              step={5}
              value={value}
              suffix="%"
              style={{ width: '100%' }}
              data-testid={`schedule-q${i + 1}`}
              onChange={(v) => setPercents((prev) => prev.map((p, j) => (j === i ? (typeof v === 'number' ? v : null) : p)))}
            />
          </label>
        ))}
      </div>
      {tried && problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t(problem)} />}
      {serverError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={serverError} />}
    </Modal>
  );
}
