import { useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Result, Select, Skeleton, Typography } from 'antd';
import { DashboardPolicyDocument } from '../../graphql/generated';
import { useI18n } from '../../shared/i18n';
import { formatPeriodLabel } from '../../shared/format';
import { pagePeriod } from './drilldown-format';
import { LoadError } from '../../shared/LoadError';
import { useSimplifiedTexts } from './useSimplifiedTexts';
import { usePolicyFromRoute, dashboardPath } from '../policy-nav';

/**
 * The policy and the period of a drill-down page, the period kept in the address (?period=); the
 * policy's texts in simplified characters are registered for the page's display (as the dashboard's).
 */
export function useDrillPeriod() {
  const [params, setParams] = useSearchParams();
  const { policyId } = usePolicyFromRoute();
  const policyQuery = useQuery(DashboardPolicyDocument, { variables: { policyId } });
  const policy = policyQuery.data?.policy ?? null;
  useSimplifiedTexts(policy?.id);
  const periods = useMemo(() => {
    if (!policy) return [];
    const end = policy.currentPeriod ? policy.periods.findIndex((p) => p.id === policy.currentPeriod!.id) : -1;
    return end >= 0 ? policy.periods.slice(0, end + 1) : policy.periods;
  }, [policy]);
  const periodId = policy ? pagePeriod(periods.length ? periods : policy.periods, policy.currentPeriod?.id, params.get('period')) : null;
  const setPeriod = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('period', id);
    setParams(next);
  };
  return { policyId, policyQuery, policy, periods, periodId, setPeriod };
}

/** Back to the dashboard (same period), the page's title and the period filter. */
export function DrillHeader({
  title,
  subtitle,
  periodId,
  periods,
  onPeriod,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  periodId: string | null;
  periods: readonly { id: string; label: string }[];
  onPeriod: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const { policyId } = usePolicyFromRoute();
  return (
    <div className="ls-dash-top">
      <div>
        <Link to={dashboardPath(policyId, periodId)} className="ls-drill-back" data-testid="drill-back">
          ← {t('drill.back')}
        </Link>
        <Typography.Title level={1} className="ls-page-title ls-dash-title" data-testid="drill-title">
          {title ?? <Skeleton.Input active size="small" />}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      <div className="ls-dash-filters">
        <label className="ls-dash-filter">
          <span>{t('dashboard.period')}</span>
          <Select
            data-testid="period-select"
            className="ls-dash-select"
            value={periodId ?? undefined}
            loading={periods.length === 0}
            onChange={(value: string) => onPeriod(value)}
            options={[...periods].reverse().map((p) => ({ value: p.id, label: formatPeriodLabel(p.label, lang) }))}
            popupMatchSelectWidth={false}
          />
        </label>
      </div>
    </div>
  );
}

// In its own module so that the overview does not load this one's antd Result (~10 KB gzip).
export { DashSection } from './DashSection';

/** What a drill-down page shows before its content: the error with a retry, a skeleton, or not found. */
// `children` is a function: the content reads data that only exists once loading has succeeded.
export function DrillBody({
  error,
  loading,
  found,
  onRetry,
  children,
}: {
  error?: Error;
  loading: boolean;
  found: boolean;
  onRetry: () => void;
  children: () => ReactNode;
}) {
  const { t } = useI18n();
  if (error) return <LoadError error={error} onRetry={onRetry} />;
  if (loading) {
    return (
      <div data-testid="drill-loading">
        <Skeleton active paragraph={{ rows: 4 }} />
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (!found) return <Result status="404" title={t('drill.notFound')} />;
  return <>{children()}</>;
}
