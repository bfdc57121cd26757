import { memo, useId, useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { ResponsibleUnits } from './ResponsibleUnits';
import { TargetList } from './TargetList';
import type { MeasureData } from './types';

/** One measure: number and title, who is responsible, its targets, and the full text on demand. */
export const MeasureCard = memo(function MeasureCard({ measure }: { measure: MeasureData }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();

  return (
    <Card size="small" className="ls-measure-card" data-testid="measure-card" data-measure-seq={measure.seq}>
      <Typography.Title level={3} className="ls-measure-title">
        <span className="ls-measure-number">{measureNumber(measure.seq, lang)}</span>
        {lang === 'en' && ' '}
        {display(stripLeadingNumber(measure.title))}
      </Typography.Title>
      <ResponsibleUnits responsibilities={measure.responsibilities} />
      {measure.targets.length > 0 && <TargetList targets={measure.targets} />}
      {expanded && (
        <Typography.Paragraph id={bodyId} className="ls-measure-body">
          {display(measure.body)}
        </Typography.Paragraph>
      )}
      <Button
        type="link"
        size="small"
        className="ls-measure-toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? bodyId : undefined}
        onClick={() => setExpanded((e) => !e)}
      >
        {expanded ? t('measure.collapse') : t('measure.expand')}
      </Button>
    </Card>
  );
});
