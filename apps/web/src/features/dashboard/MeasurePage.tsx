import './dashboard.css';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Collapse, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { DashboardCountiesDocument, MeasureDetailDocument, type MeasureDetailQuery } from '../../graphql/generated';
import { useDisplayText, useI18n } from '../../shared/i18n';
import { LoadError } from '../../shared/LoadError';
import { StateTag } from '../../shared/StateTag';
import { UNIT_STATUS_COLORS, taskStateOf, unitStatusKey } from '../../shared/task-state';
import { formatDateTime } from '../../shared/format';
import { measureNumber, stripLeadingNumber } from '../../shared/policy-format';
import { ResponsibleUnits } from '../policy';
import { formatCount } from './dashboard-format';
import { progressOfTargets, sortReports } from './drilldown-format';
import { DashSection, DrillBody, DrillHeader, useDrillPeriod } from './DrillHeader';
import { countyPath } from '../policy-nav';

type Report = MeasureDetailQuery['progressReports'][number];

/** One measure: its text, who is responsible, its targets by county and every report of a period. */
export default function MeasurePage() {
  const { measureId = '' } = useParams();
  const { t, lang } = useI18n();
  const display = useDisplayText();
  const { policyId, policyQuery, policy, periods, periodId, setPeriod } = useDrillPeriod();
  const detail = useQuery(MeasureDetailDocument, {
    variables: { policyId: policy?.id ?? '', periodId: periodId ?? '', measureId },
    skip: !policy || !periodId,
  });
  const counties = useQuery(DashboardCountiesDocument, {
    variables: { policyId: policy?.id ?? '', periodId: periodId ?? '' },
    skip: !policy || !periodId,
  });

  const measure = detail.data?.policy.measures.find((m) => m.id === measureId);
  const error = policyQuery.error ?? detail.error;
  const loading = !error && !detail.data;
  const retry = () => {
    void policyQuery.refetch();
    if (policy && periodId) void detail.refetch();
  };
  const reports = sortReports(detail.data?.progressReports ?? []);
  const figures = progressOfTargets(counties.data?.targetProgress ?? [], measure?.targets.map((x) => x.id) ?? []);

  return (
    <div className="ls-dash ls-drill" data-testid="measure-page" data-ready={!loading && !error ? 'data' : undefined}>
      <DrillHeader
        title={
          measure ? (
            <>
              <span className="ls-measure-number">{measureNumber(measure.seq, lang)}</span>
              {lang === 'en' && ' '}
              {display(stripLeadingNumber(measure.title))}
            </>
          ) : detail.data ? (
            t('drill.notFound')
          ) : null
        }
        periodId={periodId}
        periods={periods}
        onPeriod={setPeriod}
      />
      <DrillBody error={error} loading={loading} found={!!measure} onRetry={retry}>
        {() =>
          measure && (
            <>
              <Collapse
                className="ls-drill-body"
                data-testid="measure-body"
                items={[
                  {
                    key: 'body',
                    label: t('drill.body'),
                    children: <Typography.Paragraph className="ls-drill-body-text">{display(measure.body)}</Typography.Paragraph>,
                  },
                ]}
              />
              <DashSection title={t('drill.units')} testId="measure-units">
                <ResponsibleUnits responsibilities={measure.responsibilities} />
              </DashSection>

              <DashSection title={t('drill.figures')} testId="measure-figures">
                {measure.targets.length === 0 ? (
                  <Typography.Text type="secondary">{t('drill.noTargets')}</Typography.Text>
                ) : counties.error ? (
                  <LoadError error={counties.error} onRetry={() => void counties.refetch()} />
                ) : !counties.data ? (
                  <Skeleton active paragraph={{ rows: 6 }} />
                ) : (
                  <div className="ls-drill-figures">
                    {figures.map((p) => (
                      <div key={p.target.id} className="ls-drill-figure" data-testid="measure-target" data-target-id={p.target.id}>
                        <Typography.Text strong>
                          {t('dashboard.withUnit', { name: display(p.target.name), unit: display(p.target.unit) })}
                        </Typography.Text>
                        <Table
                          size="small"
                          pagination={false}
                          rowKey={(r) => r.county.id}
                          dataSource={[...p.byCounty]}
                          columns={[
                            {
                              title: t('dashboard.colCounty'),
                              key: 'county',
                              render: (_, r) => <Link to={countyPath(policyId, r.county.id, periodId)}>{display(r.county.shortName)}</Link>,
                            },
                            {
                              title: t('drill.colAchieved'),
                              key: 'achieved',
                              align: 'right',
                              render: (_, r) => (
                                <span data-testid="measure-figure" data-county-id={r.county.id} data-value={r.achieved}>
                                  {formatCount(r.achieved, lang)}
                                </span>
                              ),
                            },
                            { title: t('dashboard.colQuota'), key: 'quota', align: 'right', render: (_, r) => formatCount(r.quota, lang) },
                            {
                              title: t('drill.colPending'),
                              key: 'pending',
                              align: 'right',
                              render: (_, r) => formatCount(r.pending, lang),
                            },
                          ]}
                        />
                      </div>
                    ))}
                  </div>
                )}
              </DashSection>

              <DashSection title={t('drill.reports')} testId="measure-reports">
                {reports.length === 0 ? (
                  <Empty description={t('drill.noReports')} data-testid="drill-empty" />
                ) : (
                  <Table<Report>
                    size="small"
                    pagination={false}
                    rowKey={(r) => r.id}
                    dataSource={reports}
                    scroll={{ x: 'max-content' }}
                    onRow={() => ({ 'data-testid': 'measure-report' }) as React.HTMLAttributes<HTMLElement>}
                    columns={[
                      { title: t('dashboard.colUnit'), key: 'unit', render: (_, r) => display(r.agency.shortName) },
                      { title: t('drill.colState'), key: 'state', render: (_, r) => <StateTag state={taskStateOf(r.status)} /> },
                      {
                        title: t('dashboard.colUnits'),
                        key: 'unitStatus',
                        render: (_, r) =>
                          r.unitStatus ? (
                            <Tag className="ls-tag" color={UNIT_STATUS_COLORS[r.unitStatus]}>
                              {t(unitStatusKey(r.unitStatus))}
                            </Tag>
                          ) : (
                            '—'
                          ),
                      },
                      { title: t('drill.colSubmitted'), key: 'submitted', render: (_, r) => formatDateTime(r.submittedAt) || '—' },
                      {
                        title: t('drill.colComment'),
                        key: 'comment',
                        render: (_, r) => (r.reviewComment ? display(r.reviewComment) : '—'),
                      },
                      {
                        title: '',
                        key: 'link',
                        render: (_, r) => (
                          <Link to={`/reports/${r.id}`} data-testid="measure-report-link">
                            {t('dashboard.openReport')}
                          </Link>
                        ),
                      },
                    ]}
                  />
                )}
              </DashSection>
            </>
          )
        }
      </DrillBody>
    </div>
  );
}
