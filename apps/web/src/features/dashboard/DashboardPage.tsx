import './dashboard.css';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Segmented, Select, Skeleton, Typography } from 'antd';
import {
  DashboardCountiesDocument,
  DashboardCountyListDocument,
  DashboardOverviewDocument,
  DashboardPolicyDocument,
  DashboardTrendDocument,
} from '../../graphql/generated';
import { useDisplayText, useI18n, type MessageKey } from '../../shared/i18n';
import { formatPeriodLabel } from '../../shared/format';
import { defaultPeriod, periodsUpToCurrent } from './dashboard-format';
import { exportableCards, TargetCards } from './TargetCards';
import { ChartPngButton } from './ChartPngButton';
import type { SourcesRequest } from './SourcesDrawer';
import type { ScheduleTarget } from './TrajectoryDialog';
import { useAuth } from '../../shared/session';
import { exportSheets } from './export-rows';
import { DashSection } from './DashSection';
import { useSimplifiedTexts } from './useSimplifiedTexts';
import { usePolicyFromRoute, countyPath } from '../policy-nav';

// The charts bring recharts (~125 KB gzip): their chunk loads as soon as this page's module runs,
// in parallel with the page's queries, instead of holding up the page (and its queries) until it
// has been parsed. Held in state rather than React.lazy: React reveals suspended content no sooner
// than 300 ms after a fallback, which would hold back the first chart for nothing.
type Charts = typeof import('./dashboard-charts');
let charts: Charts | null = null;
let chartsLoading: Promise<Charts> | null = null;
function loadCharts(): Promise<Charts> {
  chartsLoading ??= import('./dashboard-charts').then(
    (m) => (charts = m),
    (error: unknown) => {
      chartsLoading = null; // the retry button loads it again, e.g. once the phone is back online
      throw error;
    },
  );
  return chartsLoading;
}
if (typeof window !== 'undefined') {
  void loadCharts().catch(() => undefined);
}

/** The charts' module once loaded (null before), and the load's failure if it failed. */
function useCharts(): { charts: Charts | null; failed: boolean; retry: () => void } {
  const [loaded, setLoaded] = useState<Charts | null>(() => charts);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (loaded || failed) return;
    let active = true;
    loadCharts().then(
      (m) => active && setLoaded(m),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, [loaded, failed]);
  return { charts: loaded, failed, retry: () => setFailed(false) };
}

// Below the charts or only on a click: their code (antd Table, Progress, Drawer) loads after the
// first chart has painted, or when a number is clicked, not before the charts.
const MeasuresTable = lazy(() => import('./MeasuresTable').then((m) => ({ default: m.MeasuresTable })));
const ComplianceList = lazy(() => import('./ComplianceList').then((m) => ({ default: m.ComplianceList })));
const SourcesDrawer = lazy(() => import('./SourcesDrawer').then((m) => ({ default: m.SourcesDrawer })));
const TrajectoryDialog = lazy(() => import('./TrajectoryDialog'));
// Only when a query failed: antd's Result with its pictures is ~10 KB gzip.
const LazyLoadError = lazy(() => import('../../shared/LoadError').then((m) => ({ default: m.LoadError })));
function LoadError(props: { error: Error; onRetry: () => void }) {
  return (
    <Suspense fallback={null}>
      <LazyLoadError {...props} />
    </Suspense>
  );
}

/** True from the frame after `ready` first holds (the first chart's frame has been painted). */
function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAfter(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, after]);
  return after;
}

function DashboardSkeleton() {
  return (
    <div data-testid="dashboard-loading">
      <div className="ls-dash-cards">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="ls-dash-card">
            <Skeleton active paragraph={{ rows: 2 }} />
          </div>
        ))}
      </div>
      <Skeleton active paragraph={{ rows: 8 }} />
    </div>
  );
}

