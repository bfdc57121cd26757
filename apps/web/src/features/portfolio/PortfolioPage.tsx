import './portfolio.css';
import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Skeleton, Typography } from 'antd';
import { PortfolioDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { CountyRollup, UnitRollup } from './CrossPolicyTables';
import { PolicyStandingCard } from './PolicyStandingCard';

/**
 * `/portfolio`: the leaders' landing page. Every published policy, what needs attention first (the
 * API sorts: see PolicyStanding.attention), each one click from its dashboard; then the roll-ups
 * that mean something across policies: each county, and each unit's reporting.
 */
export default function PortfolioPage() {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(PortfolioDocument, { fetchPolicy: 'cache-and-network' });
  const policies = data?.policyPortfolio ?? [];
  return (
    <div className="ls-port" data-testid="portfolio" data-ready={data ? 'yes' : undefined}>
      <Typography.Title level={1} className="ls-page-title">
        {t('portfolio.title')}
      </Typography.Title>
      <p className="ls-port-muted">{t('portfolio.subtitle')}</p>
      {error && <Alert type="error" showIcon title={t('portfolio.loadFailed', { message: error.message })} />}
      {loading && !data && <Skeleton active />}
      {data && policies.length === 0 && <Empty description={t('portfolio.empty')} />}
      <div className="ls-port-cards">
        {policies.map((s) => (
          <PolicyStandingCard key={s.policy.id} standing={s} />
        ))}
      </div>
      {data && policies.length > 0 && (
        <>
          <CountyRollup rows={data.countyPortfolio} />
          <UnitRollup rows={data.unitCompliance} />
        </>
      )}
    </div>
  );
}
