import { Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatTargetValue } from '../../shared/policy-format';
import type { TargetData } from './types';

const showsYear = (target: TargetData) => target.direction === 'AT_LEAST';

/**
 * Numeric targets as officials state them: 见习岗位 不少于 3,000 个（2024年）. The year goes with
 * quantities to reach (AT_LEAST: that year's count); a cap (AT_MOST, 公示时间 不超过 3 天) is a
 * standing rule, and "（2024年）" after it reads as if the rule lapsed at year end.
 */
export function TargetList({ targets }: { targets: readonly TargetData[] }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  return (
    <div className="ls-targets">
      <Typography.Text type="secondary" className="ls-unit-label">
        {t('measure.targets')}
      </Typography.Text>
      <ul className="ls-target-list">
        {targets.map((target) => (
          <li key={target.id}>
            <span>{display(target.name)}</span>{' '}
            <Typography.Text type="secondary">{t(target.direction === 'AT_MOST' ? 'target.AT_MOST' : 'target.AT_LEAST')}</Typography.Text>{' '}
            <Typography.Text strong className="ls-target-value">
              {formatTargetValue(target.targetValue, lang)}
            </Typography.Text>
            {target.unit && ` ${display(target.unit)}`}
            {showsYear(target) && (
              <Typography.Text type="secondary">
                {lang === 'en' ? ' ' : ''}
                {t('target.year', { year: target.year })}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
