import { Card, Flex, Typography } from 'antd';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { formatIssuedOn } from '../../shared/policy-format';
import type { PolicyData } from './types';

/** The notice's identity: 文号 and title as the page heading, then issuer, date and its size. */
export function PolicyHeader({ policy }: { policy: PolicyData }) {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const targetCount = policy.measures.reduce((n, m) => n + m.targets.length, 0);
  const colon = lang === 'en' ? ': ' : '：';

  return (
    <Card className="ls-policy-header">
      <Typography.Title level={1} className="ls-policy-title">
        <span className="ls-doc-number">{display(policy.docNumber)}</span>
        <span className="ls-policy-name">{display(policy.title)}</span>
      </Typography.Title>
      <Flex wrap gap="4px 24px" className="ls-policy-meta">
        <span>
          <Typography.Text type="secondary">
            {t('policy.issuer')}
            {colon}
          </Typography.Text>
          {display(policy.issuer)}
        </span>
        <span>
          <Typography.Text type="secondary">
            {t('policy.issuedOn')}
            {colon}
          </Typography.Text>
          <time dateTime={policy.issuedOn.slice(0, 10)}>{formatIssuedOn(policy.issuedOn, lang)}</time>
        </span>
      </Flex>
      <Typography.Text type="secondary" className="ls-policy-summary">
        {t('policy.summary', {
          sections: policy.sections.length,
          measures: policy.measures.length,
          targets: targetCount,
        })}
      </Typography.Text>
    </Card>
  );
}
