import './dashboard.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Empty, Segmented, Skeleton, Tag, Typography } from 'antd';
import {
  DashboardCountiesDocument,
  DashboardCountyListDocument,
  DashboardOverviewDocument,
  DashboardTrendDocument,
  type TaskState,
  type UnitStatus,
} from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { StateTag } from '../../shared/StateTag';
import { UNIT_STATUS_COLORS, unitStatusKey } from '../../shared/task-state';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { formatCount, formatPercent } from './dashboard-format';
import { formatPeriodLabel } from '../../shared/format';
import { ChartPngButton } from './ChartPngButton';
import { countyMeasureRows, countyTargetRows } from './drilldown-format';
import { TrendChart } from './TrendChart';
import { DashSection, DrillBody, DrillHeader, useDrillPeriod } from './DrillHeader';
import { measurePath } from '../policy-nav';

/** One county across every target and measure for a period. */
export default function CountyPage() {
  const { countyId = '' } = useParams();
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { policyId, policyQuery, policy, periods, periodId, setPeriod } = useDrillPeriod();
  const [chosenTarget, setChosenTarget] = useState<string | null>(null);
  const countyList = useQuery(DashboardCountyListDocument);
  const vars = { policyId: policy?.id ?? '', periodId: periodId ?? '' };
  const overview = useQuery(DashboardOverviewDocument, { variables: vars, skip: !policy || !periodId });
  const counties = useQuery(DashboardCountiesDocument, { variables: vars, skip: !policy || !periodId });
  const trend = useQuery(DashboardTrendDocument, { variables: { policyId: policy?.id ?? '', countyId }, skip: !policy });

  const county = countyList.data?.agencies.find((a) => a.id === countyId);
  const error = policyQuery.error ?? countyList.error ?? overview.error ?? counties.error;
  const loading = !error && (!countyList.data || !overview.data || !counties.data);
  const retry = () => {
    void policyQuery.refetch();
    void countyList.refetch();
    if (policy && periodId) {
      void overview.refetch();
      void counties.refetch();
    }
  };

  const targets = counties.data ? countyTargetRows(counties.data.targetProgress, countyId) : [];
  const measures = overview.data ? countyMeasureRows(overview.data.policyOverview.measures, countyId) : [];
  const notReported = measures.filter((m) => m.missing);
  const hasReports = measures.some((m) => m.reportId !== null);
  // AT_MOST targets too: their trend is the county's level per quarter against the ceiling.
  const trendTargets = counties.data?.targetProgress ?? [];
  const trendTargetId = trendTargets.some((p) => p.target.id === chosenTarget) ? chosenTarget : (trendTargets[0]?.target.id ?? null);
  const trendProgress = trendTargets.find((p) => p.target.id === trendTargetId);
  const trendPoints = trend.data?.targetTrend.find((p) => p.target.id === trendTargetId)?.points ?? [];
  const title = (seq: number, text: string) => `${measureNumber(seq, lang)}${lang === 'en' ? ' ' : ''}${display(stripLeadingNumber(text))}`;
  const periodLabel = formatPeriodLabel(periods.find((p) => p.id === periodId)?.label ?? '', lang);

  return (
    <div className="ls-dash ls-drill" data-testid="county-page" data-ready={!loading && !error ? 'data' : undefined}>
      <DrillHeader
        title={county ? t('drill.countyTitle', { county: display(county.shortName) }) : countyList.data ? t('drill.notFound') : null}
        subtitle={county ? display(county.name) : undefined}
        periodId={periodId}
        periods={periods}
        onPeriod={setPeriod}
      />
      <DrillBody error={error} loading={loading} found={!!county} onRetry={retry}>
        {() =>
          county && (
            <>
              <DashSection title={t('drill.targets')} testId="county-targets">
                <ul className="ls-drill-cards">
                  {targets.map((row) => (
                    <li key={row.targetId} className="ls-dash-card ls-drill-card" data-testid="county-target" data-target-id={row.targetId}>
                      <div className="ls-drill-card-name">{display(row.name)}</div>
                      <div className="ls-drill-card-value">
                        <span data-testid="county-achieved" data-value={row.achieved}>
                          {formatCount(row.achieved, lang)}
                        </span>
                        {row.quota !== null && <span className="ls-drill-card-quota"> / {formatCount(row.quota, lang)}</span>}
                        <span className="ls-drill-card-unit"> {display(row.unit)}</span>
                      </div>
                      <div className="ls-dash-small">
                        {row.percent !== null && (
                          <span>
                            {t('drill.colPercent')} {formatPercent(row.percent)}
                            {t('common.listSeparator')}
                          </span>
                        )}
                        <span>
                          {t('drill.colPending')} {formatCount(row.pending, lang)}
                        </span>
                      </div>
                    </li>
                  ))}
                </ul>
              </DashSection>

              <DashSection
                title={`${t('dashboard.trend')} · ${display(county.shortName)}`}
                extra={
                  trend.data &&
                  trendProgress && (
                    <ChartPngButton
                      title={`${t('dashboard.trend')} · ${display(trendProgress.target.name)}`}
                      subtitle={[policy ? display(policy.docNumber) : '', periodLabel, display(county.shortName)]
                        .filter(Boolean)
                        .join(' · ')}
                      period={periodLabel}
                      testId="png-county-trend"
                    />
                  )
                }
                testId="county-trend"
              >
                {trendTargets.length > 1 && (
                  <div className="ls-dash-target-switch">
                    <Segmented
                      value={trendTargetId ?? undefined}
                      onChange={(v) => setChosenTarget(String(v))}
                      options={trendTargets.map((p) => ({ value: p.target.id, label: display(p.target.name) }))}
                    />
                  </div>
                )}
                {trend.error ? (
                  <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
                ) : !trend.data ? (
                  <Skeleton active paragraph={{ rows: 6 }} />
                ) : !trendProgress ? (
                  <Empty description={t('dashboard.noTrend')} />
                ) : (
                  <TrendChart
                    points={trendPoints}
                    direction={trendProgress.target.direction}
                    unit={trendProgress.target.unit}
                    county={{
                      quota: trendProgress.byCounty.find((r) => r.county.id === countyId)?.quota ?? null,
                      targetValue: trendProgress.target.targetValue,
                    }}
                  />
                )}
              </DashSection>

              <DashSection
                title={t('drill.measures')}
                extra={<span className="ls-dash-hint ls-dash-overdue">{t('dashboard.overdueNote')}</span>}
                testId="county-measures"
              >
                {!hasReports && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drill.noReports')} data-testid="drill-empty" />}
                <div className="ls-drill-missing" data-testid="county-not-reported">
                  <Typography.Text strong>
                    {t('drill.notReported')}
                    {t('dashboard.colon')}
                  </Typography.Text>
                  {notReported.length === 0 ? (
                    <Typography.Text type="success">{t('dashboard.allReported')}</Typography.Text>
                  ) : (
                    notReported.map((m, i) => (
                      <span key={m.measureId} className={m.overdue ? 'ls-dash-overdue' : undefined}>
                        {measureNumber(m.seq, lang)}
                        {i < notReported.length - 1 ? t('common.listSeparator') : ''}
                      </span>
                    ))
                  )}
                </div>
                <ul className="ls-drill-list">
                  {measures.map((m) => (
                    <li key={m.measureId} className="ls-drill-row" data-testid="county-measure" data-state={m.state ?? ''}>
                      <Link
                        to={measurePath(policyId, m.measureId, periodId)}
                        className={`ls-drill-row-title${m.missing && m.overdue ? ' ls-dash-overdue' : ''}`}
                      >
                        {title(m.seq, m.title)}
                      </Link>
                      <span className="ls-drill-row-tags">
                        {m.state ? (
                          <StateTag state={m.state as TaskState} />
                        ) : (
                          <Typography.Text type="secondary">{t('drill.notResponsible')}</Typography.Text>
                        )}
                        {m.unitStatus && (
                          <Tag className="ls-tag" color={UNIT_STATUS_COLORS[m.unitStatus as UnitStatus]}>
                            {t(unitStatusKey(m.unitStatus as UnitStatus))}
                          </Tag>
                        )}
                        {m.reportId && (
                          <Link to={`/reports/${m.reportId}`} data-testid="county-report-link">
                            {t('dashboard.openReport')}
                          </Link>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </DashSection>
            </>
          )
        }
      </DrillBody>
    </div>
  );
}
