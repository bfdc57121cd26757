import { useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';

/**
 * "下载图片": the chart of the section this button sits in, as a PNG with a caption line, for a
 * leader's briefing or a chat message. The conversion code loads only on the first click.
 */
export function ChartPngButton({
  title,
  subtitle,
  period,
  testId = 'chart-png',
}: {
  title: string;
  subtitle: string;
  period: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLSpanElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = async () => {
    const section = ref.current?.closest('.ls-dash-section');
    if (!section) return;
    setBusy(true);
    setFailed(false);
    try {
      const { exportChartPng, pngFileName } = await import('./chart-png');
      await exportChartPng(section, { title, subtitle }, pngFileName(title, period));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span ref={ref} className="ls-dash-png">
      {failed && <Typography.Text type="danger">{t('dashboard.pngFailed')}</Typography.Text>}
      <Button size="small" onClick={() => void run()} loading={busy} data-testid={testId}>
        {t('dashboard.png')}
      </Button>
    </span>
  );
}