/** The leaders' dashboard: which targets are behind, which counties lag, which units have not reported. */
export default function DashboardPage() {
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const [params, setParams] = useSearchParams();
  const requestedPeriod = params.get('period');
  const countyId = params.get('county');
  const [withoutReports, setWithoutReports] = useState<ReadonlySet<string>>(new Set());
  const [chosenTarget, setChosenTarget] = useState<string | null>(null);
  const [sources, setSources] = useState<SourcesRequest | null>(null);
  const [schedule, setSchedule] = useState<ScheduleTarget | null>(null);
  const { user } = useAuth();
  const mayPlan = user?.role === 'OFFICE' || user?.role === 'ADMIN';
  const [sourcesUsed, setSourcesUsed] = useState(false); // the drawer's code loads on the first click
  if (sources && !sourcesUsed) setSourcesUsed(true);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);

  const { policyId } = usePolicyFromRoute();
  const policyQuery = useQuery(DashboardPolicyDocument, { variables: { policyId } });
  const countyList = useQuery(DashboardCountyListDocument);
  const policy = policyQuery.data?.policy ?? null;
  // Every name on the overview is in traditional characters: their simplified forms come from the
  // API, asked together with the overview, instead of opencc's converter (~50 KB gzip).
  const textsReady = useSimplifiedTexts(policy?.id);
  const periods = useMemo(() => (policy ? periodsUpToCurrent(policy) : []), [policy]);
  const periodId = policy
    ? defaultPeriod(periods.length ? periods : policy.periods, policy.currentPeriod?.id, requestedPeriod, withoutReports)
    : null;

  const overview = useQuery(DashboardOverviewDocument, {
    variables: { policyId: policy?.id ?? '', periodId: periodId ?? '', countyId }, // countyId: the cards are that county's, against its quota
    skip: !policy || !periodId,
  });
  const hasReports = overview.data?.policyOverview.hasReports ?? false;
  // Asked together with the overview, not after it (one round trip less before the first chart);
  // a period without reports shows neither.
  const counties = useQuery(DashboardCountiesDocument, {
    variables: { policyId: policy?.id ?? '', periodId },
    skip: !policy || !periodId,
  });
  const trend = useQuery(DashboardTrendDocument, {
    variables: { policyId: policy?.id ?? '', countyId },
    skip: !policy,
  });

  // No period in the address: walk back from the current period to the latest one with reports.
  useEffect(() => {
    if (requestedPeriod || !periodId || !overview.data || overview.data.policyOverview.period.id !== periodId) return;
    if (overview.data.policyOverview.hasReports || withoutReports.has(periodId)) return;
    if (periods.findIndex((p) => p.id === periodId) <= 0) return;
    setWithoutReports(new Set([...withoutReports, periodId]));
  }, [requestedPeriod, periodId, overview.data, withoutReports, periods]);

  const setParam = (key: 'period' | 'county', value: string | null) => {
    const next = new URLSearchParams(params);
    if (key === 'period' && !next.get('period') && periodId) next.set('period', periodId);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const cards = overview.data?.policyOverview.targets ?? [];
  // Every target has a county chart: quotas or counts (AT_LEAST), or levels against a ceiling (AT_MOST).
  const chartTargets = cards;
  const targetId = chartTargets.some((c) => c.target.id === chosenTarget) ? chosenTarget : (chartTargets[0]?.target.id ?? null);
  const card = cards.find((c) => c.target.id === targetId);
  const progress = counties.data?.targetProgress.find((p) => p.target.id === targetId);
  const trendOfTarget = trend.data?.targetTrend.find((p) => p.target.id === targetId);
  const countyName = (id: string | null) => {
    const c = countyList.data?.agencies.find((a) => a.id === id);
    return c ? display(c.shortName) : undefined;
  };

  const chartCode = useCharts();
  const lowerSections = useAfterPaint(hasReports && (!!counties.data || !!counties.error));

  const error = policyQuery.error ?? overview.error;
  const loading = !error && (!policy || (periodId !== null && !overview.data) || !textsReady);
  const countyLabel = countyName(countyId) ?? t('dashboard.allCounties');
  const periodLabel = formatPeriodLabel(periods.find((p) => p.id === periodId)?.label ?? '', lang);
  /** The caption line of a chart's PNG: policy, period, county filter. */
  const pngSubtitle = [policy ? display(policy.docNumber) : '', periodLabel, countyLabel].filter(Boolean).join(' · ');

  /** One sheet per table, built from what the page shows; exceljs loads only now. */
  const exportExcel = async () => {
    const data = overview.data?.policyOverview;
    if (!data) return;
    setExporting(true);
    setExportFailed(false);
    try {
      const { downloadWorkbook } = await import('./export-excel');
      const sheets = exportSheets(
        {
          targets: exportableCards(data.targets),
          counties: counties.data?.targetProgress ?? [],
          measures: data.measures,
          compliance: data.compliance,
        },
        (key, vars) => t(key as MessageKey, vars),
        display,
      );
      await downloadWorkbook(sheets, `${t('dashboard.title')}-${formatPeriodLabel(data.period.label, lang)}.xlsx`);
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div
      className="ls-dash"
      data-testid="dashboard"
      data-period-id={periodId ?? undefined}
      data-ready={!loading && !error ? (hasReports ? 'data' : 'empty') : undefined}
    >
      <div className="ls-dash-top">
        <div>
          <Typography.Title level={1} className="ls-page-title ls-dash-title">
            {t('dashboard.title')}
          </Typography.Title>
          {policy && <Typography.Text type="secondary">{display(policy.docNumber)}</Typography.Text>}
        </div>
        <div className="ls-dash-filters">
          <label className="ls-dash-filter">
            <span>{t('dashboard.period')}</span>
            <Select
              data-testid="period-select"
              className="ls-dash-select"
              value={periodId ?? undefined}
              loading={!policy}
              onChange={(value: string) => setParam('period', value)}
              options={[...periods].reverse().map((p) => ({ value: p.id, label: formatPeriodLabel(p.label, lang) }))}
              popupMatchSelectWidth={false}
            />
          </label>
          <label className="ls-dash-filter">
            <span>{t('dashboard.county')}</span>
            <Select
              data-testid="county-select"
              className="ls-dash-select"
              value={countyId ?? ''}
              onChange={(value: string) => setParam('county', value || null)}
              options={[
                { value: '', label: t('dashboard.allCounties') },
                ...(countyList.data?.agencies ?? []).map((a) => ({ value: a.id, label: display(a.name) })),
              ]}
              popupMatchSelectWidth={false}
            />
          </label>
          {countyId && (
            <Link to={countyPath(policyId, countyId, periodId)} className="ls-drill-link" data-testid="county-detail-link">
              {t('drill.countyLink')}
            </Link>
          )}
          {hasReports && (
            <Button onClick={() => void exportExcel()} loading={exporting} data-testid="export-excel">
              {t('dashboard.export')}
            </Button>
          )}
          {exportFailed && <Typography.Text type="danger">{t('dashboard.exportFailed')}</Typography.Text>}
        </div>
      </div>

      {policyQuery.data?.appInfo.demoData && (
        <Alert type="warning" showIcon title={t('dashboard.demo')} data-testid="demo-banner" className="ls-dash-demo" />
      )}

      {error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void policyQuery.refetch();
            if (policy) void overview.refetch();
          }}
        />
      ) : loading ? (
        <DashboardSkeleton />
      ) : !hasReports ? (
        <Empty
          className="ls-dash-empty"
          data-testid="dashboard-empty"
          description={
            <>
              <div className="ls-dash-empty-title">{t('dashboard.empty')}</div>
              <div>{t('dashboard.emptyHint')}</div>
            </>
          }
        />
      ) : (
        <>
          <DashSection title={`${t('dashboard.targets')} · ${countyLabel}`} testId="targets">
            <TargetCards cards={cards} onSources={setSources} onSchedule={mayPlan ? setSchedule : undefined} />
          </DashSection>
          {chartTargets.length > 0 && (
            <div className="ls-dash-target-switch">
              <Segmented
                data-testid="target-switch"
                value={targetId ?? undefined}
                onChange={(value) => setChosenTarget(String(value))}
                options={chartTargets.map((c) => ({ value: c.target.id, label: display(c.target.name) }))}
              />
            </div>
          )}
          <div className="ls-dash-grid">
            <DashSection
              title={`${t('dashboard.byCounty')}${card ? ` · ${display(card.target.name)}` : ''}`}
              extra={
                progress &&
                card && (
                  <ChartPngButton
                    title={`${t('dashboard.byCounty')} · ${display(card.target.name)}`}
                    subtitle={pngSubtitle}
                    period={periodLabel}
                    testId="png-by-county"
                  />
                )
              }
              testId="by-county"
            >
              {counties.error ? (
                <LoadError error={counties.error} onRetry={() => void counties.refetch()} />
              ) : chartCode.failed ? (
                <LoadError error={new Error(t('common.network'))} onRetry={chartCode.retry} />
              ) : !progress || !card || !chartCode.charts ? (
                <Skeleton active paragraph={{ rows: 7 }} />
              ) : (
                <>
                  {card.target.direction === 'AT_MOST' ? (
                    <chartCode.charts.CeilingChart
                      rows={progress.byCounty}
                      ceiling={card.target.targetValue}
                      unit={card.target.unit}
                      selectedCountyId={countyId}
                      onBarClick={(id, name) =>
                        setSources({
                          targetId: card.target.id,
                          targetName: card.target.name,
                          unit: card.target.unit,
                          countyId: id,
                          countyName: name,
                        })
                      }
                    />
                  ) : (
                    <chartCode.charts.CountyChart
                      rows={progress.byCounty}
                      expectedShare={card.expectedShare}
                      cityTarget={card.target.targetValue}
                      unit={card.target.unit}
                      selectedCountyId={countyId}
                      onBarClick={(id, name) =>
                        setSources({
                          targetId: card.target.id,
                          targetName: card.target.name,
                          unit: card.target.unit,
                          countyId: id,
                          countyName: name,
                        })
                      }
                    />
                  )}
                </>
              )}
              {progress && (
                <div className="ls-drill-county-links" data-testid="county-links">
                  <span className="ls-dash-hint">
                    {t('drill.countyLink')}
                    {t('dashboard.colon')}
                  </span>
                  {progress.byCounty.map((r) => (
                    <Link
                      key={r.county.id}
                      to={countyPath(policyId, r.county.id, periodId)}
                      data-testid="county-link"
                      data-county-id={r.county.id}
                    >
                      {display(r.county.shortName)}
                    </Link>
                  ))}
                </div>
              )}
            </DashSection>
            <DashSection
              title={`${t('dashboard.trend')} · ${countyLabel}`}
              extra={
                trend.data &&
                card && (
                  <ChartPngButton
                    title={`${t('dashboard.trend')} · ${display(card.target.name)}`}
                    subtitle={pngSubtitle}
                    period={periodLabel}
                    testId="png-trend"
                  />
                )
              }
              testId="trend"
            >
              {trend.error ? (
                <LoadError error={trend.error} onRetry={() => void trend.refetch()} />
              ) : !trend.data || !card || !chartCode.charts ? (
                <Skeleton active paragraph={{ rows: 6 }} />
              ) : (
                <chartCode.charts.TrendChart
                  points={trendOfTarget?.points ?? []}
                  direction={card.target.direction}
                  unit={card.target.unit}
                  county={
                    countyId
                      ? {
                          quota: progress?.byCounty.find((r) => r.county.id === countyId)?.quota ?? null,
                          targetValue: card.target.targetValue,
                        }
                      : undefined
                  }
                />
              )}
            </DashSection>
          </div>
          <div className="ls-dash-grid ls-dash-grid-wide">
            <DashSection
              title={t('dashboard.measures')}
              extra={<span className="ls-dash-hint ls-dash-overdue">{t('dashboard.overdueNote')}</span>}
              testId="measures-section"
            >
              {lowerSections ? (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                  <MeasuresTable rows={overview.data?.policyOverview.measures ?? []} periodId={periodId} />
                </Suspense>
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              )}
            </DashSection>
            <DashSection title={t('dashboard.compliance')} testId="compliance-section">
              {lowerSections ? (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                  <ComplianceList rows={overview.data?.policyOverview.compliance ?? []} />
                </Suspense>
              ) : (
                <Skeleton active paragraph={{ rows: 8 }} />
              )}
            </DashSection>
          </div>
        </>
      )}
      {periodId && sourcesUsed && (
        <Suspense fallback={null}>
          <SourcesDrawer request={sources} periodId={periodId} onClose={() => setSources(null)} />
        </Suspense>
      )}
      {schedule && (
        <Suspense fallback={null}>
          <TrajectoryDialog target={schedule} onClose={() => setSchedule(null)} />
        </Suspense>
      )}
    </div>
  );
}
